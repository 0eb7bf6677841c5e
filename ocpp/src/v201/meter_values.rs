//! Meter values (block J): MeterValues.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::{CallError, Payload};

// MeterValues

/// MeterValues request (station → CSMS).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeterValuesRequest {
    pub evse_id: i32,
    pub meter_value: Vec<MeterValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for MeterValuesRequest {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "meterValue", self.meter_value.len(), 1, usize::MAX)?;
        each(at, "meterValue", &self.meter_value)?;
        Ok(())
    }
}

impl Payload for MeterValuesRequest {
    fn check(&self) -> Result<(), CallError> {
        self.check_at(At::Root)
    }
}

/// MeterValues response (the CSMS's answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeterValuesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
impl Payload for MeterValuesResponse {}
