//! The image space in the browser: details with the public links, copying links (plain or
//! Markdown) to the clipboard, and the questions before image-space operations — delete for
//! good (there is no trash), move between image folders, copy drive images in, upload local
//! images — plus clear refusals of what the space cannot do (rename, copy inside it, take
//! items out).

use super::moves::{ask, count, names, selection};
use crate::app::images::{clipboard_text, is_drive, links};
use crate::app::{
    DetailsState, Effect, EntryDetails, ImageLink, ImagesMsg, Modal, Model, OpItem, OpSpec,
};
use crate::config::Command;
use crate::fs::{EntryKey, Location};
use crate::rules::check_image;
use crate::transfer::TransferSpec;

pub fn in_images(model: &Model) -> bool {
    model.focused().location.is_images()
}

pub fn update(model: &mut Model, msg: ImagesMsg) -> Vec<Effect> {
    match msg {
        ImagesMsg::Details { id, result } => {
            let Some(Modal::Details(state)) = &mut model.modal else {
                return vec![];
            };
            if state.details.image_id.as_deref() != Some(id.as_str()) {
                return vec![];
            }
            state.loading = false;
            match result {
                Ok(details) => state.details = *details,
                Err(e) => state.error = Some(e.message),
            }
            vec![]
        }
        ImagesMsg::Links { markdown, links } => arrived(model, markdown, &links),
    }
}

/// `i` on an image-space entry: what the listing knows now, the rest (links) once fetched.
pub fn details(model: &mut Model) -> Vec<Effect> {
    let pane = model.focused();
    let Some(entry) = pane.current() else {
        return vec![];
    };
    let EntryKey::Image(id) = &entry.key else {
        return vec![];
    };
    let details = EntryDetails {
        image_id: Some(id.clone()),
        ..EntryDetails::listed(entry)
    };
    let id = id.clone();
    model.modal = Some(Modal::Details(DetailsState {
        location: pane.location.clone(),
        details,
        loading: true,
        error: None,
    }));
    vec![Effect::FetchImageDetails { id }]
}

/// `y` / `Y`: the links of the marked images (or the cursor image); a folder stands for the
/// images directly in it, as in `panfm img link`.
pub fn copy_links(model: &mut Model, markdown: bool) -> Vec<Effect> {
    if !in_images(model) {
        model.error("Links belong to the image space: switch this pane with b (twice from local)");
        return vec![];
    }
    let id_name = |i: OpItem| match i.key {
        EntryKey::Image(id) => Some((id, i.name)),
        _ => None,
    };
    let (dirs, images): (Vec<OpItem>, Vec<OpItem>) =
        selection(model).into_iter().partition(|i| i.is_dir);
    let folders: Vec<(String, String)> = dirs.into_iter().filter_map(id_name).collect();
    let items: Vec<(String, String)> = images.into_iter().filter_map(id_name).collect();
    let what = match (folders.len(), items.len()) {
        (0, 0) => return vec![],
        (0, n) => links(n),
        (1, 0) => format!("the links of the images in {}", folders[0].1),
        (f, 0) => format!("the links of the images in {f} folders"),
        (f, n) => format!("{} and the images in {f} folders", links(n)),
    };
    model.info(format!("Fetching {what}…"));
    vec![Effect::FetchImageLinks {
        folders,
        items,
        markdown,
    }]
}

fn arrived(model: &mut Model, markdown: bool, fetched: &[ImageLink]) -> Vec<Effect> {
    let text = clipboard_text(fetched, markdown);
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let failed: Vec<String> = fetched
        .iter()
        .filter_map(|l| l.url.as_ref().err().map(|e| format!("{}: {e}", l.name)))
        .collect();
    let style = if markdown { " as Markdown" } else { "" };
    let summary = match (lines.len(), failed.len()) {
        (0, _) => format!("No link copied: {}", failed.join("; ")),
        (n, 0) => format!("Copied {}{style}", links(n)),
        (n, f) => format!("Copied {}{style}, {f} failed", links(n)),
    };
    if failed.is_empty() {
        model.info(summary.clone());
    } else {
        model.error(summary.clone());
    }
    if model.modal.is_none() {
        model.modal = Some(Modal::Links {
            title: summary,
            lines,
            failed,
            scroll: 0,
        });
    }
    if text.is_empty() {
        return vec![];
    }
    vec![Effect::Clipboard { text }]
}

/// Scrolls the links popup.
pub fn scroll_links(model: &mut Model, cmd: Command) {
    let Some(Modal::Links {
        lines,
        failed,
        scroll,
        ..
    }) = &mut model.modal
    else {
        return;
    };
    let max = (lines.len() + failed.len()).saturating_sub(1);
    match cmd {
        Command::CursorDown => *scroll = (*scroll + 1).min(max),
        Command::CursorUp => *scroll = scroll.saturating_sub(1),
        _ => {}
    }
}

pub fn no_rename(model: &mut Model) {
    model.error(
        "The image space cannot rename (its API has no rename): upload under the new name, \
         then delete the old image",
    );
}

/// `d` in an image folder: for good, so the question names the count and wants `y`.
pub fn ask_delete(model: &mut Model, at: Location, items: Vec<OpItem>) {
    let title = format!(
        "Delete {} from the image space for good? It has no trash: this cannot be undone, \
         and their links stop working.",
        count(items.len())
    );
    let lines = names(&items);
    ask(model, title, lines, OpSpec::Delete { at, items }, true);
}

/// Copy or move with the image space on either side.
pub fn transfer(
    model: &mut Model,
    items: Vec<OpItem>,
    from: Location,
    to: Location,
    copy: bool,
) -> Vec<Effect> {
    let n = count(items.len());
    match (&from, &to) {
        (Location::Images(a), Location::Images(b)) => {
            if copy {
                model.error(
                    "The image space has no copy: move (F6/m) instead, or copy the link (y)",
                );
                return vec![];
            }
            if a == b {
                model.error(format!("Move: both panes show {}", to.display()));
                return vec![];
            }
            let title = format!("Move {n} to the image folder {}?", b.path());
            let lines = names(&items);
            ask(model, title, lines, OpSpec::Move { from, items, to }, false);
        }
        (Location::Images(_), _) => model.error(
            "Items leave the image space only by deletion: copy their links with y (Markdown: Y)",
        ),
        (_, Location::Images(_)) if !copy => model.error(
            "Nothing moves into the image space: copy (F5/c) sends a copy and the source stays",
        ),
        (f, Location::Images(dir)) if is_drive(f) => {
            let title = format!(
                "Copy the images among {n} into the image folder {}? Other files are skipped; \
                 folders are searched for images.",
                dir.path()
            );
            let lines = names(&items);
            ask(model, title, lines, OpSpec::Copy { from, items, to }, false);
        }
        (Location::Local(_), Location::Images(_)) => return ask_upload(model, items, from, to),
        _ => model.error("Restore items from the trash before copying them anywhere"),
    }
    vec![]
}

/// Local → image space: when no file among `items` can go (by name or size), says why at
/// once; otherwise asks, listing every file the space would refuse once the walk of the
/// sources is done (those fail in the queue without a request).
fn ask_upload(model: &mut Model, items: Vec<OpItem>, from: Location, to: Location) -> Vec<Effect> {
    let entries = model.focused().listing.all();
    let size_of = |key: &EntryKey| entries.iter().find(|e| &e.key == key).map_or(0, |e| e.size);
    let refused: Vec<String> = items
        .iter()
        .filter(|i| !i.is_dir)
        .filter_map(|i| {
            let why = check_image(&i.name, size_of(&i.key), None).err()?;
            Some(format!("{}: {why}", i.name))
        })
        .collect();
    if let (true, Some(why)) = (refused.len() == items.len(), refused.first()) {
        model.error(format!("Nothing to upload: {why}"));
        return vec![];
    }
    let (Location::Local(dir), Location::Images(dest)) = (&from, &to) else {
        return vec![];
    };
    let title = format!(
        "Upload {} to the image space {}?",
        count(items.len()),
        to.display()
    );
    let sources = items
        .iter()
        .filter_map(|i| match &i.key {
            EntryKey::Local(raw) => Some(dir.join(raw)),
            _ => None,
        })
        .collect();
    // Through the transfer queue, like drive uploads: progress, retries, resume.
    let spec = TransferSpec::ImageUpload {
        sources,
        dest_dir: dest.id().to_owned(),
        dest_path: dest.path(),
    };
    let root = Some(format!("images:{}", dest.path()));
    let ask = crate::app::TransferAsk::new(title, names(&items), spec, None, root);
    super::moves::open_transfer(model, ask)
}
