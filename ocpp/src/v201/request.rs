//! What a station may send: [`Request`], one typed station → CSMS request of any functional
//! block, decoded by [`Request::parse`] from an action name and raw payload (or the CallError
//! the station gets instead). The actions known in each direction are listed in `actions.rs`.

use serde_json::value::RawValue;

use super::actions::NOT_SUPPORTED_ACTIONS;
use super::*;
use crate::rpc::{CallError, ErrorCode, decode, violation};

/// A typed station → CSMS request.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Authorize(AuthorizeRequest),
    BootNotification(BootNotificationRequest),
    ClearedChargingLimit(ClearedChargingLimitRequest),
    DataTransfer(DataTransferRequest),
    FirmwareStatusNotification(FirmwareStatusNotificationRequest),
    Get15118EVCertificate(Get15118EVCertificateRequest),
    GetCertificateStatus(GetCertificateStatusRequest),
    Heartbeat(HeartbeatRequest),
    LogStatusNotification(LogStatusNotificationRequest),
    MeterValues(MeterValuesRequest),
    NotifyChargingLimit(NotifyChargingLimitRequest),
    NotifyCustomerInformation(NotifyCustomerInformationRequest),
    NotifyDisplayMessages(NotifyDisplayMessagesRequest),
    NotifyEVChargingNeeds(NotifyEVChargingNeedsRequest),
    NotifyEVChargingSchedule(NotifyEVChargingScheduleRequest),
    NotifyEvent(NotifyEventRequest),
    NotifyMonitoringReport(NotifyMonitoringReportRequest),
    NotifyReport(NotifyReportRequest),
    PublishFirmwareStatusNotification(PublishFirmwareStatusNotificationRequest),
    ReportChargingProfiles(ReportChargingProfilesRequest),
    ReservationStatusUpdate(ReservationStatusUpdateRequest),
    SecurityEventNotification(SecurityEventNotificationRequest),
    SignCertificate(SignCertificateRequest),
    StatusNotification(StatusNotificationRequest),
    TransactionEvent(TransactionEventRequest),
}

/// Bounds on what a station may send that are this server's settings, not the schemas'; passed
/// to [`Request::parse`], which has no configuration of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// Highest EVSE id a station may name: an EVSE id is a row and cache entries per station,
    /// so a station must not name as many as it likes.
    pub max_evse_id: u32,
}

impl Request {
    /// Decodes the payload of `action` and checks it against `bounds`; unknown actions are
    /// `NotImplemented`, actions that only a CSMS sends are `NotSupported`.
    pub fn parse(action: &str, payload: &RawValue, bounds: Bounds) -> Result<Self, CallError> {
        let request = Self::decode(action, payload)?;
        request.check(bounds)?;
        Ok(request)
    }
    /// The EVSE this request names at its top level, if any (0 is the station as a whole
    /// where the specification allows it; ids inside device-model components are not counted).
    pub fn evse_id(&self) -> Option<i32> {
        match self {
            Self::ClearedChargingLimit(r) => r.evse_id,
            Self::MeterValues(r) => Some(r.evse_id),
            Self::NotifyChargingLimit(r) => r.evse_id,
            Self::NotifyEVChargingNeeds(r) => Some(r.evse_id),
            Self::NotifyEVChargingSchedule(r) => Some(r.evse_id),
            Self::ReportChargingProfiles(r) => Some(r.evse_id),
            Self::StatusNotification(r) => Some(r.evse_id),
            Self::TransactionEvent(r) => r.evse.as_ref().map(|e| e.id),
            // Listed one by one: a new message with an EVSE must be added above.
            Self::Authorize(_)
            | Self::BootNotification(_)
            | Self::DataTransfer(_)
            | Self::FirmwareStatusNotification(_)
            | Self::Get15118EVCertificate(_)
            | Self::GetCertificateStatus(_)
            | Self::Heartbeat(_)
            | Self::LogStatusNotification(_)
            | Self::NotifyCustomerInformation(_)
            | Self::NotifyDisplayMessages(_)
            | Self::NotifyEvent(_)
            | Self::NotifyMonitoringReport(_)
            | Self::NotifyReport(_)
            | Self::PublishFirmwareStatusNotification(_)
            | Self::ReservationStatusUpdate(_)
            | Self::SecurityEventNotification(_)
            | Self::SignCertificate(_) => None,
        }
    }

    /// How many sampled values this request carries (MeterValues, and TransactionEvent's
    /// `meterValue`).
    pub fn sampled_values(&self) -> usize {
        let count = |values: &[MeterValue]| values.iter().map(|v| v.sampled_value.len()).sum();
        match self {
            Self::MeterValues(r) => count(&r.meter_value),
            Self::TransactionEvent(r) => count(r.meter_value.as_deref().unwrap_or_default()),
            Self::Authorize(_)
            | Self::BootNotification(_)
            | Self::ClearedChargingLimit(_)
            | Self::DataTransfer(_)
            | Self::FirmwareStatusNotification(_)
            | Self::Get15118EVCertificate(_)
            | Self::GetCertificateStatus(_)
            | Self::Heartbeat(_)
            | Self::LogStatusNotification(_)
            | Self::NotifyChargingLimit(_)
            | Self::NotifyCustomerInformation(_)
            | Self::NotifyDisplayMessages(_)
            | Self::NotifyEVChargingNeeds(_)
            | Self::NotifyEVChargingSchedule(_)
            | Self::NotifyEvent(_)
            | Self::NotifyMonitoringReport(_)
            | Self::NotifyReport(_)
            | Self::PublishFirmwareStatusNotification(_)
            | Self::ReportChargingProfiles(_)
            | Self::ReservationStatusUpdate(_)
            | Self::SecurityEventNotification(_)
            | Self::SignCertificate(_)
            | Self::StatusNotification(_) => 0,
        }
    }

    /// An EVSE id is refused when negative or above [`Bounds::max_evse_id`].
    fn check(&self, bounds: Bounds) -> Result<(), CallError> {
        let field = match self {
            Self::TransactionEvent(_) => "evse.id",
            _ => "evseId",
        };
        match self.evse_id() {
            Some(id) if id < 0 => Err(violation(
                ErrorCode::PropertyConstraintViolation,
                field,
                &format!("{id} is not an EVSE id"),
            )),
            Some(id) if i64::from(id) > i64::from(bounds.max_evse_id) => Err(violation(
                ErrorCode::PropertyConstraintViolation,
                field,
                &format!(
                    "{id} is above the highest EVSE id accepted ({})",
                    bounds.max_evse_id
                ),
            )),
            _ => Ok(()),
        }
    }

    fn decode(action: &str, payload: &RawValue) -> Result<Self, CallError> {
        Ok(match action {
            "Authorize" => Self::Authorize(decode(payload)?),
            "BootNotification" => Self::BootNotification(decode(payload)?),
            "ClearedChargingLimit" => Self::ClearedChargingLimit(decode(payload)?),
            "DataTransfer" => Self::DataTransfer(decode(payload)?),
            "FirmwareStatusNotification" => Self::FirmwareStatusNotification(decode(payload)?),
            "Get15118EVCertificate" => Self::Get15118EVCertificate(decode(payload)?),
            "GetCertificateStatus" => Self::GetCertificateStatus(decode(payload)?),
            "Heartbeat" => Self::Heartbeat(decode(payload)?),
            "LogStatusNotification" => Self::LogStatusNotification(decode(payload)?),
            "MeterValues" => Self::MeterValues(decode(payload)?),
            "NotifyChargingLimit" => Self::NotifyChargingLimit(decode(payload)?),
            "NotifyCustomerInformation" => Self::NotifyCustomerInformation(decode(payload)?),
            "NotifyDisplayMessages" => Self::NotifyDisplayMessages(decode(payload)?),
            "NotifyEVChargingNeeds" => Self::NotifyEVChargingNeeds(decode(payload)?),
            "NotifyEVChargingSchedule" => Self::NotifyEVChargingSchedule(decode(payload)?),
            "NotifyEvent" => Self::NotifyEvent(decode(payload)?),
            "NotifyMonitoringReport" => Self::NotifyMonitoringReport(decode(payload)?),
            "NotifyReport" => Self::NotifyReport(decode(payload)?),
            "PublishFirmwareStatusNotification" => {
                Self::PublishFirmwareStatusNotification(decode(payload)?)
            }
            "ReportChargingProfiles" => Self::ReportChargingProfiles(decode(payload)?),
            "ReservationStatusUpdate" => Self::ReservationStatusUpdate(decode(payload)?),
            "SecurityEventNotification" => Self::SecurityEventNotification(decode(payload)?),
            "SignCertificate" => Self::SignCertificate(decode(payload)?),
            "StatusNotification" => Self::StatusNotification(decode(payload)?),
            "TransactionEvent" => Self::TransactionEvent(decode(payload)?),

            other if NOT_SUPPORTED_ACTIONS.contains(&other) => {
                return Err(CallError::new(
                    ErrorCode::NotSupported,
                    format!("{other} is not accepted from a charging station"),
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

    /// The action name.
    pub fn action(&self) -> &'static str {
        match self {
            Self::Authorize(_) => "Authorize",
            Self::BootNotification(_) => "BootNotification",
            Self::ClearedChargingLimit(_) => "ClearedChargingLimit",
            Self::DataTransfer(_) => "DataTransfer",
            Self::FirmwareStatusNotification(_) => "FirmwareStatusNotification",
            Self::Get15118EVCertificate(_) => "Get15118EVCertificate",
            Self::GetCertificateStatus(_) => "GetCertificateStatus",
            Self::Heartbeat(_) => "Heartbeat",
            Self::LogStatusNotification(_) => "LogStatusNotification",
            Self::MeterValues(_) => "MeterValues",
            Self::NotifyChargingLimit(_) => "NotifyChargingLimit",
            Self::NotifyCustomerInformation(_) => "NotifyCustomerInformation",
            Self::NotifyDisplayMessages(_) => "NotifyDisplayMessages",
            Self::NotifyEVChargingNeeds(_) => "NotifyEVChargingNeeds",
            Self::NotifyEVChargingSchedule(_) => "NotifyEVChargingSchedule",
            Self::NotifyEvent(_) => "NotifyEvent",
            Self::NotifyMonitoringReport(_) => "NotifyMonitoringReport",
            Self::NotifyReport(_) => "NotifyReport",
            Self::PublishFirmwareStatusNotification(_) => "PublishFirmwareStatusNotification",
            Self::ReportChargingProfiles(_) => "ReportChargingProfiles",
            Self::ReservationStatusUpdate(_) => "ReservationStatusUpdate",
            Self::SecurityEventNotification(_) => "SecurityEventNotification",
            Self::SignCertificate(_) => "SignCertificate",
            Self::StatusNotification(_) => "StatusNotification",
            Self::TransactionEvent(_) => "TransactionEvent",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Bounds = Bounds { max_evse_id: 4 };

    fn parse(action: &str, json: &str) -> Result<Request, CallError> {
        Request::parse(
            action,
            &RawValue::from_string(json.to_owned()).unwrap(),
            BOUNDS,
        )
    }

    fn error(action: &str, json: &str) -> (ErrorCode, String) {
        let e = parse(action, json).unwrap_err();
        (e.code, e.description)
    }

    const TX: &str = r#"{"eventType":"Updated","timestamp":"2024-05-01T10:00:00Z","triggerReason":"MeterValuePeriodic","seqNo":3,"transactionInfo":{"transactionId":"tx-1","chargingState":"Charging"},"evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":12.50,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"kWh","multiplier":0}},{"value":230}]}]}"#;

    #[test]
    fn a_transaction_event_decodes_with_its_numbers_as_sent() {
        let Ok(Request::TransactionEvent(tx)) = parse("TransactionEvent", TX) else {
            panic!("TransactionEvent did not decode")
        };
        assert_eq!(tx.event_type, TransactionEventEnum::Updated);
        assert_eq!(tx.trigger_reason, TriggerReasonEnum::MeterValuePeriodic);
        assert_eq!(tx.transaction_info.transaction_id.as_str(), "tx-1");
        let values = &tx.meter_value.as_ref().unwrap()[0].sampled_value;
        assert_eq!(values[0].value.value(), 12.5);
        assert_eq!(values[0].value.as_str(), "12.50");
        assert_eq!(values[1].value.as_str(), "230");
        let json = serde_json::to_string(&tx).unwrap();
        assert!(json.contains(r#""value":12.50"#), "{json}");
        let request = Request::TransactionEvent(tx);
        assert_eq!(request.evse_id(), Some(1));
        assert_eq!(request.sampled_values(), 2);
        assert_eq!(request.action(), "TransactionEvent");
    }

    #[test]
    fn a_sampled_value_is_a_json_number() {
        for (value, code) in [
            (r#""12.5""#, ErrorCode::TypeConstraintViolation),
            ("true", ErrorCode::TypeConstraintViolation),
            ("null", ErrorCode::TypeConstraintViolation),
            ("[1]", ErrorCode::TypeConstraintViolation),
            (r#"{"a":1}"#, ErrorCode::TypeConstraintViolation),
            ("1e400", ErrorCode::PropertyConstraintViolation),
            ("-1e309", ErrorCode::PropertyConstraintViolation),
        ] {
            let json = format!(
                r#"{{"evseId":1,"meterValue":[{{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{{"value":{value}}}]}}]}}"#
            );
            let (got, description) = error("MeterValues", &json);
            assert_eq!(got, code, "{value}: {description}");
            assert!(
                description.starts_with("meterValue[0].sampledValue[0].value: "),
                "{description}"
            );
        }
        for value in ["-0", "1e300", "-1.5E-3", "9007199254740993", "0.10"] {
            let json = format!(
                r#"{{"evseId":1,"meterValue":[{{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{{"value":{value}}}]}}]}}"#
            );
            let Ok(Request::MeterValues(mv)) = parse("MeterValues", &json) else {
                panic!("{value}")
            };
            let decimal = &mv.meter_value[0].sampled_value[0].value;
            assert_eq!(decimal.as_str(), value);
            let again: serde_json::Value = serde_json::to_value(&mv).unwrap();
            let back: MeterValuesRequest = serde_json::from_value(again).unwrap();
            assert_eq!(back, mv, "{value}");
        }
    }

    #[test]
    fn custom_data_is_accepted_and_kept_everywhere() {
        let json = r#"{"idToken":{"idToken":"AB12","type":"ISO14443","customData":{"vendorId":"com.example","badge":7,"tags":["a"]}},"customData":{"vendorId":"com.example"}}"#;
        let Ok(Request::Authorize(authorize)) = parse("Authorize", json) else {
            panic!("Authorize did not decode")
        };
        let custom = authorize.id_token.custom_data.as_ref().unwrap();
        assert_eq!(custom.vendor_id.as_str(), "com.example");
        assert_eq!(custom.extra["badge"], 7);
        assert_eq!(
            serde_json::to_value(&authorize).unwrap(),
            serde_json::from_str::<serde_json::Value>(json).unwrap()
        );
        assert_eq!(
            error(
                "Authorize",
                r#"{"idToken":{"idToken":"A","type":"Local","customData":{"badge":7}}}"#
            )
            .0,
            ErrorCode::OccurenceConstraintViolation
        );
        assert_eq!(
            error(
                "Authorize",
                r#"{"idToken":{"idToken":"A","type":"Local","extra":1}}"#
            )
            .0,
            ErrorCode::FormationViolation
        );
    }

    #[test]
    fn action_level_errors() {
        assert_eq!(error("FooBar", "{}").0, ErrorCode::NotImplemented);
        assert_eq!(error("heartbeat", "{}").0, ErrorCode::NotImplemented);
        assert_eq!(error("StartTransaction", "{}").0, ErrorCode::NotImplemented);
        assert_eq!(
            error("Reset", r#"{"type":"Immediate"}"#).0,
            ErrorCode::NotSupported
        );
        assert_eq!(
            error("RequestStartTransaction", "{}").0,
            ErrorCode::NotSupported
        );
        assert!(matches!(
            parse("Heartbeat", "{}"),
            Ok(Request::Heartbeat(_))
        ));
        assert!(matches!(
            parse(
                "DataTransfer",
                r#"{"vendorId":"com.example","data":{"any":["json"]}}"#
            ),
            Ok(Request::DataTransfer(_))
        ));
    }

    #[test]
    fn list_lengths_and_ranges_of_the_schemas_are_checked_with_their_path() {
        use ErrorCode::*;
        assert_eq!(
            error("MeterValues", r#"{"evseId":1,"meterValue":[]}"#),
            (
                OccurenceConstraintViolation,
                "meterValue: at least 1 item(s) required, 0 sent".into()
            )
        );
        assert_eq!(
            error(
                "MeterValues",
                r#"{"evseId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"value":1}]},{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[]}]}"#
            ),
            (
                OccurenceConstraintViolation,
                "meterValue[1].sampledValue: at least 1 item(s) required, 0 sent".into()
            )
        );
        let tx = TX.replace(
            r#""meterValue":[{"#,
            r#""meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[]},{"#,
        );
        assert_eq!(
            error("TransactionEvent", &tx).1,
            "meterValue[0].sampledValue: at least 1 item(s) required, 0 sent"
        );
        let hash = r#"{"hashAlgorithm":"SHA256","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"c","responderURL":"http://ocsp"}"#;
        let five = [hash; 5].join(",");
        assert_eq!(
            error(
                "Authorize",
                &format!(
                    r#"{{"idToken":{{"idToken":"A","type":"Local"}},"iso15118CertificateHashData":[{five}]}}"#
                )
            ),
            (
                OccurenceConstraintViolation,
                "iso15118CertificateHashData: at most 4 item(s) allowed, 5 sent".into()
            )
        );
        let needs = |soc: i32| {
            format!(
                r#"{{"evseId":1,"chargingNeeds":{{"requestedEnergyTransfer":"DC","dcChargingParameters":{{"evMaxCurrent":100,"evMaxVoltage":400,"stateOfCharge":{soc}}}}}}}"#
            )
        };
        assert!(parse("NotifyEVChargingNeeds", &needs(100)).is_ok());
        assert!(parse("NotifyEVChargingNeeds", &needs(0)).is_ok());
        assert_eq!(
            error("NotifyEVChargingNeeds", &needs(101)),
            (
                PropertyConstraintViolation,
                "chargingNeeds.dcChargingParameters.stateOfCharge: 101 is above the maximum 100"
                    .into()
            )
        );
        assert_eq!(
            error("NotifyEVChargingNeeds", &needs(-1)).1,
            "chargingNeeds.dcChargingParameters.stateOfCharge: -1 is below the minimum 0"
        );
    }

    #[test]
    fn evse_ids_are_bounded_wherever_a_station_names_one() {
        use ErrorCode::*;
        let status = |e: i64| {
            format!(
                r#"{{"timestamp":"2024-05-01T10:00:00Z","connectorStatus":"Available","evseId":{e},"connectorId":1}}"#
            )
        };
        let meter = |e: i64| {
            format!(
                r#"{{"evseId":{e},"meterValue":[{{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{{"value":1}}]}}]}}"#
            )
        };
        let tx = |e: i64| TX.replace(r#""evse":{"id":1"#, &format!(r#""evse":{{"id":{e}"#));
        let limit = |e: i64| format!(r#"{{"chargingLimitSource":"EMS","evseId":{e}}}"#);
        for (action, json, field) in [
            (
                "StatusNotification",
                &status as &dyn Fn(i64) -> String,
                "evseId",
            ),
            ("MeterValues", &meter, "evseId"),
            ("TransactionEvent", &tx, "evse.id"),
            ("ClearedChargingLimit", &limit, "evseId"),
        ] {
            assert_eq!(
                parse(action, &json(4)).unwrap().evse_id(),
                Some(4),
                "{action}"
            );
            assert_eq!(
                parse(action, &json(0)).unwrap().evse_id(),
                Some(0),
                "{action}"
            );
            assert_eq!(
                error(action, &json(5)),
                (
                    PropertyConstraintViolation,
                    format!("{field}: 5 is above the highest EVSE id accepted (4)")
                ),
                "{action}"
            );
            assert_eq!(
                error(action, &json(-1)),
                (
                    PropertyConstraintViolation,
                    format!("{field}: -1 is not an EVSE id")
                ),
                "{action}"
            );
        }
        assert_eq!(
            parse("ClearedChargingLimit", r#"{"chargingLimitSource":"SO"}"#)
                .unwrap()
                .evse_id(),
            None
        );
        assert_eq!(parse("Heartbeat", "{}").unwrap().evse_id(), None);
    }

    #[test]
    fn every_station_action_decodes_to_its_variant() {
        for action in super::super::actions::STATION_ACTIONS {
            // Each action's payload is refused for a missing field or accepted (Heartbeat):
            // never NotImplemented or NotSupported, and the variant names its action.
            match parse(action, "{}") {
                Ok(request) => assert_eq!(request.action(), *action),
                Err(e) => assert_eq!(e.code, ErrorCode::OccurenceConstraintViolation, "{action}"),
            }
        }
    }
}
