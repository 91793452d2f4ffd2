//! The Elm core: [`Model`], [`Msg`], [`Effect`] and the synchronous [`update`]. No tokio, no
//! I/O, no ratatui here; `update` only transforms state and returns effects for the runtime.

mod effect;
mod images;
mod listing;
mod modal;
mod model;
mod msg;
mod offline;
mod ops;
mod pane;
mod rename;
mod sort;
mod transfers;
mod update;

#[cfg(test)]
pub(crate) mod testing;

pub use effect::{Effect, TransferCmd};
pub use images::{ImageLink, ImagesMsg};
pub use listing::{Listing, ListingStats, Visibility, contains_smart_case};
pub use modal::{
    AskCheck, ConfirmState, DetailsState, EntryDetails, InputPurpose, InputState, Modal,
    TransferAsk,
};
pub use model::{
    Account, CHORD_TIMEOUT_TICKS, CHROME_ROWS, Level, MIN_HEIGHT, MIN_WIDTH, Model, OpProgress,
    Side, StatusMessage, Viewport,
};
pub use msg::{CloudMsg, ListingMsg, Msg, TransferMsg};
pub use offline::{OfflineAsk, OfflineField};
pub use ops::{OpId, OpItem, OpMsg, OpReport, OpSpec, RenameStep, UndoAction, UndoRecord};
pub use pane::{FilterState, History, LoadState, Pane, Ticket};
pub use rename::{FIELDS as RENAME_FIELDS, Preview, PreviewRow, RenameState};
pub use sort::{SortKey, SortSpec};
pub use transfers::{JobRow, Totals, Transfers};
pub use update::{start, update};
