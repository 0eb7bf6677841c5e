//! One monitor an OCPP 2.0.1 station has on a variable, as its latest NotifyMonitoringReport
//! gave it (keyed by the station's monitor id). Absent component and variable key parts are
//! sentinels as in `device_model_variables`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "variable_monitors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub station_id: String,
    /// The station's id of the monitor.
    #[sea_orm(primary_key, auto_increment = false)]
    pub monitor_id: i32,
    pub component_name: String,
    pub component_instance: String,
    pub evse_id: i32,
    pub connector_id: i32,
    pub variable_name: String,
    pub variable_instance: String,
    /// Whether the monitor is active only during a transaction.
    pub transaction: bool,
    /// `UpperThreshold`, `LowerThreshold`, `Delta`, `Periodic` or `PeriodicClockAligned`.
    pub kind: String,
    pub value: f64,
    /// 0 (danger) to 9 (debug).
    pub severity: i32,
    /// The `requestId` of the report that gave it.
    pub request_id: i32,
    /// When the row was last written.
    pub reported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
