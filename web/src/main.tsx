// The operators' console: the app shell (navigation, language, account), the routes (each
// page has its own URL, so a link can be shared) and the sign-in gate.
import { render } from "preact";
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from "preact-iso";
import { LANGS, lang, setLang, t, type Key } from "./i18n";
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
  { href: "/accounts", key: "nav.accounts", show: () => isAdmin.value },
];

function Nav() {
  const { path } = useLocation();
  const current = (href: string) => (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`));
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
            </a>
          </li>
        ))}
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
        <span class="who" title={session.value?.role}>
          {session.value?.sub} <span class="muted">({session.value?.role.toLowerCase()})</span>
        </span>
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

/** Drivers have no fleet to watch: their start page is their transactions. */
function Home() {
  const { route } = useLocation();
  if (!isStaff.value) {
    route("/transactions", true);
    return null;
  }
  return <Overview />;
}

function App() {
  // Reading the signal subscribes the whole shell to language and session changes.
  void lang.value;
  if (!session.value) return <Login />;
  return (
    <>
      <a class="skip" href="#main">
        {t("nav.skip")}
      </a>
      <Nav />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/stations" component={Stations} />
            <Route path="/stations/:id" component={StationPage} />
            <Route path="/stations/:id/:tab" component={StationPage} />
            <Route path="/transactions" component={Transactions} />
            <Route path="/transactions/:id" component={Transactions} />
            <Route path="/usage" component={Usage} />
            <Route path="/tags" component={Tags} />
            <Route path="/security" component={Security} />
            <Route path="/security/:tab" component={Security} />
            <Route path="/accounts" component={Accounts} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

render(
  <LocationProvider>
    <App />
  </LocationProvider>,
  document.getElementById("app")!,
);
