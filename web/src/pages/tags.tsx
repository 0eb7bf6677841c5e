// Id tags: the unknown tags stations have seen (accept one with a click, so a charger that
// just refused a card accepts it next time), the list with its filters in the URL, and
// create, edit (status, block/unblock, expiry, parent, owner, energy budget) and delete for
// operators. Drivers see their own tags, read-only.
import { useEffect, useState } from "preact/hooks";
import { graphql } from "../gql";
import type { AuthorizationStatus } from "../gql/graphql";
import { fmtAgo, fmtDateTime, t } from "../i18n";
import { useMutation, useQuery, useUrlQuery, type UrlQuery as Query } from "../lib/hooks";
import { canOperate, isStaff } from "../lib/session";
import { Badge, ConfirmButton, ErrorNotice, Field, Page, Pager, useDebounced } from "../lib/ui";
import { BudgetForm, BudgetSummary, type BudgetData } from "./budget";

const PAGE = 50;

const TagsQuery = graphql(`
  query TagsList(
    $first: Int
    $last: Int
    $after: String
    $before: String
    $search: String
    $status: AuthorizationStatus
    $owner: String
    $autoCreated: Boolean
  ) {
    idTags(
      first: $first
      last: $last
      after: $after
      before: $before
      search: $search
      status: $status
      owner: $owner
      autoCreated: $autoCreated
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        idTag
        status
        effectiveStatus
        expiryDate
        parentIdTag
        owner
        autoCreated
        createdAt
        updatedAt
        budget {
          limitWh
          period
          periodStart
          periodEnd
          usedWh
          remainingWh
          exhausted
        }
      }
    }
  }
`);

const UnknownQuery = graphql(`
  query TagsUnknown {
    idTags(autoCreated: true, status: INVALID, first: 20) {
      totalCount
      nodes {
        idTag
        createdAt
        updatedAt
      }
    }
  }
`);

const CreateMutation = graphql(`
  mutation TagsCreate($input: CreateIdTagInput!) {
    createIdTag(input: $input) {
      idTag
    }
  }
`);

const UpdateMutation = graphql(`
  mutation TagsUpdate($idTag: String!, $input: UpdateIdTagInput!) {
    updateIdTag(idTag: $idTag, input: $input) {
      idTag
      status
    }
  }
`);

const DeleteMutation = graphql(`
  mutation TagsDelete($idTag: String!) {
    deleteIdTag(idTag: $idTag)
  }
`);

const BudgetMutation = graphql(`
  mutation TagsSetBudget($idTag: String!, $budget: EnergyBudgetInput) {
    setIdTagBudget(idTag: $idTag, budget: $budget) {
      idTag
    }
  }
`);

const STATUSES: AuthorizationStatus[] = ["ACCEPTED", "BLOCKED", "EXPIRED", "INVALID", "CONCURRENT_TX"];

function statusLabel(s: string | null | undefined): string {
  if (!s) return "–";
  const labels: Record<string, string> = {
    ACCEPTED: t("tags.status.ACCEPTED"),
    BLOCKED: t("tags.status.BLOCKED"),
    EXPIRED: t("tags.status.EXPIRED"),
    INVALID: t("tags.status.INVALID"),
    CONCURRENT_TX: t("tags.status.CONCURRENT_TX"),
  };
  return labels[s] ?? s;
}

function StatusBadge({ value }: { value: string | null | undefined }) {
  if (!value) return <Badge value={value} />;
  return <span class={`badge s-${value.toLowerCase()}`}>{statusLabel(value)}</span>;
}


/** An ISO instant as a `datetime-local` value (local time). */
function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function toIso(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function Tags() {
  const [q, setQ] = useUrlQuery();
  const [search, setSearch] = useState(q.q ?? "");
  const [owner, setOwner] = useState(q.owner ?? "");
  const dSearch = useDebounced(search.trim(), 300);
  const dOwner = useDebounced(owner.trim(), 400);
  useEffect(() => {
    if ((q.q ?? "") !== dSearch || (q.owner ?? "") !== dOwner)
      setQ({ q: dSearch, owner: dOwner, after: undefined, before: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dSearch, dOwner]);
  const setFilter = (changes: Query) => setQ({ ...changes, after: undefined, before: undefined });

  const paging = q.before ? { last: PAGE, before: q.before } : { first: PAGE, after: q.after };
  const list = useQuery(TagsQuery, {
    ...paging,
    search: q.q || undefined,
    status: (q.status as AuthorizationStatus) || undefined,
    owner: q.owner || undefined,
    autoCreated: q.auto === "yes" ? true : q.auto === "no" ? false : undefined,
  });
  const conn = list.data?.idTags;
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [unknownVersion, setUnknownVersion] = useState(0);
  const changed = (message: string) => {
    setDone(message);
    list.reload();
    setUnknownVersion((v) => v + 1);
  };
  const current = conn?.nodes.find((n) => n.idTag === editing);

  return (
    <Page title={t("nav.tags")}>
      {!isStaff.value && <p class="muted">{t("tags.driverIntro")}</p>}
      <p role="status" class={done ? "notice ok" : "sr-only"}>
        {done}
      </p>
      {isStaff.value && <UnknownTags version={unknownVersion} onChanged={changed} />}

      <h2 id="tags-list">{t("tags.listTitle")}</h2>
      <form class="filters" role="search" aria-label={t("tags.filters")} onSubmit={(e) => e.preventDefault()}>
        <Field label={t("common.search")}>
          <input type="search" name="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </Field>
        <Field label={t("tags.statusLabel")}>
          <select
            name="status"
            value={q.status ?? ""}
            onChange={(e) => setFilter({ status: e.currentTarget.value || undefined })}
          >
            <option value="">{t("common.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        {isStaff.value && (
          <Field label={t("tags.owner")}>
            <input name="owner" value={owner} onInput={(e) => setOwner(e.currentTarget.value)} />
          </Field>
        )}
        {isStaff.value && (
          <Field label={t("tags.origin")}>
            <select
              name="origin"
              value={q.auto ?? ""}
              onChange={(e) => setFilter({ auto: e.currentTarget.value || undefined })}
            >
              <option value="">{t("common.all")}</option>
              <option value="yes">{t("tags.autoCreatedYes")}</option>
              <option value="no">{t("tags.autoCreatedNo")}</option>
            </select>
          </Field>
        )}
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && !conn && <p class="muted">{t("common.loading")}</p>}
      {conn && (
        <>
          <div class="table-wrap">
            <table data-testid="tags-table" aria-labelledby="tags-list">
              <thead>
                <tr>
                  <th scope="col">{t("tags.tag")}</th>
                  <th scope="col">{t("tags.statusLabel")}</th>
                  <th scope="col">{t("tags.expiry")}</th>
                  <th scope="col">{t("tags.parent")}</th>
                  <th scope="col">{t("tags.owner")}</th>
                  <th scope="col">{t("budget.title")}</th>
                  <th scope="col">{t("tags.updated")}</th>
                  {canOperate.value && (
                    <th scope="col">
                      <span class="sr-only">{t("tags.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {conn.nodes.map((tag) => (
                  <tr key={tag.idTag}>
                    <th scope="row">
                      <a href={`/transactions?tag=${encodeURIComponent(tag.idTag)}`} title={t("tags.itsTransactions")}>
                        {tag.idTag}
                      </a>
                      {tag.autoCreated && (
                        <>
                          {" "}
                          <span class="badge s-pending">{t("tags.seen")}</span>
                        </>
                      )}
                    </th>
                    <td>
                      <StatusBadge value={tag.effectiveStatus ?? tag.status} />
                      {tag.status && tag.effectiveStatus && tag.status !== tag.effectiveStatus && (
                        <span class="muted"> ({statusLabel(tag.status)})</span>
                      )}
                    </td>
                    <td>{fmtDateTime(tag.expiryDate)}</td>
                    <td>{tag.parentIdTag ?? "–"}</td>
                    <td>
                      {tag.owner ? (
                        canOperate.value ? (
                          <a href={`/accounts?user=${encodeURIComponent(tag.owner)}`}>{tag.owner}</a>
                        ) : (
                          tag.owner
                        )
                      ) : (
                        "–"
                      )}
                    </td>
                    <td>
                      <BudgetSummary budget={tag.budget} testId={`budget-${tag.idTag}`} />
                    </td>
                    <td>{fmtDateTime(tag.updatedAt)}</td>
                    {canOperate.value && (
                      <td>
                        <div class="row">
                          <button
                            type="button"
                            aria-label={t("tags.editOf", { tag: tag.idTag })}
                            aria-expanded={editing === tag.idTag}
                            onClick={() => {
                              setDone(null);
                              setEditing(editing === tag.idTag ? null : tag.idTag);
                            }}
                          >
                            {t("tags.edit")}
                          </button>
                          <BlockButton tag={tag.idTag} status={tag.status} onChanged={changed} />
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {conn.nodes.length === 0 && <p class="muted pad">{t("tags.none")}</p>}
          </div>
          <Pager
            pageInfo={conn.pageInfo}
            total={conn.totalCount}
            onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
          />
        </>
      )}
      {canOperate.value && current && (
        <EditTag
          key={current.idTag}
          tag={current}
          onChanged={changed}
          onDeleted={(m) => {
            setEditing(null);
            changed(m);
          }}
        />
      )}
      {canOperate.value && <CreateTag onCreated={changed} />}
    </Page>
  );
}

/** Tags stations used before anyone registered them (stored INVALID): accept with one click. */
function UnknownTags(props: { version: number; onChanged: (m: string) => void }) {
  const unknown = useQuery(UnknownQuery, {});
  useEffect(() => {
    if (props.version) unknown.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.version]);
  const accept = useMutation(UpdateMutation);
  const nodes = unknown.data?.idTags.nodes ?? [];
  if (unknown.error) return <ErrorNotice error={unknown.error} />;
  if (nodes.length === 0) return null;
  return (
    <section class="card notice warn unknown-tags" aria-labelledby="tags-unknown">
      <h2 id="tags-unknown">
        {t("tags.unknownTitle", { n: unknown.data!.idTags.totalCount })}
      </h2>
      <p>{t("tags.unknownIntro")}</p>
      <ul class="plain-list">
        {nodes.map((n) => (
          <li key={n.idTag} class="row center">
            <strong>{n.idTag}</strong>
            <span class="muted">{t("tags.firstSeen", { ago: fmtAgo(n.createdAt) })}</span>
            {canOperate.value && (
              <button
                type="button"
                class="primary"
                aria-label={t("tags.acceptOf", { tag: n.idTag })}
                disabled={accept.running}
                onClick={async () => {
                  const r = await accept.run({ idTag: n.idTag, input: { status: "ACCEPTED" } });
                  if (r) props.onChanged(t("tags.acceptedOk", { tag: n.idTag }));
                }}
              >
                {t("tags.accept")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorNotice error={accept.error} />
    </section>
  );
}

function BlockButton(props: { tag: string; status: string | null | undefined; onChanged: (m: string) => void }) {
  const update = useMutation(UpdateMutation);
  const blocked = props.status === "BLOCKED";
  return (
    <>
      <button
        type="button"
        class={blocked ? undefined : "danger"}
        aria-label={blocked ? t("tags.unblockOf", { tag: props.tag }) : t("tags.blockOf", { tag: props.tag })}
        disabled={update.running}
        onClick={async () => {
          const r = await update.run({ idTag: props.tag, input: { status: blocked ? "ACCEPTED" : "BLOCKED" } });
          if (r)
            props.onChanged(blocked ? t("tags.unblockedOk", { tag: props.tag }) : t("tags.blockedOk", { tag: props.tag }));
        }}
      >
        {blocked ? t("tags.unblock") : t("tags.block")}
      </button>
      <ErrorNotice error={update.error} />
    </>
  );
}

function StatusSelect(props: { value: string; onChange: (s: AuthorizationStatus) => void }) {
  return (
    <select name="status" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as AuthorizationStatus)}>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {statusLabel(s)}
        </option>
      ))}
    </select>
  );
}

function CreateTag({ onCreated }: { onCreated: (m: string) => void }) {
  const [tag, setTag] = useState("");
  const [status, setStatus] = useState<AuthorizationStatus>("ACCEPTED");
  const [expiry, setExpiry] = useState("");
  const [parent, setParent] = useState("");
  const [owner, setOwner] = useState("");
  const create = useMutation(CreateMutation);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await create.run({
      input: {
        idTag: tag.trim(),
        status,
        expiryDate: toIso(expiry),
        parentIdTag: parent.trim() || null,
        owner: owner.trim() || null,
      },
    });
    if (r) {
      onCreated(t("tags.createdOk", { tag: r.createIdTag.idTag }));
      setTag("");
      setExpiry("");
      setParent("");
      setOwner("");
    }
  };
  return (
    <section class="card section-gap" aria-labelledby="tags-create">
      <h2 id="tags-create">{t("tags.create")}</h2>
      <form onSubmit={submit}>
        <div class="filters">
          <Field label={t("tags.tag")}>
            <input name="idTag" required maxLength={20} value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
          </Field>
          <Field label={t("tags.statusLabel")}>
            <StatusSelect value={status} onChange={setStatus} />
          </Field>
          <Field label={t("tags.expiry")}>
            <input type="datetime-local" name="expiry" value={expiry} onInput={(e) => setExpiry(e.currentTarget.value)} />
          </Field>
          <Field label={t("tags.parent")}>
            <input name="parent" maxLength={20} value={parent} onInput={(e) => setParent(e.currentTarget.value)} />
          </Field>
          <Field label={t("tags.owner")}>
            <input name="owner" value={owner} onInput={(e) => setOwner(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={create.error} />
        <button type="submit" class="primary" disabled={create.running}>
          {t("tags.createSubmit")}
        </button>
      </form>
    </section>
  );
}

function EditTag(props: {
  tag: {
    idTag: string;
    status?: AuthorizationStatus | null;
    expiryDate?: string | null;
    parentIdTag?: string | null;
    owner?: string | null;
    budget?: BudgetData | null;
  };
  onChanged: (m: string) => void;
  onDeleted: (m: string) => void;
}) {
  const tg = props.tag;
  const [status, setStatus] = useState<AuthorizationStatus>(tg.status ?? "ACCEPTED");
  const [expiry, setExpiry] = useState(toLocalInput(tg.expiryDate));
  const [parent, setParent] = useState(tg.parentIdTag ?? "");
  const [owner, setOwner] = useState(tg.owner ?? "");
  const update = useMutation(UpdateMutation);
  const del = useMutation(DeleteMutation);
  const budget = useMutation(BudgetMutation);
  const save = async (e: Event) => {
    e.preventDefault();
    const r = await update.run({
      idTag: tg.idTag,
      input: { status, expiryDate: toIso(expiry), parentIdTag: parent.trim() || null, owner: owner.trim() || null },
    });
    if (r) props.onChanged(t("tags.savedOk", { tag: tg.idTag }));
  };
  const remove = async () => {
    const r = await del.run({ idTag: tg.idTag });
    if (r) props.onDeleted(r.deleteIdTag ? t("tags.deletedOk", { tag: tg.idTag }) : t("tags.deletedNone"));
  };
  return (
    <section class="card section-gap" aria-labelledby="tags-edit">
      <h2 id="tags-edit">{t("tags.editTitle", { tag: tg.idTag })}</h2>
      <form onSubmit={save}>
        <div class="filters">
          <Field label={t("tags.statusLabel")}>
            <StatusSelect value={status} onChange={setStatus} />
          </Field>
          <Field label={t("tags.expiry")}>
            <input type="datetime-local" name="expiry" value={expiry} onInput={(e) => setExpiry(e.currentTarget.value)} />
          </Field>
          <Field label={t("tags.parent")}>
            <input name="parent" maxLength={20} value={parent} onInput={(e) => setParent(e.currentTarget.value)} />
          </Field>
          <Field label={t("tags.owner")}>
            <input name="owner" value={owner} onInput={(e) => setOwner(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={update.error} />
        <button type="submit" class="primary" disabled={update.running}>
          {t("common.save")}
        </button>
      </form>
      <h3 id="tags-budget">{t("budget.title")}</h3>
      <p class="muted">{t("budget.intro")}</p>
      <p>
        <BudgetSummary budget={tg.budget} />
      </p>
      <BudgetForm
        label={t("tags.budgetOf", { tag: tg.idTag })}
        budget={tg.budget}
        running={budget.running}
        error={budget.error}
        onSave={async (input) => {
          const r = await budget.run({ idTag: tg.idTag, budget: input });
          if (r) props.onChanged(input ? t("tags.budgetSavedOk", { tag: tg.idTag }) : t("tags.budgetRemovedOk", { tag: tg.idTag }));
        }}
      />
      <h3>{t("tags.deleteTitle")}</h3>
      <ConfirmButton
        danger
        label={t("tags.delete")}
        question={t("tags.deleteQuestion", { tag: tg.idTag })}
        disabled={del.running}
        onConfirm={remove}
      />
      <ErrorNotice error={del.error} />
    </section>
  );
}
