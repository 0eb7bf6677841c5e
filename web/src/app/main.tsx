// The drivers' app at /app: a phone-first shell (header, the screens, a bottom navigation),
// the sign-in gate, the offline screen, and the service worker that keeps the shell on the
// phone. Routes: /app (start), /app/station/:id, /app/charge/:station/:connector (the QR
// link on a charger), /app/session/:id, /app/history, /app/account.
import { render } from "preact";
import { useEffect } from "preact/hooks";
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from "preact-iso";
import { session } from "../lib/session";
import { offline, reachable } from "./api";
import { lang, t } from "./i18n";
import "./install";
import { Login } from "./pages/login";
import { Home } from "./pages/home";
import { Charge } from "./pages/charge";
import { SessionScreen } from "./pages/session";
import { StationScreen } from "./pages/station";
import "./app.css";

// Screens a driver opens less often load when first opened.
const History = lazy(() => import("./pages/history").then((m) => m.History));
const Account = lazy(() => import("./pages/account").then((m) => m.Account));

const NAV = [
  { href: "/app/", key: "nav.charge", icon: "M13 2 4 14h7l-1 8 9-12h-7z" },
  { href: "/app/history", key: "nav.history", icon: "M12 7v5l3 3M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5" },
  { href: "/app/account", key: "nav.account", icon: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9a7 7 0 0 1 14 0" },
];

function BottomNav() {
  const { path } = useLocation();
  const current = (href: string) =>
    href === "/app/" ? path === "/app" || path === "/app/" || /^\/app\/(station|charge|session)\//.test(path) : path.startsWith(href);
  return (
    <nav class="bottom" aria-label={t("nav.label")}>
      {NAV.map((n) => (
        <a key={n.href} href={n.href} aria-current={current(n.href) ? "page" : undefined}>
          <svg viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
            <path d={n.icon} />
          </svg>
          <span>{t(n.key)}</span>
        </a>
      ))}
    </nav>
  );
}

/** The server cannot be reached: said plainly, retried by itself and on request. */
function Offline() {
  useEffect(() => {
    document.title = `${t("offline.title")} · chargegate`;
    const id = setInterval(() => void reachable(), 5000);
    return () => clearInterval(id);
  }, []);
  return (
    <main id="main" class="offline" data-testid="offline">
      <svg viewBox="0 0 24 24" width="64" height="64" aria-hidden="true">
        <path d="M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M12 19h0M3 3l18 18" />
      </svg>
      <h1>{t("offline.title")}</h1>
      <p>{t("offline.text")}</p>
      <button type="button" class="primary" onClick={() => void reachable()}>
        {t("offline.retry")}
      </button>
    </main>
  );
}

function NotFound() {
  return (
    <section class="screen">
      <h1>{t("common.notFound")}</h1>
      <p>
        <a href="/app/">{t("nav.charge")}</a>
      </p>
    </section>
  );
}

function App() {
  // Reading the signals subscribes the shell to language, session and reachability.
  void lang.value;
  if (offline.value) return <Offline />;
  if (!session.value) return <Login />;
  return (
    <>
      <a class="skip" href="#main">
        {t("nav.skip")}
      </a>
      <header class="top">
        <a class="brand" href="/app/">
          <img src="/app/icon.svg" alt="" width="28" height="28" />
          chargegate
        </a>
        <span class="who">{session.value.sub}</span>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/app" component={Home} />
            <Route path="/app/" component={Home} />
            <Route path="/app/station/:id" component={StationScreen} />
            <Route path="/app/charge/:station/:connector" component={Charge} />
            <Route path="/app/session/:id" component={SessionScreen} />
            <Route path="/app/history" component={History} />
            <Route path="/app/account" component={Account} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
      <BottomNav />
    </>
  );
}

addEventListener("offline", () => (offline.value = true));
addEventListener("online", () => void reachable());

// The service worker keeps the shell (app.html and its assets) for the offline screen and a
// quick start; it never keeps API answers. Not in `npm run dev` (there is no built sw.js).
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  addEventListener("load", () => {
    navigator.serviceWorker.register("/app/sw.js", { scope: "/app/" }).catch(() => {});
  });
  // A new build's worker took over (the server was upgraded): this page's scripts may no longer
  // be on the server, so it starts again with the new ones. Not on the first visit, when the
  // first worker takes over a page that is already current.
  const updating = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", () => updating && location.reload());
}

render(
  <LocationProvider scope="/app">
    <App />
  </LocationProvider>,
  document.getElementById("app")!,
);
