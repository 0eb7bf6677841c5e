//! What OCPP 2.0.1 stations report about charging, each kept where its meaning has a home:
//! the charging profiles a station reports holding (ReportChargingProfiles, answering
//! GetChargingProfiles, possibly in several parts) in `reported_charging_profiles`, the external
//! limits in force on it (NotifyChargingLimit, removed on ClearedChargingLimit) in
//! `charging_limits`, and what the EV on an EVSE needs (NotifyEVChargingNeeds) in
//! `ev_charging_needs`.
//!
//! Reported profiles are kept apart from `charging_profiles` (what chargegate installed): a
//! station also holds profiles others set (an energy management system's external
//! constraints, a local controller's), with 2.0.1-only purposes and up to three schedules,
//! and its report is its word at one time, to be compared with chargegate's record, not merged
//! into it. Each row is the latest report of one profile (by source, EVSE and id).
//!
//! Each table holds at most `--max-charging-reports` rows per station (the rows written longest
//! ago go first), and a profile's or a limit's schedules are kept only up to
//! `--max-charging-payload` bytes of JSON.

use chrono::Utc;
use entity::{charging_limit, ev_charging_need, reported_charging_profile as reported};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;

use crate::{
    context::Context,
    store::{StoreError, keep_newest},
};
use ocpp::v201::{
    ClearedChargingLimitRequest, ClearedChargingLimitResponse, NotifyChargingLimitRequest,
    NotifyChargingLimitResponse, NotifyEVChargingNeedsRequest, NotifyEVChargingNeedsResponse,
    NotifyEvChargingNeedsStatusEnum, ReportChargingProfilesRequest, ReportChargingProfilesResponse,
};

/// `value` as JSON when it is at most `max` bytes long (else `None`).
fn bounded<T: Serialize>(value: &T, max: u64) -> Option<String> {
    serde_json::to_string(value)
        .ok()
        .filter(|json| json.len() as u64 <= max)
}

fn warn_pruned(station_id: &str, table: &str, pruned: u64, limit: u64) {
    if pruned > 0 {
        tracing::warn!(
            station = %station_id,
            table,
            limit,
            removed = pruned,
            "charging reports at their bound (--max-charging-reports): the oldest rows removed"
        );
    }
}

/// ReportChargingProfiles: each profile reported replaces the earlier report of the same
/// profile (source, EVSE, id).
pub async fn report_profiles(
    ctx: &Context,
    station_id: &str,
    req: ReportChargingProfilesRequest,
) -> Result<ReportChargingProfilesResponse, StoreError> {
    let limits = &ctx.settings.limits;
    let (limit, max) = (limits.max_charging_reports, limits.max_charging_payload.0);
    let now = Utc::now();
    let source = req.charging_limit_source.as_str();
    let mut omitted = 0;
    let rows: Vec<reported::Model> = req
        .charging_profile
        .iter()
        .map(|p| {
            let profile = bounded(p, max);
            omitted += usize::from(profile.is_none());
            reported::Model {
                id: 0,
                station_id: station_id.to_owned(),
                evse_id: req.evse_id,
                charging_limit_source: source.to_owned(),
                charging_profile_id: p.id,
                stack_level: p.stack_level,
                purpose: p.charging_profile_purpose.as_str().to_owned(),
                kind: p.charging_profile_kind.as_str().to_owned(),
                transaction_id: p.transaction_id.as_ref().map(ToString::to_string),
                request_id: req.request_id,
                profile,
                reported_at: now,
            }
        })
        .collect();
    if omitted > 0 {
        tracing::warn!(station = %station_id, request_id = req.request_id, omitted, max,
            "reported charging profiles longer than --max-charging-payload kept without their schedules");
    }
    let station = station_id.to_owned();
    let pruned = ctx
        .store
        .write(move |txn| {
            let (rows, station) = (rows.clone(), station.clone());
            Box::pin(async move {
                for row in rows {
                    reported::Entity::delete_many()
                        .filter(reported::Column::StationId.eq(row.station_id.as_str()))
                        .filter(
                            reported::Column::ChargingLimitSource
                                .eq(row.charging_limit_source.as_str()),
                        )
                        .filter(reported::Column::EvseId.eq(row.evse_id))
                        .filter(reported::Column::ChargingProfileId.eq(row.charging_profile_id))
                        .exec(txn)
                        .await?;
                    let mut active: reported::ActiveModel = row.into();
                    active.id = sea_orm::NotSet;
                    active.insert(txn).await?;
                }
                keep_newest::<reported::Entity, _>(
                    txn,
                    reported::Column::StationId,
                    reported::Column::Id,
                    &station,
                    limit,
                )
                .await
            })
        })
        .await?;
    warn_pruned(station_id, "reported_charging_profiles", pruned, limit);
    Ok(ReportChargingProfilesResponse { custom_data: None })
}

/// NotifyChargingLimit: the limit of its source on the EVSE (none: the station) replaces the
/// one in force before.
pub async fn notify_limit(
    ctx: &Context,
    station_id: &str,
    req: NotifyChargingLimitRequest,
) -> Result<NotifyChargingLimitResponse, StoreError> {
    let limits = &ctx.settings.limits;
    let (limit, max) = (limits.max_charging_reports, limits.max_charging_payload.0);
    let schedules = req.charging_schedule.as_ref().map(|s| bounded(s, max));
    let omitted = matches!(schedules, Some(None));
    if omitted {
        tracing::warn!(station = %station_id, max,
            "charging limit schedules longer than --max-charging-payload not kept");
    }
    let row = charging_limit::Model {
        id: 0,
        station_id: station_id.to_owned(),
        evse_id: req.evse_id.unwrap_or(0),
        charging_limit_source: req.charging_limit.charging_limit_source.as_str().to_owned(),
        is_grid_critical: req.charging_limit.is_grid_critical,
        schedules: schedules.flatten(),
        schedules_omitted: omitted,
        notified_at: Utc::now(),
    };
    let pruned = ctx
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                let station = row.station_id.clone();
                charging_limit::Entity::delete_many()
                    .filter(limit_key(&station, row.evse_id, &row.charging_limit_source))
                    .exec(txn)
                    .await?;
                let mut active: charging_limit::ActiveModel = row.into();
                active.id = sea_orm::NotSet;
                active.insert(txn).await?;
                keep_newest::<charging_limit::Entity, _>(
                    txn,
                    charging_limit::Column::StationId,
                    charging_limit::Column::Id,
                    &station,
                    limit,
                )
                .await
            })
        })
        .await?;
    warn_pruned(station_id, "charging_limits", pruned, limit);
    Ok(NotifyChargingLimitResponse { custom_data: None })
}

fn limit_key(station_id: &str, evse_id: i32, source: &str) -> Condition {
    Condition::all()
        .add(charging_limit::Column::StationId.eq(station_id))
        .add(charging_limit::Column::EvseId.eq(evse_id))
        .add(charging_limit::Column::ChargingLimitSource.eq(source))
}

/// ClearedChargingLimit: the limit of that source on that EVSE (none: the station's own) is
/// no longer in force.
pub async fn cleared_limit(
    ctx: &Context,
    station_id: &str,
    req: ClearedChargingLimitRequest,
) -> Result<ClearedChargingLimitResponse, StoreError> {
    let condition = limit_key(
        station_id,
        req.evse_id.unwrap_or(0),
        req.charging_limit_source.as_str(),
    );
    ctx.store
        .write(move |txn| {
            let condition = condition.clone();
            Box::pin(async move {
                charging_limit::Entity::delete_many()
                    .filter(condition)
                    .exec(txn)
                    .await
                    .map(|_| ())
            })
        })
        .await?;
    Ok(ClearedChargingLimitResponse { custom_data: None })
}

/// NotifyEVChargingNeeds: the EV's needs replace the earlier ones of its EVSE. Answered
/// `Rejected`: chargegate does not plan ISO 15118 schedules, so none will follow.
pub async fn ev_charging_needs(
    ctx: &Context,
    station_id: &str,
    req: NotifyEVChargingNeedsRequest,
) -> Result<NotifyEVChargingNeedsResponse, StoreError> {
    let limit = ctx.settings.limits.max_charging_reports;
    let needs = req.charging_needs;
    // Without their `customData`, the parameters are a few numbers: bounded as they are.
    let ac = needs.ac_charging_parameters.map(|mut p| {
        p.custom_data = None;
        serde_json::to_string(&p).unwrap_or_default()
    });
    let dc = needs.dc_charging_parameters.map(|mut p| {
        p.custom_data = None;
        serde_json::to_string(&p).unwrap_or_default()
    });
    let row = ev_charging_need::Model {
        id: 0,
        station_id: station_id.to_owned(),
        evse_id: req.evse_id,
        requested_energy_transfer: needs.requested_energy_transfer.as_str().to_owned(),
        departure_time: needs.departure_time.map(|t| t.0),
        max_schedule_tuples: req.max_schedule_tuples,
        ac_parameters: ac,
        dc_parameters: dc,
        received_at: Utc::now(),
    };
    let pruned = ctx
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                let station = row.station_id.clone();
                ev_charging_need::Entity::delete_many()
                    .filter(ev_charging_need::Column::StationId.eq(station.as_str()))
                    .filter(ev_charging_need::Column::EvseId.eq(row.evse_id))
                    .exec(txn)
                    .await?;
                let mut active: ev_charging_need::ActiveModel = row.into();
                active.id = sea_orm::NotSet;
                active.insert(txn).await?;
                keep_newest::<ev_charging_need::Entity, _>(
                    txn,
                    ev_charging_need::Column::StationId,
                    ev_charging_need::Column::Id,
                    &station,
                    limit,
                )
                .await
            })
        })
        .await?;
    warn_pruned(station_id, "ev_charging_needs", pruned, limit);
    Ok(NotifyEVChargingNeedsResponse {
        status: NotifyEvChargingNeedsStatusEnum::Rejected,
        status_info: None,
        custom_data: None,
    })
}

/// The profiles a station last reported holding, newest report first; of one request and/or
/// one EVSE when given.
pub async fn reported_profiles(
    ctx: &Context,
    station_id: &str,
    request_id: Option<i32>,
    evse_id: Option<i32>,
    limit: u64,
) -> Result<Vec<reported::Model>, DbErr> {
    let mut query = reported::Entity::find().filter(reported::Column::StationId.eq(station_id));
    if let Some(r) = request_id {
        query = query.filter(reported::Column::RequestId.eq(r));
    }
    if let Some(e) = evse_id {
        query = query.filter(reported::Column::EvseId.eq(e));
    }
    query
        .order_by_desc(reported::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}

/// The external limits in force on a station, most recently notified first.
pub async fn limits_in_force(
    ctx: &Context,
    station_id: &str,
    limit: u64,
) -> Result<Vec<charging_limit::Model>, DbErr> {
    charging_limit::Entity::find()
        .filter(charging_limit::Column::StationId.eq(station_id))
        .order_by_desc(charging_limit::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}

/// The charging needs of the EVs on a station's EVSEs, most recent first.
pub async fn needs(
    ctx: &Context,
    station_id: &str,
    limit: u64,
) -> Result<Vec<ev_charging_need::Model>, DbErr> {
    ev_charging_need::Entity::find()
        .filter(ev_charging_need::Column::StationId.eq(station_id))
        .order_by_desc(ev_charging_need::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}
