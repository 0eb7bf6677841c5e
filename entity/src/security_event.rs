//! A SecurityEventNotification a station sent (Security Whitepaper §5.15, §8).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "security_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The event's `type` as sent (e.g. `TamperDetectionActivated`); at most 50 characters.
    pub event_type: String,
    /// When the event happened, by the station's clock.
    pub timestamp: DateTimeUtc,
    pub tech_info: Option<String>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
