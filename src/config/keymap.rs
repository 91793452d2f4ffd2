//! The keymap as data: `(Layer, key sequence) → Command`, each binding with a description.
//! The embedded `assets/keymap.toml` is the default; a user file merges over it per layer (a
//! user binding replaces any default on the same keys; `run = "noop"` unbinds). The same
//! table drives key dispatch, the chord hints and the `?` help overlay.

use super::{Command, Key};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Input layers; the active one is derived from the model, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Browse,
    Filter,
    Input,
    Info,
    Confirm,
    Rename,
    Queue,
    Help,
    /// The share dialog.
    Share,
    /// The shares panel.
    Shares,
    /// The offline-download dialog (the drive fetches URLs).
    Offline,
    Viewer,
    /// The command palette.
    Palette,
    /// The bookmarks list (adding one, or jumping).
    Bookmarks,
}

impl Layer {
    /// Every layer, in the order the help overlay lists them.
    pub const ALL: [Layer; 14] = [
        Layer::Browse,
        Layer::Viewer,
        Layer::Palette,
        Layer::Bookmarks,
        Layer::Filter,
        Layer::Input,
        Layer::Confirm,
        Layer::Rename,
        Layer::Offline,
        Layer::Queue,
        Layer::Share,
        Layer::Shares,
        Layer::Info,
        Layer::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Layer::Browse => "Browsing",
            Layer::Filter => "Filter line",
            Layer::Input => "Prompts",
            Layer::Info => "Details",
            Layer::Confirm => "Questions",
            Layer::Rename => "Batch rename",
            Layer::Queue => "Transfer queue",
            Layer::Help => "Help",
            Layer::Share => "Share dialog",
            Layer::Shares => "Shares",
            Layer::Offline => "Offline download",
            Layer::Viewer => "Viewer",
            Layer::Palette => "Command palette",
            Layer::Bookmarks => "Bookmarks",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub on: Vec<Key>,
    pub run: Command,
    pub desc: String,
}

/// Result of looking up a (possibly partial) key sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Run(Command),
    /// A prefix of at least one longer binding: wait for the next key.
    Pending,
    Unbound,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    layers: BTreeMap<Layer, Vec<Binding>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerFile {
    keymap: Vec<BindingFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BindingFile {
    on: OneOrMany,
    run: Command,
    #[serde(default)]
    desc: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Keymap {
    pub fn default_map() -> Result<Self, String> {
        Self::parse(DEFAULT_KEYMAP, "built-in keymap")
    }

    /// The defaults with `user` (TOML text from `origin`) merged over them.
    pub fn with_overrides(user: &str, origin: &str) -> Result<Self, String> {
        let mut map = Self::default_map()?;
        map.merge(Self::parse(user, origin)?);
        Ok(map)
    }

    pub fn parse(text: &str, origin: &str) -> Result<Self, String> {
        let file: BTreeMap<Layer, LayerFile> =
            toml::from_str(text).map_err(|e| toml_error(text, origin, &e))?;
        let mut layers = BTreeMap::new();
        for (layer, section) in file {
            let mut bindings = Vec::new();
            for (i, b) in section.keymap.into_iter().enumerate() {
                let keys = match b.on {
                    OneOrMany::One(k) => vec![k],
                    OneOrMany::Many(ks) => ks,
                };
                if keys.is_empty() {
                    return Err(format!(
                        "{origin}: [{layer:?}] binding {} has no keys",
                        i + 1
                    ));
                }
                let on = keys
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| format!("{origin}: [{layer:?}] binding {}: {e}", i + 1))?;
                bindings.push(Binding {
                    on,
                    run: b.run,
                    desc: b.desc,
                });
            }
            layers.insert(layer, bindings);
        }
        Ok(Self { layers })
    }

    fn merge(&mut self, user: Keymap) {
        for (layer, bindings) in user.layers {
            let target = self.layers.entry(layer).or_default();
            for b in bindings {
                target.retain(|d| d.on != b.on);
                if b.run != Command::Noop {
                    target.push(b);
                }
            }
        }
    }

    pub fn lookup(&self, layer: Layer, keys: &[Key]) -> Lookup {
        let bindings = self.bindings(layer);
        if let Some(b) = bindings.iter().find(|b| b.on == keys) {
            return Lookup::Run(b.run);
        }
        if bindings
            .iter()
            .any(|b| b.on.len() > keys.len() && b.on.starts_with(keys))
        {
            return Lookup::Pending;
        }
        Lookup::Unbound
    }

    pub fn bindings(&self, layer: Layer) -> &[Binding] {
        self.layers.get(&layer).map_or(&[], Vec::as_slice)
    }

    /// Bindings that continue `prefix`, for the chord hint line.
    pub fn continuations(&self, layer: Layer, prefix: &[Key]) -> Vec<&Binding> {
        self.bindings(layer)
            .iter()
            .filter(|b| b.on.len() > prefix.len() && b.on.starts_with(prefix))
            .collect()
    }

    /// Help rows for a layer: all key sequences of one command+description joined, in file order.
    pub fn help_rows(&self, layer: Layer) -> Vec<(String, &str)> {
        self.entries(layer)
            .into_iter()
            .map(|(_, keys, desc)| (keys, desc))
            .collect()
    }

    /// Each command of a layer with all its key sequences joined (`j, ↓`) and its
    /// description, in file order: the help overlay's rows and the palette's items.
    pub fn entries(&self, layer: Layer) -> Vec<(Command, String, &str)> {
        self.grouped(layer)
            .into_iter()
            .map(|(run, keys, desc)| (run, keys.join(", "), desc))
            .collect()
    }

    /// Each command of a layer with its key sequences (`g g`, `Home`) and its description, in
    /// file order: [`Keymap::entries`] before the joining, and the rows of `docs/keys.md`.
    pub fn grouped(&self, layer: Layer) -> Vec<(Command, Vec<String>, &str)> {
        let mut rows: Vec<(Vec<String>, Command, &str)> = Vec::new();
        for b in self.bindings(layer) {
            let keys =
                b.on.iter()
                    .map(Key::to_string)
                    .collect::<Vec<_>>()
                    .join(" ");
            match rows
                .iter_mut()
                .find(|(_, run, desc)| *run == b.run && *desc == b.desc)
            {
                Some(row) => row.0.push(keys),
                None => rows.push((vec![keys], b.run, &b.desc)),
            }
        }
        rows.into_iter()
            .map(|(keys, run, desc)| (run, keys, desc))
            .collect()
    }

    /// Lines in the help overlay: each layer with bindings gives a title and its rows, with a
    /// blank line between layers; then a blank line and the footer.
    pub fn help_len(&self) -> usize {
        let sections: Vec<usize> = Layer::ALL
            .iter()
            .map(|l| self.help_rows(*l).len())
            .filter(|&n| n > 0)
            .collect();
        sections.iter().map(|n| n + 1).sum::<usize>() + sections.len().saturating_sub(1) + 2
    }

    /// The first key sequence bound to `cmd` in `layer`, for hints like "F1 help".
    pub fn key_for(&self, layer: Layer, cmd: Command) -> Option<String> {
        let b = self.bindings(layer).iter().find(|b| b.run == cmd)?;
        Some(
            b.on.iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// A TOML error on one line: `FILE:LINE:COLUMN: what`, without the long list of every
/// command a misspelt one could have been.
fn toml_error(text: &str, origin: &str, e: &toml::de::Error) -> String {
    let at = e.span().map_or(0, |s| s.start.min(text.len()));
    let before = text.get(..at).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let message = e.message().trim();
    let message = match message.split_once(", expected one of") {
        Some((head, _)) => format!("{head} (`panfm keymap` prints every layer and command)"),
        None => message.to_owned(),
    };
    format!("{origin}:{line}:{column}: {}", message.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn default_keymap_loads_and_every_binding_has_a_description() {
        let map = Keymap::default_map().unwrap();
        for layer in Layer::ALL {
            assert!(!map.bindings(layer).is_empty(), "{layer:?}");
            for b in map.bindings(layer) {
                assert!(!b.desc.is_empty(), "{layer:?} {:?} lacks desc", b.on);
            }
        }
    }

    #[test]
    fn chords_are_pending_then_run() {
        let map = Keymap::default_map().unwrap();
        let g = Key::char('g');
        assert_eq!(map.lookup(Layer::Browse, &[g]), Lookup::Pending);
        assert_eq!(
            map.lookup(Layer::Browse, &[g, g]),
            Lookup::Run(Command::Top)
        );
        assert_eq!(
            map.lookup(Layer::Browse, &[Key::char('Z'), g]),
            Lookup::Unbound
        );
    }

    #[test]
    fn unknown_command_is_a_clear_error() {
        let err = Keymap::parse(
            "[browse]\nkeymap = [{ on = \"x\", run = \"fly_away\" }]",
            "user.toml",
        )
        .unwrap_err();
        assert!(
            err.starts_with("user.toml:2:29: unknown variant `fly_away`"),
            "{err}"
        );
        assert!(
            !err.contains('\n') && !err.contains("cursor_up"),
            "one short line: {err}"
        );
        let err = Keymap::parse("[browse\n", "user.toml").unwrap_err();
        assert!(err.starts_with("user.toml:1:8: "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn bad_key_is_a_clear_error() {
        let err = Keymap::parse(
            "[browse]\nkeymap = [{ on = \"<Nope>\", run = \"quit\" }]",
            "u.toml",
        )
        .unwrap_err();
        assert!(err.contains("binding 1") && err.contains("<Nope>"), "{err}");
    }

    #[test]
    fn user_bindings_replace_and_unbind_defaults() {
        let user = "[browse]\nkeymap = [\n { on = \"j\", run = \"cursor_up\", desc = \"Up\" },\n { on = \"k\", run = \"noop\" },\n]";
        let map = Keymap::with_overrides(user, "u.toml").unwrap();
        assert_eq!(
            map.lookup(Layer::Browse, &[Key::char('j')]),
            Lookup::Run(Command::CursorUp)
        );
        assert_eq!(
            map.lookup(Layer::Browse, &[Key::char('k')]),
            Lookup::Unbound
        );
        let down = Key::new(KeyCode::Down, crossterm::event::KeyModifiers::NONE);
        assert_eq!(
            map.lookup(Layer::Browse, &[down]),
            Lookup::Run(Command::CursorDown)
        );
    }

    #[test]
    fn help_rows_group_keys_of_one_command() {
        let map = Keymap::default_map().unwrap();
        let rows = map.help_rows(Layer::Browse);
        let down = rows.iter().find(|(_, d)| *d == "Next entry").unwrap();
        assert!(down.0.contains('j') && down.0.contains('↓'), "{}", down.0);
    }
}
