//! Energy budgets per id tag and per account: set and read over GraphQL, enforced on the wire
//! (Authorize and StartTransaction answered Blocked, the session still stored; a running
//! session stopped with RemoteStopTransaction at its budget and flagged), in local lists and
//! before a remote start (BUDGET_EXHAUSTED, CONNECTOR_OCCUPIED). Real server, real stations,
//! on SQLite and PostgreSQL.

use chargegate::auth::Role;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, eventually, spawn_on};

const SET_TAG: &str = "mutation($t: String!, $b: EnergyBudgetInput) { setIdTagBudget(idTag: $t, budget: $b) { idTag budget { limitWh period usedWh remainingWh exhausted periodStart periodEnd } } }";
const SET_ACCOUNT: &str = "mutation($u: String!, $b: EnergyBudgetInput) { setAccountBudget(username: $u, budget: $b) { username budget { limitWh period usedWh remainingWh exhausted } } }";
const TAG_BUDGET: &str =
    "query($t: String!) { idTag(idTag: $t) { budget { usedWh remainingWh exhausted } } }";

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

async fn tag(app: &TestApp, id: &str, owner: &str) {
    app.ok(
        &app.admin(),
        "mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }",
        json!({"t": id, "o": owner}),
    )
    .await;
}

async fn authorize(cp: &mut Station, tag: &str) -> Value {
    cp.call("Authorize", json!({"idTag": tag})).await["idTagInfo"]["status"].clone()
}

async fn start(cp: &mut Station, connector: i32, tag: &str, meter_start: i64) -> (i64, Value) {
    let answer = cp
        .call(
            "StartTransaction",
            json!({"connectorId": connector, "idTag": tag, "meterStart": meter_start, "timestamp": now()}),
        )
        .await;
    (
        answer["transactionId"].as_i64().unwrap(),
        answer["idTagInfo"]["status"].clone(),
    )
}

/// A reading's time: one second after the previous reading's (a sample sent twice with the same
/// time is stored once), from now.
fn reading_time() -> String {
    static NEXT: AtomicI64 = AtomicI64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    (Utc::now() + Duration::seconds(n % 600)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

async fn register(cp: &mut Station, connector: i32, tx: i64, value: &str, unit: &str) {
    cp.call(
        "MeterValues",
        json!({"connectorId": connector, "transactionId": tx, "meterValue": [{"timestamp": reading_time(),
            "sampledValue": [{"value": value, "unit": unit, "measurand": "Energy.Active.Import.Register"}]}]}),
    )
    .await;
}

async fn used(app: &TestApp, tag: &str) -> Value {
    app.ok(&app.admin(), TAG_BUDGET, json!({"t": tag})).await["idTag"]["budget"].clone()
}

async fn budgets_are_enforced(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-B").await;
    app.ok(
        &admin,
        "mutation { createAccount(username: \"dana\", password: \"dana's password\", role: DRIVER) { username } }",
        json!({}),
    )
    .await;
    tag(&app, "B-Tag", "dana").await;
    tag(&app, "B-Second", "dana").await;

    // A budget of 1 kWh a month on the tag.
    let data = app
        .ok(
            &admin,
            SET_TAG,
            json!({"t": "b-tag", "b": {"limitWh": 1000.0, "period": "MONTH"}}),
        )
        .await;
    let budget = &data["setIdTagBudget"]["budget"];
    assert_eq!(budget["limitWh"], 1000.0);
    assert_eq!(budget["period"], "MONTH");
    assert_eq!(budget["usedWh"], 0.0);
    assert_eq!(budget["remainingWh"], 1000.0);
    assert_eq!(budget["exhausted"], false);
    assert!(
        budget["periodStart"]
            .as_str()
            .unwrap()
            .contains("-01T00:00:00")
    );

    assert_eq!(authorize(&mut cp, "B-TAG").await, "Accepted");
    let (tx, status) = start(&mut cp, 1, "B-Tag", 10_000).await;
    assert_eq!(status, "Accepted");
    // Half of it, in kWh: counted while the session runs.
    register(&mut cp, 1, tx, "10.5", "kWh").await;
    let budget = used(&app, "B-Tag").await;
    assert_eq!(budget["usedWh"], 500.0, "{budget}");
    assert_eq!(budget["remainingWh"], 500.0);
    assert!(cp.silent_for(std::time::Duration::from_millis(300)).await);

    // Reaching it: chargegate stops the session.
    register(&mut cp, 1, tx, "11000", "Wh").await;
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "RemoteStopTransaction");
    assert_eq!(payload, json!({"transactionId": tx}));
    cp.reply(&id, json!({"status": "Accepted"})).await;
    let flags = eventually("the transaction flagged", || async {
        let data = app
            .ok(
                &admin,
                "query($id: Int!) { transaction(id: $id) { flags needsReconciliation } }",
                json!({"id": tx}),
            )
            .await;
        let flags = data["transaction"].clone();
        (flags["flags"] == json!(["BUDGET_EXHAUSTED"])).then_some(flags)
    })
    .await;
    assert_eq!(flags["needsReconciliation"], false);
    cp.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 11_000, "timestamp": now(), "reason": "Remote"}),
    )
    .await;
    let budget = used(&app, "B-Tag").await;
    assert_eq!(
        budget,
        json!({"usedWh": 1000.0, "remainingWh": 0.0, "exhausted": true})
    );

    // Used up: Blocked on the wire, the session still stored and flagged.
    assert_eq!(authorize(&mut cp, "b-tag").await, "Blocked");
    let (blocked, status) = start(&mut cp, 2, "B-Tag", 20_000).await;
    assert_eq!(status, "Blocked");
    let data = app
        .ok(
            &admin,
            "query($id: Int!) { transaction(id: $id) { idTagStatus flags } }",
            json!({"id": blocked}),
        )
        .await;
    assert_eq!(
        data["transaction"],
        json!({"idTagStatus": "BLOCKED", "flags": ["BUDGET_EXHAUSTED"]})
    );
    cp.call(
        "StopTransaction",
        json!({"transactionId": blocked, "meterStop": 20_000, "timestamp": now(), "reason": "DeAuthorized"}),
    )
    .await;

    // A remote start with it is refused before anything is sent.
    let dana = app.token(Role::Driver, "dana", None);
    let remote = "mutation($t: String!, $c: Int) { remoteStartTransaction(stationId: \"CP-B\", idTag: $t, connectorId: $c) { status } }";
    let (code, message) = app
        .err(Some(&dana), remote, json!({"t": "B-Tag", "c": 1}))
        .await;
    assert_eq!(code, "BUDGET_EXHAUSTED", "{message}");
    assert!(cp.silent_for(std::time::Duration::from_millis(300)).await);

    // A local list carries it as Blocked.
    let request = app.gql_spawned(
        &admin,
        "mutation { sendLocalList(stationId: \"CP-B\", updateType: FULL, idTags: [\"B-Tag\", \"B-Second\"]) { status } }",
        json!({}),
    );
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "SendLocalList");
    let statuses: Vec<(String, String)> = payload["localAuthorizationList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["idTag"].as_str().unwrap().to_owned(),
                e["idTagInfo"]["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("B-Tag".to_owned(), "Blocked".to_owned()),
            ("B-Second".to_owned(), "Accepted".to_owned())
        ]
    );
    cp.reply(&id, json!({"status": "Accepted"})).await;
    request.await.unwrap();

    // An account budget covers all of the account's tags; the driver sees it.
    let data = app
        .ok(
            &admin,
            SET_ACCOUNT,
            json!({"u": "dana", "b": {"limitWh": 1500.0, "period": "WEEK"}}),
        )
        .await;
    assert_eq!(
        data["setAccountBudget"]["budget"],
        json!({"limitWh": 1500.0, "period": "WEEK", "usedWh": 1000.0, "remainingWh": 500.0, "exhausted": false})
    );
    let me = app
        .ok(&dana, "{ me { budget { remainingWh } } }", json!({}))
        .await;
    assert_eq!(me["me"]["budget"]["remainingWh"], 500.0);
    let own = app
        .ok(
            &dana,
            "{ idTags { nodes { idTag budget { exhausted } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        own["idTags"]["nodes"],
        json!([{"idTag": "B-Second", "budget": null}, {"idTag": "B-Tag", "budget": {"exhausted": true}}])
    );
    assert_eq!(authorize(&mut cp, "B-Second").await, "Accepted");
    // The tag's own budget cleared: the account's still has room.
    let data = app
        .ok(&admin, SET_TAG, json!({"t": "B-Tag", "b": null}))
        .await;
    assert_eq!(data["setIdTagBudget"]["budget"], Value::Null);
    assert_eq!(authorize(&mut cp, "B-Tag").await, "Accepted");
    // The account's budget used up by a session of its other tag: both tags are Blocked.
    let (tx2, status) = start(&mut cp, 1, "B-Second", 30_000).await;
    assert_eq!(status, "Accepted");
    register(&mut cp, 1, tx2, "30500", "Wh").await;
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(
        (action.as_str(), payload),
        ("RemoteStopTransaction", json!({"transactionId": tx2}))
    );
    cp.reply(&id, json!({"status": "Accepted"})).await;
    assert_eq!(authorize(&mut cp, "B-Tag").await, "Blocked");
    assert_eq!(authorize(&mut cp, "B-Second").await, "Blocked");
    cp.call(
        "StopTransaction",
        json!({"transactionId": tx2, "meterStop": 30_500, "timestamp": now(), "reason": "Remote"}),
    )
    .await;

    // Who may set budgets, and what a budget may be.
    for (token, code) in [
        (app.token(Role::Viewer, "v", None), "FORBIDDEN"),
        (dana.clone(), "FORBIDDEN"),
        (
            app.token(Role::Operator, "op", Some(&["CP-B"])),
            "FORBIDDEN",
        ),
    ] {
        let (got, _) = app
            .err(
                Some(&token),
                SET_TAG,
                json!({"t": "B-Tag", "b": {"limitWh": 1.0, "period": "WEEK"}}),
            )
            .await;
        assert_eq!(got, code);
    }
    for (vars, code) in [
        (
            json!({"t": "B-Tag", "b": {"limitWh": -1.0, "period": "WEEK"}}),
            "BAD_USER_INPUT",
        ),
        (
            json!({"t": "B-Tag", "b": {"limitWh": 1e11, "period": "WEEK"}}),
            "BAD_USER_INPUT",
        ),
        (
            json!({"t": "nobody's", "b": {"limitWh": 1.0, "period": "WEEK"}}),
            "NOT_FOUND",
        ),
        (
            json!({"t": "0123456789012345678901234567890123456", "b": null}),
            "BAD_USER_INPUT",
        ),
    ] {
        let (got, message) = app.err(Some(&admin), SET_TAG, vars).await;
        assert_eq!(got, code, "{message}");
    }
    let (got, _) = app
        .err(
            Some(&admin),
            SET_ACCOUNT,
            json!({"u": "nobody", "b": {"limitWh": 1.0, "period": "MONTH"}}),
        )
        .await;
    assert_eq!(got, "NOT_FOUND");
    app.stop().await;
}
on_both_backends!(budgets_are_enforced);

async fn a_budget_set_while_charging_stops_the_session(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-W").await;
    tag(&app, "W-Tag", "wendy").await;
    let (tx, _) = start(&mut cp, 1, "W-Tag", 0).await;
    register(&mut cp, 1, tx, "400", "Wh").await;
    app.ok(
        &admin,
        SET_TAG,
        json!({"t": "W-Tag", "b": {"limitWh": 1000.0, "period": "WEEK"}}),
    )
    .await;
    register(&mut cp, 1, tx, "900", "Wh").await;
    assert!(cp.silent_for(std::time::Duration::from_millis(300)).await);
    register(&mut cp, 1, tx, "1000", "Wh").await;
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "RemoteStopTransaction");
    // The station refuses: a later reading asks again (once the refusal is in).
    cp.reply(&id, json!({"status": "Rejected"})).await;
    let mut reading = 1100;
    let (id, action, payload) = loop {
        register(&mut cp, 1, tx, &reading.to_string(), "Wh").await;
        reading += 10;
        let wait = std::time::Duration::from_millis(200);
        if let Ok(call) = tokio::time::timeout(wait, cp.server_call()).await {
            break call;
        }
        assert!(reading < 2000, "no second RemoteStopTransaction");
    };
    assert_eq!(
        (action.as_str(), payload),
        ("RemoteStopTransaction", json!({"transactionId": tx}))
    );
    cp.reply(&id, json!({"status": "Accepted"})).await;
    app.stop().await;
}
on_both_backends!(a_budget_set_while_charging_stops_the_session);

async fn remote_start_on_an_occupied_connector(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-O").await;
    tag(&app, "O-Tag", "olga").await;
    cp.call(
        "StatusNotification",
        json!({"connectorId": 1, "errorCode": "NoError", "status": "Charging"}),
    )
    .await;
    let remote = "mutation($c: Int) { remoteStartTransaction(stationId: \"CP-O\", idTag: \"O-Tag\", connectorId: $c) { status } }";
    let (code, message) = app.err(Some(&app.admin()), remote, json!({"c": 1})).await;
    assert_eq!(code, "CONNECTOR_OCCUPIED", "{message}");
    assert!(cp.silent_for(std::time::Duration::from_millis(300)).await);
    // A free connector: sent.
    cp.call(
        "StatusNotification",
        json!({"connectorId": 2, "errorCode": "NoError", "status": "Preparing"}),
    )
    .await;
    let request = app.gql_spawned(&app.admin(), remote, json!({"c": 2}));
    let (id, action, _) = cp.server_call().await;
    assert_eq!(action, "RemoteStartTransaction");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    let response = request.await.unwrap();
    assert_eq!(
        response["data"]["remoteStartTransaction"]["status"],
        "ACCEPTED"
    );
    app.stop().await;
}
on_both_backends!(remote_start_on_an_occupied_connector);
