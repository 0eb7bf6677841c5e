// The console by keyboard alone: sign in, skip to the content, follow the navigation, open a
// station's Commands tab, send a Reset through its confirmation dialog (Escape cancels, Enter
// confirms) and see the station's answer, without the mouse.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, en, env, launch, visible, waitFor, withConsole } from "./harness.mjs";

let browser;
let cp;
before(async () => {
  browser = await launch();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

/** What has the keyboard focus: its tag, name attribute and text (or accessible label). */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return {
      tag: e?.tagName.toLowerCase() ?? "",
      name: e?.getAttribute("name") ?? "",
      text: (e?.textContent ?? "").trim(),
      label: e?.getAttribute("aria-label") ?? "",
      inDialog: !!e?.closest("dialog"),
    };
  });

/** Presses Tab until `match` holds for the focused element (at most `max` times). */
async function tabTo(page, match, what, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (match(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test("every step of a command can be done with the keyboard alone", async () => {
  cp = await ChargePoint.connect("CP-E2E-KEYS");
  await cp.boot();

  await withConsole(browser, { path: "/" }, async ({ page }) => {
    // Sign in: Tab to the fields, type, Enter submits.
    await tabTo(page, (f) => f.name === "username", "the username field");
    await page.keyboard.type(env.admin.username);
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).name, "password", "Tab goes from the username to the password");
    await page.keyboard.type(env.admin.password);
    await page.keyboard.press("Enter");
    await visible(page.getByRole("navigation", { name: en("nav.label") }), "the console after Enter");

    // The first Tab reaches the skip link; the navigation follows.
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).text, en("nav.skip"), "the first Tab stop is the skip link");
    await tabTo(page, (f) => f.tag === "a" && f.text === en("nav.stations"), "the Stations link");
    await page.keyboard.press("Enter");
    await waitFor(async () => new URL(page.url()).pathname === "/stations", "Enter to open /stations");

    // A station's Commands tab, then the Reset form, by Tab and Enter.
    await page.goto(`${env.url}/stations/CP-E2E-KEYS`);
    await visible(page.getByTestId("connector-1"), "the station's page");
    await tabTo(page, (f) => f.tag === "a" && f.text === en("station.tab.commands"), "the Commands tab");
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: en("station.cmd.reset"), exact: true });
    await visible(form, "the Reset command");
    await tabTo(page, (f) => f.tag === "button" && f.text === en("station.cmd.reset"), "the Reset button");

    // Enter opens the confirmation, Escape closes it without sending anything.
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await visible(dialog, "the confirmation dialog");
    assert.ok((await focused(page)).inDialog, "the focus moves into the dialog");
    await page.keyboard.press("Escape");
    await waitFor(async () => !(await dialog.isVisible()), "Escape to close the dialog");
    assert.ok(!cp.received.some((c) => c.action === "Reset"), "Escape sent nothing");

    // Enter again, Tab to Confirm, Enter: the station gets its Reset and the answer shows.
    await page.keyboard.press("Enter");
    await visible(dialog, "the confirmation dialog again");
    await tabTo(page, (f) => f.inDialog && f.text === en("common.confirm"), "Confirm in the dialog", 5);
    await page.keyboard.press("Enter");
    const reset = await cp.receivedCall("Reset");
    assert.ok(reset, "the station received the Reset");
    await visible(form.getByRole("status"), "the station's answer");
  });
});
