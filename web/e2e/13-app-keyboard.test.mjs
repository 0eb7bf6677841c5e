// The drivers' app by keyboard alone (a phone with a keyboard, or a screen reader's keys): the
// skip link, the tag and the Start button reached with Tab, focus always visible, the
// confirmation a native dialog (Escape cancels and nothing is sent; Enter confirms), the same
// for Stop, and the bottom navigation.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, appEn, env, launch, visible, waitFor, withApp } from "./harness.mjs";

const STATION = "CP-E2E-APP-4";

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(STATION);
  await cp.boot();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

/** Presses Tab until the focused element's text (or label) is `name`; checks the focus is visible. */
async function tabTo(page, name) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        text: (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim(),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      };
    });
    if (focused?.text === name) {
      assert.ok(focused.outline, `the focus on ${name} is not visible`);
      return;
    }
  }
  throw new Error(`${name} not reached with Tab`);
}

/** The text of the element that has the keyboard focus. */
const focusedText = (page) => page.evaluate(() => (document.activeElement?.textContent ?? "").trim());

test("start and stop by keyboard alone, Escape cancelling each confirmation", async () => {
  await withApp(browser, { ...env.driver, path: `/app/charge/${STATION}/1` }, async ({ page }) => {
    await visible(page.getByRole("heading", { name: appEn("charge.title"), exact: true }), "the start screen");
    await waitFor(() => page.getByRole("radio").first().isChecked(), "the driver's tag chosen");
    // The skip link first, to the screen's content.
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo(page, appEn("nav.skip"));
    await page.keyboard.press("Enter");
    await waitFor(() => page.evaluate(() => document.activeElement?.id === "main"), "the focus on the content");

    // Start: Tab to it, Enter; the dialog's Escape cancels and nothing is sent.
    await tabTo(page, appEn("charge.start"));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await visible(dialog, "the confirmation");
    await page.keyboard.press("Escape");
    await waitFor(async () => !(await dialog.isVisible()), "the confirmation closed");
    assert.equal(cp.received.filter((c) => c.action === "RemoteStartTransaction").length, 0, "a cancelled start was sent");
    // The focus is back on Start: again, and Enter confirms (the confirm button has the focus).
    await waitFor(async () => (await focusedText(page)) === appEn("charge.start"), "the focus back on Start");
    await page.keyboard.press("Enter");
    await visible(dialog, "the confirmation again");
    await page.keyboard.press("Enter");
    await cp.receivedCall("RemoteStartTransaction");
    const tx = await cp.start(1, env.driverTag, 0);
    await waitFor(() => new URL(page.url()).pathname === `/app/session/${tx}`, "the session opened");

    // Stop, the same way.
    await visible(page.getByRole("heading", { name: appEn("session.title"), exact: true }), "the session screen");
    await tabTo(page, appEn("session.stop"));
    await page.keyboard.press("Enter");
    await visible(dialog, "the stop confirmation");
    await page.keyboard.press("Escape");
    await waitFor(async () => !(await dialog.isVisible()), "the stop confirmation closed");
    assert.equal(cp.received.filter((c) => c.action === "RemoteStopTransaction").length, 0, "a cancelled stop was sent");
    await waitFor(async () => (await focusedText(page)) === appEn("session.stop"), "the focus back on Stop");
    await page.keyboard.press("Enter");
    await visible(dialog, "the stop confirmation again");
    await page.keyboard.press("Enter");
    assert.equal((await cp.receivedCall("RemoteStopTransaction")).payload.transactionId, tx);
    await cp.stop(1, tx, 800, "Remote");
    await visible(page.getByRole("heading", { name: appEn("session.endedTitle"), exact: true }), "the session ended");

    // The bottom navigation, by keyboard.
    await tabTo(page, appEn("nav.history"));
    await page.keyboard.press("Enter");
    await visible(page.getByRole("heading", { name: appEn("history.title"), exact: true }), "the history");
    await visible(page.getByTestId(`history-${tx}`), "the session in the history");
  });
});
