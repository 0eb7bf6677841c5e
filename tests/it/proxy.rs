//! A TCP proxy for fault tests: it forwards to a real service (Redis, PostgreSQL) until the test
//! cuts it (every open connection is closed and new ones are closed as soon as they arrive),
//! stalls it (every open connection is closed and new ones are held open without a byte, as a
//! host that stopped answering) or freezes it (as a stall, but the open connections are held
//! too, silent: a network that drops everything), then forwards again once restored. Also a
//! TLS front, for `rediss://` URLs.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

pub struct Proxy {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: CancellationToken,
}

struct State {
    /// Cancelled to close every connection opened before a cut, a stall or a restore.
    generation: CancellationToken,
    /// Cancelled to stop forwarding on every open connection (a freeze) without closing it.
    flowing: CancellationToken,
    mode: Mode,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Forward,
    /// New connections are closed at once.
    Cut,
    /// New connections are accepted and held, silent, until the proxy is restored.
    Stall,
}

impl Proxy {
    /// Listens on a free port of 127.0.0.1 and forwards to `target`.
    pub async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy bind");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State {
            generation: CancellationToken::new(),
            flowing: CancellationToken::new(),
            mode: Mode::Forward,
        }));
        let stop = CancellationToken::new();
        tokio::spawn(accept(listener, target, state.clone(), stop.clone()));
        Self { addr, state, stop }
    }

    /// `url` with its host and port replaced by the proxy's.
    pub fn url_for(&self, url: &str) -> String {
        let (scheme, rest) = url.split_once("://").expect("a URL");
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let userinfo = authority
            .rsplit_once('@')
            .map(|(user, _)| format!("{user}@"))
            .unwrap_or_default();
        format!("{scheme}://{userinfo}{}{path}", self.addr)
    }

    /// Closes every connection and refuses new ones until [`Proxy::restore`].
    pub fn cut(&self) {
        self.switch(Mode::Cut);
    }

    /// Closes every connection and holds new ones open without answering until
    /// [`Proxy::restore`] (which closes them): connecting through it then takes as long as
    /// the client is willing to wait.
    pub fn stall(&self) {
        self.switch(Mode::Stall);
    }

    /// Stops forwarding without closing anything: open connections go silent (what is sent
    /// on them is never answered) and new ones are held open without a byte, until
    /// [`Proxy::restore`] (which closes them all).
    pub fn freeze(&self) {
        let mut state = self.state.lock().unwrap();
        state.mode = Mode::Stall;
        state.flowing.cancel();
    }

    pub fn restore(&self) {
        self.switch(Mode::Forward);
    }

    fn switch(&self, mode: Mode) {
        let mut state = self.state.lock().unwrap();
        state.mode = mode;
        state.generation.cancel();
        state.generation = CancellationToken::new();
        state.flowing = CancellationToken::new();
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.cancel();
        self.state.lock().unwrap().generation.cancel();
    }
}

/// A TLS front for a plain service (Redis): terminates TLS with a self-signed certificate for
/// 127.0.0.1 and forwards the bytes, until dropped. Returns its address.
pub async fn tls_front(target: SocketAddr) -> (SocketAddr, CancellationToken) {
    use tokio_rustls::rustls::{
        ServerConfig,
        pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer},
    };
    let cert = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into()]).unwrap();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.signing_key.serialize_der()));
    let config = ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(cert.cert.der().to_vec())], key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let stop = CancellationToken::new();
    let stopped = stop.clone();
    tokio::spawn(async move {
        loop {
            let accepted = tokio::select! {
                () = stopped.cancelled() => return,
                accepted = listener.accept() => accepted,
            };
            let Ok((client, _)) = accepted else { continue };
            let (acceptor, stopped) = (acceptor.clone(), stopped.clone());
            tokio::spawn(async move {
                let Ok(mut client) = acceptor.accept(client).await else {
                    return;
                };
                let Ok(mut server) = TcpStream::connect(target).await else {
                    return;
                };
                tokio::select! {
                    () = stopped.cancelled() => {}
                    _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                }
            });
        }
    });
    (addr, stop)
}

/// The host and port of a service URL such as `redis://127.0.0.1:6379`.
pub fn target_of(url: &str) -> SocketAddr {
    let rest = url.split_once("://").expect("a URL").1;
    let authority = rest.split('/').next().unwrap();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host_port = host_port.replace("localhost", "127.0.0.1");
    host_port
        .parse()
        .unwrap_or_else(|e| panic!("{host_port} is not an address: {e}"))
}

async fn accept(
    listener: TcpListener,
    target: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: CancellationToken,
) {
    loop {
        let accepted = tokio::select! {
            () = stop.cancelled() => return,
            accepted = listener.accept() => accepted,
        };
        let Ok((client, _)) = accepted else { continue };
        let (mode, generation, flowing) = {
            let state = state.lock().unwrap();
            (state.mode, state.generation.clone(), state.flowing.clone())
        };
        match mode {
            Mode::Forward => {
                tokio::spawn(forward(client, target, generation, flowing));
            }
            Mode::Cut => drop(client),
            Mode::Stall => {
                tokio::spawn(async move {
                    generation.cancelled().await;
                    drop(client);
                });
            }
        }
    }
}

async fn forward(
    mut client: TcpStream,
    target: SocketAddr,
    cut: CancellationToken,
    flowing: CancellationToken,
) {
    let Ok(mut server) = TcpStream::connect(target).await else {
        return;
    };
    tokio::select! {
        () = cut.cancelled() => {}
        () = flowing.cancelled() => {
            // Frozen: both ends stay open, nothing more goes through, until closed.
            cut.cancelled().await;
        }
        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
    }
}
