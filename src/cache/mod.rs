//! The status cache: live state that the API reads often and that can always be rebuilt from
//! the database and the live sessions (who is connected, connector states, last meter readings).
//!
//! Behind the [`StatusCache`] trait: [`memory`] for one node; [`redis`] shares it between nodes
//! (presence with a time to live, refreshed by the node holding the socket). Nothing outside
//! this module assumes the cache is in-process.

pub mod memory;
pub mod redis;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use ocpp::v16::{ChargePointErrorCode, ChargePointStatus, SampledValue};

/// Why the cache did not answer. Callers on the OCPP path log it and carry on; every message
/// starts with "status cache unavailable".
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The Redis URL could not be read.
    #[error("status cache unavailable: bad Redis URL: {0}")]
    BadUrl(::redis::RedisError),
    /// Redis could not be reached, dropped the connection or refused it.
    #[error("status cache unavailable: {0}")]
    Unreachable(::redis::RedisError),
    /// Redis answered with an error.
    #[error("status cache unavailable: {0}")]
    Redis(::redis::RedisError),
    /// Redis was found unreachable a moment ago, so the call was not tried (the breaker is
    /// open).
    #[error("status cache unavailable: Redis is unreachable (retrying shortly)")]
    BreakerOpen,
    /// Redis did not answer within this time.
    #[error("status cache unavailable: Redis did not answer within {0:?}")]
    Timeout(std::time::Duration),
    /// A value could not be encoded for the cache.
    #[error("status cache unavailable: {0}")]
    Encoding(serde_json::Error),
}

/// A station's live connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// Unique per connection, across nodes; a newer connection has a different one.
    pub connection_id: u64,
    /// The node holding the socket.
    pub node_id: String,
    pub connected_at: DateTime<Utc>,
}

/// The last StatusNotification of a connector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorState {
    pub connector_id: i32,
    pub status: ChargePointStatus,
    pub error_code: ChargePointErrorCode,
    pub info: Option<String>,
    pub vendor_error_code: Option<String>,
    /// The station's timestamp, when it sent one.
    pub timestamp: Option<DateTime<Utc>>,
    pub received_at: DateTime<Utc>,
}

/// The newest meter value of a connector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeterReading {
    pub connector_id: i32,
    pub transaction_id: Option<i32>,
    pub timestamp: DateTime<Utc>,
    pub sampled_value: Vec<SampledValue>,
}

/// What refreshing a presence found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// The presence was there and now lives another time to live.
    Kept,
    /// The presence was gone (expired while the cache was unreachable, or the cache lost its
    /// data) and was written again: the station's other entries may be stale too.
    Restored,
    /// Another connection holds the station now; this one must close.
    TakenOver,
}

/// Live state shared by the OCPP sessions and the API.
#[async_trait]
pub trait StatusCache: Send + Sync + 'static {
    /// Records that `station_id` is connected; returns the presence it replaces (possibly of
    /// another node, which must then close its socket).
    async fn station_connected(
        &self,
        station_id: &str,
        presence: Presence,
    ) -> Result<Option<Presence>, CacheError>;
    /// Keeps a live connection's presence from expiring, re-creating it if the cache lost it.
    async fn refresh_presence(
        &self,
        station_id: &str,
        presence: &Presence,
    ) -> Result<Refresh, CacheError>;
    /// Forgets the presence, but only if it is still `connection_id`'s (a newer connection's
    /// presence is kept).
    async fn station_disconnected(
        &self,
        station_id: &str,
        connection_id: u64,
    ) -> Result<(), CacheError>;
    async fn presence(&self, station_id: &str) -> Result<Option<Presence>, CacheError>;
    /// Ids of the connected stations, sorted.
    async fn connected_stations(&self) -> Result<Vec<String>, CacheError>;
    /// Stores a connector's state unless the cache holds a newer one (by `received_at`), so a
    /// repair from the database never overwrites what a station reported since.
    async fn set_connector(
        &self,
        station_id: &str,
        state: ConnectorState,
    ) -> Result<(), CacheError>;
    /// The connector states of a station, by connector id.
    async fn connectors(&self, station_id: &str) -> Result<Vec<ConnectorState>, CacheError>;
    /// Stores a connector's reading unless the cache holds a newer one (by the station's
    /// `timestamp`): readings a station sends late, from its offline queue, do not replace it.
    async fn set_last_meter(
        &self,
        station_id: &str,
        reading: MeterReading,
    ) -> Result<(), CacheError>;
    async fn last_meter(
        &self,
        station_id: &str,
        connector_id: i32,
    ) -> Result<Option<MeterReading>, CacheError>;
    /// Whether the cache answers (for health checks).
    async fn ping(&self) -> Result<(), CacheError> {
        Ok(())
    }
    /// Whether calls fail at once now, the cache having been found unreachable (for metrics).
    fn breaker_open(&self) -> bool {
        false
    }
}
