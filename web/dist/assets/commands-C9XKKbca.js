import{C as e,I as t,O as n,R as r,S as i,T as a,a as o,g as s,h as c,i as l,j as u,l as d,m as f,n as p,r as m,t as h,u as g,v as _}from"./console-dnHmEbU-.js";import{n as v,t as y}from"./hooks-CAskQRee.js";import{a as b,c as x,i as S,n as C,o as w,r as T,s as E,t as D}from"./station-CW13P_Wu.js";var O=f(`
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
`),k=f(`
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
`),A=f(`
  mutation StationGetLocalListVersion($stationId: ID!) {
    getLocalListVersion(stationId: $stationId) {
      listVersion
      storedVersion
    }
  }
`),j=f(`
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
`),M=f(`
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
`),N=f(`
  mutation StationCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`),P=e=>e.split(/[\s,;]+/).map(e=>e.trim()).filter(Boolean);function F({station:e}){let a=e.id,o=v(O,{stationId:a}),[s,c]=t(`DIFFERENTIAL`),[u,f]=t(``),[p,g]=t(``),[_,y]=t(``),[b,S]=t(!1),T=v(j,{stationId:a,includeEnded:b}),[N,F]=t(`0`),[L,R]=t(``),[z,B]=t(``),[V,H]=t(()=>w(new Date(Date.now()+36e5))),U=s===`FULL`,W=o.data?.localAuthList;return d(r,{children:[d(`h3`,{class:`group-h`,children:n(`station.localList`)}),d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.sendLocalList`),doc:k,submit:n(`common.send`),confirm:U?n(`station.confirm.fullList`):void 0,danger:U,variables:()=>{let e=_.trim()===``?null:Number(_);return e!==null&&!Number.isInteger(e)?null:{stationId:a,updateType:s,idTags:P(u),removeIdTags:U?[]:P(p),listVersion:e}},invalid:n(`station.invalidNumber`),status:e=>e.sendLocalList.status,details:e=>d(`p`,{children:n(`station.listVersionSent`,{v:e.sendLocalList.listVersion})}),onDone:()=>o.reload(),children:[d(C,{label:n(`station.updateType`),values:[`DIFFERENTIAL`,`FULL`],value:s,onChange:c}),d(l,{label:n(U?`station.listTagsFull`:`station.listTagsAdd`),hint:n(`station.tagsHint`),children:d(`textarea`,{rows:3,value:u,onInput:e=>f(e.currentTarget.value)})}),!U&&d(l,{label:n(`station.listTagsRemove`),hint:n(`station.tagsHint`),children:d(`textarea`,{rows:2,value:p,onInput:e=>g(e.currentTarget.value)})}),d(l,{label:n(`station.listVersionOptional`),children:d(`input`,{inputMode:`numeric`,value:_,onInput:e=>y(e.currentTarget.value)})})]}),d(D,{title:n(`station.cmd.getLocalListVersion`),doc:A,submit:n(`station.cmd.ask`),variables:()=>({stationId:a}),status:()=>null,details:e=>d(`p`,{class:`notice ok`,role:`status`,children:n(`station.listVersionAnswer`,{v:e.getLocalListVersion.listVersion,stored:e.getLocalListVersion.storedVersion??`–`})})})]}),d(`section`,{class:`card`,"aria-labelledby":`local-list-h`,children:[d(`h3`,{id:`local-list-h`,children:n(`station.localListHeld`)}),d(m,{error:o.error}),o.data&&!W&&d(`p`,{class:`muted`,children:n(`station.localListNone`)}),W&&d(r,{children:[d(`p`,{class:`muted`,children:n(`station.localListMeta`,{v:W.version,at:i(W.updatedAt)})}),W.entries.length===0?d(`p`,{class:`muted`,children:n(`station.localListEmpty`)}):d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`station.idTag`)}),d(`th`,{scope:`col`,children:n(`station.tagStatus`)}),d(`th`,{scope:`col`,children:n(`station.expiry`)}),d(`th`,{scope:`col`,children:n(`station.parentIdTag`)})]})}),d(`tbody`,{children:W.entries.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:d(`code`,{children:e.idTag})}),d(`td`,{children:d(h,{value:e.status})}),d(`td`,{children:i(e.expiryDate)}),d(`td`,{children:e.parentIdTag??`–`})]},e.idTag))})]})})]})]}),d(`h3`,{class:`group-h`,children:n(`station.reservations`)}),d(`div`,{class:`command-grid`,children:d(D,{title:n(`station.cmd.reserveNow`),doc:M,submit:n(`station.cmd.reserve`),variables:()=>{let e=E(V);return e?{stationId:a,connectorId:Number(N),idTag:L.trim(),parentIdTag:x(z),expiryDate:e}:null},invalid:n(`station.invalidDate`),status:e=>e.reserveNow.status,details:e=>d(`p`,{children:n(`station.reservationId`,{id:e.reserveNow.reservation.id})}),onDone:()=>T.reload(),children:[d($,{label:n(`station.connectorLabel`),connectors:e.connectors,value:N,onChange:F,zero:!0}),d(l,{label:n(`station.idTag`),children:d(`input`,{required:!0,maxLength:20,value:L,onInput:e=>R(e.currentTarget.value)})}),d(l,{label:n(`station.parentIdTagOptional`),children:d(`input`,{maxLength:20,value:z,onInput:e=>B(e.currentTarget.value)})}),d(l,{label:n(`station.expiry`),children:d(`input`,{type:`datetime-local`,required:!0,value:V,onInput:e=>H(e.currentTarget.value)})})]})}),d(`section`,{class:`card`,"aria-labelledby":`reservations-h`,children:[d(`h3`,{id:`reservations-h`,children:n(`station.reservationList`)}),d(`label`,{class:`check`,children:[d(`input`,{type:`checkbox`,checked:b,onChange:e=>S(e.currentTarget.checked)}),` `,n(`station.includeEnded`)]}),d(m,{error:T.error}),T.data&&T.data.reservations.length===0&&d(`p`,{class:`muted`,children:n(`station.noReservations`)}),T.data&&T.data.reservations.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:`#`}),d(`th`,{scope:`col`,children:n(`station.connectorLabel`)}),d(`th`,{scope:`col`,children:n(`station.idTag`)}),d(`th`,{scope:`col`,children:n(`station.expiry`)}),d(`th`,{scope:`col`,children:n(`station.state`)}),d(`th`,{scope:`col`,children:d(`span`,{class:`sr-only`,children:n(`station.actions`)})})]})}),d(`tbody`,{children:T.data.reservations.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:e.id}),d(`td`,{children:e.connectorId===0?n(`station.anyConnector`):e.connectorId}),d(`td`,{children:d(`code`,{children:e.idTag})}),d(`td`,{children:i(e.expiryDate)}),d(`td`,{children:[d(h,{value:e.state}),` `,e.stationStatus&&d(`span`,{class:`muted`,children:e.stationStatus}),e.transactionId&&d(r,{children:[` `,d(`a`,{href:`/transactions/${e.transactionId}`,children:[`#`,e.transactionId]})]})]}),d(`td`,{children:d(I,{id:e.id,open:e.state===`ACTIVE`||e.state===`REQUESTED`,onDone:()=>T.reload()})})]},e.id))})]})})]})]})}function I(e){let t=y(N);return d(r,{children:[e.open&&d(p,{label:n(`station.cmd.cancelReservation`,{id:e.id}),question:n(`station.confirm.cancelReservation`,{id:e.id}),disabled:t.running,onConfirm:async()=>{await t.run({reservationId:e.id})&&e.onDone()}}),d(m,{error:t.error}),t.result&&d(o,{status:t.result.cancelReservation.status,children:T(t.result.cancelReservation.status)})]})}f(`
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
`);var L=f(`
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
`),R=f(`
  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {
      status
    }
  }
`),z=f(`
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
`),B=f(`
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
`),V=[`TX_DEFAULT_PROFILE`,`CHARGE_POINT_MAX_PROFILE`,`TX_PROFILE`],H=[`ABSOLUTE`,`RECURRING`,`RELATIVE`];function U({station:e,onChanged:a}){let o=e.id,s=e.connectors,[c,u]=t(!1),f=v(L,{stationId:o,includeEnded:c}),[p,g]=t(`0`),[_,y]=t(`1`),[x,w]=t(`TX_DEFAULT_PROFILE`),[T,O]=t(`0`),[k,A]=t(`ABSOLUTE`),[j,M]=t(`DAILY`),[N,P]=t(`A`),[F,I]=t(``),[U,G]=t(``),[K,q]=t(``),[J,Y]=t([{start:`0`,limit:`16`,phases:``}]),[ee,te]=t(``),[X,ne]=t(``),[re,ie]=t(``),[ae,oe]=t(``),[se,ce]=t(`0`),[le,ue]=t(`3600`),[Z,de]=t(``),Q=(e,t)=>Y(n=>n.map((n,r)=>r===e?{...n,...t}:n));return d(r,{children:[d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.setProfile`),doc:R,submit:n(`station.cmd.install`),variables:()=>{let e=J.map(e=>({startPeriod:Number(e.start),limit:Number(e.limit.replace(`,`,`.`)),numberPhases:b(e.phases)}));if([Number(_),Number(T),...e.map(e=>e.startPeriod)].some(e=>!Number.isInteger(e))||e.some(e=>Number.isNaN(e.limit)||Number.isNaN(e.numberPhases)))return null;let t=b(F);return Number.isNaN(t)?null:{stationId:o,connectorId:Number(p),profile:{chargingProfileId:Number(_),stackLevel:Number(T),chargingProfilePurpose:x,chargingProfileKind:k,recurrencyKind:k===`RECURRING`?j:null,transactionId:x===`TX_PROFILE`?t:null,validFrom:E(U),validTo:E(K),chargingSchedule:{chargingRateUnit:N,startSchedule:k===`RELATIVE`?null:new Date().toISOString(),chargingSchedulePeriod:e}}}},invalid:n(`station.invalidNumber`),status:e=>e.setChargingProfile.status,onDone:()=>{f.reload(),a()},children:[d($,{label:n(`station.connectorLabel`),connectors:s,value:p,onChange:g,zero:!0}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.profileId`),children:d(`input`,{required:!0,inputMode:`numeric`,size:6,value:_,onInput:e=>y(e.currentTarget.value)})}),d(l,{label:n(`station.stackLevel`),children:d(`input`,{required:!0,inputMode:`numeric`,size:4,value:T,onInput:e=>O(e.currentTarget.value)})})]}),d(C,{label:n(`station.purpose`),values:V,value:x,onChange:w}),x===`TX_PROFILE`&&d(l,{label:n(`station.transactionIdOptional`),children:d(`input`,{inputMode:`numeric`,value:F,onInput:e=>I(e.currentTarget.value)})}),d(C,{label:n(`station.kind`),values:H,value:k,onChange:A}),k===`RECURRING`&&d(C,{label:n(`station.recurrency`),values:[`DAILY`,`WEEKLY`],value:j,onChange:M}),d(C,{label:n(`station.rateUnit`),values:[`A`,`W`],value:N,onChange:P}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.validFromOptional`),children:d(`input`,{type:`datetime-local`,value:U,onInput:e=>G(e.currentTarget.value)})}),d(l,{label:n(`station.validToOptional`),children:d(`input`,{type:`datetime-local`,value:K,onInput:e=>q(e.currentTarget.value)})})]}),d(`fieldset`,{children:[d(`legend`,{children:n(`station.periods`)}),J.map((e,t)=>d(`div`,{class:`row`,children:[d(l,{label:n(`station.periodStart`,{n:t+1}),children:d(`input`,{required:!0,inputMode:`numeric`,size:7,value:e.start,onInput:e=>Q(t,{start:e.currentTarget.value})})}),d(l,{label:n(`station.periodLimit`,{n:t+1,unit:N}),children:d(`input`,{required:!0,inputMode:`decimal`,size:7,value:e.limit,onInput:e=>Q(t,{limit:e.currentTarget.value})})}),d(l,{label:n(`station.periodPhases`,{n:t+1}),children:d(`input`,{inputMode:`numeric`,size:3,value:e.phases,onInput:e=>Q(t,{phases:e.currentTarget.value})})}),J.length>1&&d(`button`,{type:`button`,class:`period-remove`,onClick:()=>Y(e=>e.filter((e,n)=>n!==t)),children:n(`station.removePeriod`,{n:t+1})})]},t)),J.length<5&&d(`button`,{type:`button`,onClick:()=>Y(e=>[...e,{start:String((Number(e[e.length-1]?.start)||0)+3600),limit:e[e.length-1]?.limit??`16`,phases:``}]),children:n(`station.addPeriod`)})]})]}),d(D,{title:n(`station.cmd.clearProfile`),doc:z,submit:n(`station.cmd.clear`),confirm:n(`station.confirm.clearProfile`),danger:!0,description:n(`station.clearProfileHint`),variables:()=>{let e=b(ee),t=b(ae);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:o,id:e,connectorId:b(X),chargingProfilePurpose:re||null,stackLevel:t}},invalid:n(`station.invalidNumber`),status:e=>e.clearChargingProfile.status,onDone:()=>f.reload(),children:[d(l,{label:n(`station.profileIdOptional`),children:d(`input`,{inputMode:`numeric`,value:ee,onInput:e=>te(e.currentTarget.value)})}),d($,{label:n(`station.connectorLabel`),connectors:s,value:X,onChange:ne,zero:!0,any:!0}),d(C,{label:n(`station.purpose`),values:V,value:re,onChange:ie,empty:n(`common.all`)}),d(l,{label:n(`station.stackLevelOptional`),children:d(`input`,{inputMode:`numeric`,value:ae,onInput:e=>oe(e.currentTarget.value)})})]}),d(D,{title:n(`station.cmd.composite`),doc:B,submit:n(`station.cmd.ask`),variables:()=>{let e=Number(le);return!Number.isInteger(e)||e<=0?null:{stationId:o,connectorId:Number(se),duration:e,chargingRateUnit:Z||null}},invalid:n(`station.invalidNumber`),status:e=>e.getCompositeSchedule.status,details:e=>e.getCompositeSchedule.chargingSchedule?d(W,{schedule:e.getCompositeSchedule.chargingSchedule,start:e.getCompositeSchedule.scheduleStart,caption:n(`station.compositeSchedule`)}):null,children:[d($,{label:n(`station.connectorLabel`),connectors:s,value:se,onChange:ce,zero:!0}),d(l,{label:n(`station.durationSeconds`),children:d(`input`,{required:!0,inputMode:`numeric`,value:le,onInput:e=>ue(e.currentTarget.value)})}),d(C,{label:n(`station.rateUnit`),values:[`A`,`W`],value:Z,onChange:de,empty:n(`station.stationChooses`)})]})]}),d(`section`,{class:`card`,"aria-labelledby":`profiles-h`,children:[d(`h3`,{id:`profiles-h`,children:n(`station.profilesHeld`)}),d(`label`,{class:`check`,children:[d(`input`,{type:`checkbox`,checked:c,onChange:e=>u(e.currentTarget.checked)}),` `,n(`station.includeEnded`)]}),d(m,{error:f.error}),f.data&&f.data.chargingProfiles.length===0&&d(`p`,{class:`muted`,children:n(`station.noProfiles`)}),f.data?.chargingProfiles.map(e=>d(`details`,{class:`profile`,children:[d(`summary`,{children:[`#`,e.profile.chargingProfileId,` · `,S(e.profile.chargingProfilePurpose),` ·`,` `,n(`station.stackLevel`),` `,e.profile.stackLevel,` ·`,` `,e.connectorId===0?n(`station.wholeStation`):n(`station.connector`,{n:e.connectorId}),` `,d(h,{value:e.state})]}),d(`dl`,{class:`kv`,children:[d(`dt`,{children:n(`station.kind`)}),d(`dd`,{children:[S(e.profile.chargingProfileKind),e.profile.recurrencyKind&&` (${S(e.profile.recurrencyKind)})`]}),e.profile.transactionId&&d(r,{children:[d(`dt`,{children:n(`station.transaction`)}),d(`dd`,{children:[`#`,e.profile.transactionId]})]}),d(`dt`,{children:n(`station.validity`)}),d(`dd`,{children:[i(e.profile.validFrom),` – `,i(e.profile.validTo)]}),d(`dt`,{children:n(`station.installedAt`)}),d(`dd`,{children:i(e.installedAt)}),e.endedAt&&d(r,{children:[d(`dt`,{children:n(`station.endedAt`)}),d(`dd`,{children:i(e.endedAt)})]})]}),d(W,{schedule:e.profile.chargingSchedule,caption:n(`station.schedule`)})]},e.id))]})]})}function W(t){let r=t.schedule;return d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`caption`,{children:[t.caption,`: `,r.chargingRateUnit,(t.start??r.startSchedule)&&` · ${n(`station.from`)} ${i(t.start??r.startSchedule)}`,r.duration!==null&&r.duration!==void 0&&` · ${e(r.duration)}`,r.minChargingRate!==null&&r.minChargingRate!==void 0&&` · min ${a(r.minChargingRate,1)}`]}),d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`station.periodStartCol`)}),d(`th`,{scope:`col`,class:`num`,children:[n(`station.limit`),` (`,r.chargingRateUnit,`)`]}),d(`th`,{scope:`col`,class:`num`,children:n(`station.phases`)})]})}),d(`tbody`,{children:r.chargingSchedulePeriod.map(t=>d(`tr`,{children:[d(`th`,{scope:`row`,children:e(t.startPeriod)}),d(`td`,{class:`num`,children:a(t.limit,1)}),d(`td`,{class:`num`,children:t.numberPhases??`–`})]},t.startPeriod))})]})})}var G=f(`
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
`),K=f(`
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
`),q=f(`
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
`);function J({station:e,onChanged:a}){let o=e.id,s=v(G,{stationId:o}),[c,u]=t(``),[f,p]=t(()=>w(new Date)),[h,g]=t(``),[_,y]=t(``),[S,C]=t(``),[T,O]=t(``),[k,A]=t(``),[j,M]=t(``),[N,P]=t(``),F=s.data;return d(r,{children:[d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.updateFirmware`),doc:K,submit:n(`common.send`),confirm:n(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(f),t=b(h),n=b(_);return!e||Number.isNaN(t)||Number.isNaN(n)?null:{stationId:o,location:c.trim(),retrieveDate:e,retries:t,retryInterval:n}},invalid:n(`station.invalidNumber`),status:()=>null,details:e=>d(`p`,{class:`notice ok`,role:`status`,children:n(`station.firmwareRequested`,{id:e.updateFirmware.id})}),onDone:()=>{s.reload(),a()},children:[d(l,{label:n(`station.firmwareLocation`),children:d(`input`,{type:`url`,required:!0,value:c,onInput:e=>u(e.currentTarget.value)})}),d(l,{label:n(`station.retrieveDate`),children:d(`input`,{type:`datetime-local`,required:!0,value:f,onInput:e=>p(e.currentTarget.value)})}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.retriesOptional`),children:d(`input`,{inputMode:`numeric`,size:4,value:h,onInput:e=>g(e.currentTarget.value)})}),d(l,{label:n(`station.retryIntervalOptional`),children:d(`input`,{inputMode:`numeric`,size:6,value:_,onInput:e=>y(e.currentTarget.value)})})]})]}),d(D,{title:n(`station.cmd.getDiagnostics`),doc:q,submit:n(`station.cmd.ask`),variables:()=>{let e=b(j),t=b(N);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:o,location:x(S),startTime:E(T),stopTime:E(k),retries:e,retryInterval:t}},invalid:n(`station.invalidNumber`),status:()=>null,details:e=>d(`p`,{class:`notice ok`,role:`status`,children:e.getDiagnostics.fileName?n(`station.diagnosticsFile`,{name:e.getDiagnostics.fileName}):n(`station.diagnosticsNoFile`)}),onDone:()=>s.reload(),children:[d(l,{label:n(`station.diagnosticsLocation`),hint:n(`station.diagnosticsLocationHint`),children:d(`input`,{type:`url`,value:S,onInput:e=>C(e.currentTarget.value)})}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.startTimeOptional`),children:d(`input`,{type:`datetime-local`,value:T,onInput:e=>O(e.currentTarget.value)})}),d(l,{label:n(`station.stopTimeOptional`),children:d(`input`,{type:`datetime-local`,value:k,onInput:e=>A(e.currentTarget.value)})})]}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.retriesOptional`),children:d(`input`,{inputMode:`numeric`,size:4,value:j,onInput:e=>M(e.currentTarget.value)})}),d(l,{label:n(`station.retryIntervalOptional`),children:d(`input`,{inputMode:`numeric`,size:6,value:N,onInput:e=>P(e.currentTarget.value)})})]})]})]}),d(m,{error:s.error}),d(`section`,{class:`card`,"aria-labelledby":`fw-list-h`,children:[d(`h3`,{id:`fw-list-h`,children:n(`station.firmwareUpdates`)}),d(`p`,{children:[n(`station.firmwareStatus`),`: `,d(`strong`,{children:e.firmwareStatus??`–`}),` `,d(`span`,{class:`muted`,children:i(e.firmwareStatusAt)})]}),F&&F.firmwareUpdates.length===0&&d(`p`,{class:`muted`,children:n(`station.noneYet`)}),F&&F.firmwareUpdates.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`station.requestedAt`)}),d(`th`,{scope:`col`,children:n(`station.location`)}),d(`th`,{scope:`col`,children:n(`station.retrieveDate`)}),d(`th`,{scope:`col`,children:n(`station.requestedBy`)})]})}),d(`tbody`,{children:F.firmwareUpdates.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:i(e.requestedAt)}),d(`td`,{class:`wrap`,children:e.location}),d(`td`,{children:i(e.retrieveDate)}),d(`td`,{children:e.requestedBy??`–`})]},e.id))})]})})]}),d(`section`,{class:`card`,"aria-labelledby":`diag-list-h`,children:[d(`h3`,{id:`diag-list-h`,children:n(`station.diagnosticsRequests`)}),d(`p`,{children:[n(`station.diagnosticsStatus`),`: `,d(`strong`,{children:e.diagnosticsStatus??`–`}),` `,d(`span`,{class:`muted`,children:i(e.diagnosticsStatusAt)})]}),F&&F.diagnosticsRequests.length===0&&d(`p`,{class:`muted`,children:n(`station.noneYet`)}),F&&F.diagnosticsRequests.length>0&&d(`div`,{class:`table-wrap`,children:d(`table`,{children:[d(`thead`,{children:d(`tr`,{children:[d(`th`,{scope:`col`,children:n(`station.requestedAt`)}),d(`th`,{scope:`col`,children:n(`station.location`)}),d(`th`,{scope:`col`,children:n(`station.file`)}),d(`th`,{scope:`col`,children:n(`station.uploadedAt`)})]})}),d(`tbody`,{children:F.diagnosticsRequests.map(e=>d(`tr`,{children:[d(`th`,{scope:`row`,children:i(e.requestedAt)}),d(`td`,{class:`wrap`,children:e.location}),d(`td`,{children:e.downloadPath?d(Y,{path:e.downloadPath,name:e.uploadedName??e.fileName??`diagnostics-${e.id}`,size:e.size}):e.fileName??`–`}),d(`td`,{children:e.uploadedAt?i(e.uploadedAt):e.uploadExpiresAt?n(`station.uploadUntil`,{at:i(e.uploadExpiresAt)}):`–`})]},e.id))})]})})]}),d(`section`,{class:`card`,"aria-labelledby":`notif-h`,children:[d(`h3`,{id:`notif-h`,children:n(`station.statusNotifications`)}),F&&F.statusNotifications.length===0&&d(`p`,{class:`muted`,children:n(`station.noneYet`)}),F&&F.statusNotifications.length>0&&d(`ul`,{children:F.statusNotifications.map((e,t)=>d(`li`,{children:[i(e.at),` · `,e.kind===`FIRMWARE`?n(`station.firmware`):n(`station.diagnostics`),`:`,` `,d(`strong`,{children:e.status})]},t))})]})]})}function Y(e){let[i,o]=t(!1),[s,c]=t(null);return d(r,{children:[d(`button`,{type:`button`,class:`link`,disabled:i,onClick:async()=>{o(!0),c(null);try{let t=_.value?.token,n=await fetch(e.path,{headers:t?{authorization:`Bearer ${t}`}:{}});if(!n.ok)throw new g(`HTTP ${n.status}`,n.status===404?`NOT_FOUND`:n.status===403?`FORBIDDEN`:`ERROR`);let r=URL.createObjectURL(await n.blob()),i=document.createElement(`a`);i.href=r,i.download=e.name,document.body.append(i),i.click(),i.remove(),setTimeout(()=>URL.revokeObjectURL(r),1e4)}catch(e){c(e instanceof g?e:new g(String(e),`NETWORK`))}finally{o(!1)}},children:n(`station.download`,{name:e.name})}),e.size!==null&&e.size!==void 0&&d(`span`,{class:`muted`,children:[` (`,n(`station.bytes`,{n:a(e.size)}),`)`]}),d(m,{error:s})]})}var ee=f(`
  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {
      status
    }
  }
`),te=f(`
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
`),X=f(`
  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {
      status
    }
  }
`),ne=f(`
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
`),re=f(`
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
`),ie=f(`
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
`),ae=f(`
  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {
      status
    }
  }
`),oe=f(`
  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),se=f(`
  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),ce=f(`
  mutation StationApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),le=f(`
  mutation StationReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),ue=[`CENTRAL_SYSTEM_ROOT_CERTIFICATE`,`MANUFACTURER_ROOT_CERTIFICATE`];function Z({station:e,onChanged:a}){let o=e.id,c=v(re,{stationId:o}),[u,f]=t(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[p,g]=t(``),[_,y]=t(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[x,S]=t({hashAlgorithm:`SHA256`,issuerNameHash:``,issuerKeyHash:``,serialNumber:``}),[T,O]=t(`DIAGNOSTICS_LOG`),[k,A]=t(``),[j,M]=t(``),[N,P]=t(``),[F,I]=t({location:``,retrieve:w(new Date),install:``,signature:``,signingCertificate:``}),[L,R]=t(``),[z,B]=t(``),[V,H]=t(String(e.securityProfile)),[U,W]=t(``),[G,K]=t(!0),q=c.data;return d(r,{children:[d(`h3`,{class:`group-h`,children:n(`station.registrationGroup`)}),d(`div`,{class:`command-grid`,children:d(fe,{stationId:o,status:e.registrationStatus,onChanged:a})}),d(`h3`,{class:`group-h`,children:n(`station.certificates`)}),d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.installCertificate`),doc:ee,submit:n(`station.cmd.install`),variables:()=>({stationId:o,certificateType:u,certificate:p.trim()}),status:e=>e.installCertificate.status,children:[d(C,{label:n(`station.certificateType`),values:ue,value:u,onChange:f}),d(l,{label:n(`station.certificatePem`),children:d(`textarea`,{required:!0,rows:5,class:`mono`,value:p,placeholder:`-----BEGIN CERTIFICATE-----`,onInput:e=>g(e.currentTarget.value)})})]}),d(D,{title:n(`station.cmd.installedCertificates`),doc:te,submit:n(`station.cmd.ask`),variables:()=>({stationId:o,certificateType:_}),status:e=>e.getInstalledCertificateIds.status,details:e=>e.getInstalledCertificateIds.certificateHashData.length>0&&d(`ul`,{class:`cert-list`,children:e.getInstalledCertificateIds.certificateHashData.map(e=>d(`li`,{children:[d(de,{h:e}),d(Q,{stationId:o,h:e})]},e.serialNumber+e.issuerNameHash))}),children:d(C,{label:n(`station.certificateType`),values:ue,value:_,onChange:y})}),d(D,{title:n(`station.cmd.deleteCertificate`),doc:X,submit:n(`station.cmd.delete`),confirm:n(`station.confirm.deleteCertificate`),danger:!0,description:n(`station.deleteCertificateHint`),variables:()=>({stationId:o,certificateHashData:{...x}}),status:e=>e.deleteCertificate.status,children:[d(C,{label:n(`station.hashAlgorithm`),values:[`SHA256`,`SHA384`,`SHA512`],value:x.hashAlgorithm,onChange:e=>S({...x,hashAlgorithm:e})}),d(l,{label:n(`station.issuerNameHash`),children:d(`input`,{required:!0,maxLength:128,value:x.issuerNameHash,onInput:e=>S({...x,issuerNameHash:e.currentTarget.value})})}),d(l,{label:n(`station.issuerKeyHash`),children:d(`input`,{required:!0,maxLength:128,value:x.issuerKeyHash,onInput:e=>S({...x,issuerKeyHash:e.currentTarget.value})})}),d(l,{label:n(`station.serialNumber`),children:d(`input`,{required:!0,maxLength:40,value:x.serialNumber,onInput:e=>S({...x,serialNumber:e.currentTarget.value})})})]}),d(D,{title:n(`station.cmd.certificateSigned`),doc:ae,submit:n(`common.send`),description:n(`station.certificateSignedHint`),variables:()=>{let e=b(z);return Number.isNaN(e)?null:{stationId:o,certificateChain:L.trim(),requestId:e}},invalid:n(`station.invalidNumber`),status:e=>e.certificateSigned.status,onDone:()=>c.reload(),children:[d(l,{label:n(`station.csrIdOptional`),children:d(`select`,{value:z,onChange:e=>B(e.currentTarget.value),children:[d(`option`,{value:``,children:n(`station.newestPendingCsr`)}),q?.certificateSigningRequests.nodes.map(e=>d(`option`,{value:String(e.id),children:[`#`,e.id,` · `,e.commonName??`–`,` · `,e.state??`–`,` · `,i(e.receivedAt)]},e.id))]})}),d(l,{label:n(`station.certificateChain`),children:d(`textarea`,{required:!0,rows:5,class:`mono`,value:L,onInput:e=>R(e.currentTarget.value)})})]})]}),d(`h3`,{class:`group-h`,children:n(`station.logsAndFirmware`)}),d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.getLog`),doc:ne,submit:n(`station.cmd.ask`),variables:()=>({stationId:o,logType:T,remoteLocation:k.trim(),oldestTimestamp:E(j),latestTimestamp:E(N)}),status:e=>e.getLog.status,details:e=>d(`p`,{children:[n(`station.logRequestId`,{id:e.getLog.requestId}),e.getLog.filename&&d(r,{children:[` · `,e.getLog.filename]})]}),onDone:()=>c.reload(),children:[d(C,{label:n(`station.logType`),values:[`DIAGNOSTICS_LOG`,`SECURITY_LOG`],value:T,onChange:O}),d(l,{label:n(`station.remoteLocation`),children:d(`input`,{type:`url`,required:!0,value:k,onInput:e=>A(e.currentTarget.value)})}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.oldestOptional`),children:d(`input`,{type:`datetime-local`,value:j,onInput:e=>M(e.currentTarget.value)})}),d(l,{label:n(`station.latestOptional`),children:d(`input`,{type:`datetime-local`,value:N,onInput:e=>P(e.currentTarget.value)})})]})]}),d(D,{title:n(`station.cmd.signedUpdateFirmware`),doc:ie,submit:n(`common.send`),confirm:n(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(F.retrieve);return e?{stationId:o,firmware:{location:F.location.trim(),retrieveDateTime:e,installDateTime:E(F.install),signature:F.signature.trim(),signingCertificate:F.signingCertificate.trim()}}:null},invalid:n(`station.invalidDate`),status:e=>e.signedUpdateFirmware.status,details:e=>d(`p`,{children:n(`station.logRequestId`,{id:e.signedUpdateFirmware.requestId})}),onDone:()=>c.reload(),children:[d(l,{label:n(`station.firmwareLocation`),children:d(`input`,{type:`url`,required:!0,maxLength:512,value:F.location,onInput:e=>I({...F,location:e.currentTarget.value})})}),d(`div`,{class:`row`,children:[d(l,{label:n(`station.retrieveDate`),children:d(`input`,{type:`datetime-local`,required:!0,value:F.retrieve,onInput:e=>I({...F,retrieve:e.currentTarget.value})})}),d(l,{label:n(`station.installDateOptional`),children:d(`input`,{type:`datetime-local`,value:F.install,onInput:e=>I({...F,install:e.currentTarget.value})})})]}),d(l,{label:n(`station.signature`),children:d(`textarea`,{required:!0,rows:2,class:`mono`,maxLength:800,value:F.signature,onInput:e=>I({...F,signature:e.currentTarget.value})})}),d(l,{label:n(`station.signingCertificate`),children:d(`textarea`,{required:!0,rows:4,class:`mono`,maxLength:5500,value:F.signingCertificate,onInput:e=>I({...F,signingCertificate:e.currentTarget.value})})})]})]}),d(m,{error:c.error}),d(`section`,{class:`card`,"aria-labelledby":`log-req-h`,children:[d(`h3`,{id:`log-req-h`,children:n(`station.logRequests`)}),q&&q.logRequests.nodes.length===0&&d(`p`,{class:`muted`,children:n(`station.noneYet`)}),q&&q.logRequests.nodes.length>0&&d(`ul`,{class:`requests`,children:q.logRequests.nodes.map(e=>d(`li`,{children:[d(`strong`,{children:[`#`,e.requestId]}),` `,e.logType&&d(r,{children:[e.logType,` · `]}),i(e.requestedAt),` · `,e.requestedBy,` · `,d(h,{value:e.status??`–`}),e.error&&d(`span`,{class:`muted`,children:[` · `,e.error]}),e.filename&&d(`span`,{class:`muted`,children:[` · `,e.filename]}),e.statusNotifications.length>0&&d(`span`,{children:[` `,`→ `,e.statusNotifications.map(e=>`${e.status??`?`} (${i(e.receivedAt)})`).join(`, `)]})]},e.id))})]}),d(`section`,{class:`card`,"aria-labelledby":`sfw-req-h`,children:[d(`h3`,{id:`sfw-req-h`,children:n(`station.signedFirmwareUpdates`)}),q&&q.signedFirmwareUpdates.nodes.length===0&&d(`p`,{class:`muted`,children:n(`station.noneYet`)}),q&&q.signedFirmwareUpdates.nodes.length>0&&d(`ul`,{class:`requests`,children:q.signedFirmwareUpdates.nodes.map(e=>d(`li`,{children:[d(`strong`,{children:[`#`,e.requestId]}),` `,i(e.requestedAt),` · `,e.requestedBy,` ·`,` `,d(h,{value:e.status??`–`}),` `,d(`span`,{class:`wrap`,children:e.location}),e.error&&d(`span`,{class:`muted`,children:[` · `,e.error]}),e.statusNotifications.length>0&&d(`span`,{children:[` `,`→ `,e.statusNotifications.map(e=>`${e.status??`?`} (${i(e.receivedAt)})`).join(`, `)]})]},e.id))})]}),d(`h3`,{class:`group-h`,children:n(`station.securityProfileGroup`)}),d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.setSecurityProfile`),doc:oe,submit:n(`common.save`),confirm:n(`station.confirm.securityProfile`,{n:V}),danger:!0,disabled:!s.value,description:s.value?n(`station.securityProfileHint`):n(`station.adminsOnly`),variables:()=>({stationId:o,profile:Number(V)}),status:()=>null,details:e=>d(`p`,{class:`notice ok`,role:`status`,children:n(`station.securityProfileSet`,{n:e.setStationSecurityProfile.securityProfile})}),onDone:()=>a(),children:d(`label`,{class:`field`,children:[d(`span`,{children:n(`station.securityProfile`)}),d(`select`,{value:V,disabled:!s.value,onChange:e=>H(e.currentTarget.value),children:[0,1,2,3].map(e=>d(`option`,{value:String(e),children:e},e))})]})}),d(D,{title:n(`station.cmd.setAuthorizationKey`),doc:se,submit:n(`common.save`),confirm:n(`station.confirm.authorizationKey`),danger:!0,description:n(`station.authorizationKeyHint`),variables:()=>({stationId:o,key:U.trim(),sendToStation:G}),status:e=>e.setStationAuthorizationKey.status,details:e=>e.setStationAuthorizationKey.status===null||e.setStationAuthorizationKey.status===void 0?d(`p`,{class:`notice ok`,role:`status`,children:n(`station.authorizationKeyStored`)}):null,onDone:()=>{W(``),a()},children:[d(l,{label:n(`station.authorizationKey`),hint:n(`station.authorizationKeyFormat`),children:d(`input`,{required:!0,class:`mono`,autoComplete:`off`,pattern:`[0-9a-fA-F]{32,40}`,value:U,onInput:e=>W(e.currentTarget.value)})}),d(`label`,{class:`check`,children:[d(`input`,{type:`checkbox`,checked:G,onChange:e=>K(e.currentTarget.checked)}),` `,n(`station.sendToStation`)]})]})]})]})}function de({h:e}){return d(`dl`,{class:`kv`,children:[d(`dt`,{children:n(`station.serialNumber`)}),d(`dd`,{children:d(`code`,{children:e.serialNumber})}),d(`dt`,{children:n(`station.hashAlgorithm`)}),d(`dd`,{children:e.hashAlgorithm}),d(`dt`,{children:n(`station.issuerNameHash`)}),d(`dd`,{children:d(`code`,{children:e.issuerNameHash})}),d(`dt`,{children:n(`station.issuerKeyHash`)}),d(`dd`,{children:d(`code`,{children:e.issuerKeyHash})})]})}function Q(e){let t=y(X);return d(`div`,{children:[d(p,{label:n(`station.deleteCertificate`,{serial:e.h.serialNumber}),question:n(`station.confirm.deleteCertificate`),danger:!0,disabled:t.running,onConfirm:()=>void t.run({stationId:e.stationId,certificateHashData:{...e.h}})}),d(m,{error:t.error}),t.result&&d(o,{status:t.result.deleteCertificate.status,children:T(t.result.deleteCertificate.status)})]})}function fe(e){let t=y(ce),r=y(le),i=e=>d(`p`,{class:`notice ok`,role:`status`,children:n(`station.registrationNow`,{status:e??`–`})});return d(`section`,{class:`card command`,"aria-labelledby":`registration-h`,children:[d(`h3`,{id:`registration-h`,children:n(`station.registration`)}),d(`p`,{children:[n(`station.registrationIs`),` `,d(h,{value:e.status})]}),d(`p`,{class:`muted`,children:n(`station.registrationHint`)}),d(`div`,{class:`row`,children:[d(`button`,{type:`button`,class:`primary`,disabled:t.running||e.status===`ACCEPTED`,onClick:async()=>{r.reset(),await t.run({id:e.stationId})&&e.onChanged()},children:n(`station.cmd.approve`)}),d(p,{label:n(`station.cmd.reject`),question:n(`station.confirm.reject`),danger:!0,disabled:r.running||e.status===`REJECTED`,onConfirm:async()=>{t.reset(),await r.run({id:e.stationId})&&e.onChanged()}})]}),d(m,{error:t.error??r.error}),t.result&&i(t.result.approveStation.registrationStatus),r.result&&i(r.result.rejectStation.registrationStatus)]})}var pe=[`control`,`authorization`,`charging`,`firmware`,`security`];function me(e){switch(e){case`control`:return n(`station.group.control`);case`authorization`:return n(`station.group.authorization`);case`charging`:return n(`station.group.charging`);case`firmware`:return n(`station.group.firmware`);case`security`:return n(`station.group.security`)}}function he(e){let t=u(),r=pe.includes(t.query.group??``)?t.query.group:`control`;return c.value?d(`section`,{"aria-labelledby":`commands-h`,class:`commands`,children:[d(`h2`,{id:`commands-h`,children:n(`station.commands`)}),!e.station.connected&&d(`p`,{class:`notice warn`,children:n(`station.offlineNote`)}),d(`nav`,{"aria-label":n(`station.commandGroups`),children:d(`ul`,{class:`subtabs`,children:pe.map(e=>d(`li`,{children:d(`a`,{href:`${t.path}?group=${e}`,"aria-current":e===r?`page`:void 0,children:me(e)})},e))})}),r===`control`&&d(De,{...e}),r===`authorization`&&d(F,{...e}),r===`charging`&&d(U,{...e}),r===`firmware`&&d(J,{...e}),r===`security`&&d(Z,{...e})]}):d(`section`,{"aria-labelledby":`commands-h`,children:[d(`h2`,{id:`commands-h`,children:n(`station.commands`)}),d(`p`,{class:`notice warn`,children:n(`station.operatorsOnly`)})]})}function $(e){let t=e.connectors.map(e=>e.connectorId).filter(e=>e>0);return t.length===0&&t.push(1),d(`label`,{class:`field`,children:[d(`span`,{children:e.label}),d(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.any&&d(`option`,{value:``,children:n(`station.anyConnector`)}),e.zero&&d(`option`,{value:`0`,children:n(`station.wholeStation`)}),t.map(e=>d(`option`,{value:String(e),children:n(`station.connector`,{n:e})},e))]})]})}var ge=f(`
  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {
      status
    }
  }
`),_e=f(`
  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
      status
    }
  }
`),ve=f(`
  mutation StationReset($stationId: ID!, $type: ResetType!) {
    reset(stationId: $stationId, type: $type) {
      status
    }
  }
`),ye=f(`
  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
    unlockConnector(stationId: $stationId, connectorId: $connectorId) {
      status
    }
  }
`),be=f(`
  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {
      status
    }
  }
`),xe=f(`
  mutation StationClearCache($stationId: ID!) {
    clearCache(stationId: $stationId) {
      status
    }
  }
`),Se=f(`
  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),Ce=f(`
  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),we=f(`
  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {
      status
      data
    }
  }
`),Te=[`BOOT_NOTIFICATION`,`DIAGNOSTICS_STATUS_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`METER_VALUES`,`STATUS_NOTIFICATION`],Ee=[`BOOT_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`LOG_STATUS_NOTIFICATION`,`METER_VALUES`,`SIGN_CHARGE_POINT_CERTIFICATE`,`STATUS_NOTIFICATION`];function De({station:e,onChanged:i}){let a=e.id,o=e.connectors,s=o.flatMap(e=>e.currentTransaction?[e.currentTransaction]:[]),c=String(o.find(e=>e.connectorId>0)?.connectorId??1),[u,f]=t(``),[p,m]=t(``),[h,g]=t(``),[_,v]=t(`SOFT`),[y,S]=t(c),[w,T]=t(`0`),[E,O]=t(`INOPERATIVE`),[k,A]=t(`STATUS_NOTIFICATION`),[j,M]=t(``),[N,P]=t(`STATUS_NOTIFICATION`),[F,I]=t(``),[L,R]=t(``),[z,B]=t(``),[V,H]=t(``),U=h||(s[0]?String(s[0].id):``);return d(`div`,{class:`command-grid`,children:[d(D,{title:n(`station.cmd.remoteStart`),doc:ge,submit:n(`station.cmd.start`),variables:()=>({stationId:a,idTag:u.trim(),connectorId:b(p)}),status:e=>e.remoteStartTransaction.status,children:[d(l,{label:n(`station.idTag`),children:d(`input`,{required:!0,value:u,maxLength:20,onInput:e=>f(e.currentTarget.value)})}),d($,{label:n(`station.connectorLabel`),connectors:o,value:p,onChange:m,any:!0})]}),d(D,{title:n(`station.cmd.remoteStop`),doc:_e,submit:n(`station.cmd.stop`),confirm:n(`station.confirm.stop`),danger:!0,disabled:s.length===0,variables:()=>U?{stationId:a,transactionId:Number(U)}:null,status:e=>e.remoteStopTransaction.status,onDone:()=>i(),children:s.length===0?d(`p`,{class:`muted`,children:n(`station.noRunning`)}):d(`label`,{class:`field`,children:[d(`span`,{children:n(`station.transaction`)}),d(`select`,{value:U,onChange:e=>g(e.currentTarget.value),children:s.map(e=>d(`option`,{value:String(e.id),children:n(`station.runningTx`,{id:e.id,n:e.connectorId,tag:e.idTag})},e.id))})]})}),d(D,{title:n(`station.cmd.reset`),doc:ve,submit:n(`station.cmd.reset`),confirm:n(_===`HARD`?`station.confirm.hardReset`:`station.confirm.softReset`),danger:!0,variables:()=>({stationId:a,type:_}),status:e=>e.reset.status,children:d(`fieldset`,{children:[d(`legend`,{children:n(`station.resetType`)}),d(`label`,{class:`check`,children:[d(`input`,{type:`radio`,name:`reset`,checked:_===`SOFT`,onChange:()=>v(`SOFT`)}),` `,n(`station.resetSoft`)]}),d(`label`,{class:`check`,children:[d(`input`,{type:`radio`,name:`reset`,checked:_===`HARD`,onChange:()=>v(`HARD`)}),` `,n(`station.resetHard`)]})]})}),d(D,{title:n(`station.cmd.unlock`),doc:ye,submit:n(`station.cmd.unlock`),confirm:n(`station.confirm.unlock`,{n:y}),danger:!0,variables:()=>({stationId:a,connectorId:Number(y)}),status:e=>e.unlockConnector.status,children:d($,{label:n(`station.connectorLabel`),connectors:o,value:y,onChange:S})}),d(D,{title:n(`station.cmd.availability`),doc:be,submit:n(`station.cmd.changeAvailability`),confirm:E===`INOPERATIVE`?n(`station.confirm.inoperative`):void 0,danger:E===`INOPERATIVE`,variables:()=>({stationId:a,connectorId:Number(w),type:E}),status:e=>e.changeAvailability.status,onDone:()=>i(),children:[d($,{label:n(`station.connectorLabel`),connectors:o,value:w,onChange:T,zero:!0}),d(C,{label:n(`station.availabilityType`),values:[`OPERATIVE`,`INOPERATIVE`],value:E,onChange:O})]}),d(D,{title:n(`station.cmd.clearCache`),doc:xe,submit:n(`station.cmd.clearCache`),confirm:n(`station.confirm.clearCache`),danger:!0,description:n(`station.clearCacheHint`),variables:()=>({stationId:a}),status:e=>e.clearCache.status}),d(D,{title:n(`station.cmd.trigger`),doc:Se,submit:n(`station.cmd.triggerSend`),variables:()=>({stationId:a,requestedMessage:k,connectorId:b(j)}),status:e=>e.triggerMessage.status,children:[d(C,{label:n(`station.requestedMessage`),values:Te,value:k,onChange:A}),d($,{label:n(`station.connectorLabel`),connectors:o,value:j,onChange:M,any:!0})]}),d(D,{title:n(`station.cmd.extendedTrigger`),doc:Ce,submit:n(`station.cmd.triggerSend`),variables:()=>({stationId:a,requestedMessage:N,connectorId:b(F)}),status:e=>e.extendedTriggerMessage.status,children:[d(C,{label:n(`station.requestedMessage`),values:Ee,value:N,onChange:P}),d($,{label:n(`station.connectorLabel`),connectors:o,value:F,onChange:I,any:!0})]}),d(D,{title:n(`station.cmd.dataTransfer`),doc:we,submit:n(`common.send`),variables:()=>({stationId:a,vendorId:L.trim(),messageId:x(z),data:V||null}),status:e=>e.dataTransfer.status,details:e=>e.dataTransfer.data!==null&&e.dataTransfer.data!==void 0?d(r,{children:[d(`p`,{children:n(`station.dataAnswer`)}),d(`pre`,{class:`card`,children:e.dataTransfer.data})]}):null,children:[d(l,{label:n(`station.vendorId`),children:d(`input`,{required:!0,maxLength:255,value:L,onInput:e=>R(e.currentTarget.value)})}),d(l,{label:n(`station.messageIdOptional`),children:d(`input`,{maxLength:50,value:z,onInput:e=>B(e.currentTarget.value)})}),d(l,{label:n(`station.dataOptional`),children:d(`textarea`,{rows:3,value:V,onInput:e=>H(e.currentTarget.value)})})]})]})}export{he as Commands};