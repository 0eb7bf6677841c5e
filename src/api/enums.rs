//! GraphQL enums mirroring the OCPP enumerations (`ACCEPTED` for `Accepted`), converted both
//! ways, so that the `ocpp` crate stays free of GraphQL.

use async_graphql::Enum;

use ocpp::v16::types as wire;

/// Declares a GraphQL enum that mirrors an OCPP one variant for variant (`wire::$name`, resolved
/// where the macro is called).
macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl From<wire::$name> for $name {
            fn from(value: wire::$name) -> Self {
                match value {
                    $(wire::$name::$variant => Self::$variant),+
                }
            }
        }

        impl From<$name> for wire::$name {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => Self::$variant),+
                }
            }
        }
    };
}
/// Also for the Security Whitepaper's enumerations (`api::security_ext`): `wire` is whatever the
/// calling module names so.
pub(super) use mirror;

/// An OCPP version a station speaks.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcppVersion {
    /// OCPP 1.6 (JSON), subprotocol `ocpp1.6`.
    #[graphql(name = "OCPP_1_6")]
    Ocpp16,
    /// OCPP 2.0.1, subprotocol `ocpp2.0.1`.
    #[graphql(name = "OCPP_2_0_1")]
    Ocpp201,
}

impl From<ocpp::rpc::Version> for OcppVersion {
    fn from(value: ocpp::rpc::Version) -> Self {
        match value {
            ocpp::rpc::Version::V16 => Self::Ocpp16,
            ocpp::rpc::Version::V201 => Self::Ocpp201,
        }
    }
}

impl From<OcppVersion> for ocpp::rpc::Version {
    fn from(value: OcppVersion) -> Self {
        match value {
            OcppVersion::Ocpp16 => Self::V16,
            OcppVersion::Ocpp201 => Self::V201,
        }
    }
}

mirror!(
    /// A station's registration: what its BootNotification is answered.
    RegistrationStatus { Accepted, Pending, Rejected }
);
mirror!(
    /// An id tag's authorisation status.
    AuthorizationStatus { Accepted, Blocked, Expired, Invalid, ConcurrentTx }
);
mirror!(ChargePointErrorCode {
    ConnectorLockFailure,
    EvCommunicationError,
    GroundFailure,
    HighTemperature,
    InternalError,
    LocalListConflict,
    NoError,
    OtherError,
    OverCurrentFailure,
    OverVoltage,
    PowerMeterFailure,
    PowerSwitchFailure,
    ReaderFailure,
    ResetFailure,
    UnderVoltage,
    WeakSignal,
});
mirror!(ChargePointStatus {
    Available,
    Preparing,
    Charging,
    SuspendedEvse,
    SuspendedEv,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
});
mirror!(ReadingContext {
    InterruptionBegin,
    InterruptionEnd,
    Other,
    SampleClock,
    SamplePeriodic,
    TransactionBegin,
    TransactionEnd,
    Trigger,
});
mirror!(ValueFormat { Raw, SignedData });
mirror!(Measurand {
    CurrentExport,
    CurrentImport,
    CurrentOffered,
    EnergyActiveExportRegister,
    EnergyActiveImportRegister,
    EnergyReactiveExportRegister,
    EnergyReactiveImportRegister,
    EnergyActiveExportInterval,
    EnergyActiveImportInterval,
    EnergyReactiveExportInterval,
    EnergyReactiveImportInterval,
    Frequency,
    PowerActiveExport,
    PowerActiveImport,
    PowerFactor,
    PowerOffered,
    PowerReactiveExport,
    PowerReactiveImport,
    Rpm,
    #[graphql(name = "SOC")]
    SoC,
    Temperature,
    Voltage,
});
mirror!(Phase {
    L1,
    L2,
    L3,
    N,
    #[graphql(name = "L1_N")]
    L1N,
    #[graphql(name = "L2_N")]
    L2N,
    #[graphql(name = "L3_N")]
    L3N,
    #[graphql(name = "L1_L2")]
    L1L2,
    #[graphql(name = "L2_L3")]
    L2L3,
    #[graphql(name = "L3_L1")]
    L3L1,
});
mirror!(Location {
    Body,
    Cable,
    Ev,
    Inlet,
    Outlet
});
mirror!(
    /// Both `CELSIUS` and `CELCIUS` (the OCPP 1.6 JSON schema's spelling) exist, as sent.
    UnitOfMeasure {
        Wh,
        #[graphql(name = "KWH")]
        KWh,
        Varh,
        Kvarh,
        W,
        #[graphql(name = "KW")]
        KW,
        #[graphql(name = "VA")]
        Va,
        #[graphql(name = "KVA")]
        KVa,
        Var,
        Kvar,
        A,
        V,
        K,
        Celsius,
        Celcius,
        Fahrenheit,
        Percent,
    }
);
mirror!(Reason {
    DeAuthorized,
    EmergencyStop,
    EvDisconnected,
    HardReset,
    Local,
    Other,
    PowerLoss,
    Reboot,
    Remote,
    SoftReset,
    UnlockCommand,
});
mirror!(DataTransferStatus {
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId
});
mirror!(DiagnosticsStatus {
    Idle,
    Uploaded,
    UploadFailed,
    Uploading
});
mirror!(FirmwareStatus {
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
});
mirror!(AvailabilityType {
    Inoperative,
    Operative
});
mirror!(AvailabilityStatus {
    Accepted,
    Rejected,
    Scheduled
});
mirror!(ConfigurationStatus {
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported
});
mirror!(ClearCacheStatus { Accepted, Rejected });
mirror!(RemoteStartStopStatus { Accepted, Rejected });
mirror!(ResetType { Hard, Soft });
mirror!(ResetStatus { Accepted, Rejected });
mirror!(UnlockStatus {
    Unlocked,
    UnlockFailed,
    NotSupported
});

mirror!(ChargingProfilePurpose {
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile
});
mirror!(ChargingProfileKind {
    Absolute,
    Recurring,
    Relative
});
mirror!(RecurrencyKind { Daily, Weekly });
mirror!(
    /// Amperes or watts.
    ChargingRateUnit {
        #[graphql(name = "W")]
        W,
        #[graphql(name = "A")]
        A
    }
);
mirror!(ChargingProfileStatus {
    Accepted,
    Rejected,
    NotSupported
});
mirror!(ClearChargingProfileStatus { Accepted, Unknown });
mirror!(GetCompositeScheduleStatus { Accepted, Rejected });
mirror!(
    /// What TriggerMessage asks a station to send.
    MessageTrigger {
        BootNotification,
        DiagnosticsStatusNotification,
        FirmwareStatusNotification,
        Heartbeat,
        MeterValues,
        StatusNotification,
    }
);
mirror!(TriggerMessageStatus {
    Accepted,
    Rejected,
    NotImplemented
});
mirror!(
    /// A station's answer to ReserveNow.
    ReservationStatus {
        Accepted,
        Faulted,
        Occupied,
        Rejected,
        Unavailable,
    }
);
mirror!(CancelReservationStatus { Accepted, Rejected });
mirror!(UpdateType { Differential, Full });
mirror!(UpdateStatus {
    Accepted,
    Failed,
    NotSupported,
    VersionMismatch
});

/// Where a reservation stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReservationState {
    /// ReserveNow sent, no answer yet.
    Requested,
    /// Accepted by the station, not yet used, cancelled or expired.
    Active,
    /// The station did not accept it (see `stationStatus`).
    Refused,
    /// No answer from the station.
    Failed,
    Cancelled,
    /// A transaction started on it.
    Used,
    Expired,
}

impl ReservationState {
    /// Reads the stored state.
    pub fn from_stored(state: &str) -> Option<Self> {
        use crate::use_case::reservation::state as s;
        Some(match state {
            s::REQUESTED => Self::Requested,
            s::ACTIVE => Self::Active,
            s::REFUSED => Self::Refused,
            s::FAILED => Self::Failed,
            s::CANCELLED => Self::Cancelled,
            s::USED => Self::Used,
            s::EXPIRED => Self::Expired,
            _ => return None,
        })
    }
}

/// Reads a stored wire spelling into the GraphQL enum (`None` if the row holds something else).
pub fn stored<O, G>(text: &str, from_wire: fn(&str) -> Option<O>) -> Option<G>
where
    G: From<O>,
{
    from_wire(text).map(G::from)
}
