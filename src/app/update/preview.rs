//! The preview panel's domain. [`follow`] runs after every message: when the focused pane's
//! cursor entry is not the one shown, the panel takes it as its subject with a new ticket and
//! shows what needs no request at once (a cached head, a folder the other pane lists, an empty
//! file); anything else waits for `Due` ([`DEBOUNCE`] later, a timer the runtime keeps), so a
//! cursor that moves on before then causes no request. A result is kept only while its ticket
//! is the subject's. Hidden (off, no room, the viewer open), the panel forgets its subject and
//! asks for nothing.
//!
//! [`DEBOUNCE`]: crate::app::preview::DEBOUNCE

use crate::app::preview::{
    Folder, HEAD_BYTES, Head, Key, MIN_COLUMNS, PreviewEffect, PreviewMsg, Shown, Subject, Target,
    room,
};
use crate::app::{Effect, Model, Pane};
use crate::config::{Command, Layer};
use crate::fs::read::Source;
use crate::fs::{Entry, EntryKey, Location};

/// `z`: shows or hides the panel.
pub fn toggle(model: &mut Model) {
    let p = &mut model.preview;
    p.on = !p.on;
    let (w, h) = (model.viewport.width, model.viewport.height);
    let on = p.on;
    let key = model
        .keymap
        .key_for(Layer::Browse, Command::TogglePreview)
        .unwrap_or_else(|| "toggle_preview".to_owned());
    match (on, room(w, h)) {
        (false, _) => model.info("Preview off"),
        (true, true) => model.info(format!("Preview of the cursor entry ({key} hides it)")),
        (true, false) => model.info(no_room(w)),
    }
}

fn no_room(width: u16) -> String {
    format!(
        "No room for the preview at {width} columns: it shows from {} columns up",
        2 * MIN_COLUMNS
    )
}

pub fn update(model: &mut Model, msg: PreviewMsg) -> Vec<Effect> {
    match msg {
        PreviewMsg::Due { ticket } => due(model, ticket),
        PreviewMsg::Read { ticket, result } => {
            let p = &mut model.preview;
            let Some(s) = current(&p.subject, &p.shown, ticket) else {
                return vec![];
            };
            let Target::File(source) = &s.target else {
                return vec![];
            };
            p.shown = Some(match result {
                Ok(chunk) => {
                    p.fetched += chunk.bytes.len() as u64;
                    let size = chunk.total.unwrap_or(s.entry.size);
                    let head = Head::new(&s.entry.name, source.clone(), &chunk.bytes, size);
                    p.cache.put(Key::of(source, &s.entry), head.clone());
                    Shown::File(head)
                }
                Err(e) => Shown::Failed(format!("Cannot read it: {e}")),
            });
            vec![]
        }
        PreviewMsg::Listed { ticket, result } => {
            let hidden = model.focused().show_hidden;
            let p = &mut model.preview;
            if current(&p.subject, &p.shown, ticket).is_none() {
                return vec![];
            }
            p.shown = Some(match result {
                Ok((entries, complete)) => Shown::Dir(Folder::new(entries, complete, hidden)),
                Err(e) => Shown::Failed(format!("Cannot list it: {e}")),
            });
            vec![]
        }
    }
}

/// The subject, if `ticket` is its ticket and its read is under way.
fn current<'a>(
    subject: &'a Option<Subject>,
    shown: &Option<Shown>,
    ticket: u64,
) -> Option<&'a Subject> {
    let reading = matches!(shown, Some(Shown::Reading));
    subject.as_ref().filter(|s| s.ticket == ticket && reading)
}

fn due(model: &mut Model, ticket: u64) -> Vec<Effect> {
    let p = &mut model.preview;
    let Some(s) = p.subject.as_ref().filter(|s| s.ticket == ticket) else {
        return vec![];
    };
    if !matches!(p.shown, Some(Shown::Waiting)) {
        return vec![];
    }
    let effect = match &s.target {
        Target::File(source) => PreviewEffect::Read {
            ticket,
            source: source.clone(),
            len: HEAD_BYTES.min(s.entry.size.max(1)),
        },
        Target::Dir(location) => PreviewEffect::List {
            ticket,
            location: location.clone(),
        },
        Target::Nothing(_) => return vec![],
    };
    p.shown = Some(Shown::Reading);
    vec![Effect::Preview(effect)]
}

/// Follows the focused pane's cursor entry (see the module doc).
pub fn follow(model: &mut Model) -> Vec<Effect> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let shows = model.preview.shows(w, h) && model.viewer.is_none();
    if model.preview.on && !room(w, h) && model.preview.subject.is_some() {
        model.info(no_room(w));
    }
    let pane = model.focused();
    let entry = pane.current().filter(|_| shows);
    let Some(entry) = entry else {
        model.preview.subject = None;
        model.preview.shown = None;
        return vec![];
    };
    let same = |s: &Subject| s.at == pane.location && s.entry == *entry;
    if model.preview.subject.as_ref().is_some_and(same) {
        return vec![];
    }
    let target = target_of(pane, entry);
    let (at, entry) = (pane.location.clone(), entry.clone());
    let at_hand = match &target {
        Target::Nothing(why) => Some(Shown::Nothing(why.clone())),
        Target::File(_) if entry.size == 0 => Some(Shown::Nothing("An empty file".into())),
        Target::File(source) => model
            .preview
            .cache
            .get(&Key::of(source, &entry))
            .map(Shown::File),
        Target::Dir(dir) => listed_beside(model, dir).map(Shown::Dir),
    };
    let ticket = model.take_ticket();
    let waits = at_hand.is_none();
    let p = &mut model.preview;
    p.shown = Some(at_hand.unwrap_or(Shown::Waiting));
    p.subject = Some(Subject {
        at,
        entry,
        target,
        ticket,
    });
    match waits {
        true => vec![Effect::Preview(PreviewEffect::Wait { ticket })],
        false => vec![],
    }
}

/// Folder `dir` as the other pane lists it, when it does.
fn listed_beside(model: &Model, dir: &Location) -> Option<Folder> {
    let other = model.pane(model.focus.other());
    let same = match (&other.location, dir) {
        (Location::Local(a), Location::Local(b)) => a == b,
        (Location::Cloud(a), Location::Cloud(b)) => a.id() == b.id(),
        (Location::Images(a), Location::Images(b)) => a.id() == b.id(),
        _ => false,
    };
    let hidden = model.focused().show_hidden;
    (same && other.load == crate::app::LoadState::Done)
        .then(|| Folder::new(other.listing.all().to_vec(), true, hidden))
}

/// What `entry` of `pane` is read from.
fn target_of(pane: &Pane, entry: &Entry) -> Target {
    if entry.blocked {
        return Target::Nothing("Rejected by review: it cannot be read".into());
    }
    let dir = entry.is_dir();
    match (&pane.location, &entry.key) {
        (Location::Trash, _) => Target::Nothing("In the trash: restore it to read it".into()),
        (Location::Local(at), EntryKey::Local(name)) if dir => {
            Target::Dir(Location::Local(at.join(name)))
        }
        (Location::Local(at), EntryKey::Local(name)) => Target::File(Source::Local(at.join(name))),
        (Location::Cloud(_) | Location::Search(_), EntryKey::Cloud(id)) if dir => {
            let parent = pane.place_of(entry).cloned().unwrap_or_default();
            Target::Dir(Location::Cloud(parent.child(*id, &entry.name)))
        }
        (Location::Cloud(_) | Location::Search(_), EntryKey::Cloud(id)) => {
            Target::File(Source::Cloud(*id))
        }
        (Location::Images(at), EntryKey::Image(id)) if dir => {
            Target::Dir(Location::Images(at.child(id.clone(), &entry.name)))
        }
        (Location::Images(_), EntryKey::Image(id)) => Target::File(Source::Image(id.clone())),
        _ => Target::Nothing("Nothing to show".into()),
    }
}
