// The console's figures in a real browser (scenario (f) of bench/run.py; see BENCHMARKS.md):
// Debian's Chromium, headless, driven by playwright-core from web/node_modules, against a
// running chargegate that serves the console at `/` with a fleet connected.
//
//   node bench/console.mjs --url http://127.0.0.1:PORT --user U --password P
//        [--runs 10] [--hold 120] [--station ID]
//
// Each of `--runs` rounds opens a fresh browser context (empty cache and storage) and measures,
// in the page's own clock (performance.now(), read when a MutationObserver sees the DOM change):
//   login_ready      navigation start → the sign-in form's username field is in the page (the
//                    form is rendered by the script, so it is interactive when it is there)
//   sign_in          submit → the overview's tiles show numbers (count-online has a value)
//   overview_reload  a second fresh context, signed in (the session in localStorage), cold
//                    cache: navigation start → the overview's numbers
//   stations_open    click on "Stations" in the navigation → the table has rows
//   page_turn        click on "Next" → the table's first row is another station
//   search           Enter in the search field (the text typed before) → the table shows only
//                    the matching stations
//   search_typed     a search only typed → the same (the page's debounce included)
// and every POST /graphql the page makes, by operation name (from the request's body), with
// Chromium's timing of it: `wait` (request sent → first byte of the answer: the server's answer
// time on loopback) and `total` (start → last byte). Then the queries the views made are
// replayed from Node (`fetch`, same body and token) `--replay` times each, one at a time: the
// server's answer without the browser. Last, the tab's memory: one signed-in page is held
// `--hold` seconds on the overview, then `--hold` seconds on a charging station's page (live
// meter values and status), sampling every 10 s the renderer process's resident memory (RSS
// and PSS from /proc, the renderer found with CDP SystemInfo.getProcessInfo) and the JS heap
// (CDP Performance.getMetrics). Prints one JSON report on standard output; progress on stderr.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(new URL("../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const URL_ = (args.url ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const USER = args.user ?? "bench";
const PASSWORD = args.password ?? process.env.CHARGEGATE_PASSWORD;
const RUNS = Number(args.runs ?? 10);
const HOLD = Number(args.hold ?? 120);
const REPLAY = Number(args.replay ?? 20);
const TIMEOUT = Number(args.timeout ?? 30000);

const log = (...a) => console.error("  console:", ...a);

// Installed before any of the page's scripts: `__until(pred)` resolves with performance.now()
// at the first DOM change (or now) after which `pred()` holds; `__marks` records when the
// sign-in form and the overview's numbers first appeared since navigation start.
const INIT = () => {
  window.__marks = {};
  const overviewReady = () => {
    const el = document.querySelector('[data-testid="count-online"]');
    return !!el && (el.dataset.value !== undefined || /\d/.test(el.textContent ?? ""));
  };
  const watch = () => {
    if (window.__marks.login === undefined && document.querySelector('input[name="username"]'))
      window.__marks.login = performance.now();
    if (window.__marks.overview === undefined && overviewReady()) window.__marks.overview = performance.now();
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__overviewReady = overviewReady;
  // What the rounds do and wait for, by name (defined here: the console's Content-Security-Policy
  // would refuse code compiled in the page).
  const table = () => document.querySelector('[data-testid="stations-table"]');
  const rows = () => [...(table()?.querySelectorAll("tbody tr") ?? [])];
  const first = () => rows()[0]?.firstElementChild?.textContent?.trim();
  const searchInput = () =>
    document.querySelector('[data-testid="stations-search"]') ??
    document.querySelector('main input[type="search"]') ??
    document.querySelector('main input[name="search"]');
  window.__bench = {
    submit: () => document.querySelector('form button[type="submit"]').click(),
    overviewReady,
    loginMark: () => window.__marks.login !== undefined,
    overviewMark: () => window.__marks.overview !== undefined,
    openStations: () => document.querySelector('nav a[href="/stations"]').click(),
    hasRows: () => rows().length > 0,
    first,
    nextPage: () => [...document.querySelectorAll("main nav.pager button")].pop().click(),
    firstIsNot: (before) => !!first() && first() !== before,
    type: (term) => {
      const input = searchInput();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, term);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    enter: () => searchInput().form.requestSubmit(),
    allMatch: (term) => rows().length > 0 && rows().every((r) => r.textContent.toLowerCase().includes(term)),
    heading: () => !!document.querySelector("main h1"),
    always: () => true,
  };
  window.__until = (pred, timeout = 30000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        try {
          return pred();
        } catch {
          return false;
        }
      };
      if (check()) return resolve(performance.now());
      const obs = new MutationObserver(() => {
        if (check()) {
          const at = performance.now();
          obs.disconnect();
          clearTimeout(timer);
          resolve(at);
        }
      });
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(() => {
        obs.disconnect();
        reject(new Error("timeout"));
      }, timeout);
    });
};

/** The GraphQL operation a request carries: its name, its kind and its body. */
function operation(request) {
  if (request.method() !== "POST" || !new URL(request.url()).pathname.endsWith("/graphql")) return null;
  try {
    const body = JSON.parse(request.postData() ?? "");
    const m = /\b(query|mutation)\s+(\w+)/.exec(body.query ?? "");
    return { name: body.operationName ?? m?.[2] ?? "anonymous", kind: m?.[1] ?? "query", body };
  } catch {
    return null;
  }
}

const requests = []; // { name, kind, at, wait, total, view }
const bodies = new Map(); // operation name → a body the page sent (for the replay)
let currentView = "other";

function track(page) {
  page.on("requestfinished", (request) => {
    const op = operation(request);
    if (!op) return;
    const t = request.timing();
    const wait = t.responseStart >= 0 && t.requestStart >= 0 ? t.responseStart - t.requestStart : null;
    requests.push({ name: op.name, kind: op.kind, view: currentView, at: t.startTime, wait, total: t.responseEnd >= 0 ? t.responseEnd : null });
    if (op.kind === "query" && !bodies.has(op.name)) bodies.set(op.name, op.body);
  });
  // Subscriptions over graphql-transport-ws: from the `subscribe` message to its first `next`
  // (the server's first count or event), timed here (Node's clock, through CDP).
  page.on("websocket", (ws) => {
    const pending = new Map();
    ws.on("framesent", ({ payload }) => {
      try {
        const m = JSON.parse(String(payload));
        if (m.type !== "subscribe") return;
        const name = m.payload?.operationName ?? /\bsubscription\s+(\w+)/.exec(m.payload?.query ?? "")?.[1] ?? "anonymous";
        pending.set(m.id, { name, at: Date.now(), view: currentView });
      } catch {}
    });
    ws.on("framereceived", ({ payload }) => {
      try {
        const m = JSON.parse(String(payload));
        const p = pending.get(m.id);
        if (!p || (m.type !== "next" && m.type !== "error")) return;
        pending.delete(m.id);
        const ms = Date.now() - p.at;
        requests.push({ name: `${p.name} (subscription, first event)`, kind: "subscription", view: p.view, at: p.at, wait: ms, total: ms });
      } catch {}
    });
  });
  page.on("pageerror", (e) => log("page error:", e.message));
}

// Replayed besides what the pages ask: the fleet summary with every field (the overview may
// take its counts from the subscription only, which is not replayed).
const FLEET_SUMMARY = {
  query:
    "query BenchFleetSummary { fleetSummary { stations online offline pending rejected activeTransactions energyWh since at connectors { status count } } }",
  variables: {},
};

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHARGEGATE_BENCH_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

async function newPage(browser, storageState) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-GB", storageState });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  track(page);
  return { context, page };
}

/** Runs `__bench[action](extra)` in the page and waits there until `__bench[pred](extra)`
 * holds: the milliseconds in between. */
async function timed(page, action, pred, extra) {
  return page.evaluate(
    async ({ action, pred, extra, timeout }) => {
      const b = window.__bench;
      const t0 = performance.now();
      b[action](extra);
      const at = await window.__until(() => b[pred](extra), timeout);
      return at - t0;
    },
    { action, pred, extra, timeout: TIMEOUT },
  );
}

/** Waits in the page until `__bench[pred]()` holds. */
async function until(page, pred) {
  return page.evaluate(({ pred, timeout }) => window.__until(() => window.__bench[pred](), timeout), { pred, timeout: TIMEOUT });
}

async function round(browser, i, out) {
  const note = (view, key, value) => {
    (out[key] ??= []).push(value);
    log(`run ${i + 1}: ${view} ${value === null ? "–" : `${value.toFixed(1)} ms`}`);
  };
  const attempt = async (view, key, f) => {
    try {
      note(view, key, await f());
      return true;
    } catch (e) {
      note(`${view} (${e.message.split("\n")[0]})`, key, null);
      return false;
    }
  };
  // Cold load of `/` and the sign-in form.
  const { context, page } = await newPage(browser);
  currentView = "login";
  const served = await attempt("sign-in form", "login_ready", async () => {
    await page.goto(`${URL_}/`, { waitUntil: "commit" });
    await until(page, "loginMark");
    return page.evaluate(() => window.__marks.login);
  });
  if (!served) return { context, storage: null };
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return { document_ms: n.responseEnd, dom_content_loaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd };
  });
  (out.navigation ??= []).push(nav);

  // Sign in → the overview's numbers.
  await page.fill('input[name="username"]', USER);
  await page.fill('input[name="password"]', PASSWORD);
  currentView = "sign_in";
  const signedIn = await attempt("sign in → overview", "sign_in", () => timed(page, "submit", "overviewReady"));
  const storage = await context.storageState();
  if (!signedIn && !(await page.evaluate(() => !!localStorage.getItem("chargegate.session")))) return { context, storage: null };

  // A returning operator: signed in, cold cache.
  const again = await newPage(browser, storage);
  currentView = "overview";
  await again.page.goto(`${URL_}/`, { waitUntil: "commit" });
  await attempt("overview, signed in, cold cache", "overview_reload", async () => {
    await until(again.page, "overviewMark");
    return again.page.evaluate(() => window.__marks.overview);
  });
  await again.context.close();

  // The stations page, a page turn, a search.
  currentView = "stations";
  if (await attempt("stations: first page", "stations_open", () => timed(page, "openStations", "hasRows"))) {
    currentView = "page_turn";
    const before = await page.evaluate(() => window.__bench.first());
    await attempt("stations: page turn", "page_turn", () => timed(page, "nextPage", "firstIsNot", before));
    // A different fragment each round (10 stations match: sim-1N230 … sim-1N239), typed, then
    // Enter (the page searches at once; the time from Enter). Then another one only typed: the
    // page searches when the text has rested for its debounce (included in that time).
    const term = `sim-1${i % 10}23`;
    currentView = "search";
    await page.evaluate((term) => window.__bench.type(term), term);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await attempt(`stations: search "${term}" + Enter`, "search", () => timed(page, "enter", "allMatch", term));
    const typed = `sim-0${i % 10}45`;
    currentView = "search_typed";
    await attempt(`stations: search "${typed}" typed`, "search_typed", () => timed(page, "type", "allMatch", typed));
  }
  currentView = "other";
  return { context, storage };
}

function stats(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0, failed: values.length };
  const q = (p) => v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)];
  const r = (x) => Math.round(x * 10) / 10;
  return { n: v.length, failed: values.length - v.length, median: r(q(0.5)), p90: r(q(0.9)), max: r(v[v.length - 1]), min: r(v[0]) };
}

async function replay(token) {
  const out = {};
  if (!bodies.has("BenchFleetSummary")) bodies.set("BenchFleetSummary", FLEET_SUMMARY);
  for (const [name, body] of bodies) {
    const times = [];
    let errors = 0;
    for (let k = 0; k < REPLAY; k++) {
      const t0 = performance.now();
      const res = await fetch(`${URL_}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      times.push(performance.now() - t0);
      if (json.errors?.length) errors++;
    }
    out[name] = { ...stats(times), errors };
    log(`replay ${name}: median ${out[name].median} ms, p90 ${out[name].p90} ms, max ${out[name].max} ms, errors ${errors}`);
  }
  return out;
}

function procMemory(pid) {
  const kib = (text, key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  let pss = NaN;
  let priv = NaN;
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    pss = kib(rollup, "Pss");
    priv = kib(rollup, "Private_Clean") + kib(rollup, "Private_Dirty");
  } catch {}
  return { rss_mib: kib(status, "VmRSS") / 1024, pss_mib: pss / 1024, private_mib: priv / 1024 };
}

/** The renderer processes now (pid, RSS, PSS, private), largest first; `only`: of these pids. */
async function renderers(cdp, only) {
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  return processInfo
    .filter((p) => p.type === "renderer" && (!only || only.has(p.id)))
    .map((p) => {
      try {
        return { pid: p.id, ...procMemory(p.id) };
      } catch {
        return { pid: p.id, rss_mib: NaN, pss_mib: NaN, private_mib: NaN };
      }
    })
    .sort((a, b) => b.rss_mib - a.rss_mib);
}

async function hold(browser, storage, path, label, seconds, ready) {
  // The page's renderer: the largest of those that were not there before the page's context
  // was opened (Chromium starts about three per context; the page's site has one of them).
  const bcdp = await browser.newBrowserCDPSession();
  const earlier = new Set((await renderers(bcdp)).map((p) => p.pid));
  const { context, page } = await newPage(browser, storage);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  let frames = 0;
  page.on("websocket", (ws) => ws.on("framereceived", () => frames++));
  currentView = label;
  await page.goto(`${URL_}${path}`);
  const fresh = new Set((await renderers(bcdp)).map((p) => p.pid).filter((pid) => !earlier.has(pid)));
  const mine = fresh.size ? fresh : null;
  try {
    await until(page, ready);
  } catch {
    log(`${label}: the page did not become ready`);
  }
  const samples = [];
  const t0 = Date.now();
  const sample = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const procs = await renderers(bcdp, mine);
    const s = {
      t_s: Math.round((Date.now() - t0) / 1000),
      renderer_rss_mib: procs[0]?.rss_mib ?? null,
      renderer_pss_mib: procs[0]?.pss_mib ?? null,
      renderer_private_mib: procs[0]?.private_mib ?? null,
      renderer_pid: procs[0]?.pid ?? null,
      renderers: procs.length,
      // Every renderer of the page's context (Chromium starts about three per context): their
      // private memory together, the most the tab can be said to hold.
      context_private_mib: procs.reduce((sum, p) => sum + (p.private_mib || 0), 0),
      js_heap_used_mib: m.JSHeapUsedSize / 2 ** 20,
      js_heap_total_mib: m.JSHeapTotalSize / 2 ** 20,
      dom_nodes: m.Nodes,
      ws_frames_received: frames,
    };
    return s;
  };
  for (;;) {
    samples.push(await sample());
    if (Date.now() - t0 >= seconds * 1000) break;
    await new Promise((r) => setTimeout(r, Math.min(10000, seconds * 1000 - (Date.now() - t0))));
  }
  const last = samples[samples.length - 1];
  // What of it was garbage: a full collection (V8's, which also frees what its dead objects
  // held outside its heap, e.g. Intl formatters' ICU objects), then the same sample.
  await cdp.send("HeapProfiler.collectGarbage");
  await new Promise((r) => setTimeout(r, 2000));
  const gc = await sample();
  const fix = (x) => (x === null || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
  log(
    `${label} after ${last.t_s} s: renderer RSS ${fix(last.renderer_rss_mib)} MiB (PSS ${fix(last.renderer_pss_mib)}, ` +
      `private ${fix(last.renderer_private_mib)}), ` +
      `JS heap ${fix(last.js_heap_used_mib)} MiB, ${last.dom_nodes} DOM nodes, ${frames} WebSocket frames received; ` +
      `after a forced GC: RSS ${fix(gc.renderer_rss_mib)} MiB, private ${fix(gc.renderer_private_mib)} MiB`,
  );
  await context.close();
  return {
    path,
    seconds,
    final: Object.fromEntries(Object.entries(last).map(([k, v]) => [k, typeof v === "number" ? fix(v) : v])),
    max_renderer_rss_mib: fix(Math.max(...samples.map((s) => s.renderer_rss_mib ?? 0))),
    max_renderer_private_mib: fix(Math.max(...samples.map((s) => s.renderer_private_mib ?? 0))),
    after_gc: Object.fromEntries(Object.entries(gc).map(([k, v]) => [k, typeof v === "number" ? fix(v) : v])),
    max_js_heap_used_mib: fix(Math.max(...samples.map((s) => s.js_heap_used_mib))),
    samples,
  };
}

async function main() {
  const browser = await launch();
  const report = { url: URL_, runs: RUNS, chromium: browser.version(), views: {}, graphql: {}, replay: {}, memory: {} };
  const raw = {};
  let storage = null;
  try {
    // Chromium's own first start (its first renderer, its caches) is not the console's: one
    // page of the server that is not the console first (each context has its own cache).
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(`${URL_}/health`).catch(() => {});
    await warm.close();
    for (let i = 0; i < RUNS; i++) {
      const r = await round(browser, i, raw);
      storage = r.storage ?? storage;
      await r.context.close();
    }
    for (const [k, v] of Object.entries(raw)) if (k !== "navigation") report.views[k] = { ...stats(v), values: v };
    report.navigation = raw.navigation;

    const byOp = {};
    for (const r of requests) (byOp[`${r.view}: ${r.name}`] ??= []).push(r);
    for (const [key, rs] of Object.entries(byOp))
      report.graphql[key] = { wait: stats(rs.map((r) => r.wait)), total: stats(rs.map((r) => r.total)) };

    const token = storage && JSON.parse(storage.origins?.[0]?.localStorage?.find((x) => x.name === "chargegate.session")?.value ?? "null")?.token;
    if (token) {
      report.replay = await replay(token);
      let station = args.station;
      if (!station) {
        const res = await fetch(`${URL_}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: "{ stations(connectorStatus: CHARGING, first: 1) { nodes { id } } }" }),
        }).then((r) => r.json());
        station = res.data?.stations?.nodes?.[0]?.id ?? "sim-00000";
      }
      // An empty tab of the same origin (a JSON page, no script): what Chromium's renderer
      // holds before the console adds anything (its own code and heaps).
      report.memory.empty = await hold(browser, storage, "/health", "empty tab", 0, "always");
      report.memory.overview = await hold(browser, storage, "/", "overview", HOLD, "overviewMark");
      report.memory.station = await hold(browser, storage, `/stations/${encodeURIComponent(station)}`, `station ${station}`, HOLD, "heading");
    } else {
      report.error = "not signed in: no token for the replay and the memory holds";
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
