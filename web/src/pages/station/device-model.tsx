// An OCPP 2.0.1 station's device model, in place of 1.6's configuration: the variables its
// reports filled in (NotifyReport, kept by the server), filtered by component, a page at a
// time, and a button that asks the station for a full report (GetBaseReport).
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useMutation, useQuery } from "../../lib/hooks";
import { canOperate } from "../../lib/session";
import { ErrorNotice, Field, Outcome } from "../../lib/ui";

const DeviceModelQuery = graphql(`
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
`);

const FullReport = graphql(`
  mutation StationFullReport($stationId: ID!) {
    getBaseReport(stationId: $stationId, reportBase: FULL_INVENTORY) {
      status
      requestId
    }
  }
`);

export function DeviceModel(props: { stationId: string; connected: boolean }) {
  const [component, setComponent] = useState("");
  const [after, setAfter] = useState<string | null>(null);
  const q = useQuery(DeviceModelQuery, { id: props.stationId, component: component.trim() || null, after });
  const report = useMutation(FullReport);
  const model = q.data?.station?.deviceModel;

  if (!canOperate.value) {
    return (
      <section aria-labelledby="model-h">
        <h2 id="model-h">{t("station.deviceModel")}</h2>
        <p class="notice warn">{t("station.operatorsOnly")}</p>
      </section>
    );
  }

  const ask = async () => {
    const r = await report.run({ stationId: props.stationId });
    // The report arrives in parts over the next seconds; read again once it may be in.
    if (r) setTimeout(() => q.reload(), 3000);
  };
  const where = (n: { evseId?: number | null; connectorId?: number | null }) =>
    [n.evseId ? t("station.modelEvse", { n: n.evseId }) : "", n.connectorId ? t("station.modelConnector", { n: n.connectorId }) : ""]
      .filter(Boolean)
      .join(" · ");

  return (
    <section aria-labelledby="model-h">
      <h2 id="model-h">{t("station.deviceModel")}</h2>
      <p class="muted">{t("station.deviceModelIntro")}</p>
      {!props.connected && <p class="notice warn">{t("station.offlineNote")}</p>}
      <div class="filters">
        <Field label={t("station.modelComponent")}>
          <input
            type="search"
            value={component}
            onInput={(e) => {
              setComponent(e.currentTarget.value);
              setAfter(null);
            }}
          />
        </Field>
        <button type="button" onClick={ask} disabled={report.running || !props.connected}>
          {t("station.modelFullReport")}
        </button>
      </div>
      {report.result && (
        <Outcome status={report.result.getBaseReport.status}>
          {t("station.modelReportAnswer", { status: report.result.getBaseReport.status })}
        </Outcome>
      )}
      <ErrorNotice error={report.error ?? q.error} />
      {model && (
        <>
          <p class="muted" role="status">
            {t("station.modelCount", { n: model.totalCount })}
          </p>
          {model.nodes.length > 0 && (
            <div class="table-wrap">
              <table data-testid="device-model">
                <caption class="sr-only">{t("station.deviceModel")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("station.modelComponent")}</th>
                    <th scope="col">{t("station.modelVariable")}</th>
                    <th scope="col">{t("station.modelValue")}</th>
                    <th scope="col">{t("station.modelMutability")}</th>
                  </tr>
                </thead>
                <tbody>
                  {model.nodes.map((n) => (
                    <tr
                      key={`${n.component}/${n.componentInstance}/${n.evseId}/${n.connectorId}/${n.variable}/${n.variableInstance}/${n.attributeType}`}
                    >
                      <td>
                        {n.component}
                        {n.componentInstance && <span class="muted"> ({n.componentInstance})</span>}
                        {where(n) && <span class="muted"> · {where(n)}</span>}
                      </td>
                      <td>
                        {n.variable}
                        {n.variableInstance && <span class="muted"> ({n.variableInstance})</span>}
                        {n.attributeType && n.attributeType !== "ACTUAL" && <span class="muted"> · {n.attributeType.toLowerCase()}</span>}
                      </td>
                      <td>
                        {n.value ?? <span class="muted">–</span>}
                        {n.unit && <span class="muted"> {n.unit}</span>}
                      </td>
                      <td>{n.mutability ? n.mutability.replaceAll("_", " ").toLowerCase() : <span class="muted">–</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {model.pageInfo.hasNextPage && (
            <button type="button" onClick={() => setAfter(model.pageInfo.endCursor ?? null)}>
              {t("station.modelMore")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
