//! Several nodes in one test, sharing a PostgreSQL database and a Redis prefix of their own:
//! commands routed both ways with the same answers and errors as on one node, subscriptions on
//! one node fed by a station on another, a second connection on another node winning, unique
//! transaction ids and one row per retried start under a cross-node race, presence after a node
//! stops or crashes, and migrations by nodes starting together.

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::Arc,
    time::Duration,
};

use chargegate::{
    Settings,
    config::{HumanDuration, Secret},
};
use entity::transaction;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::{
    gql::GqlWs,
    next_after,
    support::{Backend, PATIENCE, Station, TestApp, TestDb, eventually, redis_url, unique_prefix},
};

/// What the nodes of one test share.
pub struct Cluster {
    pub db: Arc<TestDb>,
    pub database_url: String,
    pub redis_url: String,
    pub prefix: String,
    secret: String,
}

impl Cluster {
    /// A fresh PostgreSQL database and Redis prefix, for a test declared
    /// `needs = [postgres, redis]` (never `None`).
    pub async fn new() -> Option<Self> {
        let redis_url = redis_url()?;
        let (db, database_url) = TestDb::create(Backend::Postgres).await?;
        Some(Self {
            db: Arc::new(db),
            database_url,
            redis_url,
            prefix: unique_prefix("cluster"),
            secret: format!("{:x}", chrono::Utc::now().timestamp_micros()).repeat(4),
        })
    }

    /// The settings every node of the cluster runs with.
    pub fn settings(&self) -> Settings {
        let mut settings = Settings::with_database(self.database_url.clone());
        settings.redis_url = Some(self.redis_url.clone());
        settings.redis_prefix = self.prefix.clone();
        settings.jwt_secret = Some(Secret(self.secret.clone()));
        settings
    }

    /// Starts one more node.
    pub async fn node(&self, configure: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = self.settings();
        configure(&mut settings);
        let app = chargegate::App::build(settings).await.expect("node starts");
        TestApp {
            addr: app.addr(),
            app,
            db: self.db.clone(),
        }
    }
}

const RESET: &str = "mutation($s: ID!) { reset(stationId: $s, type: SOFT) { status } }";

/// Sends `query` to `node` while `station` (connected anywhere) answers the CALL it causes
/// with `answer` (or a CallError when `answer` is a string); returns the CALL's action and
/// payload, and the GraphQL response.
async fn routed(
    node: &TestApp,
    station: &mut Station,
    query: &str,
    variables: Value,
    answer: Result<Value, &str>,
) -> (String, Value, Value) {
    let request = node.gql_spawned(&node.admin(), query, variables);
    let (id, action, payload) = station.server_call().await;
    match answer {
        Ok(answer) => station.reply(&id, answer).await,
        Err(code) => station.reply_error(&id, code, "not here").await,
    }
    (action, payload, request.await.unwrap())
}

#[chargegate_test(needs = [postgres, redis])]
async fn commands_are_routed_both_ways_with_the_same_answers_and_errors() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let quick = |s: &mut Settings| s.command_timeout = HumanDuration(Duration::from_millis(400));
    let a = cluster.node(quick).await;
    let b = cluster.node(quick).await;
    let mut on_a = a.booted_station("CP-ON-A").await;
    let mut on_b = b.booted_station("CP-ON-B").await;

    // B → the station on A.
    let (action, payload, response) = routed(
        &b,
        &mut on_a,
        RESET,
        json!({"s": "CP-ON-A"}),
        Ok(json!({"status": "Accepted"})),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("Reset", json!({"type": "Soft"}))
    );
    assert_eq!(response, json!({"data": {"reset": {"status": "ACCEPTED"}}}));

    // A → the station on B, with a structured answer.
    let (action, _, response) = routed(
        &a,
        &mut on_b,
        "mutation($s: ID!) { getConfiguration(stationId: $s, keys: [\"HeartbeatInterval\", \"Nope\"]) { configurationKey { key readonly value } unknownKey } }",
        json!({"s": "CP-ON-B"}),
        Ok(json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Nope"]})),
    )
    .await;
    assert_eq!(action, "GetConfiguration");
    assert_eq!(
        response["data"]["getConfiguration"],
        json!({"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"}], "unknownKey": ["Nope"]})
    );

    // The station's CallError comes back whole.
    let (_, _, response) = routed(
        &b,
        &mut on_a,
        RESET,
        json!({"s": "CP-ON-A"}),
        Err("NotSupported"),
    )
    .await;
    let error = &response["errors"][0];
    assert_eq!(error["extensions"]["code"], "STATION_ERROR", "{response}");
    assert_eq!(error["extensions"]["ocppErrorCode"], "NotSupported");
    assert_eq!(error["extensions"]["ocppErrorDescription"], "not here");

    // The same timeout as on one node: the station's node times out and says so.
    let admin = b.admin();
    let (code, message) = b.err(Some(&admin), RESET, json!({"s": "CP-ON-A"})).await;
    assert_eq!(code, "STATION_TIMEOUT", "{message}");
    let (_, action, _) = on_a.server_call().await;
    assert_eq!(action, "Reset");

    // The REST API routes too.
    let (token, addr) = (admin.clone(), b.addr);
    let request = tokio::spawn(async move {
        reqwest::Client::new()
            .post(format!(
                "http://{addr}/api/v1/centralsystem/clients/CP-ON-A/clear_cache"
            ))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    });
    let (id, action, _) = on_a.server_call().await;
    assert_eq!(action, "ClearCache");
    on_a.reply(&id, json!({"status": "Accepted"})).await;
    let response = request.await.unwrap();
    assert_eq!(response.status(), 200);

    // A station that left is offline from every node.
    drop(on_a);
    eventually("the station to be offline everywhere", || async {
        let (code, _) = b.err(Some(&admin), RESET, json!({"s": "CP-ON-A"})).await;
        (code == "STATION_OFFLINE").then_some(())
    })
    .await;
    // The call the station saw is journaled (by the node holding it), visible from any node.
    let journal = b
        .ok(
            &admin,
            "{ ocppMessages(stationId: \"CP-ON-A\", action: \"Reset\", first: 10) { nodes { direction messageType } } }",
            json!({}),
        )
        .await;
    assert!(
        journal["ocppMessages"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["direction"] == "OUT"),
        "{journal}"
    );
    drop(on_b);
    a.stop().await;
    b.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn subscriptions_on_one_node_follow_a_station_on_another() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let a = cluster.node(|_| {}).await;
    let b = cluster.node(|_| {}).await;
    let mut cp = a.booted_station("CP-SUB").await;
    let mut ws = GqlWs::open(&b, &b.admin()).await;
    ws.subscribe(
        "m",
        "subscription { meterValues(stationId: \"CP-SUB\") { stationId connectorId meterValues { sampledValues { value } } } }",
        json!({}),
    )
    .await;
    let mut n = 0;
    let payload = next_after!(ws, "m", {
        n += 1;
        let at = format!("2024-05-01T10:00:{n:02}Z");
        cp.call(
            "MeterValues",
            json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": [{"value": "42"}]}]}),
        )
        .await;
    });
    assert_eq!(
        payload["data"]["meterValues"],
        json!({"stationId": "CP-SUB", "connectorId": 1, "meterValues": [{"sampledValues": [{"value": "42"}]}]})
    );

    ws.subscribe(
        "s",
        "subscription { connectorStatus(stationId: \"CP-SUB\") { connectorId status } }",
        json!({}),
    )
    .await;
    let payload = next_after!(ws, "s", {
        cp.call(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
        )
        .await;
    });
    assert_eq!(
        payload["data"]["connectorStatus"],
        json!({"connectorId": 1, "status": "CHARGING"})
    );
    // The live status and reading are visible from B too.
    let stations = b
        .ok(
            &b.admin(),
            "{ station(id: \"CP-SUB\") { connected connectors { connectorId status lastMeterReading { sampledValues { value } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(stations["station"]["connected"], true);
    assert_eq!(
        stations["station"]["connectors"][0]["lastMeterReading"]["sampledValues"][0]["value"],
        "42"
    );
    a.stop().await;
    b.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn a_second_connection_on_another_node_wins_and_the_old_node_closes_its_socket() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let a = cluster.node(|_| {}).await;
    let b = cluster.node(|_| {}).await;
    let mut old = a.booted_station("CP-MOVE").await;
    let mut new = b.booted_station("CP-MOVE").await;
    let frame = old.closed().await.expect("node A closes its socket");
    assert_eq!(u16::from(frame.code), 1000, "{frame:?}");
    eventually("node A to let go", || async {
        chargegate::link::of(a.ctx())
            .registry
            .get("CP-MOVE")
            .is_none()
            .then_some(())
    })
    .await;
    let presence = a.ctx().cache.presence("CP-MOVE").await.unwrap().unwrap();
    assert_eq!(presence.node_id, b.ctx().node_id);
    assert!(
        a.ctx()
            .cache
            .connected_stations()
            .await
            .unwrap()
            .contains(&"CP-MOVE".to_owned())
    );
    // A command through A now reaches the station on B.
    let (action, _, response) = routed(
        &a,
        &mut new,
        RESET,
        json!({"s": "CP-MOVE"}),
        Ok(json!({"status": "Accepted"})),
    )
    .await;
    assert_eq!(action, "Reset");
    assert_eq!(response["data"]["reset"]["status"], "ACCEPTED");
    // A's old session ending did not take B's presence away.
    assert_eq!(
        b.ctx()
            .cache
            .presence("CP-MOVE")
            .await
            .unwrap()
            .map(|p| p.node_id),
        Some(b.ctx().node_id.clone())
    );
    a.stop().await;
    b.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn transaction_ids_are_unique_across_nodes_and_a_retried_start_is_stored_once() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let a = cluster.node(|_| {}).await;
    let b = cluster.node(|_| {}).await;
    // Stations on both nodes start transactions at the same time.
    let mut runs = Vec::new();
    for (i, node) in [&a, &b, &a, &b].into_iter().enumerate() {
        let mut cp = node.booted_station(&format!("CP-TX-{i}")).await;
        runs.push(tokio::spawn(async move {
            let mut ids = Vec::new();
            for n in 0..15 {
                let at = format!("2024-05-01T10:{n:02}:00Z");
                let answer = cp
                    .call(
                        "StartTransaction",
                        json!({"connectorId": 1, "idTag": "TAG", "meterStart": n, "timestamp": at}),
                    )
                    .await;
                ids.push(answer["transactionId"].as_i64().unwrap());
            }
            ids
        }));
    }
    let mut ids = Vec::new();
    for run in runs {
        ids.extend(run.await.unwrap());
    }
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 60, "{ids:?}");

    // The same start handled by both nodes at once (a station retrying after it moved):
    // both get the same id, and one row is stored.
    let request = |n: i64| -> ocpp::v16::StartTransactionRequest {
        serde_json::from_value(json!({
            "connectorId": 2, "idTag": "RACE", "meterStart": n,
            "timestamp": format!("2024-06-01T10:{n:02}:00Z"),
        }))
        .unwrap()
    };
    let station: Arc<str> = Arc::from("CP-RACE");
    // The station row exists (it connected once).
    drop(a.booted_station("CP-RACE").await);
    for n in 0..20 {
        let (on_a, on_b) = tokio::join!(
            chargegate::use_case::transaction::start(a.ctx(), &station, request(n)),
            chargegate::use_case::transaction::start(b.ctx(), &station, request(n)),
        );
        assert_eq!(
            on_a.unwrap().transaction_id,
            on_b.unwrap().transaction_id,
            "start {n}"
        );
    }
    let stored = transaction::Entity::find()
        .filter(transaction::Column::StationId.eq("CP-RACE"))
        .count(a.db())
        .await
        .unwrap();
    assert_eq!(stored, 20);
    a.stop().await;
    b.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn stations_of_a_stopped_node_reconnect_elsewhere_and_resume() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let a = cluster.node(|_| {}).await;
    let b = cluster.node(|_| {}).await;
    let mut cp = a.booted_station("CP-RESUME").await;
    let started = cp
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "TAG", "meterStart": 100, "timestamp": "2024-05-01T10:00:00Z"}),
        )
        .await;
    let id = started["transactionId"].as_i64().unwrap();

    // A stops cleanly: its stations are gone from the shared presence at once.
    a.stop().await;
    assert!(cp.closed().await.is_some());
    assert_eq!(b.ctx().cache.presence("CP-RESUME").await.unwrap(), None);
    let admin = b.admin();
    let (code, _) = b.err(Some(&admin), RESET, json!({"s": "CP-RESUME"})).await;
    assert_eq!(code, "STATION_OFFLINE");

    // The station comes back through the load balancer, now to B, and finishes its session.
    let mut cp = b.booted_station("CP-RESUME").await;
    let stopped = cp
        .call(
            "StopTransaction",
            json!({"transactionId": id, "meterStop": 1100, "timestamp": "2024-05-01T11:00:00Z"}),
        )
        .await;
    // No idTag in the stop, so no idTagInfo in the answer (OCPP 1.6 §6.48).
    assert_eq!(stopped, json!({}));
    let tx = b
        .ok(
            &admin,
            "query($id: Int!) { transaction(id: $id) { energyWh stopReason } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(tx["transaction"]["energyWh"], 1000.0);
    b.stop().await;
}

/// Starts `chargegate serve` as a child process in the cluster; returns it and its address.
fn spawn_node_process(cluster: &Cluster, presence_ttl: &str) -> (std::process::Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chargegate"))
        .env("DATABASE_URL", &cluster.database_url)
        .env("REDIS_URL", &cluster.redis_url)
        .env("CHARGEGATE_REDIS_PREFIX", &cluster.prefix)
        .env("CHARGEGATE_JWT_SECRET", &cluster.secret)
        .env("CHARGEGATE_PRESENCE_TTL", presence_ttl)
        .env("CHARGEGATE_LISTEN", "127.0.0.1:0")
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .expect("the chargegate binary");
    let stderr = child.stderr.take().unwrap();
    let (lines, log) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let addr = loop {
        let line = log
            .recv_timeout(PATIENCE)
            .expect("the node announces its address");
        if let Some(rest) = line.split("addr=").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    (child, addr)
}

#[chargegate_test(needs = [postgres, redis])]
async fn a_crashed_nodes_stations_go_offline_when_their_presence_expires() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let b = cluster
        .node(|s| s.presence_ttl = HumanDuration(Duration::from_secs(2)))
        .await;
    let (mut crashing, addr) = spawn_node_process(&cluster, "2s");
    let (mut cp, _) = Station::connect(&format!("ws://{addr}/ocpp/CP-CRASH"), Some("ocpp1.6"))
        .await
        .unwrap();
    cp.call(
        "BootNotification",
        json!({"chargePointVendor": "V", "chargePointModel": "M"}),
    )
    .await;
    let admin = b.admin();
    let connected = "{ station(id: \"CP-CRASH\") { connected } }";
    // The other node's refreshes keep it present for longer than one time to live.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        b.ok(&admin, connected, json!({})).await["station"]["connected"],
        true
    );

    // kill -9: no clean disconnect, nobody removes the presence.
    crashing.kill().unwrap();
    crashing.wait().unwrap();
    drop(cp);
    // Until the presence expires (at least a second more: it was refreshed every 2/3 s), a
    // command finds nobody listening on the dead node's channel.
    let (code, message) = b.err(Some(&admin), RESET, json!({"s": "CP-CRASH"})).await;
    assert_eq!(code, "STATION_UNREACHABLE", "{message}");
    eventually("the crashed node's presence to expire", || async {
        let data = b.ok(&admin, connected, json!({})).await;
        (data["station"]["connected"] == false).then_some(())
    })
    .await;
    assert!(b.ctx().cache.connected_stations().await.unwrap().is_empty());

    // The station reconnects to the surviving node.
    let mut cp = b.booted_station("CP-CRASH").await;
    let (action, _, response) = routed(
        &b,
        &mut cp,
        RESET,
        json!({"s": "CP-CRASH"}),
        Ok(json!({"status": "Accepted"})),
    )
    .await;
    assert_eq!(action, "Reset");
    assert_eq!(response["data"]["reset"]["status"], "ACCEPTED");
    b.stop().await;
}

#[chargegate_test(needs = [postgres, redis])]
async fn nodes_starting_together_migrate_once() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let settings = cluster.settings();
            tokio::spawn(async move { chargegate::store::Store::open(&settings).await })
        })
        .collect();
    for start in starts {
        let store = start.await.unwrap().expect("every node starts");
        store.close().await;
    }
    let node = cluster.node(|_| {}).await;
    let applied: Vec<String> = sea_orm::ConnectionTrait::query_all_raw(
        node.db(),
        sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ),
    )
    .await
    .unwrap()
    .into_iter()
    .map(|row| row.try_get("", "version").unwrap())
    .collect();
    let mut unique = applied.clone();
    unique.dedup();
    assert_eq!(applied, unique);
    let all = <migration::Migrator as migration::MigratorTrait>::migrations().len();
    assert_eq!(applied.len(), all, "{applied:?}");
    node.stop().await;
}
