//! Rows the database refuses (a trigger refusing the samples, or the transactions, of stations
//! called `poison-…`): the station that sent them gets InternalError each time it retries, and
//! the other stations keep their pace: the writer runs the refused station's later rows apart,
//! so a row refused again never again fails, rolls back and reruns the others' batch. Nothing
//! acknowledged is lost, and a station whose rows are accepted again rejoins the others.

use std::time::Duration;

use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};
use tokio::time::Instant;

use crate::{
    on_both_backends,
    support::{Backend, PATIENCE, Station, TestApp, spawn_on},
};

/// Honest stations in the closed loop.
const HONEST: usize = 20;
/// Stations whose rows the database refuses.
const POISON: usize = 5;
/// How long each phase is measured.
const WINDOW: Duration = Duration::from_secs(3);

/// Runs `statements` on a connection of its own that may write (the app's readers on SQLite
/// are read-only).
async fn execute(app: &TestApp, statements: &[&str]) {
    let db = Database::connect(app.ctx().settings.database_url.as_str())
        .await
        .expect("a second connection to the test database");
    for sql in statements {
        db.execute_unprepared(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    db.close().await.ok();
}

/// A trigger that refuses every row of `table` whose `station_id` starts with `poison-`.
async fn refuse_poison_rows(app: &TestApp, backend: Backend, table: &str) {
    // A reading names its station through its connector's key.
    let poison = if table == "meter_readings" {
        "EXISTS (SELECT 1 FROM meter_series AS m WHERE m.id = NEW.series \
         AND m.station_id LIKE 'poison-%')"
    } else {
        "NEW.station_id LIKE 'poison-%'"
    };
    match backend {
        Backend::Postgres => {
            execute(
                app,
                &[
                    &format!(
                        "CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger AS $$ \
                 BEGIN IF {poison} THEN \
                 RAISE EXCEPTION 'poison row'; END IF; RETURN NEW; END \
                 $$ LANGUAGE plpgsql"
                    ),
                    &format!(
                        "CREATE TRIGGER refuse_poison BEFORE INSERT ON {table} \
                     FOR EACH ROW EXECUTE FUNCTION refuse_poison()"
                    ),
                ],
            )
            .await
        }
        Backend::Sqlite => {
            execute(
                app,
                &[&format!(
                    "CREATE TRIGGER refuse_poison BEFORE INSERT ON {table} \
                 WHEN {poison} \
                 BEGIN SELECT RAISE(ABORT, 'poison row'); END"
                )],
            )
            .await
        }
    }
}

async fn lift_refusal(app: &TestApp, backend: Backend, table: &str) {
    let sql = match backend {
        Backend::Postgres => format!("DROP TRIGGER refuse_poison ON {table}"),
        Backend::Sqlite => "DROP TRIGGER refuse_poison".to_owned(),
    };
    execute(app, &[&sql]).await;
}

/// MeterValues with one sample at `second` seconds after a fixed start.
fn sample(second: u64) -> Value {
    let at = chrono::DateTime::parse_from_rfc3339("2024-05-01T00:00:00Z").unwrap()
        + chrono::Duration::seconds(second as i64);
    json!({"connectorId": 1, "meterValue": [{
        "timestamp": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "sampledValue": [{"value": second.to_string()}]
    }]})
}

async fn booted(app: &TestApp, prefix: &str, n: usize) -> Vec<Station> {
    let mut stations = Vec::with_capacity(n);
    for i in 0..n {
        stations.push(app.booted_station(&format!("{prefix}-{i:02}")).await);
    }
    stations
}

/// An honest station's closed loop until `until`: a new sample as soon as the last one was
/// answered, each of which must be accepted. Returns the station, the next sample's number,
/// and how many were accepted.
async fn honest_loop(mut station: Station, mut next: u64, until: Instant) -> (Station, u64, u64) {
    let mut accepted = 0;
    while Instant::now() < until {
        let frame = station.call_frame("MeterValues", sample(next)).await;
        assert_eq!(
            frame[0], 3,
            "an honest station's MeterValues was refused: {frame}"
        );
        next += 1;
        accepted += 1;
    }
    (station, next, accepted)
}

/// A poison station retrying its refused MeterValues as fast as it is answered, until `until`;
/// each answer must be InternalError. Returns the station and how many tries it made.
async fn poison_loop(mut station: Station, until: Instant) -> (Station, u64) {
    let mut tries = 0;
    while Instant::now() < until {
        let frame = station.call_frame("MeterValues", sample(0)).await;
        assert_eq!(frame[0], 4, "a refused row was acknowledged: {frame}");
        assert_eq!(frame[2], "InternalError", "{frame}");
        tries += 1;
    }
    (station, tries)
}

/// Runs the honest stations (and the poison ones, if any) for [`WINDOW`]; returns them, the
/// honest MeterValues accepted and the poison tries.
async fn phase(
    honest: Vec<(Station, u64)>,
    poison: Vec<Station>,
) -> (Vec<(Station, u64)>, Vec<Station>, u64, u64) {
    let until = Instant::now() + WINDOW;
    let honest: Vec<_> = honest
        .into_iter()
        .map(|(station, next)| tokio::spawn(honest_loop(station, next, until)))
        .collect();
    let poison: Vec<_> = poison
        .into_iter()
        .map(|station| tokio::spawn(poison_loop(station, until)))
        .collect();
    let (mut stations, mut accepted) = (Vec::new(), 0);
    for task in honest {
        let (station, next, n) = task.await.expect("an honest station's loop");
        stations.push((station, next));
        accepted += n;
    }
    let (mut refused, mut tries) = (Vec::new(), 0);
    for task in poison {
        let (station, n) = task.await.expect("a poison station's loop");
        refused.push(station);
        tries += n;
    }
    (stations, refused, accepted, tries)
}

async fn stored_samples(app: &TestApp, prefix: &str) -> u64 {
    crate::support::samples_where(app.db(), |s| {
        s.station_id.starts_with(prefix) && s.source == "MeterValues"
    })
    .await
    .len() as u64
}

/// The measurement, in one run: honest stations alone, then with five stations whose
/// every sample the database refuses, retrying as fast as they are answered. The isolation is
/// asserted on the writer's own counters (a rerun at most per poison station, where each retry
/// cost one before); the two throughputs are printed (BENCHMARKS.md).
async fn refused_rows_cost_the_other_stations_no_reruns(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    refuse_poison_rows(&app, backend, "meter_readings").await;
    let honest: Vec<(Station, u64)> = booted(&app, "honest", HONEST)
        .await
        .into_iter()
        .map(|station| (station, 1))
        .collect();
    let poison = booted(&app, "poison", POISON).await;

    let (honest, _, alone, _) = phase(honest, Vec::new()).await;
    let before = app.ctx().store.stats();
    let (honest, poison, beside, tries) = phase(honest, poison).await;
    let after = app.ctx().store.stats();
    let rate = |n: u64| n as f64 / WINDOW.as_secs_f64();
    // Shown with --nocapture.
    if crate::harness::show_output() {
        eprintln!(
            "{backend:?}: honest MeterValues/s: {:.0} alone, {:.0} beside {POISON} poison stations \
             ({tries} refused tries; writer: {} reruns, {} jobs apart, {} held back)",
            rate(alone),
            rate(beside),
            after.batches_rerun - before.batches_rerun,
            after.jobs_apart - before.jobs_apart,
            after.jobs_held_back - before.jobs_held_back,
        );
    }
    assert!(
        tries >= 10 * POISON as u64,
        "the poison stations retried only {tries} times"
    );
    assert!(
        after.batches_rerun - before.batches_rerun <= POISON as u64,
        "refused rows reran the batch {} times in {tries} tries",
        after.batches_rerun - before.batches_rerun
    );
    assert_eq!(after.suspects, POISON as u64, "{after:?}");
    // Every acknowledged sample is stored, once.
    assert_eq!(stored_samples(&app, "honest-").await, alone + beside);
    assert_eq!(stored_samples(&app, "poison-").await, 0);

    // The refusal is lifted (it was not the stations' fault): their retried samples are
    // stored within the longest back-off, and they rejoin the shared inserts.
    lift_refusal(&app, backend, "meter_readings").await;
    let mut poison = poison;
    for station in &mut poison {
        let deadline = Instant::now() + PATIENCE;
        while station.call_frame("MeterValues", sample(0)).await[0] != 3 {
            assert!(
                Instant::now() < deadline,
                "the refused row was never stored"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    assert_eq!(app.ctx().store.stats().suspects, 0);
    let apart = app.ctx().store.stats().jobs_apart;
    for station in &mut poison {
        for second in 1..=3 {
            assert_eq!(station.call("MeterValues", sample(second)).await, json!({}));
        }
    }
    assert_eq!(
        app.ctx().store.stats().jobs_apart,
        apart,
        "a station accepted again is no longer written apart"
    );
    assert_eq!(stored_samples(&app, "poison-").await, 4 * POISON as u64);
    drop((honest, poison));
    app.stop().await;
}

on_both_backends!(refused_rows_cost_the_other_stations_no_reruns);

/// StartTransaction of a station whose transactions the database refuses, retried while other
/// stations send StatusNotifications: closures name no station, so once one is refused alone
/// every closure runs in a savepoint of its own for a while, and the refused one never again
/// reruns the batch.
async fn a_refused_closure_fails_alone(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    refuse_poison_rows(&app, backend, "transactions").await;
    let honest = booted(&app, "honest", 8).await;
    let poison = booted(&app, "poison", 2).await;
    let until = Instant::now() + WINDOW;
    let before = app.ctx().store.stats();
    let honest: Vec<_> = honest
        .into_iter()
        .map(|mut station| {
            tokio::spawn(async move {
                let mut answered = 0_u64;
                let statuses = ["Available", "Preparing"];
                while Instant::now() < until {
                    let status = statuses[answered as usize % 2];
                    let answer = station
                        .call(
                            "StatusNotification",
                            json!({"connectorId": 1, "errorCode": "NoError", "status": status}),
                        )
                        .await;
                    assert_eq!(answer, json!({}));
                    answered += 1;
                }
                (station, answered)
            })
        })
        .collect();
    let poison: Vec<_> = poison
        .into_iter()
        .map(|mut station| {
            tokio::spawn(async move {
                let mut tries = 0_u64;
                while Instant::now() < until {
                    let (code, _) = station
                        .call_error(
                            "StartTransaction",
                            json!({"connectorId": 1, "idTag": "TAG", "meterStart": 0,
                                   "timestamp": "2024-05-01T10:00:00Z"}),
                        )
                        .await;
                    assert_eq!(code, "InternalError");
                    tries += 1;
                }
                (station, tries)
            })
        })
        .collect();
    let mut kept = Vec::new();
    let mut tries = 0;
    for task in honest {
        kept.push(task.await.unwrap().0);
    }
    for task in poison {
        let (station, n) = task.await.unwrap();
        kept.push(station);
        tries += n;
    }
    let after = app.ctx().store.stats();
    assert!(
        tries >= 10,
        "the poison stations retried only {tries} times"
    );
    assert!(
        after.batches_rerun - before.batches_rerun <= 1,
        "refused closures reran the batch {} times in {tries} tries",
        after.batches_rerun - before.batches_rerun
    );
    drop(kept);
    app.stop().await;
}

on_both_backends!(a_refused_closure_fails_alone);
