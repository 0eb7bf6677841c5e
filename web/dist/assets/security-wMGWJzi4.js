import{I as e,M as t,N as n,O as r,R as i,S as a,a as o,b as s,c,d as l,g as u,h as d,i as f,l as p,m,n as h,o as g,r as _,s as v,t as y}from"./console-dnHmEbU-.js";import{i as b,n as x,t as S}from"./hooks-CAskQRee.js";var C=50,w=m(`
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
`),T=m(`
  mutation SecApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),E=m(`
  mutation SecReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),D=m(`
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
`),O=m(`
  query SecStation($id: ID!) {
    station(id: $id) {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
`),k=m(`
  mutation SecSetProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),A=m(`
  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),j=m(`
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
`),M=m(`
  subscription SecEventsLive($stationId: ID!) {
    securityEvents(stationId: $stationId) {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
`),N=m(`
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
`),P=m(`
  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {
      status
    }
  }
`);function F(e){return e.before?{last:C,before:e.before}:{first:C,after:e.after}}var I=[`approvals`,`profiles`,`events`,`csr`];function L(e){switch(e){case`approvals`:return r(`security.tab.approvals`);case`profiles`:return r(`security.tab.profiles`);case`events`:return r(`security.tab.events`);case`csr`:return r(`security.tab.csr`)}}function R(){let{params:e}=t(),n=I.includes(e.tab)?e.tab:`approvals`;return d.value?p(g,{title:r(`nav.security`),children:[p(`nav`,{class:`tabs`,"aria-label":r(`security.tabs`),children:I.map(e=>p(`a`,{href:`/security/${e}`,"aria-current":e===n?`page`:void 0,children:L(e)},e))}),p(`h2`,{children:L(n)}),n===`approvals`&&p(z,{}),n===`profiles`&&p(V,{}),n===`events`&&p(U,{}),n===`csr`&&p(K,{})]}):p(g,{title:r(`nav.security`),children:p(`p`,{class:`notice warn`,children:r(`security.operatorsOnly`)})})}function z(){let[t,n]=b(),a=x(w,F(t)),o=S(T),c=S(E),[l,u]=e(null),[d,m]=e(``),g=a.data?.stations,C=async e=>{u(null),c.reset(),await o.run({id:e})&&(u(r(`security.approvedOk`,{id:e})),a.reload())},D=async e=>{u(null),o.reset(),await c.run({id:e})&&(u(r(`security.rejectedOk`,{id:e})),a.reload())};return p(i,{children:[p(`p`,{class:`muted`,children:r(`security.approvalsIntro`)}),p(`p`,{role:`status`,class:l?`notice ok`:`sr-only`,children:l}),p(_,{error:a.error??o.error??c.error}),a.loading&&!g&&p(`p`,{class:`muted`,children:r(`common.loading`)}),g&&g.nodes.length===0&&p(`p`,{class:`muted`,children:r(`security.noPending`)}),g&&g.nodes.length>0&&p(`div`,{class:`table-wrap`,children:p(`table`,{children:[p(`caption`,{class:`sr-only`,children:r(`security.tab.approvals`)}),p(`thead`,{children:p(`tr`,{children:[p(`th`,{scope:`col`,children:r(`security.station`)}),p(`th`,{scope:`col`,children:r(`security.vendorModel`)}),p(`th`,{scope:`col`,children:r(`security.firmware`)}),p(`th`,{scope:`col`,children:r(`security.connected`)}),p(`th`,{scope:`col`,children:r(`security.firstSeen`)}),p(`th`,{scope:`col`,children:p(`span`,{class:`sr-only`,children:r(`security.actions`)})})]})}),p(`tbody`,{children:g.nodes.map(e=>p(`tr`,{children:[p(`th`,{scope:`row`,children:p(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.id})}),p(`td`,{children:[e.vendor,e.model].filter(Boolean).join(` · `)||`–`}),p(`td`,{children:e.firmwareVersion??`–`}),p(`td`,{children:p(y,{value:e.connected?`ONLINE`:`OFFLINE`})}),p(`td`,{children:e.firstSeenAt?s(e.firstSeenAt):`–`}),p(`td`,{children:p(`div`,{class:`row`,children:[p(`button`,{type:`button`,class:`primary`,"aria-label":r(`security.approveOf`,{id:e.id}),disabled:o.running,onClick:()=>C(e.id),children:r(`security.approve`)}),p(h,{danger:!0,label:r(`security.rejectOf`,{id:e.id}),question:r(`security.rejectQuestion`,{id:e.id}),disabled:c.running,onConfirm:()=>D(e.id)})]})})]},e.id))})]})}),g&&p(v,{pageInfo:g.pageInfo,total:g.totalCount,onPage:e=>n({after:e.after??void 0,before:e.before??void 0})}),p(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-approve-id`,onSubmit:e=>{e.preventDefault(),d.trim()&&C(d.trim()).then(()=>m(``))},children:[p(`h3`,{id:`sec-approve-id`,style:`margin-top:0`,children:r(`security.approveById`)}),p(`p`,{class:`muted`,children:r(`security.approveByIdIntro`)}),p(`div`,{class:`row`,children:[p(f,{label:r(`security.stationId`),children:p(`input`,{name:`stationId`,required:!0,value:d,onInput:e=>m(e.currentTarget.value)})}),p(`div`,{class:`field`,children:p(`button`,{type:`submit`,disabled:o.running,children:r(`security.approveStation`)})})]})]})]})}function B(){return[...crypto.getRandomValues(new Uint8Array(20))].map(e=>e.toString(16).padStart(2,`0`)).join(``)}function V(){let[t,a]=b(),[o,s]=e(t.station??``),l=c(o.trim(),400);n(()=>{(t.station??``)!==l&&a({station:l,after:void 0,before:void 0})},[l]);let u=x(D,F(t),{skip:!!t.station}),d=x(O,{id:t.station??``},{skip:!t.station}),[m,h]=e(null),g=t.station?d.data?.station?[d.data.station]:[]:u.data?.stations.nodes??[],S=g.find(e=>e.id===m);return p(i,{children:[p(`p`,{class:`muted`,children:r(`security.profilesIntro`)}),p(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:p(f,{label:r(`security.stationId`),hint:r(`security.stationIdHint`),children:p(`input`,{name:`station`,value:o,onInput:e=>s(e.currentTarget.value)})})}),p(_,{error:t.station?d.error:u.error}),t.station&&d.data&&!d.data.station&&p(`p`,{class:`muted`,children:r(`security.noStation`)}),g.length>0&&p(`div`,{class:`table-wrap`,children:p(`table`,{children:[p(`caption`,{class:`sr-only`,children:r(`security.tab.profiles`)}),p(`thead`,{children:p(`tr`,{children:[p(`th`,{scope:`col`,children:r(`security.station`)}),p(`th`,{scope:`col`,children:r(`security.connected`)}),p(`th`,{scope:`col`,children:r(`security.registration`)}),p(`th`,{scope:`col`,class:`num`,children:r(`security.profile`)}),p(`th`,{scope:`col`,children:r(`security.key`)}),p(`th`,{scope:`col`,children:p(`span`,{class:`sr-only`,children:r(`security.actions`)})})]})}),p(`tbody`,{children:g.map(e=>p(`tr`,{children:[p(`th`,{scope:`row`,children:p(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.id})}),p(`td`,{children:p(y,{value:e.connected?`ONLINE`:`OFFLINE`})}),p(`td`,{children:p(y,{value:e.registrationStatus})}),p(`td`,{class:`num`,children:e.securityProfile}),p(`td`,{children:e.hasAuthorizationKey?r(`security.keySet`):r(`security.keyNone`)}),p(`td`,{children:p(`button`,{type:`button`,"aria-label":r(`security.manageOf`,{id:e.id}),"aria-expanded":m===e.id,onClick:()=>h(m===e.id?null:e.id),children:r(`security.manage`)})})]},e.id))})]})}),!t.station&&u.data&&p(v,{pageInfo:u.data.stations.pageInfo,total:u.data.stations.totalCount,onPage:e=>a({after:e.after??void 0,before:e.before??void 0})}),S&&p(H,{station:S,onChanged:()=>t.station?d.reload():u.reload()},S.id)]})}function H(t){let n=t.station,[i,a]=e(String(n.securityProfile)),[s,c]=e(``),[l,d]=e(n.connected),[m,g]=e(null),v=S(k),y=S(A),b=/^[0-9a-fA-F]{32,40}$/.test(s)&&s.length%2==0;return p(`section`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-manage`,children:[p(`h3`,{id:`sec-manage`,style:`margin-top:0`,children:r(`security.manageTitle`,{id:n.id})}),p(`p`,{class:`muted`,children:[r(`security.morePrefix`),` `,p(`a`,{href:`/stations/${encodeURIComponent(n.id)}`,children:r(`security.stationPage`)})]}),p(`div`,{class:`grid2`,children:[p(`div`,{children:[p(`h4`,{children:r(`security.profile`)}),p(`p`,{class:`muted`,children:r(`security.profileHelp`)}),p(`div`,{class:`row`,children:[p(f,{label:r(`security.profile`),children:p(`select`,{name:`profile`,value:i,onChange:e=>a(e.currentTarget.value),children:[0,1,2,3].map(e=>p(`option`,{value:String(e),children:e},e))})}),p(`div`,{class:`field`,children:p(h,{label:r(`security.setProfile`),question:r(`security.profileQuestion`,{id:n.id,profile:i}),disabled:!u.value||v.running||i===String(n.securityProfile),onConfirm:async()=>{await v.run({stationId:n.id,profile:Number(i)})&&t.onChanged()}})})]}),!u.value&&p(`p`,{class:`muted`,children:r(`security.profileAdminsOnly`)}),v.result&&p(`p`,{class:`notice ok`,role:`status`,children:r(`security.profileOk`,{profile:v.result.setStationSecurityProfile.securityProfile})}),p(_,{error:v.error})]}),p(`form`,{onSubmit:async e=>{if(e.preventDefault(),!b)return;let r=await y.run({stationId:n.id,key:s,sendToStation:l});r&&((r.setStationAuthorizationKey.status===null||r.setStationAuthorizationKey.status===`ACCEPTED`)&&g(s),c(``),t.onChanged())},children:[p(`h4`,{children:r(`security.key`)}),p(`p`,{class:`muted`,children:r(`security.keyHelp`)}),p(f,{label:r(`security.keyInput`),hint:r(`security.keyHint`),children:p(`input`,{name:`authorizationKey`,autocomplete:`off`,spellcheck:!1,pattern:`[0-9a-fA-F]{32,40}`,value:s,onInput:e=>c(e.currentTarget.value.trim())})}),p(`div`,{class:`row`,children:[p(`button`,{type:`button`,onClick:()=>c(B()),children:r(`security.generateKey`)}),p(`label`,{children:[p(`input`,{type:`checkbox`,checked:l,onChange:e=>d(e.currentTarget.checked)}),` `,r(`security.sendToStation`)]}),p(`button`,{type:`submit`,class:`primary`,disabled:!b||y.running,children:r(`security.setKey`)})]}),y.result&&y.result.setStationAuthorizationKey.status&&p(o,{status:y.result.setStationAuthorizationKey.status}),m&&p(`div`,{class:`notice ok`,role:`status`,children:[p(`p`,{style:`margin-top:0`,children:r(`security.keyStored`)}),p(`code`,{style:`overflow-wrap:anywhere`,children:m})]}),p(_,{error:y.error})]})]})]})}function U(){let[t,o]=b(),[s,u]=e(t.station??``),d=c(s.trim(),400);n(()=>{(t.station??``)!==d&&o({station:d,after:void 0,before:void 0})},[d]);let m=t.station??``,h=x(j,{stationId:m,...F(t)},{skip:!m}),g=!t.after&&!t.before;n(()=>{if(m)return l(M,{stationId:m},{next:e=>{g&&h.setData(t=>t&&{securityEvents:{...t.securityEvents,totalCount:t.securityEvents.totalCount+1,nodes:[e.securityEvents,...t.securityEvents.nodes.filter(t=>t.id!==e.securityEvents.id)]}})},resync:()=>h.reload()})},[m,g]);let y=h.data?.securityEvents;return p(i,{children:[p(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[p(f,{label:r(`security.stationId`),children:p(`input`,{name:`station`,value:s,onInput:e=>u(e.currentTarget.value)})}),m&&p(`span`,{class:`live-dot muted`,children:r(`common.live`)})]}),!m&&p(`p`,{class:`muted`,children:r(`security.pickStation`)}),p(_,{error:h.error}),m&&h.loading&&!y&&p(`p`,{class:`muted`,children:r(`common.loading`)}),y&&y.nodes.length===0&&p(`p`,{class:`muted`,children:r(`security.noEvents`)}),y&&y.nodes.length>0&&p(`div`,{class:`table-wrap`,children:p(`table`,{children:[p(`caption`,{class:`sr-only`,children:r(`security.eventsOf`,{id:m})}),p(`thead`,{children:p(`tr`,{children:[p(`th`,{scope:`col`,children:r(`security.when`)}),p(`th`,{scope:`col`,children:r(`security.type`)}),p(`th`,{scope:`col`,children:r(`security.techInfo`)}),p(`th`,{scope:`col`,children:r(`security.received`)})]})}),p(`tbody`,{"aria-live":`polite`,children:y.nodes.map(e=>p(`tr`,{children:[p(`td`,{children:a(e.timestamp)}),p(`th`,{scope:`row`,children:e.type}),p(`td`,{children:e.techInfo??`–`}),p(`td`,{children:a(e.receivedAt)})]},e.id))})]})}),y&&p(v,{pageInfo:y.pageInfo,total:y.totalCount,onPage:e=>o({after:e.after??void 0,before:e.before??void 0})})]})}var W=[`PENDING`,`ACCEPTED`,`CERTIFICATE_REJECTED`,`REJECTED`];function G(e){return e?{PENDING:r(`security.csr.PENDING`),ACCEPTED:r(`security.csr.ACCEPTED`),CERTIFICATE_REJECTED:r(`security.csr.CERTIFICATE_REJECTED`),REJECTED:r(`security.csr.REJECTED`)}[e]??e:`–`}function K(){let[t,o]=b(),[s,l]=e(t.station??``),u=c(s.trim(),400);n(()=>{(t.station??``)!==u&&o({station:u,after:void 0,before:void 0})},[u]);let d=x(N,{state:t.state||void 0,stationId:t.station||void 0,...F(t)}),[m,h]=e(null),g=d.data?.certificateSigningRequests,S=g?.nodes.find(e=>e.id===m);return p(i,{children:[p(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[p(f,{label:r(`security.csrState`),children:p(`select`,{name:`state`,value:t.state??``,onChange:e=>o({state:e.currentTarget.value||void 0,after:void 0,before:void 0}),children:[p(`option`,{value:``,children:r(`common.all`)}),W.map(e=>p(`option`,{value:e,children:G(e)},e))]})}),p(f,{label:r(`security.stationId`),children:p(`input`,{name:`station`,value:s,onInput:e=>l(e.currentTarget.value)})})]}),p(_,{error:d.error}),d.loading&&!g&&p(`p`,{class:`muted`,children:r(`common.loading`)}),g&&g.nodes.length===0&&p(`p`,{class:`muted`,children:r(`security.noCsrs`)}),g&&g.nodes.length>0&&p(`div`,{class:`table-wrap`,children:p(`table`,{children:[p(`caption`,{class:`sr-only`,children:r(`security.tab.csr`)}),p(`thead`,{children:p(`tr`,{children:[p(`th`,{scope:`col`,children:r(`security.csrId`)}),p(`th`,{scope:`col`,children:r(`security.station`)}),p(`th`,{scope:`col`,children:r(`security.csrState`)}),p(`th`,{scope:`col`,children:r(`security.subject`)}),p(`th`,{scope:`col`,children:r(`security.received`)}),p(`th`,{scope:`col`,children:r(`security.answer`)}),p(`th`,{scope:`col`,children:p(`span`,{class:`sr-only`,children:r(`security.actions`)})})]})}),p(`tbody`,{children:g.nodes.map(e=>p(`tr`,{children:[p(`th`,{scope:`row`,children:e.id}),p(`td`,{children:p(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId})}),p(`td`,{children:[p(`span`,{class:`badge s-${(e.state??``).toLowerCase().replace(`certificate_`,``)}`,children:G(e.state)}),e.reason&&p(`div`,{class:`muted`,children:e.reason})]}),p(`td`,{children:[e.commonName,e.organization].filter(Boolean).join(` · `)||`–`}),p(`td`,{children:a(e.receivedAt)}),p(`td`,{children:[e.stationStatus?p(y,{value:e.stationStatus}):`–`,e.signedBy&&p(`div`,{class:`muted`,children:r(`security.signedBy`,{who:e.signedBy})})]}),p(`td`,{children:e.state===`PENDING`&&p(`button`,{type:`button`,"aria-label":r(`security.signOf`,{id:e.id}),"aria-expanded":m===e.id,onClick:()=>h(m===e.id?null:e.id),children:r(`security.sign`)})})]},e.id))})]})}),g&&p(v,{pageInfo:g.pageInfo,total:g.totalCount,onPage:e=>o({after:e.after??void 0,before:e.before??void 0})}),S&&p(q,{csr:S,onSent:()=>d.reload()},S.id)]})}function q(t){let[n,i]=e(``),a=S(P);return p(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-sign`,onSubmit:async e=>{e.preventDefault(),await a.run({stationId:t.csr.stationId,requestId:t.csr.id,certificateChain:n})&&t.onSent()},children:[p(`h3`,{id:`sec-sign`,style:`margin-top:0`,children:r(`security.signTitle`,{id:t.csr.id,station:t.csr.stationId})}),p(`details`,{children:[p(`summary`,{children:r(`security.showCsr`)}),p(`pre`,{children:t.csr.csr})]}),p(f,{label:r(`security.chain`),hint:r(`security.chainHint`),children:p(`textarea`,{name:`certificateChain`,rows:10,required:!0,spellcheck:!1,value:n,onInput:e=>i(e.currentTarget.value),placeholder:`-----BEGIN CERTIFICATE-----`})}),p(`button`,{type:`submit`,class:`primary`,disabled:a.running||!n.includes(`BEGIN CERTIFICATE`),children:r(`security.sendChain`)}),a.result&&p(o,{status:a.result.certificateSigned.status}),p(_,{error:a.error})]})}export{R as Security};