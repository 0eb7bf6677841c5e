//! OCPP-J RPC frames as values: `[2,id,action,payload]`, `[3,id,payload]`,
//! `[4,id,code,description,details]`. Parsing and serialising only; no I/O, no payload schemas.

use serde::Serialize;
use serde_json::value::RawValue;

use super::{ErrorCode, Version};

/// Longest message id OCPP-J allows (36 characters, room for a GUID).
pub const MAX_MESSAGE_ID_LEN: usize = 36;

/// A frame that was read successfully. Payloads stay raw JSON until an action decodes them.
#[derive(Debug)]
pub enum Frame<'a> {
    Call {
        id: String,
        action: String,
        payload: &'a RawValue,
    },
    CallResult {
        id: String,
        payload: &'a RawValue,
    },
    CallError {
        id: String,
        code: String,
        description: String,
        /// Absent when a station sent the four-element form without details (read leniently).
        details: Option<&'a RawValue>,
    },
}

impl PartialEq for Frame<'_> {
    fn eq(&self, other: &Self) -> bool {
        use Frame::*;
        match (self, other) {
            (
                Call {
                    id: a,
                    action: b,
                    payload: c,
                },
                Call {
                    id: x,
                    action: y,
                    payload: z,
                },
            ) => a == x && b == y && c.get() == z.get(),
            (CallResult { id: a, payload: b }, CallResult { id: x, payload: y }) => {
                a == x && b.get() == y.get()
            }
            (
                CallError {
                    id: a,
                    code: b,
                    description: c,
                    details: d,
                },
                CallError {
                    id: w,
                    code: x,
                    description: y,
                    details: z,
                },
            ) => a == w && b == x && c == y && d.map(|d| d.get()) == z.map(|z| z.get()),
            _ => false,
        }
    }
}

/// A frame that could not be read, and what the session does about it.
#[derive(Debug, PartialEq, Eq)]
pub enum FrameError {
    /// Not JSON, not an array, or no message id could be read: log and drop.
    Unreadable(String),
    /// A message type number OCPP-J does not define: ignored (OCPP-J §4.1.3).
    UnknownType(i64),
    /// A malformed frame whose message id could be read and which may be a CALL: answered with
    /// a `ProtocolError` CALLERROR carrying that id.
    BadCall { id: String, reason: String },
    /// A malformed CALLRESULT or CALLERROR: dropped, never answered (an error for an answer
    /// could loop forever).
    BadAnswer { id: Option<String>, reason: String },
}

impl FrameError {
    pub fn reason(&self) -> String {
        match self {
            Self::Unreadable(reason) => reason.clone(),
            Self::UnknownType(n) => format!("unknown message type {n}"),
            Self::BadCall { reason, .. } | Self::BadAnswer { reason, .. } => reason.clone(),
        }
    }
}

fn string_at(items: &[&RawValue], index: usize) -> Option<String> {
    items
        .get(index)
        .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
}

/// The message id of a frame of any message type, when its second element is a string: for
/// answering a frame of a message type OCPP 2.0.1 does not support (`MessageTypeNotSupported`).
pub fn message_id(text: &str) -> Option<String> {
    let items: Vec<&RawValue> = serde_json::from_str(text).ok()?;
    string_at(&items, 1)
}

/// Reads one text frame.
pub fn parse(text: &str) -> Result<Frame<'_>, FrameError> {
    let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| {
        FrameError::Unreadable(if e.is_data() {
            "frame is not a JSON array".to_owned()
        } else {
            "frame is not valid JSON".to_owned()
        })
    })?;

    let id = string_at(&items, 1);
    let message_type = match items
        .first()
        .map(|raw| serde_json::from_str::<i64>(raw.get()))
    {
        Some(Ok(n)) => n,
        _ => {
            let reason = "message type is not an integer".to_owned();
            return Err(match id {
                Some(id) => FrameError::BadCall { id, reason },
                None => FrameError::Unreadable(reason),
            });
        }
    };
    if !(2..=4).contains(&message_type) {
        return Err(FrameError::UnknownType(message_type));
    }
    let Some(id) = id else {
        let reason = "message id is missing or not a string".to_owned();
        return Err(if message_type == 2 {
            FrameError::Unreadable(reason)
        } else {
            FrameError::BadAnswer { id: None, reason }
        });
    };

    let bad = |reason: String| {
        if message_type == 2 {
            FrameError::BadCall {
                id: id.clone(),
                reason,
            }
        } else {
            FrameError::BadAnswer {
                id: Some(id.clone()),
                reason,
            }
        }
    };
    if id.chars().count() > MAX_MESSAGE_ID_LEN {
        return Err(bad(format!(
            "message id is longer than {MAX_MESSAGE_ID_LEN} characters"
        )));
    }

    match message_type {
        2 => {
            if items.len() != 4 {
                return Err(bad(format!(
                    "a CALL has 4 elements, this one has {}",
                    items.len()
                )));
            }
            let action =
                string_at(&items, 2).ok_or_else(|| bad("action is not a string".into()))?;
            Ok(Frame::Call {
                id,
                action,
                payload: items[3],
            })
        }
        3 => {
            if items.len() != 3 {
                return Err(bad(format!(
                    "a CALLRESULT has 3 elements, this one has {}",
                    items.len()
                )));
            }
            Ok(Frame::CallResult {
                id,
                payload: items[2],
            })
        }
        _ => {
            if !(4..=5).contains(&items.len()) {
                return Err(bad(format!(
                    "a CALLERROR has 5 elements, this one has {}",
                    items.len()
                )));
            }
            let code =
                string_at(&items, 2).ok_or_else(|| bad("error code is not a string".into()))?;
            let description = string_at(&items, 3)
                .ok_or_else(|| bad("error description is not a string".into()))?;
            Ok(Frame::CallError {
                id,
                code,
                description,
                details: items.get(4).copied(),
            })
        }
    }
}

/// `[2,"id","Action",payload]`; `payload` is already-serialised JSON.
pub fn call(id: &str, action: &str, payload: &RawValue) -> String {
    to_frame(&(2, id, action, payload))
}

/// `[3,"id",payload]`; `payload` is already-serialised JSON.
pub fn call_result(id: &str, payload: &RawValue) -> String {
    to_frame(&(3, id, payload))
}

/// `[4,"id","Code","description",{}]`.
pub fn call_error(id: &str, code: ErrorCode, description: &str) -> String {
    call_error_in(Version::V16, id, code, description)
}

/// A CALLERROR with `code` spelled as `version` spells it.
pub fn call_error_in(version: Version, id: &str, code: ErrorCode, description: &str) -> String {
    to_frame(&(4, id, code.wire(version), description, EmptyObject {}))
}

#[derive(Serialize)]
struct EmptyObject {}

fn to_frame(value: &impl Serialize) -> String {
    // Serialising tuples of strings and raw JSON cannot fail.
    serde_json::to_string(value).expect("frame serialisation")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call_parts(text: &str) -> (String, String, String) {
        match parse(text) {
            Ok(Frame::Call {
                id,
                action,
                payload,
            }) => (id, action, payload.get().to_owned()),
            other => panic!("expected a CALL, got {other:?}"),
        }
    }

    #[test]
    fn reads_a_call_keeping_the_payload_raw() {
        let (id, action, payload) =
            call_parts(r#"[2,"19223201","BootNotification",{"chargePointVendor":"VendorX"}]"#);
        assert_eq!(id, "19223201");
        assert_eq!(action, "BootNotification");
        assert_eq!(payload, r#"{"chargePointVendor":"VendorX"}"#);
    }

    #[test]
    fn reads_a_call_spread_over_lines_with_a_null_payload() {
        let (id, action, payload) = call_parts("[2,\n \"a\",\n \"Heartbeat\",\n null\n]");
        assert_eq!(
            (id.as_str(), action.as_str(), payload.as_str()),
            ("a", "Heartbeat", "null")
        );
    }

    #[test]
    fn reads_escaped_ids() {
        let (id, _, _) = call_parts(r#"[2,"a\"b\u0041","Heartbeat",{}]"#);
        assert_eq!(id, "a\"bA");
    }

    #[test]
    fn reads_results_and_errors() {
        assert_eq!(
            parse(r#"[3,"7",{"status":"Accepted"}]"#).map(|f| match f {
                Frame::CallResult { id, payload } => (id, payload.get().to_owned()),
                _ => unreachable!(),
            }),
            Ok(("7".into(), r#"{"status":"Accepted"}"#.into()))
        );
        match parse(r#"[4,"8","NotSupported","SendLocalList.req not implemented",{}]"#) {
            Ok(Frame::CallError {
                id,
                code,
                description,
                details,
            }) => {
                assert_eq!(id, "8");
                assert_eq!(code, "NotSupported");
                assert_eq!(description, "SendLocalList.req not implemented");
                assert_eq!(details.map(|d| d.get()), Some("{}"));
            }
            other => panic!("{other:?}"),
        }
        // Without details: understood all the same.
        assert!(matches!(
            parse(r#"[4,"9","GenericError","oops"]"#),
            Ok(Frame::CallError { details: None, .. })
        ));
    }

    #[test]
    fn garbage_is_unreadable() {
        assert_eq!(
            parse("hello"),
            Err(FrameError::Unreadable("frame is not valid JSON".into()))
        );
        assert_eq!(
            parse(r#"[2,"1","Heartbeat",{}"#),
            Err(FrameError::Unreadable("frame is not valid JSON".into()))
        );
        assert_eq!(
            parse(r#"{"a":1}"#),
            Err(FrameError::Unreadable("frame is not a JSON array".into()))
        );
        assert_eq!(
            parse("42"),
            Err(FrameError::Unreadable("frame is not a JSON array".into()))
        );
        assert!(matches!(parse("[]"), Err(FrameError::Unreadable(_))));
        assert!(matches!(parse(r#"[2]"#), Err(FrameError::Unreadable(_))));
        assert!(matches!(
            parse(r#"[2,17,"Heartbeat",{}]"#),
            Err(FrameError::Unreadable(_))
        ));
    }

    #[test]
    fn unknown_message_types_are_ignored() {
        assert_eq!(parse(r#"[5,"1",{}]"#), Err(FrameError::UnknownType(5)));
        assert_eq!(message_id(r#"[5,"1",{}]"#).as_deref(), Some("1"));
        assert_eq!(message_id(r#"[5,1,{}]"#), None);
        assert_eq!(message_id("[5"), None);
        assert_eq!(parse(r#"[1,"1"]"#), Err(FrameError::UnknownType(1)));
        assert_eq!(parse(r#"[-3,"1"]"#), Err(FrameError::UnknownType(-3)));
    }

    #[test]
    fn malformed_calls_with_a_readable_id_can_be_answered() {
        assert_eq!(
            parse(r#"[2,"abc","Heartbeat"]"#),
            Err(FrameError::BadCall {
                id: "abc".into(),
                reason: "a CALL has 4 elements, this one has 3".into()
            })
        );
        assert_eq!(
            parse(r#"[2,"abc",17,{}]"#),
            Err(FrameError::BadCall {
                id: "abc".into(),
                reason: "action is not a string".into()
            })
        );
        assert_eq!(
            parse(r#"["2","abc","Heartbeat",{}]"#),
            Err(FrameError::BadCall {
                id: "abc".into(),
                reason: "message type is not an integer".into()
            })
        );
        let long = "x".repeat(37);
        assert_eq!(
            parse(&format!(r#"[2,"{long}","Heartbeat",{{}}]"#)),
            Err(FrameError::BadCall {
                id: long,
                reason: "message id is longer than 36 characters".into()
            })
        );
        let max = "y".repeat(36);
        assert_eq!(
            call_parts(&format!(r#"[2,"{max}","Heartbeat",{{}}]"#)).0,
            max
        );
    }

    #[test]
    fn malformed_answers_are_never_answered() {
        assert_eq!(
            parse(r#"[3,"1"]"#),
            Err(FrameError::BadAnswer {
                id: Some("1".into()),
                reason: "a CALLRESULT has 3 elements, this one has 2".into()
            })
        );
        assert_eq!(
            parse(r#"[4,"1","NotSupported"]"#),
            Err(FrameError::BadAnswer {
                id: Some("1".into()),
                reason: "a CALLERROR has 5 elements, this one has 3".into()
            })
        );
        assert_eq!(
            parse(r#"[4,"1","NotSupported",{}]"#),
            Err(FrameError::BadAnswer {
                id: Some("1".into()),
                reason: "error description is not a string".into()
            })
        );
        assert!(matches!(
            parse(r#"[3,1,{}]"#),
            Err(FrameError::BadAnswer { id: None, .. })
        ));
    }

    #[test]
    fn writes_exact_bytes() {
        let payload =
            RawValue::from_string(r#"{"currentTime":"2024-01-01T00:00:00.000Z"}"#.into()).unwrap();
        assert_eq!(
            call_result("19223201", &payload),
            r#"[3,"19223201",{"currentTime":"2024-01-01T00:00:00.000Z"}]"#
        );
        let empty = RawValue::from_string("{}".into()).unwrap();
        assert_eq!(
            call("5", "ClearCache", &empty),
            r#"[2,"5","ClearCache",{}]"#
        );
        assert_eq!(
            call_error("a\"b", ErrorCode::NotImplemented, "unknown action \"Foo\""),
            r#"[4,"a\"b","NotImplemented","unknown action \"Foo\"",{}]"#
        );
    }
}
