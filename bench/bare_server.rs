//! The bare ceiling for `bench/run`: a minimal OCPP-J server on tokio-tungstenite that parses
//! each CALL and answers it, storing nothing and checking nothing else. Every chargegate
//! figure is also given as a ratio to this server, measured in the same run.
//!
//! `cargo run --release --example bare-server -- 127.0.0.1:3990`

use std::sync::atomic::{AtomicI64, Ordering};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpSocket;
use tokio_tungstenite::tungstenite::{
    Message,
    handshake::server::{Request, Response},
    http::HeaderValue,
    protocol::WebSocketConfig,
};

static NEXT_TRANSACTION: AtomicI64 = AtomicI64::new(1);

#[tokio::main]
#[allow(clippy::result_large_err)] // the error type is tungstenite's handshake callback's
async fn main() -> std::io::Result<()> {
    let addr: std::net::SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3990".into())
        .parse()
        .expect("an address such as 127.0.0.1:3990");
    // The same accept queue as chargegate's.
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    let listener = socket.listen(8192)?;
    println!("listening on {}", listener.local_addr()?.port());
    loop {
        let (tcp, _) = listener.accept().await?;
        let _ = tcp.set_nodelay(true);
        tokio::spawn(async move {
            let agree = |_: &Request, mut response: Response| {
                response.headers_mut().insert(
                    "sec-websocket-protocol",
                    HeaderValue::from_static("ocpp1.6"),
                );
                Ok(response)
            };
            // The same read buffer as chargegate's sessions.
            let config = WebSocketConfig::default().read_buffer_size(2048);
            let Ok(mut ws) =
                tokio_tungstenite::accept_hdr_async_with_config(tcp, agree, Some(config)).await
            else {
                return;
            };
            while let Some(Ok(message)) = ws.next().await {
                let Message::Text(text) = message else {
                    continue;
                };
                let Ok(Value::Array(call)) = serde_json::from_str::<Value>(text.as_str()) else {
                    continue;
                };
                if call.first().and_then(Value::as_u64) != Some(2) {
                    continue;
                }
                let answer = answer(call.get(2).and_then(Value::as_str).unwrap_or_default());
                let reply = json!([3, call.get(1), answer]).to_string();
                if ws.send(Message::text(reply)).await.is_err() {
                    return;
                }
            }
        });
    }
}

/// The least answer each action needs to be valid.
fn answer(action: &str) -> Value {
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let accepted = json!({ "status": "Accepted" });
    match action {
        "BootNotification" => json!({ "status": "Accepted", "currentTime": now, "interval": 300 }),
        "Heartbeat" => json!({ "currentTime": now }),
        "Authorize" => json!({ "idTagInfo": accepted }),
        "StartTransaction" => json!({
            "transactionId": NEXT_TRANSACTION.fetch_add(1, Ordering::Relaxed),
            "idTagInfo": accepted,
        }),
        "DataTransfer" => json!({ "status": "UnknownVendorId" }),
        _ => json!({}),
    }
}
