//! Tariff and cost (block I): CostUpdated.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::Payload;

// CostUpdated

/// CostUpdated request (a command, CSMS → station).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CostUpdatedRequest {
    pub total_cost: f64,
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CostUpdatedRequest {}
command!(CostUpdatedRequest => CostUpdatedResponse, "CostUpdated");

/// CostUpdated response (the station's answer to the command).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CostUpdatedResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for CostUpdatedResponse {}
