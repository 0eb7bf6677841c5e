import{A as e,O as t,o as n,p as r,t as i}from"./jsxRuntime-DPkzGEFM.js";import{a,b as o,i as s,r as c}from"./console-YlmL2Q8V.js";import{n as l,t as u}from"./hooks-B890TPRV.js";var d=r(`
  query StationDeviceModel($id: ID!, $component: String, $after: String) {
    station(id: $id) {
      deviceModel(component: $component, first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          component
          componentInstance
          evseId
          connectorId
          variable
          variableInstance
          attributeType
          value
          mutability
          unit
        }
      }
    }
  }
`),f=r(`
  mutation StationFullReport($stationId: ID!) {
    getBaseReport(stationId: $stationId, reportBase: FULL_INVENTORY) {
      status
      requestId
    }
  }
`);function p(r){let[p,m]=t(``),[h,g]=t(null),_=l(d,{id:r.stationId,component:p.trim()||null,after:h}),v=u(f),y=_.data?.station?.deviceModel;if(!n.value)return i(`section`,{"aria-labelledby":`model-h`,children:[i(`h2`,{id:`model-h`,children:o(`station.deviceModel`)}),i(`p`,{class:`notice warn`,children:o(`station.operatorsOnly`)})]});let b=async()=>{await v.run({stationId:r.stationId})&&setTimeout(()=>_.reload(),3e3)},x=e=>[e.evseId?o(`station.modelEvse`,{n:e.evseId}):``,e.connectorId?o(`station.modelConnector`,{n:e.connectorId}):``].filter(Boolean).join(` · `);return i(`section`,{"aria-labelledby":`model-h`,children:[i(`h2`,{id:`model-h`,children:o(`station.deviceModel`)}),i(`p`,{class:`muted`,children:o(`station.deviceModelIntro`)}),!r.connected&&i(`p`,{class:`notice warn`,children:o(`station.offlineNote`)}),i(`div`,{class:`filters`,children:[i(s,{label:o(`station.modelComponent`),children:i(`input`,{type:`search`,value:p,onInput:e=>{m(e.currentTarget.value),g(null)}})}),i(`button`,{type:`button`,onClick:b,disabled:v.running||!r.connected,children:o(`station.modelFullReport`)})]}),v.result&&i(a,{status:v.result.getBaseReport.status,children:o(`station.modelReportAnswer`,{status:v.result.getBaseReport.status})}),i(c,{error:v.error??_.error}),y&&i(e,{children:[i(`p`,{class:`muted`,role:`status`,children:o(`station.modelCount`,{n:y.totalCount})}),y.nodes.length>0&&i(`div`,{class:`table-wrap`,children:i(`table`,{"data-testid":`device-model`,children:[i(`caption`,{class:`sr-only`,children:o(`station.deviceModel`)}),i(`thead`,{children:i(`tr`,{children:[i(`th`,{scope:`col`,children:o(`station.modelComponent`)}),i(`th`,{scope:`col`,children:o(`station.modelVariable`)}),i(`th`,{scope:`col`,children:o(`station.modelValue`)}),i(`th`,{scope:`col`,children:o(`station.modelMutability`)})]})}),i(`tbody`,{children:y.nodes.map(e=>i(`tr`,{children:[i(`td`,{children:[e.component,e.componentInstance&&i(`span`,{class:`muted`,children:[` (`,e.componentInstance,`)`]}),x(e)&&i(`span`,{class:`muted`,children:[` · `,x(e)]})]}),i(`td`,{children:[e.variable,e.variableInstance&&i(`span`,{class:`muted`,children:[` (`,e.variableInstance,`)`]}),e.attributeType&&e.attributeType!==`ACTUAL`&&i(`span`,{class:`muted`,children:[` · `,e.attributeType.toLowerCase()]})]}),i(`td`,{children:[e.value??i(`span`,{class:`muted`,children:`–`}),e.unit&&i(`span`,{class:`muted`,children:[` `,e.unit]})]}),i(`td`,{children:e.mutability?e.mutability.replaceAll(`_`,` `).toLowerCase():i(`span`,{class:`muted`,children:`–`})})]},`${e.component}/${e.componentInstance}/${e.evseId}/${e.connectorId}/${e.variable}/${e.variableInstance}/${e.attributeType}`))})]})}),y.pageInfo.hasNextPage&&i(`button`,{type:`button`,onClick:()=>g(y.pageInfo.endCursor??null),children:o(`station.modelMore`)})]})]})}export{p as DeviceModel};