//! Who is calling the API: JWT bearer tokens (HS256 with chargegate's own secret, or RS256 /
//! ES256 from an outside identity provider), the claims they carry, roles, and station scoping.
//!
//! A token proves a [`Principal`]: a subject, a [`Role`] and optionally the stations it may see
//! and command. The API checks every operation against it; nothing here knows about GraphQL.

use std::{collections::BTreeSet, fmt, path::Path, str::FromStr};

use anyhow::Context as _;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};

use crate::config::{ExternalAlgorithm, Settings};

/// What a principal may do. Ordered by power for the staff roles; `Driver` stands apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including accounts.
    Admin,
    /// All queries, remote commands, id tags, station approval.
    Operator,
    /// Read-only queries and subscriptions.
    Viewer,
    /// The transactions of its own id tags, and remote start/stop with them.
    Driver,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Operator => "operator",
            Self::Viewer => "viewer",
            Self::Driver => "driver",
        }
    }

    /// Staff roles see the whole system (within their station scope).
    pub fn is_staff(self) -> bool {
        !matches!(self, Self::Driver)
    }

    /// May send commands and manage id tags and stations.
    pub fn can_operate(self) -> bool {
        matches!(self, Self::Admin | Self::Operator)
    }

    /// Whether everything `other` may do, this role may do too (an administrator includes
    /// every role; an operator also a driver, who starts and stops with its own tags).
    pub fn includes(self, other: Role) -> bool {
        match self {
            Self::Admin => true,
            Self::Operator => other != Self::Admin,
            Self::Viewer | Self::Driver => other == self,
        }
    }
}

/// A role name that is none of admin, operator, viewer or driver.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}` (admin, operator, viewer or driver)")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "admin" => Ok(Self::Admin),
            "operator" => Ok(Self::Operator),
            "viewer" => Ok(Self::Viewer),
            "driver" => Ok(Self::Driver),
            other => Err(UnknownRole(other.to_owned())),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The claims chargegate reads from a token. `aud` (a string or a list) and `nbf` are checked
/// by the validation itself, so they are not read here.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    pub role: Role,
    /// The stations this token may see and command; absent means all, empty means none.
    #[serde(default)]
    pub stations: Option<Vec<String>>,
}

/// The claims chargegate writes into its own tokens.
#[derive(Serialize)]
struct IssuedClaims<'a> {
    sub: &'a str,
    exp: i64,
    iat: i64,
    aud: &'a str,
    role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    stations: Option<Vec<String>>,
}

/// An authenticated caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub sub: String,
    pub role: Role,
    /// `None`: every station.
    pub stations: Option<BTreeSet<String>>,
    /// When the token stops being valid (long-lived subscriptions end then).
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

impl Principal {
    /// Whether the principal may see (and, with the right role, command) `station_id`.
    pub fn may_access(&self, station_id: &str) -> bool {
        self.stations
            .as_ref()
            .is_none_or(|allowed| allowed.contains(station_id))
    }
}

/// Why a token was refused. The message is safe to show to the caller.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// Not three Base64 parts with a readable header.
    #[error("the token is not a well-formed JWT")]
    Malformed,
    /// Its header names an algorithm outside the allow-list (HS256 and the configured
    /// provider's).
    #[error("tokens signed with {0:?} are not accepted")]
    AlgorithmRefused(Algorithm),
    #[error("the token has expired")]
    Expired,
    /// Its `nbf` is still to come.
    #[error("the token is not valid yet")]
    NotYetValid,
    #[error("the token is for another audience")]
    WrongAudience,
    #[error("the token's signature is not valid")]
    BadSignature,
    /// `exp`, `sub` or `aud` is missing (the claim named).
    #[error("the token lacks a required claim")]
    MissingClaim(String),
    /// The signing key does not go with the algorithm of the header.
    #[error("the token's algorithm is not accepted")]
    AlgorithmMismatch,
    /// The claims do not read as chargegate's (a missing or unknown role, a wrong type).
    #[error("the token's claims are not valid (sub, exp, aud, role)")]
    BadClaims,
    /// Refused by the validation for another reason.
    #[error("the token is not valid")]
    Invalid,
    #[error("the token's subject is empty")]
    EmptySubject,
}

impl AuthError {
    /// Why the validation refused a token.
    fn refused(e: &jsonwebtoken::errors::Error) -> Self {
        match e.kind() {
            ErrorKind::ExpiredSignature => Self::Expired,
            ErrorKind::ImmatureSignature => Self::NotYetValid,
            ErrorKind::InvalidAudience => Self::WrongAudience,
            ErrorKind::InvalidSignature => Self::BadSignature,
            ErrorKind::MissingRequiredClaim(claim) => Self::MissingClaim(claim.clone()),
            ErrorKind::InvalidAlgorithm => Self::AlgorithmMismatch,
            ErrorKind::Json(_) => Self::BadClaims,
            _ => Self::Invalid,
        }
    }
}

/// Verifies tokens and signs chargegate's own.
#[derive(Clone)]
pub struct Keys {
    secret_encoding: EncodingKey,
    secret_decoding: DecodingKey,
    external: Option<(Algorithm, DecodingKey)>,
    audience: String,
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keys")
            .field("external", &self.external.as_ref().map(|(alg, _)| alg))
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

impl Keys {
    /// The token keys these settings describe: the configured or stored HS256 secret, and the
    /// outside provider's public key when one is set.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let secret = match &settings.jwt_secret {
            Some(secret) => secret.0.as_bytes().to_vec(),
            None => load_or_create_secret(&settings.jwt_secret_path())?,
        };
        let public_key =
            match &settings.jwt_public_key {
                Some(path) => Some(std::fs::read(path).with_context(|| {
                    format!("cannot read the JWT public key {}", path.display())
                })?),
                None => None,
            };
        Self::new(
            &secret,
            public_key
                .as_deref()
                .map(|pem| (settings.jwt_algorithm, pem)),
            &settings.jwt_audience,
        )
    }

    /// `secret` signs and verifies HS256 tokens; `external` adds an RS256 or ES256 public key
    /// (PEM) whose tokens are accepted too.
    pub fn new(
        secret: &[u8],
        external: Option<(ExternalAlgorithm, &[u8])>,
        audience: &str,
    ) -> anyhow::Result<Self> {
        anyhow::ensure!(
            secret.len() >= 32,
            "the JWT secret must be at least 32 bytes"
        );
        let external = match external {
            None => None,
            Some((ExternalAlgorithm::Rs256, pem)) => Some((
                Algorithm::RS256,
                DecodingKey::from_rsa_pem(pem)
                    .context("the JWT public key is not an RSA PEM key")?,
            )),
            Some((ExternalAlgorithm::Es256, pem)) => Some((
                Algorithm::ES256,
                DecodingKey::from_ec_pem(pem).context("the JWT public key is not an EC PEM key")?,
            )),
        };
        Ok(Self {
            secret_encoding: EncodingKey::from_secret(secret),
            secret_decoding: DecodingKey::from_secret(secret),
            external,
            audience: audience.to_owned(),
        })
    }

    /// Signs an HS256 token for `sub`, valid for `ttl` from now.
    pub fn issue(
        &self,
        sub: &str,
        role: Role,
        stations: Option<Vec<String>>,
        ttl: std::time::Duration,
    ) -> anyhow::Result<(String, chrono::DateTime<chrono::Utc>)> {
        let now = chrono::Utc::now();
        let expires = chrono::Duration::from_std(ttl)
            .ok()
            .and_then(|ttl| now.checked_add_signed(ttl))
            .context("token lifetime too long")?;
        let claims = IssuedClaims {
            sub,
            exp: expires.timestamp(),
            iat: now.timestamp(),
            aud: &self.audience,
            role,
            stations,
        };
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.secret_encoding,
        )
        .context("cannot sign the token")?;
        Ok((token, expires))
    }

    /// Checks a token's signature (against an allow-list of algorithms), expiry, not-before,
    /// audience and required claims.
    pub fn verify(&self, token: &str) -> Result<Principal, AuthError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| AuthError::Malformed)?;
        let key = match header.alg {
            Algorithm::HS256 => &self.secret_decoding,
            alg => match &self.external {
                Some((expected, key)) if *expected == alg => key,
                _ => return Err(AuthError::AlgorithmRefused(alg)),
            },
        };
        let mut validation = Validation::new(header.alg);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        let data = jsonwebtoken::decode::<Claims>(token, key, &validation)
            .map_err(|e| AuthError::refused(&e))?;
        let claims = data.claims;
        if claims.sub.is_empty() {
            return Err(AuthError::EmptySubject);
        }
        let expires_at = i64::try_from(claims.exp)
            .ok()
            .and_then(|exp| chrono::DateTime::from_timestamp(exp, 0))
            .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC);
        Ok(Principal {
            sub: claims.sub,
            role: claims.role,
            stations: claims.stations.map(|s| s.into_iter().collect()),
            expires_at,
        })
    }
}

/// Reads the HS256 secret from `path`, or creates it there (32 random bytes, hex, mode 0600)
/// when it does not exist.
pub fn load_or_create_secret(path: &Path) -> anyhow::Result<Vec<u8>> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(path)?.permissions().mode();
                anyhow::ensure!(
                    mode & 0o077 == 0,
                    "the JWT secret file {} may be read by others (mode {:o}); make it private: chmod 600 {}",
                    path.display(),
                    mode & 0o777,
                    path.display()
                );
            }
            let secret = text.trim().as_bytes().to_vec();
            anyhow::ensure!(
                secret.len() >= 32,
                "the JWT secret in {} is shorter than 32 bytes",
                path.display()
            );
            Ok(secret)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("no randomness for the JWT secret: {e}"))?;
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            write_private(path, &hex)?;
            tracing::info!(file = %path.display(), "generated a JWT secret");
            Ok(hex.into_bytes())
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn keys() -> Keys {
        Keys::new(SECRET, None, "chargegate").unwrap()
    }

    fn token(claims: serde_json::Value, alg: Algorithm, key: &EncodingKey) -> String {
        jsonwebtoken::encode(&Header::new(alg), &claims, key).unwrap()
    }

    fn in_an_hour() -> u64 {
        (chrono::Utc::now().timestamp() + 3600) as u64
    }

    #[test]
    fn issued_tokens_verify() {
        let keys = keys();
        let (token, _) = keys
            .issue(
                "alice",
                Role::Operator,
                Some(vec!["CP1".into()]),
                Duration::from_secs(60),
            )
            .unwrap();
        let principal = keys.verify(&token).unwrap();
        assert_eq!(principal.sub, "alice");
        assert_eq!(principal.role, Role::Operator);
        assert!(principal.may_access("CP1"));
        assert!(!principal.may_access("CP2"));
    }

    #[test]
    fn bad_tokens_are_refused_with_a_reason() {
        let keys = keys();
        let secret = EncodingKey::from_secret(SECRET);
        let good = serde_json::json!({"sub": "a", "exp": in_an_hour(), "aud": "chargegate", "role": "admin"});
        assert!(
            keys.verify(&token(good.clone(), Algorithm::HS256, &secret))
                .is_ok()
        );

        let mut expired = good.clone();
        expired["exp"] = serde_json::json!(1_000);
        assert_eq!(
            keys.verify(&token(expired, Algorithm::HS256, &secret))
                .unwrap_err()
                .to_string(),
            "the token has expired"
        );
        let mut early = good.clone();
        early["nbf"] = serde_json::json!(in_an_hour());
        assert_eq!(
            keys.verify(&token(early, Algorithm::HS256, &secret))
                .unwrap_err()
                .to_string(),
            "the token is not valid yet"
        );
        let mut other = good.clone();
        other["aud"] = serde_json::json!("someone-else");
        assert_eq!(
            keys.verify(&token(other, Algorithm::HS256, &secret))
                .unwrap_err()
                .to_string(),
            "the token is for another audience"
        );
        let mut no_role = good.clone();
        no_role.as_object_mut().unwrap().remove("role");
        assert!(
            keys.verify(&token(no_role, Algorithm::HS256, &secret))
                .is_err()
        );
        let wrong_secret = EncodingKey::from_secret(b"another secret another secret 32");
        assert_eq!(
            keys.verify(&token(good.clone(), Algorithm::HS256, &wrong_secret))
                .unwrap_err()
                .to_string(),
            "the token's signature is not valid"
        );
        // HS512 is not on the allow-list, even with the right secret.
        assert!(
            keys.verify(&token(good, Algorithm::HS512, &secret))
                .is_err()
        );
    }

    #[test]
    fn alg_none_is_refused() {
        use base64_like::encode;
        let header = encode(br#"{"alg":"none","typ":"JWT"}"#);
        let claims = encode(
            format!(
                r#"{{"sub":"a","exp":{},"aud":"chargegate","role":"admin"}}"#,
                in_an_hour()
            )
            .as_bytes(),
        );
        assert!(keys().verify(&format!("{header}.{claims}.")).is_err());
    }

    /// URL-safe base64 without padding, enough for building a hand-made token.
    mod base64_like {
        pub fn encode(bytes: &[u8]) -> String {
            const TABLE: &[u8; 64] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let n = chunk
                    .iter()
                    .enumerate()
                    .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
                for i in 0..=chunk.len() {
                    out.push(TABLE[((n >> (18 - 6 * i)) & 63) as usize] as char);
                }
            }
            out
        }
    }

    #[test]
    fn audiences_may_be_lists_and_stations_may_be_empty() {
        let keys = keys();
        let secret = EncodingKey::from_secret(SECRET);
        let listed = serde_json::json!({"sub": "a", "exp": in_an_hour(), "aud": ["other", "chargegate"], "role": "viewer", "stations": []});
        let principal = keys
            .verify(&token(listed, Algorithm::HS256, &secret))
            .unwrap();
        assert_eq!(principal.stations, Some(Default::default()));
        assert!(
            !principal.may_access("CP1"),
            "an empty list allows no station"
        );
        let elsewhere = serde_json::json!({"sub": "a", "exp": in_an_hour(), "aud": ["other"], "role": "viewer"});
        assert!(
            keys.verify(&token(elsewhere, Algorithm::HS256, &secret))
                .is_err()
        );
    }

    #[test]
    fn absurd_lifetimes_are_refused_not_panicked_on() {
        assert!(
            keys()
                .issue("a", Role::Admin, None, Duration::from_secs(u64::MAX / 4))
                .is_err()
        );
    }

    #[test]
    fn secrets_are_created_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jwt-secret");
        let first = load_or_create_secret(&path).unwrap();
        assert_eq!(first.len(), 64);
        assert_eq!(load_or_create_secret(&path).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            // A secret others may read is refused.
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let refused = load_or_create_secret(&path).unwrap_err().to_string();
            assert!(refused.contains("chmod 600"), "{refused}");
        }
    }
}
