// The app's small shared pieces: labelled fields, errors and outcomes said plainly (errors as
// role="alert", outcomes as role="status", so a screen reader reads them when they appear), a
// confirmation on a native <dialog>, and a page frame that sets the document title.
import { type ComponentChildren, cloneElement, isValidElement } from "preact";
import { useEffect, useId, useLayoutEffect, useRef } from "preact/hooks";
import { type ApiError, errorText } from "./api";
import { t } from "./i18n";

export function Screen(props: { title: string; back?: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} · chargegate`;
  }, [props.title]);
  return (
    <section class="screen" aria-labelledby="screen-title">
      {props.back && (
        <a class="back" href={props.back}>
          {t("nav.back")}
        </a>
      )}
      <h1 id="screen-title">{props.title}</h1>
      {props.children}
    </section>
  );
}

/** A labelled control; its hint is outside the label (the control's name stays the label
 * alone) and tied to the control as its description. */
export function Field(props: { label: string; hint?: string; children: ComponentChildren }) {
  const hintId = useId();
  const control =
    props.hint && isValidElement(props.children)
      ? cloneElement(props.children, { "aria-describedby": hintId })
      : props.children;
  return (
    <div class="field">
      <label class="field-control">
        <span class="label">{props.label}</span>
        {control}
      </label>
      {props.hint && (
        <span class="hint" id={hintId}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function ErrorText({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <p class="notice error" role="alert" data-code={error.code}>
      {errorText(error)}
    </p>
  );
}

export function Outcome(props: { kind?: "ok" | "warn" | "info"; children: ComponentChildren; testid?: string }) {
  return (
    <p class={`notice ${props.kind ?? "info"}`} role="status" data-testid={props.testid}>
      {props.children}
    </p>
  );
}

/** A modal question with Cancel and a confirm button (Escape cancels). */
export function Confirm(props: {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirm: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  // Before the next paint, not after it: the dialog follows `open` in the same turn, so a key
  // pressed right after a render never meets the dialog in its previous state.
  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      // Escape is handled here, not left to the browser: the browser would close the dialog at
      // once but tell us (the close event) only in a later task, and a key pressed in between
      // would meet `open` still true, so the next "open" would change nothing and the late close
      // event would then shut it. Here `open` turns false first and the dialog follows it.
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
      // Other close requests (a phone's back gesture) still close it natively.
      onCancel={props.onCancel}
      // The close event comes a task after the dialog closed: by then it may be open again
      // (Escape, then Enter on the button at once), and that close is not this one's.
      onClose={() => props.open && !ref.current?.open && props.onCancel()}
    >
      <h2 id={id}>{props.title}</h2>
      {props.children}
      <div class="actions">
        <button type="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
        <button type="button" class={props.danger ? "danger" : "primary"} onClick={props.onConfirm} autofocus>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}

/** A connector status badge, in words. */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const s = status ?? "UNKNOWN";
  return (
    <span class={`badge s-${s.toLowerCase()}`} data-status={s}>
      {t(`status.${s}`)}
    </span>
  );
}
