//! Renaming: one entry through a prompt, marked entries through the batch-rename dialog (the
//! pattern form with a live preview), or any entries through `$EDITOR`. Nothing is sent until
//! the preview is clean and the user accepts it.

use super::moves::{selection, start};
use crate::app::{
    Effect, InputPurpose, Modal, Model, RENAME_FIELDS, RenameState, RenameStep, Side,
};
use crate::config::Command;
use crate::fs::Location;
use crate::plan::{CaseChange, NameRules, PlanStatus, RenamePlan, RenameRequest, Scope};
use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// `r`: restore in the trash, batch rename with marks, otherwise rename the cursor entry.
pub fn rename(model: &mut Model) {
    let pane = model.focused();
    // In the trash `r` restores (`route::rename` sends it there).
    if pane.location == Location::Trash {
        return;
    }
    if !matches!(pane.location, Location::Local(_) | Location::Cloud(_)) {
        model.error("Rename entries in their directory (open it from the search results first)");
        return;
    }
    if !pane.marks.is_empty() {
        open_batch(model, None);
        return;
    }
    let Some(item) = selection(model).into_iter().next() else {
        return;
    };
    let stem_end = match item.name.rfind('.') {
        Some(i) if i > 0 && !item.is_dir => item.name[..i].chars().count(),
        _ => item.name.chars().count(),
    };
    super::moves::open(model, InputPurpose::Rename, &item.name);
    if let Some(Modal::Input(state)) = &mut model.modal {
        state.input = state.input.clone().with_cursor(stem_end);
        state.target = Some(item);
    }
}

pub fn accept_single(model: &mut Model, side: Side, new: &str) -> Result<Vec<Effect>, String> {
    let Some(Modal::Input(state)) = &model.modal else {
        return Ok(vec![]);
    };
    let Some(item) = state.target.clone() else {
        return Ok(vec![]);
    };
    let pane = model.pane(side);
    let siblings: Vec<&str> = pane.listing.all().iter().map(|e| e.name.as_str()).collect();
    let rules = if pane.location.is_cloud() {
        NameRules::Cloud
    } else {
        NameRules::local_for_this_os()
    };
    let request = RenameRequest::new(0usize, item.name.clone(), new, item.is_dir);
    let plan = RenamePlan::build(&siblings, vec![request], rules);
    match &plan.items()[0].status {
        PlanStatus::Ok => {}
        PlanStatus::Unchanged => {
            model.modal = None;
            return Ok(vec![]);
        }
        PlanStatus::Conflict(c) => return Err(c.to_string()),
        PlanStatus::Invalid(e) => return Err(e.to_string()),
    }
    let at = pane.location.clone();
    let step = RenameStep {
        key: item.key.clone(),
        from: item.name.clone(),
        to: new.to_owned(),
    };
    model.modal = None;
    let mut key = item.key;
    if let crate::fs::EntryKey::Local(_) = key {
        key = crate::fs::EntryKey::Local(new.into());
    }
    model.pane_mut(side).want_cursor = Some(key);
    Ok(vec![start(
        model,
        crate::app::OpSpec::Rename {
            at,
            steps: vec![step],
        },
    )])
}

fn open_batch(model: &mut Model, edited: Option<Vec<String>>) {
    let pane = model.focused();
    let items = if edited.is_some() && pane.marks.is_empty() {
        pane.listing
            .visible()
            .map(|e| crate::app::OpItem {
                key: e.key.clone(),
                name: e.name.clone(),
                is_dir: e.is_dir(),
            })
            .collect()
    } else {
        selection(model)
    };
    let siblings = pane.listing.all().iter().map(|e| e.name.clone()).collect();
    let state = RenameState::new(pane.location.clone(), items, siblings, edited);
    model.modal = Some(Modal::Rename(Box::new(state)));
}

/// `R`: the marked entries (or every visible one) go to `$EDITOR`, one name per line.
pub fn edit(model: &mut Model) -> Vec<Effect> {
    if !matches!(
        model.focused().location,
        Location::Local(_) | Location::Cloud(_)
    ) {
        model.error("Rename entries in their directory");
        return vec![];
    }
    let pane = model.focused();
    let names: Vec<String> = if pane.marks.is_empty() {
        pane.listing.visible().map(|e| e.name.clone()).collect()
    } else {
        selection(model).into_iter().map(|i| i.name).collect()
    };
    if names.is_empty() {
        return vec![];
    }
    if let Err(e) = crate::plan::editor::render(&names) {
        model.error(e.to_string());
        return vec![];
    }
    vec![Effect::EditNames { names }]
}

pub fn edited(model: &mut Model, result: Result<String, String>) {
    let text = match result {
        Ok(text) => text,
        Err(e) => {
            model.error(format!("Editor: {e}"));
            return;
        }
    };
    let count = if model.focused().marks.is_empty() {
        model.focused().listing.len()
    } else {
        model.focused().marks.len()
    };
    match crate::plan::editor::parse(count, &text) {
        Ok(names) => open_batch(model, Some(names)),
        Err(e) => model.error(format!("Nothing renamed: {e}")),
    }
}

/// Typing goes to the focused field of the pattern form.
pub fn type_key(model: &mut Model, ev: KeyEvent) {
    let Some(Modal::Rename(state)) = &mut model.modal else {
        return;
    };
    if state.edited.is_some() {
        return;
    }
    let before = state.fields[state.focus].value().to_owned();
    state.fields[state.focus].handle_event(&Event::Key(ev));
    if state.fields[state.focus].value() != before {
        state.recompute();
    }
}

/// A paste goes into the focused field of the pattern form, at its cursor.
pub fn paste(model: &mut Model, text: &str) -> bool {
    let Some(Modal::Rename(state)) = &mut model.modal else {
        return false;
    };
    if state.edited.is_none() {
        let line = text.lines().next().unwrap_or_default();
        super::moves::insert(&mut state.fields[state.focus], line);
        state.recompute();
    }
    true
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let page = model.viewport.list_rows();
    let Some(Modal::Rename(state)) = &mut model.modal else {
        return vec![];
    };
    let n = RENAME_FIELDS.len();
    let form_only = matches!(
        cmd,
        Command::NextField
            | Command::PrevField
            | Command::ToggleRegex
            | Command::ToggleIgnoreCase
            | Command::CycleCase
            | Command::CycleScope
    );
    if form_only && state.edited.is_some() {
        // Names from the editor have no pattern form: these keys are not offered there.
        return vec![];
    }
    match cmd {
        Command::Accept => return accept_batch(model),
        Command::Escape => model.modal = None,
        Command::Quit => model.quit = true,
        Command::NextField => state.focus = (state.focus + 1) % n,
        Command::PrevField => state.focus = (state.focus + n - 1) % n,
        Command::CursorDown => state.scroll += 1,
        Command::CursorUp => state.scroll = state.scroll.saturating_sub(1),
        Command::PageDown => state.scroll += page,
        Command::PageUp => state.scroll = state.scroll.saturating_sub(page),
        Command::ToggleRegex => state.regex = !state.regex,
        Command::ToggleIgnoreCase => state.ignore_case = !state.ignore_case,
        Command::CycleCase => {
            state.case = match state.case {
                CaseChange::Keep => CaseChange::Lower,
                CaseChange::Lower => CaseChange::Upper,
                CaseChange::Upper => CaseChange::Title,
                CaseChange::Title => CaseChange::Keep,
            }
        }
        Command::CycleScope => {
            state.scope = match state.scope {
                Scope::Whole => Scope::Stem,
                Scope::Stem => Scope::Extension,
                Scope::Extension => Scope::Whole,
            }
        }
        Command::AutoFix => state.fix_duplicates = !state.fix_duplicates,
        _ => return vec![],
    }
    if let Some(Modal::Rename(state)) = &mut model.modal {
        state.scroll = state.scroll.min(state.preview.rows.len().saturating_sub(1));
        state.recompute();
    }
    vec![]
}

fn accept_batch(model: &mut Model) -> Vec<Effect> {
    let Some(Modal::Rename(state)) = &model.modal else {
        return vec![];
    };
    let p = &state.preview;
    if let Some(e) = &p.error {
        model.error(format!("Fix the pattern first: {e}"));
        return vec![];
    }
    if p.problems > 0 {
        model.error(format!(
            "{} entries have problems (marked in red); fix them or press C-n",
            p.problems
        ));
        return vec![];
    }
    if p.changes == 0 {
        model.error("Nothing would change");
        return vec![];
    }
    let spec = crate::app::OpSpec::Rename {
        at: state.at.clone(),
        steps: p.steps.clone(),
    };
    model.modal = None;
    super::moves::clear(model);
    vec![start(model, spec)]
}
