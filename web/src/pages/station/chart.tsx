// The station's recent meter values as a chart: the energy register (kWh) and active power
// (kW) of each connector over the last 24 hours (the newest 500 samples of each measurand),
// with samples arriving live appended.
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

export interface ChartSample {
  connectorId: number;
  measurand?: string | null;
  phase?: string | null;
  numericValue?: number | null;
  unit?: string | null;
  timestamp: string;
}

const WINDOW_S = 24 * 3600;
/** A value is carried forward to the next sample time only over gaps shorter than this. */
const CARRY_S = 15 * 60;
const MAX_SAMPLES = 4000;
const CHARTED = new Set(["ENERGY_ACTIVE_IMPORT_REGISTER", "POWER_ACTIVE_IMPORT"]);

export function MeterChart(props: { stationId: string; listeners: Set<LiveListener> }) {
  // Rounded to the minute so the query's variables stay the same across renders.
  const [from] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000 - WINDOW_S * 1000).toISOString());
  const q = useQuery(MeterQuery, { id: props.stationId, from });
  const [extra, setExtra] = useState<ChartSample[]>([]);

  useEffect(() => {
    setExtra([]);
  }, [q.data]);
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
    const st = q.data?.station;
    const all: ChartSample[] = [...(st?.energy.nodes ?? []), ...(st?.power.nodes ?? []), ...extra].filter(
      (s) => !s.phase && s.measurand && CHARTED.has(s.measurand),
    );
    return build(all);
  }, [q.data, extra]);

  return (
    <section aria-labelledby="chart-h">
      <h2 id="chart-h">{t("station.chart")}</h2>
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
function build(samples: ChartSample[]): { times: number[]; series: Series[] } {
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
      return last !== null && time - lastAt <= CARRY_S ? last : null;
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
