const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/journal-dW5NWyaP.js","assets/jsxRuntime-DyJjvnAk.js","assets/dist-B5d9IcWF.js","assets/rolldown-runtime-DoHqwKmD.js","assets/console-DvtrswII.js","assets/preload-helper-C_TS3VOc.js","assets/console-BLdr1TZG.css","assets/hooks-dTogHBCC.js","assets/configuration-DXkBFCFt.js","assets/device-model-CZacliJM.js","assets/commands-CQH7v9vs.js"])))=>i.map(i=>d[i]);
import{C as e,D as t,O as n,S as r,T as i,_ as a,g as o,k as s,l as c,o as l,p as u,r as d,t as f}from"./jsxRuntime-DyJjvnAk.js";import{_ as p,a as m,b as h,c as g,f as _,g as v,h as y,i as b,m as x,n as ee,o as S,r as C,t as w,v as te}from"./console-DvtrswII.js";import{n as T,r as E,t as D}from"./hooks-dTogHBCC.js";import{t as O}from"./chart-ySC3OxWO.js";import{DriverQrCodes as k}from"./qr-sn8mxt-G.js";import{t as A}from"./preload-helper-C_TS3VOc.js";function j(e){if(!e)return``;let t=`station.answer.${e}`,n=h(t);return n===t?e.replaceAll(`_`,` `).toLowerCase():n}function M(e){return e?e.replaceAll(`_`,` `).toLowerCase():`–`}function N(e){let t=e.trim();return t===``?null:t}function P(e){let t=e.trim();return t===``?null:Number.isInteger(Number(t))?Number(t):NaN}function F(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function I(e){let t=e=>String(e).padStart(2,`0`);return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}T${t(e.getHours())}:${t(e.getMinutes())}`}function L(e){return e.numericValue===null||e.numericValue===void 0?null:e.unit===`KWH`||e.unit===`KW`?e.numericValue*1e3:e.numericValue}function R(e,t){let n=e.filter(e=>e.measurand===t),r=n.find(e=>!e.phase);if(r)return L(r);let i=n.filter(e=>e.phase===`L1`||e.phase===`L2`||e.phase===`L3`);return i.length===0?null:i.reduce((e,t)=>e+(L(t)??0),0)}function z(e){let n=D(e.doc),r=i(null),[a,o]=t(!1),c=`cmd-${e.title.replace(/\W+/g,`-`).toLowerCase()}`,l=async()=>{if(r.current&&!r.current.reportValidity())return;let t=e.variables();if(o(t===null),t===null){n.reset();return}let i=await n.run(t);i&&e.onDone?.(i)};return f(`form`,{ref:r,class:`card command`,"aria-labelledby":c,onSubmit:t=>{t.preventDefault(),e.confirm||l()},children:[f(`h3`,{id:c,children:e.title}),e.description&&f(`p`,{class:`muted`,children:e.description}),e.children,f(`div`,{class:`row`,children:[e.confirm?f(ee,{label:e.submit,question:e.confirm,danger:e.danger,disabled:e.disabled||n.running,onConfirm:()=>void l()}):f(`button`,{type:`submit`,class:`primary`,disabled:e.disabled||n.running,children:e.submit}),n.running&&f(`span`,{class:`muted`,children:h(`station.sending`)})]}),a&&e.invalid&&f(`p`,{class:`notice warn`,children:e.invalid}),f(C,{error:n.error}),n.result&&f(s,{children:[f(m,{status:e.status(n.result),children:j(e.status(n.result))}),e.details?.(n.result)]})]})}function B(e){return f(`label`,{class:`field`,children:[f(`span`,{children:e.label}),f(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.empty!==void 0&&f(`option`,{value:``,children:e.empty}),e.values.map(e=>f(`option`,{value:e,children:M(e)},e))]})]})}var V=u(`
  query StationMeterChart($id: ID!, $from: DateTime!) {
    station(id: $id) {
      id
      energy: meterValues(last: 500, from: $from, measurand: ENERGY_ACTIVE_IMPORT_REGISTER) {
        nodes {
          connectorId
          measurand
          phase
          numericValue
          unit
          timestamp
        }
      }
      power: meterValues(last: 500, from: $from, measurand: POWER_ACTIVE_IMPORT) {
        nodes {
          connectorId
          measurand
          phase
          numericValue
          unit
          timestamp
        }
      }
    }
  }
`),H=86400,U=900,W=new Set([`ENERGY_ACTIVE_IMPORT_REGISTER`,`POWER_ACTIVE_IMPORT`]);function G(r){let[i]=t(()=>new Date(Math.floor(Date.now()/6e4)*6e4-H*1e3).toISOString()),a=T(V,{id:r.stationId,from:i}),[o,s]=t([]);e(()=>{s([])},[a.data]),e(()=>{let e=e=>{if(e.kind!==`meter`)return;let t=e.samples.filter(e=>e.measurand&&W.has(e.measurand)&&!e.phase);t.length&&s(e=>[...e,...t].slice(-4e3))};return r.listeners.add(e),()=>void r.listeners.delete(e)},[r.listeners]);let{times:c,series:l}=n(()=>{let e=a.data?.station;return K([...e?.energy.nodes??[],...e?.power.nodes??[],...o].filter(e=>!e.phase&&e.measurand&&W.has(e.measurand)))},[a.data,o]);return f(`section`,{"aria-labelledby":`chart-h`,children:[f(`h2`,{id:`chart-h`,children:h(`station.chart`)}),f(C,{error:a.error}),a.loading&&!a.data&&f(`p`,{class:`muted`,children:h(`common.loading`)}),a.data&&c.length<2&&f(`p`,{class:`muted`,children:h(`station.chartEmpty`)}),c.length>=2&&f(`div`,{class:`card`,children:f(O,{times:c,series:l,label:h(`station.chartLabel`)})})]})}function K(e){let t=new Map,n=new Set;for(let r of e){let e=L(r);if(e===null)continue;let i=Math.round(Date.parse(r.timestamp)/1e3);if(!Number.isFinite(i))continue;let a=`${r.measurand}|${r.connectorId}`,o=t.get(a);o||t.set(a,o=new Map),o.set(i,e/1e3),n.add(i)}let r=[...n].sort((e,t)=>e-t);return{times:r,series:[...t.keys()].sort((e,t)=>{let[n,r]=e.split(`|`),[i,a]=t.split(`|`);return n===i?Number(r)-Number(a):n<i?-1:1}).map(e=>{let[n,i]=e.split(`|`),a=t.get(e),o=null,s=-1/0,c=r.map(e=>{let t=a.get(e);return t===void 0?o!==null&&e-s<=U?o:null:(o=t,s=e,t)}),l=n===`ENERGY_ACTIVE_IMPORT_REGISTER`;return{label:h(l?`station.chartEnergy`:`station.chartPower`,{n:i}),unit:l?`kWh`:`kW`,values:c}})}}var q=a(()=>A(()=>import(`./journal-dW5NWyaP.js`).then(e=>e.Journal),__vite__mapDeps([0,1,2,3,4,5,6,7]))),J=a(()=>A(()=>import(`./configuration-DXkBFCFt.js`).then(e=>e.Configuration),__vite__mapDeps([8,1,2,3,4,5,6,7]))),Y=a(()=>A(()=>import(`./device-model-CZacliJM.js`).then(e=>e.DeviceModel),__vite__mapDeps([9,1,2,3,4,5,6,7]))),ne=a(()=>A(()=>import(`./commands-CQH7v9vs.js`).then(e=>e.Commands),__vite__mapDeps([10,1,2,3,4,5,6,7]))),X=u(`
  query StationPage($id: ID!) {
    station(id: $id) {
      id
      connected
      connectedSince
      registrationStatus
      securityProfile
      hasAuthorizationKey
      vendor
      model
      chargePointSerialNumber
      chargeBoxSerialNumber
      firmwareVersion
      ocppVersion
      firmwareStatus
      firmwareStatusAt
      diagnosticsStatus
      diagnosticsStatusAt
      iccid
      imsi
      meterType
      meterSerialNumber
      createdAt
      firstSeenAt
      lastBootAt
      lastHeartbeatAt
      lastSeenAt
      connectors {
        connectorId
        status
        errorCode
        info
        vendorErrorCode
        vendorId
        ocppStatus
        statusTimestamp
        updatedAt
        lastMeterReading {
          timestamp
          transactionId
          sampledValues {
            measurand
            phase
            numericValue
            unit
          }
        }
        currentTransaction {
          id
          connectorId
          idTag
          startTime
          meterStart
          energyWh
        }
      }
    }
  }
`),Z=u(`
  query StationDetails($id: ID!) {
    station(id: $id) {
      id
      displayName
      site
      address
      latitude
      longitude
      note
    }
  }
`),re=u(`
  mutation StationUpdateDetails($id: ID!, $input: StationDetailsInput!) {
    updateStationDetails(id: $id, input: $input) {
      id
      displayName
      site
      address
      latitude
      longitude
      note
    }
  }
`),ie=u(`
  subscription StationConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      connectorId
      status
      errorCode
      info
      timestamp
    }
  }
`),ae=u(`
  subscription StationMeterValues($stationId: ID!) {
    meterValues(stationId: $stationId) {
      connectorId
      transactionId
      meterValues {
        timestamp
        transactionId
        sampledValues {
          measurand
          phase
          numericValue
          unit
        }
      }
    }
  }
`),oe=u(`
  subscription StationTransactionEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
        connectorId
        idTag
        startTime
        meterStart
        energyWh
      }
    }
  }
`),se=u(`
  subscription StationEvents($stationId: ID!) {
    stationEvents(stationId: $stationId) {
      kind
      at
    }
  }
`),Q=[`overview`,`journal`,`configuration`,`commands`];function $(){let{params:n}=r(),i=decodeURIComponent(n.id??``),a=Q.includes(n.tab??``)?n.tab:`overview`,l=T(X,{id:i}),u=T(Z,{id:i}),[p]=t(()=>new Set),m=l.data?.station;e(()=>{if(!c.value)return;let e=e=>p.forEach(t=>t(e)),t=(e,t)=>l.setData(n=>{if(!n?.station)return n;let r=n.station.connectors,i=r.some(t=>t.connectorId===e)?r.map(n=>n.connectorId===e?t(n):n):[...r,t(le(e))].sort((e,t)=>e.connectorId-t.connectorId);return{station:{...n.station,connectors:i}}}),n=[d(ie,{stationId:i},{next:({connectorStatus:n})=>{t(n.connectorId,e=>({...e,status:n.status,errorCode:n.errorCode,info:n.info??null,statusTimestamp:n.timestamp??null,updatedAt:new Date().toISOString()})),e({kind:`other`})},resync:()=>l.reload()}),d(ae,{stationId:i},{next:({meterValues:n})=>{let r=n.meterValues[n.meterValues.length-1];r&&t(n.connectorId,e=>{let t=e.currentTransaction,i=r.transactionId??n.transactionId,a=R(r.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`),o=t&&(i==null||i===t.id);return{...e,lastMeterReading:{...r,transactionId:i??null},currentTransaction:t&&o&&a!==null?{...t,energyWh:Math.round(a-t.meterStart)}:t}}),e({kind:`meter`,samples:n.meterValues.flatMap(e=>e.sampledValues.map(t=>({...t,connectorId:n.connectorId,timestamp:e.timestamp})))})},resync:()=>l.reload()}),d(oe,{stationId:i},{next:({transactionEvents:n})=>{let r=n.transaction;t(r.connectorId,e=>({...e,currentTransaction:n.kind===`STARTED`?r:e.currentTransaction?.id===r.id?null:e.currentTransaction})),e({kind:`other`})},resync:()=>l.reload()}),d(se,{stationId:i},{next:()=>{l.reload(),e({kind:`other`})},resync:()=>l.reload()})];return()=>n.forEach(e=>e())},[i]);let g=u.data?.station?.displayName||i,v=`/stations/${encodeURIComponent(i)}`;return c.value?l.loading&&!l.data?f(S,{title:i,children:f(`p`,{role:`status`,children:h(`common.loading`)})}):l.data&&!m?f(S,{title:i,children:[f(`p`,{class:`notice warn`,children:h(`station.notFound`,{id:i})}),f(`p`,{children:f(`a`,{href:`/stations`,children:h(`station.backToList`)})})]}):f(S,{title:g,actions:m&&f(`span`,{class:`station-state`,children:[f(`span`,{class:`badge ${m.connected?`s-online`:`s-offline`}`,"data-testid":`connection`,children:m.connected?h(`station.online`):h(`station.offline`)}),` `,f(`span`,{class:`muted`,children:m.connected?h(`station.connectedSince`,{ago:_(m.connectedSince)}):m.lastSeenAt?h(`station.lastSeen`,{ago:_(m.lastSeenAt)}):h(`station.neverConnected`)})]}),children:[f(`p`,{class:`muted station-sub`,children:[f(`a`,{href:`/stations`,children:h(`nav.stations`)}),` / `,f(`code`,{children:i}),u.data?.station?.site&&f(s,{children:[` · `,u.data.station.site]})]}),f(C,{error:l.error}),f(`nav`,{"aria-label":h(`station.tabs`),children:f(`div`,{class:`tabs`,children:Q.map(e=>f(`a`,{href:e===`overview`?v:`${v}/${e}`,"aria-current":a===e?`page`:void 0,children:ce(e)},e))})}),m&&f(o,{children:[a===`overview`&&f(ue,{station:m,details:u,listeners:p,onReload:l.reload}),a===`journal`&&f(q,{stationId:i,listeners:p}),a===`configuration`&&(m.ocppVersion===`OCPP_2_0_1`?f(Y,{stationId:i,connected:m.connected}):f(J,{stationId:i,connected:m.connected})),a===`commands`&&f(ne,{station:m,onChanged:l.reload})]})]}):f(S,{title:h(`station.title`),children:f(`p`,{class:`notice warn`,children:h(`station.staffOnly`)})})}function ce(e){switch(e){case`overview`:return h(`station.tab.overview`);case`journal`:return h(`station.tab.journal`);case`configuration`:return h(`station.tab.configuration`);case`commands`:return h(`station.tab.commands`)}}function le(e){return{connectorId:e,status:null,errorCode:null,info:null,vendorErrorCode:null,vendorId:null,ocppStatus:null,statusTimestamp:null,updatedAt:new Date().toISOString(),lastMeterReading:null,currentTransaction:null}}function ue(e){let t=e.station,n=t.connectors.filter(e=>e.connectorId>0),r=t.connectors.find(e=>e.connectorId===0);return f(s,{children:[f(`section`,{"aria-labelledby":`connectors-h`,children:[f(`h2`,{id:`connectors-h`,children:h(`station.connectors`)}),r&&f(`p`,{children:[h(`station.chargePointStatus`),`: `,f(w,{value:r.status}),` `,r.errorCode&&r.errorCode!==`NO_ERROR`&&f(`span`,{children:r.errorCode})]}),n.length===0?f(`p`,{class:`muted`,children:h(`station.noConnectors`)}):f(`div`,{class:`connector-cards`,children:n.map(e=>f(de,{c:e},e.connectorId))})]}),f(G,{stationId:t.id,listeners:e.listeners}),f(k,{stationId:t.id,connectorIds:n.map(e=>e.connectorId)}),f(`div`,{class:`grid2`,children:[f(`section`,{"aria-labelledby":`identity-h`,class:`card`,children:[f(`h2`,{id:`identity-h`,children:h(`station.identity`)}),f(fe,{s:t})]}),f(pe,{stationId:t.id,details:e.details})]})]})}function de({c:e}){let t=E(1e3),n=e.currentTransaction,r=e.lastMeterReading?R(e.lastMeterReading.sampledValues,`POWER_ACTIVE_IMPORT`):null,i=e.connectorId;return f(`article`,{class:`card connector`,"data-testid":`connector-${i}`,"aria-labelledby":`connector-${i}-h`,children:[f(`h3`,{id:`connector-${i}-h`,children:[h(`station.connector`,{n:i}),` `,f(`span`,{"data-testid":`status-${i}`,role:`status`,"aria-live":`polite`,children:f(w,{value:e.status})})]}),e.errorCode&&e.errorCode!==`NO_ERROR`&&f(`p`,{class:`notice error`,children:[h(`station.errorCode`),`: `,f(`strong`,{children:e.errorCode}),e.info&&f(s,{children:[` · `,e.info]}),e.vendorErrorCode&&f(s,{children:[` · `,e.vendorErrorCode]})]}),(!e.errorCode||e.errorCode===`NO_ERROR`)&&e.info&&f(`p`,{class:`muted`,children:e.info}),e.ocppStatus&&f(`p`,{class:`muted`,"data-testid":`ocpp-status-${i}`,children:h(`station.ocppStatus`,{status:e.ocppStatus})}),f(`dl`,{class:`kv`,children:[f(`dt`,{children:h(`station.statusSince`)}),f(`dd`,{children:x(e.statusTimestamp??e.updatedAt)}),n?f(s,{children:[f(`dt`,{children:h(`station.transaction`)}),f(`dd`,{children:f(`a`,{href:`/transactions/${n.id}`,children:[`#`,n.id]})}),f(`dt`,{children:h(`station.idTag`)}),f(`dd`,{children:f(`code`,{children:n.idTag})}),f(`dt`,{children:h(`station.started`)}),f(`dd`,{children:x(n.startTime)}),f(`dt`,{children:h(`station.duration`)}),f(`dd`,{"data-testid":`duration-${i}`,children:y(Math.max(0,(t-Date.parse(n.startTime))/1e3))}),f(`dt`,{children:h(`station.energy`)}),f(`dd`,{"data-testid":`energy-${i}`,class:`big`,children:v(n.energyWh)}),f(`dt`,{children:h(`station.power`)}),f(`dd`,{"data-testid":`power-${i}`,class:`big`,children:te(r)})]}):f(s,{children:[f(`dt`,{children:h(`station.transaction`)}),f(`dd`,{class:`muted`,children:h(`station.noTransaction`)}),e.lastMeterReading&&f(s,{children:[f(`dt`,{children:h(`station.lastReading`)}),f(`dd`,{children:[v(R(e.lastMeterReading.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`)),` `,f(`span`,{class:`muted`,children:[`(`,_(e.lastMeterReading.timestamp),`)`]})]})]})]})]})]})}function fe({s:e}){let t=(e,t)=>f(s,{children:[f(`dt`,{children:e}),f(`dd`,{children:t==null||t===``?`–`:t})]});return f(`dl`,{class:`kv`,children:[t(h(`station.id`),e.id),f(`dt`,{children:h(`station.registration`)}),f(`dd`,{children:f(w,{value:e.registrationStatus})}),t(h(`station.securityProfile`),e.securityProfile),t(h(`station.authorizationKey`),e.hasAuthorizationKey===null||e.hasAuthorizationKey===void 0?null:e.hasAuthorizationKey?h(`common.yes`):h(`common.no`)),t(h(`station.vendor`),e.vendor),t(h(`station.model`),e.model),t(h(`station.chargePointSerial`),e.chargePointSerialNumber),t(h(`station.chargeBoxSerial`),e.chargeBoxSerialNumber),t(h(`station.firmware`),e.firmwareVersion),t(h(`station.ocppVersion`),g(e.ocppVersion)),t(h(`station.firmwareStatus`),e.firmwareStatus?`${e.firmwareStatus} (${x(e.firmwareStatusAt)})`:null),t(h(`station.diagnosticsStatus`),e.diagnosticsStatus?`${e.diagnosticsStatus} (${x(e.diagnosticsStatusAt)})`:null),t(h(`station.iccid`),e.iccid),t(h(`station.imsi`),e.imsi),t(h(`station.meterType`),e.meterType),t(h(`station.meterSerial`),e.meterSerialNumber),t(h(`station.firstSeen`),x(e.firstSeenAt??e.createdAt)),t(h(`station.lastBoot`),x(e.lastBootAt)),t(h(`station.lastHeartbeat`),x(e.lastHeartbeatAt)),t(h(`station.lastSeenAt`),x(e.lastSeenAt)),t(h(`station.connectedSinceLabel`),e.connected?x(e.connectedSince):null)]})}function pe(e){let[n,r]=t(!1),i=e.details.data?.station;return f(`section`,{"aria-labelledby":`details-h`,class:`card`,children:[f(`h2`,{id:`details-h`,children:h(`station.details`)}),f(C,{error:e.details.error}),i&&!n&&f(s,{children:[f(`dl`,{class:`kv`,children:[f(`dt`,{children:h(`station.displayName`)}),f(`dd`,{children:i.displayName||`–`}),f(`dt`,{children:h(`station.site`)}),f(`dd`,{children:i.site?f(`a`,{href:`/stations?site=${encodeURIComponent(i.site)}`,children:i.site}):`–`}),f(`dt`,{children:h(`station.address`)}),f(`dd`,{children:i.address||`–`}),f(`dt`,{children:h(`station.coordinates`)}),f(`dd`,{children:i.latitude!==null&&i.latitude!==void 0&&i.longitude!==null&&i.longitude!==void 0?`${p(i.latitude,6)}, ${p(i.longitude,6)}`:`–`}),f(`dt`,{children:h(`station.note`)}),f(`dd`,{class:`note`,children:i.note||`–`})]}),l.value&&f(`p`,{children:f(`button`,{type:`button`,onClick:()=>r(!0),children:h(`station.editDetails`)})})]}),i&&n&&f(me,{stationId:e.stationId,d:i,onDone:t=>{t&&e.details.setData(()=>({station:t})),r(!1)}})]})}function me(e){let{d:n}=e,[r,i]=t(n.displayName??``),[a,o]=t(n.site??``),[s,c]=t(n.address??``),[l,u]=t(n.latitude?.toString()??``),[d,p]=t(n.longitude?.toString()??``),[m,g]=t(n.note??``),[_,v]=t(null),y=D(re);return f(`form`,{onSubmit:async t=>{t.preventDefault();let n=l.trim()===``?null:Number(l.replace(`,`,`.`)),i=d.trim()===``?null:Number(d.replace(`,`,`.`));if(n===null!=(i===null))return v(h(`station.coordinatesBoth`));if(n!==null&&(Number.isNaN(n)||n<-90||n>90))return v(h(`station.latitudeRange`));if(i!==null&&(Number.isNaN(i)||i<-180||i>180))return v(h(`station.longitudeRange`));v(null);let o=await y.run({id:e.stationId,input:{displayName:N(r),site:N(a),address:N(s),latitude:n,longitude:i,note:N(m)}});o&&e.onDone(o.updateStationDetails)},"aria-label":h(`station.editDetails`),children:[f(b,{label:h(`station.displayName`),children:f(`input`,{value:r,maxLength:200,onInput:e=>i(e.currentTarget.value)})}),f(b,{label:h(`station.site`),hint:h(`station.siteHint`),children:f(`input`,{value:a,maxLength:200,onInput:e=>o(e.currentTarget.value)})}),f(b,{label:h(`station.address`),children:f(`input`,{value:s,maxLength:500,onInput:e=>c(e.currentTarget.value)})}),f(`div`,{class:`row`,children:[f(b,{label:h(`station.latitude`),children:f(`input`,{inputMode:`decimal`,value:l,onInput:e=>u(e.currentTarget.value)})}),f(b,{label:h(`station.longitude`),children:f(`input`,{inputMode:`decimal`,value:d,onInput:e=>p(e.currentTarget.value)})})]}),f(b,{label:h(`station.note`),children:f(`textarea`,{rows:3,value:m,onInput:e=>g(e.currentTarget.value)})}),_&&f(`p`,{class:`notice warn`,role:`alert`,children:_}),f(C,{error:y.error}),f(`div`,{class:`row`,children:[f(`button`,{type:`submit`,class:`primary`,disabled:y.running,children:h(`common.save`)}),f(`button`,{type:`button`,onClick:()=>e.onDone(null),children:h(`common.cancel`)})]})]})}export{$ as StationPage,P as a,N as c,M as i,B as n,I as o,j as r,F as s,z as t};