//! An alert raised by a rule: stored once (unique `dedupe_key`) whichever node raised it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alerts")]
pub struct Model {
    /// 32 hexadecimal digits, random: the `Idempotency-Key` of its deliveries.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub rule_id: i32,
    pub kind: String,
    pub station_id: Option<String>,
    /// What makes two raisings the same alert (e.g. the rule, station and the time it went
    /// offline), so that two nodes evaluating one rule store one alert.
    pub dedupe_key: String,
    pub summary: String,
    /// A JSON object: the facts of the alert (error code, event type, transaction, …).
    pub details: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
