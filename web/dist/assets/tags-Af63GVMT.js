import{A as e,C as t,O as n,l as r,o as i,p as a,t as o}from"./jsxRuntime-DPkzGEFM.js";import{b as s,f as c,i as l,l as u,m as d,n as f,o as p,r as m,s as h,t as g}from"./console-YlmL2Q8V.js";import{i as _,n as v,t as y}from"./hooks-B890TPRV.js";import{n as b,t as x}from"./budget-BzLtxSId.js";var S=50,C=a(`
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
        budget {
          limitWh
          period
          periodStart
          periodEnd
          usedWh
          remainingWh
          exhausted
        }
      }
    }
  }
`),w=a(`
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
`),T=a(`
  mutation TagsCreate($input: CreateIdTagInput!) {
    createIdTag(input: $input) {
      idTag
    }
  }
`),E=a(`
  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
    updateIdTag(idTag: $idTag, input: $input) {
      idTag
      status
    }
  }
`),D=a(`
  mutation TagsDelete($idTag: String!) {
    deleteIdTag(idTag: $idTag)
  }
`),O=a(`
  mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {
    setIdTagBudget(idTag: $idTag, budget: $budget) {
      idTag
    }
  }
`),k=[`ACCEPTED`,`BLOCKED`,`EXPIRED`,`INVALID`,`CONCURRENT_TX`];function A(e){return e?{ACCEPTED:s(`tags.status.ACCEPTED`),BLOCKED:s(`tags.status.BLOCKED`),EXPIRED:s(`tags.status.EXPIRED`),INVALID:s(`tags.status.INVALID`),CONCURRENT_TX:s(`tags.status.CONCURRENT_TX`)}[e]??e:`–`}function j({value:e}){return e?o(`span`,{class:`badge s-${e.toLowerCase()}`,children:A(e)}):o(g,{value:e})}function M(e){if(!e)return``;let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function N(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function P(){let[a,c]=_(),[f,g]=n(a.q??``),[y,x]=n(a.owner??``),w=u(f.trim(),300),T=u(y.trim(),400);t(()=>{((a.q??``)!==w||(a.owner??``)!==T)&&c({q:w,owner:T,after:void 0,before:void 0})},[w,T]);let E=e=>c({...e,after:void 0,before:void 0}),D=a.before?{last:S,before:a.before}:{first:S,after:a.after},O=v(C,{...D,search:a.q||void 0,status:a.status||void 0,owner:a.owner||void 0,autoCreated:a.auto===`yes`||a.auto!==`no`&&void 0}),M=O.data?.idTags,[N,P]=n(null),[L,B]=n(null),[V,H]=n(0),U=e=>{B(e),O.reload(),H(e=>e+1)},W=M?.nodes.find(e=>e.idTag===N);return o(p,{title:s(`nav.tags`),children:[!r.value&&o(`p`,{class:`muted`,children:s(`tags.driverIntro`)}),o(`p`,{role:`status`,class:L?`notice ok`:`sr-only`,children:L}),r.value&&o(F,{version:V,onChanged:U}),o(`h2`,{id:`tags-list`,children:s(`tags.listTitle`)}),o(`form`,{class:`filters`,role:`search`,"aria-label":s(`tags.filters`),onSubmit:e=>e.preventDefault(),children:[o(l,{label:s(`common.search`),children:o(`input`,{type:`search`,name:`search`,value:f,onInput:e=>g(e.currentTarget.value)})}),o(l,{label:s(`tags.statusLabel`),children:o(`select`,{name:`status`,value:a.status??``,onChange:e=>E({status:e.currentTarget.value||void 0}),children:[o(`option`,{value:``,children:s(`common.all`)}),k.map(e=>o(`option`,{value:e,children:A(e)},e))]})}),r.value&&o(l,{label:s(`tags.owner`),children:o(`input`,{name:`owner`,value:y,onInput:e=>x(e.currentTarget.value)})}),r.value&&o(l,{label:s(`tags.origin`),children:o(`select`,{name:`origin`,value:a.auto??``,onChange:e=>E({auto:e.currentTarget.value||void 0}),children:[o(`option`,{value:``,children:s(`common.all`)}),o(`option`,{value:`yes`,children:s(`tags.autoCreatedYes`)}),o(`option`,{value:`no`,children:s(`tags.autoCreatedNo`)})]})})]}),o(m,{error:O.error}),O.loading&&!M&&o(`p`,{class:`muted`,children:s(`common.loading`)}),M&&o(e,{children:[o(`div`,{class:`table-wrap`,children:[o(`table`,{"data-testid":`tags-table`,"aria-labelledby":`tags-list`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:s(`tags.tag`)}),o(`th`,{scope:`col`,children:s(`tags.statusLabel`)}),o(`th`,{scope:`col`,children:s(`tags.expiry`)}),o(`th`,{scope:`col`,children:s(`tags.parent`)}),o(`th`,{scope:`col`,children:s(`tags.owner`)}),o(`th`,{scope:`col`,children:s(`budget.title`)}),o(`th`,{scope:`col`,children:s(`tags.updated`)}),i.value&&o(`th`,{scope:`col`,children:o(`span`,{class:`sr-only`,children:s(`tags.actions`)})})]})}),o(`tbody`,{children:M.nodes.map(t=>o(`tr`,{children:[o(`th`,{scope:`row`,children:[o(`a`,{href:`/transactions?tag=${encodeURIComponent(t.idTag)}`,title:s(`tags.itsTransactions`),children:t.idTag}),t.autoCreated&&o(e,{children:[` `,o(`span`,{class:`badge s-pending`,children:s(`tags.seen`)})]})]}),o(`td`,{children:[o(j,{value:t.effectiveStatus??t.status}),t.status&&t.effectiveStatus&&t.status!==t.effectiveStatus&&o(`span`,{class:`muted`,children:[` (`,A(t.status),`)`]})]}),o(`td`,{children:d(t.expiryDate)}),o(`td`,{children:t.parentIdTag??`–`}),o(`td`,{children:t.owner?i.value?o(`a`,{href:`/accounts?user=${encodeURIComponent(t.owner)}`,children:t.owner}):t.owner:`–`}),o(`td`,{children:o(b,{budget:t.budget,testId:`budget-${t.idTag}`})}),o(`td`,{children:d(t.updatedAt)}),i.value&&o(`td`,{children:o(`div`,{class:`row`,children:[o(`button`,{type:`button`,"aria-label":s(`tags.editOf`,{tag:t.idTag}),"aria-expanded":N===t.idTag,onClick:()=>{B(null),P(N===t.idTag?null:t.idTag)},children:s(`tags.edit`)}),o(I,{tag:t.idTag,status:t.status,onChanged:U})]})})]},t.idTag))})]}),M.nodes.length===0&&o(`p`,{class:`muted pad`,children:s(`tags.none`)})]}),o(h,{pageInfo:M.pageInfo,total:M.totalCount,onPage:e=>c({after:e.after??void 0,before:e.before??void 0})})]}),i.value&&W&&o(z,{tag:W,onChanged:U,onDeleted:e=>{P(null),U(e)}},W.idTag),i.value&&o(R,{onCreated:U})]})}function F(e){let n=v(w,{});t(()=>{e.version&&n.reload()},[e.version]);let r=y(E),a=n.data?.idTags.nodes??[];return n.error?o(m,{error:n.error}):a.length===0?null:o(`section`,{class:`card notice warn unknown-tags`,"aria-labelledby":`tags-unknown`,children:[o(`h2`,{id:`tags-unknown`,children:s(`tags.unknownTitle`,{n:n.data.idTags.totalCount})}),o(`p`,{children:s(`tags.unknownIntro`)}),o(`ul`,{class:`plain-list`,children:a.map(t=>o(`li`,{class:`row center`,children:[o(`strong`,{children:t.idTag}),o(`span`,{class:`muted`,children:s(`tags.firstSeen`,{ago:c(t.createdAt)})}),i.value&&o(`button`,{type:`button`,class:`primary`,"aria-label":s(`tags.acceptOf`,{tag:t.idTag}),disabled:r.running,onClick:async()=>{await r.run({idTag:t.idTag,input:{status:`ACCEPTED`}})&&e.onChanged(s(`tags.acceptedOk`,{tag:t.idTag}))},children:s(`tags.accept`)})]},t.idTag))}),o(m,{error:r.error})]})}function I(t){let n=y(E),r=t.status===`BLOCKED`;return o(e,{children:[o(`button`,{type:`button`,class:r?void 0:`danger`,"aria-label":s(r?`tags.unblockOf`:`tags.blockOf`,{tag:t.tag}),disabled:n.running,onClick:async()=>{await n.run({idTag:t.tag,input:{status:r?`ACCEPTED`:`BLOCKED`}})&&t.onChanged(s(r?`tags.unblockedOk`:`tags.blockedOk`,{tag:t.tag}))},children:s(r?`tags.unblock`:`tags.block`)}),o(m,{error:n.error})]})}function L(e){return o(`select`,{name:`status`,value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:k.map(e=>o(`option`,{value:e,children:A(e)},e))})}function R({onCreated:e}){let[t,r]=n(``),[i,a]=n(`ACCEPTED`),[c,u]=n(``),[d,f]=n(``),[p,h]=n(``),g=y(T);return o(`section`,{class:`card section-gap`,"aria-labelledby":`tags-create`,children:[o(`h2`,{id:`tags-create`,children:s(`tags.create`)}),o(`form`,{onSubmit:async n=>{n.preventDefault();let a=await g.run({input:{idTag:t.trim(),status:i,expiryDate:N(c),parentIdTag:d.trim()||null,owner:p.trim()||null}});a&&(e(s(`tags.createdOk`,{tag:a.createIdTag.idTag})),r(``),u(``),f(``),h(``))},children:[o(`div`,{class:`filters`,children:[o(l,{label:s(`tags.tag`),children:o(`input`,{name:`idTag`,required:!0,maxLength:20,value:t,onInput:e=>r(e.currentTarget.value)})}),o(l,{label:s(`tags.statusLabel`),children:o(L,{value:i,onChange:a})}),o(l,{label:s(`tags.expiry`),children:o(`input`,{type:`datetime-local`,name:`expiry`,value:c,onInput:e=>u(e.currentTarget.value)})}),o(l,{label:s(`tags.parent`),children:o(`input`,{name:`parent`,maxLength:20,value:d,onInput:e=>f(e.currentTarget.value)})}),o(l,{label:s(`tags.owner`),children:o(`input`,{name:`owner`,value:p,onInput:e=>h(e.currentTarget.value)})})]}),o(m,{error:g.error}),o(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:s(`tags.createSubmit`)})]})]})}function z(e){let t=e.tag,[r,i]=n(t.status??`ACCEPTED`),[a,c]=n(M(t.expiryDate)),[u,d]=n(t.parentIdTag??``),[p,h]=n(t.owner??``),g=y(E),_=y(D),v=y(O);return o(`section`,{class:`card section-gap`,"aria-labelledby":`tags-edit`,children:[o(`h2`,{id:`tags-edit`,children:s(`tags.editTitle`,{tag:t.idTag})}),o(`form`,{onSubmit:async n=>{n.preventDefault(),await g.run({idTag:t.idTag,input:{status:r,expiryDate:N(a),parentIdTag:u.trim()||null,owner:p.trim()||null}})&&e.onChanged(s(`tags.savedOk`,{tag:t.idTag}))},children:[o(`div`,{class:`filters`,children:[o(l,{label:s(`tags.statusLabel`),children:o(L,{value:r,onChange:i})}),o(l,{label:s(`tags.expiry`),children:o(`input`,{type:`datetime-local`,name:`expiry`,value:a,onInput:e=>c(e.currentTarget.value)})}),o(l,{label:s(`tags.parent`),children:o(`input`,{name:`parent`,maxLength:20,value:u,onInput:e=>d(e.currentTarget.value)})}),o(l,{label:s(`tags.owner`),children:o(`input`,{name:`owner`,value:p,onInput:e=>h(e.currentTarget.value)})})]}),o(m,{error:g.error}),o(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:s(`common.save`)})]}),o(`h3`,{id:`tags-budget`,children:s(`budget.title`)}),o(`p`,{class:`muted`,children:s(`budget.intro`)}),o(`p`,{children:o(b,{budget:t.budget})}),o(x,{label:s(`tags.budgetOf`,{tag:t.idTag}),budget:t.budget,running:v.running,error:v.error,onSave:async n=>{await v.run({idTag:t.idTag,budget:n})&&e.onChanged(s(n?`tags.budgetSavedOk`:`tags.budgetRemovedOk`,{tag:t.idTag}))}}),o(`h3`,{children:s(`tags.deleteTitle`)}),o(f,{danger:!0,label:s(`tags.delete`),question:s(`tags.deleteQuestion`,{tag:t.idTag}),disabled:_.running,onConfirm:async()=>{let n=await _.run({idTag:t.idTag});n&&e.onDeleted(n.deleteIdTag?s(`tags.deletedOk`,{tag:t.idTag}):s(`tags.deletedNone`))}}),o(m,{error:_.error})]})}export{P as Tags};