//! The fleet at a glance, for the operators' console: counts over the stations a token covers
//! (made in SQL, never by loading the stations), and what needs an operator's attention now.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use entity::{connector, security_event, station, transaction};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait},
};

use crate::{
    auth::Principal,
    context::Context,
    store::StoreError,
    use_case::usage::{self, UsageError},
};
use ocpp::v16::{ChargePointStatus, RegistrationStatus};

/// Why the fleet could not be counted.
#[derive(Debug, thiserror::Error)]
pub enum FleetError {
    #[error("{0}")]
    Invalid(String),
    #[error("the status cache is unavailable")]
    Cache,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl From<UsageError> for FleetError {
    fn from(e: UsageError) -> Self {
        match e {
            UsageError::Db(e) => Self::Db(e),
            other => Self::Invalid(other.to_string()),
        }
    }
}

/// The counts of a fleet summary (all but when they were made).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub stations: u64,
    pub online: u64,
    pub offline: u64,
    pub pending: u64,
    pub rejected: u64,
    /// Connectors (not connector 0) by status, in the order of the statuses' names.
    pub connectors: Vec<(ChargePointStatus, u64)>,
    pub active_transactions: u64,
    pub energy_wh: f64,
    pub since: DateTime<Utc>,
}

/// Midnight UTC of `now`'s day.
pub fn midnight(now: DateTime<Utc>) -> DateTime<Utc> {
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .map_or(now, |t| t.and_utc())
}

fn scope(caller: &Principal, column: impl ColumnTrait) -> Condition {
    match &caller.stations {
        Some(stations) => Condition::all().add(column.is_in(stations.iter().cloned())),
        None => Condition::all(),
    }
}

/// Counts the stations `caller` covers: by connection (the status cache), registration,
/// connector status and running transactions, and the energy delivered since `since`
/// (default: midnight UTC today) as the usage report allocates it.
pub async fn summary(
    ctx: &Context,
    caller: &Principal,
    since: Option<DateTime<Utc>>,
) -> Result<Summary, FleetError> {
    let now = Utc::now();
    let since = since.unwrap_or_else(|| midnight(now));
    let db = ctx.store.reader();

    let by_registration: Vec<(String, i64)> = station::Entity::find()
        .select_only()
        .column(station::Column::RegistrationStatus)
        .column_as(station::Column::Id.count(), "n")
        .filter(scope(caller, station::Column::Id))
        .group_by(station::Column::RegistrationStatus)
        .into_tuple()
        .all(db)
        .await?;
    let count_of = |status: RegistrationStatus| {
        by_registration
            .iter()
            .filter(|(s, _)| s == status.as_str())
            .map(|(_, n)| *n as u64)
            .sum::<u64>()
    };
    let stations: u64 = by_registration.iter().map(|(_, n)| *n as u64).sum();
    // Every connected station has a row (connecting registers it).
    let online = ctx
        .cache
        .connected_stations()
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "status cache unavailable");
            FleetError::Cache
        })?
        .iter()
        .filter(|id| caller.may_access(id))
        .count() as u64;

    let by_status: Vec<(String, i64)> = connector::Entity::find()
        .select_only()
        .column(connector::Column::Status)
        .column_as(Expr::col(connector::Column::StationId).count(), "n")
        .filter(scope(caller, connector::Column::StationId))
        .filter(connector::Column::ConnectorId.gt(0))
        .group_by(connector::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut connectors: BTreeMap<&'static str, (ChargePointStatus, u64)> = BTreeMap::new();
    for (status, n) in by_status {
        if let Some(status) = ChargePointStatus::from_wire(&status) {
            connectors.entry(status.as_str()).or_insert((status, 0)).1 += n as u64;
        }
    }

    let active_transactions = transaction::Entity::find()
        .filter(super::transaction::visible(caller))
        .filter(transaction::Column::StopTime.is_null())
        .count(db)
        .await?;

    let energy_wh = if since < now {
        usage::energy(ctx, caller, since, now).await?
    } else {
        0.0
    };

    Ok(Summary {
        stations,
        online: std::cmp::min(online, stations),
        offline: stations.saturating_sub(online),
        pending: count_of(RegistrationStatus::Pending),
        rejected: count_of(RegistrationStatus::Rejected),
        connectors: connectors.into_values().collect(),
        active_transactions,
        energy_wh,
        since,
    })
}

/// What an attention item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttentionKind {
    ConnectorFaulted,
    StationOffline,
    StationPending,
    HandshakeRefused,
    SecurityEvent,
}

/// Something that needs an operator's attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttentionItem {
    pub kind: AttentionKind,
    pub station_id: String,
    pub connector_id: Option<i32>,
    pub since: Option<DateTime<Utc>>,
    pub detail: Option<String>,
}

/// How far back refused handshakes and security events count.
const RECENT: Duration = Duration::hours(24);

/// What needs `caller`'s attention, newest first, at most `limit`: faulted connectors,
/// accepted stations offline, stations pending, handshakes this node refused and security
/// events of the last 24 hours.
pub async fn attention(
    ctx: &Context,
    caller: &Principal,
    limit: u64,
) -> Result<Vec<AttentionItem>, FleetError> {
    let now = Utc::now();
    let db = ctx.store.reader();
    let mut items = Vec::new();

    let faulted = connector::Entity::find()
        .filter(scope(caller, connector::Column::StationId))
        .filter(connector::Column::Status.eq(ChargePointStatus::Faulted.as_str()))
        .order_by_desc(connector::Column::UpdatedAt)
        .limit(limit)
        .all(db)
        .await?;
    items.extend(faulted.into_iter().map(|c| AttentionItem {
        kind: AttentionKind::ConnectorFaulted,
        station_id: c.station_id,
        connector_id: Some(c.connector_id),
        since: Some(c.updated_at),
        detail: Some(c.error_code),
    }));

    let online = ctx.cache.connected_stations().await.map_err(|e| {
        tracing::warn!(error = %e, "status cache unavailable");
        FleetError::Cache
    })?;
    let offline: Vec<(String, Option<DateTime<Utc>>)> = station::Entity::find()
        .select_only()
        .column(station::Column::Id)
        .column(station::Column::LastSeenAt)
        .filter(scope(caller, station::Column::Id))
        .filter(station::Column::RegistrationStatus.eq(RegistrationStatus::Accepted.as_str()))
        .filter(station::Column::Id.is_not_in(online))
        .order_by_desc(station::Column::LastSeenAt)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    items.extend(offline.into_iter().map(|(id, seen)| AttentionItem {
        kind: AttentionKind::StationOffline,
        station_id: id,
        connector_id: None,
        since: seen,
        detail: None,
    }));

    type Pending = (String, Option<DateTime<Utc>>, Option<DateTime<Utc>>);
    let pending: Vec<Pending> = station::Entity::find()
        .select_only()
        .column(station::Column::Id)
        .column(station::Column::LastBootAt)
        .column(station::Column::LastSeenAt)
        .filter(scope(caller, station::Column::Id))
        .filter(station::Column::RegistrationStatus.eq(RegistrationStatus::Pending.as_str()))
        .order_by_desc(station::Column::LastSeenAt)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    items.extend(pending.into_iter().map(|(id, boot, seen)| AttentionItem {
        kind: AttentionKind::StationPending,
        station_id: id,
        connector_id: None,
        since: boot.or(seen),
        detail: None,
    }));

    items.extend(
        ctx.refused_handshakes
            .since(now - RECENT)
            .into_iter()
            .filter(|r| caller.may_access(&r.station_id))
            .take(limit as usize)
            .map(|r| AttentionItem {
                kind: AttentionKind::HandshakeRefused,
                station_id: r.station_id,
                connector_id: None,
                since: Some(r.at),
                detail: Some(r.detail),
            }),
    );

    let events = security_event::Entity::find()
        .filter(scope(caller, security_event::Column::StationId))
        .filter(security_event::Column::Timestamp.gte(now - RECENT))
        .order_by_desc(security_event::Column::Timestamp)
        .limit(limit)
        .all(db)
        .await?;
    items.extend(events.into_iter().map(|e| AttentionItem {
        kind: AttentionKind::SecurityEvent,
        station_id: e.station_id,
        connector_id: None,
        since: Some(e.timestamp),
        detail: Some(e.event_type),
    }));

    // Newest first; those without a time last.
    items.sort_by_key(|item| std::cmp::Reverse(item.since));
    items.truncate(limit as usize);
    Ok(items)
}
