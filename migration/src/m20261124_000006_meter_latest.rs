//! The newest MeterValues time of each connector, kept by the database itself, so that the
//! sample index can be ordered by time first (new samples then land at its right edge instead
//! of one random page per message).

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The unique sample index, as the initial migration made it and as it is now: the same
/// columns, with the time first.
const STATION_FIRST: &str = "CREATE UNIQUE INDEX uq_meter_values_sample ON meter_values \
     (station_id, connector_id, timestamp, measurand, COALESCE(phase, ''), location, context, \
     COALESCE(reported_transaction_id, 0))";
const TIME_FIRST: &str = "CREATE UNIQUE INDEX uq_meter_values_sample ON meter_values \
     (timestamp, station_id, connector_id, measurand, COALESCE(phase, ''), location, context, \
     COALESCE(reported_transaction_id, 0))";

/// Every connector's newest MeterValues time so far, from the samples already stored.
const BACKFILL: &str = "INSERT INTO meter_latest (station_id, connector_id, timestamp) \
     SELECT station_id, connector_id, MAX(timestamp) FROM meter_values \
     WHERE source = 'MeterValues' GROUP BY station_id, connector_id";

/// SQLite: one row per connector in a table without rowids (one B-tree), moved forward by a
/// row trigger. The trigger's upsert keeps its own conflict clause under the writer's
/// `INSERT OR IGNORE`.
const SQLITE_UP: [&str; 3] = [
    "CREATE TABLE meter_latest (station_id varchar(48) NOT NULL, connector_id integer NOT NULL, \
     timestamp timestamp_with_timezone_text NOT NULL, PRIMARY KEY (station_id, connector_id)) \
     WITHOUT ROWID",
    BACKFILL,
    "CREATE TRIGGER meter_latest_follows AFTER INSERT ON meter_values \
     WHEN NEW.source = 'MeterValues' BEGIN \
     INSERT INTO meter_latest (station_id, connector_id, timestamp) \
     VALUES (NEW.station_id, NEW.connector_id, NEW.timestamp) \
     ON CONFLICT (station_id, connector_id) DO UPDATE SET timestamp = excluded.timestamp \
     WHERE excluded.timestamp > meter_latest.timestamp; END",
];

/// PostgreSQL: a statement trigger over the rows the statement inserted (a multi-row insert
/// costs one upsert, and each connector appears once in it).
const POSTGRES_UP: [&str; 4] = [
    "CREATE TABLE meter_latest (station_id varchar(48) NOT NULL, connector_id integer NOT NULL, \
     timestamp timestamptz NOT NULL, PRIMARY KEY (station_id, connector_id))",
    BACKFILL,
    "CREATE FUNCTION meter_latest_follow() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
     INSERT INTO meter_latest (station_id, connector_id, timestamp) \
     SELECT station_id, connector_id, MAX(timestamp) FROM inserted \
     WHERE source = 'MeterValues' GROUP BY station_id, connector_id \
     ON CONFLICT (station_id, connector_id) DO UPDATE SET timestamp = EXCLUDED.timestamp \
     WHERE meter_latest.timestamp < EXCLUDED.timestamp; \
     RETURN NULL; \
     END $$",
    "CREATE TRIGGER meter_latest_follows AFTER INSERT ON meter_values \
     REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION meter_latest_follow()",
];

const SQLITE_DOWN: [&str; 2] = [
    "DROP TRIGGER meter_latest_follows",
    "DROP TABLE meter_latest",
];

const POSTGRES_DOWN: [&str; 3] = [
    "DROP TRIGGER meter_latest_follows ON meter_values",
    "DROP FUNCTION meter_latest_follow()",
    "DROP TABLE meter_latest",
];

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    super::run_all(manager.get_connection(), statements).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Postgres => run(manager, &POSTGRES_UP).await?,
            _ => run(manager, &SQLITE_UP).await?,
        }
        run(manager, &["DROP INDEX uq_meter_values_sample", TIME_FIRST]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Postgres => run(manager, &POSTGRES_DOWN).await?,
            _ => run(manager, &SQLITE_DOWN).await?,
        }
        run(
            manager,
            &["DROP INDEX uq_meter_values_sample", STATION_FIRST],
        )
        .await
    }
}
