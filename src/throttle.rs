//! The in-memory throttles that a Context holds: failed station logins (per charge point id,
//! per client address), new stations registered per address, failed API logins (per username,
//! per address) and self-registrations of accounts (per address). Each remembers a bounded
//! number of keys on this node only.

use std::{
    collections::{HashMap, VecDeque},
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Refused by a throttle: too many recent attempts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttled;

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

/// Failed logins allowed per username, and per client address (IPv6: per /64), within
/// [`LOGIN_WINDOW`].
const FAILURES_PER_USER: usize = 5;
const LOGIN_FAILURES_PER_ADDRESS: usize = 20;
const LOGIN_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Most usernames, and most addresses, the throttle remembers (see [`FailureLimiter`]: a flood
/// of other names cannot make it forget a username's failures).
const MAX_KEYS: usize = 50_000;
/// The longest username an account can have; longer ones are counted by their first
/// `MAX_USERNAME + 1` characters (no account has them), so a key stays small.
pub const MAX_USERNAME: usize = 64;

/// Self-registrations (`register`) allowed per client address (IPv6: per /64) within
/// [`LOGIN_WINDOW`], each attempt counted whatever its outcome.
pub const REGISTRATIONS_PER_ADDRESS: usize = LOGIN_FAILURES_PER_ADDRESS;

/// Remembers recent failed logins (in this node's memory), per username and per address, and
/// recent self-registrations per address.
pub struct LoginThrottle {
    per_user: FailureLimiter,
    per_address: FailureLimiter,
    registrations: FailureLimiter,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            per_user: FailureLimiter::new(FAILURES_PER_USER, LOGIN_WINDOW, MAX_KEYS),
            per_address: FailureLimiter::new(LOGIN_FAILURES_PER_ADDRESS, LOGIN_WINDOW, MAX_KEYS),
            registrations: FailureLimiter::new(REGISTRATIONS_PER_ADDRESS, LOGIN_WINDOW, MAX_KEYS),
        }
    }
}

/// One login attempt's keys in the throttle.
pub struct AttemptKeys {
    user: String,
    address: Option<String>,
    at: Instant,
}

impl AttemptKeys {
    pub fn new(username: &str, client: Option<IpAddr>) -> Self {
        Self {
            user: username
                .chars()
                .take(MAX_USERNAME + 1)
                .collect::<String>()
                .to_lowercase(),
            address: client.map(address_key),
            at: Instant::now(),
        }
    }
}

impl LoginThrottle {
    /// Counts an attempt, before the (slow) password check so that parallel attempts cannot
    /// all slip under a limit. The address is counted first: an address over its limit adds
    /// nothing to the usernames' counts, so one address cannot flood the username table. An
    /// attempt refused for its username is not counted against its address.
    pub fn attempt(&self, keys: &AttemptKeys) -> Result<(), Throttled> {
        if let Some(address) = &keys.address {
            self.per_address
                .attempt(address, keys.at)
                .map_err(|_| Throttled)?;
        }
        if self.per_user.attempt(&keys.user, keys.at).is_err() {
            if let Some(address) = &keys.address {
                self.per_address.succeeded(address, keys.at);
            }
            return Err(Throttled);
        }
        Ok(())
    }

    /// The attempt succeeded: the username's failures are cleared, and this attempt is taken
    /// back from its address (other failures from there stay counted).
    pub fn succeeded(&self, keys: &AttemptKeys) {
        self.per_user.clear(&keys.user);
        if let Some(address) = &keys.address {
            self.per_address.succeeded(address, keys.at);
        }
    }

    /// Counts a self-registration from `client` (every attempt, whatever comes of it: taken
    /// usernames must not be probed faster than logins); refused when the address made
    /// [`REGISTRATIONS_PER_ADDRESS`] within the window. Clients whose address is unknown share
    /// one count.
    pub fn registration(&self, client: Option<IpAddr>) -> Result<(), Throttled> {
        let key = client.map_or_else(|| "unknown".to_owned(), address_key);
        self.registrations
            .attempt(&key, Instant::now())
            .map_err(|_| Throttled)
    }

    /// How many usernames are remembered (for tests of the bound).
    pub fn tracked_users(&self) -> usize {
        self.per_user.tracked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn keys(user: &str, address: &str) -> AttemptKeys {
        AttemptKeys::new(user, Some(address.parse().unwrap()))
    }

    #[test]
    fn an_address_over_its_limit_adds_no_username() {
        let throttle = LoginThrottle::default();
        for n in 0..LOGIN_FAILURES_PER_ADDRESS {
            throttle
                .attempt(&keys(&format!("u{n}"), "192.0.2.1"))
                .unwrap();
        }
        for n in 0..1_000 {
            let refused = throttle.attempt(&keys(&format!("flood{n}"), "192.0.2.1"));
            assert_eq!(refused, Err(Throttled));
        }
        assert_eq!(throttle.tracked_users(), LOGIN_FAILURES_PER_ADDRESS);
    }

    #[test]
    fn a_flood_from_many_addresses_keeps_a_users_failures() {
        let throttle = LoginThrottle::default();
        for _ in 0..FAILURES_PER_USER - 1 {
            throttle.attempt(&keys("Victim", "192.0.2.1")).unwrap();
        }
        // More usernames than the table holds, each from one of many /64s.
        for n in 0..MAX_KEYS + 5_000 {
            let address = format!("2001:db8:{:x}:{:x}::1", n / 20 / 65_536, n / 20 % 65_536);
            throttle
                .attempt(&keys(&format!("flood{n}"), &address))
                .unwrap();
            assert!(throttle.tracked_users() <= MAX_KEYS);
        }
        throttle.attempt(&keys("victim", "192.0.2.2")).unwrap();
        assert_eq!(
            throttle.attempt(&keys("VICTIM", "192.0.2.3")),
            Err(Throttled)
        );
    }

    #[test]
    fn a_refusal_for_the_username_does_not_count_for_the_address() {
        let throttle = LoginThrottle::default();
        for _ in 0..FAILURES_PER_USER {
            throttle.attempt(&keys("target", "192.0.2.1")).unwrap();
        }
        for _ in 0..50 {
            assert!(throttle.attempt(&keys("target", "192.0.2.1")).is_err());
        }
        for n in FAILURES_PER_USER..LOGIN_FAILURES_PER_ADDRESS {
            throttle
                .attempt(&keys(&format!("u{n}"), "192.0.2.1"))
                .unwrap();
        }
        assert!(throttle.attempt(&keys("one-more", "192.0.2.1")).is_err());
    }

    #[test]
    fn registrations_are_counted_per_address() {
        let throttle = LoginThrottle::default();
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let same_64: IpAddr = "2001:db8:1:2::99".parse().unwrap();
        for _ in 0..REGISTRATIONS_PER_ADDRESS {
            throttle.registration(Some(a)).unwrap();
        }
        assert_eq!(throttle.registration(Some(same_64)), Err(Throttled));
        assert!(
            throttle
                .registration(Some("192.0.2.1".parse().unwrap()))
                .is_ok()
        );
        // Logins from that address are not affected.
        assert!(
            throttle
                .attempt(&AttemptKeys::new("someone", Some(a)))
                .is_ok()
        );
    }

    #[test]
    fn long_usernames_are_counted_by_a_bounded_key() {
        let long = "x".repeat(100_000);
        assert_eq!(
            keys(&long, "192.0.2.1").user.chars().count(),
            MAX_USERNAME + 1
        );
    }
}
