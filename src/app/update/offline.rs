//! The offline-download dialog (`Modal::Offline`): the drive fetches URLs into a cloud folder
//! by itself. It opens on the cloud pane's folder (the focused pane's, else the other's; the
//! drive's own "/来自:离线下载" when neither shows one, or at the root, which the drive does not
//! fetch into). Typing fills the focused field; Enter checks every URL (http or https only)
//! and the name before one batch goes to the transfer engine, whose queue rows then show the
//! drive's progress.

use crate::api::{OFFLINE_DEFAULT_DIR, ROOT_DIR, check_fetch_url};
use crate::app::{Effect, Modal, Model, OfflineAsk, OfflineField, TransferCmd};
use crate::config::Command;
use crate::fs::Location;
use crate::plan::validate_cloud_name;
use crate::transfer::TransferSpec;
use crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// The folder the dialog offers: `(id, path, why the drive's own folder)`.
fn target(model: &Model) -> (Option<i64>, String, Option<String>) {
    let shown = [model.focus, model.focus.other()]
        .into_iter()
        .find_map(|side| match &model.pane(side).location {
            Location::Cloud(dir) => Some(dir.clone()),
            _ => None,
        });
    let own = format!("/{OFFLINE_DEFAULT_DIR}");
    match shown {
        Some(dir) if dir.id() != ROOT_DIR => (Some(dir.id()), dir.path(), None),
        Some(_) => {
            let why = "the drive does not fetch into the root".to_owned();
            (None, own, Some(why))
        }
        None => (None, own, None),
    }
}

pub fn open(model: &mut Model) {
    if !model.transfers.enabled {
        model.error("Offline downloads need a cloud account");
        return;
    }
    let (dest, path, note) = target(model);
    model.modal = Some(Modal::Offline(OfflineAsk::new(dest, path, note)));
}

pub fn type_key(model: &mut Model, ev: KeyEvent) {
    if let Some(Modal::Offline(ask)) = &mut model.modal {
        ask.field_mut().handle_event(&Event::Key(ev));
        ask.error = None;
    }
}

/// A paste goes into the focused field; several lines of URLs stay several URLs.
pub fn paste(model: &mut Model, text: &str) -> bool {
    let Some(Modal::Offline(ask)) = &mut model.modal else {
        return false;
    };
    let pasted = match ask.focus {
        OfflineField::Urls => text.split_whitespace().collect::<Vec<_>>().join(" "),
        OfflineField::Name => text.lines().next().unwrap_or_default().to_owned(),
    };
    let joined = ask.focus == OfflineField::Name;
    let value = match ask.field().value() {
        v if joined || v.is_empty() || v.ends_with(' ') => format!("{v}{pasted}"),
        v => format!("{v} {pasted}"),
    };
    *ask.field_mut() = Input::new(value);
    ask.error = None;
    true
}

pub fn command(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::Offline(ask)) = &mut model.modal else {
        return vec![];
    };
    match cmd {
        Command::Accept => return accept(model),
        Command::NextField | Command::PrevField => {
            ask.focus = match ask.focus {
                OfflineField::Urls => OfflineField::Name,
                OfflineField::Name => OfflineField::Urls,
            };
        }
        Command::Escape => model.modal = None,
        Command::Quit => model.quit = true,
        _ => {}
    }
    vec![]
}

/// Why the dialog's content can't be sent, before any request.
fn refusal(urls: &[String], name: &str) -> Option<String> {
    if urls.is_empty() {
        return Some("Type or paste at least one http or https URL".to_owned());
    }
    let bad: Vec<String> = urls
        .iter()
        .filter_map(|u| check_fetch_url(u).err())
        .collect();
    if let Some(first) = bad.first() {
        return Some(match bad.len() {
            1 => first.clone(),
            n => format!("{first} (and {} more)", n - 1),
        });
    }
    if name.is_empty() {
        return None;
    }
    if urls.len() > 1 {
        return Some("A file name needs exactly one URL".to_owned());
    }
    validate_cloud_name(name)
        .err()
        .map(|e| format!("{e}; 123pan refuses it"))
}

fn accept(model: &mut Model) -> Vec<Effect> {
    let Some(Modal::Offline(ask)) = &mut model.modal else {
        return vec![];
    };
    let urls = ask.url_list();
    let name = ask.name.value().trim().to_owned();
    if let Some(why) = refusal(&urls, &name) {
        ask.error = Some(why);
        return vec![];
    }
    let n = urls.len();
    let spec = TransferSpec::Offline {
        urls,
        dest_dir: ask.dest,
        dest_path: ask.dest_path.clone(),
        name: Some(name).filter(|n| !n.is_empty()),
    };
    let root = format!("cloud:{}", ask.dest_path);
    model.modal = None;
    let what = match n {
        1 => "1 URL".to_owned(),
        n => format!("{n} URLs"),
    };
    model.info(format!(
        "Queued: the drive fetches {what} into {root} (t shows the queue)"
    ));
    let submit = TransferCmd::Submit {
        spec,
        then: None,
        root: Some(root),
    };
    vec![Effect::Transfer(submit)]
}
