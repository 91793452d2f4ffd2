//! View tests of the command palette and the bookmarks popup at 80×24: snapshots, and the
//! matched characters drawn lit.

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{Model, Recent};
use crate::config::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn terminal(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn model() -> Model {
    let mut m = loaded(80, 24, sample_left(), sample_right());
    m.recent = Recent::default();
    m.recent.pick(Command::Copy);
    m.recent.visit("cloud:/备份/2024");
    m.recent.visit("/home/u/dl");
    m.bookmarks.marks.insert('p', "cloud:/照片".into());
    m
}

/// The text of row `y`, and where on it `text` starts.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let row: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        let at = row.find(text)?;
        Some((row[..at].chars().count() as u16, y))
    })
}

#[test]
fn snapshot_palette_80x24() {
    let mut m = model();
    press(&mut m, ":");
    insta::assert_snapshot!("palette_empty_80x24", terminal(&m).backend());
    press(&mut m, "m a r k");
    insta::assert_snapshot!("palette_query_80x24", terminal(&m).backend());
}

#[test]
fn matched_characters_are_lit_and_the_cursor_sits_in_the_query() {
    let mut m = model();
    press(&mut m, ": s o r t <Space> s i z e");
    let mut t = terminal(&m);
    let buf = t.backend().buffer().clone();
    let (x, y) = find(&buf, "Sort by size").unwrap();
    let lit = m.styles.marked.fg.unwrap();
    assert_eq!(buf[(x, y)].fg, lit, "S of Sort");
    assert_eq!(buf[(x + 8, y)].fg, lit, "s of size");
    assert_ne!(buf[(x + 5, y)].fg, lit, "the b of by is not matched");
    let (qx, qy) = find(&buf, "> sort size").unwrap();
    let cursor = t.get_cursor_position().unwrap();
    assert_eq!((cursor.x, cursor.y), (qx + 11, qy));
}

#[test]
fn snapshot_path_mode_and_bookmarks_80x24() {
    let mut m = model();
    press(&mut m, ": c l o u d :");
    insta::assert_snapshot!("palette_path_mode_80x24", terminal(&m).backend());
    press(&mut m, "<Esc> '");
    insta::assert_snapshot!("bookmarks_80x24", terminal(&m).backend());
}
