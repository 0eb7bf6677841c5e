//! Availability (block G): StatusNotification and ChangeAvailability.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::Payload;
use crate::types::ocpp_enum;

// StatusNotification

/// StatusNotification request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusNotificationRequest {
    pub timestamp: Timestamp,
    pub connector_status: ConnectorStatusEnum,
    pub evse_id: i32,
    pub connector_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for StatusNotificationRequest {}

/// StatusNotification response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for StatusNotificationResponse {}

// ChangeAvailability

/// ChangeAvailability request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangeAvailabilityRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub operational_status: OperationalStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ChangeAvailabilityRequest {}
command!(ChangeAvailabilityRequest => ChangeAvailabilityResponse, "ChangeAvailability");

/// ChangeAvailability response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangeAvailabilityResponse {
    pub status: ChangeAvailabilityStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ChangeAvailabilityResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `ChangeAvailabilityStatusEnumType`.
    ChangeAvailabilityStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        Scheduled = "Scheduled",
    }
);

ocpp_enum!(
    /// `ConnectorStatusEnumType`.
    ConnectorStatusEnum {
        Available = "Available",
        Occupied = "Occupied",
        Reserved = "Reserved",
        Unavailable = "Unavailable",
        Faulted = "Faulted",
    }
);

ocpp_enum!(
    /// `OperationalStatusEnumType`.
    OperationalStatusEnum {
        Inoperative = "Inoperative",
        Operative = "Operative",
    }
);
