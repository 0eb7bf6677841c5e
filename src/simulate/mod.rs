//! `chargegate simulate`: a fleet of simulated charge points (and optional GraphQL
//! subscribers) against any OCPP 1.6J or 2.0.1 server, for demos, setup checks and load tests.
//!
//! `--ocpp` picks the version the stations speak: `1.6` (the default, the benchmarks'
//! baseline), `2.0.1` (subprotocol `ocpp2.0.1`: BootNotification, StatusNotification per EVSE,
//! Authorize, transactions as TransactionEvent Started → Updated → Ended; the paced meter load
//! as TransactionEvent Updated with `triggerReason` MeterValuePeriodic while a connector charges,
//! as 2.0.1 MeterValues otherwise; every 2.0.1 command answered), or `mixed` (odd-numbered
//! stations speak 2.0.1, even-numbered ones 1.6). The report names the version(s) and counts the
//! 2.0.1 TransactionEvents by event type (`TransactionEvent Updated` is the meter-carrying load,
//! where 1.6 counts `MeterValues`), so that its messages per second compare like for like.
//!
//! A run connects every station (spread over several 127.0.0.x source addresses on loopback,
//! so that tens of thousands fit), waits until all are accepted and have reported their
//! connectors, warms up, then measures for a fixed window. Sends are open loop: each is due at
//! a scheduled time and its latency runs from then, so a slow server cannot hide its delays
//! by slowing the load down. The report (text or JSON) gives throughput, latency
//! percentiles, errors and connection counts.

pub mod charge_point;
pub mod observe;
pub mod stats;
pub mod subscriber;

use std::{
    fmt::Write as _,
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::{Arc, atomic::Ordering::Relaxed},
    time::{Duration, Instant, SystemTime},
};

use anyhow::Context as _;
use serde::Serialize;
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::http::Uri;
use tokio_util::sync::CancellationToken;

use crate::config::HumanDuration;
pub use charge_point::{LoadMessage, Ocpp};
use charge_point::{MAX_MEASURANDS, Pacing, Plan};
use observe::ServerUsage;
use stats::{Counts, Stats};

/// Options of `chargegate simulate`.
#[derive(clap::Args, Clone, Debug)]
pub struct SimulateArgs {
    /// The server's OCPP endpoint without the station id, e.g. ws://127.0.0.1:3000/ocpp
    /// (each station connects to URL/{station id}); ws:// or wss://.
    pub url: String,
    /// How many stations.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub stations: usize,
    /// The OCPP version the stations speak: 1.6 (subprotocol ocpp1.6); 2.0.1 (ocpp2.0.1:
    /// StatusNotification per EVSE, sessions as TransactionEvent Started → Updated → Ended, the
    /// paced load as TransactionEvent Updated (MeterValuePeriodic) while a connector charges and
    /// as 2.0.1 MeterValues otherwise); mixed: odd-numbered stations 2.0.1, even-numbered 1.6.
    #[arg(long, value_enum, default_value = "1.6")]
    pub ocpp: Ocpp,
    /// Station ids are this prefix and a five-digit number.
    #[arg(long, default_value = "sim-")]
    pub id_prefix: String,
    /// The number of the first station (to run several simulators side by side).
    #[arg(long, default_value_t = 0)]
    pub first_index: usize,
    /// Connectors per station.
    #[arg(long, default_value_t = 2)]
    pub connectors: u32,
    /// Heartbeat interval; by default the one the server answers in BootNotification.
    #[arg(long)]
    pub heartbeat_interval: Option<HumanDuration>,
    /// How often each connector sends MeterValues; 0 for never.
    #[arg(long, default_value = "60s")]
    pub meter_interval: HumanDuration,
    /// A station's connectors sample at the same moment (as with clock-aligned data), so their
    /// MeterValues go out one after the other, each waiting for the last one's answer (one CALL
    /// at a time, OCPP-J). By default every connector of the fleet has a slot of its own,
    /// evenly spread over the interval, and a station's connectors are a whole share of the
    /// interval apart (as sampled data, timed from each transaction's start, would be).
    #[arg(long)]
    pub aligned_connectors: bool,
    /// MeterValues per second across the whole fleet (sets the interval per connector).
    #[arg(long, conflicts_with = "closed_loop")]
    pub rate: Option<f64>,
    /// Each station sends the next MeterValues as soon as the last is answered (for the
    /// highest throughput; latency is then from the send).
    #[arg(long)]
    pub closed_loop: bool,
    /// What the paced load (`--meter-interval`, `--rate`, `--closed-loop`) sends.
    #[arg(long, value_enum, default_value = "meter-values")]
    pub message: LoadMessage,
    /// Sampled values per MeterValues (1 to 8: energy, power, current, voltage, SoC, offered
    /// current, offered power, temperature; 2.0.1 has no temperature: frequency instead).
    #[arg(long, default_value_t = 5)]
    pub measurands: usize,
    /// How long each charging session lasts; 0 runs no sessions (connectors stay idle).
    /// Each session: Authorize, StartTransaction, MeterValues with its id, StopTransaction
    /// (2.0.1: Authorize, TransactionEvent Started, Updated with the meter values, Ended).
    #[arg(long, default_value = "0")]
    pub charge_for: HumanDuration,
    /// Pause between a connector's charging sessions.
    #[arg(long, default_value = "5m")]
    pub pause: HumanDuration,
    /// The id tag stations present (the server must accept it for sessions to start); `{station}`
    /// and `{connector}` in it are replaced, e.g. `{station}-{connector}` for a tag per connector
    /// (one tag charges at one connector at a time).
    #[arg(long, default_value = "SIM-TAG")]
    pub id_tag: String,
    /// Authorization key for HTTP Basic auth (user: the station id); none by default.
    #[arg(long, env = "CHARGEGATE_SIM_AUTH_KEY", hide_env_values = true)]
    pub auth_key: Option<String>,
    /// Local source addresses 127.0.0.1 … 127.0.0.N to spread connections over (each has its
    /// own ~28,000 ephemeral ports); 0: one per 200 stations or 50 subscribers, whichever
    /// needs more (at most 254), when the server is on loopback, so that a storm stays under
    /// the server's handshakes per address (256 by default) and the subscribers under its
    /// GraphQL sockets per address (64; a single address: the system picks), the system's
    /// choice otherwise.
    #[arg(long, default_value_t = 0)]
    pub source_addresses: usize,
    /// New connections per second while connecting; 0 opens them all at once.
    #[arg(long, default_value_t = 0.0)]
    pub connect_rate: f64,
    /// How long to give every station to connect and be accepted.
    #[arg(long, default_value = "120s")]
    pub ready_timeout: HumanDuration,
    /// Time after all stations are ready before the measurement window opens.
    #[arg(long, default_value = "5s")]
    pub warmup: HumanDuration,
    /// The measurement window; 0 stops as soon as every station is ready (a connection
    /// storm). Ctrl-C ends it early and still reports.
    #[arg(long, default_value = "60s")]
    pub duration: HumanDuration,
    /// How long a station waits for an answer before counting a timeout.
    #[arg(long, default_value = "30s")]
    pub call_timeout: HumanDuration,
    /// GraphQL subscribers to run (over graphql-transport-ws), each watching `meterValues`.
    #[arg(long, default_value_t = 0)]
    pub subscribers: usize,
    /// What each subscriber watches: one simulated station each, or all stations.
    #[arg(long, value_enum, default_value = "station")]
    pub subscribe: Watch,
    /// The GraphQL WebSocket endpoint; by default /graphql/ws on the OCPP URL's host.
    #[arg(long)]
    pub graphql_url: Option<String>,
    /// A bearer token for the subscribers (see `chargegate token`).
    #[arg(long, env = "CHARGEGATE_SIM_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// GraphQL command round trips per second (a `getConfiguration` mutation to each 1.6
    /// station in turn, over HTTP to /graphql on the OCPP URL's host; needs `--token`).
    #[arg(long)]
    pub commands: Option<f64>,
    /// The server's process id: its memory and CPU time are read from /proc (Linux) before
    /// connecting and over the window, and reported.
    #[arg(long)]
    pub watch_pid: Option<u32>,
    /// Print the report as JSON (on standard output).
    #[arg(long)]
    pub json: bool,
    /// No progress lines on standard error.
    #[arg(long)]
    pub quiet: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Watch {
    Station,
    All,
}

/// What a run measured.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub url: String,
    /// The version(s) the stations spoke (`--ocpp`): `1.6`, `2.0.1` or `mixed`.
    pub ocpp: &'static str,
    pub stations: usize,
    /// How many of the stations spoke OCPP 2.0.1 (the others 1.6).
    pub stations_2_0_1: usize,
    pub connectors: u32,
    /// Seconds from the start until every station was accepted and had reported its
    /// connectors; `None` if some never were.
    pub ready_seconds: Option<f64>,
    /// The paced load's rate the run asked for, if paced by rate or interval.
    pub target_per_second: Option<f64>,
    /// The watched server process (`--watch-pid`).
    pub server: Option<ServerUsage>,
    #[serde(flatten)]
    pub counts: Counts,
}

impl SimulateArgs {
    /// Parses the options as `chargegate simulate` would (`args` without the command name),
    /// for programs and tests that run a simulation in-process.
    pub fn parse_from<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        #[derive(clap::Parser)]
        struct Simulate {
            #[command(flatten)]
            args: SimulateArgs,
        }
        let args = std::iter::once(std::ffi::OsString::from("simulate"))
            .chain(args.into_iter().map(Into::into));
        <Simulate as clap::Parser>::try_parse_from(args).map(|s| s.args)
    }

    /// How many stations speak OCPP 2.0.1.
    fn stations_201(&self) -> usize {
        (self.first_index..self.first_index + self.stations)
            .filter(|i| self.ocpp.speaks_201(*i))
            .count()
    }

    /// Connectors across the fleet.
    fn fleet_connectors(&self) -> f64 {
        (self.stations * self.connectors as usize) as f64
    }

    /// The paced load's rate across the fleet, when it is paced by rate or interval.
    fn target_per_second(&self, pacing: Pacing) -> Option<f64> {
        match pacing {
            Pacing::Every(interval) => Some(self.fleet_connectors() / interval.as_secs_f64()),
            _ => None,
        }
    }

    fn pacing(&self) -> anyhow::Result<Pacing> {
        if self.closed_loop {
            return Ok(Pacing::ClosedLoop);
        }
        if let Some(rate) = self.rate {
            anyhow::ensure!(rate > 0.0 && rate.is_finite(), "--rate must be above 0");
            let interval = self.fleet_connectors() / rate;
            return Ok(Pacing::Every(Duration::from_secs_f64(interval)));
        }
        Ok(match self.meter_interval.0 {
            Duration::ZERO => Pacing::Off,
            interval => Pacing::Every(interval),
        })
    }

    fn graphql_url(&self, uri: &Uri) -> String {
        self.graphql_url.clone().unwrap_or_else(|| {
            let scheme = uri.scheme_str().unwrap_or("ws");
            format!("{scheme}://{}/graphql/ws", authority(uri))
        })
    }

    fn graphql_http_url(&self, uri: &Uri) -> String {
        let scheme = if uri.scheme_str() == Some("wss") {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}/graphql", authority(uri))
    }
}

/// The URL's authority (host and port), `127.0.0.1` when it has none.
fn authority(uri: &Uri) -> &str {
    uri.authority().map_or("127.0.0.1", |a| a.as_str())
}

/// Stations per source address when they are spread automatically: below the server's
/// default cap on connections in their handshake per address (256), so that a storm of every
/// station at once is not refused.
const STATIONS_PER_SOURCE: usize = 200;
/// GraphQL subscribers per source address: below the server's default cap on `/graphql/ws`
/// sockets per address (64).
const SUBSCRIBERS_PER_SOURCE: usize = 50;

/// Resolves the server's address and picks the source addresses.
async fn addresses(args: &SimulateArgs, uri: &Uri) -> anyhow::Result<(SocketAddr, Vec<IpAddr>)> {
    let (host, port) = charge_point::host_and_port(uri).context("the URL has no host")?;
    let server = tokio::net::lookup_host((host, port))
        .await
        .with_context(|| format!("cannot resolve {host}"))?
        .next()
        .with_context(|| format!("{host} has no address"))?;
    let loopback_v4 = matches!(server.ip(), IpAddr::V4(ip) if ip.is_loopback());
    let count = match args.source_addresses {
        0 if loopback_v4 => args
            .stations
            .div_ceil(STATIONS_PER_SOURCE)
            .max(args.subscribers.div_ceil(SUBSCRIBERS_PER_SOURCE))
            .min(254),
        0 => 0,
        n => n,
    };
    anyhow::ensure!(count <= 254, "at most 254 source addresses (127.0.0.1-254)");
    anyhow::ensure!(
        count <= 1 || loopback_v4,
        "several source addresses only work against a server on 127.x.x.x"
    );
    let sources = if count <= 1 {
        Vec::new()
    } else {
        (1..=count as u8)
            .map(|i| IpAddr::V4(Ipv4Addr::new(127, 0, 0, i)))
            .collect()
    };
    Ok((server, sources))
}

/// Runs a simulation and returns what it measured. `interrupt` ends it early (Ctrl-C).
pub async fn run(args: SimulateArgs, interrupt: CancellationToken) -> anyhow::Result<Report> {
    check(&args)?;
    let pacing = args.pacing()?;
    let (base_url, uri) = endpoint(&args)?;
    let (server, sources) = addresses(&args, &uri).await?;
    let mut server_usage = watch_server(&args)?;
    let plan = make_plan(&args, base_url.clone(), server, sources, pacing);
    let start = plan.epoch.0;

    let mut tasks = start_subscribers(&args, &plan, &uri);
    let spawner = start_stations(&args, &plan);
    let ready_seconds = wait_ready(&args, &plan.stats, start, &interrupt).await;
    // Commands go to connected stations: they start once every station is ready.
    if ready_seconds.is_some() {
        tasks.extend(start_commands(&args, &plan, &uri));
    }
    measure(
        &args,
        &plan,
        &interrupt,
        ready_seconds.is_some(),
        &mut server_usage,
    )
    .await;
    let counts = settle(&args, &plan).await;
    shut_down(&plan, tasks, spawner).await;
    Ok(Report {
        url: base_url,
        ocpp: args.ocpp.name(),
        stations: args.stations,
        stations_2_0_1: args.stations_201(),
        connectors: args.connectors,
        ready_seconds,
        target_per_second: args.target_per_second(pacing),
        server: server_usage,
        counts,
    })
}

/// Refuses options that cannot make a run (the pacing and the URL are checked as they are read).
fn check(args: &SimulateArgs) -> anyhow::Result<()> {
    anyhow::ensure!(args.stations > 0, "--stations must be at least 1");
    anyhow::ensure!(
        (1..=99).contains(&args.connectors),
        "--connectors must be 1 to 99"
    );
    anyhow::ensure!(
        (1..=MAX_MEASURANDS).contains(&args.measurands),
        "--measurands must be 1 to {MAX_MEASURANDS}"
    );
    anyhow::ensure!(
        args.subscribers == 0 || args.subscribe == Watch::All || args.subscribers <= args.stations,
        "--subscribers (one per station) cannot outnumber --stations"
    );
    if let Some(rate) = args.commands {
        anyhow::ensure!(rate > 0.0 && rate.is_finite(), "--commands must be above 0");
        anyhow::ensure!(
            args.stations_201() < args.stations,
            "--commands sends getConfiguration, a 1.6 command: it needs 1.6 stations (--ocpp)"
        );
    }
    Ok(())
}

/// The OCPP URL without a trailing slash, and parsed (ws:// or wss:// only).
fn endpoint(args: &SimulateArgs) -> anyhow::Result<(String, Uri)> {
    let base_url = args.url.trim_end_matches('/').to_owned();
    let uri: Uri = base_url
        .parse()
        .with_context(|| format!("`{base_url}` is not a URL"))?;
    anyhow::ensure!(
        matches!(uri.scheme_str(), Some("ws" | "wss")),
        "the URL must start with ws:// or wss://"
    );
    Ok((base_url, uri))
}

/// The watched server's usage (`--watch-pid`), from a first reading before anything connects.
fn watch_server(args: &SimulateArgs) -> anyhow::Result<Option<ServerUsage>> {
    Ok(match args.watch_pid {
        Some(pid) => {
            let before = observe::sample(pid)
                .with_context(|| format!("cannot read /proc/{pid} (--watch-pid)"))?;
            Some(ServerUsage::new(pid, &before))
        }
        None => None,
    })
}

/// What every station shares, with fresh counters; the run starts now (the plan's epoch).
fn make_plan(
    args: &SimulateArgs,
    base_url: String,
    server: SocketAddr,
    sources: Vec<IpAddr>,
    pacing: Pacing,
) -> Arc<Plan> {
    Arc::new(Plan {
        base_url,
        server,
        sources,
        id_prefix: args.id_prefix.clone(),
        total_stations: args.stations,
        auth_key: args.auth_key.clone(),
        ocpp: args.ocpp,
        connectors: args.connectors,
        aligned_connectors: args.aligned_connectors,
        heartbeat: args.heartbeat_interval.map(|d| d.0),
        pacing,
        message: args.message,
        measurands: args.measurands,
        charge_for: Some(args.charge_for.0).filter(|d| !d.is_zero()),
        pause: args.pause.0,
        id_tag: args.id_tag.clone(),
        call_timeout: args.call_timeout.0,
        max_queue: 1_000,
        epoch: (Instant::now(), SystemTime::now()),
        quiet: CancellationToken::new(),
        stop: CancellationToken::new(),
        stats: Arc::new(Stats::default()),
    })
}

/// Spawns the GraphQL subscribers (`--subscribers`), each watching its station or all of them.
fn start_subscribers(args: &SimulateArgs, plan: &Arc<Plan>, uri: &Uri) -> Vec<JoinHandle<()>> {
    let mut tasks = Vec::with_capacity(args.stations + args.subscribers);
    let graphql_url = args.graphql_url(uri);
    for i in 0..args.subscribers {
        let station = match args.subscribe {
            Watch::Station => Some(plan.station_id(args.first_index + i)),
            Watch::All => None,
        };
        let task = subscriber::run(
            plan.clone(),
            i,
            graphql_url.clone(),
            args.token.clone(),
            station,
        );
        tasks.push(tokio::spawn(task));
    }
    tasks
}

/// Spawns the stations (all at once, or `--connect-rate` a second); the task gives their handles.
fn start_stations(args: &SimulateArgs, plan: &Arc<Plan>) -> JoinHandle<Vec<JoinHandle<()>>> {
    let (plan, first, n, rate) = (
        plan.clone(),
        args.first_index,
        args.stations,
        args.connect_rate,
    );
    let start = plan.epoch.0;
    tokio::spawn(async move {
        let mut handles = Vec::with_capacity(n);
        for i in 0..n {
            if rate > 0.0 {
                let due = start + Duration::from_secs_f64(i as f64 / rate);
                tokio::select! {
                    () = plan.stop.cancelled() => break,
                    () = tokio::time::sleep_until(due.into()) => {}
                }
            }
            handles.push(tokio::spawn(charge_point::run(plan.clone(), first + i)));
        }
        handles
    })
}

/// Spawns the GraphQL command round trips, if `--commands` asks for them.
fn start_commands(args: &SimulateArgs, plan: &Arc<Plan>, uri: &Uri) -> Option<JoinHandle<()>> {
    let task = observe::commands(
        plan.clone(),
        args.graphql_http_url(uri),
        args.token.clone(),
        args.commands?,
        args.first_index,
    );
    Some(tokio::spawn(task))
}

/// Warms up, then holds the measurement window open (unless `--duration 0` or Ctrl-C), and
/// notes the watched server's usage over it.
async fn measure(
    args: &SimulateArgs,
    plan: &Plan,
    interrupt: &CancellationToken,
    ready: bool,
    server_usage: &mut Option<ServerUsage>,
) {
    let (stats, start) = (&plan.stats, plan.epoch.0);
    let (mut opened, mut closed) = (None, None);
    let watch = |usage: &Option<ServerUsage>| usage.as_ref().and_then(|u| observe::sample(u.pid));
    if !args.duration.0.is_zero() && !interrupt.is_cancelled() {
        tokio::select! {
            () = interrupt.cancelled() => {}
            () = tokio::time::sleep(args.warmup.0) => {
                opened = watch(server_usage);
                stats.window.open(Instant::now());
                progress(args, "measuring", stats, start);
                tokio::select! {
                    () = interrupt.cancelled() => {}
                    () = tokio::time::sleep(args.duration.0) => {}
                }
                stats.window.close(Instant::now());
                closed = watch(server_usage);
            }
        }
    } else if ready {
        opened = watch(server_usage);
    }
    if let Some(usage) = server_usage {
        usage.window(args.stations, opened, closed);
    }
}

/// Goes quiet and takes the counts once what was sent has settled, so every message the
/// server may have stored is counted (a call whose connection was lost never settles: the
/// wait is bounded).
async fn settle(args: &SimulateArgs, plan: &Plan) -> Counts {
    plan.quiet.cancel();
    let settled_by = Instant::now() + args.call_timeout.0.min(SETTLE_AT_MOST);
    while plan.stats.unsettled() > 0 && Instant::now() < settled_by {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    plan.stats.report()
}

/// Stops the stations and subscribers and gives them up to 10 s to close.
async fn shut_down(
    plan: &Plan,
    mut tasks: Vec<JoinHandle<()>>,
    spawner: JoinHandle<Vec<JoinHandle<()>>>,
) {
    plan.stop.cancel();
    tasks.extend(spawner.await.unwrap_or_default());
    let closing = async {
        for task in tasks {
            let _ = task.await;
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(10), closing).await;
}

/// Longest wait, after the window, for the calls in flight to be answered.
const SETTLE_AT_MOST: Duration = Duration::from_secs(5);

/// Waits until every station is ready (or the timeout, or Ctrl-C), printing progress.
async fn wait_ready(
    args: &SimulateArgs,
    stats: &Stats,
    start: Instant,
    interrupt: &CancellationToken,
) -> Option<f64> {
    let mut tick = tokio::time::interval(Duration::from_millis(20));
    let mut last_print = Instant::now();
    loop {
        tokio::select! {
            () = interrupt.cancelled() => return None,
            _ = tick.tick() => {}
        }
        if stats.ready.load(Relaxed) >= args.stations as u64 {
            let seconds = start.elapsed().as_secs_f64();
            progress(args, "ready", stats, start);
            return Some(seconds);
        }
        if start.elapsed() >= args.ready_timeout.0 {
            progress(args, "not ready (timeout)", stats, start);
            return None;
        }
        if last_print.elapsed() >= Duration::from_secs(1) {
            last_print = Instant::now();
            progress(args, "connecting", stats, start);
        }
    }
}

fn progress(args: &SimulateArgs, phase: &str, stats: &Stats, start: Instant) {
    if !args.quiet {
        eprintln!(
            "{phase}: {:.2} s, {} connected, {} ready of {}, {} connect failures",
            start.elapsed().as_secs_f64(),
            stats.connected.load(Relaxed),
            stats.ready.load(Relaxed),
            args.stations,
            stats.connect_failures.load(Relaxed),
        );
    }
}

impl Report {
    /// The report as text, for a terminal.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write_overview(&mut out);
        self.write_actions(&mut out);
        self.write_subscribers(&mut out);
        self.write_server(&mut out);
        self.write_errors(&mut out);
        out
    }

    /// The fleet, its readiness, its connections, the paced load and the window's totals.
    fn write_overview(&self, out: &mut String) {
        let c = &self.counts;
        let version = match (self.ocpp, self.stations_2_0_1) {
            ("mixed", n) => format!("mixed: {} 1.6, {n} 2.0.1", self.stations - n),
            (one, _) => one.to_owned(),
        };
        let _ = writeln!(
            out,
            "{} stations x {} connectors (OCPP {version}) -> {}",
            self.stations, self.connectors, self.url
        );
        let _ = match self.ready_seconds {
            Some(s) => writeln!(out, "all ready in {s:.2} s"),
            None => writeln!(out, "NOT all ready: {} of {}", c.ready, self.stations),
        };
        let _ = writeln!(
            out,
            "connections: {} made, {} failed, {} lost, {} open at the end",
            c.connects, c.connect_failures, c.disconnects, c.connected
        );
        if let Some(target) = self.target_per_second {
            let _ = writeln!(out, "paced load asked for: {target:.0}/s");
        }
        let l = &c.total.latency;
        let _ = writeln!(
            out,
            "window {:.1} s: {:.0} answers/s, p50 {:.2} ms, p99 {:.2} ms, p99.9 {:.2} ms, max {:.2} ms",
            c.window_seconds, c.total.per_second, l.p50_ms, l.p99_ms, l.p999_ms, l.max_ms
        );
    }

    /// The stations' calls by action, then the server's calls and what went astray.
    fn write_actions(&self, out: &mut String) {
        let c = &self.counts;
        let _ = writeln!(
            out,
            "{:<30} {:>9} {:>9} {:>7} {:>8} {:>9} {:>8} {:>8} {:>8} {:>8}",
            "action",
            "sent",
            "answered",
            "errors",
            "timeouts",
            "per s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms"
        );
        for (name, a) in &c.actions {
            let l = &a.latency;
            let _ = writeln!(
                out,
                "{name:<30} {:>9} {:>9} {:>7} {:>8} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
                a.sent,
                a.answered,
                a.call_errors,
                a.timeouts,
                a.per_second,
                l.p50_ms,
                l.p99_ms,
                l.p999_ms,
                l.max_ms
            );
        }
        let _ = writeln!(
            out,
            "server calls: {} ({} not simulated); dropped behind schedule: {}; protocol errors: {}",
            c.server_calls,
            c.server_calls_unsupported,
            c.dropped_behind_schedule,
            c.protocol_errors
        );
    }

    /// The GraphQL subscribers, if any connected or failed to.
    fn write_subscribers(&self, out: &mut String) {
        let s = &self.counts.subscribers;
        if s.connected + s.failures > 0 {
            let _ = write!(
                out,
                "subscribers: {} connected, {} failed, {} lagged and resubscribed, {} events",
                s.connected, s.failures, s.lagged, s.events
            );
            if let Some(l) = &s.latency {
                let _ = write!(
                    out,
                    ", delivery p50 {:.2} ms, p99 {:.2} ms, p99.9 {:.2} ms, max {:.2} ms",
                    l.p50_ms, l.p99_ms, l.p999_ms, l.max_ms
                );
            }
            out.push('\n');
        }
    }

    /// The watched server's memory and CPU time (`--watch-pid`).
    fn write_server(&self, out: &mut String) {
        if let Some(u) = &self.server {
            let _ = write!(out, "server {}: RSS {} KiB before", u.pid, u.rss_kib_before);
            if let (Some(ready), Some(per)) = (u.rss_kib_ready, u.rss_kib_per_station) {
                let _ = write!(out, ", {ready} KiB with the stations ({per:.1} KiB each)");
            }
            if let (Some(cpu), Some(share)) = (u.cpu_seconds_in_window, u.cpu_share_of_machine) {
                let _ = write!(
                    out,
                    ", {cpu:.1} CPU s in the window = {:.1} % of {} cores",
                    share * 100.0,
                    u.cores
                );
            }
            out.push('\n');
        }
    }

    /// The CallErrors by action and code, and the first errors noted.
    fn write_errors(&self, out: &mut String) {
        let c = &self.counts;
        for (what, n) in &c.call_errors {
            let _ = writeln!(out, "CallError {what}: {n}");
        }
        for e in &c.first_errors {
            let _ = writeln!(out, "error: {e}");
        }
    }

    /// Whether the run went cleanly: every station ready, no failures, no lost answers.
    pub fn clean(&self) -> bool {
        let c = &self.counts;
        self.ready_seconds.is_some()
            && c.connect_failures == 0
            && c.disconnects == 0
            && c.call_errors.is_empty()
            && c.actions.values().all(|a| a.timeouts == 0)
            && c.protocol_errors == 0
            && c.subscribers.failures == 0
    }
}
