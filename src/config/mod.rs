//! Configuration: where panfm keeps its files ([`Paths`]), the settings of `config.toml`
//! ([`Config`]), the keymap ([`Keymap`]) and the themes ([`Styles`], [`Themes`]). Read-only for
//! the rest of the program; nothing here performs network I/O.

mod command;
mod key;
mod keymap;
mod keys_reference;
mod load;
mod paths;
mod reference;
mod settings;
mod theme;
mod themes;

pub use command::Command;
pub use key::Key;
pub use keymap::{Binding, DEFAULT_KEYMAP, Keymap, Layer, Lookup};
pub use keys_reference::keys_reference;
pub use load::{CONFIG_FILE, value_position};
pub use paths::{Paths, create_private_dir, write_private};
pub use reference::{reference, reference_keys};
pub use settings::{
    ApiTier, Concurrency, Config, Conflict, DateFormat, Formats, LogLevel, SizeUnits, SortBy,
};
pub use theme::{BUILTIN_THEMES, Styles};
pub use themes::{THEMES_DIR, ThemeEntry, Themes};
#[cfg(test)]
mod tests;
