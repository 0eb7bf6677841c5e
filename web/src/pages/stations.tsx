// The station list (route `/stations`): search, filters, sort and pagination all done by the
// server (`stations(search, connected, registrationStatus, connectorStatus, site, orderBy,
// descending)`, 50 a page, cursors), so it stays fast with 20,000 stations. The whole view
// lives in the URL query string (same names as the API's arguments), so a link reproduces it
// and Back goes to the previous view.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../gql";
import type { ChargePointStatus, RegistrationStatus, StationOrder, StationsPageQuery } from "../gql/graphql";
import { fmtAgo, fmtDateTime, fmtNumber, t } from "../i18n";
import { live } from "../lib/api";
import { useQuery, useTick } from "../lib/hooks";
import { ErrorNotice, Field, Page, Pager, ocppLabel, useDebounced } from "../lib/ui";

const StationsQuery = graphql(`
  query StationsPage(
    $first: Int
    $last: Int
    $after: String
    $before: String
    $search: String
    $connected: Boolean
    $registrationStatus: RegistrationStatus
    $connectorStatus: ChargePointStatus
    $site: String
    $orderBy: StationOrder!
    $descending: Boolean!
  ) {
    stations(
      first: $first
      last: $last
      after: $after
      before: $before
      search: $search
      connected: $connected
      registrationStatus: $registrationStatus
      connectorStatus: $connectorStatus
      site: $site
      orderBy: $orderBy
      descending: $descending
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
        displayName
        site
        connected
        registrationStatus
        vendor
        model
        firmwareVersion
        ocppVersion
        lastSeenAt
        connectors {
          connectorId
          status
          errorCode
        }
      }
    }
  }
`);

const SitesQuery = graphql(`
  query StationsSites {
    sites {
      name
      stations
    }
  }
`);

/** Only a "something changed" signal for the list: one cheap stream of counts. */
const FleetChanged = graphql(`
  subscription StationsFleetChanged {
    fleetSummary(everySeconds: 10) {
      at
      online
      offline
      pending
      rejected
      activeTransactions
      connectors {
        status
        count
      }
    }
  }
`);

type Row = StationsPageQuery["stations"]["nodes"][number];

const PAGE_SIZE = 50;
const REFRESH_MS = 15_000;

const CONNECTOR_STATUSES: ChargePointStatus[] = [
  "AVAILABLE",
  "PREPARING",
  "CHARGING",
  "SUSPENDED_EV",
  "SUSPENDED_EVSE",
  "FINISHING",
  "RESERVED",
  "UNAVAILABLE",
  "FAULTED",
];
const REGISTRATIONS: RegistrationStatus[] = ["ACCEPTED", "PENDING", "REJECTED"];
const ORDERS: StationOrder[] = ["ID", "DISPLAY_NAME", "SITE", "LAST_SEEN"];

/** A connector status in the chosen language (literal keys, so the i18n test sees them). */
export function connectorStatusLabel(s: ChargePointStatus | null | undefined): string {
  switch (s) {
    case "AVAILABLE":
      return t("stations.cs.available");
    case "PREPARING":
      return t("stations.cs.preparing");
    case "CHARGING":
      return t("stations.cs.charging");
    case "SUSPENDED_EV":
      return t("stations.cs.suspendedEv");
    case "SUSPENDED_EVSE":
      return t("stations.cs.suspendedEvse");
    case "FINISHING":
      return t("stations.cs.finishing");
    case "RESERVED":
      return t("stations.cs.reserved");
    case "UNAVAILABLE":
      return t("stations.cs.unavailable");
    case "FAULTED":
      return t("stations.cs.faulted");
    default:
      return t("stations.cs.unknown");
  }
}

function registrationLabel(s: RegistrationStatus | null | undefined): string {
  switch (s) {
    case "ACCEPTED":
      return t("stations.reg.accepted");
    case "PENDING":
      return t("stations.reg.pending");
    case "REJECTED":
      return t("stations.reg.rejected");
    default:
      return t("stations.reg.unknown");
  }
}

function orderLabel(o: StationOrder): string {
  switch (o) {
    case "ID":
      return t("stations.order.id");
    case "DISPLAY_NAME":
      return t("stations.order.displayName");
    case "SITE":
      return t("stations.order.site");
    case "LAST_SEEN":
      return t("stations.order.lastSeen");
  }
}

/** The badge class of a status (style.css spells SUSPENDED_EV `s-suspendedev`). */
const badgeClass = (s: string | null | undefined) => `badge s-${(s ?? "").toLowerCase().replaceAll("_", "")}`;

// ---- The view, as kept in the URL ------------------------------------------------------

interface View {
  search: string;
  connected: "true" | "false" | "";
  registrationStatus: RegistrationStatus | "";
  connectorStatus: ChargePointStatus | "";
  site: string;
  orderBy: StationOrder;
  descending: boolean;
  after: string;
  before: string;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | "" {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : "";
}

function parseView(q: Record<string, string>): View {
  return {
    search: q.search ?? "",
    connected: oneOf(q.connected, ["true", "false"] as const),
    registrationStatus: oneOf(q.registrationStatus, REGISTRATIONS),
    connectorStatus: oneOf(q.connectorStatus, CONNECTOR_STATUSES),
    site: q.site ?? "",
    orderBy: oneOf(q.orderBy, ORDERS) || "ID",
    descending: q.descending === "true",
    after: q.after ?? "",
    before: q.before ?? "",
  };
}

function viewUrl(v: View): string {
  const p = new URLSearchParams();
  if (v.search) p.set("search", v.search);
  if (v.connected) p.set("connected", v.connected);
  if (v.registrationStatus) p.set("registrationStatus", v.registrationStatus);
  if (v.connectorStatus) p.set("connectorStatus", v.connectorStatus);
  if (v.site) p.set("site", v.site);
  if (v.orderBy !== "ID") p.set("orderBy", v.orderBy);
  if (v.descending) p.set("descending", "true");
  if (v.after) p.set("after", v.after);
  else if (v.before) p.set("before", v.before);
  const s = p.toString();
  return s ? `/stations?${s}` : "/stations";
}

function variables(v: View) {
  return {
    first: v.before ? undefined : PAGE_SIZE,
    last: v.before ? PAGE_SIZE : undefined,
    after: v.after || undefined,
    before: (!v.after && v.before) || undefined,
    search: v.search.trim() || undefined,
    connected: v.connected ? v.connected === "true" : undefined,
    registrationStatus: v.registrationStatus || undefined,
    connectorStatus: v.connectorStatus || undefined,
    site: v.site || undefined,
    orderBy: v.orderBy,
    descending: v.descending,
  };
}

// ---- The page ---------------------------------------------------------------------------

function Connectors({ row }: { row: Row }) {
  const list = row.connectors.filter((c) => c.connectorId > 0).sort((a, b) => a.connectorId - b.connectorId);
  if (!list.length) return <span class="muted">–</span>;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: "4px" }}>
      {list.map((c) => {
        const label = connectorStatusLabel(c.status);
        const error = c.errorCode && c.errorCode !== "NO_ERROR" ? ` (${c.errorCode})` : "";
        return (
          <li key={c.connectorId}>
            <span
              class={badgeClass(c.status)}
              title={`${t("stations.connector", { n: c.connectorId })}: ${label}${error}`}
            >
              <span class="sr-only">{t("stations.connector", { n: c.connectorId })}: </span>
              <span aria-hidden="true">{c.connectorId} </span>
              {label}
              {error && <span class="sr-only">{error}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function StationRow({ row }: { row: Row }) {
  const vendorModel = [row.vendor, row.model].filter(Boolean).join(" · ");
  return (
    <tr data-station={row.id}>
      <th scope="row" style={{ fontWeight: "normal", color: "inherit", whiteSpace: "normal" }}>
        <a href={`/stations/${encodeURIComponent(row.id)}`}>
          {row.displayName ? <strong>{row.displayName}</strong> : <strong style={{ whiteSpace: "nowrap" }}>{row.id}</strong>}
        </a>
        {row.displayName && (
          <>
            <br />
            <span class="muted" style={{ whiteSpace: "nowrap" }}>
              {row.id}
            </span>
          </>
        )}
      </th>
      <td>{row.site || <span class="muted">–</span>}</td>
      <td>
        <span class={`badge ${row.connected ? "s-online" : "s-offline"}`}>
          {row.connected ? t("stations.online") : t("stations.offline")}
        </span>
      </td>
      <td>
        <span class={badgeClass(row.registrationStatus)}>{registrationLabel(row.registrationStatus)}</span>
      </td>
      <td>
        <Connectors row={row} />
      </td>
      <td>{vendorModel || <span class="muted">–</span>}</td>
      <td>{row.firmwareVersion || <span class="muted">–</span>}</td>
      <td style={{ whiteSpace: "nowrap" }}>{ocppLabel(row.ocppVersion)}</td>
      <td style={{ whiteSpace: "nowrap" }}>
        {row.lastSeenAt ? (
          <time dateTime={row.lastSeenAt} title={fmtDateTime(row.lastSeenAt)}>
            {fmtAgo(row.lastSeenAt)}
          </time>
        ) : (
          <span class="muted">{t("stations.never")}</span>
        )}
      </td>
    </tr>
  );
}

export function Stations() {
  const { query, route } = useLocation();
  const view = parseView(query);
  const go = (patch: Partial<View>, replace = false) => {
    const next = { ...view, ...patch };
    // A new search, filter or sort starts again at the first page.
    if (!("after" in patch) && !("before" in patch)) {
      next.after = "";
      next.before = "";
    }
    const url = viewUrl(next);
    if (url !== viewUrl(view)) route(url, replace);
  };

  // The search box: typed text goes to the URL (replacing, so typing does not fill the
  // history) once it rests for 300 ms; a URL changed elsewhere (Back, a link) refills it.
  const [text, setText] = useState(view.search);
  const typed = useDebounced(text, 300);
  const pushed = useRef(view.search);
  useEffect(() => {
    if (typed === view.search) return;
    pushed.current = typed;
    // The first search is a new view (Back returns to the list without it); refining it is not.
    go({ search: typed }, !!view.search);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  useEffect(() => {
    if (view.search !== pushed.current) {
      pushed.current = view.search;
      setText(view.search);
    }
  }, [view.search]);

  // A table of eight columns deserves a wide screen: lift the shell's max width while here.
  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    main.style.maxWidth = "none";
    return () => {
      main.style.maxWidth = "";
    };
  }, []);

  const vars = variables(view);
  const list = useQuery(StationsQuery, vars);
  const sites = useQuery(SitesQuery, {});
  useTick(30_000); // keeps "5 minutes ago" current

  // Live: subscribing to `connectorStatus`/`stationEvents` per visible station would open one
  // stream per row (50 a page), and one over the whole fleet is what the console must not do.
  // So the page re-reads the visible page instead: every 15 s while the tab is visible, and
  // when the `fleetSummary` subscription (one cheap stream of counts) says something changed.
  const lastRead = useRef(0);
  const reload = useRef(list.reload);
  reload.current = list.reload;
  const key = JSON.stringify(vars);
  useEffect(() => {
    lastRead.current = Date.now();
  }, [key]);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      // The subscription's first event comes right after the page's own read.
      if (Date.now() - lastRead.current < 3000) return;
      lastRead.current = Date.now();
      reload.current();
    };
    const every = setInterval(refresh, REFRESH_MS);
    const stop = live(FleetChanged, {}, { next: refresh, resync: refresh });
    return () => {
      clearInterval(every);
      stop();
    };
  }, []);

  const data = list.data?.stations;
  const rows = data?.nodes ?? [];
  const siteList = sites.data?.sites ?? [];
  const filtered =
    !!view.search || !!view.connected || !!view.registrationStatus || !!view.connectorStatus || !!view.site;
  const selectValue = (e: Event) => (e.currentTarget as HTMLSelectElement).value;
  const sortedBy = (o: StationOrder) => (view.orderBy === o ? (view.descending ? "descending" : "ascending") : undefined);

  // Each control also carries its label as `aria-label`: a <label> wrapping a <select> would
  // otherwise lend it the options' text too, and tests find controls by their exact label.
  return (
    <Page title={t("nav.stations")}>
      <form
        class="filters"
        role="search"
        aria-label={t("stations.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          pushed.current = text;
          go({ search: text }, true);
        }}
      >
        <Field label={t("stations.search")}>
          <input
            aria-label={t("stations.search")}
            type="search"
            name="search"
            style={{ minWidth: "15rem" }}
            value={text}
            placeholder={t("stations.searchHint")}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          />
        </Field>
        <Field label={t("stations.connection")}>
          <select
            aria-label={t("stations.connection")}
            name="connected"
            value={view.connected}
            onChange={(e) => go({ connected: selectValue(e) as View["connected"] })}
          >
            <option value="">{t("common.all")}</option>
            <option value="true">{t("stations.online")}</option>
            <option value="false">{t("stations.offline")}</option>
          </select>
        </Field>
        <Field label={t("stations.registration")}>
          <select
            aria-label={t("stations.registration")}
            name="registrationStatus"
            value={view.registrationStatus}
            onChange={(e) => go({ registrationStatus: selectValue(e) as View["registrationStatus"] })}
          >
            <option value="">{t("common.all")}</option>
            {REGISTRATIONS.map((r) => (
              <option key={r} value={r}>
                {registrationLabel(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("stations.connectorStatus")}>
          <select
            aria-label={t("stations.connectorStatus")}
            name="connectorStatus"
            value={view.connectorStatus}
            onChange={(e) => go({ connectorStatus: selectValue(e) as View["connectorStatus"] })}
          >
            <option value="">{t("common.all")}</option>
            {CONNECTOR_STATUSES.map((s) => (
              <option key={s} value={s}>
                {connectorStatusLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("stations.site")}>
          <select aria-label={t("stations.site")} name="site" value={view.site} onChange={(e) => go({ site: selectValue(e) })}>
            <option value="">{t("common.all")}</option>
            {view.site && !siteList.some((s) => s.name === view.site) && (
              <option value={view.site}>{view.site}</option>
            )}
            {siteList.map((s) => (
              <option key={s.name} value={s.name}>
                {t("stations.siteOption", { name: s.name, n: fmtNumber(s.stations) })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("stations.sortBy")}>
          <select
            aria-label={t("stations.sortBy")}
            name="orderBy"
            value={view.orderBy}
            onChange={(e) => go({ orderBy: selectValue(e) as StationOrder })}
          >
            {ORDERS.map((o) => (
              <option key={o} value={o}>
                {orderLabel(o)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("stations.direction")}>
          <select
            aria-label={t("stations.direction")}
            name="descending"
            value={view.descending ? "true" : "false"}
            onChange={(e) => go({ descending: selectValue(e) === "true" })}
          >
            <option value="false">{t("stations.ascending")}</option>
            <option value="true">{t("stations.descending")}</option>
          </select>
        </Field>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              pushed.current = "";
              setText("");
              go({ search: "", connected: "", registrationStatus: "", connectorStatus: "", site: "" });
            }}
          >
            {t("stations.clearFilters")}
          </button>
        )}
      </form>

      {siteList.length > 0 && (
        <details style={{ marginBottom: "12px" }}>
          <summary>{t("stations.sites", { n: fmtNumber(siteList.length) })}</summary>
          <ul
            aria-label={t("stations.sitesList")}
            style={{ listStyle: "none", padding: 0, margin: "8px 0 0", display: "flex", flexWrap: "wrap", gap: "6px 16px" }}
          >
            {siteList.map((s) => (
              <li key={s.name}>
                <a
                  href={viewUrl({ ...parseView({}), site: s.name })}
                  aria-current={view.site === s.name ? "true" : undefined}
                >
                  {s.name}
                </a>{" "}
                <span class="muted">({fmtNumber(s.stations)})</span>
              </li>
            ))}
          </ul>
        </details>
      )}

      <ErrorNotice error={list.error} />
      <p class="muted" role="status" data-testid="stations-count" data-value={data?.totalCount}>
        {data
          ? filtered
            ? t("stations.countFiltered", { n: fmtNumber(data.totalCount) })
            : t("stations.count", { n: fmtNumber(data.totalCount) })
          : list.loading
            ? t("common.loading")
            : ""}
      </p>

      {data && rows.length === 0 && <p>{filtered ? t("stations.noMatch") : t("stations.none")}</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table data-testid="stations-table" aria-busy={list.loading ? "true" : "false"}>
            <caption class="sr-only">{t("nav.stations")}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={sortedBy("ID") ?? sortedBy("DISPLAY_NAME")}>
                  {t("stations.col.station")}
                </th>
                <th scope="col" aria-sort={sortedBy("SITE")}>
                  {t("stations.col.site")}
                </th>
                <th scope="col">{t("stations.col.connection")}</th>
                <th scope="col">{t("stations.col.registration")}</th>
                <th scope="col">{t("stations.col.connectors")}</th>
                <th scope="col">{t("stations.col.vendorModel")}</th>
                <th scope="col">{t("stations.col.firmware")}</th>
                <th scope="col">{t("stations.col.ocpp")}</th>
                <th scope="col" aria-sort={sortedBy("LAST_SEEN")}>
                  {t("stations.col.lastSeen")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <StationRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (data.pageInfo.hasNextPage || data.pageInfo.hasPreviousPage) && (
        <div class="row" style={{ justifyContent: "flex-end", alignItems: "center" }}>
          {data.pageInfo.hasPreviousPage && (
            <button type="button" onClick={() => go({ after: "", before: "" })}>
              « {t("stations.firstPage")}
            </button>
          )}
          <Pager
            pageInfo={data.pageInfo}
            onPage={({ after, before }) => {
              go({ after: after ?? "", before: before ?? "" });
              document.getElementById("main")?.scrollIntoView();
            }}
          />
        </div>
      )}
    </Page>
  );
}
