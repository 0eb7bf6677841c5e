//! OCPP 2.0.1 data types and enumerations that more than one action's schema defines (each
//! identically, so one Rust type each), [`Decimal`] (a sampled value's number with its text),
//! and the checks of the schemas' `minItems`/`maxItems`/`minimum`/`maximum` that serde cannot
//! express ([`Payload::check`](crate::rpc::Payload::check) of each message runs them).
//!
//! Names follow the schemas' definitions without their `Type` suffix (`IdTokenType` →
//! [`IdToken`], `EVSEType` → [`Evse`], `IdTokenEnumType` → [`IdTokenEnum`]);
//! fields are the properties in snake case (a property `type` is the field `kind`). Every
//! object may carry `customData` ([`CustomData`]), kept as sent.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::rpc::{CallError, ErrorCode, violation};
pub use crate::types::{CiString, Timestamp, TooLong};
use crate::types::{MAX_NUMERIC, ocpp_enum};

/// A JSON number sent as a sampled value's `value`: the number, and its text exactly as sent
/// (`"12.50"` stays `12.50`, which the `f64` alone would write as `12.5`). Written back as its
/// text.
#[derive(Clone, Debug)]
pub struct Decimal {
    value: f64,
    text: Box<str>,
}

impl Decimal {
    /// The number as a double.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The number as sent, when its magnitude is at most [`MAX_NUMERIC`] (as OCPP 1.6's
    /// `SampledValue::numeric`).
    pub fn numeric(&self) -> Option<f64> {
        Some(self.value).filter(|v| v.abs() <= MAX_NUMERIC)
    }

    /// The text as sent (a JSON number).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Reads the text of a JSON number within the range of a double; `None` for anything else
    /// (`NaN`, `"1"`, `1.`, `1e400`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if !is_json_number(text) {
            return None;
        }
        let value: f64 = text.parse().ok().filter(|v: &f64| v.is_finite())?;
        Some(Self {
            value,
            text: text.into(),
        })
    }
}

/// Whether `s` is a JSON number (RFC 8259 §6): `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.first() == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

impl From<f64> for Decimal {
    /// A finite number, written as serde_json writes it (`2.0`, `0.1`); `NaN` and `±inf`, which
    /// JSON cannot hold, become `0.0`.
    fn from(value: f64) -> Self {
        let value = if value.is_finite() { value } else { 0.0 };
        let text =
            serde_json::Number::from_f64(value).map_or_else(|| "0.0".to_owned(), |n| n.to_string());
        Self {
            value,
            text: text.into(),
        }
    }
}

impl From<i64> for Decimal {
    fn from(value: i64) -> Self {
        Self {
            value: value as f64,
            text: value.to_string().into(),
        }
    }
}

/// Equal when the numbers are (`12.5` and `12.50` are equal: the text is how it was written).
impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The text is a JSON number (checked when read or built), so it is written as one.
        match RawValue::from_string(self.text.to_string()) {
            Ok(raw) => raw.serialize(serializer),
            Err(_) => serializer.serialize_f64(self.value),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(deserializer)?;
        let text = raw.get().trim();
        Decimal::parse(text).ok_or_else(|| {
            let unexpected = match text.as_bytes().first() {
                Some(b'"') => de::Unexpected::Other("a string"),
                Some(b'{') => de::Unexpected::Map,
                Some(b'[') => de::Unexpected::Seq,
                Some(b't' | b'f') => de::Unexpected::Other("a boolean"),
                Some(b'n') => de::Unexpected::Other("null"),
                // A JSON number beyond the range of a double.
                _ => {
                    return de::Error::invalid_value(
                        de::Unexpected::Other("a number beyond the range of a double"),
                        &"a number within the range of a double",
                    );
                }
            };
            de::Error::invalid_type(unexpected, &"a number")
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The constraints serde cannot express: list lengths and integer ranges, each checked where the
// schema puts it, reported with the field's path (formatted only when it is violated).

/// Where a value sits in a payload.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Root,
    Field(&'a At<'a>, &'static str),
    Item(&'a At<'a>, &'static str, usize),
}

impl At<'_> {
    fn path(&self, field: &str) -> String {
        let mut path = self.prefix();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
        path
    }

    fn prefix(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Field(parent, name) => parent.path(name),
            At::Item(parent, name, i) => format!("{}[{i}]", parent.path(name)),
        }
    }
}

/// A value with constraints beyond its types, at some place in a payload.
pub(crate) trait Check {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError>;
}

/// A list's length within `min..=max` (an empty required list, like a long one, is an
/// occurrence violation).
pub(crate) fn count(
    at: At<'_>,
    field: &'static str,
    len: usize,
    min: usize,
    max: usize,
) -> Result<(), CallError> {
    if len < min {
        return Err(violation(
            ErrorCode::OccurenceConstraintViolation,
            &at.path(field),
            &format!("at least {min} item(s) required, {len} sent"),
        ));
    }
    if len > max {
        return Err(violation(
            ErrorCode::OccurenceConstraintViolation,
            &at.path(field),
            &format!("at most {max} item(s) allowed, {len} sent"),
        ));
    }
    Ok(())
}

/// Checks each item of a list.
pub(crate) fn each<T: Check>(
    at: At<'_>,
    field: &'static str,
    items: &[T],
) -> Result<(), CallError> {
    items
        .iter()
        .enumerate()
        .try_for_each(|(i, item)| item.check_at(At::Item(&at, field, i)))
}

/// An integer within `min..=max`.
pub(crate) fn range(
    at: At<'_>,
    field: &'static str,
    value: i32,
    min: i32,
    max: i32,
) -> Result<(), CallError> {
    if (min..=max).contains(&value) {
        return Ok(());
    }
    let bound = if value < min {
        format!("below the minimum {min}")
    } else {
        format!("above the maximum {max}")
    };
    Err(violation(
        ErrorCode::PropertyConstraintViolation,
        &at.path(field),
        &format!("{value} is {bound}"),
    ))
}

// ---------------------------------------------------------------------------------------------
// Enumerations and data types shared by several actions (generated from the schemas'
// definitions, then kept by hand).

ocpp_enum!(
    /// `AttributeEnumType`.
    AttributeEnum {
        Actual = "Actual",
        Target = "Target",
        MinSet = "MinSet",
        MaxSet = "MaxSet",
    }
);

ocpp_enum!(
    /// `AuthorizationStatusEnumType`.
    AuthorizationStatusEnum {
        Accepted = "Accepted",
        Blocked = "Blocked",
        ConcurrentTx = "ConcurrentTx",
        Expired = "Expired",
        Invalid = "Invalid",
        NoCredit = "NoCredit",
        NotAllowedTypeEvse = "NotAllowedTypeEVSE",
        NotAtThisLocation = "NotAtThisLocation",
        NotAtThisTime = "NotAtThisTime",
        Unknown = "Unknown",
    }
);

ocpp_enum!(
    /// `CertificateSigningUseEnumType`.
    CertificateSigningUseEnum {
        ChargingStationCertificate = "ChargingStationCertificate",
        V2GCertificate = "V2GCertificate",
    }
);

ocpp_enum!(
    /// `ChargingLimitSourceEnumType`.
    ChargingLimitSourceEnum {
        Ems = "EMS",
        Other = "Other",
        So = "SO",
        Cso = "CSO",
    }
);

ocpp_enum!(
    /// `ChargingProfileKindEnumType`.
    ChargingProfileKindEnum {
        Absolute = "Absolute",
        Recurring = "Recurring",
        Relative = "Relative",
    }
);

ocpp_enum!(
    /// `ChargingProfilePurposeEnumType`.
    ChargingProfilePurposeEnum {
        ChargingStationExternalConstraints = "ChargingStationExternalConstraints",
        ChargingStationMaxProfile = "ChargingStationMaxProfile",
        TxDefaultProfile = "TxDefaultProfile",
        TxProfile = "TxProfile",
    }
);

ocpp_enum!(
    /// `ChargingRateUnitEnumType`.
    ChargingRateUnitEnum {
        W = "W",
        A = "A",
    }
);

ocpp_enum!(
    /// `CostKindEnumType`.
    CostKindEnum {
        CarbonDioxideEmission = "CarbonDioxideEmission",
        RelativePricePercentage = "RelativePricePercentage",
        RenewableGenerationPercentage = "RenewableGenerationPercentage",
    }
);

ocpp_enum!(
    /// `GenericDeviceModelStatusEnumType`.
    GenericDeviceModelStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
        NotSupported = "NotSupported",
        EmptyResultSet = "EmptyResultSet",
    }
);

ocpp_enum!(
    /// `GenericStatusEnumType`.
    GenericStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);

ocpp_enum!(
    /// `HashAlgorithmEnumType`.
    HashAlgorithmEnum {
        Sha256 = "SHA256",
        Sha384 = "SHA384",
        Sha512 = "SHA512",
    }
);

ocpp_enum!(
    /// `IdTokenEnumType`.
    IdTokenEnum {
        Central = "Central",
        Emaid = "eMAID",
        Iso14443 = "ISO14443",
        Iso15693 = "ISO15693",
        KeyCode = "KeyCode",
        Local = "Local",
        MacAddress = "MacAddress",
        NoAuthorization = "NoAuthorization",
    }
);

ocpp_enum!(
    /// `LocationEnumType`.
    LocationEnum {
        Body = "Body",
        Cable = "Cable",
        Ev = "EV",
        Inlet = "Inlet",
        Outlet = "Outlet",
    }
);

ocpp_enum!(
    /// `MeasurandEnumType`.
    MeasurandEnum {
        CurrentExport = "Current.Export",
        CurrentImport = "Current.Import",
        CurrentOffered = "Current.Offered",
        EnergyActiveExportRegister = "Energy.Active.Export.Register",
        EnergyActiveImportRegister = "Energy.Active.Import.Register",
        EnergyReactiveExportRegister = "Energy.Reactive.Export.Register",
        EnergyReactiveImportRegister = "Energy.Reactive.Import.Register",
        EnergyActiveExportInterval = "Energy.Active.Export.Interval",
        EnergyActiveImportInterval = "Energy.Active.Import.Interval",
        EnergyActiveNet = "Energy.Active.Net",
        EnergyReactiveExportInterval = "Energy.Reactive.Export.Interval",
        EnergyReactiveImportInterval = "Energy.Reactive.Import.Interval",
        EnergyReactiveNet = "Energy.Reactive.Net",
        EnergyApparentNet = "Energy.Apparent.Net",
        EnergyApparentImport = "Energy.Apparent.Import",
        EnergyApparentExport = "Energy.Apparent.Export",
        Frequency = "Frequency",
        PowerActiveExport = "Power.Active.Export",
        PowerActiveImport = "Power.Active.Import",
        PowerFactor = "Power.Factor",
        PowerOffered = "Power.Offered",
        PowerReactiveExport = "Power.Reactive.Export",
        PowerReactiveImport = "Power.Reactive.Import",
        SoC = "SoC",
        Voltage = "Voltage",
    }
);

ocpp_enum!(
    /// `MessageFormatEnumType`.
    MessageFormatEnum {
        Ascii = "ASCII",
        Html = "HTML",
        Uri = "URI",
        Utf8 = "UTF8",
    }
);

ocpp_enum!(
    /// `MessagePriorityEnumType`.
    MessagePriorityEnum {
        AlwaysFront = "AlwaysFront",
        InFront = "InFront",
        NormalCycle = "NormalCycle",
    }
);

ocpp_enum!(
    /// `MessageStateEnumType`.
    MessageStateEnum {
        Charging = "Charging",
        Faulted = "Faulted",
        Idle = "Idle",
        Unavailable = "Unavailable",
    }
);

ocpp_enum!(
    /// `MonitorEnumType`.
    MonitorEnum {
        UpperThreshold = "UpperThreshold",
        LowerThreshold = "LowerThreshold",
        Delta = "Delta",
        Periodic = "Periodic",
        PeriodicClockAligned = "PeriodicClockAligned",
    }
);

ocpp_enum!(
    /// `PhaseEnumType`.
    PhaseEnum {
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
    }
);

ocpp_enum!(
    /// `ReadingContextEnumType`.
    ReadingContextEnum {
        InterruptionBegin = "Interruption.Begin",
        InterruptionEnd = "Interruption.End",
        Other = "Other",
        SampleClock = "Sample.Clock",
        SamplePeriodic = "Sample.Periodic",
        TransactionBegin = "Transaction.Begin",
        TransactionEnd = "Transaction.End",
        Trigger = "Trigger",
    }
);

ocpp_enum!(
    /// `RecurrencyKindEnumType`.
    RecurrencyKindEnum {
        Daily = "Daily",
        Weekly = "Weekly",
    }
);

ocpp_enum!(
    /// `RequestStartStopStatusEnumType`.
    RequestStartStopStatusEnum {
        Accepted = "Accepted",
        Rejected = "Rejected",
    }
);

/// `AdditionalInfoType`: another identifier that goes with an [`IdToken`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdditionalInfo {
    pub additional_id_token: CiString<36>,
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateHashDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateHashData {
    pub hash_algorithm: HashAlgorithmEnum,
    pub issuer_name_hash: CiString<128>,
    pub issuer_key_hash: CiString<128>,
    pub serial_number: CiString<40>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingProfileType`: a charging profile: its id, stack level, purpose and kind, the
/// schedules (1 to 3) and, for a `TxProfile`, the transaction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingProfile {
    pub id: i32,
    pub stack_level: i32,
    pub charging_profile_purpose: ChargingProfilePurposeEnum,
    pub charging_profile_kind: ChargingProfileKindEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrency_kind: Option<RecurrencyKindEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Timestamp>,
    pub charging_schedule: Vec<ChargingSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ChargingProfile {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "chargingSchedule", self.charging_schedule.len(), 1, 3)?;
        each(at, "chargingSchedule", &self.charging_schedule)?;
        Ok(())
    }
}

/// `ChargingScheduleType`: a schedule of limits (1 to 1024 periods) in A or W, optionally with
/// a start, a duration, a minimum rate and an ISO 15118 sales tariff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingSchedule {
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_schedule: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<i32>,
    pub charging_rate_unit: ChargingRateUnitEnum,
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charging_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_tariff: Option<SalesTariff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ChargingSchedule {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "chargingSchedulePeriod",
            self.charging_schedule_period.len(),
            1,
            1024,
        )?;
        if let Some(v) = &self.sales_tariff {
            v.check_at(At::Field(&at, "salesTariff"))?;
        }
        Ok(())
    }
}

/// `ChargingSchedulePeriodType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChargingSchedulePeriod {
    pub start_period: i32,
    pub limit: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_phases: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase_to_use: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ComponentType`: a component of the device model (`OCPPCommCtrlr`, `EVSE`, `Connector`…),
/// with an instance name and the EVSE it belongs to when there are several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Component {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub name: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ComponentVariableType`: a component and, optionally, one of its variables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ComponentVariable {
    pub component: Component,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable: Option<Variable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ConsumptionCostType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsumptionCost {
    pub start_value: f64,
    pub cost: Vec<Cost>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for ConsumptionCost {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "cost", self.cost.len(), 1, 3)?;
        Ok(())
    }
}

/// `CostType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cost {
    pub cost_kind: CostKindEnum,
    pub amount: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_multiplier: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CustomDataType`: the vendor extension every 2.0.1 object may carry as `customData`. Its
/// `vendorId` is required; any other property is the vendor's, kept as sent in
/// [`extra`](Self::extra) (which should not hold `vendorId` itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomData {
    pub vendor_id: CiString<255>,
    /// The vendor's other properties, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CustomData {
    /// `customData` with a vendor id and no other property.
    pub fn new(vendor_id: CiString<255>) -> Self {
        Self {
            vendor_id,
            extra: Map::new(),
        }
    }
}

/// `EVSEType`: an EVSE of the station (`id`, from 1) and, optionally, one of its connectors
/// (`connectorId`, from 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Evse {
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `IdTokenType`: an identifier a station authorizes with (an RFID card's UID, an eMAID, a key
/// code…), with its kind: `kind` is the property `type`. The token is case-insensitive
/// ([`CiString::key`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdToken {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<Vec<AdditionalInfo>>,
    pub id_token: CiString<36>,
    #[serde(rename = "type")]
    pub kind: IdTokenEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for IdToken {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.additional_info {
            count(at, "additionalInfo", v.len(), 1, usize::MAX)?;
        }
        Ok(())
    }
}

/// `IdTokenInfoType`: what the CSMS says about an [`IdToken`]: its status and, optionally, how
/// long the station may cache it, its group, the EVSEs it may use, its languages and a message
/// for the driver.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdTokenInfo {
    pub status: AuthorizationStatusEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_expiry_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_priority: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language1: Option<CiString<8>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<Vec<i32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language2: Option<CiString<8>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_message: Option<MessageContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for IdTokenInfo {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.evse_id {
            count(at, "evseId", v.len(), 1, usize::MAX)?;
        }
        if let Some(v) = &self.group_id_token {
            v.check_at(At::Field(&at, "groupIdToken"))?;
        }
        Ok(())
    }
}

/// `MessageContentType`: text for a driver, with its format and language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MessageContent {
    pub format: MessageFormatEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<CiString<8>>,
    pub content: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MessageInfoType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MessageInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<Component>,
    pub id: i32,
    pub priority: MessagePriorityEnum,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MessageStateEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    pub message: MessageContent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MeterValueType`: sampled values taken at one time (at least one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeterValue {
    pub sampled_value: Vec<SampledValue>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for MeterValue {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(at, "sampledValue", self.sampled_value.len(), 1, usize::MAX)?;
        Ok(())
    }
}

/// `OCSPRequestDataType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OcspRequestData {
    pub hash_algorithm: HashAlgorithmEnum,
    pub issuer_name_hash: CiString<128>,
    pub issuer_key_hash: CiString<128>,
    pub serial_number: CiString<40>,
    #[serde(rename = "responderURL")]
    pub responder_url: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `RelativeTimeIntervalType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelativeTimeInterval {
    pub start: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SalesTariffType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SalesTariff {
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_tariff_description: Option<CiString<32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_e_price_levels: Option<i32>,
    pub sales_tariff_entry: Vec<SalesTariffEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SalesTariff {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        count(
            at,
            "salesTariffEntry",
            self.sales_tariff_entry.len(),
            1,
            1024,
        )?;
        each(at, "salesTariffEntry", &self.sales_tariff_entry)?;
        Ok(())
    }
}

/// `SalesTariffEntryType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SalesTariffEntry {
    pub relative_time_interval: RelativeTimeInterval,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_price_level: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumption_cost: Option<Vec<ConsumptionCost>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl Check for SalesTariffEntry {
    fn check_at(&self, at: At<'_>) -> Result<(), CallError> {
        if let Some(v) = &self.e_price_level {
            range(at, "ePriceLevel", *v, 0, i32::MAX)?;
        }
        if let Some(v) = &self.consumption_cost {
            count(at, "consumptionCost", v.len(), 1, 3)?;
            each(at, "consumptionCost", v)?;
        }
        Ok(())
    }
}

/// `SampledValueType`: one measured value: a JSON number ([`Decimal`], kept as sent), what it
/// measures (`measurand`, default `Energy.Active.Import.Register`), when (`context`, default
/// `Sample.Periodic`), where (`location`, default `Outlet`), on which phase (absent: the
/// overall value), in which unit (default `Wh`, multiplier 0), optionally signed. The
/// `*_or_default` methods apply the specification's defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SampledValue {
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ReadingContextEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurand: Option<MeasurandEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationEnum>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_meter_value: Option<SignedMeterValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl SampledValue {
    /// The context, or the specification's default `Sample.Periodic`.
    pub fn context_or_default(&self) -> ReadingContextEnum {
        self.context.unwrap_or(ReadingContextEnum::SamplePeriodic)
    }

    /// The measurand, or the default `Energy.Active.Import.Register`.
    pub fn measurand_or_default(&self) -> MeasurandEnum {
        self.measurand
            .unwrap_or(MeasurandEnum::EnergyActiveImportRegister)
    }

    /// The location, or the default `Outlet`.
    pub fn location_or_default(&self) -> LocationEnum {
        self.location.unwrap_or(LocationEnum::Outlet)
    }

    /// The unit, or the default `Wh`.
    pub fn unit_or_default(&self) -> &str {
        self.unit_of_measure
            .as_ref()
            .map_or("Wh", UnitOfMeasure::unit_or_default)
    }

    /// The power of ten the value is multiplied by, or the default 0.
    pub fn multiplier_or_default(&self) -> i32 {
        self.unit_of_measure
            .as_ref()
            .map_or(0, UnitOfMeasure::multiplier_or_default)
    }
}

/// `SignedMeterValueType`: a meter's signed reading, as the meter encoded and signed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedMeterValue {
    pub signed_meter_data: CiString<2500>,
    pub signing_method: CiString<50>,
    pub encoding_method: CiString<50>,
    pub public_key: CiString<2500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `StatusInfoType`: why a status was given: a reason code and, optionally, more text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusInfo {
    pub reason_code: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<CiString<512>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `UnitOfMeasureType`: a unit (a string such as `kWh`, `W`, `A`, `V`, `Celsius`; default `Wh`)
/// and a power of ten it is multiplied by (default 0).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnitOfMeasure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiplier: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

impl UnitOfMeasure {
    /// The unit, or the default `Wh`.
    pub fn unit_or_default(&self) -> &str {
        self.unit.as_ref().map_or("Wh", CiString::as_str)
    }

    /// The multiplier, or the default 0.
    pub fn multiplier_or_default(&self) -> i32 {
        self.multiplier.unwrap_or(0)
    }
}

/// `VariableType`: a variable of a [`Component`] (`HeartbeatInterval`, `Available`…), with an
/// instance name when there are several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Variable {
    pub name: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_is_a_json_number_kept_as_written() {
        for text in [
            "0",
            "-0",
            "12.50",
            "1e3",
            "1E+3",
            "-1.5e-3",
            "9007199254740993",
        ] {
            let decimal = Decimal::parse(text).unwrap();
            assert_eq!(decimal.as_str(), text);
            assert_eq!(decimal.value(), text.parse::<f64>().unwrap());
            assert_eq!(serde_json::to_string(&decimal).unwrap(), text);
            let back: Decimal = serde_json::from_str(text).unwrap();
            assert_eq!(back.as_str(), text);
        }
        for text in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "NaN", "inf", "0x10", "1 2", "\"1\"",
            "1e400",
        ] {
            assert!(Decimal::parse(text).is_none(), "{text}");
        }
        assert_eq!(Decimal::parse("12.5"), Decimal::parse("12.50"));
        assert_eq!(Decimal::parse("1e16").unwrap().numeric(), None);
        assert_eq!(
            Decimal::parse("-9007199254740992").unwrap().numeric(),
            Some(-MAX_NUMERIC)
        );
    }

    #[test]
    fn a_decimal_built_from_a_number_is_written_as_serde_json_writes_it() {
        assert_eq!(Decimal::from(15.234).to_string(), "15.234");
        assert_eq!(Decimal::from(2.0).to_string(), "2.0");
        assert_eq!(Decimal::from(230_i64).to_string(), "230");
        assert_eq!(Decimal::from(f64::NAN).to_string(), "0.0");
        assert_eq!(Decimal::from(f64::INFINITY).value(), 0.0);
        assert_eq!(
            serde_json::to_value(Decimal::from(0.1)).unwrap(),
            serde_json::json!(0.1)
        );
    }

    #[test]
    fn sampled_values_have_the_specifications_defaults() {
        let bare: SampledValue = serde_json::from_str(r#"{"value":1}"#).unwrap();
        assert_eq!(
            bare.context_or_default(),
            ReadingContextEnum::SamplePeriodic
        );
        assert_eq!(
            bare.measurand_or_default(),
            MeasurandEnum::EnergyActiveImportRegister
        );
        assert_eq!(bare.location_or_default(), LocationEnum::Outlet);
        assert_eq!(bare.unit_or_default(), "Wh");
        assert_eq!(bare.multiplier_or_default(), 0);
        let set: SampledValue = serde_json::from_str(
            r#"{"value":1,"context":"Trigger","measurand":"Voltage","location":"Inlet","unitOfMeasure":{"unit":"kV","multiplier":3}}"#,
        )
        .unwrap();
        assert_eq!(set.context_or_default(), ReadingContextEnum::Trigger);
        assert_eq!(set.measurand_or_default(), MeasurandEnum::Voltage);
        assert_eq!(set.location_or_default(), LocationEnum::Inlet);
        assert_eq!(set.unit_or_default(), "kV");
        assert_eq!(set.multiplier_or_default(), 3);
        let unitless: SampledValue =
            serde_json::from_str(r#"{"value":1,"unitOfMeasure":{"multiplier":-1}}"#).unwrap();
        assert_eq!(unitless.unit_or_default(), "Wh");
        assert_eq!(unitless.multiplier_or_default(), -1);
    }

    #[test]
    fn enums_keep_their_wire_spelling() {
        assert_eq!(IdTokenEnum::Emaid.as_str(), "eMAID");
        assert_eq!(
            IdTokenEnum::from_wire("ISO14443"),
            Some(IdTokenEnum::Iso14443)
        );
        assert_eq!(IdTokenEnum::from_wire("iso14443"), None);
        assert_eq!(PhaseEnum::from_wire("L1-N"), Some(PhaseEnum::L1N));
        assert_eq!(
            serde_json::to_string(&AuthorizationStatusEnum::NotAllowedTypeEvse).unwrap(),
            "\"NotAllowedTypeEVSE\""
        );
        assert_eq!(MeasurandEnum::ALL.len(), 25);
        assert_eq!(IdTokenEnum::ALL.len(), 8);
    }

    #[test]
    fn custom_data_keeps_the_vendors_properties() {
        let json = r#"{"vendorId":"com.example","n":1,"nested":{"a":[true]}}"#;
        let custom: CustomData = serde_json::from_str(json).unwrap();
        assert_eq!(custom.vendor_id.as_str(), "com.example");
        assert_eq!(custom.extra.len(), 2);
        assert_eq!(
            serde_json::to_value(&custom).unwrap(),
            serde_json::from_str::<Value>(json).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&CustomData::new(CiString::new("v").unwrap())).unwrap(),
            r#"{"vendorId":"v"}"#
        );
        assert!(serde_json::from_str::<CustomData>(r#"{"n":1}"#).is_err());
    }
}
