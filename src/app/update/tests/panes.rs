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
        [
            "ux", "ux", "uxbox", "UX-notes", "linux", "tmux-0", "mux.txt"
        ],
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
    for batch in [
        vec![dir("cab"), file("ab", 1)],
        vec![dir("ab"), file("abc", 2)],
    ] {
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
            Effect::OpenPath {
                side,
                ticket,
                path,
                typed: false,
            } => {
                assert_eq!(
                    (*side, path),
                    (Side::Right, &TypedPath::parse("cloud:/备份/x"))
                );
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
        typed: false,
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
    assert!(
        opened(&mut m, ticket + 100, Ok(found.clone())).is_empty(),
        "stale"
    );
    let effects = opened(&mut m, ticket, Ok(found));
    assert!(matches!(
        &effects[..],
        [Effect::List { side: Side::Right, location: Location::Cloud(d), .. }] if *d == backup()
    ));
    assert_eq!(status_text(&m), "Showing cloud:/备份: x not found there");
    assert!(
        m.pane(Side::Right).history.back.is_empty(),
        "nothing to go back to"
    );

    let (mut m, ticket) = opening("cloud:/备份/x");
    let failed = FsError::new(crate::fs::FsErrorKind::Network, "HTTP 502");
    opened(&mut m, ticket, Err(failed));
    assert_eq!(
        m.pane(Side::Right).location,
        Location::Cloud(CloudDir::root())
    );
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

fn hit(id: i64, name: &str, kind: EntryKind, parent: i64) -> Entry {
    let mut e = cloud(id, name, kind);
    e.parent = Some(parent);
    e
}

fn trip() -> CloudDir {
    CloudDir::root()
        .child(1, "照片")
        .child(2, "2023 旅行 🌴")
        .child(3, "三亚")
}

/// The right pane searched from the cloud root; hits in /照片/2023 旅行 🌴/三亚 (id 3) and
/// in a folder whose path is not known (id 9).
fn searched() -> (Model, Ticket) {
    let root = Location::Cloud(CloudDir::root());
    let mut m = crate::app::testing::listed((Location::Local("/l".into()), vec![]), (root, vec![]));
    m.focus = Side::Right;
    let effects = press(&mut m, "S 海 <Enter>");
    let [Effect::List { ticket, .. }] = effects[..] else {
        panic!("{effects:?}")
    };
    let entries = vec![
        hit(31, "海边 🌊", EntryKind::Dir, 3),
        hit(32, "海.jpg", EntryKind::File, 3),
        hit(91, "海报.png", EntryKind::File, 9),
    ];
    let side = Side::Right;
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side,
            ticket,
            entries,
        }),
    );
    let places = vec![(3, trip())];
    update(
        &mut m,
        Msg::Listing(ListingMsg::Places {
            side,
            ticket,
            places,
        }),
    );
    update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    (m, ticket)
}

fn listed_at(effects: &[Effect]) -> (Location, Option<EntryKey>, usize) {
    match effects {
        [Effect::List { location, .. }] => (location.clone(), None, 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn search_hits_open_their_folder_with_the_cursor_on_them() {
    let (mut m, _) = searched();
    assert_eq!(m.focused().places.get(&3), Some(&trip()));
    // Enter on a folder found by search: straight in, its path known.
    let (to, ..) = listed_at(&press(&mut m, "<Enter>"));
    assert_eq!(to, Location::Cloud(trip().child(31, "海边 🌊")));
    let (to, ..) = listed_at(&press(&mut m, "h"));
    assert_eq!(
        to,
        Location::Cloud(trip()),
        "a real folder: h is its parent"
    );

    let (mut m, _) = searched();
    press(&mut m, "j");
    let (to, ..) = listed_at(&press(&mut m, "<Enter>"));
    assert_eq!(to, Location::Cloud(trip()), "a file: its folder");
    assert_eq!(
        m.focused().want_cursor,
        Some(EntryKey::Cloud(32)),
        "cursor on the hit"
    );

    let (mut m, _) = searched();
    let (to, ..) = listed_at(&press(&mut m, "O"));
    assert_eq!(to, Location::Cloud(trip()), "O: a folder hit's own folder");
    assert_eq!(m.focused().want_cursor, Some(EntryKey::Cloud(31)));

    // Where the path is not known yet, it is looked up first.
    let (mut m, _) = searched();
    let effects = press(&mut m, "G <Enter>");
    let [
        Effect::ResolveCloudDir {
            side,
            ticket,
            id: 9,
            want,
        },
    ] = &effects[..]
    else {
        panic!("{effects:?}")
    };
    assert_eq!(want, &Some(EntryKey::Cloud(91)));
    let dir = CloudDir::root().child(9, "海报");
    let resolved = CloudMsg::Resolved {
        side: *side,
        ticket: *ticket,
        want: want.clone(),
        result: Ok(dir.clone()),
    };
    let (to, ..) = listed_at(&update(&mut m, Msg::Cloud(resolved)));
    assert_eq!(to, Location::Cloud(dir));
    assert_eq!(m.focused().want_cursor, Some(EntryKey::Cloud(91)));
}

#[test]
fn details_of_a_search_hit_name_its_folder() {
    let (mut m, _) = searched();
    press(&mut m, "j i");
    let Some(Modal::Details(state)) = &m.modal else {
        panic!("{:?}", m.modal)
    };
    assert_eq!(state.location.display(), "/照片/2023 旅行 🌴/三亚");
}

#[test]
fn h_leaves_search_results_and_the_trash_like_a_parent() {
    let (mut m, _) = searched();
    let (to, ..) = listed_at(&press(&mut m, "<Backspace>"));
    assert_eq!(
        to,
        Location::Cloud(CloudDir::root()),
        "back where the search started"
    );
    press(&mut m, "T");
    assert_eq!(m.focused().location, Location::Trash);
    let (to, ..) = listed_at(&press(&mut m, "h"));
    assert_eq!(to, Location::Cloud(CloudDir::root()));
    // With no history (the pane started there) h goes to the drive's root.
    m.panes[1].location = Location::Trash;
    m.panes[1].history = History::default();
    let (to, ..) = listed_at(&press(&mut m, "<Left>"));
    assert_eq!(to, Location::Cloud(CloudDir::root()));
}

/// The trash with items from /照片/2023 旅行 🌴/三亚 (id 3) and /文档 (id 4).
fn trash() -> Model {
    let root = Location::Cloud(CloudDir::root());
    let mut m = crate::app::testing::listed((Location::Local("/l".into()), vec![]), (root, vec![]));
    m.focus = Side::Right;
    let effects = press(&mut m, "T");
    let [Effect::List { ticket, .. }] = effects[..] else {
        panic!("{effects:?}")
    };
    let entries = vec![
        hit(51, "a.jpg", EntryKind::File, 3),
        hit(52, "b.jpg", EntryKind::File, 3),
        hit(53, "c.txt", EntryKind::File, 4),
        hit(54, "d.txt", EntryKind::File, 8),
    ];
    let side = Side::Right;
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side,
            ticket,
            entries,
        }),
    );
    let places = vec![(3, trip()), (4, CloudDir::root().child(4, "文档"))];
    update(
        &mut m,
        Msg::Listing(ListingMsg::Places {
            side,
            ticket,
            places,
        }),
    );
    update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    m
}

fn question(m: &Model) -> (String, Vec<String>) {
    match &m.modal {
        Some(Modal::Confirm(c)) => (c.title.clone(), c.lines.clone()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_restore_question_names_where_items_go() {
    let mut m = trash();
    press(&mut m, "<Space> <Space> k k r");
    let (title, lines) = question(&m);
    assert_eq!(title, "Restore 2 items to /照片/2023 旅行 🌴/三亚?");
    assert_eq!(lines[0], "  a.jpg  → /照片/2023 旅行 🌴/三亚");
    press(&mut m, "<Esc> <C-a> r");
    let (title, lines) = question(&m);
    assert_eq!(title, "Restore 4 items to their folders?");
    assert_eq!(
        lines[2..],
        [
            "  c.txt  → /文档".to_owned(),
            "  d.txt  → where it was (not known here)".to_owned()
        ]
    );
    press(&mut m, "<Esc> u G r");
    let (title, _) = question(&m);
    assert_eq!(title, "Restore 1 item to where they were?");
}
