// The app's way to the API: lib/api's `request` (POST /graphql with the session's token), with
// the server's reachability kept in `offline` (the offline screen), and small query and
// mutation hooks. Errors are shown by their `extensions.code` in the app's own words.
import { signal } from "@preact/signals";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, request } from "../lib/api";
import { has, t } from "./i18n";

export { ApiError };

/** The server could not be reached by the last request (or the browser says it is offline). */
export const offline = signal<boolean>(typeof navigator !== "undefined" && navigator.onLine === false);

type Vars = Record<string, unknown>;

/** `request`, keeping `offline` up to date. */
export async function call<TData, TVars>(doc: TypedDocumentString<TData, TVars>, variables?: TVars): Promise<TData> {
  try {
    const data = await (request as (d: unknown, v?: unknown) => Promise<TData>)(doc, variables);
    offline.value = false;
    return data;
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(String(e), "ERROR");
    if (error.code === "NETWORK") offline.value = true;
    else offline.value = false;
    throw error;
  }
}

/** Whether the server answers at all (the offline screen's retry). */
export async function reachable(): Promise<boolean> {
  try {
    // Any answer will do (a 503 from a server whose database is down is still the server).
    await fetch("/health", { cache: "no-store" });
    offline.value = false;
    return true;
  } catch {
    return false;
  }
}

/** The message for an error, in the chosen language: by its code, else the server's words. */
export function errorText(e: ApiError): string {
  if (e.code === "STATION_ERROR" && /answered NotImplemented/.test(e.message)) return t("error.NOT_IMPLEMENTED");
  const key = `error.${e.code}`;
  return has(key) ? t(key) : `${t("error.generic")} (${e.message})`;
}

export interface Query<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (update: (d: T | null) => T | null) => void;
}

/** Reads `doc` now and whenever `variables` change; `skip` waits. */
export function useQuery<TData, TVars>(doc: TypedDocumentString<TData, TVars>, variables: TVars, skip = false): Query<TData> {
  const [data, setData] = useState<TData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!skip);
  const seq = useRef(0);
  const key = JSON.stringify(variables);
  const run = useCallback(() => {
    if (skip) return;
    const mine = ++seq.current;
    setLoading(true);
    call(doc, variables)
      .then((d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(null);
      })
      .catch((e: ApiError) => mine === seq.current && setError(e))
      .finally(() => mine === seq.current && setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, key, skip]);
  useEffect(run, [run]);
  return { data, error, loading, reload: run, setData: (u) => setData((d) => u(d)) };
}

export interface Mutation<T> {
  result: T | null;
  error: ApiError | null;
  running: boolean;
  run: (variables: Vars) => Promise<T | null>;
  reset: () => void;
}

export function useMutation<TData, TVars>(doc: TypedDocumentString<TData, TVars>): Mutation<TData> {
  const [result, setResult] = useState<TData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const run = async (variables: Vars) => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      const d = await call(doc, variables as unknown as TVars);
      setResult(d);
      return d;
    } catch (e) {
      setError(e as ApiError);
      return null;
    } finally {
      setRunning(false);
    }
  };
  return { result, error, running, run, reset: () => (setResult(null), setError(null)) };
}

/** A value that changes every `ms` (running clocks). */
export function useTick(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
