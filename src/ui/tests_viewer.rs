//! View tests of the viewer at 80×24: CJK text wrapped by display width with line numbers, a
//! search hit and the position row; an image's format and pixel size in the title over its
//! hex dump; the search prompt drawn over the viewer.

use crate::app::testing::{file, loaded, press};
use crate::app::{Effect, Model, Msg, update};
use crate::fs::read::{Chunk, Span};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

/// Answers every read from `bytes`.
fn serve(m: &mut Model, effects: Vec<Effect>, bytes: &[u8]) {
    let mut queue = effects;
    while let Some(Effect::Read { ticket, span, .. }) = queue.pop() {
        let size = bytes.len();
        let (a, b) = match span {
            Span::At { start, len } => (start as usize, (start + len) as usize),
            Span::Tail { len } => (size - len as usize, size),
        };
        let chunk = Chunk {
            start: a as u64,
            bytes: bytes[a..b.min(size)].to_vec().into(),
            total: Some(size as u64),
        };
        queue.extend(update(
            m,
            Msg::Read {
                ticket,
                span,
                result: Ok(chunk),
            },
        ));
    }
}

fn viewing(name: &str, bytes: &[u8]) -> Model {
    let mut m = loaded(80, 24, vec![file(name, bytes.len() as u64)], vec![]);
    let effects = press(&mut m, "<F3>");
    serve(&mut m, effects, bytes);
    m
}

#[test]
fn snapshot_cjk_text_wrapped_with_numbers_and_a_hit() {
    let mut text = String::new();
    for i in 1..=30 {
        text.push_str(&format!(
            "第{i}行：春眠不觉晓，处处闻啼鸟。🌸 emoji\t|tab\n"
        ));
        if i == 3 {
            text.push_str(&"夜来风雨声，花落知多少。".repeat(8));
            text.push('\n');
        }
    }
    let mut m = viewing("诗集.txt", text.as_bytes());
    let effects = press(&mut m, "# / 花 落 <Enter>");
    serve(&mut m, effects, text.as_bytes());
    press(&mut m, "g g");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn an_image_shows_its_format_and_pixels_over_a_hex_dump() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&640u32.to_be_bytes());
    png.extend_from_slice(&480u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0x12, 0x34, 0x56, 0x78]);
    png.extend(std::iter::repeat_n(0u8, 100));
    let m = viewing("cat.png", &png);
    let t = screen(&m);
    let buf = t.backend().buffer();
    let row = |y: u16| {
        (0..80u16)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect::<String>()
    };
    assert!(
        row(0).contains("cat.png · 133 B · PNG image, 640 × 480 pixels · hex dump"),
        "{}",
        row(0)
    );
    assert!(
        row(1).starts_with("00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  │.PNG")
    );
    assert!(
        row(23).starts_with("byte 0 · 100% · read 133 B of 133 B"),
        "{}",
        row(23)
    );
}

#[test]
fn snapshot_search_prompt_over_the_viewer() {
    let mut m = viewing("a.txt", b"alpha\nbeta\ngamma\n");
    press(&mut m, "/ b e");
    insta::assert_snapshot!(screen(&m).backend());
}
