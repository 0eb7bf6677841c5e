//! What OCPP 2.0.1 stations report about charging, in the API as fields of `Station` (staff
//! only): the charging profiles a station reported holding (`reportedChargingProfiles`), the
//! external limits in force on it (`chargingLimits`) and its EVs' charging needs
//! (`evChargingNeeds`), newest first and at most `limit` (1 to the list maximum) of them.

use async_graphql::{Context, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{charging_limit, ev_charging_need, reported_charging_profile as reported};

use super::{
    device_model::mirror_as,
    enums,
    error::ApiError,
    guard::{app, staff_for},
    pagination::list_limit,
    provisioning::{ChargingLimitSourceEnum, ChargingProfilePurposeEnum},
};
use crate::use_case::charging_report;
use ocpp::v16;
use ocpp::v201 as wire;

mirror_as!(
    /// How the EV asks to be charged: DC, or AC on one, two or three phases.
    "EnergyTransferMode" EnergyTransferModeEnum {
        #[graphql(name = "DC")]
        Dc,
        #[graphql(name = "AC_SINGLE_PHASE")]
        AcSinglePhase,
        #[graphql(name = "AC_TWO_PHASE")]
        AcTwoPhase,
        #[graphql(name = "AC_THREE_PHASE")]
        AcThreePhase
    }
);

/// One period of an OCPP 2.0.1 charging schedule: from `startPeriod` seconds after the
/// schedule's start, `limit`.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "ChargingSchedulePeriodV201")]
pub struct SchedulePeriod {
    pub start_period: i32,
    /// Amperes or watts (the schedule's unit).
    pub limit: f64,
    pub number_phases: Option<i32>,
    /// The phase used when `numberPhases` is 1 and the EVSE can switch phases.
    pub phase_to_use: Option<i32>,
}

/// An OCPP 2.0.1 charging schedule as the station sent it (its ISO 15118 sales tariff, if
/// any, left out).
#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "ChargingScheduleV201")]
pub struct Schedule {
    pub id: i32,
    pub start_schedule: Option<DateTime<Utc>>,
    /// Seconds; absent: the last period lasts until the profile ends.
    pub duration: Option<i32>,
    pub charging_rate_unit: enums::ChargingRateUnit,
    pub charging_schedule_period: Vec<SchedulePeriod>,
    pub min_charging_rate: Option<f64>,
}

fn unit(u: wire::ChargingRateUnitEnum) -> enums::ChargingRateUnit {
    match u {
        wire::ChargingRateUnitEnum::A => v16::ChargingRateUnit::A.into(),
        wire::ChargingRateUnitEnum::W => v16::ChargingRateUnit::W.into(),
    }
}

impl From<wire::ChargingSchedule> for Schedule {
    fn from(s: wire::ChargingSchedule) -> Self {
        Self {
            id: s.id,
            start_schedule: s.start_schedule.map(|t| t.0),
            duration: s.duration,
            charging_rate_unit: unit(s.charging_rate_unit),
            charging_schedule_period: s
                .charging_schedule_period
                .into_iter()
                .map(|p| SchedulePeriod {
                    start_period: p.start_period,
                    limit: p.limit,
                    number_phases: p.number_phases,
                    phase_to_use: p.phase_to_use,
                })
                .collect(),
            min_charging_rate: s.min_charging_rate,
        }
    }
}

/// A stored JSON value read back; `None` (and a log line) when unreadable.
fn read<T: serde::de::DeserializeOwned>(json: Option<&str>, what: &str, id: i32) -> Option<T> {
    let json = json?;
    serde_json::from_str(json)
        .inspect_err(|e| tracing::error!(id, what, error = %e, "stored charging report unreadable"))
        .ok()
}

/// A charging profile an OCPP 2.0.1 station reported holding (ReportChargingProfiles, after
/// `getChargingProfiles`), as it last reported it. It may have been set by chargegate (then it
/// is also in `chargingProfiles`) or by another party (its `chargingLimitSource`).
#[derive(SimpleObject)]
pub struct ReportedChargingProfile {
    /// 0: the station as a whole.
    pub evse_id: i32,
    /// Who set it (`CSO`: the operator, e.g. through chargegate).
    pub charging_limit_source: Option<ChargingLimitSourceEnum>,
    pub charging_profile_id: i32,
    pub stack_level: i32,
    pub charging_profile_purpose: Option<ChargingProfilePurposeEnum>,
    pub charging_profile_kind: Option<enums::ChargingProfileKind>,
    pub recurrency_kind: Option<enums::RecurrencyKind>,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_to: Option<DateTime<Utc>>,
    /// A `TxProfile`'s transaction, by the station's own id.
    pub transaction_id: Option<String>,
    /// The schedules (1 to 3); null when the profile was longer than `--max-charging-payload`
    /// and only the fields above were kept.
    pub charging_schedule: Option<Vec<Schedule>>,
    /// The getChargingProfiles request the report answered.
    pub request_id: i32,
    pub reported_at: DateTime<Utc>,
}

impl From<reported::Model> for ReportedChargingProfile {
    fn from(r: reported::Model) -> Self {
        let profile: Option<wire::ChargingProfile> =
            read(r.profile.as_deref(), "reported charging profile", r.id);
        let (recurrency, from, to, schedules) = match profile {
            Some(p) => (
                p.recurrency_kind
                    .and_then(|k| v16::RecurrencyKind::from_wire(k.as_str()))
                    .map(Into::into),
                p.valid_from.map(|t| t.0),
                p.valid_to.map(|t| t.0),
                Some(p.charging_schedule.into_iter().map(Into::into).collect()),
            ),
            None => (None, None, None, None),
        };
        Self {
            evse_id: r.evse_id,
            charging_limit_source: wire::ChargingLimitSourceEnum::from_wire(
                &r.charging_limit_source,
            )
            .map(Into::into),
            charging_profile_id: r.charging_profile_id,
            stack_level: r.stack_level,
            charging_profile_purpose: wire::ChargingProfilePurposeEnum::from_wire(&r.purpose)
                .map(Into::into),
            charging_profile_kind: v16::ChargingProfileKind::from_wire(&r.kind).map(Into::into),
            recurrency_kind: recurrency,
            valid_from: from,
            valid_to: to,
            transaction_id: r.transaction_id,
            charging_schedule: schedules,
            request_id: r.request_id,
            reported_at: r.reported_at,
        }
    }
}

/// An external charging limit in force on an OCPP 2.0.1 station or one of its EVSEs
/// (NotifyChargingLimit), until the station reports it cleared (ClearedChargingLimit).
#[derive(SimpleObject)]
pub struct ExternalChargingLimit {
    /// 0: the station as a whole.
    pub evse_id: i32,
    /// Who set it: an energy management system, the system operator, the charging station
    /// operator, or another.
    pub charging_limit_source: Option<ChargingLimitSourceEnum>,
    /// Set for reasons of grid stability.
    pub is_grid_critical: Option<bool>,
    /// The limit's schedules, when sent and kept.
    pub charging_schedule: Option<Vec<Schedule>>,
    /// Schedules were sent but were longer than `--max-charging-payload`: not kept.
    pub schedules_omitted: bool,
    pub notified_at: DateTime<Utc>,
}

impl From<charging_limit::Model> for ExternalChargingLimit {
    fn from(r: charging_limit::Model) -> Self {
        let schedules: Option<Vec<wire::ChargingSchedule>> =
            read(r.schedules.as_deref(), "charging limit schedules", r.id);
        Self {
            evse_id: r.evse_id,
            charging_limit_source: wire::ChargingLimitSourceEnum::from_wire(
                &r.charging_limit_source,
            )
            .map(Into::into),
            is_grid_critical: r.is_grid_critical,
            charging_schedule: schedules.map(|s| s.into_iter().map(Into::into).collect()),
            schedules_omitted: r.schedules_omitted,
            notified_at: r.notified_at,
        }
    }
}

/// An AC EV's charging parameters (ISO 15118).
#[derive(SimpleObject)]
pub struct AcChargingParameters {
    /// Wh the EV needs.
    pub energy_amount: i32,
    /// A.
    pub ev_min_current: i32,
    /// A.
    pub ev_max_current: i32,
    /// V.
    pub ev_max_voltage: i32,
}

/// A DC EV's charging parameters (ISO 15118).
#[derive(SimpleObject)]
pub struct DcChargingParameters {
    /// A.
    pub ev_max_current: i32,
    /// V.
    pub ev_max_voltage: i32,
    /// Wh the EV needs.
    pub energy_amount: Option<i32>,
    /// W.
    pub ev_max_power: Option<i32>,
    /// Percent.
    pub state_of_charge: Option<i32>,
    /// Wh.
    pub ev_energy_capacity: Option<i32>,
    /// Percent at which the EV is full.
    #[graphql(name = "fullSoC")]
    pub full_soc: Option<i32>,
    /// Percent at which bulk charging ends.
    #[graphql(name = "bulkSoC")]
    pub bulk_soc: Option<i32>,
}

/// What the EV on an EVSE of an OCPP 2.0.1 station last said it needs (NotifyEVChargingNeeds,
/// ISO 15118). chargegate plans no schedule for it (the message is answered `Rejected`).
#[derive(SimpleObject)]
pub struct EvChargingNeeds {
    pub evse_id: i32,
    pub requested_energy_transfer: Option<EnergyTransferModeEnum>,
    /// When the EV wants to leave.
    pub departure_time: Option<DateTime<Utc>>,
    /// How many schedules the EV accepts at most.
    pub max_schedule_tuples: Option<i32>,
    pub ac_charging_parameters: Option<AcChargingParameters>,
    pub dc_charging_parameters: Option<DcChargingParameters>,
    pub received_at: DateTime<Utc>,
}

impl From<ev_charging_need::Model> for EvChargingNeeds {
    fn from(r: ev_charging_need::Model) -> Self {
        let ac: Option<wire::AcChargingParameters> =
            read(r.ac_parameters.as_deref(), "AC charging parameters", r.id);
        let dc: Option<wire::DcChargingParameters> =
            read(r.dc_parameters.as_deref(), "DC charging parameters", r.id);
        Self {
            evse_id: r.evse_id,
            requested_energy_transfer: wire::EnergyTransferModeEnum::from_wire(
                &r.requested_energy_transfer,
            )
            .map(Into::into),
            departure_time: r.departure_time,
            max_schedule_tuples: r.max_schedule_tuples,
            ac_charging_parameters: ac.map(|p| AcChargingParameters {
                energy_amount: p.energy_amount,
                ev_min_current: p.ev_min_current,
                ev_max_current: p.ev_max_current,
                ev_max_voltage: p.ev_max_voltage,
            }),
            dc_charging_parameters: dc.map(|p| DcChargingParameters {
                ev_max_current: p.ev_max_current,
                ev_max_voltage: p.ev_max_voltage,
                energy_amount: p.energy_amount,
                ev_max_power: p.ev_max_power,
                state_of_charge: p.state_of_charge,
                ev_energy_capacity: p.ev_energy_capacity,
                full_soc: p.full_soc,
                bulk_soc: p.bulk_soc,
            }),
            received_at: r.received_at,
        }
    }
}

/// `Station.reportedChargingProfiles`.
pub(super) async fn reported_profiles(
    ctx: &Context<'_>,
    station_id: &str,
    request_id: Option<i32>,
    evse_id: Option<i32>,
    limit: i32,
) -> Result<Vec<ReportedChargingProfile>> {
    staff_for(ctx, station_id)?;
    let rows = charging_report::reported_profiles(
        app(ctx),
        station_id,
        request_id,
        evse_id,
        list_limit(limit)?,
    )
    .await
    .map_err(ApiError::from)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// `Station.chargingLimits`.
pub(super) async fn limits(
    ctx: &Context<'_>,
    station_id: &str,
    limit: i32,
) -> Result<Vec<ExternalChargingLimit>> {
    staff_for(ctx, station_id)?;
    let rows = charging_report::limits_in_force(app(ctx), station_id, list_limit(limit)?)
        .await
        .map_err(ApiError::from)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// `Station.evChargingNeeds`.
pub(super) async fn needs(
    ctx: &Context<'_>,
    station_id: &str,
    limit: i32,
) -> Result<Vec<EvChargingNeeds>> {
    staff_for(ctx, station_id)?;
    let rows = charging_report::needs(app(ctx), station_id, list_limit(limit)?)
        .await
        .map_err(ApiError::from)?;
    Ok(rows.into_iter().map(Into::into).collect())
}
