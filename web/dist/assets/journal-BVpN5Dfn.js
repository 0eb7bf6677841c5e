import{A as e,D as t,F as n,L as r,M as i,c as a,i as o,l as s,m as c,r as l,s as u,w as d,x as f}from"./console-CwjbJvEJ.js";import{n as p}from"./hooks-CJwiRb8j.js";var m=c(`
  query StationJournal(
    $stationId: ID!
    $action: String
    $direction: Direction
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    ocppMessages(
      stationId: $stationId
      action: $action
      direction: $direction
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        createdAt
        direction
        messageType
        action
        messageId
        payload
        size
        truncated
        sha256
      }
    }
  }
`),h=50,g=3e3,_=`Authorize.BootNotification.CancelReservation.CertificateSigned.ChangeAvailability.ChangeConfiguration.ClearCache.ClearChargingProfile.DataTransfer.DeleteCertificate.DiagnosticsStatusNotification.ExtendedTriggerMessage.FirmwareStatusNotification.GetCompositeSchedule.GetConfiguration.GetDiagnostics.GetInstalledCertificateIds.GetLocalListVersion.GetLog.Heartbeat.InstallCertificate.JournalSkipped.LogStatusNotification.MeterValues.RemoteStartTransaction.RemoteStopTransaction.ReserveNow.Reset.SecurityEventNotification.SendLocalList.SetChargingProfile.SignCertificate.SignedFirmwareStatusNotification.SignedUpdateFirmware.StartTransaction.StatusNotification.StopTransaction.TriggerMessage.UnlockConnector.UpdateFirmware`.split(`.`);function v(c){let v=e(),b=v.query,[x,S]=n(b.action??``),C=a(x.trim(),400),w=b.direction===`IN`||b.direction===`OUT`?b.direction:``,T=b.after||null,E=b.before||null,[D,O]=n(!1),k=e=>{let t=new URLSearchParams(v.url.split(`?`)[1]??``);for(let[n,r]of Object.entries(e))r?t.set(n,r):t.delete(n);let n=t.toString();v.route(`${v.path}${n?`?${n}`:``}`,!0)};i(()=>{(b.action??``)!==C&&k({action:C||null,after:null,before:null})},[C]);let A=p(m,{stationId:c.stationId,action:C||null,direction:w||null,...E?{last:h,before:E}:{first:h,after:T}}),j=!T&&!E,M=j&&!D;i(()=>{if(!M)return;let e=()=>{document.visibilityState===`visible`&&A.reload()},t=setInterval(e,g),n=()=>e();return c.listeners.add(n),()=>{clearInterval(t),c.listeners.delete(n)}},[M,A.reload,c.listeners]);let N=A.data?.ocppMessages;return s(`section`,{"aria-labelledby":`journal-h`,children:[s(`h2`,{id:`journal-h`,children:t(`station.journal`)}),s(`form`,{class:`filters`,onSubmit:e=>e.preventDefault(),"aria-label":t(`station.journalFilters`),children:[s(o,{label:t(`station.action`),children:s(`input`,{list:`journal-actions`,value:x,placeholder:t(`common.all`),onInput:e=>S(e.currentTarget.value)})}),s(`datalist`,{id:`journal-actions`,children:_.map(e=>s(`option`,{value:e},e))}),s(o,{label:t(`station.direction`),children:s(`select`,{value:w,onChange:e=>k({direction:e.currentTarget.value||null,after:null,before:null}),children:[s(`option`,{value:``,children:t(`common.all`)}),s(`option`,{value:`IN`,children:t(`station.directionIn`)}),s(`option`,{value:`OUT`,children:t(`station.directionOut`)})]})}),s(`label`,{class:`check`,children:[s(`input`,{type:`checkbox`,checked:!D,onChange:e=>O(!e.currentTarget.checked)}),` `,t(`station.journalLive`)]}),!j&&s(`button`,{type:`button`,onClick:()=>k({after:null,before:null}),children:t(`station.journalNewest`)})]}),s(`p`,{class:`muted`,"aria-live":`polite`,children:M?s(`span`,{class:`live-dot`,children:t(`station.journalFollowing`)}):t(`station.journalStill`)}),s(l,{error:A.error}),A.loading&&!A.data&&s(`p`,{class:`muted`,children:t(`common.loading`)}),N&&N.nodes.length===0&&s(`p`,{class:`muted`,children:t(`station.journalEmpty`)}),N&&N.nodes.length>0&&s(`ol`,{class:`journal`,"aria-label":t(`station.journal`),children:N.nodes.map(e=>s(`li`,{class:`frame dir-${e.direction.toLowerCase()}`,children:s(`details`,{children:[s(`summary`,{children:[s(`time`,{dateTime:e.createdAt,children:f(e.createdAt)}),` `,s(`span`,{class:`dir`,title:e.direction===`IN`?t(`station.directionIn`):t(`station.directionOut`),children:[e.direction===`IN`?`←`:`→`,s(`span`,{class:`sr-only`,children:e.direction===`IN`?t(`station.directionIn`):t(`station.directionOut`)})]}),` `,s(`strong`,{children:e.action??`?`}),` `,s(`span`,{class:`muted`,children:e.messageType??`?`}),` `,s(`span`,{class:`muted`,children:[t(`station.bytes`,{n:d(e.size)}),e.truncated&&s(r,{children:[` · `,t(`station.truncated`)]})]})]}),e.messageId&&s(`p`,{class:`muted`,children:[t(`station.messageId`),`: `,s(`code`,{children:e.messageId})]}),e.truncated&&e.sha256&&s(`p`,{class:`muted`,children:[`SHA-256: `,s(`code`,{children:e.sha256})]}),s(`pre`,{children:y(e.payload)})]})},e.id))}),s(u,{pageInfo:N&&{...N.pageInfo,hasPreviousPage:!j&&(!E||N.pageInfo.hasPreviousPage),hasNextPage:E?!0:N.pageInfo.hasNextPage},total:N?.totalCount,onPage:e=>k({after:e.after??null,before:e.before??null})})]})}function y(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}export{v as Journal};