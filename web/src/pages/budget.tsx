// Energy budgets (an id tag's, or a driver account's over all its tags): how much of the
// period is used and left, and the form that sets or clears one. People read and type kWh;
// the API counts Wh (`EnergyBudgetInput.limitWh`).
import { useState } from "preact/hooks";
import type { BudgetPeriod, EnergyBudgetInput } from "../gql/graphql";
import { fmtDate, fmtKWh, t } from "../i18n";
import type { ApiError } from "../lib/api";
import { ConfirmButton, ErrorNotice, Field } from "../lib/ui";

/** An `EnergyBudget` as the pages read it. */
export interface BudgetData {
  limitWh: number;
  period: BudgetPeriod;
  periodStart: string;
  periodEnd: string;
  usedWh: number;
  remainingWh: number;
  exhausted: boolean;
}

function periodLabel(p: BudgetPeriod): string {
  return p === "WEEK" ? t("budget.perWeek") : t("budget.perMonth");
}

/** "50 kWh a month · 12.5 kWh used, 37.5 kWh left", a meter, and "used up" when it is. */
export function BudgetSummary(props: { budget: BudgetData | null | undefined; testId?: string }) {
  const b = props.budget;
  if (!b)
    return (
      <span class="muted" data-testid={props.testId}>
        {t("budget.none")}
      </span>
    );
  return (
    <span class="budget" data-testid={props.testId}>
      <span>
        <strong>{fmtKWh(b.limitWh)}</strong> {periodLabel(b.period)}
        {b.exhausted && (
          <>
            {" "}
            <span class="badge s-blocked">{t("budget.exhausted")}</span>
          </>
        )}
      </span>
      <meter min={0} max={b.limitWh || 1} value={Math.min(b.usedWh, b.limitWh)} aria-hidden="true" />
      <span class="muted">
        {t("budget.usedLeft", { used: fmtKWh(b.usedWh), left: fmtKWh(b.remainingWh) })}
      </span>
      <span class="muted">{t("budget.until", { date: fmtDate(b.periodEnd) })}</span>
    </span>
  );
}

/** A kWh figure as typed (a comma or a point for decimals) → Wh; NaN when it is none. */
export function kWhToWh(text: string): number {
  const s = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 1000);
}

/** Sets (kWh, week or month) or removes a budget; `onSave(null)` removes it. */
export function BudgetForm(props: {
  /** Whose budget, for the form's accessible name ("Budget of tag X"). */
  label: string;
  budget: BudgetData | null | undefined;
  onSave: (input: EnergyBudgetInput | null) => Promise<unknown>;
  running: boolean;
  error: ApiError | null;
}) {
  const b = props.budget;
  const [limit, setLimit] = useState(b ? String(b.limitWh / 1000) : "");
  const [period, setPeriod] = useState<BudgetPeriod>(b?.period ?? "MONTH");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const wh = kWhToWh(limit);
    if (Number.isNaN(wh) || wh <= 0) return setProblem(t("budget.badLimit"));
    setProblem(null);
    await props.onSave({ limitWh: wh, period });
  };
  return (
    <form class="budget-form" aria-label={props.label} onSubmit={submit}>
      <div class="filters">
        <Field label={t("budget.limit")} hint={t("budget.limitHint")}>
          <input
            name="budget-kwh"
            inputMode="decimal"
            required
            value={limit}
            onInput={(e) => setLimit(e.currentTarget.value)}
          />
        </Field>
        <Field label={t("budget.period")}>
          <select name="budget-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as BudgetPeriod)}>
            <option value="MONTH">{t("budget.month")}</option>
            <option value="WEEK">{t("budget.week")}</option>
          </select>
        </Field>
      </div>
      {problem && (
        <p class="notice warn" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={props.error} />
      <div class="row">
        <button type="submit" class="primary" disabled={props.running}>
          {t("budget.save")}
        </button>
        {b && (
          <ConfirmButton
            label={t("budget.remove")}
            question={t("budget.removeQuestion")}
            disabled={props.running}
            onConfirm={() => void props.onSave(null)}
          />
        )}
      </div>
    </form>
  );
}
