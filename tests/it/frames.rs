//! The wire rules: every row of the pinned CallError mapping, garbage frames, the bad-frame
//! limit, unknown message types, duplicate message ids.

use std::time::Duration;

use entity::{ocpp_message, transaction};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use tokio_tungstenite::tungstenite::{Message, protocol::frame::coding::CloseCode};

use crate::support::{error_of, eventually, spawn};

#[chargegate_test]
async fn every_row_of_the_call_error_mapping() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-ERR").await;
    let code = |(code, _): (String, String)| code;

    // action unknown
    assert_eq!(
        code(cp.call_error("FooBar", json!({})).await),
        "NotImplemented"
    );
    // action known but only sent by a central system
    assert_eq!(
        code(cp.call_error("Reset", json!({"type": "Hard"})).await),
        "NotSupported"
    );
    assert_eq!(
        code(
            cp.call_error("RemoteStartTransaction", json!({"idTag": "A"}))
                .await
        ),
        "NotSupported"
    );
    // payload not a JSON object
    assert_eq!(
        code(cp.call_error("Heartbeat", json!([])).await),
        "FormationViolation"
    );
    assert_eq!(
        code(cp.call_error("Authorize", json!("A")).await),
        "FormationViolation"
    );
    // a field not in the schema
    let (c, description) = cp
        .call_error("Authorize", json!({"idTag": "A", "pin": "1234"}))
        .await;
    assert_eq!(c, "FormationViolation");
    assert!(description.contains("pin"), "{description}");
    // required field missing
    let (c, description) = cp
        .call_error("BootNotification", json!({"chargePointVendor": "VendorA"}))
        .await;
    assert_eq!(c, "OccurenceConstraintViolation");
    assert!(description.contains("chargePointModel"), "{description}");
    // field of the wrong JSON type
    assert_eq!(
        code(
            cp.call_error(
                "StatusNotification",
                json!({"connectorId": "1", "errorCode": "NoError", "status": "Available"})
            )
            .await
        ),
        "TypeConstraintViolation"
    );
    assert_eq!(
        code(
            cp.call_error(
                "StatusNotification",
                json!({"connectorId": 1, "errorCode": "NoError", "status": 3})
            )
            .await
        ),
        "TypeConstraintViolation"
    );
    // value outside its enum
    assert_eq!(
        code(
            cp.call_error(
                "StatusNotification",
                json!({"connectorId": 1, "errorCode": "NoError", "status": "Open"})
            )
            .await
        ),
        "PropertyConstraintViolation"
    );
    // string too long (idTag is CiString20)
    let (c, description) = cp
        .call_error("Authorize", json!({"idTag": "123456789012345678901"}))
        .await;
    assert_eq!(c, "PropertyConstraintViolation");
    assert!(description.starts_with("idTag:"), "{description}");
    // bad date-time
    assert_eq!(
        code(
            cp.call_error(
                "StartTransaction",
                json!({"connectorId": 1, "idTag": "A", "meterStart": 0, "timestamp": "yesterday"})
            )
            .await
        ),
        "PropertyConstraintViolation"
    );
    // integer out of range
    assert_eq!(
        code(cp.call_error("MeterValues", json!({"connectorId": 1, "transactionId": 4_294_967_296_i64, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [{"value": "1"}]}]})).await),
        "PropertyConstraintViolation"
    );
    assert_eq!(
        code(
            cp.call_error(
                "StatusNotification",
                json!({"connectorId": -1, "errorCode": "NoError", "status": "Available"})
            )
            .await
        ),
        "PropertyConstraintViolation"
    );
    // The connection survived all of it.
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    app.stop().await;
}

#[chargegate_test]
async fn calls_before_acceptance_get_security_error() {
    let app =
        spawn(|s| s.unknown_stations = chargegate::config::UnknownStationPolicy::Pending).await;
    let mut cp = app.station("CP-PENDING").await;
    let (code, description) = cp.call_error("Heartbeat", json!({})).await;
    assert_eq!(code, "SecurityError");
    assert!(description.contains("Pending"), "{description}");
    let boot = cp
        .call(
            "BootNotification",
            json!({"chargePointVendor": "V", "chargePointModel": "M"}),
        )
        .await;
    assert_eq!(boot["status"], "Pending");
    assert_eq!(cp.call_error("StartTransaction", json!({"connectorId": 1, "idTag": "A", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"})).await.0, "SecurityError");
    // Nothing was stored for the refused start.
    let stored = transaction::Entity::find().count(app.db()).await.unwrap();
    assert_eq!(stored, 0);
    app.stop().await;
}

#[chargegate_test]
async fn a_rejected_station_may_only_boot_and_is_told_rejected() {
    let app = spawn(|_| {}).await;
    let row = entity::station::ActiveModel {
        id: sea_orm::ActiveValue::Set("CP-BANNED".into()),
        registration_status: sea_orm::ActiveValue::Set("Rejected".into()),
        created_at: sea_orm::ActiveValue::Set(chrono::Utc::now()),
        ..Default::default()
    };
    app.ctx()
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                entity::station::Entity::insert(row)
                    .exec_without_returning(txn)
                    .await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    let mut cp = app.station("CP-BANNED").await;
    let (code, description) = cp
        .call_error(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Available"}),
        )
        .await;
    assert_eq!(code, "SecurityError");
    assert!(description.contains("Rejected"), "{description}");
    let boot = cp
        .call(
            "BootNotification",
            json!({"chargePointVendor": "V", "chargePointModel": "M"}),
        )
        .await;
    assert_eq!(boot["status"], "Rejected");
    assert_eq!(
        cp.call_error("Heartbeat", json!({})).await.0,
        "SecurityError"
    );
    app.stop().await;
}

#[chargegate_test]
async fn storage_failure_is_an_internal_error_without_internals() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-DOWN").await;
    // The store stops taking writes, as when the database is gone.
    app.ctx().store.close().await;
    let (code, description) = cp.call_error("Heartbeat", json!({})).await;
    assert_eq!(code, "InternalError");
    assert!(
        !description.to_lowercase().contains("sql") && !description.contains("store"),
        "{description}"
    );
    let (code, _) = cp
        .call_error("StartTransaction", json!({"connectorId": 1, "idTag": "A", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"}))
        .await;
    assert_eq!(code, "InternalError");
    // DataTransfer is kept only in the journal, so it is not acknowledged either.
    assert_eq!(
        cp.call_error("DataTransfer", json!({"vendorId": "X"}))
            .await
            .0,
        "InternalError"
    );
    // The connection is alive: what needs no storage is still answered.
    assert_eq!(cp.call_error("FooBar", json!({})).await.0, "NotImplemented");
    app.stop().await;
}

#[chargegate_test]
async fn malformed_calls_with_an_id_get_protocol_error() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-PROTO").await;
    cp.send_text(r#"[2,"short","Heartbeat"]"#).await;
    let (code, _) = error_of(&cp.answer_to("short").await);
    assert_eq!(code, "ProtocolError");
    cp.send_text(r#"[2,"act",17,{}]"#).await;
    assert_eq!(error_of(&cp.answer_to("act").await).0, "ProtocolError");
    let long = "x".repeat(37);
    cp.send_text(&format!(r#"[2,"{long}","Heartbeat",{{}}]"#))
        .await;
    let (code, description) = error_of(&cp.answer_to(&long).await);
    assert_eq!(code, "ProtocolError");
    assert!(description.contains("36"), "{description}");
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    app.stop().await;
}

#[chargegate_test]
async fn garbage_is_survived_and_journaled_but_not_answered() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-GARBAGE").await;
    for garbage in [
        "hello",
        "{\"a\":1}",
        "[]",
        "[2,17,\"Heartbeat\",{}]",
        "[3,\"nobody\"]",
    ] {
        cp.send_text(garbage).await;
    }
    cp.send(Message::binary(b"[2,\"b\",\"Heartbeat\",{}]".to_vec()))
        .await;
    assert!(
        cp.silent_for(Duration::from_millis(300)).await,
        "garbage must not be answered"
    );
    // A result for a call the server never made is dropped too.
    cp.send_text(r#"[3,"999",{}]"#).await;
    cp.send_text(r#"[4,"998","GenericError","",{}]"#).await;
    assert!(cp.silent_for(Duration::from_millis(200)).await);
    // Unknown message types are ignored.
    cp.send_text(r#"[5,"x",{}]"#).await;
    cp.send_text(r#"[6,"y","Heartbeat",{}]"#).await;
    assert!(cp.silent_for(Duration::from_millis(200)).await);
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    let unreadable = eventually("garbage in the journal", || async {
        let n = ocpp_message::Entity::find()
            .filter(ocpp_message::Column::StationId.eq("CP-GARBAGE"))
            .filter(ocpp_message::Column::MessageType.is_null())
            .count(app.db())
            .await
            .unwrap();
        (n == 8).then_some(n)
    })
    .await;
    assert_eq!(unreadable, 8);
    app.stop().await;
}

#[chargegate_test]
async fn too_many_bad_frames_in_a_row_close_the_connection() {
    let app = spawn(|s| s.max_bad_frames = 3).await;
    let mut cp = app.booted_station("CP-BAD").await;
    cp.send_text("bad").await;
    cp.send_text("bad").await;
    // A good frame resets the count.
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    cp.send_text("bad").await;
    cp.send_text("bad").await;
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    for _ in 0..3 {
        cp.send_text("bad").await;
    }
    let frame = cp.closed().await.expect("a close frame");
    assert_eq!(frame.code, CloseCode::Protocol);
    app.stop().await;
}

#[chargegate_test]
async fn a_repeated_message_id_gets_the_first_answer_and_runs_once() {
    use chargegate::bus::{Delivery, Event};
    use futures_util::StreamExt;
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-DUP").await;
    let mut events = app.ctx().bus.subscribe();
    // Each handled MeterValues publishes one event: the count says how often the handler ran.
    let meter_frame = |id: &str| {
        json!([2, id, "MeterValues", {"connectorId": 1, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [{"value": id}]}]}]).to_string()
    };
    cp.send_text(&meter_frame("dup-1")).await;
    let first = cp.recv_text().await;
    cp.send_text(&meter_frame("dup-1")).await;
    assert_eq!(cp.recv_text().await, first);
    // Also when the repeat arrives while the first is still being handled.
    cp.send_text(&meter_frame("dup-2")).await;
    cp.send_text(&meter_frame("dup-2")).await;
    assert_eq!(cp.recv_text().await, cp.recv_text().await);
    // A third, different message, to know when all events are in.
    cp.call("MeterValues", json!({"connectorId": 2, "meterValue": [{"timestamp": "2024-05-01T10:00:00Z", "sampledValue": [{"value": "end"}]}]})).await;
    let mut handled = Vec::new();
    loop {
        match tokio::time::timeout(crate::support::PATIENCE, events.next()).await {
            Ok(Some(Delivery::Event(e))) => {
                if let Event::MeterValues {
                    connector_id,
                    meter_value,
                    ..
                } = &*e
                {
                    handled.push(meter_value[0].sampled_value[0].value.clone());
                    if *connector_id == 2 {
                        break;
                    }
                }
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(handled, ["dup-1", "dup-2", "end"]);
    // Both answers to each repeated CALL are journaled.
    let answers = crate::support::journal_frames(app.db(), Some("CP-DUP"))
        .await
        .iter()
        .filter(|f| f.direction == "out" && f.message_id.as_deref() == Some("dup-2"))
        .count();
    assert_eq!(answers, 2);

    // A Heartbeat's answer carries the time: identical bytes prove the handler did not run again.
    cp.send_text(r#"[2,"hb","Heartbeat",{}]"#).await;
    let first = cp.recv_text().await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    cp.send_text(r#"[2,"hb","Heartbeat",{}]"#).await;
    assert_eq!(cp.recv_text().await, first);

    // A station that reuses an id for a different CALL is not answered from the cache.
    cp.send_text(r#"[2,"same","Heartbeat",{}]"#).await;
    let heartbeat = cp.recv().await;
    cp.send_text(r#"[2,"same","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]"#).await;
    let status = cp.recv().await;
    assert!(heartbeat[2]["currentTime"].is_string());
    assert_eq!(status, json!([3, "same", {}]));

    // An error answer is repeated as well.
    cp.send_text(r#"[2,"e1","FooBar",{}]"#).await;
    let first = cp.recv_text().await;
    cp.send_text(r#"[2,"e1","FooBar",{}]"#).await;
    assert_eq!(cp.recv_text().await, first);
    app.stop().await;
}

#[chargegate_test]
async fn null_payload_counts_as_empty_and_calls_are_answered_in_order() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-ORDER").await;
    cp.send_text(r#"[2,"n","Heartbeat",null]"#).await;
    let answer = cp.recv().await;
    assert_eq!(
        (answer[0].clone(), answer[1].clone()),
        (json!(3), json!("n"))
    );
    // A station that does not wait for answers still gets them, in order.
    for i in 0..5 {
        cp.send_text(&json!([2, format!("q{i}"), "StatusNotification", {"connectorId": 1, "errorCode": "NoError", "status": if i % 2 == 0 {"Available"} else {"Preparing"}}]).to_string()).await;
    }
    for i in 0..5 {
        let answer = cp.recv().await;
        assert_eq!(answer, json!([3, format!("q{i}"), {}]));
    }
    let state = app.ctx().cache.connectors("CP-ORDER").await.unwrap();
    assert_eq!(state[0].status.as_str(), "Available");
    app.stop().await;
}

#[chargegate_test]
async fn with_the_journal_off_frames_are_not_kept_but_what_they_mean_is() {
    let app = spawn(|s| s.journal = false).await;
    let mut cp = app.booted_station("CP-NOJOURNAL").await;
    cp.call(
        "MeterValues",
        json!({"connectorId": 1, "meterValue": [{"timestamp": "2026-11-24T10:00:00Z",
            "sampledValue": [{"value": "42", "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}]}),
    )
    .await;
    let answer = cp.call("DataTransfer", json!({"vendorId": "X"})).await;
    assert_eq!(answer["status"], "UnknownVendorId");
    let samples = crate::support::samples_where(app.db(), |s| s.station_id == "CP-NOJOURNAL")
        .await
        .len() as u64;
    assert_eq!(samples, 1);
    let journaled = ocpp_message::Entity::find().count(app.db()).await.unwrap();
    assert_eq!(journaled, 0);
    app.stop().await;
}
