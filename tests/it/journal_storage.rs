//! The journal's stored form (issue 25): frames are packed and read back exactly (odd
//! characters, NULs, cut frames, text that is not JSON), in the API and in the rows; rows an
//! earlier version stored read the same after the migration, and again after it is undone.

use entity::ocpp_message::{self, frame};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{
    Backend, TestApp, TestDb, eventually, journal_frames, migrations_before, migrations_from,
    spawn_on,
};

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

    let stored = journal_frames(app.db(), Some("CP-ODD")).await;
    for (frame, (text, id, kind)) in stored[2..].iter().zip(&exchanged) {
        assert_eq!(frame.payload, *text);
        assert_eq!(frame.message_id.as_deref(), Some(id.as_str()));
        assert_eq!(frame.length, text.len());
        assert_eq!(frame.message_type, Some(*kind));
    }
    // A station's CALL and our answer share a row, except a DataTransfer's (its answer waits
    // for its row) and the garbage (not a CALL).
    let kept: Vec<bool> = stored.iter().map(|f| f.kept_answer).collect();
    assert_eq!(
        kept,
        [
            false, true, false, true, false, false, false, false, false, true, false
        ]
    );
    // The MeterValues CALL and its answer: packed, their ids read from the frame, the answer
    // only what follows its id.
    let rows = rows(&app, "CP-ODD").await;
    let call = &rows[1];
    assert_eq!(call.frame[0], frame::PACKED | frame::OWN_ID);
    assert_eq!(call.message_id.as_deref(), None);
    assert!(
        call.frame.len() * 3 < call.length as usize,
        "{}",
        call.frame.len()
    );
    assert_eq!(call.answer.as_deref(), Some(&b"\0{}]"[..]));
    assert_eq!((call.answer_type, call.answer_length), (Some(3), Some(45)));
    // An id not at its place, or spaced out, is kept apart.
    assert_eq!(rows[4].message_id.as_deref(), Some("odd 2"));
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
    let Some((_db, db)) = TestDb::connect(backend).await else {
        return;
    };
    let before = migrations_before("m20261207_000021_compact_journal");
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
    Migrator::down(
        &db,
        Some(migrations_from("m20261207_000021_compact_journal")),
    )
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

const PAGE: &str = r#"query($station: ID!, $first: Int) {
  ocppMessages(stationId: $station, first: $first) {
    totalCount
    nodes { id direction messageType messageId action payload size createdAt }
  }
}"#;

/// The ids of the station's journal, newest first, read a page of `size` at a time (forwards,
/// or backwards with `last`), through the API.
async fn walk(
    app: &TestApp,
    station: &str,
    direction: Option<&str>,
    size: usize,
    backwards: bool,
) -> Vec<String> {
    crate::journal_limits::read_all(app, station, direction, size, usize::MAX, backwards)
        .await
        .0
}

/// A station's CALL and our answer share one row when the answer is the station's next
/// journaled frame; the API still lists them as two frames (the answer first, newest first,
/// with its own id, direction, type, time and exact text), counts and filters them one by
/// one, and its pages may end between the two. A DataTransfer's answer keeps its own row.
async fn a_call_and_its_answer_share_a_row_and_list_as_two_frames(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-PAIR").await;
    cp.call("Heartbeat", json!({})).await;
    cp.call("DataTransfer", json!({"vendorId": "ACME"})).await;
    cp.call(
        "StatusNotification",
        json!({"connectorId": 1, "status": "Available", "errorCode": "NoError"}),
    )
    .await;
    // Boot, Heartbeat, DataTransfer and its answer, StatusNotification: 5 rows, 8 frames.
    let frames = eventually("every frame journaled", || async {
        let frames = journal_frames(app.db(), Some("CP-PAIR")).await;
        (frames.len() == 8).then_some(frames)
    })
    .await;
    let rows = rows(&app, "CP-PAIR").await;
    assert_eq!(rows.len(), 5);
    let kept: Vec<bool> = frames.iter().map(|f| f.kept_answer).collect();
    assert_eq!(kept, [false, true, false, true, false, false, false, true]);
    for pair in frames.windows(2) {
        assert!(pair[0].created_at <= pair[1].created_at, "{pair:?}");
    }

    let all = app
        .ok(
            &app.admin(),
            PAGE,
            json!({"station": "CP-PAIR", "first": 100}),
        )
        .await;
    let nodes = all["ocppMessages"]["nodes"].as_array().unwrap();
    assert_eq!(all["ocppMessages"]["totalCount"], 8);
    let heartbeat = rows[1].id;
    let hb_answer = &nodes[4];
    let hb_call = &nodes[5];
    assert_eq!(hb_answer["id"], format!("{heartbeat}.1"));
    assert_eq!(hb_call["id"], heartbeat.to_string());
    assert_eq!(
        (
            &hb_answer["direction"],
            &hb_answer["messageType"],
            &hb_answer["action"]
        ),
        (&json!("OUT"), &json!("CALL_RESULT"), &json!("Heartbeat"))
    );
    assert_eq!(hb_answer["messageId"], hb_call["messageId"]);
    let answer_text = hb_answer["payload"].as_str().unwrap();
    let parsed: Value = serde_json::from_str(answer_text).unwrap();
    assert_eq!(parsed[1], hb_call["messageId"]);
    assert!(parsed[2]["currentTime"].is_string(), "{answer_text}");
    assert_eq!(hb_answer["size"], answer_text.len());
    let at =
        |n: &Value| chrono::DateTime::parse_from_rfc3339(n["createdAt"].as_str().unwrap()).unwrap();
    assert!(at(hb_answer) >= at(hb_call));
    assert_eq!(frames[3].payload, answer_text);

    // Every page size, forwards and backwards, lists each frame once, in order.
    let ids: Vec<String> = nodes
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    for size in [1, 2, 3, 5] {
        assert_eq!(
            walk(&app, "CP-PAIR", None, size, false).await,
            ids,
            "first {size}"
        );
        assert_eq!(
            walk(&app, "CP-PAIR", None, size, true).await,
            ids,
            "last {size}"
        );
    }
    // A direction lists one frame of each pair.
    for (direction, spelled) in [("IN", "IN"), ("OUT", "OUT")] {
        let listed: Vec<String> = nodes
            .iter()
            .filter(|n| n["direction"] == spelled)
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(listed.len(), 4);
        for size in [1, 3] {
            assert_eq!(
                walk(&app, "CP-PAIR", Some(direction), size, false).await,
                listed
            );
            assert_eq!(
                walk(&app, "CP-PAIR", Some(direction), size, true).await,
                listed
            );
        }
    }
    app.stop().await;
}
on_both_backends!(a_call_and_its_answer_share_a_row_and_list_as_two_frames);

/// Undoing migration 23 writes each answer kept with its CALL back as a row of its own,
/// right after its CALL, with its text, type, direction, message id and time; then the
/// migration runs again.
async fn undoing_the_shared_rows_writes_each_answer_back(backend: Backend) {
    let Some((_db, db)) = TestDb::connect(backend).await else {
        return;
    };
    Migrator::up(&db, None).await.unwrap();
    let id = "5d0e6b1a-2c3f-4e5d-8a9b-0c1d2e3f4a5b";
    let call = format!(r#"[2,"{id}","Heartbeat",{{}}]"#);
    let answer = format!(r#"[3,"{id}",{{"currentTime":"2026-12-07T10:00:00.000Z"}}]"#);
    let error = r#"[4,"7","FormationViolation","bad",{}]"#;
    let backend_of = db.get_database_backend();
    let insert = |station: &str,
                  direction: &str,
                  kind: i16,
                  message_id: Option<&str>,
                  text: &str,
                  kept: Option<(i16, &str)>,
                  at: i64| {
        let stored = frame::encode(text, Some(kind), message_id);
        let column_id = message_id.filter(|_| !stored.own_id).map(str::to_owned);
        let kept_stored =
            kept.map(|(k, a)| frame::encode_answer(a, k, message_id.unwrap()).unwrap());
        let sql = format!(
            "INSERT INTO ocpp_messages (station_id, direction, message_type, message_id, action, \
             frame, length, created_at, answer, answer_type, answer_length, answer_delay) \
             VALUES ('{station}', '{direction}', {kind}, {p1}, 'Heartbeat', {p2}, {len}, {at}, \
             {p3}, {k}, {alen}, {delay})",
            p1 = if backend == Backend::Postgres {
                "$1"
            } else {
                "?"
            },
            p2 = if backend == Backend::Postgres {
                "$2"
            } else {
                "?"
            },
            p3 = if backend == Backend::Postgres {
                "$3"
            } else {
                "?"
            },
            len = text.len(),
            k = kept.map_or("NULL".to_owned(), |(k, _)| k.to_string()),
            alen = kept.map_or("NULL".to_owned(), |(_, a)| a.len().to_string()),
            delay = if kept.is_some() { "25" } else { "NULL" },
        );
        Statement::from_sql_and_values(
            backend_of,
            sql,
            [column_id.into(), stored.frame.into(), kept_stored.into()],
        )
    };
    for statement in [
        insert("CP-A", "in", 2, Some(id), &call, Some((3, &answer)), 1_000),
        insert(
            "CP-A",
            "in",
            2,
            Some("7"),
            "[2,\"7\",\"Heartbeat\",{}]",
            Some((4, error)),
            2_000,
        ),
        insert(
            "CP-A",
            "out",
            2,
            Some("8"),
            "[2,\"8\",\"Heartbeat\",{}]",
            None,
            3_000,
        ),
    ] {
        db.execute_raw(statement).await.unwrap();
    }

    Migrator::down(
        &db,
        Some(migrations_from("m20261207_000023_journal_answers")),
    )
    .await
    .unwrap();
    let back = db
        .query_all_raw(Statement::from_string(
            backend_of,
            "SELECT id, direction, message_type, message_id, frame, length, created_at \
             FROM ocpp_messages ORDER BY id",
        ))
        .await
        .unwrap();
    let back: Vec<(String, i16, Option<String>, String, i64)> = back
        .iter()
        .map(|r| {
            let stored: Vec<u8> = r.try_get("", "frame").unwrap();
            let length: i32 = r.try_get("", "length").unwrap();
            let kind: i16 = r.try_get("", "message_type").unwrap();
            let text = frame::decode(&stored, length as usize).text;
            let column: Option<String> = r.try_get("", "message_id").unwrap();
            let own = frame::own_id(&stored, &text, Some(kind)).map(str::to_owned);
            (
                r.try_get("", "direction").unwrap(),
                kind,
                column.or(own),
                text,
                r.try_get("", "created_at").unwrap(),
            )
        })
        .collect();
    let s = |v: &str| v.to_owned();
    assert_eq!(
        back,
        [
            (s("in"), 2, Some(s(id)), call.clone(), 1_000),
            (s("out"), 3, Some(s(id)), answer.clone(), 1_025),
            (
                s("in"),
                2,
                Some(s("7")),
                s("[2,\"7\",\"Heartbeat\",{}]"),
                2_000
            ),
            (s("out"), 4, Some(s("7")), s(error), 2_025),
            (
                s("out"),
                2,
                Some(s("8")),
                s("[2,\"8\",\"Heartbeat\",{}]"),
                3_000
            ),
        ]
    );
    Migrator::up(&db, None).await.unwrap();
    let again = journal_frames(&db, Some("CP-A")).await;
    assert_eq!(again.len(), 5);
    assert!(again.iter().all(|f| !f.kept_answer));
    // New rows get new ids after the renumbered ones.
    db.execute_raw(insert(
        "CP-A",
        "in",
        2,
        Some("9"),
        "[2,\"9\",\"Heartbeat\",{}]",
        None,
        4_000,
    ))
    .await
    .unwrap();
    let rows = ocpp_message::Entity::find()
        .order_by_asc(ocpp_message::Column::Id)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[5].created_at, 4_000);
    db.close().await.unwrap();
}
on_both_backends!(undoing_the_shared_rows_writes_each_answer_back);
