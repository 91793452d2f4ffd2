//! The screen's rows, computed from the windows at hand: what the view draws (it only styles
//! the pieces). Text rows carry a gutter (line numbers where known, byte offsets where not);
//! hex rows an offset, the bytes and their printable characters. A row whose bytes have not
//! arrived says so and names the window it waits for.

use super::lines::{self, Segment};
use super::search::Hit;
use super::text::{self, Cell};
use super::{Geometry, Viewer};
use crate::fs::read::{WINDOW, sniff};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    Text,
    /// Part of the search match.
    Hit,
    /// A control character shown as `^X` or `�`, or the `›` of a cut line.
    Escaped,
    /// Hex offsets and the printable column's borders.
    Offset,
    /// Bytes not read yet.
    Loading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub kind: PieceKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Right-aligned, without the separator; empty for continuation rows.
    pub gutter: String,
    /// The gutter holds a byte offset, not a line number.
    pub offset: bool,
    pub pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Screen {
    pub rows: Vec<Row>,
    /// Windows of the first and last byte shown.
    pub first: u64,
    pub last: u64,
    /// The first window the screen waits for.
    pub missing: Option<u64>,
    /// The end of the file is on screen.
    pub end: bool,
    /// The line number of the first row, when known.
    pub line: Option<u64>,
}

impl Viewer {
    /// The rows to draw in `geo`.
    pub fn screen(&self, geo: Geometry) -> Screen {
        match self.hex {
            true => self.hex_screen(geo),
            false => self.text_screen(geo),
        }
    }

    fn text_screen(&self, geo: Geometry) -> Screen {
        let w = &self.windows;
        let mut screen = Screen {
            first: self.top.at / WINDOW,
            last: self.top.at / WINDOW,
            ..Screen::default()
        };
        let mut at = self.top.at;
        let mut skip = self.top.row;
        let mut line = self.line_number(at);
        screen.line = line;
        let mut line_start = at == 0 || w.byte(at - 1) == Some(b'\n');
        while screen.rows.len() < geo.rows {
            if at >= self.size() {
                screen.end = true;
                break;
            }
            let (seg, cells) = match self.segment_cells(at) {
                Ok(found) => found,
                Err(missing) => {
                    screen.missing = Some(missing);
                    screen.rows.push(loading());
                    break;
                }
            };
            screen.last = (seg.end - 1) / WINDOW;
            let hit = self.hit_in(seg.start);
            let shown = self.layout(&cells, geo.width);
            for (i, (range, more)) in shown.into_iter().enumerate().skip(skip) {
                if screen.rows.len() == geo.rows {
                    return screen;
                }
                let mut row = Row::default();
                if geo.gutter > 0 && i == 0 {
                    (row.gutter, row.offset) = match (line_start, line) {
                        (true, Some(n)) => (n.to_string(), false),
                        (true, None) => (seg.start.to_string(), true),
                        (false, _) => (String::new(), false),
                    };
                }
                row.pieces = pieces(&cells[range], hit);
                if more {
                    row.pieces.push(piece("›", PieceKind::Escaped));
                }
                screen.rows.push(row);
            }
            skip = 0;
            line_start = seg.newline;
            if seg.newline {
                line = line.map(|n| n + 1);
            }
            at = seg.end;
        }
        screen.end |= at >= self.size();
        screen
    }

    /// The segment starting at `at`, decoded into cells.
    pub(super) fn segment_cells(&self, at: u64) -> Result<(Segment, Vec<Cell>), u64> {
        let seg = lines::segment(&self.windows, at)?;
        let bytes = self.windows.slice(seg.start, seg.text_end)?;
        let decoded = sniff::decode(self.encoding(), &bytes);
        Ok((seg, text::cells(&decoded)))
    }

    /// Rows of a line: wrapped, or one row cut at the left scroll (and whether it goes on).
    pub(super) fn layout(
        &self,
        cells: &[Cell],
        width: usize,
    ) -> Vec<(std::ops::Range<usize>, bool)> {
        match self.wrap {
            true => text::wrap(cells, width)
                .into_iter()
                .map(|r| (r, false))
                .collect(),
            false => {
                let (range, more) = text::cut(cells, self.left, width.saturating_sub(1));
                vec![(range, more)]
            }
        }
    }

    /// The line number at segment start `at`, if the windows before it were all counted.
    pub fn line_number(&self, at: u64) -> Option<u64> {
        let base = at / WINDOW * WINDOW;
        let before = self.windows.slice(base, at).ok()?;
        self.index.line_at(at, &before)
    }

    fn hit_in(&self, seg: u64) -> Option<(usize, usize)> {
        match self.hit {
            Some(Hit::Text { seg: s, from, to }) if s == seg => Some((from, to)),
            _ => None,
        }
    }

    fn hex_screen(&self, geo: Geometry) -> Screen {
        let total_width = geo.width + geo.gutter;
        let per_row = Self::hex_row_bytes(total_width);
        let digits = (digits_hex(self.size())).max(8);
        let mut screen = Screen {
            first: self.top.at / WINDOW,
            last: self.top.at / WINDOW,
            ..Screen::default()
        };
        let hit = match self.hit {
            Some(Hit::Bytes { from, to }) => Some((from, to)),
            _ => None,
        };
        for r in 0..geo.rows as u64 {
            let at = self.top.at + r * per_row;
            if at >= self.size() {
                screen.end = true;
                break;
            }
            let end = (at + per_row).min(self.size());
            let Ok(bytes) = self.windows.slice(at, end) else {
                screen.missing = Some(at / WINDOW);
                screen.rows.push(loading());
                break;
            };
            screen.last = (end - 1) / WINDOW;
            screen.end = end == self.size();
            screen
                .rows
                .push(hex_row(at, &bytes, per_row as usize, digits, hit));
        }
        screen
    }
}

fn digits_hex(n: u64) -> usize {
    (64 - n.max(1).leading_zeros()).div_ceil(4) as usize
}

fn hex_row(at: u64, bytes: &[u8], per_row: usize, digits: usize, hit: Option<(u64, u64)>) -> Row {
    let mut pieces = vec![piece(&format!("{at:0digits$x}  "), PieceKind::Offset)];
    let in_hit = |i: usize| hit.is_some_and(|(a, b)| (a..b).contains(&(at + i as u64)));
    for i in 0..per_row {
        let text = match bytes.get(i) {
            Some(b) => format!("{b:02x} "),
            None => "   ".to_owned(),
        };
        let text = if i == per_row / 2 - 1 {
            text + " "
        } else {
            text
        };
        push(&mut pieces, &text, kind_of(in_hit(i), PieceKind::Text));
    }
    push(&mut pieces, " │", PieceKind::Offset);
    for (i, &b) in bytes.iter().enumerate() {
        let (c, kind) = match b {
            0x20..=0x7e => ((b as char).to_string(), PieceKind::Text),
            _ => (".".to_owned(), PieceKind::Escaped),
        };
        push(&mut pieces, &c, kind_of(in_hit(i), kind));
    }
    let pad = " ".repeat(per_row - bytes.len());
    push(&mut pieces, &format!("{pad}│"), PieceKind::Offset);
    Row {
        pieces,
        ..Row::default()
    }
}

fn kind_of(hit: bool, otherwise: PieceKind) -> PieceKind {
    if hit { PieceKind::Hit } else { otherwise }
}

/// Cells as pieces, runs of one kind merged.
fn pieces(cells: &[Cell], hit: Option<(usize, usize)>) -> Vec<Piece> {
    let mut out = Vec::new();
    for c in cells {
        let kind = match hit {
            Some((a, b)) if c.char_at >= a && c.char_at < b => PieceKind::Hit,
            _ if c.escaped => PieceKind::Escaped,
            _ => PieceKind::Text,
        };
        push(&mut out, &c.text, kind);
    }
    out
}

fn push(out: &mut Vec<Piece>, text: &str, kind: PieceKind) {
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(piece(text, kind)),
    }
}

fn piece(text: &str, kind: PieceKind) -> Piece {
    Piece {
        text: text.to_owned(),
        kind,
    }
}

fn loading() -> Row {
    Row {
        pieces: vec![piece("… reading", PieceKind::Loading)],
        ..Row::default()
    }
}
