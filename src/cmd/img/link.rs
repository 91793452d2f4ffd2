//! `panfm img link [--markdown] [--json] PATH...`: the public link of each image (the
//! account's own domain when it has one), from the image's details, one per line — or as
//! Markdown image lines. A folder stands for the images directly in it.

use super::super::ctx::Ctx;
use super::super::exit::{CmdError, CmdResult};
use crate::api::ImageEntry;
use crate::cli::ImgLinkArgs;
use crate::fs::img::{markdown_link, public_url};
use crate::fs::resolve::ImageResolver;
use futures::StreamExt;
use serde_json::json;

/// Detail calls in flight at once (each still passes the client's rate limiter).
const IN_FLIGHT: usize = 4;

pub async fn link(ctx: &mut Ctx, args: ImgLinkArgs) -> CmdResult {
    ctx.start_report(args.json);
    let mut resolver = ImageResolver::new(ctx.client.clone());
    let mut targets: Vec<(String, ImageEntry)> = Vec::new();
    for text in &args.paths {
        let found = match resolver.resolve(text).await {
            Ok(found) => found,
            Err(e) => {
                ctx.fail(text, e);
                continue;
            }
        };
        if !found.entry.is_dir() {
            targets.push((found.path.clone(), found.entry));
            continue;
        }
        let mut images: Vec<ImageEntry> = resolver
            .children(&found.entry.id)
            .await?
            .iter()
            .filter(|e| !e.is_dir())
            .cloned()
            .collect();
        if images.is_empty() {
            ctx.fail(&found.path, CmdError::failure("no images in this folder"));
        }
        images.sort_by_cached_key(|e| crate::fs::natural::sort_key(&e.name));
        targets.extend(images.into_iter().map(|e| (found.child_path(&e.name), e)));
    }
    let client = ctx.client.clone();
    let fetched: Vec<_> = futures::stream::iter(targets)
        .map(|(path, e)| {
            let client = client.clone();
            async move {
                let url = client.image_detail(&e.id).await.map(|d| public_url(&d));
                (path, e, url)
            }
        })
        .buffered(IN_FLIGHT)
        .collect()
        .await;
    for (path, e, url) in fetched {
        let url = match url {
            Ok(Some(url)) => url,
            Ok(None) => {
                ctx.fail(&path, CmdError::failure("the server gave no link for it"));
                continue;
            }
            Err(err) => {
                ctx.fail(&path, err);
                continue;
            }
        };
        let markdown = markdown_link(&e.name, &url);
        if !args.json {
            let line = if args.markdown { &markdown } else { &url };
            ctx.print(&format!("{line}\n"));
        }
        ctx.result(json!({
            "path": path, "id": e.id, "name": e.name, "url": url, "markdown": markdown,
        }));
    }
    Ok(())
}
