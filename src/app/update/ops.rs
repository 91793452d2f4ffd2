//! File operations from the browser: mkdir, delete, copy, move, the confirmation step before
//! anything runs, and applying results (summary, panes patched from the answers, cursor on a
//! sensible entry, the undo record). Undo itself is in `undo`, the trash view in `trash`.

use crate::app::{
    ConfirmState, Effect, InputPurpose, Modal, Model, OpItem, OpMsg, OpProgress, OpReport, OpSpec,
    Side,
};
use crate::fs::Location;

/// The marked entries of the focused pane in display order, or else the cursor entry.
pub fn selection(model: &Model) -> Vec<OpItem> {
    let pane = model.focused();
    let item = |e: &crate::fs::Entry| OpItem {
        key: e.key.clone(),
        name: e.name.clone(),
        is_dir: e.is_dir(),
    };
    if pane.marks.is_empty() {
        return pane.current().map(item).into_iter().collect();
    }
    pane.listing
        .visible()
        .filter(|e| pane.marks.contains(&e.key))
        .map(item)
        .collect()
}

/// Starts `spec` now: allocates its id and shows it as running.
pub fn start(model: &mut Model, spec: OpSpec) -> Effect {
    let id = model.next_op;
    model.next_op += 1;
    let label = spec.summary();
    model.ops.push(OpProgress {
        id,
        label,
        done: 0,
        total: spec.len(),
    });
    Effect::Op { id, spec }
}

pub(super) fn ask(
    model: &mut Model,
    title: String,
    lines: Vec<String>,
    spec: OpSpec,
    danger: bool,
) {
    model.modal = Some(Modal::Confirm(ConfirmState {
        title,
        lines,
        spec,
        danger,
    }));
}

pub(super) fn names(items: &[OpItem]) -> Vec<String> {
    let mut lines: Vec<String> = items
        .iter()
        .take(8)
        .map(|i| format!("  {}", i.name))
        .collect();
    if items.len() > 8 {
        lines.push(format!("  … and {} more", items.len() - 8));
    }
    lines
}

/// "1 item", "3 items".
pub fn count(n: usize) -> String {
    if n == 1 {
        "1 item".to_owned()
    } else {
        format!("{n} items")
    }
}

fn writable_dir(loc: &Location) -> bool {
    matches!(
        loc,
        Location::Local(_) | Location::Cloud(_) | Location::Images(_)
    )
}

pub fn mkdir(model: &mut Model) {
    if !writable_dir(&model.focused().location) {
        model.error("New directories go into a directory, not into search results or the trash");
        return;
    }
    super::input::open(model, InputPurpose::Mkdir, "");
}

pub fn accept_mkdir(model: &mut Model, side: Side, name: &str) -> Result<Vec<Effect>, String> {
    let at = model.pane(side).location.clone();
    let checked = if !matches!(at, Location::Local(_)) {
        crate::plan::validate_cloud_name(name)
    } else {
        crate::plan::validate_local_name(name)
    };
    checked.map_err(|e| e.to_string())?;
    model.modal = None;
    Ok(vec![start(
        model,
        OpSpec::Mkdir {
            at,
            name: name.to_owned(),
        },
    )])
}

pub fn delete(model: &mut Model) -> Vec<Effect> {
    let items = selection(model);
    if items.is_empty() {
        return vec![];
    }
    let at = model.focused().location.clone();
    let n = items.len();
    let (title, danger, spec) = match &at {
        Location::Trash => (
            format!(
                "Delete {} from the trash for good? This cannot be undone.",
                count(n)
            ),
            true,
            OpSpec::Delete {
                at: at.clone(),
                items: items.clone(),
            },
        ),
        Location::Cloud(_) | Location::Search(_) => (
            format!(
                "Move {} to the cloud trash? (T shows the trash, where they can be restored)",
                count(n)
            ),
            false,
            OpSpec::Trash {
                at: at.clone(),
                items: items.clone(),
            },
        ),
        Location::Local(_) => return super::delete::ask(model, at, items),
        Location::Images(_) => {
            super::images::ask_delete(model, at, items);
            return vec![];
        }
    };
    ask(model, title, names(&items), spec, danger);
    vec![]
}

/// Copy (`copy`) or move the selection into the other pane's directory.
pub fn transfer(model: &mut Model, copy: bool) -> Vec<Effect> {
    let items = selection(model);
    let (from, to) = (
        model.focused().location.clone(),
        model.pane(model.focus.other()).location.clone(),
    );
    let verb = if copy { "Copy" } else { "Move" };
    if items.is_empty() {
        return vec![];
    }
    if from.is_images() || to.is_images() {
        return super::images::transfer(model, items, from, to, copy);
    }
    if !writable_dir(&to) {
        model.error(format!(
            "{verb} into a directory: the other pane shows {}",
            to.display()
        ));
        return vec![];
    }
    if from.is_cloud() != to.is_cloud() {
        return super::transfers::ask(model, !copy);
    }
    if !matches!(from, Location::Local(_) | Location::Cloud(_)) && !copy {
        model.error("Move entries from their directory, not from search results or the trash");
        return vec![];
    }
    if from == to {
        model.error(format!("{verb}: both panes show {}", to.display()));
        return vec![];
    }
    let spec = if copy {
        OpSpec::Copy { from, items, to }
    } else {
        OpSpec::Move { from, items, to }
    };
    ask_transfer(model, spec);
    vec![]
}

/// The question before a copy or move (its destination can be changed with `e`).
pub fn ask_transfer(model: &mut Model, spec: OpSpec) {
    if super::copy::queued(model, &spec) {
        return super::copy::ask(model, spec);
    }
    let (verb, items, to) = match &spec {
        OpSpec::Copy { items, to, .. } => ("Copy", items, to),
        OpSpec::Move { items, to, .. } => ("Move", items, to),
        _ => return,
    };
    let title = format!(
        "{verb} {} to {}?   (e: another destination)",
        count(items.len()),
        to.display()
    );
    let lines = names(items);
    ask(model, title, lines, spec, false);
}

pub fn confirm(model: &mut Model, accept: bool, by_enter: bool) -> Vec<Effect> {
    let Some(Modal::Confirm(state)) = model.modal.clone() else {
        return vec![];
    };
    if !accept {
        model.modal = None;
        return vec![];
    }
    if state.danger && by_enter {
        model.error("This cannot be undone: press y to confirm, n to cancel");
        return vec![];
    }
    model.modal = None;
    // The marks were the question's items; they are spent once it is answered.
    super::marks::clear(model);
    vec![start(model, state.spec)]
}

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
    let label = model
        .ops
        .iter()
        .find(|p| p.id == op)
        .map(|p| p.label.clone())
        .unwrap_or_default();
    model.ops.retain(|p| p.id != op);
    let verb = label.split(' ').next().unwrap_or("Done");
    if report.failed.is_empty() {
        model.info(label);
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
    if let Some(record) = report.undo {
        model.undo = Some(record);
    }
    let mut effects = super::patch::apply(model, &report.patch, report.focus.as_ref());
    if !report.orphaned.is_empty() {
        orphans(model, report.orphaned);
    }
    if let Some(across) = report.across {
        effects.extend(super::copy::across(model, across));
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
