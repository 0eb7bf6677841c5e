//! OCPP 1.6 Remote Trigger profile: TriggerMessage.

use serde::{Deserialize, Serialize};

use super::types::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggerMessage {
    pub requested_message: MessageTrigger,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
}
command!(TriggerMessage => StatusResponse<TriggerMessageStatus>, "TriggerMessage");
