//! One event an OCPP 2.0.1 station reported in NotifyEvent (a monitor tripped or cleared, a
//! hard-wired notification, a periodic value), kept newest-first up to a bound per station.
//! Absent component and variable key parts are sentinels as in `device_model_variables`: `""`
//! for an instance, `0` for an EVSE or connector id.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "station_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The station's id of the event (`eventId`); a later event names it as its `cause`.
    pub event_id: i32,
    /// When the event happened, by the station's clock.
    pub timestamp: DateTimeUtc,
    /// `Alerting`, `Delta` or `Periodic`.
    pub trigger: String,
    /// The `eventId` of the event that caused this one.
    pub cause: Option<i32>,
    /// The variable's value when the event happened (at most 2500 characters).
    pub actual_value: String,
    pub tech_code: Option<String>,
    pub tech_info: Option<String>,
    /// Whether the monitored condition has cleared.
    pub cleared: Option<bool>,
    /// The station's transaction id, when the event relates to one.
    pub transaction_id: Option<String>,
    pub component_name: String,
    pub component_instance: String,
    pub evse_id: i32,
    pub connector_id: i32,
    pub variable_name: String,
    pub variable_instance: String,
    /// The monitor that raised the event, if one did.
    pub variable_monitoring_id: Option<i32>,
    /// `HardWiredNotification`, `HardWiredMonitor`, `PreconfiguredMonitor` or `CustomMonitor`.
    pub event_notification_type: String,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
