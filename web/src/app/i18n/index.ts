// The drivers' app's two languages (English, Bahasa Indonesia): its own small dictionary
// (app.en.json, app.id.json; web/tests/i18n.test.mjs checks both), not the console's, so the
// app loads only its own strings. The choice is remembered under the same key as the console's,
// so a person who uses both keeps one language. Numbers, dates and units through Intl.
import { computed, signal } from "@preact/signals";
import en from "./app.en.json";
import id from "./app.id.json";

export type Lang = "en" | "id";
const dictionaries: Record<Lang, Record<string, string>> = { en, id };
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
export function t(key: string, vars?: Record<string, string | number>): string {
  let s = dictionaries[lang.value][key] ?? dictionaries.en[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** Whether the dictionary has `key` (for strings chosen by an error code or a status). */
export function has(key: string): boolean {
  return key in dictionaries.en;
}

export const locale = computed(() => (lang.value === "id" ? "id-ID" : "en-GB"));

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale.value}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale.value, options)));
  return f;
}
function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale.value}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale.value, options)));
  return f;
}

export function fmtNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** Watt-hours as kWh, two decimals (a phone's main figure: always the same width). */
export function fmtKWh(wh: number | null | undefined): string {
  if (wh === null || wh === undefined || Number.isNaN(wh)) return "–";
  return `${numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wh / 1000)} kWh`;
}

/** Watts as W below 1 kW, else kW with one decimal. */
export function fmtPower(w: number | null | undefined): string {
  if (w === null || w === undefined || Number.isNaN(w)) return "–";
  return Math.abs(w) < 1000 ? `${fmtNumber(w)} W` : `${fmtNumber(w / 1000, 1)} kW`;
}

export function fmtPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "–";
  return numberFormat({ style: "percent", maximumFractionDigits: 0 }).format(p / 100);
}

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  return dateTimeFormat({ dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function fmtTime(iso: string | Date | null | undefined): string {
  if (!iso) return "–";
  return dateTimeFormat({ timeStyle: "short" }).format(new Date(iso));
}

export function fmtMonth(iso: string): string {
  return dateTimeFormat({ month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** A running clock: 1:05:09, or 5:09 under an hour. */
export function fmtClock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds < 0) return "–";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A duration in words: "2 h 5 min", "12 min", "40 s". */
export function fmtDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h > 0) return t("unit.hMin", { h, m });
  if (m > 0) return t("unit.min", { m });
  return t("unit.s", { s: Math.max(0, Math.floor(seconds)) });
}
