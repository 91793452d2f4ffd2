//! Undo and redo of batch renames: each says what it does, levels go back one by one, redo
//! does again what undo reversed, a new change clears redo, and the journal is saved after
//! every change to it.

use super::ops::{cloud, two_clouds};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::fs::EntryKey;
use pretty_assertions::assert_eq;

/// A record that renames entry `id` from `from` to `to` in `at`.
fn rename(at: &crate::fs::Location, id: i64, from: &str, to: &str) -> UndoRecord {
    UndoRecord {
        description: format!("rename of 1 entry ({from})"),
        actions: vec![UndoAction::Rename {
            at: at.clone(),
            key: EntryKey::Cloud(id),
            from: from.into(),
            to: to.into(),
        }],
    }
}

/// Ends operation `op` as done, with `undo` as its reverse; returns the effects.
fn finish(m: &mut Model, op: OpId, undo: Option<UndoRecord>) -> Vec<Effect> {
    let report = OpReport {
        ok: 1,
        undo,
        ..OpReport::default()
    };
    let report = Box::new(report);
    update(m, Msg::Op(OpMsg::Finished { op, report }))
}

/// The question's title after `keys`, then `y`: the operation started.
fn ask_and_accept(m: &mut Model, keys: &str) -> (String, OpId, OpSpec) {
    press(m, keys);
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!("a question, got {:?}", m.modal)
    };
    let title = state.title.clone();
    let effects = press(m, "y");
    let [Effect::Op { id, spec }] = &effects[..] else {
        panic!("one operation, got {effects:?}")
    };
    let (id, spec) = (*id, spec.clone());
    (title, id, spec)
}

fn saved(effects: &[Effect]) -> Option<&UndoHistory> {
    effects.iter().find_map(|e| match e {
        Effect::SaveUndo(h) => Some(h),
        _ => None,
    })
}

#[test]
fn undo_and_redo_say_what_they_do_and_walk_the_levels() {
    let mut m = two_clouds(vec![cloud(1, "a2", false), cloud(2, "b2", false)], vec![]);
    let at = m.focused().location.clone();
    // Two batches renamed a1 → a2, then b1 → b2; their records reverse them.
    let effects = finish(&mut m, 7, Some(rename(&at, 1, "a2", "a1")));
    assert_eq!(saved(&effects).map(|h| h.undo.len()), Some(1));
    finish(&mut m, 8, Some(rename(&at, 2, "b2", "b1")));

    let (title, op, spec) = ask_and_accept(&mut m, "U");
    assert_eq!(title, "Undo the rename of 1 entry (b2)?");
    let OpSpec::Rename { steps, .. } = spec else {
        panic!()
    };
    assert_eq!((steps[0].from.as_str(), steps[0].to.as_str()), ("b2", "b1"));
    assert!(m.ops[0].label.starts_with("Undoing the rename"));
    // The undo's own reverse is the redo; it keeps the name of the change it redoes.
    let effects = finish(&mut m, op, Some(rename(&at, 2, "b1", "b2")));
    assert_eq!(status_text(&m), "Undid the rename of 1 entry (b2)");
    let h = saved(&effects).expect("the journal is saved");
    assert_eq!((h.undo.len(), h.redo.len()), (1, 1));
    assert_eq!(h.redo[0].description, "rename of 1 entry (b2)");

    // A second U goes one level further back: it does not redo.
    press(&mut m, "U");
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert_eq!(state.title, "Undo the rename of 1 entry (a2)?");
    press(&mut m, "n");

    let (title, op, spec) = ask_and_accept(&mut m, "<C-y>");
    assert_eq!(title, "Redo the rename of 1 entry (b2)?");
    let OpSpec::Rename { steps, .. } = spec else {
        panic!()
    };
    assert_eq!((steps[0].from.as_str(), steps[0].to.as_str()), ("b1", "b2"));
    assert!(m.undo.redo.is_empty(), "taken off while it runs");
    finish(&mut m, op, Some(rename(&at, 2, "b2", "b1")));
    assert_eq!(status_text(&m), "Redid the rename of 1 entry (b2)");
    assert_eq!(m.undo.undo.len(), 2);
    press(&mut m, "<C-y>");
    assert!(m.modal.is_none());
    assert_eq!(status_text(&m), "Nothing to redo");
}

#[test]
fn a_new_change_clears_redo_and_a_failed_undo_keeps_its_record() {
    let mut m = two_clouds(vec![cloud(1, "a2", false)], vec![]);
    let at = m.focused().location.clone();
    finish(&mut m, 7, Some(rename(&at, 1, "a2", "a1")));
    let (_, op, _) = ask_and_accept(&mut m, "U");
    // Nothing could be undone (the entry was renamed meanwhile): the record stays.
    let report = OpReport {
        failed: vec![("a2".into(), "not found".into())],
        ..OpReport::default()
    };
    let report = Box::new(report);
    let effects = update(&mut m, Msg::Op(OpMsg::Finished { op, report }));
    assert_eq!(status_text(&m), "Undo: 0 done, 1 failed");
    assert_eq!(saved(&effects).map(|h| h.undo.len()), Some(1));
    press(&mut m, "<Esc>");

    let (_, op, _) = ask_and_accept(&mut m, "U");
    finish(&mut m, op, Some(rename(&at, 1, "a1", "a2")));
    assert_eq!(m.undo.redo.len(), 1);
    finish(&mut m, 99, Some(rename(&at, 1, "x", "y")));
    assert!(
        m.undo.redo.is_empty(),
        "a new change ends what could be redone"
    );
    assert_eq!(m.undo.undo.len(), 1);
}

#[test]
fn the_journal_keeps_twenty_levels() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    let at = m.focused().location.clone();
    for i in 0..25 {
        finish(&mut m, 100 + i, Some(rename(&at, 1, &format!("n{i}"), "a")));
    }
    assert_eq!(m.undo.undo.len(), UndoHistory::LEVELS);
    assert_eq!(m.undo.undo[0].description, "rename of 1 entry (n5)");
}
