//! `panfm direct-link url|enable|disable|log`. A file outside every folder with direct-link
//! space has no link; the error names its folder and the command that turns the space on.

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use super::super::output::{Table, size};
use crate::api::{ApiErrorKind, ROOT_DIR};
use crate::cli::{DirectLinkDirArgs, DirectLinkLogArgs, DirectLinkUrlArgs};
use crate::fs::local::sanitize_name;
use serde_json::json;

pub async fn url(ctx: &mut Ctx, args: DirectLinkUrlArgs) -> CmdResult {
    ctx.start_report(args.json);
    for text in &args.paths {
        let found = match ctx.resolver.resolve(text).await {
            Ok(found) => found,
            Err(e) => {
                ctx.fail(text, e);
                continue;
            }
        };
        if found.entry.is_dir() {
            let why = "is a folder: direct links are for files";
            ctx.fail(&found.path, CmdError::failure(why));
            continue;
        }
        match ctx.client.direct_link_url(found.entry.id).await {
            Ok(url) => {
                if !args.json {
                    ctx.print(&format!("{url}\n"));
                }
                ctx.result(json!({ "path": found.path, "id": found.entry.id, "url": url }));
            }
            Err(e) if e.kind == ApiErrorKind::Fatal => {
                let folder = parent_of(&found.path);
                let why = format!(
                    "no direct link ({}): its folder needs direct-link space: \
                     panfm direct-link enable {folder}",
                    e.message
                );
                ctx.fail(&found.path, CmdError::failure(why));
            }
            Err(e) => ctx.fail(&found.path, e),
        }
    }
    Ok(())
}

/// The folder part of a resolved path (`/a/b` for `/a/b/c`); `id:N/x` paths keep their form.
fn parent_of(path: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) => "/".to_owned(),
        Some((dir, _)) => dir.to_owned(),
        None => "its folder".to_owned(),
    }
}

pub async fn switch(ctx: &mut Ctx, args: DirectLinkDirArgs, on: bool) -> CmdResult {
    ctx.start_report(args.json);
    let found = ctx.resolver.resolve_dir(&args.dir).await?;
    if found.entry.id == ROOT_DIR {
        return Err(CmdError::usage(
            "direct-link space is set on a folder, not on the root",
        ));
    }
    let name = match on {
        true => ctx.client.direct_link_enable(found.entry.id).await?,
        false => ctx.client.direct_link_disable(found.entry.id).await?,
    };
    let state = if on { "on" } else { "off" };
    ctx.result(json!({ "path": found.path, "id": found.entry.id, "name": name, "enabled": on }));
    ctx.summary(format!("Direct-link space of {} is {state}", found.path));
    Ok(())
}

pub async fn log(ctx: &mut Ctx, args: DirectLinkLogArgs) -> CmdResult {
    let entries = ctx.client.direct_link_log().await?;
    if args.json {
        let all: Vec<_> = entries
            .iter()
            .map(|e| {
                json!({
                    "id": e.id, "name": e.name, "size": e.size, "path": e.path,
                    "url": e.url, "source": e.source, "traffic": e.traffic,
                })
            })
            .collect();
        ctx.print_json(&all);
        return Ok(());
    }
    if entries.is_empty() {
        ctx.summary("Nothing served by direct links in the last three days");
        return Ok(());
    }
    let mut table = Table::new(&[0, 1]);
    table.row(
        ["TRAFFIC", "SIZE", "PATH", "URL"]
            .map(str::to_owned)
            .to_vec(),
    );
    for e in &entries {
        table.row(vec![
            size(e.traffic),
            size(e.size),
            sanitize_name(&e.path),
            e.url.clone(),
        ]);
    }
    ctx.print(&table.render());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parent_of;

    #[test]
    fn folders_of_paths() {
        assert_eq!(parent_of("/a/b/c.txt"), "/a/b");
        assert_eq!(parent_of("/c.txt"), "/");
        assert_eq!(parent_of("id:5"), "its folder");
    }
}
