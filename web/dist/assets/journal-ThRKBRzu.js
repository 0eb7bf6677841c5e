import{I as e,N as t,O as n,R as r,S as i,T as a,c as o,i as s,j as c,l,m as u,r as d,s as f}from"./console-dnHmEbU-.js";import{n as p}from"./hooks-CAskQRee.js";var m=u(`
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
`),h=50,g=3e3,_=`Authorize.BootNotification.CancelReservation.CertificateSigned.ChangeAvailability.ChangeConfiguration.ClearCache.ClearChargingProfile.DataTransfer.DeleteCertificate.DiagnosticsStatusNotification.ExtendedTriggerMessage.FirmwareStatusNotification.GetCompositeSchedule.GetConfiguration.GetDiagnostics.GetInstalledCertificateIds.GetLocalListVersion.GetLog.Heartbeat.InstallCertificate.JournalSkipped.LogStatusNotification.MeterValues.RemoteStartTransaction.RemoteStopTransaction.ReserveNow.Reset.SecurityEventNotification.SendLocalList.SetChargingProfile.SignCertificate.SignedFirmwareStatusNotification.SignedUpdateFirmware.StartTransaction.StatusNotification.StopTransaction.TriggerMessage.UnlockConnector.UpdateFirmware`.split(`.`);function v(u){let v=c(),b=v.query,[x,S]=e(b.action??``),C=o(x.trim(),400),w=b.direction===`IN`||b.direction===`OUT`?b.direction:``,T=b.after||null,E=b.before||null,[D,O]=e(!1),k=e=>{let t=new URLSearchParams(v.url.split(`?`)[1]??``);for(let[n,r]of Object.entries(e))r?t.set(n,r):t.delete(n);let n=t.toString();v.route(`${v.path}${n?`?${n}`:``}`,!0)};t(()=>{(b.action??``)!==C&&k({action:C||null,after:null,before:null})},[C]);let A=p(m,{stationId:u.stationId,action:C||null,direction:w||null,...E?{last:h,before:E}:{first:h,after:T}}),j=!T&&!E,M=j&&!D;t(()=>{if(!M)return;let e=()=>{document.visibilityState===`visible`&&A.reload()},t=setInterval(e,g),n=()=>e();return u.listeners.add(n),()=>{clearInterval(t),u.listeners.delete(n)}},[M,A.reload,u.listeners]);let N=A.data?.ocppMessages;return l(`section`,{"aria-labelledby":`journal-h`,children:[l(`h2`,{id:`journal-h`,children:n(`station.journal`)}),l(`form`,{class:`filters`,onSubmit:e=>e.preventDefault(),"aria-label":n(`station.journalFilters`),children:[l(s,{label:n(`station.action`),children:l(`input`,{list:`journal-actions`,value:x,placeholder:n(`common.all`),onInput:e=>S(e.currentTarget.value)})}),l(`datalist`,{id:`journal-actions`,children:_.map(e=>l(`option`,{value:e},e))}),l(s,{label:n(`station.direction`),children:l(`select`,{value:w,onChange:e=>k({direction:e.currentTarget.value||null,after:null,before:null}),children:[l(`option`,{value:``,children:n(`common.all`)}),l(`option`,{value:`IN`,children:n(`station.directionIn`)}),l(`option`,{value:`OUT`,children:n(`station.directionOut`)})]})}),l(`label`,{class:`check`,children:[l(`input`,{type:`checkbox`,checked:!D,onChange:e=>O(!e.currentTarget.checked)}),` `,n(`station.journalLive`)]}),!j&&l(`button`,{type:`button`,onClick:()=>k({after:null,before:null}),children:n(`station.journalNewest`)})]}),l(`p`,{class:`muted`,"aria-live":`polite`,children:M?l(`span`,{class:`live-dot`,children:n(`station.journalFollowing`)}):n(`station.journalStill`)}),l(d,{error:A.error}),A.loading&&!A.data&&l(`p`,{class:`muted`,children:n(`common.loading`)}),N&&N.nodes.length===0&&l(`p`,{class:`muted`,children:n(`station.journalEmpty`)}),N&&N.nodes.length>0&&l(`ol`,{class:`journal`,"aria-label":n(`station.journal`),children:N.nodes.map(e=>l(`li`,{class:`frame dir-${e.direction.toLowerCase()}`,children:l(`details`,{children:[l(`summary`,{children:[l(`time`,{dateTime:e.createdAt,children:i(e.createdAt)}),` `,l(`span`,{class:`dir`,title:e.direction===`IN`?n(`station.directionIn`):n(`station.directionOut`),children:[e.direction===`IN`?`←`:`→`,l(`span`,{class:`sr-only`,children:e.direction===`IN`?n(`station.directionIn`):n(`station.directionOut`)})]}),` `,l(`strong`,{children:e.action??`?`}),` `,l(`span`,{class:`muted`,children:e.messageType??`?`}),` `,l(`span`,{class:`muted`,children:[n(`station.bytes`,{n:a(e.size)}),e.truncated&&l(r,{children:[` · `,n(`station.truncated`)]})]})]}),e.messageId&&l(`p`,{class:`muted`,children:[n(`station.messageId`),`: `,l(`code`,{children:e.messageId})]}),e.truncated&&e.sha256&&l(`p`,{class:`muted`,children:[`SHA-256: `,l(`code`,{children:e.sha256})]}),l(`pre`,{children:y(e.payload)})]})},e.id))}),l(f,{pageInfo:N&&{...N.pageInfo,hasPreviousPage:!j&&(!E||N.pageInfo.hasPreviousPage),hasNextPage:E?!0:N.pageInfo.hasNextPage},total:N?.totalCount,onPage:e=>k({after:e.after??null,before:e.before??null})})]})}function y(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}export{v as Journal};