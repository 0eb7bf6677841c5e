//! The Redis status cache and bus on the real Redis, each test below a key prefix of its own:
//! presence ownership and expiry, connector states and meter readings, prefixes that keep
//! deployments apart, events between nodes, routed calls with every kind of answer, kicks, and a
//! cache that fails fast and recovers when Redis goes away and comes back; `rediss://` (TLS).

use std::{sync::Arc, time::Duration};

use async_trait::async_trait;
use chargegate::{
    bus::{Bus, Delivery, Event, NodeHandler, RoutedCall, redis::RedisBus},
    cache::{
        ConnectorState, MeterReading, Presence, Refresh, StatusCache,
        redis::{RedisCache, connection},
    },
};
use chrono::Utc;
use futures_util::StreamExt;
use ocpp::rpc::CommandError;
use ocpp::v16::{ChargePointErrorCode, ChargePointStatus, SampledValue};
use serde_json::value::RawValue;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::{
    proxy::{Proxy, target_of, tls_front},
    support::{PATIENCE, eventually, redis_url, unique_prefix},
};

fn cache(url: &str, prefix: &str, ttl: Duration) -> RedisCache {
    RedisCache::new(connection(url).unwrap(), prefix, ttl)
}

fn presence(connection_id: u64, node: &str) -> Presence {
    Presence {
        connection_id,
        node_id: node.into(),
        // Whole seconds: the stored form keeps what RFC 3339 keeps.
        connected_at: chrono::DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap(),
    }
}

fn connector(connector_id: i32, status: ChargePointStatus) -> ConnectorState {
    ConnectorState {
        connector_id,
        status,
        error_code: ChargePointErrorCode::NoError,
        info: Some("info".into()),
        vendor_error_code: None,
        timestamp: None,
        received_at: chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
    }
}

#[chargegate_test(needs = redis)]
async fn presence_belongs_to_the_newest_connection_and_expires_unless_refreshed() {
    let Some(url) = redis_url() else { return };
    let prefix = unique_prefix("presence");
    let cache = cache(&url, &prefix, Duration::from_millis(1500));

    let first = presence(1, "node-a");
    assert_eq!(
        cache.station_connected("CP1", first.clone()).await.unwrap(),
        None
    );
    assert_eq!(cache.presence("CP1").await.unwrap(), Some(first.clone()));
    assert_eq!(cache.connected_stations().await.unwrap(), vec!["CP1"]);
    assert_eq!(
        cache.refresh_presence("CP1", &first).await.unwrap(),
        Refresh::Kept
    );

    // A newer connection on another node takes over and learns whose socket to close.
    let second = presence(2, "node-b");
    assert_eq!(
        cache
            .station_connected("CP1", second.clone())
            .await
            .unwrap(),
        Some(first.clone())
    );
    assert_eq!(
        cache.refresh_presence("CP1", &first).await.unwrap(),
        Refresh::TakenOver
    );
    // The old connection ending leaves the new presence alone.
    cache.station_disconnected("CP1", 1).await.unwrap();
    assert_eq!(cache.presence("CP1").await.unwrap(), Some(second.clone()));
    cache.station_disconnected("CP1", 2).await.unwrap();
    assert_eq!(cache.presence("CP1").await.unwrap(), None);
    assert!(cache.connected_stations().await.unwrap().is_empty());

    // A refresh of a lost presence writes it again and says so.
    assert_eq!(
        cache.refresh_presence("CP1", &second).await.unwrap(),
        Refresh::Restored
    );
    assert_eq!(cache.connected_stations().await.unwrap(), vec!["CP1"]);

    // Nobody refreshes it any more (its node crashed): it expires by itself.
    eventually("the presence to expire", || async {
        let gone = cache.presence("CP1").await.unwrap().is_none()
            && cache.connected_stations().await.unwrap().is_empty();
        gone.then_some(())
    })
    .await;
}

#[chargegate_test(needs = redis)]
async fn connector_states_and_meter_readings_stay_below_their_prefix() {
    let Some(url) = redis_url() else { return };
    let prefix = unique_prefix("state");
    let cache = cache(&url, &prefix, Duration::from_secs(30));
    let elsewhere = self::cache(&url, &unique_prefix("other"), Duration::from_secs(30));

    cache
        .set_connector("CP1", connector(2, ChargePointStatus::Charging))
        .await
        .unwrap();
    cache
        .set_connector("CP1", connector(1, ChargePointStatus::Available))
        .await
        .unwrap();
    cache
        .set_connector("CP1", connector(1, ChargePointStatus::Preparing))
        .await
        .unwrap();
    assert_eq!(
        cache.connectors("CP1").await.unwrap(),
        vec![
            connector(1, ChargePointStatus::Preparing),
            connector(2, ChargePointStatus::Charging)
        ]
    );
    let reading = MeterReading {
        connector_id: 1,
        transaction_id: Some(42),
        timestamp: chrono::DateTime::from_timestamp(1_700_000_100, 0).unwrap(),
        sampled_value: vec![serde_json::from_value::<SampledValue>(
            serde_json::json!({"value": "1234", "measurand": "Energy.Active.Import.Register", "unit": "Wh"}),
        )
        .unwrap()],
    };
    cache.set_last_meter("CP1", reading.clone()).await.unwrap();
    assert_eq!(
        cache.last_meter("CP1", 1).await.unwrap(),
        Some(reading.clone())
    );

    // Older values (a repair racing a live report, a reading from a station's offline queue)
    // never replace newer ones.
    let mut stale = connector(1, ChargePointStatus::Faulted);
    stale.received_at -= chrono::TimeDelta::seconds(1);
    cache.set_connector("CP1", stale).await.unwrap();
    assert_eq!(
        cache.connectors("CP1").await.unwrap()[0],
        connector(1, ChargePointStatus::Preparing)
    );
    let mut late = reading.clone();
    late.timestamp -= chrono::TimeDelta::seconds(60);
    late.transaction_id = Some(41);
    cache.set_last_meter("CP1", late).await.unwrap();
    assert_eq!(
        cache.last_meter("CP1", 1).await.unwrap(),
        Some(reading.clone())
    );
    // A station's clock a day ahead does not freeze the reading for a day.
    let mut ahead = reading.clone();
    ahead.timestamp = Utc::now() + chrono::TimeDelta::days(1);
    cache.set_last_meter("CP1", ahead).await.unwrap();
    tokio::time::sleep(Duration::from_millis(10)).await;
    let mut fixed = reading.clone();
    fixed.timestamp = Utc::now();
    cache.set_last_meter("CP1", fixed.clone()).await.unwrap();
    assert_eq!(cache.last_meter("CP1", 1).await.unwrap(), Some(fixed));
    assert_eq!(cache.last_meter("CP1", 2).await.unwrap(), None);
    cache
        .station_connected("CP1", presence(1, "n"))
        .await
        .unwrap();

    // Another deployment sharing the Redis sees none of it.
    assert!(elsewhere.connectors("CP1").await.unwrap().is_empty());
    assert_eq!(elsewhere.last_meter("CP1", 1).await.unwrap(), None);
    assert_eq!(elsewhere.presence("CP1").await.unwrap(), None);
    assert!(elsewhere.connected_stations().await.unwrap().is_empty());
}

/// A node's side of the bus in these tests: answers routed calls as told, reports kicks.
struct FakeNode {
    answer: Result<&'static str, CommandError>,
    kicks: mpsc::UnboundedSender<(String, u64)>,
}

#[async_trait]
impl NodeHandler for FakeNode {
    async fn call(&self, call: RoutedCall) -> Result<Box<RawValue>, CommandError> {
        assert_eq!(call.action, "Reset");
        assert_eq!(call.payload.get(), r#"{"type":"Soft"}"#);
        self.answer
            .clone()
            .map(|json| RawValue::from_string(json.to_owned()).unwrap())
    }

    fn kick(&self, station_id: &str, connection_id: u64) {
        let _ = self.kicks.send((station_id.to_owned(), connection_id));
    }
}

fn bus(url: &str, prefix: &str, node: &str, stop: &CancellationToken) -> RedisBus {
    RedisBus::start(url, connection(url).unwrap(), prefix, node, stop.clone()).unwrap()
}

fn reset() -> RoutedCall {
    RoutedCall {
        station_id: "CP1".into(),
        action: "Reset".into(),
        payload: RawValue::from_string(r#"{"type":"Soft"}"#.into()).unwrap(),
        traceparent: None,
    }
}

/// Calls `node` until its listener is up (before that nobody receives the call: `Unreachable`).
async fn call_when_listening(
    from: &RedisBus,
    node: &str,
    wait: Duration,
) -> Result<Box<RawValue>, CommandError> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        match from.call_node(node, reset(), wait).await {
            Err(CommandError::Unreachable(reason))
                if reason.contains("does not answer") && tokio::time::Instant::now() < deadline =>
            {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            other => return other,
        }
    }
}

#[chargegate_test(needs = redis)]
async fn routed_calls_come_back_with_the_answer_or_the_same_error_as_on_one_node() {
    let Some(url) = redis_url() else { return };
    let prefix = unique_prefix("calls");
    let stop = CancellationToken::new();
    let a = bus(&url, &prefix, "a", &stop);
    let (kicks, _) = mpsc::unbounded_channel();
    let cases = [
        Ok(r#"{"status":"Accepted"}"#),
        Err(CommandError::CallError {
            code: "NotSupported".into(),
            description: "no resets here".into(),
            details: serde_json::json!({}),
        }),
        Err(CommandError::Timeout(Duration::from_millis(1500))),
        Err(CommandError::Disconnected),
        Err(CommandError::InvalidResponse("bad".into())),
        Err(CommandError::Unreachable("far away".into())),
    ];
    for (i, answer) in cases.into_iter().enumerate() {
        let node = format!("b{i}");
        let b = bus(&url, &prefix, &node, &stop);
        b.attach(Arc::new(FakeNode {
            answer: answer.clone(),
            kicks: kicks.clone(),
        }));
        let got = call_when_listening(&a, &node, PATIENCE).await;
        match answer {
            Ok(json) => assert_eq!(got.unwrap().get(), json),
            Err(e) => assert_eq!(got.unwrap_err(), e),
        }
    }
    // A node nobody runs (crashed): unreachable at once, not a timeout.
    let started = std::time::Instant::now();
    match a.call_node("nobody", reset(), PATIENCE).await.unwrap_err() {
        CommandError::Unreachable(reason) => {
            assert!(reason.contains("does not answer"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert!(started.elapsed() < PATIENCE);
    stop.cancel();
}

#[chargegate_test(needs = redis)]
async fn a_node_that_does_not_answer_in_time_is_a_timeout() {
    let Some(url) = redis_url() else { return };
    let prefix = unique_prefix("slow");
    let stop = CancellationToken::new();
    let a = bus(&url, &prefix, "a", &stop);
    // B receives the call but never answers it.
    struct Silent;
    #[async_trait]
    impl NodeHandler for Silent {
        async fn call(&self, _call: RoutedCall) -> Result<Box<RawValue>, CommandError> {
            std::future::pending().await
        }
        fn kick(&self, _station_id: &str, _connection_id: u64) {}
    }
    let b = bus(&url, &prefix, "b", &stop);
    b.attach(Arc::new(Silent));
    let wait = Duration::from_millis(300);
    assert_eq!(
        call_when_listening(&a, "b", wait).await.unwrap_err(),
        CommandError::Timeout(wait)
    );
    stop.cancel();
}

#[chargegate_test(needs = redis)]
async fn events_reach_every_node_of_the_prefix_once_and_kicks_reach_their_node() {
    let Some(url) = redis_url() else { return };
    let prefix = unique_prefix("events");
    let stop = CancellationToken::new();
    let a = bus(&url, &prefix, "a", &stop);
    let b = bus(&url, &prefix, "b", &stop);
    let other = bus(&url, &unique_prefix("elsewhere"), "b", &stop);
    let (kicks, mut kicked) = mpsc::unbounded_channel();
    b.attach(Arc::new(FakeNode {
        answer: Ok("{}"),
        kicks,
    }));
    let mut on_a = a.subscribe();
    let mut on_b = b.subscribe();
    let mut on_other = other.subscribe();

    let event = |n: i32| Event::ConnectorStatus {
        station_id: "CP1".into(),
        connector_id: n,
        status: ChargePointStatus::Available,
        error_code: ChargePointErrorCode::NoError,
        info: None,
        timestamp: None,
    };
    // B's listener starts in the background: publish until one arrives.
    let mut n = 0;
    let first = loop {
        n += 1;
        a.publish(event(n)).await.unwrap();
        if let Ok(Some(Delivery::Event(e))) =
            tokio::time::timeout(Duration::from_millis(50), on_b.next()).await
        {
            break e;
        }
        assert!(n < 200, "no event reached node b");
    };
    let Event::ConnectorStatus { connector_id, .. } = *first else {
        panic!("{first:?}")
    };
    // From here on, events arrive in order, each once.
    for later in n + 1..n + 20 {
        a.publish(event(later)).await.unwrap();
    }
    let mut got = vec![connector_id];
    while got.last() != Some(&(n + 19)) {
        match tokio::time::timeout(PATIENCE, on_b.next()).await.unwrap() {
            Some(Delivery::Event(e)) => match &*e {
                Event::ConnectorStatus { connector_id, .. } => got.push(*connector_id),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(got, (connector_id..=n + 19).collect::<Vec<_>>());
    // The publishing node's own subscribers get each event once (not again from Redis).
    let mut own = Vec::new();
    while let Ok(Some(Delivery::Event(e))) =
        tokio::time::timeout(Duration::from_millis(300), on_a.next()).await
    {
        if let Event::ConnectorStatus { connector_id, .. } = &*e {
            own.push(*connector_id);
        }
    }
    assert_eq!(own, (1..=n + 19).collect::<Vec<_>>());
    // Another prefix hears nothing.
    assert!(
        tokio::time::timeout(Duration::from_millis(200), on_other.next())
            .await
            .is_err()
    );

    a.kick("b", "CP1", 77).await.unwrap();
    let kick = tokio::time::timeout(PATIENCE, kicked.recv()).await.unwrap();
    assert_eq!(kick, Some(("CP1".to_owned(), 77)));
    stop.cancel();
}

#[chargegate_test(needs = redis)]
async fn the_cache_fails_fast_while_redis_is_away_and_recovers_by_itself() {
    let Some(url) = redis_url() else { return };
    let proxy = Proxy::start(target_of(&url)).await;
    let prefix = unique_prefix("outage");
    let cache = cache(&proxy.url_for(&url), &prefix, Duration::from_secs(30));
    cache
        .set_connector("CP1", connector(1, ChargePointStatus::Available))
        .await
        .unwrap();

    proxy.cut();
    let failed = cache
        .set_connector("CP1", connector(1, ChargePointStatus::Charging))
        .await;
    assert!(failed.is_err(), "{failed:?}");
    // Later calls in the same second fail without waiting on Redis again.
    let again = cache.connectors("CP1").await.unwrap_err();
    assert!(again.to_string().contains("unreachable"), "{again}");
    assert!(cache.ping().await.is_err());

    proxy.restore();
    let states = eventually("the cache to work again", || async {
        cache.connectors("CP1").await.ok()
    })
    .await;
    assert_eq!(states, vec![connector(1, ChargePointStatus::Available)]);
    cache
        .set_connector("CP1", connector(1, ChargePointStatus::Charging))
        .await
        .unwrap();
    assert_eq!(
        cache.connectors("CP1").await.unwrap()[0].status,
        ChargePointStatus::Charging
    );
}

#[chargegate_test(needs = redis)]
async fn rediss_urls_speak_tls_for_the_cache_and_the_bus() {
    let Some(url) = redis_url() else { return };
    let (front, stop_front) = tls_front(target_of(&url)).await;
    // `#insecure`: the test's certificate is self-signed (a real one needs no fragment).
    let tls_url = format!("rediss://{front}/#insecure");
    let prefix = unique_prefix("tls");
    let over_tls = cache(&tls_url, &prefix, Duration::from_secs(30));
    over_tls.ping().await.unwrap();
    over_tls
        .set_connector("CP1", connector(1, ChargePointStatus::Charging))
        .await
        .unwrap();
    // The same data, read without TLS: it really went to that Redis.
    let plain = cache(&url, &prefix, Duration::from_secs(30));
    assert_eq!(
        plain.connectors("CP1").await.unwrap(),
        vec![connector(1, ChargePointStatus::Charging)]
    );
    // Plain Redis protocol to the TLS port fails instead.
    let confused = cache(
        &format!("redis://{front}"),
        &prefix,
        Duration::from_secs(30),
    );
    assert!(confused.ping().await.is_err());

    // Routed calls (pub/sub both ways) over TLS.
    let stop = CancellationToken::new();
    let a = bus(&tls_url, &prefix, "a", &stop);
    let b = bus(&tls_url, &prefix, "b", &stop);
    let (kicks, _) = mpsc::unbounded_channel();
    b.attach(Arc::new(FakeNode {
        answer: Ok(r#"{"status":"Accepted"}"#),
        kicks,
    }));
    let answer = call_when_listening(&a, "b", PATIENCE).await.unwrap();
    assert_eq!(answer.get(), r#"{"status":"Accepted"}"#);
    stop.cancel();
    stop_front.cancel();
}
