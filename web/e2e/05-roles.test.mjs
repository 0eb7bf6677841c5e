// What each role sees: a viewer gets no commands on a station's page; a driver gets no
// fleet navigation, only its own transactions, and the API's refusal where it may not look.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, launch, textWhen, visible, waitFor, withConsole } from "./harness.mjs";

let browser;
let cp;
let driverTx;
let staffTx;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect("CP-E2E-4");
  await cp.boot();
  driverTx = await cp.start(1, env.driverTag, 0);
  await cp.stop(1, driverTx, 2500);
  staffTx = await cp.start(1, env.staffTag, 0);
  await cp.stop(1, staffTx, 1500);
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

test("a viewer sees the station but no commands", async () => {
  await withConsole(browser, { ...env.viewer, path: "/stations/CP-E2E-4" }, async ({ page, go }) => {
    await textWhen(page.getByTestId("status-1"), (s) => /available/i.test(s), "connector 1 on the viewer's page");
    await page.waitForLoadState("networkidle");
    const main = page.getByRole("main");
    assert.equal(await main.getByRole("button", { name: en("station.editDetails") }).count(), 0, "Edit details for a viewer");
    // Its Commands tab, even by URL, has no command in it.
    await go("/stations/CP-E2E-4/commands");
    await visible(main.getByText(en("station.operatorsOnly")), "the operators-only notice on Commands");
    for (const key of ["station.cmd.reset", "station.cmd.start", "station.cmd.stop"])
      assert.equal(await main.getByRole("button", { name: en(key), exact: true }).count(), 0, `${en(key)} for a viewer`);
    assert.equal(await main.getByRole("form").count(), 0, "a command form for a viewer");
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    assert.equal(await nav.getByRole("link", { name: en("nav.accounts") }).count(), 0, "Accounts in a viewer's navigation");
  });
});

test("a driver sees only its own transactions and no fleet pages", async () => {
  await withConsole(browser, { ...env.driver, path: "/" }, async ({ page, go }) => {
    // A driver's start page is its transactions.
    await waitFor(() => new URL(page.url()).pathname === "/transactions", "the driver to land on /transactions");
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    await visible(nav.getByRole("link", { name: en("nav.transactions"), exact: true }), "Transactions in the driver's navigation");
    for (const key of ["nav.stations", "nav.overview", "nav.accounts", "nav.security"])
      assert.equal(await nav.getByRole("link", { name: en(key), exact: true }).count(), 0, `${en(key)} in a driver's navigation`);

    const table = page.getByRole("table");
    await visible(table.getByRole("link", { name: String(driverTx), exact: true }), `the driver's transaction ${driverTx}`);
    assert.equal(await table.getByRole("link", { name: String(staffTx), exact: true }).count(), 0, "someone else's transaction listed");
    assert.equal(await table.getByText(env.staffTag).count(), 0, "someone else's id tag listed");

    // Someone else's transaction by its URL: the server does not give it out.
    await go(`/transactions/${staffTx}`);
    await visible(page.getByText(en("transactions.notFound")), "no such transaction for the driver");
    assert.equal(await page.getByText(env.staffTag).count(), 0, "someone else's id tag shown");
    // Fleet and admin pages by their URL: plainly refused.
    await go("/stations/CP-E2E-4");
    await visible(page.getByText(en("station.staffOnly")), "the staff-only notice on a station page");
    await go("/accounts");
    await visible(page.getByText(en("accounts.adminsOnly")), "the admins-only notice on /accounts");
  });
});
