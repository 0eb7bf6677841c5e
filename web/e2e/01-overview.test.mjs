// The fleet at a glance: an admin signs in and the overview's tiles count what the fake charge
// point did (online, charging), live; the stations list shows it. Runs first, on a fresh server.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, firstNumber, launch, screenshot, textWhen, waitFor, withConsole } from "./harness.mjs";

let browser;
let cp;
before(async () => {
  browser = await launch();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

test("the overview counts the station that is online and charging, and the stations list shows it", async () => {
  cp = await ChargePoint.connect("CP-E2E-1");
  await cp.boot();
  assert.equal((await cp.authorize(env.staffTag)).status, "Accepted");
  // Register values that fit between the next file's samples of the same station (its chart).
  const tx = await cp.start(1, env.staffTag, 4300);
  await cp.meter(1, tx, 5000, 7200);

  await withConsole(browser, { ...env.admin, path: "/" }, async ({ page }) => {
    // A tile's number: its data-value (the raw count), else the first number in its text.
    const count = (id) =>
      page
        .getByTestId(`count-${id}`)
        .first()
        .evaluate((el) => el.dataset.value ?? el.textContent, undefined, { timeout: 500 })
        .then(firstNumber);
    await waitFor(async () => (await count("online")) === 1, "1 station online on the overview");
    await waitFor(async () => (await count("charging")) === 1, "1 connector charging on the overview");
    await screenshot(page, "overview");

    // The tiles follow the fleet by themselves: the charge point stops charging.
    await cp.stop(1, tx, 5100);
    await waitFor(async () => (await count("charging")) === 0, "0 charging after the stop, without a reload");
    await waitFor(async () => (await count("online")) === 1, "still 1 online after the stop");

    await page.getByRole("navigation").getByRole("link", { name: en("nav.stations"), exact: true }).click();
    const link = page.getByRole("link", { name: "CP-E2E-1" });
    await textWhen(link, (s) => s.includes("CP-E2E-1"), "CP-E2E-1 in the stations list");
    await screenshot(page, "stations");
    await link.first().click();
    await textWhen(page.getByRole("heading", { level: 1 }), (s) => s.includes("CP-E2E-1"), "the station page of CP-E2E-1");
  });
});
