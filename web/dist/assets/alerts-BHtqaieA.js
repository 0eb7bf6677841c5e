import{C as e,O as t,c as n,o as r,p as i,r as a,t as o}from"./jsxRuntime-DPkzGEFM.js";import{b as s,i as c,m as l,n as u,o as d,r as f}from"./console-YlmL2Q8V.js";import{n as p,t as m}from"./hooks-B890TPRV.js";var h=i(`
  query Alerts($first: Int) {
    alerts(first: $first) {
      id
      kind
      stationId
      summary
      createdAt
      deliveries {
        channel
        target
        state
        attempts
        lastError
      }
    }
  }
`),g=i(`
  subscription AlertsLive {
    alerts {
      id
      kind
      stationId
      summary
      createdAt
      deliveries {
        channel
        target
        state
        attempts
        lastError
      }
    }
  }
`),_=i(`
  query AlertRules {
    alertRules {
      id
      name
      kind
      enabled
      stationId
      minutes
      count
      days
      emailTo
    }
  }
`),v=i(`
  mutation CreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      id
    }
  }
`),y=i(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`),b=i(`
  query Webhooks {
    webhooks {
      id
      name
      url
      enabled
    }
  }
`),x=i(`
  mutation CreateWebhook($input: WebhookInput!) {
    createWebhook(input: $input) {
      webhook {
        id
      }
      secret
    }
  }
`),S=i(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`),C=[`STATION_OFFLINE`,`CONNECTOR_FAULTED`,`UNEXPECTED_BOOT`,`HANDSHAKE_REFUSED`,`SECURITY_EVENT`,`SESSION_STARTED`,`SESSION_STOPPED`,`BUDGET_REACHED`,`CERTIFICATE_EXPIRING`],w=e=>s(`alerts.kind.${e}`);function T(e){return e===`DELIVERED`?[s(`alerts.delivered`),`s-available`]:e===`FAILED`?[s(`alerts.failed`),`s-faulted`]:[s(`alerts.pending`),`s-pending`]}function E(){let t=p(h,{first:100});e(()=>{let e=a(g,{},{next:e=>t.setData(t=>t&&{alerts:[e.alerts,...t.alerts.filter(t=>t.id!==e.alerts.id)].slice(0,100)}),resync:()=>t.reload()}),n=setInterval(()=>t.reload(),15e3);return()=>{e(),clearInterval(n)}},[]);let n=t.data?.alerts;return o(`section`,{"aria-labelledby":`alerts-recent`,children:[o(`h2`,{id:`alerts-recent`,children:[s(`alerts.recent`),` `,o(`span`,{class:`live-dot muted`,children:s(`common.live`)})]}),o(f,{error:t.error}),t.loading&&!n&&o(`p`,{class:`muted`,children:s(`common.loading`)}),n&&n.length===0&&o(`p`,{class:`muted`,children:s(`alerts.none`)}),n&&n.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{"data-testid":`alerts-table`,children:[o(`caption`,{class:`sr-only`,children:s(`alerts.recent`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:s(`alerts.when`)}),o(`th`,{scope:`col`,children:s(`alerts.kindCol`)}),o(`th`,{scope:`col`,children:s(`alerts.station`)}),o(`th`,{scope:`col`,children:s(`alerts.summary`)}),o(`th`,{scope:`col`,children:s(`alerts.deliveries`)})]})}),o(`tbody`,{"aria-live":`polite`,children:n.map(e=>o(`tr`,{children:[o(`td`,{children:l(e.createdAt)}),o(`td`,{children:w(e.kind)}),o(`td`,{children:e.stationId?o(`a`,{href:`/stations/${encodeURIComponent(e.stationId)}`,children:e.stationId}):`—`}),o(`th`,{scope:`row`,children:e.summary}),o(`td`,{children:[e.deliveries.length===0&&o(`span`,{class:`muted`,children:s(`alerts.noDeliveries`)}),e.deliveries.map(e=>{let[t,n]=T(e.state);return o(`span`,{class:`badge ${n}`,title:e.lastError??void 0,children:[e.channel===`EMAIL`?e.target:s(`alerts.webhookN`,{id:e.target}),`: `,t,e.attempts>1?` (${s(`alerts.attempts`,{n:e.attempts})})`:``]},`${e.channel}-${e.target}`)})]})]},e.id))})]})})]})}function D(e){return e.kind===`HANDSHAKE_REFUSED`?s(`alerts.countIn`,{n:e.count??0,m:e.minutes??0}):e.kind===`CERTIFICATE_EXPIRING`?s(`alerts.daysN`,{n:e.days??0}):e.minutes==null?`—`:s(`alerts.minutesN`,{n:e.minutes})}function O(){let e=p(_,{}),n=m(v),r=m(y),[i,a]=t(``),[l,d]=t(`CONNECTOR_FAULTED`),[h,g]=t(``),[b,x]=t(``),[S,T]=t(``),[E,O]=t(``),[k,A]=t(``),j=e=>e.trim()===``?null:Number(e),M=async t=>{t.preventDefault(),await n.run({input:{name:i,kind:l,minutes:j(h),count:j(b),days:j(S),stationId:E.trim()||null,emailTo:k.split(`,`).map(e=>e.trim()).filter(Boolean)}})&&(a(``),e.reload())},N=l===`STATION_OFFLINE`||l===`HANDSHAKE_REFUSED`||l===`UNEXPECTED_BOOT`,P=e.data?.alertRules;return o(`section`,{"aria-labelledby":`alerts-rules`,children:[o(`h2`,{id:`alerts-rules`,children:s(`alerts.rules`)}),o(`p`,{class:`muted`,children:s(`alerts.rulesIntro`)}),o(f,{error:e.error??r.error}),P&&P.length===0&&o(`p`,{class:`muted`,children:s(`alerts.noRules`)}),P&&P.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{"data-testid":`rules-table`,children:[o(`caption`,{class:`sr-only`,children:s(`alerts.rules`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:s(`alerts.name`)}),o(`th`,{scope:`col`,children:s(`alerts.kindCol`)}),o(`th`,{scope:`col`,children:s(`alerts.threshold`)}),o(`th`,{scope:`col`,children:s(`alerts.station`)}),o(`th`,{scope:`col`,children:s(`alerts.email`)}),o(`th`,{scope:`col`,children:s(`alerts.actions`)})]})}),o(`tbody`,{children:P.map(t=>o(`tr`,{children:[o(`th`,{scope:`row`,children:[t.name,` `,!t.enabled&&o(`span`,{class:`badge`,children:s(`alerts.disabled`)})]}),o(`td`,{children:w(t.kind)}),o(`td`,{children:D(t)}),o(`td`,{children:t.stationId??s(`alerts.everyStation`)}),o(`td`,{children:t.emailTo.join(`, `)||`—`}),o(`td`,{children:o(u,{label:s(`alerts.deleteRuleOf`,{name:t.name}),question:s(`alerts.deleteRuleQuestion`,{name:t.name}),danger:!0,disabled:r.running,onConfirm:()=>void r.run({id:t.id}).then(()=>e.reload())})})]},t.id))})]})}),o(`form`,{class:`card`,"aria-label":s(`alerts.newRule`),onSubmit:M,children:[o(`h3`,{children:s(`alerts.newRule`)}),o(`div`,{class:`filters`,children:[o(c,{label:s(`alerts.name`),children:o(`input`,{name:`rule-name`,required:!0,maxLength:100,value:i,onInput:e=>a(e.currentTarget.value)})}),o(c,{label:s(`alerts.kindCol`),children:o(`select`,{name:`rule-kind`,value:l,onChange:e=>d(e.currentTarget.value),children:C.map(e=>o(`option`,{value:e,children:w(e)},e))})}),N&&o(c,{label:s(`alerts.minutes`),hint:s(`alerts.minutesHint.${l}`),children:o(`input`,{name:`rule-minutes`,inputMode:`numeric`,value:h,onInput:e=>g(e.currentTarget.value)})}),l===`HANDSHAKE_REFUSED`&&o(c,{label:s(`alerts.count`),children:o(`input`,{name:`rule-count`,inputMode:`numeric`,value:b,onInput:e=>x(e.currentTarget.value)})}),l===`CERTIFICATE_EXPIRING`&&o(c,{label:s(`alerts.days`),children:o(`input`,{name:`rule-days`,inputMode:`numeric`,value:S,onInput:e=>T(e.currentTarget.value)})}),o(c,{label:s(`alerts.station`),hint:s(`alerts.stationHint`),children:o(`input`,{name:`rule-station`,value:E,onInput:e=>O(e.currentTarget.value)})}),o(c,{label:s(`alerts.email`),hint:s(`alerts.emailHint`),children:o(`input`,{name:`rule-email`,value:k,onInput:e=>A(e.currentTarget.value)})})]}),o(f,{error:n.error}),o(`button`,{type:`submit`,class:`primary`,disabled:n.running,children:s(`alerts.addRule`)})]})]})}function k(){let e=p(b,{}),n=m(x),r=m(S),[i,a]=t(``),[l,d]=t(``),[h,g]=t(null),_=async t=>{t.preventDefault();let r=await n.run({input:{name:i,url:l}});r&&(g(r.createWebhook.secret),a(``),d(``),e.reload())},v=e.data?.webhooks;return o(`section`,{"aria-labelledby":`alerts-webhooks`,children:[o(`h2`,{id:`alerts-webhooks`,children:s(`alerts.webhooks`)}),o(`p`,{class:`muted`,children:s(`alerts.webhooksIntro`)}),o(f,{error:e.error??r.error}),v&&v.length===0&&o(`p`,{class:`muted`,children:s(`alerts.noWebhooks`)}),v&&v.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{"data-testid":`webhooks-table`,children:[o(`caption`,{class:`sr-only`,children:s(`alerts.webhooks`)}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:s(`alerts.id`)}),o(`th`,{scope:`col`,children:s(`alerts.name`)}),o(`th`,{scope:`col`,children:s(`alerts.url`)}),o(`th`,{scope:`col`,children:s(`alerts.actions`)})]})}),o(`tbody`,{children:v.map(t=>o(`tr`,{children:[o(`td`,{children:t.id}),o(`th`,{scope:`row`,children:[t.name,` `,!t.enabled&&o(`span`,{class:`badge`,children:s(`alerts.disabled`)})]}),o(`td`,{children:o(`code`,{style:`overflow-wrap:anywhere`,children:t.url})}),o(`td`,{children:o(u,{label:s(`alerts.deleteWebhookOf`,{name:t.name}),question:s(`alerts.deleteWebhookQuestion`,{name:t.name}),danger:!0,disabled:r.running,onConfirm:()=>void r.run({id:t.id}).then(()=>e.reload())})})]},t.id))})]})}),o(`form`,{class:`card`,"aria-label":s(`alerts.newWebhook`),onSubmit:_,children:[o(`h3`,{children:s(`alerts.newWebhook`)}),o(`div`,{class:`filters`,children:[o(c,{label:s(`alerts.name`),children:o(`input`,{name:`webhook-name`,required:!0,maxLength:100,value:i,onInput:e=>a(e.currentTarget.value)})}),o(c,{label:s(`alerts.url`),hint:s(`alerts.urlHint`),children:o(`input`,{name:`webhook-url`,type:`url`,required:!0,value:l,onInput:e=>d(e.currentTarget.value)})})]}),o(f,{error:n.error}),o(`button`,{type:`submit`,class:`primary`,disabled:n.running,children:s(`alerts.addWebhook`)}),h&&o(`div`,{class:`notice ok`,role:`status`,children:[o(`p`,{children:s(`alerts.secretOnce`)}),o(`code`,{"data-testid":`webhook-secret`,style:`overflow-wrap:anywhere`,children:h})]})]})]})}function A(){return o(d,{title:s(`alerts.title`),children:[o(E,{}),r.value&&o(O,{}),n.value&&o(k,{})]})}export{A as Alerts};