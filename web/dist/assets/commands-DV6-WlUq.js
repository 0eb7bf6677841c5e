import{A as e,O as t,c as n,n as r,o as i,p as a,t as o,u as s,x as c}from"./jsxRuntime-DPkzGEFM.js";import{_ as l,a as u,b as d,h as f,i as p,m,n as h,r as g,t as _}from"./console-YlmL2Q8V.js";import{n as v,t as y}from"./hooks-B890TPRV.js";import{a as b,c as x,i as S,n as C,o as w,r as T,s as E,t as D}from"./station-D-ssix-M.js";var O=a(`
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
`),k=a(`
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
`),A=a(`
  mutation StationGetLocalListVersion($stationId: ID!) {
    getLocalListVersion(stationId: $stationId) {
      listVersion
      storedVersion
    }
  }
`),j=a(`
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
`),M=a(`
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
`),N=a(`
  mutation StationCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`),P=e=>e.split(/[\s,;]+/).map(e=>e.trim()).filter(Boolean);function F({station:n}){let r=n.id,i=v(O,{stationId:r}),[a,s]=t(`DIFFERENTIAL`),[c,l]=t(``),[u,f]=t(``),[h,y]=t(``),[b,S]=t(!1),T=v(j,{stationId:r,includeEnded:b}),[N,F]=t(`0`),[L,R]=t(``),[z,B]=t(``),[V,H]=t(()=>w(new Date(Date.now()+36e5))),U=a===`FULL`,W=i.data?.localAuthList;return o(e,{children:[o(`h3`,{class:`group-h`,children:d(`station.localList`)}),o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.sendLocalList`),doc:k,submit:d(`common.send`),confirm:U?d(`station.confirm.fullList`):void 0,danger:U,variables:()=>{let e=h.trim()===``?null:Number(h);return e!==null&&!Number.isInteger(e)?null:{stationId:r,updateType:a,idTags:P(c),removeIdTags:U?[]:P(u),listVersion:e}},invalid:d(`station.invalidNumber`),status:e=>e.sendLocalList.status,details:e=>o(`p`,{children:d(`station.listVersionSent`,{v:e.sendLocalList.listVersion})}),onDone:()=>i.reload(),children:[o(C,{label:d(`station.updateType`),values:[`DIFFERENTIAL`,`FULL`],value:a,onChange:s}),o(p,{label:d(U?`station.listTagsFull`:`station.listTagsAdd`),hint:d(`station.tagsHint`),children:o(`textarea`,{rows:3,value:c,onInput:e=>l(e.currentTarget.value)})}),!U&&o(p,{label:d(`station.listTagsRemove`),hint:d(`station.tagsHint`),children:o(`textarea`,{rows:2,value:u,onInput:e=>f(e.currentTarget.value)})}),o(p,{label:d(`station.listVersionOptional`),children:o(`input`,{inputMode:`numeric`,value:h,onInput:e=>y(e.currentTarget.value)})})]}),o(D,{title:d(`station.cmd.getLocalListVersion`),doc:A,submit:d(`station.cmd.ask`),variables:()=>({stationId:r}),status:()=>null,details:e=>o(`p`,{class:`notice ok`,role:`status`,children:d(`station.listVersionAnswer`,{v:e.getLocalListVersion.listVersion,stored:e.getLocalListVersion.storedVersion??`–`})})})]}),o(`section`,{class:`card`,"aria-labelledby":`local-list-h`,children:[o(`h3`,{id:`local-list-h`,children:d(`station.localListHeld`)}),o(g,{error:i.error}),i.data&&!W&&o(`p`,{class:`muted`,children:d(`station.localListNone`)}),W&&o(e,{children:[o(`p`,{class:`muted`,children:d(`station.localListMeta`,{v:W.version,at:m(W.updatedAt)})}),W.entries.length===0?o(`p`,{class:`muted`,children:d(`station.localListEmpty`)}):o(`div`,{class:`table-wrap`,children:o(`table`,{children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:d(`station.idTag`)}),o(`th`,{scope:`col`,children:d(`station.tagStatus`)}),o(`th`,{scope:`col`,children:d(`station.expiry`)}),o(`th`,{scope:`col`,children:d(`station.parentIdTag`)})]})}),o(`tbody`,{children:W.entries.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:o(`code`,{children:e.idTag})}),o(`td`,{children:o(_,{value:e.status})}),o(`td`,{children:m(e.expiryDate)}),o(`td`,{children:e.parentIdTag??`–`})]},e.idTag))})]})})]})]}),o(`h3`,{class:`group-h`,children:d(`station.reservations`)}),o(`div`,{class:`command-grid`,children:o(D,{title:d(`station.cmd.reserveNow`),doc:M,submit:d(`station.cmd.reserve`),variables:()=>{let e=E(V);return e?{stationId:r,connectorId:Number(N),idTag:L.trim(),parentIdTag:x(z),expiryDate:e}:null},invalid:d(`station.invalidDate`),status:e=>e.reserveNow.status,details:e=>o(`p`,{children:d(`station.reservationId`,{id:e.reserveNow.reservation.id})}),onDone:()=>T.reload(),children:[o($,{label:d(`station.connectorLabel`),connectors:n.connectors,value:N,onChange:F,zero:!0}),o(p,{label:d(`station.idTag`),children:o(`input`,{required:!0,maxLength:20,value:L,onInput:e=>R(e.currentTarget.value)})}),o(p,{label:d(`station.parentIdTagOptional`),children:o(`input`,{maxLength:20,value:z,onInput:e=>B(e.currentTarget.value)})}),o(p,{label:d(`station.expiry`),children:o(`input`,{type:`datetime-local`,required:!0,value:V,onInput:e=>H(e.currentTarget.value)})})]})}),o(`section`,{class:`card`,"aria-labelledby":`reservations-h`,children:[o(`h3`,{id:`reservations-h`,children:d(`station.reservationList`)}),o(`label`,{class:`check`,children:[o(`input`,{type:`checkbox`,checked:b,onChange:e=>S(e.currentTarget.checked)}),` `,d(`station.includeEnded`)]}),o(g,{error:T.error}),T.data&&T.data.reservations.length===0&&o(`p`,{class:`muted`,children:d(`station.noReservations`)}),T.data&&T.data.reservations.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:`#`}),o(`th`,{scope:`col`,children:d(`station.connectorLabel`)}),o(`th`,{scope:`col`,children:d(`station.idTag`)}),o(`th`,{scope:`col`,children:d(`station.expiry`)}),o(`th`,{scope:`col`,children:d(`station.state`)}),o(`th`,{scope:`col`,children:o(`span`,{class:`sr-only`,children:d(`station.actions`)})})]})}),o(`tbody`,{children:T.data.reservations.map(t=>o(`tr`,{children:[o(`th`,{scope:`row`,children:t.id}),o(`td`,{children:t.connectorId===0?d(`station.anyConnector`):t.connectorId}),o(`td`,{children:o(`code`,{children:t.idTag})}),o(`td`,{children:m(t.expiryDate)}),o(`td`,{children:[o(_,{value:t.state}),` `,t.stationStatus&&o(`span`,{class:`muted`,children:t.stationStatus}),t.transactionId&&o(e,{children:[` `,o(`a`,{href:`/transactions/${t.transactionId}`,children:[`#`,t.transactionId]})]})]}),o(`td`,{children:o(I,{id:t.id,open:t.state===`ACTIVE`||t.state===`REQUESTED`,onDone:()=>T.reload()})})]},t.id))})]})})]})]})}function I(t){let n=y(N);return o(e,{children:[t.open&&o(h,{label:d(`station.cmd.cancelReservation`,{id:t.id}),question:d(`station.confirm.cancelReservation`,{id:t.id}),disabled:n.running,onConfirm:async()=>{await n.run({reservationId:t.id})&&t.onDone()}}),o(g,{error:n.error}),n.result&&o(u,{status:n.result.cancelReservation.status,children:T(n.result.cancelReservation.status)})]})}a(`
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
`);var L=a(`
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
`),R=a(`
  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {
      status
    }
  }
`),z=a(`
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
`),B=a(`
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
`),V=[`TX_DEFAULT_PROFILE`,`CHARGE_POINT_MAX_PROFILE`,`TX_PROFILE`],H=[`ABSOLUTE`,`RECURRING`,`RELATIVE`];function U({station:n,onChanged:r}){let i=n.id,a=n.connectors,[s,c]=t(!1),l=v(L,{stationId:i,includeEnded:s}),[u,f]=t(`0`),[h,y]=t(`1`),[x,w]=t(`TX_DEFAULT_PROFILE`),[T,O]=t(`0`),[k,A]=t(`ABSOLUTE`),[j,M]=t(`DAILY`),[N,P]=t(`A`),[F,I]=t(``),[U,G]=t(``),[K,ee]=t(``),[q,J]=t([{start:`0`,limit:`16`,phases:``}]),[te,ne]=t(``),[Y,re]=t(``),[ie,ae]=t(``),[oe,se]=t(``),[ce,le]=t(`0`),[ue,X]=t(`3600`),[Z,de]=t(``),Q=(e,t)=>J(n=>n.map((n,r)=>r===e?{...n,...t}:n));return o(e,{children:[o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.setProfile`),doc:R,submit:d(`station.cmd.install`),variables:()=>{let e=q.map(e=>({startPeriod:Number(e.start),limit:Number(e.limit.replace(`,`,`.`)),numberPhases:b(e.phases)}));if([Number(h),Number(T),...e.map(e=>e.startPeriod)].some(e=>!Number.isInteger(e))||e.some(e=>Number.isNaN(e.limit)||Number.isNaN(e.numberPhases)))return null;let t=b(F);return Number.isNaN(t)?null:{stationId:i,connectorId:Number(u),profile:{chargingProfileId:Number(h),stackLevel:Number(T),chargingProfilePurpose:x,chargingProfileKind:k,recurrencyKind:k===`RECURRING`?j:null,transactionId:x===`TX_PROFILE`?t:null,validFrom:E(U),validTo:E(K),chargingSchedule:{chargingRateUnit:N,startSchedule:k===`RELATIVE`?null:new Date().toISOString(),chargingSchedulePeriod:e}}}},invalid:d(`station.invalidNumber`),status:e=>e.setChargingProfile.status,onDone:()=>{l.reload(),r()},children:[o($,{label:d(`station.connectorLabel`),connectors:a,value:u,onChange:f,zero:!0}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.profileId`),children:o(`input`,{required:!0,inputMode:`numeric`,size:6,value:h,onInput:e=>y(e.currentTarget.value)})}),o(p,{label:d(`station.stackLevel`),children:o(`input`,{required:!0,inputMode:`numeric`,size:4,value:T,onInput:e=>O(e.currentTarget.value)})})]}),o(C,{label:d(`station.purpose`),values:V,value:x,onChange:w}),x===`TX_PROFILE`&&o(p,{label:d(`station.transactionIdOptional`),children:o(`input`,{inputMode:`numeric`,value:F,onInput:e=>I(e.currentTarget.value)})}),o(C,{label:d(`station.kind`),values:H,value:k,onChange:A}),k===`RECURRING`&&o(C,{label:d(`station.recurrency`),values:[`DAILY`,`WEEKLY`],value:j,onChange:M}),o(C,{label:d(`station.rateUnit`),values:[`A`,`W`],value:N,onChange:P}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.validFromOptional`),children:o(`input`,{type:`datetime-local`,value:U,onInput:e=>G(e.currentTarget.value)})}),o(p,{label:d(`station.validToOptional`),children:o(`input`,{type:`datetime-local`,value:K,onInput:e=>ee(e.currentTarget.value)})})]}),o(`fieldset`,{children:[o(`legend`,{children:d(`station.periods`)}),q.map((e,t)=>o(`div`,{class:`row`,children:[o(p,{label:d(`station.periodStart`,{n:t+1}),children:o(`input`,{required:!0,inputMode:`numeric`,size:7,value:e.start,onInput:e=>Q(t,{start:e.currentTarget.value})})}),o(p,{label:d(`station.periodLimit`,{n:t+1,unit:N}),children:o(`input`,{required:!0,inputMode:`decimal`,size:7,value:e.limit,onInput:e=>Q(t,{limit:e.currentTarget.value})})}),o(p,{label:d(`station.periodPhases`,{n:t+1}),children:o(`input`,{inputMode:`numeric`,size:3,value:e.phases,onInput:e=>Q(t,{phases:e.currentTarget.value})})}),q.length>1&&o(`button`,{type:`button`,class:`period-remove`,onClick:()=>J(e=>e.filter((e,n)=>n!==t)),children:d(`station.removePeriod`,{n:t+1})})]},t)),q.length<5&&o(`button`,{type:`button`,onClick:()=>J(e=>[...e,{start:String((Number(e[e.length-1]?.start)||0)+3600),limit:e[e.length-1]?.limit??`16`,phases:``}]),children:d(`station.addPeriod`)})]})]}),o(D,{title:d(`station.cmd.clearProfile`),doc:z,submit:d(`station.cmd.clear`),confirm:d(`station.confirm.clearProfile`),danger:!0,description:d(`station.clearProfileHint`),variables:()=>{let e=b(te),t=b(oe);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:i,id:e,connectorId:b(Y),chargingProfilePurpose:ie||null,stackLevel:t}},invalid:d(`station.invalidNumber`),status:e=>e.clearChargingProfile.status,onDone:()=>l.reload(),children:[o(p,{label:d(`station.profileIdOptional`),children:o(`input`,{inputMode:`numeric`,value:te,onInput:e=>ne(e.currentTarget.value)})}),o($,{label:d(`station.connectorLabel`),connectors:a,value:Y,onChange:re,zero:!0,any:!0}),o(C,{label:d(`station.purpose`),values:V,value:ie,onChange:ae,empty:d(`common.all`)}),o(p,{label:d(`station.stackLevelOptional`),children:o(`input`,{inputMode:`numeric`,value:oe,onInput:e=>se(e.currentTarget.value)})})]}),o(D,{title:d(`station.cmd.composite`),doc:B,submit:d(`station.cmd.ask`),variables:()=>{let e=Number(ue);return!Number.isInteger(e)||e<=0?null:{stationId:i,connectorId:Number(ce),duration:e,chargingRateUnit:Z||null}},invalid:d(`station.invalidNumber`),status:e=>e.getCompositeSchedule.status,details:e=>e.getCompositeSchedule.chargingSchedule?o(W,{schedule:e.getCompositeSchedule.chargingSchedule,start:e.getCompositeSchedule.scheduleStart,caption:d(`station.compositeSchedule`)}):null,children:[o($,{label:d(`station.connectorLabel`),connectors:a,value:ce,onChange:le,zero:!0}),o(p,{label:d(`station.durationSeconds`),children:o(`input`,{required:!0,inputMode:`numeric`,value:ue,onInput:e=>X(e.currentTarget.value)})}),o(C,{label:d(`station.rateUnit`),values:[`A`,`W`],value:Z,onChange:de,empty:d(`station.stationChooses`)})]})]}),o(`section`,{class:`card`,"aria-labelledby":`profiles-h`,children:[o(`h3`,{id:`profiles-h`,children:d(`station.profilesHeld`)}),o(`label`,{class:`check`,children:[o(`input`,{type:`checkbox`,checked:s,onChange:e=>c(e.currentTarget.checked)}),` `,d(`station.includeEnded`)]}),o(g,{error:l.error}),l.data&&l.data.chargingProfiles.length===0&&o(`p`,{class:`muted`,children:d(`station.noProfiles`)}),l.data?.chargingProfiles.map(t=>o(`details`,{class:`profile`,children:[o(`summary`,{children:[`#`,t.profile.chargingProfileId,` · `,S(t.profile.chargingProfilePurpose),` ·`,` `,d(`station.stackLevel`),` `,t.profile.stackLevel,` ·`,` `,t.connectorId===0?d(`station.wholeStation`):d(`station.connector`,{n:t.connectorId}),` `,o(_,{value:t.state})]}),o(`dl`,{class:`kv`,children:[o(`dt`,{children:d(`station.kind`)}),o(`dd`,{children:[S(t.profile.chargingProfileKind),t.profile.recurrencyKind&&` (${S(t.profile.recurrencyKind)})`]}),t.profile.transactionId&&o(e,{children:[o(`dt`,{children:d(`station.transaction`)}),o(`dd`,{children:[`#`,t.profile.transactionId]})]}),o(`dt`,{children:d(`station.validity`)}),o(`dd`,{children:[m(t.profile.validFrom),` – `,m(t.profile.validTo)]}),o(`dt`,{children:d(`station.installedAt`)}),o(`dd`,{children:m(t.installedAt)}),t.endedAt&&o(e,{children:[o(`dt`,{children:d(`station.endedAt`)}),o(`dd`,{children:m(t.endedAt)})]})]}),o(W,{schedule:t.profile.chargingSchedule,caption:d(`station.schedule`)})]},t.id))]})]})}function W(e){let t=e.schedule;return o(`div`,{class:`table-wrap`,children:o(`table`,{children:[o(`caption`,{children:[e.caption,`: `,t.chargingRateUnit,(e.start??t.startSchedule)&&` · ${d(`station.from`)} ${m(e.start??t.startSchedule)}`,t.duration!==null&&t.duration!==void 0&&` · ${f(t.duration)}`,t.minChargingRate!==null&&t.minChargingRate!==void 0&&` · min ${l(t.minChargingRate,1)}`]}),o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:d(`station.periodStartCol`)}),o(`th`,{scope:`col`,class:`num`,children:[d(`station.limit`),` (`,t.chargingRateUnit,`)`]}),o(`th`,{scope:`col`,class:`num`,children:d(`station.phases`)})]})}),o(`tbody`,{children:t.chargingSchedulePeriod.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:f(e.startPeriod)}),o(`td`,{class:`num`,children:l(e.limit,1)}),o(`td`,{class:`num`,children:e.numberPhases??`–`})]},e.startPeriod))})]})})}var G=a(`
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
`),K=a(`
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
`),ee=a(`
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
`);function q({station:n,onChanged:r}){let i=n.id,a=v(G,{stationId:i}),[s,c]=t(``),[l,u]=t(()=>w(new Date)),[f,h]=t(``),[_,y]=t(``),[S,C]=t(``),[T,O]=t(``),[k,A]=t(``),[j,M]=t(``),[N,P]=t(``),F=a.data;return o(e,{children:[o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.updateFirmware`),doc:K,submit:d(`common.send`),confirm:d(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(l),t=b(f),n=b(_);return!e||Number.isNaN(t)||Number.isNaN(n)?null:{stationId:i,location:s.trim(),retrieveDate:e,retries:t,retryInterval:n}},invalid:d(`station.invalidNumber`),status:()=>null,details:e=>o(`p`,{class:`notice ok`,role:`status`,children:d(`station.firmwareRequested`,{id:e.updateFirmware.id})}),onDone:()=>{a.reload(),r()},children:[o(p,{label:d(`station.firmwareLocation`),children:o(`input`,{type:`url`,required:!0,value:s,onInput:e=>c(e.currentTarget.value)})}),o(p,{label:d(`station.retrieveDate`),children:o(`input`,{type:`datetime-local`,required:!0,value:l,onInput:e=>u(e.currentTarget.value)})}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.retriesOptional`),children:o(`input`,{inputMode:`numeric`,size:4,value:f,onInput:e=>h(e.currentTarget.value)})}),o(p,{label:d(`station.retryIntervalOptional`),children:o(`input`,{inputMode:`numeric`,size:6,value:_,onInput:e=>y(e.currentTarget.value)})})]})]}),o(D,{title:d(`station.cmd.getDiagnostics`),doc:ee,submit:d(`station.cmd.ask`),variables:()=>{let e=b(j),t=b(N);return Number.isNaN(e)||Number.isNaN(t)?null:{stationId:i,location:x(S),startTime:E(T),stopTime:E(k),retries:e,retryInterval:t}},invalid:d(`station.invalidNumber`),status:()=>null,details:e=>o(`p`,{class:`notice ok`,role:`status`,children:e.getDiagnostics.fileName?d(`station.diagnosticsFile`,{name:e.getDiagnostics.fileName}):d(`station.diagnosticsNoFile`)}),onDone:()=>a.reload(),children:[o(p,{label:d(`station.diagnosticsLocation`),hint:d(`station.diagnosticsLocationHint`),children:o(`input`,{type:`url`,value:S,onInput:e=>C(e.currentTarget.value)})}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.startTimeOptional`),children:o(`input`,{type:`datetime-local`,value:T,onInput:e=>O(e.currentTarget.value)})}),o(p,{label:d(`station.stopTimeOptional`),children:o(`input`,{type:`datetime-local`,value:k,onInput:e=>A(e.currentTarget.value)})})]}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.retriesOptional`),children:o(`input`,{inputMode:`numeric`,size:4,value:j,onInput:e=>M(e.currentTarget.value)})}),o(p,{label:d(`station.retryIntervalOptional`),children:o(`input`,{inputMode:`numeric`,size:6,value:N,onInput:e=>P(e.currentTarget.value)})})]})]})]}),o(g,{error:a.error}),o(`section`,{class:`card`,"aria-labelledby":`fw-list-h`,children:[o(`h3`,{id:`fw-list-h`,children:d(`station.firmwareUpdates`)}),o(`p`,{children:[d(`station.firmwareStatus`),`: `,o(`strong`,{children:n.firmwareStatus??`–`}),` `,o(`span`,{class:`muted`,children:m(n.firmwareStatusAt)})]}),F&&F.firmwareUpdates.length===0&&o(`p`,{class:`muted`,children:d(`station.noneYet`)}),F&&F.firmwareUpdates.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:d(`station.requestedAt`)}),o(`th`,{scope:`col`,children:d(`station.location`)}),o(`th`,{scope:`col`,children:d(`station.retrieveDate`)}),o(`th`,{scope:`col`,children:d(`station.requestedBy`)})]})}),o(`tbody`,{children:F.firmwareUpdates.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:m(e.requestedAt)}),o(`td`,{class:`wrap`,children:e.location}),o(`td`,{children:m(e.retrieveDate)}),o(`td`,{children:e.requestedBy??`–`})]},e.id))})]})})]}),o(`section`,{class:`card`,"aria-labelledby":`diag-list-h`,children:[o(`h3`,{id:`diag-list-h`,children:d(`station.diagnosticsRequests`)}),o(`p`,{children:[d(`station.diagnosticsStatus`),`: `,o(`strong`,{children:n.diagnosticsStatus??`–`}),` `,o(`span`,{class:`muted`,children:m(n.diagnosticsStatusAt)})]}),F&&F.diagnosticsRequests.length===0&&o(`p`,{class:`muted`,children:d(`station.noneYet`)}),F&&F.diagnosticsRequests.length>0&&o(`div`,{class:`table-wrap`,children:o(`table`,{children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:d(`station.requestedAt`)}),o(`th`,{scope:`col`,children:d(`station.location`)}),o(`th`,{scope:`col`,children:d(`station.file`)}),o(`th`,{scope:`col`,children:d(`station.uploadedAt`)})]})}),o(`tbody`,{children:F.diagnosticsRequests.map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:m(e.requestedAt)}),o(`td`,{class:`wrap`,children:e.location}),o(`td`,{children:e.downloadPath?o(J,{path:e.downloadPath,name:e.uploadedName??e.fileName??`diagnostics-${e.id}`,size:e.size}):e.fileName??`–`}),o(`td`,{children:e.uploadedAt?m(e.uploadedAt):e.uploadExpiresAt?d(`station.uploadUntil`,{at:m(e.uploadExpiresAt)}):`–`})]},e.id))})]})})]}),o(`section`,{class:`card`,"aria-labelledby":`notif-h`,children:[o(`h3`,{id:`notif-h`,children:d(`station.statusNotifications`)}),F&&F.statusNotifications.length===0&&o(`p`,{class:`muted`,children:d(`station.noneYet`)}),F&&F.statusNotifications.length>0&&o(`ul`,{children:F.statusNotifications.map((e,t)=>o(`li`,{children:[m(e.at),` · `,e.kind===`FIRMWARE`?d(`station.firmware`):d(`station.diagnostics`),`:`,` `,o(`strong`,{children:e.status})]},t))})]})]})}function J(n){let[i,a]=t(!1),[c,u]=t(null);return o(e,{children:[o(`button`,{type:`button`,class:`link`,disabled:i,onClick:async()=>{a(!0),u(null);try{let e=s.value?.token,t=await fetch(n.path,{headers:e?{authorization:`Bearer ${e}`}:{}});if(!t.ok)throw new r(`HTTP ${t.status}`,t.status===404?`NOT_FOUND`:t.status===403?`FORBIDDEN`:`ERROR`);let i=URL.createObjectURL(await t.blob()),a=document.createElement(`a`);a.href=i,a.download=n.name,document.body.append(a),a.click(),a.remove(),setTimeout(()=>URL.revokeObjectURL(i),1e4)}catch(e){u(e instanceof r?e:new r(String(e),`NETWORK`))}finally{a(!1)}},children:d(`station.download`,{name:n.name})}),n.size!==null&&n.size!==void 0&&o(`span`,{class:`muted`,children:[` (`,d(`station.bytes`,{n:l(n.size)}),`)`]}),o(g,{error:c})]})}var te=a(`
  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {
      status
    }
  }
`),ne=a(`
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
`),Y=a(`
  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {
      status
    }
  }
`),re=a(`
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
`),ie=a(`
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
`),ae=a(`
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
`),oe=a(`
  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {
      status
    }
  }
`),se=a(`
  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`),ce=a(`
  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`),le=a(`
  mutation StationApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`),ue=a(`
  mutation StationReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`),X=[`CENTRAL_SYSTEM_ROOT_CERTIFICATE`,`MANUFACTURER_ROOT_CERTIFICATE`],Z=[...X,`V2G_ROOT_CERTIFICATE`,`MO_ROOT_CERTIFICATE`],de=[...Z,`V2G_CERTIFICATE_CHAIN`];function Q({station:r,onChanged:i}){let a=r.id,s=r.ocppVersion===`OCPP_2_0_1`,c=v(ie,{stationId:a}),[l,u]=t(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[f,h]=t(``),[y,x]=t(`CENTRAL_SYSTEM_ROOT_CERTIFICATE`),[S,T]=t({hashAlgorithm:`SHA256`,issuerNameHash:``,issuerKeyHash:``,serialNumber:``}),[O,k]=t(`DIAGNOSTICS_LOG`),[A,j]=t(``),[M,N]=t(``),[P,F]=t(``),[I,L]=t({location:``,retrieve:w(new Date),install:``,signature:``,signingCertificate:``}),[R,z]=t(``),[B,V]=t(``),[H,U]=t(String(r.securityProfile)),[W,G]=t(``),[K,ee]=t(!0),q=c.data;return o(e,{children:[o(`h3`,{class:`group-h`,children:d(`station.registrationGroup`)}),o(`div`,{class:`command-grid`,children:o(me,{stationId:a,status:r.registrationStatus,onChanged:i})}),o(`h3`,{class:`group-h`,children:d(`station.certificates`)}),o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.installCertificate`),doc:te,submit:d(`station.cmd.install`),variables:()=>({stationId:a,certificateType:l,certificate:f.trim()}),status:e=>e.installCertificate.status,children:[o(C,{label:d(`station.certificateType`),values:s?Z:X,value:l,onChange:u}),o(p,{label:d(`station.certificatePem`),children:o(`textarea`,{required:!0,rows:5,class:`mono`,value:f,placeholder:`-----BEGIN CERTIFICATE-----`,onInput:e=>h(e.currentTarget.value)})})]}),o(D,{title:d(`station.cmd.installedCertificates`),doc:ne,submit:d(`station.cmd.ask`),variables:()=>({stationId:a,certificateType:y}),status:e=>e.getInstalledCertificateIds.status,details:e=>e.getInstalledCertificateIds.certificateHashData.length>0&&o(`ul`,{class:`cert-list`,children:e.getInstalledCertificateIds.certificateHashData.map(e=>o(`li`,{children:[o(fe,{h:e}),o(pe,{stationId:a,h:e})]},e.serialNumber+e.issuerNameHash))}),children:o(C,{label:d(`station.certificateType`),values:s?de:X,value:y,onChange:x})}),o(D,{title:d(`station.cmd.deleteCertificate`),doc:Y,submit:d(`station.cmd.delete`),confirm:d(`station.confirm.deleteCertificate`),danger:!0,description:d(`station.deleteCertificateHint`),variables:()=>({stationId:a,certificateHashData:{...S}}),status:e=>e.deleteCertificate.status,children:[o(C,{label:d(`station.hashAlgorithm`),values:[`SHA256`,`SHA384`,`SHA512`],value:S.hashAlgorithm,onChange:e=>T({...S,hashAlgorithm:e})}),o(p,{label:d(`station.issuerNameHash`),children:o(`input`,{required:!0,maxLength:128,value:S.issuerNameHash,onInput:e=>T({...S,issuerNameHash:e.currentTarget.value})})}),o(p,{label:d(`station.issuerKeyHash`),children:o(`input`,{required:!0,maxLength:128,value:S.issuerKeyHash,onInput:e=>T({...S,issuerKeyHash:e.currentTarget.value})})}),o(p,{label:d(`station.serialNumber`),children:o(`input`,{required:!0,maxLength:40,value:S.serialNumber,onInput:e=>T({...S,serialNumber:e.currentTarget.value})})})]}),o(D,{title:d(`station.cmd.certificateSigned`),doc:oe,submit:d(`common.send`),description:d(`station.certificateSignedHint`),variables:()=>{let e=b(B);return Number.isNaN(e)?null:{stationId:a,certificateChain:R.trim(),requestId:e}},invalid:d(`station.invalidNumber`),status:e=>e.certificateSigned.status,onDone:()=>c.reload(),children:[o(p,{label:d(`station.csrIdOptional`),children:o(`select`,{value:B,onChange:e=>V(e.currentTarget.value),children:[o(`option`,{value:``,children:d(`station.newestPendingCsr`)}),q?.certificateSigningRequests.nodes.map(e=>o(`option`,{value:String(e.id),children:[`#`,e.id,` · `,e.commonName??`–`,` · `,e.state??`–`,` · `,m(e.receivedAt)]},e.id))]})}),o(p,{label:d(`station.certificateChain`),children:o(`textarea`,{required:!0,rows:5,class:`mono`,value:R,onInput:e=>z(e.currentTarget.value)})})]})]}),o(`h3`,{class:`group-h`,children:d(`station.logsAndFirmware`)}),o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.getLog`),doc:re,submit:d(`station.cmd.ask`),variables:()=>({stationId:a,logType:O,remoteLocation:A.trim(),oldestTimestamp:E(M),latestTimestamp:E(P)}),status:e=>e.getLog.status,details:t=>o(`p`,{children:[d(`station.logRequestId`,{id:t.getLog.requestId}),t.getLog.filename&&o(e,{children:[` · `,t.getLog.filename]})]}),onDone:()=>c.reload(),children:[o(C,{label:d(`station.logType`),values:[`DIAGNOSTICS_LOG`,`SECURITY_LOG`],value:O,onChange:k}),o(p,{label:d(`station.remoteLocation`),children:o(`input`,{type:`url`,required:!0,value:A,onInput:e=>j(e.currentTarget.value)})}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.oldestOptional`),children:o(`input`,{type:`datetime-local`,value:M,onInput:e=>N(e.currentTarget.value)})}),o(p,{label:d(`station.latestOptional`),children:o(`input`,{type:`datetime-local`,value:P,onInput:e=>F(e.currentTarget.value)})})]})]}),o(D,{title:d(`station.cmd.signedUpdateFirmware`),doc:ae,submit:d(`common.send`),confirm:d(`station.confirm.firmware`),danger:!0,variables:()=>{let e=E(I.retrieve);return e?{stationId:a,firmware:{location:I.location.trim(),retrieveDateTime:e,installDateTime:E(I.install),signature:I.signature.trim(),signingCertificate:I.signingCertificate.trim()}}:null},invalid:d(`station.invalidDate`),status:e=>e.signedUpdateFirmware.status,details:e=>o(`p`,{children:d(`station.logRequestId`,{id:e.signedUpdateFirmware.requestId})}),onDone:()=>c.reload(),children:[o(p,{label:d(`station.firmwareLocation`),children:o(`input`,{type:`url`,required:!0,maxLength:512,value:I.location,onInput:e=>L({...I,location:e.currentTarget.value})})}),o(`div`,{class:`row`,children:[o(p,{label:d(`station.retrieveDate`),children:o(`input`,{type:`datetime-local`,required:!0,value:I.retrieve,onInput:e=>L({...I,retrieve:e.currentTarget.value})})}),o(p,{label:d(`station.installDateOptional`),children:o(`input`,{type:`datetime-local`,value:I.install,onInput:e=>L({...I,install:e.currentTarget.value})})})]}),o(p,{label:d(`station.signature`),children:o(`textarea`,{required:!0,rows:2,class:`mono`,maxLength:800,value:I.signature,onInput:e=>L({...I,signature:e.currentTarget.value})})}),o(p,{label:d(`station.signingCertificate`),children:o(`textarea`,{required:!0,rows:4,class:`mono`,maxLength:5500,value:I.signingCertificate,onInput:e=>L({...I,signingCertificate:e.currentTarget.value})})})]})]}),o(g,{error:c.error}),o(`section`,{class:`card`,"aria-labelledby":`log-req-h`,children:[o(`h3`,{id:`log-req-h`,children:d(`station.logRequests`)}),q&&q.logRequests.nodes.length===0&&o(`p`,{class:`muted`,children:d(`station.noneYet`)}),q&&q.logRequests.nodes.length>0&&o(`ul`,{class:`requests`,children:q.logRequests.nodes.map(t=>o(`li`,{children:[o(`strong`,{children:[`#`,t.requestId]}),` `,t.logType&&o(e,{children:[t.logType,` · `]}),m(t.requestedAt),` · `,t.requestedBy,` · `,o(_,{value:t.status??`–`}),t.error&&o(`span`,{class:`muted`,children:[` · `,t.error]}),t.filename&&o(`span`,{class:`muted`,children:[` · `,t.filename]}),t.statusNotifications.length>0&&o(`span`,{children:[` `,`→ `,t.statusNotifications.map(e=>`${e.status??`?`} (${m(e.receivedAt)})`).join(`, `)]})]},t.id))})]}),o(`section`,{class:`card`,"aria-labelledby":`sfw-req-h`,children:[o(`h3`,{id:`sfw-req-h`,children:d(`station.signedFirmwareUpdates`)}),q&&q.signedFirmwareUpdates.nodes.length===0&&o(`p`,{class:`muted`,children:d(`station.noneYet`)}),q&&q.signedFirmwareUpdates.nodes.length>0&&o(`ul`,{class:`requests`,children:q.signedFirmwareUpdates.nodes.map(e=>o(`li`,{children:[o(`strong`,{children:[`#`,e.requestId]}),` `,m(e.requestedAt),` · `,e.requestedBy,` ·`,` `,o(_,{value:e.status??`–`}),` `,o(`span`,{class:`wrap`,children:e.location}),e.error&&o(`span`,{class:`muted`,children:[` · `,e.error]}),e.statusNotifications.length>0&&o(`span`,{children:[` `,`→ `,e.statusNotifications.map(e=>`${e.status??`?`} (${m(e.receivedAt)})`).join(`, `)]})]},e.id))})]}),o(`h3`,{class:`group-h`,children:d(`station.securityProfileGroup`)}),o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.setSecurityProfile`),doc:se,submit:d(`common.save`),confirm:d(`station.confirm.securityProfile`,{n:H}),danger:!0,disabled:!n.value,description:n.value?d(`station.securityProfileHint`):d(`station.adminsOnly`),variables:()=>({stationId:a,profile:Number(H)}),status:()=>null,details:e=>o(`p`,{class:`notice ok`,role:`status`,children:d(`station.securityProfileSet`,{n:e.setStationSecurityProfile.securityProfile})}),onDone:()=>i(),children:o(`label`,{class:`field`,children:[o(`span`,{children:d(`station.securityProfile`)}),o(`select`,{value:H,disabled:!n.value,onChange:e=>U(e.currentTarget.value),children:[0,1,2,3].map(e=>o(`option`,{value:String(e),children:e},e))})]})}),o(D,{title:d(`station.cmd.setAuthorizationKey`),doc:ce,submit:d(`common.save`),confirm:d(`station.confirm.authorizationKey`),danger:!0,description:d(`station.authorizationKeyHint`),variables:()=>({stationId:a,key:W.trim(),sendToStation:K}),status:e=>e.setStationAuthorizationKey.status,details:e=>e.setStationAuthorizationKey.status===null||e.setStationAuthorizationKey.status===void 0?o(`p`,{class:`notice ok`,role:`status`,children:d(`station.authorizationKeyStored`)}):null,onDone:()=>{G(``),i()},children:[o(p,{label:d(`station.authorizationKey`),hint:d(`station.authorizationKeyFormat`),children:o(`input`,{required:!0,class:`mono`,autoComplete:`off`,pattern:`[0-9a-fA-F]{32,40}`,value:W,onInput:e=>G(e.currentTarget.value)})}),o(`label`,{class:`check`,children:[o(`input`,{type:`checkbox`,checked:K,onChange:e=>ee(e.currentTarget.checked)}),` `,d(`station.sendToStation`)]})]})]})]})}function fe({h:e}){return o(`dl`,{class:`kv`,children:[o(`dt`,{children:d(`station.serialNumber`)}),o(`dd`,{children:o(`code`,{children:e.serialNumber})}),o(`dt`,{children:d(`station.hashAlgorithm`)}),o(`dd`,{children:e.hashAlgorithm}),o(`dt`,{children:d(`station.issuerNameHash`)}),o(`dd`,{children:o(`code`,{children:e.issuerNameHash})}),o(`dt`,{children:d(`station.issuerKeyHash`)}),o(`dd`,{children:o(`code`,{children:e.issuerKeyHash})})]})}function pe(e){let t=y(Y);return o(`div`,{children:[o(h,{label:d(`station.deleteCertificate`,{serial:e.h.serialNumber}),question:d(`station.confirm.deleteCertificate`),danger:!0,disabled:t.running,onConfirm:()=>void t.run({stationId:e.stationId,certificateHashData:{...e.h}})}),o(g,{error:t.error}),t.result&&o(u,{status:t.result.deleteCertificate.status,children:T(t.result.deleteCertificate.status)})]})}function me(e){let t=y(le),n=y(ue),r=e=>o(`p`,{class:`notice ok`,role:`status`,children:d(`station.registrationNow`,{status:e??`–`})});return o(`section`,{class:`card command`,"aria-labelledby":`registration-h`,children:[o(`h3`,{id:`registration-h`,children:d(`station.registration`)}),o(`p`,{children:[d(`station.registrationIs`),` `,o(_,{value:e.status})]}),o(`p`,{class:`muted`,children:d(`station.registrationHint`)}),o(`div`,{class:`row`,children:[o(`button`,{type:`button`,class:`primary`,disabled:t.running||e.status===`ACCEPTED`,onClick:async()=>{n.reset(),await t.run({id:e.stationId})&&e.onChanged()},children:d(`station.cmd.approve`)}),o(h,{label:d(`station.cmd.reject`),question:d(`station.confirm.reject`),danger:!0,disabled:n.running||e.status===`REJECTED`,onConfirm:async()=>{t.reset(),await n.run({id:e.stationId})&&e.onChanged()}})]}),o(g,{error:t.error??n.error}),t.result&&r(t.result.approveStation.registrationStatus),n.result&&r(n.result.rejectStation.registrationStatus)]})}var he=[`control`,`authorization`,`charging`,`firmware`,`security`];function ge(e){switch(e){case`control`:return d(`station.group.control`);case`authorization`:return d(`station.group.authorization`);case`charging`:return d(`station.group.charging`);case`firmware`:return d(`station.group.firmware`);case`security`:return d(`station.group.security`)}}function _e(e){let t=c(),n=he.includes(t.query.group??``)?t.query.group:`control`;return i.value?o(`section`,{"aria-labelledby":`commands-h`,class:`commands`,children:[o(`h2`,{id:`commands-h`,children:d(`station.commands`)}),!e.station.connected&&o(`p`,{class:`notice warn`,children:d(`station.offlineNote`)}),o(`nav`,{"aria-label":d(`station.commandGroups`),children:o(`ul`,{class:`subtabs`,children:he.map(e=>o(`li`,{children:o(`a`,{href:`${t.path}?group=${e}`,"aria-current":e===n?`page`:void 0,children:ge(e)})},e))})}),n===`control`&&o(ke,{...e}),n===`authorization`&&o(F,{...e}),n===`charging`&&o(U,{...e}),n===`firmware`&&o(q,{...e}),n===`security`&&o(Q,{...e})]}):o(`section`,{"aria-labelledby":`commands-h`,children:[o(`h2`,{id:`commands-h`,children:d(`station.commands`)}),o(`p`,{class:`notice warn`,children:d(`station.operatorsOnly`)})]})}function $(e){let t=e.connectors.map(e=>e.connectorId).filter(e=>e>0);return t.length===0&&t.push(1),o(`label`,{class:`field`,children:[o(`span`,{children:e.label}),o(`select`,{value:e.value,onChange:t=>e.onChange(t.currentTarget.value),children:[e.any&&o(`option`,{value:``,children:d(`station.anyConnector`)}),e.zero&&o(`option`,{value:`0`,children:d(`station.wholeStation`)}),t.map(e=>o(`option`,{value:String(e),children:d(`station.connector`,{n:e})},e))]})]})}var ve=a(`
  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {
      status
    }
  }
`),ye=a(`
  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
      status
    }
  }
`),be=a(`
  mutation StationReset($stationId: ID!, $type: ResetType!) {
    reset(stationId: $stationId, type: $type) {
      status
    }
  }
`),xe=a(`
  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
    unlockConnector(stationId: $stationId, connectorId: $connectorId) {
      status
    }
  }
`),Se=a(`
  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {
      status
    }
  }
`),Ce=a(`
  mutation StationClearCache($stationId: ID!) {
    clearCache(stationId: $stationId) {
      status
    }
  }
`),we=a(`
  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),Te=a(`
  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`),Ee=a(`
  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {
      status
      data
    }
  }
`),De=[`BOOT_NOTIFICATION`,`DIAGNOSTICS_STATUS_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`METER_VALUES`,`STATUS_NOTIFICATION`],Oe=[`BOOT_NOTIFICATION`,`FIRMWARE_STATUS_NOTIFICATION`,`HEARTBEAT`,`LOG_STATUS_NOTIFICATION`,`METER_VALUES`,`SIGN_CHARGE_POINT_CERTIFICATE`,`STATUS_NOTIFICATION`];function ke({station:n,onChanged:r}){let i=n.id,a=n.connectors,s=a.flatMap(e=>e.currentTransaction?[e.currentTransaction]:[]),c=String(a.find(e=>e.connectorId>0)?.connectorId??1),[l,u]=t(``),[f,m]=t(``),[h,g]=t(``),[_,v]=t(`SOFT`),[y,S]=t(c),[w,T]=t(`0`),[E,O]=t(`INOPERATIVE`),[k,A]=t(`STATUS_NOTIFICATION`),[j,M]=t(``),[N,P]=t(`STATUS_NOTIFICATION`),[F,I]=t(``),[L,R]=t(``),[z,B]=t(``),[V,H]=t(``),U=h||(s[0]?String(s[0].id):``);return o(`div`,{class:`command-grid`,children:[o(D,{title:d(`station.cmd.remoteStart`),doc:ve,submit:d(`station.cmd.start`),variables:()=>({stationId:i,idTag:l.trim(),connectorId:b(f)}),status:e=>e.remoteStartTransaction.status,children:[o(p,{label:d(`station.idTag`),children:o(`input`,{required:!0,value:l,maxLength:20,onInput:e=>u(e.currentTarget.value)})}),o($,{label:d(`station.connectorLabel`),connectors:a,value:f,onChange:m,any:!0})]}),o(D,{title:d(`station.cmd.remoteStop`),doc:ye,submit:d(`station.cmd.stop`),confirm:d(`station.confirm.stop`),danger:!0,disabled:s.length===0,variables:()=>U?{stationId:i,transactionId:Number(U)}:null,status:e=>e.remoteStopTransaction.status,onDone:()=>r(),children:s.length===0?o(`p`,{class:`muted`,children:d(`station.noRunning`)}):o(`label`,{class:`field`,children:[o(`span`,{children:d(`station.transaction`)}),o(`select`,{value:U,onChange:e=>g(e.currentTarget.value),children:s.map(e=>o(`option`,{value:String(e.id),children:d(`station.runningTx`,{id:e.id,n:e.connectorId,tag:e.idTag})},e.id))})]})}),o(D,{title:d(`station.cmd.reset`),doc:be,submit:d(`station.cmd.reset`),confirm:d(_===`HARD`?`station.confirm.hardReset`:`station.confirm.softReset`),danger:!0,variables:()=>({stationId:i,type:_}),status:e=>e.reset.status,children:o(`fieldset`,{children:[o(`legend`,{children:d(`station.resetType`)}),o(`label`,{class:`check`,children:[o(`input`,{type:`radio`,name:`reset`,checked:_===`SOFT`,onChange:()=>v(`SOFT`)}),` `,d(`station.resetSoft`)]}),o(`label`,{class:`check`,children:[o(`input`,{type:`radio`,name:`reset`,checked:_===`HARD`,onChange:()=>v(`HARD`)}),` `,d(`station.resetHard`)]})]})}),o(D,{title:d(`station.cmd.unlock`),doc:xe,submit:d(`station.cmd.unlock`),confirm:d(`station.confirm.unlock`,{n:y}),danger:!0,variables:()=>({stationId:i,connectorId:Number(y)}),status:e=>e.unlockConnector.status,children:o($,{label:d(`station.connectorLabel`),connectors:a,value:y,onChange:S})}),o(D,{title:d(`station.cmd.availability`),doc:Se,submit:d(`station.cmd.changeAvailability`),confirm:E===`INOPERATIVE`?d(`station.confirm.inoperative`):void 0,danger:E===`INOPERATIVE`,variables:()=>({stationId:i,connectorId:Number(w),type:E}),status:e=>e.changeAvailability.status,onDone:()=>r(),children:[o($,{label:d(`station.connectorLabel`),connectors:a,value:w,onChange:T,zero:!0}),o(C,{label:d(`station.availabilityType`),values:[`OPERATIVE`,`INOPERATIVE`],value:E,onChange:O})]}),o(D,{title:d(`station.cmd.clearCache`),doc:Ce,submit:d(`station.cmd.clearCache`),confirm:d(`station.confirm.clearCache`),danger:!0,description:d(`station.clearCacheHint`),variables:()=>({stationId:i}),status:e=>e.clearCache.status}),o(D,{title:d(`station.cmd.trigger`),doc:we,submit:d(`station.cmd.triggerSend`),variables:()=>({stationId:i,requestedMessage:k,connectorId:b(j)}),status:e=>e.triggerMessage.status,children:[o(C,{label:d(`station.requestedMessage`),values:De,value:k,onChange:A}),o($,{label:d(`station.connectorLabel`),connectors:a,value:j,onChange:M,any:!0})]}),o(D,{title:d(`station.cmd.extendedTrigger`),doc:Te,submit:d(`station.cmd.triggerSend`),variables:()=>({stationId:i,requestedMessage:N,connectorId:b(F)}),status:e=>e.extendedTriggerMessage.status,children:[o(C,{label:d(`station.requestedMessage`),values:Oe,value:N,onChange:P}),o($,{label:d(`station.connectorLabel`),connectors:a,value:F,onChange:I,any:!0})]}),o(D,{title:d(`station.cmd.dataTransfer`),doc:Ee,submit:d(`common.send`),variables:()=>({stationId:i,vendorId:L.trim(),messageId:x(z),data:V||null}),status:e=>e.dataTransfer.status,details:t=>t.dataTransfer.data!==null&&t.dataTransfer.data!==void 0?o(e,{children:[o(`p`,{children:d(`station.dataAnswer`)}),o(`pre`,{class:`card`,children:t.dataTransfer.data})]}):null,children:[o(p,{label:d(`station.vendorId`),children:o(`input`,{required:!0,maxLength:255,value:L,onInput:e=>R(e.currentTarget.value)})}),o(p,{label:d(`station.messageIdOptional`),children:o(`input`,{maxLength:50,value:z,onInput:e=>B(e.currentTarget.value)})}),o(p,{label:d(`station.dataOptional`),children:o(`textarea`,{rows:3,value:V,onInput:e=>H(e.currentTarget.value)})})]})]})}export{_e as Commands};