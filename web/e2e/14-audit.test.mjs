// The audit trail in the console (issue 23): an administrator creates an id tag on the tags
// page and finds the action on the audit page (who, what, the outcome), filters it by target,
// and exports a failed login's row as CSV with its password masked; an operator has no audit
// page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { en, env, launch, screenshot, textWhen, tokenOf, visible, waitFor, withConsole } from "./harness.mjs";

const TAG = "E2E-AUDIT-1";
const WRONG = "not the admin's password";

/** RFC 4180 CSV into rows of strings (as 03-transactions reads its export). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("an administrator's action in the console is on the audit page, and exports as CSV", async () => {
  await withConsole(browser, { ...env.admin, path: "/tags" }, async ({ page }) => {
    const create = page.getByRole("region", { name: en("tags.create"), exact: true });
    await create.getByLabel(en("tags.tag"), { exact: true }).fill(TAG);
    await create.getByRole("button", { name: en("tags.createSubmit"), exact: true }).click();
    await visible(page.getByText(en("tags.createdOk", { tag: TAG })), "the tag created");

    // A failed login meanwhile (from this test, not the browser).
    const refused = await fetch(`${env.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
        variables: { u: env.admin.username, p: WRONG },
      }),
    }).then((r) => r.json());
    assert.equal(refused.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");

    const nav = page.getByRole("navigation", { name: en("nav.label") });
    await nav.getByRole("link", { name: en("nav.audit"), exact: true }).click();
    const table = page.getByTestId("audit-table");
    const row = table.getByRole("row").filter({ hasText: TAG });
    const shown = await textWhen(row.first(), (s) => s.includes("createIdTag"), `the createIdTag row of ${TAG}`);
    assert.ok(shown.includes(env.admin.username), `who: ${shown}`);
    assert.ok(shown.includes("OK"), `the outcome: ${shown}`);
    await screenshot(page, "audit");

    // Filtered by target: only that row.
    await page.getByRole("search").getByLabel(en("audit.target"), { exact: true }).fill(TAG);
    await page.waitForURL((u) => u.searchParams.get("target") === TAG);
    await waitFor(async () => (await table.locator("tbody tr").count()) === 1, "the list filtered to one row");
    assert.ok((await table.locator("tbody").textContent()).includes(TAG));

    // The failed login, exported: its password masked.
    await page.getByRole("search").getByLabel(en("audit.target"), { exact: true }).fill("");
    await page.getByRole("search").getByLabel(en("audit.action"), { exact: true }).fill("loginFailed");
    await page.waitForURL((u) => u.searchParams.get("action") === "loginFailed" && !u.searchParams.get("target"));
    await waitFor(async () => {
      const actions = await table.locator("tbody th").allTextContents();
      return actions.length > 0 && actions.every((a) => a === "loginFailed");
    }, "the list filtered to failed logins");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.getByRole("button", { name: en("common.exportCsv") }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^audit-.*\.csv$/);
    const text = readFileSync(await download.path(), "utf8");
    assert.ok(!text.includes(WRONG), "the password tried is in the CSV file");
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header, ["id", "at", "sub", "role", "address", "action", "target", "arguments", "outcome", "answer"]);
    const failed = rows.find((r) => r[6] === env.admin.username);
    assert.ok(failed, `the failed login of ${env.admin.username} in ${JSON.stringify(rows)}`);
    assert.equal(failed[2], "", "a failed login has no account");
    assert.equal(failed[5], "loginFailed");
    assert.equal(failed[8], "UNAUTHENTICATED");
    assert.deepEqual(JSON.parse(failed[7]), { username: env.admin.username, password: "***" });
    assert.ok(rows.every((r) => r[5] === "loginFailed"), "only the filtered action exported");
  });
});

test("an operator has no audit page, and the API refuses it the trail", async () => {
  await withConsole(browser, { ...env.operator, path: "/" }, async ({ page }) => {
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    await visible(nav.getByRole("link", { name: en("nav.accounts"), exact: true }), "the operator's navigation");
    assert.equal(await nav.getByRole("link", { name: en("nav.audit"), exact: true }).count(), 0);
  });
  const operator = await tokenOf(env.operator);
  const refused = await fetch(`${env.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${operator}` },
    body: JSON.stringify({ query: "{ auditLog { totalCount } }" }),
  }).then((r) => r.json());
  assert.equal(refused.errors?.[0]?.extensions?.code, "FORBIDDEN");
});
