const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/journal-ThRKBRzu.js","assets/console-dnHmEbU-.js","assets/rolldown-runtime-DoHqwKmD.js","assets/dist-B5d9IcWF.js","assets/preload-helper-C_TS3VOc.js","assets/console-0sNq61JK.css","assets/hooks-CAskQRee.js","assets/configuration-DPul51B0.js","assets/commands-C9XKKbca.js"])))=>i.map(i=>d[i]);
import{A as e,C as t,E as n,I as r,L as i,M as a,N as o,O as s,P as c,R as l,S as u,T as d,_ as f,a as p,b as m,d as h,h as g,i as _,k as v,l as y,m as b,n as x,o as S,r as C,t as w,w as T}from"./console-dnHmEbU-.js";import{n as E,r as D,t as O}from"./hooks-CAskQRee.js";import{t as k}from"./chart-qC__q3qY.js";import{t as A}from"./preload-helper-C_TS3VOc.js";function j(e){if(!e)return``;let t=`station.answer.${e}`,n=s(t);return n===t?e.replaceAll(`_`,` `).toLowerCase():n}function M(e){return e?e.replaceAll(`_`,` `).toLowerCase():`–`}function N(e){let t=e.trim();return t===``?null:t}function ee(e){let t=e.trim();return t===``?null:Number.isInteger(Number(t))?Number(t):NaN}function te(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function P(e){let t=e=>String(e).padStart(2,`0`);return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}T${t(e.getHours())}:${t(e.getMinutes())}`}function F(e){return e.numericValue===null||e.numericValue===void 0?null:e.unit===`KWH`||e.unit===`KW`?e.numericValue*1e3:e.numericValue}function I(e,t){let n=e.filter(e=>e.measurand===t),r=n.find(e=>!e.phase);if(r)return F(r);let i=n.filter(e=>e.phase===`L1`||e.phase===`L2`||e.phase===`L3`);return i.length===0?null:i.reduce((e,t)=>e+(F(t)??0),0)}function L(e){let t=O(e.doc),n=c(null),[i,a]=r(!1),o=`cmd-${e.title.replace(/\W+/g,`-`).toLowerCase()}`,u=async()=>{if(n.current&&!n.current.reportValidity())return;let r=e.variables();if(a(r===null),r===null){t.reset();return}let i=await t.run(r);i&&e.onDone?.(i)};return y(`form`,{ref:n,class:`card command`,"aria-labelledby":o,onSubmit:t=>{t.preventDefault(),e.confirm||u()},children:[y(`h3`,{id:o,children:e.title}),e.description&&y(`p`,{class:`muted`,children:e.description}),e.children,y(`div`,{class:`row`,children:[e.confirm?y(x,{label:e.submit,question:e.confirm,danger:e.danger,disabled:e.disabled||t.running,onConfirm:()=>void u()}):y(`button`,{type:`submit`,class:`primary`,disabled:e.disabled||t.running,children:e.submit}),t.running&&y(`span`,{class:`muted`,children:s(`station.sending`)})]}),i&&e.invalid&&y(`p`,{class:`notice warn`,children:e.invalid}),y(C,{error:t.error}),t.result&&y(l,{children:[y(p,{status:e.status(t.result),children:j(e.status(t.result))}),e.details?.(t.result)]})]})}function R(e){return y(`label`,{class:`field`,children:[y(`span`,{children:e.label}),y(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.empty!==void 0&&y(`option`,{value:``,children:e.empty}),e.values.map(e=>y(`option`,{value:e,children:M(e)},e))]})]})}var z=b(`
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
`),B=86400,V=900,H=new Set([`ENERGY_ACTIVE_IMPORT_REGISTER`,`POWER_ACTIVE_IMPORT`]);function U(e){let[t]=r(()=>new Date(Math.floor(Date.now()/6e4)*6e4-B*1e3).toISOString()),n=E(z,{id:e.stationId,from:t}),[a,c]=r([]);o(()=>{c([])},[n.data]),o(()=>{let t=e=>{if(e.kind!==`meter`)return;let t=e.samples.filter(e=>e.measurand&&H.has(e.measurand)&&!e.phase);t.length&&c(e=>[...e,...t].slice(-4e3))};return e.listeners.add(t),()=>void e.listeners.delete(t)},[e.listeners]);let{times:l,series:u}=i(()=>{let e=n.data?.station;return W([...e?.energy.nodes??[],...e?.power.nodes??[],...a].filter(e=>!e.phase&&e.measurand&&H.has(e.measurand)))},[n.data,a]);return y(`section`,{"aria-labelledby":`chart-h`,children:[y(`h2`,{id:`chart-h`,children:s(`station.chart`)}),y(C,{error:n.error}),n.loading&&!n.data&&y(`p`,{class:`muted`,children:s(`common.loading`)}),n.data&&l.length<2&&y(`p`,{class:`muted`,children:s(`station.chartEmpty`)}),l.length>=2&&y(`div`,{class:`card`,children:y(k,{times:l,series:u,label:s(`station.chartLabel`)})})]})}function W(e){let t=new Map,n=new Set;for(let r of e){let e=F(r);if(e===null)continue;let i=Math.round(Date.parse(r.timestamp)/1e3);if(!Number.isFinite(i))continue;let a=`${r.measurand}|${r.connectorId}`,o=t.get(a);o||t.set(a,o=new Map),o.set(i,e/1e3),n.add(i)}let r=[...n].sort((e,t)=>e-t);return{times:r,series:[...t.keys()].sort((e,t)=>{let[n,r]=e.split(`|`),[i,a]=t.split(`|`);return n===i?Number(r)-Number(a):n<i?-1:1}).map(e=>{let[n,i]=e.split(`|`),a=t.get(e),o=null,c=-1/0,l=r.map(e=>{let t=a.get(e);return t===void 0?o!==null&&e-c<=V?o:null:(o=t,c=e,t)}),u=n===`ENERGY_ACTIVE_IMPORT_REGISTER`;return{label:s(u?`station.chartEnergy`:`station.chartPower`,{n:i}),unit:u?`kWh`:`kW`,values:l}})}}var G=e(()=>A(()=>import(`./journal-ThRKBRzu.js`).then(e=>e.Journal),__vite__mapDeps([0,1,2,3,4,5,6]))),K=e(()=>A(()=>import(`./configuration-DPul51B0.js`).then(e=>e.Configuration),__vite__mapDeps([7,1,2,3,4,5,6]))),q=e(()=>A(()=>import(`./commands-C9XKKbca.js`).then(e=>e.Commands),__vite__mapDeps([8,1,2,3,4,5,6]))),J=b(`
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
`),Y=b(`
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
`),X=b(`
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
`),Z=b(`
  subscription StationConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      connectorId
      status
      errorCode
      info
      timestamp
    }
  }
`),ne=b(`
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
`),re=b(`
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
`),ie=b(`
  subscription StationEvents($stationId: ID!) {
    stationEvents(stationId: $stationId) {
      kind
      at
    }
  }
`),Q=[`overview`,`journal`,`configuration`,`commands`];function ae(){let{params:e}=a(),t=decodeURIComponent(e.id??``),n=Q.includes(e.tab??``)?e.tab:`overview`,i=E(J,{id:t}),c=E(Y,{id:t}),[u]=r(()=>new Set),d=i.data?.station;o(()=>{if(!f.value)return;let e=e=>u.forEach(t=>t(e)),n=(e,t)=>i.setData(n=>{if(!n?.station)return n;let r=n.station.connectors,i=r.some(t=>t.connectorId===e)?r.map(n=>n.connectorId===e?t(n):n):[...r,t($(e))].sort((e,t)=>e.connectorId-t.connectorId);return{station:{...n.station,connectors:i}}}),r=[h(Z,{stationId:t},{next:({connectorStatus:t})=>{n(t.connectorId,e=>({...e,status:t.status,errorCode:t.errorCode,info:t.info??null,statusTimestamp:t.timestamp??null,updatedAt:new Date().toISOString()})),e({kind:`other`})},resync:()=>i.reload()}),h(ne,{stationId:t},{next:({meterValues:t})=>{let r=t.meterValues[t.meterValues.length-1];r&&n(t.connectorId,e=>{let n=e.currentTransaction,i=r.transactionId??t.transactionId,a=I(r.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`),o=n&&(i==null||i===n.id);return{...e,lastMeterReading:{...r,transactionId:i??null},currentTransaction:n&&o&&a!==null?{...n,energyWh:Math.round(a-n.meterStart)}:n}}),e({kind:`meter`,samples:t.meterValues.flatMap(e=>e.sampledValues.map(n=>({...n,connectorId:t.connectorId,timestamp:e.timestamp})))})},resync:()=>i.reload()}),h(re,{stationId:t},{next:({transactionEvents:t})=>{let r=t.transaction;n(r.connectorId,e=>({...e,currentTransaction:t.kind===`STARTED`?r:e.currentTransaction?.id===r.id?null:e.currentTransaction})),e({kind:`other`})},resync:()=>i.reload()}),h(ie,{stationId:t},{next:()=>{i.reload(),e({kind:`other`})},resync:()=>i.reload()})];return()=>r.forEach(e=>e())},[t]);let p=c.data?.station?.displayName||t,g=`/stations/${encodeURIComponent(t)}`;return f.value?i.loading&&!i.data?y(S,{title:t,children:y(`p`,{role:`status`,children:s(`common.loading`)})}):i.data&&!d?y(S,{title:t,children:[y(`p`,{class:`notice warn`,children:s(`station.notFound`,{id:t})}),y(`p`,{children:y(`a`,{href:`/stations`,children:s(`station.backToList`)})})]}):y(S,{title:p,actions:d&&y(`span`,{class:`station-state`,children:[y(`span`,{class:`badge ${d.connected?`s-online`:`s-offline`}`,"data-testid":`connection`,children:d.connected?s(`station.online`):s(`station.offline`)}),` `,y(`span`,{class:`muted`,children:d.connected?s(`station.connectedSince`,{ago:m(d.connectedSince)}):d.lastSeenAt?s(`station.lastSeen`,{ago:m(d.lastSeenAt)}):s(`station.neverConnected`)})]}),children:[y(`p`,{class:`muted station-sub`,children:[y(`a`,{href:`/stations`,children:s(`nav.stations`)}),` / `,y(`code`,{children:t}),c.data?.station?.site&&y(l,{children:[` · `,c.data.station.site]})]}),y(C,{error:i.error}),y(`nav`,{"aria-label":s(`station.tabs`),children:y(`div`,{class:`tabs`,children:Q.map(e=>y(`a`,{href:e===`overview`?g:`${g}/${e}`,"aria-current":n===e?`page`:void 0,children:oe(e)},e))})}),d&&y(v,{children:[n===`overview`&&y(se,{station:d,details:c,listeners:u,onReload:i.reload}),n===`journal`&&y(G,{stationId:t,listeners:u}),n===`configuration`&&y(K,{stationId:t,connected:d.connected}),n===`commands`&&y(q,{station:d,onChanged:i.reload})]})]}):y(S,{title:s(`station.title`),children:y(`p`,{class:`notice warn`,children:s(`station.staffOnly`)})})}function oe(e){switch(e){case`overview`:return s(`station.tab.overview`);case`journal`:return s(`station.tab.journal`);case`configuration`:return s(`station.tab.configuration`);case`commands`:return s(`station.tab.commands`)}}function $(e){return{connectorId:e,status:null,errorCode:null,info:null,vendorErrorCode:null,vendorId:null,statusTimestamp:null,updatedAt:new Date().toISOString(),lastMeterReading:null,currentTransaction:null}}function se(e){let t=e.station,n=t.connectors.filter(e=>e.connectorId>0),r=t.connectors.find(e=>e.connectorId===0);return y(l,{children:[y(`section`,{"aria-labelledby":`connectors-h`,children:[y(`h2`,{id:`connectors-h`,children:s(`station.connectors`)}),r&&y(`p`,{children:[s(`station.chargePointStatus`),`: `,y(w,{value:r.status}),` `,r.errorCode&&r.errorCode!==`NO_ERROR`&&y(`span`,{children:r.errorCode})]}),n.length===0?y(`p`,{class:`muted`,children:s(`station.noConnectors`)}):y(`div`,{class:`connector-cards`,children:n.map(e=>y(ce,{c:e},e.connectorId))})]}),y(U,{stationId:t.id,listeners:e.listeners}),y(`div`,{class:`grid2`,children:[y(`section`,{"aria-labelledby":`identity-h`,class:`card`,children:[y(`h2`,{id:`identity-h`,children:s(`station.identity`)}),y(le,{s:t})]}),y(ue,{stationId:t.id,details:e.details})]})]})}function ce({c:e}){let r=D(1e3),i=e.currentTransaction,a=e.lastMeterReading?I(e.lastMeterReading.sampledValues,`POWER_ACTIVE_IMPORT`):null,o=e.connectorId;return y(`article`,{class:`card connector`,"data-testid":`connector-${o}`,"aria-labelledby":`connector-${o}-h`,children:[y(`h3`,{id:`connector-${o}-h`,children:[s(`station.connector`,{n:o}),` `,y(`span`,{"data-testid":`status-${o}`,role:`status`,"aria-live":`polite`,children:y(w,{value:e.status})})]}),e.errorCode&&e.errorCode!==`NO_ERROR`&&y(`p`,{class:`notice error`,children:[s(`station.errorCode`),`: `,y(`strong`,{children:e.errorCode}),e.info&&y(l,{children:[` · `,e.info]}),e.vendorErrorCode&&y(l,{children:[` · `,e.vendorErrorCode]})]}),(!e.errorCode||e.errorCode===`NO_ERROR`)&&e.info&&y(`p`,{class:`muted`,children:e.info}),y(`dl`,{class:`kv`,children:[y(`dt`,{children:s(`station.statusSince`)}),y(`dd`,{children:u(e.statusTimestamp??e.updatedAt)}),i?y(l,{children:[y(`dt`,{children:s(`station.transaction`)}),y(`dd`,{children:y(`a`,{href:`/transactions/${i.id}`,children:[`#`,i.id]})}),y(`dt`,{children:s(`station.idTag`)}),y(`dd`,{children:y(`code`,{children:i.idTag})}),y(`dt`,{children:s(`station.started`)}),y(`dd`,{children:u(i.startTime)}),y(`dt`,{children:s(`station.duration`)}),y(`dd`,{"data-testid":`duration-${o}`,children:t(Math.max(0,(r-Date.parse(i.startTime))/1e3))}),y(`dt`,{children:s(`station.energy`)}),y(`dd`,{"data-testid":`energy-${o}`,class:`big`,children:T(i.energyWh)}),y(`dt`,{children:s(`station.power`)}),y(`dd`,{"data-testid":`power-${o}`,class:`big`,children:n(a)})]}):y(l,{children:[y(`dt`,{children:s(`station.transaction`)}),y(`dd`,{class:`muted`,children:s(`station.noTransaction`)}),e.lastMeterReading&&y(l,{children:[y(`dt`,{children:s(`station.lastReading`)}),y(`dd`,{children:[T(I(e.lastMeterReading.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`)),` `,y(`span`,{class:`muted`,children:[`(`,m(e.lastMeterReading.timestamp),`)`]})]})]})]})]})]})}function le({s:e}){let t=(e,t)=>y(l,{children:[y(`dt`,{children:e}),y(`dd`,{children:t==null||t===``?`–`:t})]});return y(`dl`,{class:`kv`,children:[t(s(`station.id`),e.id),y(`dt`,{children:s(`station.registration`)}),y(`dd`,{children:y(w,{value:e.registrationStatus})}),t(s(`station.securityProfile`),e.securityProfile),t(s(`station.authorizationKey`),e.hasAuthorizationKey===null||e.hasAuthorizationKey===void 0?null:e.hasAuthorizationKey?s(`common.yes`):s(`common.no`)),t(s(`station.vendor`),e.vendor),t(s(`station.model`),e.model),t(s(`station.chargePointSerial`),e.chargePointSerialNumber),t(s(`station.chargeBoxSerial`),e.chargeBoxSerialNumber),t(s(`station.firmware`),e.firmwareVersion),t(s(`station.firmwareStatus`),e.firmwareStatus?`${e.firmwareStatus} (${u(e.firmwareStatusAt)})`:null),t(s(`station.diagnosticsStatus`),e.diagnosticsStatus?`${e.diagnosticsStatus} (${u(e.diagnosticsStatusAt)})`:null),t(s(`station.iccid`),e.iccid),t(s(`station.imsi`),e.imsi),t(s(`station.meterType`),e.meterType),t(s(`station.meterSerial`),e.meterSerialNumber),t(s(`station.firstSeen`),u(e.firstSeenAt??e.createdAt)),t(s(`station.lastBoot`),u(e.lastBootAt)),t(s(`station.lastHeartbeat`),u(e.lastHeartbeatAt)),t(s(`station.lastSeenAt`),u(e.lastSeenAt)),t(s(`station.connectedSinceLabel`),e.connected?u(e.connectedSince):null)]})}function ue(e){let[t,n]=r(!1),i=e.details.data?.station;return y(`section`,{"aria-labelledby":`details-h`,class:`card`,children:[y(`h2`,{id:`details-h`,children:s(`station.details`)}),y(C,{error:e.details.error}),i&&!t&&y(l,{children:[y(`dl`,{class:`kv`,children:[y(`dt`,{children:s(`station.displayName`)}),y(`dd`,{children:i.displayName||`–`}),y(`dt`,{children:s(`station.site`)}),y(`dd`,{children:i.site?y(`a`,{href:`/stations?site=${encodeURIComponent(i.site)}`,children:i.site}):`–`}),y(`dt`,{children:s(`station.address`)}),y(`dd`,{children:i.address||`–`}),y(`dt`,{children:s(`station.coordinates`)}),y(`dd`,{children:i.latitude!==null&&i.latitude!==void 0&&i.longitude!==null&&i.longitude!==void 0?`${d(i.latitude,6)}, ${d(i.longitude,6)}`:`–`}),y(`dt`,{children:s(`station.note`)}),y(`dd`,{class:`note`,children:i.note||`–`})]}),g.value&&y(`p`,{children:y(`button`,{type:`button`,onClick:()=>n(!0),children:s(`station.editDetails`)})})]}),i&&t&&y(de,{stationId:e.stationId,d:i,onDone:t=>{t&&e.details.setData(()=>({station:t})),n(!1)}})]})}function de(e){let{d:t}=e,[n,i]=r(t.displayName??``),[a,o]=r(t.site??``),[c,l]=r(t.address??``),[u,d]=r(t.latitude?.toString()??``),[f,p]=r(t.longitude?.toString()??``),[m,h]=r(t.note??``),[g,v]=r(null),b=O(X);return y(`form`,{onSubmit:async t=>{t.preventDefault();let r=u.trim()===``?null:Number(u.replace(`,`,`.`)),i=f.trim()===``?null:Number(f.replace(`,`,`.`));if(r===null!=(i===null))return v(s(`station.coordinatesBoth`));if(r!==null&&(Number.isNaN(r)||r<-90||r>90))return v(s(`station.latitudeRange`));if(i!==null&&(Number.isNaN(i)||i<-180||i>180))return v(s(`station.longitudeRange`));v(null);let o=await b.run({id:e.stationId,input:{displayName:N(n),site:N(a),address:N(c),latitude:r,longitude:i,note:N(m)}});o&&e.onDone(o.updateStationDetails)},"aria-label":s(`station.editDetails`),children:[y(_,{label:s(`station.displayName`),children:y(`input`,{value:n,maxLength:200,onInput:e=>i(e.currentTarget.value)})}),y(_,{label:s(`station.site`),hint:s(`station.siteHint`),children:y(`input`,{value:a,maxLength:200,onInput:e=>o(e.currentTarget.value)})}),y(_,{label:s(`station.address`),children:y(`input`,{value:c,maxLength:500,onInput:e=>l(e.currentTarget.value)})}),y(`div`,{class:`row`,children:[y(_,{label:s(`station.latitude`),children:y(`input`,{inputMode:`decimal`,value:u,onInput:e=>d(e.currentTarget.value)})}),y(_,{label:s(`station.longitude`),children:y(`input`,{inputMode:`decimal`,value:f,onInput:e=>p(e.currentTarget.value)})})]}),y(_,{label:s(`station.note`),children:y(`textarea`,{rows:3,value:m,onInput:e=>h(e.currentTarget.value)})}),g&&y(`p`,{class:`notice warn`,role:`alert`,children:g}),y(C,{error:b.error}),y(`div`,{class:`row`,children:[y(`button`,{type:`submit`,class:`primary`,disabled:b.running,children:s(`common.save`)}),y(`button`,{type:`button`,onClick:()=>e.onDone(null),children:s(`common.cancel`)})]})]})}export{ae as StationPage,ee as a,N as c,M as i,R as n,P as o,j as r,te as s,L as t};