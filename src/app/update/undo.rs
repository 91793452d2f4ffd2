//! Undo and redo of batch renames and moves: the journal's next record previewed in a
//! question, then run as one operation that reverses it (or does it again). Where the record
//! goes once that operation ends is `UndoHistory::finished`'s business.

use super::moves::ask;
use crate::app::{HistoryStep, Model, OpSpec, RenameStep, UndoAction, UndoDirection};

pub fn undo(model: &mut Model) {
    ask_step(model, UndoDirection::Undo);
}

pub fn redo(model: &mut Model) {
    ask_step(model, UndoDirection::Redo);
}

fn ask_step(model: &mut Model, direction: UndoDirection) {
    let Some(record) = model.undo.next(direction).cloned() else {
        let what = direction.verb().to_lowercase();
        model.info(format!("Nothing to {what}"));
        return;
    };
    let Some(spec) = spec_of(&record.actions) else {
        model.error("The undo journal is damaged; nothing was changed");
        return;
    };
    let mut lines: Vec<String> = record.actions.iter().take(8).map(describe).collect();
    if record.actions.len() > 8 {
        lines.push(format!("  … and {} more", record.actions.len() - 8));
    }
    let title = format!("{} the {}?", direction.verb(), record.description);
    ask(model, title, lines, spec, false);
    if let Some(crate::app::Modal::Confirm(state)) = &mut model.modal {
        state.step = Some(HistoryStep { direction, record });
    }
}

fn describe(action: &UndoAction) -> String {
    match action {
        UndoAction::Rename { from, to, .. } => format!("  {from} → {to}"),
        UndoAction::Move { item, back_to, .. } => {
            format!("  {} → {}", item.name, back_to.display())
        }
    }
}

/// One operation that runs a record's `actions` (all renames in one directory, or all moves
/// between the same two directories, as a batch produces them). Records on either side of the
/// journal hold the actions that take the step.
fn spec_of(actions: &[UndoAction]) -> Option<OpSpec> {
    match actions.first()? {
        UndoAction::Rename { at, .. } => {
            let steps = actions
                .iter()
                .map(|a| match a {
                    UndoAction::Rename { key, from, to, .. } => Some(RenameStep {
                        key: key.clone(),
                        from: from.clone(),
                        to: to.clone(),
                    }),
                    UndoAction::Move { .. } => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Some(OpSpec::Rename {
                at: at.clone(),
                steps,
            })
        }
        UndoAction::Move {
            now_in, back_to, ..
        } => {
            let items = actions
                .iter()
                .map(|a| match a {
                    UndoAction::Move { item, .. } => Some(item.clone()),
                    UndoAction::Rename { .. } => None,
                })
                .collect::<Option<Vec<_>>>()?;
            Some(OpSpec::Move {
                from: now_in.clone(),
                items,
                to: back_to.clone(),
            })
        }
    }
}
