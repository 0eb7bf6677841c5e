//! OpenTelemetry traces (`--otlp-endpoint`): nodes run as processes (the export is set up for
//! the process, like the logs) and send their spans to an OTLP/HTTP receiver in the test, which
//! decodes the protobuf. One node: a station's CALL, a GraphQL operation and the command it
//! sends, with their attributes and parent-child links; spans still queued at shutdown are
//! exported. Two nodes (PostgreSQL + Redis): a command asked of one node for a station on the
//! other is one trace, the station's node's span a child of the asking node's.

use std::{
    collections::HashMap,
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{Router, body::Bytes, extract::State, routing::post};
use chargegate::{Settings, auth::Role, config::Secret};
use opentelemetry_proto::tonic::{
    collector::trace::v1::ExportTraceServiceRequest,
    common::v1::{AnyValue, KeyValue, any_value},
};
use prost::Message as _;
use serde_json::{Value, json};

use crate::{
    cluster::Cluster,
    support::{Backend, PATIENCE, Station, TestDb, eventually},
};

/// A span as the receiver got it.
#[derive(Clone, Debug)]
struct Got {
    name: String,
    trace_id: String,
    span_id: String,
    parent_span_id: String,
    attributes: HashMap<String, String>,
    service: String,
}

impl Got {
    fn attr(&self, key: &str) -> &str {
        self.attributes.get(key).map_or("", String::as_str)
    }
}

fn text_of(value: Option<&AnyValue>) -> String {
    match value.and_then(|v| v.value.as_ref()) {
        Some(any_value::Value::StringValue(s)) => s.clone(),
        Some(any_value::Value::IntValue(i)) => i.to_string(),
        Some(any_value::Value::BoolValue(b)) => b.to_string(),
        Some(any_value::Value::DoubleValue(d)) => d.to_string(),
        other => format!("{other:?}"),
    }
}

fn attributes(list: &[KeyValue]) -> HashMap<String, String> {
    list.iter()
        .map(|kv| (kv.key.clone(), text_of(kv.value.as_ref())))
        .collect()
}

/// A local OTLP/HTTP receiver: `POST /v1/traces` with protobuf.
struct Receiver {
    url: String,
    spans: Arc<Mutex<Vec<Got>>>,
}

async fn receive(State(spans): State<Arc<Mutex<Vec<Got>>>>, body: Bytes) -> Vec<u8> {
    let request = ExportTraceServiceRequest::decode(body).expect("OTLP protobuf");
    let mut got = spans.lock().unwrap();
    for resource_spans in request.resource_spans {
        let resource = resource_spans
            .resource
            .map(|r| attributes(&r.attributes))
            .unwrap_or_default();
        let service = resource.get("service.name").cloned().unwrap_or_default();
        for scope in resource_spans.scope_spans {
            for span in scope.spans {
                got.push(Got {
                    name: span.name,
                    trace_id: hex(&span.trace_id),
                    span_id: hex(&span.span_id),
                    parent_span_id: hex(&span.parent_span_id),
                    attributes: attributes(&span.attributes),
                    service: service.clone(),
                });
            }
        }
    }
    // An empty ExportTraceServiceResponse.
    Vec::new()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Receiver {
    async fn start() -> Self {
        let spans = Arc::new(Mutex::new(Vec::new()));
        let app = Router::new()
            .route("/v1/traces", post(receive))
            .with_state(spans.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, spans }
    }

    fn spans(&self) -> Vec<Got> {
        self.spans.lock().unwrap().clone()
    }

    /// Waits until a span matches `check`.
    async fn span(&self, what: &str, check: impl Fn(&Got) -> bool) -> Got {
        eventually(what, || {
            let found = self.spans().into_iter().find(|s| check(s));
            async move { found }
        })
        .await
    }
}

/// `chargegate serve` as a child process, killed when dropped.
struct Node {
    child: Option<Child>,
    addr: String,
    token: String,
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Node {
    fn start(database_url: &str, redis: Option<(&str, &str)>, otlp: &str) -> Self {
        let secret = "0123456789abcdef".repeat(4);
        let mut command = Command::new(env!("CARGO_BIN_EXE_chargegate"));
        command
            .env("DATABASE_URL", database_url)
            .env("CHARGEGATE_JWT_SECRET", &secret)
            .env("CHARGEGATE_LISTEN", "127.0.0.1:0")
            .env("CHARGEGATE_OTLP_ENDPOINT", otlp)
            .env("CHARGEGATE_OTLP_SERVICE_NAME", "chargegate-test")
            .env("RUST_LOG", "info")
            .env_remove("CHARGEGATE_LOG_FORMAT")
            .env_remove("REDIS_URL")
            .stderr(Stdio::piped());
        if let Some((url, prefix)) = redis {
            command
                .env("REDIS_URL", url)
                .env("CHARGEGATE_REDIS_PREFIX", prefix);
        }
        let mut child = command.spawn().expect("the chargegate binary");
        let stderr = child.stderr.take().unwrap();
        let (lines, log) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let addr = loop {
            let line = log
                .recv_timeout(PATIENCE)
                .expect("the node announces its address");
            if let Some(rest) = line.split("addr=").nth(1) {
                break rest.split_whitespace().next().unwrap().to_owned();
            }
        };
        let mut settings = Settings::with_database(database_url.to_owned());
        settings.jwt_secret = Some(Secret(secret));
        let keys = chargegate::auth::Keys::from_settings(&settings).unwrap();
        let token = keys
            .issue("root", Role::Admin, None, Duration::from_secs(3600))
            .unwrap()
            .0;
        Self {
            child: Some(child),
            addr,
            token,
        }
    }

    async fn station(&self, id: &str) -> Station {
        let (mut station, _) =
            Station::connect(&format!("ws://{}/ocpp/{id}", self.addr), Some("ocpp1.6"))
                .await
                .unwrap();
        let answer = station
            .call(
                "BootNotification",
                json!({"chargePointVendor": "VendorA", "chargePointModel": "SingleSocketCharger"}),
            )
            .await;
        assert_eq!(answer["status"], "Accepted");
        station
    }

    fn gql(&self, body: Value) -> tokio::task::JoinHandle<Value> {
        let (addr, token) = (self.addr.clone(), self.token.clone());
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(format!("http://{addr}/graphql"))
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("HTTP request")
                .json::<Value>()
                .await
                .expect("JSON response")
        })
    }

    /// SIGTERM, and the exit status.
    async fn stop(mut self) -> bool {
        let mut child = self.child.take().unwrap();
        let sent = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        tokio::task::spawn_blocking(move || child.wait().unwrap().success())
            .await
            .unwrap()
    }
}

/// Sends `reset` for `station` through `node`'s GraphQL API while `at` answers it; returns the
/// response.
async fn reset(node: &Node, at: &mut Station, station: &str) -> Value {
    let request = node.gql(json!({
        "query": "mutation Reboot($s: ID!) { reset(stationId: $s, type: SOFT) { status } }",
        "operationName": "Reboot",
        "variables": {"s": station},
    }));
    let (id, action, _) = at.server_call().await;
    assert_eq!(action, "Reset");
    at.reply(&id, json!({"status": "Accepted"})).await;
    let response = request.await.unwrap();
    assert_eq!(
        response,
        json!({"data": {"reset": {"status": "ACCEPTED"}}}),
        "{response}"
    );
    response
}

#[chargegate_test]
async fn a_nodes_calls_operations_and_commands_are_exported_as_spans() {
    let receiver = Receiver::start().await;
    let (_db, url) = TestDb::create(Backend::Sqlite).await.unwrap();
    let node = Node::start(&url, None, &receiver.url);
    let mut station = node.station("CP-TRACED").await;

    // The station's CALL: a span of its own.
    let boot = receiver
        .span("the BootNotification's span", |s| {
            s.name == "ocpp.message" && s.attr("ocpp.action") == "BootNotification"
        })
        .await;
    assert_eq!(boot.attr("ocpp.station"), "CP-TRACED");
    assert_eq!(boot.attr("ocpp.message_type"), "CALL");
    assert_eq!(boot.attr("ocpp.outcome"), "result");
    assert!(!boot.attr("ocpp.message_id").is_empty(), "{boot:?}");
    assert!(!boot.attr("chargegate.node").is_empty(), "{boot:?}");
    assert_eq!(boot.service, "chargegate-test");

    // A GraphQL mutation and the command it sends: parent and child.
    reset(&node, &mut station, "CP-TRACED").await;
    let operation = receiver
        .span("the mutation's span", |s| {
            s.name == "graphql.operation" && s.attr("graphql.operation.name") == "Reboot"
        })
        .await;
    assert_eq!(operation.attr("graphql.operation.type"), "mutation");
    assert_eq!(operation.attr("graphql.error.code"), "");
    let command = receiver
        .span("the command's span", |s| {
            s.name == "ocpp.command" && s.trace_id == operation.trace_id
        })
        .await;
    assert_eq!(command.parent_span_id, operation.span_id);
    assert_eq!(command.attr("ocpp.action"), "Reset");
    assert_eq!(command.attr("ocpp.station"), "CP-TRACED");
    assert_eq!(command.attr("ocpp.outcome"), "answered");
    assert!(
        command.attr("ocpp.round_trip_ms").parse::<u64>().is_ok(),
        "{command:?}"
    );
    // The station's CALL is a trace of its own, not part of the operation's.
    assert_ne!(boot.trace_id, operation.trace_id);

    // A failed operation carries its error code.
    let failed = node
        .gql(json!({
            "query": "mutation Missing { reset(stationId: \"CP-NOWHERE\", type: SOFT) { status } }",
            "operationName": "Missing",
        }))
        .await
        .unwrap();
    let code = failed["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("an error code: {failed}"))
        .to_owned();
    let missing = receiver
        .span("the failed mutation's span", |s| {
            s.name == "graphql.operation" && s.attr("graphql.operation.name") == "Missing"
        })
        .await;
    assert_eq!(missing.attr("graphql.error.code"), code);

    // Spans still queued at shutdown are exported before the process ends.
    station.call("Heartbeat", json!({})).await;
    assert!(node.stop().await, "a clean exit");
    assert!(
        receiver
            .spans()
            .iter()
            .any(|s| s.name == "ocpp.message" && s.attr("ocpp.action") == "Heartbeat"),
        "the Heartbeat's span was exported at shutdown"
    );
}

#[chargegate_test(needs = [postgres, redis])]
async fn a_command_routed_to_another_node_is_one_trace() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let receiver = Receiver::start().await;
    let redis = Some((cluster.redis_url.as_str(), cluster.prefix.as_str()));
    let a = Node::start(&cluster.database_url, redis, &receiver.url);
    let b = Node::start(&cluster.database_url, redis, &receiver.url);
    let mut on_a = a.station("CP-ON-A").await;
    let boot = receiver
        .span("the BootNotification's span on A", |s| {
            s.name == "ocpp.message" && s.attr("ocpp.station") == "CP-ON-A"
        })
        .await;
    let node_a = boot.attr("chargegate.node").to_owned();

    // Asked of B, for the station on A.
    reset(&b, &mut on_a, "CP-ON-A").await;
    let operation = receiver
        .span("the mutation's span on B", |s| {
            s.name == "graphql.operation" && s.attr("graphql.operation.name") == "Reboot"
        })
        .await;
    let node_b = operation.attr("chargegate.node").to_owned();
    assert_ne!(node_a, node_b);
    let command = receiver
        .span("the command's span on B", |s| {
            s.name == "ocpp.command" && s.trace_id == operation.trace_id
        })
        .await;
    assert_eq!(command.parent_span_id, operation.span_id);
    assert_eq!(command.attr("chargegate.node"), node_b);
    assert_eq!(command.attr("ocpp.outcome"), "answered");
    let routed = receiver
        .span("the routed command's span on A", |s| {
            s.name == "ocpp.command.routed"
        })
        .await;
    assert_eq!(routed.trace_id, operation.trace_id, "one trace");
    assert_eq!(routed.parent_span_id, command.span_id);
    assert_eq!(routed.attr("chargegate.node"), node_a);
    assert_eq!(routed.attr("ocpp.action"), "Reset");
    assert_eq!(routed.attr("ocpp.station"), "CP-ON-A");
    assert_eq!(routed.attr("ocpp.outcome"), "answered");

    assert!(a.stop().await && b.stop().await, "clean exits");
}
