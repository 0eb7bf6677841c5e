//! Queries over real data (stations, transactions, meter series, id tags, the journal,
//! unmatched stops), the management mutations, usage figures on known data, and a count of
//! SQL statements for a nested query (no N+1). On SQLite and PostgreSQL.

use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, spawn, spawn_on};

async fn start(cp: &mut Station, connector: i32, tag: &str, meter: i64, at: &str) -> i64 {
    cp.call(
        "StartTransaction",
        json!({"connectorId": connector, "idTag": tag, "meterStart": meter, "timestamp": at}),
    )
    .await["transactionId"]
        .as_i64()
        .unwrap()
}

async fn status(cp: &mut Station, connector: i32, status: &str) {
    cp.call(
        "StatusNotification",
        json!({"connectorId": connector, "errorCode": "NoError", "status": status}),
    )
    .await;
}

async fn stations_and_transactions(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut a = app.booted_station("CP-A").await;
    let mut b = app.booted_station("CP-B").await;
    let gone = app.booted_station("CP-C").await;
    drop(gone);
    crate::support::eventually("CP-C offline", || async {
        chargegate::link::of(app.ctx())
            .registry
            .get("CP-C")
            .is_none()
            .then_some(())
    })
    .await;
    status(&mut a, 1, "Charging").await;
    status(&mut a, 2, "Available").await;
    status(&mut b, 1, "Faulted").await;
    let tx = start(&mut a, 1, "TAG1", 1000, "2024-05-01T10:00:00Z").await;
    a.call("MeterValues", json!({"connectorId": 1, "transactionId": tx, "meterValue": [
        {"timestamp": "2024-05-01T10:15:00Z", "sampledValue": [{"value": "1500", "measurand": "Energy.Active.Import.Register", "unit": "Wh"}, {"value": "7.4", "measurand": "Power.Active.Import", "unit": "kW"}]},
        {"timestamp": "2024-05-01T10:30:00Z", "sampledValue": [{"value": "2.1", "measurand": "Energy.Active.Import.Register", "unit": "kWh"}]}
    ]})).await;

    let q = |filter: &str| format!("{{ stations{filter} {{ nodes {{ id }} totalCount }} }}");
    let ids = |v: &Value| {
        v["stations"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&app.ok(&admin, &q(""), json!({})).await),
        ["CP-A", "CP-B", "CP-C"]
    );
    assert_eq!(
        ids(&app.ok(&admin, &q("(connected: true)"), json!({})).await),
        ["CP-A", "CP-B"]
    );
    assert_eq!(
        ids(&app.ok(&admin, &q("(connected: false)"), json!({})).await),
        ["CP-C"]
    );
    assert_eq!(
        ids(&app
            .ok(&admin, &q("(connectorStatus: FAULTED)"), json!({}))
            .await),
        ["CP-B"]
    );
    assert_eq!(
        ids(&app
            .ok(
                &admin,
                &q("(registrationStatus: ACCEPTED, first: 2)"),
                json!({})
            )
            .await),
        ["CP-A", "CP-B"]
    );
    // Station cursors are keys (see api_console for every order); the first page's end goes on.
    let first = app
        .ok(
            &admin,
            "{ stations(first: 1) { pageInfo { endCursor } } }",
            json!({}),
        )
        .await;
    let cursor = first["stations"]["pageInfo"]["endCursor"].clone();
    let page = app.ok(&admin, "query($c: String) { stations(first: 1, after: $c) { nodes { id } pageInfo { hasNextPage hasPreviousPage } totalCount } }", json!({"c": cursor})).await;
    assert_eq!(
        page["stations"],
        json!({"nodes": [{"id": "CP-B"}], "pageInfo": {"hasNextPage": true, "hasPreviousPage": true}, "totalCount": 3})
    );

    let station = app
        .ok(&admin, r#"{ station(id: "CP-A") { id registrationStatus connected vendor model lastHeartbeatAt
            connectors { connectorId status errorCode
              currentTransaction { id idTag active meterStart energyWh }
              lastMeterReading { timestamp transactionId sampledValues { value numericValue measurand unit context location format phase } } } } }"#, json!({}))
        .await;
    let s = &station["station"];
    assert_eq!(
        (
            s["registrationStatus"].clone(),
            s["connected"].clone(),
            s["vendor"].clone()
        ),
        (json!("ACCEPTED"), json!(true), json!("VendorA"))
    );
    let c1 = &s["connectors"][0];
    assert_eq!(
        (
            c1["connectorId"].clone(),
            c1["status"].clone(),
            c1["errorCode"].clone()
        ),
        (json!(1), json!("CHARGING"), json!("NO_ERROR"))
    );
    assert_eq!(
        c1["currentTransaction"],
        json!({"id": tx, "idTag": "TAG1", "active": true, "meterStart": 1000, "energyWh": 1100})
    );
    assert_eq!(
        c1["lastMeterReading"]["timestamp"],
        "2024-05-01T10:30:00+00:00"
    );
    assert_eq!(
        c1["lastMeterReading"]["sampledValues"][0],
        json!({"value": "2.1", "numericValue": 2.1, "measurand": "ENERGY_ACTIVE_IMPORT_REGISTER", "unit": "KWH", "context": "SAMPLE_PERIODIC", "location": "OUTLET", "format": "RAW", "phase": null})
    );
    assert_eq!(s["connectors"][1]["currentTransaction"], Value::Null);
    assert!(
        app.ok(&admin, "{ station(id: \"NOPE\") { id } }", json!({}))
            .await["station"]
            .is_null()
    );

    a.call("StopTransaction", json!({"transactionId": tx, "meterStop": 2500, "timestamp": "2024-05-01T11:00:00Z", "reason": "EVDisconnected"})).await;
    let other = start(&mut b, 1, "TAG2", 0, "2024-05-02T09:00:00Z").await;

    let one = app
        .ok(&admin, "query($id: Int!) { transaction(id: $id) { id stationId station { id } connectorId idTag idTagStatus meterStart meterStop startTime stopTime stopReason active energyWh durationSeconds flags needsReconciliation
            all: meterValues { totalCount nodes { measurand value unit timestamp } }
            power: meterValues(measurand: POWER_ACTIVE_IMPORT) { totalCount nodes { value numericValue } } } }", json!({"id": tx}))
        .await;
    let t = &one["transaction"];
    assert_eq!(t["station"]["id"], "CP-A");
    assert_eq!(
        (
            t["meterStop"].clone(),
            t["energyWh"].clone(),
            t["durationSeconds"].clone()
        ),
        (json!(2500), json!(1500), json!(3600))
    );
    assert_eq!(
        (
            t["stopReason"].clone(),
            t["active"].clone(),
            t["idTagStatus"].clone()
        ),
        (json!("EV_DISCONNECTED"), json!(false), json!("INVALID"))
    );
    assert_eq!(t["flags"], json!(["UNKNOWN_ID_TAG"]));
    assert_eq!(t["needsReconciliation"], true);
    assert_eq!(t["all"]["totalCount"], 3);
    assert_eq!(
        t["all"]["nodes"][0]["timestamp"],
        "2024-05-01T10:15:00+00:00"
    );
    assert_eq!(
        t["power"],
        json!({"totalCount": 1, "nodes": [{"value": "7.4", "numericValue": 7.4}]})
    );

    let list = |args: &str| format!("{{ transactions{args} {{ totalCount nodes {{ id }} }} }}");
    let ids = |v: &Value| {
        v["transactions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&app.ok(&admin, &list(""), json!({})).await),
        [other, tx],
        "newest first"
    );
    assert_eq!(
        ids(&app
            .ok(&admin, &list("(stationId: \"CP-A\")"), json!({}))
            .await),
        [tx]
    );
    assert_eq!(
        ids(&app.ok(&admin, &list("(idTag: \"tag2\")"), json!({})).await),
        [other],
        "tags compare case-insensitively"
    );
    assert_eq!(
        ids(&app.ok(&admin, &list("(active: true)"), json!({})).await),
        [other]
    );
    assert_eq!(
        ids(&app.ok(&admin, &list("(active: false)"), json!({})).await),
        [tx]
    );
    assert_eq!(
        ids(&app
            .ok(
                &admin,
                &list("(from: \"2024-05-01T10:30:00Z\", to: \"2024-05-01T12:00:00Z\")"),
                json!({})
            )
            .await),
        [tx]
    );
    assert_eq!(
        ids(&app
            .ok(
                &admin,
                &list("(from: \"2024-05-01T11:00:00Z\", to: \"2024-05-03T00:00:00Z\")"),
                json!({})
            )
            .await),
        [other]
    );

    // The journal, newest first, filtered.
    let journal = app
        .ok(&admin, "{ ocppMessages(stationId: \"CP-A\", action: \"StopTransaction\") { totalCount nodes { direction messageType action messageId payload } } }", json!({}))
        .await;
    let nodes = &journal["ocppMessages"]["nodes"];
    assert_eq!(journal["ocppMessages"]["totalCount"], 2);
    assert_eq!(
        (
            nodes[0]["direction"].clone(),
            nodes[0]["messageType"].clone()
        ),
        (json!("OUT"), json!("CALL_RESULT"))
    );
    assert_eq!(
        (
            nodes[1]["direction"].clone(),
            nodes[1]["messageType"].clone()
        ),
        (json!("IN"), json!("CALL"))
    );
    assert!(
        nodes[1]["payload"]
            .as_str()
            .unwrap()
            .contains("EVDisconnected")
    );
    let inbound = app
        .ok(
            &admin,
            "{ ocppMessages(stationId: \"CP-A\", direction: IN) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(inbound["ocppMessages"]["totalCount"], 6);

    // Unmatched stops.
    b.call(
        "StopTransaction",
        json!({"transactionId": -1, "meterStop": 5, "timestamp": "2024-05-02T10:00:00Z"}),
    )
    .await;
    let unmatched = app.ok(&admin, "{ unmatchedStops { totalCount nodes { stationId reportedTransactionId kind meterStop } } }", json!({})).await;
    assert_eq!(
        unmatched["unmatchedStops"]["nodes"],
        json!([{"stationId": "CP-B", "reportedTransactionId": -1, "kind": "unknown_transaction", "meterStop": 5}])
    );
    app.stop().await;
}
on_both_backends!(stations_and_transactions);

async fn id_tag_management_drives_authorisation(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-TAGS").await;
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "Card-1"})).await["idTagInfo"]["status"],
        "Invalid"
    );
    let created = app
        .ok(&admin, "mutation { createIdTag(input: {idTag: \"Card-1\", parentIdTag: \"Fleet\", owner: \"dana\", expiryDate: \"2099-01-01T00:00:00Z\"}) { idTag status effectiveStatus parentIdTag owner expiryDate autoCreated } }", json!({}))
        .await;
    assert_eq!(
        created["createIdTag"],
        json!({"idTag": "Card-1", "status": "ACCEPTED", "effectiveStatus": "ACCEPTED", "parentIdTag": "Fleet", "owner": "dana", "expiryDate": "2099-01-01T00:00:00+00:00", "autoCreated": false})
    );
    let info = cp.call("Authorize", json!({"idTag": "card-1"})).await;
    assert_eq!(info["idTagInfo"]["status"], "Accepted");
    assert_eq!(info["idTagInfo"]["parentIdTag"], "Fleet");
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { createIdTag(input: {idTag: \"CARD-1\"}) { idTag } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "CONFLICT");
    let (code, _) = app
        .err(
            Some(&admin),
            // Longer than a 2.0.1 id token (36 characters).
            "mutation { createIdTag(input: {idTag: \"1234567890123456789012345678901234567\"}) { idTag } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { createIdTag(input: {idTag: \"X\", status: CONCURRENT_TX}) { idTag } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");

    app.ok(
        &admin,
        "mutation { updateIdTag(idTag: \"CARD-1\", input: {status: BLOCKED}) { status } }",
        json!({}),
    )
    .await;
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "Card-1"})).await["idTagInfo"]["status"],
        "Blocked"
    );
    let updated = app
        .ok(&admin, "mutation { updateIdTag(idTag: \"Card-1\", input: {status: ACCEPTED, expiryDate: \"2000-01-01T00:00:00Z\", parentIdTag: null}) { status effectiveStatus parentIdTag owner } }", json!({}))
        .await;
    assert_eq!(
        updated["updateIdTag"],
        json!({"status": "ACCEPTED", "effectiveStatus": "EXPIRED", "parentIdTag": null, "owner": "dana"})
    );
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "Card-1"})).await["idTagInfo"]["status"],
        "Expired"
    );
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { updateIdTag(idTag: \"NOPE\", input: {status: BLOCKED}) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "NOT_FOUND");

    let tags = app.ok(&admin, "{ idTags(owner: \"dana\") { totalCount nodes { idTag } } idTag(idTag: \"card-1\") { idTag } }", json!({})).await;
    assert_eq!(
        tags["idTags"],
        json!({"totalCount": 1, "nodes": [{"idTag": "Card-1"}]})
    );
    assert_eq!(tags["idTag"]["idTag"], "Card-1");
    assert_eq!(
        app.ok(
            &admin,
            "mutation { deleteIdTag(idTag: \"card-1\") }",
            json!({})
        )
        .await["deleteIdTag"],
        true
    );
    assert_eq!(
        cp.call("Authorize", json!({"idTag": "Card-1"})).await["idTagInfo"]["status"],
        "Invalid"
    );
    app.stop().await;
}
on_both_backends!(id_tag_management_drives_authorisation);

#[chargegate_test]
async fn pending_stations_are_approved_and_rejected() {
    let app =
        spawn(|s| s.unknown_stations = chargegate::config::UnknownStationPolicy::Pending).await;
    let admin = app.admin();
    let boot = json!({"chargePointVendor": "V", "chargePointModel": "M"});
    let mut cp = app.station("CP-NEW").await;
    assert_eq!(
        cp.call("BootNotification", boot.clone()).await["status"],
        "Pending"
    );
    let pending = app
        .ok(
            &admin,
            "{ stations(registrationStatus: PENDING) { nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(pending["stations"]["nodes"], json!([{"id": "CP-NEW"}]));
    let approved = app
        .ok(
            &admin,
            "mutation { approveStation(id: \"CP-NEW\") { id registrationStatus } }",
            json!({}),
        )
        .await;
    assert_eq!(
        approved["approveStation"],
        json!({"id": "CP-NEW", "registrationStatus": "ACCEPTED"})
    );
    assert_eq!(
        cp.call("BootNotification", boot.clone()).await["status"],
        "Accepted"
    );
    assert!(cp.call("Heartbeat", json!({})).await["currentTime"].is_string());
    app.ok(
        &admin,
        "mutation { rejectStation(id: \"CP-NEW\") { registrationStatus } }",
        json!({}),
    )
    .await;
    assert_eq!(
        cp.call("BootNotification", boot).await["status"],
        "Rejected"
    );
    assert_eq!(
        cp.call_error("Heartbeat", json!({})).await.0,
        "SecurityError"
    );
    // Pre-registering a station that never connected, and a bad id.
    let pre = app
        .ok(
            &admin,
            "mutation { approveStation(id: \"CP-FUTURE\") { id registrationStatus connected } }",
            json!({}),
        )
        .await;
    assert_eq!(
        pre["approveStation"],
        json!({"id": "CP-FUTURE", "registrationStatus": "ACCEPTED", "connected": false})
    );
    let (code, _) = app
        .err(
            Some(&admin),
            "mutation { approveStation(id: \"a/b\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    app.stop().await;
}

async fn usage_on_known_data(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut a = app.booted_station("CP-U1").await;
    let mut b = app.booted_station("CP-U2").await;
    status(&mut a, 1, "Available").await;
    status(&mut a, 2, "Available").await;
    status(&mut b, 1, "Available").await;
    // CP-U1: 22:00 → 02:00 across midnight, 8 kWh; CP-U2: 10:00 → 11:00 on day 2, 3 kWh.
    let t1 = start(&mut a, 1, "ALICE", 10_000, "2024-05-01T22:00:00Z").await;
    a.call(
        "StopTransaction",
        json!({"transactionId": t1, "meterStop": 18_000, "timestamp": "2024-05-02T02:00:00Z"}),
    )
    .await;
    let t2 = start(&mut b, 1, "BOB", 0, "2024-05-02T10:00:00Z").await;
    b.call(
        "StopTransaction",
        json!({"transactionId": t2, "meterStop": 3_000, "timestamp": "2024-05-02T11:00:00Z"}),
    )
    .await;

    let query = r#"query($from: DateTime!, $to: DateTime!, $g: UsagePeriod!, $s: ID, $t: String) {
        usage(from: $from, to: $to, groupBy: $g, stationId: $s, idTag: $t) {
          totals { energyKwh sessions chargingSeconds connectorUtilisation }
          periods { start end totals { energyKwh sessions chargingSeconds connectorUtilisation }
            byStation { stationId figures { energyKwh sessions chargingSeconds connectorUtilisation } }
            byIdTag { idTag figures { energyKwh sessions connectorUtilisation } } } } }"#;
    let days = app
        .ok(
            &admin,
            query,
            json!({"from": "2024-05-01T00:00:00Z", "to": "2024-05-03T00:00:00Z", "g": "DAY"}),
        )
        .await;
    let usage = &days["usage"];
    assert_eq!(usage["totals"]["energyKwh"], 11.0);
    assert_eq!(usage["totals"]["sessions"], 2);
    assert_eq!(usage["totals"]["chargingSeconds"], 5 * 3600);
    // Three connectors over two days.
    assert_eq!(
        usage["totals"]["connectorUtilisation"],
        5.0 * 3600.0 / (3.0 * 2.0 * 86_400.0)
    );
    let (d1, d2) = (&usage["periods"][0], &usage["periods"][1]);
    assert_eq!(
        (d1["start"].clone(), d1["end"].clone()),
        (
            json!("2024-05-01T00:00:00+00:00"),
            json!("2024-05-02T00:00:00+00:00")
        )
    );
    assert_eq!(
        d1["totals"],
        json!({"energyKwh": 4.0, "sessions": 1, "chargingSeconds": 7200, "connectorUtilisation": 7200.0 / (3.0 * 86_400.0)})
    );
    assert_eq!(d2["totals"]["energyKwh"], 7.0);
    assert_eq!(d2["totals"]["sessions"], 1);
    assert_eq!(
        d2["byStation"][0],
        json!({"stationId": "CP-U1", "figures": {"energyKwh": 4.0, "sessions": 0, "chargingSeconds": 7200, "connectorUtilisation": 7200.0 / (2.0 * 86_400.0)}})
    );
    assert_eq!(d2["byStation"][1]["figures"]["energyKwh"], 3.0);
    assert_eq!(
        d2["byIdTag"],
        json!([
            {"idTag": "ALICE", "figures": {"energyKwh": 4.0, "sessions": 0, "connectorUtilisation": null}},
            {"idTag": "BOB", "figures": {"energyKwh": 3.0, "sessions": 1, "connectorUtilisation": null}}
        ])
    );

    // A range starting at 01:00 on day 2 clips the first session at its edge.
    let clipped = app
        .ok(&admin, query, json!({"from": "2024-05-02T01:00:00Z", "to": "2024-05-02T12:00:00Z", "g": "DAY", "s": "CP-U1"}))
        .await;
    assert_eq!(clipped["usage"]["totals"]["energyKwh"], 2.0);
    assert_eq!(clipped["usage"]["totals"]["sessions"], 0);
    assert_eq!(clipped["usage"]["totals"]["chargingSeconds"], 3600);
    // Per id tag; weeks and months.
    let alice = app
        .ok(&admin, query, json!({"from": "2024-04-01T00:00:00Z", "to": "2024-06-01T00:00:00Z", "g": "MONTH", "t": "alice"}))
        .await;
    assert_eq!(alice["usage"]["periods"].as_array().unwrap().len(), 2);
    assert_eq!(alice["usage"]["periods"][1]["totals"]["energyKwh"], 8.0);
    assert_eq!(
        alice["usage"]["totals"]["connectorUtilisation"],
        Value::Null
    );
    let weeks = app
        .ok(
            &admin,
            query,
            json!({"from": "2024-04-29T00:00:00Z", "to": "2024-05-13T00:00:00Z", "g": "WEEK"}),
        )
        .await;
    assert_eq!(weeks["usage"]["periods"][0]["totals"]["energyKwh"], 11.0);
    assert_eq!(weeks["usage"]["periods"][1]["totals"]["sessions"], 0);
    let (code, _) = app
        .err(
            Some(&admin),
            query,
            json!({"from": "2024-05-02T00:00:00Z", "to": "2024-05-01T00:00:00Z", "g": "DAY"}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    // A session of no length exactly at the start of a range counts in it.
    let instant = start(&mut b, 1, "BOB", 3_000, "2024-05-03T00:00:00Z").await;
    b.call(
        "StopTransaction",
        json!({"transactionId": instant, "meterStop": 3_000, "timestamp": "2024-05-03T00:00:00Z"}),
    )
    .await;
    let edge = app
        .ok(
            &admin,
            query,
            json!({"from": "2024-05-03T00:00:00Z", "to": "2024-05-04T00:00:00Z", "g": "DAY"}),
        )
        .await;
    assert_eq!(edge["usage"]["totals"]["sessions"], 1);
    app.stop().await;
}
on_both_backends!(usage_on_known_data);

/// A session across midnight with meter values: its energy is split over the days by the
/// register readings its connector's rollups hold, between its meter start and stop (energy
/// between two readings taken as delivered evenly); before the rollups are made, by time.
async fn usage_splits_a_session_by_its_rollups(backend: Backend) {
    use chargegate::use_case::meter_rollup::{Lag, roll_up};
    let Some(app) = spawn_on(backend, |s| {
        // The test runs the rollup job itself.
        s.meter_rollup_interval =
            chargegate::config::HumanDuration(std::time::Duration::from_secs(86_400));
    })
    .await
    else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-NIGHT").await;
    status(&mut cp, 1, "Available").await;
    let tx = start(&mut cp, 1, "NIGHT", 10_000, "2024-05-01T23:00:00Z").await;
    for (at, wh) in [
        ("2024-05-01T23:15:00Z", 10_500),
        ("2024-05-01T23:30:00Z", 10_900),
        ("2024-05-01T23:45:00Z", 11_300),
        ("2024-05-02T00:15:00Z", 11_400),
    ] {
        cp.call(
            "MeterValues",
            json!({"connectorId": 1, "transactionId": tx, "meterValue": [{"timestamp": at,
                "sampledValue": [{"value": wh.to_string(), "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}]}),
        )
        .await;
    }
    cp.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 11_500, "timestamp": "2024-05-02T01:00:00Z"}),
    )
    .await;
    let query = r#"query($from: DateTime!, $to: DateTime!) {
        usage(from: $from, to: $to, groupBy: DAY) { totals { energyKwh }
          periods { totals { energyKwh } byIdTag { idTag figures { energyKwh } } } } }"#;
    let days = json!({"from": "2024-05-01T00:00:00Z", "to": "2024-05-03T00:00:00Z"});
    let energies = |data: &Value| -> Vec<f64> {
        data["usage"]["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["totals"]["energyKwh"].as_f64().unwrap())
            .collect()
    };
    // Before the job has rolled them up: by time.
    let before = app.ok(&admin, query, days.clone()).await;
    assert_eq!(energies(&before), [0.75, 0.75]);
    roll_up(&app.ctx().store, Lag::None).await.unwrap();
    // 10,000 at 23:00 to 11,300 at 23:45, then half the 100 Wh to 00:15: 1,350 Wh by midnight.
    let after = app.ok(&admin, query, days).await;
    let split = energies(&after);
    assert!(
        (split[0] - 1.35).abs() < 1e-9 && (split[1] - 0.15).abs() < 1e-9,
        "{split:?}"
    );
    assert!((after["usage"]["totals"]["energyKwh"].as_f64().unwrap() - 1.5).abs() < 1e-9);
    let tag = &after["usage"]["periods"][0]["byIdTag"][0];
    assert_eq!(tag["idTag"], "NIGHT");
    assert!((tag["figures"]["energyKwh"].as_f64().unwrap() - 1.35).abs() < 1e-9);
    // A range that ends at 23:30: the register said 10,900 then.
    let evening = app
        .ok(
            &admin,
            query,
            json!({"from": "2024-05-01T00:00:00Z", "to": "2024-05-01T23:30:00Z"}),
        )
        .await;
    let part = energies(&evening)[0];
    assert!((part - 0.9).abs() < 1e-9, "{part}");
    app.stop().await;
}
on_both_backends!(usage_splits_a_session_by_its_rollups);

/// Statements run for a nested query must not grow with the number of stations. The count is
/// the server's, so background work (the alert deliverer looking at its outbox, pruning) may
/// add to one reading: the least of three is the query's own.
async fn statements_of(app: &TestApp, token: &str) -> u64 {
    let mut least = u64::MAX;
    for _ in 0..3 {
        let before = app.ctx().store.read_statements();
        app.ok(
            token,
            "{ stations(first: 100) { nodes { id connectors { connectorId status currentTransaction { id station { id } } } } } }",
            json!({}),
        )
        .await;
        least = least.min(app.ctx().store.read_statements() - before);
    }
    least
}

#[chargegate_test]
async fn nested_queries_are_not_n_plus_one() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let mut stations = Vec::new();
    for i in 0..3 {
        let mut cp = app.booted_station(&format!("CP-N{i}")).await;
        status(&mut cp, 1, "Charging").await;
        start(&mut cp, 1, &format!("T{i}"), 0, "2024-05-01T10:00:00Z").await;
        stations.push(cp);
    }
    let few = statements_of(&app, &admin).await;
    for i in 3..12 {
        let mut cp = app.booted_station(&format!("CP-N{i}")).await;
        status(&mut cp, 1, "Charging").await;
        status(&mut cp, 2, "Available").await;
        start(&mut cp, 1, &format!("T{i}"), 0, "2024-05-01T10:00:00Z").await;
        stations.push(cp);
    }
    let many = statements_of(&app, &admin).await;
    assert_eq!(few, many, "statements grew with the number of stations");
    assert!(many <= 5, "{many} statements for one nested query");
    app.stop().await;
}

async fn running_and_forgotten_transactions_in_the_figures(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let now = chrono::Utc::now();
    let ago = |h: i64| (now - chrono::Duration::hours(h)).to_rfc3339();
    let mut cp = app.booted_station("CP-R").await;
    status(&mut cp, 1, "Charging").await;
    // A transaction whose StopTransaction was lost, then a new one on the same connector.
    let lost = start(&mut cp, 1, "OLD", 0, &ago(3)).await;
    let current = start(&mut cp, 1, "NEW", 5_000, &ago(2)).await;
    // Register readings of the running one: the newest total counts, not a phase.
    cp.call("MeterValues", json!({"connectorId": 1, "transactionId": current, "meterValue": [
        {"timestamp": ago(1), "sampledValue": [{"value": "5.5", "unit": "kWh"}, {"value": "2.9", "unit": "kWh", "phase": "L1"}]},
        {"timestamp": now.to_rfc3339(), "sampledValue": [{"value": "6200", "unit": "Wh"}, {"value": "7000", "unit": "Wh", "phase": "L2"}]}
    ]})).await;

    // The connector's current transaction is the newest open one.
    let station = app
        .ok(
            &admin,
            "{ station(id: \"CP-R\") { connectors { currentTransaction { id energyWh } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        station["station"]["connectors"][0]["currentTransaction"],
        json!({"id": current, "energyWh": 1200})
    );
    assert_ne!(lost, current);

    let usage = app
        .ok(
            &admin,
            "query($from: DateTime!, $to: DateTime!) { usage(from: $from, to: $to, groupBy: DAY) { totals { energyKwh sessions chargingSeconds connectorUtilisation } } }",
            json!({"from": ago(24), "to": (now + chrono::Duration::hours(24)).to_rfc3339()}),
        )
        .await;
    let totals = &usage["usage"]["totals"];
    assert_eq!(totals["sessions"], 2);
    // 1.2 kWh so far for the running one; the lost one delivered nothing known.
    assert!(
        (totals["energyKwh"].as_f64().unwrap() - 1.2).abs() < 1e-9,
        "{totals}"
    );
    // The lost one ends, for the figures, where the next one started: 1 h, not until now; the
    // running one has run 2 h.
    let seconds = totals["chargingSeconds"].as_i64().unwrap();
    assert!((seconds - 3 * 3600).abs() <= 10, "{totals}");
    assert!(totals["connectorUtilisation"].as_f64().unwrap() <= 1.0);
    app.stop().await;
}
on_both_backends!(running_and_forgotten_transactions_in_the_figures);
