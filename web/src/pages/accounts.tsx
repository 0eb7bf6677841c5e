// Placeholder of the accounts page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Accounts() {
  return <Page title={t("nav.accounts")}>…</Page>;
}
