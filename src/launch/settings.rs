//! `config.toml` put to work at start-up: read it (a mistake stops panfm with the file, line
//! and key), find its theme, and hand each value to what it controls — the model (conflict
//! policy, hidden files, sort, formats, mouse, the preview panel), the transfer engine (concurrency), the
//! client (API tier), the editor and the log.

use super::LaunchError;
use crate::app::{Model, SortKey, SortSpec};
use crate::config::{
    ApiTier, CONFIG_FILE, Config, Conflict, Formats, Paths, SortBy, Styles, Themes, value_position,
};
use crate::transfer::{ConflictPolicy, TransferConfig};
use std::path::PathBuf;

/// The config of this run and where it was read from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: Config,
    pub file: PathBuf,
    /// The file's text, when there is one (for positions in later errors).
    pub text: Option<String>,
}

impl Settings {
    pub fn load(paths: &Paths) -> Result<Self, LaunchError> {
        let file = paths.config.join(CONFIG_FILE);
        let origin = shown(&file);
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(LaunchError::user(format!("cannot read {origin}: {e}"))),
        };
        let config = match &text {
            Some(text) => Config::parse(text, &origin).map_err(LaunchError::user)?,
            None => Config::default(),
        };
        Ok(Self { config, file, text })
    }

    /// The styles of the configured theme (monochrome under `NO_COLOR`); an unknown or broken
    /// theme is named with the line of `theme` in the file.
    pub fn styles(&self, paths: &Paths, no_color: bool) -> Result<Styles, LaunchError> {
        let themes = Themes::new(&paths.config);
        themes.load(&self.config.theme, no_color).map_err(|why| {
            let at = self
                .text
                .as_deref()
                .and_then(|t| value_position(t, "theme"));
            LaunchError::user(match at {
                Some((line, col)) => {
                    format!("{}:{line}:{col}: key `theme`: {why}", shown(&self.file))
                }
                None => why,
            })
        })
    }

    /// The settings the model follows.
    pub fn apply(&self, model: &mut Model) {
        let c = &self.config;
        model.settings.conflict = match c.conflict {
            Conflict::Ask => ConflictPolicy::Ask,
            Conflict::Skip => ConflictPolicy::Skip,
            Conflict::Overwrite => ConflictPolicy::Overwrite,
            Conflict::KeepBoth => ConflictPolicy::KeepBoth,
        };
        model.settings.formats = Formats {
            units: c.size_units,
            date: c.date_format.0.clone(),
        };
        model.settings.theme = c.theme.clone();
        model.settings.mouse = c.mouse;
        model.preview.on = c.preview;
        let key = match c.sort {
            SortBy::Name => SortKey::Name,
            SortBy::Size => SortKey::Size,
            SortBy::Mtime => SortKey::Mtime,
            SortBy::Extension => SortKey::Extension,
        };
        for pane in &mut model.panes {
            pane.show_hidden = c.show_hidden;
            pane.sort = SortSpec {
                key,
                reverse: c.sort_reverse,
            };
        }
    }

    /// The engine's settings: `base` with the configured number of jobs at once.
    pub fn transfers(&self, base: TransferConfig) -> TransferConfig {
        TransferConfig {
            workers: self.config.concurrency.0,
            ..base
        }
    }

    /// Fixes the client's QPS column unless the tier follows the account.
    pub fn apply_tier(&self, client: &crate::api::Client) {
        match self.config.api_tier {
            ApiTier::Auto => {}
            ApiTier::Free => client.fix_tier(false),
            ApiTier::Vip => client.fix_tier(true),
        }
    }

    pub fn editor(&self) -> crate::edit::Editor {
        crate::edit::Editor::configured(self.config.editor.as_deref())
    }
}

fn shown(path: &std::path::Path) -> String {
    crate::fs::local::display_name(path.as_os_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Concurrency, LogLevel};

    fn with_config(text: &str) -> (tempfile::TempDir, Paths) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), text).unwrap();
        let paths = Paths::under(dir.path());
        (dir, paths)
    }

    #[test]
    fn every_setting_reaches_what_it_controls() {
        let fixture = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/config/valid.toml"
        );
        let (_dir, paths) = with_config(&std::fs::read_to_string(fixture).unwrap());
        let s = Settings::load(&paths).unwrap();
        let mut m = crate::app::testing::model(100, 30);
        s.apply(&mut m);
        assert_eq!(m.settings.conflict, ConflictPolicy::KeepBoth);
        assert_eq!(m.settings.formats.units, crate::config::SizeUnits::Decimal);
        assert_eq!(m.settings.formats.date, "%d.%m.%Y");
        assert!(m.settings.mouse && m.preview.on);
        assert_eq!(m.settings.theme, "16-colour");
        for pane in &m.panes {
            assert!(pane.show_hidden);
            assert_eq!(
                pane.sort,
                SortSpec {
                    key: SortKey::Mtime,
                    reverse: true
                }
            );
        }
        assert_eq!(s.transfers(TransferConfig::default()).workers, 5);
        assert_eq!(s.editor().program(), "nano -w");
        assert_eq!(s.styles(&paths, false).unwrap(), Styles::sixteen());
        assert_eq!(s.styles(&paths, true).unwrap(), Styles::monochrome());
        assert_eq!(s.config.log_level, LogLevel::Debug);
        assert_eq!(s.config.log_level.filter(), "debug");

        let auth = crate::api::Auth::AccessToken("t".into());
        let client = crate::api::Client::new(crate::api::ClientConfig::new(auth)).unwrap();
        s.apply_tier(&client);
        assert!(client.is_vip(), "api_tier = \"vip\"");
    }

    #[test]
    fn a_missing_file_is_the_defaults_and_mistakes_stop_with_file_line_and_key() {
        let empty = tempfile::tempdir().unwrap();
        let s = Settings::load(&Paths::under(empty.path())).unwrap();
        assert_eq!(s.config, Config::default());
        assert_eq!(s.config.concurrency, Concurrency(3));
        assert_eq!(s.text, None);

        let (_dir, paths) = with_config("mouse = true\ntheme = \"solarised\"\n");
        let s = Settings::load(&paths).unwrap();
        let Err(LaunchError::User(why)) = s.styles(&paths, false) else {
            panic!("an unknown theme is a user error")
        };
        assert!(
            why.ends_with(
                "config.toml:2:9: key `theme`: unknown theme \"solarised\": one of \
                 default, high-contrast, 16-colour"
            ),
            "{why}"
        );

        let (_dir, paths) = with_config("sort = \"colour\"\n");
        let Err(LaunchError::User(why)) = Settings::load(&paths) else {
            panic!("a bad value is a user error")
        };
        assert!(
            why.contains("config.toml:1:8: key `sort`: unknown variant `colour`"),
            "{why}"
        );
    }
}
