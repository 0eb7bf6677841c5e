//! Station credentials of the OCPP 1.6 Security Whitepaper: each station's security profile
//! (0–3) and the hash of its AuthorizationKey (the HTTP Basic password of profiles 1 and 2),
//! and the use cases that change them: provisioning by an operator, and ChangeConfiguration of
//! `AuthorizationKey` or `SecurityProfile`, whose result is stored only when the station answers
//! Accepted (the throttle on failed handshakes is in `throttle.rs`).
//!
//! Like every use case, it writes through the store's writer. The handshake check that uses all of this is `link::authentication`.

use entity::station;
use hmac::{KeyInit, Mac};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use subtle::ConstantTimeEq;

use crate::{
    context::Context,
    store::StoreError,
    use_case::command::{OnBehalf, Refused, text},
};
use ocpp::v16::ConfigurationStatus;

/// The highest security profile (TLS with client-side certificates).
pub const MAX_PROFILE: u8 = 3;

/// The configuration keys with a rule of their own (compared without regard to case, as OCPP
/// configuration keys are `CiString`s).
pub const AUTHORIZATION_KEY: &str = "AuthorizationKey";
pub const SECURITY_PROFILE: &str = "SecurityProfile";

// ---------------------------------------------------------------------------------------------
// AuthorizationKeys: format, hash, check.

/// What an AuthorizationKey may look like, for error messages.
pub const KEY_FORMAT: &str = "an AuthorizationKey is 16 to 20 bytes written as 32 to 40 \
     hexadecimal digits (an even number; OCPP 1.6 Security Whitepaper A00.FR.205, §7.2)";

/// The bytes an AuthorizationKey stands for, or why it is not one.
///
/// The whitepaper (A00.FR.205/A00.FR.304 and configuration key 7.2) asks for a key of at least
/// 16 bytes, "hexadecimal represented (20 bytes maximum, represented as a string of up to 40
/// hexadecimal digits)": 32 to 40 hexadecimal digits, an even number of them. Keys are
/// compared as the bytes they stand for, so `AB…` and `ab…` are the same key.
pub fn key_bytes(key: &str) -> Result<Vec<u8>, &'static str> {
    let digits = key.as_bytes();
    if !(32..=40).contains(&digits.len()) || !digits.len().is_multiple_of(2) {
        return Err(KEY_FORMAT);
    }
    decode_hex(digits).ok_or(KEY_FORMAT)
}

fn decode_hex(digits: &[u8]) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    digits
        .chunks_exact(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The key bytes a Basic password stands for: the whitepaper's hexadecimal string (as
/// [`key_bytes`]), or the 16 to 20 raw bytes that the OCPP-J 1.6 specification's own example
/// (§6.2.2) sends. The two forms have different lengths, so they cannot be confused.
fn password_bytes(password: &[u8]) -> Option<Vec<u8>> {
    if (32..=40).contains(&password.len()) && password.len().is_multiple_of(2) {
        return decode_hex(password);
    }
    (16..=20)
        .contains(&password.len())
        .then(|| password.to_vec())
}

/// Prefix of the stored hash format: HMAC-SHA256 keyed with a random per-key salt.
const HASH_SCHEME: &str = "hmac-sha256";
const SALT_LEN: usize = 16;

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

fn mac(salt: &[u8], key: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = HmacSha256::new_from_slice(salt).expect("HMAC accepts any key length");
    mac.update(key);
    mac.finalize().into_bytes().to_vec()
}

/// The stored form of an AuthorizationKey: `hmac-sha256$<salt>$<mac>` (hexadecimal), the
/// HMAC-SHA256 of the key's bytes under a random 16-byte salt.
///
/// Why a fast hash and not argon2 (which hashes the API's passwords): an AuthorizationKey is
/// 16 to 20 random bytes (the whitepaper requires at least 16 and asks for random ones), so
/// guessing it from a leaked hash means searching 2^128 keys or more, which no amount of
/// stretching makes harder or easier in practice; stretching protects the low-entropy
/// passwords people choose. A slow hash would instead make every handshake expensive: after a
/// restart or a network cut, 19,000 stations reconnect within seconds, and at argon2's ~50 ms
/// of CPU each that is 15 minutes of one core, during which the stations time out and retry.
/// HMAC-SHA256 costs about a microsecond. The salt makes equal keys hash differently, so a
/// leaked table does not show which stations share a key (A01.FR.08 asks for salted hashes).
pub fn hash_key(key: &[u8]) -> String {
    let mut salt = [0u8; SALT_LEN];
    if let Err(e) = getrandom::fill(&mut salt) {
        // No randomness at all is a broken system; a fixed salt still hashes correctly.
        tracing::error!(error = %e, "no random salt for an AuthorizationKey hash");
    }
    format!(
        "{HASH_SCHEME}${}${}",
        encode_hex(&salt),
        encode_hex(&mac(&salt, key))
    )
}

/// Whether `password` (as sent in the Basic header) is the key `stored` is the hash of. The
/// comparison takes the same time wherever the first difference is.
pub fn verify_key(stored: &str, password: &[u8]) -> bool {
    let mut parts = stored.splitn(3, '$');
    let (Some(HASH_SCHEME), Some(salt), Some(expected)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let (Some(salt), Some(expected)) =
        (decode_hex(salt.as_bytes()), decode_hex(expected.as_bytes()))
    else {
        return false;
    };
    let Some(key) = password_bytes(password) else {
        return false;
    };
    mac(&salt, &key).ct_eq(&expected).into()
}

// ---------------------------------------------------------------------------------------------
// Stored credentials.

/// What the handshake needs to know about a station.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// The profile it must connect with: its own, or the default.
    pub profile: u8,
    /// The hash of its AuthorizationKey, if one is set.
    pub key_hash: Option<String>,
    /// The serial numbers of its last BootNotification: a client certificate's CN may be one
    /// of them (A00.FR.405) instead of the charge point id.
    pub serials: Vec<String>,
}

/// The profile a station row stands for: its own, or the configured default.
pub fn profile_of(ctx: &Context, stored: Option<i32>) -> u8 {
    stored
        .and_then(|p| u8::try_from(p).ok())
        .map_or(ctx.settings.default_security_profile, |p| {
            p.min(MAX_PROFILE)
        })
}

/// A station's credentials (one primary-key read of two columns); `None` for an unknown
/// station.
pub async fn credentials(
    ctx: &Context,
    station_id: &str,
) -> Result<Option<Credentials>, StoreError> {
    let stored = ctx
        .credentials
        .load_one(station_id.to_owned())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "station credentials not read");
            StoreError::Database
        })?;
    Ok(stored.map(|s| Credentials {
        profile: profile_of(ctx, s.profile),
        key_hash: s.key_hash,
        serials: s.serials,
    }))
}

/// Why credentials were not changed.
#[derive(Debug, PartialEq, Eq)]
pub enum SecurityError {
    NotFound(String),
    Invalid(String),
    Store,
}

impl From<StoreError> for SecurityError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "station credentials not stored");
        Self::Store
    }
}

impl From<sea_orm::DbErr> for SecurityError {
    fn from(e: sea_orm::DbErr) -> Self {
        tracing::error!(error = %e, "station credentials not read");
        Self::Store
    }
}

/// Writes `column = value` on the station's row; `NotFound` if there is none.
async fn update(
    ctx: &Context,
    station_id: &str,
    column: station::Column,
    value: sea_orm::Value,
) -> Result<(), SecurityError> {
    let id = station_id.to_owned();
    let updated = ctx
        .store
        .write(move |txn| {
            let (id, value) = (id.clone(), value.clone());
            Box::pin(async move {
                let result = station::Entity::update_many()
                    .col_expr(column, Expr::value(value))
                    .filter(station::Column::Id.eq(id.as_str()))
                    .exec(txn)
                    .await?;
                Ok(result.rows_affected)
            })
        })
        .await?;
    if updated == 0 {
        return Err(SecurityError::NotFound(format!("no station {station_id}")));
    }
    Ok(())
}

/// Stores the hash of `key` as the station's AuthorizationKey (never the key itself).
pub async fn store_key(ctx: &Context, station_id: &str, key: &str) -> Result<(), SecurityError> {
    let bytes = key_bytes(key).map_err(|m| SecurityError::Invalid(m.to_owned()))?;
    let hash = hash_key(&bytes);
    update(
        ctx,
        station_id,
        station::Column::AuthorizationKeyHash,
        Some(hash).into(),
    )
    .await
}

/// Stores the station's security profile.
pub async fn store_profile(
    ctx: &Context,
    station_id: &str,
    profile: u8,
) -> Result<(), SecurityError> {
    update(
        ctx,
        station_id,
        station::Column::SecurityProfile,
        Some(i32::from(profile)).into(),
    )
    .await
}

/// Why a station could not connect with a security profile here (so moving it there would lock
/// it out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// Not a security profile at all.
    #[error("a security profile is 0, 1, 2 or 3, not {0}")]
    Unknown(u8),
    /// Profiles 1 and 2 (HTTP Basic) and the station has no AuthorizationKey.
    #[error(
        "security profile {0} needs an AuthorizationKey: set one first with \
         setStationAuthorizationKey"
    )]
    NoAuthorizationKey(u8),
    /// Profile 2 and the server neither serves TLS nor sits behind a proxy that ends it.
    #[error(
        "security profile 2 needs TLS, and this server has no --tls-listen (nor \
         --trusted-proxies that end TLS for it)"
    )]
    NoTls,
    /// Profile 3 and the server does not serve TLS.
    #[error(
        "security profile 3 needs TLS with client certificates, and this server has no \
         --tls-listen"
    )]
    NoTlsListener,
    /// Profile 3 and the server has no CA to check client certificates with.
    #[error(
        "security profile 3 needs client certificates, and this server has no \
         --tls-client-ca"
    )]
    NoClientCa,
}

/// Why a station could not connect with `profile` here (so moving it there would lock it
/// out): no AuthorizationKey for a Basic profile, no TLS (a listener of its own, or a trusted
/// proxy that ends TLS, for profile 2), no client CA.
pub fn prerequisites(ctx: &Context, profile: u8, has_key: bool) -> Result<(), ProfileError> {
    let settings = &ctx.settings;
    if profile > MAX_PROFILE {
        return Err(ProfileError::Unknown(profile));
    }
    if (profile == 1 || profile == 2) && !has_key {
        return Err(ProfileError::NoAuthorizationKey(profile));
    }
    if profile == 2 && settings.tls_listen.is_none() && settings.trusted_proxies.is_empty() {
        return Err(ProfileError::NoTls);
    }
    if profile == 3 && settings.tls_listen.is_none() {
        return Err(ProfileError::NoTlsListener);
    }
    if profile == 3 && settings.tls_client_ca.is_none() {
        return Err(ProfileError::NoClientCa);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// ChangeConfiguration of the two security keys.

/// What to store once the station has answered a ChangeConfiguration of a security key.
#[derive(Debug)]
pub enum OnAccepted {
    /// The new AuthorizationKey (the whitepaper's A01.FR.03/04: stored only on Accepted).
    Key(String),
    /// The new, higher SecurityProfile.
    Profile(u8),
}

fn invalid(message: impl Into<String>) -> Refused {
    Refused::Invalid {
        field: "value",
        message: message.into(),
    }
}

/// Checks a ChangeConfiguration before it is sent: an `AuthorizationKey` must have the
/// whitepaper's format, and a `SecurityProfile` may not be lower than the station's (A00.FR.005:
/// a profile is never lowered through OCPP) nor one the station could not connect with here.
/// Returns what to store if the station accepts; `None` for other keys.
pub async fn before_change(
    ctx: &Context,
    station_id: &str,
    key: &str,
    value: &str,
) -> Result<Option<OnAccepted>, Refused> {
    if key.eq_ignore_ascii_case(AUTHORIZATION_KEY) {
        key_bytes(value).map_err(invalid)?;
        return Ok(Some(OnAccepted::Key(value.to_owned())));
    }
    if !key.eq_ignore_ascii_case(SECURITY_PROFILE) {
        return Ok(None);
    }
    let profile = value
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= MAX_PROFILE)
        .ok_or_else(|| invalid("SecurityProfile is 0, 1, 2 or 3"))?;
    let current = credentials(ctx, station_id)
        .await?
        .ok_or_else(|| Refused::NotFound(format!("no station {station_id}")))?;
    if profile < current.profile {
        return Err(invalid(format!(
            "SecurityProfile cannot be lowered through OCPP (station {station_id} uses profile \
             {}; the whitepaper's A00.FR.005): an administrator can lower it with \
             setStationSecurityProfile, and the station must then be reconfigured locally",
            current.profile
        )));
    }
    prerequisites(ctx, profile, current.key_hash.is_some()).map_err(|e| invalid(e.to_string()))?;
    Ok((profile > current.profile).then_some(OnAccepted::Profile(profile)))
}

/// After the station answered: stores the new key or profile if (and only if) it answered
/// Accepted. A storage failure then is an error: the station uses credentials we do not have.
pub async fn after_change(
    ctx: &Context,
    station_id: &str,
    change: OnAccepted,
    status: ConfigurationStatus,
    by: &str,
) -> Result<(), Refused> {
    let what = match &change {
        OnAccepted::Key(_) => AUTHORIZATION_KEY,
        OnAccepted::Profile(_) => SECURITY_PROFILE,
    };
    if status != ConfigurationStatus::Accepted {
        tracing::info!(station = %station_id, key = what, status = %status.as_str(), by = %by, "station kept its credentials; nothing stored");
        return Ok(());
    }
    let stored = match &change {
        OnAccepted::Key(key) => store_key(ctx, station_id, key).await,
        OnAccepted::Profile(profile) => store_profile(ctx, station_id, *profile).await,
    };
    match stored {
        Ok(()) => {
            match change {
                OnAccepted::Key(_) => {
                    tracing::info!(station = %station_id, by = %by, "AuthorizationKey changed (accepted by the station)")
                }
                OnAccepted::Profile(p) => {
                    tracing::info!(station = %station_id, profile = p, by = %by, "security profile raised (accepted by the station)")
                }
            }
            Ok(())
        }
        Err(e) => {
            tracing::error!(station = %station_id, key = what, error = ?e, "the station accepted new credentials that could not be stored: set them again with setStationAuthorizationKey / setStationSecurityProfile");
            Err(match e {
                SecurityError::NotFound(m) => Refused::NotFound(m),
                SecurityError::Invalid(m) => invalid(m),
                SecurityError::Store => Refused::Store,
            })
        }
    }
}

/// ChangeConfiguration on behalf of a caller: any key, with `AuthorizationKey` and
/// `SecurityProfile` checked before sending and stored only once the station accepts.
impl OnBehalf<'_> {
    pub async fn change_configuration(
        &self,
        station_id: &str,
        key: &str,
        value: &str,
    ) -> Result<ConfigurationStatus, Refused> {
        self.permit(station_id, false).await?;
        let command = ocpp::v16::ChangeConfiguration {
            key: text::<50>(key, "key")?,
            value: text::<500>(value, "value")?,
        };
        // AuthorizationKey and SecurityProfile: checked first, stored only if Accepted.
        let security = before_change(self.ctx, station_id, key, value).await?;
        let status = self.send(station_id, command).await?.status;
        if let Some(change) = security {
            after_change(self.ctx, station_id, change, status, &self.caller.sub).await?;
        }
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0001020304050607FFFFFFFFFFFFFFFFFFFFFFFF";

    #[test]
    fn keys_follow_the_whitepaper_format() {
        assert_eq!(key_bytes(KEY).unwrap().len(), 20);
        assert_eq!(key_bytes(&"ab".repeat(16)).unwrap().len(), 16);
        for bad in [
            "",
            &"ab".repeat(15),                   // 15 bytes: too short
            &"ab".repeat(21),                   // 21 bytes: too long
            &format!("{}a", "ab".repeat(16)),   // odd number of digits
            &"zz".repeat(16),                   // not hexadecimal
            "correct horse battery staple!!!!", // 32 characters, not hexadecimal
        ] {
            assert_eq!(key_bytes(bad), Err(KEY_FORMAT), "{bad:?}");
        }
    }

    #[test]
    fn a_hash_verifies_its_key_only() {
        let stored = hash_key(&key_bytes(KEY).unwrap());
        assert!(stored.starts_with("hmac-sha256$"));
        assert!(!stored.to_lowercase().contains(&KEY.to_lowercase()));
        assert!(verify_key(&stored, KEY.as_bytes()));
        // The same key in lower case, and as raw bytes (OCPP-J 1.6 §6.2.2's example).
        assert!(verify_key(&stored, KEY.to_lowercase().as_bytes()));
        assert!(verify_key(&stored, &key_bytes(KEY).unwrap()));
        // Another key, one digit off, truncated, empty.
        assert!(!verify_key(
            &stored,
            b"0001020304050607FFFFFFFFFFFFFFFFFFFFFFFE"
        ));
        assert!(!verify_key(
            &stored,
            b"0001020304050607FFFFFFFFFFFFFFFFFFFFFF"
        ));
        assert!(!verify_key(&stored, b""));
        // Hashes are salted: the same key hashes differently each time, and both verify.
        let again = hash_key(&key_bytes(KEY).unwrap());
        assert_ne!(stored, again);
        assert!(verify_key(&again, KEY.as_bytes()));
        // A damaged or foreign stored value verifies nothing.
        for broken in [
            "",
            "hmac-sha256$zz$00",
            "argon2id$v=19$...",
            "hmac-sha256$00",
        ] {
            assert!(!verify_key(broken, KEY.as_bytes()), "{broken}");
        }
    }
}
