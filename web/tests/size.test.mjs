// The front ends' JavaScript stays within its budgets: the console at most 300 KB gzipped in
// all (every chunk it can load, from index.html through static and dynamic imports), the
// drivers' app at most 150 KB (the same, from app.html; chunks it shares with the console
// count for both). GraphiQL's page is separate and not counted. Reads the built web/dist, so it
// runs after `npm run build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url);

/** Every script `page` can load, and their gzipped size (level 9). */
function reachable(page) {
  const html = readFileSync(new URL(page, dist), "utf8");
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(queue.length > 0, `${page} names its script`);
  const seen = new Set();
  let total = 0;
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(new URL(file, dist));
    total += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString("utf8").matchAll(/["'`](?:\.\/|\/assets\/)([\w.-]+\.js)["'`]/g))
      queue.push(`assets/${m[1]}`);
  }
  return { files: seen.size, total, names: [...seen] };
}

const built = (page) => existsSync(new URL(page, dist)) || "web/dist not built";

test("the console's JavaScript is at most 300 KB gzipped", { skip: built("index.html") === true ? false : built("index.html") }, () => {
  const BUDGET = 300 * 1024;
  const { files, total } = reachable("index.html");
  console.log(`console JavaScript: ${files} files, ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(files > 1, "the lazy pages were found");
  assert.ok(total <= BUDGET, `${total} bytes gzipped > ${BUDGET}`);
});

test("the drivers' app's JavaScript is at most 150 KB gzipped", { skip: built("app.html") === true ? false : built("app.html") }, () => {
  const BUDGET = 150 * 1024;
  const { files, total, names } = reachable("app.html");
  console.log(`app JavaScript: ${files} files, ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(files > 1, "the lazy screens were found");
  assert.ok(total <= BUDGET, `${total} bytes gzipped > ${BUDGET}`);
  // Its service worker is built with it and keeps exactly those files (and the shell).
  const sw = readFileSync(new URL("app/sw.js", dist), "utf8");
  assert.match(sw, /^const VERSION = "[0-9a-f]{16}";/);
  assert.ok(sw.includes('"/app/"'), "the service worker keeps the shell");
  // Not the console's dictionaries (web/src/i18n): the app has its own strings.
  for (const name of names)
    assert.ok(!readFileSync(new URL(name, dist), "utf8").includes("Approvals & security"), `the console's strings are in ${name}`);
});
