// QR codes for the drivers' app: on a station's page one code per connector (> 0) of the
// link that opens the app ready to charge there, with the link as text; and the printable
// stickers (`/stations/:id/qr`): one per connector with the station's name, the connector's
// number, the code, a short instruction in the chosen language and the link for those who
// cannot scan. The print stylesheet leaves only the stickers on paper.
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { useQuery } from "../../lib/hooks";
import { chargeLink, QrCode } from "../../lib/qr";
import { isStaff } from "../../lib/session";
import { ErrorNotice } from "../../lib/ui";
import "./qr.css";

/** One station's QR code per connector (> 0), with its link; and the way to the stickers. */
export function DriverQrCodes(props: { stationId: string; connectorIds: number[] }) {
  const ids = props.connectorIds.filter((n) => n > 0);
  const stickers = `/stations/${encodeURIComponent(props.stationId)}/qr`;
  return (
    <section aria-labelledby="qr-h" class="driver-qr">
      <h2 id="qr-h">{t("qr.title")}</h2>
      <p class="muted">{t("qr.intro")}</p>
      {ids.length === 0 ? (
        <p class="muted">{t("station.noConnectors")}</p>
      ) : (
        <ul class="qr-list">
          {ids.map((n) => {
            const link = chargeLink(props.stationId, n);
            return (
              <li key={n} class="card qr-item">
                <QrCode
                  text={link}
                  label={t("qr.codeOf", { n })}
                  class="qr-small"
                  testId={`qr-${n}`}
                />
                <div class="qr-text">
                  <strong>{t("station.connector", { n })}</strong>
                  <a href={link} class="qr-link" data-testid={`qr-link-${n}`}>
                    {link}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href={stickers}>{t("qr.printStickers")}</a>
      </p>
    </section>
  );
}

const StickersQuery = graphql(`
  query StationStickers($id: ID!) {
    station(id: $id) {
      id
      displayName
      connectors {
        connectorId
      }
    }
  }
`);

/** `/stations/:id/qr`: the printable stickers, one per connector. */
export function QrStickers() {
  const { params } = useRoute();
  const id = decodeURIComponent(params.id ?? "");
  const q = useQuery(StickersQuery, { id }, { skip: !isStaff.value });
  const station = q.data?.station;
  const name = station?.displayName || id;
  useEffect(() => {
    document.title = `${t("qr.stickersTitle", { name })} · chargegate`;
  }, [name]);

  if (!isStaff.value)
    return (
      <section class="page">
        <p class="notice warn">{t("station.staffOnly")}</p>
      </section>
    );
  const ids = (station?.connectors ?? []).map((c) => c.connectorId).filter((n) => n > 0);
  return (
    <section class="page stickers-page" aria-labelledby="page-title">
      <header class="page-head no-print">
        <h1 id="page-title">{t("qr.stickersTitle", { name })}</h1>
        <div class="page-actions">
          <a href={`/stations/${encodeURIComponent(id)}`}>{t("qr.backToStation")}</a>
          <button type="button" class="primary" disabled={ids.length === 0} onClick={() => window.print()}>
            {t("qr.print")}
          </button>
        </div>
      </header>
      <p class="muted no-print">{t("qr.stickersIntro")}</p>
      <ErrorNotice error={q.error} />
      {q.loading && !q.data && <p role="status">{t("common.loading")}</p>}
      {q.data && !station && <p class="notice warn">{t("station.notFound", { id })}</p>}
      {station && ids.length === 0 && <p class="muted">{t("station.noConnectors")}</p>}
      <div class="stickers">
        {ids.map((n) => {
          const link = chargeLink(id, n);
          return (
            <article key={n} class="sticker" data-testid={`sticker-${n}`} aria-label={t("qr.stickerOf", { n })}>
              <p class="sticker-name">{name}</p>
              <p class="sticker-connector">{t("station.connector", { n })}</p>
              <QrCode text={link} label={t("qr.codeOf", { n })} class="qr-large" testId={`sticker-qr-${n}`} />
              <p class="sticker-how">{t("qr.instruction")}</p>
              <p class="sticker-link">{link}</p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
