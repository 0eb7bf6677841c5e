// The console's only way to the server: the public GraphQL API over `POST /graphql` and
// `graphql-transport-ws` at `/graphql/ws`, with the signed-in account's token.
import { signal } from "@preact/signals";
import { createClient, type Client } from "graphql-ws";
import type { TypedDocumentString } from "../gql/graphql";
import { session, signOut } from "./session";

/** A GraphQL error as the server coded it (`extensions.code`), or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Result<T> = {
  data?: T | null;
  errors?: readonly { message: string; extensions?: { code?: unknown } }[];
};

function firstError(result: Result<unknown>): ApiError | null {
  const e = result.errors?.[0];
  return e ? new ApiError(e.message, String(e.extensions?.code ?? "ERROR")) : null;
}

export interface RequestOptions {
  /**
   * An UNAUTHENTICATED answer is about what the request itself carries (a wrong current
   * password), not the session's token: keep the session rather than sign out.
   */
  keepSession?: boolean;
}

/** Runs a query or mutation; throws `ApiError` (code `NETWORK` when the server is unreachable). */
export async function request<TData, TVars>(
  document: TypedDocumentString<TData, TVars>,
  ...[variables, options]: TVars extends Record<string, never>
    ? [] | [TVars] | [TVars, RequestOptions]
    : [TVars] | [TVars, RequestOptions]
): Promise<TData> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const token = session.value?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch (e) {
    throw new ApiError(String(e), "NETWORK");
  }
  let result: Result<TData>;
  try {
    result = (await response.json()) as Result<TData>;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, response.status >= 500 ? "NETWORK" : "ERROR");
  }
  const error = firstError(result);
  if (error) {
    if (error.code === "UNAUTHENTICATED" && token && !options?.keepSession) signOut("expired");
    throw error;
  }
  return result.data as TData;
}

/** The live socket's state, for a page's live indicator (the client reconnects by itself). */
export const liveSocket = signal<"connecting" | "connected" | "closed">("closed");

let client: Client | null = null;
let clientToken: string | undefined;

/** The shared `graphql-transport-ws` client of the current token (recreated when it changes). */
function wsClient(): Client {
  const token = session.value?.token;
  if (client && clientToken === token) return client;
  client?.dispose();
  clientToken = token;
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql/ws`;
  client = createClient({
    url,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    lazy: true,
    lazyCloseTimeout: 3000,
    keepAlive: 20_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connecting: () => (liveSocket.value = "connecting"),
      connected: () => (liveSocket.value = "connected"),
      closed: () => (liveSocket.value = "closed"),
    },
    retryWait: async (retries) => {
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 15_000)));
    },
  });
  return client;
}

export interface LiveHandlers<T> {
  /** Each event. */
  next: (data: T) => void;
  /** The stream (re)started: after a reconnect, a `LAGGED` end or waking up, re-read state. */
  resync?: () => void;
  /**
   * Milliseconds after each subscribe to call `resync` once more. graphql-ws does not say when
   * a subscription has taken effect, so what happened between the page's read and that moment
   * would otherwise show only with the next event; a screen that must not miss it (a reading,
   * a stop) sets this.
   */
  settle?: number;
}

/**
 * Subscribes for as long as the returned function is not called: re-subscribes by itself
 * after the server ends the stream (`LAGGED`), the network drops or the tab wakes up, and
 * calls `resync` each time so the page re-reads what it may have missed.
 */
export function live<TData, TVars>(
  doc: TypedDocumentString<TData, TVars>,
  variables: TVars,
  handlers: LiveHandlers<TData>,
): () => void {
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settling: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const start = () => {
    if (stopped) return;
    clearTimeout(settling);
    if (handlers.settle !== undefined) settling = setTimeout(() => handlers.resync?.(), handlers.settle);
    unsubscribe = wsClient().subscribe<TData>(
      { query: doc.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          attempt = 0;
          if (result.data) handlers.next(result.data);
          const error = firstError(result);
          if (error) restart();
        },
        error: () => restart(),
        complete: () => restart(),
      },
    );
  };
  const restart = () => {
    unsubscribe?.();
    unsubscribe = null;
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        handlers.resync?.();
        start();
      },
      Math.min(500 * 2 ** attempt++, 10_000),
    );
  };
  // Back from sleep or offline: the socket may be gone without an error yet; start afresh.
  const onVisible = () => {
    if (stopped || document.visibilityState !== "visible") return;
    unsubscribe?.();
    clearTimeout(timer);
    handlers.resync?.();
    start();
  };
  start();
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("online", onVisible);
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(settling);
    unsubscribe?.();
    document.removeEventListener("visibilitychange", onVisible);
    window.removeEventListener("online", onVisible);
  };
}
