// Placeholder of the station page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function StationPage() {
  return <Page title={t("nav.station")}>…</Page>;
}
