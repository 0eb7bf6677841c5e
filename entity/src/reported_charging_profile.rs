//! A charging profile an OCPP 2.0.1 station reported holding (ReportChargingProfiles, after a
//! GetChargingProfiles), as it last reported it: one row per source, EVSE and profile id.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reported_charging_profiles")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// 0: the station as a whole.
    pub evse_id: i32,
    /// Who set it: `EMS`, `Other`, `SO` or `CSO`.
    pub charging_limit_source: String,
    pub charging_profile_id: i32,
    pub stack_level: i32,
    /// `ChargingStationExternalConstraints`, `ChargingStationMaxProfile`, `TxDefaultProfile`
    /// or `TxProfile`.
    pub purpose: String,
    /// `Absolute`, `Recurring` or `Relative`.
    pub kind: String,
    /// The station's own id of a `TxProfile`'s transaction.
    pub transaction_id: Option<String>,
    /// The GetChargingProfiles request the report answered.
    pub request_id: i32,
    /// The whole profile as reported, in OCPP 2.0.1's JSON; null when it was longer than
    /// `--max-charging-payload`.
    pub profile: Option<String>,
    pub reported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
