//! One sampled value as read back from a reading (`meter_readings`): the same fields whatever
//! message carried it. Not a table of its own.

use sea_orm::prelude::DateTimeUtc;

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The reading's id times 65,536 plus the sample's place in it: orders samples as stored.
    pub id: i64,
    pub station_id: String,
    pub connector_id: i32,
    /// The transaction this sample belongs to, when the station named one that it owns.
    pub transaction_id: Option<i32>,
    /// The transactionId the station sent (kept also when no such transaction exists).
    pub reported_transaction_id: Option<i32>,
    /// `MeterValues`, `StopTransaction` or `TransactionEvent`.
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
