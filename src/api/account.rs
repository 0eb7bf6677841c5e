//! Accounts in the API: `login` (username and password for a token), `me`, a caller's own
//! `changePassword`, drivers' self-registration (`register`, `selfRegistration`), and the
//! accounts administrators and operators manage (operators: drivers' accounts), with their
//! approval and the id tags each owns.

use std::{collections::HashMap, net::IpAddr, sync::Arc};

use async_graphql::{
    ComplexObject, Context, Enum, ID, MaybeUndefined, Object, Result, SimpleObject,
    dataloader::{DataLoader, Loader},
};
use chrono::{DateTime, Utc};

use super::{
    error::ApiError,
    guard::{app, operator, principal},
    id_tag::IdTag,
};
use crate::{
    auth::Role,
    context,
    use_case::account::{self, Grantor},
};

/// What an account or token may do.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountRole {
    /// Everything, including accounts.
    Admin,
    /// All queries, remote commands, id tags, station approval.
    Operator,
    /// Read-only queries and subscriptions.
    Viewer,
    /// The transactions of its own id tags, and remote start/stop with them.
    Driver,
}

impl From<Role> for AccountRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Admin => Self::Admin,
            Role::Operator => Self::Operator,
            Role::Viewer => Self::Viewer,
            Role::Driver => Self::Driver,
        }
    }
}

impl From<AccountRole> for Role {
    fn from(role: AccountRole) -> Self {
        match role {
            AccountRole::Admin => Self::Admin,
            AccountRole::Operator => Self::Operator,
            AccountRole::Viewer => Self::Viewer,
            AccountRole::Driver => Self::Driver,
        }
    }
}

/// The client's address, for limiting failed logins.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub Option<IpAddr>);

#[derive(SimpleObject)]
pub struct LoginResult {
    /// A bearer token for the `Authorization` header (or `connection_init`).
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub role: AccountRole,
}

/// The caller, as its token says.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Me {
    pub sub: String,
    pub role: AccountRole,
    /// The stations the token is limited to; absent means all.
    pub stations: Option<Vec<ID>>,
}

#[ComplexObject]
impl Me {
    /// The energy budget of the caller's account over all its tags (null: none).
    async fn budget(&self, ctx: &Context<'_>) -> Result<Option<super::budget::EnergyBudget>> {
        let subject = crate::use_case::budget::Subject::Account(self.sub.clone());
        super::budget::of(ctx, subject).await
    }
}

pub struct Account(pub entity::account::Model);

#[Object]
impl Account {
    async fn username(&self) -> &str {
        &self.0.username
    }
    async fn role(&self) -> AccountRole {
        account::role_of(&self.0).into()
    }
    /// The stations the account is limited to; absent means all.
    async fn stations(&self) -> Option<Vec<ID>> {
        account::stations_of(&self.0).map(|s| s.into_iter().map(ID).collect())
    }
    /// Registered by themself and not yet approved: cannot log in.
    async fn pending(&self) -> bool {
        self.0.pending
    }
    /// The id tags this account owns (staff, or the account itself).
    async fn id_tags(&self, ctx: &Context<'_>) -> Result<Vec<IdTag>> {
        let p = principal(ctx)?;
        if !p.role.is_staff() && p.sub != self.0.username {
            return Err(ApiError::Forbidden(
                "only staff and the account itself see the account's id tags".into(),
            )
            .into());
        }
        let tags = ctx
            .data_unchecked::<OwnedTagsLoader>()
            .load_one(self.0.username.clone())
            .await?
            .unwrap_or_default();
        Ok(tags.into_iter().map(IdTag).collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The account's energy budget over all the tags it owns, with what its current period
    /// used (null: none).
    async fn budget(&self, ctx: &Context<'_>) -> Result<Option<super::budget::EnergyBudget>> {
        let subject = crate::use_case::budget::Subject::Account(self.0.username.clone());
        super::budget::of(ctx, subject).await
    }
}

/// Loads the id tags of every account of a list in one statement.
pub struct OwnedTags(Arc<context::Context>);

pub type OwnedTagsLoader = DataLoader<OwnedTags>;

/// The loader of accounts' id tags, for the schema's data.
pub fn owned_tags_loader(ctx: Arc<context::Context>) -> OwnedTagsLoader {
    DataLoader::new(OwnedTags(ctx), tokio::spawn)
}

impl Loader<String> for OwnedTags {
    type Value = Vec<entity::id_tag::Model>;
    type Error = ApiError;

    async fn load(&self, usernames: &[String]) -> Result<HashMap<String, Self::Value>, ApiError> {
        let mut by_owner: HashMap<String, Self::Value> = HashMap::new();
        for tag in account::tags_of(&self.0, usernames).await? {
            if let Some(owner) = tag.owner.clone() {
                by_owner.entry(owner).or_default().push(tag);
            }
        }
        Ok(by_owner)
    }
}

fn station_list(stations: Option<Vec<ID>>) -> Option<Vec<String>> {
    stations.map(|s| s.into_iter().map(|id| id.0).collect())
}

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// Who the token belongs to.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        let p = principal(ctx)?;
        Ok(Me {
            sub: p.sub.clone(),
            role: p.role.into(),
            stations: p
                .stations
                .as_ref()
                .map(|s| s.iter().cloned().map(ID).collect()),
        })
    }

    /// The accounts the caller manages (administrators: every account; operators: drivers'
    /// accounts; for a token limited to some stations, only the accounts limited to some of
    /// those stations). `pending`: only those waiting for approval (true), or only the others
    /// (false).
    async fn accounts(&self, ctx: &Context<'_>, pending: Option<bool>) -> Result<Vec<Account>> {
        let by = Grantor::of(operator(ctx)?);
        let rows = account::list(app(ctx), &by, pending)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Account).collect())
    }

    /// Whether people may register themselves as drivers (no token needed).
    async fn self_registration(&self, ctx: &Context<'_>) -> bool {
        app(ctx).settings.self_registration
    }
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Exchanges a username and password for a token. Failed attempts are limited per
    /// username and per address (`RATE_LIMITED`). An account that waits for approval gets
    /// `ACCOUNT_PENDING`, only once its password was right.
    async fn login(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: String,
    ) -> Result<LoginResult> {
        let (token, expires_at, role) = account::login(app(ctx), &username, &password, client(ctx))
            .await
            .map_err(ApiError::from)?;
        Ok(LoginResult {
            token,
            expires_at,
            role: role.into(),
        })
    }

    /// Creates an account (administrators; operators create drivers' accounts only). A token
    /// limited to some stations creates only accounts limited to some of those stations.
    async fn create_account(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: String,
        role: AccountRole,
        stations: Option<Vec<ID>>,
    ) -> Result<Account> {
        let by = Grantor::of(operator(ctx)?);
        let row = account::create(
            app(ctx),
            &by,
            &username,
            &password,
            role.into(),
            station_list(stations),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(Account(row))
    }

    /// Changes an account's password, role or stations (administrators; operators only
    /// drivers' accounts, which stay drivers'); omitted arguments stay as they are,
    /// `stations: null` lifts the limit. A token limited to some stations changes only accounts
    /// limited to some of those stations, and keeps them so.
    async fn update_account(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: Option<String>,
        role: Option<AccountRole>,
        stations: MaybeUndefined<Vec<ID>>,
    ) -> Result<Account> {
        let by = Grantor::of(operator(ctx)?);
        let stations = match stations {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(s) => Some(station_list(Some(s))),
        };
        let row = account::update(
            app(ctx),
            &by,
            &username,
            password.as_deref(),
            role.map(Into::into),
            stations,
        )
        .await
        .map_err(ApiError::from)?;
        Ok(Account(row))
    }

    /// Deletes an account (administrators; operators only drivers' accounts; a token limited to
    /// some stations only accounts limited to some of those stations). Tokens already issued
    /// stay valid until they expire. False if there was no such account. Deleting a pending
    /// account turns its registration down.
    async fn delete_account(&self, ctx: &Context<'_>, username: String) -> Result<bool> {
        let by = Grantor::of(operator(ctx)?);
        Ok(account::delete(app(ctx), &by, &username)
            .await
            .map_err(ApiError::from)?)
    }

    /// The caller changes its own password (any role; the token must be an account's, else
    /// `FORBIDDEN`). A wrong current password is `BAD_USER_INPUT` and counts as a failed login
    /// (`RATE_LIMITED` after too many). Tokens already issued stay valid until they expire.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> Result<bool> {
        let p = principal(ctx)?;
        account::change_password(
            app(ctx),
            &p.sub,
            &current_password,
            &new_password,
            client(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(true)
    }

    /// Registers a driver account, held pending until an operator approves it (only when
    /// CHARGEGATE_SELF_REGISTRATION=true, else `FORBIDDEN`; no token needed; rate-limited like
    /// login, per address: `RATE_LIMITED`). A taken username is `CONFLICT`; when
    /// `--max-pending-accounts` wait already, `LIMIT_EXCEEDED`.
    async fn register(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: String,
    ) -> Result<Account> {
        let row = account::register(app(ctx), &username, &password, client(ctx))
            .await
            .map_err(ApiError::from)?;
        Ok(Account(row))
    }

    /// Approves a pending account (operators and administrators, within what they manage): it
    /// may log in from now on. Approving an account that is not pending changes nothing.
    async fn approve_account(&self, ctx: &Context<'_>, username: String) -> Result<Account> {
        let by = Grantor::of(operator(ctx)?);
        let row = account::approve(app(ctx), &by, &username)
            .await
            .map_err(ApiError::from)?;
        Ok(Account(row))
    }
}

/// The client's address, when the transport gave one.
fn client(ctx: &Context<'_>) -> Option<IpAddr> {
    ctx.data_opt::<ClientAddr>().and_then(|c| c.0)
}
