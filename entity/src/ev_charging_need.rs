//! What the EV on an EVSE of an OCPP 2.0.1 station last said it needs (NotifyEVChargingNeeds,
//! ISO 15118): one row per EVSE.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ev_charging_needs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    pub evse_id: i32,
    /// `DC`, `AC_single_phase`, `AC_two_phase` or `AC_three_phase`.
    pub requested_energy_transfer: String,
    pub departure_time: Option<DateTimeUtc>,
    /// How many schedules the EV accepts at most.
    pub max_schedule_tuples: Option<i32>,
    /// OCPP 2.0.1 `ACChargingParametersType` as JSON (its `customData` left out).
    pub ac_parameters: Option<String>,
    /// OCPP 2.0.1 `DCChargingParametersType` as JSON (its `customData` left out).
    pub dc_parameters: Option<String>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
