// Every remote command the API offers for one station, grouped (the group in the URL's
// `?group=`): control (start, stop, reset, unlock, availability, cache, triggers, data
// transfer), authorisation (local list, reservations), smart charging, firmware and
// diagnostics, security and registration. Disruptive commands ask first; each shows the
// station's answer or the error under its form. Loaded as its own chunk when the tab opens.
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { graphql } from "../../gql";
import { t } from "../../i18n";
import { canOperate } from "../../lib/session";
import { Field } from "../../lib/ui";
import type { ConnectorData, StationData } from "../station";
import { AuthCommands } from "./commands-auth";
import { ChargingCommands } from "./commands-charging";
import { FirmwareCommands } from "./commands-firmware";
import { SecurityCommands } from "./commands-security";
import { Command, EnumSelect, intOrNull, orNull } from "./common";

const GROUPS = ["control", "authorization", "charging", "firmware", "security"] as const;
type Group = (typeof GROUPS)[number];

function groupLabel(g: Group): string {
  switch (g) {
    case "control":
      return t("station.group.control");
    case "authorization":
      return t("station.group.authorization");
    case "charging":
      return t("station.group.charging");
    case "firmware":
      return t("station.group.firmware");
    case "security":
      return t("station.group.security");
  }
}

export interface CommandsProps {
  station: StationData;
  onChanged: () => void;
}

export function Commands(props: CommandsProps) {
  const loc = useLocation();
  const group: Group = (GROUPS as readonly string[]).includes(loc.query.group ?? "")
    ? (loc.query.group as Group)
    : "control";
  if (!canOperate.value) {
    return (
      <section aria-labelledby="commands-h">
        <h2 id="commands-h">{t("station.commands")}</h2>
        <p class="notice warn">{t("station.operatorsOnly")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="commands-h" class="commands">
      <h2 id="commands-h">{t("station.commands")}</h2>
      {!props.station.connected && <p class="notice warn">{t("station.offlineNote")}</p>}
      <nav aria-label={t("station.commandGroups")}>
        <ul class="subtabs">
          {GROUPS.map((g) => (
            <li key={g}>
              <a href={`${loc.path}?group=${g}`} aria-current={g === group ? "page" : undefined}>
                {groupLabel(g)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {group === "control" && <ControlCommands {...props} />}
      {group === "authorization" && <AuthCommands {...props} />}
      {group === "charging" && <ChargingCommands {...props} />}
      {group === "firmware" && <FirmwareCommands {...props} />}
      {group === "security" && <SecurityCommands {...props} />}
    </section>
  );
}

/** A connector picker: the station's connectors, optionally 0 (whole station) or "any". */
export function ConnectorSelect(props: {
  label: string;
  connectors: readonly ConnectorData[];
  value: string;
  onChange: (v: string) => void;
  zero?: boolean;
  any?: boolean;
}) {
  const ids = props.connectors.map((c) => c.connectorId).filter((n) => n > 0);
  if (ids.length === 0) ids.push(1);
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.any && <option value="">{t("station.anyConnector")}</option>}
        {props.zero && <option value="0">{t("station.wholeStation")}</option>}
        {ids.map((n) => (
          <option key={n} value={String(n)}>
            {t("station.connector", { n })}
          </option>
        ))}
      </select>
    </label>
  );
}

const RemoteStart = graphql(`
  mutation StationRemoteStart($stationId: ID!, $idTag: String!, $connectorId: Int) {
    remoteStartTransaction(stationId: $stationId, idTag: $idTag, connectorId: $connectorId) {
      status
    }
  }
`);
const RemoteStop = graphql(`
  mutation StationRemoteStop($stationId: ID!, $transactionId: Int!) {
    remoteStopTransaction(stationId: $stationId, transactionId: $transactionId) {
      status
    }
  }
`);
const Reset = graphql(`
  mutation StationReset($stationId: ID!, $type: ResetType!) {
    reset(stationId: $stationId, type: $type) {
      status
    }
  }
`);
const Unlock = graphql(`
  mutation StationUnlock($stationId: ID!, $connectorId: Int!) {
    unlockConnector(stationId: $stationId, connectorId: $connectorId) {
      status
    }
  }
`);
const ChangeAvailability = graphql(`
  mutation StationChangeAvailability($stationId: ID!, $connectorId: Int!, $type: AvailabilityType!) {
    changeAvailability(stationId: $stationId, connectorId: $connectorId, type: $type) {
      status
    }
  }
`);
const ClearCache = graphql(`
  mutation StationClearCache($stationId: ID!) {
    clearCache(stationId: $stationId) {
      status
    }
  }
`);
const Trigger = graphql(`
  mutation StationTrigger($stationId: ID!, $requestedMessage: MessageTrigger!, $connectorId: Int) {
    triggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`);
const ExtendedTrigger = graphql(`
  mutation StationExtendedTrigger($stationId: ID!, $requestedMessage: ExtendedMessageTrigger!, $connectorId: Int) {
    extendedTriggerMessage(stationId: $stationId, requestedMessage: $requestedMessage, connectorId: $connectorId) {
      status
    }
  }
`);
const DataTransfer = graphql(`
  mutation StationDataTransfer($stationId: ID!, $vendorId: String!, $messageId: String, $data: String) {
    dataTransfer(stationId: $stationId, vendorId: $vendorId, messageId: $messageId, data: $data) {
      status
      data
    }
  }
`);

const TRIGGERS = [
  "BOOT_NOTIFICATION",
  "DIAGNOSTICS_STATUS_NOTIFICATION",
  "FIRMWARE_STATUS_NOTIFICATION",
  "HEARTBEAT",
  "METER_VALUES",
  "STATUS_NOTIFICATION",
] as const;
const EXTENDED_TRIGGERS = [
  "BOOT_NOTIFICATION",
  "FIRMWARE_STATUS_NOTIFICATION",
  "HEARTBEAT",
  "LOG_STATUS_NOTIFICATION",
  "METER_VALUES",
  "SIGN_CHARGE_POINT_CERTIFICATE",
  "STATUS_NOTIFICATION",
] as const;

function ControlCommands({ station, onChanged }: CommandsProps) {
  const stationId = station.id;
  const cs = station.connectors;
  const running = cs.flatMap((c) => (c.currentTransaction ? [c.currentTransaction] : []));
  const firstConnector = String(cs.find((c) => c.connectorId > 0)?.connectorId ?? 1);

  const [idTag, setIdTag] = useState("");
  const [startConnector, setStartConnector] = useState("");
  const [stopTx, setStopTx] = useState("");
  const [resetType, setResetType] = useState("SOFT");
  const [unlockConnector, setUnlockConnector] = useState(firstConnector);
  const [availConnector, setAvailConnector] = useState("0");
  const [availType, setAvailType] = useState("INOPERATIVE");
  const [trigger, setTrigger] = useState("STATUS_NOTIFICATION");
  const [triggerConnector, setTriggerConnector] = useState("");
  const [xtrigger, setXtrigger] = useState("STATUS_NOTIFICATION");
  const [xtriggerConnector, setXtriggerConnector] = useState("");
  const [vendorId, setVendorId] = useState("");
  const [messageId, setMessageId] = useState("");
  const [data, setData] = useState("");
  const stopId = stopTx || (running[0] ? String(running[0].id) : "");

  return (
    <div class="command-grid">
      <Command
        title={t("station.cmd.remoteStart")}
        doc={RemoteStart}
        submit={t("station.cmd.start")}
        variables={() => ({ stationId, idTag: idTag.trim(), connectorId: intOrNull(startConnector) })}
        status={(d) => d.remoteStartTransaction.status}
      >
        <Field label={t("station.idTag")}>
          <input required value={idTag} maxLength={20} onInput={(e) => setIdTag(e.currentTarget.value)} />
        </Field>
        <ConnectorSelect
          label={t("station.connectorLabel")}
          connectors={cs}
          value={startConnector}
          onChange={setStartConnector}
          any
        />
      </Command>

      <Command
        title={t("station.cmd.remoteStop")}
        doc={RemoteStop}
        submit={t("station.cmd.stop")}
        confirm={t("station.confirm.stop")}
        danger
        disabled={running.length === 0}
        variables={() => (stopId ? { stationId, transactionId: Number(stopId) } : null)}
        status={(d) => d.remoteStopTransaction.status}
        onDone={() => onChanged()}
      >
        {running.length === 0 ? (
          <p class="muted">{t("station.noRunning")}</p>
        ) : (
          <label class="field">
            <span>{t("station.transaction")}</span>
            <select value={stopId} onChange={(e) => setStopTx(e.currentTarget.value)}>
              {running.map((tx) => (
                <option key={tx.id} value={String(tx.id)}>
                  {t("station.runningTx", { id: tx.id, n: tx.connectorId, tag: tx.idTag })}
                </option>
              ))}
            </select>
          </label>
        )}
      </Command>

      <Command
        title={t("station.cmd.reset")}
        doc={Reset}
        submit={t("station.cmd.reset")}
        confirm={resetType === "HARD" ? t("station.confirm.hardReset") : t("station.confirm.softReset")}
        danger
        variables={() => ({ stationId, type: resetType })}
        status={(d) => d.reset.status}
      >
        <fieldset>
          <legend>{t("station.resetType")}</legend>
          <label class="check">
            <input type="radio" name="reset" checked={resetType === "SOFT"} onChange={() => setResetType("SOFT")} />{" "}
            {t("station.resetSoft")}
          </label>
          <label class="check">
            <input type="radio" name="reset" checked={resetType === "HARD"} onChange={() => setResetType("HARD")} />{" "}
            {t("station.resetHard")}
          </label>
        </fieldset>
      </Command>

      <Command
        title={t("station.cmd.unlock")}
        doc={Unlock}
        submit={t("station.cmd.unlock")}
        confirm={t("station.confirm.unlock", { n: unlockConnector })}
        danger
        variables={() => ({ stationId, connectorId: Number(unlockConnector) })}
        status={(d) => d.unlockConnector.status}
      >
        <ConnectorSelect
          label={t("station.connectorLabel")}
          connectors={cs}
          value={unlockConnector}
          onChange={setUnlockConnector}
        />
      </Command>

      <Command
        title={t("station.cmd.availability")}
        doc={ChangeAvailability}
        submit={t("station.cmd.changeAvailability")}
        confirm={availType === "INOPERATIVE" ? t("station.confirm.inoperative") : undefined}
        danger={availType === "INOPERATIVE"}
        variables={() => ({ stationId, connectorId: Number(availConnector), type: availType })}
        status={(d) => d.changeAvailability.status}
        onDone={() => onChanged()}
      >
        <ConnectorSelect
          label={t("station.connectorLabel")}
          connectors={cs}
          value={availConnector}
          onChange={setAvailConnector}
          zero
        />
        <EnumSelect
          label={t("station.availabilityType")}
          values={["OPERATIVE", "INOPERATIVE"]}
          value={availType}
          onChange={setAvailType}
        />
      </Command>

      <Command
        title={t("station.cmd.clearCache")}
        doc={ClearCache}
        submit={t("station.cmd.clearCache")}
        confirm={t("station.confirm.clearCache")}
        danger
        description={t("station.clearCacheHint")}
        variables={() => ({ stationId })}
        status={(d) => d.clearCache.status}
      />

      <Command
        title={t("station.cmd.trigger")}
        doc={Trigger}
        submit={t("station.cmd.triggerSend")}
        variables={() => ({ stationId, requestedMessage: trigger, connectorId: intOrNull(triggerConnector) })}
        status={(d) => d.triggerMessage.status}
      >
        <EnumSelect label={t("station.requestedMessage")} values={TRIGGERS} value={trigger} onChange={setTrigger} />
        <ConnectorSelect
          label={t("station.connectorLabel")}
          connectors={cs}
          value={triggerConnector}
          onChange={setTriggerConnector}
          any
        />
      </Command>

      <Command
        title={t("station.cmd.extendedTrigger")}
        doc={ExtendedTrigger}
        submit={t("station.cmd.triggerSend")}
        variables={() => ({ stationId, requestedMessage: xtrigger, connectorId: intOrNull(xtriggerConnector) })}
        status={(d) => d.extendedTriggerMessage.status}
      >
        <EnumSelect
          label={t("station.requestedMessage")}
          values={EXTENDED_TRIGGERS}
          value={xtrigger}
          onChange={setXtrigger}
        />
        <ConnectorSelect
          label={t("station.connectorLabel")}
          connectors={cs}
          value={xtriggerConnector}
          onChange={setXtriggerConnector}
          any
        />
      </Command>

      <Command
        title={t("station.cmd.dataTransfer")}
        doc={DataTransfer}
        submit={t("common.send")}
        variables={() => ({ stationId, vendorId: vendorId.trim(), messageId: orNull(messageId), data: data || null })}
        status={(d) => d.dataTransfer.status}
        details={(d) =>
          d.dataTransfer.data !== null && d.dataTransfer.data !== undefined ? (
            <>
              <p>{t("station.dataAnswer")}</p>
              <pre class="card">{d.dataTransfer.data}</pre>
            </>
          ) : null
        }
      >
        <Field label={t("station.vendorId")}>
          <input required maxLength={255} value={vendorId} onInput={(e) => setVendorId(e.currentTarget.value)} />
        </Field>
        <Field label={t("station.messageIdOptional")}>
          <input maxLength={50} value={messageId} onInput={(e) => setMessageId(e.currentTarget.value)} />
        </Field>
        <Field label={t("station.dataOptional")}>
          <textarea rows={3} value={data} onInput={(e) => setData(e.currentTarget.value)} />
        </Field>
      </Command>
    </div>
  );
}
