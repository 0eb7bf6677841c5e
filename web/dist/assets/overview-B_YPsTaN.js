import{C as e,E as t,F as n,L as r,M as ee,P as i,T as a,f as te,h as o,i as s,k as c,l,n as ne,o as u,p as d,r as f,x as p,y as m,z as h}from"./console-NpAu_WoJ.js";import{n as g,r as _,t as re}from"./hooks-X1fviBlp.js";var v=m(`
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
`),y=m(`
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
`),b=m(`
  query OverviewAttention($limit: Int!) {
    attention(limit: $limit) {
      kind
      stationId
      connectorId
      detail
      since
    }
  }
`),x=m(`
  mutation OverviewApproveStation($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),S=100,C=3e4,w=5;function T(e){let t=new Date(e);return t.setHours(0,0,0,0),t.toISOString()}function E(e,...t){return e?e.connectors.filter(e=>t.includes(e.status)).reduce((e,t)=>e+t.count,0):null}var D={CONNECTOR_FAULTED:()=>c(`overview.kind.connectorFaulted`),STATION_OFFLINE:()=>c(`overview.kind.stationOffline`),STATION_PENDING:()=>c(`overview.kind.stationPending`),HANDSHAKE_REFUSED:()=>c(`overview.kind.handshakeRefused`),SECURITY_EVENT:()=>c(`overview.kind.securityEvent`)},O=[`CONNECTOR_FAULTED`,`STATION_OFFLINE`,`STATION_PENDING`,`HANDSHAKE_REFUSED`,`SECURITY_EVENT`],k={CONNECTOR_FAULTED:`s-faulted`,STATION_OFFLINE:`s-offline`,STATION_PENDING:`s-pending`,HANDSHAKE_REFUSED:`s-rejected`,SECURITY_EVENT:`s-unavailable`},A={display:`block`,color:`inherit`,textDecoration:`none`};function j(e){let n=l(h,{children:[l(`span`,{class:`value`,children:e.text??t(e.value)}),l(`span`,{class:`label`,children:e.label})]});return l(`div`,{class:`stat`,"data-testid":e.testid,"data-value":e.value??void 0,children:[e.href?l(`a`,{href:e.href,style:A,children:n}):n,e.children]})}function ie({parts:e}){let n=e.filter(e=>(e.value??0)>0);return n.length?l(`ul`,{class:`muted`,style:{listStyle:`none`,margin:`4px 0 0`,padding:0,fontSize:`0.85em`},children:n.map(e=>l(`li`,{children:l(`a`,{href:e.href,children:[e.label,`: `,t(e.value)]})},e.href))}):null}function ae({state:t,at:n}){return l(`p`,{class:`muted`,style:{margin:0},"data-testid":`live-state`,"data-state":t,children:[l(`span`,{"aria-live":`polite`,class:t===`live`?`live-dot`:void 0,children:c(t===`live`?`overview.live`:t===`reconnecting`?`overview.reconnecting`:`overview.connecting`)}),n&&l(h,{children:[` · `,c(`overview.updatedAt`),` `,l(`time`,{dateTime:n,"data-testid":`updated-at`,children:e(n)})]})]})}function M(){let m=T(_(6e4)),h=g(v,{since:m},{lazy:!0}),A=g(b,{limit:S}),M=re(x),[N,P]=r(null),[F,I]=r(`connecting`);_(3e4);let L=n(h.reload);L.current=h.reload;let R=n(h.setData);R.current=h.setData;let z=n(0),B=n(()=>{});B.current=()=>{Date.now()-z.current<2e3||(z.current=Date.now(),A.reload())},i(()=>{z.current=Date.now()},[]),i(()=>{let e=te(y,{since:m,everySeconds:w},{next:e=>{R.current(()=>({fleetSummary:e.fleetSummary})),I(`live`),B.current()},resync:()=>{I(`reconnecting`),L.current(),B.current()}}),t=()=>I(`reconnecting`);window.addEventListener(`offline`,t);let n=setInterval(()=>B.current(),C);return()=>{e(),clearInterval(n),window.removeEventListener(`offline`,t)}},[m]);let V=F===`live`&&(d.value!==`connected`||A.error?.code===`NETWORK`||h.error?.code===`NETWORK`)?`reconnecting`:F,H=h.data?.fleetSummary??null,U=E(H,`CHARGING`),W=E(H,`PREPARING`),G=E(H,`SUSPENDED_EV`,`SUSPENDED_EVSE`),K=E(H,`SUSPENDED_EV`),q=E(H,`FINISHING`),oe=H?(U??0)+(W??0)+(G??0)+(q??0):null,J=e=>`/stations?connectorStatus=${e}`,Y=async e=>{P(null),await M.run({id:e})&&(P(e),z.current=Date.now(),A.reload(),h.reload())},{query:se,route:ce}=ee(),X=O.find(e=>e===se.show)??null,Z=A.data?.attention??[],Q=X?Z.filter(e=>e.kind===X):Z,$=e=>Z.filter(t=>t.kind===e).length;return l(u,{title:c(`nav.overview`),actions:l(ae,{state:V,at:H?.at}),children:[l(f,{error:h.error}),!H&&h.loading&&l(`p`,{class:`muted`,children:c(`common.loading`)}),l(`h2`,{id:`ov-stations`,children:c(`overview.stations`)}),l(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-stations`,children:[l(j,{testid:`count-stations`,label:c(`overview.allStations`),value:H?.stations??null,href:`/stations`}),l(j,{testid:`count-online`,label:c(`overview.online`),value:H?.online??null,href:`/stations?connected=true`}),l(j,{testid:`count-offline`,label:c(`overview.offline`),value:H?.offline??null,href:`/stations?connected=false`}),l(j,{testid:`count-pending`,label:c(`overview.pending`),value:H?.pending??null,href:`/stations?registrationStatus=PENDING`}),l(j,{testid:`count-rejected`,label:c(`overview.rejected`),value:H?.rejected??null,href:`/stations?registrationStatus=REJECTED`})]}),l(`h2`,{id:`ov-connectors`,children:c(`overview.connectors`)}),l(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-connectors`,children:[l(j,{testid:`count-available`,label:c(`overview.available`),value:E(H,`AVAILABLE`),href:J(`AVAILABLE`)}),l(j,{testid:`count-charging`,label:c(`overview.charging`),value:oe,href:J(`CHARGING`),children:l(ie,{parts:[{label:c(`overview.chargingNow`),value:U,href:J(`CHARGING`)},{label:c(`overview.preparing`),value:W,href:J(`PREPARING`)},{label:c(`overview.suspended`),value:G,href:J((K??0)>0?`SUSPENDED_EV`:`SUSPENDED_EVSE`)},{label:c(`overview.finishing`),value:q,href:J(`FINISHING`)}]})}),l(j,{testid:`count-faulted`,label:c(`overview.faulted`),value:E(H,`FAULTED`),href:J(`FAULTED`)}),l(j,{testid:`count-unavailable`,label:c(`overview.unavailable`),value:E(H,`UNAVAILABLE`),href:J(`UNAVAILABLE`)}),l(j,{testid:`count-reserved`,label:c(`overview.reserved`),value:E(H,`RESERVED`),href:J(`RESERVED`)})]}),l(`h2`,{id:`ov-energy`,children:c(`overview.today`)}),l(`div`,{class:`cards`,role:`group`,"aria-labelledby":`ov-energy`,children:[l(j,{testid:`energy-today`,label:c(`overview.energyToday`),value:H?H.energyWh:null,text:H?a(H.energyWh):`–`,href:`/usage`}),l(j,{testid:`count-active`,label:c(`overview.activeSessions`),value:H?.activeTransactions??null,href:`/transactions?active=true`})]}),l(`h2`,{id:`ov-attention`,children:[c(`overview.attention`),` `,A.data&&l(`span`,{class:`muted`,children:[`(`,t(Z.length),`)`]})]}),Z.length>0&&l(`div`,{class:`filters`,children:l(s,{label:c(`overview.show`),children:l(`select`,{"aria-label":c(`overview.show`),value:X??``,onChange:e=>{let t=e.currentTarget.value;ce(t?`/?show=${t}`:`/`,!0)},children:[l(`option`,{value:``,children:c(`overview.showAll`,{n:t(Z.length)})}),O.filter(e=>$(e)>0||e===X).map(e=>l(`option`,{value:e,children:[D[e](),` (`,t($(e)),`)`]},e))]})})}),l(f,{error:A.error}),l(f,{error:M.error}),N&&l(`p`,{class:`notice ok`,role:`status`,children:c(`overview.approved`,{id:N})}),!A.data&&A.loading&&l(`p`,{class:`muted`,children:c(`common.loading`)}),A.data&&Z.length===0&&l(`p`,{class:`muted`,children:c(`overview.nothingNeedsAttention`)}),Q.length>0&&l(`div`,{class:`table-wrap`,children:l(`table`,{"data-testid":`attention-table`,"aria-labelledby":`ov-attention`,children:[l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:c(`overview.col.what`)}),l(`th`,{scope:`col`,children:c(`overview.col.station`)}),l(`th`,{scope:`col`,children:c(`overview.col.detail`)}),l(`th`,{scope:`col`,children:c(`overview.col.since`)}),l(`th`,{scope:`col`,children:l(`span`,{class:`sr-only`,children:c(`overview.col.action`)})})]})}),l(`tbody`,{children:Q.map((t,n)=>l(`tr`,{children:[l(`td`,{children:l(`span`,{class:`badge ${k[t.kind]??``}`,children:D[t.kind]?.()??t.kind})}),l(`td`,{children:[l(`a`,{href:`/stations/${encodeURIComponent(t.stationId)}`,children:t.stationId}),t.connectorId!==null&&t.connectorId!==void 0&&l(`span`,{class:`muted`,children:[` · `,c(`overview.connector`,{n:t.connectorId})]})]}),l(`td`,{children:t.detail??l(`span`,{class:`muted`,children:`–`})}),l(`td`,{children:t.since?l(`time`,{dateTime:t.since,title:e(t.since),children:p(t.since)}):l(`span`,{class:`muted`,children:`–`})}),l(`td`,{children:t.kind===`STATION_PENDING`&&o.value&&l(ne,{label:c(`overview.approve`),question:c(`overview.approveQuestion`,{id:t.stationId}),disabled:M.running,onConfirm:()=>void Y(t.stationId)})})]},`${t.kind}:${t.stationId}:${t.connectorId??``}:${t.since??``}:${n}`))})]})}),Z.length>=S&&l(`p`,{class:`muted`,children:c(`overview.attentionLimited`,{n:t(S)})})]})}export{M as Overview};