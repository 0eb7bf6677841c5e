// Placeholder of the transactions page (being written).
import { t } from "../i18n";
import { Page } from "../lib/ui";

export function Transactions() {
  return <Page title={t("nav.transactions")}>…</Page>;
}
