//! DataTransfer (block P), in both directions.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::types::*;
use crate::rpc::Payload;
use crate::types::ocpp_enum;

// DataTransfer

/// DataTransfer request (both ways: a station's request or a CSMS command).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataTransferRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    pub vendor_id: CiString<255>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for DataTransferRequest {}
command!(DataTransferRequest => DataTransferResponse, "DataTransfer");

/// DataTransfer response (the answer to a DataTransfer, either way).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataTransferResponse {
    pub status: DataTransferStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for DataTransferResponse {}

// Data types and enumerations of this block only.

ocpp_enum!(
    /// `DataTransferStatusEnumType`.
    DataTransferStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        UnknownMessageId = "UnknownMessageId",
        UnknownVendorId = "UnknownVendorId",
    }
);
