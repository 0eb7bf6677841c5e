//! One reading: the sampled values a station sent for one connector at one time in one
//! message (a `meterValue` element), packed in `samples` (see [`crate::samples`]).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_readings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The station connector ([`super::meter_series`]).
    pub series: i32,
    /// The station's timestamp, in microseconds since the Unix epoch.
    pub at: i64,
    /// The transactionId the station sent (kept also when no such transaction exists).
    pub reported_transaction_id: Option<i32>,
    /// The transaction the reading belongs to, when the station named one that it owns.
    pub transaction_id: Option<i32>,
    /// [`crate::samples::digest`] of the source and samples: part of the reading's key.
    pub digest: i32,
    /// Where it came from: [`Source`].
    pub source: i16,
    /// When it was received, in microseconds since the Unix epoch.
    pub received_at: i64,
    /// The reading's total energy register (`Energy.Active.Import.Register`, no phase) in Wh,
    /// when it has one ([`crate::samples::register_wh`]).
    pub register_wh: Option<f64>,
    /// The sampled values, packed.
    pub samples: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The message a reading came in, as `meter_readings.source` codes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    MeterValues = 0,
    StopTransaction = 1,
    TransactionEvent = 2,
}

impl Source {
    pub const ALL: [Self; 3] = [
        Self::MeterValues,
        Self::StopTransaction,
        Self::TransactionEvent,
    ];

    pub fn code(self) -> i16 {
        self as i16
    }

    /// The message's name (`MeterValues`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MeterValues => "MeterValues",
            Self::StopTransaction => "StopTransaction",
            Self::TransactionEvent => "TransactionEvent",
        }
    }

    pub fn from_code(code: i16) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }
}
