// Choosing the id tag to charge with: a driver's own tags (the API gives a driver only those),
// each with what is left of its energy budget; staff, who may use any tag, search for one. The
// budgets are read apart from the tags, so that a server without budgets still lists the tags.
import { useEffect, useState } from "preact/hooks";
import { graphql } from "../gql";
import { isStaff } from "../lib/session";
import { useQuery } from "./api";
import { fmtDateTime, fmtKWh, t } from "./i18n";
import { ErrorText, Field } from "./ui";

const TagsQuery = graphql(`
  query AppTags($search: String) {
    idTags(first: 50, search: $search) {
      nodes {
        idTag
        effectiveStatus
        expiryDate
      }
    }
  }
`);

const BudgetsQuery = graphql(`
  query AppBudgets($search: String) {
    me {
      budget {
        ...AppBudget
      }
    }
    idTags(first: 50, search: $search) {
      nodes {
        idTag
        budget {
          ...AppBudget
        }
      }
    }
  }
  fragment AppBudget on EnergyBudget {
    limitWh
    period
    periodEnd
    usedWh
    remainingWh
    exhausted
  }
`);

export interface Budget {
  limitWh: number;
  period: string;
  periodEnd: string;
  usedWh: number;
  remainingWh: number;
  exhausted: boolean;
}

const LAST = "chargegate.app.tag";

/** What is left of a budget, in words. */
export function BudgetLine({ budget, label }: { budget: Budget | null | undefined; label?: string }) {
  if (!budget) return null;
  const text = budget.exhausted
    ? t("budget.exhausted", { until: fmtDateTime(budget.periodEnd) })
    : t(budget.period === "WEEK" ? "budget.leftWeek" : "budget.leftMonth", {
        left: fmtKWh(budget.remainingWh),
        limit: fmtKWh(budget.limitWh),
      });
  return (
    <span class={`budget${budget.exhausted ? " exhausted" : ""}`} data-testid="budget">
      {label ? `${label}: ` : ""}
      {text}
    </span>
  );
}

/** The tag picker; `value` is the chosen tag (the last one used, or the only one, at first). */
export function TagPicker(props: { value: string; onChange: (tag: string) => void; legend?: string }) {
  const staff = isStaff.value;
  const [search, setSearch] = useState("");
  const vars = { search: staff && search.trim() ? search.trim() : null };
  const tags = useQuery(TagsQuery, vars);
  const budgets = useQuery(BudgetsQuery, vars);
  const nodes = tags.data?.idTags.nodes ?? [];
  const budgetOf = (tag: string) =>
    budgets.data?.idTags.nodes.find((n) => n.idTag.toLowerCase() === tag.toLowerCase())?.budget as Budget | null | undefined;

  useEffect(() => {
    if (props.value || !nodes.length) return;
    const last = localStorage.getItem(LAST);
    const pick = nodes.find((n) => n.idTag === last) ?? nodes[0];
    props.onChange(pick.idTag);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes.length]);

  return (
    <fieldset class="tags" data-testid="tag-picker">
      <legend>{props.legend ?? t("tags.legend")}</legend>
      {staff && (
        <Field label={t("tags.search")} hint={t("tags.staffHint")}>
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </Field>
      )}
      <ErrorText error={tags.error} />
      {tags.loading && !tags.data && <p class="muted">{t("common.loading")}</p>}
      {tags.data && !nodes.length && <p class="notice warn">{t(staff ? "tags.noneFound" : "tags.none")}</p>}
      {nodes.map((n) => (
        <label class="choice" key={n.idTag}>
          <input
            type="radio"
            name="idTag"
            value={n.idTag}
            checked={props.value === n.idTag}
            onChange={() => {
              localStorage.setItem(LAST, n.idTag);
              props.onChange(n.idTag);
            }}
          />
          <span>
            <strong>{n.idTag}</strong>
            {n.effectiveStatus && n.effectiveStatus !== "ACCEPTED" && (
              <span class="tag-status"> · {t(`tagStatus.${n.effectiveStatus}`)}</span>
            )}
            <BudgetLine budget={budgetOf(n.idTag)} />
          </span>
        </label>
      ))}
      {budgets.data?.me.budget && <BudgetLine budget={budgets.data.me.budget as Budget} label={t("budget.account")} />}
    </fieldset>
  );
}
