//! `panfm img mv PATH... DIR` and `panfm img rm [--yes] PATH...`. Moves are checked before
//! anything is sent (the root, a folder into itself or below itself, an item already there, a
//! name the destination or an earlier item has) and sent 100 ids a call. Deletes are for good
//! — the image space has no trash — so they ask first on a terminal and need `--yes`
//! otherwise.

use super::super::batch::{Item, delete_for_good, pick, pick_into, report, send};
use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::output::items;
use crate::cli::{ImgPathsArgs, ImgRmArgs};
use crate::fs::resolve::ImageResolver;
use serde_json::json;
use std::collections::HashSet;

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
    let resolve = async |_: &mut Ctx, text: &str| Ok(resolver.resolve(text).await?);
    let picked = pick_into(ctx, sources, &mut taken, resolve, |item, taken| {
        if item.is_root() {
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
        }
    })
    .await;
    if picked.is_empty() {
        return Ok(());
    }
    let outcome = send(ctx, &picked, "moving", async |client, ids| {
        client.image_move(ids, &dest.entry.id).await
    })
    .await;
    let done = report(ctx, &picked, outcome, |ctx, item| {
        let to = dest.child_path(&item.entry.name);
        ctx.note(format!("{} → {to}", item.path));
        ctx.result(json!({ "id": item.entry.id, "from": item.path, "to": to }));
    });
    ctx.summary(format!("{} moved to {}", items(done), dest.path));
    Ok(())
}

pub async fn rm(ctx: &mut Ctx, args: ImgRmArgs) -> CmdResult {
    ctx.start_report(args.json);
    let mut resolver = ImageResolver::new(ctx.client.clone());
    let root = CmdError::failure("cannot delete the root folder");
    let resolve = async |_: &mut Ctx, text: &str| Ok(resolver.resolve(text).await?);
    let picked = pick(ctx, &args.paths, Some(root), resolve).await;
    if picked.is_empty() {
        return Ok(());
    }
    let question = "from the image space for good? There is no trash and their links stop working.";
    delete_for_good(ctx, &picked, args.yes, question, async |client, ids| {
        client.image_delete(ids).await
    })
    .await
}
