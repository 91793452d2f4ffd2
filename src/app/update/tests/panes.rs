//! Pane behaviour from issue 13: the filter's ranking, start locations and `b` returning each
//! backend to where it was, search hits placed in their folders, the trash naming where items
//! came from.

use crate::app::testing::{dir, file, loaded, press, side_entries, status_text};
use crate::app::*;
use crate::fs::{
    CloudDir, Entry, EntryKey, EntryKind, FsError, ImageDir, Location, Opened, TypedPath,
};
use pretty_assertions::assert_eq;

fn names(m: &Model) -> Vec<String> {
    side_entries(m, m.focus)
}

#[test]
fn the_filter_ranks_exact_then_prefix_then_substring_names() {
    let entries = vec![
        dir("tmux-0"),
        dir("ux"),
        dir("linux"),
        dir("uxbox"),
        file("ux", 1),
        file("mux.txt", 2),
        file("UX-notes", 3),
    ];
    let mut m = loaded(100, 30, entries, vec![]);
    press(&mut m, "/ u x");
    assert_eq!(
        names(&m),
        ["ux", "ux", "uxbox", "UX-notes", "linux", "tmux-0", "mux.txt"],
        "exact, prefix, substring; dirs first and by name inside each"
    );
    assert_eq!(m.focused().current().map(|e| e.is_dir()), Some(true));
    press(&mut m, "<Backspace> <Backspace> U");
    assert_eq!(names(&m), ["UX-notes"], "smart case still applies");
    press(&mut m, "<Esc>");
    assert_eq!(names(&m).len(), 7);
}

#[test]
fn ranked_pages_merge_in_rank_order() {
    let mut m = crate::app::testing::model(100, 30);
    let effects = start(&mut m);
    let Effect::List { side, ticket, .. } = effects[0].clone() else {
        panic!()
    };
    press(&mut m, "/ a b");
    for batch in [vec![dir("cab"), file("ab", 1)], vec![dir("ab"), file("abc", 2)]] {
        let page = ListingMsg::Page {
            side,
            ticket,
            entries: batch,
        };
        update(&mut m, Msg::Listing(page));
    }
    assert_eq!(names(&m), ["ab", "ab", "abc", "cab"]);
    let kinds: Vec<EntryKind> = m.focused().listing.visible().map(|e| e.kind).collect();
    assert_eq!(kinds[0], EntryKind::Dir);
}

#[allow(dead_code)]
fn cloud(id: i64, name: &str, kind: EntryKind) -> Entry {
    Entry::new(EntryKey::Cloud(id), name.into(), kind, 10, Some(0))
}

fn backup() -> CloudDir {
    CloudDir::root().child(7, "备份")
}

/// Left local `/l`, right on the cloud drive asked to open `path` at start.
fn opening(path: &str) -> (Model, Ticket) {
    let mut m = crate::app::testing::model(100, 30);
    m.cloud_enabled = true;
    m.start_dir = Some("/work".into());
    m.panes[1].location = Location::Cloud(CloudDir::root());
    m.panes[1].open_path = Some(TypedPath::parse(path));
    let effects = start(&mut m);
    let ticket = effects
        .iter()
        .find_map(|e| match e {
            Effect::OpenPath { side, ticket, path } => {
                assert_eq!((*side, path), (Side::Right, &TypedPath::parse("cloud:/备份/x")));
                Some(*ticket)
            }
            _ => None,
        })
        .expect("the named folder is looked up first");
    assert!(m.pane(Side::Right).is_loading());
    (m, ticket)
}

fn opened(m: &mut Model, ticket: Ticket, result: Result<Opened, FsError>) -> Vec<Effect> {
    let msg = CloudMsg::Opened {
        side: Side::Right,
        ticket,
        path: TypedPath::parse("cloud:/备份/x"),
        result,
    };
    update(m, Msg::Cloud(msg))
}

#[test]
fn a_pane_named_cloud_path_opens_there_or_at_the_nearest_folder_above() {
    let (mut m, ticket) = opening("cloud:/备份/x");
    let found = Opened {
        location: Location::Cloud(backup()),
        missing: Some("x not found there".into()),
    };
    assert!(opened(&mut m, ticket + 100, Ok(found.clone())).is_empty(), "stale");
    let effects = opened(&mut m, ticket, Ok(found));
    assert!(matches!(
        &effects[..],
        [Effect::List { side: Side::Right, location: Location::Cloud(d), .. }] if *d == backup()
    ));
    assert_eq!(status_text(&m), "Showing cloud:/备份: x not found there");
    assert!(m.pane(Side::Right).history.back.is_empty(), "nothing to go back to");

    let (mut m, ticket) = opening("cloud:/备份/x");
    let failed = FsError::new(crate::fs::FsErrorKind::Network, "HTTP 502");
    opened(&mut m, ticket, Err(failed));
    assert_eq!(m.pane(Side::Right).location, Location::Cloud(CloudDir::root()));
    assert_eq!(status_text(&m), "Cannot open cloud:/备份/x: HTTP 502");
}

#[test]
fn b_returns_each_backend_to_the_last_place_this_pane_showed() {
    let (mut m, ticket) = opening("cloud:/备份/x");
    let found = Opened {
        location: Location::Cloud(backup()),
        missing: None,
    };
    opened(&mut m, ticket, Ok(found));
    m.focus = Side::Right;
    let to = |effects: Vec<Effect>| match &effects[..] {
        [Effect::List { location, .. }] => location.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(to(press(&mut m, "b")), Location::Images(ImageDir::root()));
    assert_eq!(
        to(press(&mut m, "b")),
        Location::Local("/work".into()),
        "new to the local disk: where panfm started, not ~"
    );
    assert_eq!(to(press(&mut m, "b")), Location::Cloud(backup()));
    // Leaving the cloud by history, not by b, still remembers where the cloud was.
    assert_eq!(to(press(&mut m, "H")), Location::Local("/work".into()));
    assert_eq!(to(press(&mut m, "b")), Location::Cloud(backup()));
    assert_eq!(to(press(&mut m, "b")), Location::Images(ImageDir::root()));
    assert_eq!(to(press(&mut m, "b")), Location::Local("/work".into()));
}
