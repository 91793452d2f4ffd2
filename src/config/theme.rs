//! All styles the view uses; widget code never names a colour. With `NO_COLOR` set the theme
//! falls back to modifiers only (reverse, bold, underline), so every state stays visible.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Styles {
    pub base: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub column_header: Style,
    pub dir: Style,
    pub file: Style,
    pub symlink: Style,
    pub hidden: Style,
    pub cursor: Style,
    pub cursor_unfocused: Style,
    pub marked: Style,
    pub dim: Style,
    pub status: Style,
    pub error: Style,
    pub info: Style,
    pub hint_key: Style,
    pub hint_desc: Style,
    pub popup: Style,
    pub popup_title: Style,
    pub filter: Style,
}

impl Styles {
    /// The theme for this environment: colourless when `no_color` (the `NO_COLOR` convention).
    pub fn new(no_color: bool) -> Self {
        if no_color {
            Self::monochrome()
        } else {
            Self::colored()
        }
    }

    pub fn colored() -> Self {
        let bold = Modifier::BOLD;
        Self {
            base: Style::new(),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::Gray),
            title_focused: Style::new().fg(Color::Cyan).add_modifier(bold),
            column_header: Style::new().fg(Color::Yellow),
            dir: Style::new().fg(Color::LightBlue).add_modifier(bold),
            file: Style::new(),
            symlink: Style::new().fg(Color::Cyan),
            hidden: Style::new().fg(Color::DarkGray),
            cursor: Style::new().bg(Color::Cyan).fg(Color::Black),
            cursor_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
            marked: Style::new().fg(Color::Yellow).add_modifier(bold),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new(),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            info: Style::new().fg(Color::Green),
            hint_key: Style::new().fg(Color::Black).bg(Color::Cyan),
            hint_desc: Style::new(),
            popup: Style::new(),
            popup_title: Style::new().fg(Color::Cyan).add_modifier(bold),
            filter: Style::new().fg(Color::Yellow),
        }
    }

    pub fn monochrome() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            base: plain,
            border: plain,
            border_focused: bold,
            title: plain,
            title_focused: bold,
            column_header: Style::new().add_modifier(Modifier::UNDERLINED),
            dir: bold,
            file: plain,
            symlink: Style::new().add_modifier(Modifier::ITALIC),
            hidden: Style::new().add_modifier(Modifier::DIM),
            cursor: reversed,
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            marked: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: Style::new().add_modifier(Modifier::DIM),
            status: plain,
            error: bold,
            info: plain,
            hint_key: reversed,
            hint_desc: plain,
            popup: plain,
            popup_title: bold,
            filter: bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colours() {
        let s = Styles::monochrome();
        for st in [
            s.cursor,
            s.dir,
            s.error,
            s.marked,
            s.hint_key,
            s.border_focused,
        ] {
            assert_eq!(st.fg, None);
            assert_eq!(st.bg, None);
        }
        assert_ne!(
            s.cursor, s.base,
            "cursor must remain visible without colour"
        );
    }
}
