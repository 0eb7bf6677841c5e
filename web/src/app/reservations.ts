// The reservations made in this app, kept on the phone (a driver cannot list a station's
// reservations through the API): shown in the history with a Cancel button until they expire.
import { signal } from "@preact/signals";

export interface Kept {
  id: number;
  stationId: string;
  connectorId: number;
  idTag: string;
  expiryDate: string;
  /** Who made it (the signed-in account), so that another account on the phone does not see it. */
  by?: string;
}

const KEY = "chargegate.app.reservations";
const MAX = 20;

function load(): Kept[] {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? "[]") as Kept[];
    return all.filter((r) => Date.parse(r.expiryDate) > Date.now()).slice(0, MAX);
  } catch {
    return [];
  }
}

export const kept = signal<Kept[]>(load());

function save(list: Kept[]) {
  kept.value = list;
  localStorage.setItem(KEY, JSON.stringify(list));
}

export function remember(r: Omit<Kept, "by">, by?: string) {
  save([{ ...r, by }, ...load().filter((k) => k.id !== r.id)].slice(0, MAX));
}

export function forget(id: number) {
  save(load().filter((k) => k.id !== id));
}

export function current(by: string | undefined): Kept[] {
  return kept.value.filter((r) => Date.parse(r.expiryDate) > Date.now() && (!r.by || r.by === by));
}
