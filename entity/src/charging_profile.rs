//! A charging profile sent to a station (Smart Charging), kept while the station holds it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "charging_profiles")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// 0: the whole station.
    pub connector_id: i32,
    /// The profile's own `chargingProfileId`.
    pub charging_profile_id: i32,
    pub stack_level: i32,
    /// `ChargePointMaxProfile`, `TxDefaultProfile` or `TxProfile`.
    pub purpose: String,
    /// `Absolute`, `Recurring` or `Relative`.
    pub kind: String,
    pub transaction_id: Option<i32>,
    /// The whole profile as sent, in OCPP's JSON.
    pub profile: String,
    /// `Installed`, `Replaced` (by a profile with the same id, or stack level and purpose),
    /// `Cleared` (ClearChargingProfile) or `Ended` (its transaction stopped).
    pub state: String,
    pub installed_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
