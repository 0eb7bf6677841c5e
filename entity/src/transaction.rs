//! A charging transaction, created by a StartTransaction and closed by its StopTransaction.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transactions")]
pub struct Model {
    /// The transactionId given to the station; never reused.
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    pub connector_id: i32,
    /// The id tag as the station sent it.
    pub id_tag: String,
    /// The id tag folded to lower case, for look-ups.
    pub id_tag_key: String,
    /// The idTagInfo status the StartTransaction was answered with.
    pub start_id_tag_status: String,
    /// Wh, as sent.
    pub meter_start: i64,
    /// The station's timestamp, as sent.
    pub start_time: DateTimeUtc,
    pub reservation_id: Option<i32>,
    pub meter_stop: Option<i64>,
    pub stop_time: Option<DateTimeUtc>,
    pub stop_reason: Option<String>,
    pub stop_id_tag: Option<String>,
    pub started_received_at: DateTimeUtc,
    pub stopped_received_at: Option<DateTimeUtc>,
    /// Comma-separated anomaly codes (empty when none); see ARCHITECTURE.md.
    pub flags: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
