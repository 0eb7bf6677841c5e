//! An id tag (RFID card, app token): its authorisation status, expiry and parent (group) tag.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "id_tags")]
pub struct Model {
    /// The tag folded to lower case: OCPP id tags are case-insensitive (CiString20).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id_tag_key: String,
    /// The tag as it was first given.
    pub id_tag: String,
    /// `Accepted`, `Blocked`, `Expired` or `Invalid`.
    pub status: String,
    pub expiry_date: Option<DateTimeUtc>,
    /// The parent (group) tag as given.
    pub parent_id_tag: Option<String>,
    /// The parent tag folded to lower case, for finding a group's members.
    pub parent_id_tag_key: Option<String>,
    /// The account (its username, or a token's `sub`; at most 255 characters) whose driver
    /// uses this tag.
    pub owner: Option<String>,
    /// Created because a station used a tag the server did not know (not by an operator).
    pub auto_created: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
