import{A as e,C as t,E as n,O as r,S as i,a,k as o,n as s,p as c,r as l,t as u}from"./jsxRuntime-DPkzGEFM.js";import{_ as d,b as f,g as p,h as m,i as h,l as g,m as _,o as v,r as y,s as b}from"./console-YlmL2Q8V.js";import{t as x}from"./chart-UPca2ba_.js";import{n as S,t as C}from"./csv-BcCX77dE.js";import{i as w,n as T}from"./hooks-B890TPRV.js";var E=50,D=5e4,O=500,k=c(`
  query TxList(
    $first: Int
    $last: Int
    $after: String
    $before: String
    $stationId: ID
    $idTag: String
    $from: DateTime
    $to: DateTime
    $active: Boolean
  ) {
    transactions(
      first: $first
      last: $last
      after: $after
      before: $before
      stationId: $stationId
      idTag: $idTag
      from: $from
      to: $to
      active: $active
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        stationId
        connectorId
        idTag
        startTime
        stopTime
        durationSeconds
        energyWh
        stopReason
        flags
        active
      }
    }
  }
`),A=c(`
  query TxDetail($id: Int!) {
    transaction(id: $id) {
      id
      stationId
      connectorId
      idTag
      idTagStatus
      stopIdTag
      startTime
      startedReceivedAt
      stopTime
      stoppedReceivedAt
      durationSeconds
      energyWh
      meterStart
      meterStop
      stopReason
      flags
      active
      needsReconciliation
      reservationId
    }
  }
`),j=c(`
  query TxSamples($id: Int!) {
    transaction(id: $id) {
      id
      energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 1000) {
        nodes {
          timestamp
          measurand
          phase
          unit
          numericValue
        }
      }
      power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 1000) {
        nodes {
          timestamp
          measurand
          phase
          unit
          numericValue
        }
      }
    }
  }
`),M=c(`
  subscription TxMeterValues($transactionId: Int!) {
    meterValues(transactionId: $transactionId) {
      transactionId
      meterValues {
        timestamp
        sampledValues {
          measurand
          phase
          unit
          numericValue
        }
      }
    }
  }
`),N=c(`
  subscription TxEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
      }
    }
  }
`);function P(e){if(!e)return;let t=new Date(e);return Number.isNaN(t.getTime())?void 0:t.toISOString()}function F(e){return{stationId:e.station||void 0,idTag:e.tag||void 0,from:P(e.from),to:P(e.to),active:e.state===`active`||e.state!==`finished`&&void 0}}function I(e){return{CONCURRENT_TX:f(`transactions.flag.CONCURRENT_TX`),CONFLICTING_STOP:f(`transactions.flag.CONFLICTING_STOP`),CONNECTOR_BUSY:f(`transactions.flag.CONNECTOR_BUSY`),METER_STOP_BELOW_START:f(`transactions.flag.METER_STOP_BELOW_START`),START_CLOCK_UNSET:f(`transactions.flag.START_CLOCK_UNSET`),START_IN_FUTURE:f(`transactions.flag.START_IN_FUTURE`),STOP_BEFORE_START:f(`transactions.flag.STOP_BEFORE_START`),STOP_CLOCK_UNSET:f(`transactions.flag.STOP_CLOCK_UNSET`),STOP_IN_FUTURE:f(`transactions.flag.STOP_IN_FUTURE`),UNKNOWN_ID_TAG:f(`transactions.flag.UNKNOWN_ID_TAG`)}[e]??e}function L(e){return e?{DE_AUTHORIZED:f(`transactions.reason.DE_AUTHORIZED`),EMERGENCY_STOP:f(`transactions.reason.EMERGENCY_STOP`),EV_DISCONNECTED:f(`transactions.reason.EV_DISCONNECTED`),HARD_RESET:f(`transactions.reason.HARD_RESET`),LOCAL:f(`transactions.reason.LOCAL`),OTHER:f(`transactions.reason.OTHER`),POWER_LOSS:f(`transactions.reason.POWER_LOSS`),REBOOT:f(`transactions.reason.REBOOT`),REMOTE:f(`transactions.reason.REMOTE`),SOFT_RESET:f(`transactions.reason.SOFT_RESET`),UNLOCK_COMMAND:f(`transactions.reason.UNLOCK_COMMAND`)}[e]??e:`–`}function R({flags:e}){return e.length===0?u(`span`,{class:`muted`,children:`–`}):u(`span`,{class:`row`,style:`gap:4px`,children:e.map(e=>u(`span`,{class:`badge s-flag s-pending`,title:e,children:I(e)},e))})}function z(){let{params:e}=i();return e.id?u(K,{id:e.id}):u(B,{})}function B(){let[n,i]=w(),[a,o]=r(n.station??``),[s,c]=r(n.tag??``),l=g(a.trim(),400),d=g(s.trim(),400);t(()=>{((n.station??``)!==l||(n.tag??``)!==d)&&i({station:l,tag:d,after:void 0,before:void 0})},[l,d]);let x=F(n),S=n.before?{last:E,before:n.before}:{first:E,after:n.after},C=T(k,{...x,...S}),D=C.data?.transactions,O=e=>i({...e,after:void 0,before:void 0});return u(v,{title:f(`nav.transactions`),actions:u(U,{q:n}),children:[u(`form`,{class:`filters`,role:`search`,"aria-label":f(`transactions.filters`),onSubmit:e=>e.preventDefault(),children:[u(h,{label:f(`transactions.station`),children:u(`input`,{name:`station`,value:a,onInput:e=>o(e.currentTarget.value)})}),u(h,{label:f(`transactions.idTag`),children:u(`input`,{name:`idTag`,value:s,onInput:e=>c(e.currentTarget.value)})}),u(h,{label:f(`transactions.from`),children:u(`input`,{type:`datetime-local`,name:`from`,value:n.from??``,onChange:e=>O({from:e.currentTarget.value})})}),u(h,{label:f(`transactions.to`),children:u(`input`,{type:`datetime-local`,name:`to`,value:n.to??``,onChange:e=>O({to:e.currentTarget.value})})}),u(h,{label:f(`transactions.state`),children:u(`select`,{name:`state`,value:n.state??`all`,onChange:e=>O({state:e.currentTarget.value===`all`?void 0:e.currentTarget.value}),children:[u(`option`,{value:`all`,children:f(`common.all`)}),u(`option`,{value:`active`,children:f(`transactions.active`)}),u(`option`,{value:`finished`,children:f(`transactions.finished`)})]})})]}),u(y,{error:C.error}),C.loading&&!D&&u(`p`,{class:`muted`,children:f(`common.loading`)}),D&&u(e,{children:[u(`div`,{class:`table-wrap`,children:[u(`table`,{"data-testid":`transactions-table`,children:[u(`caption`,{class:`sr-only`,children:f(`nav.transactions`)}),u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,children:f(`transactions.id`)}),u(`th`,{scope:`col`,children:f(`transactions.station`)}),u(`th`,{scope:`col`,class:`num`,children:f(`transactions.connector`)}),u(`th`,{scope:`col`,children:f(`transactions.idTag`)}),u(`th`,{scope:`col`,children:f(`transactions.start`)}),u(`th`,{scope:`col`,children:f(`transactions.stop`)}),u(`th`,{scope:`col`,class:`num`,children:f(`transactions.duration`)}),u(`th`,{scope:`col`,class:`num`,children:f(`transactions.energy`)}),u(`th`,{scope:`col`,children:f(`transactions.stopReason`)}),u(`th`,{scope:`col`,children:f(`transactions.flags`)})]})}),u(`tbody`,{children:D.nodes.map(e=>u(`tr`,{children:[u(`th`,{scope:`row`,children:u(`a`,{href:`/transactions/${e.id}`,children:e.id})}),u(`td`,{children:u(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId})}),u(`td`,{class:`num`,children:e.connectorId}),u(`td`,{children:e.idTag}),u(`td`,{children:_(e.startTime)}),u(`td`,{children:e.active?u(`span`,{class:`badge s-charging`,children:f(`transactions.running`)}):_(e.stopTime)}),u(`td`,{class:`num`,children:m(e.durationSeconds)}),u(`td`,{class:`num`,children:p(e.energyWh)}),u(`td`,{children:e.active?`–`:L(e.stopReason)}),u(`td`,{children:u(R,{flags:e.flags})})]},e.id))})]}),D.nodes.length===0&&u(`p`,{class:`muted`,style:`padding:8px 10px`,children:f(`transactions.none`)})]}),u(b,{pageInfo:D.pageInfo,total:D.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})})]})]})}function V(e){let t=(e,t)=>e?e.replaceAll(`:`,``):t;return`transactions-${t(e.from,`start`)}-${t(e.to,`now`)}.csv`}var H=[`id`,`stationId`,`connectorId`,`idTag`,`startedAt`,`stoppedAt`,`durationSeconds`,`energyWh`,`stopReason`,`flags`];function U({q:e}){let[i,o]=r(!1),[c,l]=r(0),[p,m]=r(null),[h,g]=r(null),_=n(!1);return t(()=>()=>void(_.current=!0),[]),u(`div`,{children:[u(`button`,{type:`button`,onClick:async()=>{o(!0),g(null),m(null),l(0);let t=[],n,r=!0;try{for(;r&&t.length<5e4&&!_.current;){let i=Math.min(O,D-t.length),{transactions:o}=await a(k,{...F(e),first:i,after:n});for(let e of o.nodes)t.push([e.id,e.stationId,e.connectorId,e.idTag,e.startTime,e.stopTime??null,e.durationSeconds,e.energyWh??null,e.stopReason??null,e.flags.join(` `)]);l(t.length),r=o.pageInfo.hasNextPage,n=o.pageInfo.endCursor,o.nodes.length===0&&(r=!1)}if(_.current)return;C(V(e),S(H,t)),m(f(r?`transactions.exportCut`:`transactions.exported`,{n:d(t.length)}))}catch(e){g(e instanceof s?e:new s(String(e),`ERROR`))}finally{o(!1)}},disabled:i,children:f(`common.exportCsv`)}),u(`span`,{role:`status`,class:`muted`,style:`margin-left:8px`,children:i?f(`transactions.exporting`,{n:d(c)}):p}),u(y,{error:h})]})}var W=new Set([`L1`,`L2`,`L3`,`L1_N`,`L2_N`,`L3_N`]);function G(e){let t=new Map;for(let n of e){if(n.value===null||n.value===void 0)continue;let e=n.measurand===`ENERGY_ACTIVE_IMPORT_REGISTER`||!n.measurand&&n.unit!==`W`&&n.unit!==`KW`,r=n.measurand===`POWER_ACTIVE_IMPORT`;if(!e&&!r)continue;let i=n.value;i=e?n.unit===`KWH`?i:i/1e3:n.unit===`KW`?i:i/1e3;let a=t.get(n.ts);a||t.set(n.ts,a={e:{sum:0,any:!1},p:{sum:0,any:!1}});let o=e?a.e:a.p;n.phase?W.has(n.phase)&&(o.sum+=i,o.any=!0):o.total=i}let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e.total??(e.any?e.sum:null);return{times:n,energy:n.map(e=>r(t.get(e).e)),power:n.map(e=>r(t.get(e).p))}}function K({id:i}){let a=Number.parseInt(i,10),s=Number.isFinite(a),c=T(A,{id:a},{skip:!s}),h=T(j,{id:a},{skip:!s}),[g,b]=r([]),S=c.data?.transaction,C=S?.active??!1,w=S?.stationId,E=n(0),D=n(void 0),O=()=>{let e=Math.max(0,E.current+5e3-Date.now());clearTimeout(D.current),D.current=setTimeout(()=>{E.current=Date.now(),c.reload()},e)};t(()=>()=>clearTimeout(D.current),[]),t(()=>{if(s&&C)return l(M,{transactionId:a},{next:e=>{let t=[];for(let n of e.meterValues.meterValues){let e=Date.parse(n.timestamp)/1e3;for(let r of n.sampledValues)t.push({ts:e,measurand:r.measurand,phase:r.phase,unit:r.unit,value:r.numericValue})}b(e=>[...e,...t]),O()},resync:()=>{b([]),h.reload(),c.reload()}})},[a,C]),t(()=>{if(s&&C&&w)return l(N,{stationId:w},{next:e=>{e.transactionEvents.transaction.id===a&&c.reload()},resync:()=>c.reload()})},[a,C,w]);let k=o(()=>{let e=h.data?.transaction;return G([...[...e?.energy.nodes??[],...e?.power.nodes??[]].map(e=>({ts:Date.parse(e.timestamp)/1e3,measurand:e.measurand,phase:e.phase,unit:e.unit,value:e.numericValue})),...g])},[h.data,g]),P=f(`transactions.detailTitle`,{id:i});return s?u(v,{title:P,actions:u(`a`,{href:`/transactions`,class:`muted`,children:[`← `,f(`nav.transactions`)]}),children:[u(y,{error:c.error}),c.loading&&!c.data&&u(`p`,{class:`muted`,children:f(`common.loading`)}),c.data&&!S&&u(`p`,{class:`notice warn`,children:f(`transactions.notFound`)}),S&&u(`div`,{class:`grid2`,children:[u(`section`,{class:`card`,"aria-labelledby":`tx-facts`,children:[u(`h2`,{id:`tx-facts`,children:[f(`transactions.facts`),` `,S.active&&u(`span`,{class:`live-dot badge s-charging`,role:`status`,children:f(`transactions.running`)})]}),u(`dl`,{class:`kv`,children:[u(`dt`,{children:f(`transactions.station`)}),u(`dd`,{children:u(`a`,{href:`/stations/${encodeURIComponent(S.stationId)}`,children:S.stationId})}),u(`dt`,{children:f(`transactions.connector`)}),u(`dd`,{children:S.connectorId}),u(`dt`,{children:f(`transactions.idTag`)}),u(`dd`,{children:[S.idTag,` `,S.idTagStatus&&u(`span`,{class:`badge`,children:S.idTagStatus.toLowerCase()})]}),u(`dt`,{children:f(`transactions.start`)}),u(`dd`,{children:_(S.startTime)}),u(`dt`,{children:f(`transactions.stop`)}),u(`dd`,{children:S.active?f(`transactions.running`):_(S.stopTime)}),u(`dt`,{children:f(`transactions.duration`)}),u(`dd`,{children:m(S.durationSeconds)}),u(`dt`,{children:f(`transactions.energy`)}),u(`dd`,{children:p(S.energyWh)}),u(`dt`,{children:f(`transactions.meterStart`)}),u(`dd`,{children:[d(S.meterStart),` Wh`]}),u(`dt`,{children:f(`transactions.meterStop`)}),u(`dd`,{children:S.meterStop===null||S.meterStop===void 0?`–`:`${d(S.meterStop)} Wh`}),u(`dt`,{children:f(`transactions.stopReason`)}),u(`dd`,{children:S.active?`–`:L(S.stopReason)}),S.stopIdTag&&u(e,{children:[u(`dt`,{children:f(`transactions.stopIdTag`)}),u(`dd`,{children:S.stopIdTag})]}),S.reservationId!==null&&S.reservationId!==void 0&&u(e,{children:[u(`dt`,{children:f(`transactions.reservation`)}),u(`dd`,{children:S.reservationId})]}),u(`dt`,{children:f(`transactions.received`)}),u(`dd`,{children:[_(S.startedReceivedAt),S.stoppedReceivedAt&&` – ${_(S.stoppedReceivedAt)}`]}),u(`dt`,{children:f(`transactions.flags`)}),u(`dd`,{children:u(R,{flags:S.flags})})]}),S.needsReconciliation&&u(`p`,{class:`notice warn`,children:f(`transactions.needsLook`)})]}),u(`section`,{class:`card`,"aria-labelledby":`tx-chart`,children:[u(`h2`,{id:`tx-chart`,children:[f(`transactions.chart`),` `,S.active&&u(`span`,{class:`live-dot muted`,children:f(`common.live`)})]}),u(y,{error:h.error}),k.times.length===0?u(`p`,{class:`muted`,children:h.loading?f(`common.loading`):f(`transactions.noMeterValues`)}):u(x,{label:f(`transactions.chartLabel`,{id:i}),times:k.times,series:[{label:f(`transactions.energyRegister`),unit:`kWh`,values:k.energy},{label:f(`transactions.power`),unit:`kW`,values:k.power}]})]})]})]}):u(v,{title:P,children:f(`common.notFound`)})}export{z as Transactions};