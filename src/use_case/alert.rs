//! Alerts: the rules operators set and the webhooks alerts go to (create, change, delete,
//! within their bounds), raising an alert (stored once by its dedupe key, with one outbox row per
//! destination), the rules that follow this node's events (faults, boots, sessions, security
//! events, budgets) and the periodic ones (stations offline, handshakes refused, certificates
//! about to expire), and the outbox's claims, outcomes and retention. Sending is not here: the
//! `notify` adapter claims deliveries and sends them.

use std::{collections::HashMap, sync::Arc};

use chrono::{DateTime, Duration, Utc};
use entity::{alert, alert_delivery, alert_reset, alert_rule, station, webhook};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Statement,
    sea_query::OnConflict,
};
use serde_json::{Value, json};

use crate::{bus::Event, context::Context, store::StoreError};

/// What a rule watches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A station offline for longer than `minutes`.
    StationOffline,
    /// A connector reported `Faulted` (with its error code).
    ConnectorFaulted,
    /// A BootNotification not preceded by a Reset chargegate sent (within `minutes`, default 10).
    UnexpectedBoot,
    /// `count` refused handshakes of one station id within `minutes`.
    HandshakeRefused,
    /// A SecurityEventNotification.
    SecurityEvent,
    SessionStarted,
    SessionStopped,
    /// chargegate stopped a session at its energy budget.
    BudgetReached,
    /// A station's certificate (signed through chargegate) or chargegate's own TLS certificate
    /// ends within `days`.
    CertificateExpiring,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Self::StationOffline,
        Self::ConnectorFaulted,
        Self::UnexpectedBoot,
        Self::HandshakeRefused,
        Self::SecurityEvent,
        Self::SessionStarted,
        Self::SessionStopped,
        Self::BudgetReached,
        Self::CertificateExpiring,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::StationOffline => "station_offline",
            Self::ConnectorFaulted => "connector_faulted",
            Self::UnexpectedBoot => "unexpected_boot",
            Self::HandshakeRefused => "handshake_refused",
            Self::SecurityEvent => "security_event",
            Self::SessionStarted => "session_started",
            Self::SessionStopped => "session_stopped",
            Self::BudgetReached => "budget_reached",
            Self::CertificateExpiring => "certificate_expiring",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// How long before a BootNotification a Reset we sent makes it expected, when the rule sets no
/// `minutes`.
pub const RESET_WINDOW_MINUTES: i32 = 10;
/// Stations offline for longer than the threshold plus this are not alerted any more (a rule
/// made today does not raise an alert for every station that died last year).
pub const OFFLINE_LOOKBACK: Duration = Duration::days(1);
/// Stations an offline rule reads at once, and pages per evaluation (the rest wait for the
/// next evaluation).
const OFFLINE_PAGE: u64 = 1000;
const OFFLINE_PAGES: u64 = 50;
/// Most e-mail addresses of one rule.
pub const MAX_EMAILS: usize = 10;

/// A rule as an operator sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInput {
    pub name: String,
    pub kind: Kind,
    pub enabled: bool,
    pub station_id: Option<String>,
    pub minutes: Option<i32>,
    pub count: Option<i32>,
    pub days: Option<i32>,
    pub email_to: Vec<String>,
}

/// A webhook as an operator sets it; without a secret one is generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookInput {
    pub name: String,
    pub url: String,
    pub secret: Option<String>,
    pub enabled: bool,
}

/// Why a rule or webhook was refused.
#[derive(Debug, thiserror::Error)]
pub enum AlertError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    /// A bound (`--alerts-max-rules`, `--alerts-max-webhooks`) was reached.
    #[error("{0}")]
    Limit(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<DbErr> for AlertError {
    fn from(e: DbErr) -> Self {
        Self::Store(StoreError::from(e))
    }
}

fn invalid(message: impl Into<String>) -> AlertError {
    AlertError::Invalid(message.into())
}

fn check_range(what: &str, value: Option<i32>, min: i32, max: i32) -> Result<(), AlertError> {
    match value {
        Some(v) if v < min || v > max => {
            Err(invalid(format!("{what} must be between {min} and {max}")))
        }
        _ => Ok(()),
    }
}

fn check_email(address: &str) -> Result<(), AlertError> {
    let ok = address.len() <= 254
        && address.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && (domain.contains('.') || domain == "localhost")
        })
        && !address.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')
        });
    if ok {
        Ok(())
    } else {
        Err(invalid(format!("{address:?} is not an e-mail address")))
    }
}

impl RuleInput {
    /// Checks the name, the thresholds the kind needs (with their defaults filled in), the
    /// station id and the e-mail addresses.
    pub fn checked(mut self) -> Result<Self, AlertError> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() || self.name.chars().count() > 100 {
            return Err(invalid("name must be 1 to 100 characters"));
        }
        if let Some(station) = &self.station_id {
            // The charge point id rule (`station::check_id`, not imported: `command` imports
            // this module, and `station` imports `command`).
            if station.is_empty()
                || station.chars().count() > 48
                || station.contains('/')
                || station.chars().any(char::is_control)
            {
                return Err(invalid(format!("{station:?} is not a charge point id")));
            }
        }
        match self.kind {
            Kind::StationOffline => {
                if self.minutes.is_none() {
                    return Err(invalid("a station_offline rule needs minutes"));
                }
                check_range("minutes", self.minutes, 0, 10_080)?;
            }
            Kind::HandshakeRefused => {
                self.minutes.get_or_insert(10);
                self.count.get_or_insert(5);
                check_range("minutes", self.minutes, 1, 1440)?;
                check_range("count", self.count, 1, 500)?;
            }
            Kind::UnexpectedBoot => {
                self.minutes.get_or_insert(RESET_WINDOW_MINUTES);
                check_range("minutes", self.minutes, 1, 1440)?;
            }
            Kind::CertificateExpiring => {
                self.days.get_or_insert(30);
                check_range("days", self.days, 1, 365)?;
            }
            _ => {}
        }
        if self.email_to.len() > MAX_EMAILS {
            return Err(invalid(format!("at most {MAX_EMAILS} e-mail addresses")));
        }
        for address in &mut self.email_to {
            *address = address.trim().to_owned();
            check_email(address)?;
        }
        Ok(self)
    }
}

impl WebhookInput {
    pub fn checked(mut self) -> Result<Self, AlertError> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() || self.name.chars().count() > 100 {
            return Err(invalid("name must be 1 to 100 characters"));
        }
        let url = self.url.trim();
        let lower = url.to_ascii_lowercase();
        if url.len() > 2000
            || !(lower.starts_with("http://") || lower.starts_with("https://"))
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
            || url
                .split_once("://")
                .is_none_or(|(_, rest)| rest.is_empty() || rest.starts_with('/'))
        {
            return Err(invalid(
                "url must be an http:// or https:// address of at most 2000 characters",
            ));
        }
        self.url = url.to_owned();
        if let Some(secret) = &self.secret
            && (secret.len() < 16 || secret.len() > 200)
        {
            return Err(invalid("secret must be 16 to 200 bytes"));
        }
        Ok(self)
    }
}

/// 32 random hexadecimal digits (alert ids, generated webhook secrets).
pub fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // Never on a working system; still unique enough within one process.
        let now = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes[..8].copy_from_slice(&now.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// ---------------------------------------------------------------------------------------------
// Rules and webhooks.

pub async fn rules(ctx: &Context) -> Result<Vec<alert_rule::Model>, AlertError> {
    Ok(alert_rule::Entity::find()
        .order_by_asc(alert_rule::Column::Id)
        .all(ctx.store.reader())
        .await?)
}

fn emails(list: &[String]) -> Option<String> {
    (!list.is_empty()).then(|| list.join(","))
}

pub async fn create_rule(ctx: &Context, input: RuleInput) -> Result<alert_rule::Model, AlertError> {
    let input = input.checked()?;
    let max = u64::from(ctx.settings.alerts.max_rules);
    let now = Utc::now();
    let row = ctx
        .store
        .write(move |txn| {
            let input = input.clone();
            Box::pin(async move {
                if alert_rule::Entity::find().count(txn).await? >= max {
                    return Ok(None);
                }
                let row = alert_rule::ActiveModel {
                    name: Set(input.name),
                    kind: Set(input.kind.as_str().to_owned()),
                    enabled: Set(input.enabled),
                    station_id: Set(input.station_id),
                    minutes: Set(input.minutes),
                    count: Set(input.count),
                    days: Set(input.days),
                    email_to: Set(emails(&input.email_to)),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                };
                Ok(Some(row.insert(txn).await?))
            })
        })
        .await?;
    row.ok_or_else(|| {
        AlertError::Limit(format!(
            "there are {max} alert rules already (--alerts-max-rules)"
        ))
    })
}

pub async fn update_rule(
    ctx: &Context,
    id: i32,
    input: RuleInput,
) -> Result<alert_rule::Model, AlertError> {
    let input = input.checked()?;
    let now = Utc::now();
    let row = ctx
        .store
        .write(move |txn| {
            let input = input.clone();
            Box::pin(async move {
                let Some(old) = alert_rule::Entity::find_by_id(id).one(txn).await? else {
                    return Ok(None);
                };
                let mut row: alert_rule::ActiveModel = old.into();
                row.name = Set(input.name);
                row.kind = Set(input.kind.as_str().to_owned());
                row.enabled = Set(input.enabled);
                row.station_id = Set(input.station_id);
                row.minutes = Set(input.minutes);
                row.count = Set(input.count);
                row.days = Set(input.days);
                row.email_to = Set(emails(&input.email_to));
                row.updated_at = Set(now);
                Ok(Some(row.update(txn).await?))
            })
        })
        .await?;
    row.ok_or_else(|| AlertError::NotFound(format!("no alert rule {id}")))
}

pub async fn delete_rule(ctx: &Context, id: i32) -> Result<(), AlertError> {
    let deleted = ctx
        .store
        .write(move |txn| {
            Box::pin(async move {
                Ok(alert_rule::Entity::delete_by_id(id)
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    if deleted == 0 {
        return Err(AlertError::NotFound(format!("no alert rule {id}")));
    }
    Ok(())
}

pub async fn webhooks(ctx: &Context) -> Result<Vec<webhook::Model>, AlertError> {
    Ok(webhook::Entity::find()
        .order_by_asc(webhook::Column::Id)
        .all(ctx.store.reader())
        .await?)
}

pub async fn create_webhook(
    ctx: &Context,
    input: WebhookInput,
) -> Result<webhook::Model, AlertError> {
    let input = input.checked()?;
    let max = u64::from(ctx.settings.alerts.max_webhooks);
    let secret = input.secret.clone().unwrap_or_else(random_hex);
    let now = Utc::now();
    let row = ctx
        .store
        .write(move |txn| {
            let (input, secret) = (input.clone(), secret.clone());
            Box::pin(async move {
                if webhook::Entity::find().count(txn).await? >= max {
                    return Ok(None);
                }
                let row = webhook::ActiveModel {
                    name: Set(input.name),
                    url: Set(input.url),
                    secret: Set(secret),
                    enabled: Set(input.enabled),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                };
                Ok(Some(row.insert(txn).await?))
            })
        })
        .await?;
    row.ok_or_else(|| {
        AlertError::Limit(format!(
            "there are {max} webhooks already (--alerts-max-webhooks)"
        ))
    })
}

/// Changes a webhook; its secret stays unless a new one is given.
pub async fn update_webhook(
    ctx: &Context,
    id: i32,
    input: WebhookInput,
) -> Result<webhook::Model, AlertError> {
    let input = input.checked()?;
    let now = Utc::now();
    let row = ctx
        .store
        .write(move |txn| {
            let input = input.clone();
            Box::pin(async move {
                let Some(old) = webhook::Entity::find_by_id(id).one(txn).await? else {
                    return Ok(None);
                };
                let mut row: webhook::ActiveModel = old.into();
                row.name = Set(input.name);
                row.url = Set(input.url);
                if let Some(secret) = input.secret {
                    row.secret = Set(secret);
                }
                row.enabled = Set(input.enabled);
                row.updated_at = Set(now);
                Ok(Some(row.update(txn).await?))
            })
        })
        .await?;
    row.ok_or_else(|| AlertError::NotFound(format!("no webhook {id}")))
}

pub async fn delete_webhook(ctx: &Context, id: i32) -> Result<(), AlertError> {
    let deleted = ctx
        .store
        .write(move |txn| {
            Box::pin(async move {
                Ok(webhook::Entity::delete_by_id(id)
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    if deleted == 0 {
        return Err(AlertError::NotFound(format!("no webhook {id}")));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Raising alerts.

/// An alert about to be raised.
#[derive(Clone, Debug)]
pub struct Raise {
    pub rule: alert_rule::Model,
    pub station_id: Option<String>,
    /// Two raisings with the same key are one alert (the first one stored).
    pub dedupe_key: String,
    pub summary: String,
    pub details: Value,
}

/// Stores the alert unless one with its dedupe key exists, with one pending delivery per
/// enabled webhook and per e-mail address of its rule (beyond `--alerts-max-pending` pending
/// ones: `failed`, "outbox full"), in one transaction. Returns the alert when it is new.
pub async fn raise(ctx: &Context, raise: Raise) -> Result<Option<alert::Model>, StoreError> {
    let now = Utc::now();
    let id = random_hex();
    let max_pending = u64::from(ctx.settings.alerts.max_pending);
    let email = ctx.settings.alerts.smtp_url.is_some();
    let row = alert::Model {
        id,
        rule_id: raise.rule.id,
        kind: raise.rule.kind.clone(),
        station_id: raise.station_id.clone(),
        dedupe_key: raise.dedupe_key.chars().take(200).collect(),
        summary: raise.summary.clone(),
        details: raise.details.to_string(),
        created_at: now,
    };
    let emails: Vec<String> = if email {
        raise
            .rule
            .email_to
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect()
    } else {
        Vec::new()
    };
    let stored = ctx
        .store
        .write(move |txn| {
            let (row, emails) = (row.clone(), emails.clone());
            Box::pin(async move {
                let inserted = alert::Entity::insert(alert::ActiveModel::from(row.clone()))
                    .on_conflict(
                        OnConflict::column(alert::Column::DedupeKey)
                            .do_nothing()
                            .to_owned(),
                    )
                    .exec_without_returning(txn)
                    .await?;
                if inserted == 0 {
                    return Ok(None);
                }
                let hooks = webhook::Entity::find()
                    .filter(webhook::Column::Enabled.eq(true))
                    .all(txn)
                    .await?;
                let mut pending = alert_delivery::Entity::find()
                    .filter(alert_delivery::Column::State.eq("pending"))
                    .count(txn)
                    .await?;
                let targets = hooks
                    .iter()
                    .map(|h| ("webhook", h.id.to_string()))
                    .chain(emails.iter().map(|a| ("email", a.clone())));
                let mut rows = Vec::new();
                for (channel, target) in targets {
                    let full = pending >= max_pending;
                    pending += 1;
                    rows.push(alert_delivery::ActiveModel {
                        alert_id: Set(row.id.clone()),
                        channel: Set(channel.to_owned()),
                        target: Set(target),
                        state: Set(if full { "failed" } else { "pending" }.to_owned()),
                        attempts: Set(0),
                        next_attempt_ms: Set(now.timestamp_millis()),
                        lease_until_ms: Set(None),
                        lease_node: Set(None),
                        last_error: Set(
                            full.then(|| "outbox full (--alerts-max-pending): not sent".to_owned())
                        ),
                        created_at: Set(now),
                        delivered_at: Set(None),
                        ..Default::default()
                    });
                }
                if !rows.is_empty() {
                    alert_delivery::Entity::insert_many(rows)
                        .exec_without_returning(txn)
                        .await?;
                }
                Ok(Some(row))
            })
        })
        .await?;
    if let Some(alert) = &stored {
        tracing::info!(alert = %alert.id, kind = %alert.kind, station = ?alert.station_id, summary = %alert.summary, "alert raised");
        ctx.alerts.wake.notify_one();
        ctx.publish(Event::Alert {
            station_id: alert.station_id.clone().unwrap_or_default(),
            id: alert.id.clone(),
            rule_id: alert.rule_id,
            alert_kind: alert.kind.clone(),
            summary: alert.summary.clone(),
            details: alert.details.clone(),
            at: alert.created_at,
        })
        .await;
    }
    Ok(stored)
}

/// Raises, logging a failure (the rules' callers carry on).
async fn raise_logged(ctx: &Context, r: Raise) {
    if let Err(e) = raise(ctx, r).await {
        tracing::warn!(error = %e, "alert not stored");
    }
}

/// The enabled rules of the given kinds, by kind.
async fn enabled_rules(
    ctx: &Context,
    kinds: &[Kind],
) -> Result<HashMap<Kind, Vec<alert_rule::Model>>, DbErr> {
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    let rows = alert_rule::Entity::find()
        .filter(alert_rule::Column::Enabled.eq(true))
        .filter(alert_rule::Column::Kind.is_in(names))
        .all(ctx.store.reader())
        .await?;
    let mut by_kind: HashMap<Kind, Vec<alert_rule::Model>> = HashMap::new();
    for rule in rows {
        if let Some(kind) = Kind::parse(&rule.kind) {
            by_kind.entry(kind).or_default().push(rule);
        }
    }
    Ok(by_kind)
}

fn covers(rule: &alert_rule::Model, station_id: &str) -> bool {
    rule.station_id.as_deref().is_none_or(|s| s == station_id)
}

/// Follows the events this node's stations cause (see `context::AlertFeed`) and raises the
/// alerts of the rules they match. One task per node.
pub async fn run_events(ctx: Arc<Context>) {
    let Some(mut queue) = ctx.alerts.take_queue() else {
        return;
    };
    let mut batch = Vec::new();
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            n = queue.recv_many(&mut batch, 64) => if n == 0 { return },
        }
        let rules = match enabled_rules(
            &ctx,
            &[
                Kind::ConnectorFaulted,
                Kind::UnexpectedBoot,
                Kind::SecurityEvent,
                Kind::SessionStarted,
                Kind::SessionStopped,
            ],
        )
        .await
        {
            Ok(rules) => rules,
            Err(e) => {
                tracing::warn!(error = %e, events = batch.len(), "alert rules not read; events skipped");
                batch.clear();
                continue;
            }
        };
        for event in batch.drain(..) {
            on_event(&ctx, &rules, event).await;
        }
    }
}

async fn on_event(ctx: &Context, rules: &HashMap<Kind, Vec<alert_rule::Model>>, event: Event) {
    let matching = |kind: Kind, station: &str| -> Vec<alert_rule::Model> {
        rules
            .get(&kind)
            .map(|rs| rs.iter().filter(|r| covers(r, station)).cloned().collect())
            .unwrap_or_default()
    };
    match event {
        Event::ConnectorStatus {
            station_id,
            connector_id,
            status: ocpp::v16::ChargePointStatus::Faulted,
            error_code,
            info,
            timestamp,
        } => {
            let at = timestamp.unwrap_or_else(Utc::now);
            let code = error_code.as_str();
            for rule in matching(Kind::ConnectorFaulted, &station_id) {
                raise_logged(
                    ctx,
                    Raise {
                        dedupe_key: format!(
                            "faulted:{}:{station_id}:{connector_id}:{}",
                            rule.id,
                            at.timestamp_micros()
                        ),
                        summary: format!(
                            "{station_id} connector {connector_id} is Faulted ({code})"
                        ),
                        details: json!({
                            "connectorId": connector_id,
                            "errorCode": code,
                            "info": info,
                            "timestamp": at,
                        }),
                        station_id: Some(station_id.clone()),
                        rule,
                    },
                )
                .await;
            }
        }
        Event::StationBooted { station_id, at, .. } => {
            let rules = matching(Kind::UnexpectedBoot, &station_id);
            if rules.is_empty() {
                return;
            }
            let reset = alert_reset::Entity::find_by_id(station_id.as_str())
                .one(ctx.store.reader())
                .await;
            let reset_at = match reset {
                Ok(row) => row.map(|r| r.sent_at),
                Err(e) => {
                    tracing::warn!(station = %station_id, error = %e, "resets not read; boot not checked");
                    return;
                }
            };
            let mut expected = false;
            for rule in rules {
                let window =
                    Duration::minutes(i64::from(rule.minutes.unwrap_or(RESET_WINDOW_MINUTES)));
                if reset_at.is_some_and(|sent| sent <= at && at - sent <= window) {
                    expected = true;
                    continue;
                }
                raise_logged(
                    ctx,
                    Raise {
                        dedupe_key: format!(
                            "boot:{}:{station_id}:{}",
                            rule.id,
                            at.timestamp_micros()
                        ),
                        summary: format!("{station_id} booted without a Reset from chargegate"),
                        details: json!({ "bootedAt": at, "lastResetSentAt": reset_at }),
                        station_id: Some(station_id.clone()),
                        rule,
                    },
                )
                .await;
            }
            if let (true, Some(sent)) = (expected, reset_at) {
                // One Reset explains one boot: the next boot without a Reset is an alert.
                forget_reset(ctx, &station_id, sent).await;
            }
        }
        Event::SecurityEvent {
            station_id,
            id,
            event_type,
            timestamp,
            tech_info,
            ..
        } => {
            for rule in matching(Kind::SecurityEvent, &station_id) {
                raise_logged(
                    ctx,
                    Raise {
                        dedupe_key: format!("security:{}:{id}", rule.id),
                        summary: format!("{station_id} reported the security event {event_type}"),
                        details: json!({
                            "eventType": event_type,
                            "timestamp": timestamp,
                            "techInfo": tech_info,
                            "securityEventId": id,
                        }),
                        station_id: Some(station_id.clone()),
                        rule,
                    },
                )
                .await;
            }
        }
        Event::TransactionStarted {
            station_id,
            transaction_id,
            connector_id,
            id_tag,
            meter_start,
            timestamp,
            ..
        } => {
            for rule in matching(Kind::SessionStarted, &station_id) {
                raise_logged(
                    ctx,
                    Raise {
                        dedupe_key: format!("started:{}:{transaction_id}", rule.id),
                        summary: format!(
                            "session {transaction_id} started at {station_id} connector {connector_id}"
                        ),
                        details: json!({
                            "transactionId": transaction_id,
                            "connectorId": connector_id,
                            "idTag": id_tag,
                            "meterStart": meter_start,
                            "timestamp": timestamp,
                        }),
                        station_id: Some(station_id.clone()),
                        rule,
                    },
                )
                .await;
            }
        }
        Event::TransactionStopped {
            station_id,
            transaction_id,
            connector_id,
            meter_stop,
            timestamp,
            reason,
        } => {
            for rule in matching(Kind::SessionStopped, &station_id) {
                raise_logged(
                    ctx,
                    Raise {
                        dedupe_key: format!("stopped:{}:{transaction_id}", rule.id),
                        summary: format!(
                            "session {transaction_id} stopped at {station_id} connector {connector_id}"
                        ),
                        details: json!({
                            "transactionId": transaction_id,
                            "connectorId": connector_id,
                            "meterStop": meter_stop,
                            "timestamp": timestamp,
                            "reason": reason,
                        }),
                        station_id: Some(station_id.clone()),
                        rule,
                    },
                )
                .await;
            }
        }
        _ => {}
    }
}

/// chargegate is about to send a Reset to `station_id`: a boot soon after is expected.
pub async fn reset_sent(ctx: &Context, station_id: &str) {
    let row = alert_reset::ActiveModel {
        station_id: Set(station_id.to_owned()),
        sent_at: Set(Utc::now()),
    };
    let result = ctx
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                alert_reset::Entity::insert(row)
                    .on_conflict(
                        OnConflict::column(alert_reset::Column::StationId)
                            .update_column(alert_reset::Column::SentAt)
                            .to_owned(),
                    )
                    .exec_without_returning(txn)
                    .await?;
                Ok(())
            })
        })
        .await;
    if let Err(e) = result {
        tracing::warn!(station = %station_id, error = %e, "Reset not recorded for alerts");
    }
}

async fn forget_reset(ctx: &Context, station_id: &str, sent: DateTime<Utc>) {
    let id = station_id.to_owned();
    let result = ctx
        .store
        .write(move |txn| {
            let id = id.clone();
            Box::pin(async move {
                alert_reset::Entity::delete_many()
                    .filter(alert_reset::Column::StationId.eq(id))
                    .filter(alert_reset::Column::SentAt.lte(sent))
                    .exec(txn)
                    .await?;
                Ok(())
            })
        })
        .await;
    if let Err(e) = result {
        tracing::warn!(station = %station_id, error = %e, "Reset not forgotten");
    }
}

/// chargegate stopped `transaction_id` at its energy budget (and flagged it).
pub async fn budget_reached(ctx: &Context, station_id: &str, transaction_id: i32) {
    let rules = match enabled_rules(ctx, &[Kind::BudgetReached]).await {
        Ok(mut rules) => rules.remove(&Kind::BudgetReached).unwrap_or_default(),
        Err(e) => {
            tracing::warn!(error = %e, "alert rules not read");
            return;
        }
    };
    for rule in rules.into_iter().filter(|r| covers(r, station_id)) {
        raise_logged(
            ctx,
            Raise {
                dedupe_key: format!("budget:{}:{transaction_id}", rule.id),
                summary: format!(
                    "session {transaction_id} at {station_id} reached its energy budget and is being stopped"
                ),
                details: json!({ "transactionId": transaction_id }),
                station_id: Some(station_id.to_owned()),
                rule,
            },
        )
        .await;
    }
}

// ---------------------------------------------------------------------------------------------
// Periodic rules.

/// Evaluates the periodic rules and prunes old alerts, every `--alerts-evaluate-interval`. Every
/// node runs it; the dedupe keys make two nodes' alerts one.
pub async fn run_periodic(ctx: Arc<Context>) {
    let mut every = tokio::time::interval(ctx.settings.alerts.evaluate_interval.0);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_prune: Option<DateTime<Utc>> = None;
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            _ = every.tick() => {}
        }
        if let Err(e) = evaluate(&ctx).await {
            tracing::warn!(error = %e, "periodic alert rules not evaluated");
        }
        let now = Utc::now();
        if last_prune.is_none_or(|at| now - at > Duration::hours(1)) {
            last_prune = Some(now);
            match prune(&ctx, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "old alerts pruned"),
                Err(e) => tracing::warn!(error = %e, "alert pruning failed"),
            }
        }
    }
}

/// One round of the periodic rules.
pub async fn evaluate(ctx: &Context) -> Result<(), DbErr> {
    let rules = enabled_rules(
        ctx,
        &[
            Kind::StationOffline,
            Kind::HandshakeRefused,
            Kind::CertificateExpiring,
        ],
    )
    .await?;
    let now = Utc::now();
    for rule in rules.get(&Kind::StationOffline).into_iter().flatten() {
        offline(ctx, rule, now).await?;
    }
    for rule in rules.get(&Kind::HandshakeRefused).into_iter().flatten() {
        refused(ctx, rule, now).await;
    }
    for rule in rules.get(&Kind::CertificateExpiring).into_iter().flatten() {
        certificates(ctx, rule, now).await?;
    }
    Ok(())
}

/// Stations not connected (on any node) whose last sign of life is older than the rule's
/// minutes (at least one evaluation interval; and not older than that plus [`OFFLINE_LOOKBACK`]): one alert per station and
/// time it went quiet.
async fn offline(ctx: &Context, rule: &alert_rule::Model, now: DateTime<Utc>) -> Result<(), DbErr> {
    // Never less than one evaluation interval: a station that just connected has its row
    // written a moment before its presence.
    let round = Duration::from_std(ctx.settings.alerts.evaluate_interval.0).unwrap_or_default();
    let threshold = Duration::minutes(i64::from(rule.minutes.unwrap_or(0))).max(round);
    let quiet_since = now - threshold;
    // Page by page (oldest first), each page's already raised alerts read in one statement, so
    // a round costs a few reads however many stations stay quiet.
    for page in 0..OFFLINE_PAGES {
        let mut query = station::Entity::find()
            .filter(station::Column::LastSeenAt.lte(quiet_since))
            .filter(station::Column::LastSeenAt.gt(quiet_since - OFFLINE_LOOKBACK))
            .order_by_asc(station::Column::LastSeenAt)
            .order_by_asc(station::Column::Id)
            .offset(page * OFFLINE_PAGE)
            .limit(OFFLINE_PAGE);
        if let Some(station) = &rule.station_id {
            query = query.filter(station::Column::Id.eq(station.as_str()));
        }
        let quiet = query.all(ctx.store.reader()).await?;
        let last_page = (quiet.len() as u64) < OFFLINE_PAGE;
        let keyed: Vec<(String, station::Model, DateTime<Utc>)> = quiet
            .into_iter()
            .filter_map(|s| {
                let last_seen = s.last_seen_at?;
                let key = format!(
                    "offline:{}:{}:{}",
                    rule.id,
                    s.id,
                    last_seen.timestamp_millis()
                );
                Some((key, s, last_seen))
            })
            .collect();
        let known = raised(ctx, keyed.iter().map(|(k, _, _)| k.clone()).collect()).await?;
        for (key, s, last_seen) in keyed {
            if known.contains(&key) {
                continue;
            }
            match ctx.cache.presence(&s.id).await {
                Ok(Some(_)) => continue,
                Ok(None) => {}
                Err(e) => {
                    tracing::debug!(error = %e, "presence unknown; offline rule skipped this round");
                    return Ok(());
                }
            }
            raise_logged(
                ctx,
                Raise {
                    dedupe_key: key,
                    summary: format!(
                        "{} has been offline for more than {} minutes",
                        s.id,
                        rule.minutes.unwrap_or(0)
                    ),
                    details: json!({ "lastSeenAt": last_seen, "minutes": rule.minutes }),
                    station_id: Some(s.id.clone()),
                    rule: rule.clone(),
                },
            )
            .await;
        }
        if last_page {
            break;
        }
    }
    Ok(())
}

/// Which of `keys` are stored alerts already (so a periodic rule does not write again what it
/// found before).
async fn raised(
    ctx: &Context,
    keys: Vec<String>,
) -> Result<std::collections::HashSet<String>, DbErr> {
    if keys.is_empty() {
        return Ok(Default::default());
    }
    let found: Vec<String> = alert::Entity::find()
        .select_only()
        .column(alert::Column::DedupeKey)
        .filter(alert::Column::DedupeKey.is_in(keys))
        .into_tuple()
        .all(ctx.store.reader())
        .await?;
    Ok(found.into_iter().collect())
}

/// Station ids refused at least `count` times within `minutes` (this node's refusals): one
/// alert per station and window.
async fn refused(ctx: &Context, rule: &alert_rule::Model, now: DateTime<Utc>) {
    let minutes = i64::from(rule.minutes.unwrap_or(10).max(1));
    let count = usize::try_from(rule.count.unwrap_or(5).max(1)).unwrap_or(1);
    let mut by_station: HashMap<String, (usize, DateTime<Utc>, String)> = HashMap::new();
    for r in ctx
        .refused_handshakes
        .since(now - Duration::minutes(minutes))
    {
        if !covers(rule, &r.station_id) {
            continue;
        }
        let entry = by_station
            .entry(r.station_id.clone())
            .or_insert((0, r.at, r.detail.clone()));
        entry.0 += 1;
        entry.1 = entry.1.min(r.at);
    }
    let window = minutes * 60;
    for (station_id, (n, first, detail)) in by_station {
        if n < count {
            continue;
        }
        let bucket = now.timestamp() / window;
        raise_logged(
            ctx,
            Raise {
                dedupe_key: format!("refused:{}:{station_id}:{bucket}", rule.id),
                summary: format!("{n} handshakes of {station_id} refused within {minutes} minutes"),
                details: json!({
                    "refusals": n,
                    "minutes": minutes,
                    "firstAt": first,
                    "lastDetail": detail,
                }),
                station_id: Some(station_id.clone()),
                rule: rule.clone(),
            },
        )
        .await;
    }
}

/// The end of each certificate in a PEM text, with its subject and serial number.
fn certificate_ends(pem: &str) -> Vec<(DateTime<Utc>, String, String)> {
    let mut ends = Vec::new();
    for pem in x509_parser::pem::Pem::iter_from_buffer(pem.as_bytes()).flatten() {
        if pem.label != "CERTIFICATE" {
            continue;
        }
        let Ok((_, cert)) = x509_parser::parse_x509_certificate(&pem.contents) else {
            continue;
        };
        let Some(end) = DateTime::from_timestamp(cert.validity().not_after.timestamp(), 0) else {
            continue;
        };
        ends.push((end, cert.subject().to_string(), cert.raw_serial_as_string()));
    }
    ends
}

/// A certificate the rule looks at: its station (none: chargegate's own), end, subject, serial
/// number, and whose it is (`csms` or `station`).
type Tracked = (Option<String>, DateTime<Utc>, String, String, &'static str);

/// chargegate's TLS certificate (`--tls-cert`) and the station certificates chargegate
/// signed or an operator sent (the newest chain a station accepted): alerts for those ending
/// within the rule's days, one per certificate.
async fn certificates(
    ctx: &Context,
    rule: &alert_rule::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let days = i64::from(rule.days.unwrap_or(30));
    let horizon = now + Duration::days(days);
    // (station, end, subject, serial number, whose)
    let mut found: Vec<Tracked> = Vec::new();
    if rule.station_id.is_none()
        && let Some(path) = &ctx.settings.tls_cert
    {
        match tokio::fs::read_to_string(path).await {
            Ok(pem) => {
                if let Some((end, subject, serial)) = certificate_ends(&pem).into_iter().next() {
                    found.push((None, end, subject, serial, "csms"));
                }
            }
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "TLS certificate not read for alerts")
            }
        }
    }
    use entity::certificate_signing_request as csr;
    let mut query = csr::Entity::find()
        .filter(csr::Column::State.eq("Accepted"))
        .filter(csr::Column::CertificateChain.is_not_null())
        .order_by_desc(csr::Column::Id)
        .limit(10_000);
    if let Some(station) = &rule.station_id {
        query = query.filter(csr::Column::StationId.eq(station.as_str()));
    }
    let mut newest: HashMap<String, String> = HashMap::new();
    for row in query.all(ctx.store.reader()).await? {
        if let Some(chain) = row.certificate_chain {
            newest.entry(row.station_id).or_insert(chain);
        }
    }
    for (station, chain) in newest {
        if let Some((end, subject, serial)) = certificate_ends(&chain).into_iter().next() {
            found.push((Some(station), end, subject, serial, "station"));
        }
    }
    found.retain(|(_, end, ..)| *end <= horizon);
    let key = |whose: &str, serial: &str, end: &DateTime<Utc>| {
        format!(
            "certificate:{}:{whose}:{serial}:{}",
            rule.id,
            end.timestamp()
        )
    };
    let known = raised(
        ctx,
        found
            .iter()
            .map(|(_, end, _, serial, whose)| key(whose, serial, end))
            .collect(),
    )
    .await?;
    for (station_id, end, subject, serial, whose) in found {
        let dedupe_key = key(whose, &serial, &end);
        if known.contains(&dedupe_key) {
            continue;
        }
        let summary = match &station_id {
            Some(s) => format!("the certificate of {s} ({subject}) ends {end}"),
            None => format!("chargegate's TLS certificate ({subject}) ends {end}"),
        };
        raise_logged(
            ctx,
            Raise {
                dedupe_key,
                summary,
                details: json!({
                    "certificate": whose,
                    "subject": subject,
                    "serialNumber": serial,
                    "notAfter": end,
                    "days": days,
                }),
                station_id,
                rule: rule.clone(),
            },
        )
        .await;
    }
    Ok(())
}

/// Deletes alerts older than `--alerts-retention` whose deliveries are all done (delivered or
/// failed), with those deliveries.
pub async fn prune(ctx: &Context, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let retention = ctx.settings.alerts.retention.0;
    if retention.is_zero() {
        return Ok(0);
    }
    let Ok(retention) = Duration::from_std(retention) else {
        return Ok(0);
    };
    let before = now - retention;
    ctx.store
        .write(move |txn| {
            Box::pin(async move {
                let old: Vec<String> = alert::Entity::find()
                    .select_only()
                    .column(alert::Column::Id)
                    .filter(alert::Column::CreatedAt.lt(before))
                    .limit(5000)
                    .into_tuple()
                    .all(txn)
                    .await?;
                if old.is_empty() {
                    return Ok(0);
                }
                let busy: Vec<String> = alert_delivery::Entity::find()
                    .select_only()
                    .column(alert_delivery::Column::AlertId)
                    .filter(alert_delivery::Column::AlertId.is_in(old.clone()))
                    .filter(alert_delivery::Column::State.eq("pending"))
                    .into_tuple()
                    .all(txn)
                    .await?;
                let done: Vec<String> = old.into_iter().filter(|id| !busy.contains(id)).collect();
                alert_delivery::Entity::delete_many()
                    .filter(alert_delivery::Column::AlertId.is_in(done.clone()))
                    .exec(txn)
                    .await?;
                Ok(alert::Entity::delete_many()
                    .filter(alert::Column::Id.is_in(done))
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// The outbox.

/// A delivery this node holds a lease on.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: i64,
    pub alert_id: String,
    pub channel: String,
    pub target: String,
    /// This attempt's number (1 for the first).
    pub attempt: i32,
}

/// Takes a lease on up to `limit` deliveries that are due and not leased (or whose lease ran
/// out): `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two nodes never take the same row at once.
pub async fn claim(ctx: &Context, limit: u32) -> Result<Vec<Claimed>, StoreError> {
    let now = Utc::now().timestamp_millis();
    let lease =
        i64::try_from(ctx.settings.alerts.delivery_lease.0.as_millis()).unwrap_or(i64::MAX / 4);
    let node = ctx.node_id.clone();
    let backend = ctx.store.backend();
    ctx.store
        .write(move |txn| {
            let node = node.clone();
            Box::pin(async move {
                let (sql, values): (&str, Vec<sea_orm::Value>) = match backend {
                    DbBackend::Postgres => (
                        "UPDATE alert_deliveries SET lease_until_ms = $1, lease_node = $2, \
                         attempts = attempts + 1 WHERE id IN (SELECT id FROM alert_deliveries \
                         WHERE state = 'pending' AND next_attempt_ms <= $3 \
                         AND (lease_until_ms IS NULL OR lease_until_ms < $3) \
                         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) \
                         RETURNING id, alert_id, channel, target, attempts",
                        vec![
                            (now + lease).into(),
                            node.into(),
                            now.into(),
                            i64::from(limit).into(),
                        ],
                    ),
                    _ => (
                        "UPDATE alert_deliveries SET lease_until_ms = ?, lease_node = ?, \
                         attempts = attempts + 1 WHERE id IN (SELECT id FROM alert_deliveries \
                         WHERE state = 'pending' AND next_attempt_ms <= ? \
                         AND (lease_until_ms IS NULL OR lease_until_ms < ?) \
                         ORDER BY id LIMIT ?) \
                         RETURNING id, alert_id, channel, target, attempts",
                        vec![
                            (now + lease).into(),
                            node.into(),
                            now.into(),
                            now.into(),
                            i64::from(limit).into(),
                        ],
                    ),
                };
                let rows = txn
                    .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
                    .await?;
                let mut claimed = Vec::with_capacity(rows.len());
                for row in rows {
                    claimed.push(Claimed {
                        id: row.try_get("", "id")?,
                        alert_id: row.try_get("", "alert_id")?,
                        channel: row.try_get("", "channel")?,
                        target: row.try_get("", "target")?,
                        attempt: row.try_get("", "attempts")?,
                    });
                }
                claimed.sort_by_key(|c| c.id);
                Ok(claimed)
            })
        })
        .await
}

/// How an attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    /// Worth another attempt (after a back-off), unless it was the last.
    Retry(String),
    /// Never worth another attempt (the webhook was deleted, …).
    GiveUp(String),
}

/// The delay before attempt `attempt + 1`: `--alerts-retry-base` doubled per attempt, at most
/// `--alerts-retry-max`.
pub fn backoff(ctx: &Context, attempt: i32) -> std::time::Duration {
    let base = ctx.settings.alerts.retry_base.0;
    let max = ctx.settings.alerts.retry_max.0;
    let shift = u32::try_from(attempt.saturating_sub(1))
        .unwrap_or(0)
        .min(30);
    base.saturating_mul(1u32 << shift).min(max)
}

/// Records an attempt's outcome and lets the lease go.
pub async fn finish(ctx: &Context, claimed: &Claimed, outcome: Outcome) -> Result<(), StoreError> {
    let now = Utc::now();
    let max_attempts = i32::try_from(ctx.settings.alerts.delivery_attempts).unwrap_or(i32::MAX);
    let next = now.timestamp_millis()
        + i64::try_from(backoff(ctx, claimed.attempt).as_millis()).unwrap_or(i64::MAX / 4);
    let id = claimed.id;
    let attempt = claimed.attempt;
    ctx.store
        .write(move |txn| {
            let outcome = outcome.clone();
            Box::pin(async move {
                use alert_delivery::Column as C;
                use sea_orm::sea_query::Expr;
                let mut update = alert_delivery::Entity::update_many()
                    .col_expr(C::LeaseUntilMs, Expr::value(Option::<i64>::None))
                    .filter(C::Id.eq(id))
                    .filter(C::State.eq("pending"));
                update = match outcome {
                    Outcome::Delivered => update
                        .col_expr(C::State, Expr::value("delivered"))
                        .col_expr(C::DeliveredAt, Expr::value(Some(now))),
                    Outcome::Retry(error) if attempt < max_attempts => update
                        .col_expr(C::NextAttemptMs, Expr::value(next))
                        .col_expr(C::LastError, Expr::value(Some(cut(&error)))),
                    Outcome::Retry(error) | Outcome::GiveUp(error) => update
                        .col_expr(C::State, Expr::value("failed"))
                        .col_expr(C::LastError, Expr::value(Some(cut(&error)))),
                };
                update.exec(txn).await?;
                Ok(())
            })
        })
        .await
}

fn cut(error: &str) -> String {
    error.chars().take(1000).collect()
}

/// An alert's facts for a delivery.
pub async fn alert_of(ctx: &Context, id: &str) -> Result<Option<alert::Model>, DbErr> {
    alert::Entity::find_by_id(id).one(ctx.store.reader()).await
}

pub async fn webhook_of(ctx: &Context, id: &str) -> Result<Option<webhook::Model>, DbErr> {
    let Ok(id) = id.parse::<i32>() else {
        return Ok(None);
    };
    webhook::Entity::find_by_id(id)
        .one(ctx.store.reader())
        .await
}

pub async fn rule_of(ctx: &Context, id: i32) -> Result<Option<alert_rule::Model>, DbErr> {
    alert_rule::Entity::find_by_id(id)
        .one(ctx.store.reader())
        .await
}

/// The newest alerts (at most `limit`), optionally of one station, with their deliveries.
pub async fn recent(
    ctx: &Context,
    station_id: Option<&str>,
    limit: u64,
) -> Result<Vec<(alert::Model, Vec<alert_delivery::Model>)>, DbErr> {
    let mut query = alert::Entity::find()
        .order_by_desc(alert::Column::CreatedAt)
        .order_by_desc(alert::Column::Id)
        .limit(limit);
    if let Some(station) = station_id {
        query = query.filter(alert::Column::StationId.eq(station));
    }
    let alerts = query.all(ctx.store.reader()).await?;
    let ids: Vec<String> = alerts.iter().map(|a| a.id.clone()).collect();
    let deliveries = if ids.is_empty() {
        Vec::new()
    } else {
        alert_delivery::Entity::find()
            .filter(alert_delivery::Column::AlertId.is_in(ids))
            .order_by_asc(alert_delivery::Column::Id)
            .all(ctx.store.reader())
            .await?
    };
    let mut by_alert: HashMap<String, Vec<alert_delivery::Model>> = HashMap::new();
    for d in deliveries {
        by_alert.entry(d.alert_id.clone()).or_default().push(d);
    }
    Ok(alerts
        .into_iter()
        .map(|a| {
            let d = by_alert.remove(&a.id).unwrap_or_default();
            (a, d)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("nope"), None);
    }

    #[test]
    fn rules_are_checked_and_get_their_defaults() {
        let rule = |kind, minutes| RuleInput {
            name: " r ".into(),
            kind,
            enabled: true,
            station_id: None,
            minutes,
            count: None,
            days: None,
            email_to: vec!["ops@example.com".into()],
        };
        assert!(rule(Kind::StationOffline, None).checked().is_err());
        assert!(rule(Kind::StationOffline, Some(-1)).checked().is_err());
        let refused = rule(Kind::HandshakeRefused, None).checked().unwrap();
        assert_eq!(
            (refused.minutes, refused.count, refused.name.as_str()),
            (Some(10), Some(5), "r")
        );
        let mut bad = rule(Kind::SecurityEvent, None);
        bad.email_to = vec!["a@b.c\r\nBcc: x@y.z".into()];
        assert!(bad.checked().is_err());
    }

    #[test]
    fn webhooks_need_http_addresses() {
        let hook = |url: &str| WebhookInput {
            name: "h".into(),
            url: url.into(),
            secret: None,
            enabled: true,
        };
        assert!(hook("https://example.com/hook").checked().is_ok());
        assert!(hook("ftp://example.com").checked().is_err());
        assert!(hook("http://").checked().is_err());
        assert!(hook("http://a b").checked().is_err());
    }
}
