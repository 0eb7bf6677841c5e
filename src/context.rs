//! `Context`: what every use case, station session and API request shares, behind an `Arc`:
//! the settings, the store, the status cache and the bus (as traits), the way to reach
//! stations (the [`Stations`] port, which the link implements), the token keys, the throttles
//! and the credentials loader. It imports no adapter: no Redis, no API, no server, no socket;
//! `app.rs` builds it from the adapters.

use std::{
    any::Any,
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex, PoisonError},
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use ocpp::rpc::CommandError;
use serde_json::value::RawValue;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::{
    auth::Keys,
    bus::{Bus, Event},
    cache::StatusCache,
    config::Settings,
    metrics::Metrics,
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
    /// The running sessions under an energy budget that this node watches.
    pub budgets: BudgetWatch,
    /// OCPP 2.0.1 transactions running on this node's stations, by the station's own id: a
    /// running session's events need no read (see `use_case::transaction_event`).
    pub open_transactions: OpenTransactions,
    /// This server's Prometheus metrics (`GET /metrics`), its own registry.
    pub metrics: Metrics,
    /// The events alert rules look at, on their way to this node's alert task; and the wake-up
    /// of this node's alert deliverer.
    pub alerts: AlertFeed,
    /// The audit trail's counts on this node (rows since the last pruning, a pruning running).
    pub audit: AuditCounters,
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
        if !self.alerts.offer(&event) {
            self.metrics.alert_events_dropped.inc();
        }
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

    #[test]
    fn the_alert_feed_holds_its_bound_drops_the_rest_and_never_waits() {
        let feed = AlertFeed::default();
        let boot = |i: usize| Event::StationBooted {
            station_id: format!("CP{i}"),
            status: ocpp::v16::RegistrationStatus::Accepted,
            at: Utc::now(),
        };
        for i in 0..AlertFeed::QUEUE {
            assert!(feed.offer(&boot(i)), "event {i} within the bound");
        }
        assert!(!feed.offer(&boot(AlertFeed::QUEUE)), "past the bound");
        // Events no rule looks at are not queued, so never dropped.
        let disconnected = Event::StationDisconnected {
            station_id: "CP0".into(),
            connection_id: 1,
            at: Utc::now(),
        };
        assert!(feed.offer(&disconnected));
        let mut queue = feed.take_queue().expect("the queue, once");
        assert!(feed.take_queue().is_none());
        let mut queued = 0;
        while queue.try_recv().is_ok() {
            queued += 1;
        }
        assert_eq!(queued, AlertFeed::QUEUE);
    }
}

/// A running session under a budget, as this node watches it.
#[derive(Clone, Debug, PartialEq)]
pub struct Watched {
    pub station_id: String,
    pub meter_start: i64,
    /// Energy this session may still deliver in all, from its start: the least, over the
    /// budgets that bind it, of the limit less what the period's other sessions used.
    pub allowance_wh: f64,
    /// A stop was asked for; no other until it fails.
    pub stopping: bool,
}

/// A session to stop at its budget.
#[derive(Debug)]
pub struct StopRequest {
    pub station_id: String,
    pub transaction_id: i32,
}

/// The running sessions under a budget that this node watches, and the queue of those to stop.
/// Held per node, bounded by the running sessions under budgets (`use_case::budget` rebuilds
/// it from the database every minute and at start; its stop queue holds at most
/// [`BudgetWatch::STOP_QUEUE`]).
pub struct BudgetWatch {
    state: Mutex<WatchState>,
    stops: mpsc::Sender<StopRequest>,
    queue: Mutex<Option<mpsc::Receiver<StopRequest>>>,
}

#[derive(Default)]
struct WatchState {
    /// Each session with the refresh count current when it was last set.
    watched: HashMap<i32, (Watched, u64)>,
    /// Refreshes begun so far.
    begun: u64,
    /// The refresh whose result is in `watched`.
    replaced: u64,
}

impl Default for BudgetWatch {
    fn default() -> Self {
        let (stops, queue) = mpsc::channel(Self::STOP_QUEUE);
        Self {
            state: Mutex::default(),
            stops,
            queue: Mutex::new(Some(queue)),
        }
    }
}

impl BudgetWatch {
    /// Sessions waiting to be stopped; more wait for their next MeterValues.
    pub const STOP_QUEUE: usize = 1024;

    fn state(&self) -> std::sync::MutexGuard<'_, WatchState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How many sessions this node watches.
    pub fn len(&self) -> usize {
        self.state().watched.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The queue the stopper reads (once).
    pub fn take_queue(&self) -> Option<mpsc::Receiver<StopRequest>> {
        self.queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Whether `transaction_id` is watched (one map look-up).
    pub fn contains(&self, transaction_id: i32) -> bool {
        self.state().watched.contains_key(&transaction_id)
    }

    /// A register reading (Wh) of a watched session: one that reaches its allowance queues the
    /// session to be stopped.
    pub fn reading(&self, station_id: &str, transaction_id: i32, register: f64) {
        let mut state = self.state();
        let Some((w, _)) = state.watched.get_mut(&transaction_id) else {
            return;
        };
        if w.stopping || w.station_id != station_id {
            return;
        }
        if register - w.meter_start as f64 >= w.allowance_wh {
            let request = StopRequest {
                station_id: station_id.to_owned(),
                transaction_id,
            };
            if self.stops.try_send(request).is_ok() {
                w.stopping = true;
            }
        }
    }

    /// A session ended: no longer watched.
    pub fn ended(&self, transaction_id: i32) {
        self.state().watched.remove(&transaction_id);
    }

    /// Watches a session (a stop already asked for stays asked for, unless `w` says it is
    /// over).
    pub fn watch(&self, transaction_id: i32, w: Watched, keep_stopping: bool) {
        let mut state = self.state();
        let stamp = state.begun;
        let stopping = keep_stopping
            && state
                .watched
                .get(&transaction_id)
                .is_some_and(|(old, _)| old.stopping);
        state
            .watched
            .insert(transaction_id, (Watched { stopping, ..w }, stamp));
    }

    /// A refresh begins: its number, for [`Self::replace`].
    pub fn begin_refresh(&self) -> u64 {
        let mut state = self.state();
        state.begun += 1;
        state.begun
    }

    /// The result of refresh `began`: every session under a budget as the database had them.
    /// Sessions watched since it began are kept, stops asked for stay asked for, and a refresh
    /// older than the one already applied changes nothing.
    pub fn replace(&self, all: HashMap<i32, Watched>, began: u64) {
        let mut state = self.state();
        if began < state.replaced {
            return;
        }
        let old = std::mem::take(&mut state.watched);
        let mut watched: HashMap<i32, (Watched, u64)> =
            all.into_iter().map(|(id, w)| (id, (w, began))).collect();
        for (id, (w, stamp)) in old {
            match watched.get_mut(&id) {
                Some((new, _)) => new.stopping |= w.stopping,
                None if stamp >= began => {
                    watched.insert(id, (w, stamp));
                }
                None => {}
            }
        }
        state.watched = watched;
        state.replaced = began;
    }

    /// A stop failed: the next reading may ask again.
    pub fn stop_failed(&self, transaction_id: i32) {
        if let Some((w, _)) = self.state().watched.get_mut(&transaction_id) {
            w.stopping = false;
        }
    }
}

/// Events published on this node that an alert rule may care about (boots, faults, sessions,
/// security events), queued for this node's alert task. Only this node's own events: an
/// event is raised as an alert by the node holding the station's socket, once. The queue is
/// bounded ([`AlertFeed::QUEUE`]); past it events are dropped for alerts (`offer` says so, and
/// `Context::publish` counts them in the metrics).
pub struct AlertFeed {
    events: mpsc::Sender<Event>,
    queue: Mutex<Option<mpsc::Receiver<Event>>>,
    /// Wakes this node's deliverer when a new alert's deliveries are in the outbox.
    pub wake: tokio::sync::Notify,
}

impl Default for AlertFeed {
    fn default() -> Self {
        let (events, queue) = mpsc::channel(Self::QUEUE);
        Self {
            events,
            queue: Mutex::new(Some(queue)),
            wake: tokio::sync::Notify::new(),
        }
    }
}

impl AlertFeed {
    /// Events waiting for the alert task at most.
    pub const QUEUE: usize = 1024;

    /// Queues `event` for the alert task if a rule kind may care about it; never waits.
    /// False when it was wanted but dropped (the queue was full).
    pub fn offer(&self, event: &Event) -> bool {
        let wanted = match event {
            Event::StationBooted { .. }
            | Event::TransactionStarted { .. }
            | Event::TransactionStopped { .. }
            | Event::SecurityEvent { .. } => true,
            Event::ConnectorStatus { status, .. } => {
                *status == ocpp::v16::ChargePointStatus::Faulted
            }
            _ => false,
        };
        if wanted && self.events.try_send(event.clone()).is_err() {
            return false;
        }
        true
    }

    /// The queue's receiving end, for the one alert task (`None` after the first call).
    pub fn take_queue(&self) -> Option<mpsc::Receiver<Event>> {
        self.queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// The running OCPP 2.0.1 transactions this node has seen, by (station, the station's own id),
/// with the charging state its events last said. A copy, never the truth: an entry that is
/// stale (the row changed on another node) only makes an event take the path that reads and
/// writes the database. Bounded: at [`OpenTransactions::MAX`] entries it starts afresh.
#[derive(Default)]
pub struct OpenTransactions(std::sync::Mutex<HashMap<OwnId, OpenTransaction>>);

/// A station and its own transaction id.
type OwnId = (Arc<str>, Box<str>);

/// What [`OpenTransactions`] keeps of one transaction.
#[derive(Clone, Debug)]
pub struct OpenTransaction {
    pub row: entity::transaction::Model,
    /// The charging state its last event said, as sent (`Charging`, `SuspendedEV`, …).
    pub charging_state: Option<&'static str>,
}

impl OpenTransactions {
    /// The most entries kept (about 200 bytes each).
    pub const MAX: usize = 100_000;

    pub fn get(&self, station: &str, own_id: &str) -> Option<OpenTransaction> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(Arc::from(station), Box::from(own_id))).cloned()
    }

    pub fn put(&self, station: &Arc<str>, own_id: &str, entry: OpenTransaction) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::MAX {
            map.clear();
        }
        map.insert((station.clone(), Box::from(own_id)), entry);
    }

    pub fn remove(&self, station: &str, own_id: &str) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(&(Arc::from(station), Box::from(own_id)));
    }

    pub fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The audit trail's pruning on this node: rows written since its last pruning (a pruning
/// starts after every tenth of the bound) and whether one is running. Rows the database
/// refused are counted in the metrics (`audit_rows_lost`).
#[derive(Debug, Default)]
pub struct AuditCounters {
    pub since_prune: std::sync::atomic::AtomicU64,
    pub pruning: std::sync::atomic::AtomicBool,
}

#[cfg(test)]
mod open_transactions_tests {
    use super::*;

    fn entry(id: i32) -> OpenTransaction {
        let now = chrono::Utc::now();
        OpenTransaction {
            row: entity::transaction::Model {
                id,
                station_id: "CP".into(),
                connector_id: 1,
                id_tag: String::new(),
                id_tag_key: String::new(),
                start_id_tag_status: "Accepted".into(),
                meter_start: 0,
                start_time: now,
                reservation_id: None,
                meter_stop: None,
                stop_time: None,
                stop_reason: None,
                stop_id_tag: None,
                started_received_at: now,
                stopped_received_at: None,
                flags: String::new(),
                station_transaction_id: Some(format!("tx-{id}")),
                id_token_type: None,
            },
            charging_state: None,
        }
    }

    #[test]
    fn the_map_of_open_transactions_is_bounded() {
        let open = OpenTransactions::default();
        let station: Arc<str> = Arc::from("CP");
        for id in 0..OpenTransactions::MAX as i32 {
            open.put(&station, &format!("tx-{id}"), entry(id));
        }
        assert_eq!(open.len(), OpenTransactions::MAX);
        assert_eq!(open.get("CP", "tx-7").map(|e| e.row.id), Some(7));
        // One more starts afresh: never more than the bound.
        open.put(&station, "tx-new", entry(-1));
        assert_eq!(open.len(), 1);
        assert!(open.get("CP", "tx-7").is_none());
        open.remove("CP", "tx-new");
        assert!(open.is_empty());
    }
}
