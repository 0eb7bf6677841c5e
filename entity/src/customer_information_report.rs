//! The customer information an OCPP 2.0.1 station reported for one CustomerInformation request
//! (NotifyCustomerInformation, in parts): the parts' data joined in order of arrival, cut at a
//! size bound.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customer_information_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The `requestId` of the CustomerInformation the report answers.
    pub request_id: i32,
    /// The parts' `data`, joined.
    pub data: String,
    /// Parts received.
    pub parts: i32,
    /// Whether the last part (`tbc` false) arrived.
    pub complete: bool,
    /// Whether data was dropped at the size bound.
    pub truncated: bool,
    /// The latest part's `generatedAt`.
    pub generated_at: DateTimeUtc,
    /// When the latest part arrived.
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
