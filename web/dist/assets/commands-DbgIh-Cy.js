import{A as e,D as t,F as n,L as r,S as i,a,g as o,h as s,i as c,l,m as u,n as d,r as f,t as p,u as m,v as h,w as g,x as _}from"./console-CwjbJvEJ.js";import{n as v,t as y}from"./hooks-CJwiRb8j.js";import{a as b,c as x,i as S,n as C,o as w,r as T,s as E,t as D}from"./station-C64ymodL.js";var O=u(`
  query StationLocalList($stationId: ID!) {
    localAuthList(stationId: $stationId) {
      version
      updatedAt
      entries {
        idTag
        status
        expiryDate
        parentIdTag
      }
    }
  }
`),k=u(`
  mutation StationSendLocalList(
    $stationId: ID!
    $updateType: UpdateType!
    $idTags: [String!]!
    $removeIdTags: [String!]!
    $listVersion: Int
  ) {
    sendLocalList(
      stationId: $stationId
      updateType: $updateType
      idTags: $idTags
      removeIdTags: $removeIdTags
      listVersion: $listVersion
    ) {
      status
      listVersion
    }
  }
`),A=u(`
  mutation StationGetLocalListVersion($stationId: ID!) {
    getLocalListVersion(stationId: $stationId) {
      listVersion
      storedVersion
    }
  }
`),j=u(`
  query StationReservations($stationId: ID!, $includeEnded: Boolean!) {
    reservations(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
      id
      connectorId
      idTag
      parentIdTag
      expiryDate
      state
      stationStatus
      transactionId
      createdAt
      endedAt
    }
  }
`),M=u(`
  mutation StationReserveNow(
    $stationId: ID!
    $connectorId: Int!
    $idTag: String!
    $expiryDate: DateTime!
    $parentIdTag: String
  ) {
    reserveNow(
      stationId: $stationId
      connectorId: $connectorId
      idTag: $idTag
      expiryDate: $expiryDate
      parentIdTag: $parentIdTag
    ) {
      status
      reservation {
        id
      }
    }
  }
`),N=u(`
  mutation StationCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`),P=e=>e.split(/[\s,;]+/).map(e=>e.trim()).filter(Boolean);function F({station:e}){let i=e.id,a=v(O,{stationId:i}),[o,s]=n(`DIFFERENTIAL`),[u,d]=n(``),[m,h]=n(``),[g,y]=n(``),[b,S]=n(!1),T=v(j,{stationId:i,includeEnded:b}),[N,F]=n(`0`),[L,R]=n(``),[z,B]=n(``),[V,H]=n(()=>w(new Date(Date.now()+36e5))),U=o===`FULL`,W=a.data?.localAuthList;return l(r,{children:[l(`h3`,{class:`group-h`,children:t(`station.localList`)}),l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.sendLocalList`),doc:k,submit:t(`common.send`),confirm:U?t(`station.confirm.fullList`):void 0,danger:U,variables:()=>{let e=g.trim()===``?null:Number(g);return e!==null&&!Number.isInteger(e)?null:{stationId:i,updateType:o,idTags:P(u),removeIdTags:U?[]:P(m),listVersion:e}},invalid:t(`station.invalidNumber`),status:e=>e.sendLocalList.status,details:e=>l(`p`,{children:t(`station.listVersionSent`,{v:e.sendLocalList.listVersion})}),onDone:()=>a.reload(),children:[l(C,{label:t(`station.updateType`),values:[`DIFFERENTIAL`,`FULL`],value:o,onChange:s}),l(c,{label:t(U?`station.listTagsFull`:`station.listTagsAdd`),hint:t(`station.tagsHint`),children:l(`textarea`,{rows:3,value:u,onInput:e=>d(e.currentTarget.value)})}),!U&&l(c,{label:t(`station.listTagsRemove`),hint:t(`station.tagsHint`),children:l(`textarea`,{rows:2,value:m,onInput:e=>h(e.currentTarget.value)})}),l(c,{label:t(`station.listVersionOptional`),children:l(`input`,{inputMode:`numeric`,value:g,onInput:e=>y(e.currentTarget.value)})})]}),l(D,{title:t(`station.cmd.getLocalListVersion`),doc:A,submit:t(`station.cmd.ask`),variables:()=>({stationId:i}),status:()=>null,details:e=>l(`p`,{class:`notice ok`,role:`status`,children:t(`station.listVersionAnswer`,{v:e.getLocalListVersion.listVersion,stored:e.getLocalListVersion.storedVersion??`–`})})})]}),l(`section`,{class:`card`,"aria-labelledby":`local-list-h`,children:[l(`h3`,{id:`local-list-h`,children:t(`station.localListHeld`)}),l(f,{error:a.error}),a.data&&!W&&l(`p`,{class:`muted`,children:t(`station.localListNone`)}),W&&l(r,{children:[l(`p`,{class:`muted`,children:t(`station.localListMeta`,{v:W.version,at:_(W.updatedAt)})}),W.entries.length===0?l(`p`,{class:`muted`,children:t(`station.localListEmpty`)}):l(`div`,{class:`table-wrap`,children:l(`table`,{children:[l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:t(`station.idTag`)}),l(`th`,{scope:`col`,children:t(`station.tagStatus`)}),l(`th`,{scope:`col`,children:t(`station.expiry`)}),l(`th`,{scope:`col`,children:t(`station.parentIdTag`)})]})}),l(`tbody`,{children:W.entries.map(e=>l(`tr`,{children:[l(`th`,{scope:`row`,children:l(`code`,{children:e.idTag})}),l(`td`,{children:l(p,{value:e.status})}),l(`td`,{children:_(e.expiryDate)}),l(`td`,{children:e.parentIdTag??`–`})]},e.idTag))})]})})]})]}),l(`h3`,{class:`group-h`,children:t(`station.reservations`)}),l(`div`,{class:`command-grid`,children:l(D,{title:t(`station.cmd.reserveNow`),doc:M,submit:t(`station.cmd.reserve`),variables:()=>{let e=E(V);return e?{stationId:i,connectorId:Number(N),idTag:L.trim(),parentIdTag:x(z),expiryDate:e}:null},invalid:t(`station.invalidDate`),status:e=>e.reserveNow.status,details:e=>l(`p`,{children:t(`station.reservationId`,{id:e.reserveNow.reservation.id})}),onDone:()=>T.reload(),children:[l($,{label:t(`station.connectorLabel`),connectors:e.connectors,value:N,onChange:F,zero:!0}),l(c,{label:t(`station.idTag`),children:l(`input`,{required:!0,maxLength:20,value:L,onInput:e=>R(e.currentTarget.value)})}),l(c,{label:t(`station.parentIdTagOptional`),children:l(`input`,{maxLength:20,value:z,onInput:e=>B(e.currentTarget.value)})}),l(c,{label:t(`station.expiry`),children:l(`input`,{type:`datetime-local`,required:!0,value:V,onInput:e=>H(e.currentTarget.value)})})]})}),l(`section`,{class:`card`,"aria-labelledby":`reservations-h`,children:[l(`h3`,{id:`reservations-h`,children:t(`station.reservationList`)}),l(`label`,{class:`check`,children:[l(`input`,{type:`checkbox`,checked:b,onChange:e=>S(e.currentTarget.checked)}),` `,t(`station.includeEnded`)]}),l(f,{error:T.error}),T.data&&T.data.reservations.length===0&&l(`p`,{class:`muted`,children:t(`station.noReservations`)}),T.data&&T.data.reservations.length>0&&l(`div`,{class:`table-wrap`,children:l(`table`,{children:[l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:`#`}),l(`th`,{scope:`col`,children:t(`station.connectorLabel`)}),l(`th`,{scope:`col`,children:t(`station.idTag`)}),l(`th`,{scope:`col`,children:t(`station.expiry`)}),l(`th`,{scope:`col`,children:t(`station.state`)}),l(`th`,{scope:`col`,children:l(`span`,{class:`sr-only`,children:t(`station.actions`)})})]})}),l(`tbody`,{children:T.data.reservations.map(e=>l(`tr`,{children:[l(`th`,{scope:`row`,children:e.id}),l(`td`,{children:e.connectorId===0?t(`station.anyConnector`):e.connectorId}),l(`td`,{children:l(`code`,{children:e.idTag})}),l(`td`,{children:_(e.expiryDate)}),l(`td`,{children:[l(p,{value:e.state}),` `,e.stationStatus&&l(`span`,{class:`muted`,children:e.stationStatus}),e.transactionId&&l(r,{children:[` `,l(`a`,{href:`/transactions/${e.transactionId}`,children:[`#`,e.transactionId]})]})]}),l(`td`,{children:l(I,{id:e.id,open:e.state===`ACTIVE`||e.state===`REQUESTED`,onDone:()=>T.reload()})})]},e.id))})]})})]})]})}function I(e){let n=y(N);return l(r,{children:[e.open&&l(d,{label:t(`station.cmd.cancelReservation`,{id:e.id}),question:t(`station.confirm.cancelReservation`,{id:e.id}),disabled:n.running,onConfirm:async()=>{await n.run({reservationId:e.id})&&e.onDone()}}),l(f,{error:n.error}),n.result&&l(a,{status:n.result.cancelReservation.status,children:T(n.result.cancelReservation.status)})]})}u(`
  fragment ChargingScheduleFields on ChargingSchedule {
    chargingRateUnit
    duration
    startSchedule
    minChargingRate
    chargingSchedulePeriod {
      startPeriod
      limit
      numberPhases
    }
  }
`);var L=u(`
  query StationChargingProfiles($stationId: ID!, $includeEnded: Boolean!) {
    chargingProfiles(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
      id
      connectorId
      state
      installedAt
      endedAt
      profile {
        chargingProfileId
        chargingProfilePurpose
        chargingProfileKind
        recurrencyKind
        stackLevel
        transactionId
        validFrom
        validTo
        chargingSchedule {
          ...ChargingScheduleFields
        }
      }
    }
  }
`),R=u(`
  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {
      status
    }
  }
`),z=u(`
  mutation StationClearChargingProfile(
    $stationId: ID!
    $id: Int
    $connectorId: Int
    $chargingProfilePurpose: ChargingProfilePurpose
    $stackLevel: Int
  ) {
    clearChargingProfile(
      stationId: $stationId
      id: $id
      connectorId: $connectorId
      chargingProfilePurpose: $chargingProfilePurpose
      stackLevel: $stackLevel
    ) {
      status
    }
  }
`),B=u(`
  mutation StationCompositeSchedule(
    $stationId: ID!
    $connectorId: Int!
    $duration: Int!
    $chargingRateUnit: ChargingRateUnit
  ) {
    getCompositeSchedule(
      stationId: $stationId
      connectorId: $connectorId
      duration: $duration
      chargingRateUnit: $chargingRateUnit
    ) {
      status
      connectorId
      scheduleStart
      chargingSchedule {
        ...ChargingScheduleFields
      }
    }
  }
`),V=[`TX_DEFAULT_PROFILE`,`CHARGE_POINT_MAX_PROFILE`,`TX_PROFILE`],H=[`ABSOLUTE`,`RECURRING`,`RELATIVE`];function U({station:e,onChanged:i}){let a=e.id,o=e.connectors,[s,u]=n(!1),d=v(L,{stationId:a,includeEnded:s}),[m,h]=n(`0`),[g,y]=n(`1`),[x,w]=n(`TX_DEFAULT_PROFILE`),[T,O]=n(`0`),[k,A]=n(`ABSOLUTE`),[j,M]=n(`DAILY`),[N,P]=n(`A`),[F,I]=n(``),[U,G]=n(``),[K,q]=n(``),[J,Y]=n([{start:`0`,limit:`16`,phases:``}]),[X,ee]=n(``),[Z,te]=n(``),[ne,re]=n(``),[ie,ae]=n(``),[oe,se]=n(`0`),[ce,le]=n(`3600`),[ue,de]=n(``),Q=(e,t)=>Y(n=>n.map((n,r)=>r===e?{...n,...t}:n));return l(r,{children:[l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.setProfile`),doc:R,submit:t(`station.cmd.install`),variables:()=>{let e=J.map(e=>({startPeriod:Number(e.start),limit:Number(e.limit.replace(`,`,`.`)),numberPhases:b(e.phases)}));if([Number(g),Number(T),...e.map(e=>e.startPeriod)].some(e=>!Number.isInteger(e))||e.some(e=>Number.isNaN(e.limit)||Number.isNaN(e.numberPhases)))return null;let t=b(F);return Number.isNaN(t)?null:{stationId:a,connectorId:Number(m),profile:{chargingProfileId:Number(g),stackLevel:Number(T),chargingProfilePurpose:x,chargingProfileKind:k,recurrencyKind:k===`RECURRING`?j:null,transactionId:x===`TX_PROFILE`?t:null,validFrom:E(U),validTo:E(K),chargingSchedule:{chargingRateUnit:N,startSchedule:k===`RELATIVE`?null:new Date().toISOString(),chargingSchedulePeriod:e}}}},invalid:t(`station.invalidNumber`),status:e=>e.setChargingProfile.status,onDone:()=>{d.reload(),i()},children:[l($,{label:t(`station.connectorLabel`),connectors:o,value:m,onChange:h,zero:!0}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.profileId`),children:l(`input`,{required:!0,inputMode:`numeric`,size:6,value:g,onInput:e=>y(e.currentTarget.value)})}),l(c,{label:t(`station.stackLevel`),children:l(`input`,{required:!0,inputMode:`numeric`,size:4,value:T,onInput:e=>O(e.currentTarget.value)})})]}),l(C,{label:t(`station.purpose`),values:V,value:x,onChange:w}),x===`TX_PROFILE`&&l(c,{label:t(`station.transactionIdOptional`),children:l(`input`,{inputMode:`numeric`,value:F,onInput:e=>I(e.currentTarget.value)})}),l(C,{label:t(`station.kind`),values:H,value:k,onChange:A}),k===`RECURRING`&&l(C,{label:t(`station.recurrency`),values:[`DAILY`,`WEEKLY`],value:j,onChange:M}),l(C,{label:t(`station.rateUnit`),values:[`A`,`W`],value:N,onChange:P}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.validFromOptional`),children:l(`input`,{type:`datetime-local`,value:U,onInput:e=>G(e.currentTarget.value)})}),l(c,{label:t(`station.validToOptional`),children:l(`input`,{type:`datetime-local`,value:K,onInput:e=>q(e.currentTarget.value)})})]}),l(`fieldset`,{children:[l(`legend`,{children:t(`station.periods`)}),J.map((e,n)=>l(`div`,{class:`row`,children:[l(c,{label:t(`station.periodStart`,{n:n+1}),children:l(`input`,{required:!0,inputMode:`numeric`,size:7,value:e.start,onInput:e=>Q(n,{start:e.currentTarget.value})})}),l(c,{label:t(`station.periodLimit`,{n:n+1,unit:N}),children:l(`input`,{required:!0,inputMode:`decimal`,size:7,value:e.limit,onInput:e=>Q(n,{limit:e.currentTarget.value})})}),l(c,{label:t(`station.periodPhases`,{n:n+1}),children:l(`input`,{inputMode:`numeric`,size:3,value:e.phases,onInput:e=>Q(n,{phases:e.currentTarget.value})})}),J.length>1&&l(`button`,{type:`button`,class:`period-remove`,onClick:()=>Y(e=>e.filter((e,t)=>t!==n)),children:t(`station.removePeriod`,{n:n+1})})]},n)),J.length<5&&l(`button`,{type:`button`,onClick:()=>Y(e=>[...e,{start:String((Number(e[e.length-1]?.start)||0)+3600),limit:e[e.length-1]?.limit??`16`,phases:``}]),children:t(`station.addPeriod`)})]})]}),l(D,{title:t(`station.cmd.clearProfile`),doc:z,submit:t(`station.cmd.clear`),confirm:t(`station.confirm.clearProfile`),danger:!0,description:t(`station.clearProfileHint`),variables:()=>{let e=b(X),t=b(ie);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:a,id:e,connectorId:b(Z),chargingProfilePurpose:ne||null,stackLevel:t}},invalid:t(`station.invalidNumber`),status:e=>e.clearChargingProfile.status,onDone:()=>d.reload(),children:[l(c,{label:t(`station.profileIdOptional`),children:l(`input`,{inputMode:`numeric`,value:X,onInput:e=>ee(e.currentTarget.value)})}),l($,{label:t(`station.connectorLabel`),connectors:o,value:Z,onChange:te,zero:!0,any:!0}),l(C,{label:t(`station.purpose`),values:V,value:ne,onChange:re,empty:t(`common.all`)}),l(c,{label:t(`station.stackLevelOptional`),children:l(`input`,{inputMode:`numeric`,value:ie,onInput:e=>ae(e.currentTarget.value)})})]}),l(D,{title:t(`station.cmd.composite`),doc:B,submit:t(`station.cmd.ask`),variables:()=>{let e=Number(ce);return!Number.isInteger(e)||e<=0?null:{stationId:a,connectorId:Number(oe),duration:e,chargingRateUnit:ue||null}},invalid:t(`station.invalidNumber`),status:e=>e.getCompositeSchedule.status,details:e=>e.getCompositeSchedule.chargingSchedule?l(W,{schedule:e.getCompositeSchedule.chargingSchedule,start:e.getCompositeSchedule.scheduleStart,caption:t(`station.compositeSchedule`)}):null,children:[l($,{label:t(`station.connectorLabel`),connectors:o,value:oe,onChange:se,zero:!0}),l(c,{label:t(`station.durationSeconds`),children:l(`input`,{required:!0,inputMode:`numeric`,value:ce,onInput:e=>le(e.currentTarget.value)})}),l(C,{label:t(`station.rateUnit`),values:[`A`,`W`],value:ue,onChange:de,empty:t(`station.stationChooses`)})]})]}),l(`section`,{class:`card`,"aria-labelledby":`profiles-h`,children:[l(`h3`,{id:`profiles-h`,children:t(`station.profilesHeld`)}),l(`label`,{class:`check`,children:[l(`input`,{type:`checkbox`,checked:s,onChange:e=>u(e.currentTarget.checked)}),` `,t(`station.includeEnded`)]}),l(f,{error:d.error}),d.data&&d.data.chargingProfiles.length===0&&l(`p`,{class:`muted`,children:t(`station.noProfiles`)}),d.data?.chargingProfiles.map(e=>l(`details`,{class:`profile`,children:[l(`summary`,{children:[`#`,e.profile.chargingProfileId,` · `,S(e.profile.chargingProfilePurpose),` ·`,` `,t(`station.stackLevel`),` `,e.profile.stackLevel,` ·`,` `,e.connectorId===0?t(`station.wholeStation`):t(`station.connector`,{n:e.connectorId}),` `,l(p,{value:e.state})]}),l(`dl`,{class:`kv`,children:[l(`dt`,{children:t(`station.kind`)}),l(`dd`,{children:[S(e.profile.chargingProfileKind),e.profile.recurrencyKind&&` (${S(e.profile.recurrencyKind)})`]}),e.profile.transactionId&&l(r,{children:[l(`dt`,{children:t(`station.transaction`)}),l(`dd`,{children:[`#`,e.profile.transactionId]})]}),l(`dt`,{children:t(`station.validity`)}),l(`dd`,{children:[_(e.profile.validFrom),` – `,_(e.profile.validTo)]}),l(`dt`,{children:t(`station.installedAt`)}),l(`dd`,{children:_(e.installedAt)}),e.endedAt&&l(r,{children:[l(`dt`,{children:t(`station.endedAt`)}),l(`dd`,{children:_(e.endedAt)})]})]}),l(W,{schedule:e.profile.chargingSchedule,caption:t(`station.schedule`)})]},e.id))]})]})}function W(e){let n=e.schedule;return l(`div`,{class:`table-wrap`,children:l(`table`,{children:[l(`caption`,{children:[e.caption,`: `,n.chargingRateUnit,(e.start??n.startSchedule)&&` · ${t(`station.from`)} ${_(e.start??n.startSchedule)}`,n.duration!==null&&n.duration!==void 0&&` · ${i(n.duration)}`,n.minChargingRate!==null&&n.minChargingRate!==void 0&&` · min ${g(n.minChargingRate,1)}`]}),l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:t(`station.periodStartCol`)}),l(`th`,{scope:`col`,class:`num`,children:[t(`station.limit`),` (`,n.chargingRateUnit,`)`]}),l(`th`,{scope:`col`,class:`num`,children:t(`station.phases`)})]})}),l(`tbody`,{children:n.chargingSchedulePeriod.map(e=>l(`tr`,{children:[l(`th`,{scope:`row`,children:i(e.startPeriod)}),l(`td`,{class:`num`,children:g(e.limit,1)}),l(`td`,{class:`num`,children:e.numberPhases??`–`})]},e.startPeriod))})]})})}var G=u(`
  query StationFirmwareUpdates($stationId: ID!) {
    firmwareUpdates(stationId: $stationId, limit: 20) {
      id
      location
      retrieveDate
      retries
      retryInterval
      requestedAt
      requestedBy
    }
    diagnosticsRequests(stationId: $stationId, limit: 20) {
      id
      location
      requestedAt
      requestedBy
      startTime
      stopTime
      fileName
      uploadedName
      uploadedAt
      uploadExpiresAt
      size
      downloadPath
    }
    statusNotifications(stationId: $stationId, limit: 20) {
      at
      kind
      status
    }
  }
`),K=u(`
  mutation StationUpdateFirmware(
    $stationId: ID!
    $location: String!
    $retrieveDate: DateTime!
    $retries: Int
    $retryInterval: Int
  ) {
    updateFirmware(
      stationId: $stationId
      location: $location
      retrieveDate: $retrieveDate
      retries: $retries
      retryInterval: $retryInterval
    ) {
      id
    }
  }
`),q=u(`
  mutation StationGetDiagnostics(
    $stationId: ID!
    $location: String
    $retries: Int
    $retryInterval: Int
    $startTime: DateTime
    $stopTime: DateTime
  ) {
    getDiagnostics(
      stationId: $stationId
      location: $location
      retries: $retries
      retryInterval: $retryInterval
      startTime: $startTime
      stopTime: $stopTime
    ) {
      id
      fileName
    }
  }
`);function J({station:e,onChanged:i}){let a=e.id,o=v(G,{stationId:a}),[s,u]=n(``),[d,p]=n(()=>w(new Date)),[m,h]=n(``),[g,y]=n(``),[S,C]=n(``),[T,O]=n(``),[k,A]=n(``),[j,M]=n(``),[N,P]=n(``),F=o.data;return l(r,{children:[l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.updateFirmware`),doc:K,submit:t(`common.send`),confirm:t(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(d),t=b(m),n=b(g);return!e||Number.isNaN(t)||Number.isNaN(n)?null:{stationId:a,location:s.trim(),retrieveDate:e,retries:t,retryInterval:n}},invalid:t(`station.invalidNumber`),status:()=>null,details:e=>l(`p`,{class:`notice ok`,role:`status`,children:t(`station.firmwareRequested`,{id:e.updateFirmware.id})}),onDone:()=>{o.reload(),i()},children:[l(c,{label:t(`station.firmwareLocation`),children:l(`input`,{type:`url`,required:!0,value:s,onInput:e=>u(e.currentTarget.value)})}),l(c,{label:t(`station.retrieveDate`),children:l(`input`,{type:`datetime-local`,required:!0,value:d,onInput:e=>p(e.currentTarget.value)})}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.retriesOptional`),children:l(`input`,{inputMode:`numeric`,size:4,value:m,onInput:e=>h(e.currentTarget.value)})}),l(c,{label:t(`station.retryIntervalOptional`),children:l(`input`,{inputMode:`numeric`,size:6,value:g,onInput:e=>y(e.currentTarget.value)})})]})]}),l(D,{title:t(`station.cmd.getDiagnostics`),doc:q,submit:t(`station.cmd.ask`),variables:()=>{let e=b(j),t=b(N);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:a,location:x(S),startTime:E(T),stopTime:E(k),retries:e,retryInterval:t}},invalid:t(`station.invalidNumber`),status:()=>null,details:e=>l(`p`,{class:`notice ok`,role:`status`,children:e.getDiagnostics.fileName?t(`station.diagnosticsFile`,{name:e.getDiagnostics.fileName}):t(`station.diagnosticsNoFile`)}),onDone:()=>o.reload(),children:[l(c,{label:t(`station.diagnosticsLocation`),hint:t(`station.diagnosticsLocationHint`),children:l(`input`,{type:`url`,value:S,onInput:e=>C(e.currentTarget.value)})}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.startTimeOptional`),children:l(`input`,{type:`datetime-local`,value:T,onInput:e=>O(e.currentTarget.value)})}),l(c,{label:t(`station.stopTimeOptional`),children:l(`input`,{type:`datetime-local`,value:k,onInput:e=>A(e.currentTarget.value)})})]}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.retriesOptional`),children:l(`input`,{inputMode:`numeric`,size:4,value:j,onInput:e=>M(e.currentTarget.value)})}),l(c,{label:t(`station.retryIntervalOptional`),children:l(`input`,{inputMode:`numeric`,size:6,value:N,onInput:e=>P(e.currentTarget.value)})})]})]})]}),l(f,{error:o.error}),l(`section`,{class:`card`,"aria-labelledby":`fw-list-h`,children:[l(`h3`,{id:`fw-list-h`,children:t(`station.firmwareUpdates`)}),l(`p`,{children:[t(`station.firmwareStatus`),`: `,l(`strong`,{children:e.firmwareStatus??`–`}),` `,l(`span`,{class:`muted`,children:_(e.firmwareStatusAt)})]}),F&&F.firmwareUpdates.length===0&&l(`p`,{class:`muted`,children:t(`station.noneYet`)}),F&&F.firmwareUpdates.length>0&&l(`div`,{class:`table-wrap`,children:l(`table`,{children:[l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:t(`station.requestedAt`)}),l(`th`,{scope:`col`,children:t(`station.location`)}),l(`th`,{scope:`col`,children:t(`station.retrieveDate`)}),l(`th`,{scope:`col`,children:t(`station.requestedBy`)})]})}),l(`tbody`,{children:F.firmwareUpdates.map(e=>l(`tr`,{children:[l(`th`,{scope:`row`,children:_(e.requestedAt)}),l(`td`,{class:`wrap`,children:e.location}),l(`td`,{children:_(e.retrieveDate)}),l(`td`,{children:e.requestedBy??`–`})]},e.id))})]})})]}),l(`section`,{class:`card`,"aria-labelledby":`diag-list-h`,children:[l(`h3`,{id:`diag-list-h`,children:t(`station.diagnosticsRequests`)}),l(`p`,{children:[t(`station.diagnosticsStatus`),`: `,l(`strong`,{children:e.diagnosticsStatus??`–`}),` `,l(`span`,{class:`muted`,children:_(e.diagnosticsStatusAt)})]}),F&&F.diagnosticsRequests.length===0&&l(`p`,{class:`muted`,children:t(`station.noneYet`)}),F&&F.diagnosticsRequests.length>0&&l(`div`,{class:`table-wrap`,children:l(`table`,{children:[l(`thead`,{children:l(`tr`,{children:[l(`th`,{scope:`col`,children:t(`station.requestedAt`)}),l(`th`,{scope:`col`,children:t(`station.location`)}),l(`th`,{scope:`col`,children:t(`station.file`)}),l(`th`,{scope:`col`,children:t(`station.uploadedAt`)})]})}),l(`tbody`,{children:F.diagnosticsRequests.map(e=>l(`tr`,{children:[l(`th`,{scope:`row`,children:_(e.requestedAt)}),l(`td`,{class:`wrap`,children:e.location}),l(`td`,{children:e.downloadPath?l(Y,{path:e.downloadPath,name:e.uploadedName??e.fileName??`diagnostics-${e.id}`,size:e.size}):e.fileName??`–`}),l(`td`,{children:e.uploadedAt?_(e.uploadedAt):e.uploadExpiresAt?t(`station.uploadUntil`,{at:_(e.uploadExpiresAt)}):`–`})]},e.id))})]})})]}),l(`section`,{class:`card`,"aria-labelledby":`notif-h`,children:[l(`h3`,{id:`notif-h`,children:t(`station.statusNotifications`)}),F&&F.statusNotifications.length===0&&l(`p`,{class:`muted`,children:t(`station.noneYet`)}),F&&F.statusNotifications.length>0&&l(`ul`,{children:F.statusNotifications.map((e,n)=>l(`li`,{children:[_(e.at),` · `,e.kind===`FIRMWARE`?t(`station.firmware`):t(`station.diagnostics`),`:`,` `,l(`strong`,{children:e.status})]},n))})]})]})}function Y(e){let[i,a]=n(!1),[o,s]=n(null);return l(r,{children:[l(`button`,{type:`button`,class:`link`,disabled:i,onClick:async()=>{a(!0),s(null);try{let t=h.value?.token,n=await fetch(e.path,{headers:t?{authorization:`Bearer ${t}`}:{}});if(!n.ok)throw new m(`HTTP ${n.status}`,n.status===404?`NOT_FOUND`:n.status===403?`FORBIDDEN`:`ERROR`);let r=URL.createObjectURL(await n.blob()),i=document.createElement(`a`);i.href=r,i.download=e.name,document.body.append(i),i.click(),i.remove(),setTimeout(()=>URL.revokeObjectURL(r),1e4)}catch(e){s(e instanceof m?e:new m(String(e),`NETWORK`))}finally{a(!1)}},children:t(`station.download`,{name:e.name})}),e.size!==null&&e.size!==void 0&&l(`span`,{class:`muted`,children:[` (`,t(`station.bytes`,{n:g(e.size)}),`)`]}),l(f,{error:o})]})}var X=u(`
  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {
      status
    }
  }
`),ee=u(`
  mutation StationInstalledCertificates($stationId: ID!, $certificateType: CertificateUse!) {
    getInstalledCertificateIds(stationId: $stationId, certificateType: $certificateType) {
      status
      certificateHashData {
        hashAlgorithm
        issuerNameHash
        issuerKeyHash
        serialNumber
      }
    }
  }
`),Z=u(`
  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {
      status
    }
  }
`),te=u(`
  mutation StationGetLog(
    $stationId: ID!
    $logType: LogType!
    $remoteLocation: String!
    $oldestTimestamp: DateTime
    $latestTimestamp: DateTime
    $retries: Int
    $retryInterval: Int
  ) {
    getLog(
      stationId: $stationId
      logType: $logType
      remoteLocation: $remoteLocation
      oldestTimestamp: $oldestTimestamp
      latestTimestamp: $latestTimestamp
      retries: $retries
      retryInterval: $retryInterval
    ) {
      status
      requestId
      filename
    }
  }
`),ne=u(`
  query StationSecurityRequests($stationId: ID!) {
    logRequests(stationId: $stationId, first: 10) {
      nodes {
        id
        requestId
        logType
        remoteLocation
        requestedAt
        requestedBy
        status
        error
        filename
        statusNotifications {
          id
          status
          receivedAt
        }
      }
    }
    signedFirmwareUpdates(stationId: $stationId, first: 10) {
      nodes {
        id
        requestId
        location
        requestedAt
        requestedBy
        status
        error
        statusNotifications {
          id
          status
          receivedAt
        }
      }
    }
    certificateSigningRequests(stationId: $stationId, first: 10) {
      nodes {
        id
        state
        commonName
        receivedAt
        reason
      }
    }
  }
`),re=u(`
  mutation StationSignedUpdateFirmware(
    $stationId: ID!
    $firmware: FirmwareInput!
    $retries: Int
    $retryInterval: Int
  ) {
    signedUpdateFirmware(stationId: $stationId, firmware: $firmware, retries: $retries, retryInterval: $retryInterval) {
      status
      requestId
    }
  }
`),ie=u(`
  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {
      status
    }
  }
`),ae=u(`
  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),oe=u(`
  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),se=u(`
  mutation StationApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),ce=u(`
  mutation StationReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),le=[`CENTRAL_SYSTEM_ROOT_CERTIFICATE`,`MANUFACTURER_ROOT_CERTIFICATE`];function ue({station:e,onChanged:i}){let a=e.id,s=v(ne,{stationId:a}),[u,d]=n(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[m,h]=n(``),[g,y]=n(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[x,S]=n({hashAlgorithm:`SHA256`,issuerNameHash:``,issuerKeyHash:``,serialNumber:``}),[T,O]=n(`DIAGNOSTICS_LOG`),[k,A]=n(``),[j,M]=n(``),[N,P]=n(``),[F,I]=n({location:``,retrieve:w(new Date),install:``,signature:``,signingCertificate:``}),[L,R]=n(``),[z,B]=n(``),[V,H]=n(String(e.securityProfile)),[U,W]=n(``),[G,K]=n(!0),q=s.data;return l(r,{children:[l(`h3`,{class:`group-h`,children:t(`station.registrationGroup`)}),l(`div`,{class:`command-grid`,children:l(fe,{stationId:a,status:e.registrationStatus,onChanged:i})}),l(`h3`,{class:`group-h`,children:t(`station.certificates`)}),l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.installCertificate`),doc:X,submit:t(`station.cmd.install`),variables:()=>({stationId:a,certificateType:u,certificate:m.trim()}),status:e=>e.installCertificate.status,children:[l(C,{label:t(`station.certificateType`),values:le,value:u,onChange:d}),l(c,{label:t(`station.certificatePem`),children:l(`textarea`,{required:!0,rows:5,class:`mono`,value:m,placeholder:`-----BEGIN CERTIFICATE-----`,onInput:e=>h(e.currentTarget.value)})})]}),l(D,{title:t(`station.cmd.installedCertificates`),doc:ee,submit:t(`station.cmd.ask`),variables:()=>({stationId:a,certificateType:g}),status:e=>e.getInstalledCertificateIds.status,details:e=>e.getInstalledCertificateIds.certificateHashData.length>0&&l(`ul`,{class:`cert-list`,children:e.getInstalledCertificateIds.certificateHashData.map(e=>l(`li`,{children:[l(de,{h:e}),l(Q,{stationId:a,h:e})]},e.serialNumber+e.issuerNameHash))}),children:l(C,{label:t(`station.certificateType`),values:le,value:g,onChange:y})}),l(D,{title:t(`station.cmd.deleteCertificate`),doc:Z,submit:t(`station.cmd.delete`),confirm:t(`station.confirm.deleteCertificate`),danger:!0,description:t(`station.deleteCertificateHint`),variables:()=>({stationId:a,certificateHashData:{...x}}),status:e=>e.deleteCertificate.status,children:[l(C,{label:t(`station.hashAlgorithm`),values:[`SHA256`,`SHA384`,`SHA512`],value:x.hashAlgorithm,onChange:e=>S({...x,hashAlgorithm:e})}),l(c,{label:t(`station.issuerNameHash`),children:l(`input`,{required:!0,maxLength:128,value:x.issuerNameHash,onInput:e=>S({...x,issuerNameHash:e.currentTarget.value})})}),l(c,{label:t(`station.issuerKeyHash`),children:l(`input`,{required:!0,maxLength:128,value:x.issuerKeyHash,onInput:e=>S({...x,issuerKeyHash:e.currentTarget.value})})}),l(c,{label:t(`station.serialNumber`),children:l(`input`,{required:!0,maxLength:40,value:x.serialNumber,onInput:e=>S({...x,serialNumber:e.currentTarget.value})})})]}),l(D,{title:t(`station.cmd.certificateSigned`),doc:ie,submit:t(`common.send`),description:t(`station.certificateSignedHint`),variables:()=>{let e=b(z);return Number.isNaN(e)?null:{stationId:a,certificateChain:L.trim(),requestId:e}},invalid:t(`station.invalidNumber`),status:e=>e.certificateSigned.status,onDone:()=>s.reload(),children:[l(c,{label:t(`station.csrIdOptional`),children:l(`select`,{value:z,onChange:e=>B(e.currentTarget.value),children:[l(`option`,{value:``,children:t(`station.newestPendingCsr`)}),q?.certificateSigningRequests.nodes.map(e=>l(`option`,{value:String(e.id),children:[`#`,e.id,` · `,e.commonName??`–`,` · `,e.state??`–`,` · `,_(e.receivedAt)]},e.id))]})}),l(c,{label:t(`station.certificateChain`),children:l(`textarea`,{required:!0,rows:5,class:`mono`,value:L,onInput:e=>R(e.currentTarget.value)})})]})]}),l(`h3`,{class:`group-h`,children:t(`station.logsAndFirmware`)}),l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.getLog`),doc:te,submit:t(`station.cmd.ask`),variables:()=>({stationId:a,logType:T,remoteLocation:k.trim(),oldestTimestamp:E(j),latestTimestamp:E(N)}),status:e=>e.getLog.status,details:e=>l(`p`,{children:[t(`station.logRequestId`,{id:e.getLog.requestId}),e.getLog.filename&&l(r,{children:[` · `,e.getLog.filename]})]}),onDone:()=>s.reload(),children:[l(C,{label:t(`station.logType`),values:[`DIAGNOSTICS_LOG`,`SECURITY_LOG`],value:T,onChange:O}),l(c,{label:t(`station.remoteLocation`),children:l(`input`,{type:`url`,required:!0,value:k,onInput:e=>A(e.currentTarget.value)})}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.oldestOptional`),children:l(`input`,{type:`datetime-local`,value:j,onInput:e=>M(e.currentTarget.value)})}),l(c,{label:t(`station.latestOptional`),children:l(`input`,{type:`datetime-local`,value:N,onInput:e=>P(e.currentTarget.value)})})]})]}),l(D,{title:t(`station.cmd.signedUpdateFirmware`),doc:re,submit:t(`common.send`),confirm:t(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(F.retrieve);return e?{stationId:a,firmware:{location:F.location.trim(),retrieveDateTime:e,installDateTime:E(F.install),signature:F.signature.trim(),signingCertificate:F.signingCertificate.trim()}}:null},invalid:t(`station.invalidDate`),status:e=>e.signedUpdateFirmware.status,details:e=>l(`p`,{children:t(`station.logRequestId`,{id:e.signedUpdateFirmware.requestId})}),onDone:()=>s.reload(),children:[l(c,{label:t(`station.firmwareLocation`),children:l(`input`,{type:`url`,required:!0,maxLength:512,value:F.location,onInput:e=>I({...F,location:e.currentTarget.value})})}),l(`div`,{class:`row`,children:[l(c,{label:t(`station.retrieveDate`),children:l(`input`,{type:`datetime-local`,required:!0,value:F.retrieve,onInput:e=>I({...F,retrieve:e.currentTarget.value})})}),l(c,{label:t(`station.installDateOptional`),children:l(`input`,{type:`datetime-local`,value:F.install,onInput:e=>I({...F,install:e.currentTarget.value})})})]}),l(c,{label:t(`station.signature`),children:l(`textarea`,{required:!0,rows:2,class:`mono`,maxLength:800,value:F.signature,onInput:e=>I({...F,signature:e.currentTarget.value})})}),l(c,{label:t(`station.signingCertificate`),children:l(`textarea`,{required:!0,rows:4,class:`mono`,maxLength:5500,value:F.signingCertificate,onInput:e=>I({...F,signingCertificate:e.currentTarget.value})})})]})]}),l(f,{error:s.error}),l(`section`,{class:`card`,"aria-labelledby":`log-req-h`,children:[l(`h3`,{id:`log-req-h`,children:t(`station.logRequests`)}),q&&q.logRequests.nodes.length===0&&l(`p`,{class:`muted`,children:t(`station.noneYet`)}),q&&q.logRequests.nodes.length>0&&l(`ul`,{class:`requests`,children:q.logRequests.nodes.map(e=>l(`li`,{children:[l(`strong`,{children:[`#`,e.requestId]}),` `,e.logType&&l(r,{children:[e.logType,` · `]}),_(e.requestedAt),` · `,e.requestedBy,` · `,l(p,{value:e.status??`–`}),e.error&&l(`span`,{class:`muted`,children:[` · `,e.error]}),e.filename&&l(`span`,{class:`muted`,children:[` · `,e.filename]}),e.statusNotifications.length>0&&l(`span`,{children:[` `,`→ `,e.statusNotifications.map(e=>`${e.status??`?`} (${_(e.receivedAt)})`).join(`, `)]})]},e.id))})]}),l(`section`,{class:`card`,"aria-labelledby":`sfw-req-h`,children:[l(`h3`,{id:`sfw-req-h`,children:t(`station.signedFirmwareUpdates`)}),q&&q.signedFirmwareUpdates.nodes.length===0&&l(`p`,{class:`muted`,children:t(`station.noneYet`)}),q&&q.signedFirmwareUpdates.nodes.length>0&&l(`ul`,{class:`requests`,children:q.signedFirmwareUpdates.nodes.map(e=>l(`li`,{children:[l(`strong`,{children:[`#`,e.requestId]}),` `,_(e.requestedAt),` · `,e.requestedBy,` ·`,` `,l(p,{value:e.status??`–`}),` `,l(`span`,{class:`wrap`,children:e.location}),e.error&&l(`span`,{class:`muted`,children:[` · `,e.error]}),e.statusNotifications.length>0&&l(`span`,{children:[` `,`→ `,e.statusNotifications.map(e=>`${e.status??`?`} (${_(e.receivedAt)})`).join(`, `)]})]},e.id))})]}),l(`h3`,{class:`group-h`,children:t(`station.securityProfileGroup`)}),l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.setSecurityProfile`),doc:ae,submit:t(`common.save`),confirm:t(`station.confirm.securityProfile`,{n:V}),danger:!0,disabled:!o.value,description:o.value?t(`station.securityProfileHint`):t(`station.adminsOnly`),variables:()=>({stationId:a,profile:Number(V)}),status:()=>null,details:e=>l(`p`,{class:`notice ok`,role:`status`,children:t(`station.securityProfileSet`,{n:e.setStationSecurityProfile.securityProfile})}),onDone:()=>i(),children:l(`label`,{class:`field`,children:[l(`span`,{children:t(`station.securityProfile`)}),l(`select`,{value:V,disabled:!o.value,onChange:e=>H(e.currentTarget.value),children:[0,1,2,3].map(e=>l(`option`,{value:String(e),children:e},e))})]})}),l(D,{title:t(`station.cmd.setAuthorizationKey`),doc:oe,submit:t(`common.save`),confirm:t(`station.confirm.authorizationKey`),danger:!0,description:t(`station.authorizationKeyHint`),variables:()=>({stationId:a,key:U.trim(),sendToStation:G}),status:e=>e.setStationAuthorizationKey.status,details:e=>e.setStationAuthorizationKey.status===null||e.setStationAuthorizationKey.status===void 0?l(`p`,{class:`notice ok`,role:`status`,children:t(`station.authorizationKeyStored`)}):null,onDone:()=>{W(``),i()},children:[l(c,{label:t(`station.authorizationKey`),hint:t(`station.authorizationKeyFormat`),children:l(`input`,{required:!0,class:`mono`,autoComplete:`off`,pattern:`[0-9a-fA-F]{32,40}`,value:U,onInput:e=>W(e.currentTarget.value)})}),l(`label`,{class:`check`,children:[l(`input`,{type:`checkbox`,checked:G,onChange:e=>K(e.currentTarget.checked)}),` `,t(`station.sendToStation`)]})]})]})]})}function de({h:e}){return l(`dl`,{class:`kv`,children:[l(`dt`,{children:t(`station.serialNumber`)}),l(`dd`,{children:l(`code`,{children:e.serialNumber})}),l(`dt`,{children:t(`station.hashAlgorithm`)}),l(`dd`,{children:e.hashAlgorithm}),l(`dt`,{children:t(`station.issuerNameHash`)}),l(`dd`,{children:l(`code`,{children:e.issuerNameHash})}),l(`dt`,{children:t(`station.issuerKeyHash`)}),l(`dd`,{children:l(`code`,{children:e.issuerKeyHash})})]})}function Q(e){let n=y(Z);return l(`div`,{children:[l(d,{label:t(`station.deleteCertificate`,{serial:e.h.serialNumber}),question:t(`station.confirm.deleteCertificate`),danger:!0,disabled:n.running,onConfirm:()=>void n.run({stationId:e.stationId,certificateHashData:{...e.h}})}),l(f,{error:n.error}),n.result&&l(a,{status:n.result.deleteCertificate.status,children:T(n.result.deleteCertificate.status)})]})}function fe(e){let n=y(se),r=y(ce),i=e=>l(`p`,{class:`notice ok`,role:`status`,children:t(`station.registrationNow`,{status:e??`–`})});return l(`section`,{class:`card command`,"aria-labelledby":`registration-h`,children:[l(`h3`,{id:`registration-h`,children:t(`station.registration`)}),l(`p`,{children:[t(`station.registrationIs`),` `,l(p,{value:e.status})]}),l(`p`,{class:`muted`,children:t(`station.registrationHint`)}),l(`div`,{class:`row`,children:[l(`button`,{type:`button`,class:`primary`,disabled:n.running||e.status===`ACCEPTED`,onClick:async()=>{r.reset(),await n.run({id:e.stationId})&&e.onChanged()},children:t(`station.cmd.approve`)}),l(d,{label:t(`station.cmd.reject`),question:t(`station.confirm.reject`),danger:!0,disabled:r.running||e.status===`REJECTED`,onConfirm:async()=>{n.reset(),await r.run({id:e.stationId})&&e.onChanged()}})]}),l(f,{error:n.error??r.error}),n.result&&i(n.result.approveStation.registrationStatus),r.result&&i(r.result.rejectStation.registrationStatus)]})}var pe=[`control`,`authorization`,`charging`,`firmware`,`security`];function me(e){switch(e){case`control`:return t(`station.group.control`);case`authorization`:return t(`station.group.authorization`);case`charging`:return t(`station.group.charging`);case`firmware`:return t(`station.group.firmware`);case`security`:return t(`station.group.security`)}}function he(n){let r=e(),i=pe.includes(r.query.group??``)?r.query.group:`control`;return s.value?l(`section`,{"aria-labelledby":`commands-h`,class:`commands`,children:[l(`h2`,{id:`commands-h`,children:t(`station.commands`)}),!n.station.connected&&l(`p`,{class:`notice warn`,children:t(`station.offlineNote`)}),l(`nav`,{"aria-label":t(`station.commandGroups`),children:l(`ul`,{class:`subtabs`,children:pe.map(e=>l(`li`,{children:l(`a`,{href:`${r.path}?group=${e}`,"aria-current":e===i?`page`:void 0,children:me(e)})},e))})}),i===`control`&&l(De,{...n}),i===`authorization`&&l(F,{...n}),i===`charging`&&l(U,{...n}),i===`firmware`&&l(J,{...n}),i===`security`&&l(ue,{...n})]}):l(`section`,{"aria-labelledby":`commands-h`,children:[l(`h2`,{id:`commands-h`,children:t(`station.commands`)}),l(`p`,{class:`notice warn`,children:t(`station.operatorsOnly`)})]})}function $(e){let n=e.connectors.map(e=>e.connectorId).filter(e=>e>0);return n.length===0&&n.push(1),l(`label`,{class:`field`,children:[l(`span`,{children:e.label}),l(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.any&&l(`option`,{value:``,children:t(`station.anyConnector`)}),e.zero&&l(`option`,{value:`0`,children:t(`station.wholeStation`)}),n.map(e=>l(`option`,{value:String(e),children:t(`station.connector`,{n:e})},e))]})]})}var ge=u(`
  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {
      status
    }
  }
`),_e=u(`
  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
      status
    }
  }
`),ve=u(`
  mutation StationReset($stationId: ID!, $type: ResetType!) {
    reset(stationId: $stationId, type: $type) {
      status
    }
  }
`),ye=u(`
  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
    unlockConnector(stationId: $stationId, connectorId: $connectorId) {
      status
    }
  }
`),be=u(`
  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {
      status
    }
  }
`),xe=u(`
  mutation StationClearCache($stationId: ID!) {
    clearCache(stationId: $stationId) {
      status
    }
  }
`),Se=u(`
  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),Ce=u(`
  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),we=u(`
  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {
      status
      data
    }
  }
`),Te=[`BOOT_NOTIFICATION`,`DIAGNOSTICS_STATUS_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`METER_VALUES`,`STATUS_NOTIFICATION`],Ee=[`BOOT_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`LOG_STATUS_NOTIFICATION`,`METER_VALUES`,`SIGN_CHARGE_POINT_CERTIFICATE`,`STATUS_NOTIFICATION`];function De({station:e,onChanged:i}){let a=e.id,o=e.connectors,s=o.flatMap(e=>e.currentTransaction?[e.currentTransaction]:[]),u=String(o.find(e=>e.connectorId>0)?.connectorId??1),[d,f]=n(``),[p,m]=n(``),[h,g]=n(``),[_,v]=n(`SOFT`),[y,S]=n(u),[w,T]=n(`0`),[E,O]=n(`INOPERATIVE`),[k,A]=n(`STATUS_NOTIFICATION`),[j,M]=n(``),[N,P]=n(`STATUS_NOTIFICATION`),[F,I]=n(``),[L,R]=n(``),[z,B]=n(``),[V,H]=n(``),U=h||(s[0]?String(s[0].id):``);return l(`div`,{class:`command-grid`,children:[l(D,{title:t(`station.cmd.remoteStart`),doc:ge,submit:t(`station.cmd.start`),variables:()=>({stationId:a,idTag:d.trim(),connectorId:b(p)}),status:e=>e.remoteStartTransaction.status,children:[l(c,{label:t(`station.idTag`),children:l(`input`,{required:!0,value:d,maxLength:20,onInput:e=>f(e.currentTarget.value)})}),l($,{label:t(`station.connectorLabel`),connectors:o,value:p,onChange:m,any:!0})]}),l(D,{title:t(`station.cmd.remoteStop`),doc:_e,submit:t(`station.cmd.stop`),confirm:t(`station.confirm.stop`),danger:!0,disabled:s.length===0,variables:()=>U?{stationId:a,transactionId:Number(U)}:null,status:e=>e.remoteStopTransaction.status,onDone:()=>i(),children:s.length===0?l(`p`,{class:`muted`,children:t(`station.noRunning`)}):l(`label`,{class:`field`,children:[l(`span`,{children:t(`station.transaction`)}),l(`select`,{value:U,onChange:e=>g(e.currentTarget.value),children:s.map(e=>l(`option`,{value:String(e.id),children:t(`station.runningTx`,{id:e.id,n:e.connectorId,tag:e.idTag})},e.id))})]})}),l(D,{title:t(`station.cmd.reset`),doc:ve,submit:t(`station.cmd.reset`),confirm:t(_===`HARD`?`station.confirm.hardReset`:`station.confirm.softReset`),danger:!0,variables:()=>({stationId:a,type:_}),status:e=>e.reset.status,children:l(`fieldset`,{children:[l(`legend`,{children:t(`station.resetType`)}),l(`label`,{class:`check`,children:[l(`input`,{type:`radio`,name:`reset`,checked:_===`SOFT`,onChange:()=>v(`SOFT`)}),` `,t(`station.resetSoft`)]}),l(`label`,{class:`check`,children:[l(`input`,{type:`radio`,name:`reset`,checked:_===`HARD`,onChange:()=>v(`HARD`)}),` `,t(`station.resetHard`)]})]})}),l(D,{title:t(`station.cmd.unlock`),doc:ye,submit:t(`station.cmd.unlock`),confirm:t(`station.confirm.unlock`,{n:y}),danger:!0,variables:()=>({stationId:a,connectorId:Number(y)}),status:e=>e.unlockConnector.status,children:l($,{label:t(`station.connectorLabel`),connectors:o,value:y,onChange:S})}),l(D,{title:t(`station.cmd.availability`),doc:be,submit:t(`station.cmd.changeAvailability`),confirm:E===`INOPERATIVE`?t(`station.confirm.inoperative`):void 0,danger:E===`INOPERATIVE`,variables:()=>({stationId:a,connectorId:Number(w),type:E}),status:e=>e.changeAvailability.status,onDone:()=>i(),children:[l($,{label:t(`station.connectorLabel`),connectors:o,value:w,onChange:T,zero:!0}),l(C,{label:t(`station.availabilityType`),values:[`OPERATIVE`,`INOPERATIVE`],value:E,onChange:O})]}),l(D,{title:t(`station.cmd.clearCache`),doc:xe,submit:t(`station.cmd.clearCache`),confirm:t(`station.confirm.clearCache`),danger:!0,description:t(`station.clearCacheHint`),variables:()=>({stationId:a}),status:e=>e.clearCache.status}),l(D,{title:t(`station.cmd.trigger`),doc:Se,submit:t(`station.cmd.triggerSend`),variables:()=>({stationId:a,requestedMessage:k,connectorId:b(j)}),status:e=>e.triggerMessage.status,children:[l(C,{label:t(`station.requestedMessage`),values:Te,value:k,onChange:A}),l($,{label:t(`station.connectorLabel`),connectors:o,value:j,onChange:M,any:!0})]}),l(D,{title:t(`station.cmd.extendedTrigger`),doc:Ce,submit:t(`station.cmd.triggerSend`),variables:()=>({stationId:a,requestedMessage:N,connectorId:b(F)}),status:e=>e.extendedTriggerMessage.status,children:[l(C,{label:t(`station.requestedMessage`),values:Ee,value:N,onChange:P}),l($,{label:t(`station.connectorLabel`),connectors:o,value:F,onChange:I,any:!0})]}),l(D,{title:t(`station.cmd.dataTransfer`),doc:we,submit:t(`common.send`),variables:()=>({stationId:a,vendorId:L.trim(),messageId:x(z),data:V||null}),status:e=>e.dataTransfer.status,details:e=>e.dataTransfer.data!==null&&e.dataTransfer.data!==void 0?l(r,{children:[l(`p`,{children:t(`station.dataAnswer`)}),l(`pre`,{class:`card`,children:e.dataTransfer.data})]}):null,children:[l(c,{label:t(`station.vendorId`),children:l(`input`,{required:!0,maxLength:255,value:L,onInput:e=>R(e.currentTarget.value)})}),l(c,{label:t(`station.messageIdOptional`),children:l(`input`,{maxLength:50,value:z,onInput:e=>B(e.currentTarget.value)})}),l(c,{label:t(`station.dataOptional`),children:l(`textarea`,{rows:3,value:V,onInput:e=>H(e.currentTarget.value)})})]})]})}export{he as Commands};