//! The question before an operation (`Modal::Confirm`) and the list of failures after one
//! (`Modal::Report`). Questions about actions that cannot be undone are drawn in the error
//! style and say that only `y` accepts.

use super::format;
use super::popup::centered;
use crate::app::ConfirmState;
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

pub struct ConfirmView<'a> {
    pub title: &'a str,
    pub lines: &'a [String],
    pub danger: bool,
    pub styles: &'a Styles,
}

impl<'a> ConfirmView<'a> {
    pub fn of(state: &'a ConfirmState, styles: &'a Styles) -> Self {
        Self {
            title: &state.title,
            lines: &state.lines,
            danger: state.danger,
            styles,
        }
    }
}

impl Widget for ConfirmView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let width = area.width.saturating_sub(8).min(84);
        let inner = usize::from(width.saturating_sub(4));
        let title_style = if self.danger { s.error } else { s.popup_title };
        let mut lines = vec![
            Line::from(Span::styled(self.title.to_owned(), title_style)),
            Line::default(),
        ];
        lines.extend(
            self.lines
                .iter()
                .map(|l| Line::from(Span::styled(format::truncate(l, inner), s.popup))),
        );
        lines.push(Line::default());
        let keys = if self.danger {
            "y: do it   n / Esc: cancel"
        } else {
            "y / Enter: do it   n / Esc: cancel"
        };
        lines.push(Line::from(Span::styled(keys, s.dim)));
        // Titles wrap; count their rows so the box fits them.
        let title_rows = format::width(self.title).div_ceil(inner.max(1));
        let height = u16::try_from(lines.len() + title_rows + 1).unwrap_or(u16::MAX);
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        let border = if self.danger {
            s.error
        } else {
            s.border_focused
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(border)
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(rect, buf);
    }
}

pub struct ReportView<'a> {
    pub title: &'a str,
    pub lines: &'a [String],
    pub scroll: usize,
    pub styles: &'a Styles,
}

impl Widget for ReportView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let width = area.width.saturating_sub(8).min(100);
        let height = area
            .height
            .saturating_sub(6)
            .min(u16::try_from(self.lines.len() + 4).unwrap_or(u16::MAX));
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        let inner = usize::from(width.saturating_sub(4));
        let lines: Vec<Line> = self
            .lines
            .iter()
            .skip(self.scroll)
            .map(|l| Line::from(Span::styled(format::truncate(l, inner), s.popup)))
            .collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.error)
            .title(Span::styled(format!(" {} ", self.title), s.error))
            .title_bottom(Line::from(Span::styled(" Esc: close ", s.dim)))
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}
