//! The OCPP 2.0.1 device model in the API: `Station.deviceModel` (the stored variables, staff
//! only) and the mutations that read or change it on the station: `getVariables`,
//! `setVariables`, `getBaseReport`, `getReport`, `setVariableMonitoring`. Each is refused
//! with `UNSUPPORTED_BY_STATION` for a 1.6 station, with nothing sent.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::device_model_variable as row;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, QueryFilter,
    sea_query::{Expr, ExprTrait, Func},
};

use super::{
    error::ApiError,
    guard::staff_for,
    pagination::{self, Page, PageArgs},
};
use crate::use_case::device_model::{Monitor, Setting, Target};
use ocpp::v201 as wire;

/// Declares a GraphQL enum (named `$gql`) that mirrors an OCPP 2.0.1 one variant for variant
/// (`wire::$name`, resolved where the macro is called), converted both ways.
macro_rules! mirror_as {
    ($(#[$meta:meta])* $gql:literal $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
        #[graphql(name = $gql)]
        #[allow(clippy::enum_variant_names)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl From<wire::$name> for $name {
            fn from(value: wire::$name) -> Self {
                match value {
                    $(wire::$name::$variant => Self::$variant),+
                }
            }
        }

        impl From<$name> for wire::$name {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => Self::$variant),+
                }
            }
        }
    };
}
pub(super) use mirror_as;

mirror_as!(
    /// Which attribute of a variable: its actual value, its target, or its lowest or highest
    /// allowed setting.
    "AttributeType" AttributeEnum {
        Actual,
        Target,
        MinSet,
        MaxSet
    }
);
mirror_as!(
    /// Whether a variable can be read and/or written.
    "Mutability" MutabilityEnum {
        ReadOnly,
        WriteOnly,
        ReadWrite
    }
);
mirror_as!(
    /// The data type of a variable's value.
    "VariableDataType" DataEnum {
        String,
        Decimal,
        Integer,
        DateTime,
        Boolean,
        OptionList,
        SequenceList,
        MemberList
    }
);
mirror_as!(
    /// The station's answer for one variable of GetVariables.
    "GetVariableStatus" GetVariableStatusEnum {
        Accepted,
        Rejected,
        UnknownComponent,
        UnknownVariable,
        NotSupportedAttributeType
    }
);
mirror_as!(
    /// The station's answer for one variable of SetVariables (`REBOOT_REQUIRED`: set, in
    /// effect after a reboot; only `ACCEPTED` values are stored in the device model).
    "SetVariableStatus" SetVariableStatusEnum {
        Accepted,
        Rejected,
        UnknownComponent,
        UnknownVariable,
        NotSupportedAttributeType,
        RebootRequired
    }
);
mirror_as!(
    /// A predefined report: the configurable variables, everything, or the components with
    /// a problem or unavailable.
    "ReportBase" ReportBaseEnum {
        ConfigurationInventory,
        FullInventory,
        SummaryInventory
    }
);
mirror_as!(
    /// The station's answer to a report request (`EMPTY_RESULT_SET`: nothing matches, no
    /// report follows).
    "DeviceModelStatus" GenericDeviceModelStatusEnum {
        Accepted,
        Rejected,
        NotSupported,
        EmptyResultSet
    }
);
mirror_as!(
    /// Components to report by their state (GetReport).
    "ComponentCriterion" ComponentCriterionEnum {
        Active,
        Available,
        Enabled,
        Problem
    }
);
mirror_as!(
    /// What a monitor watches: a value above or below a threshold, a change by at least a
    /// delta, or a periodic report (every `value` seconds, or clock-aligned).
    "MonitorType" MonitorEnum {
        UpperThreshold,
        LowerThreshold,
        Delta,
        Periodic,
        PeriodicClockAligned
    }
);
mirror_as!(
    /// The station's answer for one monitor of SetVariableMonitoring.
    "SetMonitoringStatus" SetMonitoringStatusEnum {
        Accepted,
        UnknownComponent,
        UnknownVariable,
        UnsupportedMonitorType,
        Rejected,
        Duplicate
    }
);

/// Why a station answered as it did, when it said so.
#[derive(SimpleObject)]
pub struct StatusInfo {
    /// The station's reason code (up to 20 characters, e.g. `NotEnabled`).
    pub reason_code: String,
    /// More about it, free text.
    pub additional_info: Option<String>,
}

impl StatusInfo {
    pub(super) fn of(info: Option<wire::StatusInfo>) -> Option<Self> {
        info.map(|i| Self {
            reason_code: i.reason_code.into_string(),
            additional_info: i.additional_info.map(wire::CiString::into_string),
        })
    }
}

/// One attribute of one variable of an OCPP 2.0.1 station's device model, as the station last
/// reported it (NotifyReport) or answered it (GetVariables, SetVariables).
pub struct DeviceModelVariable(pub row::Model);

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[Object]
impl DeviceModelVariable {
    /// The component's name (`OCPPCommCtrlr`, `EVSE`, `Connector`, …).
    async fn component(&self) -> &str {
        &self.0.component_name
    }
    /// The component's instance, when it has one.
    async fn component_instance(&self) -> Option<&str> {
        some(&self.0.component_instance)
    }
    /// The EVSE the component belongs to, when it belongs to one.
    async fn evse_id(&self) -> Option<i32> {
        (self.0.evse_id != 0).then_some(self.0.evse_id)
    }
    /// The connector of that EVSE the component belongs to, when it belongs to one.
    async fn connector_id(&self) -> Option<i32> {
        (self.0.connector_id != 0).then_some(self.0.connector_id)
    }
    /// The variable's name (`HeartbeatInterval`, `Available`, …).
    async fn variable(&self) -> &str {
        &self.0.variable_name
    }
    /// The variable's instance, when it has one.
    async fn variable_instance(&self) -> Option<&str> {
        some(&self.0.variable_instance)
    }
    /// Which attribute of the variable this is.
    async fn attribute_type(&self) -> Option<AttributeEnum> {
        wire::AttributeEnum::from_wire(&self.0.attribute_type).map(Into::into)
    }
    /// Its value as the station gave it (null: none, e.g. a write-only variable).
    async fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }
    /// Whether it can be read and/or written; null when the station did not say (OCPP's
    /// default is READ_WRITE) or only a value is known.
    async fn mutability(&self) -> Option<MutabilityEnum> {
        wire::MutabilityEnum::from_wire(self.0.mutability.as_deref()?).map(Into::into)
    }
    /// Whether its value survives a reboot; null when not reported (OCPP's default: false).
    async fn persistent(&self) -> Option<bool> {
        self.0.persistent
    }
    /// Whether its value never changes; null when not reported (OCPP's default: false).
    async fn constant(&self) -> Option<bool> {
        self.0.constant
    }
    /// The data type of its value; null when no characteristics were reported.
    async fn data_type(&self) -> Option<DataEnum> {
        wire::DataEnum::from_wire(self.0.data_type.as_deref()?).map(Into::into)
    }
    /// The unit of its value (`s`, `A`, `Wh`, …), when reported.
    async fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    /// Its lowest allowed value (for a string: its shortest length), when reported.
    async fn min_limit(&self) -> Option<f64> {
        self.0.min_limit
    }
    /// Its highest allowed value (for a string: its longest length), when reported.
    async fn max_limit(&self) -> Option<f64> {
        self.0.max_limit
    }
    /// The allowed values of an option, sequence or member list, comma-separated, when
    /// reported.
    async fn values_list(&self) -> Option<&str> {
        self.0.values_list.as_deref()
    }
    /// Whether monitors can be set on it (SetVariableMonitoring); null when not reported.
    async fn supports_monitoring(&self) -> Option<bool> {
        self.0.supports_monitoring
    }
    /// When this row was last written.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// `Station.deviceModel`: the station's stored variables, of one component and/or one
/// variable name (case-insensitive), in the order component, instance, EVSE, connector,
/// variable, instance, attribute. Staff only, within the token's stations.
pub(super) async fn of_station(
    ctx: &Context<'_>,
    station_id: &str,
    component: Option<String>,
    variable: Option<String>,
    args: PageArgs,
) -> Result<Page<DeviceModelVariable>> {
    use row::Column as C;
    staff_for(ctx, station_id)?;
    let lower = |column: C, value: &str| {
        Expr::expr(Func::lower(Expr::col((row::Entity, column)))).eq(value.to_lowercase())
    };
    let mut filter = Condition::all().add(C::StationId.eq(station_id));
    if let Some(component) = &component {
        filter = filter.add(lower(C::ComponentName, component));
    }
    if let Some(variable) = &variable {
        filter = filter.add(lower(C::VariableName, variable));
    }
    let order = [
        (C::ComponentName, Order::Asc),
        (C::ComponentInstance, Order::Asc),
        (C::EvseId, Order::Asc),
        (C::ConnectorId, Order::Asc),
        (C::VariableName, Order::Asc),
        (C::VariableInstance, Order::Asc),
        (C::AttributeType, Order::Asc),
    ];
    let query = row::Entity::find().filter(filter);
    Ok(pagination::rows(ctx, args, query, &order, DeviceModelVariable).await?)
}

/// A variable of a component of an OCPP 2.0.1 station, and which of its attributes.
#[derive(InputObject)]
pub struct VariableInput {
    /// The component's name (`OCPPCommCtrlr`, `EVSE`, `Connector`, …; up to 50 characters).
    pub component: String,
    /// The component's instance, when it has several.
    pub component_instance: Option<String>,
    /// The EVSE the component belongs to (1 and up), for an EVSE's or connector's component.
    pub evse_id: Option<i32>,
    /// The connector of that EVSE (1 and up; needs `evseId`).
    pub connector_id: Option<i32>,
    /// The variable's name (`HeartbeatInterval`, …; up to 50 characters).
    pub variable: String,
    /// The variable's instance, when it has several.
    pub variable_instance: Option<String>,
    /// Which attribute (default ACTUAL).
    pub attribute_type: Option<AttributeEnum>,
}

/// A variable to set, with its new value.
#[derive(InputObject)]
pub struct SetVariableInput {
    /// The component's name (up to 50 characters).
    pub component: String,
    /// The component's instance, when it has several.
    pub component_instance: Option<String>,
    /// The EVSE the component belongs to (1 and up).
    pub evse_id: Option<i32>,
    /// The connector of that EVSE (1 and up; needs `evseId`).
    pub connector_id: Option<i32>,
    /// The variable's name (up to 50 characters).
    pub variable: String,
    /// The variable's instance, when it has several.
    pub variable_instance: Option<String>,
    /// Which attribute to set (default ACTUAL).
    pub attribute_type: Option<AttributeEnum>,
    /// The new value, as text (up to 1000 characters).
    pub value: String,
}

/// A component, and optionally one of its variables, to report (GetReport).
#[derive(InputObject)]
pub struct ComponentVariableInput {
    /// The component's name (up to 50 characters).
    pub component: String,
    /// The component's instance, when it has several.
    pub component_instance: Option<String>,
    /// The EVSE the component belongs to (1 and up).
    pub evse_id: Option<i32>,
    /// The connector of that EVSE (1 and up; needs `evseId`).
    pub connector_id: Option<i32>,
    /// One variable of it (none: all its variables).
    pub variable: Option<String>,
    /// The variable's instance, when it has several.
    pub variable_instance: Option<String>,
}

/// A monitor to set on a variable (SetVariableMonitoring).
#[derive(InputObject)]
pub struct MonitorInput {
    /// The id of a monitor of the station's to replace; none: a new monitor.
    pub id: Option<i32>,
    /// Monitor only while a transaction runs (default false).
    pub transaction: Option<bool>,
    /// The threshold, the delta, or the period in seconds, as `type` says.
    pub value: f64,
    /// What the monitor watches.
    #[graphql(name = "type")]
    pub kind: MonitorEnum,
    /// How severe an event of it is: 0 (danger) to 9 (debug).
    pub severity: i32,
    /// The component's name (up to 50 characters).
    pub component: String,
    /// The component's instance, when it has several.
    pub component_instance: Option<String>,
    /// The EVSE the component belongs to (1 and up).
    pub evse_id: Option<i32>,
    /// The connector of that EVSE (1 and up; needs `evseId`).
    pub connector_id: Option<i32>,
    /// The variable's name (up to 50 characters).
    pub variable: String,
    /// The variable's instance, when it has several.
    pub variable_instance: Option<String>,
}

/// The station's answer for one variable of `getVariables`.
#[derive(SimpleObject)]
pub struct GetVariableResult {
    #[graphql(flatten)]
    pub place: Place,
    /// The attribute read (ACTUAL when the station names none).
    pub attribute_type: AttributeEnum,
    /// Whether it was read.
    pub status: GetVariableStatusEnum,
    /// Its value, when read.
    pub value: Option<String>,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

/// The station's answer for one variable of `setVariables`.
#[derive(SimpleObject)]
pub struct SetVariableResult {
    #[graphql(flatten)]
    pub place: Place,
    /// The attribute set (ACTUAL when the station names none).
    pub attribute_type: AttributeEnum,
    /// Whether it was set.
    pub status: SetVariableStatusEnum,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

/// The station's answer for one monitor of `setVariableMonitoring`.
#[derive(SimpleObject)]
pub struct SetMonitorResult {
    /// The monitor's id at the station, when it was set.
    pub id: Option<i32>,
    /// Whether it was set.
    pub status: SetMonitoringStatusEnum,
    /// What it watches.
    #[graphql(name = "type")]
    pub kind: MonitorEnum,
    /// Its severity, 0 (danger) to 9 (debug).
    pub severity: i32,
    #[graphql(flatten)]
    pub place: Place,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

/// `getVariables`' answer.
#[derive(SimpleObject)]
pub struct GetVariablesResult {
    /// One per variable asked for.
    pub results: Vec<GetVariableResult>,
}

/// `setVariables`' answer.
#[derive(SimpleObject)]
pub struct SetVariablesResult {
    /// One per variable set.
    pub results: Vec<SetVariableResult>,
}

/// `setVariableMonitoring`'s answer.
#[derive(SimpleObject)]
pub struct SetVariableMonitoringResult {
    /// One per monitor.
    pub results: Vec<SetMonitorResult>,
}

/// The answer to a report request; the report follows as NotifyReport parts, stored in the
/// device model.
#[derive(SimpleObject)]
pub struct ReportRequestResult {
    /// Whether the station will report.
    pub status: GenericDeviceModelStatusEnum,
    /// The request id the report's parts carry.
    pub request_id: i32,
    /// Why, when the station says.
    pub status_info: Option<StatusInfo>,
}

/// Where an answer for one variable is: its component and variable as the station names them
/// (in each result's fields, flattened).
#[derive(SimpleObject)]
pub struct Place {
    /// The component, as the station names it.
    pub component: String,
    /// The component's instance, when it has one.
    pub component_instance: Option<String>,
    /// The component's EVSE, when it has one.
    pub evse_id: Option<i32>,
    /// The component's connector, when it has one.
    pub connector_id: Option<i32>,
    /// The variable.
    pub variable: String,
    /// The variable's instance, when it has one.
    pub variable_instance: Option<String>,
}

fn place(component: wire::Component, variable: wire::Variable) -> Place {
    Place {
        component: component.name.into_string(),
        component_instance: component.instance.map(wire::CiString::into_string),
        evse_id: component.evse.as_ref().map(|e| e.id),
        connector_id: component.evse.and_then(|e| e.connector_id),
        variable: variable.name.into_string(),
        variable_instance: variable.instance.map(wire::CiString::into_string),
    }
}

fn target(
    component: String,
    component_instance: Option<String>,
    evse_id: Option<i32>,
    connector_id: Option<i32>,
    variable: Option<String>,
    variable_instance: Option<String>,
) -> Target {
    Target {
        component,
        component_instance,
        evse_id,
        connector_id,
        variable,
        variable_instance,
    }
}

#[derive(Default)]
pub struct DeviceModelMutation;

#[Object]
impl DeviceModelMutation {
    /// OCPP 2.0.1: reads 1 to 100 `variables` of the station (GetVariables); the values it
    /// gives are stored in its device model. Operators and admins; a 1.6 station:
    /// `UNSUPPORTED_BY_STATION`.
    async fn get_variables(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        variables: Vec<VariableInput>,
    ) -> Result<GetVariablesResult> {
        let asked: Vec<_> = variables
            .into_iter()
            .map(|v| {
                let t = target(
                    v.component,
                    v.component_instance,
                    v.evse_id,
                    v.connector_id,
                    Some(v.variable),
                    v.variable_instance,
                );
                (t, v.attribute_type.map(Into::into))
            })
            .collect();
        let results = super::command::on_behalf(ctx)?
            .get_variables(&station_id, &asked)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetVariablesResult {
            results: results
                .into_iter()
                .map(|r| GetVariableResult {
                    place: place(r.component, r.variable),
                    attribute_type: r
                        .attribute_type
                        .unwrap_or(wire::AttributeEnum::Actual)
                        .into(),
                    status: r.attribute_status.into(),
                    value: r.attribute_value.map(wire::CiString::into_string),
                    status_info: StatusInfo::of(r.attribute_status_info),
                })
                .collect(),
        })
    }

    /// OCPP 2.0.1: sets 1 to 100 `variables` of the station to their values (SetVariables);
    /// the values it accepts are stored in its device model. Operators and admins; a 1.6 station:
    /// `UNSUPPORTED_BY_STATION`.
    async fn set_variables(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        variables: Vec<SetVariableInput>,
    ) -> Result<SetVariablesResult> {
        let settings: Vec<Setting> = variables
            .into_iter()
            .map(|v| Setting {
                target: target(
                    v.component,
                    v.component_instance,
                    v.evse_id,
                    v.connector_id,
                    Some(v.variable),
                    v.variable_instance,
                ),
                attribute_type: v.attribute_type.map(Into::into),
                value: v.value,
            })
            .collect();
        let results = super::command::on_behalf(ctx)?
            .set_variables(&station_id, &settings)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SetVariablesResult {
            results: results
                .into_iter()
                .map(|r| SetVariableResult {
                    place: place(r.component, r.variable),
                    attribute_type: r
                        .attribute_type
                        .unwrap_or(wire::AttributeEnum::Actual)
                        .into(),
                    status: r.attribute_status.into(),
                    status_info: StatusInfo::of(r.attribute_status_info),
                })
                .collect(),
        })
    }

    /// OCPP 2.0.1: asks the station for a predefined report, `reportBase` (GetBaseReport),
    /// with a fresh request id; its parts arrive
    /// as NotifyReport and fill the device model (`Station.deviceModel`). Operators and
    /// admins; a 1.6 station: `UNSUPPORTED_BY_STATION`.
    async fn get_base_report(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        report_base: ReportBaseEnum,
    ) -> Result<ReportRequestResult> {
        let (answer, request_id) = super::command::on_behalf(ctx)?
            .get_base_report(&station_id, report_base.into())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ReportRequestResult {
            status: answer.status.into(),
            request_id,
            status_info: StatusInfo::of(answer.status_info),
        })
    }

    /// OCPP 2.0.1: asks the station for a report of the components (and variables) named in
    /// `componentVariables` (1 to 100) and/or those in any of the states of
    /// `componentCriteria` (GetReport; neither: everything), with a fresh request id; its
    /// parts arrive as
    /// NotifyReport and fill the device model. Operators and admins; a 1.6 station:
    /// `UNSUPPORTED_BY_STATION`.
    async fn get_report(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        component_criteria: Option<Vec<ComponentCriterionEnum>>,
        component_variables: Option<Vec<ComponentVariableInput>>,
    ) -> Result<ReportRequestResult> {
        let criteria: Vec<wire::ComponentCriterionEnum> = component_criteria
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect();
        let components: Vec<Target> = component_variables
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                target(
                    c.component,
                    c.component_instance,
                    c.evse_id,
                    c.connector_id,
                    c.variable,
                    c.variable_instance,
                )
            })
            .collect();
        let (answer, request_id) = super::command::on_behalf(ctx)?
            .get_report(&station_id, &criteria, &components)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ReportRequestResult {
            status: answer.status.into(),
            request_id,
            status_info: StatusInfo::of(answer.status_info),
        })
    }

    /// OCPP 2.0.1: sets 1 to 100 `monitors` on variables of the station
    /// (SetVariableMonitoring).
    /// Operators and admins; a 1.6 station: `UNSUPPORTED_BY_STATION`.
    async fn set_variable_monitoring(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        monitors: Vec<MonitorInput>,
    ) -> Result<SetVariableMonitoringResult> {
        let monitors: Vec<Monitor> = monitors
            .into_iter()
            .map(|m| Monitor {
                id: m.id,
                transaction: m.transaction,
                value: m.value,
                kind: m.kind.into(),
                severity: m.severity,
                target: target(
                    m.component,
                    m.component_instance,
                    m.evse_id,
                    m.connector_id,
                    Some(m.variable),
                    m.variable_instance,
                ),
            })
            .collect();
        let results = super::command::on_behalf(ctx)?
            .set_variable_monitoring(&station_id, &monitors)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SetVariableMonitoringResult {
            results: results
                .into_iter()
                .map(|r| SetMonitorResult {
                    id: r.id,
                    status: r.status.into(),
                    kind: r.kind.into(),
                    severity: r.severity,
                    place: place(r.component, r.variable),
                    status_info: StatusInfo::of(r.status_info),
                })
                .collect(),
        })
    }
}
