// Alerts: the newest alerts with how their deliveries stand (live: new ones appear as they are
// raised, on any node), the rules that raise them (operators) and the webhooks they go to
// (administrators; a webhook's secret is shown once, when it is created).
import { useEffect, useState } from "preact/hooks";
import { graphql } from "../gql";
import type { AlertKind } from "../gql/graphql";
import { fmtDateTime, t, type Key } from "../i18n";
import { live } from "../lib/api";
import { useMutation, useQuery } from "../lib/hooks";
import { canOperate, isAdmin } from "../lib/session";
import { ConfirmButton, ErrorNotice, Field, Page } from "../lib/ui";

const AlertsQuery = graphql(`
  query Alerts($first: Int) {
    alerts(first: $first) {
      id
      kind
      stationId
      summary
      createdAt
      deliveries {
        channel
        target
        state
        attempts
        lastError
      }
    }
  }
`);

const AlertsLive = graphql(`
  subscription AlertsLive {
    alerts {
      id
      kind
      stationId
      summary
      createdAt
      deliveries {
        channel
        target
        state
        attempts
        lastError
      }
    }
  }
`);

const RulesQuery = graphql(`
  query AlertRules {
    alertRules {
      id
      name
      kind
      enabled
      stationId
      minutes
      count
      days
      emailTo
    }
  }
`);

const CreateRule = graphql(`
  mutation CreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) {
      id
    }
  }
`);

const DeleteRule = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`);

const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks {
      id
      name
      url
      enabled
    }
  }
`);

const CreateWebhook = graphql(`
  mutation CreateWebhook($input: WebhookInput!) {
    createWebhook(input: $input) {
      webhook {
        id
      }
      secret
    }
  }
`);

const DeleteWebhook = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

const KINDS: AlertKind[] = [
  "STATION_OFFLINE",
  "CONNECTOR_FAULTED",
  "UNEXPECTED_BOOT",
  "HANDSHAKE_REFUSED",
  "SECURITY_EVENT",
  "SESSION_STARTED",
  "SESSION_STOPPED",
  "BUDGET_REACHED",
  "CERTIFICATE_EXPIRING",
];

const kindLabel = (k: string) => t(`alerts.kind.${k}` as Key);

/** What a delivery state reads as, with its badge class. */
function deliveryBadge(state: string): [string, string] {
  if (state === "DELIVERED") return [t("alerts.delivered"), "s-available"];
  if (state === "FAILED") return [t("alerts.failed"), "s-faulted"];
  return [t("alerts.pending"), "s-pending"];
}

function Recent() {
  const list = useQuery(AlertsQuery, { first: 100 });
  // New alerts arrive live; delivery states are read again every 15 s.
  useEffect(() => {
    const stop = live(
      AlertsLive,
      {},
      {
        next: (d) =>
          list.setData((old) =>
            old ? { alerts: [d.alerts, ...old.alerts.filter((a) => a.id !== d.alerts.id)].slice(0, 100) } : old,
          ),
        resync: () => list.reload(),
      },
    );
    const every = setInterval(() => list.reload(), 15_000);
    return () => {
      stop();
      clearInterval(every);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const alerts = list.data?.alerts;
  return (
    <section aria-labelledby="alerts-recent">
      <h2 id="alerts-recent">
        {t("alerts.recent")} <span class="live-dot muted">{t("common.live")}</span>
      </h2>
      <ErrorNotice error={list.error} />
      {list.loading && !alerts && <p class="muted">{t("common.loading")}</p>}
      {alerts && alerts.length === 0 && <p class="muted">{t("alerts.none")}</p>}
      {alerts && alerts.length > 0 && (
        <div class="table-wrap">
          <table data-testid="alerts-table">
            <caption class="sr-only">{t("alerts.recent")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("alerts.when")}</th>
                <th scope="col">{t("alerts.kindCol")}</th>
                <th scope="col">{t("alerts.station")}</th>
                <th scope="col">{t("alerts.summary")}</th>
                <th scope="col">{t("alerts.deliveries")}</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {alerts.map((a) => (
                <tr key={a.id}>
                  <td>{fmtDateTime(a.createdAt)}</td>
                  <td>{kindLabel(a.kind)}</td>
                  <td>{a.stationId ? <a href={`/stations/${encodeURIComponent(a.stationId)}`}>{a.stationId}</a> : "—"}</td>
                  <th scope="row">{a.summary}</th>
                  <td>
                    {a.deliveries.length === 0 && <span class="muted">{t("alerts.noDeliveries")}</span>}
                    {a.deliveries.map((d) => {
                      const [label, cls] = deliveryBadge(d.state);
                      return (
                        <span
                          key={`${d.channel}-${d.target}`}
                          class={`badge ${cls}`}
                          title={d.lastError ?? undefined}
                        >
                          {d.channel === "EMAIL" ? d.target : t("alerts.webhookN", { id: d.target })}: {label}
                          {d.attempts > 1 ? ` (${t("alerts.attempts", { n: d.attempts })})` : ""}
                        </span>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The threshold a rule shows: "10 min", "5 in 10 min", "30 days". */
function threshold(r: { kind: string; minutes?: number | null; count?: number | null; days?: number | null }) {
  if (r.kind === "HANDSHAKE_REFUSED") return t("alerts.countIn", { n: r.count ?? 0, m: r.minutes ?? 0 });
  if (r.kind === "CERTIFICATE_EXPIRING") return t("alerts.daysN", { n: r.days ?? 0 });
  if (r.minutes != null) return t("alerts.minutesN", { n: r.minutes });
  return "—";
}

function Rules() {
  const rules = useQuery(RulesQuery, {});
  const create = useMutation(CreateRule);
  const remove = useMutation(DeleteRule);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AlertKind>("CONNECTOR_FAULTED");
  const [minutes, setMinutes] = useState("");
  const [count, setCount] = useState("");
  const [days, setDays] = useState("");
  const [station, setStation] = useState("");
  const [emails, setEmails] = useState("");
  const num = (s: string) => (s.trim() === "" ? null : Number(s));
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await create.run({
      input: {
        name,
        kind,
        minutes: num(minutes),
        count: num(count),
        days: num(days),
        stationId: station.trim() || null,
        emailTo: emails
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      },
    });
    if (done) {
      setName("");
      rules.reload();
    }
  };
  const needsMinutes = kind === "STATION_OFFLINE" || kind === "HANDSHAKE_REFUSED" || kind === "UNEXPECTED_BOOT";
  const list = rules.data?.alertRules;
  return (
    <section aria-labelledby="alerts-rules">
      <h2 id="alerts-rules">{t("alerts.rules")}</h2>
      <p class="muted">{t("alerts.rulesIntro")}</p>
      <ErrorNotice error={rules.error ?? remove.error} />
      {list && list.length === 0 && <p class="muted">{t("alerts.noRules")}</p>}
      {list && list.length > 0 && (
        <div class="table-wrap">
          <table data-testid="rules-table">
            <caption class="sr-only">{t("alerts.rules")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("alerts.name")}</th>
                <th scope="col">{t("alerts.kindCol")}</th>
                <th scope="col">{t("alerts.threshold")}</th>
                <th scope="col">{t("alerts.station")}</th>
                <th scope="col">{t("alerts.email")}</th>
                <th scope="col">{t("alerts.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name} {!r.enabled && <span class="badge">{t("alerts.disabled")}</span>}
                  </th>
                  <td>{kindLabel(r.kind)}</td>
                  <td>{threshold(r)}</td>
                  <td>{r.stationId ?? t("alerts.everyStation")}</td>
                  <td>{r.emailTo.join(", ") || "—"}</td>
                  <td>
                    <ConfirmButton
                      label={t("alerts.deleteRuleOf", { name: r.name })}
                      question={t("alerts.deleteRuleQuestion", { name: r.name })}
                      danger
                      disabled={remove.running}
                      onConfirm={() => void remove.run({ id: r.id }).then(() => rules.reload())}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="card" aria-label={t("alerts.newRule")} onSubmit={submit}>
        <h3>{t("alerts.newRule")}</h3>
        <div class="filters">
          <Field label={t("alerts.name")}>
            <input name="rule-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field label={t("alerts.kindCol")}>
            <select name="rule-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AlertKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </Field>
          {needsMinutes && (
            <Field label={t("alerts.minutes")} hint={t(`alerts.minutesHint.${kind}` as Key)}>
              <input name="rule-minutes" inputMode="numeric" value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />
            </Field>
          )}
          {kind === "HANDSHAKE_REFUSED" && (
            <Field label={t("alerts.count")}>
              <input name="rule-count" inputMode="numeric" value={count} onInput={(e) => setCount(e.currentTarget.value)} />
            </Field>
          )}
          {kind === "CERTIFICATE_EXPIRING" && (
            <Field label={t("alerts.days")}>
              <input name="rule-days" inputMode="numeric" value={days} onInput={(e) => setDays(e.currentTarget.value)} />
            </Field>
          )}
          <Field label={t("alerts.station")} hint={t("alerts.stationHint")}>
            <input name="rule-station" value={station} onInput={(e) => setStation(e.currentTarget.value)} />
          </Field>
          <Field label={t("alerts.email")} hint={t("alerts.emailHint")}>
            <input name="rule-email" value={emails} onInput={(e) => setEmails(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={create.error} />
        <button type="submit" class="primary" disabled={create.running}>
          {t("alerts.addRule")}
        </button>
      </form>
    </section>
  );
}

function Webhooks() {
  const hooks = useQuery(WebhooksQuery, {});
  const create = useMutation(CreateWebhook);
  const remove = useMutation(DeleteWebhook);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await create.run({ input: { name, url } });
    if (done) {
      setSecret(done.createWebhook.secret);
      setName("");
      setUrl("");
      hooks.reload();
    }
  };
  const list = hooks.data?.webhooks;
  return (
    <section aria-labelledby="alerts-webhooks">
      <h2 id="alerts-webhooks">{t("alerts.webhooks")}</h2>
      <p class="muted">{t("alerts.webhooksIntro")}</p>
      <ErrorNotice error={hooks.error ?? remove.error} />
      {list && list.length === 0 && <p class="muted">{t("alerts.noWebhooks")}</p>}
      {list && list.length > 0 && (
        <div class="table-wrap">
          <table data-testid="webhooks-table">
            <caption class="sr-only">{t("alerts.webhooks")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("alerts.id")}</th>
                <th scope="col">{t("alerts.name")}</th>
                <th scope="col">{t("alerts.url")}</th>
                <th scope="col">{t("alerts.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((h) => (
                <tr key={h.id}>
                  <td>{h.id}</td>
                  <th scope="row">
                    {h.name} {!h.enabled && <span class="badge">{t("alerts.disabled")}</span>}
                  </th>
                  <td>
                    <code style="overflow-wrap:anywhere">{h.url}</code>
                  </td>
                  <td>
                    <ConfirmButton
                      label={t("alerts.deleteWebhookOf", { name: h.name })}
                      question={t("alerts.deleteWebhookQuestion", { name: h.name })}
                      danger
                      disabled={remove.running}
                      onConfirm={() => void remove.run({ id: h.id }).then(() => hooks.reload())}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="card" aria-label={t("alerts.newWebhook")} onSubmit={submit}>
        <h3>{t("alerts.newWebhook")}</h3>
        <div class="filters">
          <Field label={t("alerts.name")}>
            <input name="webhook-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field label={t("alerts.url")} hint={t("alerts.urlHint")}>
            <input name="webhook-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </Field>
        </div>
        <ErrorNotice error={create.error} />
        <button type="submit" class="primary" disabled={create.running}>
          {t("alerts.addWebhook")}
        </button>
        {secret && (
          <div class="notice ok" role="status">
            <p>{t("alerts.secretOnce")}</p>
            <code data-testid="webhook-secret" style="overflow-wrap:anywhere">
              {secret}
            </code>
          </div>
        )}
      </form>
    </section>
  );
}

export function Alerts() {
  return (
    <Page title={t("alerts.title")}>
      <Recent />
      {canOperate.value && <Rules />}
      {isAdmin.value && <Webhooks />}
    </Page>
  );
}
