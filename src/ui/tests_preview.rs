//! View tests of the preview panel in the right pane's place: CJK text wrapped by display
//! width under the file's facts, a folder's counts and first entries, an image's format and
//! pixels over its hex dump, a binary file's hex dump, and narrow screens (the panel gives
//! its place back below 64 columns; nothing panics at 20×5).

use crate::app::preview::{PreviewEffect, PreviewMsg};
use crate::app::testing::{dir, file, loaded, press};
use crate::app::{Effect, Model, Msg, update};
use crate::fs::read::Chunk;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn text_of(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

/// Rests on the cursor entry (the wait among `effects` ends) and answers its read or listing.
fn rest(m: &mut Model, effects: Vec<Effect>, bytes: &[u8]) {
    let Some(Effect::Preview(PreviewEffect::Wait { ticket })) = effects.into_iter().last() else {
        panic!("no wait");
    };
    for effect in update(m, Msg::Preview(PreviewMsg::Due { ticket })) {
        let msg = match effect {
            Effect::Preview(PreviewEffect::Read { ticket, len, .. }) => {
                let size = m.focused().current().unwrap().size;
                let bytes = &bytes[..(len as usize).min(bytes.len())];
                let chunk = Chunk {
                    start: 0,
                    bytes: bytes.to_vec().into(),
                    total: Some(size),
                };
                let result = Ok(chunk);
                PreviewMsg::Read { ticket, result }
            }
            Effect::Preview(PreviewEffect::List { ticket, .. }) => {
                let entries = vec![dir("2024"), file("海边.jpg", 3_000_000), file("b.txt", 12)];
                let result = Ok((entries, true));
                PreviewMsg::Listed { ticket, result }
            }
            _ => continue,
        };
        update(m, Msg::Preview(msg));
    }
}

fn previewing(width: u16, name: &str, bytes: &[u8], size: u64) -> Model {
    let mut m = loaded(width, 24, vec![file(name, size)], vec![file("x", 1)]);
    let effects = press(&mut m, "z");
    rest(&mut m, effects, bytes);
    m
}

#[test]
fn snapshot_cjk_text() {
    let mut text = String::new();
    for i in 1..=30 {
        text.push_str(&format!("第{i}行：春眠不觉晓，处处闻啼鸟。🌸\tend\n"));
    }
    let m = previewing(80, "诗集.txt", text.as_bytes(), 200_000);
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_folder() {
    let mut m = loaded(80, 24, vec![dir("照片")], vec![file("x", 1)]);
    let effects = press(&mut m, "z");
    rest(&mut m, effects, b"");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn an_image_shows_its_format_and_pixels_over_its_hex_dump() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&640u32.to_be_bytes());
    png.extend_from_slice(&480u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0]);
    png.extend(std::iter::repeat_n(0u8, 100));
    let m = previewing(100, "cat.png", &png, 50_000);
    let shown = text_of(&screen(&m));
    assert!(shown.contains("PNG image · 640 × 480 pixels"), "{shown}");
    assert!(shown.contains("00000000  89 50 4e 47"), "{shown}");
    assert!(shown.contains("│.PNG....│"), "{shown}");
}

#[test]
fn snapshot_binary_hex_dump() {
    let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    let m = previewing(80, "blob.bin", &bytes, 4096);
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn narrow_screens_give_the_place_back_and_nothing_panics() {
    let text = "春眠不觉晓\n".repeat(10);
    let mut m = previewing(64, "a.txt", text.as_bytes(), text.len() as u64);
    let shown = text_of(&screen(&m));
    assert!(
        shown.contains("Preview") && shown.contains("春眠不觉晓"),
        "{shown}"
    );
    for (w, h) in [(63, 24), (60, 15), (20, 5), (1, 1)] {
        update(
            &mut m,
            Msg::Resize {
                width: w,
                height: h,
            },
        );
        let shown = text_of(&screen(&m));
        assert!(!shown.contains("Preview"), "{w}×{h}:\n{shown}");
    }
    update(
        &mut m,
        Msg::Resize {
            width: 64,
            height: 24,
        },
    );
    assert!(text_of(&screen(&m)).contains("Preview"));
}
