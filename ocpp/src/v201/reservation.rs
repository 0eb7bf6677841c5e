//! Reservation (block H): ReserveNow, CancelReservation and ReservationStatusUpdate.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// ReserveNow

/// ReserveNow request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReserveNowRequest {
    pub id: i32,
    pub expiry_date_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_type: Option<ConnectorEnum>,
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ReserveNowRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.id_token.check_at(At::Field(&at, "idToken"))?;
        if let Some(v) = &self.group_id_token {
            v.check_at(At::Field(&at, "groupIdToken"))?;
        }
        Ok(())
    }
}

impl Payload for ReserveNowRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(ReserveNowRequest => ReserveNowResponse, "ReserveNow");

/// ReserveNow response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReserveNowResponse {
    pub status: ReserveNowStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ReserveNowResponse {}

// CancelReservation

/// CancelReservation request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelReservationRequest {
    pub reservation_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CancelReservationRequest {}
command!(CancelReservationRequest => CancelReservationResponse, "CancelReservation");

/// CancelReservation response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelReservationResponse {
    pub status: CancelReservationStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CancelReservationResponse {}

// ReservationStatusUpdate

/// ReservationStatusUpdate request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationStatusUpdateRequest {
    pub reservation_id: i32,
    pub reservation_update_status: ReservationUpdateStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ReservationStatusUpdateRequest {}

/// ReservationStatusUpdate response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationStatusUpdateResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ReservationStatusUpdateResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `CancelReservationStatusEnumType`.
    CancelReservationStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `ConnectorEnumType`.
    ConnectorEnum {
        Cccs1 = "cCCS1",
        Cccs2 = "cCCS2",
        Cg105 = "cG105",
        CTesla = "cTesla",
        CType1 = "cType1",
        CType2 = "cType2",
        S3091P16A = "s309-1P-16A",
        S3091P32A = "s309-1P-32A",
        S3093P16A = "s309-3P-16A",
        S3093P32A = "s309-3P-32A",
        Sbs1361 = "sBS1361",
        Scee77 = "sCEE-7-7",
        SType2 = "sType2",
        SType3 = "sType3",
        Other1PhMax16A = "Other1PhMax16A",
        Other1PhOver16A = "Other1PhOver16A",
        Other3Ph = "Other3Ph",
        Pan = "Pan",
        WInductive = "wInductive",
        WResonant = "wResonant",
        Undetermined = "Undetermined",
        Unknown = "Unknown",
    }
);

ocpp_enum!(
    /// `ReservationUpdateStatusEnumType`.
    ReservationUpdateStatusEnum {
        Expired = "Expired",
        Removed = "Removed",
    }
);

ocpp_enum!(
    /// `ReserveNowStatusEnumType`.
    ReserveNowStatusEnum {
        Accepted = "Accepted",
        Faulted = "Faulted",
        Occupied = "Occupied",
        Rejected = "Rejected",
        Unavailable = "Unavailable",
    }
);
