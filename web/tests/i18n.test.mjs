// Every string of the console exists in both languages, non-empty, with the same placeholders;
// every key the source uses is defined. Dictionaries: src/i18n/<area>.en.json and .id.json.
// The drivers' app has its own (src/app/i18n/app.en.json and app.id.json), held to the same
// rules against the keys src/app uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";

const dir = new URL("../src/i18n/", import.meta.url);
const areas = readdirSync(dir)
  .filter((f) => f.endsWith(".en.json") || f.endsWith(".id.json"))
  .map((f) => f.replace(/\.(en|id)\.json$/, ""));
const load = (area, lang) => {
  try {
    return JSON.parse(readFileSync(new URL(`${area}.${lang}.json`, dir)));
  } catch (e) {
    assert.fail(`src/i18n/${area}.${lang}.json: ${e.message}`);
  }
};
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const all = { en: {}, id: {} };

for (const area of new Set(areas)) {
  test(`${area}: every key in both languages, none empty, same placeholders`, () => {
    const en = load(area, "en");
    const id = load(area, "id");
    assert.deepEqual(Object.keys(en).filter((k) => !(k in id)), [], `keys missing in ${area}.id.json`);
    assert.deepEqual(Object.keys(id).filter((k) => !(k in en)), [], `keys missing in ${area}.en.json`);
    for (const [k, v] of Object.entries(en)) {
      assert.ok(v.trim(), `${area}.en.json: ${k} is empty`);
      assert.ok(id[k].trim(), `${area}.id.json: ${k} is empty`);
      assert.deepEqual(placeholders(id[k]), placeholders(v), `placeholders of ${k}`);
      assert.ok(!(k in all.en), `${k} is defined in two areas`);
    }
    Object.assign(all.en, en);
    Object.assign(all.id, id);
  });
}

/** The keys `t("…")` calls use under `dir` (src/gql, and `skip`, left out). */
function usedKeys(dir, skip = null) {
  const used = new Set();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = `${d}/${name}`;
      if (name === "gql" || path === skip) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name))
        for (const m of readFileSync(path, "utf8").matchAll(/\bt\(\s*"([\w.]+)"/g)) used.add(m[1]);
    }
  };
  walk(dir);
  return used;
}

const src = new URL("../src", import.meta.url).pathname;

test("every key used in the source is defined", () => {
  const used = usedKeys(src, `${src}/app`);
  assert.ok(used.size > 10, "the scan found the source's t() calls");
  assert.deepEqual([...used].filter((k) => !(k in all.en)), [], "keys used but not defined");
});

test("the drivers' app: every key in both languages, none empty, same placeholders, every used key defined", () => {
  const read = (lang) => JSON.parse(readFileSync(new URL(`../src/app/i18n/app.${lang}.json`, import.meta.url)));
  const en = read("en");
  const id = read("id");
  assert.deepEqual(Object.keys(en).filter((k) => !(k in id)), [], "keys missing in app.id.json");
  assert.deepEqual(Object.keys(id).filter((k) => !(k in en)), [], "keys missing in app.en.json");
  for (const [k, v] of Object.entries(en)) {
    assert.ok(v.trim(), `app.en.json: ${k} is empty`);
    assert.ok(id[k].trim(), `app.id.json: ${k} is empty`);
    assert.deepEqual(placeholders(id[k]), placeholders(v), `placeholders of ${k}`);
  }
  const used = usedKeys(`${src}/app`);
  assert.ok(used.size > 10, "the scan found the app's t() calls");
  assert.deepEqual([...used].filter((k) => !(k in en)), [], "keys the app uses but does not define");
  // Keys chosen at run time: every connector status, tag status, role and error code shown.
  for (const prefix of ["status.", "tagStatus.", "role.", "error.", "reserve.status."])
    assert.ok(Object.keys(en).some((k) => k.startsWith(prefix)), `no ${prefix}* strings`);
  for (const code of ["STATION_OFFLINE", "STATION_TIMEOUT", "CONNECTOR_OCCUPIED", "BUDGET_EXHAUSTED", "ACCOUNT_PENDING", "NETWORK", "FORBIDDEN"])
    assert.ok(`error.${code}` in en, `no message for ${code}`);
});
