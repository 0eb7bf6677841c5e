//! Test support: starts the real server on port 0 with its own database (a SQLite file in a
//! temporary directory, or a fresh PostgreSQL database), and a WebSocket charge point client.

use std::{
    collections::VecDeque,
    net::SocketAddr,
    sync::atomic::{AtomicU32, Ordering},
    time::Duration,
};

use crate::harness::{self, Need};
use chargegate::{App, Settings};
use futures_util::{SinkExt, StreamExt};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream,
    tungstenite::{
        self, Message,
        client::IntoClientRequest,
        http::{HeaderValue, Response},
        protocol::CloseFrame,
    },
};

/// How long a test waits for something that should happen at once before failing.
pub const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL admin URL. Only a test declared `#[chargegate_test(needs = postgres)]` may
/// ask: the harness runs it only where PostgreSQL is, and any other test asking fails here.
/// Never `None` (the `Option` stays so the callers' `let Some(..) else` need no change).
pub fn postgres_url() -> Option<String> {
    Some(harness::service_url(Need::Postgres))
}

/// The Redis URL for tests; as [`postgres_url`], for a test declared `needs = redis`.
pub fn redis_url() -> Option<String> {
    Some(harness::service_url(Need::Redis))
}

/// A key prefix no other test (or test run) uses.
pub fn unique_prefix(what: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "cgtest:{what}:{}:{}:{}:",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros()
    )
}

/// A database of one test.
pub enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    /// A fresh database and its URL (never `None`: PostgreSQL is only for a test declared
    /// `needs = postgres`, see [`postgres_url`]).
    pub async fn create(backend: Backend) -> Option<(Self, String)> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}", dir.path().join("chargegate.db").display());
                Some((Self::Sqlite(dir), url))
            }
            Backend::Postgres => {
                let admin_url = postgres_url()?;
                static COUNTER: AtomicU32 = AtomicU32::new(0);
                let name = format!(
                    "cgtest_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed),
                    chrono::Utc::now().timestamp_micros()
                );
                let admin = Database::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .expect("database URL with a path");
                let url = format!("{base}/{name}");
                Some((Self::Postgres { admin_url, name }, url))
            }
        }
    }
}

impl TestDb {
    /// A fresh, empty database (no migration run yet) and a connection to it: for the tests of
    /// the migrations.
    pub async fn connect(backend: Backend) -> Option<(Self, DatabaseConnection)> {
        let (db, url) = Self::create(backend).await?;
        let url = match backend {
            Backend::Sqlite => format!("{url}?mode=rwc"),
            Backend::Postgres => url,
        };
        let connection = Database::connect(&url).await.unwrap();
        Some((db, connection))
    }
}

/// How many migrations come before the one named `name`.
pub fn migrations_before(name: &str) -> u32 {
    use migration::MigratorTrait;
    migration::Migrator::migrations()
        .iter()
        .position(|m| m.name() == name)
        .unwrap_or_else(|| panic!("no migration {name}")) as u32
}

/// The steps that undo the migration named `name` and every one after it.
pub fn migrations_from(name: &str) -> u32 {
    use migration::MigratorTrait;
    migration::Migrator::migrations().len() as u32 - migrations_before(name)
}

impl TestDb {
    /// Where this test's JWT secret lives.
    pub fn secret_file(&self) -> std::path::PathBuf {
        static DIRS: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
        match self {
            Self::Sqlite(dir) => dir.path().join("jwt-secret"),
            Self::Postgres { name, .. } => DIRS
                .get_or_init(|| tempfile::tempdir().expect("temporary directory"))
                .path()
                .join(format!("{name}.jwt-secret")),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Self::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Runs also when the test panicked; a thread of its own, since Drop cannot await.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async move {
                    if let Ok(admin) = Database::connect(&admin_url).await {
                        let _ = admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .await;
                        let _ = admin.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// A running server with its own database.
pub struct TestApp {
    pub app: App,
    pub addr: SocketAddr,
    /// Shared by the nodes of a cluster; dropped with the last of them.
    pub db: std::sync::Arc<TestDb>,
}

impl TestApp {
    pub fn ctx(&self) -> &chargegate::Context {
        self.app.context()
    }

    /// The read pool itself (not behind the store's breaker: a test sees every error).
    pub fn db(&self) -> &DatabaseConnection {
        self.ctx().store.reader().connection()
    }

    pub fn ws_url(&self, path: &str) -> String {
        format!("ws://{}{}", self.addr, path)
    }

    /// Connects a station with subprotocol `ocpp1.6` and the given (already encoded) id.
    pub async fn station(&self, id: &str) -> Station {
        let (station, response) =
            Station::connect(&self.ws_url(&format!("/ocpp/{id}")), Some("ocpp1.6"))
                .await
                .unwrap_or_else(|e| panic!("station {id} could not connect: {e}"));
        assert_eq!(
            response.headers().get("sec-websocket-protocol"),
            Some(&HeaderValue::from_static("ocpp1.6"))
        );
        station
    }

    /// A station that connected and had its BootNotification accepted.
    pub async fn booted_station(&self, id: &str) -> Station {
        let mut station = self.station(id).await;
        let answer = station
            .call(
                "BootNotification",
                json!({"chargePointVendor": "VendorA", "chargePointModel": "SingleSocketCharger"}),
            )
            .await;
        assert_eq!(answer["status"], "Accepted");
        station
    }

    pub async fn stop(self) {
        self.app.stop().await.expect("clean shutdown");
    }
}

/// Starts a server on SQLite with default settings changed by `configure`.
pub async fn spawn(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_on(Backend::Sqlite, configure)
        .await
        .expect("SQLite is always available")
}

/// Starts a server on `backend` (never `None`, as [`TestDb::create`]).
pub async fn spawn_on(backend: Backend, configure: impl FnOnce(&mut Settings)) -> Option<TestApp> {
    let (db, url) = TestDb::create(backend).await?;
    let mut settings = Settings::with_database(url);
    // Never the default path in the working directory: each test keeps its secret to itself.
    settings.jwt_secret_file = Some(db.secret_file());
    configure(&mut settings);
    let app = App::build(settings).await.expect("server starts");
    let addr = app.addr();
    Some(TestApp {
        app,
        addr,
        db: std::sync::Arc::new(db),
    })
}

/// Defines a test that runs once on SQLite and once on PostgreSQL (`name::sqlite`,
/// `name::postgres`, the latter declared `needs = postgres`).
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[$crate::harness::chargegate_test]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await
            }
            #[$crate::harness::chargegate_test(needs = postgres)]
            async fn postgres() {
                super::$name($crate::support::Backend::Postgres).await
            }
        }
    };
}

/// Polls `check` until it returns `Some`, failing the test after [`PATIENCE`].
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A charge point speaking OCPP-J over a real WebSocket.
pub struct Station {
    ws: Socket,
    next_id: u64,
    /// Server CALLs that arrived while the station waited for an answer.
    server_calls: VecDeque<Value>,
}

impl Station {
    /// Connects to `url`, offering `protocol` (several may be comma-separated).
    pub async fn connect(
        url: &str,
        protocol: Option<&str>,
    ) -> Result<(Self, Response<Option<Vec<u8>>>), tungstenite::Error> {
        let mut request = url.into_client_request()?;
        if let Some(protocol) = protocol {
            request.headers_mut().insert(
                "Sec-WebSocket-Protocol",
                HeaderValue::from_str(protocol).unwrap(),
            );
        }
        let (ws, response) = tokio_tungstenite::connect_async(request).await?;
        Ok((
            Self {
                ws,
                next_id: 0,
                server_calls: VecDeque::new(),
            },
            response,
        ))
    }

    /// A station on a socket opened elsewhere (with credentials, over TLS).
    pub fn from_socket(ws: Socket) -> Self {
        Self {
            ws,
            next_id: 0,
            server_calls: VecDeque::new(),
        }
    }

    pub async fn send_text(&mut self, text: &str) {
        self.ws
            .send(Message::text(text))
            .await
            .expect("station sends a frame");
    }

    pub async fn send(&mut self, message: Message) {
        self.ws.send(message).await.expect("station sends a frame");
    }

    /// The next text frame as JSON (pings are answered by the client library).
    pub async fn recv(&mut self) -> Value {
        let text = self.recv_text().await;
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("server sent non-JSON {text:?}: {e}"))
    }

    pub async fn recv_text(&mut self) -> String {
        loop {
            let message = tokio::time::timeout(PATIENCE, self.ws.next())
                .await
                .expect("a frame from the server in time")
                .expect("the connection is open")
                .expect("a readable frame");
            match message {
                Message::Text(text) => return text.to_string(),
                Message::Ping(_) | Message::Pong(_) => continue,
                other => panic!("expected a text frame, got {other:?}"),
            }
        }
    }

    /// Waits for the server to close the connection; returns its close frame.
    pub async fn closed(&mut self) -> Option<CloseFrame> {
        loop {
            match tokio::time::timeout(PATIENCE, self.ws.next())
                .await
                .expect("the server closes the connection in time")
            {
                Some(Ok(Message::Close(frame))) => return frame,
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return None,
            }
        }
    }

    /// Whether the server sends no text, binary or close frame for `quiet` (pings are
    /// answered meanwhile, as a live station does).
    pub async fn silent_for(&mut self, quiet: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + quiet;
        loop {
            match tokio::time::timeout_at(deadline, self.ws.next()).await {
                Err(_) => return true,
                Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => continue,
                Ok(_) => return false,
            }
        }
    }

    fn fresh_id(&mut self) -> String {
        self.next_id += 1;
        format!("m{}", self.next_id)
    }

    /// Sends a CALL and returns the whole answer frame (CALLRESULT or CALLERROR).
    pub async fn call_frame(&mut self, action: &str, payload: Value) -> Value {
        let id = self.fresh_id();
        self.send_text(&json!([2, id, action, payload]).to_string())
            .await;
        self.answer_to(&id).await
    }

    /// The answer frame for message `id`, queueing server CALLs that arrive before it.
    pub async fn answer_to(&mut self, id: &str) -> Value {
        loop {
            let frame = self.recv().await;
            if frame[0] == 2 {
                self.server_calls.push_back(frame);
                continue;
            }
            assert_eq!(frame[1], id, "answer for another message: {frame}");
            return frame;
        }
    }

    /// Sends a CALL and returns the CALLRESULT payload; fails the test on a CALLERROR.
    pub async fn call(&mut self, action: &str, payload: Value) -> Value {
        let frame = self.call_frame(action, payload).await;
        assert_eq!(
            frame[0], 3,
            "{action} was not answered with a CALLRESULT: {frame}"
        );
        assert_eq!(frame.as_array().map(Vec::len), Some(3), "{frame}");
        frame[2].clone()
    }

    /// Sends a CALL and returns the CALLERROR's code and description.
    pub async fn call_error(&mut self, action: &str, payload: Value) -> (String, String) {
        let frame = self.call_frame(action, payload).await;
        error_of(&frame)
    }

    /// The next CALL from the server: (message id, action, payload).
    pub async fn server_call(&mut self) -> (String, String, Value) {
        let frame = match self.server_calls.pop_front() {
            Some(frame) => frame,
            None => self.recv().await,
        };
        assert_eq!(frame[0], 2, "expected a CALL from the server: {frame}");
        (
            frame[1].as_str().unwrap().to_owned(),
            frame[2].as_str().unwrap().to_owned(),
            frame[3].clone(),
        )
    }

    pub async fn reply(&mut self, id: &str, payload: Value) {
        self.send_text(&json!([3, id, payload]).to_string()).await;
    }

    pub async fn reply_error(&mut self, id: &str, code: &str, description: &str) {
        self.send_text(&json!([4, id, code, description, {"hint": 1}]).to_string())
            .await;
    }
}

/// The code and description of a CALLERROR frame, checking its shape (details `{}`).
pub fn error_of(frame: &Value) -> (String, String) {
    assert_eq!(frame[0], 4, "expected a CALLERROR: {frame}");
    assert_eq!(frame.as_array().map(Vec::len), Some(5), "{frame}");
    assert_eq!(
        frame[4],
        json!({}),
        "error details must be an empty object: {frame}"
    );
    (
        frame[2].as_str().unwrap().to_owned(),
        frame[3].as_str().unwrap().to_owned(),
    )
}

/// Every stored sampled value, in the order it was stored (one per sample, unpacked from the
/// readings).
pub async fn samples(db: &impl ConnectionTrait) -> Vec<entity::meter_value::Model> {
    let mut all = chargegate::store::samples::SampleQuery::default()
        .all(db)
        .await
        .unwrap();
    all.sort_by_key(|s| s.id);
    all
}

/// The stored sampled values `keep` keeps, in the order they were stored.
pub async fn samples_where(
    db: &impl ConnectionTrait,
    keep: impl Fn(&entity::meter_value::Model) -> bool,
) -> Vec<entity::meter_value::Model> {
    samples(db).await.into_iter().filter(|s| keep(s)).collect()
}

/// How many sampled values are stored.
pub async fn sample_count(db: &impl ConnectionTrait) -> u64 {
    samples(db).await.len() as u64
}

/// One journaled frame as stored: a row's own, or the answer kept in it (see
/// `entity::ocpp_message::Model::answer`).
#[derive(Clone, Debug)]
pub struct JournalFrame {
    /// Its row.
    pub row: i64,
    /// Whether it is the answer kept in its CALL's row.
    pub kept_answer: bool,
    pub direction: String,
    pub message_type: Option<i16>,
    pub message_id: Option<String>,
    pub action: Option<String>,
    pub payload: String,
    /// Bytes of its stored text.
    pub length: usize,
    pub payload_size: Option<i64>,
    pub payload_sha256: Option<String>,
    /// Milliseconds since 1970.
    pub created_at: i64,
}

/// The frames of the journal's rows (of one station, or all), oldest first: each row's own,
/// then the answer it keeps.
pub async fn journal_frames(db: &impl ConnectionTrait, station: Option<&str>) -> Vec<JournalFrame> {
    use entity::ocpp_message::{Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let mut query = Entity::find().order_by_asc(Column::Id);
    if let Some(station) = station {
        query = query.filter(Column::StationId.eq(station));
    }
    let mut frames = Vec::new();
    for row in query.all(db).await.unwrap() {
        let answer = row.answer_frame();
        frames.push(JournalFrame {
            row: row.id,
            kept_answer: false,
            direction: row.direction.clone(),
            message_type: row.message_type,
            message_id: row.message_id(),
            action: row.action.clone(),
            payload: row.payload(),
            length: usize::try_from(row.length).unwrap(),
            payload_size: row.payload_size,
            payload_sha256: row.payload_sha256.clone(),
            created_at: row.created_at,
        });
        if let Some((kind, text, at)) = answer {
            frames.push(JournalFrame {
                row: row.id,
                kept_answer: true,
                direction: if row.direction == "in" { "out" } else { "in" }.to_owned(),
                message_type: Some(kind),
                message_id: row.message_id(),
                action: row.action.clone(),
                length: text.len(),
                payload: text,
                payload_size: None,
                payload_sha256: None,
                created_at: at,
            });
        }
    }
    frames
}
