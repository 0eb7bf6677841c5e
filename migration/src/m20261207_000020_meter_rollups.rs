//! Meter rollups: `meter_rollups`, one row per meter series (station connector) and 15-minute
//! bucket, kept for good (energy delivered, power average and maximum, first and last register
//! reading, last state of charge, readings counted), and `meter_rollup_state`, the one row of
//! the background job that computes them from `meter_readings` (its watermark) and of the raw
//! retention (from when raw readings are all still there). Existing readings are rolled up by
//! the job after the upgrade, a batch at a time.

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns, the same on both backends but for the float type.
fn rollups(double: &str) -> String {
    format!(
        "CREATE TABLE meter_rollups (\
         series integer NOT NULL, \
         bucket bigint NOT NULL, \
         readings integer NOT NULL, \
         energy_wh {double} NOT NULL, \
         inner_wh {double} NOT NULL, \
         power_sum_w {double} NOT NULL, \
         power_count integer NOT NULL, \
         power_max_w {double} NULL, \
         first_register_wh {double} NULL, \
         first_register_at bigint NULL, \
         last_register_wh {double} NULL, \
         last_register_at bigint NULL, \
         soc_percent {double} NULL, \
         soc_at bigint NULL, \
         PRIMARY KEY (series, bucket))"
    )
}

const STATE: &str = "CREATE TABLE meter_rollup_state (\
     id integer NOT NULL PRIMARY KEY, \
     done_id bigint NOT NULL, \
     seen_id bigint NOT NULL, \
     seen_at bigint NOT NULL, \
     raw_from bigint NULL)";

const STATE_ROW: &str = "INSERT INTO meter_rollup_state (id, done_id, seen_id, seen_at, raw_from) VALUES (1, 0, 0, 0, NULL)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let table = match manager.get_database_backend() {
            // Clustered by (series, bucket): a connector's month is one range of one b-tree.
            DbBackend::Sqlite => format!("{} WITHOUT ROWID", rollups("real")),
            _ => rollups("double precision"),
        };
        db.execute_unprepared(&table).await?;
        db.execute_unprepared(STATE).await?;
        db.execute_unprepared(STATE_ROW).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP TABLE meter_rollup_state")
            .await?;
        db.execute_unprepared("DROP TABLE meter_rollups").await?;
        Ok(())
    }
}
