//! `GET /metrics`: a scripted station session (handshakes refused and accepted, the
//! transaction messages, a CallError each way, two commands through GraphQL, GraphQL errors, a
//! subscription) and then the scrape, with the exact counts asserted; every metric of the
//! README's "Metrics" table present in the scrape and every metric of the scrape in the table;
//! the bearer token; the separate listen address. SQLite and PostgreSQL; no Redis.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::gql::GqlWs;
use crate::on_both_backends;
use crate::support::{Backend, Station, eventually, spawn, spawn_on};

/// GETs `url` with an optional bearer token: the status and the body.
async fn get(url: &str, token: Option<&str>) -> (u16, String) {
    let mut request = reqwest::Client::new().get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("HTTP request");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

/// The value of the sample `series` (`name{labels}` exactly as written, or a bare name).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().filter(|l| !l.starts_with('#')).find_map(|l| {
        let (name, value) = l.rsplit_once(' ')?;
        (name == series).then(|| value.parse().expect("a number"))
    })
}

/// The value of the sample `series` in `app`'s metrics now (counters and histograms; the
/// gauges are set by a scrape over HTTP).
pub fn metric(app: &crate::support::TestApp, series: &str) -> f64 {
    value(&app.ctx().metrics.encode(), series)
}

fn value(text: &str, series: &str) -> f64 {
    sample(text, series).unwrap_or_else(|| panic!("no sample {series} in\n{text}"))
}

/// The metric names of the README's "Metrics" table (the first column, between the markers).
fn documented() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = readme
        .split("<!-- metrics-table -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /metrics-table -->").next())
        .expect("README.md has the metrics table between its markers");
    table
        .lines()
        .filter_map(|line| {
            let cell = line.trim().strip_prefix('|')?.split('|').next()?.trim();
            let name = cell.strip_prefix('`')?.strip_suffix('`')?;
            Some(name.to_owned())
        })
        .collect()
}

/// The metric families of a scrape (`# TYPE` lines): name and type.
fn families(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let mut parts = l.strip_prefix("# TYPE ")?.split(' ');
            Some((parts.next()?.to_owned(), parts.next()?.to_owned()))
        })
        .collect()
}

/// The name a family's samples go by in queries: counters end in `_total`.
fn exposed(name: &str, kind: &str) -> String {
    if kind == "counter" {
        format!("{name}_total")
    } else {
        name.to_owned()
    }
}

const MV: &str = r#"{"connectorId": 1, "transactionId": TX, "meterValue": [{"timestamp": "2026-12-06T10:05:00Z", "sampledValue": [{"value": "1500", "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}]}"#;

async fn a_scripted_session_is_counted_exactly(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let url = format!("http://{}/metrics", app.addr);
    let admin = app.admin();

    // A subscription, open while the session runs.
    let mut ws = GqlWs::open(&app, &admin).await;
    ws.subscribe(
        "status",
        "subscription { connectorStatus(stationId: \"CP-M\") { connectorId status } }",
        json!({}),
    )
    .await;
    eventually("the subscription counted open", || async {
        let (_, text) = get(&url, None).await;
        (sample(&text, "chargegate_graphql_subscriptions_open") == Some(1.0)).then_some(())
    })
    .await;

    // Two refused handshakes (400), one accepted.
    for path in ["/ocpp/", "/ocpp/a%2Fb"] {
        let refused = Station::connect(&app.ws_url(path), Some("ocpp1.6")).await;
        assert!(refused.is_err(), "{path} refused");
    }
    let mut cp = app.booted_station("CP-M").await;
    cp.call(
        "StatusNotification",
        json!({"connectorId": 1, "errorCode": "NoError", "status": "Preparing"}),
    )
    .await;
    cp.call("Authorize", json!({"idTag": "TAG-M"})).await;
    let tx = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "TAG-M", "meterStart": 1000, "timestamp": "2026-12-06T10:00:00Z"}),
        )
        .await["transactionId"]
        .as_i64()
        .unwrap();
    for _ in 0..2 {
        let payload: Value = serde_json::from_str(&MV.replace("TX", &tx.to_string())).unwrap();
        cp.call("MeterValues", payload).await;
    }
    cp.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 2000, "timestamp": "2026-12-06T10:30:00Z"}),
    )
    .await;
    // An action the server does not know: a CallError sent.
    let (code, _) = cp.call_error("FooBar", json!({})).await;
    assert_eq!(code, "NotImplemented");

    // Two commands through GraphQL: one answered, one answered with a CallError (received).
    let reset = app.gql_spawned(
        &admin,
        "mutation { reset(stationId: \"CP-M\", type: SOFT) { status } }",
        json!({}),
    );
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "Reset");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    assert_eq!(reset.await.unwrap()["data"]["reset"]["status"], "ACCEPTED");
    let unlock = app.gql_spawned(
        &admin,
        "mutation { unlockConnector(stationId: \"CP-M\", connectorId: 1) { status } }",
        json!({}),
    );
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "UnlockConnector");
    cp.reply_error(&id, "NotSupported", "no lock").await;
    let unlocked = unlock.await.unwrap();
    assert_eq!(unlocked["errors"][0]["extensions"]["code"], "STATION_ERROR");

    // GraphQL errors: a query without a token, a document that does not parse.
    let anonymous = app
        .gql(None, "{ stations(first: 1) { totalCount } }", json!({}))
        .await;
    assert_eq!(
        anonymous["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED"
    );
    let broken = app.gql(Some(&admin), "{ stations(", json!({})).await;
    assert_eq!(broken["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");

    let (status, text) = get(&url, None).await;
    assert_eq!(status, 200);

    let handshakes = |outcome: &str| {
        value(
            &text,
            &format!("chargegate_ocpp_handshakes_total{{outcome=\"{outcome}\"}}"),
        )
    };
    assert_eq!(handshakes("accepted"), 1.0);
    assert_eq!(handshakes("400"), 2.0);
    for outcome in ["401", "403", "404", "429", "503", "tls_failure", "other"] {
        assert_eq!(handshakes(outcome), 0.0, "{outcome}");
    }
    let calls_in = |action: &str| {
        value(
            &text,
            &format!("chargegate_ocpp_messages_total{{direction=\"in\",action=\"{action}\"}}"),
        )
    };
    for (action, n) in [
        ("BootNotification", 1.0),
        ("StatusNotification", 1.0),
        ("Authorize", 1.0),
        ("StartTransaction", 1.0),
        ("MeterValues", 2.0),
        ("StopTransaction", 1.0),
        ("Heartbeat", 0.0),
        ("other", 1.0),
    ] {
        assert_eq!(calls_in(action), n, "in {action}");
    }
    let calls_out = |action: &str| {
        value(
            &text,
            &format!("chargegate_ocpp_messages_total{{direction=\"out\",action=\"{action}\"}}"),
        )
    };
    assert_eq!(calls_out("Reset"), 1.0);
    assert_eq!(calls_out("UnlockConnector"), 1.0);
    assert_eq!(calls_out("RemoteStartTransaction"), 0.0);
    let errors = |direction: &str, code: &str| {
        value(
            &text,
            &format!(
                "chargegate_ocpp_call_errors_total{{direction=\"{direction}\",code=\"{code}\"}}"
            ),
        )
    };
    assert_eq!(errors("sent", "NotImplemented"), 1.0);
    assert_eq!(errors("sent", "InternalError"), 0.0);
    assert_eq!(errors("received", "NotSupported"), 1.0);
    assert_eq!(errors("received", "GenericError"), 0.0);
    let commands = |outcome: &str| {
        value(
            &text,
            &format!("chargegate_commands_total{{outcome=\"{outcome}\"}}"),
        )
    };
    assert_eq!(commands("answered"), 1.0);
    assert_eq!(commands("call_error"), 1.0);
    assert_eq!(commands("timeout"), 0.0);
    assert_eq!(
        value(&text, "chargegate_command_duration_seconds_count"),
        2.0
    );
    let operations = |kind: &str| {
        value(
            &text,
            &format!("chargegate_graphql_operations_total{{type=\"{kind}\"}}"),
        )
    };
    assert_eq!(operations("query"), 1.0);
    assert_eq!(operations("mutation"), 2.0);
    assert_eq!(operations("subscription"), 1.0);
    let gql_errors = |kind: &str, code: &str| {
        value(
            &text,
            &format!("chargegate_graphql_errors_total{{type=\"{kind}\",code=\"{code}\"}}"),
        )
    };
    assert_eq!(gql_errors("mutation", "STATION_ERROR"), 1.0);
    assert_eq!(gql_errors("query", "UNAUTHENTICATED"), 1.0);
    assert_eq!(gql_errors("unknown", "BAD_USER_INPUT"), 1.0);
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("chargegate_graphql_errors_total{"))
            .count(),
        3,
        "no other GraphQL errors:\n{text}"
    );
    assert_eq!(value(&text, "chargegate_graphql_subscriptions_open"), 1.0);
    assert_eq!(
        value(&text, "chargegate_graphql_subscriptions_lagged_total"),
        0.0
    );
    assert_eq!(value(&text, "chargegate_stations_connected"), 1.0);
    assert_eq!(value(&text, "chargegate_store_breaker_open"), 0.0);
    assert_eq!(value(&text, "chargegate_redis_breaker_open"), 0.0);
    assert_eq!(value(&text, "chargegate_redis_errors_total"), 0.0);
    assert!(value(&text, "chargegate_store_read_pool_max") >= 1.0);
    assert!(value(&text, "chargegate_store_writer_queue") >= 0.0);
    // Every acknowledged message was committed by a writer's batch.
    assert!(value(&text, "chargegate_store_writer_batch_size_count") >= 1.0);
    assert!(value(&text, "chargegate_store_writer_batch_size_sum") >= 7.0);
    assert!(
        value(
            &text,
            "chargegate_store_writer_batch_duration_seconds_count"
        ) >= 1.0
    );
    assert!(value(&text, "process_resident_memory_bytes") > 0.0);
    assert!(value(&text, "process_open_fds") > 0.0);
    assert!(value(&text, "process_threads") >= 1.0);
    assert!(value(&text, "process_start_time_seconds") > 1.7e9);
    assert!(value(&text, "process_cpu_seconds_total") > 0.0);
    // No station id anywhere.
    assert!(!text.contains("CP-M"), "{text}");

    // The README's table and the scrape name the same metrics.
    let table: BTreeSet<String> = documented().into_iter().collect();
    let scraped: BTreeSet<String> = families(&text)
        .iter()
        .map(|(name, kind)| exposed(name, kind))
        .collect();
    assert_eq!(
        table.difference(&scraped).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in the README's table, not scraped"
    );
    assert_eq!(
        scraped.difference(&table).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "scraped, not in the README's table"
    );

    // The subscription ends with its socket.
    drop(ws);
    eventually("the subscription counted closed", || async {
        let (_, text) = get(&url, None).await;
        (sample(&text, "chargegate_graphql_subscriptions_open") == Some(0.0)).then_some(())
    })
    .await;
    app.stop().await;
}
on_both_backends!(a_scripted_session_is_counted_exactly);

#[chargegate_test]
async fn the_metrics_token_is_required_when_set() {
    let app = spawn(|s| s.metrics_token = Some(chargegate::config::Secret("s3cret".into()))).await;
    let url = format!("http://{}/metrics", app.addr);
    assert_eq!(get(&url, None).await.0, 401);
    assert_eq!(get(&url, Some("wrong")).await.0, 401);
    // An API token is no metrics token.
    assert_eq!(get(&url, Some(&app.admin())).await.0, 401);
    let (status, text) = get(&url, Some("s3cret")).await;
    assert_eq!(status, 200);
    assert!(text.contains("chargegate_stations_connected 0"), "{text}");
    app.stop().await;
}

#[chargegate_test]
async fn the_metrics_can_have_a_listen_address_of_their_own() {
    let app = spawn(|s| {
        s.metrics_listen = Some("127.0.0.1:0".parse().unwrap());
        s.metrics_token = Some(chargegate::config::Secret("s3cret".into()));
    })
    .await;
    let own = app.app.metrics_addr().expect("a metrics address");
    assert_ne!(own, app.addr);
    // Not on the main port any more (and not the console either).
    assert_eq!(
        get(&format!("http://{}/metrics", app.addr), Some("s3cret"))
            .await
            .0,
        404
    );
    let url = format!("http://{own}/metrics");
    assert_eq!(get(&url, None).await.0, 401);
    let _cp = app.booted_station("CP-OWN").await;
    let (status, text) = get(&url, Some("s3cret")).await;
    assert_eq!(status, 200);
    assert_eq!(
        value(
            &text,
            "chargegate_ocpp_messages_total{direction=\"in\",action=\"BootNotification\"}"
        ),
        1.0
    );
    // Only the metrics there.
    assert_eq!(get(&format!("http://{own}/health"), None).await.0, 404);
    app.stop().await;
}

/// `--log-format json`: every line on standard error is one JSON object with the time, the
/// level, the message and its fields; the default stays text.
#[chargegate_test]
fn logs_can_be_one_json_object_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("logs.db").display());
    let run = |format: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_chargegate"));
        command.env("RUST_LOG", "info").env_remove("DATABASE_URL");
        command.env_remove("CHARGEGATE_LOG_FORMAT");
        if let Some(format) = format {
            command.args(["--log-format", format]);
        }
        let output = command
            .args(["migrate", "--database-url", &url])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stderr).unwrap()
    };
    let json = run(Some("json"));
    let lines: Vec<Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let applied = lines
        .iter()
        .find(|l| l["fields"]["message"] == "migrations applied")
        .unwrap_or_else(|| panic!("no line saying the migrations were applied:\n{json}"));
    assert_eq!(applied["level"], "INFO");
    assert!(applied["timestamp"].is_string(), "{applied}");
    assert!(applied["target"].is_string(), "{applied}");
    assert!(
        applied["fields"]["database"]
            .as_str()
            .is_some_and(|d| d.starts_with("sqlite://")),
        "{applied}"
    );
    // The default: text, not JSON.
    let text = run(None);
    let line = text
        .lines()
        .find(|l| l.contains("migrations applied"))
        .unwrap_or_else(|| panic!("no line saying the migrations were applied:\n{text}"));
    assert!(serde_json::from_str::<Value>(line).is_err(), "{line}");
    assert!(line.contains("INFO"), "{line}");
}
