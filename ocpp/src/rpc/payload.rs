//! Decoding a raw JSON payload into a typed message, with every schema violation mapped to the
//! pinned OCPP-J CallError code (see `ARCHITECTURE.md`, "CallError mapping"):
//!
//! | violation | code |
//! |---|---|
//! | payload not a JSON object, field not in the schema | `FormationViolation` |
//! | required field missing, required list empty | `OccurenceConstraintViolation` |
//! | field of the wrong JSON type | `TypeConstraintViolation` |
//! | value outside its enum, string too long, bad date-time, integer out of range | `PropertyConstraintViolation` |
//!
//! Types derive `Deserialize` with `deny_unknown_fields`; serde reports each violation through
//! a fixed `serde::de::Error` constructor whose message prefix identifies it. The unit tests
//! below pin every prefix, so a serde change that altered one would fail them, not slip by.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::{CallError, ErrorCode};

/// A message payload: decodes from JSON and checks the constraints serde cannot express.
pub trait Payload: DeserializeOwned {
    /// Constraints beyond types and fields (minimum list lengths, positive ids…).
    fn check(&self) -> Result<(), CallError> {
        Ok(())
    }
}

/// A schema violation found by [`Payload::check`].
pub fn violation(code: ErrorCode, field: &str, message: &str) -> CallError {
    CallError::new(code, format!("{field}: {message}"))
}

/// Decodes `raw` as `T`. A `null` payload is read as `{}` (OCPP-J §4.2.1 allows both).
pub fn decode<T: Payload>(raw: &RawValue) -> Result<T, CallError> {
    let text = raw.get().trim();
    let text = if text == "null" { "{}" } else { text };
    if !text.starts_with('{') {
        return Err(CallError::new(
            ErrorCode::FormationViolation,
            "payload is not a JSON object",
        ));
    }
    // Fast path without path tracking; a payload that fails is decoded again to name the field.
    let value: T = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(plain) => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            let (path, error) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
                Err(e) => (e.path().to_string(), e.into_inner()),
                // The same text and types cannot decode now; if they did, keep the first error.
                Ok(_) => (String::new(), plain),
            };
            return Err(classify(&path, error));
        }
    };
    value.check()?;
    Ok(value)
}

fn classify(path: &str, error: serde_json::Error) -> CallError {
    // The frame parser already read the payload as JSON, so a "syntax" error here means serde_json
    // met a JSON type it could not start the field with (a number where an enum string belongs).
    let message = if error.is_syntax() || error.is_eof() {
        "invalid type: this field has another JSON type".to_owned()
    } else {
        error.to_string()
    };
    // serde_json appends " at line L column C"; the station needs only the field and the reason.
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message[..],
    };
    let code = if message.starts_with("missing field") {
        ErrorCode::OccurenceConstraintViolation
    } else if message.starts_with("invalid type") {
        ErrorCode::TypeConstraintViolation
    } else if message.starts_with("unknown variant")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
    {
        ErrorCode::PropertyConstraintViolation
    } else {
        // unknown field, duplicate field, and anything else structural
        ErrorCode::FormationViolation
    };
    let description = if path == "." || path.is_empty() {
        message.to_owned()
    } else {
        format!("{path}: {message}")
    };
    CallError::new(code, description)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::v16::types::{ChargePointStatus, CiString, Timestamp};

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        connector_id: i32,
        status: ChargePointStatus,
        #[serde(default)]
        info: Option<CiString<5>>,
        #[serde(default)]
        timestamp: Option<Timestamp>,
        #[serde(default)]
        items: Option<Vec<Inner>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        n: u8,
    }

    impl Payload for Sample {}

    fn code_of(json: &str) -> (ErrorCode, String) {
        let raw = RawValue::from_string(json.to_owned()).unwrap();
        let e = decode::<Sample>(&raw).unwrap_err();
        (e.code, e.description)
    }

    #[test]
    fn good_payloads_decode() {
        let raw =
            RawValue::from_string(r#"{"connectorId":1,"status":"Available","info":"abc"}"#.into())
                .unwrap();
        let s = decode::<Sample>(&raw).unwrap();
        assert_eq!(s.connector_id, 1);
    }

    #[test]
    fn each_violation_has_its_code() {
        use ErrorCode::*;
        assert_eq!(code_of("[1]").0, FormationViolation);
        assert_eq!(code_of("\"x\"").0, FormationViolation);
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Available","extra":1}"#),
            (
                FormationViolation,
                "extra: unknown field `extra`, expected one of `connectorId`, `status`, `info`, `timestamp`, `items`".into()
            )
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Available","items":[{"n":1,"m":2}]}"#).0,
            FormationViolation
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"connectorId":2,"status":"Available"}"#).0,
            FormationViolation
        );
        assert_eq!(
            code_of(r#"{"status":"Available"}"#),
            (
                OccurenceConstraintViolation,
                "missing field `connectorId`".into()
            )
        );
        assert_eq!(
            code_of(r#"{"connectorId":"1","status":"Available"}"#),
            (
                TypeConstraintViolation,
                "connectorId: invalid type: string \"1\", expected i32".into()
            )
        );
        assert_eq!(
            code_of(r#"{"connectorId":1.5,"status":"Available"}"#).0,
            TypeConstraintViolation
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":7}"#),
            (
                TypeConstraintViolation,
                "status: invalid type: this field has another JSON type".into()
            )
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Available","items":{}}"#).0,
            TypeConstraintViolation
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Open"}"#).0,
            PropertyConstraintViolation
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Available","info":"abcdef"}"#),
            (
                PropertyConstraintViolation,
                "info: invalid length 6, expected at most 5 characters".into()
            )
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Available","timestamp":"noon"}"#).0,
            PropertyConstraintViolation
        );
        assert_eq!(
            code_of(r#"{"connectorId":99999999999,"status":"Available"}"#).0,
            PropertyConstraintViolation
        );
        assert_eq!(
            code_of(r#"{"connectorId":1,"status":"Available","items":[{"n":300}]}"#),
            (
                PropertyConstraintViolation,
                "items[0].n: invalid value: integer `300`, expected u8".into()
            )
        );
    }

    #[test]
    fn null_payload_is_an_empty_object() {
        assert_eq!(
            code_of("null"),
            (
                ErrorCode::OccurenceConstraintViolation,
                "missing field `connectorId`".into()
            )
        );
    }
}
