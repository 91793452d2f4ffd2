//! Tests of the batch-rename planner, one file per module, plus property tests. `simulate`
//! executes a plan's steps on a set of names the way a file system would.

mod editor;
mod names;
mod plan;
mod props;
mod rename;
mod resolve;

use super::{NameRules, PlanStatus, RenamePlan, RenameRequest};
use std::collections::BTreeSet;

/// Requests with index ids from `(old, new)` pairs of files.
pub(super) fn requests(pairs: &[(&str, &str)]) -> Vec<RenameRequest<usize>> {
    pairs
        .iter()
        .enumerate()
        .map(|(i, (old, new))| RenameRequest::new(i, *old, *new, false))
        .collect()
}

pub(super) fn cloud_plan(siblings: &[&str], pairs: &[(&str, &str)]) -> RenamePlan<usize> {
    RenamePlan::build(siblings, requests(pairs), NameRules::Cloud)
}

pub(super) fn statuses<Id>(plan: &RenamePlan<Id>) -> Vec<PlanStatus> {
    plan.items().iter().map(|i| i.status.clone()).collect()
}

/// Runs `plan.steps()` on the directory (siblings plus old names, by key) and returns the final
/// directory; fails if a step renames a missing name or onto an existing one, or if the result
/// differs from the plan's `Ok` renames applied at once.
pub(super) fn simulate<Id: Clone>(
    plan: &RenamePlan<Id>,
    siblings: &[impl AsRef<str>],
) -> Result<BTreeSet<String>, String> {
    let rules = plan.rules();
    let key = |n: &str| rules.key(n).into_owned();
    let olds = plan.items().iter().map(|i| i.old.as_str());
    let mut dir: BTreeSet<String> = siblings
        .iter()
        .map(|s| s.as_ref())
        .chain(olds)
        .map(key)
        .collect();
    let mut expected = dir.clone();
    for item in plan.items().iter().filter(|i| i.status == PlanStatus::Ok) {
        expected.remove(&key(&item.old));
    }
    for item in plan.items().iter().filter(|i| i.status == PlanStatus::Ok) {
        if !expected.insert(key(&item.new)) {
            return Err(format!("two items end as {:?}", item.new));
        }
    }
    for step in plan.steps() {
        if !dir.remove(&key(&step.from)) {
            return Err(format!(
                "step {:?} → {:?}: source missing",
                step.from, step.to
            ));
        }
        if !dir.insert(key(&step.to)) {
            return Err(format!(
                "step {:?} → {:?}: target exists",
                step.from, step.to
            ));
        }
    }
    match dir == expected {
        true => Ok(dir),
        false => Err(format!("final {dir:?}, planned {expected:?}")),
    }
}
