//! Transactions end to end, on SQLite and PostgreSQL: nothing lost, nothing counted twice.

use chrono::{DateTime, Duration, Utc};
use entity::{id_tag, ocpp_message, transaction, unmatched_stop};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::seed::add_tag;
use crate::support::{Backend, Station, spawn_on};

fn start_payload(connector: i32, tag: &str, meter: i64, at: &str) -> Value {
    json!({"connectorId": connector, "idTag": tag, "meterStart": meter, "timestamp": at})
}

async fn start(cp: &mut Station, connector: i32, tag: &str, meter: i64, at: &str) -> (i32, Value) {
    let answer = cp
        .call("StartTransaction", start_payload(connector, tag, meter, at))
        .await;
    (
        answer["transactionId"].as_i64().unwrap() as i32,
        answer["idTagInfo"].clone(),
    )
}

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn retried_start_returns_the_same_id_and_stores_one_row(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-RETRY").await;
    let (first, info) = start(&mut cp, 1, "TAG1", 100, "2024-05-01T10:00:00Z").await;
    assert_eq!(info["status"], "Accepted");
    // The station did not get the answer and retries with a new message id (or reconnects).
    let (second, info) = start(&mut cp, 1, "TAG1", 100, "2024-05-01T10:00:00Z").await;
    assert_eq!(first, second);
    assert_eq!(info["status"], "Accepted");
    drop(cp);
    let mut cp = app.station("CP-RETRY").await;
    let (third, _) = start(&mut cp, 1, "TAG1", 100, "2024-05-01T10:00:00Z").await;
    assert_eq!(third, first);
    assert_eq!(
        transaction::Entity::find().count(app.db()).await.unwrap(),
        1
    );
    // A different start is a different transaction, with a different id.
    let (other, _) = start(&mut cp, 2, "TAG1", 0, "2024-05-01T10:01:00Z").await;
    assert_ne!(other, first);
    app.stop().await;
}
on_both_backends!(retried_start_returns_the_same_id_and_stores_one_row);

async fn stop_is_always_answered_and_never_counted_twice(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-STOP").await;
    let (id, _) = start(&mut cp, 1, "TAG1", 1000, "2024-05-01T10:00:00Z").await;
    let stop = json!({"transactionId": id, "meterStop": 5000, "timestamp": "2024-05-01T11:00:00Z", "reason": "EVDisconnected",
        "transactionData": [{"timestamp": "2024-05-01T11:00:00Z", "sampledValue": [{"value": "5000", "context": "Transaction.End"}]}]});
    assert_eq!(cp.call("StopTransaction", stop.clone()).await, json!({}));
    // Retried stop: answered, nothing changes, transactionData not stored twice.
    assert_eq!(cp.call("StopTransaction", stop).await, json!({}));
    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (tx.meter_stop, tx.stop_reason.as_deref()),
        (Some(5000), Some("EVDisconnected"))
    );
    let data = crate::support::samples_where(app.db(), |s| s.transaction_id == Some(id)).await;
    assert_eq!(data.len(), 1);
    assert_eq!(
        (data[0].source.as_str(), data[0].context.as_str()),
        ("StopTransaction", "Transaction.End")
    );
    assert_eq!(
        unmatched_stop::Entity::find()
            .count(app.db())
            .await
            .unwrap(),
        0
    );

    // Unknown ids, -1 and 0: answered, recorded, attached to nothing.
    for unknown in [987_654, -1, 0] {
        let answer = cp
            .call("StopTransaction", json!({"transactionId": unknown, "idTag": "TAG1", "meterStop": 42, "timestamp": "2024-05-01T12:00:00Z",
                "transactionData": [{"timestamp": "2024-05-01T12:00:00Z", "sampledValue": [{"value": "42"}]}]}))
            .await;
        assert_eq!(answer, json!({"idTagInfo": {"status": "Accepted"}}));
    }
    // ... and a retried unknown stop is not recorded twice.
    cp.call("StopTransaction", json!({"transactionId": -1, "idTag": "TAG1", "meterStop": 42, "timestamp": "2024-05-01T12:00:00Z",
        "transactionData": [{"timestamp": "2024-05-01T12:00:00Z", "sampledValue": [{"value": "42"}]}]}))
        .await;
    let unmatched = unmatched_stop::Entity::find()
        .order_by_asc(unmatched_stop::Column::Id)
        .all(app.db())
        .await
        .unwrap();
    assert_eq!(
        unmatched
            .iter()
            .map(|u| (u.reported_transaction_id, u.kind.as_str(), u.meter_stop))
            .collect::<Vec<_>>(),
        vec![
            (987_654, "unknown_transaction", 42),
            (-1, "unknown_transaction", 42),
            (0, "unknown_transaction", 42)
        ]
    );
    let orphans = crate::support::samples_where(app.db(), |s| s.transaction_id.is_none())
        .await
        .len();
    assert_eq!(orphans, 3);

    // A second, different stop of a closed transaction: kept apart, flagged, not applied.
    cp.call(
        "StopTransaction",
        json!({"transactionId": id, "meterStop": 9999, "timestamp": "2024-05-01T13:00:00Z"}),
    )
    .await;
    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tx.meter_stop, Some(5000));
    assert_eq!(tx.flags, "conflicting_stop");
    let conflicting = unmatched_stop::Entity::find()
        .filter(unmatched_stop::Column::Kind.eq("already_stopped"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (conflicting.reported_transaction_id, conflicting.meter_stop),
        (id, 9999)
    );

    // Another station's transaction id is never closed by this station.
    add_tag(&app, "TAG2", "Accepted", None, None).await;
    let mut other = app.booted_station("CP-OTHER").await;
    let (theirs, _) = start(&mut other, 1, "TAG2", 0, "2024-05-01T14:00:00Z").await;
    cp.call(
        "StopTransaction",
        json!({"transactionId": theirs, "meterStop": 1, "timestamp": "2024-05-01T14:30:00Z"}),
    )
    .await;
    let tx = transaction::Entity::find_by_id(theirs)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(
        tx.stop_time.is_none(),
        "another station's transaction was closed"
    );
    assert!(
        unmatched_stop::Entity::find()
            .filter(unmatched_stop::Column::Kind.eq("other_station"))
            .one(app.db())
            .await
            .unwrap()
            .is_some()
    );
    app.stop().await;
}
on_both_backends!(stop_is_always_answered_and_never_counted_twice);

async fn offline_replay_is_stored_as_sent(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-OFFLINE").await;
    // Yesterday's session, queued while offline and sent now in order.
    let (id, _) = start(&mut cp, 2, "TAG1", 2000, "2024-04-30T08:00:00Z").await;
    for (minute, wh) in [(15, 2500), (30, 3100)] {
        let ts = format!("2024-04-30T08:{minute}:00Z");
        cp.call("MeterValues", json!({"connectorId": 2, "transactionId": id, "meterValue": [{"timestamp": ts, "sampledValue": [
            {"value": wh.to_string(), "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
            {"value": "7.2", "measurand": "Power.Active.Import", "unit": "kW"}]}]})).await;
    }
    cp.call("StopTransaction", json!({"transactionId": id, "meterStop": 3300, "timestamp": "2024-04-30T08:40:00Z", "reason": "Local"})).await;

    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tx.start_time, at("2024-04-30T08:00:00Z"));
    assert_eq!(tx.stop_time, Some(at("2024-04-30T08:40:00Z")));
    assert_eq!(
        (tx.connector_id, tx.meter_start, tx.meter_stop),
        (2, 2000, Some(3300))
    );
    assert_eq!(tx.flags, "");
    assert!(tx.started_received_at > tx.start_time + Duration::days(1));
    let samples = crate::support::samples_where(app.db(), |s| s.transaction_id == Some(id)).await;
    assert_eq!(samples.len(), 4);
    assert_eq!(samples[0].timestamp, at("2024-04-30T08:15:00Z"));
    assert_eq!(
        (
            samples[1].measurand.as_str(),
            samples[1].unit.as_str(),
            samples[1].numeric_value
        ),
        ("Power.Active.Import", "kW", Some(7.2))
    );
    assert_eq!(samples[3].timestamp, at("2024-04-30T08:30:00Z"));
    // Defaults applied where the station left attributes out.
    assert_eq!(
        (
            samples[0].context.as_str(),
            samples[0].format.as_str(),
            samples[0].location.as_str()
        ),
        ("Sample.Periodic", "Raw", "Outlet")
    );
    app.stop().await;
}
on_both_backends!(offline_replay_is_stored_as_sent);

async fn meter_values_for_an_unknown_transaction_are_kept(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-MV").await;
    let answer = cp
        .call("MeterValues", json!({"connectorId": 1, "transactionId": 4242, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [{"value": "1"}]}]}))
        .await;
    assert_eq!(answer, json!({}));
    let row = crate::support::samples(app.db()).await.remove(0);
    assert_eq!(
        (row.transaction_id, row.reported_transaction_id),
        (None, Some(4242))
    );
    // Without a transaction id at all (e.g. clock-aligned readings on connector 0).
    cp.call("MeterValues", json!({"connectorId": 0, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [{"value": "230", "measurand": "Voltage", "unit": "V", "phase": "L1-N"}]}]})).await;
    assert_eq!(crate::support::sample_count(app.db()).await, 2);
    let reading = app
        .ctx()
        .cache
        .last_meter("CP-MV", 0)
        .await
        .unwrap()
        .expect("cached reading");
    assert_eq!(reading.sampled_value[0].value, "230");

    // A transaction is linked when it is the station's own, never when it is another's
    // (sent at once, so that they may share a batch of the writer).
    let mut other = app.booted_station("CP-MV-OTHER").await;
    let theirs = other
        .call("StartTransaction", json!({"connectorId": 1, "idTag": "T1", "meterStart": 0, "timestamp": "2024-05-01T09:00:00Z"}))
        .await["transactionId"]
        .as_i64()
        .unwrap();
    let mine = cp
        .call("StartTransaction", json!({"connectorId": 1, "idTag": "T1", "meterStart": 0, "timestamp": "2024-05-01T09:00:00Z"}))
        .await["transactionId"]
        .as_i64()
        .unwrap();
    let values = |tx: i64, second: u32| json!({"connectorId": 1, "transactionId": tx, "meterValue": [{"timestamp": format!("2024-05-01T10:05:{second:02}Z"), "sampledValue": [{"value": "7"}]}]});
    let mut stranger = app.booted_station("CP-MV-2").await;
    let (a, b) = tokio::join!(
        cp.call("MeterValues", values(mine, 1)),
        stranger.call("MeterValues", values(mine, 2))
    );
    assert_eq!((a, b), (json!({}), json!({})));
    cp.call("MeterValues", values(theirs, 3)).await;
    let mut sevens = crate::support::samples_where(app.db(), |s| s.value == "7").await;
    sevens.sort_by_key(|s| s.timestamp);
    let linked: Vec<(Option<i32>, Option<i32>, String)> = sevens
        .into_iter()
        .map(|r| (r.transaction_id, r.reported_transaction_id, r.station_id))
        .collect();
    let (mine, theirs) = (mine as i32, theirs as i32);
    assert_eq!(
        linked,
        vec![
            (Some(mine), Some(mine), "CP-MV".to_owned()),
            (None, Some(mine), "CP-MV-2".to_owned()),
            (None, Some(theirs), "CP-MV".to_owned()),
        ]
    );
    app.stop().await;
}
on_both_backends!(meter_values_for_an_unknown_transaction_are_kept);

async fn authorisation_rules(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let past = Utc::now() - Duration::days(1);
    let future = Utc::now() + Duration::days(30);
    add_tag(&app, "BLOCKED", "Blocked", None, None).await;
    add_tag(&app, "OLD", "Accepted", Some(past), None).await;
    add_tag(&app, "GOOD", "Accepted", Some(future), None).await;
    add_tag(&app, "Child-A", "Accepted", None, Some("Fleet")).await;
    add_tag(&app, "CHILD-B", "Accepted", None, Some("FLEET")).await;
    let mut cp = app.booted_station("CP-AUTH").await;

    let status = |v: &Value| v["idTagInfo"]["status"].as_str().unwrap().to_owned();
    assert_eq!(
        status(&cp.call("Authorize", json!({"idTag": "BLOCKED"})).await),
        "Blocked"
    );
    assert_eq!(
        status(&cp.call("Authorize", json!({"idTag": "OLD"})).await),
        "Expired"
    );
    let good = cp.call("Authorize", json!({"idTag": "good"})).await;
    assert_eq!(
        good["idTagInfo"]["status"], "Accepted",
        "tags are case-insensitive"
    );
    assert!(good["idTagInfo"]["expiryDate"].is_string());
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "child-a"})).await["idTagInfo"]["parentIdTag"],
        "Fleet"
    );

    // Blocked and expired tags still get a transaction id (the station decides what to do).
    let (blocked_tx, info) = start(&mut cp, 1, "BLOCKED", 0, "2024-05-01T10:00:00Z").await;
    assert!(blocked_tx > 0);
    assert_eq!(info["status"], "Blocked");
    let (_, info) = start(&mut cp, 2, "OLD", 0, "2024-05-01T10:00:00Z").await;
    assert_eq!(info["status"], "Expired");

    // ConcurrentTx: the same tag busy elsewhere, or a tag of the same group.
    let (_, info) = start(&mut cp, 3, "GOOD", 0, "2024-05-01T10:00:00Z").await;
    assert_eq!(info["status"], "Accepted");
    let mut other = app.booted_station("CP-AUTH-2").await;
    let (concurrent, info) = start(&mut other, 1, "GOOD", 0, "2024-05-01T10:05:00Z").await;
    assert_eq!(info["status"], "ConcurrentTx");
    // Authorize is never ConcurrentTx.
    assert_eq!(
        status(&other.call("Authorize", json!({"idTag": "GOOD"})).await),
        "Accepted"
    );
    let (_, info) = start(&mut cp, 4, "Child-A", 0, "2024-05-01T10:00:00Z").await;
    assert_eq!(info["status"], "Accepted");
    let (_, info) = start(&mut other, 2, "CHILD-B", 0, "2024-05-01T10:06:00Z").await;
    assert_eq!(info["status"], "ConcurrentTx");
    let tx = transaction::Entity::find_by_id(concurrent)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (tx.start_id_tag_status.as_str(), tx.flags.as_str()),
        ("ConcurrentTx", "concurrent_tx")
    );

    // An unknown tag used offline: the transaction and the tag are both kept.
    let (unknown_tx, info) = start(&mut cp, 5, "NewCard", 0, "2024-05-01T10:00:00Z").await;
    assert_eq!(info["status"], "Invalid");
    let tx = transaction::Entity::find_by_id(unknown_tx)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tx.flags, "unknown_id_tag");
    let tag = id_tag::Entity::find_by_id("newcard")
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (tag.id_tag.as_str(), tag.status.as_str(), tag.auto_created),
        ("NewCard", "Invalid", true)
    );
    app.stop().await;
}
on_both_backends!(authorisation_rules);

async fn unknown_tags_accepted_when_configured(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.unknown_id_tags = chargegate::config::UnknownIdTagPolicy::Accept
    })
    .await
    else {
        return;
    };
    let mut cp = app.booted_station("CP-OPEN").await;
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "Walkin"})).await,
        json!({"idTagInfo": {"status": "Accepted"}})
    );
    let tag = id_tag::Entity::find_by_id("walkin")
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(tag.auto_created);
    let (_, info) = start(&mut cp, 1, "Other", 0, "2024-05-01T10:00:00Z").await;
    assert_eq!(info["status"], "Accepted");
    app.stop().await;
}
on_both_backends!(unknown_tags_accepted_when_configured);

async fn clock_and_meter_anomalies_are_flagged_not_refused(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-CLOCK").await;
    let future = (Utc::now() + Duration::days(2)).to_rfc3339();
    let (id, info) = start(&mut cp, 1, "TAG1", 500, &future).await;
    assert_eq!(info["status"], "Accepted");
    cp.call(
        "StopTransaction",
        json!({"transactionId": id, "meterStop": 400, "timestamp": "1970-01-01T00:00:10Z"}),
    )
    .await;
    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let mut flags: Vec<&str> = tx.flags.split(',').collect();
    flags.sort_unstable();
    assert_eq!(
        flags,
        [
            "meter_stop_below_start",
            "start_in_future",
            "stop_before_start",
            "stop_clock_unset"
        ]
    );
    assert_eq!(tx.stop_time, Some(at("1970-01-01T00:00:10Z")));
    // A new start while the last one on the connector was never stopped.
    let (first, _) = start(&mut cp, 2, "TAG1", 0, "2024-05-01T10:00:00Z").await;
    let (second, _) = start(&mut cp, 2, "TAG1", 10, "2024-05-01T12:00:00Z").await;
    let tx = transaction::Entity::find_by_id(second)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tx.flags, "connector_busy");
    assert!(
        transaction::Entity::find_by_id(first)
            .one(app.db())
            .await
            .unwrap()
            .unwrap()
            .stop_time
            .is_none()
    );
    // The other way round: a start before 2010 and a stop in the future.
    add_tag(&app, "TAG2", "Accepted", None, None).await;
    let (id, _) = start(&mut cp, 3, "TAG2", 0, "1970-01-01T00:00:00Z").await;
    let future = (Utc::now() + Duration::hours(3)).to_rfc3339();
    cp.call(
        "StopTransaction",
        json!({"transactionId": id, "meterStop": 10, "timestamp": future}),
    )
    .await;
    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    let mut flags: Vec<&str> = tx.flags.split(',').collect();
    flags.sort_unstable();
    assert_eq!(flags, ["start_clock_unset", "stop_in_future"]);
    app.stop().await;
}
on_both_backends!(clock_and_meter_anomalies_are_flagged_not_refused);

async fn fractional_timestamps_retry_cleanly(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-FRACTION").await;
    // Seven digits, as .NET-based stations send: more than PostgreSQL keeps.
    let (first, _) = start(&mut cp, 1, "TAG1", 0, "2024-05-01T10:00:00.1234567Z").await;
    let (again, _) = start(&mut cp, 1, "TAG1", 0, "2024-05-01T10:00:00.1234567Z").await;
    assert_eq!(first, again);
    let stop = json!({"transactionId": first, "meterStop": 10, "timestamp": "2024-05-01T11:00:00.7654321Z",
        "transactionData": [{"timestamp": "2024-05-01T11:00:00.7654321Z", "sampledValue": [{"value": "10"}]}]});
    cp.call("StopTransaction", stop.clone()).await;
    cp.call("StopTransaction", stop).await;
    let tx = transaction::Entity::find_by_id(first)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tx.flags, "");
    assert_eq!(tx.stop_time.unwrap().timestamp_subsec_micros(), 765_432);
    assert_eq!(
        unmatched_stop::Entity::find()
            .count(app.db())
            .await
            .unwrap(),
        0
    );
    assert_eq!(crate::support::sample_count(app.db()).await, 1);
    app.stop().await;
}
on_both_backends!(fractional_timestamps_retry_cleanly);

async fn a_stop_retried_after_a_reconnect_changes_nothing(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-RESTOP").await;
    let (id, _) = start(&mut cp, 1, "TAG1", 0, "2024-05-01T10:00:00Z").await;
    let stop = json!({"transactionId": id, "meterStop": 700, "timestamp": "2024-05-01T11:00:00Z", "reason": "Remote",
        "transactionData": [{"timestamp": "2024-05-01T11:00:00Z", "sampledValue": [{"value": "700", "context": "Transaction.End"}]}]});
    cp.call("StopTransaction", stop.clone()).await;
    drop(cp);
    let mut cp = app.station("CP-RESTOP").await;
    assert_eq!(cp.call("StopTransaction", stop).await, json!({}));
    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (tx.meter_stop, tx.stop_reason.as_deref(), tx.flags.as_str()),
        (Some(700), Some("Remote"), "")
    );
    assert_eq!(crate::support::sample_count(app.db()).await, 1);
    assert_eq!(
        unmatched_stop::Entity::find()
            .count(app.db())
            .await
            .unwrap(),
        0
    );
    app.stop().await;
}
on_both_backends!(a_stop_retried_after_a_reconnect_changes_nothing);

async fn meter_values_sent_again_are_stored_once(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-AGAIN").await;
    let values = json!({"connectorId": 1, "transactionId": 77, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [
        {"value": "100", "measurand": "Energy.Active.Import.Interval"},
        {"value": "16", "measurand": "Current.Import", "phase": "L1"},
        {"value": "15", "measurand": "Current.Import", "phase": "L2"},
        {"value": "16", "measurand": "Current.Import"}]}]});
    cp.call("MeterValues", values.clone()).await;
    // The answer was lost; the station sends the message again on a new connection.
    drop(cp);
    let mut cp = app.station("CP-AGAIN").await;
    assert_eq!(cp.call("MeterValues", values).await, json!({}));
    assert_eq!(crate::support::sample_count(app.db()).await, 4);
    // The same reading for another transaction, or at another time, is a new sample.
    cp.call("MeterValues", json!({"connectorId": 1, "transactionId": 78, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [{"value": "100", "measurand": "Energy.Active.Import.Interval"}]}]})).await;
    cp.call("MeterValues", json!({"connectorId": 1, "transactionId": 77, "meterValue": [{"timestamp": "2024-05-01T10:00:01Z", "sampledValue": [{"value": "100", "measurand": "Energy.Active.Import.Interval"}]}]})).await;
    assert_eq!(crate::support::sample_count(app.db()).await, 6);
    app.stop().await;
}
on_both_backends!(meter_values_sent_again_are_stored_once);

async fn samples_naming_another_stations_transaction_are_not_linked(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut owner = app.booted_station("CP-OWNER").await;
    let (id, _) = start(&mut owner, 1, "TAG1", 0, "2024-05-01T10:00:00Z").await;
    let mut other = app.booted_station("CP-INTRUDER").await;
    other
        .call("MeterValues", json!({"connectorId": 1, "transactionId": id, "meterValue": [{"timestamp": "2024-05-01T10:05:00Z", "sampledValue": [{"value": "5"}]}]}))
        .await;
    owner
        .call("MeterValues", json!({"connectorId": 1, "transactionId": id, "meterValue": [{"timestamp": "2024-05-01T10:05:00Z", "sampledValue": [{"value": "6"}]}]}))
        .await;
    let rows = crate::support::samples(app.db()).await;
    let seen: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.station_id.as_str(),
                r.reported_transaction_id,
                r.transaction_id,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("CP-INTRUDER", Some(id), None),
            ("CP-OWNER", Some(id), Some(id))
        ]
    );
    app.stop().await;
}
on_both_backends!(samples_naming_another_stations_transaction_are_not_linked);

async fn nul_characters_are_stored_the_same_on_every_backend(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-NUL").await;
    let (id, _) = start(&mut cp, 1, "A\u{0}B", 0, "2024-05-01T10:00:00Z").await;
    cp.call("MeterValues", json!({"connectorId": 1, "transactionId": id, "meterValue": [{"timestamp": "2024-05-01T10:01:00Z", "sampledValue": [{"value": "1\u{0}2"}]}]})).await;
    cp.call("StatusNotification", json!({"connectorId": 1, "errorCode": "OtherError", "status": "Faulted", "info": "bad\u{0}"})).await;
    // An unreadable frame with a raw NUL byte is journaled too, without breaking the batch.
    cp.send_text("\u{0}garbage").await;
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    let tx = transaction::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(tx.id_tag, "A\u{FFFD}B");
    let sample = crate::support::samples(app.db()).await.remove(0);
    assert_eq!(sample.value, "1\u{FFFD}2");
    let connector = entity::connector::Entity::find_by_id(("CP-NUL".to_owned(), 1))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(connector.info.as_deref(), Some("bad\u{FFFD}"));
    app.stop().await;
}
on_both_backends!(nul_characters_are_stored_the_same_on_every_backend);

/// Installs a trigger that makes every Heartbeat of `station` fail in the database.
async fn break_heartbeats(app: &crate::support::TestApp, backend: Backend, station: &'static str) {
    let statements: Vec<String> = match backend {
        Backend::Sqlite => vec![format!(
            "CREATE TRIGGER break_heartbeats BEFORE UPDATE OF last_heartbeat_at ON stations \
             WHEN NEW.id = '{station}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        )],
        Backend::Postgres => vec![
            "CREATE FUNCTION injected_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql".into(),
            format!(
                "CREATE TRIGGER break_heartbeats BEFORE UPDATE ON stations FOR EACH ROW \
                 WHEN (NEW.id = '{station}' AND NEW.last_heartbeat_at IS DISTINCT FROM OLD.last_heartbeat_at) \
                 EXECUTE FUNCTION injected_failure()"
            ),
        ],
    };
    run_sql(app, statements).await;
}

async fn run_sql(app: &crate::support::TestApp, statements: Vec<String>) {
    use sea_orm::ConnectionTrait;
    app.ctx()
        .store
        .write(move |txn| {
            let statements = statements.clone();
            Box::pin(async move {
                for sql in &statements {
                    txn.execute_unprepared(sql).await?;
                }
                Ok(())
            })
        })
        .await
        .expect("test SQL runs");
}

async fn a_failing_write_fails_only_its_own_message(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut bad = app.booted_station("CP-BROKEN").await;
    let mut good = app.booted_station("CP-FINE").await;
    break_heartbeats(&app, backend, "CP-BROKEN").await;

    // Hold the writer busy so that the next messages are written in one batch together.
    let store = app.ctx().store.clone();
    let busy = tokio::spawn(async move {
        store
            .write(|_| {
                Box::pin(async {
                    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                    Ok(())
                })
            })
            .await
    });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    bad.send_text(r#"[2,"hb-1","Heartbeat",{}]"#).await;
    good.send_text(r#"[2,"hb-1","Heartbeat",{}]"#).await;
    good.send_text(r#"[2,"mv-1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":"1"}]}]}]"#).await;
    busy.await.unwrap().unwrap();

    let (code, description) = crate::support::error_of(&bad.answer_to("hb-1").await);
    assert_eq!(code, "InternalError");
    assert!(
        !description.contains("injected"),
        "internals leaked: {description}"
    );
    assert_eq!(good.answer_to("hb-1").await[0], 3);
    assert_eq!(good.answer_to("mv-1").await, json!([3, "mv-1", {}]));
    assert_eq!(crate::support::sample_count(app.db()).await, 1);

    // Once the database accepts it again, the same CALL sent again is handled, not answered
    // with the remembered failure.
    let drop_trigger = match backend {
        Backend::Sqlite => "DROP TRIGGER break_heartbeats",
        Backend::Postgres => "DROP TRIGGER break_heartbeats ON stations",
    };
    run_sql(&app, vec![drop_trigger.into()]).await;
    bad.send_text(r#"[2,"hb-1","Heartbeat",{}]"#).await;
    assert_eq!(bad.answer_to("hb-1").await[0], 3);
    app.stop().await;
}
on_both_backends!(a_failing_write_fails_only_its_own_message);

/// With several writers (PostgreSQL), each station's rows go through one of them: its frames
/// are journaled in the order they came, its samples are all stored, and a DataTransfer, whose
/// only record is its journal row, is answered only once that row is committed.
async fn each_stations_rows_keep_their_order_across_writers(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| s.db_writers = 4).await else {
        return;
    };
    const STATIONS: usize = 8;
    const ROUNDS: u32 = 10;
    let mut stations = Vec::new();
    for n in 0..STATIONS {
        stations.push(app.booted_station(&format!("CP-LANE-{n}")).await);
    }
    let db = app.db().clone();
    let runs = stations.into_iter().enumerate().map(|(n, mut cp)| {
        let db = db.clone();
        async move {
            for round in 0..ROUNDS {
                let values = json!({"connectorId": 1, "meterValue": [{
                    "timestamp": format!("2024-05-01T10:{round:02}:00Z"),
                    "sampledValue": [{"value": round.to_string()}, {"value": "1", "measurand": "Voltage"}]}]});
                assert_eq!(cp.call("MeterValues", values).await, json!({}));
                let answer = cp.call("DataTransfer", json!({"vendorId": "X", "data": format!("{n}/{round}")})).await;
                assert_eq!(answer["status"], "UnknownVendorId");
                let kept = ocpp_message::Entity::find()
                    .filter(ocpp_message::Column::StationId.eq(format!("CP-LANE-{n}")))
                    .filter(ocpp_message::Column::Action.eq("DataTransfer"))
                    .filter(ocpp_message::Column::Direction.eq("in"))
                    .count(&db)
                    .await
                    .unwrap();
                assert_eq!(kept, u64::from(round) + 1, "CP-LANE-{n}'s DataTransfer answered before it was kept");
            }
        }
    });
    futures_util::future::join_all(runs).await;
    assert_eq!(
        crate::support::sample_count(app.db()).await,
        (STATIONS as u64) * u64::from(ROUNDS) * 2
    );
    for n in 0..STATIONS {
        let ids: Vec<u64> = ocpp_message::Entity::find()
            .filter(ocpp_message::Column::StationId.eq(format!("CP-LANE-{n}")))
            .filter(ocpp_message::Column::Direction.eq("in"))
            .order_by_asc(ocpp_message::Column::Id)
            .all(app.db())
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.message_id().unwrap()[1..].parse().unwrap())
            .collect();
        assert_eq!(ids.len(), 1 + 2 * ROUNDS as usize, "CP-LANE-{n}: {ids:?}");
        assert!(
            ids.is_sorted(),
            "CP-LANE-{n}'s frames out of order: {ids:?}"
        );
    }
    app.stop().await;
}
on_both_backends!(each_stations_rows_keep_their_order_across_writers);

fn reading(connector: i32, at: &str, energy: &str, transaction: Option<i32>) -> Value {
    let mut payload = json!({"connectorId": connector, "meterValue": [{"timestamp": at,
        "sampledValue": [{"value": energy}, {"value": "230", "measurand": "Voltage", "unit": "V"}]}]});
    if let Some(id) = transaction {
        payload["transactionId"] = json!(id);
    }
    payload
}

/// What a node rebuilds a station's cache entries from: each connector's newest MeterValues
/// sample (its time kept by the database in `meter_latest`, its rows found by time). An older
/// sample from the station's queue, a sample sent again, a StopTransaction's transactionData and
/// another station's sample of the same time change nothing.
async fn each_connectors_newest_reading_is_read_back(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    add_tag(&app, "TAG1", "Accepted", None, None).await;
    let mut cp = app.booted_station("CP-NEWEST").await;
    let mut other = app.booted_station("CP-ELSEWHERE").await;
    for (connector, at, energy) in [
        (1, "2024-05-01T10:05:00Z", "105"),
        (1, "2024-05-01T10:01:00Z", "101"),
        (1, "2024-05-01T10:05:00Z", "105"),
    ] {
        let answer = cp
            .call("MeterValues", reading(connector, at, energy, None))
            .await;
        assert_eq!(answer, json!({}));
    }
    let (tx, _) = start(&mut cp, 2, "TAG1", 0, "2024-05-01T09:00:00Z").await;
    let answer = cp
        .call(
            "MeterValues",
            reading(2, "2024-05-01T09:30:00.250Z", "930", Some(tx)),
        )
        .await;
    assert_eq!(answer, json!({}));
    cp.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 1000, "timestamp": "2024-05-01T11:00:00Z",
            "transactionData": [{"timestamp": "2024-05-01T11:00:00Z", "sampledValue": [{"value": "1000"}]}]}),
    )
    .await;
    let answer = other
        .call(
            "MeterValues",
            reading(1, "2024-05-01T10:05:00Z", "999", None),
        )
        .await;
    assert_eq!(answer, json!({}));

    let readings = chargegate::link::node::last_readings(app.ctx(), "CP-NEWEST")
        .await
        .unwrap();
    let seen: Vec<_> = readings
        .iter()
        .map(|r| {
            let values: Vec<&str> = r.sampled_value.iter().map(|v| v.value.as_str()).collect();
            (r.connector_id, r.transaction_id, r.timestamp, values)
        })
        .collect();
    assert_eq!(
        seen,
        [
            (1, None, at("2024-05-01T10:05:00Z"), vec!["105", "230"]),
            (
                2,
                Some(tx),
                at("2024-05-01T09:30:00.250Z"),
                vec!["930", "230"]
            ),
        ]
    );
    let none = chargegate::link::node::last_readings(app.ctx(), "CP-SILENT")
        .await
        .unwrap();
    assert!(none.is_empty(), "{none:?}");
    app.stop().await;
}
on_both_backends!(each_connectors_newest_reading_is_read_back);
