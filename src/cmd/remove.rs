//! `panfm rm PATH...`: moves items to the recycle bin (`file/trash`, 100 ids a call). Nothing
//! is deleted for good here; `panfm trash purge` does that.

use super::batch::{drive_item, pick, report, send};
use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::items;
use crate::cli::RmArgs;
use serde_json::json;

pub async fn rm(ctx: &mut Ctx, args: RmArgs) -> CmdResult {
    ctx.start_report(args.json);
    let root = CmdError::failure("cannot trash the root folder");
    let picked = pick(ctx, &args.paths, Some(root), drive_item).await;
    if picked.is_empty() {
        return Ok(());
    }
    let outcome = send(ctx, &picked, "trashing", async |client, ids| {
        client.trash(ids).await
    })
    .await;
    let done = report(ctx, &picked, outcome, |ctx, item| {
        ctx.note(format!("trashed {}", item.path));
        ctx.result(json!({ "id": item.entry.id, "path": item.path }));
    });
    ctx.summary(format!("{} moved to the trash", items(done)));
    Ok(())
}
