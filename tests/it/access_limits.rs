//! Scopes, throttles and upload addresses (issue 19, defects 7, 8, 9b and 9f): what a
//! station-scoped token may do to accounts and id tags, how failed logins are counted, and how
//! long and how often a diagnostics upload address works.

use std::time::Duration;

use chargegate::auth::Role;
use entity::diagnostics_request;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

use crate::gql::first_error;
use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, eventually, spawn, spawn_on};

const CREATE: &str = "mutation($u: String!, $r: AccountRole!, $s: [ID!]) { createAccount(username: $u, password: \"long enough pw\", role: $r, stations: $s) { username } }";
const UPDATE_STATIONS: &str =
    "mutation($u: String!, $s: [ID!]) { updateAccount(username: $u, stations: $s) { stations } }";
const LOGIN: &str =
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { role } }";

async fn code(app: &TestApp, token: &str, query: &str, variables: Value) -> String {
    first_error(&app.gql(Some(token), query, variables).await).0
}

async fn usernames(app: &TestApp, token: &str) -> Vec<String> {
    let listed = app.ok(token, "{ accounts { username } }", json!({})).await;
    listed["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["username"].as_str().unwrap().to_owned())
        .collect()
}

/// An administrator limited to some stations manages only accounts limited to some of them:
/// it cannot create an unlimited account, widen its own or another's limit, or touch (or list)
/// accounts outside it.
async fn a_scoped_admin_manages_only_accounts_inside_its_scope(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    let root = app.admin();
    for (user, role, stations) in [
        ("site-admin", "ADMIN", json!(["st-A", "st-B"])),
        ("hq", "OPERATOR", json!(null)),
        ("elsewhere", "VIEWER", json!(["st-C"])),
        ("straddling", "VIEWER", json!(["st-A", "st-C"])),
    ] {
        app.ok(&root, CREATE, json!({"u": user, "r": role, "s": stations}))
            .await;
    }
    let scoped = app.token(Role::Admin, "site-admin", Some(&["st-A", "st-B"]));

    // No account for every station, nor for a station outside the scope.
    for (user, stations) in [
        ("escape", json!(null)),
        ("escape2", json!(["st-A", "st-C"])),
    ] {
        let variables = json!({"u": user, "r": "ADMIN", "s": stations});
        assert_eq!(code(&app, &scoped, CREATE, variables).await, "FORBIDDEN");
    }
    app.ok(
        &scoped,
        CREATE,
        json!({"u": "op-a", "r": "OPERATOR", "s": ["st-A"]}),
    )
    .await;

    // Its own limit can be narrowed, never lifted or widened.
    for stations in [json!(null), json!(["st-A", "st-B", "st-C"])] {
        let variables = json!({"u": "site-admin", "s": stations});
        assert_eq!(
            code(&app, &scoped, UPDATE_STATIONS, variables).await,
            "FORBIDDEN"
        );
    }
    let narrowed = app
        .ok(
            &scoped,
            UPDATE_STATIONS,
            json!({"u": "site-admin", "s": ["st-A"]}),
        )
        .await;
    assert_eq!(narrowed["updateAccount"]["stations"], json!(["st-A"]));

    // Accounts outside the scope are neither changed nor deleted, even into the scope.
    for user in ["hq", "elsewhere", "straddling"] {
        let update = json!({"u": user, "s": ["st-A"]});
        assert_eq!(
            code(&app, &scoped, UPDATE_STATIONS, update).await,
            "FORBIDDEN"
        );
        let password = "mutation($u: String!) { updateAccount(username: $u, password: \"another long pw\") { username } }";
        assert_eq!(
            code(&app, &scoped, password, json!({"u": user})).await,
            "FORBIDDEN"
        );
        let delete = "mutation($u: String!) { deleteAccount(username: $u) }";
        assert_eq!(
            code(&app, &scoped, delete, json!({"u": user})).await,
            "FORBIDDEN"
        );
    }
    let hq = chargegate::use_case::account::get(app.ctx(), "hq")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((hq.stations, hq.role.as_str()), (None, "operator"));

    // It lists the accounts it manages; an unlimited administrator lists all.
    assert_eq!(usernames(&app, &scoped).await, ["op-a", "site-admin"]);
    assert_eq!(
        usernames(&app, &root).await,
        ["elsewhere", "hq", "op-a", "site-admin", "straddling"]
    );
    let delete = "mutation { deleteAccount(username: \"op-a\") }";
    assert_eq!(
        app.ok(&scoped, delete, json!({})).await["deleteAccount"],
        true
    );

    // The other administrative mutations keep to the scope too.
    for mutation in [
        "mutation { approveStation(id: \"st-X\") { id } }",
        "mutation { rejectStation(id: \"st-X\") { id } }",
        "mutation { setStationSecurityProfile(stationId: \"st-X\", profile: 0) { id } }",
    ] {
        assert_eq!(code(&app, &scoped, mutation, json!({})).await, "FORBIDDEN");
    }
    app.stop().await;
}
on_both_backends!(a_scoped_admin_manages_only_accounts_inside_its_scope);

/// An id tag is valid at every station, so only a token for every station changes one; a
/// scoped operator still reads tags and puts them on its own stations' local lists.
#[chargegate_test]
async fn id_tags_are_changed_only_with_a_token_for_every_station() {
    let app = spawn(|_| {}).await;
    let root = app.admin();
    let tag = "mutation { createIdTag(input: {idTag: \"FLEET-1\"}) { idTag } }";
    app.ok(&root, tag, json!({})).await;
    let mut cp = app.booted_station("st-A").await;
    let site = app.token(Role::Operator, "site-op", Some(&["st-A"]));

    for mutation in [
        "mutation { createIdTag(input: {idTag: \"SITE-1\"}) { idTag } }",
        "mutation { updateIdTag(idTag: \"FLEET-1\", input: {status: BLOCKED}) { status } }",
        "mutation { deleteIdTag(idTag: \"FLEET-1\") }",
    ] {
        assert_eq!(code(&app, &site, mutation, json!({})).await, "FORBIDDEN");
    }
    let read = "{ idTag(idTag: \"fleet-1\") { idTag status } idTags { totalCount } }";
    assert_eq!(
        app.ok(&site, read, json!({})).await,
        json!({"idTag": {"idTag": "FLEET-1", "status": "ACCEPTED"}, "idTags": {"totalCount": 1}})
    );

    // Its own station's local list, with the tag as it is.
    let send = "mutation($s: ID!) { sendLocalList(stationId: $s, updateType: FULL, idTags: [\"FLEET-1\"]) { status } }";
    let sent = app.gql_spawned(&site, send, json!({"s": "st-A"}));
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "SendLocalList");
    assert_eq!(payload["localAuthorizationList"][0]["idTag"], "FLEET-1");
    cp.reply(&id, json!({"status": "Accepted"})).await;
    let sent = sent.await.unwrap();
    assert_eq!(
        sent["data"]["sendLocalList"]["status"], "ACCEPTED",
        "{sent}"
    );
    assert_eq!(
        code(&app, &site, send, json!({"s": "st-B"})).await,
        "FORBIDDEN"
    );

    // An operator for every station changes it.
    let fleet = app.token(Role::Operator, "fleet-op", None);
    let blocked = app
        .ok(
            &fleet,
            "mutation { updateIdTag(idTag: \"FLEET-1\", input: {status: BLOCKED}) { status } }",
            json!({}),
        )
        .await;
    assert_eq!(blocked["updateIdTag"]["status"], "BLOCKED");
    app.stop().await;
}

/// One failed login from `client` (given through a trusted balancer's X-Forwarded-For).
async fn login_from(app: &TestApp, client: &str, username: &str, password: &str) -> String {
    let response: Value = reqwest::Client::new()
        .post(format!("http://{}/graphql", app.addr))
        .header("x-forwarded-for", client)
        .json(&json!({"query": LOGIN, "variables": {"u": username, "p": password}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    match response["data"]["login"]["role"].as_str() {
        Some(_) => "OK".to_owned(),
        None => first_error(&response).0,
    }
}

/// Addresses of one IPv6 /64 share one count (IPv4-mapped addresses count as IPv4).
#[chargegate_test]
async fn failed_logins_are_counted_per_ipv6_64() {
    let app = spawn(|s| s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    for n in 0..20 {
        let client = format!("2001:db8:1:2::{}", n % 5 + 1);
        let outcome = login_from(&app, &client, &format!("u{n}"), "wrong").await;
        assert_eq!(outcome, "UNAUTHENTICATED", "attempt {n}");
    }
    let another_host = login_from(&app, "2001:db8:1:2:ffff::9", "u20", "wrong").await;
    assert_eq!(another_host, "RATE_LIMITED");
    let another_64 = login_from(&app, "2001:db8:1:3::1", "u21", "wrong").await;
    assert_eq!(another_64, "UNAUTHENTICATED");

    for n in 0..20 {
        let outcome = login_from(&app, "192.0.2.7", &format!("v{n}"), "wrong").await;
        assert_eq!(outcome, "UNAUTHENTICATED", "attempt {n}");
    }
    let mapped = login_from(&app, "::ffff:192.0.2.7", "v20", "wrong").await;
    assert_eq!(mapped, "RATE_LIMITED");
    app.stop().await;
}

/// A flood of logins for other usernames (more than the throttle remembers) does not make it
/// forget one user's failures.
#[chargegate_test]
async fn a_flood_of_other_usernames_does_not_reset_a_users_count() {
    let app = spawn(|s| s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    let root = app.admin();
    app.ok(
        &root,
        CREATE,
        json!({"u": "victim", "r": "OPERATOR", "s": null}),
    )
    .await;
    for _ in 0..4 {
        let outcome = login_from(&app, "198.51.100.1", "victim", "wrong guess").await;
        assert_eq!(outcome, "UNAUTHENTICATED");
    }

    // 60,000 usernames: batches of 10 operations of 30 logins each.
    let client = reqwest::Client::new();
    for batch in 0..200 {
        let operations: Vec<Value> = (0..10)
            .map(|op| {
                let fields: String = (0..30)
                    .map(|f| {
                        let n = (batch * 10 + op) * 30 + f;
                        format!("l{f}: login(username: \"flood{n}\", password: \"x\") {{ role }} ")
                    })
                    .collect();
                json!({"query": format!("mutation {{ {fields} }}")})
            })
            .collect();
        let response = client
            .post(format!("http://{}/graphql", app.addr))
            .header("x-forwarded-for", "198.51.100.2")
            .json(&operations)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{}", response.status());
    }

    // The victim's fifth failure is its last: then even the right password waits.
    let fifth = login_from(&app, "198.51.100.3", "victim", "wrong guess").await;
    assert_eq!(fifth, "UNAUTHENTICATED");
    let right = login_from(&app, "198.51.100.4", "victim", "long enough pw").await;
    assert_eq!(right, "RATE_LIMITED");
    app.stop().await;
}

/// A server that tells stations to upload to `http://chargegate.example:8080/diagnostics/…`,
/// with its upload directory and settings changed by `configure`.
async fn upload_server(
    backend: Backend,
    uploads: &std::path::Path,
    configure: impl FnOnce(&mut chargegate::Settings),
) -> Option<TestApp> {
    let dir = uploads.to_owned();
    spawn_on(backend, move |s| {
        s.upload_dir = dir;
        s.upload_max_mib = 1;
        s.public_url = Some("http://chargegate.example:8080".into());
        configure(s);
    })
    .await
}

/// Asks `station` (connected as `cp`) for its diagnostics; returns the request's id and the
/// token of its upload address.
async fn request_upload(app: &TestApp, cp: &mut Station, station: &str) -> (i32, String) {
    let request = app.gql_spawned(
        &app.admin(),
        "mutation($s: ID!) { getDiagnostics(stationId: $s) { id } }",
        json!({"s": station}),
    );
    let (id, action, payload) = cp.server_call().await;
    assert_eq!(action, "GetDiagnostics");
    cp.reply(&id, json!({"fileName": "diag.log"})).await;
    let response = request.await.unwrap();
    let request_id = response["data"]["getDiagnostics"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{response}"))
        .parse()
        .unwrap();
    let location = payload["location"].as_str().unwrap();
    let token = location
        .strip_prefix("http://chargegate.example:8080/diagnostics/")
        .unwrap_or_else(|| panic!("unexpected upload address {location}"));
    (request_id, token.to_owned())
}

async fn put(app: &TestApp, token: &str, body: &'static str) -> u16 {
    reqwest::Client::new()
        .put(format!("http://{}/diagnostics/{token}", app.addr))
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Every file below `dir`.
fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Sets a request's upload expiry (and optionally its request time) in the database.
async fn age_request(app: &TestApp, id: i32, expires: Option<&str>, requested: Option<&str>) {
    let expires = expires.map(|t| t.parse::<chrono::DateTime<chrono::Utc>>().unwrap());
    let requested = requested.map(|t| t.parse::<chrono::DateTime<chrono::Utc>>().unwrap());
    app.ctx()
        .store
        .write(move |txn| {
            Box::pin(async move {
                let mut update = diagnostics_request::Entity::update_many()
                    .col_expr(
                        diagnostics_request::Column::UploadExpiresAt,
                        Expr::value(expires),
                    )
                    .filter(diagnostics_request::Column::Id.eq(id));
                if let Some(requested) = requested {
                    update = update.col_expr(
                        diagnostics_request::Column::RequestedAt,
                        Expr::value(requested),
                    );
                }
                update.exec(txn).await?;
                Ok(())
            })
        })
        .await
        .unwrap();
}

/// An upload address takes one file, expires `--upload-ttl` after its request, and its token
/// is shown to nobody but the station: not in the journal, not in the API.
async fn an_upload_address_takes_one_file_and_expires(backend: Backend) {
    let uploads = tempfile::tempdir().unwrap();
    let Some(app) = upload_server(backend, uploads.path(), |_| {}).await else {
        return;
    };
    let mut cp = app.booted_station("CP-UP").await;
    let (first, token) = request_upload(&app, &mut cp, "CP-UP").await;

    // Viewers read the journal and the request without the token.
    let viewer = app.token(Role::Viewer, "v", None);
    let journal = "{ ocppMessages(stationId: \"CP-UP\", action: \"GetDiagnostics\") { nodes { messageType payload } } }";
    let call = eventually("the GetDiagnostics CALL in the journal", || async {
        let read = app.ok(&viewer, journal, json!({})).await;
        let nodes = read["ocppMessages"]["nodes"].as_array().unwrap().clone();
        nodes.into_iter().find(|n| n["messageType"] == "CALL")
    })
    .await;
    let payload = call["payload"].as_str().unwrap();
    assert!(!payload.contains(&token), "{payload}");
    assert!(
        payload.contains("\"http://chargegate.example:8080/diagnostics/***\""),
        "{payload}"
    );
    let listed = app
        .ok(
            &viewer,
            "{ diagnosticsRequests(stationId: \"CP-UP\") { location requestedAt uploadExpiresAt } }",
            json!({}),
        )
        .await;
    let request = &listed["diagnosticsRequests"][0];
    assert_eq!(
        request["location"],
        "http://chargegate.example:8080/diagnostics/***"
    );
    let at = |field: &str| {
        request[field]
            .as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    };
    assert_eq!(
        at("uploadExpiresAt") - at("requestedAt"),
        chrono::TimeDelta::hours(24)
    );

    // One file per address: a second upload is refused and nothing more is stored.
    assert_eq!(put(&app, &token, "the diagnostics").await, 201);
    assert_eq!(put(&app, &token, "more, and more").await, 409);
    assert_eq!(files(uploads.path()).len(), 1);
    let stored = diagnostics_request::Entity::find_by_id(first)
        .one(app.db())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.size, Some("the diagnostics".len() as i64));

    // An expired address takes nothing (410), also one recorded before expiries were (its
    // request's time plus the TTL).
    let (second, token) = request_upload(&app, &mut cp, "CP-UP").await;
    age_request(&app, second, Some("2026-01-01T00:00:00Z"), None).await;
    assert_eq!(put(&app, &token, "too late").await, 410);
    let (third, token) = request_upload(&app, &mut cp, "CP-UP").await;
    age_request(&app, third, None, Some("2026-01-01T00:00:00Z")).await;
    assert_eq!(put(&app, &token, "too late").await, 410);
    assert_eq!(files(uploads.path()).len(), 1);
    app.stop().await;
}
on_both_backends!(an_upload_address_takes_one_file_and_expires);

/// An upload request over a raw socket, promising `length` bytes and sending `sent` of them.
async fn partial_upload(
    app: &TestApp,
    token: &str,
    length: usize,
    sent: &[u8],
) -> tokio::net::TcpStream {
    let mut socket = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head =
        format!("PUT /diagnostics/{token} HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n");
    socket.write_all(head.as_bytes()).await.unwrap();
    socket.write_all(sent).await.unwrap();
    socket
}

/// Uploads are received one at a time per address and at most `--max-uploads` at once; one
/// that stalls is ended after `--upload-idle-timeout`, one that is abandoned leaves nothing, and
/// the station's retry then succeeds.
#[chargegate_test]
async fn uploads_are_bounded_in_number_and_idle_time() {
    let uploads = tempfile::tempdir().unwrap();
    let app = upload_server(Backend::Sqlite, uploads.path(), |s| {
        s.limits.max_uploads = 1;
        s.limits.upload_idle_timeout = chargegate::config::HumanDuration(Duration::from_secs(1));
    })
    .await
    .unwrap();
    let mut cp = app.booted_station("CP-SLOW").await;
    let (_, token) = request_upload(&app, &mut cp, "CP-SLOW").await;
    let (_, other) = request_upload(&app, &mut cp, "CP-SLOW").await;

    // A slow upload, kept alive with a byte every 100 ms while the others are tried.
    let mut slow = partial_upload(&app, &token, 1000, b"x").await;
    eventually("the slow upload under way", || async {
        (chargegate::link::of(app.ctx()).uploads.receiving() == 1).then_some(())
    })
    .await;
    let keep_alive = tokio::spawn(async move {
        for _ in 0..20 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            slow.write_all(b"x").await.unwrap();
        }
        slow
    });
    assert_eq!(put(&app, &token, "the same address").await, 409);
    let full = reqwest::Client::new()
        .put(format!("http://{}/diagnostics/{other}", app.addr))
        .body("another address")
        .send()
        .await
        .unwrap();
    assert_eq!(full.status(), 503);
    assert!(full.headers().contains_key("retry-after"));
    assert_eq!(
        chargegate::link::of(app.ctx()).uploads.receiving(),
        1,
        "still under way"
    );

    // It stops sending: it is ended, its partial file removed, and the retry succeeds.
    let _stalled = keep_alive.await.unwrap();
    eventually("the stalled upload ended", || async {
        (chargegate::link::of(app.ctx()).uploads.receiving() == 0).then_some(())
    })
    .await;
    assert!(files(uploads.path()).is_empty());
    assert_eq!(put(&app, &token, "the whole file").await, 201);

    // An upload abandoned halfway leaves nothing either.
    let abandoned = partial_upload(&app, &other, 1000, b"half").await;
    eventually("the abandoned upload under way", || async {
        (chargegate::link::of(app.ctx()).uploads.receiving() == 1).then_some(())
    })
    .await;
    drop(abandoned);
    eventually("the abandoned upload ended", || async {
        (chargegate::link::of(app.ctx()).uploads.receiving() == 0).then_some(())
    })
    .await;
    assert_eq!(files(uploads.path()).len(), 1);
    assert_eq!(put(&app, &other, "the other file").await, 201);
    app.stop().await;
}
