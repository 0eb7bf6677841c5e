//! `Context`: what every use case, station session and API request shares, behind an `Arc`:
//! the settings, the store, the status cache and the bus (as traits), the way to reach
//! stations (the [`Stations`] port, which the link implements), the token keys, the throttles
//! and the credentials loader. It imports no adapter: no Redis, no API, no server, no socket;
//! `app.rs` builds it from the adapters.

use std::{any::Any, sync::Arc};

use async_trait::async_trait;
use ocpp::rpc::CommandError;
use serde_json::value::RawValue;
use tokio_util::sync::CancellationToken;

use crate::{
    auth::Keys,
    bus::{Bus, Event},
    cache::StatusCache,
    config::Settings,
    store::{Store, credentials::CredentialsLoaderHandle},
    throttle::{LoginLimits, LoginThrottle, RegistrationLimiter},
};

/// Everything a request handler or session needs; shared behind an `Arc`.
pub struct Context {
    pub settings: Settings,
    /// Identifies this node among several sharing a database and Redis.
    pub node_id: String,
    pub store: Store,
    pub cache: Arc<dyn StatusCache>,
    pub bus: Arc<dyn Bus>,
    /// The stations' side: how a use case reaches a station, wherever it is connected (the
    /// link implements it; see `link::Link`).
    pub stations: Arc<dyn Stations>,
    /// Verifies API tokens and signs chargegate's own.
    pub keys: Keys,
    /// Recent failed logins.
    pub login_throttle: LoginThrottle,
    /// Recent failed station logins (HTTP Basic in the OCPP handshake).
    pub station_logins: LoginLimits,
    /// Unknown stations registered by connecting, per client address.
    pub new_stations: RegistrationLimiter,
    /// Reads the credentials of the stations whose handshakes arrive together in one
    /// statement (see `store::credentials::CredentialsLoader`).
    pub credentials: CredentialsLoaderHandle,
    /// Fires when the server is shutting down.
    pub shutdown: CancellationToken,
    /// Fires once the sessions have ended at shutdown: background work (the Redis bus) stops.
    pub stopped: CancellationToken,
}

/// How use cases reach stations: a CALL sent to a station wherever its socket is (on this node,
/// or on another through the bus), and its raw answer. The station link implements it; use
/// cases see only this, so that they import nothing of sockets or sessions.
#[async_trait]
pub trait Stations: Send + Sync + 'static {
    /// Sends an encoded CALL payload to `station_id` and returns the raw CALLRESULT payload.
    async fn call(
        &self,
        ctx: &Context,
        station_id: &str,
        action: &'static str,
        payload: Box<RawValue>,
    ) -> Result<Box<RawValue>, CommandError>;

    /// How many stations are connected to this node.
    fn connected_here(&self) -> usize;

    /// The implementation, for the link's own state (`link::of`).
    fn as_any(&self) -> &dyn Any;
}

impl Context {
    /// Whether other nodes may hold stations (the cache and bus are shared).
    pub fn clustered(&self) -> bool {
        self.settings.redis_url.is_some()
    }

    /// Publishes an event; a bus failure is logged, never passed to the station.
    pub async fn publish(&self, event: Event) {
        if let Err(e) = self.bus.publish(event).await {
            tracing::warn!(error = %e, "event not published");
        }
    }
}
