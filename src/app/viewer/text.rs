//! One decoded line as terminal cells: grapheme clusters with their display width (CJK and
//! emoji take two columns), tabs expanded to stops of 8, control characters made visible
//! (`^A`, `^?`, and `�` for C1 and bidirectional controls) so no byte of a file can drive the
//! terminal; then cut into rows of a width, a wide character never split across two.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const TAB: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub width: usize,
    /// Shown in place of something else (a control character).
    pub escaped: bool,
    /// Index (in chars) of the decoded line where this cell starts.
    pub char_at: usize,
}

/// The cells of `line`.
pub fn cells(line: &str) -> Vec<Cell> {
    let mut out = Vec::with_capacity(line.len());
    let mut column = 0;
    let mut char_at = 0;
    for g in line.graphemes(true) {
        let first = g.chars().next().unwrap_or(' ');
        let cell = match first {
            '\t' => {
                let n = TAB - column % TAB;
                plain(" ".repeat(n), n)
            }
            c if (c as u32) < 0x20 => escaped(format!("^{}", char::from(c as u8 + 0x40)), 2),
            '\u{7f}' => escaped("^?".into(), 2),
            c if c.is_control() || is_bidi_control(c) => escaped("\u{fffd}".into(), 1),
            _ => plain(g.to_owned(), g.width()),
        };
        column += cell.width;
        out.push(Cell { char_at, ..cell });
        char_at += g.chars().count();
    }
    out
}

fn plain(text: String, width: usize) -> Cell {
    Cell {
        text,
        width,
        escaped: false,
        char_at: 0,
    }
}

fn escaped(text: String, width: usize) -> Cell {
    Cell {
        escaped: true,
        ..plain(text, width)
    }
}

/// Characters that reorder the text after them on terminals that honour them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Rows of at most `width` columns (at least one row, empty for an empty line).
pub fn wrap(cells: &[Cell], width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in cells.iter().enumerate() {
        if used + c.width > width && i > start {
            rows.push(start..i);
            (start, used) = (i, 0);
        }
        used += c.width;
    }
    rows.push(start..cells.len());
    rows
}

/// The cells shown when the line is cut to `width` columns after skipping `left` columns; a
/// wide character straddling either edge is left out. Also whether anything was cut off on
/// the right.
pub fn cut(cells: &[Cell], left: usize, width: usize) -> (Range<usize>, bool) {
    let mut column = 0;
    let mut start = cells.len();
    for (i, c) in cells.iter().enumerate() {
        if column >= left {
            start = i;
            break;
        }
        column += c.width;
    }
    let mut used = 0;
    let mut end = start;
    while end < cells.len() && used + cells[end].width <= width {
        used += cells[end].width;
        end += 1;
    }
    (start..end, end < cells.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(cells: &[Cell]) -> Vec<&str> {
        cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn widths_tabs_and_controls() {
        let c = cells("a\t中🎉\x1b[2J\u{202e}x");
        assert_eq!(
            texts(&c),
            vec![
                "a", "       ", "中", "🎉", "^[", "[", "2", "J", "\u{fffd}", "x"
            ]
        );
        assert_eq!(
            c.iter().map(|c| c.width).sum::<usize>(),
            1 + 7 + 2 + 2 + 2 + 3 + 1 + 1
        );
        assert!(c[4].escaped && c[8].escaped && !c[2].escaped);
        assert_eq!(c[3].char_at, 3);
        // A combining accent stays with its letter.
        assert_eq!(texts(&cells("e\u{301}!")), vec!["e\u{301}", "!"]);
    }

    #[test]
    fn wide_characters_move_to_the_next_row_whole() {
        let c = cells("ab中文字");
        assert_eq!(wrap(&c, 5), vec![0..3, 3..5]);
        assert_eq!(wrap(&c, 4), vec![0..3, 3..5]);
        assert_eq!(wrap(&cells(""), 4), vec![0..0]);
        let (shown, more) = cut(&c, 3, 3);
        assert_eq!(
            (shown, more),
            (3..4, true),
            "中 straddles the left edge: dropped"
        );
        assert_eq!(cut(&c, 0, 20), (0..5, false));
    }
}
