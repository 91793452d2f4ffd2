//! Mouse events through update(): clicks focus a pane and select the clicked row (scrolled
//! lists included), double clicks open, the wheel scrolls the pane under the pointer; the queue
//! panel's rows are clicked and wheeled; dialogs and a disabled mouse ignore it all.

use super::queue::{add, job};
use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::*;
use crate::fs::Location;
use crate::transfer::JobState;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use pretty_assertions::assert_eq;
use std::time::{Duration, Instant};

const CLICK: MouseEventKind = MouseEventKind::Down(MouseButton::Left);
const DOWN: MouseEventKind = MouseEventKind::ScrollDown;
const UP: MouseEventKind = MouseEventKind::ScrollUp;
/// At 100×30 the panes split at column 50 and their lists start on row 2 (25 rows).
const RIGHT: u16 = 60;
const LEFT: u16 = 10;
const FIRST_ROW: u16 = 2;

fn mouse(m: &mut Model, at: Instant, kind: MouseEventKind, column: u16, row: u16) -> Vec<Effect> {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    update(m, Msg::Mouse { at, event })
}

fn model() -> Model {
    let mut m = loaded(100, 30, sample_left(), sample_right());
    m.settings.mouse = true;
    m
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[test]
fn a_click_focuses_the_pane_and_puts_the_cursor_on_the_row() {
    let (mut m, t0) = (model(), Instant::now());
    assert_eq!(m.focus, Side::Left);
    m.info("an old message");
    mouse(&mut m, t0, CLICK, RIGHT, FIRST_ROW + 4);
    assert!(m.status.is_none(), "a click clears it, as a key does");
    assert_eq!((m.focus, m.pane(Side::Right).cursor), (Side::Right, 4));
    mouse(&mut m, t0 + ms(1000), CLICK, LEFT, FIRST_ROW + 1);
    assert_eq!((m.focus, m.pane(Side::Left).cursor), (Side::Left, 1));
    // The column header and the border focus without moving the cursor.
    for (row, at) in [(1, 2000), (0, 3000)] {
        mouse(&mut m, t0 + ms(at), CLICK, RIGHT, row);
        assert_eq!((m.focus, m.pane(Side::Right).cursor), (Side::Right, 4));
        m.focus = Side::Left;
    }
    // Nor does a row below the last entry.
    m.focus = Side::Right;
    mouse(&mut m, t0 + ms(4000), CLICK, LEFT, FIRST_ROW + 20);
    assert_eq!((m.focus, m.pane(Side::Left).cursor), (Side::Left, 1));
    // Only the left button clicks.
    let right_button = MouseEventKind::Down(MouseButton::Right);
    mouse(&mut m, t0 + ms(5000), right_button, RIGHT, FIRST_ROW + 9);
    assert_eq!((m.focus, m.pane(Side::Right).cursor), (Side::Left, 4));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_clicks_count_the_offset() {
    let (mut m, t0) = (model(), Instant::now());
    mouse(&mut m, t0, DOWN, RIGHT, 10);
    mouse(&mut m, t0, DOWN, RIGHT, 10);
    let right = m.pane(Side::Right);
    assert_eq!(
        (right.offset, right.cursor),
        (6, 6),
        "the cursor kept on screen"
    );
    assert_eq!(m.focus, Side::Left, "the wheel does not focus");
    mouse(&mut m, t0, CLICK, RIGHT, FIRST_ROW + 3);
    assert_eq!(m.pane(Side::Right).cursor, 9);
    // 40 entries in 25 rows: the offset stops at 15; and at 0 going up.
    for _ in 0..10 {
        mouse(&mut m, t0, DOWN, RIGHT, 10);
    }
    let right = m.pane(Side::Right);
    assert_eq!((right.offset, right.cursor), (15, 15));
    mouse(&mut m, t0, UP, RIGHT, 10);
    let right = m.pane(Side::Right);
    assert_eq!(
        (right.offset, right.cursor),
        (12, 15),
        "still on screen: it stays"
    );
    for _ in 0..10 {
        mouse(&mut m, t0, UP, RIGHT, 10);
    }
    let right = m.pane(Side::Right);
    assert_eq!((right.offset, right.cursor), (0, 15));
    // A list shorter than the pane does not scroll.
    mouse(&mut m, t0, DOWN, LEFT, 10);
    assert_eq!(m.pane(Side::Left).offset, 0);
}

#[test]
fn a_double_click_opens_like_enter() {
    let (mut m, t0) = (model(), Instant::now());
    let docs = m
        .pane(Side::Left)
        .listing
        .visible()
        .position(|e| e.name == "docs");
    let row = FIRST_ROW + docs.unwrap() as u16;
    assert!(mouse(&mut m, t0, CLICK, LEFT, row).is_empty());
    // Too slow: two single clicks.
    assert!(mouse(&mut m, t0 + ms(500), CLICK, LEFT, row).is_empty());
    let effects = mouse(&mut m, t0 + ms(800), CLICK, LEFT, row);
    assert_eq!(
        m.pane(Side::Left).location,
        Location::Local("/l/docs".into())
    );
    assert!(
        effects.iter().any(|e| matches!(
            e,
            Effect::List {
                side: Side::Left,
                ..
            }
        )),
        "{effects:?}"
    );
}

#[test]
fn clicks_on_two_rows_are_not_a_double_click() {
    let (mut m, t0) = (model(), Instant::now());
    mouse(&mut m, t0, CLICK, RIGHT, FIRST_ROW);
    let effects = mouse(&mut m, t0 + ms(100), CLICK, RIGHT, FIRST_ROW + 1);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(m.viewer.is_none());
    assert_eq!(m.pane(Side::Right).cursor, 1);
}

#[test]
fn the_mouse_does_nothing_when_off() {
    let (mut m, t0) = (model(), Instant::now());
    m.settings.mouse = false;
    mouse(&mut m, t0, CLICK, RIGHT, FIRST_ROW + 4);
    mouse(&mut m, t0, DOWN, RIGHT, 10);
    let right = m.pane(Side::Right);
    assert_eq!((m.focus, right.cursor, right.offset), (Side::Left, 0, 0));
}

#[test]
fn dialogs_keep_the_panes_under_them_from_the_mouse() {
    let (mut m, t0) = (model(), Instant::now());
    press(&mut m, "<F1>");
    assert!(matches!(m.modal, Some(Modal::Help { .. })), "{:?}", m.modal);
    mouse(&mut m, t0, CLICK, RIGHT, FIRST_ROW + 4);
    mouse(&mut m, t0 + ms(100), CLICK, RIGHT, FIRST_ROW + 4);
    mouse(&mut m, t0, DOWN, RIGHT, 10);
    let right = m.pane(Side::Right);
    assert_eq!((m.focus, right.cursor, right.offset), (Side::Left, 0, 0));
    assert!(matches!(m.modal, Some(Modal::Help { .. })));
}

#[test]
fn the_preview_panel_in_the_other_pane_s_place_ignores_the_mouse() {
    let (mut m, t0) = (model(), Instant::now());
    press(&mut m, "z");
    assert!(m.preview.shows(100, 30));
    mouse(&mut m, t0, CLICK, RIGHT, FIRST_ROW + 4);
    mouse(&mut m, t0, DOWN, RIGHT, 10);
    let right = m.pane(Side::Right);
    assert_eq!((m.focus, right.cursor, right.offset), (Side::Left, 0, 0));
    // The focused pane still takes clicks.
    mouse(&mut m, t0, CLICK, LEFT, FIRST_ROW + 2);
    assert_eq!(m.pane(Side::Left).cursor, 2);
}

/// 30 queued jobs with the queue panel open. At 100×30 the panel covers rows 12–27, its job
/// rows 13–26 (14 of them).
fn queue_model() -> Model {
    let mut m = super::transfers::model();
    m.settings.mouse = true;
    for id in 1..=30 {
        add(&mut m, job(id, 1, JobState::Queued));
    }
    press(&mut m, "t");
    m
}

fn queue(m: &Model) -> (usize, bool) {
    match &m.modal {
        Some(Modal::Queue {
            cursor, details, ..
        }) => (*cursor, *details),
        other => panic!("the queue is not open: {other:?}"),
    }
}

#[test]
fn a_click_selects_a_job_and_a_double_click_shows_its_details() {
    let (mut m, t0) = (queue_model(), Instant::now());
    assert_eq!(queue(&m), (0, false));
    mouse(&mut m, t0, CLICK, 30, 13 + 5);
    assert_eq!(queue(&m), (5, false));
    mouse(&mut m, t0 + ms(200), CLICK, 30, 13 + 5);
    assert_eq!(queue(&m), (5, true));
    // With the details showing a click closes them.
    mouse(&mut m, t0 + ms(1000), CLICK, 30, 13 + 2);
    assert_eq!(queue(&m), (5, false));
    // Scrolled: the cursor on the last job shows jobs 16–29 (0-based).
    press(&mut m, "G");
    assert_eq!(queue(&m), (29, false));
    mouse(&mut m, t0 + ms(2000), CLICK, 30, 13);
    assert_eq!(queue(&m), (16, false));
    // The border and the panes above the panel do nothing; the panes stay as they were.
    mouse(&mut m, t0 + ms(3000), CLICK, 30, 12);
    mouse(&mut m, t0 + ms(4000), CLICK, 70, 5);
    assert_eq!(queue(&m), (16, false));
    assert_eq!(m.focus, Side::Left);
}

#[test]
fn the_wheel_moves_through_the_jobs() {
    let (mut m, t0) = (queue_model(), Instant::now());
    mouse(&mut m, t0, DOWN, 30, 20);
    assert_eq!(queue(&m).0, 3);
    for _ in 0..20 {
        mouse(&mut m, t0, DOWN, 30, 20);
    }
    assert_eq!(queue(&m).0, 29);
    mouse(&mut m, t0, UP, 30, 20);
    assert_eq!(queue(&m).0, 26);
    // Over the panes above the panel: nothing.
    mouse(&mut m, t0, UP, 30, 3);
    assert_eq!(queue(&m).0, 26);
    assert_eq!(m.pane(Side::Left).offset, 0);
}
