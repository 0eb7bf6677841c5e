import{A as e,C as t,E as n,O as r,a as i,n as a,p as o,t as s}from"./jsxRuntime-DPkzGEFM.js";import{_ as c,b as l,i as u,l as d,m as f,o as p,r as m,s as h}from"./console-YlmL2Q8V.js";import{n as g,t as _}from"./csv-BcCX77dE.js";import{i as v,n as y}from"./hooks-B890TPRV.js";var b=50,x=5e4,S=500,C=o(`
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
`);function w(e){if(!e)return;let t=new Date(e);return Number.isNaN(t.getTime())?void 0:t.toISOString()}function T(e){return{sub:e.sub||void 0,action:e.action||void 0,target:e.target||void 0,outcome:e.outcome||void 0,since:w(e.since),until:w(e.until)}}var E=[`sub`,`action`,`target`,`outcome`],D=e=>({sub:l(`audit.sub`),action:l(`audit.action`),target:l(`audit.target`),outcome:l(`audit.outcome`)})[e];function O(){let[n,i]=v(),[a,o]=r(()=>Object.fromEntries(E.map(e=>[e,n[e]??``]))),c=d(JSON.stringify(a),400);t(()=>{let e=JSON.parse(c),t={},r=!1;for(let i of E){let a=e[i].trim();(n[i]??``)!==a&&(r=!0),t[i]=a}r&&i({...t,after:void 0,before:void 0})},[c]);let g=n.before?{last:b,before:n.before}:{first:b,after:n.after},_=y(C,{filter:T(n),...g}),x=_.data?.auditLog,S=e=>i({...e,after:void 0,before:void 0});return s(p,{title:l(`nav.audit`),actions:s(j,{q:n}),children:[s(`form`,{class:`filters`,role:`search`,"aria-label":l(`audit.filters`),onSubmit:e=>e.preventDefault(),children:[E.map(e=>s(u,{label:D(e),children:s(`input`,{name:e,value:a[e],onInput:t=>o({...a,[e]:t.currentTarget.value})})},e)),s(u,{label:l(`audit.since`),children:s(`input`,{type:`datetime-local`,name:`since`,value:n.since??``,onChange:e=>S({since:e.currentTarget.value})})}),s(u,{label:l(`audit.until`),children:s(`input`,{type:`datetime-local`,name:`until`,value:n.until??``,onChange:e=>S({until:e.currentTarget.value})})})]}),s(m,{error:_.error}),_.loading&&!x&&s(`p`,{class:`muted`,children:l(`common.loading`)}),x&&s(e,{children:[s(`div`,{class:`table-wrap`,children:[s(`table`,{"data-testid":`audit-table`,children:[s(`caption`,{class:`sr-only`,children:l(`nav.audit`)}),s(`thead`,{children:s(`tr`,{children:[s(`th`,{scope:`col`,children:l(`audit.at`)}),s(`th`,{scope:`col`,children:l(`audit.sub`)}),s(`th`,{scope:`col`,children:l(`audit.address`)}),s(`th`,{scope:`col`,children:l(`audit.action`)}),s(`th`,{scope:`col`,children:l(`audit.target`)}),s(`th`,{scope:`col`,children:l(`audit.arguments`)}),s(`th`,{scope:`col`,children:l(`audit.outcome`)}),s(`th`,{scope:`col`,children:l(`audit.answer`)})]})}),s(`tbody`,{children:x.nodes.map(e=>s(`tr`,{"data-testid":`audit-${e.id}`,children:[s(`td`,{children:f(e.at)}),s(`td`,{children:[e.sub??s(`span`,{class:`muted`,children:l(`audit.anonymous`)}),e.role&&s(`span`,{class:`muted`,children:[` (`,e.role.toLowerCase(),`)`]})]}),s(`td`,{children:e.address??`–`}),s(`th`,{scope:`row`,children:e.action}),s(`td`,{children:e.target??`–`}),s(`td`,{children:s(`code`,{children:e.arguments})}),s(`td`,{children:s(`span`,{class:`badge ${e.outcome===`OK`?`s-available`:`s-faulted`}`,children:e.outcome})}),s(`td`,{children:e.answer??`–`})]},e.id))})]}),x.nodes.length===0&&s(`p`,{class:`muted`,children:l(`audit.none`)})]}),s(h,{pageInfo:x.pageInfo,total:x.totalCount,onPage:e=>i({after:e.after??void 0,before:e.before??void 0})})]})]})}function k(e){let t=(e,t)=>e?e.replaceAll(`:`,``):t;return`audit-${t(e.since,`start`)}-${t(e.until,`now`)}.csv`}var A=[`id`,`at`,`sub`,`role`,`address`,`action`,`target`,`arguments`,`outcome`,`answer`];function j({q:e}){let[o,u]=r(!1),[d,f]=r(0),[p,h]=r(null),[v,y]=r(null),b=n(!1);return t(()=>()=>void(b.current=!0),[]),s(`div`,{children:[s(`button`,{type:`button`,onClick:async()=>{u(!0),y(null),h(null),f(0);let t=[],n,r=!0;try{for(;r&&t.length<5e4&&!b.current;){let a=Math.min(S,x-t.length),{auditLog:o}=await i(C,{filter:T(e),first:a,after:n});for(let e of o.nodes)t.push([e.id,e.at,e.sub??null,e.role?.toLowerCase()??null,e.address??null,e.action,e.target??null,e.arguments,e.outcome,e.answer??null]);f(t.length),r=o.pageInfo.hasNextPage,n=o.pageInfo.endCursor,o.nodes.length===0&&(r=!1)}if(b.current)return;_(k(e),g(A,t)),h(l(r?`audit.exportCut`:`audit.exported`,{n:c(t.length)}))}catch(e){y(e instanceof a?e:new a(String(e),`ERROR`))}finally{u(!1)}},disabled:o,children:l(`common.exportCsv`)}),` `,s(`span`,{role:`status`,class:`muted`,children:o?l(`audit.exporting`,{n:c(d)}):p}),s(m,{error:v})]})}export{O as Audit};