// QR codes of the drivers' links: the absolute link a driver's phone opens to charge at one
// connector (`/app/charge/{stationId}/{connectorId}`), and that link drawn as an inline SVG
// (one <path> of dark modules on a white square, colours as attributes, no style: the
// console's CSP has no 'unsafe-inline'). Encoding by `uqr`.
import { encode } from "uqr";

/** The drivers' app's link to start charging at a station's connector (absolute). */
export function chargeLink(stationId: string, connectorId: number, origin = location.origin): string {
  return `${origin}/app/charge/${encodeURIComponent(stationId)}/${connectorId}`;
}

/**
 * The SVG path of a QR code's dark modules, one unit per module, with a quiet zone of
 * `border` modules (4 is the standard's); and the side of the whole square in modules.
 */
export function qrPath(text: string, border = 4): { d: string; size: number } {
  const qr = encode(text, { ecc: "M", border });
  let d = "";
  qr.data.forEach((row, y) => {
    // Runs of dark modules on a row become one rectangle each: a short path.
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { d, size: qr.size };
}

/** A QR code of `text` as an inline SVG; `label` is its accessible name. */
export function QrCode(props: { text: string; label: string; class?: string; testId?: string }) {
  const { d, size } = qrPath(props.text);
  return (
    <svg
      class={`qr ${props.class ?? ""}`.trim()}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
