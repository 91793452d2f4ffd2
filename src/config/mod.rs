//! Configuration: where panfm keeps its files ([`Paths`]) and, later, the keymap and theme.
//! Read-only for the rest of the program; nothing here performs network I/O.

mod paths;

pub use paths::{Paths, create_private_dir, write_private};
