import{C as e,D as t,T as n,a as r,k as i,n as a,p as o,t as s}from"./jsxRuntime-CxRGqfpA.js";import{c,g as l,i as u,o as d,p as f,r as p,s as m,y as h}from"./console-BCcitqIW.js";import{n as g,t as _}from"./csv-BcCX77dE.js";import{i as v,n as y}from"./hooks-CPLjMAV8.js";var b=50,x=5e4,S=500,C=o(`
  query AuditLog($first: Int, $last: Int, $after: String, $before: String, $filter: AuditLogFilter) {
    auditLog(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        at
        sub
        role
        address
        action
        target
        arguments
        outcome
        answer
      }
    }
  }
`);function w(e){if(!e)return;let t=new Date(e);return Number.isNaN(t.getTime())?void 0:t.toISOString()}function T(e){return{sub:e.sub||void 0,action:e.action||void 0,target:e.target||void 0,outcome:e.outcome||void 0,since:w(e.since),until:w(e.until)}}var E=[`sub`,`action`,`target`,`outcome`],D=e=>({sub:h(`audit.sub`),action:h(`audit.action`),target:h(`audit.target`),outcome:h(`audit.outcome`)})[e];function O(){let[n,r]=v(),[a,o]=t(()=>Object.fromEntries(E.map(e=>[e,n[e]??``]))),l=c(JSON.stringify(a),400);e(()=>{let e=JSON.parse(l),t={},i=!1;for(let r of E){let a=e[r].trim();(n[r]??``)!==a&&(i=!0),t[r]=a}i&&r({...t,after:void 0,before:void 0})},[l]);let g=n.before?{last:b,before:n.before}:{first:b,after:n.after},_=y(C,{filter:T(n),...g}),x=_.data?.auditLog,S=e=>r({...e,after:void 0,before:void 0});return s(d,{title:h(`nav.audit`),actions:s(j,{q:n}),children:[s(`form`,{class:`filters`,role:`search`,"aria-label":h(`audit.filters`),onSubmit:e=>e.preventDefault(),children:[E.map(e=>s(u,{label:D(e),children:s(`input`,{name:e,value:a[e],onInput:t=>o({...a,[e]:t.currentTarget.value})})},e)),s(u,{label:h(`audit.since`),children:s(`input`,{type:`datetime-local`,name:`since`,value:n.since??``,onChange:e=>S({since:e.currentTarget.value})})}),s(u,{label:h(`audit.until`),children:s(`input`,{type:`datetime-local`,name:`until`,value:n.until??``,onChange:e=>S({until:e.currentTarget.value})})})]}),s(p,{error:_.error}),_.loading&&!x&&s(`p`,{class:`muted`,children:h(`common.loading`)}),x&&s(i,{children:[s(`div`,{class:`table-wrap`,children:[s(`table`,{"data-testid":`audit-table`,children:[s(`caption`,{class:`sr-only`,children:h(`nav.audit`)}),s(`thead`,{children:s(`tr`,{children:[s(`th`,{scope:`col`,children:h(`audit.at`)}),s(`th`,{scope:`col`,children:h(`audit.sub`)}),s(`th`,{scope:`col`,children:h(`audit.address`)}),s(`th`,{scope:`col`,children:h(`audit.action`)}),s(`th`,{scope:`col`,children:h(`audit.target`)}),s(`th`,{scope:`col`,children:h(`audit.arguments`)}),s(`th`,{scope:`col`,children:h(`audit.outcome`)}),s(`th`,{scope:`col`,children:h(`audit.answer`)})]})}),s(`tbody`,{children:x.nodes.map(e=>s(`tr`,{"data-testid":`audit-${e.id}`,children:[s(`td`,{children:f(e.at)}),s(`td`,{children:[e.sub??s(`span`,{class:`muted`,children:h(`audit.anonymous`)}),e.role&&s(`span`,{class:`muted`,children:[` (`,e.role.toLowerCase(),`)`]})]}),s(`td`,{children:e.address??`–`}),s(`th`,{scope:`row`,children:e.action}),s(`td`,{children:e.target??`–`}),s(`td`,{children:s(`code`,{children:e.arguments})}),s(`td`,{children:s(`span`,{class:`badge ${e.outcome===`OK`?`s-available`:`s-faulted`}`,children:e.outcome})}),s(`td`,{children:e.answer??`–`})]},e.id))})]}),x.nodes.length===0&&s(`p`,{class:`muted`,children:h(`audit.none`)})]}),s(m,{pageInfo:x.pageInfo,total:x.totalCount,onPage:e=>r({after:e.after??void 0,before:e.before??void 0})})]})]})}function k(e){let t=(e,t)=>e?e.replaceAll(`:`,``):t;return`audit-${t(e.since,`start`)}-${t(e.until,`now`)}.csv`}var A=[`id`,`at`,`sub`,`role`,`address`,`action`,`target`,`arguments`,`outcome`,`answer`];function j({q:i}){let[o,c]=t(!1),[u,d]=t(0),[f,m]=t(null),[v,y]=t(null),b=n(!1);return e(()=>()=>void(b.current=!0),[]),s(`div`,{children:[s(`button`,{type:`button`,onClick:async()=>{c(!0),y(null),m(null),d(0);let e=[],t,n=!0;try{for(;n&&e.length<5e4&&!b.current;){let a=Math.min(S,x-e.length),{auditLog:o}=await r(C,{filter:T(i),first:a,after:t});for(let t of o.nodes)e.push([t.id,t.at,t.sub??null,t.role?.toLowerCase()??null,t.address??null,t.action,t.target??null,t.arguments,t.outcome,t.answer??null]);d(e.length),n=o.pageInfo.hasNextPage,t=o.pageInfo.endCursor,o.nodes.length===0&&(n=!1)}if(b.current)return;_(k(i),g(A,e)),m(h(n?`audit.exportCut`:`audit.exported`,{n:l(e.length)}))}catch(e){y(e instanceof a?e:new a(String(e),`ERROR`))}finally{c(!1)}},disabled:o,children:h(`common.exportCsv`)}),` `,s(`span`,{role:`status`,class:`muted`,children:o?h(`audit.exporting`,{n:l(u)}):f}),s(p,{error:v})]})}export{O as Audit};