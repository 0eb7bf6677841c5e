//! Station credentials of the OCPP 1.6 Security Whitepaper: each station's security profile
//! (0–3) and the hash of its AuthorizationKey (the HTTP Basic password of profiles 1 and 2),
//! the throttle on failed handshakes, and the use cases that change them: provisioning by an
//! operator, and ChangeConfiguration of `AuthorizationKey` or `SecurityProfile`, whose result
//! is stored only when the station answers Accepted.
//!
//! With `station.rs` and `transaction.rs`, the only code that writes stations (through the
//! store's writer). The handshake check that uses all of this is `ocpp::station_auth`.

use std::{
    collections::{HashMap, VecDeque},
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

use entity::station;
use hmac::{KeyInit, Mac};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr};
use subtle::ConstantTimeEq;

use crate::{app::Context, store::StoreError, use_case::command::Refused};
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
// The throttle of failed station logins.

/// Failed Basic logins allowed per charge point id, and per client address, within
/// [`FAILURE_WINDOW`]; after that the handshake is answered 429 until the oldest ages out.
pub const FAILURES_PER_STATION: usize = 10;
pub const FAILURES_PER_ADDRESS: usize = 30;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(5 * 60);
/// Most ids (or addresses) each throttle remembers (see [`FailureLimiter`] for which go first).
const MAX_TRACKED: usize = 50_000;

/// Counts recent failures per key within a window, in bounded memory. Shared by the station
/// throttle (per charge point id, per address) and the API's login throttle (per username, per
/// address).
///
/// When `max_keys` keys are remembered and a new one comes, room is made without resetting a
/// count that matters: first the keys whose failures have all aged out go, then those with the
/// fewest failures in the window (the longest quiet first), a tenth of the table at a time, and
/// never a key at its limit, whose refusals must last. So to reset a key with `n` failures an
/// attacker must first hold nine tenths of the table at `n` failures or more each (45,000 keys ×
/// `n` failures within the window, every one of them a failed login); a table full of keys at
/// their limit takes a new key's attempt without remembering it rather than refuse everyone.
pub struct FailureLimiter {
    limit: usize,
    window: Duration,
    max_keys: usize,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl FailureLimiter {
    pub fn new(limit: usize, window: Duration, max_keys: usize) -> Self {
        Self {
            limit,
            window,
            max_keys,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Records an attempt for `key` (taken back with [`Self::succeeded`] if it succeeds); if
    /// `limit` attempts were counted within the window already, records nothing and returns
    /// how long until the oldest of them ages out.
    pub fn attempt(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(times) = failures.get_mut(key) {
            self.age(times, now);
            if times.len() >= self.limit {
                let oldest = times.front().copied().unwrap_or(now);
                return Err(self.window.saturating_sub(now.duration_since(oldest)));
            }
            times.push_back(now);
            return Ok(());
        }
        if self.limit == 0 {
            return Err(self.window);
        }
        if failures.len() >= self.max_keys && !self.make_room(&mut failures, now) {
            tracing::warn!(
                keys = self.max_keys,
                "every remembered key is at its failure limit; a new key's attempt is not counted"
            );
            return Ok(());
        }
        failures.insert(key.to_owned(), VecDeque::from([now]));
        Ok(())
    }

    /// Drops the failures of `times` that are out of the window.
    fn age(&self, times: &mut VecDeque<Instant>, now: Instant) {
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
    }

    /// Makes room for one more key (see the type's comment); false if every key is at its limit.
    fn make_room(&self, failures: &mut HashMap<String, VecDeque<Instant>>, now: Instant) -> bool {
        failures.retain(|_, times| {
            self.age(times, now);
            !times.is_empty()
        });
        if failures.len() < self.max_keys {
            return true;
        }
        let mut below_limit: Vec<(usize, Instant, &String)> = failures
            .iter()
            .filter(|(_, times)| times.len() < self.limit)
            .filter_map(|(key, times)| times.back().map(|last| (times.len(), *last, key)))
            .collect();
        if below_limit.is_empty() {
            return false;
        }
        below_limit.sort_unstable();
        let excess = failures.len() + 1 - self.max_keys;
        let evicted: Vec<String> = below_limit
            .into_iter()
            .take(excess.max(self.max_keys / 10))
            .map(|(_, _, key)| key.clone())
            .collect();
        for key in evicted {
            failures.remove(&key);
        }
        true
    }

    /// Takes back the attempt recorded `at` for `key`: it succeeded. Only that one attempt:
    /// the failures of others (another address trying this station's id) stay counted.
    pub fn succeeded(&self, key: &str, at: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(times) = failures.get_mut(key) {
            if let Some(i) = times.iter().rposition(|t| *t == at) {
                times.remove(i);
            }
            if times.is_empty() {
                failures.remove(key);
            }
        }
    }

    /// Forgets every failure of `key`.
    pub fn clear(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }

    /// How many keys are remembered (for tests of the bound).
    pub fn tracked(&self) -> usize {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

/// The throttles of failed station logins, per charge point id and per client address.
pub struct LoginLimits {
    pub per_station: FailureLimiter,
    pub per_address: FailureLimiter,
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self {
            per_station: FailureLimiter::new(FAILURES_PER_STATION, FAILURE_WINDOW, MAX_TRACKED),
            per_address: FailureLimiter::new(FAILURES_PER_ADDRESS, FAILURE_WINDOW, MAX_TRACKED),
        }
    }
}

/// How long the count of new stations per address runs (`--new-stations-per-address`).
pub const REGISTRATION_WINDOW: Duration = Duration::from_secs(3600);

/// Counts the unknown stations each client address registers by connecting, in fixed windows
/// of [`REGISTRATION_WINDOW`]: with `--unknown-stations accept` (the default) anyone who reaches
/// the port can add stations, and this bounds how fast one address fills the `stations` table.
/// At most [`MAX_TRACKED`] addresses are remembered (24 bytes and the key each); to make room
/// the windows that ended go first, then the oldest.
pub struct RegistrationLimiter {
    limit: usize,
    counts: Mutex<HashMap<String, (Instant, usize)>>,
}

impl RegistrationLimiter {
    /// `limit` new stations per address and window; `0` means no limit.
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one registration from `key`, or returns how long until its window ends when the
    /// address has registered `limit` stations in it already.
    pub fn admit(&self, key: &str, now: Instant) -> Result<(), Duration> {
        if self.limit == 0 {
            return Ok(());
        }
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((start, count)) = counts.get_mut(key) {
            let age = now.duration_since(*start);
            if age >= REGISTRATION_WINDOW {
                (*start, *count) = (now, 0);
            } else if *count >= self.limit {
                return Err(REGISTRATION_WINDOW - age);
            }
            *count += 1;
            return Ok(());
        }
        if counts.len() >= MAX_TRACKED {
            counts.retain(|_, (start, _)| now.duration_since(*start) < REGISTRATION_WINDOW);
            if counts.len() >= MAX_TRACKED
                && let Some(oldest) = counts
                    .iter()
                    .min_by_key(|(_, (start, _))| *start)
                    .map(|(k, _)| k.clone())
            {
                counts.remove(&oldest);
            }
        }
        counts.insert(key.to_owned(), (now, 1));
        Ok(())
    }
}

/// The throttle key of a client address: IPv4 addresses one by one, IPv6 by their /64 (one
/// host usually holds a whole /64, so counting single addresses would not limit it).
pub fn address_key(ip: IpAddr) -> String {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
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

/// What a station row says about its credentials.
#[derive(Clone, Debug)]
pub struct StoredCredentials {
    profile: Option<i32>,
    key_hash: Option<String>,
    serials: Vec<String>,
}

/// Reads the credentials of many stations in one statement: the handshakes that arrive within
/// a millisecond of each other (up to [`CREDENTIALS_BATCH`]) share one read. In a reconnect
/// storm a read per handshake kept thousands of half-done handshakes waiting for the pool, and
/// the memory they held stayed with the process afterwards (11 KiB per station at 19,000
/// stations, see bench/HISTORY.md, (a) run 4). Nothing is cached: every handshake sees the
/// stored values.
pub struct CredentialsLoader(crate::store::Reader);

/// Most station ids in one read (well under SQLite's bound-parameter limit).
pub const CREDENTIALS_BATCH: usize = 500;

/// The loader a [`Context`] keeps.
pub type CredentialsLoaderHandle = async_graphql::dataloader::DataLoader<CredentialsLoader>;

pub fn credentials_loader(db: crate::store::Reader) -> CredentialsLoaderHandle {
    async_graphql::dataloader::DataLoader::new(CredentialsLoader(db), tokio::spawn)
        .max_batch_size(CREDENTIALS_BATCH)
}

impl async_graphql::dataloader::Loader<String> for CredentialsLoader {
    type Value = StoredCredentials;
    type Error = String;

    async fn load(
        &self,
        keys: &[String],
    ) -> Result<std::collections::HashMap<String, StoredCredentials>, String> {
        type Row = (
            String,
            Option<i32>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = station::Entity::find()
            .select_only()
            .column(station::Column::Id)
            .column(station::Column::SecurityProfile)
            .column(station::Column::AuthorizationKeyHash)
            .column(station::Column::ChargePointSerialNumber)
            .column(station::Column::ChargeBoxSerialNumber)
            .filter(station::Column::Id.is_in(keys.iter().cloned()))
            .into_tuple()
            .all(&self.0)
            .await
            .map_err(|e| e.to_string())?;
        Ok(rows
            .into_iter()
            .map(|(id, profile, key_hash, point, boxed)| {
                let serials = point.into_iter().chain(boxed).collect();
                (
                    id,
                    StoredCredentials {
                        profile,
                        key_hash,
                        serials,
                    },
                )
            })
            .collect())
    }
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

/// Why a station could not connect with `profile` here (so moving it there would lock it
/// out): no AuthorizationKey for a Basic profile, no TLS (a listener of its own, or a trusted
/// proxy that ends TLS, for profile 2), no client CA.
pub fn prerequisites(ctx: &Context, profile: u8, has_key: bool) -> Result<(), String> {
    let settings = &ctx.settings;
    if profile > MAX_PROFILE {
        return Err(format!("a security profile is 0, 1, 2 or 3, not {profile}"));
    }
    if (profile == 1 || profile == 2) && !has_key {
        return Err(format!(
            "security profile {profile} needs an AuthorizationKey: set one first with \
             setStationAuthorizationKey"
        ));
    }
    if profile == 2 && settings.tls_listen.is_none() && settings.trusted_proxies.is_empty() {
        return Err(
            "security profile 2 needs TLS, and this server has no --tls-listen (nor \
             --trusted-proxies that end TLS for it)"
                .into(),
        );
    }
    if profile == 3 && settings.tls_listen.is_none() {
        return Err(
            "security profile 3 needs TLS with client certificates, and this server has no \
             --tls-listen"
                .into(),
        );
    }
    if profile == 3 && settings.tls_client_ca.is_none() {
        return Err(
            "security profile 3 needs client certificates, and this server has no \
             --tls-client-ca"
                .into(),
        );
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
    prerequisites(ctx, profile, current.key_hash.is_some()).map_err(invalid)?;
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

    #[test]
    fn the_limiter_counts_within_the_window_and_says_when_to_retry() {
        let limiter = FailureLimiter::new(3, Duration::from_secs(60), 100);
        let t0 = Instant::now();
        for i in 0..3 {
            assert_eq!(limiter.attempt("cp", t0 + Duration::from_secs(i)), Ok(()));
        }
        // The fourth within the window is refused until the first ages out.
        assert_eq!(
            limiter.attempt("cp", t0 + Duration::from_secs(10)),
            Err(Duration::from_secs(50))
        );
        // Other keys are not affected.
        assert_eq!(
            limiter.attempt("other", t0 + Duration::from_secs(10)),
            Ok(())
        );
        // Once the first attempt is a window old, one more is allowed.
        assert_eq!(limiter.attempt("cp", t0 + Duration::from_secs(60)), Ok(()));
        assert!(limiter.attempt("cp", t0 + Duration::from_secs(60)).is_err());
    }

    #[test]
    fn a_success_takes_back_only_its_own_attempt() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60), 100);
        let t0 = Instant::now();
        let t1 = t0 + Duration::from_secs(1);
        limiter.attempt("cp", t0).unwrap(); // someone else's failure
        limiter.attempt("cp", t1).unwrap(); // ours, which succeeds
        limiter.succeeded("cp", t1);
        let t2 = t0 + Duration::from_secs(2);
        limiter.attempt("cp", t2).unwrap();
        // The other failure still counts: the limit (2) is reached again.
        assert!(limiter.attempt("cp", t2).is_err());
    }

    #[test]
    fn the_limiter_remembers_a_bounded_number_of_keys() {
        let limiter = FailureLimiter::new(5, Duration::from_secs(60), 100);
        let t0 = Instant::now();
        for i in 0..1_000u64 {
            limiter
                .attempt(&format!("k{i}"), t0 + Duration::from_millis(i))
                .unwrap();
            assert!(limiter.tracked() <= 100);
        }
        // The newest keys are still counted.
        let now = t0 + Duration::from_millis(1_000);
        for _ in 0..4 {
            limiter.attempt("k999", now).unwrap();
        }
        assert!(limiter.attempt("k999", now).is_err());
    }

    #[test]
    fn new_stations_are_counted_per_address_in_windows_of_an_hour() {
        let limiter = RegistrationLimiter::new(2);
        let t0 = Instant::now();
        assert!(limiter.admit("a", t0).is_ok());
        assert!(limiter.admit("a", t0).is_ok());
        let wait = limiter
            .admit("a", t0 + Duration::from_secs(600))
            .unwrap_err();
        assert_eq!(wait, Duration::from_secs(3000));
        assert!(
            limiter.admit("b", t0).is_ok(),
            "another address has its own count"
        );
        assert!(
            limiter.admit("a", t0 + REGISTRATION_WINDOW).is_ok(),
            "a new window"
        );
        let unlimited = RegistrationLimiter::new(0);
        for _ in 0..10 {
            assert!(unlimited.admit("a", t0).is_ok());
        }
    }

    #[test]
    fn the_new_station_counts_stay_bounded() {
        let limiter = RegistrationLimiter::new(5);
        let t0 = Instant::now();
        for i in 0..MAX_TRACKED + 10 {
            limiter.admit(&format!("10.{i}"), t0).unwrap();
        }
        let held = limiter.counts.lock().unwrap().len();
        assert_eq!(held, MAX_TRACKED);
    }

    #[test]
    fn a_flood_of_new_keys_does_not_reset_a_count_near_its_limit() {
        let limiter = FailureLimiter::new(5, Duration::from_secs(60), 100);
        let t0 = Instant::now();
        for _ in 0..4 {
            limiter.attempt("target", t0).unwrap();
        }
        for i in 0..1_000u64 {
            let at = t0 + Duration::from_millis(1 + i);
            limiter.attempt(&format!("flood{i}"), at).unwrap();
            if i % 3 == 0 {
                limiter.attempt(&format!("flood{i}"), at).unwrap();
            }
            assert!(limiter.tracked() <= 100);
        }
        let now = t0 + Duration::from_secs(2);
        limiter.attempt("target", now).unwrap();
        assert!(limiter.attempt("target", now).is_err(), "5 failures count");
    }

    #[test]
    fn keys_at_their_limit_stay_and_aged_out_keys_go_first() {
        let limiter = FailureLimiter::new(2, Duration::from_secs(60), 10);
        let t0 = Instant::now();
        for i in 0..10 {
            limiter.attempt(&format!("k{i}"), t0).unwrap();
            limiter.attempt(&format!("k{i}"), t0).unwrap();
        }
        // A full table of keys at their limit: the newcomer is let through, not remembered.
        limiter.attempt("new", t0).unwrap();
        assert_eq!(limiter.tracked(), 10);
        assert!((0..10).all(|i| limiter.attempt(&format!("k{i}"), t0).is_err()));
        // Once their failures age out, they are the first to go.
        let later = t0 + Duration::from_secs(61);
        limiter.attempt("new", later).unwrap();
        assert_eq!(limiter.tracked(), 1);
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), "192.0.2.7");
    }
}
