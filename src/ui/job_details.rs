//! The selected job's details in the queue panel: where from and where to (whole paths where
//! the batch's cloud folder is known), size and what arrived, the full state or reason
//! wrapped, and the attempts.

use super::format;
use super::queue::{arrived, duration, state_text};
use super::wrap::wrap;
use crate::app::{JobRow, Transfers};
use crate::config::{SizeUnits, Styles};
use crate::transfer::{Direction, JobState};
use ratatui::text::Line;

const LABEL: usize = 7;

/// `(from, to)` for display.
fn places(row: &JobRow, transfers: &Transfers) -> (String, String) {
    let i = &row.info;
    let root = transfers.roots.get(&i.batch);
    let below = |rel: &str| match root {
        Some(root) if root.ends_with('/') => format!("{root}{rel}"),
        Some(root) => format!("{root}/{rel}"),
        // Queues saved by older versions gave image uploads their whole path.
        None if rel.starts_with('/') => rel.to_owned(),
        None => format!("{rel} (below the batch's folder)"),
    };
    match i.direction {
        Direction::Upload => (i.source.clone(), below(&i.target)),
        Direction::Download | Direction::Copy => (below(&i.source), i.target.clone()),
        Direction::Offline => (i.source.clone(), format!("cloud:{}", i.target)),
    }
}

/// An offline download's progress as the server reports it; its size shows in the folder.
fn fetched(row: &JobRow) -> String {
    let i = &row.info;
    let Some(task) = i.offline else {
        return "unknown: the drive has not been asked yet".to_owned();
    };
    match &i.state {
        JobState::Done { .. } => format!("all fetched by the drive (task {})", task.id),
        _ => format!("{}% fetched by the drive (task {})", task.percent, task.id),
    }
}

fn size(row: &JobRow, u: SizeUnits) -> String {
    let i = &row.info;
    if i.direction == Direction::Offline && !i.refused {
        return fetched(row);
    }
    match &i.state {
        _ if i.refused => "not read: refused before any request".to_owned(),
        JobState::Done { reused: true } => {
            format!("{} (nothing sent: it was there)", format::size(i.size, u))
        }
        JobState::Done { reused: false } => format!("{}, all arrived", format::size(i.size, u)),
        _ => {
            let pct = (i.done_bytes.min(i.size) * 100)
                .checked_div(i.size)
                .unwrap_or(0);
            let mut text = match arrived(row, u) {
                text if i.done_bytes > 0 => format!("{text} arrived ({pct}%)"),
                _ => format!("{}, nothing arrived yet", format::size(i.size, u)),
            };
            if let (Some(speed), Some(eta)) = (row.speed(), row.eta()) {
                let speed = format::size(speed as u64, u);
                text.push_str(&format!(" · {speed}/s · {} left", duration(eta)));
            }
            text
        }
    }
}

/// Attempts are counted by the engine's retry events; a job that never needed one made one,
/// unless it never started.
fn tries(row: &JobRow) -> String {
    let i = &row.info;
    let waiting = matches!(
        i.state,
        JobState::Queued | JobState::Paused | JobState::Cancelled | JobState::Conflict(_)
    );
    let mut text = match (i.refused, i.attempt) {
        (true, _) => "none: refused before any request, so retrying can't help".to_owned(),
        (false, 0) if waiting && i.done_bytes == 0 => "not started".to_owned(),
        (false, n) => n.max(1).to_string(),
    };
    if let (Some(reason), n) = (&i.retry_reason, i.attempt) {
        text.push_str(&format!("; try {} failed: {reason}", n.saturating_sub(1)));
    }
    text
}

/// A separator, then one labelled row per fact, values wrapped to `width`.
pub fn detail_lines(
    row: &JobRow,
    transfers: &Transfers,
    s: &Styles,
    width: usize,
    u: SizeUnits,
) -> Vec<Line<'static>> {
    let (from, to) = places(row, transfers);
    let (state, bad) = state_text(row);
    let title = "─ Details (i: close) ";
    let rule = "─".repeat(width.saturating_sub(format::width(title)));
    let mut lines = vec![Line::styled(format!("{title}{rule}"), s.dim)];
    for (label, value) in [
        ("From", from),
        ("To", to),
        ("Size", size(row, u)),
        ("State", state),
        ("Tries", tries(row)),
    ] {
        let style = if label == "State" && bad {
            s.error
        } else {
            s.popup
        };
        let rows = wrap(&value, width.saturating_sub(LABEL), 0).into_iter();
        let labels = std::iter::once(label).chain(std::iter::repeat(""));
        lines.extend(
            labels
                .zip(rows)
                .map(|(l, r)| Line::styled(format!("{l:<LABEL$}{r}"), style)),
        );
    }
    lines
}
