// The signed-in account's own page (`/account`): who it is, and a new password
// (`changePassword`: the current one first; the token must be an account's, not one pasted
// from `chargegate token`).
import { useState } from "preact/hooks";
import { graphql } from "../gql";
import { t } from "../i18n";
import { ApiError, request } from "../lib/api";
import { session } from "../lib/session";
import { ErrorNotice, Field, Page } from "../lib/ui";

const ChangePassword = graphql(`
  mutation MyAccountChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export function MyAccount() {
  const s = session.value;
  return (
    <Page title={t("nav.myAccount")}>
      <dl class="kv card">
        <dt>{t("myAccount.username")}</dt>
        <dd>{s?.sub}</dd>
        <dt>{t("myAccount.role")}</dt>
        <dd>{s?.role.toLowerCase()}</dd>
        <dt>{t("myAccount.stations")}</dt>
        <dd>{s?.stations ? s.stations.join(", ") : t("myAccount.allStations")}</dd>
      </dl>
      <PasswordForm />
    </Page>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    setError(null);
    if (next !== again) return setProblem(t("myAccount.mismatch"));
    setProblem(null);
    setRunning(true);
    try {
      // A wrong current password must not end the session (whatever code the server gives it).
      const r = await request(ChangePassword, { currentPassword: current, newPassword: next }, { keepSession: true });
      if (r.changePassword) {
        setDone(true);
        setCurrent("");
        setNext("");
        setAgain("");
      }
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(String(err), "ERROR"));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section class="card section-gap" aria-labelledby="password-h">
      <h2 id="password-h">{t("myAccount.changePassword")}</h2>
      <form onSubmit={submit}>
        {/* The username lets a password manager file the new password under the right entry. */}
        <input type="text" name="username" autocomplete="username" value={session.value?.sub} hidden readOnly />
        <Field label={t("myAccount.current")}>
          <input
            name="current-password"
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </Field>
        <Field label={t("myAccount.new")}>
          <input
            name="new-password"
            type="password"
            autocomplete="new-password"
            required
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </Field>
        <Field label={t("myAccount.again")}>
          <input
            name="new-password-again"
            type="password"
            autocomplete="new-password"
            required
            value={again}
            onInput={(e) => setAgain(e.currentTarget.value)}
          />
        </Field>
        {problem && (
          <p class="notice warn" role="alert">
            {problem}
          </p>
        )}
        {error && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN") ? (
          <p class="notice error" role="alert">
            <strong>{t("myAccount.wrongCurrent")}</strong> <span class="muted">({error.code})</span> {error.message}
          </p>
        ) : (
          <ErrorNotice error={error} />
        )}
        <p role="status" class={done ? "notice ok" : "sr-only"}>
          {done ? t("myAccount.changed") : ""}
        </p>
        <button type="submit" class="primary" disabled={running}>
          {t("myAccount.submit")}
        </button>
      </form>
    </section>
  );
}
