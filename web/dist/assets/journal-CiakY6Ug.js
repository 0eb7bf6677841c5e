import{C as e,E as t,L as n,M as r,P as i,c as a,i as o,k as s,l as c,r as l,s as u,y as d,z as f}from"./console-NpAu_WoJ.js";import{n as p}from"./hooks-X1fviBlp.js";var m=d(`
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
`),h=50,g=3e3,_=`Authorize.BootNotification.CancelReservation.CertificateSigned.ChangeAvailability.ChangeConfiguration.ClearCache.ClearChargingProfile.DataTransfer.DeleteCertificate.DiagnosticsStatusNotification.ExtendedTriggerMessage.FirmwareStatusNotification.GetCompositeSchedule.GetConfiguration.GetDiagnostics.GetInstalledCertificateIds.GetLocalListVersion.GetLog.Heartbeat.InstallCertificate.JournalSkipped.LogStatusNotification.MeterValues.RemoteStartTransaction.RemoteStopTransaction.ReserveNow.Reset.SecurityEventNotification.SendLocalList.SetChargingProfile.SignCertificate.SignedFirmwareStatusNotification.SignedUpdateFirmware.StartTransaction.StatusNotification.StopTransaction.TriggerMessage.UnlockConnector.UpdateFirmware`.split(`.`);function v(d){let v=r(),b=v.query,[x,S]=n(b.action??``),C=a(x.trim(),400),w=b.direction===`IN`||b.direction===`OUT`?b.direction:``,T=b.after||null,E=b.before||null,[D,O]=n(!1),k=e=>{let t=new URLSearchParams(v.url.split(`?`)[1]??``);for(let[n,r]of Object.entries(e))r?t.set(n,r):t.delete(n);let n=t.toString();v.route(`${v.path}${n?`?${n}`:``}`,!0)};i(()=>{(b.action??``)!==C&&k({action:C||null,after:null,before:null})},[C]);let A=p(m,{stationId:d.stationId,action:C||null,direction:w||null,...E?{last:h,before:E}:{first:h,after:T}}),j=!T&&!E,M=j&&!D;i(()=>{if(!M)return;let e=()=>{document.visibilityState===`visible`&&A.reload()},t=setInterval(e,g),n=()=>e();return d.listeners.add(n),()=>{clearInterval(t),d.listeners.delete(n)}},[M,A.reload,d.listeners]);let N=A.data?.ocppMessages;return c(`section`,{"aria-labelledby":`journal-h`,children:[c(`h2`,{id:`journal-h`,children:s(`station.journal`)}),c(`form`,{class:`filters`,onSubmit:e=>e.preventDefault(),"aria-label":s(`station.journalFilters`),children:[c(o,{label:s(`station.action`),children:c(`input`,{list:`journal-actions`,value:x,placeholder:s(`common.all`),onInput:e=>S(e.currentTarget.value)})}),c(`datalist`,{id:`journal-actions`,children:_.map(e=>c(`option`,{value:e},e))}),c(o,{label:s(`station.direction`),children:c(`select`,{value:w,onChange:e=>k({direction:e.currentTarget.value||null,after:null,before:null}),children:[c(`option`,{value:``,children:s(`common.all`)}),c(`option`,{value:`IN`,children:s(`station.directionIn`)}),c(`option`,{value:`OUT`,children:s(`station.directionOut`)})]})}),c(`label`,{class:`check`,children:[c(`input`,{type:`checkbox`,checked:!D,onChange:e=>O(!e.currentTarget.checked)}),` `,s(`station.journalLive`)]}),!j&&c(`button`,{type:`button`,onClick:()=>k({after:null,before:null}),children:s(`station.journalNewest`)})]}),c(`p`,{class:`muted`,"aria-live":`polite`,children:M?c(`span`,{class:`live-dot`,children:s(`station.journalFollowing`)}):s(`station.journalStill`)}),c(l,{error:A.error}),A.loading&&!A.data&&c(`p`,{class:`muted`,children:s(`common.loading`)}),N&&N.nodes.length===0&&c(`p`,{class:`muted`,children:s(`station.journalEmpty`)}),N&&N.nodes.length>0&&c(`ol`,{class:`journal`,"aria-label":s(`station.journal`),children:N.nodes.map(n=>c(`li`,{class:`frame dir-${n.direction.toLowerCase()}`,children:c(`details`,{children:[c(`summary`,{children:[c(`time`,{dateTime:n.createdAt,children:e(n.createdAt)}),` `,c(`span`,{class:`dir`,title:n.direction===`IN`?s(`station.directionIn`):s(`station.directionOut`),children:[n.direction===`IN`?`←`:`→`,c(`span`,{class:`sr-only`,children:n.direction===`IN`?s(`station.directionIn`):s(`station.directionOut`)})]}),` `,c(`strong`,{children:n.action??`?`}),` `,c(`span`,{class:`muted`,children:n.messageType??`?`}),` `,c(`span`,{class:`muted`,children:[s(`station.bytes`,{n:t(n.size)}),n.truncated&&c(f,{children:[` · `,s(`station.truncated`)]})]})]}),n.messageId&&c(`p`,{class:`muted`,children:[s(`station.messageId`),`: `,c(`code`,{children:n.messageId})]}),n.truncated&&n.sha256&&c(`p`,{class:`muted`,children:[`SHA-256: `,c(`code`,{children:n.sha256})]}),c(`pre`,{children:y(n.payload)})]})},n.id))}),c(u,{pageInfo:N&&{...N.pageInfo,hasPreviousPage:!j&&(!E||N.pageInfo.hasPreviousPage),hasNextPage:E?!0:N.pageInfo.hasNextPage},total:N?.totalCount,onPage:e=>k({after:e.after??null,before:e.before??null})})]})}function y(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}export{v as Journal};