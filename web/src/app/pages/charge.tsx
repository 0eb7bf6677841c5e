// Start charging at one connector: the page a charger's QR code opens
// (/app/charge/{stationId}/{connectorId}). The connector's status live, the tag to charge with
// (with what is left of its budget), a confirmation, then `remoteStartTransaction` and what came
// of it in plain words; once the station accepted, the new session is looked for (the station's
// transactionEvents, and a re-read every few seconds) and opened as soon as it begins.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../../gql";
import { ApiError, call, errorText } from "../api";
import { t } from "../i18n";
import { TransactionEventsSub, useLive } from "../live";
import { TagPicker } from "../tags";
import { Confirm, Outcome, Screen, StatusBadge } from "../ui";
import { FREE } from "./home";
import { useStation } from "./station";

const StartMutation = graphql(`
  mutation AppStart($stationId: ID!, $connectorId: Int!, $idTag: String!) {
    remoteStartTransaction(stationId: $stationId, connectorId: $connectorId, idTag: $idTag) {
      status
    }
  }
`);

const FindQuery = graphql(`
  query AppFindStarted($stationId: ID!) {
    transactions(active: true, stationId: $stationId, first: 10) {
      nodes {
        id
        connectorId
        idTag
      }
    }
  }
`);

/** How long to wait for the session to begin after the station accepted (the driver plugs in). */
const WAIT_MS = 180_000;

type Phase =
  | { kind: "choose" }
  | { kind: "sending" }
  | { kind: "accepted"; since: number }
  | { kind: "rejected" }
  | { kind: "failed"; error: ApiError }
  | { kind: "gaveUp" };

export function Charge({ station, connector }: { station: string; connector: string }) {
  const connectorId = Number(connector);
  const { route } = useLocation();
  const q = useStation(station);
  const [tag, setTag] = useState("");
  const [asking, setAsking] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "choose" });
  const tagRef = useRef(tag);
  tagRef.current = tag;
  const waiting = phase.kind === "sending" || phase.kind === "accepted";

  const open = (tx: { id: number; connectorId: number; idTag: string }) => {
    if (tx.connectorId === connectorId && tx.idTag.toLowerCase() === tagRef.current.toLowerCase()) {
      route(`/app/session/${tx.id}`);
      return true;
    }
    return false;
  };
  const find = async () => {
    try {
      const d = await call(FindQuery, { stationId: station });
      d.transactions.nodes.some(open);
    } catch {
      // The next look, or the event, finds it.
    }
  };
  // Subscribed before the command is sent, so the start cannot slip by.
  useLive(
    TransactionEventsSub,
    { stationId: station },
    ({ transactionEvents: e }) => e.kind === "STARTED" && open(e.transaction),
    () => void find(),
    waiting,
  );
  useEffect(() => {
    if (phase.kind !== "accepted") return;
    const id = setInterval(() => {
      if (Date.now() - phase.since > WAIT_MS) setPhase({ kind: "gaveUp" });
      else void find();
    }, 4000);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  const start = async () => {
    setAsking(false);
    setPhase({ kind: "sending" });
    try {
      const r = await call(StartMutation, { stationId: station, connectorId, idTag: tag });
      if (r.remoteStartTransaction.status === "ACCEPTED") {
        setPhase({ kind: "accepted", since: Date.now() });
        void find();
      } else setPhase({ kind: "rejected" });
    } catch (e) {
      setPhase({ kind: "failed", error: e as ApiError });
    }
  };

  const s = q.data?.station;
  const c = s?.connectors.find((x) => x.connectorId === connectorId);
  const name = s?.displayName ?? station;
  if (q.data && !s) {
    return (
      <Screen title={t("station.notFound")} back="/app/">
        <p>{t("station.notFoundText", { id: station })}</p>
      </Screen>
    );
  }
  if (!Number.isInteger(connectorId) || connectorId < 1 || (s && !c && s.connectors.length > 0)) {
    return (
      <Screen title={t("charge.noConnector")} back={`/app/station/${encodeURIComponent(station)}`}>
        <p>{t("charge.noConnectorText", { n: connector, station: name })}</p>
      </Screen>
    );
  }
  const busy = c?.status && !FREE.has(c.status);
  return (
    <Screen title={t("charge.title")} back={`/app/station/${encodeURIComponent(station)}`}>
      <div class="card where" data-testid="charge-connector">
        <strong>{name}</strong>
        <div class="row">
          <span>{t("home.connector", { n: connectorId })}</span>
          <StatusBadge status={c?.status} />
        </div>
      </div>
      {s && !s.connected && <p class="notice warn">{t("station.offline")}</p>}
      {c?.currentTransaction ? (
        <p class="notice ok">
          {t("charge.yours")}{" "}
          <a href={`/app/session/${c.currentTransaction.id}`}>{t("charge.openSession")}</a>
        </p>
      ) : (
        busy && <p class="notice warn">{t("charge.busy")}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (tag) setAsking(true);
        }}
      >
        <TagPicker value={tag} onChange={setTag} />
        <button type="submit" class="primary big" disabled={!tag || waiting}>
          {phase.kind === "sending" ? t("charge.sending") : t("charge.start")}
        </button>
      </form>
      <div aria-live="polite">
        {phase.kind === "accepted" && (
          <Outcome kind="ok" testid="start-outcome">
            {t("charge.accepted")}
          </Outcome>
        )}
        {phase.kind === "rejected" && (
          <Outcome kind="warn" testid="start-outcome">
            {t("charge.rejected")}
          </Outcome>
        )}
        {phase.kind === "gaveUp" && (
          <Outcome kind="warn" testid="start-outcome">
            {t("charge.gaveUp")}
          </Outcome>
        )}
        {phase.kind === "failed" && (
          <p class="notice error" role="alert" data-code={phase.error.code} data-testid="start-outcome">
            {errorText(phase.error)}
          </p>
        )}
      </div>
      <Confirm
        open={asking}
        title={t("charge.confirmTitle")}
        confirm={t("charge.start")}
        onConfirm={() => void start()}
        onCancel={() => setAsking(false)}
      >
        <p>{t("charge.confirmText", { station: name, n: connectorId, tag })}</p>
      </Confirm>
    </Screen>
  );
}
