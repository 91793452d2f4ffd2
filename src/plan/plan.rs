//! The rename plan: which requested renames can run, which can't and why. Built from the
//! directory's names and the requests; never touches a file system.
//!
//! Invariant: the [`PlanStatus::Ok`] items can all be executed (by [`RenamePlan::steps`])
//! whatever happens to the others, because every item that is not `Ok` is assumed to stay under
//! its old name and `Ok` targets avoid those names. So a plan that is not clean can still run
//! its `Ok` part.

use super::names::{NameError, NameRules};
use super::status;
use std::fmt;

/// One requested rename; `id` is opaque to the plan (an `EntryKey`, an index, a cloud id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameRequest<Id> {
    pub id: Id,
    pub old: String,
    pub new: String,
    /// Directories have no extension when [`resolve_duplicates`](super::resolve_duplicates)
    /// inserts ` (2)`.
    pub is_dir: bool,
}

impl<Id> RenameRequest<Id> {
    pub fn new(id: Id, old: impl Into<String>, new: impl Into<String>, is_dir: bool) -> Self {
        Self {
            id,
            old: old.into(),
            new: new.into(),
            is_dir,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Another item of the batch would get the same name.
    DuplicateTarget,
    /// The name belongs to this entry, which stays: a sibling outside the batch or an item of
    /// the batch that is not renamed.
    TargetExists(String),
    /// The same old name appears in more than one item, so the request is ambiguous.
    DuplicateSource,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DuplicateTarget => f.write_str("another item is renamed to the same name"),
            Self::TargetExists(name) => write!(f, "`{name}` already exists"),
            Self::DuplicateSource => f.write_str("this entry appears more than once"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanStatus {
    Ok,
    /// The new name equals the old one exactly; nothing to do, and the name is not validated
    /// (an existing name the rules would refuse can stay). A case-only change is a rename.
    Unchanged,
    Conflict(Conflict),
    Invalid(NameError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem<Id> {
    pub id: Id,
    pub old: String,
    pub new: String,
    pub is_dir: bool,
    pub status: PlanStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub ok: usize,
    pub unchanged: usize,
    pub conflict: usize,
    pub invalid: usize,
}

/// Items in request order, with their statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamePlan<Id> {
    pub(super) items: Vec<PlanItem<Id>>,
    pub(super) siblings: Vec<String>,
    pub(super) rules: NameRules,
}

impl<Id> RenamePlan<Id> {
    /// `siblings`: every name in the directory (renamed items included; missing old names are
    /// added). Names are compared under `rules` ([`NameRules::same_name`]).
    pub fn build<S: AsRef<str>>(
        siblings: &[S],
        requests: Vec<RenameRequest<Id>>,
        rules: NameRules,
    ) -> Self {
        let statuses = status::compute(siblings, &requests, rules);
        let items = requests
            .into_iter()
            .zip(statuses)
            .map(|(r, status)| PlanItem {
                id: r.id,
                old: r.old,
                new: r.new,
                is_dir: r.is_dir,
                status,
            })
            .collect();
        Self {
            items,
            siblings: siblings.iter().map(|s| s.as_ref().to_owned()).collect(),
            rules,
        }
    }

    pub fn items(&self) -> &[PlanItem<Id>] {
        &self.items
    }

    pub fn into_items(self) -> Vec<PlanItem<Id>> {
        self.items
    }

    pub fn rules(&self) -> NameRules {
        self.rules
    }

    /// No conflicts and no invalid names: every item is `Ok` or `Unchanged`.
    pub fn is_clean(&self) -> bool {
        self.items
            .iter()
            .all(|i| matches!(i.status, PlanStatus::Ok | PlanStatus::Unchanged))
    }

    pub fn counts(&self) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for item in &self.items {
            match item.status {
                PlanStatus::Ok => counts.ok += 1,
                PlanStatus::Unchanged => counts.unchanged += 1,
                PlanStatus::Conflict(_) => counts.conflict += 1,
                PlanStatus::Invalid(_) => counts.invalid += 1,
            }
        }
        counts
    }
}
