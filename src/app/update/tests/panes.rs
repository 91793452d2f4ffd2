//! Pane behaviour from issue 13: the filter's ranking, start locations and `b` returning each
//! backend to where it was, search hits placed in their folders, the trash naming where items
//! came from.

use crate::app::testing::{dir, file, loaded, press, side_entries};
use crate::app::*;
use crate::fs::{Entry, EntryKey, EntryKind};
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
