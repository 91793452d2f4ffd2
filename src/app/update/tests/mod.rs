//! update() tests: drive the model with messages and check state and effects. No runtime.

mod browse;
mod cloud;
pub(super) mod compare;
mod destination;
mod edit;
mod edit_ends;
mod goto;
mod images;
mod images_ops;
mod local;
mod marks;
mod mkdir;
mod offline;
mod ops;
mod panes;
mod patch;
mod queue;
mod select;
mod shares;
mod sync_ask;
mod tools;
mod transfers;
mod transfers_room;
mod trash;
mod undo;
mod viewer;
