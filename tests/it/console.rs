//! The operators' console in a real browser: the real server on port 0 serving `web/dist`,
//! accounts of every role, then `node --test web/e2e/` drives Debian's Chromium through
//! playwright-core against it with a fake charge point (see web/e2e/harness.mjs).

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::Duration,
};

use serde_json::json;

use crate::support::{Backend, TestApp, spawn, spawn_on};

/// The accounts the browser tests sign in with: (role, username, password).
const ACCOUNTS: [(&str, &str, &str); 4] = [
    ("ADMIN", "e2e-admin", "admin e2e password"),
    ("OPERATOR", "e2e-operator", "operator e2e password"),
    ("VIEWER", "e2e-viewer", "viewer e2e password"),
    ("DRIVER", "e2e-driver", "driver e2e password"),
];
/// An id tag owned by the driver account, and one owned by nobody.
const DRIVER_TAG: &str = "E2E-DRIVER";
const STAFF_TAG: &str = "E2E-STAFF";
/// A second driver (username, password) with a tag of its own: the drivers' app's tests show
/// that one driver can neither see nor stop another's session.
const SECOND_DRIVER: (&str, &str) = ("e2e-driver2", "driver2 e2e password");
const SECOND_DRIVER_TAG: &str = "E2E-DRIVER2";
/// How long the whole browser run may take before it is stopped: a guard against a hung
/// browser, not a speed check. The suite takes about four minutes on an idle two-core machine
/// and has run past five on a loaded one, so the bound leaves it room.
const RUN_LIMIT: Duration = Duration::from_secs(900);

/// The test files whose names contain `only` (all of them: ""), in name order (each starts
/// from what the ones before left on the server).
fn scenario_files(root: &Path, only: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("web/e2e"))
        .expect("web/e2e")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(only))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.test.mjs in web/e2e");
    files
}

async fn create_accounts(app: &TestApp) {
    let admin = app.admin();
    for (role, username, password) in ACCOUNTS {
        app.ok(
            &admin,
            "mutation($u: String!, $p: String!, $r: AccountRole!) { createAccount(username: $u, password: $p, role: $r) { username } }",
            json!({"u": username, "p": password, "r": role}),
        )
        .await;
    }
    app.ok(
        &admin,
        "mutation($u: String!, $p: String!) { createAccount(username: $u, password: $p, role: DRIVER) { username } }",
        json!({"u": SECOND_DRIVER.0, "p": SECOND_DRIVER.1}),
    )
    .await;
    for (tag, owner) in [
        (DRIVER_TAG, Some(ACCOUNTS[3].1)),
        (STAFF_TAG, None),
        (SECOND_DRIVER_TAG, Some(SECOND_DRIVER.0)),
    ] {
        app.ok(
            &admin,
            "mutation($t: String!, $o: String) { createIdTag(input: {idTag: $t, owner: $o}) { idTag } }",
            json!({"t": tag, "o": owner}),
        )
        .await;
    }
}

/// The console must have been built (web/dist) before its browser tests run.
fn assert_built(root: &Path) {
    assert!(
        root.join("web/dist/index.html").is_file(),
        "web/dist/index.html is missing: run npm run build in web/"
    );
}

#[chargegate_test(needs = browser)]
async fn the_console_in_a_real_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_built(root);
    // Self-registration on: the accounts page approves and rejects self-registered drivers.
    // Readings rolled up every second: the station chart's longer ranges read the rollups.
    let app = spawn(|s| {
        s.self_registration = true;
        s.meter_rollup_interval =
            chargegate::config::HumanDuration(std::time::Duration::from_secs(1));
    })
    .await;
    // CHARGEGATE_E2E_ONLY=app-keyboard runs only the files whose names contain it.
    let only = std::env::var("CHARGEGATE_E2E_ONLY").unwrap_or_default();
    run_browser_tests(&app, root, &only).await;
    app.stop().await;
}

/// The drivers' budgets in the browser again, on PostgreSQL (the whole suite runs on SQLite
/// above): a tag over its budget refused, a session stopped at its budget.
#[chargegate_test(needs = [browser, postgres])]
async fn the_drivers_budgets_in_a_real_browser_on_postgres() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_built(root);
    let Some(app) = spawn_on(Backend::Postgres, |_| {}).await else {
        return;
    };
    run_browser_tests(&app, root, "app-budget").await;
    app.stop().await;
}

/// Runs the browser test files whose names contain `only` against `app` (its accounts made
/// first), failing with node's output when one fails.
async fn run_browser_tests(app: &TestApp, root: &Path, only: &str) {
    // Before a browser is started: the console must be served at all.
    let index = reqwest::get(format!("http://{}/", app.addr))
        .await
        .expect("GET /");
    assert!(
        index.status().is_success(),
        "GET / answered {}: the server does not serve the console",
        index.status()
    );
    create_accounts(app).await;
    let scratch = tempfile::tempdir().expect("temporary directory");
    let screenshots = if std::env::var("CHARGEGATE_E2E_UPDATE_SCREENSHOTS").is_ok_and(|v| v == "1")
    {
        root.join("docs/screenshots")
    } else {
        scratch.path().join("screenshots")
    };
    let (out_path, err_path) = (scratch.path().join("stdout"), scratch.path().join("stderr"));
    let mut command = Command::new("node");
    command
        .current_dir(root)
        .args(["--test", "--test-concurrency=1", "--test-reporter=tap"])
        .args(scenario_files(root, only))
        .env("CHARGEGATE_E2E_URL", format!("http://{}", app.addr))
        .env("CHARGEGATE_E2E_CHROMIUM", crate::harness::chromium())
        .env("CHARGEGATE_E2E_SCREENSHOTS", &screenshots)
        .env("CHARGEGATE_E2E_DRIVER_TAG", DRIVER_TAG)
        .env("CHARGEGATE_E2E_STAFF_TAG", STAFF_TAG)
        .env("CHARGEGATE_E2E_DRIVER2_USER", SECOND_DRIVER.0)
        .env("CHARGEGATE_E2E_DRIVER2_PASSWORD", SECOND_DRIVER.1)
        .env("CHARGEGATE_E2E_DRIVER2_TAG", SECOND_DRIVER_TAG)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"));
    for (role, username, password) in ACCOUNTS {
        command
            .env(format!("CHARGEGATE_E2E_{role}_USER"), username)
            .env(format!("CHARGEGATE_E2E_{role}_PASSWORD"), password);
    }
    let mut child = command.spawn().expect("node starts");

    // The server runs on this runtime: wait without blocking it.
    let deadline = tokio::time::Instant::now() + RUN_LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("node's status") {
            break Some(status);
        }
        if tokio::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let output = format!(
        "--- node's output\n{}\n--- node's errors\n{}",
        std::fs::read_to_string(&out_path).unwrap_or_default(),
        std::fs::read_to_string(&err_path).unwrap_or_default()
    );
    match status {
        None => panic!("the browser tests took longer than {RUN_LIMIT:?}\n{output}"),
        Some(status) if !status.success() => {
            panic!("the browser tests failed ({status})\n{output}")
        }
        // Shown with --nocapture: which scenarios ran.
        Some(_) if crate::harness::show_output() => println!("{output}"),
        Some(_) => {}
    }
}
