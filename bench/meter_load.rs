//! Load tool for `bench/meter-load.sh`: N stations each send MeterValues (5 measurands) in a
//! closed loop (next message when the last is answered) for D seconds; prints messages/s and
//! answer latency percentiles.
//!
//! `cargo run --release --example meter-load -- ws://127.0.0.1:3000/ocpp 200 20`

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest, http::HeaderValue};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "ws://127.0.0.1:3000/ocpp".into());
    let stations: usize = args.next().map_or(200, |n| n.parse().expect("stations"));
    let seconds: u64 = args.next().map_or(20, |n| n.parse().expect("seconds"));

    let latencies = Arc::new(Mutex::new(Vec::<u32>::new()));
    let start = Instant::now() + Duration::from_secs(2);
    let end = start + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for i in 0..stations {
        let (base, latencies) = (base.clone(), latencies.clone());
        tasks.push(tokio::spawn(async move {
            let mut request = format!("{base}/load-{i:05}").into_client_request().expect("url");
            request
                .headers_mut()
                .insert("Sec-WebSocket-Protocol", HeaderValue::from_static("ocpp1.6"));
            let (mut ws, _) = tokio_tungstenite::connect_async(request).await.expect("connect");
            let mut mine = Vec::new();
            let mut n = 0u64;
            tokio::time::sleep_until(start.into()).await;
            while Instant::now() < end {
                n += 1;
                // Every message is a new reading: its own timestamp (samples are unique per time).
                let at = chrono::DateTime::from_timestamp(1_714_557_600 + n as i64, 0).expect("time");
                let at = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                let frame = format!(
                    r#"[2,"{n}","MeterValues",{{"connectorId":1,"meterValue":[{{"timestamp":"{at}","sampledValue":[{{"value":"{n}","measurand":"Energy.Active.Import.Register","unit":"Wh"}},{{"value":"7.2","measurand":"Power.Active.Import","unit":"kW"}},{{"value":"16.0","measurand":"Current.Import","unit":"A","phase":"L1"}},{{"value":"230.1","measurand":"Voltage","unit":"V","phase":"L1-N"}},{{"value":"54","measurand":"SoC","unit":"Percent"}}]}}]}}]"#
                );
                let sent = Instant::now();
                ws.send(Message::text(frame)).await.expect("send");
                loop {
                    match ws.next().await {
                        Some(Ok(Message::Text(t))) => {
                            assert!(t.starts_with("[3,"), "not a CALLRESULT: {t}");
                            break;
                        }
                        Some(Ok(_)) => continue,
                        other => panic!("connection lost: {other:?}"),
                    }
                }
                mine.push(sent.elapsed().as_micros() as u32);
            }
            latencies.lock().unwrap().extend(mine);
        }));
    }
    for task in tasks {
        task.await.expect("station task");
    }
    let mut all = std::mem::take(&mut *latencies.lock().unwrap());
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)] as f64 / 1000.0;
    println!(
        "stations={stations} seconds={seconds} messages={} messages_per_s={:.0} p50_ms={:.2} p99_ms={:.2} p999_ms={:.2}",
        all.len(),
        all.len() as f64 / seconds as f64,
        pct(0.50),
        pct(0.99),
        pct(0.999)
    );
}
