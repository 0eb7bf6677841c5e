// Time-series charts with uPlot (canvas; small and fast with thousands of points), sized to
// their container and redrawn when the data changes.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { dateTimeFormat, lang, t } from "../i18n";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  /** Unit shown in the legend, e.g. "kW". */
  unit?: string;
  values: (number | null)[];
  color?: string;
}

const COLORS = ["#0b6e4f", "#c2410c", "#1d4ed8", "#7c3aed", "#be123c"];

/** Axis and legend times in the chosen language: hours and minutes, with the date when the
 * chart spans more than a day. */
function timeFormat(spanSeconds: number): Intl.DateTimeFormat {
  return spanSeconds > 86_400
    ? dateTimeFormat({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })
    : dateTimeFormat({ hour: "2-digit", minute: "2-digit" });
}
/** A line chart over time: `times` in seconds since the epoch. */
export function TimeChart(props: { times: number[]; series: Series[]; height?: number; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = props.series.map((s) => s.label + (s.unit ?? "")).join("|");
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: props.height ?? 240,
      series: [
        {
          label: t("common.time"),
          value: (_u, v) => (v == null ? "–" : timeFormat(0).format(new Date(v * 1000))),
        },
        ...props.series.map((s, i) => ({
          label: s.unit ? `${s.label} (${s.unit})` : s.label,
          stroke: s.color ?? COLORS[i % COLORS.length],
          width: 2,
          scale: s.unit ?? "y",
        })),
      ],
      axes: [
        {
          values: (u, splits) => {
            const span = (u.scales.x.max ?? 0) - (u.scales.x.min ?? 0);
            const f = timeFormat(span);
            return splits.map((v) => f.format(new Date(v * 1000)));
          },
        },
        ...[...new Set(props.series.map((s) => s.unit ?? "y"))].map((scale, i) => ({
          scale,
          side: i === 0 ? 3 : 1,
          label: scale === "y" ? undefined : scale,
          grid: { show: i === 0 },
        })),
      ],
    };
    const u = new uPlot(opts, [props.times, ...props.series.map((s) => s.values)] as uPlot.AlignedData, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(280, el.clientWidth), height: opts.height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, props.height, lang.value]);
  useEffect(() => {
    plot.current?.setData([props.times, ...props.series.map((s) => s.values)] as uPlot.AlignedData);
  }, [props.times, props.series]);
  return <div class="chart" ref={host} role="img" aria-label={props.label} />;
}
