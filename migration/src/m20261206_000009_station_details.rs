//! What operators keep about a station (display name, site, address, coordinates, note), and
//! the indexes the console's lists need: stations by display name, site and last seen (each
//! then by id, nulls last), meter values by station and time, security events by time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Stations {
    Table,
    DisplayName,
    Site,
    Address,
    Latitude,
    Longitude,
    Note,
}

/// Expression indexes: the same SQL on both backends. `(x IS NULL), x, id` is the order of
/// `stations(orderBy:)` (nulls last, then id).
const INDEXES: &[(&str, &str)] = &[
    (
        "idx_stations_display_name",
        "CREATE INDEX idx_stations_display_name ON stations ((display_name IS NULL), display_name, id)",
    ),
    (
        "idx_stations_site",
        "CREATE INDEX idx_stations_site ON stations ((site IS NULL), site, id)",
    ),
    (
        "idx_stations_last_seen",
        "CREATE INDEX idx_stations_last_seen ON stations ((last_seen_at IS NULL), last_seen_at, id)",
    ),
    (
        "idx_meter_values_station_time",
        "CREATE INDEX idx_meter_values_station_time ON meter_values (station_id, timestamp, id)",
    ),
    (
        "idx_security_events_time",
        "CREATE INDEX idx_security_events_time ON security_events (timestamp)",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        let columns = [
            string_len_null(Stations::DisplayName, 100),
            string_len_null(Stations::Site, 100),
            string_len_null(Stations::Address, 300),
            double_null(Stations::Latitude),
            double_null(Stations::Longitude),
            text_null(Stations::Note),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Stations::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        for (_, sql) in INDEXES {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in INDEXES {
            manager
                .get_connection()
                .execute_unprepared(&format!("DROP INDEX {name}"))
                .await?;
        }
        for column in [
            Stations::Note,
            Stations::Longitude,
            Stations::Latitude,
            Stations::Address,
            Stations::Site,
            Stations::DisplayName,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Stations::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
