//! The messages of the OCPP 1.6 Security Whitepaper (edition 2, chapters 5 and 6): the four a
//! station sends (strict: `deny_unknown_fields`, bounded strings, enums as on the wire) and the
//! seven the central system sends, each with its typed answer (read strictly on values and
//! leniently on extra fields, like the other commands).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::types::{CiString, StatusResponse, Timestamp, ocpp_enum};
use crate::rpc::{CallError, Command, ErrorCode, Payload, violation};

// ---------------------------------------------------------------------------------------------
// Enumerations (§6). Names that OCPP 1.6 itself uses for other enumerations get a prefix.

ocpp_enum!(
    /// `CertificateSignedStatusEnumType`: the station's verdict on a CertificateSigned.
    CertificateSignedStatus {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `CertificateStatusEnumType`: the answer to InstallCertificate.
    CertificateStatus {
        Accepted = "Accepted",
        Failed = "Failed",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `CertificateUseEnumType`: which kind of root certificate.
    CertificateUse {
        CentralSystemRootCertificate = "CentralSystemRootCertificate",
        ManufacturerRootCertificate = "ManufacturerRootCertificate",
    }
);

ocpp_enum!(
    /// `DeleteCertificateStatusEnumType`.
    DeleteCertificateStatus {
        Accepted = "Accepted",
        Failed = "Failed",
        NotFound = "NotFound",
    }
);

ocpp_enum!(
    /// `FirmwareStatusEnumType` of the whitepaper (SignedFirmwareStatusNotification), not the
    /// OCPP 1.6 `FirmwareStatus`.
    SignedFirmwareStatus {
        Downloaded = "Downloaded",
        DownloadFailed = "DownloadFailed",
        Downloading = "Downloading",
        DownloadScheduled = "DownloadScheduled",
        DownloadPaused = "DownloadPaused",
        Idle = "Idle",
        InstallationFailed = "InstallationFailed",
        Installing = "Installing",
        Installed = "Installed",
        InstallRebooting = "InstallRebooting",
        InstallScheduled = "InstallScheduled",
        InstallVerificationFailed = "InstallVerificationFailed",
        InvalidSignature = "InvalidSignature",
        SignatureVerified = "SignatureVerified",
    }
);

ocpp_enum!(
    /// `GenericStatusEnumType`: the answer to SignCertificate.
    GenericStatus {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `GetInstalledCertificateStatusEnumType`.
    GetInstalledCertificateStatus {
        Accepted = "Accepted",
        NotFound = "NotFound",
    }
);

ocpp_enum!(
    /// `HashAlgorithmEnumType`.
    HashAlgorithm {
        Sha256 = "SHA256",
        Sha384 = "SHA384",
        Sha512 = "SHA512",
    }
);

ocpp_enum!(
    /// `LogEnumType`: which log GetLog asks for.
    LogType {
        DiagnosticsLog = "DiagnosticsLog",
        SecurityLog = "SecurityLog",
    }
);

ocpp_enum!(
    /// `LogStatusEnumType`: the answer to GetLog.
    LogStatus {
        Accepted = "Accepted",
        Rejected = "Rejected",
        AcceptedCanceled = "AcceptedCanceled",
    }
);

ocpp_enum!(
    /// `MessageTriggerEnumType` of ExtendedTriggerMessage (not OCPP 1.6's `MessageTrigger`).
    ExtendedMessageTrigger {
        BootNotification = "BootNotification",
        LogStatusNotification = "LogStatusNotification",
        FirmwareStatusNotification = "FirmwareStatusNotification",
        Heartbeat = "Heartbeat",
        MeterValues = "MeterValues",
        SignChargePointCertificate = "SignChargePointCertificate",
        StatusNotification = "StatusNotification",
    }
);

ocpp_enum!(
    /// `TriggerMessageStatusEnumType`: the answer to ExtendedTriggerMessage.
    ExtendedTriggerMessageStatus {
        Accepted = "Accepted",
        Rejected = "Rejected",
        NotImplemented = "NotImplemented",
    }
);

ocpp_enum!(
    /// `UpdateFirmwareStatusEnumType`: the answer to SignedUpdateFirmware.
    SignedUpdateFirmwareStatus {
        Accepted = "Accepted",
        Rejected = "Rejected",
        AcceptedCanceled = "AcceptedCanceled",
        InvalidCertificate = "InvalidCertificate",
        RevokedCertificate = "RevokedCertificate",
    }
);

ocpp_enum!(
    /// `UploadLogStatusEnumType`: LogStatusNotification.
    UploadLogStatus {
        BadMessage = "BadMessage",
        Idle = "Idle",
        NotSupportedOperation = "NotSupportedOperation",
        PermissionDenied = "PermissionDenied",
        Uploaded = "Uploaded",
        UploadFailure = "UploadFailure",
        Uploading = "Uploading",
    }
);

// ---------------------------------------------------------------------------------------------
// Data types (§6).

/// `CertificateHashDataType`: identifies an installed certificate. Sent in DeleteCertificate,
/// read from GetInstalledCertificateIds answers (extra fields ignored there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateHashData {
    pub hash_algorithm: HashAlgorithm,
    /// identifierString[0..128].
    pub issuer_name_hash: CiString<128>,
    /// identifierString[0..128].
    pub issuer_key_hash: CiString<128>,
    pub serial_number: CiString<40>,
}

/// Whether `s` is an OCPP `identifierString`: only `a-z A-Z 0-9 * - _ = + | @ .`.
pub fn is_identifier_string(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "*-_=+|@.".contains(c))
}

/// `LogParametersType`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogParameters {
    pub remote_location: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_timestamp: Option<Timestamp>,
}

/// `FirmwareType`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Firmware {
    pub location: CiString<512>,
    pub retrieve_date_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_date_time: Option<Timestamp>,
    /// PEM encoded X.509 certificate.
    pub signing_certificate: CiString<5500>,
    /// Base64 encoded firmware signature.
    pub signature: CiString<800>,
}

// ---------------------------------------------------------------------------------------------
// Station → central system (§5.13–5.20).

/// `LogStatusNotification.req`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogStatusNotificationRequest {
    pub status: UploadLogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
}
impl Payload for LogStatusNotificationRequest {}

/// `SecurityEventNotification.req`. `type` is free text of at most 50 characters; §8 lists the
/// known values, but others are allowed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityEventNotificationRequest {
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_info: Option<CiString<255>>,
}

impl Payload for SecurityEventNotificationRequest {}

/// `SignCertificate.req`: a PEM encoded PKCS#10 request. Edition 2 has no `certificateType`
/// field (OCPP 2.0.1 has), so a station that sends one gets a FormationViolation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignCertificateRequest {
    pub csr: CiString<5500>,
}
impl Payload for SignCertificateRequest {}

/// `SignCertificate.conf`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignCertificateResponse {
    pub status: GenericStatus,
}

/// `SignedFirmwareStatusNotification.req`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedFirmwareStatusNotificationRequest {
    pub status: SignedFirmwareStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
}
impl Payload for SignedFirmwareStatusNotificationRequest {}

// ---------------------------------------------------------------------------------------------
// Central system → station (§5.1–5.12, 5.21, 5.22).

/// `CertificateSigned.req`: the station's new certificate, with the sub-CA certificates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSigned {
    pub certificate_chain: CiString<10000>,
}
command!(CertificateSigned => StatusResponse<CertificateSignedStatus>, "CertificateSigned");

/// `DeleteCertificate.req`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteCertificate {
    pub certificate_hash_data: CertificateHashData,
}
command!(DeleteCertificate => StatusResponse<DeleteCertificateStatus>, "DeleteCertificate");

/// `ExtendedTriggerMessage.req`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtendedTriggerMessage {
    pub requested_message: ExtendedMessageTrigger,
    /// Greater than 0 when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
}
command!(
    ExtendedTriggerMessage => StatusResponse<ExtendedTriggerMessageStatus>,
    "ExtendedTriggerMessage"
);

/// `GetInstalledCertificateIds.req`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetInstalledCertificateIds {
    pub certificate_type: CertificateUse,
}

/// `GetInstalledCertificateIds.conf`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetInstalledCertificateIdsResponse {
    pub status: GetInstalledCertificateStatus,
    /// Absent and empty read alike; written only when not empty (the schema's `minItems: 1`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificate_hash_data: Vec<CertificateHashData>,
}
command!(
    GetInstalledCertificateIds => GetInstalledCertificateIdsResponse,
    "GetInstalledCertificateIds"
);

/// `GetLog.req`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLog {
    pub log_type: LogType,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    pub log: LogParameters,
}

/// `GetLog.conf`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLogResponse {
    pub status: LogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<CiString<255>>,
}
impl Payload for GetLogResponse {}
command!(GetLog => GetLogResponse, "GetLog");

/// `InstallCertificate.req`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCertificate {
    pub certificate_type: CertificateUse,
    /// PEM encoded X.509 certificate.
    pub certificate: CiString<5500>,
}
command!(InstallCertificate => StatusResponse<CertificateStatus>, "InstallCertificate");

/// `SignedUpdateFirmware.req`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedUpdateFirmware {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<i32>,
    pub request_id: i32,
    pub firmware: Firmware,
}
command!(
    SignedUpdateFirmware => StatusResponse<SignedUpdateFirmwareStatus>,
    "SignedUpdateFirmware"
);

/// The actions above, for `outbound::action` (commands routed between nodes by name).
pub const ACTIONS: &[&str] = &[
    CertificateSigned::ACTION,
    DeleteCertificate::ACTION,
    ExtendedTriggerMessage::ACTION,
    GetInstalledCertificateIds::ACTION,
    GetLog::ACTION,
    InstallCertificate::ACTION,
    SignedUpdateFirmware::ACTION,
];

/// Checks a station's answer beyond its schema: the identifier strings of hash data.
fn check_hash_data(field: &str, data: &CertificateHashData) -> Result<(), CallError> {
    for (name, value) in [
        ("issuerNameHash", &data.issuer_name_hash),
        ("issuerKeyHash", &data.issuer_key_hash),
    ] {
        if !is_identifier_string(value.as_str()) {
            return Err(violation(
                ErrorCode::PropertyConstraintViolation,
                &format!("{field}.{name}"),
                "not an identifierString",
            ));
        }
    }
    Ok(())
}

impl Payload for GetInstalledCertificateIdsResponse {
    /// The identifier strings of every entry.
    fn check(&self) -> Result<(), CallError> {
        for (i, data) in self.certificate_hash_data.iter().enumerate() {
            check_hash_data(&format!("certificateHashData[{i}]"), data)?;
        }
        Ok(())
    }
}

impl fmt::Display for CertificateHashData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}/{}/{}",
            self.hash_algorithm, self.issuer_name_hash, self.issuer_key_hash, self.serial_number
        )
    }
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::*;
    use crate::rpc::decode;
    use crate::v16::Request;

    fn parse(action: &str, json: &str) -> Result<Request, CallError> {
        let bounds = crate::v16::Bounds {
            max_connector_id: 100,
        };
        Request::parse(
            action,
            &RawValue::from_string(json.to_owned()).unwrap(),
            bounds,
        )
    }

    fn code(action: &str, json: &str) -> ErrorCode {
        parse(action, json).unwrap_err().code
    }

    #[test]
    fn station_messages_decode() {
        let Ok(Request::SecurityEventNotification(event)) = parse(
            "SecurityEventNotification",
            r#"{"type":"TamperDetectionActivated","timestamp":"2024-05-01T10:00:00Z","techInfo":"lid open"}"#,
        ) else {
            panic!("SecurityEventNotification did not decode")
        };
        assert_eq!(event.kind.as_str(), "TamperDetectionActivated");
        assert_eq!(event.tech_info.unwrap().as_str(), "lid open");
        // Types beyond the §8 list are allowed (the field is a string).
        assert!(matches!(
            parse(
                "SecurityEventNotification",
                r#"{"type":"VendorSpecificThing","timestamp":"2024-05-01T10:00:00Z"}"#
            ),
            Ok(Request::SecurityEventNotification(_))
        ));
        assert!(matches!(
            parse(
                "SignCertificate",
                r#"{"csr":"-----BEGIN CERTIFICATE REQUEST-----"}"#
            ),
            Ok(Request::SignCertificate(_))
        ));
        let Ok(Request::LogStatusNotification(log)) = parse(
            "LogStatusNotification",
            r#"{"status":"Uploaded","requestId":7}"#,
        ) else {
            panic!("LogStatusNotification did not decode")
        };
        assert_eq!(
            (log.status, log.request_id),
            (UploadLogStatus::Uploaded, Some(7))
        );
        assert!(matches!(
            parse("LogStatusNotification", r#"{"status":"Idle"}"#),
            Ok(Request::LogStatusNotification(_))
        ));
        let Ok(Request::SignedFirmwareStatusNotification(fw)) = parse(
            "SignedFirmwareStatusNotification",
            r#"{"status":"SignatureVerified","requestId":3}"#,
        ) else {
            panic!("SignedFirmwareStatusNotification did not decode")
        };
        assert_eq!(fw.status, SignedFirmwareStatus::SignatureVerified);
        for status in SignedFirmwareStatus::ALL {
            let json = format!(r#"{{"status":"{status}"}}"#);
            assert!(
                parse("SignedFirmwareStatusNotification", &json).is_ok(),
                "{status}"
            );
        }
        for status in UploadLogStatus::ALL {
            let json = format!(r#"{{"status":"{status}"}}"#);
            assert!(parse("LogStatusNotification", &json).is_ok(), "{status}");
        }
    }

    #[test]
    fn security_event_notification_violations() {
        use ErrorCode::*;
        let a = "SecurityEventNotification";
        assert_eq!(
            code(a, r#"{"timestamp":"2024-05-01T10:00:00Z"}"#),
            OccurenceConstraintViolation
        );
        assert_eq!(code(a, r#"{"type":"X"}"#), OccurenceConstraintViolation);
        assert_eq!(
            code(a, r#"{"type":5,"timestamp":"2024-05-01T10:00:00Z"}"#),
            TypeConstraintViolation
        );
        assert_eq!(
            code(
                a,
                r#"{"type":"X","timestamp":"2024-05-01T10:00:00Z","techInfo":false}"#
            ),
            TypeConstraintViolation
        );
        let long = "x".repeat(51);
        assert_eq!(
            code(
                a,
                &format!(r#"{{"type":"{long}","timestamp":"2024-05-01T10:00:00Z"}}"#)
            ),
            PropertyConstraintViolation
        );
        let long = "x".repeat(256);
        assert_eq!(
            code(
                a,
                &format!(
                    r#"{{"type":"X","timestamp":"2024-05-01T10:00:00Z","techInfo":"{long}"}}"#
                )
            ),
            PropertyConstraintViolation
        );
        assert_eq!(
            code(a, r#"{"type":"X","timestamp":"yesterday"}"#),
            PropertyConstraintViolation
        );
        assert_eq!(
            code(
                a,
                r#"{"type":"X","timestamp":"2024-05-01T10:00:00Z","severity":1}"#
            ),
            FormationViolation
        );
        assert_eq!(code(a, "[]"), FormationViolation);
    }

    #[test]
    fn sign_certificate_violations() {
        use ErrorCode::*;
        let a = "SignCertificate";
        assert_eq!(code(a, "{}"), OccurenceConstraintViolation);
        assert_eq!(code(a, r#"{"csr":["x"]}"#), TypeConstraintViolation);
        let long = "x".repeat(5501);
        assert_eq!(
            code(a, &format!(r#"{{"csr":"{long}"}}"#)),
            PropertyConstraintViolation
        );
        let limit = "x".repeat(5500);
        assert!(parse(a, &format!(r#"{{"csr":"{limit}"}}"#)).is_ok());
        // OCPP 2.0.1's certificateType is not part of the 1.6 whitepaper's message.
        assert_eq!(
            code(
                a,
                r#"{"csr":"x","certificateType":"ChargingStationCertificate"}"#
            ),
            FormationViolation
        );
    }

    #[test]
    fn log_status_notification_violations() {
        use ErrorCode::*;
        let a = "LogStatusNotification";
        assert_eq!(code(a, r#"{"requestId":1}"#), OccurenceConstraintViolation);
        assert_eq!(
            code(a, r#"{"status":"Uploaded","requestId":"1"}"#),
            TypeConstraintViolation
        );
        assert_eq!(code(a, r#"{"status":1}"#), TypeConstraintViolation);
        assert_eq!(code(a, r#"{"status":"Done"}"#), PropertyConstraintViolation);
        assert_eq!(
            code(a, r#"{"status":"Uploaded","requestId":99999999999}"#),
            PropertyConstraintViolation
        );
        assert_eq!(
            code(a, r#"{"status":"Uploaded","filename":"x"}"#),
            FormationViolation
        );
    }

    #[test]
    fn signed_firmware_status_notification_violations() {
        use ErrorCode::*;
        let a = "SignedFirmwareStatusNotification";
        assert_eq!(code(a, "{}"), OccurenceConstraintViolation);
        assert_eq!(
            code(a, r#"{"status":"Installed","requestId":1.5}"#),
            TypeConstraintViolation
        );
        // 1.6's FirmwareStatus has no such value and the whitepaper removed this one.
        assert_eq!(
            code(a, r#"{"status":"CertificateVerified"}"#),
            PropertyConstraintViolation
        );
        assert_eq!(
            code(a, r#"{"status":"Installed","at":"now"}"#),
            FormationViolation
        );
    }

    #[test]
    fn commands_serialise_in_ocpp_spelling() {
        let json = |v: &dyn erased::Json| v.json();
        assert_eq!(
            json(&ExtendedTriggerMessage {
                requested_message: ExtendedMessageTrigger::SignChargePointCertificate,
                connector_id: None
            }),
            r#"{"requestedMessage":"SignChargePointCertificate"}"#
        );
        assert_eq!(
            json(&GetLog {
                log_type: LogType::SecurityLog,
                request_id: 4,
                retries: Some(2),
                retry_interval: None,
                log: LogParameters {
                    remote_location: CiString::new("ftp://logs.example.org/").unwrap(),
                    oldest_timestamp: Timestamp::parse("2024-05-01T00:00:00Z"),
                    latest_timestamp: None,
                },
            }),
            r#"{"logType":"SecurityLog","requestId":4,"retries":2,"log":{"remoteLocation":"ftp://logs.example.org/","oldestTimestamp":"2024-05-01T00:00:00.000Z"}}"#
        );
        assert_eq!(
            json(&DeleteCertificate {
                certificate_hash_data: CertificateHashData {
                    hash_algorithm: HashAlgorithm::Sha256,
                    issuer_name_hash: CiString::new("ab").unwrap(),
                    issuer_key_hash: CiString::new("cd").unwrap(),
                    serial_number: CiString::new("01").unwrap(),
                }
            }),
            r#"{"certificateHashData":{"hashAlgorithm":"SHA256","issuerNameHash":"ab","issuerKeyHash":"cd","serialNumber":"01"}}"#
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
    fn answers_are_strict_on_values_and_lenient_on_extras() {
        let raw = |s: &str| RawValue::from_string(s.to_owned()).unwrap();
        let ids: GetInstalledCertificateIdsResponse = decode(&raw(
            r#"{"status":"Accepted","certificateHashData":[{"hashAlgorithm":"SHA256","issuerNameHash":"a1","issuerKeyHash":"b2","serialNumber":"c3","note":1}],"vendor":"x"}"#,
        ))
        .unwrap();
        assert_eq!(ids.certificate_hash_data.len(), 1);
        let none: GetInstalledCertificateIdsResponse =
            decode(&raw(r#"{"status":"NotFound"}"#)).unwrap();
        assert!(none.certificate_hash_data.is_empty());
        let bad = decode::<GetInstalledCertificateIdsResponse>(&raw(
            r#"{"status":"Accepted","certificateHashData":[{"hashAlgorithm":"MD5","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"c"}]}"#,
        ))
        .unwrap_err();
        assert_eq!(bad.code, ErrorCode::PropertyConstraintViolation);
        let odd = decode::<GetInstalledCertificateIdsResponse>(&raw(
            r#"{"status":"Accepted","certificateHashData":[{"hashAlgorithm":"SHA256","issuerNameHash":"a b","issuerKeyHash":"b","serialNumber":"c"}]}"#,
        ))
        .unwrap_err();
        assert_eq!(odd.code, ErrorCode::PropertyConstraintViolation);
        let log: GetLogResponse = decode(&raw(
            r#"{"status":"AcceptedCanceled","filename":"log.tgz"}"#,
        ))
        .unwrap();
        assert_eq!(log.status, LogStatus::AcceptedCanceled);
        let long = "f".repeat(256);
        assert_eq!(
            decode::<GetLogResponse>(&raw(&format!(
                r#"{{"status":"Accepted","filename":"{long}"}}"#
            )))
            .unwrap_err()
            .code,
            ErrorCode::PropertyConstraintViolation
        );
        assert!(
            decode::<StatusResponse<SignedUpdateFirmwareStatus>>(&raw(
                r#"{"status":"RevokedCertificate"}"#
            ))
            .is_ok()
        );
        assert!(
            decode::<StatusResponse<CertificateSignedStatus>>(&raw(r#"{"status":"Maybe"}"#))
                .is_err()
        );
    }

    #[test]
    fn central_system_actions_are_not_supported_from_a_station() {
        for action in ACTIONS {
            assert_eq!(code(action, "{}"), ErrorCode::NotSupported, "{action}");
            assert_eq!(crate::v16::actions::command_action(action), Some(*action));
        }
    }

    #[test]
    fn enumerations_match_the_whitepaper() {
        assert_eq!(ExtendedMessageTrigger::ALL.len(), 7);
        assert_eq!(SignedFirmwareStatus::ALL.len(), 14);
        assert_eq!(UploadLogStatus::ALL.len(), 7);
        assert_eq!(SignedUpdateFirmwareStatus::ALL.len(), 5);
        assert_eq!(
            HashAlgorithm::from_wire("SHA384"),
            Some(HashAlgorithm::Sha384)
        );
        assert!(is_identifier_string("aB0*-_=+|@."));
        assert!(!is_identifier_string("a/b"));
    }
}
