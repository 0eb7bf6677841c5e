import{C as e,L as t,N as n,P as r,a as i,c as a,f as o,g as s,h as c,i as l,k as u,l as d,n as f,o as p,r as m,s as h,t as g,x as _,y as v,z as y}from"./console-NpAu_WoJ.js";import{i as b,n as x,t as S}from"./hooks-X1fviBlp.js";var C=50,w=v(`
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
`),T=v(`
  mutation SecApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),E=v(`
  mutation SecReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),D=v(`
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
`),O=v(`
  query SecStation($id: ID!) {
    station(id: $id) {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
`),k=v(`
  mutation SecSetProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),A=v(`
  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),j=v(`
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
`),M=v(`
  subscription SecEventsLive($stationId: ID!) {
    securityEvents(stationId: $stationId) {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
`),N=v(`
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
`),P=v(`
  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {
      status
    }
  }
`);function F(e){return e.before?{last:C,before:e.before}:{first:C,after:e.after}}var I=[`approvals`,`profiles`,`events`,`csr`];function L(e){switch(e){case`approvals`:return u(`security.tab.approvals`);case`profiles`:return u(`security.tab.profiles`);case`events`:return u(`security.tab.events`);case`csr`:return u(`security.tab.csr`)}}function R(){let{params:e}=n(),t=I.includes(e.tab)?e.tab:`approvals`;return c.value?d(p,{title:u(`nav.security`),children:[d(`nav`,{class:`tabs`,"aria-label":u(`security.tabs`),children:I.map(e=>d(`a`,{href:`/security/${e}`,"aria-current":e===t?`page`:void 0,children:L(e)},e))}),d(`h2`,{children:L(t)}),t===`approvals`&&d(z,{}),t===`profiles`&&d(V,{}),t===`events`&&d(U,{}),t===`csr`&&d(K,{})]}):d(p,{title:u(`nav.security`),children:d(`p`,{class:`notice warn`,children:u(`security.operatorsOnly`)})})}function z(){let[e,n]=b(),r=x(w,F(e)),i=S(T),a=S(E),[o,s]=t(null),[c,p]=t(``),v=r.data?.stations,C=async e=>{s(null),a.reset(),await i.run({id:e})&&(s(u(`security.approvedOk`,{id:e})),r.reload())},D=async e=>{s(null),i.reset(),await a.run({id:e})&&(s(u(`security.rejectedOk`,{id:e})),r.reload())};return d(y,{children:[d(`p`,{class:`muted`,children:u(`security.approvalsIntro`)}),d(`p`,{role:`status`,class:o?`notice ok`:`sr-only`,children:o}),d(m,{error:r.error??i.error??a.error}),r.loading&&!v&&d(`p`,{class:`muted`,children:u(`common.loading`)}),v&&v.nodes.length===0&&d(`p`,{class:`muted`,children:u(`security.noPending`)}),v&&v.nodes.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:u(`security.tab.approvals`)}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:u(`security.station`)}),d(`th`,{scope:`col`,children:u(`security.vendorModel`)}),d(`th`,{scope:`col`,children:u(`security.firmware`)}),d(`th`,{scope:`col`,children:u(`security.connected`)}),d(`th`,{scope:`col`,children:u(`security.firstSeen`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:u(`security.actions`)})})]})}),d(`tbody`,{children:v.nodes.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:d(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.id})}),d(`td`,{children:[e.vendor,e.model].filter(Boolean).join(` · `)||`–`}),d(`td`,{children:e.firmwareVersion??`–`}),d(`td`,{children:d(g,{value:e.connected?`ONLINE`:`OFFLINE`})}),d(`td`,{children:e.firstSeenAt?_(e.firstSeenAt):`–`}),d(`td`,{children:d(`div`,{class:`row`,children:[d(`button`,{type:`button`,class:`primary`,"aria-label":u(`security.approveOf`,{id:e.id}),disabled:i.running,onClick:()=>C(e.id),children:u(`security.approve`)}),d(f,{danger:!0,label:u(`security.rejectOf`,{id:e.id}),question:u(`security.rejectQuestion`,{id:e.id}),disabled:a.running,onConfirm:()=>D(e.id)})]})})]},e.id))})]})}),v&&d(h,{pageInfo:v.pageInfo,total:v.totalCount,onPage:e=>n({after:e.after??void 0,before:e.before??void 0})}),d(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-approve-id`,onSubmit:e=>{e.preventDefault(),c.trim()&&C(c.trim()).then(()=>p(``))},children:[d(`h3`,{id:`sec-approve-id`,style:`margin-top:0`,children:u(`security.approveById`)}),d(`p`,{class:`muted`,children:u(`security.approveByIdIntro`)}),d(`div`,{class:`row`,children:[d(l,{label:u(`security.stationId`),children:d(`input`,{name:`stationId`,required:!0,value:c,onInput:e=>p(e.currentTarget.value)})}),d(`div`,{class:`field`,children:d(`button`,{type:`submit`,disabled:i.running,children:u(`security.approveStation`)})})]})]})]})}function B(){return[...crypto.getRandomValues(new Uint8Array(20))].map(e=>e.toString(16).padStart(2,`0`)).join(``)}function V(){let[e,n]=b(),[i,o]=t(e.station??``),s=a(i.trim(),400);r(()=>{(e.station??``)!==s&&n({station:s,after:void 0,before:void 0})},[s]);let c=x(D,F(e),{skip:!!e.station}),f=x(O,{id:e.station??``},{skip:!e.station}),[p,_]=t(null),v=e.station?f.data?.station?[f.data.station]:[]:c.data?.stations.nodes??[],S=v.find(e=>e.id===p);return d(y,{children:[d(`p`,{class:`muted`,children:u(`security.profilesIntro`)}),d(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:d(l,{label:u(`security.stationId`),hint:u(`security.stationIdHint`),children:d(`input`,{name:`station`,value:i,onInput:e=>o(e.currentTarget.value)})})}),d(m,{error:e.station?f.error:c.error}),e.station&&f.data&&!f.data.station&&d(`p`,{class:`muted`,children:u(`security.noStation`)}),v.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:u(`security.tab.profiles`)}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:u(`security.station`)}),d(`th`,{scope:`col`,children:u(`security.connected`)}),d(`th`,{scope:`col`,children:u(`security.registration`)}),d(`th`,{scope:`col`,class:`num`,children:u(`security.profile`)}),d(`th`,{scope:`col`,children:u(`security.key`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:u(`security.actions`)})})]})}),d(`tbody`,{children:v.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:d(`a`,{href:`/stations/${encodeURIComponent(e.id)}`,children:e.id})}),d(`td`,{children:d(g,{value:e.connected?`ONLINE`:`OFFLINE`})}),d(`td`,{children:d(g,{value:e.registrationStatus})}),d(`td`,{class:`num`,children:e.securityProfile}),d(`td`,{children:e.hasAuthorizationKey?u(`security.keySet`):u(`security.keyNone`)}),d(`td`,{children:d(`button`,{type:`button`,"aria-label":u(`security.manageOf`,{id:e.id}),"aria-expanded":p===e.id,onClick:()=>_(p===e.id?null:e.id),children:u(`security.manage`)})})]},e.id))})]})}),!e.station&&c.data&&d(h,{pageInfo:c.data.stations.pageInfo,total:c.data.stations.totalCount,onPage:e=>n({after:e.after??void 0,before:e.before??void 0})}),S&&d(H,{station:S,onChanged:()=>e.station?f.reload():c.reload()},S.id)]})}function H(e){let n=e.station,[r,a]=t(String(n.securityProfile)),[o,c]=t(``),[p,h]=t(n.connected),[g,_]=t(null),v=S(k),y=S(A),b=/^[0-9a-fA-F]{32,40}$/.test(o)&&o.length%2==0;return d(`section`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-manage`,children:[d(`h3`,{id:`sec-manage`,style:`margin-top:0`,children:u(`security.manageTitle`,{id:n.id})}),d(`p`,{class:`muted`,children:[u(`security.morePrefix`),` `,d(`a`,{href:`/stations/${encodeURIComponent(n.id)}`,children:u(`security.stationPage`)})]}),d(`div`,{class:`grid2`,children:[d(`div`,{children:[d(`h4`,{children:u(`security.profile`)}),d(`p`,{class:`muted`,children:u(`security.profileHelp`)}),d(`div`,{class:`row`,children:[d(l,{label:u(`security.profile`),children:d(`select`,{name:`profile`,value:r,onChange:e=>a(e.currentTarget.value),children:[0,1,2,3].map(e=>d(`option`,{value:String(e),children:e},e))})}),d(`div`,{class:`field`,children:d(f,{label:u(`security.setProfile`),question:u(`security.profileQuestion`,{id:n.id,profile:r}),disabled:!s.value||v.running||r===String(n.securityProfile),onConfirm:async()=>{await v.run({stationId:n.id,profile:Number(r)})&&e.onChanged()}})})]}),!s.value&&d(`p`,{class:`muted`,children:u(`security.profileAdminsOnly`)}),v.result&&d(`p`,{class:`notice ok`,role:`status`,children:u(`security.profileOk`,{profile:v.result.setStationSecurityProfile.securityProfile})}),d(m,{error:v.error})]}),d(`form`,{onSubmit:async t=>{if(t.preventDefault(),!b)return;let r=await y.run({stationId:n.id,key:o,sendToStation:p});r&&((r.setStationAuthorizationKey.status===null||r.setStationAuthorizationKey.status===`ACCEPTED`)&&_(o),c(``),e.onChanged())},children:[d(`h4`,{children:u(`security.key`)}),d(`p`,{class:`muted`,children:u(`security.keyHelp`)}),d(l,{label:u(`security.keyInput`),hint:u(`security.keyHint`),children:d(`input`,{name:`authorizationKey`,autocomplete:`off`,spellcheck:!1,pattern:`[0-9a-fA-F]{32,40}`,value:o,onInput:e=>c(e.currentTarget.value.trim())})}),d(`div`,{class:`row`,children:[d(`button`,{type:`button`,onClick:()=>c(B()),children:u(`security.generateKey`)}),d(`label`,{children:[d(`input`,{type:`checkbox`,checked:p,onChange:e=>h(e.currentTarget.checked)}),` `,u(`security.sendToStation`)]}),d(`button`,{type:`submit`,class:`primary`,disabled:!b||y.running,children:u(`security.setKey`)})]}),y.result&&y.result.setStationAuthorizationKey.status&&d(i,{status:y.result.setStationAuthorizationKey.status}),g&&d(`div`,{class:`notice ok`,role:`status`,children:[d(`p`,{style:`margin-top:0`,children:u(`security.keyStored`)}),d(`code`,{style:`overflow-wrap:anywhere`,children:g})]}),d(m,{error:y.error})]})]})]})}function U(){let[n,i]=b(),[s,c]=t(n.station??``),f=a(s.trim(),400);r(()=>{(n.station??``)!==f&&i({station:f,after:void 0,before:void 0})},[f]);let p=n.station??``,g=x(j,{stationId:p,...F(n)},{skip:!p}),_=!n.after&&!n.before;r(()=>{if(p)return o(M,{stationId:p},{next:e=>{_&&g.setData(t=>t&&{securityEvents:{...t.securityEvents,totalCount:t.securityEvents.totalCount+1,nodes:[e.securityEvents,...t.securityEvents.nodes.filter(t=>t.id!==e.securityEvents.id)]}})},resync:()=>g.reload()})},[p,_]);let v=g.data?.securityEvents;return d(y,{children:[d(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[d(l,{label:u(`security.stationId`),children:d(`input`,{name:`station`,value:s,onInput:e=>c(e.currentTarget.value)})}),p&&d(`span`,{class:`live-dot muted`,children:u(`common.live`)})]}),!p&&d(`p`,{class:`muted`,children:u(`security.pickStation`)}),d(m,{error:g.error}),p&&g.loading&&!v&&d(`p`,{class:`muted`,children:u(`common.loading`)}),v&&v.nodes.length===0&&d(`p`,{class:`muted`,children:u(`security.noEvents`)}),v&&v.nodes.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:u(`security.eventsOf`,{id:p})}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:u(`security.when`)}),d(`th`,{scope:`col`,children:u(`security.type`)}),d(`th`,{scope:`col`,children:u(`security.techInfo`)}),d(`th`,{scope:`col`,children:u(`security.received`)})]})}),d(`tbody`,{"aria-live":`polite`,children:v.nodes.map(t=>d(`tr`,{children:[d(`td`,{children:e(t.timestamp)}),d(`th`,{scope:`row`,children:t.type}),d(`td`,{children:t.techInfo??`–`}),d(`td`,{children:e(t.receivedAt)})]},t.id))})]})}),v&&d(h,{pageInfo:v.pageInfo,total:v.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})})]})}var W=[`PENDING`,`ACCEPTED`,`CERTIFICATE_REJECTED`,`REJECTED`];function G(e){return e?{PENDING:u(`security.csr.PENDING`),ACCEPTED:u(`security.csr.ACCEPTED`),CERTIFICATE_REJECTED:u(`security.csr.CERTIFICATE_REJECTED`),REJECTED:u(`security.csr.REJECTED`)}[e]??e:`–`}function K(){let[n,i]=b(),[o,s]=t(n.station??``),c=a(o.trim(),400);r(()=>{(n.station??``)!==c&&i({station:c,after:void 0,before:void 0})},[c]);let f=x(N,{state:n.state||void 0,stationId:n.station||void 0,...F(n)}),[p,_]=t(null),v=f.data?.certificateSigningRequests,S=v?.nodes.find(e=>e.id===p);return d(y,{children:[d(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[d(l,{label:u(`security.csrState`),children:d(`select`,{name:`state`,value:n.state??``,onChange:e=>i({state:e.currentTarget.value||void 0,after:void 0,before:void 0}),children:[d(`option`,{value:``,children:u(`common.all`)}),W.map(e=>d(`option`,{value:e,children:G(e)},e))]})}),d(l,{label:u(`security.stationId`),children:d(`input`,{name:`station`,value:o,onInput:e=>s(e.currentTarget.value)})})]}),d(m,{error:f.error}),f.loading&&!v&&d(`p`,{class:`muted`,children:u(`common.loading`)}),v&&v.nodes.length===0&&d(`p`,{class:`muted`,children:u(`security.noCsrs`)}),v&&v.nodes.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:u(`security.tab.csr`)}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:u(`security.csrId`)}),d(`th`,{scope:`col`,children:u(`security.station`)}),d(`th`,{scope:`col`,children:u(`security.csrState`)}),d(`th`,{scope:`col`,children:u(`security.subject`)}),d(`th`,{scope:`col`,children:u(`security.received`)}),d(`th`,{scope:`col`,children:u(`security.answer`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:u(`security.actions`)})})]})}),d(`tbody`,{children:v.nodes.map(t=>d(`tr`,{children:[d(`th`,{scope:`row`,children:t.id}),d(`td`,{children:d(`a`,{href:`/stations/${encodeURIComponent(t.stationId)}`,children:t.stationId})}),d(`td`,{children:[d(`span`,{class:`badge s-${(t.state??``).toLowerCase().replace(`certificate_`,``)}`,children:G(t.state)}),t.reason&&d(`div`,{class:`muted`,children:t.reason})]}),d(`td`,{children:[t.commonName,t.organization].filter(Boolean).join(` · `)||`–`}),d(`td`,{children:e(t.receivedAt)}),d(`td`,{children:[t.stationStatus?d(g,{value:t.stationStatus}):`–`,t.signedBy&&d(`div`,{class:`muted`,children:u(`security.signedBy`,{who:t.signedBy})})]}),d(`td`,{children:t.state===`PENDING`&&d(`button`,{type:`button`,"aria-label":u(`security.signOf`,{id:t.id}),"aria-expanded":p===t.id,onClick:()=>_(p===t.id?null:t.id),children:u(`security.sign`)})})]},t.id))})]})}),v&&d(h,{pageInfo:v.pageInfo,total:v.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})}),S&&d(q,{csr:S,onSent:()=>f.reload()},S.id)]})}function q(e){let[n,r]=t(``),a=S(P);return d(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-sign`,onSubmit:async t=>{t.preventDefault(),await a.run({stationId:e.csr.stationId,requestId:e.csr.id,certificateChain:n})&&e.onSent()},children:[d(`h3`,{id:`sec-sign`,style:`margin-top:0`,children:u(`security.signTitle`,{id:e.csr.id,station:e.csr.stationId})}),d(`details`,{children:[d(`summary`,{children:u(`security.showCsr`)}),d(`pre`,{children:e.csr.csr})]}),d(l,{label:u(`security.chain`),hint:u(`security.chainHint`),children:d(`textarea`,{name:`certificateChain`,rows:10,required:!0,spellcheck:!1,value:n,onInput:e=>r(e.currentTarget.value),placeholder:`-----BEGIN CERTIFICATE-----`})}),d(`button`,{type:`submit`,class:`primary`,disabled:a.running||!n.includes(`BEGIN CERTIFICATE`),children:u(`security.sendChain`)}),a.result&&d(i,{status:a.result.certificateSigned.status}),d(m,{error:a.error})]})}export{R as Security};