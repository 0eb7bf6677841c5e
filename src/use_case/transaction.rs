//! Transaction use cases: Authorize, StartTransaction, MeterValues and StopTransaction, with the
//! rules that keep every transaction and nothing twice (see `ARCHITECTURE.md`, "Transactions").
//!
//! Sanity checks never block an answer: anomalies are flagged on the transaction (see
//! [`flags`]), and stops that fit no transaction are kept as unmatched stops.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use entity::{id_tag, meter_reading::Source, transaction, unmatched_stop};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QuerySelect, TryInsertResult,
    sea_query::{Expr, ExprTrait, Query},
};

use crate::{
    auth::{Principal, Role},
    bus::Event,
    cache::MeterReading,
    config::UnknownIdTagPolicy,
    context::Context,
    store::{MeterRow, StoreError, insert_meter_rows_linked},
    use_case::{
        budget,
        command::{OnBehalf, Refused, at_least, text},
    },
};
use ocpp::rpc::Version;
use ocpp::v16::*;

/// A `remoteStartId` for RequestStartTransaction: unique among this process's remote starts
/// (seeded by the clock, so a restarted node does not repeat the last ones).
fn next_remote_start_id() -> i32 {
    use std::sync::atomic::{AtomicI32, Ordering};
    static NEXT: AtomicI32 = AtomicI32::new(0);
    let seed = (Utc::now().timestamp() % 1_000_000) as i32 * 1000;
    let _ = NEXT.compare_exchange(0, Ord::max(seed, 1), Ordering::Relaxed, Ordering::Relaxed);
    NEXT.fetch_add(1, Ordering::Relaxed) & i32::MAX
}

/// Anomaly codes stored in `transactions.flags` (comma-separated).
pub mod flags {
    /// The StartTransaction named an id tag the server did not know.
    pub const UNKNOWN_ID_TAG: &str = "unknown_id_tag";
    /// The id tag (or one with the same parent) was already charging elsewhere.
    pub const CONCURRENT_TX: &str = "concurrent_tx";
    /// Another transaction was still open on the same connector (its stop was never received).
    pub const CONNECTOR_BUSY: &str = "connector_busy";
    pub const START_IN_FUTURE: &str = "start_in_future";
    /// Start timestamp before 2010: the station's clock was not set.
    pub const START_CLOCK_UNSET: &str = "start_clock_unset";
    pub const STOP_IN_FUTURE: &str = "stop_in_future";
    pub const STOP_CLOCK_UNSET: &str = "stop_clock_unset";
    pub const STOP_BEFORE_START: &str = "stop_before_start";
    pub const METER_STOP_BELOW_START: &str = "meter_stop_below_start";
    /// A second StopTransaction with different values arrived (kept as an unmatched stop).
    pub const CONFLICTING_STOP: &str = "conflicting_stop";
    /// The tag's energy budget (or its owner's) was used up: answered Blocked at the start, or
    /// stopped by chargegate when it reached the budget.
    pub const BUDGET_EXHAUSTED: &str = super::budget::FLAG;
}

/// How far ahead of the server's clock a station timestamp may be before it is flagged.
const FUTURE_TOLERANCE: chrono::Duration = chrono::Duration::minutes(15);

fn clock_unset_before() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2010, 1, 1, 0, 0, 0).unwrap()
}

pub(crate) fn clock_flags(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    future: &'static str,
    unset: &'static str,
    out: &mut Vec<&'static str>,
) {
    if at > now + FUTURE_TOLERANCE {
        out.push(future);
    }
    if at < clock_unset_before() {
        out.push(unset);
    }
}

pub(crate) fn join_flags(existing: &str, added: &[&str]) -> String {
    let mut all: Vec<&str> = existing.split(',').filter(|f| !f.is_empty()).collect();
    for flag in added {
        if !all.contains(flag) {
            all.push(flag);
        }
    }
    all.join(",")
}

/// The idTagInfo for a stored tag at `now`.
pub(crate) fn tag_info(tag: &id_tag::Model, now: DateTime<Utc>) -> IdTagInfo {
    let mut status =
        AuthorizationStatus::from_wire(&tag.status).unwrap_or(AuthorizationStatus::Invalid);
    if status == AuthorizationStatus::Accepted && tag.expiry_date.is_some_and(|e| e <= now) {
        status = AuthorizationStatus::Expired;
    }
    IdTagInfo {
        status,
        expiry_date: tag.expiry_date.map(Timestamp),
        parent_id_tag: tag
            .parent_id_tag
            .as_deref()
            .and_then(|p| IdToken::new(p).ok()),
    }
}

pub(crate) fn unknown_tag_status(policy: UnknownIdTagPolicy) -> AuthorizationStatus {
    match policy {
        UnknownIdTagPolicy::Accept => AuthorizationStatus::Accepted,
        UnknownIdTagPolicy::Reject => AuthorizationStatus::Invalid,
    }
}

/// Remembers a tag first seen at a station, so that its transactions are not lost.
pub(crate) async fn remember_tag<C: ConnectionTrait, const N: usize>(
    db: &C,
    tag: &CiString<N>,
    status: AuthorizationStatus,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = id_tag::ActiveModel {
        id_tag_key: Set(tag.key()),
        id_tag: Set(tag.to_string()),
        status: Set(status.as_str().to_owned()),
        expiry_date: Set(None),
        parent_id_tag: Set(None),
        parent_id_tag_key: Set(None),
        owner: Set(None),
        auto_created: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    };
    id_tag::Entity::insert(row)
        .on_conflict_do_nothing_on([id_tag::Column::IdTagKey])
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The stored tag, looked up case-insensitively.
pub(crate) async fn stored_tag<C: ConnectionTrait, const N: usize>(
    db: &C,
    tag: &CiString<N>,
) -> Result<Option<id_tag::Model>, DbErr> {
    id_tag::Entity::find_by_id(tag.key()).one(db).await
}

/// Authorize: the tag's status from the database. An unknown tag is `Invalid`, or, when unknown
/// tags are accepted, `Accepted`; either way it is remembered (`auto_created`), so that the
/// console can list the tags a charger saw and an operator can accept one.
pub async fn authorize(
    ctx: &Context,
    req: AuthorizeRequest,
) -> Result<AuthorizeResponse, StoreError> {
    let id_tag_info = authorize_tag(ctx, &req.id_tag).await?;
    Ok(AuthorizeResponse { id_tag_info })
}

/// The idTagInfo of an id tag (an id token of 2.0.1, up to 36 characters), for Authorize of
/// either version: the stored tag's, its energy budget applied; an unknown tag is remembered.
pub(crate) async fn authorize_tag<const N: usize>(
    ctx: &Context,
    id_tag: &CiString<N>,
) -> Result<IdTagInfo, StoreError> {
    let now = Utc::now();
    let db = ctx.store.reader();
    if let Some(tag) = stored_tag(db, id_tag).await? {
        let mut id_tag_info = tag_info(&tag, now);
        budget::gate(
            db,
            &tag,
            &mut id_tag_info,
            ctx.settings.budget_utc_offset,
            now,
        )
        .await?;
        return Ok(id_tag_info);
    }
    let status = unknown_tag_status(ctx.settings.unknown_id_tags);
    let tag = id_tag.clone();
    ctx.store
        .write(move |txn| {
            let tag = tag.clone();
            Box::pin(async move { remember_tag(txn, &tag, status, now).await })
        })
        .await?;
    Ok(IdTagInfo {
        status,
        expiry_date: None,
        parent_id_tag: None,
    })
}

struct Started {
    id: i32,
    info: IdTagInfo,
    /// The stored tag, when there is one.
    tag: Option<id_tag::Model>,
    created: bool,
    /// The start named a reservation of this station that was still open, and ended it.
    reservation_used: bool,
}

/// StartTransaction: always answers a transaction id. A retry of the same start (same station,
/// connector, tag, timestamp and meter start) returns the first id and stores nothing new.
pub async fn start(
    ctx: &Context,
    station_id: &Arc<str>,
    req: StartTransactionRequest,
) -> Result<StartTransactionResponse, StoreError> {
    let policy = ctx.settings.unknown_id_tags;
    let zone = ctx.settings.budget_utc_offset;
    let now = Utc::now();
    let station = station_id.clone();
    let request = Arc::new(req);
    let req = request.clone();
    let started = ctx
        .store
        .write(move |txn| {
            let (station, req) = (station.clone(), req.clone());
            Box::pin(async move { start_in(txn, &station, &req, policy, zone, now).await })
        })
        .await?;
    if started.created
        && started.info.status == AuthorizationStatus::Accepted
        && let Some(tag) = &started.tag
        && let Err(e) = budget::started(ctx, station_id, started.id, request.meter_start, tag).await
    {
        tracing::warn!(station = %station_id, transaction = started.id, error = %e, "session not watched for its energy budget");
    }
    if started.created {
        ctx.publish(Event::TransactionStarted {
            station_id: station_id.to_string(),
            transaction_id: started.id,
            connector_id: request.connector_id,
            id_tag: request.id_tag.to_string(),
            id_tag_status: started.info.status,
            meter_start: request.meter_start,
            timestamp: request.timestamp.0,
        })
        .await;
    }
    if let (true, Some(reservation)) = (started.reservation_used, request.reservation_id) {
        crate::use_case::reservation::used(ctx, station_id, reservation, request.connector_id)
            .await;
    }
    Ok(StartTransactionResponse {
        id_tag_info: started.info,
        transaction_id: started.id,
    })
}

fn same_start(station: &str, req: &StartTransactionRequest) -> Condition {
    Condition::all()
        .add(transaction::Column::StationId.eq(station))
        .add(transaction::Column::ConnectorId.eq(req.connector_id))
        .add(transaction::Column::IdTag.eq(req.id_tag.as_str()))
        .add(transaction::Column::StartTime.eq(req.timestamp.0))
        .add(transaction::Column::MeterStart.eq(req.meter_start))
}

/// StartTransaction in the writer's transaction: a retried start gets its first answer; a new
/// one is flagged, stored and ends the reservation it names.
async fn start_in(
    txn: &DatabaseTransaction,
    station: &str,
    req: &StartTransactionRequest,
    policy: UnknownIdTagPolicy,
    zone: chrono::FixedOffset,
    now: DateTime<Utc>,
) -> Result<Started, DbErr> {
    let stored_tag = stored_tag(txn, &req.id_tag).await?;
    if let Some(existing) = find_start(txn, station, req).await? {
        return Ok(retried(existing, stored_tag, now));
    }
    let mut flags = Vec::new();
    let mut info = resolve_tag(txn, req, stored_tag.as_ref(), policy, now, &mut flags).await?;
    if let Some(tag) = &stored_tag
        && budget::gate(txn, tag, &mut info, zone, now).await?
    {
        flags.push(flags::BUDGET_EXHAUSTED);
    }
    if info.status == AuthorizationStatus::Accepted
        && charging_elsewhere(txn, station, req, stored_tag.as_ref()).await?
    {
        info.status = AuthorizationStatus::ConcurrentTx;
        flags.push(flags::CONCURRENT_TX);
    }
    if connector_busy(txn, station, req).await? {
        flags.push(flags::CONNECTOR_BUSY);
    }
    clock_flags(
        req.timestamp.0,
        now,
        flags::START_IN_FUTURE,
        flags::START_CLOCK_UNSET,
        &mut flags,
    );
    match open(txn, station, req, &info, &flags, now).await? {
        TryInsertResult::Inserted(result) => {
            let id = result.last_insert_id;
            let reservation_used = use_reservation(txn, station, req, id, now).await?;
            Ok(Started {
                id,
                info,
                tag: stored_tag,
                created: true,
                reservation_used,
            })
        }
        // Another node stored the same start a moment ago: answer with its id.
        TryInsertResult::Conflicted | TryInsertResult::Empty => {
            let existing = find_start(txn, station, req)
                .await?
                .ok_or_else(|| DbErr::RecordNotFound("conflicting start".into()))?;
            Ok(retried(existing, stored_tag, now))
        }
    }
}

/// The stored transaction of this same start (a retry, or another node's copy), if any.
async fn find_start(
    txn: &DatabaseTransaction,
    station: &str,
    req: &StartTransactionRequest,
) -> Result<Option<transaction::Model>, DbErr> {
    transaction::Entity::find()
        .filter(same_start(station, req))
        .one(txn)
        .await
}

/// Resolves the id tag: the stored tag's info, or for an unknown tag the policy's status (the
/// tag is flagged and remembered).
async fn resolve_tag(
    txn: &DatabaseTransaction,
    req: &StartTransactionRequest,
    stored_tag: Option<&id_tag::Model>,
    policy: UnknownIdTagPolicy,
    now: DateTime<Utc>,
    flags: &mut Vec<&'static str>,
) -> Result<IdTagInfo, DbErr> {
    Ok(match stored_tag {
        Some(tag) => tag_info(tag, now),
        None => {
            flags.push(flags::UNKNOWN_ID_TAG);
            let status = unknown_tag_status(policy);
            remember_tag(txn, &req.id_tag, status, now).await?;
            IdTagInfo {
                status,
                expiry_date: None,
                parent_id_tag: None,
            }
        }
    })
}

/// Open transactions.
fn active() -> Condition {
    Condition::all().add(transaction::Column::StopTime.is_null())
}

/// Transactions on the start's connector.
fn here(station: &str, req: &StartTransactionRequest) -> Condition {
    Condition::all()
        .add(transaction::Column::StationId.eq(station))
        .add(transaction::Column::ConnectorId.eq(req.connector_id))
}

/// Whether the tag itself, or any tag of the same group (parent), is charging on another
/// connector.
async fn charging_elsewhere(
    txn: &DatabaseTransaction,
    station: &str,
    req: &StartTransactionRequest,
    stored_tag: Option<&id_tag::Model>,
) -> Result<bool, DbErr> {
    let mut group = Condition::any().add(transaction::Column::IdTagKey.eq(req.id_tag.key()));
    if let Some(parent) = stored_tag.and_then(|t| t.parent_id_tag_key.clone()) {
        group = group.add(
            transaction::Column::IdTagKey.in_subquery(
                Query::select()
                    .column(id_tag::Column::IdTagKey)
                    .from(id_tag::Entity)
                    .and_where(Expr::col(id_tag::Column::ParentIdTagKey).eq(parent))
                    .to_owned(),
            ),
        );
    }
    let elsewhere = transaction::Entity::find()
        .select_only()
        .column(transaction::Column::Id)
        .filter(active().add(group).add(here(station, req).not()))
        .into_tuple::<i32>()
        .one(txn)
        .await?;
    Ok(elsewhere.is_some())
}

/// Whether another transaction is still open on the start's connector.
async fn connector_busy(
    txn: &DatabaseTransaction,
    station: &str,
    req: &StartTransactionRequest,
) -> Result<bool, DbErr> {
    let busy = transaction::Entity::find()
        .select_only()
        .column(transaction::Column::Id)
        .filter(active().add(here(station, req)))
        .into_tuple::<i32>()
        .one(txn)
        .await?;
    Ok(busy.is_some())
}

/// Opens the transaction: inserts its row, unless the same start is stored already.
async fn open(
    txn: &DatabaseTransaction,
    station: &str,
    req: &StartTransactionRequest,
    info: &IdTagInfo,
    flags: &[&str],
    now: DateTime<Utc>,
) -> Result<TryInsertResult<sea_orm::InsertResult<transaction::ActiveModel>>, DbErr> {
    let row = transaction::ActiveModel {
        id: NotSet,
        station_id: Set(station.to_owned()),
        connector_id: Set(req.connector_id),
        id_tag: Set(req.id_tag.to_string()),
        id_tag_key: Set(req.id_tag.key()),
        start_id_tag_status: Set(info.status.as_str().to_owned()),
        meter_start: Set(req.meter_start),
        start_time: Set(req.timestamp.0),
        reservation_id: Set(req.reservation_id),
        meter_stop: Set(None),
        stop_time: Set(None),
        stop_reason: Set(None),
        stop_id_tag: Set(None),
        started_received_at: Set(now),
        stopped_received_at: Set(None),
        flags: Set(join_flags("", flags)),
        station_transaction_id: Set(None),
        id_token_type: Set(None),
    };
    transaction::Entity::insert(row)
        .on_conflict_do_nothing_on([
            transaction::Column::StationId,
            transaction::Column::ConnectorId,
            transaction::Column::IdTag,
            transaction::Column::StartTime,
            transaction::Column::MeterStart,
        ])
        .exec(txn)
        .await
}

/// Ends the reservation the start names, if it is this station's and still open; whether it
/// did.
async fn use_reservation(
    txn: &DatabaseTransaction,
    station: &str,
    req: &StartTransactionRequest,
    transaction_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    match req.reservation_id {
        Some(reservation) => {
            crate::use_case::reservation::use_in(txn, station, reservation, transaction_id, now)
                .await
        }
        None => Ok(false),
    }
}

/// The answer to a retried start: the first answer's status and id.
fn retried(
    existing: transaction::Model,
    tag: Option<id_tag::Model>,
    now: DateTime<Utc>,
) -> Started {
    let status = AuthorizationStatus::from_wire(&existing.start_id_tag_status)
        .unwrap_or(AuthorizationStatus::Invalid);
    let current = tag.as_ref().map(|t| tag_info(t, now));
    Started {
        id: existing.id,
        info: IdTagInfo {
            status,
            expiry_date: current.as_ref().and_then(|i| i.expiry_date),
            parent_id_tag: current.and_then(|i| i.parent_id_tag),
        },
        tag,
        created: false,
        reservation_used: false,
    }
}

/// MeterValues: stores every sampled value (also for an unknown transaction id), then updates
/// the cache and tells subscribers.
pub async fn meter_values(
    ctx: &Context,
    station_id: &Arc<str>,
    req: MeterValuesRequest,
) -> Result<EmptyResponse, StoreError> {
    let rows = MeterRow::from_meter_values(
        station_id,
        req.connector_id,
        req.transaction_id,
        Source::MeterValues,
        &req.meter_value,
        Utc::now(),
    );
    ctx.store.insert_meter_values(rows).await?;
    budget::meter_values(ctx, station_id, req.transaction_id, &req.meter_value);

    if let Some(latest) = req.meter_value.iter().max_by_key(|mv| mv.timestamp) {
        let reading = MeterReading {
            connector_id: req.connector_id,
            transaction_id: req.transaction_id,
            timestamp: latest.timestamp.0,
            sampled_value: live_samples(latest.sampled_value.iter().cloned()),
        };
        if let Err(e) = ctx.cache.set_last_meter(station_id, reading).await {
            tracing::warn!(station = %station_id, error = %e, "meter reading not cached");
        }
    }
    ctx.publish(Event::MeterValues {
        station_id: station_id.to_string(),
        connector_id: req.connector_id,
        transaction_id: req.transaction_id,
        meter_value: live(req.meter_value),
    })
    .await;
    Ok(EmptyResponse {})
}

/// Most sampled values the live views of one MeterValues carry (the status cache's last
/// reading, the event to subscribers and other nodes): a station may send thousands in one
/// message, and the live views are held in memory (a lagging subscriber's channel keeps 4,096
/// events, the Redis outbox 16,384). Every sample is stored; these bound only what is shown live.
pub const LIVE_SAMPLED_VALUES: usize = 48;
/// Longest value text the live views carry; longer values (signed meter data) are left out of
/// them (they are stored).
pub const LIVE_VALUE_LEN: usize = 128;

/// The sampled values the live views keep: the first [`LIVE_SAMPLED_VALUES`] whose value is at
/// most [`LIVE_VALUE_LEN`] bytes long.
pub fn live_samples(values: impl IntoIterator<Item = SampledValue>) -> Vec<SampledValue> {
    values
        .into_iter()
        .filter(|v| v.value.len() <= LIVE_VALUE_LEN)
        .take(LIVE_SAMPLED_VALUES)
        .collect()
}

/// A MeterValues as the live views carry it: the sampled values of [`live_samples`], at most
/// [`LIVE_SAMPLED_VALUES`] over all its meter values; meter values left with none are dropped.
fn live(meter_value: Vec<MeterValue>) -> Vec<MeterValue> {
    let mut left = LIVE_SAMPLED_VALUES;
    let mut kept = Vec::new();
    for mv in meter_value {
        if left == 0 {
            break;
        }
        let mut sampled_value = live_samples(mv.sampled_value);
        sampled_value.truncate(left);
        left -= sampled_value.len();
        if !sampled_value.is_empty() {
            kept.push(MeterValue {
                timestamp: mv.timestamp,
                sampled_value,
            });
        }
    }
    kept
}

enum Stopped {
    /// The transaction was closed now.
    Closed { connector_id: i32 },
    /// The same stop was already stored.
    Retry,
    /// Kept as an unmatched stop for reconciliation.
    Unmatched,
}

/// Why a StopTransaction could not close a transaction.
mod unmatched {
    pub const UNKNOWN_TRANSACTION: &str = "unknown_transaction";
    pub const OTHER_STATION: &str = "other_station";
    pub const ALREADY_STOPPED: &str = "already_stopped";
}

/// StopTransaction: always answered. Closes the station's transaction once; a retried stop
/// changes nothing; a stop for an unknown id (`-1`, `0`, another station's, or a second,
/// different stop) is kept for reconciliation and never attached to another transaction.
pub async fn stop(
    ctx: &Context,
    station_id: &Arc<str>,
    req: StopTransactionRequest,
) -> Result<StopTransactionResponse, StoreError> {
    let now = Utc::now();
    let policy = ctx.settings.unknown_id_tags;
    let station = station_id.clone();
    let request = Arc::new(req);
    let req = request.clone();
    let (stopped, tag) = ctx
        .store
        .write(move |txn| {
            let (station, req) = (station.clone(), req.clone());
            Box::pin(async move {
                let stopped = stop_in(txn, &station, &req, now).await?;
                let tag = match &req.id_tag {
                    Some(tag) => Some(stored_tag(txn, tag).await?),
                    None => None,
                };
                Ok((stopped, tag))
            })
        })
        .await?;

    if let Stopped::Closed { connector_id } = stopped {
        ctx.budgets.ended(request.transaction_id);
        ctx.publish(Event::TransactionStopped {
            station_id: station_id.to_string(),
            transaction_id: request.transaction_id,
            connector_id,
            meter_stop: request.meter_stop,
            timestamp: request.timestamp.0,
            reason: request.reason.unwrap_or(Reason::Local),
        })
        .await;
    }
    let id_tag_info = tag.map(|stored| match stored {
        Some(tag) => tag_info(&tag, now),
        None => IdTagInfo {
            status: unknown_tag_status(policy),
            expiry_date: None,
            parent_id_tag: None,
        },
    });
    Ok(StopTransactionResponse { id_tag_info })
}

/// StopTransaction in the writer's transaction: closes the station's open transaction, or
/// recognises a retry, or keeps the stop as unmatched.
async fn stop_in(
    txn: &DatabaseTransaction,
    station: &Arc<str>,
    req: &StopTransactionRequest,
    now: DateTime<Utc>,
) -> Result<Stopped, DbErr> {
    let (kind, connector_id) = match reported_transaction(txn, req).await? {
        Some(tx) if *tx.station_id == **station => {
            if tx.stop_time.is_none() {
                close(txn, station, &tx, req, now).await?;
                return Ok(Stopped::Closed {
                    connector_id: tx.connector_id,
                });
            }
            if tx.stop_time == Some(req.timestamp.0) && tx.meter_stop == Some(req.meter_stop) {
                return Ok(Stopped::Retry);
            }
            flag_conflicting_stop(txn, &tx).await?;
            (unmatched::ALREADY_STOPPED, tx.connector_id)
        }
        Some(_) => (unmatched::OTHER_STATION, 0),
        None => (unmatched::UNKNOWN_TRANSACTION, 0),
    };
    keep_unmatched(txn, station, req, kind, connector_id, now).await?;
    Ok(Stopped::Unmatched)
}

/// The transaction the stop names, of any station (ids below 1 name none).
async fn reported_transaction(
    txn: &DatabaseTransaction,
    req: &StopTransactionRequest,
) -> Result<Option<transaction::Model>, DbErr> {
    if req.transaction_id > 0 {
        transaction::Entity::find_by_id(req.transaction_id)
            .one(txn)
            .await
    } else {
        Ok(None)
    }
}

/// The anomalies of a stop of `tx`: before its start, a meter below its start, a station clock
/// in the future or unset.
fn stop_flags(
    tx: &transaction::Model,
    req: &StopTransactionRequest,
    now: DateTime<Utc>,
) -> Vec<&'static str> {
    let mut added = Vec::new();
    if req.timestamp.0 < tx.start_time {
        added.push(flags::STOP_BEFORE_START);
    }
    if req.meter_stop < tx.meter_start {
        added.push(flags::METER_STOP_BELOW_START);
    }
    clock_flags(
        req.timestamp.0,
        now,
        flags::STOP_IN_FUTURE,
        flags::STOP_CLOCK_UNSET,
        &mut added,
    );
    added
}

/// Closes the open transaction `tx`: records the stop on its row, stores the stop's meter
/// values linked to it and ends its charging profiles.
async fn close(
    txn: &DatabaseTransaction,
    station: &Arc<str>,
    tx: &transaction::Model,
    req: &StopTransactionRequest,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let added = stop_flags(tx, req, now);
    let update = transaction::ActiveModel {
        id: Set(tx.id),
        meter_stop: Set(Some(req.meter_stop)),
        stop_time: Set(Some(req.timestamp.0)),
        stop_reason: Set(Some(
            req.reason.unwrap_or(Reason::Local).as_str().to_owned(),
        )),
        stop_id_tag: Set(req.id_tag.as_ref().map(|t| t.to_string())),
        stopped_received_at: Set(Some(now)),
        flags: Set(join_flags(&tx.flags, &added)),
        ..Default::default()
    };
    transaction::Entity::update(update).exec(txn).await?;
    record_stop_meter_values(txn, station, tx.connector_id, req, Some(tx.id), now).await?;
    crate::use_case::smart_charging::end_tx_profiles(txn, station, tx.connector_id, now).await?;
    Ok(())
}

/// Stores the meter values a StopTransaction carries (its `transactionData`), linked to
/// transaction `linked` when it is known.
async fn record_stop_meter_values(
    txn: &DatabaseTransaction,
    station: &Arc<str>,
    connector_id: i32,
    req: &StopTransactionRequest,
    linked: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let rows = MeterRow::from_meter_values(
        station,
        connector_id,
        Some(req.transaction_id),
        Source::StopTransaction,
        req.transaction_data.as_deref().unwrap_or_default(),
        now,
    );
    insert_meter_rows_linked(txn, &rows, linked).await
}

/// Flags an already stopped transaction that received a second, different stop (once).
async fn flag_conflicting_stop(
    txn: &DatabaseTransaction,
    tx: &transaction::Model,
) -> Result<(), DbErr> {
    if !tx.flags.split(',').any(|f| f == flags::CONFLICTING_STOP) {
        transaction::Entity::update(transaction::ActiveModel {
            id: Set(tx.id),
            flags: Set(join_flags(&tx.flags, &[flags::CONFLICTING_STOP])),
            ..Default::default()
        })
        .exec(txn)
        .await?;
    }
    Ok(())
}

/// Keeps a stop that closes no transaction for reconciliation, with its meter values (once: a
/// retry of it stores nothing).
async fn keep_unmatched(
    txn: &DatabaseTransaction,
    station: &Arc<str>,
    req: &StopTransactionRequest,
    kind: &str,
    connector_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = unmatched_stop::ActiveModel {
        id: NotSet,
        station_id: Set(station.to_string()),
        reported_transaction_id: Set(req.transaction_id),
        kind: Set(kind.to_owned()),
        id_tag: Set(req.id_tag.as_ref().map(|t| t.to_string())),
        meter_stop: Set(req.meter_stop),
        timestamp: Set(req.timestamp.0),
        reason: Set(req.reason.map(|r| r.as_str().to_owned())),
        received_at: Set(now),
    };
    let inserted = unmatched_stop::Entity::insert(row)
        .on_conflict_do_nothing_on([
            unmatched_stop::Column::StationId,
            unmatched_stop::Column::ReportedTransactionId,
            unmatched_stop::Column::Timestamp,
            unmatched_stop::Column::MeterStop,
        ])
        .exec_without_returning(txn)
        .await?;
    if matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
        // Connector 0 (the charge point) when the transaction, and so its connector, is unknown.
        record_stop_meter_values(txn, station, connector_id, req, None, now).await?;
    }
    Ok(())
}

/// The transactions `caller` may see: at the stations of its token, and for a driver, of the
/// id tags they own. Usage reports and the `transactions` query cover these.
pub fn visible(caller: &Principal) -> sea_orm::Condition {
    let mut scope = sea_orm::Condition::all();
    if let Some(stations) = &caller.stations {
        scope = scope.add(transaction::Column::StationId.is_in(stations.iter().cloned()));
    }
    if caller.role == Role::Driver {
        scope = scope.add(transaction::Column::IdTagKey.in_subquery(owned_tags(&caller.sub)));
    }
    scope
}

/// The keys of the id tags `owner` owns.
fn owned_tags(owner: &str) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(id_tag::Column::IdTagKey)
        .from(id_tag::Entity)
        .and_where(Expr::col(id_tag::Column::Owner).eq(owner))
        .to_owned()
}

/// Remote start and stop on behalf of a caller (OCPP 1.6 §5.11, §5.12). A start that carries a
/// charging profile and is accepted records the profile as installed (Smart Charging).
impl OnBehalf<'_> {
    pub async fn remote_start(
        &self,
        station_id: &str,
        id_tag: &str,
        connector_id: Option<i32>,
        charging_profile: Option<ChargingProfile>,
    ) -> Result<RemoteStartStopStatus, Refused> {
        let version = self.permit(station_id, true).await?;
        let connector_id = connector_id
            .map(|c| at_least(c, 1, "connectorId"))
            .transpose()?;
        // The same rules for both versions: a TxProfile (2.0.1's RequestStartTransaction asks
        // for that purpose as 1.6 does) without a transaction id, the station binding it to the
        // transaction it starts; and none from a driver.
        if let Some(profile) = &charging_profile {
            profile
                .validate(ProfileUse::RemoteStart)
                .map_err(|e| Refused::Invalid {
                    field: "chargingProfile",
                    message: format!("{}: {}", e.field, e.message),
                })?;
            if self.caller.role == Role::Driver {
                return Err(Refused::Forbidden(
                    "drivers may not send charging profiles".into(),
                ));
            }
        }
        if version == Version::V201 {
            let token = text::<36>(id_tag, "idTag")?;
            if self.caller.role == Role::Driver {
                self.owns(&token.key()).await?;
            }
            self.startable(station_id, &token, connector_id).await?;
            let status = self
                .request_start(station_id, token, connector_id, charging_profile.as_ref())
                .await?;
            if let (RemoteStartStopStatus::Accepted, Some(profile)) = (status, charging_profile) {
                super::smart_charging::store_installed(
                    self.ctx,
                    station_id,
                    connector_id.unwrap_or(0),
                    &profile,
                    Version::V201,
                )
                .await?;
            }
            return Ok(status);
        }
        let id_tag = text::<20>(id_tag, "idTag")?;
        if self.caller.role == Role::Driver {
            self.owns(&id_tag.key()).await?;
        }
        self.startable(station_id, &id_tag, connector_id).await?;
        let command = ocpp::v16::RemoteStartTransaction {
            connector_id,
            id_tag,
            charging_profile: charging_profile.clone(),
        };
        let status = self.send(station_id, command).await?.status;
        if let (RemoteStartStopStatus::Accepted, Some(profile)) = (status, charging_profile) {
            super::smart_charging::store_installed(
                self.ctx,
                station_id,
                connector_id.unwrap_or(0),
                &profile,
                Version::V16,
            )
            .await?;
        }
        Ok(status)
    }

    /// RequestStartTransaction (2.0.1): the id token as one the central system vouches for
    /// (`Central`), on the EVSE the connector id names, with a new `remoteStartId` that the
    /// station's TransactionEvent will carry, and the transaction's TxProfile when one is given
    /// (as 2.0.1 spells it; the station binds it to the transaction it starts).
    async fn request_start(
        &self,
        station_id: &str,
        token: CiString<36>,
        evse_id: Option<i32>,
        profile: Option<&ChargingProfile>,
    ) -> Result<RemoteStartStopStatus, Refused> {
        let command = ocpp::v201::RequestStartTransactionRequest {
            evse_id,
            group_id_token: None,
            id_token: ocpp::v201::IdToken {
                additional_info: None,
                id_token: token,
                kind: ocpp::v201::IdTokenEnum::Central,
                custom_data: None,
            },
            remote_start_id: next_remote_start_id(),
            charging_profile: profile.map(|p| super::smart_charging::profile_v201(p, None)),
            custom_data: None,
        };
        let status = self.send(station_id, command).await?.status;
        Ok(super::command::same(
            status.as_str(),
            RemoteStartStopStatus::Rejected,
        ))
    }

    /// Refuses a remote start that cannot succeed: the tag's budget (or its owner's) used up,
    /// or the connector in use (charging, suspended or finishing).
    async fn startable<const N: usize>(
        &self,
        station_id: &str,
        id_tag: &CiString<N>,
        connector_id: Option<i32>,
    ) -> Result<(), Refused> {
        let db = self.ctx.store.reader();
        let now = Utc::now();
        if let Some(tag) = stored_tag(db, id_tag).await?
            && budget::exhausted(db, &tag, self.ctx.settings.budget_utc_offset, now).await?
        {
            return Err(Refused::BudgetExhausted(format!(
                "the energy budget of {id_tag} is used up"
            )));
        }
        let Some(connector_id) = connector_id else {
            return Ok(());
        };
        let running = transaction::Entity::find()
            .select_only()
            .column(transaction::Column::Id)
            .filter(active())
            .filter(transaction::Column::StationId.eq(station_id))
            .filter(transaction::Column::ConnectorId.eq(connector_id))
            .into_tuple::<i32>()
            .one(db)
            .await?;
        let status: Option<String> = entity::connector::Entity::find()
            .select_only()
            .column(entity::connector::Column::Status)
            .filter(entity::connector::Column::StationId.eq(station_id))
            .filter(entity::connector::Column::ConnectorId.eq(connector_id))
            .into_tuple()
            .one(db)
            .await?;
        let busy = status
            .as_deref()
            .and_then(ChargePointStatus::from_wire)
            .is_some_and(|s| {
                matches!(
                    s,
                    ChargePointStatus::Charging
                        | ChargePointStatus::SuspendedEv
                        | ChargePointStatus::SuspendedEvse
                        | ChargePointStatus::Finishing
                )
            });
        // The connector's own status decides; a session left open in the database (its stop
        // was lost) counts only when the station never told the connector's status.
        if busy || (status.is_none() && running.is_some()) {
            return Err(Refused::ConnectorOccupied(format!(
                "connector {connector_id} of {station_id} is in use"
            )));
        }
        Ok(())
    }

    pub async fn remote_stop(
        &self,
        station_id: &str,
        transaction_id: i32,
    ) -> Result<RemoteStartStopStatus, Refused> {
        let version = self.permit(station_id, true).await?;
        let tx = if self.caller.role == Role::Driver || version == Version::V201 {
            let tx = entity::transaction::Entity::find_by_id(transaction_id)
                .one(self.ctx.store.reader())
                .await?
                .filter(|t| t.station_id == station_id)
                .ok_or_else(|| {
                    Refused::NotFound(format!("no transaction {transaction_id} on {station_id}"))
                })?;
            if self.caller.role == Role::Driver {
                self.owns(&tx.id_tag_key).await?;
            }
            Some(tx)
        } else {
            None
        };
        if version == Version::V201 {
            // The station knows its transaction by its own id.
            let own = tx.and_then(|t| t.station_transaction_id).ok_or_else(|| {
                Refused::Unsupported(format!(
                    "transaction {transaction_id} was not started by OCPP 2.0.1"
                ))
            })?;
            let command = ocpp::v201::RequestStopTransactionRequest {
                transaction_id: text::<36>(&own, "transactionId")?,
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(super::command::same(
                status.as_str(),
                RemoteStartStopStatus::Rejected,
            ));
        }
        let command = ocpp::v16::RemoteStopTransaction { transaction_id };
        Ok(self.send(station_id, command).await?.status)
    }
}
