//! The moves every domain of `update` shares: sending a pane somewhere or listing it again,
//! opening a question, the selection and starting an operation on it, bringing an operation's
//! result into the panes. Domain files call these (and the app's types), never each other;
//! only the dispatchers (`update`, `command`, `keys`, `route`, `palette`) call into every domain.

mod copy;
mod go;
mod patch;
mod question;
mod selection;

pub use copy::{across, ask_transfer, check, open_transfer};
pub use go::{backend, folder_path, go, go_to, reload};
pub use patch::{apply, landed};
pub use question::{ask, count, edit_destination, insert, names, open, open_path, quit, refuse};
pub use selection::{all_text, arrived, clear, end_visual, selection, start, start_step};
