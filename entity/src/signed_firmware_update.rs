//! A SignedUpdateFirmware request sent to a station and its answer;
//! SignedFirmwareStatusNotifications refer to it by `(station_id, request_id)`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signed_firmware_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The `requestId` sent: the operator's, or this row's `id` when none was given.
    pub request_id: i32,
    pub location: String,
    pub retrieve_date_time: DateTimeUtc,
    pub install_date_time: Option<DateTimeUtc>,
    /// PEM of the firmware signing certificate.
    pub signing_certificate: String,
    /// Base64 of the firmware signature.
    pub signature: String,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
    pub requested_by: String,
    pub requested_at: DateTimeUtc,
    /// The station's answer (`Accepted`, `Rejected`, `AcceptedCanceled`, `InvalidCertificate`,
    /// `RevokedCertificate`); absent while waiting or when the request failed.
    pub status: Option<String>,
    /// Why no answer came.
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
