//! The OCPP 1.6 profiles beyond Core end to end: Firmware Management (with uploads to
//! chargegate itself), Local Auth List Management, Reservation, Smart Charging and Remote
//! Trigger — GraphQL → the station's WebSocket → its answer → what is stored and published.

use chrono::{Duration as ChronoDuration, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::gql::{GqlWs, first_error, through_station};
use crate::next_after;
use crate::on_both_backends;
use crate::support::{Backend, TestApp, spawn, spawn_on};

fn data(response: &Value) -> &Value {
    assert!(response.get("errors").is_none(), "{response}");
    &response["data"]
}

fn code(response: &Value) -> String {
    first_error(response).0
}

fn iso(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

async fn create_tag(app: &TestApp, tag: &str, status: &str, parent: Option<&str>) {
    app.ok(
        &app.admin(),
        "mutation($i: CreateIdTagInput!) { createIdTag(input: $i) { idTag } }",
        json!({"i": {"idTag": tag, "status": status, "parentIdTag": parent}}),
    )
    .await;
}

async fn every_trigger_reaches_the_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-TRIG").await;
    let triggers = [
        ("BOOT_NOTIFICATION", "BootNotification"),
        (
            "DIAGNOSTICS_STATUS_NOTIFICATION",
            "DiagnosticsStatusNotification",
        ),
        ("FIRMWARE_STATUS_NOTIFICATION", "FirmwareStatusNotification"),
        ("HEARTBEAT", "Heartbeat"),
        ("METER_VALUES", "MeterValues"),
        ("STATUS_NOTIFICATION", "StatusNotification"),
    ];
    for (i, (graphql, wire)) in triggers.into_iter().enumerate() {
        let answer = ["Accepted", "Rejected", "NotImplemented"][i % 3];
        let (action, payload, response) = through_station(
            &app,
            &mut cp,
            "mutation($m: MessageTrigger!) { triggerMessage(stationId: \"CP-TRIG\", requestedMessage: $m, connectorId: 1) { status } }",
            json!({"m": graphql}),
            json!({"status": answer}),
        )
        .await;
        assert_eq!(action, "TriggerMessage");
        assert_eq!(payload, json!({"requestedMessage": wire, "connectorId": 1}));
        let expected = ["ACCEPTED", "REJECTED", "NOT_IMPLEMENTED"][i % 3];
        assert_eq!(data(&response)["triggerMessage"]["status"], expected);
    }
    // Without a connector the field is left out; connector 0 is refused before sending.
    let (_, payload, _) = through_station(
        &app,
        &mut cp,
        "mutation { triggerMessage(stationId: \"CP-TRIG\", requestedMessage: HEARTBEAT) { status } }",
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(payload, json!({"requestedMessage": "Heartbeat"}));
    let refused = app
        .gql(
            Some(&app.admin()),
            "mutation { triggerMessage(stationId: \"CP-TRIG\", requestedMessage: HEARTBEAT, connectorId: 0) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&refused), "BAD_USER_INPUT");
    // A station answering outside the enum: the answer is reported as the station's error.
    let (_, _, response) = through_station(
        &app,
        &mut cp,
        "mutation { triggerMessage(stationId: \"CP-TRIG\", requestedMessage: HEARTBEAT) { status } }",
        json!({}),
        json!({"status": "Maybe"}),
    )
    .await;
    assert_eq!(code(&response), "STATION_ERROR");
    assert!(cp.silent_for(std::time::Duration::from_millis(100)).await);
    app.stop().await;
}
on_both_backends!(every_trigger_reaches_the_station);

async fn firmware_updates_and_status_notifications_are_stored_and_published(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-FW").await;
    let retrieve = Utc::now() + ChronoDuration::hours(1);
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation($d: DateTime!) { updateFirmware(stationId: \"CP-FW\", location: \"https://fw.example/v2.bin\", retrieveDate: $d, retries: 3, retryInterval: 60) { id location retries retryInterval requestedBy } }",
        json!({"d": iso(retrieve)}),
        json!({}),
    )
    .await;
    assert_eq!(action, "UpdateFirmware");
    assert_eq!(
        payload,
        json!({"location": "https://fw.example/v2.bin", "retries": 3, "retrieveDate": iso(retrieve), "retryInterval": 60})
    );
    let update = &data(&response)["updateFirmware"];
    assert_eq!(update["location"], "https://fw.example/v2.bin");
    assert_eq!(update["requestedBy"], "root");

    for (bad, why) in [
        ("not a url", "location"),
        ("ftp://x/y\" retries: -1 \"", "location"),
    ] {
        let response = app
            .gql(
                Some(&admin),
                "mutation($l: String!, $d: DateTime!) { updateFirmware(stationId: \"CP-FW\", location: $l, retrieveDate: $d) { id } }",
                json!({"l": bad, "d": iso(retrieve)}),
            )
            .await;
        assert_eq!(code(&response), "BAD_USER_INPUT", "{why}: {response}");
    }
    let negative = app
        .gql(
            Some(&admin),
            "mutation($d: DateTime!) { updateFirmware(stationId: \"CP-FW\", location: \"ftp://h/f\", retrieveDate: $d, retries: -1) { id } }",
            json!({"d": iso(retrieve)}),
        )
        .await;
    assert_eq!(code(&negative), "BAD_USER_INPUT");

    let listed = app
        .ok(
            &admin,
            "{ firmwareUpdates(stationId: \"CP-FW\") { location retries } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["firmwareUpdates"],
        json!([{"location": "https://fw.example/v2.bin", "retries": 3}])
    );

    // The station's progress: stored on the station, in the history, and published.
    let mut ws = GqlWs::open(&app, &admin).await;
    ws.subscribe(
        "ev",
        "subscription { stationEvents(stationId: \"CP-FW\") { kind stationId firmwareStatus diagnosticsStatus } }",
        json!({}),
    )
    .await;
    let event = next_after!(ws, "ev", {
        cp.call(
            "FirmwareStatusNotification",
            json!({"status": "Downloading"}),
        )
        .await;
    });
    assert_eq!(
        event["data"]["stationEvents"],
        json!({"kind": "FIRMWARE_STATUS", "stationId": "CP-FW", "firmwareStatus": "DOWNLOADING", "diagnosticsStatus": null})
    );
    cp.call("FirmwareStatusNotification", json!({"status": "Installed"}))
        .await;
    cp.call(
        "DiagnosticsStatusNotification",
        json!({"status": "Uploading"}),
    )
    .await;
    let station = app
        .ok(
            &admin,
            "{ station(id: \"CP-FW\") { firmwareStatus diagnosticsStatus } }",
            json!({}),
        )
        .await;
    assert_eq!(
        station["station"],
        json!({"firmwareStatus": "INSTALLED", "diagnosticsStatus": "UPLOADING"})
    );
    let history = app
        .ok(
            &admin,
            "{ all: statusNotifications(stationId: \"CP-FW\") { kind status } fw: statusNotifications(stationId: \"CP-FW\", kind: FIRMWARE, limit: 1) { status } }",
            json!({}),
        )
        .await;
    let all = history["all"].as_array().unwrap();
    // Every notification the next_after loop sent, newest first.
    assert_eq!(
        all[0],
        json!({"kind": "DIAGNOSTICS", "status": "Uploading"})
    );
    assert_eq!(all[1], json!({"kind": "FIRMWARE", "status": "Installed"}));
    assert!(all[2..].iter().all(|r| r["status"] == "Downloading"));
    assert_eq!(history["fw"], json!([{"status": "Installed"}]));
    let too_many = app
        .gql(
            Some(&admin),
            "{ statusNotifications(stationId: \"CP-FW\", limit: 501) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&too_many), "BAD_USER_INPUT");
    app.stop().await;
}
on_both_backends!(firmware_updates_and_status_notifications_are_stored_and_published);

/// A multipart/form-data body with one file field.
fn multipart(boundary: &str, file_name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

#[chargegate_test]
async fn diagnostics_go_where_the_operator_says_or_nowhere() {
    let uploads = tempfile::tempdir().unwrap();
    let dir = uploads.path().to_owned();
    let app = spawn(|s| {
        s.upload_dir = dir;
        s.upload_max_mib = 1;
    })
    .await;
    let admin = app.admin();
    let mut cp = app.booted_station("CP-DIAG").await;

    // Without a public URL and without a location, there is nowhere to upload.
    let nowhere = app
        .gql(
            Some(&admin),
            "mutation { getDiagnostics(stationId: \"CP-DIAG\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&nowhere), "BAD_USER_INPUT");

    // A location elsewhere is passed on as given, with the time window.
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { getDiagnostics(stationId: \"CP-DIAG\", location: \"ftp://logs.example/cp/\", startTime: \"2026-11-01T00:00:00Z\", stopTime: \"2026-11-02T00:00:00Z\", retries: 2) { location fileName downloadPath } }",
        json!({}),
        json!({"fileName": "diag-1.zip"}),
    )
    .await;
    assert_eq!(action, "GetDiagnostics");
    assert_eq!(
        payload,
        json!({"location": "ftp://logs.example/cp/", "retries": 2, "startTime": "2026-11-01T00:00:00.000Z", "stopTime": "2026-11-02T00:00:00.000Z"})
    );
    assert_eq!(
        data(&response)["getDiagnostics"],
        json!({"location": "ftp://logs.example/cp/", "fileName": "diag-1.zip", "downloadPath": null})
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_station_uploads_its_diagnostics_here() {
    let uploads = tempfile::tempdir().unwrap();
    let dir = uploads.path().to_owned();
    // The public URL is what stations are told; the test uploads to the real address with the
    // same path.
    let app = spawn(move |s| {
        s.upload_dir = dir;
        s.upload_max_mib = 1;
        s.public_url = Some("http://chargegate.example:8080/".into());
    })
    .await;
    let admin = app.admin();
    let mut cp = app.booted_station("CP%20UP").await;
    let station = "CP UP";

    let request = app.gql_spawned(
        &admin,
        "mutation($s: ID!) { getDiagnostics(stationId: $s) { id location fileName } }",
        json!({"s": station}),
    );
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "GetDiagnostics");
    let location = payload["location"].as_str().unwrap().to_owned();
    let token = location
        .strip_prefix("http://chargegate.example:8080/diagnostics/")
        .unwrap_or_else(|| panic!("unexpected upload address {location}"))
        .to_owned();
    assert_eq!(token.len(), 32);
    cp.reply(&id, json!({"fileName": "cp-up.log"})).await;
    let response = request.await.unwrap();
    let created = &data(&response)["getDiagnostics"];
    assert_eq!(created["fileName"], "cp-up.log");
    // The API never shows the token: only the station is told it.
    assert_eq!(
        created["location"],
        "http://chargegate.example:8080/diagnostics/***"
    );

    let http = reqwest::Client::new();
    let base = format!("http://{}", app.addr);
    // An unknown token, or something that is not a token, finds nothing.
    for path in [
        "/diagnostics/00000000000000000000000000000000",
        "/diagnostics/..%2F..%2Fetc",
    ] {
        let r = http
            .put(format!("{base}{path}"))
            .body("x")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{path}");
    }
    // Too large: refused, nothing kept.
    let big = vec![b'x'; 1024 * 1024 + 1];
    let r = http
        .put(format!("{base}/diagnostics/{token}/big.log"))
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    let listed = app
        .ok(
            &admin,
            "query($s: ID!) { diagnosticsRequests(stationId: $s) { size uploadedAt downloadPath } }",
            json!({"s": station}),
        )
        .await;
    assert_eq!(
        listed["diagnosticsRequests"],
        json!([{"size": null, "uploadedAt": null, "downloadPath": null}])
    );
    let leftovers: Vec<_> = walk(uploads.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A raw PUT with the file name in the path.
    let content = b"2026-11-24 boot ok\n2026-11-24 meter ok\n".to_vec();
    let r = http
        .put(format!("{base}/diagnostics/{token}/cp-up.log"))
        .body(content.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let listed = app
        .ok(
            &admin,
            "query($s: ID!) { diagnosticsRequests(stationId: $s) { id uploadedName size downloadPath } }",
            json!({"s": station}),
        )
        .await;
    let row = &listed["diagnosticsRequests"][0];
    assert_eq!(row["uploadedName"], "cp-up.log");
    assert_eq!(row["size"], content.len());
    let path = row["downloadPath"].as_str().unwrap().to_owned();

    // Staff download it with their token; without one, or as a driver, not.
    let got = http
        .get(format!("{base}{path}"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(got.status(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), content);
    let anonymous = http.get(format!("{base}{path}")).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
    let driver = app.token(chargegate::auth::Role::Driver, "d1", None);
    let as_driver = http
        .get(format!("{base}{path}"))
        .bearer_auth(driver)
        .send()
        .await
        .unwrap();
    assert_eq!(as_driver.status(), 403);

    // The address took its file: a second upload is refused and changes nothing.
    let again = http
        .put(format!("{base}/diagnostics/{token}/cp-up.log"))
        .body("second upload")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409);
    let got = http
        .get(format!("{base}{path}"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(got.bytes().await.unwrap().to_vec(), content);
    assert_eq!(walk(uploads.path()).len(), 1);

    // A multipart POST to the bare address of another request, name from the form.
    let request = app.gql_spawned(
        &admin,
        "mutation($s: ID!) { getDiagnostics(stationId: $s) { id } }",
        json!({"s": station}),
    );
    let (id, _, payload) = cp.server_call().await;
    cp.reply(&id, json!({})).await;
    data(&request.await.unwrap());
    let location = payload["location"].as_str().unwrap();
    let second = b"second upload".to_vec();
    let r = http
        .post(location.replace("http://chargegate.example:8080", &base))
        .header("content-type", "multipart/form-data; boundary=XyZ")
        .body(multipart("XyZ", "../evil name.tgz", &second))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let listed = app
        .ok(
            &admin,
            "query($s: ID!) { diagnosticsRequests(stationId: $s) { downloadPath } }",
            json!({"s": station}),
        )
        .await;
    let path = listed["diagnosticsRequests"][0]["downloadPath"]
        .as_str()
        .unwrap()
        .to_owned();
    let got = http
        .get(format!("{base}{path}"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(got.bytes().await.unwrap().to_vec(), second);
    let files = walk(uploads.path());
    assert!(
        files.iter().all(|f| f.starts_with(uploads.path())),
        "{files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.to_string_lossy().ends_with("_evil_name.tgz")),
        "{files:?}"
    );
    app.stop().await;
}

/// Every file below `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

async fn local_lists_are_sent_and_kept_with_their_version(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-LL").await;
    create_tag(&app, "TAG-A", "ACCEPTED", Some("GROUP-1")).await;
    create_tag(&app, "TAG-B", "BLOCKED", None).await;
    create_tag(&app, "TAG-C", "ACCEPTED", None).await;

    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: FULL, idTags: [\"tag-a\", \"TAG-B\"]) { status listVersion } }",
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "SendLocalList");
    assert_eq!(
        payload,
        json!({"listVersion": 1, "updateType": "Full", "localAuthorizationList": [
            {"idTag": "TAG-A", "idTagInfo": {"status": "Accepted", "parentIdTag": "GROUP-1"}},
            {"idTag": "TAG-B", "idTagInfo": {"status": "Blocked"}},
        ]})
    );
    assert_eq!(
        data(&response)["sendLocalList"],
        json!({"status": "ACCEPTED", "listVersion": 1})
    );

    let (_, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: DIFFERENTIAL, idTags: [\"TAG-C\"], removeIdTags: [\"TAG-B\"]) { status listVersion } }",
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        payload,
        json!({"listVersion": 2, "updateType": "Differential", "localAuthorizationList": [
            {"idTag": "TAG-C", "idTagInfo": {"status": "Accepted"}},
            {"idTag": "TAG-B"},
        ]})
    );
    assert_eq!(data(&response)["sendLocalList"]["listVersion"], 2);

    // A mismatch changes nothing stored.
    let (_, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: DIFFERENTIAL, idTags: [], removeIdTags: [\"TAG-A\"], listVersion: 7) { status listVersion } }",
        json!({}),
        json!({"status": "VersionMismatch"}),
    )
    .await;
    assert_eq!(payload["listVersion"], 7);
    assert_eq!(
        data(&response)["sendLocalList"]["status"],
        "VERSION_MISMATCH"
    );
    let list = app
        .ok(
            &admin,
            "{ localAuthList(stationId: \"CP-LL\") { version entries { idTag status parentIdTag } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        list["localAuthList"],
        json!({"version": 2, "entries": [
            {"idTag": "TAG-A", "status": "ACCEPTED", "parentIdTag": "GROUP-1"},
            {"idTag": "TAG-C", "status": "ACCEPTED", "parentIdTag": null},
        ]})
    );

    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { getLocalListVersion(stationId: \"CP-LL\") { listVersion storedVersion } }",
        json!({}),
        json!({"listVersion": 2}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("GetLocalListVersion", json!({}))
    );
    assert_eq!(
        data(&response)["getLocalListVersion"],
        json!({"listVersion": 2, "storedVersion": 2})
    );

    // A full, empty list clears the station's list.
    let (_, payload, _) = through_station(
        &app,
        &mut cp,
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: FULL, idTags: []) { status } }",
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        payload,
        json!({"listVersion": 3, "updateType": "Full", "localAuthorizationList": []})
    );
    let list = app
        .ok(
            &admin,
            "{ localAuthList(stationId: \"CP-LL\") { version entries { idTag } } }",
            json!({}),
        )
        .await;
    assert_eq!(list["localAuthList"], json!({"version": 3, "entries": []}));

    // Refused before sending: unknown tag, duplicates, removals in a full list, version 0.
    for bad in [
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: FULL, idTags: [\"NOPE\"]) { status } }",
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: FULL, idTags: [\"TAG-A\", \"tag-a\"]) { status } }",
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: FULL, idTags: [], removeIdTags: [\"TAG-A\"]) { status } }",
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: DIFFERENTIAL, idTags: [\"TAG-A\"], removeIdTags: [\"TAG-A\"]) { status } }",
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: DIFFERENTIAL, idTags: []) { status } }",
        "mutation { sendLocalList(stationId: \"CP-LL\", updateType: FULL, idTags: [], listVersion: 0) { status } }",
    ] {
        let response = app.gql(Some(&admin), bad, json!({})).await;
        assert_eq!(code(&response), "BAD_USER_INPUT", "{bad}: {response}");
    }
    assert!(cp.silent_for(std::time::Duration::from_millis(100)).await);
    let none = app
        .ok(
            &admin,
            "{ localAuthList(stationId: \"CP-OTHER\") { version } }",
            json!({}),
        )
        .await;
    assert_eq!(none["localAuthList"], Value::Null);
    app.stop().await;
}
on_both_backends!(local_lists_are_sent_and_kept_with_their_version);

async fn reservations_are_used_cancelled_and_expired(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-RES").await;
    create_tag(&app, "RES-TAG", "ACCEPTED", Some("FLEET")).await;
    let mut ws = GqlWs::open(&app, &admin).await;
    ws.subscribe(
        "ev",
        "subscription { stationEvents(stationId: \"CP-RES\") { kind reservationId reservationState } }",
        json!({}),
    )
    .await;
    // Let the subscription register before anything happens (a heartbeat causes no event
    // of this subscription, so wait on a firmware status that it does receive).
    next_after!(ws, "ev", {
        cp.call("FirmwareStatusNotification", json!({"status": "Idle"}))
            .await;
    });

    let expiry = Utc::now() + ChronoDuration::hours(2);
    let reserve = "mutation($c: Int!, $e: DateTime!) { reserveNow(stationId: \"CP-RES\", connectorId: $c, idTag: \"RES-TAG\", expiryDate: $e) { status reservation { id connectorId idTag parentIdTag state stationStatus } } }";
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        reserve,
        json!({"c": 1, "e": iso(expiry)}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "ReserveNow");
    let reserved = &data(&response)["reserveNow"];
    let id = reserved["reservation"]["id"].as_i64().unwrap();
    assert_eq!(
        payload,
        json!({"connectorId": 1, "expiryDate": iso(expiry), "idTag": "RES-TAG", "parentIdTag": "FLEET", "reservationId": id})
    );
    assert_eq!(
        reserved,
        &json!({"status": "ACCEPTED", "reservation": {"id": id, "connectorId": 1, "idTag": "RES-TAG", "parentIdTag": "FLEET", "state": "ACTIVE", "stationStatus": "ACCEPTED"}})
    );
    // Skip FIRMWARE_STATUS events the registration loop caused; find the reservation's.
    loop {
        let event = ws.next("ev").await;
        if event["data"]["stationEvents"]["kind"] == "RESERVATION" {
            assert_eq!(
                event["data"]["stationEvents"],
                json!({"kind": "RESERVATION", "reservationId": id, "reservationState": "ACTIVE"})
            );
            break;
        }
    }

    // The transaction that uses it ends it.
    let started = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "RES-TAG", "meterStart": 0, "timestamp": iso(Utc::now()), "reservationId": id}),
        )
        .await;
    let tx = started["transactionId"].as_i64().unwrap();
    let event = ws.next("ev").await;
    assert_eq!(
        event["data"]["stationEvents"],
        json!({"kind": "RESERVATION", "reservationId": id, "reservationState": "USED"})
    );
    let listed = app
        .ok(
            &admin,
            "{ open: reservations(stationId: \"CP-RES\") { id } all: reservations(stationId: \"CP-RES\", includeEnded: true) { id state transactionId endedAt } }",
            json!({}),
        )
        .await;
    assert_eq!(listed["open"], json!([]));
    assert_eq!(listed["all"][0]["state"], "USED");
    assert_eq!(listed["all"][0]["transactionId"], tx);
    assert!(listed["all"][0]["endedAt"].is_string());

    // A refusal is kept with the station's answer.
    let (_, _, response) = through_station(
        &app,
        &mut cp,
        reserve,
        json!({"c": 1, "e": iso(expiry)}),
        json!({"status": "Occupied"}),
    )
    .await;
    assert_eq!(
        data(&response)["reserveNow"]["reservation"]["state"],
        "REFUSED"
    );
    assert_eq!(data(&response)["reserveNow"]["status"], "OCCUPIED");

    // Cancelled at the station.
    let (_, _, response) = through_station(
        &app,
        &mut cp,
        reserve,
        json!({"c": 0, "e": iso(expiry)}),
        json!({"status": "Accepted"}),
    )
    .await;
    let second = data(&response)["reserveNow"]["reservation"]["id"]
        .as_i64()
        .unwrap();
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation($r: Int!) { cancelReservation(reservationId: $r) { status reservation { state } } }",
        json!({"r": second}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "CancelReservation");
    assert_eq!(payload, json!({"reservationId": second}));
    assert_eq!(
        data(&response)["cancelReservation"],
        json!({"status": "ACCEPTED", "reservation": {"state": "CANCELLED"}})
    );

    // Expired: an active reservation past its expiry date is closed by the sweep.
    let soon = Utc::now() + ChronoDuration::milliseconds(300);
    let (_, _, response) = through_station(
        &app,
        &mut cp,
        reserve,
        json!({"c": 1, "e": iso(soon)}),
        json!({"status": "Accepted"}),
    )
    .await;
    let third = data(&response)["reserveNow"]["reservation"]["id"]
        .as_i64()
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(
        chargegate::use_case::reservation::expire(app.ctx())
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        chargegate::use_case::reservation::expire(app.ctx())
            .await
            .unwrap(),
        0
    );
    let listed = app
        .ok(
            &admin,
            "{ reservations(stationId: \"CP-RES\", includeEnded: true, limit: 1) { id state } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["reservations"],
        json!([{"id": third, "state": "EXPIRED"}])
    );

    // Refused before sending.
    for (vars, why) in [
        (json!({"c": -1, "e": iso(expiry)}), "negative connector"),
        (
            json!({"c": 1, "e": "2020-01-01T00:00:00Z"}),
            "expiry in the past",
        ),
    ] {
        let response = app.gql(Some(&admin), reserve, vars).await;
        assert_eq!(code(&response), "BAD_USER_INPUT", "{why}");
    }
    let missing = app
        .gql(
            Some(&admin),
            "mutation { cancelReservation(reservationId: 99999) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&missing), "NOT_FOUND");
    app.stop().await;
}
on_both_backends!(reservations_are_used_cancelled_and_expired);

#[chargegate_test]
async fn drivers_reserve_only_for_their_own_tags() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-DRV").await;
    app.ok(
        &app.admin(),
        "mutation { createIdTag(input: {idTag: \"MINE\", owner: \"driver-1\"}) { idTag } }",
        json!({}),
    )
    .await;
    create_tag(&app, "THEIRS", "ACCEPTED", None).await;
    let driver = app.token(chargegate::auth::Role::Driver, "driver-1", None);
    let expiry = iso(Utc::now() + ChronoDuration::hours(1));
    let query = "mutation($t: String!, $e: DateTime!) { reserveNow(stationId: \"CP-DRV\", connectorId: 1, idTag: $t, expiryDate: $e) { status reservation { id } } }";
    let theirs = app
        .gql(Some(&driver), query, json!({"t": "THEIRS", "e": expiry}))
        .await;
    assert_eq!(code(&theirs), "FORBIDDEN");
    let request = app.gql_spawned(&driver, query, json!({"t": "MINE", "e": expiry}));
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "ReserveNow");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    let response = request.await.unwrap();
    assert_eq!(data(&response)["reserveNow"]["status"], "ACCEPTED");
    // Drivers may not send charging profiles or list reservations.
    let listing = app
        .gql(
            Some(&driver),
            "{ reservations(stationId: \"CP-DRV\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&listing), "FORBIDDEN");
    app.stop().await;
}

fn profile(id: i32, purpose: &str, level: i32) -> Value {
    json!({
        "chargingProfileId": id,
        "stackLevel": level,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": "ABSOLUTE",
        "chargingSchedule": {
            "startSchedule": "2026-11-24T08:00:00.000Z",
            "chargingRateUnit": "A",
            "chargingSchedulePeriod": [
                {"startPeriod": 0, "limit": 16.0},
                {"startPeriod": 3600, "limit": 8.5, "numberPhases": 1},
            ],
        },
    })
}

async fn charging_profiles_are_validated_sent_and_tracked(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-SC").await;
    let set = "mutation($c: Int!, $p: ChargingProfileInput!) { setChargingProfile(stationId: \"CP-SC\", connectorId: $c, profile: $p) { status } }";

    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        set,
        json!({"c": 0, "p": profile(10, "TX_DEFAULT_PROFILE", 1)}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "SetChargingProfile");
    assert_eq!(
        payload,
        json!({"connectorId": 0, "csChargingProfiles": {
            "chargingProfileId": 10, "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile",
            "chargingProfileKind": "Absolute", "chargingSchedule": {
                "startSchedule": "2026-11-24T08:00:00.000Z", "chargingRateUnit": "A",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0},
                    {"startPeriod": 3600, "limit": 8.5, "numberPhases": 1}]}}})
    );
    assert_eq!(data(&response)["setChargingProfile"]["status"], "ACCEPTED");

    // A rejected profile is not stored; one with the same id replaces the first.
    let (_, _, response) = through_station(
        &app,
        &mut cp,
        set,
        json!({"c": 0, "p": profile(11, "CHARGE_POINT_MAX_PROFILE", 0)}),
        json!({"status": "Rejected"}),
    )
    .await;
    assert_eq!(data(&response)["setChargingProfile"]["status"], "REJECTED");
    through_station(
        &app,
        &mut cp,
        set,
        json!({"c": 1, "p": profile(10, "TX_DEFAULT_PROFILE", 2)}),
        json!({"status": "Accepted"}),
    )
    .await;
    let listed = app
        .ok(
            &admin,
            "{ installed: chargingProfiles(stationId: \"CP-SC\") { connectorId state profile { chargingProfileId stackLevel chargingSchedule { chargingRateUnit chargingSchedulePeriod { startPeriod limit numberPhases } } } } all: chargingProfiles(stationId: \"CP-SC\", includeEnded: true) { state } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["installed"],
        json!([{"connectorId": 1, "state": "INSTALLED", "profile": {"chargingProfileId": 10, "stackLevel": 2,
            "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [
                {"startPeriod": 0, "limit": 16.0, "numberPhases": null},
                {"startPeriod": 3600, "limit": 8.5, "numberPhases": 1}]}}}])
    );
    assert_eq!(
        listed["all"],
        json!([{"state": "INSTALLED"}, {"state": "REPLACED"}])
    );

    // Refused before sending, with the rule named.
    let mut bad_periods = profile(12, "TX_DEFAULT_PROFILE", 0);
    bad_periods["chargingSchedule"]["chargingSchedulePeriod"][0]["startPeriod"] = json!(60);
    let mut recurring = profile(13, "TX_DEFAULT_PROFILE", 0);
    recurring["chargingProfileKind"] = json!("RECURRING");
    let mut negative = profile(14, "TX_DEFAULT_PROFILE", -1);
    negative["stackLevel"] = json!(-1);
    for (connector, p, rule) in [
        (1, profile(12, "CHARGE_POINT_MAX_PROFILE", 0), "connectorId"),
        (0, profile(12, "TX_PROFILE", 0), "connectorId"),
        (0, bad_periods, "startPeriod"),
        (0, recurring, "recurrencyKind"),
        (0, negative, "stackLevel"),
    ] {
        let response = app
            .gql(Some(&admin), set, json!({"c": connector, "p": p}))
            .await;
        assert_eq!(code(&response), "BAD_USER_INPUT", "{rule}: {response}");
        let message = response["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(rule), "{rule}: {message}");
    }
    assert!(cp.silent_for(std::time::Duration::from_millis(100)).await);

    // Clearing by id.
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { clearChargingProfile(stationId: \"CP-SC\", id: 10) { status } }",
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("ClearChargingProfile", json!({"id": 10}))
    );
    assert_eq!(
        data(&response)["clearChargingProfile"]["status"],
        "ACCEPTED"
    );
    let (_, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { clearChargingProfile(stationId: \"CP-SC\", connectorId: 0, chargingProfilePurpose: TX_DEFAULT_PROFILE, stackLevel: 3) { status } }",
        json!({}),
        json!({"status": "Unknown"}),
    )
    .await;
    assert_eq!(
        payload,
        json!({"connectorId": 0, "chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 3})
    );
    assert_eq!(data(&response)["clearChargingProfile"]["status"], "UNKNOWN");
    let listed = app
        .ok(
            &admin,
            "{ chargingProfiles(stationId: \"CP-SC\", includeEnded: true) { state endedAt } }",
            json!({}),
        )
        .await;
    assert_eq!(listed["chargingProfiles"][0]["state"], "CLEARED");
    assert!(listed["chargingProfiles"][0]["endedAt"].is_string());

    // The composite schedule the station computes.
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { getCompositeSchedule(stationId: \"CP-SC\", connectorId: 1, duration: 3600, chargingRateUnit: W) { status connectorId scheduleStart chargingSchedule { duration chargingRateUnit chargingSchedulePeriod { startPeriod limit } } } }",
        json!({}),
        json!({"status": "Accepted", "connectorId": 1, "scheduleStart": "2026-11-24T10:00:00Z",
            "chargingSchedule": {"duration": 3600, "chargingRateUnit": "W",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000.0}]}}),
    )
    .await;
    assert_eq!(action, "GetCompositeSchedule");
    assert_eq!(
        payload,
        json!({"connectorId": 1, "duration": 3600, "chargingRateUnit": "W"})
    );
    assert_eq!(
        data(&response)["getCompositeSchedule"],
        json!({"status": "ACCEPTED", "connectorId": 1, "scheduleStart": "2026-11-24T10:00:00+00:00",
            "chargingSchedule": {"duration": 3600, "chargingRateUnit": "W",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000.0}]}})
    );

    // A remote start with a TxProfile: sent, stored, and ended with its transaction.
    create_tag(&app, "SC-TAG", "ACCEPTED", None).await;
    let mut tx_profile = profile(20, "TX_PROFILE", 0);
    tx_profile["chargingProfileKind"] = json!("RELATIVE");
    tx_profile["chargingSchedule"]
        .as_object_mut()
        .unwrap()
        .remove("startSchedule");
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation($p: ChargingProfileInput!) { remoteStartTransaction(stationId: \"CP-SC\", idTag: \"SC-TAG\", connectorId: 2, chargingProfile: $p) { status } }",
        json!({"p": tx_profile}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "RemoteStartTransaction");
    assert_eq!(
        payload["chargingProfile"]["chargingProfilePurpose"],
        "TxProfile"
    );
    assert_eq!(
        payload["chargingProfile"]["chargingProfileKind"],
        "Relative"
    );
    assert_eq!(
        data(&response)["remoteStartTransaction"]["status"],
        "ACCEPTED"
    );
    let started = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 2, "idTag": "SC-TAG", "meterStart": 0, "timestamp": iso(Utc::now())}),
        )
        .await;
    let installed = app
        .ok(
            &admin,
            "{ chargingProfiles(stationId: \"CP-SC\") { connectorId profile { chargingProfileId chargingProfilePurpose } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        installed["chargingProfiles"],
        json!([{"connectorId": 2, "profile": {"chargingProfileId": 20, "chargingProfilePurpose": "TX_PROFILE"}}])
    );
    cp.call(
        "StopTransaction",
        json!({"transactionId": started["transactionId"], "meterStop": 100, "timestamp": iso(Utc::now())}),
    )
    .await;
    let after = app
        .ok(
            &admin,
            "{ installed: chargingProfiles(stationId: \"CP-SC\") { id } all: chargingProfiles(stationId: \"CP-SC\", includeEnded: true, limit: 1) { state } }",
            json!({}),
        )
        .await;
    assert_eq!(after["installed"], json!([]));
    assert_eq!(after["all"], json!([{"state": "ENDED"}]));
    // A remote start's profile must be a TxProfile.
    let wrong = app
        .gql(
            Some(&admin),
            "mutation($p: ChargingProfileInput!) { remoteStartTransaction(stationId: \"CP-SC\", idTag: \"SC-TAG\", chargingProfile: $p) { status } }",
            json!({"p": profile(21, "TX_DEFAULT_PROFILE", 0)}),
        )
        .await;
    assert_eq!(code(&wrong), "BAD_USER_INPUT");
    app.stop().await;
}
on_both_backends!(charging_profiles_are_validated_sent_and_tracked);
