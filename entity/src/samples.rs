//! PLACEHOLDER (h-rollup only, replaced by main's codec at the merge): the packed samples.

use std::borrow::Cow;

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError;

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("placeholder")
    }
}

pub fn decode(_bytes: &[u8]) -> Result<Vec<Sample>, DecodeError> {
    Err(DecodeError)
}
