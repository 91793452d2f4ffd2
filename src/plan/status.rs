//! Computes the [`PlanStatus`] of each request of a plan. An item that can't move (unchanged,
//! invalid, conflicting) keeps its old name occupied, which can block another item in turn, so
//! demotions propagate through a worklist until every remaining mover has a free target.
//!
//! Precedence per item: `Unchanged`, then `Invalid`, then `DuplicateSource`, then
//! `TargetExists` (also when the name's owner is itself blocked and so stays), then
//! `DuplicateTarget` among the items still moving.

use super::names::NameRules;
use super::plan::{Conflict, PlanStatus, RenameRequest};
use std::collections::{HashMap, HashSet};

pub(super) fn compute<S: AsRef<str>, Id>(
    siblings: &[S],
    requests: &[RenameRequest<Id>],
    rules: NameRules,
) -> Vec<PlanStatus> {
    let old_keys: Vec<String> = requests.iter().map(|r| rules.key(&r.old).into()).collect();
    let mut old_counts: HashMap<&str, usize> = HashMap::new();
    for key in &old_keys {
        *old_counts.entry(key).or_default() += 1;
    }
    let status = requests
        .iter()
        .zip(&old_keys)
        .map(|(r, key)| {
            if r.old == r.new {
                Some(PlanStatus::Unchanged)
            } else if let Err(e) = rules.validate(&r.new) {
                Some(PlanStatus::Invalid(e))
            } else if old_counts.get(key.as_str()).is_some_and(|&n| n > 1) {
                Some(PlanStatus::Conflict(Conflict::DuplicateSource))
            } else {
                None
            }
        })
        .collect();
    let mut work = Work {
        olds: requests.iter().map(|r| r.old.as_str()).collect(),
        old_keys,
        status,
        staying: HashMap::new(),
        by_target: HashMap::new(),
        newly_staying: Vec::new(),
    };
    let names = siblings.iter().map(AsRef::as_ref);
    work.seed(names.chain(work.olds.clone()), rules);
    for (i, r) in requests.iter().enumerate() {
        if work.status[i].is_none() {
            let target = rules.key(&r.new).into_owned();
            work.by_target.entry(target).or_default().push(i);
        }
    }
    work.settle();
    work.status
        .into_iter()
        .map(|s| s.unwrap_or(PlanStatus::Ok))
        .collect()
}

struct Work<'a> {
    olds: Vec<&'a str>,
    old_keys: Vec<String>,
    /// `None` while an item may still move.
    status: Vec<Option<PlanStatus>>,
    /// Names that stay where they are, by key, with their spelling.
    staying: HashMap<String, String>,
    /// Would-be movers by target key.
    by_target: HashMap<String, Vec<usize>>,
    newly_staying: Vec<String>,
}

impl<'a> Work<'a> {
    fn seed(&mut self, names: impl Iterator<Item = &'a str>, rules: NameRules) {
        let moving: HashSet<&str> = self
            .old_keys
            .iter()
            .zip(&self.status)
            .filter(|(_, s)| s.is_none())
            .map(|(k, _)| k.as_str())
            .collect();
        for name in names {
            let key = rules.key(name);
            if !moving.contains(key.as_ref()) && !self.staying.contains_key(key.as_ref()) {
                self.staying.insert(key.into_owned(), name.to_owned());
            }
        }
    }

    fn settle(&mut self) {
        let exists: Vec<(usize, String)> = self
            .by_target
            .iter()
            .filter_map(|(target, ids)| Some((ids, self.staying.get(target)?)))
            .flat_map(|(ids, name)| ids.iter().map(|&i| (i, name.clone())))
            .collect();
        for (i, name) in exists {
            self.demote(i, Conflict::TargetExists(name));
        }
        self.propagate();
        let duplicates: Vec<usize> = self
            .by_target
            .values()
            .map(|ids| self.still_moving(ids))
            .filter(|ids| ids.len() > 1)
            .flatten()
            .collect();
        for i in duplicates {
            self.demote(i, Conflict::DuplicateTarget);
        }
        self.propagate();
    }

    fn still_moving(&self, ids: &[usize]) -> Vec<usize> {
        let moving = ids.iter().copied().filter(|&i| self.status[i].is_none());
        moving.collect()
    }

    fn demote(&mut self, i: usize, conflict: Conflict) {
        self.status[i] = Some(PlanStatus::Conflict(conflict));
        let key = self.old_keys[i].clone();
        self.staying.insert(key.clone(), self.olds[i].to_owned());
        self.newly_staying.push(key);
    }

    fn propagate(&mut self) {
        while let Some(key) = self.newly_staying.pop() {
            let blocked = match self.by_target.get(&key) {
                Some(ids) => self.still_moving(ids),
                None => continue,
            };
            let name = self.staying.get(&key).cloned().unwrap_or_default();
            for i in blocked {
                self.demote(i, Conflict::TargetExists(name.clone()));
            }
        }
    }
}
