//! The transfer queue panel (over the panes, above the status line). Each row shows the
//! direction (↑ upload, ↓ download, → local copy), the file's path below its batch's root, its state, and for moving jobs a
//! progress bar, bytes, speed and ETA; finished rows drop those columns so a reason gets the
//! row's width, and show what arrived rather than a bar. Offline downloads (`⇣`, the drive
//! fetching a URL) show the server's percentage and task id instead of bytes. `i` adds the
//! selected job's details. A job's arrow, state and what arrived are worded by the app
//! (`JobRow::state_text` and its neighbours); this file lays them out. The title sums the
//! queue up: counts, speed, the overall ETA and a sparkline of the last minute's throughput.

use super::format;
use super::job_details::detail_lines;
use super::sparkline::sparkline;
use crate::app::throughput::eta;
use crate::app::{JobRow, Model};
use crate::fmt::{SizeUnits, duration};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct QueueView<'a> {
    pub model: &'a Model,
    pub cursor: usize,
    pub details: bool,
}

fn bar(done: u64, total: u64, width: usize) -> String {
    let filled = match total {
        0 => 0,
        _ => (done.min(total) as f64 / total as f64 * width as f64) as usize,
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// An offline download's columns: the server's percentage and task while it runs, the task
/// once it ended (sizes are unknown: the drive moves the bytes).
fn offline_tail(row: &JobRow, bar_w: usize) -> String {
    let i = &row.info;
    let task = i
        .offline
        .map(|t| format!("task {}", t.id))
        .unwrap_or_default();
    if row.is_finished() {
        return match task.is_empty() {
            true => task,
            false => format!(" {task}"),
        };
    }
    let pct = i.offline.map_or(0, |t| t.percent);
    let bar = bar(u64::from(pct), 100, bar_w);
    format!(" {bar} {pct:>3}% {task:>11}")
}

/// The right-hand columns: the progress of a job a worker has or will have, else what arrived.
fn tail(row: &JobRow, wide: bool, u: SizeUnits) -> String {
    let i = &row.info;
    if row.is_offline() {
        return offline_tail(row, if wide { 12 } else { 8 });
    }
    if row.is_finished() || row.in_conflict() {
        return match row.arrived(u) {
            text if text.is_empty() => text,
            text => format!(" {text}"),
        };
    }
    let pct = (i.done_bytes.min(i.size) * 100)
        .checked_div(i.size)
        .unwrap_or(0);
    let speed = row
        .speed()
        .map(|b| format!("{}/s", format::size(b as u64, u)))
        .unwrap_or_default();
    let (done, size) = (
        format::size(i.done_bytes.min(i.size), u),
        format::size(i.size, u),
    );
    // At 80 columns the job's ETA goes (the title has the total's; details have the job's).
    let (bar_w, eta) = match wide {
        true => (
            12,
            format!(" {:>7}", row.eta().map(duration).unwrap_or_default()),
        ),
        false => (8, String::new()),
    };
    format!(
        " {} {pct:>3}% {done:>8}/{size:<8} {speed:>10}{eta}",
        bar(i.done_bytes, i.size, bar_w)
    )
}

/// `s` padded with spaces to `w` cells.
fn pad(s: String, w: usize) -> String {
    let fill = w.saturating_sub(format::width(&s));
    s + &" ".repeat(fill)
}

impl QueueView<'_> {
    /// One job in `width` cells; paths take `col` cells where the row has room for them.
    fn row(&self, row: &JobRow, width: usize, col: usize, selected: bool) -> Line<'static> {
        let s = &self.model.styles;
        let i = &row.info;
        let arrow = row.arrow();
        let (mut state, bad) = row.state_text();
        if let (Some(reason), false) = (&i.retry_reason, row.is_finished()) {
            state.push_str(&format!(" (try {}: {reason})", i.attempt));
        }
        let tail = tail(row, width >= 100, self.model.settings.formats.units);
        let name_w = width.saturating_sub(format::width(&tail) + 2);
        // A moving job's state stays readable: its path gives way first.
        let col = match name_w >= col + 13 {
            true => col,
            false => name_w.saturating_sub(13).max(name_w / 2),
        };
        let path = match row.path() {
            "" => "(the whole batch)",
            path => path,
        };
        let path = pad(format::truncate_left(path, col), col);
        let state = format::truncate(&state, name_w.saturating_sub(col + 1));
        let style = if selected {
            s.cursor
        } else if bad {
            s.error
        } else if row.is_finished() {
            s.dim
        } else {
            s.popup
        };
        let text = format!(
            "{arrow} {path} {}{tail}",
            pad(state, name_w.saturating_sub(col + 1))
        );
        Line::from(Span::styled(text, style))
    }

    /// The counts, speed, what is left and the ETA (`—` while nothing moves), instant upload's
    /// savings, and the last minute's throughput as far as `width` cells allow.
    fn title(&self, width: usize) -> String {
        let m = self.model;
        let t = m.transfers.totals();
        let u = m.settings.formats.units;
        let mut title = format!(" Transfers: ↑{} ↓{} ", t.uploads, t.downloads);
        if t.copies > 0 {
            title.push_str(&format!("→{} ", t.copies));
        }
        if t.fetches > 0 {
            title.push_str(&format!("⇣{} ", t.fetches));
        }
        if t.speed > 0.0 {
            title.push_str(&format!("· {}/s ", format::size(t.speed as u64, u)));
            title.push_str(&format!("· {} left ", format::size(t.bytes_left, u)));
        }
        if t.uploads + t.downloads + t.copies > 0 {
            let eta = eta(t.bytes_left, t.speed).map_or_else(|| "—".to_owned(), duration);
            title.push_str(&format!("· ETA {eta} "));
        }
        if m.transfers.saved_bytes() > 0 {
            title.push_str(&format!(
                "· {} saved by instant upload ",
                format::size(m.transfers.saved_bytes(), u)
            ));
        }
        let room = width.saturating_sub(format::width(&title) + 1);
        let spark = sparkline(&m.transfers.throughput.buckets(), room);
        if !spark.is_empty() {
            title.push_str(&spark);
            title.push(' ');
        }
        title
    }
}

impl Widget for QueueView<'_> {
    /// `area`: the panes' rows; the status line and the key hints below stay visible.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let s = &m.styles;
        let jobs = &m.transfers.jobs;
        let width = usize::from(area.width.saturating_sub(2));
        let mut about = match (self.details, jobs.get(self.cursor)) {
            (true, Some(row)) => {
                detail_lines(row, &m.transfers, s, width, m.settings.formats.units)
            }
            _ => vec![],
        };
        let panes = crate::app::layout::Area {
            x: area.x,
            y: area.y,
            width: area.width,
            height: area.height,
        };
        let panel = crate::app::layout::queue_panel(panes, jobs.len(), self.cursor, about.len());
        let rect = super::rect(panel.area);
        Clear.render(rect, buf);
        about.truncate(usize::from(rect.height.saturating_sub(2)) / 2);
        let (visible, offset) = (usize::from(panel.list.height).max(1), panel.offset);
        let shown = || jobs.iter().enumerate().skip(offset).take(visible);
        let col = shown()
            .map(|(_, j)| format::width(j.path()))
            .max()
            .unwrap_or(0)
            .min(width.saturating_sub(2) * 2 / 5)
            .max(8);
        let mut lines: Vec<Line> = match jobs.is_empty() {
            true => vec![Line::styled(
                "Nothing queued. F5 between a local and a cloud pane uploads or downloads.",
                s.dim,
            )],
            false => shown()
                .map(|(i, row)| self.row(row, width, col, i == self.cursor))
                .collect(),
        };
        if !about.is_empty() {
            lines.resize(visible, Line::default());
            lines.extend(about);
        }
        let keys = " i details · p pause · x cancel · r retry · K/J reorder · o/s/b answer (O/S/B whole batch) · c clear done · Esc close ";
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(self.title(width), s.popup_title))
            .title_bottom(Line::styled(format::truncate(keys, width), s.dim));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}
