//! How the journal keeps a frame and hands it out again, within bounds: a frame over
//! `--journal-max-frame` is stored cut at a character boundary, with the whole frame's size and
//! SHA-256, and packed (see `entity::ocpp_message::frame`); a page of the journal is read
//! with at most `--journal-page-bytes` of payload, and rows stored longer than
//! `--journal-max-frame` (before it existed, or under a larger value) are cut when read: the
//! database hands out only the start of a stored frame, and no more than the limit is
//! unpacked, so that a page never loads more than its budget. A row keeps one frame, or a
//! CALL and its answer; pages and counts are by frame.

use std::{
    fmt::Write as _,
    sync::{Arc, atomic::Ordering},
};

use chrono::{DateTime, Utc};
use entity::ocpp_message::frame;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, FromQueryResult, Statement};
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
            answer: None,
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

/// Bytes of a row's payload text (kept in its own column).
const TEXT_LEN: &str = "CAST(length AS BIGINT)";

/// Bytes of a row's stored frame, from the database's own record of it (SQLite reads it from
/// the row's header and PostgreSQL from the value's header, without loading the value).
const STORED_LEN: &str = "CAST(octet_length(frame) AS BIGINT)";

/// 1 when a stored form (`frame` or `answer`) is its text as it is, 0 otherwise.
fn raw_of(backend: DbBackend, column: &str) -> String {
    match backend {
        DbBackend::Postgres => {
            format!("CASE WHEN get_byte({column}, 0) & 127 = 0 THEN 1 ELSE 0 END")
        }
        _ => format!("CASE WHEN substr({column}, 1, 1) IN (X'00', X'80') THEN 1 ELSE 0 END"),
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

/// Which frames of one station's journal a page lists.
#[derive(Clone, Debug)]
pub struct JournalFilter {
    pub station_id: String,
    pub action: Option<String>,
    /// Only the frames that went this way.
    pub direction: Option<Direction>,
}

/// One journaled frame as read for the API: a row's frame, or the answer kept in it.
#[derive(Clone, Debug)]
pub struct JournalRead {
    /// The row's id; for an answer kept in its CALL's row, that id and `.1`.
    pub id: String,
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

/// The start of a stored form (`frame` or `answer`) that a page loads (see [`loaded_len`]).
fn head_of(backend: DbBackend, column: &str, max: usize) -> String {
    let compressed = compressed_max(max);
    let take = format!(
        "CASE WHEN {} = 1 THEN {} ELSE {compressed} END",
        raw_of(backend, column),
        1 + max
    );
    match backend {
        DbBackend::Postgres => format!("substring({column} FROM 1 FOR {take})"),
        _ => format!("substr({column}, 1, {take})"),
    }
}

impl JournalFilter {
    /// The WHERE clause and its values: the rows holding at least one listed frame.
    fn condition(&self, backend: DbBackend) -> (String, Vec<sea_orm::Value>) {
        let mut values: Vec<sea_orm::Value> = vec![self.station_id.clone().into()];
        let mut sql = format!("station_id = {}", placeholder(backend, 1));
        if let Some(action) = &self.action {
            values.push(action.clone().into());
            let _ = write!(sql, " AND action = {}", placeholder(backend, values.len()));
        }
        if let Some(direction) = self.direction {
            let d = direction.as_str();
            let _ = write!(sql, " AND (direction = '{d}' OR answer_type IS NOT NULL)");
        }
        (sql, values)
    }

    /// How many listed frames a row holds (its frame, its answer).
    fn frames(&self) -> String {
        match self.direction {
            None => "(CASE WHEN answer_type IS NULL THEN 1 ELSE 2 END)".to_owned(),
            Some(direction) => {
                let d = direction.as_str();
                format!(
                    "(CASE WHEN direction = '{d}' THEN 1 ELSE 0 END + \
                     CASE WHEN answer_type IS NOT NULL AND direction <> '{d}' THEN 1 ELSE 0 END)"
                )
            }
        }
    }

    /// Whether a row's own frame (not its answer) is listed.
    fn lists_call(&self, direction: &str) -> bool {
        self.direction.is_none_or(|d| d.as_str() == direction)
    }

    /// Whether a row's answer is listed.
    fn lists_answer(&self, direction: &str) -> bool {
        self.direction.is_none_or(|d| d.as_str() != direction)
    }
}

/// `(1, 2, 3)`, or `(NULL)` for none: a list of ids for `IN`.
fn in_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "(NULL)".to_owned();
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("({})", list.join(", "))
}

fn placeholder(backend: DbBackend, n: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_owned(),
    }
}

impl Store {
    /// How many frames of the journal `filter` lists.
    pub async fn journal_count(&self, filter: &JournalFilter) -> Result<u64, DbErr> {
        let db = self.reader();
        let backend = db.get_database_backend();
        let (condition, values) = filter.condition(backend);
        // Without a direction, from the index by station alone.
        let frames = match filter.direction {
            None => "count(*) + count(answer_type)".to_owned(),
            Some(_) => format!("COALESCE(SUM({}), 0)", filter.frames()),
        };
        let sql =
            format!("SELECT CAST({frames} AS BIGINT) AS n FROM ocpp_messages WHERE {condition}");
        let row = db
            .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
        let n: i64 = match row {
            Some(row) => row.try_get("", "n")?,
            None => 0,
        };
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// A page of the journal (see [`read_page`]), counting the payload bytes it loads.
    pub async fn journal_page(
        &self,
        filter: &JournalFilter,
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

/// Where a row stands, as the first query of a page reads it.
#[derive(FromQueryResult)]
struct Place {
    id: i64,
    /// Read only when the page lists one direction.
    direction: Option<String>,
    answer_type: Option<i16>,
}

/// A row's sizes, as the second query of a page reads them.
#[derive(FromQueryResult)]
struct Sizes {
    id: i64,
    direction: String,
    length: i64,
    stored: i64,
    raw: i32,
    answer_length: Option<i64>,
    answer_stored: Option<i64>,
    answer_raw: Option<i32>,
}

/// One listed frame of a page: its row, and whether it is the row's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Node {
    row: i64,
    answer: bool,
}

/// Reads the frames of `window` that `filter` lists, newest first (a row's answer before its
/// CALL), as many as fit `bounds` (at least one): first where the window starts (the rows up
/// to its end and whether each keeps an answer), then the sizes of the window's rows, then
/// only the rows that fit, each frame cut to `bounds.frame` bytes by the database, so that no
/// more than the page's payload is loaded. Returns the frames and the payload bytes loaded.
async fn read_page(
    db: &impl ConnectionTrait,
    filter: &JournalFilter,
    window: Window,
    bounds: PageBounds,
) -> Result<(Vec<JournalRead>, u64), DbErr> {
    let backend = db.get_database_backend();
    let (condition, values) = filter.condition(backend);
    // Where the window starts: the rows up to its end (each holds one or two listed frames),
    // newest first; without a direction, from the index by station alone.
    let direction = if filter.direction.is_some() {
        "direction"
    } else {
        "NULL AS direction"
    };
    let sql = format!(
        "SELECT id, {direction}, answer_type FROM ocpp_messages WHERE {condition} \
         ORDER BY id DESC LIMIT {}",
        window.offset.saturating_add(window.limit)
    );
    let places = Place::find_by_statement(Statement::from_sql_and_values(backend, sql, values))
        .all(db)
        .await?;
    let listed = |p: &Place| {
        let direction = p.direction.as_deref().unwrap_or_default();
        let call = filter.lists_call(direction);
        let answer = p.answer_type.is_some() && filter.lists_answer(direction);
        u64::from(call) + u64::from(answer)
    };
    // The rows that hold the window's frames, and how many listed frames of the first one come
    // before the window (its answer).
    let mut earlier = 0;
    let mut rows: Vec<i64> = Vec::new();
    let mut skip = 0;
    for place in &places {
        let here = listed(place);
        if earlier + here > window.offset && earlier < window.offset + window.limit {
            if rows.is_empty() {
                skip = window.offset.saturating_sub(earlier);
            }
            rows.push(place.id);
        }
        earlier += here;
    }
    if rows.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let sql = format!(
        "SELECT id, direction, {TEXT_LEN} AS length, {STORED_LEN} AS stored, {raw} AS raw, \
         CAST(answer_length AS BIGINT) AS answer_length, \
         CAST(octet_length(answer) AS BIGINT) AS answer_stored, \
         CASE WHEN answer IS NULL THEN NULL ELSE {answer_raw} END AS answer_raw \
         FROM ocpp_messages WHERE id IN {ids} ORDER BY id DESC",
        raw = raw_of(backend, "frame"),
        answer_raw = raw_of(backend, "answer"),
        ids = in_list(&rows),
    );
    let sizes = Sizes::find_by_statement(Statement::from_string(backend, sql))
        .all(db)
        .await?;
    let max = decoded_max(bounds);
    // The window's frames and what each costs: its text cut to the bound, or the bytes of its
    // stored form loaded, if more (only a packed frame longer than the bound, stored under a
    // larger one, may load more); an answer also the start of its CALL's frame, which holds
    // its id.
    let mut nodes: Vec<(Node, i64)> = Vec::new();
    for row in &sizes {
        let text = usize::try_from(row.length).unwrap_or(0).min(bounds.frame);
        let loaded = loaded_len(row.raw == 1, row.stored, max).saturating_sub(1);
        let call_cost = text.max(loaded);
        if let (Some(length), Some(stored), true) = (
            row.answer_length,
            row.answer_stored,
            filter.lists_answer(&row.direction),
        ) {
            let text = usize::try_from(length).unwrap_or(0).min(bounds.frame);
            let loaded = loaded_len(row.answer_raw == Some(1), stored, max).saturating_sub(1);
            // The start of its CALL's frame, which holds its id, loads with it.
            let id_head = loaded_len(row.raw == 1, row.stored, frame::ID_PREFIX_MAX);
            let node = Node {
                row: row.id,
                answer: true,
            };
            nodes.push((
                node,
                i64::try_from(text.max(loaded) + id_head).unwrap_or(i64::MAX),
            ));
        }
        if filter.lists_call(&row.direction) {
            let node = Node {
                row: row.id,
                answer: false,
            };
            nodes.push((node, i64::try_from(call_cost).unwrap_or(i64::MAX)));
        }
    }
    let start = usize::try_from(skip).unwrap_or(usize::MAX).min(nodes.len());
    let end = nodes
        .len()
        .min(start.saturating_add(usize::try_from(window.limit).unwrap_or(usize::MAX)));
    let chosen = fitting(&nodes[start..end], bounds, window.from_end);
    if chosen.is_empty() {
        return Ok((Vec::new(), 0));
    }
    // The rows whose own frame is listed load its head, the others only what holds its id;
    // only the answers listed load.
    let whole: Vec<i64> = chosen
        .iter()
        .filter(|(n, _)| !n.answer)
        .map(|(n, _)| n.row)
        .collect();
    let answered: Vec<i64> = chosen
        .iter()
        .filter(|(n, _)| n.answer)
        .map(|(n, _)| n.row)
        .collect();
    let mut ids: Vec<i64> = chosen.iter().map(|(n, _)| n.row).collect();
    ids.dedup();
    let sql = format!(
        "SELECT id, station_id, direction, message_type, message_id, action, created_at, \
         payload_size, payload_sha256, {TEXT_LEN} AS length, \
         CASE WHEN id IN {whole} THEN {head} ELSE {id_head} END AS head, \
         CASE WHEN id IN {answered} THEN {answer_head} END AS answer_head, answer_type, \
         CAST(answer_length AS BIGINT) AS answer_length, \
         CAST(answer_delay AS BIGINT) AS answer_delay \
         FROM ocpp_messages WHERE id IN {ids} ORDER BY id DESC",
        whole = in_list(&whole),
        answered = in_list(&answered),
        head = head_of(backend, "frame", max),
        id_head = head_of(backend, "frame", frame::ID_PREFIX_MAX),
        answer_head = head_of(backend, "answer", max),
        ids = in_list(&ids),
    );
    let rows = Head::find_by_statement(Statement::from_string(backend, sql))
        .all(db)
        .await?;
    // (Their format bytes aside.)
    let loaded = rows
        .iter()
        .map(|row| {
            let answer = row
                .answer_head
                .as_ref()
                .map_or(0, |a| a.len().saturating_sub(1));
            (row.head.len().saturating_sub(1) + answer) as u64
        })
        .sum();
    let mut out = Vec::with_capacity(chosen.len());
    for row in rows {
        let listed = |answer: bool| {
            chosen
                .iter()
                .any(|(n, _)| n.row == row.id && n.answer == answer)
        };
        let (answer, call) = (listed(true), listed(false));
        let (first, second) = row.read(bounds);
        if answer && let Some(second) = second {
            out.push(second);
        }
        if call {
            out.push(first);
        }
    }
    Ok((out, loaded))
}

/// The frames of `sizes` (frame, the payload bytes it loads: its text cut to the bound, or
/// more for a packed frame stored under a larger bound) that fit the page: from the front, or
/// from the back when reading backwards; the first one always goes.
fn fitting<K>(sizes: &[(K, i64)], bounds: PageBounds, from_end: bool) -> &[(K, i64)] {
    let cost = |&(_, len): &(K, i64)| usize::try_from(len).unwrap_or(0);
    let mut total = 0;
    let mut taken = 0;
    let mut order: Box<dyn Iterator<Item = &(K, i64)>> = if from_end {
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
    answer_head: Option<Vec<u8>>,
    answer_type: Option<i16>,
    answer_length: Option<i64>,
    answer_delay: Option<i64>,
}

impl Head {
    /// The row's frame for the page, and its answer when it keeps one: each text decoded (at
    /// most [`decoded_max`] bytes) and cut to `bounds.frame`, the message id read from the
    /// frame when it carries it.
    fn read(self, bounds: PageBounds) -> (JournalRead, Option<JournalRead>) {
        let cut_now = usize::try_from(self.length).unwrap_or(usize::MAX) > bounds.frame;
        let mut text = frame::decode(&self.head, decoded_max(bounds)).text;
        let message_id = self
            .message_id
            .or_else(|| frame::own_id(&self.head, &text, self.message_type).map(str::to_owned));
        let end = cut(&text, bounds.frame).len();
        text.truncate(end);
        let answer = match (&self.answer_head, self.answer_type, &message_id) {
            (Some(stored), Some(kind), Some(id)) => {
                let length = self.answer_length.unwrap_or(0);
                let mut text = frame::decode_answer(stored, kind, id, decoded_max(bounds)).text;
                let end = cut(&text, bounds.frame).len();
                text.truncate(end);
                let at = self.created_at + self.answer_delay.unwrap_or(0);
                Some(JournalRead {
                    id: format!("{}.1", self.id),
                    station_id: self.station_id.clone(),
                    direction: if self.direction == "in" { "out" } else { "in" }.to_owned(),
                    message_type: Some(kind),
                    message_id: Some(id.clone()),
                    action: self.action.clone(),
                    payload: text,
                    truncated: usize::try_from(length).unwrap_or(usize::MAX) > bounds.frame,
                    size: length,
                    sha256: None,
                    created_at: DateTime::from_timestamp_millis(at).unwrap_or_default(),
                })
            }
            _ => None,
        };
        let call = JournalRead {
            id: self.id.to_string(),
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
        };
        (call, answer)
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
        // What each loads counts, also more than a frame's bound.
        let sizes = [(9, 100), (8, 100), (7, 10), (6, 120), (5, 10)];
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
