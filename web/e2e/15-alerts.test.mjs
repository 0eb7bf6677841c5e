// Issue 23's alerts in the console: an administrator adds a webhook (its secret shown once) and
// a rule for faulted connectors; a charge point reports a fault and the alert appears in the
// list at once (the `alerts` subscription), with its webhook delivery; an operator sees the
// rules but not the webhooks; a viewer sees only the alerts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, gql, launch, screenshot, textWhen, tokenOf, visible, withConsole } from "./harness.mjs";

const RULE = "E2E faults";
const HOOK = "E2E receiver";

let browser;
let admin;
before(async () => {
  browser = await launch();
  admin = await tokenOf(env.admin);
});
after(async () => {
  await browser?.close();
});

test("an administrator sets a webhook and a rule, and a fault shows up live", async () => {
  await withConsole(browser, { ...env.admin, path: "/alerts" }, async ({ page }) => {
    await visible(page.getByRole("heading", { name: en("alerts.title"), exact: true }), "the alerts page");
    // A webhook to an address nothing listens on: its delivery stays pending.
    const hookForm = page.getByRole("form", { name: en("alerts.newWebhook"), exact: true });
    await hookForm.getByLabel(en("alerts.name")).fill(HOOK);
    await hookForm.getByLabel(en("alerts.url")).fill("http://127.0.0.1:9/hook");
    await hookForm.getByRole("button", { name: en("alerts.addWebhook"), exact: true }).click();
    const secret = await textWhen(page.getByTestId("webhook-secret"), (s) => /^[0-9a-f]{32}$/.test(s), "the secret");
    assert.equal(secret.length, 32);
    await textWhen(page.getByTestId("webhooks-table"), (s) => s.includes(HOOK), "the webhook in its table");

    const ruleForm = page.getByRole("form", { name: en("alerts.newRule"), exact: true });
    await ruleForm.getByLabel(en("alerts.name")).fill(RULE);
    await ruleForm.getByLabel(en("alerts.kindCol")).selectOption("CONNECTOR_FAULTED");
    await ruleForm.getByRole("button", { name: en("alerts.addRule"), exact: true }).click();
    await textWhen(page.getByTestId("rules-table"), (s) => s.includes(RULE), "the rule in its table");
    const rules = await gql("{ alertRules { name kind } }", {}, admin);
    assert.ok(rules.alertRules.some((r) => r.name === RULE && r.kind === "CONNECTOR_FAULTED"));

    const cp = await ChargePoint.connect("CP-E2E-ALERT");
    try {
      await cp.boot();
      await cp.status(1, "Faulted", "GroundFailure");
      const row = await textWhen(
        page.getByTestId("alerts-table"),
        (s) => s.includes("CP-E2E-ALERT connector 1 is Faulted (GroundFailure)"),
        "the alert in the list",
      );
      assert.ok(row.includes(en("alerts.kind.CONNECTOR_FAULTED")), row);
      await screenshot(page, "alerts");
    } finally {
      cp.close();
    }
  });
});

test("an operator sees the rules but not the webhooks; a viewer only the alerts", async () => {
  await withConsole(browser, { ...env.operator, path: "/alerts" }, async ({ page }) => {
    await textWhen(page.getByTestId("rules-table"), (s) => s.includes(RULE), "the rules");
    assert.equal(await page.getByRole("heading", { name: en("alerts.webhooks"), exact: true }).count(), 0);
  });
  await withConsole(browser, { ...env.viewer, path: "/alerts" }, async ({ page }) => {
    await textWhen(page.getByTestId("alerts-table"), (s) => s.includes("CP-E2E-ALERT"), "the alerts");
    assert.equal(await page.getByRole("heading", { name: en("alerts.rules"), exact: true }).count(), 0);
  });
});
