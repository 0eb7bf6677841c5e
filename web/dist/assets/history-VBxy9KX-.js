import{O as e,p as t,t as n,u as r}from"./jsxRuntime-DPkzGEFM.js";import{n as i,t as a}from"./csv-BcCX77dE.js";import{S as o,_ as s,a as c,b as l,c as u,d,g as f,h as p,i as m,m as h,u as g,v as _,x as v,y}from"./app-C5lxgyI9.js";var b=t(`
  query AppHistory($first: Int!, $after: String) {
    transactions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        stationId
        connectorId
        idTag
        active
        startTime
        stopTime
        energyWh
        durationSeconds
        station {
          displayName
        }
      }
    }
  }
`),x=t(`
  query AppMonths($from: DateTime!, $to: DateTime!) {
    usage(from: $from, to: $to, groupBy: MONTH) {
      periods {
        start
        totals {
          energyKwh
          sessions
          chargingSeconds
        }
      }
    }
  }
`),S=t(`
  mutation AppCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`),C=20,w=1e4;function T(e){let t=new Date;return new Date(Date.UTC(t.getUTCFullYear(),t.getUTCMonth()-e,1)).toISOString()}function E(){let[t]=e(()=>({from:T(11),to:T(-1)})),r=f(x,t),i=(r.data?.usage.periods??[]).filter(e=>e.totals.sessions>0||e.totals.energyKwh>0).reverse();return n(`section`,{"aria-labelledby":`months-title`,children:[n(`h2`,{id:`months-title`,children:o(`history.months`)}),n(u,{error:r.error}),r.data&&!i.length&&n(`p`,{class:`muted`,children:o(`history.none`)}),i.length>0&&n(`table`,{class:`months`,"data-testid":`months`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{scope:`col`,children:o(`history.month`)}),n(`th`,{scope:`col`,children:o(`history.sessions`)}),n(`th`,{scope:`col`,children:o(`session.energy`)})]})}),n(`tbody`,{children:i.map(e=>n(`tr`,{children:[n(`th`,{scope:`row`,children:l(e.start)}),n(`td`,{children:v(e.totals.sessions)}),n(`td`,{children:y(e.totals.energyKwh*1e3)})]},e.start))})]})]})}function D(){let t=p(S),[i,a]=e(null),l=m(r.value?.sub);return!l.length&&!i?null:n(`section`,{"aria-labelledby":`reservations-title`,children:[n(`h2`,{id:`reservations-title`,children:o(`history.reservations`)}),n(`ul`,{class:`cards`,children:l.map(e=>n(`li`,{class:`card`,"data-testid":`reservation-${e.id}`,children:[n(`strong`,{children:e.stationId}),n(`span`,{children:[o(`home.connector`,{n:e.connectorId}),` · `,e.idTag]}),n(`span`,{class:`muted`,children:o(`history.reservedUntil`,{time:s(e.expiryDate)})}),n(`button`,{type:`button`,disabled:t.running,onClick:async()=>{a(null);let n=await t.run({reservationId:e.id});n?(a({id:e.id,status:n.cancelReservation.status}),n.cancelReservation.status===`ACCEPTED`&&c(e.id)):t.error?.code===`NOT_FOUND`&&c(e.id)},children:o(`history.cancelReservation`)})]},e.id))}),n(u,{error:t.error}),i&&n(g,{kind:i.status===`ACCEPTED`?`ok`:`warn`,children:o(i.status===`ACCEPTED`?`history.cancelled`:`history.cancelRejected`,{id:i.id})})]})}function O(){let[t,r]=e([null]),c=f(b,{first:C,after:t[t.length-1]}),[l,p]=e(!1),[m,g]=e(null),v=c.data?.transactions,x=async()=>{p(!0),g(null);try{let e=[],t=null;for(;;){let n=await h(b,{first:500,after:t});for(let t of n.transactions.nodes)e.push([t.id,t.stationId,t.station?.displayName??``,t.connectorId,t.idTag,t.startTime,t.stopTime??``,t.energyWh??``,t.durationSeconds]);if(!n.transactions.pageInfo.hasNextPage||e.length>=w)break;t=n.transactions.pageInfo.endCursor??null}a(`chargegate-sessions-${new Date().toISOString().slice(0,10)}.csv`,i([`transaction`,`station`,`station_name`,`connector`,`id_tag`,`start`,`stop`,`energy_wh`,`duration_s`],e.slice(0,w)))}catch(e){g(e)}finally{p(!1)}};return n(d,{title:o(`history.title`),children:[n(D,{}),n(`section`,{"aria-labelledby":`sessions-title`,children:[n(`div`,{class:`row`,children:[n(`h2`,{id:`sessions-title`,children:o(`history.sessionsTitle`)}),n(`button`,{type:`button`,disabled:l||!v?.totalCount,onClick:()=>void x(),children:o(l?`common.loading`:`history.csv`)})]}),n(u,{error:c.error??m}),c.loading&&!v&&n(`p`,{class:`muted`,children:o(`common.loading`)}),v&&!v.nodes.length&&n(`p`,{class:`muted`,children:o(`history.none`)}),v&&v.nodes.length>0&&n(`ul`,{class:`cards history`,"data-testid":`history`,children:v.nodes.map(e=>n(`li`,{children:n(`a`,{class:`card link-card`,href:`/app/session/${e.id}`,"data-testid":`history-${e.id}`,children:[n(`span`,{class:`row`,children:[n(`strong`,{children:e.station?.displayName??e.stationId}),n(`span`,{class:`big`,children:y(e.energyWh)})]}),n(`span`,{class:`row muted`,children:[n(`span`,{children:s(e.startTime)}),n(`span`,{children:e.active?o(`history.running`):_(e.durationSeconds)})]})]})},e.id))}),v&&(v.pageInfo.hasNextPage||t.length>1)&&n(`nav`,{class:`pager`,"aria-label":o(`common.pages`),children:[n(`button`,{type:`button`,disabled:t.length<=1,onClick:()=>r(t.slice(0,-1)),children:o(`history.newer`)}),n(`span`,{class:`muted`,children:o(`home.count`,{n:v.totalCount})}),n(`button`,{type:`button`,disabled:!v.pageInfo.hasNextPage,onClick:()=>r([...t,v.pageInfo.endCursor??null]),children:o(`history.older`)})]})]}),n(E,{})]})}export{O as History};