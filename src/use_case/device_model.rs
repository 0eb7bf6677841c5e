//! The OCPP 2.0.1 device model: what each station reports of its components and variables
//! (NotifyReport, in parts), kept one row per attribute of a variable in
//! `device_model_variables`, and the commands that read or change it (GetVariables,
//! SetVariables, GetBaseReport, GetReport, SetVariableMonitoring), sent on an API caller's
//! behalf.
//!
//! A report's parts upsert: a variable reported again replaces its row. The values a station
//! gives in an `Accepted` GetVariables answer, and those it accepts in SetVariables, update the
//! stored value. One station keeps at most `--max-device-model-variables` rows: beyond it the
//! variables it newly reports are not stored (those stored are still updated), and a warning
//! is logged once per report (on its part that reached the bound, or on its first part when
//! the station was at the bound already). A station's CALLs are handled one at a time, so the
//! count cannot be overtaken by its own reports; a command's answer arriving at the same time
//! may exceed the bound by its few rows.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::device_model_variable as row;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, sea_query::OnConflict,
};

use crate::{
    context::Context,
    store::StoreError,
    use_case::command::{OnBehalf, Refused, at_least, text},
};
use ocpp::rpc::{Command, Version};
use ocpp::v201::{
    AttributeEnum, Component, ComponentCriterionEnum, ComponentVariable, Evse,
    GetBaseReportRequest, GetBaseReportResponse, GetReportRequest, GetReportResponse,
    GetVariableData, GetVariableResult, GetVariableStatusEnum, GetVariablesRequest, MonitorEnum,
    NotifyReportRequest, NotifyReportResponse, ReportBaseEnum, SetMonitoringData,
    SetMonitoringResult, SetVariableData, SetVariableMonitoringRequest, SetVariableResult,
    SetVariableStatusEnum, SetVariablesRequest, Variable,
};

/// Most items one command may carry (variables, monitors, component filters): a station
/// announces its own, smaller limits in its device model (`ItemsPerMessage…`).
pub const MAX_ITEMS: usize = 100;

/// Rows written in one INSERT (each binds 19 values).
const CHUNK: usize = 100;

/// A fresh `requestId` for a command whose answer comes later in messages that carry it
/// (reports, charging profiles, customer information): unique among this process's requests,
/// seeded by the clock so that a restarted node does not repeat the last ones.
pub(crate) fn next_request_id() -> i32 {
    use std::sync::atomic::{AtomicI32, Ordering};
    static NEXT: AtomicI32 = AtomicI32::new(0);
    let seed = (Utc::now().timestamp() % 2_000_000) as i32 * 1000;
    let _ = NEXT.compare_exchange(0, Ord::max(seed, 1), Ordering::Relaxed, Ordering::Relaxed);
    NEXT.fetch_add(1, Ordering::Relaxed) & i32::MAX
}

/// Refuses at once, before anything is read or sent, a command that only OCPP 2.0.1 has for a
/// station that speaks another version.
pub(crate) fn only_v201(version: Version, station_id: &str, action: &str) -> Result<(), Refused> {
    if version == Version::V201 {
        return Ok(());
    }
    Err(Refused::Unsupported(format!(
        "station {station_id} speaks OCPP {version}, which has no {action} (OCPP 2.0.1)"
    )))
}

/// The key of one row: which attribute of which variable of which component. Absent parts are
/// the sentinels the table stores (`""`, `0`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub component_name: String,
    pub component_instance: String,
    pub evse_id: i32,
    pub connector_id: i32,
    pub variable_name: String,
    pub variable_instance: String,
    pub attribute_type: String,
}

impl Key {
    /// The key of `attribute` (default `Actual`) of `variable` of `component`.
    pub fn of(
        component: &Component,
        variable: &Variable,
        attribute: Option<AttributeEnum>,
    ) -> Self {
        let evse = component.evse.as_ref();
        Self {
            component_name: component.name.to_string(),
            component_instance: component
                .instance
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            evse_id: evse.map_or(0, |e| e.id),
            connector_id: evse.and_then(|e| e.connector_id).unwrap_or(0),
            variable_name: variable.name.to_string(),
            variable_instance: variable
                .instance
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            attribute_type: attribute
                .unwrap_or(AttributeEnum::Actual)
                .as_str()
                .to_owned(),
        }
    }

    fn of_row(r: &row::Model) -> Self {
        Self {
            component_name: r.component_name.clone(),
            component_instance: r.component_instance.clone(),
            evse_id: r.evse_id,
            connector_id: r.connector_id,
            variable_name: r.variable_name.clone(),
            variable_instance: r.variable_instance.clone(),
            attribute_type: r.attribute_type.clone(),
        }
    }
}

/// What a write keeps: a reported attribute replaces the whole row, an answered value only
/// the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Report,
    Value,
}

impl Kind {
    fn updated(self) -> Vec<row::Column> {
        use row::Column as C;
        match self {
            Kind::Report => vec![
                C::Value,
                C::Mutability,
                C::Persistent,
                C::Constant,
                C::DataType,
                C::Unit,
                C::MinLimit,
                C::MaxLimit,
                C::ValuesList,
                C::SupportsMonitoring,
                C::UpdatedAt,
            ],
            Kind::Value => vec![C::Value, C::UpdatedAt],
        }
    }
}

/// What [`keep`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// Rows the station had before.
    pub before: u64,
    /// Rows written (new or updated).
    pub written: usize,
    /// New rows not stored: the station is at its bound.
    pub dropped: usize,
}

/// Upserts `rows` (all of one kind) for `station`: the existing ones are updated, the new ones
/// stored while the station has fewer than `limit` rows. The same key twice: the last wins.
async fn keep(
    txn: &DatabaseTransaction,
    station: &str,
    rows: &[row::Model],
    kind: Kind,
    limit: u64,
) -> Result<Kept, DbErr> {
    use row::Column as C;
    // One row per key, in first-seen order, with the last value given for it.
    let mut at: HashMap<Key, usize> = HashMap::new();
    let mut unique: Vec<&row::Model> = Vec::new();
    for r in rows {
        match at.get(&Key::of_row(r)) {
            Some(&i) => unique[i] = r,
            None => {
                at.insert(Key::of_row(r), unique.len());
                unique.push(r);
            }
        }
    }
    if unique.is_empty() {
        return Ok(Kept::default());
    }
    let before = row::Entity::find()
        .filter(C::StationId.eq(station))
        .count(txn)
        .await?;
    let names: HashSet<&str> = unique.iter().map(|r| r.component_name.as_str()).collect();
    let existing: HashSet<Key> = row::Entity::find()
        .select_only()
        .columns([
            C::ComponentName,
            C::ComponentInstance,
            C::EvseId,
            C::ConnectorId,
            C::VariableName,
            C::VariableInstance,
            C::AttributeType,
        ])
        .filter(C::StationId.eq(station))
        .filter(C::ComponentName.is_in(names))
        .into_tuple::<(String, String, i32, i32, String, String, String)>()
        .all(txn)
        .await?
        .into_iter()
        .map(|(cn, ci, e, c, vn, vi, a)| Key {
            component_name: cn,
            component_instance: ci,
            evse_id: e,
            connector_id: c,
            variable_name: vn,
            variable_instance: vi,
            attribute_type: a,
        })
        .collect();
    let mut room = limit.saturating_sub(before);
    let mut dropped = 0;
    let mut kept = Vec::with_capacity(unique.len());
    for r in unique {
        if existing.contains(&Key::of_row(r)) {
            kept.push(r);
        } else if room > 0 {
            room -= 1;
            kept.push(r);
        } else {
            dropped += 1;
        }
    }
    let conflict = OnConflict::columns([
        C::StationId,
        C::ComponentName,
        C::ComponentInstance,
        C::EvseId,
        C::ConnectorId,
        C::VariableName,
        C::VariableInstance,
        C::AttributeType,
    ])
    .update_columns(kind.updated())
    .to_owned();
    for chunk in kept.chunks(CHUNK) {
        let models = chunk.iter().map(|r| active((*r).clone()));
        row::Entity::insert_many(models)
            .on_conflict(conflict.clone())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(Kept {
        before,
        written: kept.len(),
        dropped,
    })
}

fn active(r: row::Model) -> row::ActiveModel {
    row::ActiveModel {
        station_id: Set(r.station_id),
        component_name: Set(r.component_name),
        component_instance: Set(r.component_instance),
        evse_id: Set(r.evse_id),
        connector_id: Set(r.connector_id),
        variable_name: Set(r.variable_name),
        variable_instance: Set(r.variable_instance),
        attribute_type: Set(r.attribute_type),
        value: Set(r.value),
        mutability: Set(r.mutability),
        persistent: Set(r.persistent),
        constant: Set(r.constant),
        data_type: Set(r.data_type),
        unit: Set(r.unit),
        min_limit: Set(r.min_limit),
        max_limit: Set(r.max_limit),
        values_list: Set(r.values_list),
        supports_monitoring: Set(r.supports_monitoring),
        updated_at: Set(r.updated_at),
    }
}

/// A row of `key` with only its value (the rest unknown).
fn value_row(station: &str, key: Key, value: Option<String>, now: DateTime<Utc>) -> row::Model {
    row::Model {
        station_id: station.to_owned(),
        component_name: key.component_name,
        component_instance: key.component_instance,
        evse_id: key.evse_id,
        connector_id: key.connector_id,
        variable_name: key.variable_name,
        variable_instance: key.variable_instance,
        attribute_type: key.attribute_type,
        value,
        mutability: None,
        persistent: None,
        constant: None,
        data_type: None,
        unit: None,
        min_limit: None,
        max_limit: None,
        values_list: None,
        supports_monitoring: None,
        updated_at: now,
    }
}

/// The rows of one NotifyReport part: one per attribute of each reported variable, each with
/// the variable's characteristics.
fn report_rows(station: &str, req: &NotifyReportRequest, now: DateTime<Utc>) -> Vec<row::Model> {
    let mut rows = Vec::new();
    for data in req.report_data.as_deref().unwrap_or_default() {
        let chars = data.variable_characteristics.as_ref();
        for attribute in &data.variable_attribute {
            let key = Key::of(&data.component, &data.variable, attribute.kind);
            rows.push(row::Model {
                mutability: attribute.mutability.map(|m| m.as_str().to_owned()),
                persistent: attribute.persistent,
                constant: attribute.constant,
                data_type: chars.map(|c| c.data_type.as_str().to_owned()),
                unit: chars.and_then(|c| c.unit.as_ref()).map(ToString::to_string),
                min_limit: chars.and_then(|c| c.min_limit),
                max_limit: chars.and_then(|c| c.max_limit),
                values_list: chars
                    .and_then(|c| c.values_list.as_ref())
                    .map(ToString::to_string),
                supports_monitoring: chars.map(|c| c.supports_monitoring),
                ..value_row(
                    station,
                    key,
                    attribute.value.as_ref().map(ToString::to_string),
                    now,
                )
            });
        }
    }
    rows
}

/// NotifyReport (2.0.1): one part of a report, stored before it is answered (a storage failure
/// is the station's `InternalError`, and it sends the part again).
pub async fn notify_report(
    ctx: &Context,
    station_id: &Arc<str>,
    req: NotifyReportRequest,
) -> Result<NotifyReportResponse, StoreError> {
    let limit = ctx.settings.limits.max_device_model_variables;
    let rows = Arc::new(report_rows(station_id, &req, Utc::now()));
    let station = station_id.clone();
    let kept = ctx
        .store
        .write(move |txn| {
            let (station, rows) = (station.clone(), rows.clone());
            Box::pin(async move { keep(txn, &station, &rows, Kind::Report, limit).await })
        })
        .await?;
    if kept.dropped > 0 && (kept.before < limit || req.seq_no == 0) {
        tracing::warn!(
            station = %station_id,
            request_id = req.request_id,
            seq_no = req.seq_no,
            limit,
            not_stored = kept.dropped,
            "device model at its bound (--max-device-model-variables): variables the station \
             newly reports are not stored"
        );
    }
    Ok(NotifyReportResponse { custom_data: None })
}

/// Stores the values of `keys` that a station answered (GetVariables) or accepted
/// (SetVariables), within the station's bound. The station has answered already: a storage
/// failure is logged, not the caller's error.
async fn keep_values(ctx: &Context, station_id: &str, values: Vec<(Key, Option<String>)>) {
    if values.is_empty() {
        return;
    }
    let limit = ctx.settings.limits.max_device_model_variables;
    let now = Utc::now();
    let rows: Arc<Vec<row::Model>> = Arc::new(
        values
            .into_iter()
            .map(|(key, value)| value_row(station_id, key, value, now))
            .collect(),
    );
    let station = station_id.to_owned();
    let kept = ctx
        .store
        .write(move |txn| {
            let (station, rows) = (station.clone(), rows.clone());
            Box::pin(async move { keep(txn, &station, &rows, Kind::Value, limit).await })
        })
        .await;
    match kept {
        Ok(kept) if kept.dropped > 0 => tracing::warn!(
            station = %station_id,
            limit,
            not_stored = kept.dropped,
            "device model at its bound (--max-device-model-variables): answered values of \
             variables not stored before are not kept"
        ),
        Ok(_) => {}
        Err(e) => {
            tracing::warn!(station = %station_id, error = %e, "device model values not stored")
        }
    }
}

/// A component, and optionally one of its variables, as an API caller names them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Target {
    pub component: String,
    pub component_instance: Option<String>,
    /// The component's EVSE (1 and up).
    pub evse_id: Option<i32>,
    /// The connector of that EVSE (1 and up); needs `evse_id`.
    pub connector_id: Option<i32>,
    /// Required where a variable is meant (all but GetReport's filters).
    pub variable: Option<String>,
    pub variable_instance: Option<String>,
}

impl Target {
    fn component(&self) -> Result<Component, Refused> {
        let evse = match (self.evse_id, self.connector_id) {
            (None, None) => None,
            (None, Some(_)) => {
                return Err(Refused::Invalid {
                    field: "connectorId",
                    message: "a connector is named with its evseId".into(),
                });
            }
            (Some(evse), connector) => Some(Evse {
                id: at_least(evse, 1, "evseId")?,
                connector_id: connector
                    .map(|c| at_least(c, 1, "connectorId"))
                    .transpose()?,
                custom_data: None,
            }),
        };
        Ok(Component {
            evse,
            name: text(&self.component, "component")?,
            instance: self
                .component_instance
                .as_deref()
                .map(|i| text(i, "componentInstance"))
                .transpose()?,
            custom_data: None,
        })
    }

    fn variable(&self) -> Result<Option<Variable>, Refused> {
        let instance = self
            .variable_instance
            .as_deref()
            .map(|i| text(i, "variableInstance"))
            .transpose()?;
        match &self.variable {
            Some(name) => Ok(Some(Variable {
                name: text(name, "variable")?,
                instance,
                custom_data: None,
            })),
            None if instance.is_some() => Err(Refused::Invalid {
                field: "variableInstance",
                message: "an instance is named with its variable".into(),
            }),
            None => Ok(None),
        }
    }

    /// The component and its variable, which must be named.
    fn both(&self) -> Result<(Component, Variable), Refused> {
        let component = self.component()?;
        let variable = self.variable()?.ok_or(Refused::Invalid {
            field: "variable",
            message: "required".into(),
        })?;
        Ok((component, variable))
    }
}

/// 1 to [`MAX_ITEMS`] items.
pub(crate) fn items(n: usize, field: &'static str) -> Result<(), Refused> {
    if (1..=MAX_ITEMS).contains(&n) {
        return Ok(());
    }
    Err(Refused::Invalid {
        field,
        message: format!("give 1 to {MAX_ITEMS} items"),
    })
}

/// One variable to set: where, which attribute, what value.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    pub target: Target,
    pub attribute_type: Option<AttributeEnum>,
    pub value: String,
}

/// One monitor to set on a variable (SetVariableMonitoring).
#[derive(Clone, Debug, PartialEq)]
pub struct Monitor {
    /// A monitor of the station's to replace; none: a new one.
    pub id: Option<i32>,
    /// Only while a transaction runs.
    pub transaction: Option<bool>,
    pub value: f64,
    pub kind: MonitorEnum,
    /// 0 (danger) to 9 (debug).
    pub severity: i32,
    pub target: Target,
}

impl OnBehalf<'_> {
    /// GetVariables: the values of attributes of variables (default `Actual`); the `Accepted`
    /// ones are stored.
    pub async fn get_variables(
        &self,
        station_id: &str,
        variables: &[(Target, Option<AttributeEnum>)],
    ) -> Result<Vec<GetVariableResult>, Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, GetVariablesRequest::ACTION)?;
        items(variables.len(), "variables")?;
        let get_variable_data = variables
            .iter()
            .map(|(target, attribute_type)| {
                let (component, variable) = target.both()?;
                Ok(GetVariableData {
                    attribute_type: *attribute_type,
                    component,
                    variable,
                    custom_data: None,
                })
            })
            .collect::<Result<Vec<_>, Refused>>()?;
        let command = GetVariablesRequest {
            get_variable_data,
            custom_data: None,
        };
        let results = self.send(station_id, command).await?.get_variable_result;
        let values = results
            .iter()
            .filter(|r| r.attribute_status == GetVariableStatusEnum::Accepted)
            .map(|r| {
                let key = Key::of(&r.component, &r.variable, r.attribute_type);
                (key, r.attribute_value.as_ref().map(ToString::to_string))
            })
            .collect();
        keep_values(self.ctx, station_id, values).await;
        Ok(results)
    }

    /// SetVariables: sets attributes of variables; those the station accepts are stored with
    /// their new value.
    pub async fn set_variables(
        &self,
        station_id: &str,
        settings: &[Setting],
    ) -> Result<Vec<SetVariableResult>, Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, SetVariablesRequest::ACTION)?;
        items(settings.len(), "variables")?;
        let set_variable_data = settings
            .iter()
            .map(|s| {
                let (component, variable) = s.target.both()?;
                Ok(SetVariableData {
                    attribute_type: s.attribute_type,
                    attribute_value: text(&s.value, "value")?,
                    component,
                    variable,
                    custom_data: None,
                })
            })
            .collect::<Result<Vec<_>, Refused>>()?;
        let sent: HashMap<Key, String> = set_variable_data
            .iter()
            .map(|d| {
                let key = Key::of(&d.component, &d.variable, d.attribute_type);
                (key, d.attribute_value.to_string())
            })
            .collect();
        let command = SetVariablesRequest {
            set_variable_data,
            custom_data: None,
        };
        let results = self.send(station_id, command).await?.set_variable_result;
        let values = results
            .iter()
            .filter(|r| r.attribute_status == SetVariableStatusEnum::Accepted)
            .filter_map(|r| {
                let key = Key::of(&r.component, &r.variable, r.attribute_type);
                let value = sent.get(&key)?.clone();
                Some((key, Some(value)))
            })
            .collect();
        keep_values(self.ctx, station_id, values).await;
        Ok(results)
    }

    /// GetBaseReport: asks for one of the predefined reports, which the station then sends as
    /// NotifyReport parts carrying the returned request id.
    pub async fn get_base_report(
        &self,
        station_id: &str,
        report_base: ReportBaseEnum,
    ) -> Result<(GetBaseReportResponse, i32), Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, GetBaseReportRequest::ACTION)?;
        let request_id = next_request_id();
        let command = GetBaseReportRequest {
            request_id,
            report_base,
            custom_data: None,
        };
        Ok((self.send(station_id, command).await?, request_id))
    }

    /// GetReport: asks for a report of the components (and variables) named and/or those
    /// meeting the criteria; the station sends it as NotifyReport parts carrying the returned
    /// request id.
    pub async fn get_report(
        &self,
        station_id: &str,
        criteria: &[ComponentCriterionEnum],
        components: &[Target],
    ) -> Result<(GetReportResponse, i32), Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, GetReportRequest::ACTION)?;
        if !components.is_empty() {
            items(components.len(), "componentVariables")?;
        }
        let mut criteria_sent: Vec<ComponentCriterionEnum> = Vec::new();
        for c in criteria {
            if !criteria_sent.contains(c) {
                criteria_sent.push(*c);
            }
        }
        let component_variable = components
            .iter()
            .map(|t| {
                Ok(ComponentVariable {
                    component: t.component()?,
                    variable: t.variable()?,
                    custom_data: None,
                })
            })
            .collect::<Result<Vec<_>, Refused>>()?;
        let request_id = next_request_id();
        let command = GetReportRequest {
            component_variable: (!component_variable.is_empty()).then_some(component_variable),
            request_id,
            component_criteria: (!criteria_sent.is_empty()).then_some(criteria_sent),
            custom_data: None,
        };
        Ok((self.send(station_id, command).await?, request_id))
    }

    /// SetVariableMonitoring: sets monitors on variables (the station then reports events of
    /// them in NotifyEvent).
    pub async fn set_variable_monitoring(
        &self,
        station_id: &str,
        monitors: &[Monitor],
    ) -> Result<Vec<SetMonitoringResult>, Refused> {
        let version = self.permit(station_id, false).await?;
        only_v201(version, station_id, SetVariableMonitoringRequest::ACTION)?;
        items(monitors.len(), "monitors")?;
        let set_monitoring_data = monitors
            .iter()
            .map(|m| {
                let (component, variable) = m.target.both()?;
                if !(0..=9).contains(&m.severity) {
                    return Err(Refused::Invalid {
                        field: "severity",
                        message: "must be 0 (danger) to 9 (debug)".into(),
                    });
                }
                if !m.value.is_finite() {
                    return Err(Refused::Invalid {
                        field: "value",
                        message: "must be a finite number".into(),
                    });
                }
                Ok(SetMonitoringData {
                    id: m.id.map(|i| at_least(i, 0, "id")).transpose()?,
                    transaction: m.transaction,
                    value: m.value,
                    kind: m.kind,
                    severity: m.severity,
                    component,
                    variable,
                    custom_data: None,
                })
            })
            .collect::<Result<Vec<_>, Refused>>()?;
        let command = SetVariableMonitoringRequest {
            set_monitoring_data,
            custom_data: None,
        };
        Ok(self.send(station_id, command).await?.set_monitoring_result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_key_parts_are_sentinels() {
        let component = Component {
            evse: None,
            name: ocpp::v201::CiString::new("OCPPCommCtrlr").unwrap(),
            instance: None,
            custom_data: None,
        };
        let variable = Variable {
            name: ocpp::v201::CiString::new("HeartbeatInterval").unwrap(),
            instance: None,
            custom_data: None,
        };
        let key = Key::of(&component, &variable, None);
        assert_eq!(
            (
                key.component_instance.as_str(),
                key.evse_id,
                key.connector_id,
                key.variable_instance.as_str(),
                key.attribute_type.as_str()
            ),
            ("", 0, 0, "", "Actual")
        );
        let on_evse = Component {
            evse: Some(Evse {
                id: 2,
                connector_id: Some(1),
                custom_data: None,
            }),
            ..component
        };
        let key = Key::of(&on_evse, &variable, Some(AttributeEnum::MaxSet));
        assert_eq!((key.evse_id, key.connector_id), (2, 1));
        assert_eq!(key.attribute_type, "MaxSet");
    }

    #[test]
    fn a_connector_needs_its_evse_and_a_variable_instance_its_variable() {
        let target = Target {
            component: "Connector".into(),
            connector_id: Some(1),
            variable: Some("Available".into()),
            ..Default::default()
        };
        assert!(matches!(
            target.both(),
            Err(Refused::Invalid {
                field: "connectorId",
                ..
            })
        ));
        let target = Target {
            component: "EVSE".into(),
            variable_instance: Some("x".into()),
            ..Default::default()
        };
        assert!(matches!(
            target.variable(),
            Err(Refused::Invalid {
                field: "variableInstance",
                ..
            })
        ));
        assert!(items(0, "variables").is_err());
        assert!(items(MAX_ITEMS + 1, "variables").is_err());
        assert!(items(MAX_ITEMS, "variables").is_ok());
    }

    #[test]
    fn request_ids_do_not_repeat() {
        let a = next_request_id();
        let b = next_request_id();
        assert_ne!(a, b);
        assert!(a >= 0 && b >= 0);
    }
}
