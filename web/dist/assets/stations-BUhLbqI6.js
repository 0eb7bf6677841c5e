import{A as e,D as t,F as n,L as r,M as i,N as a,c as o,d as s,i as c,l,m as u,o as d,r as f,s as p,w as m,x as h,y as g}from"./console-CwjbJvEJ.js";import{n as _,r as v}from"./hooks-CJwiRb8j.js";var y=u(`
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
`),b=u(`
  query StationsSites {
    sites {
      name
      stations
    }
  }
`),x=u(`
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
`),S=50,C=15e3,w=[`AVAILABLE`,`PREPARING`,`CHARGING`,`SUSPENDED_EV`,`SUSPENDED_EVSE`,`FINISHING`,`RESERVED`,`UNAVAILABLE`,`FAULTED`],T=[`ACCEPTED`,`PENDING`,`REJECTED`],E=[`ID`,`DISPLAY_NAME`,`SITE`,`LAST_SEEN`];function D(e){switch(e){case`AVAILABLE`:return t(`stations.cs.available`);case`PREPARING`:return t(`stations.cs.preparing`);case`CHARGING`:return t(`stations.cs.charging`);case`SUSPENDED_EV`:return t(`stations.cs.suspendedEv`);case`SUSPENDED_EVSE`:return t(`stations.cs.suspendedEvse`);case`FINISHING`:return t(`stations.cs.finishing`);case`RESERVED`:return t(`stations.cs.reserved`);case`UNAVAILABLE`:return t(`stations.cs.unavailable`);case`FAULTED`:return t(`stations.cs.faulted`);default:return t(`stations.cs.unknown`)}}function O(e){switch(e){case`ACCEPTED`:return t(`stations.reg.accepted`);case`PENDING`:return t(`stations.reg.pending`);case`REJECTED`:return t(`stations.reg.rejected`);default:return t(`stations.reg.unknown`)}}function k(e){switch(e){case`ID`:return t(`stations.order.id`);case`DISPLAY_NAME`:return t(`stations.order.displayName`);case`SITE`:return t(`stations.order.site`);case`LAST_SEEN`:return t(`stations.order.lastSeen`)}}var A=e=>`badge s-${(e??``).toLowerCase().replaceAll(`_`,``)}`;function j(e,t){return e&&t.includes(e)?e:``}function M(e){return{search:e.search??``,connected:j(e.connected,[`true`,`false`]),registrationStatus:j(e.registrationStatus,T),connectorStatus:j(e.connectorStatus,w),site:e.site??``,orderBy:j(e.orderBy,E)||`ID`,descending:e.descending===`true`,after:e.after??``,before:e.before??``}}function N(e){let t=new URLSearchParams;e.search&&t.set(`search`,e.search),e.connected&&t.set(`connected`,e.connected),e.registrationStatus&&t.set(`registrationStatus`,e.registrationStatus),e.connectorStatus&&t.set(`connectorStatus`,e.connectorStatus),e.site&&t.set(`site`,e.site),e.orderBy!==`ID`&&t.set(`orderBy`,e.orderBy),e.descending&&t.set(`descending`,`true`),e.after?t.set(`after`,e.after):e.before&&t.set(`before`,e.before);let n=t.toString();return n?`/stations?${n}`:`/stations`}function P(e){return{first:e.before?void 0:S,last:e.before?S:void 0,after:e.after||void 0,before:!e.after&&e.before||void 0,search:e.search.trim()||void 0,connected:e.connected?e.connected===`true`:void 0,registrationStatus:e.registrationStatus||void 0,connectorStatus:e.connectorStatus||void 0,site:e.site||void 0,orderBy:e.orderBy,descending:e.descending}}function F({row:e}){let n=e.connectors.filter(e=>e.connectorId>0).sort((e,t)=>e.connectorId-t.connectorId);return n.length?l(`ul`,{style:{listStyle:`none`,margin:0,padding:0,display:`flex`,flexWrap:`wrap`,gap:`4px`},children:n.map(e=>{let n=D(e.status),r=e.errorCode&&e.errorCode!==`NO_ERROR`?` (${e.errorCode})`:``;return l(`li`,{children:l(`span`,{class:A(e.status),title:`${t(`stations.connector`,{n:e.connectorId})}: ${n}${r}`,children:[l(`span`,{class:`sr-only`,children:[t(`stations.connector`,{n:e.connectorId}),`: `]}),l(`span`,{"aria-hidden":`true`,children:[e.connectorId,` `]}),n,r&&l(`span`,{class:`sr-only`,children:r})]})},e.connectorId)})}):l(`span`,{class:`muted`,children:`–`})}function I({row:e}){let n=[e.vendor,e.model].filter(Boolean).join(` · `);return l(`tr`,{"data-station":e.id,children:[l(`th`,{scope:`row`,style:{fontWeight:`normal`,color:`inherit`,whiteSpace:`normal`},children:[l(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.displayName?l(`strong`,{children:e.displayName}):l(`strong`,{style:{whiteSpace:`nowrap`},children:e.id})}),e.displayName&&l(r,{children:[l(`br`,{}),l(`span`,{class:`muted`,style:{whiteSpace:`nowrap`},children:e.id})]})]}),l(`td`,{children:e.site||l(`span`,{class:`muted`,children:`–`})}),l(`td`,{children:l(`span`,{class:`badge ${e.connected?`s-online`:`s-offline`}`,children:e.connected?t(`stations.online`):t(`stations.offline`)})}),l(`td`,{children:l(`span`,{class:A(e.registrationStatus),children:O(e.registrationStatus)})}),l(`td`,{children:l(F,{row:e})}),l(`td`,{children:n||l(`span`,{class:`muted`,children:`–`})}),l(`td`,{children:e.firmwareVersion||l(`span`,{class:`muted`,children:`–`})}),l(`td`,{style:{whiteSpace:`nowrap`},children:e.lastSeenAt?l(`time`,{dateTime:e.lastSeenAt,title:h(e.lastSeenAt),children:g(e.lastSeenAt)}):l(`span`,{class:`muted`,children:t(`stations.never`)})})]})}function L(){let{query:r,route:u}=e(),h=M(r),g=(e,t=!1)=>{let n={...h,...e};!(`after`in e)&&!(`before`in e)&&(n.after=``,n.before=``);let r=N(n);r!==N(h)&&u(r,t)},[S,A]=n(h.search),j=o(S,300),F=a(h.search);i(()=>{j!==h.search&&(F.current=j,g({search:j},!!h.search))},[j]),i(()=>{h.search!==F.current&&(F.current=h.search,A(h.search))},[h.search]),i(()=>{let e=document.getElementById(`main`);if(e)return e.style.maxWidth=`none`,()=>{e.style.maxWidth=``}},[]);let L=P(h),R=_(y,L),z=_(b,{});v(3e4);let B=a(0),V=a(R.reload);V.current=R.reload;let H=JSON.stringify(L);i(()=>{B.current=Date.now()},[H]),i(()=>{let e=()=>{document.visibilityState===`visible`&&(Date.now()-B.current<3e3||(B.current=Date.now(),V.current()))},t=setInterval(e,C),n=s(x,{},{next:e,resync:e});return()=>{clearInterval(t),n()}},[]);let U=R.data?.stations,W=U?.nodes??[],G=z.data?.sites??[],K=!!h.search||!!h.connected||!!h.registrationStatus||!!h.connectorStatus||!!h.site,q=e=>e.currentTarget.value,J=e=>h.orderBy===e?h.descending?`descending`:`ascending`:void 0;return l(d,{title:t(`nav.stations`),children:[l(`form`,{class:`filters`,role:`search`,"aria-label":t(`stations.filters`),onSubmit:e=>{e.preventDefault(),F.current=S,g({search:S},!0)},children:[l(c,{label:t(`stations.search`),children:l(`input`,{"aria-label":t(`stations.search`),type:`search`,name:`search`,style:{minWidth:`15rem`},value:S,placeholder:t(`stations.searchHint`),onInput:e=>A(e.currentTarget.value)})}),l(c,{label:t(`stations.connection`),children:l(`select`,{"aria-label":t(`stations.connection`),name:`connected`,value:h.connected,onChange:e=>g({connected:q(e)}),children:[l(`option`,{value:``,children:t(`common.all`)}),l(`option`,{value:`true`,children:t(`stations.online`)}),l(`option`,{value:`false`,children:t(`stations.offline`)})]})}),l(c,{label:t(`stations.registration`),children:l(`select`,{"aria-label":t(`stations.registration`),name:`registrationStatus`,value:h.registrationStatus,onChange:e=>g({registrationStatus:q(e)}),children:[l(`option`,{value:``,children:t(`common.all`)}),T.map(e=>l(`option`,{value:e,children:O(e)},e))]})}),l(c,{label:t(`stations.connectorStatus`),children:l(`select`,{"aria-label":t(`stations.connectorStatus`),name:`connectorStatus`,value:h.connectorStatus,onChange:e=>g({connectorStatus:q(e)}),children:[l(`option`,{value:``,children:t(`common.all`)}),w.map(e=>l(`option`,{value:e,children:D(e)},e))]})}),l(c,{label:t(`stations.site`),children:l(`select`,{"aria-label":t(`stations.site`),name:`site`,value:h.site,onChange:e=>g({site:q(e)}),children:[l(`option`,{value:``,children:t(`common.all`)}),h.site&&!G.some(e=>e.name===h.site)&&l(`option`,{value:h.site,children:h.site}),G.map(e=>l(`option`,{value:e.name,children:t(`stations.siteOption`,{name:e.name,n:m(e.stations)})},e.name))]})}),l(c,{label:t(`stations.sortBy`),children:l(`select`,{"aria-label":t(`stations.sortBy`),name:`orderBy`,value:h.orderBy,onChange:e=>g({orderBy:q(e)}),children:E.map(e=>l(`option`,{value:e,children:k(e)},e))})}),l(c,{label:t(`stations.direction`),children:l(`select`,{"aria-label":t(`stations.direction`),name:`descending`,value:h.descending?`true`:`false`,onChange:e=>g({descending:q(e)===`true`}),children:[l(`option`,{value:`false`,children:t(`stations.ascending`)}),l(`option`,{value:`true`,children:t(`stations.descending`)})]})}),K&&l(`button`,{type:`button`,onClick:()=>{F.current=``,A(``),g({search:``,connected:``,registrationStatus:``,connectorStatus:``,site:``})},children:t(`stations.clearFilters`)})]}),G.length>0&&l(`details`,{style:{marginBottom:`12px`},children:[l(`summary`,{children:t(`stations.sites`,{n:m(G.length)})}),l(`ul`,{"aria-label":t(`stations.sitesList`),style:{listStyle:`none`,padding:0,margin:`8px 0 0`,display:`flex`,flexWrap:`wrap`,gap:`6px 16px`},children:G.map(e=>l(`li`,{children:[l(`a`,{href:N({...M({}),site:e.name}),"aria-current":h.site===e.name?`true`:void 0,children:e.name}),` `,l(`span`,{class:`muted`,children:[`(`,m(e.stations),`)`]})]},e.name))})]}),l(f,{error:R.error}),l(`p`,{class:`muted`,role:`status`,"data-testid":`stations-count`,"data-value":U?.totalCount,children:U?t(K?`stations.countFiltered`:`stations.count`,{n:m(U.totalCount)}):R.loading?t(`common.loading`):``}),U&&W.length===0&&l(`p`,{children:t(K?`stations.noMatch`:`stations.none`)}),W.length>0&&l(`div`,{class:`table-wrap`,children:l(`table`,{"data-testid":`stations-table`,"aria-busy":R.loading?`true`:`false`,children:[l(`caption`,{class:`sr-only`,children:t(`nav.stations`)}),l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,"aria-sort":J(`ID`)??J(`DISPLAY_NAME`),children:t(`stations.col.station`)}),l(`th`,{scope:`col`,"aria-sort":J(`SITE`),children:t(`stations.col.site`)}),l(`th`,{scope:`col`,children:t(`stations.col.connection`)}),l(`th`,{scope:`col`,children:t(`stations.col.registration`)}),l(`th`,{scope:`col`,children:t(`stations.col.connectors`)}),l(`th`,{scope:`col`,children:t(`stations.col.vendorModel`)}),l(`th`,{scope:`col`,children:t(`stations.col.firmware`)}),l(`th`,{scope:`col`,"aria-sort":J(`LAST_SEEN`),children:t(`stations.col.lastSeen`)})]})}),l(`tbody`,{children:W.map(e=>l(I,{row:e},e.id))})]})}),U&&(U.pageInfo.hasNextPage||U.pageInfo.hasPreviousPage)&&l(`div`,{class:`row`,style:{justifyContent:`flex-end`,alignItems:`center`},children:[U.pageInfo.hasPreviousPage&&l(`button`,{type:`button`,onClick:()=>g({after:``,before:``}),children:[`« `,t(`stations.firstPage`)]}),l(p,{pageInfo:U.pageInfo,onPage:({after:e,before:t})=>{g({after:e??``,before:t??``}),document.getElementById(`main`)?.scrollIntoView()}})]})]})}export{L as Stations};