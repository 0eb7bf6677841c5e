// What each role sees: a viewer gets no commands on a station's page; a driver is sent from
// every console page to the drivers' app, and the API gives it only its own transactions.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, gql, launch, openConsole, textWhen, tokenOf, visible, waitFor, withConsole } from "./harness.mjs";

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

test("a driver is sent from every console page to the drivers' app, and sees only its own transactions", async () => {
  const c = await openConsole(browser, { path: "/" });
  try {
    const { page } = c;
    await page.getByLabel(en("login.username")).fill(env.driver.username);
    await page.getByLabel(en("login.password")).fill(env.driver.password);
    await page.getByRole("button", { name: en("login.submit"), exact: true }).click();
    await waitFor(() => new URL(page.url()).pathname === "/app/", "the driver to land on /app/");
    // Fleet and admin pages by their URL, and someone else's transaction: the app instead.
    for (const path of ["/", "/transactions", `/transactions/${staffTx}`, "/stations/CP-E2E-4", "/accounts", "/tags"]) {
      await c.go(path);
      await waitFor(() => new URL(page.url()).pathname === "/app/", `${path} to send the driver to /app/`);
    }
    await c.done();
  } catch (e) {
    await c.close();
    throw e;
  }
  // The API with the driver's token: its own transaction, not someone else's, in a list or by id.
  const token = await tokenOf(env.driver);
  const q = "query($id: Int!) { transaction(id: $id) { id idTag } transactions(first: 50) { nodes { id idTag } } }";
  const own = await gql(q, { id: driverTx }, token);
  assert.equal(own.transaction?.id, driverTx, "the driver's own transaction");
  const ids = own.transactions.nodes.map((n) => n.id);
  assert.ok(ids.includes(driverTx), "the driver's transaction listed");
  assert.ok(!ids.includes(staffTx), "someone else's transaction listed");
  assert.ok(own.transactions.nodes.every((n) => n.idTag === env.driverTag), "someone else's id tag listed");
  assert.equal((await gql(q, { id: staffTx }, token)).transaction, null, "someone else's transaction by its id");
});
