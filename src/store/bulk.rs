//! Hand-built multi-row INSERTs for the two tables written for every message: meter readings
//! and journal rows.
//!
//! Every statement has one of a few fixed row counts ([`SHAPES`]), so its SQL text, and with it
//! the connection's prepared statement, is the same from batch to batch: a batch is cut into
//! chunks of those sizes, largest first, and nothing is parsed or planned again. One SQL text
//! is bound three ways ([`Sink`]): straight into sqlx arguments on the writer's own connection
//! (SQLite or PostgreSQL), or into SeaORM values inside a SeaORM transaction (batches that also
//! carry other writes, jobs retried one by one, a StopTransaction's readings). Both bind the same
//! Rust types through the same sqlx encoders, so a row is stored the same way either way and a
//! reading sent again is recognised as the same whichever path stored it first.
//!
//! On PostgreSQL a statement's bound values are also kept within one TLS record (see
//! [`PG_STATEMENT_BYTES`]).

use std::{
    cell::RefCell,
    collections::HashMap,
    sync::{Arc, OnceLock},
};

use chrono::{DateTime, Utc};
use sea_orm::{
    DbBackend, DbErr, Value,
    sqlx::{self, Arguments, postgres::PgArguments, sqlite::SqliteArguments},
};

use super::{JournalRow, samples::Reading};

/// Most bytes of bound values in one statement on PostgreSQL. sqlx 0.9 leaves Nagle's algorithm
/// on for its sockets, and with TLS it writes every 16 KiB record with a write of its own: the
/// last, short segment of a longer message then waits for the server's delayed ACK (40 ms on
/// Linux) before it is sent. A statement whose Bind message fits in one record goes out in
/// one write and never waits. (A single row larger than this is still sent, alone.)
pub(super) const PG_STATEMENT_BYTES: usize = 15 * 1024;

/// How a meter reading's `transaction_id` is set.
#[derive(Clone, Copy, Debug)]
pub enum Link<'a> {
    /// The reported transaction, when it is one of the reading's station's (`owners`: the
    /// station of each reported transaction that exists, from [`owners_query`]).
    Owned(&'a Owners),
    /// This transaction (or none) for every reading.
    Given(Option<i32>),
    /// Looked up by the statement itself, row by row (SQLite's writer: no query before the
    /// insert, so a batch is one round trip to SQLite's thread).
    Looked,
}

/// The station of each transaction a batch's readings name.
pub type Owners = HashMap<i32, String>;

impl Link<'_> {
    fn of(&self, r: &Reading) -> Option<i32> {
        match *self {
            Self::Owned(owners) => r
                .reported_transaction_id
                .filter(|id| owners.get(id).is_some_and(|s| **s == *r.station_id)),
            Self::Given(id) => id,
            // The statement ignores this value.
            Self::Looked => None,
        }
    }
}

/// The query for the stations of the transactions `rows` name, and its one parameter (the
/// ids as a JSON array, so that the statement is the same for any number of them); `None`
/// when no row names one.
pub(super) fn owners_query(
    backend: DbBackend,
    rows: &[&Reading],
) -> Option<(&'static str, String)> {
    let mut ids: Vec<i32> = rows
        .iter()
        .filter_map(|r| r.reported_transaction_id)
        .collect();
    if ids.is_empty() {
        return None;
    }
    ids.sort_unstable();
    ids.dedup();
    let json = serde_json::to_string(&ids).expect("integers serialise");
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT id, station_id FROM transactions \
             WHERE id IN (SELECT value::int4 FROM json_array_elements_text($1::json))"
        }
        _ => "SELECT id, station_id FROM transactions WHERE id IN (SELECT value FROM json_each(?))",
    };
    Some((sql, json))
}

/// One journal row as the writer keeps it: shared strings, so that binding it (also a second
/// time, when a failed batch is retried job by job) copies next to nothing, and its frame
/// already in its stored form (packed where the row was made, on the connection's task,
/// not on the writer's).
#[derive(Debug)]
pub(super) struct JournalEntry {
    pub station_id: Arc<str>,
    pub direction: &'static str,
    pub message_type: Option<i16>,
    /// Empty when the frame carries it (see `entity::ocpp_message::frame::OWN_ID`).
    pub message_id: Option<Arc<str>>,
    pub action: Option<Arc<str>>,
    /// The payload's stored form (`entity::ocpp_message::frame::encode`).
    pub frame: Arc<[u8]>,
    /// Bytes of the payload text.
    pub length: i32,
    pub payload_size: Option<i64>,
    pub payload_sha256: Option<Arc<str>>,
    pub at: DateTime<Utc>,
    /// The answer kept in the row (`entity::ocpp_message::frame::encode_answer`), its message
    /// type, its text's bytes and its delay after the CALL in milliseconds.
    pub answer: Option<(Arc<[u8]>, i16, i32, i32)>,
}

impl JournalEntry {
    /// The entry of `row`, and the entry of its answer when that cannot be kept in the same
    /// row (it does not start with `[<type>,"<the CALL's id>",`): then it is a row of its own,
    /// written right after.
    pub fn of(mut row: JournalRow) -> (Self, Option<Self>) {
        let Some(answer) = row.answer.take() else {
            return (Self::from(row), None);
        };
        let stored = row.message_id.as_deref().and_then(|id| {
            entity::ocpp_message::frame::encode_answer(&answer.payload, answer.message_type, id)
        });
        if let Some(stored) = stored {
            let delay = (answer.at - row.at)
                .num_milliseconds()
                .clamp(0, i64::from(i32::MAX));
            let mut entry = Self::from(row);
            entry.answer = Some((
                Arc::from(stored),
                answer.message_type,
                i32::try_from(answer.payload.len()).unwrap_or(i32::MAX),
                i32::try_from(delay).unwrap_or(i32::MAX),
            ));
            return (entry, None);
        }
        let alone = JournalRow {
            station_id: row.station_id.clone(),
            direction: match row.direction {
                super::Direction::In => super::Direction::Out,
                super::Direction::Out => super::Direction::In,
            },
            message_type: Some(answer.message_type),
            message_id: row.message_id.clone(),
            action: row.action.clone(),
            payload: answer.payload,
            payload_size: None,
            payload_sha256: None,
            at: answer.at,
            answer: None,
        };
        (Self::from(row), Some(Self::from(alone)))
    }
}

impl From<JournalRow> for JournalEntry {
    fn from(row: JournalRow) -> Self {
        let stored = entity::ocpp_message::frame::encode(
            &row.payload,
            row.message_type,
            row.message_id.as_deref(),
        );
        Self {
            answer: None,
            station_id: row.station_id,
            direction: row.direction.as_str(),
            message_type: row.message_type,
            message_id: row.message_id.filter(|_| !stored.own_id).map(Arc::from),
            action: row.action.map(Arc::from),
            frame: Arc::from(stored.frame),
            length: i32::try_from(row.payload.len()).unwrap_or(i32::MAX),
            payload_size: row.payload_size,
            payload_sha256: row.payload_sha256.map(Arc::from),
            at: row.at,
        }
    }
}

/// Where the values of one statement are bound, in placeholder order. A `None` binds a NULL of
/// the column's type (the rows that pad a statement to its shape).
pub(super) trait Sink: Sized {
    fn with_capacity(values: usize) -> Self;
    fn text(&mut self, v: Option<&Arc<str>>);
    /// An enumeration in wire spelling.
    fn name(&mut self, v: Option<&'static str>);
    fn int(&mut self, v: Option<i32>);
    fn small(&mut self, v: Option<i16>);
    fn big(&mut self, v: Option<i64>);
    fn float(&mut self, v: Option<f64>);
    fn blob(&mut self, v: Option<&[u8]>);
    fn finish(self) -> Result<Self, DbErr>;
}

fn encode_error(e: sqlx::error::BoxDynError) -> DbErr {
    DbErr::Custom(format!("cannot encode a bound value: {e}"))
}

/// Enumeration names as shared strings: SQLite arguments then hold a reference, not a copy
/// that the database thread would have to free.
fn shared(name: &'static str) -> Arc<str> {
    thread_local! {
        static NAMES: RefCell<HashMap<&'static str, Arc<str>>> = RefCell::default();
    }
    NAMES.with_borrow_mut(|names| names.entry(name).or_insert_with(|| Arc::from(name)).clone())
}

/// Arguments for the writer's own SQLite connection.
pub(super) struct SqliteSink {
    args: SqliteArguments,
    error: Option<sqlx::error::BoxDynError>,
}

impl SqliteSink {
    fn add<'t, T>(&mut self, v: T)
    where
        T: sqlx::Encode<'t, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    {
        if let Err(e) = self.args.add(v) {
            self.error.get_or_insert(e);
        }
    }

    pub fn into_arguments(self) -> SqliteArguments {
        self.args
    }
}

impl Sink for SqliteSink {
    fn with_capacity(values: usize) -> Self {
        let mut args = SqliteArguments::default();
        args.reserve(values, 0);
        Self { args, error: None }
    }
    fn text(&mut self, v: Option<&Arc<str>>) {
        self.add(v.cloned());
    }
    fn name(&mut self, v: Option<&'static str>) {
        self.add(v.map(shared));
    }
    fn int(&mut self, v: Option<i32>) {
        self.add(v);
    }
    fn small(&mut self, v: Option<i16>) {
        self.add(v);
    }
    fn big(&mut self, v: Option<i64>) {
        self.add(v);
    }
    fn float(&mut self, v: Option<f64>) {
        self.add(v);
    }
    fn blob(&mut self, v: Option<&[u8]>) {
        self.add(v.map(<[u8]>::to_vec));
    }
    fn finish(self) -> Result<Self, DbErr> {
        match self.error {
            Some(e) => Err(encode_error(e)),
            None => Ok(self),
        }
    }
}

/// Arguments for the writer's own PostgreSQL connection (encoded at once, in binary).
pub(super) struct PgSink {
    args: PgArguments,
    error: Option<sqlx::error::BoxDynError>,
}

impl PgSink {
    fn add<'t, T>(&mut self, v: T)
    where
        T: sqlx::Encode<'t, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
    {
        if let Err(e) = self.args.add(v) {
            self.error.get_or_insert(e);
        }
    }

    pub fn into_arguments(self) -> PgArguments {
        self.args
    }
}

impl Sink for PgSink {
    fn with_capacity(values: usize) -> Self {
        let mut args = PgArguments::default();
        args.reserve(values, values * 16);
        Self { args, error: None }
    }
    fn text(&mut self, v: Option<&Arc<str>>) {
        self.add(v.map(|v| &**v));
    }
    fn name(&mut self, v: Option<&'static str>) {
        self.add(v);
    }
    fn int(&mut self, v: Option<i32>) {
        self.add(v);
    }
    fn small(&mut self, v: Option<i16>) {
        self.add(v);
    }
    fn big(&mut self, v: Option<i64>) {
        self.add(v);
    }
    fn float(&mut self, v: Option<f64>) {
        self.add(v);
    }
    fn blob(&mut self, v: Option<&[u8]>) {
        self.add(v);
    }
    fn finish(self) -> Result<Self, DbErr> {
        match self.error {
            Some(e) => Err(encode_error(e)),
            None => Ok(self),
        }
    }
}

/// SeaORM values, for statements run inside a SeaORM transaction.
pub(super) struct OrmSink(pub Vec<Value>);

impl Sink for OrmSink {
    fn with_capacity(values: usize) -> Self {
        Self(Vec::with_capacity(values))
    }
    fn text(&mut self, v: Option<&Arc<str>>) {
        self.0.push(Value::String(v.map(|v| v.to_string())));
    }
    fn name(&mut self, v: Option<&'static str>) {
        self.0.push(Value::String(v.map(str::to_owned)));
    }
    fn int(&mut self, v: Option<i32>) {
        self.0.push(Value::Int(v));
    }
    fn small(&mut self, v: Option<i16>) {
        self.0.push(Value::SmallInt(v));
    }
    fn big(&mut self, v: Option<i64>) {
        self.0.push(Value::BigInt(v));
    }
    fn float(&mut self, v: Option<f64>) {
        self.0.push(Value::Double(v));
    }
    fn blob(&mut self, v: Option<&[u8]>) {
        self.0.push(Value::Bytes(v.map(<[u8]>::to_vec)));
    }
    fn finish(self) -> Result<Self, DbErr> {
        Ok(self)
    }
}

/// The two statement kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Meter,
    /// Meter readings whose transaction the statement looks up ([`Link::Looked`]).
    MeterLooked,
    Journal,
}

impl Kind {
    const COUNT: usize = 3;

    /// Values bound per row.
    fn width(self) -> usize {
        match self {
            Self::Meter | Self::MeterLooked => 10,
            Self::Journal => 14,
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Meter => 0,
            Self::MeterLooked => 1,
            Self::Journal => 2,
        }
    }
}

const METER_COLUMNS: &str = r#""series", "at", "reported_transaction_id", "transaction_id", "digest", "source", "received_at", "register_wh", "samples""#;
const JOURNAL_COLUMNS: &str = r#""station_id", "direction", "message_type", "message_id", "action", "frame", "length", "payload_size", "payload_sha256", "created_at", "answer", "answer_type", "answer_length", "answer_delay""#;

/// `rows` rows of `width` placeholders: `(?, ?), (?, ?)` or `($1, $2), ($3, $4)`.
fn placeholders(backend: DbBackend, rows: usize, width: usize) -> String {
    let mut out = String::with_capacity(rows * width * 6);
    let mut n = 0;
    for row in 0..rows {
        out.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..width {
            if column > 0 {
                out.push_str(", ");
            }
            n += 1;
            match backend {
                DbBackend::Postgres => {
                    out.push('$');
                    out.push_str(&n.to_string());
                }
                _ => out.push('?'),
            }
        }
        out.push(')');
    }
    out
}

/// The INSERT of `rows` rows. The values come in as a VALUES list whose padding rows (all
/// NULL) are filtered out. A reading already stored is skipped: `ON CONFLICT DO NOTHING` on
/// PostgreSQL; `OR IGNORE` on SQLite, which skips the same conflicts and also spares SQLite a
/// statement journal (a statement that may fail half-way inside a transaction must be able to
/// undo itself alone; one that ignores conflicts need not, and our values are never NULL where
/// a column forbids it). On SQLite the statement may also open (`BEGIN`) or close (`COMMIT`)
/// the batch's transaction, which saves a round trip to SQLite's thread each.
fn build_sql(backend: DbBackend, kind: Kind, rows: usize, begin: bool, commit: bool) -> String {
    let values = placeholders(backend, rows, kind.width());
    let sqlite = backend != DbBackend::Postgres;
    let insert = if sqlite {
        "INSERT OR IGNORE INTO"
    } else {
        "INSERT INTO"
    };
    let on_conflict = if sqlite {
        ""
    } else {
        " ON CONFLICT DO NOTHING"
    };
    let statement = match kind {
        Kind::Meter | Kind::MeterLooked => {
            let transaction = if kind == Kind::MeterLooked {
                "(SELECT t.id FROM transactions AS t \
                 WHERE t.id = v.column3 AND t.station_id = v.column10)"
            } else {
                "v.column4"
            };
            format!(
                "{insert} meter_readings ({METER_COLUMNS}) SELECT v.column1, v.column2, \
                 v.column3, {transaction}, v.column5, v.column6, v.column7, v.column8, \
                 v.column9 FROM (VALUES {values}) AS v WHERE v.column1 IS NOT NULL{on_conflict}"
            )
        }
        Kind::Journal => format!(
            "{insert} ocpp_messages ({JOURNAL_COLUMNS}) SELECT * FROM (VALUES {values}) AS v \
             WHERE v.column1 IS NOT NULL"
        ),
    };
    match (begin, commit) {
        (false, false) => statement,
        (true, false) => format!("BEGIN; {statement}"),
        (false, true) => format!("{statement}; COMMIT"),
        (true, true) => format!("BEGIN; {statement}; COMMIT"),
    }
}

/// Row counts a statement may have, largest first; the last chunk of a batch is padded up to
/// the next one, so a batch takes one statement per table (per 512 rows).
pub(super) const SHAPES: [usize; 10] = [512, 256, 128, 64, 32, 16, 8, 4, 2, 1];

/// The SQL of a statement (one of [`SHAPES`] rows), built once per process.
fn sql(backend: DbBackend, kind: Kind, rows: usize, begin: bool, commit: bool) -> &'static str {
    const TEXTS: usize = Kind::COUNT * SHAPES.len() * 4;
    static SQLITE: [OnceLock<String>; TEXTS] = [const { OnceLock::new() }; TEXTS];
    static POSTGRES: [OnceLock<String>; TEXTS] = [const { OnceLock::new() }; TEXTS];
    assert!(
        backend != DbBackend::Postgres || !(begin || commit),
        "PostgreSQL prepares one statement at a time"
    );
    let texts = match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    };
    let shape = SHAPES
        .iter()
        .position(|&s| s == rows)
        .expect("a statement has one of the fixed row counts");
    let index =
        ((kind.index() * SHAPES.len() + shape) * 2 + usize::from(begin)) * 2 + usize::from(commit);
    texts[index].get_or_init(|| build_sql(backend, kind, rows, begin, commit))
}

/// One transaction on SQLite that runs `meter`'s and `journal`'s statements (each one of the
/// texts [`Chunks::fill`] returns, or none): one round trip to SQLite's thread for a batch.
/// The texts are built once per pair and kept (there are at most 11 × 11 per meter kind).
pub(super) fn sqlite_batch(
    meter: Option<&'static str>,
    journal: Option<&'static str>,
) -> &'static str {
    type Texts = HashMap<(usize, usize), &'static str>;
    static TEXTS: OnceLock<std::sync::Mutex<Texts>> = OnceLock::new();
    let key = (
        meter.map_or(0, |s| s.as_ptr() as usize),
        journal.map_or(0, |s| s.as_ptr() as usize),
    );
    let mut texts = TEXTS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    texts.entry(key).or_insert_with(|| {
        let mut text = String::from("BEGIN");
        for part in [meter, journal].into_iter().flatten() {
            text.push_str("; ");
            text.push_str(part);
        }
        text.push_str("; COMMIT");
        Box::leak(text.into_boxed_str())
    })
}

/// The next statement: how many rows it takes and its shape. The rows that fit in `budget`
/// bytes (at least one, whatever its size) and in the largest shape go; when they are the
/// last, they are padded up to the next shape (if the padding fits the budget too), otherwise
/// the largest shape they fill is taken.
fn plan<R>(
    rows: &[R],
    budget: Option<usize>,
    cost: impl Fn(&R) -> usize,
    null_cost: usize,
) -> (usize, usize) {
    let most = rows.len().min(SHAPES[0]);
    let (fit, bytes) = match budget {
        None => (most, 0),
        Some(budget) => {
            let mut total = 0;
            let mut n = 0;
            for row in &rows[..most] {
                let next = total + cost(row);
                if next > budget && n > 0 {
                    break;
                }
                total = next;
                n += 1;
            }
            (n, total)
        }
    };
    if fit == rows.len() {
        let padded = SHAPES
            .iter()
            .copied()
            .rev()
            .find(|&k| k >= fit)
            .expect("at most the largest shape");
        if budget.is_none_or(|budget| bytes + (padded - fit) * null_cost <= budget) {
            return (fit, padded);
        }
    }
    let full = SHAPES
        .iter()
        .copied()
        .find(|&k| k <= fit)
        .expect("shapes go down to one row");
    (full, full)
}

fn budget(backend: DbBackend) -> Option<usize> {
    (backend == DbBackend::Postgres).then_some(PG_STATEMENT_BYTES)
}

/// About the bytes a row's values take in a PostgreSQL Bind message (a length word each, then
/// the value).
fn meter_cost(r: &Reading) -> usize {
    10 * 4 + 4 + 8 + 4 + 4 + 4 + 2 + 8 + 8 + r.samples.len() + r.station_id.len()
}

fn journal_cost(r: &JournalEntry) -> usize {
    10 * 4
        + r.station_id.len()
        + r.direction.len()
        + 2
        + r.message_id.as_ref().map_or(0, |s| s.len())
        + r.action.as_ref().map_or(0, |s| s.len())
        + r.frame.len()
        + 4
        + r.payload_size.map_or(0, |_| 8)
        + r.payload_sha256.as_ref().map_or(0, |s| s.len())
        + 8
        + 4 * 4
        + r.answer.as_ref().map_or(0, |a| a.0.len() + 10)
}

/// Binds one row, or (`None`) a padding row of NULLs. The station is bound last, for the
/// statement that looks the transaction up; it is not stored.
fn bind_meter<S: Sink>(out: &mut S, r: Option<&Reading>, link: &Link) {
    out.int(r.and_then(|r| r.series));
    out.big(r.map(|r| r.at));
    out.int(r.and_then(|r| r.reported_transaction_id));
    out.int(r.and_then(|r| link.of(r)));
    out.int(r.map(|r| r.digest));
    out.small(r.map(|r| r.source));
    out.big(r.map(|r| r.received_at));
    out.float(r.and_then(|r| r.register_wh));
    out.blob(r.map(|r| &r.samples[..]));
    out.text(r.map(|r| &r.station_id));
}

fn bind_journal<S: Sink>(out: &mut S, r: Option<&JournalEntry>, _: &Link) {
    out.text(r.map(|r| &r.station_id));
    out.name(r.map(|r| r.direction));
    out.small(r.and_then(|r| r.message_type));
    out.text(r.and_then(|r| r.message_id.as_ref()));
    out.text(r.and_then(|r| r.action.as_ref()));
    out.blob(r.map(|r| &r.frame[..]));
    out.int(r.map(|r| r.length));
    out.big(r.and_then(|r| r.payload_size));
    out.text(r.and_then(|r| r.payload_sha256.as_ref()));
    out.big(r.map(|r| r.at.timestamp_millis()));
    let answer = r.and_then(|r| r.answer.as_ref());
    out.blob(answer.map(|a| &a.0[..]));
    out.small(answer.map(|a| a.1));
    out.int(answer.map(|a| a.2));
    out.int(answer.map(|a| a.3));
}

/// One statement of a batch: its kind, row count (shape) and bound values.
pub(super) struct Chunk<S> {
    kind: Kind,
    rows: usize,
    pub values: S,
}

impl<S> Chunk<S> {
    /// Its SQL on its own.
    pub fn sql(&self, backend: DbBackend) -> &'static str {
        sql(backend, self.kind, self.rows, false, false)
    }

    /// Its SQL on SQLite, opening and/or committing the transaction too.
    pub fn sqlite_sql(&self, begin: bool, commit: bool) -> &'static str {
        sql(DbBackend::Sqlite, self.kind, self.rows, begin, commit)
    }
}

/// The statements that insert `rows`, built one at a time as the caller takes them.
pub(super) struct Chunks<'r, R, S> {
    backend: DbBackend,
    kind: Kind,
    rest: &'r [&'r R],
    bind: fn(&mut S, Option<&R>, &Link),
    cost: fn(&R) -> usize,
    link: Link<'r>,
}

impl<R, S: Sink> Chunks<'_, R, S> {
    /// The next statement's row count and shape, without binding anything.
    fn plan_next(&self) -> Option<(usize, usize)> {
        if self.rest.is_empty() {
            return None;
        }
        let cost = self.cost;
        let null_cost = self.kind.width() * 4;
        Some(plan(
            self.rest,
            budget(self.backend),
            |r| cost(r),
            null_cost,
        ))
    }

    /// Binds the next statement's values into `values` (after whatever is there); the
    /// statement's SQL on its own.
    pub fn fill(&mut self, values: &mut S) -> Option<&'static str> {
        let planned = self.plan_next()?;
        Some(self.take(values, planned))
    }

    /// Binds the `taken` rows planned, padded to `shape`, and returns the statement's SQL.
    fn take(&mut self, values: &mut S, (taken, shape): (usize, usize)) -> &'static str {
        let (chunk, rest) = self.rest.split_at(taken);
        self.rest = rest;
        for row in chunk {
            (self.bind)(values, Some(row), &self.link);
        }
        for _ in taken..shape {
            (self.bind)(values, None, &self.link);
        }
        sql(self.backend, self.kind, shape, false, false)
    }

    /// Whether what is left goes in one statement (or none).
    pub fn at_most_one(&self) -> bool {
        self.plan_next()
            .is_none_or(|(taken, _)| taken == self.rest.len())
    }
}

impl<R, S: Sink> Iterator for Chunks<'_, R, S> {
    type Item = Result<Chunk<S>, DbErr>;

    fn next(&mut self) -> Option<Self::Item> {
        let planned = self.plan_next()?;
        let shape = planned.1;
        let mut values = S::with_capacity(shape * self.kind.width());
        self.take(&mut values, planned);
        Some(values.finish().map(|values| Chunk {
            kind: self.kind,
            rows: shape,
            values,
        }))
    }
}

/// Statements inserting meter readings; a reading already stored is skipped.
pub(super) fn meter<'r, S: Sink>(
    backend: DbBackend,
    rows: &'r [&'r Reading],
    link: Link<'r>,
) -> Chunks<'r, Reading, S> {
    Chunks {
        backend,
        kind: match link {
            Link::Looked => Kind::MeterLooked,
            _ => Kind::Meter,
        },
        rest: rows,
        bind: bind_meter::<S>,
        cost: meter_cost,
        link,
    }
}

/// Statements inserting journal rows.
pub(super) fn journal<'r, S: Sink>(
    backend: DbBackend,
    rows: &'r [&'r JournalEntry],
) -> Chunks<'r, JournalEntry, S> {
    Chunks {
        backend,
        kind: Kind::Journal,
        rest: rows,
        bind: bind_journal::<S>,
        cost: journal_cost,
        link: Link::Given(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (rows taken, shape) of each statement for `n` rows of `cost` bytes each.
    fn plans(n: usize, budget: Option<usize>, cost: usize) -> Vec<(usize, usize)> {
        let rows = vec![(); n];
        let mut rest = &rows[..];
        let mut out = Vec::new();
        while !rest.is_empty() {
            let (taken, shape) = plan(rest, budget, |_| cost, 28);
            out.push((taken, shape));
            rest = &rest[taken..];
        }
        out
    }

    #[test]
    fn an_answer_goes_in_its_calls_row_only_when_it_starts_with_its_id() {
        use super::super::{Direction, JournalAnswer};
        let at = chrono::DateTime::from_timestamp_millis(1_000).unwrap();
        let call = |answer: &str| JournalRow {
            station_id: Arc::from("CP1"),
            direction: Direction::In,
            message_type: Some(2),
            message_id: Some("a1".to_owned()),
            action: Some("Heartbeat".to_owned()),
            payload: r#"[2,"a1","Heartbeat",{}]"#.to_owned(),
            payload_size: None,
            payload_sha256: None,
            at,
            answer: Some(JournalAnswer {
                message_type: 3,
                payload: answer.to_owned(),
                at: at + chrono::Duration::milliseconds(40),
            }),
        };
        let (entry, alone) = JournalEntry::of(call(r#"[3,"a1",{"currentTime":"x"}]"#));
        assert!(alone.is_none());
        let (stored, kind, length, delay) = entry.answer.clone().unwrap();
        assert_eq!((kind, length, delay), (3, 28, 40));
        let text = entity::ocpp_message::frame::decode_answer(&stored, 3, "a1", 100).text;
        assert_eq!(text, r#"[3,"a1",{"currentTime":"x"}]"#);
        assert!(journal_cost(&entry) > journal_cost(&JournalEntry::of(call("")).0));
        // Spelled otherwise (a space), it is a row of its own, the other way.
        let (entry, alone) = JournalEntry::of(call(r#"[3, "a1",{}]"#));
        assert!(entry.answer.is_none());
        let alone = alone.unwrap();
        assert_eq!(
            (
                alone.direction,
                alone.message_type,
                alone.at.timestamp_millis()
            ),
            ("out", Some(3), 1_040)
        );
        assert_eq!(
            entity::ocpp_message::frame::decode(&alone.frame, 100).text,
            r#"[3, "a1",{}]"#
        );
    }

    #[test]
    fn a_batch_takes_one_statement_per_512_rows_the_last_padded_to_its_shape() {
        assert_eq!(plans(0, None, 1), []);
        assert_eq!(plans(1, None, 1), [(1, 1)]);
        assert_eq!(plans(5, None, 1), [(5, 8)]);
        assert_eq!(plans(500, None, 1), [(500, 512)]);
        assert_eq!(plans(1300, None, 1), [(512, 512), (512, 512), (276, 512)]);
    }

    #[test]
    fn a_byte_budget_caps_each_statement_padding_included_but_never_below_one_row() {
        // 100 bytes a row, 1,000 allowed: 10 rows fit, but not padded to 16.
        assert_eq!(plans(10, Some(1000), 100), [(8, 8), (2, 2)]);
        assert_eq!(plans(64, Some(6400), 100), [(64, 64)]);
        assert_eq!(plans(70, Some(6400), 100), [(64, 64), (6, 8)]);
        // A row larger than the budget still goes, alone.
        assert_eq!(plans(2, Some(1000), 5000), [(1, 1), (1, 1)]);
    }

    #[test]
    fn placeholders_are_numbered_on_postgres_and_positional_on_sqlite() {
        assert_eq!(placeholders(DbBackend::Sqlite, 2, 2), "(?, ?), (?, ?)");
        assert_eq!(
            placeholders(DbBackend::Postgres, 2, 3),
            "($1, $2, $3), ($4, $5, $6)"
        );
    }

    #[test]
    fn the_sql_of_a_shape_is_built_once_with_one_placeholder_per_value() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for kind in [Kind::Meter, Kind::Journal] {
                for rows in SHAPES {
                    let text = sql(backend, kind, rows, false, false);
                    assert!(std::ptr::eq(text, sql(backend, kind, rows, false, false)));
                    let count = match backend {
                        DbBackend::Postgres => text.matches('$').count(),
                        _ => text.matches('?').count(),
                    };
                    assert_eq!(count, rows * kind.width(), "{backend:?} {kind:?} {rows}");
                }
            }
        }
        let sqlite = sql(DbBackend::Sqlite, Kind::Journal, 2, true, true);
        assert!(sqlite.starts_with("BEGIN; INSERT OR IGNORE INTO ocpp_messages"));
        assert!(sqlite.ends_with("; COMMIT"));
        assert!(
            sql(DbBackend::Postgres, Kind::Meter, 1, false, false)
                .ends_with("ON CONFLICT DO NOTHING")
        );
    }

    #[test]
    fn padding_rows_are_all_null_and_bound_with_the_columns_types() {
        let row = Reading {
            station_id: Arc::from("CP-1"),
            connector_id: 1,
            series: Some(4),
            at: 1_700_000_000_000_000,
            reported_transaction_id: Some(7),
            source: 0,
            received_at: 1_700_000_000_000_001,
            register_wh: Some(12.0),
            digest: 99,
            samples: vec![1, 0, 24],
        };
        let rows = [&row, &row, &row];
        let chunks: Vec<Chunk<OrmSink>> = meter(DbBackend::Sqlite, &rows, Link::Given(Some(7)))
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(chunks.len(), 1);
        let values = &chunks[0].values.0;
        assert_eq!(values.len(), 4 * 10);
        assert_eq!(values[3], Value::Int(Some(7)), "the given transaction");
        assert_eq!(values[8], Value::Bytes(Some(vec![1, 0, 24])));
        assert_eq!(
            &values[30..],
            &[
                Value::Int(None),
                Value::BigInt(None),
                Value::Int(None),
                Value::Int(None),
                Value::Int(None),
                Value::SmallInt(None),
                Value::BigInt(None),
                Value::Double(None),
                Value::Bytes(None),
                Value::String(None),
            ]
        );
        assert_eq!(meter_cost(&row), 10 * 4 + 42 + 3 + 4);
    }
}
