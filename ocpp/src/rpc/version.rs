//! The OCPP versions a connection may speak, each named by its WebSocket subprotocol (OCPP-J
//! 1.6 §3.1.2; OCPP 2.0.1 Part 4 §3.1.2): the protocol layer that differs between them is the
//! spelling of some CallError codes (see [`ErrorCode::wire`](super::ErrorCode::wire)).

use std::fmt;

/// An OCPP version spoken on a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    /// OCPP 1.6 (JSON, with the errata and the Security Whitepaper).
    V16,
    /// OCPP 2.0.1 (Edition 3, with its errata).
    V201,
}

impl Version {
    /// Every version, in the order a server offers them when a client offers several and
    /// states no preference (the client's order otherwise decides).
    pub const ALL: [Version; 2] = [Version::V201, Version::V16];

    /// The WebSocket subprotocol name (`ocpp1.6`, `ocpp2.0.1`).
    pub fn subprotocol(self) -> &'static str {
        match self {
            Self::V16 => "ocpp1.6",
            Self::V201 => "ocpp2.0.1",
        }
    }

    /// The version a subprotocol names (exact, as OCPP spells it).
    pub fn from_subprotocol(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.subprotocol() == name)
    }

    /// The version number as written in documents and kept on a station: `1.6`, `2.0.1`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V16 => "1.6",
            Self::V201 => "2.0.1",
        }
    }

    /// Reads [`Self::as_str`]'s spelling.
    pub fn from_number(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for v in Version::ALL {
            assert_eq!(Version::from_subprotocol(v.subprotocol()), Some(v));
            assert_eq!(Version::from_number(v.as_str()), Some(v));
        }
        assert_eq!(Version::from_subprotocol("ocpp2.0"), None);
        assert_eq!(Version::from_subprotocol("OCPP1.6"), None);
        assert_eq!(Version::V201.subprotocol(), "ocpp2.0.1");
    }
}
