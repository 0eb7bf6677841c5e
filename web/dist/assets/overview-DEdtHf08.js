import{A as e,C as t,E as n,O as r,i,o as a,p as o,r as s,t as c,x as l}from"./jsxRuntime-DPkzGEFM.js";import{_ as u,b as d,f as ee,g as te,i as f,m as p,n as m,o as h,r as g}from"./console-YlmL2Q8V.js";import{n as _,r as v,t as ne}from"./hooks-B890TPRV.js";var y=o(`
  query OverviewSummary($since: DateTime) {
    fleetSummary(since: $since) {
      at
      since
      stations
      online
      offline
      pending
      rejected
      activeTransactions
      energyWh
      connectors {
        status
        count
      }
    }
  }
`),b=o(`
  subscription OverviewSummaryLive($since: DateTime, $everySeconds: Int!) {
    fleetSummary(since: $since, everySeconds: $everySeconds) {
      at
      since
      stations
      online
      offline
      pending
      rejected
      activeTransactions
      energyWh
      connectors {
        status
        count
      }
    }
  }
`),x=o(`
  query OverviewAttention($limit: Int!) {
    attention(limit: $limit) {
      kind
      stationId
      connectorId
      detail
      since
    }
  }
`),S=o(`
  mutation OverviewApproveStation($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),C=100,w=3e4,T=5;function E(e){let t=new Date(e);return t.setHours(0,0,0,0),t.toISOString()}function D(e,...t){return e?e.connectors.filter(e=>t.includes(e.status)).reduce((e,t)=>e+t.count,0):null}var O={CONNECTOR_FAULTED:()=>d(`overview.kind.connectorFaulted`),STATION_OFFLINE:()=>d(`overview.kind.stationOffline`),STATION_PENDING:()=>d(`overview.kind.stationPending`),HANDSHAKE_REFUSED:()=>d(`overview.kind.handshakeRefused`),SECURITY_EVENT:()=>d(`overview.kind.securityEvent`)},k=[`CONNECTOR_FAULTED`,`STATION_OFFLINE`,`STATION_PENDING`,`HANDSHAKE_REFUSED`,`SECURITY_EVENT`],A={CONNECTOR_FAULTED:`s-faulted`,STATION_OFFLINE:`s-offline`,STATION_PENDING:`s-pending`,HANDSHAKE_REFUSED:`s-rejected`,SECURITY_EVENT:`s-unavailable`},j={display:`block`,color:`inherit`,textDecoration:`none`};function M(t){let n=c(e,{children:[c(`span`,{class:`value`,children:t.text??u(t.value)}),c(`span`,{class:`label`,children:t.label})]});return c(`div`,{class:`stat`,"data-testid":t.testid,"data-value":t.value??void 0,children:[t.href?c(`a`,{href:t.href,style:j,children:n}):n,t.children]})}function re({parts:e}){let t=e.filter(e=>(e.value??0)>0);return t.length?c(`ul`,{class:`muted`,style:{listStyle:`none`,margin:`4px 0 0`,padding:0,fontSize:`0.85em`},children:t.map(e=>c(`li`,{children:c(`a`,{href:e.href,children:[e.label,`: `,u(e.value)]})},e.href))}):null}function ie({state:t,at:n}){return c(`p`,{class:`muted`,style:{margin:0},"data-testid":`live-state`,"data-state":t,children:[c(`span`,{"aria-live":`polite`,class:t===`live`?`live-dot`:void 0,children:d(t===`live`?`overview.live`:t===`reconnecting`?`overview.reconnecting`:`overview.connecting`)}),n&&c(e,{children:[` · `,d(`overview.updatedAt`),` `,c(`time`,{dateTime:n,"data-testid":`updated-at`,children:p(n)})]})]})}function N(){let e=E(v(6e4)),o=_(y,{since:e},{lazy:!0}),j=_(x,{limit:C}),N=ne(S),[P,F]=r(null),[I,L]=r(`connecting`);v(3e4);let R=n(o.reload);R.current=o.reload;let z=n(o.setData);z.current=o.setData;let B=n(0),V=n(()=>{});V.current=()=>{Date.now()-B.current<2e3||(B.current=Date.now(),j.reload())},t(()=>{B.current=Date.now()},[]),t(()=>{let t=s(b,{since:e,everySeconds:T},{next:e=>{z.current(()=>({fleetSummary:e.fleetSummary})),L(`live`),V.current()},resync:()=>{L(`reconnecting`),R.current(),V.current()}}),n=()=>L(`reconnecting`);window.addEventListener(`offline`,n);let r=setInterval(()=>V.current(),w);return()=>{t(),clearInterval(r),window.removeEventListener(`offline`,n)}},[e]);let H=I===`live`&&(i.value!==`connected`||j.error?.code===`NETWORK`||o.error?.code===`NETWORK`)?`reconnecting`:I,U=o.data?.fleetSummary??null,W=D(U,`CHARGING`),G=D(U,`PREPARING`),K=D(U,`SUSPENDED_EV`,`SUSPENDED_EVSE`),q=D(U,`SUSPENDED_EV`),J=D(U,`FINISHING`),ae=U?(W??0)+(G??0)+(K??0)+(J??0):null,Y=e=>`/stations?connectorStatus=${e}`,oe=async e=>{F(null),await N.run({id:e})&&(F(e),B.current=Date.now(),j.reload(),o.reload())},{query:se,route:ce}=l(),X=k.find(e=>e===se.show)??null,Z=j.data?.attention??[],Q=X?Z.filter(e=>e.kind===X):Z,$=e=>Z.filter(t=>t.kind===e).length;return c(h,{title:d(`nav.overview`),actions:c(ie,{state:H,at:U?.at}),children:[c(g,{error:o.error}),!U&&o.loading&&c(`p`,{class:`muted`,children:d(`common.loading`)}),c(`h2`,{id:`ov-stations`,children:d(`overview.stations`)}),c(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-stations`,children:[c(M,{testid:`count-stations`,label:d(`overview.allStations`),value:U?.stations??null,href:`/stations`}),c(M,{testid:`count-online`,label:d(`overview.online`),value:U?.online??null,href:`/stations?connected=true`}),c(M,{testid:`count-offline`,label:d(`overview.offline`),value:U?.offline??null,href:`/stations?connected=false`}),c(M,{testid:`count-pending`,label:d(`overview.pending`),value:U?.pending??null,href:`/stations?registrationStatus=PENDING`}),c(M,{testid:`count-rejected`,label:d(`overview.rejected`),value:U?.rejected??null,href:`/stations?registrationStatus=REJECTED`})]}),c(`h2`,{id:`ov-connectors`,children:d(`overview.connectors`)}),c(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-connectors`,children:[c(M,{testid:`count-available`,label:d(`overview.available`),value:D(U,`AVAILABLE`),href:Y(`AVAILABLE`)}),c(M,{testid:`count-charging`,label:d(`overview.charging`),value:ae,href:Y(`CHARGING`),children:c(re,{parts:[{label:d(`overview.chargingNow`),value:W,href:Y(`CHARGING`)},{label:d(`overview.preparing`),value:G,href:Y(`PREPARING`)},{label:d(`overview.suspended`),value:K,href:Y((q??0)>0?`SUSPENDED_EV`:`SUSPENDED_EVSE`)},{label:d(`overview.finishing`),value:J,href:Y(`FINISHING`)}]})}),c(M,{testid:`count-faulted`,label:d(`overview.faulted`),value:D(U,`FAULTED`),href:Y(`FAULTED`)}),c(M,{testid:`count-unavailable`,label:d(`overview.unavailable`),value:D(U,`UNAVAILABLE`),href:Y(`UNAVAILABLE`)}),c(M,{testid:`count-reserved`,label:d(`overview.reserved`),value:D(U,`RESERVED`),href:Y(`RESERVED`)})]}),c(`h2`,{id:`ov-energy`,children:d(`overview.today`)}),c(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-energy`,children:[c(M,{testid:`energy-today`,label:d(`overview.energyToday`),value:U?U.energyWh:null,text:U?te(U.energyWh):`–`,href:`/usage`}),c(M,{testid:`count-active`,label:d(`overview.activeSessions`),value:U?.activeTransactions??null,href:`/transactions?active=true`})]}),c(`h2`,{id:`ov-attention`,children:[d(`overview.attention`),` `,j.data&&c(`span`,{class:`muted`,children:[`(`,u(Z.length),`)`]})]}),Z.length>0&&c(`div`,{class:`filters`,children:c(f,{label:d(`overview.show`),children:c(`select`,{"aria-label":d(`overview.show`),value:X??``,onChange:e=>{let t=e.currentTarget.value;ce(t?`/?show=${t}`:`/`,!0)},children:[c(`option`,{value:``,children:d(`overview.showAll`,{n:u(Z.length)})}),k.filter(e=>$(e)>0||e===X).map(e=>c(`option`,{value:e,children:[O[e](),` (`,u($(e)),`)`]},e))]})})}),c(g,{error:j.error}),c(g,{error:N.error}),P&&c(`p`,{class:`notice ok`,role:`status`,children:d(`overview.approved`,{id:P})}),!j.data&&j.loading&&c(`p`,{class:`muted`,children:d(`common.loading`)}),j.data&&Z.length===0&&c(`p`,{class:`muted`,children:d(`overview.nothingNeedsAttention`)}),Q.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"data-testid":`attention-table`,"aria-labelledby":`ov-attention`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:d(`overview.col.what`)}),c(`th`,{scope:`col`,children:d(`overview.col.station`)}),c(`th`,{scope:`col`,children:d(`overview.col.detail`)}),c(`th`,{scope:`col`,children:d(`overview.col.since`)}),c(`th`,{scope:`col`,children:c(`span`,{class:`sr-only`,children:d(`overview.col.action`)})})]})}),c(`tbody`,{children:Q.map((e,t)=>c(`tr`,{children:[c(`td`,{children:c(`span`,{class:`badge ${A[e.kind]??``}`,children:O[e.kind]?.()??e.kind})}),c(`td`,{children:[c(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId}),e.connectorId!==null&&e.connectorId!==void 0&&c(`span`,{class:`muted`,children:[` · `,d(`overview.connector`,{n:e.connectorId})]})]}),c(`td`,{children:e.detail??c(`span`,{class:`muted`,children:`–`})}),c(`td`,{children:e.since?c(`time`,{dateTime:e.since,title:p(e.since),children:ee(e.since)}):c(`span`,{class:`muted`,children:`–`})}),c(`td`,{children:e.kind===`STATION_PENDING`&&a.value&&c(m,{label:d(`overview.approve`),question:d(`overview.approveQuestion`,{id:e.stationId}),disabled:N.running,onConfirm:()=>void oe(e.stationId)})})]},`${e.kind}:${e.stationId}:${e.connectorId??``}:${e.since??``}:${t}`))})]})}),Z.length>=C&&c(`p`,{class:`muted`,children:d(`overview.attentionLimited`,{n:u(C)})})]})}export{N as Overview};