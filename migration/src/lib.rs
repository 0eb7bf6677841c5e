//! chargegate's schema migrations: one ordered list that runs unchanged on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261124_000001_initial;
mod m20261124_000002_accounts;
mod m20261124_000003_station_security;
mod m20261124_000004_profiles;
mod m20261124_000005_security_extensions;
mod m20261124_000006_meter_latest;
mod m20261206_000007_journal_bounds;
mod m20261206_000008_upload_expiry;
mod m20261206_000009_station_details;
mod m20261206_000010_energy_budgets;
mod m20261206_000011_account_pending;
mod m20261206_000012_audit_log;
mod m20261206_000013_alerts;
mod m20261206_000014_uploads;
mod m20261206_000015_ocpp201;
mod m20261206_000016_device_model;
mod m20261206_000017_charging_limits;
mod m20261206_000018_station_events;
mod m20261207_000019_meter_readings;
mod m20261207_000020_meter_rollups;
mod m20261207_000021_compact_journal;
mod m20261207_000022_meter_rollup_days;
mod m20261207_000023_journal_answers;

/// Runs `statements` on `db`, one after the other (the migrations' fixed SQL).
async fn run_all<S: AsRef<str>>(
    db: &impl sea_orm_migration::sea_orm::ConnectionTrait,
    statements: &[S],
) -> Result<(), DbErr> {
    for sql in statements {
        db.execute_unprepared(sql.as_ref()).await?;
    }
    Ok(())
}

/// The migrator `chargegate serve` and `chargegate migrate` run at start.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_initial::Migration),
            Box::new(m20261124_000002_accounts::Migration),
            Box::new(m20261124_000003_station_security::Migration),
            Box::new(m20261124_000004_profiles::Migration),
            Box::new(m20261124_000005_security_extensions::Migration),
            Box::new(m20261124_000006_meter_latest::Migration),
            Box::new(m20261206_000007_journal_bounds::Migration),
            Box::new(m20261206_000008_upload_expiry::Migration),
            Box::new(m20261206_000009_station_details::Migration),
            Box::new(m20261206_000010_energy_budgets::Migration),
            Box::new(m20261206_000011_account_pending::Migration),
            Box::new(m20261206_000012_audit_log::Migration),
            Box::new(m20261206_000013_alerts::Migration),
            Box::new(m20261206_000014_uploads::Migration),
            Box::new(m20261206_000015_ocpp201::Migration),
            Box::new(m20261206_000016_device_model::Migration),
            Box::new(m20261206_000017_charging_limits::Migration),
            Box::new(m20261206_000018_station_events::Migration),
            Box::new(m20261207_000019_meter_readings::Migration),
            Box::new(m20261207_000020_meter_rollups::Migration),
            Box::new(m20261207_000021_compact_journal::Migration),
            Box::new(m20261207_000022_meter_rollup_days::Migration),
            Box::new(m20261207_000023_journal_answers::Migration),
        ]
    }
}
