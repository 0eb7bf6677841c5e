//! What the journal costs on disk per frame, and the CPU its stored form takes: fills the
//! journal through the server's own writer with a MeterValues load (a CALL with five sampled
//! values and its CALLRESULT, kept in one row as a connection journals them; message ids as
//! UUIDs; many stations), then reports the bytes of `ocpp_messages` and its indexes per frame
//! (SQLite: the `dbstat` table after a checkpoint; PostgreSQL: `pg_total_relation_size` after
//! a VACUUM). The same frames in the table's earlier form (text payload, text timestamp, two
//! indexes, a row per frame), written beside it, give the figure before.
//!
//! `cargo run --release --example journal-size -- [sqlite|postgres://…] [messages] [stations]`
//! (defaults: a SQLite file in a temporary directory, 100,000 messages, 1,000 stations).

use std::{sync::Arc, time::Instant};

use chargegate::{
    App, Settings,
    store::{Direction, JournalAnswer, JournalRow},
};
use chrono::{DateTime, Utc};
use entity::ocpp_message::frame;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};

/// A small PRNG (xorshift64*): the same frames on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | (b >> 48) & 0x3fff,
            b & 0xffff_ffff_ffff
        )
    }
}

/// One MeterValues exchange of station `station` (its `n`th): the CALL and its answer.
fn exchange(rng: &mut Rng, station: u64, n: u64, at: DateTime<Utc>) -> (String, String, String) {
    let id = rng.uuid();
    let energy = 1_000_000 + n * 37 + station * 13;
    let values = [
        energy.to_string(),
        (7000 + rng.below(4000)).to_string(),
        format!("{}.{}", 10 + rng.below(22), rng.below(10)),
        format!("{}.{}", 225 + rng.below(10), rng.below(10)),
        (20 + rng.below(80)).to_string(),
    ];
    let measurands = [
        ("Energy.Active.Import.Register", "Wh", None),
        ("Power.Active.Import", "W", None),
        ("Current.Import", "A", Some("L1")),
        ("Voltage", "V", Some("L1-N")),
        ("SoC", "Percent", None),
    ];
    let sampled: Vec<String> = measurands
        .iter()
        .zip(&values)
        .map(|((measurand, unit, phase), value)| {
            let phase = phase.map_or(String::new(), |p| format!(r#","phase":"{p}""#));
            format!(
                r#"{{"value":"{value}","context":"Sample.Periodic","measurand":"{measurand}","unit":"{unit}"{phase}}}"#
            )
        })
        .collect();
    let call = format!(
        r#"[2,"{id}","MeterValues",{{"connectorId":{},"transactionId":{},"meterValue":[{{"timestamp":"{}","sampledValue":[{}]}}]}}]"#,
        1 + n % 2,
        1000 + station,
        at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        sampled.join(",")
    );
    let answer = format!(r#"[3,"{id}",{{}}]"#);
    (id, call, answer)
}

fn row(station: &Arc<str>, direction: Direction, kind: i16, id: &str, text: &str) -> JournalRow {
    JournalRow {
        station_id: station.clone(),
        direction,
        message_type: Some(kind),
        message_id: Some(id.to_owned()),
        action: Some("MeterValues".to_owned()),
        payload: text.to_owned(),
        payload_size: None,
        payload_sha256: None,
        at: Utc::now(),
        answer: None,
    }
}

const BEFORE_SQLITE: &[&str] = &[
    "CREATE TABLE ocpp_messages_before (id integer NOT NULL PRIMARY KEY, \
     station_id varchar(48) NOT NULL, direction varchar(3) NOT NULL, message_type smallint, \
     message_id varchar(36), action varchar(64), payload text NOT NULL, \
     created_at timestamp_with_timezone_text NOT NULL, payload_size integer, \
     payload_sha256 varchar(64))",
    "CREATE INDEX idx_before_station ON ocpp_messages_before (station_id, id)",
    "CREATE INDEX idx_before_created ON ocpp_messages_before (created_at)",
];

const BEFORE_POSTGRES: &[&str] = &[
    "DROP TABLE IF EXISTS ocpp_messages_before",
    "CREATE TABLE ocpp_messages_before (id bigserial NOT NULL PRIMARY KEY, \
     station_id varchar(48) NOT NULL, direction varchar(3) NOT NULL, message_type smallint, \
     message_id varchar(36), action varchar(64), payload text NOT NULL, \
     created_at timestamp with time zone NOT NULL, payload_size bigint, \
     payload_sha256 varchar(64))",
    "CREATE INDEX idx_before_station ON ocpp_messages_before (station_id, id)",
    "CREATE INDEX idx_before_created ON ocpp_messages_before (created_at)",
];

/// Bytes of `tables` (with their indexes).
async fn bytes_of(db: &sea_orm::DatabaseConnection, tables: &[&str]) -> anyhow::Result<i64> {
    let backend = db.get_database_backend();
    let mut total = 0;
    for table in tables {
        let sql = match backend {
            DbBackend::Postgres => {
                format!("SELECT pg_total_relation_size('{table}')::bigint AS n")
            }
            _ => format!(
                "SELECT COALESCE(SUM(pgsize), 0) AS n FROM dbstat WHERE name = '{table}' \
                 OR name IN (SELECT name FROM sqlite_schema WHERE tbl_name = '{table}')"
            ),
        };
        let row = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await?
            .ok_or_else(|| anyhow::anyhow!("no size"))?;
        total += row.try_get::<i64>("", "n")?;
    }
    Ok(total)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_else(|| "sqlite".into());
    let messages: u64 = args.next().map_or(Ok(100_000), |s| s.parse())?;
    let stations: u64 = args.next().map_or(Ok(1_000), |s| s.parse())?;
    let dir = tempfile::tempdir()?;
    let url = if target == "sqlite" {
        format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("journal.db").display()
        )
    } else {
        target.clone()
    };

    // The frames, made once.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = Utc::now();
    let mut frames = Vec::with_capacity(messages as usize);
    for n in 0..messages {
        let station = n % stations;
        let at = start + chrono::Duration::milliseconds(n as i64);
        frames.push((station, exchange(&mut rng, station, n / stations, at)));
    }
    let text_bytes: usize = frames.iter().map(|(_, (_, c, a))| c.len() + a.len()).sum();

    // CPU of the stored form, on one thread.
    let started = Instant::now();
    let mut stored_bytes = 0;
    for (_, (id, call, answer)) in &frames {
        stored_bytes += frame::encode(call, Some(2), Some(id)).frame.len();
        stored_bytes += frame::encode_answer(answer, 3, id).map_or(0, |a| a.len());
    }
    let encode = started.elapsed().as_secs_f64() * 1e6 / (2 * messages) as f64;
    let stored: Vec<Vec<u8>> = frames
        .iter()
        .take(10_000)
        .map(|(_, (id, call, _))| frame::encode(call, Some(2), Some(id)).frame)
        .collect();
    let started = Instant::now();
    for s in &stored {
        std::hint::black_box(frame::decode(s, 16 * 1024));
    }
    let decode = started.elapsed().as_secs_f64() * 1e6 / stored.len() as f64;

    let mut settings = Settings::with_database(url.clone());
    settings.journal = true;
    let app = App::build(settings).await?;
    let store = &app.context().store;
    // The bench's own connection, for what the server never does.
    let db = sea_orm::Database::connect(&url).await?;
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(backend, "DELETE FROM ocpp_messages"))
        .await?;

    // After: through the writer, as the server journals them.
    let names: Vec<Arc<str>> = (0..stations)
        .map(|s| Arc::from(format!("CP-{s:05}")))
        .collect();
    let started = Instant::now();
    for (station, (id, call, answer)) in &frames {
        let name = &names[*station as usize];
        // As a connection journals them: the CALL and its answer in one row.
        let mut exchange = row(name, Direction::In, 2, id, call);
        exchange.answer = Some(JournalAnswer {
            message_type: 3,
            payload: answer.clone(),
            at: Utc::now(),
        });
        store.journal(exchange).await;
    }
    for name in &names {
        store.flush(name).await?;
    }
    let write = started.elapsed().as_secs_f64();

    // Before: the same rows in the earlier form, written with the same bindings.
    let ddl = match backend {
        DbBackend::Postgres => BEFORE_POSTGRES,
        _ => BEFORE_SQLITE,
    };
    for sql in ddl {
        db.execute_raw(Statement::from_string(backend, *sql))
            .await?;
    }
    let now = Utc::now();
    for chunk in frames.chunks(250) {
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 14);
        let mut placeholders = Vec::with_capacity(chunk.len() * 2);
        for (station, (id, call, answer)) in chunk {
            for (direction, kind, text) in [("in", 2i16, call), ("out", 3, answer)] {
                let n = values.len();
                placeholders.push(match backend {
                    DbBackend::Postgres => format!(
                        "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
                        n + 1,
                        n + 2,
                        n + 3,
                        n + 4,
                        n + 5,
                        n + 6,
                        n + 7
                    ),
                    _ => "(?, ?, ?, ?, ?, ?, ?)".to_owned(),
                });
                values.extend([
                    Value::String(Some(names[*station as usize].to_string())),
                    Value::String(Some(direction.to_owned())),
                    Value::SmallInt(Some(kind)),
                    Value::String(Some(id.clone())),
                    Value::String(Some("MeterValues".to_owned())),
                    Value::String(Some(text.clone())),
                    Value::ChronoDateTimeUtc(Some(now)),
                ]);
            }
        }
        let sql = format!(
            "INSERT INTO ocpp_messages_before (station_id, direction, message_type, message_id, \
             action, payload, created_at) VALUES {}",
            placeholders.join(", ")
        );
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    if backend == DbBackend::Postgres {
        db.execute_raw(Statement::from_string(
            backend,
            "VACUUM ANALYZE ocpp_messages",
        ))
        .await?;
        db.execute_raw(Statement::from_string(
            backend,
            "VACUUM ANALYZE ocpp_messages_before",
        ))
        .await?;
    } else {
        db.execute_raw(Statement::from_string(
            backend,
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ))
        .await?;
    }
    let frames_n = (2 * messages) as f64;
    let after = bytes_of(&db, &["ocpp_messages"]).await? as f64 / frames_n;
    let before = bytes_of(&db, &["ocpp_messages_before"]).await? as f64 / frames_n;
    println!(
        "backend: {backend:?}, {messages} MeterValues (CALL + CALLRESULT), {stations} stations"
    );
    println!(
        "frames: {:.0} bytes of text on average, stored form {:.1} bytes",
        text_bytes as f64 / frames_n,
        stored_bytes as f64 / frames_n
    );
    println!("journal bytes per frame (table + indexes): before {before:.1}, after {after:.1}");
    println!(
        "CPU: encode {encode:.2} µs per frame, decode {decode:.2} µs per CALL (one thread); \
         writing {frames_n} frames through the writer took {write:.2} s"
    );
    if backend == DbBackend::Postgres {
        db.execute_raw(Statement::from_string(
            backend,
            "DROP TABLE ocpp_messages_before",
        ))
        .await?;
        db.execute_raw(Statement::from_string(backend, "DELETE FROM ocpp_messages"))
            .await?;
    }
    db.close().await?;
    app.stop().await?;
    Ok(())
}
