//! Prometheus metrics (`GET /metrics`): one [`Metrics`] per running server, held by its
//! `Context` (never a process-wide recorder: the tests run many servers in one process and
//! count each apart). The instruments of the hot paths are resolved once, here, into arrays
//! indexed by action, error code or outcome, so counting a message is one atomic add: no
//! label hashing, no allocation. Every label has a fixed set of values (no station ids).
//! What is only read when scraped (stations connected, queues, pools, breakers) is set by the
//! scrape (`api::metrics`); the process's own figures come from `/proc/self` ([`Process`]).

use std::{
    sync::{Mutex, PoisonError},
    time::Duration,
};

use prometheus_client::{
    collector::Collector,
    encoding::{DescriptorEncoder, EncodeMetric},
    metrics::{
        counter::{ConstCounter, Counter},
        family::Family,
        gauge::{ConstGauge, Gauge},
        histogram::{Histogram, exponential_buckets},
    },
    registry::{Registry, Unit},
};

/// The actions a station sends (OCPP 1.6, the Security Whitepaper and OCPP 2.0.1); anything
/// else counts as `other`.
pub const STATION_ACTIONS: &[&str] = &[
    "Authorize",
    "BootNotification",
    "DataTransfer",
    "DiagnosticsStatusNotification",
    "FirmwareStatusNotification",
    "Heartbeat",
    "MeterValues",
    "StartTransaction",
    "StatusNotification",
    "StopTransaction",
    "LogStatusNotification",
    "SecurityEventNotification",
    "SignCertificate",
    "SignedFirmwareStatusNotification",
    // OCPP 2.0.1's own (the others share their 1.6 names).
    "ClearedChargingLimit",
    "Get15118EVCertificate",
    "GetCertificateStatus",
    "NotifyChargingLimit",
    "NotifyCustomerInformation",
    "NotifyDisplayMessages",
    "NotifyEVChargingNeeds",
    "NotifyEVChargingSchedule",
    "NotifyEvent",
    "NotifyMonitoringReport",
    "NotifyReport",
    "PublishFirmwareStatusNotification",
    "ReportChargingProfiles",
    "ReservationStatusUpdate",
    "TransactionEvent",
];

/// The actions the central system sends; anything else counts as `other`.
pub const SERVER_ACTIONS: &[&str] = &[
    "CancelReservation",
    "CertificateSigned",
    "ChangeAvailability",
    "ChangeConfiguration",
    "ClearCache",
    "ClearChargingProfile",
    "DataTransfer",
    "DeleteCertificate",
    "ExtendedTriggerMessage",
    "GetCompositeSchedule",
    "GetConfiguration",
    "GetDiagnostics",
    "GetInstalledCertificateIds",
    "GetLocalListVersion",
    "GetLog",
    "InstallCertificate",
    "RemoteStartTransaction",
    "RemoteStopTransaction",
    "ReserveNow",
    "Reset",
    "SendLocalList",
    "SetChargingProfile",
    "SignedUpdateFirmware",
    "TriggerMessage",
    "UnlockConnector",
    "UpdateFirmware",
    // OCPP 2.0.1's own.
    "ClearDisplayMessage",
    "ClearVariableMonitoring",
    "CostUpdated",
    "CustomerInformation",
    "GetBaseReport",
    "GetChargingProfiles",
    "GetDisplayMessages",
    "GetMonitoringReport",
    "GetReport",
    "GetTransactionStatus",
    "GetVariables",
    "RequestStartTransaction",
    "RequestStopTransaction",
    "SetDisplayMessage",
    "SetMonitoringBase",
    "SetMonitoringLevel",
    "SetNetworkProfile",
    "SetVariableMonitoring",
    "SetVariables",
    "UnpublishFirmware",
    "PublishFirmware",
];

/// The CallError codes of OCPP-J 1.6 and 2.0.1 (as each spells them); anything else a station
/// sends counts as `other`.
pub const ERROR_CODES: &[&str] = &[
    "NotImplemented",
    "NotSupported",
    "InternalError",
    "ProtocolError",
    "SecurityError",
    "FormationViolation",
    "PropertyConstraintViolation",
    "OccurenceConstraintViolation",
    "TypeConstraintViolation",
    "GenericError",
    "FormatViolation",
    "OccurrenceConstraintViolation",
    "MessageTypeNotSupported",
    "RpcFrameworkError",
];

/// How a station's handshake ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handshake {
    Accepted,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    TooManyRequests,
    Unavailable,
    TlsFailure,
    Other,
}

impl Handshake {
    const ALL: [Self; 9] = [
        Self::Accepted,
        Self::BadRequest,
        Self::Unauthorized,
        Self::Forbidden,
        Self::NotFound,
        Self::TooManyRequests,
        Self::Unavailable,
        Self::TlsFailure,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::BadRequest => "400",
            Self::Unauthorized => "401",
            Self::Forbidden => "403",
            Self::NotFound => "404",
            Self::TooManyRequests => "429",
            Self::Unavailable => "503",
            Self::TlsFailure => "tls_failure",
            Self::Other => "other",
        }
    }

    /// The outcome of an HTTP answer to a handshake (101: accepted).
    pub fn of_status(status: u16) -> Self {
        match status {
            101 => Self::Accepted,
            400 => Self::BadRequest,
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            429 => Self::TooManyRequests,
            503 => Self::Unavailable,
            _ => Self::Other,
        }
    }
}

/// How a command sent to a station ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandOutcome {
    Answered,
    CallError,
    InvalidResponse,
    Timeout,
    Offline,
    Disconnected,
    Unreachable,
}

impl CommandOutcome {
    const ALL: [Self; 7] = [
        Self::Answered,
        Self::CallError,
        Self::InvalidResponse,
        Self::Timeout,
        Self::Offline,
        Self::Disconnected,
        Self::Unreachable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Answered => "answered",
            Self::CallError => "call_error",
            Self::InvalidResponse => "invalid_response",
            Self::Timeout => "timeout",
            Self::Offline => "offline",
            Self::Disconnected => "disconnected",
            Self::Unreachable => "unreachable",
        }
    }
}

/// A GraphQL operation's type; `unknown` for a document refused before its type was read.
pub const OPERATION_TYPES: [&str; 4] = ["query", "mutation", "subscription", "unknown"];

type Labels = [(&'static str, &'static str); 1];
type Labels2 = [(&'static str, &'static str); 2];

/// Counters of a label set fixed at start: one per value, and `other` last.
struct ByName {
    names: &'static [&'static str],
    counters: Vec<Counter>,
}

impl ByName {
    fn new(
        family: &Family<Labels2, Counter>,
        key: &'static str,
        fixed: Labels,
        names: &'static [&'static str],
    ) -> Self {
        let counters = names
            .iter()
            .copied()
            .chain(std::iter::once("other"))
            .map(|name| family.get_or_create_owned(&[fixed[0], (key, name)]))
            .collect();
        Self { names, counters }
    }

    fn count(&self, name: &str) {
        let index = self
            .names
            .iter()
            .position(|n| *n == name)
            .unwrap_or(self.names.len());
        self.counters[index].inc();
    }
}

/// The metrics of one server.
pub struct Metrics {
    registry: Mutex<Registry>,
    handshakes: Vec<Counter>,
    /// CALLs from stations, by action: a `match` on the name to the index (no hashing).
    calls_in: Vec<Counter>,
    calls_out: ByName,
    call_errors_sent: ByName,
    call_errors_received: ByName,
    commands: Vec<Counter>,
    command_seconds: Histogram,
    graphql_operations: Vec<Counter>,
    graphql_errors: Family<Labels2, Counter>,
    subscriptions_open: Gauge,
    subscriptions_lagged: Counter,
    // Set by the scrape.
    pub stations_connected: Gauge,
    pub writer_queue: Gauge,
    pub read_pool_in_use: Gauge,
    pub read_pool_size: Gauge,
    pub read_pool_max: Gauge,
    pub store_breaker_open: Gauge,
    pub redis_breaker_open: Gauge,
    /// Failed calls of the status cache to Redis (the cache counts them here).
    pub redis_errors: Counter,
    /// Audit rows the database refused (each also logged whole at ERROR, target `audit`).
    pub audit_rows_lost: Counter,
    /// Events not looked at by the alert rules because their queue was full.
    pub alert_events_dropped: Counter,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::default();

        let handshakes_family = Family::<Labels, Counter>::default();
        let handshakes = Handshake::ALL
            .iter()
            .map(|h| handshakes_family.get_or_create_owned(&[("outcome", h.label())]))
            .collect();
        registry.register(
            "chargegate_ocpp_handshakes",
            "Station WebSocket handshakes by outcome (accepted, or the HTTP status of the refusal; tls_failure: the TLS handshake failed or timed out)",
            handshakes_family,
        );

        let messages = Family::<Labels2, Counter>::default();
        let calls_in = STATION_ACTIONS
            .iter()
            .copied()
            .chain(std::iter::once("other"))
            .map(|a| messages.get_or_create_owned(&[("direction", "in"), ("action", a)]))
            .collect();
        let calls_out = ByName::new(&messages, "action", [("direction", "out")], SERVER_ACTIONS);
        registry.register(
            "chargegate_ocpp_messages",
            "OCPP CALLs: in, sent by stations; out, sent by this node to stations; by action",
            messages,
        );

        let call_errors = Family::<Labels2, Counter>::default();
        let call_errors_sent =
            ByName::new(&call_errors, "code", [("direction", "sent")], ERROR_CODES);
        let call_errors_received = ByName::new(
            &call_errors,
            "code",
            [("direction", "received")],
            ERROR_CODES,
        );
        registry.register(
            "chargegate_ocpp_call_errors",
            "OCPP CALLERRORs sent to stations and received from them, by error code",
            call_errors,
        );

        let commands_family = Family::<Labels, Counter>::default();
        let commands = CommandOutcome::ALL
            .iter()
            .map(|o| commands_family.get_or_create_owned(&[("outcome", o.label())]))
            .collect();
        registry.register(
            "chargegate_commands",
            "Commands sent to stations on behalf of the APIs, by outcome",
            commands_family,
        );
        let command_seconds = Histogram::new(exponential_buckets(0.005, 2.0, 14));
        registry.register_with_unit(
            "chargegate_command_duration",
            "Command round trips: from sending to the station's answer (or the failure)",
            Unit::Seconds,
            command_seconds.clone(),
        );

        let operations = Family::<Labels, Counter>::default();
        let graphql_operations = OPERATION_TYPES[..3]
            .iter()
            .map(|t| operations.get_or_create_owned(&[("type", *t)]))
            .collect();
        registry.register(
            "chargegate_graphql_operations",
            "GraphQL operations run, by type",
            operations,
        );
        let graphql_errors = Family::<Labels2, Counter>::default();
        registry.register(
            "chargegate_graphql_errors",
            "GraphQL errors answered, by operation type and extensions.code",
            graphql_errors.clone(),
        );
        let subscriptions_open = Gauge::default();
        registry.register(
            "chargegate_graphql_subscriptions_open",
            "GraphQL subscriptions following the bus now",
            subscriptions_open.clone(),
        );
        let subscriptions_lagged = Counter::default();
        registry.register(
            "chargegate_graphql_subscriptions_lagged",
            "GraphQL subscriptions ended with LAGGED (the subscriber fell behind the bus)",
            subscriptions_lagged.clone(),
        );

        let gauge = |registry: &mut Registry, name: &str, help: &str| {
            let gauge = Gauge::default();
            registry.register(name, help, gauge.clone());
            gauge
        };
        let stations_connected = gauge(
            &mut registry,
            "chargegate_stations_connected",
            "Stations connected to this node",
        );
        let writer_queue = gauge(
            &mut registry,
            "chargegate_store_writer_queue",
            "Jobs waiting for the database writers",
        );
        let read_pool_in_use = gauge(
            &mut registry,
            "chargegate_store_read_pool_in_use",
            "Read connections in use",
        );
        let read_pool_size = gauge(
            &mut registry,
            "chargegate_store_read_pool_open",
            "Read connections open (in use or idle)",
        );
        let read_pool_max = gauge(
            &mut registry,
            "chargegate_store_read_pool_max",
            "Most read connections the pool opens",
        );
        let store_breaker_open = gauge(
            &mut registry,
            "chargegate_store_breaker_open",
            "1 while the database breaker is open (the database is unreachable; operations fail at once)",
        );
        let redis_breaker_open = gauge(
            &mut registry,
            "chargegate_redis_breaker_open",
            "1 while the Redis breaker is open (calls fail at once); 0 without Redis",
        );
        let redis_errors = Counter::default();
        registry.register(
            "chargegate_redis_errors",
            "Status-cache calls to Redis that failed (unreachable, timed out or refused); 0 without Redis",
            redis_errors.clone(),
        );
        let audit_rows_lost = Counter::default();
        registry.register(
            "chargegate_audit_rows_lost",
            "Audit rows the database refused (each logged whole at ERROR, target audit)",
            audit_rows_lost.clone(),
        );
        let alert_events_dropped = Counter::default();
        registry.register(
            "chargegate_alert_events_dropped",
            "Events the alert rules did not look at because their queue (1,024) was full",
            alert_events_dropped.clone(),
        );
        registry.register_collector(Box::new(Process));

        Self {
            registry: Mutex::new(registry),
            handshakes,
            calls_in,
            calls_out,
            call_errors_sent,
            call_errors_received,
            commands,
            command_seconds,
            graphql_operations,
            graphql_errors,
            subscriptions_open,
            subscriptions_lagged,
            stations_connected,
            writer_queue,
            read_pool_in_use,
            read_pool_size,
            read_pool_max,
            store_breaker_open,
            redis_breaker_open,
            redis_errors,
            audit_rows_lost,
            alert_events_dropped,
        }
    }

    /// Registers an instrument kept elsewhere (the store's, the cache's); `name` without the
    /// `chargegate_` prefix.
    pub fn register(
        &self,
        name: &str,
        help: &str,
        metric: impl EncodeMetric + 'static + std::fmt::Debug + Send + Sync,
    ) {
        self.registry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .register(format!("chargegate_{name}"), help, metric);
    }

    /// Like [`Metrics::register`], with a unit (`_seconds` is appended to the name).
    pub fn register_seconds(
        &self,
        name: &str,
        help: &str,
        metric: impl EncodeMetric + 'static + std::fmt::Debug + Send + Sync,
    ) {
        self.registry
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .register_with_unit(format!("chargegate_{name}"), help, Unit::Seconds, metric);
    }

    /// The counter of one handshake outcome (the TLS listener counts its failures with it).
    pub fn handshake(&self, outcome: Handshake) -> &Counter {
        let index = Handshake::ALL
            .iter()
            .position(|h| *h == outcome)
            .unwrap_or(Handshake::ALL.len() - 1);
        &self.handshakes[index]
    }

    /// A CALL from a station.
    pub fn call_in(&self, action: &str) {
        let index = match action {
            "Authorize" => 0,
            "BootNotification" => 1,
            "DataTransfer" => 2,
            "DiagnosticsStatusNotification" => 3,
            "FirmwareStatusNotification" => 4,
            "Heartbeat" => 5,
            "MeterValues" => 6,
            "StartTransaction" => 7,
            "StatusNotification" => 8,
            "StopTransaction" => 9,
            "LogStatusNotification" => 10,
            "SecurityEventNotification" => 11,
            "SignCertificate" => 12,
            "SignedFirmwareStatusNotification" => 13,
            "ClearedChargingLimit" => 14,
            "Get15118EVCertificate" => 15,
            "GetCertificateStatus" => 16,
            "NotifyChargingLimit" => 17,
            "NotifyCustomerInformation" => 18,
            "NotifyDisplayMessages" => 19,
            "NotifyEVChargingNeeds" => 20,
            "NotifyEVChargingSchedule" => 21,
            "NotifyEvent" => 22,
            "NotifyMonitoringReport" => 23,
            "NotifyReport" => 24,
            "PublishFirmwareStatusNotification" => 25,
            "ReportChargingProfiles" => 26,
            "ReservationStatusUpdate" => 27,
            "TransactionEvent" => 28,
            _ => STATION_ACTIONS.len(),
        };
        self.calls_in[index].inc();
    }

    /// A CALL to a station.
    pub fn call_out(&self, action: &str) {
        self.calls_out.count(action);
    }

    /// A CALLERROR sent to a station.
    pub fn call_error_sent(&self, code: &str) {
        self.call_errors_sent.count(code);
    }

    /// A CALLERROR received from a station.
    pub fn call_error_received(&self, code: &str) {
        self.call_errors_received.count(code);
    }

    /// A command's round trip.
    pub fn command(&self, outcome: CommandOutcome, took: Duration) {
        let index = CommandOutcome::ALL
            .iter()
            .position(|o| *o == outcome)
            .unwrap_or(0);
        self.commands[index].inc();
        self.command_seconds.observe(took.as_secs_f64());
    }

    /// A GraphQL operation run (`query`, `mutation` or `subscription`).
    pub fn graphql_operation(&self, kind: &str) {
        if let Some(index) = OPERATION_TYPES[..3].iter().position(|t| *t == kind) {
            self.graphql_operations[index].inc();
        }
    }

    /// A GraphQL error answered; `code` is its `extensions.code`, counted as `other` when it
    /// is not one of `codes` (the README's "Errors" table).
    pub fn graphql_error(&self, kind: &'static str, code: &str, codes: &[&'static str]) {
        let code = codes
            .iter()
            .copied()
            .find(|c| *c == code)
            .unwrap_or("other");
        self.graphql_errors
            .get_or_create(&[("type", kind), ("code", code)])
            .inc();
    }

    /// A subscription following the bus: counted open until the guard is dropped.
    pub fn subscription(&self) -> SubscriptionGuard {
        self.subscriptions_open.inc();
        SubscriptionGuard {
            open: self.subscriptions_open.clone(),
            lagged: self.subscriptions_lagged.clone(),
        }
    }

    /// The registry in the Prometheus (OpenMetrics) text format.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        let registry = self.registry.lock().unwrap_or_else(PoisonError::into_inner);
        // Writing to a String does not fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &registry);
        text
    }
}

/// Counts a subscription open while it lives.
pub struct SubscriptionGuard {
    open: Gauge,
    lagged: Counter,
}

impl SubscriptionGuard {
    /// The subscription fell behind and ends.
    pub fn lagged(&self) {
        self.lagged.inc();
    }
}

impl Drop for SubscriptionGuard {
    fn drop(&mut self) {
        self.open.dec();
    }
}

/// The process's own figures, read from `/proc/self` on each scrape (Linux; elsewhere none),
/// named as Prometheus' client libraries name them.
#[derive(Debug)]
struct Process;

/// What `/proc/self` says.
#[derive(Debug, Default, PartialEq)]
struct ProcessFigures {
    cpu_seconds: f64,
    resident_bytes: u64,
    virtual_bytes: u64,
    threads: u64,
    start_time_seconds: f64,
    open_fds: u64,
    max_fds: u64,
}

/// Reads `/proc/self/stat` (after the command name in brackets, which may hold spaces).
#[cfg(target_os = "linux")]
fn read_process() -> Option<ProcessFigures> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let boot = std::fs::read_to_string("/proc/stat").ok()?;
    let boot_time = boot
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .and_then(|s| s.trim().parse::<u64>().ok())?;
    let ticks = rustix::param::clock_ticks_per_second() as f64;
    let page = rustix::param::page_size() as u64;
    let mut figures = parse_stat(&stat, ticks, page, boot_time)?;
    figures.open_fds = std::fs::read_dir("/proc/self/fd").map_or(0, |d| d.count() as u64);
    figures.max_fds = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .unwrap_or(0);
    Some(figures)
}

#[cfg(not(target_os = "linux"))]
fn read_process() -> Option<ProcessFigures> {
    None
}

/// The fields of `/proc/<pid>/stat` we report (proc(5): utime 14, stime 15, num_threads 20,
/// starttime 22, vsize 23, rss 24, counted from 1 with the command as field 2).
fn parse_stat(stat: &str, ticks: f64, page: u64, boot_time: u64) -> Option<ProcessFigures> {
    let after = &stat[stat.rfind(')')? + 1..];
    // Field 3 (state) is the first after the command.
    let fields: Vec<&str> = after.split_whitespace().collect();
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
    let (utime, stime) = (field(14)?, field(15)?);
    Some(ProcessFigures {
        cpu_seconds: (utime + stime) as f64 / ticks,
        threads: field(20)?,
        start_time_seconds: boot_time as f64 + field(22)? as f64 / ticks,
        virtual_bytes: field(23)?,
        resident_bytes: field(24)? * page,
        open_fds: 0,
        max_fds: 0,
    })
}

impl Collector for Process {
    fn encode(&self, mut encoder: DescriptorEncoder<'_>) -> Result<(), std::fmt::Error> {
        let Some(p) = read_process() else {
            return Ok(());
        };
        let counter = ConstCounter::new(p.cpu_seconds);
        let m = encoder.encode_descriptor(
            "process_cpu_seconds",
            "User and system CPU time spent, in seconds",
            None,
            counter.metric_type(),
        )?;
        counter.encode(m)?;
        let gauges: [(&str, &str, f64); 6] = [
            (
                "process_resident_memory_bytes",
                "Resident memory size in bytes",
                p.resident_bytes as f64,
            ),
            (
                "process_virtual_memory_bytes",
                "Virtual memory size in bytes",
                p.virtual_bytes as f64,
            ),
            (
                "process_open_fds",
                "Open file descriptors",
                p.open_fds as f64,
            ),
            ("process_max_fds", "The open-file limit", p.max_fds as f64),
            ("process_threads", "OS threads", p.threads as f64),
            (
                "process_start_time_seconds",
                "Start time of the process since the Unix epoch, in seconds",
                p.start_time_seconds,
            ),
        ];
        for (name, help, value) in gauges {
            let gauge = ConstGauge::new(value);
            let m = encoder.encode_descriptor(name, help, None, gauge.metric_type())?;
            gauge.encode(m)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_fields_are_read_after_the_command_name() {
        let stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 7 0 12345 104857600 2560 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        let p = parse_stat(stat, 100.0, 4096, 1_700_000_000).unwrap();
        assert_eq!(p.cpu_seconds, 3.0);
        assert_eq!(p.threads, 7);
        assert!((p.start_time_seconds - 1_700_000_123.45).abs() < 1e-3);
        assert_eq!(p.virtual_bytes, 104_857_600);
        assert_eq!(p.resident_bytes, 2560 * 4096);
    }

    #[test]
    fn station_actions_are_indexed_as_listed() {
        let metrics = Metrics::new();
        for (i, action) in STATION_ACTIONS.iter().enumerate() {
            metrics.call_in(action);
            assert_eq!(metrics.calls_in[i].get(), 1, "{action}");
        }
        metrics.call_in("Nonsense");
        assert_eq!(metrics.calls_in[STATION_ACTIONS.len()].get(), 1);
    }
}
