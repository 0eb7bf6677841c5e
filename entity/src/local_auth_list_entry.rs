//! One id tag in a station's local authorisation list, with the `IdTagInfo` the station got.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "local_auth_list_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub station_id: String,
    /// The tag folded to lower case.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id_tag_key: String,
    pub id_tag: String,
    pub status: String,
    pub expiry_date: Option<DateTimeUtc>,
    pub parent_id_tag: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
