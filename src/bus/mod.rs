//! The event bus: what happened at the stations (connections, boots, connector status, meter
//! values, transactions), published by the use cases and consumed by subscriptions.
//!
//! Behind the [`Bus`] trait: [`memory`] for one node; [`redis`] carries events between nodes
//! and routes a remote command to the node that holds the station's socket. Events and routed
//! calls are plain serialisable values, so nothing assumes they stay in-process.

pub mod fanout;
pub mod memory;
pub mod redis;

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures_util::stream::BoxStream;
use serde::{Deserialize, Serialize};

use serde_json::value::RawValue;

use ocpp::rpc::CommandError;
use ocpp::v16::security_ext::{SignedFirmwareStatus, UploadLogStatus};
use ocpp::v16::{
    AuthorizationStatus, ChargePointErrorCode, ChargePointStatus, DiagnosticsStatus,
    FirmwareStatus, MeterValue, Reason, RegistrationStatus,
};

/// Something a station did, as the rest of the system sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    StationConnected {
        station_id: String,
        /// Tells events of a newer connection from those of an older one.
        connection_id: u64,
        at: DateTime<Utc>,
    },
    StationBooted {
        station_id: String,
        status: RegistrationStatus,
        at: DateTime<Utc>,
    },
    StationDisconnected {
        station_id: String,
        connection_id: u64,
        at: DateTime<Utc>,
    },
    ConnectorStatus {
        station_id: String,
        connector_id: i32,
        status: ChargePointStatus,
        error_code: ChargePointErrorCode,
        info: Option<String>,
        timestamp: Option<DateTime<Utc>>,
    },
    MeterValues {
        station_id: String,
        connector_id: i32,
        transaction_id: Option<i32>,
        meter_value: Vec<MeterValue>,
    },
    TransactionStarted {
        station_id: String,
        transaction_id: i32,
        connector_id: i32,
        id_tag: String,
        id_tag_status: AuthorizationStatus,
        meter_start: i64,
        timestamp: DateTime<Utc>,
    },
    TransactionStopped {
        station_id: String,
        transaction_id: i32,
        connector_id: i32,
        meter_stop: i64,
        timestamp: DateTime<Utc>,
        reason: Reason,
    },
    FirmwareStatus {
        station_id: String,
        status: FirmwareStatus,
        at: DateTime<Utc>,
    },
    DiagnosticsStatus {
        station_id: String,
        status: DiagnosticsStatus,
        at: DateTime<Utc>,
    },
    /// A reservation changed state (see `entity::reservation` for the states).
    Reservation {
        station_id: String,
        reservation_id: i32,
        connector_id: i32,
        state: String,
        at: DateTime<Utc>,
    },
    /// A SecurityEventNotification, as stored (`id` is its row).
    SecurityEvent {
        station_id: String,
        id: i32,
        event_type: String,
        timestamp: DateTime<Utc>,
        tech_info: Option<String>,
        received_at: DateTime<Utc>,
    },
    /// A certificate signing request arrived or changed state (see
    /// `entity::certificate_signing_request` for the states).
    CertificateSigningRequest {
        station_id: String,
        id: i32,
        state: String,
        at: DateTime<Utc>,
    },
    /// A LogStatusNotification.
    LogStatus {
        station_id: String,
        status: UploadLogStatus,
        request_id: Option<i32>,
        at: DateTime<Utc>,
    },
    /// A SignedFirmwareStatusNotification.
    SignedFirmwareStatus {
        station_id: String,
        status: SignedFirmwareStatus,
        request_id: Option<i32>,
        at: DateTime<Utc>,
    },
    /// An event an OCPP 2.0.1 station reported in NotifyEvent (stored in `station_events`).
    DeviceEvent {
        station_id: String,
        /// The station's `eventId`.
        event_id: i32,
        /// `Alerting`, `Delta` or `Periodic`.
        trigger: String,
        component: String,
        variable: String,
        actual_value: String,
        cleared: Option<bool>,
        /// When it happened, by the station's clock.
        timestamp: DateTime<Utc>,
        at: DateTime<Utc>,
    },
    /// An alert was raised (stored in `alerts`); `station_id` is empty for an alert about no
    /// station (chargegate's own certificate).
    Alert {
        station_id: String,
        id: String,
        rule_id: i32,
        /// The rule's kind (`connector_faulted`, …).
        alert_kind: String,
        summary: String,
        /// The alert's details, a JSON object as text.
        details: String,
        at: DateTime<Utc>,
    },
}

impl Event {
    pub fn station_id(&self) -> &str {
        match self {
            Self::StationConnected { station_id, .. }
            | Self::StationBooted { station_id, .. }
            | Self::StationDisconnected { station_id, .. }
            | Self::ConnectorStatus { station_id, .. }
            | Self::MeterValues { station_id, .. }
            | Self::TransactionStarted { station_id, .. }
            | Self::TransactionStopped { station_id, .. }
            | Self::FirmwareStatus { station_id, .. }
            | Self::DiagnosticsStatus { station_id, .. }
            | Self::Reservation { station_id, .. }
            | Self::SecurityEvent { station_id, .. }
            | Self::CertificateSigningRequest { station_id, .. }
            | Self::LogStatus { station_id, .. }
            | Self::SignedFirmwareStatus { station_id, .. }
            | Self::DeviceEvent { station_id, .. }
            | Self::Alert { station_id, .. } => station_id,
        }
    }
}

/// What a subscriber receives.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    Event(Arc<Event>),
    /// The subscriber fell behind and this many events were skipped for it; the OCPP path is
    /// never slowed down by a slow subscriber.
    Lagged(u64),
}

/// Why the bus could not carry a message. Publishers log it and carry on; every message starts
/// with "event bus unavailable".
#[derive(Debug, thiserror::Error)]
pub enum BusError {
    /// The Redis URL could not be read.
    #[error("event bus unavailable: bad Redis URL: {0}")]
    BadUrl(::redis::RedisError),
    /// Redis did not take the message (unreachable, or it answered with an error).
    #[error("event bus unavailable: {0}")]
    Redis(::redis::RedisError),
    /// The message could not be encoded.
    #[error("event bus unavailable: {0}")]
    Encoding(serde_json::Error),
}

/// A command on its way to the node that holds the station's socket.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RoutedCall {
    pub station_id: String,
    pub action: String,
    pub payload: Box<RawValue>,
    /// The W3C `traceparent` of the command's span on the asking node, when traces are
    /// exported: the station's node continues that trace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traceparent: Option<String>,
}

/// What a node does for the bus: run routed commands on its own sessions, close a connection
/// that a newer one on another node replaced.
#[async_trait]
pub trait NodeHandler: Send + Sync + 'static {
    async fn call(&self, call: RoutedCall) -> Result<Box<RawValue>, CommandError>;
    fn kick(&self, station_id: &str, connection_id: u64);
}

#[async_trait]
pub trait Bus: Send + Sync + 'static {
    /// Publishes to every current subscriber, on every node. Never waits for subscribers;
    /// subscribers on this node get the event even when other nodes cannot be reached.
    async fn publish(&self, event: Event) -> Result<(), BusError>;
    /// Every event published from now on, or those of `station` only, in publication order
    /// per station. A subscriber of one station is not woken by the others' events.
    fn subscribe_to(&self, station: Option<&str>) -> BoxStream<'static, Delivery>;
    /// Every event published from now on.
    fn subscribe(&self) -> BoxStream<'static, Delivery> {
        self.subscribe_to(None)
    }
    /// Lets this node serve routed calls and kicks.
    fn attach(&self, handler: Arc<dyn NodeHandler>);
    /// Runs `call` on node `node_id` and waits up to `wait` for its answer.
    async fn call_node(
        &self,
        node_id: &str,
        call: RoutedCall,
        wait: Duration,
    ) -> Result<Box<RawValue>, CommandError>;
    /// Tells node `node_id` to close its connection `connection_id` of `station_id`.
    async fn kick(
        &self,
        node_id: &str,
        station_id: &str,
        connection_id: u64,
    ) -> Result<(), BusError>;
    /// Waits (briefly) until events published so far have gone out to the other nodes; called
    /// at shutdown, after the node's stop token fired.
    async fn flushed(&self) {}
}
