//! One sampled value of a MeterValues message or of a StopTransaction's transactionData.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_values")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub station_id: String,
    pub connector_id: i32,
    /// The transaction this sample belongs to, when the station named one that it owns.
    pub transaction_id: Option<i32>,
    /// The transactionId the station sent (kept also when no such transaction exists).
    pub reported_transaction_id: Option<i32>,
    /// `MeterValues` or `StopTransaction`.
    pub source: String,
    pub timestamp: DateTimeUtc,
    /// The value exactly as sent.
    pub value: String,
    /// The value as a number, when it is one.
    pub numeric_value: Option<f64>,
    pub context: String,
    pub format: String,
    pub measurand: String,
    pub phase: Option<String>,
    pub location: String,
    pub unit: String,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
