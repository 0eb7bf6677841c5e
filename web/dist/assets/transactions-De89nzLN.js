import{C as e,E as t,F as n,L as r,N as i,P as a,R as o,T as s,c,d as l,f as u,i as d,k as f,l as p,m,o as h,r as g,s as _,w as v,y,z as b}from"./console-NpAu_WoJ.js";import{t as x}from"./chart-D5BbmBOD.js";import{n as S,t as C}from"./csv-BcCX77dE.js";import{i as w,n as T}from"./hooks-X1fviBlp.js";var E=50,D=5e4,O=500,k=y(`
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
`),A=y(`
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
`),j=y(`
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
`),M=y(`
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
`),N=y(`
  subscription TxEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
      }
    }
  }
`);function P(e){if(!e)return;let t=new Date(e);return Number.isNaN(t.getTime())?void 0:t.toISOString()}function F(e){return{stationId:e.station||void 0,idTag:e.tag||void 0,from:P(e.from),to:P(e.to),active:e.state===`active`||e.state!==`finished`&&void 0}}function I(e){return{CONCURRENT_TX:f(`transactions.flag.CONCURRENT_TX`),CONFLICTING_STOP:f(`transactions.flag.CONFLICTING_STOP`),CONNECTOR_BUSY:f(`transactions.flag.CONNECTOR_BUSY`),METER_STOP_BELOW_START:f(`transactions.flag.METER_STOP_BELOW_START`),START_CLOCK_UNSET:f(`transactions.flag.START_CLOCK_UNSET`),START_IN_FUTURE:f(`transactions.flag.START_IN_FUTURE`),STOP_BEFORE_START:f(`transactions.flag.STOP_BEFORE_START`),STOP_CLOCK_UNSET:f(`transactions.flag.STOP_CLOCK_UNSET`),STOP_IN_FUTURE:f(`transactions.flag.STOP_IN_FUTURE`),UNKNOWN_ID_TAG:f(`transactions.flag.UNKNOWN_ID_TAG`)}[e]??e}function L(e){return e?{DE_AUTHORIZED:f(`transactions.reason.DE_AUTHORIZED`),EMERGENCY_STOP:f(`transactions.reason.EMERGENCY_STOP`),EV_DISCONNECTED:f(`transactions.reason.EV_DISCONNECTED`),HARD_RESET:f(`transactions.reason.HARD_RESET`),LOCAL:f(`transactions.reason.LOCAL`),OTHER:f(`transactions.reason.OTHER`),POWER_LOSS:f(`transactions.reason.POWER_LOSS`),REBOOT:f(`transactions.reason.REBOOT`),REMOTE:f(`transactions.reason.REMOTE`),SOFT_RESET:f(`transactions.reason.SOFT_RESET`),UNLOCK_COMMAND:f(`transactions.reason.UNLOCK_COMMAND`)}[e]??e:`–`}function R({flags:e}){return e.length===0?p(`span`,{class:`muted`,children:`–`}):p(`span`,{class:`row`,style:`gap:4px`,children:e.map(e=>p(`span`,{class:`badge s-flag s-pending`,title:e,children:I(e)},e))})}function z(){let{params:e}=i();return e.id?p(K,{id:e.id}):p(B,{})}function B(){let[t,n]=w(),[i,o]=r(t.station??``),[l,u]=r(t.tag??``),m=c(i.trim(),400),y=c(l.trim(),400);a(()=>{((t.station??``)!==m||(t.tag??``)!==y)&&n({station:m,tag:y,after:void 0,before:void 0})},[m,y]);let x=F(t),S=t.before?{last:E,before:t.before}:{first:E,after:t.after},C=T(k,{...x,...S}),D=C.data?.transactions,O=e=>n({...e,after:void 0,before:void 0});return p(h,{title:f(`nav.transactions`),actions:p(U,{q:t}),children:[p(`form`,{class:`filters`,role:`search`,"aria-label":f(`transactions.filters`),onSubmit:e=>e.preventDefault(),children:[p(d,{label:f(`transactions.station`),children:p(`input`,{name:`station`,value:i,onInput:e=>o(e.currentTarget.value)})}),p(d,{label:f(`transactions.idTag`),children:p(`input`,{name:`idTag`,value:l,onInput:e=>u(e.currentTarget.value)})}),p(d,{label:f(`transactions.from`),children:p(`input`,{type:`datetime-local`,name:`from`,value:t.from??``,onChange:e=>O({from:e.currentTarget.value})})}),p(d,{label:f(`transactions.to`),children:p(`input`,{type:`datetime-local`,name:`to`,value:t.to??``,onChange:e=>O({to:e.currentTarget.value})})}),p(d,{label:f(`transactions.state`),children:p(`select`,{name:`state`,value:t.state??`all`,onChange:e=>O({state:e.currentTarget.value===`all`?void 0:e.currentTarget.value}),children:[p(`option`,{value:`all`,children:f(`common.all`)}),p(`option`,{value:`active`,children:f(`transactions.active`)}),p(`option`,{value:`finished`,children:f(`transactions.finished`)})]})})]}),p(g,{error:C.error}),C.loading&&!D&&p(`p`,{class:`muted`,children:f(`common.loading`)}),D&&p(b,{children:[p(`div`,{class:`table-wrap`,children:[p(`table`,{"data-testid":`transactions-table`,children:[p(`caption`,{class:`sr-only`,children:f(`nav.transactions`)}),p(`thead`,{children:p(`tr`,{children:[p(`th`,{scope:`col`,children:f(`transactions.id`)}),p(`th`,{scope:`col`,children:f(`transactions.station`)}),p(`th`,{scope:`col`,class:`num`,children:f(`transactions.connector`)}),p(`th`,{scope:`col`,children:f(`transactions.idTag`)}),p(`th`,{scope:`col`,children:f(`transactions.start`)}),p(`th`,{scope:`col`,children:f(`transactions.stop`)}),p(`th`,{scope:`col`,class:`num`,children:f(`transactions.duration`)}),p(`th`,{scope:`col`,class:`num`,children:f(`transactions.energy`)}),p(`th`,{scope:`col`,children:f(`transactions.stopReason`)}),p(`th`,{scope:`col`,children:f(`transactions.flags`)})]})}),p(`tbody`,{children:D.nodes.map(t=>p(`tr`,{children:[p(`th`,{scope:`row`,children:p(`a`,{href:`/transactions/${t.id}`,children:t.id})}),p(`td`,{children:p(`a`,{href:`/stations/${encodeURIComponent(t.stationId)}`,children:t.stationId})}),p(`td`,{class:`num`,children:t.connectorId}),p(`td`,{children:t.idTag}),p(`td`,{children:e(t.startTime)}),p(`td`,{children:t.active?p(`span`,{class:`badge s-charging`,children:f(`transactions.running`)}):e(t.stopTime)}),p(`td`,{class:`num`,children:v(t.durationSeconds)}),p(`td`,{class:`num`,children:s(t.energyWh)}),p(`td`,{children:t.active?`–`:L(t.stopReason)}),p(`td`,{children:p(R,{flags:t.flags})})]},t.id))})]}),D.nodes.length===0&&p(`p`,{class:`muted`,style:`padding:8px 10px`,children:f(`transactions.none`)})]}),p(_,{pageInfo:D.pageInfo,total:D.totalCount,onPage:e=>n({after:e.after??void 0,before:e.before??void 0})})]})]})}function V(e){let t=(e,t)=>e?e.replaceAll(`:`,``):t;return`transactions-${t(e.from,`start`)}-${t(e.to,`now`)}.csv`}var H=[`id`,`stationId`,`connectorId`,`idTag`,`startedAt`,`stoppedAt`,`durationSeconds`,`energyWh`,`stopReason`,`flags`];function U({q:e}){let[i,o]=r(!1),[s,c]=r(0),[u,d]=r(null),[h,_]=r(null),v=n(!1);return a(()=>()=>void(v.current=!0),[]),p(`div`,{children:[p(`button`,{type:`button`,onClick:async()=>{o(!0),_(null),d(null),c(0);let n=[],r,i=!0;try{for(;i&&n.length<5e4&&!v.current;){let t=Math.min(O,D-n.length),{transactions:a}=await m(k,{...F(e),first:t,after:r});for(let e of a.nodes)n.push([e.id,e.stationId,e.connectorId,e.idTag,e.startTime,e.stopTime??null,e.durationSeconds,e.energyWh??null,e.stopReason??null,e.flags.join(` `)]);c(n.length),i=a.pageInfo.hasNextPage,r=a.pageInfo.endCursor,a.nodes.length===0&&(i=!1)}if(v.current)return;C(V(e),S(H,n)),d(f(i?`transactions.exportCut`:`transactions.exported`,{n:t(n.length)}))}catch(e){_(e instanceof l?e:new l(String(e),`ERROR`))}finally{o(!1)}},disabled:i,children:f(`common.exportCsv`)}),p(`span`,{role:`status`,class:`muted`,style:`margin-left:8px`,children:i?f(`transactions.exporting`,{n:t(s)}):u}),p(g,{error:h})]})}var W=new Set([`L1`,`L2`,`L3`,`L1_N`,`L2_N`,`L3_N`]);function G(e){let t=new Map;for(let n of e){if(n.value===null||n.value===void 0)continue;let e=n.measurand===`ENERGY_ACTIVE_IMPORT_REGISTER`||!n.measurand&&n.unit!==`W`&&n.unit!==`KW`,r=n.measurand===`POWER_ACTIVE_IMPORT`;if(!e&&!r)continue;let i=n.value;i=e?n.unit===`KWH`?i:i/1e3:n.unit===`KW`?i:i/1e3;let a=t.get(n.ts);a||t.set(n.ts,a={e:{sum:0,any:!1},p:{sum:0,any:!1}});let o=e?a.e:a.p;n.phase?W.has(n.phase)&&(o.sum+=i,o.any=!0):o.total=i}let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e.total??(e.any?e.sum:null);return{times:n,energy:n.map(e=>r(t.get(e).e)),power:n.map(e=>r(t.get(e).p))}}function K({id:i}){let c=Number.parseInt(i,10),l=Number.isFinite(c),d=T(A,{id:c},{skip:!l}),m=T(j,{id:c},{skip:!l}),[_,y]=r([]),S=d.data?.transaction,C=S?.active??!1,w=S?.stationId,E=n(0),D=n(void 0),O=()=>{let e=Math.max(0,E.current+5e3-Date.now());clearTimeout(D.current),D.current=setTimeout(()=>{E.current=Date.now(),d.reload()},e)};a(()=>()=>clearTimeout(D.current),[]),a(()=>{if(l&&C)return u(M,{transactionId:c},{next:e=>{let t=[];for(let n of e.meterValues.meterValues){let e=Date.parse(n.timestamp)/1e3;for(let r of n.sampledValues)t.push({ts:e,measurand:r.measurand,phase:r.phase,unit:r.unit,value:r.numericValue})}y(e=>[...e,...t]),O()},resync:()=>{y([]),m.reload(),d.reload()}})},[c,C]),a(()=>{if(l&&C&&w)return u(N,{stationId:w},{next:e=>{e.transactionEvents.transaction.id===c&&d.reload()},resync:()=>d.reload()})},[c,C,w]);let k=o(()=>{let e=m.data?.transaction;return G([...[...e?.energy.nodes??[],...e?.power.nodes??[]].map(e=>({ts:Date.parse(e.timestamp)/1e3,measurand:e.measurand,phase:e.phase,unit:e.unit,value:e.numericValue})),..._])},[m.data,_]),P=f(`transactions.detailTitle`,{id:i});return l?p(h,{title:P,actions:p(`a`,{href:`/transactions`,class:`muted`,children:[`← `,f(`nav.transactions`)]}),children:[p(g,{error:d.error}),d.loading&&!d.data&&p(`p`,{class:`muted`,children:f(`common.loading`)}),d.data&&!S&&p(`p`,{class:`notice warn`,children:f(`transactions.notFound`)}),S&&p(`div`,{class:`grid2`,children:[p(`section`,{class:`card`,"aria-labelledby":`tx-facts`,children:[p(`h2`,{id:`tx-facts`,children:[f(`transactions.facts`),` `,S.active&&p(`span`,{class:`live-dot badge s-charging`,role:`status`,children:f(`transactions.running`)})]}),p(`dl`,{class:`kv`,children:[p(`dt`,{children:f(`transactions.station`)}),p(`dd`,{children:p(`a`,{href:`/stations/${encodeURIComponent(S.stationId)}`,children:S.stationId})}),p(`dt`,{children:f(`transactions.connector`)}),p(`dd`,{children:S.connectorId}),p(`dt`,{children:f(`transactions.idTag`)}),p(`dd`,{children:[S.idTag,` `,S.idTagStatus&&p(`span`,{class:`badge`,children:S.idTagStatus.toLowerCase()})]}),p(`dt`,{children:f(`transactions.start`)}),p(`dd`,{children:e(S.startTime)}),p(`dt`,{children:f(`transactions.stop`)}),p(`dd`,{children:S.active?f(`transactions.running`):e(S.stopTime)}),p(`dt`,{children:f(`transactions.duration`)}),p(`dd`,{children:v(S.durationSeconds)}),p(`dt`,{children:f(`transactions.energy`)}),p(`dd`,{children:s(S.energyWh)}),p(`dt`,{children:f(`transactions.meterStart`)}),p(`dd`,{children:[t(S.meterStart),` Wh`]}),p(`dt`,{children:f(`transactions.meterStop`)}),p(`dd`,{children:S.meterStop===null||S.meterStop===void 0?`–`:`${t(S.meterStop)} Wh`}),p(`dt`,{children:f(`transactions.stopReason`)}),p(`dd`,{children:S.active?`–`:L(S.stopReason)}),S.stopIdTag&&p(b,{children:[p(`dt`,{children:f(`transactions.stopIdTag`)}),p(`dd`,{children:S.stopIdTag})]}),S.reservationId!==null&&S.reservationId!==void 0&&p(b,{children:[p(`dt`,{children:f(`transactions.reservation`)}),p(`dd`,{children:S.reservationId})]}),p(`dt`,{children:f(`transactions.received`)}),p(`dd`,{children:[e(S.startedReceivedAt),S.stoppedReceivedAt&&` – ${e(S.stoppedReceivedAt)}`]}),p(`dt`,{children:f(`transactions.flags`)}),p(`dd`,{children:p(R,{flags:S.flags})})]}),S.needsReconciliation&&p(`p`,{class:`notice warn`,children:f(`transactions.needsLook`)})]}),p(`section`,{class:`card`,"aria-labelledby":`tx-chart`,children:[p(`h2`,{id:`tx-chart`,children:[f(`transactions.chart`),` `,S.active&&p(`span`,{class:`live-dot muted`,children:f(`common.live`)})]}),p(g,{error:m.error}),k.times.length===0?p(`p`,{class:`muted`,children:m.loading?f(`common.loading`):f(`transactions.noMeterValues`)}):p(x,{label:f(`transactions.chartLabel`,{id:i}),times:k.times,series:[{label:f(`transactions.energyRegister`),unit:`kWh`,values:k.energy},{label:f(`transactions.power`),unit:`kW`,values:k.power}]})]})]})]}):p(h,{title:P,children:f(`common.notFound`)})}export{z as Transactions};