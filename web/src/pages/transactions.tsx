// Transactions: the filtered list (station, id tag, time range, running or finished; all in
// the URL), paginated on the server, with a CSV export of the whole filtered list; and one
// transaction's page (`/transactions/:id`) with its flags and a chart of its meter values,
// live while it runs. Drivers see only their own (the server filters).
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { graphql } from "../gql";
import type { Measurand, Phase, UnitOfMeasure } from "../gql/graphql";
import { fmtDateTime, fmtDuration, fmtKWh, fmtNumber, t } from "../i18n";
import { ApiError, live, request } from "../lib/api";
import { TimeChart } from "../lib/chart";
import { download, toCsv } from "../lib/csv";
import { useQuery, useUrlQuery, type UrlQuery as Query } from "../lib/hooks";
import { ErrorNotice, Field, Page, Pager, useDebounced } from "../lib/ui";

const PAGE = 50;
/** The CSV export reads at most this many rows. */
export const EXPORT_LIMIT = 50_000;
const EXPORT_PAGE = 500;

const ListQuery = graphql(`
  query TxList(
    $first: Int
    $last: Int
    $after: String
    $before: String
    $stationId: ID
    $idTag: String
    $from: DateTime
    $to: DateTime
    $active: Boolean
  ) {
    transactions(
      first: $first
      last: $last
      after: $after
      before: $before
      stationId: $stationId
      idTag: $idTag
      from: $from
      to: $to
      active: $active
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
        stationId
        connectorId
        idTag
        startTime
        stopTime
        durationSeconds
        energyWh
        stopReason
        flags
        active
      }
    }
  }
`);

const DetailQuery = graphql(`
  query TxDetail($id: Int!) {
    transaction(id: $id) {
      id
      stationId
      connectorId
      idTag
      idTagStatus
      stopIdTag
      startTime
      startedReceivedAt
      stopTime
      stoppedReceivedAt
      durationSeconds
      energyWh
      meterStart
      meterStop
      stopReason
      flags
      active
      needsReconciliation
      reservationId
    }
  }
`);

const SamplesQuery = graphql(`
  query TxSamples($id: Int!) {
    transaction(id: $id) {
      id
      energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 1000) {
        nodes {
          timestamp
          measurand
          phase
          unit
          numericValue
        }
      }
      power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 1000) {
        nodes {
          timestamp
          measurand
          phase
          unit
          numericValue
        }
      }
    }
  }
`);

const MeterSubscription = graphql(`
  subscription TxMeterValues($transactionId: Int!) {
    meterValues(transactionId: $transactionId) {
      transactionId
      meterValues {
        timestamp
        sampledValues {
          measurand
          phase
          unit
          numericValue
        }
      }
    }
  }
`);

const EventsSubscription = graphql(`
  subscription TxEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
      }
    }
  }
`);


/** A `datetime-local` value (local time) as an ISO instant; undefined when empty or invalid. */
function toIso(local: string | undefined): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function filterVariables(q: Query) {
  return {
    stationId: q.station || undefined,
    idTag: q.tag || undefined,
    from: toIso(q.from),
    to: toIso(q.to),
    active: q.state === "active" ? true : q.state === "finished" ? false : undefined,
  };
}

export function flagLabel(flag: string): string {
  const labels: Record<string, string> = {
    CONCURRENT_TX: t("transactions.flag.CONCURRENT_TX"),
    CONFLICTING_STOP: t("transactions.flag.CONFLICTING_STOP"),
    CONNECTOR_BUSY: t("transactions.flag.CONNECTOR_BUSY"),
    METER_STOP_BELOW_START: t("transactions.flag.METER_STOP_BELOW_START"),
    START_CLOCK_UNSET: t("transactions.flag.START_CLOCK_UNSET"),
    START_IN_FUTURE: t("transactions.flag.START_IN_FUTURE"),
    STOP_BEFORE_START: t("transactions.flag.STOP_BEFORE_START"),
    STOP_CLOCK_UNSET: t("transactions.flag.STOP_CLOCK_UNSET"),
    STOP_IN_FUTURE: t("transactions.flag.STOP_IN_FUTURE"),
    UNKNOWN_ID_TAG: t("transactions.flag.UNKNOWN_ID_TAG"),
  };
  return labels[flag] ?? flag;
}

function reasonLabel(reason: string | null | undefined): string {
  if (!reason) return "–";
  const labels: Record<string, string> = {
    DE_AUTHORIZED: t("transactions.reason.DE_AUTHORIZED"),
    EMERGENCY_STOP: t("transactions.reason.EMERGENCY_STOP"),
    EV_DISCONNECTED: t("transactions.reason.EV_DISCONNECTED"),
    HARD_RESET: t("transactions.reason.HARD_RESET"),
    LOCAL: t("transactions.reason.LOCAL"),
    OTHER: t("transactions.reason.OTHER"),
    POWER_LOSS: t("transactions.reason.POWER_LOSS"),
    REBOOT: t("transactions.reason.REBOOT"),
    REMOTE: t("transactions.reason.REMOTE"),
    SOFT_RESET: t("transactions.reason.SOFT_RESET"),
    UNLOCK_COMMAND: t("transactions.reason.UNLOCK_COMMAND"),
  };
  return labels[reason] ?? reason;
}

function Flags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <span class="muted">–</span>;
  return (
    <span class="row" style="gap:4px">
      {flags.map((f) => (
        <span key={f} class="badge s-flag s-pending" title={f}>
          {flagLabel(f)}
        </span>
      ))}
    </span>
  );
}

export function Transactions() {
  const { params } = useRoute();
  return params.id ? <TransactionDetail id={params.id} /> : <TransactionList />;
}

// ---------------------------------------------------------------------------------------------
// The list

function TransactionList() {
  const [q, setQ] = useUrlQuery();
  const [station, setStation] = useState(q.station ?? "");
  const [tag, setTag] = useState(q.tag ?? "");
  const dStation = useDebounced(station.trim(), 400);
  const dTag = useDebounced(tag.trim(), 400);
  useEffect(() => {
    if ((q.station ?? "") !== dStation || (q.tag ?? "") !== dTag)
      setQ({ station: dStation, tag: dTag, after: undefined, before: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dStation, dTag]);

  const filters = filterVariables(q);
  const paging = q.before ? { last: PAGE, before: q.before } : { first: PAGE, after: q.after };
  const list = useQuery(ListQuery, { ...filters, ...paging });
  const conn = list.data?.transactions;

  const setFilter = (changes: Query) => setQ({ ...changes, after: undefined, before: undefined });

  return (
    <Page title={t("nav.transactions")} actions={<CsvExport q={q} />}>
      <form class="filters" role="search" aria-label={t("transactions.filters")} onSubmit={(e) => e.preventDefault()}>
        <Field label={t("transactions.station")}>
          <input name="station" value={station} onInput={(e) => setStation(e.currentTarget.value)} />
        </Field>
        <Field label={t("transactions.idTag")}>
          <input name="idTag" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
        </Field>
        <Field label={t("transactions.from")}>
          <input
            type="datetime-local"
            name="from"
            value={q.from ?? ""}
            onChange={(e) => setFilter({ from: e.currentTarget.value })}
          />
        </Field>
        <Field label={t("transactions.to")}>
          <input
            type="datetime-local"
            name="to"
            value={q.to ?? ""}
            onChange={(e) => setFilter({ to: e.currentTarget.value })}
          />
        </Field>
        <Field label={t("transactions.state")}>
          <select
            name="state"
            value={q.state ?? "all"}
            onChange={(e) => setFilter({ state: e.currentTarget.value === "all" ? undefined : e.currentTarget.value })}
          >
            <option value="all">{t("common.all")}</option>
            <option value="active">{t("transactions.active")}</option>
            <option value="finished">{t("transactions.finished")}</option>
          </select>
        </Field>
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && !conn && <p class="muted">{t("common.loading")}</p>}
      {conn && (
        <>
          <div class="table-wrap">
            <table data-testid="transactions-table">
              <caption class="sr-only">{t("nav.transactions")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("transactions.id")}</th>
                  <th scope="col">{t("transactions.station")}</th>
                  <th scope="col" class="num">
                    {t("transactions.connector")}
                  </th>
                  <th scope="col">{t("transactions.idTag")}</th>
                  <th scope="col">{t("transactions.start")}</th>
                  <th scope="col">{t("transactions.stop")}</th>
                  <th scope="col" class="num">
                    {t("transactions.duration")}
                  </th>
                  <th scope="col" class="num">
                    {t("transactions.energy")}
                  </th>
                  <th scope="col">{t("transactions.stopReason")}</th>
                  <th scope="col">{t("transactions.flags")}</th>
                </tr>
              </thead>
              <tbody>
                {conn.nodes.map((tx) => (
                  <tr key={tx.id}>
                    <th scope="row">
                      <a href={`/transactions/${tx.id}`}>{tx.id}</a>
                    </th>
                    <td>
                      <a href={`/stations/${encodeURIComponent(tx.stationId)}`}>{tx.stationId}</a>
                    </td>
                    <td class="num">{tx.connectorId}</td>
                    <td>{tx.idTag}</td>
                    <td>{fmtDateTime(tx.startTime)}</td>
                    <td>{tx.active ? <span class="badge s-charging">{t("transactions.running")}</span> : fmtDateTime(tx.stopTime)}</td>
                    <td class="num">{fmtDuration(tx.durationSeconds)}</td>
                    <td class="num">{fmtKWh(tx.energyWh)}</td>
                    <td>{tx.active ? "–" : reasonLabel(tx.stopReason)}</td>
                    <td>
                      <Flags flags={tx.flags} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {conn.nodes.length === 0 && <p class="muted" style="padding:8px 10px">{t("transactions.none")}</p>}
          </div>
          <Pager
            pageInfo={conn.pageInfo}
            total={conn.totalCount}
            onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
          />
        </>
      )}
    </Page>
  );
}

/** The name of the export file: `transactions-<from>-<to>.csv` (the filter's range). */
function exportName(q: Query): string {
  const part = (v: string | undefined, fallback: string) => (v ? v.replaceAll(":", "") : fallback);
  return `transactions-${part(q.from, "start")}-${part(q.to, "now")}.csv`;
}

export const CSV_HEADER = [
  "id",
  "stationId",
  "connectorId",
  "idTag",
  "startedAt",
  "stoppedAt",
  "durationSeconds",
  "energyWh",
  "stopReason",
  "flags",
];

/** Reads every page of the current filter (up to EXPORT_LIMIT rows) and downloads a CSV. */
function CsvExport({ q }: { q: Query }) {
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelled = useRef(false);
  useEffect(() => () => void (cancelled.current = true), []);

  const run = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    setRead(0);
    const rows: (string | number | null)[][] = [];
    let after: string | null | undefined;
    let more = true;
    try {
      while (more && rows.length < EXPORT_LIMIT && !cancelled.current) {
        const first = Math.min(EXPORT_PAGE, EXPORT_LIMIT - rows.length);
        const { transactions } = await request(ListQuery, { ...filterVariables(q), first, after });
        for (const tx of transactions.nodes)
          rows.push([
            tx.id,
            tx.stationId,
            tx.connectorId,
            tx.idTag,
            tx.startTime,
            tx.stopTime ?? null,
            tx.durationSeconds,
            tx.energyWh ?? null,
            tx.stopReason ?? null,
            tx.flags.join(" "),
          ]);
        setRead(rows.length);
        more = transactions.pageInfo.hasNextPage;
        after = transactions.pageInfo.endCursor;
        if (transactions.nodes.length === 0) more = false;
      }
      if (cancelled.current) return;
      download(exportName(q), toCsv(CSV_HEADER, rows));
      setMessage(
        more
          ? t("transactions.exportCut", { n: fmtNumber(rows.length) })
          : t("transactions.exported", { n: fmtNumber(rows.length) }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), "ERROR"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <button type="button" onClick={run} disabled={busy}>
        {t("common.exportCsv")}
      </button>
      <span role="status" class="muted" style="margin-left:8px">
        {busy ? t("transactions.exporting", { n: fmtNumber(read) }) : message}
      </span>
      <ErrorNotice error={error} />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// One transaction

interface Sample {
  ts: number;
  measurand: Measurand | null | undefined;
  phase: Phase | null | undefined;
  unit: UnitOfMeasure | null | undefined;
  value: number | null | undefined;
}

const PHASES = new Set<string>(["L1", "L2", "L3", "L1_N", "L2_N", "L3_N"]);

/** Energy register (kWh) and active power (kW) per timestamp: the phase-less value, else the phases' sum. */
export function meterSeries(samples: Sample[]) {
  type Acc = { total?: number; sum: number; any: boolean };
  const at = new Map<number, { e: Acc; p: Acc }>();
  for (const s of samples) {
    if (s.value === null || s.value === undefined) continue;
    const isEnergy = s.measurand === "ENERGY_ACTIVE_IMPORT_REGISTER" || (!s.measurand && s.unit !== "W" && s.unit !== "KW");
    const isPower = s.measurand === "POWER_ACTIVE_IMPORT";
    if (!isEnergy && !isPower) continue;
    let v = s.value;
    if (isEnergy) v = s.unit === "KWH" ? v : v / 1000;
    else v = s.unit === "KW" ? v : v / 1000;
    let slot = at.get(s.ts);
    if (!slot) at.set(s.ts, (slot = { e: { sum: 0, any: false }, p: { sum: 0, any: false } }));
    const acc = isEnergy ? slot.e : slot.p;
    if (!s.phase) {
      acc.total = v;
    } else if (PHASES.has(s.phase)) {
      acc.sum += v;
      acc.any = true;
    }
  }
  const times = [...at.keys()].sort((a, b) => a - b);
  const pick = (a: Acc) => a.total ?? (a.any ? a.sum : null);
  return {
    times,
    energy: times.map((ts) => pick(at.get(ts)!.e)),
    power: times.map((ts) => pick(at.get(ts)!.p)),
  };
}

function TransactionDetail({ id }: { id: string }) {
  const txId = Number.parseInt(id, 10);
  const valid = Number.isFinite(txId);
  const detail = useQuery(DetailQuery, { id: txId }, { skip: !valid });
  const samplesQ = useQuery(SamplesQuery, { id: txId }, { skip: !valid });
  const [extra, setExtra] = useState<Sample[]>([]);
  const tx = detail.data?.transaction;
  const active = tx?.active ?? false;
  const stationId = tx?.stationId;

  // Re-read the figures at most every 5 s while values arrive.
  const lastReload = useRef(0);
  const reloadSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = () => {
    const wait = Math.max(0, lastReload.current + 5000 - Date.now());
    clearTimeout(reloadSoon.current);
    reloadSoon.current = setTimeout(() => {
      lastReload.current = Date.now();
      detail.reload();
    }, wait);
  };
  useEffect(() => () => clearTimeout(reloadSoon.current), []);

  useEffect(() => {
    if (!valid || !active) return;
    return live(
      MeterSubscription,
      { transactionId: txId },
      {
        next: (d) => {
          const add: Sample[] = [];
          for (const r of d.meterValues.meterValues) {
            const ts = Date.parse(r.timestamp) / 1000;
            for (const sv of r.sampledValues)
              add.push({ ts, measurand: sv.measurand, phase: sv.phase, unit: sv.unit, value: sv.numericValue });
          }
          setExtra((e) => [...e, ...add]);
          refresh();
        },
        resync: () => {
          setExtra([]);
          samplesQ.reload();
          detail.reload();
        },
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [txId, active]);

  useEffect(() => {
    if (!valid || !active || !stationId) return;
    return live(
      EventsSubscription,
      { stationId },
      {
        next: (d) => {
          if (d.transactionEvents.transaction.id === txId) detail.reload();
        },
        resync: () => detail.reload(),
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [txId, active, stationId]);

  const series = useMemo(() => {
    const t0 = samplesQ.data?.transaction;
    const base: Sample[] = [...(t0?.energy.nodes ?? []), ...(t0?.power.nodes ?? [])].map((n) => ({
      ts: Date.parse(n.timestamp) / 1000,
      measurand: n.measurand,
      phase: n.phase,
      unit: n.unit,
      value: n.numericValue,
    }));
    return meterSeries([...base, ...extra]);
  }, [samplesQ.data, extra]);

  const title = t("transactions.detailTitle", { id });
  if (!valid) return <Page title={title}>{t("common.notFound")}</Page>;
  return (
    <Page
      title={title}
      actions={
        <a href="/transactions" class="muted">
          ← {t("nav.transactions")}
        </a>
      }
    >
      <ErrorNotice error={detail.error} />
      {detail.loading && !detail.data && <p class="muted">{t("common.loading")}</p>}
      {detail.data && !tx && <p class="notice warn">{t("transactions.notFound")}</p>}
      {tx && (
        <div class="grid2">
          <section class="card" aria-labelledby="tx-facts">
            <h2 id="tx-facts">
              {t("transactions.facts")}{" "}
              {tx.active && (
                <span class="live-dot badge s-charging" role="status">
                  {t("transactions.running")}
                </span>
              )}
            </h2>
            <dl class="kv">
              <dt>{t("transactions.station")}</dt>
              <dd>
                <a href={`/stations/${encodeURIComponent(tx.stationId)}`}>{tx.stationId}</a>
              </dd>
              <dt>{t("transactions.connector")}</dt>
              <dd>{tx.connectorId}</dd>
              <dt>{t("transactions.idTag")}</dt>
              <dd>
                {tx.idTag} {tx.idTagStatus && <span class="badge">{tx.idTagStatus.toLowerCase()}</span>}
              </dd>
              <dt>{t("transactions.start")}</dt>
              <dd>{fmtDateTime(tx.startTime)}</dd>
              <dt>{t("transactions.stop")}</dt>
              <dd>{tx.active ? t("transactions.running") : fmtDateTime(tx.stopTime)}</dd>
              <dt>{t("transactions.duration")}</dt>
              <dd>{fmtDuration(tx.durationSeconds)}</dd>
              <dt>{t("transactions.energy")}</dt>
              <dd>{fmtKWh(tx.energyWh)}</dd>
              <dt>{t("transactions.meterStart")}</dt>
              <dd>{fmtNumber(tx.meterStart)} Wh</dd>
              <dt>{t("transactions.meterStop")}</dt>
              <dd>{tx.meterStop === null || tx.meterStop === undefined ? "–" : `${fmtNumber(tx.meterStop)} Wh`}</dd>
              <dt>{t("transactions.stopReason")}</dt>
              <dd>{tx.active ? "–" : reasonLabel(tx.stopReason)}</dd>
              {tx.stopIdTag && (
                <>
                  <dt>{t("transactions.stopIdTag")}</dt>
                  <dd>{tx.stopIdTag}</dd>
                </>
              )}
              {tx.reservationId !== null && tx.reservationId !== undefined && (
                <>
                  <dt>{t("transactions.reservation")}</dt>
                  <dd>{tx.reservationId}</dd>
                </>
              )}
              <dt>{t("transactions.received")}</dt>
              <dd>
                {fmtDateTime(tx.startedReceivedAt)}
                {tx.stoppedReceivedAt && ` – ${fmtDateTime(tx.stoppedReceivedAt)}`}
              </dd>
              <dt>{t("transactions.flags")}</dt>
              <dd>
                <Flags flags={tx.flags} />
              </dd>
            </dl>
            {tx.needsReconciliation && <p class="notice warn">{t("transactions.needsLook")}</p>}
          </section>
          <section class="card" aria-labelledby="tx-chart">
            <h2 id="tx-chart">
              {t("transactions.chart")} {tx.active && <span class="live-dot muted">{t("common.live")}</span>}
            </h2>
            <ErrorNotice error={samplesQ.error} />
            {series.times.length === 0 ? (
              <p class="muted">{samplesQ.loading ? t("common.loading") : t("transactions.noMeterValues")}</p>
            ) : (
              <TimeChart
                label={t("transactions.chartLabel", { id })}
                times={series.times}
                series={[
                  { label: t("transactions.energyRegister"), unit: "kWh", values: series.energy },
                  { label: t("transactions.power"), unit: "kW", values: series.power },
                ]}
              />
            )}
          </section>
        </div>
      )}
    </Page>
  );
}
