//! Central system → station commands of OCPP 1.6 Core: each request with its typed answer.
//!
//! Answers from stations are read strictly for required fields, types and enum values, and
//! leniently for extra fields: a station that adds a field still has its answer understood.

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::inbound::{DataTransferRequest, DataTransferResponse};
use super::payload::Payload;
use super::types::*;

/// A command the central system sends to a station, and the answer it expects.
pub trait Command: Serialize + Send + Sync + 'static {
    /// The OCPP action name.
    const ACTION: &'static str;
    /// The typed answer.
    type Response: Payload + Serialize + DeserializeOwned + Send + 'static;
}

macro_rules! command {
    ($request:ty => $response:ty, $action:literal) => {
        impl Command for $request {
            const ACTION: &'static str = $action;
            type Response = $response;
        }
    };
}

/// A plain `{"status": …}` answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusResponse<S> {
    pub status: S,
}

impl<S: DeserializeOwned> Payload for StatusResponse<S> {}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeAvailability {
    /// 0 means the whole charge point.
    pub connector_id: i32,
    #[serde(rename = "type")]
    pub kind: AvailabilityType,
}
command!(ChangeAvailability => StatusResponse<AvailabilityStatus>, "ChangeAvailability");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeConfiguration {
    pub key: CiString<50>,
    pub value: CiString<500>,
}
command!(ChangeConfiguration => StatusResponse<ConfigurationStatus>, "ChangeConfiguration");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClearCache {}
command!(ClearCache => StatusResponse<ClearCacheStatus>, "ClearCache");

command!(DataTransferRequest => DataTransferResponse, "DataTransfer");

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetConfiguration {
    /// The keys to read; absent reads every key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Vec<CiString<50>>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyValue {
    pub key: CiString<50>,
    pub readonly: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CiString<500>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetConfigurationResponse {
    #[serde(default)]
    pub configuration_key: Vec<KeyValue>,
    #[serde(default)]
    pub unknown_key: Vec<CiString<50>>,
}
impl Payload for GetConfigurationResponse {}
command!(GetConfiguration => GetConfigurationResponse, "GetConfiguration");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStartTransaction {
    /// Absent lets the station choose the connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    pub id_tag: IdToken,
}
command!(RemoteStartTransaction => StatusResponse<RemoteStartStopStatus>, "RemoteStartTransaction");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteStopTransaction {
    pub transaction_id: i32,
}
command!(RemoteStopTransaction => StatusResponse<RemoteStartStopStatus>, "RemoteStopTransaction");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reset {
    #[serde(rename = "type")]
    pub kind: ResetType,
}
command!(Reset => StatusResponse<ResetStatus>, "Reset");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnlockConnector {
    pub connector_id: i32,
}
command!(UnlockConnector => StatusResponse<UnlockStatus>, "UnlockConnector");

/// The static name of an action this server sends, for commands that arrive over the bus by
/// name (`None` for anything else).
pub fn action(name: &str) -> Option<&'static str> {
    [
        ChangeAvailability::ACTION,
        ChangeConfiguration::ACTION,
        ClearCache::ACTION,
        DataTransferRequest::ACTION,
        GetConfiguration::ACTION,
        RemoteStartTransaction::ACTION,
        RemoteStopTransaction::ACTION,
        Reset::ACTION,
        UnlockConnector::ACTION,
    ]
    .into_iter()
    .chain(super::security::ACTIONS.iter().copied())
    .find(|a| *a == name)
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::*;
    use crate::ocpp::{error::ErrorCode, payload::decode};

    #[test]
    fn requests_serialise_in_ocpp_spelling() {
        let json = |v: &dyn erased::Json| v.json();
        assert_eq!(
            json(&ChangeAvailability {
                connector_id: 1,
                kind: AvailabilityType::Inoperative
            }),
            r#"{"connectorId":1,"type":"Inoperative"}"#
        );
        assert_eq!(json(&ClearCache {}), "{}");
        assert_eq!(json(&GetConfiguration { key: None }), "{}");
        assert_eq!(
            json(&RemoteStartTransaction {
                connector_id: None,
                id_tag: CiString::new("12345").unwrap()
            }),
            r#"{"idTag":"12345"}"#
        );
        assert_eq!(
            json(&Reset {
                kind: ResetType::Soft
            }),
            r#"{"type":"Soft"}"#
        );
    }

    mod erased {
        pub trait Json {
            fn json(&self) -> String;
        }
        impl<T: serde::Serialize> Json for T {
            fn json(&self) -> String {
                serde_json::to_string(self).unwrap()
            }
        }
    }

    #[test]
    fn answers_are_read_strictly_on_values_and_leniently_on_extras() {
        let raw = |s: &str| RawValue::from_string(s.to_owned()).unwrap();
        let ok: StatusResponse<UnlockStatus> =
            decode(&raw(r#"{"status":"Unlocked","vendorNote":"x"}"#)).unwrap();
        assert_eq!(ok.status, UnlockStatus::Unlocked);
        let bad = decode::<StatusResponse<UnlockStatus>>(&raw(r#"{"status":"Open"}"#)).unwrap_err();
        assert_eq!(bad.code, ErrorCode::PropertyConstraintViolation);
        let config: GetConfigurationResponse = decode(&raw(
            r#"{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}],"unknownKey":["Key2"]}"#,
        ))
        .unwrap();
        assert_eq!(
            config.configuration_key[0].key.as_str(),
            "HeartbeatInterval"
        );
        assert_eq!(config.unknown_key[0].as_str(), "Key2");
        let empty: GetConfigurationResponse = decode(&raw("{}")).unwrap();
        assert!(empty.configuration_key.is_empty());
    }
}
