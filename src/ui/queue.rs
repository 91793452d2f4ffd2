//! The transfer queue panel (over the lower part of the screen) and the lines of the question
//! before a transfer. Rows show direction, name, state, a progress bar, bytes, speed and ETA;
//! failed rows keep their reason, conflicts say how to answer.

use super::format;
use crate::app::{JobRow, Model, TransferAsk};
use crate::transfer::{ConflictPolicy, Direction, JobState, TransferSpec};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};
use std::time::Duration;

pub fn ask_lines(ask: &TransferAsk) -> Vec<String> {
    let mut lines = ask.lines.clone();
    lines.push(String::new());
    let (policy, fix) = match &ask.spec {
        TransferSpec::Upload {
            policy, fix_names, ..
        } => (policy, Some(*fix_names)),
        TransferSpec::Download { policy, .. } => (policy, None),
        TransferSpec::ImageUpload { .. } => {
            lines.push(
                "An image whose name is taken in that folder fails; nothing is overwritten.".into(),
            );
            return lines;
        }
    };
    let policy = match policy {
        ConflictPolicy::Ask => "ask me",
        ConflictPolicy::Skip => "skip the file",
        ConflictPolicy::Overwrite => "overwrite it",
        ConflictPolicy::KeepBoth => "keep both (the new one gets a number)",
    };
    lines.push(format!("If a name exists: {policy}   (p: change)"));
    if let Some(fix) = fix {
        let how = if fix {
            "replace with full-width forms"
        } else {
            "refuse those files"
        };
        lines.push(format!(
            "Characters the cloud forbids (\\/:*?|><\"): {how}   (f: change)"
        ));
    }
    if let Some(then) = &ask.then {
        let what = if then.is_local() {
            "delete the local originals"
        } else {
            "move the cloud originals to the trash"
        };
        lines.push(format!("Then {what}, once every file arrived verified."));
    }
    lines
}

pub struct QueueView<'a> {
    pub model: &'a Model,
    pub cursor: usize,
}

fn duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

fn bar(done: u64, total: u64, width: usize) -> String {
    let filled = if total == 0 {
        width
    } else {
        (done.min(total) as f64 / total as f64 * width as f64) as usize
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn state_text(row: &JobRow) -> (String, bool) {
    match &row.info.state {
        JobState::Queued => ("queued".into(), false),
        JobState::Planning => ("starting".into(), false),
        JobState::Hashing => ("hashing".into(), false),
        JobState::Uploading => ("uploading".into(), false),
        JobState::Downloading => ("downloading".into(), false),
        JobState::Verifying => ("verifying".into(), false),
        JobState::Done { reused: true } => match row.info.direction {
            Direction::Upload => ("done (instant)".into(), false),
            Direction::Download => ("done (already here)".into(), false),
        },
        JobState::Done { reused: false } => ("done".into(), false),
        JobState::Skipped { reason } => (format!("skipped: {reason}"), false),
        JobState::Failed { reason } => (format!("failed: {reason}"), true),
        JobState::Paused => ("paused".into(), false),
        JobState::Cancelled => ("cancelled".into(), false),
        JobState::Conflict(_) => (
            "name exists: o overwrite · s skip · b keep both".into(),
            true,
        ),
    }
}

impl QueueView<'_> {
    fn row(&self, row: &JobRow, width: usize, selected: bool) -> Line<'static> {
        let s = &self.model.styles;
        let i = &row.info;
        let arrow = match i.direction {
            Direction::Upload => "↑",
            Direction::Download => "↓",
        };
        let (state, bad) = state_text(row);
        let mut state = state;
        if let (Some(reason), false) = (&i.retry_reason, i.state.is_finished()) {
            state.push_str(&format!(" (try {}: {reason})", i.attempt));
        }
        let pct = (i.done_bytes.min(i.size) * 100)
            .checked_div(i.size)
            .unwrap_or(100);
        let speed = row
            .speed()
            .map(|b| format!("{}/s", format::size(b as u64)))
            .unwrap_or_default();
        let eta = row.eta().map(duration).unwrap_or_default();
        let tail = format!(
            " {} {pct:>3}% {:>9}/{:<9} {speed:>11} {eta:>7}",
            bar(i.done_bytes, i.size, 12),
            format::size(i.done_bytes.min(i.size)),
            format::size(i.size)
        );
        let name_w = width.saturating_sub(format::width(&tail) + 2).max(10);
        let name_w = name_w.min(width.saturating_sub(2));
        let left_w = name_w.saturating_mul(2) / 5;
        let name = format::truncate(&i.name, left_w);
        let state = format::truncate(&state, name_w.saturating_sub(left_w + 1));
        let pad = name_w.saturating_sub(format::width(&name) + 1 + format::width(&state));
        let style = if selected {
            s.cursor
        } else if bad {
            s.error
        } else if i.state.is_finished() {
            s.dim
        } else {
            s.popup
        };
        Line::from(vec![Span::styled(
            format!("{arrow} {name} {state}{:pad$}{tail}", ""),
            style,
        )])
    }
}

impl Widget for QueueView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let m = self.model;
        let s = &m.styles;
        let h = (area.height * 3 / 5).max(6).min(area.height);
        let rect = Rect::new(area.x, area.bottom() - h, area.width, h);
        Clear.render(rect, buf);
        let t = m.transfers.totals();
        let mut title = format!(" Transfers: ↑{} ↓{} ", t.uploads, t.downloads);
        if t.speed > 0.0 {
            title.push_str(&format!("· {}/s ", format::size(t.speed as u64)));
            let eta = Duration::from_secs_f64(t.bytes_left as f64 / t.speed.max(1.0));
            title.push_str(&format!(
                "· {} left · ETA {} ",
                format::size(t.bytes_left),
                duration(eta)
            ));
        }
        if m.transfers.saved_bytes() > 0 {
            title.push_str(&format!(
                "· {} saved by instant upload ",
                format::size(m.transfers.saved_bytes())
            ));
        }
        let width = usize::from(rect.width.saturating_sub(2));
        let visible = usize::from(rect.height.saturating_sub(2));
        let offset = self.cursor.saturating_sub(visible.saturating_sub(1));
        let lines: Vec<Line> = if m.transfers.jobs.is_empty() {
            vec![Line::from(Span::styled(
                "Nothing queued. F5 between a local and a cloud pane uploads or downloads.",
                s.dim,
            ))]
        } else {
            m.transfers
                .jobs
                .iter()
                .enumerate()
                .skip(offset)
                .take(visible)
                .map(|(i, row)| self.row(row, width, i == self.cursor))
                .collect()
        };
        let keys = " p pause · x cancel · r retry · K/J reorder · o/s/b answer (O/S/B whole batch) · c clear done · Esc close ";
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(title, s.popup_title))
            .title_bottom(Line::from(Span::styled(
                format::truncate(keys, width),
                s.dim,
            )));
        Paragraph::new(lines)
            .style(Style::default())
            .block(block)
            .render(rect, buf);
    }
}
