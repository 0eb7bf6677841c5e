//! The audit trail: who (`sub`, role) did what (`action`: a mutation's name, `login`,
//! `loginFailed`, `rest:<METHOD> <path>`) to what (`target`), from where, with which arguments
//! (secrets masked) and how it ended (`OK` or the error's code; a command's station answer).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    /// The token's subject; empty for a caller without a valid token (a failed login).
    pub sub: Option<String>,
    /// `admin`, `operator`, `viewer` or `driver`; empty without a valid token.
    pub role: Option<String>,
    /// The client's address as the login throttles see it (after trusted proxies).
    pub address: Option<String>,
    pub action: String,
    /// What the action was about: a station id, an id tag, a username, …
    pub target: Option<String>,
    /// The arguments as a JSON object, secrets masked (`"***"`).
    pub arguments: String,
    /// `OK`, or the error's `extensions.code`.
    pub outcome: String,
    /// A remote command's answer from the station (its `status`, or `CallError:<code>`).
    pub answer: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
