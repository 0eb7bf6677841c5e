//! Alerts in the API: the rules (`alertRules`, create/update/delete for operators whose token
//! covers every station), the webhooks (`webhooks`, administrators only: they send data out of
//! the system; a webhook's secret is shown once, when it is created), the recent alerts with
//! their delivery state (`alerts`, staff, within their station scope) and the `alerts`
//! subscription (staff), fed by the bus from whichever node raised the alert.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{alert, alert_delivery, alert_rule, webhook};
use futures_util::Stream;

use super::{
    error::ApiError,
    guard::{app, fleet_operator, principal, staff},
    subscription::{Access, subscribe},
};
use crate::{
    auth::Role,
    bus::Event,
    use_case::alert::{self as use_case, AlertError, Kind, RuleInput, WebhookInput},
};

/// What an alert rule watches.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    /// A station offline for longer than `minutes` (0: as soon as the next evaluation sees it).
    StationOffline,
    /// A connector reported `Faulted`; the alert carries its error code.
    ConnectorFaulted,
    /// A BootNotification not preceded (within `minutes`, default 10) by a Reset chargegate sent.
    UnexpectedBoot,
    /// `count` refused handshakes of one station id within `minutes` (defaults 5 in 10).
    HandshakeRefused,
    /// A SecurityEventNotification.
    SecurityEvent,
    SessionStarted,
    SessionStopped,
    /// chargegate stopped a session at its energy budget.
    BudgetReached,
    /// A station certificate chargegate tracks, or its own TLS certificate, ends within `days`
    /// (default 30).
    CertificateExpiring,
}

impl From<AlertKind> for Kind {
    fn from(k: AlertKind) -> Self {
        match k {
            AlertKind::StationOffline => Self::StationOffline,
            AlertKind::ConnectorFaulted => Self::ConnectorFaulted,
            AlertKind::UnexpectedBoot => Self::UnexpectedBoot,
            AlertKind::HandshakeRefused => Self::HandshakeRefused,
            AlertKind::SecurityEvent => Self::SecurityEvent,
            AlertKind::SessionStarted => Self::SessionStarted,
            AlertKind::SessionStopped => Self::SessionStopped,
            AlertKind::BudgetReached => Self::BudgetReached,
            AlertKind::CertificateExpiring => Self::CertificateExpiring,
        }
    }
}

fn kind_of(s: &str) -> AlertKind {
    match Kind::parse(s) {
        Some(Kind::StationOffline) => AlertKind::StationOffline,
        Some(Kind::ConnectorFaulted) => AlertKind::ConnectorFaulted,
        Some(Kind::UnexpectedBoot) => AlertKind::UnexpectedBoot,
        Some(Kind::HandshakeRefused) => AlertKind::HandshakeRefused,
        Some(Kind::SessionStarted) => AlertKind::SessionStarted,
        Some(Kind::SessionStopped) => AlertKind::SessionStopped,
        Some(Kind::BudgetReached) => AlertKind::BudgetReached,
        Some(Kind::CertificateExpiring) => AlertKind::CertificateExpiring,
        Some(Kind::SecurityEvent) | None => AlertKind::SecurityEvent,
    }
}

/// An alert rule. Every enabled webhook receives every alert; `emailTo` also by e-mail.
#[derive(SimpleObject)]
pub struct AlertRule {
    pub id: ID,
    pub name: String,
    pub kind: AlertKind,
    pub enabled: bool,
    /// Only this station; every station when null.
    pub station_id: Option<ID>,
    pub minutes: Option<i32>,
    pub count: Option<i32>,
    pub days: Option<i32>,
    pub email_to: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<alert_rule::Model> for AlertRule {
    fn from(r: alert_rule::Model) -> Self {
        Self {
            id: ID(r.id.to_string()),
            kind: kind_of(&r.kind),
            name: r.name,
            enabled: r.enabled,
            station_id: r.station_id.map(ID),
            minutes: r.minutes,
            count: r.count,
            days: r.days,
            email_to: r
                .email_to
                .map(|e| e.split(',').map(str::to_owned).collect())
                .unwrap_or_default(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// A rule to create or replace.
#[derive(InputObject)]
pub struct AlertRuleInput {
    /// 1 to 100 characters.
    pub name: String,
    pub kind: AlertKind,
    #[graphql(default = true)]
    pub enabled: bool,
    pub station_id: Option<ID>,
    /// STATION_OFFLINE (needed, 0 to 10080), HANDSHAKE_REFUSED (the window, 1 to 1440),
    /// UNEXPECTED_BOOT (how long after a Reset a boot is expected, 1 to 1440).
    pub minutes: Option<i32>,
    /// HANDSHAKE_REFUSED: refusals within `minutes` (1 to 500).
    pub count: Option<i32>,
    /// CERTIFICATE_EXPIRING: days before the end (1 to 365).
    pub days: Option<i32>,
    /// At most 10 addresses (sent only with `CHARGEGATE_SMTP_URL` set).
    #[graphql(default)]
    pub email_to: Vec<String>,
}

impl From<AlertRuleInput> for RuleInput {
    fn from(i: AlertRuleInput) -> Self {
        Self {
            name: i.name,
            kind: i.kind.into(),
            enabled: i.enabled,
            station_id: i.station_id.map(|s| s.0),
            minutes: i.minutes,
            count: i.count,
            days: i.days,
            email_to: i.email_to,
        }
    }
}

/// A webhook. Its secret is shown only when it is created.
#[derive(SimpleObject)]
pub struct Webhook {
    pub id: ID,
    pub name: String,
    pub url: String,
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<webhook::Model> for Webhook {
    fn from(w: webhook::Model) -> Self {
        Self {
            id: ID(w.id.to_string()),
            name: w.name,
            url: w.url,
            enabled: w.enabled,
            created_at: w.created_at,
            updated_at: w.updated_at,
        }
    }
}

/// A new webhook and its secret (the key of `X-Chargegate-Signature`), shown this once.
#[derive(SimpleObject)]
pub struct WebhookCreated {
    pub webhook: Webhook,
    pub secret: String,
}

/// A webhook to create or change.
#[derive(InputObject)]
#[graphql(name = "WebhookInput")]
pub struct WebhookInputObject {
    pub name: String,
    /// `http://` or `https://`, at most 2000 characters.
    pub url: String,
    /// 16 to 200 bytes; generated when creating without one, kept when changing without one.
    pub secret: Option<String>,
    #[graphql(default = true)]
    pub enabled: bool,
}

impl From<WebhookInputObject> for WebhookInput {
    fn from(i: WebhookInputObject) -> Self {
        Self {
            name: i.name,
            url: i.url,
            secret: i.secret,
            enabled: i.enabled,
        }
    }
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertDeliveryState {
    /// Waiting for its next attempt (or being attempted).
    Pending,
    Delivered,
    /// Given up: the last attempt failed, the receiver refused it, or the outbox was full.
    Failed,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertChannel {
    Webhook,
    Email,
}

/// One destination of an alert and how its delivery stands.
#[derive(SimpleObject)]
pub struct AlertDelivery {
    pub channel: AlertChannel,
    /// The webhook's id, or the e-mail address.
    pub target: String,
    pub state: AlertDeliveryState,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl From<alert_delivery::Model> for AlertDelivery {
    fn from(d: alert_delivery::Model) -> Self {
        let state = match d.state.as_str() {
            "delivered" => AlertDeliveryState::Delivered,
            "failed" => AlertDeliveryState::Failed,
            _ => AlertDeliveryState::Pending,
        };
        Self {
            channel: if d.channel == "email" {
                AlertChannel::Email
            } else {
                AlertChannel::Webhook
            },
            target: d.target,
            next_attempt_at: (state == AlertDeliveryState::Pending)
                .then(|| DateTime::from_timestamp_millis(d.next_attempt_ms))
                .flatten(),
            state,
            attempts: d.attempts,
            last_error: d.last_error,
            delivered_at: d.delivered_at,
        }
    }
}

/// An alert a rule raised.
#[derive(SimpleObject)]
pub struct Alert {
    /// Stable: the `Idempotency-Key` of its webhook requests.
    pub id: ID,
    pub kind: AlertKind,
    pub rule_id: ID,
    pub station_id: Option<ID>,
    pub summary: String,
    /// The alert's facts, a JSON object as text (as in the webhook's `details`).
    pub details: String,
    pub created_at: DateTime<Utc>,
    /// Empty in the subscription (read `alerts` for the delivery state).
    pub deliveries: Vec<AlertDelivery>,
}

impl Alert {
    fn new(a: alert::Model, deliveries: Vec<alert_delivery::Model>) -> Self {
        Self {
            id: ID(a.id),
            kind: kind_of(&a.kind),
            rule_id: ID(a.rule_id.to_string()),
            station_id: a.station_id.map(ID),
            summary: a.summary,
            details: a.details,
            created_at: a.created_at,
            deliveries: deliveries.into_iter().map(AlertDelivery::from).collect(),
        }
    }
}

impl From<AlertError> for ApiError {
    fn from(e: AlertError) -> Self {
        match e {
            AlertError::Invalid(m) => Self::BadUserInput(m),
            AlertError::NotFound(m) => Self::NotFound(m),
            AlertError::Limit(m) => Self::LimitExceeded(m),
            AlertError::Store(s) => s.into(),
        }
    }
}

fn admin<'a>(ctx: &Context<'a>) -> Result<&'a crate::auth::Principal, ApiError> {
    let p = principal(ctx)?;
    if p.role == Role::Admin {
        Ok(p)
    } else {
        Err(ApiError::Forbidden(format!(
            "the {} role may not do this (admin needed: webhooks send data out of the system)",
            p.role
        )))
    }
}

fn id_of(id: &ID, what: &str) -> Result<i32, ApiError> {
    id.parse()
        .map_err(|_| ApiError::BadUserInput(format!("{what}: no such id {:?}", id.as_str())))
}

/// Most alerts one `alerts` query answers.
pub const MAX_ALERTS: i32 = 200;

#[derive(Default)]
pub struct AlertQuery;

#[Object]
impl AlertQuery {
    /// The alert rules (operators whose token covers every station).
    async fn alert_rules(&self, ctx: &Context<'_>) -> Result<Vec<AlertRule>> {
        fleet_operator(ctx)?;
        let rules = use_case::rules(app(ctx)).await.map_err(ApiError::from)?;
        Ok(rules.into_iter().map(AlertRule::from).collect())
    }

    /// The webhooks (administrators), without their secrets.
    async fn webhooks(&self, ctx: &Context<'_>) -> Result<Vec<Webhook>> {
        admin(ctx)?;
        let hooks = use_case::webhooks(app(ctx)).await.map_err(ApiError::from)?;
        Ok(hooks.into_iter().map(Webhook::from).collect())
    }

    /// The newest alerts (at most `first`, 1 to 200), optionally of one station, with their
    /// deliveries (staff; a token limited to some stations sees their alerts only).
    async fn alerts(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
        #[graphql(default = 50)] first: i32,
    ) -> Result<Vec<Alert>> {
        let p = staff(ctx)?;
        if !(1..=MAX_ALERTS).contains(&first) {
            return Err(ApiError::BadUserInput(format!("first must be 1 to {MAX_ALERTS}")).into());
        }
        if let Some(station) = &station_id {
            super::guard::station_access(p, station)?;
        }
        let rows = use_case::recent(
            app(ctx),
            station_id.as_ref().map(|s| s.as_str()),
            u64::try_from(first).unwrap_or(50),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(rows
            .into_iter()
            .filter(|(a, _)| p.may_access(a.station_id.as_deref().unwrap_or_default()))
            .map(|(a, d)| Alert::new(a, d))
            .collect())
    }
}

#[derive(Default)]
pub struct AlertMutation;

#[Object]
impl AlertMutation {
    /// Creates an alert rule (operators whose token covers every station; at most
    /// `--alerts-max-rules`, then LIMIT_EXCEEDED).
    async fn create_alert_rule(
        &self,
        ctx: &Context<'_>,
        input: AlertRuleInput,
    ) -> Result<AlertRule> {
        fleet_operator(ctx)?;
        let row = use_case::create_rule(app(ctx), input.into())
            .await
            .map_err(ApiError::from)?;
        Ok(row.into())
    }

    /// Replaces an alert rule's settings.
    async fn update_alert_rule(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: AlertRuleInput,
    ) -> Result<AlertRule> {
        fleet_operator(ctx)?;
        let id = id_of(&id, "id")?;
        let row = use_case::update_rule(app(ctx), id, input.into())
            .await
            .map_err(ApiError::from)?;
        Ok(row.into())
    }

    /// Deletes an alert rule (its alerts stay until the retention ends).
    async fn delete_alert_rule(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        fleet_operator(ctx)?;
        let id = id_of(&id, "id")?;
        use_case::delete_rule(app(ctx), id)
            .await
            .map_err(ApiError::from)?;
        Ok(true)
    }

    /// Creates a webhook (administrators; at most `--alerts-max-webhooks`); answers its
    /// secret this once.
    async fn create_webhook(
        &self,
        ctx: &Context<'_>,
        input: WebhookInputObject,
    ) -> Result<WebhookCreated> {
        admin(ctx)?;
        let row = use_case::create_webhook(app(ctx), input.into())
            .await
            .map_err(ApiError::from)?;
        Ok(WebhookCreated {
            secret: row.secret.clone(),
            webhook: row.into(),
        })
    }

    /// Changes a webhook (its secret only when one is given).
    async fn update_webhook(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: WebhookInputObject,
    ) -> Result<Webhook> {
        admin(ctx)?;
        let id = id_of(&id, "id")?;
        let row = use_case::update_webhook(app(ctx), id, input.into())
            .await
            .map_err(ApiError::from)?;
        Ok(row.into())
    }

    /// Deletes a webhook; its pending deliveries are given up.
    async fn delete_webhook(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        admin(ctx)?;
        let id = id_of(&id, "id")?;
        use_case::delete_webhook(app(ctx), id)
            .await
            .map_err(ApiError::from)?;
        Ok(true)
    }
}

#[derive(Default)]
pub struct AlertSubscription;

#[Subscription]
impl AlertSubscription {
    /// Alerts as they are raised, on any node, optionally of one station (staff, within their
    /// station scope).
    async fn alerts(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<Alert>>> {
        let map = |_, event: Arc<Event>| async move {
            match &*event {
                Event::Alert {
                    station_id,
                    id,
                    rule_id,
                    alert_kind,
                    summary,
                    details,
                    at,
                } => Some(Alert {
                    id: ID(id.clone()),
                    kind: kind_of(alert_kind),
                    rule_id: ID(rule_id.to_string()),
                    station_id: (!station_id.is_empty()).then(|| ID(station_id.clone())),
                    summary: summary.clone(),
                    details: details.clone(),
                    created_at: *at,
                    deliveries: Vec::new(),
                }),
                _ => None,
            }
        };
        Ok(subscribe(ctx, Access::Staff, station_id, map).await?)
    }
}
