//! The `?` overlay: every binding of every layer with its description, generated from the
//! keymap so it can never disagree with what the keys do.

use crate::app::Model;
use crate::config::Layer;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct HelpView<'a> {
    pub model: &'a Model,
    pub scroll: usize,
}

impl HelpView<'_> {
    fn lines(&self) -> Vec<Line<'static>> {
        let s = &self.model.styles;
        let mut lines = vec![];
        for layer in Layer::ALL {
            let rows = self.model.keymap.help_rows(layer);
            if rows.is_empty() {
                continue;
            }
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::from(Span::styled(layer.title(), s.popup_title)));
            let key_w = rows
                .iter()
                .map(|(k, _)| super::format::width(k))
                .max()
                .unwrap_or(0)
                .min(28);
            for (keys, desc) in rows {
                let keys = super::format::truncate(&keys, key_w);
                let pad = key_w - super::format::width(&keys);
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys}{:pad$}  ", ""), s.hint_key.patch(s.popup)),
                    Span::styled(desc.to_owned(), s.popup),
                ]));
            }
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "No F-keys? Press Esc, then a digit: Esc 1 = F1 … Esc 0 = F10.",
            s.dim,
        )));
        lines
    }
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = area.width.saturating_sub(8).min(84);
        let h = area.height.saturating_sub(4);
        let rect = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        Clear.render(rect, buf);
        let lines = self.lines();
        let visible = usize::from(h.saturating_sub(2));
        let scroll = self.scroll.min(lines.len().saturating_sub(visible));
        let s = &self.model.styles;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(" Keys ", s.popup_title))
            .title_bottom(Line::from(Span::styled(
                format!(" {}/{} ", (scroll + visible).min(lines.len()), lines.len()),
                s.dim,
            )));
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .render(rect, buf);
    }
}
