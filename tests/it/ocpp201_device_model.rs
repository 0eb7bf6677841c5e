//! The OCPP 2.0.1 device model and the mutations only 2.0.1 has, over real sockets with the
//! schema-validating 2.0.1 charge point of `ocpp201.rs`: a report in several parts fills the
//! model and `Station.deviceModel` reads it (filters, pages, staff only) on SQLite and
//! PostgreSQL; the per-station bound holds and the station is still answered; every 2.0.1-only
//! mutation reaches the station as its command (payload checked against the schema) and its
//! answer comes back mapped; getVariables and setVariables update the stored model; the same
//! mutations to a 1.6 station answer `UNSUPPORTED_BY_STATION` with nothing sent.

use std::time::Duration;

use chargegate::auth::Role;
use chrono::Utc;
use entity::device_model_variable as dm;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::ocpp201::{Cp201, TOKEN, accept_token, event, token, transaction_of};
use crate::on_both_backends;
use crate::support::{Backend, TestApp, spawn, spawn_on};

/// One `reportData` item: a variable of a component with its attributes and, optionally,
/// characteristics.
fn item(
    component: Value,
    variable: Value,
    attributes: Value,
    characteristics: Option<Value>,
) -> Value {
    let mut item = json!({
        "component": component,
        "variable": variable,
        "variableAttribute": attributes,
    });
    if let Some(c) = characteristics {
        item["variableCharacteristics"] = c;
    }
    item
}

fn part(request_id: i64, seq_no: i32, tbc: bool, data: Vec<Value>) -> Value {
    json!({
        "requestId": request_id,
        "generatedAt": Utc::now().to_rfc3339(),
        "seqNo": seq_no,
        "tbc": tbc,
        "reportData": data,
    })
}

/// The stored value of one attribute, `None` when there is no such row.
async fn stored(
    app: &TestApp,
    station: &str,
    component: &str,
    variable: &str,
    attribute: &str,
) -> Option<Option<String>> {
    dm::Entity::find()
        .filter(dm::Column::StationId.eq(station))
        .filter(dm::Column::ComponentName.eq(component))
        .filter(dm::Column::VariableName.eq(variable))
        .filter(dm::Column::AttributeType.eq(attribute))
        .one(app.db())
        .await
        .unwrap()
        .map(|r| r.value)
}

async fn rows_of(app: &TestApp, station: &str) -> u64 {
    dm::Entity::find()
        .filter(dm::Column::StationId.eq(station))
        .count(app.db())
        .await
        .unwrap()
}

const DEVICE_MODEL: &str = r#"query($id: ID!, $c: String, $v: String, $first: Int, $after: String) {
  station(id: $id) {
    deviceModel(component: $c, variable: $v, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { component componentInstance evseId connectorId variable variableInstance
        attributeType value mutability persistent constant dataType unit minLimit maxLimit
        valuesList supportsMonitoring }
    }
  }
}"#;

async fn a_report_in_parts_fills_the_device_model(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-DM").await;

    // The operator asks for the full inventory; the station accepts and then reports.
    let request = app.gql_spawned(
        &admin,
        r#"mutation { getBaseReport(stationId: "CP201-DM", reportBase: FULL_INVENTORY) { status requestId statusInfo { reasonCode } } }"#,
        json!({}),
    );
    let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
    assert_eq!(action, "GetBaseReport");
    assert_eq!(payload["reportBase"], "FullInventory");
    let request_id = payload["requestId"].as_i64().expect("a request id");
    let response = request.await.unwrap();
    assert_eq!(
        response["data"]["getBaseReport"],
        json!({"status": "ACCEPTED", "requestId": request_id, "statusInfo": null}),
        "{response}"
    );

    let heartbeat = |value: &str| {
        item(
            json!({"name": "OCPPCommCtrlr"}),
            json!({"name": "HeartbeatInterval"}),
            json!([{"type": "Actual", "value": value, "mutability": "ReadWrite", "persistent": true, "constant": false}]),
            Some(
                json!({"unit": "s", "dataType": "integer", "minLimit": 1, "maxLimit": 86400, "supportsMonitoring": true}),
            ),
        )
    };
    let first = part(
        request_id,
        0,
        true,
        vec![
            heartbeat("300"),
            item(
                json!({"name": "OCPPCommCtrlr"}),
                json!({"name": "MessageTimeout", "instance": "Default"}),
                json!([{"value": "30"}]),
                None,
            ),
            item(
                json!({"name": "EVSE", "evse": {"id": 1}}),
                json!({"name": "AvailabilityState"}),
                json!([{"value": "Available", "mutability": "ReadOnly"}]),
                Some(
                    json!({"dataType": "OptionList", "valuesList": "Available,Occupied,Reserved,Unavailable,Faulted", "supportsMonitoring": false}),
                ),
            ),
        ],
    );
    let answer = cp.call("NotifyReport", first).await;
    assert_eq!(answer, json!({}));
    let second = part(
        request_id,
        1,
        false,
        vec![
            // Reported again, later: replaces the row.
            heartbeat("600"),
            item(
                json!({"name": "EVSE", "evse": {"id": 1}}),
                json!({"name": "Power"}),
                json!([{"type": "Actual", "value": "0", "mutability": "ReadOnly"},
                       {"type": "MaxSet", "value": "22000", "mutability": "ReadOnly"}]),
                Some(json!({"unit": "W", "dataType": "decimal", "supportsMonitoring": true})),
            ),
            item(
                json!({"name": "Connector", "evse": {"id": 1, "connectorId": 1}}),
                json!({"name": "ConnectorType"}),
                json!([{"value": "cType2", "mutability": "ReadOnly", "constant": true}]),
                None,
            ),
            item(
                json!({"name": "SecurityCtrlr"}),
                json!({"name": "BasicAuthPassword"}),
                json!([{"mutability": "WriteOnly"}]),
                Some(json!({"dataType": "string", "maxLimit": 40, "supportsMonitoring": false})),
            ),
        ],
    );
    cp.call("NotifyReport", second).await;
    assert_eq!(rows_of(&app, "CP201-DM").await, 7, "one row per attribute");

    let all = app
        .ok(&admin, DEVICE_MODEL, json!({"id": "CP201-DM", "first": 10}))
        .await;
    let model = &all["station"]["deviceModel"];
    assert_eq!(model["totalCount"], 7);
    assert_eq!(model["pageInfo"]["hasNextPage"], false);
    let nodes = model["nodes"].as_array().unwrap();
    // Ordered by component, instance, EVSE, connector, variable, instance, attribute.
    let order: Vec<(&str, &str, &str)> = nodes
        .iter()
        .map(|n| {
            (
                n["component"].as_str().unwrap(),
                n["variable"].as_str().unwrap(),
                n["attributeType"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("Connector", "ConnectorType", "ACTUAL"),
            ("EVSE", "AvailabilityState", "ACTUAL"),
            ("EVSE", "Power", "ACTUAL"),
            ("EVSE", "Power", "MAX_SET"),
            ("OCPPCommCtrlr", "HeartbeatInterval", "ACTUAL"),
            ("OCPPCommCtrlr", "MessageTimeout", "ACTUAL"),
            ("SecurityCtrlr", "BasicAuthPassword", "ACTUAL"),
        ]
    );
    assert_eq!(
        nodes[4],
        json!({
            "component": "OCPPCommCtrlr", "componentInstance": null, "evseId": null,
            "connectorId": null, "variable": "HeartbeatInterval", "variableInstance": null,
            "attributeType": "ACTUAL", "value": "600", "mutability": "READ_WRITE",
            "persistent": true, "constant": false, "dataType": "INTEGER", "unit": "s",
            "minLimit": 1.0, "maxLimit": 86400.0, "valuesList": null, "supportsMonitoring": true
        }),
        "the later report replaced the row"
    );
    assert_eq!(nodes[0]["evseId"], 1);
    assert_eq!(nodes[0]["connectorId"], 1);
    assert_eq!(nodes[0]["constant"], true);
    assert_eq!(
        nodes[0]["dataType"],
        Value::Null,
        "no characteristics reported"
    );
    assert_eq!(nodes[1]["dataType"], "OPTION_LIST");
    assert_eq!(
        nodes[1]["valuesList"],
        "Available,Occupied,Reserved,Unavailable,Faulted"
    );
    assert_eq!(nodes[3]["value"], "22000");
    assert_eq!(nodes[5]["variableInstance"], "Default");
    assert_eq!(nodes[5]["mutability"], Value::Null, "not reported");
    assert_eq!(
        nodes[6]["value"],
        Value::Null,
        "a write-only variable has no value"
    );

    // Filters, case-insensitive.
    let evse = app
        .ok(&admin, DEVICE_MODEL, json!({"id": "CP201-DM", "c": "evse"}))
        .await;
    assert_eq!(evse["station"]["deviceModel"]["totalCount"], 3);
    let power = app
        .ok(
            &admin,
            DEVICE_MODEL,
            json!({"id": "CP201-DM", "c": "EVSE", "v": "power"}),
        )
        .await;
    let power = &power["station"]["deviceModel"];
    assert_eq!(power["totalCount"], 2);
    assert_eq!(power["nodes"][0]["unit"], "W");
    let none = app
        .ok(
            &admin,
            DEVICE_MODEL,
            json!({"id": "CP201-DM", "v": "Nothing"}),
        )
        .await;
    assert_eq!(none["station"]["deviceModel"]["totalCount"], 0);

    // Pages: 3 + 3 + 1, each after the last one's cursor, nothing twice.
    let mut seen = Vec::new();
    let mut after = Value::Null;
    for (expected, more) in [(3, true), (3, true), (1, false)] {
        let page = app
            .ok(
                &admin,
                DEVICE_MODEL,
                json!({"id": "CP201-DM", "first": 3, "after": after}),
            )
            .await;
        let model = &page["station"]["deviceModel"];
        let nodes = model["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), expected, "{page}");
        assert_eq!(model["pageInfo"]["hasNextPage"], more, "{page}");
        seen.extend(nodes.iter().map(|n| {
            format!(
                "{}/{}/{}",
                n["component"], n["variable"], n["attributeType"]
            )
        }));
        after = model["pageInfo"]["endCursor"].clone();
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 7, "{seen:?}");

    // Staff only: a driver is refused; a viewer reads it.
    let driver = app.token(Role::Driver, "driver-1", None);
    let (code, _) = app
        .err(Some(&driver), DEVICE_MODEL, json!({"id": "CP201-DM"}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    let viewer = app.token(Role::Viewer, "viewer-1", None);
    let seen_by_viewer = app
        .ok(&viewer, DEVICE_MODEL, json!({"id": "CP201-DM", "first": 1}))
        .await;
    assert_eq!(seen_by_viewer["station"]["deviceModel"]["totalCount"], 7);
    // A token for other stations is refused.
    let elsewhere = app.token(Role::Operator, "op-1", Some(&["CP-OTHER"]));
    let (code, _) = app
        .err(Some(&elsewhere), DEVICE_MODEL, json!({"id": "CP201-DM"}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    app.stop().await;
}
on_both_backends!(a_report_in_parts_fills_the_device_model);

#[chargegate_test]
async fn the_bound_keeps_a_station_within_its_rows_and_it_is_still_answered() {
    let app = spawn(|s| s.limits.max_device_model_variables = 3).await;
    let mut cp = Cp201::booted(&app, "CP201-BOUND").await;
    let variable = |name: &str, value: &str| {
        item(
            json!({"name": "Ctrlr"}),
            json!({"name": name}),
            json!([{"value": value}]),
            None,
        )
    };
    let answer = cp
        .call(
            "NotifyReport",
            part(
                7,
                0,
                true,
                (1..=5).map(|i| variable(&format!("V{i}"), "a")).collect(),
            ),
        )
        .await;
    assert_eq!(answer, json!({}), "answered beyond the bound");
    assert_eq!(rows_of(&app, "CP201-BOUND").await, 3);
    assert_eq!(
        stored(&app, "CP201-BOUND", "Ctrlr", "V3", "Actual").await,
        Some(Some("a".into()))
    );
    assert_eq!(
        stored(&app, "CP201-BOUND", "Ctrlr", "V4", "Actual").await,
        None
    );
    // At the bound: stored variables are still updated, new ones still not stored.
    let answer = cp
        .call(
            "NotifyReport",
            part(7, 1, false, vec![variable("V1", "b"), variable("V9", "b")]),
        )
        .await;
    assert_eq!(answer, json!({}));
    assert_eq!(rows_of(&app, "CP201-BOUND").await, 3);
    assert_eq!(
        stored(&app, "CP201-BOUND", "Ctrlr", "V1", "Actual").await,
        Some(Some("b".into()))
    );
    assert_eq!(
        stored(&app, "CP201-BOUND", "Ctrlr", "V9", "Actual").await,
        None
    );
    // Another station has its own bound.
    let mut other = Cp201::booted(&app, "CP201-BOUND2").await;
    other
        .call("NotifyReport", part(1, 0, false, vec![variable("V1", "c")]))
        .await;
    assert_eq!(rows_of(&app, "CP201-BOUND2").await, 1);
    // The connection is fine.
    cp.call("Heartbeat", json!({})).await;
    app.stop().await;
}

/// The 2.0.1-only mutations, each with: the station's answer, the action it receives, what its
/// payload must contain, and the mutation's expected data.
fn cases(station: &str, transaction_id: i32) -> Vec<(String, Value, &'static str, Value, Value)> {
    vec![
        (
            format!(
                r#"mutation {{ getVariables(stationId: "{station}", variables: [
                    {{component: "OCPPCommCtrlr", variable: "HeartbeatInterval"}},
                    {{component: "EVSE", evseId: 1, variable: "Power", attributeType: MAX_SET}},
                    {{component: "Nope", variable: "Nothing"}}]) {{
                  results {{ component evseId connectorId variable attributeType status value statusInfo {{ reasonCode additionalInfo }} }} }} }}"#
            ),
            json!({"getVariableResult": [
                {"attributeStatus": "Accepted", "component": {"name": "OCPPCommCtrlr"},
                 "variable": {"name": "HeartbeatInterval"}, "attributeValue": "900"},
                {"attributeStatus": "Accepted", "attributeType": "MaxSet", "component": {"name": "EVSE", "evse": {"id": 1}},
                 "variable": {"name": "Power"}, "attributeValue": "11000"},
                {"attributeStatus": "UnknownComponent", "component": {"name": "Nope"},
                 "variable": {"name": "Nothing"}, "attributeStatusInfo": {"reasonCode": "NotFound", "additionalInfo": "no such component"}}
            ]}),
            "GetVariables",
            json!({"getVariableData": [
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}},
                {"component": {"name": "EVSE", "evse": {"id": 1}}, "variable": {"name": "Power"}, "attributeType": "MaxSet"},
                {"component": {"name": "Nope"}, "variable": {"name": "Nothing"}}
            ]}),
            json!({"getVariables": {"results": [
                {"component": "OCPPCommCtrlr", "evseId": null, "connectorId": null, "variable": "HeartbeatInterval",
                 "attributeType": "ACTUAL", "status": "ACCEPTED", "value": "900", "statusInfo": null},
                {"component": "EVSE", "evseId": 1, "connectorId": null, "variable": "Power",
                 "attributeType": "MAX_SET", "status": "ACCEPTED", "value": "11000", "statusInfo": null},
                {"component": "Nope", "evseId": null, "connectorId": null, "variable": "Nothing",
                 "attributeType": "ACTUAL", "status": "UNKNOWN_COMPONENT", "value": null,
                 "statusInfo": {"reasonCode": "NotFound", "additionalInfo": "no such component"}}
            ]}}),
        ),
        (
            format!(
                r#"mutation {{ setVariables(stationId: "{station}", variables: [
                    {{component: "OCPPCommCtrlr", variable: "HeartbeatInterval", value: "120"}},
                    {{component: "AuthCtrlr", variable: "Enabled", value: "false"}},
                    {{component: "Connector", evseId: 1, connectorId: 2, variable: "Enabled", attributeType: TARGET, value: "true"}}]) {{
                  results {{ component evseId connectorId variable attributeType status statusInfo {{ reasonCode }} }} }} }}"#
            ),
            json!({"setVariableResult": [
                {"attributeStatus": "Accepted", "component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}},
                {"attributeStatus": "Rejected", "component": {"name": "AuthCtrlr"}, "variable": {"name": "Enabled"},
                 "attributeStatusInfo": {"reasonCode": "ReadOnly"}},
                {"attributeStatus": "RebootRequired", "attributeType": "Target",
                 "component": {"name": "Connector", "evse": {"id": 1, "connectorId": 2}}, "variable": {"name": "Enabled"}}
            ]}),
            "SetVariables",
            json!({"setVariableData": [
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}, "attributeValue": "120"},
                {"component": {"name": "AuthCtrlr"}, "variable": {"name": "Enabled"}, "attributeValue": "false"},
                {"component": {"name": "Connector", "evse": {"id": 1, "connectorId": 2}}, "variable": {"name": "Enabled"},
                 "attributeType": "Target", "attributeValue": "true"}
            ]}),
            json!({"setVariables": {"results": [
                {"component": "OCPPCommCtrlr", "evseId": null, "connectorId": null, "variable": "HeartbeatInterval",
                 "attributeType": "ACTUAL", "status": "ACCEPTED", "statusInfo": null},
                {"component": "AuthCtrlr", "evseId": null, "connectorId": null, "variable": "Enabled",
                 "attributeType": "ACTUAL", "status": "REJECTED", "statusInfo": {"reasonCode": "ReadOnly"}},
                {"component": "Connector", "evseId": 1, "connectorId": 2, "variable": "Enabled",
                 "attributeType": "TARGET", "status": "REBOOT_REQUIRED", "statusInfo": null}
            ]}}),
        ),
        (
            format!(
                r#"mutation {{ getReport(stationId: "{station}", componentCriteria: [PROBLEM, AVAILABLE],
                    componentVariables: [{{component: "EVSE", evseId: 2}}, {{component: "OCPPCommCtrlr", variable: "MessageTimeout", variableInstance: "Default"}}]) {{
                  status requestId statusInfo {{ reasonCode }} }} }}"#
            ),
            json!({"status": "EmptyResultSet", "statusInfo": {"reasonCode": "NoMatch"}}),
            "GetReport",
            json!({"componentCriteria": ["Problem", "Available"], "componentVariable": [
                {"component": {"name": "EVSE", "evse": {"id": 2}}},
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "MessageTimeout", "instance": "Default"}}
            ]}),
            json!({"getReport": {"status": "EMPTY_RESULT_SET", "statusInfo": {"reasonCode": "NoMatch"}}}),
        ),
        (
            format!(
                r#"mutation {{ getBaseReport(stationId: "{station}", reportBase: SUMMARY_INVENTORY) {{ status requestId }} }}"#
            ),
            json!({"status": "NotSupported"}),
            "GetBaseReport",
            json!({"reportBase": "SummaryInventory"}),
            json!({"getBaseReport": {"status": "NOT_SUPPORTED"}}),
        ),
        (
            format!(
                r#"mutation {{ getTransactionStatus(stationId: "{station}", transactionId: {transaction_id}) {{ ongoingIndicator messagesInQueue }} }}"#
            ),
            json!({"ongoingIndicator": true, "messagesInQueue": false}),
            "GetTransactionStatus",
            json!({"transactionId": "dm-tx-1"}),
            json!({"getTransactionStatus": {"ongoingIndicator": true, "messagesInQueue": false}}),
        ),
        (
            format!(
                r#"mutation {{ getTransactionStatus(stationId: "{station}") {{ ongoingIndicator messagesInQueue }} }}"#
            ),
            json!({"messagesInQueue": true}),
            "GetTransactionStatus",
            json!({}),
            json!({"getTransactionStatus": {"ongoingIndicator": null, "messagesInQueue": true}}),
        ),
        (
            format!(
                r#"mutation {{ setNetworkProfile(stationId: "{station}", configurationSlot: 2, connectionData: {{
                    ocppVersion: OCPP_20, ocppCsmsUrl: "wss://csms.example/ocpp", messageTimeout: 30,
                    securityProfile: 3, ocppInterface: WIRELESS_0,
                    apn: {{apn: "internet.example", apnUserName: "user", apnPassword: "secret", apnAuthentication: CHAP}},
                    vpn: {{server: "vpn.example", user: "u", password: "p", key: "k", type: IKEV2}}}}) {{
                  status statusInfo {{ reasonCode }} }} }}"#
            ),
            json!({"status": "Failed", "statusInfo": {"reasonCode": "SlotInUse"}}),
            "SetNetworkProfile",
            json!({"configurationSlot": 2, "connectionData": {
                "ocppVersion": "OCPP20", "ocppTransport": "JSON", "ocppCsmsUrl": "wss://csms.example/ocpp",
                "messageTimeout": 30, "securityProfile": 3, "ocppInterface": "Wireless0",
                "apn": {"apn": "internet.example", "apnUserName": "user", "apnPassword": "secret", "apnAuthentication": "CHAP"},
                "vpn": {"server": "vpn.example", "user": "u", "password": "p", "key": "k", "type": "IKEv2"}
            }}),
            json!({"setNetworkProfile": {"status": "FAILED", "statusInfo": {"reasonCode": "SlotInUse"}}}),
        ),
        (
            format!(
                r#"mutation {{ getChargingProfiles(stationId: "{station}", requestId: 77, evseId: 1, criteria: {{
                    chargingProfilePurpose: TX_DEFAULT_PROFILE, stackLevel: 2, chargingProfileIds: [5, 6],
                    chargingLimitSources: [CSO, EMS, CSO]}}) {{ status requestId }} }}"#
            ),
            json!({"status": "NoProfiles"}),
            "GetChargingProfiles",
            json!({"requestId": 77, "evseId": 1, "chargingProfile": {
                "chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 2,
                "chargingProfileId": [5, 6], "chargingLimitSource": ["CSO", "EMS"]}}),
            json!({"getChargingProfiles": {"status": "NO_PROFILES", "requestId": 77}}),
        ),
        (
            format!(
                r#"mutation {{ setVariableMonitoring(stationId: "{station}", monitors: [
                    {{component: "EVSE", evseId: 1, variable: "Power", type: UPPER_THRESHOLD, value: 22000, severity: 4}},
                    {{id: 3, transaction: true, component: "OCPPCommCtrlr", variable: "HeartbeatInterval", type: DELTA, value: 1.5, severity: 8}}]) {{
                  results {{ id status type severity component evseId variable statusInfo {{ reasonCode }} }} }} }}"#
            ),
            json!({"setMonitoringResult": [
                {"id": 11, "status": "Accepted", "type": "UpperThreshold", "severity": 4,
                 "component": {"name": "EVSE", "evse": {"id": 1}}, "variable": {"name": "Power"}},
                {"status": "UnsupportedMonitorType", "type": "Delta", "severity": 8,
                 "component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"},
                 "statusInfo": {"reasonCode": "NoDelta"}}
            ]}),
            "SetVariableMonitoring",
            json!({"setMonitoringData": [
                {"value": 22000.0, "type": "UpperThreshold", "severity": 4,
                 "component": {"name": "EVSE", "evse": {"id": 1}}, "variable": {"name": "Power"}},
                {"id": 3, "transaction": true, "value": 1.5, "type": "Delta", "severity": 8,
                 "component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}
            ]}),
            json!({"setVariableMonitoring": {"results": [
                {"id": 11, "status": "ACCEPTED", "type": "UPPER_THRESHOLD", "severity": 4,
                 "component": "EVSE", "evseId": 1, "variable": "Power", "statusInfo": null},
                {"id": null, "status": "UNSUPPORTED_MONITOR_TYPE", "type": "DELTA", "severity": 8,
                 "component": "OCPPCommCtrlr", "evseId": null, "variable": "HeartbeatInterval",
                 "statusInfo": {"reasonCode": "NoDelta"}}
            ]}}),
        ),
        (
            format!(
                r#"mutation {{ customerInformation(stationId: "{station}", report: true, clear: false,
                    customerIdentifier: "customer-42", idToken: {{idToken: "{TOKEN}", type: ISO_14443}}) {{ status requestId }} }}"#
            ),
            json!({"status": "Invalid"}),
            "CustomerInformation",
            json!({"report": true, "clear": false, "customerIdentifier": "customer-42",
                   "idToken": {"idToken": TOKEN, "type": "ISO14443"}}),
            json!({"customerInformation": {"status": "INVALID"}}),
        ),
        (
            format!(
                r#"mutation {{ customerInformation(stationId: "{station}", report: false, clear: true,
                    customerCertificate: {{hashAlgorithm: SHA256, issuerNameHash: "a1b2", issuerKeyHash: "c3d4",
                    serialNumber: "0f1e"}}) {{ status requestId }} }}"#
            ),
            json!({"status": "Accepted"}),
            "CustomerInformation",
            json!({"report": false, "clear": true,
                   "customerCertificate": {"hashAlgorithm": "SHA256", "issuerNameHash": "a1b2",
                                           "issuerKeyHash": "c3d4", "serialNumber": "0f1e"}}),
            json!({"customerInformation": {"status": "ACCEPTED"}}),
        ),
    ]
}

async fn every_2_0_1_only_mutation_round_trips(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-ONLY").await;
    let at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Started",
            0,
            "dm-tx-1",
            &at,
            json!({"evse": {"id": 1}, "idToken": token()}),
        ),
    )
    .await;
    let tx = transaction_of(&app, "CP201-ONLY", "dm-tx-1").await;
    let mut request_ids = Vec::new();
    for (query, answer, action, contains, result) in cases("CP201-ONLY", tx.id) {
        let request = app.gql_spawned(&admin, &query, json!({}));
        let (got, payload) = cp.answer_server(answer).await;
        assert_eq!(got, action, "{query}");
        for (k, v) in contains.as_object().unwrap() {
            assert_eq!(&payload[k], v, "{action}: {payload}");
        }
        if action == "GetTransactionStatus" && contains.get("transactionId").is_none() {
            assert!(payload.get("transactionId").is_none(), "{payload}");
        }
        let response = request.await.unwrap();
        let data = &response["data"];
        assert!(response.get("errors").is_none(), "{query}: {response}");
        // The expected fields (a generated requestId aside, checked against the payload).
        let (field, expected) = result.as_object().unwrap().iter().next().unwrap();
        for (k, v) in expected.as_object().unwrap() {
            assert_eq!(&data[field][k], v, "{field}.{k}: {response}");
        }
        if let Some(id) = data[field].get("requestId") {
            assert_eq!(id, &payload["requestId"], "{field}: the request id sent");
            request_ids.push(id.as_i64().unwrap());
        }
    }
    request_ids.sort_unstable();
    let before = request_ids.len();
    request_ids.dedup();
    assert_eq!(request_ids.len(), before, "request ids are not reused");

    // getVariables stored the accepted values, not the unknown one; setVariables stored the
    // accepted value and left the rejected and reboot-required ones unstored.
    let station = "CP201-ONLY";
    assert_eq!(
        stored(
            &app,
            station,
            "OCPPCommCtrlr",
            "HeartbeatInterval",
            "Actual"
        )
        .await,
        Some(Some("120".into())),
        "900 from getVariables, then 120 from setVariables"
    );
    assert_eq!(
        stored(&app, station, "EVSE", "Power", "MaxSet").await,
        Some(Some("11000".into()))
    );
    assert_eq!(
        stored(&app, station, "Nope", "Nothing", "Actual").await,
        None
    );
    assert_eq!(
        stored(&app, station, "AuthCtrlr", "Enabled", "Actual").await,
        None
    );
    assert_eq!(
        stored(&app, station, "Connector", "Enabled", "Target").await,
        None
    );
    let power = dm::Entity::find()
        .filter(dm::Column::StationId.eq(station))
        .filter(dm::Column::VariableName.eq("Power"))
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((power.evse_id, power.connector_id), (1, 0));
    let data = app
        .ok(
            &admin,
            DEVICE_MODEL,
            json!({"id": station, "v": "HeartbeatInterval"}),
        )
        .await;
    assert_eq!(
        data["station"]["deviceModel"]["nodes"][0]["value"], "120",
        "read through the API"
    );

    // Arguments out of bounds are refused before anything is sent.
    for (query, field) in [
        (
            r#"mutation { getVariables(stationId: "CP201-ONLY", variables: []) { results { status } } }"#,
            "variables",
        ),
        (
            r#"mutation { getVariables(stationId: "CP201-ONLY", variables: [{component: "Connector", connectorId: 1, variable: "X"}]) { results { status } } }"#,
            "connectorId",
        ),
        (
            r#"mutation { setNetworkProfile(stationId: "CP201-ONLY", configurationSlot: 1, connectionData: {ocppVersion: OCPP_20, ocppCsmsUrl: "https://x", messageTimeout: 30, securityProfile: 1, ocppInterface: WIRED_0}) { status } }"#,
            "ocppCsmsUrl",
        ),
        (
            r#"mutation { customerInformation(stationId: "CP201-ONLY", report: true, clear: true) { status } }"#,
            "customerIdentifier",
        ),
        (
            r#"mutation { customerInformation(stationId: "CP201-ONLY", report: true, clear: false, customerCertificate: {hashAlgorithm: SHA256, issuerNameHash: "not hex!", issuerKeyHash: "c3d4", serialNumber: "1"}) { status } }"#,
            "issuerNameHash",
        ),
        (
            r#"mutation { setVariableMonitoring(stationId: "CP201-ONLY", monitors: [{component: "A", variable: "B", type: DELTA, value: 1, severity: 10}]) { results { status } } }"#,
            "severity",
        ),
    ] {
        let (code, message) = app.err(Some(&admin), query, json!({})).await;
        assert_eq!(code, "BAD_USER_INPUT", "{query}: {message}");
        assert!(message.contains(field), "{message}");
    }
    // A viewer may not command.
    let viewer = app.token(Role::Viewer, "viewer-1", None);
    let (code, _) = app
        .err(
            Some(&viewer),
            r#"mutation { getBaseReport(stationId: "CP201-ONLY", reportBase: FULL_INVENTORY) { status } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    assert!(
        cp.station.silent_for(Duration::from_millis(300)).await,
        "nothing was sent for refused arguments"
    );
    app.stop().await;
}
on_both_backends!(every_2_0_1_only_mutation_round_trips);

#[chargegate_test]
async fn the_2_0_1_only_mutations_are_refused_for_a_1_6_station() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut old = app.booted_station("CP16-DM").await;
    // A 1.6 transaction, to name in getTransactionStatus.
    let start = old
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "TAG16", "meterStart": 0,
                   "timestamp": Utc::now().to_rfc3339()}),
        )
        .await;
    let id = start["transactionId"].as_i64().unwrap() as i32;
    let all = cases("CP16-DM", id);
    assert_eq!(all.len(), 11);
    for (query, ..) in all {
        let (code, message) = app.err(Some(&admin), &query, json!({})).await;
        assert_eq!(code, "UNSUPPORTED_BY_STATION", "{query}: {message}");
        assert!(message.contains("1.6"), "{message}");
    }
    assert!(
        old.silent_for(Duration::from_millis(300)).await,
        "nothing was sent to the 1.6 station"
    );
    assert_eq!(rows_of(&app, "CP16-DM").await, 0);
    app.stop().await;
}
