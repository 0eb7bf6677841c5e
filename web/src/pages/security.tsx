// Placeholder of the security page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Security() {
  return <Page title={t("nav.security")}>…</Page>;
}
