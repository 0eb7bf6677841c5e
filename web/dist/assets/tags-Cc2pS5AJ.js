import{I as e,N as t,O as n,R as r,S as i,_ as a,b as o,c as s,g as c,h as l,i as u,l as d,m as f,n as p,o as m,r as h,s as g,t as _}from"./console-dnHmEbU-.js";import{i as v,n as y,t as b}from"./hooks-CAskQRee.js";var x=50,S=f(`
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
`),C=f(`
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
`),w=f(`
  mutation TagsCreate($input: CreateIdTagInput!) {
    createIdTag(input: $input) {
      idTag
    }
  }
`),T=f(`
  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
    updateIdTag(idTag: $idTag, input: $input) {
      idTag
      status
    }
  }
`),E=f(`
  mutation TagsDelete($idTag: String!) {
    deleteIdTag(idTag: $idTag)
  }
`),D=[`ACCEPTED`,`BLOCKED`,`EXPIRED`,`INVALID`,`CONCURRENT_TX`];function O(e){return e?{ACCEPTED:n(`tags.status.ACCEPTED`),BLOCKED:n(`tags.status.BLOCKED`),EXPIRED:n(`tags.status.EXPIRED`),INVALID:n(`tags.status.INVALID`),CONCURRENT_TX:n(`tags.status.CONCURRENT_TX`)}[e]??e:`–`}function k({value:e}){return e?d(`span`,{class:`badge s-${e.toLowerCase()}`,children:O(e)}):d(_,{value:e})}function A(e){if(!e)return``;let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function j(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function M(){let[o,f]=v(),[p,_]=e(o.q??``),[b,C]=e(o.owner??``),w=s(p.trim(),300),T=s(b.trim(),400);t(()=>{((o.q??``)!==w||(o.owner??``)!==T)&&f({q:w,owner:T,after:void 0,before:void 0})},[w,T]);let E=e=>f({...e,after:void 0,before:void 0}),A=o.before?{last:x,before:o.before}:{first:x,after:o.after},j=y(S,{...A,search:o.q||void 0,status:o.status||void 0,owner:o.owner||void 0,autoCreated:o.auto===`yes`||o.auto!==`no`&&void 0}),M=j.data?.idTags,[F,R]=e(null),[z,B]=e(null),[V,H]=e(0),U=e=>{B(e),j.reload(),H(e=>e+1)},W=M?.nodes.find(e=>e.idTag===F);return d(m,{title:n(`nav.tags`),children:[!a.value&&d(`p`,{class:`muted`,children:n(`tags.driverIntro`)}),d(`p`,{role:`status`,class:z?`notice ok`:`sr-only`,children:z}),a.value&&d(N,{version:V,onChanged:U}),d(`h2`,{id:`tags-list`,children:n(`tags.listTitle`)}),d(`form`,{class:`filters`,role:`search`,"aria-label":n(`tags.filters`),onSubmit:e=>e.preventDefault(),children:[d(u,{label:n(`common.search`),children:d(`input`,{type:`search`,name:`search`,value:p,onInput:e=>_(e.currentTarget.value)})}),d(u,{label:n(`tags.statusLabel`),children:d(`select`,{name:`status`,value:o.status??``,onChange:e=>E({status:e.currentTarget.value||void 0}),children:[d(`option`,{value:``,children:n(`common.all`)}),D.map(e=>d(`option`,{value:e,children:O(e)},e))]})}),a.value&&d(u,{label:n(`tags.owner`),children:d(`input`,{name:`owner`,value:b,onInput:e=>C(e.currentTarget.value)})}),a.value&&d(u,{label:n(`tags.origin`),children:d(`select`,{name:`origin`,value:o.auto??``,onChange:e=>E({auto:e.currentTarget.value||void 0}),children:[d(`option`,{value:``,children:n(`common.all`)}),d(`option`,{value:`yes`,children:n(`tags.autoCreatedYes`)}),d(`option`,{value:`no`,children:n(`tags.autoCreatedNo`)})]})})]}),d(h,{error:j.error}),j.loading&&!M&&d(`p`,{class:`muted`,children:n(`common.loading`)}),M&&d(r,{children:[d(`div`,{class:`table-wrap`,children:[d(`table`,{"data-testid":`tags-table`,"aria-labelledby":`tags-list`,children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`tags.tag`)}),d(`th`,{scope:`col`,children:n(`tags.statusLabel`)}),d(`th`,{scope:`col`,children:n(`tags.expiry`)}),d(`th`,{scope:`col`,children:n(`tags.parent`)}),d(`th`,{scope:`col`,children:n(`tags.owner`)}),d(`th`,{scope:`col`,children:n(`tags.updated`)}),l.value&&d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:n(`tags.actions`)})})]})}),d(`tbody`,{children:M.nodes.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:[d(`a`,{href:`/transactions?tag=${encodeURIComponent(e.idTag)}`,title:n(`tags.itsTransactions`),children:e.idTag}),e.autoCreated&&d(r,{children:[` `,d(`span`,{class:`badge s-pending`,children:n(`tags.seen`)})]})]}),d(`td`,{children:[d(k,{value:e.effectiveStatus??e.status}),e.status&&e.effectiveStatus&&e.status!==e.effectiveStatus&&d(`span`,{class:`muted`,children:[` (`,O(e.status),`)`]})]}),d(`td`,{children:i(e.expiryDate)}),d(`td`,{children:e.parentIdTag??`–`}),d(`td`,{children:e.owner?c.value?d(`a`,{href:`/accounts?user=${encodeURIComponent(e.owner)}`,children:e.owner}):e.owner:`–`}),d(`td`,{children:i(e.updatedAt)}),l.value&&d(`td`,{children:d(`div`,{class:`row`,children:[d(`button`,{type:`button`,"aria-label":n(`tags.editOf`,{tag:e.idTag}),"aria-expanded":F===e.idTag,onClick:()=>{B(null),R(F===e.idTag?null:e.idTag)},children:n(`tags.edit`)}),d(P,{tag:e.idTag,status:e.status,onChanged:U})]})})]},e.idTag))})]}),M.nodes.length===0&&d(`p`,{class:`muted`,style:`padding:8px 10px`,children:n(`tags.none`)})]}),d(g,{pageInfo:M.pageInfo,total:M.totalCount,onPage:e=>f({after:e.after??void 0,before:e.before??void 0})})]}),l.value&&W&&d(L,{tag:W,onChanged:U,onDeleted:e=>{R(null),U(e)}},W.idTag),l.value&&d(I,{onCreated:U})]})}function N(e){let r=y(C,{});t(()=>{e.version&&r.reload()},[e.version]);let i=b(T),a=r.data?.idTags.nodes??[];return r.error?d(h,{error:r.error}):a.length===0?null:d(`section`,{class:`card notice warn`,"aria-labelledby":`tags-unknown`,style:`margin-bottom:16px`,children:[d(`h2`,{id:`tags-unknown`,style:`margin-top:0`,children:n(`tags.unknownTitle`,{n:r.data.idTags.totalCount})}),d(`p`,{children:n(`tags.unknownIntro`)}),d(`ul`,{style:`list-style:none;padding:0;margin:0;display:grid;gap:6px`,children:a.map(t=>d(`li`,{class:`row`,style:`align-items:center`,children:[d(`strong`,{children:t.idTag}),d(`span`,{class:`muted`,children:n(`tags.firstSeen`,{ago:o(t.createdAt)})}),l.value&&d(`button`,{type:`button`,class:`primary`,"aria-label":n(`tags.acceptOf`,{tag:t.idTag}),disabled:i.running,onClick:async()=>{await i.run({idTag:t.idTag,input:{status:`ACCEPTED`}})&&e.onChanged(n(`tags.acceptedOk`,{tag:t.idTag}))},children:n(`tags.accept`)})]},t.idTag))}),d(h,{error:i.error})]})}function P(e){let t=b(T),i=e.status===`BLOCKED`;return d(r,{children:[d(`button`,{type:`button`,class:i?void 0:`danger`,"aria-label":n(i?`tags.unblockOf`:`tags.blockOf`,{tag:e.tag}),disabled:t.running,onClick:async()=>{await t.run({idTag:e.tag,input:{status:i?`ACCEPTED`:`BLOCKED`}})&&e.onChanged(n(i?`tags.unblockedOk`:`tags.blockedOk`,{tag:e.tag}))},children:n(i?`tags.unblock`:`tags.block`)}),d(h,{error:t.error})]})}function F(e){return d(`select`,{name:`status`,value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:D.map(e=>d(`option`,{value:e,children:O(e)},e))})}function I({onCreated:t}){let[r,i]=e(``),[a,o]=e(`ACCEPTED`),[s,c]=e(``),[l,f]=e(``),[p,m]=e(``),g=b(w);return d(`section`,{class:`card`,"aria-labelledby":`tags-create`,style:`margin-top:16px`,children:[d(`h2`,{id:`tags-create`,children:n(`tags.create`)}),d(`form`,{onSubmit:async e=>{e.preventDefault();let o=await g.run({input:{idTag:r.trim(),status:a,expiryDate:j(s),parentIdTag:l.trim()||null,owner:p.trim()||null}});o&&(t(n(`tags.createdOk`,{tag:o.createIdTag.idTag})),i(``),c(``),f(``),m(``))},children:[d(`div`,{class:`filters`,children:[d(u,{label:n(`tags.tag`),children:d(`input`,{name:`idTag`,required:!0,maxLength:20,value:r,onInput:e=>i(e.currentTarget.value)})}),d(u,{label:n(`tags.statusLabel`),children:d(F,{value:a,onChange:o})}),d(u,{label:n(`tags.expiry`),children:d(`input`,{type:`datetime-local`,name:`expiry`,value:s,onInput:e=>c(e.currentTarget.value)})}),d(u,{label:n(`tags.parent`),children:d(`input`,{name:`parent`,maxLength:20,value:l,onInput:e=>f(e.currentTarget.value)})}),d(u,{label:n(`tags.owner`),children:d(`input`,{name:`owner`,value:p,onInput:e=>m(e.currentTarget.value)})})]}),d(h,{error:g.error}),d(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:n(`tags.createSubmit`)})]})]})}function L(t){let r=t.tag,[i,a]=e(r.status??`ACCEPTED`),[o,s]=e(A(r.expiryDate)),[c,l]=e(r.parentIdTag??``),[f,m]=e(r.owner??``),g=b(T),_=b(E);return d(`section`,{class:`card`,"aria-labelledby":`tags-edit`,style:`margin-top:16px`,children:[d(`h2`,{id:`tags-edit`,children:n(`tags.editTitle`,{tag:r.idTag})}),d(`form`,{onSubmit:async e=>{e.preventDefault(),await g.run({idTag:r.idTag,input:{status:i,expiryDate:j(o),parentIdTag:c.trim()||null,owner:f.trim()||null}})&&t.onChanged(n(`tags.savedOk`,{tag:r.idTag}))},children:[d(`div`,{class:`filters`,children:[d(u,{label:n(`tags.statusLabel`),children:d(F,{value:i,onChange:a})}),d(u,{label:n(`tags.expiry`),children:d(`input`,{type:`datetime-local`,name:`expiry`,value:o,onInput:e=>s(e.currentTarget.value)})}),d(u,{label:n(`tags.parent`),children:d(`input`,{name:`parent`,maxLength:20,value:c,onInput:e=>l(e.currentTarget.value)})}),d(u,{label:n(`tags.owner`),children:d(`input`,{name:`owner`,value:f,onInput:e=>m(e.currentTarget.value)})})]}),d(h,{error:g.error}),d(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:n(`common.save`)})]}),d(`h3`,{children:n(`tags.deleteTitle`)}),d(p,{danger:!0,label:n(`tags.delete`),question:n(`tags.deleteQuestion`,{tag:r.idTag}),disabled:_.running,onConfirm:async()=>{let e=await _.run({idTag:r.idTag});e&&t.onDeleted(e.deleteIdTag?n(`tags.deletedOk`,{tag:r.idTag}):n(`tags.deletedNone`))}}),d(h,{error:_.error})]})}export{M as Tags};