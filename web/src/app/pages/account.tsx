// The account: who is signed in, the language, notifications (asked for with a button), the
// account's energy budget where it has one, changing the password (`changePassword`),
// installing the app on the home screen (where the browser offers it), and signing out.
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import { isStaff, session, signOut } from "../../lib/session";
import { ApiError, call, useQuery } from "../api";
import { t } from "../i18n";
import { installPrompt, installed } from "../install";
import { disableNotifications, enableNotifications, notifications } from "../notify";
import { BudgetLine, type Budget } from "../tags";
import { ErrorText, Field, Outcome, Screen } from "../ui";
import { LanguageSelect } from "./login";

const MyBudgetQuery = graphql(`
  query AppMyBudget {
    me {
      budget {
        ...AppBudget
      }
    }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation AppChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

function ChangePassword() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat !== "" && repeat !== newPassword;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await call(ChangePasswordMutation, { currentPassword, newPassword });
      setDone(true);
      setCurrent("");
      setNew("");
      setRepeat("");
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("password.title")}</h2>
      <Field label={t("password.current")}>
        <input type="password" name="current-password" autocomplete="current-password" required value={currentPassword} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </Field>
      <Field label={t("password.new")} hint={t("password.rules")}>
        <input type="password" name="new-password" autocomplete="new-password" required minLength={10} value={newPassword} onInput={(e) => setNew(e.currentTarget.value)} />
      </Field>
      <Field label={t("password.repeat")}>
        <input type="password" name="repeat-password" autocomplete="new-password" required aria-invalid={mismatch} value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
      </Field>
      {mismatch && <p class="notice error" role="alert">{t("password.mismatch")}</p>}
      <ErrorText error={error} />
      {done && <Outcome kind="ok">{t("password.changed")}</Outcome>}
      <button type="submit" class="primary" disabled={busy || mismatch}>
        {t("password.submit")}
      </button>
    </form>
  );
}

export function Account() {
  const budget = useQuery(MyBudgetQuery, {});
  const s = session.value;
  return (
    <Screen title={t("account.title")}>
      <div class="card">
        <p>
          {t("account.signedInAs")} <strong data-testid="username">{s?.sub}</strong>{" "}
          <span class="muted">({t(`role.${s?.role ?? "DRIVER"}`)})</span>
        </p>
        {budget.data?.me.budget && <BudgetLine budget={budget.data.me.budget as Budget} label={t("budget.account")} />}
        {isStaff.value && (
          <p class="muted">
            {t("account.staff")} <a href="/">{t("account.console")}</a>
          </p>
        )}
        <button type="button" onClick={() => signOut()}>
          {t("account.signOut")}
        </button>
      </div>
      <div class="card">
        <LanguageSelect />
      </div>
      <div class="card" aria-labelledby="notify-title">
        <h2 id="notify-title">{t("notify.title")}</h2>
        <p class="muted">{t("notify.text")}</p>
        {notifications.value === "off" && (
          <button type="button" onClick={() => void enableNotifications()}>
            {t("notify.ask")}
          </button>
        )}
        {notifications.value === "on" && (
          <>
            <p>{t("notify.on")}</p>
            <button type="button" onClick={disableNotifications}>
              {t("notify.turnOff")}
            </button>
          </>
        )}
        {notifications.value === "denied" && <p class="notice warn">{t("notify.denied")}</p>}
        {notifications.value === "unsupported" && <p class="muted">{t("notify.unsupported")}</p>}
      </div>
      {(installPrompt.value || installed.value) && (
        <div class="card">
          <h2>{t("install.title")}</h2>
          {installed.value ? (
            <p>{t("install.done")}</p>
          ) : (
            <button type="button" class="primary" onClick={() => void installPrompt.value?.prompt()}>
              {t("install.button")}
            </button>
          )}
        </div>
      )}
      <ChangePassword />
    </Screen>
  );
}
