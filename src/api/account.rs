//! Accounts in the API: `login` (username and password for a token), `me`, and the accounts
//! an administrator manages.

use std::net::IpAddr;

use async_graphql::{
    ComplexObject, Context, Enum, ID, MaybeUndefined, Object, Result, SimpleObject,
};
use chrono::{DateTime, Utc};

use super::{
    error::ApiError,
    guard::{admin, app, principal},
};
use crate::{
    auth::Role,
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
        super::budget::of(app(ctx), &subject).await
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
        super::budget::of(app(ctx), &subject).await
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

    /// The accounts the caller manages (administrators only): every account, or, for a token
    /// limited to some stations, the accounts limited to some of those stations.
    async fn accounts(&self, ctx: &Context<'_>) -> Result<Vec<Account>> {
        let by = Grantor::of(admin(ctx)?);
        let rows = account::list(app(ctx), &by).await.map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Account).collect())
    }
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Exchanges a username and password for a token. Failed attempts are limited per
    /// username and per address (`RATE_LIMITED`).
    async fn login(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: String,
    ) -> Result<LoginResult> {
        let client = ctx.data_opt::<ClientAddr>().and_then(|c| c.0);
        let (token, expires_at, role) = account::login(app(ctx), &username, &password, client)
            .await
            .map_err(ApiError::from)?;
        Ok(LoginResult {
            token,
            expires_at,
            role: role.into(),
        })
    }

    /// Creates an account (administrators only). A token limited to some stations creates only
    /// accounts limited to some of those stations.
    async fn create_account(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: String,
        role: AccountRole,
        stations: Option<Vec<ID>>,
    ) -> Result<Account> {
        let by = Grantor::of(admin(ctx)?);
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

    /// Changes an account's password, role or stations (administrators only); omitted
    /// arguments stay as they are, `stations: null` lifts the limit. A token limited to some
    /// stations changes only accounts limited to some of those stations, and keeps them so.
    async fn update_account(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: Option<String>,
        role: Option<AccountRole>,
        stations: MaybeUndefined<Vec<ID>>,
    ) -> Result<Account> {
        let by = Grantor::of(admin(ctx)?);
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

    /// Deletes an account (administrators only; a token limited to some stations only accounts
    /// limited to some of those stations). Tokens already issued stay valid until they expire.
    /// False if there was no such account.
    async fn delete_account(&self, ctx: &Context<'_>, username: String) -> Result<bool> {
        let by = Grantor::of(admin(ctx)?);
        Ok(account::delete(app(ctx), &by, &username)
            .await
            .map_err(ApiError::from)?)
    }
}
