// Transactions: the list shows a finished transaction, its CSV export (captured from the
// browser's download) has the header and the transaction's row; usage and id tags pages.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text) {
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

test("the transactions page exports what it lists as CSV", async () => {
  cp = await ChargePoint.connect("CP-E2E-2");
  await cp.boot();
  const tx = await cp.start(1, env.staffTag, 1000);
  await cp.meter(1, tx, 3500, 7400);
  await cp.stop(1, tx, 6000);

  await withConsole(browser, { ...env.admin, path: "/transactions?station=CP-E2E-2" }, async ({ page, go }) => {
    const table = page.getByRole("table");
    await visible(table.getByRole("link", { name: String(tx), exact: true }), `transaction ${tx} in the list`);
    await screenshot(page, "transactions");

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.getByRole("button", { name: en("common.exportCsv") }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^transactions-.*\.csv$/);
    const rows = parseCsv(readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, ""));
    const [header, ...data] = rows;
    assert.deepEqual(header, [
      "id",
      "stationId",
      "connectorId",
      "idTag",
      "startedAt",
      "stoppedAt",
      "durationSeconds",
      "energyWh",
      "stopReason",
      "flags",
    ]);
    assert.equal(data.length, 1, `only CP-E2E-2's transaction (the filter): ${JSON.stringify(data)}`);
    const row = Object.fromEntries(header.map((h, i) => [h, data[0][i]]));
    assert.equal(row.id, String(tx));
    assert.equal(row.stationId, "CP-E2E-2");
    assert.equal(row.connectorId, "1");
    assert.equal(row.idTag, env.staffTag);
    assert.equal(Number(row.energyWh), 5000);
    assert.equal(row.stopReason, "LOCAL");
    assert.ok(!Number.isNaN(Date.parse(row.startedAt)) && !Number.isNaN(Date.parse(row.stoppedAt)), "ISO times");
    await textWhen(page.getByRole("status").filter({ hasText: /1/ }), (s) => s.includes("1"), "the export's outcome");

    await go("/usage");
    await textWhen(page.getByRole("heading", { level: 1 }), (s) => s === en("nav.usage"), "the usage page");
    await page.waitForLoadState("networkidle");
    await screenshot(page, "usage");

    await go("/tags");
    await textWhen(page.getByRole("heading", { level: 1 }), (s) => s === en("nav.tags"), "the id tags page");
    await visible(page.getByText(env.driverTag, { exact: true }), `${env.driverTag} in the id tags list`);
    await screenshot(page, "id-tags");
  });
});
