//! The shares panel (`Modal::Shares`, over the panes like the queue): one row per share —
//! mark, name (paid ones with their price), link, code, expiry (expired ones in the error
//! style), views/downloads/saves — and the direct-link log (`Modal::DirectLinkLog`), drawn
//! across the whole width so a row can be selected by hand.

use super::format;
use super::links::wrap_hard;
use crate::api::ShareInfo;
use crate::app::SharesView;
use crate::config::Styles;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

pub struct SharesPanel<'a> {
    pub view: &'a SharesView,
    pub styles: &'a Styles,
    pub utc_offset: i32,
    pub units: crate::config::SizeUnits,
}

const LINK_W: usize = 35;
const CODE_W: usize = 6;
const EXPIRY_W: usize = 11;
/// The counts column and its header, narrow below 100 columns.
fn counts_column(width: usize) -> (usize, &'static str) {
    match width < 98 {
        true => (10, "V/D/S"),
        false => (15, "VIEWS/DL/SAVES"),
    }
}

fn cell(text: &str, width: usize) -> String {
    let cut = format::truncate(text, width.saturating_sub(1));
    let pad = width.saturating_sub(format::width(&cut));
    format!("{cut}{:pad$}", "")
}

impl SharesPanel<'_> {
    fn expiry(&self, s: &ShareInfo) -> String {
        match (s.expired, s.expires_at) {
            (true, _) => "expired".to_owned(),
            (false, None) => "permanent".to_owned(),
            (false, Some(t)) => format::time(t.timestamp(), self.utc_offset, "%Y-%m-%d"),
        }
    }

    fn row(&self, s: &ShareInfo, widths: (usize, usize), selected: bool) -> Line<'static> {
        let (name_w, counts_w) = widths;
        let st = self.styles;
        let mark = if self.view.marked.contains(&s.id) {
            "* "
        } else {
            "  "
        };
        let name = match s.price {
            Some(price) => format!("¥{price} {}", s.name),
            None => s.name.clone(),
        };
        let code = if s.code.is_empty() { "-" } else { &s.code };
        let counts = format!("{}/{}/{}", s.previews, s.downloads, s.saves);
        let base = match (selected, self.view.marked.contains(&s.id)) {
            (true, _) => st.cursor,
            (false, true) => st.marked,
            (false, false) => st.popup,
        };
        let expiry_style: Style = match (selected, s.expired) {
            (false, true) => st.error,
            _ => base,
        };
        Line::from(vec![
            Span::styled(format!("{mark}{}", cell(&name, name_w)), base),
            Span::styled(cell(&s.link(), LINK_W), base),
            Span::styled(cell(code, CODE_W), base),
            Span::styled(cell(&self.expiry(s), EXPIRY_W), expiry_style),
            Span::styled(cell(&counts, counts_w), base),
            Span::styled(flags(s, self.units), st.dim),
        ])
    }
}

/// Guest access and the traffic limit, shown where the row has room.
fn flags(s: &ShareInfo, u: crate::config::SizeUnits) -> String {
    let mut out = Vec::new();
    if s.access.guests {
        out.push("guests".to_owned());
    }
    if s.access.over_quota {
        out.push("over-quota".to_owned());
    }
    if let Some(limit) = s.traffic_limit {
        out.push(format!("≤ {}", format::size(limit, u)));
    }
    out.join(", ")
}

impl Widget for SharesPanel<'_> {
    /// `area`: the panes' rows; the status line and the key hints below stay visible.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (v, s) = (self.view, self.styles);
        let wanted = u16::try_from(v.rows.len() + 4).unwrap_or(u16::MAX);
        let h = wanted
            .clamp(8, (area.height * 4 / 5).max(8))
            .min(area.height);
        let rect = Rect::new(area.x, area.bottom() - h, area.width, h);
        Clear.render(rect, buf);
        let width = usize::from(rect.width.saturating_sub(2));
        let (counts_w, counts_title) = counts_column(width);
        // Wide screens keep room after the counts for the switches.
        let flags_w = if width >= 110 { 30 } else { 0 };
        let name_w = width
            .saturating_sub(2 + LINK_W + CODE_W + EXPIRY_W + counts_w + flags_w)
            .max(8);
        let header = format!(
            "  {}{}{}{}{}",
            cell("NAME", name_w),
            cell("LINK", LINK_W),
            cell("CODE", CODE_W),
            cell("EXPIRES", EXPIRY_W),
            cell(counts_title, counts_w)
        ) + if flags_w > 0 { "ACCESS" } else { "" };
        let mut lines = vec![Line::styled(
            format::truncate(&header, width),
            s.column_header,
        )];
        let visible = usize::from(rect.height.saturating_sub(3)).max(1);
        let note = match (&v.error, v.loading, v.rows.is_empty()) {
            (Some(e), _, _) => Some(Line::styled(format::truncate(e, width), s.error)),
            (None, Some(_), true) => Some(Line::styled("Reading the share lists…", s.info)),
            (None, None, true) => Some(Line::styled(
                "No shares yet: p on cloud entries shares them.",
                s.dim,
            )),
            _ => None,
        };
        let offset = v.cursor.saturating_sub(visible.saturating_sub(1));
        lines.extend(
            v.rows
                .iter()
                .enumerate()
                .skip(offset)
                .take(visible - usize::from(note.is_some()))
                .map(|(i, row)| self.row(row, (name_w, counts_w), i == v.cursor)),
        );
        lines.extend(note);
        let mut title = format!(" Shares ({}) ", v.rows.len());
        if !v.marked.is_empty() {
            title.push_str(&format!("· {} marked ", v.marked.len()));
        }
        if v.loading.is_some() && !v.rows.is_empty() {
            title.push_str("· reloading… ");
        }
        let keys = " y copy link · e guest access, limit · Space mark · r reload · Esc close ";
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(s.border_focused)
            .title(Span::styled(title, s.popup_title))
            .title_bottom(Line::styled(format::truncate(keys, width), s.dim));
        Paragraph::new(lines).block(block).render(rect, buf);
    }
}

pub struct DirectLinkLogView<'a> {
    pub lines: &'a [String],
    pub scroll: usize,
    pub styles: &'a Styles,
}

impl Widget for DirectLinkLogView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.styles;
        let width = usize::from(area.width);
        let mut rows: Vec<Line> = self
            .lines
            .iter()
            .skip(self.scroll)
            .flat_map(|l| wrap_hard(l, width))
            .map(|r| Line::styled(r, s.popup))
            .collect();
        rows.truncate(usize::from(area.height.saturating_sub(4)));
        let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
        let rect = Rect::new(
            area.x,
            area.y + area.height.saturating_sub(height) / 2,
            area.width,
            height.min(area.height),
        );
        Clear.render(rect, buf);
        let n = self.lines.len();
        let title =
            format!(" Direct-link log: {n} served in the last three days (traffic, file, link) ");
        let block = Block::default()
            .borders(Borders::TOP | Borders::BOTTOM)
            .border_type(BorderType::Plain)
            .border_style(s.border_focused)
            .title(Span::styled(format::truncate(&title, width), s.popup_title))
            .title_bottom(Line::styled(" Esc: close  j/k: scroll ", s.dim));
        Paragraph::new(rows).block(block).render(rect, buf);
    }
}
