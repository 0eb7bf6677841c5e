//! Schema migrations over data an earlier version stored, on SQLite and PostgreSQL.

use chrono::{DateTime, Utc};
use entity::{meter_latest, meter_value};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ConnectionTrait, Database, DatabaseConnection, EntityTrait, QueryOrder,
    sea_query::OnConflict,
};

use crate::on_both_backends;
use crate::support::{Backend, TestDb};
use crate::transactions::at;

/// A sample row, inserted the way SeaORM inserts it (ignored when already stored).
async fn sample(db: &DatabaseConnection, station: &str, connector: i32, source: &str, time: &str) {
    let row = meter_value::ActiveModel {
        id: NotSet,
        station_id: Set(station.into()),
        connector_id: Set(connector),
        transaction_id: Set(None),
        reported_transaction_id: Set(None),
        source: Set(source.into()),
        timestamp: Set(at(time)),
        value: Set("1".into()),
        numeric_value: Set(Some(1.0)),
        context: Set("Sample.Periodic".into()),
        format: Set("Raw".into()),
        measurand: Set("Energy.Active.Import.Register".into()),
        phase: Set(None),
        location: Set("Outlet".into()),
        unit: Set("Wh".into()),
        received_at: Set(Utc::now()),
    };
    meter_value::Entity::insert(row)
        .on_conflict(OnConflict::new().do_nothing().to_owned())
        .try_insert()
        .exec_without_returning(db)
        .await
        .unwrap();
}

async fn latest(db: &DatabaseConnection) -> Vec<(String, i32, DateTime<Utc>)> {
    meter_latest::Entity::find()
        .order_by_asc(meter_latest::Column::StationId)
        .order_by_asc(meter_latest::Column::ConnectorId)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.station_id, r.connector_id, r.timestamp))
        .collect()
}

async fn count(db: &DatabaseConnection) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM meter_values",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

/// The migration that orders the sample index by time fills `meter_latest` from the samples
/// already stored; from then on the database keeps it as samples arrive (only MeterValues,
/// only forward), a sample sent again is still stored once, and the migration can be undone.
async fn meter_latest_is_backfilled_and_then_kept_by_the_database(backend: Backend) {
    let Some((_db, url)) = TestDb::create(backend).await else {
        return;
    };
    let url = match backend {
        Backend::Sqlite => format!("{url}?mode=rwc"),
        Backend::Postgres => url,
    };
    let db = Database::connect(&url).await.unwrap();
    // The migrations before this one, and how many steps undo it with those that came after.
    let migrations = Migrator::migrations();
    let before = migrations
        .iter()
        .position(|m| m.name() == "m20261124_000006_meter_latest")
        .expect("the meter_latest migration") as u32;
    let from_it_on = migrations.len() as u32 - before;
    Migrator::up(&db, Some(before)).await.unwrap();
    sample(&db, "CP-A", 1, "MeterValues", "2024-05-01T10:00:00Z").await;
    sample(&db, "CP-A", 1, "MeterValues", "2024-05-01T10:05:00Z").await;
    sample(&db, "CP-A", 1, "StopTransaction", "2024-05-01T11:00:00Z").await;
    sample(&db, "CP-B", 2, "MeterValues", "2024-05-01T09:00:00.5Z").await;

    Migrator::up(&db, None).await.unwrap();
    assert_eq!(
        latest(&db).await,
        [
            ("CP-A".into(), 1, at("2024-05-01T10:05:00Z")),
            ("CP-B".into(), 2, at("2024-05-01T09:00:00.5Z")),
        ]
    );

    sample(&db, "CP-A", 1, "MeterValues", "2024-05-01T10:10:00Z").await;
    sample(&db, "CP-A", 1, "MeterValues", "2024-05-01T10:02:00Z").await;
    sample(&db, "CP-A", 2, "StopTransaction", "2024-05-01T12:00:00Z").await;
    sample(&db, "CP-C", 1, "MeterValues", "2024-05-01T08:00:00Z").await;
    sample(&db, "CP-C", 1, "MeterValues", "2024-05-01T08:00:00Z").await;
    assert_eq!(
        latest(&db).await,
        [
            ("CP-A".into(), 1, at("2024-05-01T10:10:00Z")),
            ("CP-B".into(), 2, at("2024-05-01T09:00:00.5Z")),
            ("CP-C".into(), 1, at("2024-05-01T08:00:00Z")),
        ]
    );
    assert_eq!(count(&db).await, 8, "the repeated sample is stored once");

    Migrator::down(&db, Some(from_it_on)).await.unwrap();
    assert!(
        meter_latest::Entity::find().all(&db).await.is_err(),
        "the table is dropped"
    );
    sample(&db, "CP-C", 1, "MeterValues", "2024-05-01T08:00:00Z").await;
    assert_eq!(
        count(&db).await,
        8,
        "the station-first index is back, unique"
    );
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(latest(&db).await.len(), 3);
    db.close().await.unwrap();
}
on_both_backends!(meter_latest_is_backfilled_and_then_kept_by_the_database);
