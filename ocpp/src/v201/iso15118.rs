//! ISO 15118 certificate management (block M): EV contract certificates, OCSP status, and
//! installing, listing and deleting certificates.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// Get15118EVCertificate

/// Get15118EVCertificate request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Get15118EVCertificateRequest {
    pub iso15118_schema_version: CiString<50>,
    pub action: CertificateActionEnum,
    pub exi_request: CiString<5600>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for Get15118EVCertificateRequest {}

/// Get15118EVCertificate response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Get15118EVCertificateResponse {
    pub status: Iso15118EvCertificateStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    pub exi_response: CiString<7500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for Get15118EVCertificateResponse {}

// GetCertificateStatus

/// GetCertificateStatus request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetCertificateStatusRequest {
    pub ocsp_request_data: OcspRequestData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetCertificateStatusRequest {}

/// GetCertificateStatus response (the CSMS's answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetCertificateStatusResponse {
    pub status: GetCertificateStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocsp_result: Option<CiString<5500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetCertificateStatusResponse {}

// InstallCertificate

/// InstallCertificate request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstallCertificateRequest {
    pub certificate_type: InstallCertificateUseEnum,
    pub certificate: CiString<5500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for InstallCertificateRequest {}
command!(InstallCertificateRequest => InstallCertificateResponse, "InstallCertificate");

/// InstallCertificate response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstallCertificateResponse {
    pub status: InstallCertificateStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for InstallCertificateResponse {}

// DeleteCertificate

/// DeleteCertificate request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeleteCertificateRequest {
    pub certificate_hash_data: CertificateHashData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for DeleteCertificateRequest {}
command!(DeleteCertificateRequest => DeleteCertificateResponse, "DeleteCertificate");

/// DeleteCertificate response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeleteCertificateResponse {
    pub status: DeleteCertificateStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for DeleteCertificateResponse {}

// GetInstalledCertificateIds

/// GetInstalledCertificateIds request (a command, CSMS → station).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetInstalledCertificateIdsRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<Vec<GetCertificateIdUseEnum>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetInstalledCertificateIdsRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.certificate_type {
            count(at, "certificateType", v.len(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

impl Payload for GetInstalledCertificateIdsRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(GetInstalledCertificateIdsRequest => GetInstalledCertificateIdsResponse, "GetInstalledCertificateIds");

/// GetInstalledCertificateIds response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetInstalledCertificateIdsResponse {
    pub status: GetInstalledCertificateStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_hash_data_chain: Option<Vec<CertificateHashDataChain>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetInstalledCertificateIdsResponse {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.certificate_hash_data_chain {
            count(at, "certificateHashDataChain", v.len(), 1, usize::MAX)?;
            each(at, "certificateHashDataChain", v)?;
        }
        Ok(())
    }
}

impl Payload for GetInstalledCertificateIdsResponse {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `CertificateActionEnumType`.
    CertificateActionEnum {
        Install = "Install",
        Update = "Update",
    }
);

ocpp_enum!(
    /// `DeleteCertificateStatusEnumType`.
    DeleteCertificateStatusEnum {
        Accepted = "Accepted",
        Failed = "Failed",
        NotFound = "NotFound",
    }
);

ocpp_enum!(
    /// `GetCertificateIdUseEnumType`.
    GetCertificateIdUseEnum {
        V2GRootCertificate = "V2GRootCertificate",
        MoRootCertificate = "MORootCertificate",
        CsmsRootCertificate = "CSMSRootCertificate",
        V2GCertificateChain = "V2GCertificateChain",
        ManufacturerRootCertificate = "ManufacturerRootCertificate",
    }
);

ocpp_enum!(
    /// `GetCertificateStatusEnumType`.
    GetCertificateStatusEnum {
        Accepted = "Accepted",
        Failed = "Failed",
    }
);

ocpp_enum!(
    /// `GetInstalledCertificateStatusEnumType`.
    GetInstalledCertificateStatusEnum {
        Accepted = "Accepted",
        NotFound = "NotFound",
    }
);

ocpp_enum!(
    /// `InstallCertificateStatusEnumType`.
    InstallCertificateStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        Failed = "Failed",
    }
);

ocpp_enum!(
    /// `InstallCertificateUseEnumType`.
    InstallCertificateUseEnum {
        V2GRootCertificate = "V2GRootCertificate",
        MoRootCertificate = "MORootCertificate",
        CsmsRootCertificate = "CSMSRootCertificate",
        ManufacturerRootCertificate = "ManufacturerRootCertificate",
    }
);

ocpp_enum!(
    /// `Iso15118EVCertificateStatusEnumType`.
    Iso15118EvCertificateStatusEnum {
        Accepted = "Accepted",
        Failed = "Failed",
    }
);

/// `CertificateHashDataChainType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateHashDataChain {
    pub certificate_hash_data: CertificateHashData,
    pub certificate_type: GetCertificateIdUseEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_certificate_hash_data: Option<Vec<CertificateHashData>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for CertificateHashDataChain {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.child_certificate_hash_data {
            count(at, "childCertificateHashData", v.len(), 1, 4)?;
        }
        Ok(())
    }
}
