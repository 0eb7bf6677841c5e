import{I as e,N as t,O as n,P as r,R as i,S as a,T as o,b as s,d as c,f as ee,h as l,i as u,j as te,l as d,m as f,n as p,o as m,r as h,w as g}from"./console-dnHmEbU-.js";import{n as _,r as v,t as ne}from"./hooks-CAskQRee.js";var y=f(`
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
`),b=f(`
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
`),x=f(`
  query OverviewAttention($limit: Int!) {
    attention(limit: $limit) {
      kind
      stationId
      connectorId
      detail
      since
    }
  }
`),S=f(`
  mutation OverviewApproveStation($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),C=100,w=3e4,T=5;function E(e){let t=new Date(e);return t.setHours(0,0,0,0),t.toISOString()}function D(e,...t){return e?e.connectors.filter(e=>t.includes(e.status)).reduce((e,t)=>e+t.count,0):null}var O={CONNECTOR_FAULTED:()=>n(`overview.kind.connectorFaulted`),STATION_OFFLINE:()=>n(`overview.kind.stationOffline`),STATION_PENDING:()=>n(`overview.kind.stationPending`),HANDSHAKE_REFUSED:()=>n(`overview.kind.handshakeRefused`),SECURITY_EVENT:()=>n(`overview.kind.securityEvent`)},k=[`CONNECTOR_FAULTED`,`STATION_OFFLINE`,`STATION_PENDING`,`HANDSHAKE_REFUSED`,`SECURITY_EVENT`],A={CONNECTOR_FAULTED:`s-faulted`,STATION_OFFLINE:`s-offline`,STATION_PENDING:`s-pending`,HANDSHAKE_REFUSED:`s-rejected`,SECURITY_EVENT:`s-unavailable`},j={display:`block`,color:`inherit`,textDecoration:`none`};function M(e){let t=d(i,{children:[d(`span`,{class:`value`,children:e.text??o(e.value)}),d(`span`,{class:`label`,children:e.label})]});return d(`div`,{class:`stat`,"data-testid":e.testid,"data-value":e.value??void 0,children:[e.href?d(`a`,{href:e.href,style:j,children:t}):t,e.children]})}function re({parts:e}){let t=e.filter(e=>(e.value??0)>0);return t.length?d(`ul`,{class:`muted`,style:{listStyle:`none`,margin:`4px 0 0`,padding:0,fontSize:`0.85em`},children:t.map(e=>d(`li`,{children:d(`a`,{href:e.href,children:[e.label,`: `,o(e.value)]})},e.href))}):null}function ie({state:e,at:t}){return d(`p`,{class:`muted`,style:{margin:0},"data-testid":`live-state`,"data-state":e,children:[d(`span`,{"aria-live":`polite`,class:e===`live`?`live-dot`:void 0,children:n(e===`live`?`overview.live`:e===`reconnecting`?`overview.reconnecting`:`overview.connecting`)}),t&&d(i,{children:[` · `,n(`overview.updatedAt`),` `,d(`time`,{dateTime:t,"data-testid":`updated-at`,children:a(t)})]})]})}function N(){let i=E(v(6e4)),f=_(y,{since:i},{lazy:!0}),j=_(x,{limit:C}),N=ne(S),[P,F]=e(null),[I,L]=e(`connecting`);v(3e4);let R=r(f.reload);R.current=f.reload;let z=r(f.setData);z.current=f.setData;let B=r(0),V=r(()=>{});V.current=()=>{Date.now()-B.current<2e3||(B.current=Date.now(),j.reload())},t(()=>{B.current=Date.now()},[]),t(()=>{let e=c(b,{since:i,everySeconds:T},{next:e=>{z.current(()=>({fleetSummary:e.fleetSummary})),L(`live`),V.current()},resync:()=>{L(`reconnecting`),R.current(),V.current()}}),t=()=>L(`reconnecting`);window.addEventListener(`offline`,t);let n=setInterval(()=>V.current(),w);return()=>{e(),clearInterval(n),window.removeEventListener(`offline`,t)}},[i]);let H=I===`live`&&(ee.value!==`connected`||j.error?.code===`NETWORK`||f.error?.code===`NETWORK`)?`reconnecting`:I,U=f.data?.fleetSummary??null,W=D(U,`CHARGING`),G=D(U,`PREPARING`),K=D(U,`SUSPENDED_EV`,`SUSPENDED_EVSE`),q=D(U,`SUSPENDED_EV`),J=D(U,`FINISHING`),ae=U?(W??0)+(G??0)+(K??0)+(J??0):null,Y=e=>`/stations?connectorStatus=${e}`,oe=async e=>{F(null),await N.run({id:e})&&(F(e),B.current=Date.now(),j.reload(),f.reload())},{query:se,route:ce}=te(),X=k.find(e=>e===se.show)??null,Z=j.data?.attention??[],Q=X?Z.filter(e=>e.kind===X):Z,$=e=>Z.filter(t=>t.kind===e).length;return d(m,{title:n(`nav.overview`),actions:d(ie,{state:H,at:U?.at}),children:[d(h,{error:f.error}),!U&&f.loading&&d(`p`,{class:`muted`,children:n(`common.loading`)}),d(`h2`,{id:`ov-stations`,children:n(`overview.stations`)}),d(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-stations`,children:[d(M,{testid:`count-stations`,label:n(`overview.allStations`),value:U?.stations??null,href:`/stations`}),d(M,{testid:`count-online`,label:n(`overview.online`),value:U?.online??null,href:`/stations?connected=true`}),d(M,{testid:`count-offline`,label:n(`overview.offline`),value:U?.offline??null,href:`/stations?connected=false`}),d(M,{testid:`count-pending`,label:n(`overview.pending`),value:U?.pending??null,href:`/stations?registrationStatus=PENDING`}),d(M,{testid:`count-rejected`,label:n(`overview.rejected`),value:U?.rejected??null,href:`/stations?registrationStatus=REJECTED`})]}),d(`h2`,{id:`ov-connectors`,children:n(`overview.connectors`)}),d(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-connectors`,children:[d(M,{testid:`count-available`,label:n(`overview.available`),value:D(U,`AVAILABLE`),href:Y(`AVAILABLE`)}),d(M,{testid:`count-charging`,label:n(`overview.charging`),value:ae,href:Y(`CHARGING`),children:d(re,{parts:[{label:n(`overview.chargingNow`),value:W,href:Y(`CHARGING`)},{label:n(`overview.preparing`),value:G,href:Y(`PREPARING`)},{label:n(`overview.suspended`),value:K,href:Y((q??0)>0?`SUSPENDED_EV`:`SUSPENDED_EVSE`)},{label:n(`overview.finishing`),value:J,href:Y(`FINISHING`)}]})}),d(M,{testid:`count-faulted`,label:n(`overview.faulted`),value:D(U,`FAULTED`),href:Y(`FAULTED`)}),d(M,{testid:`count-unavailable`,label:n(`overview.unavailable`),value:D(U,`UNAVAILABLE`),href:Y(`UNAVAILABLE`)}),d(M,{testid:`count-reserved`,label:n(`overview.reserved`),value:D(U,`RESERVED`),href:Y(`RESERVED`)})]}),d(`h2`,{id:`ov-energy`,children:n(`overview.today`)}),d(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-energy`,children:[d(M,{testid:`energy-today`,label:n(`overview.energyToday`),value:U?U.energyWh:null,text:U?g(U.energyWh):`–`,href:`/usage`}),d(M,{testid:`count-active`,label:n(`overview.activeSessions`),value:U?.activeTransactions??null,href:`/transactions?active=true`})]}),d(`h2`,{id:`ov-attention`,children:[n(`overview.attention`),` `,j.data&&d(`span`,{class:`muted`,children:[`(`,o(Z.length),`)`]})]}),Z.length>0&&d(`div`,{class:`filters`,children:d(u,{label:n(`overview.show`),children:d(`select`,{"aria-label":n(`overview.show`),value:X??``,onChange:e=>{let t=e.currentTarget.value;ce(t?`/?show=${t}`:`/`,!0)},children:[d(`option`,{value:``,children:n(`overview.showAll`,{n:o(Z.length)})}),k.filter(e=>$(e)>0||e===X).map(e=>d(`option`,{value:e,children:[O[e](),` (`,o($(e)),`)`]},e))]})})}),d(h,{error:j.error}),d(h,{error:N.error}),P&&d(`p`,{class:`notice ok`,role:`status`,children:n(`overview.approved`,{id:P})}),!j.data&&j.loading&&d(`p`,{class:`muted`,children:n(`common.loading`)}),j.data&&Z.length===0&&d(`p`,{class:`muted`,children:n(`overview.nothingNeedsAttention`)}),Q.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{"data-testid":`attention-table`,"aria-labelledby":`ov-attention`,children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`overview.col.what`)}),d(`th`,{scope:`col`,children:n(`overview.col.station`)}),d(`th`,{scope:`col`,children:n(`overview.col.detail`)}),d(`th`,{scope:`col`,children:n(`overview.col.since`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:n(`overview.col.action`)})})]})}),d(`tbody`,{children:Q.map((e,t)=>d(`tr`,{children:[d(`td`,{children:d(`span`,{class:`badge ${A[e.kind]??``}`,children:O[e.kind]?.()??e.kind})}),d(`td`,{children:[d(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId}),e.connectorId!==null&&e.connectorId!==void 0&&d(`span`,{class:`muted`,children:[` · `,n(`overview.connector`,{n:e.connectorId})]})]}),d(`td`,{children:e.detail??d(`span`,{class:`muted`,children:`–`})}),d(`td`,{children:e.since?d(`time`,{dateTime:e.since,title:a(e.since),children:s(e.since)}):d(`span`,{class:`muted`,children:`–`})}),d(`td`,{children:e.kind===`STATION_PENDING`&&l.value&&d(p,{label:n(`overview.approve`),question:n(`overview.approveQuestion`,{id:e.stationId}),disabled:N.running,onConfirm:()=>void oe(e.stationId)})})]},`${e.kind}:${e.stationId}:${e.connectorId??``}:${e.since??``}:${t}`))})]})}),Z.length>=C&&d(`p`,{class:`muted`,children:n(`overview.attentionLimited`,{n:o(C)})})]})}export{N as Overview};