//! One webhook request: `POST` of the alert's JSON over HTTP/1.1 (TLS for `https://`), signed
//! with HMAC-SHA256 (`X-Chargegate-Signature: sha256=<hex>` of `<timestamp>.<body>`, the
//! timestamp in `X-Chargegate-Timestamp`), the alert id as `Idempotency-Key`. No redirects are
//! followed; at most `--alerts-response-bytes` of the answer are read; the whole request within
//! `--alerts-request-timeout`. A 2xx answer is delivered; 4xx but 408 and 429 are given up
//! (the receiver refuses this alert); anything else is retried.

use std::sync::Arc;

use bytes::Bytes;
use hmac::{Hmac, KeyInit, Mac};
use http_body_util::{BodyExt, Full};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use sha2::Sha256;
use tokio::net::TcpStream;
use tokio_rustls::rustls::ClientConfig;

use crate::use_case::alert::Outcome;

/// The signature of `body` sent at `timestamp` (Unix seconds) with `secret`: what a receiver
/// computes to check `X-Chargegate-Signature`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    let tag = mac.finalize().into_bytes();
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

/// An `http(s)://host[:port]/path` address, split.
struct Target {
    tls: bool,
    host: String,
    port: u16,
    /// `host[:port]` as the `Host` header.
    authority: String,
    path: String,
}

fn target(url: &str) -> Result<Target, String> {
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| "not an http(s) address".to_owned())?;
    let tls = match scheme.to_ascii_lowercase().as_str() {
        "http" => false,
        "https" => true,
        _ => return Err("not an http(s) address".into()),
    };
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) if rest[i..].starts_with('/') => (&rest[..i], rest[i..].to_owned()),
        Some(i) => (&rest[..i], format!("/{}", &rest[i..])),
        None => (rest, "/".to_owned()),
    };
    if authority.contains('@') {
        return Err("user information in webhook addresses is not supported".into());
    }
    let default_port = if tls { 443 } else { 80 };
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (
            host.to_owned(),
            port.parse().map_err(|_| format!("bad port {port:?}"))?,
        ),
        _ => (authority.to_owned(), default_port),
    };
    if host.is_empty() {
        return Err("no host".into());
    }
    Ok(Target {
        tls,
        host,
        port,
        authority: authority.to_owned(),
        path,
    })
}

/// Sends one attempt (the caller bounds its time).
pub async fn post(
    tls: &Arc<ClientConfig>,
    url: &str,
    secret: &str,
    alert_id: &str,
    attempt: i32,
    body: Vec<u8>,
    response_bytes: usize,
) -> Outcome {
    let target = match target(url) {
        Ok(t) => t,
        Err(e) => return Outcome::GiveUp(format!("webhook address: {e}")),
    };
    let host = target.host.trim_start_matches('[').trim_end_matches(']');
    let tcp = match TcpStream::connect((host, target.port)).await {
        Ok(tcp) => tcp,
        Err(e) => return Outcome::Retry(format!("cannot connect to {}: {e}", target.authority)),
    };
    let timestamp = chrono::Utc::now().timestamp();
    let request = Request::post(target.path.as_str())
        .header(hyper::header::HOST, target.authority.as_str())
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .header(
            hyper::header::USER_AGENT,
            concat!("chargegate/", env!("CARGO_PKG_VERSION")),
        )
        .header("Idempotency-Key", alert_id)
        .header("X-Chargegate-Alert-Id", alert_id)
        .header("X-Chargegate-Delivery-Attempt", attempt.to_string())
        .header("X-Chargegate-Timestamp", timestamp.to_string())
        .header(
            "X-Chargegate-Signature",
            signature(secret, timestamp, &body),
        )
        .header(hyper::header::CONNECTION, "close")
        .body(Full::new(Bytes::from(body)));
    let request = match request {
        Ok(r) => r,
        Err(e) => return Outcome::GiveUp(format!("webhook request: {e}")),
    };
    let answer = if target.tls {
        match super::tls::connect(tls, &target.host, tcp).await {
            Ok(stream) => exchange(TokioIo::new(stream), request).await,
            Err(e) => return Outcome::Retry(e),
        }
    } else {
        exchange(TokioIo::new(tcp), request).await
    };
    let (status, body) = match answer {
        Ok((response, _connection)) => {
            let status = response.status();
            (
                status,
                first_bytes(response.into_body(), response_bytes).await,
            )
        }
        Err(e) => return Outcome::Retry(format!("webhook request failed: {e}")),
    };
    let text = String::from_utf8_lossy(&body[..body.len().min(response_bytes)]);
    let said = format!("HTTP {}: {}", status.as_u16(), text.trim());
    if status.is_success() {
        Outcome::Delivered
    } else if status.is_client_error()
        && status != StatusCode::REQUEST_TIMEOUT
        && status != StatusCode::TOO_MANY_REQUESTS
    {
        Outcome::GiveUp(said)
    } else {
        Outcome::Retry(said)
    }
}

/// The first `limit` bytes of a body; the rest is not read.
async fn first_bytes(mut body: hyper::body::Incoming, limit: usize) -> Vec<u8> {
    let mut kept = Vec::new();
    while kept.len() < limit {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    let room = limit - kept.len();
                    kept.extend_from_slice(&data[..data.len().min(room)]);
                }
            }
            _ => break,
        }
    }
    kept
}

/// The task driving a connection, ended when dropped (an attempt that timed out or was
/// dropped at shutdown leaves no connection behind).
struct Connection(tokio::task::JoinHandle<()>);

impl Drop for Connection {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn exchange<I>(
    io: I,
    request: Request<Full<Bytes>>,
) -> Result<(hyper::Response<hyper::body::Incoming>, Connection), hyper::Error>
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io).await?;
    let connection = Connection(tokio::spawn(async move {
        let _ = connection.await;
    }));
    let response = sender.send_request(request).await?;
    Ok((response, connection))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_split() {
        let t = target("https://hooks.example.com:8443/a/b?c=1").unwrap();
        assert!(t.tls);
        assert_eq!(
            (t.host.as_str(), t.port, t.path.as_str()),
            ("hooks.example.com", 8443, "/a/b?c=1")
        );
        let t = target("http://127.0.0.1:9000").unwrap();
        assert_eq!(
            (t.port, t.path.as_str(), t.authority.as_str()),
            (9000, "/", "127.0.0.1:9000")
        );
        let t = target("http://[::1]/x").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("[::1]", 80));
        assert!(target("http://u:p@h/").is_err());
    }

    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_dot_body() {
        // RFC 4231-style check done by hand: HMAC-SHA256("key", "1.{}").
        let s = signature("key", 1, b"{}");
        assert!(s.starts_with("sha256="));
        assert_eq!(s.len(), 7 + 64);
        assert_ne!(s, signature("key", 2, b"{}"));
        assert_ne!(s, signature("other", 1, b"{}"));
    }
}
