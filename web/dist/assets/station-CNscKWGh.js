const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/journal-CiakY6Ug.js","assets/console-NpAu_WoJ.js","assets/rolldown-runtime-DoHqwKmD.js","assets/dist-B5d9IcWF.js","assets/preload-helper-C_TS3VOc.js","assets/console-BLdr1TZG.css","assets/hooks-X1fviBlp.js","assets/configuration-DgXKzihE.js","assets/commands-BFZSGdJi.js"])))=>i.map(i=>d[i]);
import{A as e,C as t,D as n,E as r,F as i,L as a,N as o,P as s,R as c,T as l,_ as u,a as d,f,h as p,i as m,j as h,k as g,l as _,n as v,o as y,r as b,t as x,w as S,x as C,y as w,z as T}from"./console-NpAu_WoJ.js";import{n as E,r as D,t as O}from"./hooks-X1fviBlp.js";import{t as k}from"./chart-D5BbmBOD.js";import{DriverQrCodes as A}from"./qr-BeQdRbUp.js";import{t as j}from"./preload-helper-C_TS3VOc.js";function M(e){if(!e)return``;let t=`station.answer.${e}`,n=g(t);return n===t?e.replaceAll(`_`,` `).toLowerCase():n}function N(e){return e?e.replaceAll(`_`,` `).toLowerCase():`–`}function P(e){let t=e.trim();return t===``?null:t}function F(e){let t=e.trim();return t===``?null:Number.isInteger(Number(t))?Number(t):NaN}function ee(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function I(e){let t=e=>String(e).padStart(2,`0`);return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}T${t(e.getHours())}:${t(e.getMinutes())}`}function L(e){return e.numericValue===null||e.numericValue===void 0?null:e.unit===`KWH`||e.unit===`KW`?e.numericValue*1e3:e.numericValue}function R(e,t){let n=e.filter(e=>e.measurand===t),r=n.find(e=>!e.phase);if(r)return L(r);let i=n.filter(e=>e.phase===`L1`||e.phase===`L2`||e.phase===`L3`);return i.length===0?null:i.reduce((e,t)=>e+(L(t)??0),0)}function z(e){let t=O(e.doc),n=i(null),[r,o]=a(!1),s=`cmd-${e.title.replace(/\W+/g,`-`).toLowerCase()}`,c=async()=>{if(n.current&&!n.current.reportValidity())return;let r=e.variables();if(o(r===null),r===null){t.reset();return}let i=await t.run(r);i&&e.onDone?.(i)};return _(`form`,{ref:n,class:`card command`,"aria-labelledby":s,onSubmit:t=>{t.preventDefault(),e.confirm||c()},children:[_(`h3`,{id:s,children:e.title}),e.description&&_(`p`,{class:`muted`,children:e.description}),e.children,_(`div`,{class:`row`,children:[e.confirm?_(v,{label:e.submit,question:e.confirm,danger:e.danger,disabled:e.disabled||t.running,onConfirm:()=>void c()}):_(`button`,{type:`submit`,class:`primary`,disabled:e.disabled||t.running,children:e.submit}),t.running&&_(`span`,{class:`muted`,children:g(`station.sending`)})]}),r&&e.invalid&&_(`p`,{class:`notice warn`,children:e.invalid}),_(b,{error:t.error}),t.result&&_(T,{children:[_(d,{status:e.status(t.result),children:M(e.status(t.result))}),e.details?.(t.result)]})]})}function B(e){return _(`label`,{class:`field`,children:[_(`span`,{children:e.label}),_(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.empty!==void 0&&_(`option`,{value:``,children:e.empty}),e.values.map(e=>_(`option`,{value:e,children:N(e)},e))]})]})}var V=w(`
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
`),H=86400,U=900,W=new Set([`ENERGY_ACTIVE_IMPORT_REGISTER`,`POWER_ACTIVE_IMPORT`]);function G(e){let[t]=a(()=>new Date(Math.floor(Date.now()/6e4)*6e4-H*1e3).toISOString()),n=E(V,{id:e.stationId,from:t}),[r,i]=a([]);s(()=>{i([])},[n.data]),s(()=>{let t=e=>{if(e.kind!==`meter`)return;let t=e.samples.filter(e=>e.measurand&&W.has(e.measurand)&&!e.phase);t.length&&i(e=>[...e,...t].slice(-4e3))};return e.listeners.add(t),()=>void e.listeners.delete(t)},[e.listeners]);let{times:o,series:l}=c(()=>{let e=n.data?.station;return K([...e?.energy.nodes??[],...e?.power.nodes??[],...r].filter(e=>!e.phase&&e.measurand&&W.has(e.measurand)))},[n.data,r]);return _(`section`,{"aria-labelledby":`chart-h`,children:[_(`h2`,{id:`chart-h`,children:g(`station.chart`)}),_(b,{error:n.error}),n.loading&&!n.data&&_(`p`,{class:`muted`,children:g(`common.loading`)}),n.data&&o.length<2&&_(`p`,{class:`muted`,children:g(`station.chartEmpty`)}),o.length>=2&&_(`div`,{class:`card`,children:_(k,{times:o,series:l,label:g(`station.chartLabel`)})})]})}function K(e){let t=new Map,n=new Set;for(let r of e){let e=L(r);if(e===null)continue;let i=Math.round(Date.parse(r.timestamp)/1e3);if(!Number.isFinite(i))continue;let a=`${r.measurand}|${r.connectorId}`,o=t.get(a);o||t.set(a,o=new Map),o.set(i,e/1e3),n.add(i)}let r=[...n].sort((e,t)=>e-t);return{times:r,series:[...t.keys()].sort((e,t)=>{let[n,r]=e.split(`|`),[i,a]=t.split(`|`);return n===i?Number(r)-Number(a):n<i?-1:1}).map(e=>{let[n,i]=e.split(`|`),a=t.get(e),o=null,s=-1/0,c=r.map(e=>{let t=a.get(e);return t===void 0?o!==null&&e-s<=U?o:null:(o=t,s=e,t)}),l=n===`ENERGY_ACTIVE_IMPORT_REGISTER`;return{label:g(l?`station.chartEnergy`:`station.chartPower`,{n:i}),unit:l?`kWh`:`kW`,values:c}})}}var q=h(()=>j(()=>import(`./journal-CiakY6Ug.js`).then(e=>e.Journal),__vite__mapDeps([0,1,2,3,4,5,6]))),J=h(()=>j(()=>import(`./configuration-DgXKzihE.js`).then(e=>e.Configuration),__vite__mapDeps([7,1,2,3,4,5,6]))),Y=h(()=>j(()=>import(`./commands-BFZSGdJi.js`).then(e=>e.Commands),__vite__mapDeps([8,1,2,3,4,5,6]))),X=w(`
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
`),Z=w(`
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
`),Q=w(`
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
`),te=w(`
  subscription StationConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      connectorId
      status
      errorCode
      info
      timestamp
    }
  }
`),ne=w(`
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
`),re=w(`
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
`),ie=w(`
  subscription StationEvents($stationId: ID!) {
    stationEvents(stationId: $stationId) {
      kind
      at
    }
  }
`),$=[`overview`,`journal`,`configuration`,`commands`];function ae(){let{params:t}=o(),n=decodeURIComponent(t.id??``),r=$.includes(t.tab??``)?t.tab:`overview`,i=E(X,{id:n}),c=E(Z,{id:n}),[l]=a(()=>new Set),d=i.data?.station;s(()=>{if(!u.value)return;let e=e=>l.forEach(t=>t(e)),t=(e,t)=>i.setData(n=>{if(!n?.station)return n;let r=n.station.connectors,i=r.some(t=>t.connectorId===e)?r.map(n=>n.connectorId===e?t(n):n):[...r,t(se(e))].sort((e,t)=>e.connectorId-t.connectorId);return{station:{...n.station,connectors:i}}}),r=[f(te,{stationId:n},{next:({connectorStatus:n})=>{t(n.connectorId,e=>({...e,status:n.status,errorCode:n.errorCode,info:n.info??null,statusTimestamp:n.timestamp??null,updatedAt:new Date().toISOString()})),e({kind:`other`})},resync:()=>i.reload()}),f(ne,{stationId:n},{next:({meterValues:n})=>{let r=n.meterValues[n.meterValues.length-1];r&&t(n.connectorId,e=>{let t=e.currentTransaction,i=r.transactionId??n.transactionId,a=R(r.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`),o=t&&(i==null||i===t.id);return{...e,lastMeterReading:{...r,transactionId:i??null},currentTransaction:t&&o&&a!==null?{...t,energyWh:Math.round(a-t.meterStart)}:t}}),e({kind:`meter`,samples:n.meterValues.flatMap(e=>e.sampledValues.map(t=>({...t,connectorId:n.connectorId,timestamp:e.timestamp})))})},resync:()=>i.reload()}),f(re,{stationId:n},{next:({transactionEvents:n})=>{let r=n.transaction;t(r.connectorId,e=>({...e,currentTransaction:n.kind===`STARTED`?r:e.currentTransaction?.id===r.id?null:e.currentTransaction})),e({kind:`other`})},resync:()=>i.reload()}),f(ie,{stationId:n},{next:()=>{i.reload(),e({kind:`other`})},resync:()=>i.reload()})];return()=>r.forEach(e=>e())},[n]);let p=c.data?.station?.displayName||n,m=`/stations/${encodeURIComponent(n)}`;return u.value?i.loading&&!i.data?_(y,{title:n,children:_(`p`,{role:`status`,children:g(`common.loading`)})}):i.data&&!d?_(y,{title:n,children:[_(`p`,{class:`notice warn`,children:g(`station.notFound`,{id:n})}),_(`p`,{children:_(`a`,{href:`/stations`,children:g(`station.backToList`)})})]}):_(y,{title:p,actions:d&&_(`span`,{class:`station-state`,children:[_(`span`,{class:`badge ${d.connected?`s-online`:`s-offline`}`,"data-testid":`connection`,children:d.connected?g(`station.online`):g(`station.offline`)}),` `,_(`span`,{class:`muted`,children:d.connected?g(`station.connectedSince`,{ago:C(d.connectedSince)}):d.lastSeenAt?g(`station.lastSeen`,{ago:C(d.lastSeenAt)}):g(`station.neverConnected`)})]}),children:[_(`p`,{class:`muted station-sub`,children:[_(`a`,{href:`/stations`,children:g(`nav.stations`)}),` / `,_(`code`,{children:n}),c.data?.station?.site&&_(T,{children:[` · `,c.data.station.site]})]}),_(b,{error:i.error}),_(`nav`,{"aria-label":g(`station.tabs`),children:_(`div`,{class:`tabs`,children:$.map(e=>_(`a`,{href:e===`overview`?m:`${m}/${e}`,"aria-current":r===e?`page`:void 0,children:oe(e)},e))})}),d&&_(e,{children:[r===`overview`&&_(ce,{station:d,details:c,listeners:l,onReload:i.reload}),r===`journal`&&_(q,{stationId:n,listeners:l}),r===`configuration`&&_(J,{stationId:n,connected:d.connected}),r===`commands`&&_(Y,{station:d,onChanged:i.reload})]})]}):_(y,{title:g(`station.title`),children:_(`p`,{class:`notice warn`,children:g(`station.staffOnly`)})})}function oe(e){switch(e){case`overview`:return g(`station.tab.overview`);case`journal`:return g(`station.tab.journal`);case`configuration`:return g(`station.tab.configuration`);case`commands`:return g(`station.tab.commands`)}}function se(e){return{connectorId:e,status:null,errorCode:null,info:null,vendorErrorCode:null,vendorId:null,statusTimestamp:null,updatedAt:new Date().toISOString(),lastMeterReading:null,currentTransaction:null}}function ce(e){let t=e.station,n=t.connectors.filter(e=>e.connectorId>0),r=t.connectors.find(e=>e.connectorId===0);return _(T,{children:[_(`section`,{"aria-labelledby":`connectors-h`,children:[_(`h2`,{id:`connectors-h`,children:g(`station.connectors`)}),r&&_(`p`,{children:[g(`station.chargePointStatus`),`: `,_(x,{value:r.status}),` `,r.errorCode&&r.errorCode!==`NO_ERROR`&&_(`span`,{children:r.errorCode})]}),n.length===0?_(`p`,{class:`muted`,children:g(`station.noConnectors`)}):_(`div`,{class:`connector-cards`,children:n.map(e=>_(le,{c:e},e.connectorId))})]}),_(G,{stationId:t.id,listeners:e.listeners}),_(A,{stationId:t.id,connectorIds:n.map(e=>e.connectorId)}),_(`div`,{class:`grid2`,children:[_(`section`,{"aria-labelledby":`identity-h`,class:`card`,children:[_(`h2`,{id:`identity-h`,children:g(`station.identity`)}),_(ue,{s:t})]}),_(de,{stationId:t.id,details:e.details})]})]})}function le({c:e}){let r=D(1e3),i=e.currentTransaction,a=e.lastMeterReading?R(e.lastMeterReading.sampledValues,`POWER_ACTIVE_IMPORT`):null,o=e.connectorId;return _(`article`,{class:`card connector`,"data-testid":`connector-${o}`,"aria-labelledby":`connector-${o}-h`,children:[_(`h3`,{id:`connector-${o}-h`,children:[g(`station.connector`,{n:o}),` `,_(`span`,{"data-testid":`status-${o}`,role:`status`,"aria-live":`polite`,children:_(x,{value:e.status})})]}),e.errorCode&&e.errorCode!==`NO_ERROR`&&_(`p`,{class:`notice error`,children:[g(`station.errorCode`),`: `,_(`strong`,{children:e.errorCode}),e.info&&_(T,{children:[` · `,e.info]}),e.vendorErrorCode&&_(T,{children:[` · `,e.vendorErrorCode]})]}),(!e.errorCode||e.errorCode===`NO_ERROR`)&&e.info&&_(`p`,{class:`muted`,children:e.info}),_(`dl`,{class:`kv`,children:[_(`dt`,{children:g(`station.statusSince`)}),_(`dd`,{children:t(e.statusTimestamp??e.updatedAt)}),i?_(T,{children:[_(`dt`,{children:g(`station.transaction`)}),_(`dd`,{children:_(`a`,{href:`/transactions/${i.id}`,children:[`#`,i.id]})}),_(`dt`,{children:g(`station.idTag`)}),_(`dd`,{children:_(`code`,{children:i.idTag})}),_(`dt`,{children:g(`station.started`)}),_(`dd`,{children:t(i.startTime)}),_(`dt`,{children:g(`station.duration`)}),_(`dd`,{"data-testid":`duration-${o}`,children:S(Math.max(0,(r-Date.parse(i.startTime))/1e3))}),_(`dt`,{children:g(`station.energy`)}),_(`dd`,{"data-testid":`energy-${o}`,class:`big`,children:l(i.energyWh)}),_(`dt`,{children:g(`station.power`)}),_(`dd`,{"data-testid":`power-${o}`,class:`big`,children:n(a)})]}):_(T,{children:[_(`dt`,{children:g(`station.transaction`)}),_(`dd`,{class:`muted`,children:g(`station.noTransaction`)}),e.lastMeterReading&&_(T,{children:[_(`dt`,{children:g(`station.lastReading`)}),_(`dd`,{children:[l(R(e.lastMeterReading.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`)),` `,_(`span`,{class:`muted`,children:[`(`,C(e.lastMeterReading.timestamp),`)`]})]})]})]})]})]})}function ue({s:e}){let n=(e,t)=>_(T,{children:[_(`dt`,{children:e}),_(`dd`,{children:t==null||t===``?`–`:t})]});return _(`dl`,{class:`kv`,children:[n(g(`station.id`),e.id),_(`dt`,{children:g(`station.registration`)}),_(`dd`,{children:_(x,{value:e.registrationStatus})}),n(g(`station.securityProfile`),e.securityProfile),n(g(`station.authorizationKey`),e.hasAuthorizationKey===null||e.hasAuthorizationKey===void 0?null:e.hasAuthorizationKey?g(`common.yes`):g(`common.no`)),n(g(`station.vendor`),e.vendor),n(g(`station.model`),e.model),n(g(`station.chargePointSerial`),e.chargePointSerialNumber),n(g(`station.chargeBoxSerial`),e.chargeBoxSerialNumber),n(g(`station.firmware`),e.firmwareVersion),n(g(`station.firmwareStatus`),e.firmwareStatus?`${e.firmwareStatus} (${t(e.firmwareStatusAt)})`:null),n(g(`station.diagnosticsStatus`),e.diagnosticsStatus?`${e.diagnosticsStatus} (${t(e.diagnosticsStatusAt)})`:null),n(g(`station.iccid`),e.iccid),n(g(`station.imsi`),e.imsi),n(g(`station.meterType`),e.meterType),n(g(`station.meterSerial`),e.meterSerialNumber),n(g(`station.firstSeen`),t(e.firstSeenAt??e.createdAt)),n(g(`station.lastBoot`),t(e.lastBootAt)),n(g(`station.lastHeartbeat`),t(e.lastHeartbeatAt)),n(g(`station.lastSeenAt`),t(e.lastSeenAt)),n(g(`station.connectedSinceLabel`),e.connected?t(e.connectedSince):null)]})}function de(e){let[t,n]=a(!1),i=e.details.data?.station;return _(`section`,{"aria-labelledby":`details-h`,class:`card`,children:[_(`h2`,{id:`details-h`,children:g(`station.details`)}),_(b,{error:e.details.error}),i&&!t&&_(T,{children:[_(`dl`,{class:`kv`,children:[_(`dt`,{children:g(`station.displayName`)}),_(`dd`,{children:i.displayName||`–`}),_(`dt`,{children:g(`station.site`)}),_(`dd`,{children:i.site?_(`a`,{href:`/stations?site=${encodeURIComponent(i.site)}`,children:i.site}):`–`}),_(`dt`,{children:g(`station.address`)}),_(`dd`,{children:i.address||`–`}),_(`dt`,{children:g(`station.coordinates`)}),_(`dd`,{children:i.latitude!==null&&i.latitude!==void 0&&i.longitude!==null&&i.longitude!==void 0?`${r(i.latitude,6)}, ${r(i.longitude,6)}`:`–`}),_(`dt`,{children:g(`station.note`)}),_(`dd`,{class:`note`,children:i.note||`–`})]}),p.value&&_(`p`,{children:_(`button`,{type:`button`,onClick:()=>n(!0),children:g(`station.editDetails`)})})]}),i&&t&&_(fe,{stationId:e.stationId,d:i,onDone:t=>{t&&e.details.setData(()=>({station:t})),n(!1)}})]})}function fe(e){let{d:t}=e,[n,r]=a(t.displayName??``),[i,o]=a(t.site??``),[s,c]=a(t.address??``),[l,u]=a(t.latitude?.toString()??``),[d,f]=a(t.longitude?.toString()??``),[p,h]=a(t.note??``),[v,y]=a(null),x=O(Q);return _(`form`,{onSubmit:async t=>{t.preventDefault();let r=l.trim()===``?null:Number(l.replace(`,`,`.`)),a=d.trim()===``?null:Number(d.replace(`,`,`.`));if(r===null!=(a===null))return y(g(`station.coordinatesBoth`));if(r!==null&&(Number.isNaN(r)||r<-90||r>90))return y(g(`station.latitudeRange`));if(a!==null&&(Number.isNaN(a)||a<-180||a>180))return y(g(`station.longitudeRange`));y(null);let o=await x.run({id:e.stationId,input:{displayName:P(n),site:P(i),address:P(s),latitude:r,longitude:a,note:P(p)}});o&&e.onDone(o.updateStationDetails)},"aria-label":g(`station.editDetails`),children:[_(m,{label:g(`station.displayName`),children:_(`input`,{value:n,maxLength:200,onInput:e=>r(e.currentTarget.value)})}),_(m,{label:g(`station.site`),hint:g(`station.siteHint`),children:_(`input`,{value:i,maxLength:200,onInput:e=>o(e.currentTarget.value)})}),_(m,{label:g(`station.address`),children:_(`input`,{value:s,maxLength:500,onInput:e=>c(e.currentTarget.value)})}),_(`div`,{class:`row`,children:[_(m,{label:g(`station.latitude`),children:_(`input`,{inputMode:`decimal`,value:l,onInput:e=>u(e.currentTarget.value)})}),_(m,{label:g(`station.longitude`),children:_(`input`,{inputMode:`decimal`,value:d,onInput:e=>f(e.currentTarget.value)})})]}),_(m,{label:g(`station.note`),children:_(`textarea`,{rows:3,value:p,onInput:e=>h(e.currentTarget.value)})}),v&&_(`p`,{class:`notice warn`,role:`alert`,children:v}),_(b,{error:x.error}),_(`div`,{class:`row`,children:[_(`button`,{type:`submit`,class:`primary`,disabled:x.running,children:g(`common.save`)}),_(`button`,{type:`button`,onClick:()=>e.onDone(null),children:g(`common.cancel`)})]})]})}export{ae as StationPage,F as a,P as c,N as i,B as n,I as o,M as r,ee as s,z as t};