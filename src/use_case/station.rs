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
use ocpp::rpc::Version;
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
    version: Version,
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
                ocpp_version: Set(version.as_str().to_owned()),
                ..Default::default()
            };
            Box::pin(async move {
                use station::Column as C;
                upsert_station(txn, row, &[C::LastSeenAt, C::OcppVersion], policy, now).await
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
    let identity = Identity {
        vendor: req.charge_point_vendor.to_string(),
        model: req.charge_point_model.to_string(),
        serial_number: text(&req.charge_point_serial_number),
        box_serial_number: Some(text(&req.charge_box_serial_number)),
        firmware_version: text(&req.firmware_version),
        iccid: text(&req.iccid),
        imsi: text(&req.imsi),
        meter_type: Some(text(&req.meter_type)),
        meter_serial_number: Some(text(&req.meter_serial_number)),
    };
    let (status, now) = booted(ctx, station_id, identity).await?;
    Ok(BootNotificationResponse {
        status,
        current_time: Timestamp(now),
        interval: heartbeat_interval(ctx),
    })
}

/// What a station says about itself when it boots, whatever its OCPP version. The fields only
/// 1.6 has are `None` for a 2.0.1 boot, which leaves them as they were.
pub struct Identity {
    pub vendor: String,
    pub model: String,
    pub serial_number: Option<String>,
    pub box_serial_number: Option<Option<String>>,
    pub firmware_version: Option<String>,
    pub iccid: Option<String>,
    pub imsi: Option<String>,
    pub meter_type: Option<Option<String>>,
    pub meter_serial_number: Option<Option<String>>,
}

/// The heartbeat interval a boot is answered, in seconds.
pub fn heartbeat_interval(ctx: &Context) -> i32 {
    i32::try_from(ctx.settings.heartbeat_interval.0.as_secs()).unwrap_or(i32::MAX)
}

/// A boot of either version: stores the station's identity, tells subscribers, and returns its
/// registration status and the time of the boot.
pub async fn booted(
    ctx: &Context,
    station_id: &Arc<str>,
    identity: Identity,
) -> Result<(RegistrationStatus, DateTime<Utc>), StoreError> {
    let policy = ctx.settings.unknown_stations;
    let id = station_id.clone();
    let now = Utc::now();
    let identity = Arc::new(identity);
    let status = ctx
        .store
        .write(move |txn| {
            let set = |v: &Option<Option<String>>| match v {
                Some(v) => Set(v.clone()),
                None => sea_orm::ActiveValue::NotSet,
            };
            let row = station::ActiveModel {
                id: Set(id.to_string()),
                vendor: Set(Some(identity.vendor.clone())),
                model: Set(Some(identity.model.clone())),
                charge_point_serial_number: Set(identity.serial_number.clone()),
                charge_box_serial_number: set(&identity.box_serial_number),
                firmware_version: Set(identity.firmware_version.clone()),
                iccid: Set(identity.iccid.clone()),
                imsi: Set(identity.imsi.clone()),
                meter_type: set(&identity.meter_type),
                meter_serial_number: set(&identity.meter_serial_number),
                last_boot_at: Set(Some(now)),
                last_seen_at: Set(Some(now)),
                ..Default::default()
            };
            let mut update = vec![
                station::Column::Vendor,
                station::Column::Model,
                station::Column::ChargePointSerialNumber,
                station::Column::FirmwareVersion,
                station::Column::Iccid,
                station::Column::Imsi,
                station::Column::LastBootAt,
                station::Column::LastSeenAt,
            ];
            if row.charge_box_serial_number.is_set() {
                update.push(station::Column::ChargeBoxSerialNumber);
            }
            if row.meter_type.is_set() {
                update.push(station::Column::MeterType);
            }
            if row.meter_serial_number.is_set() {
                update.push(station::Column::MeterSerialNumber);
            }
            Box::pin(async move {
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
    Ok((status, now))
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
    let update = ConnectorUpdate {
        connector_id: req.connector_id,
        status: req.status,
        error_code: req.error_code,
        info: req.info.map(CiString::into_string),
        vendor_id: req.vendor_id.map(CiString::into_string),
        vendor_error_code: req.vendor_error_code.map(CiString::into_string),
        timestamp: req.timestamp.map(|t| t.0),
        ocpp_status: None,
    };
    connector_status(ctx, station_id, update).await?;
    Ok(EmptyResponse {})
}

/// A connector's (a 2.0.1 EVSE's) new state in the one status set, whatever the version.
pub struct ConnectorUpdate {
    pub connector_id: i32,
    pub status: ChargePointStatus,
    pub error_code: ChargePointErrorCode,
    pub info: Option<String>,
    pub vendor_id: Option<String>,
    pub vendor_error_code: Option<String>,
    pub timestamp: Option<DateTime<Utc>>,
    /// The 2.0.1 status as the station said it; `None` for 1.6.
    pub ocpp_status: Option<String>,
}

/// Stores a connector's new state, then updates the cache and tells subscribers.
pub async fn connector_status(
    ctx: &Context,
    station_id: &Arc<str>,
    update: ConnectorUpdate,
) -> Result<(), StoreError> {
    let now = Utc::now();
    let row = connector::ActiveModel {
        station_id: Set(station_id.to_string()),
        connector_id: Set(update.connector_id),
        status: Set(update.status.as_str().to_owned()),
        error_code: Set(update.error_code.as_str().to_owned()),
        info: Set(update.info.clone()),
        vendor_id: Set(update.vendor_id.clone()),
        vendor_error_code: Set(update.vendor_error_code.clone()),
        status_timestamp: Set(update.timestamp),
        updated_at: Set(now),
        ocpp_status: Set(update.ocpp_status.clone()),
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
                            connector::Column::OcppStatus,
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
        connector_id: update.connector_id,
        status: update.status,
        error_code: update.error_code,
        info: update.info,
        vendor_error_code: update.vendor_error_code,
        timestamp: update.timestamp,
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
    Ok(())
}

/// Which of the two status columns pairs a notification updates.
#[derive(Clone, Copy)]
enum StatusKind {
    Firmware,
    Diagnostics,
}

/// Stores `status` on the station and `sent` (the status as the station spelled it) in its
/// history.
async fn store_status(
    ctx: &Context,
    station_id: &Arc<str>,
    kind: StatusKind,
    (status, sent): (&'static str, &'static str),
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
                crate::use_case::firmware::record_status(txn, &id, history, sent, now).await?;
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
    firmware_status_as(ctx, station_id, req.status, req.status.as_str(), now).await?;
    Ok(EmptyResponse {})
}

/// A firmware status (an OCPP 2.0.1 station's, `sent` as it spelled it, shown as `status`):
/// stored on the station (and, as sent, in its history) and published.
pub async fn firmware_status_as(
    ctx: &Context,
    station_id: &Arc<str>,
    status: FirmwareStatus,
    sent: &'static str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let both = (status.as_str(), sent);
    store_status(ctx, station_id, StatusKind::Firmware, both, now).await?;
    ctx.publish(Event::FirmwareStatus {
        station_id: station_id.to_string(),
        status,
        at: now,
    })
    .await;
    Ok(())
}

/// DiagnosticsStatusNotification: stored on the station (and in its history) and published.
pub async fn diagnostics_status(
    ctx: &Context,
    station_id: &Arc<str>,
    req: DiagnosticsStatusNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    diagnostics_status_as(ctx, station_id, req.status, req.status.as_str(), now).await?;
    Ok(EmptyResponse {})
}

/// A diagnostics status (an OCPP 2.0.1 station's log upload status, `sent` as it spelled it,
/// shown as `status`): stored on the station (and, as sent, in its history) and published.
pub async fn diagnostics_status_as(
    ctx: &Context,
    station_id: &Arc<str>,
    status: DiagnosticsStatus,
    sent: &'static str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let both = (status.as_str(), sent);
    store_status(ctx, station_id, StatusKind::Diagnostics, both, now).await?;
    ctx.publish(Event::DiagnosticsStatus {
        station_id: station_id.to_string(),
        status,
        at: now,
    })
    .await;
    Ok(())
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
