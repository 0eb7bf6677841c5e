//! TLS served by chargegate itself (rustls on ring): the second listener, `--tls-listen`, for
//! stations with security profiles 2 and 3 (`wss://`) and the API over `https://`.
//!
//! Its connections go through the same accept loop and per-connection code as the plain
//! listener's (`serve`): each TLS handshake runs in the connection's own task, counted among
//! the connections in their handshake and within `--header-read-timeout` together with the
//! first request, so a slow or silent client never holds up the others. The peer's address
//! and the subject CN of a verified client certificate travel with each connection as
//! `serve::TlsPeer`, which is put into every request of the TLS listener (with
//! `ConnectInfo<SocketAddr>`, so handlers that read the client address work unchanged).
//! Requests on the plain listener have no `TlsPeer`: that is how the OCPP handshake tells
//! `ws://` from `wss://`.

use std::{net::SocketAddr, path::Path, sync::Arc};

use anyhow::Context as _;
use axum::Router;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject};
use tokio::task::JoinHandle;
use tokio_rustls::{
    TlsAcceptor,
    rustls::{
        RootCertStore, ServerConfig, crypto::ring::default_provider, server::WebPkiClientVerifier,
    },
};

use crate::{context::Context, serve::Connections};

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

/// Serves `router` over TLS on `--tls-listen` when it is set; returns the address bound and
/// the server task.
pub fn serve(
    context: &Arc<Context>,
    router: Router,
    connections: Arc<Connections>,
) -> anyhow::Result<Option<(SocketAddr, JoinHandle<std::io::Result<()>>)>> {
    let settings = &context.settings;
    let (Some(addr), Some(cert), Some(key)) =
        (settings.tls_listen, &settings.tls_cert, &settings.tls_key)
    else {
        return Ok(None);
    };
    let config = server_config(cert, key, settings.tls_client_ca.as_deref())?;
    let tcp = crate::serve::listen(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let bound = tcp.local_addr()?;
    let server = crate::serve::spawn(
        tcp,
        router,
        Some(TlsAcceptor::from(config)),
        connections,
        &settings.limits,
        context.shutdown.clone(),
    );
    tracing::info!(addr = %bound, client_certificates = settings.tls_client_ca.is_some(), "serving TLS; stations connect to wss://{bound}/ocpp/{{chargePointId}}");
    Ok(Some((bound, server)))
}
