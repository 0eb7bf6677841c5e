//! A SignCertificate request (a station's CSR) and what became of it: rejected, waiting for a
//! certificate, or a certificate sent in CertificateSigned and the station's verdict.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificate_signing_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The PEM text as the station sent it.
    pub csr: String,
    /// The subject's CN and O, when the CSR could be read.
    pub common_name: Option<String>,
    pub organization: Option<String>,
    /// `Rejected` (answered Rejected), `Pending` (answered Accepted, no certificate accepted
    /// yet), `Accepted` or `CertificateRejected` (the station's answer to CertificateSigned).
    pub state: String,
    /// Why it was rejected, or the last failure to sign or send its certificate.
    pub reason: Option<String>,
    /// The chain last sent in CertificateSigned.
    pub certificate_chain: Option<String>,
    /// `ca` (chargegate's configured CA) or the operator who sent the chain.
    pub signed_by: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    /// The station's CertificateSigned answer: `Accepted` or `Rejected`.
    pub station_status: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
