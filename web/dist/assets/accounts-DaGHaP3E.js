import{I as e,O as t,S as n,g as r,i,j as a,l as o,m as s,n as c,o as l,r as u,v as d}from"./console-dnHmEbU-.js";import{n as f,t as p}from"./hooks-CAskQRee.js";var m=s(`
  query AccountsList {
    accounts {
      username
      role
      stations
      createdAt
      updatedAt
    }
  }
`),h=s(`
  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
    createAccount(username: $username, password: $password, role: $role, stations: $stations) {
      username
    }
  }
`),g=s(`
  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
    updateAccount(username: $username, role: $role, stations: $stations) {
      username
    }
  }
`),_=s(`
  mutation AccountsResetPassword($username: String!, $password: String!) {
    updateAccount(username: $username, password: $password) {
      username
    }
  }
`),v=s(`
  mutation AccountsDelete($username: String!) {
    deleteAccount(username: $username)
  }
`),y=[`ADMIN`,`OPERATOR`,`VIEWER`,`DRIVER`];function b(e){return{ADMIN:t(`accounts.role.ADMIN`),OPERATOR:t(`accounts.role.OPERATOR`),VIEWER:t(`accounts.role.VIEWER`),DRIVER:t(`accounts.role.DRIVER`)}[e]??e}function x(e){let t=e.split(/[\s,]+/).map(e=>e.trim()).filter(Boolean);return t.length===0||t.length===1&&t[0].toLowerCase()===`all`?null:t}function S(e){return e?e.join(`, `):`all`}function C(e){return o(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:y.map(e=>o(`option`,{value:e,children:b(e)},e))})}function w(){let i=f(m,{},{skip:!r.value}),{query:s}=a(),[c,p]=e(s.user??null),[h,g]=e(null);if(!r.value)return o(l,{title:t(`nav.accounts`),children:o(`p`,{class:`notice warn`,children:t(`accounts.adminsOnly`)})});let _=i.data?.accounts??[],v=_.find(e=>e.username===c),y=e=>{g(e),i.reload()};return o(l,{title:t(`nav.accounts`),children:[o(`p`,{role:`status`,class:h?`notice ok`:`sr-only`,children:h}),o(u,{error:i.error}),i.loading&&!i.data&&o(`p`,{class:`muted`,children:t(`common.loading`)}),o(`div`,{class:`table-wrap`,children:[o(`table`,{"data-testid":`accounts-table`,children:[o(`caption`,{class:`sr-only`,children:t(`nav.accounts`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:t(`accounts.username`)}),o(`th`,{scope:`col`,children:t(`accounts.roleLabel`)}),o(`th`,{scope:`col`,children:t(`accounts.stations`)}),o(`th`,{scope:`col`,children:t(`accounts.created`)}),o(`th`,{scope:`col`,children:t(`accounts.updated`)}),o(`th`,{scope:`col`,children:o(`span`,{class:`sr-only`,children:t(`accounts.actions`)})})]})}),o(`tbody`,{children:_.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:[e.username,e.username===d.value?.sub&&o(`span`,{class:`muted`,children:[` (`,t(`accounts.you`),`)`]})]}),o(`td`,{children:b(e.role)}),o(`td`,{children:e.stations?e.stations.join(`, `):o(`span`,{class:`muted`,children:t(`accounts.allStations`)})}),o(`td`,{children:n(e.createdAt)}),o(`td`,{children:n(e.updatedAt)}),o(`td`,{children:o(`button`,{type:`button`,"aria-label":t(`accounts.editOf`,{name:e.username}),"aria-expanded":c===e.username,onClick:()=>{g(null),p(c===e.username?null:e.username)},children:t(`accounts.edit`)})})]},e.username))})]}),i.data&&_.length===0&&o(`p`,{class:`muted`,style:`padding:8px 10px`,children:t(`common.none`)})]}),v&&o(E,{account:v,onChanged:y,onDeleted:e=>{p(null),y(e)}},v.username),o(T,{onCreated:y})]})}function T({onCreated:n}){let[r,a]=e(``),[s,c]=e(``),[l,d]=e(`OPERATOR`),[f,m]=e(`all`),g=p(h);return o(`section`,{class:`card`,"aria-labelledby":`accounts-create`,style:`margin-top:16px`,children:[o(`h2`,{id:`accounts-create`,children:t(`accounts.create`)}),o(`form`,{onSubmit:async e=>{e.preventDefault();let i=await g.run({username:r.trim(),password:s,role:l,stations:x(f)});i&&(n(t(`accounts.createdOk`,{name:i.createAccount.username})),a(``),c(``),m(`all`))},children:[o(`div`,{class:`filters`,children:[o(i,{label:t(`accounts.username`),children:o(`input`,{name:`username`,required:!0,autocomplete:`off`,value:r,onInput:e=>a(e.currentTarget.value)})}),o(i,{label:t(`accounts.password`),children:o(`input`,{name:`password`,type:`password`,required:!0,autocomplete:`new-password`,value:s,onInput:e=>c(e.currentTarget.value)})}),o(i,{label:t(`accounts.roleLabel`),children:o(C,{value:l,onChange:d})}),o(i,{label:t(`accounts.scope`),hint:t(`accounts.scopeHint`),children:o(`input`,{name:`stations`,value:f,onInput:e=>m(e.currentTarget.value)})})]}),o(u,{error:g.error}),o(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:t(`accounts.createSubmit`)})]})]})}function E(n){let r=n.account,[a,s]=e(r.role),[l,d]=e(S(r.stations)),[f,m]=e(``),h=p(g),y=p(_),b=p(v);return o(`section`,{class:`card`,"aria-labelledby":`accounts-edit`,style:`margin-top:16px`,children:[o(`h2`,{id:`accounts-edit`,children:t(`accounts.editTitle`,{name:r.username})}),o(`form`,{onSubmit:async e=>{e.preventDefault(),await h.run({username:r.username,role:a,stations:x(l)})&&n.onChanged(t(`accounts.savedOk`,{name:r.username}))},children:[o(`div`,{class:`filters`,children:[o(i,{label:t(`accounts.roleLabel`),children:o(C,{value:a,onChange:s})}),o(i,{label:t(`accounts.scope`),hint:t(`accounts.scopeHint`),children:o(`input`,{name:`stations`,value:l,onInput:e=>d(e.currentTarget.value)})})]}),o(u,{error:h.error}),o(`button`,{type:`submit`,class:`primary`,disabled:h.running,children:t(`accounts.saveRole`)})]}),o(`h3`,{children:t(`accounts.resetPassword`)}),o(`div`,{class:`row`,children:[o(i,{label:t(`accounts.newPassword`),children:o(`input`,{name:`new-password`,type:`password`,autocomplete:`new-password`,value:f,onInput:e=>m(e.currentTarget.value)})}),o(`div`,{class:`field`,children:o(c,{label:t(`accounts.resetPassword`),question:t(`accounts.resetQuestion`,{name:r.username}),disabled:!f||y.running,onConfirm:async()=>{await y.run({username:r.username,password:f})&&(m(``),n.onChanged(t(`accounts.passwordOk`,{name:r.username})))}})})]}),o(u,{error:y.error}),o(`h3`,{children:t(`accounts.deleteTitle`)}),o(c,{danger:!0,label:t(`accounts.delete`),question:t(`accounts.deleteQuestion`,{name:r.username}),disabled:b.running,onConfirm:async()=>{let e=await b.run({username:r.username});e&&n.onDeleted(e.deleteAccount?t(`accounts.deletedOk`,{name:r.username}):t(`accounts.deletedNone`))}}),o(u,{error:b.error})]})}export{w as Accounts};