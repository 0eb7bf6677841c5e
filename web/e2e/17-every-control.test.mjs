// Every control of every page by keyboard (issue 21's accessibility bar): on each page of the
// console (as an administrator, at 1440 px and at 360 px) and of the drivers' app (as a driver,
// on a phone), every visible link, button and form control has a name for screen readers, and
// pressing Tab from the top of the page reaches every one of them (a radio group counts as one
// stop, as browsers make it).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ChargePoint, PHONE, env, launch, withApp, withConsole } from "./harness.mjs";

const STATION = "E2E-KBD";

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(STATION, { connectors: 1 });
  await cp.boot();
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

/** Marks the page's visible controls; returns those without a name, and how many there are. */
function markControls(page) {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter(
      (el) => {
        if (el.matches("[tabindex]") && !el.matches("a[href], button, input, select, textarea, summary") && el.tabIndex < 0) return false;
        if (el.disabled || el.type === "hidden" || el.closest("[hidden], [inert], dialog:not([open])")) return false;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return style.visibility !== "hidden" && style.display !== "none" && box.width > 0 && box.height > 0;
      },
    );
    const nameOf = (el) => {
      const by = el.getAttribute("aria-labelledby");
      const labelled = by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : "";
      const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(" ") : "";
      const images = [...el.querySelectorAll("img[alt], svg[aria-label]")].map((i) => i.getAttribute("alt") ?? i.getAttribute("aria-label")).join(" ");
      return [el.getAttribute("aria-label"), labelled, labels, el.textContent, el.getAttribute("title"), images, el.type === "submit" ? el.value : ""]
        .filter(Boolean)
        .join(" ")
        .trim();
    };
    controls.forEach((el, i) => (el.dataset.kbd = String(i)));
    return {
      count: controls.length,
      unnamed: controls.filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 160)),
    };
  });
}

/** Tabs through the page from its top; returns the marked controls that got the focus. */
async function tabThrough(page, count) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  // A date and time field takes a Tab per part (day, month, year, hours, minutes…).
  const reached = new Set();
  for (let i = 0; i < count * 3 + 60 && reached.size < count; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => document.activeElement?.dataset?.kbd ?? null);
    if (at !== null) reached.add(at);
  }
  return reached;
}

async function checkPage(page, path) {
  await page.waitForLoadState("networkidle");
  await page.locator("main h1, main h2").first().waitFor({ timeout: 10_000 });
  const { count, unnamed } = await markControls(page);
  assert.ok(count > 0, `${path}: no controls found`);
  assert.deepEqual(unnamed, [], `${path}: controls without a name`);
  const reached = await tabThrough(page, count);
  // A radio group is one Tab stop (its radios are chosen with the arrow keys): reached when any
  // of its radios is.
  const missed = await page.evaluate((got) => {
    const marked = [...document.querySelectorAll("[data-kbd]")];
    const reachedGroups = new Set(
      marked.filter((el) => got.includes(el.dataset.kbd) && el.type === "radio").map((el) => `${el.form?.id ?? ""}/${el.name}`),
    );
    return marked
      .filter((el) => !got.includes(el.dataset.kbd))
      .filter((el) => !(el.type === "radio" && reachedGroups.has(`${el.form?.id ?? ""}/${el.name}`)))
      .map((el) => el.outerHTML.slice(0, 160));
  }, [...reached]);
  assert.deepEqual(missed, [], `${path}: controls Tab never reached`);
}

const CONSOLE = [
  "/",
  "/stations",
  `/stations/${STATION}`,
  `/stations/${STATION}/journal`,
  `/stations/${STATION}/configuration`,
  `/stations/${STATION}/commands`,
  `/stations/${STATION}/qr`,
  "/transactions",
  "/usage",
  "/tags",
  "/security",
  "/security/profiles",
  "/security/events",
  "/security/csr",
  "/accounts",
  "/account",
  "/alerts",
  "/audit",
];

for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 740 }]) {
  test(`every console control is named and reached by Tab at ${viewport.width} px`, async () => {
    for (const path of CONSOLE) {
      await withConsole(browser, { ...env.admin, path, viewport }, async ({ page }) => {
        await checkPage(page, path);
      });
    }
  });
}

test("every control of the drivers' app is named and reached by Tab on a phone", async () => {
  for (const path of ["/app/", `/app/station/${STATION}`, `/app/charge/${STATION}/1`, "/app/history", "/app/account"]) {
    await withApp(browser, { ...env.driver, path, viewport: PHONE }, async ({ page }) => {
      await checkPage(page, path);
    });
  }
});
