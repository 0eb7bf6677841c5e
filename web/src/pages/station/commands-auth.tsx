// Authorisation commands of a station: its local list (send a full or differential list,
// read its version, see the list it last accepted) and reservations (reserve, cancel, list).
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import { fmtDateTime, t } from "../../i18n";
import { useMutation, useQuery } from "../../lib/hooks";
import { Badge, ConfirmButton, ErrorNotice, Field, Outcome } from "../../lib/ui";
import { ConnectorSelect, type CommandsProps } from "./commands";
import { Command, EnumSelect, answerText, isoToLocal, localToIso, orNull } from "./common";

const LocalList = graphql(`
  query StationLocalList($stationId: ID!) {
    localAuthList(stationId: $stationId) {
      version
      updatedAt
      entries {
        idTag
        status
        expiryDate
        parentIdTag
      }
    }
  }
`);
const SendLocalList = graphql(`
  mutation StationSendLocalList(
    $stationId: ID!
    $updateType: UpdateType!
    $idTags: [String!]!
    $removeIdTags: [String!]!
    $listVersion: Int
  ) {
    sendLocalList(
      stationId: $stationId
      updateType: $updateType
      idTags: $idTags
      removeIdTags: $removeIdTags
      listVersion: $listVersion
    ) {
      status
      listVersion
    }
  }
`);
const GetLocalListVersion = graphql(`
  mutation StationGetLocalListVersion($stationId: ID!) {
    getLocalListVersion(stationId: $stationId) {
      listVersion
      storedVersion
    }
  }
`);
const Reservations = graphql(`
  query StationReservations($stationId: ID!, $includeEnded: Boolean!) {
    reservations(stationId: $stationId, includeEnded: $includeEnded, limit: 50) {
      id
      connectorId
      idTag
      parentIdTag
      expiryDate
      state
      stationStatus
      transactionId
      createdAt
      endedAt
    }
  }
`);
const ReserveNow = graphql(`
  mutation StationReserveNow(
    $stationId: ID!
    $connectorId: Int!
    $idTag: String!
    $expiryDate: DateTime!
    $parentIdTag: String
  ) {
    reserveNow(
      stationId: $stationId
      connectorId: $connectorId
      idTag: $idTag
      expiryDate: $expiryDate
      parentIdTag: $parentIdTag
    ) {
      status
      reservation {
        id
      }
    }
  }
`);
const CancelReservation = graphql(`
  mutation StationCancelReservation($reservationId: Int!) {
    cancelReservation(reservationId: $reservationId) {
      status
    }
  }
`);

const tags = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function AuthCommands({ station }: CommandsProps) {
  const stationId = station.id;
  const list = useQuery(LocalList, { stationId });
  const [updateType, setUpdateType] = useState("DIFFERENTIAL");
  const [idTags, setIdTags] = useState("");
  const [removeIdTags, setRemoveIdTags] = useState("");
  const [listVersion, setListVersion] = useState("");

  const [includeEnded, setIncludeEnded] = useState(false);
  const reservations = useQuery(Reservations, { stationId, includeEnded });
  const [resConnector, setResConnector] = useState("0");
  const [resTag, setResTag] = useState("");
  const [resParent, setResParent] = useState("");
  const [resExpiry, setResExpiry] = useState(() => isoToLocal(new Date(Date.now() + 3600_000)));

  const full = updateType === "FULL";
  const l = list.data?.localAuthList;
  return (
    <>
      <h3 class="group-h">{t("station.localList")}</h3>
      <div class="command-grid">
        <Command
          title={t("station.cmd.sendLocalList")}
          doc={SendLocalList}
          submit={t("common.send")}
          confirm={full ? t("station.confirm.fullList") : undefined}
          danger={full}
          variables={() => {
            const v = listVersion.trim() === "" ? null : Number(listVersion);
            if (v !== null && !Number.isInteger(v)) return null;
            return {
              stationId,
              updateType,
              idTags: tags(idTags),
              removeIdTags: full ? [] : tags(removeIdTags),
              listVersion: v,
            };
          }}
          invalid={t("station.invalidNumber")}
          status={(d) => d.sendLocalList.status}
          details={(d) => <p>{t("station.listVersionSent", { v: d.sendLocalList.listVersion })}</p>}
          onDone={() => list.reload()}
        >
          <EnumSelect
            label={t("station.updateType")}
            values={["DIFFERENTIAL", "FULL"]}
            value={updateType}
            onChange={setUpdateType}
          />
          <Field label={full ? t("station.listTagsFull") : t("station.listTagsAdd")} hint={t("station.tagsHint")}>
            <textarea rows={3} value={idTags} onInput={(e) => setIdTags(e.currentTarget.value)} />
          </Field>
          {!full && (
            <Field label={t("station.listTagsRemove")} hint={t("station.tagsHint")}>
              <textarea rows={2} value={removeIdTags} onInput={(e) => setRemoveIdTags(e.currentTarget.value)} />
            </Field>
          )}
          <Field label={t("station.listVersionOptional")}>
            <input inputMode="numeric" value={listVersion} onInput={(e) => setListVersion(e.currentTarget.value)} />
          </Field>
        </Command>

        <Command
          title={t("station.cmd.getLocalListVersion")}
          doc={GetLocalListVersion}
          submit={t("station.cmd.ask")}
          variables={() => ({ stationId })}
          status={() => null}
          details={(d) => (
            <p class="notice ok" role="status">
              {t("station.listVersionAnswer", {
                v: d.getLocalListVersion.listVersion,
                stored: d.getLocalListVersion.storedVersion ?? "–",
              })}
            </p>
          )}
        />
      </div>

      <section class="card" aria-labelledby="local-list-h">
        <h3 id="local-list-h">{t("station.localListHeld")}</h3>
        <ErrorNotice error={list.error} />
        {list.data && !l && <p class="muted">{t("station.localListNone")}</p>}
        {l && (
          <>
            <p class="muted">{t("station.localListMeta", { v: l.version, at: fmtDateTime(l.updatedAt) })}</p>
            {l.entries.length === 0 ? (
              <p class="muted">{t("station.localListEmpty")}</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("station.idTag")}</th>
                      <th scope="col">{t("station.tagStatus")}</th>
                      <th scope="col">{t("station.expiry")}</th>
                      <th scope="col">{t("station.parentIdTag")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.entries.map((e) => (
                      <tr key={e.idTag}>
                        <th scope="row">
                          <code>{e.idTag}</code>
                        </th>
                        <td>
                          <Badge value={e.status} />
                        </td>
                        <td>{fmtDateTime(e.expiryDate)}</td>
                        <td>{e.parentIdTag ?? "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>

      <h3 class="group-h">{t("station.reservations")}</h3>
      <div class="command-grid">
        <Command
          title={t("station.cmd.reserveNow")}
          doc={ReserveNow}
          submit={t("station.cmd.reserve")}
          variables={() => {
            const expiryDate = localToIso(resExpiry);
            if (!expiryDate) return null;
            return {
              stationId,
              connectorId: Number(resConnector),
              idTag: resTag.trim(),
              parentIdTag: orNull(resParent),
              expiryDate,
            };
          }}
          invalid={t("station.invalidDate")}
          status={(d) => d.reserveNow.status}
          details={(d) => <p>{t("station.reservationId", { id: d.reserveNow.reservation.id })}</p>}
          onDone={() => reservations.reload()}
        >
          <ConnectorSelect
            label={t("station.connectorLabel")}
            connectors={station.connectors}
            value={resConnector}
            onChange={setResConnector}
            zero
          />
          <Field label={t("station.idTag")}>
            <input required maxLength={20} value={resTag} onInput={(e) => setResTag(e.currentTarget.value)} />
          </Field>
          <Field label={t("station.parentIdTagOptional")}>
            <input maxLength={20} value={resParent} onInput={(e) => setResParent(e.currentTarget.value)} />
          </Field>
          <Field label={t("station.expiry")}>
            <input
              type="datetime-local"
              required
              value={resExpiry}
              onInput={(e) => setResExpiry(e.currentTarget.value)}
            />
          </Field>
        </Command>
      </div>

      <section class="card" aria-labelledby="reservations-h">
        <h3 id="reservations-h">{t("station.reservationList")}</h3>
        <label class="check">
          <input type="checkbox" checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />{" "}
          {t("station.includeEnded")}
        </label>
        <ErrorNotice error={reservations.error} />
        {reservations.data && reservations.data.reservations.length === 0 && (
          <p class="muted">{t("station.noReservations")}</p>
        )}
        {reservations.data && reservations.data.reservations.length > 0 && (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("station.connectorLabel")}</th>
                  <th scope="col">{t("station.idTag")}</th>
                  <th scope="col">{t("station.expiry")}</th>
                  <th scope="col">{t("station.state")}</th>
                  <th scope="col">
                    <span class="sr-only">{t("station.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {reservations.data.reservations.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.id}</th>
                    <td>{r.connectorId === 0 ? t("station.anyConnector") : r.connectorId}</td>
                    <td>
                      <code>{r.idTag}</code>
                    </td>
                    <td>{fmtDateTime(r.expiryDate)}</td>
                    <td>
                      <Badge value={r.state} /> {r.stationStatus && <span class="muted">{r.stationStatus}</span>}
                      {r.transactionId && (
                        <>
                          {" "}
                          <a href={`/transactions/${r.transactionId}`}>#{r.transactionId}</a>
                        </>
                      )}
                    </td>
                    <td>
                      <CancelReservationButton
                        id={r.id}
                        open={r.state === "ACTIVE" || r.state === "REQUESTED"}
                        onDone={() => reservations.reload()}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function CancelReservationButton(props: { id: number; open: boolean; onDone: () => void }) {
  const m = useMutation(CancelReservation);
  return (
    <>
      {props.open && (
      <ConfirmButton
        label={t("station.cmd.cancelReservation", { id: props.id })}
        question={t("station.confirm.cancelReservation", { id: props.id })}
        disabled={m.running}
        onConfirm={async () => {
          if (await m.run({ reservationId: props.id })) props.onDone();
        }}
      />
      )}
      <ErrorNotice error={m.error} />
      {m.result && (
        <Outcome status={m.result.cancelReservation.status}>{answerText(m.result.cancelReservation.status)}</Outcome>
      )}
    </>
  );
}
