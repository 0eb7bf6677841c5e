// One station's page: it follows the station by itself (StatusNotification, MeterValues, no
// reload), a remote command is confirmed and the station's answer shown, and the same command
// to a station that is offline says so plainly.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, launch, screenshot, textWhen, visible, withConsole } from "./harness.mjs";

let browser;
let cp;
before(async () => {
  browser = await launch();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

/** The station's Reset command form (its Commands tab must be open). */
const resetForm = (page) => page.getByRole("form", { name: en("station.cmd.reset"), exact: true });

/** A tab of the station page (a link in its sections' navigation). */
const tab = (page, key) =>
  page.getByRole("navigation", { name: en("station.tabs") }).getByRole("link", { name: en(key), exact: true });

/** Opens the Commands tab and sends Reset (soft), through its confirmation dialog. */
async function softReset(page) {
  await tab(page, "station.tab.commands").click();
  const form = resetForm(page);
  await visible(form, "the Reset command");
  await form.getByLabel(en("station.resetSoft")).check();
  await form.getByRole("button", { name: en("station.cmd.reset"), exact: true }).click();
  const dialog = page.getByRole("dialog");
  await visible(dialog.getByText(en("station.confirm.softReset")), "the confirmation dialog");
  await dialog.getByRole("button", { name: en("common.confirm"), exact: true }).click();
  return form;
}

test("the station page follows the station live and shows the answer to a command", async () => {
  cp = await ChargePoint.connect("CP-E2E-1");
  await cp.boot();

  await withConsole(browser, { ...env.admin, path: "/stations/CP-E2E-1" }, async ({ page }) => {
    const card = page.getByTestId("connector-1");
    await visible(card, "connector 1's card");
    await textWhen(page.getByTestId("status-1"), (s) => /available/i.test(s), "connector 1 Available");
    // Proof that nothing below reloads the page.
    await page.evaluate(() => (window.__e2eSameDocument = true));

    // A session that began 40 minutes ago, sampled every 5 minutes (a chart worth a look).
    const began = Date.now() - 40 * 60_000;
    const tx = await cp.start(1, env.staffTag, 0, new Date(began));
    await textWhen(page.getByTestId("status-1"), (s) => /charging/i.test(s), "connector 1 Charging, pushed by the server");
    for (let i = 1; i <= 7; i++) await cp.meter(1, tx, i * 600, 7000 + 50 * (i % 3), new Date(began + i * 5 * 60_000));
    await cp.meter(1, tx, 5234, 7200);
    await textWhen(page.getByTestId("energy-1"), (s) => s.includes("5.23"), "5.23 kWh on connector 1");
    await textWhen(page.getByTestId("power-1"), (s) => s.includes("7.2"), "7.2 kW on connector 1");
    await cp.meter(1, tx, 6500, 11000);
    await textWhen(page.getByTestId("energy-1"), (s) => s.includes("6.5"), "6.5 kWh after the next MeterValues");
    await textWhen(page.getByTestId("power-1"), (s) => s.includes("11"), "11 kW after the next MeterValues");
    assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, "the page reloaded");
    await screenshot(page, "station");

    // Reset (soft): asked first, sent, and the station's answer shown.
    const form = await softReset(page);
    const reset = await cp.receivedCall("Reset");
    assert.equal(reset.payload.type, "Soft");
    await textWhen(form.getByRole("status").filter({ hasText: en("command.answer") }), (s) => s.includes("ACCEPTED"), "the station's answer ACCEPTED");
    // Back to the connectors (a link within the page, no reload).
    await tab(page, "station.tab.overview").click();

    await cp.stop(1, tx, 7000);
    await textWhen(page.getByTestId("status-1"), (s) => /available/i.test(s), "connector 1 Available after the stop");

    // Over seven days the chart reads the hourly rollups (rolled up every second here): the
    // session's newest register reading is there.
    const rolled = page.waitForResponse((r) => r.request().method() === "POST" && (r.request().postData() ?? "").includes("meterRollups"));
    const week = page.getByRole("button", { name: en("station.chartRange7d"), exact: true });
    await week.click();
    const { data, errors } = await (await rolled).json();
    assert.equal(errors, undefined, "meterRollups answered without errors");
    const registers = data.meterRollups.filter((p) => p.connectorId === 1).map((p) => p.lastRegisterWh?.value ?? 0);
    assert.equal(Math.max(0, ...registers), 6500, "the week's hourly rollups end at the session's last register reading");
    assert.equal(await week.getAttribute("aria-pressed"), "true", "the 7-day range is the one shown");
  });

  // The same page on a phone.
  await withConsole(browser, { ...env.admin, path: "/stations/CP-E2E-1", viewport: { width: 360, height: 800 } }, async ({ page }) => {
    await visible(page.getByTestId("connector-1"), "connector 1's card at 360 px");
    await screenshot(page, "station-360");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow} px wider than a 360 px screen`);
  });
});

test("a command to a station that is offline says the station is not connected", async () => {
  const gone = await ChargePoint.connect("CP-E2E-OFF");
  await gone.boot();
  await gone.close();
  await withConsole(browser, { ...env.admin, path: "/stations/CP-E2E-OFF" }, async ({ page }) => {
    await visible(page.getByRole("heading", { name: /CP-E2E-OFF/ }), "the offline station's page");
    const form = await softReset(page);
    await textWhen(form.getByRole("alert"), (s) => s.includes(en("error.STATION_OFFLINE")), "the STATION_OFFLINE message");
    assert.equal(await form.getByRole("status").filter({ hasText: en("command.answer") }).count(), 0, "an answer shown from a station that is offline");
  });
});
