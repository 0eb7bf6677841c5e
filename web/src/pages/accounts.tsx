// Accounts: who may sign in, with which role and over which stations. Administrators manage
// every account; operators manage drivers' accounts only (as the API allows). Self-registered
// drivers wait here for approval (Approve, or Reject: the account is deleted). A driver's
// account shows its id tags (give one, new or existing; take one back) and its energy budget
// over all of them.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../gql";
import type { AccountRole } from "../gql/graphql";
import { fmtDateTime, t } from "../i18n";
import { request, type ApiError } from "../lib/api";
import { useMutation, useQuery } from "../lib/hooks";
import { refreshPending } from "../lib/pending";
import { canOperate, isAdmin, session } from "../lib/session";
import { ConfirmButton, ErrorNotice, Field, Page } from "../lib/ui";
import { BudgetForm, BudgetSummary, type BudgetData } from "./budget";

const AccountsQuery = graphql(`
  query AccountsList {
    accounts {
      username
      role
      stations
      pending
      createdAt
      updatedAt
      idTags {
        idTag
        status
        effectiveStatus
      }
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
`);

const CreateMutation = graphql(`
  mutation AccountsCreate($username: String!, $password: String!, $role: AccountRole!, $stations: [ID!]) {
    createAccount(username: $username, password: $password, role: $role, stations: $stations) {
      username
    }
  }
`);

const UpdateMutation = graphql(`
  mutation AccountsUpdate($username: String!, $role: AccountRole!, $stations: [ID!]) {
    updateAccount(username: $username, role: $role, stations: $stations) {
      username
    }
  }
`);

const PasswordMutation = graphql(`
  mutation AccountsResetPassword($username: String!, $password: String!) {
    updateAccount(username: $username, password: $password) {
      username
    }
  }
`);

const DeleteMutation = graphql(`
  mutation AccountsDelete($username: String!) {
    deleteAccount(username: $username)
  }
`);

const ApproveMutation = graphql(`
  mutation AccountsApprove($username: String!) {
    approveAccount(username: $username) {
      username
      pending
    }
  }
`);

const BudgetMutation = graphql(`
  mutation AccountsSetBudget($username: String!, $budget: EnergyBudgetInput) {
    setAccountBudget(username: $username, budget: $budget) {
      username
    }
  }
`);

const TagOwnerQuery = graphql(`
  query AccountsTagOwner($idTag: String!) {
    idTag(idTag: $idTag) {
      idTag
      owner
    }
  }
`);

const GiveTagMutation = graphql(`
  mutation AccountsGiveTag($idTag: String!, $owner: String) {
    updateIdTag(idTag: $idTag, input: { owner: $owner }) {
      idTag
      owner
    }
  }
`);

const CreateTagMutation = graphql(`
  mutation AccountsCreateTag($idTag: String!, $owner: String!) {
    createIdTag(input: { idTag: $idTag, owner: $owner, status: ACCEPTED }) {
      idTag
      owner
    }
  }
`);

const ROLES: AccountRole[] = ["ADMIN", "OPERATOR", "VIEWER", "DRIVER"];

/** The roles the signed-in account may give: all for administrators, DRIVER for operators. */
function givableRoles(): AccountRole[] {
  return isAdmin.value ? ROLES : ["DRIVER"];
}

function roleLabel(r: string): string {
  const labels: Record<string, string> = {
    ADMIN: t("accounts.role.ADMIN"),
    OPERATOR: t("accounts.role.OPERATOR"),
    VIEWER: t("accounts.role.VIEWER"),
    DRIVER: t("accounts.role.DRIVER"),
  };
  return labels[r] ?? r;
}

/** "all" (or nothing) means every station: null; else the ids, split on commas and spaces. */
export function parseScope(text: string): string[] | null {
  const ids = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0 || (ids.length === 1 && ids[0].toLowerCase() === "all")) return null;
  return ids;
}

function scopeText(stations: readonly string[] | null | undefined): string {
  return stations ? stations.join(", ") : "all";
}

function RoleSelect(props: { value: string; onChange: (r: AccountRole) => void }) {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as AccountRole)}>
      {givableRoles().map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </select>
  );
}

interface TagRef {
  idTag: string;
  status?: string | null;
  effectiveStatus?: string | null;
}

interface AccountData {
  username: string;
  role: AccountRole;
  stations?: readonly string[] | null;
  pending: boolean;
  idTags: readonly TagRef[];
  budget?: BudgetData | null;
}

function TagLinks({ tags }: { tags: readonly TagRef[] }) {
  if (tags.length === 0) return <span class="muted">–</span>;
  return (
    <ul class="tag-chips">
      {tags.map((tg) => (
        <li key={tg.idTag}>
          <a href={`/tags?q=${encodeURIComponent(tg.idTag)}`}>
            <code>{tg.idTag}</code>
          </a>
          {(tg.effectiveStatus ?? tg.status) !== "ACCEPTED" && (
            <span class={`badge s-${(tg.effectiveStatus ?? tg.status ?? "").toLowerCase()}`}>
              {(tg.effectiveStatus ?? tg.status ?? "–").toLowerCase()}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Accounts() {
  const list = useQuery(AccountsQuery, {}, { skip: !canOperate.value });
  // `/accounts?user=<name>` (linked from an id tag's owner) opens that account.
  const { query } = useLocation();
  const [editing, setEditing] = useState<string | null>(query.user ?? null);
  const [done, setDone] = useState<string | null>(null);

  if (!canOperate.value)
    return (
      <Page title={t("nav.accounts")}>
        <p class="notice warn">{t("accounts.adminsOnly")}</p>
      </Page>
    );

  // Operators manage drivers only (the server gives them no other; this keeps it so).
  const accounts = (list.data?.accounts ?? []).filter((a) => isAdmin.value || a.role === "DRIVER");
  const pending = accounts.filter((a) => a.pending);
  const current = accounts.find((a) => a.username === editing);
  const changed = (message: string) => {
    setDone(message);
    list.reload();
    void refreshPending();
  };

  return (
    <Page title={t("nav.accounts")}>
      {!isAdmin.value && <p class="muted">{t("accounts.operatorIntro")}</p>}
      <p role="status" class={done ? "notice ok" : "sr-only"}>
        {done}
      </p>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data && <p class="muted">{t("common.loading")}</p>}
      {pending.length > 0 && (
        <PendingAccounts
          accounts={pending}
          onChanged={(message, username, approved) => {
            // Shown at once; the reload that follows confirms it.
            list.setData((d) =>
              d && {
                ...d,
                accounts: approved
                  ? d.accounts.map((a) => (a.username === username ? { ...a, pending: false } : a))
                  : d.accounts.filter((a) => a.username !== username),
              },
            );
            changed(message);
          }}
        />
      )}
      <div class="table-wrap">
        <table data-testid="accounts-table">
          <caption class="sr-only">{t("nav.accounts")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("accounts.username")}</th>
              <th scope="col">{t("accounts.roleLabel")}</th>
              <th scope="col">{t("accounts.idTags")}</th>
              <th scope="col">{t("budget.title")}</th>
              <th scope="col">{t("accounts.stations")}</th>
              <th scope="col">{t("accounts.created")}</th>
              <th scope="col">{t("accounts.updated")}</th>
              <th scope="col">
                <span class="sr-only">{t("accounts.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username} data-testid={`account-${a.username}`}>
                <th scope="row">
                  {a.username}
                  {a.username === session.value?.sub && <span class="muted"> ({t("accounts.you")})</span>}
                  {a.pending && (
                    <>
                      {" "}
                      <span class="badge s-pending">{t("accounts.pendingBadge")}</span>
                    </>
                  )}
                </th>
                <td>{roleLabel(a.role)}</td>
                <td>
                  <TagLinks tags={a.idTags} />
                </td>
                <td>{a.role === "DRIVER" ? <BudgetSummary budget={a.budget} /> : <span class="muted">–</span>}</td>
                <td>{a.stations ? a.stations.join(", ") : <span class="muted">{t("accounts.allStations")}</span>}</td>
                <td>{fmtDateTime(a.createdAt)}</td>
                <td>{fmtDateTime(a.updatedAt)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t("accounts.editOf", { name: a.username })}
                    aria-expanded={editing === a.username}
                    onClick={() => {
                      setDone(null);
                      setEditing(editing === a.username ? null : a.username);
                    }}
                  >
                    {t("accounts.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && accounts.length === 0 && <p class="muted pad">{t("common.none")}</p>}
      </div>
      {current && (
        <EditAccount
          key={current.username}
          account={current}
          onChanged={changed}
          onDeleted={(m) => {
            setEditing(null);
            changed(m);
          }}
        />
      )}
      <CreateAccount
        onCreated={(m, username) => {
          changed(m);
          setEditing(username);
        }}
      />
    </Page>
  );
}

/** Self-registered accounts waiting for an operator: Approve, or Reject (deletes it). */
function PendingAccounts(props: {
  accounts: readonly AccountData[];
  onChanged: (message: string, username: string, approved: boolean) => void;
}) {
  const approve = useMutation(ApproveMutation);
  const reject = useMutation(DeleteMutation);
  return (
    <section class="card notice warn pending-accounts" aria-labelledby="accounts-pending">
      <h2 id="accounts-pending">{t("accounts.pendingTitle", { n: props.accounts.length })}</h2>
      <p>{t("accounts.pendingIntro")}</p>
      <ul class="plain-list">
        {props.accounts.map((a) => (
          <li key={a.username} class="row center" data-testid={`pending-${a.username}`}>
            <strong>{a.username}</strong>
            <span class="muted">{roleLabel(a.role)}</span>
            <button
              type="button"
              class="primary"
              aria-label={t("accounts.approveOf", { name: a.username })}
              disabled={approve.running || reject.running}
              onClick={async () => {
                const r = await approve.run({ username: a.username });
                if (r) props.onChanged(t("accounts.approvedOk", { name: a.username }), a.username, true);
              }}
            >
              {t("accounts.approve")}
            </button>
            <ConfirmButton
              danger
              label={t("accounts.rejectOf", { name: a.username })}
              question={t("accounts.rejectQuestion", { name: a.username })}
              disabled={approve.running || reject.running}
              onConfirm={async () => {
                const r = await reject.run({ username: a.username });
                if (r) props.onChanged(t("accounts.rejectedOk", { name: a.username }), a.username, false);
              }}
            />
          </li>
        ))}
      </ul>
      <ErrorNotice error={approve.error ?? reject.error} />
    </section>
  );
}

/**
 * Gives `idTag` to `owner`: an existing tag changes owner, a new one is registered (Accepted)
 * for them. A tag another account owns is only taken over when `takeOver` says so.
 */
async function giveTag(
  idTag: string,
  owner: string,
  takeOver: boolean,
): Promise<{ kind: "given" | "created" } | { kind: "owned"; by: string }> {
  const { idTag: existing } = await request(TagOwnerQuery, { idTag });
  if (!existing) {
    await request(CreateTagMutation, { idTag, owner });
    return { kind: "created" };
  }
  if (existing.owner && existing.owner !== owner && !takeOver) return { kind: "owned", by: existing.owner };
  await request(GiveTagMutation, { idTag: existing.idTag, owner });
  return { kind: "given" };
}

function CreateAccount({ onCreated }: { onCreated: (message: string, username: string) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<AccountRole>(isAdmin.value ? "OPERATOR" : "DRIVER");
  const [scope, setScope] = useState("all");
  const [tag, setTag] = useState("");
  const [tagError, setTagError] = useState<ApiError | null>(null);
  const create = useMutation(CreateMutation);
  const submit = async (e: Event) => {
    e.preventDefault();
    setTagError(null);
    const r = await create.run({ username: username.trim(), password, role, stations: parseScope(scope) });
    if (!r) return;
    const name = r.createAccount.username;
    let message = t("accounts.createdOk", { name });
    const wanted = tag.trim();
    if (role === "DRIVER" && wanted) {
      try {
        const given = await giveTag(wanted, name, false);
        message =
          given.kind === "owned"
            ? t("accounts.createdTagOwned", { name, tag: wanted, owner: given.by })
            : t("accounts.createdWithTag", { name, tag: wanted });
      } catch (err) {
        setTagError(err as ApiError);
      }
    }
    onCreated(message, name);
    setUsername("");
    setPassword("");
    setScope("all");
    setTag("");
  };
  return (
    <section class="card section-gap" aria-labelledby="accounts-create">
      <h2 id="accounts-create">{isAdmin.value ? t("accounts.create") : t("accounts.createDriver")}</h2>
      <form onSubmit={submit} aria-labelledby="accounts-create">
        <div class="filters">
          <Field label={t("accounts.username")}>
            <input
              name="username"
              required
              autocomplete="off"
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          </Field>
          <Field label={t("accounts.password")}>
            <input
              name="password"
              type="password"
              required
              autocomplete="new-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </Field>
          {isAdmin.value && (
            <Field label={t("accounts.roleLabel")}>
              <RoleSelect value={role} onChange={setRole} />
            </Field>
          )}
          <Field label={t("accounts.scope")} hint={t("accounts.scopeHint")}>
            <input name="stations" value={scope} onInput={(e) => setScope(e.currentTarget.value)} />
          </Field>
          {role === "DRIVER" && (
            <Field label={t("accounts.firstTag")} hint={t("accounts.firstTagHint")}>
              <input name="idTag" maxLength={20} value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
            </Field>
          )}
        </div>
        <ErrorNotice error={create.error ?? tagError} />
        <button type="submit" class="primary" disabled={create.running}>
          {isAdmin.value ? t("accounts.createSubmit") : t("accounts.createDriverSubmit")}
        </button>
      </form>
    </section>
  );
}

function EditAccount(props: {
  account: AccountData;
  onChanged: (message: string) => void;
  onDeleted: (message: string) => void;
}) {
  const a = props.account;
  const [role, setRole] = useState<AccountRole>(a.role);
  const [scope, setScope] = useState(scopeText(a.stations));
  const [password, setPassword] = useState("");
  const update = useMutation(UpdateMutation);
  const reset = useMutation(PasswordMutation);
  const del = useMutation(DeleteMutation);
  const budget = useMutation(BudgetMutation);

  const save = async (e: Event) => {
    e.preventDefault();
    const r = await update.run({ username: a.username, role, stations: parseScope(scope) });
    if (r) props.onChanged(t("accounts.savedOk", { name: a.username }));
  };
  const resetPassword = async () => {
    const r = await reset.run({ username: a.username, password });
    if (r) {
      setPassword("");
      props.onChanged(t("accounts.passwordOk", { name: a.username }));
    }
  };
  const remove = async () => {
    const r = await del.run({ username: a.username });
    if (r) props.onDeleted(r.deleteAccount ? t("accounts.deletedOk", { name: a.username }) : t("accounts.deletedNone"));
  };

  return (
    <section class="card section-gap" aria-labelledby="accounts-edit">
      <h2 id="accounts-edit">{t("accounts.editTitle", { name: a.username })}</h2>
      <form onSubmit={save} aria-label={t("accounts.saveRole")}>
        <div class="filters">
          {isAdmin.value ? (
            <Field label={t("accounts.roleLabel")}>
              <RoleSelect value={role} onChange={setRole} />
            </Field>
          ) : (
            <p>
              {t("accounts.roleLabel")}: <strong>{roleLabel(a.role)}</strong>
            </p>
          )}
          <Field label={t("accounts.scope")} hint={t("accounts.scopeHint")}>
            <input name="stations" value={scope} onInput={(e) => setScope(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={update.error} />
        <button type="submit" class="primary" disabled={update.running}>
          {t("accounts.saveRole")}
        </button>
      </form>
      {a.role === "DRIVER" && <AccountTags account={a} onChanged={props.onChanged} />}
      {a.role === "DRIVER" && (
        <>
          <h3>{t("budget.title")}</h3>
          <p class="muted">{t("accounts.budgetIntro")}</p>
          <p>
            <BudgetSummary budget={a.budget} testId={`account-budget-${a.username}`} />
          </p>
          <BudgetForm
            label={t("accounts.budgetOf", { name: a.username })}
            budget={a.budget}
            running={budget.running}
            error={budget.error}
            onSave={async (input) => {
              const r = await budget.run({ username: a.username, budget: input });
              if (r)
                props.onChanged(
                  input ? t("accounts.budgetSavedOk", { name: a.username }) : t("accounts.budgetRemovedOk", { name: a.username }),
                );
            }}
          />
        </>
      )}
      <h3>{t("accounts.resetPassword")}</h3>
      <div class="row">
        <Field label={t("accounts.newPassword")}>
          <input
            name="new-password"
            type="password"
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </Field>
        <div class="field">
          <ConfirmButton
            label={t("accounts.resetPassword")}
            question={t("accounts.resetQuestion", { name: a.username })}
            disabled={!password || reset.running}
            onConfirm={resetPassword}
          />
        </div>
      </div>
      <ErrorNotice error={reset.error} />
      <h3>{t("accounts.deleteTitle")}</h3>
      <ConfirmButton
        danger
        label={t("accounts.delete")}
        question={t("accounts.deleteQuestion", { name: a.username })}
        disabled={del.running}
        onConfirm={remove}
      />
      <ErrorNotice error={del.error} />
    </section>
  );
}

/** A driver's id tags: give one (registered or new), take one back. */
function AccountTags(props: { account: AccountData; onChanged: (m: string) => void }) {
  const a = props.account;
  const [tag, setTag] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [ownedBy, setOwnedBy] = useState<string | null>(null);
  const takeBack = useMutation(GiveTagMutation);

  const give = async (takeOver: boolean) => {
    const wanted = tag.trim();
    if (!wanted) return;
    setBusy(true);
    setError(null);
    setOwnedBy(null);
    try {
      const r = await giveTag(wanted, a.username, takeOver);
      if (r.kind === "owned") setOwnedBy(r.by);
      else {
        setTag("");
        props.onChanged(
          r.kind === "created"
            ? t("accounts.tagCreatedOk", { tag: wanted, name: a.username })
            : t("accounts.tagGivenOk", { tag: wanted, name: a.username }),
        );
      }
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3 id="account-tags-h">{t("accounts.idTags")}</h3>
      {a.idTags.length === 0 ? (
        <p class="muted">{t("accounts.noTags")}</p>
      ) : (
        <ul class="plain-list" aria-labelledby="account-tags-h" data-testid={`account-tags-${a.username}`}>
          {a.idTags.map((tg) => (
            <li key={tg.idTag} class="row center">
              <code>{tg.idTag}</code>
              <button
                type="button"
                aria-label={t("accounts.takeBackOf", { tag: tg.idTag, name: a.username })}
                disabled={takeBack.running}
                onClick={async () => {
                  const r = await takeBack.run({ idTag: tg.idTag, owner: null });
                  if (r) props.onChanged(t("accounts.takenBackOk", { tag: tg.idTag, name: a.username }));
                }}
              >
                {t("accounts.takeBack")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice error={takeBack.error} />
      <form
        aria-label={t("accounts.giveTagOf", { name: a.username })}
        onSubmit={(e) => {
          e.preventDefault();
          void give(false);
        }}
      >
        <div class="row">
          <Field label={t("accounts.giveTagLabel")} hint={t("accounts.giveTagHint")}>
            <input
              name="give-tag"
              required
              maxLength={20}
              value={tag}
              onInput={(e) => {
                setTag(e.currentTarget.value);
                setOwnedBy(null);
              }}
            />
          </Field>
          <div class="field">
            <button type="submit" disabled={busy}>
              {t("accounts.giveTag")}
            </button>
          </div>
        </div>
        {ownedBy && (
          <div class="notice warn" role="alert">
            <p>{t("accounts.tagOwnedBy", { tag: tag.trim(), owner: ownedBy })}</p>
            <div class="row">
              <button type="button" class="danger" disabled={busy} onClick={() => void give(true)}>
                {t("accounts.takeOver", { name: a.username })}
              </button>
              <button
                type="button"
                onClick={() => {
                  setOwnedBy(null);
                  setTag("");
                }}
              >
                {t("common.cancel")}
              </button>
            </div>
          </div>
        )}
        <ErrorNotice error={error} />
      </form>
    </>
  );
}
