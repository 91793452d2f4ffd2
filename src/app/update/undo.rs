//! Undo of the last batch rename or move: the journal's actions previewed in a question,
//! then run as one operation that reverses them.

use super::ops::ask;
use crate::app::{Model, OpSpec, RenameStep, UndoAction};

pub fn undo(model: &mut Model) {
    let Some(record) = model.undo.clone() else {
        model.info("Nothing to undo");
        return;
    };
    let Some(spec) = undo_spec(&record.actions) else {
        model.error("The undo journal is damaged; nothing was changed");
        return;
    };
    let mut lines: Vec<String> = record.actions.iter().take(8).map(describe).collect();
    if record.actions.len() > 8 {
        lines.push(format!("  … and {} more", record.actions.len() - 8));
    }
    ask(
        model,
        format!("Undo the {}?", record.description),
        lines,
        spec,
        false,
    );
}

fn describe(action: &UndoAction) -> String {
    match action {
        UndoAction::Rename { from, to, .. } => format!("  {from} → {to}"),
        UndoAction::Move { item, back_to, .. } => {
            format!("  {} → {}", item.name, back_to.display())
        }
    }
}

/// One operation that reverses `actions` (all renames in one directory, or all moves between
/// the same two directories, as a batch produces them).
fn undo_spec(actions: &[UndoAction]) -> Option<OpSpec> {
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
