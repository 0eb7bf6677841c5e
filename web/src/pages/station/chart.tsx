// The station's meter values as a chart: the energy register (kWh) and active power (kW) of
// each connector. Over the last 24 hours from the raw samples (the newest 500 of each
// measurand), with samples arriving live appended; over longer ranges from the meter rollups
// (`meterRollups`: the last register reading and the mean power of each hour or day), which
// stay small however many samples the range holds.
import { useEffect, useMemo, useState } from "preact/hooks";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { TimeChart, type Series } from "../../lib/chart";
import { useQuery } from "../../lib/hooks";
import { ErrorNotice } from "../../lib/ui";
import type { LiveListener } from "../station";
import { baseValue } from "./common";

const MeterQuery = graphql(`
  query StationMeterChart($id: ID!, $from: DateTime!) {
    station(id: $id) {
      id
      energy: meterValues(last: 500, from: $from, measurand: ENERGY_ACTIVE_IMPORT_REGISTER) {
        nodes {
          connectorId
          measurand
          phase
          numericValue
          unit
          timestamp
        }
      }
      power: meterValues(last: 500, from: $from, measurand: POWER_ACTIVE_IMPORT) {
        nodes {
          connectorId
          measurand
          phase
          numericValue
          unit
          timestamp
        }
      }
    }
  }
`);

const RollupQuery = graphql(`
  query StationMeterRollups($id: ID!, $from: DateTime!, $to: DateTime!, $every: RollupInterval!) {
    meterRollups(stationId: $id, from: $from, to: $to, every: $every) {
      connectorId
      start
      powerAvgW
      lastRegisterWh {
        value
        at
      }
    }
  }
`);

/** The ranges offered: the raw samples for a day, the rollups beyond. */
export type ChartRange = "24h" | "7d" | "30d" | "365d";
const RANGES: Record<ChartRange, { seconds: number; every: "HOUR" | "DAY" | null }> = {
  "24h": { seconds: 24 * 3600, every: null },
  "7d": { seconds: 7 * 86400, every: "HOUR" },
  "30d": { seconds: 30 * 86400, every: "HOUR" },
  "365d": { seconds: 365 * 86400, every: "DAY" },
};

export interface RollupPoint {
  connectorId: number;
  start: string;
  powerAvgW?: number | null;
  lastRegisterWh?: { value: number; at: string } | null;
}

/** Rollups as chart samples: each period's last register reading at its time, and its mean
 * power at its start. */
export function rollupSamples(rollups: readonly RollupPoint[]): ChartSample[] {
  const out: ChartSample[] = [];
  for (const r of rollups) {
    if (r.lastRegisterWh) {
      out.push({
        connectorId: r.connectorId,
        measurand: "ENERGY_ACTIVE_IMPORT_REGISTER",
        numericValue: r.lastRegisterWh.value,
        unit: "WH",
        timestamp: r.lastRegisterWh.at,
      });
    }
    if (r.powerAvgW !== null && r.powerAvgW !== undefined) {
      out.push({
        connectorId: r.connectorId,
        measurand: "POWER_ACTIVE_IMPORT",
        numericValue: r.powerAvgW,
        unit: "W",
        timestamp: r.start,
      });
    }
  }
  return out;
}

export interface ChartSample {
  connectorId: number;
  measurand?: string | null;
  phase?: string | null;
  numericValue?: number | null;
  unit?: string | null;
  timestamp: string;
}

/** A raw value is carried forward to the next sample time only over gaps shorter than this
 * (a rollup's over two of its periods). */
const CARRY_S = 15 * 60;
const MAX_SAMPLES = 4000;
const CHARTED = new Set(["ENERGY_ACTIVE_IMPORT_REGISTER", "POWER_ACTIVE_IMPORT"]);

export function MeterChart(props: { stationId: string; listeners: Set<LiveListener> }) {
  const [range, setRange] = useState<ChartRange>("24h");
  const { seconds, every } = RANGES[range];
  // Rounded to the minute so the query's variables stay the same across renders.
  const { from, to } = useMemo(() => {
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    return { from: new Date(now - seconds * 1000).toISOString(), to: new Date(now + 60_000).toISOString() };
  }, [seconds]);
  const raw = useQuery(MeterQuery, { id: props.stationId, from }, { skip: every !== null });
  const rolled = useQuery(
    RollupQuery,
    { id: props.stationId, from, to, every: every ?? "HOUR" },
    { skip: every === null },
  );
  const q = every === null ? raw : rolled;
  const [extra, setExtra] = useState<ChartSample[]>([]);

  useEffect(() => {
    setExtra([]);
  }, [raw.data]);
  useEffect(() => {
    const l: LiveListener = (e) => {
      if (e.kind !== "meter") return;
      const mine = e.samples.filter((s) => s.measurand && CHARTED.has(s.measurand) && !s.phase);
      if (mine.length) setExtra((x) => [...x, ...mine].slice(-MAX_SAMPLES));
    };
    props.listeners.add(l);
    return () => void props.listeners.delete(l);
  }, [props.listeners]);

  const { times, series } = useMemo(() => {
    if (every !== null) {
      const carry = every === "DAY" ? 2 * 86400 : 2 * 3600;
      return build(rollupSamples(rolled.data?.meterRollups ?? []), carry);
    }
    const st = raw.data?.station;
    const all: ChartSample[] = [...(st?.energy.nodes ?? []), ...(st?.power.nodes ?? []), ...extra].filter(
      (s) => !s.phase && s.measurand && CHARTED.has(s.measurand),
    );
    return build(all, CARRY_S);
  }, [every, raw.data, rolled.data, extra]);

  return (
    <section aria-labelledby="chart-h">
      <h2 id="chart-h">{t("station.chart")}</h2>
      <div class="row" role="group" aria-label={t("station.chartRange")} style="margin-bottom:12px">
        {(
          [
            ["24h", t("station.chartRange24h")],
            ["7d", t("station.chartRange7d")],
            ["30d", t("station.chartRange30d")],
            ["365d", t("station.chartRange365d")],
          ] as [ChartRange, string][]
        ).map(([r, label]) => (
          <button
            key={r}
            type="button"
            aria-pressed={r === range}
            class={r === range ? "primary" : undefined}
            onClick={() => setRange(r)}
          >
            {label}
          </button>
        ))}
      </div>
      <ErrorNotice error={q.error} />
      {q.loading && !q.data && <p class="muted">{t("common.loading")}</p>}
      {q.data && times.length < 2 && <p class="muted">{t("station.chartEmpty")}</p>}
      {times.length >= 2 && (
        <div class="card">
          <TimeChart times={times} series={series} label={t("station.chartLabel")} />
        </div>
      )}
    </section>
  );
}

/** Aligns the samples on one time axis: one series per connector and measurand. */
export function build(samples: ChartSample[], carry: number): { times: number[]; series: Series[] } {
  const byKey = new Map<string, Map<number, number>>();
  const timeSet = new Set<number>();
  for (const s of samples) {
    const v = baseValue(s);
    if (v === null) continue;
    const time = Math.round(Date.parse(s.timestamp) / 1000);
    if (!Number.isFinite(time)) continue;
    const key = `${s.measurand}|${s.connectorId}`;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = new Map()));
    m.set(time, v / 1000);
    timeSet.add(time);
  }
  const times = [...timeSet].sort((a, b) => a - b);
  const keys = [...byKey.keys()].sort((a, b) => {
    const [ma, ca] = a.split("|");
    const [mb, cb] = b.split("|");
    return ma === mb ? Number(ca) - Number(cb) : ma < mb ? -1 : 1;
  });
  const series: Series[] = keys.map((key) => {
    const [measurand, connector] = key.split("|");
    const points = byKey.get(key)!;
    // Connectors sample at their own times: a series holds its last value at the other
    // series' times (over short gaps), so its line stays drawn instead of broken into dots.
    let last: number | null = null;
    let lastAt = -Infinity;
    const values = times.map((time) => {
      const v = points.get(time);
      if (v !== undefined) {
        last = v;
        lastAt = time;
        return v;
      }
      return last !== null && time - lastAt <= carry ? last : null;
    });
    const energy = measurand === "ENERGY_ACTIVE_IMPORT_REGISTER";
    return {
      label: energy
        ? t("station.chartEnergy", { n: connector })
        : t("station.chartPower", { n: connector }),
      unit: energy ? "kWh" : "kW",
      values,
    };
  });
  return { times, series };
}
