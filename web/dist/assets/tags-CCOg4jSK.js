import{C as e,D as t,k as n,l as r,o as i,p as a,t as o}from"./jsxRuntime-DyJjvnAk.js";import{b as s,f as c,i as l,l as u,m as d,n as f,o as p,r as m,s as h,t as g}from"./console-DvtrswII.js";import{i as _,n as v,t as y}from"./hooks-dTogHBCC.js";import{n as b,t as x}from"./budget-h0Kje-wk.js";var S=50,C=a(`
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
`),k=[`ACCEPTED`,`BLOCKED`,`EXPIRED`,`INVALID`,`CONCURRENT_TX`];function A(e){return e?{ACCEPTED:s(`tags.status.ACCEPTED`),BLOCKED:s(`tags.status.BLOCKED`),EXPIRED:s(`tags.status.EXPIRED`),INVALID:s(`tags.status.INVALID`),CONCURRENT_TX:s(`tags.status.CONCURRENT_TX`)}[e]??e:`–`}function j({value:e}){return e?o(`span`,{class:`badge s-${e.toLowerCase()}`,children:A(e)}):o(g,{value:e})}function M(e){if(!e)return``;let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function N(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function P(){let[a,c]=_(),[f,g]=t(a.q??``),[y,x]=t(a.owner??``),w=u(f.trim(),300),T=u(y.trim(),400);e(()=>{((a.q??``)!==w||(a.owner??``)!==T)&&c({q:w,owner:T,after:void 0,before:void 0})},[w,T]);let E=e=>c({...e,after:void 0,before:void 0}),D=a.before?{last:S,before:a.before}:{first:S,after:a.after},O=v(C,{...D,search:a.q||void 0,status:a.status||void 0,owner:a.owner||void 0,autoCreated:a.auto===`yes`||a.auto!==`no`&&void 0}),M=O.data?.idTags,[N,P]=t(null),[L,B]=t(null),[V,H]=t(0),U=e=>{B(e),O.reload(),H(e=>e+1)},W=M?.nodes.find(e=>e.idTag===N);return o(p,{title:s(`nav.tags`),children:[!r.value&&o(`p`,{class:`muted`,children:s(`tags.driverIntro`)}),o(`p`,{role:`status`,class:L?`notice ok`:`sr-only`,children:L}),r.value&&o(F,{version:V,onChanged:U}),o(`h2`,{id:`tags-list`,children:s(`tags.listTitle`)}),o(`form`,{class:`filters`,role:`search`,"aria-label":s(`tags.filters`),onSubmit:e=>e.preventDefault(),children:[o(l,{label:s(`common.search`),children:o(`input`,{type:`search`,name:`search`,value:f,onInput:e=>g(e.currentTarget.value)})}),o(l,{label:s(`tags.statusLabel`),children:o(`select`,{name:`status`,value:a.status??``,onChange:e=>E({status:e.currentTarget.value||void 0}),children:[o(`option`,{value:``,children:s(`common.all`)}),k.map(e=>o(`option`,{value:e,children:A(e)},e))]})}),r.value&&o(l,{label:s(`tags.owner`),children:o(`input`,{name:`owner`,value:y,onInput:e=>x(e.currentTarget.value)})}),r.value&&o(l,{label:s(`tags.origin`),children:o(`select`,{name:`origin`,value:a.auto??``,onChange:e=>E({auto:e.currentTarget.value||void 0}),children:[o(`option`,{value:``,children:s(`common.all`)}),o(`option`,{value:`yes`,children:s(`tags.autoCreatedYes`)}),o(`option`,{value:`no`,children:s(`tags.autoCreatedNo`)})]})})]}),o(m,{error:O.error}),O.loading&&!M&&o(`p`,{class:`muted`,children:s(`common.loading`)}),M&&o(n,{children:[o(`div`,{class:`table-wrap`,children:[o(`table`,{"data-testid":`tags-table`,"aria-labelledby":`tags-list`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:s(`tags.tag`)}),o(`th`,{scope:`col`,children:s(`tags.statusLabel`)}),o(`th`,{scope:`col`,children:s(`tags.expiry`)}),o(`th`,{scope:`col`,children:s(`tags.parent`)}),o(`th`,{scope:`col`,children:s(`tags.owner`)}),o(`th`,{scope:`col`,children:s(`budget.title`)}),o(`th`,{scope:`col`,children:s(`tags.updated`)}),i.value&&o(`th`,{scope:`col`,children:o(`span`,{class:`sr-only`,children:s(`tags.actions`)})})]})}),o(`tbody`,{children:M.nodes.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:[o(`a`,{href:`/transactions?tag=${encodeURIComponent(e.idTag)}`,title:s(`tags.itsTransactions`),children:e.idTag}),e.autoCreated&&o(n,{children:[` `,o(`span`,{class:`badge s-pending`,children:s(`tags.seen`)})]})]}),o(`td`,{children:[o(j,{value:e.effectiveStatus??e.status}),e.status&&e.effectiveStatus&&e.status!==e.effectiveStatus&&o(`span`,{class:`muted`,children:[` (`,A(e.status),`)`]})]}),o(`td`,{children:d(e.expiryDate)}),o(`td`,{children:e.parentIdTag??`–`}),o(`td`,{children:e.owner?i.value?o(`a`,{href:`/accounts?user=${encodeURIComponent(e.owner)}`,children:e.owner}):e.owner:`–`}),o(`td`,{children:o(b,{budget:e.budget,testId:`budget-${e.idTag}`})}),o(`td`,{children:d(e.updatedAt)}),i.value&&o(`td`,{children:o(`div`,{class:`row`,children:[o(`button`,{type:`button`,"aria-label":s(`tags.editOf`,{tag:e.idTag}),"aria-expanded":N===e.idTag,onClick:()=>{B(null),P(N===e.idTag?null:e.idTag)},children:s(`tags.edit`)}),o(I,{tag:e.idTag,status:e.status,onChanged:U})]})})]},e.idTag))})]}),M.nodes.length===0&&o(`p`,{class:`muted pad`,children:s(`tags.none`)})]}),o(h,{pageInfo:M.pageInfo,total:M.totalCount,onPage:e=>c({after:e.after??void 0,before:e.before??void 0})})]}),i.value&&W&&o(z,{tag:W,onChanged:U,onDeleted:e=>{P(null),U(e)}},W.idTag),i.value&&o(R,{onCreated:U})]})}function F(t){let n=v(w,{});e(()=>{t.version&&n.reload()},[t.version]);let r=y(E),a=n.data?.idTags.nodes??[];return n.error?o(m,{error:n.error}):a.length===0?null:o(`section`,{class:`card notice warn unknown-tags`,"aria-labelledby":`tags-unknown`,children:[o(`h2`,{id:`tags-unknown`,children:s(`tags.unknownTitle`,{n:n.data.idTags.totalCount})}),o(`p`,{children:s(`tags.unknownIntro`)}),o(`ul`,{class:`plain-list`,children:a.map(e=>o(`li`,{class:`row center`,children:[o(`strong`,{children:e.idTag}),o(`span`,{class:`muted`,children:s(`tags.firstSeen`,{ago:c(e.createdAt)})}),i.value&&o(`button`,{type:`button`,class:`primary`,"aria-label":s(`tags.acceptOf`,{tag:e.idTag}),disabled:r.running,onClick:async()=>{await r.run({idTag:e.idTag,input:{status:`ACCEPTED`}})&&t.onChanged(s(`tags.acceptedOk`,{tag:e.idTag}))},children:s(`tags.accept`)})]},e.idTag))}),o(m,{error:r.error})]})}function I(e){let t=y(E),r=e.status===`BLOCKED`;return o(n,{children:[o(`button`,{type:`button`,class:r?void 0:`danger`,"aria-label":s(r?`tags.unblockOf`:`tags.blockOf`,{tag:e.tag}),disabled:t.running,onClick:async()=>{await t.run({idTag:e.tag,input:{status:r?`ACCEPTED`:`BLOCKED`}})&&e.onChanged(s(r?`tags.unblockedOk`:`tags.blockedOk`,{tag:e.tag}))},children:s(r?`tags.unblock`:`tags.block`)}),o(m,{error:t.error})]})}function L(e){return o(`select`,{name:`status`,value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:k.map(e=>o(`option`,{value:e,children:A(e)},e))})}function R({onCreated:e}){let[n,r]=t(``),[i,a]=t(`ACCEPTED`),[c,u]=t(``),[d,f]=t(``),[p,h]=t(``),g=y(T);return o(`section`,{class:`card section-gap`,"aria-labelledby":`tags-create`,children:[o(`h2`,{id:`tags-create`,children:s(`tags.create`)}),o(`form`,{onSubmit:async t=>{t.preventDefault();let a=await g.run({input:{idTag:n.trim(),status:i,expiryDate:N(c),parentIdTag:d.trim()||null,owner:p.trim()||null}});a&&(e(s(`tags.createdOk`,{tag:a.createIdTag.idTag})),r(``),u(``),f(``),h(``))},children:[o(`div`,{class:`filters`,children:[o(l,{label:s(`tags.tag`),children:o(`input`,{name:`idTag`,required:!0,maxLength:20,value:n,onInput:e=>r(e.currentTarget.value)})}),o(l,{label:s(`tags.statusLabel`),children:o(L,{value:i,onChange:a})}),o(l,{label:s(`tags.expiry`),children:o(`input`,{type:`datetime-local`,name:`expiry`,value:c,onInput:e=>u(e.currentTarget.value)})}),o(l,{label:s(`tags.parent`),children:o(`input`,{name:`parent`,maxLength:20,value:d,onInput:e=>f(e.currentTarget.value)})}),o(l,{label:s(`tags.owner`),children:o(`input`,{name:`owner`,value:p,onInput:e=>h(e.currentTarget.value)})})]}),o(m,{error:g.error}),o(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:s(`tags.createSubmit`)})]})]})}function z(e){let n=e.tag,[r,i]=t(n.status??`ACCEPTED`),[a,c]=t(M(n.expiryDate)),[u,d]=t(n.parentIdTag??``),[p,h]=t(n.owner??``),g=y(E),_=y(D),v=y(O);return o(`section`,{class:`card section-gap`,"aria-labelledby":`tags-edit`,children:[o(`h2`,{id:`tags-edit`,children:s(`tags.editTitle`,{tag:n.idTag})}),o(`form`,{onSubmit:async t=>{t.preventDefault(),await g.run({idTag:n.idTag,input:{status:r,expiryDate:N(a),parentIdTag:u.trim()||null,owner:p.trim()||null}})&&e.onChanged(s(`tags.savedOk`,{tag:n.idTag}))},children:[o(`div`,{class:`filters`,children:[o(l,{label:s(`tags.statusLabel`),children:o(L,{value:r,onChange:i})}),o(l,{label:s(`tags.expiry`),children:o(`input`,{type:`datetime-local`,name:`expiry`,value:a,onInput:e=>c(e.currentTarget.value)})}),o(l,{label:s(`tags.parent`),children:o(`input`,{name:`parent`,maxLength:20,value:u,onInput:e=>d(e.currentTarget.value)})}),o(l,{label:s(`tags.owner`),children:o(`input`,{name:`owner`,value:p,onInput:e=>h(e.currentTarget.value)})})]}),o(m,{error:g.error}),o(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:s(`common.save`)})]}),o(`h3`,{id:`tags-budget`,children:s(`budget.title`)}),o(`p`,{class:`muted`,children:s(`budget.intro`)}),o(`p`,{children:o(b,{budget:n.budget})}),o(x,{label:s(`tags.budgetOf`,{tag:n.idTag}),budget:n.budget,running:v.running,error:v.error,onSave:async t=>{await v.run({idTag:n.idTag,budget:t})&&e.onChanged(s(t?`tags.budgetSavedOk`:`tags.budgetRemovedOk`,{tag:n.idTag}))}}),o(`h3`,{children:s(`tags.deleteTitle`)}),o(f,{danger:!0,label:s(`tags.delete`),question:s(`tags.deleteQuestion`,{tag:n.idTag}),disabled:_.running,onConfirm:async()=>{let t=await _.run({idTag:n.idTag});t&&e.onDeleted(t.deleteIdTag?s(`tags.deletedOk`,{tag:n.idTag}):s(`tags.deletedNone`))}}),o(m,{error:_.error})]})}export{P as Tags};