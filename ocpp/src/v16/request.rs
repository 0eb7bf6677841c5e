//! What a station may send: [`Request`], one typed station → central system request of any
//! profile, decoded by [`Request::parse`] from an action name and raw payload (or the CallError
//! the station gets instead). The actions known in each direction are listed in `actions.rs`.

use serde_json::value::RawValue;

use super::actions::NOT_SUPPORTED_ACTIONS;
use super::*;
use crate::rpc::{CallError, ErrorCode, decode, violation};

/// A typed station → central system request.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Authorize(AuthorizeRequest),
    BootNotification(BootNotificationRequest),
    DataTransfer(DataTransferRequest),
    DiagnosticsStatusNotification(DiagnosticsStatusNotificationRequest),
    FirmwareStatusNotification(FirmwareStatusNotificationRequest),
    Heartbeat(HeartbeatRequest),
    MeterValues(MeterValuesRequest),
    StartTransaction(StartTransactionRequest),
    StatusNotification(StatusNotificationRequest),
    StopTransaction(StopTransactionRequest),
    // The Security Whitepaper's station messages.
    LogStatusNotification(security_ext::LogStatusNotificationRequest),
    SecurityEventNotification(security_ext::SecurityEventNotificationRequest),
    SignCertificate(security_ext::SignCertificateRequest),
    SignedFirmwareStatusNotification(security_ext::SignedFirmwareStatusNotificationRequest),
}

/// Bounds on what a station may send that are this server's settings, not the schemas'; passed
/// to [`Request::parse`], which has no configuration of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// Highest connector id a station may name (`--max-connector-id`): a connector id is a row
    /// and cache entries per station, so a station must not name as many as it likes.
    pub max_connector_id: u32,
}

impl Request {
    /// Decodes the payload of `action` and checks it against `bounds`; unknown actions are
    /// `NotImplemented`, actions that a station may not send here are `NotSupported`.
    pub fn parse(action: &str, payload: &RawValue, bounds: Bounds) -> Result<Self, CallError> {
        let request = Self::decode(action, payload)?;
        request.check(bounds)?;
        Ok(request)
    }

    /// The connector this request names, if any (connector 0 is the charge point itself).
    pub fn connector_id(&self) -> Option<i32> {
        match self {
            Self::MeterValues(r) => Some(r.connector_id),
            Self::StartTransaction(r) => Some(r.connector_id),
            Self::StatusNotification(r) => Some(r.connector_id),
            // Listed one by one: a new message with a connector must be added above.
            Self::Authorize(_)
            | Self::BootNotification(_)
            | Self::DataTransfer(_)
            | Self::DiagnosticsStatusNotification(_)
            | Self::FirmwareStatusNotification(_)
            | Self::Heartbeat(_)
            | Self::StopTransaction(_)
            | Self::LogStatusNotification(_)
            | Self::SecurityEventNotification(_)
            | Self::SignCertificate(_)
            | Self::SignedFirmwareStatusNotification(_) => None,
        }
    }

    /// How many sampled values this request carries (each becomes a stored row).
    pub fn sampled_values(&self) -> usize {
        let count = |values: &[MeterValue]| values.iter().map(|v| v.sampled_value.len()).sum();
        match self {
            Self::MeterValues(r) => count(&r.meter_value),
            Self::StopTransaction(r) => count(r.transaction_data.as_deref().unwrap_or_default()),
            Self::Authorize(_)
            | Self::BootNotification(_)
            | Self::DataTransfer(_)
            | Self::DiagnosticsStatusNotification(_)
            | Self::FirmwareStatusNotification(_)
            | Self::Heartbeat(_)
            | Self::StartTransaction(_)
            | Self::StatusNotification(_)
            | Self::LogStatusNotification(_)
            | Self::SecurityEventNotification(_)
            | Self::SignCertificate(_)
            | Self::SignedFirmwareStatusNotification(_) => 0,
        }
    }

    fn check(&self, bounds: Bounds) -> Result<(), CallError> {
        match self.connector_id() {
            Some(id) if i64::from(id) > i64::from(bounds.max_connector_id) => Err(violation(
                ErrorCode::PropertyConstraintViolation,
                "connectorId",
                &format!(
                    "{id} is above the highest connector id accepted ({})",
                    bounds.max_connector_id
                ),
            )),
            _ => Ok(()),
        }
    }

    fn decode(action: &str, payload: &RawValue) -> Result<Self, CallError> {
        Ok(match action {
            "Authorize" => Self::Authorize(decode(payload)?),
            "BootNotification" => Self::BootNotification(decode(payload)?),
            "DataTransfer" => Self::DataTransfer(decode(payload)?),
            "DiagnosticsStatusNotification" => {
                Self::DiagnosticsStatusNotification(decode(payload)?)
            }
            "FirmwareStatusNotification" => Self::FirmwareStatusNotification(decode(payload)?),
            "Heartbeat" => Self::Heartbeat(decode(payload)?),
            "MeterValues" => Self::MeterValues(decode(payload)?),
            "StartTransaction" => Self::StartTransaction(decode(payload)?),
            "StatusNotification" => Self::StatusNotification(decode(payload)?),
            "StopTransaction" => Self::StopTransaction(decode(payload)?),
            "LogStatusNotification" => Self::LogStatusNotification(decode(payload)?),
            "SecurityEventNotification" => Self::SecurityEventNotification(decode(payload)?),
            "SignCertificate" => Self::SignCertificate(decode(payload)?),
            "SignedFirmwareStatusNotification" => {
                Self::SignedFirmwareStatusNotification(decode(payload)?)
            }
            other if NOT_SUPPORTED_ACTIONS.contains(&other) => {
                return Err(CallError::new(
                    ErrorCode::NotSupported,
                    format!("{other} is not accepted from a charge point"),
                ));
            }
            other => {
                return Err(CallError::new(
                    ErrorCode::NotImplemented,
                    format!("unknown action {other:?}"),
                ));
            }
        })
    }

    pub fn action(&self) -> &'static str {
        match self {
            Self::Authorize(_) => "Authorize",
            Self::BootNotification(_) => "BootNotification",
            Self::DataTransfer(_) => "DataTransfer",
            Self::DiagnosticsStatusNotification(_) => "DiagnosticsStatusNotification",
            Self::FirmwareStatusNotification(_) => "FirmwareStatusNotification",
            Self::Heartbeat(_) => "Heartbeat",
            Self::MeterValues(_) => "MeterValues",
            Self::StartTransaction(_) => "StartTransaction",
            Self::StatusNotification(_) => "StatusNotification",
            Self::StopTransaction(_) => "StopTransaction",
            Self::LogStatusNotification(_) => "LogStatusNotification",
            Self::SecurityEventNotification(_) => "SecurityEventNotification",
            Self::SignCertificate(_) => "SignCertificate",
            Self::SignedFirmwareStatusNotification(_) => "SignedFirmwareStatusNotification",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Bounds = Bounds {
        max_connector_id: 100,
    };

    fn parse(action: &str, json: &str) -> Result<Request, CallError> {
        Request::parse(
            action,
            &RawValue::from_string(json.to_owned()).unwrap(),
            BOUNDS,
        )
    }

    fn code(action: &str, json: &str) -> ErrorCode {
        parse(action, json).unwrap_err().code
    }

    #[test]
    fn the_seed_requests_decode() {
        assert!(matches!(
            parse("Authorize", r#"{"idTag":"ABC123"}"#),
            Ok(Request::Authorize(_))
        ));
        assert!(matches!(
            parse(
                "BootNotification",
                r#"{"chargePointVendor":"VendorA","chargePointModel":"SingleSocketCharger"}"#
            ),
            Ok(Request::BootNotification(_))
        ));
        assert!(matches!(
            parse(
                "DataTransfer",
                r#"{"vendorId":"VendorA","messageId":"customMsg","data":"Some data"}"#
            ),
            Ok(Request::DataTransfer(_))
        ));
        assert!(matches!(
            parse("Heartbeat", "{}"),
            Ok(Request::Heartbeat(_))
        ));
        let Ok(Request::MeterValues(mv)) = parse(
            "MeterValues",
            r#"{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":"12.5","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","phase":"L1","location":"Outlet","unit":"kWh"}]}]}"#,
        ) else {
            panic!("MeterValues did not decode")
        };
        assert_eq!(mv.meter_value[0].sampled_value[0].numeric(), Some(12.5));
        assert!(matches!(
            parse(
                "StartTransaction",
                r#"{"connectorId":1,"idTag":"ABC","meterStart":0,"timestamp":"2024-05-01T10:00:00Z"}"#
            ),
            Ok(Request::StartTransaction(_))
        ));
        assert!(matches!(
            parse(
                "StatusNotification",
                r#"{"connectorId":1,"errorCode":"NoError","status":"Available"}"#
            ),
            Ok(Request::StatusNotification(_))
        ));
        assert!(matches!(
            parse(
                "StopTransaction",
                r#"{"idTag":"ABC","timestamp":"2024-05-01T11:00:00Z","meterStop":25,"transactionId":1}"#
            ),
            Ok(Request::StopTransaction(_))
        ));
        assert!(matches!(
            parse("DiagnosticsStatusNotification", r#"{"status":"Uploaded"}"#),
            Ok(Request::DiagnosticsStatusNotification(_))
        ));
        assert!(matches!(
            parse("FirmwareStatusNotification", r#"{"status":"Installed"}"#),
            Ok(Request::FirmwareStatusNotification(_))
        ));
    }

    #[test]
    fn both_spellings_of_celsius_are_accepted() {
        for unit in ["Celsius", "Celcius"] {
            let json = format!(
                r#"{{"connectorId":0,"meterValue":[{{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{{"value":"21","measurand":"Temperature","unit":"{unit}"}}]}}]}}"#
            );
            assert!(parse("MeterValues", &json).is_ok(), "{unit}");
        }
    }

    #[test]
    fn action_level_errors() {
        assert_eq!(code("FooBar", "{}"), ErrorCode::NotImplemented);
        assert_eq!(code("heartbeat", "{}"), ErrorCode::NotImplemented);
        assert_eq!(code("Reset", r#"{"type":"Hard"}"#), ErrorCode::NotSupported);
        assert_eq!(
            code("RemoteStartTransaction", "{}"),
            ErrorCode::NotSupported
        );
    }

    #[test]
    fn message_specific_constraints() {
        use ErrorCode::*;
        assert_eq!(
            code("MeterValues", r#"{"connectorId":1,"meterValue":[]}"#),
            OccurenceConstraintViolation
        );
        assert_eq!(
            code(
                "MeterValues",
                r#"{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[]}]}"#
            ),
            OccurenceConstraintViolation
        );
        assert_eq!(
            code("MeterValues", r#"{"connectorId":-1,"meterValue":[]}"#),
            PropertyConstraintViolation
        );
        assert_eq!(
            code(
                "StartTransaction",
                r#"{"connectorId":0,"idTag":"A","meterStart":0,"timestamp":"2024-05-01T10:00:00Z"}"#
            ),
            PropertyConstraintViolation
        );
        assert_eq!(
            code("Authorize", r#"{"idTag":"123456789012345678901"}"#),
            PropertyConstraintViolation
        );
        assert_eq!(code("Heartbeat", r#"{"x":1}"#), FormationViolation);
        assert_eq!(
            code(
                "StatusNotification",
                r#"{"connectorId":1,"errorCode":"NoError","status":"Open"}"#
            ),
            PropertyConstraintViolation
        );
        assert_eq!(
            code(
                "StopTransaction",
                r#"{"timestamp":"2024-05-01T11:00:00Z","meterStop":25,"transactionId":1,"reason":"Bored"}"#
            ),
            PropertyConstraintViolation
        );
    }

    #[test]
    fn connector_ids_above_the_bound_are_refused_wherever_a_station_names_one() {
        use ErrorCode::*;
        let meter = |c: i64| {
            format!(
                r#"{{"connectorId":{c},"meterValue":[{{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{{"value":"1"}}]}}]}}"#
            )
        };
        let start = |c: i64| {
            format!(
                r#"{{"connectorId":{c},"idTag":"A","meterStart":0,"timestamp":"2024-05-01T10:00:00Z"}}"#
            )
        };
        let status =
            |c: i64| format!(r#"{{"connectorId":{c},"errorCode":"NoError","status":"Available"}}"#);
        for (action, json) in [
            ("MeterValues", &meter as &dyn Fn(i64) -> String),
            ("StartTransaction", &start),
            ("StatusNotification", &status),
        ] {
            assert!(parse(action, &json(100)).is_ok(), "{action}");
            let error = parse(action, &json(101)).unwrap_err();
            assert_eq!(error.code, PropertyConstraintViolation, "{action}");
            assert_eq!(
                error.description,
                "connectorId: 101 is above the highest connector id accepted (100)"
            );
            assert_eq!(
                code(action, &json(i64::from(i32::MAX))),
                PropertyConstraintViolation
            );
            let tight = Bounds {
                max_connector_id: 2,
            };
            let raw = |c| RawValue::from_string(json(c)).unwrap();
            assert!(Request::parse(action, &raw(2), tight).is_ok(), "{action}");
            assert_eq!(
                Request::parse(action, &raw(3), tight).unwrap_err().code,
                PropertyConstraintViolation
            );
        }
        assert_eq!(
            parse("MeterValues", &meter(0)).unwrap().connector_id(),
            Some(0)
        );
    }

    #[test]
    fn sampled_values_are_counted_in_meter_values_and_transaction_data() {
        let mv = r#"{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":"1"},{"value":"2"}]},{"timestamp":"2024-05-01T10:01:00Z","sampledValue":[{"value":"3"}]}]}"#;
        assert_eq!(parse("MeterValues", mv).unwrap().sampled_values(), 3);
        let stop = r#"{"transactionId":1,"meterStop":1,"timestamp":"2024-05-01T11:00:00Z","transactionData":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":"1"},{"value":"2"}]}]}"#;
        assert_eq!(parse("StopTransaction", stop).unwrap().sampled_values(), 2);
        assert_eq!(parse("Heartbeat", "{}").unwrap().sampled_values(), 0);
    }

    #[test]
    fn an_unknown_action_is_not_echoed_in_full() {
        let action = "A".repeat(200_000);
        let error = parse(&action, "{}").unwrap_err();
        assert_eq!(error.code, ErrorCode::NotImplemented);
        assert!(
            error.description.chars().count() <= 513,
            "{}",
            error.description.len()
        );
    }

    #[test]
    fn stop_transaction_reason_is_optional() {
        let Ok(Request::StopTransaction(stop)) = parse(
            "StopTransaction",
            r#"{"timestamp":"2024-05-01T11:00:00Z","meterStop":25,"transactionId":-1}"#,
        ) else {
            panic!()
        };
        assert_eq!(stop.reason, None);
        assert_eq!(stop.transaction_id, -1);
    }

    #[test]
    fn answers_serialise_as_ocpp_expects() {
        let boot = BootNotificationResponse {
            status: RegistrationStatus::Accepted,
            current_time: Timestamp::parse("2024-05-01T10:00:00Z").unwrap(),
            interval: 300,
        };
        assert_eq!(
            serde_json::to_string(&boot).unwrap(),
            r#"{"status":"Accepted","currentTime":"2024-05-01T10:00:00.000Z","interval":300}"#
        );
        assert_eq!(serde_json::to_string(&EmptyResponse {}).unwrap(), "{}");
        assert_eq!(
            serde_json::to_string(&StopTransactionResponse { id_tag_info: None }).unwrap(),
            "{}"
        );
    }
}
