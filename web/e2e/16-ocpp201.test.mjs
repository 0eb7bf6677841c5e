// A mixed fleet in the console (issue 24): an OCPP 2.0.1 station that boots, reports its EVSE
// occupied and starts charging is listed with its version beside 1.6 stations, and its page
// shows the version, the EVSE's status in the one set (Charging) and the status as the station
// said it (Occupied), live; its Configuration tab shows its device model, from its report; its
// security commands offer 2.0.1's certificate kinds.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, launch, textWhen, visible, withConsole } from "./harness.mjs";

const ID = "E2E-201";

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(ID, { protocol: "ocpp2.0.1" });
  await cp.call("BootNotification", {
    reason: "PowerUp",
    chargingStation: { vendorName: "E2E", model: "Fake DC 50", firmwareVersion: "2.0.1-e2e" },
  });
  await cp.call("StatusNotification", {
    timestamp: new Date().toISOString(),
    connectorStatus: "Available",
    evseId: 1,
    connectorId: 1,
  });
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

test("a 2.0.1 station shows its version and its EVSE's status, live", async () => {
  await withConsole(browser, { ...env.admin, path: `/stations?search=${ID}` }, async ({ page }) => {
    const row = page.locator(`tr[data-station="${ID}"]`);
    await textWhen(row, (s) => s.includes("2.0.1"), "the version in the stations list");
  });
  await withConsole(browser, { ...env.admin, path: `/stations/${ID}` }, async ({ page }) => {
    await visible(page.getByText(en("station.ocppVersion"), { exact: true }), "the version's row");
    await textWhen(page.getByTestId("ocpp-status-1"), (s) => s === en("station.ocppStatus", { status: "Available" }), "Available as sent");
    const at = new Date().toISOString();
    await cp.call("StatusNotification", { timestamp: at, connectorStatus: "Occupied", evseId: 1, connectorId: 1 });
    await cp.call("TransactionEvent", {
      eventType: "Started",
      timestamp: at,
      triggerReason: "CablePluggedIn",
      seqNo: 0,
      transactionInfo: { transactionId: "e2e-201-tx", chargingState: "Charging" },
      evse: { id: 1, connectorId: 1 },
      meterValue: [
        {
          timestamp: at,
          sampledValue: [{ value: 0, context: "Transaction.Begin", measurand: "Energy.Active.Import.Register" }],
        },
      ],
    });
    await textWhen(page.getByTestId("status-1"), (s) => s === "charging", "Charging, without a reload");
    await page.reload();
    await textWhen(page.getByTestId("ocpp-status-1"), (s) => s === en("station.ocppStatus", { status: "Occupied" }), "Occupied as sent");
  });
});

test("a 2.0.1 station's device model is on its Configuration tab", async () => {
  await cp.call("NotifyReport", {
    requestId: 7,
    generatedAt: new Date().toISOString(),
    seqNo: 0,
    tbc: false,
    reportData: [
      {
        component: { name: "OCPPCommCtrlr" },
        variable: { name: "HeartbeatInterval" },
        variableAttribute: [{ type: "Actual", value: "300", mutability: "ReadWrite" }],
      },
    ],
  });
  await withConsole(browser, { ...env.admin, path: `/stations/${ID}/configuration` }, async ({ page }) => {
    const table = page.getByTestId("device-model");
    await textWhen(table, (s) => s.includes("OCPPCommCtrlr") && s.includes("HeartbeatInterval") && s.includes("300"), "the reported variable");
    await visible(page.getByRole("button", { name: en("station.modelFullReport"), exact: true }), "the full report button");
  });
});

test("a 2.0.1 station's certificate commands offer 2.0.1's kinds", async () => {
  await withConsole(browser, { ...env.admin, path: `/stations/${ID}/commands?group=security` }, async ({ page }) => {
    const offering = (value) => page.locator("select").filter({ has: page.locator(`option[value="${value}"]`) });
    // Install and list both offer the 2.0.1 roots; only the list offers a V2G chain (a chain
    // is never installed: it comes signed).
    await visible(offering("V2G_ROOT_CERTIFICATE").first(), "2.0.1's kinds");
    assert.equal(await offering("V2G_ROOT_CERTIFICATE").count(), 2);
    assert.equal(await offering("MO_ROOT_CERTIFICATE").count(), 2);
    assert.equal(await offering("V2G_CERTIFICATE_CHAIN").count(), 1);
  });
});
