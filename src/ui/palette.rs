//! The command palette popup (a query line, a hint or error line, the ranked items with their
//! matched characters lit and their keys on the right) and the bookmarks popup (bookmarks,
//! then recent folders). Both borrow their rows from the model.

use super::popup::centered;
use crate::app::{Hit, Model, PaletteState};
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

fn frame<'a>(title: String, styles: &Styles) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(styles.border_focused)
        .title(Span::styled(format!(" {title} "), styles.popup_title))
}

pub struct PaletteView<'a> {
    pub state: &'a PaletteState,
    pub styles: &'a Styles,
}

impl PaletteView<'_> {
    pub fn area(area: Rect) -> Rect {
        let width = area.width.saturating_sub(6).min(90);
        centered(area, width, area.height.saturating_sub(4).max(5))
    }

    /// Where the terminal cursor sits: in the query line.
    pub fn cursor(&self, area: Rect) -> Position {
        let rect = Self::area(area);
        let field = usize::from(rect.width.saturating_sub(6));
        let x = super::input_line::shown(&self.state.input, field).cursor;
        Position::new(rect.x + 4 + x, rect.y + 1)
    }

    fn row(&self, hit: &Hit, width: usize, selected: bool) -> Line<'static> {
        let s = self.styles;
        let (desc, name, keys) = match hit.item.and_then(|i| self.state.item(i)) {
            Some(item) => (item.desc.as_str(), item.name.as_str(), item.keys.as_str()),
            None => ("Go to", self.state.input.value(), ""),
        };
        let base = if selected { s.cursor } else { s.popup };
        let lit = base.patch(s.marked);
        let quiet = if selected { base } else { base.patch(s.dim) };
        let mut spans = lit_spans(desc, &hit.desc, base, lit);
        spans.push(Span::styled("  ", base));
        spans.extend(lit_spans(name, &hit.name, quiet, lit));
        let used: usize = spans.iter().map(|sp| sp.content.width()).sum();
        let keys_w = keys.width();
        let room = width.saturating_sub(used + keys_w);
        if room > 0 {
            spans.push(Span::styled(" ".repeat(room), base));
            spans.extend(lit_spans(keys, &hit.keys, quiet, lit));
        } else {
            spans = clip(spans, width);
            let w: usize = spans.iter().map(|sp| sp.content.width()).sum();
            spans.push(Span::styled(" ".repeat(width.saturating_sub(w)), base));
        }
        Line::from(spans)
    }
}

impl Widget for PaletteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = Self::area(area);
        Clear.render(rect, buf);
        let s = self.styles;
        let state = self.state;
        let title = match state.path_mode() {
            true => "Go to a folder (Tab completes)".to_owned(),
            false => format!("Commands: {}", state.from.title()),
        };
        let block = frame(title, s);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let width = usize::from(inner.width.saturating_sub(2));
        let shown = super::input_line::shown(&state.input, width.saturating_sub(2));
        let mut lines = vec![Line::from(vec![
            Span::styled("> ", s.popup_title),
            Span::styled(shown.text, s.popup),
        ])];
        lines.push(match (&state.error, &state.note) {
            (Some(e), _) => Line::from(Span::styled(super::truncate(e, width), s.error)),
            (None, Some(n)) => Line::from(Span::styled(super::truncate(n, width), s.info)),
            (None, None) if state.hits.is_empty() => {
                Line::from(Span::styled("Nothing matches", s.dim))
            }
            (None, None) => {
                let hint = match state.path_mode() {
                    true => "Enter goes there; ↑ ↓ bookmarks and recent folders; Tab completes",
                    false => "Type to find a command; a path (/, ~, cloud:/, images:/) goes there",
                };
                Line::from(Span::styled(super::truncate(hint, width), s.dim))
            }
        });
        let visible = usize::from(inner.height.saturating_sub(2)).max(1);
        let offset = state.cursor.saturating_sub(visible - 1);
        for (i, hit) in state.hits.iter().enumerate().skip(offset).take(visible) {
            lines.push(self.row(hit, width, i == state.cursor));
        }
        let text_area = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        Paragraph::new(lines).style(s.popup).render(text_area, buf);
    }
}

/// `text` as spans, the chars at `marks` (sorted) in `lit`.
fn lit_spans(text: &str, marks: &[usize], base: Style, lit: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_lit = false;
    for (i, c) in text.chars().enumerate() {
        let on = marks.binary_search(&i).is_ok();
        if on != run_lit && !run.is_empty() {
            let style = if run_lit { lit } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_lit = on;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_lit { lit } else { base }));
    }
    spans
}

/// The first `width` cells of `spans`.
fn clip(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for sp in spans {
        let w = sp.content.width();
        if used + w <= width {
            used += w;
            out.push(sp);
            continue;
        }
        let cut = super::truncate(&sp.content, width - used);
        out.push(Span::styled(cut, sp.style));
        break;
    }
    out
}

pub struct BookmarksView<'a> {
    pub model: &'a Model,
    pub add: bool,
    pub cursor: usize,
}

impl Widget for BookmarksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let s = &m.styles;
        let rows = m.bookmarks.rows(&m.recent);
        let rows: Vec<_> = match self.add {
            true => rows.into_iter().filter(|(k, _)| k.is_some()).collect(),
            false => rows,
        };
        let height = u16::try_from(rows.len().max(1) + 2).unwrap_or(u16::MAX);
        let rect = centered(area, area.width.saturating_sub(10).min(72), height);
        let rect = Rect {
            height: rect.height.min(area.height.saturating_sub(4)),
            ..rect
        };
        Clear.render(rect, buf);
        let title = match self.add {
            true => "Bookmark this folder: press a key",
            false => "Bookmarks: press a key, or Enter on a row",
        };
        let block = frame(title.to_owned(), s);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let width = usize::from(inner.width);
        let visible = usize::from(inner.height).max(1);
        let offset = self.cursor.saturating_sub(visible - 1);
        let mut lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(visible)
            .map(|(i, (key, place))| {
                let selected = !self.add && i == self.cursor;
                let base = if selected { s.cursor } else { s.popup };
                let (tag, tag_style) = match key {
                    Some(k) => (format!(" '{k}  "), base.patch(s.marked)),
                    None => (" ··  ".to_owned(), base.patch(s.dim)),
                };
                let text = super::truncate(place, width.saturating_sub(tag.width()));
                let pad = width.saturating_sub(tag.width() + text.width());
                Line::from(vec![
                    Span::styled(tag, tag_style),
                    Span::styled(text, base),
                    Span::styled(" ".repeat(pad), base),
                ])
            })
            .collect();
        if lines.is_empty() {
            let empty = match self.add {
                true => " No bookmarks yet",
                false => " No bookmarks or recent folders yet (B then a key bookmarks)",
            };
            lines.push(Line::from(Span::styled(empty, s.dim)));
        }
        Paragraph::new(lines).style(s.popup).render(inner, buf);
    }
}
