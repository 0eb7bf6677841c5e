import{D as e,F as t,L as n,M as r,_ as i,c as a,g as o,h as s,i as c,l,m as u,n as d,o as f,r as p,s as m,t as h,x as g,y as _}from"./console-CwjbJvEJ.js";import{i as v,n as y,t as b}from"./hooks-CJwiRb8j.js";var x=50,S=u(`
  query TagsList(
    $first: Int
    $last: Int
    $after: String
    $before: String
    $search: String
    $status: AuthorizationStatus
    $owner: String
    $autoCreated: Boolean
  ) {
    idTags(
      first: $first
      last: $last
      after: $after
      before: $before
      search: $search
      status: $status
      owner: $owner
      autoCreated: $autoCreated
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        idTag
        status
        effectiveStatus
        expiryDate
        parentIdTag
        owner
        autoCreated
        createdAt
        updatedAt
      }
    }
  }
`),C=u(`
  query TagsUnknown {
    idTags(autoCreated: true, status: INVALID, first: 20) {
      totalCount
      nodes {
        idTag
        createdAt
        updatedAt
      }
    }
  }
`),w=u(`
  mutation TagsCreate($input: CreateIdTagInput!) {
    createIdTag(input: $input) {
      idTag
    }
  }
`),T=u(`
  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
    updateIdTag(idTag: $idTag, input: $input) {
      idTag
      status
    }
  }
`),E=u(`
  mutation TagsDelete($idTag: String!) {
    deleteIdTag(idTag: $idTag)
  }
`),D=[`ACCEPTED`,`BLOCKED`,`EXPIRED`,`INVALID`,`CONCURRENT_TX`];function O(t){return t?{ACCEPTED:e(`tags.status.ACCEPTED`),BLOCKED:e(`tags.status.BLOCKED`),EXPIRED:e(`tags.status.EXPIRED`),INVALID:e(`tags.status.INVALID`),CONCURRENT_TX:e(`tags.status.CONCURRENT_TX`)}[t]??t:`–`}function k({value:e}){return e?l(`span`,{class:`badge s-${e.toLowerCase()}`,children:O(e)}):l(h,{value:e})}function A(e){if(!e)return``;let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function j(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function M(){let[u,d]=v(),[h,_]=t(u.q??``),[b,C]=t(u.owner??``),w=a(h.trim(),300),T=a(b.trim(),400);r(()=>{((u.q??``)!==w||(u.owner??``)!==T)&&d({q:w,owner:T,after:void 0,before:void 0})},[w,T]);let E=e=>d({...e,after:void 0,before:void 0}),A=u.before?{last:x,before:u.before}:{first:x,after:u.after},j=y(S,{...A,search:u.q||void 0,status:u.status||void 0,owner:u.owner||void 0,autoCreated:u.auto===`yes`||u.auto!==`no`&&void 0}),M=j.data?.idTags,[F,R]=t(null),[z,B]=t(null),[V,H]=t(0),U=e=>{B(e),j.reload(),H(e=>e+1)},W=M?.nodes.find(e=>e.idTag===F);return l(f,{title:e(`nav.tags`),children:[!i.value&&l(`p`,{class:`muted`,children:e(`tags.driverIntro`)}),l(`p`,{role:`status`,class:z?`notice ok`:`sr-only`,children:z}),i.value&&l(N,{version:V,onChanged:U}),l(`h2`,{id:`tags-list`,children:e(`tags.listTitle`)}),l(`form`,{class:`filters`,role:`search`,"aria-label":e(`tags.filters`),onSubmit:e=>e.preventDefault(),children:[l(c,{label:e(`common.search`),children:l(`input`,{type:`search`,name:`search`,value:h,onInput:e=>_(e.currentTarget.value)})}),l(c,{label:e(`tags.statusLabel`),children:l(`select`,{name:`status`,value:u.status??``,onChange:e=>E({status:e.currentTarget.value||void 0}),children:[l(`option`,{value:``,children:e(`common.all`)}),D.map(e=>l(`option`,{value:e,children:O(e)},e))]})}),i.value&&l(c,{label:e(`tags.owner`),children:l(`input`,{name:`owner`,value:b,onInput:e=>C(e.currentTarget.value)})}),i.value&&l(c,{label:e(`tags.origin`),children:l(`select`,{name:`origin`,value:u.auto??``,onChange:e=>E({auto:e.currentTarget.value||void 0}),children:[l(`option`,{value:``,children:e(`common.all`)}),l(`option`,{value:`yes`,children:e(`tags.autoCreatedYes`)}),l(`option`,{value:`no`,children:e(`tags.autoCreatedNo`)})]})})]}),l(p,{error:j.error}),j.loading&&!M&&l(`p`,{class:`muted`,children:e(`common.loading`)}),M&&l(n,{children:[l(`div`,{class:`table-wrap`,children:[l(`table`,{"data-testid":`tags-table`,"aria-labelledby":`tags-list`,children:[l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:e(`tags.tag`)}),l(`th`,{scope:`col`,children:e(`tags.statusLabel`)}),l(`th`,{scope:`col`,children:e(`tags.expiry`)}),l(`th`,{scope:`col`,children:e(`tags.parent`)}),l(`th`,{scope:`col`,children:e(`tags.owner`)}),l(`th`,{scope:`col`,children:e(`tags.updated`)}),s.value&&l(`th`,{scope:`col`,children:l(`span`,{class:`sr-only`,children:e(`tags.actions`)})})]})}),l(`tbody`,{children:M.nodes.map(t=>l(`tr`,{children:[l(`th`,{scope:`row`,children:[l(`a`,{href:`/transactions?tag=${encodeURIComponent(t.idTag)}`,title:e(`tags.itsTransactions`),children:t.idTag}),t.autoCreated&&l(n,{children:[` `,l(`span`,{class:`badge s-pending`,children:e(`tags.seen`)})]})]}),l(`td`,{children:[l(k,{value:t.effectiveStatus??t.status}),t.status&&t.effectiveStatus&&t.status!==t.effectiveStatus&&l(`span`,{class:`muted`,children:[` (`,O(t.status),`)`]})]}),l(`td`,{children:g(t.expiryDate)}),l(`td`,{children:t.parentIdTag??`–`}),l(`td`,{children:t.owner?o.value?l(`a`,{href:`/accounts?user=${encodeURIComponent(t.owner)}`,children:t.owner}):t.owner:`–`}),l(`td`,{children:g(t.updatedAt)}),s.value&&l(`td`,{children:l(`div`,{class:`row`,children:[l(`button`,{type:`button`,"aria-label":e(`tags.editOf`,{tag:t.idTag}),"aria-expanded":F===t.idTag,onClick:()=>{B(null),R(F===t.idTag?null:t.idTag)},children:e(`tags.edit`)}),l(P,{tag:t.idTag,status:t.status,onChanged:U})]})})]},t.idTag))})]}),M.nodes.length===0&&l(`p`,{class:`muted`,style:`padding:8px 10px`,children:e(`tags.none`)})]}),l(m,{pageInfo:M.pageInfo,total:M.totalCount,onPage:e=>d({after:e.after??void 0,before:e.before??void 0})})]}),s.value&&W&&l(L,{tag:W,onChanged:U,onDeleted:e=>{R(null),U(e)}},W.idTag),s.value&&l(I,{onCreated:U})]})}function N(t){let n=y(C,{});r(()=>{t.version&&n.reload()},[t.version]);let i=b(T),a=n.data?.idTags.nodes??[];return n.error?l(p,{error:n.error}):a.length===0?null:l(`section`,{class:`card notice warn`,"aria-labelledby":`tags-unknown`,style:`margin-bottom:16px`,children:[l(`h2`,{id:`tags-unknown`,style:`margin-top:0`,children:e(`tags.unknownTitle`,{n:n.data.idTags.totalCount})}),l(`p`,{children:e(`tags.unknownIntro`)}),l(`ul`,{style:`list-style:none;padding:0;margin:0;display:grid;gap:6px`,children:a.map(n=>l(`li`,{class:`row`,style:`align-items:center`,children:[l(`strong`,{children:n.idTag}),l(`span`,{class:`muted`,children:e(`tags.firstSeen`,{ago:_(n.createdAt)})}),s.value&&l(`button`,{type:`button`,class:`primary`,"aria-label":e(`tags.acceptOf`,{tag:n.idTag}),disabled:i.running,onClick:async()=>{await i.run({idTag:n.idTag,input:{status:`ACCEPTED`}})&&t.onChanged(e(`tags.acceptedOk`,{tag:n.idTag}))},children:e(`tags.accept`)})]},n.idTag))}),l(p,{error:i.error})]})}function P(t){let r=b(T),i=t.status===`BLOCKED`;return l(n,{children:[l(`button`,{type:`button`,class:i?void 0:`danger`,"aria-label":e(i?`tags.unblockOf`:`tags.blockOf`,{tag:t.tag}),disabled:r.running,onClick:async()=>{await r.run({idTag:t.tag,input:{status:i?`ACCEPTED`:`BLOCKED`}})&&t.onChanged(e(i?`tags.unblockedOk`:`tags.blockedOk`,{tag:t.tag}))},children:e(i?`tags.unblock`:`tags.block`)}),l(p,{error:r.error})]})}function F(e){return l(`select`,{name:`status`,value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:D.map(e=>l(`option`,{value:e,children:O(e)},e))})}function I({onCreated:n}){let[r,i]=t(``),[a,o]=t(`ACCEPTED`),[s,u]=t(``),[d,f]=t(``),[m,h]=t(``),g=b(w);return l(`section`,{class:`card`,"aria-labelledby":`tags-create`,style:`margin-top:16px`,children:[l(`h2`,{id:`tags-create`,children:e(`tags.create`)}),l(`form`,{onSubmit:async t=>{t.preventDefault();let o=await g.run({input:{idTag:r.trim(),status:a,expiryDate:j(s),parentIdTag:d.trim()||null,owner:m.trim()||null}});o&&(n(e(`tags.createdOk`,{tag:o.createIdTag.idTag})),i(``),u(``),f(``),h(``))},children:[l(`div`,{class:`filters`,children:[l(c,{label:e(`tags.tag`),children:l(`input`,{name:`idTag`,required:!0,maxLength:20,value:r,onInput:e=>i(e.currentTarget.value)})}),l(c,{label:e(`tags.statusLabel`),children:l(F,{value:a,onChange:o})}),l(c,{label:e(`tags.expiry`),children:l(`input`,{type:`datetime-local`,name:`expiry`,value:s,onInput:e=>u(e.currentTarget.value)})}),l(c,{label:e(`tags.parent`),children:l(`input`,{name:`parent`,maxLength:20,value:d,onInput:e=>f(e.currentTarget.value)})}),l(c,{label:e(`tags.owner`),children:l(`input`,{name:`owner`,value:m,onInput:e=>h(e.currentTarget.value)})})]}),l(p,{error:g.error}),l(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:e(`tags.createSubmit`)})]})]})}function L(n){let r=n.tag,[i,a]=t(r.status??`ACCEPTED`),[o,s]=t(A(r.expiryDate)),[u,f]=t(r.parentIdTag??``),[m,h]=t(r.owner??``),g=b(T),_=b(E);return l(`section`,{class:`card`,"aria-labelledby":`tags-edit`,style:`margin-top:16px`,children:[l(`h2`,{id:`tags-edit`,children:e(`tags.editTitle`,{tag:r.idTag})}),l(`form`,{onSubmit:async t=>{t.preventDefault(),await g.run({idTag:r.idTag,input:{status:i,expiryDate:j(o),parentIdTag:u.trim()||null,owner:m.trim()||null}})&&n.onChanged(e(`tags.savedOk`,{tag:r.idTag}))},children:[l(`div`,{class:`filters`,children:[l(c,{label:e(`tags.statusLabel`),children:l(F,{value:i,onChange:a})}),l(c,{label:e(`tags.expiry`),children:l(`input`,{type:`datetime-local`,name:`expiry`,value:o,onInput:e=>s(e.currentTarget.value)})}),l(c,{label:e(`tags.parent`),children:l(`input`,{name:`parent`,maxLength:20,value:u,onInput:e=>f(e.currentTarget.value)})}),l(c,{label:e(`tags.owner`),children:l(`input`,{name:`owner`,value:m,onInput:e=>h(e.currentTarget.value)})})]}),l(p,{error:g.error}),l(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:e(`common.save`)})]}),l(`h3`,{children:e(`tags.deleteTitle`)}),l(d,{danger:!0,label:e(`tags.delete`),question:e(`tags.deleteQuestion`,{tag:r.idTag}),disabled:_.running,onConfirm:async()=>{let t=await _.run({idTag:r.idTag});t&&n.onDeleted(t.deleteIdTag?e(`tags.deletedOk`,{tag:r.idTag}):e(`tags.deletedNone`))}}),l(p,{error:_.error})]})}export{M as Tags};