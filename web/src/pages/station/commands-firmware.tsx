// Firmware and diagnostics of a station: UpdateFirmware and its requests, GetDiagnostics and
// its requests (with the uploaded file to download when it came to chargegate), and the
// firmware/diagnostics status notifications the station sent.
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import { fmtDateTime, fmtNumber, t } from "../../i18n";
import { ApiError } from "../../lib/api";
import { useQuery } from "../../lib/hooks";
import { session } from "../../lib/session";
import { ErrorNotice, Field } from "../../lib/ui";
import type { CommandsProps } from "./commands";
import { Command, intOrNull, isoToLocal, localToIso, orNull } from "./common";

const FirmwareUpdates = graphql(`
  query StationFirmwareUpdates($stationId: ID!) {
    firmwareUpdates(stationId: $stationId, limit: 20) {
      id
      location
      retrieveDate
      retries
      retryInterval
      requestedAt
      requestedBy
    }
    diagnosticsRequests(stationId: $stationId, limit: 20) {
      id
      location
      requestedAt
      requestedBy
      startTime
      stopTime
      fileName
      uploadedName
      uploadedAt
      uploadExpiresAt
      size
      downloadPath
    }
    statusNotifications(stationId: $stationId, limit: 20) {
      at
      kind
      status
    }
  }
`);
const UpdateFirmware = graphql(`
  mutation StationUpdateFirmware(
    $stationId: ID!
    $location: String!
    $retrieveDate: DateTime!
    $retries: Int
    $retryInterval: Int
  ) {
    updateFirmware(
      stationId: $stationId
      location: $location
      retrieveDate: $retrieveDate
      retries: $retries
      retryInterval: $retryInterval
    ) {
      id
    }
  }
`);
const GetDiagnostics = graphql(`
  mutation StationGetDiagnostics(
    $stationId: ID!
    $location: String
    $retries: Int
    $retryInterval: Int
    $startTime: DateTime
    $stopTime: DateTime
  ) {
    getDiagnostics(
      stationId: $stationId
      location: $location
      retries: $retries
      retryInterval: $retryInterval
      startTime: $startTime
      stopTime: $stopTime
    ) {
      id
      fileName
    }
  }
`);

export function FirmwareCommands({ station, onChanged }: CommandsProps) {
  const stationId = station.id;
  const lists = useQuery(FirmwareUpdates, { stationId });
  const [fwLocation, setFwLocation] = useState("");
  const [fwDate, setFwDate] = useState(() => isoToLocal(new Date()));
  const [fwRetries, setFwRetries] = useState("");
  const [fwInterval, setFwInterval] = useState("");
  const [dLocation, setDLocation] = useState("");
  const [dStart, setDStart] = useState("");
  const [dStop, setDStop] = useState("");
  const [dRetries, setDRetries] = useState("");
  const [dInterval, setDInterval] = useState("");
  const d = lists.data;

  return (
    <>
      <div class="command-grid">
        <Command
          title={t("station.cmd.updateFirmware")}
          doc={UpdateFirmware}
          submit={t("common.send")}
          confirm={t("station.confirm.firmware")}
          danger
          variables={() => {
            const retrieveDate = localToIso(fwDate);
            const retries = intOrNull(fwRetries);
            const retryInterval = intOrNull(fwInterval);
            if (!retrieveDate || Number.isNaN(retries) || Number.isNaN(retryInterval)) return null;
            return { stationId, location: fwLocation.trim(), retrieveDate, retries, retryInterval };
          }}
          invalid={t("station.invalidNumber")}
          status={() => null}
          details={(r) => (
            <p class="notice ok" role="status">
              {t("station.firmwareRequested", { id: r.updateFirmware.id })}
            </p>
          )}
          onDone={() => {
            lists.reload();
            onChanged();
          }}
        >
          <Field label={t("station.firmwareLocation")}>
            <input type="url" required value={fwLocation} onInput={(e) => setFwLocation(e.currentTarget.value)} />
          </Field>
          <Field label={t("station.retrieveDate")}>
            <input type="datetime-local" required value={fwDate} onInput={(e) => setFwDate(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <Field label={t("station.retriesOptional")}>
              <input inputMode="numeric" size={4} value={fwRetries} onInput={(e) => setFwRetries(e.currentTarget.value)} />
            </Field>
            <Field label={t("station.retryIntervalOptional")}>
              <input inputMode="numeric" size={6} value={fwInterval} onInput={(e) => setFwInterval(e.currentTarget.value)} />
            </Field>
          </div>
        </Command>

        <Command
          title={t("station.cmd.getDiagnostics")}
          doc={GetDiagnostics}
          submit={t("station.cmd.ask")}
          variables={() => {
            const retries = intOrNull(dRetries);
            const retryInterval = intOrNull(dInterval);
            if (Number.isNaN(retries) || Number.isNaN(retryInterval)) return null;
            return {
              stationId,
              location: orNull(dLocation),
              startTime: localToIso(dStart),
              stopTime: localToIso(dStop),
              retries,
              retryInterval,
            };
          }}
          invalid={t("station.invalidNumber")}
          status={() => null}
          details={(r) => (
            <p class="notice ok" role="status">
              {r.getDiagnostics.fileName
                ? t("station.diagnosticsFile", { name: r.getDiagnostics.fileName })
                : t("station.diagnosticsNoFile")}
            </p>
          )}
          onDone={() => lists.reload()}
        >
          <Field label={t("station.diagnosticsLocation")} hint={t("station.diagnosticsLocationHint")}>
            <input type="url" value={dLocation} onInput={(e) => setDLocation(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <Field label={t("station.startTimeOptional")}>
              <input type="datetime-local" value={dStart} onInput={(e) => setDStart(e.currentTarget.value)} />
            </Field>
            <Field label={t("station.stopTimeOptional")}>
              <input type="datetime-local" value={dStop} onInput={(e) => setDStop(e.currentTarget.value)} />
            </Field>
          </div>
          <div class="row">
            <Field label={t("station.retriesOptional")}>
              <input inputMode="numeric" size={4} value={dRetries} onInput={(e) => setDRetries(e.currentTarget.value)} />
            </Field>
            <Field label={t("station.retryIntervalOptional")}>
              <input inputMode="numeric" size={6} value={dInterval} onInput={(e) => setDInterval(e.currentTarget.value)} />
            </Field>
          </div>
        </Command>
      </div>

      <ErrorNotice error={lists.error} />
      <section class="card" aria-labelledby="fw-list-h">
        <h3 id="fw-list-h">{t("station.firmwareUpdates")}</h3>
        <p>
          {t("station.firmwareStatus")}: <strong>{station.firmwareStatus ?? "–"}</strong>{" "}
          <span class="muted">{fmtDateTime(station.firmwareStatusAt)}</span>
        </p>
        {d && d.firmwareUpdates.length === 0 && <p class="muted">{t("station.noneYet")}</p>}
        {d && d.firmwareUpdates.length > 0 && (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("station.requestedAt")}</th>
                  <th scope="col">{t("station.location")}</th>
                  <th scope="col">{t("station.retrieveDate")}</th>
                  <th scope="col">{t("station.requestedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {d.firmwareUpdates.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{fmtDateTime(f.requestedAt)}</th>
                    <td class="wrap">{f.location}</td>
                    <td>{fmtDateTime(f.retrieveDate)}</td>
                    <td>{f.requestedBy ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="card" aria-labelledby="diag-list-h">
        <h3 id="diag-list-h">{t("station.diagnosticsRequests")}</h3>
        <p>
          {t("station.diagnosticsStatus")}: <strong>{station.diagnosticsStatus ?? "–"}</strong>{" "}
          <span class="muted">{fmtDateTime(station.diagnosticsStatusAt)}</span>
        </p>
        {d && d.diagnosticsRequests.length === 0 && <p class="muted">{t("station.noneYet")}</p>}
        {d && d.diagnosticsRequests.length > 0 && (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("station.requestedAt")}</th>
                  <th scope="col">{t("station.location")}</th>
                  <th scope="col">{t("station.file")}</th>
                  <th scope="col">{t("station.uploadedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {d.diagnosticsRequests.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{fmtDateTime(r.requestedAt)}</th>
                    <td class="wrap">{r.location}</td>
                    <td>
                      {r.downloadPath ? (
                        <DownloadButton
                          path={r.downloadPath}
                          name={r.uploadedName ?? r.fileName ?? `diagnostics-${r.id}`}
                          size={r.size}
                        />
                      ) : (
                        (r.fileName ?? "–")
                      )}
                    </td>
                    <td>
                      {r.uploadedAt
                        ? fmtDateTime(r.uploadedAt)
                        : r.uploadExpiresAt
                          ? t("station.uploadUntil", { at: fmtDateTime(r.uploadExpiresAt) })
                          : "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="card" aria-labelledby="notif-h">
        <h3 id="notif-h">{t("station.statusNotifications")}</h3>
        {d && d.statusNotifications.length === 0 && <p class="muted">{t("station.noneYet")}</p>}
        {d && d.statusNotifications.length > 0 && (
          <ul>
            {d.statusNotifications.map((n, i) => (
              <li key={i}>
                {fmtDateTime(n.at)} · {n.kind === "FIRMWARE" ? t("station.firmware") : t("station.diagnostics")}:{" "}
                <strong>{n.status}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The uploaded file needs the bearer token, so it is fetched and handed over as a Blob. */
function DownloadButton(props: { path: string; name: string; size?: number | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const get = async () => {
    setBusy(true);
    setError(null);
    try {
      const token = session.value?.token;
      const r = await fetch(props.path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!r.ok) throw new ApiError(`HTTP ${r.status}`, r.status === 404 ? "NOT_FOUND" : r.status === 403 ? "FORBIDDEN" : "ERROR");
      const url = URL.createObjectURL(await r.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = props.name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), "NETWORK"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="link" disabled={busy} onClick={get}>
        {t("station.download", { name: props.name })}
      </button>
      {props.size !== null && props.size !== undefined && (
        <span class="muted"> ({t("station.bytes", { n: fmtNumber(props.size) })})</span>
      )}
      <ErrorNotice error={error} />
    </>
  );
}
