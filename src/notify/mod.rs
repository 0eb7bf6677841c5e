//! Sending alerts: the outbound adapter of the alerts' outbox (`use_case::alert`). Each node
//! runs one deliverer; it claims due deliveries with a lease (on PostgreSQL `FOR UPDATE SKIP
//! LOCKED`, so no two nodes take one delivery at once), sends them (webhooks: `webhook.rs`;
//! e-mail: `smtp.rs`; TLS for both: `tls.rs`) and records each outcome: delivered, retried
//! after a doubling back-off, or given up after `--alerts-delivery-attempts`. A node that dies
//! mid-delivery leaves its lease to run out; another node then sends the alert again with the
//! same id (`Idempotency-Key`), so delivery is at least once.

pub mod smtp;
pub mod tls;
pub mod webhook;

use std::{sync::Arc, time::Duration};

use anyhow::Context as _;
use entity::alert;
use futures_util::future::join_all;
use serde_json::{Value, json};
use tokio_rustls::rustls::ClientConfig;

use crate::{
    context::Context,
    use_case::alert::{self as outbox, Claimed, Outcome},
};

/// Deliveries one node attempts at once.
const BATCH: u32 = 16;
/// How often the outbox is looked at for retries that came due and leases that ran out
/// (new alerts wake the deliverer of their node at once).
const POLL: Duration = Duration::from_secs(1);

/// What the deliverer needs, checked at start (the extra root certificates, the SMTP URL).
pub struct Deliverer {
    tls: Arc<ClientConfig>,
    smtp: Option<smtp::Smtp>,
}

impl Deliverer {
    /// Reads the TLS roots and the SMTP settings; an error stops the server from starting.
    pub fn from_settings(ctx: &Context) -> anyhow::Result<Self> {
        let settings = &ctx.settings.alerts;
        anyhow::ensure!(
            !settings.evaluate_interval.0.is_zero(),
            "--alerts-evaluate-interval must be more than 0"
        );
        anyhow::ensure!(
            !settings.delivery_lease.0.is_zero() && settings.delivery_attempts > 0,
            "--alerts-delivery-lease and --alerts-delivery-attempts must be more than 0"
        );
        if settings.delivery_lease.0 <= settings.request_timeout.0 {
            tracing::warn!(
                lease = ?settings.delivery_lease.0,
                timeout = ?settings.request_timeout.0,
                "--alerts-delivery-lease is not longer than --alerts-request-timeout: with several nodes, another node may send an alert whose attempt is still under way"
            );
        }
        let tls = tls::client_config(settings.extra_root_cert.as_deref())?;
        let smtp = match &settings.smtp_url {
            Some(url) => Some(
                smtp::Smtp::parse(
                    &url.0,
                    settings.smtp_password.as_ref().map(|p| p.0.as_str()),
                    &settings.smtp_from,
                )
                .map_err(anyhow::Error::msg)
                .context("--smtp-url")?,
            ),
            None => None,
        };
        Ok(Self { tls, smtp })
    }

    /// Delivers until the node shuts down. An attempt under way at shutdown is dropped; its
    /// lease runs out and another node (or this one, restarted) sends it again.
    pub async fn run(self, ctx: Arc<Context>) {
        let this = Arc::new(self);
        let poll = POLL
            .min(ctx.settings.alerts.evaluate_interval.0)
            .max(Duration::from_millis(50));
        loop {
            let round = async {
                loop {
                    match outbox::claim(&ctx, BATCH).await {
                        Ok(claimed) if claimed.is_empty() => return,
                        Ok(claimed) => {
                            join_all(claimed.into_iter().map(|c| this.attempt(&ctx, c))).await;
                        }
                        Err(e) => {
                            tracing::debug!(error = %e, "alert outbox not read");
                            return;
                        }
                    }
                }
            };
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = round => {}
            }
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = ctx.alerts.wake.notified() => {}
                () = tokio::time::sleep(poll) => {}
            }
        }
    }

    async fn attempt(&self, ctx: &Context, claimed: Claimed) {
        let timeout = ctx.settings.alerts.request_timeout.0;
        let outcome = match tokio::time::timeout(timeout, self.send(ctx, &claimed)).await {
            Ok(outcome) => outcome,
            Err(_) => Outcome::Retry(format!("no answer within {timeout:?}")),
        };
        match &outcome {
            Outcome::Delivered => {
                tracing::info!(alert = %claimed.alert_id, channel = %claimed.channel, attempt = claimed.attempt, "alert delivered")
            }
            Outcome::Retry(e) | Outcome::GiveUp(e) => {
                tracing::warn!(alert = %claimed.alert_id, channel = %claimed.channel, attempt = claimed.attempt, error = %e, "alert delivery failed")
            }
        }
        if let Err(e) = outbox::finish(ctx, &claimed, outcome).await {
            tracing::warn!(alert = %claimed.alert_id, error = %e, "alert delivery outcome not stored; the lease runs out and it is tried again");
        }
    }

    async fn send(&self, ctx: &Context, claimed: &Claimed) -> Outcome {
        let alert = match outbox::alert_of(ctx, &claimed.alert_id).await {
            Ok(Some(alert)) => alert,
            Ok(None) => return Outcome::GiveUp("the alert is gone".into()),
            Err(e) => return Outcome::Retry(format!("the alert could not be read: {e}")),
        };
        let rule = outbox::rule_of(ctx, alert.rule_id).await.ok().flatten();
        let payload = payload(&alert, rule.as_ref().map(|r| r.name.as_str()));
        match claimed.channel.as_str() {
            "webhook" => {
                let hook = match outbox::webhook_of(ctx, &claimed.target).await {
                    Ok(Some(hook)) if hook.enabled => hook,
                    Ok(Some(_)) => return Outcome::GiveUp("the webhook is disabled".into()),
                    Ok(None) => return Outcome::GiveUp("the webhook was deleted".into()),
                    Err(e) => return Outcome::Retry(format!("the webhook could not be read: {e}")),
                };
                let body = serde_json::to_vec(&payload).unwrap_or_default();
                let limit = usize::try_from(ctx.settings.alerts.response_bytes.0).unwrap_or(4096);
                webhook::post(
                    &self.tls,
                    &hook.url,
                    &hook.secret,
                    &alert.id,
                    claimed.attempt,
                    body,
                    limit,
                )
                .await
            }
            "email" => {
                let Some(smtp) = &self.smtp else {
                    return Outcome::GiveUp("no SMTP server is configured (--smtp-url)".into());
                };
                let subject = format!("[chargegate] {}", alert.summary);
                let body = format!(
                    "{}\n\nKind: {}\nStation: {}\nRule: {}\nAt: {}\nAlert id: {}\n\nDetails:\n{}\n",
                    alert.summary,
                    alert.kind,
                    alert.station_id.as_deref().unwrap_or("-"),
                    rule.as_ref().map_or("(deleted)", |r| r.name.as_str()),
                    alert.created_at.to_rfc3339(),
                    alert.id,
                    serde_json::to_string_pretty(&payload["details"]).unwrap_or_default(),
                );
                smtp::send(&self.tls, smtp, &claimed.target, &alert.id, &subject, &body).await
            }
            other => Outcome::GiveUp(format!("unknown channel {other}")),
        }
    }
}

/// The JSON a webhook receives.
pub fn payload(alert: &alert::Model, rule_name: Option<&str>) -> Value {
    let details: Value = serde_json::from_str(&alert.details).unwrap_or(Value::Null);
    json!({
        "id": alert.id,
        "kind": alert.kind,
        "ruleId": alert.rule_id,
        "ruleName": rule_name,
        "stationId": alert.station_id,
        "summary": alert.summary,
        "details": details,
        "createdAt": alert.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    })
}
