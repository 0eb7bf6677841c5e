//! The alerts' outbox: one row per alert and destination (a webhook or an e-mail address),
//! `pending` until delivered (`delivered`) or given up after the last attempt (`failed`). A node
//! delivering it holds a lease (`lease_until_ms`, `lease_node`); when the lease runs out (the node
//! died) another node takes it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub alert_id: String,
    /// `webhook` or `email`.
    pub channel: String,
    /// The webhook's id, or the e-mail address.
    pub target: String,
    /// `pending`, `delivered` or `failed`.
    pub state: String,
    pub attempts: i32,
    /// Not before this (Unix milliseconds).
    pub next_attempt_ms: i64,
    pub lease_until_ms: Option<i64>,
    pub lease_node: Option<String>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub delivered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
