//! An API account: a username, its password hash (argon2id) and the role it acts with.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    /// Also the `sub` of the tokens issued to it.
    #[sea_orm(primary_key, auto_increment = false)]
    pub username: String,
    /// PHC string of an argon2id hash; never the password.
    pub password_hash: String,
    /// `admin`, `operator`, `viewer` or `driver`.
    pub role: String,
    /// The station ids the account is limited to, as a JSON list; NULL means all stations.
    pub stations: Option<String>,
    /// Registered by themself (`register`) and not yet approved by an operator: cannot log in.
    pub pending: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
