// Placeholder of the overview page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Overview() {
  return <Page title={t("nav.overview")}>…</Page>;
}
