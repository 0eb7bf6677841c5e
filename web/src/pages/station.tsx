// One station's page (`/stations/:id/:tab`): its identity and boot data, what the operator
// keeps about it, its connectors with their live status and running sessions, a chart of its
// recent meter values (overview tab); its journal, configuration and every remote command
// (tabs loaded as their own chunks when opened). Live: one subscription per stream, each
// naming this station; after a resync (reconnect, LAGGED, wake-up) the station is re-read.
import { useEffect, useState } from "preact/hooks";
import { ErrorBoundary, lazy, useRoute } from "preact-iso";
import { graphql } from "../gql";
import type { StationPageQuery } from "../gql/graphql";
import { fmtAgo, fmtDateTime, fmtDuration, fmtKWh, fmtNumber, fmtPower, t } from "../i18n";
import { live } from "../lib/api";
import { useMutation, useQuery, useTick } from "../lib/hooks";
import { canOperate, isStaff } from "../lib/session";
import { Badge, ErrorNotice, Field, Page, ocppLabel } from "../lib/ui";
import { MeterChart, type ChartSample } from "./station/chart";
import { measured, orNull } from "./station/common";
import { DriverQrCodes } from "./station/qr";
import "./station/station.css";

const Journal = lazy(() => import("./station/journal").then((m) => m.Journal));
const Configuration = lazy(() => import("./station/configuration").then((m) => m.Configuration));
const DeviceModel = lazy(() => import("./station/device-model").then((m) => m.DeviceModel));
const Commands = lazy(() => import("./station/commands").then((m) => m.Commands));

const StationQuery = graphql(`
  query StationPage($id: ID!) {
    station(id: $id) {
      id
      connected
      connectedSince
      registrationStatus
      securityProfile
      hasAuthorizationKey
      vendor
      model
      chargePointSerialNumber
      chargeBoxSerialNumber
      firmwareVersion
      ocppVersion
      firmwareStatus
      firmwareStatusAt
      diagnosticsStatus
      diagnosticsStatusAt
      iccid
      imsi
      meterType
      meterSerialNumber
      createdAt
      firstSeenAt
      lastBootAt
      lastHeartbeatAt
      lastSeenAt
      connectors {
        connectorId
        status
        errorCode
        info
        vendorErrorCode
        vendorId
        ocppStatus
        statusTimestamp
        updatedAt
        lastMeterReading {
          timestamp
          transactionId
          sampledValues {
            measurand
            phase
            numericValue
            unit
          }
        }
        currentTransaction {
          id
          connectorId
          idTag
          startTime
          meterStart
          energyWh
        }
      }
    }
  }
`);

// The operator's details are read apart from the station's own data, so a server that does
// not know them yet (or an error in them) leaves the rest of the page working.
const DetailsQuery = graphql(`
  query StationDetails($id: ID!) {
    station(id: $id) {
      id
      displayName
      site
      address
      latitude
      longitude
      note
    }
  }
`);

const UpdateDetails = graphql(`
  mutation StationUpdateDetails($id: ID!, $input: StationDetailsInput!) {
    updateStationDetails(id: $id, input: $input) {
      id
      displayName
      site
      address
      latitude
      longitude
      note
    }
  }
`);

const ConnectorStatusSub = graphql(`
  subscription StationConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      connectorId
      status
      errorCode
      info
      timestamp
    }
  }
`);

const MeterValuesSub = graphql(`
  subscription StationMeterValues($stationId: ID!) {
    meterValues(stationId: $stationId) {
      connectorId
      transactionId
      meterValues {
        timestamp
        transactionId
        sampledValues {
          measurand
          phase
          numericValue
          unit
        }
      }
    }
  }
`);

const TransactionEventsSub = graphql(`
  subscription StationTransactionEvents($stationId: ID!) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
        connectorId
        idTag
        startTime
        meterStart
        energyWh
      }
    }
  }
`);

const StationEventsSub = graphql(`
  subscription StationEvents($stationId: ID!) {
    stationEvents(stationId: $stationId) {
      kind
      at
    }
  }
`);

export type StationData = NonNullable<StationPageQuery["station"]>;
export type ConnectorData = StationData["connectors"][number];

export const TABS = ["overview", "journal", "configuration", "commands"] as const;
export type Tab = (typeof TABS)[number];

/** Listeners of this station's live events inside the page (the chart, the journal). */
export type LiveListener = (e: { kind: "meter"; samples: ChartSample[] } | { kind: "other" }) => void;

export function StationPage() {
  const { params } = useRoute();
  const id = decodeURIComponent(params.id ?? "");
  const tab: Tab = (TABS as readonly string[]).includes(params.tab ?? "") ? (params.tab as Tab) : "overview";
  const q = useQuery(StationQuery, { id });
  const details = useQuery(DetailsQuery, { id });
  const [listeners] = useState(() => new Set<LiveListener>());
  const station = q.data?.station;

  // The four streams of this station; each event updates the page in place.
  useEffect(() => {
    if (!isStaff.value) return;
    const emit: LiveListener = (e) => listeners.forEach((l) => l(e));
    const patch = (connectorId: number, f: (c: ConnectorData) => ConnectorData) =>
      q.setData((d) => {
        if (!d?.station) return d;
        const cs = d.station.connectors;
        const known = cs.some((c) => c.connectorId === connectorId);
        const connectors = known
          ? cs.map((c) => (c.connectorId === connectorId ? f(c) : c))
          : [...cs, f(emptyConnector(connectorId))].sort((a, b) => a.connectorId - b.connectorId);
        return { station: { ...d.station, connectors } };
      });
    const stops = [
      live(
        ConnectorStatusSub,
        { stationId: id },
        {
          next: ({ connectorStatus: e }) => {
            patch(e.connectorId, (c) => ({
              ...c,
              status: e.status,
              errorCode: e.errorCode,
              info: e.info ?? null,
              statusTimestamp: e.timestamp ?? null,
              updatedAt: new Date().toISOString(),
            }));
            emit({ kind: "other" });
          },
          resync: () => q.reload(),
        },
      ),
      live(
        MeterValuesSub,
        { stationId: id },
        {
          next: ({ meterValues: e }) => {
            const latest = e.meterValues[e.meterValues.length - 1];
            if (latest) {
              patch(e.connectorId, (c) => {
                const tx = c.currentTransaction;
                const txId = latest.transactionId ?? e.transactionId;
                const register = measured(latest.sampledValues, "ENERGY_ACTIVE_IMPORT_REGISTER");
                const sameTx = tx && (txId === null || txId === undefined || txId === tx.id);
                return {
                  ...c,
                  lastMeterReading: { ...latest, transactionId: txId ?? null },
                  currentTransaction:
                    tx && sameTx && register !== null
                      ? { ...tx, energyWh: Math.round(register - tx.meterStart) }
                      : tx,
                };
              });
            }
            emit({
              kind: "meter",
              samples: e.meterValues.flatMap((r) =>
                r.sampledValues.map((s) => ({ ...s, connectorId: e.connectorId, timestamp: r.timestamp })),
              ),
            });
          },
          resync: () => q.reload(),
        },
      ),
      live(
        TransactionEventsSub,
        { stationId: id },
        {
          next: ({ transactionEvents: e }) => {
            const tx = e.transaction;
            patch(tx.connectorId, (c) => ({
              ...c,
              currentTransaction:
                e.kind === "STARTED" ? tx : c.currentTransaction?.id === tx.id ? null : c.currentTransaction,
            }));
            emit({ kind: "other" });
          },
          resync: () => q.reload(),
        },
      ),
      live(
        StationEventsSub,
        { stationId: id },
        {
          // Connects, boots, firmware/diagnostics status, reservations: re-read the station,
          // which carries all of it.
          next: () => {
            q.reload();
            emit({ kind: "other" });
          },
          resync: () => q.reload(),
        },
      ),
    ];
    return () => stops.forEach((s) => s());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const name = details.data?.station?.displayName || id;
  const base = `/stations/${encodeURIComponent(id)}`;

  if (!isStaff.value) {
    return (
      <Page title={t("station.title")}>
        <p class="notice warn">{t("station.staffOnly")}</p>
      </Page>
    );
  }
  if (q.loading && !q.data) {
    return (
      <Page title={id}>
        <p role="status">{t("common.loading")}</p>
      </Page>
    );
  }
  if (q.data && !station) {
    return (
      <Page title={id}>
        <p class="notice warn">{t("station.notFound", { id })}</p>
        <p>
          <a href="/stations">{t("station.backToList")}</a>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={name}
      actions={
        station && (
          <span class="station-state">
            <span class={`badge ${station.connected ? "s-online" : "s-offline"}`} data-testid="connection">
              {station.connected ? t("station.online") : t("station.offline")}
            </span>{" "}
            <span class="muted">
              {station.connected
                ? t("station.connectedSince", { ago: fmtAgo(station.connectedSince) })
                : station.lastSeenAt
                  ? t("station.lastSeen", { ago: fmtAgo(station.lastSeenAt) })
                  : t("station.neverConnected")}
            </span>
          </span>
        )
      }
    >
      <p class="muted station-sub">
        <a href="/stations">{t("nav.stations")}</a> / <code>{id}</code>
        {details.data?.station?.site && <> · {details.data.station.site}</>}
      </p>
      <ErrorNotice error={q.error} />
      <nav aria-label={t("station.tabs")}>
        <div class="tabs">
          {TABS.map((k) => (
            <a key={k} href={k === "overview" ? base : `${base}/${k}`} aria-current={tab === k ? "page" : undefined}>
              {tabLabel(k)}
            </a>
          ))}
        </div>
      </nav>
      {station && (
        <ErrorBoundary>
          {tab === "overview" && (
            <Overview station={station} details={details} listeners={listeners} onReload={q.reload} />
          )}
          {tab === "journal" && <Journal stationId={id} listeners={listeners} />}
          {tab === "configuration" &&
            (station.ocppVersion === "OCPP_2_0_1" ? (
              <DeviceModel stationId={id} connected={station.connected} />
            ) : (
              <Configuration stationId={id} connected={station.connected} />
            ))}
          {tab === "commands" && <Commands station={station} onChanged={q.reload} />}
        </ErrorBoundary>
      )}
    </Page>
  );
}

function tabLabel(k: Tab): string {
  switch (k) {
    case "overview":
      return t("station.tab.overview");
    case "journal":
      return t("station.tab.journal");
    case "configuration":
      return t("station.tab.configuration");
    case "commands":
      return t("station.tab.commands");
  }
}

function emptyConnector(connectorId: number): ConnectorData {
  return {
    connectorId,
    status: null,
    errorCode: null,
    info: null,
    vendorErrorCode: null,
    vendorId: null,
    ocppStatus: null,
    statusTimestamp: null,
    updatedAt: new Date().toISOString(),
    lastMeterReading: null,
    currentTransaction: null,
  };
}

function Overview(props: {
  station: StationData;
  details: ReturnType<typeof useQuery<import("../gql/graphql").StationDetailsQuery, { id: string }>>;
  listeners: Set<LiveListener>;
  onReload: () => void;
}) {
  const s = props.station;
  const connectors = s.connectors.filter((c) => c.connectorId > 0);
  const point = s.connectors.find((c) => c.connectorId === 0);
  return (
    <>
      <section aria-labelledby="connectors-h">
        <h2 id="connectors-h">{t("station.connectors")}</h2>
        {point && (
          <p>
            {t("station.chargePointStatus")}: <Badge value={point.status} />{" "}
            {point.errorCode && point.errorCode !== "NO_ERROR" && <span>{point.errorCode}</span>}
          </p>
        )}
        {connectors.length === 0 ? (
          <p class="muted">{t("station.noConnectors")}</p>
        ) : (
          <div class="connector-cards">
            {connectors.map((c) => (
              <ConnectorCard key={c.connectorId} c={c} />
            ))}
          </div>
        )}
      </section>
      <MeterChart stationId={s.id} listeners={props.listeners} />
      <DriverQrCodes stationId={s.id} connectorIds={connectors.map((c) => c.connectorId)} />
      <div class="grid2">
        <section aria-labelledby="identity-h" class="card">
          <h2 id="identity-h">{t("station.identity")}</h2>
          <Identity s={s} />
        </section>
        <DetailsCard stationId={s.id} details={props.details} />
      </div>
    </>
  );
}

function ConnectorCard({ c }: { c: ConnectorData }) {
  const now = useTick(1000);
  const tx = c.currentTransaction;
  const power = c.lastMeterReading ? measured(c.lastMeterReading.sampledValues, "POWER_ACTIVE_IMPORT") : null;
  const n = c.connectorId;
  return (
    <article class="card connector" data-testid={`connector-${n}`} aria-labelledby={`connector-${n}-h`}>
      <h3 id={`connector-${n}-h`}>
        {t("station.connector", { n })}{" "}
        <span data-testid={`status-${n}`} role="status" aria-live="polite">
          <Badge value={c.status} />
        </span>
      </h3>
      {c.errorCode && c.errorCode !== "NO_ERROR" && (
        <p class="notice error">
          {t("station.errorCode")}: <strong>{c.errorCode}</strong>
          {c.info && <> · {c.info}</>}
          {c.vendorErrorCode && <> · {c.vendorErrorCode}</>}
        </p>
      )}
      {(!c.errorCode || c.errorCode === "NO_ERROR") && c.info && <p class="muted">{c.info}</p>}
      {c.ocppStatus && (
        <p class="muted" data-testid={`ocpp-status-${n}`}>
          {t("station.ocppStatus", { status: c.ocppStatus })}
        </p>
      )}
      <dl class="kv">
        <dt>{t("station.statusSince")}</dt>
        <dd>{fmtDateTime(c.statusTimestamp ?? c.updatedAt)}</dd>
        {tx ? (
          <>
            <dt>{t("station.transaction")}</dt>
            <dd>
              <a href={`/transactions/${tx.id}`}>#{tx.id}</a>
            </dd>
            <dt>{t("station.idTag")}</dt>
            <dd>
              <code>{tx.idTag}</code>
            </dd>
            <dt>{t("station.started")}</dt>
            <dd>{fmtDateTime(tx.startTime)}</dd>
            <dt>{t("station.duration")}</dt>
            <dd data-testid={`duration-${n}`}>
              {fmtDuration(Math.max(0, (now - Date.parse(tx.startTime)) / 1000))}
            </dd>
            <dt>{t("station.energy")}</dt>
            <dd data-testid={`energy-${n}`} class="big">
              {fmtKWh(tx.energyWh)}
            </dd>
            <dt>{t("station.power")}</dt>
            <dd data-testid={`power-${n}`} class="big">
              {fmtPower(power)}
            </dd>
          </>
        ) : (
          <>
            <dt>{t("station.transaction")}</dt>
            <dd class="muted">{t("station.noTransaction")}</dd>
            {c.lastMeterReading && (
              <>
                <dt>{t("station.lastReading")}</dt>
                <dd>
                  {fmtKWh(measured(c.lastMeterReading.sampledValues, "ENERGY_ACTIVE_IMPORT_REGISTER"))}{" "}
                  <span class="muted">({fmtAgo(c.lastMeterReading.timestamp)})</span>
                </dd>
              </>
            )}
          </>
        )}
      </dl>
    </article>
  );
}

function Identity({ s }: { s: StationData }) {
  const row = (label: string, value: string | number | null | undefined) => (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === "" ? "–" : value}</dd>
    </>
  );
  return (
    <dl class="kv">
      {row(t("station.id"), s.id)}
      <dt>{t("station.registration")}</dt>
      <dd>
        <Badge value={s.registrationStatus} />
      </dd>
      {row(t("station.securityProfile"), s.securityProfile)}
      {row(
        t("station.authorizationKey"),
        s.hasAuthorizationKey === null || s.hasAuthorizationKey === undefined
          ? null
          : s.hasAuthorizationKey
            ? t("common.yes")
            : t("common.no"),
      )}
      {row(t("station.vendor"), s.vendor)}
      {row(t("station.model"), s.model)}
      {row(t("station.chargePointSerial"), s.chargePointSerialNumber)}
      {row(t("station.chargeBoxSerial"), s.chargeBoxSerialNumber)}
      {row(t("station.firmware"), s.firmwareVersion)}
      {row(t("station.ocppVersion"), ocppLabel(s.ocppVersion))}
      {row(
        t("station.firmwareStatus"),
        s.firmwareStatus ? `${s.firmwareStatus} (${fmtDateTime(s.firmwareStatusAt)})` : null,
      )}
      {row(
        t("station.diagnosticsStatus"),
        s.diagnosticsStatus ? `${s.diagnosticsStatus} (${fmtDateTime(s.diagnosticsStatusAt)})` : null,
      )}
      {row(t("station.iccid"), s.iccid)}
      {row(t("station.imsi"), s.imsi)}
      {row(t("station.meterType"), s.meterType)}
      {row(t("station.meterSerial"), s.meterSerialNumber)}
      {row(t("station.firstSeen"), fmtDateTime(s.firstSeenAt ?? s.createdAt))}
      {row(t("station.lastBoot"), fmtDateTime(s.lastBootAt))}
      {row(t("station.lastHeartbeat"), fmtDateTime(s.lastHeartbeatAt))}
      {row(t("station.lastSeenAt"), fmtDateTime(s.lastSeenAt))}
      {row(t("station.connectedSinceLabel"), s.connected ? fmtDateTime(s.connectedSince) : null)}
    </dl>
  );
}

type DetailsData = NonNullable<import("../gql/graphql").StationDetailsQuery["station"]>;

function DetailsCard(props: {
  stationId: string;
  details: ReturnType<typeof useQuery<import("../gql/graphql").StationDetailsQuery, { id: string }>>;
}) {
  const [editing, setEditing] = useState(false);
  const d = props.details.data?.station;
  return (
    <section aria-labelledby="details-h" class="card">
      <h2 id="details-h">{t("station.details")}</h2>
      <ErrorNotice error={props.details.error} />
      {d && !editing && (
        <>
          <dl class="kv">
            <dt>{t("station.displayName")}</dt>
            <dd>{d.displayName || "–"}</dd>
            <dt>{t("station.site")}</dt>
            <dd>{d.site ? <a href={`/stations?site=${encodeURIComponent(d.site)}`}>{d.site}</a> : "–"}</dd>
            <dt>{t("station.address")}</dt>
            <dd>{d.address || "–"}</dd>
            <dt>{t("station.coordinates")}</dt>
            <dd>
              {d.latitude !== null && d.latitude !== undefined && d.longitude !== null && d.longitude !== undefined
                ? `${fmtNumber(d.latitude, 6)}, ${fmtNumber(d.longitude, 6)}`
                : "–"}
            </dd>
            <dt>{t("station.note")}</dt>
            <dd class="note">{d.note || "–"}</dd>
          </dl>
          {canOperate.value && (
            <p>
              <button type="button" onClick={() => setEditing(true)}>
                {t("station.editDetails")}
              </button>
            </p>
          )}
        </>
      )}
      {d && editing && (
        <DetailsForm
          stationId={props.stationId}
          d={d}
          onDone={(next) => {
            if (next) props.details.setData(() => ({ station: next }));
            setEditing(false);
          }}
        />
      )}
    </section>
  );
}

function DetailsForm(props: { stationId: string; d: DetailsData; onDone: (d: DetailsData | null) => void }) {
  const { d } = props;
  const [displayName, setDisplayName] = useState(d.displayName ?? "");
  const [site, setSite] = useState(d.site ?? "");
  const [address, setAddress] = useState(d.address ?? "");
  const [lat, setLat] = useState(d.latitude?.toString() ?? "");
  const [lng, setLng] = useState(d.longitude?.toString() ?? "");
  const [note, setNote] = useState(d.note ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const m = useMutation(UpdateDetails);
  const submit = async (e: Event) => {
    e.preventDefault();
    const la = lat.trim() === "" ? null : Number(lat.replace(",", "."));
    const lo = lng.trim() === "" ? null : Number(lng.replace(",", "."));
    if ((la === null) !== (lo === null)) return setProblem(t("station.coordinatesBoth"));
    if (la !== null && (Number.isNaN(la) || la < -90 || la > 90)) return setProblem(t("station.latitudeRange"));
    if (lo !== null && (Number.isNaN(lo) || lo < -180 || lo > 180)) return setProblem(t("station.longitudeRange"));
    setProblem(null);
    const r = await m.run({
      id: props.stationId,
      input: {
        displayName: orNull(displayName),
        site: orNull(site),
        address: orNull(address),
        latitude: la,
        longitude: lo,
        note: orNull(note),
      },
    });
    if (r) props.onDone(r.updateStationDetails);
  };
  return (
    <form onSubmit={submit} aria-label={t("station.editDetails")}>
      <Field label={t("station.displayName")}>
        <input value={displayName} maxLength={200} onInput={(e) => setDisplayName(e.currentTarget.value)} />
      </Field>
      <Field label={t("station.site")} hint={t("station.siteHint")}>
        <input value={site} maxLength={200} onInput={(e) => setSite(e.currentTarget.value)} />
      </Field>
      <Field label={t("station.address")}>
        <input value={address} maxLength={500} onInput={(e) => setAddress(e.currentTarget.value)} />
      </Field>
      <div class="row">
        <Field label={t("station.latitude")}>
          <input inputMode="decimal" value={lat} onInput={(e) => setLat(e.currentTarget.value)} />
        </Field>
        <Field label={t("station.longitude")}>
          <input inputMode="decimal" value={lng} onInput={(e) => setLng(e.currentTarget.value)} />
        </Field>
      </div>
      <Field label={t("station.note")}>
        <textarea rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
      {problem && (
        <p class="notice warn" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={m.error} />
      <div class="row">
        <button type="submit" class="primary" disabled={m.running}>
          {t("common.save")}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
