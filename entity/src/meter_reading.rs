//! PLACEHOLDER (h-rollup only, replaced by main's entity at the merge).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_readings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub series: i32,
    pub at: i64,
    pub reported_transaction_id: Option<i32>,
    pub transaction_id: Option<i32>,
    pub digest: i32,
    pub source: i16,
    pub received_at: i64,
    pub register_wh: Option<f64>,
    pub samples: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
