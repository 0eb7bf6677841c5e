//! Station authentication in the WebSocket handshake, before the upgrade (OCPP 1.6 Security
//! Whitepaper §2): the station's profile decides what it must show.
//!
//! | Profile | Transport | Credentials | Refusals |
//! |---|---|---|---|
//! | 0 | `ws://` or `wss://` | none | |
//! | 1 | `ws://` or `wss://` | HTTP Basic: its id and its AuthorizationKey | 401, 429 |
//! | 2 | `wss://` only (or TLS ended by a trusted proxy) | HTTP Basic, as 1 | 403 over `ws://`; 401, 429 |
//! | 3 | `wss://` only | a client certificate verified against `--tls-client-ca` whose subject CN is its id | 403 over `ws://`; 401 without a certificate, 403 for another CN |
//!
//! An unknown station has the default profile (and, under `--unknown-stations reject`, gets
//! 404 first); connecting registers it, at most `--new-stations-per-address` per client address
//! and hour (then 429 with `Retry-After`). Failed Basic logins are counted per charge point id and per client address;
//! past the limit the handshake gets 429 with `Retry-After`, whatever the credentials.

use std::{
    net::{IpAddr, SocketAddr},
    time::{Duration, Instant},
};

use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use base64::Engine as _;
use tracing::{info, warn};

use crate::{
    config::UnknownStationPolicy,
    context::Context,
    serve::TlsPeer,
    use_case::station_credentials::{self, Credentials},
};

/// The challenge of a 401 (RFC 7617).
pub const CHALLENGE: &str = "Basic realm=\"chargegate OCPP\", charset=\"UTF-8\"";

/// The refusal of a handshake without credentials (the first request of RFC 7617).
const CHALLENGE_ONLY: &str = "HTTP Basic authentication required";

/// Why a handshake is refused; each is one HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The station's credentials could not be read (503).
    Unavailable,
    /// Unknown, under `--unknown-stations reject` (404).
    UnknownStation,
    /// Profile 2 or 3 over `ws://` (403).
    NeedsTls,
    /// No or wrong credentials (401 with the Basic challenge).
    Unauthorized(&'static str),
    /// Too many failed logins (429 with `Retry-After`).
    TooMany(Duration),
    /// Too many unknown stations registered from this address (429 with `Retry-After`).
    TooManyNew(Duration),
    /// A client certificate of another charge point (403).
    OtherCertificate,
    /// A client certificate whose O does not name the CPO (403).
    NotTheCpos,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE.into_response(),
            Self::UnknownStation => (StatusCode::NOT_FOUND, "unknown charge point").into_response(),
            Self::NeedsTls => (
                StatusCode::FORBIDDEN,
                "this charge point's security profile requires TLS: connect with wss://",
            )
                .into_response(),
            Self::Unauthorized(reason) => (
                StatusCode::UNAUTHORIZED,
                [(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(CHALLENGE),
                )],
                reason,
            )
                .into_response(),
            Self::TooMany(wait) => too_many(
                wait,
                "too many failed logins for this charge point or address; try again later",
            ),
            Self::TooManyNew(wait) => too_many(
                wait,
                "too many new charge points from this address; try again later, or have an \
                 operator register this one",
            ),
            Self::OtherCertificate => (
                StatusCode::FORBIDDEN,
                "the client certificate's subject CN is neither this charge point id nor its serial number",
            )
                .into_response(),
            Self::NotTheCpos => (
                StatusCode::FORBIDDEN,
                "the client certificate's subject O does not name the CPO",
            )
                .into_response(),
        }
    }
}

impl Refusal {
    /// The HTTP status and reason, as the operators' `attention` list shows it; `None` for the
    /// first request of RFC 7617, which carries no credentials and is not a failure.
    pub fn summary(&self) -> Option<String> {
        let (status, reason) = match self {
            Self::Unauthorized(CHALLENGE_ONLY) => return None,
            Self::Unavailable => (503, "credentials could not be read"),
            Self::UnknownStation => (404, "unknown charge point"),
            Self::NeedsTls => (403, "TLS required"),
            Self::Unauthorized(reason) => (401, *reason),
            Self::TooMany(_) => (429, "too many failed logins"),
            Self::TooManyNew(_) => (429, "too many new charge points from this address"),
            Self::OtherCertificate => (403, "client certificate of another charge point"),
            Self::NotTheCpos => (403, "client certificate not the CPO's"),
        };
        Some(format!("{status} {reason}"))
    }
}

/// 429 with `Retry-After` in whole seconds (at least one).
fn too_many(wait: Duration, reason: &'static str) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, seconds.max(1).to_string())],
        reason,
    )
        .into_response()
}

/// Lets the handshake of station `id` from `peer` proceed, or answers the refusal. `tls` is
/// the TLS connection's peer, `None` on the plain listener.
///
/// Behind a trusted proxy (`--trusted-proxies`) the client address comes from
/// `X-Forwarded-For`, and `X-Forwarded-Proto: https` counts as TLS for profile 2, so that a
/// load balancer may terminate TLS; profile 3 needs the certificate itself, so only
/// chargegate's own TLS listener serves it.
pub async fn admit(
    ctx: &Context,
    id: &str,
    headers: &HeaderMap,
    peer: SocketAddr,
    tls: Option<&TlsPeer>,
) -> Result<(), Refusal> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let settings = &ctx.settings;
    let client = settings.client_ip(peer.ip(), header("x-forwarded-for"));
    let proxied_tls = settings
        .trusted_proxies
        .iter()
        .any(|block| block.contains(peer.ip()))
        && header("x-forwarded-proto").is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    let known = match station_credentials::credentials(ctx, id).await {
        Ok(known) => known,
        Err(e) => {
            // Without the stored profile nothing can be decided: refuse rather than guess.
            warn!(station = %id, error = %e, "cannot look up station");
            return Err(Refusal::Unavailable);
        }
    };
    let Credentials {
        profile,
        key_hash,
        serials,
    } = match known {
        Some(credentials) => credentials,
        None if ctx.settings.unknown_stations == UnknownStationPolicy::Reject => {
            info!(station = %id, "unknown station refused");
            return Err(Refusal::UnknownStation);
        }
        None => {
            // Connecting registers it: bounded per address (`--new-stations-per-address`).
            let address = crate::throttle::address_key(client);
            if let Err(wait) = ctx.new_stations.admit(&address, Instant::now()) {
                info!(station = %id, %client, "unknown station refused: too many new stations from this address");
                return Err(Refusal::TooManyNew(wait));
            }
            Credentials {
                profile: ctx.settings.default_security_profile,
                key_hash: None,
                serials: Vec::new(),
            }
        }
    };
    if profile == 0 {
        return Ok(());
    }
    if (profile == 2 && tls.is_none() && !proxied_tls) || (profile == 3 && tls.is_none()) {
        info!(station = %id, %client, profile, "station refused: its security profile needs wss:// (TLS)");
        return Err(Refusal::NeedsTls);
    }
    if profile == 3 {
        return client_certificate(id, &serials, ctx.settings.cpo_name.as_deref(), client, tls);
    }
    let Some(key_hash) = key_hash else {
        warn!(station = %id, %client, profile, "station refused: its security profile needs HTTP Basic, but it has no AuthorizationKey (set one with setStationAuthorizationKey)");
        return Err(Refusal::Unauthorized(
            "no credentials are configured for this charge point",
        ));
    };
    let Some(authorization) = headers.get(header::AUTHORIZATION) else {
        // The first request of RFC 7617 carries no credentials: the challenge is not a failure.
        info!(station = %id, %client, "station refused: no Authorization header (HTTP Basic needed)");
        return Err(Refusal::Unauthorized(CHALLENGE_ONLY));
    };
    let limits = &ctx.station_logins;
    let now = Instant::now();
    let address = crate::throttle::address_key(client);
    // The attempt counts before the check (so that parallel guesses cannot all slip under the
    // limit) and is taken back if it succeeds.
    if let Err(wait) = limits.per_station.attempt(id, now) {
        info!(station = %id, %client, "station login throttled (too many failures for this id)");
        return Err(Refusal::TooMany(wait));
    }
    if let Err(wait) = limits.per_address.attempt(&address, now) {
        limits.per_station.succeeded(id, now);
        info!(station = %id, %client, "station login throttled (too many failures from this address)");
        return Err(Refusal::TooMany(wait));
    }
    match check_basic(authorization, id, &key_hash) {
        Ok(()) => {
            limits.per_station.succeeded(id, now);
            limits.per_address.succeeded(&address, now);
            Ok(())
        }
        Err(reason) => {
            // A security event (whitepaper A00.FR.323); never the password itself.
            info!(station = %id, %client, reason, "station refused: failed HTTP Basic login");
            Err(Refusal::Unauthorized(
                "wrong charge point id or AuthorizationKey",
            ))
        }
    }
}

/// Checks `Authorization: Basic base64(id:key)` against the stored hash.
fn check_basic(value: &HeaderValue, id: &str, key_hash: &str) -> Result<(), &'static str> {
    let value = value.as_bytes();
    let scheme_len = "basic ".len();
    if value.len() < scheme_len || !value[..scheme_len].eq_ignore_ascii_case(b"basic ") {
        return Err("not HTTP Basic");
    }
    let encoded = value[scheme_len..].trim_ascii();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .map_err(|_| "unreadable Basic credentials")?;
    // The user is the charge point id as in the URL (A00.FR.204); an id may itself contain
    // ':', so the password starts after the id, not after the first ':'.
    let password = decoded
        .strip_prefix(id.as_bytes())
        .and_then(|rest| rest.strip_prefix(b":"))
        .ok_or("the user is not the charge point id")?;
    if station_credentials::verify_key(key_hash, password) {
        Ok(())
    } else {
        Err("wrong AuthorizationKey")
    }
}

/// Profile 3: a verified client certificate whose subject CN is the charge point id.
/// Profile 3: a verified client certificate whose CN is the charge point id or one of the
/// serial numbers it reported (A00.FR.405 asks for the serial number; before a station's first
/// boot only its id is known), and, with `--cpo-name`, whose O names the CPO (A00.FR.404).
fn client_certificate(
    id: &str,
    serials: &[String],
    cpo_name: Option<&str>,
    client: IpAddr,
    tls: Option<&TlsPeer>,
) -> Result<(), Refusal> {
    let Some(peer) = tls.filter(|p| p.client_certificate) else {
        info!(station = %id, %client, "station refused: security profile 3 needs a client certificate");
        return Err(Refusal::Unauthorized(
            "this charge point must present its client certificate",
        ));
    };
    let cn = peer.client_cn.as_deref();
    if !cn.is_some_and(|cn| cn == id || serials.iter().any(|s| s == cn)) {
        info!(station = %id, %client, cn = ?cn, "station refused: the client certificate belongs to another charge point");
        return Err(Refusal::OtherCertificate);
    }
    if let Some(cpo) = cpo_name
        && !crate::use_case::security_ext::names_cpo(peer.client_org.as_deref(), cpo)
    {
        info!(station = %id, %client, o = ?peer.client_org, "station refused: the client certificate is not the CPO's (its O does not name --cpo-name)");
        return Err(Refusal::NotTheCpos);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic(credentials: &[u8]) -> HeaderValue {
        let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
        HeaderValue::from_str(&format!("Basic {encoded}")).unwrap()
    }

    #[test]
    fn basic_credentials_name_the_station_and_carry_its_key() {
        let key = "0001020304050607FFFFFFFFFFFFFFFFFFFFFFFF";
        let hash = station_credentials::hash_key(&station_credentials::key_bytes(key).unwrap());
        let ok = |value: &HeaderValue, id: &str| check_basic(value, id, &hash);
        assert_eq!(
            ok(&basic(format!("AL1000:{key}").as_bytes()), "AL1000"),
            Ok(())
        );
        // OCPP-J 1.6 §6.2.2's example: the key's 20 bytes themselves.
        let mut raw = b"AL1000:".to_vec();
        raw.extend(station_credentials::key_bytes(key).unwrap());
        assert_eq!(ok(&basic(&raw), "AL1000"), Ok(()));
        assert_eq!(
            check_basic(
                &HeaderValue::from_static("Basic QUwxMDAwOgABAgMEBQYH////////////////"),
                "AL1000",
                &hash
            ),
            Ok(())
        );
        // An id with a colon in it.
        assert_eq!(ok(&basic(format!("a:b:{key}").as_bytes()), "a:b"), Ok(()));
        // The scheme in any case.
        let lower = basic(format!("AL1000:{key}").as_bytes())
            .to_str()
            .unwrap()
            .replace("Basic", "bAsIc");
        assert_eq!(
            ok(&HeaderValue::from_str(&lower).unwrap(), "AL1000"),
            Ok(())
        );

        assert!(ok(&basic(format!("AL1001:{key}").as_bytes()), "AL1000").is_err());
        assert!(ok(&basic(format!("AL1000{key}").as_bytes()), "AL1000").is_err());
        assert!(
            ok(
                &basic(b"AL1000:0001020304050607FFFFFFFFFFFFFFFFFFFFFFFE"),
                "AL1000"
            )
            .is_err()
        );
        assert!(ok(&HeaderValue::from_static("Bearer abc"), "AL1000").is_err());
        assert!(ok(&HeaderValue::from_static("Basic !!!"), "AL1000").is_err());
        assert!(ok(&HeaderValue::from_static("Basic"), "AL1000").is_err());
    }
}
