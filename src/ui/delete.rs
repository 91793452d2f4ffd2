//! The question before a local delete (`Modal::DeleteAsk`): the entries, what they hold in
//! all ("counting…" while the walk runs), and the two answers — the system trash (default) or
//! for good — or, where no trash can take them, why not and "for good" alone, drawn as danger.

use super::format;
use super::popup::centered;
use super::wrap::wrap;
use crate::app::{DeleteAsk, TrashCheck};
use crate::config::{SizeUnits, Styles};
use crate::fs::tally::{COUNT_LIMIT, Tally};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct DeleteView<'a> {
    pub ask: &'a DeleteAsk,
    pub styles: &'a Styles,
    /// The key that deletes for good, as the keymap has it.
    pub for_good: String,
    pub units: SizeUnits,
}

fn plural(n: u64, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{} {many}", format::count(n as usize)),
    }
}

/// "In all: 3,000 files in 41 folders, 2.0 GiB", or how far the count got.
pub fn held(tally: &Tally, counted: bool, u: SizeUnits) -> String {
    let mut text = format!(
        "{} in {}, {}",
        plural(tally.files, "file", "files"),
        plural(tally.folders, "folder", "folders"),
        format::size(tally.bytes, u)
    );
    if tally.folders == 0 {
        text = format!(
            "{}, {}",
            plural(tally.files, "file", "files"),
            format::size(tally.bytes, u)
        );
    }
    if tally.unreadable > 0 {
        text.push_str(&format!(
            "; {} could not be read",
            plural(tally.unreadable, "entry", "entries")
        ));
    }
    match (counted, tally.cut) {
        (false, _) => format!("Counting… {text} so far"),
        (true, true) => format!(
            "In all: at least {text} (counting stopped after {} entries)",
            format::count(COUNT_LIMIT as usize)
        ),
        (true, false) => format!("In all: {text}"),
    }
}

impl Widget for DeleteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, ask) = (self.styles, self.ask);
        let width = area.width.saturating_sub(8).min(84);
        let inner = usize::from(width.saturating_sub(4));
        let n = ask.items.len() as u64;
        let title = format!(
            "Delete {} from {}?",
            plural(n, "item", "items"),
            ask.at.display()
        );
        let danger = matches!(ask.trash, TrashCheck::Unavailable(_));
        let title_style = if danger { s.error } else { s.popup_title };
        let mut lines: Vec<Line> = wrap(&title, inner, 0)
            .into_iter()
            .map(|r| Line::styled(r, title_style))
            .collect();
        lines.push(Line::default());
        for item in ask.items.iter().take(6) {
            let name = format!("  {}{}", item.name, if item.is_dir { "/" } else { "" });
            lines.push(Line::styled(format::truncate(&name, inner), s.popup));
        }
        if ask.items.len() > 6 {
            let more = format!("  … and {} more", ask.items.len() - 6);
            lines.push(Line::styled(more, s.popup));
        }
        lines.push(Line::default());
        let count_style = if ask.counted { s.popup } else { s.dim };
        for row in wrap(&held(&ask.tally, ask.counted, self.units), inner, 2) {
            lines.push(Line::styled(row, count_style));
        }
        lines.push(Line::default());
        let key = &self.for_good;
        let answers = match &ask.trash {
            TrashCheck::Available => vec![
                (
                    "y / Enter: move to the system trash (restorable)".to_owned(),
                    s.popup,
                ),
                (
                    format!("{key}: delete for good (cannot be undone)"),
                    s.popup,
                ),
            ],
            TrashCheck::Checking => vec![
                ("Checking the system trash…".to_owned(), s.dim),
                (
                    format!("{key}: delete for good (cannot be undone)"),
                    s.popup,
                ),
            ],
            TrashCheck::Unavailable(why) => vec![
                (format!("No system trash can take them: {why}."), s.error),
                (
                    format!("{key}: delete for good (cannot be undone)"),
                    s.error,
                ),
            ],
        };
        for (text, style) in answers {
            lines.extend(
                wrap(&text, inner, 2)
                    .into_iter()
                    .map(|r| Line::styled(r, style)),
            );
        }
        lines.push(Line::styled("n / Esc: cancel", s.dim));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        let border = if danger { s.error } else { s.border_focused };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(border)
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_folder_holds_reads_as_a_sentence() {
        let t = Tally {
            files: 3000,
            folders: 41,
            bytes: 2 << 30,
            ..Tally::default()
        };
        assert_eq!(
            held(&t, true, SizeUnits::Binary),
            "In all: 3,000 files in 41 folders, 2.0 GiB"
        );
        assert!(held(&t, false, SizeUnits::Binary).starts_with("Counting… 3,000 files"));
        let one = Tally {
            files: 1,
            bytes: 5,
            ..Tally::default()
        };
        assert_eq!(held(&one, true, SizeUnits::Binary), "In all: 1 file, 5 B");
        let cut = Tally { cut: true, ..t };
        assert!(held(&cut, true, SizeUnits::Binary).contains("at least 3,000 files"));
    }
}
