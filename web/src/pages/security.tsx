// Approvals and security (operators and administrators): stations waiting for approval,
// each station's security profile and AuthorizationKey, a station's security events (live),
// and certificate signing requests with a form to send a signed chain. Tab in the path,
// filters in the query string.
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { graphql } from "../gql";
import type { CsrState } from "../gql/graphql";
import { fmtAgo, fmtDateTime, t } from "../i18n";
import { live } from "../lib/api";
import { useMutation, useQuery, useUrlQuery, type UrlQuery as Query } from "../lib/hooks";
import { canOperate, isAdmin } from "../lib/session";
import { Badge, ConfirmButton, ErrorNotice, Field, Outcome, Page, Pager, useDebounced } from "../lib/ui";

const PAGE = 50;

const PendingQuery = graphql(`
  query SecPending($first: Int, $last: Int, $after: String, $before: String) {
    stations(registrationStatus: PENDING, first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        vendor
        model
        firmwareVersion
        connected
        firstSeenAt
        lastSeenAt
      }
    }
  }
`);

const ApproveMutation = graphql(`
  mutation SecApprove($id: ID!) {
    approveStation(id: $id) {
      id
      registrationStatus
    }
  }
`);

const RejectMutation = graphql(`
  mutation SecReject($id: ID!) {
    rejectStation(id: $id) {
      id
      registrationStatus
    }
  }
`);

const ProfilesQuery = graphql(`
  query SecProfiles($first: Int, $last: Int, $after: String, $before: String) {
    stations(first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        connected
        registrationStatus
        securityProfile
        hasAuthorizationKey
      }
    }
  }
`);

const OneStationQuery = graphql(`
  query SecStation($id: ID!) {
    station(id: $id) {
      id
      connected
      registrationStatus
      securityProfile
      hasAuthorizationKey
    }
  }
`);

const ProfileMutation = graphql(`
  mutation SecSetProfile($stationId: ID!, $profile: Int!) {
    setStationSecurityProfile(stationId: $stationId, profile: $profile) {
      id
      securityProfile
    }
  }
`);

const KeyMutation = graphql(`
  mutation SecSetKey($stationId: ID!, $key: String!, $sendToStation: Boolean) {
    setStationAuthorizationKey(stationId: $stationId, key: $key, sendToStation: $sendToStation) {
      status
      station {
        id
        hasAuthorizationKey
      }
    }
  }
`);

const EventsQuery = graphql(`
  query SecEvents($stationId: ID!, $first: Int, $last: Int, $after: String, $before: String) {
    securityEvents(stationId: $stationId, first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        type
        timestamp
        receivedAt
        techInfo
      }
    }
  }
`);

const EventsSubscription = graphql(`
  subscription SecEventsLive($stationId: ID!) {
    securityEvents(stationId: $stationId) {
      id
      type
      timestamp
      receivedAt
      techInfo
    }
  }
`);

const CsrQuery = graphql(`
  query SecCsrs($state: CsrState, $stationId: ID, $first: Int, $last: Int, $after: String, $before: String) {
    certificateSigningRequests(
      state: $state
      stationId: $stationId
      first: $first
      last: $last
      after: $after
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        stationId
        state
        commonName
        organization
        receivedAt
        sentAt
        answeredAt
        signedBy
        stationStatus
        reason
        csr
      }
    }
  }
`);

const SignedMutation = graphql(`
  mutation SecCertificateSigned($stationId: ID!, $requestId: Int, $certificateChain: String!) {
    certificateSigned(stationId: $stationId, requestId: $requestId, certificateChain: $certificateChain) {
      status
    }
  }
`);


/** The page's cursor from the URL: `after`/`before` in the query string. */
function paging(q: Query) {
  return q.before ? { last: PAGE, before: q.before } : { first: PAGE, after: q.after };
}

const TABS = ["approvals", "profiles", "events", "csr"] as const;
type Tab = (typeof TABS)[number];

function tabLabel(tab: Tab): string {
  switch (tab) {
    case "approvals":
      return t("security.tab.approvals");
    case "profiles":
      return t("security.tab.profiles");
    case "events":
      return t("security.tab.events");
    case "csr":
      return t("security.tab.csr");
  }
}

export function Security() {
  const { params } = useRoute();
  const tab: Tab = (TABS as readonly string[]).includes(params.tab) ? (params.tab as Tab) : "approvals";
  if (!canOperate.value)
    return (
      <Page title={t("nav.security")}>
        <p class="notice warn">{t("security.operatorsOnly")}</p>
      </Page>
    );
  return (
    <Page title={t("nav.security")}>
      <nav class="tabs" aria-label={t("security.tabs")}>
        {TABS.map((k) => (
          <a key={k} href={`/security/${k}`} aria-current={k === tab ? "page" : undefined}>
            {tabLabel(k)}
          </a>
        ))}
      </nav>
      <h2>{tabLabel(tab)}</h2>
      {tab === "approvals" && <Approvals />}
      {tab === "profiles" && <Profiles />}
      {tab === "events" && <Events />}
      {tab === "csr" && <Csrs />}
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Approvals

function Approvals() {
  const [q, setQ] = useUrlQuery();
  const list = useQuery(PendingQuery, paging(q));
  const approve = useMutation(ApproveMutation);
  const reject = useMutation(RejectMutation);
  const [done, setDone] = useState<string | null>(null);
  const [byId, setById] = useState("");
  const conn = list.data?.stations;

  const doApprove = async (id: string) => {
    setDone(null);
    reject.reset();
    const r = await approve.run({ id });
    if (r) {
      setDone(t("security.approvedOk", { id }));
      list.reload();
    }
  };
  const doReject = async (id: string) => {
    setDone(null);
    approve.reset();
    const r = await reject.run({ id });
    if (r) {
      setDone(t("security.rejectedOk", { id }));
      list.reload();
    }
  };

  return (
    <>
      <p class="muted">{t("security.approvalsIntro")}</p>
      <p role="status" class={done ? "notice ok" : "sr-only"}>
        {done}
      </p>
      <ErrorNotice error={list.error ?? approve.error ?? reject.error} />
      {list.loading && !conn && <p class="muted">{t("common.loading")}</p>}
      {conn && conn.nodes.length === 0 && <p class="muted">{t("security.noPending")}</p>}
      {conn && conn.nodes.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t("security.tab.approvals")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("security.station")}</th>
                <th scope="col">{t("security.vendorModel")}</th>
                <th scope="col">{t("security.firmware")}</th>
                <th scope="col">{t("security.connected")}</th>
                <th scope="col">{t("security.firstSeen")}</th>
                <th scope="col">
                  <span class="sr-only">{t("security.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {conn.nodes.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={`/stations/${encodeURIComponent(s.id)}`}>{s.id}</a>
                  </th>
                  <td>{[s.vendor, s.model].filter(Boolean).join(" · ") || "–"}</td>
                  <td>{s.firmwareVersion ?? "–"}</td>
                  <td>
                    <Badge value={s.connected ? "ONLINE" : "OFFLINE"} />
                  </td>
                  <td>{s.firstSeenAt ? fmtAgo(s.firstSeenAt) : "–"}</td>
                  <td>
                    <div class="row">
                      <button
                        type="button"
                        class="primary"
                        aria-label={t("security.approveOf", { id: s.id })}
                        disabled={approve.running}
                        onClick={() => doApprove(s.id)}
                      >
                        {t("security.approve")}
                      </button>
                      <ConfirmButton
                        danger
                        label={t("security.rejectOf", { id: s.id })}
                        question={t("security.rejectQuestion", { id: s.id })}
                        disabled={reject.running}
                        onConfirm={() => doReject(s.id)}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <Pager
          pageInfo={conn.pageInfo}
          total={conn.totalCount}
          onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
        />
      )}
      <form
        class="card"
        style="margin-top:16px"
        aria-labelledby="sec-approve-id"
        onSubmit={(e) => {
          e.preventDefault();
          if (byId.trim()) void doApprove(byId.trim()).then(() => setById(""));
        }}
      >
        <h3 id="sec-approve-id" style="margin-top:0">
          {t("security.approveById")}
        </h3>
        <p class="muted">{t("security.approveByIdIntro")}</p>
        <div class="row">
          <Field label={t("security.stationId")}>
            <input name="stationId" required value={byId} onInput={(e) => setById(e.currentTarget.value)} />
          </Field>
          <div class="field">
            <button type="submit" disabled={approve.running}>
              {t("security.approveStation")}
            </button>
          </div>
        </div>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Security profiles and keys

/** 20 random bytes as 40 hexadecimal digits (an AuthorizationKey), made in the browser. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function Profiles() {
  const [q, setQ] = useUrlQuery();
  const [lookup, setLookup] = useState(q.station ?? "");
  const dLookup = useDebounced(lookup.trim(), 400);
  useEffect(() => {
    if ((q.station ?? "") !== dLookup) setQ({ station: dLookup, after: undefined, before: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dLookup]);
  const list = useQuery(ProfilesQuery, paging(q), { skip: !!q.station });
  const one = useQuery(OneStationQuery, { id: q.station ?? "" }, { skip: !q.station });
  const [managing, setManaging] = useState<string | null>(null);

  const rows = q.station ? (one.data?.station ? [one.data.station] : []) : (list.data?.stations.nodes ?? []);
  const current = rows.find((r) => r.id === managing);
  const reload = () => (q.station ? one.reload() : list.reload());

  return (
    <>
      <p class="muted">{t("security.profilesIntro")}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label={t("security.stationId")} hint={t("security.stationIdHint")}>
          <input name="station" value={lookup} onInput={(e) => setLookup(e.currentTarget.value)} />
        </Field>
      </form>
      <ErrorNotice error={q.station ? one.error : list.error} />
      {q.station && one.data && !one.data.station && <p class="muted">{t("security.noStation")}</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t("security.tab.profiles")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("security.station")}</th>
                <th scope="col">{t("security.connected")}</th>
                <th scope="col">{t("security.registration")}</th>
                <th scope="col" class="num">
                  {t("security.profile")}
                </th>
                <th scope="col">{t("security.key")}</th>
                <th scope="col">
                  <span class="sr-only">{t("security.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={`/stations/${encodeURIComponent(s.id)}`}>{s.id}</a>
                  </th>
                  <td>
                    <Badge value={s.connected ? "ONLINE" : "OFFLINE"} />
                  </td>
                  <td>
                    <Badge value={s.registrationStatus} />
                  </td>
                  <td class="num">{s.securityProfile}</td>
                  <td>{s.hasAuthorizationKey ? t("security.keySet") : t("security.keyNone")}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t("security.manageOf", { id: s.id })}
                      aria-expanded={managing === s.id}
                      onClick={() => setManaging(managing === s.id ? null : s.id)}
                    >
                      {t("security.manage")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!q.station && list.data && (
        <Pager
          pageInfo={list.data.stations.pageInfo}
          total={list.data.stations.totalCount}
          onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
        />
      )}
      {current && <ManageStation key={current.id} station={current} onChanged={reload} />}
    </>
  );
}

function ManageStation(props: {
  station: { id: string; securityProfile: number; connected: boolean; hasAuthorizationKey?: boolean | null };
  onChanged: () => void;
}) {
  const s = props.station;
  const [profile, setProfile] = useState(String(s.securityProfile));
  const [key, setKey] = useState("");
  const [send, setSend] = useState(s.connected);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const setProf = useMutation(ProfileMutation);
  const setKeyM = useMutation(KeyMutation);
  const keyValid = /^[0-9a-fA-F]{32,40}$/.test(key) && key.length % 2 === 0;

  const saveProfile = async () => {
    const r = await setProf.run({ stationId: s.id, profile: Number(profile) });
    if (r) props.onChanged();
  };
  const saveKey = async (e: Event) => {
    e.preventDefault();
    if (!keyValid) return;
    const r = await setKeyM.run({ stationId: s.id, key, sendToStation: send });
    if (r) {
      const stored = r.setStationAuthorizationKey.status === null || r.setStationAuthorizationKey.status === "ACCEPTED";
      if (stored) setShownKey(key);
      setKey("");
      props.onChanged();
    }
  };

  return (
    <section class="card" style="margin-top:16px" aria-labelledby="sec-manage">
      <h3 id="sec-manage" style="margin-top:0">
        {t("security.manageTitle", { id: s.id })}
      </h3>
      <p class="muted">
        {t("security.morePrefix")} <a href={`/stations/${encodeURIComponent(s.id)}`}>{t("security.stationPage")}</a>
      </p>
      <div class="grid2">
        <div>
          <h4>{t("security.profile")}</h4>
          <p class="muted">{t("security.profileHelp")}</p>
          <div class="row">
            <Field label={t("security.profile")}>
              <select name="profile" value={profile} onChange={(e) => setProfile(e.currentTarget.value)}>
                {[0, 1, 2, 3].map((p) => (
                  <option key={p} value={String(p)}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            <div class="field">
              <ConfirmButton
                label={t("security.setProfile")}
                question={t("security.profileQuestion", { id: s.id, profile })}
                disabled={!isAdmin.value || setProf.running || profile === String(s.securityProfile)}
                onConfirm={saveProfile}
              />
            </div>
          </div>
          {!isAdmin.value && <p class="muted">{t("security.profileAdminsOnly")}</p>}
          {setProf.result && (
            <p class="notice ok" role="status">
              {t("security.profileOk", { profile: setProf.result.setStationSecurityProfile.securityProfile })}
            </p>
          )}
          <ErrorNotice error={setProf.error} />
        </div>
        <form onSubmit={saveKey}>
          <h4>{t("security.key")}</h4>
          <p class="muted">{t("security.keyHelp")}</p>
          <Field label={t("security.keyInput")} hint={t("security.keyHint")}>
            <input
              name="authorizationKey"
              autocomplete="off"
              spellcheck={false}
              pattern="[0-9a-fA-F]{32,40}"
              value={key}
              onInput={(e) => setKey(e.currentTarget.value.trim())}
            />
          </Field>
          <div class="row">
            <button type="button" onClick={() => setKey(randomKey())}>
              {t("security.generateKey")}
            </button>
            <label>
              <input type="checkbox" checked={send} onChange={(e) => setSend(e.currentTarget.checked)} />{" "}
              {t("security.sendToStation")}
            </label>
            <button type="submit" class="primary" disabled={!keyValid || setKeyM.running}>
              {t("security.setKey")}
            </button>
          </div>
          {setKeyM.result && setKeyM.result.setStationAuthorizationKey.status && (
            <Outcome status={setKeyM.result.setStationAuthorizationKey.status} />
          )}
          {shownKey && (
            <div class="notice ok" role="status">
              <p style="margin-top:0">{t("security.keyStored")}</p>
              <code style="overflow-wrap:anywhere">{shownKey}</code>
            </div>
          )}
          <ErrorNotice error={setKeyM.error} />
        </form>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Security events of one station

function Events() {
  const [q, setQ] = useUrlQuery();
  const [station, setStation] = useState(q.station ?? "");
  const dStation = useDebounced(station.trim(), 400);
  useEffect(() => {
    if ((q.station ?? "") !== dStation) setQ({ station: dStation, after: undefined, before: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dStation]);
  const stationId = q.station ?? "";
  const list = useQuery(EventsQuery, { stationId, ...paging(q) }, { skip: !stationId });
  const firstPage = !q.after && !q.before;

  useEffect(() => {
    if (!stationId) return;
    return live(
      EventsSubscription,
      { stationId },
      {
        next: (d) => {
          if (!firstPage) return;
          list.setData((old) =>
            old
              ? {
                  securityEvents: {
                    ...old.securityEvents,
                    totalCount: old.securityEvents.totalCount + 1,
                    nodes: [d.securityEvents, ...old.securityEvents.nodes.filter((n) => n.id !== d.securityEvents.id)],
                  },
                }
              : old,
          );
        },
        resync: () => list.reload(),
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stationId, firstPage]);

  const conn = list.data?.securityEvents;
  return (
    <>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label={t("security.stationId")}>
          <input name="station" value={station} onInput={(e) => setStation(e.currentTarget.value)} />
        </Field>
        {stationId && <span class="live-dot muted">{t("common.live")}</span>}
      </form>
      {!stationId && <p class="muted">{t("security.pickStation")}</p>}
      <ErrorNotice error={list.error} />
      {stationId && list.loading && !conn && <p class="muted">{t("common.loading")}</p>}
      {conn && conn.nodes.length === 0 && <p class="muted">{t("security.noEvents")}</p>}
      {conn && conn.nodes.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t("security.eventsOf", { id: stationId })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("security.when")}</th>
                <th scope="col">{t("security.type")}</th>
                <th scope="col">{t("security.techInfo")}</th>
                <th scope="col">{t("security.received")}</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {conn.nodes.map((e) => (
                <tr key={e.id}>
                  <td>{fmtDateTime(e.timestamp)}</td>
                  <th scope="row">{e.type}</th>
                  <td>{e.techInfo ?? "–"}</td>
                  <td>{fmtDateTime(e.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <Pager
          pageInfo={conn.pageInfo}
          total={conn.totalCount}
          onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
        />
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Certificate signing requests

const CSR_STATES: CsrState[] = ["PENDING", "ACCEPTED", "CERTIFICATE_REJECTED", "REJECTED"];

function csrStateLabel(s: string | null | undefined): string {
  if (!s) return "–";
  const labels: Record<string, string> = {
    PENDING: t("security.csr.PENDING"),
    ACCEPTED: t("security.csr.ACCEPTED"),
    CERTIFICATE_REJECTED: t("security.csr.CERTIFICATE_REJECTED"),
    REJECTED: t("security.csr.REJECTED"),
  };
  return labels[s] ?? s;
}

function Csrs() {
  const [q, setQ] = useUrlQuery();
  const [station, setStation] = useState(q.station ?? "");
  const dStation = useDebounced(station.trim(), 400);
  useEffect(() => {
    if ((q.station ?? "") !== dStation) setQ({ station: dStation, after: undefined, before: undefined });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dStation]);
  const list = useQuery(CsrQuery, {
    state: (q.state as CsrState) || undefined,
    stationId: q.station || undefined,
    ...paging(q),
  });
  const [signing, setSigning] = useState<number | null>(null);
  const conn = list.data?.certificateSigningRequests;
  const current = conn?.nodes.find((n) => n.id === signing);

  return (
    <>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label={t("security.csrState")}>
          <select
            name="state"
            value={q.state ?? ""}
            onChange={(e) => setQ({ state: e.currentTarget.value || undefined, after: undefined, before: undefined })}
          >
            <option value="">{t("common.all")}</option>
            {CSR_STATES.map((s) => (
              <option key={s} value={s}>
                {csrStateLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("security.stationId")}>
          <input name="station" value={station} onInput={(e) => setStation(e.currentTarget.value)} />
        </Field>
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && !conn && <p class="muted">{t("common.loading")}</p>}
      {conn && conn.nodes.length === 0 && <p class="muted">{t("security.noCsrs")}</p>}
      {conn && conn.nodes.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t("security.tab.csr")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("security.csrId")}</th>
                <th scope="col">{t("security.station")}</th>
                <th scope="col">{t("security.csrState")}</th>
                <th scope="col">{t("security.subject")}</th>
                <th scope="col">{t("security.received")}</th>
                <th scope="col">{t("security.answer")}</th>
                <th scope="col">
                  <span class="sr-only">{t("security.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {conn.nodes.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.id}</th>
                  <td>
                    <a href={`/stations/${encodeURIComponent(c.stationId)}`}>{c.stationId}</a>
                  </td>
                  <td>
                    <span class={`badge s-${(c.state ?? "").toLowerCase().replace("certificate_", "")}`}>
                      {csrStateLabel(c.state)}
                    </span>
                    {c.reason && <div class="muted">{c.reason}</div>}
                  </td>
                  <td>{[c.commonName, c.organization].filter(Boolean).join(" · ") || "–"}</td>
                  <td>{fmtDateTime(c.receivedAt)}</td>
                  <td>
                    {c.stationStatus ? <Badge value={c.stationStatus} /> : "–"}
                    {c.signedBy && <div class="muted">{t("security.signedBy", { who: c.signedBy })}</div>}
                  </td>
                  <td>
                    {c.state === "PENDING" && (
                      <button
                        type="button"
                        aria-label={t("security.signOf", { id: c.id })}
                        aria-expanded={signing === c.id}
                        onClick={() => setSigning(signing === c.id ? null : c.id)}
                      >
                        {t("security.sign")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <Pager
          pageInfo={conn.pageInfo}
          total={conn.totalCount}
          onPage={(v) => setQ({ after: v.after ?? undefined, before: v.before ?? undefined })}
        />
      )}
      {current && <SendCertificate key={current.id} csr={current} onSent={() => list.reload()} />}
    </>
  );
}

function SendCertificate(props: { csr: { id: number; stationId: string; csr: string }; onSent: () => void }) {
  const [chain, setChain] = useState("");
  const send = useMutation(SignedMutation);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await send.run({ stationId: props.csr.stationId, requestId: props.csr.id, certificateChain: chain });
    if (r) props.onSent();
  };
  return (
    <form class="card" style="margin-top:16px" aria-labelledby="sec-sign" onSubmit={submit}>
      <h3 id="sec-sign" style="margin-top:0">
        {t("security.signTitle", { id: props.csr.id, station: props.csr.stationId })}
      </h3>
      <details>
        <summary>{t("security.showCsr")}</summary>
        <pre>{props.csr.csr}</pre>
      </details>
      <Field label={t("security.chain")} hint={t("security.chainHint")}>
        <textarea
          name="certificateChain"
          rows={10}
          required
          spellcheck={false}
          value={chain}
          onInput={(e) => setChain(e.currentTarget.value)}
          placeholder="-----BEGIN CERTIFICATE-----"
        />
      </Field>
      <button type="submit" class="primary" disabled={send.running || !chain.includes("BEGIN CERTIFICATE")}>
        {t("security.sendChain")}
      </button>
      {send.result && <Outcome status={send.result.certificateSigned.status} />}
      <ErrorNotice error={send.error} />
    </form>
  );
}
