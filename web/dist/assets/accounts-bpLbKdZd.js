import{A as e,D as t,F as n,g as r,i,l as a,m as o,n as s,o as c,r as l,v as u,x as d}from"./console-CwjbJvEJ.js";import{n as f,t as p}from"./hooks-CJwiRb8j.js";var m=o(`
  query AccountsList {
    accounts {
      username
      role
      stations
      createdAt
      updatedAt
    }
  }
`),h=o(`
  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
    createAccount(username: $username, password: $password, role: $role, stations: $stations) {
      username
    }
  }
`),g=o(`
  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
    updateAccount(username: $username, role: $role, stations: $stations) {
      username
    }
  }
`),_=o(`
  mutation AccountsResetPassword($username: String!, $password: String!) {
    updateAccount(username: $username, password: $password) {
      username
    }
  }
`),v=o(`
  mutation AccountsDelete($username: String!) {
    deleteAccount(username: $username)
  }
`),y=[`ADMIN`,`OPERATOR`,`VIEWER`,`DRIVER`];function b(e){return{ADMIN:t(`accounts.role.ADMIN`),OPERATOR:t(`accounts.role.OPERATOR`),VIEWER:t(`accounts.role.VIEWER`),DRIVER:t(`accounts.role.DRIVER`)}[e]??e}function x(e){let t=e.split(/[\s,]+/).map(e=>e.trim()).filter(Boolean);return t.length===0||t.length===1&&t[0].toLowerCase()===`all`?null:t}function S(e){return e?e.join(`, `):`all`}function C(e){return a(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:y.map(e=>a(`option`,{value:e,children:b(e)},e))})}function w(){let i=f(m,{},{skip:!r.value}),{query:o}=e(),[s,p]=n(o.user??null),[h,g]=n(null);if(!r.value)return a(c,{title:t(`nav.accounts`),children:a(`p`,{class:`notice warn`,children:t(`accounts.adminsOnly`)})});let _=i.data?.accounts??[],v=_.find(e=>e.username===s),y=e=>{g(e),i.reload()};return a(c,{title:t(`nav.accounts`),children:[a(`p`,{role:`status`,class:h?`notice ok`:`sr-only`,children:h}),a(l,{error:i.error}),i.loading&&!i.data&&a(`p`,{class:`muted`,children:t(`common.loading`)}),a(`div`,{class:`table-wrap`,children:[a(`table`,{"data-testid":`accounts-table`,children:[a(`caption`,{class:`sr-only`,children:t(`nav.accounts`)}),a(`thead`,{children:a(`tr`,{children:[a(`th`,{scope:`col`,children:t(`accounts.username`)}),a(`th`,{scope:`col`,children:t(`accounts.roleLabel`)}),a(`th`,{scope:`col`,children:t(`accounts.stations`)}),a(`th`,{scope:`col`,children:t(`accounts.created`)}),a(`th`,{scope:`col`,children:t(`accounts.updated`)}),a(`th`,{scope:`col`,children:a(`span`,{class:`sr-only`,children:t(`accounts.actions`)})})]})}),a(`tbody`,{children:_.map(e=>a(`tr`,{children:[a(`th`,{scope:`row`,children:[e.username,e.username===u.value?.sub&&a(`span`,{class:`muted`,children:[` (`,t(`accounts.you`),`)`]})]}),a(`td`,{children:b(e.role)}),a(`td`,{children:e.stations?e.stations.join(`, `):a(`span`,{class:`muted`,children:t(`accounts.allStations`)})}),a(`td`,{children:d(e.createdAt)}),a(`td`,{children:d(e.updatedAt)}),a(`td`,{children:a(`button`,{type:`button`,"aria-label":t(`accounts.editOf`,{name:e.username}),"aria-expanded":s===e.username,onClick:()=>{g(null),p(s===e.username?null:e.username)},children:t(`accounts.edit`)})})]},e.username))})]}),i.data&&_.length===0&&a(`p`,{class:`muted`,style:`padding:8px 10px`,children:t(`common.none`)})]}),v&&a(E,{account:v,onChanged:y,onDeleted:e=>{p(null),y(e)}},v.username),a(T,{onCreated:y})]})}function T({onCreated:e}){let[r,o]=n(``),[s,c]=n(``),[u,d]=n(`OPERATOR`),[f,m]=n(`all`),g=p(h);return a(`section`,{class:`card`,"aria-labelledby":`accounts-create`,style:`margin-top:16px`,children:[a(`h2`,{id:`accounts-create`,children:t(`accounts.create`)}),a(`form`,{onSubmit:async n=>{n.preventDefault();let i=await g.run({username:r.trim(),password:s,role:u,stations:x(f)});i&&(e(t(`accounts.createdOk`,{name:i.createAccount.username})),o(``),c(``),m(`all`))},children:[a(`div`,{class:`filters`,children:[a(i,{label:t(`accounts.username`),children:a(`input`,{name:`username`,required:!0,autocomplete:`off`,value:r,onInput:e=>o(e.currentTarget.value)})}),a(i,{label:t(`accounts.password`),children:a(`input`,{name:`password`,type:`password`,required:!0,autocomplete:`new-password`,value:s,onInput:e=>c(e.currentTarget.value)})}),a(i,{label:t(`accounts.roleLabel`),children:a(C,{value:u,onChange:d})}),a(i,{label:t(`accounts.scope`),hint:t(`accounts.scopeHint`),children:a(`input`,{name:`stations`,value:f,onInput:e=>m(e.currentTarget.value)})})]}),a(l,{error:g.error}),a(`button`,{type:`submit`,class:`primary`,disabled:g.running,children:t(`accounts.createSubmit`)})]})]})}function E(e){let r=e.account,[o,c]=n(r.role),[u,d]=n(S(r.stations)),[f,m]=n(``),h=p(g),y=p(_),b=p(v);return a(`section`,{class:`card`,"aria-labelledby":`accounts-edit`,style:`margin-top:16px`,children:[a(`h2`,{id:`accounts-edit`,children:t(`accounts.editTitle`,{name:r.username})}),a(`form`,{onSubmit:async n=>{n.preventDefault(),await h.run({username:r.username,role:o,stations:x(u)})&&e.onChanged(t(`accounts.savedOk`,{name:r.username}))},children:[a(`div`,{class:`filters`,children:[a(i,{label:t(`accounts.roleLabel`),children:a(C,{value:o,onChange:c})}),a(i,{label:t(`accounts.scope`),hint:t(`accounts.scopeHint`),children:a(`input`,{name:`stations`,value:u,onInput:e=>d(e.currentTarget.value)})})]}),a(l,{error:h.error}),a(`button`,{type:`submit`,class:`primary`,disabled:h.running,children:t(`accounts.saveRole`)})]}),a(`h3`,{children:t(`accounts.resetPassword`)}),a(`div`,{class:`row`,children:[a(i,{label:t(`accounts.newPassword`),children:a(`input`,{name:`new-password`,type:`password`,autocomplete:`new-password`,value:f,onInput:e=>m(e.currentTarget.value)})}),a(`div`,{class:`field`,children:a(s,{label:t(`accounts.resetPassword`),question:t(`accounts.resetQuestion`,{name:r.username}),disabled:!f||y.running,onConfirm:async()=>{await y.run({username:r.username,password:f})&&(m(``),e.onChanged(t(`accounts.passwordOk`,{name:r.username})))}})})]}),a(l,{error:y.error}),a(`h3`,{children:t(`accounts.deleteTitle`)}),a(s,{danger:!0,label:t(`accounts.delete`),question:t(`accounts.deleteQuestion`,{name:r.username}),disabled:b.running,onConfirm:async()=>{let n=await b.run({username:r.username});n&&e.onDeleted(n.deleteAccount?t(`accounts.deletedOk`,{name:r.username}):t(`accounts.deletedNone`))}}),a(l,{error:b.error})]})}export{w as Accounts};