//! The rollup bench: fills a SQLite database (migrated as chargegate migrates it) with a year of
//! 15-minute meter rollups for a fleet (by default 2,000 stations with 2 connectors each: 140
//! million rows) and times the queries that read them: one connector's month per quarter hour
//! and per day, and one connector's and one station's year per day (`meterRollups`' own code,
//! the console's charts), and the whole fleet's month, from the 15-minute rollups and from the
//! daily rollups (which the rollup job's own code makes, timed, after the fill).
//!
//! `cargo run --release --example rollup-bench -- /tmp/rollups.db [--stations 2000]
//! [--connectors 2] [--days 365] [--repeat 20]`
//!
//! An existing file is reused as it is (fill once, query many times).

use std::time::Instant;

use chargegate::{
    config::Settings,
    store::Store,
    use_case::meter_rollup::{BUCKET_US, Interval, read, refresh_days},
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};

struct Options {
    file: String,
    stations: u32,
    connectors: u32,
    days: i64,
    repeat: u32,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        file: String::new(),
        stations: 2000,
        connectors: 2,
        days: 365,
        repeat: 20,
    };
    while let Some(arg) = args.next() {
        let mut number = || {
            args.next()
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or_else(|| panic!("{arg} needs a number"))
        };
        match arg.as_str() {
            "--stations" => o.stations = number() as u32,
            "--connectors" => o.connectors = number() as u32,
            "--days" => o.days = number(),
            "--repeat" => o.repeat = number() as u32,
            file => o.file = file.to_owned(),
        }
    }
    assert!(!o.file.is_empty(), "give the database file");
    o
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap()
}

async fn exec(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn fill(db: &DatabaseConnection, o: &Options) {
    let buckets = o.days * 96;
    let t0 = start().timestamp_micros();
    let began = Instant::now();
    exec(db, "PRAGMA synchronous = OFF").await;
    let mut series = 0i64;
    for s in 0..o.stations {
        let mut sql = String::from(
            "INSERT INTO meter_series (id, station_id, connector_id, latest_at) VALUES ",
        );
        for c in 1..=o.connectors {
            series += 1;
            if c > 1 {
                sql.push(',');
            }
            sql.push_str(&format!("({series}, 'CP-{s:05}', {c}, NULL)"));
        }
        exec(db, &sql).await;
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut rows = 0u64;
    for id in 1..=series {
        exec(db, "BEGIN").await;
        let mut register = 1_000_000.0 * rng.next();
        let mut sql = String::new();
        for b in 0..buckets {
            let bucket = t0 + b * BUCKET_US;
            // Charging a third of the time, at 3.7 to 22 kW.
            let charging = rng.next() < 0.33;
            let kw = if charging {
                3.7 + 18.3 * rng.next()
            } else {
                0.0
            };
            let energy = kw * 250.0;
            let first = register + energy / 15.0;
            register += energy;
            if sql.is_empty() {
                sql.push_str("INSERT INTO meter_rollups VALUES ");
            } else {
                sql.push(',');
            }
            let soc = if charging {
                format!("{:.1}, {}", 100.0 * rng.next(), bucket + 14 * 60_000_000)
            } else {
                "NULL, NULL".into()
            };
            sql.push_str(&format!(
                "({id}, {bucket}, 15, {energy}, {inner}, {sum}, 15, {max}, {first}, {fa}, \
                 {register}, {la}, {soc})",
                inner = energy * 14.0 / 15.0,
                sum = kw * 1000.0 * 15.0,
                max = kw * 1100.0,
                fa = bucket,
                la = bucket + 14 * 60_000_000,
            ));
            rows += 1;
            if sql.len() > 400_000 {
                exec(db, &sql).await;
                sql.clear();
            }
        }
        if !sql.is_empty() {
            exec(db, &sql).await;
        }
        exec(db, "COMMIT").await;
        if id % 500 == 0 {
            eprintln!(
                "{id} of {series} series, {rows} rows, {:.0} s",
                began.elapsed().as_secs_f64()
            );
        }
    }
    eprintln!(
        "filled {rows} rollups in {:.0} s",
        began.elapsed().as_secs_f64()
    );
    // Every day is stale, as after migration 22 on a database with rollups: the product's
    // job makes the daily rollups (timed in main).
    exec(
        db,
        "INSERT INTO meter_rollup_stale_days (series, day) SELECT DISTINCT series, \
         bucket - bucket % 86400000000 FROM meter_rollups",
    )
    .await;
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

/// Times `f` `repeat` times; prints the median and the slowest, ms.
async fn time<F, Fut>(what: &str, repeat: u32, mut f: F)
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = usize>,
{
    let mut ms = Vec::new();
    let mut size = 0;
    for i in 0..repeat {
        let began = Instant::now();
        size = f(i).await;
        ms.push(began.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "{what}: median {:.1} ms, slowest {:.1} ms ({repeat} runs, {size} rows in the answer)",
        ms[ms.len() / 2],
        ms[ms.len() - 1]
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let o = options();
    let fresh = !std::path::Path::new(&o.file).exists();
    let db = Database::connect(format!("sqlite://{}?mode=rwc", o.file))
        .await
        .expect("open the database");
    if fresh {
        Migrator::up(&db, None).await.expect("migrations");
        fill(&db, &o).await;
        // The daily rollups, made by the rollup job's own code through chargegate's store.
        let store = Store::open(&Settings::with_database(format!(
            "sqlite://{}?mode=rwc",
            o.file
        )))
        .await
        .expect("open the store");
        let began = Instant::now();
        let days = refresh_days(&store, chrono::Utc::now().timestamp_micros())
            .await
            .expect("daily rollups");
        let seconds = began.elapsed().as_secs_f64();
        println!(
            "daily rollups: {days} made in {seconds:.0} s ({:.0} µs a day)",
            seconds * 1e6 / days.max(1) as f64
        );
        store.close().await;
    }
    let rows = scalar(&db, "SELECT COUNT(*) FROM meter_rollups").await;
    let pages = scalar(&db, "PRAGMA page_count").await;
    let page = scalar(&db, "PRAGMA page_size").await;
    println!(
        "{rows} rollups; database {:.2} GiB ({:.0} bytes a rollup, daily rollups included)",
        (pages * page) as f64 / f64::from(1u32 << 30),
        (pages * page) as f64 / rows.max(1) as f64
    );
    let stations = scalar(&db, "SELECT COUNT(DISTINCT station_id) FROM meter_series").await;
    let months = (o.days / 31).max(1);
    // Each run asks for another station and month: cold pages as often as not.
    let month = |i: u32| {
        let from = start() + Duration::days(31 * i64::from(i) % (31 * months));
        let from = Utc
            .with_ymd_and_hms(
                chrono::Datelike::year(&from),
                chrono::Datelike::month(&from),
                1,
                0,
                0,
                0,
            )
            .unwrap();
        let to = from + Duration::days(31);
        (from, to)
    };
    let station = |i: u32| format!("CP-{:05}", (i64::from(i) * 7919) % stations);
    for (label, every) in [
        (
            "one connector's month per quarter hour",
            Interval::QuarterHour,
        ),
        ("one connector's month per day", Interval::Day),
        ("one connector's month, whole", Interval::Month),
    ] {
        time(label, o.repeat, |i| {
            let db = &db;
            let (from, to) = month(i);
            let station = station(i);
            async move {
                read(db, &station, Some(1), from, to, every)
                    .await
                    .unwrap()
                    .len()
            }
        })
        .await;
    }
    // The console's year chart: a year of days, one connector then the whole station.
    let year = |i: u32| {
        let (from, _) = month(i);
        (from, from + Duration::days(365))
    };
    for (label, connector) in [
        ("one connector's year per day", Some(1)),
        ("one station's year per day (all connectors)", None),
    ] {
        time(label, o.repeat, |i| {
            let db = &db;
            let (from, to) = year(i);
            let station = station(i);
            async move {
                read(db, &station, connector, from, to, Interval::Day)
                    .await
                    .unwrap()
                    .len()
            }
        })
        .await;
    }
    time(
        "one station's month per day (both connectors)",
        o.repeat,
        |i| {
            let db = &db;
            let (from, to) = month(i);
            let station = station(i);
            async move {
                read(db, &station, None, from, to, Interval::Day)
                    .await
                    .unwrap()
                    .len()
            }
        },
    )
    .await;
    let fleet_repeat = o.repeat.clamp(1, 3);
    time(
        "the fleet's month from 15-minute rollups (energy, power per connector)",
        fleet_repeat,
        |i| {
            let db = &db;
            let (from, to) = month(i);
            async move {
                let sql = format!(
                    "SELECT s.id, (SELECT SUM(energy_wh) FROM meter_rollups r WHERE r.series = \
                     s.id AND r.bucket >= {f} AND r.bucket < {t}) FROM meter_series s",
                    f = from.timestamp_micros(),
                    t = to.timestamp_micros()
                );
                db.query_all_raw(Statement::from_string(DbBackend::Sqlite, sql))
                    .await
                    .unwrap()
                    .len()
            }
        },
    )
    .await;
    time(
        "the fleet's month from daily rollups (energy, power per connector)",
        o.repeat,
        |i| {
            let db = &db;
            let (from, to) = month(i);
            async move {
                let sql = format!(
                    "SELECT series, SUM(energy_wh), SUM(power_sum_w) / SUM(power_count), \
                     MAX(power_max_w), SUM(readings) FROM meter_rollup_days \
                     WHERE day >= {f} AND day < {t} GROUP BY series",
                    f = from.timestamp_micros(),
                    t = to.timestamp_micros()
                );
                db.query_all_raw(Statement::from_string(DbBackend::Sqlite, sql))
                    .await
                    .unwrap()
                    .len()
            }
        },
    )
    .await;
}
