// The station's journal: the OCPP frames it exchanged, newest first, filtered by action and
// direction (kept in the URL), each payload pretty-printed in a collapsible <details>.
//
// Live: there is no journal subscription, and most frames (Heartbeat, DataTransfer, every
// command's CALL and its answer) raise no event on the station's subscriptions either; so
// while the first page is on screen and the tab is visible, the first page is re-read every
// few seconds (and at once on any event of this station's subscriptions). New frames then
// appear at the top; frames already shown keep their place (keyed by id, so an opened
// <details> stays open). Later pages stay still, so reading them is not disturbed.
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../../gql";
import type { Direction } from "../../gql/graphql";
import { fmtDateTime, fmtNumber, t } from "../../i18n";
import { useQuery } from "../../lib/hooks";
import { ErrorNotice, Field, Pager, useDebounced } from "../../lib/ui";
import type { LiveListener } from "../station";

const JournalQuery = graphql(`
  query StationJournal(
    $stationId: ID!
    $action: String
    $direction: Direction
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    ocppMessages(
      stationId: $stationId
      action: $action
      direction: $direction
      first: $first
      after: $after
      last: $last
      before: $before
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
        createdAt
        direction
        messageType
        action
        messageId
        payload
        size
        truncated
        sha256
      }
    }
  }
`);

const PAGE = 50;
const POLL_MS = 3000;

/** OCPP 1.6 actions, offered in the filter (any text may be typed). */
const ACTIONS = [
  "Authorize",
  "BootNotification",
  "CancelReservation",
  "CertificateSigned",
  "ChangeAvailability",
  "ChangeConfiguration",
  "ClearCache",
  "ClearChargingProfile",
  "DataTransfer",
  "DeleteCertificate",
  "DiagnosticsStatusNotification",
  "ExtendedTriggerMessage",
  "FirmwareStatusNotification",
  "GetCompositeSchedule",
  "GetConfiguration",
  "GetDiagnostics",
  "GetInstalledCertificateIds",
  "GetLocalListVersion",
  "GetLog",
  "Heartbeat",
  "InstallCertificate",
  "JournalSkipped",
  "LogStatusNotification",
  "MeterValues",
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "ReserveNow",
  "Reset",
  "SecurityEventNotification",
  "SendLocalList",
  "SetChargingProfile",
  "SignCertificate",
  "SignedFirmwareStatusNotification",
  "SignedUpdateFirmware",
  "StartTransaction",
  "StatusNotification",
  "StopTransaction",
  "TriggerMessage",
  "UnlockConnector",
  "UpdateFirmware",
];

export function Journal(props: { stationId: string; listeners: Set<LiveListener> }) {
  const loc = useLocation();
  const qs = loc.query;
  const [actionText, setActionText] = useState(qs.action ?? "");
  const action = useDebounced(actionText.trim(), 400);
  const direction = (qs.direction === "IN" || qs.direction === "OUT" ? qs.direction : "") as Direction | "";
  const after = qs.after || null;
  const before = qs.before || null;
  const [paused, setPaused] = useState(false);

  const setQuery = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(loc.url.split("?")[1] ?? "");
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    loc.route(`${loc.path}${s ? `?${s}` : ""}`, true);
  };
  useEffect(() => {
    if ((qs.action ?? "") !== action) setQuery({ action: action || null, after: null, before: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  const q = useQuery(JournalQuery, {
    stationId: props.stationId,
    action: action || null,
    direction: direction || null,
    ...(before ? { last: PAGE, before } : { first: PAGE, after }),
  });
  const first = !after && !before;
  const following = first && !paused;

  useEffect(() => {
    if (!following) return;
    const tick = () => {
      if (document.visibilityState === "visible") q.reload();
    };
    const id = setInterval(tick, POLL_MS);
    const l: LiveListener = () => tick();
    props.listeners.add(l);
    return () => {
      clearInterval(id);
      props.listeners.delete(l);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [following, q.reload, props.listeners]);

  const conn = q.data?.ocppMessages;
  return (
    <section aria-labelledby="journal-h">
      <h2 id="journal-h">{t("station.journal")}</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("station.journalFilters")}>
        <Field label={t("station.action")}>
          <input
            list="journal-actions"
            value={actionText}
            placeholder={t("common.all")}
            onInput={(e) => setActionText(e.currentTarget.value)}
          />
        </Field>
        <datalist id="journal-actions">
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field label={t("station.direction")}>
          <select
            value={direction}
            onChange={(e) => setQuery({ direction: e.currentTarget.value || null, after: null, before: null })}
          >
            <option value="">{t("common.all")}</option>
            <option value="IN">{t("station.directionIn")}</option>
            <option value="OUT">{t("station.directionOut")}</option>
          </select>
        </Field>
        <label class="check">
          <input type="checkbox" checked={!paused} onChange={(e) => setPaused(!e.currentTarget.checked)} />{" "}
          {t("station.journalLive")}
        </label>
        {!first && (
          <button type="button" onClick={() => setQuery({ after: null, before: null })}>
            {t("station.journalNewest")}
          </button>
        )}
      </form>
      <p class="muted" aria-live="polite">
        {following ? <span class="live-dot">{t("station.journalFollowing")}</span> : t("station.journalStill")}
      </p>
      <ErrorNotice error={q.error} />
      {q.loading && !q.data && <p class="muted">{t("common.loading")}</p>}
      {conn && conn.nodes.length === 0 && <p class="muted">{t("station.journalEmpty")}</p>}
      {conn && conn.nodes.length > 0 && (
        <ol class="journal" aria-label={t("station.journal")}>
          {conn.nodes.map((m) => (
            <li key={m.id} class={`frame dir-${m.direction.toLowerCase()}`}>
              <details>
                <summary>
                  <time dateTime={m.createdAt}>{fmtDateTime(m.createdAt)}</time>{" "}
                  <span class="dir" title={m.direction === "IN" ? t("station.directionIn") : t("station.directionOut")}>
                    {m.direction === "IN" ? "←" : "→"}
                    <span class="sr-only">
                      {m.direction === "IN" ? t("station.directionIn") : t("station.directionOut")}
                    </span>
                  </span>{" "}
                  <strong>{m.action ?? "?"}</strong> <span class="muted">{m.messageType ?? "?"}</span>{" "}
                  <span class="muted">
                    {t("station.bytes", { n: fmtNumber(m.size) })}
                    {m.truncated && <> · {t("station.truncated")}</>}
                  </span>
                </summary>
                {m.messageId && (
                  <p class="muted">
                    {t("station.messageId")}: <code>{m.messageId}</code>
                  </p>
                )}
                {m.truncated && m.sha256 && (
                  <p class="muted">
                    SHA-256: <code>{m.sha256}</code>
                  </p>
                )}
                <pre>{pretty(m.payload)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      <Pager
        pageInfo={
          conn && {
            ...conn.pageInfo,
            // Newest first: "previous" means newer frames (towards the first page).
            hasPreviousPage: !first && (before ? conn.pageInfo.hasPreviousPage : true),
            hasNextPage: before ? true : conn.pageInfo.hasNextPage,
          }
        }
        total={conn?.totalCount}
        onPage={(v) => setQuery({ after: v.after ?? null, before: v.before ?? null })}
      />
    </section>
  );
}

/** The frame as indented JSON when it is JSON (a truncated frame is shown as stored). */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
