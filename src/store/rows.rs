//! The rows the store is handed and its write error: a sampled value to store
//! ([`MeterRow`]), a journaled frame ([`JournalRow`], with its [`Direction`]), and
//! [`StoreError`], what a caller learns of a write that did not reach the database.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use entity::meter_reading::Source;
use ocpp::v16::MeterValue;
use sea_orm::DbErr;

use super::breaker;

/// A write that did not reach the database. Never shown to stations or API clients as is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("the database refused the write")]
    Database,
    #[error("the store is closed")]
    Closed,
}

impl From<DbErr> for StoreError {
    fn from(e: DbErr) -> Self {
        if breaker::is_refusal(&e) {
            tracing::debug!("database read refused: the database is unreachable");
        } else {
            tracing::error!(error = %e, "database read failed");
        }
        Self::Database
    }
}

/// Whether a journaled frame came from the station or went to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
        }
    }
}

/// One journal row: a frame as it was on the wire, or its start (see `journal::StoredFrame`).
#[derive(Clone, Debug)]
pub struct JournalRow {
    pub station_id: Arc<str>,
    pub direction: Direction,
    pub message_type: Option<i16>,
    pub message_id: Option<String>,
    pub action: Option<String>,
    pub payload: String,
    /// Bytes of the whole frame, when `payload` holds only its start.
    pub payload_size: Option<i64>,
    /// The whole frame's SHA-256 (hexadecimal), when `payload` holds only its start.
    pub payload_sha256: Option<String>,
    pub at: DateTime<Utc>,
    /// The answer to this CALL, kept in the same row: the station's next journaled frame was
    /// it, whole.
    pub answer: Option<JournalAnswer>,
}

/// An answer kept in its CALL's row (see `entity::ocpp_message::Model::answer`).
#[derive(Clone, Debug)]
pub struct JournalAnswer {
    /// 3 CALLRESULT, 4 CALLERROR.
    pub message_type: i16,
    /// The whole frame; it starts with `[<message_type>,"<the CALL's id>",`.
    pub payload: String,
    pub at: DateTime<Utc>,
}

/// One sampled value to store. Enumerations are already in wire spelling, with the OCPP
/// defaults applied.
#[derive(Clone, Debug)]
pub struct MeterRow {
    pub station_id: Arc<str>,
    pub connector_id: i32,
    pub reported_transaction_id: Option<i32>,
    /// The message that carried it.
    pub source: Source,
    pub timestamp: DateTime<Utc>,
    pub value: Arc<str>,
    pub numeric_value: Option<f64>,
    pub context: &'static str,
    pub format: &'static str,
    pub measurand: &'static str,
    pub phase: Option<&'static str>,
    pub location: &'static str,
    pub unit: &'static str,
    pub received_at: DateTime<Utc>,
}

impl MeterRow {
    /// One row per sampled value of `values`, with the OCPP defaults applied.
    pub fn from_meter_values(
        station_id: &Arc<str>,
        connector_id: i32,
        reported_transaction_id: Option<i32>,
        source: Source,
        values: &[MeterValue],
        received_at: DateTime<Utc>,
    ) -> Vec<Self> {
        values
            .iter()
            .flat_map(|mv| {
                mv.sampled_value.iter().map(move |sv| Self {
                    station_id: station_id.clone(),
                    connector_id,
                    reported_transaction_id,
                    source,
                    timestamp: mv.timestamp.0,
                    value: Arc::from(sv.value.as_str()),
                    numeric_value: sv.numeric(),
                    context: sv.context_or_default().as_str(),
                    format: sv.format_or_default().as_str(),
                    measurand: sv.measurand_or_default().as_str(),
                    phase: sv.phase.map(|p| p.as_str()),
                    location: sv.location_or_default().as_str(),
                    unit: sv.unit_or_default().as_str(),
                    received_at,
                })
            })
            .collect()
    }
}
