//! GraphQL subscribers for a simulation: each opens `graphql-transport-ws`, subscribes to
//! `meterValues` (of one simulated station, or of all), and times every event from the
//! reading's timestamp (the station's scheduled send time) to its arrival.

use std::{
    sync::{Arc, atomic::Ordering::Relaxed},
    time::{Duration, Instant, SystemTime},
};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{
    Message,
    client::IntoClientRequest,
    http::{HeaderValue, header},
};

use super::charge_point::{Plan, Ws};

const QUERY: &str = "subscription($station: ID) { meterValues(stationId: $station) \
                     { stationId meterValues { timestamp } } }";

/// Runs one subscriber until the plan stops; `station` is the one it watches (`None`: all).
/// `index` picks its source address, as a station's does.
pub async fn run(
    plan: Arc<Plan>,
    index: usize,
    url: String,
    token: Option<String>,
    station: Option<String>,
) {
    let stats = &plan.stats;
    let result = tokio::select! {
        () = plan.stop.cancelled() => return,
        result = subscribe(&plan, index, &url, token, station) => result,
    };
    if let Err(e) = result {
        stats.subscriber_failures.fetch_add(1, Relaxed);
        stats.note_error(format!("subscriber: {e}"));
    }
}

/// Opens the `graphql-transport-ws` connection (from the `index`th source address) and sends
/// `connection_init`, with the bearer token if there is one.
async fn connect(
    plan: &Plan,
    index: usize,
    url: &str,
    token: Option<String>,
) -> anyhow::Result<Ws> {
    let mut request = url.into_client_request()?;
    request.headers_mut().insert(
        header::SEC_WEBSOCKET_PROTOCOL,
        HeaderValue::from_static("graphql-transport-ws"),
    );
    let (host, port) =
        super::charge_point::host_and_port(request.uri()).context("the GraphQL URL has no host")?;
    let server = tokio::net::lookup_host((host, port))
        .await?
        .next()
        .with_context(|| format!("{host} has no address"))?;
    let stream = super::charge_point::tcp_connect(plan, index, server).await?;
    let (mut ws, _) = tokio_tungstenite::client_async_tls(request, stream).await?;
    let init = match token {
        Some(token) => {
            json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } })
        }
        None => json!({ "type": "connection_init", "payload": {} }),
    };
    ws.send(Message::text(init.to_string())).await?;
    Ok(ws)
}

/// Subscribes once the server acknowledges the connection, then times every event until the
/// connection or the subscription ends (subscribing again when told it lagged).
async fn subscribe(
    plan: &Plan,
    index: usize,
    url: &str,
    token: Option<String>,
    station: Option<String>,
) -> anyhow::Result<()> {
    let mut ws = connect(plan, index, url, token).await?;
    let subscribe = |id: u64| {
        json!({
            "id": id.to_string(),
            "type": "subscribe",
            "payload": { "query": QUERY, "variables": { "station": station } },
        })
        .to_string()
    };
    // The subscription's id; a new one after each LAGGED.
    let mut current = 1u64;
    let mut subscribed = false;
    while let Some(message) = ws.next().await {
        let text = match message? {
            Message::Text(text) => text,
            Message::Close(frame) => anyhow::bail!("closed by the server: {frame:?}"),
            _ => continue,
        };
        let message: Value = serde_json::from_str(text.as_str())?;
        match message["type"].as_str() {
            Some("connection_ack") if !subscribed => {
                subscribed = true;
                plan.stats.subscribers_connected.fetch_add(1, Relaxed);
                ws.send(Message::text(subscribe(current))).await?;
            }
            Some("ping") => {
                ws.send(Message::text(json!({ "type": "pong" }).to_string()))
                    .await?;
            }
            Some("next") => {
                let arrived = SystemTime::now();
                let readings = message
                    .pointer("/payload/data/meterValues/meterValues")
                    .and_then(Value::as_array);
                if let Some(errors) = message.pointer("/payload/errors") {
                    // A subscriber that fell behind is told so and its stream ends: it
                    // subscribes again, as the API asks clients to.
                    if errors.pointer("/0/extensions/code") == Some(&json!("LAGGED")) {
                        plan.stats.subscribers_lagged.fetch_add(1, Relaxed);
                        current += 1;
                        ws.send(Message::text(subscribe(current))).await?;
                        continue;
                    }
                    anyhow::bail!("subscription error: {errors}");
                }
                for reading in readings.into_iter().flatten() {
                    let Some(at) = reading["timestamp"]
                        .as_str()
                        .and_then(|t| t.parse::<DateTime<Utc>>().ok())
                    else {
                        continue;
                    };
                    let taken = SystemTime::from(at);
                    let latency = arrived.duration_since(taken).unwrap_or(Duration::ZERO);
                    plan.stats
                        .subscriber_event(latency, scheduled_instant(plan, taken));
                }
            }
            Some("error") => anyhow::bail!("subscription refused: {}", message["payload"]),
            Some("complete") if message["id"] == json!(current.to_string()) => {
                anyhow::bail!("the server completed the subscription")
            }
            _ => {}
        }
    }
    anyhow::bail!("connection closed")
}

/// The instant a wall-clock time stands for in this run.
fn scheduled_instant(plan: &Plan, at: SystemTime) -> Instant {
    let (instant, system) = plan.epoch;
    match at.duration_since(system) {
        Ok(after) => instant + after,
        Err(e) => instant.checked_sub(e.duration()).unwrap_or(instant),
    }
}
