// Usage analysis: the `usage` report over a date range (kept in the URL, with presets) as a
// chart and table per day/week/month, utilisation per station and the top id tags, each
// table exportable as CSV. Drivers get the figures of their own tags (the server decides).
import { useEffect, useMemo, useState } from "preact/hooks";
import { graphql } from "../gql";
import type { UsagePeriod } from "../gql/graphql";
import { dateTimeFormat, fmtDate, fmtDuration, fmtNumber, t } from "../i18n";
import { TimeChart } from "../lib/chart";
import { download, toCsv } from "../lib/csv";
import { useQuery, useUrlQuery } from "../lib/hooks";
import { isStaff } from "../lib/session";
import { ErrorNotice, Field, Page, useDebounced } from "../lib/ui";

const UsageQuery = graphql(`
  query UsageReport($from: DateTime!, $to: DateTime!, $groupBy: UsagePeriod!, $stationId: ID, $idTag: String) {
    usage(from: $from, to: $to, groupBy: $groupBy, stationId: $stationId, idTag: $idTag) {
      from
      to
      totals {
        energyKwh
        sessions
        chargingSeconds
        connectorUtilisation
      }
      periods {
        start
        end
        totals {
          energyKwh
          sessions
          chargingSeconds
          connectorUtilisation
        }
        byStation {
          stationId
          figures {
            energyKwh
            sessions
            chargingSeconds
            connectorUtilisation
          }
        }
        byIdTag {
          idTag
          figures {
            energyKwh
            sessions
            chargingSeconds
          }
        }
      }
    }
  }
`);

const TOP_TAGS = 20;


const pad = (n: number) => String(n).padStart(2, "0");
/** A local date as `YYYY-MM-DD` (a date input's value). */
function ymd(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** Local midnight of a `YYYY-MM-DD`, `days` later. */
function midnight(value: string, days = 0): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
}

type Preset = "7d" | "30d" | "thisMonth" | "lastMonth";
export function presetRange(p: Preset, now = new Date()): { from: string; to: string } {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  switch (p) {
    case "7d":
      return { from: ymd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)), to: ymd(today) };
    case "30d":
      return { from: ymd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29)), to: ymd(today) };
    case "thisMonth":
      return { from: ymd(new Date(today.getFullYear(), today.getMonth(), 1)), to: ymd(today) };
    case "lastMonth":
      return {
        from: ymd(new Date(today.getFullYear(), today.getMonth() - 1, 1)),
        to: ymd(new Date(today.getFullYear(), today.getMonth(), 0)),
      };
  }
}

interface Figures {
  energyKwh: number;
  sessions: number;
  chargingSeconds: number;
  connectorUtilisation?: number | null;
}

/** Per-station (or per-tag) figures summed over the periods; utilisation weighted by period length. */
function sumOver<K extends string>(
  periods: { start: string; end: string; rows: { key: K; figures: Figures }[] }[],
): { key: K; figures: Figures }[] {
  const acc = new Map<K, { e: number; s: number; c: number; uw: number; w: number }>();
  for (const p of periods) {
    const len = (Date.parse(p.end) - Date.parse(p.start)) / 1000;
    for (const r of p.rows) {
      let a = acc.get(r.key);
      if (!a) acc.set(r.key, (a = { e: 0, s: 0, c: 0, uw: 0, w: 0 }));
      a.e += r.figures.energyKwh;
      a.s += r.figures.sessions;
      a.c += r.figures.chargingSeconds;
      if (r.figures.connectorUtilisation !== null && r.figures.connectorUtilisation !== undefined) {
        a.uw += r.figures.connectorUtilisation * len;
        a.w += len;
      }
    }
  }
  return [...acc.entries()].map(([key, a]) => ({
    key,
    figures: {
      energyKwh: a.e,
      sessions: a.s,
      chargingSeconds: a.c,
      connectorUtilisation: a.w > 0 ? a.uw / a.w : null,
    },
  }));
}

/** kWh with two decimals below 10 kWh, one above. */
function kwh(v: number): string {
  return fmtNumber(v, Math.abs(v) < 10 ? 2 : 1);
}

function pct(u: number | null | undefined): string {
  return u === null || u === undefined ? "–" : `${fmtNumber(u * 100, 1)} %`;
}

/** A number with a proportional bar behind it (the bar is decoration; the number is the value). */
function Bar({ value, max, text }: { value: number; max: number; text: string }) {
  const w = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div style="display:flex;align-items:center;gap:8px;min-width:140px">
      <span aria-hidden="true" style={`flex:1;height:10px;background:var(--line);border-radius:5px;overflow:hidden`}>
        <span style={`display:block;height:100%;width:${w}%;background:var(--accent)`} />
      </span>
      <span class="num" style="min-width:6ch;text-align:right">
        {text}
      </span>
    </div>
  );
}

export function Usage() {
  const [q, setQ] = useUrlQuery();
  const def = presetRange("30d");
  const from = q.from ?? def.from;
  const to = q.to ?? def.to;
  const groupBy = (["DAY", "WEEK", "MONTH"].includes(q.by ?? "") ? q.by : "DAY") as UsagePeriod;
  const [station, setStation] = useState(q.station ?? "");
  const [tag, setTag] = useState(q.tag ?? "");
  const dStation = useDebounced(station.trim(), 400);
  const dTag = useDebounced(tag.trim(), 400);
  useEffect(() => {
    if ((q.station ?? "") !== dStation || (q.tag ?? "") !== dTag) setQ({ station: dStation, tag: dTag });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dStation, dTag]);

  const fromDate = midnight(from);
  const toDate = midnight(to, 1);
  const valid = !!fromDate && !!toDate && fromDate < toDate;
  const report = useQuery(
    UsageQuery,
    {
      from: fromDate?.toISOString() ?? "",
      to: toDate?.toISOString() ?? "",
      groupBy,
      stationId: q.station || undefined,
      idTag: q.tag || undefined,
    },
    { skip: !valid },
  );
  const usage = report.data?.usage;

  const perStation = useMemo(() => {
    if (!usage) return [];
    return sumOver(
      usage.periods.map((p) => ({
        start: p.start,
        end: p.end,
        rows: p.byStation.map((s) => ({ key: s.stationId, figures: s.figures })),
      })),
    ).sort((a, b) => b.figures.energyKwh - a.figures.energyKwh);
  }, [usage]);
  const topTags = useMemo(() => {
    if (!usage) return [];
    return sumOver(
      usage.periods.map((p) => ({
        start: p.start,
        end: p.end,
        rows: p.byIdTag.map((s) => ({ key: s.idTag, figures: s.figures })),
      })),
    )
      .sort((a, b) => b.figures.energyKwh - a.figures.energyKwh)
      .slice(0, TOP_TAGS);
  }, [usage]);

  const chart = useMemo(() => {
    const periods = usage?.periods ?? [];
    return {
      times: periods.map((p) => Date.parse(p.start) / 1000),
      energy: periods.map((p) => p.totals.energyKwh),
      sessions: periods.map((p) => p.totals.sessions),
    };
  }, [usage]);

  const periodLabel = (start: string) => {
    const d = new Date(start);
    if (groupBy === "MONTH")
      return dateTimeFormat({ month: "long", year: "numeric" }).format(d);
    if (groupBy === "WEEK") return t("usage.weekOf", { date: fmtDate(d) });
    return fmtDate(d);
  };

  const exportPeriods = () => {
    if (!usage) return;
    download(
      `usage-periods-${from}-${to}.csv`,
      toCsv(
        ["periodStart", "periodEnd", "energyKwh", "sessions", "chargingSeconds", "connectorUtilisation"],
        usage.periods.map((p) => [
          p.start,
          p.end,
          p.totals.energyKwh,
          p.totals.sessions,
          p.totals.chargingSeconds,
          p.totals.connectorUtilisation ?? null,
        ]),
      ),
    );
  };
  const exportStations = () => {
    if (!usage) return;
    download(
      `usage-stations-${from}-${to}.csv`,
      toCsv(
        ["stationId", "from", "to", "energyKwh", "sessions", "chargingSeconds", "connectorUtilisation"],
        perStation.map((s) => [
          s.key,
          usage.from,
          usage.to,
          Math.round(s.figures.energyKwh * 1000) / 1000,
          s.figures.sessions,
          s.figures.chargingSeconds,
          s.figures.connectorUtilisation === null || s.figures.connectorUtilisation === undefined
            ? null
            : Math.round(s.figures.connectorUtilisation * 10000) / 10000,
        ]),
      ),
    );
  };

  const maxPeriodEnergy = Math.max(0, ...chart.energy);
  const maxStationEnergy = Math.max(0, ...perStation.map((s) => s.figures.energyKwh));
  const maxTagEnergy = Math.max(0, ...topTags.map((s) => s.figures.energyKwh));

  return (
    <Page title={t("nav.usage")}>
      <form class="filters" role="search" aria-label={t("usage.filters")} onSubmit={(e) => e.preventDefault()}>
        <Field label={t("usage.from")}>
          <input type="date" name="from" value={from} max={to} onChange={(e) => setQ({ from: e.currentTarget.value })} />
        </Field>
        <Field label={t("usage.to")}>
          <input type="date" name="to" value={to} min={from} onChange={(e) => setQ({ to: e.currentTarget.value })} />
        </Field>
        <Field label={t("usage.groupBy")}>
          <select name="groupBy" value={groupBy} onChange={(e) => setQ({ by: e.currentTarget.value })}>
            <option value="DAY">{t("usage.day")}</option>
            <option value="WEEK">{t("usage.week")}</option>
            <option value="MONTH">{t("usage.month")}</option>
          </select>
        </Field>
        {isStaff.value && (
          <Field label={t("usage.station")}>
            <input name="station" value={station} onInput={(e) => setStation(e.currentTarget.value)} />
          </Field>
        )}
        <Field label={t("usage.idTag")}>
          <input name="idTag" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
        </Field>
      </form>
      <div class="row" role="group" aria-label={t("usage.presets")} style="margin-bottom:12px">
        {(
          [
            ["7d", t("usage.preset7d")],
            ["30d", t("usage.preset30d")],
            ["thisMonth", t("usage.presetThisMonth")],
            ["lastMonth", t("usage.presetLastMonth")],
          ] as [Preset, string][]
        ).map(([p, label]) => {
          const r = presetRange(p);
          const on = r.from === from && r.to === to;
          return (
            <button key={p} type="button" aria-pressed={on} class={on ? "primary" : undefined} onClick={() => setQ(r)}>
              {label}
            </button>
          );
        })}
      </div>
      {!valid && <p class="notice warn">{t("usage.badRange")}</p>}
      <ErrorNotice error={report.error} />
      {report.loading && !usage && <p class="muted">{t("common.loading")}</p>}
      {usage && (
        <>
          <div class="cards" role="group" aria-label={t("usage.totals")}>
            <div class="stat">
              <span class="value">{kwh(usage.totals.energyKwh)} kWh</span>
              <span class="label">{t("usage.energy")}</span>
            </div>
            <div class="stat">
              <span class="value">{fmtNumber(usage.totals.sessions)}</span>
              <span class="label">{t("usage.sessions")}</span>
            </div>
            <div class="stat">
              <span class="value">{fmtDuration(usage.totals.chargingSeconds)}</span>
              <span class="label">{t("usage.chargingTime")}</span>
            </div>
            <div class="stat">
              <span class="value">{pct(usage.totals.connectorUtilisation)}</span>
              <span class="label">{t("usage.utilisation")}</span>
            </div>
          </div>

          <section aria-labelledby="usage-periods">
            <div class="page-head" style="margin:20px 0 8px">
              <h2 id="usage-periods" style="margin:0">
                {t("usage.perPeriod")}
              </h2>
              <div class="page-actions">
                <button type="button" onClick={exportPeriods}>
                  {t("usage.exportPeriods")}
                </button>
              </div>
            </div>
            {chart.times.length > 0 && (
              <div class="card" style="margin-bottom:12px">
                <TimeChart
                  label={t("usage.chartLabel")}
                  times={chart.times}
                  series={[
                    { label: t("usage.energy"), unit: "kWh", values: chart.energy },
                    { label: t("usage.sessions"), unit: t("usage.sessionsUnit"), values: chart.sessions },
                  ]}
                />
              </div>
            )}
            <div class="table-wrap">
              <table data-testid="usage-periods-table">
                <caption class="sr-only">{t("usage.perPeriod")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("usage.period")}</th>
                    <th scope="col">{t("usage.energyKwh")}</th>
                    <th scope="col" class="num">
                      {t("usage.sessions")}
                    </th>
                    <th scope="col" class="num">
                      {t("usage.chargingTime")}
                    </th>
                    <th scope="col" class="num">
                      {t("usage.utilisation")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {usage.periods.map((p) => (
                    <tr key={p.start}>
                      <th scope="row">{periodLabel(p.start)}</th>
                      <td>
                        <Bar value={p.totals.energyKwh} max={maxPeriodEnergy} text={kwh(p.totals.energyKwh)} />
                      </td>
                      <td class="num">{fmtNumber(p.totals.sessions)}</td>
                      <td class="num">{fmtDuration(p.totals.chargingSeconds)}</td>
                      <td class="num">{pct(p.totals.connectorUtilisation)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <div class="grid2">
            <section aria-labelledby="usage-stations">
              <div class="page-head" style="margin:20px 0 8px">
                <h2 id="usage-stations" style="margin:0">
                  {t("usage.perStation")}
                </h2>
                <div class="page-actions">
                  <button type="button" onClick={exportStations}>
                    {t("usage.exportStations")}
                  </button>
                </div>
              </div>
              {perStation.length === 0 ? (
                <p class="muted">{t("usage.nothing")}</p>
              ) : (
                <div class="table-wrap">
                  <table data-testid="usage-stations-table">
                    <caption class="sr-only">{t("usage.perStation")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("usage.station")}</th>
                        <th scope="col">{t("usage.utilisation")}</th>
                        <th scope="col">{t("usage.energyKwh")}</th>
                        <th scope="col" class="num">
                          {t("usage.sessions")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {perStation.map((s) => (
                        <tr key={s.key}>
                          <th scope="row">
                            {isStaff.value ? <a href={`/stations/${encodeURIComponent(s.key)}`}>{s.key}</a> : s.key}
                          </th>
                          <td>
                            <Bar
                              value={s.figures.connectorUtilisation ?? 0}
                              max={1}
                              text={pct(s.figures.connectorUtilisation)}
                            />
                          </td>
                          <td>
                            <Bar value={s.figures.energyKwh} max={maxStationEnergy} text={kwh(s.figures.energyKwh)} />
                          </td>
                          <td class="num">{fmtNumber(s.figures.sessions)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section aria-labelledby="usage-tags">
              <h2 id="usage-tags">{t("usage.topTags", { n: TOP_TAGS })}</h2>
              {topTags.length === 0 ? (
                <p class="muted">{t("usage.nothing")}</p>
              ) : (
                <div class="table-wrap">
                  <table data-testid="usage-tags-table">
                    <caption class="sr-only">{t("usage.topTags", { n: TOP_TAGS })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("usage.idTag")}</th>
                        <th scope="col">{t("usage.energyKwh")}</th>
                        <th scope="col" class="num">
                          {t("usage.sessions")}
                        </th>
                        <th scope="col" class="num">
                          {t("usage.chargingTime")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {topTags.map((s) => (
                        <tr key={s.key}>
                          <th scope="row">
                            <a href={`/transactions?tag=${encodeURIComponent(s.key)}`}>{s.key}</a>
                          </th>
                          <td>
                            <Bar value={s.figures.energyKwh} max={maxTagEnergy} text={kwh(s.figures.energyKwh)} />
                          </td>
                          <td class="num">{fmtNumber(s.figures.sessions)}</td>
                          <td class="num">{fmtDuration(s.figures.chargingSeconds)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>
        </>
      )}
    </Page>
  );
}
