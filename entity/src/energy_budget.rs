//! An energy budget: at most `limit_wh` per calendar week or month, for one id tag or for all
//! the tags an account owns.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "energy_budgets")]
pub struct Model {
    /// `tag` or `account`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    /// The tag's key (folded to lower case) or the account's username.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_key: String,
    pub limit_wh: f64,
    /// `week` or `month`.
    pub period: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
