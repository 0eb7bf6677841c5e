//! The `chargegate` binary itself: `migrate`, `--help`, and `serve` stopped by Ctrl-C (SIGINT).

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

#[test]
fn migrate_creates_the_schema_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let status = chargegate()
        .args([
            "migrate",
            "--database-url",
            &format!("sqlite://{}", db.display()),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let tables = tables(&db);
    for table in [
        "connectors",
        "id_tags",
        "meter_values",
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

#[test]
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
        "CHARGEGATE_DB_READ_CONNECTIONS",
    ] {
        assert!(help.contains(var), "{var} missing from --help");
    }
    let bad = chargegate()
        .args(["--unknown-stations", "maybe"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[tokio::test]
async fn a_bare_chargegate_serves_and_stops_cleanly_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("served.db");
    let mut child = chargegate()
        .current_dir(dir.path())
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("CHARGEGATE_LISTEN", "127.0.0.1:0")
        .env("CHARGEGATE_HEARTBEAT_INTERVAL", "2m")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // The log line that announces the address.
    let (lines, log) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
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
    // Clean exit: SQLite folded its write-ahead log into the database file.
    assert!(!dir.path().join("served.db-wal").exists());
}
