// Security commands of a station (OCPP 1.6 Security Whitepaper): root certificates
// (install, list, delete), logs (GetLog and its requests), signed firmware (and its
// requests), a certificate chain for a signing request, its security profile and
// AuthorizationKey; and its registration (approve, reject).
import { useState } from "preact/hooks";
import { graphql } from "../../gql";
import type { StationInstalledCertificatesMutation } from "../../gql/graphql";
import { fmtDateTime, t } from "../../i18n";
import { useMutation, useQuery } from "../../lib/hooks";
import { isAdmin } from "../../lib/session";
import { Badge, ConfirmButton, ErrorNotice, Field, Outcome } from "../../lib/ui";
import type { CommandsProps } from "./commands";
import { Command, EnumSelect, answerText, intOrNull, isoToLocal, localToIso } from "./common";

const InstallCertificate = graphql(`
  mutation StationInstallCertificate($stationId: ID!, $certificateType: CertificateUse!, $certificate: String!) {
    installCertificate(stationId: $stationId, certificateType: $certificateType, certificate: $certificate) {
      status
    }
  }
`);
const InstalledCertificates = graphql(`
  mutation StationInstalledCertificates($stationId: ID!, $certificateType: CertificateUse!) {
    getInstalledCertificateIds(stationId: $stationId, certificateType: $certificateType) {
      status
      certificateHashData {
        hashAlgorithm
        issuerNameHash
        issuerKeyHash
        serialNumber
      }
    }
  }
`);
const DeleteCertificate = graphql(`
  mutation StationDeleteCertificate($stationId: ID!, $certificateHashData: CertificateHashDataInput!) {
    deleteCertificate(stationId: $stationId, certificateHashData: $certificateHashData) {
      status
    }
  }
`);
const GetLog = graphql(`
  mutation StationGetLog(
    $stationId: ID!
    $logType: LogType!
    $remoteLocation: String!
    $oldestTimestamp: DateTime
    $latestTimestamp: DateTime
    $retries: Int
    $retryInterval: Int
  ) {
    getLog(
      stationId: $stationId
      logType: $logType
      remoteLocation: $remoteLocation
      oldestTimestamp: $oldestTimestamp
      latestTimestamp: $latestTimestamp
      retries: $retries
      retryInterval: $retryInterval
    ) {
      status
      requestId
      filename
    }
  }
`);
const Requests = graphql(`
  query StationSecurityRequests($stationId: ID!) {
    logRequests(stationId: $stationId, first: 10) {
      nodes {
        id
        requestId
        logType
        remoteLocation
        requestedAt
        requestedBy
        status
        error
        filename
        statusNotifications {
          id
          status
          receivedAt
        }
      }
    }
    signedFirmwareUpdates(stationId: $stationId, first: 10) {
      nodes {
        id
        requestId
        location
        requestedAt
        requestedBy
        status
        error
        statusNotifications {
          id
          status
          receivedAt
        }
      }
    }
    certificateSigningRequests(stationId: $stationId, first: 10) {
      nodes {
        id
        state
        commonName
        receivedAt
        reason
      }
    }
  }
`);
const SignedUpdateFirmware = graphql(`
  mutation StationSignedUpdateFirmware(
    $stationId: ID!
    $firmware: FirmwareInput!
    $retries: Int
    $retryInterval: Int
  ) {
    signedUpdateFirmware(stationId: $stationId, firmware: $firmware, retries: $retries, retryInterval: $retryInterval) {
      status
      requestId
    }
  }
`);
const CertificateSigned = graphql(`
  mutation StationCertificateSigned($stationId: ID!, $certificateChain: String!, $requestId: Int) {
    certificateSigned(stationId: $stationId, certificateChain: $certificateChain, requestId: $requestId) {
      status
    }
  }
`);
const SetSecurityProfile = graphql(`
  mutation StationSetSecurityProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`);
const SetAuthorizationKey = graphql(`
  mutation StationSetAuthorizationKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`);
const Approve = graphql(`
  mutation StationApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`);
const Reject = graphql(`
  mutation StationReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`);

const USES = ["CENTRAL_SYSTEM_ROOT_CERTIFICATE", "MANUFACTURER_ROOT_CERTIFICATE"] as const;
/** OCPP 2.0.1's kinds besides 1.6's (a V2G chain is listed, never installed: it comes signed). */
const USES_201 = [...USES, "V2G_ROOT_CERTIFICATE", "MO_ROOT_CERTIFICATE"] as const;
const LISTED_201 = [...USES_201, "V2G_CERTIFICATE_CHAIN"] as const;
type HashData = StationInstalledCertificatesMutation["getInstalledCertificateIds"]["certificateHashData"][number];

export function SecurityCommands({ station, onChanged }: CommandsProps) {
  const stationId = station.id;
  const v201 = station.ocppVersion === "OCPP_2_0_1";
  const requests = useQuery(Requests, { stationId });
  const [certUse, setCertUse] = useState<string>("CENTRAL_SYSTEM_ROOT_CERTIFICATE");
  const [certificate, setCertificate] = useState("");
  const [listUse, setListUse] = useState<string>("CENTRAL_SYSTEM_ROOT_CERTIFICATE");
  const [del, setDel] = useState({ hashAlgorithm: "SHA256", issuerNameHash: "", issuerKeyHash: "", serialNumber: "" });
  const [logType, setLogType] = useState("DIAGNOSTICS_LOG");
  const [logLocation, setLogLocation] = useState("");
  const [logOldest, setLogOldest] = useState("");
  const [logLatest, setLogLatest] = useState("");
  const [fw, setFw] = useState({
    location: "",
    retrieve: isoToLocal(new Date()),
    install: "",
    signature: "",
    signingCertificate: "",
  });
  const [chain, setChain] = useState("");
  const [csrId, setCsrId] = useState("");
  const [profile, setProfile] = useState(String(station.securityProfile));
  const [authKey, setAuthKey] = useState("");
  const [sendKey, setSendKey] = useState(true);
  const r = requests.data;

  return (
    <>
      <h3 class="group-h">{t("station.registrationGroup")}</h3>
      <div class="command-grid">
        <Registration stationId={stationId} status={station.registrationStatus} onChanged={onChanged} />
      </div>

      <h3 class="group-h">{t("station.certificates")}</h3>
      <div class="command-grid">
        <Command
          title={t("station.cmd.installCertificate")}
          doc={InstallCertificate}
          submit={t("station.cmd.install")}
          variables={() => ({ stationId, certificateType: certUse, certificate: certificate.trim() })}
          status={(d) => d.installCertificate.status}
        >
          <EnumSelect
            label={t("station.certificateType")}
            values={v201 ? USES_201 : USES}
            value={certUse}
            onChange={setCertUse}
          />
          <Field label={t("station.certificatePem")}>
            <textarea
              required
              rows={5}
              class="mono"
              value={certificate}
              placeholder="-----BEGIN CERTIFICATE-----"
              onInput={(e) => setCertificate(e.currentTarget.value)}
            />
          </Field>
        </Command>

        <Command
          title={t("station.cmd.installedCertificates")}
          doc={InstalledCertificates}
          submit={t("station.cmd.ask")}
          variables={() => ({ stationId, certificateType: listUse })}
          status={(d) => d.getInstalledCertificateIds.status}
          details={(d) =>
            d.getInstalledCertificateIds.certificateHashData.length > 0 && (
              <ul class="cert-list">
                {d.getInstalledCertificateIds.certificateHashData.map((h) => (
                  <li key={h.serialNumber + h.issuerNameHash}>
                    <HashView h={h} />
                    <DeleteCertificateButton stationId={stationId} h={h} />
                  </li>
                ))}
              </ul>
            )
          }
        >
          <EnumSelect
            label={t("station.certificateType")}
            values={v201 ? LISTED_201 : USES}
            value={listUse}
            onChange={setListUse}
          />
        </Command>

        <Command
          title={t("station.cmd.deleteCertificate")}
          doc={DeleteCertificate}
          submit={t("station.cmd.delete")}
          confirm={t("station.confirm.deleteCertificate")}
          danger
          description={t("station.deleteCertificateHint")}
          variables={() => ({ stationId, certificateHashData: { ...del } })}
          status={(d) => d.deleteCertificate.status}
        >
          <EnumSelect
            label={t("station.hashAlgorithm")}
            values={["SHA256", "SHA384", "SHA512"]}
            value={del.hashAlgorithm}
            onChange={(v) => setDel({ ...del, hashAlgorithm: v })}
          />
          <Field label={t("station.issuerNameHash")}>
            <input required maxLength={128} value={del.issuerNameHash} onInput={(e) => setDel({ ...del, issuerNameHash: e.currentTarget.value })} />
          </Field>
          <Field label={t("station.issuerKeyHash")}>
            <input required maxLength={128} value={del.issuerKeyHash} onInput={(e) => setDel({ ...del, issuerKeyHash: e.currentTarget.value })} />
          </Field>
          <Field label={t("station.serialNumber")}>
            <input required maxLength={40} value={del.serialNumber} onInput={(e) => setDel({ ...del, serialNumber: e.currentTarget.value })} />
          </Field>
        </Command>

        <Command
          title={t("station.cmd.certificateSigned")}
          doc={CertificateSigned}
          submit={t("common.send")}
          description={t("station.certificateSignedHint")}
          variables={() => {
            const requestId = intOrNull(csrId);
            if (Number.isNaN(requestId)) return null;
            return { stationId, certificateChain: chain.trim(), requestId };
          }}
          invalid={t("station.invalidNumber")}
          status={(d) => d.certificateSigned.status}
          onDone={() => requests.reload()}
        >
          <Field label={t("station.csrIdOptional")}>
            <select value={csrId} onChange={(e) => setCsrId(e.currentTarget.value)}>
              <option value="">{t("station.newestPendingCsr")}</option>
              {r?.certificateSigningRequests.nodes.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  #{c.id} · {c.commonName ?? "–"} · {c.state ?? "–"} · {fmtDateTime(c.receivedAt)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("station.certificateChain")}>
            <textarea required rows={5} class="mono" value={chain} onInput={(e) => setChain(e.currentTarget.value)} />
          </Field>
        </Command>
      </div>

      <h3 class="group-h">{t("station.logsAndFirmware")}</h3>
      <div class="command-grid">
        <Command
          title={t("station.cmd.getLog")}
          doc={GetLog}
          submit={t("station.cmd.ask")}
          variables={() => ({
            stationId,
            logType,
            remoteLocation: logLocation.trim(),
            oldestTimestamp: localToIso(logOldest),
            latestTimestamp: localToIso(logLatest),
          })}
          status={(d) => d.getLog.status}
          details={(d) => (
            <p>
              {t("station.logRequestId", { id: d.getLog.requestId })}
              {d.getLog.filename && <> · {d.getLog.filename}</>}
            </p>
          )}
          onDone={() => requests.reload()}
        >
          <EnumSelect label={t("station.logType")} values={["DIAGNOSTICS_LOG", "SECURITY_LOG"]} value={logType} onChange={setLogType} />
          <Field label={t("station.remoteLocation")}>
            <input type="url" required value={logLocation} onInput={(e) => setLogLocation(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <Field label={t("station.oldestOptional")}>
              <input type="datetime-local" value={logOldest} onInput={(e) => setLogOldest(e.currentTarget.value)} />
            </Field>
            <Field label={t("station.latestOptional")}>
              <input type="datetime-local" value={logLatest} onInput={(e) => setLogLatest(e.currentTarget.value)} />
            </Field>
          </div>
        </Command>

        <Command
          title={t("station.cmd.signedUpdateFirmware")}
          doc={SignedUpdateFirmware}
          submit={t("common.send")}
          confirm={t("station.confirm.firmware")}
          danger
          variables={() => {
            const retrieveDateTime = localToIso(fw.retrieve);
            if (!retrieveDateTime) return null;
            return {
              stationId,
              firmware: {
                location: fw.location.trim(),
                retrieveDateTime,
                installDateTime: localToIso(fw.install),
                signature: fw.signature.trim(),
                signingCertificate: fw.signingCertificate.trim(),
              },
            };
          }}
          invalid={t("station.invalidDate")}
          status={(d) => d.signedUpdateFirmware.status}
          details={(d) => <p>{t("station.logRequestId", { id: d.signedUpdateFirmware.requestId })}</p>}
          onDone={() => requests.reload()}
        >
          <Field label={t("station.firmwareLocation")}>
            <input type="url" required maxLength={512} value={fw.location} onInput={(e) => setFw({ ...fw, location: e.currentTarget.value })} />
          </Field>
          <div class="row">
            <Field label={t("station.retrieveDate")}>
              <input type="datetime-local" required value={fw.retrieve} onInput={(e) => setFw({ ...fw, retrieve: e.currentTarget.value })} />
            </Field>
            <Field label={t("station.installDateOptional")}>
              <input type="datetime-local" value={fw.install} onInput={(e) => setFw({ ...fw, install: e.currentTarget.value })} />
            </Field>
          </div>
          <Field label={t("station.signature")}>
            <textarea required rows={2} class="mono" maxLength={800} value={fw.signature} onInput={(e) => setFw({ ...fw, signature: e.currentTarget.value })} />
          </Field>
          <Field label={t("station.signingCertificate")}>
            <textarea
              required
              rows={4}
              class="mono"
              maxLength={5500}
              value={fw.signingCertificate}
              onInput={(e) => setFw({ ...fw, signingCertificate: e.currentTarget.value })}
            />
          </Field>
        </Command>
      </div>

      <ErrorNotice error={requests.error} />
      <section class="card" aria-labelledby="log-req-h">
        <h3 id="log-req-h">{t("station.logRequests")}</h3>
        {r && r.logRequests.nodes.length === 0 && <p class="muted">{t("station.noneYet")}</p>}
        {r && r.logRequests.nodes.length > 0 && (
          <ul class="requests">
            {r.logRequests.nodes.map((l) => (
              <li key={l.id}>
                <strong>#{l.requestId}</strong> {l.logType && <>{l.logType} · </>}
                {fmtDateTime(l.requestedAt)} · {l.requestedBy} · <Badge value={l.status ?? "–"} />
                {l.error && <span class="muted"> · {l.error}</span>}
                {l.filename && <span class="muted"> · {l.filename}</span>}
                {l.statusNotifications.length > 0 && (
                  <span>
                    {" "}
                    → {l.statusNotifications.map((n) => `${n.status ?? "?"} (${fmtDateTime(n.receivedAt)})`).join(", ")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="sfw-req-h">
        <h3 id="sfw-req-h">{t("station.signedFirmwareUpdates")}</h3>
        {r && r.signedFirmwareUpdates.nodes.length === 0 && <p class="muted">{t("station.noneYet")}</p>}
        {r && r.signedFirmwareUpdates.nodes.length > 0 && (
          <ul class="requests">
            {r.signedFirmwareUpdates.nodes.map((f) => (
              <li key={f.id}>
                <strong>#{f.requestId}</strong> {fmtDateTime(f.requestedAt)} · {f.requestedBy} ·{" "}
                <Badge value={f.status ?? "–"} /> <span class="wrap">{f.location}</span>
                {f.error && <span class="muted"> · {f.error}</span>}
                {f.statusNotifications.length > 0 && (
                  <span>
                    {" "}
                    → {f.statusNotifications.map((n) => `${n.status ?? "?"} (${fmtDateTime(n.receivedAt)})`).join(", ")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <h3 class="group-h">{t("station.securityProfileGroup")}</h3>
      <div class="command-grid">
        <Command
          title={t("station.cmd.setSecurityProfile")}
          doc={SetSecurityProfile}
          submit={t("common.save")}
          confirm={t("station.confirm.securityProfile", { n: profile })}
          danger
          disabled={!isAdmin.value}
          description={isAdmin.value ? t("station.securityProfileHint") : t("station.adminsOnly")}
          variables={() => ({ stationId, profile: Number(profile) })}
          status={() => null}
          details={(d) => (
            <p class="notice ok" role="status">
              {t("station.securityProfileSet", { n: d.setStationSecurityProfile.securityProfile })}
            </p>
          )}
          onDone={() => onChanged()}
        >
          <label class="field">
            <span>{t("station.securityProfile")}</span>
            <select value={profile} disabled={!isAdmin.value} onChange={(e) => setProfile(e.currentTarget.value)}>
              {[0, 1, 2, 3].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </Command>

        <Command
          title={t("station.cmd.setAuthorizationKey")}
          doc={SetAuthorizationKey}
          submit={t("common.save")}
          confirm={t("station.confirm.authorizationKey")}
          danger
          description={t("station.authorizationKeyHint")}
          variables={() => ({ stationId, key: authKey.trim(), sendToStation: sendKey })}
          status={(d) => d.setStationAuthorizationKey.status}
          details={(d) =>
            d.setStationAuthorizationKey.status === null || d.setStationAuthorizationKey.status === undefined ? (
              <p class="notice ok" role="status">
                {t("station.authorizationKeyStored")}
              </p>
            ) : null
          }
          onDone={() => {
            setAuthKey("");
            onChanged();
          }}
        >
          <Field label={t("station.authorizationKey")} hint={t("station.authorizationKeyFormat")}>
            <input
              required
              class="mono"
              autoComplete="off"
              pattern="[0-9a-fA-F]{32,40}"
              value={authKey}
              onInput={(e) => setAuthKey(e.currentTarget.value)}
            />
          </Field>
          <label class="check">
            <input type="checkbox" checked={sendKey} onChange={(e) => setSendKey(e.currentTarget.checked)} />{" "}
            {t("station.sendToStation")}
          </label>
        </Command>
      </div>
    </>
  );
}

function HashView({ h }: { h: HashData }) {
  return (
    <dl class="kv">
      <dt>{t("station.serialNumber")}</dt>
      <dd>
        <code>{h.serialNumber}</code>
      </dd>
      <dt>{t("station.hashAlgorithm")}</dt>
      <dd>{h.hashAlgorithm}</dd>
      <dt>{t("station.issuerNameHash")}</dt>
      <dd>
        <code>{h.issuerNameHash}</code>
      </dd>
      <dt>{t("station.issuerKeyHash")}</dt>
      <dd>
        <code>{h.issuerKeyHash}</code>
      </dd>
    </dl>
  );
}

function DeleteCertificateButton(props: { stationId: string; h: HashData }) {
  const m = useMutation(DeleteCertificate);
  return (
    <div>
      <ConfirmButton
        label={t("station.deleteCertificate", { serial: props.h.serialNumber })}
        question={t("station.confirm.deleteCertificate")}
        danger
        disabled={m.running}
        onConfirm={() => void m.run({ stationId: props.stationId, certificateHashData: { ...props.h } })}
      />
      <ErrorNotice error={m.error} />
      {m.result && (
        <Outcome status={m.result.deleteCertificate.status}>{answerText(m.result.deleteCertificate.status)}</Outcome>
      )}
    </div>
  );
}

function Registration(props: { stationId: string; status: string | null | undefined; onChanged: () => void }) {
  const approve = useMutation(Approve);
  const reject = useMutation(Reject);
  const done = (s: string | null | undefined) => (
    <p class="notice ok" role="status">
      {t("station.registrationNow", { status: s ?? "–" })}
    </p>
  );
  return (
    <section class="card command" aria-labelledby="registration-h">
      <h3 id="registration-h">{t("station.registration")}</h3>
      <p>
        {t("station.registrationIs")} <Badge value={props.status} />
      </p>
      <p class="muted">{t("station.registrationHint")}</p>
      <div class="row">
        <button
          type="button"
          class="primary"
          disabled={approve.running || props.status === "ACCEPTED"}
          onClick={async () => {
            reject.reset();
            if (await approve.run({ id: props.stationId })) props.onChanged();
          }}
        >
          {t("station.cmd.approve")}
        </button>
        <ConfirmButton
          label={t("station.cmd.reject")}
          question={t("station.confirm.reject")}
          danger
          disabled={reject.running || props.status === "REJECTED"}
          onConfirm={async () => {
            approve.reset();
            if (await reject.run({ id: props.stationId })) props.onChanged();
          }}
        />
      </div>
      <ErrorNotice error={approve.error ?? reject.error} />
      {approve.result && done(approve.result.approveStation.registrationStatus)}
      {reject.result && done(reject.result.rejectStation.registrationStatus)}
    </section>
  );
}
