//! The packed form of a reading's sampled values (`meter_readings.samples`): what is stored
//! for each sampled value, a few bytes each, and read back exactly as the station sent it.
//!
//! Layout (version 1): one version byte, then each sample in order:
//! - a header byte: bits 0–5 say which attributes follow (measurand, phase, location,
//!   context, format, unit, in that order); an attribute that does not follow is the same as
//!   the previous sample's (the first sample's "previous" is the OCPP default: the
//!   `Energy.Active.Import.Register` measurand, no phase, `Outlet`, `Sample.Periodic`, `Raw`,
//!   `Wh`). Bits 6–7 are the value's kind.
//! - each attribute that follows: one byte, its code in a fixed table ([`MEASURANDS`], …;
//!   phase code 0 is "no phase"), or [`ESCAPE`] and the spelling itself (length, bytes) for a
//!   spelling not in the table.
//! - the value: an integer (zigzag varint), a decimal (its scale, one byte, then the mantissa
//!   as a zigzag varint), or the text (length, bytes). A number is stored as a number only when
//!   writing it back gives the very same text (`12.50` stays `12.50`, `007` stays text). The
//!   number the value is read as (`numeric_value`) is the text parsed, unless it was stored
//!   apart (kind 3: text, then a tag byte and the number), as for an OCPP 2.0.1 value with a
//!   multiplier.
//!
//! The tables only ever grow at their end: a code, once written, means the same spelling for
//! good.

use std::borrow::Cow;

/// The version byte of the layout this module writes.
pub const VERSION: u8 = 1;

/// An attribute code followed by the spelling itself.
pub const ESCAPE: u8 = 0xFF;

/// Measurands of OCPP 1.6 and then of 2.0.1; the first is the default.
pub const MEASURANDS: &[&str] = &[
    "Energy.Active.Import.Register",
    "Current.Export",
    "Current.Import",
    "Current.Offered",
    "Energy.Active.Export.Register",
    "Energy.Reactive.Export.Register",
    "Energy.Reactive.Import.Register",
    "Energy.Active.Export.Interval",
    "Energy.Active.Import.Interval",
    "Energy.Reactive.Export.Interval",
    "Energy.Reactive.Import.Interval",
    "Frequency",
    "Power.Active.Export",
    "Power.Active.Import",
    "Power.Factor",
    "Power.Offered",
    "Power.Reactive.Export",
    "Power.Reactive.Import",
    "RPM",
    "SoC",
    "Temperature",
    "Voltage",
    "Energy.Active.Net",
    "Energy.Reactive.Net",
    "Energy.Apparent.Net",
    "Energy.Apparent.Import",
    "Energy.Apparent.Export",
];

/// Phases; code 0 is "no phase", code `i + 1` is `PHASES[i]`.
pub const PHASES: &[&str] = &[
    "L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1",
];

/// Locations; the first is the default.
pub const LOCATIONS: &[&str] = &["Outlet", "Body", "Cable", "EV", "Inlet", "Upstream"];

/// Reading contexts; the first is the default.
pub const CONTEXTS: &[&str] = &[
    "Sample.Periodic",
    "Interruption.Begin",
    "Interruption.End",
    "Other",
    "Sample.Clock",
    "Transaction.Begin",
    "Transaction.End",
    "Trigger",
];

/// Value formats; the first is the default.
pub const FORMATS: &[&str] = &["Raw", "SignedData"];

/// Units of OCPP 1.6 and then those only 2.0.1 has; the first is the default.
pub const UNITS: &[&str] = &[
    "Wh",
    "kWh",
    "varh",
    "kvarh",
    "W",
    "kW",
    "VA",
    "kVA",
    "var",
    "kvar",
    "A",
    "V",
    "Celsius",
    "Fahrenheit",
    "K",
    "Percent",
    "ASU",
    "B",
    "dB",
    "dBm",
    "Deg",
    "h",
    "Hz",
    "kPa",
    "kVAh",
    "lx",
    "m",
    "ms",
    "Nm",
    "Ohm",
    "Pa",
    "RH",
    "RPM",
    "s",
    "VAh",
];

/// Numbers beyond this magnitude are kept as text only (as the OCPP crate reads values).
const MAX_NUMERIC: f64 = 9_007_199_254_740_992.0;

const MEASURAND: u8 = 1;
const PHASE: u8 = 2;
const LOCATION: u8 = 4;
const CONTEXT: u8 = 8;
const FORMAT: u8 = 16;
const UNIT: u8 = 32;

const INTEGER: u8 = 0;
const DECIMAL: u8 = 1;
const TEXT: u8 = 2;
const TEXT_AND_NUMBER: u8 = 3;

/// One sampled value to pack: wire spellings, OCPP defaults already applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SampleRef<'a> {
    pub value: &'a str,
    /// The number the value is read as (for 2.0.1, with its multiplier applied).
    pub numeric_value: Option<f64>,
    pub measurand: &'a str,
    pub phase: Option<&'a str>,
    pub location: &'a str,
    pub context: &'a str,
    pub format: &'a str,
    pub unit: &'a str,
}

/// One sampled value read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub value: String,
    pub numeric_value: Option<f64>,
    pub measurand: Cow<'static, str>,
    pub phase: Option<Cow<'static, str>>,
    pub location: Cow<'static, str>,
    pub context: Cow<'static, str>,
    pub format: Cow<'static, str>,
    pub unit: Cow<'static, str>,
}

impl Sample {
    /// The same sample, borrowed (to pack it again).
    pub fn as_ref(&self) -> SampleRef<'_> {
        SampleRef {
            value: &self.value,
            numeric_value: self.numeric_value,
            measurand: &self.measurand,
            phase: self.phase.as_deref(),
            location: &self.location,
            context: &self.context,
            format: &self.format,
            unit: &self.unit,
        }
    }
}

/// Packed samples that cannot be read: stored by something else, or damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub &'static str);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "packed samples cannot be read: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// The number a value's text is read as, when nothing else was stored.
pub fn implicit_numeric(value: &str) -> Option<f64> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.abs() <= MAX_NUMERIC)
}

/// Whether two numbers are the same, bit for bit (`NaN` never occurs: it is over the limit).
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits(),
        (None, None) => true,
        _ => false,
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// Code of `spelling` in `table` (plus `offset`), if it is there.
fn code(table: &[&str], spelling: &str, offset: u8) -> Option<u8> {
    table
        .iter()
        .position(|s| *s == spelling)
        .map(|i| i as u8 + offset)
}

fn put_attribute(out: &mut Vec<u8>, table: &[&str], spelling: &str, offset: u8) {
    match code(table, spelling, offset) {
        Some(c) => out.push(c),
        None => {
            out.push(ESCAPE);
            put_text(out, spelling);
        }
    }
}

/// The value as `(mantissa, scale)` when writing that back gives `value` exactly.
fn decimal(value: &str) -> Option<(i64, u8)> {
    let (negative, body) = match value.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let frac = match frac {
        Some(f) if !digits(f) => return None,
        Some(f) => f,
        None => "",
    };
    if frac.len() > 18 || int.len() + frac.len() > 18 {
        return None;
    }
    let mut mantissa: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i64::from(b - b'0');
    }
    if negative {
        if mantissa == 0 {
            // `-0` and `-0.0` stay text.
            return None;
        }
        mantissa = -mantissa;
    }
    Some((mantissa, frac.len() as u8))
}

/// `mantissa` written with `scale` decimals.
fn write_decimal(mantissa: i64, scale: u8) -> String {
    let digits = mantissa.unsigned_abs().to_string();
    let scale = usize::from(scale);
    let mut out = String::with_capacity(digits.len() + 3);
    if mantissa < 0 {
        out.push('-');
    }
    if scale == 0 {
        out.push_str(&digits);
        return out;
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = padded.split_at(padded.len() - scale);
    out.push_str(int);
    out.push('.');
    out.push_str(frac);
    out
}

/// Packs `samples`, in order.
pub fn encode<'a>(samples: impl IntoIterator<Item = SampleRef<'a>>) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.push(VERSION);
    let mut previous = DEFAULT;
    for s in samples {
        let header_at = out.len();
        out.push(0);
        let mut header = 0u8;
        if s.measurand != previous.measurand {
            header |= MEASURAND;
            put_attribute(&mut out, MEASURANDS, s.measurand, 0);
        }
        if s.phase != previous.phase {
            header |= PHASE;
            match s.phase {
                None => out.push(0),
                Some(p) => put_attribute(&mut out, PHASES, p, 1),
            }
        }
        if s.location != previous.location {
            header |= LOCATION;
            put_attribute(&mut out, LOCATIONS, s.location, 0);
        }
        if s.context != previous.context {
            header |= CONTEXT;
            put_attribute(&mut out, CONTEXTS, s.context, 0);
        }
        if s.format != previous.format {
            header |= FORMAT;
            put_attribute(&mut out, FORMATS, s.format, 0);
        }
        if s.unit != previous.unit {
            header |= UNIT;
            put_attribute(&mut out, UNITS, s.unit, 0);
        }
        let kind = if !same(s.numeric_value, implicit_numeric(s.value)) {
            put_text(&mut out, s.value);
            match s.numeric_value {
                Some(n) => {
                    out.push(1);
                    out.extend_from_slice(&n.to_le_bytes());
                }
                None => out.push(0),
            }
            TEXT_AND_NUMBER
        } else {
            match decimal(s.value) {
                Some((mantissa, 0)) => {
                    put_varint(&mut out, zigzag(mantissa));
                    INTEGER
                }
                Some((mantissa, scale)) => {
                    out.push(scale);
                    put_varint(&mut out, zigzag(mantissa));
                    DECIMAL
                }
                None => {
                    put_text(&mut out, s.value);
                    TEXT
                }
            }
        };
        out[header_at] = header | (kind << 6);
        previous = Attributes {
            measurand: s.measurand,
            phase: s.phase,
            location: s.location,
            context: s.context,
            format: s.format,
            unit: s.unit,
        };
    }
    out
}

#[derive(Clone, Copy)]
struct Attributes<'a> {
    measurand: &'a str,
    phase: Option<&'a str>,
    location: &'a str,
    context: &'a str,
    format: &'a str,
    unit: &'a str,
}

const DEFAULT: Attributes<'static> = Attributes {
    measurand: MEASURANDS[0],
    phase: None,
    location: LOCATIONS[0],
    context: CONTEXTS[0],
    format: FORMATS[0],
    unit: UNITS[0],
};

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let (&b, rest) = self
            .rest
            .split_first()
            .ok_or(DecodeError("ends too early"))?;
        self.rest = rest;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(DecodeError("a number is too long"))
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.rest.len() {
            return Err(DecodeError("ends too early"));
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(taken)
    }

    fn text(&mut self) -> Result<&'a str, DecodeError> {
        let n = usize::try_from(self.varint()?).map_err(|_| DecodeError("a text is too long"))?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| DecodeError("a text is not UTF-8"))
    }

    fn attribute(
        &mut self,
        table: &[&'static str],
        offset: u8,
    ) -> Result<Cow<'static, str>, DecodeError> {
        match self.byte()? {
            ESCAPE => Ok(Cow::Owned(self.text()?.to_owned())),
            c => c
                .checked_sub(offset)
                .and_then(|i| table.get(usize::from(i)))
                .map(|s| Cow::Borrowed(*s))
                .ok_or(DecodeError("an unknown attribute code")),
        }
    }
}

/// The samples packed in `bytes`, in order.
pub fn decode(bytes: &[u8]) -> Result<Vec<Sample>, DecodeError> {
    let mut r = Reader { rest: bytes };
    if r.byte()? != VERSION {
        return Err(DecodeError("an unknown version"));
    }
    let mut out: Vec<Sample> = Vec::with_capacity(bytes.len() / 4);
    let mut measurand = Cow::Borrowed(DEFAULT.measurand);
    let mut phase: Option<Cow<'static, str>> = None;
    let mut location = Cow::Borrowed(DEFAULT.location);
    let mut context = Cow::Borrowed(DEFAULT.context);
    let mut format = Cow::Borrowed(DEFAULT.format);
    let mut unit = Cow::Borrowed(DEFAULT.unit);
    while !r.rest.is_empty() {
        let header = r.byte()?;
        if header & MEASURAND != 0 {
            measurand = r.attribute(MEASURANDS, 0)?;
        }
        if header & PHASE != 0 {
            phase = match r.rest.first() {
                Some(0) => {
                    r.byte()?;
                    None
                }
                _ => Some(r.attribute(PHASES, 1)?),
            };
        }
        if header & LOCATION != 0 {
            location = r.attribute(LOCATIONS, 0)?;
        }
        if header & CONTEXT != 0 {
            context = r.attribute(CONTEXTS, 0)?;
        }
        if header & FORMAT != 0 {
            format = r.attribute(FORMATS, 0)?;
        }
        if header & UNIT != 0 {
            unit = r.attribute(UNITS, 0)?;
        }
        let (value, numeric_value) = match header >> 6 {
            INTEGER => {
                let v = write_decimal(unzigzag(r.varint()?), 0);
                let n = implicit_numeric(&v);
                (v, n)
            }
            DECIMAL => {
                let scale = r.byte()?;
                if scale > 18 {
                    return Err(DecodeError("a scale is too large"));
                }
                let v = write_decimal(unzigzag(r.varint()?), scale);
                let n = implicit_numeric(&v);
                (v, n)
            }
            TEXT => {
                let v = r.text()?.to_owned();
                let n = implicit_numeric(&v);
                (v, n)
            }
            _ => {
                let v = r.text()?.to_owned();
                let n = match r.byte()? {
                    0 => None,
                    1 => {
                        let b: [u8; 8] = r.bytes(8)?.try_into().expect("eight bytes");
                        Some(f64::from_le_bytes(b))
                    }
                    _ => return Err(DecodeError("an unknown number tag")),
                };
                (v, n)
            }
        };
        out.push(Sample {
            value,
            numeric_value,
            measurand: measurand.clone(),
            phase: phase.clone(),
            location: location.clone(),
            context: context.clone(),
            format: format.clone(),
            unit: unit.clone(),
        });
    }
    Ok(out)
}

/// The reading's total energy register in Wh: the highest `Energy.Active.Import.Register`
/// sample without a phase, in Wh or kWh, that is a number.
pub fn register_wh<'a>(samples: impl IntoIterator<Item = SampleRef<'a>>) -> Option<f64> {
    samples
        .into_iter()
        .filter(|s| s.measurand == MEASURANDS[0] && s.phase.is_none())
        .filter_map(|s| match s.unit {
            "Wh" => s.numeric_value,
            "kWh" => s.numeric_value.map(|v| v * 1000.0),
            _ => None,
        })
        .reduce(f64::max)
}

/// A reading's digest (FNV-1a over its source code and packed samples): part of its key, so
/// that the same reading sent again is stored once, and another one at the same time is not
/// taken for it.
pub fn digest(source: i16, packed: &[u8]) -> i32 {
    let mut h: u32 = 0x811C_9DC5;
    for &b in source.to_le_bytes().iter().chain(packed) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample<'a>(value: &'a str) -> SampleRef<'a> {
        SampleRef {
            value,
            numeric_value: implicit_numeric(value),
            measurand: MEASURANDS[0],
            phase: None,
            location: "Outlet",
            context: "Sample.Periodic",
            format: "Raw",
            unit: "Wh",
        }
    }

    fn round_trip(samples: &[SampleRef<'_>]) -> Vec<u8> {
        let packed = encode(samples.iter().copied());
        let back = decode(&packed).unwrap();
        let again: Vec<SampleRef<'_>> = back.iter().map(Sample::as_ref).collect();
        assert_eq!(again, samples, "{packed:?}");
        packed
    }

    #[test]
    fn numbers_are_kept_as_numbers_only_when_they_read_back_as_the_same_text() {
        for v in [
            "0",
            "7",
            "-7",
            "12.5",
            "12.50",
            "0.05",
            "-0.5",
            "1000.000",
            "123456789012345678",
            "-0",
            "-0.0",
            "007",
            "1e3",
            "+5",
            "5.",
            ".5",
            " 5",
            "1234567890123456789",
            "NaN",
            "inf",
            "",
            "abc",
            "0.000000000000000001",
            "9007199254740993",
            "99999999999999999999",
        ] {
            round_trip(&[sample(v)]);
        }
        assert_eq!(decimal("12.50"), Some((1250, 2)));
        assert_eq!(decimal("007"), None);
        assert_eq!(decimal("-0.0"), None);
        // A plain register reading takes three bytes and its value.
        assert_eq!(encode([sample("1234")]).len(), 1 + 1 + 2);
    }

    #[test]
    fn every_attribute_combination_round_trips_and_repeats_cost_nothing() {
        let mut all = Vec::new();
        for m in MEASURANDS.iter().chain(&["Custom.Thing"]) {
            for p in PHASES.iter().map(|p| Some(*p)).chain([None, Some("L9")]) {
                for l in LOCATIONS.iter().chain(&["Roof"]) {
                    for c in CONTEXTS {
                        for f in FORMATS {
                            for u in UNITS.iter().chain(&["furlong"]) {
                                all.push(SampleRef {
                                    measurand: m,
                                    phase: p,
                                    location: l,
                                    context: c,
                                    format: f,
                                    unit: u,
                                    ..sample("1.5")
                                });
                            }
                        }
                    }
                }
            }
        }
        round_trip(&all);
        for s in &all {
            round_trip(&[*s, *s]);
        }
        // Five samples of one reading, as a station sends them.
        let reading = [
            sample("123456"),
            SampleRef {
                measurand: "Power.Active.Import",
                unit: "W",
                ..sample("7200")
            },
            SampleRef {
                measurand: "Current.Import",
                unit: "A",
                ..sample("31.2")
            },
            SampleRef {
                measurand: "Voltage",
                unit: "V",
                ..sample("230.1")
            },
            SampleRef {
                measurand: "SoC",
                unit: "Percent",
                location: "EV",
                ..sample("54")
            },
        ];
        assert!(round_trip(&reading).len() <= 30);
    }

    #[test]
    fn signed_data_and_numbers_stored_apart_round_trip() {
        let signed = SampleRef {
            format: "SignedData",
            numeric_value: None,
            ..sample("T0NNRnwxfDE5MjE2ODEy8J+YgA==")
        };
        // Text that would read as a number, with no number (signed data), and a 2.0.1 value
        // with a multiplier (a number other than the text's).
        let looks_numeric = SampleRef {
            numeric_value: None,
            ..sample("1234")
        };
        let scaled = SampleRef {
            numeric_value: Some(12_500.0),
            unit: "kW",
            ..sample("12.5")
        };
        round_trip(&[signed, looks_numeric, scaled, sample("ünïcödé ✓")]);
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let good = encode([sample("12.5"), sample("text")]);
        for end in 0..good.len() {
            let _ = decode(&good[..end]);
        }
        assert!(decode(&[]).is_err());
        assert!(decode(&[2]).is_err());
        assert!(decode(&[VERSION, 0b0100_0000, 0xFF]).is_err());
        assert!(decode(&[VERSION, MEASURAND, 200, 0]).is_err());
        assert!(
            decode(&[
                VERSION, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
            ])
            .is_err()
        );
        let mut state = 1u32;
        for _ in 0..2000 {
            let bytes: Vec<u8> = (0..16)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (state >> 16) as u8
                })
                .collect();
            let mut with_version = vec![VERSION];
            with_version.extend(bytes);
            let _ = decode(&with_version);
        }
    }

    #[test]
    fn the_register_is_the_highest_unphased_energy_register_in_wh() {
        let kwh = SampleRef {
            unit: "kWh",
            ..sample("12.5")
        };
        let phased = SampleRef {
            phase: Some("L1"),
            ..sample("99999")
        };
        assert_eq!(register_wh([sample("100"), kwh, phased]), Some(12_500.0));
        assert_eq!(register_wh([phased]), None);
        assert_ne!(digest(0, &[1, 2]), digest(1, &[1, 2]));
        assert_ne!(digest(0, &[1, 2]), digest(0, &[1, 3]));
    }
}
