//! `chargegate health`: a minimal HTTP/1.0 GET of a node's `/health`, so that container health
//! checks need neither a shell nor curl in the image.

use std::{
    io::{Read, Write},
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream, ToSocketAddrs},
    time::Duration,
};

/// Why a health check got no HTTP answer.
#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("`{0}` is not an http://HOST:PORT/PATH URL")]
    Url(String),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: not an HTTP answer")]
    Answer(String),
}

/// `/health` on this host for a node listening on `listen` (a wildcard address becomes the
/// loopback address of its family).
pub fn local_url(listen: SocketAddr) -> String {
    let ip = match listen.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/health", SocketAddr::new(ip, listen.port()))
}

/// GETs `url`; returns the status code and the body.
pub fn check(url: &str, timeout: Duration) -> Result<(u16, String), HealthError> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| HealthError::Url(url.to_owned()))?;
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    if authority.is_empty() || authority.contains('@') {
        return Err(HealthError::Url(url.to_owned()));
    }
    let io = |e| HealthError::Io(url.to_owned(), e);
    let addr = authority
        .to_socket_addrs()
        .map_err(io)?
        .next()
        .ok_or_else(|| HealthError::Url(url.to_owned()))?;
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(io)?;
    stream.set_read_timeout(Some(timeout)).map_err(io)?;
    stream.set_write_timeout(Some(timeout)).map_err(io)?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .map_err(io)?;
    let mut answer = Vec::new();
    stream.take(1 << 20).read_to_end(&mut answer).map_err(io)?;
    let answer = String::from_utf8_lossy(&answer);
    let (head, body) = answer
        .split_once("\r\n\r\n")
        .ok_or_else(|| HealthError::Answer(url.to_owned()))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .filter(|_| head.starts_with("HTTP/"))
        .ok_or_else(|| HealthError::Answer(url.to_owned()))?;
    Ok((status, body.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_url_uses_loopback_for_wildcard_listen_addresses() {
        assert_eq!(
            local_url("0.0.0.0:3000".parse().unwrap()),
            "http://127.0.0.1:3000/health"
        );
        assert_eq!(
            local_url("[::]:8080".parse().unwrap()),
            "http://[::1]:8080/health"
        );
        assert_eq!(
            local_url("10.0.0.5:3000".parse().unwrap()),
            "http://10.0.0.5:3000/health"
        );
    }

    #[test]
    fn urls_it_cannot_ask_are_refused() {
        for url in [
            "https://x/health",
            "x:1/health",
            "http:///health",
            "http://u@h:1/",
        ] {
            assert!(
                matches!(check(url, Duration::from_secs(1)), Err(HealthError::Url(_))),
                "{url}"
            );
        }
    }
}
