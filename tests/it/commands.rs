//! Server → station commands: each typed command answered by a test station, CALLERRORs,
//! timeouts, late answers, offline stations, one outstanding call at a time.

use std::{sync::Arc, time::Duration};

use chargegate::{Context, use_case::command};
use ocpp::rpc::{Command, CommandError};
use ocpp::v16::*;
use serde_json::json;

use crate::support::{TestApp, spawn};

fn ci<const N: usize>(s: &str) -> CiString<N> {
    CiString::new(s).unwrap()
}

fn ctx(app: &TestApp) -> Arc<Context> {
    app.app.context().clone()
}

/// Sends `command` from a task, answers it as the station with `answer`, returns both views.
async fn exchange<C: Command + Clone>(
    app: &TestApp,
    station: &mut crate::support::Station,
    command: C,
    answer: serde_json::Value,
) -> (String, serde_json::Value, Result<C::Response, CommandError>) {
    let ctx = ctx(app);
    let task = tokio::spawn(async move { command::send(&ctx, "CP-CMD", &command).await });
    let (id, action, payload) = station.server_call().await;
    station.reply(&id, answer).await;
    (action, payload, task.await.unwrap())
}

#[chargegate_test]
async fn every_core_command_round_trips() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;

    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        ChangeAvailability {
            connector_id: 1,
            kind: AvailabilityType::Inoperative,
        },
        json!({"status": "Scheduled"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        (
            "ChangeAvailability",
            json!({"connectorId": 1, "type": "Inoperative"})
        )
    );
    assert_eq!(answer.unwrap().status, AvailabilityStatus::Scheduled);

    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        ChangeConfiguration {
            key: ci("HeartbeatInterval"),
            value: ci("300"),
        },
        json!({"status": "RebootRequired"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        (
            "ChangeConfiguration",
            json!({"key": "HeartbeatInterval", "value": "300"})
        )
    );
    assert_eq!(answer.unwrap().status, ConfigurationStatus::RebootRequired);

    let (action, payload, answer) =
        exchange(&app, &mut cp, ClearCache {}, json!({"status": "Accepted"})).await;
    assert_eq!((action.as_str(), payload), ("ClearCache", json!({})));
    assert_eq!(answer.unwrap().status, ClearCacheStatus::Accepted);

    let dt = DataTransferRequest {
        vendor_id: ci("VendorA"),
        message_id: Some(ci("customMsg")),
        data: Some("Some data".into()),
    };
    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        dt,
        json!({"status": "Accepted", "data": "pong"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        (
            "DataTransfer",
            json!({"vendorId": "VendorA", "messageId": "customMsg", "data": "Some data"})
        )
    );
    let answer = answer.unwrap();
    assert_eq!(
        (answer.status, answer.data.as_deref()),
        (DataTransferStatus::Accepted, Some("pong"))
    );

    let (action, payload, answer) = exchange(&app, &mut cp, GetConfiguration { key: Some(vec![ci("HeartbeatInterval"), ci("Key2")]) },
        json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Key2"]})).await;
    assert_eq!(
        (action.as_str(), payload),
        (
            "GetConfiguration",
            json!({"key": ["HeartbeatInterval", "Key2"]})
        )
    );
    let answer = answer.unwrap();
    assert_eq!(
        answer.configuration_key,
        vec![KeyValue {
            key: ci("HeartbeatInterval"),
            readonly: false,
            value: Some(ci("300"))
        }]
    );
    assert_eq!(answer.unknown_key, vec![ci("Key2")]);

    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        RemoteStartTransaction {
            connector_id: None,
            id_tag: ci("12345"),
            charging_profile: None,
        },
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("RemoteStartTransaction", json!({"idTag": "12345"}))
    );
    assert_eq!(answer.unwrap().status, RemoteStartStopStatus::Accepted);

    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        RemoteStopTransaction { transaction_id: 1 },
        json!({"status": "Rejected"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("RemoteStopTransaction", json!({"transactionId": 1}))
    );
    assert_eq!(answer.unwrap().status, RemoteStartStopStatus::Rejected);

    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        Reset {
            kind: ResetType::Soft,
        },
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("Reset", json!({"type": "Soft"}))
    );
    assert_eq!(answer.unwrap().status, ResetStatus::Accepted);

    let (action, payload, answer) = exchange(
        &app,
        &mut cp,
        UnlockConnector { connector_id: 1 },
        json!({"status": "Unlocked"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("UnlockConnector", json!({"connectorId": 1}))
    );
    assert_eq!(answer.unwrap().status, UnlockStatus::Unlocked);

    // Every command and answer is journaled with its action.
    let journal = crate::support::eventually("the journal", || async {
        use entity::ocpp_message::{Column, Entity};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let rows = Entity::find()
            .filter(Column::StationId.eq("CP-CMD"))
            .filter(Column::Action.eq("UnlockConnector"))
            .all(app.db())
            .await
            .unwrap();
        (rows.len() == 2).then_some(rows)
    })
    .await;
    assert_eq!(
        (journal[0].direction.as_str(), journal[1].direction.as_str()),
        ("out", "in")
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_station_call_error_comes_back_as_such() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let ctx = ctx(&app);
    let task = tokio::spawn(async move {
        command::send(
            &ctx,
            "CP-CMD",
            &Reset {
                kind: ResetType::Hard,
            },
        )
        .await
    });
    let (id, _, _) = cp.server_call().await;
    cp.reply_error(&id, "NotSupported", "Reset.req not implemented")
        .await;
    assert_eq!(
        task.await.unwrap(),
        Err(CommandError::CallError {
            code: "NotSupported".into(),
            description: "Reset.req not implemented".into(),
            details: json!({"hint": 1}),
        })
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_call_error_without_details_is_understood() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let ctx = ctx(&app);
    let task = tokio::spawn(async move { command::send(&ctx, "CP-CMD", &ClearCache {}).await });
    let (id, _, _) = cp.server_call().await;
    cp.send_text(&json!([4, id, "InternalError", "cache locked"]).to_string())
        .await;
    assert_eq!(
        task.await.unwrap(),
        Err(CommandError::CallError {
            code: "InternalError".into(),
            description: "cache locked".into(),
            details: json!({}),
        })
    );
    app.stop().await;
}

#[chargegate_test]
async fn an_answer_outside_the_schema_is_reported() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let (_, _, answer) = exchange(
        &app,
        &mut cp,
        UnlockConnector { connector_id: 1 },
        json!({"status": "Open"}),
    )
    .await;
    match answer {
        Err(CommandError::InvalidResponse(reason)) => {
            assert!(reason.contains("status"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    app.stop().await;
}

#[chargegate_test]
async fn an_offline_station_fails_at_once() {
    let app = spawn(|_| {}).await;
    let started = tokio::time::Instant::now();
    let answer = command::send(&ctx(&app), "NOBODY", &ClearCache {}).await;
    assert_eq!(answer, Err(CommandError::Offline));
    assert!(
        started.elapsed() < app.ctx().settings.command_timeout.0,
        "did not wait for a timeout"
    );
    app.stop().await;
}

#[chargegate_test]
async fn timeouts_and_late_answers() {
    let app = spawn(|s| {
        s.command_timeout = chargegate::config::HumanDuration(Duration::from_millis(400))
    })
    .await;
    let mut cp = app.booted_station("CP-CMD").await;
    let answer = {
        let ctx = ctx(&app);
        tokio::spawn(async move { command::send(&ctx, "CP-CMD", &ClearCache {}).await })
    };
    let (late_id, _, _) = cp.server_call().await;
    assert_eq!(
        answer.await.unwrap(),
        Err(CommandError::Timeout(Duration::from_millis(400)))
    );

    // The next command goes out with a fresh id once the first has timed out; the late answer
    // to the first is dropped, not taken for the second's.
    let ctx2 = ctx(&app);
    let next = tokio::spawn(async move {
        command::send(&ctx2, "CP-CMD", &UnlockConnector { connector_id: 2 }).await
    });
    let (id, action, _) = cp.server_call().await;
    assert_ne!(id, late_id);
    assert_eq!(action, "UnlockConnector");
    cp.reply(&late_id, json!({"status": "Accepted"})).await;
    cp.reply(&id, json!({"status": "UnlockFailed"})).await;
    assert_eq!(
        next.await.unwrap().unwrap().status,
        UnlockStatus::UnlockFailed
    );
    app.stop().await;
}

#[chargegate_test]
async fn one_outstanding_call_per_station() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let tasks: Vec<_> = (1..=3)
        .map(|connector| {
            let ctx = ctx(&app);
            tokio::spawn(async move {
                command::send(
                    &ctx,
                    "CP-CMD",
                    &UnlockConnector {
                        connector_id: connector,
                    },
                )
                .await
            })
        })
        .collect();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let (id, _, payload) = cp.server_call().await;
        // Nothing else arrives while this call is unanswered.
        assert!(
            cp.silent_for(Duration::from_millis(150)).await,
            "a second CALL was sent before the first was answered"
        );
        seen.push(payload["connectorId"].as_i64().unwrap());
        cp.reply(&id, json!({"status": "Unlocked"})).await;
    }
    seen.sort_unstable();
    assert_eq!(seen, [1, 2, 3]);
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap().status, UnlockStatus::Unlocked);
    }
    app.stop().await;
}

#[chargegate_test]
async fn calls_cross_in_both_directions() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let ctx = ctx(&app);
    let task = tokio::spawn(async move { command::send(&ctx, "CP-CMD", &ClearCache {}).await });
    let (id, _, _) = cp.server_call().await;
    // The station sends its own CALL before answering the server's.
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    cp.reply(&id, json!({"status": "Rejected"})).await;
    assert_eq!(
        task.await.unwrap().unwrap().status,
        ClearCacheStatus::Rejected
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_station_that_leaves_fails_its_outstanding_call() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let ctx = ctx(&app);
    let task = tokio::spawn(async move { command::send(&ctx, "CP-CMD", &ClearCache {}).await });
    let _ = cp.server_call().await;
    drop(cp);
    assert_eq!(task.await.unwrap(), Err(CommandError::Disconnected));
    app.stop().await;
}

#[chargegate_test]
async fn an_authorization_key_never_reaches_the_journal() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-CMD").await;
    let key = ChangeConfiguration {
        key: ci("AuthorizationKey"),
        value: ci("0123456789abcdef0123"),
    };
    let (_, payload, answer) = exchange(&app, &mut cp, key, json!({"status": "Accepted"})).await;
    assert_eq!(
        payload["value"], "0123456789abcdef0123",
        "the station gets the real key"
    );
    assert_eq!(answer.unwrap().status, ConfigurationStatus::Accepted);
    let journaled = crate::support::eventually("the journaled command", || async {
        use entity::ocpp_message::{Column, Entity};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        Entity::find()
            .filter(Column::StationId.eq("CP-CMD"))
            .filter(Column::Action.eq("ChangeConfiguration"))
            .filter(Column::Direction.eq("out"))
            .one(app.db())
            .await
            .unwrap()
    })
    .await;
    assert!(
        !journaled.payload().contains("0123456789abcdef0123"),
        "{}",
        journaled.payload()
    );
    assert!(
        journaled.payload().contains(r#""value":"***""#),
        "{}",
        journaled.payload()
    );
    app.stop().await;
}
