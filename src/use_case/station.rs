//! Station use cases: connection and registration, BootNotification, Heartbeat,
//! StatusNotification, firmware and diagnostics status, DataTransfer, and the details operators
//! keep about a station (display name, site, address, coordinates, note).
//!
//! Like every use case, it writes entities through the store's writer.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::{connector, station};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    sea_query::{Expr, OnConflict},
};

use crate::{
    bus::Event, cache::ConnectorState, config::UnknownStationPolicy, context::Context,
    store::StoreError,
};
use ocpp::v16::*;

fn text<const N: usize>(s: &Option<CiString<N>>) -> Option<String> {
    s.as_ref().map(|s| s.as_str().to_owned())
}

fn registration(stored: &str) -> RegistrationStatus {
    RegistrationStatus::from_wire(stored).unwrap_or(RegistrationStatus::Rejected)
}

/// Writes `row` (the station's id and the columns to set) in one statement: a new station is
/// registered per the unknown-station policy with those columns; a known one gets `update`
/// and keeps its registration and first-seen time. Returns the stored row. (One statement
/// instead of a look-up, an insert and an update: a reconnect storm is bound by the
/// writer's statements.)
async fn upsert_station(
    txn: &DatabaseTransaction,
    mut row: station::ActiveModel,
    update: &[station::Column],
    policy: UnknownStationPolicy,
    now: DateTime<Utc>,
) -> Result<station::Model, DbErr> {
    let status = match policy {
        UnknownStationPolicy::Accept => RegistrationStatus::Accepted,
        UnknownStationPolicy::Pending => RegistrationStatus::Pending,
        UnknownStationPolicy::Reject => RegistrationStatus::Rejected,
    };
    row.registration_status = Set(status.as_str().to_owned());
    row.created_at = Set(now);
    row.first_seen_at = Set(Some(now));
    let mut on_conflict = OnConflict::column(station::Column::Id);
    on_conflict.update_columns(update.iter().copied()).value(
        station::Column::FirstSeenAt,
        Expr::cust("COALESCE(stations.first_seen_at, excluded.first_seen_at)"),
    );
    station::Entity::insert(row)
        .on_conflict(on_conflict)
        .exec_with_returning(txn)
        .await
}

/// A station connected: registers it if new and records when it was seen. Returns its
/// registration status, which decides what it may send before a BootNotification.
pub async fn connected(
    ctx: &Context,
    station_id: &Arc<str>,
) -> Result<RegistrationStatus, StoreError> {
    let policy = ctx.settings.unknown_stations;
    let id = station_id.clone();
    let now = Utc::now();
    let row = ctx
        .store
        .write(move |txn| {
            let row = station::ActiveModel {
                id: Set(id.to_string()),
                last_seen_at: Set(Some(now)),
                ..Default::default()
            };
            Box::pin(async move {
                upsert_station(txn, row, &[station::Column::LastSeenAt], policy, now).await
            })
        })
        .await?;
    Ok(registration(&row.registration_status))
}

/// Sets a station's registration status, registering the station if it is unknown: an
/// operator's approval (Accepted) or refusal (Rejected). Its next BootNotification gets it.
pub async fn set_registration(
    ctx: &Context,
    station_id: &str,
    status: RegistrationStatus,
) -> Result<station::Model, StoreError> {
    let id = station_id.to_owned();
    let now = Utc::now();
    ctx.store
        .write(move |txn| {
            let id = id.clone();
            Box::pin(async move {
                let row = station::ActiveModel {
                    id: Set(id.clone()),
                    registration_status: Set(status.as_str().to_owned()),
                    created_at: Set(now),
                    ..Default::default()
                };
                station::Entity::insert(row)
                    .on_conflict(
                        OnConflict::column(station::Column::Id)
                            .update_column(station::Column::RegistrationStatus)
                            .to_owned(),
                    )
                    .exec_without_returning(txn)
                    .await?;
                station::Entity::find_by_id(id.as_str())
                    .one(txn)
                    .await?
                    .ok_or(DbErr::RecordNotFound(id))
            })
        })
        .await
}

/// Records that the station was heard from (at most once a minute per session).
pub async fn seen(ctx: &Context, station_id: &Arc<str>, at: DateTime<Utc>) {
    let id = station_id.clone();
    let result = ctx
        .store
        .write(move |txn| {
            let id = id.clone();
            Box::pin(async move {
                station::Entity::update_many()
                    .col_expr(station::Column::LastSeenAt, Expr::value(at))
                    .filter(station::Column::Id.eq(id.as_ref()))
                    .exec(txn)
                    .await?;
                Ok(())
            })
        })
        .await;
    if let Err(e) = result {
        tracing::debug!(station = %station_id, error = %e, "last-seen time not stored");
    }
}

/// BootNotification: stores what the station says about itself and answers its registration
/// status, the server time and the heartbeat interval.
pub async fn boot(
    ctx: &Context,
    station_id: &Arc<str>,
    req: BootNotificationRequest,
) -> Result<BootNotificationResponse, StoreError> {
    let policy = ctx.settings.unknown_stations;
    let id = station_id.clone();
    let now = Utc::now();
    let req = Arc::new(req);
    let status = ctx
        .store
        .write(move |txn| {
            let row = station::ActiveModel {
                id: Set(id.to_string()),
                vendor: Set(Some(req.charge_point_vendor.to_string())),
                model: Set(Some(req.charge_point_model.to_string())),
                charge_point_serial_number: Set(text(&req.charge_point_serial_number)),
                charge_box_serial_number: Set(text(&req.charge_box_serial_number)),
                firmware_version: Set(text(&req.firmware_version)),
                iccid: Set(text(&req.iccid)),
                imsi: Set(text(&req.imsi)),
                meter_type: Set(text(&req.meter_type)),
                meter_serial_number: Set(text(&req.meter_serial_number)),
                last_boot_at: Set(Some(now)),
                last_seen_at: Set(Some(now)),
                ..Default::default()
            };
            Box::pin(async move {
                use station::Column as C;
                let update = [
                    C::Vendor,
                    C::Model,
                    C::ChargePointSerialNumber,
                    C::ChargeBoxSerialNumber,
                    C::FirmwareVersion,
                    C::Iccid,
                    C::Imsi,
                    C::MeterType,
                    C::MeterSerialNumber,
                    C::LastBootAt,
                    C::LastSeenAt,
                ];
                let row = upsert_station(txn, row, &update, policy, now).await?;
                Ok(registration(&row.registration_status))
            })
        })
        .await?;
    ctx.publish(Event::StationBooted {
        station_id: station_id.to_string(),
        status,
        at: now,
    })
    .await;
    Ok(BootNotificationResponse {
        status,
        current_time: Timestamp(now),
        interval: i32::try_from(ctx.settings.heartbeat_interval.0.as_secs()).unwrap_or(i32::MAX),
    })
}

/// Heartbeat: records it and answers the server time.
pub async fn heartbeat(
    ctx: &Context,
    station_id: &Arc<str>,
) -> Result<HeartbeatResponse, StoreError> {
    let id = station_id.clone();
    let now = Utc::now();
    ctx.store
        .write(move |txn| {
            let id = id.clone();
            Box::pin(async move {
                station::Entity::update_many()
                    .col_expr(station::Column::LastHeartbeatAt, Expr::value(now))
                    .col_expr(station::Column::LastSeenAt, Expr::value(now))
                    .filter(station::Column::Id.eq(id.as_ref()))
                    .exec(txn)
                    .await?;
                Ok(())
            })
        })
        .await?;
    Ok(HeartbeatResponse {
        current_time: Timestamp(now),
    })
}

/// StatusNotification: stores the connector's new state, then updates the cache and tells
/// subscribers. The latest notification received wins (offline queues replay in order).
pub async fn status_notification(
    ctx: &Context,
    station_id: &Arc<str>,
    req: StatusNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    let row = connector::ActiveModel {
        station_id: Set(station_id.to_string()),
        connector_id: Set(req.connector_id),
        status: Set(req.status.as_str().to_owned()),
        error_code: Set(req.error_code.as_str().to_owned()),
        info: Set(text(&req.info)),
        vendor_id: Set(text(&req.vendor_id)),
        vendor_error_code: Set(text(&req.vendor_error_code)),
        status_timestamp: Set(req.timestamp.map(|t| t.0)),
        updated_at: Set(now),
    };
    ctx.store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                connector::Entity::insert(row)
                    .on_conflict(
                        OnConflict::columns([
                            connector::Column::StationId,
                            connector::Column::ConnectorId,
                        ])
                        .update_columns([
                            connector::Column::Status,
                            connector::Column::ErrorCode,
                            connector::Column::Info,
                            connector::Column::VendorId,
                            connector::Column::VendorErrorCode,
                            connector::Column::StatusTimestamp,
                            connector::Column::UpdatedAt,
                        ])
                        .to_owned(),
                    )
                    .exec_without_returning(txn)
                    .await?;
                Ok(())
            })
        })
        .await?;

    let state = ConnectorState {
        connector_id: req.connector_id,
        status: req.status,
        error_code: req.error_code,
        info: req.info.map(CiString::into_string),
        vendor_error_code: req.vendor_error_code.map(CiString::into_string),
        timestamp: req.timestamp.map(|t| t.0),
        received_at: now,
    };
    if let Err(e) = ctx.cache.set_connector(station_id, state.clone()).await {
        tracing::warn!(station = %station_id, error = %e, "connector state not cached");
    }
    ctx.publish(Event::ConnectorStatus {
        station_id: station_id.to_string(),
        connector_id: state.connector_id,
        status: state.status,
        error_code: state.error_code,
        info: state.info,
        timestamp: state.timestamp,
    })
    .await;
    Ok(EmptyResponse {})
}

/// Which of the two status columns pairs a notification updates.
#[derive(Clone, Copy)]
enum StatusKind {
    Firmware,
    Diagnostics,
}

async fn store_status(
    ctx: &Context,
    station_id: &Arc<str>,
    kind: StatusKind,
    status: &'static str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let id = station_id.clone();
    ctx.store
        .write(move |txn| {
            let id = id.clone();
            Box::pin(async move {
                let (status_col, at_col) = match kind {
                    StatusKind::Firmware => (
                        station::Column::FirmwareStatus,
                        station::Column::FirmwareStatusAt,
                    ),
                    StatusKind::Diagnostics => (
                        station::Column::DiagnosticsStatus,
                        station::Column::DiagnosticsStatusAt,
                    ),
                };
                station::Entity::update_many()
                    .col_expr(status_col, Expr::value(status))
                    .col_expr(at_col, Expr::value(now))
                    .filter(station::Column::Id.eq(id.as_ref()))
                    .exec(txn)
                    .await?;
                let history = match kind {
                    StatusKind::Firmware => crate::use_case::firmware::kind::FIRMWARE,
                    StatusKind::Diagnostics => crate::use_case::firmware::kind::DIAGNOSTICS,
                };
                crate::use_case::firmware::record_status(txn, &id, history, status, now).await?;
                Ok(())
            })
        })
        .await
}

/// FirmwareStatusNotification: stored on the station (and in its history) and published.
pub async fn firmware_status(
    ctx: &Context,
    station_id: &Arc<str>,
    req: FirmwareStatusNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    store_status(
        ctx,
        station_id,
        StatusKind::Firmware,
        req.status.as_str(),
        now,
    )
    .await?;
    ctx.publish(Event::FirmwareStatus {
        station_id: station_id.to_string(),
        status: req.status,
        at: now,
    })
    .await;
    Ok(EmptyResponse {})
}

/// DiagnosticsStatusNotification: stored on the station (and in its history) and published.
pub async fn diagnostics_status(
    ctx: &Context,
    station_id: &Arc<str>,
    req: DiagnosticsStatusNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    store_status(
        ctx,
        station_id,
        StatusKind::Diagnostics,
        req.status.as_str(),
        now,
    )
    .await?;
    ctx.publish(Event::DiagnosticsStatus {
        station_id: station_id.to_string(),
        status: req.status,
        at: now,
    })
    .await;
    Ok(EmptyResponse {})
}

/// DataTransfer from a station: `Accepted` for the configured vendor ids, `UnknownVendorId`
/// otherwise (OCPP 1.6 §4.3). The message itself is kept in the journal; the answer waits until
/// the journal row, queued before this call, is committed (unless the journal is off).
pub async fn data_transfer(
    ctx: &Context,
    station: &str,
    req: &DataTransferRequest,
) -> Result<DataTransferResponse, StoreError> {
    if ctx.settings.journal {
        ctx.store.flush(station).await?;
    }
    let known = ctx
        .settings
        .data_transfer_vendors
        .iter()
        .any(|v| v.eq_ignore_ascii_case(req.vendor_id.as_str()));
    Ok(DataTransferResponse {
        status: if known {
            DataTransferStatus::Accepted
        } else {
            DataTransferStatus::UnknownVendorId
        },
        data: None,
    })
}

/// The connection of a station ended and no newer connection replaced it.
pub async fn disconnected(ctx: &Context, station_id: &Arc<str>, connection_id: u64) {
    let now = Utc::now();
    if let Err(e) = ctx
        .cache
        .station_disconnected(station_id, connection_id)
        .await
    {
        tracing::warn!(station = %station_id, error = %e, "presence not cleared");
    }
    ctx.publish(Event::StationDisconnected {
        station_id: station_id.to_string(),
        connection_id,
        at: now,
    })
    .await;
    seen(ctx, station_id, now).await;
}

/// Longest charge point id accepted, in characters.
pub const MAX_STATION_ID_LEN: usize = 48;

/// The limits of a charge point id: 1 to 48 characters, no `/`, no control characters.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    if id.is_empty() {
        return Err("the charge point id is empty");
    }
    if id.chars().count() > MAX_STATION_ID_LEN {
        return Err("the charge point id is longer than 48 characters");
    }
    if id.contains('/') {
        return Err("the charge point id contains '/'");
    }
    if id.chars().any(char::is_control) {
        return Err("the charge point id contains control characters");
    }
    Ok(())
}

/// Why a change to a station's details was refused.
#[derive(Debug, thiserror::Error)]
pub enum DetailsError {
    #[error("{0}")]
    Invalid(String),
    #[error("no station {0:?}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A change to what the operator keeps about a station: `None` leaves a field as it is,
/// `Some(None)` clears it (as does an empty or blank text).
#[derive(Clone, Debug, Default)]
pub struct DetailsChange {
    pub display_name: Option<Option<String>>,
    pub site: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub latitude: Option<Option<f64>>,
    pub longitude: Option<Option<f64>>,
    pub note: Option<Option<String>>,
}

/// The longest display name and site, address and note, in characters.
pub const MAX_NAME_LEN: usize = 100;
pub const MAX_ADDRESS_LEN: usize = 300;
pub const MAX_NOTE_LEN: usize = 2000;

/// A text detail: trimmed, blank is none, at most `max` characters, no control characters
/// (but line breaks where `multiline`).
fn detail_text(
    value: Option<Option<String>>,
    name: &str,
    max: usize,
    multiline: bool,
) -> Result<Option<Option<String>>, DetailsError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let Some(text) = value.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) else {
        return Ok(Some(None));
    };
    if text.chars().count() > max {
        return Err(DetailsError::Invalid(format!(
            "{name}: at most {max} characters"
        )));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        return Err(DetailsError::Invalid(format!(
            "{name}: control characters are not allowed"
        )));
    }
    Ok(Some(Some(text)))
}

fn degrees(value: Option<f64>, name: &str, limit: f64) -> Result<(), DetailsError> {
    match value {
        Some(v) if !v.is_finite() || !(-limit..=limit).contains(&v) => Err(DetailsError::Invalid(
            format!("{name}: must be between -{limit} and {limit}"),
        )),
        _ => Ok(()),
    }
}

/// Sets a station's details (see [`DetailsChange`]); the coordinates must end up both set or
/// both clear.
pub async fn set_details(
    ctx: &Context,
    station_id: &str,
    change: DetailsChange,
) -> Result<station::Model, DetailsError> {
    let change = DetailsChange {
        display_name: detail_text(change.display_name, "displayName", MAX_NAME_LEN, false)?,
        site: detail_text(change.site, "site", MAX_NAME_LEN, false)?,
        address: detail_text(change.address, "address", MAX_ADDRESS_LEN, true)?,
        note: detail_text(change.note, "note", MAX_NOTE_LEN, true)?,
        ..change
    };
    degrees(change.latitude.flatten(), "latitude", 90.0)?;
    degrees(change.longitude.flatten(), "longitude", 180.0)?;
    let id = station_id.to_owned();
    ctx.store
        .write(move |txn| {
            let (id, change) = (id.clone(), change.clone());
            Box::pin(async move {
                let Some(row) = station::Entity::find_by_id(id.as_str()).one(txn).await? else {
                    return Ok(Err(DetailsError::NotFound(id)));
                };
                let latitude = change.latitude.unwrap_or(row.latitude);
                let longitude = change.longitude.unwrap_or(row.longitude);
                if latitude.is_some() != longitude.is_some() {
                    return Ok(Err(DetailsError::Invalid(
                        "latitude and longitude: give both or neither".into(),
                    )));
                }
                let mut update = station::ActiveModel {
                    id: Set(id.clone()),
                    latitude: Set(latitude),
                    longitude: Set(longitude),
                    ..Default::default()
                };
                if let Some(v) = change.display_name {
                    update.display_name = Set(v);
                }
                if let Some(v) = change.site {
                    update.site = Set(v);
                }
                if let Some(v) = change.address {
                    update.address = Set(v);
                }
                if let Some(v) = change.note {
                    update.note = Set(v);
                }
                station::Entity::update_many()
                    .set(update)
                    .filter(station::Column::Id.eq(id.as_str()))
                    .exec(txn)
                    .await?;
                let row = station::Entity::find_by_id(id.as_str())
                    .one(txn)
                    .await?
                    .ok_or(DbErr::RecordNotFound(id))?;
                Ok(Ok(row))
            })
        })
        .await?
}
