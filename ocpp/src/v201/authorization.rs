//! Authorization (block C): Authorize and ClearCache.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// Authorize

/// Authorize request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorizeRequest {
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CiString<5500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso15118_certificate_hash_data: Option<Vec<OcspRequestData>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for AuthorizeRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.id_token.check_at(At::Field(&at, "idToken"))?;
        if let Some(v) = &self.iso15118_certificate_hash_data {
            count(at, "iso15118CertificateHashData", v.len(), 1, 4)?;
        }
        Ok(())
    }
}

impl Payload for AuthorizeRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// Authorize response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorizeResponse {
    pub id_token_info: IdTokenInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_status: Option<AuthorizeCertificateStatusEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for AuthorizeResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.id_token_info.check_at(At::Field(&at, "idTokenInfo"))?;
        Ok(())
    }
}

impl Payload for AuthorizeResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// ClearCache

/// ClearCache request (a command, CSMS → station).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearCacheRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearCacheRequest {}
command!(ClearCacheRequest => ClearCacheResponse, "ClearCache");

/// ClearCache response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearCacheResponse {
    pub status: ClearCacheStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearCacheResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `AuthorizeCertificateStatusEnumType`.
    AuthorizeCertificateStatusEnum {
        Accepted = "Accepted",
        SignatureError = "SignatureError",
        CertificateExpired = "CertificateExpired",
        CertificateRevoked = "CertificateRevoked",
        NoCertificateAvailable = "NoCertificateAvailable",
        CertChainError = "CertChainError",
        ContractCancelled = "ContractCancelled",
    }
);

ocpp_enum!(
    /// `ClearCacheStatusEnumType`.
    ClearCacheStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);
