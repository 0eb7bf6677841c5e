//! OCPP 2.0.1 beside 1.6, over real sockets: an independent 2.0.1 charge point (not the
//! simulator) that validates every frame it sends and every frame it receives against the
//! official JSON schemas (`ocpp/tests/schemas/v201`), on SQLite and PostgreSQL: boot, status per
//! EVSE, authorize, a transaction Started → Updated → Ended with meter values, a retried event,
//! offline events arriving late and in order, the RPC framework's CallErrors as 2.0.1 spells
//! them, commands only 1.6 has refused at once, and a 1.6 and a 2.0.1 station in one API.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;

use chrono::Utc;
use entity::{evse_connector, transaction};
use jsonschema::Validator;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, error_of, eventually, spawn, spawn_on};

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ocpp/tests/schemas/v201");

/// The official schemas, compiled once: `AuthorizeRequest`, `AuthorizeResponse`, ….
fn schemas() -> &'static HashMap<String, Validator> {
    static SCHEMAS_BY_NAME: OnceLock<HashMap<String, Validator>> = OnceLock::new();
    SCHEMAS_BY_NAME.get_or_init(|| {
        let mut all = HashMap::new();
        for entry in std::fs::read_dir(SCHEMAS).expect("the 2.0.1 schemas") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let json: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .should_ignore_unknown_formats(false)
                .build(&json)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            all.insert(name, validator);
        }
        assert_eq!(all.len(), 128, "64 actions, both ways");
        all
    })
}

/// Fails the test unless `payload` is valid against schema `name`.
pub(crate) fn valid(name: &str, payload: &Value) {
    let validator = schemas()
        .get(name)
        .unwrap_or_else(|| panic!("no schema {name}"));
    let errors: Vec<String> = validator
        .iter_errors(payload)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name} invalid: {errors:?}\n{payload}");
}

/// A 2.0.1 charging station: every CALL it sends and every CALLRESULT it gets, every CALL the
/// server sends and every answer it gives, is checked against its schema.
pub(crate) struct Cp201 {
    pub(crate) station: Station,
}

impl Cp201 {
    pub(crate) async fn connect(app: &TestApp, id: &str) -> Self {
        let (station, response) =
            Station::connect(&app.ws_url(&format!("/ocpp/{id}")), Some("ocpp2.0.1"))
                .await
                .unwrap();
        assert_eq!(
            response
                .headers()
                .get("sec-websocket-protocol")
                .map(|v| v.to_str().unwrap()),
            Some("ocpp2.0.1")
        );
        Self { station }
    }

    pub(crate) async fn booted(app: &TestApp, id: &str) -> Self {
        let mut cp = Self::connect(app, id).await;
        let answer = cp.call("BootNotification", boot()).await;
        assert_eq!(answer["status"], "Accepted", "{answer}");
        cp
    }

    /// A valid CALL, answered with a valid CALLRESULT: its payload.
    pub(crate) async fn call(&mut self, action: &str, payload: Value) -> Value {
        valid(&format!("{action}Request"), &payload);
        let answer = self.station.call(action, payload).await;
        valid(&format!("{action}Response"), &answer);
        answer
    }

    /// The server's next CALL (valid for its action), answered with `answer` (valid too).
    pub(crate) async fn answer_server(&mut self, answer: Value) -> (String, Value) {
        let (id, action, payload) = self.station.server_call().await;
        valid(&format!("{action}Request"), &payload);
        valid(&format!("{action}Response"), &answer);
        self.station.reply(&id, answer).await;
        (action, payload)
    }

    /// A CALL sent as it is (possibly invalid): the CALLERROR's code and description.
    async fn call_error(&mut self, action: &str, payload: Value) -> (String, String) {
        self.station.call_error(action, payload).await
    }
}

pub(crate) fn boot() -> Value {
    json!({
        "reason": "PowerUp",
        "chargingStation": {
            "vendorName": "A vendor whose name is longer than twenty",
            "model": "DualEVSE-22",
            "serialNumber": "SN-2001",
            "firmwareVersion": "2.0.1-build.7",
            "modem": {"iccid": "89310410106543789301", "imsi": "310150123456789"}
        }
    })
}

fn status(evse: i32, connector: i32, status: &str) -> Value {
    json!({
        "timestamp": Utc::now().to_rfc3339(),
        "connectorStatus": status,
        "evseId": evse,
        "connectorId": connector
    })
}

/// An id token of 30 characters (longer than 1.6's 20).
pub(crate) const TOKEN: &str = "04A1B2C3D4E5F60718293A4B5C6D7E";

pub(crate) fn token() -> Value {
    json!({"idToken": TOKEN, "type": "ISO14443"})
}

fn energy(wh: f64, context: &str, at: &str) -> Value {
    json!({
        "timestamp": at,
        "sampledValue": [{
            "value": wh,
            "context": context,
            "measurand": "Energy.Active.Import.Register",
            "unitOfMeasure": {"unit": "Wh"}
        }]
    })
}

pub(crate) fn event(kind: &str, seq: i32, tx: &str, at: &str, extra: Value) -> Value {
    let mut event = json!({
        "eventType": kind,
        "timestamp": at,
        "triggerReason": match kind {
            "Started" => "Authorized",
            "Ended" => "EVCommunicationLost",
            _ => "MeterValuePeriodic",
        },
        "seqNo": seq,
        "transactionInfo": {"transactionId": tx}
    });
    for (k, v) in extra.as_object().unwrap() {
        if k == "transactionInfo" {
            for (ik, iv) in v.as_object().unwrap() {
                event["transactionInfo"][ik] = iv.clone();
            }
        } else {
            event[k] = v.clone();
        }
    }
    event
}

pub(crate) async fn accept_token(app: &TestApp) {
    // Through the API: an id tag may be as long as a 2.0.1 id token (36 characters).
    app.ok(
        &app.admin(),
        "mutation($t: String!) { createIdTag(input: {idTag: $t}) { idTag status } }",
        json!({"t": TOKEN}),
    )
    .await;
}

pub(crate) async fn transaction_of(app: &TestApp, station: &str, tx: &str) -> transaction::Model {
    transaction::Entity::find()
        .filter(transaction::Column::StationId.eq(station))
        .filter(transaction::Column::StationTransactionId.eq(tx))
        .one(app.db())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("transaction {tx} of {station} stored"))
}

async fn a_2_0_1_station_charges_end_to_end(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-A").await;
    let beat = cp.call("Heartbeat", json!({})).await;
    assert!(beat["currentTime"].is_string());

    // Status per EVSE: a faulted connector beside an available one leaves the EVSE usable.
    cp.call("StatusNotification", status(1, 1, "Available"))
        .await;
    cp.call("StatusNotification", status(1, 2, "Faulted")).await;
    cp.call("StatusNotification", status(2, 1, "Unavailable"))
        .await;

    let query = r#"query($id: ID!) { station(id: $id) { id ocppVersion vendor model
        firmwareVersion iccid connectors { connectorId status ocppStatus } } }"#;
    let data = app.ok(&admin, query, json!({"id": "CP201-A"})).await;
    let station = &data["station"];
    assert_eq!(station["ocppVersion"], "OCPP_2_0_1");
    assert_eq!(
        station["vendor"],
        "A vendor whose name is longer than twenty"
    );
    assert_eq!(station["firmwareVersion"], "2.0.1-build.7");
    assert_eq!(station["iccid"], "89310410106543789301");
    assert_eq!(
        station["connectors"],
        json!([
            {"connectorId": 1, "status": "AVAILABLE", "ocppStatus": "Available"},
            {"connectorId": 2, "status": "UNAVAILABLE", "ocppStatus": "Unavailable"}
        ])
    );
    let kept = evse_connector::Entity::find()
        .filter(evse_connector::Column::StationId.eq("CP201-A"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(kept, 3, "each connector's status kept as sent");

    // Authorize: the token's type and length are 2.0.1's.
    let auth = cp.call("Authorize", json!({"idToken": token()})).await;
    assert_eq!(auth["idTokenInfo"]["status"], "Accepted");
    let unknown = cp
        .call(
            "Authorize",
            json!({"idToken": {"idToken": "NOBODY", "type": "Central"}}),
        )
        .await;
    assert_eq!(unknown["idTokenInfo"]["status"], "Invalid");

    cp.call("StatusNotification", status(1, 1, "Occupied"))
        .await;
    let started_at = Utc::now().to_rfc3339();
    let started = event(
        "Started",
        0,
        "tx-2001",
        &started_at,
        json!({
            "evse": {"id": 1, "connectorId": 1},
            "idToken": token(),
            "transactionInfo": {"chargingState": "Charging"},
            "meterValue": [energy(1000.0, "Transaction.Begin", &started_at)]
        }),
    );
    let answer = cp.call("TransactionEvent", started.clone()).await;
    assert_eq!(answer["idTokenInfo"]["status"], "Accepted");
    // The station did not get the answer and sends the event again: nothing is stored twice.
    let again = cp.call("TransactionEvent", started).await;
    assert_eq!(again["idTokenInfo"]["status"], "Accepted");
    let tx = transaction_of(&app, "CP201-A", "tx-2001").await;
    assert_eq!(
        (tx.connector_id, tx.meter_start, tx.id_tag.as_str()),
        (1, 1000, TOKEN)
    );
    assert_eq!(tx.id_token_type.as_deref(), Some("ISO14443"));
    let transactions = transaction::Entity::find()
        .filter(transaction::Column::StationId.eq("CP201-A"))
        .count(app.db())
        .await
        .unwrap();
    assert_eq!(transactions, 1);

    let updated_at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Updated",
            1,
            "tx-2001",
            &updated_at,
            json!({"meterValue": [{
                "timestamp": updated_at,
                "sampledValue": [
                    {"value": 2.5, "measurand": "Energy.Active.Import.Register",
                     "unitOfMeasure": {"unit": "kWh"}},
                    {"value": 72, "measurand": "Power.Active.Import",
                     "unitOfMeasure": {"unit": "W", "multiplier": 2}}
                ]
            }]}),
        ),
    )
    .await;
    let power = crate::support::samples_where(app.db(), |s| {
        s.transaction_id == Some(tx.id) && s.measurand == "Power.Active.Import"
    })
    .await
    .into_iter()
    .next()
    .expect("the power sample");
    assert_eq!(power.value, "72", "the value as sent");
    assert_eq!(power.numeric_value, Some(7200.0), "its multiplier applied");
    assert_eq!(power.source, "TransactionEvent");

    let ended_at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Ended",
            2,
            "tx-2001",
            &ended_at,
            json!({
                "transactionInfo": {"stoppedReason": "EnergyLimitReached"},
                "meterValue": [energy(3000.0, "Transaction.End", &ended_at)]
            }),
        ),
    )
    .await;
    let query = r#"query($id: Int!) { transaction(id: $id) { stationId connectorId idTag active
        meterStart meterStop energyWh stopReason stopReasonAsSent stationTransactionId
        idTokenType } }"#;
    let data = app.ok(&admin, query, json!({"id": tx.id})).await;
    assert_eq!(
        data["transaction"],
        json!({
            "stationId": "CP201-A", "connectorId": 1, "idTag": TOKEN, "active": false,
            "meterStart": 1000, "meterStop": 3000, "energyWh": 2000,
            "stopReason": null, "stopReasonAsSent": "EnergyLimitReached",
            "stationTransactionId": "tx-2001", "idTokenType": "ISO14443"
        })
    );
    let samples = crate::support::samples_where(app.db(), |s| s.transaction_id == Some(tx.id))
        .await
        .len() as u64;
    assert_eq!(
        samples, 4,
        "begin (once, though sent twice), two in Updated, end"
    );
    app.stop().await;
}
on_both_backends!(a_2_0_1_station_charges_end_to_end);

async fn offline_events_arrive_late_and_in_order(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let mut cp = Cp201::booted(&app, "CP201-OFF").await;
    // Queued while the station was offline, sent in order once it is back.
    let t0 = "2026-11-30T08:00:00Z";
    let t1 = "2026-11-30T08:30:00Z";
    let t2 = "2026-11-30T09:00:00Z";
    let offline = json!({"offline": true});
    let mut started = event(
        "Started",
        0,
        "tx-off",
        t0,
        json!({"evse": {"id": 1}, "idToken": token(),
               "meterValue": [energy(500.0, "Transaction.Begin", t0)]}),
    );
    started["offline"] = offline["offline"].clone();
    cp.call("TransactionEvent", started).await;
    let mut updated = event(
        "Updated",
        1,
        "tx-off",
        t1,
        json!({"meterValue": [energy(1500.0, "Sample.Periodic", t1)]}),
    );
    updated["offline"] = json!(true);
    cp.call("TransactionEvent", updated).await;
    let mut ended = event(
        "Ended",
        2,
        "tx-off",
        t2,
        json!({"meterValue": [energy(2500.0, "Transaction.End", t2)]}),
    );
    ended["offline"] = json!(true);
    cp.call("TransactionEvent", ended).await;
    let tx = transaction_of(&app, "CP201-OFF", "tx-off").await;
    assert_eq!(tx.start_time.to_rfc3339(), "2026-11-30T08:00:00+00:00");
    assert_eq!(
        tx.stop_time.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-11-30T09:00:00+00:00")
    );
    assert_eq!((tx.meter_start, tx.meter_stop), (500, Some(2500)));
    assert_eq!(
        tx.stop_reason.as_deref(),
        Some("Local"),
        "the default reason"
    );

    // A transaction whose Started never arrived: its first event opens it, without a tag
    // until one is named; the Ended without a register closes it at the newest stored.
    cp.call(
        "TransactionEvent",
        event(
            "Updated",
            5,
            "tx-lost",
            t1,
            json!({"evse": {"id": 2}, "meterValue": [energy(100.0, "Sample.Periodic", t1)]}),
        ),
    )
    .await;
    let lost = transaction_of(&app, "CP201-OFF", "tx-lost").await;
    assert_eq!((lost.connector_id, lost.id_tag.as_str()), (2, ""));
    let named = cp
        .call(
            "TransactionEvent",
            event("Updated", 6, "tx-lost", t1, json!({"idToken": token()})),
        )
        .await;
    assert_eq!(named["idTokenInfo"]["status"], "Accepted");
    cp.call(
        "TransactionEvent",
        event(
            "Updated",
            7,
            "tx-lost",
            t2,
            json!({"meterValue": [energy(900.0, "Sample.Periodic", t2)]}),
        ),
    )
    .await;
    cp.call(
        "TransactionEvent",
        event("Ended", 8, "tx-lost", t2, json!({})),
    )
    .await;
    let lost = transaction_of(&app, "CP201-OFF", "tx-lost").await;
    assert_eq!(lost.id_tag, TOKEN);
    assert_eq!(lost.meter_stop, Some(900));
    app.stop().await;
}
on_both_backends!(offline_events_arrive_late_and_in_order);

#[chargegate_test]
async fn the_rpc_framework_errors_as_2_0_1_spells_them() {
    let app = spawn(|s| {
        s.unknown_stations = chargegate::config::UnknownStationPolicy::Pending;
    })
    .await;
    let mut cp = Cp201::connect(&app, "CP201-RPC").await;
    // Before the station is accepted, only BootNotification.
    let (code, _) = cp.call_error("Heartbeat", json!({})).await;
    assert_eq!(code, "SecurityError");
    let answer = cp.call("BootNotification", boot()).await;
    assert_eq!(answer["status"], "Pending");
    chargegate::use_case::station::set_registration(
        app.ctx(),
        "CP201-RPC",
        ocpp::v16::RegistrationStatus::Accepted,
    )
    .await
    .unwrap();
    let answer = cp.call("BootNotification", boot()).await;
    assert_eq!(answer["status"], "Accepted");

    let cases = [
        ("FooBar", json!({}), "NotImplemented"),
        (
            "RequestStartTransaction",
            json!({"idToken": token(), "remoteStartId": 1}),
            "NotSupported",
        ),
        (
            "GetVariables",
            json!({"getVariableData": []}),
            "NotSupported",
        ),
        ("Heartbeat", json!([]), "FormatViolation"),
        (
            "Authorize",
            json!({"idToken": token(), "pin": 1}),
            "FormatViolation",
        ),
        ("Authorize", json!({}), "OccurrenceConstraintViolation"),
        (
            "StatusNotification",
            json!({"timestamp": "2026-12-01T00:00:00Z", "connectorStatus": "Available",
                   "evseId": "1", "connectorId": 1}),
            "TypeConstraintViolation",
        ),
        (
            "StatusNotification",
            json!({"timestamp": "2026-12-01T00:00:00Z", "connectorStatus": "Charging",
                   "evseId": 1, "connectorId": 1}),
            "PropertyConstraintViolation",
        ),
        (
            "Authorize",
            json!({"idToken": {"idToken": "x".repeat(37), "type": "Central"}}),
            "PropertyConstraintViolation",
        ),
        (
            "MeterValues",
            json!({"evseId": 1, "meterValue": [{"timestamp": "2026-12-01T00:00:00Z",
                   "sampledValue": [{"value": 1, "unitOfMeasure": {"unit": "furlongs"}}]}]}),
            "PropertyConstraintViolation",
        ),
        (
            "MeterValues",
            json!({"evseId": 1, "meterValue": []}),
            "OccurrenceConstraintViolation",
        ),
        // EVSE ids are bounded as connector ids are (`--max-connector-id`, 100).
        (
            "StatusNotification",
            json!({"timestamp": "2026-12-01T00:00:00Z", "connectorStatus": "Available",
                   "evseId": 101, "connectorId": 1}),
            "PropertyConstraintViolation",
        ),
    ];
    for (action, payload, expected) in cases {
        let (code, description) = cp.call_error(action, payload.clone()).await;
        assert_eq!(code, expected, "{action} {payload}: {description}");
    }
    // A message type 2.0.1 does not know, with a readable id: MessageTypeNotSupported.
    cp.station.send_text(r#"[7,"mt-1",{}]"#).await;
    let frame = cp.station.recv().await;
    assert_eq!(frame[1], "mt-1");
    assert_eq!(error_of(&frame).0, "MessageTypeNotSupported");
    // A CALL that is not a valid RPC request (no action): RpcFrameworkError.
    cp.station.send_text(r#"[2,"bad-1"]"#).await;
    let frame = cp.station.recv().await;
    assert_eq!(frame[1], "bad-1");
    assert_eq!(error_of(&frame).0, "RpcFrameworkError");
    // The connection survived every one of them.
    cp.call("Heartbeat", json!({})).await;
    app.stop().await;
}

async fn every_shared_command_reaches_a_2_0_1_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-GQL").await;
    let start = format!(
        r#"mutation {{ remoteStartTransaction(stationId: "CP201-GQL", idTag: "{TOKEN}", connectorId: 2) {{ status }} }}"#
    );
    // (mutation, the station's answer, the action it receives, what it must contain, result)
    let cases: Vec<(String, Value, &str, Value, Value)> = vec![
        (
            start,
            json!({"status": "Accepted"}),
            "RequestStartTransaction",
            json!({"evseId": 2, "idToken": {"idToken": TOKEN, "type": "Central"}}),
            json!({"remoteStartTransaction": {"status": "ACCEPTED"}}),
        ),
        (
            r#"mutation { reset(stationId: "CP201-GQL", type: HARD) { status } }"#.into(),
            json!({"status": "Scheduled"}),
            "Reset",
            json!({"type": "Immediate"}),
            json!({"reset": {"status": "ACCEPTED"}}),
        ),
        (
            r#"mutation { reset(stationId: "CP201-GQL", type: SOFT) { status } }"#.into(),
            json!({"status": "Rejected"}),
            "Reset",
            json!({"type": "OnIdle"}),
            json!({"reset": {"status": "REJECTED"}}),
        ),
        (
            r#"mutation { unlockConnector(stationId: "CP201-GQL", connectorId: 1) { status } }"#.into(),
            json!({"status": "OngoingAuthorizedTransaction"}),
            "UnlockConnector",
            json!({"evseId": 1, "connectorId": 1}),
            json!({"unlockConnector": {"status": "UNLOCK_FAILED"}}),
        ),
        (
            r#"mutation { changeAvailability(stationId: "CP201-GQL", connectorId: 0, type: INOPERATIVE) { status } }"#.into(),
            json!({"status": "Scheduled"}),
            "ChangeAvailability",
            json!({"operationalStatus": "Inoperative"}),
            json!({"changeAvailability": {"status": "SCHEDULED"}}),
        ),
        (
            r#"mutation { changeAvailability(stationId: "CP201-GQL", connectorId: 2, type: OPERATIVE) { status } }"#.into(),
            json!({"status": "Accepted"}),
            "ChangeAvailability",
            json!({"operationalStatus": "Operative", "evse": {"id": 2}}),
            json!({"changeAvailability": {"status": "ACCEPTED"}}),
        ),
        (
            r#"mutation { triggerMessage(stationId: "CP201-GQL", requestedMessage: STATUS_NOTIFICATION, connectorId: 1) { status } }"#.into(),
            json!({"status": "Accepted"}),
            "TriggerMessage",
            json!({"requestedMessage": "StatusNotification", "evse": {"id": 1}}),
            json!({"triggerMessage": {"status": "ACCEPTED"}}),
        ),
        (
            r#"mutation { clearCache(stationId: "CP201-GQL") { status } }"#.into(),
            json!({"status": "Rejected"}),
            "ClearCache",
            json!({}),
            json!({"clearCache": {"status": "REJECTED"}}),
        ),
        (
            r#"mutation { dataTransfer(stationId: "CP201-GQL", vendorId: "VendorB", messageId: "m", data: "hello") { status data } }"#.into(),
            json!({"status": "Accepted", "data": {"answer": 42}}),
            "DataTransfer",
            json!({"vendorId": "VendorB", "messageId": "m", "data": "hello"}),
            json!({"dataTransfer": {"status": "ACCEPTED", "data": "{\"answer\":42}"}}),
        ),
    ];
    for (query, answer, action, contains, result) in cases {
        let request = app.gql_spawned(&admin, &query, json!({}));
        let (got, payload) = cp.answer_server(answer).await;
        assert_eq!(got, action, "{query}");
        for (k, v) in contains.as_object().unwrap() {
            assert_eq!(&payload[k], v, "{action}: {payload}");
        }
        if action == "ChangeAvailability" && contains.get("evse").is_none() {
            assert!(
                payload.get("evse").is_none(),
                "the whole station: {payload}"
            );
        }
        let response = request.await.unwrap();
        assert_eq!(response["data"], result, "{query}: {response}");
    }

    // The transaction the remote start led to, stopped by its central id: the station gets
    // its own id back.
    let at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Started",
            0,
            "remote-7",
            &at,
            json!({"evse": {"id": 2, "connectorId": 1}, "idToken": token(),
                   "transactionInfo": {"remoteStartId": 1}}),
        ),
    )
    .await;
    let tx = transaction_of(&app, "CP201-GQL", "remote-7").await;
    let request = app.gql_spawned(
        &admin,
        &format!(
            r#"mutation {{ remoteStopTransaction(stationId: "CP201-GQL", transactionId: {}) {{ status }} }}"#,
            tx.id
        ),
        json!({}),
    );
    let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
    assert_eq!(action, "RequestStopTransaction");
    assert_eq!(payload, json!({"transactionId": "remote-7"}));
    let response = request.await.unwrap();
    assert_eq!(
        response["data"],
        json!({"remoteStopTransaction": {"status": "ACCEPTED"}})
    );
    // A remote start with a charging profile: the TxProfile goes in 2.0.1's shape, and once
    // accepted it is stored as a 1.6 one is.
    let with_profile = |purpose: &str| {
        format!(
            r#"mutation {{ remoteStartTransaction(stationId: "CP201-GQL", idTag: "{TOKEN}", connectorId: 1,
                chargingProfile: {{chargingProfileId: 7, stackLevel: 0, chargingProfilePurpose: {purpose},
                chargingProfileKind: RELATIVE, chargingSchedule: {{chargingRateUnit: W,
                chargingSchedulePeriod: [{{startPeriod: 0, limit: 1000}}]}}}}) {{ status }} }}"#
        )
    };
    let request = app.gql_spawned(&admin, &with_profile("TX_PROFILE"), json!({}));
    let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
    assert_eq!(action, "RequestStartTransaction");
    assert_eq!(payload["evseId"], 1);
    assert_eq!(
        payload["chargingProfile"],
        json!({"id": 7, "stackLevel": 0, "chargingProfilePurpose": "TxProfile",
               "chargingProfileKind": "Relative",
               "chargingSchedule": [{"id": 1, "chargingRateUnit": "W",
                   "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 1000.0}]}]}),
        "{payload}"
    );
    let response = request.await.unwrap();
    assert_eq!(
        response["data"],
        json!({"remoteStartTransaction": {"status": "ACCEPTED"}}),
        "{response}"
    );
    let stored = app
        .ok(
            &admin,
            r#"{ chargingProfiles(stationId: "CP201-GQL") { connectorId state profile { chargingProfileId chargingProfilePurpose } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        stored["chargingProfiles"],
        json!([{"connectorId": 1, "state": "INSTALLED",
                "profile": {"chargingProfileId": 7, "chargingProfilePurpose": "TX_PROFILE"}}])
    );
    // Another purpose cannot go with a remote start, in either version: refused, nothing sent.
    let (code, _) = app
        .err(Some(&admin), &with_profile("TX_DEFAULT_PROFILE"), json!({}))
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(cp.station.silent_for(Duration::from_millis(300)).await);
    app.stop().await;
}
on_both_backends!(every_shared_command_reaches_a_2_0_1_station);

#[chargegate_test]
async fn commands_a_2_0_1_station_does_not_have_are_refused_at_once() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-CMD").await;
    let (code, message) = app
        .err(
            Some(&admin),
            r#"mutation { getConfiguration(stationId: "CP201-CMD") { unknownKey } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code, "UNSUPPORTED_BY_STATION", "{message}");
    assert!(message.contains("2.0.1"), "{message}");
    assert!(
        cp.station.silent_for(Duration::from_millis(300)).await,
        "nothing was sent to the station"
    );
    // The seed's REST endpoint says the same.
    let response = reqwest::Client::new()
        .post(format!(
            "http://{}/api/v1/centralsystem/clients/CP201-CMD/get_configuration",
            app.addr
        ))
        .bearer_auth(&admin)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "UNSUPPORTED_BY_STATION", "{body}");
    app.stop().await;
}

async fn a_1_6_and_a_2_0_1_station_in_one_api(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let admin = app.admin();
    let mut old = app.booted_station("CP16-MIX").await;
    let mut new = Cp201::booted(&app, "CP201-MIX").await;
    let at = Utc::now() - chrono::Duration::minutes(30);
    let start = old
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "TAG16", "meterStart": 0,
                   "timestamp": at.to_rfc3339()}),
        )
        .await;
    let id16 = start["transactionId"].as_i64().unwrap();
    old.call(
        "StopTransaction",
        json!({"transactionId": id16, "meterStop": 4000,
               "timestamp": (at + chrono::Duration::minutes(10)).to_rfc3339()}),
    )
    .await;
    let t0 = at.to_rfc3339();
    let t1 = (at + chrono::Duration::minutes(10)).to_rfc3339();
    new.call(
        "TransactionEvent",
        event(
            "Started",
            0,
            "mix-1",
            &t0,
            json!({"evse": {"id": 1}, "idToken": token(),
                   "meterValue": [energy(0.0, "Transaction.Begin", &t0)]}),
        ),
    )
    .await;
    new.call(
        "TransactionEvent",
        event(
            "Ended",
            1,
            "mix-1",
            &t1,
            json!({"meterValue": [energy(6000.0, "Transaction.End", &t1)]}),
        ),
    )
    .await;
    let data = app
        .ok(
            &admin,
            r#"query { stations(first: 10) { nodes { id ocppVersion } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        data["stations"]["nodes"],
        json!([
            {"id": "CP16-MIX", "ocppVersion": "OCPP_1_6"},
            {"id": "CP201-MIX", "ocppVersion": "OCPP_2_0_1"}
        ])
    );
    // Each version alone, by the stations filter.
    for (version, id) in [("OCPP_1_6", "CP16-MIX"), ("OCPP_2_0_1", "CP201-MIX")] {
        let data = app
            .ok(
                &admin,
                r#"query($v: OcppVersion) { stations(first: 10, ocppVersion: $v) { nodes { id } } }"#,
                json!({"v": version}),
            )
            .await;
        assert_eq!(data["stations"]["nodes"], json!([{"id": id}]), "{version}");
    }
    let usage = app
        .ok(
            &admin,
            r#"query($from: DateTime!, $to: DateTime!) { usage(from: $from, to: $to, groupBy: DAY) {
                totals { energyKwh sessions }
                periods { byStation { stationId figures { energyKwh sessions } } } } }"#,
            json!({
                "from": (at - chrono::Duration::hours(1)).to_rfc3339(),
                "to": (at + chrono::Duration::hours(1)).to_rfc3339()
            }),
        )
        .await;
    let totals = &usage["usage"]["totals"];
    assert_eq!(totals["sessions"], 2, "{usage}");
    assert!(
        (totals["energyKwh"].as_f64().unwrap() - 10.0).abs() < 1e-9,
        "{usage}"
    );
    // A 2.0.1 token longer than 1.6's 20 characters cannot go on a 1.6 station's local list.
    let (code, message) = app
        .err(
            Some(&admin),
            &format!(
                r#"mutation {{ sendLocalList(stationId: "CP16-MIX", updateType: FULL, idTags: ["{TOKEN}"]) {{ status }} }}"#
            ),
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT", "{message}");
    assert!(old.silent_for(Duration::from_millis(200)).await);
    let ids: Vec<i64> = transaction::Entity::find()
        .order_by_asc(transaction::Column::Id)
        .all(app.db())
        .await
        .unwrap()
        .iter()
        .map(|t| i64::from(t.id))
        .collect();
    assert_eq!(ids.len(), 2, "one id sequence for both versions: {ids:?}");
    eventually("both stations listed as connected", || async {
        let data = app
            .ok(
                &admin,
                r#"query { stations(first: 10) { nodes { connected } } }"#,
                json!({}),
            )
            .await;
        (data["stations"]["nodes"] == json!([{"connected": true}, {"connected": true}]))
            .then_some(())
    })
    .await;
    app.stop().await;
}
on_both_backends!(a_1_6_and_a_2_0_1_station_in_one_api);

#[chargegate_test]
async fn a_station_offering_both_versions_gets_the_one_it_prefers() {
    let app = spawn(|_| {}).await;
    for (offered, chosen) in [
        ("ocpp2.0.1, ocpp1.6", "ocpp2.0.1"),
        ("ocpp1.6, ocpp2.0.1", "ocpp1.6"),
    ] {
        let (_station, response) = Station::connect(&app.ws_url("/ocpp/CP-BOTH"), Some(offered))
            .await
            .unwrap();
        assert_eq!(
            response
                .headers()
                .get("sec-websocket-protocol")
                .map(|v| v.to_str().unwrap()),
            Some(chosen),
            "offered {offered}"
        );
    }
    app.stop().await;
}

async fn reservations_of_a_2_0_1_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-RES").await;
    let reserve = format!(
        r#"mutation($c: Int!, $e: DateTime!) {{ reserveNow(stationId: "CP201-RES", connectorId: $c,
            idTag: "{TOKEN}", expiryDate: $e) {{ status reservation {{ id state }} }} }}"#
    );
    let expiry = (Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let mut reserved = Vec::new();
    for evse in [1, 0] {
        let request = app.gql_spawned(&admin, &reserve, json!({"c": evse, "e": expiry}));
        let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
        assert_eq!(action, "ReserveNow");
        assert_eq!(
            payload["idToken"],
            json!({"idToken": TOKEN, "type": "Central"})
        );
        assert_eq!(
            payload.get("evseId"),
            (evse > 0).then(|| json!(evse)).as_ref(),
            "{payload}"
        );
        let data = request.await.unwrap();
        let r = &data["data"]["reserveNow"];
        assert_eq!(r["status"], "ACCEPTED", "{data}");
        assert_eq!(r["reservation"]["state"], "ACTIVE");
        assert_eq!(
            payload["id"], r["reservation"]["id"],
            "the reservation's id is its id"
        );
        reserved.push(r["reservation"]["id"].as_i64().unwrap());
    }
    // The first is used by the transaction that names it; the second expires on the station.
    let at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Started",
            0,
            "res-1",
            &at,
            json!({"evse": {"id": 1}, "idToken": token(), "reservationId": reserved[0]}),
        ),
    )
    .await;
    cp.call(
        "ReservationStatusUpdate",
        json!({"reservationId": reserved[1], "reservationUpdateStatus": "Expired"}),
    )
    .await;
    let data = app
        .ok(
            &admin,
            r#"{ reservations(stationId: "CP201-RES", includeEnded: true) { id state transactionId } }"#,
            json!({}),
        )
        .await;
    let tx = transaction_of(&app, "CP201-RES", "res-1").await;
    let mut states: Vec<(i64, String, Value)> = data["reservations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["state"].as_str().unwrap().to_owned(),
                r["transactionId"].clone(),
            )
        })
        .collect();
    states.sort_by_key(|(id, _, _)| *id);
    assert_eq!(
        states,
        vec![
            (reserved[0], "USED".into(), json!(tx.id)),
            (reserved[1], "EXPIRED".into(), Value::Null),
        ]
    );
    // A third, cancelled through the API: CancelReservation with its id.
    let request = app.gql_spawned(&admin, &reserve, json!({"c": 2, "e": expiry}));
    cp.answer_server(json!({"status": "Accepted"})).await;
    let third = request.await.unwrap()["data"]["reserveNow"]["reservation"]["id"].clone();
    let request = app.gql_spawned(
        &admin,
        "mutation($r: Int!) { cancelReservation(reservationId: $r) { status reservation { state } } }",
        json!({"r": third}),
    );
    let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
    assert_eq!(
        (action.as_str(), &payload),
        ("CancelReservation", &json!({"reservationId": third}))
    );
    let data = request.await.unwrap();
    assert_eq!(
        data["data"]["cancelReservation"],
        json!({"status": "ACCEPTED", "reservation": {"state": "CANCELLED"}})
    );
    app.stop().await;
}
on_both_backends!(reservations_of_a_2_0_1_station);

/// Energy budgets bind 2.0.1 sessions as 1.6 ones: counted while the session runs, the
/// session stopped at the budget with RequestStopTransaction (the station's own id) and
/// flagged, and the token then refused.
async fn a_2_0_1_session_is_stopped_at_its_budget(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let admin = app.admin();
    app.ok(
        &admin,
        "mutation($t: String!) { setIdTagBudget(idTag: $t, budget: {limitWh: 1000.0, period: MONTH}) { idTag } }",
        json!({"t": TOKEN}),
    )
    .await;
    let mut cp = Cp201::booted(&app, "CP201-BUD").await;
    let at = Utc::now().to_rfc3339();
    let started = cp
        .call(
            "TransactionEvent",
            event(
                "Started",
                0,
                "bud-1",
                &at,
                json!({"evse": {"id": 1}, "idToken": token(),
                       "meterValue": [energy(10_000.0, "Transaction.Begin", &at)]}),
            ),
        )
        .await;
    assert_eq!(started["idTokenInfo"]["status"], "Accepted");
    let tx = transaction_of(&app, "CP201-BUD", "bud-1").await;
    let meter = |seq: i32, wh: f64| {
        let at = Utc::now().to_rfc3339();
        event(
            "Updated",
            seq,
            "bud-1",
            &at,
            json!({"meterValue": [energy(wh, "Sample.Periodic", &at)]}),
        )
    };
    cp.call("TransactionEvent", meter(1, 10_500.0)).await;
    let used = eventually("half of the budget used", || async {
        let data = app
            .ok(
                &admin,
                "query($t: String!) { idTag(idTag: $t) { budget { usedWh } } }",
                json!({"t": TOKEN}),
            )
            .await;
        let used = data["idTag"]["budget"]["usedWh"].as_f64()?;
        (used == 500.0).then_some(used)
    })
    .await;
    assert_eq!(used, 500.0);
    cp.call("TransactionEvent", meter(2, 11_000.0)).await;
    let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
    assert_eq!(action, "RequestStopTransaction");
    assert_eq!(payload, json!({"transactionId": "bud-1"}));
    eventually("the transaction flagged", || async {
        let data = app
            .ok(
                &admin,
                "query($id: Int!) { transaction(id: $id) { flags } }",
                json!({"id": tx.id}),
            )
            .await;
        (data["transaction"]["flags"] == json!(["BUDGET_EXHAUSTED"])).then_some(())
    })
    .await;
    let auth = cp.call("Authorize", json!({"idToken": token()})).await;
    assert_eq!(auth["idTokenInfo"]["status"], "Blocked");
    app.stop().await;
}
on_both_backends!(a_2_0_1_session_is_stopped_at_its_budget);
