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
    metrics::SubscriptionGuard,
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
    /// An OCPP 2.0.1 station reported an event (NotifyEvent; `Station.events` keeps them).
    DeviceEvent,
}

/// For DEVICE_EVENT: the event an OCPP 2.0.1 station reported.
#[derive(SimpleObject)]
pub struct DeviceEventNotice {
    /// The station's id of the event.
    pub event_id: i32,
    /// `Alerting`, `Delta` or `Periodic`.
    pub trigger: String,
    pub component: String,
    pub variable: String,
    pub actual_value: String,
    pub cleared: Option<bool>,
    /// When it happened, by the station's clock.
    pub timestamp: DateTime<Utc>,
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
    /// For DEVICE_EVENT: the event.
    pub device_event: Option<DeviceEventNotice>,
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
            device_event: None,
        }
    }
}

type Mapper<T> = Box<dyn FnMut(Arc<Event>) -> BoxFuture<'static, Option<T>> + Send>;

/// Who may subscribe.
#[derive(Clone, Copy, Debug)]
pub(super) enum Access {
    /// Any authenticated caller.
    Anyone,
    /// Staff only.
    Staff,
    /// Anyone; a driver must name one of their own transactions (this one), and follows only
    /// its station.
    OwnTransaction(Option<i32>),
}

/// What a subscription's map gets with each event: who subscribed, and the application.
pub(super) struct Subscriber {
    pub caller: Principal,
    pub app: Arc<AppContext>,
}

/// The set-up every subscription shares: the caller checked (`access`) and covering
/// `station_id`; the bus of that station, or of every station; of its events, those of the
/// stations the caller may see (and the one asked for), mapped by `map` (`None`: skipped). The
/// stream ends with `LAGGED` when the subscriber falls behind, and with `UNAUTHENTICATED` when
/// its token expires.
pub(super) async fn subscribe<T, M, F>(
    ctx: &Context<'_>,
    access: Access,
    station_id: Option<ID>,
    mut map: M,
) -> Result<impl Stream<Item = Result<T>> + use<T, M, F>, ApiError>
where
    T: Send + 'static,
    M: FnMut(Arc<Subscriber>, Arc<Event>) -> F + Send + 'static,
    F: Future<Output = Option<T>> + Send + 'static,
{
    let caller = match access {
        Access::Staff => staff(ctx)?,
        Access::Anyone | Access::OwnTransaction(_) => principal(ctx)?,
    }
    .clone();
    if let Some(station) = &station_id {
        station_access(&caller, station)?;
    }
    let app = app(ctx).clone();
    let mut station_id = station_id;
    if let Access::OwnTransaction(transaction_id) = access
        && caller.role == Role::Driver
    {
        station_id = Some(own_transaction_station(&app, &caller, transaction_id).await?);
    }
    let events = app
        .bus
        .subscribe_to(station_id.as_ref().map(|s| s.as_str()));
    let expires_at = caller.expires_at;
    let counted = app.metrics.subscription();
    let subscriber = Arc::new(Subscriber { caller, app });
    let map: Mapper<T> = Box::new(move |event| {
        if !wanted(&subscriber.caller, &station_id, event.station_id()) {
            return Box::pin(std::future::ready(None));
        }
        Box::pin(map(subscriber.clone(), event))
    });
    Ok(follow(events, map, expires_at, counted))
}

/// The station of `transaction_id` if it is one of the driver's own transactions.
async fn own_transaction_station(
    app: &AppContext,
    driver: &Principal,
    transaction_id: Option<i32>,
) -> Result<ID, ApiError> {
    let id = transaction_id.ok_or_else(|| {
        ApiError::Forbidden(
            "drivers subscribe to the meter values of one of their transactions".into(),
        )
    })?;
    let tx = transaction::Entity::find_by_id(id)
        .one(app.store.reader())
        .await?;
    match tx {
        Some(tx)
            if driver.may_access(&tx.station_id)
                && owned_by(app, &tx.id_tag_key, &driver.sub).await =>
        {
            Ok(ID(tx.station_id))
        }
        _ => Err(ApiError::Forbidden(format!(
            "transaction {id} is not yours"
        ))),
    }
}

/// The bus, mapped and filtered by `map`; ends with a `LAGGED` error if the subscriber falls
/// behind, and with `UNAUTHENTICATED` when the subscriber's token expires.
fn follow<T: Send + 'static>(
    events: BoxStream<'static, Delivery>,
    map: Mapper<T>,
    expires_at: DateTime<Utc>,
    counted: SubscriptionGuard,
) -> impl Stream<Item = Result<T>> {
    let left = (expires_at - Utc::now()).to_std().unwrap_or_default();
    let deadline = tokio::time::Instant::now()
        .checked_add(left)
        .unwrap_or_else(|| {
            tokio::time::Instant::now() + std::time::Duration::from_secs(86_400 * 365)
        });
    // `counted` lives as long as the stream: the subscription counts as open until then.
    futures_util::stream::unfold(Some((events, map, counted)), move |state| async move {
        let (mut events, mut map, counted) = state?;
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
                    counted.lagged();
                    return Some((Err(ApiError::Lagged(n).into()), None));
                }
                Delivery::Event(event) => {
                    if let Some(item) = map(event).await {
                        return Some((Ok(item), Some((events, map, counted))));
                    }
                }
            }
        }
    })
}

/// Whether `p` covers the event's station and the optional station filter.
fn wanted(p: &Principal, filter: &Option<ID>, station: &str) -> bool {
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
        let access = Access::OwnTransaction(transaction_id);
        let map = move |_, event: Arc<Event>| async move {
            match &*event {
                Event::MeterValues {
                    station_id: station,
                    connector_id,
                    transaction_id: tx,
                    meter_value,
                } if transaction_id.is_none_or(|want| *tx == Some(want)) => {
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
            }
        };
        Ok(subscribe(ctx, access, station_id, map).await?)
    }

    /// Connector status changes, optionally of one station.
    async fn connector_status(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<ConnectorStatusEvent>>> {
        let map = |_, event: Arc<Event>| async move {
            match &*event {
                Event::ConnectorStatus {
                    station_id: station,
                    connector_id,
                    status,
                    error_code,
                    info,
                    timestamp,
                } => Some(ConnectorStatusEvent {
                    station_id: ID(station.clone()),
                    connector_id: *connector_id,
                    status: (*status).into(),
                    error_code: (*error_code).into(),
                    info: info.clone(),
                    timestamp: *timestamp,
                }),
                _ => None,
            }
        };
        Ok(subscribe(ctx, Access::Anyone, station_id, map).await?)
    }

    /// Transactions starting and stopping, optionally at one station; drivers get their own.
    async fn transaction_events(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<TransactionEvent>>> {
        let map = |s: Arc<Subscriber>, event: Arc<Event>| async move {
            let (kind, id) = match &*event {
                Event::TransactionStarted { transaction_id, .. } => {
                    (TransactionEventKind::Started, *transaction_id)
                }
                Event::TransactionStopped { transaction_id, .. } => {
                    (TransactionEventKind::Stopped, *transaction_id)
                }
                _ => return None,
            };
            let tx = transaction::Entity::find_by_id(id)
                .one(s.app.store.reader())
                .await
                .ok()
                .flatten()?;
            if s.caller.role == Role::Driver
                && !owned_by(&s.app, &tx.id_tag_key, &s.caller.sub).await
            {
                return None;
            }
            Some(TransactionEvent {
                kind,
                transaction: Transaction(tx),
            })
        };
        Ok(subscribe(ctx, Access::Anyone, station_id, map).await?)
    }

    /// Stations connecting, booting and disconnecting, their firmware and diagnostics status
    /// notifications, reservation changes and the events OCPP 2.0.1 stations report,
    /// optionally of one station (staff only).
    async fn station_events(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<StationEvent>>> {
        let map = |_, event: Arc<Event>| async move {
            match &*event {
                Event::StationConnected {
                    station_id: station,
                    connection_id,
                    at,
                } => Some(StationEvent {
                    connection_id: Some(ID(connection_id.to_string())),
                    ..StationEvent::new(StationEventKind::Connected, station, *at)
                }),
                Event::StationBooted {
                    station_id: station,
                    status,
                    at,
                } => Some(StationEvent {
                    registration_status: Some((*status).into()),
                    ..StationEvent::new(StationEventKind::Booted, station, *at)
                }),
                Event::StationDisconnected {
                    station_id: station,
                    connection_id,
                    at,
                } => Some(StationEvent {
                    connection_id: Some(ID(connection_id.to_string())),
                    ..StationEvent::new(StationEventKind::Disconnected, station, *at)
                }),
                Event::FirmwareStatus {
                    station_id: station,
                    status,
                    at,
                } => Some(StationEvent {
                    firmware_status: Some((*status).into()),
                    ..StationEvent::new(StationEventKind::FirmwareStatus, station, *at)
                }),
                Event::DiagnosticsStatus {
                    station_id: station,
                    status,
                    at,
                } => Some(StationEvent {
                    diagnostics_status: Some((*status).into()),
                    ..StationEvent::new(StationEventKind::DiagnosticsStatus, station, *at)
                }),
                Event::Reservation {
                    station_id: station,
                    reservation_id,
                    state,
                    at,
                    ..
                } => Some(StationEvent {
                    reservation_id: Some(*reservation_id),
                    reservation_state: enums::ReservationState::from_stored(state),
                    ..StationEvent::new(StationEventKind::Reservation, station, *at)
                }),
                Event::DeviceEvent {
                    station_id: station,
                    event_id,
                    trigger,
                    component,
                    variable,
                    actual_value,
                    cleared,
                    timestamp,
                    at,
                } => Some(StationEvent {
                    device_event: Some(DeviceEventNotice {
                        event_id: *event_id,
                        trigger: trigger.clone(),
                        component: component.clone(),
                        variable: variable.clone(),
                        actual_value: actual_value.clone(),
                        cleared: *cleared,
                        timestamp: *timestamp,
                    }),
                    ..StationEvent::new(StationEventKind::DeviceEvent, station, *at)
                }),
                _ => None,
            }
        };
        Ok(subscribe(ctx, Access::Staff, station_id, map).await?)
    }
}
