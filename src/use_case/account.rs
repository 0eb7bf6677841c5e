//! Account use cases: create, change, approve and delete API accounts (argon2id password
//! hashes), each within what the administrator or operator doing it may manage ([`Grantor`]:
//! its role and station scope); log in, with failed attempts limited per username and per
//! client address; a caller's change of its own password; and drivers registering themselves
//! (`--self-registration`), held pending until approved, in bounded numbers.

use std::{collections::BTreeSet, net::IpAddr};

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};
use chrono::Utc;
use entity::{account, id_tag};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TryInsertResult,
};

use crate::{
    auth::{Principal, Role},
    context::Context,
    store::StoreError,
    throttle::{AttemptKeys, MAX_USERNAME},
};

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
    /// `changePassword` with a current password that is not the account's.
    #[error("the current password is not right")]
    WrongPassword,
    /// The password was right, but the account registered itself and waits for approval.
    #[error("this account waits for an operator's approval")]
    Pending,
    /// The token's subject names no account: its password, if any, is kept elsewhere (an
    /// outside identity provider's token, or one printed by `chargegate token`).
    #[error(
        "this token is not an account's ({0:?} has no account here): change the password where \
         it is kept"
    )]
    NotAnAccount(String),
    #[error("too many failed logins; try again later")]
    RateLimited,
    #[error("{0}")]
    Forbidden(String),
    /// `--max-pending-accounts` accounts wait for approval already.
    #[error(
        "{0} registrations wait for approval already; try again once an operator has dealt \
         with them"
    )]
    TooManyPending(u64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who creates, changes, approves or deletes accounts, and within what: a role and a station
/// scope. An administrator manages accounts of every role, an operator only drivers' (it may
/// neither create nor raise an account to another role); a scoped grantor manages only
/// accounts inside its scope (limited to some of its stations; an account without a list has
/// every station, so it is outside any scope).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grantor {
    pub role: Role,
    /// `None`: every station.
    pub stations: Option<BTreeSet<String>>,
}

impl Grantor {
    /// The command line (`chargegate user add`): whoever can run it owns the database.
    pub fn unlimited() -> Self {
        Self {
            role: Role::Admin,
            stations: None,
        }
    }

    pub fn of(principal: &Principal) -> Self {
        Self {
            role: principal.role,
            stations: principal.stations.clone(),
        }
    }

    /// Whether an account limited to `stations` (`None`: all) is inside this scope.
    pub fn covers(&self, stations: Option<&[String]>) -> bool {
        match (&self.stations, stations) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(mine), Some(theirs)) => theirs.iter().all(|s| mine.contains(s)),
        }
    }

    /// Whether this grantor may give `role` (and manage accounts that have it): an
    /// administrator every role, an operator the driver role only.
    fn may_give(&self, role: Role) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Operator => role == Role::Driver,
            Role::Viewer | Role::Driver => false,
        }
    }

    /// Whether an account with `role` and `stations` is one this grantor may manage.
    fn manages(&self, role: Role, stations: Option<&[String]>) -> bool {
        self.may_give(role) && self.covers(stations)
    }

    /// `FORBIDDEN` unless this grantor may give `role`.
    fn check_role(&self, role: Role) -> Result<(), AccountError> {
        if self.may_give(role) {
            return Ok(());
        }
        Err(AccountError::Forbidden(format!(
            "the {} role may not give the {role} role{}",
            self.role,
            if self.role == Role::Operator {
                " (operators manage driver accounts only)"
            } else {
                ""
            }
        )))
    }

    /// `FORBIDDEN` unless an account limited to `stations` is inside this grantor's scope.
    fn check_stations(&self, stations: Option<&[String]>) -> Result<(), AccountError> {
        if self.covers(stations) {
            return Ok(());
        }
        Err(AccountError::Forbidden(
            "this token is limited to some stations: the account must be limited to some of \
             those stations too"
                .into(),
        ))
    }
}

fn check_username(username: &str) -> Result<(), AccountError> {
    let ok = (1..=MAX_USERNAME).contains(&username.chars().count())
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

/// Creates an account, if `by` may give it this role and these stations.
pub async fn create(
    ctx: &Context,
    by: &Grantor,
    username: &str,
    password: &str,
    role: Role,
    stations: Option<Vec<String>>,
) -> Result<account::Model, AccountError> {
    check_username(username)?;
    check_password(password)?;
    by.check_role(role)?;
    by.check_stations(stations.as_deref())?;
    let now = Utc::now();
    let row = account::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(hash(password).await?),
        role: Set(role.as_str().to_owned()),
        stations: Set(stations_column(&stations)?),
        pending: Set(false),
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

/// What a change of an account found, decided inside its database transaction (so that the
/// account checked is the account changed).
enum Change {
    Done,
    NotFound,
    Forbidden,
}

/// Whether `by` may manage the account as it is stored now.
async fn may_manage<C: sea_orm::ConnectionTrait>(
    txn: &C,
    by: &Grantor,
    username: &str,
) -> Result<Change, sea_orm::DbErr> {
    Ok(
        match account::Entity::find_by_id(username).one(txn).await? {
            None => Change::NotFound,
            Some(row) if by.manages(role_of(&row), stations_of(&row).as_deref()) => Change::Done,
            Some(_) => Change::Forbidden,
        },
    )
}

fn outcome(change: Change, username: &str) -> Result<(), AccountError> {
    match change {
        Change::Done => Ok(()),
        Change::NotFound => Err(AccountError::NotFound(username.to_owned())),
        Change::Forbidden => Err(AccountError::Forbidden(format!(
            "the account {username:?} is outside this token's stations or role (operators \
             manage driver accounts only)"
        ))),
    }
}

/// Changes what is given: a new password, role or station scope (`Some(None)` clears it).
/// `by` must manage the account as it is and as it will be.
pub async fn update(
    ctx: &Context,
    by: &Grantor,
    username: &str,
    password: Option<&str>,
    role: Option<Role>,
    stations: Option<Option<Vec<String>>>,
) -> Result<account::Model, AccountError> {
    if let Some(role) = role {
        by.check_role(role)?;
    }
    if let Some(stations) = &stations {
        by.check_stations(stations.as_deref())?;
    }
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
        pending: NotSet,
        created_at: NotSet,
        updated_at: Set(Utc::now()),
    };
    let (name, by_) = (username.to_owned(), by.clone());
    let change = ctx
        .store
        .write(move |txn| {
            let (row, username, by) = (row.clone(), name.clone(), by_.clone());
            Box::pin(async move {
                let change = may_manage(txn, &by, &username).await?;
                if matches!(change, Change::Done) {
                    account::Entity::update_many()
                        .set(row)
                        .filter(account::Column::Username.eq(username))
                        .exec(txn)
                        .await?;
                }
                Ok(change)
            })
        })
        .await?;
    outcome(change, username)?;
    get(ctx, username)
        .await?
        .ok_or_else(|| AccountError::NotFound(username.to_owned()))
}

/// Deletes an account `by` manages; false if there is none.
pub async fn delete(ctx: &Context, by: &Grantor, username: &str) -> Result<bool, AccountError> {
    let (name, by_) = (username.to_owned(), by.clone());
    let change = ctx
        .store
        .write(move |txn| {
            let (username, by) = (name.clone(), by_.clone());
            Box::pin(async move {
                let change = may_manage(txn, &by, &username).await?;
                if matches!(change, Change::Done) {
                    account::Entity::delete_by_id(username).exec(txn).await?;
                }
                Ok(change)
            })
        })
        .await?;
    match change {
        Change::NotFound => Ok(false),
        other => outcome(other, username).map(|()| true),
    }
}

pub async fn get(ctx: &Context, username: &str) -> Result<Option<account::Model>, StoreError> {
    Ok(account::Entity::find_by_id(username)
        .one(ctx.store.reader())
        .await?)
}

/// The accounts `by` manages (an operator sees drivers only, a scoped grantor only those
/// inside its scope), only the pending ones or only the others when `pending` says so.
pub async fn list(
    ctx: &Context,
    by: &Grantor,
    pending: Option<bool>,
) -> Result<Vec<account::Model>, StoreError> {
    let mut query = account::Entity::find().order_by_asc(account::Column::Username);
    if let Some(pending) = pending {
        query = query.filter(account::Column::Pending.eq(pending));
    }
    let rows = query.all(ctx.store.reader()).await?;
    Ok(rows
        .into_iter()
        .filter(|row| by.manages(role_of(row), stations_of(row).as_deref()))
        .collect())
}

/// Checks a username and password and issues a token for the account.
pub async fn login(
    ctx: &Context,
    username: &str,
    password: &str,
    client: Option<IpAddr>,
) -> Result<(String, chrono::DateTime<Utc>, Role), AccountError> {
    let keys = AttemptKeys::new(username, client);
    ctx.login_throttle
        .attempt(&keys)
        .map_err(|_| AccountError::RateLimited)?;
    let account = get(ctx, username).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    if !verify(password, stored).await {
        // The username only as a short, escaped value: people type passwords into it.
        let shown: String = username.chars().take(32).collect();
        tracing::info!(username = ?shown, client = ?client, "failed login");
        return Err(AccountError::WrongCredentials);
    }
    ctx.login_throttle.succeeded(&keys);
    let account = account.ok_or(AccountError::WrongCredentials)?;
    // Said only to whoever knows the password: a guesser learns nothing of pending accounts.
    if account.pending {
        tracing::info!(username = %username, "login of an account waiting for approval");
        return Err(AccountError::Pending);
    }
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
    super::audit::note_login(&account.username, role.as_str());
    Ok((token, expires, role))
}

/// Changes the password of the account `username` (the caller's own, by its token's `sub`)
/// after checking its current one. Wrong current passwords count in the login throttle, per
/// username and per address, as failed logins do.
pub async fn change_password(
    ctx: &Context,
    username: &str,
    current: &str,
    new: &str,
    client: Option<IpAddr>,
) -> Result<(), AccountError> {
    check_password(new)?;
    let Some(account) = get(ctx, username).await? else {
        return Err(AccountError::NotAnAccount(username.to_owned()));
    };
    let keys = AttemptKeys::new(username, client);
    ctx.login_throttle
        .attempt(&keys)
        .map_err(|_| AccountError::RateLimited)?;
    let old_hash = account.password_hash;
    if !verify(current, Some(old_hash.clone())).await {
        tracing::info!(username = %username, client = ?client, "wrong current password");
        return Err(AccountError::WrongPassword);
    }
    ctx.login_throttle.succeeded(&keys);
    let new_hash = hash(new).await?;
    let name = username.to_owned();
    let changed = ctx
        .store
        .write(move |txn| {
            let (name, old_hash, new_hash) = (name.clone(), old_hash.clone(), new_hash.clone());
            Box::pin(async move {
                // Only over the hash that was checked: a change in between is not overwritten.
                let result = account::Entity::update_many()
                    .set(account::ActiveModel {
                        password_hash: Set(new_hash),
                        updated_at: Set(Utc::now()),
                        ..Default::default()
                    })
                    .filter(account::Column::Username.eq(name))
                    .filter(account::Column::PasswordHash.eq(old_hash))
                    .exec(txn)
                    .await?;
                Ok(result.rows_affected > 0)
            })
        })
        .await?;
    if !changed {
        return Err(AccountError::Invalid(
            "the account's password changed (or the account went) meanwhile; sign in again".into(),
        ));
    }
    tracing::info!(username = %username, "password changed");
    Ok(())
}

/// What a registration found, decided inside its database transaction.
enum Registration {
    Done,
    Taken,
    Full,
}

/// Registers a driver account that waits, pending, until an operator approves it
/// ([`approve`]); only with `--self-registration`. Every attempt counts against the client's
/// address (the throttle's registrations), and at most `--max-pending-accounts` wait at once.
/// A username that names an account, or owns id tags (an account deleted since, or a subject
/// of an outside provider), is taken: a newcomer must not inherit someone's tags.
pub async fn register(
    ctx: &Context,
    username: &str,
    password: &str,
    client: Option<IpAddr>,
) -> Result<account::Model, AccountError> {
    if !ctx.settings.self_registration {
        return Err(AccountError::Forbidden(
            "drivers cannot register themselves on this server (CHARGEGATE_SELF_REGISTRATION \
             is off): ask an operator for an account"
                .into(),
        ));
    }
    ctx.login_throttle
        .registration(client)
        .map_err(|_| AccountError::RateLimited)?;
    check_username(username)?;
    check_password(password)?;
    let max = ctx.settings.limits.max_pending_accounts;
    let now = Utc::now();
    let row = account::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(hash(password).await?),
        role: Set(Role::Driver.as_str().to_owned()),
        stations: Set(None),
        pending: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let name = username.to_owned();
    let outcome = ctx
        .store
        .write(move |txn| {
            let (row, username) = (row.clone(), name.clone());
            Box::pin(async move {
                let taken = account::Entity::find_by_id(username.clone())
                    .one(txn)
                    .await?
                    .is_some()
                    || id_tag::Entity::find()
                        .filter(id_tag::Column::Owner.eq(username))
                        .count(txn)
                        .await?
                        > 0;
                if taken {
                    return Ok(Registration::Taken);
                }
                let waiting = account::Entity::find()
                    .filter(account::Column::Pending.eq(true))
                    .count(txn)
                    .await?;
                if waiting >= max {
                    return Ok(Registration::Full);
                }
                let inserted = account::Entity::insert(row)
                    .on_conflict_do_nothing()
                    .exec_without_returning(txn)
                    .await?;
                Ok(match inserted {
                    TryInsertResult::Inserted(n) if n > 0 => Registration::Done,
                    _ => Registration::Taken,
                })
            })
        })
        .await?;
    match outcome {
        Registration::Done => {}
        Registration::Taken => return Err(AccountError::Exists(username.to_owned())),
        Registration::Full => {
            tracing::warn!(
                max,
                "a registration was refused: --max-pending-accounts accounts wait for approval"
            );
            return Err(AccountError::TooManyPending(max));
        }
    }
    tracing::info!(username = %username, client = ?client, "a driver registered; pending approval");
    get(ctx, username)
        .await?
        .ok_or_else(|| AccountError::NotFound(username.to_owned()))
}

/// Approves an account `by` manages: it may log in from now on. An account that is not
/// pending stays as it is.
pub async fn approve(
    ctx: &Context,
    by: &Grantor,
    username: &str,
) -> Result<account::Model, AccountError> {
    let (name, by_) = (username.to_owned(), by.clone());
    let change = ctx
        .store
        .write(move |txn| {
            let (username, by) = (name.clone(), by_.clone());
            Box::pin(async move {
                let change = may_manage(txn, &by, &username).await?;
                if matches!(change, Change::Done) {
                    account::Entity::update_many()
                        .set(account::ActiveModel {
                            pending: Set(false),
                            updated_at: Set(Utc::now()),
                            ..Default::default()
                        })
                        .filter(account::Column::Username.eq(username))
                        .filter(account::Column::Pending.eq(true))
                        .exec(txn)
                        .await?;
                }
                Ok(change)
            })
        })
        .await?;
    outcome(change, username)?;
    tracing::info!(username = %username, "account approved");
    get(ctx, username)
        .await?
        .ok_or_else(|| AccountError::NotFound(username.to_owned()))
}

/// The id tags an account owns (`id_tags.owner` is its username), by tag.
pub async fn tags_of(
    ctx: &Context,
    usernames: &[String],
) -> Result<Vec<id_tag::Model>, StoreError> {
    Ok(id_tag::Entity::find()
        .filter(id_tag::Column::Owner.is_in(usernames.iter().cloned()))
        .order_by_asc(id_tag::Column::IdTagKey)
        .all(ctx.store.reader())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_covers_accounts_limited_to_some_of_its_stations() {
        let scoped = Grantor {
            role: Role::Admin,
            stations: Some(["A".to_owned(), "B".to_owned()].into()),
        };
        let list = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(scoped.covers(Some(&list(&["A"]))));
        assert!(scoped.covers(Some(&list(&["A", "B"]))));
        assert!(!scoped.covers(Some(&list(&["A", "C"]))));
        assert!(!scoped.covers(None), "no list means every station");
        assert!(Grantor::unlimited().covers(None));
        let operator = Grantor {
            role: Role::Operator,
            stations: None,
        };
        assert!(operator.check_role(Role::Admin).is_err());
        assert!(operator.check_role(Role::Operator).is_err());
        assert!(operator.check_role(Role::Viewer).is_err());
        assert!(operator.check_role(Role::Driver).is_ok());
        assert!(operator.manages(Role::Driver, None));
        assert!(!operator.manages(Role::Viewer, None));
        for role in [Role::Viewer, Role::Driver] {
            let grantor = Grantor {
                role,
                stations: None,
            };
            assert!(!grantor.manages(Role::Driver, None));
        }
    }
}
