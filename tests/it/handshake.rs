//! The WebSocket handshake: subprotocol negotiation, station ids, unknown stations.

use std::time::Duration;

use entity::station;
use sea_orm::{ActiveValue::Set, EntityTrait};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::{self, protocol::frame::coding::CloseCode};

use crate::support::{Station, TestApp, spawn};

fn http_status(result: Result<impl Sized, tungstenite::Error>) -> u16 {
    match result {
        Err(tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(e) => panic!("expected an HTTP refusal, got {e}"),
        Ok(_) => panic!("expected an HTTP refusal, the handshake succeeded"),
    }
}

#[chargegate_test]
async fn ocpp16_is_selected_also_among_other_offers() {
    let app = spawn(|_| {}).await;
    let (_cp, response) = Station::connect(
        &app.ws_url("/ocpp/CP1"),
        Some("ocpp1.5, ocpp1.6, ocpp2.0.1"),
    )
    .await
    .unwrap();
    assert_eq!(response.status().as_u16(), 101);
    assert_eq!(response.headers()["sec-websocket-protocol"], "ocpp1.6");
    app.stop().await;
}

#[chargegate_test]
async fn no_subprotocol_offered_completes_the_handshake_then_closes() {
    let app = spawn(|_| {}).await;
    let (mut cp, response) = Station::connect(&app.ws_url("/ocpp/CP1"), None)
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 101);
    assert!(response.headers().get("sec-websocket-protocol").is_none());
    let frame = cp.closed().await.expect("a close frame");
    assert_eq!(frame.code, CloseCode::Protocol);
    assert!(chargegate::link::of(app.ctx()).registry.is_empty());
    app.stop().await;
}

/// A raw handshake, for offers that a WebSocket client library would refuse to complete.
async fn raw_handshake(app: &TestApp, path: &str, protocol: &str) -> (String, Vec<u8>) {
    let mut tcp = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\
         Sec-WebSocket-Protocol: {protocol}\r\n\r\n",
        app.addr
    );
    tcp.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let mut buf = [0u8; 1024];
    // Read the response head and whatever follows until the server closes or goes quiet.
    while let Ok(Ok(n)) = tokio::time::timeout(Duration::from_secs(2), tcp.read(&mut buf)).await {
        if n == 0 {
            break;
        }
        received.extend_from_slice(&buf[..n]);
    }
    let split = received
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP response head")
        + 4;
    (
        String::from_utf8_lossy(&received[..split]).to_lowercase(),
        received[split..].to_vec(),
    )
}

#[chargegate_test]
async fn an_unacceptable_subprotocol_is_not_echoed_and_the_socket_is_closed() {
    let app = spawn(|_| {}).await;
    let (head, rest) = raw_handshake(&app, "/ocpp/CP1", "ocpp2.1").await;
    assert!(head.starts_with("http/1.1 101"), "{head}");
    assert!(!head.contains("sec-websocket-protocol"), "{head}");
    // The first frame after the handshake is a Close (opcode 0x8) with code 1002.
    assert_eq!(rest.first().map(|b| b & 0x0f), Some(0x8), "{rest:?}");
    assert_eq!(&rest[2..4], &1002u16.to_be_bytes());
    app.stop().await;
}

#[chargegate_test]
async fn percent_encoded_ids_are_decoded() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("RDAM%20123").await;
    assert!(
        cp.call("Heartbeat", serde_json::json!({}))
            .await
            .is_object()
    );
    let row = station::Entity::find_by_id("RDAM 123")
        .one(app.db())
        .await
        .unwrap();
    assert!(row.is_some(), "station stored under its decoded id");
    assert!(
        chargegate::link::of(app.ctx())
            .registry
            .get("RDAM 123")
            .is_some()
    );
    app.stop().await;
}

#[chargegate_test]
async fn bad_ids_are_refused_with_400() {
    let app = spawn(|_| {}).await;
    let too_long = "x".repeat(49);
    for path in [
        "/ocpp/",
        "/ocpp",
        &format!("/ocpp/{too_long}"),
        "/ocpp/a%2Fb",
        "/ocpp/a/b",
        "/ocpp/%FF",
    ] {
        let status = http_status(Station::connect(&app.ws_url(path), Some("ocpp1.6")).await);
        assert_eq!(status, 400, "{path}");
    }
    let longest = "y".repeat(48);
    assert!(
        Station::connect(&app.ws_url(&format!("/ocpp/{longest}")), Some("ocpp1.6"))
            .await
            .is_ok()
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_plain_http_request_is_not_upgraded() {
    let app = spawn(|_| {}).await;
    let mut tcp = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    tcp.write_all(b"GET /ocpp/CP1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut response = String::new();
    tcp.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 4"), "{response}");
    app.stop().await;
}

#[chargegate_test]
async fn unknown_stations_get_404_under_the_reject_policy() {
    let app =
        spawn(|s| s.unknown_stations = chargegate::config::UnknownStationPolicy::Reject).await;
    let status =
        http_status(Station::connect(&app.ws_url("/ocpp/STRANGER"), Some("ocpp1.6")).await);
    assert_eq!(status, 404);
    // A registered station is let in.
    let row = station::ActiveModel {
        id: Set("KNOWN".into()),
        registration_status: Set("Accepted".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    };
    app.ctx()
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                station::Entity::insert(row)
                    .exec_without_returning(txn)
                    .await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    let mut cp = app.booted_station("KNOWN").await;
    assert!(
        cp.call("Heartbeat", serde_json::json!({}))
            .await
            .is_object()
    );
    assert!(
        station::Entity::find_by_id("STRANGER")
            .one(app.db())
            .await
            .unwrap()
            .is_none()
    );
    app.stop().await;
}

#[chargegate_test]
async fn one_address_registers_a_bounded_number_of_new_stations_per_hour() {
    for policy in [
        chargegate::config::UnknownStationPolicy::Accept,
        chargegate::config::UnknownStationPolicy::Pending,
    ] {
        let app = spawn(|s| {
            s.unknown_stations = policy;
            s.limits.new_stations_per_address = 3;
        })
        .await;
        let mut first = None;
        for id in ["NEW-1", "NEW-2", "NEW-3"] {
            let (cp, _) = Station::connect(&app.ws_url(&format!("/ocpp/{id}")), Some("ocpp1.6"))
                .await
                .unwrap();
            first.get_or_insert(cp);
        }
        // The fourth new id from this address is refused, with the time to wait.
        let refused = Station::connect(&app.ws_url("/ocpp/NEW-4"), Some("ocpp1.6")).await;
        match refused {
            Err(tungstenite::Error::Http(response)) => {
                assert_eq!(response.status().as_u16(), 429, "{policy:?}");
                let wait: u64 = response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((3000..=3600).contains(&wait), "Retry-After {wait}");
            }
            Err(e) => panic!("expected 429 for a fourth new station, got {e}"),
            Ok(_) => panic!("expected 429 for a fourth new station, it was let in"),
        }
        assert!(
            station::Entity::find_by_id("NEW-4")
                .one(app.db())
                .await
                .unwrap()
                .is_none(),
            "nothing registered"
        );
        // Stations already registered still connect, and so do ones an operator registered.
        drop(first);
        crate::support::eventually("NEW-1 is registered", || async {
            station::Entity::find_by_id("NEW-1")
                .one(app.db())
                .await
                .unwrap()
                .map(|_| ())
        })
        .await;
        Station::connect(&app.ws_url("/ocpp/NEW-1"), Some("ocpp1.6"))
            .await
            .expect("a known station reconnects");
        let token = app.admin();
        app.ok(
            &token,
            "mutation { approveStation(id: \"PRE-1\") { id } }",
            serde_json::json!({}),
        )
        .await;
        Station::connect(&app.ws_url("/ocpp/PRE-1"), Some("ocpp1.6"))
            .await
            .expect("a station an operator registered connects");
        app.stop().await;
    }
}
