//! Diagnostics (block N): logs, events, monitoring (set, clear, report) and customer information.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// GetLog

/// GetLog request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetLogRequest {
    pub log: LogParameters,
    pub log_type: LogEnum,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetLogRequest {}
command!(GetLogRequest => GetLogResponse, "GetLog");

/// GetLog response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetLogResponse {
    pub status: LogStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetLogResponse {}

// LogStatusNotification

/// LogStatusNotification request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogStatusNotificationRequest {
    pub status: UploadLogStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for LogStatusNotificationRequest {}

/// LogStatusNotification response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for LogStatusNotificationResponse {}

// NotifyEvent

/// NotifyEvent request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyEventRequest {
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: i32,
    pub event_data: Vec<EventData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyEventRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "eventData", self.event_data.len(), 1, usize::MAX)?;
        Ok(())
    }
}

impl Payload for NotifyEventRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyEvent response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyEventResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyEventResponse {}

// SetMonitoringBase

/// SetMonitoringBase request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetMonitoringBaseRequest {
    pub monitoring_base: MonitoringBaseEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetMonitoringBaseRequest {}
command!(SetMonitoringBaseRequest => SetMonitoringBaseResponse, "SetMonitoringBase");

/// SetMonitoringBase response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetMonitoringBaseResponse {
    pub status: GenericDeviceModelStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetMonitoringBaseResponse {}

// SetMonitoringLevel

/// SetMonitoringLevel request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetMonitoringLevelRequest {
    pub severity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetMonitoringLevelRequest {}
command!(SetMonitoringLevelRequest => SetMonitoringLevelResponse, "SetMonitoringLevel");

/// SetMonitoringLevel response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetMonitoringLevelResponse {
    pub status: GenericStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetMonitoringLevelResponse {}

// SetVariableMonitoring

/// SetVariableMonitoring request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVariableMonitoringRequest {
    pub set_monitoring_data: Vec<SetMonitoringData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SetVariableMonitoringRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "setMonitoringData",
            self.set_monitoring_data.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for SetVariableMonitoringRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(SetVariableMonitoringRequest => SetVariableMonitoringResponse, "SetVariableMonitoring");

/// SetVariableMonitoring response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVariableMonitoringResponse {
    pub set_monitoring_result: Vec<SetMonitoringResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SetVariableMonitoringResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "setMonitoringResult",
            self.set_monitoring_result.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for SetVariableMonitoringResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// ClearVariableMonitoring

/// ClearVariableMonitoring request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearVariableMonitoringRequest {
    pub id: Vec<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ClearVariableMonitoringRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "id", self.id.len(), 1, usize::MAX)?;
        Ok(())
    }
}

impl Payload for ClearVariableMonitoringRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(ClearVariableMonitoringRequest => ClearVariableMonitoringResponse, "ClearVariableMonitoring");

/// ClearVariableMonitoring response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearVariableMonitoringResponse {
    pub clear_monitoring_result: Vec<ClearMonitoringResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ClearVariableMonitoringResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "clearMonitoringResult",
            self.clear_monitoring_result.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

impl Payload for ClearVariableMonitoringResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// GetMonitoringReport

/// GetMonitoringReport request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetMonitoringReportRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_variable: Option<Vec<ComponentVariable>>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_criteria: Option<Vec<MonitoringCriterionEnum>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetMonitoringReportRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.component_variable {
            count(at, "componentVariable", v.len(), 1, usize::MAX)?;
        }
        if let Some(v) = &self.monitoring_criteria {
            count(at, "monitoringCriteria", v.len(), 1, 3)?;
        }
        Ok(())
    }
}

impl Payload for GetMonitoringReportRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(GetMonitoringReportRequest => GetMonitoringReportResponse, "GetMonitoringReport");

/// GetMonitoringReport response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetMonitoringReportResponse {
    pub status: GenericDeviceModelStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetMonitoringReportResponse {}

// NotifyMonitoringReport

/// NotifyMonitoringReport request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyMonitoringReportRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitor: Option<Vec<MonitoringData>>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: i32,
    pub generated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyMonitoringReportRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.monitor {
            count(at, "monitor", v.len(), 1, usize::MAX)?;
            each(at, "monitor", v)?;
        }
        Ok(())
    }
}

impl Payload for NotifyMonitoringReportRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyMonitoringReport response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyMonitoringReportResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyMonitoringReportResponse {}

// CustomerInformation

/// CustomerInformation request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerInformationRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_certificate: Option<CertificateHashData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdToken>,
    pub request_id: i32,
    pub report: bool,
    pub clear: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_identifier: Option<CiString<64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for CustomerInformationRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.id_token {
            v.check_at(At::Field(&at, "idToken"))?;
        }
        Ok(())
    }
}

impl Payload for CustomerInformationRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(CustomerInformationRequest => CustomerInformationResponse, "CustomerInformation");

/// CustomerInformation response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerInformationResponse {
    pub status: CustomerInformationStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CustomerInformationResponse {}

// NotifyCustomerInformation

/// NotifyCustomerInformation request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyCustomerInformationRequest {
    pub data: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub seq_no: i32,
    pub generated_at: Timestamp,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyCustomerInformationRequest {}

/// NotifyCustomerInformation response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyCustomerInformationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyCustomerInformationResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `ClearMonitoringStatusEnumType`.
    ClearMonitoringStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        NotFound = "NotFound",
    }
);

ocpp_enum!(
    /// `CustomerInformationStatusEnumType`.
    CustomerInformationStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        Invalid = "Invalid",
    }
);

ocpp_enum!(
    /// `EventNotificationEnumType`.
    EventNotificationEnum {
        HardWiredNotification = "HardWiredNotification",
        HardWiredMonitor = "HardWiredMonitor",
        PreconfiguredMonitor = "PreconfiguredMonitor",
        CustomMonitor = "CustomMonitor",
    }
);

ocpp_enum!(
    /// `EventTriggerEnumType`.
    EventTriggerEnum {
        Alerting = "Alerting",
        Delta = "Delta",
        Periodic = "Periodic",
    }
);

ocpp_enum!(
    /// `LogEnumType`.
    LogEnum {
        DiagnosticsLog = "DiagnosticsLog",
        SecurityLog = "SecurityLog",
    }
);

ocpp_enum!(
    /// `LogStatusEnumType`.
    LogStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        AcceptedCanceled = "AcceptedCanceled",
    }
);

ocpp_enum!(
    /// `MonitoringBaseEnumType`.
    MonitoringBaseEnum {
        All = "All",
        FactoryDefault = "FactoryDefault",
        HardWiredOnly = "HardWiredOnly",
    }
);

ocpp_enum!(
    /// `MonitoringCriterionEnumType`.
    MonitoringCriterionEnum {
        ThresholdMonitoring = "ThresholdMonitoring",
        DeltaMonitoring = "DeltaMonitoring",
        PeriodicMonitoring = "PeriodicMonitoring",
    }
);

ocpp_enum!(
    /// `SetMonitoringStatusEnumType`.
    SetMonitoringStatusEnum {
        Accepted = "Accepted",
        UnknownComponent = "UnknownComponent",
        UnknownVariable = "UnknownVariable",
        UnsupportedMonitorType = "UnsupportedMonitorType",
        Rejected = "Rejected",
        Duplicate = "Duplicate",
    }
);

ocpp_enum!(
    /// `UploadLogStatusEnumType`.
    UploadLogStatusEnum {
        BadMessage = "BadMessage",
        Idle = "Idle",
        NotSupportedOperation = "NotSupportedOperation",
        PermissionDenied = "PermissionDenied",
        Uploaded = "Uploaded",
        UploadFailure = "UploadFailure",
        Uploading = "Uploading",
        AcceptedCanceled = "AcceptedCanceled",
    }
);

/// `ClearMonitoringResultType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearMonitoringResult {
    pub status: ClearMonitoringStatusEnum,
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EventDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventData {
    pub event_id: i32,
    pub timestamp: Timestamp,
    pub trigger: EventTriggerEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<i32>,
    pub actual_value: CiString<2500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_code: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_info: Option<CiString<500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleared: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    pub component: Component,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable_monitoring_id: Option<i32>,
    pub event_notification_type: EventNotificationEnum,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `LogParametersType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogParameters {
    pub remote_location: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MonitoringDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MonitoringData {
    pub component: Component,
    pub variable: Variable,
    pub variable_monitoring: Vec<VariableMonitoring>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for MonitoringData {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "variableMonitoring",
            self.variable_monitoring.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

/// `SetMonitoringDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetMonitoringData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction: Option<bool>,
    pub value: f64,
    #[serde(rename = "type")]
    pub kind: MonitorEnum,
    pub severity: i32,
    pub component: Component,
    pub variable: Variable,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SetMonitoringResultType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetMonitoringResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    pub status: SetMonitoringStatusEnum,
    #[serde(rename = "type")]
    pub kind: MonitorEnum,
    pub component: Component,
    pub variable: Variable,
    pub severity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VariableMonitoringType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VariableMonitoring {
    pub id: i32,
    pub transaction: bool,
    pub value: f64,
    #[serde(rename = "type")]
    pub kind: MonitorEnum,
    pub severity: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
