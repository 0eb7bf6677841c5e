import{D as e,F as t,L as n,M as r,a as i,c as a,d as o,g as s,h as c,i as l,j as u,l as d,m as f,n as p,o as m,r as h,s as g,t as _,x as v,y}from"./console-CwjbJvEJ.js";import{i as b,n as x,t as S}from"./hooks-CJwiRb8j.js";var C=50,w=f(`
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
`),T=f(`
  mutation SecApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),E=f(`
  mutation SecReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),D=f(`
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
`),O=f(`
  query SecStation($id: ID!) {
    station(id: $id) {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
`),k=f(`
  mutation SecSetProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),A=f(`
  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),j=f(`
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
`),M=f(`
  subscription SecEventsLive($stationId: ID!) {
    securityEvents(stationId: $stationId) {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
`),N=f(`
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
`),P=f(`
  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {
      status
    }
  }
`);function F(e){return e.before?{last:C,before:e.before}:{first:C,after:e.after}}var I=[`approvals`,`profiles`,`events`,`csr`];function L(t){switch(t){case`approvals`:return e(`security.tab.approvals`);case`profiles`:return e(`security.tab.profiles`);case`events`:return e(`security.tab.events`);case`csr`:return e(`security.tab.csr`)}}function R(){let{params:t}=u(),n=I.includes(t.tab)?t.tab:`approvals`;return c.value?d(m,{title:e(`nav.security`),children:[d(`nav`,{class:`tabs`,"aria-label":e(`security.tabs`),children:I.map(e=>d(`a`,{href:`/security/${e}`,"aria-current":e===n?`page`:void 0,children:L(e)},e))}),d(`h2`,{children:L(n)}),n===`approvals`&&d(z,{}),n===`profiles`&&d(V,{}),n===`events`&&d(U,{}),n===`csr`&&d(K,{})]}):d(m,{title:e(`nav.security`),children:d(`p`,{class:`notice warn`,children:e(`security.operatorsOnly`)})})}function z(){let[r,i]=b(),a=x(w,F(r)),o=S(T),s=S(E),[c,u]=t(null),[f,m]=t(``),v=a.data?.stations,C=async t=>{u(null),s.reset(),await o.run({id:t})&&(u(e(`security.approvedOk`,{id:t})),a.reload())},D=async t=>{u(null),o.reset(),await s.run({id:t})&&(u(e(`security.rejectedOk`,{id:t})),a.reload())};return d(n,{children:[d(`p`,{class:`muted`,children:e(`security.approvalsIntro`)}),d(`p`,{role:`status`,class:c?`notice ok`:`sr-only`,children:c}),d(h,{error:a.error??o.error??s.error}),a.loading&&!v&&d(`p`,{class:`muted`,children:e(`common.loading`)}),v&&v.nodes.length===0&&d(`p`,{class:`muted`,children:e(`security.noPending`)}),v&&v.nodes.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:e(`security.tab.approvals`)}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:e(`security.station`)}),d(`th`,{scope:`col`,children:e(`security.vendorModel`)}),d(`th`,{scope:`col`,children:e(`security.firmware`)}),d(`th`,{scope:`col`,children:e(`security.connected`)}),d(`th`,{scope:`col`,children:e(`security.firstSeen`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:e(`security.actions`)})})]})}),d(`tbody`,{children:v.nodes.map(t=>d(`tr`,{children:[d(`th`,{scope:`row`,children:d(`a`,{href:`/stations/${encodeURIComponent(t.id)}`,children:t.id})}),d(`td`,{children:[t.vendor,t.model].filter(Boolean).join(` · `)||`–`}),d(`td`,{children:t.firmwareVersion??`–`}),d(`td`,{children:d(_,{value:t.connected?`ONLINE`:`OFFLINE`})}),d(`td`,{children:t.firstSeenAt?y(t.firstSeenAt):`–`}),d(`td`,{children:d(`div`,{class:`row`,children:[d(`button`,{type:`button`,class:`primary`,"aria-label":e(`security.approveOf`,{id:t.id}),disabled:o.running,onClick:()=>C(t.id),children:e(`security.approve`)}),d(p,{danger:!0,label:e(`security.rejectOf`,{id:t.id}),question:e(`security.rejectQuestion`,{id:t.id}),disabled:s.running,onConfirm:()=>D(t.id)})]})})]},t.id))})]})}),v&&d(g,{pageInfo:v.pageInfo,total:v.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})}),d(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-approve-id`,onSubmit:e=>{e.preventDefault(),f.trim()&&C(f.trim()).then(()=>m(``))},children:[d(`h3`,{id:`sec-approve-id`,style:`margin-top:0`,children:e(`security.approveById`)}),d(`p`,{class:`muted`,children:e(`security.approveByIdIntro`)}),d(`div`,{class:`row`,children:[d(l,{label:e(`security.stationId`),children:d(`input`,{name:`stationId`,required:!0,value:f,onInput:e=>m(e.currentTarget.value)})}),d(`div`,{class:`field`,children:d(`button`,{type:`submit`,disabled:o.running,children:e(`security.approveStation`)})})]})]})]})}function B(){return[...crypto.getRandomValues(new Uint8Array(20))].map(e=>e.toString(16).padStart(2,`0`)).join(``)}function V(){let[i,o]=b(),[s,c]=t(i.station??``),u=a(s.trim(),400);r(()=>{(i.station??``)!==u&&o({station:u,after:void 0,before:void 0})},[u]);let f=x(D,F(i),{skip:!!i.station}),p=x(O,{id:i.station??``},{skip:!i.station}),[m,v]=t(null),y=i.station?p.data?.station?[p.data.station]:[]:f.data?.stations.nodes??[],S=y.find(e=>e.id===m);return d(n,{children:[d(`p`,{class:`muted`,children:e(`security.profilesIntro`)}),d(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:d(l,{label:e(`security.stationId`),hint:e(`security.stationIdHint`),children:d(`input`,{name:`station`,value:s,onInput:e=>c(e.currentTarget.value)})})}),d(h,{error:i.station?p.error:f.error}),i.station&&p.data&&!p.data.station&&d(`p`,{class:`muted`,children:e(`security.noStation`)}),y.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:e(`security.tab.profiles`)}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:e(`security.station`)}),d(`th`,{scope:`col`,children:e(`security.connected`)}),d(`th`,{scope:`col`,children:e(`security.registration`)}),d(`th`,{scope:`col`,class:`num`,children:e(`security.profile`)}),d(`th`,{scope:`col`,children:e(`security.key`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:e(`security.actions`)})})]})}),d(`tbody`,{children:y.map(t=>d(`tr`,{children:[d(`th`,{scope:`row`,children:d(`a`,{href:`/stations/${encodeURIComponent(t.id)}`,children:t.id})}),d(`td`,{children:d(_,{value:t.connected?`ONLINE`:`OFFLINE`})}),d(`td`,{children:d(_,{value:t.registrationStatus})}),d(`td`,{class:`num`,children:t.securityProfile}),d(`td`,{children:t.hasAuthorizationKey?e(`security.keySet`):e(`security.keyNone`)}),d(`td`,{children:d(`button`,{type:`button`,"aria-label":e(`security.manageOf`,{id:t.id}),"aria-expanded":m===t.id,onClick:()=>v(m===t.id?null:t.id),children:e(`security.manage`)})})]},t.id))})]})}),!i.station&&f.data&&d(g,{pageInfo:f.data.stations.pageInfo,total:f.data.stations.totalCount,onPage:e=>o({after:e.after??void 0,before:e.before??void 0})}),S&&d(H,{station:S,onChanged:()=>i.station?p.reload():f.reload()},S.id)]})}function H(n){let r=n.station,[a,o]=t(String(r.securityProfile)),[c,u]=t(``),[f,m]=t(r.connected),[g,_]=t(null),v=S(k),y=S(A),b=/^[0-9a-fA-F]{32,40}$/.test(c)&&c.length%2==0;return d(`section`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-manage`,children:[d(`h3`,{id:`sec-manage`,style:`margin-top:0`,children:e(`security.manageTitle`,{id:r.id})}),d(`p`,{class:`muted`,children:[e(`security.morePrefix`),` `,d(`a`,{href:`/stations/${encodeURIComponent(r.id)}`,children:e(`security.stationPage`)})]}),d(`div`,{class:`grid2`,children:[d(`div`,{children:[d(`h4`,{children:e(`security.profile`)}),d(`p`,{class:`muted`,children:e(`security.profileHelp`)}),d(`div`,{class:`row`,children:[d(l,{label:e(`security.profile`),children:d(`select`,{name:`profile`,value:a,onChange:e=>o(e.currentTarget.value),children:[0,1,2,3].map(e=>d(`option`,{value:String(e),children:e},e))})}),d(`div`,{class:`field`,children:d(p,{label:e(`security.setProfile`),question:e(`security.profileQuestion`,{id:r.id,profile:a}),disabled:!s.value||v.running||a===String(r.securityProfile),onConfirm:async()=>{await v.run({stationId:r.id,profile:Number(a)})&&n.onChanged()}})})]}),!s.value&&d(`p`,{class:`muted`,children:e(`security.profileAdminsOnly`)}),v.result&&d(`p`,{class:`notice ok`,role:`status`,children:e(`security.profileOk`,{profile:v.result.setStationSecurityProfile.securityProfile})}),d(h,{error:v.error})]}),d(`form`,{onSubmit:async e=>{if(e.preventDefault(),!b)return;let t=await y.run({stationId:r.id,key:c,sendToStation:f});t&&((t.setStationAuthorizationKey.status===null||t.setStationAuthorizationKey.status===`ACCEPTED`)&&_(c),u(``),n.onChanged())},children:[d(`h4`,{children:e(`security.key`)}),d(`p`,{class:`muted`,children:e(`security.keyHelp`)}),d(l,{label:e(`security.keyInput`),hint:e(`security.keyHint`),children:d(`input`,{name:`authorizationKey`,autocomplete:`off`,spellcheck:!1,pattern:`[0-9a-fA-F]{32,40}`,value:c,onInput:e=>u(e.currentTarget.value.trim())})}),d(`div`,{class:`row`,children:[d(`button`,{type:`button`,onClick:()=>u(B()),children:e(`security.generateKey`)}),d(`label`,{children:[d(`input`,{type:`checkbox`,checked:f,onChange:e=>m(e.currentTarget.checked)}),` `,e(`security.sendToStation`)]}),d(`button`,{type:`submit`,class:`primary`,disabled:!b||y.running,children:e(`security.setKey`)})]}),y.result&&y.result.setStationAuthorizationKey.status&&d(i,{status:y.result.setStationAuthorizationKey.status}),g&&d(`div`,{class:`notice ok`,role:`status`,children:[d(`p`,{style:`margin-top:0`,children:e(`security.keyStored`)}),d(`code`,{style:`overflow-wrap:anywhere`,children:g})]}),d(h,{error:y.error})]})]})]})}function U(){let[i,s]=b(),[c,u]=t(i.station??``),f=a(c.trim(),400);r(()=>{(i.station??``)!==f&&s({station:f,after:void 0,before:void 0})},[f]);let p=i.station??``,m=x(j,{stationId:p,...F(i)},{skip:!p}),_=!i.after&&!i.before;r(()=>{if(p)return o(M,{stationId:p},{next:e=>{_&&m.setData(t=>t&&{securityEvents:{...t.securityEvents,totalCount:t.securityEvents.totalCount+1,nodes:[e.securityEvents,...t.securityEvents.nodes.filter(t=>t.id!==e.securityEvents.id)]}})},resync:()=>m.reload()})},[p,_]);let y=m.data?.securityEvents;return d(n,{children:[d(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[d(l,{label:e(`security.stationId`),children:d(`input`,{name:`station`,value:c,onInput:e=>u(e.currentTarget.value)})}),p&&d(`span`,{class:`live-dot muted`,children:e(`common.live`)})]}),!p&&d(`p`,{class:`muted`,children:e(`security.pickStation`)}),d(h,{error:m.error}),p&&m.loading&&!y&&d(`p`,{class:`muted`,children:e(`common.loading`)}),y&&y.nodes.length===0&&d(`p`,{class:`muted`,children:e(`security.noEvents`)}),y&&y.nodes.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:e(`security.eventsOf`,{id:p})}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:e(`security.when`)}),d(`th`,{scope:`col`,children:e(`security.type`)}),d(`th`,{scope:`col`,children:e(`security.techInfo`)}),d(`th`,{scope:`col`,children:e(`security.received`)})]})}),d(`tbody`,{"aria-live":`polite`,children:y.nodes.map(e=>d(`tr`,{children:[d(`td`,{children:v(e.timestamp)}),d(`th`,{scope:`row`,children:e.type}),d(`td`,{children:e.techInfo??`–`}),d(`td`,{children:v(e.receivedAt)})]},e.id))})]})}),y&&d(g,{pageInfo:y.pageInfo,total:y.totalCount,onPage:e=>s({after:e.after??void 0,before:e.before??void 0})})]})}var W=[`PENDING`,`ACCEPTED`,`CERTIFICATE_REJECTED`,`REJECTED`];function G(t){return t?{PENDING:e(`security.csr.PENDING`),ACCEPTED:e(`security.csr.ACCEPTED`),CERTIFICATE_REJECTED:e(`security.csr.CERTIFICATE_REJECTED`),REJECTED:e(`security.csr.REJECTED`)}[t]??t:`–`}function K(){let[i,o]=b(),[s,c]=t(i.station??``),u=a(s.trim(),400);r(()=>{(i.station??``)!==u&&o({station:u,after:void 0,before:void 0})},[u]);let f=x(N,{state:i.state||void 0,stationId:i.station||void 0,...F(i)}),[p,m]=t(null),y=f.data?.certificateSigningRequests,S=y?.nodes.find(e=>e.id===p);return d(n,{children:[d(`form`,{class:`filters`,role:`search`,onSubmit:e=>e.preventDefault(),children:[d(l,{label:e(`security.csrState`),children:d(`select`,{name:`state`,value:i.state??``,onChange:e=>o({state:e.currentTarget.value||void 0,after:void 0,before:void 0}),children:[d(`option`,{value:``,children:e(`common.all`)}),W.map(e=>d(`option`,{value:e,children:G(e)},e))]})}),d(l,{label:e(`security.stationId`),children:d(`input`,{name:`station`,value:s,onInput:e=>c(e.currentTarget.value)})})]}),d(h,{error:f.error}),f.loading&&!y&&d(`p`,{class:`muted`,children:e(`common.loading`)}),y&&y.nodes.length===0&&d(`p`,{class:`muted`,children:e(`security.noCsrs`)}),y&&y.nodes.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{class:`sr-only`,children:e(`security.tab.csr`)}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:e(`security.csrId`)}),d(`th`,{scope:`col`,children:e(`security.station`)}),d(`th`,{scope:`col`,children:e(`security.csrState`)}),d(`th`,{scope:`col`,children:e(`security.subject`)}),d(`th`,{scope:`col`,children:e(`security.received`)}),d(`th`,{scope:`col`,children:e(`security.answer`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:e(`security.actions`)})})]})}),d(`tbody`,{children:y.nodes.map(t=>d(`tr`,{children:[d(`th`,{scope:`row`,children:t.id}),d(`td`,{children:d(`a`,{href:`/stations/${encodeURIComponent(t.stationId)}`,children:t.stationId})}),d(`td`,{children:[d(`span`,{class:`badge s-${(t.state??``).toLowerCase().replace(`certificate_`,``)}`,children:G(t.state)}),t.reason&&d(`div`,{class:`muted`,children:t.reason})]}),d(`td`,{children:[t.commonName,t.organization].filter(Boolean).join(` · `)||`–`}),d(`td`,{children:v(t.receivedAt)}),d(`td`,{children:[t.stationStatus?d(_,{value:t.stationStatus}):`–`,t.signedBy&&d(`div`,{class:`muted`,children:e(`security.signedBy`,{who:t.signedBy})})]}),d(`td`,{children:t.state===`PENDING`&&d(`button`,{type:`button`,"aria-label":e(`security.signOf`,{id:t.id}),"aria-expanded":p===t.id,onClick:()=>m(p===t.id?null:t.id),children:e(`security.sign`)})})]},t.id))})]})}),y&&d(g,{pageInfo:y.pageInfo,total:y.totalCount,onPage:e=>o({after:e.after??void 0,before:e.before??void 0})}),S&&d(q,{csr:S,onSent:()=>f.reload()},S.id)]})}function q(n){let[r,a]=t(``),o=S(P);return d(`form`,{class:`card`,style:`margin-top:16px`,"aria-labelledby":`sec-sign`,onSubmit:async e=>{e.preventDefault(),await o.run({stationId:n.csr.stationId,requestId:n.csr.id,certificateChain:r})&&n.onSent()},children:[d(`h3`,{id:`sec-sign`,style:`margin-top:0`,children:e(`security.signTitle`,{id:n.csr.id,station:n.csr.stationId})}),d(`details`,{children:[d(`summary`,{children:e(`security.showCsr`)}),d(`pre`,{children:n.csr.csr})]}),d(l,{label:e(`security.chain`),hint:e(`security.chainHint`),children:d(`textarea`,{name:`certificateChain`,rows:10,required:!0,spellcheck:!1,value:r,onInput:e=>a(e.currentTarget.value),placeholder:`-----BEGIN CERTIFICATE-----`})}),d(`button`,{type:`submit`,class:`primary`,disabled:o.running||!r.includes(`BEGIN CERTIFICATE`),children:e(`security.sendChain`)}),o.result&&d(i,{status:o.result.certificateSigned.status}),d(h,{error:o.error})]})}export{R as Security};