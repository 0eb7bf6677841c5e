//! The actions OCPP 2.0.1 knows in each direction: those only a CSMS sends (a station that
//! sends one is answered `NotSupported`), and the commands the CSMS sends, by name.

use super::*;
use crate::rpc::Command;

/// The actions a station sends (DataTransfer goes both ways), in [`Request`]'s order.
pub const STATION_ACTIONS: &[&str] = &[
    "Authorize",
    "BootNotification",
    "ClearedChargingLimit",
    "DataTransfer",
    "FirmwareStatusNotification",
    "Get15118EVCertificate",
    "GetCertificateStatus",
    "Heartbeat",
    "LogStatusNotification",
    "MeterValues",
    "NotifyChargingLimit",
    "NotifyCustomerInformation",
    "NotifyDisplayMessages",
    "NotifyEVChargingNeeds",
    "NotifyEVChargingSchedule",
    "NotifyEvent",
    "NotifyMonitoringReport",
    "NotifyReport",
    "PublishFirmwareStatusNotification",
    "ReportChargingProfiles",
    "ReservationStatusUpdate",
    "SecurityEventNotification",
    "SignCertificate",
    "StatusNotification",
    "TransactionEvent",
];

/// Actions that only a CSMS sends: answered `NotSupported` when a station sends one.
pub const NOT_SUPPORTED_ACTIONS: &[&str] = &[
    "CancelReservation",
    "CertificateSigned",
    "ChangeAvailability",
    "ClearCache",
    "ClearChargingProfile",
    "ClearDisplayMessage",
    "ClearVariableMonitoring",
    "CostUpdated",
    "CustomerInformation",
    "DeleteCertificate",
    "GetBaseReport",
    "GetChargingProfiles",
    "GetCompositeSchedule",
    "GetDisplayMessages",
    "GetInstalledCertificateIds",
    "GetLocalListVersion",
    "GetLog",
    "GetMonitoringReport",
    "GetReport",
    "GetTransactionStatus",
    "GetVariables",
    "InstallCertificate",
    "PublishFirmware",
    "RequestStartTransaction",
    "RequestStopTransaction",
    "ReserveNow",
    "Reset",
    "SendLocalList",
    "SetChargingProfile",
    "SetDisplayMessage",
    "SetMonitoringBase",
    "SetMonitoringLevel",
    "SetNetworkProfile",
    "SetVariableMonitoring",
    "SetVariables",
    "TriggerMessage",
    "UnlockConnector",
    "UnpublishFirmware",
    "UpdateFirmware",
];

/// The action of the command (a request the CSMS sends, DataTransfer included) with this exact
/// name (`None` for anything else).
pub fn command_action(name: &str) -> Option<&'static str> {
    [
        CancelReservationRequest::ACTION,
        CertificateSignedRequest::ACTION,
        ChangeAvailabilityRequest::ACTION,
        ClearCacheRequest::ACTION,
        ClearChargingProfileRequest::ACTION,
        ClearDisplayMessageRequest::ACTION,
        ClearVariableMonitoringRequest::ACTION,
        CostUpdatedRequest::ACTION,
        CustomerInformationRequest::ACTION,
        DataTransferRequest::ACTION,
        DeleteCertificateRequest::ACTION,
        GetBaseReportRequest::ACTION,
        GetChargingProfilesRequest::ACTION,
        GetCompositeScheduleRequest::ACTION,
        GetDisplayMessagesRequest::ACTION,
        GetInstalledCertificateIdsRequest::ACTION,
        GetLocalListVersionRequest::ACTION,
        GetLogRequest::ACTION,
        GetMonitoringReportRequest::ACTION,
        GetReportRequest::ACTION,
        GetTransactionStatusRequest::ACTION,
        GetVariablesRequest::ACTION,
        InstallCertificateRequest::ACTION,
        PublishFirmwareRequest::ACTION,
        RequestStartTransactionRequest::ACTION,
        RequestStopTransactionRequest::ACTION,
        ReserveNowRequest::ACTION,
        ResetRequest::ACTION,
        SendLocalListRequest::ACTION,
        SetChargingProfileRequest::ACTION,
        SetDisplayMessageRequest::ACTION,
        SetMonitoringBaseRequest::ACTION,
        SetMonitoringLevelRequest::ACTION,
        SetNetworkProfileRequest::ACTION,
        SetVariableMonitoringRequest::ACTION,
        SetVariablesRequest::ACTION,
        TriggerMessageRequest::ACTION,
        UnlockConnectorRequest::ACTION,
        UnpublishFirmwareRequest::ACTION,
        UpdateFirmwareRequest::ACTION,
    ]
    .into_iter()
    .find(|a| *a == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_known_in_one_direction_or_both() {
        assert_eq!(STATION_ACTIONS.len(), 25);
        assert_eq!(NOT_SUPPORTED_ACTIONS.len(), 39);
        for action in NOT_SUPPORTED_ACTIONS {
            assert!(!STATION_ACTIONS.contains(action), "{action}");
            assert_eq!(command_action(action), Some(*action));
        }
        for action in STATION_ACTIONS {
            let both = *action == "DataTransfer";
            assert_eq!(command_action(action).is_some(), both, "{action}");
        }
        assert_eq!(command_action("RemoteStartTransaction"), None);
        assert_eq!(command_action("reset"), None);
    }
}
