//! update() tests: drive the model with messages and check state and effects. No runtime.

mod browse;
mod cloud;
mod destination;
mod images;
mod images_ops;
mod marks;
mod offline;
mod ops;
mod panes;
mod patch;
mod queue;
mod transfers;
mod transfers_room;
mod trash;
