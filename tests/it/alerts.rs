//! Alerts end to end: rules set over GraphQL, real stations on the wire causing them, a real
//! local HTTP receiver (axum on port 0) checking each webhook's signature, a real local SMTP
//! listener (STARTTLS and implicit TLS with a self-signed certificate trusted through
//! `--alerts-extra-root-cert`); one test per rule kind; retries after 500, giving up, the
//! bounds, the outbox across a restart; and two nodes (PostgreSQL + Redis) delivering each alert
//! once, also when the delivering node is shut down mid-delivery.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::Duration,
};

use axum::{Router, extract::State, http::HeaderMap, http::StatusCode, routing::post};
use chargegate::{
    Settings,
    config::{ByteSize, HumanDuration},
};
use chrono::{SecondsFormat, Utc};
use hmac::{KeyInit, Mac};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};

use crate::{
    cluster::Cluster,
    gql::GqlWs,
    on_both_backends,
    support::{Backend, Station, TestApp, TestDb, eventually, spawn, spawn_on},
};

// ---------------------------------------------------------------------------------------------
// The webhook receiver.

/// One request the receiver got.
#[derive(Clone, Debug)]
pub struct Received {
    pub id: String,
    pub attempt: u32,
    pub body: Value,
    /// The signature checked out with the webhook's secret.
    pub signed: bool,
    /// What it was answered (0: held open, never answered).
    pub status: u16,
}

#[derive(Default)]
struct ReceiverState {
    secret: Mutex<String>,
    got: Mutex<Vec<Received>>,
    /// Answer 500 to this many requests first.
    fail_first: AtomicUsize,
    /// Answer 500 always (with a large body).
    always_fail: AtomicBool,
    /// Hold the next request open for ever.
    hold_next: AtomicBool,
}

/// A webhook receiver on a port of its own.
pub struct Receiver {
    pub url: String,
    state: Arc<ReceiverState>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn verify(secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    let timestamp = header("x-chargegate-timestamp");
    let Some(hex) = header("x-chargegate-signature").strip_prefix("sha256=") else {
        return false;
    };
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // A receiver would also reject old timestamps; the test only checks it is recent.
    let fresh = timestamp
        .parse::<i64>()
        .is_ok_and(|t| (Utc::now().timestamp() - t).abs() < 300);
    fresh && expected == hex
}

async fn hook(
    State(state): State<Arc<ReceiverState>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> (StatusCode, String) {
    let secret = state.secret.lock().unwrap().clone();
    let signed = verify(&secret, &headers, &body);
    let id = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let attempt = headers
        .get("x-chargegate-delivery-attempt")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut received = Received {
        id,
        attempt,
        body,
        signed,
        status: 0,
    };
    if state.hold_next.swap(false, Ordering::SeqCst) {
        state.got.lock().unwrap().push(received.clone());
        std::future::pending::<()>().await;
    }
    let failing = state.always_fail.load(Ordering::SeqCst)
        || state
            .fail_first
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
    received.status = if failing { 500 } else { 200 };
    state.got.lock().unwrap().push(received);
    if failing {
        (StatusCode::INTERNAL_SERVER_ERROR, "x".repeat(10_000))
    } else {
        (StatusCode::OK, "thanks".into())
    }
}

impl Receiver {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::on(listener)
    }

    fn on(listener: tokio::net::TcpListener) -> Self {
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let state = Arc::new(ReceiverState::default());
        let router = Router::new()
            .route("/hook", post(hook))
            .with_state(state.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        Self { url, state, task }
    }

    pub fn set_secret(&self, secret: &str) {
        *self.state.secret.lock().unwrap() = secret.to_owned();
    }

    pub fn got(&self) -> Vec<Received> {
        self.state.got.lock().unwrap().clone()
    }

    /// The requests answered 200.
    pub fn delivered(&self) -> Vec<Received> {
        self.got().into_iter().filter(|r| r.status == 200).collect()
    }

    /// Waits for a delivered alert of `kind` (and `matches`).
    pub async fn alert(&self, kind: &str, matches: impl Fn(&Value) -> bool) -> Received {
        eventually(&format!("a {kind} alert at the receiver"), || {
            let found = self
                .delivered()
                .into_iter()
                .find(|r| r.body["kind"] == kind && matches(&r.body));
            async move { found }
        })
        .await
    }
}

// ---------------------------------------------------------------------------------------------
// Set-up.

fn ms(n: u64) -> HumanDuration {
    HumanDuration(Duration::from_millis(n))
}

/// Rules evaluated every 100 ms, retries after 100 ms (at most 400 ms apart).
fn fast(s: &mut Settings) {
    s.alerts.evaluate_interval = ms(100);
    s.alerts.retry_base = ms(100);
    s.alerts.retry_max = ms(400);
    s.alerts.delivery_lease = ms(3000);
    s.alerts.request_timeout = ms(5000);
}

const CREATE_WEBHOOK: &str = "mutation($i: WebhookInput!) { createWebhook(input: $i) { webhook { id name url enabled } secret } }";
const CREATE_RULE: &str = "mutation($i: AlertRuleInput!) { createAlertRule(input: $i) { id kind minutes count days emailTo } }";
const ALERTS: &str = "query($s: ID) { alerts(stationId: $s, first: 200) { id kind ruleId stationId summary details createdAt deliveries { channel target state attempts lastError deliveredAt } } }";

/// A webhook to `receiver`, its secret given to the receiver.
async fn webhook(app: &TestApp, receiver: &Receiver) -> String {
    let data = app
        .ok(
            &app.admin(),
            CREATE_WEBHOOK,
            json!({"i": {"name": "receiver", "url": receiver.url}}),
        )
        .await;
    let secret = data["createWebhook"]["secret"].as_str().unwrap().to_owned();
    receiver.set_secret(&secret);
    data["createWebhook"]["webhook"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn rule(app: &TestApp, input: Value) -> Value {
    app.ok(&app.admin(), CREATE_RULE, json!({"i": input})).await["createAlertRule"].clone()
}

async fn alerts(app: &TestApp) -> Vec<Value> {
    app.ok(&app.admin(), ALERTS, json!({})).await["alerts"]
        .as_array()
        .unwrap()
        .clone()
}

/// A server with fast alerts, a receiver and a webhook to it, and one rule.
async fn with_rule(
    rule_input: Value,
    configure: impl FnOnce(&mut Settings),
) -> (TestApp, Receiver) {
    let app = spawn(|s| {
        fast(s);
        configure(s);
    })
    .await;
    let receiver = Receiver::start().await;
    webhook(&app, &receiver).await;
    rule(&app, rule_input).await;
    (app, receiver)
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

async fn status(cp: &mut Station, connector: i32, status: &str, error_code: &str) {
    cp.call(
        "StatusNotification",
        json!({"connectorId": connector, "status": status, "errorCode": error_code, "timestamp": now()}),
    )
    .await;
}

async fn tag(app: &TestApp, id: &str) {
    app.ok(
        &app.admin(),
        "mutation($t: String!) { createIdTag(input: {idTag: $t}) { idTag } }",
        json!({"t": id}),
    )
    .await;
}

/// Checks what every webhook request carries.
fn well_formed(r: &Received) {
    assert!(r.signed, "bad signature: {r:?}");
    assert_eq!(r.body["id"], r.id, "the Idempotency-Key is the alert id");
    assert_eq!(r.id.len(), 32);
    assert!(r.body["summary"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(r.body["createdAt"].is_string());
    assert!(r.body["ruleId"].is_number());
}

// ---------------------------------------------------------------------------------------------
// One test per rule kind.

#[chargegate_test]
async fn a_station_offline_for_longer_than_the_rule_allows_raises_one_alert() {
    let (app, receiver) = with_rule(
        json!({"name": "offline", "kind": "STATION_OFFLINE", "minutes": 0}),
        |_| {},
    )
    .await;
    // Online stations raise nothing; one that goes away does, one evaluation later.
    let _online = app.booted_station("CP-STAYS").await;
    let cp = app.booted_station("CP-GOES").await;
    drop(cp);
    let r = receiver.alert("station_offline", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["stationId"], "CP-GOES");
    assert_eq!(r.body["details"]["minutes"], 0);
    // Later rounds find the same quiet spell: no second alert, and none for the online one.
    let a = alerts(&app).await;
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0]["deliveries"][0]["state"], "DELIVERED");
    app.stop().await;
}

#[chargegate_test]
async fn a_faulted_connector_raises_an_alert_with_its_error_code() {
    let (app, receiver) = with_rule(
        json!({"name": "faults", "kind": "CONNECTOR_FAULTED"}),
        |_| {},
    )
    .await;
    let mut cp = app.booted_station("CP-F").await;
    status(&mut cp, 1, "Available", "NoError").await;
    status(&mut cp, 2, "Faulted", "GroundFailure").await;
    let r = receiver.alert("connector_faulted", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["stationId"], "CP-F");
    assert_eq!(r.body["details"]["connectorId"], 2);
    assert_eq!(r.body["details"]["errorCode"], "GroundFailure");
    assert_eq!(alerts(&app).await.len(), 1);
    app.stop().await;
}

#[chargegate_test]
async fn a_boot_without_a_reset_from_us_raises_an_alert_and_one_after_our_reset_does_not() {
    let (app, receiver) = with_rule(
        json!({"name": "reboots", "kind": "UNEXPECTED_BOOT"}),
        |_| {},
    )
    .await;
    let boot = json!({"chargePointVendor": "V", "chargePointModel": "M"});
    // The first boot: nobody asked for it.
    let mut cp = app.booted_station("CP-B").await;
    receiver.alert("unexpected_boot", |_| true).await;
    // We reset it: the boot that follows is expected.
    let request = app.gql_spawned(
        &app.admin(),
        "mutation { reset(stationId: \"CP-B\", type: SOFT) { status } }",
        json!({}),
    );
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "Reset");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    request.await.unwrap();
    assert_eq!(
        cp.call("BootNotification", boot.clone()).await["status"],
        "Accepted"
    );
    // And the next one, with no Reset before it, is not.
    assert_eq!(
        cp.call("BootNotification", boot).await["status"],
        "Accepted"
    );
    eventually("the second unexpected boot", || {
        let n = receiver.delivered().len();
        async move { (n >= 2).then_some(()) }
    })
    .await;
    // Events are handled in order: the boot after the Reset raised nothing.
    let got = receiver.delivered();
    assert_eq!(got.len(), 2, "{got:?}");
    for r in &got {
        well_formed(r);
        assert_eq!(r.body["kind"], "unexpected_boot");
    }
    assert!(
        got[1].body["details"]["lastResetSentAt"].is_null(),
        "the Reset was used up: {:?}",
        got[1].body
    );
    app.stop().await;
}

#[chargegate_test]
async fn repeated_refused_handshakes_of_one_station_raise_an_alert() {
    let (app, receiver) = with_rule(
        json!({"name": "refused", "kind": "HANDSHAKE_REFUSED", "count": 3, "minutes": 10}),
        |s| s.unknown_stations = chargegate::config::UnknownStationPolicy::Reject,
    )
    .await;
    for _ in 0..3 {
        let refused = Station::connect(&app.ws_url("/ocpp/CP-STRANGER"), Some("ocpp1.6")).await;
        assert!(refused.is_err());
    }
    // Another id refused only once stays below the count.
    assert!(
        Station::connect(&app.ws_url("/ocpp/CP-ONCE"), Some("ocpp1.6"))
            .await
            .is_err()
    );
    let r = receiver.alert("handshake_refused", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["stationId"], "CP-STRANGER");
    assert_eq!(r.body["details"]["refusals"], 3);
    assert_eq!(r.body["details"]["lastDetail"], "404 unknown charge point");
    let a = alerts(&app).await;
    assert_eq!(a.len(), 1, "one alert per station and window: {a:?}");
    app.stop().await;
}

#[chargegate_test]
async fn a_security_event_raises_an_alert() {
    let (app, receiver) = with_rule(
        json!({"name": "security", "kind": "SECURITY_EVENT", "stationId": "CP-S"}),
        |_| {},
    )
    .await;
    // A rule for one station: another station's event raises nothing.
    let mut other = app.booted_station("CP-OTHER").await;
    other
        .call(
            "SecurityEventNotification",
            json!({"type": "FirmwareUpdated", "timestamp": now()}),
        )
        .await;
    let mut cp = app.booted_station("CP-S").await;
    cp.call(
        "SecurityEventNotification",
        json!({"type": "TamperDetectionActivated", "timestamp": now(), "techInfo": "lid open"}),
    )
    .await;
    let r = receiver.alert("security_event", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["stationId"], "CP-S");
    assert_eq!(r.body["details"]["eventType"], "TamperDetectionActivated");
    assert_eq!(r.body["details"]["techInfo"], "lid open");
    assert_eq!(alerts(&app).await.len(), 1);
    app.stop().await;
}

#[chargegate_test]
async fn sessions_starting_and_stopping_raise_alerts() {
    let (app, receiver) = with_rule(
        json!({"name": "started", "kind": "SESSION_STARTED"}),
        |_| {},
    )
    .await;
    rule(&app, json!({"name": "stopped", "kind": "SESSION_STOPPED"})).await;
    tag(&app, "T-1").await;
    let mut cp = app.booted_station("CP-T").await;
    let started = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "T-1", "meterStart": 100, "timestamp": now()}),
        )
        .await;
    let tx = started["transactionId"].as_i64().unwrap();
    cp.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 2100, "timestamp": now(), "reason": "Local"}),
    )
    .await;
    let start = receiver.alert("session_started", |_| true).await;
    let stop = receiver.alert("session_stopped", |_| true).await;
    for r in [&start, &stop] {
        well_formed(r);
        assert_eq!(r.body["stationId"], "CP-T");
        assert_eq!(r.body["details"]["transactionId"], tx);
    }
    assert_eq!(start.body["details"]["idTag"], "T-1");
    assert_eq!(start.body["details"]["meterStart"], 100);
    assert_eq!(stop.body["details"]["meterStop"], 2100);
    assert_eq!(stop.body["details"]["reason"], "Local");
    assert_ne!(start.id, stop.id);
    app.stop().await;
}

#[chargegate_test]
async fn a_session_stopped_at_its_energy_budget_raises_an_alert() {
    let (app, receiver) =
        with_rule(json!({"name": "budget", "kind": "BUDGET_REACHED"}), |_| {}).await;
    tag(&app, "B-1").await;
    app.ok(
        &app.admin(),
        "mutation { setIdTagBudget(idTag: \"B-1\", budget: {limitWh: 1000.0, period: WEEK}) { idTag } }",
        json!({}),
    )
    .await;
    let mut cp = app.booted_station("CP-BUD").await;
    let started = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "B-1", "meterStart": 0, "timestamp": now()}),
        )
        .await;
    let tx = started["transactionId"].as_i64().unwrap();
    cp.call(
        "MeterValues",
        json!({"connectorId": 1, "transactionId": tx, "meterValue": [{"timestamp": now(),
            "sampledValue": [{"value": "1000", "unit": "Wh", "measurand": "Energy.Active.Import.Register"}]}]}),
    )
    .await;
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "RemoteStopTransaction");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    let r = receiver.alert("budget_reached", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["stationId"], "CP-BUD");
    assert_eq!(r.body["details"]["transactionId"], tx);
    app.stop().await;
}

#[chargegate_test]
async fn a_certificate_about_to_expire_raises_an_alert() {
    let dir = tempfile::tempdir().unwrap();
    // chargegate's own TLS certificate ends in 5 days.
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(vec!["127.0.0.1".into()]).unwrap();
    let end = Utc::now() + chrono::Duration::days(5);
    let end_date = end.date_naive();
    use chrono::Datelike;
    params.not_after = rcgen::date_time_ymd(
        end_date.year(),
        u8::try_from(end_date.month()).unwrap(),
        u8::try_from(end_date.day()).unwrap(),
    );
    let cert = params.self_signed(&key).unwrap();
    std::fs::write(dir.path().join("server.pem"), cert.pem()).unwrap();
    std::fs::write(dir.path().join("server.key"), key.serialize_pem()).unwrap();
    let path = dir.path().to_owned();
    let (app, receiver) = with_rule(
        json!({"name": "certificates", "kind": "CERTIFICATE_EXPIRING", "days": 30}),
        move |s| {
            s.tls_listen = Some("127.0.0.1:0".parse().unwrap());
            s.tls_cert = Some(path.join("server.pem"));
            s.tls_key = Some(path.join("server.key"));
        },
    )
    .await;
    let r = receiver.alert("certificate_expiring", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["details"]["certificate"], "csms");
    assert_eq!(r.body["details"]["days"], 30);
    assert!(r.body["stationId"].is_null());
    // Evaluated again and again: still one alert for the one certificate.
    assert_eq!(alerts(&app).await.len(), 1);
    // A rule with fewer days than are left raises nothing.
    let rules = app
        .ok(&app.admin(), "{ alertRules { id kind days } }", json!({}))
        .await;
    assert_eq!(rules["alertRules"][0]["days"], 30);
    app.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Delivery: retries, giving up, bounds, restarts.

async fn retried_after_500(backend: Backend) {
    let Some(app) = spawn_on(backend, fast).await else {
        return;
    };
    let receiver = Receiver::start().await;
    receiver.state.fail_first.store(2, Ordering::SeqCst);
    webhook(&app, &receiver).await;
    rule(&app, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    let mut cp = app.booted_station("CP-R").await;
    status(&mut cp, 1, "Faulted", "PowerMeterFailure").await;
    let r = receiver.alert("connector_faulted", |_| true).await;
    well_formed(&r);
    let got = receiver.got();
    assert_eq!(
        got.iter()
            .map(|g| (g.id.as_str(), g.attempt, g.status))
            .collect::<Vec<_>>(),
        vec![
            (r.id.as_str(), 1, 500),
            (r.id.as_str(), 2, 500),
            (r.id.as_str(), 3, 200)
        ]
    );
    let a = eventually("the delivery recorded", || {
        let app = &app;
        async move {
            let a = alerts(app).await;
            (a[0]["deliveries"][0]["state"] == "DELIVERED").then_some(a)
        }
    })
    .await;
    assert_eq!(a[0]["deliveries"][0]["attempts"], 3);
    assert_eq!(a[0]["deliveries"][0]["channel"], "WEBHOOK");
    // Retention (30 days): a delivered alert goes once it is older.
    let later = Utc::now() + chrono::Duration::days(31);
    assert_eq!(
        chargegate::use_case::alert::prune(app.ctx(), Utc::now())
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        chargegate::use_case::alert::prune(app.ctx(), later)
            .await
            .unwrap(),
        1
    );
    assert_eq!(alerts(&app).await, Vec::<Value>::new());
    app.stop().await;
}
on_both_backends!(retried_after_500);

#[chargegate_test]
async fn a_delivery_is_given_up_after_its_last_attempt_and_stays_visible() {
    let app = spawn(|s| {
        fast(s);
        s.alerts.delivery_attempts = 3;
        // Bound: the answer's first 64 bytes are read and kept.
        s.alerts.response_bytes = ByteSize(64);
    })
    .await;
    let receiver = Receiver::start().await;
    receiver.state.always_fail.store(true, Ordering::SeqCst);
    webhook(&app, &receiver).await;
    rule(&app, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    let mut cp = app.booted_station("CP-G").await;
    status(&mut cp, 1, "Faulted", "OtherError").await;
    let a = eventually("the delivery given up", || {
        let app = &app;
        async move {
            let a = alerts(app).await;
            (a.first()?["deliveries"][0]["state"] == "FAILED").then_some(a)
        }
    })
    .await;
    let d = &a[0]["deliveries"][0];
    assert_eq!(d["attempts"], 3);
    assert_eq!(
        d["lastError"].as_str().unwrap(),
        format!("HTTP 500: {}", "x".repeat(64))
    );
    assert_eq!(receiver.got().len(), 3);
    app.stop().await;
}

#[chargegate_test]
async fn a_receiver_that_never_answers_times_out_and_is_retried() {
    let app = spawn(|s| {
        fast(s);
        s.alerts.request_timeout = ms(300);
    })
    .await;
    let receiver = Receiver::start().await;
    receiver.state.hold_next.store(true, Ordering::SeqCst);
    webhook(&app, &receiver).await;
    rule(&app, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    let mut cp = app.booted_station("CP-H").await;
    status(&mut cp, 1, "Faulted", "OtherError").await;
    let r = receiver.alert("connector_faulted", |_| true).await;
    let got = receiver.got();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].id.as_str(), got[0].status), (r.id.as_str(), 0));
    assert_eq!((got[1].attempt, got[1].status), (2, 200));
    app.stop().await;
}

#[chargegate_test]
async fn rules_webhooks_and_the_outbox_have_bounds() {
    let app = spawn(|s| {
        fast(s);
        s.alerts.max_rules = 2;
        s.alerts.max_webhooks = 2;
        s.alerts.max_pending = 1;
    })
    .await;
    // Two webhooks to a receiver that never answers: the second delivery of an alert finds the
    // outbox full.
    let receiver = Receiver::start().await;
    receiver.state.always_fail.store(true, Ordering::SeqCst);
    webhook(&app, &receiver).await;
    webhook(&app, &receiver).await;
    let (code, message) = app
        .err(
            Some(&app.admin()),
            CREATE_WEBHOOK,
            json!({"i": {"name": "third", "url": receiver.url}}),
        )
        .await;
    assert_eq!(code, "LIMIT_EXCEEDED", "{message}");
    rule(&app, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    rule(&app, json!({"name": "security", "kind": "SECURITY_EVENT"})).await;
    let (code, _) = app
        .err(
            Some(&app.admin()),
            CREATE_RULE,
            json!({"i": {"name": "third", "kind": "SESSION_STARTED"}}),
        )
        .await;
    assert_eq!(code, "LIMIT_EXCEEDED");
    let mut cp = app.booted_station("CP-BOUND").await;
    status(&mut cp, 1, "Faulted", "OtherError").await;
    let a = eventually("the alert", || {
        let app = &app;
        async move {
            let a = alerts(app).await;
            (!a.is_empty()).then_some(a)
        }
    })
    .await;
    let mut states: Vec<(String, Option<String>)> = a[0]["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["state"].as_str().unwrap().to_owned(),
                d["lastError"].as_str().map(str::to_owned),
            )
        })
        .collect();
    states.sort();
    assert_eq!(states.len(), 2);
    assert_eq!(
        states[0],
        (
            "FAILED".into(),
            Some("outbox full (--alerts-max-pending): not sent".into())
        )
    );
    assert_eq!(states[1].0, "PENDING");
    // An alert with a delivery still pending outlives the retention.
    let later = Utc::now() + chrono::Duration::days(31);
    assert_eq!(
        chargegate::use_case::alert::prune(app.ctx(), later)
            .await
            .unwrap(),
        0
    );
    app.stop().await;
}

#[chargegate_test]
async fn rules_and_webhooks_are_checked_and_kept_from_the_wrong_roles() {
    let app = spawn(fast).await;
    let operator = app.token(chargegate::auth::Role::Operator, "op", None);
    let viewer = app.token(chargegate::auth::Role::Viewer, "vi", None);
    let scoped = app.token(chargegate::auth::Role::Operator, "op2", Some(&["CP-1"]));
    let hook = json!({"i": {"name": "h", "url": "http://127.0.0.1:9/hook"}});
    let (code, _) = app.err(Some(&operator), CREATE_WEBHOOK, hook.clone()).await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = app
        .err(Some(&operator), "{ webhooks { id } }", json!({}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    let offline = json!({"i": {"name": "r", "kind": "STATION_OFFLINE", "minutes": 5}});
    let (code, _) = app.err(Some(&viewer), CREATE_RULE, offline.clone()).await;
    assert_eq!(code, "FORBIDDEN");
    let (code, _) = app.err(Some(&scoped), CREATE_RULE, offline.clone()).await;
    assert_eq!(code, "FORBIDDEN");
    let created = app.ok(&operator, CREATE_RULE, offline).await;
    assert_eq!(created["createAlertRule"]["minutes"], 5);
    // Viewers read alerts.
    assert_eq!(
        app.ok(&viewer, ALERTS, json!({})).await["alerts"],
        json!([])
    );
    for (input, what) in [
        (json!({"name": "", "kind": "SECURITY_EVENT"}), "empty name"),
        (
            json!({"name": "r", "kind": "STATION_OFFLINE"}),
            "no minutes",
        ),
        (
            json!({"name": "r", "kind": "HANDSHAKE_REFUSED", "count": 0}),
            "count 0",
        ),
        (
            json!({"name": "r", "kind": "SECURITY_EVENT", "emailTo": ["not an address"]}),
            "bad address",
        ),
        (
            json!({"name": "r", "kind": "SECURITY_EVENT", "stationId": "a/b"}),
            "bad station",
        ),
    ] {
        let (code, _) = app
            .err(Some(&operator), CREATE_RULE, json!({"i": input}))
            .await;
        assert_eq!(code, "BAD_USER_INPUT", "{what}");
    }
    let (code, _) = app
        .err(
            Some(&app.admin()),
            CREATE_WEBHOOK,
            json!({"i": {"name": "h", "url": "file:///etc/passwd"}}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    let id = created["createAlertRule"]["id"].as_str().unwrap();
    let updated = app
        .ok(
            &operator,
            "mutation($id: ID!) { updateAlertRule(id: $id, input: {name: \"r2\", kind: STATION_OFFLINE, minutes: 7, enabled: false}) { name minutes } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(
        updated["updateAlertRule"],
        json!({"name": "r2", "minutes": 7})
    );
    let deleted = app
        .ok(
            &operator,
            "mutation($id: ID!) { deleteAlertRule(id: $id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(deleted["deleteAlertRule"], true);
    let (code, _) = app
        .err(
            Some(&operator),
            "mutation($id: ID!) { deleteAlertRule(id: $id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code, "NOT_FOUND");
    app.stop().await;
}

#[chargegate_test]
async fn an_alert_waiting_for_its_receiver_is_delivered_after_a_restart() {
    let (db, url) = TestDb::create(Backend::Sqlite).await.unwrap();
    let db = Arc::new(db);
    let settings = || {
        let mut s = Settings::with_database(url.clone());
        s.jwt_secret_file = Some(db.secret_file());
        fast(&mut s);
        s
    };
    // The receiver's address, with nothing listening there yet.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let app = chargegate::App::build(settings()).await.unwrap();
    let first = TestApp {
        addr: app.addr(),
        app,
        db: db.clone(),
    };
    let data = first
        .ok(
            &first.admin(),
            CREATE_WEBHOOK,
            json!({"i": {"name": "later", "url": format!("http://127.0.0.1:{port}/hook")}}),
        )
        .await;
    let secret = data["createWebhook"]["secret"].as_str().unwrap().to_owned();
    rule(
        &first,
        json!({"name": "faults", "kind": "CONNECTOR_FAULTED"}),
    )
    .await;
    let mut cp = first.booted_station("CP-RESTART").await;
    status(&mut cp, 1, "Faulted", "OtherError").await;
    eventually("a failed attempt", || {
        let first = &first;
        async move {
            let a = alerts(first).await;
            let d = &a.first()?["deliveries"][0];
            (d["attempts"].as_i64()? >= 1 && d["state"] == "PENDING").then_some(())
        }
    })
    .await;
    drop(cp);
    first.stop().await;
    // The receiver comes up; the server starts again on the same database.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let receiver = Receiver::on(listener);
    receiver.set_secret(&secret);
    let app = chargegate::App::build(settings()).await.unwrap();
    let second = TestApp {
        addr: app.addr(),
        app,
        db,
    };
    let r = receiver.alert("connector_faulted", |_| true).await;
    well_formed(&r);
    assert_eq!(r.body["stationId"], "CP-RESTART");
    assert!(r.attempt >= 2, "{r:?}");
    second.stop().await;
}

#[chargegate_test]
async fn the_alerts_subscription_shows_alerts_as_they_are_raised() {
    let app = spawn(fast).await;
    rule(&app, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    let mut ws = GqlWs::open(&app, &app.token(chargegate::auth::Role::Viewer, "v", None)).await;
    ws.subscribe(
        "a",
        "subscription { alerts { id kind stationId summary details deliveries { state } } }",
        json!({}),
    )
    .await;
    // The subscription is set up before the fault is reported.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut cp = app.booted_station("CP-SUB").await;
    status(&mut cp, 3, "Faulted", "HighTemperature").await;
    let next = ws.next("a").await;
    let alert = &next["data"]["alerts"];
    assert_eq!(alert["kind"], "CONNECTOR_FAULTED", "{next}");
    assert_eq!(alert["stationId"], "CP-SUB");
    let details: Value = serde_json::from_str(alert["details"].as_str().unwrap()).unwrap();
    assert_eq!(details["errorCode"], "HighTemperature");
    // The same alert as the query answers.
    let a = alerts(&app).await;
    assert_eq!(a[0]["id"], alert["id"]);
    app.stop().await;
}

// ---------------------------------------------------------------------------------------------
// E-mail.

/// One message the SMTP listener took.
#[derive(Clone, Debug, Default)]
struct Mail {
    from: String,
    to: Vec<String>,
    data: String,
    /// The AUTH PLAIN credentials, decoded.
    auth: Option<String>,
    /// Whether the message came over TLS.
    tls: bool,
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// A small SMTP server (EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) on port 0, with a
/// self-signed certificate for `localhost`; `implicit`: TLS from the first byte. Returns its
/// port, the PEM of its certificate, and the messages it took.
async fn smtp_listener(implicit: bool) -> (u16, String, Arc<Mutex<Vec<Mail>>>) {
    use tokio_rustls::rustls::{ServerConfig, crypto::ring::default_provider};
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let pem = cert.cert.pem();
    let key = rustls_pki_types::PrivateKeyDer::try_from(cert.signing_key.serialize_der()).unwrap();
    let config = ServerConfig::builder_with_provider(Arc::new(default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert.cert.der().clone()], key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mails = Arc::new(Mutex::new(Vec::new()));
    let kept = mails.clone();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let (acceptor, mails) = (acceptor.clone(), kept.clone());
            tokio::spawn(async move {
                let stream: Box<dyn Io> = if implicit {
                    match acceptor.accept(tcp).await {
                        Ok(tls) => Box::new(tls),
                        Err(_) => return,
                    }
                } else {
                    Box::new(tcp)
                };
                let _ = smtp_session(stream, implicit, acceptor, mails).await;
            });
        }
    });
    (port, pem, mails)
}

async fn smtp_session(
    stream: Box<dyn Io>,
    mut tls: bool,
    acceptor: tokio_rustls::TlsAcceptor,
    mails: Arc<Mutex<Vec<Mail>>>,
) -> std::io::Result<()> {
    use base64::Engine as _;
    let mut conn = BufReader::new(stream);
    conn.get_mut().write_all(b"220 test ESMTP\r\n").await?;
    let mut mail = Mail::default();
    loop {
        let mut line = String::new();
        if conn.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let line = line.trim_end().to_owned();
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            if tls {
                b"250-test\r\n250 AUTH PLAIN\r\n"
            } else {
                b"250-test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n"
            }
        } else if upper == "STARTTLS" {
            conn.get_mut().write_all(b"220 go ahead\r\n").await?;
            let plain = conn.into_inner();
            let secured = acceptor.accept(plain).await?;
            conn = BufReader::new(Box::new(secured));
            tls = true;
            continue;
        } else if let Some(token) = upper.strip_prefix("AUTH PLAIN ").map(|_| &line[11..]) {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(token)
                .unwrap_or_default();
            mail.auth = Some(String::from_utf8_lossy(&decoded).replace('\0', "|"));
            b"235 ok\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            mail.from = line[10..].to_owned();
            b"250 ok\r\n"
        } else if upper.starts_with("RCPT TO:") {
            mail.to.push(line[8..].to_owned());
            b"250 ok\r\n"
        } else if upper == "DATA" {
            conn.get_mut().write_all(b"354 go\r\n").await?;
            let mut data = String::new();
            loop {
                let mut l = String::new();
                if conn.read_line(&mut l).await? == 0 {
                    return Ok(());
                }
                if l == ".\r\n" {
                    break;
                }
                data.push_str(&l);
            }
            mail.data = data;
            mail.tls = tls;
            mails.lock().unwrap().push(std::mem::take(&mut mail));
            b"250 queued\r\n"
        } else if upper == "QUIT" {
            conn.get_mut().write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            b"502 what\r\n"
        };
        conn.get_mut().write_all(reply).await?;
    }
}

async fn emailed(implicit: bool) {
    let (port, pem, mails) = smtp_listener(implicit).await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), pem).unwrap();
    let root = dir.path().join("ca.pem");
    let scheme = if implicit { "smtps" } else { "smtp" };
    let app = spawn(|s| {
        fast(s);
        s.alerts.extra_root_cert = Some(root);
        s.alerts.smtp_url = Some(chargegate::config::Secret(format!(
            "{scheme}://alerts%40ops:s3cret@localhost:{port}"
        )));
        s.alerts.smtp_from = "chargegate@example.com".into();
    })
    .await;
    rule(
        &app,
        json!({"name": "faults", "kind": "CONNECTOR_FAULTED", "emailTo": ["ops@example.com", "oncall@example.com"]}),
    )
    .await;
    let mut cp = app.booted_station("CP-MAIL").await;
    status(&mut cp, 1, "Faulted", "GroundFailure").await;
    let got = eventually("two e-mails", || {
        let got = mails.lock().unwrap().clone();
        async move { (got.len() == 2).then_some(got) }
    })
    .await;
    let mut to: Vec<&str> = got
        .iter()
        .flat_map(|m| m.to.iter().map(String::as_str))
        .collect();
    to.sort();
    assert_eq!(to, ["<oncall@example.com>", "<ops@example.com>"]);
    let a = alerts(&app).await;
    let id = a[0]["id"].as_str().unwrap();
    for m in &got {
        assert!(m.tls, "sent in the clear");
        assert_eq!(m.from, "<chargegate@example.com>");
        assert_eq!(m.auth.as_deref(), Some("|alerts@ops|s3cret"));
        assert!(
            m.data.contains(
                "Subject: [chargegate] CP-MAIL connector 1 is Faulted (GroundFailure)\r\n"
            ),
            "{}",
            m.data
        );
        assert!(m.data.contains(&format!("X-Chargegate-Alert-Id: {id}\r\n")));
        let body = m.data.split("\r\n\r\n").nth(1).unwrap().replace("\r\n", "");
        use base64::Engine as _;
        let text = String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(body)
                .unwrap(),
        )
        .unwrap();
        assert!(text.contains("\"errorCode\": \"GroundFailure\""), "{text}");
    }
    eventually("both deliveries recorded", || {
        let app = &app;
        async move {
            let a = alerts(app).await;
            a[0]["deliveries"]
                .as_array()?
                .iter()
                .all(|d| d["state"] == "DELIVERED" && d["channel"] == "EMAIL")
                .then_some(())
        }
    })
    .await;
    app.stop().await;
}

#[chargegate_test]
async fn alerts_are_emailed_over_starttls() {
    emailed(false).await;
}

#[chargegate_test]
async fn alerts_are_emailed_over_implicit_tls() {
    emailed(true).await;
}

#[chargegate_test]
async fn a_server_without_starttls_gets_no_email_in_the_clear() {
    // A listener that offers no STARTTLS: a plain TCP server answering EHLO without it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let saw_mail = Arc::new(AtomicBool::new(false));
    let saw = saw_mail.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let saw = saw.clone();
            tokio::spawn(async move {
                let mut conn = BufReader::new(tcp);
                let _ = conn.get_mut().write_all(b"220 plain\r\n").await;
                loop {
                    let mut line = String::new();
                    if conn.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    if line.to_ascii_uppercase().starts_with("MAIL") {
                        saw.store(true, Ordering::SeqCst);
                    }
                    let _ = conn.get_mut().write_all(b"250 plain\r\n").await;
                }
            });
        }
    });
    let app = spawn(|s| {
        fast(s);
        s.alerts.delivery_attempts = 1;
        s.alerts.smtp_url = Some(chargegate::config::Secret(format!(
            "smtp://127.0.0.1:{port}"
        )));
    })
    .await;
    rule(
        &app,
        json!({"name": "faults", "kind": "CONNECTOR_FAULTED", "emailTo": ["ops@example.com"]}),
    )
    .await;
    let mut cp = app.booted_station("CP-PLAIN").await;
    status(&mut cp, 1, "Faulted", "OtherError").await;
    let d = eventually("the e-mail given up", || {
        let app = &app;
        async move {
            let a = alerts(app).await;
            let d = a.first()?["deliveries"][0].clone();
            (d["state"] == "FAILED").then_some(d)
        }
    })
    .await;
    assert!(
        d["lastError"]
            .as_str()
            .unwrap()
            .contains("does not offer STARTTLS"),
        "{d}"
    );
    assert!(!saw_mail.load(Ordering::SeqCst));
    app.stop().await;
}

// ---------------------------------------------------------------------------------------------
// Two nodes (PostgreSQL + Redis).

/// Waits until every delivery in the outbox is delivered; returns the alert ids.
async fn all_delivered(node: &TestApp) -> Vec<String> {
    eventually("every delivery done", || async move {
        let a = alerts(node).await;
        let done = !a.is_empty()
            && a.iter().all(|a| {
                a["deliveries"]
                    .as_array()
                    .is_some_and(|d| !d.is_empty() && d.iter().all(|d| d["state"] == "DELIVERED"))
            });
        done.then(|| {
            a.iter()
                .map(|a| a["id"].as_str().unwrap().to_owned())
                .collect()
        })
    })
    .await
}

#[chargegate_test(needs = [postgres, redis])]
async fn two_nodes_deliver_each_alert_once() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    // Rounds a second apart: the offline rule's least threshold is one round, and a station's
    // row is written at its handshake, a moment before its presence; a round of 100 ms could
    // fall in that moment on a loaded machine and see a connecting station as offline.
    let paced = |s: &mut Settings| {
        fast(s);
        s.alerts.evaluate_interval = ms(1000);
    };
    let a = cluster.node(paced).await;
    let b = cluster.node(paced).await;
    let receiver = Receiver::start().await;
    webhook(&a, &receiver).await;
    rule(&a, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    rule(
        &b,
        json!({"name": "offline", "kind": "STATION_OFFLINE", "minutes": 0}),
    )
    .await;
    rule(&b, json!({"name": "started", "kind": "SESSION_STARTED"})).await;
    tag(&a, "T-C").await;
    let mut on_a = a.booted_station("CP-A").await;
    let mut on_b = b.booted_station("CP-B").await;
    for connector in 1..=3 {
        status(&mut on_a, connector, "Faulted", "OtherError").await;
        status(&mut on_b, connector, "Faulted", "OtherError").await;
    }
    on_b.call(
        "StartTransaction",
        json!({"connectorId": 1, "idTag": "T-C", "meterStart": 0, "timestamp": now()}),
    )
    .await;
    // A station going away: both nodes evaluate the offline rule; one alert.
    drop(on_a);
    receiver
        .alert("station_offline", |b| b["stationId"] == "CP-A")
        .await;
    let ids = all_delivered(&b).await;
    // 6 faults, 1 session, 1 offline (CP-B stays online).
    assert_eq!(ids.len(), 8, "{ids:?}");
    let got = receiver.got();
    let mut seen: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    seen.sort();
    let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(seen, expected, "each alert once");
    assert!(got.iter().all(|r| r.signed && r.status == 200));
    drop(on_b);
    a.stop().await;
    b.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn a_node_shut_down_mid_delivery_leaves_the_alert_to_the_other_node() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let lease = |s: &mut Settings| {
        fast(s);
        s.alerts.delivery_lease = ms(1500);
        s.alerts.request_timeout = ms(60_000);
    };
    let a = cluster.node(lease).await;
    let b = cluster.node(lease).await;
    let receiver = Receiver::start().await;
    receiver.state.hold_next.store(true, Ordering::SeqCst);
    webhook(&a, &receiver).await;
    rule(&a, json!({"name": "faults", "kind": "CONNECTOR_FAULTED"})).await;
    let mut on_b = b.booted_station("CP-K").await;
    status(&mut on_b, 1, "Faulted", "GroundFailure").await;
    // The first request is held open: find the node delivering it.
    let held = eventually("the held request", || {
        let got = receiver.got();
        async move { got.first().cloned() }
    })
    .await;
    assert_eq!(held.status, 0);
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let delivery = entity::alert_delivery::Entity::find()
        .filter(entity::alert_delivery::Column::AlertId.eq(held.id.as_str()))
        .one(a.db())
        .await
        .unwrap()
        .unwrap();
    let holder = delivery.lease_node.clone().unwrap();
    assert_eq!(delivery.state, "pending");
    let (dying, surviving) = if holder == a.ctx().node_id {
        (a, b)
    } else {
        assert_eq!(holder, b.ctx().node_id);
        drop(on_b);
        (b, a)
    };
    dying.stop().await;
    // The other node takes the delivery once the lease has run out, with the same id.
    let r = receiver.alert("connector_faulted", |_| true).await;
    well_formed(&r);
    let got = receiver.got();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter().all(|g| g.id == held.id),
        "a repeat only with the same id"
    );
    assert_eq!((got[1].attempt, got[1].status), (2, 200));
    let delivery = entity::alert_delivery::Entity::find()
        .filter(entity::alert_delivery::Column::AlertId.eq(held.id.as_str()))
        .one(surviving.db())
        .await
        .unwrap()
        .unwrap();
    eventually("the delivery recorded", || {
        let surviving = &surviving;
        let id = held.id.clone();
        async move {
            let d = entity::alert_delivery::Entity::find()
                .filter(entity::alert_delivery::Column::AlertId.eq(id.as_str()))
                .one(surviving.db())
                .await
                .unwrap()?;
            (d.state == "delivered").then_some(())
        }
    })
    .await;
    assert_eq!(
        delivery.lease_node.as_deref(),
        Some(surviving.ctx().node_id.as_str())
    );
    surviving.stop().await;
}
