//! The share dialog: `p` on cloud entries opens it (at most 100 of them, said before anything
//! is sent), Tab/↑/↓ move between rows, text rows take typing, choice rows change with
//! Space/←/→, `C-g` draws a new code. Enter checks the name, the code and the limit and only
//! then sends; the link and the code come back to the clipboard and a popup. The same form
//! edits the switches of shares from the panel.

use super::moves::selection;
use crate::api::{
    SHARE_MAX_ITEMS, ShareExpiry, ShareRequest, ShareSettings, check_share_code, check_share_name,
    parse_traffic_limit,
};
use crate::app::{
    Effect, Modal, Model, ShareEffect, ShareField, ShareForm, ShareFormMode, SharesView, next_code,
    share_line,
};
use crate::config::Command;
use crate::fs::{EntryKey, Location};
use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

/// `p`: the dialog for the marked (or cursor) entries of a cloud folder or search results.
pub fn open(model: &mut Model) {
    let location = model.focused().location.clone();
    let from = match &location {
        Location::Cloud(dir) => format!("cloud:{}", dir.path()),
        Location::Search(_) => "the search results".to_owned(),
        Location::Trash => {
            model.error("Items in the trash cannot be shared: restore them first (r)");
            return;
        }
        _ => {
            model.error("Shares are of cloud items: switch this pane to the cloud drive (b)");
            return;
        }
    };
    let items: Vec<(i64, String)> = selection(model)
        .into_iter()
        .filter_map(|i| match i.key {
            EntryKey::Cloud(id) => Some((id, i.name)),
            _ => None,
        })
        .collect();
    match items.len() {
        0 => return,
        n if n > SHARE_MAX_ITEMS => {
            model.error(format!(
                "{n} entries are marked; a share holds at most {SHARE_MAX_ITEMS}: \
                 unmark some, or share their folder"
            ));
            return;
        }
        _ => {}
    }
    let code = next_code(&mut model.entropy);
    model.modal = Some(Modal::Share(Box::new(ShareForm::create(items, from, code))));
}

fn form(model: &mut Model) -> Option<&mut ShareForm> {
    match &mut model.modal {
        Some(Modal::Share(form)) => Some(form),
        _ => None,
    }
}

/// A key the dialog's keymap does not bind: typing into a text row, or changing a choice.
pub fn type_key(model: &mut Model, ev: KeyEvent) {
    let Some(form) = form(model) else { return };
    if form.busy {
        return;
    }
    let field = form.focused();
    let step = match ev.code {
        KeyCode::Char(' ') | KeyCode::Right => 1,
        KeyCode::Left => -1,
        _ => 0,
    };
    match field {
        ShareField::Expiry if step != 0 => {
            let all = ShareExpiry::ALL;
            let at = all.iter().position(|e| *e == form.expiry).unwrap_or(0);
            let next = (at as isize + step).rem_euclid(all.len() as isize) as usize;
            form.expiry = all[next];
        }
        ShareField::Guests if step != 0 => form.access.guests = !form.access.guests,
        ShareField::OverQuota if step != 0 => form.access.over_quota = !form.access.over_quota,
        text => {
            if let Some(input) = form.input_mut(text) {
                input.handle_event(&Event::Key(ev));
            }
        }
    }
    form.error = None;
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(form) = form(model) else {
        return vec![];
    };
    let n = form.fields().len();
    match cmd {
        Command::NextField | Command::CursorDown => form.focus = (form.focus + 1) % n,
        Command::PrevField | Command::CursorUp => form.focus = (form.focus + n - 1) % n,
        Command::GenerateCode if matches!(form.mode, ShareFormMode::Create { .. }) => {
            let code = next_code(&mut model.entropy);
            if let Some(form) = self::form(model) {
                form.code = tui_input::Input::new(code);
            }
        }
        Command::Accept if !form.busy => return submit(model),
        Command::Escape => close(model),
        _ => {}
    }
    vec![]
}

/// Esc: an edit goes back to the panel, a new share is dropped.
fn close(model: &mut Model) {
    let Some(Modal::Share(form)) = model.modal.take() else {
        return;
    };
    if let ShareFormMode::Edit { back, .. } = form.mode {
        model.modal = Some(Modal::Shares(back));
    }
}

/// What the form asks for, or the first thing wrong with it.
fn settings(form: &ShareForm) -> Result<ShareSettings, String> {
    let limit = parse_traffic_limit(form.limit.value())?;
    Ok(ShareSettings {
        access: Some(form.access),
        traffic_limit: Some(limit),
    })
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let Some(form) = form(model) else {
        return vec![];
    };
    let effect = match build(form) {
        Ok(effect) => effect,
        Err(why) => {
            form.error = Some(why);
            return vec![];
        }
    };
    form.busy = true;
    form.error = None;
    vec![Effect::Share(effect)]
}

fn build(form: &ShareForm) -> Result<ShareEffect, String> {
    let settings = settings(form)?;
    match &form.mode {
        ShareFormMode::Create { items, .. } => {
            let name = form.name.value().trim().to_owned();
            check_share_name(&name)?;
            let code = form.code.value().trim();
            if !code.is_empty() {
                check_share_code(code)?;
            }
            Ok(ShareEffect::Create {
                request: ShareRequest {
                    name,
                    expiry: form.expiry,
                    file_ids: items.iter().map(|(id, _)| *id).collect(),
                    code: (!code.is_empty()).then(|| code.to_owned()),
                    settings,
                },
            })
        }
        ShareFormMode::Edit { shares, .. } => {
            let (paid, free): (Vec<_>, Vec<_>) = shares.iter().partition(|(_, paid)| *paid);
            Ok(ShareEffect::Edit {
                free: free.into_iter().map(|(id, _)| id).collect(),
                paid: paid.into_iter().map(|(id, _)| id).collect(),
                settings,
            })
        }
    }
}

/// The answer to a create of `count` entries: the link and code on the clipboard and in a
/// popup, or the reason in the dialog (or on the status line once the dialog is gone).
pub fn created(
    model: &mut Model,
    result: Result<crate::api::CreatedShare, String>,
    count: usize,
    code: String,
) -> Vec<Effect> {
    let asking = |m: &Model| match &m.modal {
        Some(Modal::Share(form)) => matches!(form.mode, ShareFormMode::Create { .. }) && form.busy,
        _ => false,
    };
    let created = match result {
        Ok(created) => created,
        Err(why) => {
            match (asking(model), form(model)) {
                (true, Some(form)) => {
                    form.busy = false;
                    form.error = Some(why);
                }
                _ => model.error(format!("Sharing failed: {why}")),
            }
            return vec![];
        }
    };
    let text = share_line(&created.link(), &code);
    let copied = match code.is_empty() {
        true => "link copied",
        false => "link and code copied",
    };
    let title = match count {
        1 => format!("Shared 1 entry: {copied}"),
        n => format!("Shared {n} entries: {copied}"),
    };
    model.info(format!("{title}: {text}"));
    if model.modal.is_none() || asking(model) {
        model.modal = Some(Modal::Links {
            title,
            lines: vec![text.clone()],
            failed: vec![],
            scroll: 0,
        });
    }
    vec![Effect::Clipboard { text }]
}

/// The answer to an edit: the panel view to go back to (reloaded by `route::shares`); or
/// the reason in the dialog.
pub fn edited(model: &mut Model, count: usize, result: Result<(), String>) -> Option<SharesView> {
    let Some(form) = form(model) else {
        if let Err(why) = result {
            model.error(format!("Changing shares failed: {why}"));
        }
        return None;
    };
    if let Err(why) = result {
        form.busy = false;
        form.error = Some(why);
        return None;
    }
    let back = match model.modal.take() {
        Some(Modal::Share(form)) => match form.mode {
            ShareFormMode::Edit { back, .. } => *back,
            ShareFormMode::Create { .. } => SharesView::default(),
        },
        _ => SharesView::default(),
    };
    let noun = if count == 1 { "share" } else { "shares" };
    model.info(format!("Changed {count} {noun}"));
    Some(back)
}
