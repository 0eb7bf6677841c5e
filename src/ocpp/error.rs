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

/// Why a CALL was not answered with a CALLRESULT: becomes a CALLERROR frame.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {description}")]
pub struct CallError {
    pub code: ErrorCode,
    /// Safe to show the station: never holds internals (SQL, paths, stack traces).
    pub description: String,
}

impl CallError {
    pub fn new(code: ErrorCode, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
        }
    }

    /// A storage or other internal failure; the station will retry.
    pub fn internal() -> Self {
        Self::new(
            ErrorCode::InternalError,
            "the central system could not process the message; retry later",
        )
    }
}
