// The operators' console: the app shell (navigation, language, account), the routes (each
// page has its own URL, so a link can be shared) and the sign-in gate. Drivers are sent to
// their own app (`/app/`, a separate page of the same build: a full navigation).
import { render } from "preact";
import { useEffect } from "preact/hooks";
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from "preact-iso";
import { LANGS, lang, setLang, t, type Key } from "./i18n";
import { pendingAccounts, refreshPending } from "./lib/pending";
import { canOperate, isAdmin, isStaff, session, signOut } from "./lib/session";
import { Login } from "./pages/login";
import "./style.css";

const Overview = lazy(() => import("./pages/overview").then((m) => m.Overview));
const Stations = lazy(() => import("./pages/stations").then((m) => m.Stations));
const StationPage = lazy(() => import("./pages/station").then((m) => m.StationPage));
const Transactions = lazy(() => import("./pages/transactions").then((m) => m.Transactions));
const Usage = lazy(() => import("./pages/usage").then((m) => m.Usage));
const Tags = lazy(() => import("./pages/tags").then((m) => m.Tags));
const Security = lazy(() => import("./pages/security").then((m) => m.Security));
const Accounts = lazy(() => import("./pages/accounts").then((m) => m.Accounts));
const QrStickers = lazy(() => import("./pages/station/qr").then((m) => m.QrStickers));
const MyAccount = lazy(() => import("./pages/my-account").then((m) => m.MyAccount));
const Alerts = lazy(() => import("./pages/alerts").then((m) => m.Alerts));
const Audit = lazy(() => import("./pages/audit").then((m) => m.Audit));

/** The drivers' app's address: another page of this build, never routed inside the console. */
const APP = "/app/";
const inApp = (path: string) => path === "/app" || path.startsWith("/app/");
/** Links the console routes itself: every same-origin path but the drivers' app's. */
const CONSOLE_SCOPE = /^\/(?!app(?:[/?#]|$))/;

interface NavItem {
  href: string;
  key: Key;
  show: () => boolean;
}
const NAV: NavItem[] = [
  { href: "/", key: "nav.overview", show: () => isStaff.value },
  { href: "/stations", key: "nav.stations", show: () => isStaff.value },
  { href: "/transactions", key: "nav.transactions", show: () => true },
  { href: "/usage", key: "nav.usage", show: () => true },
  { href: "/tags", key: "nav.tags", show: () => true },
  { href: "/security", key: "nav.security", show: () => canOperate.value },
  // Operators manage drivers' accounts (and approve self-registered ones); admins all.
  { href: "/accounts", key: "nav.accounts", show: () => canOperate.value },
  { href: "/alerts", key: "nav.alerts", show: () => isStaff.value },
  // The audit trail: administrators only (the server refuses everyone else).
  { href: "/audit", key: "nav.audit", show: () => isAdmin.value },
];

function Nav() {
  const { path } = useLocation();
  const current = (href: string) => (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`));
  // The pending-approval badge: read on each page change, when the role is known or changes
  // (sign-in first shows the shell while it asks `me`), and every minute.
  const who = `${session.value?.sub}|${session.value?.role}`;
  useEffect(() => {
    void refreshPending();
  }, [path, who]);
  useEffect(() => {
    const id = setInterval(() => void refreshPending(), 60_000);
    return () => clearInterval(id);
  }, []);
  const pending = pendingAccounts.value;
  return (
    <nav class="nav" aria-label={t("nav.label")}>
      <a class="brand" href="/">
        chargegate
      </a>
      <ul>
        {NAV.filter((n) => n.show()).map((n) => (
          <li key={n.href}>
            <a href={n.href} aria-current={current(n.href) ? "page" : undefined}>
              {t(n.key)}
              {n.href === "/accounts" && pending ? (
                <>
                  {" "}
                  <span class="count-badge" data-testid="pending-badge">
                    {pending}
                    <span class="sr-only"> {t("nav.pendingAccounts", { n: pending })}</span>
                  </span>
                </>
              ) : null}
            </a>
          </li>
        ))}
        {isStaff.value && (
          <li>
            <a href={APP} class="to-app">
              {t("nav.driversApp")}
            </a>
          </li>
        )}
      </ul>
      <div class="nav-end">
        <label class="lang">
          <span class="sr-only">{t("nav.language")}</span>
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
        <a class="who" href="/account" aria-current={path === "/account" ? "page" : undefined}>
          {session.value?.sub} <span class="muted">({session.value?.role.toLowerCase()})</span>
          <span class="sr-only"> · {t("nav.myAccount")}</span>
        </a>
        <button type="button" onClick={() => signOut()}>
          {t("nav.signOut")}
        </button>
      </div>
    </nav>
  );
}

function NotFound() {
  return (
    <section class="page">
      <h1>{t("common.notFound")}</h1>
      <p>
        <a href="/">{t("nav.overview")}</a>
      </p>
    </section>
  );
}

/**
 * The console serving `/app/…`: this build has no drivers' app (the server answered the
 * console for it), so say so rather than send a driver round in circles.
 */
function NoApp() {
  return (
    <main id="main" class="login">
      <section class="card" aria-labelledby="noapp-title">
        <h1 id="noapp-title">{t("nav.driversApp")}</h1>
        <p class="notice warn">{t("nav.noApp")}</p>
        <p class="row">
          {isStaff.value && <a href="/">{t("nav.overview")}</a>}
          <button type="button" onClick={() => signOut()}>
            {t("nav.signOut")}
          </button>
        </p>
      </section>
    </main>
  );
}

/** A driver's session in the console: off to the drivers' app (a full page load). */
function ToApp() {
  useEffect(() => {
    location.replace(APP);
  }, []);
  return (
    <main id="main" class="login">
      <p role="status">{t("nav.toApp")}</p>
    </main>
  );
}

function App() {
  // Reading the signal subscribes the whole shell to language and session changes.
  void lang.value;
  if (session.value && inApp(location.pathname)) return <NoApp />;
  if (!session.value) return <Login />;
  if (session.value.role === "DRIVER") return <ToApp />;
  return (
    <>
      <a class="skip" href="#main">
        {t("nav.skip")}
      </a>
      <Nav />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Overview} />
            <Route path="/stations" component={Stations} />
            <Route path="/stations/:id" component={StationPage} />
            <Route path="/stations/:id/qr" component={QrStickers} />
            <Route path="/stations/:id/:tab" component={StationPage} />
            <Route path="/transactions" component={Transactions} />
            <Route path="/transactions/:id" component={Transactions} />
            <Route path="/usage" component={Usage} />
            <Route path="/tags" component={Tags} />
            <Route path="/security" component={Security} />
            <Route path="/security/:tab" component={Security} />
            <Route path="/accounts" component={Accounts} />
            <Route path="/account" component={MyAccount} />
            <Route path="/alerts" component={Alerts} />
            <Route path="/audit" component={Audit} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

render(
  <LocationProvider scope={CONSOLE_SCOPE}>
    <App />
  </LocationProvider>,
  document.getElementById("app")!,
);
