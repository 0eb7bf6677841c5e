// The language switch: Bahasa Indonesia changes the navigation and the number format at once,
// and is remembered after a reload.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, launch, textWhen, tr, visible, withConsole } from "./harness.mjs";

let browser;
let cp;
before(async () => {
  browser = await launch();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

test("switching to Bahasa Indonesia translates the console and is remembered", async () => {
  cp = await ChargePoint.connect("CP-E2E-3");
  await cp.boot();
  const tx = await cp.start(1, env.staffTag, 0);
  await cp.meter(1, tx, 1234, 7200);

  await withConsole(browser, { ...env.admin, path: "/stations/CP-E2E-3" }, async ({ page }) => {
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    await visible(nav.getByRole("link", { name: en("nav.stations"), exact: true }), "the English navigation");
    await textWhen(page.getByTestId("energy-1"), (s) => s.includes("1.23"), "1.23 kWh in English");

    await page.getByLabel(en("nav.language")).selectOption("id");
    const navId = page.getByRole("navigation", { name: tr("id", "nav.label") });
    await visible(navId.getByRole("link", { name: tr("id", "nav.stations"), exact: true }), "Stasiun in the navigation");
    assert.equal(tr("id", "nav.stations"), "Stasiun");
    await textWhen(page.getByTestId("energy-1"), (s) => s.includes("1,23"), "1,23 kWh (a decimal comma) in Bahasa Indonesia");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "id");

    await page.reload();
    await visible(navId.getByRole("link", { name: "Stasiun", exact: true }), "Stasiun after a reload");
    await textWhen(page.getByTestId("energy-1"), (s) => s.includes("1,23"), "1,23 kWh after a reload");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "id");
  });
  await cp.stop(1, tx, 1500);
});
