//! Our own changes patch the panes in place: renames re-sort, moves leave one pane and arrive
//! in the other, cursor and marks stay where they belong, filters and hidden entries stay
//! right, and only panes still loading (or named for a re-list) list again.

use super::ops::{cloud, two_clouds};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::fs::{CloudDir, CloudSearch, DirPatch, DirRef, Entry, EntryKey, Location, Patch};
use pretty_assertions::assert_eq;

fn names(m: &Model, side: Side) -> Vec<String> {
    crate::app::testing::side_entries(m, side)
}

fn finished(m: &mut Model, patch: Patch) -> Vec<Effect> {
    let report = OpReport {
        ok: 1,
        patch,
        ..OpReport::default()
    };
    update(
        m,
        Msg::Op(OpMsg::Finished {
            op: 1,
            report: Box::new(report),
        }),
    )
}

fn one(dir: DirPatch) -> Patch {
    Patch {
        dirs: vec![dir],
        ..Patch::default()
    }
}

fn abcd() -> Vec<Entry> {
    ["a", "b", "c", "d"]
        .iter()
        .zip(1..)
        .map(|(n, id)| cloud(id, n, false))
        .collect()
}

fn current(m: &Model, side: Side) -> String {
    m.pane(side)
        .current()
        .map_or(String::new(), |e| e.name.clone())
}

#[test]
fn a_rename_resorts_in_place_keeping_cursor_and_marks() {
    let mut m = two_clouds(abcd(), vec![]);
    press(&mut m, "j j j <Space> k");
    assert_eq!(current(&m, Side::Left), "c");
    let mut p = DirPatch::new(DirRef::Cloud(5));
    p.renamed = vec![
        (EntryKey::Cloud(2), "z".into()),
        (EntryKey::Cloud(4), "0".into()),
    ];
    assert_eq!(finished(&mut m, one(p)), []);
    assert_eq!(names(&m, Side::Left), ["0", "a", "c", "z"]);
    assert_eq!(
        current(&m, Side::Left),
        "c",
        "the cursor stays on its entry"
    );
    let pane = m.pane(Side::Left);
    assert!(
        pane.marks.contains(&EntryKey::Cloud(4)),
        "the renamed mark stays"
    );
    assert_eq!((pane.marks.len(), pane.marked_bytes), (1, 10));
}

#[test]
fn a_move_leaves_one_pane_and_arrives_in_the_other() {
    let mut m = two_clouds(abcd(), vec![cloud(9, "m", false)]);
    press(&mut m, "j");
    let moved: Vec<Entry> = abcd()[..2].to_vec();
    let mut from = DirPatch::new(DirRef::Cloud(5));
    from.removed = moved.iter().map(|e| e.key.clone()).collect();
    let mut to = DirPatch::new(DirRef::Cloud(0));
    to.added = moved;
    let patch = Patch {
        dirs: vec![from, to],
        ..Patch::default()
    };
    assert_eq!(finished(&mut m, patch), []);
    assert_eq!(names(&m, Side::Left), ["c", "d"]);
    assert_eq!(current(&m, Side::Left), "d", "its entry left: same height");
    assert_eq!(names(&m, Side::Right), ["a", "b", "m"]);
    assert_eq!(
        current(&m, Side::Right),
        "m",
        "the other cursor stays on its entry"
    );
    let st = m.pane(Side::Right).listing.stats();
    assert_eq!((st.files, st.bytes), (3, 30));
}

#[test]
fn both_panes_on_one_folder_both_change() {
    let docs = Location::Cloud(CloudDir::root().child(5, "docs"));
    let mut m = crate::app::testing::listed((docs.clone(), abcd()), (docs, abcd()));
    let mut p = DirPatch::new(DirRef::Cloud(5));
    p.removed = vec![EntryKey::Cloud(1)];
    finished(&mut m, one(p));
    assert_eq!(names(&m, Side::Left), ["b", "c", "d"]);
    assert_eq!(names(&m, Side::Right), ["b", "c", "d"]);
}

#[test]
fn filters_and_hidden_entries_stay_right_after_a_patch() {
    let mut m = two_clouds(abcd(), vec![]);
    press(&mut m, "/ a <Enter>");
    assert_eq!(names(&m, Side::Left), ["a"]);
    let mut p = DirPatch::new(DirRef::Cloud(5));
    p.renamed = vec![
        (EntryKey::Cloud(1), ".a".into()),
        (EntryKey::Cloud(2), "ba".into()),
    ];
    p.added = vec![cloud(7, "aa", false)];
    finished(&mut m, one(p));
    assert_eq!(
        names(&m, Side::Left),
        ["aa", "ba"],
        "hidden .a out, new matches in"
    );
    assert_eq!(m.focused().listing.total(), 5);
    press(&mut m, "<Esc> .");
    assert_eq!(names(&m, Side::Left), [".a", "aa", "ba", "c", "d"]);
}

#[test]
fn a_pane_still_loading_or_named_for_a_relist_lists_again() {
    let mut m = two_clouds(abcd(), vec![]);
    press(&mut m, "<C-r>");
    assert!(m.focused().is_loading());
    let mut p = DirPatch::new(DirRef::Cloud(5));
    p.removed = vec![EntryKey::Cloud(1)];
    let effects = finished(&mut m, one(p));
    assert!(matches!(
        effects[..],
        [Effect::List {
            side: Side::Left,
            fresh: true,
            ..
        }]
    ));
    let effects = finished(&mut m, Patch::relist(vec![DirRef::Cloud(0)]));
    assert!(matches!(
        effects[..],
        [Effect::List {
            side: Side::Right,
            ..
        }]
    ));
}

#[test]
fn search_results_lose_trashed_entries_and_show_renames() {
    let search = Location::Search(CloudSearch {
        query: "a".into(),
        exact: false,
    });
    let mut m = crate::app::testing::listed((search, abcd()), (Location::Trash, vec![]));
    let mut renamed = DirPatch::new(DirRef::Cloud(77));
    renamed.renamed = vec![(EntryKey::Cloud(3), "c2".into())];
    let mut view = DirPatch::new(DirRef::Trash);
    view.added = vec![cloud(1, "a", false)];
    let patch = Patch {
        dirs: vec![renamed, view],
        gone: vec![EntryKey::Cloud(1)],
        relist: vec![],
    };
    assert_eq!(finished(&mut m, patch), []);
    assert_eq!(names(&m, Side::Left), ["b", "c2", "d"]);
    assert_eq!(names(&m, Side::Right), ["a"], "the trash view gained it");
}

#[test]
fn restore_and_purge_patch_the_trash_view() {
    let mut m = crate::app::testing::listed(
        (Location::Trash, abcd()),
        (Location::Cloud(CloudDir::root()), vec![]),
    );
    let mut view = DirPatch::new(DirRef::Trash);
    view.removed = vec![EntryKey::Cloud(1), EntryKey::Cloud(2)];
    let mut back = DirPatch::new(DirRef::Cloud(0));
    back.added = abcd()[..2].to_vec();
    let patch = Patch {
        dirs: vec![view, back],
        ..Patch::default()
    };
    assert_eq!(finished(&mut m, patch), []);
    assert_eq!(names(&m, Side::Left), ["c", "d"]);
    assert_eq!(names(&m, Side::Right), ["a", "b"]);
}

#[test]
fn new_entries_from_an_upload_arrive_unmarked_and_end_the_all_state() {
    let mut m = two_clouds(abcd(), vec![]);
    press(&mut m, "<C-a>");
    assert!(m.focused().all_marked);
    let mut p = DirPatch::new(DirRef::Cloud(5));
    p.added = vec![cloud(8, "e", false)];
    assert_eq!(update(&mut m, Msg::Patched(one(p))), []);
    let pane = m.focused();
    assert_eq!((pane.listing.total(), pane.marks.len()), (5, 4));
    assert!(!pane.all_marked);
    assert_eq!(status_text(&m), "", "no longer claims all are marked");
}

/// A patch leaves the listing exactly as listing the result afresh would, hidden entries and
/// filter included; 5,000 entries out and 5,000 in is one O(n + p log p) pass.
#[test]
fn a_patched_listing_equals_a_fresh_one() {
    let spec = SortSpec::default();
    let vis = Visibility {
        show_hidden: false,
        filter: "1".into(),
    };
    let name = |i: i64| match i % 7 {
        0 => format!(".h{i}"),
        _ => format!("f{i}"),
    };
    let entries: Vec<Entry> = (0..10_000)
        .map(|i| cloud(i, &name(i), i % 5 == 0))
        .collect();
    let mut listing = Listing::default();
    listing.push_page(entries.clone(), spec, &vis, None);
    let mut p = DirPatch::new(DirRef::Cloud(1));
    p.removed = (0..10_000).step_by(2).map(EntryKey::Cloud).collect();
    p.renamed = vec![
        (EntryKey::Cloud(3), "z1".into()),
        (EntryKey::Cloud(5), ".x".into()),
    ];
    p.added = (10_000..15_000)
        .map(|i| cloud(i, &name(i), false))
        .collect();
    listing.patch(&p, spec, &vis);
    let mut expected = entries.clone();
    p.apply(&mut expected);
    let mut fresh = Listing::default();
    fresh.push_page(expected, spec, &vis, None);
    let keys = |l: &Listing| l.visible().map(|e| e.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&listing), keys(&fresh));
    assert_eq!(listing.stats(), fresh.stats());
    assert_eq!(listing.total(), 10_000);
    let all = Visibility {
        show_hidden: true,
        filter: String::new(),
    };
    listing.refilter(&all);
    fresh.refilter(&all);
    assert_eq!(
        keys(&listing),
        keys(&fresh),
        "the hidden and filtered-out ones too"
    );
}
