//! Load tool for `bench/idle-memory.sh`: connects N stations to an OCPP-J server, boots each
//! (BootNotification + StatusNotification), then keeps them idle, answering pings, until the
//! given number of seconds has passed.
//!
//! `cargo run --release --example idle-stations -- ws://127.0.0.1:3000/ocpp 5000 60 idle`
//! (server URL, stations, seconds to stay connected, id prefix).

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use futures_util::{SinkExt, StreamExt};
use tokio::sync::Semaphore;
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest, http::HeaderValue};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "ws://127.0.0.1:3000/ocpp".into());
    let count: usize = args
        .next()
        .map_or(1000, |n| n.parse().expect("station count"));
    let hold: u64 = args
        .next()
        .map_or(60, |n| n.parse().expect("seconds to hold"));
    let prefix = args.next().unwrap_or_else(|| "idle".into());

    let ready = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    // Connect a few hundred at a time so that the listen backlog is not the bottleneck.
    let gate = Arc::new(Semaphore::new(256));
    let started = Instant::now();
    for i in 0..count {
        let (base, prefix) = (base.clone(), prefix.clone());
        let (ready, failed, gate) = (ready.clone(), failed.clone(), gate.clone());
        tokio::spawn(async move {
            let permit = gate.acquire_owned().await.expect("semaphore");
            let mut request = format!("{base}/{prefix}-{i:05}")
                .into_client_request()
                .expect("url");
            request.headers_mut().insert(
                "Sec-WebSocket-Protocol",
                HeaderValue::from_static("ocpp1.6"),
            );
            let Ok((mut ws, _)) = tokio_tungstenite::connect_async(request).await else {
                failed.fetch_add(1, Ordering::Relaxed);
                return;
            };
            let boot = r#"[2,"1","BootNotification",{"chargePointVendor":"Bench","chargePointModel":"Idle"}]"#;
            let status = r#"[2,"2","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]"#;
            for frame in [boot, status] {
                if ws.send(Message::text(frame)).await.is_err() {
                    failed.fetch_add(1, Ordering::Relaxed);
                    return;
                }
                loop {
                    match ws.next().await {
                        Some(Ok(Message::Text(_))) => break,
                        Some(Ok(_)) => continue,
                        _ => {
                            failed.fetch_add(1, Ordering::Relaxed);
                            return;
                        }
                    }
                }
            }
            drop(permit);
            ready.fetch_add(1, Ordering::Relaxed);
            // Idle: keep reading so that pings are answered.
            while let Some(Ok(_)) = ws.next().await {}
        });
    }
    loop {
        let (r, f) = (
            ready.load(Ordering::Relaxed),
            failed.load(Ordering::Relaxed),
        );
        if r + f >= count {
            println!(
                "connected={r} failed={f} seconds={:.2}",
                started.elapsed().as_secs_f64()
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(hold)).await;
}
