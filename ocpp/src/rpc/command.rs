//! A command the central system sends to a station (the [`Command`] trait: its action name and
//! typed answer) and [`CommandError`], why a command produced no answer, in terms that do not
//! depend on how the station is reached (a socket here, a node across the bus).

use std::time::Duration;

use serde::{Serialize, de::DeserializeOwned};

use super::{Payload, Version};

/// A command the central system sends to a station, and the answer it expects.
pub trait Command: Serialize + Send + Sync + 'static {
    /// The OCPP action name.
    const ACTION: &'static str;
    /// The OCPP version that defines it (a station of another version is never sent it).
    const VERSION: Version;
    /// The typed answer.
    type Response: Payload + Serialize + DeserializeOwned + Send + 'static;
}

/// Why a command produced no answer.
#[derive(Clone, Debug, PartialEq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum CommandError {
    /// The station is not connected (or disconnected before the command was sent).
    #[error("station is not connected")]
    Offline,
    /// No answer within the command timeout.
    #[error("station did not answer within {0:?}")]
    Timeout(#[serde(with = "millis")] Duration),
    /// The station answered with a CALLERROR.
    #[error("station answered {code}: {description}")]
    CallError {
        code: String,
        description: String,
        details: serde_json::Value,
    },
    /// The station's CALLRESULT does not match the action's schema.
    #[error("station's answer is not valid: {0}")]
    InvalidResponse(String),
    /// The connection closed after the command was sent, before its answer.
    #[error("station disconnected before answering")]
    Disconnected,
    /// The station is (or may be) connected to another node, which cannot be reached now.
    #[error("{0}")]
    Unreachable(String),
}

/// Durations as milliseconds on the wire.
mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis().try_into().unwrap_or(u64::MAX))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_error_survives_the_trip_between_nodes() {
        let errors = [
            CommandError::Offline,
            CommandError::Timeout(Duration::from_millis(30_250)),
            CommandError::CallError {
                code: "NotSupported".into(),
                description: "no".into(),
                details: serde_json::json!({"why": "firmware"}),
            },
            CommandError::InvalidResponse("missing field `status`".into()),
            CommandError::Disconnected,
            CommandError::Unreachable("node n1 cannot be reached".into()),
        ];
        for error in errors {
            let json = serde_json::to_string(&error).unwrap();
            assert_eq!(
                serde_json::from_str::<CommandError>(&json).unwrap(),
                error,
                "{json}"
            );
        }
    }
}
