//! The viewer over the whole screen: a title row (name, size, what the file is, the encoding),
//! the rows the model computed, and a bottom row with the position, how much has been read,
//! any search under way or message, and the main keys.

use super::format;
use super::status::HintsView;
use crate::app::Model;
use crate::app::viewer::{Charset, PieceKind, Row, Screen, Task, Viewer};
use crate::config::{SizeUnits, Styles};
use crate::fs::read::{Kind, sniff};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct ViewerView<'a> {
    pub viewer: &'a Viewer,
    pub model: &'a Model,
}

impl Widget for ViewerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let v = self.viewer;
        let s = &self.model.styles;
        let u = self.model.settings.formats.units;
        let [title, body, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let geo = v.geometry(area.width, area.height);
        let screen = v.screen(geo);
        let heading = format::truncate(&title_text(v, u), usize::from(title.width));
        let title_style = s.title_focused.add_modifier(Modifier::REVERSED);
        buf.set_style(title, title_style);
        Line::from(Span::styled(heading, title_style)).render(title, buf);
        for (i, row) in screen.rows.iter().enumerate() {
            let y = body.y + i as u16;
            if y >= body.y + body.height {
                break;
            }
            let rect = Rect::new(body.x, y, body.width, 1);
            row_line(row, geo.gutter, s).render(rect, buf);
        }
        if screen.end && screen.rows.len() < usize::from(body.height) && v.ready() {
            let y = body.y + screen.rows.len() as u16;
            Line::from(Span::styled("(end)", s.dim)).render(Rect::new(body.x, y, 6, 1), buf);
        }
        let (text, style) = position(v, &screen, s, u);
        let text = format::truncate(&text, usize::from(bottom.width));
        let used = (format::width(&text) + 2).min(usize::from(bottom.width)) as u16;
        let [left, right] =
            Layout::horizontal([Constraint::Length(used), Constraint::Fill(1)]).areas(bottom);
        Line::from(Span::styled(text, style)).render(left, buf);
        HintsView { model: self.model }.render(right, buf);
    }
}

fn title_text(v: &Viewer, u: SizeUnits) -> String {
    let what = match v.kind {
        None => "…".to_owned(),
        Some(Kind::Image(info)) => match info.pixels {
            Some((w, h)) => format!("{} image, {w} × {h} pixels", info.format),
            None => format!("{} image, dimensions not in its first bytes", info.format),
        },
        Some(Kind::Binary) => "binary".to_owned(),
        Some(Kind::Text(_)) => "text".to_owned(),
    };
    let shown = match (v.hex, v.charset, v.kind) {
        (true, _, _) => "hex dump".to_owned(),
        (false, Charset::Auto, Some(Kind::Text(_))) => {
            format!("{} (detected)", sniff::name(v.encoding()))
        }
        (false, _, _) => format!("{} (chosen)", sniff::name(v.encoding())),
    };
    let lines = match (v.hex, v.wrap) {
        (true, _) => "",
        (false, true) => " · wrapped",
        (false, false) => " · cut",
    };
    format!(
        " {} · {} · {what} · {shown}{lines}",
        v.name,
        format::size(v.size(), u)
    )
}

pub(super) fn row_line<'a>(row: &'a Row, gutter: usize, s: &Styles) -> Line<'a> {
    let mut spans = Vec::with_capacity(row.pieces.len() + 1);
    if gutter > 0 {
        let style = if row.offset { s.hidden } else { s.dim };
        spans.push(Span::styled(
            format!("{:>w$} ", row.gutter, w = gutter - 1),
            style,
        ));
    }
    for p in &row.pieces {
        let style = match p.kind {
            PieceKind::Text => s.file,
            PieceKind::Hit => s.cursor,
            PieceKind::Escaped => s.marked,
            PieceKind::Offset => s.dim,
            PieceKind::Loading => s.info,
        };
        spans.push(Span::styled(p.text.as_str(), style));
    }
    Line::from(spans)
}

/// The bottom row's text: a task's progress, a message, or the position.
fn position(v: &Viewer, screen: &Screen, s: &Styles, u: SizeUnits) -> (String, Style) {
    let read = format!(
        "read {} of {}",
        format::size(v.fetched, u),
        format::size(v.size(), u)
    );
    if let Some(e) = &v.error {
        return (e.clone(), s.error);
    }
    if !v.ready() {
        return (format!("Reading… {read}"), s.info);
    }
    let scanned = |to: u64, from: u64| format::size(to.abs_diff(from), u);
    match &v.task {
        Some(Task::Search {
            query, at, from, ..
        }) => {
            let text = format!(
                "Searching for “{query}”: {} looked at · {read} · Esc stops",
                scanned(*at, *from)
            );
            return (text, s.info);
        }
        Some(Task::Line(n)) => {
            let counted = (v.index.counted() * crate::fs::read::WINDOW).min(v.size());
            let text = format!(
                "Counting lines to {n}: {} of {} · Esc stops",
                format::size(counted, u),
                format::size(v.size(), u)
            );
            return (text, s.info);
        }
        Some(Task::Bottom | Task::Byte(_)) => return (format!("Reading… {read}"), s.info),
        None => {}
    }
    let pct = match v.size() {
        0 => 100,
        size => (u128::from(v.top.at) * 100 / u128::from(size)) as u64,
    };
    let pct = if screen.end { 100 } else { pct };
    let at = match (v.hex, screen.line) {
        (true, _) => format!("byte {}", v.top.at),
        (false, Some(n)) => match line_total(v) {
            Some(total) => format!("line {n} of {total}"),
            None => format!("line {n}"),
        },
        (false, None) => format!(
            "byte {} (line numbers known for the first {} read in order)",
            v.top.at,
            format::size(
                (v.index.counted() * crate::fs::read::WINDOW).min(v.size()),
                u,
            )
        ),
    };
    let mut text = format!("{at} · {pct}% · {read}");
    if let Some(note) = &v.note {
        text = format!("{note} · {text}");
    }
    (text, s.status)
}

fn line_total(v: &Viewer) -> Option<u64> {
    let last = v.size().checked_sub(1)?;
    let newline_end = v.windows.byte(last).map(|b| b == b'\n')?;
    v.index.total(v.windows.count(), newline_end)
}
