//! Transactions (block E): TransactionEvent and GetTransactionStatus.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// TransactionEvent

/// TransactionEvent request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransactionEventRequest {
    pub event_type: TransactionEventEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_value: Option<Vec<MeterValue>>,
    pub timestamp: Timestamp,
    pub trigger_reason: TriggerReasonEnum,
    pub seq_no: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offline: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_phases_used: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cable_max_current: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_id: Option<i32>,
    pub transaction_info: Transaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for TransactionEventRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.meter_value {
            count(at, "meterValue", v.len(), 1, usize::MAX)?;
            each(at, "meterValue", v)?;
        }
        if let Some(v) = &self.id_token {
            v.check_at(At::Field(&at, "idToken"))?;
        }
        Ok(())
    }
}

impl TransactionEventRequest {
    /// Whether the event happened while the station was offline (default `false`).
    pub fn offline_or_default(&self) -> bool {
        self.offline.unwrap_or(false)
    }
}

impl Payload for TransactionEventRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// TransactionEvent response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransactionEventResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_priority: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token_info: Option<IdTokenInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_personal_message: Option<MessageContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for TransactionEventResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.id_token_info {
            v.check_at(At::Field(&at, "idTokenInfo"))?;
        }
        Ok(())
    }
}

impl Payload for TransactionEventResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// GetTransactionStatus

/// GetTransactionStatus request (a command, CSMS → station).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetTransactionStatusRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetTransactionStatusRequest {}
command!(GetTransactionStatusRequest => GetTransactionStatusResponse, "GetTransactionStatus");

/// GetTransactionStatus response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetTransactionStatusResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing_indicator: Option<bool>,
    pub messages_in_queue: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetTransactionStatusResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `ChargingStateEnumType`.
    ChargingStateEnum {
        Charging = "Charging",
        EvConnected = "EVConnected",
        SuspendedEv = "SuspendedEV",
        SuspendedEvse = "SuspendedEVSE",
        Idle = "Idle",
    }
);

ocpp_enum!(
    /// `ReasonEnumType`.
    ReasonEnum {
        DeAuthorized = "DeAuthorized",
        EmergencyStop = "EmergencyStop",
        EnergyLimitReached = "EnergyLimitReached",
        EvDisconnected = "EVDisconnected",
        GroundFault = "GroundFault",
        ImmediateReset = "ImmediateReset",
        Local = "Local",
        LocalOutOfCredit = "LocalOutOfCredit",
        MasterPass = "MasterPass",
        Other = "Other",
        OvercurrentFault = "OvercurrentFault",
        PowerLoss = "PowerLoss",
        PowerQuality = "PowerQuality",
        Reboot = "Reboot",
        Remote = "Remote",
        SocLimitReached = "SOCLimitReached",
        StoppedByEv = "StoppedByEV",
        TimeLimitReached = "TimeLimitReached",
        Timeout = "Timeout",
    }
);

ocpp_enum!(
    /// `TransactionEventEnumType`.
    TransactionEventEnum {
        Ended = "Ended",
        Started = "Started",
        Updated = "Updated",
    }
);

ocpp_enum!(
    /// `TriggerReasonEnumType`.
    TriggerReasonEnum {
        Authorized = "Authorized",
        CablePluggedIn = "CablePluggedIn",
        ChargingRateChanged = "ChargingRateChanged",
        ChargingStateChanged = "ChargingStateChanged",
        Deauthorized = "Deauthorized",
        EnergyLimitReached = "EnergyLimitReached",
        EvCommunicationLost = "EVCommunicationLost",
        EvConnectTimeout = "EVConnectTimeout",
        MeterValueClock = "MeterValueClock",
        MeterValuePeriodic = "MeterValuePeriodic",
        TimeLimitReached = "TimeLimitReached",
        Trigger = "Trigger",
        UnlockCommand = "UnlockCommand",
        StopAuthorized = "StopAuthorized",
        EvDeparted = "EVDeparted",
        EvDetected = "EVDetected",
        RemoteStop = "RemoteStop",
        RemoteStart = "RemoteStart",
        AbnormalCondition = "AbnormalCondition",
        SignedDataReceived = "SignedDataReceived",
        ResetCommand = "ResetCommand",
    }
);

/// `TransactionType`: the transaction a TransactionEvent is about: its id (chosen by the
/// station, at most 36 characters) and, as they change, its charging state, charging time,
/// the reason it stopped and the id of the remote start that began it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Transaction {
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_state: Option<ChargingStateEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_charging: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_reason: Option<ReasonEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_start_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
