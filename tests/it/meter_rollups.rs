//! Meter rollups end to end, on SQLite and PostgreSQL: MeterValues over the WebSocket, the
//! rollup job run once, late data (a station's offline queue), the daily rollups that days and
//! longer periods read (and migration 22, which makes them for days rolled up before), the raw
//! retention, and the `meterRollups` field with its access checks and bounds.

use std::time::Duration;

use chargegate::{
    auth::Role,
    use_case::meter_rollup::{
        BUCKET_US, DAY_US, Lag, SETTLE, day_of, prune, refresh_days, roll_up,
    },
};
use chrono::Utc;
use entity::{meter_reading, meter_rollup_day, meter_rollup_stale_day, meter_rollup_state};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, EntityTrait, PaginatorTrait, Statement};
use serde_json::{Value, json};

use crate::gql::first_error;
use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, TestDb, spawn_on};

const ROLLUPS: &str =
    "query($s: ID!, $c: Int, $from: DateTime!, $to: DateTime!, $every: RollupInterval) {
  meterRollups(stationId: $s, connectorId: $c, from: $from, to: $to, every: $every) {
    connectorId start end readings energyWh powerAvgW powerMaxW
    firstRegisterWh { value at } lastRegisterWh { value at } socPercent { value at }
  }
}";

/// A server whose own job never runs during the test (the test runs it).
async fn server(backend: Backend) -> Option<TestApp> {
    spawn_on(backend, |s| {
        s.meter_rollup_interval = chargegate::config::HumanDuration(Duration::from_secs(86_400));
    })
    .await
}

/// One MeterValues of connector 1: the energy register (Wh), the power (kW) and the SoC (%).
async fn reading(cp: &mut Station, at: &str, register_wh: f64, power_kw: f64, soc: Option<f64>) {
    let mut values = vec![
        json!({"value": register_wh.to_string(), "measurand": "Energy.Active.Import.Register", "unit": "Wh"}),
        json!({"value": power_kw.to_string(), "measurand": "Power.Active.Import", "unit": "kW"}),
        // Per phase: not the total, left out.
        json!({"value": "99", "measurand": "Power.Active.Import", "unit": "kW", "phase": "L1"}),
    ];
    if let Some(soc) = soc {
        values.push(json!({"value": soc.to_string(), "measurand": "SoC", "unit": "Percent"}));
    }
    let answer = cp
        .call(
            "MeterValues",
            json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": values}]}),
        )
        .await;
    assert_eq!(answer, json!({}));
}

async fn rollups(app: &TestApp, from: &str, to: &str, every: &str) -> Vec<Value> {
    let data = app
        .ok(
            &app.admin(),
            ROLLUPS,
            json!({"s": "st-roll", "c": 1, "from": from, "to": to, "every": every}),
        )
        .await;
    data["meterRollups"].as_array().unwrap().clone()
}

/// The figures of a quarter-hour bucket that the tests compare.
fn figures(b: &Value) -> Value {
    json!({
        "start": b["start"], "readings": b["readings"], "energyWh": b["energyWh"],
        "powerAvgW": b["powerAvgW"], "powerMaxW": b["powerMaxW"],
        "first": b["firstRegisterWh"]["value"], "last": b["lastRegisterWh"]["value"],
        "soc": b["socPercent"]["value"],
    })
}

async fn rollups_follow_readings_and_late_data(backend: Backend) {
    let Some(app) = server(backend).await else {
        return;
    };
    let store = &app.ctx().store;
    let mut cp = app.booted_station("st-roll").await;
    // The last reading of the day before: the first bucket's energy starts from it.
    reading(&mut cp, "2026-03-01T23:50:00Z", 9_000.0, 0.0, None).await;
    reading(&mut cp, "2026-03-02T10:00:00Z", 10_000.0, 7.2, Some(40.0)).await;
    reading(&mut cp, "2026-03-02T10:05:00Z", 10_600.0, 3.6, Some(45.0)).await;
    reading(&mut cp, "2026-03-02T10:20:00Z", 11_500.0, 11.0, None).await;
    let done = roll_up(store, Lag::None).await.unwrap();
    assert_eq!(done.readings, 4);

    let (from, to) = ("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
    let got: Vec<Value> = rollups(&app, from, to, "QUARTER_HOUR")
        .await
        .iter()
        .map(figures)
        .collect();
    assert_eq!(
        got,
        [
            json!({"start": "2026-03-02T10:00:00+00:00", "readings": 2, "energyWh": 1600.0,
                   "powerAvgW": 5400.0, "powerMaxW": 7200.0, "first": 10000.0, "last": 10600.0,
                   "soc": 45.0}),
            json!({"start": "2026-03-02T10:15:00+00:00", "readings": 1, "energyWh": 900.0,
                   "powerAvgW": 11000.0, "powerMaxW": 11000.0, "first": 11500.0,
                   "last": 11500.0, "soc": null}),
        ]
    );

    // Run again: nothing new, nothing changes.
    assert_eq!(roll_up(store, Lag::None).await.unwrap().readings, 0);
    assert_eq!(
        rollups(&app, from, to, "QUARTER_HOUR")
            .await
            .iter()
            .map(figures)
            .collect::<Vec<_>>(),
        got
    );

    // The station's offline queue: an older reading arrives late, in the first bucket, after
    // its last; the second bucket's energy now starts from it.
    reading(&mut cp, "2026-03-02T10:10:00Z", 11_000.0, 1.2, Some(50.0)).await;
    assert_eq!(roll_up(store, Lag::None).await.unwrap().readings, 1);
    let got: Vec<Value> = rollups(&app, from, to, "QUARTER_HOUR")
        .await
        .iter()
        .map(figures)
        .collect();
    assert_eq!(
        got,
        [
            json!({"start": "2026-03-02T10:00:00+00:00", "readings": 3, "energyWh": 2000.0,
                   "powerAvgW": 4000.0, "powerMaxW": 7200.0, "first": 10000.0, "last": 11000.0,
                   "soc": 50.0}),
            json!({"start": "2026-03-02T10:15:00+00:00", "readings": 1, "energyWh": 500.0,
                   "powerAvgW": 11000.0, "powerMaxW": 11000.0, "first": 11500.0,
                   "last": 11500.0, "soc": null}),
        ]
    );

    // Per hour, day and month: energy summed, power averaged over every reading.
    for every in ["HOUR", "DAY", "MONTH"] {
        let periods = rollups(&app, from, to, every).await;
        assert_eq!(periods.len(), 1, "{every}");
        let p = &periods[0];
        assert_eq!(p["readings"], 4, "{every}");
        assert_eq!(p["energyWh"], 2500.0, "{every}");
        assert_eq!(p["powerAvgW"], 5750.0, "{every}");
        assert_eq!(p["powerMaxW"], 11000.0, "{every}");
        assert_eq!(p["firstRegisterWh"]["value"], 10000.0, "{every}");
        assert_eq!(
            p["lastRegisterWh"],
            json!({"value": 11500.0, "at": "2026-03-02T10:20:00+00:00"}),
            "{every}"
        );
        assert_eq!(
            p["socPercent"],
            json!({"value": 50.0, "at": "2026-03-02T10:10:00+00:00"})
        );
    }
    let month = rollups(
        &app,
        "2026-03-01T00:00:00Z",
        "2026-04-01T00:00:00Z",
        "MONTH",
    )
    .await;
    assert_eq!(month[0]["start"], "2026-03-01T00:00:00+00:00");
    assert_eq!(month[0]["end"], "2026-04-01T00:00:00+00:00");
    // The month's energy is the register difference across it.
    assert_eq!(month[0]["energyWh"], 11_500.0 - 9_000.0);

    // A late register reading between two of its bucket's (higher than the next: the meter
    // went down, so that step counts 0): the bucket is computed again from its raw readings,
    // 9,000 → 10,000 → 10,900 ↘ 10,600 → 11,000 (merging it in would have left 2,000).
    reading(&mut cp, "2026-03-02T10:02:00Z", 10_900.0, 0.0, None).await;
    assert_eq!(roll_up(store, Lag::None).await.unwrap().readings, 1);
    let first = &rollups(&app, from, to, "QUARTER_HOUR").await[0];
    assert_eq!(first["readings"], 4);
    assert_eq!(first["energyWh"], 2300.0);
    assert_eq!(first["powerAvgW"], 3000.0);
    app.stop().await;
}
on_both_backends!(rollups_follow_readings_and_late_data);

/// The figures of a day or longer period that the daily-rollup test compares.
fn day_figures(b: &Value) -> Value {
    json!({
        "start": b["start"], "readings": b["readings"], "energyWh": b["energyWh"],
        "powerAvgW": b["powerAvgW"], "powerMaxW": b["powerMaxW"],
        "first": b["firstRegisterWh"], "last": b["lastRegisterWh"]["value"],
        "soc": b["socPercent"]["value"],
    })
}

/// Runs `sql` in a transaction of the app's writer (its readers on SQLite are read-only).
async fn write_sql(app: &TestApp, sql: String) {
    app.ctx()
        .store
        .write(move |txn| {
            let sql = sql.clone();
            Box::pin(async move { txn.execute_unprepared(&sql).await.map(|_| ()) })
        })
        .await
        .unwrap();
}

async fn days_read_daily_rollups_made_again_when_a_day_changes(backend: Backend) {
    let Some(app) = server(backend).await else {
        return;
    };
    let store = &app.ctx().store;
    let db = app.db();
    let mut cp = app.booted_station("st-roll").await;
    reading(&mut cp, "2026-03-02T10:00:00Z", 10_000.0, 7.2, None).await;
    reading(&mut cp, "2026-03-02T10:20:00Z", 11_000.0, 3.6, None).await;
    reading(&mut cp, "2026-03-03T09:00:00Z", 12_000.0, 11.0, None).await;
    reading(&mut cp, "2026-03-03T23:50:00Z", 13_000.0, 1.0, Some(80.0)).await;
    reading(&mut cp, "2026-03-04T01:00:00Z", 13_500.0, 2.0, None).await;
    let done = roll_up(store, Lag::None).await.unwrap();
    assert_eq!((done.readings, done.days), (5, 3));
    assert_eq!(meter_rollup_day::Entity::find().count(db).await.unwrap(), 3);
    assert_eq!(
        meter_rollup_stale_day::Entity::find()
            .count(db)
            .await
            .unwrap(),
        0
    );

    // Part days at both ends (their 15-minute rollups), a whole day between (its daily rollup).
    let (from, to) = ("2026-03-02T10:15:00Z", "2026-03-04T00:30:00Z");
    let day_b = json!({"start": "2026-03-03T00:00:00+00:00", "readings": 2, "energyWh": 2000.0,
        "powerAvgW": 6000.0, "powerMaxW": 11000.0,
        "first": {"value": 12000.0, "at": "2026-03-03T09:00:00+00:00"}, "last": 13000.0,
        "soc": 80.0});
    let days = |got: Vec<Value>| got.iter().map(day_figures).collect::<Vec<_>>();
    let part_a = json!({"start": "2026-03-02T00:00:00+00:00", "readings": 1, "energyWh": 1000.0,
        "powerAvgW": 3600.0, "powerMaxW": 3600.0,
        "first": {"value": 11000.0, "at": "2026-03-02T10:20:00+00:00"}, "last": 11000.0,
        "soc": null});
    assert_eq!(
        days(rollups(&app, from, to, "DAY").await),
        [part_a.clone(), day_b.clone()]
    );
    let month = days(rollups(&app, from, to, "MONTH").await);
    assert_eq!(
        month,
        [
            json!({"start": "2026-03-01T00:00:00+00:00", "readings": 3, "energyWh": 3000.0,
            "powerAvgW": 5200.0, "powerMaxW": 11000.0,
            "first": {"value": 11000.0, "at": "2026-03-02T10:20:00+00:00"}, "last": 13000.0,
            "soc": 80.0})
        ]
    );

    // The whole day is read from its daily rollup: spoil it and the answer shows it.
    let b = chrono::DateTime::parse_from_rfc3339("2026-03-03T00:00:00Z")
        .unwrap()
        .timestamp_micros();
    write_sql(
        &app,
        format!("UPDATE meter_rollup_days SET energy_wh = 0 WHERE day = {b}"),
    )
    .await;
    assert_eq!(
        rollups(&app, from, to, "DAY").await[1]["energyWh"],
        json!(0.0)
    );
    // A stale day is read from its 15-minute rollups until the job makes it again.
    write_sql(
        &app,
        format!(
            "INSERT INTO meter_rollup_stale_days (series, day) \
             SELECT series, day FROM meter_rollup_days WHERE day = {b}"
        ),
    )
    .await;
    assert_eq!(
        days(rollups(&app, from, to, "DAY").await),
        [part_a.clone(), day_b.clone()]
    );
    assert_eq!(
        refresh_days(store, Utc::now().timestamp_micros())
            .await
            .unwrap(),
        1
    );
    let row = meter_rollup_day::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.day == b)
        .unwrap();
    assert_eq!((row.readings, row.energy_wh), (2, 2000.0));
    assert_eq!(
        meter_rollup_stale_day::Entity::find()
            .count(db)
            .await
            .unwrap(),
        0
    );

    // Late data for a day already rolled up: its daily rollup is made again.
    reading(&mut cp, "2026-03-03T12:00:00Z", 12_500.0, 12.0, None).await;
    let done = roll_up(store, Lag::None).await.unwrap();
    assert_eq!((done.readings, done.days), (1, 1));
    let got = days(rollups(&app, from, to, "DAY").await);
    assert_eq!(got[1]["readings"], 3);
    assert_eq!(got[1]["energyWh"], 2000.0);
    assert_eq!(got[1]["powerAvgW"], 8000.0);
    assert_eq!(got[1]["powerMaxW"], 12000.0);

    // Today stays stale until it ends, and is read from its 15-minute rollups meanwhile.
    // (Not within a minute of midnight, when today could end before the job runs.)
    let to_midnight = 86_400 - Utc::now().timestamp().rem_euclid(86_400);
    if to_midnight < 60 {
        tokio::time::sleep(Duration::from_secs(to_midnight as u64 + 1)).await;
    }
    let now = Utc::now();
    reading(&mut cp, &now.to_rfc3339(), 20_000.0, 5.0, None).await;
    let done = roll_up(store, Lag::None).await.unwrap();
    assert_eq!((done.readings, done.days), (1, 0));
    let stale = meter_rollup_stale_day::Entity::find()
        .all(db)
        .await
        .unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].day, day_of(now.timestamp_micros()));
    let today = now.format("%Y-%m-%dT00:00:00Z").to_string();
    let tomorrow = (now + chrono::Duration::days(1))
        .format("%Y-%m-%dT00:00:00Z")
        .to_string();
    let got = rollups(&app, &today, &tomorrow, "DAY").await;
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0]["readings"].clone(), got[0]["powerAvgW"].clone()),
        (json!(1), json!(5000.0))
    );
    app.stop().await;
}
on_both_backends!(days_read_daily_rollups_made_again_when_a_day_changes);

async fn meter_rollups_are_for_staff_and_bounded(backend: Backend) {
    let Some(app) = server(backend).await else {
        return;
    };
    let mut cp = app.booted_station("st-roll").await;
    reading(&mut cp, "2026-03-02T10:00:00Z", 10_000.0, 7.2, None).await;
    roll_up(&app.ctx().store, Lag::None).await.unwrap();
    let vars = |from: &str, to: &str, every: &str| json!({"s": "st-roll", "from": from, "to": to, "every": every});
    let day = vars("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "DAY");

    // Staff whose token covers the station, and nobody else.
    let viewer = app.token(Role::Viewer, "v", Some(&["st-roll"]));
    let got = app.ok(&viewer, ROLLUPS, day.clone()).await;
    assert_eq!(got["meterRollups"][0]["connectorId"], 1);
    let elsewhere = app.token(Role::Operator, "o", Some(&["st-other"]));
    let driver = app.token(Role::Driver, "d", None);
    for token in [&elsewhere, &driver] {
        let (code, _) = first_error(&app.gql(Some(token), ROLLUPS, day.clone()).await);
        assert_eq!(code, "FORBIDDEN");
    }
    let (code, _) = first_error(&app.gql(None, ROLLUPS, day.clone()).await);
    assert_eq!(code, "UNAUTHENTICATED");

    // An empty range, and more buckets than an answer holds: a year of quarter hours.
    let admin = app.admin();
    for bad in [
        vars("2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z", "DAY"),
        vars(
            "2026-01-01T00:00:00Z",
            "2027-01-01T00:00:00Z",
            "QUARTER_HOUR",
        ),
    ] {
        let (code, message) = first_error(&app.gql(Some(&admin), ROLLUPS, bad).await);
        assert_eq!(code, "BAD_USER_INPUT", "{message}");
    }
    // A month of quarter hours, every field, is within the complexity limit.
    let month = vars(
        "2026-03-01T00:00:00Z",
        "2026-04-01T00:00:00Z",
        "QUARTER_HOUR",
    );
    assert_eq!(
        app.ok(&admin, ROLLUPS, month).await["meterRollups"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A year of days is fine.
    let year = vars("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "DAY");
    assert_eq!(
        app.ok(&admin, ROLLUPS, year).await["meterRollups"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Quarter hours unless asked otherwise; an unknown station has none.
    for (station, expected) in [("st-roll", 1), ("nobody", 0)] {
        let query = format!(
            "{{ meterRollups(stationId: \"{station}\", from: \"2026-03-02T00:00:00Z\", \
             to: \"2026-03-03T00:00:00Z\") {{ start end }} }}"
        );
        let got = app.ok(&admin, &query, json!({})).await;
        let got = got["meterRollups"].as_array().unwrap().clone();
        assert_eq!(got.len(), expected);
        if let Some(b) = got.first() {
            assert_eq!(
                (&b["start"], &b["end"]),
                (
                    &json!("2026-03-02T10:00:00+00:00"),
                    &json!("2026-03-02T10:15:00+00:00")
                )
            );
        }
    }
    app.stop().await;
}
on_both_backends!(meter_rollups_are_for_staff_and_bounded);

async fn raw_readings(app: &TestApp) -> u64 {
    meter_reading::Entity::find().count(app.db()).await.unwrap()
}

async fn retention_keeps_rollups_and_merges_late_data(backend: Backend) {
    let Some(app) = server(backend).await else {
        return;
    };
    let store = &app.ctx().store;
    let mut cp = app.booted_station("st-roll").await;
    reading(&mut cp, "2024-01-01T10:00:00Z", 1_000.0, 2.0, None).await;
    reading(&mut cp, "2024-01-01T10:05:00Z", 1_200.0, 4.0, None).await;
    reading(&mut cp, "2024-01-01T10:20:00Z", 2_000.0, 6.0, None).await;
    // Not rolled up yet: the retention leaves them.
    let day = Duration::from_secs(86_400);
    assert_eq!(prune(store, day, Utc::now()).await.unwrap(), 0);
    assert_eq!(raw_readings(&app).await, 3);
    roll_up(store, Lag::None).await.unwrap();
    // The newest reading of all stays (SQLite would give its id to the next one).
    assert_eq!(prune(store, day, Utc::now()).await.unwrap(), 2);
    assert_eq!(raw_readings(&app).await, 1);

    let (from, to) = ("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z");
    let before: Vec<Value> = rollups(&app, from, to, "QUARTER_HOUR")
        .await
        .iter()
        .map(figures)
        .collect();
    assert_eq!(
        before
            .iter()
            .map(|b| (b["readings"].clone(), b["energyWh"].clone()))
            .collect::<Vec<_>>(),
        [(json!(2), json!(200.0)), (json!(1), json!(800.0))]
    );
    // Computed again from what is left (nothing), they would be gone: they stay.
    roll_up(store, Lag::None).await.unwrap();
    assert_eq!(
        rollups(&app, from, to, "QUARTER_HOUR")
            .await
            .iter()
            .map(figures)
            .collect::<Vec<_>>(),
        before
    );

    // Late data for a bucket whose raw readings are gone is merged into its rollup (and the
    // next bucket's energy follows), then deleted by the next prune.
    reading(&mut cp, "2024-01-01T10:10:00Z", 1_500.0, 9.0, Some(80.0)).await;
    roll_up(store, Lag::None).await.unwrap();
    let got: Vec<Value> = rollups(&app, from, to, "QUARTER_HOUR")
        .await
        .iter()
        .map(figures)
        .collect();
    assert_eq!(
        got,
        [
            json!({"start": "2024-01-01T10:00:00+00:00", "readings": 3, "energyWh": 500.0,
                   "powerAvgW": 5000.0, "powerMaxW": 9000.0, "first": 1000.0, "last": 1500.0,
                   "soc": 80.0}),
            json!({"start": "2024-01-01T10:15:00+00:00", "readings": 1, "energyWh": 500.0,
                   "powerAvgW": 6000.0, "powerMaxW": 6000.0, "first": 2000.0, "last": 2000.0,
                   "soc": null}),
        ]
    );
    // Merged once: running the job again changes nothing.
    roll_up(store, Lag::None).await.unwrap();
    assert_eq!(
        rollups(&app, from, to, "QUARTER_HOUR")
            .await
            .iter()
            .map(figures)
            .collect::<Vec<_>>(),
        got
    );
    assert_eq!(prune(store, day, Utc::now()).await.unwrap(), 1);
    assert_eq!(raw_readings(&app).await, 1);

    // Recent readings are kept; the last old one goes now that it is not the newest.
    let recent = (Utc::now() - chrono::Duration::minutes(5)).to_rfc3339();
    reading(&mut cp, &recent, 3_000.0, 1.0, None).await;
    roll_up(store, Lag::None).await.unwrap();
    assert_eq!(prune(store, day, Utc::now()).await.unwrap(), 1);
    assert_eq!(prune(store, day, Utc::now()).await.unwrap(), 0);
    assert_eq!(raw_readings(&app).await, 1);
    // Its rollups are all still there.
    let got_after: Vec<Value> = rollups(&app, from, to, "QUARTER_HOUR")
        .await
        .iter()
        .map(figures)
        .collect();
    assert_eq!(got_after, got);
    app.stop().await;
}
on_both_backends!(retention_keeps_rollups_and_merges_late_data);

/// With [`Lag::Settle`] (PostgreSQL's) the job passes only ids it saw at least [`SETTLE`]
/// before (the test moves the time they were seen back instead of waiting).
async fn the_settling_job_passes_ids_seen_a_while_ago(backend: Backend) {
    let Some(app) = server(backend).await else {
        return;
    };
    let store = &app.ctx().store;
    let mut cp = app.booted_station("st-roll").await;
    reading(&mut cp, "2026-03-02T10:00:00Z", 10_000.0, 7.2, None).await;
    // Seen now, not passed.
    assert_eq!(roll_up(store, Lag::Settle).await.unwrap().readings, 0);
    assert_eq!(roll_up(store, Lag::Settle).await.unwrap().readings, 0);
    let back = i64::try_from(SETTLE.as_micros()).unwrap() + 1_000_000;
    store
        .write(move |txn| {
            Box::pin(async move {
                txn.execute_raw(Statement::from_string(
                    txn.get_database_backend(),
                    format!("UPDATE meter_rollup_state SET seen_at = seen_at - {back}"),
                ))
                .await
            })
        })
        .await
        .unwrap();
    let db = app.db();
    // A reading that came after it was seen waits for the next round.
    reading(&mut cp, "2026-03-02T10:01:00Z", 10_100.0, 7.2, None).await;
    assert_eq!(roll_up(store, Lag::Settle).await.unwrap().readings, 1);
    let state = meter_rollup_state::Entity::find_by_id(1)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(state.seen_id > state.done_id, "{state:?}");
    let periods = rollups(&app, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "DAY").await;
    assert_eq!(periods[0]["readings"], 1);
    app.stop().await;
}
on_both_backends!(the_settling_job_passes_ids_seen_a_while_ago);

/// Migration 22 on a database with rollups: every day that has some is marked stale (one
/// before 1970 included, its day floored), the job makes their daily rollups, and undoing the
/// migration drops both tables.
async fn the_upgrade_marks_every_rolled_up_day_stale(backend: Backend) {
    let Some((_db, url)) = TestDb::create(backend).await else {
        return;
    };
    let url = match backend {
        Backend::Sqlite => format!("{url}?mode=rwc"),
        Backend::Postgres => url,
    };
    let db = Database::connect(&url).await.unwrap();
    let days_migration = crate::support::migrations_before("m20261207_000022_meter_rollup_days");
    Migrator::up(&db, Some(days_migration)).await.unwrap();
    let day = 20_000 * DAY_US;
    db.execute_unprepared(
        "INSERT INTO meter_series (id, station_id, connector_id, latest_at) VALUES (7, 'st-up', 1, NULL)",
    )
    .await
    .unwrap();
    // (bucket, readings, energy): two buckets of one day, one of the next, one before 1970.
    for (bucket, readings, energy) in [
        (day + 40 * BUCKET_US, 2, 100.0),
        (day + 41 * BUCKET_US, 3, 250.0),
        (day + DAY_US, 1, 50.0),
        (-BUCKET_US, 4, 10.0),
    ] {
        db.execute_unprepared(&format!(
            "INSERT INTO meter_rollups (series, bucket, readings, energy_wh, inner_wh, \
             power_sum_w, power_count, power_max_w, first_register_wh, first_register_at, \
             last_register_wh, last_register_at, soc_percent, soc_at) VALUES \
             (7, {bucket}, {readings}, {energy}, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
        ))
        .await
        .unwrap();
    }
    Migrator::up(&db, None).await.unwrap();
    let mut stale: Vec<(i32, i64)> = meter_rollup_stale_day::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.series, d.day))
        .collect();
    stale.sort();
    assert_eq!(stale, [(7, -DAY_US), (7, day), (7, day + DAY_US)]);

    let store =
        chargegate::store::Store::open(&chargegate::config::Settings::with_database(url.clone()))
            .await
            .unwrap();
    assert_eq!(
        refresh_days(&store, Utc::now().timestamp_micros())
            .await
            .unwrap(),
        3
    );
    store.close().await;
    let mut days: Vec<(i64, i32, f64)> = meter_rollup_day::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.day, d.readings, d.energy_wh))
        .collect();
    days.sort_by_key(|d| d.0);
    assert_eq!(
        days,
        [(-DAY_US, 4, 10.0), (day, 5, 350.0), (day + DAY_US, 1, 50.0)]
    );
    assert_eq!(
        meter_rollup_stale_day::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        0
    );

    // Undone down to before it (and the migrations after it).
    let after = Migrator::migrations().len() as u32 - days_migration;
    Migrator::down(&db, Some(after)).await.unwrap();
    assert!(meter_rollup_day::Entity::find().count(&db).await.is_err());
    Migrator::up(&db, None).await.unwrap();
    // Made stale again: the daily rollups are made again from the 15-minute ones.
    assert_eq!(
        meter_rollup_stale_day::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        3
    );
    db.close().await.unwrap();
}
on_both_backends!(the_upgrade_marks_every_rolled_up_day_stale);

/// One sampled value of connector 1 of `station` at `at`.
fn meter_row(
    station: &str,
    at: chrono::DateTime<Utc>,
    measurand: &'static str,
    value: f64,
    unit: &'static str,
) -> chargegate::store::MeterRow {
    chargegate::store::MeterRow {
        station_id: std::sync::Arc::from(station),
        connector_id: 1,
        reported_transaction_id: None,
        source: entity::meter_reading::Source::MeterValues,
        timestamp: at,
        value: std::sync::Arc::from(value.to_string()),
        numeric_value: Some(value),
        context: "Sample.Periodic",
        format: "Raw",
        measurand,
        phase: None,
        location: "Outlet",
        unit,
        received_at: Utc::now(),
    }
}

/// However the job's steps cut the readings (more connectors than a step takes, rounds of
/// readings that append to their buckets, late ones, buckets that follow a late one), each
/// rollup equals its bucket computed from all its raw readings, after the series' last
/// register reading before it: the job's quick path for appended readings and its long one
/// give what computing everything again gives.
async fn the_job_gives_what_computing_every_bucket_again_gives(backend: Backend) {
    use chargegate::use_case::meter_rollup::{bucket_of, compute, point};
    let Some(app) = server(backend).await else {
        return;
    };
    let store = &app.ctx().store;
    let base: chrono::DateTime<Utc> = "2026-12-01T00:00:00Z".parse().unwrap();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    const STATIONS: usize = 300;
    for round in 0..6i64 {
        let mut rows = Vec::new();
        for station in 0..STATIONS {
            let name = format!("eq-{station:03}");
            for k in 0..3i64 {
                // Mostly in time order; one in eight a quarter of an hour or more late.
                let mut minute = round * 9 + k * 3 + (station as i64 % 3);
                if next(8) == 0 {
                    minute -= 15 + next(20) as i64;
                }
                let at = base + chrono::Duration::seconds(minute * 60 + station as i64);
                // The register only goes up with time.
                let register = 1_000.0 + (minute * 60 + station as i64) as f64 * 0.5;
                rows.push(meter_row(
                    &name,
                    at,
                    "Energy.Active.Import.Register",
                    register,
                    "Wh",
                ));
                if next(3) > 0 {
                    let power = 1_000.0 + next(7_000) as f64;
                    rows.push(meter_row(&name, at, "Power.Active.Import", power, "W"));
                }
                if next(4) == 0 {
                    rows.push(meter_row(&name, at, "SoC", next(100) as f64, "Percent"));
                }
            }
        }
        store.insert_meter_values(rows).await.unwrap();
        roll_up(store, Lag::None).await.unwrap();
    }

    let db = app.db();
    let readings = meter_reading::Entity::find().all(db).await.unwrap();
    let mut by_series: std::collections::BTreeMap<i32, std::collections::BTreeMap<i64, Vec<_>>> =
        Default::default();
    for r in &readings {
        let samples = entity::samples::decode(&r.samples).unwrap();
        by_series
            .entry(r.series)
            .or_default()
            .entry(bucket_of(r.at))
            .or_default()
            .push(point(r.id, r.at, r.register_wh, &samples));
    }
    assert_eq!(by_series.len(), STATIONS);
    let stored: std::collections::BTreeMap<(i32, i64), entity::meter_rollup::Model> =
        entity::meter_rollup::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| ((r.series, r.bucket), r))
            .collect();
    let mut compared = 0;
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    for (series, buckets) in &by_series {
        let mut previous = None;
        for (bucket, points) in buckets {
            let expected = compute(*series, *bucket, points, previous);
            previous = expected.last_register_wh.or(previous);
            let got = &stored[&(*series, *bucket)];
            let what = format!("series {series}, bucket {bucket}: {got:?} vs {expected:?}");
            assert_eq!(got.readings, expected.readings, "{what}");
            assert!(close(got.energy_wh, expected.energy_wh), "{what}");
            assert!(close(got.power_sum_w, expected.power_sum_w), "{what}");
            assert_eq!(got.power_count, expected.power_count, "{what}");
            assert_eq!(got.power_max_w, expected.power_max_w, "{what}");
            assert_eq!(
                (got.first_register_wh, got.first_register_at),
                (expected.first_register_wh, expected.first_register_at),
                "{what}"
            );
            assert_eq!(
                (got.last_register_wh, got.last_register_at),
                (expected.last_register_wh, expected.last_register_at),
                "{what}"
            );
            assert_eq!(
                (got.soc_percent, got.soc_at),
                (expected.soc_percent, expected.soc_at),
                "{what}"
            );
            compared += 1;
        }
    }
    assert_eq!(compared, stored.len());
    assert!(compared > 3 * STATIONS, "{compared} buckets");
    app.stop().await;
}
on_both_backends!(the_job_gives_what_computing_every_bucket_again_gives);
