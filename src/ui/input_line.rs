//! The one scroll rule every input line uses (prompts, the filter, batch-rename fields): what
//! part of the text shows in a field `width` cells wide, and the column the cursor is in. Text
//! is measured in grapheme clusters with the widths ratatui draws them with, so CJK, emoji and
//! combining marks scroll as they show; the window moves only as far as it must to keep the
//! cursor's cell (the whole cell of a wide character) inside the field.

use ratatui::buffer::CellWidth;
use tui_input::Input;
use unicode_segmentation::UnicodeSegmentation;

/// The visible part of an input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// Cells from the field's left edge to the cursor.
    pub cursor: u16,
}

/// The window of `input` in a field `width` cells wide.
pub fn shown(input: &Input, width: usize) -> Shown {
    window(input.value(), input.cursor(), width)
}

/// The window of `value` with the cursor before char `cursor`, in a field `width` cells wide.
pub fn window(value: &str, cursor: usize, width: usize) -> Shown {
    let cursor_byte = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    let cells: Vec<(&str, usize)> = value
        .grapheme_indices(true)
        .map(|(_, g)| (g, cells_of(g)))
        .collect();
    // The cursor sits on the grapheme it is inside of (between a letter and its mark).
    let k = value
        .grapheme_indices(true)
        .take_while(|(i, g)| i + g.len() <= cursor_byte)
        .count();
    let col: usize = cells[..k].iter().map(|(_, w)| w).sum();
    let under = cells.get(k).map_or(1, |(_, w)| (*w).max(1));
    let need = (col + under).saturating_sub(width);
    // Start at the first grapheme boundary at or past `need` cells: a wide character is shown
    // whole or not at all.
    let (mut start, mut scroll) = (0, 0);
    while scroll < need && start < k {
        scroll += cells[start].1;
        start += 1;
    }
    let mut text = String::new();
    let mut used = 0;
    for (g, w) in &cells[start..] {
        if used + w > width {
            break;
        }
        used += w;
        text.push_str(g);
    }
    let cursor = u16::try_from(col - scroll).unwrap_or(u16::MAX);
    Shown { text, cursor }
}

/// Cells `g` takes on screen, as ratatui draws it (control characters are not drawn).
fn cells_of(g: &str) -> usize {
    match g.contains(char::is_control) {
        true => 0,
        false => usize::from(g.cell_width()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(value: &str, cursor: usize, width: usize) -> (String, u16) {
        let s = window(value, cursor, width);
        (s.text, s.cursor)
    }

    #[test]
    fn short_text_shows_whole_with_the_cursor_where_it_is() {
        assert_eq!(w("abc", 3, 10), ("abc".into(), 3));
        assert_eq!(w("abc", 1, 10), ("abc".into(), 1));
        assert_eq!(w("", 0, 10), ("".into(), 0));
    }

    #[test]
    fn ascii_scrolls_so_the_cursor_cell_stays_inside() {
        let text = "abcdefghij";
        // The cursor at the end needs a cell of its own.
        assert_eq!(w(text, 10, 5), ("ghij".into(), 4));
        assert_eq!(w(text, 0, 5), ("abcde".into(), 0));
        assert_eq!(w(text, 5, 5), ("bcdef".into(), 4));
    }

    #[test]
    fn cjk_scrolls_by_display_width() {
        // 80 × 中 is 160 cells; the field of a 120-column prompt is 76.
        let text = "中".repeat(80);
        let s = window(&text, 80, 76);
        assert!(!s.text.is_empty(), "never blank");
        assert_eq!(s.text, "中".repeat(37), "37 × 2 cells + the cursor's cell");
        assert_eq!(s.cursor, 74);
        assert_eq!(window(&text, 0, 76).text, "中".repeat(38));
        // Mid-text: the cursor's wide cell is shown whole.
        let s = window(&text, 50, 21);
        assert_eq!((s.text.chars().count(), s.cursor), (10, 18));
    }

    #[test]
    fn odd_widths_never_cut_a_wide_character() {
        let text = "中".repeat(10);
        for width in 1..=21 {
            for cursor in 0..=10 {
                let s = window(&text, cursor, width);
                let cells = s.text.chars().count() * 2;
                assert!(cells <= width, "width {width} cursor {cursor}: {s:?}");
                assert!(
                    usize::from(s.cursor) < width.max(2),
                    "width {width} cursor {cursor}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn emoji_sequences_are_one_two_cell_grapheme() {
        let family = "👨\u{200d}👩\u{200d}👧";
        let text = format!("a{family}b");
        // Cursor after the family (chars: a + 5 + b).
        assert_eq!(w(&text, 6, 10), (text.clone(), 3));
        let s = window(&text.repeat(10), 70, 8);
        assert!(s.text.ends_with('b') || s.text.ends_with(family), "{s:?}");
        assert!(usize::from(s.cursor) < 8);
    }

    #[test]
    fn combining_marks_take_no_cell_and_stay_with_their_letter() {
        let e = "e\u{301}";
        let text = e.repeat(10);
        // 10 graphemes of one cell, 20 chars: the cursor at the end.
        assert_eq!(w(&text, 20, 5), (e.repeat(4), 4));
        // The cursor between a letter and its mark sits on that grapheme.
        assert_eq!(w(&text, 1, 20).1, 0);
        let s = window(&text, 11, 3);
        assert!(s.text.starts_with('e'), "no mark without its letter: {s:?}");
    }

    #[test]
    fn zero_width_field_shows_nothing() {
        assert_eq!(w("abc", 3, 0), ("".into(), 0));
    }
}
