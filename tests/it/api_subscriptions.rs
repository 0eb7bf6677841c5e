//! Subscriptions over `graphql-transport-ws` and the legacy `graphql-ws`, each fed by events a
//! station causes within the test; authentication in `connection_init`; what a lagging
//! subscriber gets.

use chargegate::{auth::Role, bus::Event};
use ocpp::v16::{MeterValue, SampledValue, Timestamp};
use serde_json::json;

use crate::gql::GqlWs;
use crate::next_after;
use crate::on_both_backends;
use crate::support::{Backend, spawn, spawn_on};

async fn each_subscription_receives_what_the_station_does(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let admin = app.admin();
    let mut cp = app.booted_station("CP-SUB").await;
    let mut ws = GqlWs::open(&app, &admin).await;

    ws.subscribe("status", "subscription { connectorStatus(stationId: \"CP-SUB\") { stationId connectorId status errorCode info } }", json!({})).await;
    let event = next_after!(ws, "status", {
        cp.call("StatusNotification", json!({"connectorId": 2, "errorCode": "NoError", "status": "Preparing", "info": "plugged"})).await;
    });
    assert_eq!(
        event["data"]["connectorStatus"],
        json!({"stationId": "CP-SUB", "connectorId": 2, "status": "PREPARING", "errorCode": "NO_ERROR", "info": "plugged"})
    );

    ws.subscribe("tx", "subscription { transactionEvents(stationId: \"CP-SUB\") { kind transaction { id idTag connectorId active } } }", json!({})).await;
    let mut meter = 0;
    let started = next_after!(ws, "tx", {
        meter += 1;
        cp.call("StartTransaction", json!({"connectorId": 2, "idTag": "SUB", "meterStart": meter, "timestamp": "2024-05-01T10:00:00Z"})).await;
    });
    assert_eq!(started["data"]["transactionEvents"]["kind"], "STARTED");
    let tx = started["data"]["transactionEvents"]["transaction"]["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        started["data"]["transactionEvents"]["transaction"]["active"],
        true
    );

    ws.subscribe("meter", "subscription($t: Int) { meterValues(transactionId: $t) { stationId connectorId transactionId meterValues { timestamp sampledValues { value measurand unit } } } }", json!({"t": tx})).await;
    let mut second = 0;
    let values = next_after!(ws, "meter", {
        second += 1;
        cp.call("MeterValues", json!({"connectorId": 2, "transactionId": tx, "meterValue": [{"timestamp": format!("2024-05-01T10:01:{second:02}Z"), "sampledValue": [{"value": "42", "unit": "kWh"}]}]})).await;
    });
    let event = &values["data"]["meterValues"];
    assert_eq!(
        (event["stationId"].clone(), event["transactionId"].clone()),
        (json!("CP-SUB"), json!(tx))
    );
    assert_eq!(
        event["meterValues"][0]["sampledValues"][0],
        json!({"value": "42", "measurand": "ENERGY_ACTIVE_IMPORT_REGISTER", "unit": "KWH"})
    );

    cp.call(
        "StopTransaction",
        json!({"transactionId": tx, "meterStop": 50, "timestamp": "2024-05-01T11:00:00Z"}),
    )
    .await;
    let stopped = ws.next("tx").await;
    // Events of other attempts (the retries above were repeats and published nothing) come first
    // only if they existed; the stop is the next transaction event.
    assert_eq!(
        stopped["data"]["transactionEvents"]["kind"], "STOPPED",
        "{stopped}"
    );
    assert_eq!(
        stopped["data"]["transactionEvents"]["transaction"]["active"],
        false
    );

    ws.subscribe(
        "stations",
        "subscription { stationEvents { kind stationId registrationStatus connectionId } }",
        json!({}),
    )
    .await;
    let mut n = 0;
    let connected = next_after!(ws, "stations", {
        n += 1;
        let other = app.station(&format!("CP-NEXT-{n}")).await;
        drop(other);
    });
    assert_eq!(connected["data"]["stationEvents"]["kind"], "CONNECTED");
    assert!(connected["data"]["stationEvents"]["connectionId"].is_string());
    app.stop().await;
}
on_both_backends!(each_subscription_receives_what_the_station_does);

#[chargegate_test]
async fn the_legacy_graphql_ws_protocol_works_too() {
    let app = spawn(|_| {}).await;
    let mut cp = app.booted_station("CP-LEGACY").await;
    let (mut ws, ack) = GqlWs::connect(
        &app,
        "graphql-ws",
        json!({"authorization": format!("Bearer {}", app.admin())}),
    )
    .await;
    assert_eq!(ack["type"], "connection_ack");
    ws.subscribe(
        "1",
        "subscription { connectorStatus { stationId status } }",
        json!({}),
    )
    .await;
    let event = next_after!(ws, "1", {
        cp.call(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Available"}),
        )
        .await;
    });
    assert_eq!(
        event["data"]["connectorStatus"],
        json!({"stationId": "CP-LEGACY", "status": "AVAILABLE"})
    );
    app.stop().await;
}

#[chargegate_test]
async fn subscriptions_need_a_valid_token_and_respect_scope() {
    let app = spawn(|_| {}).await;
    // A bad token in connection_init: the connection is refused.
    let (_, answer) = GqlWs::connect(
        &app,
        "graphql-transport-ws",
        json!({"Authorization": "Bearer nope"}),
    )
    .await;
    assert_ne!(answer["type"], "connection_ack", "{answer}");
    // No token: subscribing is UNAUTHENTICATED.
    let (mut ws, ack) = GqlWs::connect(&app, "graphql-transport-ws", json!({})).await;
    assert_eq!(ack["type"], "connection_ack");
    ws.subscribe("1", "subscription { stationEvents { kind } }", json!({}))
        .await;
    let refused = ws.next("1").await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{refused}"
    );
    // A driver may not follow station events, nor another's transaction.
    let driver = app.token(Role::Driver, "dana", None);
    let mut ws = GqlWs::open(&app, &driver).await;
    ws.subscribe("2", "subscription { stationEvents { kind } }", json!({}))
        .await;
    assert_eq!(
        ws.next("2").await["errors"][0]["extensions"]["code"],
        "FORBIDDEN"
    );
    ws.subscribe(
        "3",
        "subscription { meterValues(transactionId: 1) { stationId } }",
        json!({}),
    )
    .await;
    assert_eq!(
        ws.next("3").await["errors"][0]["extensions"]["code"],
        "FORBIDDEN"
    );
    // A token for CP-A sees nothing of CP-B.
    let scoped = app.token(Role::Viewer, "v", Some(&["CP-A"]));
    let mut ws = GqlWs::open(&app, &scoped).await;
    ws.subscribe(
        "4",
        "subscription { connectorStatus(stationId: \"CP-B\") { status } }",
        json!({}),
    )
    .await;
    assert_eq!(
        ws.next("4").await["errors"][0]["extensions"]["code"],
        "FORBIDDEN"
    );
    ws.subscribe(
        "5",
        "subscription { connectorStatus { stationId } }",
        json!({}),
    )
    .await;
    let mut b = app.booted_station("CP-B").await;
    let mut a = app.booted_station("CP-A").await;
    let event = next_after!(ws, "5", {
        b.call(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Available"}),
        )
        .await;
        a.call(
            "StatusNotification",
            json!({"connectorId": 1, "errorCode": "NoError", "status": "Available"}),
        )
        .await;
    });
    assert_eq!(event["data"]["connectorStatus"]["stationId"], "CP-A");
    app.stop().await;
}

/// A MeterValues event of one sampled value, published straight onto the bus.
fn sample(station: &str, value: &str) -> Event {
    Event::MeterValues {
        station_id: station.into(),
        connector_id: 1,
        transaction_id: None,
        meter_value: vec![MeterValue {
            timestamp: Timestamp::now(),
            sampled_value: vec![SampledValue {
                value: value.into(),
                context: None,
                format: None,
                measurand: None,
                phase: None,
                location: None,
                unit: None,
            }],
        }],
    }
}

#[chargegate_test]
async fn a_lagging_subscriber_is_told_and_its_stream_ends() {
    let app = spawn(|_| {}).await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    ws.subscribe(
        "lag",
        "subscription { meterValues { stationId meterValues { sampledValues { value } } } }",
        json!({}),
    )
    .await;
    // Wait until the subscription follows the bus: one event must come through.
    let first = next_after!(ws, "lag", {
        app.ctx().publish(sample("CP-FLOOD", "first")).await;
    });
    assert!(first["data"].is_object());
    // The client stops reading; the server cannot write and the bus runs ahead of it.
    let filler = "x".repeat(2000);
    for _ in 0..40_000 {
        app.ctx().publish(sample("CP-FLOOD", &filler)).await;
    }
    let ended = loop {
        let payload = ws.next("lag").await;
        if payload.get("errors").is_some() || payload.get("complete").is_some() {
            break payload;
        }
    };
    assert_eq!(
        ended["errors"][0]["extensions"]["code"], "LAGGED",
        "{ended}"
    );
    assert_eq!(ws.next("lag").await, json!({"complete": true}));
    // Counted: one subscription lagged (its error too), none open any more.
    use crate::metrics::metric;
    assert_eq!(
        metric(&app, "chargegate_graphql_subscriptions_lagged_total"),
        1.0
    );
    assert_eq!(
        metric(
            &app,
            "chargegate_graphql_errors_total{type=\"subscription\",code=\"LAGGED\"}"
        ),
        1.0
    );
    crate::support::eventually("the subscription counted closed", || async {
        (metric(&app, "chargegate_graphql_subscriptions_open") == 0.0).then_some(())
    })
    .await;
    app.stop().await;
}

/// A subscriber of one station is not even handed the other stations' events: a burst of
/// another station's events far larger than the bus's buffer, published while the subscriber
/// cannot run, leaves it with nothing missed (a subscriber of every station is told it lagged).
#[chargegate_test]
async fn a_station_subscriber_does_not_lag_behind_other_stations() {
    let app = spawn(|_| {}).await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    let query = "subscription($s: ID) { meterValues(stationId: $s) { stationId meterValues { sampledValues { value } } } }";
    ws.subscribe("quiet", query, json!({"s": "CP-QUIET"})).await;
    ws.subscribe("all", query, json!({"s": null})).await;
    // Both follow the bus once an event has come through to each.
    next_after!(ws, "quiet", {
        app.ctx().publish(sample("CP-QUIET", "ready")).await;
    });
    next_after!(ws, "all", {
        app.ctx().publish(sample("CP-QUIET", "ready")).await;
    });
    // The test's runtime has one thread: no subscriber runs until this loop is over.
    for _ in 0..3 * chargegate::bus::memory::CAPACITY {
        app.ctx().publish(sample("CP-NOISE", "noise")).await;
    }
    app.ctx().publish(sample("CP-QUIET", "after")).await;
    // Both answers, in whichever order the two streams send them.
    let (mut quiet, mut all) = (None, None);
    while quiet.is_none() || all.is_none() {
        let message = ws.recv().await;
        let payload = &message["payload"];
        match message["id"].as_str() {
            Some("quiet")
                if payload["data"]["meterValues"]["meterValues"][0]["sampledValues"][0]["value"]
                    != "ready" =>
            {
                quiet = Some(payload.clone());
            }
            Some("all") if payload.get("errors").is_some() => all = Some(payload.clone()),
            _ => {}
        }
    }
    let (quiet, all) = (quiet.unwrap(), all.unwrap());
    assert_eq!(
        quiet["data"]["meterValues"],
        json!({"stationId": "CP-QUIET", "meterValues": [{"sampledValues": [{"value": "after"}]}]}),
        "{quiet}"
    );
    assert_eq!(all["errors"][0]["extensions"]["code"], "LAGGED", "{all}");
    app.stop().await;
}

#[chargegate_test]
async fn drivers_and_scoped_tokens_follow_only_their_own() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    for (tag, owner) in [("MINE", "dana"), ("THEIRS", "erik")] {
        app.ok(&admin, "mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }", json!({"t": tag, "o": owner})).await;
    }
    let mut a = app.booted_station("CP-A").await;
    let mut b = app.booted_station("CP-B").await;

    // A driver's transaction events: theirs only.
    let mut dana = GqlWs::open(&app, &app.token(Role::Driver, "dana", None)).await;
    dana.subscribe(
        "tx",
        "subscription { transactionEvents { kind transaction { idTag } } }",
        json!({}),
    )
    .await;
    let mut n = 0;
    let event = next_after!(dana, "tx", {
        n += 1;
        a.call("StartTransaction", json!({"connectorId": 1, "idTag": "THEIRS", "meterStart": n, "timestamp": "2024-05-01T10:00:00Z"})).await;
        a.call("StartTransaction", json!({"connectorId": 2, "idTag": "MINE", "meterStart": n, "timestamp": "2024-05-01T10:00:00Z"})).await;
    });
    assert_eq!(
        event["data"]["transactionEvents"]["transaction"]["idTag"],
        "MINE"
    );

    // A token for CP-A gets CP-A's meter values, never CP-B's.
    let mut site = GqlWs::open(&app, &app.token(Role::Viewer, "site-a", Some(&["CP-A"]))).await;
    site.subscribe(
        "mv",
        "subscription { meterValues { stationId } }",
        json!({}),
    )
    .await;
    let mut second = 0;
    let event = next_after!(site, "mv", {
        second += 1;
        let at = format!("2024-05-01T11:00:{:02}Z", second % 60);
        b.call("MeterValues", json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": [{"value": "1"}]}]})).await;
        a.call("MeterValues", json!({"connectorId": 1, "meterValue": [{"timestamp": at, "sampledValue": [{"value": "1"}]}]})).await;
    });
    assert_eq!(event["data"]["meterValues"]["stationId"], "CP-A");
    app.stop().await;
}

#[chargegate_test]
async fn station_events_cover_boots_and_disconnections() {
    let app = spawn(|_| {}).await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    ws.subscribe("s", "subscription { stationEvents(stationId: \"CP-E\") { kind registrationStatus connectionId } }", json!({})).await;
    let mut cp = app.station("CP-E").await;
    let mut booted = next_after!(ws, "s", {
        cp.call(
            "BootNotification",
            json!({"chargePointVendor": "V", "chargePointModel": "M"}),
        )
        .await;
    });
    // The CONNECTED of the station may come first, if the subscription was ready in time.
    while booted["data"]["stationEvents"]["kind"] == "CONNECTED" {
        booted = ws.next("s").await;
    }
    assert_eq!(
        booted["data"]["stationEvents"]["kind"], "BOOTED",
        "{booted}"
    );
    assert_eq!(
        booted["data"]["stationEvents"]["registrationStatus"],
        "ACCEPTED"
    );
    let connection = chargegate::link::of(app.ctx())
        .registry
        .get("CP-E")
        .unwrap()
        .connection_id
        .to_string();
    drop(cp);
    let mut gone = ws.next("s").await;
    // Repeated boots (the trigger above may have fired more than once) come before.
    while gone["data"]["stationEvents"]["kind"] == "BOOTED" {
        gone = ws.next("s").await;
    }
    assert_eq!(
        gone["data"]["stationEvents"]["kind"], "DISCONNECTED",
        "{gone}"
    );
    assert_eq!(gone["data"]["stationEvents"]["connectionId"], connection);
    app.stop().await;
}

#[chargegate_test]
async fn a_subscription_ends_when_its_token_expires() {
    let app = spawn(|_| {}).await;
    let short = app
        .ctx()
        .keys
        .issue(
            "brief",
            Role::Viewer,
            None,
            std::time::Duration::from_secs(2),
        )
        .unwrap()
        .0;
    let mut ws = GqlWs::open(&app, &short).await;
    ws.subscribe(
        "s",
        "subscription { connectorStatus { stationId } }",
        json!({}),
    )
    .await;
    let ended = ws.next("s").await;
    assert_eq!(
        ended["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{ended}"
    );
    assert!(
        ended["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    app.stop().await;
}

#[chargegate_test]
async fn errors_over_the_websocket_have_codes() {
    let app = spawn(|_| {}).await;
    let mut ws = GqlWs::open(&app, &app.admin()).await;
    for (id, query) in [
        ("syntax", "subscription { "),
        ("validation", "subscription { nosuch { x } }"),
    ] {
        ws.subscribe(id, query, json!({})).await;
        let answer = ws.next(id).await;
        assert_eq!(
            answer["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{id}: {answer}"
        );
    }
    app.stop().await;
}
