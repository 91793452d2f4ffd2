//! The trash view in update(): the full-scan key, the note when the recycle bin could not be
//! listed, and restores and purges applied in place.

use super::ops::{cloud, two_clouds};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::fs::{DirPatch, DirRef, EntryKey, Location, Patch};
use pretty_assertions::assert_eq;

/// `two_clouds` with the left pane showing the trash with `entries`; returns its ticket.
pub(super) fn in_trash(entries: Vec<crate::fs::Entry>) -> (Model, Ticket) {
    let mut m = two_clouds(vec![], vec![]);
    let Some(Effect::List { ticket, .. }) = press(&mut m, "T").pop() else {
        panic!("T lists the trash")
    };
    let side = Side::Left;
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side,
            ticket,
            entries,
        }),
    );
    update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    (m, ticket)
}

fn names(m: &Model) -> Vec<String> {
    m.pane(Side::Left)
        .listing
        .visible()
        .map(|e| e.name.clone())
        .collect()
}

#[test]
fn the_full_scan_key_works_in_the_trash_only() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    assert!(press(&mut m, "F").is_empty());
    assert!(
        status_text(&m).contains("open the trash first (T)"),
        "{m:?}"
    );

    let (mut m, listed) = in_trash(vec![cloud(1, "a", false)]);
    let effects = press(&mut m, "F");
    let [Effect::ScanTrash { side, ticket }] = effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(side, Side::Left);
    assert_ne!(ticket, listed);
    assert!(m.pane(side).is_loading());
    assert!(status_text(&m).contains("Full scan of the trash started"));
    let entries = vec![cloud(1, "a", false), cloud(2, "deep", false)];
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side,
            ticket,
            entries,
        }),
    );
    update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    assert_eq!(names(&m), ["a", "deep"]);
}

#[test]
fn a_partial_listing_says_how_to_scan() {
    let mut m = two_clouds(vec![], vec![]);
    let Some(Effect::List { ticket, .. }) = press(&mut m, "T").pop() else {
        panic!()
    };
    let side = Side::Left;
    let stale = ListingMsg::Partial {
        side,
        ticket: ticket + 100,
        why: "gone".into(),
    };
    update(&mut m, Msg::Listing(stale));
    assert_eq!(status_text(&m), "");
    let why = "123pan api/v1/file/list: request failed".to_owned();
    update(
        &mut m,
        Msg::Listing(ListingMsg::Partial { side, ticket, why }),
    );
    let text = status_text(&m);
    assert!(
        text.contains("could not be listed (123pan api/v1/file/list: request failed)")
            && text.contains("F: full scan"),
        "{text}"
    );
}

#[test]
fn restores_and_purges_change_the_trash_view_in_place() {
    let entries = vec![
        cloud(1, "a", false),
        cloud(2, "b", false),
        cloud(3, "c", false),
    ];
    let (mut m, _) = in_trash(entries);
    press(&mut m, "j j <Space>");
    press(&mut m, "k");
    let mut left = DirPatch::new(DirRef::Trash);
    left.removed = vec![EntryKey::Cloud(2)];
    let mut report = OpReport {
        ok: 1,
        ..OpReport::default()
    };
    report.patch.push(left);
    let report = Box::new(report);
    let effects = update(&mut m, Msg::Op(OpMsg::Finished { op: 1, report }));
    assert_eq!(names(&m), ["a", "c"]);
    let pane = m.pane(Side::Left);
    assert_eq!(pane.location, Location::Trash);
    assert!(!pane.is_loading());
    assert_eq!(pane.current().map(|e| e.name.as_str()), Some("c"));
    assert_eq!(pane.marks.len(), 1, "the mark on c stays");
    let relisted: Vec<Side> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::List { side, .. } => Some(*side),
            _ => None,
        })
        .collect();
    assert!(relisted.is_empty(), "nothing is listed again: {relisted:?}");
}

#[test]
fn a_trash_view_listed_again_after_our_changes_reads_what_panfm_knows() {
    let (mut m, _) = in_trash(vec![cloud(1, "a", false)]);
    let report = Box::new(OpReport {
        ok: 1,
        patch: Patch::relist(vec![DirRef::Trash]),
        ..OpReport::default()
    });
    let effects = update(&mut m, Msg::Op(OpMsg::Finished { op: 1, report }));
    let trash_reload = effects.iter().find_map(|e| match e {
        Effect::List {
            location: Location::Trash,
            fresh,
            ..
        } => Some(*fresh),
        _ => None,
    });
    assert_eq!(trash_reload, Some(false), "{effects:?}");
    assert!(matches!(
        press(&mut m, "<C-r>")[..],
        [Effect::List { fresh: true, .. }]
    ));
}
