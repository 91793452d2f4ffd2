//! `panfm rename PATH NEW_NAME` and the batch form (`--regex`/`--find` … `--to` …, see
//! `rename_plan`). Both go through [`crate::plan`], so the name rules and conflict checks are
//! the TUI's. A batch with any conflict or invalid name is refused whole (`--auto-suffix` fixes
//! clashes first); `--dry-run` prints the plan and exits 0 if it would run, 1 if not.
//!
//! Execution (`rename_run`) follows [`RenamePlan::steps`] in order, sent as `file/rename`
//! batches of at most 30. A step never shares a batch with a step it depends on (its target is
//! the name an earlier step frees, or it is the second step of the same item), so the result
//! does not depend on whether the server applies a batch in order. The plan is kept in a
//! journal (`rename_journal`) until it has run: the same command run again after a stop
//! continues it rather than planning afresh.

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::Table;
use super::rename_journal::{Mover, RenameJournal, SavedStep, Work};
use super::rename_plan::{self, Batch};
use super::{rename_report, rename_run};
use crate::api::{FileId, ROOT_DIR};
use crate::cli::RenameArgs;
use crate::fs::local::sanitize_name;
use crate::plan::{NameRules, PlanStatus, RenamePlan, RenameRequest, Step};
use serde_json::json;
use std::collections::HashSet;

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
    let journal = match &ctx.state_dir {
        Some(dir) => RenameJournal::open(dir, &ctx.client, &args)?,
        None => None,
    };
    if let Some(work) = journal
        .as_ref()
        .map(RenameJournal::load)
        .transpose()?
        .flatten()
    {
        return continue_earlier(ctx, work, journal, args.dry_run).await;
    }
    let planned = match rename_plan::build(ctx, &args, &spec).await {
        Ok(batch) => planned(ctx, &batch, args.dry_run),
        Err(e) => Err(e),
    };
    let (mut work, journal) = match (planned, journal) {
        (Ok(Some(work)), journal) => (work, journal),
        // Nothing sent: nothing to continue.
        (other, journal) => {
            if let Some(journal) = journal {
                journal.close();
            }
            return other.map(|_| ());
        }
    };
    if let Some(journal) = &journal {
        journal.save(&work)?;
    }
    run(ctx, &mut work, journal, false).await;
    Ok(())
}

/// The work of a fresh plan, or `None` when it shows the plan (a dry run) or has nothing to
/// rename. A plan with problems is refused whole.
fn planned(ctx: &mut Ctx, batch: &Batch, dry_run: bool) -> CmdResult<Option<Work>> {
    if dry_run {
        match ctx.is_reporting() {
            true => batch.json_items().into_iter().for_each(|v| ctx.result(v)),
            false => {
                let table = batch.table();
                ctx.print(&table);
            }
        }
        batch.report_problems(ctx);
        ctx.summary(batch.counts());
        return Ok(None);
    }
    if !batch.is_clean() {
        batch.report_problems(ctx);
        return Err(CmdError::failure(format!(
            "nothing renamed: the plan has conflicts or invalid names ({})",
            batch.counts()
        )));
    }
    let work = work_of(batch);
    if work.items.is_empty() {
        ctx.summary(format!("nothing to rename ({})", batch.counts()));
        return Ok(None);
    }
    Ok(Some(work))
}

/// Finishes what an earlier run of the same command left (a dry run shows it).
async fn continue_earlier(
    ctx: &mut Ctx,
    mut work: Work,
    journal: Option<RenameJournal>,
    dry_run: bool,
) -> CmdResult {
    let left: HashSet<FileId> = work.left().iter().map(|s| s.id).collect();
    let unfinished: Vec<&Mover> = work.items.iter().filter(|i| left.contains(&i.id)).collect();
    ctx.summary(format!(
        "continuing an earlier run of this command that stopped part-way: {} of {} left",
        unfinished.len(),
        work.items.len()
    ));
    if dry_run {
        let mut table = Table::new(&[]);
        for item in unfinished {
            let old = sanitize_name(&item.path);
            table.row(vec![old, "→".into(), sanitize_name(&item.new)]);
        }
        ctx.print(&table.render());
        return Ok(());
    }
    run(ctx, &mut work, journal, true).await;
    Ok(())
}

/// Runs `work` and reports; the journal goes once nothing is left to continue.
pub(super) async fn run(
    ctx: &mut Ctx,
    work: &mut Work,
    journal: Option<RenameJournal>,
    resumed: bool,
) {
    let start = work.done;
    let tally = rename_run::execute(ctx, work, journal.as_ref(), resumed).await;
    let kept = tally.stopped.is_some() && journal.is_some();
    rename_report::report(ctx, work, start, &tally, kept);
    if let (None, Some(journal)) = (&tally.stopped, journal) {
        journal.close();
    }
}

/// The batch's steps and the items that move, for running and for the journal. Plans are per
/// folder, so a step's folder is its plan's index.
pub(super) fn work_of(batch: &Batch) -> Work {
    let steps = batch.plans.iter().enumerate().flat_map(|(folder, plan)| {
        plan.steps().into_iter().map(move |s| SavedStep {
            id: s.id,
            from: s.from,
            to: s.to,
            folder,
        })
    });
    let movers = batch.plans.iter().flat_map(|p| p.items());
    let items = movers
        .filter(|i| i.status == PlanStatus::Ok)
        .map(|i| Mover {
            id: i.id,
            path: batch.path(i.id),
            new: i.new.clone(),
        });
    Work {
        steps: steps.collect(),
        items: items.collect(),
        done: 0,
    }
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
pub(super) fn sibling_path(path: &str, name: &str) -> String {
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
