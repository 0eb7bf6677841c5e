//! OCPP 2.0.1 transactions on the one model (see `ARCHITECTURE.md`, "One model for 1.6 and
//! 2.0.1"): Authorize of an id token, TransactionEvent (Started, Updated, Ended) and MeterValues.
//!
//! A 2.0.1 transaction is a row of `transactions` like a 1.6 one: its central id is ours, its
//! `station_transaction_id` the station's own string id (unique per station), its connector
//! the EVSE. Every event is idempotent: the station's id finds the transaction whatever event
//! comes first (a lost or late `Started` is made up by the first event that arrives), a retried
//! event stores nothing twice (sampled values are kept once), and an `Ended` closes it once.
//! Meter values are stored with the same attributes as 1.6 ones; the live views, the status
//! cache and energy budgets read them through their 1.6 shape.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::{id_tag, meter_reading::Source, transaction};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QuerySelect,
};

use crate::{
    bus::Event,
    cache::MeterReading,
    context::Context,
    store::{MeterRow, StoreError},
    use_case::{
        budget,
        station::{self, ConnectorUpdate},
        transaction::{
            authorize_tag, clock_flags, flags, join_flags, live_samples, remember_tag, stored_tag,
            tag_info, unknown_tag_status,
        },
    },
};
use ocpp::rpc::{CallError, ErrorCode};
use ocpp::v16;
use ocpp::v201::{
    AuthorizationStatusEnum, AuthorizeRequest, AuthorizeResponse, ChargingStateEnum,
    ConnectorStatusEnum, IdToken, IdTokenEnum, IdTokenInfo, MeterValue, MeterValuesRequest,
    MeterValuesResponse, SampledValue, StatusNotificationRequest, StatusNotificationResponse,
    TransactionEventEnum, TransactionEventRequest, TransactionEventResponse,
};

/// The units of measure OCPP 2.0.1 allows (Part 2, appendix "Standardized Units of
/// Measurements"); a sampled value in any other unit is refused (`PropertyConstraintViolation`).
const UNITS: &[&str] = &[
    "A",
    "ASU",
    "B",
    "Celsius",
    "dB",
    "dBm",
    "Deg",
    "Fahrenheit",
    "h",
    "Hz",
    "K",
    "kPa",
    "kVA",
    "kVAh",
    "kvar",
    "kvarh",
    "kW",
    "kWh",
    "lx",
    "m",
    "ms",
    "Nm",
    "Ohm",
    "Pa",
    "Percent",
    "RH",
    "RPM",
    "s",
    "V",
    "VA",
    "VAh",
    "var",
    "varh",
    "W",
    "Wh",
];

/// An id token's 1.6 shape (its text and key), `None` for a token that names nobody
/// (`NoAuthorization`, or empty).
fn tag_of(token: &IdToken) -> Option<&ocpp::v16::CiString<36>> {
    (token.kind != IdTokenEnum::NoAuthorization && !token.id_token.as_str().is_empty())
        .then_some(&token.id_token)
}

/// A 1.6 idTagInfo as 2.0.1 says it (every 1.6 status exists in 2.0.1; a parent tag becomes
/// the group id token, an expiry the cache expiry).
pub fn id_token_info(info: &v16::IdTagInfo) -> IdTokenInfo {
    IdTokenInfo {
        status: AuthorizationStatusEnum::from_wire(info.status.as_str())
            .unwrap_or(AuthorizationStatusEnum::Invalid),
        cache_expiry_date_time: info.expiry_date,
        group_id_token: info.parent_id_tag.as_ref().and_then(|p| {
            Some(IdToken {
                id_token: ocpp::v16::CiString::new(p.as_str()).ok()?,
                kind: IdTokenEnum::Central,
                additional_info: None,
                custom_data: None,
            })
        }),
        ..accepted()
    }
}

/// An `Accepted` idTokenInfo and nothing else.
fn accepted() -> IdTokenInfo {
    IdTokenInfo {
        status: AuthorizationStatusEnum::Accepted,
        cache_expiry_date_time: None,
        charging_priority: None,
        language1: None,
        evse_id: None,
        group_id_token: None,
        language2: None,
        personal_message: None,
        custom_data: None,
    }
}

/// Authorize (2.0.1): the token's status from the database, as 1.6's Authorize decides it.
pub async fn authorize(
    ctx: &Context,
    req: AuthorizeRequest,
) -> Result<AuthorizeResponse, StoreError> {
    let info = match tag_of(&req.id_token) {
        Some(tag) => id_token_info(&authorize_tag(ctx, tag).await?),
        None => accepted(),
    };
    Ok(AuthorizeResponse {
        id_token_info: info,
        certificate_status: None,
        custom_data: None,
    })
}

/// A 2.0.1 sampled value's number in its unit, its multiplier applied; `None` when it is not
/// finite or beyond what a reading may be ([`v16::MAX_NUMERIC`]).
fn scaled(sv: &SampledValue) -> Option<f64> {
    let multiplier = sv
        .unit_of_measure
        .as_ref()
        .and_then(|u| u.multiplier)
        .unwrap_or(0);
    let value = sv.value.value() * 10f64.powi(multiplier);
    (value.is_finite() && value.abs() <= v16::MAX_NUMERIC).then_some(value)
}

/// The unit a sampled value names (default `Wh`), as the standardized unit it must be.
fn unit_of(sv: &SampledValue) -> Result<&'static str, CallError> {
    let unit = sv
        .unit_of_measure
        .as_ref()
        .and_then(|u| u.unit.as_ref())
        .map_or("Wh", |u| u.as_str());
    UNITS.iter().copied().find(|u| *u == unit).ok_or_else(|| {
        CallError::new(
            ErrorCode::PropertyConstraintViolation,
            format!("unitOfMeasure.unit: {unit:?} is not one of OCPP 2.0.1's standardized units"),
        )
    })
}

/// Checks every sampled value's unit before anything is stored.
pub fn check_units(values: &[MeterValue]) -> Result<(), CallError> {
    values
        .iter()
        .flat_map(|mv| &mv.sampled_value)
        .try_for_each(|sv| unit_of(sv).map(|_| ()))
}

/// One row per sampled value (the number as sent in `value`, its multiplier applied in
/// `numeric_value`), plus a `SignedData` row for each signed meter value (its signed data as
/// the value, as a 1.6 station sends it). `transaction` is the central id of the station's
/// transaction: kept as the row's reported id, it links the row as a 1.6 sample's
/// `transactionId` does.
fn rows(
    station_id: &Arc<str>,
    evse_id: i32,
    transaction: Option<i32>,
    source: Source,
    values: &[MeterValue],
    received_at: DateTime<Utc>,
) -> Vec<MeterRow> {
    let mut rows = Vec::new();
    for mv in values {
        for sv in &mv.sampled_value {
            let row = MeterRow {
                station_id: station_id.clone(),
                connector_id: evse_id,
                reported_transaction_id: transaction,
                source,
                timestamp: mv.timestamp.0,
                value: Arc::from(sv.value.as_str()),
                numeric_value: scaled(sv),
                context: sv.context.map_or("Sample.Periodic", |c| c.as_str()),
                format: "Raw",
                measurand: sv
                    .measurand
                    .map_or("Energy.Active.Import.Register", |m| m.as_str()),
                phase: sv.phase.map(|p| p.as_str()),
                location: sv.location.map_or("Outlet", |l| l.as_str()),
                unit: unit_of(sv).unwrap_or("Wh"),
                received_at,
            };
            if let Some(signed) = &sv.signed_meter_value {
                rows.push(MeterRow {
                    value: Arc::from(signed.signed_meter_data.as_str()),
                    numeric_value: None,
                    format: "SignedData",
                    ..row.clone()
                });
            }
            rows.push(row);
        }
    }
    rows
}

/// The meter values as the live views (cache, subscribers, budgets) read them: 1.6's shape,
/// numbers with their multiplier applied; attributes 1.6 has no word for are left out of the
/// live views (they are stored).
fn live_values(values: &[MeterValue]) -> Vec<v16::MeterValue> {
    values
        .iter()
        .filter_map(|mv| {
            let sampled_value: Vec<v16::SampledValue> = mv
                .sampled_value
                .iter()
                .filter_map(|sv| {
                    let map = |s: Option<&'static str>| s.map(Some);
                    Some(v16::SampledValue {
                        value: scaled(sv)?.to_string(),
                        context: match map(sv.context.map(|c| c.as_str())) {
                            Some(Some(c)) => Some(v16::ReadingContext::from_wire(c)?),
                            _ => None,
                        },
                        format: None,
                        measurand: match sv.measurand {
                            Some(m) => Some(v16::Measurand::from_wire(m.as_str())?),
                            None => None,
                        },
                        phase: match sv.phase {
                            Some(p) => Some(v16::Phase::from_wire(p.as_str())?),
                            None => None,
                        },
                        location: match sv.location {
                            Some(l) => Some(v16::Location::from_wire(l.as_str())?),
                            None => None,
                        },
                        unit: Some(v16::UnitOfMeasure::from_wire(unit_of(sv).ok()?)?),
                    })
                })
                .collect();
            (!sampled_value.is_empty()).then(|| v16::MeterValue {
                timestamp: mv.timestamp,
                sampled_value: live_samples(sampled_value),
            })
        })
        .collect()
}

/// The energy register (Wh) among `values`: of the reading of `context` when there is one,
/// else the newest.
fn register_wh(values: &[MeterValue], context: &str) -> Option<i64> {
    let readings = values.iter().flat_map(|mv| {
        mv.sampled_value.iter().filter_map(move |sv| {
            let measurand = sv
                .measurand
                .map_or("Energy.Active.Import.Register", |m| m.as_str());
            if measurand != "Energy.Active.Import.Register" || sv.phase.is_some() {
                return None;
            }
            let factor = match unit_of(sv).ok()? {
                "Wh" => 1.0,
                "kWh" => 1000.0,
                _ => return None,
            };
            let wh = (scaled(sv)? * factor).round();
            let of_context = sv.context.map_or("Sample.Periodic", |c| c.as_str()) == context;
            Some((of_context, mv.timestamp, wh as i64))
        })
    });
    readings
        .max_by_key(|(of_context, at, _)| (*of_context, *at))
        .map(|(_, _, wh)| wh)
}

/// Stores `values` (linked to `transaction`), then updates the cache and tells subscribers.
async fn keep_meter_values(
    ctx: &Context,
    station_id: &Arc<str>,
    evse_id: i32,
    transaction: Option<i32>,
    source: Source,
    values: &[MeterValue],
) -> Result<(), StoreError> {
    if values.is_empty() {
        return Ok(());
    }
    // The batching writer, as 1.6 MeterValues: many stations' samples in one commit.
    let rows = rows(station_id, evse_id, transaction, source, values, Utc::now());
    ctx.store.insert_meter_values(rows).await?;
    let live = live_values(values);
    budget::meter_values(ctx, station_id, transaction, &live);
    if let Some(latest) = live.iter().max_by_key(|mv| mv.timestamp) {
        let reading = MeterReading {
            connector_id: evse_id,
            transaction_id: transaction,
            timestamp: latest.timestamp.0,
            sampled_value: latest.sampled_value.clone(),
        };
        if let Err(e) = ctx.cache.set_last_meter(station_id, reading).await {
            tracing::warn!(station = %station_id, error = %e, "meter reading not cached");
        }
    }
    if !live.is_empty() {
        ctx.publish(Event::MeterValues {
            station_id: station_id.to_string(),
            connector_id: evse_id,
            transaction_id: transaction,
            meter_value: live,
        })
        .await;
    }
    Ok(())
}

/// MeterValues (2.0.1): samples of an EVSE outside a transaction (or of the station, EVSE 0).
pub async fn meter_values(
    ctx: &Context,
    station_id: &Arc<str>,
    req: MeterValuesRequest,
) -> Result<MeterValuesResponse, StoreError> {
    keep_meter_values(
        ctx,
        station_id,
        req.evse_id,
        None,
        Source::MeterValues,
        &req.meter_value,
    )
    .await?;
    Ok(MeterValuesResponse { custom_data: None })
}

/// What one TransactionEvent did to its transaction.
struct Applied {
    tx: transaction::Model,
    /// The transaction was created by this event.
    created: bool,
    /// The transaction was closed by this event.
    closed: bool,
    /// The answer's idTokenInfo, when the event carried an id token.
    info: Option<v16::IdTagInfo>,
    /// The stored tag of the token, for the budget watch.
    tag: Option<id_tag::Model>,
    /// The reservation the event named was this station's and open, and it ended (used).
    reservation_used: bool,
}

/// TransactionEvent: finds or opens the transaction by the station's id, applies the event
/// (token, EVSE, end), stores its meter values, then tells subscribers, the budget watch and
/// the connector's status.
pub async fn transaction_event(
    ctx: &Context,
    station_id: &Arc<str>,
    req: TransactionEventRequest,
) -> Result<TransactionEventResponse, StoreError> {
    let now = Utc::now();
    let policy = ctx.settings.unknown_id_tags;
    let zone = ctx.settings.budget_utc_offset;
    let station = station_id.clone();
    let request = Arc::new(req);
    let req = request.clone();
    // Most events (a running transaction's meter values) change nothing on the transaction:
    // those are read, not written, and only their samples go to the writer.
    let db = ctx.store.reader();
    let own = request.transaction_info.transaction_id.as_str();
    let cached = ctx.open_transactions.get(station_id, own);
    let known = match &cached {
        Some(open) => Some(open.row.clone()),
        None => own_transaction(db, station_id, &request).await?,
    };
    let applied = match known {
        Some(tx) if !changes(&tx, &request) => {
            let info = match request.id_token.as_ref().and_then(tag_of) {
                Some(token) => stored_tag(db, token).await?.map(|tag| tag_info(&tag, now)),
                None => None,
            };
            Applied {
                tx,
                created: false,
                closed: false,
                info,
                tag: None,
                reservation_used: false,
            }
        }
        _ => {
            ctx.store
                .write(move |txn| {
                    let (station, req) = (station.clone(), req.clone());
                    Box::pin(async move { apply(txn, &station, &req, policy, zone, now).await })
                })
                .await?
        }
    };
    let tx = &applied.tx;
    let values = request.meter_value.as_deref().unwrap_or_default();
    keep_meter_values(
        ctx,
        station_id,
        tx.connector_id,
        Some(tx.id),
        Source::TransactionEvent,
        values,
    )
    .await?;
    if applied.created {
        if let Some(tag) = &applied.tag
            && tx.start_id_tag_status == "Accepted"
            && let Err(e) = budget::started(ctx, station_id, tx.id, tx.meter_start, tag).await
        {
            tracing::warn!(station = %station_id, transaction = tx.id, error = %e, "session not watched for its energy budget");
        }
        ctx.publish(Event::TransactionStarted {
            station_id: station_id.to_string(),
            transaction_id: tx.id,
            connector_id: tx.connector_id,
            id_tag: tx.id_tag.clone(),
            id_tag_status: v16::AuthorizationStatus::from_wire(&tx.start_id_tag_status)
                .unwrap_or(v16::AuthorizationStatus::Invalid),
            meter_start: tx.meter_start,
            timestamp: tx.start_time,
        })
        .await;
    }
    if applied.closed {
        ctx.budgets.ended(tx.id);
        ctx.publish(Event::TransactionStopped {
            station_id: station_id.to_string(),
            transaction_id: tx.id,
            connector_id: tx.connector_id,
            meter_stop: tx.meter_stop.unwrap_or(tx.meter_start),
            timestamp: tx.stop_time.unwrap_or(request.timestamp.0),
            reason: stop_reason(tx.stop_reason.as_deref()),
        })
        .await;
    }
    if let (true, Some(reservation)) = (applied.reservation_used, request.reservation_id) {
        crate::use_case::reservation::used(ctx, station_id, reservation, tx.connector_id).await;
    }
    let said = request.transaction_info.charging_state.map(|s| s.as_str());
    let before = cached.as_ref().and_then(|c| c.charging_state);
    if tx.stop_time.is_some() {
        ctx.open_transactions.remove(station_id, own);
    } else {
        let entry = crate::context::OpenTransaction {
            row: tx.clone(),
            charging_state: said.or(before),
        };
        ctx.open_transactions.put(station_id, own, entry);
    }
    // A charging state already followed needs no second look at the EVSE.
    if applied.closed || (said.is_some() && said != before) {
        follow_charging_state(ctx, station_id, tx, &request, applied.closed).await?;
    }
    Ok(TransactionEventResponse {
        id_token_info: applied.info.as_ref().map(id_token_info),
        ..Default::default()
    })
}

/// The stored transaction of the event's station and own id, if any.
async fn own_transaction<C: sea_orm::ConnectionTrait>(
    db: &C,
    station: &str,
    req: &TransactionEventRequest,
) -> Result<Option<transaction::Model>, DbErr> {
    transaction::Entity::find()
        .filter(transaction::Column::StationId.eq(station))
        .filter(
            transaction::Column::StationTransactionId
                .eq(req.transaction_info.transaction_id.as_str()),
        )
        .one(db)
        .await
}

/// Whether the event changes its stored transaction: ends it, names its first token, or its
/// EVSE when none was named.
fn changes(tx: &transaction::Model, req: &TransactionEventRequest) -> bool {
    (req.event_type == TransactionEventEnum::Ended && tx.stop_time.is_none())
        || (tx.id_tag.is_empty() && req.id_token.as_ref().and_then(tag_of).is_some())
        || (tx.connector_id == 0 && req.evse.is_some())
}

/// A stop reason in 1.6's words for the live views (2.0.1 has more; those read `Other`). The
/// stored reason is as the station sent it.
fn stop_reason(stored: Option<&str>) -> v16::Reason {
    stored
        .and_then(v16::Reason::from_wire)
        .unwrap_or(if stored.is_none() {
            v16::Reason::Local
        } else {
            v16::Reason::Other
        })
}

/// The transaction of this station's id: stored, or opened by this event.
async fn apply(
    txn: &DatabaseTransaction,
    station: &str,
    req: &TransactionEventRequest,
    policy: crate::config::UnknownIdTagPolicy,
    zone: chrono::FixedOffset,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let token = req.id_token.as_ref().and_then(tag_of);
    let stored = match token {
        Some(token) => stored_tag(txn, token).await?,
        None => None,
    };
    let existing = own_transaction(txn, station, req).await?;
    let mut info = None;
    let mut reservation_used = false;
    let (mut tx, created) = match existing {
        Some(tx) => (tx, false),
        None => {
            let mut added = Vec::new();
            let decided = match token {
                Some(token) => {
                    let mut decided = decide(txn, token, stored.as_ref(), policy, now).await?;
                    if let Some(tag) = &stored
                        && budget::gate(txn, tag, &mut decided, zone, now).await?
                    {
                        added.push(flags::BUDGET_EXHAUSTED);
                    }
                    if stored.is_none() {
                        added.push(flags::UNKNOWN_ID_TAG);
                    }
                    Some(decided)
                }
                None => None,
            };
            clock_flags(
                req.timestamp.0,
                now,
                flags::START_IN_FUTURE,
                flags::START_CLOCK_UNSET,
                &mut added,
            );
            let tx = open(txn, station, req, decided.as_ref(), &added, now).await?;
            if let Some(reservation) = req.reservation_id {
                reservation_used =
                    crate::use_case::reservation::use_in(txn, station, reservation, tx.id, now)
                        .await?;
            }
            info = decided;
            (tx, true)
        }
    };
    // A token that comes with a later event (authorized after the cable was plugged in) is
    // the transaction's, when it had none.
    if !created
        && let Some(token) = token
        && tx.id_tag.is_empty()
    {
        let mut decided = decide(txn, token, stored.as_ref(), policy, now).await?;
        if let Some(tag) = &stored {
            budget::gate(txn, tag, &mut decided, zone, now).await?;
        }
        tx = transaction::Entity::update(transaction::ActiveModel {
            id: Set(tx.id),
            id_tag: Set(token.to_string()),
            id_tag_key: Set(token.key()),
            id_token_type: Set(req.id_token.as_ref().map(|t| t.kind.as_str().to_owned())),
            start_id_tag_status: Set(decided.status.as_str().to_owned()),
            ..Default::default()
        })
        .exec(txn)
        .await?;
        info = Some(decided);
    } else if info.is_none()
        && let Some(tag) = &stored
    {
        info = Some(tag_info(tag, now));
    }
    // The EVSE, when the first events did not name it.
    if tx.connector_id == 0
        && let Some(evse) = &req.evse
    {
        tx = transaction::Entity::update(transaction::ActiveModel {
            id: Set(tx.id),
            connector_id: Set(evse.id),
            ..Default::default()
        })
        .exec(txn)
        .await?;
    }
    let mut closed = false;
    if req.event_type == TransactionEventEnum::Ended && tx.stop_time.is_none() {
        tx = close(txn, &tx, req, now).await?;
        closed = true;
    }
    Ok(Applied {
        tx,
        created,
        closed,
        info,
        tag: stored,
        reservation_used,
    })
}

/// The status a token is answered (and its transaction started with): the stored tag's, or for
/// an unknown token the policy's (the token is remembered, as 1.6 does).
async fn decide(
    txn: &DatabaseTransaction,
    token: &ocpp::v16::CiString<36>,
    stored: Option<&id_tag::Model>,
    policy: crate::config::UnknownIdTagPolicy,
    now: DateTime<Utc>,
) -> Result<v16::IdTagInfo, DbErr> {
    Ok(match stored {
        Some(tag) => tag_info(tag, now),
        None => {
            let status = unknown_tag_status(policy);
            remember_tag(txn, token, status, now).await?;
            v16::IdTagInfo {
                status,
                expiry_date: None,
                parent_id_tag: None,
            }
        }
    })
}

/// Opens the transaction of the station's id (a concurrent copy of the same event, from a
/// reconnect to another node, finds the row the other stored).
async fn open(
    txn: &DatabaseTransaction,
    station: &str,
    req: &TransactionEventRequest,
    info: Option<&v16::IdTagInfo>,
    added: &[&str],
    now: DateTime<Utc>,
) -> Result<transaction::Model, DbErr> {
    let token = req.id_token.as_ref().and_then(tag_of);
    let values = req.meter_value.as_deref().unwrap_or_default();
    let row = transaction::ActiveModel {
        id: NotSet,
        station_id: Set(station.to_owned()),
        connector_id: Set(req.evse.as_ref().map_or(0, |e| e.id)),
        id_tag: Set(token.map(|t| t.to_string()).unwrap_or_default()),
        id_tag_key: Set(token.map(|t| t.key()).unwrap_or_default()),
        start_id_tag_status: Set(info.map_or("Accepted", |i| i.status.as_str()).to_owned()),
        meter_start: Set(register_wh(values, "Transaction.Begin").unwrap_or(0)),
        start_time: Set(req.timestamp.0),
        reservation_id: Set(req.reservation_id),
        meter_stop: Set(None),
        stop_time: Set(None),
        stop_reason: Set(None),
        stop_id_tag: Set(None),
        started_received_at: Set(now),
        stopped_received_at: Set(None),
        flags: Set(join_flags("", added)),
        station_transaction_id: Set(Some(req.transaction_info.transaction_id.to_string())),
        id_token_type: Set(token.and(req.id_token.as_ref().map(|t| t.kind.as_str().to_owned()))),
    };
    transaction::Entity::insert(row)
        .on_conflict_do_nothing_on([
            transaction::Column::StationId,
            transaction::Column::StationTransactionId,
        ])
        .exec_without_returning(txn)
        .await?;
    transaction::Entity::find()
        .filter(transaction::Column::StationId.eq(station))
        .filter(
            transaction::Column::StationTransactionId
                .eq(req.transaction_info.transaction_id.as_str()),
        )
        .one(txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("the transaction just stored".into()))
}

/// Closes the transaction on its `Ended` event: the meter at its end (the event's
/// `Transaction.End` register, else its newest, else the newest stored), its time and reason.
async fn close(
    txn: &DatabaseTransaction,
    tx: &transaction::Model,
    req: &TransactionEventRequest,
    now: DateTime<Utc>,
) -> Result<transaction::Model, DbErr> {
    let values = req.meter_value.as_deref().unwrap_or_default();
    let meter_stop = match register_wh(values, "Transaction.End") {
        Some(wh) => wh,
        None => newest_register(txn, tx.id).await?.unwrap_or(tx.meter_start),
    };
    let mut added = Vec::new();
    if req.timestamp.0 < tx.start_time {
        added.push(flags::STOP_BEFORE_START);
    }
    if meter_stop < tx.meter_start {
        added.push(flags::METER_STOP_BELOW_START);
    }
    clock_flags(
        req.timestamp.0,
        now,
        flags::STOP_IN_FUTURE,
        flags::STOP_CLOCK_UNSET,
        &mut added,
    );
    let reason = req
        .transaction_info
        .stopped_reason
        .map_or("Local", |r| r.as_str());
    let closed = transaction::Entity::update(transaction::ActiveModel {
        id: Set(tx.id),
        meter_stop: Set(Some(meter_stop)),
        stop_time: Set(Some(req.timestamp.0)),
        stop_reason: Set(Some(reason.to_owned())),
        stop_id_tag: Set(req
            .id_token
            .as_ref()
            .and_then(tag_of)
            .map(|t| t.to_string())),
        stopped_received_at: Set(Some(now)),
        flags: Set(join_flags(&tx.flags, &added)),
        ..Default::default()
    })
    .exec(txn)
    .await?;
    crate::use_case::smart_charging::end_tx_profiles(txn, &tx.station_id, tx.connector_id, now)
        .await?;
    Ok(closed)
}

/// The newest energy register (Wh) stored for transaction `id`.
async fn newest_register(txn: &DatabaseTransaction, id: i32) -> Result<Option<i64>, DbErr> {
    let newest = crate::store::samples::newest_register(txn, id).await?;
    Ok(newest.map(|wh| wh.round() as i64))
}

/// A connector status in the one set for an EVSE whose 2.0.1 status is `status`, given its
/// transaction's charging state: `Occupied` is `Charging`, `SuspendedEV`, `SuspendedEVSE` or
/// `Preparing` as the transaction says, `Finishing` once it ended.
pub fn one_set(
    status: ConnectorStatusEnum,
    charging: Option<ChargingStateEnum>,
    ended: bool,
) -> v16::ChargePointStatus {
    use v16::ChargePointStatus as S;
    match status {
        ConnectorStatusEnum::Available => S::Available,
        ConnectorStatusEnum::Reserved => S::Reserved,
        ConnectorStatusEnum::Unavailable => S::Unavailable,
        ConnectorStatusEnum::Faulted => S::Faulted,
        ConnectorStatusEnum::Occupied if ended => S::Finishing,
        ConnectorStatusEnum::Occupied => match charging {
            Some(ChargingStateEnum::Charging) => S::Charging,
            Some(ChargingStateEnum::SuspendedEv) => S::SuspendedEv,
            Some(ChargingStateEnum::SuspendedEvse) => S::SuspendedEvse,
            Some(ChargingStateEnum::EvConnected | ChargingStateEnum::Idle) | None => S::Preparing,
        },
    }
}

/// After an event that changes what the EVSE is doing (its charging state, its end), the
/// EVSE's status in the one set follows, when the station reported the EVSE occupied.
async fn follow_charging_state(
    ctx: &Context,
    station_id: &Arc<str>,
    tx: &transaction::Model,
    req: &TransactionEventRequest,
    closed: bool,
) -> Result<(), StoreError> {
    let charging = req.transaction_info.charging_state;
    if charging.is_none() && !closed {
        return Ok(());
    }
    let db = ctx.store.reader();
    let Some(evse) =
        entity::connector::Entity::find_by_id((station_id.to_string(), tx.connector_id))
            .one(db)
            .await?
    else {
        return Ok(());
    };
    if evse.ocpp_status.as_deref() != Some(ConnectorStatusEnum::Occupied.as_str()) {
        return Ok(());
    }
    let status = one_set(ConnectorStatusEnum::Occupied, charging, closed);
    if evse.status == status.as_str() {
        return Ok(());
    }
    station::connector_status(
        ctx,
        station_id,
        ConnectorUpdate {
            connector_id: tx.connector_id,
            status,
            error_code: v16::ChargePointErrorCode::NoError,
            info: None,
            vendor_id: None,
            vendor_error_code: None,
            timestamp: Some(req.timestamp.0),
            ocpp_status: evse.ocpp_status,
        },
    )
    .await
}

/// StatusNotification (2.0.1): keeps the connector's status as sent, then the EVSE's status in
/// the one set: occupied when any of its connectors is, else reserved, available, unavailable,
/// faulted when all are (a faulted connector beside an available one leaves the EVSE usable).
pub async fn status_notification(
    ctx: &Context,
    station_id: &Arc<str>,
    req: StatusNotificationRequest,
) -> Result<StatusNotificationResponse, StoreError> {
    use entity::evse_connector;
    use sea_orm::sea_query::OnConflict;
    let now = Utc::now();
    let row = evse_connector::ActiveModel {
        station_id: Set(station_id.to_string()),
        evse_id: Set(req.evse_id),
        connector_id: Set(req.connector_id),
        status: Set(req.connector_status.as_str().to_owned()),
        status_timestamp: Set(Some(req.timestamp.0)),
        updated_at: Set(now),
    };
    let (station, evse_id) = (station_id.to_string(), req.evse_id);
    let (statuses, charging) = ctx
        .store
        .write(move |txn| {
            let (row, station) = (row.clone(), station.clone());
            Box::pin(async move {
                use evse_connector::Column as C;
                evse_connector::Entity::insert(row)
                    .on_conflict(
                        OnConflict::columns([C::StationId, C::EvseId, C::ConnectorId])
                            .update_columns([C::Status, C::StatusTimestamp, C::UpdatedAt])
                            .to_owned(),
                    )
                    .exec_without_returning(txn)
                    .await?;
                let statuses = evse_connector::Entity::find()
                    .select_only()
                    .column(C::Status)
                    .filter(C::StationId.eq(station.as_str()))
                    .filter(C::EvseId.eq(evse_id))
                    .into_tuple::<String>()
                    .all(txn)
                    .await?;
                let open = transaction::Entity::find()
                    .filter(transaction::Column::StationId.eq(station.as_str()))
                    .filter(transaction::Column::ConnectorId.eq(evse_id))
                    .filter(transaction::Column::StopTime.is_null())
                    .one(txn)
                    .await?
                    .is_some();
                Ok((statuses, open))
            })
        })
        .await?;
    let evse_status = evse_status(&statuses);
    // With a transaction open, an occupied EVSE is charging until an event says otherwise.
    let charging = charging.then_some(ChargingStateEnum::Charging);
    station::connector_status(
        ctx,
        station_id,
        ConnectorUpdate {
            connector_id: req.evse_id,
            status: one_set(evse_status, charging, false),
            error_code: if evse_status == ConnectorStatusEnum::Faulted {
                v16::ChargePointErrorCode::OtherError
            } else {
                v16::ChargePointErrorCode::NoError
            },
            info: None,
            vendor_id: None,
            vendor_error_code: None,
            timestamp: Some(req.timestamp.0),
            ocpp_status: Some(evse_status.as_str().to_owned()),
        },
    )
    .await?;
    Ok(StatusNotificationResponse { custom_data: None })
}

/// An EVSE's status from its connectors' (as sent).
fn evse_status(connectors: &[String]) -> ConnectorStatusEnum {
    use ConnectorStatusEnum as S;
    let any = |s: S| connectors.iter().any(|c| c == s.as_str());
    [S::Occupied, S::Reserved, S::Available, S::Unavailable]
        .into_iter()
        .find(|s| any(*s))
        .unwrap_or(S::Faulted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evse_is_as_usable_as_its_best_connector() {
        let of = |s: &[&str]| evse_status(&s.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            of(&["Faulted", "Available"]),
            ConnectorStatusEnum::Available
        );
        assert_eq!(
            of(&["Available", "Occupied"]),
            ConnectorStatusEnum::Occupied
        );
        assert_eq!(of(&["Faulted", "Faulted"]), ConnectorStatusEnum::Faulted);
        assert_eq!(
            of(&["Unavailable", "Faulted"]),
            ConnectorStatusEnum::Unavailable
        );
        assert_eq!(
            of(&["Reserved", "Available"]),
            ConnectorStatusEnum::Reserved
        );
    }

    #[test]
    fn occupied_follows_the_charging_state() {
        use v16::ChargePointStatus as S;
        let occupied = ConnectorStatusEnum::Occupied;
        assert_eq!(one_set(occupied, None, false), S::Preparing);
        assert_eq!(
            one_set(occupied, Some(ChargingStateEnum::Charging), false),
            S::Charging
        );
        assert_eq!(
            one_set(occupied, Some(ChargingStateEnum::SuspendedEv), false),
            S::SuspendedEv
        );
        assert_eq!(
            one_set(occupied, Some(ChargingStateEnum::Charging), true),
            S::Finishing
        );
        assert_eq!(
            one_set(ConnectorStatusEnum::Available, None, true),
            S::Available
        );
    }
}
