// Placeholder of the usage page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Usage() {
  return <Page title={t("nav.usage")}>…</Page>;
}
