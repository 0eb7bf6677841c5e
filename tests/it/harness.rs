//! The integration tests' own harness (libtest-mimic, `harness = false`): every test declares
//! what it needs (`#[chargegate_test(needs = postgres)]`, tests/macros); a test whose needs are
//! not here is reported `ignored` with the reason, and the run ends with a count of the skipped
//! tests by reason. With `CHARGEGATE_REQUIRE_SERVICES=1` such a test fails instead. A test that
//! asks for a service it did not declare fails, whether the service is here or not.

use std::{
    cell::Cell,
    collections::BTreeMap,
    fmt,
    future::Future,
    io::Write,
    path::Path,
    pin::Pin,
    process::{Command, ExitCode, Stdio},
    sync::{Mutex, OnceLock},
    time::Duration,
};

pub use chargegate_test_macros::chargegate_test;
use libtest_mimic::{Arguments, Completion, Failed, FormatSetting, Trial};

/// What a test may need beyond SQLite, the file system and local sockets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// A PostgreSQL server (`CHARGEGATE_TEST_POSTGRES_URL`), reachable.
    Postgres,
    /// A Redis server (`CHARGEGATE_TEST_REDIS_URL`), reachable.
    Redis,
    /// Chromium, node and web/node_modules (the console's browser tests).
    Browser,
}

impl Need {
    /// How the need is written in `#[chargegate_test(needs = ...)]`.
    fn attribute(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Redis => "redis",
            Self::Browser => "browser",
        }
    }
}

impl fmt::Display for Need {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Postgres => "PostgreSQL",
            Self::Redis => "Redis",
            Self::Browser => "the browser tools",
        })
    }
}

pub type TestFuture = Pin<Box<dyn Future<Output = ()>>>;

/// The Tokio runtime an async test runs on, as `#[tokio::test]` would build it.
pub enum Runtime {
    CurrentThread,
    // `#[tokio::test(flavor = "multi_thread")]` converted; no test needs it today.
    #[allow(dead_code)]
    MultiThread {
        worker_threads: Option<usize>,
    },
}

pub enum Body {
    Sync(fn()),
    Async {
        runtime: Runtime,
        test: fn() -> TestFuture,
    },
}

/// One test, submitted by `#[chargegate_test]`.
pub struct Test {
    /// `module_path!()` where the test is: `it::transactions::a_test`.
    pub module: &'static str,
    pub name: &'static str,
    pub needs: &'static [Need],
    pub body: Body,
}

inventory::collect!(Test);

impl Test {
    /// The name libtest gives it: the module path below the crate, then the function.
    fn full_name(&self) -> String {
        match self.module.split_once("::") {
            Some((_crate, path)) => format!("{path}::{}", self.name),
            None => self.name.to_string(),
        }
    }
}

fn services_required() -> bool {
    std::env::var("CHARGEGATE_REQUIRE_SERVICES").is_ok_and(|v| v == "1")
}

/// Whether a service is here: its URL (empty for the browser), or why not.
type Availability = Result<String, String>;

/// What this machine offers, found out once (before the tests run, for the needs of the tests
/// selected; `--list` probes nothing).
fn availability(need: Need) -> &'static Availability {
    static POSTGRES: OnceLock<Availability> = OnceLock::new();
    static REDIS: OnceLock<Availability> = OnceLock::new();
    static BROWSER: OnceLock<Availability> = OnceLock::new();
    match need {
        Need::Postgres => POSTGRES.get_or_init(|| {
            let url = service_env("CHARGEGATE_TEST_POSTGRES_URL")?;
            probe(&url, async {
                use sea_orm::ConnectionTrait;
                let db = sea_orm::Database::connect(&url)
                    .await
                    .map_err(|e| e.to_string())?;
                db.execute_unprepared("SELECT 1")
                    .await
                    .map_err(|e| e.to_string())?;
                db.close().await.ok();
                Ok(())
            })
        }),
        Need::Redis => REDIS.get_or_init(|| {
            let url = service_env("CHARGEGATE_TEST_REDIS_URL")?;
            probe(&url, async {
                let client = redis::Client::open(url.as_str()).map_err(|e| e.to_string())?;
                let mut connection = client
                    .get_multiplexed_async_connection()
                    .await
                    .map_err(|e| e.to_string())?;
                redis::cmd("PING")
                    .query_async::<String>(&mut connection)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(())
            })
        }),
        Need::Browser => BROWSER.get_or_init(|| {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let missing = browser_missing(root);
            if missing.is_empty() {
                Ok(String::new())
            } else {
                Err(missing.join("; "))
            }
        }),
    }
}

/// The URL in `var`, or why there is none.
fn service_env(var: &str) -> Availability {
    match std::env::var(var) {
        Ok(url) if !url.is_empty() => Ok(url),
        _ => Err(format!("{var} not set")),
    }
}

/// `url` when `check` succeeds within a few seconds, else why it did not.
fn probe(url: &str, check: impl Future<Output = Result<(), String>>) -> Availability {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    match runtime.block_on(async { tokio::time::timeout(Duration::from_secs(10), check).await }) {
        Ok(Ok(())) => Ok(url.to_string()),
        Ok(Err(error)) => Err(format!("{url} unreachable: {error}")),
        Err(_) => Err(format!("{url} unreachable: no answer within 10 s")),
    }
}

/// What is missing to run the browser tests, with how to install it.
fn browser_missing(root: &Path) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !node.is_ok_and(|s| s.success()) {
        missing.push("node missing: apt-get install -y nodejs npm");
    }
    if !Path::new(&chromium()).exists() {
        missing.push("Chromium missing: apt-get install -y chromium chromium-driver");
    }
    for package in ["playwright-core", "ws"] {
        if !root.join("web/node_modules").join(package).is_dir() {
            missing.push("web/node_modules missing: npm ci --prefix web");
            break;
        }
    }
    missing
}

/// The Chromium the browser tests drive.
pub fn chromium() -> String {
    std::env::var("CHARGEGATE_E2E_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

thread_local! {
    /// The needs of the test running on this thread (its own thread, see [`run`]); `None` on
    /// other threads (a runtime's workers).
    static DECLARED: Cell<Option<&'static [Need]>> = const { Cell::new(None) };
}

/// The URL of `need` for the test that asks: it must have declared the need (else it fails,
/// even where the service is here), and the service must be here (else the test would have
/// been skipped: it asked from a thread of its own, undeclared).
pub fn service_url(need: Need) -> String {
    if let Some(declared) = DECLARED.get() {
        assert!(
            declared.contains(&need),
            "this test uses {need} but does not declare it: \
             write #[chargegate_test(needs = {})] (tests/it/harness.rs)",
            need.attribute()
        );
    }
    match availability(need) {
        Ok(url) => url.clone(),
        Err(reason) => panic!(
            "this test uses {need}, which is not here ({reason}), and does not declare it: \
             write #[chargegate_test(needs = {})] (tests/it/harness.rs)",
            need.attribute()
        ),
    }
}

/// Whether `--nocapture` or `--show-output` was given: what a passing test prints for a
/// reader (libtest-mimic captures nothing, so such output is printed only when asked for).
pub fn show_output() -> bool {
    SHOW_OUTPUT.get().copied().unwrap_or(false)
}

static SHOW_OUTPUT: OnceLock<bool> = OnceLock::new();

/// The tests skipped, counted by reason.
static SKIPPED: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());

/// Runs `test` unless it needs what is not here: then it is ignored with the reason, or fails
/// with `CHARGEGATE_REQUIRE_SERVICES=1`.
fn run(test: &'static Test, name: String) -> Result<Completion, Failed> {
    let mut missing: Vec<(Need, &String)> = test
        .needs
        .iter()
        .filter_map(|&need| availability(need).as_ref().err().map(|why| (need, why)))
        .collect();
    if !missing.is_empty() {
        missing.sort();
        let listed = |each: fn(&(Need, &String)) -> String, between| {
            missing.iter().map(each).collect::<Vec<_>>().join(between)
        };
        // "PostgreSQL: CHARGEGATE_TEST_POSTGRES_URL not set" on the test's line (in libtest's
        // parentheses), "PostgreSQL (CHARGEGATE_TEST_POSTGRES_URL not set)" in the summary.
        let on_the_line = listed(|(need, why)| format!("{need}: {why}"), "; ");
        if services_required() {
            return Err(
                format!("CHARGEGATE_REQUIRE_SERVICES=1 but this test needs {on_the_line}").into(),
            );
        }
        let in_the_summary = listed(|(need, why)| format!("{need} ({why})"), ", ");
        *SKIPPED.lock().unwrap().entry(in_the_summary).or_default() += 1;
        return Ok(Completion::ignored_with(format!("needs {on_the_line}")));
    }
    // A thread of the test's name, as libtest runs tests: panic messages name the test.
    let thread = std::thread::Builder::new()
        .name(name)
        .spawn(move || {
            DECLARED.set(Some(test.needs));
            match &test.body {
                Body::Sync(body) => body(),
                Body::Async { runtime, test } => {
                    let runtime = match runtime {
                        Runtime::CurrentThread => tokio::runtime::Builder::new_current_thread(),
                        Runtime::MultiThread { worker_threads } => {
                            let mut builder = tokio::runtime::Builder::new_multi_thread();
                            if let Some(n) = worker_threads {
                                builder.worker_threads(*n);
                            }
                            builder
                        }
                    }
                    .enable_all()
                    .build()
                    .expect("Tokio runtime");
                    runtime.block_on(test());
                }
            }
        })
        .expect("test thread");
    match thread.join() {
        Ok(()) => Ok(Completion::Completed),
        Err(panic) => Err(
            match panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
            {
                Some(message) => format!("test panicked: {message}").into(),
                None => "test panicked".into(),
            },
        ),
    }
}

/// The test binary's `main`: libtest's command line (filters, `--exact`, `--skip`, `--list`,
/// `--test-threads` or `RUST_TEST_THREADS`, `--nocapture`, `--format`), then the skipped
/// tests by reason after libtest-mimic's summary.
pub fn main() -> ExitCode {
    let (mut args, filters) = arguments();
    if args.test_threads.is_none() {
        args.test_threads = std::env::var("RUST_TEST_THREADS")
            .ok()
            .and_then(|n| n.parse().ok());
    }
    let _ = SHOW_OUTPUT.set(args.nocapture || args.show_output);

    let mut tests: Vec<&'static Test> = inventory::iter::<Test>.into_iter().collect();
    tests.sort_by_key(|t| t.full_name());
    let mut names: Vec<String> = tests.iter().map(|t| t.full_name()).collect();
    if let Some(twice) = names.windows(2).find(|w| w[0] == w[1]) {
        eprintln!("two tests are named {}", twice[0]);
        return ExitCode::FAILURE;
    }
    // libtest takes several filters (a test runs when it matches any); libtest-mimic one.
    let mut filtered_out = 0;
    if filters.len() > 1 {
        let matches = |name: &str| {
            filters.iter().any(|f| {
                if args.exact {
                    name == f
                } else {
                    name.contains(f.as_str())
                }
            })
        };
        let before = tests.len();
        (tests, names) = tests
            .into_iter()
            .zip(names)
            .filter(|(_, name)| matches(name))
            .unzip();
        filtered_out = before - tests.len();
    }
    let trials: Vec<Trial> = tests
        .iter()
        .zip(names)
        .map(|(&test, name)| Trial::ignorable_test(name.clone(), move || run(test, name)))
        .collect();
    if !args.list {
        // Each service the selected tests need is probed once, here, before any test runs.
        for (test, trial) in tests.iter().zip(&trials) {
            if !args.is_filtered_out(trial) {
                for &need in test.needs {
                    let _ = availability(need);
                }
            }
        }
    }

    let conclusion = libtest_mimic::run(&args, trials);

    if filtered_out > 0 && !args.list {
        println!("{filtered_out} filtered out by the filters {filters:?}\n");
    }
    let skipped = SKIPPED.lock().unwrap();
    if !args.list && !skipped.is_empty() {
        let total: usize = skipped.values().sum();
        let ran = conclusion.num_passed + conclusion.num_failed + conclusion.num_ignored;
        let mut report = format!(
            "skipped {total} of {ran}: what they need is not here \
             (with CHARGEGATE_REQUIRE_SERVICES=1 they fail instead)\n"
        );
        for (reason, count) in skipped.iter() {
            report.push_str(&format!("  skipped {count}: {reason}\n"));
        }
        report.push('\n');
        // Beside the summary, unless stdout is JSON for a machine.
        if matches!(args.format, Some(FormatSetting::Json)) {
            eprint!("{report}");
        } else {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(report.as_bytes());
            let _ = out.flush();
        }
    }
    conclusion.exit_code()
}

/// libtest-mimic's arguments, and the filters given (libtest's command line takes several;
/// one is left to libtest-mimic, several are applied by [`main`]).
fn arguments() -> (Arguments, Vec<String>) {
    /// The options that take a value as the next argument.
    const WITH_VALUE: [&str; 6] = [
        "--test-threads",
        "--logfile",
        "--skip",
        "--color",
        "--format",
        "-Z",
    ];
    let mut rest = Vec::new();
    let mut filters = Vec::new();
    let mut all = std::env::args();
    rest.extend(all.next());
    while let Some(arg) = all.next() {
        if WITH_VALUE.contains(&arg.as_str()) {
            rest.push(arg);
            rest.extend(all.next());
        } else if arg.starts_with('-') {
            rest.push(arg);
        } else {
            filters.push(arg);
        }
    }
    if filters.len() == 1 {
        rest.extend(filters.clone());
    }
    (Arguments::from_iter(rest), filters)
}
