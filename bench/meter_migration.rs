//! How long migration 19 (the compact meter layout) takes on samples an earlier version
//! stored: migrates a fresh database up to migration 18, fills `meter_values` the way that
//! version stored samples (200 stations × 2 connectors, 5 measurands per reading, one reading
//! a minute, in transactions), then times migration 19 alone and reports seconds per million
//! samples and the meter tables' bytes per sample before and after.
//!
//! `cargo run --release --example meter-migration -- [sqlite|postgres://…] [samples]`
//! (defaults: a SQLite file in a temporary directory, 1,000,000 samples).

use std::time::Instant;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement, Value};

const MEASURANDS: [(&str, &str); 5] = [
    ("Energy.Active.Import.Register", "Wh"),
    ("Power.Active.Import", "W"),
    ("Current.Import", "A"),
    ("Voltage", "V"),
    ("SoC", "Percent"),
];
const SERIES: u64 = 400;
const ROWS_PER_INSERT: usize = 500;

async fn fill(db: &DatabaseConnection, samples: u64) {
    let backend = db.get_database_backend();
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .expect("a time")
        .to_utc();
    let mut values: Vec<Value> = Vec::new();
    let mut rows = 0;
    for r in 0..samples / MEASURANDS.len() as u64 {
        let (s, minute) = (r % SERIES, r / SERIES);
        let at = start + chrono::Duration::minutes(minute as i64);
        let tx = (1 + s + SERIES * (minute / 120)) as i32;
        for (i, (measurand, unit)) in MEASURANDS.iter().enumerate() {
            let value = if i == 0 {
                (1000 * minute + s).to_string()
            } else {
                format!("{}.{i}", (minute * 7 + i as u64) % 400)
            };
            let numeric: f64 = value.parse().expect("a number");
            values.extend([
                Value::String(Some(format!("CP-{:05}", s / 2))),
                Value::Int(Some(1 + (s % 2) as i32)),
                Value::Int(Some(tx)),
                Value::Int(Some(tx)),
                Value::String(Some("MeterValues".into())),
                Value::ChronoDateTimeUtc(Some(at)),
                Value::String(Some(value)),
                Value::Double(Some(numeric)),
                Value::String(Some("Sample.Periodic".into())),
                Value::String(Some("Raw".into())),
                Value::String(Some((*measurand).into())),
                Value::String(None),
                Value::String(Some("Outlet".into())),
                Value::String(Some((*unit).into())),
                Value::ChronoDateTimeUtc(Some(at)),
            ]);
            rows += 1;
            if rows == ROWS_PER_INSERT {
                insert(db, backend, std::mem::take(&mut values), rows).await;
                rows = 0;
            }
        }
    }
    if rows > 0 {
        insert(db, backend, values, rows).await;
    }
}

async fn insert(db: &DatabaseConnection, backend: DbBackend, values: Vec<Value>, rows: usize) {
    let mut sql = String::from(
        "INSERT INTO meter_values (station_id, connector_id, transaction_id, \
         reported_transaction_id, source, timestamp, value, numeric_value, context, format, \
         measurand, phase, location, unit, received_at) VALUES ",
    );
    let mut n = 0;
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..15 {
            if c > 0 {
                sql.push_str(", ");
            }
            n += 1;
            match backend {
                DbBackend::Postgres => sql.push_str(&format!("${n}")),
                _ => sql.push('?'),
            }
        }
        sql.push(')');
    }
    db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await
        .expect("insert");
}

/// Bytes of the meter tables with their indexes.
async fn meter_bytes(db: &DatabaseConnection) -> i64 {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            db.execute_unprepared("VACUUM ANALYZE").await.expect("vacuum");
            "SELECT COALESCE(SUM(pg_total_relation_size(oid)), 0)::bigint AS n FROM pg_class \
             WHERE relkind = 'r' AND relname LIKE 'meter\\_%'"
        }
        _ => {
            db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .expect("checkpoint");
            "SELECT SUM(d.pgsize) AS n FROM dbstat AS d JOIN sqlite_master AS m \
             ON m.name = d.name WHERE m.tbl_name LIKE 'meter\\_%' ESCAPE '\\'"
        }
    };
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .expect("sizes")
        .expect("a row");
    row.try_get::<i64>("", "n").unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_else(|| "sqlite".into());
    let samples: u64 = args
        .next()
        .map(|s| s.parse().expect("a number of samples"))
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (url, postgres) = if target.starts_with("postgres") {
        let name = format!("bench_meter_migration_{}", std::process::id());
        let admin = Database::connect(&target).await.expect("PostgreSQL");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("a database");
        let base = target.rsplit_once('/').map_or(target.as_str(), |(b, _)| b);
        (format!("{base}/{name}"), Some((admin, name)))
    } else {
        let path = dir.path().join("meter.sqlite");
        (format!("sqlite://{}?mode=rwc", path.display()), None)
    };
    let db = Database::connect(&url).await.expect("the database");
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261207_000019_meter_readings")
        .expect("migration 19") as u32;
    Migrator::up(&db, Some(before)).await.expect("up to 18");
    fill(&db, samples).await;
    let old = meter_bytes(&db).await;
    let started = Instant::now();
    Migrator::up(&db, Some(1)).await.expect("migration 19");
    let seconds = started.elapsed().as_secs_f64();
    let new = meter_bytes(&db).await;
    let millions = samples as f64 / 1e6;
    println!(
        "{}: {samples} samples converted in {seconds:.1} s ({:.1} s per million); meter tables \
         {:.1} → {:.1} bytes per sample",
        if postgres.is_some() { "PostgreSQL" } else { "SQLite" },
        seconds / millions,
        old as f64 / samples as f64,
        new as f64 / samples as f64,
    );
    db.close().await.ok();
    if let Some((admin, name)) = postgres {
        admin
            .execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .await
            .ok();
    }
}
