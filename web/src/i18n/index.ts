// The console's two languages (English, Bahasa Indonesia): strings by key from the
// `<area>.en.json` and `<area>.id.json` files here (tests/i18n.test.mjs fails on a key missing
// in either, or used in the source but defined nowhere), the choice remembered, and numbers,
// dates and units formatted for it with Intl.
import { computed, signal } from "@preact/signals";

export type Key = string;
export type Lang = "en" | "id";

function merge(files: Record<string, { default: Record<string, string> }>): Record<Key, string> {
  return Object.assign({}, ...Object.values(files).map((m) => m.default));
}
const dictionaries: Record<Lang, Record<Key, string>> = {
  en: merge(import.meta.glob("./*.en.json", { eager: true })),
  id: merge(import.meta.glob("./*.id.json", { eager: true })),
};
export const LANGS: { code: Lang; name: string }[] = [
  { code: "en", name: "English" },
  { code: "id", name: "Bahasa Indonesia" },
];

const KEY = "chargegate.lang";
function initial(): Lang {
  const saved = localStorage.getItem(KEY);
  if (saved === "en" || saved === "id") return saved;
  return navigator.language.toLowerCase().startsWith("id") ? "id" : "en";
}

export const lang = signal<Lang>(initial());
export function setLang(l: Lang) {
  localStorage.setItem(KEY, l);
  lang.value = l;
  document.documentElement.lang = l;
}
document.documentElement.lang = lang.value;

/** The string of `key` in the chosen language, with `{name}` placeholders filled. */
export function t(key: Key, vars?: Record<string, string | number>): string {
  let s = dictionaries[lang.value][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

const locale = computed(() => (lang.value === "id" ? "id-ID" : "en-GB"));

// Formatters are costly to make (each loads locale data) and pages format hundreds of values
// on every live update: one per locale and options, kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  options: object,
  make: (locale: string) => T,
): T {
  const key = `${kind}|${locale.value}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make(locale.value);
    formatters.set(key, f);
  }
  return f;
}
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached("n", options, (l) => new Intl.NumberFormat(l, options));
}
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached("d", options, (l) => new Intl.DateTimeFormat(l, options));
}

export function fmtNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** Watt-hours as kWh with up to 2 decimals. */
export function fmtKWh(wh: number | null | undefined): string {
  if (wh === null || wh === undefined) return "–";
  return `${fmtNumber(wh / 1000, 2)} kWh`;
}

/** Watts as W below 1 kW, else kW. */
export function fmtPower(w: number | null | undefined): string {
  if (w === null || w === undefined) return "–";
  return Math.abs(w) < 1000 ? `${fmtNumber(w)} W` : `${fmtNumber(w / 1000, 1)} kW`;
}

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  return dateTimeFormat({ dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
}

export function fmtDate(iso: string | Date | null | undefined): string {
  if (!iso) return "–";
  return dateTimeFormat({ dateStyle: "medium" }).format(new Date(iso));
}

export function fmtDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** "5 minutes ago" in the chosen language. */
export function fmtAgo(iso: string | null | undefined): string {
  if (!iso) return "–";
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const rtf = cached("r", {}, (l) => new Intl.RelativeTimeFormat(l, { numeric: "auto" }));
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
}
