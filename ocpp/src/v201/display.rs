//! Display messages (block O): SetDisplayMessage, GetDisplayMessages, ClearDisplayMessage and
//! NotifyDisplayMessages.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};
use crate::types::ocpp_enum;

// SetDisplayMessage

/// SetDisplayMessage request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetDisplayMessageRequest {
    pub message: MessageInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetDisplayMessageRequest {}
command!(SetDisplayMessageRequest => SetDisplayMessageResponse, "SetDisplayMessage");

/// SetDisplayMessage response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetDisplayMessageResponse {
    pub status: DisplayMessageStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for SetDisplayMessageResponse {}

// GetDisplayMessages

/// GetDisplayMessages request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetDisplayMessagesRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Vec<i32>>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<MessagePriorityEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MessageStateEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for GetDisplayMessagesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.id {
            count(at, "id", v.len(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

impl Payload for GetDisplayMessagesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}
command!(GetDisplayMessagesRequest => GetDisplayMessagesResponse, "GetDisplayMessages");

/// GetDisplayMessages response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetDisplayMessagesResponse {
    pub status: GetDisplayMessagesStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for GetDisplayMessagesResponse {}

// ClearDisplayMessage

/// ClearDisplayMessage request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearDisplayMessageRequest {
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearDisplayMessageRequest {}
command!(ClearDisplayMessageRequest => ClearDisplayMessageResponse, "ClearDisplayMessage");

/// ClearDisplayMessage response (the station's answer to the command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClearDisplayMessageResponse {
    pub status: ClearMessageStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for ClearDisplayMessageResponse {}

// NotifyDisplayMessages

/// NotifyDisplayMessages request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyDisplayMessagesRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_info: Option<Vec<MessageInfo>>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for NotifyDisplayMessagesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.message_info {
            count(at, "messageInfo", v.len(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

impl Payload for NotifyDisplayMessagesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// NotifyDisplayMessages response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyDisplayMessagesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for NotifyDisplayMessagesResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `ClearMessageStatusEnumType`.
    ClearMessageStatusEnum {
        Accepted = "Accepted",
        Unknown = "Unknown",
    }
);

ocpp_enum!(
    /// `DisplayMessageStatusEnumType`.
    DisplayMessageStatusEnum {
        Accepted = "Accepted",
        NotSupportedMessageFormat = "NotSupportedMessageFormat",
        Rejected = "Rejected",
        NotSupportedPriority = "NotSupportedPriority",
        NotSupportedState = "NotSupportedState",
        UnknownTransaction = "UnknownTransaction",
    }
);

ocpp_enum!(
    /// `GetDisplayMessagesStatusEnumType`.
    GetDisplayMessagesStatusEnum {
        Accepted = "Accepted",
        Unknown = "Unknown",
    }
);
