//! Batch rename planning for `panfm rename --regex/--find … --to …`: the targets (PATHs, then
//! the entries of `--in DIR`), one [`RenameSpec`] applied to all of them in that order (so `{n}`
//! counts across folders), and one [`RenamePlan`] per folder, exactly as the TUI's dialog
//! builds them. Also the plan's text and JSON forms.

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::{Table, sort_entries};
use crate::api::{FileEntry, FileId};
use crate::cli::RenameArgs;
use crate::fs::local::sanitize_name;
use crate::fs::resolve::{Resolved, join};
use crate::plan::{
    Counter, Find, NameRules, PlanStatus, RenameInput, RenamePlan, RenameRequest, RenameSpec,
    resolve_duplicates,
};
use serde_json::{Value, json};
use std::collections::HashSet;

/// The plans of one batch, one per folder, in the order the folders first appear.
pub struct Batch {
    pub plans: Vec<RenamePlan<FileId>>,
    /// The path of each item, by id.
    pub paths: std::collections::HashMap<FileId, String>,
}

pub fn spec(args: &RenameArgs) -> CmdResult<RenameSpec> {
    let case_insensitive = args.ignore_case;
    let find = match (&args.regex, &args.find) {
        (Some(pattern), _) => Find::Regex {
            pattern: pattern.clone(),
            case_insensitive,
        },
        (None, Some(text)) => Find::Literal {
            text: text.clone(),
            case_insensitive,
        },
        (None, None) => Find::Literal {
            text: String::new(),
            case_insensitive,
        },
    };
    let replace = match (&args.to, args.regex.is_some() || args.find.is_some()) {
        (Some(to), _) => to.clone(),
        (None, false) => String::new(),
        (None, true) => return Err(CmdError::usage("--regex and --find need --to REPLACEMENT")),
    };
    Ok(RenameSpec {
        find,
        replace,
        all_occurrences: !args.first,
        counter: Counter {
            start: args.start,
            step: args.step,
            width: args.width,
        },
        case: args.case.into(),
        scope: args.scope.into(),
    })
}

/// Resolves the targets and builds the plans. Targets that cannot be resolved are reported and
/// make the batch fail: a batch runs whole or not at all.
pub async fn build(ctx: &mut Ctx, args: &RenameArgs, spec: &RenameSpec) -> CmdResult<Batch> {
    let renamer = spec.compile().map_err(|e| CmdError::usage(e.to_string()))?;
    let mut targets: Vec<Resolved> = Vec::new();
    let mut missing = 0;
    for text in &args.args {
        match ctx.resolver.resolve(text).await {
            Ok(item) if item.entry.id == crate::api::ROOT_DIR => {
                ctx.fail(
                    text,
                    CmdError::failure("the root folder has no name to change"),
                );
                missing += 1;
            }
            Ok(item) => targets.push(item),
            Err(e) => {
                ctx.fail(text, e);
                missing += 1;
            }
        }
    }
    if let Some(dir) = &args.in_dir {
        let dir = ctx.resolver.resolve_dir(dir).await?;
        let mut children: Vec<FileEntry> = ctx
            .resolver
            .children(dir.entry.id)
            .await?
            .iter()
            .filter(|e| !e.trashed)
            .cloned()
            .collect();
        sort_entries(&mut children);
        targets.extend(children.into_iter().map(|entry| Resolved {
            path: dir.child_path(&entry.name),
            entry,
            ancestors: None,
        }));
    }
    if missing > 0 {
        return Err(CmdError::failure(format!(
            "nothing renamed: {missing} of the items could not be found"
        )));
    }
    if targets.is_empty() {
        return Err(CmdError::usage(
            "no items to rename: give PATHs or --in DIR",
        ));
    }
    let inputs: Vec<RenameInput<'_>> = targets
        .iter()
        .map(|t| RenameInput {
            name: &t.entry.name,
            is_dir: t.entry.is_dir(),
        })
        .collect();
    let new_names = renamer.apply(&inputs);
    let mut folders: Vec<FileId> = Vec::new();
    let mut seen = HashSet::new();
    for t in &targets {
        if seen.insert(t.entry.parent_id) {
            folders.push(t.entry.parent_id);
        }
    }
    let mut plans = Vec::new();
    for folder in folders {
        let siblings: Vec<String> = ctx
            .resolver
            .children(folder)
            .await?
            .iter()
            .filter(|e| !e.trashed)
            .map(|e| e.name.clone())
            .collect();
        let requests = targets
            .iter()
            .zip(&new_names)
            .filter(|(t, _)| t.entry.parent_id == folder)
            .map(|(t, new)| RenameRequest::new(t.entry.id, &t.entry.name, new, t.entry.is_dir()))
            .collect();
        let plan = RenamePlan::build(&siblings, requests, NameRules::Cloud);
        plans.push(match args.auto_suffix {
            true => resolve_duplicates(plan),
            false => plan,
        });
    }
    let paths = targets.into_iter().map(|t| (t.entry.id, t.path)).collect();
    Ok(Batch { plans, paths })
}

impl Batch {
    pub fn path(&self, id: FileId) -> String {
        self.paths
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("id:{id}"))
    }

    pub fn is_clean(&self) -> bool {
        self.plans.iter().all(RenamePlan::is_clean)
    }

    /// One `panfm: PATH: reason` line per item that blocks the plan.
    pub fn report_problems(&self, ctx: &mut Ctx) {
        for item in self.plans.iter().flat_map(|p| p.items()) {
            let why = match &item.status {
                PlanStatus::Conflict(c) => format!("cannot rename to `{}`: {c}", item.new),
                PlanStatus::Invalid(e) => format!("invalid new name `{}`: {e}", item.new),
                PlanStatus::Ok | PlanStatus::Unchanged => continue,
            };
            ctx.fail(&self.path(item.id), CmdError::failure(why));
        }
    }

    /// The plan as a table: `OLD PATH  →  NEW NAME  [problem]`, unchanged items left out.
    pub fn table(&self) -> String {
        let mut table = Table::new(&[]);
        for item in self.plans.iter().flat_map(|p| p.items()) {
            let note = match &item.status {
                PlanStatus::Unchanged => continue,
                PlanStatus::Ok => String::new(),
                PlanStatus::Conflict(c) => format!("conflict: {c}"),
                PlanStatus::Invalid(e) => format!("invalid: {e}"),
            };
            let old = sanitize_name(&self.path(item.id));
            table.row(vec![old, "→".into(), sanitize_name(&item.new), note]);
        }
        table.render()
    }

    /// Every item of the plan for `--json --dry-run`.
    pub fn json_items(&self) -> Vec<Value> {
        let items = self.plans.iter().flat_map(|p| p.items());
        items
            .map(|item| {
                let (status, reason) = match &item.status {
                    PlanStatus::Ok => ("ok", None),
                    PlanStatus::Unchanged => ("unchanged", None),
                    PlanStatus::Conflict(c) => ("conflict", Some(c.to_string())),
                    PlanStatus::Invalid(e) => ("invalid", Some(e.to_string())),
                };
                let path = self.path(item.id);
                let to = path
                    .rsplit_once('/')
                    .map(|(dir, _)| join(if dir.is_empty() { "/" } else { dir }, &item.new));
                json!({ "id": item.id, "from": path, "to": to, "old": item.old,
                        "new": item.new, "status": status, "reason": reason })
            })
            .collect()
    }

    pub fn counts(&self) -> String {
        let (mut ok, mut same, mut bad) = (0, 0, 0);
        for p in &self.plans {
            let c = p.counts();
            (ok, same, bad) = (ok + c.ok, same + c.unchanged, bad + c.conflict + c.invalid);
        }
        format!("{ok} to rename, {same} unchanged, {bad} refused")
    }
}
