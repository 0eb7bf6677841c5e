// The console's JavaScript stays within its budget: at most 300 KB gzipped in all (every chunk
// the console can load, from index.html through static and dynamic imports; GraphiQL's page is
// separate and not counted). Reads the built web/dist, so it runs after `npm run build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url);
const BUDGET = 300 * 1024;

test("the console's JavaScript is at most 300 KB gzipped", { skip: !existsSync(new URL("index.html", dist)) && "web/dist not built" }, () => {
  const html = readFileSync(new URL("index.html", dist), "utf8");
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(queue.length > 0, "index.html names its script");
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
  console.log(`console JavaScript: ${seen.size} files, ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(seen.size > 1, "the lazy pages were found");
  assert.ok(total <= BUDGET, `${total} bytes gzipped > ${BUDGET}`);
});
