//! The shares panel (`P`): both share lists, read to their ends; the cursor and marks; `y`
//! copies the links (and codes) of the marked shares, `e` opens the dialog on their switches
//! and traffic limit, `r` reads the lists again. Every `SharesMsg` arrives through `route::shares`.

use crate::app::{Effect, Modal, Model, ShareEffect, ShareForm, SharesView, share_line};
use crate::config::Command;

/// `P`: the panel, empty until the lists arrive.
pub fn show(model: &mut Model) -> Vec<Effect> {
    if !model.cloud_enabled {
        model.error("Shares belong to a cloud account: none is set up (panfm login)");
        return vec![];
    }
    reopen(model, SharesView::default())
}

/// Shows `view` and reads the lists again.
pub fn reopen(model: &mut Model, mut view: SharesView) -> Vec<Effect> {
    let ticket = model.take_ticket();
    view.loading = Some(ticket);
    view.error = None;
    model.modal = Some(Modal::Shares(Box::new(view)));
    vec![Effect::Share(ShareEffect::List { ticket })]
}

pub fn listed(
    model: &mut Model,
    ticket: crate::app::Ticket,
    result: Result<Vec<crate::api::ShareInfo>, String>,
) {
    let Some(Modal::Shares(view)) = &mut model.modal else {
        return;
    };
    if view.loading != Some(ticket) {
        return;
    }
    view.loading = None;
    match result {
        Ok(rows) => {
            view.marked.retain(|id| rows.iter().any(|s| s.id == *id));
            view.cursor = view.cursor.min(rows.len().saturating_sub(1));
            view.rows = rows;
        }
        Err(why) => view.error = Some(why),
    }
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let page = model.viewport.list_rows().saturating_sub(2).max(1);
    let Some(Modal::Shares(view)) = &mut model.modal else {
        return vec![];
    };
    let last = view.rows.len().saturating_sub(1);
    match cmd {
        Command::CursorDown => view.cursor = (view.cursor + 1).min(last),
        Command::CursorUp => view.cursor = view.cursor.saturating_sub(1),
        Command::PageDown => view.cursor = (view.cursor + page).min(last),
        Command::PageUp => view.cursor = view.cursor.saturating_sub(page),
        Command::Top => view.cursor = 0,
        Command::Bottom => view.cursor = last,
        Command::ToggleMark => {
            if let Some(id) = view.rows.get(view.cursor).map(|s| s.id) {
                if !view.marked.remove(&id) {
                    view.marked.insert(id);
                }
                view.cursor = (view.cursor + 1).min(last);
            }
        }
        Command::MarkAll => view.marked = view.rows.iter().map(|s| s.id).collect(),
        Command::ClearMarks => view.marked.clear(),
        Command::CopyLinks | Command::CopyMarkdownLinks => return copy(model),
        Command::ShareSettings => settings(model),
        Command::Refresh => {
            let view = std::mem::take(view.as_mut());
            return reopen(model, view);
        }
        Command::Escape => model.modal = None,
        Command::Quit => model.quit = true,
        _ => {}
    }
    vec![]
}

/// `y`: one line per chosen share, its link and code.
fn copy(model: &mut Model) -> Vec<Effect> {
    let Some(Modal::Shares(view)) = &model.modal else {
        return vec![];
    };
    let lines: Vec<String> = view
        .chosen()
        .iter()
        .map(|s| share_line(&s.link(), &s.code))
        .collect();
    let text = lines.join("\n");
    match lines.as_slice() {
        [] => return vec![],
        [one] => model.info(format!("Copied {one}")),
        many => model.info(format!("Copied the links of {} shares", many.len())),
    }
    vec![Effect::Clipboard { text }]
}

/// `e`: the dialog on the chosen shares' switches, starting from the cursor share's.
fn settings(model: &mut Model) {
    let Some(Modal::Shares(view)) = &model.modal else {
        return;
    };
    let chosen: Vec<(i64, bool)> = view.chosen().iter().map(|s| (s.id, s.is_paid())).collect();
    let Some(current) = view
        .rows
        .get(view.cursor)
        .filter(|s| chosen.iter().any(|(id, _)| *id == s.id))
        .or_else(|| view.chosen().first().copied())
        .cloned()
    else {
        return;
    };
    let back = view.as_ref().clone();
    let form = ShareForm::edit(chosen, &current, back);
    model.modal = Some(Modal::Share(Box::new(form)));
}
