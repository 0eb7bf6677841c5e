//! Subscriptions, fed by the event bus (so they work on every node once the bus is Redis):
//! meter values, connector status, transaction and station events.
//!
//! A subscriber that falls behind the bus (it cannot read fast enough) gets one `LAGGED` error
//! telling how many events it missed, and its stream ends: it should re-read the state it shows
//! and subscribe again. The OCPP path never waits for subscribers.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, Result, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{id_tag, transaction};
use futures_util::{Stream, StreamExt, future::BoxFuture, stream::BoxStream};
use sea_orm::EntityTrait;

use super::{
    enums,
    error::ApiError,
    guard::{app, principal, staff, station_access},
    station::MeterReading,
    transaction::Transaction,
};
use crate::{
    auth::{Principal, Role},
    bus::{Delivery, Event},
    context::Context as AppContext,
};

#[derive(SimpleObject)]
pub struct MeterValuesEvent {
    pub station_id: ID,
    pub connector_id: i32,
    /// The transactionId the station sent with the values.
    pub transaction_id: Option<i32>,
    pub meter_values: Vec<MeterReading>,
}

#[derive(SimpleObject)]
pub struct ConnectorStatusEvent {
    pub station_id: ID,
    pub connector_id: i32,
    pub status: enums::ChargePointStatus,
    pub error_code: enums::ChargePointErrorCode,
    pub info: Option<String>,
    /// The station's time of the status, when it sent one.
    pub timestamp: Option<DateTime<Utc>>,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransactionEventKind {
    Started,
    Stopped,
}

#[derive(SimpleObject)]
pub struct TransactionEvent {
    pub kind: TransactionEventKind,
    pub transaction: Transaction,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StationEventKind {
    Connected,
    Booted,
    Disconnected,
    /// A FirmwareStatusNotification.
    FirmwareStatus,
    /// A DiagnosticsStatusNotification.
    DiagnosticsStatus,
    /// A reservation changed state.
    Reservation,
}

#[derive(SimpleObject)]
pub struct StationEvent {
    pub kind: StationEventKind,
    pub station_id: ID,
    pub at: DateTime<Utc>,
    /// For BOOTED: what the BootNotification was answered.
    pub registration_status: Option<enums::RegistrationStatus>,
    /// For CONNECTED and DISCONNECTED: which connection (a newer one has another id), so that
    /// a late DISCONNECTED of a replaced connection can be told apart.
    pub connection_id: Option<ID>,
    /// For FIRMWARE_STATUS: the status reported.
    pub firmware_status: Option<enums::FirmwareStatus>,
    /// For DIAGNOSTICS_STATUS: the status reported.
    pub diagnostics_status: Option<enums::DiagnosticsStatus>,
    /// For RESERVATION: the reservation and its new state.
    pub reservation_id: Option<i32>,
    pub reservation_state: Option<enums::ReservationState>,
}

impl StationEvent {
    fn new(kind: StationEventKind, station_id: &str, at: DateTime<Utc>) -> Self {
        Self {
            kind,
            station_id: ID(station_id.to_owned()),
            at,
            registration_status: None,
            connection_id: None,
            firmware_status: None,
            diagnostics_status: None,
            reservation_id: None,
            reservation_state: None,
        }
    }
}

pub(super) type Mapper<T> = Box<dyn FnMut(Arc<Event>) -> BoxFuture<'static, Option<T>> + Send>;

/// The bus, mapped and filtered by `map`; ends with a `LAGGED` error if the subscriber falls
/// behind, and with `UNAUTHENTICATED` when the subscriber's token expires.
pub(super) fn follow<T: Send + 'static>(
    events: BoxStream<'static, Delivery>,
    map: Mapper<T>,
    expires_at: DateTime<Utc>,
) -> impl Stream<Item = Result<T>> {
    let left = (expires_at - Utc::now()).to_std().unwrap_or_default();
    let deadline = tokio::time::Instant::now()
        .checked_add(left)
        .unwrap_or_else(|| {
            tokio::time::Instant::now() + std::time::Duration::from_secs(86_400 * 365)
        });
    futures_util::stream::unfold(Some((events, map)), move |state| async move {
        let (mut events, mut map) = state?;
        loop {
            let delivery = tokio::select! {
                delivery = events.next() => delivery?,
                () = tokio::time::sleep_until(deadline) => {
                    let expired = ApiError::Unauthenticated("the token has expired".into());
                    return Some((Err(expired.into()), None));
                }
            };
            match delivery {
                Delivery::Lagged(n) => {
                    return Some((Err(ApiError::Lagged(n).into()), None));
                }
                Delivery::Event(event) => {
                    if let Some(item) = map(event).await {
                        return Some((Ok(item), Some((events, map))));
                    }
                }
            }
        }
    })
}

/// Whether `p` covers the event's station and the optional station filter.
pub(super) fn wanted(p: &Principal, filter: &Option<ID>, station: &str) -> bool {
    p.may_access(station) && filter.as_ref().is_none_or(|f| f.as_str() == station)
}

async fn owned_by(app: &AppContext, key: &str, sub: &str) -> bool {
    id_tag::Entity::find_by_id(key)
        .one(app.store.reader())
        .await
        .ok()
        .flatten()
        .is_some_and(|t| t.owner.as_deref() == Some(sub))
}

#[derive(Default)]
pub struct LiveSubscription;

#[Subscription]
impl LiveSubscription {
    /// Meter values as stations send them, optionally of one station or one transaction.
    /// Drivers must name one of their own transactions.
    async fn meter_values(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
        transaction_id: Option<i32>,
    ) -> Result<impl Stream<Item = Result<MeterValuesEvent>>> {
        let p = principal(ctx)?.clone();
        let expires_at = p.expires_at;
        if let Some(station) = &station_id {
            station_access(&p, station)?;
        }
        let mut station_id = station_id;
        let app = app(ctx).clone();
        if p.role == Role::Driver {
            let id = transaction_id.ok_or_else(|| {
                ApiError::Forbidden(
                    "drivers subscribe to the meter values of one of their transactions".into(),
                )
            })?;
            let tx = transaction::Entity::find_by_id(id)
                .one(app.store.reader())
                .await
                .map_err(ApiError::from)?;
            let mine = match &tx {
                Some(tx) => {
                    p.may_access(&tx.station_id) && owned_by(&app, &tx.id_tag_key, &p.sub).await
                }
                None => false,
            };
            if !mine {
                return Err(ApiError::Forbidden(format!("transaction {id} is not yours")).into());
            }
            // Only the values its own station reports for it.
            station_id = tx.map(|tx| ID(tx.station_id));
        }
        let events = app
            .bus
            .subscribe_to(station_id.as_ref().map(|s| s.as_str()));
        let map: Mapper<MeterValuesEvent> = Box::new(move |event| {
            let item = match &*event {
                Event::MeterValues {
                    station_id: station,
                    connector_id,
                    transaction_id: tx,
                    meter_value,
                } if wanted(&p, &station_id, station)
                    && transaction_id.is_none_or(|want| *tx == Some(want)) =>
                {
                    Some(MeterValuesEvent {
                        station_id: ID(station.clone()),
                        connector_id: *connector_id,
                        transaction_id: *tx,
                        meter_values: meter_value
                            .iter()
                            .map(|mv| MeterReading {
                                timestamp: mv.timestamp.0,
                                transaction_id: *tx,
                                sampled_values: mv.sampled_value.clone(),
                            })
                            .collect(),
                    })
                }
                _ => None,
            };
            Box::pin(async move { item })
        });
        Ok(follow(events, map, expires_at))
    }

    /// Connector status changes, optionally of one station.
    async fn connector_status(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<ConnectorStatusEvent>>> {
        let p = principal(ctx)?.clone();
        let expires_at = p.expires_at;
        if let Some(station) = &station_id {
            station_access(&p, station)?;
        }
        let events = app(ctx)
            .bus
            .subscribe_to(station_id.as_ref().map(|s| s.as_str()));
        let map: Mapper<ConnectorStatusEvent> = Box::new(move |event| {
            let item = match &*event {
                Event::ConnectorStatus {
                    station_id: station,
                    connector_id,
                    status,
                    error_code,
                    info,
                    timestamp,
                } if wanted(&p, &station_id, station) => Some(ConnectorStatusEvent {
                    station_id: ID(station.clone()),
                    connector_id: *connector_id,
                    status: (*status).into(),
                    error_code: (*error_code).into(),
                    info: info.clone(),
                    timestamp: *timestamp,
                }),
                _ => None,
            };
            Box::pin(async move { item })
        });
        Ok(follow(events, map, expires_at))
    }

    /// Transactions starting and stopping, optionally at one station; drivers get their own.
    async fn transaction_events(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<TransactionEvent>>> {
        let p = principal(ctx)?.clone();
        let expires_at = p.expires_at;
        if let Some(station) = &station_id {
            station_access(&p, station)?;
        }
        let app = app(ctx).clone();
        let events = app
            .bus
            .subscribe_to(station_id.as_ref().map(|s| s.as_str()));
        let map: Mapper<TransactionEvent> = Box::new(move |event| {
            let (p, station_id, app) = (p.clone(), station_id.clone(), app.clone());
            Box::pin(async move {
                let (kind, station, id) = match &*event {
                    Event::TransactionStarted {
                        station_id,
                        transaction_id,
                        ..
                    } => (TransactionEventKind::Started, station_id, *transaction_id),
                    Event::TransactionStopped {
                        station_id,
                        transaction_id,
                        ..
                    } => (TransactionEventKind::Stopped, station_id, *transaction_id),
                    _ => return None,
                };
                if !wanted(&p, &station_id, station) {
                    return None;
                }
                let tx = transaction::Entity::find_by_id(id)
                    .one(app.store.reader())
                    .await
                    .ok()
                    .flatten()?;
                if p.role == Role::Driver && !owned_by(&app, &tx.id_tag_key, &p.sub).await {
                    return None;
                }
                Some(TransactionEvent {
                    kind,
                    transaction: Transaction(tx),
                })
            })
        });
        Ok(follow(events, map, expires_at))
    }

    /// Stations connecting, booting and disconnecting, their firmware and diagnostics status
    /// notifications and reservation changes, optionally of one station (staff only).
    async fn station_events(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<StationEvent>>> {
        let p = staff(ctx)?.clone();
        let expires_at = p.expires_at;
        if let Some(station) = &station_id {
            station_access(&p, station)?;
        }
        let events = app(ctx)
            .bus
            .subscribe_to(station_id.as_ref().map(|s| s.as_str()));
        let map: Mapper<StationEvent> = Box::new(move |event| {
            let item = match &*event {
                Event::StationConnected {
                    station_id: station,
                    connection_id,
                    at,
                } if wanted(&p, &station_id, station) => Some(StationEvent {
                    connection_id: Some(ID(connection_id.to_string())),
                    ..StationEvent::new(StationEventKind::Connected, station, *at)
                }),
                Event::StationBooted {
                    station_id: station,
                    status,
                    at,
                } if wanted(&p, &station_id, station) => Some(StationEvent {
                    registration_status: Some((*status).into()),
                    ..StationEvent::new(StationEventKind::Booted, station, *at)
                }),
                Event::StationDisconnected {
                    station_id: station,
                    connection_id,
                    at,
                } if wanted(&p, &station_id, station) => Some(StationEvent {
                    connection_id: Some(ID(connection_id.to_string())),
                    ..StationEvent::new(StationEventKind::Disconnected, station, *at)
                }),
                Event::FirmwareStatus {
                    station_id: station,
                    status,
                    at,
                } if wanted(&p, &station_id, station) => Some(StationEvent {
                    firmware_status: Some((*status).into()),
                    ..StationEvent::new(StationEventKind::FirmwareStatus, station, *at)
                }),
                Event::DiagnosticsStatus {
                    station_id: station,
                    status,
                    at,
                } if wanted(&p, &station_id, station) => Some(StationEvent {
                    diagnostics_status: Some((*status).into()),
                    ..StationEvent::new(StationEventKind::DiagnosticsStatus, station, *at)
                }),
                Event::Reservation {
                    station_id: station,
                    reservation_id,
                    state,
                    at,
                    ..
                } if wanted(&p, &station_id, station) => Some(StationEvent {
                    reservation_id: Some(*reservation_id),
                    reservation_state: enums::ReservationState::from_stored(state),
                    ..StationEvent::new(StationEventKind::Reservation, station, *at)
                }),
                _ => None,
            };
            Box::pin(async move { item })
        });
        Ok(follow(events, map, expires_at))
    }
}
