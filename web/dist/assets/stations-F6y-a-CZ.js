import{A as e,C as t,E as n,O as r,p as i,r as a,t as o,x as s}from"./jsxRuntime-DPkzGEFM.js";import{_ as c,b as l,c as u,f as d,i as f,l as p,m,o as h,r as g,s as _}from"./console-YlmL2Q8V.js";import{n as v,r as y}from"./hooks-B890TPRV.js";var b=i(`
  query StationsPage(
    $first: Int
    $last: Int
    $after: String
    $before: String
    $search: String
    $connected: Boolean
    $registrationStatus: RegistrationStatus
    $connectorStatus: ChargePointStatus
    $site: String
    $orderBy: StationOrder!
    $descending: Boolean!
  ) {
    stations(
      first: $first
      last: $last
      after: $after
      before: $before
      search: $search
      connected: $connected
      registrationStatus: $registrationStatus
      connectorStatus: $connectorStatus
      site: $site
      orderBy: $orderBy
      descending: $descending
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
        displayName
        site
        connected
        registrationStatus
        vendor
        model
        firmwareVersion
        ocppVersion
        lastSeenAt
        connectors {
          connectorId
          status
          errorCode
        }
      }
    }
  }
`),x=i(`
  query StationsSites {
    sites {
      name
      stations
    }
  }
`),S=i(`
  subscription StationsFleetChanged {
    fleetSummary(everySeconds: 10) {
      at
      online
      offline
      pending
      rejected
      activeTransactions
      connectors {
        status
        count
      }
    }
  }
`),C=50,w=15e3,T=[`AVAILABLE`,`PREPARING`,`CHARGING`,`SUSPENDED_EV`,`SUSPENDED_EVSE`,`FINISHING`,`RESERVED`,`UNAVAILABLE`,`FAULTED`],E=[`ACCEPTED`,`PENDING`,`REJECTED`],D=[`ID`,`DISPLAY_NAME`,`SITE`,`LAST_SEEN`];function O(e){switch(e){case`AVAILABLE`:return l(`stations.cs.available`);case`PREPARING`:return l(`stations.cs.preparing`);case`CHARGING`:return l(`stations.cs.charging`);case`SUSPENDED_EV`:return l(`stations.cs.suspendedEv`);case`SUSPENDED_EVSE`:return l(`stations.cs.suspendedEvse`);case`FINISHING`:return l(`stations.cs.finishing`);case`RESERVED`:return l(`stations.cs.reserved`);case`UNAVAILABLE`:return l(`stations.cs.unavailable`);case`FAULTED`:return l(`stations.cs.faulted`);default:return l(`stations.cs.unknown`)}}function k(e){switch(e){case`ACCEPTED`:return l(`stations.reg.accepted`);case`PENDING`:return l(`stations.reg.pending`);case`REJECTED`:return l(`stations.reg.rejected`);default:return l(`stations.reg.unknown`)}}function A(e){switch(e){case`ID`:return l(`stations.order.id`);case`DISPLAY_NAME`:return l(`stations.order.displayName`);case`SITE`:return l(`stations.order.site`);case`LAST_SEEN`:return l(`stations.order.lastSeen`)}}var j=e=>`badge s-${(e??``).toLowerCase().replaceAll(`_`,``)}`;function M(e,t){return e&&t.includes(e)?e:``}function N(e){return{search:e.search??``,connected:M(e.connected,[`true`,`false`]),registrationStatus:M(e.registrationStatus,E),connectorStatus:M(e.connectorStatus,T),site:e.site??``,orderBy:M(e.orderBy,D)||`ID`,descending:e.descending===`true`,after:e.after??``,before:e.before??``}}function P(e){let t=new URLSearchParams;e.search&&t.set(`search`,e.search),e.connected&&t.set(`connected`,e.connected),e.registrationStatus&&t.set(`registrationStatus`,e.registrationStatus),e.connectorStatus&&t.set(`connectorStatus`,e.connectorStatus),e.site&&t.set(`site`,e.site),e.orderBy!==`ID`&&t.set(`orderBy`,e.orderBy),e.descending&&t.set(`descending`,`true`),e.after?t.set(`after`,e.after):e.before&&t.set(`before`,e.before);let n=t.toString();return n?`/stations?${n}`:`/stations`}function F(e){return{first:e.before?void 0:C,last:e.before?C:void 0,after:e.after||void 0,before:!e.after&&e.before||void 0,search:e.search.trim()||void 0,connected:e.connected?e.connected===`true`:void 0,registrationStatus:e.registrationStatus||void 0,connectorStatus:e.connectorStatus||void 0,site:e.site||void 0,orderBy:e.orderBy,descending:e.descending}}function I({row:e}){let t=e.connectors.filter(e=>e.connectorId>0).sort((e,t)=>e.connectorId-t.connectorId);return t.length?o(`ul`,{style:{listStyle:`none`,margin:0,padding:0,display:`flex`,flexWrap:`wrap`,gap:`4px`},children:t.map(e=>{let t=O(e.status),n=e.errorCode&&e.errorCode!==`NO_ERROR`?` (${e.errorCode})`:``;return o(`li`,{children:o(`span`,{class:j(e.status),title:`${l(`stations.connector`,{n:e.connectorId})}: ${t}${n}`,children:[o(`span`,{class:`sr-only`,children:[l(`stations.connector`,{n:e.connectorId}),`: `]}),o(`span`,{"aria-hidden":`true`,children:[e.connectorId,` `]}),t,n&&o(`span`,{class:`sr-only`,children:n})]})},e.connectorId)})}):o(`span`,{class:`muted`,children:`–`})}function L({row:t}){let n=[t.vendor,t.model].filter(Boolean).join(` · `);return o(`tr`,{"data-station":t.id,children:[o(`th`,{scope:`row`,style:{fontWeight:`normal`,color:`inherit`,whiteSpace:`normal`},children:[o(`a`,{href:`/stations/${encodeURIComponent(t.id)}`,children:t.displayName?o(`strong`,{children:t.displayName}):o(`strong`,{style:{whiteSpace:`nowrap`},children:t.id})}),t.displayName&&o(e,{children:[o(`br`,{}),o(`span`,{class:`muted`,style:{whiteSpace:`nowrap`},children:t.id})]})]}),o(`td`,{children:t.site||o(`span`,{class:`muted`,children:`–`})}),o(`td`,{children:o(`span`,{class:`badge ${t.connected?`s-online`:`s-offline`}`,children:t.connected?l(`stations.online`):l(`stations.offline`)})}),o(`td`,{children:o(`span`,{class:j(t.registrationStatus),children:k(t.registrationStatus)})}),o(`td`,{children:o(I,{row:t})}),o(`td`,{children:n||o(`span`,{class:`muted`,children:`–`})}),o(`td`,{children:t.firmwareVersion||o(`span`,{class:`muted`,children:`–`})}),o(`td`,{style:{whiteSpace:`nowrap`},children:u(t.ocppVersion)}),o(`td`,{style:{whiteSpace:`nowrap`},children:t.lastSeenAt?o(`time`,{dateTime:t.lastSeenAt,title:m(t.lastSeenAt),children:d(t.lastSeenAt)}):o(`span`,{class:`muted`,children:l(`stations.never`)})})]})}function R(){let{query:e,route:i}=s(),u=N(e),d=(e,t=!1)=>{let n={...u,...e};!(`after`in e)&&!(`before`in e)&&(n.after=``,n.before=``);let r=P(n);r!==P(u)&&i(r,t)},[m,C]=r(u.search),j=p(m,300),M=n(u.search);t(()=>{j!==u.search&&(M.current=j,d({search:j},!!u.search))},[j]),t(()=>{u.search!==M.current&&(M.current=u.search,C(u.search))},[u.search]),t(()=>{let e=document.getElementById(`main`);if(e)return e.style.maxWidth=`none`,()=>{e.style.maxWidth=``}},[]);let I=F(u),R=v(b,I),z=v(x,{});y(3e4);let B=n(0),V=n(R.reload);V.current=R.reload;let H=JSON.stringify(I);t(()=>{B.current=Date.now()},[H]),t(()=>{let e=()=>{document.visibilityState===`visible`&&(Date.now()-B.current<3e3||(B.current=Date.now(),V.current()))},t=setInterval(e,w),n=a(S,{},{next:e,resync:e});return()=>{clearInterval(t),n()}},[]);let U=R.data?.stations,W=U?.nodes??[],G=z.data?.sites??[],K=!!u.search||!!u.connected||!!u.registrationStatus||!!u.connectorStatus||!!u.site,q=e=>e.currentTarget.value,J=e=>u.orderBy===e?u.descending?`descending`:`ascending`:void 0;return o(h,{title:l(`nav.stations`),children:[o(`form`,{class:`filters`,role:`search`,"aria-label":l(`stations.filters`),onSubmit:e=>{e.preventDefault(),M.current=m,d({search:m},!0)},children:[o(f,{label:l(`stations.search`),children:o(`input`,{"aria-label":l(`stations.search`),type:`search`,name:`search`,style:{minWidth:`15rem`},value:m,placeholder:l(`stations.searchHint`),onInput:e=>C(e.currentTarget.value)})}),o(f,{label:l(`stations.connection`),children:o(`select`,{"aria-label":l(`stations.connection`),name:`connected`,value:u.connected,onChange:e=>d({connected:q(e)}),children:[o(`option`,{value:``,children:l(`common.all`)}),o(`option`,{value:`true`,children:l(`stations.online`)}),o(`option`,{value:`false`,children:l(`stations.offline`)})]})}),o(f,{label:l(`stations.registration`),children:o(`select`,{"aria-label":l(`stations.registration`),name:`registrationStatus`,value:u.registrationStatus,onChange:e=>d({registrationStatus:q(e)}),children:[o(`option`,{value:``,children:l(`common.all`)}),E.map(e=>o(`option`,{value:e,children:k(e)},e))]})}),o(f,{label:l(`stations.connectorStatus`),children:o(`select`,{"aria-label":l(`stations.connectorStatus`),name:`connectorStatus`,value:u.connectorStatus,onChange:e=>d({connectorStatus:q(e)}),children:[o(`option`,{value:``,children:l(`common.all`)}),T.map(e=>o(`option`,{value:e,children:O(e)},e))]})}),o(f,{label:l(`stations.site`),children:o(`select`,{"aria-label":l(`stations.site`),name:`site`,value:u.site,onChange:e=>d({site:q(e)}),children:[o(`option`,{value:``,children:l(`common.all`)}),u.site&&!G.some(e=>e.name===u.site)&&o(`option`,{value:u.site,children:u.site}),G.map(e=>o(`option`,{value:e.name,children:l(`stations.siteOption`,{name:e.name,n:c(e.stations)})},e.name))]})}),o(f,{label:l(`stations.sortBy`),children:o(`select`,{"aria-label":l(`stations.sortBy`),name:`orderBy`,value:u.orderBy,onChange:e=>d({orderBy:q(e)}),children:D.map(e=>o(`option`,{value:e,children:A(e)},e))})}),o(f,{label:l(`stations.direction`),children:o(`select`,{"aria-label":l(`stations.direction`),name:`descending`,value:u.descending?`true`:`false`,onChange:e=>d({descending:q(e)===`true`}),children:[o(`option`,{value:`false`,children:l(`stations.ascending`)}),o(`option`,{value:`true`,children:l(`stations.descending`)})]})}),K&&o(`button`,{type:`button`,onClick:()=>{M.current=``,C(``),d({search:``,connected:``,registrationStatus:``,connectorStatus:``,site:``})},children:l(`stations.clearFilters`)})]}),G.length>0&&o(`details`,{style:{marginBottom:`12px`},children:[o(`summary`,{children:l(`stations.sites`,{n:c(G.length)})}),o(`ul`,{"aria-label":l(`stations.sitesList`),style:{listStyle:`none`,padding:0,margin:`8px 0 0`,display:`flex`,flexWrap:`wrap`,gap:`6px 16px`},children:G.map(e=>o(`li`,{children:[o(`a`,{href:P({...N({}),site:e.name}),"aria-current":u.site===e.name?`true`:void 0,children:e.name}),` `,o(`span`,{class:`muted`,children:[`(`,c(e.stations),`)`]})]},e.name))})]}),o(g,{error:R.error}),o(`p`,{class:`muted`,role:`status`,"data-testid":`stations-count`,"data-value":U?.totalCount,children:U?l(K?`stations.countFiltered`:`stations.count`,{n:c(U.totalCount)}):R.loading?l(`common.loading`):``}),U&&W.length===0&&o(`p`,{children:l(K?`stations.noMatch`:`stations.none`)}),W.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{"data-testid":`stations-table`,"aria-busy":R.loading?`true`:`false`,children:[o(`caption`,{class:`sr-only`,children:l(`nav.stations`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,"aria-sort":J(`ID`)??J(`DISPLAY_NAME`),children:l(`stations.col.station`)}),o(`th`,{scope:`col`,"aria-sort":J(`SITE`),children:l(`stations.col.site`)}),o(`th`,{scope:`col`,children:l(`stations.col.connection`)}),o(`th`,{scope:`col`,children:l(`stations.col.registration`)}),o(`th`,{scope:`col`,children:l(`stations.col.connectors`)}),o(`th`,{scope:`col`,children:l(`stations.col.vendorModel`)}),o(`th`,{scope:`col`,children:l(`stations.col.firmware`)}),o(`th`,{scope:`col`,children:l(`stations.col.ocpp`)}),o(`th`,{scope:`col`,"aria-sort":J(`LAST_SEEN`),children:l(`stations.col.lastSeen`)})]})}),o(`tbody`,{children:W.map(e=>o(L,{row:e},e.id))})]})}),U&&(U.pageInfo.hasNextPage||U.pageInfo.hasPreviousPage)&&o(`div`,{class:`row`,style:{justifyContent:`flex-end`,alignItems:`center`},children:[U.pageInfo.hasPreviousPage&&o(`button`,{type:`button`,onClick:()=>d({after:``,before:``}),children:[`« `,l(`stations.firstPage`)]}),o(_,{pageInfo:U.pageInfo,onPage:({after:e,before:t})=>{d({after:e??``,before:t??``}),document.getElementById(`main`)?.scrollIntoView()}})]})]})}export{R as Stations};