//! Smart Charging data of OCPP 1.6 (§7.7–7.13): charging profiles and schedules as on the wire,
//! and the rules a profile must follow before chargegate sends or stores it.
//!
//! The rules come from the specification's field descriptions and §3.13: a stack level is 0 or
//! more; `transactionId` belongs to a `TxProfile` only; a `ChargePointMaxProfile` is set on
//! connector 0 and a `TxProfile` on a connector above 0; `Recurring` needs a `recurrencyKind`
//! and a `startSchedule`, `Absolute` a `startSchedule`; periods start at 0 and rise strictly;
//! limits are non-negative with at most one decimal; `numberPhases` is 1 to 3.

use serde::{Deserialize, Serialize};

use super::types::*;
use crate::rpc::Payload;

/// `ChargingSchedulePeriod`: from `startPeriod` seconds after the schedule's start, `limit`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedulePeriod {
    pub start_period: i32,
    pub limit: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_phases: Option<i32>,
}

/// `ChargingSchedule`: a list of periods in amperes or watts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_schedule: Option<Timestamp>,
    pub charging_rate_unit: ChargingRateUnit,
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charging_rate: Option<f64>,
}

impl Payload for ChargingSchedule {}

/// `ChargingProfile` (`csChargingProfiles` in SetChargingProfile, `chargingProfile` in
/// RemoteStartTransaction).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingProfile {
    pub charging_profile_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i32>,
    pub stack_level: i32,
    pub charging_profile_purpose: ChargingProfilePurpose,
    pub charging_profile_kind: ChargingProfileKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrency_kind: Option<RecurrencyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Timestamp>,
    pub charging_schedule: ChargingSchedule,
}

/// Where a profile is going: its rules differ a little.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileUse {
    /// SetChargingProfile on this connector (0: the whole charge point).
    Set { connector_id: i32 },
    /// RemoteStartTransaction: a `TxProfile` for the transaction about to start, without its id.
    RemoteStart,
}

/// Most periods accepted in one schedule (a station announces its own, usually far lower,
/// limit in `ChargingScheduleMaxPeriods`).
pub const MAX_PERIODS: usize = 1024;

/// A broken rule: the field (in OCPP spelling) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    pub field: String,
    pub message: String,
}

fn broken(field: impl Into<String>, message: impl Into<String>) -> ProfileError {
    ProfileError {
        field: field.into(),
        message: message.into(),
    }
}

/// Whether `value` has at most one decimal (OCPP's `decimal` with one digit of fraction).
fn one_decimal(value: f64) -> bool {
    let tenths = value * 10.0;
    (tenths - tenths.round()).abs() < 1e-6
}

impl ChargingSchedule {
    /// Checks the schedule's own rules; `field` prefixes the field names in errors.
    pub fn validate(&self, field: &str) -> Result<(), ProfileError> {
        if self.duration.is_some_and(|d| d < 0) {
            return Err(broken(format!("{field}.duration"), "must not be negative"));
        }
        if let Some(rate) = self.min_charging_rate
            && (!rate.is_finite() || rate < 0.0 || !one_decimal(rate))
        {
            return Err(broken(
                format!("{field}.minChargingRate"),
                "must be a non-negative number with at most one decimal",
            ));
        }
        let periods = &self.charging_schedule_period;
        if periods.is_empty() {
            return Err(broken(
                format!("{field}.chargingSchedulePeriod"),
                "needs at least one period",
            ));
        }
        if periods.len() > MAX_PERIODS {
            return Err(broken(
                format!("{field}.chargingSchedulePeriod"),
                format!("at most {MAX_PERIODS} periods"),
            ));
        }
        let mut previous: Option<i32> = None;
        for (i, period) in periods.iter().enumerate() {
            let at = format!("{field}.chargingSchedulePeriod[{i}]");
            match previous {
                None if period.start_period != 0 => {
                    return Err(broken(
                        format!("{at}.startPeriod"),
                        "the first period must start at 0",
                    ));
                }
                Some(p) if period.start_period <= p => {
                    return Err(broken(
                        format!("{at}.startPeriod"),
                        "periods must start in strictly increasing order",
                    ));
                }
                _ => {}
            }
            previous = Some(period.start_period);
            if !period.limit.is_finite() || period.limit < 0.0 || !one_decimal(period.limit) {
                return Err(broken(
                    format!("{at}.limit"),
                    "must be a non-negative number with at most one decimal",
                ));
            }
            if period.number_phases.is_some_and(|n| !(1..=3).contains(&n)) {
                return Err(broken(format!("{at}.numberPhases"), "must be 1, 2 or 3"));
            }
        }
        Ok(())
    }
}

impl ChargingProfile {
    /// Checks the profile against the rules for where it is going.
    pub fn validate(&self, to: ProfileUse) -> Result<(), ProfileError> {
        use ChargingProfileKind as Kind;
        use ChargingProfilePurpose as Purpose;
        if self.charging_profile_id < 0 {
            return Err(broken("chargingProfileId", "must not be negative"));
        }
        if self.stack_level < 0 {
            return Err(broken(
                "stackLevel",
                "must not be negative (0 is the lowest)",
            ));
        }
        let purpose = self.charging_profile_purpose;
        if self.transaction_id.is_some() && purpose != Purpose::TxProfile {
            return Err(broken(
                "transactionId",
                "only a TxProfile belongs to a transaction",
            ));
        }
        match to {
            ProfileUse::Set { connector_id } => {
                if connector_id < 0 {
                    return Err(broken("connectorId", "must not be negative"));
                }
                if purpose == Purpose::ChargePointMaxProfile && connector_id != 0 {
                    return Err(broken(
                        "connectorId",
                        "a ChargePointMaxProfile is set on connector 0",
                    ));
                }
                if purpose == Purpose::TxProfile && connector_id == 0 {
                    return Err(broken(
                        "connectorId",
                        "a TxProfile is set on a connector above 0",
                    ));
                }
            }
            ProfileUse::RemoteStart => {
                if purpose != Purpose::TxProfile {
                    return Err(broken(
                        "chargingProfilePurpose",
                        "the profile of a remote start must be a TxProfile",
                    ));
                }
                if self.transaction_id.is_some() {
                    return Err(broken(
                        "transactionId",
                        "the transaction of a remote start has no id yet",
                    ));
                }
            }
        }
        match self.charging_profile_kind {
            Kind::Recurring if self.recurrency_kind.is_none() => {
                return Err(broken(
                    "recurrencyKind",
                    "a Recurring profile needs Daily or Weekly",
                ));
            }
            Kind::Absolute | Kind::Relative if self.recurrency_kind.is_some() => {
                return Err(broken(
                    "recurrencyKind",
                    "only a Recurring profile has a recurrency kind",
                ));
            }
            Kind::Absolute | Kind::Recurring if self.charging_schedule.start_schedule.is_none() => {
                return Err(broken(
                    "chargingSchedule.startSchedule",
                    "an Absolute or Recurring profile needs a start",
                ));
            }
            _ => {}
        }
        if let (Some(from), Some(to)) = (&self.valid_from, &self.valid_to)
            && from.0 >= to.0
        {
            return Err(broken("validTo", "must be after validFrom"));
        }
        self.charging_schedule.validate("chargingSchedule")
    }
}

// The commands (central system → station).

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetChargingProfile {
    pub connector_id: i32,
    pub cs_charging_profiles: ChargingProfile,
}
command!(SetChargingProfile => StatusResponse<ChargingProfileStatus>, "SetChargingProfile");

/// Clears the profiles matching every field given (none: all profiles).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<i32>,
}
command!(ClearChargingProfile => StatusResponse<ClearChargingProfileStatus>, "ClearChargingProfile");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeSchedule {
    pub connector_id: i32,
    /// Seconds from now.
    pub duration: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_rate_unit: Option<ChargingRateUnit>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeScheduleResponse {
    pub status: GetCompositeScheduleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_start: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_schedule: Option<ChargingSchedule>,
}
impl Payload for GetCompositeScheduleResponse {}
command!(GetCompositeSchedule => GetCompositeScheduleResponse, "GetCompositeSchedule");

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> ChargingProfile {
        serde_json::from_str(
            r#"{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile",
                "chargingProfileKind":"Absolute","chargingSchedule":{"startSchedule":"2026-11-24T10:00:00Z",
                "chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0},
                {"startPeriod":3600,"limit":10.5,"numberPhases":3}]}}"#,
        )
        .unwrap()
    }

    fn fails(p: &ChargingProfile, to: ProfileUse) -> String {
        p.validate(to).unwrap_err().field
    }

    #[test]
    fn a_good_profile_passes_and_round_trips() {
        let p = profile();
        p.validate(ProfileUse::Set { connector_id: 0 }).unwrap();
        p.validate(ProfileUse::Set { connector_id: 2 }).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains(r#""chargingRateUnit":"A""#), "{json}");
        assert_eq!(serde_json::from_str::<ChargingProfile>(&json).unwrap(), p);
    }

    #[test]
    fn every_rule_is_enforced() {
        let set0 = ProfileUse::Set { connector_id: 0 };
        let set1 = ProfileUse::Set { connector_id: 1 };
        let mut p = profile();
        p.stack_level = -1;
        assert_eq!(fails(&p, set0), "stackLevel");

        let mut p = profile();
        p.transaction_id = Some(5);
        assert_eq!(fails(&p, set1), "transactionId");
        p.charging_profile_purpose = ChargingProfilePurpose::TxProfile;
        p.validate(set1).unwrap();
        assert_eq!(fails(&p, set0), "connectorId");
        assert_eq!(fails(&p, ProfileUse::RemoteStart), "transactionId");
        p.transaction_id = None;
        p.validate(ProfileUse::RemoteStart).unwrap();

        let mut p = profile();
        assert_eq!(fails(&p, ProfileUse::RemoteStart), "chargingProfilePurpose");
        p.charging_profile_purpose = ChargingProfilePurpose::ChargePointMaxProfile;
        assert_eq!(fails(&p, set1), "connectorId");

        let mut p = profile();
        p.charging_profile_kind = ChargingProfileKind::Recurring;
        assert_eq!(fails(&p, set0), "recurrencyKind");
        p.recurrency_kind = Some(RecurrencyKind::Daily);
        p.validate(set0).unwrap();
        p.charging_schedule.start_schedule = None;
        assert_eq!(fails(&p, set0), "chargingSchedule.startSchedule");
        p.charging_profile_kind = ChargingProfileKind::Relative;
        assert_eq!(fails(&p, set0), "recurrencyKind");
        p.recurrency_kind = None;
        p.validate(set0).unwrap();

        let mut p = profile();
        p.valid_from = Some(Timestamp("2026-12-01T00:00:00Z".parse().unwrap()));
        p.valid_to = Some(Timestamp("2026-11-01T00:00:00Z".parse().unwrap()));
        assert_eq!(fails(&p, set0), "validTo");

        let mut p = profile();
        p.charging_schedule.charging_schedule_period[0].start_period = 5;
        assert_eq!(
            fails(&p, set0),
            "chargingSchedule.chargingSchedulePeriod[0].startPeriod"
        );
        let mut p = profile();
        p.charging_schedule.charging_schedule_period[1].start_period = 0;
        assert_eq!(
            fails(&p, set0),
            "chargingSchedule.chargingSchedulePeriod[1].startPeriod"
        );
        let mut p = profile();
        p.charging_schedule.charging_schedule_period[1].limit = 10.25;
        assert_eq!(
            fails(&p, set0),
            "chargingSchedule.chargingSchedulePeriod[1].limit"
        );
        p.charging_schedule.charging_schedule_period[1].limit = -1.0;
        assert_eq!(
            fails(&p, set0),
            "chargingSchedule.chargingSchedulePeriod[1].limit"
        );
        let mut p = profile();
        p.charging_schedule.charging_schedule_period[1].number_phases = Some(4);
        assert_eq!(
            fails(&p, set0),
            "chargingSchedule.chargingSchedulePeriod[1].numberPhases"
        );
        let mut p = profile();
        p.charging_schedule.charging_schedule_period.clear();
        assert_eq!(fails(&p, set0), "chargingSchedule.chargingSchedulePeriod");
        let mut p = profile();
        p.charging_schedule.duration = Some(-1);
        assert_eq!(fails(&p, set0), "chargingSchedule.duration");
    }
}
