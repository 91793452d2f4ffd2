//! The batch-rename dialog's state: the pattern form (or names back from `$EDITOR`), and the
//! preview derived from it with the planner in `crate::plan` — old → new per entry, with every
//! conflict and invalid name marked. `recompute` is pure and runs after every change.

use super::ops::{OpItem, RenameStep};
use crate::fs::{EntryKey, Location};
use crate::plan::{
    self, CaseChange, Counter, Find, NameRules, PlanStatus, RenameInput, RenamePlan, RenameRequest,
    RenameSpec, Scope,
};
use tui_input::Input;

/// Text fields of the pattern form, in Tab order.
pub const FIELDS: [&str; 5] = ["Find", "Replace", "Start", "Step", "Width"];

#[derive(Debug, Clone)]
pub struct RenameState {
    pub at: Location,
    pub items: Vec<OpItem>,
    /// Every name in the directory, for "already exists" checks.
    pub siblings: Vec<String>,
    /// `Some`: the new names came from `$EDITOR` and the form is not used.
    pub edited: Option<Vec<String>>,
    pub fields: [Input; 5],
    pub focus: usize,
    pub regex: bool,
    pub ignore_case: bool,
    pub case: CaseChange,
    pub scope: Scope,
    /// Duplicate targets get ` (2)`, ` (3)`… (the user asked for it with auto-fix).
    pub fix_duplicates: bool,
    pub preview: Preview,
    pub scroll: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    pub rows: Vec<PreviewRow>,
    /// The pattern itself is wrong (bad regex, bad number).
    pub error: Option<String>,
    pub steps: Vec<RenameStep>,
    pub changes: usize,
    pub problems: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    pub old: String,
    pub new: String,
    /// `None` when fine; otherwise why this row blocks the plan (or "unchanged").
    pub problem: Option<String>,
    pub unchanged: bool,
}

impl Preview {
    /// Something to do, and nothing in the way.
    pub fn is_clean(&self) -> bool {
        self.error.is_none() && self.problems == 0 && self.changes > 0
    }
}

impl RenameState {
    pub fn new(
        at: Location,
        items: Vec<OpItem>,
        siblings: Vec<String>,
        edited: Option<Vec<String>>,
    ) -> Self {
        let mut fields: [Input; 5] = Default::default();
        fields[2] = Input::new("1".into());
        fields[3] = Input::new("1".into());
        fields[4] = Input::new("0".into());
        let mut state = Self {
            at,
            items,
            siblings,
            edited,
            fields,
            focus: 0,
            regex: false,
            ignore_case: false,
            case: CaseChange::Keep,
            scope: Scope::default(),
            fix_duplicates: false,
            preview: Preview::default(),
            scroll: 0,
        };
        state.recompute();
        state
    }

    fn rules(&self) -> NameRules {
        if self.at.is_cloud() {
            NameRules::Cloud
        } else {
            NameRules::local_for_this_os()
        }
    }

    fn spec(&self) -> Result<RenameSpec, String> {
        let text = |i: usize| self.fields[i].value().to_owned();
        let number = |i: usize, what: &str| -> Result<u64, String> {
            text(i)
                .trim()
                .parse()
                .map_err(|_| format!("{what} must be a whole number"))
        };
        let find = if self.regex {
            Find::Regex {
                pattern: text(0),
                case_insensitive: self.ignore_case,
            }
        } else {
            Find::Literal {
                text: text(0),
                case_insensitive: self.ignore_case,
            }
        };
        let counter = Counter {
            start: number(2, "Start")?,
            step: number(3, "Step")?,
            width: usize::try_from(number(4, "Width")?).unwrap_or(usize::MAX),
        };
        Ok(RenameSpec {
            find,
            replace: text(1),
            all_occurrences: true,
            counter,
            case: self.case,
            scope: self.scope,
        })
    }

    /// New names for every item, or why there are none.
    fn new_names(&self) -> Result<Vec<String>, String> {
        if let Some(names) = &self.edited {
            return Ok(names.clone());
        }
        let inputs: Vec<RenameInput> = self
            .items
            .iter()
            .map(|i| {
                if i.is_dir {
                    RenameInput::dir(&i.name)
                } else {
                    RenameInput::file(&i.name)
                }
            })
            .collect();
        self.spec()?.apply(&inputs).map_err(|e| e.to_string())
    }

    pub fn recompute(&mut self) {
        let names = match self.new_names() {
            Ok(n) => n,
            Err(error) => {
                self.preview = Preview {
                    error: Some(error),
                    ..Preview::default()
                };
                return;
            }
        };
        let requests = self
            .items
            .iter()
            .zip(names)
            .enumerate()
            .map(|(i, (item, new))| RenameRequest::new(i, item.name.clone(), new, item.is_dir))
            .collect();
        let mut built = RenamePlan::build(&self.siblings, requests, self.rules());
        if self.fix_duplicates {
            built = plan::resolve_duplicates(built);
        }
        self.preview = preview_of(&built, &self.items);
    }
}

fn preview_of(built: &RenamePlan<usize>, items: &[OpItem]) -> Preview {
    let mut p = Preview::default();
    for item in built.items() {
        let (problem, unchanged) = match &item.status {
            PlanStatus::Ok => (None, false),
            PlanStatus::Unchanged => (None, true),
            PlanStatus::Conflict(c) => (Some(c.to_string()), false),
            PlanStatus::Invalid(e) => (Some(e.to_string()), false),
        };
        p.changes += usize::from(problem.is_none() && !unchanged);
        p.problems += usize::from(problem.is_some());
        p.rows.push(PreviewRow {
            old: item.old.clone(),
            new: item.new.clone(),
            problem,
            unchanged,
        });
    }
    p.steps = built
        .steps()
        .into_iter()
        .map(|s| RenameStep {
            key: key_of(&items[s.id], &s.from),
            from: s.from,
            to: s.to,
        })
        .collect();
    p
}

/// Cloud entries keep their id through renames; local ones are addressed by their current name.
fn key_of(item: &OpItem, current: &str) -> EntryKey {
    match &item.key {
        EntryKey::Cloud(id) => EntryKey::Cloud(*id),
        EntryKey::Image(id) => EntryKey::Image(id.clone()),
        EntryKey::Local(_) => EntryKey::Local(current.into()),
    }
}
