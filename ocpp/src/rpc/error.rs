//! OCPP-J CallError codes, spelled exactly as on the wire, and the error a handler returns.

use std::fmt;

/// The error codes of OCPP-J 1.6 §4.2.3 (with the spec's own spellings, kept by the errata).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation,
    PropertyConstraintViolation,
    OccurenceConstraintViolation,
    TypeConstraintViolation,
    GenericError,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotImplemented => "NotImplemented",
            Self::NotSupported => "NotSupported",
            Self::InternalError => "InternalError",
            Self::ProtocolError => "ProtocolError",
            Self::SecurityError => "SecurityError",
            Self::FormationViolation => "FormationViolation",
            Self::PropertyConstraintViolation => "PropertyConstraintViolation",
            Self::OccurenceConstraintViolation => "OccurenceConstraintViolation",
            Self::TypeConstraintViolation => "TypeConstraintViolation",
            Self::GenericError => "GenericError",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Longest error description sent, in characters (before the `…` of a cut one).
pub const MAX_DESCRIPTION: usize = 512;

/// Why a CALL was not answered with a CALLRESULT: becomes a CALLERROR frame.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {description}")]
pub struct CallError {
    pub code: ErrorCode,
    /// Safe to show the station: never holds internals (SQL, paths, stack traces).
    pub description: String,
}

impl CallError {
    /// A description longer than [`MAX_DESCRIPTION`] characters is cut there (with `…`): it
    /// may quote what the station sent (an unknown action, a field's value), and an answer,
    /// also one remembered for repeated message ids, must not grow with the station's message.
    pub fn new(code: ErrorCode, description: impl Into<String>) -> Self {
        let mut description = description.into();
        if let Some((cut, _)) = description.char_indices().nth(MAX_DESCRIPTION) {
            description.truncate(cut);
            description.push('…');
        }
        Self { code, description }
    }

    /// A storage or other internal failure; the station will retry.
    pub fn internal() -> Self {
        Self::new(
            ErrorCode::InternalError,
            "the central system could not process the message; retry later",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_cut_to_their_bound() {
        let short = CallError::new(ErrorCode::GenericError, "é".repeat(MAX_DESCRIPTION));
        assert_eq!(short.description, "é".repeat(MAX_DESCRIPTION));
        let long = CallError::new(ErrorCode::GenericError, "é".repeat(300_000));
        assert_eq!(
            long.description,
            format!("{}…", "é".repeat(MAX_DESCRIPTION))
        );
    }
}
