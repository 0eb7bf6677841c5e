import{C as e,E as t,L as n,M as r,a as i,d as a,g as o,h as s,i as c,k as l,l as u,n as d,r as f,t as p,v as m,w as h,y as g,z as _}from"./console-NpAu_WoJ.js";import{n as v,t as y}from"./hooks-X1fviBlp.js";import{a as b,c as x,i as S,n as C,o as w,r as T,s as E,t as D}from"./station-CNscKWGh.js";var O=g(`
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
`),k=g(`
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
`),A=g(`
  mutation StationGetLocalListVersion($stationId: ID!) {
    getLocalListVersion(stationId: $stationId) {
      listVersion
      storedVersion
    }
  }
`),j=g(`
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
`),M=g(`
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
`),N=g(`
  mutation StationCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`),P=e=>e.split(/[\s,;]+/).map(e=>e.trim()).filter(Boolean);function F({station:t}){let r=t.id,i=v(O,{stationId:r}),[a,o]=n(`DIFFERENTIAL`),[s,d]=n(``),[m,h]=n(``),[g,y]=n(``),[b,S]=n(!1),T=v(j,{stationId:r,includeEnded:b}),[N,F]=n(`0`),[L,R]=n(``),[z,B]=n(``),[V,H]=n(()=>w(new Date(Date.now()+36e5))),U=a===`FULL`,W=i.data?.localAuthList;return u(_,{children:[u(`h3`,{class:`group-h`,children:l(`station.localList`)}),u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.sendLocalList`),doc:k,submit:l(`common.send`),confirm:U?l(`station.confirm.fullList`):void 0,danger:U,variables:()=>{let e=g.trim()===``?null:Number(g);return e!==null&&!Number.isInteger(e)?null:{stationId:r,updateType:a,idTags:P(s),removeIdTags:U?[]:P(m),listVersion:e}},invalid:l(`station.invalidNumber`),status:e=>e.sendLocalList.status,details:e=>u(`p`,{children:l(`station.listVersionSent`,{v:e.sendLocalList.listVersion})}),onDone:()=>i.reload(),children:[u(C,{label:l(`station.updateType`),values:[`DIFFERENTIAL`,`FULL`],value:a,onChange:o}),u(c,{label:l(U?`station.listTagsFull`:`station.listTagsAdd`),hint:l(`station.tagsHint`),children:u(`textarea`,{rows:3,value:s,onInput:e=>d(e.currentTarget.value)})}),!U&&u(c,{label:l(`station.listTagsRemove`),hint:l(`station.tagsHint`),children:u(`textarea`,{rows:2,value:m,onInput:e=>h(e.currentTarget.value)})}),u(c,{label:l(`station.listVersionOptional`),children:u(`input`,{inputMode:`numeric`,value:g,onInput:e=>y(e.currentTarget.value)})})]}),u(D,{title:l(`station.cmd.getLocalListVersion`),doc:A,submit:l(`station.cmd.ask`),variables:()=>({stationId:r}),status:()=>null,details:e=>u(`p`,{class:`notice ok`,role:`status`,children:l(`station.listVersionAnswer`,{v:e.getLocalListVersion.listVersion,stored:e.getLocalListVersion.storedVersion??`–`})})})]}),u(`section`,{class:`card`,"aria-labelledby":`local-list-h`,children:[u(`h3`,{id:`local-list-h`,children:l(`station.localListHeld`)}),u(f,{error:i.error}),i.data&&!W&&u(`p`,{class:`muted`,children:l(`station.localListNone`)}),W&&u(_,{children:[u(`p`,{class:`muted`,children:l(`station.localListMeta`,{v:W.version,at:e(W.updatedAt)})}),W.entries.length===0?u(`p`,{class:`muted`,children:l(`station.localListEmpty`)}):u(`div`,{class:`table-wrap`,children:u(`table`,{children:[u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,children:l(`station.idTag`)}),u(`th`,{scope:`col`,children:l(`station.tagStatus`)}),u(`th`,{scope:`col`,children:l(`station.expiry`)}),u(`th`,{scope:`col`,children:l(`station.parentIdTag`)})]})}),u(`tbody`,{children:W.entries.map(t=>u(`tr`,{children:[u(`th`,{scope:`row`,children:u(`code`,{children:t.idTag})}),u(`td`,{children:u(p,{value:t.status})}),u(`td`,{children:e(t.expiryDate)}),u(`td`,{children:t.parentIdTag??`–`})]},t.idTag))})]})})]})]}),u(`h3`,{class:`group-h`,children:l(`station.reservations`)}),u(`div`,{class:`command-grid`,children:u(D,{title:l(`station.cmd.reserveNow`),doc:M,submit:l(`station.cmd.reserve`),variables:()=>{let e=E(V);return e?{stationId:r,connectorId:Number(N),idTag:L.trim(),parentIdTag:x(z),expiryDate:e}:null},invalid:l(`station.invalidDate`),status:e=>e.reserveNow.status,details:e=>u(`p`,{children:l(`station.reservationId`,{id:e.reserveNow.reservation.id})}),onDone:()=>T.reload(),children:[u($,{label:l(`station.connectorLabel`),connectors:t.connectors,value:N,onChange:F,zero:!0}),u(c,{label:l(`station.idTag`),children:u(`input`,{required:!0,maxLength:20,value:L,onInput:e=>R(e.currentTarget.value)})}),u(c,{label:l(`station.parentIdTagOptional`),children:u(`input`,{maxLength:20,value:z,onInput:e=>B(e.currentTarget.value)})}),u(c,{label:l(`station.expiry`),children:u(`input`,{type:`datetime-local`,required:!0,value:V,onInput:e=>H(e.currentTarget.value)})})]})}),u(`section`,{class:`card`,"aria-labelledby":`reservations-h`,children:[u(`h3`,{id:`reservations-h`,children:l(`station.reservationList`)}),u(`label`,{class:`check`,children:[u(`input`,{type:`checkbox`,checked:b,onChange:e=>S(e.currentTarget.checked)}),` `,l(`station.includeEnded`)]}),u(f,{error:T.error}),T.data&&T.data.reservations.length===0&&u(`p`,{class:`muted`,children:l(`station.noReservations`)}),T.data&&T.data.reservations.length>0&&u(`div`,{class:`table-wrap`,children:u(`table`,{children:[u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,children:`#`}),u(`th`,{scope:`col`,children:l(`station.connectorLabel`)}),u(`th`,{scope:`col`,children:l(`station.idTag`)}),u(`th`,{scope:`col`,children:l(`station.expiry`)}),u(`th`,{scope:`col`,children:l(`station.state`)}),u(`th`,{scope:`col`,children:u(`span`,{class:`sr-only`,children:l(`station.actions`)})})]})}),u(`tbody`,{children:T.data.reservations.map(t=>u(`tr`,{children:[u(`th`,{scope:`row`,children:t.id}),u(`td`,{children:t.connectorId===0?l(`station.anyConnector`):t.connectorId}),u(`td`,{children:u(`code`,{children:t.idTag})}),u(`td`,{children:e(t.expiryDate)}),u(`td`,{children:[u(p,{value:t.state}),` `,t.stationStatus&&u(`span`,{class:`muted`,children:t.stationStatus}),t.transactionId&&u(_,{children:[` `,u(`a`,{href:`/transactions/${t.transactionId}`,children:[`#`,t.transactionId]})]})]}),u(`td`,{children:u(I,{id:t.id,open:t.state===`ACTIVE`||t.state===`REQUESTED`,onDone:()=>T.reload()})})]},t.id))})]})})]})]})}function I(e){let t=y(N);return u(_,{children:[e.open&&u(d,{label:l(`station.cmd.cancelReservation`,{id:e.id}),question:l(`station.confirm.cancelReservation`,{id:e.id}),disabled:t.running,onConfirm:async()=>{await t.run({reservationId:e.id})&&e.onDone()}}),u(f,{error:t.error}),t.result&&u(i,{status:t.result.cancelReservation.status,children:T(t.result.cancelReservation.status)})]})}g(`
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
`);var L=g(`
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
`),R=g(`
  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {
      status
    }
  }
`),z=g(`
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
`),B=g(`
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
`),V=[`TX_DEFAULT_PROFILE`,`CHARGE_POINT_MAX_PROFILE`,`TX_PROFILE`],H=[`ABSOLUTE`,`RECURRING`,`RELATIVE`];function U({station:t,onChanged:r}){let i=t.id,a=t.connectors,[o,s]=n(!1),d=v(L,{stationId:i,includeEnded:o}),[m,h]=n(`0`),[g,y]=n(`1`),[x,w]=n(`TX_DEFAULT_PROFILE`),[T,O]=n(`0`),[k,A]=n(`ABSOLUTE`),[j,M]=n(`DAILY`),[N,P]=n(`A`),[F,I]=n(``),[U,G]=n(``),[K,q]=n(``),[J,Y]=n([{start:`0`,limit:`16`,phases:``}]),[ee,te]=n(``),[X,ne]=n(``),[re,ie]=n(``),[ae,oe]=n(``),[se,ce]=n(`0`),[le,ue]=n(`3600`),[Z,de]=n(``),Q=(e,t)=>Y(n=>n.map((n,r)=>r===e?{...n,...t}:n));return u(_,{children:[u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.setProfile`),doc:R,submit:l(`station.cmd.install`),variables:()=>{let e=J.map(e=>({startPeriod:Number(e.start),limit:Number(e.limit.replace(`,`,`.`)),numberPhases:b(e.phases)}));if([Number(g),Number(T),...e.map(e=>e.startPeriod)].some(e=>!Number.isInteger(e))||e.some(e=>Number.isNaN(e.limit)||Number.isNaN(e.numberPhases)))return null;let t=b(F);return Number.isNaN(t)?null:{stationId:i,connectorId:Number(m),profile:{chargingProfileId:Number(g),stackLevel:Number(T),chargingProfilePurpose:x,chargingProfileKind:k,recurrencyKind:k===`RECURRING`?j:null,transactionId:x===`TX_PROFILE`?t:null,validFrom:E(U),validTo:E(K),chargingSchedule:{chargingRateUnit:N,startSchedule:k===`RELATIVE`?null:new Date().toISOString(),chargingSchedulePeriod:e}}}},invalid:l(`station.invalidNumber`),status:e=>e.setChargingProfile.status,onDone:()=>{d.reload(),r()},children:[u($,{label:l(`station.connectorLabel`),connectors:a,value:m,onChange:h,zero:!0}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.profileId`),children:u(`input`,{required:!0,inputMode:`numeric`,size:6,value:g,onInput:e=>y(e.currentTarget.value)})}),u(c,{label:l(`station.stackLevel`),children:u(`input`,{required:!0,inputMode:`numeric`,size:4,value:T,onInput:e=>O(e.currentTarget.value)})})]}),u(C,{label:l(`station.purpose`),values:V,value:x,onChange:w}),x===`TX_PROFILE`&&u(c,{label:l(`station.transactionIdOptional`),children:u(`input`,{inputMode:`numeric`,value:F,onInput:e=>I(e.currentTarget.value)})}),u(C,{label:l(`station.kind`),values:H,value:k,onChange:A}),k===`RECURRING`&&u(C,{label:l(`station.recurrency`),values:[`DAILY`,`WEEKLY`],value:j,onChange:M}),u(C,{label:l(`station.rateUnit`),values:[`A`,`W`],value:N,onChange:P}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.validFromOptional`),children:u(`input`,{type:`datetime-local`,value:U,onInput:e=>G(e.currentTarget.value)})}),u(c,{label:l(`station.validToOptional`),children:u(`input`,{type:`datetime-local`,value:K,onInput:e=>q(e.currentTarget.value)})})]}),u(`fieldset`,{children:[u(`legend`,{children:l(`station.periods`)}),J.map((e,t)=>u(`div`,{class:`row`,children:[u(c,{label:l(`station.periodStart`,{n:t+1}),children:u(`input`,{required:!0,inputMode:`numeric`,size:7,value:e.start,onInput:e=>Q(t,{start:e.currentTarget.value})})}),u(c,{label:l(`station.periodLimit`,{n:t+1,unit:N}),children:u(`input`,{required:!0,inputMode:`decimal`,size:7,value:e.limit,onInput:e=>Q(t,{limit:e.currentTarget.value})})}),u(c,{label:l(`station.periodPhases`,{n:t+1}),children:u(`input`,{inputMode:`numeric`,size:3,value:e.phases,onInput:e=>Q(t,{phases:e.currentTarget.value})})}),J.length>1&&u(`button`,{type:`button`,class:`period-remove`,onClick:()=>Y(e=>e.filter((e,n)=>n!==t)),children:l(`station.removePeriod`,{n:t+1})})]},t)),J.length<5&&u(`button`,{type:`button`,onClick:()=>Y(e=>[...e,{start:String((Number(e[e.length-1]?.start)||0)+3600),limit:e[e.length-1]?.limit??`16`,phases:``}]),children:l(`station.addPeriod`)})]})]}),u(D,{title:l(`station.cmd.clearProfile`),doc:z,submit:l(`station.cmd.clear`),confirm:l(`station.confirm.clearProfile`),danger:!0,description:l(`station.clearProfileHint`),variables:()=>{let e=b(ee),t=b(ae);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:i,id:e,connectorId:b(X),chargingProfilePurpose:re||null,stackLevel:t}},invalid:l(`station.invalidNumber`),status:e=>e.clearChargingProfile.status,onDone:()=>d.reload(),children:[u(c,{label:l(`station.profileIdOptional`),children:u(`input`,{inputMode:`numeric`,value:ee,onInput:e=>te(e.currentTarget.value)})}),u($,{label:l(`station.connectorLabel`),connectors:a,value:X,onChange:ne,zero:!0,any:!0}),u(C,{label:l(`station.purpose`),values:V,value:re,onChange:ie,empty:l(`common.all`)}),u(c,{label:l(`station.stackLevelOptional`),children:u(`input`,{inputMode:`numeric`,value:ae,onInput:e=>oe(e.currentTarget.value)})})]}),u(D,{title:l(`station.cmd.composite`),doc:B,submit:l(`station.cmd.ask`),variables:()=>{let e=Number(le);return!Number.isInteger(e)||e<=0?null:{stationId:i,connectorId:Number(se),duration:e,chargingRateUnit:Z||null}},invalid:l(`station.invalidNumber`),status:e=>e.getCompositeSchedule.status,details:e=>e.getCompositeSchedule.chargingSchedule?u(W,{schedule:e.getCompositeSchedule.chargingSchedule,start:e.getCompositeSchedule.scheduleStart,caption:l(`station.compositeSchedule`)}):null,children:[u($,{label:l(`station.connectorLabel`),connectors:a,value:se,onChange:ce,zero:!0}),u(c,{label:l(`station.durationSeconds`),children:u(`input`,{required:!0,inputMode:`numeric`,value:le,onInput:e=>ue(e.currentTarget.value)})}),u(C,{label:l(`station.rateUnit`),values:[`A`,`W`],value:Z,onChange:de,empty:l(`station.stationChooses`)})]})]}),u(`section`,{class:`card`,"aria-labelledby":`profiles-h`,children:[u(`h3`,{id:`profiles-h`,children:l(`station.profilesHeld`)}),u(`label`,{class:`check`,children:[u(`input`,{type:`checkbox`,checked:o,onChange:e=>s(e.currentTarget.checked)}),` `,l(`station.includeEnded`)]}),u(f,{error:d.error}),d.data&&d.data.chargingProfiles.length===0&&u(`p`,{class:`muted`,children:l(`station.noProfiles`)}),d.data?.chargingProfiles.map(t=>u(`details`,{class:`profile`,children:[u(`summary`,{children:[`#`,t.profile.chargingProfileId,` · `,S(t.profile.chargingProfilePurpose),` ·`,` `,l(`station.stackLevel`),` `,t.profile.stackLevel,` ·`,` `,t.connectorId===0?l(`station.wholeStation`):l(`station.connector`,{n:t.connectorId}),` `,u(p,{value:t.state})]}),u(`dl`,{class:`kv`,children:[u(`dt`,{children:l(`station.kind`)}),u(`dd`,{children:[S(t.profile.chargingProfileKind),t.profile.recurrencyKind&&` (${S(t.profile.recurrencyKind)})`]}),t.profile.transactionId&&u(_,{children:[u(`dt`,{children:l(`station.transaction`)}),u(`dd`,{children:[`#`,t.profile.transactionId]})]}),u(`dt`,{children:l(`station.validity`)}),u(`dd`,{children:[e(t.profile.validFrom),` – `,e(t.profile.validTo)]}),u(`dt`,{children:l(`station.installedAt`)}),u(`dd`,{children:e(t.installedAt)}),t.endedAt&&u(_,{children:[u(`dt`,{children:l(`station.endedAt`)}),u(`dd`,{children:e(t.endedAt)})]})]}),u(W,{schedule:t.profile.chargingSchedule,caption:l(`station.schedule`)})]},t.id))]})]})}function W(n){let r=n.schedule;return u(`div`,{class:`table-wrap`,children:u(`table`,{children:[u(`caption`,{children:[n.caption,`: `,r.chargingRateUnit,(n.start??r.startSchedule)&&` · ${l(`station.from`)} ${e(n.start??r.startSchedule)}`,r.duration!==null&&r.duration!==void 0&&` · ${h(r.duration)}`,r.minChargingRate!==null&&r.minChargingRate!==void 0&&` · min ${t(r.minChargingRate,1)}`]}),u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,children:l(`station.periodStartCol`)}),u(`th`,{scope:`col`,class:`num`,children:[l(`station.limit`),` (`,r.chargingRateUnit,`)`]}),u(`th`,{scope:`col`,class:`num`,children:l(`station.phases`)})]})}),u(`tbody`,{children:r.chargingSchedulePeriod.map(e=>u(`tr`,{children:[u(`th`,{scope:`row`,children:h(e.startPeriod)}),u(`td`,{class:`num`,children:t(e.limit,1)}),u(`td`,{class:`num`,children:e.numberPhases??`–`})]},e.startPeriod))})]})})}var G=g(`
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
`),K=g(`
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
`),q=g(`
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
`);function J({station:t,onChanged:r}){let i=t.id,a=v(G,{stationId:i}),[o,s]=n(``),[d,p]=n(()=>w(new Date)),[m,h]=n(``),[g,y]=n(``),[S,C]=n(``),[T,O]=n(``),[k,A]=n(``),[j,M]=n(``),[N,P]=n(``),F=a.data;return u(_,{children:[u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.updateFirmware`),doc:K,submit:l(`common.send`),confirm:l(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(d),t=b(m),n=b(g);return!e||Number.isNaN(t)||Number.isNaN(n)?null:{stationId:i,location:o.trim(),retrieveDate:e,retries:t,retryInterval:n}},invalid:l(`station.invalidNumber`),status:()=>null,details:e=>u(`p`,{class:`notice ok`,role:`status`,children:l(`station.firmwareRequested`,{id:e.updateFirmware.id})}),onDone:()=>{a.reload(),r()},children:[u(c,{label:l(`station.firmwareLocation`),children:u(`input`,{type:`url`,required:!0,value:o,onInput:e=>s(e.currentTarget.value)})}),u(c,{label:l(`station.retrieveDate`),children:u(`input`,{type:`datetime-local`,required:!0,value:d,onInput:e=>p(e.currentTarget.value)})}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.retriesOptional`),children:u(`input`,{inputMode:`numeric`,size:4,value:m,onInput:e=>h(e.currentTarget.value)})}),u(c,{label:l(`station.retryIntervalOptional`),children:u(`input`,{inputMode:`numeric`,size:6,value:g,onInput:e=>y(e.currentTarget.value)})})]})]}),u(D,{title:l(`station.cmd.getDiagnostics`),doc:q,submit:l(`station.cmd.ask`),variables:()=>{let e=b(j),t=b(N);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:i,location:x(S),startTime:E(T),stopTime:E(k),retries:e,retryInterval:t}},invalid:l(`station.invalidNumber`),status:()=>null,details:e=>u(`p`,{class:`notice ok`,role:`status`,children:e.getDiagnostics.fileName?l(`station.diagnosticsFile`,{name:e.getDiagnostics.fileName}):l(`station.diagnosticsNoFile`)}),onDone:()=>a.reload(),children:[u(c,{label:l(`station.diagnosticsLocation`),hint:l(`station.diagnosticsLocationHint`),children:u(`input`,{type:`url`,value:S,onInput:e=>C(e.currentTarget.value)})}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.startTimeOptional`),children:u(`input`,{type:`datetime-local`,value:T,onInput:e=>O(e.currentTarget.value)})}),u(c,{label:l(`station.stopTimeOptional`),children:u(`input`,{type:`datetime-local`,value:k,onInput:e=>A(e.currentTarget.value)})})]}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.retriesOptional`),children:u(`input`,{inputMode:`numeric`,size:4,value:j,onInput:e=>M(e.currentTarget.value)})}),u(c,{label:l(`station.retryIntervalOptional`),children:u(`input`,{inputMode:`numeric`,size:6,value:N,onInput:e=>P(e.currentTarget.value)})})]})]})]}),u(f,{error:a.error}),u(`section`,{class:`card`,"aria-labelledby":`fw-list-h`,children:[u(`h3`,{id:`fw-list-h`,children:l(`station.firmwareUpdates`)}),u(`p`,{children:[l(`station.firmwareStatus`),`: `,u(`strong`,{children:t.firmwareStatus??`–`}),` `,u(`span`,{class:`muted`,children:e(t.firmwareStatusAt)})]}),F&&F.firmwareUpdates.length===0&&u(`p`,{class:`muted`,children:l(`station.noneYet`)}),F&&F.firmwareUpdates.length>0&&u(`div`,{class:`table-wrap`,children:u(`table`,{children:[u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,children:l(`station.requestedAt`)}),u(`th`,{scope:`col`,children:l(`station.location`)}),u(`th`,{scope:`col`,children:l(`station.retrieveDate`)}),u(`th`,{scope:`col`,children:l(`station.requestedBy`)})]})}),u(`tbody`,{children:F.firmwareUpdates.map(t=>u(`tr`,{children:[u(`th`,{scope:`row`,children:e(t.requestedAt)}),u(`td`,{class:`wrap`,children:t.location}),u(`td`,{children:e(t.retrieveDate)}),u(`td`,{children:t.requestedBy??`–`})]},t.id))})]})})]}),u(`section`,{class:`card`,"aria-labelledby":`diag-list-h`,children:[u(`h3`,{id:`diag-list-h`,children:l(`station.diagnosticsRequests`)}),u(`p`,{children:[l(`station.diagnosticsStatus`),`: `,u(`strong`,{children:t.diagnosticsStatus??`–`}),` `,u(`span`,{class:`muted`,children:e(t.diagnosticsStatusAt)})]}),F&&F.diagnosticsRequests.length===0&&u(`p`,{class:`muted`,children:l(`station.noneYet`)}),F&&F.diagnosticsRequests.length>0&&u(`div`,{class:`table-wrap`,children:u(`table`,{children:[u(`thead`,{children:u(`tr`,{children:[u(`th`,{scope:`col`,children:l(`station.requestedAt`)}),u(`th`,{scope:`col`,children:l(`station.location`)}),u(`th`,{scope:`col`,children:l(`station.file`)}),u(`th`,{scope:`col`,children:l(`station.uploadedAt`)})]})}),u(`tbody`,{children:F.diagnosticsRequests.map(t=>u(`tr`,{children:[u(`th`,{scope:`row`,children:e(t.requestedAt)}),u(`td`,{class:`wrap`,children:t.location}),u(`td`,{children:t.downloadPath?u(Y,{path:t.downloadPath,name:t.uploadedName??t.fileName??`diagnostics-${t.id}`,size:t.size}):t.fileName??`–`}),u(`td`,{children:t.uploadedAt?e(t.uploadedAt):t.uploadExpiresAt?l(`station.uploadUntil`,{at:e(t.uploadExpiresAt)}):`–`})]},t.id))})]})})]}),u(`section`,{class:`card`,"aria-labelledby":`notif-h`,children:[u(`h3`,{id:`notif-h`,children:l(`station.statusNotifications`)}),F&&F.statusNotifications.length===0&&u(`p`,{class:`muted`,children:l(`station.noneYet`)}),F&&F.statusNotifications.length>0&&u(`ul`,{children:F.statusNotifications.map((t,n)=>u(`li`,{children:[e(t.at),` · `,t.kind===`FIRMWARE`?l(`station.firmware`):l(`station.diagnostics`),`:`,` `,u(`strong`,{children:t.status})]},n))})]})]})}function Y(e){let[r,i]=n(!1),[o,s]=n(null);return u(_,{children:[u(`button`,{type:`button`,class:`link`,disabled:r,onClick:async()=>{i(!0),s(null);try{let t=m.value?.token,n=await fetch(e.path,{headers:t?{authorization:`Bearer ${t}`}:{}});if(!n.ok)throw new a(`HTTP ${n.status}`,n.status===404?`NOT_FOUND`:n.status===403?`FORBIDDEN`:`ERROR`);let r=URL.createObjectURL(await n.blob()),i=document.createElement(`a`);i.href=r,i.download=e.name,document.body.append(i),i.click(),i.remove(),setTimeout(()=>URL.revokeObjectURL(r),1e4)}catch(e){s(e instanceof a?e:new a(String(e),`NETWORK`))}finally{i(!1)}},children:l(`station.download`,{name:e.name})}),e.size!==null&&e.size!==void 0&&u(`span`,{class:`muted`,children:[` (`,l(`station.bytes`,{n:t(e.size)}),`)`]}),u(f,{error:o})]})}var ee=g(`
  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {
      status
    }
  }
`),te=g(`
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
`),X=g(`
  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {
      status
    }
  }
`),ne=g(`
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
`),re=g(`
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
`),ie=g(`
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
`),ae=g(`
  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {
      status
    }
  }
`),oe=g(`
  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),se=g(`
  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),ce=g(`
  mutation StationApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),le=g(`
  mutation StationReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),ue=[`CENTRAL_SYSTEM_ROOT_CERTIFICATE`,`MANUFACTURER_ROOT_CERTIFICATE`];function Z({station:t,onChanged:r}){let i=t.id,a=v(re,{stationId:i}),[s,d]=n(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[m,h]=n(``),[g,y]=n(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[x,S]=n({hashAlgorithm:`SHA256`,issuerNameHash:``,issuerKeyHash:``,serialNumber:``}),[T,O]=n(`DIAGNOSTICS_LOG`),[k,A]=n(``),[j,M]=n(``),[N,P]=n(``),[F,I]=n({location:``,retrieve:w(new Date),install:``,signature:``,signingCertificate:``}),[L,R]=n(``),[z,B]=n(``),[V,H]=n(String(t.securityProfile)),[U,W]=n(``),[G,K]=n(!0),q=a.data;return u(_,{children:[u(`h3`,{class:`group-h`,children:l(`station.registrationGroup`)}),u(`div`,{class:`command-grid`,children:u(fe,{stationId:i,status:t.registrationStatus,onChanged:r})}),u(`h3`,{class:`group-h`,children:l(`station.certificates`)}),u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.installCertificate`),doc:ee,submit:l(`station.cmd.install`),variables:()=>({stationId:i,certificateType:s,certificate:m.trim()}),status:e=>e.installCertificate.status,children:[u(C,{label:l(`station.certificateType`),values:ue,value:s,onChange:d}),u(c,{label:l(`station.certificatePem`),children:u(`textarea`,{required:!0,rows:5,class:`mono`,value:m,placeholder:`-----BEGIN CERTIFICATE-----`,onInput:e=>h(e.currentTarget.value)})})]}),u(D,{title:l(`station.cmd.installedCertificates`),doc:te,submit:l(`station.cmd.ask`),variables:()=>({stationId:i,certificateType:g}),status:e=>e.getInstalledCertificateIds.status,details:e=>e.getInstalledCertificateIds.certificateHashData.length>0&&u(`ul`,{class:`cert-list`,children:e.getInstalledCertificateIds.certificateHashData.map(e=>u(`li`,{children:[u(de,{h:e}),u(Q,{stationId:i,h:e})]},e.serialNumber+e.issuerNameHash))}),children:u(C,{label:l(`station.certificateType`),values:ue,value:g,onChange:y})}),u(D,{title:l(`station.cmd.deleteCertificate`),doc:X,submit:l(`station.cmd.delete`),confirm:l(`station.confirm.deleteCertificate`),danger:!0,description:l(`station.deleteCertificateHint`),variables:()=>({stationId:i,certificateHashData:{...x}}),status:e=>e.deleteCertificate.status,children:[u(C,{label:l(`station.hashAlgorithm`),values:[`SHA256`,`SHA384`,`SHA512`],value:x.hashAlgorithm,onChange:e=>S({...x,hashAlgorithm:e})}),u(c,{label:l(`station.issuerNameHash`),children:u(`input`,{required:!0,maxLength:128,value:x.issuerNameHash,onInput:e=>S({...x,issuerNameHash:e.currentTarget.value})})}),u(c,{label:l(`station.issuerKeyHash`),children:u(`input`,{required:!0,maxLength:128,value:x.issuerKeyHash,onInput:e=>S({...x,issuerKeyHash:e.currentTarget.value})})}),u(c,{label:l(`station.serialNumber`),children:u(`input`,{required:!0,maxLength:40,value:x.serialNumber,onInput:e=>S({...x,serialNumber:e.currentTarget.value})})})]}),u(D,{title:l(`station.cmd.certificateSigned`),doc:ae,submit:l(`common.send`),description:l(`station.certificateSignedHint`),variables:()=>{let e=b(z);return Number.isNaN(e)?null:{stationId:i,certificateChain:L.trim(),requestId:e}},invalid:l(`station.invalidNumber`),status:e=>e.certificateSigned.status,onDone:()=>a.reload(),children:[u(c,{label:l(`station.csrIdOptional`),children:u(`select`,{value:z,onChange:e=>B(e.currentTarget.value),children:[u(`option`,{value:``,children:l(`station.newestPendingCsr`)}),q?.certificateSigningRequests.nodes.map(t=>u(`option`,{value:String(t.id),children:[`#`,t.id,` · `,t.commonName??`–`,` · `,t.state??`–`,` · `,e(t.receivedAt)]},t.id))]})}),u(c,{label:l(`station.certificateChain`),children:u(`textarea`,{required:!0,rows:5,class:`mono`,value:L,onInput:e=>R(e.currentTarget.value)})})]})]}),u(`h3`,{class:`group-h`,children:l(`station.logsAndFirmware`)}),u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.getLog`),doc:ne,submit:l(`station.cmd.ask`),variables:()=>({stationId:i,logType:T,remoteLocation:k.trim(),oldestTimestamp:E(j),latestTimestamp:E(N)}),status:e=>e.getLog.status,details:e=>u(`p`,{children:[l(`station.logRequestId`,{id:e.getLog.requestId}),e.getLog.filename&&u(_,{children:[` · `,e.getLog.filename]})]}),onDone:()=>a.reload(),children:[u(C,{label:l(`station.logType`),values:[`DIAGNOSTICS_LOG`,`SECURITY_LOG`],value:T,onChange:O}),u(c,{label:l(`station.remoteLocation`),children:u(`input`,{type:`url`,required:!0,value:k,onInput:e=>A(e.currentTarget.value)})}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.oldestOptional`),children:u(`input`,{type:`datetime-local`,value:j,onInput:e=>M(e.currentTarget.value)})}),u(c,{label:l(`station.latestOptional`),children:u(`input`,{type:`datetime-local`,value:N,onInput:e=>P(e.currentTarget.value)})})]})]}),u(D,{title:l(`station.cmd.signedUpdateFirmware`),doc:ie,submit:l(`common.send`),confirm:l(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(F.retrieve);return e?{stationId:i,firmware:{location:F.location.trim(),retrieveDateTime:e,installDateTime:E(F.install),signature:F.signature.trim(),signingCertificate:F.signingCertificate.trim()}}:null},invalid:l(`station.invalidDate`),status:e=>e.signedUpdateFirmware.status,details:e=>u(`p`,{children:l(`station.logRequestId`,{id:e.signedUpdateFirmware.requestId})}),onDone:()=>a.reload(),children:[u(c,{label:l(`station.firmwareLocation`),children:u(`input`,{type:`url`,required:!0,maxLength:512,value:F.location,onInput:e=>I({...F,location:e.currentTarget.value})})}),u(`div`,{class:`row`,children:[u(c,{label:l(`station.retrieveDate`),children:u(`input`,{type:`datetime-local`,required:!0,value:F.retrieve,onInput:e=>I({...F,retrieve:e.currentTarget.value})})}),u(c,{label:l(`station.installDateOptional`),children:u(`input`,{type:`datetime-local`,value:F.install,onInput:e=>I({...F,install:e.currentTarget.value})})})]}),u(c,{label:l(`station.signature`),children:u(`textarea`,{required:!0,rows:2,class:`mono`,maxLength:800,value:F.signature,onInput:e=>I({...F,signature:e.currentTarget.value})})}),u(c,{label:l(`station.signingCertificate`),children:u(`textarea`,{required:!0,rows:4,class:`mono`,maxLength:5500,value:F.signingCertificate,onInput:e=>I({...F,signingCertificate:e.currentTarget.value})})})]})]}),u(f,{error:a.error}),u(`section`,{class:`card`,"aria-labelledby":`log-req-h`,children:[u(`h3`,{id:`log-req-h`,children:l(`station.logRequests`)}),q&&q.logRequests.nodes.length===0&&u(`p`,{class:`muted`,children:l(`station.noneYet`)}),q&&q.logRequests.nodes.length>0&&u(`ul`,{class:`requests`,children:q.logRequests.nodes.map(t=>u(`li`,{children:[u(`strong`,{children:[`#`,t.requestId]}),` `,t.logType&&u(_,{children:[t.logType,` · `]}),e(t.requestedAt),` · `,t.requestedBy,` · `,u(p,{value:t.status??`–`}),t.error&&u(`span`,{class:`muted`,children:[` · `,t.error]}),t.filename&&u(`span`,{class:`muted`,children:[` · `,t.filename]}),t.statusNotifications.length>0&&u(`span`,{children:[` `,`→ `,t.statusNotifications.map(t=>`${t.status??`?`} (${e(t.receivedAt)})`).join(`, `)]})]},t.id))})]}),u(`section`,{class:`card`,"aria-labelledby":`sfw-req-h`,children:[u(`h3`,{id:`sfw-req-h`,children:l(`station.signedFirmwareUpdates`)}),q&&q.signedFirmwareUpdates.nodes.length===0&&u(`p`,{class:`muted`,children:l(`station.noneYet`)}),q&&q.signedFirmwareUpdates.nodes.length>0&&u(`ul`,{class:`requests`,children:q.signedFirmwareUpdates.nodes.map(t=>u(`li`,{children:[u(`strong`,{children:[`#`,t.requestId]}),` `,e(t.requestedAt),` · `,t.requestedBy,` ·`,` `,u(p,{value:t.status??`–`}),` `,u(`span`,{class:`wrap`,children:t.location}),t.error&&u(`span`,{class:`muted`,children:[` · `,t.error]}),t.statusNotifications.length>0&&u(`span`,{children:[` `,`→ `,t.statusNotifications.map(t=>`${t.status??`?`} (${e(t.receivedAt)})`).join(`, `)]})]},t.id))})]}),u(`h3`,{class:`group-h`,children:l(`station.securityProfileGroup`)}),u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.setSecurityProfile`),doc:oe,submit:l(`common.save`),confirm:l(`station.confirm.securityProfile`,{n:V}),danger:!0,disabled:!o.value,description:o.value?l(`station.securityProfileHint`):l(`station.adminsOnly`),variables:()=>({stationId:i,profile:Number(V)}),status:()=>null,details:e=>u(`p`,{class:`notice ok`,role:`status`,children:l(`station.securityProfileSet`,{n:e.setStationSecurityProfile.securityProfile})}),onDone:()=>r(),children:u(`label`,{class:`field`,children:[u(`span`,{children:l(`station.securityProfile`)}),u(`select`,{value:V,disabled:!o.value,onChange:e=>H(e.currentTarget.value),children:[0,1,2,3].map(e=>u(`option`,{value:String(e),children:e},e))})]})}),u(D,{title:l(`station.cmd.setAuthorizationKey`),doc:se,submit:l(`common.save`),confirm:l(`station.confirm.authorizationKey`),danger:!0,description:l(`station.authorizationKeyHint`),variables:()=>({stationId:i,key:U.trim(),sendToStation:G}),status:e=>e.setStationAuthorizationKey.status,details:e=>e.setStationAuthorizationKey.status===null||e.setStationAuthorizationKey.status===void 0?u(`p`,{class:`notice ok`,role:`status`,children:l(`station.authorizationKeyStored`)}):null,onDone:()=>{W(``),r()},children:[u(c,{label:l(`station.authorizationKey`),hint:l(`station.authorizationKeyFormat`),children:u(`input`,{required:!0,class:`mono`,autoComplete:`off`,pattern:`[0-9a-fA-F]{32,40}`,value:U,onInput:e=>W(e.currentTarget.value)})}),u(`label`,{class:`check`,children:[u(`input`,{type:`checkbox`,checked:G,onChange:e=>K(e.currentTarget.checked)}),` `,l(`station.sendToStation`)]})]})]})]})}function de({h:e}){return u(`dl`,{class:`kv`,children:[u(`dt`,{children:l(`station.serialNumber`)}),u(`dd`,{children:u(`code`,{children:e.serialNumber})}),u(`dt`,{children:l(`station.hashAlgorithm`)}),u(`dd`,{children:e.hashAlgorithm}),u(`dt`,{children:l(`station.issuerNameHash`)}),u(`dd`,{children:u(`code`,{children:e.issuerNameHash})}),u(`dt`,{children:l(`station.issuerKeyHash`)}),u(`dd`,{children:u(`code`,{children:e.issuerKeyHash})})]})}function Q(e){let t=y(X);return u(`div`,{children:[u(d,{label:l(`station.deleteCertificate`,{serial:e.h.serialNumber}),question:l(`station.confirm.deleteCertificate`),danger:!0,disabled:t.running,onConfirm:()=>void t.run({stationId:e.stationId,certificateHashData:{...e.h}})}),u(f,{error:t.error}),t.result&&u(i,{status:t.result.deleteCertificate.status,children:T(t.result.deleteCertificate.status)})]})}function fe(e){let t=y(ce),n=y(le),r=e=>u(`p`,{class:`notice ok`,role:`status`,children:l(`station.registrationNow`,{status:e??`–`})});return u(`section`,{class:`card command`,"aria-labelledby":`registration-h`,children:[u(`h3`,{id:`registration-h`,children:l(`station.registration`)}),u(`p`,{children:[l(`station.registrationIs`),` `,u(p,{value:e.status})]}),u(`p`,{class:`muted`,children:l(`station.registrationHint`)}),u(`div`,{class:`row`,children:[u(`button`,{type:`button`,class:`primary`,disabled:t.running||e.status===`ACCEPTED`,onClick:async()=>{n.reset(),await t.run({id:e.stationId})&&e.onChanged()},children:l(`station.cmd.approve`)}),u(d,{label:l(`station.cmd.reject`),question:l(`station.confirm.reject`),danger:!0,disabled:n.running||e.status===`REJECTED`,onConfirm:async()=>{t.reset(),await n.run({id:e.stationId})&&e.onChanged()}})]}),u(f,{error:t.error??n.error}),t.result&&r(t.result.approveStation.registrationStatus),n.result&&r(n.result.rejectStation.registrationStatus)]})}var pe=[`control`,`authorization`,`charging`,`firmware`,`security`];function me(e){switch(e){case`control`:return l(`station.group.control`);case`authorization`:return l(`station.group.authorization`);case`charging`:return l(`station.group.charging`);case`firmware`:return l(`station.group.firmware`);case`security`:return l(`station.group.security`)}}function he(e){let t=r(),n=pe.includes(t.query.group??``)?t.query.group:`control`;return s.value?u(`section`,{"aria-labelledby":`commands-h`,class:`commands`,children:[u(`h2`,{id:`commands-h`,children:l(`station.commands`)}),!e.station.connected&&u(`p`,{class:`notice warn`,children:l(`station.offlineNote`)}),u(`nav`,{"aria-label":l(`station.commandGroups`),children:u(`ul`,{class:`subtabs`,children:pe.map(e=>u(`li`,{children:u(`a`,{href:`${t.path}?group=${e}`,"aria-current":e===n?`page`:void 0,children:me(e)})},e))})}),n===`control`&&u(De,{...e}),n===`authorization`&&u(F,{...e}),n===`charging`&&u(U,{...e}),n===`firmware`&&u(J,{...e}),n===`security`&&u(Z,{...e})]}):u(`section`,{"aria-labelledby":`commands-h`,children:[u(`h2`,{id:`commands-h`,children:l(`station.commands`)}),u(`p`,{class:`notice warn`,children:l(`station.operatorsOnly`)})]})}function $(e){let t=e.connectors.map(e=>e.connectorId).filter(e=>e>0);return t.length===0&&t.push(1),u(`label`,{class:`field`,children:[u(`span`,{children:e.label}),u(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.any&&u(`option`,{value:``,children:l(`station.anyConnector`)}),e.zero&&u(`option`,{value:`0`,children:l(`station.wholeStation`)}),t.map(e=>u(`option`,{value:String(e),children:l(`station.connector`,{n:e})},e))]})]})}var ge=g(`
  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {
      status
    }
  }
`),_e=g(`
  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
      status
    }
  }
`),ve=g(`
  mutation StationReset($stationId: ID!, $type: ResetType!) {
    reset(stationId: $stationId, type: $type) {
      status
    }
  }
`),ye=g(`
  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
    unlockConnector(stationId: $stationId, connectorId: $connectorId) {
      status
    }
  }
`),be=g(`
  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {
      status
    }
  }
`),xe=g(`
  mutation StationClearCache($stationId: ID!) {
    clearCache(stationId: $stationId) {
      status
    }
  }
`),Se=g(`
  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),Ce=g(`
  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),we=g(`
  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {
      status
      data
    }
  }
`),Te=[`BOOT_NOTIFICATION`,`DIAGNOSTICS_STATUS_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`METER_VALUES`,`STATUS_NOTIFICATION`],Ee=[`BOOT_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`LOG_STATUS_NOTIFICATION`,`METER_VALUES`,`SIGN_CHARGE_POINT_CERTIFICATE`,`STATUS_NOTIFICATION`];function De({station:e,onChanged:t}){let r=e.id,i=e.connectors,a=i.flatMap(e=>e.currentTransaction?[e.currentTransaction]:[]),o=String(i.find(e=>e.connectorId>0)?.connectorId??1),[s,d]=n(``),[f,p]=n(``),[m,h]=n(``),[g,v]=n(`SOFT`),[y,S]=n(o),[w,T]=n(`0`),[E,O]=n(`INOPERATIVE`),[k,A]=n(`STATUS_NOTIFICATION`),[j,M]=n(``),[N,P]=n(`STATUS_NOTIFICATION`),[F,I]=n(``),[L,R]=n(``),[z,B]=n(``),[V,H]=n(``),U=m||(a[0]?String(a[0].id):``);return u(`div`,{class:`command-grid`,children:[u(D,{title:l(`station.cmd.remoteStart`),doc:ge,submit:l(`station.cmd.start`),variables:()=>({stationId:r,idTag:s.trim(),connectorId:b(f)}),status:e=>e.remoteStartTransaction.status,children:[u(c,{label:l(`station.idTag`),children:u(`input`,{required:!0,value:s,maxLength:20,onInput:e=>d(e.currentTarget.value)})}),u($,{label:l(`station.connectorLabel`),connectors:i,value:f,onChange:p,any:!0})]}),u(D,{title:l(`station.cmd.remoteStop`),doc:_e,submit:l(`station.cmd.stop`),confirm:l(`station.confirm.stop`),danger:!0,disabled:a.length===0,variables:()=>U?{stationId:r,transactionId:Number(U)}:null,status:e=>e.remoteStopTransaction.status,onDone:()=>t(),children:a.length===0?u(`p`,{class:`muted`,children:l(`station.noRunning`)}):u(`label`,{class:`field`,children:[u(`span`,{children:l(`station.transaction`)}),u(`select`,{value:U,onChange:e=>h(e.currentTarget.value),children:a.map(e=>u(`option`,{value:String(e.id),children:l(`station.runningTx`,{id:e.id,n:e.connectorId,tag:e.idTag})},e.id))})]})}),u(D,{title:l(`station.cmd.reset`),doc:ve,submit:l(`station.cmd.reset`),confirm:l(g===`HARD`?`station.confirm.hardReset`:`station.confirm.softReset`),danger:!0,variables:()=>({stationId:r,type:g}),status:e=>e.reset.status,children:u(`fieldset`,{children:[u(`legend`,{children:l(`station.resetType`)}),u(`label`,{class:`check`,children:[u(`input`,{type:`radio`,name:`reset`,checked:g===`SOFT`,onChange:()=>v(`SOFT`)}),` `,l(`station.resetSoft`)]}),u(`label`,{class:`check`,children:[u(`input`,{type:`radio`,name:`reset`,checked:g===`HARD`,onChange:()=>v(`HARD`)}),` `,l(`station.resetHard`)]})]})}),u(D,{title:l(`station.cmd.unlock`),doc:ye,submit:l(`station.cmd.unlock`),confirm:l(`station.confirm.unlock`,{n:y}),danger:!0,variables:()=>({stationId:r,connectorId:Number(y)}),status:e=>e.unlockConnector.status,children:u($,{label:l(`station.connectorLabel`),connectors:i,value:y,onChange:S})}),u(D,{title:l(`station.cmd.availability`),doc:be,submit:l(`station.cmd.changeAvailability`),confirm:E===`INOPERATIVE`?l(`station.confirm.inoperative`):void 0,danger:E===`INOPERATIVE`,variables:()=>({stationId:r,connectorId:Number(w),type:E}),status:e=>e.changeAvailability.status,onDone:()=>t(),children:[u($,{label:l(`station.connectorLabel`),connectors:i,value:w,onChange:T,zero:!0}),u(C,{label:l(`station.availabilityType`),values:[`OPERATIVE`,`INOPERATIVE`],value:E,onChange:O})]}),u(D,{title:l(`station.cmd.clearCache`),doc:xe,submit:l(`station.cmd.clearCache`),confirm:l(`station.confirm.clearCache`),danger:!0,description:l(`station.clearCacheHint`),variables:()=>({stationId:r}),status:e=>e.clearCache.status}),u(D,{title:l(`station.cmd.trigger`),doc:Se,submit:l(`station.cmd.triggerSend`),variables:()=>({stationId:r,requestedMessage:k,connectorId:b(j)}),status:e=>e.triggerMessage.status,children:[u(C,{label:l(`station.requestedMessage`),values:Te,value:k,onChange:A}),u($,{label:l(`station.connectorLabel`),connectors:i,value:j,onChange:M,any:!0})]}),u(D,{title:l(`station.cmd.extendedTrigger`),doc:Ce,submit:l(`station.cmd.triggerSend`),variables:()=>({stationId:r,requestedMessage:N,connectorId:b(F)}),status:e=>e.extendedTriggerMessage.status,children:[u(C,{label:l(`station.requestedMessage`),values:Ee,value:N,onChange:P}),u($,{label:l(`station.connectorLabel`),connectors:i,value:F,onChange:I,any:!0})]}),u(D,{title:l(`station.cmd.dataTransfer`),doc:we,submit:l(`common.send`),variables:()=>({stationId:r,vendorId:L.trim(),messageId:x(z),data:V||null}),status:e=>e.dataTransfer.status,details:e=>e.dataTransfer.data!==null&&e.dataTransfer.data!==void 0?u(_,{children:[u(`p`,{children:l(`station.dataAnswer`)}),u(`pre`,{class:`card`,children:e.dataTransfer.data})]}):null,children:[u(c,{label:l(`station.vendorId`),children:u(`input`,{required:!0,maxLength:255,value:L,onInput:e=>R(e.currentTarget.value)})}),u(c,{label:l(`station.messageIdOptional`),children:u(`input`,{maxLength:50,value:z,onInput:e=>B(e.currentTarget.value)})}),u(c,{label:l(`station.dataOptional`),children:u(`textarea`,{rows:3,value:V,onInput:e=>H(e.currentTarget.value)})})]})]})}export{he as Commands};