// A small line chart in SVG (no chart library: the app stays small): energy over the session,
// scaled to its box, with a text summary for screen readers.
export interface Point {
  t: number;
  v: number;
}

export function Sparkline(props: { points: Point[]; label: string; width?: number; height?: number }) {
  const w = props.width ?? 320;
  const h = props.height ?? 96;
  const pts = props.points;
  if (pts.length < 2) return null;
  const t0 = pts[0].t;
  const t1 = pts[pts.length - 1].t;
  const vMin = Math.min(...pts.map((p) => p.v));
  const vMax = Math.max(...pts.map((p) => p.v));
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * (w - 4) + 2);
  const y = (v: number) => (vMax === vMin ? h / 2 : h - 4 - ((v - vMin) / (vMax - vMin)) * (h - 8));
  const line = pts.map((p, i) => `${i ? "L" : "M"}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join("");
  const area = `${line}L${x(t1).toFixed(1)},${h}L${x(t0).toFixed(1)},${h}Z`;
  return (
    <svg class="spark" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" role="img" aria-label={props.label}>
      <path class="area" d={area} />
      <path class="line" d={line} />
    </svg>
  );
}
