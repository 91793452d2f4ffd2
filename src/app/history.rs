//! The undo journal: how to reverse the last batch renames and moves (newest last), and how to
//! redo what was undone. A new change clears the redo side; each side keeps at most
//! [`UndoHistory::LEVELS`] records, dropping the oldest. Saved whole to `undo.json`.

use super::ops::UndoRecord;

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UndoHistory {
    /// What `undo` reverses, oldest first.
    pub undo: Vec<UndoRecord>,
    /// What `redo` does again, oldest first.
    pub redo: Vec<UndoRecord>,
}

/// Which way an operation walks the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoDirection {
    Undo,
    Redo,
}

impl UndoDirection {
    /// "Undo", "Redo".
    pub fn verb(self) -> &'static str {
        match self {
            UndoDirection::Undo => "Undo",
            UndoDirection::Redo => "Redo",
        }
    }

    /// "Undoing", "Redoing".
    pub fn doing(self) -> &'static str {
        match self {
            UndoDirection::Undo => "Undoing",
            UndoDirection::Redo => "Redoing",
        }
    }

    /// "Undid", "Redid".
    pub fn done(self) -> &'static str {
        match self {
            UndoDirection::Undo => "Undid",
            UndoDirection::Redo => "Redid",
        }
    }
}

/// An operation that undoes or redoes `record` (taken off its side of the journal when the
/// operation starts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryStep {
    pub direction: UndoDirection,
    pub record: UndoRecord,
}

/// What a journal file holds: the whole history, or (written by earlier versions) the one
/// record of the last change.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Saved {
    History(UndoHistory),
    One(UndoRecord),
}

impl UndoHistory {
    pub const LEVELS: usize = 20;

    /// Reads a saved journal, also the single record earlier versions saved.
    pub fn from_json(bytes: &[u8]) -> serde_json::Result<UndoHistory> {
        Ok(match serde_json::from_slice(bytes)? {
            Saved::History(mut h) => {
                bound(&mut h.undo);
                bound(&mut h.redo);
                h
            }
            Saved::One(record) => UndoHistory {
                undo: vec![record],
                redo: vec![],
            },
        })
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }

    /// The record the next undo (or redo) would reverse (or do again).
    pub fn next(&self, direction: UndoDirection) -> Option<&UndoRecord> {
        self.side(direction).last()
    }

    /// A new change: undone first from now on; what was undone can no longer be redone.
    pub fn record(&mut self, record: UndoRecord) {
        self.redo.clear();
        push(&mut self.undo, record);
    }

    /// Takes `record` off the `direction` side (where it was previewed; the newest equal one).
    pub fn take(&mut self, direction: UndoDirection, record: &UndoRecord) {
        let side = self.side_mut(direction);
        if let Some(i) = side.iter().rposition(|r| r == record) {
            side.remove(i);
        }
    }

    /// An undo or redo ended. `reverse` is how to reverse what it did, if it changed anything:
    /// it goes to the other side, named as the original change. Otherwise the step's record
    /// goes back where it came from.
    pub fn finished(&mut self, step: HistoryStep, reverse: Option<UndoRecord>) {
        let HistoryStep { direction, record } = step;
        match reverse {
            Some(mut reverse) => {
                reverse.description = record.description;
                let other = match direction {
                    UndoDirection::Undo => UndoDirection::Redo,
                    UndoDirection::Redo => UndoDirection::Undo,
                };
                push(self.side_mut(other), reverse);
            }
            None => push(self.side_mut(direction), record),
        }
    }

    fn side(&self, direction: UndoDirection) -> &Vec<UndoRecord> {
        match direction {
            UndoDirection::Undo => &self.undo,
            UndoDirection::Redo => &self.redo,
        }
    }

    fn side_mut(&mut self, direction: UndoDirection) -> &mut Vec<UndoRecord> {
        match direction {
            UndoDirection::Undo => &mut self.undo,
            UndoDirection::Redo => &mut self.redo,
        }
    }
}

fn push(side: &mut Vec<UndoRecord>, record: UndoRecord) {
    side.push(record);
    bound(side);
}

/// Drops the oldest records beyond the limit.
fn bound(side: &mut Vec<UndoRecord>) {
    let over = side.len().saturating_sub(UndoHistory::LEVELS);
    side.drain(..over);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(n: usize) -> UndoRecord {
        UndoRecord {
            description: format!("change {n}"),
            actions: vec![],
        }
    }

    fn descriptions(side: &[UndoRecord]) -> Vec<&str> {
        side.iter().map(|r| r.description.as_str()).collect()
    }

    #[test]
    fn keeps_twenty_levels_and_a_new_change_clears_redo() {
        let mut h = UndoHistory::default();
        for n in 0..25 {
            h.record(rec(n));
        }
        assert_eq!(h.undo.len(), UndoHistory::LEVELS);
        assert_eq!(h.undo[0].description, "change 5");
        let last = rec(24);
        h.take(UndoDirection::Undo, &last);
        h.finished(
            HistoryStep {
                direction: UndoDirection::Undo,
                record: last,
            },
            Some(rec(99)),
        );
        // The redo record keeps the original change's name.
        assert_eq!(descriptions(&h.redo), ["change 24"]);
        assert_eq!(h.next(UndoDirection::Undo), Some(&rec(23)));
        h.record(rec(30));
        assert!(h.redo.is_empty());
    }

    #[test]
    fn a_step_that_changed_nothing_goes_back() {
        let mut h = UndoHistory::default();
        h.record(rec(1));
        h.take(UndoDirection::Undo, &rec(1));
        assert!(h.is_empty());
        let step = HistoryStep {
            direction: UndoDirection::Undo,
            record: rec(1),
        };
        h.finished(step, None);
        assert_eq!(descriptions(&h.undo), ["change 1"]);
        assert!(h.redo.is_empty());
    }

    #[test]
    fn reads_the_whole_history_and_the_old_single_record() {
        let mut h = UndoHistory::default();
        h.record(rec(1));
        h.redo.push(rec(2));
        let bytes = serde_json::to_vec(&h).unwrap();
        assert_eq!(UndoHistory::from_json(&bytes).unwrap(), h);
        let old = serde_json::to_vec(&rec(7)).unwrap();
        let read = UndoHistory::from_json(&old).unwrap();
        assert_eq!(
            (descriptions(&read.undo), read.redo.len()),
            (vec!["change 7"], 0)
        );
        assert!(UndoHistory::from_json(b"{\"undo\": 3}").is_err());
    }
}
