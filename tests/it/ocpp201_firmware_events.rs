//! OCPP 2.0.1 firmware, logs and what stations report, over real sockets with the
//! schema-validating 2.0.1 charge point of `ocpp201.rs`, on SQLite and PostgreSQL: the 1.6
//! mutations `updateFirmware` and `getDiagnostics` and the security extension's
//! `signedUpdateFirmware` and `getLog` reach a 2.0.1 station as UpdateFirmware and GetLog (frame
//! content checked), their status notifications land where the 1.6 ones do (station status,
//! history, request rows) and an upload reaches chargegate's own upload address; NotifyEvent,
//! NotifyMonitoringReport and NotifyCustomerInformation are kept, readable through
//! `Station.events`, `Station.monitors` and `Station.customerInformation`, each within its
//! bound; an event is published to `stationEvents`.

use chrono::Utc;
use serde_json::{Value, json};

use crate::gql::GqlWs;
use crate::ocpp201::Cp201;
use crate::support::{Backend, TestApp, spawn, spawn_on};
use crate::{next_after, on_both_backends};

const PUBLIC: &str = "http://chargegate.example:8080";

fn a_certificate() -> String {
    let key = rcgen::KeyPair::generate().unwrap();
    rcgen::CertificateParams::new(vec!["fw-signer.example".to_owned()])
        .unwrap()
        .self_signed(&key)
        .unwrap()
        .pem()
}

/// Runs `mutation` while the station answers its one CALL with `answer`: the action, its
/// payload and the mutation's response.
async fn through(
    app: &TestApp,
    cp: &mut Cp201,
    mutation: &str,
    variables: Value,
    answer: Value,
) -> (String, Value, Value) {
    let request = app.gql_spawned(&app.admin(), mutation, variables);
    let (action, payload) = cp.answer_server(answer).await;
    let response = request.await.unwrap();
    assert!(response.get("errors").is_none(), "{mutation}: {response}");
    (action, payload, response["data"].clone())
}

async fn firmware_status(cp: &mut Cp201, status: &str, request_id: Option<i64>) {
    let mut payload = json!({"status": status});
    if let Some(id) = request_id {
        payload["requestId"] = json!(id);
    }
    assert_eq!(
        cp.call("FirmwareStatusNotification", payload).await,
        json!({})
    );
}

async fn log_status(cp: &mut Cp201, status: &str, request_id: i64) {
    let payload = json!({"status": status, "requestId": request_id});
    assert_eq!(cp.call("LogStatusNotification", payload).await, json!({}));
}

async fn firmware_commands_reach_a_2_0_1_station_and_its_statuses_are_kept(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| s.public_url = Some(format!("{PUBLIC}/"))).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-FW").await;

    // updateFirmware (1.6's arguments) is 2.0.1's UpdateFirmware with a fresh request id.
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { updateFirmware(stationId: "CP201-FW", location: "https://fw.example/v3.bin", retrieveDate: "2026-12-01T02:00:00Z", retries: 2, retryInterval: 30) { id location requestId status } }"#,
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "UpdateFirmware");
    let request_id = payload["requestId"].as_i64().expect("a request id");
    assert_eq!(
        payload,
        json!({"retries": 2, "retryInterval": 30, "requestId": request_id,
               "firmware": {"location": "https://fw.example/v3.bin", "retrieveDateTime": "2026-12-01T02:00:00.000Z"}})
    );
    assert_eq!(data["updateFirmware"]["requestId"], json!(request_id));
    assert_eq!(data["updateFirmware"]["status"], "Accepted");

    // Its statuses land where 1.6's do: the station's status (as 1.6 spells it) and the
    // history (as sent).
    for status in [
        "Downloading",
        "Downloaded",
        "InstallScheduled",
        "Installing",
        "Installed",
    ] {
        firmware_status(&mut cp, status, Some(request_id)).await;
    }
    let seen = app
        .ok(
            &admin,
            r#"{ station(id: "CP201-FW") { firmwareStatus }
                 statusNotifications(stationId: "CP201-FW", kind: FIRMWARE) { kind status }
                 firmwareUpdates(stationId: "CP201-FW") { location requestId status } }"#,
            json!({}),
        )
        .await;
    assert_eq!(seen["station"]["firmwareStatus"], "INSTALLED");
    let history: Vec<&str> = seen["statusNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        history,
        [
            "Installed",
            "Installing",
            "InstallScheduled",
            "Downloaded",
            "Downloading"
        ]
    );
    assert_eq!(
        seen["firmwareUpdates"],
        json!([{"location": "https://fw.example/v3.bin", "requestId": request_id, "status": "Accepted"}])
    );
    // None of them went to the signed firmware history.
    let signed = app
        .ok(
            &admin,
            r#"{ signedFirmwareStatusNotifications(stationId: "CP201-FW") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(signed["signedFirmwareStatusNotifications"]["totalCount"], 0);

    // A station with nothing to do says Idle without a request id: shown too.
    firmware_status(&mut cp, "Idle", None).await;
    let seen = app
        .ok(
            &admin,
            r#"{ station(id: "CP201-FW") { firmwareStatus } }"#,
            json!({}),
        )
        .await;
    assert_eq!(seen["station"]["firmwareStatus"], "IDLE");

    // A rejected update is kept with its answer.
    let (_, _, data) = through(
        &app,
        &mut cp,
        r#"mutation { updateFirmware(stationId: "CP201-FW", location: "ftp://fw.example/v4.bin", retrieveDate: "2026-12-02T02:00:00Z") { status } }"#,
        json!({}),
        json!({"status": "Rejected", "statusInfo": {"reasonCode": "Busy"}}),
    )
    .await;
    assert_eq!(data["updateFirmware"]["status"], "Rejected");

    // A 2.0.1 location holds at most 512 characters: refused before anything is sent.
    let long = format!("https://fw.example/{}", "a".repeat(500));
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation($l: String!) { updateFirmware(stationId: \"CP201-FW\", location: $l, retrieveDate: \"2026-12-02T02:00:00Z\") { id } }",
            json!({"l": long}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(
        cp.station
            .silent_for(std::time::Duration::from_millis(200))
            .await
    );

    // signedUpdateFirmware is UpdateFirmware with the signing certificate and signature.
    let certificate = a_certificate();
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation($c: String!) { signedUpdateFirmware(stationId: "CP201-FW", requestId: 41, retries: 1, firmware: {location: "https://fw.example/v5.bin", retrieveDateTime: "2026-12-03T02:00:00Z", installDateTime: "2026-12-03T03:00:00Z", signingCertificate: $c, signature: "c2lnbmF0dXJl"}) { status requestId } }"#,
        json!({"c": certificate}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "UpdateFirmware");
    assert_eq!(
        payload,
        json!({"retries": 1, "requestId": 41, "firmware": {"location": "https://fw.example/v5.bin",
               "retrieveDateTime": "2026-12-03T02:00:00.000Z", "installDateTime": "2026-12-03T03:00:00.000Z",
               "signingCertificate": certificate, "signature": "c2lnbmF0dXJl"}})
    );
    assert_eq!(
        data["signedUpdateFirmware"],
        json!({"status": "ACCEPTED", "requestId": 41})
    );
    for status in ["Downloading", "SignatureVerified", "InstallRebooting"] {
        firmware_status(&mut cp, status, Some(41)).await;
    }
    let signed = app
        .ok(
            &admin,
            r#"{ signedFirmwareUpdates(stationId: "CP201-FW") { nodes { requestId status statusNotifications { status } } }
                 station(id: "CP201-FW") { firmwareStatus } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        signed["signedFirmwareUpdates"]["nodes"],
        json!([{"requestId": 41, "status": "ACCEPTED", "statusNotifications": [
            {"status": "INSTALL_REBOOTING"}, {"status": "SIGNATURE_VERIFIED"}, {"status": "DOWNLOADING"}]}])
    );
    assert_eq!(
        signed["station"]["firmwareStatus"], "IDLE",
        "the signed flow keeps its own history"
    );
    app.stop().await;
}
on_both_backends!(firmware_commands_reach_a_2_0_1_station_and_its_statuses_are_kept);

async fn logs_of_a_2_0_1_station_are_uploaded_and_followed(backend: Backend) {
    // Uploads land in a directory of the test's own, not in the working tree.
    let uploads = tempfile::tempdir().unwrap();
    let dir = uploads.path().to_owned();
    let Some(app) = spawn_on(backend, move |s| {
        s.public_url = Some(format!("{PUBLIC}/"));
        s.upload_dir = dir;
    })
    .await
    else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-LOG").await;

    // getDiagnostics without a location: GetLog of the DiagnosticsLog to chargegate's own
    // upload address.
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { getDiagnostics(stationId: "CP201-LOG", startTime: "2026-11-01T00:00:00Z", stopTime: "2026-11-02T00:00:00Z", retries: 1) { id location fileName requestId status } }"#,
        json!({}),
        json!({"status": "Accepted", "filename": "diag-201.tar.gz"}),
    )
    .await;
    assert_eq!(action, "GetLog");
    assert_eq!(payload["logType"], "DiagnosticsLog");
    assert_eq!(payload["retries"], 1);
    let request_id = payload["requestId"].as_i64().expect("a request id");
    let location = payload["log"]["remoteLocation"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        location.starts_with(&format!("{PUBLIC}/diagnostics/")),
        "{location}"
    );
    assert_eq!(
        payload["log"]["oldestTimestamp"],
        "2026-11-01T00:00:00.000Z"
    );
    assert_eq!(
        payload["log"]["latestTimestamp"],
        "2026-11-02T00:00:00.000Z"
    );
    let created = &data["getDiagnostics"];
    assert_eq!(created["location"], format!("{PUBLIC}/diagnostics/***"));
    assert_eq!(created["fileName"], "diag-201.tar.gz");
    assert_eq!(created["requestId"], json!(request_id));
    assert_eq!(created["status"], "Accepted");

    // The station uploads there and reports its progress.
    log_status(&mut cp, "Uploading", request_id).await;
    let path = location.strip_prefix(PUBLIC).unwrap();
    let put = |path: String, body: &'static [u8]| {
        let addr = app.addr;
        async move {
            reqwest::Client::new()
                .put(format!("http://{addr}{path}/diag-201.tar.gz"))
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(put(path.to_owned(), b"the diagnostics").await, 201);
    log_status(&mut cp, "Uploaded", request_id).await;
    let seen = app
        .ok(
            &admin,
            r#"{ station(id: "CP201-LOG") { diagnosticsStatus }
                 statusNotifications(stationId: "CP201-LOG", kind: DIAGNOSTICS) { status }
                 diagnosticsRequests(stationId: "CP201-LOG") { requestId status uploadedName size downloadPath } }"#,
            json!({}),
        )
        .await;
    assert_eq!(seen["station"]["diagnosticsStatus"], "UPLOADED");
    assert_eq!(
        seen["statusNotifications"],
        json!([{"status": "Uploaded"}, {"status": "Uploading"}])
    );
    let listed = &seen["diagnosticsRequests"][0];
    assert_eq!(listed["requestId"], json!(request_id));
    assert_eq!(listed["size"], 15);
    let download = listed["downloadPath"].as_str().unwrap();
    let got = reqwest::Client::new()
        .get(format!("http://{}{download}", app.addr))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(got.status(), 200);
    assert_eq!(&got.bytes().await.unwrap()[..], b"the diagnostics");

    // A failure 2.0.1 names more precisely is 1.6's UploadFailed on the station, kept as sent
    // in the history; the security extension's log history is not touched.
    log_status(&mut cp, "PermissionDenied", request_id).await;
    let seen = app
        .ok(
            &admin,
            r#"{ station(id: "CP201-LOG") { diagnosticsStatus }
                 statusNotifications(stationId: "CP201-LOG", kind: DIAGNOSTICS, limit: 1) { status }
                 logStatusNotifications(stationId: "CP201-LOG") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(seen["station"]["diagnosticsStatus"], "UPLOAD_FAILED");
    assert_eq!(
        seen["statusNotifications"],
        json!([{"status": "PermissionDenied"}])
    );
    assert_eq!(seen["logStatusNotifications"]["totalCount"], 0);

    // A request the station rejects takes no upload.
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { getDiagnostics(stationId: "CP201-LOG") { status fileName } }"#,
        json!({}),
        json!({"status": "Rejected"}),
    )
    .await;
    assert_eq!(action, "GetLog");
    assert_eq!(
        data["getDiagnostics"],
        json!({"status": "Rejected", "fileName": null})
    );
    let rejected = payload["log"]["remoteLocation"].as_str().unwrap();
    let path = rejected.strip_prefix(PUBLIC).unwrap().to_owned();
    assert_eq!(put(path, b"late").await, 410);

    // getLog (the security extension's) is 2.0.1's GetLog; its statuses go to its request.
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { getLog(stationId: "CP201-LOG", logType: SECURITY_LOG, requestId: 77, remoteLocation: "ftp://logs.example.org/up", oldestTimestamp: "2026-05-01T00:00:00Z", retries: 3, retryInterval: 60) { status filename requestId } }"#,
        json!({}),
        json!({"status": "AcceptedCanceled", "filename": "security.log"}),
    )
    .await;
    assert_eq!(action, "GetLog");
    assert_eq!(
        payload,
        json!({"logType": "SecurityLog", "requestId": 77, "retries": 3, "retryInterval": 60,
               "log": {"remoteLocation": "ftp://logs.example.org/up", "oldestTimestamp": "2026-05-01T00:00:00.000Z"}})
    );
    assert_eq!(
        data["getLog"],
        json!({"status": "ACCEPTED_CANCELED", "filename": "security.log", "requestId": 77})
    );
    log_status(&mut cp, "Uploading", 77).await;
    log_status(&mut cp, "Uploaded", 77).await;
    let seen = app
        .ok(
            &admin,
            r#"{ logRequests(stationId: "CP201-LOG") { nodes { requestId logType status statusNotifications { status } } }
                 station(id: "CP201-LOG") { diagnosticsStatus } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        seen["logRequests"]["nodes"],
        json!([{"requestId": 77, "logType": "SECURITY_LOG", "status": "ACCEPTED_CANCELED",
                "statusNotifications": [{"status": "UPLOADED"}, {"status": "UPLOADING"}]}])
    );
    assert_eq!(seen["station"]["diagnosticsStatus"], "UPLOAD_FAILED");
    app.stop().await;
}
on_both_backends!(logs_of_a_2_0_1_station_are_uploaded_and_followed);

fn event_data(event_id: i32, value: &str, extra: Value) -> Value {
    let mut event = json!({
        "eventId": event_id,
        "timestamp": Utc::now().to_rfc3339(),
        "trigger": "Alerting",
        "actualValue": value,
        "component": {"name": "EVSE", "evse": {"id": 1}},
        "variable": {"name": "Power"},
        "eventNotificationType": "CustomMonitor",
    });
    for (k, v) in extra.as_object().unwrap() {
        event[k] = v.clone();
    }
    event
}

fn notify_event(seq_no: i32, events: Vec<Value>) -> Value {
    json!({"generatedAt": Utc::now().to_rfc3339(), "seqNo": seq_no, "eventData": events})
}

const EVENTS: &str = r#"query($id: ID!, $first: Int, $after: String, $c: String) {
  station(id: $id) {
    events(first: $first, after: $after, component: $c) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { eventId timestamp trigger cause actualValue techCode techInfo cleared transactionId
        component componentInstance evseId connectorId variable variableInstance
        variableMonitoringId eventNotificationType }
    }
  }
}"#;

async fn events_are_kept_newest_first_within_their_bound(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| s.limits.max_station_events = 3).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-EV").await;
    let answer = cp
        .call(
            "NotifyEvent",
            notify_event(
                0,
                vec![
                    event_data(
                        1,
                        "23000",
                        json!({"cause": 0, "techCode": "OVR", "techInfo": "over limit", "cleared": false,
                               "transactionId": "tx-9", "variableMonitoringId": 12}),
                    ),
                    event_data(
                        2,
                        "true",
                        json!({"trigger": "Delta", "component": {"name": "Connector", "instance": "left", "evse": {"id": 2, "connectorId": 1}},
                               "variable": {"name": "Available", "instance": "x"}, "eventNotificationType": "HardWiredNotification"}),
                    ),
                ],
            ),
        )
        .await;
    assert_eq!(answer, json!({}));
    let seen = app
        .ok(&admin, EVENTS, json!({"id": "CP201-EV", "first": 10}))
        .await;
    let events = &seen["station"]["events"];
    assert_eq!(events["totalCount"], 2);
    let nodes = events["nodes"].as_array().unwrap();
    // Newest first; every field as sent (the timestamps aside).
    let without_time = |node: &Value| {
        let mut node = node.clone();
        node.as_object_mut().unwrap().remove("timestamp");
        node
    };
    assert_eq!(
        without_time(&nodes[0]),
        json!({"eventId": 2, "trigger": "DELTA", "cause": null, "actualValue": "true", "techCode": null,
               "techInfo": null, "cleared": null, "transactionId": null, "component": "Connector",
               "componentInstance": "left", "evseId": 2, "connectorId": 1, "variable": "Available",
               "variableInstance": "x", "variableMonitoringId": null,
               "eventNotificationType": "HARD_WIRED_NOTIFICATION"})
    );
    assert_eq!(
        without_time(&nodes[1]),
        json!({"eventId": 1, "trigger": "ALERTING", "cause": 0, "actualValue": "23000", "techCode": "OVR",
               "techInfo": "over limit", "cleared": false, "transactionId": "tx-9", "component": "EVSE",
               "componentInstance": null, "evseId": 1, "connectorId": null, "variable": "Power",
               "variableInstance": null, "variableMonitoringId": 12,
               "eventNotificationType": "CUSTOM_MONITOR"})
    );
    assert!(nodes[1]["timestamp"].is_string());
    // Filtered by component (case-insensitive).
    let seen = app
        .ok(&admin, EVENTS, json!({"id": "CP201-EV", "c": "connector"}))
        .await;
    assert_eq!(seen["station"]["events"]["totalCount"], 1);

    // Beyond the bound the oldest go; pages follow the order.
    cp.call(
        "NotifyEvent",
        notify_event(
            0,
            (3..=5)
                .map(|i| event_data(i, &i.to_string(), json!({})))
                .collect(),
        ),
    )
    .await;
    let page = app
        .ok(&admin, EVENTS, json!({"id": "CP201-EV", "first": 2}))
        .await;
    let events = &page["station"]["events"];
    assert_eq!(events["totalCount"], 3);
    let ids: Vec<i64> = events["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["eventId"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [5, 4]);
    assert_eq!(events["pageInfo"]["hasNextPage"], true);
    let after = events["pageInfo"]["endCursor"].clone();
    let rest = app
        .ok(
            &admin,
            EVENTS,
            json!({"id": "CP201-EV", "first": 2, "after": after}),
        )
        .await;
    assert_eq!(rest["station"]["events"]["nodes"][0]["eventId"], 3);
    assert_eq!(rest["station"]["events"]["pageInfo"]["hasNextPage"], false);

    // Another station keeps its own; a driver sees none.
    let mut other = Cp201::booted(&app, "CP201-EV2").await;
    other
        .call(
            "NotifyEvent",
            notify_event(0, vec![event_data(1, "1", json!({}))]),
        )
        .await;
    let seen = app.ok(&admin, EVENTS, json!({"id": "CP201-EV2"})).await;
    assert_eq!(seen["station"]["events"]["totalCount"], 1);
    let driver = app.token(chargegate::auth::Role::Driver, "d-1", None);
    let response = app
        .gql(Some(&driver), EVENTS, json!({"id": "CP201-EV"}))
        .await;
    assert!(response.get("errors").is_some(), "{response}");
    app.stop().await;
}
on_both_backends!(events_are_kept_newest_first_within_their_bound);

#[chargegate_test]
async fn an_event_is_published_to_station_events() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-SUB").await;
    let mut ws = GqlWs::open(&app, &admin).await;
    ws.subscribe(
        "e",
        r#"subscription { stationEvents(stationId: "CP201-SUB") { kind stationId deviceEvent { eventId trigger component variable actualValue cleared } } }"#,
        json!({}),
    )
    .await;
    let mut next_id = 0;
    let payload = next_after!(ws, "e", {
        next_id += 1;
        cp.call(
            "NotifyEvent",
            notify_event(0, vec![event_data(next_id, "42", json!({"cleared": true}))]),
        )
        .await;
    });
    let event = &payload["data"]["stationEvents"];
    assert_eq!(event["kind"], "DEVICE_EVENT", "{payload}");
    assert_eq!(event["stationId"], "CP201-SUB");
    assert_eq!(
        event["deviceEvent"],
        json!({"eventId": next_id, "trigger": "Alerting", "component": "EVSE", "variable": "Power",
               "actualValue": "42", "cleared": true})
    );
    app.stop().await;
}

fn monitoring_part(request_id: i64, seq_no: i32, tbc: bool, monitor: Value) -> Value {
    json!({"requestId": request_id, "seqNo": seq_no, "tbc": tbc,
           "generatedAt": Utc::now().to_rfc3339(), "monitor": monitor})
}

const MONITORS: &str = r#"query($id: ID!) {
  station(id: $id) {
    monitors { totalCount nodes { id component componentInstance evseId connectorId variable
      variableInstance transaction type value severity requestId } }
  }
}"#;

async fn monitoring_reports_keep_the_monitors_within_their_bound(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| s.limits.max_variable_monitors = 2).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-MON").await;
    let answer = cp
        .call(
            "NotifyMonitoringReport",
            monitoring_part(
                5,
                0,
                true,
                json!([{"component": {"name": "EVSE", "evse": {"id": 1}}, "variable": {"name": "Power"},
                        "variableMonitoring": [
                            {"id": 1, "transaction": false, "value": 22000.0, "type": "UpperThreshold", "severity": 4},
                            {"id": 2, "transaction": true, "value": 100.0, "type": "Delta", "severity": 8}]}]),
            ),
        )
        .await;
    assert_eq!(answer, json!({}));
    // The next part: a new monitor beyond the bound is not stored, one stored is updated.
    let answer = cp
        .call(
            "NotifyMonitoringReport",
            monitoring_part(
                5,
                1,
                false,
                json!([
                    {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"},
                     "variableMonitoring": [{"id": 3, "transaction": false, "value": 60.0, "type": "Periodic", "severity": 9}]},
                    {"component": {"name": "EVSE", "evse": {"id": 1}}, "variable": {"name": "Power"},
                     "variableMonitoring": [{"id": 1, "transaction": false, "value": 11000.0, "type": "UpperThreshold", "severity": 2}]}
                ]),
            ),
        )
        .await;
    assert_eq!(answer, json!({}), "answered beyond the bound");
    let seen = app.ok(&admin, MONITORS, json!({"id": "CP201-MON"})).await;
    assert_eq!(
        seen["station"]["monitors"],
        json!({"totalCount": 2, "nodes": [
            {"id": 1, "component": "EVSE", "componentInstance": null, "evseId": 1, "connectorId": null,
             "variable": "Power", "variableInstance": null, "transaction": false, "type": "UPPER_THRESHOLD",
             "value": 11000.0, "severity": 2, "requestId": 5},
            {"id": 2, "component": "EVSE", "componentInstance": null, "evseId": 1, "connectorId": null,
             "variable": "Power", "variableInstance": null, "transaction": true, "type": "DELTA",
             "value": 100.0, "severity": 8, "requestId": 5}
        ]})
    );
    // An empty report (nothing matched) is answered and changes nothing.
    let empty = json!({"requestId": 6, "seqNo": 0, "generatedAt": Utc::now().to_rfc3339()});
    assert_eq!(cp.call("NotifyMonitoringReport", empty).await, json!({}));
    let seen = app.ok(&admin, MONITORS, json!({"id": "CP201-MON"})).await;
    assert_eq!(seen["station"]["monitors"]["totalCount"], 2);
    app.stop().await;
}
on_both_backends!(monitoring_reports_keep_the_monitors_within_their_bound);

fn customer_part(request_id: i64, seq_no: i32, tbc: bool, data: &str) -> Value {
    json!({"requestId": request_id, "seqNo": seq_no, "tbc": tbc, "data": data,
           "generatedAt": Utc::now().to_rfc3339()})
}

const CUSTOMER: &str = r#"query($id: ID!, $r: Int) {
  station(id: $id) {
    customerInformation(requestId: $r) { totalCount nodes { requestId data parts complete truncated } }
  }
}"#;

async fn customer_information_is_reported_and_bounded(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.limits.max_customer_information_reports = 2;
        s.limits.max_customer_information_size = chargegate::config::ByteSize(16);
    })
    .await
    else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-CI").await;
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { customerInformation(stationId: "CP201-CI", report: true, clear: false, customerIdentifier: "cust-1") { status requestId } }"#,
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "CustomerInformation");
    let request_id = data["customerInformation"]["requestId"].as_i64().unwrap();
    assert_eq!(payload["requestId"], json!(request_id));

    // The report in parts, joined; the first two fit, the third is cut at the bound.
    cp.call(
        "NotifyCustomerInformation",
        customer_part(request_id, 0, true, "name=Ada;"),
    )
    .await;
    let seen = app.ok(&admin, CUSTOMER, json!({"id": "CP201-CI"})).await;
    assert_eq!(
        seen["station"]["customerInformation"]["nodes"],
        json!([{"requestId": request_id, "data": "name=Ada;", "parts": 1, "complete": false, "truncated": false}])
    );
    cp.call(
        "NotifyCustomerInformation",
        customer_part(request_id, 1, true, "tag=A1;"),
    )
    .await;
    cp.call(
        "NotifyCustomerInformation",
        customer_part(request_id, 2, false, "more data"),
    )
    .await;
    let seen = app
        .ok(&admin, CUSTOMER, json!({"id": "CP201-CI", "r": request_id}))
        .await;
    assert_eq!(
        seen["station"]["customerInformation"],
        json!({"totalCount": 1, "nodes": [{"requestId": request_id, "data": "name=Ada;tag=A1;", "parts": 3, "complete": true, "truncated": true}]})
    );

    // Beyond the reports a station keeps, its oldest goes.
    for other in [request_id + 1, request_id + 2] {
        cp.call(
            "NotifyCustomerInformation",
            customer_part(other, 0, false, "x"),
        )
        .await;
    }
    let seen = app.ok(&admin, CUSTOMER, json!({"id": "CP201-CI"})).await;
    let kept: Vec<i64> = seen["station"]["customerInformation"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["requestId"].as_i64().unwrap())
        .collect();
    assert_eq!(kept, [request_id + 2, request_id + 1]);
    app.stop().await;
}
on_both_backends!(customer_information_is_reported_and_bounded);
