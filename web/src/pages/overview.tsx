// The fleet overview (route `/`): counts read from the server (`fleetSummary`, never the
// stations themselves, so it stays cheap at 20,000 stations), kept live by the `fleetSummary`
// subscription (the one stream over the whole fleet the console opens), and what needs an
// operator's attention (`attention`), re-read when the summary changes and every 30 s.
// Each count links to the stations page filtered to what it counts.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../gql";
import type { AttentionKind, ChargePointStatus, OverviewSummaryQuery } from "../gql/graphql";
import { fmtAgo, fmtDateTime, fmtKWh, fmtNumber, t } from "../i18n";
import { live, liveSocket } from "../lib/api";
import { useMutation, useQuery, useTick } from "../lib/hooks";
import { canOperate } from "../lib/session";
import { ConfirmButton, ErrorNotice, Field, Page } from "../lib/ui";

const SummaryQuery = graphql(`
  query OverviewSummary($since: DateTime) {
    fleetSummary(since: $since) {
      at
      since
      stations
      online
      offline
      pending
      rejected
      activeTransactions
      energyWh
      connectors {
        status
        count
      }
    }
  }
`);

const SummaryLive = graphql(`
  subscription OverviewSummaryLive($since: DateTime, $everySeconds: Int!) {
    fleetSummary(since: $since, everySeconds: $everySeconds) {
      at
      since
      stations
      online
      offline
      pending
      rejected
      activeTransactions
      energyWh
      connectors {
        status
        count
      }
    }
  }
`);

const AttentionQuery = graphql(`
  query OverviewAttention($limit: Int!) {
    attention(limit: $limit) {
      kind
      stationId
      connectorId
      detail
      since
    }
  }
`);

const ApproveMutation = graphql(`
  mutation OverviewApproveStation($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`);

type Summary = OverviewSummaryQuery["fleetSummary"];
type LiveState = "connecting" | "live" | "reconnecting";

const ATTENTION_LIMIT = 100;
const ATTENTION_EVERY_MS = 30_000;
/** How often the server may push a changed summary. */
const SUMMARY_EVERY_S = 5;

/** The local midnight of `now`, as the `since` of "energy delivered today". */
function localMidnight(now: number): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

function countOf(summary: Summary | null, ...statuses: ChargePointStatus[]): number | null {
  if (!summary) return null;
  return summary.connectors.filter((c) => statuses.includes(c.status)).reduce((n, c) => n + c.count, 0);
}

const KIND_LABEL: Record<AttentionKind, () => string> = {
  CONNECTOR_FAULTED: () => t("overview.kind.connectorFaulted"),
  STATION_OFFLINE: () => t("overview.kind.stationOffline"),
  STATION_PENDING: () => t("overview.kind.stationPending"),
  HANDSHAKE_REFUSED: () => t("overview.kind.handshakeRefused"),
  SECURITY_EVENT: () => t("overview.kind.securityEvent"),
};
const KINDS: AttentionKind[] = [
  "CONNECTOR_FAULTED",
  "STATION_OFFLINE",
  "STATION_PENDING",
  "HANDSHAKE_REFUSED",
  "SECURITY_EVENT",
];
const KIND_BADGE: Record<AttentionKind, string> = {
  CONNECTOR_FAULTED: "s-faulted",
  STATION_OFFLINE: "s-offline",
  STATION_PENDING: "s-pending",
  HANDSHAKE_REFUSED: "s-rejected",
  SECURITY_EVENT: "s-unavailable",
};

const tileLink = { display: "block", color: "inherit", textDecoration: "none" };

/** One count: the number and its label, as a link to the stations it counts. */
function Tile(props: {
  testid: string;
  label: string;
  value: number | null;
  text?: string;
  href?: string;
  children?: ComponentChildren;
}) {
  const inner = (
    <>
      <span class="value">{props.text ?? fmtNumber(props.value)}</span>
      <span class="label">{props.label}</span>
    </>
  );
  return (
    <div class="stat" data-testid={props.testid} data-value={props.value ?? undefined}>
      {props.href ? (
        <a href={props.href} style={tileLink}>
          {inner}
        </a>
      ) : (
        inner
      )}
      {props.children}
    </div>
  );
}

/** The parts of a tile's count, each linking to its own filter. */
function Breakdown({ parts }: { parts: { label: string; value: number | null; href: string }[] }) {
  const shown = parts.filter((p) => (p.value ?? 0) > 0);
  if (!shown.length) return null;
  return (
    <ul class="muted" style={{ listStyle: "none", margin: "4px 0 0", padding: 0, fontSize: "0.85em" }}>
      {shown.map((p) => (
        <li key={p.href}>
          <a href={p.href}>
            {p.label}: {fmtNumber(p.value)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function LiveIndicator({ state, at }: { state: LiveState; at: string | null | undefined }) {
  return (
    <p class="muted" style={{ margin: 0 }} data-testid="live-state" data-state={state}>
      <span aria-live="polite" class={state === "live" ? "live-dot" : undefined}>
        {state === "live"
          ? t("overview.live")
          : state === "reconnecting"
            ? t("overview.reconnecting")
            : t("overview.connecting")}
      </span>
      {at && (
        <>
          {" · "}
          {t("overview.updatedAt")}{" "}
          <time dateTime={at} data-testid="updated-at">
            {fmtDateTime(at)}
          </time>
        </>
      )}
    </p>
  );
}

export function Overview() {
  // Re-evaluated every minute so "today" moves on at local midnight.
  const since = localMidnight(useTick(60_000));
  // The subscription counts at once when it starts: the page does not also ask with a query
  // (on a big fleet each count costs the server a few hundred milliseconds); the query serves
  // re-reads after a reconnect and an approval.
  const summary = useQuery(SummaryQuery, { since }, { lazy: true });
  const attention = useQuery(AttentionQuery, { limit: ATTENTION_LIMIT });
  const approve = useMutation(ApproveMutation);
  const [approved, setApproved] = useState<string | null>(null);
  const [state, setState] = useState<LiveState>("connecting");
  useTick(30_000); // keeps "5 minutes ago" current

  // The live handlers outlive a render: reach the latest reloaders through refs.
  const reloadSummary = useRef(summary.reload);
  reloadSummary.current = summary.reload;
  const setSummary = useRef(summary.setData);
  setSummary.current = summary.setData;
  const attentionRead = useRef(0);
  const reloadAttention = useRef(() => {});
  reloadAttention.current = () => {
    // The subscription's first event arrives right after the page's own first read.
    if (Date.now() - attentionRead.current < 2000) return;
    attentionRead.current = Date.now();
    attention.reload();
  };

  useEffect(() => {
    attentionRead.current = Date.now();
  }, []);

  useEffect(() => {
    const stop = live(
      SummaryLive,
      { since, everySeconds: SUMMARY_EVERY_S },
      {
        next: (d) => {
          setSummary.current(() => ({ fleetSummary: d.fleetSummary }));
          setState("live");
          reloadAttention.current();
        },
        resync: () => {
          setState("reconnecting");
          reloadSummary.current();
          reloadAttention.current();
        },
      },
    );
    const offline = () => setState("reconnecting");
    window.addEventListener("offline", offline);
    const every = setInterval(() => reloadAttention.current(), ATTENTION_EVERY_MS);
    return () => {
      stop();
      clearInterval(every);
      window.removeEventListener("offline", offline);
    };
  }, [since]);

  // The socket closing (the client then reconnects by itself) or a read failing says the
  // server is out of reach; the next event (sent at once on re-subscribing) says it is back.
  const shownState: LiveState =
    state === "live" &&
    (liveSocket.value !== "connected" || attention.error?.code === "NETWORK" || summary.error?.code === "NETWORK")
      ? "reconnecting"
      : state;

  const s = summary.data?.fleetSummary ?? null;
  const charging = countOf(s, "CHARGING");
  const preparing = countOf(s, "PREPARING");
  const suspended = countOf(s, "SUSPENDED_EV", "SUSPENDED_EVSE");
  const suspendedEv = countOf(s, "SUSPENDED_EV");
  const finishing = countOf(s, "FINISHING");
  const inUse = s ? (charging ?? 0) + (preparing ?? 0) + (suspended ?? 0) + (finishing ?? 0) : null;
  const cs = (status: ChargePointStatus) => `/stations?connectorStatus=${status}`;

  const doApprove = async (id: string) => {
    setApproved(null);
    const r = await approve.run({ id });
    if (r) {
      setApproved(id);
      attentionRead.current = Date.now();
      attention.reload();
      summary.reload();
    }
  };

  // Which kind of item to show, in the URL (`/?show=STATION_PENDING`) so it can be shared.
  const { query, route } = useLocation();
  const show = KINDS.find((k) => k === query.show) ?? null;
  const all = attention.data?.attention ?? [];
  const items = show ? all.filter((i) => i.kind === show) : all;
  const perKind = (k: AttentionKind) => all.filter((i) => i.kind === k).length;

  return (
    <Page title={t("nav.overview")} actions={<LiveIndicator state={shownState} at={s?.at} />}>
      <ErrorNotice error={summary.error} />
      {!s && summary.loading && <p class="muted">{t("common.loading")}</p>}

      <h2 id="ov-stations">{t("overview.stations")}</h2>
      <div class="cards" role="group" aria-labelledby="ov-stations">
        <Tile testid="count-stations" label={t("overview.allStations")} value={s?.stations ?? null} href="/stations" />
        <Tile testid="count-online" label={t("overview.online")} value={s?.online ?? null} href="/stations?connected=true" />
        <Tile
          testid="count-offline"
          label={t("overview.offline")}
          value={s?.offline ?? null}
          href="/stations?connected=false"
        />
        <Tile
          testid="count-pending"
          label={t("overview.pending")}
          value={s?.pending ?? null}
          href="/stations?registrationStatus=PENDING"
        />
        <Tile
          testid="count-rejected"
          label={t("overview.rejected")}
          value={s?.rejected ?? null}
          href="/stations?registrationStatus=REJECTED"
        />
      </div>

      <h2 id="ov-connectors">{t("overview.connectors")}</h2>
      <div class="cards" role="group" aria-labelledby="ov-connectors">
        <Tile
          testid="count-available"
          label={t("overview.available")}
          value={countOf(s, "AVAILABLE")}
          href={cs("AVAILABLE")}
        />
        <Tile testid="count-charging" label={t("overview.charging")} value={inUse} href={cs("CHARGING")}>
          <Breakdown
            parts={[
              { label: t("overview.chargingNow"), value: charging, href: cs("CHARGING") },
              { label: t("overview.preparing"), value: preparing, href: cs("PREPARING") },
              {
                label: t("overview.suspended"),
                value: suspended,
                href: cs((suspendedEv ?? 0) > 0 ? "SUSPENDED_EV" : "SUSPENDED_EVSE"),
              },
              { label: t("overview.finishing"), value: finishing, href: cs("FINISHING") },
            ]}
          />
        </Tile>
        <Tile testid="count-faulted" label={t("overview.faulted")} value={countOf(s, "FAULTED")} href={cs("FAULTED")} />
        <Tile
          testid="count-unavailable"
          label={t("overview.unavailable")}
          value={countOf(s, "UNAVAILABLE")}
          href={cs("UNAVAILABLE")}
        />
        <Tile
          testid="count-reserved"
          label={t("overview.reserved")}
          value={countOf(s, "RESERVED")}
          href={cs("RESERVED")}
        />
      </div>

      <h2 id="ov-energy">{t("overview.today")}</h2>
      <div class="cards" role="group" aria-labelledby="ov-energy">
        <Tile
          testid="energy-today"
          label={t("overview.energyToday")}
          value={s ? s.energyWh : null}
          text={s ? fmtKWh(s.energyWh) : "–"}
          href="/usage"
        />
        <Tile
          testid="count-active"
          label={t("overview.activeSessions")}
          value={s?.activeTransactions ?? null}
          href="/transactions?active=true"
        />
      </div>

      <h2 id="ov-attention">
        {t("overview.attention")}{" "}
        {attention.data && <span class="muted">({fmtNumber(all.length)})</span>}
      </h2>
      {all.length > 0 && (
        <div class="filters">
          <Field label={t("overview.show")}>
            <select
              aria-label={t("overview.show")}
              value={show ?? ""}
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                route(v ? `/?show=${v}` : "/", true);
              }}
            >
              <option value="">{t("overview.showAll", { n: fmtNumber(all.length) })}</option>
              {KINDS.filter((k) => perKind(k) > 0 || k === show).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]()} ({fmtNumber(perKind(k))})
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <ErrorNotice error={attention.error} />
      <ErrorNotice error={approve.error} />
      {approved && (
        <p class="notice ok" role="status">
          {t("overview.approved", { id: approved })}
        </p>
      )}
      {!attention.data && attention.loading && <p class="muted">{t("common.loading")}</p>}
      {attention.data && all.length === 0 && <p class="muted">{t("overview.nothingNeedsAttention")}</p>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table data-testid="attention-table" aria-labelledby="ov-attention">
            <thead>
              <tr>
                <th scope="col">{t("overview.col.what")}</th>
                <th scope="col">{t("overview.col.station")}</th>
                <th scope="col">{t("overview.col.detail")}</th>
                <th scope="col">{t("overview.col.since")}</th>
                <th scope="col">
                  <span class="sr-only">{t("overview.col.action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={`${item.kind}:${item.stationId}:${item.connectorId ?? ""}:${item.since ?? ""}:${i}`}>
                  <td>
                    <span class={`badge ${KIND_BADGE[item.kind] ?? ""}`}>{KIND_LABEL[item.kind]?.() ?? item.kind}</span>
                  </td>
                  <td>
                    <a href={`/stations/${encodeURIComponent(item.stationId)}`}>{item.stationId}</a>
                    {item.connectorId !== null && item.connectorId !== undefined && (
                      <span class="muted"> · {t("overview.connector", { n: item.connectorId })}</span>
                    )}
                  </td>
                  <td>{item.detail ?? <span class="muted">–</span>}</td>
                  <td>
                    {item.since ? (
                      <time dateTime={item.since} title={fmtDateTime(item.since)}>
                        {fmtAgo(item.since)}
                      </time>
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                  <td>
                    {item.kind === "STATION_PENDING" && canOperate.value && (
                      <ConfirmButton
                        label={t("overview.approve")}
                        question={t("overview.approveQuestion", { id: item.stationId })}
                        disabled={approve.running}
                        onConfirm={() => void doApprove(item.stationId)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {all.length >= ATTENTION_LIMIT && (
        <p class="muted">{t("overview.attentionLimited", { n: fmtNumber(ATTENTION_LIMIT) })}</p>
      )}
    </Page>
  );
}
