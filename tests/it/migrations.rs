//! Schema migrations over data an earlier version stored, on SQLite and PostgreSQL.

use chargegate::store::samples::SampleQuery;
use chrono::{DateTime, Utc};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder,
    sea_query::OnConflict,
};

use crate::on_both_backends;
use crate::support::{Backend, TestDb};
use crate::transactions::at;

/// The meter tables before migration 19 (one row per sample), as that version's entities.
mod old {
    pub mod meter_value {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
        #[sea_orm(table_name = "meter_values")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub station_id: String,
            pub connector_id: i32,
            pub transaction_id: Option<i32>,
            pub reported_transaction_id: Option<i32>,
            pub source: String,
            pub timestamp: DateTimeUtc,
            pub value: String,
            pub numeric_value: Option<f64>,
            pub context: String,
            pub format: String,
            pub measurand: String,
            pub phase: Option<String>,
            pub location: String,
            pub unit: String,
            pub received_at: DateTimeUtc,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    pub mod meter_latest {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "meter_latest")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub station_id: String,
            #[sea_orm(primary_key, auto_increment = false)]
            pub connector_id: i32,
            pub timestamp: DateTimeUtc,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }
}
use old::{meter_latest, meter_value};

use crate::support::{migrations_before as before, migrations_from};

/// The compact meter layout's migration.
const READINGS: &str = "m20261207_000019_meter_readings";

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
    let Some((_db, db)) = TestDb::connect(backend).await else {
        return;
    };
    // The migrations before this one, and how many steps undo it with those that came after.
    // Up to the layout this migration is about (before the compact one).
    let before = before("m20261124_000006_meter_latest");
    let from_it_on = self::before(READINGS) - before;
    Migrator::up(&db, Some(before)).await.unwrap();
    sample(&db, "CP-A", 1, "MeterValues", "2024-05-01T10:00:00Z").await;
    sample(&db, "CP-A", 1, "MeterValues", "2024-05-01T10:05:00Z").await;
    sample(&db, "CP-A", 1, "StopTransaction", "2024-05-01T11:00:00Z").await;
    sample(&db, "CP-B", 2, "MeterValues", "2024-05-01T09:00:00.5Z").await;

    Migrator::up(&db, Some(from_it_on)).await.unwrap();
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
    Migrator::up(&db, Some(from_it_on)).await.unwrap();
    assert_eq!(latest(&db).await.len(), 3);
    db.close().await.unwrap();
}
on_both_backends!(meter_latest_is_backfilled_and_then_kept_by_the_database);

/// Migration 15 (OCPP 2.0.1) on rows an earlier version stored: every station reads `1.6`, the
/// new columns are null, nothing else changes; 1.6 transactions (no station transaction id)
/// never conflict in the new unique index while a 2.0.1 station's own id is unique per station;
/// and the migration can be undone and done again.
async fn ocpp201_keeps_every_earlier_row_and_meaning(backend: Backend) {
    use entity::{connector, station, transaction};
    use sea_orm::{ConnectionTrait, Statement, Value as V};

    let Some((_db, db)) = TestDb::connect(backend).await else {
        return;
    };
    let before = before("m20261206_000015_ocpp201");
    let from_it_on = migrations_from("m20261206_000015_ocpp201");
    Migrator::up(&db, Some(before)).await.unwrap();

    // Written as the previous version wrote them (its columns only).
    let run = |sql: &str, values: Vec<V>| {
        let sql = match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => sql.to_owned(),
            _ => (1..=values.len())
                .rev()
                .fold(sql.to_owned(), |s, n| s.replace(&format!("${n}"), "?")),
        };
        Statement::from_sql_and_values(db.get_database_backend(), sql, values)
    };
    let now = Utc::now();
    let started = at("2024-05-01T10:00:00Z");
    for statement in [
        run(
            "INSERT INTO stations (id, registration_status, vendor, created_at) VALUES ($1, $2, $3, $4)",
            vec![
                "CP-OLD".into(),
                "Accepted".into(),
                "VendorA".into(),
                now.into(),
            ],
        ),
        run(
            "INSERT INTO connectors (station_id, connector_id, status, error_code, updated_at) VALUES ($1, $2, $3, $4, $5)",
            vec![
                "CP-OLD".into(),
                1.into(),
                "Charging".into(),
                "NoError".into(),
                now.into(),
            ],
        ),
        run(
            "INSERT INTO transactions (station_id, connector_id, id_tag, id_tag_key, start_id_tag_status, meter_start, start_time, started_received_at, flags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            vec![
                "CP-OLD".into(),
                1.into(),
                "TAG".into(),
                "tag".into(),
                "Accepted".into(),
                100i64.into(),
                started.into(),
                now.into(),
                "".into(),
            ],
        ),
    ] {
        db.execute_raw(statement).await.unwrap();
    }

    Migrator::up(&db, None).await.unwrap();
    let old = station::Entity::find_by_id("CP-OLD")
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            old.ocpp_version.as_str(),
            old.vendor.as_deref(),
            old.registration_status.as_str()
        ),
        ("1.6", Some("VendorA"), "Accepted")
    );
    let c = connector::Entity::find().one(&db).await.unwrap().unwrap();
    assert_eq!((c.status.as_str(), c.ocpp_status), ("Charging", None));
    let t = transaction::Entity::find().one(&db).await.unwrap().unwrap();
    // Columns that held a 1.6 id tag take a 2.0.1 id token (36 characters).
    let token = "x".repeat(36);
    db.execute_raw(run(
        "INSERT INTO reservations (station_id, connector_id, id_tag, parent_id_tag, expiry_date, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        vec!["CP-OLD".into(), 0.into(), token.clone().into(), token.into(), now.into(), "Requested".into(), now.into()],
    ))
    .await
    .unwrap();
    assert_eq!(
        (
            t.meter_start,
            t.start_time,
            t.station_transaction_id,
            t.id_token_type
        ),
        (100, started, None, None)
    );

    // Another 1.6 transaction (no station id) is no conflict; a 2.0.1 station's id is unique.
    let insert = |own: Option<&str>, minute: u32| {
        run(
            "INSERT INTO transactions (station_id, connector_id, id_tag, id_tag_key, start_id_tag_status, meter_start, start_time, started_received_at, flags, station_transaction_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            vec![
                "CP-OLD".into(),
                1.into(),
                "TAG".into(),
                "tag".into(),
                "Accepted".into(),
                0i64.into(),
                at(&format!("2024-05-02T10:{minute:02}:00Z")).into(),
                now.into(),
                "".into(),
                own.map(str::to_owned).into(),
            ],
        )
    };
    db.execute_raw(insert(None, 1)).await.unwrap();
    db.execute_raw(insert(Some("tx-1"), 2)).await.unwrap();
    assert!(
        db.execute_raw(insert(Some("tx-1"), 3)).await.is_err(),
        "a station's own transaction id is unique"
    );

    Migrator::down(&db, Some(from_it_on)).await.unwrap();
    let kept = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM transactions",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        kept.try_get::<i64>("", "n").unwrap(),
        3,
        "undoing it keeps the rows"
    );
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(station::Entity::find().all(&db).await.unwrap().len(), 1);
    db.close().await.unwrap();
}
on_both_backends!(ocpp201_keeps_every_earlier_row_and_meaning);

/// Migration 19 on samples an earlier version stored (one row each): every sample reads back
/// exactly as it was (every attribute, numbers kept as text, signed data, readings of several
/// samples, other connectors, transactions and sources), each connector's newest MeterValues
/// time carries over, and the transaction registers are kept; undone, the rows are back as
/// they were, and done again, the same.
async fn compact_readings_keep_every_sample_exactly(backend: Backend) {
    use sea_orm::{ColumnTrait, QueryFilter};

    let Some((_db, db)) = TestDb::connect(backend).await else {
        return;
    };
    Migrator::up(&db, Some(before(READINGS))).await.unwrap();

    let received = at("2024-05-01T12:00:00.123456Z");
    let row = |station: &str,
               connector: i32,
               tx: Option<i32>,
               source: &str,
               time: &str,
               (measurand, phase, location, context, format, unit): (
        &str,
        Option<&str>,
        &str,
        &str,
        &str,
        &str,
    ),
               value: &str| meter_value::ActiveModel {
        id: NotSet,
        station_id: Set(station.into()),
        connector_id: Set(connector),
        transaction_id: Set(tx.filter(|t| *t < 100)),
        reported_transaction_id: Set(tx),
        source: Set(source.into()),
        timestamp: Set(at(time)),
        value: Set(value.into()),
        numeric_value: Set(value.trim().parse::<f64>().ok().filter(|v| v.is_finite())),
        context: Set(context.into()),
        format: Set(format.into()),
        measurand: Set(measurand.into()),
        phase: Set(phase.map(str::to_owned)),
        location: Set(location.into()),
        unit: Set(unit.into()),
        received_at: Set(received),
    };
    let register = (
        "Energy.Active.Import.Register",
        None,
        "Outlet",
        "Sample.Periodic",
        "Raw",
        "Wh",
    );
    let t1 = "2024-05-01T10:00:00Z";
    let t2 = "2024-05-01T10:01:00.250Z";
    let mut rows = vec![
        row("CP-A", 1, Some(5), "MeterValues", t1, register, "1000"),
        row(
            "CP-A",
            1,
            Some(5),
            "MeterValues",
            t1,
            (
                "Power.Active.Import",
                None,
                "Outlet",
                "Sample.Periodic",
                "Raw",
                "kW",
            ),
            "7.40",
        ),
        row(
            "CP-A",
            1,
            Some(5),
            "MeterValues",
            t1,
            ("Voltage", Some("L1-N"), "Inlet", "Sample.Clock", "Raw", "V"),
            "230.1",
        ),
        row(
            "CP-A",
            1,
            Some(5),
            "MeterValues",
            t1,
            ("SoC", None, "EV", "Sample.Periodic", "Raw", "Percent"),
            "007",
        ),
        row(
            "CP-A",
            1,
            Some(5),
            "MeterValues",
            t2,
            (
                "Energy.Active.Import.Register",
                None,
                "Outlet",
                "Sample.Clock",
                "SignedData",
                "Wh",
            ),
            "T0NNRnwxfDE5MjE2ODEy8J+YgA==",
        ),
        row("CP-A", 1, Some(5), "MeterValues", t2, register, "1.25e3"),
        row(
            "CP-A",
            1,
            Some(5),
            "StopTransaction",
            "2024-05-01T10:02:00Z",
            (
                "Energy.Active.Import.Register",
                None,
                "Outlet",
                "Transaction.End",
                "Raw",
                "kWh",
            ),
            "1.5",
        ),
        row("CP-A", 2, None, "MeterValues", t1, register, "-0"),
        row(
            "CP-A",
            2,
            Some(4242),
            "MeterValues",
            t2,
            ("Temperature", None, "Body", "Trigger", "Raw", "Celsius"),
            "ünïcödé",
        ),
        row(
            "CP-B",
            0,
            None,
            "MeterValues",
            "2024-05-01T09:00:00.5Z",
            register,
            " 12 ",
        ),
        row(
            "CP-B",
            0,
            None,
            "MeterValues",
            "2024-05-01T09:00:00.5Z",
            ("Current.Import", Some("L2"), "Cable", "Other", "Raw", "A"),
            "16",
        ),
    ];
    // Every combination of phase and context for one measurand, one reading each.
    for (i, phase) in [
        None,
        Some("L1"),
        Some("L2"),
        Some("L3"),
        Some("N"),
        Some("L3-L1"),
    ]
    .into_iter()
    .enumerate()
    {
        for context in [
            "Interruption.Begin",
            "Interruption.End",
            "Transaction.Begin",
        ] {
            rows.push(row(
                "CP-C",
                1,
                Some(6),
                "MeterValues",
                &format!("2024-05-02T10:{i:02}:00Z"),
                ("Current.Offered", phase, "Outlet", context, "Raw", "A"),
                &format!("{i}.{i}"),
            ));
        }
    }
    meter_value::Entity::insert_many(rows)
        .exec(&db)
        .await
        .unwrap();
    let before_rows = meter_value::Entity::find()
        .order_by_asc(meter_value::Column::Id)
        .all(&db)
        .await
        .unwrap();
    let newest = latest(&db).await;
    let registers = || async {
        let rows = db
            .query_all_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT transaction_id, register_wh FROM transaction_register ORDER BY 1",
            ))
            .await
            .unwrap();
        rows.iter()
            .map(|r| {
                (
                    r.try_get::<i32>("", "transaction_id").unwrap(),
                    r.try_get::<f64>("", "register_wh").unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let registers_before = registers().await;
    assert_eq!(registers_before, [(5, 1500.0)]);

    // The sample as both layouts read it (ids aside).
    type Plain = (
        (
            String,
            i32,
            Option<i32>,
            Option<i32>,
            String,
            DateTime<Utc>,
            DateTime<Utc>,
        ),
        (
            String,
            Option<f64>,
            String,
            String,
            String,
            Option<String>,
            String,
            String,
        ),
    );
    let plain = |m: meter_value::Model| -> Plain {
        (
            (
                m.station_id,
                m.connector_id,
                m.transaction_id,
                m.reported_transaction_id,
                m.source,
                m.timestamp,
                m.received_at,
            ),
            (
                m.value,
                m.numeric_value,
                m.context,
                m.format,
                m.measurand,
                m.phase,
                m.location,
                m.unit,
            ),
        )
    };
    let expected: Vec<Plain> = before_rows.into_iter().map(plain).collect();

    Migrator::up(&db, Some(1)).await.unwrap();
    let mut read = SampleQuery::default().all(&db).await.unwrap();
    read.sort_by_key(|s| s.id);
    let read: Vec<Plain> = read
        .into_iter()
        .map(|m| {
            (
                (
                    m.station_id,
                    m.connector_id,
                    m.transaction_id,
                    m.reported_transaction_id,
                    m.source,
                    m.timestamp,
                    m.received_at,
                ),
                (
                    m.value,
                    m.numeric_value,
                    m.context,
                    m.format,
                    m.measurand,
                    m.phase,
                    m.location,
                    m.unit,
                ),
            )
        })
        .collect();
    assert_eq!(read, expected, "every sample reads back as it was");
    let readings = entity::meter_reading::Entity::find()
        .all(&db)
        .await
        .unwrap();
    assert_eq!(
        readings.len(),
        6 + 6,
        "the samples of one reading share a row"
    );
    let mut series_latest: Vec<(String, i32, DateTime<Utc>)> = Vec::new();
    for s in entity::meter_series::Entity::find()
        .filter(entity::meter_series::Column::LatestAt.is_not_null())
        .all(&db)
        .await
        .unwrap()
    {
        let t = DateTime::from_timestamp_micros(s.latest_at.unwrap()).unwrap();
        series_latest.push((s.station_id, s.connector_id, t));
    }
    series_latest.sort();
    assert_eq!(series_latest, newest, "each connector's newest time");
    assert_eq!(registers().await, registers_before);

    Migrator::down(&db, Some(1)).await.unwrap();
    let back: Vec<Plain> = meter_value::Entity::find()
        .order_by_asc(meter_value::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(plain)
        .collect();
    assert_eq!(back, expected, "undone, the rows are back");
    assert_eq!(latest(&db).await, newest);
    Migrator::up(&db, Some(1)).await.unwrap();
    assert_eq!(
        SampleQuery::default().count(&db).await.unwrap(),
        expected.len() as u64
    );
    db.close().await.unwrap();
}
on_both_backends!(compact_readings_keep_every_sample_exactly);
