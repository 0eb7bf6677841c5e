//! What a simulation counts: connections, calls and answers per action, CallErrors, timeouts,
//! and latency histograms (microseconds) for what falls inside the measurement window.

use std::{
    collections::BTreeMap,
    sync::{
        Mutex,
        atomic::{AtomicU64, Ordering::Relaxed},
    },
    time::{Duration, Instant},
};

use hdrhistogram::Histogram;
use serde::Serialize;

/// Latencies above this are recorded as this (one minute).
const MAX_MICROS: u64 = 60_000_000;

fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, MAX_MICROS, 3).expect("valid histogram bounds")
}

/// The measurement window: only what was scheduled inside it is timed and counted as
/// throughput, so connecting and warming up do not blur the figures.
#[derive(Debug, Default)]
pub struct Window {
    bounds: Mutex<Option<(Instant, Option<Instant>)>>,
}

impl Window {
    pub fn open(&self, at: Instant) {
        *self.bounds.lock().unwrap() = Some((at, None));
    }

    pub fn close(&self, at: Instant) {
        if let Some((_, end)) = self.bounds.lock().unwrap().as_mut() {
            end.get_or_insert(at);
        }
    }

    pub fn contains(&self, t: Instant) -> bool {
        match *self.bounds.lock().unwrap() {
            Some((start, end)) => t >= start && end.is_none_or(|end| t < end),
            None => false,
        }
    }

    /// How long the window was (or has been) open.
    pub fn length(&self) -> Duration {
        match *self.bounds.lock().unwrap() {
            Some((start, end)) => end.unwrap_or_else(Instant::now) - start,
            None => Duration::ZERO,
        }
    }
}

#[derive(Debug)]
struct Action {
    sent: u64,
    answered: u64,
    call_errors: u64,
    timeouts: u64,
    in_window: Histogram<u64>,
}

impl Default for Action {
    fn default() -> Self {
        Self {
            sent: 0,
            answered: 0,
            call_errors: 0,
            timeouts: 0,
            in_window: histogram(),
        }
    }
}

/// Counters shared by every simulated station and subscriber.
#[derive(Debug, Default)]
pub struct Stats {
    pub window: Window,
    /// Successful WebSocket handshakes (reconnections included).
    pub connects: AtomicU64,
    /// Failed connection attempts (refused, timed out, handshake rejected).
    pub connect_failures: AtomicU64,
    /// Connections that ended without the simulator closing them.
    pub disconnects: AtomicU64,
    /// Stations connected right now.
    pub connected: AtomicU64,
    /// Stations that have been accepted and sent their StatusNotifications (at least once).
    pub ready: AtomicU64,
    /// Calls the server sent to stations, and how many were answered with a CallError.
    pub server_calls: AtomicU64,
    pub server_calls_unsupported: AtomicU64,
    /// Sends that were dropped because a station was too far behind its schedule.
    pub dropped: AtomicU64,
    /// Frames from the server that were not valid OCPP-J or answered nothing we sent.
    pub protocol_errors: AtomicU64,
    actions: Mutex<BTreeMap<&'static str, Action>>,
    error_codes: Mutex<BTreeMap<String, u64>>,
    first_errors: Mutex<Vec<String>>,
    subscriber_events: AtomicU64,
    subscriber_latency: Mutex<Option<Histogram<u64>>>,
    pub subscribers_connected: AtomicU64,
    pub subscriber_failures: AtomicU64,
    /// Subscriptions the server ended because they fell behind (each subscribed again).
    pub subscribers_lagged: AtomicU64,
}

impl Stats {
    pub fn sent(&self, action: &'static str) {
        self.actions.lock().unwrap().entry(action).or_default().sent += 1;
    }

    /// An answer to `action`, scheduled at `scheduled`; `error` is the CallError code if any.
    pub fn answered(&self, action: &'static str, scheduled: Instant, error: Option<&str>) {
        let timed = self.window.contains(scheduled);
        let latency = scheduled.elapsed().as_micros().min(u128::from(MAX_MICROS)) as u64;
        {
            let mut actions = self.actions.lock().unwrap();
            let entry = actions.entry(action).or_default();
            entry.answered += 1;
            if error.is_some() {
                entry.call_errors += 1;
            }
            if timed && error.is_none() {
                entry.in_window.saturating_record(latency.max(1));
            }
        }
        if let Some(code) = error {
            *self
                .error_codes
                .lock()
                .unwrap()
                .entry(format!("{action}: {code}"))
                .or_default() += 1;
        }
    }

    /// Calls sent and neither answered nor timed out yet.
    pub fn unsettled(&self) -> u64 {
        self.actions
            .lock()
            .unwrap()
            .values()
            .map(|a| a.sent.saturating_sub(a.answered + a.timeouts))
            .sum()
    }

    pub fn timed_out(&self, action: &'static str) {
        self.actions
            .lock()
            .unwrap()
            .entry(action)
            .or_default()
            .timeouts += 1;
    }

    /// Keeps the first few error messages for the report (the rest are only counted).
    pub fn note_error(&self, message: String) {
        let mut first = self.first_errors.lock().unwrap();
        if first.len() < 10 {
            first.push(message);
        }
    }

    /// A subscription event whose reading was taken `latency` before it arrived.
    pub fn subscriber_event(&self, latency: Duration, at: Instant) {
        self.subscriber_events.fetch_add(1, Relaxed);
        if self.window.contains(at) {
            let micros = latency.as_micros().min(u128::from(MAX_MICROS)) as u64;
            self.subscriber_latency
                .lock()
                .unwrap()
                .get_or_insert_with(histogram)
                .saturating_record(micros.max(1));
        }
    }

    /// Answers to `action` (all actions when `None`) that were timed inside the window.
    pub fn timed(&self, action: Option<&str>) -> u64 {
        let actions = self.actions.lock().unwrap();
        actions
            .iter()
            .filter(|(name, _)| action.is_none_or(|a| a == **name))
            .map(|(_, a)| a.in_window.len())
            .sum()
    }

    pub fn report(&self) -> Counts {
        let window = self.window.length().as_secs_f64();
        let actions = self.actions.lock().unwrap();
        let mut all = histogram();
        let per_action = actions
            .iter()
            .map(|(name, a)| {
                all.add(&a.in_window).expect("same bounds");
                let summary = ActionSummary {
                    sent: a.sent,
                    answered: a.answered,
                    call_errors: a.call_errors,
                    timeouts: a.timeouts,
                    timed: a.in_window.len(),
                    per_second: rate(a.in_window.len(), window),
                    latency: Latency::of(&a.in_window),
                };
                ((*name).to_owned(), summary)
            })
            .collect();
        let subscriber_latency = self.subscriber_latency.lock().unwrap();
        Counts {
            window_seconds: window,
            connects: self.connects.load(Relaxed),
            connect_failures: self.connect_failures.load(Relaxed),
            disconnects: self.disconnects.load(Relaxed),
            connected: self.connected.load(Relaxed),
            ready: self.ready.load(Relaxed),
            server_calls: self.server_calls.load(Relaxed),
            server_calls_unsupported: self.server_calls_unsupported.load(Relaxed),
            dropped_behind_schedule: self.dropped.load(Relaxed),
            protocol_errors: self.protocol_errors.load(Relaxed),
            total: Total {
                timed: all.len(),
                per_second: rate(all.len(), window),
                latency: Latency::of(&all),
            },
            actions: per_action,
            call_errors: self.error_codes.lock().unwrap().clone(),
            first_errors: self.first_errors.lock().unwrap().clone(),
            subscribers: Subscribers {
                connected: self.subscribers_connected.load(Relaxed),
                failures: self.subscriber_failures.load(Relaxed),
                lagged: self.subscribers_lagged.load(Relaxed),
                events: self.subscriber_events.load(Relaxed),
                latency: subscriber_latency.as_ref().map(Latency::of),
            },
        }
    }
}

fn rate(n: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        n as f64 / seconds
    } else {
        0.0
    }
}

/// Latency percentiles in milliseconds.
#[derive(Clone, Debug, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    fn of(h: &Histogram<u64>) -> Self {
        let ms = |micros: u64| micros as f64 / 1000.0;
        Self {
            p50_ms: ms(h.value_at_quantile(0.50)),
            p99_ms: ms(h.value_at_quantile(0.99)),
            p999_ms: ms(h.value_at_quantile(0.999)),
            max_ms: ms(h.max()),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ActionSummary {
    pub sent: u64,
    pub answered: u64,
    pub call_errors: u64,
    pub timeouts: u64,
    /// Answers inside the measurement window.
    pub timed: u64,
    pub per_second: f64,
    pub latency: Latency,
}

#[derive(Clone, Debug, Serialize)]
pub struct Total {
    pub timed: u64,
    pub per_second: f64,
    pub latency: Latency,
}

#[derive(Clone, Debug, Serialize)]
pub struct Subscribers {
    pub connected: u64,
    pub failures: u64,
    /// Subscriptions ended with LAGGED and made again.
    pub lagged: u64,
    pub events: u64,
    /// From the reading's timestamp (its scheduled send time) to its arrival at the subscriber.
    pub latency: Option<Latency>,
}

/// Everything counted, as the report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Counts {
    pub window_seconds: f64,
    pub connects: u64,
    pub connect_failures: u64,
    pub disconnects: u64,
    pub connected: u64,
    pub ready: u64,
    pub server_calls: u64,
    pub server_calls_unsupported: u64,
    pub dropped_behind_schedule: u64,
    pub protocol_errors: u64,
    pub total: Total,
    pub actions: BTreeMap<String, ActionSummary>,
    pub call_errors: BTreeMap<String, u64>,
    pub first_errors: Vec<String>,
    pub subscribers: Subscribers,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_was_scheduled_inside_the_window_is_timed() {
        let stats = Stats::default();
        let before = Instant::now();
        stats.answered("Heartbeat", before, None);
        let start = Instant::now();
        stats.window.open(start);
        stats.answered("Heartbeat", start, None);
        stats.answered("Heartbeat", start, Some("InternalError"));
        stats.window.close(Instant::now());
        stats.answered("Heartbeat", Instant::now(), None);
        let report = stats.report();
        let hb = &report.actions["Heartbeat"];
        assert_eq!((hb.answered, hb.call_errors, hb.timed), (4, 1, 1));
        assert_eq!(report.total.timed, 1);
        assert_eq!(report.call_errors["Heartbeat: InternalError"], 1);
    }
}
