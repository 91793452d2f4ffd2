//! The sync question (`Modal::SyncAsk`): what the plan creates, sends and leaves, with counts
//! and bytes, and the deletions — in the error style, listed, only while their toggle is on;
//! while off, one dim line says how many there would be and which key turns them on.

use super::format;
use super::popup::centered;
use crate::app::SyncAsk;
use crate::config::{SizeUnits, Styles};
use crate::sync::{Action, Count};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

/// Deleted paths listed before "… and N more".
const LISTED: usize = 6;

pub struct SyncAskView<'a> {
    pub ask: &'a SyncAsk,
    pub styles: &'a Styles,
    /// The key that turns deletions on and off, as the keymap has it.
    pub toggle: String,
    pub units: SizeUnits,
}

fn count(label: &str, c: Count, u: SizeUnits) -> String {
    let files = if c.count == 1 { "file" } else { "files" };
    format!(
        "{label:<11}{:>7} {files}, {}",
        c.count,
        format::size(c.bytes, u)
    )
}

impl SyncAskView<'_> {
    fn lines(&self, inner: usize) -> Vec<Line<'static>> {
        let (s, ask) = (self.styles, self.ask);
        let plan = ask.plan();
        let c = &plan.counts;
        let text = |t: String| Line::from(Span::styled(format::truncate(&t, inner), s.popup));
        let mut lines = vec![
            text(format!("From {}", ask.from)),
            text(format!("to   {}", ask.to)),
            Line::default(),
            text(count("New", c.new, self.units)),
            text(count("Changed", c.changed, self.units)),
            text(count("Unchanged", c.unchanged, self.units)),
        ];
        if c.mkdir > 0 {
            lines.push(text(format!("{:<11}{:>7}", "New folders", c.mkdir)));
        }
        if c.skipped > 0 {
            lines.push(text(format!(
                "{:<11}{:>7} (names or kinds that clash)",
                "Skipped", c.skipped
            )));
        }
        if !ask.job.rejected.is_empty() {
            lines.push(text(format!(
                "{} cloud files rejected by review: left alone here and there",
                ask.job.rejected.len()
            )));
        }
        if ask.unreadable > 0 {
            lines.push(text(format!(
                "{} local files could not be read: sent as changed",
                ask.unreadable
            )));
        }
        let red = |t: String| Line::from(Span::styled(format::truncate(&t, inner), s.error));
        if ask.deletions {
            lines.push(red(count("Delete", c.deleted, self.units)));
            let gone: Vec<&Action> = plan
                .actions
                .iter()
                .filter(|a| matches!(a, Action::Delete { .. }))
                .collect();
            for a in gone.iter().take(LISTED) {
                lines.push(red(format!("  − {}", a.path())));
            }
            if gone.len() > LISTED {
                lines.push(red(format!("  … and {} more", gone.len() - LISTED)));
            }
        } else {
            let would = ask.delete.counts.deleted;
            let t = match would.count {
                0 => format!("{}: deletions on (none to do)", self.toggle),
                n => format!(
                    "{}: also delete {n} entries ({}) only the destination has",
                    self.toggle,
                    format::size(would.bytes, self.units)
                ),
            };
            lines.push(Line::from(Span::styled(format::truncate(&t, inner), s.dim)));
        }
        lines
    }
}

impl Widget for SyncAskView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let width = area.width.saturating_sub(8).min(84);
        let inner = usize::from(width.saturating_sub(4));
        let mut lines = self.lines(inner);
        lines.push(Line::default());
        let keys = match (self.ask.deletions, self.ask.plan().is_noop()) {
            (_, true) => "Nothing to do.   Esc: close".to_owned(),
            (true, false) => format!(
                "y: sync and delete   {}: deletions off   Esc: cancel",
                self.toggle
            ),
            (false, false) => format!(
                "y / Enter: sync   {}: deletions on   Esc: cancel",
                self.toggle
            ),
        };
        lines.push(Line::from(Span::styled(keys, s.dim)));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        let border = if self.ask.deletions {
            s.error
        } else {
            s.border_focused
        };
        let title = Span::styled(" Sync this folder to the other pane? ", s.popup_title);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(border)
            .title(title)
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(rect, buf);
    }
}
