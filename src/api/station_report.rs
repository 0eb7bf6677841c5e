//! What OCPP 2.0.1 stations report beside their device model, in the API (staff only): the
//! fields `Station.events` (NotifyEvent, newest first), `Station.monitors` (NotifyMonitoringReport)
//! and `Station.customerInformation` (NotifyCustomerInformation, newest report first), each a
//! page of the rows `use_case::station_report` keeps.

use async_graphql::{ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::{customer_information_report as report, station_event, variable_monitor as monitor};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, QueryFilter,
    sea_query::{Expr, ExprTrait, Func},
};

use super::{
    device_model::{MonitorEnum, mirror_as},
    guard::staff_for,
    pagination::{self, Page, PageArgs},
};
use ocpp::v201 as wire;

mirror_as!(
    /// What made a station report an event: a monitor's threshold crossed (or cleared), a
    /// value changed by its delta, or a periodic report.
    "EventTrigger" EventTriggerEnum {
        Alerting,
        Delta,
        Periodic
    }
);
mirror_as!(
    /// Where a reported event comes from: a notification or monitor built into the station,
    /// a monitor preconfigured by its maker, or one set through `setVariableMonitoring`.
    "EventNotificationType" EventNotificationEnum {
        HardWiredNotification,
        HardWiredMonitor,
        PreconfiguredMonitor,
        CustomMonitor
    }
);

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// An event an OCPP 2.0.1 station reported (NotifyEvent).
pub struct DeviceEvent(pub station_event::Model);

#[Object]
impl DeviceEvent {
    /// The row's id (newer events have greater ids).
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// The station's id of the event; a later event may name it as its `cause`.
    async fn event_id(&self) -> i32 {
        self.0.event_id
    }
    /// When it happened, by the station's clock.
    async fn timestamp(&self) -> DateTime<Utc> {
        self.0.timestamp
    }
    async fn trigger(&self) -> Option<EventTriggerEnum> {
        wire::EventTriggerEnum::from_wire(&self.0.trigger).map(Into::into)
    }
    /// The `eventId` of the event that caused this one.
    async fn cause(&self) -> Option<i32> {
        self.0.cause
    }
    /// The variable's value when it happened.
    async fn actual_value(&self) -> &str {
        &self.0.actual_value
    }
    async fn tech_code(&self) -> Option<&str> {
        self.0.tech_code.as_deref()
    }
    async fn tech_info(&self) -> Option<&str> {
        self.0.tech_info.as_deref()
    }
    /// Whether the monitored condition has cleared.
    async fn cleared(&self) -> Option<bool> {
        self.0.cleared
    }
    /// The station's transaction id, when the event relates to a transaction.
    async fn transaction_id(&self) -> Option<&str> {
        self.0.transaction_id.as_deref()
    }
    async fn component(&self) -> &str {
        &self.0.component_name
    }
    async fn component_instance(&self) -> Option<&str> {
        some(&self.0.component_instance)
    }
    async fn evse_id(&self) -> Option<i32> {
        (self.0.evse_id != 0).then_some(self.0.evse_id)
    }
    async fn connector_id(&self) -> Option<i32> {
        (self.0.connector_id != 0).then_some(self.0.connector_id)
    }
    async fn variable(&self) -> &str {
        &self.0.variable_name
    }
    async fn variable_instance(&self) -> Option<&str> {
        some(&self.0.variable_instance)
    }
    /// The monitor that raised it, if one did.
    async fn variable_monitoring_id(&self) -> Option<i32> {
        self.0.variable_monitoring_id
    }
    async fn event_notification_type(&self) -> Option<EventNotificationEnum> {
        wire::EventNotificationEnum::from_wire(&self.0.event_notification_type).map(Into::into)
    }
    /// When chargegate received it.
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
}

/// A monitor an OCPP 2.0.1 station has on one of its variables, as its latest
/// NotifyMonitoringReport gave it.
pub struct VariableMonitor(pub monitor::Model);

#[Object]
impl VariableMonitor {
    /// The station's id of the monitor.
    async fn id(&self) -> i32 {
        self.0.monitor_id
    }
    async fn component(&self) -> &str {
        &self.0.component_name
    }
    async fn component_instance(&self) -> Option<&str> {
        some(&self.0.component_instance)
    }
    async fn evse_id(&self) -> Option<i32> {
        (self.0.evse_id != 0).then_some(self.0.evse_id)
    }
    async fn connector_id(&self) -> Option<i32> {
        (self.0.connector_id != 0).then_some(self.0.connector_id)
    }
    async fn variable(&self) -> &str {
        &self.0.variable_name
    }
    async fn variable_instance(&self) -> Option<&str> {
        some(&self.0.variable_instance)
    }
    /// Whether it is active only during a transaction.
    async fn transaction(&self) -> bool {
        self.0.transaction
    }
    #[graphql(name = "type")]
    async fn kind(&self) -> Option<MonitorEnum> {
        wire::MonitorEnum::from_wire(&self.0.kind).map(Into::into)
    }
    /// The threshold, delta or period (seconds).
    async fn value(&self) -> f64 {
        self.0.value
    }
    /// 0 (danger) to 9 (debug).
    async fn severity(&self) -> i32 {
        self.0.severity
    }
    /// The `requestId` of the report that gave it.
    async fn request_id(&self) -> i32 {
        self.0.request_id
    }
    /// When it was last reported.
    async fn reported_at(&self) -> DateTime<Utc> {
        self.0.reported_at
    }
}

/// The customer information an OCPP 2.0.1 station reported for one `customerInformation`
/// request (NotifyCustomerInformation, its parts joined).
pub struct CustomerInformationReport(pub report::Model);

#[Object]
impl CustomerInformationReport {
    /// The `requestId` that `customerInformation` returned.
    async fn request_id(&self) -> i32 {
        self.0.request_id
    }
    /// The parts' data, joined in the order they arrived.
    async fn data(&self) -> &str {
        &self.0.data
    }
    /// Parts received.
    async fn parts(&self) -> i32 {
        self.0.parts
    }
    /// Whether the last part arrived (no more to come).
    async fn complete(&self) -> bool {
        self.0.complete
    }
    /// Whether data was dropped at `--max-customer-information-size`.
    async fn truncated(&self) -> bool {
        self.0.truncated
    }
    /// The latest part's `generatedAt`.
    async fn generated_at(&self) -> DateTime<Utc> {
        self.0.generated_at
    }
    /// When the latest part arrived.
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
}

/// A page of a station's events, newest first (of one component and/or variable name,
/// case-insensitive).
pub(super) async fn events_of(
    ctx: &async_graphql::Context<'_>,
    station_id: &str,
    component: Option<String>,
    variable: Option<String>,
    args: PageArgs,
) -> Result<Page<DeviceEvent>> {
    use station_event::Column as C;
    staff_for(ctx, station_id)?;
    let lower = |column: C, value: &str| {
        Expr::expr(Func::lower(Expr::col((station_event::Entity, column)))).eq(value.to_lowercase())
    };
    let mut filter = Condition::all().add(C::StationId.eq(station_id));
    if let Some(component) = &component {
        filter = filter.add(lower(C::ComponentName, component));
    }
    if let Some(variable) = &variable {
        filter = filter.add(lower(C::VariableName, variable));
    }
    let query = station_event::Entity::find().filter(filter);
    Ok(pagination::rows(ctx, args, query, &[(C::Id, Order::Desc)], DeviceEvent).await?)
}

/// A page of a station's monitors, by component, variable and id.
pub(super) async fn monitors_of(
    ctx: &async_graphql::Context<'_>,
    station_id: &str,
    args: PageArgs,
) -> Result<Page<VariableMonitor>> {
    use monitor::Column as C;
    staff_for(ctx, station_id)?;
    let query = monitor::Entity::find().filter(C::StationId.eq(station_id));
    let order = [
        (C::ComponentName, Order::Asc),
        (C::ComponentInstance, Order::Asc),
        (C::EvseId, Order::Asc),
        (C::ConnectorId, Order::Asc),
        (C::VariableName, Order::Asc),
        (C::VariableInstance, Order::Asc),
        (C::MonitorId, Order::Asc),
    ];
    Ok(pagination::rows(ctx, args, query, &order, VariableMonitor).await?)
}

/// A page of a station's customer information reports, newest first (of one request).
pub(super) async fn customer_information_of(
    ctx: &async_graphql::Context<'_>,
    station_id: &str,
    request_id: Option<i32>,
    args: PageArgs,
) -> Result<Page<CustomerInformationReport>> {
    use report::Column as C;
    staff_for(ctx, station_id)?;
    let mut query = report::Entity::find().filter(C::StationId.eq(station_id));
    if let Some(request_id) = request_id {
        query = query.filter(C::RequestId.eq(request_id));
    }
    Ok(pagination::rows(
        ctx,
        args,
        query,
        &[(C::Id, Order::Desc)],
        CustomerInformationReport,
    )
    .await?)
}
