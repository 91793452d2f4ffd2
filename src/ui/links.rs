//! The links just put on the clipboard (`Modal::Links`), drawn across the whole width with no
//! side borders and no padding, so a terminal selection of a row is exactly one link — for
//! terminals (or tmux setups) that ignore OSC 52. Long links wrap hard at the screen edge.

use super::format;
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthChar;

pub struct LinksView<'a> {
    pub title: &'a str,
    pub lines: &'a [String],
    pub failed: &'a [String],
    pub scroll: usize,
    pub styles: &'a Styles,
}

/// `s` cut into rows of at most `width` cells (no ellipsis: every character is kept).
pub fn wrap_hard(s: &str, width: usize) -> Vec<String> {
    let mut rows = vec![String::new()];
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.max(1) && used > 0 {
            rows.push(String::new());
            used = 0;
        }
        if let Some(row) = rows.last_mut() {
            row.push(c);
        }
        used += w;
    }
    rows
}

impl Widget for LinksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let width = usize::from(area.width);
        let mut rows: Vec<Line> = Vec::new();
        let items = self.lines.iter().map(|l| (l, s.popup));
        let failures = self.failed.iter().map(|l| (l, s.error));
        for (line, style) in items.chain(failures).skip(self.scroll) {
            rows.extend(
                wrap_hard(line, width)
                    .into_iter()
                    .map(|r| Line::from(Span::styled(r, style))),
            );
        }
        let max_rows = usize::from(area.height.saturating_sub(4));
        rows.truncate(max_rows);
        let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
        let rect = Rect::new(
            area.x,
            area.y + area.height.saturating_sub(height) / 2,
            area.width,
            height.min(area.height),
        );
        Clear.render(rect, buf);
        let title = format::truncate(&format!(" {} ", self.title), width.saturating_sub(2));
        let hint = " Esc: close  j/k: scroll  (no OSC 52? select the lines above) ";
        let block = Block::default()
            .borders(Borders::TOP | Borders::BOTTOM)
            .border_style(s.border_focused)
            .title(Span::styled(title, s.popup_title))
            .title_bottom(Line::from(Span::styled(hint, s.dim)));
        Paragraph::new(rows).block(block).render(rect, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::wrap_hard;

    #[test]
    fn long_links_wrap_without_losing_characters() {
        assert_eq!(wrap_hard("abcdefg", 3), ["abc", "def", "g"]);
        assert_eq!(wrap_hard("图片图片", 5), ["图片", "图片"]);
        assert_eq!(wrap_hard("", 3), [""]);
    }
}
