import{I as e,N as t,O as n,P as r,R as i,S as a,T as o,b as s,c,d as l,i as u,j as d,l as f,m as p,o as m,r as h,s as g}from"./console-dnHmEbU-.js";import{n as _,r as v}from"./hooks-CAskQRee.js";var y=p(`
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
        lastSeenAt
        connectors {
          connectorId
          status
          errorCode
        }
      }
    }
  }
`),b=p(`
  query StationsSites {
    sites {
      name
      stations
    }
  }
`),x=p(`
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
`),S=50,C=15e3,w=[`AVAILABLE`,`PREPARING`,`CHARGING`,`SUSPENDED_EV`,`SUSPENDED_EVSE`,`FINISHING`,`RESERVED`,`UNAVAILABLE`,`FAULTED`],T=[`ACCEPTED`,`PENDING`,`REJECTED`],E=[`ID`,`DISPLAY_NAME`,`SITE`,`LAST_SEEN`];function D(e){switch(e){case`AVAILABLE`:return n(`stations.cs.available`);case`PREPARING`:return n(`stations.cs.preparing`);case`CHARGING`:return n(`stations.cs.charging`);case`SUSPENDED_EV`:return n(`stations.cs.suspendedEv`);case`SUSPENDED_EVSE`:return n(`stations.cs.suspendedEvse`);case`FINISHING`:return n(`stations.cs.finishing`);case`RESERVED`:return n(`stations.cs.reserved`);case`UNAVAILABLE`:return n(`stations.cs.unavailable`);case`FAULTED`:return n(`stations.cs.faulted`);default:return n(`stations.cs.unknown`)}}function O(e){switch(e){case`ACCEPTED`:return n(`stations.reg.accepted`);case`PENDING`:return n(`stations.reg.pending`);case`REJECTED`:return n(`stations.reg.rejected`);default:return n(`stations.reg.unknown`)}}function k(e){switch(e){case`ID`:return n(`stations.order.id`);case`DISPLAY_NAME`:return n(`stations.order.displayName`);case`SITE`:return n(`stations.order.site`);case`LAST_SEEN`:return n(`stations.order.lastSeen`)}}var A=e=>`badge s-${(e??``).toLowerCase().replaceAll(`_`,``)}`;function j(e,t){return e&&t.includes(e)?e:``}function M(e){return{search:e.search??``,connected:j(e.connected,[`true`,`false`]),registrationStatus:j(e.registrationStatus,T),connectorStatus:j(e.connectorStatus,w),site:e.site??``,orderBy:j(e.orderBy,E)||`ID`,descending:e.descending===`true`,after:e.after??``,before:e.before??``}}function N(e){let t=new URLSearchParams;e.search&&t.set(`search`,e.search),e.connected&&t.set(`connected`,e.connected),e.registrationStatus&&t.set(`registrationStatus`,e.registrationStatus),e.connectorStatus&&t.set(`connectorStatus`,e.connectorStatus),e.site&&t.set(`site`,e.site),e.orderBy!==`ID`&&t.set(`orderBy`,e.orderBy),e.descending&&t.set(`descending`,`true`),e.after?t.set(`after`,e.after):e.before&&t.set(`before`,e.before);let n=t.toString();return n?`/stations?${n}`:`/stations`}function P(e){return{first:e.before?void 0:S,last:e.before?S:void 0,after:e.after||void 0,before:!e.after&&e.before||void 0,search:e.search.trim()||void 0,connected:e.connected?e.connected===`true`:void 0,registrationStatus:e.registrationStatus||void 0,connectorStatus:e.connectorStatus||void 0,site:e.site||void 0,orderBy:e.orderBy,descending:e.descending}}function F({row:e}){let t=e.connectors.filter(e=>e.connectorId>0).sort((e,t)=>e.connectorId-t.connectorId);return t.length?f(`ul`,{style:{listStyle:`none`,margin:0,padding:0,display:`flex`,flexWrap:`wrap`,gap:`4px`},children:t.map(e=>{let t=D(e.status),r=e.errorCode&&e.errorCode!==`NO_ERROR`?` (${e.errorCode})`:``;return f(`li`,{children:f(`span`,{class:A(e.status),title:`${n(`stations.connector`,{n:e.connectorId})}: ${t}${r}`,children:[f(`span`,{class:`sr-only`,children:[n(`stations.connector`,{n:e.connectorId}),`: `]}),f(`span`,{"aria-hidden":`true`,children:[e.connectorId,` `]}),t,r&&f(`span`,{class:`sr-only`,children:r})]})},e.connectorId)})}):f(`span`,{class:`muted`,children:`–`})}function I({row:e}){let t=[e.vendor,e.model].filter(Boolean).join(` · `);return f(`tr`,{"data-station":e.id,children:[f(`th`,{scope:`row`,style:{fontWeight:`normal`,color:`inherit`,whiteSpace:`normal`},children:[f(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.displayName?f(`strong`,{children:e.displayName}):f(`strong`,{style:{whiteSpace:`nowrap`},children:e.id})}),e.displayName&&f(i,{children:[f(`br`,{}),f(`span`,{class:`muted`,style:{whiteSpace:`nowrap`},children:e.id})]})]}),f(`td`,{children:e.site||f(`span`,{class:`muted`,children:`–`})}),f(`td`,{children:f(`span`,{class:`badge ${e.connected?`s-online`:`s-offline`}`,children:e.connected?n(`stations.online`):n(`stations.offline`)})}),f(`td`,{children:f(`span`,{class:A(e.registrationStatus),children:O(e.registrationStatus)})}),f(`td`,{children:f(F,{row:e})}),f(`td`,{children:t||f(`span`,{class:`muted`,children:`–`})}),f(`td`,{children:e.firmwareVersion||f(`span`,{class:`muted`,children:`–`})}),f(`td`,{style:{whiteSpace:`nowrap`},children:e.lastSeenAt?f(`time`,{dateTime:e.lastSeenAt,title:a(e.lastSeenAt),children:s(e.lastSeenAt)}):f(`span`,{class:`muted`,children:n(`stations.never`)})})]})}function L(){let{query:i,route:a}=d(),s=M(i),p=(e,t=!1)=>{let n={...s,...e};!(`after`in e)&&!(`before`in e)&&(n.after=``,n.before=``);let r=N(n);r!==N(s)&&a(r,t)},[S,A]=e(s.search),j=c(S,300),F=r(s.search);t(()=>{j!==s.search&&(F.current=j,p({search:j},!!s.search))},[j]),t(()=>{s.search!==F.current&&(F.current=s.search,A(s.search))},[s.search]),t(()=>{let e=document.getElementById(`main`);if(e)return e.style.maxWidth=`none`,()=>{e.style.maxWidth=``}},[]);let L=P(s),R=_(y,L),z=_(b,{});v(3e4);let B=r(0),V=r(R.reload);V.current=R.reload;let H=JSON.stringify(L);t(()=>{B.current=Date.now()},[H]),t(()=>{let e=()=>{document.visibilityState===`visible`&&(Date.now()-B.current<3e3||(B.current=Date.now(),V.current()))},t=setInterval(e,C),n=l(x,{},{next:e,resync:e});return()=>{clearInterval(t),n()}},[]);let U=R.data?.stations,W=U?.nodes??[],G=z.data?.sites??[],K=!!s.search||!!s.connected||!!s.registrationStatus||!!s.connectorStatus||!!s.site,q=e=>e.currentTarget.value,J=e=>s.orderBy===e?s.descending?`descending`:`ascending`:void 0;return f(m,{title:n(`nav.stations`),children:[f(`form`,{class:`filters`,role:`search`,"aria-label":n(`stations.filters`),onSubmit:e=>{e.preventDefault(),F.current=S,p({search:S},!0)},children:[f(u,{label:n(`stations.search`),children:f(`input`,{"aria-label":n(`stations.search`),type:`search`,name:`search`,style:{minWidth:`15rem`},value:S,placeholder:n(`stations.searchHint`),onInput:e=>A(e.currentTarget.value)})}),f(u,{label:n(`stations.connection`),children:f(`select`,{"aria-label":n(`stations.connection`),name:`connected`,value:s.connected,onChange:e=>p({connected:q(e)}),children:[f(`option`,{value:``,children:n(`common.all`)}),f(`option`,{value:`true`,children:n(`stations.online`)}),f(`option`,{value:`false`,children:n(`stations.offline`)})]})}),f(u,{label:n(`stations.registration`),children:f(`select`,{"aria-label":n(`stations.registration`),name:`registrationStatus`,value:s.registrationStatus,onChange:e=>p({registrationStatus:q(e)}),children:[f(`option`,{value:``,children:n(`common.all`)}),T.map(e=>f(`option`,{value:e,children:O(e)},e))]})}),f(u,{label:n(`stations.connectorStatus`),children:f(`select`,{"aria-label":n(`stations.connectorStatus`),name:`connectorStatus`,value:s.connectorStatus,onChange:e=>p({connectorStatus:q(e)}),children:[f(`option`,{value:``,children:n(`common.all`)}),w.map(e=>f(`option`,{value:e,children:D(e)},e))]})}),f(u,{label:n(`stations.site`),children:f(`select`,{"aria-label":n(`stations.site`),name:`site`,value:s.site,onChange:e=>p({site:q(e)}),children:[f(`option`,{value:``,children:n(`common.all`)}),s.site&&!G.some(e=>e.name===s.site)&&f(`option`,{value:s.site,children:s.site}),G.map(e=>f(`option`,{value:e.name,children:n(`stations.siteOption`,{name:e.name,n:o(e.stations)})},e.name))]})}),f(u,{label:n(`stations.sortBy`),children:f(`select`,{"aria-label":n(`stations.sortBy`),name:`orderBy`,value:s.orderBy,onChange:e=>p({orderBy:q(e)}),children:E.map(e=>f(`option`,{value:e,children:k(e)},e))})}),f(u,{label:n(`stations.direction`),children:f(`select`,{"aria-label":n(`stations.direction`),name:`descending`,value:s.descending?`true`:`false`,onChange:e=>p({descending:q(e)===`true`}),children:[f(`option`,{value:`false`,children:n(`stations.ascending`)}),f(`option`,{value:`true`,children:n(`stations.descending`)})]})}),K&&f(`button`,{type:`button`,onClick:()=>{F.current=``,A(``),p({search:``,connected:``,registrationStatus:``,connectorStatus:``,site:``})},children:n(`stations.clearFilters`)})]}),G.length>0&&f(`details`,{style:{marginBottom:`12px`},children:[f(`summary`,{children:n(`stations.sites`,{n:o(G.length)})}),f(`ul`,{"aria-label":n(`stations.sitesList`),style:{listStyle:`none`,padding:0,margin:`8px 0 0`,display:`flex`,flexWrap:`wrap`,gap:`6px 16px`},children:G.map(e=>f(`li`,{children:[f(`a`,{href:N({...M({}),site:e.name}),"aria-current":s.site===e.name?`true`:void 0,children:e.name}),` `,f(`span`,{class:`muted`,children:[`(`,o(e.stations),`)`]})]},e.name))})]}),f(h,{error:R.error}),f(`p`,{class:`muted`,role:`status`,"data-testid":`stations-count`,"data-value":U?.totalCount,children:U?n(K?`stations.countFiltered`:`stations.count`,{n:o(U.totalCount)}):R.loading?n(`common.loading`):``}),U&&W.length===0&&f(`p`,{children:n(K?`stations.noMatch`:`stations.none`)}),W.length>0&&f(`div`,{class:`table-wrap`,children:f(`table`,{"data-testid":`stations-table`,"aria-busy":R.loading?`true`:`false`,children:[f(`caption`,{class:`sr-only`,children:n(`nav.stations`)}),f(`thead`,{children:f(`tr`,{children:[f(`th`,{scope:`col`,"aria-sort":J(`ID`)??J(`DISPLAY_NAME`),children:n(`stations.col.station`)}),f(`th`,{scope:`col`,"aria-sort":J(`SITE`),children:n(`stations.col.site`)}),f(`th`,{scope:`col`,children:n(`stations.col.connection`)}),f(`th`,{scope:`col`,children:n(`stations.col.registration`)}),f(`th`,{scope:`col`,children:n(`stations.col.connectors`)}),f(`th`,{scope:`col`,children:n(`stations.col.vendorModel`)}),f(`th`,{scope:`col`,children:n(`stations.col.firmware`)}),f(`th`,{scope:`col`,"aria-sort":J(`LAST_SEEN`),children:n(`stations.col.lastSeen`)})]})}),f(`tbody`,{children:W.map(e=>f(I,{row:e},e.id))})]})}),U&&(U.pageInfo.hasNextPage||U.pageInfo.hasPreviousPage)&&f(`div`,{class:`row`,style:{justifyContent:`flex-end`,alignItems:`center`},children:[U.pageInfo.hasPreviousPage&&f(`button`,{type:`button`,onClick:()=>p({after:``,before:``}),children:[`« `,n(`stations.firstPage`)]}),f(g,{pageInfo:U.pageInfo,onPage:({after:e,before:t})=>{p({after:e??``,before:t??``}),document.getElementById(`main`)?.scrollIntoView()}})]})]})}export{L as Stations};