import{A as e,C as t,O as n,S as r,c as i,o as a,p as o,r as s,t as c}from"./jsxRuntime-DPkzGEFM.js";import{a as l,b as u,f as d,i as f,l as p,m,n as h,o as g,r as _,s as v,t as y}from"./console-YlmL2Q8V.js";import{i as b,n as x,t as S}from"./hooks-B890TPRV.js";var C=50,w=o(`
  query SecPending($first: Int, $last: Int, $after: String, $before: String) {
    stations(registrationStatus: PENDING, first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        vendor
        model
        firmwareVersion
        connected
        firstSeenAt
        lastSeenAt
      }
    }
  }
`),T=o(`
  mutation SecApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),E=o(`
  mutation SecReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),D=o(`
  query SecProfiles($first: Int, $last: Int, $after: String, $before: String) {
    stations(first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        connected
        registrationStatus
        securityProfile
        hasAuthorizationKey
      }
    }
  }
`),O=o(`
  query SecStation($id: ID!) {
    station(id: $id) {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
`),k=o(`
  mutation SecSetProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),A=o(`
  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),j=o(`
  query SecEvents($stationId: ID!, $first: Int, $last: Int, $after: String, $before: String) {
    securityEvents(stationId: $stationId, first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        type
        timestamp
        receivedAt
        techInfo
      }
    }
  }
`),M=o(`
  subscription SecEventsLive($stationId: ID!) {
    securityEvents(stationId: $stationId) {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
`),N=o(`
  query SecCsrs($state: CsrState, $stationId: ID, $first: Int, $last: Int, $after: String, $before: String) {
    certificateSigningRequests(
      state: $state
      stationId: $stationId
      first: $first
      last: $last
      after: $after
      before: $before
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
        state
        commonName
        organization
        receivedAt
        sentAt
        answeredAt
        signedBy
        stationStatus
        reason
        csr
      }
    }
  }
`),P=o(`
  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {
      status
    }
  }
`);function F(e){return e.before?{last:C,before:e.before}:{first:C,after:e.after}}var I=[`approvals`,`profiles`,`events`,`csr`];function L(e){switch(e){case`approvals`:return u(`security.tab.approvals`);case`profiles`:return u(`security.tab.profiles`);case`events`:return u(`security.tab.events`);case`csr`:return u(`security.tab.csr`)}}function R(){let{params:e}=r(),t=I.includes(e.tab)?e.tab:`approvals`;return a.value?c(g,{title:u(`nav.security`),children:[c(`nav`,{class:`tabs`,"aria-label":u(`security.tabs`),children:I.map(e=>c(`a`,{href:`/security/${e}`,"aria-current":e===t?`page`:void 0,children:L(e)},e))}),c(`h2`,{children:L(t)}),t===`approvals`&&c(z,{}),t===`profiles`&&c(V,{}),t===`events`&&c(U,{}),t===`csr`&&c(K,{})]}):c(g,{title:u(`nav.security`),children:c(`p`,{class:`notice warn`,children:u(`security.operatorsOnly`)})})}function z(){let[t,r]=b(),i=x(w,F(t)),a=S(T),o=S(E),[s,l]=n(null),[p,m]=n(``),g=i.data?.stations,C=async e=>{l(null),o.reset(),await a.run({id:e})&&(l(u(`security.approvedOk`,{id:e})),i.reload())},D=async e=>{l(null),a.reset(),await o.run({id:e})&&(l(u(`security.rejectedOk`,{id:e})),i.reload())};return c(e,{children:[c(`p`,{class:`muted`,children:u(`security.approvalsIntro`)}),c(`p`,{role:`status`,class:s?`notice ok`:`sr-only`,children:s}),c(_,{error:i.error??a.error??o.error}),i.loading&&!g&&c(`p`,{class:`muted`,children:u(`common.loading`)}),g&&g.nodes.length===0&&c(`p`,{class:`muted`,children:u(`security.noPending`)}),g&&g.nodes.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{children:[c(`caption`,{class:`sr-only`,children:u(`security.tab.approvals`)}),c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:u(`security.station`)}),c(`th`,{scope:`col`,children:u(`security.vendorModel`)}),c(`th`,{scope:`col`,children:u(`security.firmware`)}),c(`th`,{scope:`col`,children:u(`security.connected`)}),c(`th`,{scope:`col`,children:u(`security.firstSeen`)}),c(`th`,{scope:`col`,children:c(`span`,{class:`sr-only`,children:u(`security.actions`)})})]})}),c(`tbody`,{children:g.nodes.map(e=>c(`tr`,{children:[c(`th`,{scope:`row`,children:c(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.id})}),c(`td`,{children:[e.vendor,e.model].filter(Boolean).join(` · `)||`–`}),c(`td`,{children:e.firmwareVersion??`–`}),c(`td`,{children:c(y,{value:e.connected?`ONLINE`:`OFFLINE`})}),c(`td`,{children:e.firstSeenAt?d(e.firstSeenAt):`–`}),c(`td`,{children:c(`div`,{class:`row`,children:[c(`button`,{type:`button`,class:`primary`,"aria-label":u(`security.approveOf`,{id:e.id}),disabled:a.running,onClick:()=>C(e.id),children:u(`security.approve`)}),c(h,{danger:!0,label:u(`security.rejectOf`,{id:e.id}),question:u(`security.rejectQuestion`,{id:e.id}),disabled:o.running,onConfirm:()=>D(e.id)})]})})]},e.id))})]})}),g&&c(v,{pageInfo:g.pageInfo,total:g.totalCount,onPage:e=>r({after:e.after??void 0,before:e.before??void 0})}),c(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-approve-id`,onSubmit:e=>{e.preventDefault(),p.trim()&&C(p.trim()).then(()=>m(``))},children:[c(`h3`,{id:`sec-approve-id`,style:`margin-top:0`,children:u(`security.approveById`)}),c(`p`,{class:`muted`,children:u(`security.approveByIdIntro`)}),c(`div`,{class:`row`,children:[c(f,{label:u(`security.stationId`),children:c(`input`,{name:`stationId`,required:!0,value:p,onInput:e=>m(e.currentTarget.value)})}),c(`div`,{class:`field`,children:c(`button`,{type:`submit`,disabled:a.running,children:u(`security.approveStation`)})})]})]})]})}function B(){return[...crypto.getRandomValues(new Uint8Array(20))].map(e=>e.toString(16).padStart(2,`0`)).join(``)}function V(){let[r,i]=b(),[a,o]=n(r.station??``),s=p(a.trim(),400);t(()=>{(r.station??``)!==s&&i({station:s,after:void 0,before:void 0})},[s]);let l=x(D,F(r),{skip:!!r.station}),d=x(O,{id:r.station??``},{skip:!r.station}),[m,h]=n(null),g=r.station?d.data?.station?[d.data.station]:[]:l.data?.stations.nodes??[],S=g.find(e=>e.id===m);return c(e,{children:[c(`p`,{class:`muted`,children:u(`security.profilesIntro`)}),c(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:c(f,{label:u(`security.stationId`),hint:u(`security.stationIdHint`),children:c(`input`,{name:`station`,value:a,onInput:e=>o(e.currentTarget.value)})})}),c(_,{error:r.station?d.error:l.error}),r.station&&d.data&&!d.data.station&&c(`p`,{class:`muted`,children:u(`security.noStation`)}),g.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{children:[c(`caption`,{class:`sr-only`,children:u(`security.tab.profiles`)}),c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:u(`security.station`)}),c(`th`,{scope:`col`,children:u(`security.connected`)}),c(`th`,{scope:`col`,children:u(`security.registration`)}),c(`th`,{scope:`col`,class:`num`,children:u(`security.profile`)}),c(`th`,{scope:`col`,children:u(`security.key`)}),c(`th`,{scope:`col`,children:c(`span`,{class:`sr-only`,children:u(`security.actions`)})})]})}),c(`tbody`,{children:g.map(e=>c(`tr`,{children:[c(`th`,{scope:`row`,children:c(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.id})}),c(`td`,{children:c(y,{value:e.connected?`ONLINE`:`OFFLINE`})}),c(`td`,{children:c(y,{value:e.registrationStatus})}),c(`td`,{class:`num`,children:e.securityProfile}),c(`td`,{children:e.hasAuthorizationKey?u(`security.keySet`):u(`security.keyNone`)}),c(`td`,{children:c(`button`,{type:`button`,"aria-label":u(`security.manageOf`,{id:e.id}),"aria-expanded":m===e.id,onClick:()=>h(m===e.id?null:e.id),children:u(`security.manage`)})})]},e.id))})]})}),!r.station&&l.data&&c(v,{pageInfo:l.data.stations.pageInfo,total:l.data.stations.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})}),S&&c(H,{station:S,onChanged:()=>r.station?d.reload():l.reload()},S.id)]})}function H(e){let t=e.station,[r,a]=n(String(t.securityProfile)),[o,s]=n(``),[d,p]=n(t.connected),[m,g]=n(null),v=S(k),y=S(A),b=/^[0-9a-fA-F]{32,40}$/.test(o)&&o.length%2==0;return c(`section`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-manage`,children:[c(`h3`,{id:`sec-manage`,style:`margin-top:0`,children:u(`security.manageTitle`,{id:t.id})}),c(`p`,{class:`muted`,children:[u(`security.morePrefix`),` `,c(`a`,{href:`/stations/${encodeURIComponent(t.id)}`,children:u(`security.stationPage`)})]}),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`h4`,{children:u(`security.profile`)}),c(`p`,{class:`muted`,children:u(`security.profileHelp`)}),c(`div`,{class:`row`,children:[c(f,{label:u(`security.profile`),children:c(`select`,{name:`profile`,value:r,onChange:e=>a(e.currentTarget.value),children:[0,1,2,3].map(e=>c(`option`,{value:String(e),children:e},e))})}),c(`div`,{class:`field`,children:c(h,{label:u(`security.setProfile`),question:u(`security.profileQuestion`,{id:t.id,profile:r}),disabled:!i.value||v.running||r===String(t.securityProfile),onConfirm:async()=>{await v.run({stationId:t.id,profile:Number(r)})&&e.onChanged()}})})]}),!i.value&&c(`p`,{class:`muted`,children:u(`security.profileAdminsOnly`)}),v.result&&c(`p`,{class:`notice ok`,role:`status`,children:u(`security.profileOk`,{profile:v.result.setStationSecurityProfile.securityProfile})}),c(_,{error:v.error})]}),c(`form`,{onSubmit:async n=>{if(n.preventDefault(),!b)return;let r=await y.run({stationId:t.id,key:o,sendToStation:d});r&&((r.setStationAuthorizationKey.status===null||r.setStationAuthorizationKey.status===`ACCEPTED`)&&g(o),s(``),e.onChanged())},children:[c(`h4`,{children:u(`security.key`)}),c(`p`,{class:`muted`,children:u(`security.keyHelp`)}),c(f,{label:u(`security.keyInput`),hint:u(`security.keyHint`),children:c(`input`,{name:`authorizationKey`,autocomplete:`off`,spellcheck:!1,pattern:`[0-9a-fA-F]{32,40}`,value:o,onInput:e=>s(e.currentTarget.value.trim())})}),c(`div`,{class:`row`,children:[c(`button`,{type:`button`,onClick:()=>s(B()),children:u(`security.generateKey`)}),c(`label`,{children:[c(`input`,{type:`checkbox`,checked:d,onChange:e=>p(e.currentTarget.checked)}),` `,u(`security.sendToStation`)]}),c(`button`,{type:`submit`,class:`primary`,disabled:!b||y.running,children:u(`security.setKey`)})]}),y.result&&y.result.setStationAuthorizationKey.status&&c(l,{status:y.result.setStationAuthorizationKey.status}),m&&c(`div`,{class:`notice ok`,role:`status`,children:[c(`p`,{style:`margin-top:0`,children:u(`security.keyStored`)}),c(`code`,{style:`overflow-wrap:anywhere`,children:m})]}),c(_,{error:y.error})]})]})]})}function U(){let[r,i]=b(),[a,o]=n(r.station??``),l=p(a.trim(),400);t(()=>{(r.station??``)!==l&&i({station:l,after:void 0,before:void 0})},[l]);let d=r.station??``,h=x(j,{stationId:d,...F(r)},{skip:!d}),g=!r.after&&!r.before;t(()=>{if(d)return s(M,{stationId:d},{next:e=>{g&&h.setData(t=>t&&{securityEvents:{...t.securityEvents,totalCount:t.securityEvents.totalCount+1,nodes:[e.securityEvents,...t.securityEvents.nodes.filter(t=>t.id!==e.securityEvents.id)]}})},resync:()=>h.reload()})},[d,g]);let y=h.data?.securityEvents;return c(e,{children:[c(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[c(f,{label:u(`security.stationId`),children:c(`input`,{name:`station`,value:a,onInput:e=>o(e.currentTarget.value)})}),d&&c(`span`,{class:`live-dot muted`,children:u(`common.live`)})]}),!d&&c(`p`,{class:`muted`,children:u(`security.pickStation`)}),c(_,{error:h.error}),d&&h.loading&&!y&&c(`p`,{class:`muted`,children:u(`common.loading`)}),y&&y.nodes.length===0&&c(`p`,{class:`muted`,children:u(`security.noEvents`)}),y&&y.nodes.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{children:[c(`caption`,{class:`sr-only`,children:u(`security.eventsOf`,{id:d})}),c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:u(`security.when`)}),c(`th`,{scope:`col`,children:u(`security.type`)}),c(`th`,{scope:`col`,children:u(`security.techInfo`)}),c(`th`,{scope:`col`,children:u(`security.received`)})]})}),c(`tbody`,{"aria-live":`polite`,children:y.nodes.map(e=>c(`tr`,{children:[c(`td`,{children:m(e.timestamp)}),c(`th`,{scope:`row`,children:e.type}),c(`td`,{children:e.techInfo??`–`}),c(`td`,{children:m(e.receivedAt)})]},e.id))})]})}),y&&c(v,{pageInfo:y.pageInfo,total:y.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})})]})}var W=[`PENDING`,`ACCEPTED`,`CERTIFICATE_REJECTED`,`REJECTED`];function G(e){return e?{PENDING:u(`security.csr.PENDING`),ACCEPTED:u(`security.csr.ACCEPTED`),CERTIFICATE_REJECTED:u(`security.csr.CERTIFICATE_REJECTED`),REJECTED:u(`security.csr.REJECTED`)}[e]??e:`–`}function K(){let[r,i]=b(),[a,o]=n(r.station??``),s=p(a.trim(),400);t(()=>{(r.station??``)!==s&&i({station:s,after:void 0,before:void 0})},[s]);let l=x(N,{state:r.state||void 0,stationId:r.station||void 0,...F(r)}),[d,h]=n(null),g=l.data?.certificateSigningRequests,S=g?.nodes.find(e=>e.id===d);return c(e,{children:[c(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[c(f,{label:u(`security.csrState`),children:c(`select`,{name:`state`,value:r.state??``,onChange:e=>i({state:e.currentTarget.value||void 0,after:void 0,before:void 0}),children:[c(`option`,{value:``,children:u(`common.all`)}),W.map(e=>c(`option`,{value:e,children:G(e)},e))]})}),c(f,{label:u(`security.stationId`),children:c(`input`,{name:`station`,value:a,onInput:e=>o(e.currentTarget.value)})})]}),c(_,{error:l.error}),l.loading&&!g&&c(`p`,{class:`muted`,children:u(`common.loading`)}),g&&g.nodes.length===0&&c(`p`,{class:`muted`,children:u(`security.noCsrs`)}),g&&g.nodes.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{children:[c(`caption`,{class:`sr-only`,children:u(`security.tab.csr`)}),c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:u(`security.csrId`)}),c(`th`,{scope:`col`,children:u(`security.station`)}),c(`th`,{scope:`col`,children:u(`security.csrState`)}),c(`th`,{scope:`col`,children:u(`security.subject`)}),c(`th`,{scope:`col`,children:u(`security.received`)}),c(`th`,{scope:`col`,children:u(`security.answer`)}),c(`th`,{scope:`col`,children:c(`span`,{class:`sr-only`,children:u(`security.actions`)})})]})}),c(`tbody`,{children:g.nodes.map(e=>c(`tr`,{children:[c(`th`,{scope:`row`,children:e.id}),c(`td`,{children:c(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId})}),c(`td`,{children:[c(`span`,{class:`badge s-${(e.state??``).toLowerCase().replace(`certificate_`,``)}`,children:G(e.state)}),e.reason&&c(`div`,{class:`muted`,children:e.reason})]}),c(`td`,{children:[e.commonName,e.organization].filter(Boolean).join(` · `)||`–`}),c(`td`,{children:m(e.receivedAt)}),c(`td`,{children:[e.stationStatus?c(y,{value:e.stationStatus}):`–`,e.signedBy&&c(`div`,{class:`muted`,children:u(`security.signedBy`,{who:e.signedBy})})]}),c(`td`,{children:e.state===`PENDING`&&c(`button`,{type:`button`,"aria-label":u(`security.signOf`,{id:e.id}),"aria-expanded":d===e.id,onClick:()=>h(d===e.id?null:e.id),children:u(`security.sign`)})})]},e.id))})]})}),g&&c(v,{pageInfo:g.pageInfo,total:g.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})}),S&&c(q,{csr:S,onSent:()=>l.reload()},S.id)]})}function q(e){let[t,r]=n(``),i=S(P);return c(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-sign`,onSubmit:async n=>{n.preventDefault(),await i.run({stationId:e.csr.stationId,requestId:e.csr.id,certificateChain:t})&&e.onSent()},children:[c(`h3`,{id:`sec-sign`,style:`margin-top:0`,children:u(`security.signTitle`,{id:e.csr.id,station:e.csr.stationId})}),c(`details`,{children:[c(`summary`,{children:u(`security.showCsr`)}),c(`pre`,{children:e.csr.csr})]}),c(f,{label:u(`security.chain`),hint:u(`security.chainHint`),children:c(`textarea`,{name:`certificateChain`,rows:10,required:!0,spellcheck:!1,value:t,onInput:e=>r(e.currentTarget.value),placeholder:`-----BEGIN CERTIFICATE-----`})}),c(`button`,{type:`submit`,class:`primary`,disabled:i.running||!t.includes(`BEGIN CERTIFICATE`),children:u(`security.sendChain`)}),i.result&&c(l,{status:i.result.certificateSigned.status}),c(_,{error:i.error})]})}export{R as Security};