//! The share dialog (`Modal::Share`): what is shared (or which shares change), one row per
//! field with the focused one highlighted, the reason a value was refused, and the keys.

use super::format;
use super::popup::centered;
use crate::app::{ShareField, ShareForm, ShareFormMode};
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct ShareView<'a> {
    pub form: &'a ShareForm,
    pub styles: &'a Styles,
}

const LABEL_W: usize = 15;
/// Rows above the fields: what is shared, and a blank line.
const HEAD: u16 = 2;

impl ShareView<'_> {
    fn area(&self, area: Rect) -> Rect {
        let rows = u16::try_from(self.form.fields().len()).unwrap_or(6);
        centered(area, area.width.saturating_sub(6).min(76), rows + HEAD + 4)
    }

    /// Where the terminal cursor sits: in the focused text field.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let f = self.form;
        let input = f.input(f.focused()).filter(|_| !f.busy)?;
        let rect = self.area(area);
        let width = usize::from(rect.width.saturating_sub(4)).saturating_sub(LABEL_W);
        let x = input
            .visual_cursor()
            .saturating_sub(input.visual_scroll(width));
        let x = rect.x + 2 + LABEL_W as u16 + u16::try_from(x).unwrap_or(0);
        let y = rect.y + 1 + HEAD + u16::try_from(f.focus).unwrap_or(0);
        Some(Position::new(x, y))
    }

    fn heading(&self, inner: usize) -> (String, String) {
        match &self.form.mode {
            ShareFormMode::Create { items, from } => {
                let names: Vec<&str> = items.iter().map(|(_, n)| n.as_str()).collect();
                let what = match names.as_slice() {
                    [one] => (*one).to_owned(),
                    many => format!("{} entries: {}", many.len(), many.join(", ")),
                };
                (
                    format!(" Share from {from} "),
                    format::truncate(&what, inner),
                )
            }
            ShareFormMode::Edit { shares, .. } => {
                let n = shares.len();
                let what = match n {
                    1 => "Guest access and traffic limit of 1 share".to_owned(),
                    n => format!("Guest access and traffic limit of {n} shares"),
                };
                (" Share settings ".to_owned(), what)
            }
        }
    }
}

impl Widget for ShareView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (f, s) = (self.form, self.styles);
        let rect = self.area(area);
        Clear.render(rect, buf);
        let inner = usize::from(rect.width.saturating_sub(4));
        let value_w = inner.saturating_sub(LABEL_W);
        let (title, what) = self.heading(inner);
        let mut lines = vec![Line::styled(what, s.popup), Line::default()];
        for (i, field) in f.fields().iter().enumerate() {
            let focused = i == f.focus;
            let style = if focused { s.filter } else { s.popup };
            let value = match f.input(*field) {
                Some(input) => {
                    let scroll = input.visual_scroll(value_w);
                    input.value().chars().skip(scroll).collect()
                }
                None if focused => format!("‹ {} ›", f.choice(*field)),
                None => f.choice(*field),
            };
            let mut row = vec![
                Span::styled(format!("{:LABEL_W$}", field.label()), s.column_header),
                Span::styled(format::truncate(&value, value_w), style),
            ];
            if *field == ShareField::Code && f.code.value().is_empty() {
                row.push(Span::styled("(none)", s.dim));
            }
            lines.push(Line::from(row));
        }
        lines.push(Line::default());
        let (note, style) = match (&f.error, f.busy) {
            (Some(e), _) => (e.clone(), s.error),
            (None, true) => ("Asking the cloud…".to_owned(), s.info),
            (None, false) => (hint(f), s.dim),
        };
        lines.push(Line::styled(format::truncate(&note, inner), style));
        let keys = match f.mode {
            ShareFormMode::Create { .. } => {
                " Enter share · Tab field · Space/←→ change · C-g new code · Esc cancel "
            }
            ShareFormMode::Edit { .. } => " Enter apply · Tab field · Space/←→ change · Esc back ",
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(format::truncate(&title, inner), s.popup_title))
            .title_bottom(Line::styled(format::truncate(keys, inner + 2), s.dim))
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}

/// What the focused row takes.
fn hint(f: &ShareForm) -> String {
    match f.focused() {
        ShareField::Name => "Fewer than 35 characters, none of \"\\/:*?|><".to_owned(),
        ShareField::Expiry => "1, 7 or 30 days, or permanent".to_owned(),
        ShareField::Code => "Letters and digits the visitor types; empty for none".to_owned(),
        ShareField::Guests | ShareField::OverQuota => {
            "Downloads by them use your traffic".to_owned()
        }
        ShareField::Limit => {
            "The most traffic those downloads may use: 10G, 500M… or off".to_owned()
        }
    }
}
