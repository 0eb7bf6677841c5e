const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/journal-BVpN5Dfn.js","assets/console-CwjbJvEJ.js","assets/rolldown-runtime-DoHqwKmD.js","assets/dist-B5d9IcWF.js","assets/preload-helper-C_TS3VOc.js","assets/console-0sNq61JK.css","assets/hooks-CJwiRb8j.js","assets/configuration-DDMDMp20.js","assets/commands-DbgIh-Cy.js"])))=>i.map(i=>d[i]);
import{C as e,D as t,F as n,I as r,L as i,M as a,N as o,O as s,S as c,T as l,_ as u,a as d,d as f,h as p,i as m,j as h,k as g,l as _,m as v,n as y,o as b,r as x,t as S,w as C,x as w,y as T}from"./console-CwjbJvEJ.js";import{n as E,r as D,t as O}from"./hooks-CJwiRb8j.js";import{t as k}from"./chart-C5UhsBCU.js";import{t as A}from"./preload-helper-C_TS3VOc.js";function j(e){if(!e)return``;let n=`station.answer.${e}`,r=t(n);return r===n?e.replaceAll(`_`,` `).toLowerCase():r}function M(e){return e?e.replaceAll(`_`,` `).toLowerCase():`–`}function N(e){let t=e.trim();return t===``?null:t}function P(e){let t=e.trim();return t===``?null:Number.isInteger(Number(t))?Number(t):NaN}function ee(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function te(e){let t=e=>String(e).padStart(2,`0`);return`${e.getFullYear()}-${t(e.getMonth()+1)}-${t(e.getDate())}T${t(e.getHours())}:${t(e.getMinutes())}`}function F(e){return e.numericValue===null||e.numericValue===void 0?null:e.unit===`KWH`||e.unit===`KW`?e.numericValue*1e3:e.numericValue}function I(e,t){let n=e.filter(e=>e.measurand===t),r=n.find(e=>!e.phase);if(r)return F(r);let i=n.filter(e=>e.phase===`L1`||e.phase===`L2`||e.phase===`L3`);return i.length===0?null:i.reduce((e,t)=>e+(F(t)??0),0)}function L(e){let r=O(e.doc),a=o(null),[s,c]=n(!1),l=`cmd-${e.title.replace(/\W+/g,`-`).toLowerCase()}`,u=async()=>{if(a.current&&!a.current.reportValidity())return;let t=e.variables();if(c(t===null),t===null){r.reset();return}let n=await r.run(t);n&&e.onDone?.(n)};return _(`form`,{ref:a,class:`card command`,"aria-labelledby":l,onSubmit:t=>{t.preventDefault(),e.confirm||u()},children:[_(`h3`,{id:l,children:e.title}),e.description&&_(`p`,{class:`muted`,children:e.description}),e.children,_(`div`,{class:`row`,children:[e.confirm?_(y,{label:e.submit,question:e.confirm,danger:e.danger,disabled:e.disabled||r.running,onConfirm:()=>void u()}):_(`button`,{type:`submit`,class:`primary`,disabled:e.disabled||r.running,children:e.submit}),r.running&&_(`span`,{class:`muted`,children:t(`station.sending`)})]}),s&&e.invalid&&_(`p`,{class:`notice warn`,children:e.invalid}),_(x,{error:r.error}),r.result&&_(i,{children:[_(d,{status:e.status(r.result),children:j(e.status(r.result))}),e.details?.(r.result)]})]})}function R(e){return _(`label`,{class:`field`,children:[_(`span`,{children:e.label}),_(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.empty!==void 0&&_(`option`,{value:``,children:e.empty}),e.values.map(e=>_(`option`,{value:e,children:M(e)},e))]})]})}var z=v(`
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
`),B=86400,V=900,H=new Set([`ENERGY_ACTIVE_IMPORT_REGISTER`,`POWER_ACTIVE_IMPORT`]);function U(e){let[i]=n(()=>new Date(Math.floor(Date.now()/6e4)*6e4-B*1e3).toISOString()),o=E(z,{id:e.stationId,from:i}),[s,c]=n([]);a(()=>{c([])},[o.data]),a(()=>{let t=e=>{if(e.kind!==`meter`)return;let t=e.samples.filter(e=>e.measurand&&H.has(e.measurand)&&!e.phase);t.length&&c(e=>[...e,...t].slice(-4e3))};return e.listeners.add(t),()=>void e.listeners.delete(t)},[e.listeners]);let{times:l,series:u}=r(()=>{let e=o.data?.station;return W([...e?.energy.nodes??[],...e?.power.nodes??[],...s].filter(e=>!e.phase&&e.measurand&&H.has(e.measurand)))},[o.data,s]);return _(`section`,{"aria-labelledby":`chart-h`,children:[_(`h2`,{id:`chart-h`,children:t(`station.chart`)}),_(x,{error:o.error}),o.loading&&!o.data&&_(`p`,{class:`muted`,children:t(`common.loading`)}),o.data&&l.length<2&&_(`p`,{class:`muted`,children:t(`station.chartEmpty`)}),l.length>=2&&_(`div`,{class:`card`,children:_(k,{times:l,series:u,label:t(`station.chartLabel`)})})]})}function W(e){let n=new Map,r=new Set;for(let t of e){let e=F(t);if(e===null)continue;let i=Math.round(Date.parse(t.timestamp)/1e3);if(!Number.isFinite(i))continue;let a=`${t.measurand}|${t.connectorId}`,o=n.get(a);o||n.set(a,o=new Map),o.set(i,e/1e3),r.add(i)}let i=[...r].sort((e,t)=>e-t);return{times:i,series:[...n.keys()].sort((e,t)=>{let[n,r]=e.split(`|`),[i,a]=t.split(`|`);return n===i?Number(r)-Number(a):n<i?-1:1}).map(e=>{let[r,a]=e.split(`|`),o=n.get(e),s=null,c=-1/0,l=i.map(e=>{let t=o.get(e);return t===void 0?s!==null&&e-c<=V?s:null:(s=t,c=e,t)}),u=r===`ENERGY_ACTIVE_IMPORT_REGISTER`;return{label:t(u?`station.chartEnergy`:`station.chartPower`,{n:a}),unit:u?`kWh`:`kW`,values:l}})}}var G=g(()=>A(()=>import(`./journal-BVpN5Dfn.js`).then(e=>e.Journal),__vite__mapDeps([0,1,2,3,4,5,6]))),K=g(()=>A(()=>import(`./configuration-DDMDMp20.js`).then(e=>e.Configuration),__vite__mapDeps([7,1,2,3,4,5,6]))),q=g(()=>A(()=>import(`./commands-DbgIh-Cy.js`).then(e=>e.Commands),__vite__mapDeps([8,1,2,3,4,5,6]))),J=v(`
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
`),Y=v(`
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
`),X=v(`
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
`),Z=v(`
  subscription StationConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      connectorId
      status
      errorCode
      info
      timestamp
    }
  }
`),ne=v(`
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
`),re=v(`
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
`),ie=v(`
  subscription StationEvents($stationId: ID!) {
    stationEvents(stationId: $stationId) {
      kind
      at
    }
  }
`),Q=[`overview`,`journal`,`configuration`,`commands`];function ae(){let{params:e}=h(),r=decodeURIComponent(e.id??``),o=Q.includes(e.tab??``)?e.tab:`overview`,c=E(J,{id:r}),l=E(Y,{id:r}),[d]=n(()=>new Set),p=c.data?.station;a(()=>{if(!u.value)return;let e=e=>d.forEach(t=>t(e)),t=(e,t)=>c.setData(n=>{if(!n?.station)return n;let r=n.station.connectors,i=r.some(t=>t.connectorId===e)?r.map(n=>n.connectorId===e?t(n):n):[...r,t($(e))].sort((e,t)=>e.connectorId-t.connectorId);return{station:{...n.station,connectors:i}}}),n=[f(Z,{stationId:r},{next:({connectorStatus:n})=>{t(n.connectorId,e=>({...e,status:n.status,errorCode:n.errorCode,info:n.info??null,statusTimestamp:n.timestamp??null,updatedAt:new Date().toISOString()})),e({kind:`other`})},resync:()=>c.reload()}),f(ne,{stationId:r},{next:({meterValues:n})=>{let r=n.meterValues[n.meterValues.length-1];r&&t(n.connectorId,e=>{let t=e.currentTransaction,i=r.transactionId??n.transactionId,a=I(r.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`),o=t&&(i==null||i===t.id);return{...e,lastMeterReading:{...r,transactionId:i??null},currentTransaction:t&&o&&a!==null?{...t,energyWh:Math.round(a-t.meterStart)}:t}}),e({kind:`meter`,samples:n.meterValues.flatMap(e=>e.sampledValues.map(t=>({...t,connectorId:n.connectorId,timestamp:e.timestamp})))})},resync:()=>c.reload()}),f(re,{stationId:r},{next:({transactionEvents:n})=>{let r=n.transaction;t(r.connectorId,e=>({...e,currentTransaction:n.kind===`STARTED`?r:e.currentTransaction?.id===r.id?null:e.currentTransaction})),e({kind:`other`})},resync:()=>c.reload()}),f(ie,{stationId:r},{next:()=>{c.reload(),e({kind:`other`})},resync:()=>c.reload()})];return()=>n.forEach(e=>e())},[r]);let m=l.data?.station?.displayName||r,g=`/stations/${encodeURIComponent(r)}`;return u.value?c.loading&&!c.data?_(b,{title:r,children:_(`p`,{role:`status`,children:t(`common.loading`)})}):c.data&&!p?_(b,{title:r,children:[_(`p`,{class:`notice warn`,children:t(`station.notFound`,{id:r})}),_(`p`,{children:_(`a`,{href:`/stations`,children:t(`station.backToList`)})})]}):_(b,{title:m,actions:p&&_(`span`,{class:`station-state`,children:[_(`span`,{class:`badge ${p.connected?`s-online`:`s-offline`}`,"data-testid":`connection`,children:p.connected?t(`station.online`):t(`station.offline`)}),` `,_(`span`,{class:`muted`,children:p.connected?t(`station.connectedSince`,{ago:T(p.connectedSince)}):p.lastSeenAt?t(`station.lastSeen`,{ago:T(p.lastSeenAt)}):t(`station.neverConnected`)})]}),children:[_(`p`,{class:`muted station-sub`,children:[_(`a`,{href:`/stations`,children:t(`nav.stations`)}),` / `,_(`code`,{children:r}),l.data?.station?.site&&_(i,{children:[` · `,l.data.station.site]})]}),_(x,{error:c.error}),_(`nav`,{"aria-label":t(`station.tabs`),children:_(`div`,{class:`tabs`,children:Q.map(e=>_(`a`,{href:e===`overview`?g:`${g}/${e}`,"aria-current":o===e?`page`:void 0,children:oe(e)},e))})}),p&&_(s,{children:[o===`overview`&&_(se,{station:p,details:l,listeners:d,onReload:c.reload}),o===`journal`&&_(G,{stationId:r,listeners:d}),o===`configuration`&&_(K,{stationId:r,connected:p.connected}),o===`commands`&&_(q,{station:p,onChanged:c.reload})]})]}):_(b,{title:t(`station.title`),children:_(`p`,{class:`notice warn`,children:t(`station.staffOnly`)})})}function oe(e){switch(e){case`overview`:return t(`station.tab.overview`);case`journal`:return t(`station.tab.journal`);case`configuration`:return t(`station.tab.configuration`);case`commands`:return t(`station.tab.commands`)}}function $(e){return{connectorId:e,status:null,errorCode:null,info:null,vendorErrorCode:null,vendorId:null,statusTimestamp:null,updatedAt:new Date().toISOString(),lastMeterReading:null,currentTransaction:null}}function se(e){let n=e.station,r=n.connectors.filter(e=>e.connectorId>0),a=n.connectors.find(e=>e.connectorId===0);return _(i,{children:[_(`section`,{"aria-labelledby":`connectors-h`,children:[_(`h2`,{id:`connectors-h`,children:t(`station.connectors`)}),a&&_(`p`,{children:[t(`station.chargePointStatus`),`: `,_(S,{value:a.status}),` `,a.errorCode&&a.errorCode!==`NO_ERROR`&&_(`span`,{children:a.errorCode})]}),r.length===0?_(`p`,{class:`muted`,children:t(`station.noConnectors`)}):_(`div`,{class:`connector-cards`,children:r.map(e=>_(ce,{c:e},e.connectorId))})]}),_(U,{stationId:n.id,listeners:e.listeners}),_(`div`,{class:`grid2`,children:[_(`section`,{"aria-labelledby":`identity-h`,class:`card`,children:[_(`h2`,{id:`identity-h`,children:t(`station.identity`)}),_(le,{s:n})]}),_(ue,{stationId:n.id,details:e.details})]})]})}function ce({c:n}){let r=D(1e3),a=n.currentTransaction,o=n.lastMeterReading?I(n.lastMeterReading.sampledValues,`POWER_ACTIVE_IMPORT`):null,s=n.connectorId;return _(`article`,{class:`card connector`,"data-testid":`connector-${s}`,"aria-labelledby":`connector-${s}-h`,children:[_(`h3`,{id:`connector-${s}-h`,children:[t(`station.connector`,{n:s}),` `,_(`span`,{"data-testid":`status-${s}`,role:`status`,"aria-live":`polite`,children:_(S,{value:n.status})})]}),n.errorCode&&n.errorCode!==`NO_ERROR`&&_(`p`,{class:`notice error`,children:[t(`station.errorCode`),`: `,_(`strong`,{children:n.errorCode}),n.info&&_(i,{children:[` · `,n.info]}),n.vendorErrorCode&&_(i,{children:[` · `,n.vendorErrorCode]})]}),(!n.errorCode||n.errorCode===`NO_ERROR`)&&n.info&&_(`p`,{class:`muted`,children:n.info}),_(`dl`,{class:`kv`,children:[_(`dt`,{children:t(`station.statusSince`)}),_(`dd`,{children:w(n.statusTimestamp??n.updatedAt)}),a?_(i,{children:[_(`dt`,{children:t(`station.transaction`)}),_(`dd`,{children:_(`a`,{href:`/transactions/${a.id}`,children:[`#`,a.id]})}),_(`dt`,{children:t(`station.idTag`)}),_(`dd`,{children:_(`code`,{children:a.idTag})}),_(`dt`,{children:t(`station.started`)}),_(`dd`,{children:w(a.startTime)}),_(`dt`,{children:t(`station.duration`)}),_(`dd`,{"data-testid":`duration-${s}`,children:c(Math.max(0,(r-Date.parse(a.startTime))/1e3))}),_(`dt`,{children:t(`station.energy`)}),_(`dd`,{"data-testid":`energy-${s}`,class:`big`,children:e(a.energyWh)}),_(`dt`,{children:t(`station.power`)}),_(`dd`,{"data-testid":`power-${s}`,class:`big`,children:l(o)})]}):_(i,{children:[_(`dt`,{children:t(`station.transaction`)}),_(`dd`,{class:`muted`,children:t(`station.noTransaction`)}),n.lastMeterReading&&_(i,{children:[_(`dt`,{children:t(`station.lastReading`)}),_(`dd`,{children:[e(I(n.lastMeterReading.sampledValues,`ENERGY_ACTIVE_IMPORT_REGISTER`)),` `,_(`span`,{class:`muted`,children:[`(`,T(n.lastMeterReading.timestamp),`)`]})]})]})]})]})]})}function le({s:e}){let n=(e,t)=>_(i,{children:[_(`dt`,{children:e}),_(`dd`,{children:t==null||t===``?`–`:t})]});return _(`dl`,{class:`kv`,children:[n(t(`station.id`),e.id),_(`dt`,{children:t(`station.registration`)}),_(`dd`,{children:_(S,{value:e.registrationStatus})}),n(t(`station.securityProfile`),e.securityProfile),n(t(`station.authorizationKey`),e.hasAuthorizationKey===null||e.hasAuthorizationKey===void 0?null:e.hasAuthorizationKey?t(`common.yes`):t(`common.no`)),n(t(`station.vendor`),e.vendor),n(t(`station.model`),e.model),n(t(`station.chargePointSerial`),e.chargePointSerialNumber),n(t(`station.chargeBoxSerial`),e.chargeBoxSerialNumber),n(t(`station.firmware`),e.firmwareVersion),n(t(`station.firmwareStatus`),e.firmwareStatus?`${e.firmwareStatus} (${w(e.firmwareStatusAt)})`:null),n(t(`station.diagnosticsStatus`),e.diagnosticsStatus?`${e.diagnosticsStatus} (${w(e.diagnosticsStatusAt)})`:null),n(t(`station.iccid`),e.iccid),n(t(`station.imsi`),e.imsi),n(t(`station.meterType`),e.meterType),n(t(`station.meterSerial`),e.meterSerialNumber),n(t(`station.firstSeen`),w(e.firstSeenAt??e.createdAt)),n(t(`station.lastBoot`),w(e.lastBootAt)),n(t(`station.lastHeartbeat`),w(e.lastHeartbeatAt)),n(t(`station.lastSeenAt`),w(e.lastSeenAt)),n(t(`station.connectedSinceLabel`),e.connected?w(e.connectedSince):null)]})}function ue(e){let[r,a]=n(!1),o=e.details.data?.station;return _(`section`,{"aria-labelledby":`details-h`,class:`card`,children:[_(`h2`,{id:`details-h`,children:t(`station.details`)}),_(x,{error:e.details.error}),o&&!r&&_(i,{children:[_(`dl`,{class:`kv`,children:[_(`dt`,{children:t(`station.displayName`)}),_(`dd`,{children:o.displayName||`–`}),_(`dt`,{children:t(`station.site`)}),_(`dd`,{children:o.site?_(`a`,{href:`/stations?site=${encodeURIComponent(o.site)}`,children:o.site}):`–`}),_(`dt`,{children:t(`station.address`)}),_(`dd`,{children:o.address||`–`}),_(`dt`,{children:t(`station.coordinates`)}),_(`dd`,{children:o.latitude!==null&&o.latitude!==void 0&&o.longitude!==null&&o.longitude!==void 0?`${C(o.latitude,6)}, ${C(o.longitude,6)}`:`–`}),_(`dt`,{children:t(`station.note`)}),_(`dd`,{class:`note`,children:o.note||`–`})]}),p.value&&_(`p`,{children:_(`button`,{type:`button`,onClick:()=>a(!0),children:t(`station.editDetails`)})})]}),o&&r&&_(de,{stationId:e.stationId,d:o,onDone:t=>{t&&e.details.setData(()=>({station:t})),a(!1)}})]})}function de(e){let{d:r}=e,[i,a]=n(r.displayName??``),[o,s]=n(r.site??``),[c,l]=n(r.address??``),[u,d]=n(r.latitude?.toString()??``),[f,p]=n(r.longitude?.toString()??``),[h,g]=n(r.note??``),[v,y]=n(null),b=O(X);return _(`form`,{onSubmit:async n=>{n.preventDefault();let r=u.trim()===``?null:Number(u.replace(`,`,`.`)),a=f.trim()===``?null:Number(f.replace(`,`,`.`));if(r===null!=(a===null))return y(t(`station.coordinatesBoth`));if(r!==null&&(Number.isNaN(r)||r<-90||r>90))return y(t(`station.latitudeRange`));if(a!==null&&(Number.isNaN(a)||a<-180||a>180))return y(t(`station.longitudeRange`));y(null);let s=await b.run({id:e.stationId,input:{displayName:N(i),site:N(o),address:N(c),latitude:r,longitude:a,note:N(h)}});s&&e.onDone(s.updateStationDetails)},"aria-label":t(`station.editDetails`),children:[_(m,{label:t(`station.displayName`),children:_(`input`,{value:i,maxLength:200,onInput:e=>a(e.currentTarget.value)})}),_(m,{label:t(`station.site`),hint:t(`station.siteHint`),children:_(`input`,{value:o,maxLength:200,onInput:e=>s(e.currentTarget.value)})}),_(m,{label:t(`station.address`),children:_(`input`,{value:c,maxLength:500,onInput:e=>l(e.currentTarget.value)})}),_(`div`,{class:`row`,children:[_(m,{label:t(`station.latitude`),children:_(`input`,{inputMode:`decimal`,value:u,onInput:e=>d(e.currentTarget.value)})}),_(m,{label:t(`station.longitude`),children:_(`input`,{inputMode:`decimal`,value:f,onInput:e=>p(e.currentTarget.value)})})]}),_(m,{label:t(`station.note`),children:_(`textarea`,{rows:3,value:h,onInput:e=>g(e.currentTarget.value)})}),v&&_(`p`,{class:`notice warn`,role:`alert`,children:v}),_(x,{error:b.error}),_(`div`,{class:`row`,children:[_(`button`,{type:`submit`,class:`primary`,disabled:b.running,children:t(`common.save`)}),_(`button`,{type:`button`,onClick:()=>e.onDone(null),children:t(`common.cancel`)})]})]})}export{ae as StationPage,P as a,N as c,M as i,R as n,te as o,j as r,ee as s,L as t};