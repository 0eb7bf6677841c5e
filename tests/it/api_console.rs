//! The API the operators' console reads: station details (set, cleared, validated, refused),
//! the station list's search, site filter, orders and keyset cursors, sites, a station's meter
//! samples, the fleet summary (query and subscription), the attention list and the adoption of
//! auto-created id tags. Real server, real stations, on SQLite and PostgreSQL.

use chargegate::{auth::Role, config::UnknownStationPolicy};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{client::IntoClientRequest, http::HeaderValue};

use crate::gql::GqlWs;
use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, spawn_on};

const DETAILS: &str = "mutation($id: ID!, $input: StationDetailsInput!) { updateStationDetails(id: $id, input: $input) { id displayName site address latitude longitude note } }";

async fn approve(app: &TestApp, id: &str) {
    app.ok(
        &app.admin(),
        "mutation($id: ID!) { approveStation(id: $id) { id } }",
        json!({"id": id}),
    )
    .await;
}

async fn status(cp: &mut Station, connector: i32, status: &str, error: &str) {
    cp.call(
        "StatusNotification",
        json!({"connectorId": connector, "errorCode": error, "status": status}),
    )
    .await;
}

fn at(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

async fn station_details(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let _cp = app.booted_station("CP-D").await;
    approve(&app, "CP-OTHER").await;
    let operator = app.token(Role::Operator, "op", None);
    let set = json!({"displayName": "Bay 1", "site": "  North  ", "address": "Jl. Sudirman 1",
        "latitude": -6.2, "longitude": 106.8, "note": "by the gate"});
    let data = app
        .ok(&operator, DETAILS, json!({"id": "CP-D", "input": set}))
        .await;
    assert_eq!(
        data["updateStationDetails"],
        json!({"id": "CP-D", "displayName": "Bay 1", "site": "North", "address": "Jl. Sudirman 1",
            "latitude": -6.2, "longitude": 106.8, "note": "by the gate"})
    );
    // Null clears, absent stays; both coordinates cleared together.
    let data = app
        .ok(
            &operator,
            DETAILS,
            json!({"id": "CP-D", "input": {"note": null, "latitude": null, "longitude": null}}),
        )
        .await;
    assert_eq!(
        data["updateStationDetails"],
        json!({"id": "CP-D", "displayName": "Bay 1", "site": "North", "address": "Jl. Sudirman 1",
            "latitude": null, "longitude": null, "note": null})
    );
    let read = app
        .ok(
            &app.token(Role::Viewer, "v", None),
            "{ station(id: \"CP-D\") { displayName site note latitude } }",
            json!({}),
        )
        .await;
    assert_eq!(
        read["station"],
        json!({"displayName": "Bay 1", "site": "North", "note": null, "latitude": null})
    );

    for (input, needle) in [
        (json!({"displayName": "x".repeat(101)}), "displayName"),
        (json!({"site": "s".repeat(101)}), "site"),
        (json!({"address": "a".repeat(301)}), "address"),
        (json!({"note": "n".repeat(2001)}), "note"),
        (json!({"latitude": 91.0, "longitude": 0.0}), "latitude"),
        (json!({"latitude": 0.0, "longitude": -180.5}), "longitude"),
        (json!({"latitude": 10.0}), "both or neither"),
    ] {
        let (code, message) = app
            .err(
                Some(&operator),
                DETAILS,
                json!({"id": "CP-D", "input": input}),
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT", "{input}: {message}");
        assert!(message.contains(needle), "{input}: {message}");
    }
    // Nothing of a refused change was kept.
    let read = app
        .ok(
            &app.admin(),
            "{ station(id: \"CP-D\") { displayName latitude } }",
            json!({}),
        )
        .await;
    assert_eq!(
        read["station"],
        json!({"displayName": "Bay 1", "latitude": null})
    );

    let (code, _) = app
        .err(
            Some(&operator),
            DETAILS,
            json!({"id": "CP-NOPE", "input": {"site": "x"}}),
        )
        .await;
    assert_eq!(code, "NOT_FOUND");
    let viewer = app.token(Role::Viewer, "v", None);
    let (code, _) = app
        .err(
            Some(&viewer),
            DETAILS,
            json!({"id": "CP-D", "input": {"site": "x"}}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    let scoped = app.token(Role::Operator, "op2", Some(&["CP-OTHER"]));
    let (code, _) = app
        .err(
            Some(&scoped),
            DETAILS,
            json!({"id": "CP-D", "input": {"site": "x"}}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    app.ok(
        &scoped,
        DETAILS,
        json!({"id": "CP-OTHER", "input": {"site": "South"}}),
    )
    .await;
    app.stop().await;
}
on_both_backends!(station_details);

const LIST: &str = "query($search: String, $site: String, $order: StationOrder!, $desc: Boolean!, $first: Int, $after: String, $last: Int, $before: String) { stations(search: $search, site: $site, orderBy: $order, descending: $desc, first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id displayName site lastSeenAt } } }";

fn ids(page: &Value) -> Vec<String> {
    page["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The key a station sorts by in `order`: (no value, value, id).
fn key(node: &Value, order: &str) -> (bool, String, String) {
    let value = match order {
        "DISPLAY_NAME" => node["displayName"].as_str().map(str::to_owned),
        "SITE" => node["site"].as_str().map(str::to_owned),
        "LAST_SEEN" => node["lastSeenAt"].as_str().map(|t| {
            let t: DateTime<Utc> = t.parse().unwrap();
            t.to_rfc3339_opts(SecondsFormat::Nanos, true)
        }),
        _ => Some(String::new()),
    };
    (
        value.is_none(),
        value.unwrap_or_default(),
        node["id"].as_str().unwrap().to_owned(),
    )
}

async fn station_list(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    // Seen stations (last seen set, one after the other) and never-seen ones.
    let mut connected = Vec::new();
    for id in ["CP-1", "CP-2", "CP_3"] {
        connected.push(app.booted_station(id).await);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    for id in ["CP-4", "CP-5", "CP-6", "XY-7"] {
        approve(&app, id).await;
    }
    for (id, name, site) in [
        ("CP-1", Some("BRAVO"), Some("NORTH")),
        ("CP-2", Some("ALPHA"), Some("SOUTH")),
        ("CP_3", None, Some("NORTH")),
        ("CP-4", Some("CHARLIE"), None),
        ("CP-5", Some("ALPHA"), Some("NORTH")),
        ("CP-6", None, None),
        ("XY-7", Some("DELTA PARK"), Some("SOUTH")),
    ] {
        app.ok(
            &admin,
            DETAILS,
            json!({"id": id, "input": {"displayName": name, "site": site}}),
        )
        .await;
    }
    let all = app
        .ok(
            &admin,
            LIST,
            json!({"order": "ID", "desc": false, "first": 100}),
        )
        .await["stations"]
        .clone();
    assert_eq!(all["totalCount"], 7);
    let nodes = all["nodes"].as_array().unwrap().clone();

    for order in ["ID", "DISPLAY_NAME", "SITE", "LAST_SEEN"] {
        for desc in [false, true] {
            let mut expected = nodes.clone();
            expected.sort_by_key(|n| key(n, order));
            if desc {
                // Values and ids reversed, stations without a value still last.
                expected.sort_by(|a, b| {
                    let (ka, kb) = (key(a, order), key(b, order));
                    ka.0.cmp(&kb.0)
                        .then_with(|| kb.1.cmp(&ka.1))
                        .then_with(|| kb.2.cmp(&ka.2))
                });
            }
            let expected: Vec<String> = expected
                .iter()
                .map(|n| n["id"].as_str().unwrap().to_owned())
                .collect();
            // Forward, two at a time.
            let (mut seen, mut after) = (Vec::new(), Value::Null);
            loop {
                let page = app
                    .ok(
                        &admin,
                        LIST,
                        json!({"order": order, "desc": desc, "first": 2, "after": after}),
                    )
                    .await["stations"]
                    .clone();
                assert_eq!(page["totalCount"], 7);
                assert_eq!(page["pageInfo"]["hasPreviousPage"], !after.is_null());
                seen.extend(ids(&page));
                if page["pageInfo"]["hasNextPage"] == false {
                    break;
                }
                after = page["pageInfo"]["endCursor"].clone();
            }
            assert_eq!(seen, expected, "{order} descending={desc} forward");
            // Backward, three at a time.
            let (mut seen, mut before) = (Vec::new(), Value::Null);
            loop {
                let page = app
                    .ok(
                        &admin,
                        LIST,
                        json!({"order": order, "desc": desc, "last": 3, "before": before}),
                    )
                    .await["stations"]
                    .clone();
                let mut got = ids(&page);
                got.extend(seen);
                seen = got;
                if page["pageInfo"]["hasPreviousPage"] == false {
                    break;
                }
                before = page["pageInfo"]["startCursor"].clone();
            }
            assert_eq!(seen, expected, "{order} descending={desc} backward");
        }
    }
    // A cursor of one order is refused by another.
    let page = app
        .ok(
            &admin,
            LIST,
            json!({"order": "SITE", "desc": false, "first": 1}),
        )
        .await;
    let cursor = page["stations"]["pageInfo"]["endCursor"].clone();
    let (code, _) = app
        .err(
            Some(&admin),
            LIST,
            json!({"order": "ID", "desc": false, "first": 1, "after": cursor}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");

    let search = |s: &str| json!({"search": s, "order": "ID", "desc": false, "first": 50});
    let found = app.ok(&admin, LIST, search("alpha")).await["stations"].clone();
    assert_eq!(ids(&found), ["CP-2", "CP-5"]);
    assert_eq!(found["totalCount"], 2);
    // `_` is itself, not any character.
    assert_eq!(
        ids(&app.ok(&admin, LIST, search("p_")).await["stations"]),
        ["CP_3"]
    );
    assert_eq!(
        ids(&app.ok(&admin, LIST, search("%")).await["stations"]),
        Vec::<String>::new()
    );
    // Site, vendor and model are searched too.
    assert_eq!(
        ids(&app.ok(&admin, LIST, search("sout")).await["stations"]),
        ["CP-2", "XY-7"]
    );
    assert_eq!(
        ids(&app.ok(&admin, LIST, search("singlesocket")).await["stations"]),
        ["CP-1", "CP-2", "CP_3"]
    );
    let north = app
        .ok(
            &admin,
            LIST,
            json!({"site": "NORTH", "order": "DISPLAY_NAME", "desc": false, "first": 50}),
        )
        .await["stations"]
        .clone();
    assert_eq!(ids(&north), ["CP-5", "CP-1", "CP_3"]);
    assert_eq!(north["totalCount"], 3);

    let sites = app
        .ok(&admin, "{ sites { name stations } }", json!({}))
        .await;
    assert_eq!(
        sites["sites"],
        json!([{"name": "NORTH", "stations": 3}, {"name": "SOUTH", "stations": 2}])
    );
    // Drivers pick a site in their app.
    let driver = app.token(Role::Driver, "d", None);
    let sites = app
        .ok(&driver, "{ sites { name stations } }", json!({}))
        .await;
    assert_eq!(sites["sites"][0], json!({"name": "NORTH", "stations": 3}));
    // A token limited to some stations sees only those, everywhere.
    let scoped = app.token(Role::Viewer, "v", Some(&["CP-1", "XY-7"]));
    let sites = app
        .ok(&scoped, "{ sites { name stations } }", json!({}))
        .await;
    assert_eq!(
        sites["sites"],
        json!([{"name": "NORTH", "stations": 1}, {"name": "SOUTH", "stations": 1}])
    );
    let mine = app
        .ok(
            &scoped,
            LIST,
            json!({"order": "SITE", "desc": true, "first": 50}),
        )
        .await["stations"]
        .clone();
    assert_eq!(ids(&mine), ["XY-7", "CP-1"]);
    drop(connected);
    app.stop().await;
}
on_both_backends!(station_list);

async fn station_meter_values(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-M").await;
    for (connector, minute, measurand, value) in [
        (1, 0, "Power.Active.Import", "7.0"),
        (1, 1, "Power.Active.Import", "7.1"),
        (2, 2, "Power.Active.Import", "3.0"),
        (1, 3, "Energy.Active.Import.Register", "1500"),
        (1, 4, "Power.Active.Import", "7.4"),
    ] {
        cp.call(
            "MeterValues",
            json!({"connectorId": connector, "meterValue": [{"timestamp": format!("2024-05-01T10:0{minute}:00Z"),
                "sampledValue": [{"value": value, "measurand": measurand, "unit": if measurand.starts_with("Power") { "kW" } else { "Wh" }}]}]}),
        )
        .await;
    }
    let q = "query($c: Int, $m: Measurand, $from: DateTime, $to: DateTime, $first: Int, $after: String, $last: Int) { station(id: \"CP-M\") { meterValues(connectorId: $c, measurand: $m, from: $from, to: $to, first: $first, after: $after, last: $last) { totalCount pageInfo { hasNextPage endCursor } nodes { value connectorId timestamp } } } }";
    let values = |v: &Value| {
        v["station"]["meterValues"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["value"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let admin = app.admin();
    let all = app.ok(&admin, q, json!({})).await;
    assert_eq!(values(&all), ["7.0", "7.1", "3.0", "1500", "7.4"]);
    let power1 = app
        .ok(
            &admin,
            q,
            json!({"c": 1, "m": "POWER_ACTIVE_IMPORT", "first": 2}),
        )
        .await;
    assert_eq!(values(&power1), ["7.0", "7.1"]);
    assert_eq!(power1["station"]["meterValues"]["totalCount"], 3);
    let cursor = power1["station"]["meterValues"]["pageInfo"]["endCursor"].clone();
    let next = app
        .ok(
            &admin,
            q,
            json!({"c": 1, "m": "POWER_ACTIVE_IMPORT", "first": 2, "after": cursor}),
        )
        .await;
    assert_eq!(values(&next), ["7.4"]);
    let window = app
        .ok(
            &admin,
            q,
            json!({"from": "2024-05-01T10:01:00Z", "to": "2024-05-01T10:03:00Z"}),
        )
        .await;
    assert_eq!(values(&window), ["7.1", "3.0"]);
    let newest = app.ok(&admin, q, json!({"last": 1})).await;
    assert_eq!(values(&newest), ["7.4"]);
    let (code, _) = app.err(Some(&admin), q, json!({"first": 5000})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    let (code, _) = app
        .err(Some(&app.token(Role::Driver, "d", None)), q, json!({}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    app.stop().await;
}
on_both_backends!(station_meter_values);

const SUMMARY: &str = "stations online offline pending rejected activeTransactions energyWh since connectors { status count }";

/// A fleet: CP-A (connected, connectors Charging and Available, one transaction done and one
/// running), CP-B (connected, connector 1 Faulted), CP-C (accepted, gone), CP-P (pending),
/// CP-R (rejected).
async fn fleet(app: &TestApp) -> (Station, Station, Station) {
    for id in ["CP-A", "CP-B", "CP-C"] {
        approve(app, id).await;
    }
    app.ok(
        &app.admin(),
        "mutation { rejectStation(id: \"CP-R\") { id } }",
        json!({}),
    )
    .await;
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
    let mut p = app.station("CP-P").await;
    let answer = p
        .call(
            "BootNotification",
            json!({"chargePointVendor": "V", "chargePointModel": "M"}),
        )
        .await;
    assert_eq!(answer["status"], "Pending");
    status(&mut a, 0, "Available", "NoError").await;
    status(&mut a, 1, "Charging", "NoError").await;
    status(&mut a, 2, "Available", "NoError").await;
    status(&mut b, 1, "Faulted", "GroundFailure").await;
    let now = Utc::now();
    let tx = a
        .call(
            "StartTransaction",
            json!({"connectorId": 1, "idTag": "T1", "meterStart": 1000, "timestamp": at(now - Duration::minutes(20))}),
        )
        .await["transactionId"]
        .as_i64()
        .unwrap();
    a.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 3500, "timestamp": at(now - Duration::minutes(10))}),
    )
    .await;
    a.call(
        "StartTransaction",
        json!({"connectorId": 2, "idTag": "T2", "meterStart": 0, "timestamp": at(now - Duration::minutes(5))}),
    )
    .await;
    (a, b, p)
}

async fn fleet_summary(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.unknown_stations = UnknownStationPolicy::Pending;
    })
    .await
    else {
        return;
    };
    let (_a, mut b, _p) = fleet(&app).await;
    let since = at(Utc::now() - Duration::hours(1));
    let q = format!("query($since: DateTime) {{ fleetSummary(since: $since) {{ {SUMMARY} }} }}");
    let data = app.ok(&app.admin(), &q, json!({"since": since})).await;
    let s = &data["fleetSummary"];
    assert_eq!(s["stations"], 5, "{s}");
    assert_eq!(s["online"], 3, "{s}"); // CP-A, CP-B, CP-P
    assert_eq!(s["offline"], 2, "{s}");
    assert_eq!(s["pending"], 1, "{s}");
    assert_eq!(s["rejected"], 1, "{s}");
    assert_eq!(s["activeTransactions"], 1, "{s}");
    assert_eq!(s["energyWh"], 2500.0, "{s}");
    assert_eq!(
        s["since"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap(),
        since.parse::<DateTime<Utc>>().unwrap()
    );
    assert_eq!(
        s["connectors"],
        json!([{"status": "AVAILABLE", "count": 1}, {"status": "CHARGING", "count": 1}, {"status": "FAULTED", "count": 1}])
    );
    // A token of some stations counts those only; drivers may not ask.
    let scoped = app.token(Role::Viewer, "v", Some(&["CP-B", "CP-C"]));
    let data = app.ok(&scoped, &q, json!({"since": since})).await;
    let s = &data["fleetSummary"];
    assert_eq!(
        (
            &s["stations"],
            &s["online"],
            &s["offline"],
            &s["activeTransactions"],
            &s["energyWh"]
        ),
        (&json!(2), &json!(1), &json!(1), &json!(0), &json!(0.0)),
        "{s}"
    );
    let (code, _) = app
        .err(Some(&app.token(Role::Driver, "d", None)), &q, json!({}))
        .await;
    assert_eq!(code, "FORBIDDEN");

    // The subscription: at once, then when a connector changes.
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    let sub = format!("subscription {{ fleetSummary(everySeconds: 2) {{ {SUMMARY} }} }}");
    ws.subscribe("f", &sub, json!({})).await;
    let first = ws.next("f").await;
    assert_eq!(
        first["data"]["fleetSummary"]["connectors"][2],
        json!({"status": "FAULTED", "count": 1}),
        "{first}"
    );
    status(&mut b, 1, "Available", "NoError").await;
    let second = ws.next("f").await;
    assert_eq!(
        second["data"]["fleetSummary"]["connectors"],
        json!([{"status": "AVAILABLE", "count": 2}, {"status": "CHARGING", "count": 1}]),
        "{second}"
    );
    // Out of range: refused.
    ws.subscribe(
        "g",
        "subscription { fleetSummary(everySeconds: 1) { stations } }",
        json!({}),
    )
    .await;
    let refused = ws.next("g").await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{refused}"
    );
    app.stop().await;
}
on_both_backends!(fleet_summary);

async fn attention(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.unknown_stations = UnknownStationPolicy::Pending;
    })
    .await
    else {
        return;
    };
    let (_a, mut b, _p) = fleet(&app).await;
    b.call(
        "SecurityEventNotification",
        json!({"type": "TamperDetectionActivated", "timestamp": at(Utc::now())}),
    )
    .await;
    // A handshake with a wrong password.
    let admin = app.admin();
    approve(&app, "CP-K").await;
    app.ok(
        &admin,
        "mutation { setStationAuthorizationKey(stationId: \"CP-K\", key: \"0001020304050607FFFFFFFFFFFFFFFFFFFFFFFF\") { station { id } } }",
        json!({}),
    )
    .await;
    app.ok(
        &admin,
        "mutation { setStationSecurityProfile(stationId: \"CP-K\", profile: 1) { id } }",
        json!({}),
    )
    .await;
    let mut request = app.ws_url("/ocpp/CP-K").into_client_request().unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_static("ocpp1.6"),
    );
    // base64("CP-K:wrong")
    request.headers_mut().insert(
        "Authorization",
        HeaderValue::from_static("Basic Q1AtSzp3cm9uZw=="),
    );
    assert!(tokio_tungstenite::connect_async(request).await.is_err());

    let q = "query($limit: Int!) { attention(limit: $limit) { kind stationId connectorId since detail } }";
    let items = app.ok(&admin, q, json!({"limit": 100})).await["attention"].clone();
    let items = items.as_array().unwrap();
    let find = |kind: &str| {
        items
            .iter()
            .filter(|i| i["kind"] == kind)
            .map(|i| {
                (
                    i["stationId"].as_str().unwrap(),
                    i["connectorId"].clone(),
                    i["detail"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        find("CONNECTOR_FAULTED"),
        [("CP-B", json!(1), json!("GroundFailure"))],
        "{items:?}"
    );
    // CP-K never connected and CP-R is rejected: only CP-C is an accepted station offline.
    let offline: Vec<_> = find("STATION_OFFLINE").into_iter().map(|i| i.0).collect();
    assert_eq!(offline, ["CP-C", "CP-K"], "{items:?}");
    assert_eq!(
        find("STATION_PENDING"),
        [("CP-P", Value::Null, Value::Null)],
        "{items:?}"
    );
    let refused = find("HANDSHAKE_REFUSED");
    assert_eq!(refused.len(), 1, "{items:?}");
    assert_eq!(refused[0].0, "CP-K");
    assert!(
        refused[0].2.as_str().unwrap().starts_with("401 "),
        "{refused:?}"
    );
    assert_eq!(
        find("SECURITY_EVENT"),
        [("CP-B", Value::Null, json!("TamperDetectionActivated"))]
    );
    // Newest first, those without a time last.
    let times: Vec<Option<DateTime<Utc>>> = items
        .iter()
        .map(|i| i["since"].as_str().map(|t| t.parse().unwrap()))
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by_key(|t| std::cmp::Reverse(*t));
    assert_eq!(times, sorted);
    assert_eq!(
        app.ok(&admin, q, json!({"limit": 2})).await["attention"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let (code, _) = app.err(Some(&admin), q, json!({"limit": 0})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    let (code, _) = app
        .err(
            Some(&app.token(Role::Driver, "d", None)),
            q,
            json!({"limit": 5}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    // A token of some stations sees theirs only.
    let scoped = app.token(Role::Viewer, "v", Some(&["CP-K"]));
    let mine = app.ok(&scoped, q, json!({"limit": 100})).await["attention"].clone();
    let kinds: Vec<_> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["kind"].as_str().unwrap().to_owned(),
                i["stationId"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("HANDSHAKE_REFUSED".to_owned(), "CP-K".to_owned()),
            ("STATION_OFFLINE".to_owned(), "CP-K".to_owned())
        ]
    );
    app.stop().await;
}
on_both_backends!(attention);

async fn unknown_tags_are_adopted(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-T").await;
    for tag in ["NewCard1", "NewCard2"] {
        let answer = cp
            .call(
                "StartTransaction",
                json!({"connectorId": 1, "idTag": tag, "meterStart": 0, "timestamp": at(Utc::now())}),
            )
            .await;
        assert_eq!(answer["idTagInfo"]["status"], "Invalid");
    }
    let create = "mutation($t: String!) { createIdTag(input: {idTag: $t, status: ACCEPTED, owner: \"alice\"}) { idTag status owner autoCreated } }";
    app.ok(&admin, create, json!({"t": "KNOWN1"})).await;
    let list = "query($auto: Boolean, $search: String) { idTags(autoCreated: $auto, search: $search) { totalCount nodes { idTag autoCreated } } }";
    let tags = |v: &Value| {
        v["idTags"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["idTag"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        tags(&app.ok(&admin, list, json!({"auto": true})).await),
        ["NewCard1", "NewCard2"]
    );
    assert_eq!(
        tags(&app.ok(&admin, list, json!({"auto": false})).await),
        ["KNOWN1"]
    );
    assert_eq!(
        tags(&app.ok(&admin, list, json!({"search": "CARD2"})).await),
        ["NewCard2"]
    );
    assert_eq!(
        tags(&app.ok(&admin, list, json!({"search": "n%"})).await),
        Vec::<String>::new()
    );

    // Registering a tag a station used adopts it (any spelling).
    let adopted = app.ok(&admin, create, json!({"t": "newcard1"})).await;
    assert_eq!(
        adopted["createIdTag"],
        json!({"idTag": "NewCard1", "status": "ACCEPTED", "owner": "alice", "autoCreated": false})
    );
    let answer = cp.call("Authorize", json!({"idTag": "NewCard1"})).await;
    assert_eq!(answer["idTagInfo"]["status"], "Accepted");
    // Then it is the operator's: a second registration conflicts, as for any operator's tag.
    let (code, _) = app
        .err(Some(&admin), create, json!({"t": "NewCard1"}))
        .await;
    assert_eq!(code, "CONFLICT");
    let (code, _) = app.err(Some(&admin), create, json!({"t": "KNOWN1"})).await;
    assert_eq!(code, "CONFLICT");
    // A change by an operator also makes a tag theirs.
    let updated = app
        .ok(
            &admin,
            "mutation { updateIdTag(idTag: \"NewCard2\", input: {status: BLOCKED}) { status autoCreated } }",
            json!({}),
        )
        .await;
    assert_eq!(
        updated["updateIdTag"],
        json!({"status": "BLOCKED", "autoCreated": false})
    );
    let (code, _) = app
        .err(Some(&admin), create, json!({"t": "NewCard2"}))
        .await;
    assert_eq!(code, "CONFLICT");
    assert_eq!(
        app.ok(&admin, list, json!({"auto": true})).await["idTags"]["totalCount"],
        0
    );
    app.stop().await;
}
on_both_backends!(unknown_tags_are_adopted);
