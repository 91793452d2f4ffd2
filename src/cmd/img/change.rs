//! `panfm img mv PATH... DIR` and `panfm img rm [--yes] PATH...`. Moves are checked before
//! anything is sent (the root, a folder into itself or below itself, an item already there, a
//! name the destination or an earlier item has) and sent 100 ids a call. Deletes are for good
//! — the image space has no trash — so they ask first on a terminal and need `--yes`
//! otherwise.

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult, Status};
use super::super::output::items;
use crate::cli::{ImgPathsArgs, ImgRmArgs};
use crate::fs::resolve::{ImageResolver, ResolvedImage};
use serde_json::json;
use std::collections::HashSet;
use std::io::{BufRead, IsTerminal, Write};

pub async fn mv(ctx: &mut Ctx, args: ImgPathsArgs) -> CmdResult {
    ctx.start_report(args.json);
    let Some((dest_text, sources)) = args.paths.split_last() else {
        return Err(CmdError::usage(
            "give the items and then the destination folder",
        ));
    };
    let mut resolver = ImageResolver::new(ctx.client.clone());
    let dest = resolver.resolve_dir(dest_text).await?;
    let line: HashSet<String> = dest.trail.iter().map(|(id, _)| id.clone()).collect();
    let mut taken: HashSet<String> = resolver
        .children(&dest.entry.id)
        .await?
        .iter()
        .map(|e| e.name.clone())
        .collect();
    let mut picked: Vec<ResolvedImage> = Vec::new();
    for text in sources {
        let item = match resolver.resolve(text).await {
            Ok(item) => item,
            Err(e) => {
                ctx.fail(text, e);
                continue;
            }
        };
        let refusal = if item.trail.is_empty() {
            Some("cannot move the root folder".to_owned())
        } else if item.entry.is_dir() && line.contains(&item.entry.id) {
            Some(format!(
                "cannot move a folder into itself or below itself ({})",
                dest.path
            ))
        } else if item.parent_id() == dest.entry.id {
            Some(format!("already in {}", dest.path))
        } else if taken.contains(&item.entry.name) {
            Some(format!(
                "{} already exists",
                dest.child_path(&item.entry.name)
            ))
        } else {
            None
        };
        match refusal {
            Some(why) => ctx.fail(&item.path, CmdError::failure(why)),
            None => {
                taken.insert(item.entry.name.clone());
                picked.push(item);
            }
        }
    }
    if picked.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = picked.iter().map(|i| i.entry.id.clone()).collect();
    let bar = ctx.progress(None, &format!("moving {}", items(ids.len())));
    let outcome = ctx.client.image_move(&ids, &dest.entry.id).await;
    bar.finish_and_clear();
    let (done, failure) = match outcome {
        Ok(()) => (ids.len(), None),
        Err(e) => (e.completed, Some(e.error)),
    };
    for (i, item) in picked.iter().enumerate() {
        let to = dest.child_path(&item.entry.name);
        match (i < done, &failure) {
            (false, Some(e)) => ctx.fail(&item.path, e.clone()),
            _ => {
                ctx.note(format!("{} → {to}", item.path));
                ctx.result(json!({ "id": item.entry.id, "from": item.path, "to": to }));
            }
        }
    }
    ctx.summary(format!("{} moved to {}", items(done), dest.path));
    Ok(())
}

pub async fn rm(ctx: &mut Ctx, args: ImgRmArgs) -> CmdResult {
    ctx.start_report(args.json);
    let mut resolver = ImageResolver::new(ctx.client.clone());
    let mut picked: Vec<ResolvedImage> = Vec::new();
    let mut seen = HashSet::new();
    for text in &args.paths {
        match resolver.resolve(text).await {
            Ok(item) if item.trail.is_empty() => {
                ctx.fail(text, CmdError::failure("cannot delete the root folder"));
            }
            Ok(item) => {
                if seen.insert(item.entry.id.clone()) {
                    picked.push(item);
                }
            }
            Err(e) => ctx.fail(text, e),
        }
    }
    if picked.is_empty() {
        return Ok(());
    }
    if !args.yes {
        confirm(&picked)?;
    }
    let ids: Vec<String> = picked.iter().map(|i| i.entry.id.clone()).collect();
    let bar = ctx.progress(None, &format!("deleting {}", items(ids.len())));
    let outcome = ctx.client.image_delete(&ids).await;
    bar.finish_and_clear();
    let (done, failure) = match outcome {
        Ok(()) => (ids.len(), None),
        Err(e) => (e.completed, Some(e.error)),
    };
    for (i, item) in picked.iter().enumerate() {
        match (i < done, &failure) {
            (false, Some(e)) => ctx.fail(&item.path, e.clone()),
            _ => {
                ctx.note(format!("deleted {}", item.path));
                ctx.result(json!({ "id": item.entry.id, "path": item.path }));
            }
        }
    }
    ctx.summary(format!("{} deleted for good", items(done)));
    Ok(())
}

/// Asks on a terminal; refuses outright when stdin is not one.
fn confirm(picked: &[ResolvedImage]) -> CmdResult {
    let count = items(picked.len());
    if !std::io::stdin().is_terminal() {
        return Err(CmdError::usage(format!(
            "refusing to delete {count} for good without --yes (stdin is not a terminal)"
        )));
    }
    let mut err = std::io::stderr();
    for item in picked.iter().take(10) {
        let _ = writeln!(err, "  {}", item.path);
    }
    if picked.len() > 10 {
        let _ = writeln!(err, "  … and {} more", picked.len() - 10);
    }
    let _ = write!(
        err,
        "Delete {count} from the image space for good? There is no trash and their links stop \
         working. [y/N] "
    );
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| CmdError::failure(format!("cannot read the answer: {e}")))?;
    match answer.trim().to_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(CmdError {
            status: Status::Failure,
            message: "cancelled; nothing was deleted".into(),
        }),
    }
}
