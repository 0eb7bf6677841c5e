// The drivers' app on a phone: a driver opens a charger's QR link, signs in, starts a session
// (the simulated station gets RemoteStartTransaction and starts), watches the energy rise live
// without a reload, is notified when it ends, stops it (RemoteStopTransaction), and finds it in
// the history and its CSV. A second driver sees none of it and cannot stop it, in the app and
// through the API.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import {
  ChargePoint,
  appEn,
  env,
  gqlErrorCode,
  launch,
  screenshot,
  textWhen,
  tokenOf,
  visible,
  waitFor,
  withApp,
} from "./harness.mjs";

const STATION = "CP-E2E-APP-1";
const QR = `/app/charge/${STATION}/1`;

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(STATION, { connectors: 2 });
  await cp.boot();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

const noOverflow = async (page, what) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what} is ${overflow} px wider than the phone's screen`);
};

/** A MeterValues with energy, power and the car's state of charge. */
const meterWithSoc = (tx, energyWh, powerW, soc) =>
  cp.call("MeterValues", {
    connectorId: 1,
    transactionId: tx,
    meterValue: [
      {
        timestamp: new Date().toISOString(),
        sampledValue: [
          { value: String(energyWh), measurand: "Energy.Active.Import.Register", unit: "Wh" },
          { value: String(powerW), measurand: "Power.Active.Import", unit: "W" },
          { value: String(soc), measurand: "SoC", unit: "Percent", location: "EV" },
        ],
      },
    ],
  });

test("a driver starts from the QR link, watches it live, stops it and finds it in the history", async () => {
  let tx;
  await withApp(browser, { path: QR }, async ({ page, context }) => {
    // Not signed in: the QR link opens the sign-in form, and after it the same connector.
    await visible(page.getByRole("heading", { name: appEn("login.title"), exact: true }), "the sign-in form");
    await screenshot(page, "app-login");
    await page.getByLabel(appEn("login.username")).fill(env.driver.username);
    await page.getByLabel(appEn("login.password"), { exact: true }).fill(env.driver.password);
    await page.getByRole("button", { name: appEn("login.submit"), exact: true }).click();
    await visible(page.getByRole("heading", { name: appEn("charge.title"), exact: true }), "the start screen of the QR link");
    assert.equal(new URL(page.url()).pathname, QR);
    const where = page.getByTestId("charge-connector");
    await textWhen(where, (s) => s.includes(STATION) && s.includes(appEn("status.AVAILABLE")), "connector 1 free");

    // The connector's status follows the station live.
    await cp.status(1, "Preparing");
    await textWhen(where, (s) => s.includes(appEn("status.PREPARING")), "connector 1 plugged in, pushed by the server");
    // The driver's own tag, chosen already (its only one); nobody else's is offered.
    const own = page.getByRole("radio", { name: new RegExp(env.driverTag) });
    await waitFor(() => own.isChecked(), "the driver's tag to be chosen");
    assert.equal(await page.getByRole("radio").count(), 1, "another tag offered to the driver");
    await screenshot(page, "app-charge");
    await noOverflow(page, "the start screen");
    await page.evaluate(() => (window.__e2eSameDocument = true));

    // Start: asked first, then sent to the station.
    await page.getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    const dialog = page.getByRole("dialog");
    await visible(dialog.getByText(appEn("charge.confirmText", { station: STATION, n: 1, tag: env.driverTag })), "the confirmation");
    await dialog.getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    const remoteStart = await cp.receivedCall("RemoteStartTransaction");
    assert.equal(remoteStart.payload.idTag, env.driverTag);
    assert.equal(remoteStart.payload.connectorId, 1);
    await textWhen(page.getByTestId("start-outcome"), (s) => s === appEn("charge.accepted"), "the station's acceptance");

    // The station starts the session (its clock says 24 minutes ago, so that the screenshot
    // has a curve): the app opens it by itself.
    const began = Date.now() - 24 * 60_000;
    tx = await cp.start(1, env.driverTag, 10_000, new Date(began));
    await waitFor(() => new URL(page.url()).pathname === `/app/session/${tx}`, "the app to open the new session");
    await visible(page.getByRole("heading", { name: appEn("session.title"), exact: true }), "the session screen");
    for (let i = 1; i <= 4; i++) await cp.meter(1, tx, 10_000 + i * 450, 7200 - (i % 2) * 300, new Date(began + i * 5 * 60_000));

    // Energy rises live (meter values pushed over the subscription), with power and battery.
    // Sent once: the screen reads the session again after subscribing, so a reading that came
    // between its first read and the subscription taking effect shows too.
    await cp.meter(1, tx, 12_100, 7200);
    await textWhen(page.getByTestId("energy"), (s) => s === "2.10 kWh", "2.10 kWh so far");
    await textWhen(page.getByTestId("power"), (s) => s === "7.2 kW", "7.2 kW now");
    await meterWithSoc(tx, 12_500, 11_000, 64);
    await textWhen(page.getByTestId("energy"), (s) => s === "2.50 kWh", "2.50 kWh after the next MeterValues");
    await textWhen(page.getByTestId("power"), (s) => s === "11 kW", "11 kW after the next MeterValues");
    await textWhen(page.getByTestId("soc"), (s) => s === "64%", "the car's 64 %");
    const clock = await textWhen(page.getByTestId("duration"), (s) => /^\d+:\d\d$/.test(s), "a running clock");
    await textWhen(page.getByTestId("duration"), (s) => s !== clock, "the clock to tick");
    assert.ok(await page.locator("svg.spark").isVisible(), "the energy chart");

    // The phone loses the network: the app says so; meanwhile the car charges on; back online,
    // the screen reads again and follows on by itself (no reload).
    await context.setOffline(true);
    await visible(page.getByRole("heading", { name: appEn("offline.title"), exact: true }), "the offline screen");
    await cp.meter(1, tx, 12_800, 11_000);
    await context.setOffline(false);
    await textWhen(page.getByTestId("energy"), (s) => s === "2.80 kWh", "2.80 kWh, read again after the network came back");
    await cp.meter(1, tx, 12_900, 11_000);
    await textWhen(page.getByTestId("energy"), (s) => s === "2.90 kWh", "2.90 kWh, live again");
    assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, "the page reloaded");

    // Notifications: asked for with a button; the end of the session is announced.
    await context.grantPermissions(["notifications"], { origin: env.url });
    await page.getByRole("button", { name: appEn("notify.ask") }).click();
    await visible(page.getByText(appEn("notify.on")), "notifications on");
    await page.evaluate(() => {
      window.__notified = [];
      const original = ServiceWorkerRegistration.prototype.showNotification;
      ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
        window.__notified.push(title);
        return original.call(this, title, options).catch(() => {});
      };
      const Page = window.Notification;
      window.Notification = Object.assign(function (title, options) {
        window.__notified.push(title);
        return new Page(title, options);
      }, { permission: Page.permission, requestPermission: Page.requestPermission.bind(Page) });
    });
    await page.evaluate(() => scrollTo(0, 0));
    await screenshot(page, "app-session");
    await noOverflow(page, "the session screen");

    // The second driver, meanwhile: cannot stop it through the API (nothing reaches the station).
    const other = await tokenOf(env.driver2);
    const code = await gqlErrorCode(
      "mutation($s: ID!, $t: Int!) { remoteStopTransaction(stationId: $s, transactionId: $t) { status } }",
      { s: STATION, t: tx },
      other,
    );
    assert.ok(code === "FORBIDDEN" || code === "NOT_FOUND", `the second driver's stop answered ${code}`);
    assert.equal(cp.received.filter((c) => c.action === "RemoteStopTransaction").length, 0, "a stop reached the station");
    const seen = await gqlErrorCode("query($t: Int!) { transaction(id: $t) { id } }", { t: tx }, other);
    assert.equal(seen, null);

    // Stop: asked first, sent, the station's answer shown; the session ends when it stops.
    await page.getByRole("button", { name: appEn("session.stop"), exact: true }).click();
    const stopDialog = page.getByRole("dialog");
    await visible(stopDialog.getByText(appEn("session.confirmStopText", { station: STATION })), "the stop confirmation");
    await stopDialog.getByRole("button", { name: appEn("session.stop"), exact: true }).click();
    const remoteStop = await cp.receivedCall("RemoteStopTransaction");
    assert.equal(remoteStop.payload.transactionId, tx);
    await textWhen(page.getByTestId("stop-outcome"), (s) => s === appEn("session.stopAccepted"), "the stop accepted");
    await cp.stop(1, tx, 13_000, "Remote");
    await visible(page.getByRole("heading", { name: appEn("session.endedTitle"), exact: true }), "the session ended");
    await textWhen(page.getByTestId("energy"), (s) => s === "3.00 kWh", "3.00 kWh in all");
    await waitFor(() => page.evaluate(() => window.__notified.includes("Charging ended")), "the notification that charging ended");

    // The history: the session, the month's totals, the CSV of the driver's own sessions.
    await page.getByRole("navigation", { name: appEn("nav.label") }).getByRole("link", { name: appEn("nav.history") }).click();
    const item = page.getByTestId(`history-${tx}`);
    await textWhen(item, (s) => s.includes(STATION) && s.includes("3.00 kWh"), "the session in the history");
    await visible(page.getByTestId("months").getByRole("row"), "the monthly totals");
    await screenshot(page, "app-history");
    await noOverflow(page, "the history");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: appEn("history.csv") }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    assert.match(csv.split("\r\n")[0], /^transaction,station,/);
    assert.ok(csv.includes(`\r\n${tx},${STATION},`), csv);
    assert.ok(!csv.includes(env.staffTag) && !csv.includes(env.driver2Tag), "someone else's session in the CSV");
    assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, "the page reloaded");
  });

  // The second driver's app: the session is nowhere, and its link says so.
  await withApp(browser, { ...env.driver2 }, async ({ page, go }) => {
    await visible(page.getByRole("heading", { name: appEn("home.title"), exact: true }), "the second driver's start screen");
    await page.waitForLoadState("networkidle");
    assert.equal(await page.getByTestId(`running-${tx}`).count(), 0, "the other driver's session as running");
    await go("/app/history");
    await visible(page.getByRole("heading", { name: appEn("history.title"), exact: true }), "the second driver's history");
    await visible(page.getByTestId("history").or(page.getByText(appEn("history.none"))), "the second driver's sessions (or none)");
    assert.equal(await page.getByTestId(`history-${tx}`).count(), 0, "the other driver's session in the history");
    await go(`/app/session/${tx}`);
    await visible(page.getByRole("heading", { name: appEn("session.notFound"), exact: true }), "no such session for the second driver");
    assert.equal(await page.getByText(env.driverTag, { exact: true }).count(), 0, "the other driver's tag shown");
  });
});

test("the station's refusal, and a station that is offline, are said plainly", async () => {
  await withApp(browser, { ...env.driver, path: `/app/charge/${STATION}/2` }, async ({ page }) => {
    await visible(page.getByRole("heading", { name: appEn("charge.title"), exact: true }), "the start screen");
    const start = async () => {
      await page.getByRole("button", { name: appEn("charge.start"), exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    };
    cp.answers.RemoteStartTransaction = { status: "Rejected" };
    await waitFor(() => page.getByRole("radio").first().isChecked(), "a tag chosen");
    await start();
    await textWhen(page.getByTestId("start-outcome"), (s) => s === appEn("charge.rejected"), "the refusal");
    cp.answers.RemoteStartTransaction = { status: "Accepted" };

    // The station goes away: the app says so when it tries.
    await cp.close();
    await start();
    await textWhen(page.getByTestId("start-outcome"), (s) => s === appEn("error.STATION_OFFLINE"), "STATION_OFFLINE in words");
    cp = await ChargePoint.connect(STATION, { connectors: 2 });
    await cp.boot();
  });
});
