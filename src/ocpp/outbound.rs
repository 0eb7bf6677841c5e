//! Central system → station commands of OCPP 1.6 (Core, Firmware Management, Local Auth List
//! Management, Reservation, Smart Charging, Remote Trigger): each request with its typed answer.
//!
//! Answers from stations are read strictly for required fields, types and enum values, and
//! leniently for extra fields: a station that adds a field still has its answer understood.

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::charging::{ChargingProfile, ChargingSchedule};
use super::inbound::{DataTransferRequest, DataTransferResponse};
use super::payload::Payload;
use super::types::*;

/// A command the central system sends to a station, and the answer it expects.
pub trait Command: Serialize + Send + Sync + 'static {
    /// The OCPP action name.
    const ACTION: &'static str;
    /// The typed answer.
    type Response: Payload + Serialize + DeserializeOwned + Send + 'static;
}

macro_rules! command {
    ($request:ty => $response:ty, $action:literal) => {
        impl Command for $request {
            const ACTION: &'static str = $action;
            type Response = $response;
        }
    };
}

/// A plain `{"status": …}` answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusResponse<S> {
    pub status: S,
}

impl<S: DeserializeOwned> Payload for StatusResponse<S> {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailability {
    /// 0 means the whole charge point.
    pub connector_id: i32,
    #[serde(rename = "type")]
    pub kind: AvailabilityType,
}
command!(ChangeAvailability => StatusResponse<AvailabilityStatus>, "ChangeAvailability");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeConfiguration {
    pub key: CiString<50>,
    pub value: CiString<500>,
}
command!(ChangeConfiguration => StatusResponse<ConfigurationStatus>, "ChangeConfiguration");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClearCache {}
command!(ClearCache => StatusResponse<ClearCacheStatus>, "ClearCache");

command!(DataTransferRequest => DataTransferResponse, "DataTransfer");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetConfiguration {
    /// The keys to read; absent reads every key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Vec<CiString<50>>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyValue {
    pub key: CiString<50>,
    pub readonly: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CiString<500>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetConfigurationResponse {
    #[serde(default)]
    pub configuration_key: Vec<KeyValue>,
    #[serde(default)]
    pub unknown_key: Vec<CiString<50>>,
}
impl Payload for GetConfigurationResponse {}
command!(GetConfiguration => GetConfigurationResponse, "GetConfiguration");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStartTransaction {
    /// Absent lets the station choose the connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    pub id_tag: IdToken,
    /// A `TxProfile` for the transaction (Smart Charging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile: Option<ChargingProfile>,
}
command!(RemoteStartTransaction => StatusResponse<RemoteStartStopStatus>, "RemoteStartTransaction");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStopTransaction {
    pub transaction_id: i32,
}
command!(RemoteStopTransaction => StatusResponse<RemoteStartStopStatus>, "RemoteStopTransaction");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reset {
    #[serde(rename = "type")]
    pub kind: ResetType,
}
command!(Reset => StatusResponse<ResetStatus>, "Reset");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockConnector {
    pub connector_id: i32,
}
command!(UnlockConnector => StatusResponse<UnlockStatus>, "UnlockConnector");

/// An answer without fields (`UpdateFirmware.conf`); extra fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}
impl Payload for Empty {}

// Firmware Management.

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFirmware {
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    pub retrieve_date: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
}
command!(UpdateFirmware => Empty, "UpdateFirmware");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDiagnostics {
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_time: Option<Timestamp>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDiagnosticsResponse {
    /// The file the station will upload; absent when it has no diagnostics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<CiString<255>>,
}
impl Payload for GetDiagnosticsResponse {}
command!(GetDiagnostics => GetDiagnosticsResponse, "GetDiagnostics");

// Local Auth List Management.

/// One entry of a local authorisation list; without `idTagInfo` it removes the tag (in a
/// differential update).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationData {
    pub id_tag: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag_info: Option<IdTagInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendLocalList {
    pub list_version: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_authorization_list: Option<Vec<AuthorizationData>>,
    pub update_type: UpdateType,
}
command!(SendLocalList => StatusResponse<UpdateStatus>, "SendLocalList");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GetLocalListVersion {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLocalListVersionResponse {
    /// 0: the list is empty; -1: the station does not support local lists (§5.10).
    pub list_version: i32,
}
impl Payload for GetLocalListVersionResponse {}
command!(GetLocalListVersion => GetLocalListVersionResponse, "GetLocalListVersion");

// Reservation.

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNow {
    /// 0 reserves any connector (if the station allows it).
    pub connector_id: i32,
    pub expiry_date: Timestamp,
    pub id_tag: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id_tag: Option<IdToken>,
    pub reservation_id: i32,
}
command!(ReserveNow => StatusResponse<ReservationStatus>, "ReserveNow");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelReservation {
    pub reservation_id: i32,
}
command!(CancelReservation => StatusResponse<CancelReservationStatus>, "CancelReservation");

// Smart Charging.

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetChargingProfile {
    pub connector_id: i32,
    pub cs_charging_profiles: ChargingProfile,
}
command!(SetChargingProfile => StatusResponse<ChargingProfileStatus>, "SetChargingProfile");

/// Clears the profiles matching every field given (none: all profiles).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<i32>,
}
command!(ClearChargingProfile => StatusResponse<ClearChargingProfileStatus>, "ClearChargingProfile");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeSchedule {
    pub connector_id: i32,
    /// Seconds from now.
    pub duration: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_rate_unit: Option<ChargingRateUnit>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeScheduleResponse {
    pub status: GetCompositeScheduleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_start: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_schedule: Option<ChargingSchedule>,
}
impl Payload for GetCompositeScheduleResponse {}
command!(GetCompositeSchedule => GetCompositeScheduleResponse, "GetCompositeSchedule");

// Remote Trigger.

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggerMessage {
    pub requested_message: MessageTrigger,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
}
command!(TriggerMessage => StatusResponse<TriggerMessageStatus>, "TriggerMessage");

/// The static name of an action this server sends, for commands that arrive over the bus by
/// name (`None` for anything else).
pub fn action(name: &str) -> Option<&'static str> {
    [
        ChangeAvailability::ACTION,
        ChangeConfiguration::ACTION,
        ClearCache::ACTION,
        DataTransferRequest::ACTION,
        GetConfiguration::ACTION,
        RemoteStartTransaction::ACTION,
        RemoteStopTransaction::ACTION,
        Reset::ACTION,
        UnlockConnector::ACTION,
        UpdateFirmware::ACTION,
        GetDiagnostics::ACTION,
        SendLocalList::ACTION,
        GetLocalListVersion::ACTION,
        ReserveNow::ACTION,
        CancelReservation::ACTION,
        SetChargingProfile::ACTION,
        ClearChargingProfile::ACTION,
        GetCompositeSchedule::ACTION,
        TriggerMessage::ACTION,
    ]
    .into_iter()
    .chain(super::security::ACTIONS.iter().copied())
    .find(|a| *a == name)
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::*;
    use crate::ocpp::{error::ErrorCode, payload::decode};

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
        assert!(action("SetChargingProfile").is_some());
        assert!(action("GetCompositeSchedule").is_some());
        assert!(action("Heartbeat").is_none());
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
}
