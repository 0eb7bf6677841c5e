//! Account use cases: create, change and delete API accounts (argon2id password hashes), and
//! log in, with failed attempts limited per username and per client address.

use std::{
    collections::{HashMap, VecDeque},
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};
use chrono::Utc;
use entity::account;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TryInsertResult,
};

use crate::{app::Context, auth::Role, store::StoreError};

/// Why an account operation was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Invalid(String),
    #[error("an account named {0:?} already exists")]
    Exists(String),
    #[error("no account named {0:?}")]
    NotFound(String),
    #[error("wrong username or password")]
    WrongCredentials,
    #[error("too many failed logins; try again later")]
    RateLimited,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Failed logins allowed per username, and per client address, within [`WINDOW`].
const FAILURES_PER_USER: usize = 5;
const FAILURES_PER_ADDRESS: usize = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Remembers recent failed logins (in this node's memory).
#[derive(Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

/// Most keys the throttle remembers; past it, the keys with the oldest attempts go first.
const MAX_KEYS: usize = 50_000;

impl LoginThrottle {
    /// Records an attempt for `key`; false (and nothing recorded) if `limit` attempts were made
    /// within the window already.
    fn attempt(&self, key: &str, limit: usize, now: Instant) -> bool {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(times) = failures.get_mut(key) {
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) > WINDOW)
            {
                times.pop_front();
            }
            if times.len() >= limit {
                return false;
            }
            times.push_back(now);
            return true;
        }
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) <= WINDOW)
            });
            if failures.len() >= MAX_KEYS {
                let mut newest: Vec<(Instant, String)> = failures
                    .iter()
                    .filter_map(|(k, times)| times.back().map(|t| (*t, k.clone())))
                    .collect();
                newest.sort_unstable();
                for (_, old) in newest.into_iter().take(MAX_KEYS / 10) {
                    failures.remove(&old);
                }
            }
        }
        failures.entry(key.to_owned()).or_default().push_back(now);
        true
    }

    /// Takes back the latest attempt of `key` (it succeeded).
    fn forget_last(&self, key: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(times) = failures.get_mut(key) {
            times.pop_back();
        }
    }

    fn clear(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
}

fn check_username(username: &str) -> Result<(), AccountError> {
    let ok = (1..=64).contains(&username.chars().count())
        && username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._@-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(AccountError::Invalid(
            "a username has 1 to 64 letters, digits or . _ @ -".into(),
        ))
    }
}

fn check_password(password: &str) -> Result<(), AccountError> {
    if password.chars().count() < 10 {
        return Err(AccountError::Invalid(
            "a password has at least 10 characters".into(),
        ));
    }
    Ok(())
}

/// Argon2 runs at most this many times at once (each takes 19 MiB and tens of milliseconds).
static ARGON2_SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

async fn hash(password: &str) -> Result<String, AccountError> {
    let _slot = ARGON2_SLOTS
        .acquire()
        .await
        .map_err(|_| AccountError::Store(StoreError::Closed))?;
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
    })
    .await
    .map_err(|_| AccountError::Store(StoreError::Database))?
    .map_err(|e| AccountError::Invalid(format!("cannot hash the password: {e}")))
}

/// Verifies in constant time; an unknown user is checked against a dummy hash so that the
/// answer takes as long as for a known one.
async fn verify(password: &str, stored: Option<String>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let known = stored.is_some();
    let hash = match stored {
        Some(hash) => hash,
        None => match DUMMY.get() {
            Some(dummy) => dummy.clone(),
            None => {
                let dummy = hash("not the password of anyone").await.unwrap_or_default();
                DUMMY.get_or_init(|| dummy).clone()
            }
        },
    };
    let password = password.to_owned();
    let Ok(_slot) = ARGON2_SLOTS.acquire().await else {
        return false;
    };
    let matched = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    known && matched
}

/// The stations column: a JSON list, or NULL for all stations. An empty list would lock the
/// account out of everything, so it is refused rather than stored.
fn stations_column(stations: &Option<Vec<String>>) -> Result<Option<String>, AccountError> {
    match stations {
        None => Ok(None),
        Some(list) if list.is_empty() => Err(AccountError::Invalid(
            "stations must name at least one station; omit it (or give null) for all stations"
                .into(),
        )),
        Some(list) => Ok(Some(
            serde_json::to_string(list).map_err(|e| AccountError::Invalid(e.to_string()))?,
        )),
    }
}

/// The stations an account is limited to (`None`: all). A column that cannot be read limits
/// the account to nothing rather than to everything.
pub fn stations_of(account: &account::Model) -> Option<Vec<String>> {
    account
        .stations
        .as_deref()
        .map(|text| serde_json::from_str(text).unwrap_or_default())
}

pub fn role_of(account: &account::Model) -> Role {
    account.role.parse().unwrap_or(Role::Viewer)
}

pub async fn create(
    ctx: &Context,
    username: &str,
    password: &str,
    role: Role,
    stations: Option<Vec<String>>,
) -> Result<account::Model, AccountError> {
    check_username(username)?;
    check_password(password)?;
    let now = Utc::now();
    let row = account::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(hash(password).await?),
        role: Set(role.as_str().to_owned()),
        stations: Set(stations_column(&stations)?),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let inserted = ctx
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                account::Entity::insert(row)
                    .on_conflict_do_nothing()
                    .exec_without_returning(txn)
                    .await
            })
        })
        .await?;
    if !matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
        return Err(AccountError::Exists(username.to_owned()));
    }
    get(ctx, username)
        .await?
        .ok_or_else(|| AccountError::NotFound(username.to_owned()))
}

/// Changes what is given: a new password, role or station scope (`Some(None)` clears it).
pub async fn update(
    ctx: &Context,
    username: &str,
    password: Option<&str>,
    role: Option<Role>,
    stations: Option<Option<Vec<String>>>,
) -> Result<account::Model, AccountError> {
    let password_hash = match password {
        Some(password) => {
            check_password(password)?;
            Set(hash(password).await?)
        }
        None => NotSet,
    };
    let row = account::ActiveModel {
        username: Set(username.to_owned()),
        password_hash,
        role: role.map_or(NotSet, |r| Set(r.as_str().to_owned())),
        stations: match stations {
            None => NotSet,
            Some(s) => Set(stations_column(&s)?),
        },
        created_at: NotSet,
        updated_at: Set(Utc::now()),
    };
    let name = username.to_owned();
    let updated = ctx
        .store
        .write(move |txn| {
            let (row, username) = (row.clone(), name.clone());
            Box::pin(async move {
                Ok(account::Entity::update_many()
                    .set(row)
                    .filter(account::Column::Username.eq(username))
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    if updated == 0 {
        return Err(AccountError::NotFound(username.to_owned()));
    }
    get(ctx, username)
        .await?
        .ok_or_else(|| AccountError::NotFound(username.to_owned()))
}

pub async fn delete(ctx: &Context, username: &str) -> Result<bool, AccountError> {
    let username = username.to_owned();
    let deleted = ctx
        .store
        .write(move |txn| {
            let username = username.clone();
            Box::pin(async move {
                Ok(account::Entity::delete_by_id(username)
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    Ok(deleted > 0)
}

pub async fn get(ctx: &Context, username: &str) -> Result<Option<account::Model>, StoreError> {
    Ok(account::Entity::find_by_id(username)
        .one(ctx.store.reader())
        .await?)
}

pub async fn list(ctx: &Context) -> Result<Vec<account::Model>, StoreError> {
    Ok(account::Entity::find()
        .order_by_asc(account::Column::Username)
        .all(ctx.store.reader())
        .await?)
}

/// Checks a username and password and issues a token for the account.
pub async fn login(
    ctx: &Context,
    username: &str,
    password: &str,
    client: Option<IpAddr>,
) -> Result<(String, chrono::DateTime<Utc>, Role), AccountError> {
    let now = Instant::now();
    let user_key = format!("user:{}", username.to_lowercase());
    let address_key = client.map(|ip| format!("ip:{ip}"));
    let throttle = &ctx.login_throttle;
    // Every attempt counts before the (slow) password check, so that parallel attempts cannot
    // all slip under the limit; a successful one is taken back afterwards.
    if !throttle.attempt(&user_key, FAILURES_PER_USER, now)
        || address_key
            .as_deref()
            .is_some_and(|k| !throttle.attempt(k, FAILURES_PER_ADDRESS, now))
    {
        return Err(AccountError::RateLimited);
    }
    let account = get(ctx, username).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    if !verify(password, stored).await {
        // The username only as a short, escaped value: people type passwords into it.
        let shown: String = username.chars().take(32).collect();
        tracing::info!(username = ?shown, client = ?client, "failed login");
        return Err(AccountError::WrongCredentials);
    }
    throttle.clear(&user_key);
    if let Some(key) = &address_key {
        throttle.forget_last(key);
    }
    let account = account.ok_or(AccountError::WrongCredentials)?;
    let role = role_of(&account);
    let (token, expires) = ctx
        .keys
        .issue(
            &account.username,
            role,
            stations_of(&account),
            ctx.settings.token_ttl.0,
        )
        .map_err(|e| AccountError::Invalid(e.to_string()))?;
    tracing::info!(username = %username, role = %role, "login");
    Ok((token, expires, role))
}
