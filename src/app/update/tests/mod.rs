//! update() tests: drive the model with messages and check state and effects. No runtime.

mod browse;
mod cloud;
mod destination;
mod edit;
mod edit_ends;
mod goto;
mod images;
mod images_ops;
mod local;
mod marks;
mod mkdir;
mod mouse;
mod offline;
mod ops;
mod panes;
mod patch;
mod preview;
mod queue;
mod select;
mod shares;
mod tools;
mod transfers;
mod transfers_room;
mod trash;
mod undo;
mod viewer;
