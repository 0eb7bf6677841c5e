//! Security (block A): the station's certificate signing (SignCertificate, CertificateSigned) and
//! SecurityEventNotification.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::Payload;
use crate::types::ocpp_enum;

// SecurityEventNotification

/// SecurityEventNotification request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityEventNotificationRequest {
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_info: Option<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SecurityEventNotificationRequest {}

/// SecurityEventNotification response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityEventNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SecurityEventNotificationResponse {}

// SignCertificate

/// SignCertificate request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignCertificateRequest {
    pub csr: CiString<5500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateSigningUseEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SignCertificateRequest {}

/// SignCertificate response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignCertificateResponse {
    pub status: GenericStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SignCertificateResponse {}

// CertificateSigned

/// CertificateSigned request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateSignedRequest {
    pub certificate_chain: CiString<10000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<CertificateSigningUseEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CertificateSignedRequest {}
command!(CertificateSignedRequest => CertificateSignedResponse, "CertificateSigned");

/// CertificateSigned response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateSignedResponse {
    pub status: CertificateSignedStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CertificateSignedResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `CertificateSignedStatusEnumType`.
    CertificateSignedStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);
