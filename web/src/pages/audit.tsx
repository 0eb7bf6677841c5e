// The audit trail (administrators): who did what, when, from where, to what, with which
// arguments (secrets masked by the server) and how it ended, newest first; filtered by account,
// action, target, outcome and time (all in the URL), paginated on the server, with a CSV
// export of the whole filtered list built in the browser.
import { useEffect, useRef, useState } from "preact/hooks";
import { graphql } from "../gql";
import { fmtDateTime, fmtNumber, t } from "../i18n";
import { ApiError, request } from "../lib/api";
import { download, toCsv } from "../lib/csv";
import { useQuery, useUrlQuery, type UrlQuery as Query } from "../lib/hooks";
import { ErrorNotice, Field, Page, Pager, useDebounced } from "../lib/ui";

const PAGE = 50;
/** The CSV export reads at most this many rows. */
export const AUDIT_EXPORT_LIMIT = 50_000;
const EXPORT_PAGE = 500;

const AuditQuery = graphql(`
  query AuditLog($first: Int, $last: Int, $after: String, $before: String, $filter: AuditLogFilter) {
    auditLog(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        at
        sub
        role
        address
        action
        target
        arguments
        outcome
        answer
      }
    }
  }
`);

/** A `datetime-local` value (local time) as an ISO instant; undefined when empty or invalid. */
function toIso(local: string | undefined): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function filterOf(q: Query) {
  return {
    sub: q.sub || undefined,
    action: q.action || undefined,
    target: q.target || undefined,
    outcome: q.outcome || undefined,
    since: toIso(q.since),
    until: toIso(q.until),
  };
}

/** The text filters, typed and debounced into the URL. */
const TEXT_FILTERS = ["sub", "action", "target", "outcome"] as const;
const label = (k: (typeof TEXT_FILTERS)[number]) =>
  ({ sub: t("audit.sub"), action: t("audit.action"), target: t("audit.target"), outcome: t("audit.outcome") })[k];

export function Audit() {
  const [q, setQ] = useUrlQuery();
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(TEXT_FILTERS.map((k) => [k, q[k] ?? ""])),
  );
  const debounced = useDebounced(JSON.stringify(text), 400);
  useEffect(() => {
    const typed = JSON.parse(debounced) as Record<string, string>;
    const changes: Query = {};
    let changed = false;
    for (const k of TEXT_FILTERS) {
      const v = typed[k].trim();
      if ((q[k] ?? "") !== v) changed = true;
      changes[k] = v;
    }
    if (changed) setQ({ ...changes, after: undefined, before: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const paging = q.before ? { last: PAGE, before: q.before } : { first: PAGE, after: q.after };
  const list = useQuery(AuditQuery, { filter: filterOf(q), ...paging });
  const conn = list.data?.auditLog;
  const setFilter = (changes: Query) => setQ({ ...changes, after: undefined, before: undefined });

  return (
    <Page title={t("nav.audit")} actions={<CsvExport q={q} />}>
      <form class="filters" role="search" aria-label={t("audit.filters")} onSubmit={(e) => e.preventDefault()}>
        {TEXT_FILTERS.map((k) => (
          <Field key={k} label={label(k)}>
            <input name={k} value={text[k]} onInput={(e) => setText({ ...text, [k]: e.currentTarget.value })} />
          </Field>
        ))}
        <Field label={t("audit.since")}>
          <input
            type="datetime-local"
            name="since"
            value={q.since ?? ""}
            onChange={(e) => setFilter({ since: e.currentTarget.value })}
          />
        </Field>
        <Field label={t("audit.until")}>
          <input
            type="datetime-local"
            name="until"
            value={q.until ?? ""}
            onChange={(e) => setFilter({ until: e.currentTarget.value })}
          />
        </Field>
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && !conn && <p class="muted">{t("common.loading")}</p>}
      {conn && (
        <>
          <div class="table-wrap">
            <table data-testid="audit-table">
              <caption class="sr-only">{t("nav.audit")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.at")}</th>
                  <th scope="col">{t("audit.sub")}</th>
                  <th scope="col">{t("audit.address")}</th>
                  <th scope="col">{t("audit.action")}</th>
                  <th scope="col">{t("audit.target")}</th>
                  <th scope="col">{t("audit.arguments")}</th>
                  <th scope="col">{t("audit.outcome")}</th>
                  <th scope="col">{t("audit.answer")}</th>
                </tr>
              </thead>
              <tbody>
                {conn.nodes.map((row) => (
                  <tr key={row.id} data-testid={`audit-${row.id}`}>
                    <td>{fmtDateTime(row.at)}</td>
                    <td>
                      {row.sub ?? <span class="muted">{t("audit.anonymous")}</span>}
                      {row.role && <span class="muted"> ({row.role.toLowerCase()})</span>}
                    </td>
                    <td>{row.address ?? "–"}</td>
                    <th scope="row">{row.action}</th>
                    <td>{row.target ?? "–"}</td>
                    <td>
                      <code>{row.arguments}</code>
                    </td>
                    <td>
                      <span class={`badge ${row.outcome === "OK" ? "s-available" : "s-faulted"}`}>{row.outcome}</span>
                    </td>
                    <td>{row.answer ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {conn.nodes.length === 0 && <p class="muted">{t("audit.none")}</p>}
          </div>
          <Pager
            pageInfo={conn.pageInfo}
            total={conn.totalCount}
            onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
          />
        </>
      )}
    </Page>
  );
}

/** The name of the export file: `audit-<since>-<until>.csv` (the filter's range). */
function exportName(q: Query): string {
  const part = (v: string | undefined, fallback: string) => (v ? v.replaceAll(":", "") : fallback);
  return `audit-${part(q.since, "start")}-${part(q.until, "now")}.csv`;
}

export const AUDIT_CSV_HEADER = [
  "id",
  "at",
  "sub",
  "role",
  "address",
  "action",
  "target",
  "arguments",
  "outcome",
  "answer",
];

/** Reads every page of the current filter (up to AUDIT_EXPORT_LIMIT rows) and downloads a CSV. */
function CsvExport({ q }: { q: Query }) {
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const cancelled = useRef(false);
  useEffect(() => () => void (cancelled.current = true), []);

  const run = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    setRead(0);
    const rows: (string | null)[][] = [];
    let after: string | null | undefined;
    let more = true;
    try {
      while (more && rows.length < AUDIT_EXPORT_LIMIT && !cancelled.current) {
        const first = Math.min(EXPORT_PAGE, AUDIT_EXPORT_LIMIT - rows.length);
        const { auditLog } = await request(AuditQuery, { filter: filterOf(q), first, after });
        for (const r of auditLog.nodes)
          rows.push([
            r.id,
            r.at,
            r.sub ?? null,
            r.role?.toLowerCase() ?? null,
            r.address ?? null,
            r.action,
            r.target ?? null,
            r.arguments,
            r.outcome,
            r.answer ?? null,
          ]);
        setRead(rows.length);
        more = auditLog.pageInfo.hasNextPage;
        after = auditLog.pageInfo.endCursor;
        if (auditLog.nodes.length === 0) more = false;
      }
      if (cancelled.current) return;
      download(exportName(q), toCsv(AUDIT_CSV_HEADER, rows));
      setMessage(
        more ? t("audit.exportCut", { n: fmtNumber(rows.length) }) : t("audit.exported", { n: fmtNumber(rows.length) }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), "ERROR"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <button type="button" onClick={run} disabled={busy}>
        {t("common.exportCsv")}
      </button>{" "}
      <span role="status" class="muted">
        {busy ? t("audit.exporting", { n: fmtNumber(read) }) : message}
      </span>
      <ErrorNotice error={error} />
    </div>
  );
}
