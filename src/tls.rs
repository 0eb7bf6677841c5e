//! TLS served by chargegate itself (rustls on ring): the second listener, `--tls-listen`, for
//! stations with security profiles 2 and 3 (`wss://`) and the API over `https://`.
//!
//! The TCP accept loop runs in a task of its own and every TLS handshake in a task of its
//! own (at most [`MAX_HANDSHAKES`] at once, each within [`HANDSHAKE_TIMEOUT`]), so a slow or
//! silent client never holds up the others; finished handshakes are handed to axum through
//! [`TlsListener`]. The peer's address and the subject CN of a verified client certificate
//! travel with each connection as [`TlsPeer`], which a layer puts into every request of the
//! TLS listener (with `ConnectInfo<SocketAddr>`, so handlers that read the client address work
//! unchanged). Requests on the plain listener have no `TlsPeer`: that is how the OCPP
//! handshake tells `ws://` from `wss://`.

use std::{net::SocketAddr, path::Path, sync::Arc, time::Duration};

use anyhow::Context as _;
use axum::{
    Router,
    extract::{ConnectInfo, Request, connect_info::Connected},
    middleware::{self, Next},
    response::Response,
    serve::{IncomingStream, Listener},
};
use rustls_pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject};
use tokio::{
    net::{TcpListener, TcpStream},
    sync::{Semaphore, mpsc},
    task::JoinHandle,
};
use tokio_rustls::{
    TlsAcceptor,
    rustls::{
        RootCertStore, ServerConfig, crypto::ring::default_provider, server::WebPkiClientVerifier,
    },
    server::TlsStream,
};
use tokio_util::sync::CancellationToken;

use crate::app::Context;

/// TLS handshakes in progress at most; further connections wait in the kernel's accept queue.
pub const MAX_HANDSHAKES: usize = 2048;
/// How long a client has to complete its TLS handshake.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Who is at the other end of a TLS connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsPeer {
    pub addr: SocketAddr,
    /// The subject CN of the client certificate, when the client presented one (rustls has
    /// then verified it against `--tls-client-ca`) and it has exactly one CN.
    pub client_cn: Option<Arc<str>>,
    /// The subject O values of the client certificate, joined by ", " (the CPO name).
    pub client_org: Option<Arc<str>>,
    /// Whether the client presented a (verified) certificate at all.
    pub client_certificate: bool,
}

/// The rustls configuration from the settings' PEM files: the server's chain and key, and,
/// with a client CA, client certificates verified when presented but not required.
pub fn server_config(
    cert: &Path,
    key: &Path,
    client_ca: Option<&Path>,
) -> anyhow::Result<Arc<ServerConfig>> {
    let provider = Arc::new(default_provider());
    let chain = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .with_context(|| format!("cannot read the certificate chain {}", cert.display()))?;
    anyhow::ensure!(!chain.is_empty(), "{} holds no certificate", cert.display());
    let key = PrivateKeyDer::from_pem_file(key)
        .with_context(|| format!("cannot read the private key {}", key.display()))?;
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?;
    let builder = match client_ca {
        Some(path) => {
            let mut roots = RootCertStore::empty();
            let cas = CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                .with_context(|| format!("cannot read the client CA {}", path.display()))?;
            for ca in cas {
                roots.add(ca).with_context(|| {
                    format!("a certificate in {} is not usable as a CA", path.display())
                })?;
            }
            anyhow::ensure!(!roots.is_empty(), "{} holds no certificate", path.display());
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .allow_unauthenticated()
                .build()
                .context("client certificate verifier")?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut config = builder
        .with_single_cert(chain, key)
        .context("the certificate and private key do not go together")?;
    // Stations speak HTTP/1.1 (WebSockets over HTTP/2 are not OCPP-J).
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Connections whose TLS handshake is complete, for `axum::serve`.
pub struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, TlsPeer)>,
    local: SocketAddr,
}

impl Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = TlsPeer;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(connection) => connection,
            // The accept loop ended (shutdown): nothing more comes.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(TlsPeer {
            addr: self.local,
            client_cn: None,
            client_org: None,
            client_certificate: false,
        })
    }
}

impl Connected<IncomingStream<'_, TlsListener>> for TlsPeer {
    fn connect_info(stream: IncomingStream<'_, TlsListener>) -> Self {
        stream.remote_addr().clone()
    }
}

/// Starts accepting TLS connections on `tcp` until `shutdown`.
pub fn listener(
    tcp: TcpListener,
    config: Arc<ServerConfig>,
    shutdown: CancellationToken,
) -> std::io::Result<TlsListener> {
    let local = tcp.local_addr()?;
    let (tx, ready) = mpsc::channel(256);
    tokio::spawn(accept_loop(tcp, TlsAcceptor::from(config), tx, shutdown));
    Ok(TlsListener { ready, local })
}

async fn accept_loop(
    tcp: TcpListener,
    acceptor: TlsAcceptor,
    ready: mpsc::Sender<(TlsStream<TcpStream>, TlsPeer)>,
    shutdown: CancellationToken,
) {
    let handshakes = Arc::new(Semaphore::new(MAX_HANDSHAKES));
    loop {
        let permit = tokio::select! {
            () = shutdown.cancelled() => return,
            permit = handshakes.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
        };
        let (stream, addr) = tokio::select! {
            () = shutdown.cancelled() => return,
            accepted = tcp.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::debug!(error = %e, "TLS listener: accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "cannot set TCP_NODELAY");
        }
        let (acceptor, ready) = (acceptor.clone(), ready.clone());
        tokio::spawn(async move {
            let _permit = permit;
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                Ok(Ok(tls)) => {
                    let peer = peer_of(&tls, addr);
                    // Fails only at shutdown, when nobody accepts any more.
                    let _ = ready.send((tls, peer)).await;
                }
                // A security event (whitepaper A00.FR.408): a bad client certificate, an old
                // TLS version, no common cipher suite, or not TLS at all.
                Ok(Err(e)) => tracing::info!(client = %addr, error = %e, "TLS handshake failed"),
                Err(_) => tracing::info!(client = %addr, "TLS handshake timed out"),
            }
        });
    }
}

/// The peer's address and the subject CN of its verified client certificate, if any.
fn peer_of(tls: &TlsStream<TcpStream>, addr: SocketAddr) -> TlsPeer {
    let certificate = tls
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|chain| chain.first());
    TlsPeer {
        addr,
        client_cn: certificate.and_then(|der| common_name(der)),
        client_org: certificate.and_then(|der| organization(der)),
        client_certificate: certificate.is_some(),
    }
}

/// The subject CN of a DER certificate, if it has exactly one and it is text.
pub fn common_name(der: &[u8]) -> Option<Arc<str>> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let mut names = cert.subject().iter_common_name();
    let name = names.next()?.as_str().ok()?;
    if names.next().is_some() {
        return None;
    }
    Some(name.into())
}

/// The subject O values of a DER certificate, joined by ", " (none: `None`).
pub fn organization(der: &[u8]) -> Option<Arc<str>> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let names: Vec<&str> = cert
        .subject()
        .iter_organization()
        .filter_map(|o| o.as_str().ok())
        .collect();
    (!names.is_empty()).then(|| names.join(", ").into())
}

/// Whether a subject O names the CPO (A00.FR.404: it "contains the CPO name"; compared
/// without regard to case).
pub fn names_cpo(organization: Option<&str>, cpo_name: &str) -> bool {
    organization.is_some_and(|o| o.to_lowercase().contains(&cpo_name.to_lowercase()))
}

/// Puts the connection's [`TlsPeer`] and its `ConnectInfo<SocketAddr>` into each request.
async fn tls_request(mut request: Request, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<TlsPeer>>().cloned() {
        request.extensions_mut().insert(ConnectInfo(peer.addr));
        request.extensions_mut().insert(peer);
    }
    next.run(request).await
}

/// Serves `router` over TLS on `--tls-listen` when it is set; returns the address bound and
/// the server task.
pub fn serve(
    context: &Arc<Context>,
    router: Router,
) -> anyhow::Result<Option<(SocketAddr, JoinHandle<std::io::Result<()>>)>> {
    let settings = &context.settings;
    let (Some(addr), Some(cert), Some(key)) =
        (settings.tls_listen, &settings.tls_cert, &settings.tls_key)
    else {
        return Ok(None);
    };
    let config = server_config(cert, key, settings.tls_client_ca.as_deref())?;
    let tcp = crate::app::listen(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let listener = listener(tcp, config, context.shutdown.clone())?;
    let bound = listener.local;
    let shutdown = context.shutdown.clone();
    let router = router.layer(middleware::from_fn(tls_request));
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<TlsPeer>(),
        )
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await
    });
    tracing::info!(addr = %bound, client_certificates = settings.tls_client_ca.is_some(), "serving TLS; stations connect to wss://{bound}/ocpp/{{chargePointId}}");
    Ok(Some((bound, server)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate(names: &[&str]) -> Vec<u8> {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name = rcgen::DistinguishedName::new();
        params
            .distinguished_name
            .push(rcgen::DnType::OrganizationName, "Test CPO");
        for name in names {
            params
                .distinguished_name
                .push(rcgen::DnType::CommonName, *name);
        }
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().to_vec()
    }

    #[test]
    fn the_common_name_is_read_only_when_there_is_exactly_one() {
        assert_eq!(
            common_name(&certificate(&["CP-1"])).as_deref(),
            Some("CP-1")
        );
        assert_eq!(
            common_name(&certificate(&["RDAM 123"])).as_deref(),
            Some("RDAM 123")
        );
        assert_eq!(common_name(&certificate(&[])), None);
        assert_eq!(common_name(b"not a certificate"), None);
        assert_eq!(common_name(&[]), None);
    }
}
