//! Test builders shared by the update, view and runtime tests: models with loaded panes.

use crate::app::{Effect, ListingMsg, Model, Msg, Side, start, update};
use crate::config::{Keymap, Styles};
use crate::fs::{Entry, EntryKey, EntryKind, Location};
use std::path::PathBuf;

pub fn file(name: &str, size: u64) -> Entry {
    // 2024-03-01 08:00 UTC plus a minute per KiB, so times differ but are fixed.
    let mtime = Some(1_709_280_000 + (size / 1024) as i64 * 60);
    Entry::new(
        EntryKey::Local(name.into()),
        name.into(),
        EntryKind::File,
        size,
        mtime,
    )
}

pub fn dir(name: &str) -> Entry {
    Entry {
        kind: EntryKind::Dir,
        size: 0,
        ..file(name, 0)
    }
}

/// A model of `width`×`height` whose panes are at `/l` and `/r`, not yet listed.
pub fn model(width: u16, height: u16) -> Model {
    let loc = |p: &str| Location::Local(PathBuf::from(p));
    model_at(width, height, loc("/l"), loc("/r"))
}

fn model_at(width: u16, height: u16, left: Location, right: Location) -> Model {
    let mut m = Model::new(
        left,
        right,
        Keymap::default_map().unwrap(),
        Styles::colored(),
    );
    m.home = Some(PathBuf::from("/home/u"));
    update(&mut m, Msg::Resize { width, height });
    m
}

/// Both panes listed: `left` and `right` delivered as one page each, then done.
pub fn loaded(width: u16, height: u16, left: Vec<Entry>, right: Vec<Entry>) -> Model {
    let mut m = model(width, height);
    list_both(&mut m, left, right);
    m
}

/// A 100×30 model with the cloud side on, its panes at `left.0` and `right.0` listed with
/// `left.1` and `right.1`. Focus left.
pub fn listed(left: (Location, Vec<Entry>), right: (Location, Vec<Entry>)) -> Model {
    let mut m = model_at(100, 30, left.0, right.0);
    m.cloud_enabled = true;
    list_both(&mut m, left.1, right.1);
    m
}

/// Starts `m` and answers its two listing requests with one page each, then done.
fn list_both(m: &mut Model, left: Vec<Entry>, right: Vec<Entry>) {
    let lists = start(m)
        .into_iter()
        .filter(|e| matches!(e, Effect::List { .. }));
    for (effect, entries) in lists.zip([left, right]) {
        let Effect::List { side, ticket, .. } = effect else {
            unreachable!()
        };
        let page = ListingMsg::Page {
            side,
            ticket,
            entries,
        };
        update(m, Msg::Listing(page));
        update(m, Msg::Listing(ListingMsg::Done { side, ticket }));
    }
}

/// The status line's text ("" when there is none).
pub fn status_text(m: &Model) -> &str {
    m.status.as_ref().map_or("", |s| s.text.as_str())
}

/// Presses keys written in keymap notation, separated by spaces.
pub fn press(m: &mut Model, keys: &str) -> Vec<Effect> {
    let mut effects = vec![];
    for k in keys.split(' ') {
        let key = crate::config::Key::parse(k).unwrap();
        let ev = crossterm::event::KeyEvent::new(key.code, key.mods);
        effects.extend(update(m, Msg::Key(ev)));
    }
    effects
}

pub fn sample_left() -> Vec<Entry> {
    vec![
        dir("照片 2024"),
        dir("docs"),
        dir(".git"),
        file("README.md", 4_321),
        file("report-2.pdf", 2_200_000),
        file("report-10.pdf", 310_000),
        file("音乐 🎵 playlist.m3u", 2_048),
        file(
            "a-very-long-file-name-that-does-not-fit-in-the-column-at-all.tar.gz",
            5_368_709_120,
        ),
    ]
}

pub fn sample_right() -> Vec<Entry> {
    (1..=40)
        .map(|i| file(&format!("IMG_{i:04}.jpg"), 1_000_000 + i * 37_000))
        .collect()
}

#[allow(dead_code)]
pub fn side_entries(m: &Model, side: Side) -> Vec<String> {
    m.pane(side)
        .listing
        .visible()
        .map(|e| e.name.clone())
        .collect()
}
