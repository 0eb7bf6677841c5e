//! What OCPP 2.0.1 stations report beside their device model, kept bounded per station:
//! events (NotifyEvent: a monitor tripped or cleared, a hard-wired notification) in
//! `station_events`, the oldest dropped beyond `--max-station-events`; their monitors
//! (NotifyMonitoringReport, in parts) in `variable_monitors`, one row per monitor id, new
//! monitors not stored beyond `--max-variable-monitors`; and customer information
//! (NotifyCustomerInformation, in parts) in `customer_information_reports`, one row per request
//! with its parts joined up to `--max-customer-information-size`, the oldest report dropped
//! beyond `--max-customer-information-reports`.
//!
//! Each is stored before it is answered: a storage failure is the station's `InternalError`,
//! and it sends the message again. A station's CALLs are handled one at a time, so its bound
//! cannot be overtaken by its own messages.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::{customer_information_report as report, station_event, variable_monitor as monitor};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    sea_query::OnConflict,
};

use crate::{
    bus::Event,
    context::Context,
    store::{StoreError, keep_newest},
    use_case::device_model::Key,
};
use ocpp::v201::{
    NotifyCustomerInformationRequest, NotifyCustomerInformationResponse, NotifyEventRequest,
    NotifyEventResponse, NotifyMonitoringReportRequest, NotifyMonitoringReportResponse,
};

/// Rows written in one INSERT.
const CHUNK: usize = 100;

/// NotifyEvent: each event stored, the station's oldest dropped beyond its bound, and each
/// published (`stationEvents`, kind `EVENT`).
pub async fn notify_event(
    ctx: &Context,
    station_id: &Arc<str>,
    req: NotifyEventRequest,
) -> Result<NotifyEventResponse, StoreError> {
    let limit = ctx.settings.limits.max_station_events;
    let now = Utc::now();
    if limit > 0 {
        let rows: Arc<Vec<station_event::ActiveModel>> = Arc::new(
            req.event_data
                .iter()
                .map(|e| {
                    let key = Key::of(&e.component, &e.variable, None);
                    station_event::ActiveModel {
                        id: NotSet,
                        station_id: Set(station_id.to_string()),
                        event_id: Set(e.event_id),
                        timestamp: Set(e.timestamp.0),
                        trigger: Set(e.trigger.as_str().to_owned()),
                        cause: Set(e.cause),
                        actual_value: Set(e.actual_value.to_string()),
                        tech_code: Set(e.tech_code.as_ref().map(ToString::to_string)),
                        tech_info: Set(e.tech_info.as_ref().map(ToString::to_string)),
                        cleared: Set(e.cleared),
                        transaction_id: Set(e.transaction_id.as_ref().map(ToString::to_string)),
                        component_name: Set(key.component_name),
                        component_instance: Set(key.component_instance),
                        evse_id: Set(key.evse_id),
                        connector_id: Set(key.connector_id),
                        variable_name: Set(key.variable_name),
                        variable_instance: Set(key.variable_instance),
                        variable_monitoring_id: Set(e.variable_monitoring_id),
                        event_notification_type: Set(e.event_notification_type.as_str().to_owned()),
                        received_at: Set(now),
                    }
                })
                .collect(),
        );
        let station = station_id.to_string();
        ctx.store
            .write(move |txn| {
                let (station, rows) = (station.clone(), rows.clone());
                Box::pin(async move {
                    for chunk in rows.chunks(CHUNK) {
                        station_event::Entity::insert_many(chunk.to_vec())
                            .exec_without_returning(txn)
                            .await?;
                    }
                    keep_newest::<station_event::Entity, _>(
                        txn,
                        station_event::Column::StationId,
                        station_event::Column::Id,
                        &station,
                        limit,
                    )
                    .await
                    .map(|_| ())
                })
            })
            .await?;
    }
    for e in &req.event_data {
        let key = Key::of(&e.component, &e.variable, None);
        ctx.publish(Event::DeviceEvent {
            station_id: station_id.to_string(),
            event_id: e.event_id,
            trigger: e.trigger.as_str().to_owned(),
            component: key.component_name,
            variable: key.variable_name,
            actual_value: e.actual_value.to_string(),
            cleared: e.cleared,
            timestamp: e.timestamp.0,
            at: now,
        })
        .await;
    }
    Ok(NotifyEventResponse { custom_data: None })
}

/// NotifyMonitoringReport: one part of a report of the station's monitors. A monitor reported
/// again (by its id) replaces its row; new monitors are stored while the station has fewer
/// than its bound, and a warning is logged when some are not.
pub async fn notify_monitoring_report(
    ctx: &Context,
    station_id: &Arc<str>,
    req: NotifyMonitoringReportRequest,
) -> Result<NotifyMonitoringReportResponse, StoreError> {
    let limit = ctx.settings.limits.max_variable_monitors;
    let now = Utc::now();
    // One row per monitor id, the last given winning.
    let mut rows: Vec<monitor::Model> = Vec::new();
    for data in req.monitor.as_deref().unwrap_or_default() {
        let key = Key::of(&data.component, &data.variable, None);
        for m in &data.variable_monitoring {
            let row = monitor::Model {
                station_id: station_id.to_string(),
                monitor_id: m.id,
                component_name: key.component_name.clone(),
                component_instance: key.component_instance.clone(),
                evse_id: key.evse_id,
                connector_id: key.connector_id,
                variable_name: key.variable_name.clone(),
                variable_instance: key.variable_instance.clone(),
                transaction: m.transaction,
                kind: m.kind.as_str().to_owned(),
                value: m.value,
                severity: m.severity,
                request_id: req.request_id,
                reported_at: now,
            };
            match rows.iter_mut().find(|r| r.monitor_id == m.id) {
                Some(same) => *same = row,
                None => rows.push(row),
            }
        }
    }
    if rows.is_empty() {
        return Ok(NotifyMonitoringReportResponse { custom_data: None });
    }
    let rows = Arc::new(rows);
    let station = station_id.to_string();
    let dropped = ctx
        .store
        .write(move |txn| {
            let (station, rows) = (station.clone(), rows.clone());
            Box::pin(async move { keep_monitors(txn, &station, &rows, limit).await })
        })
        .await?;
    if dropped > 0 {
        tracing::warn!(
            station = %station_id,
            request_id = req.request_id,
            seq_no = req.seq_no,
            limit,
            not_stored = dropped,
            "monitors at their bound (--max-variable-monitors): monitors the station newly \
             reports are not stored"
        );
    }
    Ok(NotifyMonitoringReportResponse { custom_data: None })
}

/// Upserts `rows` within the station's bound; returns how many new ones were not stored.
async fn keep_monitors(
    txn: &DatabaseTransaction,
    station: &str,
    rows: &[monitor::Model],
    limit: u64,
) -> Result<usize, DbErr> {
    use monitor::Column as C;
    let before = monitor::Entity::find()
        .filter(C::StationId.eq(station))
        .count(txn)
        .await?;
    let existing: HashSet<i32> = monitor::Entity::find()
        .select_only()
        .column(C::MonitorId)
        .filter(C::StationId.eq(station))
        .filter(C::MonitorId.is_in(rows.iter().map(|r| r.monitor_id)))
        .into_tuple::<i32>()
        .all(txn)
        .await?
        .into_iter()
        .collect();
    let mut room = limit.saturating_sub(before);
    let mut dropped = 0;
    let mut kept = Vec::with_capacity(rows.len());
    for r in rows {
        if existing.contains(&r.monitor_id) {
            kept.push(r);
        } else if room > 0 {
            room -= 1;
            kept.push(r);
        } else {
            dropped += 1;
        }
    }
    let conflict = OnConflict::columns([C::StationId, C::MonitorId])
        .update_columns([
            C::ComponentName,
            C::ComponentInstance,
            C::EvseId,
            C::ConnectorId,
            C::VariableName,
            C::VariableInstance,
            C::Transaction,
            C::Kind,
            C::Value,
            C::Severity,
            C::RequestId,
            C::ReportedAt,
        ])
        .to_owned();
    for chunk in kept.chunks(CHUNK) {
        let models = chunk
            .iter()
            .map(|r| monitor::ActiveModel::from((*r).clone()));
        monitor::Entity::insert_many(models)
            .on_conflict(conflict.clone())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(dropped)
}

/// `data` with `part` appended, within `max` bytes (cut at a character boundary); whether
/// something was cut.
fn joined(mut data: String, part: &str, max: usize) -> (String, bool) {
    let room = max.saturating_sub(data.len());
    if part.len() <= room {
        data.push_str(part);
        return (data, false);
    }
    let mut end = room;
    while !part.is_char_boundary(end) {
        end -= 1;
    }
    data.push_str(&part[..end]);
    (data, true)
}

/// NotifyCustomerInformation: one part of the report answering a CustomerInformation request,
/// joined to the parts before it (up to the size bound); a new report drops the station's
/// oldest beyond its bound.
pub async fn notify_customer_information(
    ctx: &Context,
    station_id: &Arc<str>,
    req: NotifyCustomerInformationRequest,
) -> Result<NotifyCustomerInformationResponse, StoreError> {
    let reports = ctx.settings.limits.max_customer_information_reports;
    let max =
        usize::try_from(ctx.settings.limits.max_customer_information_size.0).unwrap_or(usize::MAX);
    if reports == 0 {
        return Ok(NotifyCustomerInformationResponse { custom_data: None });
    }
    let station = station_id.to_string();
    let part = Arc::new(req);
    let now = Utc::now();
    let truncated = ctx
        .store
        .write(move |txn| {
            let (station, part) = (station.clone(), part.clone());
            Box::pin(async move {
                use report::Column as C;
                let complete = !part.tbc.unwrap_or(false);
                let generated_at: DateTime<Utc> = part.generated_at.0;
                let found = report::Entity::find()
                    .filter(C::StationId.eq(&station))
                    .filter(C::RequestId.eq(part.request_id))
                    .one(txn)
                    .await?;
                if let Some(found) = found {
                    let was_truncated = found.truncated;
                    let (data, cut) = joined(found.data.clone(), part.data.as_str(), max);
                    let parts = found.parts.saturating_add(1);
                    let mut row: report::ActiveModel = found.into();
                    row.data = Set(data);
                    row.parts = Set(parts);
                    row.complete = Set(complete);
                    row.truncated = Set(was_truncated || cut);
                    row.generated_at = Set(generated_at);
                    row.received_at = Set(now);
                    row.update(txn).await?;
                    return Ok(cut && !was_truncated);
                }
                let (data, cut) = joined(String::new(), part.data.as_str(), max);
                report::ActiveModel {
                    id: NotSet,
                    station_id: Set(station.clone()),
                    request_id: Set(part.request_id),
                    data: Set(data),
                    parts: Set(1),
                    complete: Set(complete),
                    truncated: Set(cut),
                    generated_at: Set(generated_at),
                    received_at: Set(now),
                }
                .insert(txn)
                .await?;
                keep_newest::<report::Entity, _>(txn, C::StationId, C::Id, &station, reports)
                    .await?;
                Ok(cut)
            })
        })
        .await?;
    if truncated {
        tracing::warn!(
            station = %station_id,
            limit = max,
            "customer information report at its bound (--max-customer-information-size): \
             the rest of its data is not kept"
        );
    }
    Ok(NotifyCustomerInformationResponse { custom_data: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined_within_the_bound_at_a_character_boundary() {
        assert_eq!(joined("ab".into(), "cd", 4), ("abcd".into(), false));
        assert_eq!(joined("ab".into(), "cde", 4), ("abcd".into(), true));
        // 'é' is two bytes: it is not split.
        assert_eq!(joined("abc".into(), "é", 4), ("abc".into(), true));
        assert_eq!(joined("abcd".into(), "x", 4), ("abcd".into(), true));
    }
}
