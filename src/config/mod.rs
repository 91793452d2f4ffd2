//! Configuration: where panfm keeps its files ([`Paths`]), the keymap ([`Keymap`]) and the
//! theme ([`Styles`]). Read-only for the rest of the program; nothing here performs network I/O.

mod command;
mod key;
mod keymap;
mod paths;
mod theme;

pub use command::Command;
pub use key::Key;
pub use keymap::{Binding, DEFAULT_KEYMAP, Keymap, Layer, Lookup};
pub use paths::{Paths, create_private_dir, write_private};
pub use theme::Styles;
