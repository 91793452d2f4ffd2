//! F4 from the browser: a local file straight into the editor (its folder listed again
//! after), a cloud file into an edit session (see `app::edit`) — after a question when it is
//! big — and the answers to the questions an edit asks. What happens as the session's
//! download, editor, check and upload report back is `edit_done`.

use crate::app::{EditAsk, EditEffect, EditId, EditSession, EditStage, Effect, Modal, Model};
use crate::config::Command;
use crate::edit::OnDrift;
use crate::fs::{EntryKey, Location};
use crate::transfer::CloudItem;

pub fn open(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    let Some(entry) = pane.current() else {
        return vec![];
    };
    if entry.is_dir() {
        let text = format!("F4 edits files; {} is a folder", entry.name);
        model.error(text);
        return vec![];
    }
    match (&pane.location, &entry.key) {
        (Location::Local(dir), EntryKey::Local(raw)) => {
            let path = dir.join(raw);
            vec![Effect::Edit(EditEffect::Open { id: None, path })]
        }
        (Location::Cloud(_) | Location::Search(_), EntryKey::Cloud(_)) => cloud(model),
        (Location::Trash, _) => {
            model.error("Files in the trash can't be edited; restore them first (r)");
            vec![]
        }
        _ => {
            model.error("Only files on the local disk and the cloud drive can be edited");
            vec![]
        }
    }
}

/// A session for the cursor's cloud file: asked about when big, else started.
fn cloud(model: &mut Model) -> Vec<Effect> {
    if !model.transfers.enabled {
        model.error("Editing a cloud file needs the transfer queue, which is not running");
        return vec![];
    }
    let pane = model.focused();
    let Some(entry) = pane.current().cloned() else {
        return vec![];
    };
    let EntryKey::Cloud(file_id) = entry.key else {
        return vec![];
    };
    let name = entry.name.clone();
    let refusal = if entry.blocked {
        Some(format!(
            "123pan won't serve {name} (blocked or rejected by review)"
        ))
    } else if entry.etag.as_deref().is_none_or(str::is_empty) {
        Some(format!(
            "The MD5 of {name} is not known; C-r lists the folder again"
        ))
    } else if model.edits.sessions.iter().any(|s| s.file.id == file_id) {
        Some(format!("{name} is open for editing already"))
    } else {
        None
    };
    let place = pane.place_of(&entry).cloned();
    let parent = entry.parent.or(place.as_ref().map(|d| d.id()));
    let (Some(parent), None) = (parent, &refusal) else {
        model.error(refusal.unwrap_or_else(|| format!("The folder of {name} is not known")));
        return vec![];
    };
    let shown = match &place {
        Some(dir) => format!("cloud:{}", crate::fs::resolve::join(&dir.path(), &name)),
        None => name.clone(),
    };
    let file = CloudItem {
        id: file_id,
        name,
        is_dir: false,
        size: entry.size,
        etag: entry.etag.unwrap_or_default().to_ascii_lowercase(),
        modified: entry.mtime,
    };
    let id = model.edits.next;
    model.edits.next += 1;
    let big = file.size > crate::edit::BIG;
    model.edits.sessions.push(EditSession {
        id,
        file,
        parent,
        shown,
        dir: None,
        stage: EditStage::AskingBig,
    });
    if big {
        ask_big(model, id);
        return vec![];
    }
    start(model, id)
}

fn ask_big(model: &mut Model, id: EditId) {
    let Some(s) = model.edits.get(id) else { return };
    let size = crate::fmt::size(s.file.size, model.settings.formats.units);
    model.modal = Some(Modal::EditAsk(EditAsk {
        id,
        drift: false,
        title: format!("Edit a {size} file?"),
        lines: vec![
            s.shown.clone(),
            format!("It is downloaded whole ({size}) before the editor opens."),
        ],
    }));
}

fn start(model: &mut Model, id: EditId) -> Vec<Effect> {
    let Some(s) = model.edits.get_mut(id) else {
        return vec![];
    };
    s.stage = EditStage::Starting;
    let file = s.file.clone();
    model.info(format!(
        "Downloading {} for editing (t shows the queue)",
        file.name
    ));
    vec![Effect::Edit(EditEffect::Fetch { id, file })]
}

/// Keys in an edit's question.
pub fn question(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::EditAsk(ask)) = &model.modal else {
        return vec![];
    };
    let (id, drift) = (ask.id, ask.drift);
    let answer = match (drift, cmd) {
        (false, Command::Accept | Command::Yes) => {
            model.modal = None;
            return start(model, id);
        }
        (false, Command::Escape) => {
            model.modal = None;
            if let Some(s) = model.edits.remove(id) {
                model.info(format!("{} not edited", s.file.name));
            }
            return vec![];
        }
        (true, Command::ResolveOverwrite) => OnDrift::Overwrite,
        (true, Command::ResolveBoth) => OnDrift::KeepBoth,
        (true, Command::Escape) => OnDrift::KeepLocal,
        _ => return vec![],
    };
    model.modal = None;
    upload(model, id, answer)
}

/// Sends the edited copy back (or, for `KeepLocal`, says where it stays).
pub(super) fn upload(model: &mut Model, id: EditId, how: OnDrift) -> Vec<Effect> {
    let Some(policy) = how.policy() else {
        if let Some(s) = model.edits.remove(id) {
            let at = s
                .copy()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            model.info(format!("Nothing uploaded; the edited copy is kept at {at}"));
        }
        return vec![];
    };
    let Some(s) = model.edits.get_mut(id) else {
        return vec![];
    };
    let Some(copy) = s.copy() else {
        return vec![];
    };
    s.stage = EditStage::Queueing;
    let parent = s.parent;
    vec![Effect::Edit(EditEffect::Upload {
        id,
        copy,
        parent,
        policy,
    })]
}

/// Opens the question about a cloud file that changed since edit `id` opened it.
pub(super) fn ask_drift(model: &mut Model, id: EditId, why: String) {
    let Some(s) = model.edits.get_mut(id) else {
        return;
    };
    s.stage = EditStage::AskingDrift;
    let copy = s
        .copy()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let title = format!("{} changed on the drive since you opened it", s.file.name);
    let lines = vec![
        s.shown.clone(),
        sentence(&why),
        format!("Your edited copy: {copy}"),
    ];
    model.modal = Some(Modal::EditAsk(EditAsk {
        id,
        drift: true,
        title,
        lines,
    }));
}

/// `why` as a sentence: its first letter capitalised.
fn sentence(why: &str) -> String {
    let mut chars = why.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
