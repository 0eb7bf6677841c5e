//! Typed settings, read once at start from command-line flags with environment fallbacks.
//!
//! Every setting is listed, with its variable and default, in the README's configuration table.
//! Nothing here is ever logged whole: `DATABASE_URL` may hold a password (see [`redact_url`]).

use std::{fmt, net::SocketAddr, str::FromStr, time::Duration};

use clap::{Args, ValueEnum};

/// What happens when a charge point id that is not in the database connects.
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

/// SQLite's `synchronous` pragma for the file database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SqliteSync {
    /// fsync at every commit: an acknowledged message survives a power cut.
    Full,
    /// fsync at WAL checkpoints only: survives a crash of chargegate, not of the machine.
    Normal,
}

/// A duration written as `300`, `300s`, `5m`, `2h` or `30d` (a bare number is seconds).
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
            "ms" => return Ok(Self(Duration::from_millis(number))),
            "m" => 60,
            "h" => 3_600,
            "d" => 86_400,
            other => {
                return Err(format!(
                    "unknown duration unit `{other}` (use ms, s, m, h or d)"
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
        if d.subsec_millis() != 0 {
            write!(f, "{}ms", d.as_millis())
        } else {
            write!(f, "{}s", d.as_secs())
        }
    }
}

/// The server's settings. Flags win over environment variables, which win over defaults.
#[derive(Clone, Debug, Args)]
pub struct Settings {
    /// Address and port for OCPP WebSockets (and, later, the HTTP APIs).
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

    /// What to answer for an id tag that is not in the database.
    #[arg(
        long,
        env = "CHARGEGATE_UNKNOWN_ID_TAGS",
        value_enum,
        default_value = "reject",
        global = true
    )]
    pub unknown_id_tags: UnknownIdTagPolicy,

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

    /// Database connections used for reads (the writer has its own).
    #[arg(
        long,
        env = "CHARGEGATE_DB_READ_CONNECTIONS",
        default_value_t = 4,
        global = true
    )]
    pub db_read_connections: u32,
}

impl Settings {
    /// Settings with every default, for tests and embedding; `database_url` as given.
    pub fn with_database(database_url: impl Into<String>) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.into(),
            heartbeat_interval: HumanDuration(Duration::from_secs(300)),
            unknown_stations: UnknownStationPolicy::Accept,
            unknown_id_tags: UnknownIdTagPolicy::Reject,
            command_timeout: HumanDuration(Duration::from_secs(30)),
            ping_interval: HumanDuration(Duration::from_secs(60)),
            journal_retention: HumanDuration(Duration::from_secs(30 * 86_400)),
            max_bad_frames: 10,
            data_transfer_vendors: Vec::new(),
            sqlite_synchronous: SqliteSync::Full,
            db_read_connections: 4,
        }
    }
}

impl Settings {
    /// Refuses values the server cannot work with (a zero heartbeat, durations so long that
    /// clocks would overflow).
    pub fn validate(&self) -> Result<(), String> {
        const DAY: Duration = Duration::from_secs(86_400);
        let check = |name: &str, d: Duration, min: Duration, max: Duration| {
            if d < min || d > max {
                Err(format!(
                    "{name} must be between {} and {}",
                    HumanDuration(min),
                    HumanDuration(max)
                ))
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
        if self.db_read_connections == 0 {
            return Err("--db-read-connections must be at least 1".into());
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
    fn durations_parse_with_and_without_units() {
        let d = |s: &str| s.parse::<HumanDuration>().map(|d| d.0);
        assert_eq!(d("300"), Ok(Duration::from_secs(300)));
        assert_eq!(d("300s"), Ok(Duration::from_secs(300)));
        assert_eq!(d("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(d("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(d("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(d("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(d("0"), Ok(Duration::ZERO));
        assert!(d("").is_err());
        assert!(d("5 minutes").is_err());
        assert!(d("-1").is_err());
        assert!(d("99999999999999999999d").is_err());
    }

    #[test]
    fn out_of_range_settings_are_refused() {
        let ok = Settings::with_database("sqlite::memory:");
        assert_eq!(ok.validate(), Ok(()));
        let mut bad = ok.clone();
        bad.heartbeat_interval = HumanDuration(Duration::ZERO);
        assert!(bad.validate().unwrap_err().contains("--heartbeat-interval"));
        let mut bad = ok.clone();
        bad.ping_interval = "36500d".parse().unwrap();
        assert!(bad.validate().unwrap_err().contains("--ping-interval"));
        let mut bad = ok.clone();
        bad.command_timeout = "99999999d".parse().unwrap();
        assert!(bad.validate().is_err());
        let mut bad = ok;
        bad.db_read_connections = 0;
        assert!(bad.validate().is_err());
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
