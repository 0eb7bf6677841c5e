//! What one station can make the server hold, bounded: dates that both databases store (or a
//! PropertyConstraintViolation, never a poison message), connector ids up to a setting, the
//! bytes of CALLs queued per station and in all, and the largest message.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::Duration,
};

use chrono::{DateTime, Utc};
use entity::{connector, security_event, transaction};
use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, TransactionTrait,
};
use serde_json::{Value, json};

use crate::gql::through_station;
use crate::on_both_backends;
use crate::support::{
    Backend, PATIENCE, Station, TestApp, TestDb, error_of, eventually, spawn, spawn_on,
};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn meter_values(connector: i64, timestamp: &str, value: &str) -> Value {
    json!({"connectorId": connector, "meterValue": [
        {"timestamp": timestamp, "sampledValue": [{"value": value}]}
    ]})
}

/// The messages of OCPP 1.6 and the Security Whitepaper that carry a station's date-time, each
/// with `date` in it.
fn dated_messages(date: &str) -> Vec<(&'static str, Value)> {
    vec![
        (
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "T1", "meterStart": 0, "timestamp": date}),
        ),
        (
            "StopTransaction",
            json!({"transactionId": 1, "meterStop": 10, "timestamp": date}),
        ),
        (
            "StopTransaction",
            json!({"transactionId": 1, "meterStop": 10, "timestamp": "2024-05-01T11:00:00Z",
                   "transactionData": [{"timestamp": date, "sampledValue": [{"value": "1"}]}]}),
        ),
        ("MeterValues", meter_values(1, date, "12")),
        (
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Available", "timestamp": date}),
        ),
        (
            "SecurityEventNotification",
            json!({"type": "StartupOfTheDevice", "timestamp": date}),
        ),
    ]
}

async fn dates_outside_the_stored_range_are_refused_and_the_station_stays(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-DATES").await;
    for date in [
        // The poison message: PostgreSQL refused it, the station got InternalError.
        "-4714-01-01T00:00:00",
        "+10000-01-01T00:00:00Z",
        "10000-01-01T00:00:00Z",
        // Four digits as written, beyond 9999 or before 0000 in UTC.
        "9999-12-31T23:59:59-01:00",
        "0000-01-01T00:00:00+01:00",
    ] {
        for (action, payload) in dated_messages(date) {
            let (code, description) = cp.call_error(action, payload).await;
            assert_eq!(
                code, "PropertyConstraintViolation",
                "{action} with {date}: {description}"
            );
            assert!(description.contains("timestamp"), "{description}");
            // The connection survives and the next message is handled.
            assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
        }
    }
    let db = app.db();
    assert_eq!(transaction::Entity::find().count(db).await.unwrap(), 0);
    assert_eq!(crate::support::sample_count(db).await, 0);
    assert_eq!(security_event::Entity::find().count(db).await.unwrap(), 0);
    app.stop().await;
}
on_both_backends!(dates_outside_the_stored_range_are_refused_and_the_station_stays);

async fn the_first_and_last_dates_are_stored_and_read_back(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-EDGES").await;
    let last = "9999-12-31T23:59:59.999Z";
    let first = "0000-01-01T00:00:00Z";

    let start = json!({"connectorId": 1, "idTag": "T1", "meterStart": 5, "timestamp": last});
    let id = cp.call("StartTransaction", start.clone()).await["transactionId"].clone();
    // A retry compares equal to the stored row on both backends: the same id, one row.
    assert_eq!(
        cp.call("StartTransaction", start).await["transactionId"],
        id
    );
    cp.call("MeterValues", meter_values(1, last, "7")).await;
    cp.call("MeterValues", meter_values(1, first, "6")).await;
    cp.call(
        "StatusNotification",
        json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging", "timestamp": first}),
    )
    .await;
    cp.call(
        "SecurityEventNotification",
        json!({"type": "StartupOfTheDevice", "timestamp": last}),
    )
    .await;
    cp.call(
        "StopTransaction",
        json!({"transactionId": id, "meterStop": 9, "timestamp": first}),
    )
    .await;

    let db = app.db();
    let tx = transaction::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(transaction::Entity::find().count(db).await.unwrap(), 1);
    assert_eq!((tx.start_time, tx.stop_time), (at(last), Some(at(first))));
    let mut samples: Vec<DateTime<Utc>> = crate::support::samples(db)
        .await
        .into_iter()
        .map(|m| m.timestamp)
        .collect();
    samples.sort();
    assert_eq!(samples, [at(first), at(last)]);
    let status = connector::Entity::find().one(db).await.unwrap().unwrap();
    assert_eq!(status.status_timestamp, Some(at(first)));
    let event = security_event::Entity::find()
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(event.timestamp, at(last));
    // The API reads them back too.
    let read = app
        .ok(
            &app.admin(),
            "query($id: Int!) { transaction(id: $id) { startTime stopTime durationSeconds } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(
        read["transaction"]["startTime"].as_str().map(at),
        Some(at(last)),
        "{read}"
    );
    assert_eq!(
        read["transaction"]["stopTime"].as_str().map(at),
        Some(at(first))
    );
    app.stop().await;
}
on_both_backends!(the_first_and_last_dates_are_stored_and_read_back);

async fn connector_ids_above_the_setting_are_refused(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| s.limits.max_connector_id = 4).await else {
        return;
    };
    let mut cp = app.booted_station("CP-CONN").await;
    let status = |c: i64| json!({"connectorId": c, "errorCode": "NoError", "status": "Available"});
    cp.call("StatusNotification", status(4)).await;
    for (action, payload) in [
        ("StatusNotification", status(5)),
        ("MeterValues", meter_values(5, "2024-05-01T10:00:00Z", "1")),
        (
            "StartTransaction",
            json!({"connectorId": 5, "idTag": "T1", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"}),
        ),
    ] {
        let (code, description) = cp.call_error(action, payload).await;
        assert_eq!(code, "PropertyConstraintViolation", "{action}");
        assert_eq!(
            description,
            "connectorId: 5 is above the highest connector id accepted (4)"
        );
    }
    // The 20,000 connector ids: none beyond the bound is stored.
    for c in (0..40).map(|i| 5 + i * 500) {
        let (code, _) = cp.call_error("StatusNotification", status(c)).await;
        assert_eq!(code, "PropertyConstraintViolation");
    }
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    let db = app.db();
    let stored: Vec<i32> = connector::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.connector_id)
        .collect();
    assert_eq!(stored, [4]);
    assert_eq!(crate::support::sample_count(db).await, 0);
    assert_eq!(transaction::Entity::find().count(db).await.unwrap(), 0);
    let cached = app.ctx().cache.connectors("CP-CONN").await.unwrap();
    assert_eq!(cached.len(), 1);
    app.stop().await;
}
on_both_backends!(connector_ids_above_the_setting_are_refused);

async fn a_tag_whose_lower_case_is_longer_still_fits_a_local_list(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-TR").await;
    // Twenty dotted capital I: a valid idToken, whose `to_lowercase` is forty characters.
    let tag = "\u{130}".repeat(20);
    let start = json!({"connectorId": 1, "idTag": tag, "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"});
    cp.call("StartTransaction", start).await;
    let (action, _, response) = through_station(
        &app,
        &mut cp,
        "mutation($tag: String!) { sendLocalList(stationId: \"CP-TR\", updateType: FULL, idTags: [$tag]) { status listVersion } }",
        json!({"tag": tag}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "SendLocalList");
    assert!(response.get("errors").is_none(), "{response}");
    assert_eq!(response["data"]["sendLocalList"]["status"], "ACCEPTED");
    let list = app
        .ok(
            &app.admin(),
            "{ localAuthList(stationId: \"CP-TR\") { version entries { idTag } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        list["localAuthList"],
        json!({"version": 1, "entries": [{"idTag": tag}]})
    );
    app.stop().await;
}
on_both_backends!(a_tag_whose_lower_case_is_longer_still_fits_a_local_list);

/// Holds SQLite's write lock from a connection of the test's own, so that every handler that
/// writes waits (up to the server's 10 s busy timeout): handling is slow until it is released.
struct WriterHeld {
    txn: DatabaseTransaction,
    _db: DatabaseConnection,
}

impl WriterHeld {
    async fn take(app: &TestApp) -> Self {
        let TestDb::Sqlite(dir) = &*app.db else {
            panic!("the writer is held on SQLite");
        };
        let url = format!("sqlite://{}", dir.path().join("chargegate.db").display());
        let db = Database::connect(url).await.expect("a second connection");
        let txn = db.begin().await.expect("a transaction");
        txn.execute_unprepared("UPDATE stations SET last_seen_at = last_seen_at")
            .await
            .expect("the write lock");
        Self { txn, _db: db }
    }

    async fn release(self) {
        self.txn.rollback().await.expect("released");
    }
}

/// A MeterValues CALL of about `bytes` bytes (one sampled value with a long text).
fn large_call(id: &str, bytes: usize) -> String {
    let value = "7".repeat(bytes - 150);
    json!([
        2,
        id,
        "MeterValues",
        meter_values(1, "2024-05-01T10:00:00Z", &value)
    ])
    .to_string()
}

const KIB: u64 = 1024;

#[chargegate_test]
async fn a_call_beyond_the_station_queue_bound_is_answered_at_once() {
    let app =
        spawn(|s| s.limits.station_queue_bytes = chargegate::config::ByteSize(100 * KIB)).await;
    let mut cp = app.booted_station("CP-QUEUE").await;
    let writer = WriterHeld::take(&app).await;
    // q1 is handled (and waits for the database), q2 and q3 wait in the queue (80 KiB), q4
    // would take it over 100 KiB.
    for id in ["q1", "q2", "q3", "q4"] {
        cp.send_text(&large_call(id, 40 * 1024)).await;
    }
    let refused = cp.recv().await;
    assert_eq!(refused[1], "q4", "{refused}");
    let (code, description) = error_of(&refused);
    assert_eq!(code, "InternalError");
    assert!(description.contains("retry later"), "{description}");
    assert!(chargegate::link::of(app.ctx()).station_bytes.held() >= 110 * 1024);
    writer.release().await;
    for id in ["q1", "q2", "q3"] {
        assert_eq!(cp.recv().await, json!([3, id, {}]));
    }
    // Refused, not remembered: the station's retry of q4 is handled.
    cp.send_text(&large_call("q4", 40 * 1024)).await;
    assert_eq!(cp.recv().await, json!([3, "q4", {}]));
    assert_eq!(
        crate::support::sample_count(app.db()).await,
        1,
        "the same sample four times is stored once"
    );
    assert_eq!(chargegate::link::of(app.ctx()).station_bytes.held(), 0);
    app.stop().await;
}

/// A MeterValues of `samples` empty sampled values: small as text, many rows when stored.
fn many_samples(id: &str, samples: usize) -> String {
    let sampled: Vec<Value> = (0..samples).map(|_| json!({"value": ""})).collect();
    json!([2, id, "MeterValues", {"connectorId": 1, "meterValue": [
        {"timestamp": "2024-05-01T10:00:00Z", "sampledValue": sampled}
    ]}])
    .to_string()
}

#[chargegate_test]
async fn a_call_being_handled_holds_what_its_rows_cost_not_only_its_text() {
    let app =
        spawn(|s| s.limits.stations_queue_bytes = chargegate::config::ByteSize(1024 * KIB)).await;
    let mut a = app.booted_station("CP-ROWS-A").await;
    let mut b = app.booted_station("CP-ROWS-B").await;
    let writer = WriterHeld::take(&app).await;
    // About 26 KB of text each, 2,000 rows of a few hundred bytes each once decoded.
    a.send_text(&many_samples("a1", 2000)).await;
    let budget = chargegate::link::of(app.ctx()).station_bytes.clone();
    eventually("a's rows held", || {
        let held = budget.held();
        async move { (held >= 2000 * 256).then_some(()) }
    })
    .await;
    b.send_text(&many_samples("b1", 2000)).await;
    let (code, _) = error_of(&b.recv().await);
    assert_eq!(code, "InternalError");
    writer.release().await;
    assert_eq!(a.recv().await, json!([3, "a1", {}]));
    assert!(b.call("Heartbeat", json!({})).await["currentTime"].is_string());
    b.send_text(&many_samples("b2", 2000)).await;
    assert_eq!(b.recv().await, json!([3, "b2", {}]));
    app.stop().await;
}

/// Sends `calls` large CALLs without waiting, then reads an answer to each: the count of
/// CALLRESULTs and of `InternalError`s.
async fn flood(mut cp: Station, name: &str, calls: usize, bytes: usize) -> (usize, usize) {
    for i in 0..calls {
        cp.send_text(&large_call(&format!("{name}-{i}"), bytes))
            .await;
    }
    let (mut results, mut refused) = (0, 0);
    for _ in 0..calls {
        let answer = cp.recv().await;
        match answer[0].as_i64() {
            Some(3) => results += 1,
            _ => {
                assert_eq!(error_of(&answer).0, "InternalError", "{answer}");
                refused += 1;
            }
        }
    }
    (results, refused)
}

#[chargegate_test]
async fn flooding_stations_never_hold_more_than_the_bound_and_give_it_all_back() {
    const STATIONS: usize = 6;
    const CALLS: usize = 10;
    const BYTES: usize = 40 * 1024;
    let bound = 256 * KIB;
    let app = spawn(|s| {
        s.limits.max_message_size = chargegate::config::ByteSize(64 * KIB);
        s.limits.station_queue_bytes = chargegate::config::ByteSize(100 * KIB);
        s.limits.stations_queue_bytes = chargegate::config::ByteSize(bound);
    })
    .await;
    let mut stations = Vec::new();
    for i in 0..STATIONS {
        stations.push(app.booted_station(&format!("CP-FLOOD-{i}")).await);
    }
    let budget = chargegate::link::of(app.ctx()).station_bytes.clone();
    assert_eq!(budget.limit() as u64, bound);

    // The test samples the counter all along, while handling is slow and after.
    let sampling = Arc::new(AtomicBool::new(true));
    let most = Arc::new(AtomicUsize::new(0));
    let sampler = tokio::spawn({
        let (budget, sampling, most) = (budget.clone(), sampling.clone(), most.clone());
        async move {
            while sampling.load(Ordering::Relaxed) {
                most.fetch_max(budget.held(), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
    });
    let writer = WriterHeld::take(&app).await;
    let floods: Vec<_> = stations
        .into_iter()
        .enumerate()
        .map(|(i, cp)| tokio::spawn(async move { flood(cp, &format!("s{i}"), CALLS, BYTES).await }))
        .collect();
    // Without the bounds, the stations would hold 6 × (1 handled + 2 queued) × 40 KiB.
    eventually("the stations' bytes at their bound", || {
        let held = budget.held();
        async move { (held as u64 + BYTES as u64 > bound).then_some(()) }
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    writer.release().await;

    let (mut results, mut refused) = (0, 0);
    for flood in floods {
        let (r, f) = tokio::time::timeout(PATIENCE * 2, flood)
            .await
            .expect("every CALL answered in time")
            .unwrap();
        results += r;
        refused += f;
    }
    sampling.store(false, Ordering::Relaxed);
    sampler.await.unwrap();
    assert_eq!(results + refused, STATIONS * CALLS);
    assert!(
        refused > 0 && results > 0,
        "{results} handled, {refused} refused"
    );
    let most = most.load(Ordering::Relaxed) as u64;
    assert!(
        most <= bound && budget.peak() as u64 <= bound,
        "held {most} (peak {}) of {bound}",
        budget.peak()
    );
    assert!(most + BYTES as u64 > bound, "the bound was reached: {most}");
    // Everything is given back once answered, and the stations are gone.
    eventually("every byte given back", || {
        let held = budget.held();
        async move { (held == 0).then_some(()) }
    })
    .await;
    app.stop().await;
}

#[chargegate_test]
async fn a_message_longer_than_the_setting_closes_with_1009() {
    let app = spawn(|s| s.limits.max_message_size = chargegate::config::ByteSize(4 * KIB)).await;
    let mut cp = app.booted_station("CP-BIG").await;
    let data = |n: usize| json!({"vendorId": "V", "data": "d".repeat(n)});
    assert_eq!(
        cp.call("DataTransfer", data(4000)).await["status"],
        "UnknownVendorId"
    );
    cp.send_text(&json!([2, "big", "DataTransfer", data(4100)]).to_string())
        .await;
    let close = cp.closed().await.expect("a close frame");
    assert_eq!(u16::from(close.code), 1009, "{close:?}");
    assert_eq!(chargegate::link::of(app.ctx()).station_bytes.held(), 0);
    app.stop().await;
}

#[chargegate_test]
async fn numbers_beyond_what_a_double_holds_exactly_are_kept_as_text_only() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-HUGE").await;
    for (i, value) in ["1e308", "NaN", "9007199254740992"].iter().enumerate() {
        let timestamp = format!("2024-05-01T10:00:0{i}Z");
        cp.call("MeterValues", meter_values(1, &timestamp, value))
            .await;
    }
    let mut huge = crate::support::samples_where(app.db(), |s| s.station_id == "CP-HUGE").await;
    huge.sort_by_key(|s| s.timestamp);
    let stored: Vec<(String, Option<f64>)> = huge
        .into_iter()
        .map(|m| (m.value, m.numeric_value))
        .collect();
    assert_eq!(
        stored,
        [
            ("1e308".to_owned(), None),
            ("NaN".to_owned(), None),
            ("9007199254740992".to_owned(), Some(9_007_199_254_740_992.0)),
        ]
    );
    app.stop().await;
}

/// A MeterValues of thousands of sampled values is stored whole, but what is held in memory for
/// the live views (the status cache's last reading, the event to subscribers, which a lagging
/// subscriber's channel and the Redis outbox keep by the thousand) is bounded.
#[chargegate_test]
async fn the_live_views_of_a_huge_meter_values_are_bounded() {
    use chargegate::bus::{Delivery, Event};
    use futures_util::StreamExt;
    let app = spawn(|_| {}).await;
    let mut events = app.ctx().bus.subscribe_to(Some("CP-LIVE"));
    let mut cp = app.booted_station("CP-LIVE").await;
    cp.call(
        "StatusNotification",
        json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
    )
    .await;
    // Every (phase, location) pair is a sample of its own (the unique sample key), 55 of them,
    // in each of five contexts: 275 per meter value, far more than the live views carry.
    let phases = [
        None,
        Some("L1"),
        Some("L2"),
        Some("L3"),
        Some("N"),
        Some("L1-N"),
        Some("L2-N"),
        Some("L3-N"),
        Some("L1-L2"),
        Some("L2-L3"),
        Some("L3-L1"),
    ];
    let locations = ["Body", "Cable", "EV", "Inlet", "Outlet"];
    let contexts = [
        "Sample.Periodic",
        "Sample.Clock",
        "Trigger",
        "Other",
        "Interruption.Begin",
    ];
    let samples = |base: usize| -> Vec<Value> {
        let mut out = Vec::new();
        for context in contexts {
            for location in locations {
                for phase in phases {
                    let mut v = json!({"value": format!("{}", base + out.len()),
                        "context": context, "location": location, "measurand": "Voltage"});
                    if let Some(phase) = phase {
                        v["phase"] = json!(phase);
                    }
                    out.push(v);
                }
            }
        }
        out
    };
    let mut first = samples(0);
    // A signed reading first: stored, but too long for the live views.
    first.insert(
        0,
        json!({"value": "A".repeat(2_000), "format": "SignedData"}),
    );
    let answer = cp
        .call(
            "MeterValues",
            json!({"connectorId": 1, "meterValue": [
                {"timestamp": "2024-05-01T10:00:00Z", "sampledValue": first},
                {"timestamp": "2024-05-01T10:00:01Z", "sampledValue": samples(1_000)},
            ]}),
        )
        .await;
    assert_eq!(answer, json!({}));
    let stored = crate::support::samples_where(app.db(), |s| s.station_id == "CP-LIVE")
        .await
        .len();
    assert_eq!(stored, 551, "every sample is stored");

    let event = tokio::time::timeout(PATIENCE, async {
        loop {
            if let Some(Delivery::Event(event)) = events.next().await
                && let Event::MeterValues { meter_value, .. } = &*event
            {
                return meter_value.clone();
            }
        }
    })
    .await
    .expect("the MeterValues event");
    let live: usize = event.iter().map(|mv| mv.sampled_value.len()).sum();
    assert_eq!(live, chargegate::use_case::transaction::LIVE_SAMPLED_VALUES);
    assert!(
        event
            .iter()
            .flat_map(|mv| &mv.sampled_value)
            .all(|v| v.value.len() <= chargegate::use_case::transaction::LIVE_VALUE_LEN),
        "the signed reading is not carried live"
    );

    let reading = app
        .ok(
            &app.admin(),
            "{ station(id: \"CP-LIVE\") { connectors { connectorId lastMeterReading { timestamp sampledValues { value } } } } }",
            json!({}),
        )
        .await;
    let connector = reading["station"]["connectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["connectorId"] == 1)
        .cloned()
        .unwrap();
    let values = connector["lastMeterReading"]["sampledValues"]
        .as_array()
        .unwrap();
    assert_eq!(
        values.len(),
        chargegate::use_case::transaction::LIVE_SAMPLED_VALUES
    );
    assert_eq!(
        values[0]["value"], "1000",
        "the newest meter value's first samples"
    );
    app.stop().await;
}
