//! View tests for input lines: long CJK, emoji and combining-mark text scrolls by display
//! width in every line that takes text (prompts, the filter, batch-rename fields), the
//! terminal cursor staying on the text.

use crate::app::testing::{file, loaded, press, sample_right};
use crate::app::{Model, Msg, update};
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;

fn draw(model: &Model) -> (Buffer, Position) {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    let cursor = t.backend_mut().get_cursor_position().unwrap();
    (t.backend().buffer().clone(), cursor)
}

/// Row `y` as text, the cell after a wide character skipped.
fn row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let sym = buf[(x, y)].symbol();
        out.push_str(sym);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym).max(1)).unwrap();
    }
    out
}

fn long_name() -> String {
    format!("{}.txt", "中".repeat(80))
}

fn renaming(width: u16, height: u16) -> Model {
    let mut m = loaded(width, height, vec![file(&long_name(), 1)], sample_right());
    press(&mut m, "r");
    m
}

/// The prompt's text row is the first inside its frame: the row the cursor is on.
fn prompt_row(m: &Model) -> (String, Position) {
    let (buf, cursor) = draw(m);
    (row(&buf, cursor.y), cursor)
}

#[test]
fn snapshot_rename_prompt_with_80_cjk_characters_120x35() {
    let m = renaming(120, 35);
    let (w, h) = (m.viewport.width, m.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, &m)).unwrap();
    insta::assert_snapshot!(t.backend());
}

#[test]
fn a_long_cjk_name_stays_visible_at_every_cursor_position_and_width() {
    for (width, height) in [(80, 24), (120, 35), (200, 50)] {
        let mut m = renaming(width, height);
        let (text, cursor) = prompt_row(&m);
        assert!(text.contains("中中中中中中中中中中"), "{width}: {text}");
        // The cursor sits right after the last 中 of the stem, before `.txt`.
        let (buf, _) = draw(&m);
        assert_eq!(buf[(cursor.x, cursor.y)].symbol(), ".", "{width}: {text}");
        assert_eq!(buf[(cursor.x - 2, cursor.y)].symbol(), "中", "{width}");
        press(&mut m, "<Home>");
        let (text, cursor) = prompt_row(&m);
        assert!(text.contains(&"中".repeat(20)), "{width}: {text}");
        assert_eq!(draw(&m).0[(cursor.x, cursor.y)].symbol(), "中");
        press(&mut m, "<End> a");
        let (text, _) = prompt_row(&m);
        assert!(text.contains("中.txta"), "typing at the end shows: {text}");
    }
}

#[test]
fn emoji_and_combining_marks_scroll_in_the_filter_line() {
    let mut m = loaded(80, 24, vec![file("a", 1)], sample_right());
    press(&mut m, "/");
    let text = format!("{}e\u{301}nd", "🌊👨\u{200d}👩\u{200d}👧".repeat(15));
    update(&mut m, Msg::Paste(text));
    let (buf, cursor) = draw(&m);
    let footer = row(&buf, cursor.y);
    assert!(footer.contains("e\u{301}nd"), "the end shows: {footer}");
    assert!(footer.contains("🌊"), "{footer}");
    assert!(
        footer.contains(" 0/0 "),
        "the position keeps its room: {footer}"
    );
    assert!(cursor.x < 39, "inside the left pane: {cursor:?}");
    assert_eq!(buf[(cursor.x - 1, cursor.y)].symbol(), "d");
}

#[test]
fn batch_rename_fields_scroll_to_the_cursor() {
    let entries = vec![file("a.txt", 1), file("b.txt", 2)];
    let mut m = loaded(80, 24, entries, sample_right());
    press(&mut m, "<C-a> r");
    update(&mut m, Msg::Paste(format!("{}尾", "中".repeat(60))));
    let (buf, cursor) = draw(&m);
    let text = row(&buf, cursor.y);
    assert!(text.contains("中中中尾"), "{text}");
    assert_eq!(buf[(cursor.x - 2, cursor.y)].symbol(), "尾");
    assert!(cursor.x < 78, "{cursor:?}");
}
