//! The question before a transfer (`Modal::TransferAsk`): what goes where, every file that
//! will be refused with its reason (or "checking…" while the sources are walked), and the
//! batch's choices. The refused files scroll when they don't fit.

use super::format;
use super::popup::centered;
use super::wrap::wrap;
use crate::app::{AskCheck, TransferAsk};
use crate::config::{SizeUnits, Styles};
use crate::transfer::{CHECK_LIMIT, ConflictPolicy, TransferSpec, UploadCheck, full_width_fix};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

/// The batch's choices: conflict policy, name fixing, what a move deletes.
pub fn choice_lines(ask: &TransferAsk) -> Vec<String> {
    let mut lines = Vec::new();
    let (policy, fix) = match &ask.spec {
        TransferSpec::Upload {
            policy, fix_names, ..
        } => (policy, Some(*fix_names)),
        TransferSpec::Download { policy, .. } | TransferSpec::LocalCopy { policy, .. } => {
            (policy, None)
        }
        TransferSpec::SyncUpload(s) => (&s.policy, None),
        TransferSpec::SyncDownload(s) => (&s.policy, None),
        TransferSpec::ImageUpload { .. } => {
            lines.push(
                "An image whose name is taken in that folder fails; nothing is overwritten.".into(),
            );
            return lines;
        }
        TransferSpec::Offline { .. } => {
            lines.push(
                "A name taken in that folder keeps both; the drive names the new one.".into(),
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

pub struct AskView<'a> {
    pub ask: &'a TransferAsk,
    pub styles: &'a Styles,
    pub units: SizeUnits,
}

fn files(n: u64) -> String {
    match n {
        1 => "1 file".to_owned(),
        n => format!("{} files", format::count(n as usize)),
    }
}

impl AskView<'_> {
    /// What the walk found, and each refused file's rows (wrapped to `width`).
    fn check(&self, width: usize) -> (Option<(String, Style)>, Vec<Vec<Line<'static>>>) {
        let s = self.styles;
        let check = match &self.ask.check {
            AskCheck::None => return (None, vec![]),
            AskCheck::Running { .. } => {
                let text = "Checking the files for names and files the cloud refuses…";
                return (Some((text.to_owned(), s.dim)), vec![]);
            }
            AskCheck::Done(check) => check,
        };
        let fixing = matches!(
            self.ask.spec,
            TransferSpec::Upload {
                fix_names: false,
                ..
            }
        );
        let groups = check.refused.iter().map(|r| {
            let mut text = format!("{}: {}", r.path, r.reason);
            let name = r.path.rsplit('/').next().unwrap_or_default();
            if let (true, Some(fixed)) = (fixing, full_width_fix(name)) {
                text.push_str(&format!(" (f: send it as `{fixed}`)"));
            }
            let style = if r.skip { s.dim } else { s.error };
            wrap(&text, width.saturating_sub(2), 2)
                .into_iter()
                .map(|row| Line::styled(format!("  {row}"), style))
                .collect()
        });
        (Some(summary(check, s, self.units)), groups.collect())
    }
}

fn summary(check: &UploadCheck, s: &Styles, u: SizeUnits) -> (String, Style) {
    let refused = check.refused.iter().filter(|r| !r.skip).count();
    let skipped = check.refused.len() - refused;
    let sent = format!(
        "{} ({}) to send",
        files(check.files),
        format::size(check.bytes, u)
    );
    let text = match (refused, skipped) {
        (0, 0) if check.cut => format!("{sent}; none refused so far."),
        (0, 0) => format!("{sent}; the cloud takes them all."),
        (0, s) => format!("{sent}. Skipped ({s}):"),
        (r, 0) => format!("{sent}. Refused, not sent ({r}):"),
        (r, s) => format!("{sent}. Refused, not sent ({r}), and skipped ({s}):"),
    };
    let text = match check.cut {
        true => format!(
            "Checked the first {} entries (the rest is checked when the upload starts): {text}",
            format::count(CHECK_LIMIT)
        ),
        false => text,
    };
    (text, if refused > 0 { s.error } else { s.popup })
}

/// The first group to show from `scroll`, so that the last screenful stays full, and how
/// many groups fit in `room` rows from there.
fn window(groups: &[Vec<Line>], scroll: usize, room: usize) -> (usize, usize) {
    let mut tail = 0;
    let mut last_full = groups.len().saturating_sub(1);
    for (k, g) in groups.iter().enumerate().rev() {
        tail += g.len();
        if tail > room {
            break;
        }
        last_full = k;
    }
    let first = scroll.min(last_full);
    let mut used = 0;
    let fit = groups[first..]
        .iter()
        .take_while(|g| {
            used += g.len();
            used <= room
        })
        .count();
    (first, fit.max(1))
}

impl Widget for AskView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let width = area.width.saturating_sub(8).min(84);
        let inner = usize::from(width.saturating_sub(4));
        let plain = |rows: Vec<String>, style: Style| -> Vec<Line<'static>> {
            rows.into_iter().map(|r| Line::styled(r, style)).collect()
        };
        let mut top = plain(wrap(&self.ask.title, inner, 0), s.popup_title);
        top.push(Line::default());
        for l in &self.ask.lines {
            top.push(Line::styled(format::truncate(l, inner), s.popup));
        }
        top.push(Line::default());
        let (summary, groups) = self.check(inner);
        let mut bottom = Vec::new();
        if let Some((text, style)) = summary {
            top.extend(plain(wrap(&text, inner, 0), style));
            bottom.push(Line::default());
        }
        for l in choice_lines(self.ask) {
            bottom.extend(plain(wrap(&l, inner, 2), s.popup));
        }
        bottom.push(Line::default());
        let room = usize::from(area.height.saturating_sub(2))
            .saturating_sub(top.len() + bottom.len() + 1)
            .max(2);
        let (first, fit) = window(&groups, self.ask.scroll, room);
        let keys = match fit < groups.len() {
            true => format!(
                "y / Enter: do it   n / Esc: cancel   j/k: scroll ({}-{} of {})",
                first + 1,
                first + fit,
                groups.len()
            ),
            false => "y / Enter: do it   n / Esc: cancel".to_owned(),
        };
        bottom.push(Line::styled(keys, s.dim));
        let mut lines = top;
        lines.extend(
            groups[first..]
                .iter()
                .take(fit)
                .flatten()
                .take(room)
                .cloned(),
        );
        lines.extend(bottom);
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}
