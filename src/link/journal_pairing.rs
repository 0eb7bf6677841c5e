//! A station's CALL held back for its answer, so that both go in one journal row: what a
//! connection writes to the journal, in order, as its frames are journaled one by one.
//!
//! The CALL waits only until the connection journals its next frame. When that frame is the
//! CALL's answer, whole (not cut at `--journal-max-frame`), it goes into the CALL's row;
//! anything else (a command sent meanwhile, a bad frame, the station's next CALL) first
//! writes the CALL alone, so the journal's order stays the wire's. A DataTransfer is never
//! held: its answer waits until its row is committed.

use crate::store::{Direction, JournalAnswer, JournalRow};

/// The CALL a connection holds for its answer, if any.
#[derive(Debug, Default)]
pub struct Pairing {
    held: Option<JournalRow>,
}

impl Pairing {
    /// The rows to write now, in order, once `row` is journaled.
    pub fn next(&mut self, row: JournalRow) -> Vec<JournalRow> {
        let mut out = Vec::with_capacity(2);
        if let Some(mut call) = self.held.take() {
            if answers(&call, &row) {
                if let Some(message_type) = row.message_type {
                    call.answer = Some(JournalAnswer {
                        message_type,
                        payload: row.payload,
                        at: row.at,
                    });
                }
                out.push(call);
                return out;
            }
            out.push(call);
        }
        if holds(&row) {
            self.held = Some(row);
        } else {
            out.push(row);
        }
        out
    }

    /// The held CALL, to be written alone (its answer will not be journaled, or the
    /// connection ended).
    pub fn release(&mut self) -> Option<JournalRow> {
        self.held.take()
    }
}

/// Whether `row` may wait for its answer: a station's CALL with an id, not a DataTransfer.
fn holds(row: &JournalRow) -> bool {
    row.direction == Direction::In
        && row.message_type == Some(2)
        && row.message_id.is_some()
        && row.action.as_deref() != Some("DataTransfer")
}

/// Whether `row` is the whole answer to the held `call`.
fn answers(call: &JournalRow, row: &JournalRow) -> bool {
    row.direction == Direction::Out
        && matches!(row.message_type, Some(3 | 4))
        && row.message_id.is_some()
        && row.message_id == call.message_id
        && row.payload_size.is_none()
        && row.answer.is_none()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::*;

    fn row(direction: Direction, kind: Option<i16>, id: &str, action: &str, at: i64) -> JournalRow {
        JournalRow {
            station_id: Arc::from("CP1"),
            direction,
            message_type: kind,
            message_id: (!id.is_empty()).then(|| id.to_owned()),
            action: (!action.is_empty()).then(|| action.to_owned()),
            payload: format!("[{},\"{id}\",{at}]", kind.unwrap_or(0)),
            payload_size: None,
            payload_sha256: None,
            at: Utc.timestamp_millis_opt(at).unwrap(),
            answer: None,
        }
    }

    /// What the rows say, in order: (id, direction, type, whether an answer is kept, its type).
    fn shape(rows: &[JournalRow]) -> Vec<(String, Direction, Option<i16>, Option<i16>)> {
        rows.iter()
            .map(|r| {
                (
                    r.message_id.clone().unwrap_or_default(),
                    r.direction,
                    r.message_type,
                    r.answer.as_ref().map(|a| a.message_type),
                )
            })
            .collect()
    }

    #[test]
    fn a_call_and_its_answer_become_one_row() {
        let mut pairing = Pairing::default();
        assert!(
            pairing
                .next(row(Direction::In, Some(2), "a", "Heartbeat", 1))
                .is_empty()
        );
        let rows = pairing.next(row(Direction::Out, Some(3), "a", "Heartbeat", 5));
        assert_eq!(
            shape(&rows),
            [("a".into(), Direction::In, Some(2), Some(3))]
        );
        let answer = rows[0].answer.as_ref().unwrap();
        assert_eq!(answer.payload, "[3,\"a\",5]");
        assert_eq!(answer.at.timestamp_millis(), 5);
        assert!(pairing.release().is_none());
        // A CALLERROR too.
        assert!(
            pairing
                .next(row(Direction::In, Some(2), "b", "Authorize", 6))
                .is_empty()
        );
        let rows = pairing.next(row(Direction::Out, Some(4), "b", "Authorize", 7));
        assert_eq!(
            shape(&rows),
            [("b".into(), Direction::In, Some(2), Some(4))]
        );
    }

    #[test]
    fn any_other_frame_writes_the_held_call_first() {
        let mut pairing = Pairing::default();
        pairing.next(row(Direction::In, Some(2), "a", "MeterValues", 1));
        // Our command goes out before the answer: the CALL, then the command, each alone.
        let rows = pairing.next(row(Direction::Out, Some(2), "1", "Reset", 2));
        assert_eq!(
            shape(&rows),
            [
                ("a".into(), Direction::In, Some(2), None),
                ("1".into(), Direction::Out, Some(2), None)
            ]
        );
        // So the answer that follows is a row of its own.
        let rows = pairing.next(row(Direction::Out, Some(3), "a", "MeterValues", 3));
        assert_eq!(shape(&rows), [("a".into(), Direction::Out, Some(3), None)]);

        // An answer with another id, the station's answer, a bad frame, the next CALL.
        for other in [
            row(Direction::Out, Some(3), "x", "Heartbeat", 5),
            row(Direction::In, Some(3), "1", "Reset", 5),
            row(Direction::In, None, "", "", 5),
            row(Direction::In, Some(2), "c", "Heartbeat", 5),
        ] {
            let mut pairing = Pairing::default();
            pairing.next(row(Direction::In, Some(2), "a", "Heartbeat", 4));
            let rows = pairing.next(other.clone());
            assert_eq!(rows[0].message_id.as_deref(), Some("a"), "{other:?}");
            assert!(rows[0].answer.is_none());
            if other.message_type == Some(2) && other.direction == Direction::In {
                // The next CALL is held in turn.
                assert_eq!(rows.len(), 1);
                assert_eq!(pairing.release().unwrap().message_id.as_deref(), Some("c"));
            } else {
                assert_eq!(rows.len(), 2);
                assert_eq!(rows[1].payload, other.payload);
            }
        }
    }

    #[test]
    fn a_cut_answer_and_a_data_transfer_keep_rows_of_their_own() {
        let mut pairing = Pairing::default();
        pairing.next(row(Direction::In, Some(2), "a", "Heartbeat", 1));
        let mut cut = row(Direction::Out, Some(3), "a", "Heartbeat", 2);
        cut.payload_size = Some(100_000);
        let rows = pairing.next(cut);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.answer.is_none()));

        let rows = pairing.next(row(Direction::In, Some(2), "d", "DataTransfer", 3));
        assert_eq!(shape(&rows), [("d".into(), Direction::In, Some(2), None)]);
        let rows = pairing.next(row(Direction::Out, Some(3), "d", "DataTransfer", 4));
        assert_eq!(shape(&rows), [("d".into(), Direction::Out, Some(3), None)]);
        // Our own CALL is not held either.
        let rows = pairing.next(row(Direction::Out, Some(2), "2", "Reset", 5));
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn the_held_call_is_released_alone() {
        let mut pairing = Pairing::default();
        pairing.next(row(Direction::In, Some(2), "a", "Heartbeat", 1));
        let held = pairing.release().unwrap();
        assert_eq!(
            (held.message_id.as_deref(), held.answer.is_none()),
            (Some("a"), true)
        );
        assert!(pairing.release().is_none());
        // The answer after a release is a row of its own.
        let rows = pairing.next(row(Direction::Out, Some(3), "a", "Heartbeat", 2));
        assert_eq!(rows.len(), 1);
    }
}
