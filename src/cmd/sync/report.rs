//! Telling the plan: a dry run prints every action on stdout (`new`, `changed`, `delete`,
//! `mkdir`, `skipped` with its reason; unchanged files only with `-v`) and one line of counts
//! and bytes; a real run puts the counts on stderr. With `--json` the plan is the report's
//! `plan` field (its counts, and every action but the unchanged files).

use serde_json::json;

use super::Job;
use crate::cmd::ctx::{Ctx, Verbosity};
use crate::cmd::output::size;
use crate::fs::md5_cache::CacheStats;
use crate::sync::{Action, Count, SyncPlan};

pub fn plan(ctx: &mut Ctx, job: &Job, plan: &SyncPlan, dry_run: bool, again: bool) {
    let (from, to) = match job.up {
        true => (
            job.local.display().to_string(),
            format!("cloud:{}", job.cloud),
        ),
        false => (
            format!("cloud:{}", job.cloud),
            job.local.display().to_string(),
        ),
    };
    let line = format!(
        "{}{from} → {to}: {}",
        if again { "then " } else { "" },
        counts(plan)
    );
    if ctx.is_reporting() {
        let actions: Vec<_> = plan
            .actions
            .iter()
            .filter(|a| !matches!(a, Action::Unchanged { .. }))
            .collect();
        ctx.report_field(
            "plan",
            json!({ "dry_run": dry_run, "counts": plan.counts, "actions": actions }),
        );
    } else if dry_run {
        let verbose = ctx.verbosity >= Verbosity::Verbose;
        let mut text = String::new();
        for a in &plan.actions {
            let row = match a {
                Action::Mkdir { path } => format!("mkdir     {:>10}  {path}/", ""),
                Action::New { path, size: s } => format!("new       {:>10}  {path}", size(*s)),
                Action::Changed { path, size: s } => format!("changed   {:>10}  {path}", size(*s)),
                Action::Delete {
                    path,
                    is_dir,
                    size: s,
                } => {
                    let slash = if *is_dir { "/" } else { "" };
                    format!("delete    {:>10}  {path}{slash}", size(*s))
                }
                Action::Unchanged { path, size: s } if verbose => {
                    format!("unchanged {:>10}  {path}", size(*s))
                }
                Action::Unchanged { .. } => continue,
                Action::Skipped { path, reason } => {
                    format!("skipped   {:>10}  {path}: {reason}", "")
                }
            };
            text.push_str(&crate::fs::local::sanitize_name(&row));
            text.push('\n');
        }
        text.push_str(&format!("dry run, nothing changed: {line}\n"));
        ctx.print(&text);
        return;
    }
    if !dry_run {
        ctx.summary(line);
    }
}

fn counts(plan: &SyncPlan) -> String {
    let c = &plan.counts;
    let part = |noun: &str, n: &Count| format!("{} {noun} ({})", n.count, size(n.bytes));
    let mut parts = vec![
        part("new", &c.new),
        part("changed", &c.changed),
        part("deleted", &c.deleted),
        part("unchanged", &c.unchanged),
    ];
    if c.mkdir > 0 {
        parts.push(format!("{} folders to make", c.mkdir));
    }
    if c.skipped > 0 {
        parts.push(format!("{} skipped", c.skipped));
    }
    parts.join(", ")
}

/// What finding the MD5s cost, with `-v`.
pub fn hashing(ctx: &Ctx, stats: &CacheStats) {
    ctx.note(format!(
        "MD5s: {} from the cache, {} hashed ({})",
        stats.cached,
        stats.hashed,
        size(stats.hashed_bytes)
    ));
}
