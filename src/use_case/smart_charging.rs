//! Smart Charging use cases: SetChargingProfile, ClearChargingProfile and GetCompositeSchedule
//! on behalf of an operator, and the record of which profiles each station holds.
//!
//! A profile is stored only once the station has accepted it. Storing follows the station's own
//! rule (OCPP 1.6 §5.16.3): a new profile replaces an installed one with the same
//! `chargingProfileId`, or with the same stack level and purpose on the same connector. A
//! `TxProfile` ends with its transaction (§3.13.4).

use chrono::{DateTime, Utc};
use entity::charging_profile;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set, sea_query::Expr,
};

use crate::{
    context::Context,
    store::StoreError,
    use_case::command::{OnBehalf, Refused, at_least},
};
use ocpp::v16::{
    ChargingProfile, ChargingProfilePurpose, ChargingProfileStatus, ChargingRateUnit,
    ClearChargingProfile, ClearChargingProfileStatus, GetCompositeSchedule,
    GetCompositeScheduleResponse, ProfileUse, SetChargingProfile,
};

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
        self.permit(station_id, false).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        profile
            .validate(ProfileUse::Set { connector_id })
            .map_err(invalid)?;
        let command = SetChargingProfile {
            connector_id,
            cs_charging_profiles: profile.clone(),
        };
        let status = self.send(station_id, command).await?.status;
        if status == ChargingProfileStatus::Accepted {
            store_installed(self.ctx, station_id, connector_id, &profile).await?;
        }
        Ok(status)
    }

    /// Clears profiles on the station; marks the matching stored ones cleared when it accepts.
    pub async fn clear_charging_profile(
        &self,
        station_id: &str,
        filter: ClearFilter,
    ) -> Result<ClearChargingProfileStatus, Refused> {
        self.permit(station_id, false).await?;
        if let Some(c) = filter.connector_id {
            at_least(c, 0, "connectorId")?;
        }
        if let Some(level) = filter.stack_level {
            at_least(level, 0, "stackLevel")?;
        }
        let command = ClearChargingProfile {
            id: filter.id,
            connector_id: filter.connector_id,
            charging_profile_purpose: filter.purpose,
            stack_level: filter.stack_level,
        };
        let status = self.send(station_id, command).await?.status;
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
        self.permit(station_id, false).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        let duration = at_least(duration, 1, "duration")?;
        let answer = self
            .send(
                station_id,
                GetCompositeSchedule {
                    connector_id,
                    duration,
                    charging_rate_unit,
                },
            )
            .await?;
        if let Some(schedule) = &answer.charging_schedule
            && let Err(e) = schedule.validate("chargingSchedule")
        {
            // What the station computed is shown as it is, but the oddity is worth a log line.
            tracing::warn!(station = %station_id, field = %e.field, problem = %e.message, "composite schedule breaks a schedule rule");
        }
        Ok(answer)
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

/// Records a profile the station accepted, replacing what it replaces on the station.
pub async fn store_installed(
    ctx: &Context,
    station_id: &str,
    connector_id: i32,
    profile: &ChargingProfile,
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
                let replaced = Condition::all()
                    .add(charging_profile::Column::StationId.eq(station.as_str()))
                    .add(charging_profile::Column::State.eq(state::INSTALLED))
                    .add(
                        Condition::any()
                            .add(
                                charging_profile::Column::ChargingProfileId
                                    .eq(profile.charging_profile_id),
                            )
                            .add(
                                Condition::all()
                                    .add(charging_profile::Column::ConnectorId.eq(connector_id))
                                    .add(
                                        charging_profile::Column::StackLevel
                                            .eq(profile.stack_level),
                                    )
                                    .add(charging_profile::Column::Purpose.eq(purpose)),
                            ),
                    );
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
