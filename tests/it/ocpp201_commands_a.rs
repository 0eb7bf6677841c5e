//! The local list and certificate mutations against a 2.0.1 station (the schema-validating
//! `Cp201`), on SQLite and PostgreSQL: SendLocalList and GetLocalListVersion with 36-character
//! id tokens and their types, the list stored as for 1.6; InstallCertificate, DeleteCertificate,
//! GetInstalledCertificateIds (chains mapped back), TriggerMessage for the whitepaper's
//! triggers, CertificateSigned by an operator and, with a CA, after SignCertificate, typed as
//! the CSR asked; the 2.0.1-only certificate kinds refused for a 1.6 station.

use std::time::Duration;

use chrono::Utc;
use serde_json::{Value, json};
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::ocpp201::{Cp201, TOKEN, accept_token, event};
use crate::on_both_backends;
use crate::security_ext::{a_certificate, ca, csr, csr_rows, der_blocks, sign_elsewhere};
use crate::support::{Backend, TestApp, eventually, spawn_on};

/// 36 characters: the longest 2.0.1 id token (1.6's end at 20).
const LONG: &str = "LONG-TOKEN-0123456789-ABCDEFGHIJKLMN";

async fn create_tag(app: &TestApp, tag: &str, status: &str, parent: Option<&str>) {
    app.ok(
        &app.admin(),
        "mutation($i: CreateIdTagInput!) { createIdTag(input: $i) { idTag } }",
        json!({"i": {"idTag": tag, "status": status, "parentIdTag": parent,
                     "expiryDate": (status == "ACCEPTED" && parent.is_some()).then_some("2099-01-01T00:00:00Z")}}),
    )
    .await;
}

/// Sends `query`, answers the server's CALL with `answer` (both checked against the schemas):
/// the action, its payload and the GraphQL response.
async fn through(
    app: &TestApp,
    cp: &mut Cp201,
    query: &str,
    answer: Value,
) -> (String, Value, Value) {
    let request = app.gql_spawned(&app.admin(), query, json!({}));
    let (action, payload) = cp.answer_server(answer).await;
    let response = request.await.unwrap();
    (action, payload, response)
}

async fn stored_list(app: &TestApp, station: &str) -> Value {
    app.ok(
        &app.admin(),
        "query($s: ID!) { localAuthList(stationId: $s) { version entries { idTag status expiryDate parentIdTag } } }",
        json!({"s": station}),
    )
    .await["localAuthList"]
        .clone()
}

async fn local_lists_reach_a_2_0_1_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    assert_eq!(LONG.len(), 36);
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-LL").await;
    accept_token(&app).await;
    create_tag(&app, LONG, "ACCEPTED", Some("FLEET-GROUP")).await;
    create_tag(&app, "BLOCKED-201", "BLOCKED", None).await;
    // TOKEN last came as a KeyCode: it goes on the list with that type; the others, never seen
    // in a 2.0.1 transaction, go as ISO14443 cards.
    let at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Started",
            0,
            "ll-1",
            &at,
            json!({"evse": {"id": 1, "connectorId": 1},
                   "idToken": {"idToken": TOKEN, "type": "KeyCode"}}),
        ),
    )
    .await;

    let (action, payload, response) = through(
        &app,
        &mut cp,
        &format!(
            r#"mutation {{ sendLocalList(stationId: "CP201-LL", updateType: FULL, idTags: ["{}", "{LONG}", "blocked-201"]) {{ status listVersion }} }}"#,
            TOKEN.to_lowercase()
        ),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "SendLocalList");
    assert_eq!(
        payload,
        json!({"versionNumber": 1, "updateType": "Full", "localAuthorizationList": [
            {"idToken": {"idToken": TOKEN, "type": "KeyCode"}, "idTokenInfo": {"status": "Accepted"}},
            {"idToken": {"idToken": LONG, "type": "ISO14443"}, "idTokenInfo": {
                "status": "Accepted", "cacheExpiryDateTime": "2099-01-01T00:00:00.000Z",
                "groupIdToken": {"idToken": "FLEET-GROUP", "type": "Central"}}},
            {"idToken": {"idToken": "BLOCKED-201", "type": "ISO14443"}, "idTokenInfo": {"status": "Blocked"}},
        ]})
    );
    assert_eq!(
        response["data"]["sendLocalList"],
        json!({"status": "ACCEPTED", "listVersion": 1}),
        "{response}"
    );
    let expiry = "2099-01-01T00:00:00+00:00";
    let first = json!({"version": 1, "entries": [
        {"idTag": TOKEN, "status": "ACCEPTED", "expiryDate": null, "parentIdTag": null},
        {"idTag": "BLOCKED-201", "status": "BLOCKED", "expiryDate": null, "parentIdTag": null},
        {"idTag": LONG, "status": "ACCEPTED", "expiryDate": expiry, "parentIdTag": "FLEET-GROUP"},
    ]});
    let mut sorted = stored_list(&app, "CP201-LL").await;
    sort_entries(&mut sorted);
    let mut expected = first.clone();
    sort_entries(&mut expected);
    assert_eq!(sorted, expected);

    // A differential update the station refuses changes nothing stored.
    let differential = r#"mutation { sendLocalList(stationId: "CP201-LL", updateType: DIFFERENTIAL, idTags: [], removeIdTags: ["BLOCKED-201"]) { status listVersion } }"#;
    let (_, payload, response) = through(
        &app,
        &mut cp,
        differential,
        json!({"status": "VersionMismatch"}),
    )
    .await;
    assert_eq!(
        payload,
        json!({"versionNumber": 2, "updateType": "Differential", "localAuthorizationList": [
            {"idToken": {"idToken": "BLOCKED-201", "type": "ISO14443"}},
        ]})
    );
    assert_eq!(
        response["data"]["sendLocalList"],
        json!({"status": "VERSION_MISMATCH", "listVersion": 2})
    );
    let (_, _, response) = through(&app, &mut cp, differential, json!({"status": "Failed"})).await;
    assert_eq!(response["data"]["sendLocalList"]["status"], "FAILED");
    let mut unchanged = stored_list(&app, "CP201-LL").await;
    sort_entries(&mut unchanged);
    assert_eq!(unchanged, expected);
    let (_, _, response) =
        through(&app, &mut cp, differential, json!({"status": "Accepted"})).await;
    assert_eq!(
        response["data"]["sendLocalList"],
        json!({"status": "ACCEPTED", "listVersion": 2})
    );
    let list = stored_list(&app, "CP201-LL").await;
    assert_eq!(list["version"], 2);
    let tags: Vec<&str> = list["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["idTag"].as_str().unwrap())
        .collect();
    assert_eq!(tags.len(), 2, "{list}");
    assert!(tags.contains(&TOKEN) && tags.contains(&LONG), "{list}");

    let (action, payload, response) = through(
        &app,
        &mut cp,
        r#"mutation { getLocalListVersion(stationId: "CP201-LL") { listVersion storedVersion } }"#,
        json!({"versionNumber": 2}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("GetLocalListVersion", json!({}))
    );
    assert_eq!(
        response["data"]["getLocalListVersion"],
        json!({"listVersion": 2, "storedVersion": 2})
    );

    // A full, empty list: 2.0.1 has no empty list, so none is sent; the station's is cleared.
    let (_, payload, response) = through(
        &app,
        &mut cp,
        r#"mutation { sendLocalList(stationId: "CP201-LL", updateType: FULL, idTags: []) { status listVersion } }"#,
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(payload, json!({"versionNumber": 3, "updateType": "Full"}));
    assert_eq!(response["data"]["sendLocalList"]["listVersion"], 3);
    assert_eq!(
        stored_list(&app, "CP201-LL").await,
        json!({"version": 3, "entries": []})
    );

    // Longer than a 2.0.1 id token: refused before anything is sent.
    let (code, message) = app
        .err(
            Some(&admin),
            &format!(
                r#"mutation {{ sendLocalList(stationId: "CP201-LL", updateType: FULL, idTags: ["{LONG}X"]) {{ status }} }}"#
            ),
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT", "{message}");
    assert!(cp.station.silent_for(Duration::from_millis(200)).await);
    app.stop().await;
}
on_both_backends!(local_lists_reach_a_2_0_1_station);

fn sort_entries(list: &mut Value) {
    list["entries"]
        .as_array_mut()
        .unwrap()
        .sort_by_key(|e| e["idTag"].as_str().unwrap().to_lowercase());
}

fn hash(serial: &str) -> Value {
    json!({"hashAlgorithm": "SHA256", "issuerNameHash": "aa11", "issuerKeyHash": "bb22",
           "serialNumber": serial})
}

async fn certificate_commands_reach_a_2_0_1_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = Cp201::booted(&app, "CP201-CERT").await;
    let root = a_certificate();
    let install = r#"mutation($t: CertificateUse!, $c: String!) { installCertificate(stationId: "CP201-CERT", certificateType: $t, certificate: $c) { status } }"#;
    for (kind, wire, answer, status) in [
        (
            "CENTRAL_SYSTEM_ROOT_CERTIFICATE",
            "CSMSRootCertificate",
            "Failed",
            "FAILED",
        ),
        (
            "MANUFACTURER_ROOT_CERTIFICATE",
            "ManufacturerRootCertificate",
            "Rejected",
            "REJECTED",
        ),
        (
            "V2G_ROOT_CERTIFICATE",
            "V2GRootCertificate",
            "Accepted",
            "ACCEPTED",
        ),
        (
            "MO_ROOT_CERTIFICATE",
            "MORootCertificate",
            "Accepted",
            "ACCEPTED",
        ),
    ] {
        let request = app.gql_spawned(&admin, install, json!({"t": kind, "c": root}));
        let (action, payload) = cp.answer_server(json!({"status": answer})).await;
        assert_eq!(action, "InstallCertificate");
        assert_eq!(
            payload,
            json!({"certificateType": wire, "certificate": root})
        );
        let response = request.await.unwrap();
        assert_eq!(
            response["data"]["installCertificate"]["status"], status,
            "{kind}: {response}"
        );
    }
    // A V2G chain comes with CertificateSigned, never InstallCertificate.
    let (code, _) = app
        .err(
            Some(&admin),
            install,
            json!({"t": "V2G_CERTIFICATE_CHAIN", "c": root}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(cp.station.silent_for(Duration::from_millis(200)).await);

    let (action, payload, response) = through(
        &app,
        &mut cp,
        r#"mutation { deleteCertificate(stationId: "CP201-CERT", certificateHashData: {hashAlgorithm: SHA384, issuerNameHash: "aa11", issuerKeyHash: "bb22", serialNumber: "0F"}) { status } }"#,
        json!({"status": "NotFound"}),
    )
    .await;
    assert_eq!(action, "DeleteCertificate");
    assert_eq!(
        payload,
        json!({"certificateHashData": {"hashAlgorithm": "SHA384", "issuerNameHash": "aa11",
               "issuerKeyHash": "bb22", "serialNumber": "0F"}})
    );
    assert_eq!(response["data"]["deleteCertificate"]["status"], "NOT_FOUND");

    let get = |kind: &str| {
        format!(
            r#"mutation {{ getInstalledCertificateIds(stationId: "CP201-CERT", certificateType: {kind}) {{
                status
                certificateHashData {{ hashAlgorithm issuerNameHash issuerKeyHash serialNumber }}
                certificateHashDataChain {{ certificateType
                  certificateHashData {{ serialNumber }} childCertificateHashData {{ serialNumber }} }} }} }}"#
        )
    };
    let (action, payload, response) = through(
        &app,
        &mut cp,
        &get("V2G_CERTIFICATE_CHAIN"),
        json!({"status": "Accepted", "certificateHashDataChain": [
            {"certificateType": "V2GCertificateChain", "certificateHashData": hash("01"),
             "childCertificateHashData": [hash("02"), hash("03")]},
        ]}),
    )
    .await;
    assert_eq!(action, "GetInstalledCertificateIds");
    assert_eq!(payload, json!({"certificateType": ["V2GCertificateChain"]}));
    assert_eq!(
        response["data"]["getInstalledCertificateIds"],
        json!({
            "status": "ACCEPTED",
            "certificateHashData": [{"hashAlgorithm": "SHA256", "issuerNameHash": "aa11",
                                     "issuerKeyHash": "bb22", "serialNumber": "01"}],
            "certificateHashDataChain": [{
                "certificateType": "V2G_CERTIFICATE_CHAIN",
                "certificateHashData": {"serialNumber": "01"},
                "childCertificateHashData": [{"serialNumber": "02"}, {"serialNumber": "03"}]
            }]
        }),
        "{response}"
    );
    let (_, payload, response) = through(
        &app,
        &mut cp,
        &get("CENTRAL_SYSTEM_ROOT_CERTIFICATE"),
        json!({"status": "NotFound"}),
    )
    .await;
    assert_eq!(payload, json!({"certificateType": ["CSMSRootCertificate"]}));
    assert_eq!(
        response["data"]["getInstalledCertificateIds"],
        json!({"status": "NOT_FOUND", "certificateHashData": [], "certificateHashDataChain": []})
    );

    // The whitepaper's triggers are 2.0.1's TriggerMessage.
    let (action, payload, response) = through(
        &app,
        &mut cp,
        r#"mutation { extendedTriggerMessage(stationId: "CP201-CERT", requestedMessage: SIGN_CHARGE_POINT_CERTIFICATE) { status } }"#,
        json!({"status": "NotImplemented"}),
    )
    .await;
    assert_eq!(action, "TriggerMessage");
    assert_eq!(
        payload,
        json!({"requestedMessage": "SignChargingStationCertificate"})
    );
    assert_eq!(
        response["data"]["extendedTriggerMessage"]["status"],
        "NOT_IMPLEMENTED"
    );
    let (_, payload, response) = through(
        &app,
        &mut cp,
        r#"mutation { extendedTriggerMessage(stationId: "CP201-CERT", requestedMessage: LOG_STATUS_NOTIFICATION, connectorId: 2) { status } }"#,
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        payload,
        json!({"requestedMessage": "LogStatusNotification", "evse": {"id": 2}})
    );
    assert_eq!(
        response["data"]["extendedTriggerMessage"]["status"],
        "ACCEPTED"
    );

    // An operator's certificate for the station's V2G CSR, sent with its type.
    let (pem, _) = csr("CP201-CERT", "Test CPO");
    let answer = cp
        .call(
            "SignCertificate",
            json!({"csr": pem, "certificateType": "V2GCertificate"}),
        )
        .await;
    assert_eq!(answer["status"], "Accepted");
    let (ca_pem, ca_key) = ca("elsewhere CA");
    let chain = sign_elsewhere(&pem, &ca_pem, ca_key);
    let request = app.gql_spawned(
        &admin,
        r#"mutation($c: String!) { certificateSigned(stationId: "CP201-CERT", certificateChain: $c, certificateType: V2G_CERTIFICATE) { status } }"#,
        json!({"c": chain}),
    );
    let (action, payload) = cp.answer_server(json!({"status": "Rejected"})).await;
    assert_eq!(action, "CertificateSigned");
    assert_eq!(
        payload,
        json!({"certificateChain": chain, "certificateType": "V2GCertificate"})
    );
    let response = request.await.unwrap();
    assert_eq!(
        response["data"]["certificateSigned"]["status"], "REJECTED",
        "{response}"
    );
    let rows = csr_rows(&app, "CP201-CERT").await;
    assert_eq!(rows["nodes"][0]["state"], "CERTIFICATE_REJECTED", "{rows}");
    assert_eq!(rows["nodes"][0]["stationStatus"], "REJECTED");

    // A 1.6 station has none of 2.0.1's certificate kinds: refused, nothing sent.
    let mut old = app.booted_station("CP16-CERT").await;
    for query in [
        format!(
            r#"mutation {{ installCertificate(stationId: "CP16-CERT", certificateType: V2G_ROOT_CERTIFICATE, certificate: {}) {{ status }} }}"#,
            json!(root)
        ),
        r#"mutation { getInstalledCertificateIds(stationId: "CP16-CERT", certificateType: MO_ROOT_CERTIFICATE) { status } }"#.into(),
        r#"mutation { getInstalledCertificateIds(stationId: "CP16-CERT", certificateType: V2G_CERTIFICATE_CHAIN) { status } }"#.into(),
        format!(
            r#"mutation {{ certificateSigned(stationId: "CP16-CERT", certificateChain: {}, certificateType: V2G_CERTIFICATE) {{ status }} }}"#,
            json!(chain)
        ),
    ] {
        let (code, message) = app.err(Some(&admin), &query, json!({})).await;
        assert_eq!(code, "UNSUPPORTED_BY_STATION", "{query}: {message}");
        assert!(message.contains("1.6"), "{message}");
    }
    assert!(old.silent_for(Duration::from_millis(200)).await);
    // Its flat answer is a chain of the kind asked for, with no children.
    let request = app.gql_spawned(
        &admin,
        r#"mutation { getInstalledCertificateIds(stationId: "CP16-CERT", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE) {
            status certificateHashDataChain { certificateType certificateHashData { serialNumber } childCertificateHashData { serialNumber } } } }"#,
        json!({}),
    );
    let (id, action, payload) = old.server_call().await;
    assert_eq!(action, "GetInstalledCertificateIds");
    assert_eq!(
        payload,
        json!({"certificateType": "CentralSystemRootCertificate"})
    );
    old.reply(
        &id,
        json!({"status": "Accepted", "certificateHashData": [hash("0A")]}),
    )
    .await;
    let response = request.await.unwrap();
    assert_eq!(
        response["data"]["getInstalledCertificateIds"],
        json!({"status": "ACCEPTED", "certificateHashDataChain": [{
            "certificateType": "CENTRAL_SYSTEM_ROOT_CERTIFICATE",
            "certificateHashData": {"serialNumber": "0A"},
            "childCertificateHashData": []
        }]})
    );
    app.stop().await;
}
on_both_backends!(certificate_commands_reach_a_2_0_1_station);

async fn a_2_0_1_station_gets_its_signed_certificate_as_2_0_1_sends_it(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, ca_key) = ca("chargegate 2.0.1 CA");
    let cert_path = dir.path().join("ca.pem");
    let key_path = dir.path().join("ca.key");
    std::fs::write(&cert_path, &ca_pem).unwrap();
    std::fs::write(&key_path, ca_key.serialize_pem()).unwrap();
    let Some(app) = spawn_on(backend, |s| {
        s.csr_ca_cert = Some(cert_path.clone());
        s.csr_ca_key = Some(key_path.clone());
    })
    .await
    else {
        return;
    };
    let mut cp = Cp201::booted(&app, "CP201-CA").await;
    for (n, kind) in [(1, Some("V2GCertificate")), (2, None)] {
        let (pem, station_key) = csr("CP201-CA", "Test CPO");
        let mut request = json!({"csr": pem});
        if let Some(kind) = kind {
            request["certificateType"] = json!(kind);
        }
        crate::ocpp201::valid("SignCertificateRequest", &request);
        let id = format!("sign-{n}");
        cp.station
            .send_text(&json!([2, id, "SignCertificate", request]).to_string())
            .await;
        // The answer comes first, then 2.0.1's CertificateSigned.
        let answer = cp.station.recv().await;
        assert_eq!(answer, json!([3, id, {"status": "Accepted"}]));
        let (action, payload) = cp.answer_server(json!({"status": "Accepted"})).await;
        assert_eq!(action, "CertificateSigned");
        assert_eq!(
            payload.get("certificateType").and_then(Value::as_str),
            kind,
            "the CSR's type: {payload}"
        );
        let chain = payload["certificateChain"].as_str().unwrap().to_owned();
        let blocks = der_blocks(&chain);
        assert_eq!(blocks.len(), 2, "the certificate and the CA's");
        let (_, leaf) = X509Certificate::from_der(&blocks[0]).unwrap();
        let (_, ca_cert) = X509Certificate::from_der(&blocks[1]).unwrap();
        leaf.verify_signature(Some(ca_cert.public_key()))
            .expect("the certificate verifies against the CA");
        assert_eq!(
            leaf.public_key().raw,
            rcgen::PublicKeyData::subject_public_key_info(&station_key).as_slice()
        );
        let row = eventually("the station's answer to be kept", || async {
            let rows = csr_rows(&app, "CP201-CA").await;
            (rows["nodes"][0]["state"] == "ACCEPTED"
                && rows["nodes"][0]["certificateChain"] == json!(chain))
            .then(|| rows["nodes"][0].clone())
        })
        .await;
        assert_eq!(row["signedBy"], "ca");
        assert_eq!(row["stationStatus"], "ACCEPTED");
    }
    app.stop().await;
}
on_both_backends!(a_2_0_1_station_gets_its_signed_certificate_as_2_0_1_sends_it);
