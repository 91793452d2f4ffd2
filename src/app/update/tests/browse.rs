//! update() tests: drive the model with messages and check state and effects. No runtime.

use crate::app::testing::{dir, file, status_text};
use crate::app::*;
use crate::config::{Command, Keymap, Styles};
use crate::fs::{Entry, Location};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pretty_assertions::assert_eq;
use std::path::PathBuf;

fn model() -> Model {
    let loc = |p: &str| Location::Local(PathBuf::from(p));
    let mut m = Model::new(
        loc("/l"),
        loc("/r"),
        Keymap::default_map().unwrap(),
        Styles::colored(),
    );
    m.home = Some(PathBuf::from("/home/u"));
    update(
        &mut m,
        Msg::Resize {
            width: 100,
            height: 25,
        },
    ); // 20 list rows
    m
}

/// Starts the focused pane's listing and delivers `entries` as one page plus Done.
fn loaded(entries: Vec<Entry>) -> Model {
    let mut m = model();
    let effects = start(&mut m);
    let Effect::List { ticket, .. } = effects[0].clone() else {
        panic!()
    };
    page(&mut m, ticket, entries);
    done(&mut m, ticket);
    m
}

fn page(m: &mut Model, ticket: Ticket, entries: Vec<Entry>) {
    update(
        m,
        Msg::Listing(ListingMsg::Page {
            side: Side::Left,
            ticket,
            entries,
        }),
    );
}

fn done(m: &mut Model, ticket: Ticket) {
    update(
        m,
        Msg::Listing(ListingMsg::Done {
            side: Side::Left,
            ticket,
        }),
    );
}

fn press(m: &mut Model, keys: &str) -> Vec<Effect> {
    let mut effects = vec![];
    for k in keys.split(' ') {
        let key = crate::config::Key::parse(k).unwrap();
        let ev = KeyEvent::new(key.code, key.mods);
        effects.extend(update(m, Msg::Key(ev)));
    }
    effects
}

fn names(m: &Model) -> Vec<String> {
    m.focused()
        .listing
        .visible()
        .map(|e| e.name.clone())
        .collect()
}

fn cursor_name(m: &Model) -> String {
    m.focused()
        .current()
        .map(|e| e.name.clone())
        .unwrap_or_default()
}

fn numbered(n: usize) -> Vec<Entry> {
    (0..n)
        .map(|i| file(&format!("f{i:05}"), i as u64))
        .collect()
}

#[test]
fn start_lists_both_panes_with_distinct_tickets() {
    let mut m = model();
    let effects = start(&mut m);
    assert_eq!(
        effects,
        vec![
            Effect::List {
                side: Side::Left,
                ticket: 1,
                location: Location::Local("/l".into()),
                fresh: false
            },
            Effect::List {
                side: Side::Right,
                ticket: 2,
                location: Location::Local("/r".into()),
                fresh: false
            },
        ]
    );
    assert!(m.wants_tick(), "spinner animates while loading");
}

#[test]
fn stale_pages_are_dropped() {
    let mut m = model();
    start(&mut m);
    page(&mut m, 1, vec![dir("a")]);
    let effects = press(&mut m, "<Enter>");
    let Effect::List { ticket, .. } = effects[0].clone() else {
        panic!()
    };
    page(&mut m, 1, vec![file("stale", 1)]);
    done(&mut m, 1);
    assert!(m.focused().listing.is_empty());
    assert_eq!(m.focused().load, LoadState::Loading(ticket));
    page(&mut m, ticket, vec![file("fresh", 1)]);
    assert_eq!(names(&m), ["fresh"]);
}

#[test]
fn cursor_moves_clamp_and_scroll() {
    let mut m = loaded(numbered(100));
    press(&mut m, "j j j k");
    assert_eq!(m.focused().cursor, 2);
    press(&mut m, "<PageDown>");
    assert_eq!(m.focused().cursor, 22);
    assert_eq!(
        m.focused().offset,
        3,
        "cursor stays on the last visible row"
    );
    press(&mut m, "G");
    assert_eq!((m.focused().cursor, m.focused().offset), (99, 80));
    press(&mut m, "j");
    assert_eq!(m.focused().cursor, 99);
    press(&mut m, "g g");
    assert_eq!((m.focused().cursor, m.focused().offset), (0, 0));
    press(&mut m, "k <C-d>");
    assert_eq!(m.focused().cursor, 10);
}

#[test]
fn resize_keeps_cursor_visible() {
    let mut m = loaded(numbered(100));
    press(&mut m, "G");
    update(
        &mut m,
        Msg::Resize {
            width: 100,
            height: 15,
        },
    );
    let p = m.focused();
    assert!(p.cursor >= p.offset && p.cursor < p.offset + m.viewport.list_rows());
}

#[test]
fn enter_parent_and_history() {
    let mut m = loaded(vec![dir("a"), dir("b"), file("c", 1)]);
    press(&mut m, "j");
    let effects = press(&mut m, "<Enter>");
    assert_eq!(effects.len(), 1);
    assert_eq!(m.focused().location, Location::Local("/l/b".into()));
    assert_eq!(m.focused().history.back, vec![Location::Local("/l".into())]);

    let effects = press(&mut m, "h");
    let Effect::List {
        ticket, location, ..
    } = effects[0].clone()
    else {
        panic!()
    };
    assert_eq!(location, Location::Local("/l".into()));
    page(&mut m, ticket, vec![dir("a"), dir("b"), file("c", 1)]);
    assert_eq!(
        cursor_name(&m),
        "b",
        "parent puts the cursor on the directory we left"
    );

    press(&mut m, "H");
    assert_eq!(m.focused().location, Location::Local("/l/b".into()));
    press(&mut m, "L");
    assert_eq!(m.focused().location, Location::Local("/l".into()));
    press(&mut m, "~");
    assert_eq!(m.focused().location, Location::Local("/home/u".into()));
}

#[test]
fn enter_on_a_file_views_it() {
    let mut m = loaded(vec![file("c", 1)]);
    let effects = press(&mut m, "<Enter>");
    assert!(
        matches!(&effects[..], [crate::app::Effect::Read { .. }]),
        "{effects:?}"
    );
    assert_eq!(m.viewer.as_ref().map(|v| v.name.as_str()), Some("c"));
}

#[test]
fn marks_toggle_all_invert_and_count_bytes() {
    let mut m = loaded(vec![file("a", 10), file("b", 20), file("c", 30)]);
    press(&mut m, "<Space>");
    assert_eq!(m.focused().cursor, 1, "marking steps down");
    assert_eq!(m.focused().marked_bytes, 10);
    press(&mut m, "*");
    assert_eq!(m.focused().marks.len(), 2);
    assert_eq!(m.focused().marked_bytes, 50);
    press(&mut m, "<C-a>");
    assert_eq!(m.focused().marked_bytes, 60);
    press(&mut m, "u");
    assert!(m.focused().marks.is_empty());
    assert_eq!(m.focused().marked_bytes, 0);
}

#[test]
fn marks_survive_refresh_but_drop_vanished_entries() {
    let mut m = loaded(vec![file("a", 10), file("b", 20), file("c", 30)]);
    press(&mut m, "<C-a>");
    let effects = press(&mut m, "<C-r>");
    let Effect::List { ticket, .. } = effects[0].clone() else {
        panic!()
    };
    page(&mut m, ticket, vec![file("a", 10), file("c", 31)]);
    done(&mut m, ticket);
    assert_eq!(m.focused().marks.len(), 2);
    assert_eq!(m.focused().marked_bytes, 41);
}

#[test]
fn refresh_keeps_cursor_on_its_entry() {
    let mut m = loaded(vec![file("a", 1), file("b", 2), file("c", 3)]);
    press(&mut m, "j j");
    let effects = press(&mut m, "<C-r>");
    let Effect::List { ticket, .. } = effects[0].clone() else {
        panic!()
    };
    page(
        &mut m,
        ticket,
        vec![file("0", 0), file("a", 1), file("b", 2), file("c", 3)],
    );
    assert_eq!(cursor_name(&m), "c");
}

#[test]
fn filter_as_you_type_with_smart_case() {
    let mut m = loaded(vec![file("Alpha", 1), file("beta", 2), file("alphabet", 3)]);
    press(&mut m, "/ a l p");
    assert_eq!(m.layer(), crate::config::Layer::Filter);
    assert_eq!(names(&m), ["Alpha", "alphabet"]);
    press(&mut m, "<Backspace> <Backspace> <Backspace> A");
    assert_eq!(
        names(&m),
        ["Alpha"],
        "an uppercase letter makes the filter case-sensitive"
    );
    press(&mut m, "<Enter>");
    assert_eq!(m.layer(), crate::config::Layer::Browse);
    assert_eq!(names(&m), ["Alpha"], "Enter keeps the filter");
    press(&mut m, "<Esc>");
    update(&mut m, Msg::Command(Command::Escape));
    assert_eq!(names(&m).len(), 3);
}

#[test]
fn filter_keeps_cursor_entry_when_it_still_matches() {
    let mut m = loaded(vec![file("a1", 1), file("b", 2), file("a2", 3)]);
    press(&mut m, "j");
    press(&mut m, "/ a");
    assert_eq!(cursor_name(&m), "a2");
    press(&mut m, "<Esc>");
    assert!(m.focused().filter.is_none());
    assert_eq!(cursor_name(&m), "a2");
}

#[test]
fn sort_orders_with_dirs_first_and_natural_names() {
    let mut m = loaded(vec![
        file("f10", 5),
        file("f2", 50),
        dir("zdir"),
        file("f1", 500),
    ]);
    assert_eq!(names(&m), ["zdir", "f1", "f2", "f10"]);
    press(&mut m, "s s");
    assert_eq!(names(&m), ["zdir", "f1", "f2", "f10"], "largest first");
    press(&mut m, "s r");
    assert_eq!(
        names(&m),
        ["zdir", "f10", "f2", "f1"],
        "directories stay first when reversed"
    );
    press(&mut m, "s n");
    assert_eq!(names(&m), ["zdir", "f1", "f2", "f10"]);
    press(&mut m, "s n");
    assert_eq!(
        names(&m),
        ["zdir", "f10", "f2", "f1"],
        "same key again reverses"
    );
}

#[test]
fn hidden_entries_toggle() {
    let mut m = loaded(vec![file(".rc", 1), file("a", 2)]);
    assert_eq!(names(&m), ["a"]);
    press(&mut m, ".");
    assert_eq!(names(&m), [".rc", "a"]);
    assert_eq!(m.focused().listing.total(), 2);
}

#[test]
fn pages_merge_in_order_and_keep_a_moved_cursor() {
    let mut m = model();
    start(&mut m);
    page(&mut m, 1, vec![file("b", 1), file("d", 1)]);
    assert_eq!(cursor_name(&m), "b");
    page(&mut m, 1, vec![file("a", 1)]);
    assert_eq!(cursor_name(&m), "a", "an untouched cursor stays at the top");
    press(&mut m, "j j");
    assert_eq!(cursor_name(&m), "d");
    page(&mut m, 1, vec![file("c", 1), file("0", 1)]);
    assert_eq!(names(&m), ["0", "a", "b", "c", "d"]);
    assert_eq!(cursor_name(&m), "d", "a moved cursor follows its entry");
}

#[test]
fn failed_listing_reports_the_error() {
    let mut m = model();
    start(&mut m);
    let error = crate::fs::FsError::new(crate::fs::FsErrorKind::PermissionDenied, "denied");
    update(
        &mut m,
        Msg::Listing(ListingMsg::Failed {
            side: Side::Left,
            ticket: 1,
            error,
        }),
    );
    assert_eq!(m.focused().load, LoadState::Failed("denied".into()));
    assert_eq!(m.status.as_ref().unwrap().level, Level::Error);
    assert!(status_text(&m).contains("/l"));
}

#[test]
fn esc_digit_and_alt_digit_are_function_keys() {
    let mut m = loaded(vec![file("a", 1)]);
    press(&mut m, "<Esc>");
    assert_eq!(m.pending_keys.len(), 1);
    press(&mut m, "1");
    assert!(matches!(m.modal, Some(Modal::Help { scroll: 0 })));
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
    let alt1 = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT);
    update(&mut m, Msg::Key(alt1));
    assert!(matches!(m.modal, Some(Modal::Help { scroll: 0 })));
    press(&mut m, "q");
    press(&mut m, "<Esc> 0");
    assert!(m.quit, "Esc 0 is F10, quit");
}

#[test]
fn lone_esc_acts_after_the_timeout() {
    let mut m = loaded(vec![file("a", 1), file("b", 1)]);
    press(&mut m, "/ a <Enter> <Esc>");
    assert_eq!(names(&m), ["a"], "Esc waits for a possible digit");
    for _ in 0..10 {
        update(&mut m, Msg::Tick);
    }
    assert!(m.pending_keys.is_empty());
    assert_eq!(names(&m), ["a", "b"]);
}

#[test]
fn esc_then_other_key_runs_both() {
    let mut m = loaded(vec![file("a", 1), file("b", 1)]);
    press(&mut m, "<Space> <Esc> j");
    assert!(m.focused().marks.is_empty(), "Esc cleared marks");
    assert_eq!(m.focused().cursor, 1);
}

#[test]
fn chords_time_out_and_unknown_chords_say_so() {
    let mut m = loaded(vec![file("a", 1)]);
    press(&mut m, "g");
    assert!(m.wants_tick());
    for _ in 0..CHORD_TIMEOUT_TICKS {
        update(&mut m, Msg::Tick);
    }
    assert!(m.pending_keys.is_empty());
    press(&mut m, "g x");
    assert!(status_text(&m).contains("g x"));
}

#[test]
fn switch_and_mirror_panes() {
    let mut m = loaded(vec![dir("a")]);
    press(&mut m, "<Tab>");
    assert_eq!(m.focus, Side::Right);
    let effects = press(&mut m, "=");
    assert_eq!(
        effects,
        vec![Effect::List {
            side: Side::Left,
            ticket: 3,
            location: Location::Local("/r".into()),
            fresh: false
        }]
    );
}

#[test]
fn quit_and_terminate() {
    let mut m = loaded(vec![]);
    update(&mut m, Msg::Terminate);
    assert!(m.quit);
}
