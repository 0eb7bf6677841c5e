import{C as e,E as t,F as n,L as r,M as i,P as a,c as o,f as s,i as c,k as l,l as u,o as d,r as f,s as p,x as m,y as h,z as g}from"./console-NpAu_WoJ.js";import{n as _,r as v}from"./hooks-X1fviBlp.js";var y=h(`
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
`),b=h(`
  query StationsSites {
    sites {
      name
      stations
    }
  }
`),x=h(`
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
`),S=50,C=15e3,w=[`AVAILABLE`,`PREPARING`,`CHARGING`,`SUSPENDED_EV`,`SUSPENDED_EVSE`,`FINISHING`,`RESERVED`,`UNAVAILABLE`,`FAULTED`],T=[`ACCEPTED`,`PENDING`,`REJECTED`],E=[`ID`,`DISPLAY_NAME`,`SITE`,`LAST_SEEN`];function D(e){switch(e){case`AVAILABLE`:return l(`stations.cs.available`);case`PREPARING`:return l(`stations.cs.preparing`);case`CHARGING`:return l(`stations.cs.charging`);case`SUSPENDED_EV`:return l(`stations.cs.suspendedEv`);case`SUSPENDED_EVSE`:return l(`stations.cs.suspendedEvse`);case`FINISHING`:return l(`stations.cs.finishing`);case`RESERVED`:return l(`stations.cs.reserved`);case`UNAVAILABLE`:return l(`stations.cs.unavailable`);case`FAULTED`:return l(`stations.cs.faulted`);default:return l(`stations.cs.unknown`)}}function O(e){switch(e){case`ACCEPTED`:return l(`stations.reg.accepted`);case`PENDING`:return l(`stations.reg.pending`);case`REJECTED`:return l(`stations.reg.rejected`);default:return l(`stations.reg.unknown`)}}function k(e){switch(e){case`ID`:return l(`stations.order.id`);case`DISPLAY_NAME`:return l(`stations.order.displayName`);case`SITE`:return l(`stations.order.site`);case`LAST_SEEN`:return l(`stations.order.lastSeen`)}}var A=e=>`badge s-${(e??``).toLowerCase().replaceAll(`_`,``)}`;function j(e,t){return e&&t.includes(e)?e:``}function M(e){return{search:e.search??``,connected:j(e.connected,[`true`,`false`]),registrationStatus:j(e.registrationStatus,T),connectorStatus:j(e.connectorStatus,w),site:e.site??``,orderBy:j(e.orderBy,E)||`ID`,descending:e.descending===`true`,after:e.after??``,before:e.before??``}}function N(e){let t=new URLSearchParams;e.search&&t.set(`search`,e.search),e.connected&&t.set(`connected`,e.connected),e.registrationStatus&&t.set(`registrationStatus`,e.registrationStatus),e.connectorStatus&&t.set(`connectorStatus`,e.connectorStatus),e.site&&t.set(`site`,e.site),e.orderBy!==`ID`&&t.set(`orderBy`,e.orderBy),e.descending&&t.set(`descending`,`true`),e.after?t.set(`after`,e.after):e.before&&t.set(`before`,e.before);let n=t.toString();return n?`/stations?${n}`:`/stations`}function P(e){return{first:e.before?void 0:S,last:e.before?S:void 0,after:e.after||void 0,before:!e.after&&e.before||void 0,search:e.search.trim()||void 0,connected:e.connected?e.connected===`true`:void 0,registrationStatus:e.registrationStatus||void 0,connectorStatus:e.connectorStatus||void 0,site:e.site||void 0,orderBy:e.orderBy,descending:e.descending}}function F({row:e}){let t=e.connectors.filter(e=>e.connectorId>0).sort((e,t)=>e.connectorId-t.connectorId);return t.length?u(`ul`,{style:{listStyle:`none`,margin:0,padding:0,display:`flex`,flexWrap:`wrap`,gap:`4px`},children:t.map(e=>{let t=D(e.status),n=e.errorCode&&e.errorCode!==`NO_ERROR`?` (${e.errorCode})`:``;return u(`li`,{children:u(`span`,{class:A(e.status),title:`${l(`stations.connector`,{n:e.connectorId})}: ${t}${n}`,children:[u(`span`,{class:`sr-only`,children:[l(`stations.connector`,{n:e.connectorId}),`: `]}),u(`span`,{"aria-hidden":`true`,children:[e.connectorId,` `]}),t,n&&u(`span`,{class:`sr-only`,children:n})]})},e.connectorId)})}):u(`span`,{class:`muted`,children:`–`})}function I({row:t}){let n=[t.vendor,t.model].filter(Boolean).join(` · `);return u(`tr`,{"data-station":t.id,children:[u(`th`,{scope:`row`,style:{fontWeight:`normal`,color:`inherit`,whiteSpace:`normal`},children:[u(`a`,{href:`/stations/${encodeURIComponent(t.id)}`,children:t.displayName?u(`strong`,{children:t.displayName}):u(`strong`,{style:{whiteSpace:`nowrap`},children:t.id})}),t.displayName&&u(g,{children:[u(`br`,{}),u(`span`,{class:`muted`,style:{whiteSpace:`nowrap`},children:t.id})]})]}),u(`td`,{children:t.site||u(`span`,{class:`muted`,children:`–`})}),u(`td`,{children:u(`span`,{class:`badge ${t.connected?`s-online`:`s-offline`}`,children:t.connected?l(`stations.online`):l(`stations.offline`)})}),u(`td`,{children:u(`span`,{class:A(t.registrationStatus),children:O(t.registrationStatus)})}),u(`td`,{children:u(F,{row:t})}),u(`td`,{children:n||u(`span`,{class:`muted`,children:`–`})}),u(`td`,{children:t.firmwareVersion||u(`span`,{class:`muted`,children:`–`})}),u(`td`,{style:{whiteSpace:`nowrap`},children:t.lastSeenAt?u(`time`,{dateTime:t.lastSeenAt,title:e(t.lastSeenAt),children:m(t.lastSeenAt)}):u(`span`,{class:`muted`,children:l(`stations.never`)})})]})}function L(){let{query:e,route:m}=i(),h=M(e),g=(e,t=!1)=>{let n={...h,...e};!(`after`in e)&&!(`before`in e)&&(n.after=``,n.before=``);let r=N(n);r!==N(h)&&m(r,t)},[S,A]=r(h.search),j=o(S,300),F=n(h.search);a(()=>{j!==h.search&&(F.current=j,g({search:j},!!h.search))},[j]),a(()=>{h.search!==F.current&&(F.current=h.search,A(h.search))},[h.search]),a(()=>{let e=document.getElementById(`main`);if(e)return e.style.maxWidth=`none`,()=>{e.style.maxWidth=``}},[]);let L=P(h),R=_(y,L),z=_(b,{});v(3e4);let B=n(0),V=n(R.reload);V.current=R.reload;let H=JSON.stringify(L);a(()=>{B.current=Date.now()},[H]),a(()=>{let e=()=>{document.visibilityState===`visible`&&(Date.now()-B.current<3e3||(B.current=Date.now(),V.current()))},t=setInterval(e,C),n=s(x,{},{next:e,resync:e});return()=>{clearInterval(t),n()}},[]);let U=R.data?.stations,W=U?.nodes??[],G=z.data?.sites??[],K=!!h.search||!!h.connected||!!h.registrationStatus||!!h.connectorStatus||!!h.site,q=e=>e.currentTarget.value,J=e=>h.orderBy===e?h.descending?`descending`:`ascending`:void 0;return u(d,{title:l(`nav.stations`),children:[u(`form`,{class:`filters`,role:`search`,"aria-label":l(`stations.filters`),onSubmit:e=>{e.preventDefault(),F.current=S,g({search:S},!0)},children:[u(c,{label:l(`stations.search`),children:u(`input`,{"aria-label":l(`stations.search`),type:`search`,name:`search`,style:{minWidth:`15rem`},value:S,placeholder:l(`stations.searchHint`),onInput:e=>A(e.currentTarget.value)})}),u(c,{label:l(`stations.connection`),children:u(`select`,{"aria-label":l(`stations.connection`),name:`connected`,value:h.connected,onChange:e=>g({connected:q(e)}),children:[u(`option`,{value:``,children:l(`common.all`)}),u(`option`,{value:`true`,children:l(`stations.online`)}),u(`option`,{value:`false`,children:l(`stations.offline`)})]})}),u(c,{label:l(`stations.registration`),children:u(`select`,{"aria-label":l(`stations.registration`),name:`registrationStatus`,value:h.registrationStatus,onChange:e=>g({registrationStatus:q(e)}),children:[u(`option`,{value:``,children:l(`common.all`)}),T.map(e=>u(`option`,{value:e,children:O(e)},e))]})}),u(c,{label:l(`stations.connectorStatus`),children:u(`select`,{"aria-label":l(`stations.connectorStatus`),name:`connectorStatus`,value:h.connectorStatus,onChange:e=>g({connectorStatus:q(e)}),children:[u(`option`,{value:``,children:l(`common.all`)}),w.map(e=>u(`option`,{value:e,children:D(e)},e))]})}),u(c,{label:l(`stations.site`),children:u(`select`,{"aria-label":l(`stations.site`),name:`site`,value:h.site,onChange:e=>g({site:q(e)}),children:[u(`option`,{value:``,children:l(`common.all`)}),h.site&&!G.some(e=>e.name===h.site)&&u(`option`,{value:h.site,children:h.site}),G.map(e=>u(`option`,{value:e.name,children:l(`stations.siteOption`,{name:e.name,n:t(e.stations)})},e.name))]})}),u(c,{label:l(`stations.sortBy`),children:u(`select`,{"aria-label":l(`stations.sortBy`),name:`orderBy`,value:h.orderBy,onChange:e=>g({orderBy:q(e)}),children:E.map(e=>u(`option`,{value:e,children:k(e)},e))})}),u(c,{label:l(`stations.direction`),children:u(`select`,{"aria-label":l(`stations.direction`),name:`descending`,value:h.descending?`true`:`false`,onChange:e=>g({descending:q(e)===`true`}),children:[u(`option`,{value:`false`,children:l(`stations.ascending`)}),u(`option`,{value:`true`,children:l(`stations.descending`)})]})}),K&&u(`button`,{type:`button`,onClick:()=>{F.current=``,A(``),g({search:``,connected:``,registrationStatus:``,connectorStatus:``,site:``})},children:l(`stations.clearFilters`)})]}),G.length>0&&u(`details`,{style:{marginBottom:`12px`},children:[u(`summary`,{children:l(`stations.sites`,{n:t(G.length)})}),u(`ul`,{"aria-label":l(`stations.sitesList`),style:{listStyle:`none`,padding:0,margin:`8px 0 0`,display:`flex`,flexWrap:`wrap`,gap:`6px 16px`},children:G.map(e=>u(`li`,{children:[u(`a`,{href:N({...M({}),site:e.name}),"aria-current":h.site===e.name?`true`:void 0,children:e.name}),` `,u(`span`,{class:`muted`,children:[`(`,t(e.stations),`)`]})]},e.name))})]}),u(f,{error:R.error}),u(`p`,{class:`muted`,role:`status`,"data-testid":`stations-count`,"data-value":U?.totalCount,children:U?l(K?`stations.countFiltered`:`stations.count`,{n:t(U.totalCount)}):R.loading?l(`common.loading`):``}),U&&W.length===0&&u(`p`,{children:l(K?`stations.noMatch`:`stations.none`)}),W.length>0&&u(`div`,{class:`table-wrap`,children:u(`table`,{"data-testid":`stations-table`,"aria-busy":R.loading?`true`:`false`,children:[u(`caption`,{class:`sr-only`,children:l(`nav.stations`)}),u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,"aria-sort":J(`ID`)??J(`DISPLAY_NAME`),children:l(`stations.col.station`)}),u(`th`,{scope:`col`,"aria-sort":J(`SITE`),children:l(`stations.col.site`)}),u(`th`,{scope:`col`,children:l(`stations.col.connection`)}),u(`th`,{scope:`col`,children:l(`stations.col.registration`)}),u(`th`,{scope:`col`,children:l(`stations.col.connectors`)}),u(`th`,{scope:`col`,children:l(`stations.col.vendorModel`)}),u(`th`,{scope:`col`,children:l(`stations.col.firmware`)}),u(`th`,{scope:`col`,"aria-sort":J(`LAST_SEEN`),children:l(`stations.col.lastSeen`)})]})}),u(`tbody`,{children:W.map(e=>u(I,{row:e},e.id))})]})}),U&&(U.pageInfo.hasNextPage||U.pageInfo.hasPreviousPage)&&u(`div`,{class:`row`,style:{justifyContent:`flex-end`,alignItems:`center`},children:[U.pageInfo.hasPreviousPage&&u(`button`,{type:`button`,onClick:()=>g({after:``,before:``}),children:[`« `,l(`stations.firstPage`)]}),u(p,{pageInfo:U.pageInfo,onPage:({after:e,before:t})=>{g({after:e??``,before:t??``}),document.getElementById(`main`)?.scrollIntoView()}})]})]})}export{L as Stations};