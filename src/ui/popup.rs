//! Small centred overlays: the one-line prompt (`Modal::Input`) and the entry details
//! (`Modal::Details`). Both borrow their state from the model and keep none of their own.

use super::format;
use crate::app::{DetailsState, InputState};
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

/// A rectangle of `width`×`height` centred in `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn frame<'a>(title: &'a str, styles: &Styles) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(styles.border_focused)
        .title(Span::styled(format!(" {title} "), styles.popup_title))
}

pub struct InputView<'a> {
    pub state: &'a InputState,
    pub styles: &'a Styles,
}

impl InputView<'_> {
    pub fn area(area: Rect) -> Rect {
        centered(area, area.width.saturating_sub(10).min(80), 5)
    }

    /// Where the terminal cursor sits inside the prompt.
    pub fn cursor(&self, area: Rect) -> Position {
        let rect = Self::area(area);
        let inner_w = usize::from(rect.width.saturating_sub(4));
        let x = super::input_line::shown(&self.state.input, inner_w).cursor;
        Position::new(rect.x + 2 + x, rect.y + 1)
    }
}

impl Widget for InputView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = Self::area(area);
        Clear.render(rect, buf);
        let s = self.styles;
        let inner_w = usize::from(rect.width.saturating_sub(4));
        let shown = super::input_line::shown(&self.state.input, inner_w);
        let mut lines = vec![Line::from(Span::styled(shown.text, s.popup))];
        lines.push(match (&self.state.error, &self.state.note) {
            (Some(e), _) => Line::from(Span::styled(format::truncate(e, inner_w), s.error)),
            (None, Some(n)) => Line::from(Span::styled(format::truncate(n, inner_w), s.info)),
            (None, None) => Line::from(Span::styled(self.state.hint(), s.dim)),
        });
        let block = frame(self.state.purpose.title(), s);
        Paragraph::new(lines)
            .block(block.padding(ratatui::widgets::Padding::horizontal(1)))
            .render(rect, buf);
    }
}

pub struct DetailsView<'a> {
    pub state: &'a DetailsState,
    pub styles: &'a Styles,
    pub utc_offset: i32,
    pub formats: &'a crate::config::Formats,
}

impl Widget for DetailsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (d, s) = (&self.state.details, self.styles);
        let time = |t: Option<i64>| t.map(|t| format::time(t, self.utc_offset, &self.formats.date));
        let size = d.size.map(|b| {
            let exact = format::count(usize::try_from(b).unwrap_or(usize::MAX));
            let what = if d.is_dir { " (everything inside)" } else { "" };
            format!(
                "{} ({exact} bytes){what}",
                format::size(b, self.formats.units)
            )
        });
        let rows: Vec<(&str, Option<String>)> = vec![
            ("Name", Some(d.name.clone())),
            (
                "Type",
                Some(if d.is_dir { "directory" } else { "file" }.to_owned()),
            ),
            ("In", Some(self.state.location.display())),
            ("Size", size),
            ("MD5", d.md5.clone()),
            ("Created", time(d.created)),
            ("Modified", time(d.modified)),
            ("ID", d.id.map(|i| i.to_string())),
            ("Parent ID", d.parent_id.map(|i| i.to_string())),
            ("Note", d.note.clone()),
        ];
        let width = area.width.saturating_sub(8).min(76);
        let inner = usize::from(width.saturating_sub(4));
        let mut lines: Vec<Line> = rows
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .map(|(k, v)| {
                Line::from(vec![
                    Span::styled(format!("{k:<10} "), s.column_header),
                    Span::styled(format::truncate(&v, inner.saturating_sub(11)), s.popup),
                ])
            })
            .collect();
        // Extra rows (image links) wrap instead of being cut: a link is useless cut short.
        for (k, v) in &d.extra {
            let parts = super::links::wrap_hard(v, inner.saturating_sub(11));
            for (i, part) in parts.into_iter().enumerate() {
                let label = if i == 0 { k.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("{label:<10} "), s.column_header),
                    Span::styled(part, s.popup),
                ]));
            }
        }
        if self.state.loading {
            lines.push(Line::from(Span::styled(
                "Asking the cloud for details…",
                s.info,
            )));
        }
        if let Some(e) = &self.state.error {
            lines.push(Line::from(Span::styled(
                format::truncate(e, inner),
                s.error,
            )));
        }
        let height = u16::try_from(lines.len()).unwrap_or(20).saturating_add(2);
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .block(frame("Details", s).padding(ratatui::widgets::Padding::horizontal(1)))
            .render(rect, buf);
    }
}
