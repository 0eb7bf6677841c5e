// Placeholder of the stations page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Stations() {
  return <Page title={t("nav.stations")}>…</Page>;
}
