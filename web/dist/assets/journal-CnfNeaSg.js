import{A as e,C as t,O as n,p as r,t as i,x as a}from"./jsxRuntime-DPkzGEFM.js";import{_ as o,b as s,i as c,l,m as u,r as d,s as f}from"./console-YlmL2Q8V.js";import{n as p}from"./hooks-B890TPRV.js";var m=r(`
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
`),h=50,g=3e3,_=`Authorize.BootNotification.CancelReservation.CertificateSigned.ChangeAvailability.ChangeConfiguration.ClearCache.ClearChargingProfile.DataTransfer.DeleteCertificate.DiagnosticsStatusNotification.ExtendedTriggerMessage.FirmwareStatusNotification.GetCompositeSchedule.GetConfiguration.GetDiagnostics.GetInstalledCertificateIds.GetLocalListVersion.GetLog.Heartbeat.InstallCertificate.JournalSkipped.LogStatusNotification.MeterValues.RemoteStartTransaction.RemoteStopTransaction.ReserveNow.Reset.SecurityEventNotification.SendLocalList.SetChargingProfile.SignCertificate.SignedFirmwareStatusNotification.SignedUpdateFirmware.StartTransaction.StatusNotification.StopTransaction.TriggerMessage.UnlockConnector.UpdateFirmware`.split(`.`);function v(r){let v=a(),b=v.query,[x,S]=n(b.action??``),C=l(x.trim(),400),w=b.direction===`IN`||b.direction===`OUT`?b.direction:``,T=b.after||null,E=b.before||null,[D,O]=n(!1),k=e=>{let t=new URLSearchParams(v.url.split(`?`)[1]??``);for(let[n,r]of Object.entries(e))r?t.set(n,r):t.delete(n);let n=t.toString();v.route(`${v.path}${n?`?${n}`:``}`,!0)};t(()=>{(b.action??``)!==C&&k({action:C||null,after:null,before:null})},[C]);let A=p(m,{stationId:r.stationId,action:C||null,direction:w||null,...E?{last:h,before:E}:{first:h,after:T}}),j=!T&&!E,M=j&&!D;t(()=>{if(!M)return;let e=()=>{document.visibilityState===`visible`&&A.reload()},t=setInterval(e,g),n=()=>e();return r.listeners.add(n),()=>{clearInterval(t),r.listeners.delete(n)}},[M,A.reload,r.listeners]);let N=A.data?.ocppMessages;return i(`section`,{"aria-labelledby":`journal-h`,children:[i(`h2`,{id:`journal-h`,children:s(`station.journal`)}),i(`form`,{class:`filters`,onSubmit:e=>e.preventDefault(),"aria-label":s(`station.journalFilters`),children:[i(c,{label:s(`station.action`),children:i(`input`,{list:`journal-actions`,value:x,placeholder:s(`common.all`),onInput:e=>S(e.currentTarget.value)})}),i(`datalist`,{id:`journal-actions`,children:_.map(e=>i(`option`,{value:e},e))}),i(c,{label:s(`station.direction`),children:i(`select`,{value:w,onChange:e=>k({direction:e.currentTarget.value||null,after:null,before:null}),children:[i(`option`,{value:``,children:s(`common.all`)}),i(`option`,{value:`IN`,children:s(`station.directionIn`)}),i(`option`,{value:`OUT`,children:s(`station.directionOut`)})]})}),i(`label`,{class:`check`,children:[i(`input`,{type:`checkbox`,checked:!D,onChange:e=>O(!e.currentTarget.checked)}),` `,s(`station.journalLive`)]}),!j&&i(`button`,{type:`button`,onClick:()=>k({after:null,before:null}),children:s(`station.journalNewest`)})]}),i(`p`,{class:`muted`,"aria-live":`polite`,children:M?i(`span`,{class:`live-dot`,children:s(`station.journalFollowing`)}):s(`station.journalStill`)}),i(d,{error:A.error}),A.loading&&!A.data&&i(`p`,{class:`muted`,children:s(`common.loading`)}),N&&N.nodes.length===0&&i(`p`,{class:`muted`,children:s(`station.journalEmpty`)}),N&&N.nodes.length>0&&i(`ol`,{class:`journal`,"aria-label":s(`station.journal`),children:N.nodes.map(t=>i(`li`,{class:`frame dir-${t.direction.toLowerCase()}`,children:i(`details`,{children:[i(`summary`,{children:[i(`time`,{dateTime:t.createdAt,children:u(t.createdAt)}),` `,i(`span`,{class:`dir`,title:t.direction===`IN`?s(`station.directionIn`):s(`station.directionOut`),children:[t.direction===`IN`?`←`:`→`,i(`span`,{class:`sr-only`,children:t.direction===`IN`?s(`station.directionIn`):s(`station.directionOut`)})]}),` `,i(`strong`,{children:t.action??`?`}),` `,i(`span`,{class:`muted`,children:t.messageType??`?`}),` `,i(`span`,{class:`muted`,children:[s(`station.bytes`,{n:o(t.size)}),t.truncated&&i(e,{children:[` · `,s(`station.truncated`)]})]})]}),t.messageId&&i(`p`,{class:`muted`,children:[s(`station.messageId`),`: `,i(`code`,{children:t.messageId})]}),t.truncated&&t.sha256&&i(`p`,{class:`muted`,children:[`SHA-256: `,i(`code`,{children:t.sha256})]}),i(`pre`,{children:y(t.payload)})]})},t.id))}),i(f,{pageInfo:N&&{...N.pageInfo,hasPreviousPage:!j&&(!E||N.pageInfo.hasPreviousPage),hasNextPage:E?!0:N.pageInfo.hasNextPage},total:N?.totalCount,onPage:e=>k({after:e.after??null,before:e.before??null})})]})}function y(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}export{v as Journal};