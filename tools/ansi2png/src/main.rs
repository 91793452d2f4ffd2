//! `ansi2png COLS ROWS OUT.png < capture.ans`: renders an ANSI-coloured terminal capture to PNG.
//! The capture is replayed into a vt100 screen, then every cell becomes an absolutely placed SVG
//! glyph (so CJK and emoji keep the grid), rasterised with resvg.

use std::fmt::Write as _;
use std::io::Read;

const CW: f32 = 10.0;
const CH: f32 = 21.0;
const FONT: &str = "DejaVu Sans Mono, WenQuanYi Micro Hei Mono, Noto Color Emoji";
const BG: (u8, u8, u8) = (0x1e, 0x1e, 0x2e);
const FG: (u8, u8, u8) = (0xcd, 0xd6, 0xf4);
const PALETTE: [(u8, u8, u8); 16] = [
    (0x45, 0x47, 0x5a), (0xf3, 0x8b, 0xa8), (0xa6, 0xe3, 0xa1), (0xf9, 0xe2, 0xaf),
    (0x89, 0xb4, 0xfa), (0xf5, 0xc2, 0xe7), (0x94, 0xe2, 0xd5), (0xba, 0xc2, 0xde),
    (0x58, 0x5b, 0x70), (0xf3, 0x8b, 0xa8), (0xa6, 0xe3, 0xa1), (0xf9, 0xe2, 0xaf),
    (0x89, 0xb4, 0xfa), (0xf5, 0xc2, 0xe7), (0x94, 0xe2, 0xd5), (0xa6, 0xad, 0xc8),
];

fn rgb(c: vt100::Color, default: (u8, u8, u8)) -> (u8, u8, u8) {
    match c {
        vt100::Color::Default => default,
        vt100::Color::Rgb(r, g, b) => (r, g, b),
        vt100::Color::Idx(i) if i < 16 => PALETTE[i as usize],
        vt100::Color::Idx(i) if i < 232 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        vt100::Color::Idx(i) => {
            let v = 8 + (i - 232) * 10;
            (v, v, v)
        }
    }
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, cols, rows, out] = args.as_slice() else {
        return Err("usage: ansi2png COLS ROWS OUT.png < capture.ans".into());
    };
    let (cols, rows): (u16, u16) = (cols.parse()?, rows.parse()?);
    let mut ansi = String::new();
    std::io::stdin().read_to_string(&mut ansi)?;
    let nz = |n: u16| std::num::NonZeroU16::new(n).ok_or("zero size");
    let mut parser = vt100::Parser::new(nz(rows)?, nz(cols)?, 0);
    parser.process(ansi.trim_end_matches('\n').replace('\n', "\r\n").as_bytes());
    let screen = parser.screen();
    let (w, h) = (f32::from(cols) * CW + 24.0, f32::from(rows) * CH + 24.0);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"><rect width="100%" height="100%" fill="{}"/><g transform="translate(12 12)" font-family="{FONT}" font-size="16.6">"#,
        hex(BG)
    );
    for r in 0..rows {
        for c in 0..cols {
            let Some(cell) = screen.cell(r, c) else { continue };
            if cell.is_wide_continuation() {
                continue;
            }
            let (mut fg, mut bg) = (rgb(cell.fgcolor(), FG), rgb(cell.bgcolor(), BG));
            if cell.inverse() {
                (fg, bg) = (bg, fg);
            }
            let (x, y) = (f32::from(c) * CW, f32::from(r) * CH);
            let cells = if cell.is_wide() { 2.0 } else { 1.0 };
            if bg != BG {
                let _ = write!(svg, r#"<rect x="{x}" y="{y}" width="{}" height="{CH}" fill="{}"/>"#, cells * CW, hex(bg));
            }
            let text = cell.contents();
            if text.trim().is_empty() {
                continue;
            }
            let weight = if cell.bold() { r#" font-weight="bold""# } else { "" };
            let _ = write!(
                svg,
                r#"<text x="{x}" y="{}" fill="{}"{weight}>{}</text>"#,
                y + 16.0,
                hex(fg),
                escape(text)
            );
        }
    }
    svg.push_str("</g></svg>");
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = resvg::usvg::Tree::from_str(&svg, &opt)?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("pixmap")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.save_png(out)?;
    Ok(())
}
