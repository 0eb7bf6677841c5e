// The console's real-browser tests: Debian's Chromium driven by playwright-core against a
// running chargegate (CHARGEGATE_E2E_URL, started on port 0 by tests/it/console.rs), a fake
// OCPP 1.6J charge point over `ws`, an other-origin guard on every page, and a poll helper.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import WebSocket from "ws";

const here = dirname(fileURLToPath(import.meta.url));

/** The server under test and the accounts tests/it/console.rs made. */
export const env = (() => {
  const url = process.env.CHARGEGATE_E2E_URL;
  if (!url) throw new Error("CHARGEGATE_E2E_URL is not set: run these tests through `cargo test --test it console`");
  const account = (role) => ({
    username: process.env[`CHARGEGATE_E2E_${role}_USER`] ?? role.toLowerCase(),
    password: process.env[`CHARGEGATE_E2E_${role}_PASSWORD`] ?? "e2e password",
  });
  return {
    url: url.replace(/\/$/, ""),
    /** Where the charge points connect; the server itself unless overridden (a dev proxy). */
    ocppUrl: (process.env.CHARGEGATE_E2E_OCPP_URL ?? `${url.replace(/^http/, "ws").replace(/\/$/, "")}/ocpp`).replace(/\/$/, ""),
    admin: account("ADMIN"),
    operator: account("OPERATOR"),
    viewer: account("VIEWER"),
    driver: account("DRIVER"),
    /** A second driver, with a tag of its own (the drivers' app's tests). */
    driver2: account("DRIVER2"),
    driver2Tag: process.env.CHARGEGATE_E2E_DRIVER2_TAG ?? "E2E-DRIVER2",
    /** An id tag owned by the driver account, and one owned by nobody. */
    driverTag: process.env.CHARGEGATE_E2E_DRIVER_TAG ?? "E2E-DRIVER",
    staffTag: process.env.CHARGEGATE_E2E_STAFF_TAG ?? "E2E-STAFF",
    screenshots: process.env.CHARGEGATE_E2E_SCREENSHOTS || null,
  };
})();

/** The console's own strings (web/src/i18n/<area>.<lang>.json), so locators follow the app. */
const dictionaries = {};
export function tr(lang, key, vars = {}) {
  if (!dictionaries[lang]) {
    const dir = join(here, "..", "src", "i18n");
    dictionaries[lang] = Object.assign(
      {},
      ...readdirSync(dir)
        .filter((f) => f.endsWith(`.${lang}.json`))
        .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8"))),
    );
  }
  const s = dictionaries[lang][key];
  if (s === undefined) throw new Error(`no string ${key} in ${lang}`);
  return Object.entries(vars).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, String(v)), s);
}
export const en = (key, vars) => tr("en", key, vars);

/** Polls `check` (every 100 ms) until it returns a truthy value; fails with `what` after 10 s. */
export async function waitFor(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = `last value: ${JSON.stringify(value)}`;
    } catch (e) {
      last = `last error: ${e?.message ?? e}`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `locator` is visible (its text, trimmed, is returned). */
export async function visible(locator, what) {
  return waitFor(async () => (await locator.first().isVisible()) && ((await locator.first().textContent()) ?? "").trim() + " ", `${what} to be visible`);
}

/** The text of `locator` once `predicate(text)` holds. */
export async function textWhen(locator, predicate, what) {
  return waitFor(async () => {
    const text = ((await locator.first().textContent({ timeout: 500 })) ?? "").replace(/\s+/g, " ").trim();
    return predicate(text) ? text : false;
  }, what);
}

/** The first number in a text ("Online 1" → 1); NaN when there is none. */
export function firstNumber(text) {
  const m = /-?\d+/.exec(text ?? "");
  return m ? Number(m[0]) : Number.NaN;
}

/** Debian's Chromium, headless (Playwright gives it a fresh, temporary profile). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHARGEGATE_E2E_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // The browser's own language (date inputs); each context sets the page's locale.
      "--lang=en-GB",
    ],
  });
}

/**
 * A page of the console in a context of its own (own storage), signed in as `username`
 * through the login form, with the guard on: every request to another origin, every CSP
 * violation and every uncaught page error is recorded, and `done()` fails the test if any
 * happened.
 */
export async function openConsole(browser, { username, password, lang = "en", path = "/", viewport } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: lang === "id" ? "id-ID" : "en-GB",
  });
  const page = await context.newPage();
  const origin = new URL(env.url).origin;
  const host = new URL(env.url).host;
  const problems = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol === "data:" || u.protocol === "about:") return;
    const o = u.protocol === "blob:" ? new URL(u.pathname).origin : u.origin;
    if (o !== origin) problems.push(`request to another origin: ${r.url()}`);
  });
  page.on("websocket", (ws) => {
    if (new URL(ws.url()).host !== host) problems.push(`WebSocket to another origin: ${ws.url()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught error in the page: ${e.message}`));
  await context.exposeFunction("__chargegateCsp", (v) => problems.push(`CSP violation: ${v}`));
  await context.addInitScript((l) => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__chargegateCsp?.(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
    // The language to start in; a choice made in the page later is kept.
    if (!localStorage.getItem("chargegate.lang")) localStorage.setItem("chargegate.lang", l);
  }, lang);
  await page.goto(`${env.url}${path}`);
  if (username) {
    await page.getByLabel(tr(lang, "login.username")).fill(username);
    await page.getByLabel(tr(lang, "login.password")).fill(password);
    await page.getByRole("button", { name: tr(lang, "login.submit"), exact: true }).click();
    await waitFor(() => page.getByRole("navigation", { name: tr(lang, "nav.label") }).isVisible(), `${username} to be signed in`);
  }
  return {
    page,
    problems,
    /** Opens `to` with a full load, like following a shared link. */
    async go(to) {
      await page.goto(`${env.url}${to}`);
    },
    /** Fails if the guard saw anything; closes the context. */
    async done() {
      // Let in-flight requests and late violations surface.
      await page.waitForLoadState("networkidle", { timeout: 2000 }).catch(() => {});
      await context.close();
      if (problems.length) throw new Error(`the other-origin guard caught:\n  ${problems.join("\n  ")}`);
    },
    close: () => context.close().catch(() => {}),
  };
}

/**
 * Runs `body` with a signed-in console page (see `openConsole`); the guard is checked after a
 * body that passed, and its findings are added to the error of a body that failed.
 */
export async function withConsole(browser, options, body) {
  const c = await openConsole(browser, options);
  try {
    await body(c);
  } catch (e) {
    // What the page showed when it failed: its address, its text and (if kept) a screenshot.
    const seen = await c.page
      .evaluate(() => `${location.pathname}${location.search}: ${document.body.innerText.replace(/\s+/g, " ").slice(0, 800)}`)
      .catch((err) => `(page unreadable: ${err.message})`);
    e.message += `\n(the page showed ${seen})`;
    if (env.screenshots) {
      mkdirSync(env.screenshots, { recursive: true });
      const file = join(env.screenshots, `failed-${Date.now()}.png`);
      if (await c.page.screenshot({ path: file }).then(() => true, () => false)) e.message += `\n(screenshot: ${file})`;
    }
    await c.close();
    if (c.problems.length) e.message += `\n(the other-origin guard also caught:\n  ${c.problems.join("\n  ")})`;
    throw e;
  }
  await c.done();
}

/**
 * Checks that the page shows no error notice (role="alert"), then saves a PNG of it as `name`
 * when CHARGEGATE_E2E_SCREENSHOTS is set: a screenshot is of a page that works.
 */
export async function screenshot(page, name) {
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  const alerts = await page.getByRole("alert").allTextContents();
  if (alerts.length) throw new Error(`the ${name} page shows an error: ${alerts.join(" | ")}`);
  if (!env.screenshots) return;
  mkdirSync(env.screenshots, { recursive: true });
  // Fonts and charts settle; animations are off in headless screenshots anyway.
  await page.evaluate(() => document.fonts?.ready);
  await page.screenshot({ path: join(env.screenshots, `${name}.png`), fullPage: false, animations: "disabled" });
}

/** Answers a fake charge point gives to the server's CALLs unless a test sets others. */
export const DEFAULT_ANSWERS = {
  Reset: { status: "Accepted" },
  RemoteStartTransaction: { status: "Accepted" },
  RemoteStopTransaction: { status: "Accepted" },
  ChangeAvailability: { status: "Accepted" },
  ChangeConfiguration: { status: "Accepted" },
  ClearCache: { status: "Accepted" },
  UnlockConnector: { status: "Unlocked" },
  TriggerMessage: { status: "Accepted" },
  GetConfiguration: {
    configurationKey: [
      { key: "HeartbeatInterval", readonly: false, value: "300" },
      { key: "MeterValueSampleInterval", readonly: false, value: "60" },
      { key: "NumberOfConnectors", readonly: true, value: "1" },
    ],
    unknownKey: [],
  },
  GetLocalListVersion: { listVersion: 0 },
  DataTransfer: { status: "Accepted" },
};

/**
 * A fake OCPP 1.6J charge point over a real WebSocket (subprotocol `ocpp1.6`). Its answers to
 * the server's CALLs come from `answers` (an object, or a function of the request); every CALL
 * it got is in `received`.
 */
export class ChargePoint {
  /** `protocol`: `ocpp1.6` (the methods below speak it) or `ocpp2.0.1` (use `call`). */
  static async connect(id, { connectors = 1, protocol = "ocpp1.6" } = {}) {
    const cp = new ChargePoint(id, connectors);
    cp.protocol = protocol;
    await cp.open();
    return cp;
  }

  constructor(id, connectors) {
    this.id = id;
    this.connectors = connectors;
    this.answers = { ...DEFAULT_ANSWERS };
    this.received = [];
    this.pending = new Map();
    this.nextId = 1;
  }

  open() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${env.ocppUrl}/${encodeURIComponent(this.id)}`, this.protocol ?? "ocpp1.6");
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.on("message", (data) => this.onMessage(JSON.parse(String(data))));
      ws.on("close", () => {
        for (const { reject: r } of this.pending.values()) r(new Error(`${this.id}: connection closed`));
        this.pending.clear();
      });
      this.ws = ws;
    });
  }

  onMessage(msg) {
    const [type, id] = msg;
    if (type === 2) {
      const [, , action, payload] = msg;
      this.received.push({ action, payload });
      const answer = this.answers[action];
      if (answer === undefined) {
        this.ws.send(JSON.stringify([4, id, "NotImplemented", `${action} is not implemented`, {}]));
        return;
      }
      const value = typeof answer === "function" ? answer(payload) : answer;
      this.ws.send(JSON.stringify([3, id, value]));
    } else if (type === 3 || type === 4) {
      const waiter = this.pending.get(id);
      if (!waiter) return;
      this.pending.delete(id);
      if (type === 3) waiter.resolve(msg[2]);
      else waiter.reject(new Error(`${this.id}: CALLERROR ${msg[2]} ${msg[3]}`));
    }
  }

  /** Sends a CALL and resolves with the server's answer. */
  call(action, payload) {
    const id = `${this.id}-${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.id}: no answer to ${action} in 10 s`));
      }, 10_000);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.ws.send(JSON.stringify([2, id, action, payload]));
    });
  }

  /** The last CALL of `action` the server sent, once it came. */
  async receivedCall(action) {
    return waitFor(() => this.received.findLast((c) => c.action === action), `${this.id} to receive ${action}`);
  }

  async boot() {
    const answer = await this.call("BootNotification", {
      chargePointVendor: "E2E",
      chargePointModel: "Fake AC 22",
      chargePointSerialNumber: `SN-${this.id}`,
      firmwareVersion: "1.0.0",
    });
    if (answer.status !== "Accepted") throw new Error(`${this.id}: BootNotification ${answer.status}`);
    for (let c = 0; c <= this.connectors; c++) await this.status(c, "Available");
    return answer;
  }

  status(connectorId, status, errorCode = "NoError") {
    return this.call("StatusNotification", { connectorId, errorCode, status, timestamp: new Date().toISOString() });
  }

  async authorize(idTag) {
    return (await this.call("Authorize", { idTag })).idTagInfo;
  }

  /** Starts a transaction (Preparing, StartTransaction, Charging); resolves with its id. */
  async start(connectorId, idTag, meterStart = 0, at = new Date()) {
    await this.status(connectorId, "Preparing");
    const answer = await this.call("StartTransaction", {
      connectorId,
      idTag,
      meterStart,
      timestamp: at.toISOString(),
    });
    await this.status(connectorId, "Charging");
    return answer.transactionId;
  }

  /** A MeterValues with the energy register (Wh) and the power (W), sampled `at`. */
  meter(connectorId, transactionId, energyWh, powerW, at = new Date()) {
    return this.call("MeterValues", {
      connectorId,
      transactionId,
      meterValue: [
        {
          timestamp: at.toISOString(),
          sampledValue: [
            { value: String(energyWh), measurand: "Energy.Active.Import.Register", unit: "Wh", context: "Sample.Periodic" },
            { value: String(powerW), measurand: "Power.Active.Import", unit: "W", context: "Sample.Periodic" },
          ],
        },
      ],
    });
  }

  /** Stops a transaction and makes the connector Available again. */
  async stop(connectorId, transactionId, meterStop, reason = "Local") {
    await this.status(connectorId, "Finishing");
    await this.call("StopTransaction", { transactionId, meterStop, timestamp: new Date().toISOString(), reason });
    await this.status(connectorId, "Available");
  }

  close() {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once("close", () => resolve());
      this.ws.close(1000);
    });
  }
}

/** Runs a GraphQL request against the server (test set-up and checks, never the UI's job). */
export async function gql(query, variables = {}, token) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${env.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A token of `account` through the `login` mutation. */
export async function tokenOf(account) {
  const data = await gql(
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
    { u: account.username, p: account.password },
  );
  return data.login.token;
}

/** The drivers' app's own strings (web/src/app/i18n/app.<lang>.json). */
const appDictionaries = {};
export function appTr(lang, key, vars = {}) {
  appDictionaries[lang] ??= JSON.parse(readFileSync(join(here, "..", "src", "app", "i18n", `app.${lang}.json`), "utf8"));
  const s = appDictionaries[lang][key];
  if (s === undefined) throw new Error(`no string ${key} in the app's ${lang}`);
  return Object.entries(vars).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, String(v)), s);
}
export const appEn = (key, vars) => appTr("en", key, vars);

/** A phone's screen (a common small Android phone). */
export const PHONE = { width: 360, height: 740 };

/**
 * The drivers' app (`/app…`) on a phone-sized page with the guard of `openConsole`, signed in
 * as `username` through the app's own form when one is given. `context` is the page's browser
 * context (offline switch, permissions).
 */
export async function openApp(browser, { username, password, lang = "en", path = "/app/", viewport = PHONE } = {}) {
  const c = await openConsole(browser, { lang, path, viewport });
  if (username) {
    const { page } = c;
    await page.getByLabel(appTr(lang, "login.username")).fill(username);
    await page.getByLabel(appTr(lang, "login.password"), { exact: true }).fill(password);
    await page.getByRole("button", { name: appTr(lang, "login.submit"), exact: true }).click();
    await waitFor(() => page.getByRole("navigation", { name: appTr(lang, "nav.label") }).isVisible(), `${username} to be signed in to the app`);
  }
  return { ...c, context: c.page.context() };
}

/** Runs `body` with an app page (see `openApp`), as `withConsole` does for the console. */
export async function withApp(browser, options, body) {
  const c = await openApp(browser, options);
  try {
    await body(c);
  } catch (e) {
    const seen = await c.page
      .evaluate(() => `${location.pathname}${location.search}: ${document.body.innerText.replace(/\s+/g, " ").slice(0, 800)}`)
      .catch((err) => `(page unreadable: ${err.message})`);
    e.message += `\n(the page showed ${seen})`;
    if (env.screenshots) {
      mkdirSync(env.screenshots, { recursive: true });
      const file = join(env.screenshots, `failed-app-${Date.now()}.png`);
      if (await c.page.screenshot({ path: file }).then(() => true, () => false)) e.message += `\n(screenshot: ${file})`;
    }
    await c.close();
    if (c.problems.length) e.message += `\n(the other-origin guard also caught:\n  ${c.problems.join("\n  ")})`;
    throw e;
  }
  await c.done();
}

/** A GraphQL request's first error code (`extensions.code`), or null when it succeeded. */
export async function gqlErrorCode(query, variables = {}, token) {
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${env.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  return body.errors?.length ? String(body.errors[0].extensions?.code ?? "ERROR") : null;
}
