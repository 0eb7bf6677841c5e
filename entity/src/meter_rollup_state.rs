//! The rollup job's one row (`id` 1): how far it has rolled up `meter_readings` and from when the
//! raw readings are all still there (the meter retention deletes older ones).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_rollup_state")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    /// Every reading with an id up to this one is in the rollups.
    pub done_id: i64,
    /// PostgreSQL: the highest reading id seen at the job's previous run, rolled up at the next
    /// one (by then every transaction that took a lower id has committed).
    pub seen_id: i64,
    /// When `seen_id` was seen (µs, the node's clock).
    pub seen_at: i64,
    /// Readings older than this (µs, a bucket start) may have been deleted: their buckets are
    /// never computed again from raw readings, late ones are merged into them. `None`: none was.
    pub raw_from: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
