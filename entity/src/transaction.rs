//! A charging transaction: created by a StartTransaction (1.6) or the first TransactionEvent of a
//! 2.0.1 station's transaction, closed by its StopTransaction or its `Ended` event.

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
    /// An OCPP 2.0.1 station's own id for the transaction (unique per station); null for 1.6.
    pub station_transaction_id: Option<String>,
    /// The type of the id token (2.0.1 `IdTokenEnumType`: `ISO14443`, `Central`, …); null for
    /// 1.6, whose id tags have no type.
    pub id_token_type: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
