//! Smart charging (block K): charging profiles, composite schedules, external limits and the EV's
//! charging needs and schedule.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// SetChargingProfile

/// SetChargingProfile request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetChargingProfileRequest {
    pub evse_id: i32,
    pub charging_profile: ChargingProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SetChargingProfileRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.charging_profile
            .check_at(At::Field(&at, "chargingProfile"))?;
        Ok(())
    }
}

impl Payload for SetChargingProfileRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(SetChargingProfileRequest => SetChargingProfileResponse, "SetChargingProfile");

/// SetChargingProfile response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetChargingProfileResponse {
    pub status: ChargingProfileStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetChargingProfileResponse {}

// ClearChargingProfile

/// ClearChargingProfile request (a command, CSMS → station).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearChargingProfileRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_criteria: Option<ClearChargingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearChargingProfileRequest {}
command!(ClearChargingProfileRequest => ClearChargingProfileResponse, "ClearChargingProfile");

/// ClearChargingProfile response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearChargingProfileResponse {
    pub status: ClearChargingProfileStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearChargingProfileResponse {}

// GetChargingProfiles

/// GetChargingProfiles request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetChargingProfilesRequest {
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    pub charging_profile: ChargingProfileCriterion,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetChargingProfilesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.charging_profile
            .check_at(At::Field(&at, "chargingProfile"))?;
        Ok(())
    }
}

impl Payload for GetChargingProfilesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(GetChargingProfilesRequest => GetChargingProfilesResponse, "GetChargingProfiles");

/// GetChargingProfiles response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetChargingProfilesResponse {
    pub status: GetChargingProfileStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetChargingProfilesResponse {}

// ReportChargingProfiles

/// ReportChargingProfiles request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportChargingProfilesRequest {
    pub request_id: i32,
    pub charging_limit_source: ChargingLimitSourceEnum,
    pub charging_profile: Vec<ChargingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub evse_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ReportChargingProfilesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "chargingProfile",
            self.charging_profile.len(),
            1,
            usize::MAX,
        )?;
        each(at, "chargingProfile", &self.charging_profile)?;
        Ok(())
    }
}

impl Payload for ReportChargingProfilesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// ReportChargingProfiles response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportChargingProfilesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ReportChargingProfilesResponse {}

// GetCompositeSchedule

/// GetCompositeSchedule request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetCompositeScheduleRequest {
    pub duration: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_rate_unit: Option<ChargingRateUnitEnum>,
    pub evse_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetCompositeScheduleRequest {}
command!(GetCompositeScheduleRequest => GetCompositeScheduleResponse, "GetCompositeSchedule");

/// GetCompositeSchedule response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetCompositeScheduleResponse {
    pub status: GenericStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<CompositeSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetCompositeScheduleResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.schedule {
            v.check_at(At::Field(&at, "schedule"))?;
        }
        Ok(())
    }
}

impl Payload for GetCompositeScheduleResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// NotifyChargingLimit

/// NotifyChargingLimit request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyChargingLimitRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_schedule: Option<Vec<ChargingSchedule>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    pub charging_limit: ChargingLimit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyChargingLimitRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.charging_schedule {
            count(at, "chargingSchedule", v.len(), 1, usize::MAX)?;
            each(at, "chargingSchedule", v)?;
        }
        Ok(())
    }
}

impl Payload for NotifyChargingLimitRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyChargingLimit response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyChargingLimitResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyChargingLimitResponse {}

// ClearedChargingLimit

/// ClearedChargingLimit request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearedChargingLimitRequest {
    pub charging_limit_source: ChargingLimitSourceEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearedChargingLimitRequest {}

/// ClearedChargingLimit response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearedChargingLimitResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearedChargingLimitResponse {}

// NotifyEVChargingNeeds

/// NotifyEVChargingNeeds request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyEVChargingNeedsRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_schedule_tuples: Option<i32>,
    pub charging_needs: ChargingNeeds,
    pub evse_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyEVChargingNeedsRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.charging_needs
            .check_at(At::Field(&at, "chargingNeeds"))?;
        Ok(())
    }
}

impl Payload for NotifyEVChargingNeedsRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyEVChargingNeeds response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyEVChargingNeedsResponse {
    pub status: NotifyEvChargingNeedsStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyEVChargingNeedsResponse {}

// NotifyEVChargingSchedule

/// NotifyEVChargingSchedule request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyEVChargingScheduleRequest {
    pub time_base: Timestamp,
    pub charging_schedule: ChargingSchedule,
    pub evse_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyEVChargingScheduleRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.charging_schedule
            .check_at(At::Field(&at, "chargingSchedule"))?;
        Ok(())
    }
}

impl Payload for NotifyEVChargingScheduleRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyEVChargingSchedule response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyEVChargingScheduleResponse {
    pub status: GenericStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyEVChargingScheduleResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `ChargingProfileStatusEnumType`.
    ChargingProfileStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `ClearChargingProfileStatusEnumType`.
    ClearChargingProfileStatusEnum {
        Accepted = "Accepted",
        Unknown = "Unknown",
    }
);

ocpp_enum!(
    /// `EnergyTransferModeEnumType`.
    EnergyTransferModeEnum {
        Dc = "DC",
        AcSinglePhase = "AC_single_phase",
        AcTwoPhase = "AC_two_phase",
        AcThreePhase = "AC_three_phase",
    }
);

ocpp_enum!(
    /// `GetChargingProfileStatusEnumType`.
    GetChargingProfileStatusEnum {
        Accepted = "Accepted",
        NoProfiles = "NoProfiles",
    }
);

ocpp_enum!(
    /// `NotifyEVChargingNeedsStatusEnumType`.
    NotifyEvChargingNeedsStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        Processing = "Processing",
    }
);

/// `ACChargingParametersType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcChargingParameters {
    pub energy_amount: i32,
    pub ev_min_current: i32,
    pub ev_max_current: i32,
    pub ev_max_voltage: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingLimitType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingLimit {
    pub charging_limit_source: ChargingLimitSourceEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_grid_critical: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingNeedsType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingNeeds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ac_charging_parameters: Option<AcChargingParameters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dc_charging_parameters: Option<DcChargingParameters>,
    pub requested_energy_transfer: EnergyTransferModeEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ChargingNeeds {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.dc_charging_parameters {
            v.check_at(At::Field(&at, "dcChargingParameters"))?;
        }
        Ok(())
    }
}

/// `ChargingProfileCriterionType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingProfileCriterion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurposeEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_id: Option<Vec<i32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_limit_source: Option<Vec<ChargingLimitSourceEnum>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ChargingProfileCriterion {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.charging_profile_id {
            count(at, "chargingProfileId", v.len(), 1, usize::MAX)?;
        }
        if let Some(v) = &self.charging_limit_source {
            count(at, "chargingLimitSource", v.len(), 1, 4)?;
        }
        Ok(())
    }
}

/// `ClearChargingProfileType`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearChargingProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurposeEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CompositeScheduleType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompositeSchedule {
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    pub evse_id: i32,
    pub duration: i32,
    pub schedule_start: Timestamp,
    pub charging_rate_unit: ChargingRateUnitEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for CompositeSchedule {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "chargingSchedulePeriod",
            self.charging_schedule_period.len(),
            1,
            usize::MAX,
        )?;
        Ok(())
    }
}

/// `DCChargingParametersType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DcChargingParameters {
    pub ev_max_current: i32,
    pub ev_max_voltage: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_amount: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_max_power: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_of_charge: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_energy_capacity: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "fullSoC")]
    pub full_soc: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "bulkSoC")]
    pub bulk_soc: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for DcChargingParameters {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.state_of_charge {
            range(at, "stateOfCharge", *v, 0, 100)?;
        }
        if let Some(v) = &self.full_soc {
            range(at, "fullSoC", *v, 0, 100)?;
        }
        if let Some(v) = &self.bulk_soc {
            range(at, "bulkSoC", *v, 0, 100)?;
        }
        Ok(())
    }
}
