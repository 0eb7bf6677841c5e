// Accounts (administrators only): who may sign in, with which role and over which stations;
// create, change role and station scope, reset a password, delete.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../gql";
import type { AccountRole } from "../gql/graphql";
import { fmtDateTime, t } from "../i18n";
import { useMutation, useQuery } from "../lib/hooks";
import { isAdmin, session } from "../lib/session";
import { ConfirmButton, ErrorNotice, Field, Page } from "../lib/ui";

const AccountsQuery = graphql(`
  query AccountsList {
    accounts {
      username
      role
      stations
      createdAt
      updatedAt
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

const ROLES: AccountRole[] = ["ADMIN", "OPERATOR", "VIEWER", "DRIVER"];

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
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {roleLabel(r)}
        </option>
      ))}
    </select>
  );
}

export function Accounts() {
  const list = useQuery(AccountsQuery, {}, { skip: !isAdmin.value });
  // `/accounts?user=<name>` (linked from an id tag's owner) opens that account.
  const { query } = useLocation();
  const [editing, setEditing] = useState<string | null>(query.user ?? null);
  const [done, setDone] = useState<string | null>(null);

  if (!isAdmin.value)
    return (
      <Page title={t("nav.accounts")}>
        <p class="notice warn">{t("accounts.adminsOnly")}</p>
      </Page>
    );

  const accounts = list.data?.accounts ?? [];
  const current = accounts.find((a) => a.username === editing);
  const changed = (message: string) => {
    setDone(message);
    list.reload();
  };

  return (
    <Page title={t("nav.accounts")}>
      <p role="status" class={done ? "notice ok" : "sr-only"}>
        {done}
      </p>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data && <p class="muted">{t("common.loading")}</p>}
      <div class="table-wrap">
        <table data-testid="accounts-table">
          <caption class="sr-only">{t("nav.accounts")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("accounts.username")}</th>
              <th scope="col">{t("accounts.roleLabel")}</th>
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
              <tr key={a.username}>
                <th scope="row">
                  {a.username}
                  {a.username === session.value?.sub && <span class="muted"> ({t("accounts.you")})</span>}
                </th>
                <td>{roleLabel(a.role)}</td>
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
        {list.data && accounts.length === 0 && <p class="muted" style="padding:8px 10px">{t("common.none")}</p>}
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
      <CreateAccount onCreated={changed} />
    </Page>
  );
}

function CreateAccount({ onCreated }: { onCreated: (message: string) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<AccountRole>("OPERATOR");
  const [scope, setScope] = useState("all");
  const create = useMutation(CreateMutation);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await create.run({ username: username.trim(), password, role, stations: parseScope(scope) });
    if (r) {
      onCreated(t("accounts.createdOk", { name: r.createAccount.username }));
      setUsername("");
      setPassword("");
      setScope("all");
    }
  };
  return (
    <section class="card" aria-labelledby="accounts-create" style="margin-top:16px">
      <h2 id="accounts-create">{t("accounts.create")}</h2>
      <form onSubmit={submit}>
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
          <Field label={t("accounts.roleLabel")}>
            <RoleSelect value={role} onChange={setRole} />
          </Field>
          <Field label={t("accounts.scope")} hint={t("accounts.scopeHint")}>
            <input name="stations" value={scope} onInput={(e) => setScope(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={create.error} />
        <button type="submit" class="primary" disabled={create.running}>
          {t("accounts.createSubmit")}
        </button>
      </form>
    </section>
  );
}

function EditAccount(props: {
  account: { username: string; role: AccountRole; stations?: readonly string[] | null };
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
    <section class="card" aria-labelledby="accounts-edit" style="margin-top:16px">
      <h2 id="accounts-edit">{t("accounts.editTitle", { name: a.username })}</h2>
      <form onSubmit={save}>
        <div class="filters">
          <Field label={t("accounts.roleLabel")}>
            <RoleSelect value={role} onChange={setRole} />
          </Field>
          <Field label={t("accounts.scope")} hint={t("accounts.scopeHint")}>
            <input name="stations" value={scope} onInput={(e) => setScope(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={update.error} />
        <button type="submit" class="primary" disabled={update.running}>
          {t("accounts.saveRole")}
        </button>
      </form>
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
