// Issue 22 in the console, part two: an operator sets an id tag's energy budget in kWh and
// sees what is used and left (and "used up" once a session has spent it); creates a driver's
// account with an id tag, gives it another, is warned before taking a third from another
// driver, takes one back and sets the account's budget; approves one self-registered driver
// and rejects another; and any account changes its own password.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, gql, launch, screenshot, textWhen, tokenOf, visible, waitFor, withConsole } from "./harness.mjs";

const BUDGET_TAG = "E2E-BUDGET";
const SPENT_TAG = "E2E-SPENT";
const LOOSE_TAG = "E2E-LOOSE";
const NEW_TAG = "E2E-NEW-1";
const DRIVER2 = { username: "e2e-driver-2", password: "driver two e2e password" };

let browser;
let admin;
before(async () => {
  browser = await launch();
  admin = await tokenOf(env.admin);
  for (const tag of [BUDGET_TAG, SPENT_TAG, LOOSE_TAG])
    await gql("mutation($t: String!) { createIdTag(input: {idTag: $t}) { idTag } }", { t: tag }, admin);
});
after(async () => {
  await browser?.close();
});

const tagBudget = async (tag) =>
  (await gql("query($t: String!) { idTag(idTag: $t) { owner status budget { limitWh period usedWh exhausted } } }", { t: tag }, admin))
    .idTag;

/** Opens the edit panel of `tag` on the tags page (filtered to it). */
async function editTag(page, go, tag) {
  await go(`/tags?q=${encodeURIComponent(tag)}`);
  const edit = page.getByRole("button", { name: en("tags.editOf", { tag }), exact: true });
  await visible(edit, `Edit of ${tag}`);
  await edit.click();
  const form = page.getByRole("form", { name: en("tags.budgetOf", { tag }), exact: true });
  await visible(form, `the budget form of ${tag}`);
  return form;
}

/** Fills and saves a budget form. */
async function saveBudget(form, kWh, period) {
  await form.getByLabel(en("budget.limit")).fill(kWh);
  await form.getByLabel(en("budget.period")).selectOption(period);
  await form.getByRole("button", { name: en("budget.save"), exact: true }).click();
}

const status = (page, text) =>
  textWhen(page.getByRole("status").filter({ hasText: text }), (s) => s.includes(text), `"${text}"`);

test("an operator sets an id tag's energy budget in kWh and sees it used up", async () => {
  await withConsole(browser, { ...env.operator, path: "/tags" }, async ({ page, go }) => {
    // 12.5 kWh a week: sent as 12 500 Wh, shown as kWh with nothing used yet.
    let form = await editTag(page, go, BUDGET_TAG);
    await saveBudget(form, "12.5", "WEEK");
    await status(page, en("tags.budgetSavedOk", { tag: BUDGET_TAG }));
    const cell = page.getByTestId(`budget-${BUDGET_TAG}`);
    const shown = await textWhen(cell, (s) => s.includes("12.5 kWh"), "12.5 kWh in the tag's row");
    assert.ok(shown.includes(en("budget.perWeek")), `a week: ${shown}`);
    assert.ok(shown.includes(en("budget.usedLeft", { used: "0 kWh", left: "12.5 kWh" })), `used and left: ${shown}`);
    assert.ok(!shown.includes(en("budget.exhausted")), `used up before any session: ${shown}`);
    const saved = await tagBudget(BUDGET_TAG);
    assert.equal(saved.budget.limitWh, 12500);
    assert.equal(saved.budget.period, "WEEK");
    await screenshot(page, "id-tag-budget");

    // Removed again (asked first): no budget.
    await page.getByRole("button", { name: en("budget.remove"), exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: en("common.confirm"), exact: true }).click();
    await status(page, en("tags.budgetRemovedOk", { tag: BUDGET_TAG }));
    await textWhen(cell, (s) => s === en("budget.none"), "no budget in the tag's row");
    assert.equal((await tagBudget(BUDGET_TAG)).budget, null);

    // 1 kWh a month, then a session of 1.5 kWh: used up, with nothing left.
    form = await editTag(page, go, SPENT_TAG);
    await saveBudget(form, "1", "MONTH");
    await status(page, en("tags.budgetSavedOk", { tag: SPENT_TAG }));
    const cp = await ChargePoint.connect("CP-E2E-BUDGET");
    try {
      await cp.boot();
      const tx = await cp.start(1, SPENT_TAG, 0);
      await cp.meter(1, tx, 1500, 7000);
      await cp.stop(1, tx, 1500);
    } finally {
      await cp.close();
    }
    await waitFor(async () => (await tagBudget(SPENT_TAG)).budget?.exhausted, "the server to count the budget used up");
    await go(`/tags?q=${SPENT_TAG}`);
    const spent = await textWhen(
      page.getByTestId(`budget-${SPENT_TAG}`),
      (s) => s.includes(en("budget.exhausted")),
      "the used-up badge in the tag's row",
    );
    assert.ok(spent.includes(en("budget.usedLeft", { used: "1.5 kWh", left: "0 kWh" })), `used and left: ${spent}`);
  });
});

test("an operator creates a driver's account with an id tag, gives and takes back tags, and sets its budget", async () => {
  await withConsole(browser, { ...env.operator, path: "/" }, async ({ page }) => {
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    await nav.getByRole("link", { name: en("nav.accounts") }).click();
    const table = page.getByTestId("accounts-table");
    await visible(table.getByTestId(`account-${env.driver.username}`), "the driver in the operator's accounts");
    // Operators manage drivers only.
    for (const other of [env.admin.username, env.operator.username, env.viewer.username])
      assert.equal(await table.getByTestId(`account-${other}`).count(), 0, `${other} listed for an operator`);

    const create = page.getByRole("form", { name: en("accounts.createDriver"), exact: true });
    assert.equal(await create.getByLabel(en("accounts.roleLabel")).count(), 0, "a role to choose for an operator");
    await create.getByLabel(en("accounts.username")).fill(DRIVER2.username);
    await create.getByLabel(en("accounts.password")).fill(DRIVER2.password);
    await create.getByLabel(en("accounts.firstTag")).fill(NEW_TAG);
    await create.getByRole("button", { name: en("accounts.createDriverSubmit"), exact: true }).click();
    await status(page, en("accounts.createdWithTag", { name: DRIVER2.username, tag: NEW_TAG }));
    const row = table.getByTestId(`account-${DRIVER2.username}`);
    await textWhen(row, (s) => s.includes(NEW_TAG), `${NEW_TAG} in the new account's row`);
    assert.ok((await row.textContent()).includes(en("accounts.role.DRIVER")));

    // Its panel opens by itself: give it a registered tag nobody owns.
    await visible(page.getByRole("heading", { name: en("accounts.editTitle", { name: DRIVER2.username }) }), "the new account's panel");
    const give = page.getByRole("form", { name: en("accounts.giveTagOf", { name: DRIVER2.username }), exact: true });
    await give.getByLabel(en("accounts.giveTagLabel")).fill(LOOSE_TAG);
    await give.getByRole("button", { name: en("accounts.giveTag"), exact: true }).click();
    await status(page, en("accounts.tagGivenOk", { tag: LOOSE_TAG, name: DRIVER2.username }));
    await textWhen(row, (s) => s.includes(LOOSE_TAG), `${LOOSE_TAG} in the row`);

    // Another driver's tag: a warning, and nothing changes unless the operator insists.
    await give.getByLabel(en("accounts.giveTagLabel")).fill(env.driverTag);
    await give.getByRole("button", { name: en("accounts.giveTag"), exact: true }).click();
    await textWhen(
      give.getByRole("alert"),
      (s) => s.includes(en("accounts.tagOwnedBy", { tag: env.driverTag, owner: env.driver.username })),
      "the warning that the tag is another driver's",
    );
    assert.equal((await tagBudget(env.driverTag)).owner, env.driver.username, "the other driver's tag was taken");
    await give.getByRole("button", { name: en("common.cancel"), exact: true }).click();
    assert.equal(await give.getByRole("alert").count(), 0, "the warning stays after Cancel");

    // Take one back.
    await page.getByRole("button", { name: en("accounts.takeBackOf", { tag: LOOSE_TAG, name: DRIVER2.username }), exact: true }).click();
    await status(page, en("accounts.takenBackOk", { tag: LOOSE_TAG, name: DRIVER2.username }));
    await textWhen(row, (s) => !s.includes(LOOSE_TAG), `${LOOSE_TAG} gone from the row`);

    // The account's budget over all its tags: 30 kWh a month.
    const budget = page.getByRole("form", { name: en("accounts.budgetOf", { name: DRIVER2.username }), exact: true });
    await saveBudget(budget, "30", "MONTH");
    await status(page, en("accounts.budgetSavedOk", { name: DRIVER2.username }));
    await textWhen(row, (s) => s.includes("30 kWh") && s.includes(en("budget.perMonth")), "30 kWh a month in the row");
    await screenshot(page, "accounts-driver");
  });

  // The same pages on a phone: nothing wider than the screen (long tables scroll in their box).
  await withConsole(browser, { ...env.operator, path: `/accounts?user=${DRIVER2.username}`, viewport: { width: 360, height: 800 } }, async ({ page, go }) => {
    await visible(page.getByRole("form", { name: en("accounts.budgetOf", { name: DRIVER2.username }), exact: true }), "the account's panel at 360 px");
    for (const where of ["accounts", "tags"]) {
      if (where === "tags") {
        await go(`/tags?q=${NEW_TAG}`);
        await visible(page.getByTestId(`budget-${NEW_TAG}`), "the tags page at 360 px");
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the ${where} page is ${overflow} px wider than a 360 px screen`);
    }
  });

  // What the server keeps: the new tag is the driver's and accepted, the loose one nobody's,
  // the budget in Wh; and the driver signs in and sees its own tag only.
  const created = await tagBudget(NEW_TAG);
  assert.equal(created.owner, DRIVER2.username);
  assert.equal(created.status, "ACCEPTED");
  assert.equal((await tagBudget(LOOSE_TAG)).owner, null);
  const { accounts } = await gql("{ accounts { username budget { limitWh period } } }", {}, admin);
  const account = accounts.find((a) => a.username === DRIVER2.username);
  assert.deepEqual(account.budget, { limitWh: 30000, period: "MONTH" });
  const driverToken = await tokenOf(DRIVER2);
  const mine = await gql("{ me { role } idTags { nodes { idTag } } }", {}, driverToken);
  assert.equal(mine.me.role, "DRIVER");
  assert.deepEqual(mine.idTags.nodes.map((n) => n.idTag), [NEW_TAG]);
});

test("an operator approves a self-registered driver and rejects another, the pending count in the navigation", async () => {
  const { selfRegistration } = await gql("{ selfRegistration }");
  assert.equal(
    selfRegistration,
    true,
    "the browser tests' server must allow self-registration (tests/it/console.rs turns it on)",
  );
  const keep = { username: "e2e-self-1", password: "self one e2e password" };
  const reject = { username: "e2e-self-2", password: "self two e2e password" };
  for (const a of [keep, reject])
    await gql("mutation($u: String!, $p: String!) { register(username: $u, password: $p) { username pending } }", { u: a.username, p: a.password });
  await assert.rejects(tokenOf(keep), /ACCOUNT_PENDING/, "a pending account signed in");

  await withConsole(browser, { ...env.operator, path: "/" }, async ({ page }) => {
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    await textWhen(nav.getByTestId("pending-badge"), (s) => s.startsWith("2"), "2 accounts waiting, on the navigation");
    await nav.getByRole("link", { name: en("nav.accounts") }).click();
    const waiting = page.getByRole("region", { name: en("accounts.pendingTitle", { n: 2 }) });
    await visible(waiting, "the accounts waiting for approval");
    await screenshot(page, "accounts-pending");

    await waiting.getByRole("button", { name: en("accounts.approveOf", { name: keep.username }), exact: true }).click();
    await status(page, en("accounts.approvedOk", { name: keep.username }));
    await textWhen(nav.getByTestId("pending-badge"), (s) => s.startsWith("1"), "1 account waiting after the approval");

    await page.getByRole("button", { name: en("accounts.rejectOf", { name: reject.username }), exact: true }).click();
    const dialog = page.getByRole("dialog");
    await visible(dialog.getByText(en("accounts.rejectQuestion", { name: reject.username })), "the question before rejecting");
    await dialog.getByRole("button", { name: en("common.confirm"), exact: true }).click();
    await status(page, en("accounts.rejectedOk", { name: reject.username }));
    await waitFor(async () => (await nav.getByTestId("pending-badge").count()) === 0, "no pending badge once none waits");
    await waitFor(
      async () => (await page.getByRole("region", { name: /^Waiting for approval/ }).count()) === 0,
      "the waiting list gone once none waits",
    );
  });

  assert.ok(await tokenOf(keep), "the approved driver signs in");
  await assert.rejects(tokenOf(reject), /UNAUTHENTICATED|ACCOUNT_PENDING/, "the rejected account signed in");
  const { accounts } = await gql("{ accounts { username pending } }", {}, admin);
  assert.deepEqual(accounts.find((a) => a.username === keep.username)?.pending, false);
  assert.equal(accounts.find((a) => a.username === reject.username), undefined, "the rejected account is kept");
});

test("an account changes its own password in the console", async () => {
  const me = { username: "e2e-viewer-pw", password: "viewer old e2e password" };
  const fresh = "viewer new e2e password";
  await gql(
    "mutation($u: String!, $p: String!) { createAccount(username: $u, password: $p, role: VIEWER) { username } }",
    { u: me.username, p: me.password },
    admin,
  );
  await withConsole(browser, { ...me, path: "/" }, async ({ page }) => {
    await page.getByRole("link", { name: en("nav.myAccount") }).click();
    const form = page.getByRole("region", { name: en("myAccount.changePassword") });
    await visible(form, "the change-password form");
    // A wrong current password: said plainly, and still signed in.
    await form.getByLabel(en("myAccount.current")).fill("not the password");
    await form.getByLabel(en("myAccount.new"), { exact: true }).fill(fresh);
    await form.getByLabel(en("myAccount.again")).fill(fresh);
    await form.getByRole("button", { name: en("myAccount.submit"), exact: true }).click();
    await visible(form.getByRole("alert"), "the refusal of a wrong current password");
    assert.ok(await page.getByRole("navigation", { name: en("nav.label") }).isVisible(), "signed out by a wrong current password");

    await form.getByLabel(en("myAccount.current")).fill(me.password);
    await form.getByLabel(en("myAccount.new"), { exact: true }).fill(fresh);
    await form.getByLabel(en("myAccount.again")).fill(fresh);
    await form.getByRole("button", { name: en("myAccount.submit"), exact: true }).click();
    await status(page, en("myAccount.changed"));
  });
  assert.ok(await tokenOf({ username: me.username, password: fresh }), "signing in with the new password");
  await assert.rejects(tokenOf(me), /UNAUTHENTICATED/, "the old password still works");
});
