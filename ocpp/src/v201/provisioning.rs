//! Provisioning (block B): booting, heartbeats, the device model's reports and variables, network
//! profiles and resets.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// BootNotification

/// BootNotification request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BootNotificationRequest {
    pub charging_station: ChargingStation,
    pub reason: BootReasonEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for BootNotificationRequest {}

/// BootNotification response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BootNotificationResponse {
    pub current_time: Timestamp,
    pub interval: i32,
    pub status: RegistrationStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for BootNotificationResponse {}

// Heartbeat

/// Heartbeat request (station → CSMS).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeartbeatRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for HeartbeatRequest {}

/// Heartbeat response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeartbeatResponse {
    pub current_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for HeartbeatResponse {}

// NotifyReport

/// NotifyReport request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyReportRequest {
    pub request_id: i32,
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_data: Option<Vec<ReportData>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyReportRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.report_data {
            count(at, "reportData", v.len(), 1, usize::MAX)?;
            each(at, "reportData", v)?;
        }
        Ok(())
    }
}

impl Payload for NotifyReportRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyReport response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyReportResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyReportResponse {}

// GetBaseReport

/// GetBaseReport request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetBaseReportRequest {
    pub request_id: i32,
    pub report_base: ReportBaseEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetBaseReportRequest {}
command!(GetBaseReportRequest => GetBaseReportResponse, "GetBaseReport");

/// GetBaseReport response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetBaseReportResponse {
    pub status: GenericDeviceModelStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetBaseReportResponse {}

// GetReport

/// GetReport request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetReportRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_variable: Option<Vec<ComponentVariable>>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_criteria: Option<Vec<ComponentCriterionEnum>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetReportRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.component_variable {
            count(at, "componentVariable", v.len(), 1, usize::MAX)?;
        }
        if let Some(v) = &self.component_criteria {
            count(at, "componentCriteria", v.len(), 1, 4)?;
        }
        Ok(())
    }
}

impl Payload for GetReportRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(GetReportRequest => GetReportResponse, "GetReport");

/// GetReport response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetReportResponse {
    pub status: GenericDeviceModelStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetReportResponse {}

// GetVariables

/// GetVariables request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetVariablesRequest {
    pub get_variable_data: Vec<GetVariableData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetVariablesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "getVariableData",
            self.get_variable_data.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for GetVariablesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(GetVariablesRequest => GetVariablesResponse, "GetVariables");

/// GetVariables response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetVariablesResponse {
    pub get_variable_result: Vec<GetVariableResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetVariablesResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "getVariableResult",
            self.get_variable_result.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for GetVariablesResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// SetVariables

/// SetVariables request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVariablesRequest {
    pub set_variable_data: Vec<SetVariableData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SetVariablesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "setVariableData",
            self.set_variable_data.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for SetVariablesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(SetVariablesRequest => SetVariablesResponse, "SetVariables");

/// SetVariables response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVariablesResponse {
    pub set_variable_result: Vec<SetVariableResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SetVariablesResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "setVariableResult",
            self.set_variable_result.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for SetVariablesResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// SetNetworkProfile

/// SetNetworkProfile request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetNetworkProfileRequest {
    pub configuration_slot: i32,
    pub connection_data: NetworkConnectionProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetNetworkProfileRequest {}
command!(SetNetworkProfileRequest => SetNetworkProfileResponse, "SetNetworkProfile");

/// SetNetworkProfile response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetNetworkProfileResponse {
    pub status: SetNetworkProfileStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetNetworkProfileResponse {}

// Reset

/// Reset request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResetRequest {
    #[serde(rename = "type")]
    pub kind: ResetEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ResetRequest {}
command!(ResetRequest => ResetResponse, "Reset");

/// Reset response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResetResponse {
    pub status: ResetStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ResetResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `APNAuthenticationEnumType`.
    ApnAuthenticationEnum {
        Chap = "CHAP",
        None = "NONE",
        Pap = "PAP",
        Auto = "AUTO",
    }
);

ocpp_enum!(
    /// `BootReasonEnumType`.
    BootReasonEnum {
        ApplicationReset = "ApplicationReset",
        FirmwareUpdate = "FirmwareUpdate",
        LocalReset = "LocalReset",
        PowerUp = "PowerUp",
        RemoteReset = "RemoteReset",
        ScheduledReset = "ScheduledReset",
        Triggered = "Triggered",
        Unknown = "Unknown",
        Watchdog = "Watchdog",
    }
);

ocpp_enum!(
    /// `ComponentCriterionEnumType`.
    ComponentCriterionEnum {
        Active = "Active",
        Available = "Available",
        Enabled = "Enabled",
        Problem = "Problem",
    }
);

ocpp_enum!(
    /// `DataEnumType`.
    DataEnum {
        String = "string",
        Decimal = "decimal",
        Integer = "integer",
        DateTime = "dateTime",
        Boolean = "boolean",
        OptionList = "OptionList",
        SequenceList = "SequenceList",
        MemberList = "MemberList",
    }
);

ocpp_enum!(
    /// `GetVariableStatusEnumType`.
    GetVariableStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        UnknownComponent = "UnknownComponent",
        UnknownVariable = "UnknownVariable",
        NotSupportedAttributeType = "NotSupportedAttributeType",
    }
);

ocpp_enum!(
    /// `MutabilityEnumType`.
    MutabilityEnum {
        ReadOnly = "ReadOnly",
        WriteOnly = "WriteOnly",
        ReadWrite = "ReadWrite",
    }
);

ocpp_enum!(
    /// `OCPPInterfaceEnumType`.
    OcppInterfaceEnum {
        Wired0 = "Wired0",
        Wired1 = "Wired1",
        Wired2 = "Wired2",
        Wired3 = "Wired3",
        Wireless0 = "Wireless0",
        Wireless1 = "Wireless1",
        Wireless2 = "Wireless2",
        Wireless3 = "Wireless3",
    }
);

ocpp_enum!(
    /// `OCPPTransportEnumType`.
    OcppTransportEnum {
        Json = "JSON",
        Soap = "SOAP",
    }
);

ocpp_enum!(
    /// `OCPPVersionEnumType`.
    OcppVersionEnum {
        Ocpp12 = "OCPP12",
        Ocpp15 = "OCPP15",
        Ocpp16 = "OCPP16",
        Ocpp20 = "OCPP20",
    }
);

ocpp_enum!(
    /// `RegistrationStatusEnumType`.
    RegistrationStatusEnum {
        Accepted = "Accepted",
        Pending = "Pending",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `ReportBaseEnumType`.
    ReportBaseEnum {
        ConfigurationInventory = "ConfigurationInventory",
        FullInventory = "FullInventory",
        SummaryInventory = "SummaryInventory",
    }
);

ocpp_enum!(
    /// `ResetEnumType`.
    ResetEnum {
        Immediate = "Immediate",
        OnIdle = "OnIdle",
    }
);

ocpp_enum!(
    /// `ResetStatusEnumType`.
    ResetStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        Scheduled = "Scheduled",
    }
);

ocpp_enum!(
    /// `SetNetworkProfileStatusEnumType`.
    SetNetworkProfileStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        Failed = "Failed",
    }
);

ocpp_enum!(
    /// `SetVariableStatusEnumType`.
    SetVariableStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        UnknownComponent = "UnknownComponent",
        UnknownVariable = "UnknownVariable",
        NotSupportedAttributeType = "NotSupportedAttributeType",
        RebootRequired = "RebootRequired",
    }
);

ocpp_enum!(
    /// `VPNEnumType`.
    VpnEnum {
        IkEv2 = "IKEv2",
        IpSec = "IPSec",
        L2Tp = "L2TP",
        Pptp = "PPTP",
    }
);

/// `APNType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Apn {
    pub apn: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn_user_name: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn_password: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_pin: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_network: Option<CiString<6>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_only_preferred_network: Option<bool>,
    pub apn_authentication: ApnAuthenticationEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingStationType`: the station's model and vendor, and optionally its serial number,
/// firmware version and modem, as sent in BootNotification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingStation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<CiString<25>>,
    pub model: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modem: Option<Modem>,
    pub vendor_name: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware_version: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GetVariableDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetVariableData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<AttributeEnum>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GetVariableResultType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetVariableResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_status_info: Option<StatusInfo>,
    pub attribute_status: GetVariableStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<AttributeEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<CiString<2500>>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ModemType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Modem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iccid: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imsi: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `NetworkConnectionProfileType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkConnectionProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn: Option<Apn>,
    pub ocpp_version: OcppVersionEnum,
    pub ocpp_transport: OcppTransportEnum,
    pub ocpp_csms_url: CiString<512>,
    pub message_timeout: i32,
    pub security_profile: i32,
    pub ocpp_interface: OcppInterfaceEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpn: Option<Vpn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ReportDataType`: one variable of a component in a NotifyReport: its attributes (1 to 4:
/// Actual, Target, MinSet, MaxSet) and, optionally, its characteristics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportData {
    pub component: Component,
    pub variable: Variable,
    pub variable_attribute: Vec<VariableAttribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_characteristics: Option<VariableCharacteristics>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ReportData {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "variableAttribute", self.variable_attribute.len(), 1, 4)?;
        Ok(())
    }
}

/// `SetVariableDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVariableData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<AttributeEnum>,
    pub attribute_value: CiString<1000>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetVariableResultType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVariableResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<AttributeEnum>,
    pub attribute_status: SetVariableStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_status_info: Option<StatusInfo>,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VariableAttributeType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VariableAttribute {
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "type")]
    pub kind: Option<AttributeEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CiString<2500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutability: Option<MutabilityEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constant: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VariableCharacteristicsType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VariableCharacteristics {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CiString<16>>,
    pub data_type: DataEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_limit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_limit: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values_list: Option<CiString<1000>>,
    pub supports_monitoring: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VPNType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Vpn {
    pub server: CiString<512>,
    pub user: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<CiString<20>>,
    pub password: CiString<20>,
    pub key: CiString<255>,
    #[serde(rename = "type")]
    pub kind: VpnEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
