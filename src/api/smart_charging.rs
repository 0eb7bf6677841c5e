//! Smart Charging in the API: charging profiles as input and output types, the commands that
//! install and clear them and read the composite schedule (mutations), and the profiles
//! chargegate recorded for a station (query, staff). The same inputs and results serve an OCPP
//! 2.0.1 station: the use case translates (`use_case::smart_charging`).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::charging_profile;

use super::{
    command::on_behalf,
    enums,
    error::ApiError,
    guard::{app, staff_for},
    pagination::list_limit,
};
use crate::use_case::smart_charging;
use ocpp::v16;

/// `ChargingSchedulePeriod`: from `startPeriod` seconds after the schedule's start, `limit`.
#[derive(SimpleObject, InputObject, Clone, Debug)]
#[graphql(input_name = "ChargingSchedulePeriodInput")]
pub struct ChargingSchedulePeriod {
    pub start_period: i32,
    /// Amperes or watts (the schedule's unit), at most one decimal.
    pub limit: f64,
    pub number_phases: Option<i32>,
}

/// `ChargingSchedule`.
#[derive(SimpleObject, InputObject, Clone, Debug)]
#[graphql(input_name = "ChargingScheduleInput")]
pub struct ChargingSchedule {
    /// Seconds; absent: the last period lasts until the profile ends.
    pub duration: Option<i32>,
    pub start_schedule: Option<DateTime<Utc>>,
    pub charging_rate_unit: enums::ChargingRateUnit,
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    pub min_charging_rate: Option<f64>,
}

/// `ChargingProfile`.
#[derive(SimpleObject, InputObject, Clone, Debug)]
#[graphql(input_name = "ChargingProfileInput")]
pub struct ChargingProfile {
    pub charging_profile_id: i32,
    /// Only for a TX_PROFILE.
    pub transaction_id: Option<i32>,
    /// 0 is the lowest; higher levels take precedence.
    pub stack_level: i32,
    pub charging_profile_purpose: enums::ChargingProfilePurpose,
    pub charging_profile_kind: enums::ChargingProfileKind,
    pub recurrency_kind: Option<enums::RecurrencyKind>,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_to: Option<DateTime<Utc>>,
    pub charging_schedule: ChargingSchedule,
}

impl From<ChargingSchedule> for v16::ChargingSchedule {
    fn from(s: ChargingSchedule) -> Self {
        Self {
            duration: s.duration,
            start_schedule: s.start_schedule.map(v16::Timestamp),
            charging_rate_unit: s.charging_rate_unit.into(),
            charging_schedule_period: s
                .charging_schedule_period
                .into_iter()
                .map(|p| v16::ChargingSchedulePeriod {
                    start_period: p.start_period,
                    limit: p.limit,
                    number_phases: p.number_phases,
                })
                .collect(),
            min_charging_rate: s.min_charging_rate,
        }
    }
}

impl From<v16::ChargingSchedule> for ChargingSchedule {
    fn from(s: v16::ChargingSchedule) -> Self {
        Self {
            duration: s.duration,
            start_schedule: s.start_schedule.map(|t| t.0),
            charging_rate_unit: s.charging_rate_unit.into(),
            charging_schedule_period: s
                .charging_schedule_period
                .into_iter()
                .map(|p| ChargingSchedulePeriod {
                    start_period: p.start_period,
                    limit: p.limit,
                    number_phases: p.number_phases,
                })
                .collect(),
            min_charging_rate: s.min_charging_rate,
        }
    }
}

impl From<ChargingProfile> for v16::ChargingProfile {
    fn from(p: ChargingProfile) -> Self {
        Self {
            charging_profile_id: p.charging_profile_id,
            transaction_id: p.transaction_id,
            stack_level: p.stack_level,
            charging_profile_purpose: p.charging_profile_purpose.into(),
            charging_profile_kind: p.charging_profile_kind.into(),
            recurrency_kind: p.recurrency_kind.map(Into::into),
            valid_from: p.valid_from.map(v16::Timestamp),
            valid_to: p.valid_to.map(v16::Timestamp),
            charging_schedule: p.charging_schedule.into(),
        }
    }
}

impl From<v16::ChargingProfile> for ChargingProfile {
    fn from(p: v16::ChargingProfile) -> Self {
        Self {
            charging_profile_id: p.charging_profile_id,
            transaction_id: p.transaction_id,
            stack_level: p.stack_level,
            charging_profile_purpose: p.charging_profile_purpose.into(),
            charging_profile_kind: p.charging_profile_kind.into(),
            recurrency_kind: p.recurrency_kind.map(Into::into),
            valid_from: p.valid_from.map(|t| t.0),
            valid_to: p.valid_to.map(|t| t.0),
            charging_schedule: p.charging_schedule.into(),
        }
    }
}

/// A charging profile chargegate sent and the station accepted.
pub struct StoredChargingProfile(charging_profile::Model);

#[Object]
impl StoredChargingProfile {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    /// 0: the whole station (OCPP 2.0.1: the EVSE id).
    async fn connector_id(&self) -> i32 {
        self.0.connector_id
    }
    /// `INSTALLED`, or how it ended: `REPLACED`, `CLEARED`, `ENDED` (its transaction stopped).
    async fn state(&self) -> String {
        self.0.state.to_uppercase()
    }
    async fn installed_at(&self) -> DateTime<Utc> {
        self.0.installed_at
    }
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
    /// The profile as sent.
    async fn profile(&self) -> Result<ChargingProfile> {
        let profile: v16::ChargingProfile = serde_json::from_str(&self.0.profile).map_err(|e| {
            tracing::error!(id = self.0.id, error = %e, "stored charging profile unreadable");
            ApiError::Internal
        })?;
        Ok(profile.into())
    }
}

#[derive(SimpleObject)]
pub struct SetChargingProfileResult {
    pub status: enums::ChargingProfileStatus,
}

#[derive(SimpleObject)]
pub struct ClearChargingProfileResult {
    pub status: enums::ClearChargingProfileStatus,
}

#[derive(SimpleObject)]
pub struct GetCompositeScheduleResult {
    pub status: enums::GetCompositeScheduleStatus,
    pub connector_id: Option<i32>,
    pub schedule_start: Option<DateTime<Utc>>,
    pub charging_schedule: Option<ChargingSchedule>,
}

#[derive(Default)]
pub struct SmartChargingMutation;

#[Object]
impl SmartChargingMutation {
    /// Smart Charging: installs a charging profile on a connector (0: the whole station).
    /// OCPP 2.0.1: the connector is the EVSE, a CHARGE_POINT_MAX_PROFILE is the
    /// ChargingStationMaxProfile, and a TX_PROFILE goes with the station's own id of the
    /// transaction `transactionId` names, or of the one running on the EVSE; 2.0.1's own rules
    /// (K01) are checked before sending (`BAD_USER_INPUT`).
    async fn set_charging_profile(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
        profile: ChargingProfile,
    ) -> Result<SetChargingProfileResult> {
        let status = on_behalf(ctx)?
            .set_charging_profile(&station_id, connector_id, profile.into())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SetChargingProfileResult {
            status: status.into(),
        })
    }

    /// Smart Charging: clears the profile `id`, or every profile matching the criteria given
    /// (none: all of them). OCPP 2.0.1: `id` alone is sent when given (the criteria then do
    /// not apply, as on 1.6), else the criteria, with the connector as the EVSE.
    async fn clear_charging_profile(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        id: Option<i32>,
        connector_id: Option<i32>,
        charging_profile_purpose: Option<enums::ChargingProfilePurpose>,
        stack_level: Option<i32>,
    ) -> Result<ClearChargingProfileResult> {
        let filter = smart_charging::ClearFilter {
            id,
            connector_id,
            purpose: charging_profile_purpose.map(Into::into),
            stack_level,
        };
        let status = on_behalf(ctx)?
            .clear_charging_profile(&station_id, filter)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ClearChargingProfileResult {
            status: status.into(),
        })
    }

    /// Smart Charging: the schedule the station will follow on a connector for the next
    /// `duration` seconds. OCPP 2.0.1: of the EVSE (0: the station's total); its schedule's
    /// periods come as `chargingSchedule`, `phaseToUse` left out.
    async fn get_composite_schedule(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
        duration: i32,
        charging_rate_unit: Option<enums::ChargingRateUnit>,
    ) -> Result<GetCompositeScheduleResult> {
        let answer = on_behalf(ctx)?
            .get_composite_schedule(
                &station_id,
                connector_id,
                duration,
                charging_rate_unit.map(Into::into),
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetCompositeScheduleResult {
            status: answer.status.into(),
            connector_id: answer.connector_id,
            schedule_start: answer.schedule_start.map(|t| t.0),
            charging_schedule: answer.charging_schedule.map(Into::into),
        })
    }
}

#[derive(Default)]
pub struct SmartChargingQuery;

#[Object]
impl SmartChargingQuery {
    /// The charging profiles a station holds, newest first (with `includeEnded`, also those
    /// replaced, cleared or ended).
    async fn charging_profiles(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = false)] include_ended: bool,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<StoredChargingProfile>> {
        staff_for(ctx, &station_id)?;
        let rows = smart_charging::list(app(ctx), &station_id, include_ended, list_limit(limit)?)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(StoredChargingProfile).collect())
    }
}
