//! Every remote-command mutation end to end: GraphQL → the station's WebSocket → its answer →
//! the typed GraphQL result; and every error code a command can end in.

use std::time::Duration;

use serde_json::{Value, json};

use crate::gql::through_station;
use crate::on_both_backends;
use crate::support::{Backend, spawn, spawn_on};

async fn every_command_mutation_round_trips_through_the_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-GQL").await;
    let cases: Vec<(&str, Value, Value, &str, Value, Value)> = vec![
        (
            "mutation($s: ID!) { remoteStartTransaction(stationId: $s, idTag: \"12345\", connectorId: 1) { status } }",
            json!({}),
            json!({"status": "Accepted"}),
            "RemoteStartTransaction",
            json!({"connectorId": 1, "idTag": "12345"}),
            json!({"remoteStartTransaction": {"status": "ACCEPTED"}}),
        ),
        (
            "mutation($s: ID!) { remoteStopTransaction(stationId: $s, transactionId: 7) { status } }",
            json!({}),
            json!({"status": "Rejected"}),
            "RemoteStopTransaction",
            json!({"transactionId": 7}),
            json!({"remoteStopTransaction": {"status": "REJECTED"}}),
        ),
        (
            "mutation($s: ID!) { reset(stationId: $s, type: SOFT) { status } }",
            json!({}),
            json!({"status": "Accepted"}),
            "Reset",
            json!({"type": "Soft"}),
            json!({"reset": {"status": "ACCEPTED"}}),
        ),
        (
            "mutation($s: ID!) { unlockConnector(stationId: $s, connectorId: 1) { status } }",
            json!({}),
            json!({"status": "UnlockFailed"}),
            "UnlockConnector",
            json!({"connectorId": 1}),
            json!({"unlockConnector": {"status": "UNLOCK_FAILED"}}),
        ),
        (
            "mutation($s: ID!) { changeAvailability(stationId: $s, connectorId: 0, type: INOPERATIVE) { status } }",
            json!({}),
            json!({"status": "Scheduled"}),
            "ChangeAvailability",
            json!({"connectorId": 0, "type": "Inoperative"}),
            json!({"changeAvailability": {"status": "SCHEDULED"}}),
        ),
        (
            "mutation($s: ID!) { changeConfiguration(stationId: $s, key: \"HeartbeatInterval\", value: \"300\") { status } }",
            json!({}),
            json!({"status": "RebootRequired"}),
            "ChangeConfiguration",
            json!({"key": "HeartbeatInterval", "value": "300"}),
            json!({"changeConfiguration": {"status": "REBOOT_REQUIRED"}}),
        ),
        (
            "mutation($s: ID!) { getConfiguration(stationId: $s, keys: [\"HeartbeatInterval\", \"Key2\"]) { configurationKey { key readonly value } unknownKey } }",
            json!({}),
            json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Key2"]}),
            "GetConfiguration",
            json!({"key": ["HeartbeatInterval", "Key2"]}),
            json!({"getConfiguration": {"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Key2"]}}),
        ),
        (
            "mutation($s: ID!) { clearCache(stationId: $s) { status } }",
            json!({}),
            json!({"status": "Accepted"}),
            "ClearCache",
            json!({}),
            json!({"clearCache": {"status": "ACCEPTED"}}),
        ),
        (
            "mutation($s: ID!) { dataTransfer(stationId: $s, vendorId: \"VendorA\", messageId: \"customMsg\", data: \"Some data\") { status data } }",
            json!({}),
            json!({"status": "Accepted", "data": "ok"}),
            "DataTransfer",
            json!({"vendorId": "VendorA", "messageId": "customMsg", "data": "Some data"}),
            json!({"dataTransfer": {"status": "ACCEPTED", "data": "ok"}}),
        ),
    ];
    for (query, _, answer, action, expected_call, expected_data) in cases {
        let (seen_action, seen_payload, response) =
            through_station(&app, &mut cp, query, json!({"s": "CP-GQL"}), answer).await;
        assert_eq!(seen_action, action);
        assert_eq!(seen_payload, expected_call, "{action}");
        assert!(response.get("errors").is_none(), "{action}: {response}");
        assert_eq!(response["data"], expected_data, "{action}");
    }
    // getConfiguration without keys reads everything.
    let (_, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { getConfiguration(stationId: \"CP-GQL\") { configurationKey { key } unknownKey } }",
        json!({}),
        json!({}),
    )
    .await;
    assert_eq!(payload, json!({}));
    assert_eq!(
        response["data"]["getConfiguration"],
        json!({"configurationKey": [], "unknownKey": []})
    );
    app.stop().await;
}
on_both_backends!(every_command_mutation_round_trips_through_the_station);

#[chargegate_test]
async fn command_failures_have_their_codes() {
    let app = spawn(|s| {
        s.command_timeout = chargegate::config::HumanDuration(Duration::from_millis(300))
    })
    .await;
    let admin = app.admin();
    let reset = "mutation($s: ID!) { reset(stationId: $s, type: HARD) { status } }";

    // NOT_FOUND: no such station at all.
    let (code, _) = app.err(Some(&admin), reset, json!({"s": "NOBODY"})).await;
    assert_eq!(code, "NOT_FOUND");

    // STATION_OFFLINE: a known station that is not connected.
    let cp = app.booted_station("CP-GONE").await;
    drop(cp);
    crate::support::eventually("the station to go offline", || async {
        chargegate::link::of(app.ctx())
            .registry
            .get("CP-GONE")
            .is_none()
            .then_some(())
    })
    .await;
    let (code, message) = app.err(Some(&admin), reset, json!({"s": "CP-GONE"})).await;
    assert_eq!(code, "STATION_OFFLINE");
    assert!(message.contains("CP-GONE"), "{message}");

    // STATION_TIMEOUT: the station never answers.
    let mut cp = app.booted_station("CP-SLOW").await;
    let (code, _) = app.err(Some(&admin), reset, json!({"s": "CP-SLOW"})).await;
    assert_eq!(code, "STATION_TIMEOUT");
    let _ = cp.server_call().await;

    // STATION_ERROR, with the station's CallError.
    let request = app.gql_spawned(&admin, reset, json!({"s": "CP-SLOW"}));
    let (id, _, _) = cp.server_call().await;
    cp.reply_error(&id, "NotSupported", "no reset here").await;
    let response = request.await.unwrap();
    let error = &response["errors"][0];
    assert_eq!(error["extensions"]["code"], "STATION_ERROR", "{response}");
    assert_eq!(error["extensions"]["ocppErrorCode"], "NotSupported");
    assert_eq!(error["extensions"]["ocppErrorDescription"], "no reset here");

    // BAD_USER_INPUT, checked before anything is sent.
    for (query, what) in [
        (
            "mutation { remoteStartTransaction(stationId: \"CP-SLOW\", idTag: \"123456789012345678901\") { status } }",
            "idTag",
        ),
        (
            "mutation { unlockConnector(stationId: \"CP-SLOW\", connectorId: 0) { status } }",
            "connectorId",
        ),
        (
            "mutation { changeAvailability(stationId: \"CP-SLOW\", connectorId: -1, type: OPERATIVE) { status } }",
            "connectorId",
        ),
        (
            "mutation { reset(stationId: \"CP-SLOW\", type: WARM) { status } }",
            "WARM",
        ),
    ] {
        let (code, message) = app.err(Some(&admin), query, json!({})).await;
        assert_eq!(code, "BAD_USER_INPUT", "{query}");
        assert!(message.contains(what), "{query}: {message}");
    }
    let long_value = "v".repeat(501);
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation($v: String!) { changeConfiguration(stationId: \"CP-SLOW\", key: \"K\", value: $v) { status } }",
            json!({"v": long_value}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(
        cp.silent_for(Duration::from_millis(200)).await,
        "nothing reached the station"
    );
    app.stop().await;
}
