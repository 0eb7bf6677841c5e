//! What one station can make the journal store, and what one page of it can carry: large
//! frames are kept cut with their size and SHA-256, a station's frames beyond its byte rate are
//! counted but not kept (every CALL still answered), and `ocppMessages` pages stay within their
//! payload budget, also over rows stored whole before these bounds existed.

use std::time::Instant;

use chargegate::config::ByteSize;
use entity::ocpp_message::{self, frame};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, Database, DatabaseConnection};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, eventually, journal_frames, spawn_on};

/// What every journal row is charged beyond its payload (`journal_budget::ROW_OVERHEAD`).
const ROW_OVERHEAD: u64 = 128;

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The longest start of `text` within `max` bytes that ends on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A journal row as stored, read with plain SQL.
#[derive(Debug)]
struct Row {
    /// Its id in the API: its row's, and `.1` for an answer kept in its CALL's row.
    id: String,
    /// The whole frame's size and SHA-256 when it was cut before it was stored.
    cut: (Option<i64>, Option<String>),
    direction: String,
    message_type: Option<i16>,
    action: Option<String>,
    payload: String,
}

/// The station's journaled frames, oldest first (an answer kept in its CALL's row after it),
/// their stored text decoded.
async fn rows(app: &TestApp, station: &str) -> Vec<Row> {
    journal_frames(app.db(), Some(station))
        .await
        .into_iter()
        .map(|f| Row {
            id: if f.kept_answer {
                format!("{}.1", f.row)
            } else {
                f.row.to_string()
            },
            cut: (f.payload_size, f.payload_sha256),
            direction: f.direction,
            message_type: f.message_type,
            action: f.action,
            payload: f.payload,
        })
        .collect()
}

/// Sends `frame` (a CALL with message id `id`) and returns the answer's text; every text
/// goes to `exchanged`.
async fn exchange(cp: &mut Station, exchanged: &mut Vec<String>, id: &str, frame: String) -> Value {
    cp.send_text(&frame).await;
    exchanged.push(frame);
    let answer = cp.recv_text().await;
    let parsed: Value = serde_json::from_str(&answer).unwrap();
    assert_ne!(parsed[0], 2, "no server CALL expected here: {answer}");
    assert_eq!(parsed[1], id, "{answer}");
    exchanged.push(answer);
    parsed
}

fn call(id: &str, action: &str, payload: Value) -> String {
    json!([2, id, action, payload]).to_string()
}

/// The `JournalSkipped` rows' counts, summed: (frames, bytes).
fn skipped(rows: &[Row]) -> (u64, u64) {
    rows.iter()
        .filter(|r| r.action.as_deref() == Some("JournalSkipped"))
        .map(|r| {
            assert_eq!(r.message_type, None);
            let counts: Value = serde_json::from_str(&r.payload).unwrap();
            (
                counts["skippedFrames"].as_u64().unwrap(),
                counts["skippedBytes"].as_u64().unwrap(),
            )
        })
        .fold((0, 0), |(f, b), (df, db)| (f + df, b + db))
}

fn frames(rows: &[Row]) -> impl Iterator<Item = &Row> {
    rows.iter()
        .filter(|r| r.action.as_deref() != Some("JournalSkipped"))
}

/// A 200 KiB DataTransfer is answered; its row holds its first 16 KiB (cut at a character
/// boundary), the whole frame's size and its SHA-256, and the API shows them.
async fn a_large_frame_is_kept_cut_with_its_size_and_hash(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-BIG").await;
    // Three-byte characters: 16 KiB falls inside one of them.
    let data = "€".repeat(200 * 1024 / 3);
    let frame = call(
        "big-1",
        "DataTransfer",
        json!({"vendorId": "ACME", "data": data}),
    );
    const MAX: usize = 16 * 1024;
    assert!(
        !frame.is_char_boundary(MAX),
        "the test cuts inside a character"
    );
    cp.send_text(&frame).await;
    let answer = cp.answer_to("big-1").await;
    assert_eq!(answer[2]["status"], "UnknownVendorId", "{answer}");

    // A DataTransfer is answered once its row is committed.
    let all = rows(&app, "CP-BIG").await;
    let row = all
        .iter()
        .find(|r| r.action.as_deref() == Some("DataTransfer") && r.direction == "in")
        .expect("the DataTransfer is journaled");
    assert!(row.payload.len() <= MAX, "{} bytes kept", row.payload.len());
    assert_eq!(row.payload, cut(&frame, MAX));
    assert_eq!(row.payload.len(), MAX - 2);
    assert_eq!(
        row.cut,
        (Some(frame.len() as i64), Some(sha256_hex(&frame)))
    );

    // The answer's row is written after the answer is sent: wait for it, or the page's count
    // and its rows may be read on either side of that write.
    eventually("the answer's row", || async {
        rows(&app, "CP-BIG")
            .await
            .iter()
            .any(|r| r.action.as_deref() == Some("DataTransfer") && r.direction == "out")
            .then_some(())
    })
    .await;
    let admin = app.admin();
    let journal = app
        .ok(
            &admin,
            r#"{ ocppMessages(stationId: "CP-BIG", action: "DataTransfer") { nodes { direction payload truncated size sha256 } } }"#,
            json!({}),
        )
        .await;
    let nodes = journal["ocppMessages"]["nodes"].as_array().unwrap();
    let answer_text = answer.to_string();
    assert_eq!(
        nodes,
        &[
            json!({"direction": "OUT", "payload": answer_text, "truncated": false,
                "size": answer_text.len(), "sha256": null}),
            json!({"direction": "IN", "payload": cut(&frame, MAX), "truncated": true,
                "size": frame.len(), "sha256": sha256_hex(&frame)}),
        ]
    );
    app.stop().await;
}
on_both_backends!(a_large_frame_is_kept_cut_with_its_size_and_hash);

/// Settings for the budget tests: 1 KiB frames, 8 KiB a minute per station.
const FRAME: u64 = 1024;
const RATE: u64 = 8 * 1024;

fn small_budget(settings: &mut chargegate::Settings) {
    settings.limits.journal_max_frame = ByteSize(FRAME);
    settings.limits.journal_station_rate = ByteSize(RATE);
}

/// After the station is gone: every frame exchanged is either a row or counted in a
/// `JournalSkipped` row, with its bytes; what was kept fits the budget (a minute's burst, the
/// rate over the test's whole duration, and the last count written at disconnect); every row
/// holds at most a frame's limit. Returns the rows.
async fn check_budget(
    app: &TestApp,
    station: &str,
    exchanged: &[String],
    started: Instant,
) -> Vec<Row> {
    let all = eventually("every frame journaled or counted", || async {
        let all = rows(app, station).await;
        let accounted = frames(&all).count() as u64 + skipped(&all).0;
        (accounted == exchanged.len() as u64).then_some(all)
    })
    .await;
    let stored: u64 = all
        .iter()
        .map(|r| r.payload.len() as u64 + ROW_OVERHEAD)
        .sum();
    let allowed = RATE + RATE * started.elapsed().as_millis() as u64 / 60_000 + 256;
    assert!(
        stored <= allowed,
        "{station} made the journal store {stored} bytes, more than its budget of {allowed}"
    );
    for row in &all {
        assert!(row.payload.len() <= FRAME as usize, "{row:?}");
    }
    let kept_bytes: u64 = frames(&all)
        .map(|r| match &r.cut {
            (Some(size), _) => *size as u64,
            (None, _) => r.payload.len() as u64,
        })
        .sum();
    let sent_bytes: u64 = exchanged.iter().map(|f| f.len() as u64).sum();
    assert_eq!(
        kept_bytes + skipped(&all).1,
        sent_bytes,
        "bytes kept or counted"
    );
    all
}

/// A station flooding DataTransfers far beyond its journal rate gets every one answered,
/// while the journal keeps at most its budget and counts the rest; a StartTransaction sent in
/// the middle of the flood is still kept (the budget's reserve for audit frames).
async fn a_flooding_station_is_answered_and_journaled_within_its_budget(backend: Backend) {
    let Some(app) = spawn_on(backend, small_budget).await else {
        return;
    };
    let started = Instant::now();
    let mut cp = app.station("CP-FLOOD").await;
    let mut exchanged = Vec::new();
    let boot = json!({"chargePointVendor": "VendorA", "chargePointModel": "Flood"});
    let answer = exchange(
        &mut cp,
        &mut exchanged,
        "boot",
        call("boot", "BootNotification", boot),
    )
    .await;
    assert_eq!(answer[2]["status"], "Accepted");
    let data = "x".repeat(2048);
    let transfer = async |cp: &mut Station, exchanged: &mut Vec<String>, n: u32| {
        let id = format!("dt-{n}");
        let frame = call(
            &id,
            "DataTransfer",
            json!({"vendorId": "ACME", "data": data}),
        );
        let answer = exchange(cp, exchanged, &id, frame).await;
        assert_eq!(answer[2]["status"], "UnknownVendorId", "{answer}");
    };
    for n in 0..100 {
        transfer(&mut cp, &mut exchanged, n).await;
    }
    let start = json!({"connectorId": 1, "idTag": "TAG-1", "meterStart": 0, "timestamp": "2024-05-01T09:00:00Z"});
    let answer = exchange(
        &mut cp,
        &mut exchanged,
        "start",
        call("start", "StartTransaction", start),
    )
    .await;
    assert!(answer[2]["transactionId"].is_i64(), "{answer}");
    for n in 100..130 {
        transfer(&mut cp, &mut exchanged, n).await;
    }
    drop(cp);

    let all = check_budget(&app, "CP-FLOOD", &exchanged, started).await;
    let kept = |action: &str, direction: &str| {
        all.iter()
            .filter(|r| r.action.as_deref() == Some(action) && r.direction == direction)
            .count()
    };
    assert_eq!(
        kept("StartTransaction", "in"),
        1,
        "the StartTransaction is kept"
    );
    assert_eq!(kept("StartTransaction", "out"), 1, "and its answer");
    assert_eq!(kept("BootNotification", "in"), 1);
    assert!(
        kept("DataTransfer", "in") < 10,
        "{}",
        kept("DataTransfer", "in")
    );
    assert!(skipped(&all).0 > 200, "{:?}", skipped(&all));
    // The frames skipped last are counted when the station goes.
    let last_frame = exchanged.last().unwrap();
    if !all.iter().any(|r| r.payload == *last_frame) {
        let last = all.last().unwrap();
        assert_eq!(last.action.as_deref(), Some("JournalSkipped"), "{last:?}");
    }
    app.stop().await;
}
on_both_backends!(a_flooding_station_is_answered_and_journaled_within_its_budget);

/// Frames with an unknown action are bounded the same way: cut to the frame limit, and
/// counted but not kept beyond the station's rate; each is answered NotImplemented.
async fn unknown_actions_are_bounded_the_same_way(backend: Backend) {
    let Some(app) = spawn_on(backend, small_budget).await else {
        return;
    };
    let started = Instant::now();
    let mut cp = app.station("CP-UNKNOWN").await;
    let mut exchanged = Vec::new();
    let boot = json!({"chargePointVendor": "VendorA", "chargePointModel": "Odd"});
    exchange(
        &mut cp,
        &mut exchanged,
        "boot",
        call("boot", "BootNotification", boot),
    )
    .await;
    let first = call("odd-0", "NoSuchAction", json!({"blob": "y".repeat(5000)}));
    let answer = exchange(&mut cp, &mut exchanged, "odd-0", first.clone()).await;
    assert_eq!(answer[2], "NotImplemented", "{answer}");
    for n in 1..60 {
        let id = format!("odd-{n}");
        let frame = call(&id, "NoSuchAction", json!({"blob": "y".repeat(3000)}));
        let answer = exchange(&mut cp, &mut exchanged, &id, frame).await;
        assert_eq!(answer[2], "NotImplemented", "{answer}");
    }
    drop(cp);

    let all = check_budget(&app, "CP-UNKNOWN", &exchanged, started).await;
    let row = all
        .iter()
        .find(|r| r.action.as_deref() == Some("NoSuchAction"))
        .expect("the first unknown frame is kept");
    assert_eq!(row.payload, cut(&first, FRAME as usize));
    assert_eq!(
        row.cut,
        (Some(first.len() as i64), Some(sha256_hex(&first)))
    );
    assert!(skipped(&all).0 > 50, "{:?}", skipped(&all));
    app.stop().await;
}
on_both_backends!(unknown_actions_are_bounded_the_same_way);

const PAGE_QUERY: &str = r#"query($station: ID!, $direction: Direction, $first: Int, $after: String, $last: Int, $before: String) {
  ocppMessages(stationId: $station, direction: $direction, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id payload }
  }
}"#;

/// One page: its ids, its payload bytes, and its page info.
struct PageRead {
    ids: Vec<String>,
    bytes: usize,
    info: Value,
    total: u64,
}

async fn page(app: &TestApp, station: &str, variables: Value) -> PageRead {
    let mut variables = variables;
    variables["station"] = json!(station);
    let data = app.ok(&app.admin(), PAGE_QUERY, variables).await;
    let connection = &data["ocppMessages"];
    let nodes = connection["nodes"].as_array().unwrap();
    PageRead {
        ids: nodes
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .collect(),
        bytes: nodes
            .iter()
            .map(|n| n["payload"].as_str().unwrap().len())
            .sum(),
        info: connection["pageInfo"].clone(),
        total: connection["totalCount"].as_u64().unwrap(),
    }
}

/// Reads the whole journal of `station` (the frames that went `direction`, or all) a page of
/// up to `size` at a time, forwards or backwards; every page within `budget` bytes of payload
/// and loading no more than that. Returns the ids in list order (newest first) and the number
/// of pages.
pub async fn read_all(
    app: &TestApp,
    station: &str,
    direction: Option<&str>,
    size: usize,
    budget: usize,
    backwards: bool,
) -> (Vec<String>, usize) {
    let mut ids: Vec<String> = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let variables = if backwards {
            json!({"direction": direction, "last": size, "before": cursor})
        } else {
            json!({"direction": direction, "first": size, "after": cursor})
        };
        let loaded = app.ctx().store.journal_bytes_read();
        let read = page(app, station, variables).await;
        let loaded = app.ctx().store.journal_bytes_read() - loaded;
        pages += 1;
        assert!(
            read.bytes <= budget,
            "a page of {} bytes of payload",
            read.bytes
        );
        assert!(
            loaded <= budget as u64,
            "a page loaded {loaded} bytes of payload"
        );
        assert!(!read.ids.is_empty() && read.ids.len() <= size);
        let (more, next) = if backwards {
            (&read.info["hasPreviousPage"], &read.info["startCursor"])
        } else {
            (&read.info["hasNextPage"], &read.info["endCursor"])
        };
        if backwards {
            ids.splice(0..0, read.ids);
        } else {
            ids.extend(read.ids);
        }
        if more != true {
            assert_eq!(ids.len() as u64, read.total);
            return (ids, pages);
        }
        cursor = Some(next.as_str().unwrap().to_owned());
    }
}

/// `ocppMessages(first: 1000)` over rows of large payloads returns at most the page budget
/// of payload, and says a next page follows; the cursors walk the whole journal, forwards
/// and backwards, each row once.
async fn a_page_carries_at_most_its_payload_budget(backend: Backend) {
    const PAGE: usize = 64 * 1024;
    let Some(app) = spawn_on(backend, |s| {
        s.limits.journal_max_frame = ByteSize(4 * 1024);
        s.limits.journal_page_bytes = ByteSize(PAGE as u64);
        s.limits.journal_station_rate = ByteSize(0);
    })
    .await
    else {
        return;
    };
    let mut cp = app.booted_station("CP-PAGE").await;
    for n in 0..40 {
        let data = format!("{n}:{}", "z".repeat(8 * 1024));
        let answer = cp
            .call("DataTransfer", json!({"vendorId": "ACME", "data": data}))
            .await;
        assert_eq!(answer["status"], "UnknownVendorId");
    }
    drop(cp);
    let mut stored: Vec<String> = eventually("every frame journaled", || async {
        let all = rows(&app, "CP-PAGE").await;
        (all.len() == 82).then(|| all.iter().map(|r| r.id.clone()).collect())
    })
    .await;
    stored.reverse();

    let first = page(&app, "CP-PAGE", json!({"first": 1000})).await;
    assert!(
        first.bytes <= PAGE,
        "a page of {} bytes of payload",
        first.bytes
    );
    assert_eq!(first.info["hasNextPage"], true);
    assert_eq!(first.total, 82);
    assert!(
        first.bytes > PAGE - 5 * 1024,
        "the page is filled: {}",
        first.bytes
    );

    let (forwards, pages) = read_all(&app, "CP-PAGE", None, 1000, PAGE, false).await;
    assert_eq!(forwards, stored);
    assert!(pages >= 3, "{pages}");
    let (backwards, _) = read_all(&app, "CP-PAGE", None, 1000, PAGE, true).await;
    assert_eq!(backwards, stored);
    app.stop().await;
}
on_both_backends!(a_page_carries_at_most_its_payload_budget);

/// Rows stored whole before frames were cut (255 KiB each, inserted directly) are returned
/// cut to the frame limit, flagged, with their whole size; pages stay within their budget.
async fn rows_stored_whole_before_are_cut_when_read(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    const MAX: usize = 16 * 1024;
    const OLD: usize = 255 * 1024;
    let writer = Database::connect(app.ctx().settings.database_url.as_str())
        .await
        .unwrap();
    let ascii = format!(
        "[2,\"old\",\"DataTransfer\",{{\"data\":\"{}",
        "a".repeat(OLD)
    );
    let ascii = ascii[..OLD].to_owned();
    // Two-byte characters from an odd offset: the limit falls inside one.
    let accents = format!("[{}", "é".repeat(OLD / 2))[..OLD - 1].to_owned();
    assert!(!accents.is_char_boundary(MAX));
    for n in 0..70 {
        let payload = if n == 60 { &accents } else { &ascii };
        insert_old_row(&writer, "CP-OLD", payload).await;
    }
    writer.close().await.unwrap();

    let (ids, pages) = read_all(&app, "CP-OLD", None, 1000, 1024 * 1024, false).await;
    assert_eq!((ids.len(), pages), (70, 2));
    let data = app
        .ok(
            &app.admin(),
            r#"{ ocppMessages(stationId: "CP-OLD", first: 1000) { pageInfo { hasNextPage } nodes { payload truncated size sha256 } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["ocppMessages"]["pageInfo"]["hasNextPage"], true);
    let nodes = data["ocppMessages"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 64);
    for (n, node) in nodes.iter().enumerate() {
        // Newest first: the row with accents is the 61st oldest of 70.
        let whole = if n == 9 { &accents } else { &ascii };
        assert_eq!(node["payload"], cut(whole, MAX), "node {n}");
        assert_eq!(node["truncated"], true);
        assert_eq!(node["size"], whole.len());
        assert_eq!(node["sha256"], Value::Null);
    }
    app.stop().await;
}
on_both_backends!(rows_stored_whole_before_are_cut_when_read);

/// A journal row as an earlier version stored it: the whole frame, nothing else.
async fn insert_old_row(db: &DatabaseConnection, station: &str, payload: &str) {
    ocpp_message::ActiveModel {
        station_id: Set(station.to_owned()),
        direction: Set("in".to_owned()),
        message_type: Set(Some(2)),
        message_id: Set(Some("old".to_owned())),
        action: Set(Some("DataTransfer".to_owned())),
        frame: Set(frame::raw(payload.as_bytes(), 0)),
        length: Set(payload.len() as i32),
        created_at: Set(chrono::Utc::now().timestamp_millis()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

/// Pages over rows that keep large answers, with and without a direction, forwards and
/// backwards: every page within its payload budget, in what it returns and in what it loads
/// (an answer listed without its CALL loads only the start of the CALL's frame; a CALL listed
/// without its answer does not load the answer), and every frame listed once, in order.
async fn pages_over_shared_rows_stay_within_their_budget(backend: Backend) {
    const PAGE: usize = 8 * 1024;
    let Some(app) = spawn_on(backend, |s| {
        s.limits.journal_max_frame = ByteSize(4 * 1024);
        s.limits.journal_page_bytes = ByteSize(PAGE as u64);
    })
    .await
    else {
        return;
    };
    let db = Database::connect(app.ctx().settings.database_url.as_str())
        .await
        .unwrap();
    for n in 0..30usize {
        let id = format!("s{n}");
        let call = format!(
            "[2,\"{id}\",\"Heartbeat\",{{\"pad\":\"{}\"}}]",
            "c".repeat(500 + 37 * n % 900)
        );
        let answer = format!(
            "[3,\"{id}\",{{\"pad\":\"{}\"}}]",
            "a".repeat(2000 + 97 * n % 1800)
        );
        let stored = frame::encode(&call, Some(2), Some(&id));
        ocpp_message::ActiveModel {
            station_id: Set("CP-SHARED".to_owned()),
            direction: Set("in".to_owned()),
            message_type: Set(Some(2)),
            message_id: Set((!stored.own_id).then(|| id.clone())),
            action: Set(Some("Heartbeat".to_owned())),
            frame: Set(stored.frame),
            length: Set(call.len() as i32),
            // Now: older rows would be pruned by `--journal-retention`.
            created_at: Set(chrono::Utc::now().timestamp_millis() + n as i64),
            answer: Set(Some(frame::encode_answer(&answer, 3, &id).unwrap())),
            answer_type: Set(Some(3)),
            answer_length: Set(Some(answer.len() as i32)),
            answer_delay: Set(Some(5)),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
    }
    let rows = journal_frames(&db, Some("CP-SHARED")).await;
    assert_eq!(rows.len(), 60);
    for (direction, spelled) in [
        (None, None),
        (Some("IN"), Some("in")),
        (Some("OUT"), Some("out")),
    ] {
        let expected: Vec<String> = rows
            .iter()
            .rev()
            .filter(|f| spelled.is_none_or(|d| f.direction == d))
            .map(|f| {
                if f.kept_answer {
                    format!("{}.1", f.row)
                } else {
                    f.row.to_string()
                }
            })
            .collect();
        for backwards in [false, true] {
            let (ids, pages) = read_all(&app, "CP-SHARED", direction, 1000, PAGE, backwards).await;
            assert_eq!(ids, expected, "{direction:?}, backwards {backwards}");
            assert!(pages >= 3, "{direction:?}: {pages} pages");
        }
    }
    app.stop().await;
}
on_both_backends!(pages_over_shared_rows_stay_within_their_budget);
