// Who is signed in: the token from the `login` mutation (or pasted), kept in localStorage so
// a reload or a shared link keeps the operator signed in until the token expires.
import { computed, signal } from "@preact/signals";

export type Role = "ADMIN" | "OPERATOR" | "VIEWER" | "DRIVER";

export interface Session {
  token: string;
  role: Role;
  sub: string;
  /** The stations the token is limited to; absent means all. */
  stations?: string[] | null;
  expiresAt?: string | null;
}

const KEY = "chargegate.session";

function load(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(load());
/** Why the last session ended, shown on the login page ("expired"). */
export const endedBecause = signal<string | null>(null);

export function signIn(s: Session) {
  localStorage.setItem(KEY, JSON.stringify(s));
  endedBecause.value = null;
  session.value = s;
}

export function signOut(reason: string | null = null) {
  localStorage.removeItem(KEY);
  endedBecause.value = reason;
  session.value = null;
}

export const role = computed(() => session.value?.role ?? null);
/** Staff may see everything operational; operators and admins may change things. */
export const isStaff = computed(() => role.value !== null && role.value !== "DRIVER");
export const canOperate = computed(() => role.value === "ADMIN" || role.value === "OPERATOR");
export const isAdmin = computed(() => role.value === "ADMIN");
