//! OCPP 1.6 data types shared by messages in both directions: bounded strings, date-times,
//! id tag info, meter values and every enumeration, each spelled as on the wire. The
//! version-neutral ones (bounded strings, date-times, text without NUL, the empty payload) are
//! in `crate::types`, re-exported here under their names.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

use crate::rpc::Payload;
pub(crate) use crate::types::ocpp_enum;
pub use crate::types::{
    CiString, Empty, MAX_NUMERIC, Timestamp, TooLong, optional_text, text, without_nul,
};

ocpp_enum!(RegistrationStatus {
    Accepted = "Accepted",
    Pending = "Pending",
    Rejected = "Rejected",
});

ocpp_enum!(AuthorizationStatus {
    Accepted = "Accepted",
    Blocked = "Blocked",
    Expired = "Expired",
    Invalid = "Invalid",
    ConcurrentTx = "ConcurrentTx",
});

ocpp_enum!(ChargePointErrorCode {
    ConnectorLockFailure = "ConnectorLockFailure",
    EvCommunicationError = "EVCommunicationError",
    GroundFailure = "GroundFailure",
    HighTemperature = "HighTemperature",
    InternalError = "InternalError",
    LocalListConflict = "LocalListConflict",
    NoError = "NoError",
    OtherError = "OtherError",
    OverCurrentFailure = "OverCurrentFailure",
    OverVoltage = "OverVoltage",
    PowerMeterFailure = "PowerMeterFailure",
    PowerSwitchFailure = "PowerSwitchFailure",
    ReaderFailure = "ReaderFailure",
    ResetFailure = "ResetFailure",
    UnderVoltage = "UnderVoltage",
    WeakSignal = "WeakSignal",
});

ocpp_enum!(ChargePointStatus {
    Available = "Available",
    Preparing = "Preparing",
    Charging = "Charging",
    SuspendedEvse = "SuspendedEVSE",
    SuspendedEv = "SuspendedEV",
    Finishing = "Finishing",
    Reserved = "Reserved",
    Unavailable = "Unavailable",
    Faulted = "Faulted",
});

ocpp_enum!(ReadingContext {
    InterruptionBegin = "Interruption.Begin",
    InterruptionEnd = "Interruption.End",
    Other = "Other",
    SampleClock = "Sample.Clock",
    SamplePeriodic = "Sample.Periodic",
    TransactionBegin = "Transaction.Begin",
    TransactionEnd = "Transaction.End",
    Trigger = "Trigger",
});

ocpp_enum!(ValueFormat {
    Raw = "Raw",
    SignedData = "SignedData",
});

ocpp_enum!(Measurand {
    CurrentExport = "Current.Export",
    CurrentImport = "Current.Import",
    CurrentOffered = "Current.Offered",
    EnergyActiveExportRegister = "Energy.Active.Export.Register",
    EnergyActiveImportRegister = "Energy.Active.Import.Register",
    EnergyReactiveExportRegister = "Energy.Reactive.Export.Register",
    EnergyReactiveImportRegister = "Energy.Reactive.Import.Register",
    EnergyActiveExportInterval = "Energy.Active.Export.Interval",
    EnergyActiveImportInterval = "Energy.Active.Import.Interval",
    EnergyReactiveExportInterval = "Energy.Reactive.Export.Interval",
    EnergyReactiveImportInterval = "Energy.Reactive.Import.Interval",
    Frequency = "Frequency",
    PowerActiveExport = "Power.Active.Export",
    PowerActiveImport = "Power.Active.Import",
    PowerFactor = "Power.Factor",
    PowerOffered = "Power.Offered",
    PowerReactiveExport = "Power.Reactive.Export",
    PowerReactiveImport = "Power.Reactive.Import",
    Rpm = "RPM",
    SoC = "SoC",
    Temperature = "Temperature",
    Voltage = "Voltage",
});

ocpp_enum!(Phase {
    L1 = "L1",
    L2 = "L2",
    L3 = "L3",
    N = "N",
    L1N = "L1-N",
    L2N = "L2-N",
    L3N = "L3-N",
    L1L2 = "L1-L2",
    L2L3 = "L2-L3",
    L3L1 = "L3-L1",
});

ocpp_enum!(Location {
    Body = "Body",
    Cable = "Cable",
    Ev = "EV",
    Inlet = "Inlet",
    Outlet = "Outlet",
});

ocpp_enum!(
    /// Both `Celsius` and the JSON schema's misspelling `Celcius` are accepted (OCPP-J errata
    /// 2.1) and stored as sent.
    UnitOfMeasure {
        Wh = "Wh",
        KWh = "kWh",
        Varh = "varh",
        Kvarh = "kvarh",
        W = "W",
        KW = "kW",
        Va = "VA",
        KVa = "kVA",
        Var = "var",
        Kvar = "kvar",
        A = "A",
        V = "V",
        K = "K",
        Celsius = "Celsius",
        Celcius = "Celcius",
        Fahrenheit = "Fahrenheit",
        Percent = "Percent",
    }
);

ocpp_enum!(Reason {
    DeAuthorized = "DeAuthorized",
    EmergencyStop = "EmergencyStop",
    EvDisconnected = "EVDisconnected",
    HardReset = "HardReset",
    Local = "Local",
    Other = "Other",
    PowerLoss = "PowerLoss",
    Reboot = "Reboot",
    Remote = "Remote",
    SoftReset = "SoftReset",
    UnlockCommand = "UnlockCommand",
});

ocpp_enum!(DataTransferStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
    UnknownMessageId = "UnknownMessageId",
    UnknownVendorId = "UnknownVendorId",
});

ocpp_enum!(DiagnosticsStatus {
    Idle = "Idle",
    Uploaded = "Uploaded",
    UploadFailed = "UploadFailed",
    Uploading = "Uploading",
});

ocpp_enum!(FirmwareStatus {
    Downloaded = "Downloaded",
    DownloadFailed = "DownloadFailed",
    Downloading = "Downloading",
    Idle = "Idle",
    InstallationFailed = "InstallationFailed",
    Installing = "Installing",
    Installed = "Installed",
});

ocpp_enum!(AvailabilityType {
    Inoperative = "Inoperative",
    Operative = "Operative",
});

ocpp_enum!(AvailabilityStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
    Scheduled = "Scheduled",
});

ocpp_enum!(ConfigurationStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
    RebootRequired = "RebootRequired",
    NotSupported = "NotSupported",
});

ocpp_enum!(ClearCacheStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
});

ocpp_enum!(RemoteStartStopStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
});

ocpp_enum!(ResetType {
    Hard = "Hard",
    Soft = "Soft",
});

ocpp_enum!(ResetStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
});

ocpp_enum!(UnlockStatus {
    Unlocked = "Unlocked",
    UnlockFailed = "UnlockFailed",
    NotSupported = "NotSupported",
});

// Firmware Management, Local Auth List Management, Reservation, Smart Charging and Remote
// Trigger (OCPP 1.6 §7).

ocpp_enum!(ChargingProfilePurpose {
    ChargePointMaxProfile = "ChargePointMaxProfile",
    TxDefaultProfile = "TxDefaultProfile",
    TxProfile = "TxProfile",
});

ocpp_enum!(ChargingProfileKind {
    Absolute = "Absolute",
    Recurring = "Recurring",
    Relative = "Relative",
});

ocpp_enum!(RecurrencyKind {
    Daily = "Daily",
    Weekly = "Weekly",
});

ocpp_enum!(ChargingRateUnit {
    W = "W",
    A = "A",
});

ocpp_enum!(ChargingProfileStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
    NotSupported = "NotSupported",
});

ocpp_enum!(ClearChargingProfileStatus {
    Accepted = "Accepted",
    Unknown = "Unknown",
});

ocpp_enum!(GetCompositeScheduleStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
});

ocpp_enum!(MessageTrigger {
    BootNotification = "BootNotification",
    DiagnosticsStatusNotification = "DiagnosticsStatusNotification",
    FirmwareStatusNotification = "FirmwareStatusNotification",
    Heartbeat = "Heartbeat",
    MeterValues = "MeterValues",
    StatusNotification = "StatusNotification",
});

ocpp_enum!(TriggerMessageStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
    NotImplemented = "NotImplemented",
});

ocpp_enum!(ReservationStatus {
    Accepted = "Accepted",
    Faulted = "Faulted",
    Occupied = "Occupied",
    Rejected = "Rejected",
    Unavailable = "Unavailable",
});

ocpp_enum!(CancelReservationStatus {
    Accepted = "Accepted",
    Rejected = "Rejected",
});

ocpp_enum!(UpdateType {
    Differential = "Differential",
    Full = "Full",
});

ocpp_enum!(UpdateStatus {
    Accepted = "Accepted",
    Failed = "Failed",
    NotSupported = "NotSupported",
    VersionMismatch = "VersionMismatch",
});

/// `IdToken`: an id tag, case-insensitive, at most 20 characters.
pub type IdToken = CiString<20>;

/// Reads a JSON integer that must not be negative (connector ids).
pub fn non_negative<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
    let n = i32::deserialize(deserializer)?;
    if n < 0 {
        return Err(de::Error::invalid_value(
            de::Unexpected::Signed(n.into()),
            &"a non-negative integer",
        ));
    }
    Ok(n)
}

/// `IdTagInfo`: what the central system says about an id tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdTagInfo {
    pub status: AuthorizationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id_tag: Option<IdToken>,
}

/// One `sampledValue` of a meter value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SampledValue {
    #[serde(deserialize_with = "text")]
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ReadingContext>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<ValueFormat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurand: Option<Measurand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitOfMeasure>,
}

impl SampledValue {
    /// The context, or the specification's default `Sample.Periodic`.
    pub fn context_or_default(&self) -> ReadingContext {
        self.context.unwrap_or(ReadingContext::SamplePeriodic)
    }
    /// The format, or the default `Raw`.
    pub fn format_or_default(&self) -> ValueFormat {
        self.format.unwrap_or(ValueFormat::Raw)
    }
    /// The measurand, or the default `Energy.Active.Import.Register`.
    pub fn measurand_or_default(&self) -> Measurand {
        self.measurand
            .unwrap_or(Measurand::EnergyActiveImportRegister)
    }
    /// The location, or the default `Outlet`.
    pub fn location_or_default(&self) -> Location {
        self.location.unwrap_or(Location::Outlet)
    }
    /// The unit, or the default `Wh`.
    pub fn unit_or_default(&self) -> UnitOfMeasure {
        self.unit.unwrap_or(UnitOfMeasure::Wh)
    }
    /// The value as a number, when it is one (a `SignedData` value is not) of magnitude at
    /// most [`MAX_NUMERIC`]; beyond it (and for `NaN`, `inf`, `1e309`) only the text is kept.
    pub fn numeric(&self) -> Option<f64> {
        self.value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.abs() <= MAX_NUMERIC)
    }
}

/// One `meterValue`: a timestamp and at least one sampled value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeterValue {
    pub timestamp: Timestamp,
    pub sampled_value: Vec<SampledValue>,
}

/// A plain `{"status": …}` answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusResponse<S> {
    pub status: S,
}

impl<S: serde::de::DeserializeOwned> Payload for StatusResponse<S> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_finite_numbers_of_a_sane_magnitude_are_numeric() {
        let numeric = |value: &str| {
            SampledValue {
                value: value.to_owned(),
                context: None,
                format: None,
                measurand: None,
                phase: None,
                location: None,
                unit: None,
            }
            .numeric()
        };
        assert_eq!(numeric(" 12.5 "), Some(12.5));
        assert_eq!(numeric("-3"), Some(-3.0));
        assert_eq!(numeric("9007199254740992"), Some(MAX_NUMERIC));
        assert_eq!(numeric("-9007199254740992"), Some(-MAX_NUMERIC));
        for bad in [
            "9007199254740993.5",
            "1e16",
            "1e308",
            "-1e308",
            "1e309",
            "NaN",
            "inf",
            "-infinity",
            "",
            "12 kWh",
        ] {
            assert_eq!(numeric(bad), None, "{bad}");
        }
    }

    #[test]
    fn enums_keep_their_wire_spelling() {
        assert_eq!(
            Measurand::EnergyActiveImportRegister.as_str(),
            "Energy.Active.Import.Register"
        );
        assert_eq!(
            serde_json::to_string(&ChargePointStatus::SuspendedEvse).unwrap(),
            "\"SuspendedEVSE\""
        );
        assert_eq!(Phase::from_wire("L1-N"), Some(Phase::L1N));
        assert_eq!(
            UnitOfMeasure::from_wire("Celcius"),
            Some(UnitOfMeasure::Celcius)
        );
        assert_eq!(UnitOfMeasure::from_wire("celsius"), None);
        assert_eq!(Measurand::ALL.len(), 22);
        assert_eq!(ChargePointErrorCode::ALL.len(), 16);
    }
}
