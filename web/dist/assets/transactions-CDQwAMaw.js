import{C as e,I as t,L as n,M as r,N as i,O as a,P as o,R as s,S as c,T as l,c as u,d,i as f,l as p,m,o as h,p as g,r as _,s as v,u as y,w as b}from"./console-dnHmEbU-.js";import{t as x}from"./chart-qC__q3qY.js";import{n as S,t as C}from"./csv-BcCX77dE.js";import{i as w,n as T}from"./hooks-CAskQRee.js";var E=50,D=5e4,O=500,k=m(`
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
`),A=m(`
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
`),j=m(`
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
`),M=m(`
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
`),N=m(`
  subscription TxEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
      }
    }
  }
`);function P(e){if(!e)return;let t=new Date(e);return Number.isNaN(t.getTime())?void 0:t.toISOString()}function F(e){return{stationId:e.station||void 0,idTag:e.tag||void 0,from:P(e.from),to:P(e.to),active:e.state===`active`||e.state!==`finished`&&void 0}}function I(e){return{CONCURRENT_TX:a(`transactions.flag.CONCURRENT_TX`),CONFLICTING_STOP:a(`transactions.flag.CONFLICTING_STOP`),CONNECTOR_BUSY:a(`transactions.flag.CONNECTOR_BUSY`),METER_STOP_BELOW_START:a(`transactions.flag.METER_STOP_BELOW_START`),START_CLOCK_UNSET:a(`transactions.flag.START_CLOCK_UNSET`),START_IN_FUTURE:a(`transactions.flag.START_IN_FUTURE`),STOP_BEFORE_START:a(`transactions.flag.STOP_BEFORE_START`),STOP_CLOCK_UNSET:a(`transactions.flag.STOP_CLOCK_UNSET`),STOP_IN_FUTURE:a(`transactions.flag.STOP_IN_FUTURE`),UNKNOWN_ID_TAG:a(`transactions.flag.UNKNOWN_ID_TAG`)}[e]??e}function L(e){return e?{DE_AUTHORIZED:a(`transactions.reason.DE_AUTHORIZED`),EMERGENCY_STOP:a(`transactions.reason.EMERGENCY_STOP`),EV_DISCONNECTED:a(`transactions.reason.EV_DISCONNECTED`),HARD_RESET:a(`transactions.reason.HARD_RESET`),LOCAL:a(`transactions.reason.LOCAL`),OTHER:a(`transactions.reason.OTHER`),POWER_LOSS:a(`transactions.reason.POWER_LOSS`),REBOOT:a(`transactions.reason.REBOOT`),REMOTE:a(`transactions.reason.REMOTE`),SOFT_RESET:a(`transactions.reason.SOFT_RESET`),UNLOCK_COMMAND:a(`transactions.reason.UNLOCK_COMMAND`)}[e]??e:`–`}function R({flags:e}){return e.length===0?p(`span`,{class:`muted`,children:`–`}):p(`span`,{class:`row`,style:`gap:4px`,children:e.map(e=>p(`span`,{class:`badge s-flag s-pending`,title:e,children:I(e)},e))})}function z(){let{params:e}=r();return e.id?p(K,{id:e.id}):p(B,{})}function B(){let[n,r]=w(),[o,l]=t(n.station??``),[d,m]=t(n.tag??``),g=u(o.trim(),400),y=u(d.trim(),400);i(()=>{((n.station??``)!==g||(n.tag??``)!==y)&&r({station:g,tag:y,after:void 0,before:void 0})},[g,y]);let x=F(n),S=n.before?{last:E,before:n.before}:{first:E,after:n.after},C=T(k,{...x,...S}),D=C.data?.transactions,O=e=>r({...e,after:void 0,before:void 0});return p(h,{title:a(`nav.transactions`),actions:p(U,{q:n}),children:[p(`form`,{class:`filters`,role:`search`,"aria-label":a(`transactions.filters`),onSubmit:e=>e.preventDefault(),children:[p(f,{label:a(`transactions.station`),children:p(`input`,{name:`station`,value:o,onInput:e=>l(e.currentTarget.value)})}),p(f,{label:a(`transactions.idTag`),children:p(`input`,{name:`idTag`,value:d,onInput:e=>m(e.currentTarget.value)})}),p(f,{label:a(`transactions.from`),children:p(`input`,{type:`datetime-local`,name:`from`,value:n.from??``,onChange:e=>O({from:e.currentTarget.value})})}),p(f,{label:a(`transactions.to`),children:p(`input`,{type:`datetime-local`,name:`to`,value:n.to??``,onChange:e=>O({to:e.currentTarget.value})})}),p(f,{label:a(`transactions.state`),children:p(`select`,{name:`state`,value:n.state??`all`,onChange:e=>O({state:e.currentTarget.value===`all`?void 0:e.currentTarget.value}),children:[p(`option`,{value:`all`,children:a(`common.all`)}),p(`option`,{value:`active`,children:a(`transactions.active`)}),p(`option`,{value:`finished`,children:a(`transactions.finished`)})]})})]}),p(_,{error:C.error}),C.loading&&!D&&p(`p`,{class:`muted`,children:a(`common.loading`)}),D&&p(s,{children:[p(`div`,{class:`table-wrap`,children:[p(`table`,{"data-testid":`transactions-table`,children:[p(`caption`,{class:`sr-only`,children:a(`nav.transactions`)}),p(`thead`,{children:p(`tr`,{children:[p(`th`,{scope:`col`,children:a(`transactions.id`)}),p(`th`,{scope:`col`,children:a(`transactions.station`)}),p(`th`,{scope:`col`,class:`num`,children:a(`transactions.connector`)}),p(`th`,{scope:`col`,children:a(`transactions.idTag`)}),p(`th`,{scope:`col`,children:a(`transactions.start`)}),p(`th`,{scope:`col`,children:a(`transactions.stop`)}),p(`th`,{scope:`col`,class:`num`,children:a(`transactions.duration`)}),p(`th`,{scope:`col`,class:`num`,children:a(`transactions.energy`)}),p(`th`,{scope:`col`,children:a(`transactions.stopReason`)}),p(`th`,{scope:`col`,children:a(`transactions.flags`)})]})}),p(`tbody`,{children:D.nodes.map(t=>p(`tr`,{children:[p(`th`,{scope:`row`,children:p(`a`,{href:`/transactions/${t.id}`,children:t.id})}),p(`td`,{children:p(`a`,{href:`/stations/${encodeURIComponent(t.stationId)}`,children:t.stationId})}),p(`td`,{class:`num`,children:t.connectorId}),p(`td`,{children:t.idTag}),p(`td`,{children:c(t.startTime)}),p(`td`,{children:t.active?p(`span`,{class:`badge s-charging`,children:a(`transactions.running`)}):c(t.stopTime)}),p(`td`,{class:`num`,children:e(t.durationSeconds)}),p(`td`,{class:`num`,children:b(t.energyWh)}),p(`td`,{children:t.active?`–`:L(t.stopReason)}),p(`td`,{children:p(R,{flags:t.flags})})]},t.id))})]}),D.nodes.length===0&&p(`p`,{class:`muted`,style:`padding:8px 10px`,children:a(`transactions.none`)})]}),p(v,{pageInfo:D.pageInfo,total:D.totalCount,onPage:e=>r({after:e.after??void 0,before:e.before??void 0})})]})]})}function V(e){let t=(e,t)=>e?e.replaceAll(`:`,``):t;return`transactions-${t(e.from,`start`)}-${t(e.to,`now`)}.csv`}var H=[`id`,`stationId`,`connectorId`,`idTag`,`startedAt`,`stoppedAt`,`durationSeconds`,`energyWh`,`stopReason`,`flags`];function U({q:e}){let[n,r]=t(!1),[s,c]=t(0),[u,d]=t(null),[f,m]=t(null),h=o(!1);return i(()=>()=>void(h.current=!0),[]),p(`div`,{children:[p(`button`,{type:`button`,onClick:async()=>{r(!0),m(null),d(null),c(0);let t=[],n,i=!0;try{for(;i&&t.length<5e4&&!h.current;){let r=Math.min(O,D-t.length),{transactions:a}=await g(k,{...F(e),first:r,after:n});for(let e of a.nodes)t.push([e.id,e.stationId,e.connectorId,e.idTag,e.startTime,e.stopTime??null,e.durationSeconds,e.energyWh??null,e.stopReason??null,e.flags.join(` `)]);c(t.length),i=a.pageInfo.hasNextPage,n=a.pageInfo.endCursor,a.nodes.length===0&&(i=!1)}if(h.current)return;C(V(e),S(H,t)),d(a(i?`transactions.exportCut`:`transactions.exported`,{n:l(t.length)}))}catch(e){m(e instanceof y?e:new y(String(e),`ERROR`))}finally{r(!1)}},disabled:n,children:a(`common.exportCsv`)}),p(`span`,{role:`status`,class:`muted`,style:`margin-left:8px`,children:n?a(`transactions.exporting`,{n:l(s)}):u}),p(_,{error:f})]})}var W=new Set([`L1`,`L2`,`L3`,`L1_N`,`L2_N`,`L3_N`]);function G(e){let t=new Map;for(let n of e){if(n.value===null||n.value===void 0)continue;let e=n.measurand===`ENERGY_ACTIVE_IMPORT_REGISTER`||!n.measurand&&n.unit!==`W`&&n.unit!==`KW`,r=n.measurand===`POWER_ACTIVE_IMPORT`;if(!e&&!r)continue;let i=n.value;i=e?n.unit===`KWH`?i:i/1e3:n.unit===`KW`?i:i/1e3;let a=t.get(n.ts);a||t.set(n.ts,a={e:{sum:0,any:!1},p:{sum:0,any:!1}});let o=e?a.e:a.p;n.phase?W.has(n.phase)&&(o.sum+=i,o.any=!0):o.total=i}let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e.total??(e.any?e.sum:null);return{times:n,energy:n.map(e=>r(t.get(e).e)),power:n.map(e=>r(t.get(e).p))}}function K({id:r}){let u=Number.parseInt(r,10),f=Number.isFinite(u),m=T(A,{id:u},{skip:!f}),g=T(j,{id:u},{skip:!f}),[v,y]=t([]),S=m.data?.transaction,C=S?.active??!1,w=S?.stationId,E=o(0),D=o(void 0),O=()=>{let e=Math.max(0,E.current+5e3-Date.now());clearTimeout(D.current),D.current=setTimeout(()=>{E.current=Date.now(),m.reload()},e)};i(()=>()=>clearTimeout(D.current),[]),i(()=>{if(f&&C)return d(M,{transactionId:u},{next:e=>{let t=[];for(let n of e.meterValues.meterValues){let e=Date.parse(n.timestamp)/1e3;for(let r of n.sampledValues)t.push({ts:e,measurand:r.measurand,phase:r.phase,unit:r.unit,value:r.numericValue})}y(e=>[...e,...t]),O()},resync:()=>{y([]),g.reload(),m.reload()}})},[u,C]),i(()=>{if(f&&C&&w)return d(N,{stationId:w},{next:e=>{e.transactionEvents.transaction.id===u&&m.reload()},resync:()=>m.reload()})},[u,C,w]);let k=n(()=>{let e=g.data?.transaction;return G([...[...e?.energy.nodes??[],...e?.power.nodes??[]].map(e=>({ts:Date.parse(e.timestamp)/1e3,measurand:e.measurand,phase:e.phase,unit:e.unit,value:e.numericValue})),...v])},[g.data,v]),P=a(`transactions.detailTitle`,{id:r});return f?p(h,{title:P,actions:p(`a`,{href:`/transactions`,class:`muted`,children:[`← `,a(`nav.transactions`)]}),children:[p(_,{error:m.error}),m.loading&&!m.data&&p(`p`,{class:`muted`,children:a(`common.loading`)}),m.data&&!S&&p(`p`,{class:`notice warn`,children:a(`transactions.notFound`)}),S&&p(`div`,{class:`grid2`,children:[p(`section`,{class:`card`,"aria-labelledby":`tx-facts`,children:[p(`h2`,{id:`tx-facts`,children:[a(`transactions.facts`),` `,S.active&&p(`span`,{class:`live-dot badge s-charging`,role:`status`,children:a(`transactions.running`)})]}),p(`dl`,{class:`kv`,children:[p(`dt`,{children:a(`transactions.station`)}),p(`dd`,{children:p(`a`,{href:`/stations/${encodeURIComponent(S.stationId)}`,children:S.stationId})}),p(`dt`,{children:a(`transactions.connector`)}),p(`dd`,{children:S.connectorId}),p(`dt`,{children:a(`transactions.idTag`)}),p(`dd`,{children:[S.idTag,` `,S.idTagStatus&&p(`span`,{class:`badge`,children:S.idTagStatus.toLowerCase()})]}),p(`dt`,{children:a(`transactions.start`)}),p(`dd`,{children:c(S.startTime)}),p(`dt`,{children:a(`transactions.stop`)}),p(`dd`,{children:S.active?a(`transactions.running`):c(S.stopTime)}),p(`dt`,{children:a(`transactions.duration`)}),p(`dd`,{children:e(S.durationSeconds)}),p(`dt`,{children:a(`transactions.energy`)}),p(`dd`,{children:b(S.energyWh)}),p(`dt`,{children:a(`transactions.meterStart`)}),p(`dd`,{children:[l(S.meterStart),` Wh`]}),p(`dt`,{children:a(`transactions.meterStop`)}),p(`dd`,{children:S.meterStop===null||S.meterStop===void 0?`–`:`${l(S.meterStop)} Wh`}),p(`dt`,{children:a(`transactions.stopReason`)}),p(`dd`,{children:S.active?`–`:L(S.stopReason)}),S.stopIdTag&&p(s,{children:[p(`dt`,{children:a(`transactions.stopIdTag`)}),p(`dd`,{children:S.stopIdTag})]}),S.reservationId!==null&&S.reservationId!==void 0&&p(s,{children:[p(`dt`,{children:a(`transactions.reservation`)}),p(`dd`,{children:S.reservationId})]}),p(`dt`,{children:a(`transactions.received`)}),p(`dd`,{children:[c(S.startedReceivedAt),S.stoppedReceivedAt&&` – ${c(S.stoppedReceivedAt)}`]}),p(`dt`,{children:a(`transactions.flags`)}),p(`dd`,{children:p(R,{flags:S.flags})})]}),S.needsReconciliation&&p(`p`,{class:`notice warn`,children:a(`transactions.needsLook`)})]}),p(`section`,{class:`card`,"aria-labelledby":`tx-chart`,children:[p(`h2`,{id:`tx-chart`,children:[a(`transactions.chart`),` `,S.active&&p(`span`,{class:`live-dot muted`,children:a(`common.live`)})]}),p(_,{error:g.error}),k.times.length===0?p(`p`,{class:`muted`,children:g.loading?a(`common.loading`):a(`transactions.noMeterValues`)}):p(x,{label:a(`transactions.chartLabel`,{id:r}),times:k.times,series:[{label:a(`transactions.energyRegister`),unit:`kWh`,values:k.energy},{label:a(`transactions.power`),unit:`kW`,values:k.power}]})]})]})]}):p(h,{title:P,children:a(`common.notFound`)})}export{z as Transactions};