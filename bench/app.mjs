// The drivers' app's figures in a real browser (scenario (g) of bench/run.py; see BENCHMARKS.md):
// Debian's Chromium, headless, driven by playwright-core from web/node_modules, at a phone's
// size (360 × 740), against a running chargegate that serves the app at `/app`.
//
//   node bench/app.mjs --url http://127.0.0.1:PORT --user U --password P --station ID
//        [--runs 10] [--profiles fast3g,devtools-fast3g,none]
//
// Network profiles, applied to the page with CDP Network.emulateNetworkConditions (per request:
// each request waits the latency, and bytes flow at the given rates); the CPU is not throttled:
//   fast3g           Lighthouse's mobile profile (called "Fast 3G" in its older releases, "Slow
//                    4G" today): 150 ms round trip, 1.6 Mbit/s down (1,638.4 kbit/s), 750 kbit/s up
//   devtools-fast3g  Chrome DevTools' "Fast 3G" preset: the same link with DevTools' request-level
//                    adjustments: 562.5 ms latency (150 × 3.75), 1.44 Mbit/s down, 675 kbit/s up
//   none             loopback, not throttled (what the machine itself takes)
//
// Each of `--runs` rounds, per profile, measures in the page's own clock (performance.now() from
// the navigation's start, read when a MutationObserver sees the DOM change):
//   login_ready  a fresh context (empty cache, no service worker, signed out), load of /app/ →
//                the sign-in form's username field is in the page (rendered by the script, so
//                the form works when it is there)
//   sign_in      submit → the start screen's station list shown (sign-in, `me`, the lists)
//   home_ready   a fresh context, signed in (the session in localStorage), cold cache: load of
//                /app/ → the station list shown: the driver can pick where to charge
//   qr_ready     a fresh context, signed in, cold cache: load of a charger's QR link
//                /app/charge/{station}/1 → a tag chosen and "Start charging" enabled
//   home_repeat  the home_ready context again once its service worker is active: a reload of
//                /app/ → the station list (the shell from the service worker, the data from
//                the server)
// and, for home_ready, the bytes the page fetched (CDP's encodedDataLength: what crossed the
// network). Prints one JSON report on standard output; progress on stderr.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const require = createRequire(new URL("../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const URL_ = (args.url ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const USER = args.user ?? "driver";
const PASSWORD = args.password ?? process.env.CHARGEGATE_PASSWORD;
const STATION = args.station ?? "sim-00000";
const RUNS = Number(args.runs ?? 10);
const TIMEOUT = Number(args.timeout ?? 30000);
const PHONE = { width: 360, height: 740 };

const PROFILES = {
  fast3g: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  "devtools-fast3g": { latency: 562.5, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 },
  none: null,
};
const profiles = (args.profiles ?? "fast3g,devtools-fast3g,none").split(",").filter((p) => p in PROFILES);

const log = (...a) => console.error("  app:", ...a);

// Installed before the page's scripts: `__until(pred)` resolves with performance.now() at the
// first DOM change after which the named predicate holds; `__marks` records the first time each
// of them held since the navigation's start.
const INIT = () => {
  const preds = {
    login: () => !!document.querySelector('input[name="username"]'),
    stations: () => !!document.querySelector('[data-testid="stations"] a'),
    startable: () => {
      const radio = document.querySelector('[data-testid="tag-picker"] input[type="radio"]:checked');
      const button = [...document.querySelectorAll("form button[type=submit]")].find((b) => b.classList.contains("big"));
      return !!radio && !!button && !button.disabled;
    },
  };
  window.__marks = {};
  const watch = () => {
    for (const [name, pred] of Object.entries(preds)) if (window.__marks[name] === undefined && pred()) window.__marks[name] = performance.now();
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__bench = {
    submit: () => document.querySelector('form button[type="submit"]').click(),
    has: (name) => window.__marks[name] !== undefined || preds[name](),
  };
  window.__until = (name, timeout = 30000) =>
    new Promise((resolve, reject) => {
      if (preds[name]()) return resolve(performance.now());
      const obs = new MutationObserver(() => {
        if (preds[name]()) {
          const at = performance.now();
          obs.disconnect();
          clearTimeout(timer);
          resolve(at);
        }
      });
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(() => {
        obs.disconnect();
        reject(new Error(`timeout waiting for ${name}`));
      }, timeout);
    });
};

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHARGEGATE_BENCH_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A fresh context (empty cache and storage, or `storageState`), throttled by `profile`. */
async function newPage(browser, profile, storageState) {
  const context = await browser.newContext({ viewport: PHONE, locale: "en-GB", storageState, serviceWorkers: "allow" });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (PROFILES[profile]) await cdp.send("Network.emulateNetworkConditions", { offline: false, connectionType: "cellular3g", ...PROFILES[profile] });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  return { context, page, bytes: () => bytes };
}

/** Waits in the page for the mark `name` (set since the navigation's start). */
async function mark(page, name) {
  await page.evaluate(({ name, timeout }) => window.__until(name, timeout), { name, timeout: TIMEOUT });
  return page.evaluate((name) => window.__marks[name], name);
}

async function session() {
  const post = (query, variables, token) =>
    fetch(`${URL_}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
  const login = await post("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role expiresAt } }", { u: USER, p: PASSWORD });
  if (login.errors) throw new Error(`login: ${JSON.stringify(login.errors)}`);
  const { token, role, expiresAt } = login.data.login;
  const me = await post("{ me { sub role stations } }", {}, token);
  const value = JSON.stringify({ token, role, sub: me.data.me.sub, stations: me.data.me.stations, expiresAt });
  return {
    cookies: [],
    origins: [{ origin: URL_, localStorage: [{ name: "chargegate.session", value }, { name: "chargegate.lang", value: "en" }] }],
  };
}

async function round(browser, profile, signedIn, out) {
  const note = (key, value) => {
    (out[key] ??= []).push(value);
    log(`${profile}: ${key} ${value === null ? "–" : `${value.toFixed(1)} ms`}`);
  };
  const attempt = async (key, f) => {
    try {
      note(key, await f());
    } catch (e) {
      log(`${profile}: ${key} failed: ${e.message.split("\n")[0]}`);
      note(key, null);
    }
  };
  // Signed out: the sign-in form, then signing in.
  {
    const { context, page } = await newPage(browser, profile);
    await attempt("login_ready", async () => {
      await page.goto(`${URL_}/app/`, { waitUntil: "commit" });
      return mark(page, "login");
    });
    await attempt("sign_in", async () => {
      await page.fill('input[name="username"]', USER);
      await page.fill('input[name="password"]', PASSWORD);
      return page.evaluate(async (timeout) => {
        const t0 = performance.now();
        window.__bench.submit();
        return (await window.__until("stations", timeout)) - t0;
      }, TIMEOUT);
    });
    await context.close();
  }
  // Signed in, cold cache: the start screen, then again with the service worker.
  {
    const { context, page, bytes } = await newPage(browser, profile, signedIn);
    await attempt("home_ready", async () => {
      await page.goto(`${URL_}/app/`, { waitUntil: "commit" });
      const at = await mark(page, "stations");
      (out.home_bytes ??= []).push(bytes());
      return at;
    });
    await attempt("home_repeat", async () => {
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, { timeout: TIMEOUT });
      await page.reload({ waitUntil: "commit" });
      return mark(page, "stations");
    });
    await context.close();
  }
  // Signed in, cold cache: a charger's QR link.
  {
    const { context, page } = await newPage(browser, profile, signedIn);
    await attempt("qr_ready", async () => {
      await page.goto(`${URL_}/app/charge/${encodeURIComponent(STATION)}/1`, { waitUntil: "commit" });
      return mark(page, "startable");
    });
    await context.close();
  }
}

function stats(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0, failed: values.length };
  const q = (p) => v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)];
  const r = (x) => Math.round(x * 10) / 10;
  return { n: v.length, failed: values.length - v.length, median: r(q(0.5)), p90: r(q(0.9)), max: r(v[v.length - 1]), min: r(v[0]) };
}

/** The app's JavaScript as web/tests/size.test.mjs counts it (from the server, gzip level 9). */
async function appSize() {
  const html = await (await fetch(`${URL_}/app/`)).text();
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const queue = [...entry];
  const seen = new Set();
  let gzip = 0;
  let raw = 0;
  let first = 0;
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = Buffer.from(await (await fetch(`${URL_}/${file}`)).arrayBuffer());
    const size = gzipSync(code, { level: 9 }).length;
    gzip += size;
    raw += code.length;
    if (entry.includes(file)) first += size;
    for (const m of code.toString("utf8").matchAll(/["'`](?:\.\/|\/assets\/)([\w.-]+\.js)["'`]/g)) queue.push(`assets/${m[1]}`);
  }
  return { files: seen.size, gzip_bytes: gzip, raw_bytes: raw, entry_gzip_bytes: first };
}

async function main() {
  const browser = await launch();
  const report = { url: URL_, runs: RUNS, chromium: browser.version(), phone: PHONE, size: await appSize(), profiles: {} };
  log(`app JavaScript ${(report.size.gzip_bytes / 1024).toFixed(1)} KB gzipped in ${report.size.files} files`);
  try {
    const signedIn = await session();
    // Chromium's own first start is not the app's: one page of the server first.
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(`${URL_}/health`).catch(() => {});
    await warm.close();
    for (const profile of profiles) {
      const raw = {};
      for (let i = 0; i < RUNS; i++) await round(browser, profile, signedIn, raw);
      const views = {};
      for (const [k, v] of Object.entries(raw)) views[k] = { ...stats(v), values: v };
      report.profiles[profile] = { conditions: PROFILES[profile], views };
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
