//! OCPP 1.6 Local Auth List Management profile: SendLocalList and GetLocalListVersion.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::Payload;

/// One entry of a local authorisation list; without `idTagInfo` it removes the tag (in a
/// differential update).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationData {
    pub id_tag: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_tag_info: Option<IdTagInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendLocalList {
    pub list_version: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_authorization_list: Option<Vec<AuthorizationData>>,
    pub update_type: UpdateType,
}
command!(SendLocalList => StatusResponse<UpdateStatus>, "SendLocalList");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GetLocalListVersion {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLocalListVersionResponse {
    /// 0: the list is empty; -1: the station does not support local lists (§5.10).
    pub list_version: i32,
}
impl Payload for GetLocalListVersionResponse {}
command!(GetLocalListVersion => GetLocalListVersionResponse, "GetLocalListVersion");
