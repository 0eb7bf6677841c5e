//! Smart Charging with an OCPP 2.0.1 station, over real sockets with the schema-checking
//! charge point of `ocpp201.rs`, on SQLite and PostgreSQL: `setChargingProfile`,
//! `clearChargingProfile` and `getCompositeSchedule` translated to 2.0.1 (the frame checked,
//! the answer mapped, the accepted profile stored as for 1.6, a `TxProfile` sent with the
//! station's own transaction id, 2.0.1's own rules refused before sending), and what the station
//! reports about charging (ReportChargingProfiles, NotifyChargingLimit, ClearedChargingLimit,
//! NotifyEVChargingNeeds) kept, queryable on `Station` and bounded.

use std::time::Duration;

use chrono::Utc;
use serde_json::{Value, json};

use crate::ocpp201::{Cp201, accept_token, event, token, transaction_of};
use crate::on_both_backends;
use crate::support::{Backend, TestApp, spawn_on};
use chargegate::config::ByteSize;

const SET: &str = "mutation($c: Int!, $p: ChargingProfileInput!) { setChargingProfile(stationId: \"CP201-SC\", connectorId: $c, profile: $p) { status } }";

fn profile(id: i32, purpose: &str, level: i32) -> Value {
    json!({
        "chargingProfileId": id,
        "stackLevel": level,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": "ABSOLUTE",
        "chargingSchedule": {
            "startSchedule": "2026-11-24T08:00:00.000Z",
            "chargingRateUnit": "A",
            "chargingSchedulePeriod": [
                {"startPeriod": 0, "limit": 16.0},
                {"startPeriod": 3600, "limit": 8.5, "numberPhases": 1},
            ],
        },
    })
}

/// A relative profile (no start), as a `TxProfile` usually is.
fn relative(id: i32, purpose: &str) -> Value {
    let mut p = profile(id, purpose, 0);
    p["chargingProfileKind"] = json!("RELATIVE");
    p["chargingSchedule"]
        .as_object_mut()
        .unwrap()
        .remove("startSchedule");
    p
}

/// Sends `query` and answers the server's CALL with `answer`: the CALL's action and payload,
/// and the GraphQL response.
async fn through(
    app: &TestApp,
    cp: &mut Cp201,
    query: &str,
    variables: Value,
    answer: Value,
) -> (String, Value, Value) {
    let request = app.gql_spawned(&app.admin(), query, variables);
    let (action, payload) = cp.answer_server(answer).await;
    let response = request.await.unwrap();
    assert!(response.get("errors").is_none(), "{response}");
    (action, payload, response["data"].clone())
}

async fn stored(app: &TestApp) -> Value {
    app.ok(
        &app.admin(),
        r#"{ chargingProfiles(stationId: "CP201-SC", includeEnded: true) { connectorId state
            profile { chargingProfileId transactionId chargingProfilePurpose } } }"#,
        json!({}),
    )
    .await["chargingProfiles"]
        .clone()
}

async fn smart_charging_commands_reach_a_2_0_1_station(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    accept_token(&app).await;
    let mut cp = Cp201::booted(&app, "CP201-SC").await;

    // A TxDefaultProfile for the whole station: evseId 0, the schedule a one-element list.
    let (action, payload, data) = through(
        &app,
        &mut cp,
        SET,
        json!({"c": 0, "p": profile(10, "TX_DEFAULT_PROFILE", 1)}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(action, "SetChargingProfile");
    assert_eq!(
        payload,
        json!({"evseId": 0, "chargingProfile": {
            "id": 10, "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile",
            "chargingProfileKind": "Absolute", "chargingSchedule": [{"id": 1,
                "startSchedule": "2026-11-24T08:00:00.000Z", "chargingRateUnit": "A",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0},
                    {"startPeriod": 3600, "limit": 8.5, "numberPhases": 1}]}]}})
    );
    assert_eq!(data["setChargingProfile"]["status"], "ACCEPTED");

    // The charge point's maximum is the charging station's; rejected: not stored.
    let (_, payload, data) = through(
        &app,
        &mut cp,
        SET,
        json!({"c": 0, "p": profile(11, "CHARGE_POINT_MAX_PROFILE", 0)}),
        json!({"status": "Rejected", "statusInfo": {"reasonCode": "InvalidSchedule"}}),
    )
    .await;
    assert_eq!(
        payload["chargingProfile"]["chargingProfilePurpose"],
        "ChargingStationMaxProfile"
    );
    assert_eq!(data["setChargingProfile"]["status"], "REJECTED");

    // Same stack level and purpose, another id: on 2.0.1 both stay installed (a station that
    // accepts it holds both); the same id replaces.
    through(
        &app,
        &mut cp,
        SET,
        json!({"c": 0, "p": profile(12, "TX_DEFAULT_PROFILE", 1)}),
        json!({"status": "Accepted"}),
    )
    .await;
    through(
        &app,
        &mut cp,
        SET,
        json!({"c": 1, "p": profile(12, "TX_DEFAULT_PROFILE", 2)}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        stored(&app).await,
        json!([
            {"connectorId": 1, "state": "INSTALLED", "profile": {"chargingProfileId": 12,
                "transactionId": null, "chargingProfilePurpose": "TX_DEFAULT_PROFILE"}},
            {"connectorId": 0, "state": "REPLACED", "profile": {"chargingProfileId": 12,
                "transactionId": null, "chargingProfilePurpose": "TX_DEFAULT_PROFILE"}},
            {"connectorId": 0, "state": "INSTALLED", "profile": {"chargingProfileId": 10,
                "transactionId": null, "chargingProfilePurpose": "TX_DEFAULT_PROFILE"}}
        ])
    );

    // 2.0.1's own rules, refused before anything is sent.
    let mut max_relative = relative(13, "CHARGE_POINT_MAX_PROFILE");
    max_relative["stackLevel"] = json!(0);
    let mut relative_with_start = relative(14, "TX_DEFAULT_PROFILE");
    relative_with_start["chargingSchedule"]["startSchedule"] = json!("2026-11-24T08:00:00Z");
    for (connector, p, rule) in [
        (0, relative(15, "TX_PROFILE"), "K01.FR.16"),
        (2, profile(16, "CHARGE_POINT_MAX_PROFILE", 0), "evseId 0"),
        (0, max_relative, "K01.FR.38"),
        (1, relative_with_start, "K01.FR.41"),
        (1, relative(17, "TX_PROFILE"), "K01.FR.09"),
    ] {
        let response = app
            .gql(Some(&app.admin()), SET, json!({"c": connector, "p": p}))
            .await;
        let error = &response["errors"][0];
        assert_eq!(
            error["extensions"]["code"], "BAD_USER_INPUT",
            "{rule}: {response}"
        );
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(rule), "{rule}: {message}");
    }
    assert!(cp.station.silent_for(Duration::from_millis(300)).await);

    // A TxProfile reaches the station with its own transaction id: found from the EVSE's
    // running transaction, or from our central id.
    let at = Utc::now().to_rfc3339();
    cp.call(
        "TransactionEvent",
        event(
            "Started",
            0,
            "st-tx-77",
            &at,
            json!({"evse": {"id": 2, "connectorId": 1}, "idToken": token()}),
        ),
    )
    .await;
    let tx = transaction_of(&app, "CP201-SC", "st-tx-77").await;
    let (_, payload, data) = through(
        &app,
        &mut cp,
        SET,
        json!({"c": 2, "p": relative(20, "TX_PROFILE")}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(data["setChargingProfile"]["status"], "ACCEPTED");
    assert_eq!(
        payload,
        json!({"evseId": 2, "chargingProfile": {"id": 20, "stackLevel": 0,
            "chargingProfilePurpose": "TxProfile", "chargingProfileKind": "Relative",
            "transactionId": "st-tx-77", "chargingSchedule": [{"id": 1, "chargingRateUnit": "A",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0},
                    {"startPeriod": 3600, "limit": 8.5, "numberPhases": 1}]}]}})
    );
    let mut named = relative(21, "TX_PROFILE");
    named["transactionId"] = json!(tx.id);
    named["stackLevel"] = json!(1);
    let (_, payload, _) = through(
        &app,
        &mut cp,
        SET,
        json!({"c": 2, "p": named.clone()}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(payload["chargingProfile"]["transactionId"], "st-tx-77");
    // Our central id of a transaction on another EVSE: refused, nothing sent.
    let (code, message) = app
        .err(Some(&app.admin()), SET, json!({"c": 1, "p": named}))
        .await;
    assert_eq!(code, "BAD_USER_INPUT", "{message}");
    assert!(message.contains("EVSE 2"), "{message}");
    assert!(cp.station.silent_for(Duration::from_millis(200)).await);
    let listed = stored(&app).await;
    assert_eq!(
        listed[0],
        json!({"connectorId": 2, "state": "INSTALLED", "profile": {"chargingProfileId": 21,
            "transactionId": tx.id, "chargingProfilePurpose": "TX_PROFILE"}})
    );
    assert_eq!(listed[1]["profile"]["transactionId"], tx.id);

    // Clearing by id, then by criteria.
    let (action, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { clearChargingProfile(stationId: "CP201-SC", id: 10, stackLevel: 4) { status } }"#,
        json!({}),
        json!({"status": "Accepted"}),
    )
    .await;
    assert_eq!(
        (action.as_str(), payload),
        ("ClearChargingProfile", json!({"chargingProfileId": 10}))
    );
    assert_eq!(data["clearChargingProfile"]["status"], "ACCEPTED");
    let (_, payload, data) = through(
        &app,
        &mut cp,
        r#"mutation { clearChargingProfile(stationId: "CP201-SC", connectorId: 0, chargingProfilePurpose: CHARGE_POINT_MAX_PROFILE, stackLevel: 3) { status } }"#,
        json!({}),
        json!({"status": "Unknown"}),
    )
    .await;
    assert_eq!(
        payload,
        json!({"chargingProfileCriteria": {"evseId": 0,
            "chargingProfilePurpose": "ChargingStationMaxProfile", "stackLevel": 3}})
    );
    assert_eq!(data["clearChargingProfile"]["status"], "UNKNOWN");
    let (_, payload, _) = through(
        &app,
        &mut cp,
        r#"mutation { clearChargingProfile(stationId: "CP201-SC") { status } }"#,
        json!({}),
        json!({"status": "Unknown"}),
    )
    .await;
    assert_eq!(payload, json!({}));
    let cleared = stored(&app).await;
    let ten = cleared
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["profile"]["chargingProfileId"] == 10)
        .unwrap();
    assert_eq!(ten["state"], "CLEARED");

    // The composite schedule, mapped into the API's answer.
    let composite = r#"mutation { getCompositeSchedule(stationId: "CP201-SC", connectorId: 2, duration: 3600, chargingRateUnit: W) { status connectorId scheduleStart chargingSchedule { duration chargingRateUnit chargingSchedulePeriod { startPeriod limit numberPhases } } } }"#;
    let (action, payload, data) = through(
        &app,
        &mut cp,
        composite,
        json!({}),
        json!({"status": "Accepted", "schedule": {"evseId": 2, "duration": 3600,
            "scheduleStart": "2026-11-24T10:00:00Z", "chargingRateUnit": "W",
            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000.0, "numberPhases": 3},
                {"startPeriod": 1800, "limit": 7400.0, "numberPhases": 1, "phaseToUse": 2}]}}),
    )
    .await;
    assert_eq!(action, "GetCompositeSchedule");
    assert_eq!(
        payload,
        json!({"duration": 3600, "chargingRateUnit": "W", "evseId": 2})
    );
    assert_eq!(
        data["getCompositeSchedule"],
        json!({"status": "ACCEPTED", "connectorId": 2, "scheduleStart": "2026-11-24T10:00:00+00:00",
            "chargingSchedule": {"duration": 3600, "chargingRateUnit": "W",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 11000.0, "numberPhases": 3},
                    {"startPeriod": 1800, "limit": 7400.0, "numberPhases": 1}]}})
    );
    let (_, _, data) = through(
        &app,
        &mut cp,
        composite,
        json!({}),
        json!({"status": "Rejected"}),
    )
    .await;
    assert_eq!(
        data["getCompositeSchedule"],
        json!({"status": "REJECTED", "connectorId": null, "scheduleStart": null,
            "chargingSchedule": null})
    );

    // The transaction ends: its TxProfiles end with it.
    cp.call(
        "TransactionEvent",
        event(
            "Ended",
            1,
            "st-tx-77",
            &Utc::now().to_rfc3339(),
            json!({"evse": {"id": 2, "connectorId": 1}}),
        ),
    )
    .await;
    let after = stored(&app).await;
    for p in after.as_array().unwrap() {
        if p["profile"]["chargingProfilePurpose"] == "TX_PROFILE" {
            assert_ne!(p["state"], "INSTALLED", "{after}");
        }
    }
    assert_eq!(after[0]["state"], "ENDED", "{after}");
    app.stop().await;
}
on_both_backends!(smart_charging_commands_reach_a_2_0_1_station);

const REPORTS: &str = r#"query($id: ID!) { station(id: $id) {
    reportedChargingProfiles { evseId chargingLimitSource chargingProfileId stackLevel
        chargingProfilePurpose chargingProfileKind transactionId requestId
        chargingSchedule { id startSchedule chargingRateUnit
            chargingSchedulePeriod { startPeriod limit numberPhases phaseToUse } } }
    chargingLimits { evseId chargingLimitSource isGridCritical schedulesOmitted
        chargingSchedule { id chargingRateUnit chargingSchedulePeriod { startPeriod limit } } }
    evChargingNeeds { evseId requestedEnergyTransfer departureTime maxScheduleTuples
        acChargingParameters { energyAmount evMinCurrent evMaxCurrent evMaxVoltage }
        dcChargingParameters { evMaxCurrent evMaxVoltage energyAmount stateOfCharge fullSoC } }
} }"#;

fn schedule(id: i32, periods: usize) -> Value {
    let periods: Vec<Value> = (0..periods)
        .map(|i| json!({"startPeriod": i * 60, "limit": 10.0 + i as f64}))
        .collect();
    json!({"id": id, "chargingRateUnit": "A", "chargingSchedulePeriod": periods})
}

fn wire_profile(id: i32, purpose: &str, level: i32, periods: usize) -> Value {
    json!({"id": id, "stackLevel": level, "chargingProfilePurpose": purpose,
        "chargingProfileKind": "Relative", "chargingSchedule": [schedule(1, periods)]})
}

async fn reports(app: &TestApp, station: &str) -> Value {
    app.ok(&app.admin(), REPORTS, json!({"id": station})).await["station"].clone()
}

async fn what_a_2_0_1_station_reports_about_charging_is_kept(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = Cp201::booted(&app, "CP201-RP").await;

    // A report in two parts (tbc), then a later report of one of the profiles.
    cp.call(
        "ReportChargingProfiles",
        json!({"requestId": 7, "chargingLimitSource": "CSO", "evseId": 0, "tbc": true,
            "chargingProfile": [wire_profile(1, "ChargingStationMaxProfile", 0, 1)]}),
    )
    .await;
    let mut tx_profile = wire_profile(3, "TxProfile", 2, 2);
    tx_profile["transactionId"] = json!("st-tx-9");
    tx_profile["chargingSchedule"][0]["chargingSchedulePeriod"][1]["numberPhases"] = json!(1);
    tx_profile["chargingSchedule"][0]["chargingSchedulePeriod"][1]["phaseToUse"] = json!(3);
    let mut external = wire_profile(2, "ChargingStationExternalConstraints", 0, 1);
    external["chargingProfileKind"] = json!("Absolute");
    external["chargingSchedule"] = json!([
        {"id": 4, "startSchedule": "2026-12-01T00:00:00Z", "chargingRateUnit": "W",
         "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 7000.0}]},
        {"id": 5, "startSchedule": "2026-12-02T00:00:00Z", "chargingRateUnit": "W",
         "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 3500.0}]}
    ]);
    cp.call(
        "ReportChargingProfiles",
        json!({"requestId": 7, "chargingLimitSource": "EMS", "evseId": 1,
            "chargingProfile": [external, tx_profile]}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    let profiles = station["reportedChargingProfiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 3, "{station}");
    assert_eq!(
        profiles[0],
        json!({"evseId": 1, "chargingLimitSource": "EMS", "chargingProfileId": 3, "stackLevel": 2,
            "chargingProfilePurpose": "TX_PROFILE", "chargingProfileKind": "RELATIVE",
            "transactionId": "st-tx-9", "requestId": 7, "chargingSchedule": [{"id": 1,
                "startSchedule": null, "chargingRateUnit": "A", "chargingSchedulePeriod": [
                    {"startPeriod": 0, "limit": 10.0, "numberPhases": null, "phaseToUse": null},
                    {"startPeriod": 60, "limit": 11.0, "numberPhases": 1, "phaseToUse": 3}]}]})
    );
    assert_eq!(
        profiles[1]["chargingProfilePurpose"],
        "CHARGING_STATION_EXTERNAL_CONSTRAINTS"
    );
    assert_eq!(
        profiles[1]["chargingSchedule"].as_array().unwrap().len(),
        2,
        "every schedule kept"
    );
    assert_eq!(profiles[2]["chargingProfileId"], 1);
    assert_eq!(profiles[2]["chargingLimitSource"], "CSO");
    cp.call(
        "ReportChargingProfiles",
        json!({"requestId": 8, "chargingLimitSource": "CSO", "evseId": 0,
            "chargingProfile": [wire_profile(1, "ChargingStationMaxProfile", 5, 1)]}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    let profiles = station["reportedChargingProfiles"].as_array().unwrap();
    assert_eq!(
        profiles.len(),
        3,
        "the later report replaces the earlier: {station}"
    );
    assert_eq!(
        (
            &profiles[0]["chargingProfileId"],
            &profiles[0]["stackLevel"],
            &profiles[0]["requestId"]
        ),
        (&json!(1), &json!(5), &json!(8))
    );
    let of_request = app
        .ok(
            &app.admin(),
            r#"{ station(id: "CP201-RP") { reportedChargingProfiles(requestId: 7, evseId: 1, limit: 1) { chargingProfileId } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        of_request["station"]["reportedChargingProfiles"],
        json!([{"chargingProfileId": 3}])
    );

    // External limits: in force until cleared, per EVSE and source.
    cp.call(
        "NotifyChargingLimit",
        json!({"evseId": 1, "chargingLimit": {"chargingLimitSource": "SO", "isGridCritical": true},
            "chargingSchedule": [schedule(9, 2)]}),
    )
    .await;
    cp.call(
        "NotifyChargingLimit",
        json!({"chargingLimit": {"chargingLimitSource": "EMS"}}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    assert_eq!(
        station["chargingLimits"],
        json!([
            {"evseId": 0, "chargingLimitSource": "EMS", "isGridCritical": null,
             "schedulesOmitted": false, "chargingSchedule": null},
            {"evseId": 1, "chargingLimitSource": "SO", "isGridCritical": true,
             "schedulesOmitted": false, "chargingSchedule": [{"id": 9, "chargingRateUnit": "A",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 10.0},
                    {"startPeriod": 60, "limit": 11.0}]}]}
        ])
    );
    // A new limit of the same source on the same EVSE replaces it; a cleared one is gone.
    cp.call(
        "NotifyChargingLimit",
        json!({"evseId": 1, "chargingLimit": {"chargingLimitSource": "SO", "isGridCritical": false}}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    assert_eq!(station["chargingLimits"].as_array().unwrap().len(), 2);
    assert_eq!(station["chargingLimits"][0]["isGridCritical"], false);
    cp.call(
        "ClearedChargingLimit",
        json!({"chargingLimitSource": "SO", "evseId": 1}),
    )
    .await;
    // Another source's, or another EVSE's, is not cleared.
    cp.call(
        "ClearedChargingLimit",
        json!({"chargingLimitSource": "CSO", "evseId": 1}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    assert_eq!(
        station["chargingLimits"],
        json!([{"evseId": 0, "chargingLimitSource": "EMS", "isGridCritical": null,
            "schedulesOmitted": false, "chargingSchedule": null}])
    );

    // The EV's needs, per EVSE; still answered Rejected (no schedule is planned).
    let answer = cp
        .call(
            "NotifyEVChargingNeeds",
            json!({"evseId": 1, "maxScheduleTuples": 3, "chargingNeeds": {
                "requestedEnergyTransfer": "DC", "departureTime": "2026-12-01T18:00:00Z",
                "dcChargingParameters": {"evMaxCurrent": 200, "evMaxVoltage": 400,
                    "energyAmount": 30000, "stateOfCharge": 40, "fullSoC": 100}}}),
        )
        .await;
    assert_eq!(answer["status"], "Rejected");
    cp.call(
        "NotifyEVChargingNeeds",
        json!({"evseId": 2, "chargingNeeds": {"requestedEnergyTransfer": "AC_three_phase",
            "acChargingParameters": {"energyAmount": 20000, "evMinCurrent": 6,
                "evMaxCurrent": 32, "evMaxVoltage": 400}}}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    assert_eq!(
        station["evChargingNeeds"],
        json!([
            {"evseId": 2, "requestedEnergyTransfer": "AC_THREE_PHASE", "departureTime": null,
             "maxScheduleTuples": null, "acChargingParameters": {"energyAmount": 20000,
                "evMinCurrent": 6, "evMaxCurrent": 32, "evMaxVoltage": 400},
             "dcChargingParameters": null},
            {"evseId": 1, "requestedEnergyTransfer": "DC",
             "departureTime": "2026-12-01T18:00:00+00:00", "maxScheduleTuples": 3,
             "acChargingParameters": null, "dcChargingParameters": {"evMaxCurrent": 200,
                "evMaxVoltage": 400, "energyAmount": 30000, "stateOfCharge": 40, "fullSoC": 100}}
        ])
    );
    // New needs on an EVSE replace its earlier ones.
    cp.call(
        "NotifyEVChargingNeeds",
        json!({"evseId": 1, "chargingNeeds": {"requestedEnergyTransfer": "AC_single_phase"}}),
    )
    .await;
    let station = reports(&app, "CP201-RP").await;
    let needs = station["evChargingNeeds"].as_array().unwrap();
    assert_eq!(needs.len(), 2);
    assert_eq!(
        (&needs[0]["evseId"], &needs[0]["requestedEnergyTransfer"]),
        (&json!(1), &json!("AC_SINGLE_PHASE"))
    );

    // Staff only: a driver is refused.
    let driver = app.token(chargegate::auth::Role::Driver, "someone", None);
    let (code, _) = app
        .err(
            Some(&driver),
            r#"{ station(id: "CP201-RP") { chargingLimits { evseId } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code, "FORBIDDEN");
    app.stop().await;
}
on_both_backends!(what_a_2_0_1_station_reports_about_charging_is_kept);

async fn charging_reports_are_bounded(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.limits.max_charging_reports = 2;
        s.limits.max_charging_payload = ByteSize(400);
    })
    .await
    else {
        return;
    };
    let mut cp = Cp201::booted(&app, "CP201-BD").await;

    // Three profiles in one report: the two written last are kept. A profile longer than the
    // payload bound is kept without its schedules.
    cp.call(
        "ReportChargingProfiles",
        json!({"requestId": 1, "chargingLimitSource": "CSO", "evseId": 1, "chargingProfile": [
            wire_profile(1, "TxDefaultProfile", 0, 1),
            wire_profile(2, "TxDefaultProfile", 1, 1),
            wire_profile(3, "TxDefaultProfile", 2, 30)]}),
    )
    .await;
    let station = reports(&app, "CP201-BD").await;
    let profiles = station["reportedChargingProfiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2, "{station}");
    assert_eq!(profiles[0]["chargingProfileId"], 3);
    assert_eq!(profiles[0]["stackLevel"], 2, "its fields kept");
    assert_eq!(
        profiles[0]["chargingSchedule"],
        Value::Null,
        "its schedules not"
    );
    assert_eq!(profiles[1]["chargingProfileId"], 2);
    assert_eq!(profiles[1]["chargingSchedule"][0]["id"], 1);

    // Limits on three EVSEs: two kept; long schedules omitted, and said so.
    for evse in 1..=3 {
        cp.call(
            "NotifyChargingLimit",
            json!({"evseId": evse, "chargingLimit": {"chargingLimitSource": "EMS"},
                "chargingSchedule": [schedule(1, if evse == 3 { 30 } else { 1 })]}),
        )
        .await;
    }
    let station = reports(&app, "CP201-BD").await;
    let limits = station["chargingLimits"].as_array().unwrap();
    assert_eq!(limits.len(), 2, "{station}");
    assert_eq!(
        (
            &limits[0]["evseId"],
            &limits[0]["schedulesOmitted"],
            &limits[0]["chargingSchedule"]
        ),
        (&json!(3), &json!(true), &Value::Null)
    );
    assert_eq!(limits[1]["evseId"], 2);
    assert_eq!(limits[1]["schedulesOmitted"], false);

    // Needs on three EVSEs: two kept.
    for evse in 1..=3 {
        cp.call(
            "NotifyEVChargingNeeds",
            json!({"evseId": evse, "chargingNeeds": {"requestedEnergyTransfer": "DC"}}),
        )
        .await;
    }
    let station = reports(&app, "CP201-BD").await;
    let evses: Vec<&Value> = station["evChargingNeeds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| &n["evseId"])
        .collect();
    assert_eq!(evses, [&json!(3), &json!(2)]);
    app.stop().await;
}
on_both_backends!(charging_reports_are_bounded);
