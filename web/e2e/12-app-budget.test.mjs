// Energy budgets as a driver sees them (the budget API: setIdTagBudget, IdTag.budget): a tag
// whose budget is used up shows so in the tag picker, and a start with it is refused before
// anything reaches the station (BUDGET_EXHAUSTED, said plainly); a running session stopped at
// its budget says so when it ends.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, appEn, env, gql, launch, screenshot, textWhen, tokenOf, visible, waitFor, withApp } from "./harness.mjs";

const STATION = "CP-E2E-APP-3";
const USED_UP = "E2E-DRIVER-BUDGET";
const LIMITED = "E2E-DRIVER-LIMIT";

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(STATION, { connectors: 1 });
  await cp.boot();
  const admin = await tokenOf(env.admin);
  for (const [tag, limitWh] of [
    [USED_UP, 1000],
    [LIMITED, 2000],
  ]) {
    await gql("mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }", { t: tag, o: env.driver.username }, admin);
    await gql("mutation($t: String!, $l: Float!) { setIdTagBudget(idTag: $t, budget: {limitWh: $l, period: MONTH}) { idTag } }", { t: tag, l: limitWh }, admin);
  }
  // 1.5 kWh this month: the 1 kWh budget is used up.
  const tx = await cp.start(1, USED_UP, 0);
  await cp.stop(1, tx, 1500);
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

test("a tag over its budget is refused with BUDGET_EXHAUSTED; a session is stopped at its budget", async (t) => {
  await withApp(browser, { ...env.driver, path: `/app/charge/${STATION}/1` }, async ({ page }) => {
    await visible(page.getByRole("heading", { name: appEn("charge.title"), exact: true }), "the start screen");
    const usedUp = page.locator("label.choice").filter({ hasText: USED_UP });
    await textWhen(usedUp.getByTestId("budget"), (s) => s.startsWith(appEn("budget.exhausted").split("{")[0].trim()), "the used-up budget shown");
    const limited = page.locator("label.choice").filter({ hasText: LIMITED });
    await textWhen(limited.getByTestId("budget"), (s) => s.includes("2.00 kWh"), "2 kWh left of 2 kWh");
    await screenshot(page, "app-budget");

    // Start with the used-up tag: refused by the server, nothing sent to the station.
    await usedUp.getByRole("radio").check();
    await page.getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    await textWhen(page.getByTestId("start-outcome"), (s) => s === appEn("error.BUDGET_EXHAUSTED"), "BUDGET_EXHAUSTED in words");
    assert.equal(cp.received.filter((c) => c.action === "RemoteStartTransaction").length, 0, "the refused start reached the station");

    // With the other tag: it starts; at 2 kWh chargegate stops it, and the app says why.
    await limited.getByRole("radio").check();
    await page.getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: appEn("charge.start"), exact: true }).click();
    await cp.receivedCall("RemoteStartTransaction");
    const tx = await cp.start(1, LIMITED, 0);
    await waitFor(() => new URL(page.url()).pathname === `/app/session/${tx}`, "the session opened");
    // Sent once: the session screen reads again after subscribing (see 10-app-charge).
    await cp.meter(1, tx, 1200, 7000);
    await textWhen(page.getByTestId("energy"), (s) => s === "1.20 kWh", "1.20 kWh");
    await cp.meter(1, tx, 2100, 7000);
    const stop = await cp.receivedCall("RemoteStopTransaction");
    assert.equal(stop.payload.transactionId, tx);
    await cp.stop(1, tx, 2100, "Remote");
    await visible(page.getByRole("heading", { name: appEn("session.endedTitle"), exact: true }), "the session ended");
    await textWhen(page.getByTestId("session-ended"), (s) => s.includes(appEn("session.budgetStop")), "stopped at the budget, said plainly");
  });
});
