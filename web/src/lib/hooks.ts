// Small data hooks over lib/api: a query that reloads when its variables change, and a
// mutation runner that keeps the outcome to show it plainly.
import { useLocation } from "preact-iso";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, request } from "./api";

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Re-reads (keeping the current data on screen meanwhile). */
  reload: () => void;
  /** Replaces the data in place (live updates). */
  setData: (update: (d: T | null) => T | null) => void;
}

export function useQuery<TData, TVars>(
  doc: TypedDocumentString<TData, TVars>,
  variables: TVars,
  options: { skip?: boolean; lazy?: boolean } = {},
): QueryState<TData> {
  const [data, setDataState] = useState<TData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!options.skip);
  const mounted = useRef(false);
  const key = JSON.stringify(variables);
  const seq = useRef(0);
  const run = useCallback(() => {
    if (options.skip) return;
    const mine = ++seq.current;
    setLoading(true);
    (request as (d: unknown, v: unknown) => Promise<TData>)(doc, variables)
      .then((d) => {
        if (mine !== seq.current) return;
        setDataState(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof ApiError ? e : new ApiError(String(e), "ERROR"));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, key, options.skip]);
  // `lazy`: not read on mount (a subscription that answers at once brings the first data;
  // `reload` still reads), but again whenever the variables change.
  useEffect(() => {
    if (options.lazy && !mounted.current) {
      mounted.current = true;
      return;
    }
    mounted.current = true;
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);
  return { data, error, loading, reload: run, setData: (u) => setDataState((d) => u(d)) };
}

export interface MutationState<T> {
  result: T | null;
  error: ApiError | null;
  running: boolean;
  run: (variables: unknown) => Promise<T | null>;
  reset: () => void;
}

export function useMutation<TData, TVars>(doc: TypedDocumentString<TData, TVars>): MutationState<TData> {
  const [result, setResult] = useState<TData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const run = async (variables: unknown) => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      const d = await (request as (d: unknown, v: unknown) => Promise<TData>)(doc, variables);
      setResult(d);
      return d;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), "ERROR"));
      return null;
    } finally {
      setRunning(false);
    }
  };
  return { result, error, running, run, reset: () => (setResult(null), setError(null)) };
}

/** A value that changes every `ms` (for "5 minutes ago" and running durations). */
export function useTick(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export type UrlQuery = Record<string, string | undefined>;

/** The page's state in the URL query string (so a link reproduces the view): read it, and
 * change some of it (empty values are dropped; the history entry is replaced). */
export function useUrlQuery(): [UrlQuery, (changes: UrlQuery) => void] {
  const { path, query, route } = useLocation();
  const set = (changes: UrlQuery) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...changes })) if (v) q.set(k, v);
    const s = q.toString();
    route(s ? `${path}?${s}` : path, true);
  };
  return [query as UrlQuery, set];
}
