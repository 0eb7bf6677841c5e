//! Station authentication (OCPP 1.6 Security Whitepaper profiles 1–3) and TLS: HTTP Basic in
//! the handshake, the failed-login throttle, `wss://` with real certificates made here, client
//! certificates for profile 3, key rotation and profile changes through ChangeConfiguration.

use std::{path::PathBuf, sync::Arc, time::Duration};

use base64::Engine as _;
use chargegate::{Settings, auth::Role};
use entity::{ocpp_message, station};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use tokio_rustls::rustls::{
    ClientConfig, RootCertStore,
    crypto::ring::default_provider,
    pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer},
};
use tokio_tungstenite::{
    Connector,
    tungstenite::{self, client::IntoClientRequest, http::HeaderValue},
};

use crate::on_both_backends;
use crate::support::{Backend, Station, TestApp, spawn, spawn_on};

/// Keys in the whitepaper's format (20 and 16 bytes as hexadecimal digits).
const KEY: &str = "0001020304050607FFFFFFFFFFFFFFFFFFFFFFFF";
const KEY2: &str = "00112233445566778899aabbccddeeff00112233";
const KEY3: &str = "fedcba9876543210fedcba9876543210";
const WRONG: &str = "0001020304050607FFFFFFFFFFFFFFFFFFFFFFFE";

type Handshake =
    Result<(Station, tungstenite::http::Response<Option<Vec<u8>>>), tungstenite::Error>;

/// How a test station connects.
#[derive(Clone, Default)]
struct Dial {
    authorization: Option<String>,
    forwarded_for: Option<String>,
    forwarded_proto: Option<&'static str>,
    tls: Option<Arc<ClientConfig>>,
}

impl Dial {
    fn basic(user: &str, password: &str) -> Self {
        let encoded =
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Self {
            authorization: Some(format!("Basic {encoded}")),
            ..Self::default()
        }
    }

    fn from(mut self, address: &str) -> Self {
        self.forwarded_for = Some(address.to_owned());
        self
    }

    fn proto(mut self, proto: &'static str) -> Self {
        self.forwarded_proto = Some(proto);
        self
    }

    fn over(mut self, tls: &Arc<ClientConfig>) -> Self {
        self.tls = Some(tls.clone());
        self
    }

    /// Connects to `/ocpp/{id}` of `app`: over `wss://` on its TLS listener when a TLS client
    /// configuration is given, else over `ws://`.
    async fn to(&self, app: &TestApp, id: &str) -> Handshake {
        let url = match &self.tls {
            Some(_) => format!(
                "wss://{}/ocpp/{id}",
                app.app.tls_addr().expect("a TLS listener")
            ),
            None => app.ws_url(&format!("/ocpp/{id}")),
        };
        let mut request = url.into_client_request()?;
        let headers = request.headers_mut();
        headers.insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_static("ocpp1.6"),
        );
        if let Some(value) = &self.authorization {
            headers.insert("Authorization", HeaderValue::from_str(value).unwrap());
        }
        if let Some(value) = &self.forwarded_for {
            headers.insert("X-Forwarded-For", HeaderValue::from_str(value).unwrap());
        }
        if let Some(value) = self.forwarded_proto {
            headers.insert("X-Forwarded-Proto", HeaderValue::from_static(value));
        }
        let connector = self.tls.clone().map(Connector::Rustls);
        let (ws, response) =
            tokio_tungstenite::connect_async_tls_with_config(request, None, false, connector)
                .await?;
        Ok((Station::from_socket(ws), response))
    }
}

/// The HTTP status of a refused handshake.
fn refused(result: Handshake) -> tungstenite::http::Response<Option<Vec<u8>>> {
    match result {
        Err(tungstenite::Error::Http(response)) => *response,
        Err(e) => panic!("expected an HTTP refusal, got {e}"),
        Ok(_) => panic!("expected an HTTP refusal, the handshake succeeded"),
    }
}

fn status(result: Handshake) -> u16 {
    refused(result).status().as_u16()
}

/// A station that connected and had its BootNotification accepted.
async fn booted(result: Handshake) -> Station {
    let (mut station, response) = result.expect("the handshake succeeds");
    assert_eq!(response.status().as_u16(), 101);
    let answer = station
        .call(
            "BootNotification",
            json!({"chargePointVendor": "VendorA", "chargePointModel": "Secure"}),
        )
        .await;
    assert_eq!(answer["status"], "Accepted");
    station
}

const SET_KEY: &str = "mutation($s: ID!, $k: String!, $send: Boolean) { setStationAuthorizationKey(stationId: $s, key: $k, sendToStation: $send) { status station { id securityProfile hasAuthorizationKey } } }";
const SET_PROFILE: &str = "mutation($s: ID!, $p: Int!) { setStationSecurityProfile(stationId: $s, profile: $p) { id securityProfile hasAuthorizationKey } }";
const CHANGE: &str = "mutation($s: ID!, $k: String!, $v: String!) { changeConfiguration(stationId: $s, key: $k, value: $v) { status } }";

/// Registers `id` with `key` (if any) and `profile`, as an operator provisions a station.
async fn provision(app: &TestApp, id: &str, key: Option<&str>, profile: i32) {
    let admin = app.admin();
    app.ok(
        &admin,
        "mutation($s: ID!) { approveStation(id: $s) { id } }",
        json!({"s": id}),
    )
    .await;
    if let Some(key) = key {
        let data = app.ok(&admin, SET_KEY, json!({"s": id, "k": key})).await;
        assert_eq!(
            data["setStationAuthorizationKey"],
            json!({"status": null, "station": {"id": id, "securityProfile": 0, "hasAuthorizationKey": true}})
        );
    }
    let data = app
        .ok(&admin, SET_PROFILE, json!({"s": id, "p": profile}))
        .await;
    assert_eq!(
        data["setStationSecurityProfile"]["securityProfile"],
        profile
    );
}

async fn stored_hash(app: &TestApp, id: &str) -> Option<String> {
    station::Entity::find_by_id(id)
        .one(app.db())
        .await
        .unwrap()
        .expect("the station row")
        .authorization_key_hash
}

async fn basic_auth_guards_the_handshake_of_profile_1(backend: Backend) {
    let Some(app) = spawn_on(backend, |_| {}).await else {
        return;
    };
    provision(&app, "CP-B", Some(KEY), 1).await;

    // No credentials: the Basic challenge, before any upgrade.
    let response = refused(Dial::default().to(&app, "CP-B").await);
    assert_eq!(response.status().as_u16(), 401);
    let challenge = response.headers()["www-authenticate"].to_str().unwrap();
    assert!(challenge.starts_with("Basic realm=\""), "{challenge}");
    // Another station's id as the user, a wrong key, the key without a user.
    assert_eq!(status(Dial::basic("CP-X", KEY).to(&app, "CP-B").await), 401);
    assert_eq!(
        status(Dial::basic("CP-B", WRONG).to(&app, "CP-B").await),
        401
    );
    assert_eq!(status(Dial::basic("", KEY).to(&app, "CP-B").await), 401);
    assert!(chargegate::link::of(app.ctx()).registry.is_empty());
    // The right key: upgraded, and the station works.
    let mut cp = booted(Dial::basic("CP-B", KEY).to(&app, "CP-B").await).await;
    cp.call("Heartbeat", json!({})).await;
    // The key in lower case is the same key.
    booted(
        Dial::basic("CP-B", &KEY.to_lowercase())
            .to(&app, "CP-B")
            .await,
    )
    .await;

    // Stored is a salted hash, never the key.
    let hash = stored_hash(&app, "CP-B").await.expect("a hash");
    assert!(hash.starts_with("hmac-sha256$"), "{hash}");
    assert!(!hash.to_lowercase().contains(&KEY.to_lowercase()));
    // The API shows the profile and whether a key is set, never the key or its hash.
    let data = app
        .ok(
            &app.admin(),
            "{ station(id: \"CP-B\") { securityProfile hasAuthorizationKey } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data["station"],
        json!({"securityProfile": 1, "hasAuthorizationKey": true})
    );
    assert!(!chargegate::api::sdl().contains("authorizationKeyHash"));

    // Stations without a profile of their own keep the default (0): no credentials needed.
    booted(Dial::default().to(&app, "CP-OPEN").await).await;
    app.stop().await;
}
on_both_backends!(basic_auth_guards_the_handshake_of_profile_1);

#[chargegate_test]
async fn a_basic_profile_without_a_key_is_refused() {
    let app = spawn(|s| s.default_security_profile = 1).await;
    // Unknown (and so keyless) stations cannot connect under a default of 1, credentials or not.
    assert_eq!(
        status(Dial::basic("CP-NEW", KEY).to(&app, "CP-NEW").await),
        401
    );
    assert_eq!(status(Dial::default().to(&app, "CP-NEW").await), 401);
    // A registered one without a key neither, until it gets one.
    app.ok(
        &app.admin(),
        "mutation { approveStation(id: \"CP-K\") { securityProfile hasAuthorizationKey } }",
        json!({}),
    )
    .await;
    assert_eq!(status(Dial::basic("CP-K", KEY).to(&app, "CP-K").await), 401);
    app.ok(&app.admin(), SET_KEY, json!({"s": "CP-K", "k": KEY}))
        .await;
    booted(Dial::basic("CP-K", KEY).to(&app, "CP-K").await).await;
    app.stop().await;
}

#[chargegate_test]
async fn failed_logins_are_throttled_per_station_and_per_address() {
    // The test's requests come from 127.0.0.1, a trusted proxy: X-Forwarded-For names the
    // client, so one test can play several addresses.
    let app = spawn(|s| s.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()]).await;
    for id in ["CP-A", "CP-B", "CP-C1", "CP-C2", "CP-C3", "CP-C4", "CP-D"] {
        provision(&app, id, Some(KEY), 1).await;
    }

    // Per station: 10 failures for CP-A (from one address) ...
    for _ in 0..10 {
        let dial = Dial::basic("CP-A", WRONG).from("198.51.100.1");
        assert_eq!(status(dial.to(&app, "CP-A").await), 401);
    }
    // ... and CP-A is locked, from any address and even with the right key.
    let response = refused(
        Dial::basic("CP-A", KEY)
            .from("198.51.100.2")
            .to(&app, "CP-A")
            .await,
    );
    assert_eq!(response.status().as_u16(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=300).contains(&retry), "Retry-After {retry}");
    // Other stations are not affected.
    booted(
        Dial::basic("CP-B", KEY)
            .from("198.51.100.2")
            .to(&app, "CP-B")
            .await,
    )
    .await;

    // Per address: 30 failures spread over four stations (under 10 each) from one address ...
    for i in 0..30 {
        let id = format!("CP-C{}", i % 4 + 1);
        let dial = Dial::basic(&id, WRONG).from("203.0.113.9");
        assert_eq!(status(dial.to(&app, &id).await), 401, "attempt {i}");
    }
    // ... lock that address out, whatever it tries ...
    let dial = Dial::basic("CP-B", KEY).from("203.0.113.9");
    assert_eq!(status(dial.to(&app, "CP-B").await), 429);
    // ... but not the stations, from another address; and that success does not clear the
    // first address's count.
    booted(
        Dial::basic("CP-C1", KEY)
            .from("203.0.113.10")
            .to(&app, "CP-C1")
            .await,
    )
    .await;
    let dial = Dial::basic("CP-C1", KEY).from("203.0.113.9");
    assert_eq!(status(dial.to(&app, "CP-C1").await), 429);

    // A station's success does not clear other addresses' failures for it: 9 failures, a
    // success, one more failure, and CP-D is locked.
    for _ in 0..9 {
        let dial = Dial::basic("CP-D", WRONG).from("192.0.2.1");
        assert_eq!(status(dial.to(&app, "CP-D").await), 401);
    }
    booted(
        Dial::basic("CP-D", KEY)
            .from("192.0.2.2")
            .to(&app, "CP-D")
            .await,
    )
    .await;
    let dial = Dial::basic("CP-D", WRONG).from("192.0.2.1");
    assert_eq!(status(dial.to(&app, "CP-D").await), 401);
    let dial = Dial::basic("CP-D", KEY).from("192.0.2.2");
    assert_eq!(status(dial.to(&app, "CP-D").await), 429);
    app.stop().await;
}

/// A test PKI: a CA that signs the server's certificate (for 127.0.0.1) and stations'
/// client certificates, and another CA nobody trusts; PEM files for the server's settings.
struct Pki {
    dir: tempfile::TempDir,
    ca: CertifiedIssuer<'static, KeyPair>,
    stranger: CertifiedIssuer<'static, KeyPair>,
}

impl Pki {
    fn new() -> Self {
        let ca = Self::authority("chargegate test CA");
        let stranger = Self::authority("someone else's CA");
        let dir = tempfile::tempdir().unwrap();
        let key = KeyPair::generate().unwrap();
        let mut params =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()]).unwrap();
        params
            .distinguished_name
            .push(DnType::CommonName, "localhost");
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let cert = params.signed_by(&key, &ca).unwrap();
        std::fs::write(dir.path().join("server.pem"), cert.pem() + &ca.pem()).unwrap();
        std::fs::write(dir.path().join("server.key"), key.serialize_pem()).unwrap();
        std::fs::write(dir.path().join("client-ca.pem"), ca.pem()).unwrap();
        Self { dir, ca, stranger }
    }

    fn authority(name: &str) -> CertifiedIssuer<'static, KeyPair> {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Serve TLS with this PKI (client certificates too, unless `clients` is false).
    fn configure(&self, settings: &mut Settings, clients: bool) {
        settings.tls_listen = Some("127.0.0.1:0".parse().unwrap());
        settings.tls_cert = Some(self.path("server.pem"));
        settings.tls_key = Some(self.path("server.key"));
        if clients {
            settings.tls_client_ca = Some(self.path("client-ca.pem"));
        }
    }

    /// A station's TLS client: trusts our CA; with a client certificate for `cn` signed by
    /// our CA (or by the stranger).
    fn client(&self, certificate: Option<(&str, bool)>) -> Arc<ClientConfig> {
        let mut roots = RootCertStore::empty();
        roots.add(self.ca.der().clone()).unwrap();
        let builder = ClientConfig::builder_with_provider(Arc::new(default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots);
        let config = match certificate {
            None => builder.with_no_client_auth(),
            Some((cn, ours)) => {
                let key = KeyPair::generate().unwrap();
                let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
                params.distinguished_name.push(DnType::CommonName, cn);
                params
                    .distinguished_name
                    .push(DnType::OrganizationName, "Test CPO");
                params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
                let issuer = if ours { &self.ca } else { &self.stranger };
                let cert = params.signed_by(&key, issuer).unwrap();
                let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
                builder
                    .with_client_auth_cert(vec![CertificateDer::from(cert.der().to_vec())], key)
                    .unwrap()
            }
        };
        Arc::new(config)
    }
}

#[chargegate_test]
async fn profile_2_is_basic_over_tls_only() {
    let pki = Pki::new();
    let app = spawn(|s| pki.configure(s, true)).await;
    provision(&app, "CP-2", Some(KEY), 2).await;
    let tls = pki.client(None);

    // Over plain ws, even with the right key: refused (it must use wss); X-Forwarded-Proto
    // is believed only from a trusted proxy.
    let response = refused(Dial::basic("CP-2", KEY).to(&app, "CP-2").await);
    assert_eq!(response.status().as_u16(), 403);
    let dial = Dial::basic("CP-2", KEY).proto("https");
    assert_eq!(status(dial.to(&app, "CP-2").await), 403);
    // Over wss: Basic as for profile 1.
    assert_eq!(
        status(Dial::default().over(&tls).to(&app, "CP-2").await),
        401
    );
    assert_eq!(
        status(Dial::basic("CP-2", WRONG).over(&tls).to(&app, "CP-2").await),
        401
    );
    let mut cp = booted(Dial::basic("CP-2", KEY).over(&tls).to(&app, "CP-2").await).await;
    cp.call("Heartbeat", json!({})).await;
    // Profile 0 and 1 stations may use the TLS listener too.
    booted(Dial::default().over(&tls).to(&app, "CP-OPEN").await).await;
    // The API answers over https on the same listener.
    let response = reqwest_over_tls(&app, &tls).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    app.stop().await;
}

#[chargegate_test]
async fn profile_2_behind_a_trusted_proxy_that_ends_tls() {
    let app = spawn(|s| s.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()]).await;
    provision(&app, "CP-2P", Some(KEY), 2).await;
    let https = || {
        Dial::basic("CP-2P", KEY)
            .from("198.51.100.7")
            .proto("https")
    };
    booted(https().to(&app, "CP-2P").await).await;
    let plain = Dial::basic("CP-2P", KEY).from("198.51.100.7");
    assert_eq!(status(plain.clone().to(&app, "CP-2P").await), 403);
    assert_eq!(status(plain.proto("http").to(&app, "CP-2P").await), 403);
    // Profile 3 needs the certificate itself: not through a proxy, and not without a listener.
    let (code, message) = app
        .err(
            Some(&app.admin()),
            SET_PROFILE,
            json!({"s": "CP-2P", "p": 3}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("--tls-listen"), "{message}");
    app.stop().await;
}

/// `GET /health` over the TLS listener, by hand (the tests' reqwest has no TLS).
async fn reqwest_over_tls(app: &TestApp, tls: &Arc<ClientConfig>) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.app.tls_addr().unwrap();
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let name = tokio_rustls::rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
    let mut stream = tokio_rustls::TlsConnector::from(tls.clone())
        .connect(name, tcp)
        .await
        .unwrap();
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut body = Vec::new();
    let _ = stream.read_to_end(&mut body).await;
    String::from_utf8_lossy(&body).into_owned()
}

#[chargegate_test]
async fn profile_3_needs_the_stations_own_client_certificate() {
    let pki = Pki::new();
    let app = spawn(|s| pki.configure(s, true)).await;
    provision(&app, "CP-3", None, 3).await;

    // Its own certificate (CN = its id, signed by the configured CA): no Basic needed.
    let own = pki.client(Some(("CP-3", true)));
    let mut cp = booted(Dial::default().over(&own).to(&app, "CP-3").await).await;
    cp.call("Heartbeat", json!({})).await;
    // Another station's certificate: refused.
    let other = pki.client(Some(("CP-4", true)));
    assert_eq!(
        status(Dial::default().over(&other).to(&app, "CP-3").await),
        403
    );
    // No certificate: refused, also with Basic credentials.
    let none = pki.client(None);
    assert_eq!(
        status(Dial::default().over(&none).to(&app, "CP-3").await),
        401
    );
    assert_eq!(
        status(Dial::basic("CP-3", KEY).over(&none).to(&app, "CP-3").await),
        401
    );
    // Over plain ws: refused.
    assert_eq!(status(Dial::default().to(&app, "CP-3").await), 403);
    // A certificate from a CA we do not trust fails the TLS handshake itself.
    let stranger = pki.client(Some(("CP-3", false)));
    match Dial::default().over(&stranger).to(&app, "CP-3").await {
        Ok(_) => panic!("a certificate of an unknown CA was accepted"),
        Err(tungstenite::Error::Http(response)) => {
            panic!(
                "expected a failed TLS handshake, got HTTP {}",
                response.status()
            )
        }
        Err(_) => {}
    }
    // The station that connected is still the one connected.
    cp.call("Heartbeat", json!({})).await;
    // The metrics counted each outcome (the failed TLS handshake once the server has seen it).
    crate::support::eventually("the failed TLS handshake counted", || async {
        (app.app.connections().tls_failures() == 1).then_some(())
    })
    .await;
    let text = app.ctx().metrics.encode();
    for (outcome, n) in [
        ("accepted", 1),
        ("403", 2),
        ("401", 2),
        ("tls_failure", 1),
        ("404", 0),
    ] {
        let line = format!("chargegate_ocpp_handshakes_total{{outcome=\"{outcome}\"}} {n}");
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    app.stop().await;
}

#[chargegate_test]
async fn profile_3_checks_the_cpo_name_and_accepts_the_serial_number_as_cn() {
    let pki = Pki::new();
    // A00.FR.404: with a CPO name, the certificate's O must name it (any case).
    let app = spawn(|s| {
        pki.configure(s, true);
        s.cpo_name = Some("test cpo".into());
    })
    .await;
    provision(&app, "CP-5", None, 3).await;
    let own = pki.client(Some(("CP-5", true)));
    let (mut cp, response) = Dial::default()
        .over(&own)
        .to(&app, "CP-5")
        .await
        .expect("the handshake succeeds");
    assert_eq!(response.status().as_u16(), 101);
    let answer = cp
        .call(
            "BootNotification",
            json!({"chargePointVendor": "VendorA", "chargePointModel": "Secure", "chargePointSerialNumber": "SN-77"}),
        )
        .await;
    assert_eq!(answer["status"], "Accepted");
    drop(cp);
    // A00.FR.405: the CN may be the serial number the station reported.
    let by_serial = pki.client(Some(("SN-77", true)));
    let mut cp = booted(Dial::default().over(&by_serial).to(&app, "CP-5").await).await;
    cp.call("Heartbeat", json!({})).await;
    // Someone else's serial number is not.
    let other_serial = pki.client(Some(("SN-78", true)));
    assert_eq!(
        status(Dial::default().over(&other_serial).to(&app, "CP-5").await),
        403
    );
    app.stop().await;

    // The same certificates under another CPO's name are refused.
    let app = spawn(|s| {
        pki.configure(s, true);
        s.cpo_name = Some("Another Operator".into());
    })
    .await;
    provision(&app, "CP-5", None, 3).await;
    let refused = Dial::default().over(&own).to(&app, "CP-5").await;
    assert_eq!(status(refused), 403);
    app.stop().await;
}

#[chargegate_test]
async fn handshakes_arriving_together_share_one_credentials_read() {
    let app = spawn(|_| {}).await;
    provision(&app, "CP-B7", Some(KEY), 1).await;
    let ids: Vec<String> = (0..200).map(|i| format!("CP-B{i}")).collect();
    let before = app.ctx().store.read_statements();
    let found = futures_util::future::join_all(
        ids.iter()
            .map(|id| chargegate::use_case::station_credentials::credentials(app.ctx(), id)),
    )
    .await;
    let reads = app.ctx().store.read_statements() - before;
    // 200 look-ups, at most 500 to a statement: one read (two if the batch was cut by time).
    assert!(reads <= 2, "{reads} reads for 200 handshakes");
    let found: Vec<_> = found.into_iter().map(Result::unwrap).collect();
    assert_eq!(found.iter().filter(|c| c.is_some()).count(), 1);
    let provisioned = found[7].as_ref().unwrap();
    assert_eq!(provisioned.profile, 1);
    assert!(provisioned.key_hash.is_some());
    app.stop().await;
}

/// A station's status answer and how the API shows it; `None`: a CALLERROR.
type StationAnswer = Option<(&'static str, &'static str)>;

/// Runs `query` while `cp` answers the one CALL it causes with `answer`; returns that CALL's
/// action and payload, and the GraphQL response.
async fn answered(
    app: &TestApp,
    cp: &mut Station,
    query: &str,
    variables: Value,
    answer: Option<Value>,
) -> (String, Value, Value) {
    let request = app.gql_spawned(&app.admin(), query, variables);
    let (id, action, payload) = cp.server_call().await;
    match answer {
        Some(answer) => cp.reply(&id, answer).await,
        None => {
            cp.reply_error(&id, "InternalError", "cannot store it")
                .await
        }
    }
    (action, payload, request.await.unwrap())
}

#[chargegate_test]
async fn a_new_key_is_used_only_once_the_station_accepts_it() {
    let app = spawn(|_| {}).await;
    provision(&app, "CP-R", Some(KEY), 1).await;
    let cp = booted(Dial::basic("CP-R", KEY).to(&app, "CP-R").await).await;
    let mut cp = Some(cp);
    let mut current = KEY;

    // (how, new key, the station's answer (None: a CALLERROR) and how the API shows it,
    // whether the new key is then in use)
    let rotations: [(&str, &str, StationAnswer, bool); 5] = [
        ("mutation", KEY2, Some(("Accepted", "ACCEPTED")), true),
        ("mutation", KEY3, Some(("Rejected", "REJECTED")), false),
        (
            "mutation",
            KEY3,
            Some(("NotSupported", "NOT_SUPPORTED")),
            false,
        ),
        (
            "changeConfiguration",
            KEY3,
            Some(("Accepted", "ACCEPTED")),
            true,
        ),
        ("changeConfiguration", KEY, None, false),
    ];
    for (how, new, answer, used) in rotations {
        let station = cp.as_mut().unwrap();
        let (query, variables) = match how {
            "mutation" => (SET_KEY, json!({"s": "CP-R", "k": new, "send": true})),
            _ => (
                CHANGE,
                json!({"s": "CP-R", "k": "AuthorizationKey", "v": new}),
            ),
        };
        let (action, payload, response) = answered(
            &app,
            station,
            query,
            variables,
            answer.map(|(status, _)| json!({"status": status})),
        )
        .await;
        assert_eq!(action, "ChangeConfiguration");
        assert_eq!(payload, json!({"key": "AuthorizationKey", "value": new}));
        match answer {
            Some((_, shown)) => {
                let field = match how {
                    "mutation" => "setStationAuthorizationKey",
                    _ => "changeConfiguration",
                };
                assert_eq!(response["data"][field]["status"], shown, "{response}");
            }
            None => assert_eq!(
                response["errors"][0]["extensions"]["code"], "STATION_ERROR",
                "{response}"
            ),
        }
        let (works, refused_key) = if used { (new, current) } else { (current, new) };
        assert_eq!(
            status(Dial::basic("CP-R", refused_key).to(&app, "CP-R").await),
            401,
            "{how} {new} answered {answer:?}"
        );
        // The working key connects; this replaces the station's socket, so go on with it.
        drop(cp.take());
        cp = Some(booted(Dial::basic("CP-R", works).to(&app, "CP-R").await).await);
        current = works;
    }

    // A key in the wrong format is refused before anything is sent.
    let station = cp.as_mut().unwrap();
    let bad = [
        (
            SET_KEY,
            json!({"s": "CP-R", "k": "not-a-key", "send": true}),
        ),
        (
            CHANGE,
            json!({"s": "CP-R", "k": "AuthorizationKey", "v": "abc"}),
        ),
    ];
    for (query, variables) in bad {
        let (code, message) = app.err(Some(&app.admin()), query, variables).await;
        assert_eq!(code, "BAD_USER_INPUT");
        assert!(message.contains("hexadecimal"), "{message}");
    }
    assert!(station.silent_for(Duration::from_millis(200)).await);

    // Neither the journal nor the database holds any of the keys.
    let journal = ocpp_message::Entity::find().all(app.db()).await.unwrap();
    assert!(
        journal
            .iter()
            .any(|m| m.payload().contains(r#""value":"***""#))
    );
    for key in [KEY, KEY2, KEY3] {
        for row in &journal {
            assert!(
                !row.payload().to_lowercase().contains(&key.to_lowercase()),
                "journaled: {}",
                row.payload()
            );
        }
        let hash = stored_hash(&app, "CP-R").await.unwrap();
        assert!(!hash.to_lowercase().contains(&key.to_lowercase()));
    }
    app.stop().await;
}

#[chargegate_test]
async fn provisioning_rules_and_roles() {
    let app = spawn(|_| {}).await;
    let admin = app.admin();
    let operator = app.token(Role::Operator, "op", None);
    let viewer = app.token(Role::Viewer, "v", None);
    let driver = app.token(Role::Driver, "d", None);
    app.ok(
        &admin,
        "mutation { approveStation(id: \"CP-P\") { id } }",
        json!({}),
    )
    .await;
    let cases: Vec<(&str, &str, Value, &str)> = vec![
        (
            &viewer,
            SET_KEY,
            json!({"s": "CP-P", "k": KEY}),
            "FORBIDDEN",
        ),
        (
            &driver,
            SET_PROFILE,
            json!({"s": "CP-P", "p": 1}),
            "FORBIDDEN",
        ),
        (
            &admin,
            SET_KEY,
            json!({"s": "CP-NONE", "k": KEY}),
            "NOT_FOUND",
        ),
        (
            &admin,
            SET_KEY,
            json!({"s": "CP-P", "k": "0123456789abcdef"}),
            "BAD_USER_INPUT",
        ),
        (
            &admin,
            SET_PROFILE,
            json!({"s": "CP-P", "p": 4}),
            "BAD_USER_INPUT",
        ),
        (
            &admin,
            SET_PROFILE,
            json!({"s": "CP-P", "p": -1}),
            "BAD_USER_INPUT",
        ),
        // Profile 1 without a key, profile 2 or 3 without TLS: the station could not connect.
        (
            &admin,
            SET_PROFILE,
            json!({"s": "CP-P", "p": 1}),
            "BAD_USER_INPUT",
        ),
        (
            &admin,
            SET_PROFILE,
            json!({"s": "CP-NONE", "p": 0}),
            "NOT_FOUND",
        ),
        // Sending to a station that is not connected.
        (
            &admin,
            SET_KEY,
            json!({"s": "CP-P", "k": KEY, "send": true}),
            "STATION_OFFLINE",
        ),
    ];
    for (token, query, variables, expected) in cases {
        let (code, message) = app.err(Some(token), query, variables.clone()).await;
        assert_eq!(code, expected, "{variables}: {message}");
        assert!(!message.contains(KEY), "{message}");
    }
    assert_eq!(stored_hash(&app, "CP-P").await, None);
    app.ok(&operator, SET_KEY, json!({"s": "CP-P", "k": KEY}))
        .await;
    app.ok(&operator, SET_PROFILE, json!({"s": "CP-P", "p": 1}))
        .await;
    let (code, message) = app
        .err(Some(&operator), SET_PROFILE, json!({"s": "CP-P", "p": 2}))
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(message.contains("TLS"), "{message}");
    // Lowering: administrators only.
    let (code, _) = app
        .err(Some(&operator), SET_PROFILE, json!({"s": "CP-P", "p": 0}))
        .await;
    assert_eq!(code, "FORBIDDEN");
    let data = app
        .ok(&admin, SET_PROFILE, json!({"s": "CP-P", "p": 0}))
        .await;
    assert_eq!(data["setStationSecurityProfile"]["securityProfile"], 0);
    // Drivers see the profile but not whether a key is set.
    let data = app
        .ok(
            &driver,
            "{ station(id: \"CP-P\") { securityProfile hasAuthorizationKey } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data["station"],
        json!({"securityProfile": 0, "hasAuthorizationKey": null})
    );
    app.stop().await;
}

#[chargegate_test]
async fn a_security_profile_is_raised_only_on_accepted_and_never_lowered_through_ocpp() {
    let pki = Pki::new();
    let app = spawn(|s| pki.configure(s, true)).await;
    provision(&app, "CP-U", Some(KEY), 1).await;
    let mut cp = booted(Dial::basic("CP-U", KEY).to(&app, "CP-U").await).await;
    let profile = || async {
        app.ok(
            &app.admin(),
            "{ station(id: \"CP-U\") { securityProfile } }",
            json!({}),
        )
        .await["station"]["securityProfile"]
            .clone()
    };

    // Lowering is refused before anything is sent; so is a value that is not a profile.
    for value in ["0", "4", "two"] {
        let (code, message) = app
            .err(
                Some(&app.admin()),
                CHANGE,
                json!({"s": "CP-U", "k": "SecurityProfile", "v": value}),
            )
            .await;
        assert_eq!(code, "BAD_USER_INPUT", "{value}");
        if value == "0" {
            assert!(message.contains("cannot be lowered"), "{message}");
        }
    }
    assert!(cp.silent_for(Duration::from_millis(200)).await);

    // Raising: Rejected keeps profile 1; the key's case does not matter.
    let variables = json!({"s": "CP-U", "k": "securityprofile", "v": "2"});
    let (_, payload, response) = answered(
        &app,
        &mut cp,
        CHANGE,
        variables,
        Some(json!({"status": "Rejected"})),
    )
    .await;
    assert_eq!(payload, json!({"key": "securityprofile", "value": "2"}));
    assert_eq!(
        response["data"]["changeConfiguration"]["status"],
        "REJECTED"
    );
    assert_eq!(profile().await, 1);
    // Accepted stores 2: from now on the station must come over wss.
    let variables = json!({"s": "CP-U", "k": "SecurityProfile", "v": "2"});
    let (_, _, response) = answered(
        &app,
        &mut cp,
        CHANGE,
        variables,
        Some(json!({"status": "Accepted"})),
    )
    .await;
    assert_eq!(
        response["data"]["changeConfiguration"]["status"],
        "ACCEPTED"
    );
    assert_eq!(profile().await, 2);
    assert_eq!(status(Dial::basic("CP-U", KEY).to(&app, "CP-U").await), 403);
    let tls = pki.client(None);
    let mut cp = booted(Dial::basic("CP-U", KEY).over(&tls).to(&app, "CP-U").await).await;
    // And back to 1 is refused now.
    let (code, _) = app
        .err(
            Some(&app.admin()),
            CHANGE,
            json!({"s": "CP-U", "k": "SecurityProfile", "v": "1"}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert!(cp.silent_for(Duration::from_millis(200)).await);
    assert_eq!(profile().await, 2);
    app.stop().await;
}

/// A change to the settings.
type Configure<'a> = Box<dyn Fn(&mut Settings) + 'a>;

#[chargegate_test]
async fn tls_settings_are_checked_at_start() {
    let pki = Pki::new();
    let cases: Vec<(Configure, &str)> = vec![
        (
            Box::new(|s: &mut Settings| s.tls_cert = Some(pki.path("server.pem"))),
            "--tls-listen",
        ),
        (
            Box::new(|s: &mut Settings| s.tls_listen = Some("127.0.0.1:0".parse().unwrap())),
            "--tls-cert",
        ),
        (
            Box::new(|s: &mut Settings| s.default_security_profile = 2),
            "TLS",
        ),
        (
            Box::new(|s: &mut Settings| {
                pki.configure(s, false);
                s.default_security_profile = 3;
            }),
            "--tls-client-ca",
        ),
        (
            Box::new(|s: &mut Settings| {
                pki.configure(s, false);
                s.tls_key = Some(pki.path("client-ca.pem"));
            }),
            "private key",
        ),
    ];
    for (configure, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut settings =
            Settings::with_database(format!("sqlite://{}", dir.path().join("db").display()));
        settings.jwt_secret_file = Some(dir.path().join("secret"));
        configure(&mut settings);
        let error = match chargegate::App::build(settings).await {
            Ok(_) => panic!("started with bad TLS settings ({expected})"),
            Err(e) => format!("{e:#}"),
        };
        assert!(error.contains(expected), "{error}");
    }
}

#[chargegate_test]
async fn default_profile_3_lets_certificates_in() {
    let pki = Pki::new();
    let app = spawn(|s| {
        pki.configure(s, true);
        s.default_security_profile = 3;
    })
    .await;
    // An unknown station with its own certificate is registered (unknown stations: accept).
    booted(
        Dial::default()
            .over(&pki.client(Some(("CP-NEW", true))))
            .to(&app, "CP-NEW")
            .await,
    )
    .await;
    let data = app
        .ok(
            &app.admin(),
            "{ station(id: \"CP-NEW\") { securityProfile hasAuthorizationKey } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data["station"],
        json!({"securityProfile": 3, "hasAuthorizationKey": false})
    );
    // Without one, nobody gets in.
    assert_eq!(status(Dial::default().to(&app, "CP-NEW2").await), 403);
    assert_eq!(
        status(
            Dial::default()
                .over(&pki.client(None))
                .to(&app, "CP-NEW2")
                .await
        ),
        401
    );
    app.stop().await;
}
