// Issue 22 in the console, part one: a station's page shows a QR code per connector whose
// pixels decode (jsQR, as a phone's camera would) to the drivers' app's link for that
// connector, with the link as text; the printable stickers carry the station's name, the
// connector, the code and the instruction in the chosen language, and print without the
// console around them. A driver who signs in to the console is sent to the drivers' app;
// staff keep the console, with a link to the app.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import jsQR from "jsqr";
import {
  ChargePoint,
  en,
  env,
  gql,
  launch,
  openConsole,
  screenshot,
  textWhen,
  tokenOf,
  tr,
  visible,
  waitFor,
  withConsole,
} from "./harness.mjs";

const STATION = "CP-E2E-QR";
const NAME = "Library car park, bay 3";

let browser;
let cp;
before(async () => {
  browser = await launch();
  cp = await ChargePoint.connect(STATION, { connectors: 2 });
  await cp.boot();
  await gql(
    "mutation($id: ID!, $n: String) { updateStationDetails(id: $id, input: {displayName: $n}) { id } }",
    { id: STATION, n: NAME },
    await tokenOf(env.admin),
  );
});
after(async () => {
  await cp?.close();
  await browser?.close();
});

/** The drivers' app's link to a connector, as the console must print it. */
const link = (connector) => `${env.url}/app/charge/${encodeURIComponent(STATION)}/${connector}`;

/**
 * What a camera would read from the QR code `svg` (a locator): the SVG drawn on a canvas in
 * the page, its pixels decoded here by jsQR. Null when no code is found.
 */
async function decode(svg) {
  const size = 360;
  const pixels = await svg.evaluate(async (el, size) => {
    const xml = new XMLSerializer().serializeToString(el);
    const url = URL.createObjectURL(new Blob([xml], { type: "image/svg+xml" }));
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#888";
      ctx.fillRect(0, 0, size, size);
      ctx.drawImage(img, 0, 0, size, size);
      return Array.from(ctx.getImageData(0, 0, size, size).data);
    } finally {
      URL.revokeObjectURL(url);
    }
  }, size);
  return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data ?? null;
}

test("each connector's QR code decodes to its /app/charge link, shown beside it", async () => {
  await withConsole(browser, { ...env.operator, path: `/stations/${STATION}` }, async ({ page }) => {
    const section = page.getByRole("region", { name: en("qr.title") });
    await visible(section, "the drivers' QR codes section");
    for (const n of [1, 2]) {
      const code = page.getByTestId(`qr-${n}`);
      await visible(code, `connector ${n}'s QR code`);
      assert.equal(await code.getAttribute("role"), "img");
      assert.equal(await code.getAttribute("aria-label"), en("qr.codeOf", { n }));
      assert.equal(await decode(code), link(n), `connector ${n}'s code decodes to its link`);
      const text = page.getByTestId(`qr-link-${n}`);
      assert.equal((await text.textContent()).trim(), link(n), `connector ${n}'s link as text`);
      assert.equal(await text.getAttribute("href"), link(n));
    }
    // Connector 0 (the charge point itself) gets none.
    assert.equal(await page.getByTestId("qr-0").count(), 0, "a QR code for connector 0");
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, "station-qr");

    // The stickers: a link within the console.
    await page.evaluate(() => (window.__e2eSameDocument = true));
    await section.getByRole("link", { name: en("qr.printStickers"), exact: true }).click();
    await waitFor(() => new URL(page.url()).pathname === `/stations/${STATION}/qr`, "the stickers' address");
    assert.equal(await page.evaluate(() => window.__e2eSameDocument), true, "the stickers were a full page load");
    await visible(page.getByRole("heading", { level: 1, name: en("qr.stickersTitle", { name: NAME }) }), "the stickers' title");
    for (const n of [1, 2]) {
      const sticker = page.getByTestId(`sticker-${n}`);
      await textWhen(sticker, (s) => s.includes(NAME), `sticker ${n} with the station's name`);
      const text = (await sticker.textContent()).replace(/\s+/g, " ");
      assert.ok(text.includes(en("station.connector", { n })), `sticker ${n} names its connector: ${text}`);
      assert.ok(text.includes(en("qr.instruction")), `sticker ${n} has the instruction: ${text}`);
      assert.ok(text.includes(link(n)), `sticker ${n} has the link as text: ${text}`);
      assert.equal(await decode(page.getByTestId(`sticker-qr-${n}`)), link(n), `sticker ${n}'s code decodes to its link`);
    }
    assert.equal(await page.getByTestId("sticker-0").count(), 0, "a sticker for connector 0");
    await visible(page.getByRole("button", { name: en("qr.print"), exact: true }), "the Print button");
    await screenshot(page, "qr-stickers");

    // On paper: the stickers only, not the console's navigation or the page's buttons.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.getByRole("navigation", { name: en("nav.label") }).isVisible(), false, "the navigation printed");
    assert.equal(await page.getByRole("button", { name: en("qr.print"), exact: true }).isVisible(), false, "the Print button printed");
    assert.equal(await page.getByTestId("sticker-1").isVisible(), true, "sticker 1 not printed");
    assert.equal(await page.getByTestId("sticker-2").isVisible(), true, "sticker 2 not printed");
    await page.emulateMedia({ media: "screen" });

    // In Bahasa Indonesia, the instruction is too.
    await page.getByLabel(en("nav.language")).selectOption("id");
    await textWhen(page.getByTestId("sticker-1"), (s) => s.includes(tr("id", "qr.instruction")), "the instruction in Bahasa Indonesia");
    await page.getByLabel(tr("id", "nav.language")).selectOption("en");
  });

  // The same page on a phone: nothing wider than the screen.
  await withConsole(browser, { ...env.operator, path: `/stations/${STATION}`, viewport: { width: 360, height: 800 } }, async ({ page }) => {
    await visible(page.getByTestId("qr-2"), "connector 2's QR code at 360 px");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow} px wider than a 360 px screen`);
  });
});

test("a driver who signs in to the console is sent to the drivers' app; staff get a link to it", async () => {
  const c = await openConsole(browser, { path: "/transactions" });
  try {
    const { page } = c;
    await page.getByLabel(en("login.username")).fill(env.driver.username);
    await page.getByLabel(en("login.password")).fill(env.driver.password);
    await page.getByRole("button", { name: en("login.submit"), exact: true }).click();
    await waitFor(() => new URL(page.url()).pathname.startsWith("/app"), "the driver to land on /app");
    assert.equal(new URL(page.url()).pathname, "/app/");
    // The console's own navigation is gone (a full navigation, not a route in the console).
    await page.waitForLoadState("load");
    assert.equal(await page.getByRole("link", { name: en("nav.stations"), exact: true }).count(), 0, "the console's navigation");
    // Opening the console again with the driver's session: the app again, every time.
    await c.go("/tags");
    await waitFor(() => new URL(page.url()).pathname === "/app/", "the driver's session sent to /app from /tags");
    await c.done();
  } catch (e) {
    await c.close();
    throw e;
  }

  await withConsole(browser, { ...env.operator, path: "/" }, async ({ page }) => {
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    const toApp = nav.getByRole("link", { name: en("nav.driversApp"), exact: true });
    await visible(toApp, "the Drivers' app link for staff");
    assert.equal(await toApp.getAttribute("href"), "/app/");
    await toApp.click();
    // A full navigation to the app (the console does not route /app itself), not sent back.
    await waitFor(() => new URL(page.url()).pathname === "/app/", "staff to open /app/ from the link");
    await page.waitForLoadState("load");
    assert.equal(new URL(page.url()).pathname, "/app/");
  });
});
