//! `panfm img upload LOCAL... DIR` and `panfm img copy-from-drive DRIVE_PATH... IMG_DIR`.
//! Uploads check every file first (name, 100 MiB, content matching the name): each refusal is
//! one stderr line and makes the exit status 1, while the acceptable images still go up, one
//! by one. Copies from the drive are server-side tasks of up to 100 drive items; the server
//! skips non-images silently and lists the images it could not copy.

use super::super::batch::{drive_item, pick};
use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::output::items;
use crate::cli::{ImgPathsArgs, ImgUploadArgs};
use crate::fs::img::ImgFs;
use crate::fs::img_upload::plan_upload;
use crate::fs::resolve::{ImageResolver, join};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

pub async fn upload(ctx: &mut Ctx, args: ImgUploadArgs) -> CmdResult {
    ctx.start_report(args.json);
    let Some((dest_text, locals)) = args.paths.split_last() else {
        return Err(CmdError::usage(
            "give the local files and then the image folder",
        ));
    };
    let dest = ImageResolver::new(ctx.client.clone())
        .resolve_dir(dest_text)
        .await?;
    let roots: Vec<PathBuf> = locals.iter().map(PathBuf::from).collect();
    let plan = tokio::task::spawn_blocking(move || plan_upload(&roots))
        .await
        .map_err(|e| CmdError::failure(format!("internal error: {e}")))?;
    for (path, why) in &plan.refused {
        ctx.fail(path, CmdError::failure(why.clone()));
    }
    if plan.files.is_empty() {
        return Ok(());
    }
    let local_of: HashMap<String, PathBuf> = plan
        .files
        .iter()
        .map(|f| (f.display(), f.path.clone()))
        .collect();
    let bar = ctx.progress(Some(plan.files.len() as u64), "uploading images");
    let ticker = bar.clone();
    let fs = ImgFs::new(ctx.client.clone());
    let out = fs
        .upload_plan(&plan, &dest.dir(), &mut move |n| {
            ticker.set_position(n as u64)
        })
        .await;
    bar.finish_and_clear();
    for (shown, id) in &out.ok {
        let to = join(&dest.path, shown);
        let local = local_of
            .get(shown)
            .map(|p| crate::fs::local::display_name(p.as_os_str()))
            .unwrap_or_default();
        ctx.note(format!("{local} → {to}"));
        ctx.result(json!({ "local": local, "path": to, "id": id }));
    }
    for (shown, why) in out.failed {
        ctx.fail(&shown, CmdError::failure(why));
    }
    let uploaded = items(out.ok.len()).replace("item", "image");
    ctx.summary(format!("{uploaded} uploaded to {}", dest.path));
    Ok(())
}

pub async fn copy_from_drive(ctx: &mut Ctx, args: ImgPathsArgs) -> CmdResult {
    ctx.start_report(args.json);
    let Some((dest_text, sources)) = args.paths.split_last() else {
        return Err(CmdError::usage(
            "give the drive items and then the image folder",
        ));
    };
    let dest = ImageResolver::new(ctx.client.clone())
        .resolve_dir(dest_text)
        .await?;
    let root = CmdError::usage("name folders below the root, not the whole drive");
    let picked = pick(ctx, sources, Some(root), drive_item).await;
    if picked.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = picked.iter().map(|i| i.entry.id).collect();
    let bar = ctx.progress(None, &format!("copying {} in", items(ids.len())));
    let fs = ImgFs::new(ctx.client.clone());
    let out = fs.copy_from_drive(&ids, &dest.dir(), &mut |_| {}).await;
    bar.finish_and_clear();
    let path_of = |id: i64| picked.iter().find(|i| i.entry.id == id).map(|i| &i.path);
    let mut failed_ids = HashSet::new();
    for (chunk, reason) in &out.failed {
        for id in chunk {
            failed_ids.insert(*id);
            let shown = path_of(*id).cloned().unwrap_or_else(|| format!("id:{id}"));
            ctx.fail(&shown, CmdError::failure(reason.clone()));
        }
    }
    for (id, name, reason) in &out.not_copied {
        let shown = path_of(*id).cloned().unwrap_or_else(|| name.clone());
        ctx.fail(&shown, CmdError::failure(reason.clone()));
    }
    for item in picked.iter().filter(|i| !failed_ids.contains(&i.entry.id)) {
        ctx.note(format!("{} → {}", item.path, dest.path));
        ctx.result(json!({ "id": item.entry.id, "from": item.path, "to": dest.path }));
    }
    ctx.summary(format!(
        "{} sent to {}; the server copied the images among them ({} not copied)",
        items(out.covered),
        dest.path,
        out.not_copied.len()
    ));
    Ok(())
}
