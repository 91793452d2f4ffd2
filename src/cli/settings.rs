//! `panfm config` and `panfm theme`: the settings file and the themes.

use clap::{Args, Subcommand};

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum ConfigCmd {
    /// Print the path of config.toml (it need not exist: a missing file means the defaults).
    Path,
    /// Print the effective settings, defaults filled in, each with where it came from
    /// (default, file, env).
    Show,
    /// Open config.toml in the editor (the `editor` setting, $EDITOR, $VISUAL, vi) and check it
    /// after each save; on a mistake, open it again or keep it as saved.
    Edit,
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum ThemeCmd {
    /// List the built-in and user themes (themes/NAME.toml in the config directory); `*` marks
    /// the active one.
    Ls(ThemeLsArgs),
}

#[derive(Debug, Clone, Copy, Args)]
pub struct ThemeLsArgs {
    /// Also list every style name a theme may set, with what it colours.
    #[arg(long)]
    pub styles: bool,
}
