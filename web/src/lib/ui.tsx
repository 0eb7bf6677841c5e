// The console's shared pieces: page frame, plain-language errors and outcomes, confirmations
// (native <dialog>), cursor pagination, status badges.
import { cloneElement, isValidElement, type ComponentChildren, type VNode } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { fmtNumber, t, type Key } from "../i18n";
import type { ApiError } from "./api";

export function Page(props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} · chargegate`;
  }, [props.title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">{props.title}</h1>
        {props.actions && <div class="page-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

/** What went wrong, in the chosen language, with the server's code and message. */
export function ErrorNotice({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  const key = `error.${error.code}` as Key;
  const known = t(key) !== key;
  return (
    <p class="notice error" role="alert">
      <strong>{known ? t(key) : t("error.generic")}</strong> <span class="muted">({error.code})</span>{" "}
      {error.message}
    </p>
  );
}

/** A station's answer to a command, plainly: ACCEPTED in green, anything else in amber. */
export function Outcome({ status, children }: { status?: string | null; children?: ComponentChildren }) {
  if (!status && !children) return null;
  const good = status === "ACCEPTED" || status === "UNLOCKED" || status === "SCHEDULED";
  return (
    <p class={`notice ${good ? "ok" : "warn"}`} role="status">
      {status && (
        <>
          {t("command.answer")}: <strong>{status}</strong>{" "}
        </>
      )}
      {children}
    </p>
  );
}

/** A button that asks before it does something disruptive. */
export function ConfirmButton(props: {
  label: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        class={props.danger ? "danger" : undefined}
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} aria-label={props.label}>
        <form method="dialog">
          <p>{props.question}</p>
          <div class="row">
            <button value="cancel" type="submit">
              {t("common.cancel")}
            </button>
            <button
              value="ok"
              type="submit"
              class={props.danger ? "danger" : "primary"}
              onClick={() => props.onConfirm()}
            >
              {t("common.confirm")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** Previous/next over a Relay connection; `onPage` gets the variables of the page to read. */
export function Pager(props: {
  pageInfo: PageInfoLike | undefined;
  total?: number;
  onPage: (v: { after?: string | null; before?: string | null }) => void;
}) {
  const p = props.pageInfo;
  if (!p) return null;
  return (
    <nav class="pager" aria-label={t("common.pages")}>
      {props.total !== undefined && <span class="muted">{t("common.total", { n: fmtNumber(props.total) })}</span>}
      <button type="button" disabled={!p.hasPreviousPage} onClick={() => props.onPage({ before: p.startCursor })}>
        ‹ {t("common.previous")}
      </button>
      <button type="button" disabled={!p.hasNextPage} onClick={() => props.onPage({ after: p.endCursor })}>
        {t("common.next")} ›
      </button>
    </nav>
  );
}

/** A coloured label for a status (connector, registration, transaction). */
export function Badge({ value }: { value: string | null | undefined }) {
  if (!value) return <span class="badge">–</span>;
  return (
    <span class={`badge s-${value.toLowerCase().replaceAll("_", "")}`}>
      {value.replaceAll("_", " ").toLowerCase()}
    </span>
  );
}

/**
 * A labelled form field (native input): the label names the control by `for`/`id`, so its
 * accessible name is the label alone (a wrapping label would add a select's option texts).
 */
export function Field(props: { label: string; children: ComponentChildren; hint?: string }) {
  const id = useId();
  const child = props.children;
  const single = isValidElement(child);
  const controlId = single ? ((child as VNode<{ id?: string }>).props.id ?? id) : undefined;
  return (
    <div class="field">
      {single ? <label for={controlId}>{props.label}</label> : <span>{props.label}</span>}
      {single ? cloneElement(child as VNode<{ id?: string }>, { id: controlId }) : child}
      {props.hint && <small class="muted">{props.hint}</small>}
    </div>
  );
}

/** Debounces a value (search boxes). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** A station's OCPP version as people write it (`2.0.1`, `1.6`). */
export function ocppLabel(version: string | null | undefined): string {
  if (version === "OCPP_2_0_1") return "2.0.1";
  if (version === "OCPP_1_6") return "1.6";
  return "–";
}
