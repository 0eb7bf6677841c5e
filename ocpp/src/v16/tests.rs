//! Unit tests of the commands of every profile: their spelling on the wire and how their answers
//! are read.

use serde_json::value::RawValue;

use super::*;
use crate::rpc::{ErrorCode, decode};

#[test]
fn requests_serialise_in_ocpp_spelling() {
    let json = |v: &dyn erased::Json| v.json();
    assert_eq!(
        json(&ChangeAvailability {
            connector_id: 1,
            kind: AvailabilityType::Inoperative
        }),
        r#"{"connectorId":1,"type":"Inoperative"}"#
    );
    assert_eq!(json(&ClearCache {}), "{}");
    assert_eq!(json(&GetConfiguration { key: None }), "{}");
    assert_eq!(
        json(&RemoteStartTransaction {
            connector_id: None,
            id_tag: CiString::new("12345").unwrap(),
            charging_profile: None,
        }),
        r#"{"idTag":"12345"}"#
    );
    assert_eq!(
        json(&Reset {
            kind: ResetType::Soft
        }),
        r#"{"type":"Soft"}"#
    );
}

mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

#[test]
fn answers_of_the_other_profiles_decode_with_the_pinned_codes() {
    let raw = |s: &str| RawValue::from_string(s.to_owned()).unwrap();
    let diag: GetDiagnosticsResponse = decode(&raw(r#"{"fileName":"d.zip"}"#)).unwrap();
    assert_eq!(diag.file_name.unwrap().as_str(), "d.zip");
    let none: GetDiagnosticsResponse = decode(&raw("{}")).unwrap();
    assert!(none.file_name.is_none());
    let long = format!(r#"{{"fileName":"{}"}}"#, "x".repeat(256));
    assert_eq!(
        decode::<GetDiagnosticsResponse>(&raw(&long))
            .unwrap_err()
            .code,
        ErrorCode::PropertyConstraintViolation
    );
    let version: GetLocalListVersionResponse = decode(&raw(r#"{"listVersion":-1}"#)).unwrap();
    assert_eq!(version.list_version, -1);
    assert_eq!(
        decode::<GetLocalListVersionResponse>(&raw("{}"))
            .unwrap_err()
            .code,
        ErrorCode::OccurenceConstraintViolation
    );
    assert_eq!(
        decode::<GetLocalListVersionResponse>(&raw(r#"{"listVersion":"2"}"#))
            .unwrap_err()
            .code,
        ErrorCode::TypeConstraintViolation
    );
    let composite: GetCompositeScheduleResponse = decode(&raw(
        r#"{"status":"Accepted","connectorId":1,"scheduleStart":"2026-11-24T10:00:00Z","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6.0}]}}"#,
    ))
    .unwrap();
    assert_eq!(composite.status, GetCompositeScheduleStatus::Accepted);
    let schedule = composite.charging_schedule.unwrap();
    assert_eq!(schedule.charging_rate_unit, ChargingRateUnit::A);
    assert_eq!(
        decode::<GetCompositeScheduleResponse>(&raw(
            r#"{"status":"Accepted","chargingSchedule":{"chargingRateUnit":"kW","chargingSchedulePeriod":[]}}"#
        ))
        .unwrap_err()
        .code,
        ErrorCode::PropertyConstraintViolation
    );
    for (json, code) in [
        (r#"{"status":"Occupied"}"#, None),
        (
            r#"{"status":"Busy"}"#,
            Some(ErrorCode::PropertyConstraintViolation),
        ),
        (r#"{}"#, Some(ErrorCode::OccurenceConstraintViolation)),
    ] {
        let got = decode::<StatusResponse<ReservationStatus>>(&raw(json));
        assert_eq!(got.err().map(|e| e.code), code, "{json}");
    }
    let empty: Empty = decode(&raw(r#"{"note":"vendor extra"}"#)).unwrap();
    assert_eq!(empty, Empty {});
}

#[test]
fn requests_of_the_other_profiles_serialise_in_ocpp_spelling() {
    let json = |v: &dyn erased::Json| v.json();
    assert_eq!(
        json(&SendLocalList {
            list_version: 3,
            local_authorization_list: Some(vec![AuthorizationData {
                id_tag: CiString::new("A").unwrap(),
                id_tag_info: None,
            }]),
            update_type: UpdateType::Differential,
        }),
        r#"{"listVersion":3,"localAuthorizationList":[{"idTag":"A"}],"updateType":"Differential"}"#
    );
    assert_eq!(json(&GetLocalListVersion {}), "{}");
    assert_eq!(
        json(&ClearChargingProfile::default()),
        "{}",
        "no criteria: every profile"
    );
    assert_eq!(
        json(&TriggerMessage {
            requested_message: MessageTrigger::DiagnosticsStatusNotification,
            connector_id: None,
        }),
        r#"{"requestedMessage":"DiagnosticsStatusNotification"}"#
    );
    assert_eq!(
        json(&CancelReservation { reservation_id: 4 }),
        r#"{"reservationId":4}"#
    );
    assert!(actions::command_action("SetChargingProfile").is_some());
    assert!(actions::command_action("GetCompositeSchedule").is_some());
    assert!(actions::command_action("Heartbeat").is_none());
}

#[test]
fn answers_are_read_strictly_on_values_and_leniently_on_extras() {
    let raw = |s: &str| RawValue::from_string(s.to_owned()).unwrap();
    let ok: StatusResponse<UnlockStatus> =
        decode(&raw(r#"{"status":"Unlocked","vendorNote":"x"}"#)).unwrap();
    assert_eq!(ok.status, UnlockStatus::Unlocked);
    let bad = decode::<StatusResponse<UnlockStatus>>(&raw(r#"{"status":"Open"}"#)).unwrap_err();
    assert_eq!(bad.code, ErrorCode::PropertyConstraintViolation);
    let config: GetConfigurationResponse = decode(&raw(
        r#"{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}],"unknownKey":["Key2"]}"#,
    ))
    .unwrap();
    assert_eq!(
        config.configuration_key[0].key.as_str(),
        "HeartbeatInterval"
    );
    assert_eq!(config.unknown_key[0].as_str(), "Key2");
    let empty: GetConfigurationResponse = decode(&raw("{}")).unwrap();
    assert!(empty.configuration_key.is_empty());
}
