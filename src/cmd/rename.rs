//! `panfm rename PATH NEW_NAME` and the batch form (`--regex`/`--find` … `--to` …, see
//! `rename_plan`). Both go through [`crate::plan`], so the name rules and conflict checks are
//! the TUI's. A batch with any conflict or invalid name is refused whole (`--auto-suffix` fixes
//! clashes first); `--dry-run` prints the plan and exits 0 if it would run, 1 if not.
//!
//! Execution follows [`RenamePlan::steps`] in order, sent as `file/rename` batches of at most
//! 30. A step never shares a batch with a step it depends on (its target is the name an earlier
//! step frees, or it is the second step of the same item), so the result does not depend on
//! whether the server applies a batch in order.

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::items;
use super::rename_plan::{self, Batch};
use crate::api::{FileId, ROOT_DIR};
use crate::cli::RenameArgs;
use crate::plan::{NameRules, PlanStatus, RenamePlan, RenameRequest, Step};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// "最多 30 个" per `file/rename` call.
const RENAME_BATCH: usize = 30;

pub async fn rename(ctx: &mut Ctx, args: RenameArgs) -> CmdResult {
    ctx.start_report(args.json);
    if !args.is_batch() {
        return match args.args.as_slice() {
            [path, new] if args.in_dir.is_none() => rename_one(ctx, path, new, args.dry_run).await,
            _ => Err(CmdError::usage(
                "usage: panfm rename PATH NEW_NAME, or panfm rename --regex PATTERN --to \
                 REPLACEMENT PATH...",
            )),
        };
    }
    let spec = rename_plan::spec(&args)?;
    let batch = rename_plan::build(ctx, &args, &spec).await?;
    if args.dry_run {
        match ctx.is_reporting() {
            true => batch.json_items().into_iter().for_each(|v| ctx.result(v)),
            false => {
                let table = batch.table();
                ctx.print(&table);
            }
        }
        batch.report_problems(ctx);
        ctx.summary(batch.counts());
        return Ok(());
    }
    if !batch.is_clean() {
        batch.report_problems(ctx);
        return Err(CmdError::failure(format!(
            "nothing renamed: the plan has conflicts or invalid names ({})",
            batch.counts()
        )));
    }
    match batch.plans.iter().any(|p| p.counts().ok > 0) {
        true => execute(ctx, &batch).await,
        false => ctx.summary(format!("nothing to rename ({})", batch.counts())),
    }
    Ok(())
}

async fn rename_one(ctx: &mut Ctx, path: &str, new: &str, dry_run: bool) -> CmdResult {
    let item = ctx.resolver.resolve(path).await?;
    if item.entry.id == ROOT_DIR {
        return Err(CmdError::failure("the root folder has no name to change"));
    }
    let siblings: Vec<String> = ctx
        .resolver
        .children(item.entry.parent_id)
        .await?
        .iter()
        .filter(|e| !e.trashed)
        .map(|e| e.name.clone())
        .collect();
    let request = RenameRequest::new(item.entry.id, &item.entry.name, new, item.entry.is_dir());
    let plan = RenamePlan::build(&siblings, vec![request], NameRules::Cloud);
    let to = sibling_path(&item.path, new);
    match plan.items().first().map(|i| &i.status) {
        Some(PlanStatus::Ok) => {}
        Some(PlanStatus::Unchanged) | None => {
            ctx.summary(format!("{} already has that name", item.path));
            return Ok(());
        }
        Some(PlanStatus::Conflict(c)) => return Err(CmdError::failure(format!("{to}: {c}"))),
        Some(PlanStatus::Invalid(e)) => {
            return Err(CmdError::usage(format!("invalid name `{new}`: {e}")));
        }
    }
    if dry_run {
        match ctx.is_reporting() {
            true => ctx.result(json!({ "id": item.entry.id, "from": item.path, "to": to })),
            false => ctx.print(&format!("{} → {new}\n", item.path)),
        }
        return Ok(());
    }
    ctx.client.rename(item.entry.id, new).await?;
    ctx.note(format!("{} → {to}", item.path));
    ctx.result(json!({ "id": item.entry.id, "from": item.path, "to": to }));
    ctx.summary(format!("renamed {} to {new}", item.path));
    Ok(())
}

/// `path` with its last name replaced by `name`.
fn sibling_path(path: &str, name: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) => format!("/{name}"),
        Some((dir, _)) => format!("{dir}/{name}"),
        None => path.to_owned(),
    }
}

/// Splits steps into calls: at most 30 steps, no item twice, and no step whose target is the
/// name an earlier step of the same call gives up.
pub(super) fn batches<K: Eq + std::hash::Hash + Clone>(
    steps: &[(Step<FileId>, K)],
) -> Vec<&[(Step<FileId>, K)]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut ids = HashSet::new();
    let mut freed: HashSet<(K, &str)> = HashSet::new();
    for (i, (step, folder)) in steps.iter().enumerate() {
        let depends = ids.contains(&step.id) || freed.contains(&(folder.clone(), step.to.as_str()));
        if i > start && (depends || i - start == RENAME_BATCH) {
            out.push(&steps[start..i]);
            start = i;
            ids.clear();
            freed.clear();
        }
        ids.insert(step.id);
        freed.insert((folder.clone(), step.from.as_str()));
    }
    if start < steps.len() {
        out.push(&steps[start..]);
    }
    out
}

async fn execute(ctx: &mut Ctx, batch: &Batch) {
    // Plans are per folder, so the plan's index tells steps of different folders apart.
    let steps: Vec<(Step<FileId>, usize)> = batch
        .plans
        .iter()
        .enumerate()
        .flat_map(|(folder, plan)| plan.steps().into_iter().map(move |s| (s, folder)))
        .collect();
    let total: usize = batch.plans.iter().map(|p| p.counts().ok).sum();
    let bar = ctx.progress(Some(steps.len() as u64), "renaming");
    let mut current: HashMap<FileId, String> = HashMap::new();
    let mut failed: HashMap<FileId, String> = HashMap::new();
    let groups = batches(&steps);
    let mut stopped = None;
    for group in &groups {
        if stopped.is_some() {
            break;
        }
        let calls: Vec<(FileId, String)> =
            group.iter().map(|(s, _)| (s.id, s.to.clone())).collect();
        match ctx.client.rename_many(&calls).await {
            Ok(report) => {
                let refused: HashMap<FileId, String> = report
                    .failed
                    .into_iter()
                    .map(|f| (f.id, f.message))
                    .collect();
                for (step, _) in group.iter() {
                    match refused.get(&step.id) {
                        Some(why) => {
                            failed.entry(step.id).or_insert_with(|| why.clone());
                        }
                        None => {
                            current.insert(step.id, step.to.clone());
                        }
                    }
                }
            }
            Err(e) => stopped = Some(e.error),
        }
        bar.inc(group.len() as u64);
    }
    bar.finish_and_clear();
    report(ctx, batch, &current, &failed, stopped.as_ref(), total);
}

fn report(
    ctx: &mut Ctx,
    batch: &Batch,
    current: &HashMap<FileId, String>,
    failed: &HashMap<FileId, String>,
    stopped: Option<&crate::api::ApiError>,
    total: usize,
) {
    let mut renamed = 0;
    let movers = batch.plans.iter().flat_map(|p| p.items());
    for item in movers.filter(|i| i.status == PlanStatus::Ok) {
        let path = batch.path(item.id);
        let now = current.get(&item.id);
        let stuck = now
            .filter(|n| **n != item.new)
            .map(|n| format!(" (it is now named {n})"));
        let why = match (failed.get(&item.id), now == Some(&item.new), stopped) {
            (Some(why), _, _) => why.clone(),
            (None, true, _) => {
                renamed += 1;
                let to = sibling_path(&path, &item.new);
                ctx.note(format!("{path} → {to}"));
                ctx.result(json!({ "id": item.id, "from": path, "to": to }));
                continue;
            }
            (None, false, Some(e)) => format!("not renamed: {e}"),
            (None, false, None) => "not renamed".to_owned(),
        };
        ctx.fail(
            &path,
            CmdError::failure(why + stuck.as_deref().unwrap_or("")),
        );
    }
    ctx.summary(format!("renamed {} of {total}", items(renamed)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: FileId, from: &str, to: &str) -> (Step<FileId>, FileId) {
        let step = Step {
            id,
            from: from.into(),
            to: to.into(),
        };
        (step, 0)
    }

    #[test]
    fn dependent_steps_go_to_later_calls() {
        // Chain b→c then a→b; a cycle broken with a temporary name (x twice).
        let steps = vec![
            step(2, "b", "c"),
            step(1, "a", "b"),
            step(3, "x", ".panfm-rename-1"),
            step(4, "y", "x"),
            step(3, ".panfm-rename-1", "y"),
        ];
        let sizes: Vec<usize> = batches(&steps).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, vec![1, 2, 1, 1]);
    }

    #[test]
    fn at_most_thirty_per_call() {
        let names: Vec<String> = (0..65).map(|i| format!("n{i}")).collect();
        let steps: Vec<_> = (0..65)
            .map(|i| step(i as FileId, &names[i], &format!("m{i}")))
            .collect();
        let sizes: Vec<usize> = batches(&steps).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, vec![30, 30, 5]);
    }
}
