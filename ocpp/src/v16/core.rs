//! OCPP 1.6 Core profile: the station's messages (Authorize, BootNotification, DataTransfer,
//! Heartbeat, MeterValues, Start/StopTransaction, StatusNotification) as strict types, and the
//! central system's Core commands with their typed answers.
//!
//! Station messages are read strictly (`deny_unknown_fields`); answers to commands are read
//! strictly for required fields, types and enum values, and leniently for extra fields: a
//! station that adds a field still has its answer understood.

use serde::{Deserialize, Serialize};

use super::smart_charging::ChargingProfile;
use super::types::*;
use crate::rpc::{CallError, ErrorCode, Payload, violation};

// Station → central system.

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorizeRequest {
    pub id_tag: IdToken,
}
impl Payload for AuthorizeRequest {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorizeResponse {
    pub id_tag_info: IdTagInfo,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BootNotificationRequest {
    pub charge_point_vendor: CiString<20>,
    pub charge_point_model: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_point_serial_number: Option<CiString<25>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_box_serial_number: Option<CiString<25>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware_version: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iccid: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imsi: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_type: Option<CiString<25>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_serial_number: Option<CiString<25>>,
}
impl Payload for BootNotificationRequest {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BootNotificationResponse {
    pub status: RegistrationStatus,
    pub current_time: Timestamp,
    /// Seconds: the heartbeat interval when Accepted, the retry delay otherwise.
    pub interval: i32,
}

/// DataTransfer goes both ways; the same types serve both directions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataTransferRequest {
    pub vendor_id: CiString<255>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<CiString<50>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_text"
    )]
    pub data: Option<String>,
}
impl Payload for DataTransferRequest {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataTransferResponse {
    pub status: DataTransferStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}
impl Payload for DataTransferResponse {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeartbeatRequest {}
impl Payload for HeartbeatRequest {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeartbeatResponse {
    pub current_time: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeterValuesRequest {
    #[serde(deserialize_with = "non_negative")]
    pub connector_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i32>,
    pub meter_value: Vec<MeterValue>,
}

fn check_meter_values(field: &str, values: &[MeterValue]) -> Result<(), CallError> {
    for (i, value) in values.iter().enumerate() {
        if value.sampled_value.is_empty() {
            return Err(violation(
                ErrorCode::OccurenceConstraintViolation,
                &format!("{field}[{i}].sampledValue"),
                "at least one sampled value is required",
            ));
        }
    }
    Ok(())
}

impl Payload for MeterValuesRequest {
    fn check(&self) -> Result<(), CallError> {
        if self.meter_value.is_empty() {
            return Err(violation(
                ErrorCode::OccurenceConstraintViolation,
                "meterValue",
                "at least one meter value is required",
            ));
        }
        check_meter_values("meterValue", &self.meter_value)
    }
}

/// An empty answer (`{}`): MeterValues, StatusNotification and the status notifications.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmptyResponse {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StartTransactionRequest {
    pub connector_id: i32,
    pub id_tag: IdToken,
    pub meter_start: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<i32>,
    pub timestamp: Timestamp,
}

impl Payload for StartTransactionRequest {
    fn check(&self) -> Result<(), CallError> {
        if self.connector_id <= 0 {
            return Err(violation(
                ErrorCode::PropertyConstraintViolation,
                "connectorId",
                "a transaction starts on a connector id greater than 0",
            ));
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StartTransactionResponse {
    pub id_tag_info: IdTagInfo,
    pub transaction_id: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusNotificationRequest {
    #[serde(deserialize_with = "non_negative")]
    pub connector_id: i32,
    pub error_code: ChargePointErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<CiString<50>>,
    pub status: ChargePointStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_error_code: Option<CiString<50>>,
}
impl Payload for StatusNotificationRequest {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StopTransactionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag: Option<IdToken>,
    pub meter_stop: i64,
    pub timestamp: Timestamp,
    pub transaction_id: i32,
    /// Optional; absent means `Local` (OCPP 1.6 §6.49, and the OCPP-J errata 2.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_data: Option<Vec<MeterValue>>,
}

impl Payload for StopTransactionRequest {
    fn check(&self) -> Result<(), CallError> {
        check_meter_values(
            "transactionData",
            self.transaction_data.as_deref().unwrap_or_default(),
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StopTransactionResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag_info: Option<IdTagInfo>,
}

// Central system → station.

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
