//! The Elm core: [`Model`], [`Msg`], [`Effect`] and the synchronous [`update`]. No tokio, no
//! I/O, no ratatui here; `update` only transforms state and returns effects for the runtime.

mod bookmarks;
mod compare;
mod delete;
mod edit;
mod effect;
mod history;
mod images;
mod job_text;
pub mod layout;
mod listing;
mod modal;
mod model;
pub mod mouse;
mod msg;
mod offline;
mod ops;
mod palette;
mod pane;
pub mod preview;
mod recent;
mod rename;
mod share_form;
mod shares;
mod sort;
pub mod throughput;
mod transfers;
mod update;
pub mod viewer;

#[cfg(test)]
pub(crate) mod testing;

pub use bookmarks::Bookmarks;
pub use compare::{
    CompareEffect, CompareMsg, CompareState, Comparing, Purpose, Stage, SyncAsk, SyncJob, Walked,
};
pub use delete::{DeleteAsk, DeleteMsg, TrashCheck};
pub use edit::{EditAsk, EditEffect, EditId, EditMsg, EditSession, EditStage, Edits};
pub use effect::{Effect, Kept, TransferCmd};
pub use history::{HistoryStep, UndoDirection, UndoHistory};
pub use images::{ImageLink, ImagesMsg};
pub use listing::{Listing, ListingStats, Visibility, contains_smart_case};
pub use modal::{
    AskCheck, ConfirmState, DetailsState, EntryDetails, InputPurpose, InputState, Modal,
    TransferAsk,
};
pub use model::{
    Account, CHORD_TIMEOUT_TICKS, CHROME_ROWS, Level, MIN_HEIGHT, MIN_WIDTH, Model, OpProgress,
    Settings, Side, StatusMessage, Viewport,
};
pub use msg::{CloudMsg, ListingMsg, Msg, TransferMsg};
pub use offline::{OfflineAsk, OfflineField};
pub use ops::{OpId, OpItem, OpMsg, OpReport, OpSpec, RenameStep, UndoAction, UndoRecord};
pub use palette::{Action, Hit, Item, PaletteState};
pub use pane::{FilterState, History, LoadState, Pane, Ticket, Visual};
pub use recent::Recent;
pub use rename::{FIELDS as RENAME_FIELDS, Preview, PreviewRow, RenameState};
pub use share_form::{ShareField, ShareForm, ShareFormMode, limit_text, next_code};
pub use shares::{ShareEffect, SharesMsg, SharesView, direct_link_question, share_line};
pub use sort::{SortKey, SortSpec};
pub use transfers::{JobRow, Totals, Transfers};
pub use update::{start, update};
