//! Copying paths (`p`): the cursor entry's, or each marked entry's on a line of its own, written
//! as panfm reads them back — absolute local paths, `cloud:/…` on the drive, `images:/…` in the
//! image space — put on the clipboard with OSC 52 and shown in the links popup for terminals
//! that ignore it. In an empty folder, the folder's own path.

use crate::app::{Effect, Modal, Model, Pane};
use crate::fs::{Entry, EntryKey, Location};

pub fn copy(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    if pane.location == Location::Trash {
        model.error("Entries in the trash have no path until they are restored");
        return vec![];
    }
    let entries: Vec<&Entry> = match pane.marks.is_empty() {
        true => pane.current().into_iter().collect(),
        false => pane
            .listing
            .visible()
            .filter(|e| pane.marks.contains(&e.key))
            .collect(),
    };
    let mut paths = vec![];
    let mut failed = vec![];
    for e in &entries {
        match path_of(pane, e) {
            Ok(p) => paths.push(p),
            Err(why) => failed.push(format!("{}: {why}", e.name)),
        }
    }
    if entries.is_empty() {
        paths.extend(super::moves::folder_path(&pane.location));
    }
    let copied = match paths.len() {
        1 => "Copied 1 path".to_owned(),
        n => format!("Copied {n} paths"),
    };
    let title = match (paths.len(), failed.len()) {
        (0, 0) => return vec![],
        (0, _) => {
            model.error(format!("No path copied: {}", failed.join("; ")));
            return vec![];
        }
        (_, 0) => copied,
        (_, 1) => format!("{copied}; 1 entry has none"),
        (_, f) => format!("{copied}; {f} entries have none"),
    };
    if failed.is_empty() {
        model.info(title.clone());
    } else {
        model.error(title.clone());
    }
    let text = paths.join("\n");
    model.modal = Some(Modal::Links {
        title,
        lines: paths,
        failed,
        scroll: 0,
    });
    vec![Effect::Clipboard { text }]
}

/// The path of `entry` listed in `pane`, or why it has none that can be written down.
fn path_of(pane: &Pane, entry: &Entry) -> Result<String, &'static str> {
    match (&pane.location, &entry.key) {
        (Location::Local(dir), EntryKey::Local(raw)) => dir
            .join(raw)
            .into_os_string()
            .into_string()
            .map_err(|_| "its name is not valid text (UTF-8)"),
        (Location::Images(dir), _) => Ok(format!("images:{}", join(&dir.path(), &entry.name))),
        (Location::Cloud(_) | Location::Search(_), _) => match pane.place_of(entry) {
            Some(dir) => Ok(format!("cloud:{}", join(&dir.path(), &entry.name))),
            None => Err("its folder is not known yet"),
        },
        _ => Err("it has no path"),
    }
}

fn join(dir: &str, name: &str) -> String {
    match dir {
        "/" => format!("/{name}"),
        _ => format!("{dir}/{name}"),
    }
}
