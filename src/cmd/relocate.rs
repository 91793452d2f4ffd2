//! `panfm mv PATH... DIR` and `panfm cp PATH... DIR`: server-side moves (`file/move`, 100 ids a
//! call) and copies (one file: the synchronous `file/copy`; otherwise `file/async/copy`, polled
//! every second until done).
//!
//! Every item is checked before anything is sent, and refused items are reported without
//! stopping the rest: the root, a folder going into itself or below itself, a move to where the
//! item already is, and a name the destination (or an earlier item) already has. Copies refuse
//! such clashes too rather than let the server pick a "keep both" name nobody asked for.

use super::batch::{drive_item, pick_into, report, send};
use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::items;
use crate::api::{FileId, Patience, ROOT_DIR};
use crate::cli::MoveArgs;
use crate::fs::resolve::Resolved;
use serde_json::{Value, json};
use std::collections::HashSet;

/// Ids per async copy task, as `Client::copy_async` splits them ("单级最多支持 3000 个").
const COPY_TASK_IDS: usize = 3000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Move,
    Copy,
}

pub async fn mv(ctx: &mut Ctx, args: MoveArgs) -> CmdResult {
    relocate(ctx, args, Op::Move).await
}

pub async fn cp(ctx: &mut Ctx, args: MoveArgs) -> CmdResult {
    relocate(ctx, args, Op::Copy).await
}

async fn relocate(ctx: &mut Ctx, args: MoveArgs, op: Op) -> CmdResult {
    ctx.start_report(args.json);
    let Some((dest_text, sources)) = args.paths.split_last() else {
        return Err(CmdError::usage(
            "give the items and then the destination folder",
        ));
    };
    let dest = ctx.resolver.resolve_dir(dest_text).await?;
    let mut line = ctx.resolver.ancestors(&dest).await?;
    line.push(dest.entry.id);
    let mut taken: HashSet<String> = ctx
        .resolver
        .children(dest.entry.id)
        .await?
        .iter()
        .filter(|e| !e.trashed)
        .map(|e| e.name.clone())
        .collect();
    let picked = pick_into(ctx, sources, &mut taken, drive_item, |item, taken| {
        refusal(op, item, &dest, &line, taken)
    })
    .await;
    if picked.is_empty() {
        return Ok(());
    }
    match op {
        Op::Move => move_items(ctx, &picked, &dest).await,
        Op::Copy => copy_items(ctx, &picked, &dest).await,
    }
    Ok(())
}

fn refusal(
    op: Op,
    item: &Resolved,
    dest: &Resolved,
    dest_line: &[FileId],
    taken: &HashSet<String>,
) -> Option<String> {
    let verb = match op {
        Op::Move => "move",
        Op::Copy => "copy",
    };
    if item.entry.id == ROOT_DIR {
        return Some(format!("cannot {verb} the root folder"));
    }
    if item.entry.is_dir() && dest_line.contains(&item.entry.id) {
        return Some(format!(
            "cannot {verb} a folder into itself or below itself ({})",
            dest.path
        ));
    }
    if op == Op::Move && item.entry.parent_id == dest.entry.id {
        return Some(format!("already in {}", dest.path));
    }
    if taken.contains(&item.entry.name) {
        return Some(format!(
            "{} already exists",
            dest.child_path(&item.entry.name)
        ));
    }
    None
}

async fn move_items(ctx: &mut Ctx, picked: &[Resolved], dest: &Resolved) {
    let outcome = send(ctx, picked, "moving", async |client, ids| {
        client.move_to(ids, dest.entry.id).await
    })
    .await;
    let done = report(ctx, picked, outcome, |ctx, item| {
        let to = dest.child_path(&item.entry.name);
        ctx.note(format!("{} → {to}", item.path));
        ctx.result(json!({ "id": item.entry.id, "from": item.path, "to": to }));
    });
    ctx.summary(format!("{} moved to {}", items(done), dest.path));
}

async fn copy_items(ctx: &mut Ctx, picked: &[Resolved], dest: &Resolved) {
    if let [one] = picked
        && !one.entry.is_dir()
    {
        match ctx.client.copy(one.entry.id, dest.entry.id).await {
            Ok(id) => {
                let to = dest.child_path(&one.entry.name);
                ctx.note(format!("{} → {to}", one.path));
                ctx.result(json!({ "id": id, "from": one.path, "to": to }));
                ctx.summary(format!("1 item copied to {}", dest.path));
            }
            Err(e) => ctx.fail(&one.path, e),
        }
        return;
    }
    let ids: Vec<FileId> = picked.iter().map(|i| i.entry.id).collect();
    let bar = ctx.progress(None, &format!("copying {}", items(ids.len())));
    let tasks = ctx.client.copy_async(&ids, dest.entry.id).await;
    let (tasks, started) = match tasks {
        Ok(tasks) => (tasks, ids.len()),
        Err(e) => {
            for item in &picked[e.completed..] {
                bar.suspend(|| ctx.fail(&item.path, e.error.clone()));
            }
            (Vec::new(), e.completed)
        }
    };
    let mut copied = 0;
    for (task, chunk) in tasks.iter().zip(picked[..started].chunks(COPY_TASK_IDS)) {
        let waited = ctx.client.copy_wait(*task, Patience::TASK).await;
        for item in chunk {
            match &waited {
                Ok(()) => {
                    let to = dest.child_path(&item.entry.name);
                    ctx.note(format!("{} → {to}", item.path));
                    ctx.result(json!({ "id": Value::Null, "from": item.path, "to": to }));
                    copied += 1;
                }
                Err(e) => bar.suspend(|| ctx.fail(&item.path, e.clone())),
            }
        }
    }
    bar.finish_and_clear();
    ctx.summary(format!("{} copied to {}", items(copied), dest.path));
}
