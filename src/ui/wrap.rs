//! Word wrapping by display width (CJK and emoji take two cells), for views that must know
//! how many rows a text takes before drawing it: breaks at spaces, splits words longer than a
//! row, and indents the rows after the first.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` in rows of at most `width` cells; rows after the first start with `indent` spaces.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 1);
    let mut rows: Vec<String> = vec![String::new()];
    let mut used = 0;
    // The current row holds nothing but its indentation.
    let mut fresh = true;
    let new_row = |rows: &mut Vec<String>, used: &mut usize, fresh: &mut bool| {
        rows.push(" ".repeat(indent));
        (*used, *fresh) = (indent, true);
    };
    for word in text.split(' ') {
        let w = word.width();
        // A word longer than a row is split where it stands rather than moved down whole.
        if !fresh {
            match used + 1 + w <= width || w > width - indent {
                true => {
                    push(&mut rows, " ");
                    used += 1;
                }
                false => new_row(&mut rows, &mut used, &mut fresh),
            }
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && !fresh {
                new_row(&mut rows, &mut used, &mut fresh);
            }
            push(&mut rows, c.encode_utf8(&mut [0; 4]));
            (used, fresh) = (used + cw, false);
        }
    }
    rows
}

fn push(rows: &mut [String], s: &str) {
    if let Some(row) = rows.last_mut() {
        row.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_at_spaces_and_indents_the_rest() {
        assert_eq!(
            wrap("a:b.txt: the name contains a colon", 16, 4),
            ["a:b.txt: the", "    name", "    contains a", "    colon"]
        );
        assert_eq!(wrap("short", 16, 2), ["short"]);
    }

    #[test]
    fn splits_long_words_and_counts_double_width() {
        assert_eq!(wrap("照片照片照片", 5, 0), ["照片", "照片", "照片"]);
        let rows = wrap("x /very/long/path/name.bin", 8, 2);
        assert_eq!(rows, ["x /very/", "  long/p", "  ath/na", "  me.bin"]);
    }
}
