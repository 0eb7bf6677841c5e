//! `chargegate simulate` against the real server and against a bare test server: charging
//! cycles stored, subscribers timed, server commands answered, Basic auth sent, connections
//! spread over source addresses, and the report printed by the binary as JSON.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use chargegate::simulate::{self, SimulateArgs};
use entity::{meter_value, ocpp_message, transaction};
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

use crate::support::{TestApp, eventually, spawn};

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
    let samples = meter_value::Entity::find()
        .filter(meter_value::Column::Source.eq("MeterValues"))
        .count(app.db())
        .await
        .unwrap();
    // The counts are taken once the stations went quiet and every call was answered: exactly
    // the acknowledged samples are stored.
    assert_eq!(meter.sent, meter.answered);
    assert_eq!(samples, 5 * meter.answered);
    let linked = meter_value::Entity::find()
        .filter(meter_value::Column::TransactionId.is_not_null())
        .count(app.db())
        .await
        .unwrap();
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
        let n = meter_value::Entity::find()
            .filter(meter_value::Column::StationId.eq("cmd-00000"))
            .count(app.db())
            .await
            .unwrap();
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
