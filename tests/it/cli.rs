//! The `chargegate` binary itself: `migrate`, `--help`, `health`, and `serve` stopped by Ctrl-C
//! (SIGINT).

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::mpsc,
};

use serde_json::json;

use crate::support::{PATIENCE, Station};

fn chargegate() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chargegate"));
    command.env("RUST_LOG", "info").env_remove("DATABASE_URL");
    command
}

fn tables(db: &std::path::Path) -> Vec<String> {
    let url = format!("sqlite://{}", db.display());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        use sea_orm::{ConnectionTrait, Database, Statement};
        let conn = Database::connect(&url).await.unwrap();
        let rows = conn
            .query_all_raw(Statement::from_string(
                conn.get_database_backend(),
                "select name from sqlite_master where type = 'table' order by name",
            ))
            .await
            .unwrap();
        rows.iter()
            .map(|r| r.try_get::<String>("", "name").unwrap())
            .collect()
    })
}

#[chargegate_test]
fn migrate_creates_the_schema_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let status = chargegate()
        .args([
            "migrate",
            "--database-url",
            &format!("sqlite://{}", db.display()),
        ])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let tables = tables(&db);
    for table in [
        "connectors",
        "id_tags",
        "meter_readings",
        "meter_series",
        "ocpp_messages",
        "stations",
        "transactions",
        "unmatched_stops",
    ] {
        assert!(
            tables.iter().any(|t| t == table),
            "{table} missing from {tables:?}"
        );
    }
}

#[chargegate_test]
fn help_lists_every_setting_with_its_environment_variable() {
    let output = chargegate().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for var in [
        "CHARGEGATE_LISTEN",
        "DATABASE_URL",
        "CHARGEGATE_HEARTBEAT_INTERVAL",
        "CHARGEGATE_UNKNOWN_STATIONS",
        "CHARGEGATE_UNKNOWN_ID_TAGS",
        "CHARGEGATE_COMMAND_TIMEOUT",
        "CHARGEGATE_PING_INTERVAL",
        "CHARGEGATE_JOURNAL_RETENTION",
        "CHARGEGATE_MAX_BAD_FRAMES",
        "CHARGEGATE_DATA_TRANSFER_VENDORS",
        "CHARGEGATE_SQLITE_SYNCHRONOUS",
        "CHARGEGATE_SQLITE_COMMIT_INTERVAL",
        "CHARGEGATE_DB_READ_CONNECTIONS",
        "REDIS_URL",
        "CHARGEGATE_REDIS_PREFIX",
        "CHARGEGATE_PRESENCE_TTL",
        "CHARGEGATE_JWT_SECRET",
        "CHARGEGATE_JWT_SECRET_FILE",
        "CHARGEGATE_JWT_PUBLIC_KEY",
        "CHARGEGATE_JWT_ALGORITHM",
        "CHARGEGATE_JWT_AUDIENCE",
        "CHARGEGATE_TOKEN_TTL",
        "CHARGEGATE_GRAPHIQL",
        "CHARGEGATE_INTROSPECTION",
        "CHARGEGATE_CORS_ORIGINS",
        "CHARGEGATE_TRUSTED_PROXIES",
        "CHARGEGATE_QUERY_DEPTH_LIMIT",
        "CHARGEGATE_QUERY_COMPLEXITY_LIMIT",
        "CHARGEGATE_QUERY_ALIAS_LIMIT",
        "CHARGEGATE_QUERY_BATCH_LIMIT",
    ] {
        assert!(help.contains(var), "{var} missing from --help");
    }
    let bad = chargegate()
        .args(["--unknown-stations", "maybe"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[chargegate_test]
async fn a_bare_chargegate_serves_and_stops_cleanly_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("served.db");
    let mut child = chargegate()
        .current_dir(dir.path())
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("CHARGEGATE_LISTEN", "127.0.0.1:0")
        .env("CHARGEGATE_HEARTBEAT_INTERVAL", "2m")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The log line that announces the address.
    let (lines, log) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let addr = loop {
        let line = log
            .recv_timeout(PATIENCE)
            .expect("the server announces its address");
        assert!(
            !line.contains('\u{1b}'),
            "no colour codes when not on a terminal: {line:?}"
        );
        if let Some(rest) = line.split("addr=").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    let (mut cp, _) = Station::connect(&format!("ws://{addr}/ocpp/CLI-1"), Some("ocpp1.6"))
        .await
        .unwrap();
    let boot = cp
        .call(
            "BootNotification",
            json!({"chargePointVendor": "V", "chargePointModel": "M"}),
        )
        .await;
    assert_eq!(
        (boot["status"].clone(), boot["interval"].clone()),
        (json!("Accepted"), json!(120))
    );
    let logged = loop {
        let line = log
            .recv_timeout(PATIENCE)
            .expect("one log line per message");
        if line.contains("CALLRESULT") {
            break line;
        }
    };
    assert!(
        logged.contains("station=CLI-1")
            && logged.contains("action=BootNotification")
            && logged.contains("msg_id=m1"),
        "{logged}"
    );

    // The container health check asks the running server.
    let health = |addr: String| async move {
        tokio::task::spawn_blocking(move || {
            chargegate()
                .args(["health", "--url", &format!("http://{addr}/health")])
                .stderr(Stdio::null())
                .output()
                .unwrap()
        })
        .await
        .unwrap()
    };
    let healthy = health(addr.clone()).await;
    assert!(healthy.status.success());
    let body: serde_json::Value = serde_json::from_slice(&healthy.stdout).unwrap();
    assert_eq!(
        (&body["status"], &body["cache"]),
        (&json!("ok"), &json!("memory")),
        "{body}"
    );

    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let frame = cp.closed().await.expect("the station gets a close frame");
    assert_eq!(u16::from(frame.code), 1001);
    let exited = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exited.success(), "{exited:?}");
    assert!(
        !health(addr).await.status.success(),
        "nobody answers any more"
    );
    // Clean exit: SQLite folded its write-ahead log into the database file.
    assert!(!dir.path().join("served.db-wal").exists());
}

#[chargegate_test]
async fn the_first_token_and_account_come_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cg.db");
    let url = format!("sqlite://{}", db.display());

    // `token` creates the secret beside the database (owner-only) on first use.
    let output = chargegate()
        .args([
            "token",
            "--sub",
            "first-admin",
            "--role",
            "admin",
            "--ttl",
            "10m",
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let token = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert_eq!(token.split('.').count(), 3, "{token}");
    let secret = dir.path().join("cg.db.jwt-secret");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&secret).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    // `user add` reads the password from CHARGEGATE_PASSWORD (or standard input).
    let added = chargegate()
        .args([
            "user",
            "add",
            "--username",
            "ops",
            "--role",
            "operator",
            "--database-url",
            &url,
        ])
        .env("CHARGEGATE_PASSWORD", "ops password 123")
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let piped = {
        use std::io::Write;
        let mut child = chargegate()
            .args([
                "user",
                "add",
                "--username",
                "viewer1",
                "--role",
                "viewer",
                "--database-url",
                &url,
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"viewer password 1\n")
            .unwrap();
        child.wait().unwrap()
    };
    assert!(piped.success());

    // A server on the same database accepts both: the token, and a login with the password.
    let mut settings = chargegate::Settings::with_database(url);
    settings.jwt_secret_file = None;
    let app = chargegate::App::build(settings).await.unwrap();
    let addr = app.addr();
    let post = |token: Option<String>, query: &'static str| async move {
        let mut request = reqwest::Client::new()
            .post(format!("http://{addr}/graphql"))
            .json(&json!({"query": query}));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap()
    };
    let me = post(Some(token), "{ me { sub role } }").await;
    assert_eq!(
        me["data"]["me"],
        json!({"sub": "first-admin", "role": "ADMIN"})
    );
    let login = post(
        None,
        "mutation { login(username: \"viewer1\", password: \"viewer password 1\") { role } }",
    )
    .await;
    assert_eq!(login["data"]["login"]["role"], "VIEWER", "{login}");
    let login = post(
        None,
        "mutation { login(username: \"ops\", password: \"ops password 123\") { role } }",
    )
    .await;
    assert_eq!(login["data"]["login"]["role"], "OPERATOR", "{login}");
    app.stop().await.unwrap();

    // The printed schema is the published one.
    let schema = chargegate().arg("schema").output().unwrap();
    assert_eq!(
        String::from_utf8(schema.stdout).unwrap(),
        chargegate::api::sdl()
    );
}
