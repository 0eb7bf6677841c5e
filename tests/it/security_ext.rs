//! The Security Whitepaper's messages end to end: each station message over a real WebSocket,
//! stored, answered, listed in GraphQL and published to subscribers; certificate signing
//! requests kept for an operator or signed by a configured CA and sent in CertificateSigned;
//! each operator command through the station and back, its argument checks and the station's
//! invalid answers.

use std::time::Duration;

use chargegate::auth::Role;
use serde_json::{Value, json};
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::gql::{GqlWs, through_station};
use crate::next_after;
use crate::on_both_backends;
use crate::support::{Backend, TestApp, eventually, spawn, spawn_on};

/// A CSR of a fresh P-256 key with this CN and O.
pub(crate) fn csr(cn: &str, o: &str) -> (String, rcgen::KeyPair) {
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, cn);
    params
        .distinguished_name
        .push(rcgen::DnType::OrganizationName, o);
    let pem = params.serialize_request(&key).unwrap().pem().unwrap();
    (pem, key)
}

/// A CA: its certificate (PEM) and key.
pub(crate) fn ca(name: &str) -> (String, rcgen::KeyPair) {
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, name);
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::DigitalSignature,
    ];
    let cert = params.self_signed(&key).unwrap();
    (cert.pem(), key)
}

/// A leaf certificate for `csr_pem`, signed by the CA, as an operator's CA would.
pub(crate) fn sign_elsewhere(csr_pem: &str, ca_pem: &str, ca_key: rcgen::KeyPair) -> String {
    let issuer = rcgen::Issuer::from_ca_cert_pem(ca_pem, ca_key).unwrap();
    let request = rcgen::CertificateSigningRequestParams::from_pem(csr_pem).unwrap();
    let cert = request.signed_by(&issuer).unwrap();
    format!("{}{}", cert.pem(), ca_pem)
}

pub(crate) fn der_blocks(pem: &str) -> Vec<Vec<u8>> {
    x509_parser::pem::Pem::iter_from_buffer(pem.as_bytes())
        .map(|b| b.unwrap().contents)
        .collect()
}

const SELF_SIGNED: &str = "self-signed.example";

pub(crate) fn a_certificate() -> String {
    let key = rcgen::KeyPair::generate().unwrap();
    rcgen::CertificateParams::new(vec![SELF_SIGNED.to_owned()])
        .unwrap()
        .self_signed(&key)
        .unwrap()
        .pem()
}

async fn station_messages_are_stored_answered_and_listed(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-SEC").await;

    for (kind, at, info) in [
        ("StartupOfTheDevice", "2024-05-01T10:00:00Z", None),
        (
            "TamperDetectionActivated",
            "2024-05-01T10:05:00.250Z",
            Some("lid open"),
        ),
        ("VendorSpecificEvent", "2024-05-01T10:06:00Z", None),
    ] {
        let mut payload = json!({"type": kind, "timestamp": at});
        if let Some(info) = info {
            payload["techInfo"] = json!(info);
        }
        assert_eq!(
            cp.call("SecurityEventNotification", payload).await,
            json!({})
        );
    }
    // Sent again after a lost answer: answered, stored once.
    cp.call(
        "SecurityEventNotification",
        json!({"type": "TamperDetectionActivated", "timestamp": "2024-05-01T10:05:00.250Z", "techInfo": "lid open"}),
    )
    .await;

    let events = "query($s: ID!, $first: Int, $after: String) { securityEvents(stationId: $s, first: $first, after: $after) { totalCount nodes { stationId type timestamp techInfo receivedAt } pageInfo { hasNextPage endCursor } } }";
    let page = app
        .ok(&admin, events, json!({"s": "CP-SEC", "first": 2}))
        .await;
    let list = &page["securityEvents"];
    assert_eq!(list["totalCount"], 3);
    assert_eq!(list["nodes"][0]["type"], "VendorSpecificEvent");
    assert_eq!(list["nodes"][1]["type"], "TamperDetectionActivated");
    assert_eq!(list["nodes"][1]["techInfo"], "lid open");
    assert_eq!(
        list["nodes"][1]["timestamp"],
        "2024-05-01T10:05:00.250+00:00"
    );
    assert_eq!(list["pageInfo"]["hasNextPage"], true);
    let rest = app
        .ok(
            &admin,
            events,
            json!({"s": "CP-SEC", "first": 2, "after": list["pageInfo"]["endCursor"]}),
        )
        .await;
    assert_eq!(
        rest["securityEvents"]["nodes"],
        json!([{"stationId": "CP-SEC", "type": "StartupOfTheDevice", "timestamp": "2024-05-01T10:00:00+00:00", "techInfo": null, "receivedAt": rest["securityEvents"]["nodes"][0]["receivedAt"]}])
    );
    let by_type = app
        .ok(
            &admin,
            "{ securityEvents(stationId: \"CP-SEC\", type: \"StartupOfTheDevice\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(by_type["securityEvents"]["totalCount"], 1);

    // Log and signed firmware progress, with and without a request id.
    assert_eq!(
        cp.call(
            "LogStatusNotification",
            json!({"status": "Uploading", "requestId": 41})
        )
        .await,
        json!({})
    );
    cp.call(
        "LogStatusNotification",
        json!({"status": "Uploaded", "requestId": 41}),
    )
    .await;
    cp.call("LogStatusNotification", json!({"status": "Idle"}))
        .await;
    let logs = app
        .ok(
            &admin,
            "{ logStatusNotifications(stationId: \"CP-SEC\") { totalCount nodes { requestId status } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        logs["logStatusNotifications"],
        json!({"totalCount": 3, "nodes": [
            {"requestId": null, "status": "IDLE"},
            {"requestId": 41, "status": "UPLOADED"},
            {"requestId": 41, "status": "UPLOADING"},
        ]})
    );
    cp.call(
        "SignedFirmwareStatusNotification",
        json!({"status": "Downloading", "requestId": 5}),
    )
    .await;
    assert_eq!(
        cp.call(
            "SignedFirmwareStatusNotification",
            json!({"status": "InstallVerificationFailed", "requestId": 5})
        )
        .await,
        json!({})
    );
    let firmware = app
        .ok(
            &admin,
            "{ signedFirmwareStatus(stationId: \"CP-SEC\") { requestId status } signedFirmwareStatusNotifications(stationId: \"CP-SEC\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        firmware,
        json!({"signedFirmwareStatus": {"requestId": 5, "status": "INSTALL_VERIFICATION_FAILED"}, "signedFirmwareStatusNotifications": {"totalCount": 2}})
    );

    // Schema violations get the pinned CallErrors over the wire, and store nothing.
    for (action, payload, code) in [
        (
            "SecurityEventNotification",
            json!({"timestamp": "2024-05-01T10:00:00Z"}),
            "OccurenceConstraintViolation",
        ),
        (
            "SecurityEventNotification",
            json!({"type": "X".repeat(51), "timestamp": "2024-05-01T10:00:00Z"}),
            "PropertyConstraintViolation",
        ),
        (
            "SignCertificate",
            json!({"csr": 1}),
            "TypeConstraintViolation",
        ),
        (
            "SignCertificate",
            json!({"csr": "x".repeat(5501)}),
            "PropertyConstraintViolation",
        ),
        (
            "LogStatusNotification",
            json!({"status": "Finished"}),
            "PropertyConstraintViolation",
        ),
        (
            "SignedFirmwareStatusNotification",
            json!({"status": "Installed", "extra": true}),
            "FormationViolation",
        ),
    ] {
        let (got, _) = cp.call_error(action, payload).await;
        assert_eq!(got, code, "{action}");
    }
    let total = app
        .ok(
            &admin,
            "{ securityEvents(stationId: \"CP-SEC\") { totalCount } certificateSigningRequests(stationId: \"CP-SEC\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        total,
        json!({"securityEvents": {"totalCount": 3}, "certificateSigningRequests": {"totalCount": 0}})
    );
    app.stop().await;
}
on_both_backends!(station_messages_are_stored_answered_and_listed);

#[chargegate_test]
async fn security_events_and_status_are_published_live() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-LIVE").await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    ws.subscribe(
        "sec",
        "subscription { securityEvents(stationId: \"CP-LIVE\") { stationId type timestamp techInfo } }",
        json!({}),
    )
    .await;
    let mut second = 0;
    let event = next_after!(ws, "sec", {
        second += 1;
        cp.call(
            "SecurityEventNotification",
            json!({"type": "SettingSystemTime", "timestamp": format!("2024-05-01T10:00:{second:02}Z"), "techInfo": "ntp"}),
        )
        .await;
    });
    let event = &event["data"]["securityEvents"];
    assert_eq!(event["stationId"], "CP-LIVE");
    assert_eq!(event["type"], "SettingSystemTime");
    assert_eq!(event["techInfo"], "ntp");
    assert!(
        event["timestamp"]
            .as_str()
            .unwrap()
            .starts_with("2024-05-01T10:00:")
    );

    ws.subscribe(
        "status",
        "subscription { securityStatus(stationId: \"CP-LIVE\") { kind stationId requestId logStatus firmwareStatus csrState } }",
        json!({}),
    )
    .await;
    let log = next_after!(ws, "status", {
        cp.call(
            "LogStatusNotification",
            json!({"status": "UploadFailure", "requestId": 9}),
        )
        .await;
    });
    assert_eq!(
        log["data"]["securityStatus"],
        json!({"kind": "LOG_STATUS", "stationId": "CP-LIVE", "requestId": 9, "logStatus": "UPLOAD_FAILURE", "firmwareStatus": null, "csrState": null})
    );
    cp.call(
        "SignedFirmwareStatusNotification",
        json!({"status": "InvalidSignature", "requestId": 3}),
    )
    .await;
    // Further LogStatus events of the retries above may come first.
    let firmware = loop {
        let next = ws.next("status").await;
        if next["data"]["securityStatus"]["kind"] != "LOG_STATUS" {
            break next;
        }
    };
    assert_eq!(
        firmware["data"]["securityStatus"]["firmwareStatus"],
        "INVALID_SIGNATURE"
    );
    let (pem, _) = csr("CP-LIVE", "Test CPO");
    cp.call("SignCertificate", json!({"csr": pem})).await;
    let csr_event = ws.next("status").await;
    assert_eq!(
        (
            csr_event["data"]["securityStatus"]["kind"].clone(),
            csr_event["data"]["securityStatus"]["csrState"].clone()
        ),
        (json!("CERTIFICATE_SIGNING_REQUEST"), json!("PENDING"))
    );

    // Drivers do not see security events; a scoped token only its stations.
    let driver = app.token(Role::Driver, "d", None);
    let mut driver_ws = GqlWs::open(&app, &driver).await;
    driver_ws
        .subscribe("x", "subscription { securityEvents { type } }", json!({}))
        .await;
    let refused = driver_ws.next("x").await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{refused}"
    );
    let scoped = app.token(Role::Viewer, "v", Some(&["CP-OTHER"]));
    let mut scoped_ws = GqlWs::open(&app, &scoped).await;
    scoped_ws
        .subscribe(
            "y",
            "subscription { securityEvents(stationId: \"CP-LIVE\") { type } }",
            json!({}),
        )
        .await;
    let refused = scoped_ws.next("y").await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN");
    app.stop().await;
}

pub(crate) async fn csr_rows(app: &TestApp, station: &str) -> Value {
    app.ok(
        &app.admin(),
        "query($s: ID) { certificateSigningRequests(stationId: $s) { totalCount nodes { id stationId commonName organization state reason signedBy stationStatus certificateChain } } }",
        json!({"s": station}),
    )
    .await["certificateSigningRequests"]
        .clone()
}

#[chargegate_test]
async fn without_a_ca_an_operator_answers_the_signing_request() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut cp = app.booted_station("CP-CSR").await;

    // Garbage and requests the whitepaper's rules refuse are answered Rejected, and kept.
    for (payload, why) in [
        ("this is not a CSR".to_owned(), "no PEM block"),
        (
            "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"
                .to_owned(),
            "PKCS#10",
        ),
        (csr("SOMEONE-ELSE", "Test CPO").0, "neither"),
        (csr("192.168.0.10", "Test CPO").0, "IP address"),
    ] {
        let answer = cp.call("SignCertificate", json!({"csr": payload})).await;
        assert_eq!(answer, json!({"status": "Rejected"}), "{why}");
        let rows = csr_rows(&app, "CP-CSR").await;
        let reason = rows["nodes"][0]["reason"].as_str().unwrap_or_default();
        assert!(reason.contains(why), "{reason}");
        assert_eq!(rows["nodes"][0]["state"], "REJECTED");
    }
    assert!(
        cp.silent_for(Duration::from_millis(200)).await,
        "nothing is sent for a rejected request"
    );

    // A good one is Accepted and waits for an operator.
    let (pem, _key) = csr("CP-CSR", "Test CPO");
    let answer = cp.call("SignCertificate", json!({"csr": pem})).await;
    assert_eq!(answer, json!({"status": "Accepted"}));
    assert!(
        cp.silent_for(Duration::from_millis(200)).await,
        "without a CA nothing is sent"
    );
    let pending = app
        .ok(
            &admin,
            "{ certificateSigningRequests(state: PENDING) { totalCount nodes { id stationId csr commonName organization state } } }",
            json!({}),
        )
        .await["certificateSigningRequests"]
        .clone();
    assert_eq!(pending["totalCount"], 1);
    let request = &pending["nodes"][0];
    assert_eq!(
        (
            request["stationId"].clone(),
            request["commonName"].clone(),
            request["organization"].clone(),
            request["csr"].clone()
        ),
        (
            json!("CP-CSR"),
            json!("CP-CSR"),
            json!("Test CPO"),
            json!(pem)
        )
    );
    let request_id = request["id"].as_i64().unwrap();

    // A chain whose certificate carries another key is refused before anything is sent.
    let (ca_pem, ca_key) = ca("Operator CA");
    let (other_csr, _) = csr("CP-CSR", "Test CPO");
    let (ca2_pem, ca2_key) = ca("Operator CA");
    let wrong_chain = sign_elsewhere(&other_csr, &ca2_pem, ca2_key);
    let mutation = "mutation($s: ID!, $c: String!, $r: Int) { certificateSigned(stationId: $s, certificateChain: $c, requestId: $r) { status } }";
    let (code, message) = app
        .err(
            Some(&admin),
            mutation,
            json!({"s": "CP-CSR", "c": wrong_chain, "r": request_id}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("public key"), "{message}");
    let (code, _) = app
        .err(
            Some(&admin),
            mutation,
            json!({"s": "CP-CSR", "c": "not PEM", "r": request_id}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    let (code, _) = app
        .err(
            Some(&admin),
            mutation,
            json!({"s": "CP-CSR", "c": "x".repeat(10_001), "r": request_id}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    let (code, _) = app
        .err(
            Some(&admin),
            mutation,
            json!({"s": "CP-CSR", "c": a_certificate(), "r": 999_999}),
        )
        .await;
    assert_eq!(code, "NOT_FOUND");
    assert!(cp.silent_for(Duration::from_millis(200)).await);

    // The operator's chain reaches the station; its answer is kept on the request.
    let chain = sign_elsewhere(&pem, &ca_pem, ca_key);
    let (action, payload, response) = through_station(
        &app,
        &mut cp,
        mutation,
        json!({"s": "CP-CSR", "c": chain, "r": request_id}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "CertificateSigned");
    assert_eq!(payload, json!({"certificateChain": chain}));
    assert_eq!(
        response["data"],
        json!({"certificateSigned": {"status": "ACCEPTED"}}),
        "{response}"
    );
    let rows = csr_rows(&app, "CP-CSR").await;
    let row = &rows["nodes"][0];
    assert_eq!(row["state"], "ACCEPTED");
    assert_eq!(row["stationStatus"], "ACCEPTED");
    assert_eq!(row["signedBy"], "root");
    assert_eq!(row["certificateChain"], json!(chain));

    // A station that rejects the certificate: the request says so. Without requestId the
    // newest pending request is meant.
    let (pem2, _) = csr("CP-CSR", "Test CPO");
    cp.call("SignCertificate", json!({"csr": pem2})).await;
    let (ca3_pem, ca3_key) = ca("Operator CA 3");
    let chain2 = sign_elsewhere(&pem2, &ca3_pem, ca3_key);
    let (_, _, response) = through_station(
        &app,
        &mut cp,
        "mutation($c: String!) { certificateSigned(stationId: \"CP-CSR\", certificateChain: $c) { status } }",
        json!({"c": chain2}),
        json!({"status": "Rejected"}),
    )
    .await;
    assert_eq!(
        response["data"]["certificateSigned"]["status"], "REJECTED",
        "{response}"
    );
    let rows = csr_rows(&app, "CP-CSR").await;
    assert_eq!(rows["nodes"][0]["state"], "CERTIFICATE_REJECTED");
    assert_eq!(rows["totalCount"], 6);

    // A rejected request takes no certificate.
    let rejected_id = rows["nodes"][2]["id"].as_i64().unwrap();
    assert_eq!(rows["nodes"][2]["state"], "REJECTED");
    let (code, _) = app
        .err(
            Some(&admin),
            mutation,
            json!({"s": "CP-CSR", "c": a_certificate(), "r": rejected_id}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");

    // Viewers may list but not send.
    let viewer = app.token(Role::Viewer, "v", None);
    let (code, _) = app
        .err(
            Some(&viewer),
            mutation,
            json!({"s": "CP-CSR", "c": a_certificate(), "r": request_id}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    let seen = app
        .ok(
            &viewer,
            "{ certificateSigningRequests { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["certificateSigningRequests"]["totalCount"], 6);
    let elsewhere = app.token(Role::Viewer, "v", Some(&["CP-OTHER"]));
    let seen = app
        .ok(
            &elsewhere,
            "{ certificateSigningRequests { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["certificateSigningRequests"]["totalCount"], 0);
    app.stop().await;
}

#[chargegate_test]
async fn with_a_ca_chargegate_signs_and_sends_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, ca_key) = ca("chargegate test CA");
    let cert_path = dir.path().join("ca.pem");
    let key_path = dir.path().join("ca.key");
    std::fs::write(&cert_path, &ca_pem).unwrap();
    std::fs::write(&key_path, ca_key.serialize_pem()).unwrap();
    let app = spawn(|s| {
        s.csr_ca_cert = Some(cert_path.clone());
        s.csr_ca_key = Some(key_path.clone());
    })
    .await;
    let mut cp = app.station("CP-CA").await;
    cp.call(
        "BootNotification",
        json!({"chargePointVendor": "V", "chargePointModel": "M", "chargePointSerialNumber": "SN-0042"}),
    )
    .await;

    // The CN may be the serial number the station reported.
    let (pem, station_key) = csr("SN-0042", "Test CPO");
    cp.send_text(&json!([2, "sign-1", "SignCertificate", {"csr": pem}]).to_string())
        .await;
    // The answer comes first, then the CertificateSigned CALL.
    let answer = cp.recv().await;
    assert_eq!(answer, json!([3, "sign-1", {"status": "Accepted"}]));
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "CertificateSigned");
    let chain = payload["certificateChain"].as_str().unwrap().to_owned();
    let blocks = der_blocks(&chain);
    assert_eq!(blocks.len(), 2, "the certificate and the CA's: {chain}");
    let (_, leaf) = X509Certificate::from_der(&blocks[0]).unwrap();
    let (_, ca_cert) = X509Certificate::from_der(&blocks[1]).unwrap();
    assert_eq!(blocks[1], der_blocks(&ca_pem)[0]);
    leaf.verify_signature(Some(ca_cert.public_key()))
        .expect("the certificate verifies against the CA");
    assert_eq!(
        leaf.public_key().raw,
        rcgen::PublicKeyData::subject_public_key_info(&station_key).as_slice(),
        "the certificate carries the CSR's key"
    );
    let subject = leaf.subject();
    assert_eq!(
        subject.iter_common_name().next().unwrap().as_str().unwrap(),
        "SN-0042"
    );
    assert_eq!(
        subject
            .iter_organization()
            .next()
            .unwrap()
            .as_str()
            .unwrap(),
        "Test CPO"
    );
    assert_eq!(leaf.issuer(), ca_cert.subject());
    assert!(!leaf.is_ca());
    let validity = leaf.validity();
    let days = (validity.not_after.timestamp() - validity.not_before.timestamp()) / 86_400;
    assert_eq!(days, 365);
    assert!(leaf.validity().is_valid());
    cp.reply(&id, json!({"status": "Accepted"})).await;

    let row = eventually("the station's answer to be kept", || async {
        let rows = csr_rows(&app, "CP-CA").await;
        (rows["nodes"][0]["state"] == "ACCEPTED").then(|| rows["nodes"][0].clone())
    })
    .await;
    assert_eq!(row["signedBy"], "ca");
    assert_eq!(row["stationStatus"], "ACCEPTED");
    assert_eq!(row["certificateChain"], json!(chain));

    // A garbage CSR is still Rejected, and nothing is signed for it.
    let answer = cp.call("SignCertificate", json!({"csr": "garbage"})).await;
    assert_eq!(answer, json!({"status": "Rejected"}));
    assert!(cp.silent_for(Duration::from_millis(300)).await);
    app.stop().await;
}

#[chargegate_test]
async fn a_ca_whose_key_does_not_match_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let (ca_pem, _) = ca("one");
    let (_, other_key) = ca("two");
    let cert_path = dir.path().join("ca.pem");
    let key_path = dir.path().join("ca.key");
    std::fs::write(&cert_path, &ca_pem).unwrap();
    std::fs::write(&key_path, other_key.serialize_pem()).unwrap();
    let (db, url) = crate::support::TestDb::create(Backend::Sqlite)
        .await
        .unwrap();
    let mut settings = chargegate::Settings::with_database(url);
    settings.jwt_secret_file = Some(db.secret_file());
    settings.csr_ca_cert = Some(cert_path.clone());
    settings.csr_ca_key = Some(key_path);
    let error = chargegate::App::build(settings.clone())
        .await
        .err()
        .expect("refused");
    assert!(format!("{error:#}").contains("is not the key"), "{error:#}");
    settings.csr_ca_key = None;
    let error = chargegate::App::build(settings)
        .await
        .err()
        .expect("refused");
    assert!(format!("{error:#}").contains("go together"), "{error:#}");
}

async fn every_command_reaches_the_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-CMD").await;
    let root = a_certificate();
    let hash = json!({"hashAlgorithm": "SHA256", "issuerNameHash": "abc123", "issuerKeyHash": "def456", "serialNumber": "0A1B"});
    let cases: Vec<(&str, Value, Value, &str, Value, Value)> = vec![
        (
            "mutation($c: String!) { installCertificate(stationId: \"CP-CMD\", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE, certificate: $c) { status } }",
            json!({"c": root}),
            json!({"status": "Failed"}),
            "InstallCertificate",
            json!({"certificateType": "CentralSystemRootCertificate", "certificate": root}),
            json!({"installCertificate": {"status": "FAILED"}}),
        ),
        (
            "mutation { deleteCertificate(stationId: \"CP-CMD\", certificateHashData: {hashAlgorithm: SHA256, issuerNameHash: \"abc123\", issuerKeyHash: \"def456\", serialNumber: \"0A1B\"}) { status } }",
            json!({}),
            json!({"status": "NotFound"}),
            "DeleteCertificate",
            json!({"certificateHashData": hash}),
            json!({"deleteCertificate": {"status": "NOT_FOUND"}}),
        ),
        (
            "mutation { getInstalledCertificateIds(stationId: \"CP-CMD\", certificateType: MANUFACTURER_ROOT_CERTIFICATE) { status certificateHashData { hashAlgorithm issuerNameHash issuerKeyHash serialNumber } } }",
            json!({}),
            json!({"status": "Accepted", "certificateHashData": [hash]}),
            "GetInstalledCertificateIds",
            json!({"certificateType": "ManufacturerRootCertificate"}),
            json!({"getInstalledCertificateIds": {"status": "ACCEPTED", "certificateHashData": [{"hashAlgorithm": "SHA256", "issuerNameHash": "abc123", "issuerKeyHash": "def456", "serialNumber": "0A1B"}]}}),
        ),
        (
            "mutation { extendedTriggerMessage(stationId: \"CP-CMD\", requestedMessage: SIGN_CHARGE_POINT_CERTIFICATE) { status } }",
            json!({}),
            json!({"status": "Accepted"}),
            "ExtendedTriggerMessage",
            json!({"requestedMessage": "SignChargePointCertificate"}),
            json!({"extendedTriggerMessage": {"status": "ACCEPTED"}}),
        ),
        (
            "mutation { extendedTriggerMessage(stationId: \"CP-CMD\", requestedMessage: STATUS_NOTIFICATION, connectorId: 2) { status } }",
            json!({}),
            json!({"status": "NotImplemented"}),
            "ExtendedTriggerMessage",
            json!({"requestedMessage": "StatusNotification", "connectorId": 2}),
            json!({"extendedTriggerMessage": {"status": "NOT_IMPLEMENTED"}}),
        ),
        (
            "mutation { getLog(stationId: \"CP-CMD\", logType: SECURITY_LOG, requestId: 77, remoteLocation: \"ftp://logs.example.org/up\", oldestTimestamp: \"2024-05-01T00:00:00Z\", latestTimestamp: \"2024-05-02T00:00:00Z\", retries: 3, retryInterval: 60) { status filename requestId } }",
            json!({}),
            json!({"status": "AcceptedCanceled", "filename": "security.log"}),
            "GetLog",
            json!({"logType": "SecurityLog", "requestId": 77, "retries": 3, "retryInterval": 60, "log": {"remoteLocation": "ftp://logs.example.org/up", "oldestTimestamp": "2024-05-01T00:00:00.000Z", "latestTimestamp": "2024-05-02T00:00:00.000Z"}}),
            json!({"getLog": {"status": "ACCEPTED_CANCELED", "filename": "security.log", "requestId": 77}}),
        ),
        (
            "mutation($c: String!) { signedUpdateFirmware(stationId: \"CP-CMD\", requestId: 12, retries: 1, firmware: {location: \"https://fw.example.org/v2.bin\", retrieveDateTime: \"2024-06-01T02:00:00Z\", installDateTime: \"2024-06-01T03:00:00Z\", signingCertificate: $c, signature: \"c2lnbmF0dXJl\"}) { status requestId } }",
            json!({"c": root}),
            json!({"status": "InvalidCertificate"}),
            "SignedUpdateFirmware",
            json!({"retries": 1, "requestId": 12, "firmware": {"location": "https://fw.example.org/v2.bin", "retrieveDateTime": "2024-06-01T02:00:00.000Z", "installDateTime": "2024-06-01T03:00:00.000Z", "signingCertificate": root, "signature": "c2lnbmF0dXJl"}}),
            json!({"signedUpdateFirmware": {"status": "INVALID_CERTIFICATE", "requestId": 12}}),
        ),
    ];
    for (query, variables, answer, action, expected_call, expected_data) in cases {
        let (seen_action, seen_payload, response) =
            through_station(&app, &mut cp, query, variables, answer).await;
        assert_eq!(seen_action, action);
        assert_eq!(seen_payload, expected_call, "{action}");
        assert!(response.get("errors").is_none(), "{action}: {response}");
        assert_eq!(response["data"], expected_data, "{action}");
    }

    // Without requestId chargegate generates one; the station's notifications are matched to
    // the stored request by it.
    let (_, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation { getLog(stationId: \"CP-CMD\", logType: DIAGNOSTICS_LOG, remoteLocation: \"https://up.example.org/\") { status requestId } }",
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    let generated = response["data"]["getLog"]["requestId"].as_i64().unwrap();
    assert_eq!(payload["requestId"], json!(generated));
    assert_eq!(
        payload,
        json!({"logType": "DiagnosticsLog", "requestId": generated, "log": {"remoteLocation": "https://up.example.org/"}})
    );
    cp.call(
        "LogStatusNotification",
        json!({"status": "Uploading", "requestId": generated}),
    )
    .await;
    cp.call(
        "LogStatusNotification",
        json!({"status": "Uploaded", "requestId": generated}),
    )
    .await;
    let requests = app
        .ok(
            &admin,
            "{ logRequests(stationId: \"CP-CMD\") { totalCount nodes { requestId logType remoteLocation status filename requestedBy error statusNotifications { status } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        requests["logRequests"],
        json!({"totalCount": 2, "nodes": [
            {"requestId": generated, "logType": "DIAGNOSTICS_LOG", "remoteLocation": "https://up.example.org/", "status": "ACCEPTED", "filename": null, "requestedBy": "root", "error": null,
             "statusNotifications": [{"status": "UPLOADED"}, {"status": "UPLOADING"}]},
            {"requestId": 77, "logType": "SECURITY_LOG", "remoteLocation": "ftp://logs.example.org/up", "status": "ACCEPTED_CANCELED", "filename": "security.log", "requestedBy": "root", "error": null,
             "statusNotifications": []},
        ]})
    );

    let (_, payload, response) = through_station(
        &app,
        &mut cp,
        "mutation($c: String!) { signedUpdateFirmware(stationId: \"CP-CMD\", firmware: {location: \"https://fw.example.org/v3.bin\", retrieveDateTime: \"2024-06-01T02:00:00Z\", signingCertificate: $c, signature: \"c2ln\"}) { status requestId } }",
        json!({"c": root}),
        json!({"status": "Accepted"}),
    )
    .await;
    let generated = response["data"]["signedUpdateFirmware"]["requestId"]
        .as_i64()
        .unwrap();
    assert_eq!(payload["requestId"], json!(generated));
    assert_ne!(generated, 12);
    cp.call(
        "SignedFirmwareStatusNotification",
        json!({"status": "SignatureVerified", "requestId": generated}),
    )
    .await;
    let updates = app
        .ok(
            &admin,
            "{ signedFirmwareUpdates(stationId: \"CP-CMD\") { totalCount nodes { requestId location status installDateTime statusNotifications { status requestId } } } signedFirmwareStatus(stationId: \"CP-CMD\") { status requestId } }",
            json!({}),
        )
        .await;
    assert_eq!(
        updates,
        json!({
            "signedFirmwareUpdates": {"totalCount": 2, "nodes": [
                {"requestId": generated, "location": "https://fw.example.org/v3.bin", "status": "ACCEPTED", "installDateTime": null,
                 "statusNotifications": [{"status": "SIGNATURE_VERIFIED", "requestId": generated}]},
                {"requestId": 12, "location": "https://fw.example.org/v2.bin", "status": "INVALID_CERTIFICATE", "installDateTime": "2024-06-01T03:00:00+00:00",
                 "statusNotifications": []},
            ]},
            "signedFirmwareStatus": {"status": "SIGNATURE_VERIFIED", "requestId": generated},
        })
    );
    app.stop().await;
}
on_both_backends!(every_command_reaches_the_station);

#[chargegate_test]
async fn every_trigger_value_is_sent_as_spelled_in_the_whitepaper() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-TRIG").await;
    for (graphql, wire) in [
        ("BOOT_NOTIFICATION", "BootNotification"),
        ("LOG_STATUS_NOTIFICATION", "LogStatusNotification"),
        ("FIRMWARE_STATUS_NOTIFICATION", "FirmwareStatusNotification"),
        ("HEARTBEAT", "Heartbeat"),
        ("METER_VALUES", "MeterValues"),
        (
            "SIGN_CHARGE_POINT_CERTIFICATE",
            "SignChargePointCertificate",
        ),
        ("STATUS_NOTIFICATION", "StatusNotification"),
    ] {
        let query = format!(
            "mutation {{ extendedTriggerMessage(stationId: \"CP-TRIG\", requestedMessage: {graphql}, connectorId: 1) {{ status }} }}"
        );
        let (action, payload, response) = through_station(
            &app,
            &mut cp,
            &query,
            json!({}),
            json!({"status": "Rejected"}),
        )
        .await;
        assert_eq!(action, "ExtendedTriggerMessage");
        assert_eq!(payload, json!({"requestedMessage": wire, "connectorId": 1}));
        assert_eq!(
            response["data"]["extendedTriggerMessage"]["status"],
            "REJECTED"
        );
    }
    app.stop().await;
}

#[chargegate_test]
async fn bad_arguments_are_refused_before_anything_is_sent() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut cp = app.booted_station("CP-BAD").await;
    let root = a_certificate();
    let firmware = |location: &str, cert: &str, signature: &str| json!({"location": location, "retrieveDateTime": "2024-06-01T02:00:00Z", "signingCertificate": cert, "signature": signature});
    let update = "mutation($f: FirmwareInput!, $r: Int) { signedUpdateFirmware(stationId: \"CP-BAD\", firmware: $f, requestId: $r) { status } }";
    let get_log = "mutation($l: String!, $o: DateTime, $t: DateTime, $n: Int) { getLog(stationId: \"CP-BAD\", logType: SECURITY_LOG, remoteLocation: $l, oldestTimestamp: $o, latestTimestamp: $t, retries: $n) { status } }";
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "mutation { extendedTriggerMessage(stationId: \"CP-BAD\", requestedMessage: HEARTBEAT, connectorId: 0) { status } }",
            json!({}),
            "connectorId",
        ),
        (
            "mutation { extendedTriggerMessage(stationId: \"CP-BAD\", requestedMessage: DIAGNOSTICS_STATUS_NOTIFICATION) { status } }",
            json!({}),
            "DIAGNOSTICS_STATUS_NOTIFICATION",
        ),
        (
            "mutation($c: String!) { installCertificate(stationId: \"CP-BAD\", certificateType: MANUFACTURER_ROOT_CERTIFICATE, certificate: $c) { status } }",
            json!({"c": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}),
            "certificate",
        ),
        (
            "mutation($c: String!) { installCertificate(stationId: \"CP-BAD\", certificateType: MANUFACTURER_ROOT_CERTIFICATE, certificate: $c) { status } }",
            json!({"c": format!("{root}{root}")}),
            "exactly one",
        ),
        (
            "mutation($c: String!) { installCertificate(stationId: \"CP-BAD\", certificateType: MANUFACTURER_ROOT_CERTIFICATE, certificate: $c) { status } }",
            json!({"c": "c".repeat(5501)}),
            "certificate",
        ),
        (
            "mutation { deleteCertificate(stationId: \"CP-BAD\", certificateHashData: {hashAlgorithm: SHA256, issuerNameHash: \"a/b\", issuerKeyHash: \"x\", serialNumber: \"1\"}) { status } }",
            json!({}),
            "issuerNameHash",
        ),
        (
            "mutation($k: String!) { deleteCertificate(stationId: \"CP-BAD\", certificateHashData: {hashAlgorithm: SHA512, issuerNameHash: \"a\", issuerKeyHash: $k, serialNumber: \"1\"}) { status } }",
            json!({"k": "k".repeat(129)}),
            "issuerKeyHash",
        ),
        (
            "mutation($s: String!) { deleteCertificate(stationId: \"CP-BAD\", certificateHashData: {hashAlgorithm: SHA384, issuerNameHash: \"a\", issuerKeyHash: \"b\", serialNumber: $s}) { status } }",
            json!({"s": "1".repeat(41)}),
            "serialNumber",
        ),
        (get_log, json!({"l": ""}), "remoteLocation"),
        (get_log, json!({"l": "u".repeat(513)}), "remoteLocation"),
        (
            get_log,
            json!({"l": "ftp://x/", "o": "2024-05-02T00:00:00Z", "t": "2024-05-01T00:00:00Z"}),
            "oldestTimestamp",
        ),
        (get_log, json!({"l": "ftp://x/", "n": -1}), "retries"),
        (
            get_log,
            json!({"l": "ftp://x/", "o": "last tuesday"}),
            "DateTime",
        ),
        (
            update,
            json!({"f": firmware("https://fw/", &root, "not base64!")}),
            "signature",
        ),
        (
            update,
            json!({"f": firmware("https://fw/", "not a certificate", "c2ln")}),
            "signingCertificate",
        ),
        (
            update,
            json!({"f": firmware(&"l".repeat(513), &root, "c2ln")}),
            "location",
        ),
        (
            update,
            json!({"f": firmware("https://fw/", &root, &"A".repeat(804))}),
            "signature",
        ),
        (
            update,
            json!({"f": firmware("https://fw/", &root, "c2ln"), "r": -5}),
            "requestId",
        ),
    ];
    for (query, variables, what) in cases {
        let (code, message) = app.err(Some(&admin), query, variables.clone()).await;
        assert_eq!(code, "BAD_USER_INPUT", "{query} {variables}");
        assert!(message.contains(what), "{query}: {message}");
    }
    assert!(
        cp.silent_for(Duration::from_millis(200)).await,
        "nothing reached the station"
    );
    let stored = app
        .ok(
            &admin,
            "{ logRequests(stationId: \"CP-BAD\") { totalCount } signedFirmwareUpdates(stationId: \"CP-BAD\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        stored,
        json!({"logRequests": {"totalCount": 0}, "signedFirmwareUpdates": {"totalCount": 0}})
    );

    // Roles and scope: viewers and drivers may not send, a token for another station neither.
    for token in [
        app.token(Role::Viewer, "v", None),
        app.token(Role::Driver, "d", None),
        app.token(Role::Operator, "o", Some(&["CP-OTHER"])),
    ] {
        let (code, _) = app
            .err(
                Some(&token),
                "mutation { getInstalledCertificateIds(stationId: \"CP-BAD\", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE) { status } }",
                json!({}),
            )
            .await;
        assert_eq!(code, "FORBIDDEN");
    }
    let (code, _) = app
        .err(
            Some(&app.token(Role::Driver, "d", None)),
            "{ securityEvents(stationId: \"CP-BAD\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { getInstalledCertificateIds(stationId: \"NOBODY\", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "NOT_FOUND");
    app.stop().await;
}

#[chargegate_test]
async fn invalid_station_answers_are_station_errors() {
    let app = spawn(|s| {
        s.command_timeout = chargegate::config::HumanDuration(Duration::from_millis(500))
    })
    .await;
    let admin = app.admin();
    let mut cp = app.booted_station("CP-ODD").await;
    let cases: Vec<(&str, Value)> = vec![
        (
            "mutation { extendedTriggerMessage(stationId: \"CP-ODD\", requestedMessage: HEARTBEAT) { status } }",
            json!({"status": "Maybe"}),
        ),
        (
            "mutation { getInstalledCertificateIds(stationId: \"CP-ODD\", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE) { status } }",
            json!({"status": "Accepted", "certificateHashData": [{"hashAlgorithm": "MD5", "issuerNameHash": "a", "issuerKeyHash": "b", "serialNumber": "c"}]}),
        ),
        (
            "mutation { getInstalledCertificateIds(stationId: \"CP-ODD\", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE) { status } }",
            json!({"status": "Accepted", "certificateHashData": [{"hashAlgorithm": "SHA256", "issuerNameHash": "not an identifier", "issuerKeyHash": "b", "serialNumber": "c"}]}),
        ),
        (
            "mutation { getLog(stationId: \"CP-ODD\", logType: SECURITY_LOG, remoteLocation: \"ftp://x/\") { status } }",
            json!({"status": "Accepted", "filename": "f".repeat(256)}),
        ),
        (
            "mutation { getLog(stationId: \"CP-ODD\", logType: SECURITY_LOG, remoteLocation: \"ftp://x/\") { status } }",
            json!({"filename": "x"}),
        ),
    ];
    for (query, answer) in cases {
        let (_, _, response) =
            through_station(&app, &mut cp, query, json!({}), answer.clone()).await;
        let error = &response["errors"][0];
        assert_eq!(
            error["extensions"]["code"], "STATION_ERROR",
            "{answer}: {response}"
        );
        assert_eq!(error["extensions"]["ocppErrorCode"], "InvalidResponse");
    }
    // The failed GetLogs are kept, with why no answer came.
    let logs = app
        .ok(
            &admin,
            "{ logRequests(stationId: \"CP-ODD\") { nodes { status error } } }",
            json!({}),
        )
        .await;
    let nodes = logs["logRequests"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 2);
    for node in nodes {
        assert_eq!(node["status"], Value::Null);
        assert!(
            node["error"].as_str().unwrap().contains("not valid"),
            "{node}"
        );
    }

    // The station's CALLERROR comes back as such; a silent station times out.
    let request = app.gql_spawned(
        &admin,
        "mutation { installCertificate(stationId: \"CP-ODD\", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE, certificate: \"\"\"PLACEHOLDER\"\"\") { status } }"
            .replace("PLACEHOLDER", &a_certificate())
            .as_str(),
        json!({}),
    );
    let (id, _, _) = cp.server_call().await;
    cp.reply_error(&id, "NotSupported", "no certificates here")
        .await;
    let response = request.await.unwrap();
    assert_eq!(
        response["errors"][0]["extensions"]["ocppErrorCode"],
        "NotSupported"
    );
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { signedUpdateFirmware(stationId: \"CP-ODD\", firmware: {location: \"https://fw/\", retrieveDateTime: \"2024-06-01T02:00:00Z\", signingCertificate: \"\"\"PLACEHOLDER\"\"\", signature: \"c2ln\"}) { status } }"
                .replace("PLACEHOLDER", &a_certificate())
                .as_str(),
            json!({}),
        )
        .await;
    assert_eq!(code, "STATION_TIMEOUT");
    let _ = cp.server_call().await;
    let updates = app
        .ok(
            &admin,
            "{ signedFirmwareUpdates(stationId: \"CP-ODD\") { nodes { status error } } }",
            json!({}),
        )
        .await;
    assert!(
        updates["signedFirmwareUpdates"]["nodes"][0]["error"]
            .as_str()
            .unwrap()
            .contains("did not answer"),
        "{updates}"
    );
    app.stop().await;
}
