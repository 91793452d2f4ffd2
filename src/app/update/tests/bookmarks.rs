//! Bookmarks through update(): `B` key adds, `'` key goes, the list goes and removes; recent
//! folders are recorded as listings complete.

use super::ops::loaded_local;
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::fs::{Location, TypedPath};
use pretty_assertions::assert_eq;

fn kept_marks(effects: &[Effect]) -> Vec<(char, String)> {
    match effects {
        [Effect::Keep(Kept::Bookmarks(b))] => b.marks.clone().into_iter().collect(),
        other => panic!("expected bookmarks saved, got {other:?}"),
    }
}

fn goes_to(effects: &[Effect]) -> TypedPath {
    match effects {
        [
            Effect::OpenPath {
                path, typed: true, ..
            },
        ] => path.clone(),
        other => panic!("expected a lookup, got {other:?}"),
    }
}

#[test]
fn b_then_a_key_adds_and_quote_then_the_key_goes_there() {
    let mut m = loaded_local();
    press(&mut m, "B");
    assert_eq!(m.layer(), Layer::Bookmarks);
    let effects = press(&mut m, "a");
    assert_eq!(kept_marks(&effects), [('a', "/l".to_owned())]);
    assert_eq!(status_text(&m), "Bookmarked /l as 'a");
    assert!(m.modal.is_none());

    m.focus = Side::Right;
    assert_eq!(
        goes_to(&press(&mut m, "' a")),
        TypedPath::Local("/l".into())
    );
    press(&mut m, "B");
    let effects = press(&mut m, "a");
    assert_eq!(kept_marks(&effects), [('a', "/r".to_owned())]);
    assert_eq!(status_text(&m), "Bookmarked /r as 'a (was /l)");
    assert!(
        press(&mut m, "B <Enter> <Delete> <Down>").is_empty(),
        "adding waits for a key"
    );
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
    assert_eq!(m.bookmarks.marks.len(), 1);

    assert!(press(&mut m, "' z").is_empty());
    assert_eq!(status_text(&m), "No bookmark 'z (B then a key adds one)");
    assert!(m.modal.is_none());
}

#[test]
fn the_list_goes_to_a_row_and_removes_bookmarks_only() {
    let mut m = loaded_local();
    m.bookmarks.marks.insert('c', "cloud:/备份".into());
    m.cloud_enabled = true;
    press(&mut m, "'");
    let rows = m.bookmarks.rows(&m.recent);
    assert_eq!(
        rows,
        [(Some('c'), "cloud:/备份"), (None, "/r"), (None, "/l")],
        "bookmarks, then recent folders, newest first"
    );
    press(&mut m, "<Down>");
    assert_eq!(
        goes_to(&press(&mut m, "<Enter>")),
        TypedPath::Local("/r".into())
    );

    press(&mut m, "' <Down> <Delete>");
    assert!(status_text(&m).starts_with("Only bookmarks"));
    let effects = press(&mut m, "<Up> <Delete>");
    assert_eq!(kept_marks(&effects), []);
    assert_eq!(status_text(&m), "Removed bookmark 'c (cloud:/备份)");
    assert!(matches!(
        m.modal,
        Some(Modal::Bookmarks {
            add: false,
            cursor: 0
        })
    ));
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
}

#[test]
fn cloud_bookmarks_need_an_account_and_nowhere_cannot_be_bookmarked() {
    let mut m = loaded_local();
    m.bookmarks.marks.insert('c', "cloud:/x".into());
    assert!(press(&mut m, "' c").is_empty());
    assert!(
        status_text(&m).contains("no cloud account"),
        "{}",
        status_text(&m)
    );

    m.focused_mut().location = Location::Trash;
    press(&mut m, "B");
    assert!(m.modal.is_none());
    assert!(status_text(&m).contains("cannot be bookmarked"));

    let mut m = loaded_local();
    m.bookmarks.broken = Some("b.toml:3: bad".into());
    press(&mut m, "B");
    assert!(
        m.modal.is_none(),
        "a file that could not be read is not written over"
    );
    assert!(status_text(&m).contains("b.toml:3: bad"));
}

#[test]
fn finished_listings_become_recent_folders_once() {
    let mut m = loaded_local();
    assert_eq!(m.recent.places, ["/r", "/l"]);
    let effects = press(&mut m, "<C-r>");
    let [Effect::List { side, ticket, .. }] = effects[..] else {
        panic!("{effects:?}")
    };
    let done = update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    match &done[..] {
        [Effect::Keep(Kept::Recent(r))] => assert_eq!(r.places, ["/l", "/r"]),
        other => panic!("{other:?}"),
    }
    let effects = press(&mut m, "<C-r>");
    let [Effect::List { side, ticket, .. }] = effects[..] else {
        panic!("{effects:?}")
    };
    let again = update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    assert!(again.is_empty(), "already the newest: nothing to save");
}
