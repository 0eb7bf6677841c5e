//! What a simulation observes beside its stations: the server process's memory and CPU time
//! (read from `/proc`, Linux only, when `--watch-pid` names it) and GraphQL command round
//! trips (mutation → station → answer), sent open loop at a fixed rate.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use serde::Serialize;
use serde_json::{Value, json};

use super::charge_point::Plan;

/// Clock ticks per second of `/proc/*/stat` times (`USER_HZ`, 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

/// One reading of a process: resident memory and CPU time used so far.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub at: Instant,
    pub rss_kib: u64,
    pub cpu_seconds: f64,
}

/// Reads `/proc/{pid}`; `None` if the process is gone or this is not Linux.
pub fn sample(pid: u32) -> Option<Sample> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime
    // are the 14th and 15th fields of the whole line.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Sample {
        at: Instant::now(),
        rss_kib,
        cpu_seconds: ticks as f64 / TICKS_PER_SECOND,
    })
}

/// The watched server over the run.
#[derive(Clone, Debug, Serialize)]
pub struct ServerUsage {
    pub pid: u32,
    /// Before any station connected.
    pub rss_kib_before: u64,
    /// When the measurement window opened (every station connected, warm-up over).
    pub rss_kib_ready: Option<u64>,
    pub rss_kib_end: Option<u64>,
    /// (ready − before) / stations.
    pub rss_kib_per_station: Option<f64>,
    /// CPU time the server used inside the window.
    pub cpu_seconds_in_window: Option<f64>,
    /// That time as a share of all the machine's cores over the window (1.0 = every core
    /// busy the whole time).
    pub cpu_share_of_machine: Option<f64>,
    pub cores: usize,
}

impl ServerUsage {
    pub fn new(pid: u32, before: &Sample) -> Self {
        Self {
            pid,
            rss_kib_before: before.rss_kib,
            rss_kib_ready: None,
            rss_kib_end: None,
            rss_kib_per_station: None,
            cpu_seconds_in_window: None,
            cpu_share_of_machine: None,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    /// Fills in the window's figures from its first and last samples.
    pub fn window(&mut self, stations: usize, open: Option<Sample>, close: Option<Sample>) {
        if let Some(open) = open {
            self.rss_kib_ready = Some(open.rss_kib);
            self.rss_kib_per_station =
                Some((open.rss_kib as f64 - self.rss_kib_before as f64) / stations as f64);
        }
        if let (Some(open), Some(close)) = (open, close) {
            let cpu = close.cpu_seconds - open.cpu_seconds;
            let wall = (close.at - open.at).as_secs_f64();
            self.rss_kib_end = Some(close.rss_kib);
            self.cpu_seconds_in_window = Some(cpu);
            if wall > 0.0 {
                self.cpu_share_of_machine = Some(cpu / (wall * self.cores as f64));
            }
        }
    }
}

/// The GraphQL command a round trip sends: it goes to a station and back.
const COMMAND: &str = "mutation($station: ID!) { getConfiguration(stationId: $station, \
                       keys: [\"HeartbeatInterval\"]) { configurationKey { key value } } }";
pub const COMMAND_ACTION: &str = "GraphQL getConfiguration";

/// Sends `rate` GraphQL commands per second to the stations in turn until the plan goes quiet;
/// each is timed from its scheduled time to the answer.
pub async fn commands(
    plan: Arc<Plan>,
    url: String,
    token: Option<String>,
    rate: f64,
    first: usize,
) {
    let client = reqwest::Client::new();
    // getConfiguration is a 1.6 command: the fleet's 1.6 stations take them in turn.
    let targets: Vec<usize> = (first..first + plan.total_stations)
        .filter(|i| !plan.ocpp.speaks_201(*i))
        .collect();
    if targets.is_empty() {
        return;
    }
    let interval = Duration::from_secs_f64(1.0 / rate);
    let start = Instant::now();
    for n in 0u64.. {
        let due = start + interval.mul_f64(n as f64);
        tokio::select! {
            () = plan.quiet.cancelled() => return,
            () = tokio::time::sleep_until(due.into()) => {}
        }
        let station = plan.station_id(targets[n as usize % targets.len()]);
        let (plan, client, url, token) = (plan.clone(), client.clone(), url.clone(), token.clone());
        tokio::spawn(async move {
            plan.stats.sent(COMMAND_ACTION);
            let mut request = client
                .post(&url)
                .json(&json!({ "query": COMMAND, "variables": { "station": station } }));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let answer: Result<Value, String> = async {
                let response = request.send().await.map_err(|e| e.to_string())?;
                response.json().await.map_err(|e| e.to_string())
            }
            .await;
            let error = match &answer {
                Ok(body) if body["errors"].is_null() => None,
                Ok(body) => Some(
                    body.pointer("/errors/0/extensions/code")
                        .and_then(Value::as_str)
                        .unwrap_or("GRAPHQL_ERROR")
                        .to_owned(),
                ),
                Err(e) => {
                    plan.stats.note_error(format!("GraphQL command: {e}"));
                    Some("HTTP".to_owned())
                }
            };
            plan.stats.answered(COMMAND_ACTION, due, error.as_deref());
        });
    }
}
