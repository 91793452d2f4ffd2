//! `panfm rm PATH...`: moves items to the recycle bin (`file/trash`, 100 ids a call). Nothing
//! is deleted for good here; `panfm trash purge` does that.

use super::batch::{pick, report};
use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::items;
use crate::cli::RmArgs;
use serde_json::json;

pub async fn rm(ctx: &mut Ctx, args: RmArgs) -> CmdResult {
    ctx.start_report(args.json);
    let root = CmdError::failure("cannot trash the root folder");
    let picked = pick(
        ctx,
        &args.paths,
        Some(root),
        async |ctx: &mut Ctx, text: &str| Ok(ctx.resolver.resolve(text).await?),
    )
    .await;
    if picked.is_empty() {
        return Ok(());
    }
    let ids: Vec<_> = picked.iter().map(|i| i.entry.id).collect();
    let bar = ctx.progress(None, &format!("trashing {}", items(ids.len())));
    let outcome = ctx.client.trash(&ids).await;
    bar.finish_and_clear();
    let done = report(ctx, &picked, outcome, |ctx, item| {
        ctx.note(format!("trashed {}", item.path));
        ctx.result(json!({ "id": item.entry.id, "path": item.path }));
    });
    ctx.summary(format!("{} moved to the trash", items(done)));
    Ok(())
}
