//! Typed settings, read once at start from command-line flags with environment fallbacks.
//!
//! Every setting is listed, with its variable and default, in the README: in its configuration
//! table, or in its Limits tables for the bounds of [`Limits`].
//! Nothing here is ever logged whole: `DATABASE_URL` may hold a password (see [`redact_url`]).

use std::{
    fmt,
    net::{IpAddr, SocketAddr},
    path::PathBuf,
    str::FromStr,
    time::Duration,
};

use clap::{ArgAction, Args, ValueEnum};

/// What happens when a charge point id that is not in the database connects.
/// The algorithm of an outside identity provider's public key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExternalAlgorithm {
    #[value(name = "RS256")]
    Rs256,
    #[value(name = "ES256")]
    Es256,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UnknownStationPolicy {
    /// Register it and accept its BootNotification.
    Accept,
    /// Register it as Pending: its BootNotification is answered Pending until an operator
    /// approves it, and any other message gets a SecurityError.
    Pending,
    /// Refuse the WebSocket handshake with HTTP 404.
    Reject,
}

/// What an unknown id tag is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UnknownIdTagPolicy {
    /// Accept it and remember it (an operator can block it later).
    Accept,
    /// Answer `Invalid`.
    Reject,
}

/// Where files uploaded by stations are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UploadStore {
    /// Files in `--upload-dir` on this node's disk: only this node can hand them out (unless
    /// every node mounts the same directory).
    Filesystem,
    /// In the database, in chunks of 1 MiB: every node can hand out every file (for several
    /// nodes sharing PostgreSQL).
    Database,
}

/// SQLite's `synchronous` pragma for the file database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SqliteSync {
    /// fsync at every commit: an acknowledged message survives a power cut.
    Full,
    /// fsync at WAL checkpoints only: survives a crash of chargegate, not of the machine.
    Normal,
}

/// A secret setting: its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl FromStr for Secret {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(s.to_owned()))
    }
}

/// An address block such as `10.0.0.0/8`, `fd00::/8` or one address (`192.0.2.7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpBlock {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl IpBlock {
    pub fn contains(&self, ip: IpAddr) -> bool {
        // An IPv4 peer may show up as an IPv4-mapped IPv6 address on a dual-stack socket.
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.addr, ip) {
            (IpAddr::V4(block), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(block) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(block), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(block) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for IpBlock {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (s.trim(), None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("`{s}` is not an address or address/prefix"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("`{s}`: the prefix length must be 0 to {max}"))?,
        };
        Ok(Self { addr, prefix })
    }
}

/// A duration written as `300`, `300s`, `5m`, `2h`, `30d`, `250ms` or `1500us` (a bare number
/// is seconds; whole units only, so a microsecond is the finest it holds and shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HumanDuration(pub Duration);

impl FromStr for HumanDuration {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (number, unit) = s.split_at(split);
        let number: u64 = number
            .parse()
            .map_err(|_| format!("`{s}` is not a duration such as 300, 300s, 5m, 2h or 30d"))?;
        let factor = match unit.trim() {
            "" | "s" => 1,
            "us" => return Ok(Self(Duration::from_micros(number))),
            "ms" => return Ok(Self(Duration::from_millis(number))),
            "m" => 60,
            "h" => 3_600,
            "d" => 86_400,
            other => {
                return Err(format!(
                    "unknown duration unit `{other}` (use us, ms, s, m, h or d)"
                ));
            }
        };
        number
            .checked_mul(factor)
            .map(|secs| Self(Duration::from_secs(secs)))
            .ok_or_else(|| format!("`{s}` is too long"))
    }
}

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if !d.subsec_micros().is_multiple_of(1000) {
            write!(f, "{}us", d.as_micros())
        } else if d.subsec_millis() != 0 {
            write!(f, "{}ms", d.as_millis())
        } else {
            write!(f, "{}s", d.as_secs())
        }
    }
}

/// A size in bytes written as `512`, `16KiB`, `1MiB` or `2GiB` (a bare number is bytes; whole
/// units only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl ByteSize {
    pub const KIB: u64 = 1024;
    pub const MIB: u64 = 1024 * 1024;

    /// The size as a `usize` (saturating on 32-bit targets).
    pub fn bytes(self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

impl FromStr for ByteSize {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (number, unit) = s.split_at(split);
        let number: u64 = number
            .parse()
            .map_err(|_| format!("`{s}` is not a size such as 512, 16KiB, 1MiB or 2GiB"))?;
        let factor = match unit.trim() {
            "" | "B" => 1,
            "KiB" => Self::KIB,
            "MiB" => Self::MIB,
            "GiB" => 1024 * Self::MIB,
            other => {
                return Err(format!(
                    "unknown size unit `{other}` (use B, KiB, MiB or GiB)"
                ));
            }
        };
        number
            .checked_mul(factor)
            .map(Self)
            .ok_or_else(|| format!("`{s}` is too large"))
    }
}

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        for (unit, factor) in [
            ("GiB", 1024 * Self::MIB),
            ("MiB", Self::MIB),
            ("KiB", Self::KIB),
        ] {
            if n != 0 && n.is_multiple_of(factor) {
                return write!(f, "{}{unit}", n / factor);
            }
        }
        write!(f, "{n}")
    }
}

/// Most PostgreSQL writer connections (`--db-writers`).
pub const MAX_DB_WRITERS: u32 = 16;

/// The server's settings. Flags win over environment variables, which win over defaults.
#[derive(Clone, Debug, Args)]
pub struct Settings {
    /// Address and port for everything: the console, the APIs and the stations' WebSockets.
    #[arg(
        long,
        env = "CHARGEGATE_LISTEN",
        default_value = "0.0.0.0:3000",
        global = true
    )]
    pub listen: SocketAddr,

    /// Database: `sqlite://FILE` (created on first start) or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://chargegate.db",
        hide_env_values = true,
        global = true
    )]
    pub database_url: String,

    /// Heartbeat interval given to stations in the BootNotification answer.
    #[arg(
        long,
        env = "CHARGEGATE_HEARTBEAT_INTERVAL",
        default_value = "300s",
        global = true
    )]
    pub heartbeat_interval: HumanDuration,

    /// What to do with a charge point id that is not in the database.
    #[arg(
        long,
        env = "CHARGEGATE_UNKNOWN_STATIONS",
        value_enum,
        default_value = "accept",
        global = true
    )]
    pub unknown_stations: UnknownStationPolicy,

    // Station authentication and TLS (OCPP 1.6 Security Whitepaper); see `use_case::station_credentials`.
    /// Security profile of stations that have none of their own: 0 (no authentication), 1
    /// (HTTP Basic with the station's AuthorizationKey), 2 (Basic over TLS), 3 (TLS client
    /// certificate).
    #[arg(
        long,
        env = "CHARGEGATE_DEFAULT_SECURITY_PROFILE",
        default_value_t = 0,
        value_parser = clap::value_parser!(u8).range(0..=3),
        global = true
    )]
    pub default_security_profile: u8,

    /// The CPO name (whitepaper A00.FR.404, configuration key `CpoName`): when set, a
    /// profile-3 client certificate and a station's certificate signing request must carry it
    /// in their subject's O. Unset: any O is accepted (one is still required in a request).
    #[arg(long, env = "CHARGEGATE_CPO_NAME", global = true)]
    pub cpo_name: Option<String>,

    /// A second address on which chargegate serves TLS (`wss://`, and the API over `https://`)
    /// with `--tls-cert` and `--tls-key`; `--listen` stays plain.
    #[arg(long, env = "CHARGEGATE_TLS_LISTEN", global = true)]
    pub tls_listen: Option<SocketAddr>,

    /// PEM file with the server's certificate chain (its own certificate first).
    #[arg(long, env = "CHARGEGATE_TLS_CERT", global = true)]
    pub tls_cert: Option<PathBuf>,

    /// PEM file with the server certificate's private key (PKCS#8, PKCS#1 or SEC1).
    #[arg(long, env = "CHARGEGATE_TLS_KEY", global = true)]
    pub tls_key: Option<PathBuf>,

    /// PEM file with the CA certificate(s) that sign stations' client certificates (security
    /// profile 3). Clients without a certificate are still served (profile 2 uses Basic).
    #[arg(long, env = "CHARGEGATE_TLS_CLIENT_CA", global = true)]
    pub tls_client_ca: Option<PathBuf>,

    /// What to answer for an id tag that is not in the database.
    #[arg(
        long,
        env = "CHARGEGATE_UNKNOWN_ID_TAGS",
        value_enum,
        default_value = "reject",
        global = true
    )]
    pub unknown_id_tags: UnknownIdTagPolicy,

    /// The time zone of energy budgets' weeks and months, as an offset from UTC (`+07:00` for
    /// Western Indonesian Time): a monthly budget starts again at local midnight on the 1st.
    #[arg(
        long,
        env = "CHARGEGATE_BUDGET_UTC_OFFSET",
        default_value = "+00:00",
        value_parser = parse_utc_offset,
        global = true
    )]
    pub budget_utc_offset: chrono::FixedOffset,

    /// How long a command to a station may wait for its answer.
    #[arg(
        long,
        env = "CHARGEGATE_COMMAND_TIMEOUT",
        default_value = "30s",
        global = true
    )]
    pub command_timeout: HumanDuration,

    /// Interval of WebSocket pings to stations; a station silent for a whole interval after a
    /// ping is disconnected. `0` turns pings off.
    #[arg(
        long,
        env = "CHARGEGATE_PING_INTERVAL",
        default_value = "60s",
        global = true
    )]
    pub ping_interval: HumanDuration,

    /// How long the OCPP message journal is kept. `0` keeps it forever.
    #[arg(
        long,
        env = "CHARGEGATE_JOURNAL_RETENTION",
        default_value = "30d",
        global = true
    )]
    pub journal_retention: HumanDuration,

    /// How long the audit trail (`auditLog`) is kept; older rows are pruned every hour. `0`
    /// keeps it as long as `--audit-max-rows` allows.
    #[arg(
        long,
        env = "CHARGEGATE_AUDIT_RETENTION",
        default_value = "365d",
        global = true
    )]
    pub audit_retention: HumanDuration,

    /// How long raw meter readings are kept (by the station's timestamp), in whole 15-minute
    /// buckets; older ones are deleted every hour once rolled up. Their rollups are kept for
    /// good. `0` keeps them all.
    #[arg(
        long,
        env = "CHARGEGATE_METER_RETENTION",
        default_value = "0",
        global = true
    )]
    pub meter_retention: HumanDuration,

    /// How often new meter readings are rolled up into 15-minute rollups.
    #[arg(
        long,
        env = "CHARGEGATE_METER_ROLLUP_INTERVAL",
        default_value = "30s",
        global = true
    )]
    pub meter_rollup_interval: HumanDuration,

    /// Whether every OCPP frame is also kept as it was on the wire (the message journal).
    /// `off` stores only what the frames mean (stations, transactions, meter values, …):
    /// two rows fewer per message; DataTransfer payloads are then not kept.
    #[arg(
        long,
        env = "CHARGEGATE_JOURNAL",
        default_value = "on",
        action = clap::ArgAction::Set,
        value_parser = clap::builder::BoolishValueParser::new(),
        global = true
    )]
    pub journal: bool,

    /// Unreadable frames in a row after which a connection is closed (1002). `0` never closes.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_BAD_FRAMES",
        default_value_t = 10,
        global = true
    )]
    pub max_bad_frames: u32,

    /// Vendor ids whose station DataTransfer messages are answered Accepted (comma-separated);
    /// others get UnknownVendorId. Every DataTransfer is journaled either way.
    #[arg(
        long,
        env = "CHARGEGATE_DATA_TRANSFER_VENDORS",
        value_delimiter = ',',
        global = true
    )]
    pub data_transfer_vendors: Vec<String>,

    /// SQLite durability: `full` (fsync per commit) or `normal`.
    #[arg(
        long,
        env = "CHARGEGATE_SQLITE_SYNCHRONOUS",
        value_enum,
        default_value = "full",
        global = true
    )]
    pub sqlite_synchronous: SqliteSync,

    /// SQLite with `full` durability: the least time from one sync of the write-ahead log to
    /// the next. Commits in between wait (at most this long) and share the next sync; fewer,
    /// larger commits cost far less CPU under a fleet's steady load. `0` commits as soon as
    /// the last sync has ended.
    #[arg(
        long,
        env = "CHARGEGATE_SQLITE_COMMIT_INTERVAL",
        default_value = "2ms",
        global = true
    )]
    pub sqlite_commit_interval: HumanDuration,

    /// Database connections used for reads (the writer has its own).
    #[arg(
        long,
        env = "CHARGEGATE_DB_READ_CONNECTIONS",
        default_value_t = 4,
        global = true
    )]
    pub db_read_connections: u32,

    /// PostgreSQL: writer connections. A station's meter values and journal rows always go
    /// through the same one (so they stay in order); every other write through the first.
    /// SQLite always has one.
    #[arg(
        long,
        env = "CHARGEGATE_DB_WRITERS",
        default_value_t = 2,
        global = true
    )]
    pub db_writers: u32,

    /// Redis for several nodes: `redis://[:PASSWORD@]HOST:PORT[/DB]` (`rediss://` for TLS).
    /// Unset: the status cache and the event bus stay in memory (one node).
    #[arg(long, env = "REDIS_URL", hide_env_values = true, global = true)]
    pub redis_url: Option<String>,

    /// Put before every Redis key and channel, so that deployments (and tests) can share one
    /// Redis.
    #[arg(
        long,
        env = "CHARGEGATE_REDIS_PREFIX",
        default_value = "chargegate:",
        global = true
    )]
    pub redis_prefix: String,

    /// How long a station counts as connected after its node last confirmed it (the node
    /// confirms every third of this); a crashed node's stations go offline after it.
    #[arg(
        long,
        env = "CHARGEGATE_PRESENCE_TTL",
        default_value = "30s",
        global = true
    )]
    pub presence_ttl: HumanDuration,

    /// HS256 secret (32 bytes or more) that signs chargegate's tokens. Unset: read from the
    /// secret file, which is created on first start.
    #[arg(
        long,
        env = "CHARGEGATE_JWT_SECRET",
        hide_env_values = true,
        global = true
    )]
    pub jwt_secret: Option<Secret>,

    /// The file holding the HS256 secret when none is given. Default: beside the SQLite
    /// database (`chargegate.db.jwt-secret`), or `chargegate.jwt-secret` in the working
    /// directory for PostgreSQL.
    #[arg(long, env = "CHARGEGATE_JWT_SECRET_FILE", global = true)]
    pub jwt_secret_file: Option<PathBuf>,

    /// PEM public key of an outside identity provider whose tokens are accepted too.
    #[arg(long, env = "CHARGEGATE_JWT_PUBLIC_KEY", global = true)]
    pub jwt_public_key: Option<PathBuf>,

    /// Algorithm of that public key.
    #[arg(
        long,
        env = "CHARGEGATE_JWT_ALGORITHM",
        value_enum,
        default_value = "RS256",
        global = true
    )]
    pub jwt_algorithm: ExternalAlgorithm,

    /// The `aud` claim tokens must carry.
    #[arg(
        long,
        env = "CHARGEGATE_JWT_AUDIENCE",
        default_value = "chargegate",
        global = true
    )]
    pub jwt_audience: String,

    /// Lifetime of the tokens that `login` issues.
    #[arg(
        long,
        env = "CHARGEGATE_TOKEN_TTL",
        default_value = "12h",
        global = true
    )]
    pub token_ttl: HumanDuration,

    /// Let people register themselves as drivers (`register`, no token needed); each new
    /// account waits, pending, until an operator approves it. Off: only staff create accounts.
    #[arg(
        long,
        env = "CHARGEGATE_SELF_REGISTRATION",
        default_value = "false",
        action = ArgAction::Set,
        value_parser = clap::builder::BoolishValueParser::new(),
        global = true
    )]
    pub self_registration: bool,

    /// Serve GraphiQL on `GET /graphql`.
    #[arg(long, env = "CHARGEGATE_GRAPHIQL", default_value_t = true, action = ArgAction::Set, global = true)]
    pub graphiql: bool,

    /// A bearer token that `GET /metrics` requires (`Authorization: Bearer …`; 401
    /// otherwise). Unset: the metrics are open to anyone who reaches their address.
    #[arg(
        long,
        env = "CHARGEGATE_METRICS_TOKEN",
        global = true,
        hide_env_values = true
    )]
    pub metrics_token: Option<Secret>,

    /// Serve `GET /metrics` on this address (e.g. `127.0.0.1:9100`) instead of `--listen`.
    #[arg(long, env = "CHARGEGATE_METRICS_LISTEN", global = true)]
    pub metrics_listen: Option<SocketAddr>,

    /// How log lines are written to standard error: `text` (for people) or `json` (one JSON
    /// object a line, for log collectors).
    #[arg(
        long,
        env = "CHARGEGATE_LOG_FORMAT",
        default_value = "text",
        value_enum,
        global = true
    )]
    pub log_format: LogFormat,

    /// Export traces over OTLP/HTTP (protobuf, `http://` only) to this collector, e.g.
    /// `http://127.0.0.1:4318` (`/v1/traces` is added); unset, no spans are made or exported.
    #[arg(long, env = "CHARGEGATE_OTLP_ENDPOINT", global = true)]
    pub otlp_endpoint: Option<String>,

    /// The `service.name` of the exported spans.
    #[arg(
        long,
        env = "CHARGEGATE_OTLP_SERVICE_NAME",
        default_value = "chargegate",
        global = true
    )]
    pub otlp_service_name: String,

    /// Finished spans waiting for export; past it, spans are dropped (and counted), never waited
    /// for.
    #[arg(
        long,
        env = "CHARGEGATE_OTLP_QUEUE",
        default_value_t = 8192,
        value_parser = clap::value_parser!(u32).range(1..=1_048_576),
        global = true
    )]
    pub otlp_queue: u32,

    /// Answer GraphQL introspection queries (`__schema`, `__type`).
    #[arg(long, env = "CHARGEGATE_INTROSPECTION", default_value_t = true, action = ArgAction::Set, global = true)]
    pub introspection: bool,

    /// Origins allowed to call the API from a browser (comma-separated, e.g.
    /// `https://ops.example.org`); none by default.
    #[arg(
        long,
        env = "CHARGEGATE_CORS_ORIGINS",
        value_delimiter = ',',
        global = true
    )]
    pub cors_origins: Vec<String>,

    /// Load balancers or proxies (addresses or blocks, comma-separated, e.g. `10.0.0.0/8`)
    /// whose `X-Forwarded-For` names the client; none by default. Behind a load balancer,
    /// without it every client seems to come from the balancer (one login throttle for all).
    #[arg(
        long,
        env = "CHARGEGATE_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    pub trusted_proxies: Vec<IpBlock>,

    /// Deepest nesting a GraphQL query may have.
    #[arg(
        long,
        env = "CHARGEGATE_QUERY_DEPTH_LIMIT",
        default_value_t = 12,
        global = true
    )]
    pub query_depth_limit: usize,

    /// Highest complexity (fields, weighted by list sizes) a GraphQL query may have.
    #[arg(
        long,
        env = "CHARGEGATE_QUERY_COMPLEXITY_LIMIT",
        default_value_t = 20_000,
        global = true
    )]
    pub query_complexity_limit: usize,

    /// Most aliases one GraphQL document may use.
    #[arg(
        long,
        env = "CHARGEGATE_QUERY_ALIAS_LIMIT",
        default_value_t = 30,
        global = true
    )]
    pub query_alias_limit: usize,

    /// Most operations one batched GraphQL request may hold.
    #[arg(
        long,
        env = "CHARGEGATE_QUERY_BATCH_LIMIT",
        default_value_t = 10,
        global = true
    )]
    pub query_batch_limit: usize,

    /// The URL stations reach this server at (`http://host:port`), for the upload address in
    /// GetDiagnostics when the operator gives none. Unset: a location must be given.
    #[arg(long, env = "CHARGEGATE_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Where files uploaded by stations (diagnostics) are stored.
    #[arg(
        long,
        env = "CHARGEGATE_UPLOAD_DIR",
        default_value = "uploads",
        global = true
    )]
    pub upload_dir: PathBuf,

    /// Where uploaded files are kept: `filesystem` (in `--upload-dir`) or `database` (every
    /// node of a cluster can then hand out every file; `--upload-dir` holds only the part
    /// being received).
    #[arg(
        long,
        env = "CHARGEGATE_UPLOAD_STORE",
        value_enum,
        default_value = "filesystem",
        global = true
    )]
    pub upload_store: UploadStore,

    /// Largest file a station may upload, in MiB.
    #[arg(
        long,
        env = "CHARGEGATE_UPLOAD_MAX_MIB",
        default_value_t = 64,
        global = true
    )]
    pub upload_max_mib: u64,
    /// Security Whitepaper: PEM file of the CA that signs stations' certificate signing
    /// requests (the CA certificate first, then any certificates up to the root, all sent to
    /// the station with its certificate). Unset: requests wait for an operator.
    #[arg(long, env = "CHARGEGATE_CSR_CA_CERT", global = true)]
    pub csr_ca_cert: Option<PathBuf>,

    /// PEM file (PKCS#8) of that CA's private key.
    #[arg(long, env = "CHARGEGATE_CSR_CA_KEY", global = true)]
    pub csr_ca_key: Option<PathBuf>,

    /// How long certificates signed with that CA are valid (never beyond the CA's own end).
    #[arg(
        long,
        env = "CHARGEGATE_CSR_CERTIFICATE_VALIDITY",
        default_value = "365d",
        global = true
    )]
    pub csr_certificate_validity: HumanDuration,

    /// What one remote party can make the server hold (README, "Limits").
    #[command(flatten)]
    pub limits: Limits,

    /// Alerts: their evaluation, webhook and e-mail delivery, and their bounds.
    #[command(flatten)]
    pub alerts: AlertSettings,
}

/// How log lines are written (`--log-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// tracing's human-readable lines.
    #[default]
    Text,
    /// One JSON object a line: `timestamp`, `level`, `fields` (with `message`), `target`,
    /// and the spans.
    Json,
}

/// `+07:00`, `-03:30`, `+00:00` or `Z`: an offset from UTC of less than a day.
fn parse_utc_offset(s: &str) -> Result<chrono::FixedOffset, String> {
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") {
        return Ok(chrono::FixedOffset::east_opt(0).expect("UTC"));
    }
    s.parse::<chrono::FixedOffset>()
        .map_err(|_| format!("{s:?} is not an offset from UTC such as +07:00"))
}

impl Settings {
    /// Settings with every default, for tests and embedding; `database_url` as given.
    pub fn with_database(database_url: impl Into<String>) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.into(),
            heartbeat_interval: HumanDuration(Duration::from_secs(300)),
            unknown_stations: UnknownStationPolicy::Accept,
            default_security_profile: 0,
            cpo_name: None,
            tls_listen: None,
            tls_cert: None,
            tls_key: None,
            tls_client_ca: None,
            unknown_id_tags: UnknownIdTagPolicy::Reject,
            budget_utc_offset: chrono::FixedOffset::east_opt(0).expect("UTC"),
            command_timeout: HumanDuration(Duration::from_secs(30)),
            ping_interval: HumanDuration(Duration::from_secs(60)),
            journal_retention: HumanDuration(Duration::from_secs(30 * 86_400)),
            audit_retention: HumanDuration(Duration::from_secs(365 * 86_400)),
            meter_retention: HumanDuration(Duration::ZERO),
            meter_rollup_interval: HumanDuration(Duration::from_secs(30)),
            journal: true,
            max_bad_frames: 10,
            data_transfer_vendors: Vec::new(),
            sqlite_synchronous: SqliteSync::Full,
            sqlite_commit_interval: HumanDuration(Duration::from_millis(2)),
            db_read_connections: 4,
            db_writers: 2,
            redis_url: None,
            redis_prefix: "chargegate:".into(),
            presence_ttl: HumanDuration(Duration::from_secs(30)),
            jwt_secret: None,
            jwt_secret_file: None,
            jwt_public_key: None,
            jwt_algorithm: ExternalAlgorithm::Rs256,
            jwt_audience: "chargegate".into(),
            token_ttl: HumanDuration(Duration::from_secs(12 * 3600)),
            self_registration: false,
            graphiql: true,
            introspection: true,
            metrics_token: None,
            metrics_listen: None,
            log_format: LogFormat::Text,
            otlp_endpoint: None,
            otlp_service_name: "chargegate".into(),
            otlp_queue: 8192,
            cors_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            query_depth_limit: 12,
            query_complexity_limit: 20_000,
            query_alias_limit: 30,
            query_batch_limit: 10,
            public_url: None,
            upload_dir: PathBuf::from("uploads"),
            upload_store: UploadStore::Filesystem,
            upload_max_mib: 64,
            csr_ca_cert: None,
            csr_ca_key: None,
            csr_certificate_validity: HumanDuration(Duration::from_secs(365 * 86_400)),
            limits: Limits::default(),
            alerts: AlertSettings::default(),
        }
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the nearest
    /// address in `X-Forwarded-For` (read from the right) that is not one.
    pub fn client_ip(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        let trusted = |ip: IpAddr| self.trusted_proxies.iter().any(|b| b.contains(ip));
        if !trusted(peer) {
            return peer;
        }
        let mut client = peer;
        for hop in forwarded_for.unwrap_or_default().rsplit(',') {
            match hop.trim().parse::<IpAddr>() {
                Ok(ip) => {
                    client = ip;
                    if !trusted(ip) {
                        break;
                    }
                }
                // Garbage: stop at the last address we could trust.
                Err(_) => break,
            }
        }
        client
    }

    /// Where the HS256 secret is kept when none is configured.
    pub fn jwt_secret_path(&self) -> PathBuf {
        if let Some(path) = &self.jwt_secret_file {
            return path.clone();
        }
        let sqlite_file = self
            .database_url
            .strip_prefix("sqlite://")
            .or_else(|| self.database_url.strip_prefix("sqlite:"))
            .map(|rest| rest.split('?').next().unwrap_or(rest))
            .filter(|file| !file.is_empty() && !file.contains(":memory:"));
        match sqlite_file {
            Some(file) => PathBuf::from(format!("{file}.jwt-secret")),
            None => PathBuf::from("chargegate.jwt-secret"),
        }
    }
}

/// A setting the server cannot work with, or settings that contradict each other. The message
/// names the flags to change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// A duration outside its range.
    #[error("{name} must be between {} and {}", HumanDuration(*min), HumanDuration(*max))]
    OutOfRange {
        name: &'static str,
        min: Duration,
        max: Duration,
    },
    /// A connection timeout that is zero or longer than a day.
    #[error("{0} must be between 1us and 1d")]
    Timeout(&'static str),
    /// A number or size below its minimum (`min` as the flag takes it).
    #[error("{name} must be at least {min}")]
    TooSmall {
        name: &'static str,
        min: &'static str,
    },
    #[error("--db-writers must be 1 to {MAX_DB_WRITERS}")]
    DbWriters,
    #[error("--redis-prefix must be 1 to 64 characters")]
    RedisPrefix,
    /// Several nodes (REDIS_URL) without a token secret they share.
    #[error(
        "with REDIS_URL several nodes share the API: give them one token \
        secret with CHARGEGATE_JWT_SECRET (or a shared CHARGEGATE_JWT_SECRET_FILE)"
    )]
    NoSharedSecret,
    /// `--tls-listen` without this file.
    #[error("--tls-listen needs {0}")]
    TlsFileMissing(&'static str),
    /// A TLS file given without `--tls-listen`.
    #[error("{0} is set but --tls-listen is not: give the address to serve TLS on")]
    NoTlsListener(&'static str),
    /// A default security profile (2 or 3) that needs TLS, without TLS.
    #[error(
        "--default-security-profile {profile} needs TLS (--tls-listen, --tls-cert, \
         --tls-key{})",
        if *profile == 2 {
            ", or --trusted-proxies that end TLS"
        } else {
            ""
        }
    )]
    ProfileNeedsTls { profile: u8 },
    #[error("--default-security-profile 3 needs --tls-client-ca")]
    ProfileNeedsClientCa,
    #[error(
        "--stations-queue-bytes must be at least --max-message-size, or the largest \
         message could never be handled"
    )]
    StationsQueueTooSmall,
    #[error("--journal-page-bytes must be at least --journal-max-frame")]
    JournalPageTooSmall,
    #[error("--journal-station-rate must be 0 (no limit) or at least 4 times --journal-max-frame")]
    JournalRateTooSmall,
}

impl Settings {
    /// Refuses values the server cannot work with (a zero heartbeat, durations so long that
    /// clocks would overflow).
    pub fn validate(&self) -> Result<(), SettingsError> {
        const DAY: Duration = Duration::from_secs(86_400);
        let check = |name: &'static str, d: Duration, min: Duration, max: Duration| {
            if d < min || d > max {
                Err(SettingsError::OutOfRange { name, min, max })
            } else {
                Ok(())
            }
        };
        check(
            "--heartbeat-interval",
            self.heartbeat_interval.0,
            Duration::from_secs(1),
            7 * DAY,
        )?;
        check(
            "--command-timeout",
            self.command_timeout.0,
            Duration::from_millis(1),
            DAY,
        )?;
        check("--ping-interval", self.ping_interval.0, Duration::ZERO, DAY)?;
        check(
            "--journal-retention",
            self.journal_retention.0,
            Duration::ZERO,
            36_500 * DAY,
        )?;
        check(
            "--audit-retention",
            self.audit_retention.0,
            Duration::ZERO,
            36_500 * DAY,
        )?;
        check(
            "--meter-retention",
            self.meter_retention.0,
            Duration::ZERO,
            36_500 * DAY,
        )?;
        check(
            "--meter-rollup-interval",
            self.meter_rollup_interval.0,
            Duration::from_millis(10),
            DAY,
        )?;
        if self.limits.audit_max_rows == 0 || self.limits.audit_max_anonymous_rows == 0 {
            return Err(SettingsError::TooSmall {
                name: "--audit-max-rows and --audit-max-anonymous-rows",
                min: "1",
            });
        }
        self.validate_tls()?;
        self.limits.validate_stations()?;
        if self.db_read_connections == 0 {
            return Err(SettingsError::TooSmall {
                name: "--db-read-connections",
                min: "1",
            });
        }
        if !(1..=MAX_DB_WRITERS).contains(&self.db_writers) {
            return Err(SettingsError::DbWriters);
        }
        check(
            "--presence-ttl",
            self.presence_ttl.0,
            Duration::from_secs(1),
            DAY,
        )?;
        self.validate_uploads(check)?;
        check(
            "--db-acquire-timeout",
            self.limits.db_acquire_timeout.0,
            Duration::from_millis(1),
            DAY,
        )?;
        self.limits.validate_journal()?;
        self.validate_connections()?;
        if self.limits.max_pending_accounts == 0 {
            return Err(SettingsError::TooSmall {
                name: "--max-pending-accounts",
                min: "1",
            });
        }
        if self.redis_url.is_some() {
            if self.redis_prefix.is_empty() || self.redis_prefix.len() > 64 {
                return Err(SettingsError::RedisPrefix);
            }
            if self.jwt_secret.is_none() && self.jwt_secret_file.is_none() {
                return Err(SettingsError::NoSharedSecret);
            }
        }
        Ok(())
    }
}

impl Settings {
    /// Diagnostics uploads: an address lives at least a millisecond (a zero would expire every
    /// address at once), and at least one upload can be received.
    fn validate_uploads(
        &self,
        check: impl Fn(&'static str, Duration, Duration, Duration) -> Result<(), SettingsError>,
    ) -> Result<(), SettingsError> {
        const MS: Duration = Duration::from_millis(1);
        let limits = &self.limits;
        check(
            "--upload-ttl",
            limits.upload_ttl.0,
            MS,
            Duration::from_secs(3650 * 86_400),
        )?;
        check(
            "--upload-idle-timeout",
            limits.upload_idle_timeout.0,
            MS,
            Duration::from_secs(86_400),
        )?;
        if limits.max_uploads == 0 {
            return Err(SettingsError::TooSmall {
                name: "--max-uploads",
                min: "1",
            });
        }
        Ok(())
    }

    /// The connection timeouts must let a request through (not zero) and fit a clock (at most
    /// a day); the handshake caps must let one connection in.
    fn validate_connections(&self) -> Result<(), SettingsError> {
        let limits = &self.limits;
        for (name, d) in [
            ("--header-read-timeout", limits.header_read_timeout.0),
            ("--keep-alive-timeout", limits.keep_alive_timeout.0),
            ("--upgrade-timeout", limits.upgrade_timeout.0),
        ] {
            if d.is_zero() || d > Duration::from_secs(86_400) {
                return Err(SettingsError::Timeout(name));
            }
        }
        if limits.max_handshakes == 0 || limits.max_handshakes_per_address == 0 {
            return Err(SettingsError::TooSmall {
                name: "--max-handshakes and --max-handshakes-per-address",
                min: "1",
            });
        }
        Ok(())
    }
}

impl Settings {
    /// TLS needs its listener, certificate and key together; profiles 2 and 3 as the default
    /// need TLS (and 3 a client CA), or no station could connect with them.
    fn validate_tls(&self) -> Result<(), SettingsError> {
        let files = [
            ("--tls-cert", self.tls_cert.is_some()),
            ("--tls-key", self.tls_key.is_some()),
        ];
        match self.tls_listen {
            Some(_) => {
                if let Some((name, _)) = files.iter().find(|(_, set)| !set) {
                    return Err(SettingsError::TlsFileMissing(name));
                }
            }
            None => {
                let given = files
                    .iter()
                    .map(|(name, set)| (*name, *set))
                    .chain([("--tls-client-ca", self.tls_client_ca.is_some())])
                    .find(|(_, set)| *set);
                if let Some((name, _)) = given {
                    return Err(SettingsError::NoTlsListener(name));
                }
            }
        }
        let profile = self.default_security_profile;
        let proxied = profile == 2 && !self.trusted_proxies.is_empty();
        if profile >= 2 && self.tls_listen.is_none() && !proxied {
            return Err(SettingsError::ProfileNeedsTls { profile });
        }
        if profile == 3 && self.tls_client_ca.is_none() {
            return Err(SettingsError::ProfileNeedsClientCa);
        }
        Ok(())
    }
}

/// Alerts (README, "Operations → Alerts"): how often the periodic rules are evaluated, how
/// webhooks and e-mails are delivered and retried, and the bounds on rules, webhooks and the
/// outbox.
#[derive(Clone, Debug, PartialEq, Eq, Args)]
pub struct AlertSettings {
    /// How often the periodic rules (station offline, handshakes refused, certificates about to
    /// expire) are evaluated, and the outbox looked at for deliveries that are due.
    #[arg(
        long = "alerts-evaluate-interval",
        env = "CHARGEGATE_ALERTS_EVALUATE_INTERVAL",
        default_value = "30s",
        global = true
    )]
    pub evaluate_interval: HumanDuration,

    /// How long a node holds a delivery it is attempting; when it dies meanwhile, another node
    /// takes the delivery after this (and the receiver may see the alert id twice).
    #[arg(
        long = "alerts-delivery-lease",
        env = "CHARGEGATE_ALERTS_DELIVERY_LEASE",
        default_value = "60s",
        global = true
    )]
    pub delivery_lease: HumanDuration,

    /// Attempts of one delivery before it is given up (`failed`, kept and shown).
    #[arg(
        long = "alerts-delivery-attempts",
        env = "CHARGEGATE_ALERTS_DELIVERY_ATTEMPTS",
        default_value_t = 12,
        global = true
    )]
    pub delivery_attempts: u32,

    /// The first retry's delay; each later one doubles it, up to `--alerts-retry-max`.
    #[arg(
        long = "alerts-retry-base",
        env = "CHARGEGATE_ALERTS_RETRY_BASE",
        default_value = "10s",
        global = true
    )]
    pub retry_base: HumanDuration,

    /// The longest delay between two attempts.
    #[arg(
        long = "alerts-retry-max",
        env = "CHARGEGATE_ALERTS_RETRY_MAX",
        default_value = "1h",
        global = true
    )]
    pub retry_max: HumanDuration,

    /// How long one webhook request or SMTP conversation may take in all.
    #[arg(
        long = "alerts-request-timeout",
        env = "CHARGEGATE_ALERTS_REQUEST_TIMEOUT",
        default_value = "10s",
        global = true
    )]
    pub request_timeout: HumanDuration,

    /// Bytes of a webhook's answer read (kept as the error of a failed attempt); the rest is
    /// not read.
    #[arg(
        long = "alerts-response-bytes",
        env = "CHARGEGATE_ALERTS_RESPONSE_BYTES",
        default_value = "4KiB",
        global = true
    )]
    pub response_bytes: ByteSize,

    /// Most alert rules.
    #[arg(
        long = "alerts-max-rules",
        env = "CHARGEGATE_ALERTS_MAX_RULES",
        default_value_t = 200,
        global = true
    )]
    pub max_rules: u32,

    /// Most webhooks.
    #[arg(
        long = "alerts-max-webhooks",
        env = "CHARGEGATE_ALERTS_MAX_WEBHOOKS",
        default_value_t = 20,
        global = true
    )]
    pub max_webhooks: u32,

    /// Most deliveries waiting in the outbox; an alert's deliveries beyond it are stored as
    /// `failed` ("outbox full") at once.
    #[arg(
        long = "alerts-max-pending",
        env = "CHARGEGATE_ALERTS_MAX_PENDING",
        default_value_t = 10_000,
        global = true
    )]
    pub max_pending: u32,

    /// How long alerts and their deliveries (delivered or failed) are kept. `0` keeps them
    /// forever.
    #[arg(
        long = "alerts-retention",
        env = "CHARGEGATE_ALERTS_RETENTION",
        default_value = "30d",
        global = true
    )]
    pub retention: HumanDuration,

    /// PEM file of further root certificates trusted for webhooks (`https://`) and SMTP (a
    /// private CA), besides the system's.
    #[arg(
        long = "alerts-extra-root-cert",
        env = "CHARGEGATE_ALERTS_EXTRA_ROOT_CERT",
        global = true
    )]
    pub extra_root_cert: Option<PathBuf>,

    /// SMTP server for alert e-mails: `smtps://host:465` (implicit TLS) or `smtp://host:587`
    /// (STARTTLS, required); user and password may be in the URL. Unset: no e-mail.
    #[arg(long = "smtp-url", env = "CHARGEGATE_SMTP_URL", global = true)]
    pub smtp_url: Option<Secret>,

    /// The SMTP password, instead of in the URL.
    #[arg(
        long = "smtp-password",
        env = "CHARGEGATE_SMTP_PASSWORD",
        global = true
    )]
    pub smtp_password: Option<Secret>,

    /// The alert e-mails' sender address.
    #[arg(
        long = "smtp-from",
        env = "CHARGEGATE_SMTP_FROM",
        default_value = "chargegate@localhost",
        global = true
    )]
    pub smtp_from: String,
}

impl Default for AlertSettings {
    fn default() -> Self {
        Self {
            evaluate_interval: HumanDuration(Duration::from_secs(30)),
            delivery_lease: HumanDuration(Duration::from_secs(60)),
            delivery_attempts: 12,
            retry_base: HumanDuration(Duration::from_secs(10)),
            retry_max: HumanDuration(Duration::from_secs(3600)),
            request_timeout: HumanDuration(Duration::from_secs(10)),
            response_bytes: ByteSize(4 * ByteSize::KIB),
            max_rules: 200,
            max_webhooks: 20,
            max_pending: 10_000,
            retention: HumanDuration(Duration::from_secs(30 * 86_400)),
            extra_root_cert: None,
            smtp_url: None,
            smtp_password: None,
            smtp_from: "chargegate@localhost".into(),
        }
    }
}

/// Bounds on what remote parties (stations, API clients, anyone who can open a socket) can make
/// the server hold: memory, sockets, rows, disk and time. Each has a line in the README's
/// "Limits" table saying what a client gets when it hits it.
#[derive(Clone, Debug, PartialEq, Eq, Args)]
pub struct Limits {
    // Connections, before they are a station's or an API client's.
    /// How long a client has to send a request's line and headers: the first request's from
    /// the moment the connection opens (on the TLS listener its TLS handshake included), a
    /// later request's from its first byte; then the connection is closed.
    #[arg(
        long,
        env = "CHARGEGATE_HEADER_READ_TIMEOUT",
        default_value = "10s",
        global = true
    )]
    pub header_read_timeout: HumanDuration,

    /// How long a kept-alive HTTP connection may wait, after a response, for the first byte
    /// of its next request; then it is closed.
    #[arg(
        long,
        env = "CHARGEGATE_KEEP_ALIVE_TIMEOUT",
        default_value = "60s",
        global = true
    )]
    pub keep_alive_timeout: HumanDuration,

    /// How long a WebSocket handshake may take from its request to the switch of protocols
    /// (the station's credentials checked on the way); past it the client gets 503.
    #[arg(
        long,
        env = "CHARGEGATE_UPGRADE_TIMEOUT",
        default_value = "10s",
        global = true
    )]
    pub upgrade_timeout: HumanDuration,

    /// Connections still in their handshake (accepted, first request not read completely yet;
    /// on the TLS listener the TLS handshake included), in all; further connections wait in
    /// the kernel's accept queue. Keep it well below the open-file limit.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_HANDSHAKES",
        default_value_t = 4096,
        global = true
    )]
    pub max_handshakes: usize,

    /// Connections still in their handshake from one client address (the TCP peer's; IPv6:
    /// one /64); further ones are closed at once. Established station sockets and API
    /// connections are not counted, nor are `--trusted-proxies` capped (a load balancer brings
    /// every station from its own address).
    #[arg(
        long,
        env = "CHARGEGATE_MAX_HANDSHAKES_PER_ADDRESS",
        default_value_t = 256,
        global = true
    )]
    pub max_handshakes_per_address: usize,

    // The GraphQL API.
    /// Largest body of a `POST /graphql` request, and largest message on `/graphql/ws`.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_REQUEST_SIZE",
        default_value = "1MiB",
        global = true
    )]
    pub max_request_size: ByteSize,

    /// How long a client may take to send the body of an API request (`POST /graphql`,
    /// `/api/v1`) once its headers are in; then it is answered 408. 0: no limit.
    #[arg(
        long,
        env = "CHARGEGATE_BODY_READ_TIMEOUT",
        default_value = "30s",
        global = true
    )]
    pub body_read_timeout: HumanDuration,

    /// Most selections a GraphQL document may expand to, counting a fragment's selections
    /// each time it is spread.
    #[arg(
        long,
        env = "CHARGEGATE_QUERY_SELECTION_LIMIT",
        default_value_t = 10_000,
        global = true
    )]
    pub query_selection_limit: usize,

    /// Longest time one GraphQL query or mutation may run (answered `TIMEOUT`); a mutation
    /// gets `--command-timeout` on top, so a station's answer is always waited for. Not for
    /// subscription streams; 0: no limit.
    #[arg(
        long,
        env = "CHARGEGATE_QUERY_TIMEOUT",
        default_value = "30s",
        global = true
    )]
    pub query_timeout: HumanDuration,

    /// How long a `/graphql/ws` socket may stay open without `connection_init` (closed with
    /// 4408, as `graphql-transport-ws` specifies); 0: no limit.
    #[arg(
        long,
        env = "CHARGEGATE_CONNECTION_INIT_TIMEOUT",
        default_value = "10s",
        global = true
    )]
    pub connection_init_timeout: HumanDuration,

    /// Most subscriptions open at once on one `/graphql/ws` socket.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_SUBSCRIPTIONS_PER_SOCKET",
        default_value_t = 100,
        global = true
    )]
    pub max_subscriptions_per_socket: usize,

    /// Most `/graphql/ws` sockets open at once, in all.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_API_SOCKETS",
        default_value_t = 4096,
        global = true
    )]
    pub max_api_sockets: usize,

    /// Most `/graphql/ws` sockets open at once from one client address (IPv6: one /64).
    #[arg(
        long,
        env = "CHARGEGATE_MAX_API_SOCKETS_PER_ADDRESS",
        default_value_t = 64,
        global = true
    )]
    pub max_api_sockets_per_address: usize,

    /// Most self-registered accounts waiting for approval at once (`register`); further
    /// registrations are refused with `LIMIT_EXCEEDED` until an operator approves or deletes
    /// some.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_PENDING_ACCOUNTS",
        default_value_t = 1000,
        global = true
    )]
    pub max_pending_accounts: u64,

    /// Most rows the audit trail keeps; beyond it the oldest are pruned (soon after, not at
    /// once: a node prunes after every tenth of this many rows it wrote, and every hour).
    #[arg(
        long,
        env = "CHARGEGATE_AUDIT_MAX_ROWS",
        default_value_t = 1_000_000,
        global = true
    )]
    pub audit_max_rows: u64,

    /// Most audit rows of callers without a valid token (failed logins, registrations) kept;
    /// beyond it their oldest are pruned, never another caller's, so that anyone on the
    /// internet can neither grow the table without bound nor push the staff's rows out.
    #[arg(
        long,
        env = "CHARGEGATE_AUDIT_MAX_ANONYMOUS_ROWS",
        default_value_t = 100_000,
        global = true
    )]
    pub audit_max_anonymous_rows: u64,

    // Stations.
    /// Largest OCPP message accepted from a station; a longer one closes its connection (1009).
    /// Also what a connection keeps allocated after its largest message.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_MESSAGE_SIZE",
        default_value = "256KiB",
        global = true
    )]
    pub max_message_size: ByteSize,

    /// Bytes of CALLs one station may have waiting while another of its CALLs is handled; a
    /// CALL beyond them is answered `InternalError` at once.
    #[arg(
        long,
        env = "CHARGEGATE_STATION_QUEUE_BYTES",
        default_value = "256KiB",
        global = true
    )]
    pub station_queue_bytes: ByteSize,

    /// Bytes held by all station sessions together for the CALLs they queue or handle (a CALL
    /// being handled also counts what its meter values become before they are stored); a CALL
    /// beyond them is answered `InternalError` at once.
    #[arg(
        long,
        env = "CHARGEGATE_STATIONS_QUEUE_BYTES",
        default_value = "64MiB",
        global = true
    )]
    pub stations_queue_bytes: ByteSize,

    /// Highest connector id a station may name (StatusNotification, MeterValues,
    /// StartTransaction); above it the CALL is answered `PropertyConstraintViolation`.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_CONNECTOR_ID",
        default_value_t = 100,
        global = true
    )]
    pub max_connector_id: u32,

    /// Most rows of one OCPP 2.0.1 station's device model (one per reported attribute of a
    /// variable). Beyond it the variables a station newly reports are not stored (those already
    /// stored are still updated), a warning is logged once per report, and the NotifyReport is
    /// answered all the same.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_DEVICE_MODEL_VARIABLES",
        default_value_t = 10_000,
        global = true
    )]
    pub max_device_model_variables: u64,

    /// Most rows one OCPP 2.0.1 station has in each table of what it reports about charging:
    /// the charging profiles it reported holding (ReportChargingProfiles), the external limits
    /// in force (NotifyChargingLimit) and its EVs' charging needs (NotifyEVChargingNeeds).
    /// Beyond it the rows written longest ago are removed, a warning is logged, and the message
    /// is answered all the same.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_CHARGING_REPORTS",
        default_value_t = 1000,
        global = true
    )]
    pub max_charging_reports: u64,

    /// Longest JSON kept of one reported charging profile (ReportChargingProfiles) or of one
    /// external limit's schedules (NotifyChargingLimit); a longer one is not kept (the row's
    /// other fields are, its `profile` or `schedules` are null) and a warning is logged.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_CHARGING_PAYLOAD",
        default_value = "64KiB",
        global = true
    )]
    pub max_charging_payload: ByteSize,

    /// Most NotifyEvent events kept per OCPP 2.0.1 station (`Station.events`); a station's
    /// oldest are dropped as new ones arrive.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_STATION_EVENTS",
        default_value_t = 1000,
        global = true
    )]
    pub max_station_events: u64,

    /// Most monitors kept per OCPP 2.0.1 station from its NotifyMonitoringReports
    /// (`Station.monitors`). Beyond it the monitors a station newly reports are not stored
    /// (those stored are still updated), a warning is logged, and the report is answered.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_VARIABLE_MONITORS",
        default_value_t = 1000,
        global = true
    )]
    pub max_variable_monitors: u64,

    /// Most customer information reports (NotifyCustomerInformation, one per request) kept per
    /// OCPP 2.0.1 station; a station's oldest are dropped as new ones arrive.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_CUSTOMER_INFORMATION_REPORTS",
        default_value_t = 20,
        global = true
    )]
    pub max_customer_information_reports: u64,

    /// Most data kept of one customer information report (its parts joined); the rest is
    /// dropped and the report marked truncated.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_CUSTOMER_INFORMATION_SIZE",
        default_value = "64KiB",
        global = true
    )]
    pub max_customer_information_size: ByteSize,

    /// Stations not yet in the database that one client address (IPv6: one /64) may register
    /// by connecting, per hour (under `--unknown-stations accept` or `pending`); further
    /// unknown ids from it are refused with 429 until the hour is over. `0`: no limit.
    #[arg(
        long,
        env = "CHARGEGATE_NEW_STATIONS_PER_ADDRESS",
        default_value_t = 1000,
        global = true
    )]
    pub new_stations_per_address: usize,

    // The journal.
    /// Frames longer than this are journaled truncated (at a character boundary), with their
    /// full size and SHA-256; rows stored longer (before this limit, or under a larger one) are
    /// cut to it when read.
    #[arg(
        long,
        env = "CHARGEGATE_JOURNAL_MAX_FRAME",
        default_value = "16KiB",
        global = true
    )]
    pub journal_max_frame: ByteSize,

    /// Journal bytes one station may add per minute (each row counts its stored payload and
    /// about 128 bytes more), with a burst of one minute's worth; frames beyond it are counted,
    /// not kept. `0`: no limit.
    #[arg(
        long,
        env = "CHARGEGATE_JOURNAL_STATION_RATE",
        default_value = "256KiB",
        global = true
    )]
    pub journal_station_rate: ByteSize,

    /// Payload bytes one page of `ocppMessages` may carry; a page is cut short beyond it.
    #[arg(
        long,
        env = "CHARGEGATE_JOURNAL_PAGE_BYTES",
        default_value = "1MiB",
        global = true
    )]
    pub journal_page_bytes: ByteSize,

    // Storage and uploads.
    /// How long a database operation waits for a pooled connection.
    #[arg(
        long,
        env = "CHARGEGATE_DB_ACQUIRE_TIMEOUT",
        default_value = "3s",
        global = true
    )]
    pub db_acquire_timeout: HumanDuration,

    /// How long a diagnostics upload address stays valid after its GetDiagnostics.
    #[arg(
        long,
        env = "CHARGEGATE_UPLOAD_TTL",
        default_value = "24h",
        global = true
    )]
    pub upload_ttl: HumanDuration,

    /// Diagnostics uploads one node receives at once (one at a time per request); further
    /// ones are answered 503 with `Retry-After`.
    #[arg(
        long,
        env = "CHARGEGATE_MAX_UPLOADS",
        default_value_t = 16,
        global = true
    )]
    pub max_uploads: usize,

    /// How long a diagnostics upload may send nothing before it is ended (408) and its
    /// partial file removed, so that the station's retry can start.
    #[arg(
        long,
        env = "CHARGEGATE_UPLOAD_IDLE_TIMEOUT",
        default_value = "60s",
        global = true
    )]
    pub upload_idle_timeout: HumanDuration,
}

impl Limits {
    /// The station limits, which depend on one another.
    fn validate_stations(&self) -> Result<(), SettingsError> {
        if self.max_message_size.0 < ByteSize::KIB {
            return Err(SettingsError::TooSmall {
                name: "--max-message-size",
                min: "1KiB",
            });
        }
        if self.stations_queue_bytes.0 < self.max_message_size.0 {
            return Err(SettingsError::StationsQueueTooSmall);
        }
        if self.max_connector_id == 0 {
            return Err(SettingsError::TooSmall {
                name: "--max-connector-id",
                min: "1",
            });
        }
        if self.max_charging_reports == 0 {
            return Err(SettingsError::TooSmall {
                name: "--max-charging-reports",
                min: "1",
            });
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        let secs = |s| HumanDuration(Duration::from_secs(s));
        Self {
            header_read_timeout: secs(10),
            keep_alive_timeout: secs(60),
            upgrade_timeout: secs(10),
            max_handshakes: 4096,
            max_handshakes_per_address: 256,
            max_request_size: ByteSize(ByteSize::MIB),
            body_read_timeout: secs(30),
            query_selection_limit: 10_000,
            query_timeout: secs(30),
            connection_init_timeout: secs(10),
            max_subscriptions_per_socket: 100,
            max_api_sockets: 4096,
            max_api_sockets_per_address: 64,
            max_pending_accounts: 1000,
            audit_max_rows: 1_000_000,
            audit_max_anonymous_rows: 100_000,
            max_message_size: ByteSize(256 * ByteSize::KIB),
            station_queue_bytes: ByteSize(256 * ByteSize::KIB),
            stations_queue_bytes: ByteSize(64 * ByteSize::MIB),
            max_connector_id: 100,
            max_device_model_variables: 10_000,
            max_charging_reports: 1000,
            max_charging_payload: ByteSize(64 * ByteSize::KIB),
            max_station_events: 1000,
            max_variable_monitors: 1000,
            max_customer_information_reports: 20,
            max_customer_information_size: ByteSize(64 * ByteSize::KIB),
            new_stations_per_address: 1000,
            journal_max_frame: ByteSize(16 * ByteSize::KIB),
            journal_station_rate: ByteSize(256 * ByteSize::KIB),
            journal_page_bytes: ByteSize(ByteSize::MIB),
            db_acquire_timeout: secs(3),
            upload_ttl: secs(24 * 3600),
            max_uploads: 16,
            upload_idle_timeout: secs(60),
        }
    }
}

impl Limits {
    /// The journal's limits must fit together: a frame cut to `--journal-max-frame` still fits
    /// a page, and a station's budget (when there is one) holds a few such frames a minute.
    fn validate_journal(&self) -> Result<(), SettingsError> {
        let frame = self.journal_max_frame.0;
        if frame < ByteSize::KIB {
            return Err(SettingsError::TooSmall {
                name: "--journal-max-frame",
                min: "1KiB",
            });
        }
        if self.journal_page_bytes.0 < frame {
            return Err(SettingsError::JournalPageTooSmall);
        }
        let rate = self.journal_station_rate.0;
        if rate != 0 && rate < 4 * frame {
            return Err(SettingsError::JournalRateTooSmall);
        }
        Ok(())
    }
}

/// The URL with any password replaced by `***`, for logs.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            if userinfo.contains(':') {
                format!("{scheme}://{user}:***@{host}{path}")
            } else {
                format!("{scheme}://{user}@{host}{path}")
            }
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_blocks_parse_and_match() {
        let block = |s: &str| s.parse::<IpBlock>();
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let private = block("10.0.0.0/8").unwrap();
        assert!(private.contains(ip("10.1.2.3")));
        assert!(private.contains(ip("::ffff:10.1.2.3")));
        assert!(!private.contains(ip("11.0.0.1")));
        assert!(!private.contains(ip("fd00::1")));
        assert!(block("192.0.2.7").unwrap().contains(ip("192.0.2.7")));
        assert!(!block("192.0.2.7").unwrap().contains(ip("192.0.2.8")));
        assert!(block("0.0.0.0/0").unwrap().contains(ip("203.0.113.9")));
        assert!(block("fd00::/8").unwrap().contains(ip("fd12::1")));
        for bad in ["10.0.0.0/33", "fd00::/129", "nonsense", "10.0.0.0/x", ""] {
            assert!(block(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_client_address_comes_from_forwarded_for_only_behind_a_trusted_proxy() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let mut settings = Settings::with_database("sqlite::memory:");
        let spoofed = Some("198.51.100.1");
        // Nobody trusted: the header is ignored.
        assert_eq!(
            settings.client_ip(ip("203.0.113.5"), spoofed),
            ip("203.0.113.5")
        );
        settings.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
        // A client talking directly cannot claim another address.
        assert_eq!(
            settings.client_ip(ip("203.0.113.5"), spoofed),
            ip("203.0.113.5")
        );
        // Through the balancer: the nearest untrusted hop, not what the client wrote first.
        assert_eq!(
            settings.client_ip(ip("10.0.0.2"), Some("198.51.100.1, 203.0.113.5, 10.0.0.9")),
            ip("203.0.113.5")
        );
        // No or unreadable header: the proxy's own address.
        assert_eq!(settings.client_ip(ip("10.0.0.2"), None), ip("10.0.0.2"));
        assert_eq!(
            settings.client_ip(ip("10.0.0.2"), Some("junk")),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn durations_parse_with_and_without_units() {
        let d = |s: &str| s.parse::<HumanDuration>().map(|d| d.0);
        assert_eq!(d("300"), Ok(Duration::from_secs(300)));
        assert_eq!(d("300s"), Ok(Duration::from_secs(300)));
        assert_eq!(d("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(d("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(d("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(d("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(d("1500us"), Ok(Duration::from_micros(1500)));
        assert!(d("1.5ms").is_err());
        assert_eq!(d("0"), Ok(Duration::ZERO));
        assert!(d("").is_err());
        assert!(d("5 minutes").is_err());
        assert!(d("-1").is_err());
        assert!(d("99999999999999999999d").is_err());
        // Shown in the largest unit that keeps the value whole, and read back the same.
        for (shown, value) in [
            ("1500us", Duration::from_micros(1500)),
            ("2ms", Duration::from_millis(2)),
            ("300s", Duration::from_secs(300)),
        ] {
            assert_eq!(HumanDuration(value).to_string(), shown);
            assert_eq!(d(shown), Ok(value));
        }
    }

    #[test]
    fn out_of_range_settings_are_refused() {
        let ok = Settings::with_database("sqlite::memory:");
        assert_eq!(ok.validate(), Ok(()));
        let mut bad = ok.clone();
        bad.heartbeat_interval = HumanDuration(Duration::ZERO);
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--heartbeat-interval")
        );
        let mut bad = ok.clone();
        bad.ping_interval = "36500d".parse().unwrap();
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--ping-interval")
        );
        let mut bad = ok.clone();
        bad.command_timeout = "99999999d".parse().unwrap();
        assert!(bad.validate().is_err());
        let mut bad = ok.clone();
        bad.db_read_connections = 0;
        assert!(bad.validate().is_err());
        for writers in [0, MAX_DB_WRITERS + 1] {
            let mut bad = ok.clone();
            bad.db_writers = writers;
            assert!(
                bad.validate()
                    .unwrap_err()
                    .to_string()
                    .contains("--db-writers")
            );
        }
        let mut bad = ok.clone();
        bad.presence_ttl = "500ms".parse().unwrap();
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--presence-ttl")
        );
        let mut bad = ok.clone();
        bad.limits.db_acquire_timeout = HumanDuration(Duration::ZERO);
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--db-acquire-timeout")
        );
        // Several nodes must verify each other's tokens.
        let mut bad = ok.clone();
        bad.redis_url = Some("redis://127.0.0.1:6379".into());
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("CHARGEGATE_JWT_SECRET")
        );
        bad.jwt_secret = Some(Secret("s".repeat(32)));
        assert_eq!(bad.validate(), Ok(()));
        bad.redis_prefix.clear();
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--redis-prefix")
        );
        let mut bad = ok.clone();
        bad.limits.header_read_timeout = HumanDuration(Duration::ZERO);
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--header-read-timeout")
        );
        let mut bad = ok.clone();
        bad.limits.max_pending_accounts = 0;
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--max-pending-accounts")
        );
        let mut bad = ok.clone();
        bad.limits.max_handshakes_per_address = 0;
        assert!(
            bad.validate()
                .unwrap_err()
                .to_string()
                .contains("--max-handshakes")
        );
    }

    #[test]
    fn station_limits_that_contradict_each_other_are_refused() {
        let ok = Settings::with_database("sqlite::memory:");
        let refused = |change: fn(&mut Limits)| {
            let mut bad = ok.clone();
            change(&mut bad.limits);
            bad.validate().unwrap_err().to_string()
        };
        assert!(refused(|l| l.max_message_size = ByteSize(1023)).contains("--max-message-size"));
        assert!(
            refused(|l| l.stations_queue_bytes = ByteSize(255 * ByteSize::KIB))
                .contains("--stations-queue-bytes")
        );
        assert!(refused(|l| l.max_connector_id = 0).contains("--max-connector-id"));
        assert!(refused(|l| l.max_charging_reports = 0).contains("--max-charging-reports"));
        let mut fine = ok.clone();
        fine.limits.max_message_size = ByteSize(ByteSize::KIB);
        fine.limits.stations_queue_bytes = ByteSize(ByteSize::KIB);
        fine.limits.station_queue_bytes = ByteSize(0);
        assert_eq!(fine.validate(), Ok(()));
    }

    #[test]
    fn the_secret_is_kept_beside_the_sqlite_file() {
        let path = |url: &str| Settings::with_database(url).jwt_secret_path();
        assert_eq!(
            path("sqlite://data/cg.db"),
            PathBuf::from("data/cg.db.jwt-secret")
        );
        assert_eq!(
            path("sqlite:cg.db?mode=rwc"),
            PathBuf::from("cg.db.jwt-secret")
        );
        assert_eq!(
            path("sqlite::memory:"),
            PathBuf::from("chargegate.jwt-secret")
        );
        assert_eq!(
            path("postgres://u@h/db"),
            PathBuf::from("chargegate.jwt-secret")
        );
    }

    #[test]
    fn sizes_parse_with_and_without_units() {
        let b = |s: &str| s.parse::<ByteSize>().map(|b| b.0);
        assert_eq!(b("512"), Ok(512));
        assert_eq!(b("512B"), Ok(512));
        assert_eq!(b("16KiB"), Ok(16 * 1024));
        assert_eq!(b("1MiB"), Ok(1024 * 1024));
        assert_eq!(b("2GiB"), Ok(2 * 1024 * 1024 * 1024));
        for bad in [
            "",
            "1.5MiB",
            "1MB",
            "-1",
            "99999999999999999999GiB",
            "1 MiB x",
        ] {
            assert!(b(bad).is_err(), "{bad}");
        }
        for (shown, value) in [("16KiB", 16 * 1024), ("1MiB", 1 << 20), ("1000", 1000)] {
            assert_eq!(ByteSize(value).to_string(), shown);
            assert_eq!(b(shown), Ok(value));
        }
    }

    #[test]
    fn upload_limits_are_checked() {
        let mut settings = Settings::with_database("sqlite::memory:");
        assert!(settings.validate().is_ok());
        settings.limits.upload_ttl = HumanDuration(Duration::ZERO);
        assert!(
            settings
                .validate()
                .unwrap_err()
                .to_string()
                .contains("--upload-ttl")
        );
        settings.limits.upload_ttl = HumanDuration(Duration::from_secs(60));
        settings.limits.max_uploads = 0;
        assert!(
            settings
                .validate()
                .unwrap_err()
                .to_string()
                .contains("--max-uploads")
        );
    }

    #[test]
    fn the_limits_defaults_are_the_flags_defaults() {
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            limits: Limits,
        }
        use clap::Parser as _;
        let parsed = Cli::try_parse_from(["chargegate"]).unwrap();
        assert_eq!(parsed.limits, Limits::default());
    }

    #[test]
    fn alert_settings_default_to_what_the_command_line_defaults_to() {
        #[derive(clap::Parser)]
        struct Cli {
            #[command(flatten)]
            alerts: AlertSettings,
        }
        use clap::Parser as _;
        let parsed = Cli::try_parse_from(["chargegate"]).unwrap();
        assert_eq!(parsed.alerts, AlertSettings::default());
    }

    #[test]
    fn the_jwt_secret_is_not_in_debug_output() {
        let mut settings = Settings::with_database("sqlite::memory:");
        settings.jwt_secret = Some(Secret("hunter2hunter2hunter2hunter2hunter2".into()));
        assert!(!format!("{settings:?}").contains("hunter2"));
    }

    #[test]
    fn passwords_never_reach_logs() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db.example:5432/cg"),
            "postgres://app:***@db.example:5432/cg"
        );
        assert_eq!(redact_url("postgres://app@db/cg"), "postgres://app@db/cg");
        assert_eq!(
            redact_url("sqlite://chargegate.db"),
            "sqlite://chargegate.db"
        );
        assert_eq!(redact_url("sqlite::memory:"), "sqlite::memory:");
    }
}
