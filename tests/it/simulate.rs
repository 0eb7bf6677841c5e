//! `chargegate simulate` against the real server and against a bare test server: charging
//! cycles stored, subscribers timed, server commands answered, Basic auth sent, connections
//! spread over source addresses, and the report printed by the binary as JSON.

use std::{
    collections::HashMap,
    net::SocketAddr,
    sync::{Arc, Mutex, OnceLock},
};

use chargegate::simulate::{self, SimulateArgs};
use entity::{ocpp_message, station, transaction};
use futures_util::{SinkExt, StreamExt};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::{
    Message,
    handshake::server::{Request, Response},
    http::HeaderValue,
};
use tokio_util::sync::CancellationToken;

use crate::on_both_backends;
use crate::support::{Backend, TestApp, eventually, spawn, spawn_on};

fn args(url: &str, extra: &[&str]) -> SimulateArgs {
    let mut all = vec![url, "--quiet"];
    all.extend_from_slice(extra);
    SimulateArgs::parse_from(all).expect("valid simulate options")
}

async fn tag(app: &TestApp, id_tag: &str) {
    app.ok(
        &app.admin(),
        "mutation($t: String!) { createIdTag(input: {idTag: $t}) { idTag } }",
        json!({ "t": id_tag }),
    )
    .await;
}

#[chargegate_test]
async fn a_simulated_fleet_charges_is_stored_and_measured() {
    let app = spawn(|_| {}).await;
    tag(&app, "SIM-TAG").await;
    let token = app.admin();
    // The server runs in this test's process: watch it.
    let pid = std::process::id().to_string();
    let run = args(
        &app.ws_url("/ocpp"),
        &[
            "--stations=6",
            "--connectors=2",
            "--rate=60",
            "--charge-for=1s",
            "--pause=300ms",
            "--warmup=500ms",
            "--duration=3s",
            "--subscribers=3",
            "--commands=20",
            "--watch-pid",
            &pid,
            "--token",
            &token,
        ],
    );
    let report = simulate::run(run, CancellationToken::new()).await.unwrap();

    assert!(report.clean(), "{}", report.text());
    let c = &report.counts;
    assert_eq!((c.connects, c.ready, c.subscribers.connected), (6, 6, 3));
    let meter = &c.actions["MeterValues"];
    // 60/s asked for over 3 s: the open-loop schedule must be kept, not slowed down.
    assert!(
        (150..=210).contains(&meter.timed),
        "{} MeterValues timed in the window",
        meter.timed
    );
    assert!(meter.latency.p50_ms > 0.0 && meter.latency.p99_ms >= meter.latency.p50_ms);
    for action in ["Authorize", "StartTransaction", "StopTransaction"] {
        assert!(c.actions[action].answered >= 6, "{action}: {c:?}");
    }
    assert!(c.subscribers.events > 0 && c.subscribers.latency.is_some());
    // GraphQL commands went to the stations and back, 20 a second.
    let commands = &c.actions[simulate::observe::COMMAND_ACTION];
    assert!(
        commands.timed >= 50 && commands.call_errors == 0,
        "{}",
        report.text()
    );
    let server = report.server.as_ref().unwrap();
    assert!(server.rss_kib_before > 0 && server.rss_kib_per_station.is_some());
    assert!(server.cpu_share_of_machine.unwrap() > 0.0, "{server:?}");

    // What the stations reported is in the database: finished transactions with their
    // meter readings, and every sample the server acknowledged.
    let stopped = transaction::Entity::find()
        .filter(transaction::Column::StopTime.is_not_null())
        .count(app.db())
        .await
        .unwrap();
    assert!(
        stopped >= c.actions["StopTransaction"].answered - 1,
        "{stopped} stopped"
    );
    let samples = crate::support::samples_where(app.db(), |s| s.source == "MeterValues")
        .await
        .len() as u64;
    // The counts are taken once the stations went quiet and every call was answered: exactly
    // the acknowledged samples are stored.
    assert_eq!(meter.sent, meter.answered);
    assert_eq!(samples, 5 * meter.answered);
    let linked = crate::support::samples_where(app.db(), |s| s.transaction_id.is_some())
        .await
        .len() as u64;
    assert!(linked > 0, "no sample was linked to its transaction");
}

#[chargegate_test]
async fn simulated_stations_answer_server_commands() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    tag(&app, "REMOTE").await;
    let interrupt = CancellationToken::new();
    let run = args(
        &app.ws_url("/ocpp"),
        &[
            "--stations=2",
            "--id-prefix=cmd-",
            "--meter-interval=0",
            "--warmup=0",
            "--duration=60s",
        ],
    );
    let running = tokio::spawn(simulate::run(run, interrupt.clone()));
    eventually("both stations connected", || async {
        (chargegate::link::of(app.ctx()).registry.len() == 2).then_some(())
    })
    .await;

    let configuration = app
        .ok(
            &admin,
            r#"mutation { getConfiguration(stationId: "cmd-00000", keys: ["HeartbeatInterval", "Nope"]) { configurationKey { key value } unknownKey } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        configuration["getConfiguration"]["configurationKey"][0]["key"],
        "HeartbeatInterval"
    );
    assert_eq!(
        configuration["getConfiguration"]["unknownKey"],
        json!(["Nope"])
    );

    // Meter values start when the sample interval is set.
    let changed = app
        .ok(
            &admin,
            r#"mutation { changeConfiguration(stationId: "cmd-00000", key: "MeterValueSampleInterval", value: "1") { status } }"#,
            json!({}),
        )
        .await;
    assert_eq!(changed["changeConfiguration"]["status"], "ACCEPTED");
    eventually("meter values after the interval was set", || async {
        let n = crate::support::samples_where(app.db(), |s| s.station_id == "cmd-00000")
            .await
            .len() as u64;
        (n > 0).then_some(())
    })
    .await;

    // A remote start becomes a transaction; a remote stop ends it.
    let started = app
        .ok(
            &admin,
            r#"mutation { remoteStartTransaction(stationId: "cmd-00001", connectorId: 2, idTag: "REMOTE") { status } }"#,
            json!({}),
        )
        .await;
    assert_eq!(started["remoteStartTransaction"]["status"], "ACCEPTED");
    let tx = eventually("the remote start's transaction", || async {
        transaction::Entity::find()
            .filter(transaction::Column::StationId.eq("cmd-00001"))
            .one(app.db())
            .await
            .unwrap()
    })
    .await;
    assert_eq!((tx.connector_id, tx.id_tag.as_str()), (2, "REMOTE"));
    let stopped = app
        .ok(
            &admin,
            "mutation($id: Int!) { remoteStopTransaction(stationId: \"cmd-00001\", transactionId: $id) { status } }",
            json!({ "id": tx.id }),
        )
        .await;
    assert_eq!(stopped["remoteStopTransaction"]["status"], "ACCEPTED");
    eventually("the transaction stopped remotely", || async {
        let tx = transaction::Entity::find_by_id(tx.id)
            .one(app.db())
            .await
            .unwrap()
            .unwrap();
        (tx.stop_reason.as_deref() == Some("Remote")).then_some(())
    })
    .await;

    // Security Whitepaper commands get answers that fit a station without a certificate store.
    let security = app
        .ok(
            &admin,
            r#"mutation {
                trigger: extendedTriggerMessage(stationId: "cmd-00001", requestedMessage: LOG_STATUS_NOTIFICATION) { status }
                ids: getInstalledCertificateIds(stationId: "cmd-00001", certificateType: CENTRAL_SYSTEM_ROOT_CERTIFICATE) { status }
            }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        security,
        json!({"trigger": {"status": "ACCEPTED"}, "ids": {"status": "NOT_FOUND"}})
    );
    eventually("the triggered LogStatusNotification", || async {
        let n = ocpp_message::Entity::find()
            .filter(ocpp_message::Column::StationId.eq("cmd-00001"))
            .filter(ocpp_message::Column::Action.eq("LogStatusNotification"))
            .filter(ocpp_message::Column::Direction.eq("in"))
            .count(app.db())
            .await
            .unwrap();
        (n == 1).then_some(())
    })
    .await;

    // A reset: the station accepts, reconnects and boots again.
    let reset = app
        .ok(
            &admin,
            r#"mutation { reset(stationId: "cmd-00000", type: SOFT) { status } }"#,
            json!({}),
        )
        .await;
    assert_eq!(reset["reset"]["status"], "ACCEPTED");
    eventually("the reset station booted again", || async {
        let boots = ocpp_message::Entity::find()
            .filter(ocpp_message::Column::StationId.eq("cmd-00000"))
            .filter(ocpp_message::Column::Action.eq("BootNotification"))
            .filter(ocpp_message::Column::Direction.eq("in"))
            .count(app.db())
            .await
            .unwrap();
        (boots == 2).then_some(())
    })
    .await;
    interrupt.cancel();
    let report = running.await.unwrap().unwrap();
    assert_eq!(report.counts.connects, 3, "{}", report.text());
    assert_eq!(report.counts.server_calls, 7);
    assert_eq!(report.counts.server_calls_unsupported, 0);
    assert_eq!(report.counts.disconnects, 0, "{}", report.text());
}

/// A bare OCPP server for the test: records each handshake's Authorization header and peer
/// address, accepts every boot and acknowledges everything else.
#[allow(clippy::result_large_err)] // the error type is tungstenite's handshake callback's
async fn bare_server() -> (SocketAddr, Arc<Mutex<Vec<(Option<String>, SocketAddr)>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((tcp, peer)) = listener.accept().await {
            let record = record.clone();
            tokio::spawn(async move {
                let callback = |request: &Request, mut response: Response| {
                    let auth = request
                        .headers()
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    record.lock().unwrap().push((auth, peer));
                    response.headers_mut().insert(
                        "sec-websocket-protocol",
                        HeaderValue::from_static("ocpp1.6"),
                    );
                    Ok(response)
                };
                let Ok(mut ws) = tokio_tungstenite::accept_hdr_async(tcp, callback).await else {
                    return;
                };
                while let Some(Ok(message)) = ws.next().await {
                    let Message::Text(text) = message else {
                        continue;
                    };
                    let frame: Value = serde_json::from_str(text.as_str()).unwrap();
                    let answer = match frame[2].as_str() {
                        Some("BootNotification") => json!({
                            "status": "Accepted", "currentTime": "2026-11-24T10:00:00Z", "interval": 300
                        }),
                        _ => json!({}),
                    };
                    let reply = json!([3, frame[1], answer]).to_string();
                    if ws.send(Message::text(reply)).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (addr, seen)
}

#[chargegate_test]
async fn basic_auth_and_source_addresses() {
    let (addr, seen) = bare_server().await;
    let url = format!("ws://{addr}/ocpp");
    let run = args(
        &url,
        &[
            "--stations=4",
            "--id-prefix=auth-",
            "--source-addresses=2",
            "--auth-key=s3cret",
            "--duration=0",
        ],
    );
    let report = simulate::run(run, CancellationToken::new()).await.unwrap();
    assert!(report.clean(), "{}", report.text());
    assert!(report.ready_seconds.is_some());
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 4);
    // "auth-00000:s3cret" in base64.
    assert!(
        seen.iter()
            .any(|(auth, _)| auth.as_deref() == Some("Basic YXV0aC0wMDAwMDpzM2NyZXQ=")),
        "{seen:?}"
    );
    let mut sources: Vec<String> = seen.iter().map(|(_, peer)| peer.ip().to_string()).collect();
    sources.sort();
    sources.dedup();
    assert_eq!(sources, ["127.0.0.1", "127.0.0.2"]);
}

#[chargegate_test]
async fn closed_loop_keeps_one_call_in_flight_per_station() {
    let (addr, _) = bare_server().await;
    let run = args(
        &format!("ws://{addr}/ocpp"),
        &[
            "--stations=3",
            "--closed-loop",
            "--measurands=8",
            "--warmup=0",
            "--duration=1s",
        ],
    );
    let report = simulate::run(run, CancellationToken::new()).await.unwrap();
    assert!(report.clean(), "{}", report.text());
    let meter = &report.counts.actions["MeterValues"];
    assert!(meter.timed > 100, "{}", report.text());
    // Every answer matched the one call in flight: none was unexpected.
    assert_eq!(report.counts.protocol_errors, 0);
    // Counted after the stations went quiet: nothing was left in flight.
    assert_eq!(meter.sent, meter.answered);
}

#[chargegate_test]
async fn bad_options_are_refused() {
    for (bad, why) in [
        (
            vec!["ws://127.0.0.1:1/ocpp", "--measurands=9"],
            "--measurands",
        ),
        (
            vec!["ws://127.0.0.1:1/ocpp", "--connectors=0"],
            "--connectors",
        ),
        (vec!["http://127.0.0.1:1/ocpp"], "ws://"),
        (vec!["ws://127.0.0.1:1/ocpp", "--rate=0"], "--rate"),
    ] {
        let args = SimulateArgs::parse_from(bad).unwrap();
        let e = simulate::run(args, CancellationToken::new())
            .await
            .unwrap_err();
        assert!(e.to_string().contains(why), "{e}");
    }
}

#[chargegate_test]
async fn the_binary_prints_a_json_report() {
    let app = spawn(|_| {}).await;
    let url = app.ws_url("/ocpp");
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_chargegate"))
            .args(["simulate", &url, "-n", "2", "--meter-interval=200ms"])
            .args(["--warmup=0", "--duration=1s", "--json", "--quiet"])
            .env_remove("DATABASE_URL")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["stations"], 2);
    assert_eq!(report["ready"], 2);
    assert_eq!(report["target_per_second"], 20.0);
    let meter = &report["actions"]["MeterValues"];
    assert!(meter["timed"].as_u64().unwrap() >= 15, "{report}");
    for field in ["p50_ms", "p99_ms", "p999_ms", "max_ms"] {
        assert!(meter["latency"][field].as_f64().unwrap() > 0.0, "{report}");
    }
}

/// A GraphQL subscription endpoint for the test: acknowledges the connection, answers the
/// first subscription with `LAGGED` (and completes it), then sends the next one a reading
/// every 50 ms. Records the id of each subscribe message.
#[allow(clippy::result_large_err)] // the error type is tungstenite's handshake callback's
async fn lagging_graphql_server() -> (SocketAddr, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let subscribed = Arc::new(Mutex::new(Vec::new()));
    let record = subscribed.clone();
    tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.unwrap();
        let callback = |_: &Request, mut response: Response| {
            response.headers_mut().insert(
                "sec-websocket-protocol",
                HeaderValue::from_static("graphql-transport-ws"),
            );
            Ok(response)
        };
        let mut ws = tokio_tungstenite::accept_hdr_async(tcp, callback)
            .await
            .unwrap();
        let mut live: Option<String> = None;
        let mut tick = tokio::time::interval(std::time::Duration::from_millis(50));
        loop {
            let message = tokio::select! {
                message = ws.next() => message,
                _ = tick.tick() => {
                    let Some(id) = &live else { continue };
                    let at = chrono::Utc::now().to_rfc3339();
                    let next = json!({"id": id, "type": "next", "payload": {"data": {"meterValues":
                        {"stationId": "CP", "meterValues": [{"timestamp": at}]}}}});
                    if ws.send(Message::text(next.to_string())).await.is_err() {
                        return;
                    }
                    continue;
                }
            };
            let Some(Ok(Message::Text(text))) = message else {
                return;
            };
            let message: Value = serde_json::from_str(text.as_str()).unwrap();
            let reply = match message["type"].as_str() {
                Some("connection_init") => vec![json!({"type": "connection_ack"})],
                Some("subscribe") => {
                    let id = message["id"].as_str().unwrap().to_owned();
                    let first = {
                        let mut seen = record.lock().unwrap();
                        seen.push(id.clone());
                        seen.len() == 1
                    };
                    if first {
                        vec![
                            json!({"id": id, "type": "next", "payload": {"data": null, "errors": [
                                {"message": "fell behind", "extensions": {"code": "LAGGED"}}]}}),
                            json!({"id": id, "type": "complete"}),
                        ]
                    } else {
                        live = Some(id);
                        Vec::new()
                    }
                }
                _ => Vec::new(),
            };
            for reply in reply {
                if ws.send(Message::text(reply.to_string())).await.is_err() {
                    return;
                }
            }
        }
    });
    (addr, subscribed)
}

#[chargegate_test]
async fn a_lagged_subscriber_subscribes_again_and_keeps_counting() {
    let (ocpp, _) = bare_server().await;
    let (graphql, subscribed) = lagging_graphql_server().await;
    let run = args(
        &format!("ws://{ocpp}/ocpp"),
        &[
            "--stations=1",
            "--subscribers=1",
            "--graphql-url",
            &format!("ws://{graphql}/graphql/ws"),
            "--warmup=0s",
            "--duration=1s",
        ],
    );
    let report = simulate::run(run, CancellationToken::new()).await.unwrap();
    assert!(report.clean(), "{}", report.text());
    let s = &report.counts.subscribers;
    assert_eq!(
        (s.connected, s.failures, s.lagged),
        (1, 0, 1),
        "{}",
        report.text()
    );
    assert!(s.events > 0, "{}", report.text());
    // A new id for the new subscription: the old one's `complete` is not taken for it.
    assert_eq!(*subscribed.lock().unwrap(), ["1", "2"]);
}

/// OCPP 2.0.1 against the real server (`--ocpp 2.0.1`): sessions as TransactionEvents, the
/// meter load as TransactionEvent Updated while charging, all stored and counted.
async fn a_2_0_1_fleet_charges_with_transaction_events(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    tag(&app, "SIM-TAG").await;
    let run = args(
        &app.ws_url("/ocpp"),
        &[
            "--ocpp=2.0.1",
            "--stations=4",
            "--connectors=2",
            "--rate=40",
            "--charge-for=1s",
            "--pause=300ms",
            "--warmup=500ms",
            "--duration=3s",
        ],
    );
    let report = simulate::run(run, CancellationToken::new()).await.unwrap();
    assert!(report.clean(), "{}", report.text());
    assert_eq!((report.ocpp, report.stations_2_0_1), ("2.0.1", 4));
    assert!(report.text().contains("(OCPP 2.0.1)"), "{}", report.text());
    let c = &report.counts;
    assert_eq!((c.connects, c.ready), (4, 4));
    let started = &c.actions["TransactionEvent Started"];
    let updated = &c.actions["TransactionEvent Updated"];
    let ended = &c.actions["TransactionEvent Ended"];
    for (name, a) in [
        ("Authorize", &c.actions["Authorize"]),
        ("Started", started),
        ("Ended", ended),
    ] {
        assert!(a.answered >= 8, "{name}: {}", report.text());
    }
    assert!(updated.timed > 10, "{}", report.text());
    assert!(updated.latency.p50_ms > 0.0);
    for only_16 in ["StartTransaction", "StopTransaction"] {
        assert!(!c.actions.contains_key(only_16), "{}", report.text());
    }

    let db = app.db();
    let stations = station::Entity::find()
        .filter(station::Column::OcppVersion.eq("2.0.1"))
        .count(db)
        .await
        .unwrap();
    assert_eq!(stations, 4);
    let transactions = transaction::Entity::find().all(db).await.unwrap();
    assert_eq!(transactions.len() as u64, started.answered);
    for tx in &transactions {
        assert!(tx.station_transaction_id.is_some(), "{tx:?}");
        assert_eq!(tx.id_tag, "SIM-TAG");
        assert_eq!(tx.id_token_type.as_deref(), Some("ISO14443"));
        assert!((1..=2).contains(&tx.connector_id), "{tx:?}");
    }
    let stopped = transactions
        .iter()
        .filter(|t| t.stop_time.is_some())
        .count();
    assert_eq!(stopped as u64, ended.answered);
    // Counted once everything sent was answered: exactly what was acknowledged is stored, the
    // begin and end registers and 5 sampled values per Updated, each linked to its transaction.
    let from_events = crate::support::samples_where(db, |s| {
        s.source == "TransactionEvent" && s.transaction_id.is_some()
    })
    .await
    .len() as u64;
    assert_eq!(
        from_events,
        started.answered + 5 * updated.answered + ended.answered,
        "{}",
        report.text()
    );
    // Between sessions, the load goes out as 2.0.1 MeterValues.
    let idle = crate::support::samples_where(db, |s| s.source == "MeterValues")
        .await
        .len() as u64;
    assert_eq!(idle, 5 * c.actions["MeterValues"].answered);
    app.stop().await;
}
on_both_backends!(a_2_0_1_fleet_charges_with_transaction_events);

#[chargegate_test]
async fn a_mixed_fleet_speaks_both_versions() {
    let app = spawn(|_| {}).await;
    tag(&app, "SIM-TAG").await;
    let run = args(
        &app.ws_url("/ocpp"),
        &[
            "--ocpp=mixed",
            "--stations=4",
            "--connectors=1",
            "--rate=20",
            "--charge-for=1s",
            "--pause=300ms",
            "--warmup=500ms",
            "--duration=2s",
        ],
    );
    let report = simulate::run(run, CancellationToken::new()).await.unwrap();
    assert!(report.clean(), "{}", report.text());
    assert_eq!((report.ocpp, report.stations_2_0_1), ("mixed", 2));
    assert!(
        report.text().contains("(OCPP mixed: 2 1.6, 2 2.0.1)"),
        "{}",
        report.text()
    );
    let c = &report.counts;
    for action in [
        "StartTransaction",
        "StopTransaction",
        "TransactionEvent Started",
        "TransactionEvent Ended",
    ] {
        assert!(
            c.actions[action].answered >= 2,
            "{action}: {}",
            report.text()
        );
    }
    let db = app.db();
    let versions: Vec<(String, String)> = station::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.id, s.ocpp_version))
        .collect();
    let expected: Vec<(String, String)> = [
        ("sim-00000", "1.6"),
        ("sim-00001", "2.0.1"),
        ("sim-00002", "1.6"),
        ("sim-00003", "2.0.1"),
    ]
    .iter()
    .map(|(id, v)| ((*id).to_owned(), (*v).to_owned()))
    .collect();
    let mut versions = versions;
    versions.sort();
    assert_eq!(versions, expected);
    // The odd stations' transactions carry their own ids, the even ones' do not.
    for tx in transaction::Entity::find().all(db).await.unwrap() {
        let odd = ["sim-00001", "sim-00003"].contains(&tx.station_id.as_str());
        assert_eq!(tx.station_transaction_id.is_some(), odd, "{tx:?}");
    }
    for (source, station) in [
        ("TransactionEvent", "sim-00001"),
        ("MeterValues", "sim-00000"),
    ] {
        let n = crate::support::samples_where(db, |s| {
            s.source == source && s.station_id == station && s.transaction_id.is_some()
        })
        .await
        .len() as u64;
        assert!(n > 0, "no {source} sample of {station} in a transaction");
    }
    let from_events = crate::support::samples_where(db, |s| s.source == "TransactionEvent")
        .await
        .len() as u64;
    let events = |a: &str| c.actions[a].answered;
    assert_eq!(
        from_events,
        events("TransactionEvent Started")
            + 5 * events("TransactionEvent Updated")
            + events("TransactionEvent Ended")
    );
    // getConfiguration is 1.6's: GraphQL commands need a 1.6 station in the fleet.
    let all_201 =
        SimulateArgs::parse_from(["ws://127.0.0.1:1/ocpp", "--ocpp=2.0.1", "--commands=1"])
            .unwrap();
    let e = simulate::run(all_201, CancellationToken::new())
        .await
        .unwrap_err();
    assert!(e.to_string().contains("--commands"), "{e}");
    app.stop().await;
}

const SCHEMAS_201: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ocpp/tests/schemas/v201");

/// Fails the test unless `payload` is valid against the official 2.0.1 schema `name`
/// (`BootNotificationRequest`, …).
fn valid_201(name: &str, payload: &Value) {
    static SCHEMAS: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> = OnceLock::new();
    let validator = {
        let mut schemas = SCHEMAS.get_or_init(Mutex::default).lock().unwrap();
        schemas
            .entry(name.to_owned())
            .or_insert_with(|| {
                let path = format!("{SCHEMAS_201}/{name}.json");
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                let schema: Value = serde_json::from_str(&text).unwrap();
                let validator = jsonschema::options()
                    .should_validate_formats(true)
                    .should_ignore_unknown_formats(false)
                    .build(&schema)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                Arc::new(validator)
            })
            .clone()
    };
    let errors: Vec<String> = validator
        .iter_errors(payload)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name} invalid: {errors:?}\n{payload}");
}

type ServerWs = tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>;

/// A bare 2.0.1 CSMS for the test: takes `ocpp2.0.1` connections, checks every frame a station
/// sends against the official schemas and answers it, and sends it commands.
struct Csms201 {
    connections: tokio::sync::mpsc::UnboundedReceiver<ServerWs>,
    ws: ServerWs,
    next_id: u64,
    /// Every CALL the station sent: action and payload.
    seen: Vec<(String, Value)>,
}

impl Csms201 {
    #[allow(clippy::result_large_err)] // the error type is tungstenite's handshake callback's
    async fn listen() -> (SocketAddr, tokio::sync::mpsc::UnboundedReceiver<ServerWs>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let callback = |request: &Request, mut response: Response| {
                    let offered = request
                        .headers()
                        .get("sec-websocket-protocol")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    assert_eq!(offered, "ocpp2.0.1");
                    response.headers_mut().insert(
                        "sec-websocket-protocol",
                        HeaderValue::from_static("ocpp2.0.1"),
                    );
                    Ok(response)
                };
                if let Ok(ws) = tokio_tungstenite::accept_hdr_async(tcp, callback).await {
                    let _ = tx.send(ws);
                }
            }
        });
        (addr, rx)
    }

    async fn accept(mut connections: tokio::sync::mpsc::UnboundedReceiver<ServerWs>) -> Self {
        let ws = tokio::time::timeout(std::time::Duration::from_secs(10), connections.recv())
            .await
            .expect("a station connects within 10 s")
            .expect("the listener runs");
        Self {
            connections,
            ws,
            next_id: 0,
            seen: Vec::new(),
        }
    }

    /// The next frame, or `None` once the station closed the connection.
    async fn frame(&mut self) -> Option<Value> {
        loop {
            let next = tokio::time::timeout(std::time::Duration::from_secs(10), self.ws.next())
                .await
                .expect("a frame within 10 s");
            match next {
                Some(Ok(Message::Text(text))) => return Some(serde_json::from_str(&text).unwrap()),
                Some(Ok(Message::Close(_)) | Err(_)) | None => return None,
                Some(Ok(_)) => {}
            }
        }
    }

    /// Takes the station's CALL (checked, recorded, answered); `None` for any other frame.
    async fn take_call(&mut self, frame: &Value) -> Option<(String, Value)> {
        if frame[0] != 2 {
            return None;
        }
        let action = frame[2].as_str().unwrap().to_owned();
        let payload = frame[3].clone();
        valid_201(&format!("{action}Request"), &payload);
        let now = chrono::Utc::now().to_rfc3339();
        let answer = match action.as_str() {
            "BootNotification" => json!({"status": "Accepted", "currentTime": now, "interval": 1}),
            "Heartbeat" => json!({"currentTime": now}),
            "Authorize" => json!({"idTokenInfo": {"status": "Accepted"}}),
            _ => json!({}),
        };
        valid_201(&format!("{action}Response"), &answer);
        let reply = json!([3, frame[1], answer]).to_string();
        self.ws.send(Message::text(reply)).await.unwrap();
        self.seen.push((action.clone(), payload.clone()));
        Some((action, payload))
    }

    /// Answers the station until it sends `action` (for which `check` holds): its payload.
    async fn expect(&mut self, action: &str, check: impl Fn(&Value) -> bool) -> Value {
        loop {
            let frame = self
                .frame()
                .await
                .unwrap_or_else(|| panic!("closed before {action}"));
            if let Some((a, payload)) = self.take_call(&frame).await
                && a == action
                && check(&payload)
            {
                return payload;
            }
        }
    }

    /// Sends command `action` (a valid request) and returns the station's answer, checked
    /// against the response's schema.
    async fn command(&mut self, action: &str, payload: Value) -> Value {
        valid_201(&format!("{action}Request"), &payload);
        self.next_id += 1;
        let id = format!("csms-{}", self.next_id);
        let call = json!([2, id, action, payload]).to_string();
        self.ws.send(Message::text(call)).await.unwrap();
        loop {
            let frame = self
                .frame()
                .await
                .unwrap_or_else(|| panic!("closed before answering {action}"));
            if self.take_call(&frame).await.is_some() {
                continue;
            }
            assert_eq!(frame[1], id.as_str(), "{frame}");
            assert_eq!(frame[0], 3, "{action} answered with {frame}");
            valid_201(&format!("{action}Response"), &frame[2]);
            return frame[2].clone();
        }
    }
}

#[chargegate_test]
async fn a_2_0_1_station_sends_valid_frames_and_answers_every_command() {
    let (addr, connections) = Csms201::listen().await;
    let interrupt = CancellationToken::new();
    let run = args(
        &format!("ws://{addr}/ocpp"),
        &[
            "--ocpp=2.0.1",
            "--stations=1",
            "--connectors=2",
            "--meter-interval=300ms",
            "--measurands=8",
            "--warmup=0s",
            "--duration=120s",
        ],
    );
    let running = tokio::spawn(simulate::run(run, interrupt.clone()));
    let mut csms = Csms201::accept(connections).await;
    let boot = csms.expect("BootNotification", |_| true).await;
    assert_eq!(boot["reason"], "PowerUp");
    for evse in [1, 2] {
        let status = csms
            .expect("StatusNotification", |p| p["evseId"] == evse)
            .await;
        assert_eq!(
            (
                status["connectorStatus"].as_str(),
                status["connectorId"].as_i64()
            ),
            (Some("Available"), Some(1))
        );
    }
    // Idle connectors sample as MeterValues; the heartbeat follows the boot's interval.
    let idle = csms.expect("MeterValues", |_| true).await;
    assert_eq!(
        idle["meterValue"][0]["sampledValue"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    csms.expect("Heartbeat", |_| true).await;

    let got = csms
        .command(
            "GetVariables",
            json!({"getVariableData": [
                {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}},
                {"component": {"name": "Nope"}, "variable": {"name": "X"}}
            ]}),
        )
        .await;
    assert_eq!(got["getVariableResult"][0]["attributeValue"], "1");
    assert_eq!(
        got["getVariableResult"][1]["attributeStatus"],
        "UnknownComponent"
    );
    let set = csms
        .command(
            "SetVariables",
            json!({"setVariableData": [{"attributeValue": "1",
                "component": {"name": "SampledDataCtrlr"}, "variable": {"name": "TxUpdatedInterval"}}]}),
        )
        .await;
    assert_eq!(set["setVariableResult"][0]["attributeStatus"], "Accepted");
    let base = csms
        .command(
            "GetBaseReport",
            json!({"requestId": 7, "reportBase": "FullInventory"}),
        )
        .await;
    assert_eq!(base["status"], "Accepted");
    let report = csms.expect("NotifyReport", |p| p["requestId"] == 7).await;
    assert!(
        report["reportData"].as_array().unwrap().len() >= 2,
        "{report}"
    );
    let none = csms
        .command(
            "GetReport",
            json!({"requestId": 8, "componentVariable": [{"component": {"name": "Nope"}}]}),
        )
        .await;
    assert_eq!(none["status"], "EmptyResultSet");

    // A remote start: a transaction of the station's own id, its meter values as Updated
    // events in sequence, then a remote stop.
    let start = csms
        .command(
            "RequestStartTransaction",
            json!({"idToken": {"idToken": "REMOTE", "type": "Central"}, "remoteStartId": 42, "evseId": 2}),
        )
        .await;
    assert_eq!(start["status"], "Accepted");
    let started = csms
        .expect("TransactionEvent", |p| p["eventType"] == "Started")
        .await;
    assert_eq!(started["triggerReason"], "RemoteStart");
    assert_eq!(started["transactionInfo"]["remoteStartId"], 42);
    assert_eq!(started["evse"], json!({"id": 2, "connectorId": 1}));
    assert_eq!(
        started["idToken"],
        json!({"idToken": "REMOTE", "type": "Central"})
    );
    assert_eq!(
        started["meterValue"][0]["sampledValue"][0]["context"],
        "Transaction.Begin"
    );
    assert_eq!(started["seqNo"], 0);
    let tx = started["transactionInfo"]["transactionId"]
        .as_str()
        .unwrap()
        .to_owned();
    csms.expect("StatusNotification", |p| {
        p["evseId"] == 2 && p["connectorStatus"] == "Occupied"
    })
    .await;
    let updated = csms
        .expect("TransactionEvent", |p| p["eventType"] == "Updated")
        .await;
    assert_eq!(updated["triggerReason"], "MeterValuePeriodic");
    assert_eq!(updated["transactionInfo"]["transactionId"], tx.as_str());
    assert_eq!(updated["seqNo"], 1);
    assert_eq!(
        updated["meterValue"][0]["sampledValue"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    let status = csms
        .command("GetTransactionStatus", json!({"transactionId": tx}))
        .await;
    assert_eq!(status["ongoingIndicator"], true);
    let unlock = csms
        .command("UnlockConnector", json!({"evseId": 2, "connectorId": 1}))
        .await;
    assert_eq!(unlock["status"], "OngoingAuthorizedTransaction");
    let trigger = csms
        .command(
            "TriggerMessage",
            json!({"requestedMessage": "TransactionEvent", "evse": {"id": 2}}),
        )
        .await;
    assert_eq!(trigger["status"], "Accepted");
    csms.expect("TransactionEvent", |p| p["triggerReason"] == "Trigger")
        .await;
    let stop = csms
        .command("RequestStopTransaction", json!({"transactionId": tx}))
        .await;
    assert_eq!(stop["status"], "Accepted");
    let ended = csms
        .expect("TransactionEvent", |p| p["eventType"] == "Ended")
        .await;
    assert_eq!(ended["triggerReason"], "RemoteStop");
    assert_eq!(ended["transactionInfo"]["stoppedReason"], "Remote");
    assert_eq!(
        ended["meterValue"][0]["sampledValue"][0]["context"],
        "Transaction.End"
    );
    // Every event of the transaction, in sequence.
    let seq_nos: Vec<i64> = csms
        .seen
        .iter()
        .filter(|(a, p)| {
            a == "TransactionEvent" && p["transactionInfo"]["transactionId"] == tx.as_str()
        })
        .map(|(_, p)| p["seqNo"].as_i64().unwrap())
        .collect();
    assert_eq!(seq_nos, (0..seq_nos.len() as i64).collect::<Vec<_>>());
    let again = csms
        .command("RequestStopTransaction", json!({"transactionId": tx}))
        .await;
    assert_eq!(again["status"], "Rejected");

    let unavailable = csms
        .command(
            "ChangeAvailability",
            json!({"operationalStatus": "Inoperative", "evse": {"id": 1}}),
        )
        .await;
    assert_eq!(unavailable["status"], "Accepted");
    csms.expect("StatusNotification", |p| {
        p["evseId"] == 1 && p["connectorStatus"] == "Unavailable"
    })
    .await;
    for (requested, sent) in [
        ("MeterValues", "MeterValues"),
        ("LogStatusNotification", "LogStatusNotification"),
        ("FirmwareStatusNotification", "FirmwareStatusNotification"),
    ] {
        let answer = csms
            .command("TriggerMessage", json!({"requestedMessage": requested}))
            .await;
        assert_eq!(answer["status"], "Accepted", "{requested}");
        csms.expect(sent, |_| true).await;
    }

    // The rest of what a CSMS sends: each answered, as its schema says.
    let token = json!({"idToken": "A", "type": "Central"});
    let commands = [
        ("CancelReservation", json!({"reservationId": 1})),
        (
            "CertificateSigned",
            json!({"certificateChain": "-----BEGIN CERTIFICATE-----"}),
        ),
        ("ClearCache", json!({})),
        ("ClearChargingProfile", json!({})),
        ("ClearDisplayMessage", json!({"id": 1})),
        ("ClearVariableMonitoring", json!({"id": [1, 2]})),
        (
            "CostUpdated",
            json!({"totalCost": 1.5, "transactionId": "t-1"}),
        ),
        (
            "CustomerInformation",
            json!({"requestId": 1, "report": true, "clear": false}),
        ),
        ("DataTransfer", json!({"vendorId": "org.example"})),
        (
            "DeleteCertificate",
            json!({"certificateHashData": {"hashAlgorithm": "SHA256",
                "issuerNameHash": "a", "issuerKeyHash": "b", "serialNumber": "c"}}),
        ),
        (
            "GetChargingProfiles",
            json!({"requestId": 1, "chargingProfile": {"chargingProfilePurpose": "TxProfile"}}),
        ),
        ("GetCompositeSchedule", json!({"duration": 60, "evseId": 1})),
        ("GetDisplayMessages", json!({"requestId": 1})),
        ("GetInstalledCertificateIds", json!({})),
        ("GetLocalListVersion", json!({})),
        (
            "GetLog",
            json!({"logType": "DiagnosticsLog", "requestId": 1,
                   "log": {"remoteLocation": "ftp://example.org/logs"}}),
        ),
        ("GetMonitoringReport", json!({"requestId": 1})),
        (
            "InstallCertificate",
            json!({"certificateType": "CSMSRootCertificate", "certificate": "x"}),
        ),
        (
            "PublishFirmware",
            json!({"location": "http://example.org/fw", "checksum": "abc", "requestId": 1}),
        ),
        (
            "ReserveNow",
            json!({"id": 1, "expiryDateTime": "2030-01-01T00:00:00Z", "idToken": token}),
        ),
        (
            "SendLocalList",
            json!({"versionNumber": 1, "updateType": "Full"}),
        ),
        (
            "SetChargingProfile",
            json!({"evseId": 1, "chargingProfile": {"id": 1, "stackLevel": 0,
                "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute",
                "chargingSchedule": [{"id": 1, "chargingRateUnit": "A",
                    "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}]}]}}),
        ),
        (
            "SetDisplayMessage",
            json!({"message": {"id": 1, "priority": "NormalCycle",
                   "message": {"format": "ASCII", "content": "hello"}}}),
        ),
        ("SetMonitoringBase", json!({"monitoringBase": "All"})),
        ("SetMonitoringLevel", json!({"severity": 5})),
        (
            "SetNetworkProfile",
            json!({"configurationSlot": 1, "connectionData": {"ocppVersion": "OCPP20",
                "ocppTransport": "JSON", "ocppCsmsUrl": "ws://example.org/ocpp",
                "messageTimeout": 30, "securityProfile": 1, "ocppInterface": "Wired0"}}),
        ),
        (
            "SetVariableMonitoring",
            json!({"setMonitoringData": [{"value": 1.0, "type": "Delta", "severity": 5,
                "component": {"name": "X"}, "variable": {"name": "Y"}}]}),
        ),
        ("UnpublishFirmware", json!({"checksum": "abc"})),
        (
            "UpdateFirmware",
            json!({"requestId": 1, "firmware": {"location": "http://example.org/fw",
                   "retrieveDateTime": "2030-01-01T00:00:00Z"}}),
        ),
    ];
    for (action, payload) in &commands {
        csms.command(action, payload.clone()).await;
    }
    // A reset: accepted, the station reconnects and boots again, saying why.
    let reset = csms.command("Reset", json!({"type": "Immediate"})).await;
    assert_eq!(reset["status"], "Accepted");
    // What is queued goes out (and is answered) before the station closes.
    while let Some(frame) = csms.frame().await {
        csms.take_call(&frame).await;
    }
    let mut csms = Csms201::accept(csms.connections).await;
    let boot = csms.expect("BootNotification", |_| true).await;
    assert_eq!(boot["reason"], "RemoteReset");
    interrupt.cancel();
    let report = running.await.unwrap().unwrap();
    // Every command a CSMS may send was answered, none with a CallError.
    assert_eq!(report.counts.server_calls_unsupported, 0);
    assert_eq!(report.counts.protocol_errors, 0, "{}", report.text());
    let covered = [
        "GetVariables",
        "SetVariables",
        "GetBaseReport",
        "GetReport",
        "RequestStartTransaction",
        "GetTransactionStatus",
        "UnlockConnector",
        "TriggerMessage",
        "RequestStopTransaction",
        "ChangeAvailability",
        "Reset",
    ];
    for action in ocpp::v201::actions::NOT_SUPPORTED_ACTIONS {
        assert!(
            covered.contains(action) || commands.iter().any(|(a, _)| a == action),
            "{action} not tried"
        );
    }
}
