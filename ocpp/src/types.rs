//! Version-neutral OCPP data types, shared by every version's messages: bounded strings
//! ([`CiString`]), date-times ([`Timestamp`]), text read without NUL, the empty payload, and the
//! `ocpp_enum!` macro that declares an enumeration with its wire spellings.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, SubsecRound, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use crate::rpc::Payload;

/// Declares an OCPP enumeration with its wire spellings.
macro_rules! ocpp_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every value, in the specification's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// Reads a wire spelling (exact, case-sensitive).
            pub fn from_wire(s: &str) -> Option<Self> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use ocpp_enum;

/// A string of at most `N` characters (OCPP `CiStringNType` and `StringNType`). Case is kept as
/// sent; comparisons that OCPP calls case-insensitive use [`CiString::key`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct CiString<const N: usize>(String);

/// A string longer than its OCPP type allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{len} characters where at most {max} are allowed")]
pub struct TooLong {
    /// Its length, in characters.
    pub len: usize,
    /// The most its type allows.
    pub max: usize,
}

impl<const N: usize> CiString<N> {
    /// Fails when `s` is longer than `N` characters.
    pub fn new(s: impl Into<String>) -> Result<Self, TooLong> {
        let s = s.into();
        let len = s.chars().count();
        if len > N {
            Err(TooLong { len, max: N })
        } else {
            Ok(Self(s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The case-folded form used to compare case-insensitive values. Never longer than the
    /// string: columns sized for a string also hold its key. (One character lower-cases to
    /// two, U+0130 `İ` to `i̇`; it is read as `i`, its simple lower-case mapping.)
    pub fn key(&self) -> String {
        if self.0.contains('\u{130}') {
            self.0.replace('\u{130}', "i").to_lowercase()
        } else {
            self.0.to_lowercase()
        }
    }
}

impl<const N: usize> fmt::Display for CiString<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

struct AtMost(usize);

impl de::Expected for AtMost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at most {} characters", self.0)
    }
}

/// Replaces NUL characters (`\u0000`), which OCPP text may not hold and PostgreSQL cannot store,
/// with U+FFFD, so that a message is stored the same way on every backend instead of failing.
pub fn without_nul(s: String) -> String {
    if s.contains('\0') {
        s.replace('\0', "\u{FFFD}")
    } else {
        s
    }
}

/// Reads a JSON string through [`without_nul`] (for unbounded text fields).
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    String::deserialize(deserializer).map(without_nul)
}

/// Reads an optional JSON string through [`without_nul`].
pub fn optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer).map(|s| s.map(without_nul))
}

impl<'de, const N: usize> Deserialize<'de> for CiString<N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = without_nul(String::deserialize(deserializer)?);
        let len = s.chars().count();
        if len > N {
            return Err(de::Error::invalid_length(len, &AtMost(N)));
        }
        Ok(Self(s))
    }
}

/// An OCPP `dateTime`: an RFC 3339 date-time with a four-digit year, with any offset or
/// without one (taken as UTC), from 0000-01-01 to 9999-12-31 in UTC, the range that both
/// databases store and read back (PostgreSQL refuses years before 4713 BC, and a year of five
/// digits or with a sign would neither sort nor read back as text in SQLite). Written as UTC
/// with milliseconds, e.g. `2024-05-01T12:00:00.000Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// The earliest date-time read: 0000-01-01T00:00:00Z.
    pub const EARLIEST: DateTime<Utc> = NaiveDate::from_ymd_opt(0, 1, 1)
        .expect("a valid date")
        .and_time(NaiveTime::MIN)
        .and_utc();
    /// The latest date-time read: 9999-12-31T23:59:59.999999Z.
    pub const LATEST: DateTime<Utc> = NaiveDate::from_ymd_opt(9999, 12, 31)
        .expect("a valid date")
        .and_time(NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).expect("a valid time"))
        .and_utc();

    pub fn now() -> Self {
        Self(Utc::now())
    }

    /// Reads a date-time, keeping at most microseconds: PostgreSQL stores no more, and a
    /// retried message must compare equal to what was stored on every backend. A leap second
    /// (`23:59:60`) is read as the last microsecond of its minute: PostgreSQL would store the
    /// next minute and SQLite the text as written. `None` outside [`Self::EARLIEST`] ..=
    /// [`Self::LATEST`], also when only the offset takes a time there.
    pub fn parse(s: &str) -> Option<Self> {
        let t = DateTime::parse_from_rfc3339(s)
            .or_else(|_| DateTime::parse_from_rfc3339(&format!("{s}Z")))
            .ok()?
            .with_timezone(&Utc);
        let t = match t.nanosecond() {
            0..=999_999_999 => t,
            _ => t.with_nanosecond(999_999_999)?,
        };
        let t = t.trunc_subsecs(6);
        (Self::EARLIEST..=Self::LATEST)
            .contains(&t)
            .then_some(Self(t))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Millis, true))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Timestamp::parse(&s).ok_or_else(|| {
            de::Error::invalid_value(
                de::Unexpected::Str(&s),
                &"an RFC 3339 date-time from 0000-01-01 to 9999-12-31 (UTC)",
            )
        })
    }
}

/// The largest magnitude a sampled value is read as a number with: 2^53, up to which a double
/// holds every integer (and JavaScript every safe integer). A meter register beyond it (9 TWh)
/// is not a reading; sums of such values over many sessions stay finite.
pub const MAX_NUMERIC: f64 = 9_007_199_254_740_992.0;

/// An answer without fields (`UpdateFirmware.conf`); extra fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}
impl Payload for Empty {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_leniently_and_write_as_utc_millis() {
        let t = |s: &str| Timestamp::parse(s).map(|t| t.to_string());
        assert_eq!(
            t("2024-05-01T12:00:00Z").as_deref(),
            Some("2024-05-01T12:00:00.000Z")
        );
        assert_eq!(
            t("2024-05-01T14:00:00.5+02:00").as_deref(),
            Some("2024-05-01T12:00:00.500Z")
        );
        assert_eq!(
            t("2024-05-01T12:00:00").as_deref(),
            Some("2024-05-01T12:00:00.000Z")
        );
        assert_eq!(
            t("2024-05-01T12:00:00.1234567Z").as_deref(),
            Some("2024-05-01T12:00:00.123Z")
        );
        assert_eq!(
            Timestamp::parse("2024-05-01T12:00:00.1234567Z")
                .unwrap()
                .0
                .timestamp_subsec_nanos(),
            123_456_000
        );
        assert_eq!(t("2024-05-01 12:00"), None);
        assert_eq!(t("yesterday"), None);
        assert_eq!(t("2024-13-01T00:00:00Z"), None);
    }

    #[test]
    fn only_four_digit_years_that_both_databases_store_are_read() {
        let t = |s: &str| Timestamp::parse(s).map(|t| t.to_string());
        // The poison message, and every other way past the four digits.
        for bad in [
            "-4714-01-01T00:00:00",
            "-4714-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "+2024-05-01T12:00:00Z",
            "10000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00",
            "262143-01-01T00:00:00Z",
            "24-05-01T12:00:00Z",
            // In range as written, out of it in UTC.
            "0000-01-01T00:00:00+00:01",
            "9999-12-31T23:59:59-00:01",
            // Not the RFC 3339 shape.
            "2024-05-01T12:00:00+01",
            "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00ZZ",
            "2024-05-01T12:00:00+01:00Z",
            "2024-05-01T12:00",
            "2024-05-01",
            " 2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00Z ",
        ] {
            assert_eq!(t(bad), None, "{bad}");
        }
        assert_eq!(
            t("0000-01-01T00:00:00Z").as_deref(),
            Some("0000-01-01T00:00:00.000Z")
        );
        assert_eq!(
            t("0000-01-01T01:00:00+01:00").as_deref(),
            Some("0000-01-01T00:00:00.000Z")
        );
        assert_eq!(
            Timestamp::parse("9999-12-31T23:59:59.9999999Z").map(|t| t.0),
            Some(Timestamp::LATEST)
        );
        assert_eq!(
            Timestamp::parse("9999-12-31T23:59:59.999999").map(|t| t.0),
            Some(Timestamp::LATEST)
        );
        assert_eq!(
            Timestamp::parse("0000-01-01T00:00:00").map(|t| t.0),
            Some(Timestamp::EARLIEST)
        );
    }

    #[test]
    fn a_leap_second_is_the_last_microsecond_of_its_minute() {
        let leap = Timestamp::parse("2016-12-31T23:59:60.5Z").unwrap();
        assert_eq!(
            leap.0,
            Timestamp::parse("2016-12-31T23:59:59.999999Z").unwrap().0
        );
        assert_eq!(leap.0.timestamp_subsec_nanos(), 999_999_000);
        assert!(leap < Timestamp::parse("2017-01-01T00:00:00Z").unwrap());
    }

    #[test]
    fn a_key_is_never_longer_than_its_string() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            let key = CiString::<1>::new(s.as_str()).unwrap().key();
            assert_eq!(key.chars().count(), 1, "U+{:04X}", c as u32);
        }
        let dotted = CiString::<20>::new("\u{130}".repeat(20)).unwrap();
        assert_eq!(dotted.key(), "i".repeat(20));
        // Keys of other strings are what they always were (final sigma included).
        for s in ["AbC-123", "ΟΔΟΣ ΟΔΟΣ", "Straße", "ǅ"] {
            assert_eq!(CiString::<20>::new(s).unwrap().key(), s.to_lowercase());
        }
    }

    #[test]
    fn bounded_strings_count_characters() {
        assert!(CiString::<3>::new("äöü").is_ok());
        assert!(CiString::<3>::new("abcd").is_err());
        assert_eq!(CiString::<20>::new("AbC").unwrap().key(), "abc");
    }
}
