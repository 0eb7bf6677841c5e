//! How a journal row keeps its frame text: one format byte, then the text as it is or packed
//! against a built-in dictionary of typical OCPP-J frames, and how it is read back within a
//! byte bound, whatever the stored bytes hold.
//!
//! The format byte: its low seven bits say how the rest is stored ([`RAW`], [`PACKED`]); its
//! high bit ([`OWN_ID`]) says that the frame carries the row's message id at its place
//! (`[2,"<id>",…`), so that the row need not keep it apart.
//!
//! [`PACKED`] is a byte-oriented LZ77 whose copies all come from [`DICTIONARY`] (no entropy
//! coding, no matches within the frame): a frame costs a few table look-ups per byte to pack
//! and a copy per run to unpack, about a microsecond for a MeterValues CALL, where deflate
//! with a preset dictionary took some thirty (its tables are cleared and the dictionary hashed
//! again for every frame). Its operations, one after the other:
//! - `0x00..=0x7f` n: the next n + 1 bytes are literal text;
//! - `0x80..=0xfe` n, then two bytes o (little-endian): a copy of (n − 0x80) + [`MIN_COPY`]
//!   bytes of the dictionary from offset o;
//! - `0xff`, then 16 bytes: a UUID, written in its canonical form (36 characters, lowercase).
//!
//! The dictionary is part of the format: changing it means a new format number, never a new
//! text under [`PACKED`].

use std::sync::OnceLock;

/// The text as it is (UTF-8).
pub const RAW: u8 = 0;
/// Packed against [`DICTIONARY`] (see the module's documentation).
pub const PACKED: u8 = 1;
/// The frame starts with `[<message type>,"<message id>",`: the row's message id is read
/// from it.
pub const OWN_ID: u8 = 0x80;
const FORMAT: u8 = 0x7f;

/// Bytes of the decoded text that always hold a message id carried by the frame (the id and
/// what comes before it, see [`OWN_ID`]).
pub const ID_PREFIX_MAX: usize = 64;

/// The dictionary of [`PACKED`]: typical OCPP 1.6 and 2.0.1 frames and the parts of them
/// that repeat.
pub static DICTIONARY: &[u8] = include_bytes!("../journal_dictionary.txt");

/// The shortest copy: a copy takes three bytes.
const MIN_COPY: usize = 5;
/// The longest copy.
const MAX_COPY: usize = MIN_COPY + 0x7e;
/// A copy long enough to stop looking for a longer one.
const GOOD_COPY: usize = 48;
/// The longest literal run.
const MAX_LITERALS: usize = 0x80;
const UUID_OP: u8 = 0xff;
/// Candidates kept per hash of four bytes of the dictionary.
const WAYS: usize = 8;
const HASH_BITS: u32 = 12;

/// Where each four bytes of the dictionary occur (at most [`WAYS`] places per hash, the
/// later ones first).
struct Index(Vec<[u16; WAYS]>);

fn hash(four: &[u8]) -> usize {
    let v = u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
    (v.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut table = vec![[u16::MAX; WAYS]; 1 << HASH_BITS];
        for at in 0..DICTIONARY.len().saturating_sub(3) {
            let ways = &mut table[hash(&DICTIONARY[at..])];
            ways.rotate_right(1);
            ways[0] = u16::try_from(at).expect("the dictionary takes less than 64 KiB");
        }
        Index(table)
    })
}

/// The longest copy from the dictionary that `text` starts with: (offset, length).
fn longest_copy(text: &[u8]) -> Option<(u16, usize)> {
    if text.len() < MIN_COPY {
        return None;
    }
    let mut best: Option<(u16, usize)> = None;
    for &at in &index().0[hash(text)] {
        let Some(from) = DICTIONARY.get(usize::from(at)..) else {
            break;
        };
        if from.get(..MIN_COPY) != text.get(..MIN_COPY) {
            continue;
        }
        let len = from
            .iter()
            .zip(text)
            .take(MAX_COPY)
            .take_while(|(a, b)| a == b)
            .count();
        if best.is_none_or(|(_, l)| len > l) {
            best = Some((at, len));
            if len >= GOOD_COPY {
                break;
            }
        }
    }
    best
}

/// The 16 bytes of the canonical UUID (lowercase) that `text` starts with.
fn uuid_at(text: &[u8]) -> Option<[u8; 16]> {
    let text = text.get(..36)?;
    if [8, 13, 18, 23].iter().any(|&i| text[i] != b'-') {
        return None;
    }
    let mut out = [0; 16];
    let mut digits = text.iter().filter(|&&c| c != b'-');
    for byte in &mut out {
        let mut value = 0;
        for _ in 0..2 {
            let c = *digits.next()?;
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                _ => return None,
            };
            value = value << 4 | d;
        }
        *byte = value;
    }
    Some(out)
}

fn write_uuid(bytes: &[u8], out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for (i, b) in bytes.iter().enumerate() {
        if [4, 6, 8, 10].contains(&i) {
            out.push(b'-');
        }
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
}

/// The stored form of a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    /// The format byte and the text (see the module's documentation).
    pub frame: Vec<u8>,
    /// Whether the message id is read from the frame ([`OWN_ID`]): the row then leaves its
    /// message id empty.
    pub own_id: bool,
}

/// The stored form of `text`, a frame (or its start) of message type `message_type` and id
/// `message_id`: packed when that makes it shorter, as it is otherwise.
pub fn encode(text: &str, message_type: Option<i16>, message_id: Option<&str>) -> Encoded {
    let own_id = carries_id(text, message_type, message_id);
    let flag = if own_id { OWN_ID } else { 0 };
    let frame = pack(text.as_bytes(), flag).unwrap_or_else(|| raw(text.as_bytes(), flag));
    Encoded { frame, own_id }
}

/// The stored form of `text` left as it is (what rows written before packing became).
pub fn raw(text: &[u8], flag: u8) -> Vec<u8> {
    let mut frame = Vec::with_capacity(text.len() + 1);
    frame.push(RAW | flag);
    frame.extend_from_slice(text);
    frame
}

/// Whether `text` starts with `[<message_type>,"<message_id>",` (an id that needs no escape
/// in JSON, so that the first `"` after it ends it).
fn carries_id(text: &str, message_type: Option<i16>, message_id: Option<&str>) -> bool {
    let (Some(kind), Some(id)) = (message_type, message_id) else {
        return false;
    };
    if id.contains(['"', '\\']) || id.len() + 12 > ID_PREFIX_MAX {
        return false;
    }
    let Some(rest) = text
        .strip_prefix('[')
        .and_then(|t| t.strip_prefix(kind.to_string().as_str()))
        .and_then(|t| t.strip_prefix(",\""))
        .and_then(|t| t.strip_prefix(id))
    else {
        return false;
    };
    rest.starts_with("\",")
}

/// Ends the literal run `text[from..to]` into `out`.
fn literals(text: &[u8], from: usize, to: usize, out: &mut Vec<u8>) {
    for run in text[from..to].chunks(MAX_LITERALS) {
        out.push((run.len() - 1) as u8);
        out.extend_from_slice(run);
    }
}

/// `text` packed after `flag | PACKED`, when that is shorter than the text.
fn pack(text: &[u8], flag: u8) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 2 + 16);
    out.push(PACKED | flag);
    let (mut at, mut pending) = (0, 0);
    while at < text.len() {
        if out.len() + (at - pending) >= text.len() {
            return None;
        }
        let rest = &text[at..];
        if let Some(uuid) = uuid_at(rest) {
            literals(text, pending, at, &mut out);
            out.push(UUID_OP);
            out.extend_from_slice(&uuid);
            at += 36;
            pending = at;
        } else if let Some((offset, len)) = longest_copy(rest) {
            literals(text, pending, at, &mut out);
            out.push(0x80 + (len - MIN_COPY) as u8);
            out.extend_from_slice(&offset.to_le_bytes());
            at += len;
            pending = at;
        } else {
            at += 1;
        }
    }
    literals(text, pending, at, &mut out);
    (out.len() < text.len()).then_some(out)
}

/// A stored text read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, or its start (cut at a character boundary).
    pub text: String,
    /// Whether `text` is all that the stored bytes hold (for a stored form cut short, its
    /// row's length tells whether that is the whole text).
    pub complete: bool,
}

/// The stored text of `frame` (see [`encode`]), at most its first `max` bytes: never more is
/// decompressed, whatever the stored bytes hold. A `frame` that is only the start of a
/// stored form gives the text it holds; bytes that are not a stored form give what could be
/// read of them (nothing, for an unknown format).
pub fn decode(frame: &[u8], max: usize) -> Decoded {
    let Some((&format, body)) = frame.split_first() else {
        return Decoded {
            text: String::new(),
            complete: true,
        };
    };
    let (bytes, complete) = match format & FORMAT {
        RAW => (body[..body.len().min(max)].to_vec(), body.len() <= max),
        PACKED => unpack(body, max),
        _ => (Vec::new(), false),
    };
    let whole = bytes.len();
    let text = text_of(bytes);
    Decoded {
        complete: complete && text.len() == whole,
        text,
    }
}

/// At most `max` bytes of the packed text `body`; whether they are all it holds. Stops at
/// the first operation that is cut short or reads outside the dictionary.
fn unpack(body: &[u8], max: usize) -> (Vec<u8>, bool) {
    let mut out: Vec<u8> = Vec::with_capacity(max.min(body.len().saturating_mul(4)).min(64 * 1024));
    let mut at = 0;
    let mut complete = true;
    while let Some(&op) = body.get(at) {
        if out.len() > max {
            break;
        }
        let piece: &[u8] = match op {
            0..=0x7f => {
                let n = usize::from(op) + 1;
                let Some(run) = body.get(at + 1..at + 1 + n) else {
                    complete = false;
                    break;
                };
                at += 1 + n;
                run
            }
            UUID_OP => {
                let Some(bytes) = body.get(at + 1..at + 17) else {
                    complete = false;
                    break;
                };
                at += 17;
                let mut text = Vec::with_capacity(36);
                write_uuid(bytes, &mut text);
                let room = (max + 1).saturating_sub(out.len());
                out.extend_from_slice(&text[..text.len().min(room)]);
                continue;
            }
            _ => {
                let len = usize::from(op - 0x80) + MIN_COPY;
                let copy = body
                    .get(at + 1..at + 3)
                    .map(|o| usize::from(u16::from_le_bytes([o[0], o[1]])))
                    .and_then(|o| DICTIONARY.get(o..o + len));
                let Some(copy) = copy else {
                    complete = false;
                    break;
                };
                at += 3;
                copy
            }
        };
        let room = (max + 1).saturating_sub(out.len());
        out.extend_from_slice(&piece[..piece.len().min(room)]);
    }
    let complete = complete && out.len() <= max;
    out.truncate(max);
    (out, complete)
}

/// The text of `bytes`: a character cut in two at the end, or anything from the first byte
/// that is not UTF-8, is left out.
fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| {
        let valid = e.utf8_error().valid_up_to();
        let mut bytes = e.into_bytes();
        bytes.truncate(valid);
        String::from_utf8(bytes).unwrap_or_default()
    })
}

/// The message id that `text`, the start of a decoded `frame` of type `message_type`,
/// carries at its place, when `frame` says it does ([`OWN_ID`]).
pub fn own_id<'t>(frame: &[u8], text: &'t str, message_type: Option<i16>) -> Option<&'t str> {
    if frame.first()? & OWN_ID == 0 {
        return None;
    }
    let rest = text
        .strip_prefix('[')?
        .strip_prefix(message_type?.to_string().as_str())?
        .strip_prefix(",\"")?;
    rest.split_once('"').map(|(id, _)| id)
}

/// What an answer stored with its CALL (see `ocpp_message::Model::answer`) starts with and
/// does not store: `[<message type>,"<message id>",`.
pub fn answer_prefix(message_type: i16, message_id: &str) -> String {
    format!("[{message_type},\"{message_id}\",")
}

/// The stored form of an answer kept with its CALL: its text after [`answer_prefix`], when it
/// starts with that (an id that needs no escape in JSON), packed or as it is.
pub fn encode_answer(text: &str, message_type: i16, message_id: &str) -> Option<Vec<u8>> {
    if message_id.contains(['"', '\\']) || message_id.len() + 12 > ID_PREFIX_MAX {
        return None;
    }
    let rest = text.strip_prefix(answer_prefix(message_type, message_id).as_str())?;
    Some(encode(rest, None, None).frame)
}

/// An answer kept with its CALL read back (see [`encode_answer`]): at most `max` bytes of its
/// text, never more decompressed.
pub fn decode_answer(stored: &[u8], message_type: i16, message_id: &str, max: usize) -> Decoded {
    let mut text = answer_prefix(message_type, message_id);
    if text.len() >= max {
        let end = (0..=max)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(end);
        return Decoded {
            text,
            complete: false,
        };
    }
    let rest = decode(stored, max - text.len());
    text.push_str(&rest.text);
    Decoded {
        text,
        complete: rest.complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const METER: &str = r#"[2,"4f1c2a9e-8d4b-4f0e-a1c3-5b6d7e8f9a0b","MeterValues",{"connectorId":1,"transactionId":17,"meterValue":[{"timestamp":"2026-12-07T10:11:12.345Z","sampledValue":[{"value":"1234567","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"11000","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"},{"value":"16.2","context":"Sample.Periodic","measurand":"Current.Import","unit":"A","phase":"L1"},{"value":"230.1","context":"Sample.Periodic","measurand":"Voltage","unit":"V","phase":"L1-N"},{"value":"57","context":"Sample.Periodic","measurand":"SoC","unit":"Percent"}]}]}]"#;

    fn round_trip(text: &str, kind: Option<i16>, id: Option<&str>) -> Encoded {
        let stored = encode(text, kind, id);
        let read = decode(&stored.frame, text.len());
        assert_eq!(read.text, text);
        assert!(read.complete);
        if stored.own_id {
            assert_eq!(own_id(&stored.frame, &read.text, kind), id);
        }
        stored
    }

    #[test]
    fn a_meter_values_frame_and_its_answer_shrink_and_read_back_exactly() {
        let call = round_trip(METER, Some(2), Some("4f1c2a9e-8d4b-4f0e-a1c3-5b6d7e8f9a0b"));
        assert!(call.own_id);
        assert_eq!(call.frame[0], PACKED | OWN_ID);
        assert!(call.frame.len() < 150, "{} bytes", call.frame.len());
        let answer = r#"[3,"4f1c2a9e-8d4b-4f0e-a1c3-5b6d7e8f9a0b",{}]"#;
        let stored = round_trip(
            answer,
            Some(3),
            Some("4f1c2a9e-8d4b-4f0e-a1c3-5b6d7e8f9a0b"),
        );
        assert!(stored.frame.len() < answer.len(), "{}", stored.frame.len());
    }

    #[test]
    fn an_answer_kept_with_its_call_stores_only_what_follows_its_id() {
        let id = "4f1c2a9e-8d4b-4f0e-a1c3-5b6d7e8f9a0b";
        let answer = format!(r#"[3,"{id}",{{}}]"#);
        let stored = encode_answer(&answer, 3, id).unwrap();
        assert_eq!(stored, [RAW, b'{', b'}', b']']);
        let read = decode_answer(&stored, 3, id, answer.len());
        assert_eq!((read.text.as_str(), read.complete), (answer.as_str(), true));
        // Cut at the bound, inside the prefix or after it.
        let read = decode_answer(&stored, 3, id, 10);
        assert_eq!((read.text.as_str(), read.complete), (&answer[..10], false));
        let read = decode_answer(&stored, 3, id, answer.len() - 1);
        assert_eq!(read.text, answer[..answer.len() - 1]);
        assert!(!read.complete);
        let long = r#"[4,"7","InternalError","the database is unreachable",{}]"#;
        let stored = encode_answer(long, 4, "7").unwrap();
        assert_eq!(decode_answer(&stored, 4, "7", 1000).text, long);
        // Only an answer that starts with its type and id, an id without escapes.
        assert_eq!(encode_answer(&answer, 4, id), None);
        assert_eq!(encode_answer(&answer, 3, "4f1c"), None);
        assert_eq!(encode_answer(r#"[3,"a\"",{}]"#, 3, "a\""), None);
        assert_eq!(encode_answer(&answer, 3, &"x".repeat(60)), None);
    }

    #[test]
    fn uuids_are_packed_only_in_their_canonical_form() {
        let id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        let bytes = uuid_at(id.as_bytes()).unwrap();
        let mut text = Vec::new();
        write_uuid(&bytes, &mut text);
        assert_eq!(text, id.as_bytes());
        assert_eq!(uuid_at(b"0A1B2C3D-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), None);
        assert_eq!(uuid_at(b"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4"), None);
        assert_eq!(uuid_at(b"0a1b2c3d04e5f-4a6b-8c7d-9e0f1a2b3c4d"), None);
        round_trip(
            "[3,\"0A1B2C3D-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",{}]",
            Some(3),
            None,
        );
    }

    #[test]
    fn odd_text_reads_back_exactly() {
        for text in [
            "",
            "x",
            "\u{FFFD}\u{FFFD}",
            "[2,\"a\",\"DataTransfer\",{\"data\":\"é€😀\\u0000\"}]",
            "not json at all [[[",
            &"€".repeat(5000),
        ] {
            round_trip(text, None, None);
            round_trip(text, Some(2), Some("a"));
        }
    }

    #[test]
    fn only_an_id_at_its_place_is_read_from_the_frame() {
        assert!(carries_id(r#"[2,"a","X",{}]"#, Some(2), Some("a")));
        assert!(!carries_id(r#"[2, "a","X",{}]"#, Some(2), Some("a")));
        assert!(!carries_id(r#"[2,"ab","X",{}]"#, Some(2), Some("a")));
        assert!(!carries_id(r#"[3,"a","X",{}]"#, Some(2), Some("a")));
        assert!(!carries_id(r#"[2,"a\"","X",{}]"#, Some(2), Some("a\"")));
        assert!(!carries_id(r#"[2,"a"]"#, Some(2), Some("a")));
        assert!(!carries_id(r#"[2,"a","X",{}]"#, None, Some("a")));
        let stored = encode(r#"[2,"a","X",{}]"#, Some(2), None);
        assert!(!stored.own_id);
        assert_eq!(own_id(&stored.frame, r#"[2,"a","X",{}]"#, Some(2)), None);
    }

    #[test]
    fn a_read_stops_at_its_bound_on_a_character_boundary() {
        let part =
            r#"{"value":"0","context":"Sample.Periodic","measurand":"Voltage","unit":"V"},€"#;
        let text = format!(r#"[2,"1","DataTransfer",{{"data":"{}"}}]"#, part.repeat(60));
        let stored = encode(&text, Some(2), Some("1"));
        assert_eq!(stored.frame[0] & FORMAT, PACKED);
        let read = decode(&stored.frame, 1000);
        assert!(!read.complete);
        assert!(read.text.len() <= 1000 && read.text.len() >= 998);
        assert!(text.starts_with(&read.text));
        // Exactly the text's length is complete; one byte less is not.
        assert!(decode(&stored.frame, text.len()).complete);
        assert!(!decode(&stored.frame, text.len() - 1).complete);
        let raw_stored = raw(text.as_bytes(), 0);
        let read = decode(&raw_stored, 1000);
        assert!(!read.complete && text.starts_with(&read.text));
    }

    #[test]
    fn broken_or_cut_stored_bytes_give_what_they_hold_without_panicking() {
        let stored = encode(METER, Some(2), None);
        for end in 0..stored.frame.len() {
            let read = decode(&stored.frame[..end], METER.len());
            assert!(METER.starts_with(&read.text), "{end}");
            // (A cut between two operations reads as a shorter text: the row's length tells.)
            assert!(read.text.len() <= end * 64);
        }
        let mut broken = stored.frame.clone();
        for b in broken.iter_mut().skip(5) {
            *b ^= 0x5a;
        }
        let read = decode(&broken, 100_000);
        assert!(read.text.len() <= 100_000);
        assert_eq!(decode(&[0x7e, 1, 2, 3], 10).text, "");
        // Copies that expand a lot stop at the bound.
        let mut copies = vec![PACKED];
        for _ in 0..10_000 {
            copies.extend_from_slice(&[0xfe, 0, 0]);
        }
        let read = decode(&copies, 4096);
        assert_eq!(read.text.len(), 4096);
        assert!(!read.complete);
        // A copy from outside the dictionary ends the text.
        let read = decode(&[PACKED, 0, b'a', 0x80, 0xff, 0xff], 100);
        assert_eq!((read.text.as_str(), read.complete), ("a", false));
    }
}
