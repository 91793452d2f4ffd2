//! The batch-rename dialog: the pattern form (fields and switches) over a preview table of
//! old → new, problems in the error style, and a summary line saying whether Enter will work.

use super::format;
use super::input_line;
use super::popup::centered;
use crate::app::{RENAME_FIELDS, RenameState};
use crate::config::Styles;
use crate::plan::{CaseChange, Scope};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct RenameView<'a> {
    pub state: &'a RenameState,
    pub styles: &'a Styles,
}

const LABEL_W: usize = 8;

impl RenameView<'_> {
    pub fn area(area: Rect) -> Rect {
        centered(
            area,
            area.width.saturating_sub(4).min(110),
            area.height.saturating_sub(2),
        )
    }

    /// Cells for a field's text: the popup less its frame, padding and the label.
    fn field_width(rect: Rect) -> usize {
        usize::from(rect.width.saturating_sub(4)).saturating_sub(LABEL_W)
    }

    fn form_rows(&self) -> usize {
        if self.state.edited.is_some() {
            1
        } else {
            RENAME_FIELDS.len() + 1
        }
    }

    /// Where the terminal cursor sits (in the focused field).
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        if self.state.edited.is_some() {
            return None;
        }
        let rect = Self::area(area);
        let f = &self.state.fields[self.state.focus];
        let x = rect.x + 2 + LABEL_W as u16 + input_line::shown(f, Self::field_width(rect)).cursor;
        Some(Position::new(x, rect.y + 1 + self.state.focus as u16))
    }

    fn switches(&self) -> Line<'static> {
        let s = self.styles;
        let st = self.state;
        let case = match st.case {
            CaseChange::Keep => "keep",
            CaseChange::Lower => "lower",
            CaseChange::Upper => "UPPER",
            CaseChange::Title => "Title",
        };
        let scope = match st.scope {
            Scope::Stem => "name without extension",
            Scope::Whole => "whole name",
            Scope::Extension => "extension",
        };
        let on = |b: bool| if b { "on" } else { "off" };
        Line::from(vec![
            Span::styled(format!("{:LABEL_W$}", "Options"), s.column_header),
            Span::styled(
                format!(
                    "regex {}  ignore case {}  case {case}  scope {scope}  number duplicates {}   ({{n}} = counter)",
                    on(st.regex),
                    on(st.ignore_case),
                    on(st.fix_duplicates)
                ),
                s.dim,
            ),
        ])
    }
}

impl Widget for RenameView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (st, s) = (self.state, self.styles);
        let rect = Self::area(area);
        Clear.render(rect, buf);
        let inner_w = usize::from(rect.width.saturating_sub(4));
        let mut lines: Vec<Line> = vec![];
        if st.edited.is_some() {
            lines.push(Line::from(Span::styled(
                "New names from your editor:",
                s.dim,
            )));
        } else {
            for (i, label) in RENAME_FIELDS.iter().enumerate() {
                let style = if i == st.focus { s.filter } else { s.popup };
                let value = input_line::shown(&st.fields[i], Self::field_width(rect)).text;
                lines.push(Line::from(vec![
                    Span::styled(format!("{label:LABEL_W$}"), s.column_header),
                    Span::styled(value, style),
                ]));
            }
            lines.push(self.switches());
        }
        let p = &st.preview;
        let summary = match &p.error {
            Some(e) => Line::from(Span::styled(format!("Pattern: {e}"), s.error)),
            None if p.problems > 0 => Line::from(Span::styled(
                format!(
                    "{} to rename, {} with problems: fix them (C-n numbers duplicates)",
                    p.changes, p.problems
                ),
                s.error,
            )),
            None if p.changes == 0 => Line::from(Span::styled("Nothing would change yet", s.dim)),
            None => Line::from(Span::styled(
                format!(
                    "{} of {} entries will be renamed: Enter to go ahead",
                    p.changes,
                    p.rows.len()
                ),
                s.info,
            )),
        };
        lines.push(summary);
        let half = inner_w.saturating_sub(3) / 2;
        let visible =
            usize::from(rect.height.saturating_sub(2)).saturating_sub(self.form_rows() + 1);
        for row in p.rows.iter().skip(st.scroll).take(visible) {
            let (style, note): (Style, String) = match (&row.problem, row.unchanged) {
                (Some(why), _) => (s.error, format!("  ← {why}")),
                (None, true) => (s.dim, "  (unchanged)".into()),
                (None, false) => (s.popup, String::new()),
            };
            let old = format::truncate(&row.old, half);
            let pad = half.saturating_sub(format::width(&old));
            let new = format::truncate(&format!("{}{note}", row.new), half);
            lines.push(Line::from(vec![
                Span::styled(format!("{old}{:pad$}", ""), s.dim),
                Span::styled(" → ", s.dim),
                Span::styled(new, style),
            ]));
        }
        let title = format!(" Rename {} entries in {} ", st.items.len(), st.at.display());
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(
                format::truncate(&title, inner_w),
                s.popup_title,
            ))
            .padding(ratatui::widgets::Padding::horizontal(1));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}
