//! The preview panel in the inactive pane's place: the cursor entry's name, size, date and
//! MD5, what it is (text in an encoding, binary, an image's pixels, a folder's counts), then
//! its first rows — the viewer's rows over the bytes read, or the folder's first entries.

use super::format;
use super::viewer::row_line;
use crate::app::preview::{Folder, Head, Panel, Shown};
use crate::config::{SizeUnits, Styles};
use crate::fs::read::Kind;
use crate::fs::{Entry, EntryKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

pub struct PreviewView<'a> {
    pub panel: &'a Panel,
    pub styles: &'a Styles,
    pub utc_offset: i32,
    pub formats: &'a crate::config::Formats,
}

impl Widget for PreviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(s.border)
            .title_top(Span::styled(" Preview ", s.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let (Some(subject), Some(shown)) = (&self.panel.subject, &self.panel.shown) else {
            let note = Line::from(Span::styled("Nothing under the cursor", s.dim));
            note.render(inner, buf);
            return;
        };
        let width = usize::from(inner.width);
        let mut lines = self.facts(&subject.entry, shown);
        lines.push(Line::from(Span::styled("─".repeat(width), s.dim)));
        let room = usize::from(inner.height).saturating_sub(lines.len());
        match shown {
            Shown::File(head) => lines.extend(head_rows(head, width, room, s)),
            Shown::Dir(folder) => {
                lines.extend(folder_rows(folder, width, room, s, self.formats.units))
            }
            _ => {}
        }
        for (i, line) in lines
            .into_iter()
            .take(usize::from(inner.height))
            .enumerate()
        {
            let row = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
            line.render(row, buf);
        }
    }
}

impl PreviewView<'_> {
    /// The name, then size, date and MD5, then what the entry is.
    fn facts(&self, entry: &Entry, shown: &Shown) -> Vec<Line<'static>> {
        let s = self.styles;
        let u = self.formats.units;
        let name_style = entry_style(entry, s).add_modifier(Modifier::BOLD);
        let mut lines = vec![Line::from(Span::styled(entry.name.clone(), name_style))];
        let mut fact = |text: String| lines.push(Line::from(Span::styled(text, s.file)));
        match entry.size {
            _ if entry.is_dir() => {}
            0..1024 => fact(format::size(entry.size, u)),
            n => fact(format!(
                "{} ({} bytes)",
                format::size(n, u),
                format::count(n as usize)
            )),
        }
        if let Some(t) = entry.mtime {
            fact(format!(
                "Modified {}",
                format::time(t, self.utc_offset, &self.formats.date)
            ));
        }
        if let Some(md5) = &entry.etag {
            fact(format!("MD5 {md5}"));
        }
        let (what, style) = match shown {
            Shown::Waiting => ("…".to_owned(), s.dim),
            Shown::Reading => ("Reading…".to_owned(), s.info),
            Shown::File(head) => (what_file(head, u), s.info),
            Shown::Dir(folder) => (what_folder(folder, u), s.info),
            Shown::Nothing(why) => (why.clone(), s.dim),
            Shown::Failed(why) => (why.clone(), s.error),
        };
        lines.push(Line::from(Span::styled(what, style)));
        lines
    }
}

fn what_file(head: &Head, u: SizeUnits) -> String {
    let part = match head.whole {
        true => String::new(),
        false => format!(" · first {}", format::size(head.read, u)),
    };
    match head.kind {
        Kind::Text(_) => format!("Text · {}{part}", head.encoding().name()),
        Kind::Binary => format!("Binary · hex dump{part}"),
        Kind::Image(info) => match info.pixels {
            Some((w, h)) => format!("{} image · {w} × {h} pixels", info.format),
            None => format!("{} image · dimensions not in its first bytes", info.format),
        },
    }
}

fn what_folder(f: &Folder, u: SizeUnits) -> String {
    let counted = match f.complete {
        true => "",
        false => " (at least: the first ones)",
    };
    format!(
        "Folder · {}, {}, {}{counted}",
        format::counted(f.dirs, "folder"),
        format::counted(f.files, "file"),
        format::size(f.bytes, u)
    )
}

fn head_rows(head: &Head, width: usize, room: usize, s: &Styles) -> Vec<Line<'static>> {
    let screen = head.rows(width, room);
    let mut lines: Vec<Line<'static>> = screen
        .rows
        .iter()
        .map(|row| owned(row_line(row, 0, s)))
        .collect();
    if screen.end && !head.whole && lines.len() < room {
        lines.push(Line::from(Span::styled("…", s.dim)));
    }
    lines
}

fn owned(line: Line<'_>) -> Line<'static> {
    let spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|sp| Span::styled(sp.content.into_owned(), sp.style))
        .collect();
    Line::from(spans)
}

fn folder_rows(
    f: &Folder,
    width: usize,
    room: usize,
    s: &Styles,
    u: SizeUnits,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let more = f.dirs + f.files > f.entries.len() || !f.complete;
    for (i, e) in f.entries.iter().enumerate() {
        if i + 1 == room && (more || i + 1 < f.entries.len()) {
            lines.push(Line::from(Span::styled("…", s.dim)));
            break;
        }
        let size = match e.is_dir() {
            true => String::new(),
            false => format::size(e.size, u),
        };
        let name_room = width.saturating_sub(format::width(&size) + 1);
        let tail = if e.is_dir() { "/" } else { "" };
        let name = format::truncate_name(&e.name, tail, name_room);
        let pad = width.saturating_sub(format::width(&name) + format::width(&size));
        lines.push(Line::from(vec![
            Span::styled(name, entry_style(e, s)),
            Span::styled(format!("{}{size}", " ".repeat(pad)), s.dim),
        ]));
    }
    lines
}

fn entry_style(e: &Entry, s: &Styles) -> Style {
    match e.kind {
        EntryKind::Dir | EntryKind::Symlink { to_dir: true } => s.dir,
        EntryKind::Symlink { .. } => s.symlink,
        EntryKind::File => s.file,
    }
}
