// How many self-registered driver accounts wait for an operator's approval: the count behind
// the badge on the navigation's Accounts link. Read for operators and administrators only;
// a server without self-registration simply has none (and an error leaves no badge).
import { signal } from "@preact/signals";
import { graphql } from "../gql";
import { request } from "./api";
import { canOperate } from "./session";

const PendingQuery = graphql(`
  query PendingAccounts {
    accounts(pending: true) {
      username
    }
  }
`);

/** Accounts waiting for approval; null when unknown (not read, or not the caller's to see). */
export const pendingAccounts = signal<number | null>(null);

let seq = 0;
/** Re-reads the count (after an approval, on navigation, now and then). */
export async function refreshPending(): Promise<void> {
  const mine = ++seq;
  if (!canOperate.value) {
    pendingAccounts.value = null;
    return;
  }
  try {
    const { accounts } = await request(PendingQuery);
    if (mine === seq) pendingAccounts.value = accounts.length;
  } catch {
    if (mine === seq) pendingAccounts.value = null;
  }
}
