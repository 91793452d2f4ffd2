//! Auto-fix for name collisions: gives each `DuplicateTarget` or `TargetExists` item the first
//! free name among `new`, `new (2)`, `new (3)`, … (the counter goes before the extension:
//! `a (2).txt`), so a user can accept a plan instead of editing names by hand.
//!
//! Items are resolved in request order, so the first of a group of duplicates keeps the plain
//! name when it is free. `Ok` items keep their names; invalid items and `DuplicateSource` items
//! are left as they are, since no suffix can fix them.

use super::names::{MAX_NAME_BYTES, MAX_NAME_CHARS, split_extension};
use super::plan::{Conflict, PlanStatus, RenamePlan, RenameRequest};
use std::collections::HashSet;

/// The plan rebuilt with collision-free names: afterwards no two items end with the same name,
/// no item takes the name of an entry that stays, and every renamed item's name is valid.
pub fn resolve_duplicates<Id>(plan: RenamePlan<Id>) -> RenamePlan<Id> {
    let rules = plan.rules;
    let fixable = |s: &PlanStatus| {
        matches!(
            s,
            PlanStatus::Conflict(Conflict::DuplicateTarget | Conflict::TargetExists(_))
        )
    };
    let moving: HashSet<String> = plan
        .items
        .iter()
        .filter(|i| i.status == PlanStatus::Ok || fixable(&i.status))
        .map(|i| rules.key(&i.old).into_owned())
        .collect();
    let all = plan
        .siblings
        .iter()
        .chain(plan.items.iter().map(|i| &i.old));
    let staying = all
        .map(|n| rules.key(n).into_owned())
        .filter(|k| !moving.contains(k));
    let ok_targets = plan.items.iter().filter(|i| i.status == PlanStatus::Ok);
    let mut taken: HashSet<String> = staying
        .chain(ok_targets.map(|i| rules.key(&i.new).into_owned()))
        .collect();
    let requests = plan
        .items
        .into_iter()
        .map(|item| {
            let mut new = item.new;
            if fixable(&item.status) {
                new = (1..)
                    .map(|k| with_suffix(&new, k, item.is_dir))
                    .find(|n| !taken.contains(rules.key(n).as_ref()))
                    .unwrap_or(new);
                taken.insert(rules.key(&new).into_owned());
            }
            RenameRequest::new(item.id, item.old, new, item.is_dir)
        })
        .collect();
    RenamePlan::build(&plan.siblings, requests, rules)
}

/// `name` with ` (k)` before its extension (k = 1 is `name` itself), the stem shortened when
/// needed to stay within the name length limits, which are the same on both sides.
pub(super) fn with_suffix(name: &str, k: u64, is_dir: bool) -> String {
    if k == 1 {
        return name.to_owned();
    }
    let suffix = format!(" ({k})");
    let (stem, ext) = match split_extension(name, is_dir) {
        (stem, Some(ext)) if fits(&format!("x{suffix}.{ext}")) => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let mut stem = stem.to_owned();
    while !fits(&format!("{stem}{suffix}{ext}")) && stem.pop().is_some() {}
    format!("{stem}{suffix}{ext}")
}

fn fits(name: &str) -> bool {
    name.len() <= MAX_NAME_BYTES && name.chars().count() <= MAX_NAME_CHARS
}
