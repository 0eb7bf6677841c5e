// Sign-in: username and password through the `login` mutation, or a token pasted from
// `chargegate token` (checked with `me`).
import { useState } from "preact/hooks";
import { graphql } from "../gql";
import { request, ApiError } from "../lib/api";
import { LANGS, lang, setLang, t } from "../i18n";
import { endedBecause, session, signIn, type Role } from "../lib/session";
import { ErrorNotice, Field } from "../lib/ui";

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      role
      expiresAt
    }
  }
`);

const MeQuery = graphql(`
  query Me {
    me {
      sub
      role
      stations
    }
  }
`);

export function Login() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const [useToken, setUseToken] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (tok: string, expiresAt: string | null) => {
    // The token decides the role and stations; `me` reads them as the server sees them.
    session.value = { token: tok, role: "VIEWER", sub: "" };
    const { me } = await request(MeQuery);
    signIn({ token: tok, role: me.role as Role, sub: me.sub, stations: me.stations, expiresAt });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (useToken) {
        await finish(token.trim().replace(/^Bearer\s+/i, ""), null);
      } else {
        const { login } = await request(LoginMutation, { username, password });
        await finish(login.token, login.expiresAt);
      }
    } catch (err) {
      session.value = null;
      setError(err instanceof ApiError ? err : new ApiError(String(err), "ERROR"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="login">
      <form onSubmit={submit} class="card" aria-labelledby="login-title">
        <h1 id="login-title">chargegate</h1>
        <p class="muted">{t("login.intro")}</p>
        {endedBecause.value === "expired" && <p class="notice warn">{t("login.expired")}</p>}
        {useToken ? (
          <Field label={t("login.token")}>
            <textarea
              name="token"
              required
              rows={4}
              value={token}
              onInput={(e) => setToken(e.currentTarget.value)}
            />
          </Field>
        ) : (
          <>
            <Field label={t("login.username")}>
              <input
                name="username"
                autocomplete="username"
                required
                value={username}
                onInput={(e) => setUsername(e.currentTarget.value)}
              />
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
          </>
        )}
        <ErrorNotice error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t("login.submit")}
        </button>
        <button type="button" class="link" onClick={() => setUseToken(!useToken)}>
          {useToken ? t("login.withPassword") : t("login.withToken")}
        </button>
        <label class="lang">
          {t("nav.language")}{" "}
          <select
            value={lang.value}
            onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as "en" | "id")}
          >
            {LANGS.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </form>
    </main>
  );
}
