//! A StopTransaction that could not be attached to a transaction of its station, kept for
//! reconciliation (unknown id, `-1`, `0`, another station's id, or a conflicting second stop).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unmatched_stops")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The transactionId the station sent.
    pub reported_transaction_id: i32,
    /// `unknown_transaction`, `other_station` or `already_stopped`.
    pub kind: String,
    pub id_tag: Option<String>,
    pub meter_stop: i64,
    pub timestamp: DateTimeUtc,
    pub reason: Option<String>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
