// What the station page's parts share: the plain-language meaning of a station's answer, a
// command form that shows that answer (or the error) right under it, meter arithmetic
// (energy and power from sampled values, whatever unit the station chose) and small inputs.
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import type { TypedDocumentString } from "../../gql/graphql";
import { t, type Key } from "../../i18n";
import { useMutation } from "../../lib/hooks";
import { ConfirmButton, ErrorNotice, Outcome } from "../../lib/ui";

/** What a station's answer (an enum value) means, in the chosen language. */
export function answerText(status: string | null | undefined): string {
  if (!status) return "";
  const key = `station.answer.${status}` as Key;
  const s = t(key);
  return s === key ? status.replaceAll("_", " ").toLowerCase() : s;
}

/** An enum value as words ("SUSPENDED_EV" → "suspended ev"), for selects and tables. */
export function enumText(v: string | null | undefined): string {
  return v ? v.replaceAll("_", " ").toLowerCase() : "–";
}

/** Empty input → null; otherwise the trimmed text. */
export function orNull(s: string): string | null {
  const v = s.trim();
  return v === "" ? null : v;
}

/** Empty input → null; otherwise an integer (NaN when it is not one, for the caller to refuse). */
export function intOrNull(s: string): number | null {
  const v = s.trim();
  return v === "" ? null : Number.isInteger(Number(v)) ? Number(v) : Number.NaN;
}

/** A `datetime-local` input's value as RFC 3339 (UTC), or null when empty. */
export function localToIso(s: string): string | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A date as a `datetime-local` input's value, in local time. */
export function isoToLocal(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

interface SampleLike {
  measurand?: string | null;
  phase?: string | null;
  numericValue?: number | null;
  unit?: string | null;
}

/** A sample in Wh or W (stations may send kWh / kW). */
export function baseValue(s: SampleLike): number | null {
  if (s.numericValue === null || s.numericValue === undefined) return null;
  return s.unit === "KWH" || s.unit === "KW" ? s.numericValue * 1000 : s.numericValue;
}

/**
 * The value of one measurand in a reading: the phase-less sample when there is one, else the
 * sum of the line phases (L1, L2, L3) — what "power now" means for a three-phase station
 * that reports per phase. Null when the reading has none.
 */
export function measured(samples: readonly SampleLike[], measurand: string): number | null {
  const own = samples.filter((s) => s.measurand === measurand);
  const whole = own.find((s) => !s.phase);
  if (whole) return baseValue(whole);
  const lines = own.filter((s) => s.phase === "L1" || s.phase === "L2" || s.phase === "L3");
  if (lines.length === 0) return null;
  return lines.reduce((sum, s) => sum + (baseValue(s) ?? 0), 0);
}

/** One remote command: its form, its submit (with confirmation when disruptive), its answer. */
export function Command<TData>(props: {
  title: string;
  doc: TypedDocumentString<TData, never> | TypedDocumentString<TData, any>;
  /** The mutation's variables from the form, or null to refuse (with `invalid` shown). */
  variables: () => unknown | null;
  /** The station's answer in the result. */
  status: (data: TData) => string | null | undefined;
  /** More of the result to show (a schedule, a list). */
  details?: (data: TData) => ComponentChildren;
  submit: string;
  /** Asked before sending; absent: sent at once. */
  confirm?: string;
  danger?: boolean;
  disabled?: boolean;
  invalid?: string;
  onDone?: (data: TData) => void;
  children?: ComponentChildren;
  description?: string;
}) {
  const m = useMutation(props.doc as TypedDocumentString<TData, unknown>);
  const form = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(false);
  const id = `cmd-${props.title.replace(/\W+/g, "-").toLowerCase()}`;
  const send = async () => {
    if (form.current && !form.current.reportValidity()) return;
    const v = props.variables();
    setRefused(v === null);
    if (v === null) {
      m.reset();
      return;
    }
    const d = await m.run(v);
    if (d) props.onDone?.(d);
  };
  return (
    <form
      ref={form}
      class="card command"
      aria-labelledby={id}
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.confirm) void send();
      }}
    >
      <h3 id={id}>{props.title}</h3>
      {props.description && <p class="muted">{props.description}</p>}
      {props.children}
      <div class="row">
        {props.confirm ? (
          <ConfirmButton
            label={props.submit}
            question={props.confirm}
            danger={props.danger}
            disabled={props.disabled || m.running}
            onConfirm={() => void send()}
          />
        ) : (
          <button type="submit" class="primary" disabled={props.disabled || m.running}>
            {props.submit}
          </button>
        )}
        {m.running && <span class="muted">{t("station.sending")}</span>}
      </div>
      {refused && props.invalid && <p class="notice warn">{props.invalid}</p>}
      <ErrorNotice error={m.error} />
      {m.result && (
        <>
          <Outcome status={props.status(m.result)}>{answerText(props.status(m.result))}</Outcome>
          {props.details?.(m.result)}
        </>
      )}
    </form>
  );
}

/** A `<select>` of enum values (shown as words), inside a labelled field. */
export function EnumSelect(props: {
  label: string;
  values: readonly string[];
  value: string;
  onChange: (v: string) => void;
  empty?: string;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.values.map((v) => (
          <option key={v} value={v}>
            {enumText(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
