// The station's configuration, read from the station itself with GetConfiguration (all keys
// or the keys asked for) and changed one key at a time with ChangeConfiguration, the
// station's answer shown next to the key (Accepted, Rejected, RebootRequired, NotSupported).
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import type { StationGetConfigurationMutation } from "../../gql/graphql";
import { t } from "../../i18n";
import { useMutation } from "../../lib/hooks";
import { canOperate } from "../../lib/session";
import { ErrorNotice, Field, Outcome } from "../../lib/ui";
import { answerText } from "./common";

const GetConfiguration = graphql(`
  mutation StationGetConfiguration($stationId: ID!, $keys: [String!]) {
    getConfiguration(stationId: $stationId, keys: $keys) {
      configurationKey {
        key
        value
        readonly
      }
      unknownKey
    }
  }
`);

const ChangeConfiguration = graphql(`
  mutation StationChangeConfiguration($stationId: ID!, $key: String!, $value: String!) {
    changeConfiguration(stationId: $stationId, key: $key, value: $value) {
      status
    }
  }
`);

type Config = StationGetConfigurationMutation["getConfiguration"];

export function Configuration(props: { stationId: string; connected: boolean }) {
  const read = useMutation(GetConfiguration);
  const [keys, setKeys] = useState("");
  const [config, setConfig] = useState<Config | null>(null);
  const [filter, setFilter] = useState("");

  if (!canOperate.value) {
    return (
      <section aria-labelledby="config-h">
        <h2 id="config-h">{t("station.configuration")}</h2>
        <p class="notice warn">{t("station.operatorsOnly")}</p>
      </section>
    );
  }

  const load = async (e?: Event) => {
    e?.preventDefault();
    const list = keys
      .split(/[\s,]+/)
      .map((k) => k.trim())
      .filter(Boolean);
    const r = await read.run({ stationId: props.stationId, keys: list.length ? list : null });
    if (r) setConfig(r.getConfiguration);
  };
  const shown = config?.configurationKey.filter((k) => k.key.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <section aria-labelledby="config-h">
      <h2 id="config-h">{t("station.configuration")}</h2>
      {!props.connected && <p class="notice warn">{t("station.offlineNote")}</p>}
      <form class="filters" onSubmit={load} aria-label={t("station.readConfiguration")}>
        <Field label={t("station.configKeys")} hint={t("station.configKeysHint")}>
          <input value={keys} onInput={(e) => setKeys(e.currentTarget.value)} size={40} />
        </Field>
        <button type="submit" class="primary" disabled={read.running}>
          {t("station.readConfiguration")}
        </button>
      </form>
      {read.running && <p class="muted">{t("station.sending")}</p>}
      <ErrorNotice error={read.error} />
      {config && (
        <>
          {config.unknownKey.length > 0 && (
            <p class="notice warn" role="status">
              {t("station.unknownKeys")}: {config.unknownKey.join(", ")}
            </p>
          )}
          <div class="filters">
            <Field label={t("station.configFilter")}>
              <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
            </Field>
            <span class="muted">{t("station.configCount", { n: config.configurationKey.length })}</span>
          </div>
          <div class="table-wrap">
            <table>
              <caption class="sr-only">{t("station.configuration")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("station.configKey")}</th>
                  <th scope="col">{t("station.configValue")}</th>
                  <th scope="col">{t("station.configReadonly")}</th>
                </tr>
              </thead>
              <tbody>
                {shown!.map((k) => (
                  <ConfigRow key={k.key} stationId={props.stationId} k={k} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ChangeAnyKey stationId={props.stationId} />
    </section>
  );
}

function ConfigRow(props: { stationId: string; k: Config["configurationKey"][number] }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.k.value ?? "");
  const [current, setCurrent] = useState(props.k.value ?? null);
  const change = useMutation(ChangeConfiguration);
  const save = async (e: Event) => {
    e.preventDefault();
    const r = await change.run({ stationId: props.stationId, key: props.k.key, value });
    if (r && (r.changeConfiguration.status === "ACCEPTED" || r.changeConfiguration.status === "REBOOT_REQUIRED")) {
      setCurrent(value);
      setEditing(false);
    }
  };
  return (
    <tr>
      <th scope="row">
        <code>{props.k.key}</code>
      </th>
      <td>
        {editing ? (
          <form class="row" onSubmit={save}>
            <Field label={t("station.newValue", { key: props.k.key })}>
              <input value={value} onInput={(e) => setValue(e.currentTarget.value)} />
            </Field>
            <button type="submit" class="primary" disabled={change.running}>
              {t("common.save")}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t("common.cancel")}
            </button>
          </form>
        ) : (
          <span class="config-value">
            <code>{current ?? "–"}</code>{" "}
            {!props.k.readonly && (
              <button
                type="button"
                class="link"
                aria-label={t("station.changeKey", { key: props.k.key })}
                onClick={() => {
                  change.reset();
                  setEditing(true);
                }}
              >
                {t("station.change")}
              </button>
            )}
          </span>
        )}
        <ErrorNotice error={change.error} />
        {change.result && (
          <Outcome status={change.result.changeConfiguration.status}>
            {answerText(change.result.changeConfiguration.status)}
          </Outcome>
        )}
      </td>
      <td>{props.k.readonly ? t("common.yes") : t("common.no")}</td>
    </tr>
  );
}

/** A key the station did not list (or was not read yet). */
function ChangeAnyKey(props: { stationId: string }) {
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const change = useMutation(ChangeConfiguration);
  return (
    <form
      class="card"
      aria-labelledby="change-key-h"
      onSubmit={(e) => {
        e.preventDefault();
        void change.run({ stationId: props.stationId, key: key.trim(), value });
      }}
    >
      <h3 id="change-key-h">{t("station.changeAnyKey")}</h3>
      <div class="row">
        <Field label={t("station.configKey")}>
          <input required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        </Field>
        <Field label={t("station.configValue")}>
          <input value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="primary" disabled={change.running} style={{ marginBottom: "12px" }}>
          {t("station.changeConfiguration")}
        </button>
      </div>
      <ErrorNotice error={change.error} />
      {change.result && (
        <Outcome status={change.result.changeConfiguration.status}>
          {answerText(change.result.changeConfiguration.status)}
        </Outcome>
      )}
    </form>
  );
}
