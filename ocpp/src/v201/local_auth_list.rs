//! Local authorization list management (block D): SendLocalList and GetLocalListVersion.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// SendLocalList

/// SendLocalList request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendLocalListRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_authorization_list: Option<Vec<AuthorizationData>>,
    pub version_number: i32,
    pub update_type: UpdateEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SendLocalListRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.local_authorization_list {
            count(at, "localAuthorizationList", v.len(), 1, usize::MAX)?;
            each(at, "localAuthorizationList", v)?;
        }
        Ok(())
    }
}

impl Payload for SendLocalListRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(SendLocalListRequest => SendLocalListResponse, "SendLocalList");

/// SendLocalList response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendLocalListResponse {
    pub status: SendLocalListStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SendLocalListResponse {}

// GetLocalListVersion

/// GetLocalListVersion request (a command, CSMS → station).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetLocalListVersionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetLocalListVersionRequest {}
command!(GetLocalListVersionRequest => GetLocalListVersionResponse, "GetLocalListVersion");

/// GetLocalListVersion response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetLocalListVersionResponse {
    pub version_number: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetLocalListVersionResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `SendLocalListStatusEnumType`.
    SendLocalListStatusEnum {
        Accepted = "Accepted",
        Failed = "Failed",
        VersionMismatch = "VersionMismatch",
    }
);

ocpp_enum!(
    /// `UpdateEnumType`.
    UpdateEnum {
        Differential = "Differential",
        Full = "Full",
    }
);

/// `AuthorizationData`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorizationData {
    pub id_token: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token_info: Option<IdTokenInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for AuthorizationData {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        self.id_token.check_at(At::Field(&at, "idToken"))?;
        if let Some(v) = &self.id_token_info {
            v.check_at(At::Field(&at, "idTokenInfo"))?;
        }
        Ok(())
    }
}
