//! The offline-download dialog (`Modal::Offline`): the URLs field, the optional file name,
//! the cloud folder the drive fetches into, and a line saying what Enter will do — or why the
//! last Enter was refused. Long URL lists scroll sideways in their field.

use super::format;
use super::popup::centered;
use super::wrap::wrap;
use crate::app::{OfflineAsk, OfflineField};
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Padding, Paragraph, Widget};
use tui_input::Input;

const LABEL_W: usize = 6;
/// Rows for what Enter will do, or why it was refused.
const SUMMARY_ROWS: usize = 2;

pub struct OfflineView<'a> {
    pub ask: &'a OfflineAsk,
    pub styles: &'a Styles,
}

impl OfflineView<'_> {
    fn area(&self, area: Rect) -> Rect {
        let rows = 4 + SUMMARY_ROWS as u16 + u16::from(self.ask.dest_note.is_some());
        centered(area, area.width.saturating_sub(6).min(90), rows + 2)
    }

    /// Cells a field's text gets.
    fn field_w(rect: Rect) -> usize {
        usize::from(rect.width.saturating_sub(4)).saturating_sub(LABEL_W + 1)
    }

    /// Where the terminal cursor sits: in the focused field.
    pub fn cursor(&self, area: Rect) -> Position {
        let rect = self.area(area);
        let input = self.ask.field();
        let w = Self::field_w(rect);
        let x = input.visual_cursor().saturating_sub(input.visual_scroll(w));
        let row = match self.ask.focus {
            OfflineField::Urls => 0,
            OfflineField::Name => 1,
        };
        Position::new(
            rect.x + 2 + LABEL_W as u16 + u16::try_from(x).unwrap_or(0),
            rect.y + 1 + row,
        )
    }

    fn field(
        &self,
        label: &str,
        input: &Input,
        focused: bool,
        empty: &str,
        w: usize,
    ) -> Line<'static> {
        let s = self.styles;
        let value = match input.value() {
            "" if !focused => Span::styled(empty.to_owned(), s.dim),
            text => {
                let shown: String = text.chars().skip(input.visual_scroll(w)).collect();
                let style = if focused { s.filter } else { s.popup };
                Span::styled(format::truncate(&shown, w), style)
            }
        };
        Line::from(vec![
            Span::styled(format!("{label:LABEL_W$}"), s.column_header),
            value,
        ])
    }

    /// What Enter will do, or why it was refused, on up to two rows of `width`.
    fn summary(&self, width: usize) -> Vec<Line<'static>> {
        let s = self.styles;
        let (text, style) = match (&self.ask.error, self.ask.url_list().len()) {
            (Some(why), _) => (why.clone(), s.error),
            (None, 0) => (
                "http(s) URLs, separated by spaces or lines".to_owned(),
                s.dim,
            ),
            (None, 1) => (
                "Enter: the drive fetches it itself; t shows how far".to_owned(),
                s.dim,
            ),
            (None, n) => (
                format!("Enter: the drive fetches these {n} itself; t shows how far"),
                s.dim,
            ),
        };
        let mut rows = wrap(&text, width, 0);
        rows.truncate(SUMMARY_ROWS);
        rows.into_iter().map(|r| Line::styled(r, style)).collect()
    }
}

impl Widget for OfflineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (ask, s) = (self.ask, self.styles);
        let rect = self.area(area);
        Clear.render(rect, buf);
        let w = Self::field_w(rect);
        let urls = ask.focus == OfflineField::Urls;
        let mut lines = vec![
            self.field("URLs", &ask.urls, urls, "type or paste http(s) URLs", w),
            self.field("Name", &ask.name, !urls, "(optional, one URL only)", w),
            Line::from(vec![
                Span::styled(format!("{:LABEL_W$}", "Into"), s.column_header),
                Span::styled(format!("cloud:{}", ask.dest_path), s.popup),
            ]),
        ];
        if let Some(note) = &ask.dest_note {
            lines.push(Line::styled(format!("{:LABEL_W$}({note})", ""), s.dim));
        }
        lines.push(Line::default());
        lines.extend(self.summary(usize::from(rect.width.saturating_sub(4))));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(
                " Offline download: the drive fetches URLs ",
                s.popup_title,
            ))
            .padding(Padding::horizontal(1));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}
