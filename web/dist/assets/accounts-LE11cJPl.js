import{A as e,O as t,a as n,c as r,o as i,p as a,t as o,u as s,x as c}from"./jsxRuntime-DPkzGEFM.js";import{b as l,i as u,m as d,n as f,o as p,r as m,u as h}from"./console-YlmL2Q8V.js";import{n as g,t as _}from"./hooks-B890TPRV.js";import{n as v,t as y}from"./budget-BzLtxSId.js";var b=a(`
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
`),x=a(`
  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
    createAccount(username: $username, password: $password, role: $role, stations: $stations) {
      username
    }
  }
`),S=a(`
  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
    updateAccount(username: $username, role: $role, stations: $stations) {
      username
    }
  }
`),C=a(`
  mutation AccountsResetPassword($username: String!, $password: String!) {
    updateAccount(username: $username, password: $password) {
      username
    }
  }
`),w=a(`
  mutation AccountsDelete($username: String!) {
    deleteAccount(username: $username)
  }
`),T=a(`
  mutation AccountsApprove($username: String!) {
    approveAccount(username: $username) {
      username
      pending
    }
  }
`),E=a(`
  mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {
    setAccountBudget(username: $username, budget: $budget) {
      username
    }
  }
`),D=a(`
  query AccountsTagOwner($idTag: String!) {
    idTag(idTag: $idTag) {
      idTag
      owner
    }
  }
`),O=a(`
  mutation AccountsGiveTag($idTag: String!, $owner: String) {
    updateIdTag(idTag: $idTag, input: { owner: $owner }) {
      idTag
      owner
    }
  }
`),k=a(`
  mutation AccountsCreateTag($idTag: String!, $owner: String!) {
    createIdTag(input: { idTag: $idTag, owner: $owner, status: ACCEPTED }) {
      idTag
      owner
    }
  }
`),A=[`ADMIN`,`OPERATOR`,`VIEWER`,`DRIVER`];function j(){return r.value?A:[`DRIVER`]}function M(e){return{ADMIN:l(`accounts.role.ADMIN`),OPERATOR:l(`accounts.role.OPERATOR`),VIEWER:l(`accounts.role.VIEWER`),DRIVER:l(`accounts.role.DRIVER`)}[e]??e}function N(e){let t=e.split(/[\s,]+/).map(e=>e.trim()).filter(Boolean);return t.length===0||t.length===1&&t[0].toLowerCase()===`all`?null:t}function P(e){return e?e.join(`, `):`all`}function F(e){return o(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:j().map(e=>o(`option`,{value:e,children:M(e)},e))})}function I({tags:e}){return e.length===0?o(`span`,{class:`muted`,children:`–`}):o(`ul`,{class:`tag-chips`,children:e.map(e=>o(`li`,{children:[o(`a`,{href:`/tags?q=${encodeURIComponent(e.idTag)}`,children:o(`code`,{children:e.idTag})}),(e.effectiveStatus??e.status)!==`ACCEPTED`&&o(`span`,{class:`badge s-${(e.effectiveStatus??e.status??``).toLowerCase()}`,children:(e.effectiveStatus??e.status??`–`).toLowerCase()})]},e.idTag))})}function L(){let n=g(b,{},{skip:!i.value}),{query:a}=c(),[u,f]=t(a.user??null),[_,y]=t(null);if(!i.value)return o(p,{title:l(`nav.accounts`),children:o(`p`,{class:`notice warn`,children:l(`accounts.adminsOnly`)})});let x=(n.data?.accounts??[]).filter(e=>r.value||e.role===`DRIVER`),S=x.filter(e=>e.pending),C=x.find(e=>e.username===u),w=e=>{y(e),n.reload(),h()};return o(p,{title:l(`nav.accounts`),children:[!r.value&&o(`p`,{class:`muted`,children:l(`accounts.operatorIntro`)}),o(`p`,{role:`status`,class:_?`notice ok`:`sr-only`,children:_}),o(m,{error:n.error}),n.loading&&!n.data&&o(`p`,{class:`muted`,children:l(`common.loading`)}),S.length>0&&o(R,{accounts:S,onChanged:(e,t,r)=>{n.setData(e=>e&&{...e,accounts:r?e.accounts.map(e=>e.username===t?{...e,pending:!1}:e):e.accounts.filter(e=>e.username!==t)}),w(e)}}),o(`div`,{class:`table-wrap`,children:[o(`table`,{"data-testid":`accounts-table`,children:[o(`caption`,{class:`sr-only`,children:l(`nav.accounts`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:l(`accounts.username`)}),o(`th`,{scope:`col`,children:l(`accounts.roleLabel`)}),o(`th`,{scope:`col`,children:l(`accounts.idTags`)}),o(`th`,{scope:`col`,children:l(`budget.title`)}),o(`th`,{scope:`col`,children:l(`accounts.stations`)}),o(`th`,{scope:`col`,children:l(`accounts.created`)}),o(`th`,{scope:`col`,children:l(`accounts.updated`)}),o(`th`,{scope:`col`,children:o(`span`,{class:`sr-only`,children:l(`accounts.actions`)})})]})}),o(`tbody`,{children:x.map(t=>o(`tr`,{"data-testid":`account-${t.username}`,children:[o(`th`,{scope:`row`,children:[t.username,t.username===s.value?.sub&&o(`span`,{class:`muted`,children:[` (`,l(`accounts.you`),`)`]}),t.pending&&o(e,{children:[` `,o(`span`,{class:`badge s-pending`,children:l(`accounts.pendingBadge`)})]})]}),o(`td`,{children:M(t.role)}),o(`td`,{children:o(I,{tags:t.idTags})}),o(`td`,{children:t.role===`DRIVER`?o(v,{budget:t.budget}):o(`span`,{class:`muted`,children:`–`})}),o(`td`,{children:t.stations?t.stations.join(`, `):o(`span`,{class:`muted`,children:l(`accounts.allStations`)})}),o(`td`,{children:d(t.createdAt)}),o(`td`,{children:d(t.updatedAt)}),o(`td`,{children:o(`button`,{type:`button`,"aria-label":l(`accounts.editOf`,{name:t.username}),"aria-expanded":u===t.username,onClick:()=>{y(null),f(u===t.username?null:t.username)},children:l(`accounts.edit`)})})]},t.username))})]}),n.data&&x.length===0&&o(`p`,{class:`muted pad`,children:l(`common.none`)})]}),C&&o(V,{account:C,onChanged:w,onDeleted:e=>{f(null),w(e)}},C.username),o(B,{onCreated:(e,t)=>{w(e),f(t)}})]})}function R(e){let t=_(T),n=_(w);return o(`section`,{class:`card notice warn pending-accounts`,"aria-labelledby":`accounts-pending`,children:[o(`h2`,{id:`accounts-pending`,children:l(`accounts.pendingTitle`,{n:e.accounts.length})}),o(`p`,{children:l(`accounts.pendingIntro`)}),o(`ul`,{class:`plain-list`,children:e.accounts.map(r=>o(`li`,{class:`row center`,"data-testid":`pending-${r.username}`,children:[o(`strong`,{children:r.username}),o(`span`,{class:`muted`,children:M(r.role)}),o(`button`,{type:`button`,class:`primary`,"aria-label":l(`accounts.approveOf`,{name:r.username}),disabled:t.running||n.running,onClick:async()=>{await t.run({username:r.username})&&e.onChanged(l(`accounts.approvedOk`,{name:r.username}),r.username,!0)},children:l(`accounts.approve`)}),o(f,{danger:!0,label:l(`accounts.rejectOf`,{name:r.username}),question:l(`accounts.rejectQuestion`,{name:r.username}),disabled:t.running||n.running,onConfirm:async()=>{await n.run({username:r.username})&&e.onChanged(l(`accounts.rejectedOk`,{name:r.username}),r.username,!1)}})]},r.username))}),o(m,{error:t.error??n.error})]})}async function z(e,t,r){let{idTag:i}=await n(D,{idTag:e});return i?i.owner&&i.owner!==t&&!r?{kind:`owned`,by:i.owner}:(await n(O,{idTag:i.idTag,owner:t}),{kind:`given`}):(await n(k,{idTag:e,owner:t}),{kind:`created`})}function B({onCreated:e}){let[n,i]=t(``),[a,s]=t(``),[c,d]=t(r.value?`OPERATOR`:`DRIVER`),[f,p]=t(`all`),[h,g]=t(``),[v,y]=t(null),b=_(x);return o(`section`,{class:`card section-gap`,"aria-labelledby":`accounts-create`,children:[o(`h2`,{id:`accounts-create`,children:r.value?l(`accounts.create`):l(`accounts.createDriver`)}),o(`form`,{onSubmit:async t=>{t.preventDefault(),y(null);let r=await b.run({username:n.trim(),password:a,role:c,stations:N(f)});if(!r)return;let o=r.createAccount.username,u=l(`accounts.createdOk`,{name:o}),d=h.trim();if(c===`DRIVER`&&d)try{let e=await z(d,o,!1);u=e.kind===`owned`?l(`accounts.createdTagOwned`,{name:o,tag:d,owner:e.by}):l(`accounts.createdWithTag`,{name:o,tag:d})}catch(e){y(e)}e(u,o),i(``),s(``),p(`all`),g(``)},"aria-labelledby":`accounts-create`,children:[o(`div`,{class:`filters`,children:[o(u,{label:l(`accounts.username`),children:o(`input`,{name:`username`,required:!0,autocomplete:`off`,value:n,onInput:e=>i(e.currentTarget.value)})}),o(u,{label:l(`accounts.password`),children:o(`input`,{name:`password`,type:`password`,required:!0,autocomplete:`new-password`,value:a,onInput:e=>s(e.currentTarget.value)})}),r.value&&o(u,{label:l(`accounts.roleLabel`),children:o(F,{value:c,onChange:d})}),o(u,{label:l(`accounts.scope`),hint:l(`accounts.scopeHint`),children:o(`input`,{name:`stations`,value:f,onInput:e=>p(e.currentTarget.value)})}),c===`DRIVER`&&o(u,{label:l(`accounts.firstTag`),hint:l(`accounts.firstTagHint`),children:o(`input`,{name:`idTag`,maxLength:20,value:h,onInput:e=>g(e.currentTarget.value)})})]}),o(m,{error:b.error??v}),o(`button`,{type:`submit`,class:`primary`,disabled:b.running,children:r.value?l(`accounts.createSubmit`):l(`accounts.createDriverSubmit`)})]})]})}function V(n){let i=n.account,[a,s]=t(i.role),[c,d]=t(P(i.stations)),[p,h]=t(``),g=_(S),b=_(C),x=_(w),T=_(E);return o(`section`,{class:`card section-gap`,"aria-labelledby":`accounts-edit`,children:[o(`h2`,{id:`accounts-edit`,children:l(`accounts.editTitle`,{name:i.username})}),o(`form`,{onSubmit:async e=>{e.preventDefault(),await g.run({username:i.username,role:a,stations:N(c)})&&n.onChanged(l(`accounts.savedOk`,{name:i.username}))},"aria-label":l(`accounts.saveRole`),children:[o(`div`,{class:`filters`,children:[r.value?o(u,{label:l(`accounts.roleLabel`),children:o(F,{value:a,onChange:s})}):o(`p`,{children:[l(`accounts.roleLabel`),`: `,o(`strong`,{children:M(i.role)})]}),o(u,{label:l(`accounts.scope`),hint:l(`accounts.scopeHint`),children:o(`input`,{name:`stations`,value:c,onInput:e=>d(e.currentTarget.value)})})]}),o(m,{error:g.error}),o(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:l(`accounts.saveRole`)})]}),i.role===`DRIVER`&&o(H,{account:i,onChanged:n.onChanged}),i.role===`DRIVER`&&o(e,{children:[o(`h3`,{children:l(`budget.title`)}),o(`p`,{class:`muted`,children:l(`accounts.budgetIntro`)}),o(`p`,{children:o(v,{budget:i.budget,testId:`account-budget-${i.username}`})}),o(y,{label:l(`accounts.budgetOf`,{name:i.username}),budget:i.budget,running:T.running,error:T.error,onSave:async e=>{await T.run({username:i.username,budget:e})&&n.onChanged(l(e?`accounts.budgetSavedOk`:`accounts.budgetRemovedOk`,{name:i.username}))}})]}),o(`h3`,{children:l(`accounts.resetPassword`)}),o(`div`,{class:`row`,children:[o(u,{label:l(`accounts.newPassword`),children:o(`input`,{name:`new-password`,type:`password`,autocomplete:`new-password`,value:p,onInput:e=>h(e.currentTarget.value)})}),o(`div`,{class:`field`,children:o(f,{label:l(`accounts.resetPassword`),question:l(`accounts.resetQuestion`,{name:i.username}),disabled:!p||b.running,onConfirm:async()=>{await b.run({username:i.username,password:p})&&(h(``),n.onChanged(l(`accounts.passwordOk`,{name:i.username})))}})})]}),o(m,{error:b.error}),o(`h3`,{children:l(`accounts.deleteTitle`)}),o(f,{danger:!0,label:l(`accounts.delete`),question:l(`accounts.deleteQuestion`,{name:i.username}),disabled:x.running,onConfirm:async()=>{let e=await x.run({username:i.username});e&&n.onDeleted(e.deleteAccount?l(`accounts.deletedOk`,{name:i.username}):l(`accounts.deletedNone`))}}),o(m,{error:x.error})]})}function H(n){let r=n.account,[i,a]=t(``),[s,c]=t(!1),[d,f]=t(null),[p,h]=t(null),g=_(O),v=async e=>{let t=i.trim();if(t){c(!0),f(null),h(null);try{let i=await z(t,r.username,e);i.kind===`owned`?h(i.by):(a(``),n.onChanged(i.kind===`created`?l(`accounts.tagCreatedOk`,{tag:t,name:r.username}):l(`accounts.tagGivenOk`,{tag:t,name:r.username})))}catch(e){f(e)}finally{c(!1)}}};return o(e,{children:[o(`h3`,{id:`account-tags-h`,children:l(`accounts.idTags`)}),r.idTags.length===0?o(`p`,{class:`muted`,children:l(`accounts.noTags`)}):o(`ul`,{class:`plain-list`,"aria-labelledby":`account-tags-h`,"data-testid":`account-tags-${r.username}`,children:r.idTags.map(e=>o(`li`,{class:`row center`,children:[o(`code`,{children:e.idTag}),o(`button`,{type:`button`,"aria-label":l(`accounts.takeBackOf`,{tag:e.idTag,name:r.username}),disabled:g.running,onClick:async()=>{await g.run({idTag:e.idTag,owner:null})&&n.onChanged(l(`accounts.takenBackOk`,{tag:e.idTag,name:r.username}))},children:l(`accounts.takeBack`)})]},e.idTag))}),o(m,{error:g.error}),o(`form`,{"aria-label":l(`accounts.giveTagOf`,{name:r.username}),onSubmit:e=>{e.preventDefault(),v(!1)},children:[o(`div`,{class:`row`,children:[o(u,{label:l(`accounts.giveTagLabel`),hint:l(`accounts.giveTagHint`),children:o(`input`,{name:`give-tag`,required:!0,maxLength:20,value:i,onInput:e=>{a(e.currentTarget.value),h(null)}})}),o(`div`,{class:`field`,children:o(`button`,{type:`submit`,disabled:s,children:l(`accounts.giveTag`)})})]}),p&&o(`div`,{class:`notice warn`,role:`alert`,children:[o(`p`,{children:l(`accounts.tagOwnedBy`,{tag:i.trim(),owner:p})}),o(`div`,{class:`row`,children:[o(`button`,{type:`button`,class:`danger`,disabled:s,onClick:()=>void v(!0),children:l(`accounts.takeOver`,{name:r.username})}),o(`button`,{type:`button`,onClick:()=>{h(null),a(``)},children:l(`common.cancel`)})]})]}),o(m,{error:d})]})]})}export{L as Accounts};