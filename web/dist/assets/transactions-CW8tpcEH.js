import{C as e,D as t,F as n,I as r,L as i,M as a,N as o,S as s,c,d as l,i as u,j as d,l as f,m as p,o as m,p as h,r as g,s as _,u as v,w as y,x as b}from"./console-CwjbJvEJ.js";import{t as x}from"./chart-C5UhsBCU.js";import{n as S,t as C}from"./csv-BcCX77dE.js";import{i as w,n as T}from"./hooks-CJwiRb8j.js";var E=50,D=5e4,O=500,k=p(`
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
`),A=p(`
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
`),j=p(`
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
`),M=p(`
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
`),N=p(`
  subscription TxEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
      }
    }
  }
`);function P(e){if(!e)return;let t=new Date(e);return Number.isNaN(t.getTime())?void 0:t.toISOString()}function F(e){return{stationId:e.station||void 0,idTag:e.tag||void 0,from:P(e.from),to:P(e.to),active:e.state===`active`||e.state!==`finished`&&void 0}}function I(e){return{CONCURRENT_TX:t(`transactions.flag.CONCURRENT_TX`),CONFLICTING_STOP:t(`transactions.flag.CONFLICTING_STOP`),CONNECTOR_BUSY:t(`transactions.flag.CONNECTOR_BUSY`),METER_STOP_BELOW_START:t(`transactions.flag.METER_STOP_BELOW_START`),START_CLOCK_UNSET:t(`transactions.flag.START_CLOCK_UNSET`),START_IN_FUTURE:t(`transactions.flag.START_IN_FUTURE`),STOP_BEFORE_START:t(`transactions.flag.STOP_BEFORE_START`),STOP_CLOCK_UNSET:t(`transactions.flag.STOP_CLOCK_UNSET`),STOP_IN_FUTURE:t(`transactions.flag.STOP_IN_FUTURE`),UNKNOWN_ID_TAG:t(`transactions.flag.UNKNOWN_ID_TAG`)}[e]??e}function L(e){return e?{DE_AUTHORIZED:t(`transactions.reason.DE_AUTHORIZED`),EMERGENCY_STOP:t(`transactions.reason.EMERGENCY_STOP`),EV_DISCONNECTED:t(`transactions.reason.EV_DISCONNECTED`),HARD_RESET:t(`transactions.reason.HARD_RESET`),LOCAL:t(`transactions.reason.LOCAL`),OTHER:t(`transactions.reason.OTHER`),POWER_LOSS:t(`transactions.reason.POWER_LOSS`),REBOOT:t(`transactions.reason.REBOOT`),REMOTE:t(`transactions.reason.REMOTE`),SOFT_RESET:t(`transactions.reason.SOFT_RESET`),UNLOCK_COMMAND:t(`transactions.reason.UNLOCK_COMMAND`)}[e]??e:`–`}function R({flags:e}){return e.length===0?f(`span`,{class:`muted`,children:`–`}):f(`span`,{class:`row`,style:`gap:4px`,children:e.map(e=>f(`span`,{class:`badge s-flag s-pending`,title:e,children:I(e)},e))})}function z(){let{params:e}=d();return e.id?f(K,{id:e.id}):f(B,{})}function B(){let[r,o]=w(),[l,d]=n(r.station??``),[p,h]=n(r.tag??``),v=c(l.trim(),400),y=c(p.trim(),400);a(()=>{((r.station??``)!==v||(r.tag??``)!==y)&&o({station:v,tag:y,after:void 0,before:void 0})},[v,y]);let x=F(r),S=r.before?{last:E,before:r.before}:{first:E,after:r.after},C=T(k,{...x,...S}),D=C.data?.transactions,O=e=>o({...e,after:void 0,before:void 0});return f(m,{title:t(`nav.transactions`),actions:f(U,{q:r}),children:[f(`form`,{class:`filters`,role:`search`,"aria-label":t(`transactions.filters`),onSubmit:e=>e.preventDefault(),children:[f(u,{label:t(`transactions.station`),children:f(`input`,{name:`station`,value:l,onInput:e=>d(e.currentTarget.value)})}),f(u,{label:t(`transactions.idTag`),children:f(`input`,{name:`idTag`,value:p,onInput:e=>h(e.currentTarget.value)})}),f(u,{label:t(`transactions.from`),children:f(`input`,{type:`datetime-local`,name:`from`,value:r.from??``,onChange:e=>O({from:e.currentTarget.value})})}),f(u,{label:t(`transactions.to`),children:f(`input`,{type:`datetime-local`,name:`to`,value:r.to??``,onChange:e=>O({to:e.currentTarget.value})})}),f(u,{label:t(`transactions.state`),children:f(`select`,{name:`state`,value:r.state??`all`,onChange:e=>O({state:e.currentTarget.value===`all`?void 0:e.currentTarget.value}),children:[f(`option`,{value:`all`,children:t(`common.all`)}),f(`option`,{value:`active`,children:t(`transactions.active`)}),f(`option`,{value:`finished`,children:t(`transactions.finished`)})]})})]}),f(g,{error:C.error}),C.loading&&!D&&f(`p`,{class:`muted`,children:t(`common.loading`)}),D&&f(i,{children:[f(`div`,{class:`table-wrap`,children:[f(`table`,{"data-testid":`transactions-table`,children:[f(`caption`,{class:`sr-only`,children:t(`nav.transactions`)}),f(`thead`,{children:f(`tr`,{children:[f(`th`,{scope:`col`,children:t(`transactions.id`)}),f(`th`,{scope:`col`,children:t(`transactions.station`)}),f(`th`,{scope:`col`,class:`num`,children:t(`transactions.connector`)}),f(`th`,{scope:`col`,children:t(`transactions.idTag`)}),f(`th`,{scope:`col`,children:t(`transactions.start`)}),f(`th`,{scope:`col`,children:t(`transactions.stop`)}),f(`th`,{scope:`col`,class:`num`,children:t(`transactions.duration`)}),f(`th`,{scope:`col`,class:`num`,children:t(`transactions.energy`)}),f(`th`,{scope:`col`,children:t(`transactions.stopReason`)}),f(`th`,{scope:`col`,children:t(`transactions.flags`)})]})}),f(`tbody`,{children:D.nodes.map(n=>f(`tr`,{children:[f(`th`,{scope:`row`,children:f(`a`,{href:`/transactions/${n.id}`,children:n.id})}),f(`td`,{children:f(`a`,{href:`/stations/${encodeURIComponent(n.stationId)}`,children:n.stationId})}),f(`td`,{class:`num`,children:n.connectorId}),f(`td`,{children:n.idTag}),f(`td`,{children:b(n.startTime)}),f(`td`,{children:n.active?f(`span`,{class:`badge s-charging`,children:t(`transactions.running`)}):b(n.stopTime)}),f(`td`,{class:`num`,children:s(n.durationSeconds)}),f(`td`,{class:`num`,children:e(n.energyWh)}),f(`td`,{children:n.active?`–`:L(n.stopReason)}),f(`td`,{children:f(R,{flags:n.flags})})]},n.id))})]}),D.nodes.length===0&&f(`p`,{class:`muted`,style:`padding:8px 10px`,children:t(`transactions.none`)})]}),f(_,{pageInfo:D.pageInfo,total:D.totalCount,onPage:e=>o({after:e.after??void 0,before:e.before??void 0})})]})]})}function V(e){let t=(e,t)=>e?e.replaceAll(`:`,``):t;return`transactions-${t(e.from,`start`)}-${t(e.to,`now`)}.csv`}var H=[`id`,`stationId`,`connectorId`,`idTag`,`startedAt`,`stoppedAt`,`durationSeconds`,`energyWh`,`stopReason`,`flags`];function U({q:e}){let[r,i]=n(!1),[s,c]=n(0),[l,u]=n(null),[d,p]=n(null),m=o(!1);return a(()=>()=>void(m.current=!0),[]),f(`div`,{children:[f(`button`,{type:`button`,onClick:async()=>{i(!0),p(null),u(null),c(0);let n=[],r,a=!0;try{for(;a&&n.length<5e4&&!m.current;){let t=Math.min(O,D-n.length),{transactions:i}=await h(k,{...F(e),first:t,after:r});for(let e of i.nodes)n.push([e.id,e.stationId,e.connectorId,e.idTag,e.startTime,e.stopTime??null,e.durationSeconds,e.energyWh??null,e.stopReason??null,e.flags.join(` `)]);c(n.length),a=i.pageInfo.hasNextPage,r=i.pageInfo.endCursor,i.nodes.length===0&&(a=!1)}if(m.current)return;C(V(e),S(H,n)),u(t(a?`transactions.exportCut`:`transactions.exported`,{n:y(n.length)}))}catch(e){p(e instanceof v?e:new v(String(e),`ERROR`))}finally{i(!1)}},disabled:r,children:t(`common.exportCsv`)}),f(`span`,{role:`status`,class:`muted`,style:`margin-left:8px`,children:r?t(`transactions.exporting`,{n:y(s)}):l}),f(g,{error:d})]})}var W=new Set([`L1`,`L2`,`L3`,`L1_N`,`L2_N`,`L3_N`]);function G(e){let t=new Map;for(let n of e){if(n.value===null||n.value===void 0)continue;let e=n.measurand===`ENERGY_ACTIVE_IMPORT_REGISTER`||!n.measurand&&n.unit!==`W`&&n.unit!==`KW`,r=n.measurand===`POWER_ACTIVE_IMPORT`;if(!e&&!r)continue;let i=n.value;i=e?n.unit===`KWH`?i:i/1e3:n.unit===`KW`?i:i/1e3;let a=t.get(n.ts);a||t.set(n.ts,a={e:{sum:0,any:!1},p:{sum:0,any:!1}});let o=e?a.e:a.p;n.phase?W.has(n.phase)&&(o.sum+=i,o.any=!0):o.total=i}let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e.total??(e.any?e.sum:null);return{times:n,energy:n.map(e=>r(t.get(e).e)),power:n.map(e=>r(t.get(e).p))}}function K({id:c}){let u=Number.parseInt(c,10),d=Number.isFinite(u),p=T(A,{id:u},{skip:!d}),h=T(j,{id:u},{skip:!d}),[_,v]=n([]),S=p.data?.transaction,C=S?.active??!1,w=S?.stationId,E=o(0),D=o(void 0),O=()=>{let e=Math.max(0,E.current+5e3-Date.now());clearTimeout(D.current),D.current=setTimeout(()=>{E.current=Date.now(),p.reload()},e)};a(()=>()=>clearTimeout(D.current),[]),a(()=>{if(d&&C)return l(M,{transactionId:u},{next:e=>{let t=[];for(let n of e.meterValues.meterValues){let e=Date.parse(n.timestamp)/1e3;for(let r of n.sampledValues)t.push({ts:e,measurand:r.measurand,phase:r.phase,unit:r.unit,value:r.numericValue})}v(e=>[...e,...t]),O()},resync:()=>{v([]),h.reload(),p.reload()}})},[u,C]),a(()=>{if(d&&C&&w)return l(N,{stationId:w},{next:e=>{e.transactionEvents.transaction.id===u&&p.reload()},resync:()=>p.reload()})},[u,C,w]);let k=r(()=>{let e=h.data?.transaction;return G([...[...e?.energy.nodes??[],...e?.power.nodes??[]].map(e=>({ts:Date.parse(e.timestamp)/1e3,measurand:e.measurand,phase:e.phase,unit:e.unit,value:e.numericValue})),..._])},[h.data,_]),P=t(`transactions.detailTitle`,{id:c});return d?f(m,{title:P,actions:f(`a`,{href:`/transactions`,class:`muted`,children:[`← `,t(`nav.transactions`)]}),children:[f(g,{error:p.error}),p.loading&&!p.data&&f(`p`,{class:`muted`,children:t(`common.loading`)}),p.data&&!S&&f(`p`,{class:`notice warn`,children:t(`transactions.notFound`)}),S&&f(`div`,{class:`grid2`,children:[f(`section`,{class:`card`,"aria-labelledby":`tx-facts`,children:[f(`h2`,{id:`tx-facts`,children:[t(`transactions.facts`),` `,S.active&&f(`span`,{class:`live-dot badge s-charging`,role:`status`,children:t(`transactions.running`)})]}),f(`dl`,{class:`kv`,children:[f(`dt`,{children:t(`transactions.station`)}),f(`dd`,{children:f(`a`,{href:`/stations/${encodeURIComponent(S.stationId)}`,children:S.stationId})}),f(`dt`,{children:t(`transactions.connector`)}),f(`dd`,{children:S.connectorId}),f(`dt`,{children:t(`transactions.idTag`)}),f(`dd`,{children:[S.idTag,` `,S.idTagStatus&&f(`span`,{class:`badge`,children:S.idTagStatus.toLowerCase()})]}),f(`dt`,{children:t(`transactions.start`)}),f(`dd`,{children:b(S.startTime)}),f(`dt`,{children:t(`transactions.stop`)}),f(`dd`,{children:S.active?t(`transactions.running`):b(S.stopTime)}),f(`dt`,{children:t(`transactions.duration`)}),f(`dd`,{children:s(S.durationSeconds)}),f(`dt`,{children:t(`transactions.energy`)}),f(`dd`,{children:e(S.energyWh)}),f(`dt`,{children:t(`transactions.meterStart`)}),f(`dd`,{children:[y(S.meterStart),` Wh`]}),f(`dt`,{children:t(`transactions.meterStop`)}),f(`dd`,{children:S.meterStop===null||S.meterStop===void 0?`–`:`${y(S.meterStop)} Wh`}),f(`dt`,{children:t(`transactions.stopReason`)}),f(`dd`,{children:S.active?`–`:L(S.stopReason)}),S.stopIdTag&&f(i,{children:[f(`dt`,{children:t(`transactions.stopIdTag`)}),f(`dd`,{children:S.stopIdTag})]}),S.reservationId!==null&&S.reservationId!==void 0&&f(i,{children:[f(`dt`,{children:t(`transactions.reservation`)}),f(`dd`,{children:S.reservationId})]}),f(`dt`,{children:t(`transactions.received`)}),f(`dd`,{children:[b(S.startedReceivedAt),S.stoppedReceivedAt&&` – ${b(S.stoppedReceivedAt)}`]}),f(`dt`,{children:t(`transactions.flags`)}),f(`dd`,{children:f(R,{flags:S.flags})})]}),S.needsReconciliation&&f(`p`,{class:`notice warn`,children:t(`transactions.needsLook`)})]}),f(`section`,{class:`card`,"aria-labelledby":`tx-chart`,children:[f(`h2`,{id:`tx-chart`,children:[t(`transactions.chart`),` `,S.active&&f(`span`,{class:`live-dot muted`,children:t(`common.live`)})]}),f(g,{error:h.error}),k.times.length===0?f(`p`,{class:`muted`,children:h.loading?t(`common.loading`):t(`transactions.noMeterValues`)}):f(x,{label:t(`transactions.chartLabel`,{id:c}),times:k.times,series:[{label:t(`transactions.energyRegister`),unit:`kWh`,values:k.energy},{label:t(`transactions.power`),unit:`kW`,values:k.power}]})]})]})]}):f(m,{title:P,children:t(`common.notFound`)})}export{z as Transactions};