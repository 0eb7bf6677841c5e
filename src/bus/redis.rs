//! The event bus over Redis pub/sub, for several nodes: events reach subscriptions on every
//! node, a command for a station on another node is run by that node and its answer comes back,
//! and a node is told to close a connection that a newer one elsewhere replaced.
//!
//! Channels, below the key prefix `P`: `P events` (every node) and `P node:{id}` (one node).
//! Publishing never waits for Redis: events go to local subscribers at once and to Redis through
//! a queue that a background task drains. While Redis is unreachable, other nodes miss events:
//! the queue is bounded and events older than [`STALE`] are dropped rather than sent late.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex, OnceLock,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use async_trait::async_trait;
use futures_util::{StreamExt, stream::BoxStream};
use redis::{AsyncCommands, Client, aio::ConnectionManager};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::{
    Bus, BusError, Delivery, Event, NodeHandler, RoutedCall, fanout::Fanout, memory::CAPACITY,
};
use ocpp::rpc::CommandError;

/// Events waiting to be published to Redis; past this, events for other nodes are dropped (the
/// local subscribers have them already).
const OUTBOX: usize = 16 * 1024;
/// An event that could not be sent to other nodes for this long is dropped: late live data
/// would mislead more than missing live data (the database has everything).
const STALE: Duration = Duration::from_secs(5);

/// What travels between nodes.
#[derive(Serialize, Deserialize)]
enum Wire {
    Event {
        origin: String,
        event: Event,
    },
    Call {
        id: u64,
        reply_to: String,
        call: RoutedCall,
    },
    Reply {
        id: u64,
        result: Result<Box<RawValue>, CommandError>,
    },
    Kick {
        station_id: String,
        connection_id: u64,
    },
}

type Waiting = oneshot::Sender<Result<Box<RawValue>, CommandError>>;

struct Inner {
    node_id: String,
    prefix: String,
    conn: ConnectionManager,
    local: Fanout,
    outbox: mpsc::Sender<(Instant, String)>,
    /// Events not sent to other nodes since the last report.
    dropped: AtomicU64,
    /// Whether the last publish to Redis failed (to log changes, not every failure).
    failing: AtomicBool,
    pending: Mutex<HashMap<u64, Waiting>>,
    next_id: AtomicU64,
    handler: OnceLock<Arc<dyn NodeHandler>>,
    /// The task publishing the outbox, awaited at shutdown so the last events go out.
    publisher: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// A [`Bus`] shared by the nodes through Redis.
pub struct RedisBus(Arc<Inner>);

impl RedisBus {
    /// Starts listening on this node's channels (reconnecting by itself) until `stop` fires.
    pub fn start(
        url: &str,
        conn: ConnectionManager,
        prefix: &str,
        node_id: &str,
        stop: CancellationToken,
    ) -> Result<Self, BusError> {
        let client = crate::cache::redis::client(url).map_err(BusError::BadUrl)?;
        let (outbox, queued) = mpsc::channel(OUTBOX);
        let inner = Arc::new(Inner {
            node_id: node_id.to_owned(),
            prefix: prefix.to_owned(),
            conn,
            local: Fanout::new(CAPACITY),
            outbox,
            dropped: AtomicU64::new(0),
            failing: AtomicBool::new(false),
            pending: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            handler: OnceLock::new(),
            publisher: Mutex::new(None),
        });
        tokio::spawn(listen(inner.clone(), client, stop.clone()));
        let publisher = tokio::spawn(publish_queued(inner.clone(), queued, stop));
        *inner.publisher.lock().unwrap_or_else(|e| e.into_inner()) = Some(publisher);
        Ok(Self(inner))
    }
}

impl Inner {
    fn events_channel(&self) -> String {
        format!("{}events", self.prefix)
    }

    fn node_channel(&self, node_id: &str) -> String {
        format!("{}node:{node_id}", self.prefix)
    }

    /// Publishes now; the number of nodes that received it.
    async fn send(&self, channel: String, wire: &Wire) -> Result<i64, BusError> {
        let text = serde_json::to_string(wire).map_err(BusError::Encoding)?;
        let mut conn = self.conn.clone();
        conn.publish(channel, text).await.map_err(BusError::Redis)
    }

    fn take_pending(&self, id: u64) -> Option<Waiting> {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id)
    }

    async fn received(self: &Arc<Self>, text: &str) {
        if self.local.is_empty() && text.starts_with(r#"{"Event""#) {
            // No subscriber on this node: not worth decoding.
            return;
        }
        let wire: Wire = match serde_json::from_str(text) {
            Ok(wire) => wire,
            Err(e) => {
                tracing::warn!(error = %e, "unreadable bus message dropped");
                return;
            }
        };
        match wire {
            Wire::Event { origin, event } => {
                if origin != self.node_id {
                    self.local.send(Arc::new(event));
                }
            }
            Wire::Call { id, reply_to, call } => {
                let inner = self.clone();
                tokio::spawn(async move {
                    let result = match inner.handler.get() {
                        Some(handler) => handler.call(call).await,
                        None => Err(CommandError::Unreachable("the node is starting".into())),
                    };
                    let channel = inner.node_channel(&reply_to);
                    if let Err(e) = inner.send(channel, &Wire::Reply { id, result }).await {
                        tracing::warn!(error = %e, "the answer to a routed command was lost");
                    }
                });
            }
            Wire::Reply { id, result } => {
                if let Some(waiting) = self.take_pending(id) {
                    let _ = waiting.send(result);
                }
            }
            Wire::Kick {
                station_id,
                connection_id,
            } => {
                if let Some(handler) = self.handler.get() {
                    handler.kick(&station_id, connection_id);
                }
            }
        }
    }
}

/// Follows this node's channels, reconnecting with a growing pause while Redis is away.
async fn listen(inner: Arc<Inner>, client: Client, stop: CancellationToken) {
    let mut pause = Duration::from_millis(100);
    loop {
        let attempt = tokio::time::timeout(Duration::from_secs(3), client.get_async_pubsub());
        let connected = tokio::select! {
            () = stop.cancelled() => return,
            attempt = attempt => attempt,
        };
        match connected {
            Ok(Ok(mut pubsub)) => {
                let channels = [inner.events_channel(), inner.node_channel(&inner.node_id)];
                match pubsub.subscribe(&channels).await {
                    Ok(()) => {
                        tracing::info!("listening on the Redis bus");
                        pause = Duration::from_millis(100);
                        let mut messages = pubsub.on_message();
                        loop {
                            tokio::select! {
                                () = stop.cancelled() => return,
                                message = messages.next() => match message {
                                    Some(message) => match message.get_payload::<String>() {
                                        Ok(text) => inner.received(&text).await,
                                        Err(e) => tracing::warn!(error = %e, "bus message without text"),
                                    },
                                    None => break,
                                },
                            }
                        }
                        tracing::warn!("lost the Redis bus; reconnecting");
                    }
                    Err(e) => tracing::warn!(error = %e, "cannot subscribe to the Redis bus"),
                }
            }
            Ok(Err(e)) => tracing::debug!(error = %e, "Redis bus unreachable"),
            Err(_) => tracing::debug!("Redis bus connection timed out"),
        }
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(pause) => {}
        }
        pause = (pause * 2).min(Duration::from_secs(5));
    }
}

/// Publishes queued events to the other nodes, a pipeline at a time.
async fn publish_queued(
    inner: Arc<Inner>,
    mut queued: mpsc::Receiver<(Instant, String)>,
    stop: CancellationToken,
) {
    let channel = inner.events_channel();
    let mut batch = Vec::with_capacity(256);
    loop {
        let n = tokio::select! {
            () = stop.cancelled() => {
                // The last events (stations disconnecting at shutdown) still go out.
                queued.close();
                let mut pipe = redis::pipe();
                while let Ok((_, text)) = queued.try_recv() {
                    pipe.publish(&channel, text).ignore();
                }
                let mut conn = inner.conn.clone();
                let last = pipe.query_async::<()>(&mut conn);
                let _ = tokio::time::timeout(Duration::from_secs(1), last).await;
                return;
            }
            n = queued.recv_many(&mut batch, 256) => n,
        };
        if n == 0 {
            return;
        }
        let mut pipe = redis::pipe();
        let mut stale = 0;
        for (queued_at, text) in batch.drain(..) {
            if queued_at.elapsed() > STALE {
                stale += 1;
            } else {
                pipe.publish(&channel, text).ignore();
            }
        }
        inner.dropped.fetch_add(stale, Ordering::Relaxed);
        let mut conn = inner.conn.clone();
        let sent = stale == n as u64 || pipe.query_async::<()>(&mut conn).await.is_ok();
        if !sent {
            inner.dropped.fetch_add(n as u64 - stale, Ordering::Relaxed);
        }
        let was_failing = inner.failing.swap(!sent, Ordering::Relaxed);
        if !sent {
            if !was_failing {
                tracing::warn!("Redis is unreachable: events do not reach the other nodes");
            }
            continue;
        }
        // Reported once per outage, or per batch when events were dropped for being late.
        let dropped = inner.dropped.swap(0, Ordering::Relaxed);
        if was_failing {
            tracing::info!(
                dropped,
                "events reach the other nodes again; those of the outage were not sent"
            );
        } else if dropped > 0 {
            tracing::warn!(dropped, "events were not sent to other nodes in time");
        }
    }
}

/// Removes a routed call's entry from `pending` when the call ends.
struct Forget<'a>(&'a Inner, u64);

impl Drop for Forget<'_> {
    fn drop(&mut self) {
        self.0.take_pending(self.1);
    }
}

#[async_trait]
impl Bus for RedisBus {
    async fn publish(&self, event: Event) -> Result<(), BusError> {
        let wire = Wire::Event {
            origin: self.0.node_id.clone(),
            event,
        };
        let text = serde_json::to_string(&wire).map_err(BusError::Encoding)?;
        if let Wire::Event { event, .. } = wire {
            self.0.local.send(Arc::new(event));
        }
        if self.0.outbox.try_send((Instant::now(), text)).is_err() {
            // Counted and reported by the publishing task; local subscribers have the event.
            self.0.dropped.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    fn subscribe_to(&self, station: Option<&str>) -> BoxStream<'static, Delivery> {
        self.0.local.subscribe(station)
    }

    fn attach(&self, handler: Arc<dyn NodeHandler>) {
        let _ = self.0.handler.set(handler);
    }

    async fn call_node(
        &self,
        node_id: &str,
        call: RoutedCall,
        wait: Duration,
    ) -> Result<Box<RawValue>, CommandError> {
        let id = self.0.next_id.fetch_add(1, Ordering::Relaxed);
        let (waiting, answer) = oneshot::channel();
        self.0
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, waiting);
        // However this ends (answer, error, timeout, or the caller going away), the entry goes.
        let _forget = Forget(&self.0, id);
        let wire = Wire::Call {
            id,
            reply_to: self.0.node_id.clone(),
            call,
        };
        let receivers = match self.0.send(self.0.node_channel(node_id), &wire).await {
            Ok(n) => n,
            Err(e) => {
                return Err(CommandError::Unreachable(format!(
                    "the station is on node {node_id}, and the bus to it is unavailable: {e}"
                )));
            }
        };
        if receivers == 0 {
            // Nobody listens for that node: it crashed (its presence expires soon), or its
            // listener is reconnecting after a Redis outage. Either way it cannot be reached.
            return Err(CommandError::Unreachable(format!(
                "the station is on node {node_id}, which does not answer"
            )));
        }
        match tokio::time::timeout(wait, answer).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(CommandError::Disconnected),
            Err(_) => Err(CommandError::Timeout(wait)),
        }
    }

    async fn kick(
        &self,
        node_id: &str,
        station_id: &str,
        connection_id: u64,
    ) -> Result<(), BusError> {
        let wire = Wire::Kick {
            station_id: station_id.to_owned(),
            connection_id,
        };
        self.0
            .send(self.0.node_channel(node_id), &wire)
            .await
            .map(|_| ())
    }

    async fn flushed(&self) {
        let publisher = self
            .0
            .publisher
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(publisher) = publisher {
            // The task sends what is queued (for at most a second) once the stop token fired.
            let _ = tokio::time::timeout(Duration::from_secs(2), publisher).await;
        }
    }
}
