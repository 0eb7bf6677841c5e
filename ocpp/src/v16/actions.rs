//! The actions OCPP 1.6 knows in each direction: those only a central system sends (a station
//! that sends one is answered `NotSupported`), and the commands this server sends, by name.

use super::*;
use crate::rpc::Command;

/// Actions that only a central system sends (OCPP 1.6 and the 1.6 security extensions):
/// answered `NotSupported`.
pub const NOT_SUPPORTED_ACTIONS: &[&str] = &[
    "CancelReservation",
    "CertificateSigned",
    "ChangeAvailability",
    "ChangeConfiguration",
    "ClearCache",
    "ClearChargingProfile",
    "DeleteCertificate",
    "ExtendedTriggerMessage",
    "GetCompositeSchedule",
    "GetConfiguration",
    "GetDiagnostics",
    "GetInstalledCertificateIds",
    "GetLocalListVersion",
    "GetLog",
    "InstallCertificate",
    "RemoteStartTransaction",
    "RemoteStopTransaction",
    "ReserveNow",
    "Reset",
    "SendLocalList",
    "SetChargingProfile",
    "SignedUpdateFirmware",
    "TriggerMessage",
    "UnlockConnector",
    "UpdateFirmware",
];

/// name (`None` for anything else).
pub fn command_action(name: &str) -> Option<&'static str> {
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
        UpdateFirmware::ACTION,
        GetDiagnostics::ACTION,
        SendLocalList::ACTION,
        GetLocalListVersion::ACTION,
        ReserveNow::ACTION,
        CancelReservation::ACTION,
        SetChargingProfile::ACTION,
        ClearChargingProfile::ACTION,
        GetCompositeSchedule::ACTION,
        TriggerMessage::ACTION,
    ]
    .into_iter()
    .chain(security_ext::ACTIONS.iter().copied())
    .find(|a| *a == name)
}
