//! The journal: every OCPP frame received from or sent to a station, as it was on the wire
//! (stored compressed, see [`frame`]). A row holds one frame, or a CALL and its answer when
//! the answer was the station's next frame in the journal (see [`Model::answer`]).

use sea_orm::entity::prelude::*;

pub mod frame;

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
    /// The message id, when the frame does not carry it at its place (`[2,"<id>",…`): empty
    /// for most frames, whose id is read from the frame (see [`Model::message_id`]).
    pub message_id: Option<String>,
    /// The CALL's action; for a result or error, the action of the call it answers.
    pub action: Option<String>,
    /// The stored payload in the form [`frame::encode`] makes: the frame text (the whole
    /// frame, or its first `--journal-max-frame` bytes, cut at a character boundary, when
    /// `payload_size` is set), compressed or not.
    pub frame: Vec<u8>,
    /// Bytes of the stored payload text (decompressed).
    pub length: i32,
    /// Bytes of the whole frame when the payload holds only its start; empty otherwise.
    pub payload_size: Option<i64>,
    /// SHA-256 of the whole frame (64 lowercase hexadecimal digits) when the payload holds
    /// only its start; empty otherwise.
    pub payload_sha256: Option<String>,
    /// When the frame was received or sent: milliseconds since 1970-01-01 UTC.
    pub created_at: i64,
    /// The answer to this CALL when it is kept in the same row (the next frame of the station
    /// was that answer, whole): its text after `[<answer_type>,"<message id>",`, in the form
    /// [`frame::encode_answer`] makes. It went the other way, with the same action.
    pub answer: Option<Vec<u8>>,
    /// The answer's message type: 3 CALLRESULT, 4 CALLERROR.
    pub answer_type: Option<i16>,
    /// Bytes of the answer's whole text.
    pub answer_length: Option<i32>,
    /// Milliseconds from the CALL to its answer.
    pub answer_delay: Option<i32>,
}

impl Model {
    /// The stored payload text (see [`Model::frame`]), at most [`Model::length`] bytes.
    pub fn payload(&self) -> String {
        frame::decode(&self.frame, usize::try_from(self.length).unwrap_or(0)).text
    }

    /// The message id: the column's, or the one the frame carries.
    pub fn message_id(&self) -> Option<String> {
        if self.message_id.is_some() {
            return self.message_id.clone();
        }
        let text = frame::decode(&self.frame, frame::ID_PREFIX_MAX).text;
        frame::own_id(&self.frame, &text, self.message_type).map(str::to_owned)
    }

    /// The answer kept in this row, as a frame of its own: (message type, text, when).
    pub fn answer_frame(&self) -> Option<(i16, String, i64)> {
        let (stored, kind) = (self.answer.as_ref()?, self.answer_type?);
        let id = self.message_id()?;
        let max = usize::try_from(self.answer_length.unwrap_or(0)).unwrap_or(0);
        let text = frame::decode_answer(stored, kind, &id, max).text;
        let at = self.created_at + i64::from(self.answer_delay.unwrap_or(0));
        Some((kind, text, at))
    }

    /// [`Model::created_at`] as a time.
    pub fn created(&self) -> ChronoDateTimeUtc {
        ChronoDateTimeUtc::from_timestamp_millis(self.created_at).unwrap_or_default()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
