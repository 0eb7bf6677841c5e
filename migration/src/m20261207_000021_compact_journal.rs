//! The journal in less room (issue 25): `ocpp_messages` is rebuilt with its frame text in
//! `frame` (a format byte, then the text as it is or deflated, see
//! `entity::ocpp_message::frame`), the text's byte count in `length`, `created_at` as
//! milliseconds since 1970 (an integer: 6 bytes on SQLite where the text took 32), and one
//! index, by station; the index by time is gone (pruning walks the oldest ids). Every
//! existing row is kept, its text stored as it is (format 0: readable as before); new rows
//! are compressed as they are written. Undoing it decompresses every row again.

use entity::ocpp_message::frame;
use sea_orm_migration::{
    prelude::*,
    sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE TABLE ocpp_messages_v21 ( \
     id integer NOT NULL PRIMARY KEY, \
     station_id varchar(48) NOT NULL, \
     direction varchar(3) NOT NULL, \
     message_type smallint, \
     message_id varchar(36), \
     action varchar(64), \
     frame blob NOT NULL, \
     length integer NOT NULL, \
     payload_size integer, \
     payload_sha256 varchar(64), \
     created_at integer NOT NULL)",
    "INSERT INTO ocpp_messages_v21 (id, station_id, direction, message_type, message_id, action, \
     frame, length, payload_size, payload_sha256, created_at) \
     SELECT id, station_id, direction, message_type, message_id, action, \
     CAST(X'00' || payload AS BLOB), length(CAST(payload AS BLOB)), payload_size, payload_sha256, \
     CAST(round((julianday(created_at) - 2440587.5) * 86400000.0) AS INTEGER) \
     FROM ocpp_messages",
    "DROP TABLE ocpp_messages",
    "ALTER TABLE ocpp_messages_v21 RENAME TO ocpp_messages",
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id)",
];

const POSTGRES_UP: &[&str] = &[
    "CREATE TABLE ocpp_messages_v21 ( \
     id bigserial NOT NULL PRIMARY KEY, \
     station_id varchar(48) NOT NULL, \
     direction varchar(3) NOT NULL, \
     message_type smallint, \
     message_id varchar(36), \
     action varchar(64), \
     frame bytea NOT NULL, \
     length integer NOT NULL, \
     payload_size bigint, \
     payload_sha256 varchar(64), \
     created_at bigint NOT NULL)",
    "INSERT INTO ocpp_messages_v21 (id, station_id, direction, message_type, message_id, action, \
     frame, length, payload_size, payload_sha256, created_at) \
     SELECT id, station_id, direction, message_type, message_id, action, \
     '\\x00'::bytea || convert_to(payload, 'UTF8'), octet_length(payload), payload_size, \
     payload_sha256, floor(extract(epoch FROM created_at) * 1000)::bigint \
     FROM ocpp_messages",
    "DROP TABLE ocpp_messages",
    "ALTER TABLE ocpp_messages_v21 RENAME TO ocpp_messages",
    "ALTER INDEX ocpp_messages_v21_pkey RENAME TO ocpp_messages_pkey",
    "ALTER SEQUENCE ocpp_messages_v21_id_seq RENAME TO ocpp_messages_id_seq",
    "SELECT setval('ocpp_messages_id_seq', COALESCE((SELECT max(id) FROM ocpp_messages), 0) + 1, false)",
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id)",
];

/// Undoing it: the earlier table, every row's text decompressed (in Rust, a slice of rows at
/// a time), its message id written out again.
const SQLITE_DOWN: &[&str] = &[
    "CREATE TABLE ocpp_messages_v20 ( \
     id integer NOT NULL PRIMARY KEY, \
     station_id varchar(48) NOT NULL, \
     direction varchar(3) NOT NULL, \
     message_type smallint, \
     message_id varchar(36), \
     action varchar(64), \
     payload text NOT NULL, \
     created_at timestamp_with_timezone_text NOT NULL, \
     payload_size integer, \
     payload_sha256 varchar(64))",
    "INSERT INTO ocpp_messages_v20 (id, station_id, direction, message_type, message_id, action, \
     payload, created_at, payload_size, payload_sha256) \
     SELECT id, station_id, direction, message_type, message_id, action, \
     CASE WHEN substr(frame, 1, 1) = X'00' THEN CAST(substr(frame, 2) AS TEXT) ELSE '' END, \
     strftime('%Y-%m-%d %H:%M:%f+00:00', created_at / 1000.0, 'unixepoch'), \
     payload_size, payload_sha256 FROM ocpp_messages",
];

const POSTGRES_DOWN: &[&str] = &[
    "CREATE TABLE ocpp_messages_v20 ( \
     id bigserial NOT NULL PRIMARY KEY, \
     station_id varchar(48) NOT NULL, \
     direction varchar(3) NOT NULL, \
     message_type smallint, \
     message_id varchar(36), \
     action varchar(64), \
     payload text NOT NULL, \
     created_at timestamp with time zone NOT NULL, \
     payload_size bigint, \
     payload_sha256 varchar(64))",
    "INSERT INTO ocpp_messages_v20 (id, station_id, direction, message_type, message_id, action, \
     payload, created_at, payload_size, payload_sha256) \
     SELECT id, station_id, direction, message_type, message_id, action, \
     CASE WHEN get_byte(frame, 0) = 0 THEN convert_from(substring(frame FROM 2), 'UTF8') ELSE '' END, \
     to_timestamp(created_at / 1000.0), payload_size, payload_sha256 FROM ocpp_messages",
];

const SQLITE_DOWN_END: &[&str] = &[
    "DROP TABLE ocpp_messages",
    "ALTER TABLE ocpp_messages_v20 RENAME TO ocpp_messages",
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id)",
    "CREATE INDEX idx_ocpp_messages_created ON ocpp_messages (created_at)",
];

const POSTGRES_DOWN_END: &[&str] = &[
    "DROP TABLE ocpp_messages",
    "ALTER TABLE ocpp_messages_v20 RENAME TO ocpp_messages",
    "ALTER INDEX ocpp_messages_v20_pkey RENAME TO ocpp_messages_pkey",
    "ALTER SEQUENCE ocpp_messages_v20_id_seq RENAME TO ocpp_messages_id_seq",
    "SELECT setval('ocpp_messages_id_seq', COALESCE((SELECT max(id) FROM ocpp_messages), 0) + 1, false)",
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id)",
    "CREATE INDEX idx_ocpp_messages_created ON ocpp_messages (created_at)",
];

use super::run_all as run;

/// Rows decompressed per statement when undoing.
const SLICE: u64 = 500;

/// Writes the text and message id of every row stored compressed or with its id in the
/// frame into `ocpp_messages_v20`.
async fn decompress_rows(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let (select, update) = match backend {
        DbBackend::Postgres => (
            "SELECT id, frame, length, message_type FROM ocpp_messages \
             WHERE id > $1 AND get_byte(frame, 0) <> 0 ORDER BY id LIMIT 500",
            "UPDATE ocpp_messages_v20 SET payload = $1, message_id = COALESCE(message_id, $2) \
             WHERE id = $3",
        ),
        _ => (
            "SELECT id, frame, length, message_type FROM ocpp_messages \
             WHERE id > ? AND substr(frame, 1, 1) <> X'00' ORDER BY id LIMIT 500",
            "UPDATE ocpp_messages_v20 SET payload = ?, message_id = COALESCE(message_id, ?) \
             WHERE id = ?",
        ),
    };
    let mut after = i64::MIN;
    loop {
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                select,
                [after.into()],
            ))
            .await?;
        for row in &rows {
            let id: i64 = row.try_get("", "id")?;
            let stored: Vec<u8> = row.try_get("", "frame")?;
            let length: i32 = row.try_get("", "length")?;
            let message_type: Option<i16> = row.try_get("", "message_type")?;
            let text = frame::decode(&stored, usize::try_from(length).unwrap_or(0)).text;
            let own = frame::own_id(&stored, &text, message_type).map(str::to_owned);
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                update,
                [text.into(), own.into(), id.into()],
            ))
            .await?;
            after = id;
        }
        if (rows.len() as u64) < SLICE {
            return Ok(());
        }
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let txn = db.begin().await?;
        match db.get_database_backend() {
            DbBackend::Postgres => run(&txn, POSTGRES_UP).await?,
            _ => run(&txn, SQLITE_UP).await?,
        }
        txn.commit().await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let txn = db.begin().await?;
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        run(&txn, if postgres { POSTGRES_DOWN } else { SQLITE_DOWN }).await?;
        decompress_rows(&txn).await?;
        run(
            &txn,
            if postgres {
                POSTGRES_DOWN_END
            } else {
                SQLITE_DOWN_END
            },
        )
        .await?;
        txn.commit().await
    }
}
