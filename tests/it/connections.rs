//! Connections that never finish: silent sockets, slowloris headers and idle kept-alive
//! connections are closed on their timeouts (on the TLS listener too); the caps on connections
//! in their handshake (per address: closed at once, trusted proxies excepted; in all: they
//! wait); a WebSocket upgrade whose checks hang gets 503; and a server under a low open-file
//! limit keeps serving. (Slow request bodies are the APIs' and the uploads' own timeouts, tested
//! with them.)

use std::{
    net::{IpAddr, SocketAddr},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use sea_orm::{DatabaseTransaction, TransactionTrait};
use serde_json::json;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpSocket, TcpStream},
};
use tokio_tungstenite::{
    MaybeTlsStream,
    tungstenite::{self, client::IntoClientRequest, http::HeaderValue},
};

use crate::support::{Backend, PATIENCE, Station, TestApp, eventually, spawn, spawn_on};

const SHORT: Duration = Duration::from_millis(300);

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// A TCP connection to `addr` from the local address `source` (any 127.x.y.z on loopback).
async fn connect_from(source: &str, addr: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(ip(source), 0)).unwrap();
    socket.connect(addr).await.expect("TCP connect")
}

/// A station connected from the local address `source`.
async fn station_from(source: &str, addr: SocketAddr, id: &str) -> Result<Station, String> {
    let tcp = connect_from(source, addr).await;
    let mut request = format!("ws://{addr}/ocpp/{id}")
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_static("ocpp1.6"),
    );
    let handshake = tokio_tungstenite::client_async(request, MaybeTlsStream::Plain(tcp));
    match tokio::time::timeout(PATIENCE, handshake).await {
        Ok(Ok((ws, _))) => Ok(Station::from_socket(ws)),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("no answer to the handshake".into()),
    }
}

/// Whether the peer closes `tcp` (EOF or reset) within `wait`; whatever it sends meanwhile
/// is skipped.
async fn closed_within(tcp: &mut TcpStream, wait: Duration) -> bool {
    let deadline = tokio::time::Instant::now() + wait;
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout_at(deadline, tcp.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => continue,
        }
    }
}

/// Whether `tcp` stays open and silent for `quiet`.
async fn open_and_silent_for(tcp: &mut TcpStream, quiet: Duration) -> bool {
    let mut buf = [0u8; 64];
    tokio::time::timeout(quiet, tcp.read(&mut buf))
        .await
        .is_err()
}

/// Reads one HTTP response (head and a `Content-Length` body): its status and body.
async fn response(tcp: &mut TcpStream) -> Option<(u16, String)> {
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(end) = received.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let n = tokio::time::timeout(PATIENCE, tcp.read(&mut buf))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        received.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&received[..head_end]).to_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .map_or(0, |n| n.trim().parse().unwrap_or(0));
    while received.len() < head_end + length {
        let n = tokio::time::timeout(PATIENCE, tcp.read(&mut buf))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        received.extend_from_slice(&buf[..n]);
    }
    let body = String::from_utf8_lossy(&received[head_end..head_end + length]).into_owned();
    Some((status, body))
}

async fn boot(station: &mut Station) {
    let answer = station
        .call(
            "BootNotification",
            json!({"chargePointVendor": "V", "chargePointModel": "M"}),
        )
        .await;
    assert_eq!(answer["status"], "Accepted");
}

async fn get_health(tcp: &mut TcpStream) -> Option<u16> {
    tcp.write_all(b"GET /health HTTP/1.1\r\nHost: chargegate\r\n\r\n")
        .await
        .ok()?;
    response(tcp).await.map(|(status, _)| status)
}

#[chargegate_test]
async fn a_connection_that_sends_nothing_is_closed_after_the_header_timeout() {
    let app = spawn(|s| s.limits.header_read_timeout.0 = Duration::from_secs(1)).await;
    let connections = app.app.connections().clone();
    let mut silent = TcpStream::connect(app.addr).await.unwrap();
    eventually("the connection counted in its handshake", || async {
        (connections.in_handshake() == 1).then_some(())
    })
    .await;
    assert!(open_and_silent_for(&mut silent, Duration::from_millis(200)).await);
    assert!(
        closed_within(&mut silent, PATIENCE).await,
        "a silent connection must be closed"
    );
    assert_eq!(connections.head_timeouts(), 1);
    eventually("its handshake place freed", || async {
        (connections.in_handshake() == 0 && connections.open() == 0).then_some(())
    })
    .await;
    app.stop().await;
}

#[chargegate_test]
async fn a_slowloris_request_is_closed_although_it_keeps_trickling() {
    let app = spawn(|s| s.limits.header_read_timeout.0 = Duration::from_millis(600)).await;
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    tcp.write_all(b"GET /health HTTP/1.1\r\nHost: chargegate\r\nX-Slow: ")
        .await
        .unwrap();
    let started = tokio::time::Instant::now();
    let mut sent = 0;
    // A byte every 50 ms, far more often than the timeout, never ending the headers.
    let cut = loop {
        if started.elapsed() > PATIENCE {
            break false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        if tcp.write_all(b"a").await.is_err() || closed_within(&mut tcp, Duration::ZERO).await {
            break true;
        }
        sent += 1;
    };
    assert!(cut, "the trickling request must be closed");
    assert!(sent >= 3, "it was open for a while first ({sent} bytes)");
    assert_eq!(app.app.connections().head_timeouts(), 1);
    app.stop().await;
}

#[chargegate_test]
async fn a_kept_alive_connection_waits_the_keep_alive_timeout_not_the_header_timeout() {
    let app = spawn(|s| {
        s.limits.header_read_timeout.0 = SHORT;
        s.limits.keep_alive_timeout.0 = Duration::from_secs(3);
    })
    .await;
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    assert_eq!(get_health(&mut tcp).await, Some(200));
    // Three header timeouts later it is still open (hyper's own timeout would have cut it),
    // and serves the next request.
    assert!(open_and_silent_for(&mut tcp, SHORT * 3).await);
    assert_eq!(get_health(&mut tcp).await, Some(200));
    assert!(
        closed_within(&mut tcp, PATIENCE).await,
        "an idle kept-alive connection must be closed"
    );
    let connections = app.app.connections();
    assert_eq!(
        (connections.idle_timeouts(), connections.head_timeouts()),
        (1, 0)
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_later_request_on_a_kept_alive_connection_has_the_header_timeout_from_its_first_byte() {
    let app = spawn(|s| {
        s.limits.header_read_timeout.0 = SHORT;
        s.limits.keep_alive_timeout.0 = Duration::from_secs(60);
    })
    .await;
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    assert_eq!(get_health(&mut tcp).await, Some(200));
    tcp.write_all(b"GET /health HTTP/1.1\r\nHost: chargegate\r\n")
        .await
        .unwrap();
    assert!(
        closed_within(&mut tcp, PATIENCE).await,
        "a half-sent request on a kept-alive connection must be closed"
    );
    assert_eq!(app.app.connections().head_timeouts(), 1);
    app.stop().await;
}

#[chargegate_test]
async fn a_request_head_larger_than_64_kib_gets_431_and_a_smaller_one_is_served() {
    let app = spawn(|_| {}).await;
    let head = |filler: usize| {
        format!(
            "GET /health HTTP/1.1\r\nHost: chargegate\r\nX-Filler: {}\r\n\r\n",
            "a".repeat(filler)
        )
    };
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    tcp.write_all(head(60 * 1024).as_bytes()).await.unwrap();
    assert_eq!(response(&mut tcp).await.map(|(s, _)| s), Some(200));
    let mut tcp = TcpStream::connect(app.addr).await.unwrap();
    // The server may close before reading it all; what it answers is what counts.
    let _ = tcp.write_all(head(70 * 1024).as_bytes()).await;
    assert_eq!(response(&mut tcp).await.map(|(s, _)| s), Some(431));
    assert!(closed_within(&mut tcp, PATIENCE).await);
    app.stop().await;
}

#[chargegate_test]
async fn the_per_address_cap_closes_further_connections_but_never_established_stations() {
    let app = spawn(|s| s.limits.max_handshakes_per_address = 3).await;
    let connections = app.app.connections().clone();
    // More stations than the cap from one address: each ends its handshake, none is counted.
    let mut stations = Vec::new();
    for n in 0..5 {
        stations.push(app.booted_station(&format!("NAT-{n}")).await);
    }
    let mut silent = Vec::new();
    for _ in 0..3 {
        silent.push(connect_from("127.0.0.1", app.addr).await);
    }
    eventually("three connections in their handshake", || async {
        (connections.in_handshake_from(ip("127.0.0.1")) == 3).then_some(())
    })
    .await;
    let mut fourth = connect_from("127.0.0.1", app.addr).await;
    assert!(
        closed_within(&mut fourth, PATIENCE).await,
        "the connection over the cap must be closed at once"
    );
    assert_eq!(connections.refused(), 1);
    assert!(station_from("127.0.0.1", app.addr, "NAT-5").await.is_err());
    // Another address is not affected, and the established stations still talk.
    let mut other = station_from("127.0.0.2", app.addr, "ELSEWHERE")
        .await
        .unwrap();
    boot(&mut other).await;
    for station in &mut stations {
        station.call("Heartbeat", json!({})).await;
    }
    // Once the silent ones are gone, new stations from that address connect again.
    drop(silent);
    eventually("the handshakes freed", || async {
        (connections.in_handshake_from(ip("127.0.0.1")) == 0).then_some(())
    })
    .await;
    let mut late = station_from("127.0.0.1", app.addr, "NAT-5").await.unwrap();
    boot(&mut late).await;
    app.stop().await;
}

#[chargegate_test]
async fn a_trusted_proxy_has_no_cap_of_its_own() {
    let app = spawn(|s| {
        s.limits.max_handshakes_per_address = 1;
        s.trusted_proxies = vec!["127.0.0.5".parse().unwrap()];
    })
    .await;
    let connections = app.app.connections().clone();
    // A load balancer's connections: all in their handshake at once, none refused.
    let _balancer = silent_connections("127.0.0.5", app.addr, 3).await;
    eventually("three connections in their handshake", || async {
        (connections.in_handshake() == 3).then_some(())
    })
    .await;
    let mut through = connect_from("127.0.0.5", app.addr).await;
    assert_eq!(get_health(&mut through).await, Some(200));
    assert_eq!(connections.refused(), 0);
    app.stop().await;
}

#[chargegate_test]
async fn at_the_global_cap_connections_wait_and_proceed_when_a_place_frees() {
    let app = spawn(|s| s.limits.max_handshakes = 3).await;
    let connections = app.app.connections().clone();
    let mut silent = Vec::new();
    for n in 1..=3 {
        silent.push(connect_from(&format!("127.0.0.{n}"), app.addr).await);
    }
    eventually("three connections in their handshake", || async {
        (connections.in_handshake() == 3).then_some(())
    })
    .await;
    let mut waiting = connect_from("127.0.0.4", app.addr).await;
    waiting
        .write_all(b"GET /health HTTP/1.1\r\nHost: chargegate\r\n\r\n")
        .await
        .unwrap();
    // Not accepted (it waits in the kernel's queue), not refused either.
    assert!(open_and_silent_for(&mut waiting, Duration::from_millis(500)).await);
    assert_eq!((connections.in_handshake(), connections.refused()), (3, 0));
    drop(silent.pop());
    let (status, _) = response(&mut waiting)
        .await
        .expect("answered once a place frees");
    assert_eq!(status, 200);
    app.stop().await;
}

/// Takes every connection the read pool will give, so that the next read waits.
async fn hold_every_reader(app: &TestApp) -> Vec<DatabaseTransaction> {
    let mut held = Vec::new();
    while let Ok(Ok(txn)) = tokio::time::timeout(SHORT, app.db().begin()).await {
        held.push(txn);
    }
    assert!(!held.is_empty());
    held
}

async fn a_websocket_upgrade_whose_checks_hang_gets_503(backend: Backend) {
    let Some(app) = spawn_on(backend, |s| {
        s.limits.upgrade_timeout.0 = SHORT;
        s.limits.db_acquire_timeout.0 = Duration::from_secs(60);
        s.db_read_connections = 1;
        s.db_writers = 1;
    })
    .await
    else {
        return;
    };
    let held = hold_every_reader(&app).await;
    // The station's credentials cannot be read: the checks hang, the upgrade timeout answers
    // (well before any pool timeout).
    let url = app.ws_url("/ocpp/STALLED");
    let dial = Station::connect(&url, Some("ocpp1.6"));
    match tokio::time::timeout(Duration::from_secs(5), dial).await {
        Ok(Err(tungstenite::Error::Http(response))) => assert_eq!(response.status(), 503),
        Ok(Err(e)) => panic!("expected 503, got {e}"),
        Ok(Ok(_)) => panic!("expected 503, the handshake succeeded"),
        Err(_) => panic!("no answer to a handshake whose checks hang"),
    }
    drop(held);
    app.booted_station("STALLED").await;
    app.stop().await;
}
crate::on_both_backends!(a_websocket_upgrade_whose_checks_hang_gets_503);

/// A self-signed certificate for 127.0.0.1 in PEM files, and a client that trusts it.
fn tls_setup(dir: &std::path::Path) -> Arc<tokio_rustls::rustls::ClientConfig> {
    use tokio_rustls::rustls::{ClientConfig, RootCertStore, crypto::ring::default_provider};
    let cert = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into()]).unwrap();
    std::fs::write(dir.join("server.pem"), cert.cert.pem()).unwrap();
    std::fs::write(dir.join("server.key"), cert.signing_key.serialize_pem()).unwrap();
    let mut roots = RootCertStore::empty();
    roots.add(cert.cert.der().clone()).unwrap();
    let config = ClientConfig::builder_with_provider(Arc::new(default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

#[chargegate_test]
async fn tls_connections_have_the_same_handshake_count_and_header_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let client = tls_setup(dir.path());
    let app = spawn(|s| {
        s.tls_listen = Some("127.0.0.1:0".parse().unwrap());
        s.tls_cert = Some(dir.path().join("server.pem"));
        s.tls_key = Some(dir.path().join("server.key"));
        s.limits.header_read_timeout.0 = Duration::from_millis(500);
    })
    .await;
    let tls_addr = app.app.tls_addr().unwrap();
    let connections = app.app.connections().clone();

    // A client that says nothing at all, and one that completes TLS but sends no request.
    let mut silent = TcpStream::connect(tls_addr).await.unwrap();
    let tcp = TcpStream::connect(tls_addr).await.unwrap();
    let name = tokio_rustls::rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
    let mut quiet = tokio_rustls::TlsConnector::from(client.clone())
        .connect(name.clone(), tcp)
        .await
        .expect("TLS handshake");
    eventually("both counted in their handshake", || async {
        (connections.in_handshake() == 2).then_some(())
    })
    .await;
    assert!(closed_within(&mut silent, PATIENCE).await);
    let mut buf = [0u8; 64];
    let read = tokio::time::timeout(PATIENCE, quiet.read(&mut buf)).await;
    assert!(
        matches!(read, Ok(Ok(0) | Err(_))),
        "a TLS connection without a request must be closed"
    );
    assert_eq!(connections.head_timeouts(), 2);

    // A request over TLS still gets through, with the client's address.
    let tcp = TcpStream::connect(tls_addr).await.unwrap();
    let mut tls = tokio_rustls::TlsConnector::from(client)
        .connect(name, tcp)
        .await
        .unwrap();
    tls.write_all(b"GET /health HTTP/1.1\r\nHost: chargegate\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(PATIENCE, tls.read_to_end(&mut answer))
        .await
        .unwrap()
        .ok();
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{answer:?}");
    app.stop().await;
}

/// The binary in a shell with `ulimit -n files`, serving a fresh SQLite database on a free
/// port with `flags`; returns it, its address and its log lines.
fn serve_with_file_limit(
    dir: &std::path::Path,
    files: u32,
    flags: &[&str],
) -> (Child, SocketAddr, Arc<Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(format!("ulimit -n {files} && exec \"$0\" serve \"$@\""))
        .arg(env!("CARGO_BIN_EXE_chargegate"))
        .args(flags)
        .current_dir(dir)
        .env("RUST_LOG", "info")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("limited.db").display()),
        )
        .env("CHARGEGATE_LISTEN", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let lines = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("addr=").nth(1) {
                let _ = addr_tx.send(rest.split_whitespace().next().unwrap().to_owned());
            }
            lines.lock().unwrap().push(line);
        }
    });
    let addr = addr_rx
        .recv_timeout(PATIENCE)
        .expect("the server announces its address");
    (child, addr.parse().unwrap(), log)
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Opens `count` connections from `source` that send nothing (the server may close some).
async fn silent_connections(source: &str, addr: SocketAddr, count: usize) -> Vec<TcpStream> {
    let mut opened = Vec::with_capacity(count);
    for _ in 0..count {
        opened.push(connect_from(source, addr).await);
    }
    opened
}

#[chargegate_test]
async fn health_and_stations_get_through_1100_silent_connections_under_1024_files() {
    chargegate::serve::raise_open_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let (child, addr, _log) = serve_with_file_limit(dir.path(), 1024, &[]);
    // One address opens 1,100 connections and sends nothing: 256 are kept (in their
    // handshake until the header timeout), the rest are closed at once.
    let _silent = silent_connections("127.0.0.1", addr, 1100).await;
    let mut probe = connect_from("127.0.0.2", addr).await;
    let health = get_health(&mut probe).await;
    let station = station_from("127.0.0.3", addr, "STILL-HERE").await;
    stop(child);
    assert_eq!(health, Some(200), "/health must get through");
    if let Err(e) = station {
        panic!("a new station must get through: {e}");
    }
}

#[chargegate_test]
async fn out_of_files_the_server_pauses_accepting_and_recovers() {
    chargegate::serve::raise_open_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let flags = [
        "--header-read-timeout=1s",
        "--max-handshakes=10000",
        "--max-handshakes-per-address=10000",
    ];
    let (child, addr, log) = serve_with_file_limit(dir.path(), 128, &flags);
    // More silent connections than the server has file descriptors: accept fails (EMFILE)
    // until the header timeout closes those it holds.
    let _silent = silent_connections("127.0.0.1", addr, 300).await;
    let health = async {
        let mut probe = connect_from("127.0.0.2", addr).await;
        get_health(&mut probe).await
    };
    let health = tokio::time::timeout(Duration::from_secs(30), health).await;
    stop(child);
    assert_eq!(health, Ok(Some(200)), "/health is answered once files free");
    let log = log.lock().unwrap();
    let failing = log
        .iter()
        .filter(|line| line.contains("cannot accept connections"))
        .count();
    let recovered = log
        .iter()
        .filter(|line| line.contains("accepting connections again"))
        .count();
    assert!(failing >= 1, "the failure is logged:\n{}", log.join("\n"));
    assert!(recovered >= 1, "so is the recovery:\n{}", log.join("\n"));
    // One line per episode, not per attempt: few episodes, one line each.
    assert!(failing <= recovered + 1, "{}", log.join("\n"));
}
