//! Execution order of a plan's `Ok` items. Targets are unique and never a staying name, so the
//! movers form disjoint chains (A→B while B→C: C first) and cycles (A→B, B→A). A chain runs
//! from its free end backwards. A cycle is broken with a temporary name: its first item moves
//! to the temporary name, the rest of the cycle runs as a chain, then the first item moves from
//! the temporary name to its target. The temporary name is `.panfm-rename-K` with the smallest
//! K ≥ 1 that matches no sibling, old or new name of the plan; it is valid on both sides.
//!
//! A case-only rename on a case-insensitive local side (`a` → `A`) is one direct step: the
//! renaming system calls of macOS and Windows handle it in place.

use super::names::NameRules;
use super::plan::{PlanStatus, RenamePlan};
use std::collections::{HashMap, HashSet};

/// One operation: rename `from` to `to`. An item broken out of a cycle has two steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<Id> {
    pub id: Id,
    pub from: String,
    pub to: String,
}

impl<Id: Clone> RenamePlan<Id> {
    /// The `Ok` items as ordered operations; executed one by one from the plan's directory, no
    /// step targets a name that exists at that moment. Everything else produces no step.
    pub fn steps(&self) -> Vec<Step<Id>> {
        let rules = self.rules;
        let movers: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].status == PlanStatus::Ok)
            .collect();
        let by_old: HashMap<String, usize> = movers
            .iter()
            .map(|&i| (rules.key(&self.items[i].old).into_owned(), i))
            .collect();
        // The mover whose old name is i's target, which must go first.
        let blocker = |i: usize| {
            let j = *by_old.get(rules.key(&self.items[i].new).as_ref())?;
            (j != i).then_some(j)
        };
        let mut temp = TempNames::new(self, rules);
        let mut done = vec![false; self.items.len()];
        let mut steps = Vec::new();
        for &start in &movers {
            if done[start] {
                continue;
            }
            let mut path = vec![start];
            let mut cycle = false;
            while let Some(next) = path.last().and_then(|&last| blocker(last)) {
                if next == start {
                    cycle = true;
                    break;
                }
                if done[next] || path.len() > movers.len() {
                    break;
                }
                path.push(next);
            }
            for &i in &path {
                done[i] = true;
            }
            match cycle {
                false => steps.extend(path.iter().rev().map(|&i| self.step(i, None, None))),
                true => {
                    let tmp = temp.fresh();
                    steps.push(self.step(start, None, Some(tmp.clone())));
                    steps.extend(path[1..].iter().rev().map(|&i| self.step(i, None, None)));
                    steps.push(self.step(start, Some(tmp), None));
                }
            }
        }
        steps
    }

    fn step(&self, i: usize, from: Option<String>, to: Option<String>) -> Step<Id> {
        let item = &self.items[i];
        Step {
            id: item.id.clone(),
            from: from.unwrap_or_else(|| item.old.clone()),
            to: to.unwrap_or_else(|| item.new.clone()),
        }
    }
}

struct TempNames {
    used: HashSet<String>,
    rules: NameRules,
    next: u64,
}

impl TempNames {
    fn new<Id>(plan: &RenamePlan<Id>, rules: NameRules) -> Self {
        let items = plan.items.iter().flat_map(|i| [&i.old, &i.new]);
        let used = plan.siblings.iter().chain(items);
        Self {
            used: used.map(|n| rules.key(n).into_owned()).collect(),
            rules,
            next: 1,
        }
    }

    fn fresh(&mut self) -> String {
        loop {
            let name = format!(".panfm-rename-{}", self.next);
            self.next += 1;
            if self.used.insert(self.rules.key(&name).into_owned()) {
                return name;
            }
        }
    }
}
