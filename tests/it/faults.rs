//! Faults with the real services, cut and restored by a TCP proxy: Redis unreachable (stations
//! still served and stored, local subscriptions and commands working, cross-node commands
//! failing clearly, automatic recovery with the cache repaired) and PostgreSQL unreachable
//! (InternalError for what needs storage, nothing acknowledged unstored, the pool recovering
//! by itself on the same station sockets; once it is known to be unreachable, nothing waits
//! for a pooled connection).

use std::time::Duration;

use chargegate::config::HumanDuration;
use entity::transaction;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::{
    cluster::Cluster,
    gql::GqlWs,
    metrics::metric,
    next_after,
    proxy::{Proxy, target_of},
    support::{Backend, PATIENCE, Station, TestApp, TestDb, eventually, postgres_url},
};
use tokio_tungstenite::tungstenite;

const RESET: &str = "mutation($s: ID!) { reset(stationId: $s, type: SOFT) { status } }";

async fn health(app: &TestApp) -> (u16, Value) {
    let response = reqwest::get(format!("http://{}/health", app.addr))
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

fn meter_values(at: &str, value: &str) -> Value {
    json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": [{"value": value}]}]})
}

/// Sends a reset for `station_id` to `node` until it reaches `station` (connected to another
/// node) and is answered: while the nodes' bus listeners reconnect after an outage a routed
/// command may still fail as offline or unreachable.
async fn reset_through(node: &TestApp, station_id: &str, station: &mut Station) -> Value {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let mut request = node.gql_spawned(&node.admin(), RESET, json!({"s": station_id}));
        tokio::select! {
            (id, action, _) = station.server_call() => {
                assert_eq!(action, "Reset");
                station.reply(&id, json!({"status": "Accepted"})).await;
                return request.await.unwrap();
            }
            response = &mut request => {
                let response = response.unwrap();
                let code = &response["errors"][0]["extensions"]["code"];
                assert!(
                    code == "STATION_UNREACHABLE" || code == "STATION_OFFLINE",
                    "{response}"
                );
                assert!(tokio::time::Instant::now() < deadline, "never routed: {response}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

#[chargegate_test(needs = [postgres, redis])]
async fn redis_unreachable_stations_are_served_locally_and_the_cache_is_repaired_after() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let proxy = Proxy::start(target_of(&cluster.redis_url)).await;
    let through_proxy = |s: &mut chargegate::Settings| {
        s.redis_url = Some(proxy.url_for(&cluster.redis_url));
        s.presence_ttl = HumanDuration(Duration::from_secs(2));
        s.command_timeout = HumanDuration(Duration::from_secs(2));
    };
    let a = cluster.node(through_proxy).await;
    let b = cluster.node(through_proxy).await;
    let admin = a.admin();
    let mut cp = a.booted_station("CP-R").await;
    let mut ws = GqlWs::open(&a, &admin).await;
    ws.subscribe(
        "m",
        "subscription { meterValues(stationId: \"CP-R\") { meterValues { sampledValues { value } } } }",
        json!({}),
    )
    .await;
    let _ = next_after!(ws, "m", {
        cp.call("MeterValues", meter_values("2024-05-01T10:00:00Z", "1"))
            .await;
    });
    assert_eq!(
        reset_through(&b, "CP-R", &mut cp).await["data"]["reset"]["status"],
        "ACCEPTED"
    );
    // The command is counted where it was asked for, its CALL where the station is.
    const ANSWERED: &str = "chargegate_commands_total{outcome=\"answered\"}";
    const RESETS: &str = "chargegate_ocpp_messages_total{direction=\"out\",action=\"Reset\"}";
    assert_eq!((metric(&b, ANSWERED), metric(&a, ANSWERED)), (1.0, 0.0));
    assert_eq!((metric(&a, RESETS), metric(&b, RESETS)), (1.0, 0.0));
    assert_eq!(metric(&a, "chargegate_redis_errors_total"), 0.0);

    proxy.cut();
    // Both nodes notice; health says so but keeps the node in the load balancer's rotation.
    for node in [&a, &b] {
        let (status, body) = eventually("the cache to be seen unreachable", || async {
            let (status, body) = health(node).await;
            (body["cache"] == "unreachable").then_some((status, body))
        })
        .await;
        assert_eq!((status, &body["database"]), (200, &json!("ok")), "{body}");
    }

    // The station is served and what it reports is stored.
    let answer = cp
        .call(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
        )
        .await;
    assert_eq!(answer, json!({}));
    // A local subscription still gets the readings.
    let payload = next_after!(ws, "m", {
        let answer = cp
            .call("MeterValues", meter_values("2024-05-01T10:05:00Z", "77"))
            .await;
        assert_eq!(answer, json!({}));
    });
    assert_eq!(
        payload["data"]["meterValues"]["meterValues"][0]["sampledValues"][0]["value"],
        "77"
    );
    // A station connecting now is served too.
    let mut late = a.booted_station("CP-LATE").await;
    assert!(late.call("Heartbeat", json!({})).await["currentTime"].is_string());

    // A local command works.
    let request = a.gql_spawned(&admin, RESET, json!({"s": "CP-R"}));
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "Reset");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    assert_eq!(
        request.await.unwrap()["data"]["reset"]["status"],
        "ACCEPTED"
    );
    // A command from the other node cannot know where the station is, and says so.
    let (code, message) = b.err(Some(&admin), RESET, json!({"s": "CP-R"})).await;
    assert_eq!(code, "STATION_UNREACHABLE", "{message}");
    assert_eq!(
        metric(&b, "chargegate_commands_total{outcome=\"unreachable\"}"),
        1.0
    );
    // The failed Redis calls are counted.
    assert!(metric(&a, "chargegate_redis_errors_total") > 0.0);
    assert!(metric(&b, "chargegate_redis_errors_total") > 0.0);

    proxy.restore();
    // Recovery needs nobody: presence of both stations comes back (CP-LATE's was never
    // written), and the cache is repaired from the database with what arrived meanwhile.
    eventually("the cache to be repaired", || async {
        let repaired = b.ctx().cache.connectors("CP-R").await.ok()?;
        let reading = b.ctx().cache.last_meter("CP-R", 1).await.ok()??;
        let late = b.ctx().cache.presence("CP-LATE").await.ok()??;
        let ok = repaired
            .iter()
            .any(|c| c.connector_id == 1 && c.status == ocpp::v16::ChargePointStatus::Charging)
            && reading.sampled_value[0].value == "77"
            && late.node_id == a.ctx().node_id;
        ok.then_some(())
    })
    .await;
    let seen = b
        .ok(
            &admin,
            "{ station(id: \"CP-R\") { connected connectors { connectorId status lastMeterReading { sampledValues { value } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["station"]["connected"], true);
    assert_eq!(
        seen["station"]["connectors"][0],
        json!({"connectorId": 1, "status": "CHARGING", "lastMeterReading": {"sampledValues": [{"value": "77"}]}})
    );
    let (status, body) = health(&b).await;
    assert_eq!((status, &body["cache"]), (200, &json!("ok")), "{body}");
    // Routing works again, both ways.
    assert_eq!(
        reset_through(&b, "CP-R", &mut cp).await["data"]["reset"]["status"],
        "ACCEPTED"
    );
    let mut on_b = b.booted_station("CP-B").await;
    assert_eq!(
        reset_through(&a, "CP-B", &mut on_b).await["data"]["reset"]["status"],
        "ACCEPTED"
    );
    drop((cp, late, on_b, ws));
    a.stop().await;
    b.stop().await;
}

#[chargegate_test(needs = postgres)]
async fn postgres_unreachable_nothing_is_acknowledged_unstored_and_the_pool_recovers() {
    if postgres_url().is_none() {
        return;
    }
    let (db, url) = TestDb::create(Backend::Postgres).await.unwrap();
    let proxy = Proxy::start(target_of(&url)).await;
    let mut settings = chargegate::Settings::with_database(proxy.url_for(&url));
    settings.jwt_secret_file = Some(db.secret_file());
    let app = chargegate::App::build(settings)
        .await
        .expect("server starts");
    let app = TestApp {
        addr: app.addr(),
        app,
        db: std::sync::Arc::new(db),
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-PG").await;
    let started = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "TAG", "meterStart": 0, "timestamp": "2024-05-01T10:00:00Z"}),
        )
        .await;
    let first = started["transactionId"].as_i64().unwrap();

    proxy.cut();
    // Everything that must be stored before it is acknowledged gets InternalError, which a
    // station answers by sending the message again later.
    let second_start = json!({"connectorId": 2, "idTag": "TAG", "meterStart": 5, "timestamp": "2024-05-01T10:01:00Z"});
    let stop =
        json!({"transactionId": first, "meterStop": 900, "timestamp": "2024-05-01T10:02:00Z"});
    let samples = meter_values("2024-05-01T10:01:30Z", "450");
    for (action, payload) in [
        ("MeterValues", &samples),
        ("StartTransaction", &second_start),
        ("StopTransaction", &stop),
        (
            "StatusNotification",
            &json!({"connectorId": 1, "errorCode": "NoError", "status": "Finishing"}),
        ),
    ] {
        let (code, _) = cp.call_error(action, payload.clone()).await;
        assert_eq!(code, "InternalError", "{action}");
    }
    let (status, body) = health(&app).await;
    assert_eq!(
        (status, &body["database"]),
        (503, &json!("unreachable")),
        "{body}"
    );
    let (code, _) = app
        .err(
            Some(&admin),
            "{ stations(first: 5) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "INTERNAL");

    proxy.restore();
    // The station retries on the same socket until the pool has reconnected by itself.
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let frame = cp.call_frame("MeterValues", samples.clone()).await;
        if frame[0] == 3 {
            break;
        }
        assert_eq!(frame[2], "InternalError", "{frame}");
        assert!(
            tokio::time::Instant::now() < deadline,
            "the pool never recovered"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let again = cp.call("StartTransaction", second_start.clone()).await;
    let second = again["transactionId"].as_i64().unwrap();
    assert_ne!(second, first);
    assert_eq!(cp.call("StopTransaction", stop.clone()).await, json!({}));
    // Retried once more (the answer was lost, say): still one of each.
    assert_eq!(
        cp.call("StartTransaction", second_start).await["transactionId"],
        second
    );
    assert_eq!(cp.call("StopTransaction", stop).await, json!({}));
    assert_eq!(cp.call("MeterValues", samples).await, json!({}));

    let db = app.db();
    let transactions = transaction::Entity::find()
        .filter(transaction::Column::StationId.eq("CP-PG"))
        .all(db)
        .await
        .unwrap();
    assert_eq!(transactions.len(), 2);
    let stopped = transactions
        .iter()
        .find(|t| i64::from(t.id) == first)
        .unwrap();
    assert_eq!(stopped.meter_stop, Some(900));
    let stored =
        crate::support::samples_where(db, |s| s.station_id == "CP-PG" && s.source == "MeterValues")
            .await
            .len() as u64;
    assert_eq!(
        stored, 1,
        "one sample, stored once however often it was sent"
    );
    assert_eq!(health(&app).await.0, 200);
    app.stop().await;
}

/// Far less than the acquire timeout the next test configures (20 s): an answer within it did
/// not wait for a pooled connection.
const QUICK: Duration = Duration::from_secs(5);

async fn quick<T>(what: &str, f: impl Future<Output = T>) -> T {
    tokio::time::timeout(QUICK, f)
        .await
        .unwrap_or_else(|_| panic!("{what} waited for the unreachable database"))
}

/// PostgreSQL stops answering (the proxy holds new connections open without a byte, as a host
/// that went away; the open ones are closed): once that is known, everything that needs the
/// database fails at once instead of waiting for a pooled connection, reads (Authorize, the
/// API, a new station's handshake) as well as writes, and `/health` says so at once. When it
/// answers again, everything works without a restart.
#[chargegate_test(needs = postgres)]
async fn postgres_silent_everything_fails_at_once_and_recovers_after() {
    if postgres_url().is_none() {
        return;
    }
    let (db, url) = TestDb::create(Backend::Postgres).await.unwrap();
    let proxy = Proxy::start(target_of(&url)).await;
    let mut settings = chargegate::Settings::with_database(proxy.url_for(&url));
    settings.jwt_secret_file = Some(db.secret_file());
    settings.limits.db_acquire_timeout = HumanDuration(Duration::from_secs(20));
    let app = chargegate::App::build(settings)
        .await
        .expect("server starts");
    let app = TestApp {
        addr: app.addr(),
        app,
        db: std::sync::Arc::new(db),
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-GONE").await;
    let samples = meter_values("2024-05-01T10:00:00Z", "1");
    assert_eq!(cp.call("MeterValues", samples).await, json!({}));

    proxy.stall();
    let later = meter_values("2024-05-01T10:01:00Z", "2");
    for (action, payload) in [
        ("MeterValues", &later),
        (
            "StatusNotification",
            &json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
        ),
        ("Authorize", &json!({"idTag": "TAG"})),
        (
            "StartTransaction",
            &json!({"connectorId": 1, "idTag": "TAG", "meterStart": 0, "timestamp": "2024-05-01T10:02:00Z"}),
        ),
        ("MeterValues", &later),
    ] {
        let (code, _) = quick(action, cp.call_error(action, payload.clone())).await;
        assert_eq!(code, "InternalError", "{action}");
    }
    let (code, _) = quick(
        "the API",
        app.err(
            Some(&admin),
            "{ stations(first: 5) { totalCount } }",
            json!({}),
        ),
    )
    .await;
    assert_eq!(code, "INTERNAL");
    let handshake = quick(
        "a handshake",
        Station::connect(&app.ws_url("/ocpp/CP-NEW"), Some("ocpp1.6")),
    )
    .await;
    match handshake {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status().as_u16(), 503),
        Err(e) => panic!("expected 503, got {e}"),
        Ok(_) => panic!("a station was let in without its credentials read"),
    }
    let (status, body) = quick("/health", health(&app)).await;
    assert_eq!(
        (status, &body["database"]),
        (503, &json!("unreachable")),
        "{body}"
    );
    let stats = app.ctx().store.stats();
    assert_eq!(stats.outages, 1, "{stats:?}");
    assert!(stats.failed_fast > 0, "{stats:?}");

    proxy.restore();
    // The station retries on the same socket until a probe has found the database again.
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let frame = cp.call_frame("MeterValues", later.clone()).await;
        if frame[0] == 3 {
            break;
        }
        assert_eq!(frame[2], "InternalError", "{frame}");
        assert!(
            tokio::time::Instant::now() < deadline,
            "the database was never found again"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "TAG"})).await["idTagInfo"]["status"],
        "Invalid"
    );
    let seen = app
        .ok(&admin, "{ stations(first: 5) { totalCount } }", json!({}))
        .await;
    assert_eq!(seen["stations"]["totalCount"], 1);
    let mut late = app.booted_station("CP-NEW").await;
    assert!(late.call("Heartbeat", json!({})).await["currentTime"].is_string());
    assert_eq!(health(&app).await.0, 200);
    let stored = crate::support::samples_where(app.db(), |s| s.station_id == "CP-GONE")
        .await
        .len() as u64;
    assert_eq!(stored, 2, "both samples, each stored once");
    drop((cp, late));
    app.stop().await;
}

/// The network to PostgreSQL drops everything (the proxy freezes: open connections go silent,
/// nothing is closed): a batch whose statement was sent on such a connection would wait for TCP
/// to give up, minutes later. It is given up once a probe finds the database unreachable too,
/// and the station is answered InternalError within seconds; nothing it sent is stored twice.
#[chargegate_test(needs = postgres)]
async fn postgres_frozen_a_write_under_way_is_given_up() {
    if postgres_url().is_none() {
        return;
    }
    let (db, url) = TestDb::create(Backend::Postgres).await.unwrap();
    let proxy = Proxy::start(target_of(&url)).await;
    let mut settings = chargegate::Settings::with_database(proxy.url_for(&url));
    settings.jwt_secret_file = Some(db.secret_file());
    let app = chargegate::App::build(settings)
        .await
        .expect("server starts");
    let app = TestApp {
        addr: app.addr(),
        app,
        db: std::sync::Arc::new(db),
    };
    let mut cp = app.booted_station("CP-FROZEN").await;
    let first = meter_values("2024-05-01T10:00:00Z", "1");
    assert_eq!(cp.call("MeterValues", first).await, json!({}));

    proxy.freeze();
    let later = meter_values("2024-05-01T10:01:00Z", "2");
    let (code, _) = tokio::time::timeout(
        PATIENCE - Duration::from_secs(1),
        cp.call_error("MeterValues", later.clone()),
    )
    .await
    .expect("a write on a silent connection was given up in time");
    assert_eq!(code, "InternalError");
    assert_eq!(app.ctx().store.stats().outages, 1);

    proxy.restore();
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let frame = cp.call_frame("MeterValues", later.clone()).await;
        if frame[0] == 3 {
            break;
        }
        assert_eq!(frame[2], "InternalError", "{frame}");
        assert!(
            tokio::time::Instant::now() < deadline,
            "the database was never found again"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let stored = crate::support::samples_where(app.db(), |s| s.station_id == "CP-FROZEN")
        .await
        .len() as u64;
    assert_eq!(stored, 2);
    drop(cp);
    app.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn a_reconnect_during_a_short_redis_outage_keeps_the_new_connection() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let proxy = Proxy::start(target_of(&cluster.redis_url)).await;
    let a = cluster
        .node(|s| {
            s.redis_url = Some(proxy.url_for(&cluster.redis_url));
            // Longer than the outage: the old connection's presence outlives it.
            s.presence_ttl = HumanDuration(Duration::from_secs(6));
        })
        .await;
    let mut old = a.booted_station("CP-X").await;
    let first = a.ctx().cache.presence("CP-X").await.unwrap().unwrap();

    proxy.cut();
    eventually("the cache to be seen unreachable", || async {
        (health(&a).await.1["cache"] == "unreachable").then_some(())
    })
    .await;
    // The station reconnects; the old connection's end cannot remove its presence, and the new
    // one's presence cannot be written.
    let mut new = a.booted_station("CP-X").await;
    assert!(old.closed().await.is_some());
    proxy.restore();

    // The presence becomes the new connection's, and the new connection stays open through
    // several refresh rounds (every 2 s).
    let presence = eventually("the new connection's presence", || async {
        let presence = a.ctx().cache.presence("CP-X").await.ok()??;
        (presence.connection_id != first.connection_id).then_some(presence)
    })
    .await;
    assert_eq!(presence.node_id, a.ctx().node_id);
    assert!(
        new.silent_for(Duration::from_secs(5)).await,
        "the live connection was closed"
    );
    assert!(new.call("Heartbeat", json!({})).await["currentTime"].is_string());
    drop(new);
    a.stop().await;
}
