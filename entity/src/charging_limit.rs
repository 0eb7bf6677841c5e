//! An external charging limit in force on an OCPP 2.0.1 station or one of its EVSEs
//! (NotifyChargingLimit), removed when the station reports it cleared (ClearedChargingLimit):
//! one row per EVSE and source.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "charging_limits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// 0: the station as a whole (no EVSE named).
    pub evse_id: i32,
    /// Who set it: `EMS`, `Other`, `SO` or `CSO`.
    pub charging_limit_source: String,
    pub is_grid_critical: Option<bool>,
    /// The limit's schedules as sent, a JSON array of OCPP 2.0.1 `ChargingSchedule`s; null when
    /// none were sent or they were longer than `--max-charging-payload`.
    pub schedules: Option<String>,
    /// Schedules were sent but not kept: longer than `--max-charging-payload`.
    pub schedules_omitted: bool,
    pub notified_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
