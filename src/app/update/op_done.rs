//! Applying what a file operation reports: progress, then the summary (or a report of what
//! failed), the undo journal (a new change, or where an undo's or redo's record goes, saved
//! after each change), the panes patched from the answers with the cursor on a sensible entry,
//! and a new home offered to restored items whose folder is gone.

use super::moves::{ask, count, names};
use crate::app::{Effect, Modal, Model, OpItem, OpMsg, OpReport, OpSpec};
use crate::fs::Location;

pub fn update(model: &mut Model, msg: OpMsg) -> Vec<Effect> {
    match msg {
        OpMsg::Progress { op, done, total } => {
            if let Some(p) = model.ops.iter_mut().find(|p| p.id == op) {
                (p.done, p.total) = (done, total);
            }
            vec![]
        }
        OpMsg::Finished { op, report } => finished(model, op, *report),
    }
}

fn finished(model: &mut Model, op: crate::app::OpId, report: OpReport) -> Vec<Effect> {
    let (done, step) = match model.ops.iter().position(|p| p.id == op) {
        Some(i) => {
            let p = model.ops.remove(i);
            (p.done_text, p.step)
        }
        None => (String::new(), None),
    };
    let verb = match &step {
        Some(s) => s.direction.verb(),
        None => done.split(' ').next().unwrap_or("Done"),
    };
    if report.failed.is_empty() {
        model.info(done);
    } else {
        let title = format!("{verb}: {} done, {} failed", report.ok, report.failed.len());
        let lines = report
            .failed
            .iter()
            .map(|(n, why)| format!("{n}: {why}"))
            .collect();
        model.error(title.clone());
        model.modal = Some(Modal::Report {
            title,
            lines,
            scroll: 0,
        });
    }
    let journal = match (step, report.undo) {
        (Some(step), reverse) => {
            model.undo.finished(step, reverse);
            true
        }
        (None, Some(record)) => {
            model.undo.record(record);
            true
        }
        (None, None) => false,
    };
    let mut effects = super::moves::apply(model, &report.patch, report.focus.as_ref());
    if journal {
        effects.push(Effect::SaveUndo(model.undo.clone()));
    }
    if !report.orphaned.is_empty() {
        orphans(model, report.orphaned);
    }
    if let Some(across) = report.across {
        effects.extend(super::moves::across(model, across));
    }
    effects
}

/// Restored items whose folder is gone: offer the other pane's cloud folder instead.
fn orphans(model: &mut Model, items: Vec<OpItem>) {
    let to = match &model.pane(model.focus.other()).location {
        Location::Cloud(dir) => dir.clone(),
        _ => crate::fs::CloudDir::root(),
    };
    let title = format!(
        "{} cannot go back: their folder is gone. Restore them into {}?",
        count(items.len()),
        to.path()
    );
    ask(
        model,
        title,
        names(&items),
        OpSpec::Restore {
            items: items.clone(),
            to: Some(to),
        },
        false,
    );
}
