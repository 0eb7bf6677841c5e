//! Energy budgets per id tag and per account, and each transaction's newest energy register
//! reading, kept by the database itself (as `meter_latest` keeps each connector's newest time),
//! so that a session's energy so far is one row, not a scan of its samples.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EnergyBudgets {
    Table,
    /// `tag` or `account`.
    Subject,
    /// The tag's key (folded to lower case) or the account's username.
    SubjectKey,
    LimitWh,
    /// `week` or `month`.
    Period,
    CreatedAt,
    UpdatedAt,
}

/// The newest total energy register reading of every transaction that has one, from the
/// samples already stored: the highest value, in Wh (as the usage report reads them).
const BACKFILL: &str = "INSERT INTO transaction_register (transaction_id, register_wh) \
     SELECT transaction_id, MAX(CASE unit WHEN 'kWh' THEN numeric_value * 1000 \
     ELSE numeric_value END) FROM meter_values \
     WHERE transaction_id IS NOT NULL AND measurand = 'Energy.Active.Import.Register' \
     AND phase IS NULL AND unit IN ('Wh', 'kWh') AND numeric_value IS NOT NULL \
     GROUP BY transaction_id";

/// SQLite: a table without rowids moved forward by a row trigger (only register samples of a
/// transaction fire it: one row per MeterValues in the common case).
const SQLITE_UP: [&str; 3] = [
    "CREATE TABLE transaction_register (transaction_id integer NOT NULL PRIMARY KEY, \
     register_wh double NOT NULL) WITHOUT ROWID",
    BACKFILL,
    "CREATE TRIGGER transaction_register_follows AFTER INSERT ON meter_values \
     WHEN NEW.transaction_id IS NOT NULL AND NEW.measurand = 'Energy.Active.Import.Register' \
     AND NEW.phase IS NULL AND NEW.unit IN ('Wh', 'kWh') AND NEW.numeric_value IS NOT NULL BEGIN \
     INSERT INTO transaction_register (transaction_id, register_wh) \
     VALUES (NEW.transaction_id, CASE NEW.unit WHEN 'kWh' THEN NEW.numeric_value * 1000 \
     ELSE NEW.numeric_value END) \
     ON CONFLICT (transaction_id) DO UPDATE SET register_wh = excluded.register_wh \
     WHERE excluded.register_wh > transaction_register.register_wh; END",
];

/// PostgreSQL: a statement trigger over the rows the statement inserted.
const POSTGRES_UP: [&str; 4] = [
    "CREATE TABLE transaction_register (transaction_id integer NOT NULL PRIMARY KEY, \
     register_wh double precision NOT NULL)",
    BACKFILL,
    "CREATE FUNCTION transaction_register_follow() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
     INSERT INTO transaction_register (transaction_id, register_wh) \
     SELECT transaction_id, MAX(CASE unit WHEN 'kWh' THEN numeric_value * 1000 \
     ELSE numeric_value END) FROM inserted \
     WHERE transaction_id IS NOT NULL AND measurand = 'Energy.Active.Import.Register' \
     AND phase IS NULL AND unit IN ('Wh', 'kWh') AND numeric_value IS NOT NULL \
     GROUP BY transaction_id \
     ON CONFLICT (transaction_id) DO UPDATE SET register_wh = EXCLUDED.register_wh \
     WHERE transaction_register.register_wh < EXCLUDED.register_wh; \
     RETURN NULL; \
     END $$",
    "CREATE TRIGGER transaction_register_follows AFTER INSERT ON meter_values \
     REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT \
     EXECUTE FUNCTION transaction_register_follow()",
];

const SQLITE_DOWN: [&str; 2] = [
    "DROP TRIGGER transaction_register_follows",
    "DROP TABLE transaction_register",
];

const POSTGRES_DOWN: [&str; 3] = [
    "DROP TRIGGER transaction_register_follows ON meter_values",
    "DROP FUNCTION transaction_register_follow()",
    "DROP TABLE transaction_register",
];

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    super::run_all(manager.get_connection(), statements).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(EnergyBudgets::Table)
                    .if_not_exists()
                    .col(string_len(EnergyBudgets::Subject, 8))
                    .col(string_len(EnergyBudgets::SubjectKey, 255))
                    .col(double(EnergyBudgets::LimitWh))
                    .col(string_len(EnergyBudgets::Period, 8))
                    .col(timestamp_with_time_zone(EnergyBudgets::CreatedAt))
                    .col(timestamp_with_time_zone(EnergyBudgets::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(EnergyBudgets::Subject)
                            .col(EnergyBudgets::SubjectKey),
                    )
                    .to_owned(),
            )
            .await?;
        match manager.get_database_backend() {
            DbBackend::Postgres => run(manager, &POSTGRES_UP).await,
            _ => run(manager, &SQLITE_UP).await,
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Postgres => run(manager, &POSTGRES_DOWN).await?,
            _ => run(manager, &SQLITE_DOWN).await?,
        }
        manager
            .drop_table(Table::drop().table(EnergyBudgets::Table).to_owned())
            .await
    }
}
