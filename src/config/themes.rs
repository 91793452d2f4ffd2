//! Themes by name: the built-in ones and user themes, `themes/NAME.toml` in the config
//! directory, which set any subset of the named styles (fg, bg, modifiers) over the theme they
//! `inherit` (`default` unless said). `NO_COLOR` wins over any of them.

use super::load::toml_error;
use super::theme::{BUILTIN_THEMES, Styles, ThemeFile};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub const THEMES_DIR: &str = "themes";

/// One style in a theme file; what it leaves out keeps the inherited value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StyleFile {
    fg: Option<ColorName>,
    bg: Option<ColorName>,
    /// Replaces the inherited modifiers (`[]` clears them).
    modifiers: Option<Vec<ModifierName>>,
}

#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
struct ColorName(Color);

impl TryFrom<String> for ColorName {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        if matches!(name.as_str(), "default" | "reset") {
            return Ok(Self(Color::Reset));
        }
        Color::from_str(&name).map(Self).map_err(|_| {
            format!(
                "unknown colour {name:?}: use a name (black, red, green, yellow, blue, magenta, \
                 cyan, gray, dark-gray, light-red, …, white, default), #rrggbb or 0-255"
            )
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ModifierName {
    Bold,
    Dim,
    Italic,
    Underlined,
    Reversed,
    CrossedOut,
    SlowBlink,
}

impl ModifierName {
    fn modifier(&self) -> Modifier {
        match self {
            ModifierName::Bold => Modifier::BOLD,
            ModifierName::Dim => Modifier::DIM,
            ModifierName::Italic => Modifier::ITALIC,
            ModifierName::Underlined => Modifier::UNDERLINED,
            ModifierName::Reversed => Modifier::REVERSED,
            ModifierName::CrossedOut => Modifier::CROSSED_OUT,
            ModifierName::SlowBlink => Modifier::SLOW_BLINK,
        }
    }
}

impl StyleFile {
    pub(super) fn apply(&self, style: &mut Style) {
        if let Some(ColorName(c)) = self.fg {
            style.fg = Some(c);
        }
        if let Some(ColorName(c)) = self.bg {
            style.bg = Some(c);
        }
        if let Some(mods) = &self.modifiers {
            style.add_modifier = mods.iter().fold(Modifier::empty(), |m, n| m | n.modifier());
            style.sub_modifier = Modifier::empty();
        }
    }
}

/// The themes of one config directory.
#[derive(Debug, Clone)]
pub struct Themes {
    dir: PathBuf,
}

/// A theme `panfm theme ls` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeEntry {
    pub name: String,
    pub builtin: bool,
}

impl Themes {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            dir: config_dir.join(THEMES_DIR),
        }
    }

    /// The built-in themes, then the user's (a user theme by a built-in's name replaces it).
    pub fn list(&self) -> Vec<ThemeEntry> {
        let mut user: Vec<String> = std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                name.strip_suffix(".toml").map(str::to_owned)
            })
            .collect();
        user.sort();
        let builtin = BUILTIN_THEMES
            .iter()
            .filter(|b| !user.iter().any(|u| u == *b))
            .map(|name| ThemeEntry {
                name: (*name).to_owned(),
                builtin: true,
            })
            .collect::<Vec<_>>();
        let user = user.into_iter().map(|name| ThemeEntry {
            name,
            builtin: false,
        });
        builtin.into_iter().chain(user).collect()
    }

    /// The styles of theme `name`; monochrome when `no_color`, once the theme is known to load.
    pub fn load(&self, name: &str, no_color: bool) -> Result<Styles, String> {
        let styles = self.resolve(name, 0)?;
        Ok(if no_color {
            Styles::monochrome()
        } else {
            styles
        })
    }

    fn resolve(&self, name: &str, depth: usize) -> Result<Styles, String> {
        if depth > 8 {
            return Err(format!("theme {name:?}: `inherits` goes round in a circle"));
        }
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            return Err(format!(
                "bad theme name {name:?}: a built-in theme or a file name in themes/ without .toml"
            ));
        }
        let file = self.dir.join(format!("{name}.toml"));
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Styles::builtin(name).ok_or_else(|| self.unknown(name));
            }
            Err(e) => return Err(format!("cannot read {}: {e}", file.display())),
        };
        let origin = crate::fs::local::display_name(file.as_os_str());
        let file: ThemeFile = toml::from_str(&text)
            .map_err(|e| toml_error(&text, &origin, &e, "`panfm theme ls --styles` lists them"))?;
        let base = match file.inherits.as_deref() {
            // A user theme may build on the built-in theme of its own name.
            Some(parent) if parent == name => {
                Styles::builtin(parent).ok_or_else(|| self.unknown(parent))?
            }
            Some(parent) => self.resolve(parent, depth + 1)?,
            None => Styles::colored(),
        };
        Ok(file.overlay(base))
    }

    fn unknown(&self, name: &str) -> String {
        let names: Vec<String> = self.list().into_iter().map(|t| t.name).collect();
        format!("unknown theme {name:?}: one of {}", names.join(", "))
    }
}
