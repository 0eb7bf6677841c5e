//! The journal's stored form (issue 25): frames are packed and read back exactly (odd
//! characters, NULs, cut frames, text that is not JSON), in the API and in the rows; rows an
//! earlier version stored read the same after the migration, and again after it is undone.

use entity::ocpp_message::{self, frame};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Statement,
};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{Backend, TestApp, TestDb, eventually, spawn_on};

const QUERY: &str = r#"query($station: ID!) { ocppMessages(stationId: $station, first: 1000) {
    nodes { direction messageType messageId action payload truncated size sha256 } } }"#;

/// The station's journal in the API, oldest first.
async fn journal(app: &TestApp, station: &str) -> Vec<Value> {
    let data = app
        .ok(&app.admin(), QUERY, json!({ "station": station }))
        .await;
    let mut nodes = data["ocppMessages"]["nodes"].as_array().unwrap().clone();
    nodes.reverse();
    nodes
}

/// The station's rows, oldest first.
async fn rows(app: &TestApp, station: &str) -> Vec<ocpp_message::Model> {
    ocpp_message::Entity::find()
        .filter(ocpp_message::Column::StationId.eq(station))
        .order_by_asc(ocpp_message::Column::Id)
        .all(app.db())
        .await
        .unwrap()
}

/// Frames with odd text go into the journal and come out exactly as sent and answered: in
/// the API (payload, message id, size) and in the rows; a MeterValues CALL and its answer
/// are stored packed, in a fraction of their size.
async fn frames_read_back_exactly(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-ODD").await;
    let uuid = "5d0e6b1a-2c3f-4e5d-8a9b-0c1d2e3f4a5b";
    let sent = [
        (
            uuid.to_owned(),
            format!(
                r#"[2,"{uuid}","MeterValues",{{"connectorId":1,"meterValue":[{{"timestamp":"2026-12-07T10:00:00.000Z","sampledValue":[{{"value":"1234567","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"}},{{"value":"11000","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"}},{{"value":"16.2","context":"Sample.Periodic","measurand":"Current.Import","unit":"A","phase":"L1"}},{{"value":"230.1","context":"Sample.Periodic","measurand":"Voltage","unit":"V","phase":"L1-N"}},{{"value":"57","context":"Sample.Periodic","measurand":"SoC","unit":"Percent"}}]}}]}}]"#
            ),
        ),
        (
            "odd-1".to_owned(),
            r#"[2,"odd-1","DataTransfer",{"vendorId":"ACME","data":"é € 😀 \u0000 \" \\ \n\t"}]"#
                .to_owned(),
        ),
        (
            "odd 2".to_owned(),
            "[2, \"odd 2\" ,\"DataTransfer\",{\"vendorId\":\"ACME\",\"data\":\"spaced\"}]"
                .to_owned(),
        ),
        (
            "ABCDEF01-2345-4678-9ABC-DEF012345678".to_owned(),
            r#"[2,"ABCDEF01-2345-4678-9ABC-DEF012345678","Heartbeat",{}]"#.to_owned(),
        ),
    ];
    let mut exchanged = Vec::new();
    for (id, frame) in &sent {
        cp.send_text(frame).await;
        let answer = cp.recv_text().await;
        let parsed: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(
            (&parsed[0], &parsed[1]),
            (&json!(3), &json!(id)),
            "{answer}"
        );
        exchanged.push((frame.clone(), id.clone(), 2));
        exchanged.push((answer, id.clone(), 3));
    }
    // Not JSON at all, and a raw NUL (kept as U+FFFD); not answered.
    cp.send_text("not json \u{0}[[").await;

    let nodes = eventually("every frame journaled", || async {
        let nodes = journal(&app, "CP-ODD").await;
        (nodes.len() == 2 + 2 * sent.len() + 1).then_some(nodes)
    })
    .await;
    // After the boot exchange (two rows).
    for (node, (text, id, kind)) in nodes[2..].iter().zip(&exchanged) {
        assert_eq!(node["payload"], text.as_str(), "{node}");
        assert_eq!(node["messageId"], id.as_str(), "{node}");
        assert_eq!(node["truncated"], false);
        assert_eq!(node["size"], text.len());
        let kind = if *kind == 2 { "CALL" } else { "CALL_RESULT" };
        assert_eq!(node["messageType"], kind);
    }
    let garbage = &nodes[2 + exchanged.len()];
    assert_eq!(garbage["payload"], "not json \u{FFFD}[[");
    assert_eq!(garbage["messageType"], Value::Null);

    let stored = rows(&app, "CP-ODD").await;
    for (row, (text, id, _)) in stored[2..].iter().zip(&exchanged) {
        assert_eq!(row.payload(), *text);
        assert_eq!(row.message_id().as_deref(), Some(id.as_str()));
        assert_eq!(row.length as usize, text.len());
    }
    // The MeterValues CALL and its answer: packed, their ids read from the frame.
    let (call, answer) = (&stored[2], &stored[3]);
    assert_eq!(call.frame[0], frame::PACKED | frame::OWN_ID);
    assert_eq!(
        (call.message_id.as_deref(), answer.message_id.as_deref()),
        (None, None)
    );
    assert!(
        call.frame.len() * 3 < call.length as usize,
        "{}",
        call.frame.len()
    );
    assert!(answer.frame.len() < answer.length as usize);
    // An id not at its place, or spaced out, is kept apart.
    assert_eq!(stored[6].message_id.as_deref(), Some("odd 2"));
    app.stop().await;
}
on_both_backends!(frames_read_back_exactly);

/// A journal row as version 20 stored it (plain SQL on the earlier table).
async fn insert_v20(db: &DatabaseConnection, id: Option<&str>, payload: &str, at: &str) {
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO ocpp_messages (station_id, direction, message_type, message_id, action, \
             payload, created_at) VALUES ('CP-OLD', 'in', 2, $1, 'DataTransfer', $2, $3::timestamptz)"
        }
        _ => {
            "INSERT INTO ocpp_messages (station_id, direction, message_type, message_id, action, \
             payload, created_at) VALUES ('CP-OLD', 'in', 2, ?, 'DataTransfer', ?, ?)"
        }
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [id.into(), payload.into(), at.into()],
    ))
    .await
    .unwrap();
}

/// Rows stored before the migration keep their text, message id and time; rows packed after
/// it are written out as text again when it is undone, and the earlier rows are unchanged.
async fn rows_from_before_the_migration_read_the_same(backend: Backend) {
    let Some((_db, url)) = TestDb::create(backend).await else {
        return;
    };
    let url = match backend {
        Backend::Sqlite => format!("{url}?mode=rwc"),
        Backend::Postgres => url,
    };
    let db = Database::connect(&url).await.unwrap();
    let migrations = Migrator::migrations();
    let before = migrations
        .iter()
        .position(|m| m.name() == "m20261207_000021_compact_journal")
        .expect("the journal migration") as u32;
    Migrator::up(&db, Some(before)).await.unwrap();
    let old = [
        (
            Some("a"),
            r#"[2,"a","DataTransfer",{"data":"é € 😀 \u0000"}]"#,
        ),
        (Some("b"), "not json \u{FFFD} at all"),
        (None, ""),
    ];
    let time = match backend {
        Backend::Sqlite => "2026-12-01 10:11:12.345678+00:00",
        Backend::Postgres => "2026-12-01T10:11:12.345678Z",
    };
    for (id, payload) in old {
        insert_v20(&db, id, payload, time).await;
    }
    Migrator::up(&db, None).await.unwrap();
    let rows = ocpp_message::Entity::find()
        .order_by_asc(ocpp_message::Column::Id)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(rows.len(), old.len());
    for (row, (id, payload)) in rows.iter().zip(old) {
        assert_eq!(row.payload(), payload);
        assert_eq!(row.message_id().as_deref(), id);
        assert_eq!(row.frame[0], frame::RAW);
        assert_eq!(row.length as usize, payload.len());
        // To the millisecond (SQLite rounds, PostgreSQL truncates).
        let expected: chrono::DateTime<chrono::Utc> =
            "2026-12-01T10:11:12.345678Z".parse().unwrap();
        let off = (row.created() - expected).num_microseconds().unwrap();
        assert!(
            (-1000..=1000).contains(&off),
            "{} off by {off} µs",
            row.created()
        );
    }
    // A row packed by this version, its id in the frame.
    let text = r#"[3,"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",{"status":"Accepted"}]"#;
    let stored = frame::encode(text, Some(3), Some("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    assert!(stored.own_id);
    let backend_of = db.get_database_backend();
    let sql = match backend_of {
        sea_orm::DbBackend::Postgres => {
            "INSERT INTO ocpp_messages (station_id, direction, message_type, action, frame, \
             length, created_at) VALUES ('CP-OLD', 'out', 3, 'DataTransfer', $1, $2, 0)"
        }
        _ => {
            "INSERT INTO ocpp_messages (station_id, direction, message_type, action, frame, \
             length, created_at) VALUES ('CP-OLD', 'out', 3, 'DataTransfer', ?, ?, 0)"
        }
    };
    db.execute_raw(Statement::from_sql_and_values(
        backend_of,
        sql,
        [stored.frame.into(), (text.len() as i32).into()],
    ))
    .await
    .unwrap();

    // Undone down to before it (and the migrations after it).
    Migrator::down(&db, Some(migrations.len() as u32 - before))
        .await
        .unwrap();
    let back = db
        .query_all_raw(Statement::from_string(
            backend_of,
            "SELECT message_id, payload FROM ocpp_messages ORDER BY id",
        ))
        .await
        .unwrap();
    let back: Vec<(Option<String>, String)> = back
        .iter()
        .map(|r| {
            (
                r.try_get("", "message_id").unwrap(),
                r.try_get("", "payload").unwrap(),
            )
        })
        .collect();
    let mut expected: Vec<(Option<String>, String)> = old
        .iter()
        .map(|(id, p)| (id.map(str::to_owned), (*p).to_owned()))
        .collect();
    expected.push((
        Some("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d".to_owned()),
        text.to_owned(),
    ));
    assert_eq!(back, expected);
    Migrator::up(&db, None).await.unwrap();
    let again = ocpp_message::Entity::find().all(&db).await.unwrap();
    assert_eq!(again.len(), 4);
    assert!(again.iter().any(|r| r.payload() == text));
    db.close().await.unwrap();
}
on_both_backends!(rows_from_before_the_migration_read_the_same);
