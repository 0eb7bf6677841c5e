// The drivers' app as a phone app: its manifest and service worker are served and registered,
// the service worker keeps the app's shell (and no API answer), and with the network gone the
// app still opens and says plainly that the server cannot be reached, then recovers. Finding a
// station by search, its connectors live; the language switch, remembered, with numbers in
// the chosen language; changing one's password where the server has `changePassword`.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ChargePoint,
  appEn,
  appTr,
  env,
  launch,
  screenshot,
  textWhen,
  visible,
  waitFor,
  withApp,
} from "./harness.mjs";

const STATION = "CP-E2E-APP-2";

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(STATION, { connectors: 2 });
  await cp.boot();
  // A finished session of the second driver (for the history in Bahasa Indonesia).
  const tx = await cp.start(2, env.driver2Tag, 0, new Date(Date.now() - 50 * 60_000));
  await cp.stop(2, tx, 1500);
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

test("the manifest and service worker are served and registered; offline, the app says the server cannot be reached", async () => {
  await withApp(browser, { ...env.driver }, async ({ page, context }) => {
    await visible(page.getByRole("heading", { name: appEn("home.title"), exact: true }), "the start screen");
    // Installable: the manifest it links, its icons.
    const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
    assert.equal(manifestUrl, `${env.url}/app/manifest.webmanifest`);
    const manifest = await (await fetch(manifestUrl)).json();
    assert.equal(manifest.start_url, "/app/");
    assert.equal(manifest.scope, "/app/");
    assert.equal(manifest.display, "standalone");

    // The service worker: registered for /app/, active, in control of the page, and its cache
    // holds the shell and the page's own scripts, never an API answer.
    const registration = await waitFor(
      () => page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration("/app/");
        return r?.active && navigator.serviceWorker.controller ? { scope: r.scope, script: r.active.scriptURL } : null;
      }),
      "the service worker to be active and in control",
    );
    assert.equal(registration.scope, `${env.url}/app/`);
    assert.equal(registration.script, `${env.url}/app/sw.js`);
    const kept = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.startsWith("chargegate-app-"));
      const urls = [];
      for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return { names, urls };
    });
    assert.equal(kept.names.length, 1, JSON.stringify(kept.names));
    assert.ok(kept.urls.includes("/app/"), JSON.stringify(kept.urls));
    const scripts = await page.evaluate(() => [...document.querySelectorAll("script[src]")].map((s) => new URL(s.src).pathname));
    for (const s of scripts) assert.ok(kept.urls.includes(s), `${s} is not kept`);
    assert.ok(!kept.urls.some((u) => u.startsWith("/graphql") || u.startsWith("/health")), "an API answer is kept");

    // Find a station by its name; its connectors, live.
    await screenshot(page, "app-home");
    await page.getByRole("searchbox", { name: appEn("home.search") }).fill("APP-2");
    const card = page.getByTestId("stations").getByRole("link", { name: new RegExp(STATION) });
    await visible(card, "the station found");
    await card.click();
    await visible(page.getByRole("heading", { name: STATION, exact: true }), "the station's screen");
    await textWhen(page.getByTestId("connector-1"), (s) => s.includes(appEn("status.AVAILABLE")), "connector 1 free");
    await cp.status(1, "Faulted", "GroundFailure");
    await textWhen(page.getByTestId("connector-1"), (s) => s.includes(appEn("status.FAULTED")), "connector 1 faulted, pushed by the server");
    await cp.status(1, "Available");
    await textWhen(page.getByTestId("connector-1"), (s) => s.includes(appEn("status.AVAILABLE")), "connector 1 free again");
    await screenshot(page, "app-station");
    // A reservation where the station takes none: the station's answer, in words.
    await page.getByTestId("connector-2").getByRole("button", { name: appEn("reserve.open") }).click();
    const form = page.getByRole("form", { name: appEn("reserve.form", { n: 2 }) });
    await waitFor(() => form.getByRole("radio").first().isChecked(), "a tag chosen for the reservation");
    await form.getByRole("button", { name: appEn("reserve.submit"), exact: true }).click();
    await textWhen(form.getByRole("alert"), (s) => s === appEn("error.NOT_IMPLEMENTED"), "the station does not take reservations");
    // … and where it does: accepted, then cancelled from the history.
    cp.answers.ReserveNow = { status: "Accepted" };
    cp.answers.CancelReservation = { status: "Accepted" };
    await form.getByRole("button", { name: appEn("reserve.submit"), exact: true }).click();
    await textWhen(page.getByTestId("reserve-outcome"), (s) => s.startsWith(appEn("reserve.status.ACCEPTED").slice(0, 10)), "the reservation accepted");
    const reserveNow = await cp.receivedCall("ReserveNow");
    assert.equal(reserveNow.payload.connectorId, 2);
    assert.equal(reserveNow.payload.idTag, env.driverTag);
    await page.getByRole("navigation", { name: appEn("nav.label") }).getByRole("link", { name: appEn("nav.history") }).click();
    const reservation = page.getByTestId(`reservation-${reserveNow.payload.reservationId}`);
    await visible(reservation, "the reservation in the history");
    await reservation.getByRole("button", { name: appEn("history.cancelReservation") }).click();
    await visible(page.getByText(appEn("history.cancelled", { id: reserveNow.payload.reservationId })), "the reservation cancelled");
    assert.equal((await cp.receivedCall("CancelReservation")).payload.reservationId, reserveNow.payload.reservationId);

    // The network goes: the app still opens (its shell from the service worker) and says so.
    await context.setOffline(true);
    await page.reload();
    await visible(page.getByRole("heading", { name: appEn("offline.title"), exact: true }), "the offline screen");
    await visible(page.getByText(appEn("offline.text")), "the offline explanation");
    await screenshot(page, "app-offline");
    // Try again, still offline: still the offline screen. Then the network is back: the app
    // recovers by itself (the browser's online event, or its own retry every few seconds).
    await Promise.all([
      page.waitForEvent("requestfailed", (r) => new URL(r.url()).pathname === "/health"),
      page.getByRole("button", { name: appEn("offline.retry") }).click(),
    ]);
    await visible(page.getByRole("heading", { name: appEn("offline.title"), exact: true }), "the offline screen after Try again");
    await context.setOffline(false);
    await visible(page.getByRole("heading", { name: appEn("history.title"), exact: true }), "the app back after the network returned");
  });
});

test("Bahasa Indonesia: chosen at sign-in, remembered, numbers and dates in Indonesian", async () => {
  await withApp(browser, { path: "/app/history" }, async ({ page, go }) => {
    const id = (key, vars) => appTr("id", key, vars);
    await page.getByLabel(appEn("nav.language")).selectOption("id");
    await visible(page.getByRole("heading", { name: id("login.title"), exact: true }), "the sign-in form in Indonesian");
    await page.reload();
    await visible(page.getByRole("heading", { name: id("login.title"), exact: true }), "Indonesian after a reload");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "id");
    await page.getByLabel(id("login.username")).fill(env.driver2.username);
    await page.getByLabel(id("login.password"), { exact: true }).fill(env.driver2.password);
    await page.getByRole("button", { name: id("login.submit"), exact: true }).click();
    await visible(page.getByRole("heading", { name: id("history.title"), exact: true }), "the history in Indonesian");
    // 1.5 kWh with a decimal comma; the month's name in Indonesian.
    await textWhen(page.getByTestId("history"), (s) => s.includes("1,50 kWh"), "1,50 kWh");
    const month = new Intl.DateTimeFormat("id-ID", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
    await textWhen(page.getByTestId("months"), (s) => s.includes(month), `the month as ${month}`);
    await screenshot(page, "app-history-id");
    await go("/app/account");
    await visible(page.getByRole("heading", { name: id("account.title"), exact: true }), "the account screen in Indonesian");
    await page.getByLabel(id("nav.language")).selectOption("en");
    await visible(page.getByRole("heading", { name: appEn("account.title"), exact: true }), "English again");
  });
});

test("a driver changes its password", async () => {
  const next = `${env.driver2.password} (changed)`;
  await withApp(browser, { ...env.driver2, path: "/app/account" }, async ({ page }) => {
    const change = async (from, to) => {
      await page.getByLabel(appEn("password.current")).fill(from);
      await page.getByLabel(appEn("password.new"), { exact: true }).fill(to);
      await page.getByLabel(appEn("password.repeat")).fill(to);
      await page.getByRole("button", { name: appEn("password.submit"), exact: true }).click();
      await visible(page.getByText(appEn("password.changed")), "the password changed");
    };
    await visible(page.getByTestId("username"), "the account screen");
    await screenshot(page, "app-account");
    // A wrong current password is refused plainly.
    await page.getByLabel(appEn("password.current")).fill("not the password at all");
    await page.getByLabel(appEn("password.new"), { exact: true }).fill(next);
    await page.getByLabel(appEn("password.repeat")).fill(next);
    await page.getByRole("button", { name: appEn("password.submit"), exact: true }).click();
    await visible(page.getByRole("alert"), "the refusal");
    await change(env.driver2.password, next);
    // Signing in again needs the new one; then it is set back for the other tests.
    await page.getByRole("button", { name: appEn("account.signOut") }).click();
    await page.getByLabel(appEn("login.username")).fill(env.driver2.username);
    await page.getByLabel(appEn("login.password"), { exact: true }).fill(env.driver2.password);
    await page.getByRole("button", { name: appEn("login.submit"), exact: true }).click();
    await visible(page.getByText(appEn("error.WRONG_CREDENTIALS")), "the old password refused");
    await page.getByLabel(appEn("login.password"), { exact: true }).fill(next);
    await page.getByRole("button", { name: appEn("login.submit"), exact: true }).click();
    await visible(page.getByRole("heading", { name: appEn("account.title"), exact: true }), "signed in with the new password");
    await change(next, env.driver2.password);
  });
});
