const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/journal-CnfNeaSg.js","assets/jsxRuntime-DPkzGEFM.js","assets/dist-B5d9IcWF.js","assets/rolldown-runtime-DoHqwKmD.js","assets/console-YlmL2Q8V.js","assets/preload-helper-C_TS3VOc.js","assets/console-BLdr1TZG.css","assets/hooks-B890TPRV.js","assets/configuration-DTsVN577.js","assets/device-model-D05_E6Xa.js","assets/commands-DV6-WlUq.js"])))=>i.map(i=>d[i]);
import{A as e,C as t,E as n,O as r,S as i,_ as a,g as o,k as s,l as c,o as l,p as u,r as d,t as f}from"./jsxRuntime-DPkzGEFM.js";import{_ as p,a as m,b as h,c as g,f as _,g as v,h as y,i as b,m as x,n as S,o as C,r as w,t as T,v as E}from"./console-YlmL2Q8V.js";import{n as D,r as ee,t as O}from"./hooks-B890TPRV.js";import{t as k}from"./chart-UPca2ba_.js";import{DriverQrCodes as A}from"./qr-20qLJ_Vl.js";import{t as j}from"./preload-helper-C_TS3VOc.js";function M(e){if(!e)return``;let t=`station.answer.${e}`,n=h(t);return n===t?e.replaceAll(`_`,` `).toLowerCase():n}function N(e){return e?e.replaceAll(`_`,` `).toLowerCase():`–`}function P(e){let t=e.trim();return t===``?null:t}function te(e){let t=e.trim();return t===``?null:Number.isInteger(Number(t))?Number(t):NaN}function F(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function I(e){let t=e=>String(e).padStart(2,`0`);return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}T${t(e.getHours())}:${t(e.getMinutes())}`}function L(e){return e.numericValue===null||e.numericValue===void 0?null:e.unit===`KWH`||e.unit===`KW`?e.numericValue*1e3:e.numericValue}function R(e,t){let n=e.filter(e=>e.measurand===t),r=n.find(e=>!e.phase);if(r)return L(r);let i=n.filter(e=>e.phase===`L1`||e.phase===`L2`||e.phase===`L3`);return i.length===0?null:i.reduce((e,t)=>e+(L(t)??0),0)}function z(t){let i=O(t.doc),a=n(null),[o,s]=r(!1),c=`cmd-${t.title.replace(/\W+/g,`-`).toLowerCase()}`,l=async()=>{if(a.current&&!a.current.reportValidity())return;let e=t.variables();if(s(e===null),e===null){i.reset();return}let n=await i.run(e);n&&t.onDone?.(n)};return f(`form`,{ref:a,class:`card command`,"aria-labelledby":c,onSubmit:e=>{e.preventDefault(),t.confirm||l()},children:[f(`h3`,{id:c,children:t.title}),t.description&&f(`p`,{class:`muted`,children:t.description}),t.children,f(`div`,{class:`row`,children:[t.confirm?f(S,{label:t.submit,question:t.confirm,danger:t.danger,disabled:t.disabled||i.running,onConfirm:()=>void l()}):f(`button`,{type:`submit`,class:`primary`,disabled:t.disabled||i.running,children:t.submit}),i.running&&f(`span`,{class:`muted`,children:h(`station.sending`)})]}),o&&t.invalid&&f(`p`,{class:`notice warn`,children:t.invalid}),f(w,{error:i.error}),i.result&&f(e,{children:[f(m,{status:t.status(i.result),children:M(t.status(i.result))}),t.details?.(i.result)]})]})}function B(e){return f(`label`,{class:`field`,children:[f(`span`,{children:e.label}),f(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.empty!==void 0&&f(`option`,{value:``,children:e.empty}),e.values.map(e=>f(`option`,{value:e,children:N(e)},e))]})]})}var V=u(`
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
`),H=u(`
  query StationMeterRollups($id: ID!, $from: DateTime!, $to: DateTime!, $every: RollupInterval!) {
    meterRollups(stationId: $id, from: $from, to: $to, every: $every) {
      connectorId
      start
      powerAvgW
      lastRegisterWh {
        value
        at
      }
    }
  }
`),U={"24h":{seconds:86400,every:null},"7d":{seconds:604800,every:`HOUR`},"30d":{seconds:2592e3,every:`HOUR`},"365d":{seconds:31536e3,every:`DAY`}};function W(e){let t=[];for(let n of e)n.lastRegisterWh&&t.push({connectorId:n.connectorId,measurand:`ENERGY_ACTIVE_IMPORT_REGISTER`,numericValue:n.lastRegisterWh.value,unit:`WH`,timestamp:n.lastRegisterWh.at}),n.powerAvgW!==null&&n.powerAvgW!==void 0&&t.push({connectorId:n.connectorId,measurand:`POWER_ACTIVE_IMPORT`,numericValue:n.powerAvgW,unit:`W`,timestamp:n.start});return t}var G=900,K=new Set([`ENERGY_ACTIVE_IMPORT_REGISTER`,`POWER_ACTIVE_IMPORT`]);function q(e){let[n,i]=r(`24h`),{seconds:a,every:o}=U[n],{from:c,to:l}=s(()=>{let e=Math.floor(Date.now()/6e4)*6e4;return{from:new Date(e-a*1e3).toISOString(),to:new Date(e+6e4).toISOString()}},[a]),u=D(V,{id:e.stationId,from:c},{skip:o!==null}),d=D(H,{id:e.stationId,from:c,to:l,every:o??`HOUR`},{skip:o===null}),p=o===null?u:d,[m,g]=r([]);t(()=>{g([])},[u.data]),t(()=>{let t=e=>{if(e.kind!==`meter`)return;let t=e.samples.filter(e=>e.measurand&&K.has(e.measurand)&&!e.phase);t.length&&g(e=>[...e,...t].slice(-4e3))};return e.listeners.add(t),()=>void e.listeners.delete(t)},[e.listeners]);let{times:_,series:v}=s(()=>{if(o!==null){let e=o===`DAY`?172800:7200;return J(W(d.data?.meterRollups??[]),e)}let e=u.data?.station;return J([...e?.energy.nodes??[],...e?.power.nodes??[],...m].filter(e=>!e.phase&&e.measurand&&K.has(e.measurand)),G)},[o,u.data,d.data,m]);return f(`section`,{"aria-labelledby":`chart-h`,children:[f(`h2`,{id:`chart-h`,children:h(`station.chart`)}),f(`div`,{class:`row`,role:`group`,"aria-label":h(`station.chartRange`),style:`margin-bottom:12px`,children:[[`24h`,h(`station.chartRange24h`)],[`7d`,h(`station.chartRange7d`)],[`30d`,h(`station.chartRange30d`)],[`365d`,h(`station.chartRange365d`)]].map(([e,t])=>f(`button`,{type:`button`,"aria-pressed":e===n,class:e===n?`primary`:void 0,onClick:()=>i(e),children:t},e))}),f(w,{error:p.error}),p.loading&&!p.data&&f(`p`,{class:`muted`,children:h(`common.loading`)}),p.data&&_.length<2&&f(`p`,{class:`muted`,children:h(`station.chartEmpty`)}),_.length>=2&&f(`div`,{class:`card`,children:f(k,{times:_,series:v,label:h(`station.chartLabel`)})})]})}function J(e,t){let n=new Map,r=new Set;for(let t of e){let e=L(t);if(e===null)continue;let i=Math.round(Date.parse(t.timestamp)/1e3);if(!Number.isFinite(i))continue;let a=`${t.measurand}|${t.connectorId}`,o=n.get(a);o||n.set(a,o=new Map),o.set(i,e/1e3),r.add(i)}let i=[...r].sort((e,t)=>e-t);return{times:i,series:[...n.keys()].sort((e,t)=>{let[n,r]=e.split(`|`),[i,a]=t.split(`|`);return n===i?Number(r)-Number(a):n<i?-1:1}).map(e=>{let[r,a]=e.split(`|`),o=n.get(e),s=null,c=-1/0,l=i.map(e=>{let n=o.get(e);return n===void 0?s!==null&&e-c<=t?s:null:(s=n,c=e,n)}),u=r===`ENERGY_ACTIVE_IMPORT_REGISTER`;return{label:h(u?`station.chartEnergy`:`station.chartPower`,{n:a}),unit:u?`kWh`:`kW`,values:l}})}}var Y=a(()=>j(()=>import(`./journal-CnfNeaSg.js`).then(e=>e.Journal),__vite__mapDeps([0,1,2,3,4,5,6,7]))),X=a(()=>j(()=>import(`./configuration-DTsVN577.js`).then(e=>e.Configuration),__vite__mapDeps([8,1,2,3,4,5,6,7]))),ne=a(()=>j(()=>import(`./device-model-D05_E6Xa.js`).then(e=>e.DeviceModel),__vite__mapDeps([9,1,2,3,4,5,6,7]))),Z=a(()=>j(()=>import(`./commands-DV6-WlUq.js`).then(e=>e.Commands),__vite__mapDeps([10,1,2,3,4,5,6,7]))),re=u(`
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
`),ie=u(`
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
`),ae=u(`
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
`),oe=u(`
  subscription StationConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      connectorId
      status
      errorCode
      info
      timestamp
    }
  }
`),se=u(`
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
`),ce=u(`
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
`),le=u(`
  subscription StationEvents($stationId: ID!) {
    stationEvents(stationId: $stationId) {
      kind
      at
    }
  }
`),Q=[`overview`,`journal`,`configuration`,`commands`];function $(){let{params:n}=i(),a=decodeURIComponent(n.id??``),s=Q.includes(n.tab??``)?n.tab:`overview`,l=D(re,{id:a}),u=D(ie,{id:a}),[p]=r(()=>new Set),m=l.data?.station;t(()=>{if(!c.value)return;let e=e=>p.forEach(t=>t(e)),t=(e,t)=>l.setData(n=>{if(!n?.station)return n;let r=n.station.connectors,i=r.some(t=>t.connectorId===e)?r.map(n=>n.connectorId===e?t(n):n):[...r,t(de(e))].sort((e,t)=>e.connectorId-t.connectorId);return{station:{...n.station,connectors:i}}}),n=[d(oe,{stationId:a},{next:({connectorStatus:n})=>{t(n.connectorId,e=>({...e,status:n.status,errorCode:n.errorCode,info:n.info??null,statusTimestamp:n.timestamp??null,updatedAt:new Date().toISOString()})),e({kind:`other`})},resync:()=>l.reload()}),d(se,{stationId:a},{next:({meterValues:n})=>{let r=n.meterValues[n.meterValues.length-1];r&&t(n.connectorId,e=>{let t=e.currentTransaction,i=r.transactionId??n.transactionId,a=R(r.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`),o=t&&(i==null||i===t.id);return{...e,lastMeterReading:{...r,transactionId:i??null},currentTransaction:t&&o&&a!==null?{...t,energyWh:Math.round(a-t.meterStart)}:t}}),e({kind:`meter`,samples:n.meterValues.flatMap(e=>e.sampledValues.map(t=>({...t,connectorId:n.connectorId,timestamp:e.timestamp})))})},resync:()=>l.reload()}),d(ce,{stationId:a},{next:({transactionEvents:n})=>{let r=n.transaction;t(r.connectorId,e=>({...e,currentTransaction:n.kind===`STARTED`?r:e.currentTransaction?.id===r.id?null:e.currentTransaction})),e({kind:`other`})},resync:()=>l.reload()}),d(le,{stationId:a},{next:()=>{l.reload(),e({kind:`other`})},resync:()=>l.reload()})];return()=>n.forEach(e=>e())},[a]);let g=u.data?.station?.displayName||a,v=`/stations/${encodeURIComponent(a)}`;return c.value?l.loading&&!l.data?f(C,{title:a,children:f(`p`,{role:`status`,children:h(`common.loading`)})}):l.data&&!m?f(C,{title:a,children:[f(`p`,{class:`notice warn`,children:h(`station.notFound`,{id:a})}),f(`p`,{children:f(`a`,{href:`/stations`,children:h(`station.backToList`)})})]}):f(C,{title:g,actions:m&&f(`span`,{class:`station-state`,children:[f(`span`,{class:`badge ${m.connected?`s-online`:`s-offline`}`,"data-testid":`connection`,children:m.connected?h(`station.online`):h(`station.offline`)}),` `,f(`span`,{class:`muted`,children:m.connected?h(`station.connectedSince`,{ago:_(m.connectedSince)}):m.lastSeenAt?h(`station.lastSeen`,{ago:_(m.lastSeenAt)}):h(`station.neverConnected`)})]}),children:[f(`p`,{class:`muted station-sub`,children:[f(`a`,{href:`/stations`,children:h(`nav.stations`)}),` / `,f(`code`,{children:a}),u.data?.station?.site&&f(e,{children:[` · `,u.data.station.site]})]}),f(w,{error:l.error}),f(`nav`,{"aria-label":h(`station.tabs`),children:f(`div`,{class:`tabs`,children:Q.map(e=>f(`a`,{href:e===`overview`?v:`${v}/${e}`,"aria-current":s===e?`page`:void 0,children:ue(e)},e))})}),m&&f(o,{children:[s===`overview`&&f(fe,{station:m,details:u,listeners:p,onReload:l.reload}),s===`journal`&&f(Y,{stationId:a,listeners:p}),s===`configuration`&&(m.ocppVersion===`OCPP_2_0_1`?f(ne,{stationId:a,connected:m.connected}):f(X,{stationId:a,connected:m.connected})),s===`commands`&&f(Z,{station:m,onChanged:l.reload})]})]}):f(C,{title:h(`station.title`),children:f(`p`,{class:`notice warn`,children:h(`station.staffOnly`)})})}function ue(e){switch(e){case`overview`:return h(`station.tab.overview`);case`journal`:return h(`station.tab.journal`);case`configuration`:return h(`station.tab.configuration`);case`commands`:return h(`station.tab.commands`)}}function de(e){return{connectorId:e,status:null,errorCode:null,info:null,vendorErrorCode:null,vendorId:null,ocppStatus:null,statusTimestamp:null,updatedAt:new Date().toISOString(),lastMeterReading:null,currentTransaction:null}}function fe(t){let n=t.station,r=n.connectors.filter(e=>e.connectorId>0),i=n.connectors.find(e=>e.connectorId===0);return f(e,{children:[f(`section`,{"aria-labelledby":`connectors-h`,children:[f(`h2`,{id:`connectors-h`,children:h(`station.connectors`)}),i&&f(`p`,{children:[h(`station.chargePointStatus`),`: `,f(T,{value:i.status}),` `,i.errorCode&&i.errorCode!==`NO_ERROR`&&f(`span`,{children:i.errorCode})]}),r.length===0?f(`p`,{class:`muted`,children:h(`station.noConnectors`)}):f(`div`,{class:`connector-cards`,children:r.map(e=>f(pe,{c:e},e.connectorId))})]}),f(q,{stationId:n.id,listeners:t.listeners}),f(A,{stationId:n.id,connectorIds:r.map(e=>e.connectorId)}),f(`div`,{class:`grid2`,children:[f(`section`,{"aria-labelledby":`identity-h`,class:`card`,children:[f(`h2`,{id:`identity-h`,children:h(`station.identity`)}),f(me,{s:n})]}),f(he,{stationId:n.id,details:t.details})]})]})}function pe({c:t}){let n=ee(1e3),r=t.currentTransaction,i=t.lastMeterReading?R(t.lastMeterReading.sampledValues,`POWER_ACTIVE_IMPORT`):null,a=t.connectorId;return f(`article`,{class:`card connector`,"data-testid":`connector-${a}`,"aria-labelledby":`connector-${a}-h`,children:[f(`h3`,{id:`connector-${a}-h`,children:[h(`station.connector`,{n:a}),` `,f(`span`,{"data-testid":`status-${a}`,role:`status`,"aria-live":`polite`,children:f(T,{value:t.status})})]}),t.errorCode&&t.errorCode!==`NO_ERROR`&&f(`p`,{class:`notice error`,children:[h(`station.errorCode`),`: `,f(`strong`,{children:t.errorCode}),t.info&&f(e,{children:[` · `,t.info]}),t.vendorErrorCode&&f(e,{children:[` · `,t.vendorErrorCode]})]}),(!t.errorCode||t.errorCode===`NO_ERROR`)&&t.info&&f(`p`,{class:`muted`,children:t.info}),t.ocppStatus&&f(`p`,{class:`muted`,"data-testid":`ocpp-status-${a}`,children:h(`station.ocppStatus`,{status:t.ocppStatus})}),f(`dl`,{class:`kv`,children:[f(`dt`,{children:h(`station.statusSince`)}),f(`dd`,{children:x(t.statusTimestamp??t.updatedAt)}),r?f(e,{children:[f(`dt`,{children:h(`station.transaction`)}),f(`dd`,{children:f(`a`,{href:`/transactions/${r.id}`,children:[`#`,r.id]})}),f(`dt`,{children:h(`station.idTag`)}),f(`dd`,{children:f(`code`,{children:r.idTag})}),f(`dt`,{children:h(`station.started`)}),f(`dd`,{children:x(r.startTime)}),f(`dt`,{children:h(`station.duration`)}),f(`dd`,{"data-testid":`duration-${a}`,children:y(Math.max(0,(n-Date.parse(r.startTime))/1e3))}),f(`dt`,{children:h(`station.energy`)}),f(`dd`,{"data-testid":`energy-${a}`,class:`big`,children:v(r.energyWh)}),f(`dt`,{children:h(`station.power`)}),f(`dd`,{"data-testid":`power-${a}`,class:`big`,children:E(i)})]}):f(e,{children:[f(`dt`,{children:h(`station.transaction`)}),f(`dd`,{class:`muted`,children:h(`station.noTransaction`)}),t.lastMeterReading&&f(e,{children:[f(`dt`,{children:h(`station.lastReading`)}),f(`dd`,{children:[v(R(t.lastMeterReading.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`)),` `,f(`span`,{class:`muted`,children:[`(`,_(t.lastMeterReading.timestamp),`)`]})]})]})]})]})]})}function me({s:t}){let n=(t,n)=>f(e,{children:[f(`dt`,{children:t}),f(`dd`,{children:n==null||n===``?`–`:n})]});return f(`dl`,{class:`kv`,children:[n(h(`station.id`),t.id),f(`dt`,{children:h(`station.registration`)}),f(`dd`,{children:f(T,{value:t.registrationStatus})}),n(h(`station.securityProfile`),t.securityProfile),n(h(`station.authorizationKey`),t.hasAuthorizationKey===null||t.hasAuthorizationKey===void 0?null:t.hasAuthorizationKey?h(`common.yes`):h(`common.no`)),n(h(`station.vendor`),t.vendor),n(h(`station.model`),t.model),n(h(`station.chargePointSerial`),t.chargePointSerialNumber),n(h(`station.chargeBoxSerial`),t.chargeBoxSerialNumber),n(h(`station.firmware`),t.firmwareVersion),n(h(`station.ocppVersion`),g(t.ocppVersion)),n(h(`station.firmwareStatus`),t.firmwareStatus?`${t.firmwareStatus} (${x(t.firmwareStatusAt)})`:null),n(h(`station.diagnosticsStatus`),t.diagnosticsStatus?`${t.diagnosticsStatus} (${x(t.diagnosticsStatusAt)})`:null),n(h(`station.iccid`),t.iccid),n(h(`station.imsi`),t.imsi),n(h(`station.meterType`),t.meterType),n(h(`station.meterSerial`),t.meterSerialNumber),n(h(`station.firstSeen`),x(t.firstSeenAt??t.createdAt)),n(h(`station.lastBoot`),x(t.lastBootAt)),n(h(`station.lastHeartbeat`),x(t.lastHeartbeatAt)),n(h(`station.lastSeenAt`),x(t.lastSeenAt)),n(h(`station.connectedSinceLabel`),t.connected?x(t.connectedSince):null)]})}function he(t){let[n,i]=r(!1),a=t.details.data?.station;return f(`section`,{"aria-labelledby":`details-h`,class:`card`,children:[f(`h2`,{id:`details-h`,children:h(`station.details`)}),f(w,{error:t.details.error}),a&&!n&&f(e,{children:[f(`dl`,{class:`kv`,children:[f(`dt`,{children:h(`station.displayName`)}),f(`dd`,{children:a.displayName||`–`}),f(`dt`,{children:h(`station.site`)}),f(`dd`,{children:a.site?f(`a`,{href:`/stations?site=${encodeURIComponent(a.site)}`,children:a.site}):`–`}),f(`dt`,{children:h(`station.address`)}),f(`dd`,{children:a.address||`–`}),f(`dt`,{children:h(`station.coordinates`)}),f(`dd`,{children:a.latitude!==null&&a.latitude!==void 0&&a.longitude!==null&&a.longitude!==void 0?`${p(a.latitude,6)}, ${p(a.longitude,6)}`:`–`}),f(`dt`,{children:h(`station.note`)}),f(`dd`,{class:`note`,children:a.note||`–`})]}),l.value&&f(`p`,{children:f(`button`,{type:`button`,onClick:()=>i(!0),children:h(`station.editDetails`)})})]}),a&&n&&f(ge,{stationId:t.stationId,d:a,onDone:e=>{e&&t.details.setData(()=>({station:e})),i(!1)}})]})}function ge(e){let{d:t}=e,[n,i]=r(t.displayName??``),[a,o]=r(t.site??``),[s,c]=r(t.address??``),[l,u]=r(t.latitude?.toString()??``),[d,p]=r(t.longitude?.toString()??``),[m,g]=r(t.note??``),[_,v]=r(null),y=O(ae);return f(`form`,{onSubmit:async t=>{t.preventDefault();let r=l.trim()===``?null:Number(l.replace(`,`,`.`)),i=d.trim()===``?null:Number(d.replace(`,`,`.`));if(r===null!=(i===null))return v(h(`station.coordinatesBoth`));if(r!==null&&(Number.isNaN(r)||r<-90||r>90))return v(h(`station.latitudeRange`));if(i!==null&&(Number.isNaN(i)||i<-180||i>180))return v(h(`station.longitudeRange`));v(null);let o=await y.run({id:e.stationId,input:{displayName:P(n),site:P(a),address:P(s),latitude:r,longitude:i,note:P(m)}});o&&e.onDone(o.updateStationDetails)},"aria-label":h(`station.editDetails`),children:[f(b,{label:h(`station.displayName`),children:f(`input`,{value:n,maxLength:200,onInput:e=>i(e.currentTarget.value)})}),f(b,{label:h(`station.site`),hint:h(`station.siteHint`),children:f(`input`,{value:a,maxLength:200,onInput:e=>o(e.currentTarget.value)})}),f(b,{label:h(`station.address`),children:f(`input`,{value:s,maxLength:500,onInput:e=>c(e.currentTarget.value)})}),f(`div`,{class:`row`,children:[f(b,{label:h(`station.latitude`),children:f(`input`,{inputMode:`decimal`,value:l,onInput:e=>u(e.currentTarget.value)})}),f(b,{label:h(`station.longitude`),children:f(`input`,{inputMode:`decimal`,value:d,onInput:e=>p(e.currentTarget.value)})})]}),f(b,{label:h(`station.note`),children:f(`textarea`,{rows:3,value:m,onInput:e=>g(e.currentTarget.value)})}),_&&f(`p`,{class:`notice warn`,role:`alert`,children:_}),f(w,{error:y.error}),f(`div`,{class:`row`,children:[f(`button`,{type:`submit`,class:`primary`,disabled:y.running,children:h(`common.save`)}),f(`button`,{type:`button`,onClick:()=>e.onDone(null),children:h(`common.cancel`)})]})]})}export{$ as StationPage,te as a,P as c,N as i,B as n,I as o,M as r,F as s,z as t};