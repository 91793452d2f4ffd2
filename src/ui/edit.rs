//! An edit's question (`Modal::EditAsk`): downloading a big file first, or what to do with an
//! edited copy whose cloud file changed meanwhile — overwrite it, keep both, or keep the copy
//! here (its path shown whole, wrapped, so it can be found afterwards).

use super::popup::centered;
use super::wrap::wrap;
use crate::app::EditAsk;
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct EditAskView<'a> {
    pub ask: &'a EditAsk,
    pub styles: &'a Styles,
    /// The keys that overwrite and keep both, as the keymap has them.
    pub keys: (String, String),
}

impl Widget for EditAskView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, ask) = (self.styles, self.ask);
        let width = area.width.saturating_sub(8).min(90);
        let inner = usize::from(width.saturating_sub(4));
        let title_style = if ask.drift { s.error } else { s.popup_title };
        let mut lines: Vec<Line> = wrap(&ask.title, inner, 0)
            .into_iter()
            .map(|r| Line::styled(r, title_style))
            .collect();
        lines.push(Line::default());
        for line in &ask.lines {
            lines.extend(
                wrap(line, inner, 2)
                    .into_iter()
                    .map(|r| Line::styled(r, s.popup)),
            );
        }
        lines.push(Line::default());
        let (overwrite, both) = &self.keys;
        let answers = match ask.drift {
            true => vec![
                format!("{overwrite}: upload it over the cloud file"),
                format!("{both}: keep both (upload it beside, under a new name)"),
                "n / Esc: keep the edited copy here only".to_owned(),
            ],
            false => vec![
                "y / Enter: download it and edit".to_owned(),
                "n / Esc: cancel".to_owned(),
            ],
        };
        for answer in answers {
            lines.extend(
                wrap(&answer, inner, 2)
                    .into_iter()
                    .map(|r| Line::styled(r, s.dim)),
            );
        }
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let rect = centered(area, width, height);
        Clear.render(rect, buf);
        let border = if ask.drift { s.error } else { s.border_focused };
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
    fn the_drift_question_shows_a_long_copy_path_whole_and_its_keys() {
        let copy = "/tmp/panfm-edit-AbC123/一个很长很长的文件名，要换行才能放得下 notes.md";
        let ask = EditAsk {
            id: 1,
            drift: true,
            title: "notes.md changed on the drive since you opened it".into(),
            lines: vec![
                "cloud:/文档/notes.md".into(),
                "It was deleted or replaced (the drive no longer knows its id)".into(),
                format!("Your edited copy: {copy}"),
            ],
        };
        let styles = Styles::colored();
        let view = EditAskView {
            ask: &ask,
            styles: &styles,
            keys: ("o".into(), "b".into()),
        };
        let area = Rect::new(0, 0, 80, 24);
        let mut buf = Buffer::empty(area);
        view.render(area, &mut buf);
        let text: String = (0..24)
            .map(|y| {
                let row: String = (0..80).map(|x| buf[(x, y)].symbol().to_owned()).collect();
                row.trim_matches(|c| c == ' ' || c == '│').trim().to_owned()
            })
            .collect::<Vec<_>>()
            .join("");
        let squeezed: String = text.chars().filter(|c| *c != ' ').collect();
        let want: String = copy.chars().filter(|c| *c != ' ').collect();
        assert!(squeezed.contains(&want), "{text}");
        assert!(text.contains("o: upload it over the cloud file"), "{text}");
        assert!(text.contains("b: keep both"), "{text}");
        assert!(
            text.contains("n / Esc: keep the edited copy here only"),
            "{text}"
        );
    }
}
