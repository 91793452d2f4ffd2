//! View tests for the pane chrome and overlays: help paging, titles that keep the folder's
//! name, columns of gathered listings (search results, the trash).

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{Model, Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn screen(model: &Model) -> Buffer {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t.backend().buffer().clone()
}

fn text(buf: &Buffer, y: u16, xs: std::ops::Range<u16>) -> String {
    xs.map(|x| buf[(x, y)].symbol().to_owned()).collect()
}

/// The text rows inside the help overlay's border.
fn help_page(model: &Model) -> Vec<String> {
    let buf = screen(model);
    let (width, h) = (model.viewport.width, model.viewport.height);
    let w = width.saturating_sub(8).min(84);
    let x0 = (width - w) / 2;
    (3..h - 3)
        .map(|y| text(&buf, y, x0 + 1..x0 + w - 1).trim_end().to_owned())
        .collect()
}

#[test]
fn help_pages_follow_each_other_and_jump_to_both_ends() {
    let mut tall = loaded(100, 300, sample_left(), sample_right());
    press(&mut tall, "?");
    let all: Vec<String> = help_page(&tall);
    let len = tall.keymap.help_len();
    assert!(all[..len].iter().any(|l| l.contains("Questions")));
    assert!(all[len - 1].contains("No F-keys"), "help_len is exact");
    assert!(all[len..].iter().all(String::is_empty), "help_len is exact");

    let mut m = loaded(80, 24, sample_left(), sample_right());
    press(&mut m, "?");
    let page = m.viewport.help_rows();
    assert_eq!(help_page(&m), all[..page]);
    press(&mut m, "<PageDown>");
    assert_eq!(help_page(&m), all[page..2 * page], "no row skipped");
    press(&mut m, "<PageUp>");
    assert_eq!(help_page(&m), all[..page]);
    press(&mut m, "G");
    assert_eq!(help_page(&m), all[len - page..len], "G: the last page");
    press(&mut m, "g g");
    assert_eq!(help_page(&m), all[..page], "g g: the top");
    press(&mut m, "<End>");
    assert_eq!(help_page(&m), all[len - page..len]);
    press(&mut m, "<Home>");
    assert_eq!(help_page(&m), all[..page]);
    update(&mut m, Msg::Resize { width: 120, height: 35 });
    press(&mut m, "<PageDown>");
    let page = m.viewport.help_rows();
    assert_eq!(help_page(&m), all[page..2 * page]);
}
