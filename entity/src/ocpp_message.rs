//! The journal: every OCPP frame received from or sent to a station, as it was on the wire.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ocpp_messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub station_id: String,
    /// `in` (station → server) or `out` (server → station).
    pub direction: String,
    /// 2 CALL, 3 CALLRESULT, 4 CALLERROR; empty for a frame that could not be read.
    pub message_type: Option<i16>,
    pub message_id: Option<String>,
    /// The CALL's action; for a result or error, the action of the call it answers.
    pub action: Option<String>,
    /// The frame text: the whole frame, or its first `--journal-max-frame` bytes (cut at a
    /// character boundary) when `payload_size` is set.
    pub payload: String,
    /// Bytes of the whole frame when `payload` holds only its start; empty otherwise.
    pub payload_size: Option<i64>,
    /// SHA-256 of the whole frame (64 lowercase hexadecimal digits) when `payload` holds only
    /// its start; empty otherwise.
    pub payload_sha256: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
