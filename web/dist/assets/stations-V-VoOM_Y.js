import{C as e,D as t,T as n,k as r,p as i,r as a,t as o,x as s}from"./jsxRuntime-CxRGqfpA.js";import{c,d as l,g as u,i as d,o as f,p,r as m,s as h,y as g}from"./console-BCcitqIW.js";import{n as _,r as v}from"./hooks-CPLjMAV8.js";var y=i(`
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
`),b=i(`
  query StationsSites {
    sites {
      name
      stations
    }
  }
`),x=i(`
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
`),S=50,C=15e3,w=[`AVAILABLE`,`PREPARING`,`CHARGING`,`SUSPENDED_EV`,`SUSPENDED_EVSE`,`FINISHING`,`RESERVED`,`UNAVAILABLE`,`FAULTED`],T=[`ACCEPTED`,`PENDING`,`REJECTED`],E=[`ID`,`DISPLAY_NAME`,`SITE`,`LAST_SEEN`];function D(e){switch(e){case`AVAILABLE`:return g(`stations.cs.available`);case`PREPARING`:return g(`stations.cs.preparing`);case`CHARGING`:return g(`stations.cs.charging`);case`SUSPENDED_EV`:return g(`stations.cs.suspendedEv`);case`SUSPENDED_EVSE`:return g(`stations.cs.suspendedEvse`);case`FINISHING`:return g(`stations.cs.finishing`);case`RESERVED`:return g(`stations.cs.reserved`);case`UNAVAILABLE`:return g(`stations.cs.unavailable`);case`FAULTED`:return g(`stations.cs.faulted`);default:return g(`stations.cs.unknown`)}}function O(e){switch(e){case`ACCEPTED`:return g(`stations.reg.accepted`);case`PENDING`:return g(`stations.reg.pending`);case`REJECTED`:return g(`stations.reg.rejected`);default:return g(`stations.reg.unknown`)}}function k(e){switch(e){case`ID`:return g(`stations.order.id`);case`DISPLAY_NAME`:return g(`stations.order.displayName`);case`SITE`:return g(`stations.order.site`);case`LAST_SEEN`:return g(`stations.order.lastSeen`)}}var A=e=>`badge s-${(e??``).toLowerCase().replaceAll(`_`,``)}`;function j(e,t){return e&&t.includes(e)?e:``}function M(e){return{search:e.search??``,connected:j(e.connected,[`true`,`false`]),registrationStatus:j(e.registrationStatus,T),connectorStatus:j(e.connectorStatus,w),site:e.site??``,orderBy:j(e.orderBy,E)||`ID`,descending:e.descending===`true`,after:e.after??``,before:e.before??``}}function N(e){let t=new URLSearchParams;e.search&&t.set(`search`,e.search),e.connected&&t.set(`connected`,e.connected),e.registrationStatus&&t.set(`registrationStatus`,e.registrationStatus),e.connectorStatus&&t.set(`connectorStatus`,e.connectorStatus),e.site&&t.set(`site`,e.site),e.orderBy!==`ID`&&t.set(`orderBy`,e.orderBy),e.descending&&t.set(`descending`,`true`),e.after?t.set(`after`,e.after):e.before&&t.set(`before`,e.before);let n=t.toString();return n?`/stations?${n}`:`/stations`}function P(e){return{first:e.before?void 0:S,last:e.before?S:void 0,after:e.after||void 0,before:!e.after&&e.before||void 0,search:e.search.trim()||void 0,connected:e.connected?e.connected===`true`:void 0,registrationStatus:e.registrationStatus||void 0,connectorStatus:e.connectorStatus||void 0,site:e.site||void 0,orderBy:e.orderBy,descending:e.descending}}function F({row:e}){let t=e.connectors.filter(e=>e.connectorId>0).sort((e,t)=>e.connectorId-t.connectorId);return t.length?o(`ul`,{style:{listStyle:`none`,margin:0,padding:0,display:`flex`,flexWrap:`wrap`,gap:`4px`},children:t.map(e=>{let t=D(e.status),n=e.errorCode&&e.errorCode!==`NO_ERROR`?` (${e.errorCode})`:``;return o(`li`,{children:o(`span`,{class:A(e.status),title:`${g(`stations.connector`,{n:e.connectorId})}: ${t}${n}`,children:[o(`span`,{class:`sr-only`,children:[g(`stations.connector`,{n:e.connectorId}),`: `]}),o(`span`,{"aria-hidden":`true`,children:[e.connectorId,` `]}),t,n&&o(`span`,{class:`sr-only`,children:n})]})},e.connectorId)})}):o(`span`,{class:`muted`,children:`–`})}function I({row:e}){let t=[e.vendor,e.model].filter(Boolean).join(` · `);return o(`tr`,{"data-station":e.id,children:[o(`th`,{scope:`row`,style:{fontWeight:`normal`,color:`inherit`,whiteSpace:`normal`},children:[o(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.displayName?o(`strong`,{children:e.displayName}):o(`strong`,{style:{whiteSpace:`nowrap`},children:e.id})}),e.displayName&&o(r,{children:[o(`br`,{}),o(`span`,{class:`muted`,style:{whiteSpace:`nowrap`},children:e.id})]})]}),o(`td`,{children:e.site||o(`span`,{class:`muted`,children:`–`})}),o(`td`,{children:o(`span`,{class:`badge ${e.connected?`s-online`:`s-offline`}`,children:e.connected?g(`stations.online`):g(`stations.offline`)})}),o(`td`,{children:o(`span`,{class:A(e.registrationStatus),children:O(e.registrationStatus)})}),o(`td`,{children:o(F,{row:e})}),o(`td`,{children:t||o(`span`,{class:`muted`,children:`–`})}),o(`td`,{children:e.firmwareVersion||o(`span`,{class:`muted`,children:`–`})}),o(`td`,{style:{whiteSpace:`nowrap`},children:e.lastSeenAt?o(`time`,{dateTime:e.lastSeenAt,title:p(e.lastSeenAt),children:l(e.lastSeenAt)}):o(`span`,{class:`muted`,children:g(`stations.never`)})})]})}function L(){let{query:r,route:i}=s(),l=M(r),p=(e,t=!1)=>{let n={...l,...e};!(`after`in e)&&!(`before`in e)&&(n.after=``,n.before=``);let r=N(n);r!==N(l)&&i(r,t)},[S,A]=t(l.search),j=c(S,300),F=n(l.search);e(()=>{j!==l.search&&(F.current=j,p({search:j},!!l.search))},[j]),e(()=>{l.search!==F.current&&(F.current=l.search,A(l.search))},[l.search]),e(()=>{let e=document.getElementById(`main`);if(e)return e.style.maxWidth=`none`,()=>{e.style.maxWidth=``}},[]);let L=P(l),R=_(y,L),z=_(b,{});v(3e4);let B=n(0),V=n(R.reload);V.current=R.reload;let H=JSON.stringify(L);e(()=>{B.current=Date.now()},[H]),e(()=>{let e=()=>{document.visibilityState===`visible`&&(Date.now()-B.current<3e3||(B.current=Date.now(),V.current()))},t=setInterval(e,C),n=a(x,{},{next:e,resync:e});return()=>{clearInterval(t),n()}},[]);let U=R.data?.stations,W=U?.nodes??[],G=z.data?.sites??[],K=!!l.search||!!l.connected||!!l.registrationStatus||!!l.connectorStatus||!!l.site,q=e=>e.currentTarget.value,J=e=>l.orderBy===e?l.descending?`descending`:`ascending`:void 0;return o(f,{title:g(`nav.stations`),children:[o(`form`,{class:`filters`,role:`search`,"aria-label":g(`stations.filters`),onSubmit:e=>{e.preventDefault(),F.current=S,p({search:S},!0)},children:[o(d,{label:g(`stations.search`),children:o(`input`,{"aria-label":g(`stations.search`),type:`search`,name:`search`,style:{minWidth:`15rem`},value:S,placeholder:g(`stations.searchHint`),onInput:e=>A(e.currentTarget.value)})}),o(d,{label:g(`stations.connection`),children:o(`select`,{"aria-label":g(`stations.connection`),name:`connected`,value:l.connected,onChange:e=>p({connected:q(e)}),children:[o(`option`,{value:``,children:g(`common.all`)}),o(`option`,{value:`true`,children:g(`stations.online`)}),o(`option`,{value:`false`,children:g(`stations.offline`)})]})}),o(d,{label:g(`stations.registration`),children:o(`select`,{"aria-label":g(`stations.registration`),name:`registrationStatus`,value:l.registrationStatus,onChange:e=>p({registrationStatus:q(e)}),children:[o(`option`,{value:``,children:g(`common.all`)}),T.map(e=>o(`option`,{value:e,children:O(e)},e))]})}),o(d,{label:g(`stations.connectorStatus`),children:o(`select`,{"aria-label":g(`stations.connectorStatus`),name:`connectorStatus`,value:l.connectorStatus,onChange:e=>p({connectorStatus:q(e)}),children:[o(`option`,{value:``,children:g(`common.all`)}),w.map(e=>o(`option`,{value:e,children:D(e)},e))]})}),o(d,{label:g(`stations.site`),children:o(`select`,{"aria-label":g(`stations.site`),name:`site`,value:l.site,onChange:e=>p({site:q(e)}),children:[o(`option`,{value:``,children:g(`common.all`)}),l.site&&!G.some(e=>e.name===l.site)&&o(`option`,{value:l.site,children:l.site}),G.map(e=>o(`option`,{value:e.name,children:g(`stations.siteOption`,{name:e.name,n:u(e.stations)})},e.name))]})}),o(d,{label:g(`stations.sortBy`),children:o(`select`,{"aria-label":g(`stations.sortBy`),name:`orderBy`,value:l.orderBy,onChange:e=>p({orderBy:q(e)}),children:E.map(e=>o(`option`,{value:e,children:k(e)},e))})}),o(d,{label:g(`stations.direction`),children:o(`select`,{"aria-label":g(`stations.direction`),name:`descending`,value:l.descending?`true`:`false`,onChange:e=>p({descending:q(e)===`true`}),children:[o(`option`,{value:`false`,children:g(`stations.ascending`)}),o(`option`,{value:`true`,children:g(`stations.descending`)})]})}),K&&o(`button`,{type:`button`,onClick:()=>{F.current=``,A(``),p({search:``,connected:``,registrationStatus:``,connectorStatus:``,site:``})},children:g(`stations.clearFilters`)})]}),G.length>0&&o(`details`,{style:{marginBottom:`12px`},children:[o(`summary`,{children:g(`stations.sites`,{n:u(G.length)})}),o(`ul`,{"aria-label":g(`stations.sitesList`),style:{listStyle:`none`,padding:0,margin:`8px 0 0`,display:`flex`,flexWrap:`wrap`,gap:`6px 16px`},children:G.map(e=>o(`li`,{children:[o(`a`,{href:N({...M({}),site:e.name}),"aria-current":l.site===e.name?`true`:void 0,children:e.name}),` `,o(`span`,{class:`muted`,children:[`(`,u(e.stations),`)`]})]},e.name))})]}),o(m,{error:R.error}),o(`p`,{class:`muted`,role:`status`,"data-testid":`stations-count`,"data-value":U?.totalCount,children:U?g(K?`stations.countFiltered`:`stations.count`,{n:u(U.totalCount)}):R.loading?g(`common.loading`):``}),U&&W.length===0&&o(`p`,{children:g(K?`stations.noMatch`:`stations.none`)}),W.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{"data-testid":`stations-table`,"aria-busy":R.loading?`true`:`false`,children:[o(`caption`,{class:`sr-only`,children:g(`nav.stations`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,"aria-sort":J(`ID`)??J(`DISPLAY_NAME`),children:g(`stations.col.station`)}),o(`th`,{scope:`col`,"aria-sort":J(`SITE`),children:g(`stations.col.site`)}),o(`th`,{scope:`col`,children:g(`stations.col.connection`)}),o(`th`,{scope:`col`,children:g(`stations.col.registration`)}),o(`th`,{scope:`col`,children:g(`stations.col.connectors`)}),o(`th`,{scope:`col`,children:g(`stations.col.vendorModel`)}),o(`th`,{scope:`col`,children:g(`stations.col.firmware`)}),o(`th`,{scope:`col`,"aria-sort":J(`LAST_SEEN`),children:g(`stations.col.lastSeen`)})]})}),o(`tbody`,{children:W.map(e=>o(I,{row:e},e.id))})]})}),U&&(U.pageInfo.hasNextPage||U.pageInfo.hasPreviousPage)&&o(`div`,{class:`row`,style:{justifyContent:`flex-end`,alignItems:`center`},children:[U.pageInfo.hasPreviousPage&&o(`button`,{type:`button`,onClick:()=>p({after:``,before:``}),children:[`« `,g(`stations.firstPage`)]}),o(h,{pageInfo:U.pageInfo,onPage:({after:e,before:t})=>{p({after:e??``,before:t??``}),document.getElementById(`main`)?.scrollIntoView()}})]})]})}export{L as Stations};