//! A CALL and its answer in one journal row (issue 25): `ocpp_messages` gains `answer` (the
//! answer's text after `[<type>,"<id>",`, see `entity::ocpp_message::frame::encode_answer`),
//! `answer_type`, `answer_length` and `answer_delay` (milliseconds after the CALL), all empty
//! for the rows already there; the index by station is built again with `answer_type` in it.
//! Undoing it writes every kept answer back as a row of its own, right after its CALL (the
//! rows are numbered again, in the same order).

use entity::ocpp_message::frame;
use sea_orm_migration::{
    prelude::*,
    sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "ALTER TABLE ocpp_messages ADD COLUMN answer blob",
    "ALTER TABLE ocpp_messages ADD COLUMN answer_type smallint",
    "ALTER TABLE ocpp_messages ADD COLUMN answer_length integer",
    "ALTER TABLE ocpp_messages ADD COLUMN answer_delay integer",
    "DROP INDEX idx_ocpp_messages_station",
    STATION_INDEX,
];

const POSTGRES_UP: &[&str] = &[
    "ALTER TABLE ocpp_messages ADD COLUMN answer bytea, \
     ADD COLUMN answer_type smallint, ADD COLUMN answer_length integer, \
     ADD COLUMN answer_delay integer",
    "DROP INDEX idx_ocpp_messages_station",
    STATION_INDEX,
];

/// The index of a station's rows, which also says which rows keep an answer: the API counts
/// a station's frames and finds where a page starts from the index alone.
const STATION_INDEX: &str =
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id, answer_type)";

/// Every row, then every kept answer as a row of its own (its text filled in afterwards, in
/// Rust), in order: a CALL, then its answer. `source` and `part` say where a row came from.
fn split(table: &str, id: &str, blob: &str, bigint: &str) -> [String; 2] {
    [
        format!(
            "CREATE TABLE {table} ( \
             id {id}, \
             station_id varchar(48) NOT NULL, \
             direction varchar(3) NOT NULL, \
             message_type smallint, \
             message_id varchar(36), \
             action varchar(64), \
             frame {blob} NOT NULL, \
             length integer NOT NULL, \
             payload_size {bigint}, \
             payload_sha256 varchar(64), \
             created_at bigint NOT NULL, \
             source bigint, \
             part smallint)"
        ),
        format!(
            "INSERT INTO {table} (station_id, direction, message_type, message_id, action, frame, \
             length, payload_size, payload_sha256, created_at, source, part) \
             SELECT station_id, direction, message_type, message_id, action, frame, length, \
             payload_size, payload_sha256, created_at, source, part FROM ( \
             SELECT id AS source, 0 AS part, station_id, direction, message_type, message_id, \
             action, frame, length, payload_size, payload_sha256, created_at \
             FROM ocpp_messages \
             UNION ALL \
             SELECT id, 1, station_id, CASE WHEN direction = 'in' THEN 'out' ELSE 'in' END, \
             answer_type, NULL, action, answer, answer_length, NULL, NULL, \
             created_at + COALESCE(answer_delay, 0) \
             FROM ocpp_messages WHERE answer IS NOT NULL) AS s \
             ORDER BY source, part"
        ),
    ]
}

const SQLITE_DOWN_END: &[&str] = &[
    "DROP TABLE ocpp_messages",
    "ALTER TABLE ocpp_messages_v22 DROP COLUMN source",
    "ALTER TABLE ocpp_messages_v22 DROP COLUMN part",
    "ALTER TABLE ocpp_messages_v22 RENAME TO ocpp_messages",
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id)",
];

const POSTGRES_DOWN_END: &[&str] = &[
    "DROP TABLE ocpp_messages",
    "ALTER TABLE ocpp_messages_v22 DROP COLUMN source, DROP COLUMN part",
    "ALTER TABLE ocpp_messages_v22 RENAME TO ocpp_messages",
    "ALTER INDEX ocpp_messages_v22_pkey RENAME TO ocpp_messages_pkey",
    "ALTER SEQUENCE ocpp_messages_v22_id_seq RENAME TO ocpp_messages_id_seq",
    "SELECT setval('ocpp_messages_id_seq', COALESCE((SELECT max(id) FROM ocpp_messages), 0) + 1, false)",
    "CREATE INDEX idx_ocpp_messages_station ON ocpp_messages (station_id, id)",
];

use super::run_all as run;

/// Rows read per statement when undoing.
const SLICE: usize = 500;

/// Writes the whole frame of every kept answer into its own row of `ocpp_messages_v22`.
async fn write_answers(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let (select, update) = match backend {
        DbBackend::Postgres => (
            "SELECT id, frame, message_id, message_type, answer, answer_type, answer_length \
             FROM ocpp_messages WHERE id > $1 AND answer IS NOT NULL ORDER BY id LIMIT 500",
            "UPDATE ocpp_messages_v22 SET frame = $1, message_id = $2 \
             WHERE source = $3 AND part = 1",
        ),
        _ => (
            "SELECT id, frame, message_id, message_type, answer, answer_type, answer_length \
             FROM ocpp_messages WHERE id > ? AND answer IS NOT NULL ORDER BY id LIMIT 500",
            "UPDATE ocpp_messages_v22 SET frame = ?, message_id = ? WHERE source = ? AND part = 1",
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
            let call: Vec<u8> = row.try_get("", "frame")?;
            let message_type: Option<i16> = row.try_get("", "message_type")?;
            let column_id: Option<String> = row.try_get("", "message_id")?;
            let answer: Vec<u8> = row.try_get("", "answer")?;
            let answer_type: i16 = row.try_get("", "answer_type")?;
            let length: i32 = row.try_get("", "answer_length")?;
            let message_id = column_id.unwrap_or_else(|| {
                let text = frame::decode(&call, frame::ID_PREFIX_MAX).text;
                frame::own_id(&call, &text, message_type)
                    .unwrap_or_default()
                    .to_owned()
            });
            let max = usize::try_from(length).unwrap_or(0);
            let text = frame::decode_answer(&answer, answer_type, &message_id, max).text;
            let stored = frame::encode(&text, Some(answer_type), Some(&message_id));
            let column_id = (!stored.own_id).then_some(message_id);
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                update,
                [stored.frame.into(), column_id.into(), id.into()],
            ))
            .await?;
            after = id;
        }
        if rows.len() < SLICE {
            return Ok(());
        }
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => run(db, POSTGRES_UP).await,
            _ => run(db, SQLITE_UP).await,
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let txn = db.begin().await?;
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        let table = "ocpp_messages_v22";
        let split = if postgres {
            split(table, "bigserial NOT NULL PRIMARY KEY", "bytea", "bigint")
        } else {
            split(table, "integer NOT NULL PRIMARY KEY", "blob", "integer")
        };
        run(&txn, &split).await?;
        write_answers(&txn).await?;
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
