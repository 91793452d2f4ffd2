//! Mark-all is a state of the pane: entries still arriving are marked too, the status line
//! keeps the count, and any single mark change ends it.

use crate::app::testing::{file, model, press, status_text};
use crate::app::*;
use pretty_assertions::assert_eq;

fn page(from: usize, n: usize) -> Vec<crate::fs::Entry> {
    (from..from + n)
        .map(|i| file(&format!("f{i:04}"), 1))
        .collect()
}

/// A model whose left pane is loading: returns its ticket.
fn loading() -> (Model, Ticket) {
    let mut m = model(100, 30);
    let effects = start(&mut m);
    let Some(Effect::List { ticket, .. }) = effects.into_iter().find(|e| {
        matches!(
            e,
            Effect::List {
                side: Side::Left,
                ..
            }
        )
    }) else {
        panic!("the left pane lists")
    };
    (m, ticket)
}

fn arrive(m: &mut Model, ticket: Ticket, entries: Vec<crate::fs::Entry>) {
    let side = Side::Left;
    update(
        m,
        Msg::Listing(ListingMsg::Page {
            side,
            ticket,
            entries,
        }),
    );
}

#[test]
fn mark_all_while_loading_marks_what_arrives_later_and_says_so() {
    let (mut m, ticket) = loading();
    arrive(&mut m, ticket, page(0, 400));
    press(&mut m, "<C-a>");
    assert_eq!(status_text(&m), "All 400 marked (still loading)");
    arrive(&mut m, ticket, page(400, 200));
    assert_eq!(status_text(&m), "All 600 marked (still loading)");
    let side = Side::Left;
    update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    assert_eq!(status_text(&m), "All 600 marked");
    let pane = m.focused();
    assert_eq!((pane.marks.len(), pane.marked_bytes), (600, 600));
    assert!(pane.all_marked);
}

#[test]
fn a_single_mark_change_ends_the_all_state() {
    for keys in ["<Space>", "*", "u", "<Esc> j"] {
        let (mut m, ticket) = loading();
        arrive(&mut m, ticket, page(0, 10));
        press(&mut m, "<C-a>");
        press(&mut m, keys);
        assert!(!m.focused().all_marked, "{keys}");
        let before = m.focused().marks.len();
        arrive(&mut m, ticket, page(10, 5));
        assert_eq!(
            m.focused().marks.len(),
            before,
            "{keys}: later entries stay unmarked"
        );
        assert!(!status_text(&m).starts_with("All"), "{keys}");
    }
}

#[test]
fn only_visible_arrivals_are_marked_under_a_filter() {
    let (mut m, ticket) = loading();
    arrive(&mut m, ticket, page(0, 3));
    press(&mut m, "/ 1 <Enter> <C-a>");
    assert_eq!(m.focused().marks.len(), 1, "f0001");
    arrive(&mut m, ticket, vec![file("f0010", 1), file("x", 1)]);
    assert_eq!(m.focused().marks.len(), 2, "f0010 matches, x does not");
}
