//! One pane: a bordered list of entries with the path as title, a column header, and a footer
//! with position, marks and the filter. Only the visible rows are touched, so drawing cost
//! does not depend on the directory size.

use super::columns::Columns;
use super::format;
use super::input_line;
use crate::app::{LoadState, Pane};
use crate::config::{Formats, Styles};
use crate::fs::{Entry, EntryKind, Location};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];
/// Cells the filter line keeps however much the position and marks take.
const MIN_FILTER: usize = 12;

pub struct PaneView<'a> {
    pub pane: &'a Pane,
    pub focused: bool,
    pub styles: &'a Styles,
    pub spinner: usize,
    pub utc_offset: i32,
    pub formats: &'a Formats,
    /// Shown (quota) in the title of cloud panes.
    pub account: Option<&'a crate::app::Account>,
}

impl PaneView<'_> {
    /// Where the terminal cursor goes while the filter line is edited.
    pub fn filter_cursor(&self, area: Rect) -> Option<Position> {
        self.pane.filter.as_ref().filter(|f| f.editing)?;
        let (_, Some(shown)) = self.footer(area.width) else {
            return None;
        };
        let x = area.x + 3 + shown.cursor;
        (x < area.right().saturating_sub(1))
            .then(|| Position::new(x, area.bottom().saturating_sub(1)))
    }

    /// The title's two ends for a pane `width` cells wide: the location on the left, the
    /// loading state or the quota on the right. The folder's own name stays visible: the right
    /// end shortens or goes first, then the path loses its middle.
    fn titles(&self, width: u16) -> (Line<'static>, Line<'static>) {
        let s = self.styles;
        let style = if self.focused {
            s.title_focused
        } else {
            s.title
        };
        let tag = match &self.pane.location {
            Location::Local(_) => "local",
            Location::Images(_) => "images",
            _ => "cloud",
        };
        let avail = usize::from(width).saturating_sub(2);
        let path = self.pane.location.display();
        let frame = tag.len() + 3;
        let (options, right_style) = self.right_options();
        let fits = |path_w: usize, r: &String| {
            let gap = usize::from(!r.is_empty());
            frame + path_w + gap + format::width(r) <= avail
        };
        // The path keeps at least half the title (all of it if shorter), and never less than
        // the folder's own name.
        let floor = format::width(&path).min(format::min_path_width(&path).max(avail / 2));
        let right = options
            .iter()
            .find(|r| fits(floor, r))
            .cloned()
            .unwrap_or_default();
        let gap = usize::from(!right.is_empty());
        let room = avail.saturating_sub(frame + gap + format::width(&right));
        let path = format::shorten_path(&path, room);
        let left = Line::from(vec![
            Span::styled(format!(" {tag}:"), s.dim),
            Span::styled(format!("{path} "), style),
        ]);
        (left, Line::from(Span::styled(right, right_style)))
    }

    /// The bottom border's text for a pane `width` cells wide, and the filter line as shown
    /// in it: the filter scrolls within what the position and marks leave (at least
    /// `MIN_FILTER` cells).
    fn footer(&self, width: u16) -> (Line<'static>, Option<input_line::Shown>) {
        let (p, s) = (self.pane, self.styles);
        let rest = self.footer_rest();
        let Some(f) = &p.filter else {
            return (Line::from(rest), None);
        };
        let rest_w: usize = rest.iter().map(|span| format::width(&span.content)).sum();
        let room = usize::from(width)
            .saturating_sub(2 + 3 + rest_w)
            .max(MIN_FILTER.min(usize::from(width).saturating_sub(5)));
        let shown = input_line::shown(&f.input, room);
        let mut spans = vec![Span::styled(format!(" /{} ", shown.text), s.filter)];
        spans.extend(rest);
        (Line::from(spans), Some(shown))
    }

    /// The position in the listing and the marks, after the filter in the bottom border.
    fn footer_rest(&self) -> Vec<Span<'static>> {
        let (p, s) = (self.pane, self.styles);
        let mut spans = vec![];
        let pos = if p.listing.is_empty() {
            0
        } else {
            p.cursor + 1
        };
        let mut text = format!(" {}/{}", format::count(pos), format::count(p.listing.len()));
        if p.listing.len() != p.listing.total() {
            text.push_str(&format!(" of {}", format::count(p.listing.total())));
        }
        text.push(' ');
        spans.push(Span::styled(text, s.dim));
        if p.visual.is_some() {
            spans.push(Span::styled(" VISUAL ", s.marked));
        }
        if !p.marks.is_empty() {
            let all = if p.all_marked { "all " } else { "" };
            let marked = format!(
                " {all}{} marked, {} ",
                format::count(p.marks.len()),
                format::size(p.marked_bytes, self.formats.units)
            );
            spans.push(Span::styled(marked, s.marked));
        }
        spans
    }

    /// What the title's right end can say, longest first, ending with nothing.
    fn right_options(&self) -> (Vec<String>, Style) {
        let s = self.styles;
        match &self.pane.load {
            LoadState::Loading(_) => {
                let spin = SPINNER[self.spinner % SPINNER.len()];
                let n = format::count(self.pane.listing.total());
                let options = vec![
                    format!(" {spin} loading {n} "),
                    format!(" {spin} {n} "),
                    format!(" {spin} "),
                    String::new(),
                ];
                (options, s.info)
            }
            LoadState::Failed(_) => (vec![" error ".to_owned(), String::new()], s.error),
            LoadState::Done => match (self.account, self.pane.location.is_cloud()) {
                (Some(a), true) => {
                    let (used, total) = (
                        format::size(a.used, self.formats.units),
                        format::size(a.total, self.formats.units),
                    );
                    let vip = if a.vip { " VIP" } else { "" };
                    let pct = a.used as f64 / a.total.max(1) as f64 * 100.0;
                    let pct = match pct < 1.0 {
                        true => "<1".to_owned(),
                        false => format!("{pct:.0}"),
                    };
                    let options = vec![
                        format!(" {used} of {total}{vip} "),
                        format!(" {used}/{total} "),
                        format!(" {pct}% used "),
                        String::new(),
                    ];
                    (options, s.dim)
                }
                _ => (vec![String::new()], s.dim),
            },
        }
    }

    fn row(&self, entry: &Entry, cols: Columns) -> (String, Style) {
        let s = self.styles;
        let marked = self.pane.marks.contains(&entry.key);
        let size = match entry.kind {
            EntryKind::Dir | EntryKind::Symlink { to_dir: true } => "<DIR>".to_owned(),
            _ => format::size(entry.size, self.formats.units),
        };
        let suffix = match entry.kind {
            EntryKind::Dir => "/",
            EntryKind::Symlink { to_dir: true } => "@/",
            EntryKind::Symlink { to_dir: false } => "@",
            EntryKind::File if entry.blocked => " ⊘",
            EntryKind::File => "",
        };
        let name = format::truncate_name(&entry.name, suffix, cols.name);
        let folder = match self.pane.place_of(entry) {
            Some(dir) if cols.folder > 0 => dir.path(),
            _ if self.pane.is_loading() => "…".to_owned(),
            _ => "?".to_owned(),
        };
        let time = match (cols.time > 0, entry.mtime) {
            (true, Some(t)) => format::time(t, self.utc_offset, &self.formats.date),
            _ => String::new(),
        };
        let mark = if marked { "* " } else { "  " };
        let line = cols.row(mark, &name, &folder, &size, &time);
        let style = if marked {
            s.marked
        } else if entry.blocked {
            s.error
        } else if entry.hidden {
            s.hidden
        } else {
            match entry.kind {
                EntryKind::Dir | EntryKind::Symlink { to_dir: true } => s.dir,
                EntryKind::Symlink { .. } => s.symlink,
                EntryKind::File => s.file,
            }
        };
        (line, style)
    }
}

impl Widget for PaneView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let border = if self.focused {
            s.border_focused
        } else {
            s.border
        };
        let (left, right) = self.titles(area.width);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(if self.focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(border)
            .title_top(left)
            .title_top(right.right_aligned())
            .title_bottom(self.footer(area.width).0);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let width = usize::from(inner.width);
        let gathered = matches!(self.pane.location, Location::Search(_) | Location::Trash);
        // A wide day, a long month name: the widest a pattern prints.
        let sample = format::time(1_727_308_799, 0, &self.formats.date);
        let cols = Columns::of(width, gathered, format::width(&sample));
        let header = cols.header(self.pane.sort.label());
        buf.set_stringn(inner.x, inner.y, &header, width, s.column_header);
        let rows = usize::from(inner.height - 1);
        let p = self.pane;
        if p.listing.is_empty() {
            let msg = match &p.load {
                LoadState::Loading(_) => "Loading…".to_owned(),
                LoadState::Failed(e) => format!("Cannot list: {e}"),
                LoadState::Done if !p.filter_text().is_empty() => {
                    "No entry matches the filter".to_owned()
                }
                LoadState::Done if p.listing.total() > 0 => {
                    format!("{} hidden entries: press . to show them", p.listing.total())
                }
                LoadState::Done => match p.location {
                    Location::Search(_) => "Nothing found".to_owned(),
                    Location::Trash => "The trash is empty".to_owned(),
                    _ => "Empty directory".to_owned(),
                },
            };
            let style = if matches!(p.load, LoadState::Failed(_)) {
                s.error
            } else {
                s.dim
            };
            buf.set_stringn(
                inner.x + 2,
                inner.y + 1,
                format::truncate(&msg, width - 2),
                width - 2,
                style,
            );
            return;
        }
        for (i, entry) in (p.offset..).zip(p.listing.window(p.offset, rows)) {
            let y = inner.y + 1 + (i - p.offset) as u16;
            let (line, mut style) = self.row(entry, cols);
            if i == p.cursor {
                style = style.patch(if self.focused {
                    s.cursor
                } else {
                    s.cursor_unfocused
                });
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
            }
            buf.set_stringn(inner.x, y, &line, width, style);
        }
    }
}
