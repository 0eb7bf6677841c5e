// Sign-in (the `login` mutation) and, where the server lets people register themselves
// (`selfRegistration`), a registration form: the account then waits for an operator's approval,
// and signing in before that says so plainly (ACCOUNT_PENDING).
import { useEffect, useState } from "preact/hooks";
import { graphql } from "../../gql";
import { session, signIn, endedBecause, type Role } from "../../lib/session";
import { ApiError, call } from "../api";
import { LANGS, lang, setLang, t } from "../i18n";
import { ErrorText, Field, Outcome } from "../ui";

const LoginMutation = graphql(`
  mutation AppLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      role
      expiresAt
    }
  }
`);

const MeQuery = graphql(`
  query AppMe {
    me {
      sub
      role
      stations
    }
  }
`);

const SelfRegistrationQuery = graphql(`
  query AppSelfRegistration {
    selfRegistration
  }
`);

const RegisterMutation = graphql(`
  mutation AppRegister($username: String!, $password: String!) {
    register(username: $username, password: $password) {
      username
      pending
    }
  }
`);

export function LanguageSelect() {
  return (
    <Field label={t("nav.language")}>
      <select value={lang.value} onChange={(e) => setLang(e.currentTarget.value as "en" | "id")}>
        {LANGS.map((l) => (
          <option key={l.code} value={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Register(props: { onDone: (username: string) => void; onCancel: () => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat !== "" && repeat !== password;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await call(RegisterMutation, { username: username.trim(), password });
      props.onDone(username.trim());
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="card" aria-labelledby="register-title">
      <h1 id="register-title">{t("register.title")}</h1>
      <p class="muted">{t("register.intro")}</p>
      <Field label={t("login.username")}>
        <input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </Field>
      <Field label={t("register.password")} hint={t("password.rules")}>
        <input
          name="new-password"
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </Field>
      <Field label={t("register.repeat")}>
        <input
          name="repeat-password"
          type="password"
          autocomplete="new-password"
          required
          value={repeat}
          aria-invalid={mismatch}
          onInput={(e) => setRepeat(e.currentTarget.value)}
        />
      </Field>
      {mismatch && <p class="notice error" role="alert">{t("password.mismatch")}</p>}
      <ErrorText error={error} />
      <button type="submit" class="primary" disabled={busy || mismatch}>
        {t("register.submit")}
      </button>
      <button type="button" class="link" onClick={props.onCancel}>
        {t("register.back")}
      </button>
    </form>
  );
}

export function Login() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [canRegister, setCanRegister] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t("login.title")} · chargegate`;
    // A server without self-registration (or without the field at all) shows no form.
    call(SelfRegistrationQuery)
      .then((d) => setCanRegister(d.selfRegistration === true))
      .catch(() => setCanRegister(false));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login } = await call(LoginMutation, { username, password });
      // The token decides the role; `me` reads it as the server sees it.
      session.value = { token: login.token, role: "DRIVER", sub: "" };
      const { me } = await call(MeQuery);
      signIn({ token: login.token, role: me.role as Role, sub: me.sub, stations: me.stations, expiresAt: login.expiresAt });
    } catch (err) {
      session.value = null;
      const e = err as ApiError;
      // At sign-in, "unauthenticated" means the name or the password is wrong.
      setError(e.code === "UNAUTHENTICATED" ? new ApiError(e.message, "WRONG_CREDENTIALS") : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="login">
      <img class="logo" src="/app/icon.svg" alt="" width="72" height="72" />
      {registering ? (
        <Register
          onDone={(u) => {
            setRegistered(u);
            setUsername(u);
            setRegistering(false);
          }}
          onCancel={() => setRegistering(false)}
        />
      ) : (
        <form onSubmit={submit} class="card" aria-labelledby="login-title">
          <h1 id="login-title">{t("login.title")}</h1>
          <p class="muted">{t("login.intro")}</p>
          {endedBecause.value === "expired" && <p class="notice warn">{t("login.expired")}</p>}
          {registered && <Outcome kind="ok">{t("register.done", { username: registered })}</Outcome>}
          <Field label={t("login.username")}>
            <input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </Field>
          <Field label={t("login.password")}>
            <input
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </Field>
          <ErrorText error={error} />
          <button type="submit" class="primary" disabled={busy}>
            {t("login.submit")}
          </button>
          {canRegister && (
            <button type="button" class="link" onClick={() => setRegistering(true)}>
              {t("register.open")}
            </button>
          )}
        </form>
      )}
      <div class="card slim">
        <LanguageSelect />
      </div>
    </main>
  );
}
