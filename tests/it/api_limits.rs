//! The API's limits (issue 19): documents whose work explodes after fragment expansion, deep
//! nesting and repeated variables are refused before validation; bodies and WebSocket messages
//! over the size limit; errors that never quote the query; `/graphql/ws` sockets capped in all
//! and per address, closed without `connection_init`, with a cap on their operations; field
//! suggestions with introspection off; the query timeout.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};
use tokio_tungstenite::tungstenite::{self, Message, client::IntoClientRequest, http::HeaderValue};

use crate::gql::{GqlWs, first_error};
use crate::next_after;
use crate::on_both_backends;
use crate::support::{Backend, PATIENCE, Socket, TestApp, eventually, spawn, spawn_on};

/// `fragment F0 … { __typename }`, each next fragment spreading the previous one twice, and
/// an operation spreading the last: about 3 × 2^levels selections in a document of ~40 bytes
/// per level.
fn doubling(levels: usize) -> String {
    let mut query = String::from("fragment F0 on Query { __typename }\n");
    for n in 1..=levels {
        query += &format!("fragment F{n} on Query {{ ...F{m} ...F{m} }}\n", m = n - 1);
    }
    query + &format!("{{ ...F{levels} }}")
}

/// POSTs a JSON body to `/graphql` (on a task of its own if need be): the status and body.
async fn post(addr: std::net::SocketAddr, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("http://{addr}/graphql"))
        .json(&body)
        .send()
        .await
        .expect("HTTP request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON answer"))
}

#[chargegate_test]
async fn fragment_doubling_is_refused_before_validation_and_stations_are_served() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-DOUBLE").await;

    // 2^20 selections: today's code validates and runs them (and answers data).
    let (status, answer) = post(app.addr, json!({"query": doubling(20)})).await;
    assert_eq!(status, 200);
    let (code, message) = first_error(&answer);
    assert_eq!(code, "BAD_USER_INPUT", "{answer}");
    assert!(message.contains("10000 selections"), "{message}");

    // The documents of the issue (1.5 GiB at 23 levels, 11 GiB at 29), sent while the station
    // heartbeats: each is answered with the limit's error, and so is the station.
    let heavy: Vec<_> = [26, 29]
        .into_iter()
        .map(|levels| tokio::spawn(post(app.addr, json!({"query": doubling(levels)}))))
        .collect();
    for _ in 0..3 {
        assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    }
    for answer in heavy {
        let (_, answer) = tokio::time::timeout(PATIENCE, answer)
            .await
            .expect("answered in time")
            .unwrap();
        assert_eq!(first_error(&answer).0, "BAD_USER_INPUT", "{answer}");
        assert!(answer["data"].is_null(), "{answer}");
    }
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
}

/// What a console asks for on its overview page: fragments spread many times, 20 aliases.
fn console_query() -> String {
    let aliases: String = (0..20)
        .map(|n| format!("s{n}: station(id: \"CP-{n}\") {{ ...StationCard }}\n"))
        .collect();
    format!(
        "fragment Reading on MeterReading {{ timestamp transactionId sampledValues {{ value unit measurand phase context location format numericValue }} }}
         fragment ConnectorRow on Connector {{ connectorId status errorCode info vendorErrorCode statusTimestamp updatedAt
             currentTransaction {{ id idTag startTime energyWh meterStart active flags }} lastMeterReading {{ ...Reading }} }}
         fragment StationCard on Station {{ id vendor model registrationStatus connected connectedSince lastHeartbeatAt lastSeenAt
             firmwareVersion firmwareStatus securityProfile connectors {{ ...ConnectorRow }} }}
         query Overview {{
             {aliases}
             stations(first: 20) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ ...StationCard }} }}
             transactions(first: 20, active: true) {{ totalCount nodes {{ id stationId connectorId idTag startTime energyWh station {{ id vendor }} }} }}
             me {{ __typename }}
         }}"
    )
}

#[chargegate_test]
async fn a_large_console_query_and_aliases_within_the_limits_pass() {
    let app = spawn(|_| {}).await;
    let _cp = app.booted_station("CP-1").await;
    let data = app.ok(&app.admin(), &console_query(), json!({})).await;
    assert_eq!(data["s1"]["id"], "CP-1", "{data}");
    assert_eq!(data["stations"]["totalCount"], 1);

    // 30 aliases in one fragment are allowed once; spread twice they are 60.
    let aliases: String = (0..30).map(|n| format!("a{n}: __typename ")).collect();
    let once = format!("{{ ...Many }} fragment Many on Query {{ {aliases} }}");
    app.ok(&app.admin(), &once, json!({})).await;
    let twice = format!("{{ ...Many ...Many }} fragment Many on Query {{ {aliases} }}");
    let (code, message) = app.err(None, &twice, json!({})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("30 aliases"), "{message}");
}

#[chargegate_test]
async fn a_batch_shares_one_selection_budget() {
    let app = spawn(|s| s.limits.query_selection_limit = 1_000).await;
    // 10 × (1 + 60): 610 of the 1,000 each.
    let fields = "__typename ".repeat(60);
    let query = format!(
        "{{ {} }} fragment Sixty on Query {{ {fields} }}",
        "...Sixty ".repeat(10)
    );
    let single = app.gql(None, &query, json!({})).await;
    assert!(single.get("errors").is_none(), "{single}");
    let (status, answers) = post(app.addr, json!([{"query": query}, {"query": query}])).await;
    assert_eq!(status, 200);
    let refused: Vec<_> = answers
        .as_array()
        .expect("a batch answer")
        .iter()
        .filter(|a| a.get("errors").is_some())
        .collect();
    assert_eq!(refused.len(), 1, "{answers}");
    assert_eq!(first_error(refused[0]).0, "BAD_USER_INPUT");
}

#[chargegate_test]
async fn a_variable_used_again_and_again_counts_each_time() {
    let app = spawn(|_| {}).await;
    let keys: Vec<String> = (0..20_000).map(|n| format!("key{n}")).collect();
    // Today each use clones and checks the 20,000 keys again (a 260 KB request took 49 s).
    let query = format!(
        "mutation($keys: [String!]) {{ getConfiguration(stationId: \"CP\", keys: $keys{}) {{ unknownKey }} }}",
        ", keys: $keys".repeat(20)
    );
    let (code, message) = app.err(None, &query, json!({"keys": keys})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("selections"), "{message}");
}

#[chargegate_test]
async fn deeply_nested_literals_are_refused_and_the_server_lives_on() {
    let app = spawn(|_| {}).await;
    // 300 levels overflowed a worker's stack: the whole process aborted.
    let query = format!(
        "{{ station(id: {}1{}) {{ id }} }}",
        "{a:".repeat(300),
        "}".repeat(300)
    );
    let (code, message) = app.err(None, &query, json!({})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("64 deep"), "{message}");
    let health = reqwest::get(format!("http://{}/health", app.addr))
        .await
        .unwrap();
    assert_eq!(health.status().as_u16(), 200);
}

#[chargegate_test]
async fn errors_never_quote_the_query_and_stay_few() {
    let app = spawn(|_| {}).await;
    // A 900 KB name in a broken document: where and what was expected, nothing of it.
    let name = "x".repeat(900_000);
    let (status, answer) = post(app.addr, json!({"query": format!("{{ {name} ( }}")})).await;
    assert_eq!(status, 200);
    let text = answer.to_string();
    assert!(text.len() < 1_000, "{} bytes: {}", text.len(), &text[..300]);
    assert!(!text.contains("xxxxxxxxxx"), "{text}");
    let (code, message) = first_error(&answer);
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(
        message.starts_with("syntax error at line 1, column "),
        "{message}"
    );
    assert!(message.contains("expected"), "{message}");
    // In a valid one, validation names it: cut short.
    let (_, answer) = post(app.addr, json!({"query": format!("{{ {name} }}")})).await;
    let text = answer.to_string();
    assert!(text.len() < 1_000, "{} bytes: {}", text.len(), &text[..300]);
    let (code, message) = first_error(&answer);
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.chars().count() <= 200, "{message}");

    // One error per unknown field: at most 100 of them, and a last one saying how many more.
    let query = format!("{{ {} }}", "nope ".repeat(500));
    let (_, answer) = post(app.addr, json!({"query": query})).await;
    let errors = answer["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 101, "{}", errors.len());
    assert_eq!(errors[100]["message"], "400 more errors not shown");
}

/// Opens a TCP connection and sends `head` (the request line and headers) and `body`.
async fn raw_request(app: &TestApp, head: &str, body: &[u8]) -> TcpStream {
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(body).await.unwrap();
    tcp
}

/// Reads an HTTP response: its status and body (read to its Content-Length or the end).
async fn raw_response(tcp: &mut TcpStream) -> (u16, String) {
    let mut data = Vec::new();
    let read = async {
        loop {
            let mut chunk = [0u8; 8192];
            let n = tcp.read(&mut chunk).await.unwrap_or(0);
            data.extend_from_slice(&chunk[..n]);
            if let Some(done) = complete_response(&data) {
                return done;
            }
            assert!(
                n > 0,
                "connection closed mid-response: {:?}",
                String::from_utf8_lossy(&data)
            );
        }
    };
    tokio::time::timeout(PATIENCE, read)
        .await
        .expect("a response in time")
}

fn complete_response(data: &[u8]) -> Option<(u16, String)> {
    let text = String::from_utf8_lossy(data);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })?
        .parse()
        .ok()?;
    (body.len() >= length).then(|| (status, body[..length].to_owned()))
}

fn graphql_error_code(body: &str) -> String {
    let body: Value = serde_json::from_str(body).unwrap_or_else(|_| panic!("JSON: {body}"));
    first_error(&body).0
}

#[chargegate_test]
async fn a_body_announced_too_large_is_refused_before_it_is_read() {
    let app = spawn(|_| {}).await;
    // 256 MiB announced, a few bytes sent: the answer comes without the rest.
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        256 << 20
    );
    let mut tcp = raw_request(&app, &head, b"{\"query\":").await;
    let (status, body) = raw_response(&mut tcp).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(graphql_error_code(&body), "BAD_USER_INPUT");

    // Up to the limit is fine: a query padded with blanks to exactly 1 MiB.
    let mut exact = json!({"query": "{ __typename }"}).to_string();
    exact.insert_str(1, &" ".repeat((1 << 20) - exact.len()));
    assert_eq!(exact.len(), 1 << 20);
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        exact.len()
    );
    let mut tcp = raw_request(&app, &head, exact.as_bytes()).await;
    let (status, body) = raw_response(&mut tcp).await;
    assert_eq!(
        (status, body.as_str()),
        (200, "{\"data\":{\"__typename\":\"Query\"}}")
    );

    // The API takes no uploads: multipart is not parsed at all.
    let head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 4\r\n\r\n";
    let mut tcp = raw_request(&app, head, b"--b\n").await;
    let (status, body) = raw_response(&mut tcp).await;
    assert_eq!(status, 415, "{body}");
}

#[chargegate_test]
async fn a_chunked_body_is_cut_off_at_the_limit() {
    let app = spawn(|s| s.limits.max_request_size = "64KiB".parse().unwrap()).await;
    let head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    let tcp = raw_request(&app, head, b"").await;
    let (mut reader, mut writer) = tcp.into_split();
    // 64 MiB in 16 KiB chunks: more than any socket buffer holds, so the writer only gets
    // through if the server reads it all.
    const TOTAL: usize = 64 << 20;
    let sender = tokio::spawn(async move {
        let chunk = format!("4000\r\n{}\r\n", " ".repeat(0x4000));
        let mut sent = 0;
        while sent < TOTAL {
            if writer.write_all(chunk.as_bytes()).await.is_err() {
                break;
            }
            sent += 0x4000;
        }
        sent
    });
    let mut data = Vec::new();
    let status = tokio::time::timeout(PATIENCE, async {
        loop {
            let mut chunk = [0u8; 4096];
            let n = reader.read(&mut chunk).await.unwrap_or(0);
            data.extend_from_slice(&chunk[..n]);
            if let Some((status, _)) = complete_response(&data) {
                return status;
            }
            assert!(n > 0, "closed without an answer");
        }
    })
    .await
    .expect("an answer in time");
    assert_eq!(status, 413);
    let sent = tokio::time::timeout(PATIENCE, sender)
        .await
        .expect("the server stops reading")
        .unwrap();
    assert!(sent < TOTAL, "the server read all {sent} bytes");
}

#[chargegate_test]
async fn a_body_that_does_not_arrive_in_time_is_answered_408() {
    let app = spawn(|s| s.limits.body_read_timeout = "1s".parse().unwrap()).await;
    let head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    let mut tcp = raw_request(&app, head, b"{\"query\":").await;
    let mut byte = [0u8; 1];
    assert!(
        tokio::time::timeout(Duration::from_millis(200), tcp.read(&mut byte))
            .await
            .is_err(),
        "answered before the body timeout"
    );
    let (status, body) = raw_response(&mut tcp).await;
    assert_eq!(status, 408, "{body}");
    assert_eq!(graphql_error_code(&body), "TIMEOUT");
}

#[chargegate_test]
async fn the_rest_api_takes_the_same_body_limit_and_never_quotes_the_body() {
    let app = spawn(|_| {}).await;
    let _cp = app.booted_station("CP-REST").await;
    let url = format!(
        "http://{}/api/v1/centralsystem/clients/CP-REST/reset",
        app.addr
    );
    // 1.5 MiB: below axum's 2 MB default, above the 1 MiB setting.
    let big = json!({"type": "x".repeat(3 << 19)});
    let response = reqwest::Client::new()
        .post(&url)
        .bearer_auth(app.admin())
        .json(&big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "BAD_USER_INPUT", "{body}");

    let quoted = json!({"type": "y".repeat(100_000)});
    let response = reqwest::Client::new()
        .post(&url)
        .bearer_auth(app.admin())
        .json(&quoted)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let text = response.text().await.unwrap();
    assert!(text.len() < 600, "{} bytes", text.len());
}

/// A `/graphql/ws` upgrade offering `protocol`, as if from `client` behind the test's proxy.
async fn ws_connect(app: &TestApp, protocol: &str, client: Option<&str>) -> Result<Socket, u16> {
    let mut request = format!("ws://{}/graphql/ws", app.addr)
        .into_client_request()
        .unwrap();
    let headers = request.headers_mut();
    headers.insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_str(protocol).unwrap(),
    );
    if let Some(client) = client {
        headers.insert("X-Forwarded-For", HeaderValue::from_str(client).unwrap());
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((ws, _)) => Ok(ws),
        Err(tungstenite::Error::Http(response)) => Err(response.status().as_u16()),
        Err(e) => panic!("unexpected upgrade failure: {e}"),
    }
}

/// The close code the server ends `ws` with (`None`: closed without a close frame).
async fn close_code(ws: &mut Socket) -> Option<u16> {
    loop {
        match tokio::time::timeout(PATIENCE, ws.next())
            .await
            .expect("the server closes the socket in time")
        {
            Some(Ok(Message::Close(frame))) => return frame.map(|f| u16::from(f.code)),
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => return None,
        }
    }
}

#[chargegate_test]
async fn a_socket_without_connection_init_is_closed_with_4408() {
    let app = spawn(|s| s.limits.connection_init_timeout = "2s".parse().unwrap()).await;
    for protocol in ["graphql-transport-ws", "graphql-ws"] {
        let mut ws = ws_connect(&app, protocol, None).await.unwrap();
        assert!(
            tokio::time::timeout(Duration::from_millis(300), ws.next())
                .await
                .is_err(),
            "{protocol}: closed before the timeout"
        );
        assert_eq!(close_code(&mut ws).await, Some(4408), "{protocol}");
    }
    // A socket that sent it stays open past the timeout.
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    ws.send(json!({"id": "q", "type": "subscribe", "payload": {"query": "{ __typename }"}}))
        .await;
    assert_eq!(ws.next("q").await["data"]["__typename"], "Query");
}

#[chargegate_test]
async fn a_websocket_message_over_the_limit_closes_the_socket_with_1009() {
    let app = spawn(|s| s.limits.max_request_size = "64KiB".parse().unwrap()).await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    let padded = format!("{{ __typename }}{}", " ".repeat(100_000));
    ws.send(json!({"id": "big", "type": "subscribe", "payload": {"query": padded}}))
        .await;
    let closed = ws.recv().await;
    assert_eq!(closed, json!({"type": "closed", "code": 1009}));

    // The server goes on: a new socket, and a message just under the limit.
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    let padded = format!("{{ __typename }}{}", " ".repeat(60_000));
    ws.send(json!({"id": "ok", "type": "subscribe", "payload": {"query": padded}}))
        .await;
    assert_eq!(ws.next("ok").await["data"]["__typename"], "Query");
}

#[chargegate_test]
async fn graphql_sockets_are_capped_in_all_and_per_address() {
    let app = spawn(|s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        s.limits.max_api_sockets = 5;
        s.limits.max_api_sockets_per_address = 2;
        s.limits.connection_init_timeout = "2s".parse().unwrap();
        s.limits.max_request_size = "4KiB".parse().unwrap();
    })
    .await;
    let proto = "graphql-transport-ws";
    let mut a1 = ws_connect(&app, proto, Some("192.0.2.1")).await.unwrap();
    let a2 = ws_connect(&app, proto, Some("192.0.2.1")).await.unwrap();
    assert_eq!(
        ws_connect(&app, proto, Some("192.0.2.1")).await.err(),
        Some(429)
    );
    // An IPv6 client counts by its /64.
    let mut b1 = ws_connect(&app, proto, Some("2001:db8::1")).await.unwrap();
    let mut b2 = ws_connect(&app, proto, Some("2001:db8::2")).await.unwrap();
    assert_eq!(
        ws_connect(&app, proto, Some("2001:db8::3")).await.err(),
        Some(429)
    );
    let _c1 = ws_connect(&app, proto, Some("192.0.2.3")).await.unwrap();
    // Five open in all.
    assert_eq!(
        ws_connect(&app, proto, Some("192.0.2.4")).await.err(),
        Some(503)
    );

    // Each way a socket ends gives its place back: a message over the limit (1009, sent
    // well within b2's init timeout); the client closes; the client vanishes; no
    // connection_init in time (4408).
    b2.send(Message::text(format!(
        "{{\"type\":\"connection_init\",\"payload\":{{\"pad\":\"{}\"}}}}",
        " ".repeat(8_000)
    )))
    .await
    .unwrap();
    assert_eq!(close_code(&mut b2).await, Some(1009));
    a1.close(None).await.unwrap();
    drop(a2);
    assert_eq!(close_code(&mut b1).await, Some(4408));
    for client in ["192.0.2.1", "2001:db8::4"] {
        let mut opened = Vec::new();
        for _ in 0..2 {
            opened.push(
                eventually(&format!("a place for {client}"), || {
                    let app = &app;
                    async move { ws_connect(app, proto, Some(client)).await.ok() }
                })
                .await,
            );
        }
        drop(opened);
    }
}

#[chargegate_test]
async fn operations_per_socket_are_capped_and_completing_one_frees_its_place() {
    let app = spawn(|s| s.limits.max_subscriptions_per_socket = 3).await;
    let admin = app.admin();
    let mut ws = GqlWs::open(&app, &admin).await;
    let events = "subscription { stationEvents(stationId: \"CP-CAP\") { kind stationId } }";
    for id in ["s1", "s2", "s3"] {
        ws.subscribe(id, events, json!({})).await;
    }
    ws.subscribe("s4", events, json!({})).await;
    let refused = ws.next("s4").await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "LIMIT_EXCEEDED",
        "{refused}"
    );

    // The socket and the three others go on.
    let mut cp = app.station("CP-CAP").await;
    let boot = json!({"chargePointVendor": "V", "chargePointModel": "M"});
    for id in ["s1", "s2", "s3"] {
        let event = next_after!(ws, id, {
            cp.call("BootNotification", boot.clone()).await;
        });
        assert_eq!(
            event["data"]["stationEvents"]["stationId"], "CP-CAP",
            "{event}"
        );
    }

    // Completing one frees its place (the socket's messages are handled in order).
    ws.send(json!({"id": "s1", "type": "complete"})).await;
    ws.subscribe("s5", events, json!({})).await;
    let again = next_after!(ws, "s5", {
        cp.call("BootNotification", boot.clone()).await;
    });
    assert!(again.get("errors").is_none(), "{again}");
    assert_eq!(again["data"]["stationEvents"]["stationId"], "CP-CAP");
}

#[chargegate_test]
async fn field_suggestions_are_off_when_introspection_is() {
    let typo = "{ statins { totalCount } }";
    let open = spawn(|_| {}).await;
    let (_, message) = open.err(Some(&open.admin()), typo, json!({})).await;
    assert!(message.contains("Did you mean"), "{message}");
    let closed = spawn(|s| s.introspection = false).await;
    let (code, message) = closed.err(Some(&closed.admin()), typo, json!({})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(!message.contains("stations"), "{message}");
}

/// Holds the database so that reading `stations` waits: the only read connection on SQLite,
/// a lock on the table on PostgreSQL.
async fn block_station_reads(app: &TestApp, backend: Backend) -> sea_orm::DatabaseTransaction {
    use sea_orm::{ConnectionTrait, TransactionTrait};
    let hold = app.db().begin().await.unwrap();
    if backend == Backend::Postgres {
        hold.execute_unprepared("LOCK TABLE stations IN ACCESS EXCLUSIVE MODE")
            .await
            .unwrap();
    }
    hold
}

async fn slow_queries_time_out_but_commands_are_not_cut_short(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        if backend == Backend::Sqlite {
            // One read connection, which the test holds.
            s.db_read_connections = 1;
        }
        // The mutation below gets 2s, the command in it 1s: a whole second for what the
        // mutation reads before it sends the command, even on a loaded machine.
        s.limits.query_timeout = "1s".parse().unwrap();
        s.command_timeout = "1s".parse().unwrap();
    })
    .await
    else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-SLOW").await;
    let mut ws = GqlWs::open(&app, &admin).await;
    let query = "{ stations { totalCount } }";

    let hold = block_station_reads(&app, backend).await;
    let answer = tokio::time::timeout(PATIENCE, app.gql(Some(&admin), query, json!({})))
        .await
        .expect("answered in time");
    assert_eq!(first_error(&answer).0, "TIMEOUT", "{answer}");
    ws.subscribe("q", query, json!({})).await;
    let answer = ws.next("q").await;
    assert_eq!(first_error(&answer).0, "TIMEOUT", "{answer}");
    drop(hold);
    assert_eq!(
        app.ok(&admin, query, json!({})).await["stations"]["totalCount"],
        1
    );
    ws.subscribe("q2", query, json!({})).await;
    assert_eq!(ws.next("q2").await["data"]["stations"]["totalCount"], 1);

    // A mutation waiting for a station gets the command timeout on top: the station's silence
    // is what the caller learns, not the query timeout.
    let request = app.gql_spawned(
        &admin,
        "mutation { clearCache(stationId: \"CP-SLOW\") { status } }",
        json!({}),
    );
    let (_, action, _) = cp.server_call().await;
    assert_eq!(action, "ClearCache");
    let answer = tokio::time::timeout(PATIENCE, request)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first_error(&answer).0, "STATION_TIMEOUT", "{answer}");
}
on_both_backends!(slow_queries_time_out_but_commands_are_not_cut_short);

#[chargegate_test]
async fn a_graphql_socket_that_stops_answering_pings_is_dropped() {
    let app = spawn(|s| s.ping_interval = "1s".parse().unwrap()).await;
    // A live client (its library answers pings while it reads) stays.
    let mut live = GqlWs::open(&app, &app.admin()).await;
    let quiet = tokio::time::Instant::now() + Duration::from_millis(3_500);
    live.send(json!({"id": "q", "type": "subscribe", "payload": {"query": "{ __typename }"}}))
        .await;
    assert_eq!(live.next("q").await["data"]["__typename"], "Query");
    while tokio::time::Instant::now() < quiet {
        let _ = tokio::time::timeout_at(quiet, live.recv()).await;
    }
    live.send(json!({"id": "q2", "type": "subscribe", "payload": {"query": "{ __typename }"}}))
        .await;
    assert_eq!(live.next("q2").await["data"]["__typename"], "Query");

    // One that reads nothing (so answers no ping) for a few intervals is gone.
    let mut dead = ws_connect(&app, "graphql-transport-ws", None)
        .await
        .unwrap();
    dead.send(Message::text(r#"{"type":"connection_init"}"#))
        .await
        .unwrap();
    // Heard at 0 s (its init), pinged at 1 s, silent at 2 s: dropped then.
    tokio::time::sleep(Duration::from_millis(3_000)).await;
    let mut frames = Vec::new();
    let ended = tokio::time::timeout(PATIENCE, async {
        while let Some(Ok(frame)) = dead.next().await {
            frames.push(frame);
        }
    })
    .await;
    assert!(ended.is_ok(), "still open after {frames:?}");
}

#[chargegate_test]
async fn graphql_sockets_are_closed_with_1001_when_the_server_stops() {
    let app = spawn(|_| {}).await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    let stopping = tokio::spawn(app.stop());
    assert_eq!(ws.recv().await, json!({"type": "closed", "code": 1001}));
    tokio::time::timeout(PATIENCE, stopping)
        .await
        .expect("the server stops")
        .unwrap();
}

#[chargegate_test]
async fn zero_turns_the_init_and_body_timeouts_off() {
    let app = spawn(|s| {
        s.limits.connection_init_timeout = "0".parse().unwrap();
        s.limits.body_read_timeout = "0".parse().unwrap();
    })
    .await;
    let mut ws = ws_connect(&app, "graphql-transport-ws", None)
        .await
        .unwrap();
    assert!(
        tokio::time::timeout(Duration::from_millis(500), ws.next())
            .await
            .is_err(),
        "closed at once"
    );
    ws.send(Message::text(r#"{"type":"connection_init"}"#))
        .await
        .unwrap();
    let ack = tokio::time::timeout(PATIENCE, ws.next()).await.unwrap();
    assert!(
        matches!(&ack, Some(Ok(Message::Text(t))) if t.contains("connection_ack")),
        "{ack:?}"
    );
    let (status, answer) = post(app.addr, json!({"query": "{ __typename }"})).await;
    assert_eq!(
        (status, answer),
        (200, json!({"data": {"__typename": "Query"}}))
    );
}
