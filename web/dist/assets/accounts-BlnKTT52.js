import{C as e,L as t,M as n,g as r,h as i,i as a,k as o,l as s,m as c,n as l,o as u,r as d,u as f,v as p,y as m,z as h}from"./console-NpAu_WoJ.js";import{n as g,t as _}from"./hooks-X1fviBlp.js";import{n as v,t as y}from"./budget-xXhU3IOu.js";var b=m(`
  query AccountsList {
    accounts {
      username
      role
      stations
      pending
      createdAt
      updatedAt
      idTags {
        idTag
        status
        effectiveStatus
      }
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
`),x=m(`
  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
    createAccount(username: $username, password: $password, role: $role, stations: $stations) {
      username
    }
  }
`),S=m(`
  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
    updateAccount(username: $username, role: $role, stations: $stations) {
      username
    }
  }
`),C=m(`
  mutation AccountsResetPassword($username: String!, $password: String!) {
    updateAccount(username: $username, password: $password) {
      username
    }
  }
`),w=m(`
  mutation AccountsDelete($username: String!) {
    deleteAccount(username: $username)
  }
`),T=m(`
  mutation AccountsApprove($username: String!) {
    approveAccount(username: $username) {
      username
      pending
    }
  }
`),E=m(`
  mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {
    setAccountBudget(username: $username, budget: $budget) {
      username
    }
  }
`),D=m(`
  query AccountsTagOwner($idTag: String!) {
    idTag(idTag: $idTag) {
      idTag
      owner
    }
  }
`),O=m(`
  mutation AccountsGiveTag($idTag: String!, $owner: String) {
    updateIdTag(idTag: $idTag, input: { owner: $owner }) {
      idTag
      owner
    }
  }
`),k=m(`
  mutation AccountsCreateTag($idTag: String!, $owner: String!) {
    createIdTag(input: { idTag: $idTag, owner: $owner, status: ACCEPTED }) {
      idTag
      owner
    }
  }
`),A=[`ADMIN`,`OPERATOR`,`VIEWER`,`DRIVER`];function j(){return r.value?A:[`DRIVER`]}function M(e){return{ADMIN:o(`accounts.role.ADMIN`),OPERATOR:o(`accounts.role.OPERATOR`),VIEWER:o(`accounts.role.VIEWER`),DRIVER:o(`accounts.role.DRIVER`)}[e]??e}function N(e){let t=e.split(/[\s,]+/).map(e=>e.trim()).filter(Boolean);return t.length===0||t.length===1&&t[0].toLowerCase()===`all`?null:t}function P(e){return e?e.join(`, `):`all`}function F(e){return s(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:j().map(e=>s(`option`,{value:e,children:M(e)},e))})}function I({tags:e}){return e.length===0?s(`span`,{class:`muted`,children:`–`}):s(`ul`,{class:`tag-chips`,children:e.map(e=>s(`li`,{children:[s(`a`,{href:`/tags?q=${encodeURIComponent(e.idTag)}`,children:s(`code`,{children:e.idTag})}),(e.effectiveStatus??e.status)!==`ACCEPTED`&&s(`span`,{class:`badge s-${(e.effectiveStatus??e.status??``).toLowerCase()}`,children:(e.effectiveStatus??e.status??`–`).toLowerCase()})]},e.idTag))})}function L(){let a=g(b,{},{skip:!i.value}),{query:c}=n(),[l,m]=t(c.user??null),[_,y]=t(null);if(!i.value)return s(u,{title:o(`nav.accounts`),children:s(`p`,{class:`notice warn`,children:o(`accounts.adminsOnly`)})});let x=(a.data?.accounts??[]).filter(e=>r.value||e.role===`DRIVER`),S=x.filter(e=>e.pending),C=x.find(e=>e.username===l),w=e=>{y(e),a.reload(),f()};return s(u,{title:o(`nav.accounts`),children:[!r.value&&s(`p`,{class:`muted`,children:o(`accounts.operatorIntro`)}),s(`p`,{role:`status`,class:_?`notice ok`:`sr-only`,children:_}),s(d,{error:a.error}),a.loading&&!a.data&&s(`p`,{class:`muted`,children:o(`common.loading`)}),S.length>0&&s(R,{accounts:S,onChanged:w}),s(`div`,{class:`table-wrap`,children:[s(`table`,{"data-testid":`accounts-table`,children:[s(`caption`,{class:`sr-only`,children:o(`nav.accounts`)}),s(`thead`,{children:s(`tr`,{children:[s(`th`,{scope:`col`,children:o(`accounts.username`)}),s(`th`,{scope:`col`,children:o(`accounts.roleLabel`)}),s(`th`,{scope:`col`,children:o(`accounts.idTags`)}),s(`th`,{scope:`col`,children:o(`budget.title`)}),s(`th`,{scope:`col`,children:o(`accounts.stations`)}),s(`th`,{scope:`col`,children:o(`accounts.created`)}),s(`th`,{scope:`col`,children:o(`accounts.updated`)}),s(`th`,{scope:`col`,children:s(`span`,{class:`sr-only`,children:o(`accounts.actions`)})})]})}),s(`tbody`,{children:x.map(t=>s(`tr`,{"data-testid":`account-${t.username}`,children:[s(`th`,{scope:`row`,children:[t.username,t.username===p.value?.sub&&s(`span`,{class:`muted`,children:[` (`,o(`accounts.you`),`)`]}),t.pending&&s(h,{children:[` `,s(`span`,{class:`badge s-pending`,children:o(`accounts.pendingBadge`)})]})]}),s(`td`,{children:M(t.role)}),s(`td`,{children:s(I,{tags:t.idTags})}),s(`td`,{children:t.role===`DRIVER`?s(v,{budget:t.budget}):s(`span`,{class:`muted`,children:`–`})}),s(`td`,{children:t.stations?t.stations.join(`, `):s(`span`,{class:`muted`,children:o(`accounts.allStations`)})}),s(`td`,{children:e(t.createdAt)}),s(`td`,{children:e(t.updatedAt)}),s(`td`,{children:s(`button`,{type:`button`,"aria-label":o(`accounts.editOf`,{name:t.username}),"aria-expanded":l===t.username,onClick:()=>{y(null),m(l===t.username?null:t.username)},children:o(`accounts.edit`)})})]},t.username))})]}),a.data&&x.length===0&&s(`p`,{class:`muted pad`,children:o(`common.none`)})]}),C&&s(V,{account:C,onChanged:w,onDeleted:e=>{m(null),w(e)}},C.username),s(B,{onCreated:(e,t)=>{w(e),m(t)}})]})}function R(e){let t=_(T),n=_(w);return s(`section`,{class:`card notice warn pending-accounts`,"aria-labelledby":`accounts-pending`,children:[s(`h2`,{id:`accounts-pending`,children:o(`accounts.pendingTitle`,{n:e.accounts.length})}),s(`p`,{children:o(`accounts.pendingIntro`)}),s(`ul`,{class:`plain-list`,children:e.accounts.map(r=>s(`li`,{class:`row center`,"data-testid":`pending-${r.username}`,children:[s(`strong`,{children:r.username}),s(`span`,{class:`muted`,children:M(r.role)}),s(`button`,{type:`button`,class:`primary`,"aria-label":o(`accounts.approveOf`,{name:r.username}),disabled:t.running||n.running,onClick:async()=>{await t.run({username:r.username})&&e.onChanged(o(`accounts.approvedOk`,{name:r.username}))},children:o(`accounts.approve`)}),s(l,{danger:!0,label:o(`accounts.rejectOf`,{name:r.username}),question:o(`accounts.rejectQuestion`,{name:r.username}),disabled:t.running||n.running,onConfirm:async()=>{await n.run({username:r.username})&&e.onChanged(o(`accounts.rejectedOk`,{name:r.username}))}})]},r.username))}),s(d,{error:t.error??n.error})]})}async function z(e,t,n){let{idTag:r}=await c(D,{idTag:e});return r?r.owner&&r.owner!==t&&!n?{kind:`owned`,by:r.owner}:(await c(O,{idTag:r.idTag,owner:t}),{kind:`given`}):(await c(k,{idTag:e,owner:t}),{kind:`created`})}function B({onCreated:e}){let[n,i]=t(``),[c,l]=t(``),[u,f]=t(r.value?`OPERATOR`:`DRIVER`),[p,m]=t(`all`),[h,g]=t(``),[v,y]=t(null),b=_(x);return s(`section`,{class:`card section-gap`,"aria-labelledby":`accounts-create`,children:[s(`h2`,{id:`accounts-create`,children:r.value?o(`accounts.create`):o(`accounts.createDriver`)}),s(`form`,{onSubmit:async t=>{t.preventDefault(),y(null);let r=await b.run({username:n.trim(),password:c,role:u,stations:N(p)});if(!r)return;let a=r.createAccount.username,s=o(`accounts.createdOk`,{name:a}),d=h.trim();if(u===`DRIVER`&&d)try{let e=await z(d,a,!1);s=e.kind===`owned`?o(`accounts.createdTagOwned`,{name:a,tag:d,owner:e.by}):o(`accounts.createdWithTag`,{name:a,tag:d})}catch(e){y(e)}e(s,a),i(``),l(``),m(`all`),g(``)},"aria-labelledby":`accounts-create`,children:[s(`div`,{class:`filters`,children:[s(a,{label:o(`accounts.username`),children:s(`input`,{name:`username`,required:!0,autocomplete:`off`,value:n,onInput:e=>i(e.currentTarget.value)})}),s(a,{label:o(`accounts.password`),children:s(`input`,{name:`password`,type:`password`,required:!0,autocomplete:`new-password`,value:c,onInput:e=>l(e.currentTarget.value)})}),r.value&&s(a,{label:o(`accounts.roleLabel`),children:s(F,{value:u,onChange:f})}),s(a,{label:o(`accounts.scope`),hint:o(`accounts.scopeHint`),children:s(`input`,{name:`stations`,value:p,onInput:e=>m(e.currentTarget.value)})}),u===`DRIVER`&&s(a,{label:o(`accounts.firstTag`),hint:o(`accounts.firstTagHint`),children:s(`input`,{name:`idTag`,maxLength:20,value:h,onInput:e=>g(e.currentTarget.value)})})]}),s(d,{error:b.error??v}),s(`button`,{type:`submit`,class:`primary`,disabled:b.running,children:r.value?o(`accounts.createSubmit`):o(`accounts.createDriverSubmit`)})]})]})}function V(e){let n=e.account,[i,c]=t(n.role),[u,f]=t(P(n.stations)),[p,m]=t(``),g=_(S),b=_(C),x=_(w),T=_(E);return s(`section`,{class:`card section-gap`,"aria-labelledby":`accounts-edit`,children:[s(`h2`,{id:`accounts-edit`,children:o(`accounts.editTitle`,{name:n.username})}),s(`form`,{onSubmit:async t=>{t.preventDefault(),await g.run({username:n.username,role:i,stations:N(u)})&&e.onChanged(o(`accounts.savedOk`,{name:n.username}))},"aria-label":o(`accounts.saveRole`),children:[s(`div`,{class:`filters`,children:[r.value?s(a,{label:o(`accounts.roleLabel`),children:s(F,{value:i,onChange:c})}):s(`p`,{children:[o(`accounts.roleLabel`),`: `,s(`strong`,{children:M(n.role)})]}),s(a,{label:o(`accounts.scope`),hint:o(`accounts.scopeHint`),children:s(`input`,{name:`stations`,value:u,onInput:e=>f(e.currentTarget.value)})})]}),s(d,{error:g.error}),s(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:o(`accounts.saveRole`)})]}),n.role===`DRIVER`&&s(H,{account:n,onChanged:e.onChanged}),n.role===`DRIVER`&&s(h,{children:[s(`h3`,{children:o(`budget.title`)}),s(`p`,{class:`muted`,children:o(`accounts.budgetIntro`)}),s(`p`,{children:s(v,{budget:n.budget,testId:`account-budget-${n.username}`})}),s(y,{label:o(`accounts.budgetOf`,{name:n.username}),budget:n.budget,running:T.running,error:T.error,onSave:async t=>{await T.run({username:n.username,budget:t})&&e.onChanged(o(t?`accounts.budgetSavedOk`:`accounts.budgetRemovedOk`,{name:n.username}))}})]}),s(`h3`,{children:o(`accounts.resetPassword`)}),s(`div`,{class:`row`,children:[s(a,{label:o(`accounts.newPassword`),children:s(`input`,{name:`new-password`,type:`password`,autocomplete:`new-password`,value:p,onInput:e=>m(e.currentTarget.value)})}),s(`div`,{class:`field`,children:s(l,{label:o(`accounts.resetPassword`),question:o(`accounts.resetQuestion`,{name:n.username}),disabled:!p||b.running,onConfirm:async()=>{await b.run({username:n.username,password:p})&&(m(``),e.onChanged(o(`accounts.passwordOk`,{name:n.username})))}})})]}),s(d,{error:b.error}),s(`h3`,{children:o(`accounts.deleteTitle`)}),s(l,{danger:!0,label:o(`accounts.delete`),question:o(`accounts.deleteQuestion`,{name:n.username}),disabled:x.running,onConfirm:async()=>{let t=await x.run({username:n.username});t&&e.onDeleted(t.deleteAccount?o(`accounts.deletedOk`,{name:n.username}):o(`accounts.deletedNone`))}}),s(d,{error:x.error})]})}function H(e){let n=e.account,[r,i]=t(``),[c,l]=t(!1),[u,f]=t(null),[p,m]=t(null),g=_(O),v=async t=>{let a=r.trim();if(a){l(!0),f(null),m(null);try{let r=await z(a,n.username,t);r.kind===`owned`?m(r.by):(i(``),e.onChanged(r.kind===`created`?o(`accounts.tagCreatedOk`,{tag:a,name:n.username}):o(`accounts.tagGivenOk`,{tag:a,name:n.username})))}catch(e){f(e)}finally{l(!1)}}};return s(h,{children:[s(`h3`,{id:`account-tags-h`,children:o(`accounts.idTags`)}),n.idTags.length===0?s(`p`,{class:`muted`,children:o(`accounts.noTags`)}):s(`ul`,{class:`plain-list`,"aria-labelledby":`account-tags-h`,"data-testid":`account-tags-${n.username}`,children:n.idTags.map(t=>s(`li`,{class:`row center`,children:[s(`code`,{children:t.idTag}),s(`button`,{type:`button`,"aria-label":o(`accounts.takeBackOf`,{tag:t.idTag,name:n.username}),disabled:g.running,onClick:async()=>{await g.run({idTag:t.idTag,owner:null})&&e.onChanged(o(`accounts.takenBackOk`,{tag:t.idTag,name:n.username}))},children:o(`accounts.takeBack`)})]},t.idTag))}),s(d,{error:g.error}),s(`form`,{"aria-label":o(`accounts.giveTagOf`,{name:n.username}),onSubmit:e=>{e.preventDefault(),v(!1)},children:[s(`div`,{class:`row`,children:[s(a,{label:o(`accounts.giveTagLabel`),hint:o(`accounts.giveTagHint`),children:s(`input`,{name:`give-tag`,required:!0,maxLength:20,value:r,onInput:e=>{i(e.currentTarget.value),m(null)}})}),s(`div`,{class:`field`,children:s(`button`,{type:`submit`,disabled:c,children:o(`accounts.giveTag`)})})]}),p&&s(`div`,{class:`notice warn`,role:`alert`,children:[s(`p`,{children:o(`accounts.tagOwnedBy`,{tag:r.trim(),owner:p})}),s(`div`,{class:`row`,children:[s(`button`,{type:`button`,class:`danger`,disabled:c,onClick:()=>void v(!0),children:o(`accounts.takeOver`,{name:n.username})}),s(`button`,{type:`button`,onClick:()=>{m(null),i(``)},children:o(`common.cancel`)})]})]}),s(d,{error:u})]})]})}export{L as Accounts};