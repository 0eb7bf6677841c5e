//! Connections over time: reconnects, a second connection for the same id, dead sockets,
//! registration approval, events on the bus, journal retention, clean shutdown.

use std::time::Duration;

use chargegate::{
    bus::{Delivery, Event},
    config::{HumanDuration, UnknownStationPolicy},
    use_case::command,
};
use entity::station;
use futures_util::StreamExt;
use ocpp::v16::ClearCache;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::json;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use crate::support::{eventually, spawn};

#[chargegate_test]
async fn an_accepted_station_may_reconnect_without_booting() {
    let app = spawn(|s| s.unknown_stations = UnknownStationPolicy::Pending).await;
    // Approved by an operator before it first connects.
    let row = station::ActiveModel {
        id: Set("CP-KNOWN".into()),
        registration_status: Set("Accepted".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    };
    app.ctx()
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                station::Entity::insert(row)
                    .exec_without_returning(txn)
                    .await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    let mut cp = app.booted_station("CP-KNOWN").await;
    drop(cp);
    cp = app.station("CP-KNOWN").await;
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    let row = station::Entity::find_by_id("CP-KNOWN")
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert!(row.first_seen_at.is_some() && row.last_seen_at.is_some());
    app.stop().await;
}

#[chargegate_test]
async fn pending_stations_wait_for_approval() {
    let app = spawn(|s| s.unknown_stations = UnknownStationPolicy::Pending).await;
    let mut cp = app.station("CP-NEW").await;
    let boot = json!({"chargePointVendor": "V", "chargePointModel": "M"});
    assert_eq!(
        cp.call("BootNotification", boot.clone()).await["status"],
        "Pending"
    );
    assert_eq!(
        cp.call_error("Heartbeat", json!({})).await.0,
        "SecurityError"
    );
    // An operator approves it (the API does this in a later issue); the next boot is accepted.
    app.ctx()
        .store
        .write(|txn| {
            Box::pin(async move {
                station::Entity::update(station::ActiveModel {
                    id: Set("CP-NEW".into()),
                    registration_status: Set("Accepted".into()),
                    ..Default::default()
                })
                .exec(txn)
                .await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    assert_eq!(
        cp.call("BootNotification", boot).await["status"],
        "Accepted"
    );
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    app.stop().await;
}

#[chargegate_test]
async fn a_second_connection_replaces_the_first() {
    let app = spawn(|_| {}).await;
    let mut events = app.ctx().bus.subscribe();
    let mut first = app.booted_station("CP-TWIN").await;
    let first_id = chargegate::link::of(app.ctx())
        .registry
        .get("CP-TWIN")
        .unwrap()
        .connection_id;
    let mut second = app.station("CP-TWIN").await;
    let frame = first
        .closed()
        .await
        .expect("the old socket gets a close frame");
    assert_eq!(frame.code, CloseCode::Normal);
    // The old socket's end must not unregister the new one.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let current = chargegate::link::of(app.ctx())
        .registry
        .get("CP-TWIN")
        .expect("still registered");
    assert_ne!(current.connection_id, first_id);
    let presence = app
        .ctx()
        .cache
        .presence("CP-TWIN")
        .await
        .unwrap()
        .expect("still present");
    assert_eq!(presence.connection_id, current.connection_id);
    // Commands reach the new connection.
    let ctx = app.app.context().clone();
    let task = tokio::spawn(async move { command::send(&ctx, "CP-TWIN", &ClearCache {}).await });
    let (id, action, _) = second.server_call().await;
    assert_eq!(action, "ClearCache");
    second.reply(&id, json!({"status": "Accepted"})).await;
    assert!(task.await.unwrap().is_ok());
    // A command outstanding on a replaced connection fails at once instead of timing out.
    let ctx = app.app.context().clone();
    let pending = tokio::spawn(async move { command::send(&ctx, "CP-TWIN", &ClearCache {}).await });
    let _ = second.server_call().await;
    let mut third = app.station("CP-TWIN").await;
    assert_eq!(
        pending.await.unwrap(),
        Err(ocpp::rpc::CommandError::Disconnected)
    );
    assert_eq!(
        second.closed().await.map(|f| f.code),
        Some(CloseCode::Normal)
    );
    assert!(third.call("Heartbeat", json!({})).await["currentTime"].is_string());
    // No StationDisconnected was published for the replaced sockets.
    let mut seen = Vec::new();
    while let Ok(Some(Delivery::Event(e))) =
        tokio::time::timeout(Duration::from_millis(100), events.next()).await
    {
        seen.push(e);
    }
    assert!(
        !seen
            .iter()
            .any(|e| matches!(**e, Event::StationDisconnected { .. })),
        "{seen:?}"
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_silent_socket_is_detected_by_ping_and_the_station_marked_offline() {
    let app = spawn(|s| s.ping_interval = HumanDuration(Duration::from_millis(200))).await;
    let mut events = app.ctx().bus.subscribe();
    let mut cp = app.booted_station("CP-DEAD").await;
    assert_eq!(
        app.ctx().cache.connected_stations().await.unwrap(),
        vec!["CP-DEAD".to_owned()]
    );
    // A live station answers pings (its client reads, so it replies with pongs).
    assert!(cp.silent_for(Duration::from_millis(600)).await);
    assert!(
        chargegate::link::of(app.ctx())
            .registry
            .get("CP-DEAD")
            .is_some(),
        "a station that answers pings stays"
    );
    // Now it stops reading, so it never answers a ping: the server gives up on it.
    eventually("the dead station to be dropped", || async {
        chargegate::link::of(app.ctx())
            .registry
            .get("CP-DEAD")
            .is_none()
            .then_some(())
    })
    .await;
    assert!(app.ctx().cache.presence("CP-DEAD").await.unwrap().is_none());
    let disconnected = loop {
        match tokio::time::timeout(crate::support::PATIENCE, events.next()).await {
            Ok(Some(Delivery::Event(e))) if matches!(*e, Event::StationDisconnected { .. }) => {
                break e;
            }
            Ok(Some(_)) => continue,
            other => panic!("no StationDisconnected event: {other:?}"),
        }
    };
    assert_eq!(disconnected.station_id(), "CP-DEAD");
    drop(cp);
    app.stop().await;
}

#[chargegate_test]
async fn station_activity_is_published_on_the_bus() {
    let app = spawn(|_| {}).await;
    let mut events = app.ctx().bus.subscribe();
    let mut cp = app.booted_station("CP-EV").await;
    cp.call(
        "StatusNotification",
        json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
    )
    .await;
    let start = cp.call("StartTransaction", json!({"connectorId": 1, "idTag": "T", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"})).await;
    let id = start["transactionId"].as_i64().unwrap() as i32;
    cp.call("MeterValues", json!({"connectorId": 1, "transactionId": id, "meterValue": [{"timestamp": "2024-05-01T10:01:00Z", "sampledValue": [{"value": "10"}]}]})).await;
    cp.call(
        "StopTransaction",
        json!({"transactionId": id, "meterStop": 10, "timestamp": "2024-05-01T10:02:00Z"}),
    )
    .await;
    drop(cp);
    let mut kinds = Vec::new();
    while kinds.len() < 7 {
        match tokio::time::timeout(crate::support::PATIENCE, events.next()).await {
            Ok(Some(Delivery::Event(e))) => {
                assert_eq!(e.station_id(), "CP-EV");
                kinds.push(
                    serde_json::to_value(&*e).unwrap()["kind"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                );
            }
            other => panic!("expected an event, got {other:?}"),
        }
    }
    assert_eq!(
        kinds,
        [
            "station_connected",
            "station_booted",
            "connector_status",
            "transaction_started",
            "meter_values",
            "transaction_stopped",
            "station_disconnected"
        ]
    );
    app.stop().await;
}

async fn old_journal_rows_are_pruned(backend: crate::support::Backend) {
    let Some(app) = crate::support::spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-J").await;
    cp.call("Heartbeat", json!({})).await;
    // Two CALLs and their answers, each pair in one row.
    let count = || async {
        crate::support::journal_frames(app.db(), Some("CP-J"))
            .await
            .len()
    };
    eventually("journal rows", || async {
        let n = count().await;
        (n == 4).then_some(n)
    })
    .await;
    assert_eq!(
        app.ctx()
            .store
            .prune_journal(chrono::Utc::now() - chrono::Duration::hours(1))
            .await
            .unwrap(),
        0
    );
    let deleted = app
        .ctx()
        .store
        .prune_journal(chrono::Utc::now() + chrono::Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(deleted, 2);
    assert_eq!(count().await, 0);
    app.stop().await;
}
crate::on_both_backends!(old_journal_rows_are_pruned);

#[chargegate_test]
async fn shutdown_closes_sockets_and_keeps_what_was_acknowledged() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-BYE").await;
    for i in 0..20 {
        let at = format!("2024-05-01T10:{i:02}:00Z");
        cp.call("MeterValues", json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": [{"value": i.to_string()}]}]})).await;
    }
    let crate::support::TestApp { app, db, .. } = app;
    let stopping = tokio::spawn(app.stop());
    let frame = cp.closed().await.expect("a close frame at shutdown");
    assert_eq!(frame.code, CloseCode::Away);
    stopping.await.unwrap().unwrap();
    // Reopen the same database: everything acknowledged is there.
    let crate::support::TestDb::Sqlite(dir) = &*db else {
        unreachable!()
    };
    let url = format!("sqlite://{}", dir.path().join("chargegate.db").display());
    let reopened = chargegate::App::build(chargegate::Settings::with_database(url))
        .await
        .unwrap();
    let n = crate::support::samples_where(reopened.context().store.reader(), |_| true)
        .await
        .len() as u64;
    assert_eq!(n, 20);
    let journal = crate::support::journal_frames(reopened.context().store.reader(), None)
        .await
        .len();
    assert_eq!(
        journal, 42,
        "every frame, including the last answers, was journaled before exit"
    );
    reopened.stop().await.unwrap();
}

#[chargegate_test]
async fn sqlite_runs_in_wal_mode_with_full_sync() {
    use sea_orm::{ConnectionTrait, Statement};
    let app = spawn(|_| {}).await;
    let db = app.db();
    let pragma = |name: &'static str| async move {
        db.query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .unwrap()
        .unwrap()
    };
    assert_eq!(
        pragma("journal_mode")
            .await
            .try_get_by_index::<String>(0)
            .unwrap(),
        "wal"
    );
    // 2 = FULL
    assert_eq!(
        pragma("synchronous")
            .await
            .try_get_by_index::<i64>(0)
            .unwrap(),
        2
    );
    app.stop().await;
}
