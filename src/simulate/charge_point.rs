//! One simulated charge point: connects (from its source address, with Basic auth when
//! configured), boots, reports its connectors, then heartbeats, samples meter values on
//! schedule, runs authorise/start/meter/stop cycles and answers every server command the way
//! a well-behaved station does. One CALL in flight at a time, as OCPP-J requires; sends that
//! come due while one is in flight wait in a queue and are timed from their scheduled time.
//!
//! A station speaks OCPP 1.6 (here) or OCPP 2.0.1 ([`v201`]: the same station, its messages in
//! 2.0.1's shape: transactions as TransactionEvents, connectors as EVSEs).

use std::{
    collections::VecDeque,
    fmt::Write as _,
    net::{IpAddr, SocketAddr},
    sync::{Arc, atomic::Ordering::Relaxed},
    time::{Duration, Instant, SystemTime},
};

use base64::Engine as _;
use chrono::{DateTime, SecondsFormat, Utc};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream,
    tungstenite::{
        Message,
        client::IntoClientRequest,
        http::{HeaderValue, header},
        protocol::WebSocketConfig,
    },
};
use tokio_util::sync::CancellationToken;

use super::stats::Stats;

mod v201;

/// A 2.0.1 station's id token type: the simulated card is an RFID card, as most fleets' are.
const CARD: &str = "ISO14443";

/// A 2.0.1 BootNotification's payload, with its reason.
fn boot_payload_v201(reason: &str) -> String {
    format!(
        r#"{{"reason":"{reason}","chargingStation":{{"vendorName":"chargegate","model":"simulator","firmwareVersion":"{}"}}}}"#,
        env!("CARGO_PKG_VERSION")
    )
}

pub(super) type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// How MeterValues are paced.
#[derive(Clone, Copy, Debug)]
pub enum Pacing {
    /// No periodic MeterValues.
    Off,
    /// Each connector samples every `interval`, on a fixed schedule (open loop); the
    /// connectors of the whole fleet are spread evenly over the interval.
    Every(Duration),
    /// The next MeterValues as soon as the last was answered (closed loop).
    ClosedLoop,
}

/// The message the paced load sends (the rest of a station's traffic is unchanged).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMessage {
    /// MeterValues with `--measurands` sampled values.
    MeterValues,
    /// Heartbeat.
    Heartbeat,
    /// DataTransfer with a vendor id the server does not know (nothing to store).
    DataTransfer,
}

/// The OCPP version(s) a fleet speaks (`--ocpp`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ocpp {
    /// OCPP 1.6J: subprotocol `ocpp1.6`, the load as MeterValues.
    #[value(name = "1.6")]
    V16,
    /// OCPP 2.0.1: subprotocol `ocpp2.0.1`, transactions as TransactionEvents, the load as
    /// TransactionEvent Updated (MeterValuePeriodic) while charging, MeterValues otherwise.
    #[value(name = "2.0.1")]
    V201,
    /// Half and half: stations with an odd number speak 2.0.1, those with an even one 1.6.
    Mixed,
}

impl Ocpp {
    /// As `--ocpp` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::V16 => "1.6",
            Self::V201 => "2.0.1",
            Self::Mixed => "mixed",
        }
    }

    /// Whether station `index` (its number, `--first-index` included) speaks 2.0.1.
    pub fn speaks_201(self, index: usize) -> bool {
        match self {
            Self::V16 => false,
            Self::V201 => true,
            Self::Mixed => index % 2 == 1,
        }
    }
}

/// What every station of a run shares.
#[derive(Debug)]
pub struct Plan {
    /// The OCPP endpoint without the station id, without a trailing slash.
    pub base_url: String,
    /// Where `base_url` points, resolved once.
    pub server: SocketAddr,
    pub sources: Vec<IpAddr>,
    pub id_prefix: String,
    pub total_stations: usize,
    pub auth_key: Option<String>,
    /// The version(s) the stations speak.
    pub ocpp: Ocpp,
    pub connectors: u32,
    /// A station's connectors share one slot of the schedule (see `--aligned-connectors`).
    pub aligned_connectors: bool,
    pub heartbeat: Option<Duration>,
    pub pacing: Pacing,
    /// What the paced load sends.
    pub message: LoadMessage,
    pub measurands: usize,
    pub charge_for: Option<Duration>,
    pub pause: Duration,
    pub id_tag: String,
    pub call_timeout: Duration,
    /// Most sends a station keeps waiting; beyond that, new meter samples are dropped (and
    /// counted) rather than queued without end.
    pub max_queue: usize,
    /// An instant and the wall-clock time it stands for (timestamps of scheduled sends).
    pub epoch: (Instant, SystemTime),
    /// Fires before `stop`, once the window has closed: stations send nothing new (they still
    /// answer the server and take the answers to what is in flight) and no new GraphQL command
    /// goes out, so that the counts, taken once that has settled, cover every message sent.
    pub quiet: CancellationToken,
    pub stop: CancellationToken,
    pub stats: Arc<Stats>,
}

impl Plan {
    pub fn station_id(&self, index: usize) -> String {
        format!("{}{index:05}", self.id_prefix)
    }

    /// The id tag a station's connector presents: `--id-tag` with `{station}` and `{connector}`
    /// replaced (one tag per connector, so that a fleet's sessions can run at once).
    fn id_tag(&self, station: &str, connector: u32) -> String {
        self.id_tag
            .replace("{station}", station)
            .replace("{connector}", &connector.to_string())
    }

    fn wall(&self, at: Instant) -> DateTime<Utc> {
        let (instant, system) = self.epoch;
        let system = match at.checked_duration_since(instant) {
            Some(after) => system + after,
            None => system - (instant - at),
        };
        system.into()
    }
}

/// The measurands a station samples, in order; `--measurands N` takes the first N.
const MEASURANDS: [(&str, &str, Option<&str>); 8] = [
    ("Energy.Active.Import.Register", "Wh", None),
    ("Power.Active.Import", "W", None),
    ("Current.Import", "A", Some("L1")),
    ("Voltage", "V", Some("L1-N")),
    ("SoC", "Percent", None),
    ("Current.Offered", "A", None),
    ("Power.Offered", "W", None),
    ("Temperature", "Celsius", None),
];

pub const MAX_MEASURANDS: usize = MEASURANDS.len();

/// Runs station `index` until the plan's stop token fires, reconnecting when the connection
/// is lost (as stations do, with a growing back-off).
pub async fn run(plan: Arc<Plan>, index: usize) {
    let mut backoff = Duration::from_secs(1);
    let mut state = Station::new(&plan, index);
    while !plan.stop.is_cancelled() {
        let ws = tokio::select! {
            () = plan.stop.cancelled() => return,
            ws = connect(&plan, index) => ws,
        };
        match ws {
            Ok(ws) => {
                backoff = Duration::from_secs(1);
                plan.stats.connects.fetch_add(1, Relaxed);
                plan.stats.connected.fetch_add(1, Relaxed);
                let end = state.session(&plan, ws).await;
                plan.stats.connected.fetch_sub(1, Relaxed);
                match end {
                    End::Stopped => return,
                    End::Reset => continue,
                    End::Lost(why) => {
                        plan.stats.disconnects.fetch_add(1, Relaxed);
                        plan.stats
                            .note_error(format!("{}: connection lost: {why}", state.id));
                    }
                }
            }
            Err(e) => {
                plan.stats.connect_failures.fetch_add(1, Relaxed);
                plan.stats
                    .note_error(format!("{}: cannot connect: {e}", state.id));
            }
        }
        // Spread the retries of many stations (index-based jitter up to a quarter).
        let jitter = backoff.mul_f64((index % 97) as f64 / 388.0);
        tokio::select! {
            () = plan.stop.cancelled() => return,
            () = tokio::time::sleep(backoff + jitter) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(30));
    }
}

/// A TCP connection to `server` from the `index`th source address (round robin over
/// `plan.sources`, which are on 127.0.0.0/8, so only when `server` is too; otherwise the
/// system's choice). Stations and subscribers share it.
pub(super) async fn tcp_connect(
    plan: &Plan,
    index: usize,
    server: SocketAddr,
) -> anyhow::Result<TcpStream> {
    let socket = if server.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    let loopback_v4 = matches!(server.ip(), std::net::IpAddr::V4(ip) if ip.is_loopback());
    if !plan.sources.is_empty() && loopback_v4 {
        // An explicit bind picks its port before knowing the server's, so ports held in
        // TIME_WAIT by an earlier run would be refused; SO_REUSEADDR lets bind take them
        // (the connection itself still needs a free address-and-port pair).
        socket.set_reuseaddr(true)?;
        socket.bind(SocketAddr::new(plan.sources[index % plan.sources.len()], 0))?;
    }
    socket.set_nodelay(true)?;
    Ok(socket.connect(server).await?)
}

async fn connect(plan: &Plan, index: usize) -> anyhow::Result<Ws> {
    let id = plan.station_id(index);
    let subprotocol = if plan.ocpp.speaks_201(index) {
        "ocpp2.0.1"
    } else {
        "ocpp1.6"
    };
    let mut request = format!("{}/{id}", plan.base_url).into_client_request()?;
    let headers = request.headers_mut();
    headers.insert(
        header::SEC_WEBSOCKET_PROTOCOL,
        HeaderValue::from_static(subprotocol),
    );
    if let Some(key) = &plan.auth_key {
        let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{key}"));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Basic {credentials}"))?,
        );
    }
    // Small buffers: tens of thousands of stations share this process.
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let handshake = async {
        let stream = tcp_connect(plan, index, plan.server).await?;
        let (ws, response) =
            tokio_tungstenite::client_async_tls_with_config(request, stream, Some(config), None)
                .await?;
        let protocol = response.headers().get(header::SEC_WEBSOCKET_PROTOCOL);
        anyhow::ensure!(
            protocol.is_some_and(|p| p == subprotocol),
            "the server did not agree to {subprotocol} (it answered {protocol:?})"
        );
        Ok(ws)
    };
    tokio::time::timeout(Duration::from_secs(30), handshake)
        .await
        .map_err(|_| anyhow::anyhow!("the handshake took over 30 s"))?
}

enum End {
    Stopped,
    Reset,
    Lost(String),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Boot,
    Status { last: bool },
    Heartbeat,
    Meter,
    Authorize(usize),
    Start(usize),
    Stop(usize),
    Other,
}

struct Out {
    action: &'static str,
    /// What the stats count it as (the action, or for a 2.0.1 TransactionEvent its event type).
    label: &'static str,
    payload: String,
    scheduled: Instant,
    kind: Kind,
}

struct InFlight {
    id: String,
    /// The stats' name of it (see [`Out::label`]).
    label: &'static str,
    kind: Kind,
    scheduled: Instant,
    sent: Instant,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Cycle {
    Idle,
    Busy,
    Charging,
}

struct Connector {
    id: u32,
    cycle: Cycle,
    /// 1.6: the server's transaction id; 2.0.1: the number in the station's own id.
    transaction: Option<i64>,
    id_tag: Option<String>,
    /// 2.0.1: the id token's type (`ISO14443` for the simulated card, else as the CSMS sent it).
    token_type: Option<String>,
    /// 2.0.1: the next TransactionEvent's seqNo within the transaction.
    seq_no: u32,
    /// 2.0.1: the remoteStartId of a transaction started by RequestStartTransaction.
    remote_start_id: Option<i64>,
    energy_wh: u64,
    next_meter: Option<Instant>,
    next_cycle: Option<Instant>,
}

/// What a station keeps across reconnections: its transactions and meter registers.
struct Station {
    id: String,
    index: usize,
    connectors: Vec<Connector>,
    heartbeat: Duration,
    meter_interval: Option<Duration>,
    next_heartbeat: Option<Instant>,
    next_boot: Option<Instant>,
    ready_once: bool,
    closed_loop_next: usize,
    message_id: u64,
    queue: VecDeque<Out>,
    in_flight: Option<InFlight>,
    reset_after_drain: bool,
    /// Speaks OCPP 2.0.1 (else 1.6).
    v201: bool,
    /// 2.0.1: the number of its last own transaction id (its transaction ids are made in the
    /// 2.0.1 module).
    last_tx: i64,
    /// 2.0.1: the reason of the next BootNotification.
    boot_reason: &'static str,
    /// 2.0.1: a Reset (OnIdle) waits for the last transaction to end.
    reset_when_idle: bool,
}

impl Station {
    fn new(plan: &Plan, index: usize) -> Self {
        Self {
            id: plan.station_id(index),
            index,
            connectors: (1..=plan.connectors)
                .map(|id| Connector {
                    id,
                    cycle: Cycle::Idle,
                    transaction: None,
                    id_tag: None,
                    token_type: None,
                    seq_no: 0,
                    remote_start_id: None,
                    energy_wh: 1_000 * index as u64,
                    next_meter: None,
                    next_cycle: None,
                })
                .collect(),
            heartbeat: Duration::from_secs(300),
            meter_interval: match plan.pacing {
                Pacing::Every(interval) => Some(interval),
                _ => None,
            },
            next_heartbeat: None,
            next_boot: None,
            ready_once: false,
            closed_loop_next: 0,
            message_id: 0,
            queue: VecDeque::new(),
            in_flight: None,
            reset_after_drain: false,
            v201: plan.ocpp.speaks_201(index),
            last_tx: 0,
            boot_reason: "PowerUp",
            reset_when_idle: false,
        }
    }

    /// One connection, from BootNotification until it ends.
    async fn session(&mut self, plan: &Plan, mut ws: Ws) -> End {
        self.queue.clear();
        self.in_flight = None;
        self.next_heartbeat = None;
        self.next_boot = None;
        self.reset_after_drain = false;
        self.reset_when_idle = false;
        for c in &mut self.connectors {
            c.next_meter = None;
            c.next_cycle = None;
        }
        let now = Instant::now();
        self.push_boot(plan, now);
        loop {
            if self.in_flight.is_none() && !plan.quiet.is_cancelled() {
                if self.reset_after_drain && self.queue.is_empty() {
                    let _ = ws.close(None).await;
                    return End::Reset;
                }
                if self.queue.is_empty()
                    && matches!(plan.pacing, Pacing::ClosedLoop)
                    && self.ready_once
                    && self.next_boot.is_none()
                {
                    let c = self.closed_loop_next % self.connectors.len();
                    self.closed_loop_next += 1;
                    self.push_load(plan, c, Instant::now());
                }
                if let Some(out) = self.queue.pop_front()
                    && let Err(e) = self.send(plan, &mut ws, out).await
                {
                    return End::Lost(e);
                }
            }
            let deadline = self.deadline(plan);
            tokio::select! {
                () = plan.stop.cancelled() => {
                    let _ = ws.close(None).await;
                    return End::Stopped;
                }
                frame = ws.next() => match frame {
                    Some(Ok(Message::Text(text))) => {
                        if let Err(e) = self.on_frame(plan, &mut ws, text.as_str()).await {
                            return End::Lost(e);
                        }
                    }
                    Some(Ok(Message::Close(frame))) => {
                        return End::Lost(format!("closed by the server: {frame:?}"));
                    }
                    Some(Ok(_)) => {}
                    Some(Err(e)) => return End::Lost(e.to_string()),
                    None => return End::Lost("connection closed".into()),
                },
                () = tokio::time::sleep_until(deadline.into()) => self.on_timers(plan),
            }
        }
    }

    fn push(
        &mut self,
        plan: &Plan,
        action: &'static str,
        payload: String,
        scheduled: Instant,
        kind: Kind,
    ) {
        self.push_labelled(plan, action, action, payload, scheduled, kind);
    }

    /// Queues a call the stats count as `label`.
    fn push_labelled(
        &mut self,
        plan: &Plan,
        action: &'static str,
        label: &'static str,
        payload: String,
        scheduled: Instant,
        kind: Kind,
    ) {
        if kind == Kind::Meter && self.queue.len() >= plan.max_queue {
            plan.stats.dropped.fetch_add(1, Relaxed);
            return;
        }
        self.queue.push_back(Out {
            action,
            label,
            payload,
            scheduled,
            kind,
        });
    }

    /// Queues a BootNotification.
    fn push_boot(&mut self, plan: &Plan, now: Instant) {
        let payload = if self.v201 {
            boot_payload_v201(std::mem::replace(&mut self.boot_reason, "PowerUp"))
        } else {
            boot_payload()
        };
        self.push(plan, "BootNotification", payload, now, Kind::Boot);
    }

    /// Queues notification `action` with nothing going on (`"status":"Idle"`).
    fn push_idle(&mut self, plan: &Plan, action: &'static str, now: Instant) {
        self.push(
            plan,
            action,
            r#"{"status":"Idle"}"#.into(),
            now,
            Kind::Other,
        );
    }

    async fn send(&mut self, plan: &Plan, ws: &mut Ws, out: Out) -> Result<(), String> {
        self.message_id += 1;
        let id = self.message_id.to_string();
        let frame = format!(r#"[2,"{id}","{}",{}]"#, out.action, out.payload);
        plan.stats.sent(out.label);
        ws.send(Message::text(frame))
            .await
            .map_err(|e| e.to_string())?;
        self.in_flight = Some(InFlight {
            id,
            label: out.label,
            kind: out.kind,
            scheduled: out.scheduled,
            sent: Instant::now(),
        });
        Ok(())
    }

    /// The next instant something is due: a timer, or the in-flight call's timeout.
    fn deadline(&self, plan: &Plan) -> Instant {
        let far = Instant::now() + Duration::from_secs(3600);
        let timers = self
            .connectors
            .iter()
            .flat_map(|c| [c.next_meter, c.next_cycle])
            .chain([self.next_heartbeat, self.next_boot])
            .flatten();
        let timeout = self.in_flight.as_ref().map(|f| f.sent + plan.call_timeout);
        timers.chain(timeout).min().unwrap_or(far)
    }

    fn on_timers(&mut self, plan: &Plan) {
        let now = Instant::now();
        if let Some(f) = &self.in_flight
            && f.sent + plan.call_timeout <= now
        {
            plan.stats.timed_out(f.label);
            let kind = f.kind;
            self.in_flight = None;
            self.failed(plan, kind, now);
        }
        if self.next_boot.is_some_and(|t| t <= now) {
            self.next_boot = None;
            self.push_boot(plan, now);
        }
        if let Some(t) = self.next_heartbeat.filter(|t| *t <= now) {
            self.next_heartbeat = Some(now + self.heartbeat);
            self.push(plan, "Heartbeat", "{}".into(), t, Kind::Heartbeat);
        }
        for c in 0..self.connectors.len() {
            if let Some(t) = self.connectors[c].next_meter.filter(|t| *t <= now) {
                let interval = self.meter_interval.unwrap_or(Duration::from_secs(60));
                // The schedule moves on from when the sample was due, not from now.
                let mut next = t + interval;
                if next <= now {
                    next = now + interval;
                }
                self.connectors[c].next_meter = Some(next);
                self.push_load(plan, c, t);
            }
            if self.connectors[c].next_cycle.is_some_and(|t| t <= now) {
                self.connectors[c].next_cycle = None;
                self.cycle_step(plan, c, now);
            }
        }
    }

    /// Moves connector `c` along authorise → start → (charge) → stop → (pause).
    fn cycle_step(&mut self, plan: &Plan, c: usize, now: Instant) {
        let connector = &mut self.connectors[c];
        match connector.cycle {
            Cycle::Idle => {
                connector.cycle = Cycle::Busy;
                let tag = plan.id_tag(&self.id, connector.id);
                let payload = if self.v201 {
                    json!({ "idToken": { "idToken": tag, "type": CARD } })
                } else {
                    json!({ "idTag": tag })
                }
                .to_string();
                self.push(plan, "Authorize", payload, now, Kind::Authorize(c));
            }
            Cycle::Charging => self.push_stop(plan, c, "Local", now),
            Cycle::Busy => {}
        }
    }

    fn push_start(&mut self, plan: &Plan, c: usize, id_tag: String, now: Instant) {
        if self.v201 {
            return self.push_started(plan, c, id_tag, CARD.to_owned(), None, now);
        }
        let connector = &mut self.connectors[c];
        connector.cycle = Cycle::Busy;
        let payload = json!({
            "connectorId": connector.id,
            "idTag": id_tag,
            "meterStart": connector.energy_wh,
            "timestamp": stamp(plan.wall(now)),
        })
        .to_string();
        connector.id_tag = Some(id_tag);
        self.push(plan, "StartTransaction", payload, now, Kind::Start(c));
    }

    fn push_stop(&mut self, plan: &Plan, c: usize, reason: &str, now: Instant) {
        if self.v201 {
            return self.push_ended(plan, c, reason, now);
        }
        let connector = &mut self.connectors[c];
        let Some(transaction) = connector.transaction else {
            return;
        };
        connector.cycle = Cycle::Busy;
        let payload = json!({
            "transactionId": transaction,
            "idTag": connector.id_tag,
            "meterStop": connector.energy_wh,
            "timestamp": stamp(plan.wall(now)),
            "reason": reason,
        })
        .to_string();
        self.push(plan, "StopTransaction", payload, now, Kind::Stop(c));
    }

    /// Queues the StatusNotification of connector `connector_id` (1.6's words: `Available`,
    /// `Charging`, `Unavailable`; a 2.0.1 station says them as 2.0.1 does, of EVSE
    /// `connector_id`'s connector 1, and has nothing to say of connector 0).
    fn push_status(&mut self, plan: &Plan, connector_id: u32, status: &str, last: bool) {
        if self.v201 {
            return self.push_evse_status(plan, connector_id, status, last);
        }
        let now = Instant::now();
        let payload = format!(
            r#"{{"connectorId":{connector_id},"errorCode":"NoError","status":"{status}","timestamp":"{}"}}"#,
            stamp(plan.wall(now))
        );
        self.push(
            plan,
            "StatusNotification",
            payload,
            now,
            Kind::Status { last },
        );
    }

    /// The paced load's next message, for connector `c`, due at `scheduled`.
    fn push_load(&mut self, plan: &Plan, c: usize, scheduled: Instant) {
        match plan.message {
            LoadMessage::MeterValues => self.push_meter(plan, c, scheduled),
            LoadMessage::Heartbeat => {
                self.push(plan, "Heartbeat", "{}".into(), scheduled, Kind::Meter);
            }
            LoadMessage::DataTransfer => {
                let payload = format!(
                    r#"{{"vendorId":"org.chargegate.simulator","messageId":"load","data":"{}"}}"#,
                    self.connectors[c].id
                );
                self.push(plan, "DataTransfer", payload, scheduled, Kind::Meter);
            }
        }
    }

    fn push_meter(&mut self, plan: &Plan, c: usize, scheduled: Instant) {
        if self.v201 {
            return self.push_meter_201(plan, c, scheduled);
        }
        let connector = &mut self.connectors[c];
        let charging = connector.cycle == Cycle::Charging;
        let power_w: u64 = if charging { 7_200 } else { 0 };
        let seconds = self.meter_interval.map_or(1.0, |d| d.as_secs_f64());
        connector.energy_wh += (power_w as f64 * seconds / 3600.0) as u64 + u64::from(charging);
        let mut payload = String::with_capacity(128 + 96 * plan.measurands);
        let _ = write!(payload, r#"{{"connectorId":{}"#, connector.id);
        if let Some(tx) = connector.transaction.filter(|_| charging) {
            let _ = write!(payload, r#","transactionId":{tx}"#);
        }
        let _ = write!(
            payload,
            r#","meterValue":[{{"timestamp":"{}","sampledValue":["#,
            stamp(plan.wall(scheduled))
        );
        for (i, (measurand, unit, phase)) in MEASURANDS.iter().take(plan.measurands).enumerate() {
            let value = match i {
                0 => connector.energy_wh.to_string(),
                1 | 6 => power_w.to_string(),
                2 | 5 => if charging { "32.0" } else { "0.0" }.to_owned(),
                3 => "230.1".to_owned(),
                4 => (20 + connector.energy_wh % 80).to_string(),
                _ => "31.5".to_owned(),
            };
            if i > 0 {
                payload.push(',');
            }
            let _ = write!(
                payload,
                r#"{{"value":"{value}","context":"Sample.Periodic","measurand":"{measurand}","unit":"{unit}""#
            );
            if let Some(phase) = phase {
                let _ = write!(payload, r#","phase":"{phase}""#);
            }
            payload.push('}');
        }
        payload.push_str("]}]}");
        self.push(plan, "MeterValues", payload, scheduled, Kind::Meter);
    }

    async fn on_frame(&mut self, plan: &Plan, ws: &mut Ws, text: &str) -> Result<(), String> {
        let Ok(Value::Array(frame)) = serde_json::from_str::<Value>(text) else {
            plan.stats.protocol_errors.fetch_add(1, Relaxed);
            return Ok(());
        };
        let id = frame.get(1).and_then(Value::as_str).unwrap_or_default();
        match frame.first().and_then(Value::as_u64) {
            Some(2) => {
                let action = frame.get(2).and_then(Value::as_str).unwrap_or_default();
                let payload = frame.get(3).cloned().unwrap_or(Value::Null);
                plan.stats.server_calls.fetch_add(1, Relaxed);
                let reply = match self.on_server_call(plan, action, &payload) {
                    Some(answer) => json!([3, id, answer]),
                    None => {
                        plan.stats.server_calls_unsupported.fetch_add(1, Relaxed);
                        json!([
                            4,
                            id,
                            "NotImplemented",
                            format!("{action} is not simulated"),
                            {}
                        ])
                    }
                };
                ws.send(Message::text(reply.to_string()))
                    .await
                    .map_err(|e| e.to_string())?;
            }
            Some(kind @ (3 | 4)) => {
                let Some(f) = self.in_flight.take_if(|f| f.id == id) else {
                    plan.stats.protocol_errors.fetch_add(1, Relaxed);
                    return Ok(());
                };
                let now = Instant::now();
                if kind == 3 {
                    plan.stats.answered(f.label, f.scheduled, None);
                    let payload = frame.get(2).cloned().unwrap_or(Value::Null);
                    self.on_answer(plan, f.kind, &payload, now);
                } else {
                    let code = frame.get(2).and_then(Value::as_str).unwrap_or("?");
                    plan.stats.answered(f.label, f.scheduled, Some(code));
                    self.failed(plan, f.kind, now);
                }
            }
            _ => {
                plan.stats.protocol_errors.fetch_add(1, Relaxed);
            }
        }
        Ok(())
    }

    fn on_answer(&mut self, plan: &Plan, kind: Kind, payload: &Value, now: Instant) {
        let info = if self.v201 {
            "/idTokenInfo/status"
        } else {
            "/idTagInfo/status"
        };
        let status = |v: &Value| v.pointer(info).and_then(Value::as_str).map(str::to_owned);
        match kind {
            Kind::Boot => {
                if payload["status"] != "Accepted" {
                    let interval = payload["interval"]
                        .as_u64()
                        .filter(|i| *i > 0)
                        .unwrap_or(10);
                    self.next_boot = Some(now + Duration::from_secs(interval));
                    return;
                }
                let offered = payload["interval"].as_u64().filter(|i| *i > 0);
                self.heartbeat = plan
                    .heartbeat
                    .or(offered.map(Duration::from_secs))
                    .unwrap_or(Duration::from_secs(300));
                for connector_id in 0..=plan.connectors {
                    let charging = connector_id > 0
                        && self.connectors[connector_id as usize - 1]
                            .transaction
                            .is_some();
                    let status = if charging { "Charging" } else { "Available" };
                    self.push_status(plan, connector_id, status, connector_id == plan.connectors);
                }
            }
            Kind::Status { last: true } => self.ready(plan, now),
            Kind::Authorize(c) => {
                if status(payload).as_deref() == Some("Accepted") {
                    let id_tag = plan.id_tag(&self.id, self.connectors[c].id);
                    self.push_start(plan, c, id_tag, now);
                } else {
                    self.idle(plan, c, now);
                }
            }
            Kind::Start(c) if self.v201 => self.on_started(plan, c, status(payload), now),
            Kind::Start(c) => {
                let transaction = payload["transactionId"].as_i64();
                self.connectors[c].transaction = transaction;
                if status(payload).as_deref() == Some("Accepted") && transaction.is_some() {
                    let connector = &mut self.connectors[c];
                    connector.cycle = Cycle::Charging;
                    connector.next_cycle = plan.charge_for.map(|d| now + d);
                    let id = connector.id;
                    self.push_status(plan, id, "Charging", false);
                } else {
                    self.push_stop(plan, c, "DeAuthorized", now);
                }
            }
            Kind::Stop(c) => {
                self.connectors[c].transaction = None;
                self.connectors[c].id_tag = None;
                self.idle(plan, c, now);
                let id = self.connectors[c].id;
                self.push_status(plan, id, "Available", false);
                if self.reset_when_idle && self.connectors.iter().all(|c| c.transaction.is_none()) {
                    self.reset_after_drain = true;
                }
            }
            Kind::Status { last: false } | Kind::Heartbeat | Kind::Meter | Kind::Other => {}
        }
    }

    /// A call that got a CallError or no answer.
    fn failed(&mut self, plan: &Plan, kind: Kind, now: Instant) {
        match kind {
            Kind::Boot => self.next_boot = Some(now + Duration::from_secs(10)),
            Kind::Status { last: true } => self.ready(plan, now),
            Kind::Authorize(c) | Kind::Start(c) => {
                self.connectors[c].transaction = None;
                self.idle(plan, c, now);
            }
            // The station keeps the transaction and tries to stop it again later.
            Kind::Stop(c) => {
                self.connectors[c].cycle = Cycle::Charging;
                self.connectors[c].next_cycle = Some(now + Duration::from_secs(10));
            }
            Kind::Status { last: false } | Kind::Heartbeat | Kind::Meter | Kind::Other => {}
        }
    }

    fn idle(&mut self, plan: &Plan, c: usize, now: Instant) {
        let connector = &mut self.connectors[c];
        connector.cycle = Cycle::Idle;
        connector.next_cycle = plan.charge_for.map(|_| now + plan.pause);
    }

    /// Accepted and every connector reported: start the timers.
    fn ready(&mut self, plan: &Plan, now: Instant) {
        if !self.ready_once {
            self.ready_once = true;
            plan.stats.ready.fetch_add(1, Relaxed);
        }
        self.next_heartbeat = Some(now + self.heartbeat);
        let (start, interval) = (plan.epoch.0, self.meter_interval);
        for (c, connector) in self.connectors.iter_mut().enumerate() {
            if let Some(interval) = interval {
                let mut at = start + meter_offset(plan, self.index, c, interval);
                if at < now {
                    let behind = (now - at).as_nanos() / interval.as_nanos().max(1) + 1;
                    at += interval * behind as u32;
                }
                connector.next_meter = Some(at);
            }
            if plan.charge_for.is_some() && connector.cycle == Cycle::Idle {
                // Stagger the first sessions over the pause.
                let offset = plan.pause.mul_f64(((self.index + c) % 64) as f64 / 64.0);
                connector.next_cycle = Some(now + offset);
            }
        }
    }

    /// A server command: the answer, or `None` for NotImplemented.
    fn on_server_call(&mut self, plan: &Plan, action: &str, p: &Value) -> Option<Value> {
        if self.v201 {
            return self.on_server_call_201(plan, action, p);
        }
        let now = Instant::now();
        match action {
            "RemoteStartTransaction" => Some(self.remote_start(plan, p, now)),
            "RemoteStopTransaction" => Some(self.remote_stop(plan, p, now)),
            "Reset" => Some(self.reset(plan, p, now)),
            "ChangeAvailability" => Some(self.change_availability(plan, p)),
            "ChangeConfiguration" => Some(self.change_configuration(p, now)),
            "GetConfiguration" => Some(self.get_configuration(plan, p)),
            "TriggerMessage" => Some(self.trigger(plan, p, false, now)),
            "ExtendedTriggerMessage" => Some(self.trigger(plan, p, true, now)),
            _ => fixed_answer(action),
        }
    }

    /// The index of the connector whose OCPP connector id is `id`.
    fn connector_with_id(&self, id: &Value) -> Option<usize> {
        id.as_u64()
            .and_then(|id| self.connectors.iter().position(|c| u64::from(c.id) == id))
    }

    /// RemoteStartTransaction: starts a session on the connector named (or the first idle one).
    fn remote_start(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        let wanted = match p.get("connectorId") {
            Some(id) => self.connector_with_id(id),
            None => self.connectors.iter().position(|c| c.cycle == Cycle::Idle),
        };
        match (wanted, p["idTag"].as_str()) {
            (Some(c), Some(tag)) if self.connectors[c].cycle == Cycle::Idle => {
                self.connectors[c].next_cycle = None;
                self.push_start(plan, c, tag.to_owned(), now);
                status_answer("Accepted")
            }
            _ => status_answer("Rejected"),
        }
    }

    /// RemoteStopTransaction: stops the transaction if a connector is charging with it.
    fn remote_stop(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        let tx = p["transactionId"].as_i64();
        match self
            .connectors
            .iter()
            .position(|c| c.transaction.is_some() && c.transaction == tx)
        {
            Some(c) if self.connectors[c].cycle == Cycle::Charging => {
                self.push_stop(plan, c, "Remote", now);
                status_answer("Accepted")
            }
            _ => status_answer("Rejected"),
        }
    }

    /// Reset: stops every session, then reconnects once what is queued has been sent.
    fn reset(&mut self, plan: &Plan, p: &Value, now: Instant) -> Value {
        let reason = if p["type"] == "Hard" {
            "HardReset"
        } else {
            "SoftReset"
        };
        for c in 0..self.connectors.len() {
            if self.connectors[c].cycle == Cycle::Charging {
                self.push_stop(plan, c, reason, now);
            }
        }
        self.reset_after_drain = true;
        status_answer("Accepted")
    }

    /// ChangeAvailability: reports the new status at once, or `Scheduled` while in use.
    fn change_availability(&mut self, plan: &Plan, p: &Value) -> Value {
        let status = if p["type"] == "Inoperative" {
            "Unavailable"
        } else {
            "Available"
        };
        let id = p["connectorId"].as_u64().unwrap_or(0);
        let busy = self
            .connectors
            .iter()
            .any(|c| (id == 0 || u64::from(c.id) == id) && c.cycle != Cycle::Idle);
        if busy {
            return status_answer("Scheduled");
        }
        let ids: Vec<u32> = if id == 0 {
            (0..=plan.connectors).collect()
        } else {
            vec![id as u32]
        };
        for id in ids {
            self.push_status(plan, id, status, false);
        }
        status_answer("Accepted")
    }

    /// ChangeConfiguration: the heartbeat and meter sample intervals are the keys it changes.
    fn change_configuration(&mut self, p: &Value, now: Instant) -> Value {
        let value = p["value"].as_str().and_then(|v| v.parse::<u64>().ok());
        match (p["key"].as_str(), value) {
            (Some("HeartbeatInterval"), Some(secs)) if secs > 0 => {
                self.heartbeat = Duration::from_secs(secs);
                self.next_heartbeat = Some(now + self.heartbeat);
                status_answer("Accepted")
            }
            (Some("MeterValueSampleInterval"), Some(secs)) => {
                self.meter_interval = (secs > 0).then(|| Duration::from_secs(secs));
                for c in &mut self.connectors {
                    c.next_meter = self.meter_interval.map(|d| now + d);
                }
                status_answer("Accepted")
            }
            (Some("HeartbeatInterval" | "MeterValueSampleInterval"), _) => {
                status_answer("Rejected")
            }
            _ => status_answer("NotSupported"),
        }
    }

    /// GetConfiguration: the keys asked for (every key when none is) and the unknown ones.
    fn get_configuration(&self, plan: &Plan, p: &Value) -> Value {
        let all = [
            (
                "HeartbeatInterval",
                self.heartbeat.as_secs().to_string(),
                false,
            ),
            (
                "MeterValueSampleInterval",
                self.meter_interval.map_or(0, |d| d.as_secs()).to_string(),
                false,
            ),
            (
                "MeterValuesSampledData",
                MEASURANDS
                    .iter()
                    .take(plan.measurands)
                    .map(|m| m.0)
                    .collect::<Vec<_>>()
                    .join(","),
                false,
            ),
            ("NumberOfConnectors", plan.connectors.to_string(), true),
        ];
        let wanted: Option<Vec<&str>> = p["key"]
            .as_array()
            .filter(|keys| !keys.is_empty())
            .map(|keys| keys.iter().filter_map(Value::as_str).collect());
        let known: Vec<Value> = all
            .iter()
            .filter(|(k, ..)| wanted.as_ref().is_none_or(|w| w.contains(k)))
            .map(|(key, value, readonly)| json!({ "key": key, "readonly": readonly, "value": value }))
            .collect();
        let unknown: Vec<&str> = wanted
            .unwrap_or_default()
            .into_iter()
            .filter(|w| !all.iter().any(|(k, ..)| k == w))
            .collect();
        let mut answer = json!({ "configurationKey": known });
        if !unknown.is_empty() {
            answer["unknownKey"] = json!(unknown);
        }
        answer
    }

    /// TriggerMessage (and the Security Whitepaper's ExtendedTriggerMessage): queues the message.
    fn trigger(&mut self, plan: &Plan, p: &Value, extended: bool, now: Instant) -> Value {
        let connector = p
            .get("connectorId")
            .and_then(|id| self.connector_with_id(id));
        // The connector named, or every connector.
        let chosen = (0..self.connectors.len()).filter(|c| connector.is_none_or(|w| w == *c));
        match p["requestedMessage"].as_str() {
            // The Security Whitepaper's triggers: idle, there is no upload or secure firmware
            // update going on (a simulated station has no key to sign with).
            Some("LogStatusNotification") if extended => {
                self.push_idle(plan, "LogStatusNotification", now);
            }
            Some("FirmwareStatusNotification") if extended => {
                self.push_idle(plan, "SignedFirmwareStatusNotification", now);
            }
            Some("SignChargePointCertificate") if extended => return status_answer("Rejected"),
            Some("BootNotification") => self.push_boot(plan, now),
            Some("Heartbeat") => {
                self.push(plan, "Heartbeat", "{}".into(), now, Kind::Heartbeat);
            }
            Some("StatusNotification") => {
                for c in chosen {
                    let connector = &self.connectors[c];
                    let id = connector.id;
                    let status = if connector.cycle == Cycle::Charging {
                        "Charging"
                    } else {
                        "Available"
                    };
                    self.push_status(plan, id, status, false);
                }
            }
            Some("MeterValues") => {
                for c in chosen {
                    self.push_meter(plan, c, now);
                }
            }
            Some("DiagnosticsStatusNotification") => {
                self.push_idle(plan, "DiagnosticsStatusNotification", now);
            }
            Some("FirmwareStatusNotification") => {
                self.push_idle(plan, "FirmwareStatusNotification", now);
            }
            _ => return status_answer("NotImplemented"),
        }
        status_answer("Accepted")
    }
}

/// The answer to a command the simulated station takes without acting on it; `None` for one
/// it does not simulate.
fn fixed_answer(action: &str) -> Option<Value> {
    Some(match action {
        "UnlockConnector" => status_answer("Unlocked"),
        // Authorization cache and local list, reservations, smart charging: taken, not kept.
        "ClearCache"
        | "SendLocalList"
        | "ReserveNow"
        | "CancelReservation"
        | "SetChargingProfile"
        | "ClearChargingProfile" => status_answer("Accepted"),
        "GetLocalListVersion" => json!({ "listVersion": 0 }),
        "GetCompositeSchedule" => status_answer("Rejected"),
        "DataTransfer" => status_answer("UnknownVendorId"),
        // Firmware and diagnostics: nothing to download or upload.
        "UpdateFirmware" | "GetDiagnostics" => json!({}),
        // Security Whitepaper: no certificate store, no logs to upload, no signed firmware.
        "InstallCertificate" | "CertificateSigned" | "GetLog" | "SignedUpdateFirmware" => {
            status_answer("Rejected")
        }
        "DeleteCertificate" | "GetInstalledCertificateIds" => status_answer("NotFound"),
        _ => return None,
    })
}

/// An answer that is only a status: `{"status": …}`.
fn status_answer(status: &str) -> Value {
    json!({ "status": status })
}

/// When connector `c` of station `index` samples within each `interval` of the fleet's meter
/// schedule. The interval has a slot per connector of the fleet (stations × connectors). By
/// default every connector has a slot of its own, connector `c` of every station in the
/// `c`-th share of the interval, so a station's connectors are a whole share apart and one
/// never waits for another's answer; with `--aligned-connectors` they all take their station's
/// first slot.
fn meter_offset(plan: &Plan, index: usize, c: usize, interval: Duration) -> Duration {
    let stations = plan.total_stations.max(1);
    let connectors = plan.connectors.max(1) as usize;
    let station = index % stations;
    let slot = if plan.aligned_connectors {
        station * connectors
    } else {
        c * stations + station
    };
    interval / (stations * connectors) as u32 * slot as u32
}

fn boot_payload() -> String {
    format!(
        r#"{{"chargePointVendor":"chargegate","chargePointModel":"simulator","firmwareVersion":"{}"}}"#,
        env!("CARGO_PKG_VERSION")
    )
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The URL's host (an IPv6 address without its brackets) and port (by default its scheme's).
pub fn host_and_port(uri: &axum::http::Uri) -> Option<(&str, u16)> {
    let host = uri.host()?.trim_start_matches('[').trim_end_matches(']');
    let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
        Some("wss") => 443,
        _ => 80,
    });
    Some((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(stations: usize, connectors: u32, aligned_connectors: bool) -> Plan {
        Plan {
            base_url: "ws://127.0.0.1:1/ocpp".into(),
            server: "127.0.0.1:1".parse().expect("an address"),
            sources: Vec::new(),
            id_prefix: "sim-".into(),
            total_stations: stations,
            auth_key: None,
            ocpp: Ocpp::V16,
            connectors,
            aligned_connectors,
            heartbeat: None,
            pacing: Pacing::Off,
            message: LoadMessage::MeterValues,
            measurands: 5,
            charge_for: None,
            pause: Duration::ZERO,
            id_tag: "SIM-TAG".into(),
            call_timeout: Duration::from_secs(30),
            max_queue: 1,
            epoch: (Instant::now(), SystemTime::now()),
            quiet: CancellationToken::new(),
            stop: CancellationToken::new(),
            stats: Arc::default(),
        }
    }

    /// 1,000 stations × 2 connectors over 2,000 s: one slot a second.
    const INTERVAL: Duration = Duration::from_secs(2000);

    fn secs(plan: &Plan, index: usize, c: usize) -> u64 {
        meter_offset(plan, index, c, INTERVAL).as_secs()
    }

    #[test]
    fn the_id_tag_may_name_the_station_and_the_connector() {
        let mut p = plan(2, 2, false);
        assert_eq!(p.id_tag("sim-00001", 2), p.id_tag.clone());
        p.id_tag = "{station}-{connector}".into();
        assert_eq!(p.id_tag("sim-00001", 2), "sim-00001-2");
        assert_eq!(p.id_tag("sim-00000", 1), "sim-00000-1");
    }

    #[test]
    fn every_connector_has_its_own_slot_and_a_stations_connectors_are_a_share_apart() {
        let plan = plan(1000, 2, false);
        let mut slots: Vec<u64> = (0..1000)
            .flat_map(|i| [secs(&plan, i, 0), secs(&plan, i, 1)])
            .collect();
        assert_eq!(secs(&plan, 7, 0), 7);
        assert_eq!(secs(&plan, 7, 1), 1007);
        slots.sort_unstable();
        assert_eq!(slots, (0..2000).collect::<Vec<_>>());
    }

    #[test]
    fn aligned_connectors_share_their_stations_slot() {
        let plan = plan(1000, 2, true);
        assert_eq!(secs(&plan, 7, 0), 14);
        assert_eq!(secs(&plan, 7, 1), 14);
        // A second simulator's stations (`--first-index`) wrap onto the same schedule.
        assert_eq!(secs(&plan, 1007, 1), 14);
    }
}
