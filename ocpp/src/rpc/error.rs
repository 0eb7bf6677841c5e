//! OCPP-J CallError codes, spelled exactly as on the wire for each OCPP version, and the error a
//! handler returns.

use std::fmt;

use super::Version;

/// The error codes of OCPP-J 1.6 §4.2.3 (named with 1.6's own spellings, kept by its errata) and
/// the two that OCPP 2.0.1 Part 4 §4.3 adds. [`ErrorCode::wire`] spells a code for a version:
/// 2.0.1 renamed `FormationViolation` to `FormatViolation` and corrected
/// `OccurenceConstraintViolation` to `OccurrenceConstraintViolation`.
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
    /// 2.0.1 only: a message type number this implementation does not support.
    MessageTypeNotSupported,
    /// 2.0.1 only: the content is not a valid RPC request (its message id cannot be read, …).
    RpcFrameworkError,
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
            Self::MessageTypeNotSupported => "MessageTypeNotSupported",
            Self::RpcFrameworkError => "RpcFrameworkError",
        }
    }

    /// The code as `version` spells it on the wire. The two 2.0.1-only codes do not exist in
    /// 1.6, where they are sent as `ProtocolError` (never needed: the 1.6 session does not
    /// raise them).
    pub fn wire(self, version: Version) -> &'static str {
        match (version, self) {
            (Version::V201, Self::FormationViolation) => "FormatViolation",
            (Version::V201, Self::OccurenceConstraintViolation) => "OccurrenceConstraintViolation",
            (Version::V16, Self::MessageTypeNotSupported | Self::RpcFrameworkError) => {
                "ProtocolError"
            }
            _ => self.as_str(),
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
    fn each_version_spells_its_codes() {
        use ErrorCode::*;
        assert_eq!(FormationViolation.wire(Version::V16), "FormationViolation");
        assert_eq!(FormationViolation.wire(Version::V201), "FormatViolation");
        assert_eq!(
            OccurenceConstraintViolation.wire(Version::V16),
            "OccurenceConstraintViolation"
        );
        assert_eq!(
            OccurenceConstraintViolation.wire(Version::V201),
            "OccurrenceConstraintViolation"
        );
        assert_eq!(
            MessageTypeNotSupported.wire(Version::V201),
            "MessageTypeNotSupported"
        );
        assert_eq!(RpcFrameworkError.wire(Version::V201), "RpcFrameworkError");
        assert_eq!(RpcFrameworkError.wire(Version::V16), "ProtocolError");
        for code in [NotImplemented, NotSupported, InternalError, ProtocolError, SecurityError,
            PropertyConstraintViolation, TypeConstraintViolation, GenericError]
        {
            assert_eq!(code.wire(Version::V16), code.as_str());
            assert_eq!(code.wire(Version::V201), code.as_str());
        }
    }

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
