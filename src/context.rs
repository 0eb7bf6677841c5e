//! `Context`: what every use case, station session and API request shares, behind an `Arc`:
//! the settings, the store, the status cache and the bus (as traits), the way to reach
//! stations (the [`Stations`] port, which the link implements), the token keys, the throttles
//! and the credentials loader. It imports no adapter: no Redis, no API, no server, no socket;
//! `app.rs` builds it from the adapters.

use std::{
    any::Any,
    collections::VecDeque,
    sync::{Arc, Mutex, PoisonError},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
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
    /// The OCPP handshakes this node refused lately (the link records them, the API's
    /// `attention` reads them).
    pub refused_handshakes: RefusedHandshakes,
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

/// One refused OCPP handshake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedHandshake {
    /// The charge point id from the URL.
    pub station_id: String,
    pub at: DateTime<Utc>,
    /// The HTTP status and reason, e.g. `401 wrong charge point id or AuthorizationKey`.
    pub detail: String,
}

/// The last [`RefusedHandshakes::CAPACITY`] refused handshakes of this node, oldest first, in
/// bounded memory.
#[derive(Default)]
pub struct RefusedHandshakes(Mutex<VecDeque<RefusedHandshake>>);

impl RefusedHandshakes {
    /// How many are kept; the oldest goes first.
    pub const CAPACITY: usize = 500;

    pub fn record(&self, station_id: &str, detail: String) {
        let mut ring = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if ring.len() == Self::CAPACITY {
            ring.pop_front();
        }
        ring.push_back(RefusedHandshake {
            station_id: station_id.to_owned(),
            at: Utc::now(),
            detail,
        });
    }

    /// Those refused at `since` or later, newest first.
    pub fn since(&self, since: DateTime<Utc>) -> Vec<RefusedHandshake> {
        let ring = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        ring.iter()
            .rev()
            .take_while(|r| r.at >= since)
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ring_keeps_the_newest_and_answers_newest_first() {
        let ring = RefusedHandshakes::default();
        for i in 0..RefusedHandshakes::CAPACITY + 3 {
            ring.record(&format!("CP{i}"), "401".into());
        }
        let all = ring.since(Utc::now() - chrono::Duration::hours(1));
        assert_eq!(all.len(), RefusedHandshakes::CAPACITY);
        assert_eq!(
            all[0].station_id,
            format!("CP{}", RefusedHandshakes::CAPACITY + 2)
        );
        assert_eq!(all.last().unwrap().station_id, "CP3");
        assert!(
            ring.since(Utc::now() + chrono::Duration::hours(1))
                .is_empty()
        );
    }
}
