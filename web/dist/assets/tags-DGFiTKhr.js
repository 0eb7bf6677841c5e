import{C as e,L as t,P as n,_ as r,c as i,h as a,i as o,k as s,l as c,n as l,o as u,r as d,s as f,t as p,x as m,y as h,z as g}from"./console-NpAu_WoJ.js";import{i as _,n as v,t as y}from"./hooks-X1fviBlp.js";import{n as b,t as x}from"./budget-xXhU3IOu.js";var S=50,C=h(`
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
`),w=h(`
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
`),T=h(`
  mutation TagsCreate($input: CreateIdTagInput!) {
    createIdTag(input: $input) {
      idTag
    }
  }
`),E=h(`
  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
    updateIdTag(idTag: $idTag, input: $input) {
      idTag
      status
    }
  }
`),D=h(`
  mutation TagsDelete($idTag: String!) {
    deleteIdTag(idTag: $idTag)
  }
`),O=h(`
  mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {
    setIdTagBudget(idTag: $idTag, budget: $budget) {
      idTag
    }
  }
`),k=[`ACCEPTED`,`BLOCKED`,`EXPIRED`,`INVALID`,`CONCURRENT_TX`];function A(e){return e?{ACCEPTED:s(`tags.status.ACCEPTED`),BLOCKED:s(`tags.status.BLOCKED`),EXPIRED:s(`tags.status.EXPIRED`),INVALID:s(`tags.status.INVALID`),CONCURRENT_TX:s(`tags.status.CONCURRENT_TX`)}[e]??e:`–`}function j({value:e}){return e?c(`span`,{class:`badge s-${e.toLowerCase()}`,children:A(e)}):c(p,{value:e})}function M(e){if(!e)return``;let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function N(e){if(!e)return null;let t=new Date(e);return Number.isNaN(t.getTime())?null:t.toISOString()}function P(){let[l,p]=_(),[m,h]=t(l.q??``),[y,x]=t(l.owner??``),w=i(m.trim(),300),T=i(y.trim(),400);n(()=>{((l.q??``)!==w||(l.owner??``)!==T)&&p({q:w,owner:T,after:void 0,before:void 0})},[w,T]);let E=e=>p({...e,after:void 0,before:void 0}),D=l.before?{last:S,before:l.before}:{first:S,after:l.after},O=v(C,{...D,search:l.q||void 0,status:l.status||void 0,owner:l.owner||void 0,autoCreated:l.auto===`yes`||l.auto!==`no`&&void 0}),M=O.data?.idTags,[N,P]=t(null),[L,B]=t(null),[V,H]=t(0),U=e=>{B(e),O.reload(),H(e=>e+1)},W=M?.nodes.find(e=>e.idTag===N);return c(u,{title:s(`nav.tags`),children:[!r.value&&c(`p`,{class:`muted`,children:s(`tags.driverIntro`)}),c(`p`,{role:`status`,class:L?`notice ok`:`sr-only`,children:L}),r.value&&c(F,{version:V,onChanged:U}),c(`h2`,{id:`tags-list`,children:s(`tags.listTitle`)}),c(`form`,{class:`filters`,role:`search`,"aria-label":s(`tags.filters`),onSubmit:e=>e.preventDefault(),children:[c(o,{label:s(`common.search`),children:c(`input`,{type:`search`,name:`search`,value:m,onInput:e=>h(e.currentTarget.value)})}),c(o,{label:s(`tags.statusLabel`),children:c(`select`,{name:`status`,value:l.status??``,onChange:e=>E({status:e.currentTarget.value||void 0}),children:[c(`option`,{value:``,children:s(`common.all`)}),k.map(e=>c(`option`,{value:e,children:A(e)},e))]})}),r.value&&c(o,{label:s(`tags.owner`),children:c(`input`,{name:`owner`,value:y,onInput:e=>x(e.currentTarget.value)})}),r.value&&c(o,{label:s(`tags.origin`),children:c(`select`,{name:`origin`,value:l.auto??``,onChange:e=>E({auto:e.currentTarget.value||void 0}),children:[c(`option`,{value:``,children:s(`common.all`)}),c(`option`,{value:`yes`,children:s(`tags.autoCreatedYes`)}),c(`option`,{value:`no`,children:s(`tags.autoCreatedNo`)})]})})]}),c(d,{error:O.error}),O.loading&&!M&&c(`p`,{class:`muted`,children:s(`common.loading`)}),M&&c(g,{children:[c(`div`,{class:`table-wrap`,children:[c(`table`,{"data-testid":`tags-table`,"aria-labelledby":`tags-list`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:s(`tags.tag`)}),c(`th`,{scope:`col`,children:s(`tags.statusLabel`)}),c(`th`,{scope:`col`,children:s(`tags.expiry`)}),c(`th`,{scope:`col`,children:s(`tags.parent`)}),c(`th`,{scope:`col`,children:s(`tags.owner`)}),c(`th`,{scope:`col`,children:s(`budget.title`)}),c(`th`,{scope:`col`,children:s(`tags.updated`)}),a.value&&c(`th`,{scope:`col`,children:c(`span`,{class:`sr-only`,children:s(`tags.actions`)})})]})}),c(`tbody`,{children:M.nodes.map(t=>c(`tr`,{children:[c(`th`,{scope:`row`,children:[c(`a`,{href:`/transactions?tag=${encodeURIComponent(t.idTag)}`,title:s(`tags.itsTransactions`),children:t.idTag}),t.autoCreated&&c(g,{children:[` `,c(`span`,{class:`badge s-pending`,children:s(`tags.seen`)})]})]}),c(`td`,{children:[c(j,{value:t.effectiveStatus??t.status}),t.status&&t.effectiveStatus&&t.status!==t.effectiveStatus&&c(`span`,{class:`muted`,children:[` (`,A(t.status),`)`]})]}),c(`td`,{children:e(t.expiryDate)}),c(`td`,{children:t.parentIdTag??`–`}),c(`td`,{children:t.owner?a.value?c(`a`,{href:`/accounts?user=${encodeURIComponent(t.owner)}`,children:t.owner}):t.owner:`–`}),c(`td`,{children:c(b,{budget:t.budget,testId:`budget-${t.idTag}`})}),c(`td`,{children:e(t.updatedAt)}),a.value&&c(`td`,{children:c(`div`,{class:`row`,children:[c(`button`,{type:`button`,"aria-label":s(`tags.editOf`,{tag:t.idTag}),"aria-expanded":N===t.idTag,onClick:()=>{B(null),P(N===t.idTag?null:t.idTag)},children:s(`tags.edit`)}),c(I,{tag:t.idTag,status:t.status,onChanged:U})]})})]},t.idTag))})]}),M.nodes.length===0&&c(`p`,{class:`muted pad`,children:s(`tags.none`)})]}),c(f,{pageInfo:M.pageInfo,total:M.totalCount,onPage:e=>p({after:e.after??void 0,before:e.before??void 0})})]}),a.value&&W&&c(z,{tag:W,onChanged:U,onDeleted:e=>{P(null),U(e)}},W.idTag),a.value&&c(R,{onCreated:U})]})}function F(e){let t=v(w,{});n(()=>{e.version&&t.reload()},[e.version]);let r=y(E),i=t.data?.idTags.nodes??[];return t.error?c(d,{error:t.error}):i.length===0?null:c(`section`,{class:`card notice warn unknown-tags`,"aria-labelledby":`tags-unknown`,children:[c(`h2`,{id:`tags-unknown`,children:s(`tags.unknownTitle`,{n:t.data.idTags.totalCount})}),c(`p`,{children:s(`tags.unknownIntro`)}),c(`ul`,{class:`plain-list`,children:i.map(t=>c(`li`,{class:`row center`,children:[c(`strong`,{children:t.idTag}),c(`span`,{class:`muted`,children:s(`tags.firstSeen`,{ago:m(t.createdAt)})}),a.value&&c(`button`,{type:`button`,class:`primary`,"aria-label":s(`tags.acceptOf`,{tag:t.idTag}),disabled:r.running,onClick:async()=>{await r.run({idTag:t.idTag,input:{status:`ACCEPTED`}})&&e.onChanged(s(`tags.acceptedOk`,{tag:t.idTag}))},children:s(`tags.accept`)})]},t.idTag))}),c(d,{error:r.error})]})}function I(e){let t=y(E),n=e.status===`BLOCKED`;return c(g,{children:[c(`button`,{type:`button`,class:n?void 0:`danger`,"aria-label":s(n?`tags.unblockOf`:`tags.blockOf`,{tag:e.tag}),disabled:t.running,onClick:async()=>{await t.run({idTag:e.tag,input:{status:n?`ACCEPTED`:`BLOCKED`}})&&e.onChanged(s(n?`tags.unblockedOk`:`tags.blockedOk`,{tag:e.tag}))},children:s(n?`tags.unblock`:`tags.block`)}),c(d,{error:t.error})]})}function L(e){return c(`select`,{name:`status`,value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:k.map(e=>c(`option`,{value:e,children:A(e)},e))})}function R({onCreated:e}){let[n,r]=t(``),[i,a]=t(`ACCEPTED`),[l,u]=t(``),[f,p]=t(``),[m,h]=t(``),g=y(T);return c(`section`,{class:`card section-gap`,"aria-labelledby":`tags-create`,children:[c(`h2`,{id:`tags-create`,children:s(`tags.create`)}),c(`form`,{onSubmit:async t=>{t.preventDefault();let a=await g.run({input:{idTag:n.trim(),status:i,expiryDate:N(l),parentIdTag:f.trim()||null,owner:m.trim()||null}});a&&(e(s(`tags.createdOk`,{tag:a.createIdTag.idTag})),r(``),u(``),p(``),h(``))},children:[c(`div`,{class:`filters`,children:[c(o,{label:s(`tags.tag`),children:c(`input`,{name:`idTag`,required:!0,maxLength:20,value:n,onInput:e=>r(e.currentTarget.value)})}),c(o,{label:s(`tags.statusLabel`),children:c(L,{value:i,onChange:a})}),c(o,{label:s(`tags.expiry`),children:c(`input`,{type:`datetime-local`,name:`expiry`,value:l,onInput:e=>u(e.currentTarget.value)})}),c(o,{label:s(`tags.parent`),children:c(`input`,{name:`parent`,maxLength:20,value:f,onInput:e=>p(e.currentTarget.value)})}),c(o,{label:s(`tags.owner`),children:c(`input`,{name:`owner`,value:m,onInput:e=>h(e.currentTarget.value)})})]}),c(d,{error:g.error}),c(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:s(`tags.createSubmit`)})]})]})}function z(e){let n=e.tag,[r,i]=t(n.status??`ACCEPTED`),[a,u]=t(M(n.expiryDate)),[f,p]=t(n.parentIdTag??``),[m,h]=t(n.owner??``),g=y(E),_=y(D),v=y(O);return c(`section`,{class:`card section-gap`,"aria-labelledby":`tags-edit`,children:[c(`h2`,{id:`tags-edit`,children:s(`tags.editTitle`,{tag:n.idTag})}),c(`form`,{onSubmit:async t=>{t.preventDefault(),await g.run({idTag:n.idTag,input:{status:r,expiryDate:N(a),parentIdTag:f.trim()||null,owner:m.trim()||null}})&&e.onChanged(s(`tags.savedOk`,{tag:n.idTag}))},children:[c(`div`,{class:`filters`,children:[c(o,{label:s(`tags.statusLabel`),children:c(L,{value:r,onChange:i})}),c(o,{label:s(`tags.expiry`),children:c(`input`,{type:`datetime-local`,name:`expiry`,value:a,onInput:e=>u(e.currentTarget.value)})}),c(o,{label:s(`tags.parent`),children:c(`input`,{name:`parent`,maxLength:20,value:f,onInput:e=>p(e.currentTarget.value)})}),c(o,{label:s(`tags.owner`),children:c(`input`,{name:`owner`,value:m,onInput:e=>h(e.currentTarget.value)})})]}),c(d,{error:g.error}),c(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:s(`common.save`)})]}),c(`h3`,{id:`tags-budget`,children:s(`budget.title`)}),c(`p`,{class:`muted`,children:s(`budget.intro`)}),c(`p`,{children:c(b,{budget:n.budget})}),c(x,{label:s(`tags.budgetOf`,{tag:n.idTag}),budget:n.budget,running:v.running,error:v.error,onSave:async t=>{await v.run({idTag:n.idTag,budget:t})&&e.onChanged(s(t?`tags.budgetSavedOk`:`tags.budgetRemovedOk`,{tag:n.idTag}))}}),c(`h3`,{children:s(`tags.deleteTitle`)}),c(l,{danger:!0,label:s(`tags.delete`),question:s(`tags.deleteQuestion`,{tag:n.idTag}),disabled:_.running,onConfirm:async()=>{let t=await _.run({idTag:n.idTag});t&&e.onDeleted(t.deleteIdTag?s(`tags.deletedOk`,{tag:n.idTag}):s(`tags.deletedNone`))}}),c(d,{error:_.error})]})}export{P as Tags};