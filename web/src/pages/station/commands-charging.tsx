// Smart charging commands of a station: install a basic charging profile (purpose, stack
// level, kind, unit and a few periods), clear profiles, ask for the composite schedule, and
// the profiles the station holds.
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import type { ChargingScheduleFieldsFragment } from "../../gql/graphql";
import { fmtDateTime, fmtDuration, fmtNumber, t } from "../../i18n";
import { useQuery } from "../../lib/hooks";
import { Badge, ErrorNotice, Field } from "../../lib/ui";
import { ConnectorSelect, type CommandsProps } from "./commands";
import { Command, EnumSelect, enumText, intOrNull, localToIso } from "./common";

graphql(`
  fragment ChargingScheduleFields on ChargingSchedule {
    chargingRateUnit
    duration
    startSchedule
    minChargingRate
    chargingSchedulePeriod {
      startPeriod
      limit
      numberPhases
    }
  }
`);

const Profiles = graphql(`
  query StationChargingProfiles($stationId: ID!, $includeEnded: Boolean!) {
    chargingProfiles(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
      id
      connectorId
      state
      installedAt
      endedAt
      profile {
        chargingProfileId
        chargingProfilePurpose
        chargingProfileKind
        recurrencyKind
        stackLevel
        transactionId
        validFrom
        validTo
        chargingSchedule {
          ...ChargingScheduleFields
        }
      }
    }
  }
`);
const SetProfile = graphql(`
  mutation StationSetChargingProfile($stationId: ID!, $connectorId: Int!, $profile: ChargingProfileInput!) {
    setChargingProfile(stationId: $stationId, connectorId: $connectorId, profile: $profile) {
      status
    }
  }
`);
const ClearProfile = graphql(`
  mutation StationClearChargingProfile(
    $stationId: ID!
    $id: Int
    $connectorId: Int
    $chargingProfilePurpose: ChargingProfilePurpose
    $stackLevel: Int
  ) {
    clearChargingProfile(
      stationId: $stationId
      id: $id
      connectorId: $connectorId
      chargingProfilePurpose: $chargingProfilePurpose
      stackLevel: $stackLevel
    ) {
      status
    }
  }
`);
const Composite = graphql(`
  mutation StationCompositeSchedule(
    $stationId: ID!
    $connectorId: Int!
    $duration: Int!
    $chargingRateUnit: ChargingRateUnit
  ) {
    getCompositeSchedule(
      stationId: $stationId
      connectorId: $connectorId
      duration: $duration
      chargingRateUnit: $chargingRateUnit
    ) {
      status
      connectorId
      scheduleStart
      chargingSchedule {
        ...ChargingScheduleFields
      }
    }
  }
`);

const PURPOSES = ["TX_DEFAULT_PROFILE", "CHARGE_POINT_MAX_PROFILE", "TX_PROFILE"] as const;
const KINDS = ["ABSOLUTE", "RECURRING", "RELATIVE"] as const;

interface Period {
  start: string;
  limit: string;
  phases: string;
}

export function ChargingCommands({ station, onChanged }: CommandsProps) {
  const stationId = station.id;
  const cs = station.connectors;
  const [includeEnded, setIncludeEnded] = useState(false);
  const profiles = useQuery(Profiles, { stationId, includeEnded });

  const [connector, setConnector] = useState("0");
  const [profileId, setProfileId] = useState("1");
  const [purpose, setPurpose] = useState<string>("TX_DEFAULT_PROFILE");
  const [stackLevel, setStackLevel] = useState("0");
  const [kind, setKind] = useState<string>("ABSOLUTE");
  const [recurrency, setRecurrency] = useState("DAILY");
  const [unit, setUnit] = useState("A");
  const [txId, setTxId] = useState("");
  const [validFrom, setValidFrom] = useState("");
  const [validTo, setValidTo] = useState("");
  const [periods, setPeriods] = useState<Period[]>([{ start: "0", limit: "16", phases: "" }]);

  const [clearId, setClearId] = useState("");
  const [clearConnector, setClearConnector] = useState("");
  const [clearPurpose, setClearPurpose] = useState("");
  const [clearStack, setClearStack] = useState("");

  const [compConnector, setCompConnector] = useState("0");
  const [compDuration, setCompDuration] = useState("3600");
  const [compUnit, setCompUnit] = useState("");

  const setPeriod = (i: number, p: Partial<Period>) =>
    setPeriods((ps) => ps.map((x, j) => (j === i ? { ...x, ...p } : x)));

  const profileVariables = () => {
    const ps = periods.map((p) => ({
      startPeriod: Number(p.start),
      limit: Number(p.limit.replace(",", ".")),
      numberPhases: intOrNull(p.phases),
    }));
    const ints = [Number(profileId), Number(stackLevel), ...ps.map((p) => p.startPeriod)];
    if (ints.some((n) => !Number.isInteger(n)) || ps.some((p) => Number.isNaN(p.limit) || Number.isNaN(p.numberPhases)))
      return null;
    const tx = intOrNull(txId);
    if (Number.isNaN(tx)) return null;
    return {
      stationId,
      connectorId: Number(connector),
      profile: {
        chargingProfileId: Number(profileId),
        stackLevel: Number(stackLevel),
        chargingProfilePurpose: purpose,
        chargingProfileKind: kind,
        recurrencyKind: kind === "RECURRING" ? recurrency : null,
        transactionId: purpose === "TX_PROFILE" ? tx : null,
        validFrom: localToIso(validFrom),
        validTo: localToIso(validTo),
        chargingSchedule: {
          chargingRateUnit: unit,
          // An absolute schedule starts now unless the profile says otherwise.
          startSchedule: kind === "RELATIVE" ? null : new Date().toISOString(),
          chargingSchedulePeriod: ps,
        },
      },
    };
  };

  return (
    <>
      <div class="command-grid">
        <Command
          title={t("station.cmd.setProfile")}
          doc={SetProfile}
          submit={t("station.cmd.install")}
          variables={profileVariables}
          invalid={t("station.invalidNumber")}
          status={(d) => d.setChargingProfile.status}
          onDone={() => {
            profiles.reload();
            onChanged();
          }}
        >
          <ConnectorSelect label={t("station.connectorLabel")} connectors={cs} value={connector} onChange={setConnector} zero />
          <div class="row">
            <Field label={t("station.profileId")}>
              <input required inputMode="numeric" size={6} value={profileId} onInput={(e) => setProfileId(e.currentTarget.value)} />
            </Field>
            <Field label={t("station.stackLevel")}>
              <input required inputMode="numeric" size={4} value={stackLevel} onInput={(e) => setStackLevel(e.currentTarget.value)} />
            </Field>
          </div>
          <EnumSelect label={t("station.purpose")} values={PURPOSES} value={purpose} onChange={setPurpose} />
          {purpose === "TX_PROFILE" && (
            <Field label={t("station.transactionIdOptional")}>
              <input inputMode="numeric" value={txId} onInput={(e) => setTxId(e.currentTarget.value)} />
            </Field>
          )}
          <EnumSelect label={t("station.kind")} values={KINDS} value={kind} onChange={setKind} />
          {kind === "RECURRING" && (
            <EnumSelect label={t("station.recurrency")} values={["DAILY", "WEEKLY"]} value={recurrency} onChange={setRecurrency} />
          )}
          <EnumSelect label={t("station.rateUnit")} values={["A", "W"]} value={unit} onChange={setUnit} />
          <div class="row">
            <Field label={t("station.validFromOptional")}>
              <input type="datetime-local" value={validFrom} onInput={(e) => setValidFrom(e.currentTarget.value)} />
            </Field>
            <Field label={t("station.validToOptional")}>
              <input type="datetime-local" value={validTo} onInput={(e) => setValidTo(e.currentTarget.value)} />
            </Field>
          </div>
          <fieldset>
            <legend>{t("station.periods")}</legend>
            {periods.map((p, i) => (
              <div class="row" key={i}>
                <Field label={t("station.periodStart", { n: i + 1 })}>
                  <input required inputMode="numeric" size={7} value={p.start} onInput={(e) => setPeriod(i, { start: e.currentTarget.value })} />
                </Field>
                <Field label={t("station.periodLimit", { n: i + 1, unit })}>
                  <input required inputMode="decimal" size={7} value={p.limit} onInput={(e) => setPeriod(i, { limit: e.currentTarget.value })} />
                </Field>
                <Field label={t("station.periodPhases", { n: i + 1 })}>
                  <input inputMode="numeric" size={3} value={p.phases} onInput={(e) => setPeriod(i, { phases: e.currentTarget.value })} />
                </Field>
                {periods.length > 1 && (
                  <button type="button" class="period-remove" onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))}>
                    {t("station.removePeriod", { n: i + 1 })}
                  </button>
                )}
              </div>
            ))}
            {periods.length < 5 && (
              <button
                type="button"
                onClick={() =>
                  setPeriods((ps) => [...ps, { start: String((Number(ps[ps.length - 1]?.start) || 0) + 3600), limit: ps[ps.length - 1]?.limit ?? "16", phases: "" }])
                }
              >
                {t("station.addPeriod")}
              </button>
            )}
          </fieldset>
        </Command>

        <Command
          title={t("station.cmd.clearProfile")}
          doc={ClearProfile}
          submit={t("station.cmd.clear")}
          confirm={t("station.confirm.clearProfile")}
          danger
          description={t("station.clearProfileHint")}
          variables={() => {
            const id = intOrNull(clearId);
            const stack = intOrNull(clearStack);
            if (Number.isNaN(id) || Number.isNaN(stack)) return null;
            return {
              stationId,
              id,
              connectorId: intOrNull(clearConnector),
              chargingProfilePurpose: clearPurpose || null,
              stackLevel: stack,
            };
          }}
          invalid={t("station.invalidNumber")}
          status={(d) => d.clearChargingProfile.status}
          onDone={() => profiles.reload()}
        >
          <Field label={t("station.profileIdOptional")}>
            <input inputMode="numeric" value={clearId} onInput={(e) => setClearId(e.currentTarget.value)} />
          </Field>
          <ConnectorSelect label={t("station.connectorLabel")} connectors={cs} value={clearConnector} onChange={setClearConnector} zero any />
          <EnumSelect label={t("station.purpose")} values={PURPOSES} value={clearPurpose} onChange={setClearPurpose} empty={t("common.all")} />
          <Field label={t("station.stackLevelOptional")}>
            <input inputMode="numeric" value={clearStack} onInput={(e) => setClearStack(e.currentTarget.value)} />
          </Field>
        </Command>

        <Command
          title={t("station.cmd.composite")}
          doc={Composite}
          submit={t("station.cmd.ask")}
          variables={() => {
            const duration = Number(compDuration);
            if (!Number.isInteger(duration) || duration <= 0) return null;
            return { stationId, connectorId: Number(compConnector), duration, chargingRateUnit: compUnit || null };
          }}
          invalid={t("station.invalidNumber")}
          status={(d) => d.getCompositeSchedule.status}
          details={(d) =>
            d.getCompositeSchedule.chargingSchedule ? (
              <ScheduleView
                schedule={d.getCompositeSchedule.chargingSchedule}
                start={d.getCompositeSchedule.scheduleStart}
                caption={t("station.compositeSchedule")}
              />
            ) : null
          }
        >
          <ConnectorSelect label={t("station.connectorLabel")} connectors={cs} value={compConnector} onChange={setCompConnector} zero />
          <Field label={t("station.durationSeconds")}>
            <input required inputMode="numeric" value={compDuration} onInput={(e) => setCompDuration(e.currentTarget.value)} />
          </Field>
          <EnumSelect label={t("station.rateUnit")} values={["A", "W"]} value={compUnit} onChange={setCompUnit} empty={t("station.stationChooses")} />
        </Command>
      </div>

      <section class="card" aria-labelledby="profiles-h">
        <h3 id="profiles-h">{t("station.profilesHeld")}</h3>
        <label class="check">
          <input type="checkbox" checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />{" "}
          {t("station.includeEnded")}
        </label>
        <ErrorNotice error={profiles.error} />
        {profiles.data && profiles.data.chargingProfiles.length === 0 && <p class="muted">{t("station.noProfiles")}</p>}
        {profiles.data?.chargingProfiles.map((p) => (
          <details key={p.id} class="profile">
            <summary>
              #{p.profile.chargingProfileId} · {enumText(p.profile.chargingProfilePurpose)} ·{" "}
              {t("station.stackLevel")} {p.profile.stackLevel} ·{" "}
              {p.connectorId === 0 ? t("station.wholeStation") : t("station.connector", { n: p.connectorId })}{" "}
              <Badge value={p.state} />
            </summary>
            <dl class="kv">
              <dt>{t("station.kind")}</dt>
              <dd>
                {enumText(p.profile.chargingProfileKind)}
                {p.profile.recurrencyKind && ` (${enumText(p.profile.recurrencyKind)})`}
              </dd>
              {p.profile.transactionId && (
                <>
                  <dt>{t("station.transaction")}</dt>
                  <dd>#{p.profile.transactionId}</dd>
                </>
              )}
              <dt>{t("station.validity")}</dt>
              <dd>
                {fmtDateTime(p.profile.validFrom)} – {fmtDateTime(p.profile.validTo)}
              </dd>
              <dt>{t("station.installedAt")}</dt>
              <dd>{fmtDateTime(p.installedAt)}</dd>
              {p.endedAt && (
                <>
                  <dt>{t("station.endedAt")}</dt>
                  <dd>{fmtDateTime(p.endedAt)}</dd>
                </>
              )}
            </dl>
            <ScheduleView schedule={p.profile.chargingSchedule} caption={t("station.schedule")} />
          </details>
        ))}
      </section>
    </>
  );
}

function ScheduleView(props: { schedule: ChargingScheduleFieldsFragment; start?: string | null; caption: string }) {
  const s = props.schedule;
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {props.caption}: {s.chargingRateUnit}
          {(props.start ?? s.startSchedule) && ` · ${t("station.from")} ${fmtDateTime(props.start ?? s.startSchedule)}`}
          {s.duration !== null && s.duration !== undefined && ` · ${fmtDuration(s.duration)}`}
          {s.minChargingRate !== null && s.minChargingRate !== undefined && ` · min ${fmtNumber(s.minChargingRate, 1)}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("station.periodStartCol")}</th>
            <th scope="col" class="num">
              {t("station.limit")} ({s.chargingRateUnit})
            </th>
            <th scope="col" class="num">
              {t("station.phases")}
            </th>
          </tr>
        </thead>
        <tbody>
          {s.chargingSchedulePeriod.map((p) => (
            <tr key={p.startPeriod}>
              <th scope="row">{fmtDuration(p.startPeriod)}</th>
              <td class="num">{fmtNumber(p.limit, 1)}</td>
              <td class="num">{p.numberPhases ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
