import{A as e,C as t,D as n,F as r,L as i,M as a,N as o,d as s,f as c,h as l,i as u,l as d,m as f,n as ee,o as p,r as m,w as h,x as g,y as _}from"./console-CwjbJvEJ.js";import{n as v,r as y,t as te}from"./hooks-CJwiRb8j.js";var b=f(`
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
`),x=f(`
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
`),S=f(`
  query OverviewAttention($limit: Int!) {
    attention(limit: $limit) {
      kind
      stationId
      connectorId
      detail
      since
    }
  }
`),C=f(`
  mutation OverviewApproveStation($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),w=100,T=3e4,ne=5;function re(e){let t=new Date(e);return t.setHours(0,0,0,0),t.toISOString()}function E(e,...t){return e?e.connectors.filter(e=>t.includes(e.status)).reduce((e,t)=>e+t.count,0):null}var D={CONNECTOR_FAULTED:()=>n(`overview.kind.connectorFaulted`),STATION_OFFLINE:()=>n(`overview.kind.stationOffline`),STATION_PENDING:()=>n(`overview.kind.stationPending`),HANDSHAKE_REFUSED:()=>n(`overview.kind.handshakeRefused`),SECURITY_EVENT:()=>n(`overview.kind.securityEvent`)},O=[`CONNECTOR_FAULTED`,`STATION_OFFLINE`,`STATION_PENDING`,`HANDSHAKE_REFUSED`,`SECURITY_EVENT`],k={CONNECTOR_FAULTED:`s-faulted`,STATION_OFFLINE:`s-offline`,STATION_PENDING:`s-pending`,HANDSHAKE_REFUSED:`s-rejected`,SECURITY_EVENT:`s-unavailable`},A={display:`block`,color:`inherit`,textDecoration:`none`};function j(e){let t=d(i,{children:[d(`span`,{class:`value`,children:e.text??h(e.value)}),d(`span`,{class:`label`,children:e.label})]});return d(`div`,{class:`stat`,"data-testid":e.testid,"data-value":e.value??void 0,children:[e.href?d(`a`,{href:e.href,style:A,children:t}):t,e.children]})}function M({parts:e}){let t=e.filter(e=>(e.value??0)>0);return t.length?d(`ul`,{class:`muted`,style:{listStyle:`none`,margin:`4px 0 0`,padding:0,fontSize:`0.85em`},children:t.map(e=>d(`li`,{children:d(`a`,{href:e.href,children:[e.label,`: `,h(e.value)]})},e.href))}):null}function ie({state:e,at:t}){return d(`p`,{class:`muted`,style:{margin:0},"data-testid":`live-state`,"data-state":e,children:[d(`span`,{"aria-live":`polite`,class:e===`live`?`live-dot`:void 0,children:n(e===`live`?`overview.live`:e===`reconnecting`?`overview.reconnecting`:`overview.connecting`)}),t&&d(i,{children:[` · `,n(`overview.updatedAt`),` `,d(`time`,{dateTime:t,"data-testid":`updated-at`,children:g(t)})]})]})}function N(){let i=re(y(6e4)),f=v(b,{since:i}),A=v(S,{limit:w}),N=te(C),[P,F]=r(null),[I,L]=r(`connecting`);y(3e4);let R=o(f.reload);R.current=f.reload;let z=o(f.setData);z.current=f.setData;let B=o(0),V=o(()=>{});V.current=()=>{Date.now()-B.current<2e3||(B.current=Date.now(),A.reload())},a(()=>{B.current=Date.now()},[]),a(()=>{let e=s(x,{since:i,everySeconds:ne},{next:e=>{z.current(()=>({fleetSummary:e.fleetSummary})),L(`live`),V.current()},resync:()=>{L(`reconnecting`),R.current(),V.current()}}),t=()=>L(`reconnecting`);window.addEventListener(`offline`,t);let n=setInterval(()=>V.current(),T);return()=>{e(),clearInterval(n),window.removeEventListener(`offline`,t)}},[i]);let H=I===`live`&&(c.value!==`connected`||A.error?.code===`NETWORK`||f.error?.code===`NETWORK`)?`reconnecting`:I,U=f.data?.fleetSummary??null,W=E(U,`CHARGING`),G=E(U,`PREPARING`),K=E(U,`SUSPENDED_EV`,`SUSPENDED_EVSE`),q=E(U,`SUSPENDED_EV`),J=E(U,`FINISHING`),ae=U?(W??0)+(G??0)+(K??0)+(J??0):null,Y=e=>`/stations?connectorStatus=${e}`,oe=async e=>{F(null),await N.run({id:e})&&(F(e),B.current=Date.now(),A.reload(),f.reload())},{query:se,route:ce}=e(),X=O.find(e=>e===se.show)??null,Z=A.data?.attention??[],Q=X?Z.filter(e=>e.kind===X):Z,$=e=>Z.filter(t=>t.kind===e).length;return d(p,{title:n(`nav.overview`),actions:d(ie,{state:H,at:U?.at}),children:[d(m,{error:f.error}),!U&&f.loading&&d(`p`,{class:`muted`,children:n(`common.loading`)}),d(`h2`,{id:`ov-stations`,children:n(`overview.stations`)}),d(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-stations`,children:[d(j,{testid:`count-stations`,label:n(`overview.allStations`),value:U?.stations??null,href:`/stations`}),d(j,{testid:`count-online`,label:n(`overview.online`),value:U?.online??null,href:`/stations?connected=true`}),d(j,{testid:`count-offline`,label:n(`overview.offline`),value:U?.offline??null,href:`/stations?connected=false`}),d(j,{testid:`count-pending`,label:n(`overview.pending`),value:U?.pending??null,href:`/stations?registrationStatus=PENDING`}),d(j,{testid:`count-rejected`,label:n(`overview.rejected`),value:U?.rejected??null,href:`/stations?registrationStatus=REJECTED`})]}),d(`h2`,{id:`ov-connectors`,children:n(`overview.connectors`)}),d(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-connectors`,children:[d(j,{testid:`count-available`,label:n(`overview.available`),value:E(U,`AVAILABLE`),href:Y(`AVAILABLE`)}),d(j,{testid:`count-charging`,label:n(`overview.charging`),value:ae,href:Y(`CHARGING`),children:d(M,{parts:[{label:n(`overview.chargingNow`),value:W,href:Y(`CHARGING`)},{label:n(`overview.preparing`),value:G,href:Y(`PREPARING`)},{label:n(`overview.suspended`),value:K,href:Y((q??0)>0?`SUSPENDED_EV`:`SUSPENDED_EVSE`)},{label:n(`overview.finishing`),value:J,href:Y(`FINISHING`)}]})}),d(j,{testid:`count-faulted`,label:n(`overview.faulted`),value:E(U,`FAULTED`),href:Y(`FAULTED`)}),d(j,{testid:`count-unavailable`,label:n(`overview.unavailable`),value:E(U,`UNAVAILABLE`),href:Y(`UNAVAILABLE`)}),d(j,{testid:`count-reserved`,label:n(`overview.reserved`),value:E(U,`RESERVED`),href:Y(`RESERVED`)})]}),d(`h2`,{id:`ov-energy`,children:n(`overview.today`)}),d(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-energy`,children:[d(j,{testid:`energy-today`,label:n(`overview.energyToday`),value:U?U.energyWh:null,text:U?t(U.energyWh):`–`,href:`/usage`}),d(j,{testid:`count-active`,label:n(`overview.activeSessions`),value:U?.activeTransactions??null,href:`/transactions?active=true`})]}),d(`h2`,{id:`ov-attention`,children:[n(`overview.attention`),` `,A.data&&d(`span`,{class:`muted`,children:[`(`,h(Z.length),`)`]})]}),Z.length>0&&d(`div`,{class:`filters`,children:d(u,{label:n(`overview.show`),children:d(`select`,{"aria-label":n(`overview.show`),value:X??``,onChange:e=>{let t=e.currentTarget.value;ce(t?`/?show=${t}`:`/`,!0)},children:[d(`option`,{value:``,children:n(`overview.showAll`,{n:h(Z.length)})}),O.filter(e=>$(e)>0||e===X).map(e=>d(`option`,{value:e,children:[D[e](),` (`,h($(e)),`)`]},e))]})})}),d(m,{error:A.error}),d(m,{error:N.error}),P&&d(`p`,{class:`notice ok`,role:`status`,children:n(`overview.approved`,{id:P})}),!A.data&&A.loading&&d(`p`,{class:`muted`,children:n(`common.loading`)}),A.data&&Z.length===0&&d(`p`,{class:`muted`,children:n(`overview.nothingNeedsAttention`)}),Q.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{"data-testid":`attention-table`,"aria-labelledby":`ov-attention`,children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`overview.col.what`)}),d(`th`,{scope:`col`,children:n(`overview.col.station`)}),d(`th`,{scope:`col`,children:n(`overview.col.detail`)}),d(`th`,{scope:`col`,children:n(`overview.col.since`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:n(`overview.col.action`)})})]})}),d(`tbody`,{children:Q.map((e,t)=>d(`tr`,{children:[d(`td`,{children:d(`span`,{class:`badge ${k[e.kind]??``}`,children:D[e.kind]?.()??e.kind})}),d(`td`,{children:[d(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId}),e.connectorId!==null&&e.connectorId!==void 0&&d(`span`,{class:`muted`,children:[` · `,n(`overview.connector`,{n:e.connectorId})]})]}),d(`td`,{children:e.detail??d(`span`,{class:`muted`,children:`–`})}),d(`td`,{children:e.since?d(`time`,{dateTime:e.since,title:g(e.since),children:_(e.since)}):d(`span`,{class:`muted`,children:`–`})}),d(`td`,{children:e.kind===`STATION_PENDING`&&l.value&&d(ee,{label:n(`overview.approve`),question:n(`overview.approveQuestion`,{id:e.stationId}),disabled:N.running,onConfirm:()=>void oe(e.stationId)})})]},`${e.kind}:${e.stationId}:${e.connectorId??``}:${e.since??``}:${t}`))})]})}),Z.length>=w&&d(`p`,{class:`muted`,children:n(`overview.attentionLimited`,{n:h(w)})})]})}export{N as Overview};