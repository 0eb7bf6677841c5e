// Placeholder of the tags page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Tags() {
  return <Page title={t("nav.tags")}>…</Page>;
}
