//! Daily meter rollups: `meter_rollup_days`, one row per meter series (station connector) and
//! UTC day, made by the rollup job from that day's 15-minute rollups, so that a chart or a
//! total over months reads one row a day instead of 96; and `meter_rollup_stale_days`, the days
//! whose 15-minute rollups changed since their daily row was made (the job makes them again;
//! readers compute them from the 15-minute rollups meanwhile). Every day that already has
//! rollups starts stale, so the job makes the daily rows after the upgrade.

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A day in µs.
const DAY_US: i64 = 86_400_000_000;

fn days(double: &str) -> String {
    format!(
        "CREATE TABLE meter_rollup_days (\
         series integer NOT NULL, \
         day bigint NOT NULL, \
         readings integer NOT NULL, \
         energy_wh {double} NOT NULL, \
         power_sum_w {double} NOT NULL, \
         power_count integer NOT NULL, \
         power_max_w {double} NULL, \
         first_register_wh {double} NULL, \
         first_register_at bigint NULL, \
         last_register_wh {double} NULL, \
         last_register_at bigint NULL, \
         soc_percent {double} NULL, \
         soc_at bigint NULL, \
         PRIMARY KEY (series, day))"
    )
}

const STALE: &str = "CREATE TABLE meter_rollup_stale_days (\
     series integer NOT NULL, \
     day bigint NOT NULL, \
     PRIMARY KEY (series, day))";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let (days, stale) = match manager.get_database_backend() {
            // Clustered by (series, day), as the 15-minute rollups are.
            DbBackend::Sqlite => (
                format!("{} WITHOUT ROWID", days("real")),
                format!("{STALE} WITHOUT ROWID"),
            ),
            _ => (days("double precision"), STALE.to_owned()),
        };
        db.execute_unprepared(&days).await?;
        db.execute_unprepared(&stale).await?;
        // The day of a bucket, also before 1970 (a floor, not SQL's truncating %).
        db.execute_unprepared(&format!(
            "INSERT INTO meter_rollup_stale_days (series, day) \
             SELECT DISTINCT series, bucket - (((bucket % {DAY_US}) + {DAY_US}) % {DAY_US}) \
             FROM meter_rollups"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP TABLE meter_rollup_stale_days")
            .await?;
        db.execute_unprepared("DROP TABLE meter_rollup_days")
            .await?;
        Ok(())
    }
}
