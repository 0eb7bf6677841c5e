//! Smart Charging use cases: SetChargingProfile, ClearChargingProfile and GetCompositeSchedule
//! on behalf of an operator, and the record of which profiles each station holds.
//!
//! The API's profile is 1.6-shaped; to an OCPP 2.0.1 station it is translated
//! (`connectorId` → `evseId`, `ChargePointMaxProfile` → `ChargingStationMaxProfile`, the one
//! schedule as a one-element list whose `id` is [`SCHEDULE_ID`], a `TxProfile`'s transaction
//! as the station's own id) after the 2.0.1 rules that differ from 1.6 are checked.
//!
//! A profile is stored only once the station has accepted it. Storing follows the station's own
//! rule: a new profile replaces an installed one with the same `chargingProfileId` (1.6 §5.16.3,
//! 2.0.1 K01.FR.05), and on 1.6 also one with the same stack level and purpose on the same
//! connector (2.0.1 rejects such a profile instead, when their validity overlaps). A
//! `TxProfile` ends with its transaction (1.6 §3.13.4, 2.0.1's `Ended` event).

use chrono::{DateTime, Utc};
use entity::charging_profile;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set, sea_query::Expr,
};

use crate::{
    context::Context,
    store::StoreError,
    use_case::command::{OnBehalf, Refused, at_least, same, text},
};
use ocpp::rpc::Version;
use ocpp::v16::{
    ChargingProfile, ChargingProfileKind, ChargingProfilePurpose, ChargingProfileStatus,
    ChargingRateUnit, ChargingSchedule, ChargingSchedulePeriod, ClearChargingProfile,
    ClearChargingProfileStatus, GetCompositeSchedule, GetCompositeScheduleResponse,
    GetCompositeScheduleStatus, ProfileUse, SetChargingProfile,
};
use ocpp::v201;

/// The `id` of the one schedule of a profile sent to an OCPP 2.0.1 station. The API's profile
/// has one schedule and no schedule id; 1 is that schedule's number within its profile, and
/// fits ISO 15118's schedule tuple ids (1 to 255), which a station derives from it.
pub const SCHEDULE_ID: i32 = 1;

/// States of a stored profile.
pub mod state {
    pub const INSTALLED: &str = "Installed";
    pub const REPLACED: &str = "Replaced";
    pub const CLEARED: &str = "Cleared";
    pub const ENDED: &str = "Ended";
}

/// Which profiles a ClearChargingProfile removes: by id, or by every criterion given.
#[derive(Clone, Debug, Default)]
pub struct ClearFilter {
    pub id: Option<i32>,
    pub connector_id: Option<i32>,
    pub purpose: Option<ChargingProfilePurpose>,
    pub stack_level: Option<i32>,
}

impl ClearFilter {
    fn condition(&self, station_id: &str) -> Condition {
        let mut c = Condition::all()
            .add(charging_profile::Column::StationId.eq(station_id))
            .add(charging_profile::Column::State.eq(state::INSTALLED));
        // With an id, the other criteria are ignored (§5.5: a specific profile, or a selection).
        if let Some(id) = self.id {
            return c.add(charging_profile::Column::ChargingProfileId.eq(id));
        }
        if let Some(connector) = self.connector_id {
            c = c.add(charging_profile::Column::ConnectorId.eq(connector));
        }
        if let Some(purpose) = self.purpose {
            c = c.add(charging_profile::Column::Purpose.eq(purpose.as_str()));
        }
        if let Some(level) = self.stack_level {
            c = c.add(charging_profile::Column::StackLevel.eq(level));
        }
        c
    }
}

fn invalid(e: ocpp::v16::ProfileError) -> Refused {
    Refused::Invalid {
        field: "chargingProfile",
        message: format!("{}: {}", e.field, e.message),
    }
}

impl OnBehalf<'_> {
    /// Sends a charging profile; stores it when the station accepts it.
    pub async fn set_charging_profile(
        &self,
        station_id: &str,
        connector_id: i32,
        profile: ChargingProfile,
    ) -> Result<ChargingProfileStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        if version == Version::V201 {
            return self
                .set_charging_profile_v201(station_id, connector_id, profile)
                .await;
        }
        profile
            .validate(ProfileUse::Set { connector_id })
            .map_err(invalid)?;
        let command = SetChargingProfile {
            connector_id,
            cs_charging_profiles: profile.clone(),
        };
        let status = self.send(station_id, command).await?.status;
        if status == ChargingProfileStatus::Accepted {
            store_installed(self.ctx, station_id, connector_id, &profile, Version::V16).await?;
        }
        Ok(status)
    }

    /// SetChargingProfile to a 2.0.1 station: the 2.0.1 rules checked, a `TxProfile` bound to
    /// the EVSE's running transaction (the station's own id sent, our central id stored).
    async fn set_charging_profile_v201(
        &self,
        station_id: &str,
        evse_id: i32,
        mut profile: ChargingProfile,
    ) -> Result<ChargingProfileStatus, Refused> {
        check_v201(&profile, evse_id).map_err(invalid)?;
        profile
            .validate(ProfileUse::Set {
                connector_id: evse_id,
            })
            .map_err(invalid)?;
        let own = if profile.charging_profile_purpose == ChargingProfilePurpose::TxProfile {
            let tx = self
                .running_transaction(station_id, evse_id, profile.transaction_id)
                .await?;
            profile.transaction_id = Some(tx.0);
            Some(text::<36>(&tx.1, "transactionId")?)
        } else {
            None
        };
        let command = v201::SetChargingProfileRequest {
            evse_id,
            charging_profile: profile_v201(&profile, own),
            custom_data: None,
        };
        let status = self.send(station_id, command).await?.status;
        let status = same(status.as_str(), ChargingProfileStatus::Rejected);
        if status == ChargingProfileStatus::Accepted {
            store_installed(self.ctx, station_id, evse_id, &profile, Version::V201).await?;
        }
        Ok(status)
    }

    /// The transaction a 2.0.1 `TxProfile` on `evse_id` is for: `central_id` when given (it
    /// must be running on that EVSE), else the one running there (K01.FR.09: a `TxProfile`
    /// needs a transaction). Returns its central id and the station's own.
    async fn running_transaction(
        &self,
        station_id: &str,
        evse_id: i32,
        central_id: Option<i32>,
    ) -> Result<(i32, String), Refused> {
        use entity::transaction;
        let db = self.ctx.store.reader();
        let tx = match central_id {
            Some(id) => {
                let tx = transaction::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .filter(|t| t.station_id == station_id)
                    .ok_or_else(|| {
                        Refused::NotFound(format!("no transaction {id} on {station_id}"))
                    })?;
                if tx.stop_time.is_some() {
                    return Err(Refused::Invalid {
                        field: "transactionId",
                        message: format!(
                            "transaction {id} has ended: a TxProfile is for a running transaction"
                        ),
                    });
                }
                if tx.connector_id != evse_id {
                    return Err(Refused::Invalid {
                        field: "transactionId",
                        message: format!(
                            "transaction {id} runs on EVSE {}, not on EVSE {evse_id}",
                            tx.connector_id
                        ),
                    });
                }
                tx
            }
            None => transaction::Entity::find()
                .filter(transaction::Column::StationId.eq(station_id))
                .filter(transaction::Column::ConnectorId.eq(evse_id))
                .filter(transaction::Column::StopTime.is_null())
                .order_by_desc(transaction::Column::Id)
                .one(db)
                .await?
                .ok_or_else(|| Refused::Invalid {
                    field: "transactionId",
                    message: format!(
                        "a TxProfile needs a transaction running on EVSE {evse_id}, and none is \
                         (OCPP 2.0.1 K01.FR.09)"
                    ),
                })?,
        };
        let own = tx.station_transaction_id.ok_or_else(|| Refused::Invalid {
            field: "transactionId",
            message: format!("transaction {} was not started by OCPP 2.0.1", tx.id),
        })?;
        Ok((tx.id, own))
    }

    /// Clears profiles on the station; marks the matching stored ones cleared when it accepts.
    pub async fn clear_charging_profile(
        &self,
        station_id: &str,
        filter: ClearFilter,
    ) -> Result<ClearChargingProfileStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        if let Some(c) = filter.connector_id {
            at_least(c, 0, "connectorId")?;
        }
        if let Some(level) = filter.stack_level {
            at_least(level, 0, "stackLevel")?;
        }
        let status = if version == Version::V201 {
            let status = self.send(station_id, clear_v201(&filter)).await?.status;
            same(status.as_str(), ClearChargingProfileStatus::Unknown)
        } else {
            let command = ClearChargingProfile {
                id: filter.id,
                connector_id: filter.connector_id,
                charging_profile_purpose: filter.purpose,
                stack_level: filter.stack_level,
            };
            self.send(station_id, command).await?.status
        };
        if status == ClearChargingProfileStatus::Accepted {
            let condition = filter.condition(station_id);
            let now = Utc::now();
            self.ctx
                .store
                .write(move |txn| {
                    let condition = condition.clone();
                    Box::pin(async move { end(txn, condition, state::CLEARED, now).await })
                })
                .await?;
        }
        Ok(status)
    }

    /// Asks the station for the schedule it will follow on a connector for `duration` seconds.
    pub async fn get_composite_schedule(
        &self,
        station_id: &str,
        connector_id: i32,
        duration: i32,
        charging_rate_unit: Option<ChargingRateUnit>,
    ) -> Result<GetCompositeScheduleResponse, Refused> {
        let version = self.permit(station_id, false).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        let duration = at_least(duration, 1, "duration")?;
        let answer = if version == Version::V201 {
            let command = v201::GetCompositeScheduleRequest {
                duration,
                charging_rate_unit: charging_rate_unit.map(unit_v201),
                evse_id: connector_id,
                custom_data: None,
            };
            composite_v16(self.send(station_id, command).await?)
        } else {
            let command = GetCompositeSchedule {
                connector_id,
                duration,
                charging_rate_unit,
            };
            self.send(station_id, command).await?
        };
        if let Some(schedule) = &answer.charging_schedule
            && let Err(e) = schedule.validate("chargingSchedule")
        {
            // What the station computed is shown as it is, but the oddity is worth a log line.
            tracing::warn!(station = %station_id, field = %e.field, problem = %e.message, "composite schedule breaks a schedule rule");
        }
        Ok(answer)
    }
}

/// The OCPP 2.0.1 rules a 1.6-shaped profile must also meet (Part 2, K01), checked before
/// anything is sent; the 1.6 rules (`ChargingProfile::validate`) are checked after them.
fn check_v201(profile: &ChargingProfile, evse_id: i32) -> Result<(), ocpp::v16::ProfileError> {
    let broken = |field: &str, message: &str| ocpp::v16::ProfileError {
        field: field.to_owned(),
        message: message.to_owned(),
    };
    let purpose = profile.charging_profile_purpose;
    match purpose {
        ChargingProfilePurpose::ChargePointMaxProfile if evse_id != 0 => {
            return Err(broken(
                "evseId",
                "a ChargingStationMaxProfile is set on evseId 0 (the whole station)",
            ));
        }
        ChargingProfilePurpose::TxProfile if evse_id == 0 => {
            return Err(broken(
                "evseId",
                "evseId 0 takes only a ChargingStationMaxProfile or a TxDefaultProfile; a \
                 TxProfile is set on an EVSE above 0 (OCPP 2.0.1 K01.FR.16)",
            ));
        }
        _ => {}
    }
    if purpose == ChargingProfilePurpose::ChargePointMaxProfile
        && profile.charging_profile_kind == ChargingProfileKind::Relative
    {
        return Err(broken(
            "chargingProfileKind",
            "a ChargingStationMaxProfile cannot be Relative (OCPP 2.0.1 K01.FR.38)",
        ));
    }
    if profile.charging_profile_kind == ChargingProfileKind::Relative
        && profile.charging_schedule.start_schedule.is_some()
    {
        return Err(broken(
            "chargingSchedule.startSchedule",
            "a Relative profile has no startSchedule (OCPP 2.0.1 K01.FR.41)",
        ));
    }
    Ok(())
}

/// The 1.6-shaped profile as OCPP 2.0.1 spells it, with the station's own transaction id.
pub(crate) fn profile_v201(
    p: &ChargingProfile,
    transaction: Option<ocpp::types::CiString<36>>,
) -> v201::ChargingProfile {
    let s = &p.charging_schedule;
    v201::ChargingProfile {
        id: p.charging_profile_id,
        stack_level: p.stack_level,
        charging_profile_purpose: purpose_v201(p.charging_profile_purpose),
        charging_profile_kind: match p.charging_profile_kind {
            ChargingProfileKind::Absolute => v201::ChargingProfileKindEnum::Absolute,
            ChargingProfileKind::Recurring => v201::ChargingProfileKindEnum::Recurring,
            ChargingProfileKind::Relative => v201::ChargingProfileKindEnum::Relative,
        },
        recurrency_kind: p.recurrency_kind.map(|k| match k {
            ocpp::v16::RecurrencyKind::Daily => v201::RecurrencyKindEnum::Daily,
            ocpp::v16::RecurrencyKind::Weekly => v201::RecurrencyKindEnum::Weekly,
        }),
        valid_from: p.valid_from,
        valid_to: p.valid_to,
        charging_schedule: vec![v201::ChargingSchedule {
            id: SCHEDULE_ID,
            start_schedule: s.start_schedule,
            duration: s.duration,
            charging_rate_unit: unit_v201(s.charging_rate_unit),
            charging_schedule_period: s
                .charging_schedule_period
                .iter()
                .map(|period| v201::ChargingSchedulePeriod {
                    start_period: period.start_period,
                    limit: period.limit,
                    number_phases: period.number_phases,
                    phase_to_use: None,
                    custom_data: None,
                })
                .collect(),
            min_charging_rate: s.min_charging_rate,
            sales_tariff: None,
            custom_data: None,
        }],
        transaction_id: transaction,
        custom_data: None,
    }
}

/// A 1.6 purpose as 2.0.1 names it (the charge point's maximum is the charging station's).
pub fn purpose_v201(p: ChargingProfilePurpose) -> v201::ChargingProfilePurposeEnum {
    match p {
        ChargingProfilePurpose::ChargePointMaxProfile => {
            v201::ChargingProfilePurposeEnum::ChargingStationMaxProfile
        }
        ChargingProfilePurpose::TxDefaultProfile => {
            v201::ChargingProfilePurposeEnum::TxDefaultProfile
        }
        ChargingProfilePurpose::TxProfile => v201::ChargingProfilePurposeEnum::TxProfile,
    }
}

fn unit_v201(u: ChargingRateUnit) -> v201::ChargingRateUnitEnum {
    match u {
        ChargingRateUnit::A => v201::ChargingRateUnitEnum::A,
        ChargingRateUnit::W => v201::ChargingRateUnitEnum::W,
    }
}

/// ClearChargingProfile (2.0.1): by id alone when one is given (as on 1.6, the other criteria
/// then do not apply), else by the criteria given (none: every profile the CSMS may clear).
fn clear_v201(filter: &ClearFilter) -> v201::ClearChargingProfileRequest {
    if let Some(id) = filter.id {
        return v201::ClearChargingProfileRequest {
            charging_profile_id: Some(id),
            charging_profile_criteria: None,
            custom_data: None,
        };
    }
    let criteria = v201::ClearChargingProfile {
        evse_id: filter.connector_id,
        charging_profile_purpose: filter.purpose.map(purpose_v201),
        stack_level: filter.stack_level,
        custom_data: None,
    };
    let any = criteria.evse_id.is_some()
        || criteria.charging_profile_purpose.is_some()
        || criteria.stack_level.is_some();
    v201::ClearChargingProfileRequest {
        charging_profile_id: None,
        charging_profile_criteria: any.then_some(criteria),
        custom_data: None,
    }
}

/// A 2.0.1 composite schedule as the API's (1.6-shaped) answer: its EVSE as the connector, its
/// start as `scheduleStart`, its duration and periods as the schedule (`phaseToUse` has no place
/// there and is left out).
fn composite_v16(answer: v201::GetCompositeScheduleResponse) -> GetCompositeScheduleResponse {
    let status = same(answer.status.as_str(), GetCompositeScheduleStatus::Rejected);
    let Some(c) = answer.schedule else {
        return GetCompositeScheduleResponse {
            status,
            connector_id: None,
            schedule_start: None,
            charging_schedule: None,
        };
    };
    GetCompositeScheduleResponse {
        status,
        connector_id: Some(c.evse_id),
        schedule_start: Some(c.schedule_start),
        charging_schedule: Some(ChargingSchedule {
            duration: Some(c.duration),
            start_schedule: None,
            charging_rate_unit: match c.charging_rate_unit {
                v201::ChargingRateUnitEnum::A => ChargingRateUnit::A,
                v201::ChargingRateUnitEnum::W => ChargingRateUnit::W,
            },
            charging_schedule_period: c
                .charging_schedule_period
                .into_iter()
                .map(|p| ChargingSchedulePeriod {
                    start_period: p.start_period,
                    limit: p.limit,
                    number_phases: p.number_phases,
                })
                .collect(),
            min_charging_rate: None,
        }),
    }
}

/// Marks the profiles matching `condition` as ended with `how`.
async fn end<C: ConnectionTrait>(
    db: &C,
    condition: Condition,
    how: &'static str,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(charging_profile::Entity::update_many()
        .col_expr(charging_profile::Column::State, Expr::value(how))
        .col_expr(charging_profile::Column::EndedAt, Expr::value(now))
        .filter(condition)
        .exec(db)
        .await?
        .rows_affected)
}

/// Records a profile the station accepted, replacing what it replaces on the station under the
/// rule of the OCPP `version` it speaks (see the module's comment).
pub async fn store_installed(
    ctx: &Context,
    station_id: &str,
    connector_id: i32,
    profile: &ChargingProfile,
    version: Version,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(profile).map_err(|_| StoreError::Database)?;
    let now = Utc::now();
    let station = station_id.to_owned();
    let profile = profile.clone();
    ctx.store
        .write(move |txn| {
            let (station, profile, json) = (station.clone(), profile.clone(), json.clone());
            Box::pin(async move {
                let purpose = profile.charging_profile_purpose.as_str();
                let same_id =
                    charging_profile::Column::ChargingProfileId.eq(profile.charging_profile_id);
                let same_place = Condition::all()
                    .add(charging_profile::Column::ConnectorId.eq(connector_id))
                    .add(charging_profile::Column::StackLevel.eq(profile.stack_level))
                    .add(charging_profile::Column::Purpose.eq(purpose));
                let mut which = Condition::any().add(same_id);
                if version == Version::V16 {
                    which = which.add(same_place);
                }
                let replaced = Condition::all()
                    .add(charging_profile::Column::StationId.eq(station.as_str()))
                    .add(charging_profile::Column::State.eq(state::INSTALLED))
                    .add(which);
                end(txn, replaced, state::REPLACED, now).await?;
                charging_profile::ActiveModel {
                    id: sea_orm::NotSet,
                    station_id: Set(station),
                    connector_id: Set(connector_id),
                    charging_profile_id: Set(profile.charging_profile_id),
                    stack_level: Set(profile.stack_level),
                    purpose: Set(purpose.to_owned()),
                    kind: Set(profile.charging_profile_kind.as_str().to_owned()),
                    transaction_id: Set(profile.transaction_id),
                    profile: Set(json),
                    state: Set(state::INSTALLED.to_owned()),
                    installed_at: Set(now),
                    ended_at: Set(None),
                }
                .insert(txn)
                .await?;
                Ok(())
            })
        })
        .await
}

/// A transaction stopped: the station drops the `TxProfile`s of its connector (§3.13.4).
pub async fn end_tx_profiles<C: ConnectionTrait>(
    db: &C,
    station_id: &str,
    connector_id: i32,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let condition = Condition::all()
        .add(charging_profile::Column::StationId.eq(station_id))
        .add(charging_profile::Column::ConnectorId.eq(connector_id))
        .add(charging_profile::Column::Purpose.eq(ChargingProfilePurpose::TxProfile.as_str()))
        .add(charging_profile::Column::State.eq(state::INSTALLED));
    end(db, condition, state::ENDED, now).await
}

/// The profiles recorded for a station, newest first; only installed ones unless `all`.
pub async fn list(
    ctx: &Context,
    station_id: &str,
    all: bool,
    limit: u64,
) -> Result<Vec<charging_profile::Model>, DbErr> {
    use sea_orm::QuerySelect;
    let mut query =
        charging_profile::Entity::find().filter(charging_profile::Column::StationId.eq(station_id));
    if !all {
        query = query.filter(charging_profile::Column::State.eq(state::INSTALLED));
    }
    query
        .order_by_desc(charging_profile::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(purpose: ChargingProfilePurpose, kind: ChargingProfileKind) -> ChargingProfile {
        ChargingProfile {
            charging_profile_id: 1,
            transaction_id: None,
            stack_level: 0,
            charging_profile_purpose: purpose,
            charging_profile_kind: kind,
            recurrency_kind: None,
            valid_from: None,
            valid_to: None,
            charging_schedule: ChargingSchedule {
                duration: None,
                start_schedule: None,
                charging_rate_unit: ChargingRateUnit::A,
                charging_schedule_period: vec![ChargingSchedulePeriod {
                    start_period: 0,
                    limit: 16.0,
                    number_phases: Some(3),
                }],
                min_charging_rate: None,
            },
        }
    }

    #[test]
    fn the_2_0_1_rules_that_differ_from_1_6_are_checked() {
        use ChargingProfileKind::{Absolute, Relative};
        use ChargingProfilePurpose::{ChargePointMaxProfile, TxDefaultProfile, TxProfile};
        assert!(check_v201(&profile(TxDefaultProfile, Relative), 0).is_ok());
        assert!(check_v201(&profile(TxProfile, Relative), 1).is_ok());
        let rule = |p: &ChargingProfile, evse| check_v201(p, evse).unwrap_err().message;
        assert!(rule(&profile(TxProfile, Relative), 0).contains("K01.FR.16"));
        assert!(rule(&profile(ChargePointMaxProfile, Absolute), 1).contains("evseId 0"));
        assert!(rule(&profile(ChargePointMaxProfile, Relative), 0).contains("K01.FR.38"));
        let mut started = profile(TxDefaultProfile, Relative);
        started.charging_schedule.start_schedule = Some(ocpp::types::Timestamp(Utc::now()));
        assert!(rule(&started, 1).contains("K01.FR.41"));
    }

    #[test]
    fn a_profile_goes_to_2_0_1_with_one_schedule_and_the_station_s_purpose() {
        let p = profile(
            ChargingProfilePurpose::ChargePointMaxProfile,
            ChargingProfileKind::Absolute,
        );
        let wire = profile_v201(&p, None);
        assert_eq!(
            wire.charging_profile_purpose,
            v201::ChargingProfilePurposeEnum::ChargingStationMaxProfile
        );
        assert_eq!(wire.charging_schedule.len(), 1);
        assert_eq!(wire.charging_schedule[0].id, SCHEDULE_ID);
        assert_eq!(
            wire.charging_schedule[0].charging_schedule_period[0].number_phases,
            Some(3)
        );
    }

    #[test]
    fn a_clear_by_id_sends_the_id_alone() {
        let by_id = clear_v201(&ClearFilter {
            id: Some(4),
            connector_id: Some(1),
            purpose: None,
            stack_level: Some(2),
        });
        assert_eq!(by_id.charging_profile_id, Some(4));
        assert!(by_id.charging_profile_criteria.is_none());
        let all = clear_v201(&ClearFilter::default());
        assert_eq!(all, v201::ClearChargingProfileRequest::default());
    }
}
