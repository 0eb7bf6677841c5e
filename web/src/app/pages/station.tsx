// One station: its connectors with their status, live (the station's connectorStatus
// subscription), each free one a link to start charging there, the caller's own running
// session on it a link to that session, and a reservation (ReserveNow with one of the caller's
// tags) where the station takes them: the station's answer is shown as it gave it.
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import { session } from "../../lib/session";
import { useMutation, useQuery } from "../api";
import { fmtDateTime, t } from "../i18n";
import { ConnectorStatusSub, TransactionEventsSub, useLive } from "../live";
import { remember } from "../reservations";
import { TagPicker } from "../tags";
import { ErrorText, Field, Outcome, Screen, StatusBadge } from "../ui";
import { FREE } from "./home";

export const StationQuery = graphql(`
  query AppStation($id: ID!) {
    station(id: $id) {
      id
      displayName
      site
      address
      connected
      connectors {
        connectorId
        status
        errorCode
        currentTransaction {
          id
          idTag
        }
      }
    }
  }
`);

const ReserveMutation = graphql(`
  mutation AppReserve($stationId: ID!, $connectorId: Int!, $idTag: String!, $expiryDate: DateTime!) {
    reserveNow(stationId: $stationId, connectorId: $connectorId, idTag: $idTag, expiryDate: $expiryDate) {
      status
      reservation {
        id
        stationId
        connectorId
        idTag
        expiryDate
        state
      }
    }
  }
`);

type StationData = NonNullable<ReturnType<typeof useStation>["data"]>;

/** The station, following its connectors live (status, and sessions starting and stopping). */
export function useStation(id: string) {
  const q = useQuery(StationQuery, { id });
  useLive(
    ConnectorStatusSub,
    { stationId: id },
    ({ connectorStatus: e }) =>
      q.setData((d) =>
        d?.station
          ? {
              station: {
                ...d.station,
                connected: true,
                connectors: d.station.connectors.some((c) => c.connectorId === e.connectorId)
                  ? d.station.connectors.map((c) => (c.connectorId === e.connectorId ? { ...c, status: e.status, errorCode: e.errorCode } : c))
                  : [...d.station.connectors, { connectorId: e.connectorId, status: e.status, errorCode: e.errorCode, currentTransaction: null }],
              },
            }
          : d,
      ),
    q.reload,
  );
  // A session starting or stopping here changes which connector is whose: read again.
  useLive(TransactionEventsSub, { stationId: id }, () => q.reload(), undefined);
  return q;
}

function Reserve({ station, connectorId }: { station: StationData["station"] & object; connectorId: number }) {
  const [tag, setTag] = useState("");
  const [minutes, setMinutes] = useState(30);
  const reserve = useMutation(ReserveMutation);
  const submit = async (e: Event) => {
    e.preventDefault();
    const expiryDate = new Date(Date.now() + minutes * 60_000).toISOString();
    const r = await reserve.run({ stationId: station.id, connectorId, idTag: tag, expiryDate });
    if (r?.reserveNow.status === "ACCEPTED") remember(r.reserveNow.reservation, session.value?.sub);
  };
  const status = reserve.result?.reserveNow.status;
  return (
    <form class="reserve" onSubmit={submit} aria-label={t("reserve.form", { n: connectorId })}>
      <TagPicker value={tag} onChange={setTag} legend={t("reserve.tag")} />
      <Field label={t("reserve.for")}>
        <select value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
          {[15, 30, 60].map((m) => (
            <option key={m} value={m}>
              {t("unit.min", { m })}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={!tag || reserve.running}>
        {reserve.running ? t("reserve.sending") : t("reserve.submit")}
      </button>
      <ErrorText error={reserve.error} />
      {status && (
        <Outcome kind={status === "ACCEPTED" ? "ok" : "warn"} testid="reserve-outcome">
          {t(`reserve.status.${status}`, { until: fmtDateTime(reserve.result?.reserveNow.reservation.expiryDate) })}
        </Outcome>
      )}
    </form>
  );
}

export function StationScreen({ id }: { id: string }) {
  const q = useStation(id);
  const [reserving, setReserving] = useState<number | null>(null);
  const s = q.data?.station;
  if (q.data && !s) {
    return (
      <Screen title={t("station.notFound")} back="/app/">
        <p>{t("station.notFoundText", { id })}</p>
      </Screen>
    );
  }
  const outlets = s?.connectors.filter((c) => c.connectorId > 0).sort((a, b) => a.connectorId - b.connectorId) ?? [];
  return (
    <Screen title={s?.displayName ?? id} back="/app/">
      {s && (s.site || s.address) && <p class="muted">{[s.site, s.address].filter(Boolean).join(" · ")}</p>}
      <ErrorText error={q.error} />
      {q.loading && !s && <p class="muted">{t("common.loading")}</p>}
      {s && !s.connected && <p class="notice warn">{t("station.offline")}</p>}
      {s && outlets.length === 0 && <p class="muted">{t("station.noConnectors")}</p>}
      <ul class="cards">
        {outlets.map((c) => {
          const own = c.currentTransaction;
          const free = s!.connected && FREE.has(c.status ?? "");
          return (
            <li key={c.connectorId} class="card connector" data-testid={`connector-${c.connectorId}`}>
              <div class="row">
                <strong>{t("home.connector", { n: c.connectorId })}</strong>
                <StatusBadge status={c.status} />
              </div>
              {c.status === "FAULTED" && c.errorCode && c.errorCode !== "NO_ERROR" && (
                <p class="muted">{t("station.error", { code: c.errorCode })}</p>
              )}
              <div class="row actions">
                {own ? (
                  <a class="button primary" href={`/app/session/${own.id}`}>
                    {t("station.yourSession")}
                  </a>
                ) : (
                  free && (
                    <a class="button primary" href={`/app/charge/${encodeURIComponent(id)}/${c.connectorId}`}>
                      {t("station.chargeHere")}
                    </a>
                  )
                )}
                {free && !own && (
                  <button
                    type="button"
                    aria-expanded={reserving === c.connectorId}
                    onClick={() => setReserving(reserving === c.connectorId ? null : c.connectorId)}
                  >
                    {t("reserve.open")}
                  </button>
                )}
              </div>
              {reserving === c.connectorId && s && <Reserve station={s} connectorId={c.connectorId} />}
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}
