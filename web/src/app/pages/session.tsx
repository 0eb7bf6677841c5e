// A session, live: energy so far, power now, how long it runs (a ticking clock), the car's state
// of charge when the station reports it, a small chart of the energy, and Stop
// (`remoteStopTransaction`) with the station's answer. It follows the transaction's meter values,
// the station's transactions (the stop) and its connectors (a fault) over graphql-transport-ws,
// and reads everything again after a gap (the phone slept, the network dropped, LAGGED).
import { useEffect, useState } from "preact/hooks";
import { graphql } from "../../gql";
import { ApiError, call, errorText, useQuery, useTick } from "../api";
import { fmtClock, fmtDateTime, fmtDuration, fmtKWh, fmtPercent, fmtPower, t } from "../i18n";
import { ConnectorStatusSub, MeterValuesSub, TransactionEventsSub, pick, toBase, useLive } from "../live";
import { enableNotifications, notifications, notify } from "../notify";
import { Sparkline, type Point } from "../sparkline";
import { Confirm, ErrorText, Outcome, Screen, StatusBadge } from "../ui";

const SessionQuery = graphql(`
  query AppSession($id: Int!) {
    transaction(id: $id) {
      id
      stationId
      connectorId
      idTag
      active
      startTime
      stopTime
      meterStart
      energyWh
      durationSeconds
      stopReason
      flags
      station {
        displayName
      }
      energy: meterValues(measurand: ENERGY_ACTIVE_IMPORT_REGISTER, last: 200) {
        nodes {
          timestamp
          measurand
          phase
          unit
          numericValue
        }
      }
      power: meterValues(measurand: POWER_ACTIVE_IMPORT, last: 6) {
        nodes {
          timestamp
          measurand
          phase
          unit
          numericValue
        }
      }
      soc: meterValues(measurand: SOC, last: 1) {
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

const StopMutation = graphql(`
  mutation AppStop($stationId: ID!, $transactionId: Int!) {
    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
      status
    }
  }
`);

/** The screen reads the session once more this long after subscribing, so a reading or the
 * stop that came between its first read and the subscription taking effect is shown at once
 * instead of with the station's next reading. */
const SETTLE_MS = 1500;

interface Sampled {
  timestamp: string;
  measurand?: string | null;
  phase?: string | null;
  unit?: string | null;
  numericValue?: number | null;
}

/** The newest reading's value among samples of one measurand (total, or phases summed). */
function latest(nodes: readonly Sampled[], measurand: string, sumPhases = false): number | null {
  if (!nodes.length) return null;
  const newest = nodes[nodes.length - 1].timestamp;
  const at = nodes.filter((n) => n.timestamp === newest).map((n) => ({ ...n, measurand: n.measurand ?? measurand }));
  return pick(at, measurand, sumPhases);
}

/** The energy curve: Wh since the start, one point per reading (totals only where there are). */
function curve(nodes: readonly Sampled[], meterStart: number): Point[] {
  const totals = nodes.filter((n) => !n.phase);
  return (totals.length ? totals : nodes)
    .filter((n) => typeof n.numericValue === "number")
    .map((n) => ({ t: Date.parse(n.timestamp), v: toBase(n.numericValue!, n.unit) - meterStart }));
}

interface Live {
  energyWh: number | null;
  powerW: number | null;
  soc: number | null;
  points: Point[];
}

export function SessionScreen({ id }: { id: string }) {
  const txId = Number(id);
  const q = useQuery(SessionQuery, { id: txId }, !Number.isInteger(txId));
  const tx = q.data?.transaction;
  const [now, setNow] = useState<Live>({ energyWh: null, powerW: null, soc: null, points: [] });
  const [faulted, setFaulted] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [stopped, setStopped] = useState<"ACCEPTED" | "REJECTED" | null>(null);
  const [stopError, setStopError] = useState<ApiError | null>(null);
  const tick = useTick(1000);

  // What was read replaces what the stream had added.
  useEffect(() => {
    if (!tx) return;
    const points = curve(tx.energy.nodes, tx.meterStart);
    const last = points.length ? points[points.length - 1].v : null;
    setNow({
      energyWh: tx.energyWh ?? last,
      powerW: tx.active ? latest(tx.power.nodes, "POWER_ACTIVE_IMPORT", true) : null,
      soc: latest(tx.soc.nodes, "SOC"),
      points,
    });
  }, [tx]);

  const following = !!tx?.active;
  useLive(
    MeterValuesSub,
    { transactionId: txId },
    ({ meterValues: e }) => {
      if (!tx || (e.transactionId !== null && e.transactionId !== tx.id)) return;
      setNow((n) => {
        let { energyWh, powerW, soc, points } = n;
        for (const r of e.meterValues) {
          const energy = pick(r.sampledValues, "ENERGY_ACTIVE_IMPORT_REGISTER");
          if (energy !== null) {
            energyWh = energy - tx.meterStart;
            points = [...points, { t: Date.parse(r.timestamp), v: energyWh }].slice(-500);
          }
          const power = pick(r.sampledValues, "POWER_ACTIVE_IMPORT", true);
          if (power !== null) powerW = power;
          const s = pick(r.sampledValues, "SOC");
          if (s !== null) soc = s;
        }
        return { energyWh, powerW, soc, points };
      });
    },
    q.reload,
    following,
    SETTLE_MS,
  );
  useLive(
    TransactionEventsSub,
    { stationId: tx?.stationId ?? "" },
    ({ transactionEvents: e }) => {
      if (e.transaction.id !== txId || e.kind !== "STOPPED") return;
      q.reload();
      void notify(t("notify.endedTitle"), t("notify.endedBody", { station: tx?.station?.displayName ?? tx?.stationId ?? "" }), `tx-${txId}`);
    },
    q.reload,
    following,
    SETTLE_MS,
  );
  useLive(
    ConnectorStatusSub,
    { stationId: tx?.stationId ?? "" },
    ({ connectorStatus: e }) => {
      if (!tx || e.connectorId !== tx.connectorId) return;
      if (e.status === "FAULTED") {
        setFaulted(e.errorCode);
        void notify(t("notify.faultTitle"), t("notify.faultBody", { n: tx.connectorId }), `fault-${txId}`);
      } else setFaulted(null);
    },
    undefined,
    following,
  );

  const stop = async () => {
    if (!tx) return;
    setAsking(false);
    setStopping(true);
    setStopError(null);
    setStopped(null);
    try {
      const r = await call(StopMutation, { stationId: tx.stationId, transactionId: tx.id });
      setStopped(r.remoteStopTransaction.status);
    } catch (e) {
      setStopError(e as ApiError);
    } finally {
      setStopping(false);
    }
  };

  if (q.data && !tx) {
    return (
      <Screen title={t("session.notFound")} back="/app/">
        <p>{t("session.notFoundText")}</p>
      </Screen>
    );
  }
  const seconds = tx ? (tx.active ? Math.max(0, (tick - Date.parse(tx.startTime)) / 1000) : tx.durationSeconds) : null;
  const name = tx?.station?.displayName ?? tx?.stationId ?? "";
  const budgetStop = tx?.flags.some((f) => String(f).toLowerCase() === "budget_exhausted");
  return (
    <Screen title={tx?.active === false ? t("session.endedTitle") : t("session.title")} back="/app/">
      <ErrorText error={q.error} />
      {q.loading && !tx && <p class="muted">{t("common.loading")}</p>}
      {tx && (
        <>
          <p class="where">
            <strong>{name}</strong> · {t("home.connector", { n: tx.connectorId })} · {tx.idTag}
          </p>
          {tx.active ? (
            <p class="live-badge">
              <StatusBadge status="CHARGING" /> <span class="muted">{t("session.since", { time: fmtDateTime(tx.startTime) })}</span>
            </p>
          ) : (
            <Outcome kind="info" testid="session-ended">
              {t("session.ended", { time: fmtDateTime(tx.stopTime) })}
              {budgetStop && ` ${t("session.budgetStop")}`}
            </Outcome>
          )}
          {faulted && (
            <p class="notice error" role="alert">
              {t("session.faulted", { code: faulted })}
            </p>
          )}
          <dl class="figures">
            <div class="main">
              <dt>{t("session.energy")}</dt>
              <dd data-testid="energy">{fmtKWh(now.energyWh)}</dd>
            </div>
            {tx.active && (
              <div>
                <dt>{t("session.power")}</dt>
                <dd data-testid="power">{fmtPower(now.powerW)}</dd>
              </div>
            )}
            <div>
              <dt>{t("session.duration")}</dt>
              <dd data-testid="duration">{tx.active ? fmtClock(seconds) : fmtDuration(seconds)}</dd>
            </div>
            {now.soc !== null && (
              <div>
                <dt>{t("session.soc")}</dt>
                <dd data-testid="soc">{fmtPercent(now.soc)}</dd>
              </div>
            )}
          </dl>
          <Sparkline points={now.points} label={t("session.chart", { energy: fmtKWh(now.energyWh) })} />
          {tx.active && (
            <>
              <button type="button" class="danger big" disabled={stopping} onClick={() => setAsking(true)}>
                {stopping ? t("session.stopping") : t("session.stop")}
              </button>
              {stopped && (
                <Outcome kind={stopped === "ACCEPTED" ? "ok" : "warn"} testid="stop-outcome">
                  {t(stopped === "ACCEPTED" ? "session.stopAccepted" : "session.stopRejected")}
                </Outcome>
              )}
              {stopError && (
                <p class="notice error" role="alert" data-code={stopError.code} data-testid="stop-outcome">
                  {errorText(stopError)}
                </p>
              )}
              {notifications.value === "off" && (
                <button type="button" class="link" onClick={() => void enableNotifications()}>
                  {t("notify.ask")}
                </button>
              )}
              {notifications.value === "on" && <p class="muted">{t("notify.on")}</p>}
            </>
          )}
          <Confirm
            open={asking}
            title={t("session.confirmStop")}
            confirm={t("session.stop")}
            danger
            onConfirm={() => void stop()}
            onCancel={() => setAsking(false)}
          >
            <p>{t("session.confirmStopText", { station: name })}</p>
          </Confirm>
        </>
      )}
    </Screen>
  );
}
