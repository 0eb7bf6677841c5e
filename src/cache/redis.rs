//! The status cache in Redis, shared by every node: presence (which node holds a station's
//! socket) with a time to live that the holding node refreshes, connector states and the last
//! meter readings.
//!
//! Keys, below a configurable prefix `P` (so that deployments and tests can share a Redis):
//! `P presence:{station}` (hash: connection_id, node_id, connected_at; expires),
//! `P online` (sorted set of stations, scored by when their presence expires),
//! `P connectors:{station}` and `P meter:{station}` (hashes by connector id, JSON values).
//! Everything here can be rebuilt: presence by the nodes' refresh, connector states and meter
//! readings from the database (see `link::node::keep_presence` and `link::node::repair`).
//!
//! No call waits more than [`CALL_TIMEOUT`], and while Redis is unreachable a failed call makes
//! the next calls fail at once for a second, so the OCPP path is slowed by a dead Redis at most
//! once per second and by half a second.

use std::{
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::Duration,
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use prometheus_client::metrics::counter::Counter;
use redis::{
    AsyncCommands, Client, IntoConnectionInfo, Script,
    aio::{ConnectionManager, ConnectionManagerConfig},
    io::tcp::{TcpSettings, socket2::TcpKeepalive},
};

use super::{CacheError, ConnectorState, MeterReading, Presence, Refresh, StatusCache};

/// Presence, connectors and meter readings in Redis.
#[derive(Clone)]
pub struct RedisCache {
    conn: ConnectionManager,
    prefix: String,
    ttl: Duration,
    scripts: Arc<Scripts>,
    /// Until when (ms since the epoch) calls fail without trying, after Redis was unreachable.
    resting_until: Arc<AtomicI64>,
    /// Calls that failed (not those refused at once while resting), for metrics.
    errors: Counter,
}

struct Scripts {
    connect: Script,
    refresh: Script,
    disconnect: Script,
    set_newer: Script,
}

/// How long calls fail at once after Redis was found unreachable.
const REST: Duration = Duration::from_secs(1);

/// How long a cache call may take, connecting included, before it counts as failed (the OCPP
/// path then carries on without the cache). Redis answers in well under a millisecond.
const CALL_TIMEOUT: Duration = Duration::from_millis(500);
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(2);
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(2);

/// A client for `url` whose sockets notice a dead peer: keepalive probes on idle connections
/// (the bus listener only reads) and, on Linux, a limit on unacknowledged data, so a Redis that
/// vanished without a reset is given up within half a minute instead of the kernel's quarter of
/// an hour; no Nagle delay.
pub fn client(url: &str) -> Result<Client, redis::RedisError> {
    let keepalive = TcpKeepalive::new()
        .with_time(Duration::from_secs(10))
        .with_interval(Duration::from_secs(5))
        .with_retries(3);
    let tcp = TcpSettings::default()
        .set_nodelay(true)
        .set_keepalive(keepalive);
    #[cfg(target_os = "linux")]
    let tcp = tcp.set_user_timeout(Duration::from_secs(15));
    let info = url.into_connection_info()?.set_tcp_settings(tcp);
    Client::open(info)
}

/// A connection manager that connects on first use and reconnects by itself.
pub fn connection(url: &str) -> Result<ConnectionManager, CacheError> {
    let client = client(url).map_err(CacheError::BadUrl)?;
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(CONNECTION_TIMEOUT))
        .set_response_timeout(Some(RESPONSE_TIMEOUT))
        .set_number_of_retries(1)
        .set_max_delay(Duration::from_secs(2));
    ConnectionManager::new_lazy_with_config(client, config).map_err(CacheError::Redis)
}

/// Whether `e` means Redis cannot be reached (rather than that it answered with an error).
fn unreachable(e: &redis::RedisError) -> bool {
    e.is_io_error()
        || e.is_timeout()
        || e.is_connection_dropped()
        || e.is_connection_refusal()
        || e.is_unrecoverable_error()
}

fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

const CONNECT: &str = r"
local old = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'connection_id', ARGV[1], 'node_id', ARGV[2], 'connected_at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
return old
";

// 0: taken over by another connection, 1: kept, 2: restored.
const REFRESH: &str = r"
local current = redis.call('HGET', KEYS[1], 'connection_id')
if current and current ~= ARGV[1] then return 0 end
local outcome = 1
if not current then
  redis.call('HSET', KEYS[1], 'connection_id', ARGV[1], 'node_id', ARGV[2], 'connected_at', ARGV[3])
  outcome = 2
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[7])
return outcome
";

const DISCONNECT: &str = r"
if redis.call('HGET', KEYS[1], 'connection_id') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[2])
end
return 1
";

// Writes a connector state or meter reading unless the hash holds a newer one: ARGV[1] is the
// field, ARGV[2] the JSON, ARGV[3] its order (microseconds); the order lives in field "at:{id}".
const SET_NEWER: &str = r"
local at = redis.call('HGET', KEYS[1], 'at:' .. ARGV[1])
if at and tonumber(at) > tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], 'at:' .. ARGV[1], ARGV[3])
return 1
";

fn presence_of(fields: Vec<String>) -> Option<Presence> {
    let mut connection_id = None;
    let mut node_id = None;
    let mut connected_at = None;
    for pair in fields.chunks(2) {
        if let [key, value] = pair {
            match key.as_str() {
                "connection_id" => connection_id = value.parse().ok(),
                "node_id" => node_id = Some(value.clone()),
                "connected_at" => {
                    connected_at = DateTime::parse_from_rfc3339(value)
                        .ok()
                        .map(|t| t.with_timezone(&Utc))
                }
                _ => {}
            }
        }
    }
    Some(Presence {
        connection_id: connection_id?,
        node_id: node_id?,
        connected_at: connected_at?,
    })
}

impl RedisCache {
    /// `prefix` is put before every key; `ttl` is how long a presence lives unless refreshed.
    pub fn new(conn: ConnectionManager, prefix: &str, ttl: Duration) -> Self {
        Self {
            conn,
            prefix: prefix.to_owned(),
            ttl,
            scripts: Arc::new(Scripts {
                connect: Script::new(CONNECT),
                refresh: Script::new(REFRESH),
                disconnect: Script::new(DISCONNECT),
                set_newer: Script::new(SET_NEWER),
            }),
            resting_until: Arc::new(AtomicI64::new(0)),
            errors: Counter::default(),
        }
    }

    /// Counts failed calls on `errors` (the server's metrics) instead of a counter of its own.
    pub fn counting_errors(mut self, errors: Counter) -> Self {
        self.errors = errors;
        self
    }

    /// Runs one Redis call, unless Redis was found unreachable less than [`REST`] ago.
    async fn call<T>(
        &self,
        f: impl Future<Output = redis::RedisResult<T>>,
    ) -> Result<T, CacheError> {
        if now_ms() < self.resting_until.load(Ordering::Relaxed) {
            return Err(CacheError::BreakerOpen);
        }
        let rest = || {
            let rest = i64::try_from(REST.as_millis()).unwrap_or(i64::MAX);
            self.resting_until
                .store(now_ms().saturating_add(rest), Ordering::Relaxed);
        };
        match tokio::time::timeout(CALL_TIMEOUT, f).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) if unreachable(&e) => {
                self.errors.inc();
                rest();
                Err(CacheError::Unreachable(e))
            }
            Ok(Err(e)) => {
                self.errors.inc();
                Err(CacheError::Redis(e))
            }
            Err(_) => {
                self.errors.inc();
                rest();
                Err(CacheError::Timeout(CALL_TIMEOUT))
            }
        }
    }

    fn key(&self, kind: &str, station_id: &str) -> String {
        format!("{}{kind}:{station_id}", self.prefix)
    }

    fn online(&self) -> String {
        format!("{}online", self.prefix)
    }

    fn ttl_ms(&self) -> i64 {
        i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX)
    }

    async fn presence_script<T: redis::FromRedisValue>(
        &self,
        script: &Script,
        station_id: &str,
        presence: &Presence,
    ) -> Result<T, CacheError> {
        let mut conn = self.conn.clone();
        let mut invocation = script.prepare_invoke();
        invocation
            .key(self.key("presence", station_id))
            .key(self.online())
            .arg(presence.connection_id.to_string())
            .arg(&presence.node_id)
            .arg(presence.connected_at.to_rfc3339())
            .arg(self.ttl_ms())
            .arg(now_ms().saturating_add(self.ttl_ms()))
            .arg(station_id)
            // Stations whose presence expired (their node crashed) leave the online set.
            .arg(now_ms());
        self.call(invocation.invoke_async(&mut conn)).await
    }

    /// Writes `json` into field `connector_id` of `key` unless a newer value (by `at`) is there.
    async fn set_newer(
        &self,
        key: String,
        connector_id: i32,
        json: String,
        at: DateTime<Utc>,
    ) -> Result<(), CacheError> {
        let mut conn = self.conn.clone();
        let mut invocation = self.scripts.set_newer.prepare_invoke();
        invocation
            .key(key)
            .arg(connector_id)
            .arg(json)
            // A station's clock in the future must not freeze the value until that time.
            .arg(at.min(Utc::now()).timestamp_micros());
        let _: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(())
    }
}

#[async_trait]
impl StatusCache for RedisCache {
    async fn station_connected(
        &self,
        station_id: &str,
        presence: Presence,
    ) -> Result<Option<Presence>, CacheError> {
        let old: Vec<String> = self
            .presence_script(&self.scripts.connect, station_id, &presence)
            .await?;
        Ok(presence_of(old))
    }

    async fn refresh_presence(
        &self,
        station_id: &str,
        presence: &Presence,
    ) -> Result<Refresh, CacheError> {
        let outcome: i64 = self
            .presence_script(&self.scripts.refresh, station_id, presence)
            .await?;
        Ok(match outcome {
            0 => Refresh::TakenOver,
            2 => Refresh::Restored,
            _ => Refresh::Kept,
        })
    }

    async fn station_disconnected(
        &self,
        station_id: &str,
        connection_id: u64,
    ) -> Result<(), CacheError> {
        let mut conn = self.conn.clone();
        let mut invocation = self.scripts.disconnect.prepare_invoke();
        invocation
            .key(self.key("presence", station_id))
            .key(self.online())
            .arg(connection_id.to_string())
            .arg(station_id);
        let _: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(())
    }

    async fn presence(&self, station_id: &str) -> Result<Option<Presence>, CacheError> {
        let mut conn = self.conn.clone();
        let fields: Vec<String> = self
            .call(conn.hgetall(self.key("presence", station_id)))
            .await?;
        Ok(presence_of(fields))
    }

    async fn connected_stations(&self) -> Result<Vec<String>, CacheError> {
        let mut conn = self.conn.clone();
        let now = now_ms();
        // Forget stations whose presence expired (their node stopped refreshing).
        let (_, mut ids): (i64, Vec<String>) = self
            .call(
                redis::pipe()
                    .atomic()
                    .zrembyscore(self.online(), "-inf", now)
                    .zrangebyscore(self.online(), format!("({now}"), "+inf")
                    .query_async(&mut conn),
            )
            .await?;
        ids.sort();
        Ok(ids)
    }

    async fn set_connector(
        &self,
        station_id: &str,
        state: ConnectorState,
    ) -> Result<(), CacheError> {
        let json = serde_json::to_string(&state).map_err(CacheError::Encoding)?;
        self.set_newer(
            self.key("connectors", station_id),
            state.connector_id,
            json,
            state.received_at,
        )
        .await
    }

    async fn connectors(&self, station_id: &str) -> Result<Vec<ConnectorState>, CacheError> {
        let mut conn = self.conn.clone();
        let fields: Vec<(String, String)> = self
            .call(conn.hgetall(self.key("connectors", station_id)))
            .await?;
        let mut states: Vec<ConnectorState> = fields
            .iter()
            .filter(|(field, _)| !field.starts_with("at:"))
            .filter_map(|(_, v)| serde_json::from_str(v).ok())
            .collect();
        states.sort_by_key(|s| s.connector_id);
        Ok(states)
    }

    async fn set_last_meter(
        &self,
        station_id: &str,
        reading: MeterReading,
    ) -> Result<(), CacheError> {
        let json = serde_json::to_string(&reading).map_err(CacheError::Encoding)?;
        self.set_newer(
            self.key("meter", station_id),
            reading.connector_id,
            json,
            reading.timestamp,
        )
        .await
    }

    async fn last_meter(
        &self,
        station_id: &str,
        connector_id: i32,
    ) -> Result<Option<MeterReading>, CacheError> {
        let mut conn = self.conn.clone();
        let value: Option<String> = self
            .call(conn.hget(self.key("meter", station_id), connector_id))
            .await?;
        Ok(value.and_then(|v| serde_json::from_str(&v).ok()))
    }

    fn breaker_open(&self) -> bool {
        now_ms() < self.resting_until.load(Ordering::Relaxed)
    }

    async fn ping(&self) -> Result<(), CacheError> {
        let mut conn = self.conn.clone();
        let _: String = self.call(redis::cmd("PING").query_async(&mut conn)).await?;
        Ok(())
    }
}
