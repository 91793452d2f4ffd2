//! View tests: styled buffers for widgets, and insta snapshots of whole screens at fixed sizes.

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{CHROME_ROWS, Model, Side};
use crate::config::Styles;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

fn screen(model: &Model) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(
        model.viewport.width,
        model.viewport.height,
    ))
    .unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

#[test]
fn snapshot_two_panes_100x30() {
    let mut m = loaded(100, 30, sample_left(), sample_right());
    press(&mut m, "j <Space> j");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_80x24_with_filter_and_hidden() {
    let mut m = loaded(80, 24, sample_left(), sample_right());
    press(&mut m, ". / r e p");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_help_overlay() {
    let mut m = loaded(100, 30, sample_left(), sample_right());
    press(&mut m, "?");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_too_small() {
    let m = loaded(50, 10, sample_left(), sample_right());
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn chrome_rows_match_the_layout() {
    let m = loaded(100, 30, sample_left(), sample_right());
    let t = screen(&m);
    let buf = t.backend().buffer();
    // The last list row sits right above the pane's bottom border, which is above 2 bar rows.
    let list_rows = m.viewport.list_rows() as u16;
    assert_eq!(list_rows, 30 - CHROME_ROWS);
    assert!(
        row_text(buf, 30 - 3).starts_with('┗'),
        "{}",
        row_text(buf, 27)
    );
}

#[test]
fn cjk_and_emoji_names_keep_columns_aligned() {
    let m = loaded(100, 30, sample_left(), sample_right());
    let t = screen(&m);
    let buf = t.backend().buffer();
    // Left pane inner width 48: gutter 2, name 19, space, size 9 (ends at x=31), space, time.
    for y in 2..=8 {
        let size_end = buf[(31, y)].symbol();
        assert!(
            size_end == "B" || size_end == ">",
            "row {y}: {}",
            row_text(buf, y)
        );
        assert!(
            buf[(48, y)].symbol().chars().all(|c| c.is_ascii_digit()),
            "row {y}"
        );
        assert_eq!(buf[(49, y)].symbol(), "┃", "row {y}");
    }
}

fn pane_buffer(model: &Model, styles: &Styles, focused: bool) -> Buffer {
    let area = Rect::new(0, 0, 60, 8);
    let mut buf = Buffer::empty(area);
    super::PaneView {
        pane: model.pane(Side::Left),
        focused,
        styles,
        spinner: 0,
        utc_offset: 0,
        formats: &model.settings.formats,
        account: None,
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn cursor_and_marked_rows_are_styled() {
    let mut m = loaded(100, 30, sample_left(), sample_right());
    press(&mut m, "<Space>");
    let buf = pane_buffer(&m, &Styles::colored(), true);
    // Row 2: marked dir `docs` (the first entry); row 3: cursor on `照片 2024`.
    assert!(
        row_text(&buf, 2).contains("* docs/"),
        "{}",
        row_text(&buf, 2)
    );
    assert_eq!(buf[(5, 2)].fg, Color::Yellow);
    assert!(buf[(5, 2)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(5, 3)].bg, Color::Cyan, "cursor row is highlighted");
    assert_eq!(buf[(55, 3)].bg, Color::Cyan, "across the whole width");
    let unfocused = pane_buffer(&m, &Styles::colored(), false);
    assert_eq!(unfocused[(5, 3)].bg, Color::DarkGray);
}

#[test]
fn no_color_theme_uses_only_modifiers() {
    let m = loaded(100, 30, sample_left(), sample_right());
    let buf = pane_buffer(&m, &Styles::monochrome(), true);
    for y in 0..8 {
        for x in 0..60 {
            let cell = &buf[(x, y)];
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "cell {x},{y}"
            );
        }
    }
    assert!(
        buf[(5, 2)].modifier.contains(Modifier::REVERSED),
        "cursor row stays visible"
    );
}

#[test]
fn loading_pane_shows_spinner_and_count() {
    let mut m = crate::app::testing::model(100, 30);
    crate::app::start(&mut m);
    let buf = pane_buffer(&m, &Styles::colored(), true);
    assert!(
        row_text(&buf, 0).contains("loading 0"),
        "{}",
        row_text(&buf, 0)
    );
    assert!(row_text(&buf, 2).contains("Loading…"));
}

#[test]
fn the_trash_view_names_its_own_keys() {
    let mut m = loaded(120, 30, sample_left(), sample_right());
    m.cloud_enabled = true;
    let browse = row_text(screen(&m).backend().buffer(), 29);
    assert!(!browse.contains("full scan"), "{browse}");
    press(&mut m, "T");
    let hints = row_text(screen(&m).backend().buffer(), 29);
    for part in ["r restore", "F full scan (slow)", "C-r reload"] {
        assert!(hints.contains(part), "{part}: {hints}");
    }
}

#[test]
fn the_footer_says_when_every_entry_is_marked() {
    let mut m = loaded(100, 30, sample_left(), sample_right());
    press(&mut m, "<C-a>");
    let t = screen(&m);
    let (footer, status) = (
        row_text(t.backend().buffer(), 27),
        row_text(t.backend().buffer(), 28),
    );
    assert!(footer.contains("all 7 marked"), "{footer}");
    assert!(status.starts_with("All 7 marked "), "{status}");
    press(&mut m, "<Space>");
    let footer = row_text(screen(&m).backend().buffer(), 27);
    assert!(
        footer.contains(" 6 marked") && !footer.contains("all"),
        "{footer}"
    );
}
