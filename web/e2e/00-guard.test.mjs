// The harness's own check: the other-origin guard sees a request to another origin (or the
// Content-Security-Policy violation that blocks it), so an empty guard in the other files means
// something. The login page itself stays on its origin.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { en, launch, openConsole, visible, waitFor } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the login page stays on its origin, and the guard catches a page that does not", async () => {
  const c = await openConsole(browser, { path: "/" });
  try {
    await visible(c.page.getByRole("button", { name: en("login.submit"), exact: true }), "the login form");
    await c.page.waitForLoadState("networkidle");
    assert.deepEqual(c.problems, [], "the login page went to another origin");
    // A request to another origin (a loopback address nothing listens on).
    await c.page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "http://127.0.0.2:9/pixel.png";
      document.body.append(img);
    });
    await waitFor(() => c.problems.length > 0, "the guard to catch the request to 127.0.0.2");
    assert.match(c.problems.join("\n"), /127\.0\.0\.2/);
  } finally {
    await c.close();
  }
});
