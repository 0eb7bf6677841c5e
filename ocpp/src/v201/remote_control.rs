//! Remote control (block F): RequestStartTransaction, RequestStopTransaction, TriggerMessage and
//! UnlockConnector.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// RequestStartTransaction

/// RequestStartTransaction request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestStartTransactionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    pub id_token: IdToken,
    pub remote_start_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile: Option<ChargingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for RequestStartTransactionRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.group_id_token {
            v.check_at(At::Field(&at, "groupIdToken"))?;
        }
        self.id_token.check_at(At::Field(&at, "idToken"))?;
        if let Some(v) = &self.charging_profile {
            v.check_at(At::Field(&at, "chargingProfile"))?;
        }
        Ok(())
    }
}

impl Payload for RequestStartTransactionRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(RequestStartTransactionRequest => RequestStartTransactionResponse, "RequestStartTransaction");

/// RequestStartTransaction response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestStartTransactionResponse {
    pub status: RequestStartStopStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for RequestStartTransactionResponse {}

// RequestStopTransaction

/// RequestStopTransaction request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestStopTransactionRequest {
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for RequestStopTransactionRequest {}
command!(RequestStopTransactionRequest => RequestStopTransactionResponse, "RequestStopTransaction");

/// RequestStopTransaction response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestStopTransactionResponse {
    pub status: RequestStartStopStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for RequestStopTransactionResponse {}

// TriggerMessage

/// TriggerMessage request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TriggerMessageRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub requested_message: MessageTriggerEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for TriggerMessageRequest {}
command!(TriggerMessageRequest => TriggerMessageResponse, "TriggerMessage");

/// TriggerMessage response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TriggerMessageResponse {
    pub status: TriggerMessageStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for TriggerMessageResponse {}

// UnlockConnector

/// UnlockConnector request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnlockConnectorRequest {
    pub evse_id: i32,
    pub connector_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for UnlockConnectorRequest {}
command!(UnlockConnectorRequest => UnlockConnectorResponse, "UnlockConnector");

/// UnlockConnector response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnlockConnectorResponse {
    pub status: UnlockStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for UnlockConnectorResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `MessageTriggerEnumType`.
    MessageTriggerEnum {
        BootNotification = "BootNotification",
        LogStatusNotification = "LogStatusNotification",
        FirmwareStatusNotification = "FirmwareStatusNotification",
        Heartbeat = "Heartbeat",
        MeterValues = "MeterValues",
        SignChargingStationCertificate = "SignChargingStationCertificate",
        SignV2GCertificate = "SignV2GCertificate",
        StatusNotification = "StatusNotification",
        TransactionEvent = "TransactionEvent",
        SignCombinedCertificate = "SignCombinedCertificate",
        PublishFirmwareStatusNotification = "PublishFirmwareStatusNotification",
    }
);

ocpp_enum!(
    /// `TriggerMessageStatusEnumType`.
    TriggerMessageStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        NotImplemented = "NotImplemented",
    }
);

ocpp_enum!(
    /// `UnlockStatusEnumType`.
    UnlockStatusEnum {
        Unlocked = "Unlocked",
        UnlockFailed = "UnlockFailed",
        OngoingAuthorizedTransaction = "OngoingAuthorizedTransaction",
        UnknownConnector = "UnknownConnector",
    }
);
