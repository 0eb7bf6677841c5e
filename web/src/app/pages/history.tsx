// The caller's sessions (a driver's own: the API gives a driver nothing else), newest first, a
// page at a time; energy and sessions per month (`usage` grouped by MONTH); a CSV of the
// sessions built on the phone; and the reservations made in this app, each with Cancel.
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import type { AppHistoryQuery } from "../../gql/graphql";
import { toCsv, download } from "../../lib/csv";
import { session } from "../../lib/session";
import { ApiError, call, useMutation, useQuery } from "../api";
import { fmtDateTime, fmtDuration, fmtKWh, fmtMonth, fmtNumber, t } from "../i18n";
import { current, forget } from "../reservations";
import { ErrorText, Outcome, Screen } from "../ui";

const SessionsQuery = graphql(`
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
`);

const MonthsQuery = graphql(`
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
`);

const CancelMutation = graphql(`
  mutation AppCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`);

const PAGE = 20;
/** The CSV holds at most this many sessions (the newest). */
const CSV_MAX = 10_000;

/** The first instant of the month `back` months before this one, UTC. */
function monthStart(back: number): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString();
}

function Months() {
  const [range] = useState(() => ({ from: monthStart(11), to: monthStart(-1) }));
  const q = useQuery(MonthsQuery, range);
  const months = (q.data?.usage.periods ?? []).filter((p) => p.totals.sessions > 0 || p.totals.energyKwh > 0).reverse();
  return (
    <section aria-labelledby="months-title">
      <h2 id="months-title">{t("history.months")}</h2>
      <ErrorText error={q.error} />
      {q.data && !months.length && <p class="muted">{t("history.none")}</p>}
      {months.length > 0 && (
        <table class="months" data-testid="months">
          <thead>
            <tr>
              <th scope="col">{t("history.month")}</th>
              <th scope="col">{t("history.sessions")}</th>
              <th scope="col">{t("session.energy")}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.start}>
                <th scope="row">{fmtMonth(m.start)}</th>
                <td>{fmtNumber(m.totals.sessions)}</td>
                <td>{fmtKWh(m.totals.energyKwh * 1000)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Reservations() {
  const cancel = useMutation(CancelMutation);
  const [done, setDone] = useState<{ id: number; status: string } | null>(null);
  const list = current(session.value?.sub);
  if (!list.length && !done) return null;
  return (
    <section aria-labelledby="reservations-title">
      <h2 id="reservations-title">{t("history.reservations")}</h2>
      <ul class="cards">
        {list.map((r) => (
          <li key={r.id} class="card" data-testid={`reservation-${r.id}`}>
            <strong>{r.stationId}</strong>
            <span>
              {t("home.connector", { n: r.connectorId })} · {r.idTag}
            </span>
            <span class="muted">{t("history.reservedUntil", { time: fmtDateTime(r.expiryDate) })}</span>
            <button
              type="button"
              disabled={cancel.running}
              onClick={async () => {
                setDone(null);
                const res = await cancel.run({ reservationId: r.id });
                if (res) {
                  setDone({ id: r.id, status: res.cancelReservation.status });
                  if (res.cancelReservation.status === "ACCEPTED") forget(r.id);
                } else if (cancel.error?.code === "NOT_FOUND") forget(r.id);
              }}
            >
              {t("history.cancelReservation")}
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={cancel.error} />
      {done && (
        <Outcome kind={done.status === "ACCEPTED" ? "ok" : "warn"}>
          {t(done.status === "ACCEPTED" ? "history.cancelled" : "history.cancelRejected", { id: done.id })}
        </Outcome>
      )}
    </section>
  );
}

export function History() {
  // The cursors of the pages seen so far: Newer goes back one, Older on from the last.
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const q = useQuery(SessionsQuery, { first: PAGE, after: pages[pages.length - 1] });
  const [csvBusy, setCsvBusy] = useState(false);
  const [csvError, setCsvError] = useState<ApiError | null>(null);
  const page = q.data?.transactions;

  const exportCsv = async () => {
    setCsvBusy(true);
    setCsvError(null);
    try {
      const rows: (string | number | null)[][] = [];
      let after: string | null = null;
      for (;;) {
        const d: AppHistoryQuery = await call(SessionsQuery, { first: 500, after });
        for (const n of d.transactions.nodes)
          rows.push([n.id, n.stationId, n.station?.displayName ?? "", n.connectorId, n.idTag, n.startTime, n.stopTime ?? "", n.energyWh ?? "", n.durationSeconds]);
        if (!d.transactions.pageInfo.hasNextPage || rows.length >= CSV_MAX) break;
        after = d.transactions.pageInfo.endCursor ?? null;
      }
      const header = ["transaction", "station", "station_name", "connector", "id_tag", "start", "stop", "energy_wh", "duration_s"];
      download(`chargegate-sessions-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, rows.slice(0, CSV_MAX)));
    } catch (e) {
      setCsvError(e as ApiError);
    } finally {
      setCsvBusy(false);
    }
  };

  return (
    <Screen title={t("history.title")}>
      <Reservations />
      <section aria-labelledby="sessions-title">
        <div class="row">
          <h2 id="sessions-title">{t("history.sessionsTitle")}</h2>
          <button type="button" disabled={csvBusy || !page?.totalCount} onClick={() => void exportCsv()}>
            {csvBusy ? t("common.loading") : t("history.csv")}
          </button>
        </div>
        <ErrorText error={q.error ?? csvError} />
        {q.loading && !page && <p class="muted">{t("common.loading")}</p>}
        {page && !page.nodes.length && <p class="muted">{t("history.none")}</p>}
        {page && page.nodes.length > 0 && (
          <ul class="cards history" data-testid="history">
            {page.nodes.map((n) => (
              <li key={n.id}>
                <a class="card link-card" href={`/app/session/${n.id}`} data-testid={`history-${n.id}`}>
                  <span class="row">
                    <strong>{n.station?.displayName ?? n.stationId}</strong>
                    <span class="big">{fmtKWh(n.energyWh)}</span>
                  </span>
                  <span class="row muted">
                    <span>{fmtDateTime(n.startTime)}</span>
                    <span>{n.active ? t("history.running") : fmtDuration(n.durationSeconds)}</span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
        {page && (page.pageInfo.hasNextPage || pages.length > 1) && (
          <nav class="pager" aria-label={t("common.pages")}>
            <button type="button" disabled={pages.length <= 1} onClick={() => setPages(pages.slice(0, -1))}>
              {t("history.newer")}
            </button>
            <span class="muted">{t("home.count", { n: page.totalCount })}</span>
            <button
              type="button"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setPages([...pages, page.pageInfo.endCursor ?? null])}
            >
              {t("history.older")}
            </button>
          </nav>
        )}
      </section>
      <Months />
    </Screen>
  );
}
