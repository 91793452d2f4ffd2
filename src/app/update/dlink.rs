//! Direct links in the browser: `y` (`Y` as Markdown) on cloud files copies their direct
//! links, or names the folder whose direct-link space is off; `D e` / `D d` turn a folder's
//! direct-link space on or off after asking; `D l` shows what the links served lately.

use super::moves::selection;
use crate::app::images::links;
use crate::app::{Effect, ImageLink, Modal, Model, ShareEffect};
use crate::config::Command;
use crate::fs::{EntryKey, Location};

/// Whether `y` means direct links here: a cloud folder or search results.
pub fn applies(model: &Model) -> bool {
    matches!(
        model.focused().location,
        Location::Cloud(_) | Location::Search(_)
    )
}

/// `y` / `Y` on cloud entries: the files among them.
pub fn copy(model: &mut Model, markdown: bool) -> Vec<Effect> {
    let chosen = selection(model);
    let items: Vec<(i64, String)> = chosen
        .iter()
        .filter(|i| !i.is_dir)
        .filter_map(|i| match i.key {
            EntryKey::Cloud(id) => Some((id, i.name.clone())),
            _ => None,
        })
        .collect();
    if items.is_empty() {
        if !chosen.is_empty() {
            model.error(
                "Direct links are for files; a folder's files get them once its direct-link \
                 space is on (D e)",
            );
        }
        return vec![];
    }
    let fix = match &model.focused().location {
        Location::Cloud(dir) if dir.id() == crate::api::ROOT_DIR => {
            "files at the root have none: move it into a folder with direct-link space".to_owned()
        }
        Location::Cloud(dir) => format!(
            "turn on direct-link space for its folder cloud:{} (D e there)",
            dir.path()
        ),
        _ => "turn on direct-link space for its folder (D e there)".to_owned(),
    };
    model.info(format!("Fetching {}…", links(items.len())));
    vec![Effect::Share(ShareEffect::DirectLinks {
        items,
        fix,
        markdown,
    })]
}

pub fn arrived(model: &mut Model, markdown: bool, fetched: &[ImageLink]) -> Vec<Effect> {
    let lines: Vec<String> = fetched
        .iter()
        .filter_map(|l| {
            let url = l.url.as_ref().ok()?;
            Some(match markdown {
                true => format!("[{}]({url})", l.name.replace(['[', ']'], "")),
                false => url.clone(),
            })
        })
        .collect();
    let failed: Vec<String> = fetched
        .iter()
        .filter_map(|l| l.url.as_ref().err().map(|e| format!("{}: {e}", l.name)))
        .collect();
    let summary = match (lines.len(), failed.len()) {
        (0, 1) => "No direct link".to_owned(),
        (0, _) => format!("No direct link copied: {} failed", failed.len()),
        (n, 0) => format!("Copied {} (direct)", links(n)),
        (n, f) => format!("Copied {} (direct), {f} failed", links(n)),
    };
    match failed.is_empty() {
        true => model.info(summary.clone()),
        false => model.error(summary.clone()),
    }
    if model.modal.is_none() {
        model.modal = Some(Modal::Links {
            title: summary,
            lines: lines.clone(),
            failed,
            scroll: 0,
        });
    }
    match lines.is_empty() {
        true => vec![],
        false => vec![Effect::Clipboard {
            text: lines.join("\n"),
        }],
    }
}

/// `D e` / `D d`: the cursor folder, or on a file the folder shown.
pub fn ask(model: &mut Model, on: bool) {
    let pane = model.focused();
    let cursor = pane.current().filter(|e| e.is_dir());
    let target = match (&pane.location, cursor) {
        (Location::Cloud(_) | Location::Search(_), Some(e)) => match (&e.key, &pane.location) {
            (EntryKey::Cloud(id), Location::Cloud(dir)) => {
                Some((*id, format!("cloud:{}", dir.child(*id, &e.name).path())))
            }
            (EntryKey::Cloud(id), _) => Some((*id, format!("{}/", e.name))),
            _ => None,
        },
        (Location::Cloud(dir), None) if dir.id() != crate::api::ROOT_DIR => {
            Some((dir.id(), format!("cloud:{}", dir.path())))
        }
        _ => None,
    };
    let Some((dir, path)) = target else {
        model.error("Direct-link space is set on a cloud folder: put the cursor on one");
        return;
    };
    model.modal = Some(Modal::DirectLinkAsk { dir, path, on });
}

pub fn answer(model: &mut Model, cmd: Command) -> Vec<Effect> {
    let Some(Modal::DirectLinkAsk { dir, path, on }) = model.modal.clone() else {
        return vec![];
    };
    match cmd {
        Command::Accept | Command::Yes => {
            model.modal = None;
            let verb = if on { "Turning on" } else { "Turning off" };
            model.info(format!("{verb} direct-link space for {path}…"));
            vec![Effect::Share(ShareEffect::DirectLinkSpace {
                dir,
                path,
                on,
            })]
        }
        Command::Escape => {
            model.modal = None;
            vec![]
        }
        _ => vec![],
    }
}

pub fn switched(model: &mut Model, path: &str, on: bool, result: Result<(), String>) {
    let state = if on { "on" } else { "off" };
    match result {
        Ok(()) => model.info(format!("Direct-link space of {path} is {state}")),
        Err(why) => model.error(format!(
            "Direct-link space of {path} stays as it was: {why}"
        )),
    }
}

/// `D l`.
pub fn log(model: &mut Model) -> Vec<Effect> {
    if !model.cloud_enabled {
        model.error("Direct links belong to a cloud account: none is set up (panfm login)");
        return vec![];
    }
    model.info("Fetching the direct-link log…");
    vec![Effect::Share(ShareEffect::DirectLinkLog)]
}

pub fn log_arrived(model: &mut Model, result: Result<Vec<crate::api::DirectLinkLogEntry>, String>) {
    let entries = match result {
        Ok(entries) => entries,
        Err(why) => {
            model.error(format!(
                "No direct-link log: {why} (the log needs the developer privilege, 开发者权益)"
            ));
            return;
        }
    };
    if entries.is_empty() {
        model.info("Direct links served nothing in the last three days");
        return;
    }
    let lines = entries
        .iter()
        .map(|e| {
            let traffic = crate::fmt::size(e.traffic, model.settings.formats.units);
            format!("{traffic:>10}  {}  {}", e.path, e.url)
        })
        .collect();
    model.status = None;
    if model.modal.is_none() {
        model.modal = Some(Modal::DirectLinkLog { lines, scroll: 0 });
    }
}

pub fn scroll_log(model: &mut Model, cmd: Command) {
    let Some(Modal::DirectLinkLog { lines, scroll }) = &mut model.modal else {
        return;
    };
    match cmd {
        Command::CursorDown => *scroll = (*scroll + 1).min(lines.len().saturating_sub(1)),
        Command::CursorUp => *scroll = scroll.saturating_sub(1),
        _ => {}
    }
}
