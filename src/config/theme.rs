//! All styles the view uses, by name; widget code never names a colour. The built-in themes are
//! `default`, `high-contrast` and `16-colour`; with `NO_COLOR` set the theme falls back to
//! modifiers only (reverse, bold, underline), so every state stays visible.

use ratatui::style::{Color, Modifier, Style};

/// Declares [`Styles`] with one field per named style, its description, and the name table
/// that user themes and the reference are driven by.
macro_rules! styles {
    ($($name:ident: $desc:literal,)*) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Styles {
            $(#[doc = $desc] pub $name: Style,)*
        }

        impl Styles {
            /// Every style: its name in theme files and what it colours.
            pub const NAMES: &[(&str, &str)] = &[$((stringify!($name), $desc),)*];

            /// The style named `name` in a theme file.
            pub fn named_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }
        }

        /// A user theme file: any subset of the styles over the theme it inherits.
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct ThemeFile {
            pub inherits: Option<String>,
            $($name: Option<super::themes::StyleFile>,)*
        }

        impl ThemeFile {
            pub fn overlay(&self, mut base: Styles) -> Styles {
                $(if let Some(f) = &self.$name {
                    f.apply(&mut base.$name);
                })*
                base
            }
        }
    };
}

styles! {
    base: "Text that no other style covers",
    border: "Pane and popup borders",
    border_focused: "The focused pane's border",
    title: "Pane titles",
    title_focused: "The focused pane's title",
    column_header: "Column headers and section titles",
    dir: "Folder names",
    file: "File names",
    symlink: "Symbolic links",
    hidden: "Hidden (dot) files",
    cursor: "The cursor row in the focused pane",
    cursor_unfocused: "The cursor row in the other pane",
    marked: "Marked entries and the VISUAL badge",
    dim: "Secondary text: sizes, dates, hints",
    status: "The status line",
    error: "Error messages",
    info: "Information messages",
    hint_key: "Keys in the hint bar",
    hint_desc: "Descriptions in the hint bar",
    popup: "Popup text",
    popup_title: "Popup titles",
    filter: "The filter line",
}

/// The built-in themes, the first being the default.
pub const BUILTIN_THEMES: [&str; 3] = ["default", "high-contrast", "16-colour"];

impl Styles {
    /// The default theme for this environment: colourless when `no_color` (the `NO_COLOR`
    /// convention).
    pub fn new(no_color: bool) -> Self {
        if no_color {
            Self::monochrome()
        } else {
            Self::colored()
        }
    }

    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Self> {
        match name {
            "default" => Some(Self::colored()),
            "high-contrast" => Some(Self::high_contrast()),
            "16-colour" | "16-color" => Some(Self::sixteen()),
            _ => None,
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

    /// Bright colours and bold text on the terminal's own background.
    pub fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        let fg = |c: Color| Style::new().fg(c).add_modifier(bold);
        Self {
            base: Style::new(),
            border: Style::new().fg(Color::White),
            border_focused: fg(Color::LightYellow),
            title: Style::new().fg(Color::White),
            title_focused: fg(Color::LightYellow),
            column_header: fg(Color::White).add_modifier(Modifier::UNDERLINED),
            dir: fg(Color::LightCyan),
            file: Style::new(),
            symlink: fg(Color::LightMagenta),
            hidden: Style::new().fg(Color::Gray),
            cursor: fg(Color::Black).bg(Color::LightYellow),
            cursor_unfocused: fg(Color::Black).bg(Color::Gray),
            marked: fg(Color::LightGreen).add_modifier(Modifier::UNDERLINED),
            dim: Style::new().fg(Color::Gray),
            status: Style::new().add_modifier(bold),
            error: fg(Color::White).bg(Color::Red),
            info: fg(Color::LightGreen),
            hint_key: fg(Color::Black).bg(Color::LightYellow),
            hint_desc: Style::new(),
            popup: Style::new(),
            popup_title: fg(Color::LightYellow),
            filter: fg(Color::LightYellow),
        }
    }

    /// Only the eight normal ANSI colours (and white/black on a coloured background), no dark
    /// grey text: readable on light and dark palettes and over any SSH terminal.
    pub fn sixteen() -> Self {
        let bold = Modifier::BOLD;
        let dim = Style::new().add_modifier(Modifier::DIM);
        Self {
            base: Style::new(),
            border: Style::new(),
            border_focused: Style::new().fg(Color::Blue).add_modifier(bold),
            title: Style::new(),
            title_focused: Style::new().fg(Color::Blue).add_modifier(bold),
            column_header: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            dir: Style::new().fg(Color::Blue).add_modifier(bold),
            file: Style::new(),
            symlink: Style::new().fg(Color::Cyan),
            hidden: dim,
            cursor: Style::new().bg(Color::Blue).fg(Color::White),
            cursor_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            marked: Style::new().fg(Color::Magenta).add_modifier(bold),
            dim,
            status: Style::new(),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            info: Style::new().fg(Color::Green),
            hint_key: Style::new().add_modifier(Modifier::REVERSED),
            hint_desc: Style::new(),
            popup: Style::new(),
            popup_title: Style::new().fg(Color::Blue).add_modifier(bold),
            filter: Style::new().fg(Color::Magenta),
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

    /// Every style with its name, for checks over a whole theme.
    pub fn all(&self) -> Vec<(&'static str, Style)> {
        let mut copy = self.clone();
        Self::NAMES
            .iter()
            .filter_map(|(name, _)| Some((*name, *copy.named_mut(name)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colours() {
        let s = Styles::monochrome();
        for (name, st) in s.all() {
            assert_eq!((st.fg, st.bg), (None, None), "{name}");
        }
        assert_ne!(
            s.cursor, s.base,
            "cursor must remain visible without colour"
        );
    }

    #[test]
    fn sixteen_colour_uses_only_the_normal_ansi_colours_and_no_grey_text() {
        let s = Styles::sixteen();
        let normal = [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::White,
        ];
        for (name, st) in s.all() {
            for c in [st.fg, st.bg].into_iter().flatten() {
                assert!(normal.contains(&c), "{name}: {c:?}");
            }
            // White or black text only on a coloured background.
            if matches!(st.fg, Some(Color::White | Color::Black)) {
                assert!(st.bg.is_some(), "{name}");
            }
        }
    }

    #[test]
    fn every_builtin_theme_loads_and_keeps_the_cursor_visible() {
        for name in BUILTIN_THEMES {
            let s = Styles::builtin(name).unwrap();
            assert_ne!(s.cursor, s.base, "{name}");
            assert_ne!(s.cursor, s.cursor_unfocused, "{name}");
        }
        assert_eq!(Styles::NAMES.len(), Styles::colored().all().len());
    }
}
