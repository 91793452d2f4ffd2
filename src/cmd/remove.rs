//! `panfm rm PATH...`: moves items to the recycle bin (`file/trash`, 100 ids a call). Nothing
//! is deleted for good here; `panfm trash purge` does that.

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::items;
use crate::api::ROOT_DIR;
use crate::cli::RmArgs;
use crate::fs::resolve::Resolved;
use serde_json::json;
use std::collections::HashSet;

pub async fn rm(ctx: &mut Ctx, args: RmArgs) -> CmdResult {
    ctx.start_report(args.json);
    let mut picked: Vec<Resolved> = Vec::new();
    let mut seen = HashSet::new();
    for text in &args.paths {
        match ctx.resolver.resolve(text).await {
            Ok(item) if item.entry.id == ROOT_DIR => {
                ctx.fail(text, CmdError::failure("cannot trash the root folder"));
            }
            Ok(item) => {
                if seen.insert(item.entry.id) {
                    picked.push(item);
                }
            }
            Err(e) => ctx.fail(text, e),
        }
    }
    if picked.is_empty() {
        return Ok(());
    }
    let ids: Vec<_> = picked.iter().map(|i| i.entry.id).collect();
    let bar = ctx.progress(None, &format!("trashing {}", items(ids.len())));
    let outcome = ctx.client.trash(&ids).await;
    bar.finish_and_clear();
    let (done, failure) = match outcome {
        Ok(()) => (ids.len(), None),
        Err(e) => (e.completed, Some(e.error)),
    };
    for (i, item) in picked.iter().enumerate() {
        match (&failure, i < done) {
            (Some(e), false) => ctx.fail(&item.path, e.clone()),
            _ => {
                ctx.note(format!("trashed {}", item.path));
                ctx.result(json!({ "id": item.entry.id, "path": item.path }));
            }
        }
    }
    ctx.summary(format!("{} moved to the trash", items(done)));
    Ok(())
}
