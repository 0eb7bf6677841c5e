//! Uploaded files kept in the database (`--upload-store database`): a file a station uploads
//! to one node is downloaded whole from another, nothing stays on either node's disk, and the
//! pieces of uploads nobody wants any more are removed; on SQLite the same store on one node.

use chargegate::config::UploadStore;
use entity::upload_chunk;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Database, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};
use serde_json::json;

use crate::{
    cluster::Cluster,
    support::{Station, TestApp, spawn},
};

const PUBLIC: &str = "http://chargegate.example:8080";

/// A file of `len` bytes that is not the same piece repeated.
fn content(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 1024) as u8).collect()
}

/// Asks `via` for diagnostics of `station` (connected anywhere) and returns the request's id
/// and the upload address's path on this server.
async fn diagnostics_address(via: &TestApp, cp: &mut Station, station: &str) -> (i64, String) {
    let request = via.gql_spawned(
        &via.admin(),
        "mutation($s: ID!) { getDiagnostics(stationId: $s) { id } }",
        json!({"s": station}),
    );
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "GetDiagnostics");
    cp.reply(&id, json!({"fileName": "cp.log"})).await;
    let response = request.await.unwrap();
    let request_id = response["data"]["getDiagnostics"]["id"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .or_else(|| response["data"]["getDiagnostics"]["id"].as_i64())
        .unwrap_or_else(|| panic!("no request id in {response}"));
    let location = payload["location"].as_str().unwrap();
    let path = location
        .strip_prefix(PUBLIC)
        .unwrap_or_else(|| panic!("unexpected upload address {location}"))
        .to_owned();
    (request_id, path)
}

async fn download(node: &TestApp, station: &str) -> Vec<u8> {
    let listed = node
        .ok(
            &node.admin(),
            "query($s: ID!) { diagnosticsRequests(stationId: $s) { downloadPath } }",
            json!({"s": station}),
        )
        .await;
    let path = listed["diagnosticsRequests"][0]["downloadPath"]
        .as_str()
        .unwrap_or_else(|| panic!("nothing to download in {listed}"))
        .to_owned();
    let got = reqwest::Client::new()
        .get(format!("http://{}{path}", node.addr))
        .bearer_auth(node.admin())
        .send()
        .await
        .unwrap();
    assert_eq!(got.status(), 200);
    got.bytes().await.unwrap().to_vec()
}

async fn put(node: &TestApp, path: &str, body: Vec<u8>) -> u16 {
    reqwest::Client::new()
        .put(format!("http://{}{path}", node.addr))
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn pieces(db: &DatabaseConnection, request: i64) -> u64 {
    upload_chunk::Entity::find()
        .filter(upload_chunk::Column::RequestId.eq(request as i32))
        .count(db)
        .await
        .unwrap()
}

/// Every file below `dir`.
fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[chargegate_test(needs = [postgres, redis])]
async fn an_upload_to_one_node_is_downloaded_from_another() {
    let Some(cluster) = Cluster::new().await else {
        return;
    };
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let configure = |dir: &tempfile::TempDir| {
        let dir = dir.path().to_owned();
        move |s: &mut chargegate::Settings| {
            s.upload_store = UploadStore::Database;
            s.upload_dir = dir;
            s.public_url = Some(format!("{PUBLIC}/"));
        }
    };
    let a = cluster.node(configure(&dirs[0])).await;
    let b = cluster.node(configure(&dirs[1])).await;
    let mut cp = a.booted_station("CP-SHARED-UP").await;

    // Asked through node b, uploaded to node b, downloaded from node a (and b): 2.5 MiB, three
    // pieces in the database.
    let (first, path) = diagnostics_address(&b, &mut cp, "CP-SHARED-UP").await;
    let file = content(5 * 512 * 1024);
    assert_eq!(put(&b, &format!("{path}/cp.log"), file.clone()).await, 201);
    assert_eq!(download(&a, "CP-SHARED-UP").await, file);
    assert_eq!(download(&b, "CP-SHARED-UP").await, file);
    let db = Database::connect(&cluster.database_url).await.unwrap();
    assert_eq!(pieces(&db, first).await, 3);
    for dir in &dirs {
        assert_eq!(files(dir.path()), Vec::<std::path::PathBuf>::new());
    }
    // The address took its file: another upload, to either node, is refused.
    assert_eq!(put(&a, &path, b"again".to_vec()).await, 409);

    // Pieces a stopped node left behind (an upload no request took as its file) go at the
    // next upload; the request's own file stays.
    upload_chunk::ActiveModel {
        request_id: Set(first as i32),
        part: Set("left-behind".into()),
        seq: Set(0),
        data: Set(b"half".to_vec()),
    }
    .insert(&db)
    .await
    .unwrap();
    assert_eq!(pieces(&db, first).await, 4);
    let (second, path) = diagnostics_address(&a, &mut cp, "CP-SHARED-UP").await;
    assert_eq!(put(&a, &path, b"small".to_vec()).await, 201);
    assert_eq!(download(&b, "CP-SHARED-UP").await, b"small");
    assert_eq!(pieces(&db, second).await, 1);
    assert_eq!(
        pieces(&db, first).await,
        3,
        "the left-behind piece is removed"
    );
    a.stop().await;
    b.stop().await;
}

#[chargegate_test]
async fn uploads_kept_in_sqlite_are_whole_and_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let upload_dir = dir.path().to_owned();
    let app = spawn(move |s| {
        s.upload_store = UploadStore::Database;
        s.upload_dir = upload_dir;
        s.upload_max_mib = 1;
        s.public_url = Some(format!("{PUBLIC}/"));
    })
    .await;
    let mut cp = app.booted_station("CP-DB-UP").await;
    let (request, path) = diagnostics_address(&app, &mut cp, "CP-DB-UP").await;
    // Too large: refused, nothing kept anywhere.
    assert_eq!(put(&app, &path, vec![1; 1024 * 1024 + 1]).await, 413);
    let db = Database::connect(app.ctx().settings.database_url.as_str())
        .await
        .unwrap();
    assert_eq!(pieces(&db, request).await, 0);
    // Exactly the limit: one piece of 1 MiB, read back whole.
    let file = content(1024 * 1024);
    assert_eq!(put(&app, &path, file.clone()).await, 201);
    assert_eq!(pieces(&db, request).await, 1);
    assert_eq!(download(&app, "CP-DB-UP").await, file);
    assert_eq!(files(dir.path()), Vec::<std::path::PathBuf>::new());
    app.stop().await;
}
