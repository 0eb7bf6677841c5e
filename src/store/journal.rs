//! How the journal keeps a frame and hands it out again, within bounds: a frame over
//! `--journal-max-frame` is stored cut at a character boundary, with the whole frame's size and
//! SHA-256, and packed (see `entity::ocpp_message::frame`); a page of the journal is read
//! with at most `--journal-page-bytes` of payload, and rows stored longer than
//! `--journal-max-frame` (before it existed, or under a larger value) are cut when read: the
//! database hands out only the start of a stored frame, and no more than the limit is
//! unpacked, so that a page never loads more than its budget.

use std::{
    fmt::Write as _,
    sync::{Arc, atomic::Ordering},
};

use chrono::{DateTime, Utc};
use entity::ocpp_message::{Column, Entity, frame};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};
use sha2::{Digest, Sha256};

use super::{Direction, JournalRow, Store};
use ocpp::v16::without_nul;

/// The action of the row that counts the frames a station's journal budget skipped.
pub const SKIPPED_ACTION: &str = "JournalSkipped";

/// The longest start of `text` that takes at most `max` bytes and ends on a character boundary.
pub fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Bytes the stored payload of `frame` takes at most: NULs become U+FFFD (three bytes each,
/// see [`without_nul`]), and the text is cut at `max`.
pub fn stored_len(frame: &str, max: usize) -> usize {
    clean_len(frame).min(max)
}

/// The length of `frame` once its NULs are replaced.
fn clean_len(frame: &str) -> usize {
    frame.len() + 2 * frame.bytes().filter(|&b| b == 0).count()
}

/// A frame as the journal stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFrame {
    /// The frame without NULs, cut at `--journal-max-frame` bytes.
    pub payload: String,
    /// Bytes of the whole frame as received, when `payload` holds only its start.
    pub size: Option<i64>,
    /// The whole frame's SHA-256 (lowercase hexadecimal), when `payload` holds only its start.
    pub sha256: Option<String>,
}

impl StoredFrame {
    /// The stored form of `frame` under a limit of `max` bytes. The size and hash are those of
    /// the frame as received (before NULs were replaced).
    pub fn of(frame: String, max: usize) -> Self {
        if clean_len(&frame) <= max {
            return Self {
                payload: without_nul(frame),
                size: None,
                sha256: None,
            };
        }
        let size = i64::try_from(frame.len()).unwrap_or(i64::MAX);
        let sha256 = hex(&Sha256::digest(frame.as_bytes()));
        let mut payload = without_nul(cut(&frame, max).to_owned());
        let end = cut(&payload, max).len();
        payload.truncate(end);
        Self {
            payload,
            size: Some(size),
            sha256: Some(sha256),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(64), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

impl JournalRow {
    /// The row that says how many frames (and bytes of them, as received) a station's journal
    /// budget skipped: no message type, action [`SKIPPED_ACTION`], direction `in`.
    pub fn skipped(station_id: Arc<str>, frames: u64, bytes: u64, at: DateTime<Utc>) -> Self {
        Self {
            station_id,
            direction: Direction::In,
            message_type: None,
            message_id: None,
            action: Some(SKIPPED_ACTION.to_owned()),
            payload: format!(r#"{{"skippedFrames":{frames},"skippedBytes":{bytes}}}"#),
            payload_size: None,
            payload_sha256: None,
            at,
        }
    }
}

/// What one page of the journal may hold.
#[derive(Clone, Copy, Debug)]
pub struct PageBounds {
    /// Most bytes of one row's payload handed out (`--journal-max-frame`).
    pub frame: usize,
    /// Most bytes of payload in all (`--journal-page-bytes`); at least `frame`.
    pub page: usize,
}

/// Where a page lies in the list (newest first): `limit` rows from `offset`. When the rows do
/// not all fit its bytes, a page read forwards keeps the first ones, a page read backwards
/// (`from_end`, the API's `last`) the last ones.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub offset: u64,
    pub limit: u64,
    pub from_end: bool,
}

/// One journal row as read for the API.
#[derive(Clone, Debug)]
pub struct JournalRead {
    pub id: i64,
    pub station_id: String,
    pub direction: String,
    pub message_type: Option<i16>,
    pub message_id: Option<String>,
    pub action: Option<String>,
    /// The frame, or its start (at most [`PageBounds::frame`] bytes) when `truncated`.
    pub payload: String,
    pub truncated: bool,
    /// Bytes of the whole frame.
    pub size: i64,
    /// The whole frame's SHA-256 when it was cut before it was stored.
    pub sha256: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Bytes of a row's payload text (kept in its own column).
const TEXT_LEN: &str = "CAST(length AS BIGINT)";

/// Bytes of a row's stored frame, from the database's own record of it (SQLite reads it from
/// the row's header and PostgreSQL from the value's header, without loading the value).
const STORED_LEN: &str = "CAST(octet_length(frame) AS BIGINT)";

/// 1 when a row's frame is stored as it is (not compressed), 0 otherwise.
fn raw_sql(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => "CASE WHEN get_byte(frame, 0) & 127 = 0 THEN 1 ELSE 0 END",
        _ => "CASE WHEN substr(frame, 1, 1) IN (X'00', X'80') THEN 1 ELSE 0 END",
    }
}

/// Bytes of the text a page decodes of each row at most: its bound, and at least what holds a
/// message id carried by the frame.
fn decoded_max(bounds: PageBounds) -> usize {
    bounds.frame.max(frame::ID_PREFIX_MAX)
}

/// Bytes of a packed frame a page loads at most to decode `max` bytes of text: packing adds
/// at most one operation byte per 128 bytes of literal text, and its copies and UUIDs take
/// fewer bytes than the text they stand for, so twice the text and some more is ample.
fn compressed_max(max: usize) -> usize {
    2 * max + 512
}

/// Bytes of a row's stored frame a page loads: the format byte and `max` bytes of text when
/// it is stored as it is, else at most [`compressed_max`].
fn loaded_len(raw: bool, stored: i64, max: usize) -> usize {
    let stored = usize::try_from(stored).unwrap_or(0);
    stored.min(if raw { 1 + max } else { compressed_max(max) })
}

/// The start of the stored frame that a page loads (see [`loaded_len`]).
fn head_sql(backend: DbBackend, max: usize) -> String {
    let raw = raw_sql(backend);
    let compressed = compressed_max(max);
    let take = format!("CASE WHEN {raw} = 1 THEN {} ELSE {compressed} END", 1 + max);
    match backend {
        DbBackend::Postgres => format!("substring(frame FROM 1 FOR {take})"),
        _ => format!("substr(frame, 1, {take})"),
    }
}

impl Store {
    /// A page of the journal (see [`read_page`]), counting the payload bytes it loads.
    pub async fn journal_page(
        &self,
        filter: Condition,
        window: Window,
        bounds: PageBounds,
    ) -> Result<Vec<JournalRead>, DbErr> {
        let (rows, loaded) = read_page(self.reader(), filter, window, bounds).await?;
        self.0
            .journal_bytes_read
            .fetch_add(loaded, Ordering::Relaxed);
        Ok(rows)
    }

    /// Payload bytes loaded from the database for pages of the journal so far (for the tests
    /// that check a page's bound).
    pub fn journal_bytes_read(&self) -> u64 {
        self.0.journal_bytes_read.load(Ordering::Relaxed)
    }
}

/// Reads the rows of `window` that match `filter`, newest first, as many as fit `bounds`
/// (at least one): first their ids and sizes, then only the rows that fit, each cut to
/// `bounds.frame` bytes by the database, so that no more than the page's payload is loaded.
/// Returns the rows and the payload bytes loaded.
async fn read_page(
    db: &impl ConnectionTrait,
    filter: Condition,
    window: Window,
    bounds: PageBounds,
) -> Result<(Vec<JournalRead>, u64), DbErr> {
    let backend = db.get_database_backend();
    let sizes: Vec<(i64, i64, i64, i32)> = Entity::find()
        .select_only()
        .column(Column::Id)
        .expr_as(Expr::cust(TEXT_LEN), "length")
        .expr_as(Expr::cust(STORED_LEN), "stored")
        .expr_as(Expr::cust(raw_sql(backend)), "raw")
        .filter(filter)
        .order_by_desc(Column::Id)
        .offset(window.offset)
        .limit(window.limit)
        .into_tuple()
        .all(db)
        .await?;
    let max = decoded_max(bounds);
    // A row costs its text cut to the bound, or the bytes of its stored frame loaded, if more
    // (only a compressed frame longer than the bound, stored under a larger one, may load more).
    let costs: Vec<(i64, i64)> = sizes
        .iter()
        .map(|&(id, length, stored, raw)| {
            let text = usize::try_from(length).unwrap_or(0).min(bounds.frame);
            let loaded = loaded_len(raw == 1, stored, max).saturating_sub(1);
            (id, i64::try_from(text.max(loaded)).unwrap_or(i64::MAX))
        })
        .collect();
    let ids: Vec<i64> = fitting(&costs, bounds, window.from_end)
        .iter()
        .map(|(id, _)| *id)
        .collect();
    if ids.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let rows = Entity::find()
        .select_only()
        .columns([
            Column::Id,
            Column::StationId,
            Column::Direction,
            Column::MessageType,
            Column::MessageId,
            Column::Action,
            Column::CreatedAt,
            Column::PayloadSize,
            Column::PayloadSha256,
        ])
        .expr_as(Expr::cust(TEXT_LEN), "length")
        .expr_as(Expr::cust(head_sql(backend, max)), "head")
        .filter(Column::Id.is_in(ids))
        .order_by_desc(Column::Id)
        .into_model::<Head>()
        .all(db)
        .await?;
    // (Its format byte aside.)
    let loaded = rows
        .iter()
        .map(|row| row.head.len().saturating_sub(1) as u64)
        .sum();
    let rows = rows.into_iter().map(|row| row.read(bounds)).collect();
    Ok((rows, loaded))
}

/// The rows of `sizes` (id, stored bytes) that fit the page: from the front, or from the back
/// when reading backwards; each counts its payload cut to `bounds.frame`, and the first one
/// always goes.
fn fitting(sizes: &[(i64, i64)], bounds: PageBounds, from_end: bool) -> &[(i64, i64)] {
    let cost = |&(_, len): &(i64, i64)| usize::try_from(len).unwrap_or(0).min(bounds.frame);
    let mut total = 0;
    let mut taken = 0;
    let mut order: Box<dyn Iterator<Item = &(i64, i64)>> = if from_end {
        Box::new(sizes.iter().rev())
    } else {
        Box::new(sizes.iter())
    };
    for row in &mut order {
        total += cost(row);
        if total > bounds.page && taken > 0 {
            break;
        }
        taken += 1;
    }
    if from_end {
        &sizes[sizes.len() - taken..]
    } else {
        &sizes[..taken]
    }
}

/// A row as the page query returns it.
#[derive(FromQueryResult)]
struct Head {
    id: i64,
    station_id: String,
    direction: String,
    message_type: Option<i16>,
    message_id: Option<String>,
    action: Option<String>,
    created_at: i64,
    payload_size: Option<i64>,
    payload_sha256: Option<String>,
    length: i64,
    head: Vec<u8>,
}

impl Head {
    /// The row for the page: its text decoded (at most [`decoded_max`] bytes), cut to
    /// `bounds.frame`, its message id read from it when the frame carries it.
    fn read(self, bounds: PageBounds) -> JournalRead {
        let cut_now = usize::try_from(self.length).unwrap_or(usize::MAX) > bounds.frame;
        let mut text = frame::decode(&self.head, decoded_max(bounds)).text;
        let message_id = self
            .message_id
            .or_else(|| frame::own_id(&self.head, &text, self.message_type).map(str::to_owned));
        let end = cut(&text, bounds.frame).len();
        text.truncate(end);
        JournalRead {
            id: self.id,
            station_id: self.station_id,
            direction: self.direction,
            message_type: self.message_type,
            message_id,
            action: self.action,
            payload: text,
            truncated: cut_now || self.payload_size.is_some(),
            size: self.payload_size.unwrap_or(self.length),
            sha256: self.payload_sha256,
            created_at: DateTime::from_timestamp_millis(self.created_at).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_on_a_character_boundary_within_the_limit() {
        assert_eq!(cut("abc", 5), "abc");
        assert_eq!(cut("abc", 2), "ab");
        // "é" takes two bytes, "€" three.
        assert_eq!(cut("aé", 2), "a");
        assert_eq!(cut("€€", 5), "€");
        assert_eq!(cut("€€", 6), "€€");
        assert_eq!(cut("€", 0), "");
    }

    #[test]
    fn a_frame_over_the_limit_keeps_its_start_whole_size_and_hash() {
        let small = StoredFrame::of("[2,\"1\",\"Heartbeat\",{}]".into(), 1024);
        assert_eq!(small.payload, "[2,\"1\",\"Heartbeat\",{}]");
        assert_eq!((small.size, small.sha256), (None, None));

        let frame = format!(
            "[2,\"1\",\"DataTransfer\",{{\"data\":\"{}\"}}]",
            "€".repeat(100)
        );
        let stored = StoredFrame::of(frame.clone(), 100);
        assert!(stored.payload.len() <= 100 && stored.payload.len() >= 98);
        assert!(frame.starts_with(&stored.payload));
        assert_eq!(stored.size, Some(frame.len() as i64));
        assert_eq!(
            stored.sha256.as_deref(),
            Some(hex(&Sha256::digest(frame.as_bytes())).as_str())
        );
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn nuls_are_replaced_and_count_towards_the_limit_but_the_hash_is_of_the_frame() {
        let frame = "a\0b".to_owned();
        assert_eq!(stored_len(&frame, 100), 5);
        let whole = StoredFrame::of(frame.clone(), 5);
        assert_eq!(whole.payload, "a\u{FFFD}b");
        assert_eq!(whole.size, None);
        let cut = StoredFrame::of(frame.clone(), 4);
        assert_eq!(cut.payload, "a\u{FFFD}");
        assert_eq!(cut.size, Some(3));
        assert_eq!(cut.sha256, Some(hex(&Sha256::digest(b"a\0b"))));
    }

    #[test]
    fn a_page_takes_rows_until_its_bytes_are_spent_from_the_end_it_is_read_from() {
        let bounds = PageBounds {
            frame: 100,
            page: 250,
        };
        // Rows over the frame limit count as cut.
        let sizes = [(9, 1000), (8, 100), (7, 10), (6, 100), (5, 10)];
        assert_eq!(fitting(&sizes, bounds, false), &sizes[..3]);
        assert_eq!(fitting(&sizes, bounds, true), &sizes[1..]);
        assert_eq!(fitting(&sizes[..0], bounds, false), &[]);
        // One row always goes, even alone over the budget.
        let tight = PageBounds {
            frame: 100,
            page: 50,
        };
        assert_eq!(fitting(&sizes, tight, false), &sizes[..1]);
        assert_eq!(fitting(&sizes, tight, true), &sizes[4..]);
    }

    #[test]
    fn a_page_loads_the_text_of_a_raw_frame_and_a_bounded_start_of_a_compressed_one() {
        assert_eq!(loaded_len(true, 5000, 1024), 1025);
        assert_eq!(loaded_len(true, 100, 1024), 100);
        assert_eq!(loaded_len(false, 100_000, 1024), 2 * 1024 + 512);
        assert_eq!(loaded_len(false, 80, 1024), 80);
    }
}
