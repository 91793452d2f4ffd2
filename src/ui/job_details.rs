//! The selected job's details in the queue panel: where from and where to (whole paths where
//! the batch's cloud folder is known), size and what arrived, the full state or reason
//! wrapped, and the attempts, as the app words them (`JobRow::places` and its neighbours).

use super::format;
use super::wrap::wrap;
use crate::app::{JobRow, Transfers};
use crate::config::{SizeUnits, Styles};
use ratatui::text::Line;

const LABEL: usize = 7;

/// A separator, then one labelled row per fact, values wrapped to `width`.
pub fn detail_lines(
    row: &JobRow,
    transfers: &Transfers,
    s: &Styles,
    width: usize,
    u: SizeUnits,
) -> Vec<Line<'static>> {
    let (from, to) = row.places(transfers);
    let (state, bad) = row.state_text();
    let title = "─ Details (i: close) ";
    let rule = "─".repeat(width.saturating_sub(format::width(title)));
    let mut lines = vec![Line::styled(format!("{title}{rule}"), s.dim)];
    for (label, value) in [
        ("From", from),
        ("To", to),
        ("Size", row.size_text(u)),
        ("State", state),
        ("Tries", row.tries()),
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
