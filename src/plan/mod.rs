//! Batch rename, as pure functions shared by the batch-rename dialog, the `$EDITOR` bulk rename
//! and `panfm rename`: name rules ([`names`]), the pattern form ([`RenameSpec`]), the editor
//! form ([`editor`]), and the [`RenamePlan`] that checks a batch against a directory and orders
//! its steps. No I/O, no async, no UI types: callers pass names in and execute steps themselves.
//!
//! Flow: names in display order → [`RenameSpec::apply`] or [`editor::parse`] → new names →
//! [`RenamePlan::build`] with the directory's names → show statuses, optionally
//! [`resolve_duplicates`] → [`RenamePlan::steps`] → execute in order.

mod case;
pub mod editor;
pub mod names;
#[allow(clippy::module_inception)]
mod plan;
mod rename;
mod resolve;
mod status;
mod steps;
mod template;
#[cfg(test)]
mod tests;

pub use case::CaseChange;
pub use names::{NameError, NameRules, to_full_width, validate_cloud_name, validate_local_name};
pub use plan::{Conflict, PlanItem, PlanStatus, RenamePlan, RenameRequest, StatusCounts};
pub use rename::{Counter, Find, RenameInput, RenameSpec, RenameSpecError, Renamer, Scope};
pub use resolve::resolve_duplicates;
pub use steps::Step;
