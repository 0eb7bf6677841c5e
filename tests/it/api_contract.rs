//! The published contract and the HTTP surface: `graphql/schema.graphql` matches the code,
//! every operation in `graphql/examples/` runs against a live server, GraphiQL, `/health`,
//! introspection, CORS, and the request limits (each error with an `extensions.code`).

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::gql::{GqlWs, first_error};
use crate::next_after;
use crate::support::{Station, spawn};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[chargegate_test]
fn the_published_schema_matches_the_code() {
    let published = std::fs::read_to_string(repo("graphql/schema.graphql")).unwrap();
    let current = chargegate::api::sdl();
    assert!(
        published == current,
        "graphql/schema.graphql is out of date: run `cargo run -- schema > graphql/schema.graphql`"
    );
}

/// Answers every CALL the server sends with a plausible answer, until the socket closes.
async fn answer_everything(mut cp: Station) {
    loop {
        let (id, action, _) = cp.server_call().await;
        let answer = match action.as_str() {
            "UnlockConnector" => json!({"status": "Unlocked"}),
            "GetLocalListVersion" => json!({"listVersion": 1}),
            "GetDiagnostics" => json!({"fileName": "diagnostics.zip"}),
            "UpdateFirmware" => json!({}),
            "GetConfiguration" => {
                json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Key2"]})
            }
            _ => json!({"status": "Accepted"}),
        };
        cp.reply(&id, answer).await;
    }
}

/// Answers every CALL the server sends a 2.0.1 station with a plausible answer (valid against
/// its schema, echoing the variables and monitors asked for), until the socket closes.
async fn answer_everything_201(mut cp: crate::ocpp201::Cp201) {
    let echo = |items: &Value, status: &str, extra: fn(&Value) -> Value| -> Vec<Value> {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let mut item = json!({
                    "component": d["component"],
                    "variable": d["variable"],
                });
                for (k, v) in extra(d).as_object().unwrap() {
                    item[k] = v.clone();
                }
                item[if status == "monitor" {
                    "status"
                } else {
                    "attributeStatus"
                }] = json!("Accepted");
                item
            })
            .collect()
    };
    loop {
        let (id, action, payload) = cp.station.server_call().await;
        let answer = match action.as_str() {
            "GetVariables" => json!({"getVariableResult": echo(
                &payload["getVariableData"],
                "variable",
                |d| match d.get("attributeType") {
                    Some(t) => json!({"attributeType": t, "attributeValue": "1"}),
                    None => json!({"attributeValue": "1"}),
                },
            )}),
            "SetVariables" => json!({"setVariableResult": echo(
                &payload["setVariableData"],
                "variable",
                |d| match d.get("attributeType") {
                    Some(t) => json!({"attributeType": t}),
                    None => json!({}),
                },
            )}),
            "SetVariableMonitoring" => json!({"setMonitoringResult": echo(
                &payload["setMonitoringData"],
                "monitor",
                |d| json!({"id": 1, "type": d["type"], "severity": d["severity"]}),
            )}),
            "GetTransactionStatus" => json!({"messagesInQueue": false}),
            _ => json!({"status": "Accepted"}),
        };
        crate::ocpp201::valid(&format!("{action}Request"), &payload);
        crate::ocpp201::valid(&format!("{action}Response"), &answer);
        cp.station.reply(&id, answer).await;
    }
}

#[chargegate_test]
async fn every_example_operation_runs() {
    // Self-registration on, so that `register` runs; the admin token's subject an account, so
    // that `changePassword` runs.
    let app = spawn(|s| s.self_registration = true).await;
    let admin = app.admin();
    app.ok(
        &admin,
        "mutation { createAccount(username: \"root\", password: \"a long passphrase\", role: ADMIN) { username } }",
        json!({}),
    )
    .await;
    let commanded = app.booted_station("CP1").await;
    let answering = tokio::spawn(answer_everything(commanded));
    let mut cp2 = app.booted_station("CP2").await;
    let cp201 = crate::ocpp201::Cp201::booted(&app, "CP201").await;
    let answering201 = tokio::spawn(answer_everything_201(cp201));

    let mut files: Vec<PathBuf> = std::fs::read_dir(repo("graphql/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "graphql"))
        .collect();
    files.sort();
    assert!(files.len() >= 26, "examples missing: {files:?}");
    let mut seen = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(file).unwrap();
        let operation = text
            .lines()
            .find(|l| !l.starts_with('#'))
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        match operation {
            "mutation" | "query" => {
                let response = app.gql(Some(&admin), &text, json!({})).await;
                assert!(response.get("errors").is_none(), "{name}: {response}");
                assert!(response["data"].is_object(), "{name}: {response}");
            }
            "subscription" => {
                let mut ws = GqlWs::open(&app, &admin).await;
                ws.subscribe(&name, &text, json!({})).await;
                let mut n = 0;
                let payload = next_after!(ws, &name, {
                    n += 1;
                    let at = format!("2024-05-01T10:00:{:02}Z", n % 60);
                    if name.contains("meter-values") {
                        cp2.call("MeterValues", json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": [{"value": "1"}]}]})).await;
                    } else if name.contains("connector-status") {
                        cp2.call("StatusNotification", json!({"connectorId": 1, "errorCode": "NoError", "status": "Available"})).await;
                    } else if name.contains("transaction-events") {
                        cp2.call("StartTransaction", json!({"connectorId": 1, "idTag": "EX", "meterStart": n, "timestamp": at})).await;
                    } else if name.contains("security-events") {
                        cp2.call(
                            "SecurityEventNotification",
                            json!({"type": "SettingSystemTime", "timestamp": at}),
                        )
                        .await;
                    } else if name.contains("security-status") {
                        cp2.call(
                            "LogStatusNotification",
                            json!({"status": "Uploading", "requestId": n}),
                        )
                        .await;
                    } else if name.contains("alerts") {
                        cp2.call(
                            "StatusNotification",
                            json!({"connectorId": 1, "errorCode": "GroundFailure", "status": "Faulted", "timestamp": at}),
                        )
                        .await;
                    } else {
                        drop(app.station(&format!("CP-EX-{n}")).await);
                    }
                });
                assert!(payload.get("errors").is_none(), "{name}: {payload}");
                assert!(payload["data"].is_object(), "{name}: {payload}");
            }
            other => panic!("{name}: unknown operation {other}"),
        }
        seen.push(name);
    }
    // Every mutation and subscription of the schema has an example.
    let schema = chargegate::api::sdl();
    for (block, kind) in [
        ("type Mutation {", "mutation"),
        ("type Subscription {", "subscription"),
    ] {
        let body = &schema[schema.find(block).unwrap() + block.len()..];
        let body = &body[..body.find("\n}").unwrap()];
        let mut in_description = false;
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if line.starts_with("\"\"\"") {
                in_description = !in_description || line.len() > 3 && line.ends_with("\"\"\"");
                continue;
            }
            if in_description {
                continue;
            }
            let field = line.split(['(', ':']).next().unwrap();
            let covered = files.iter().any(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                let operation = text
                    .lines()
                    .find(|l| !l.starts_with('#'))
                    .unwrap_or_default();
                operation.starts_with(kind)
                    && (text.contains(&format!("{field}("))
                        || text.contains(&format!("{field} {{")))
            });
            assert!(covered, "no example in graphql/examples for {field}");
        }
    }
    answering.abort();
    answering201.abort();
    app.stop().await;
}

#[chargegate_test]
async fn health_and_graphiql() {
    let app = spawn(|_| {}).await;
    let health = reqwest::get(format!("http://{}/health", app.addr))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let body: Value = health.json().await.unwrap();
    assert_eq!(
        (body["status"].clone(), body["database"].clone()),
        (json!("ok"), json!("ok"))
    );
    let page = reqwest::get(format!("http://{}/graphql", app.addr))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .to_lowercase()
            .contains("graphiql")
    );
    // With the database gone, health says so.
    app.ctx().store.close().await;
    let health = reqwest::get(format!("http://{}/health", app.addr))
        .await
        .unwrap();
    assert_eq!(health.status(), 503);
    app.stop().await;

    let quiet = spawn(|s| {
        s.graphiql = false;
        s.introspection = false;
    })
    .await;
    let page = reqwest::get(format!("http://{}/graphql", quiet.addr))
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    // Introspection answers nothing; ordinary queries still work.
    let response = quiet
        .gql(
            Some(&quiet.admin()),
            "{ __schema { types { name } } __type(name: \"Station\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        response["data"],
        json!({"__schema": null, "__type": null}),
        "{response}"
    );
    assert!(
        quiet
            .gql(Some(&quiet.admin()), "{ me { sub } }", json!({}))
            .await
            .get("errors")
            .is_none()
    );
    quiet.stop().await;
}

#[chargegate_test]
async fn request_limits_and_error_codes() {
    let app = spawn(|s| {
        s.query_depth_limit = 6;
        s.query_alias_limit = 3;
        s.query_batch_limit = 2;
        s.query_complexity_limit = 200;
    })
    .await;
    let admin = app.admin();
    // Syntax and validation errors get a code too.
    assert_eq!(
        app.err(Some(&admin), "{ stations { ", json!({})).await.0,
        "BAD_USER_INPUT"
    );
    assert_eq!(
        app.err(Some(&admin), "{ nosuchfield }", json!({})).await.0,
        "BAD_USER_INPUT"
    );
    assert_eq!(
        app.err(
            Some(&admin),
            "query($n: Int!) { stations(first: $n) { totalCount } }",
            json!({"n": "x"})
        )
        .await
        .0,
        "BAD_USER_INPUT"
    );
    assert_eq!(
        app.err(
            Some(&admin),
            "{ stations(first: -1) { totalCount } }",
            json!({})
        )
        .await
        .0,
        "BAD_USER_INPUT"
    );
    assert_eq!(
        app.err(
            Some(&admin),
            "{ stations(first: 5000) { totalCount } }",
            json!({})
        )
        .await
        .0,
        "BAD_USER_INPUT"
    );
    // Depth.
    let deep = "{ stations { nodes { connectors { currentTransaction { station { connectors { connectorId } } } } } } }";
    assert_eq!(
        app.err(Some(&admin), deep, json!({})).await.0,
        "BAD_USER_INPUT"
    );
    // Aliases.
    let aliased = "{ a: me { sub } b: me { sub } c: me { sub } d: me { sub } }";
    let (code, message) = app.err(Some(&admin), aliased, json!({})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("aliases"), "{message}");
    assert!(
        app.gql(Some(&admin), "{ a: me { sub } b: me { sub } }", json!({}))
            .await
            .get("errors")
            .is_none()
    );
    // Complexity.
    let complex = format!(
        "{{ {} }}",
        (0..3)
            .map(|i| format!("s{i}: stations(first: 100) {{ nodes {{ id vendor model }} }}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert_eq!(
        app.err(Some(&admin), &complex, json!({})).await.0,
        "BAD_USER_INPUT"
    );
    // Batches.
    let batch =
        |n: usize| Value::Array((0..n).map(|_| json!({"query": "{ me { sub } }"})).collect());
    let two = app.gql_body(Some(&admin), batch(2)).await;
    assert_eq!(two.as_array().map(Vec::len), Some(2), "{two}");
    let three = app.gql_body(Some(&admin), batch(3)).await;
    assert_eq!(first_error(&three).0, "BAD_USER_INPUT");
    app.stop().await;
}

#[chargegate_test]
async fn cors_allows_only_listed_origins() {
    let app = spawn(|s| s.cors_origins = vec!["https://ops.example.org".into()]).await;
    let preflight = |origin: &'static str| {
        reqwest::Client::new()
            .request(
                reqwest::Method::OPTIONS,
                format!("http://{}/graphql", app.addr),
            )
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type",
            )
            .send()
    };
    let allowed = preflight("https://ops.example.org").await.unwrap();
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap()),
        Some("https://ops.example.org")
    );
    let refused = preflight("https://evil.example").await.unwrap();
    assert!(
        refused
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    app.stop().await;
}
