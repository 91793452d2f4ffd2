//! `panfm img ls [-l] [--json] [PATH]`: one image folder's items (folders first, natural name
//! order, as the panes sort), or one image. JSON items carry their public link when the
//! listing gives it.

use super::super::ctx::Ctx;
use super::super::exit::CmdResult;
use super::super::output::{Table, local_time, size};
use super::{display_name, entry_json, kind};
use crate::api::ImageEntry;
use crate::cli::ImgLsArgs;
use crate::fs::resolve::ImageResolver;
use serde_json::Value;

pub async fn ls(ctx: &mut Ctx, args: ImgLsArgs) -> CmdResult {
    let mut resolver = ImageResolver::new(ctx.client.clone());
    let found = resolver.resolve(&args.path).await?;
    let (entries, dir) = match found.entry.is_dir() {
        true => {
            let mut items = resolver.children(&found.entry.id).await?.to_vec();
            items.sort_by_cached_key(|e| {
                (
                    !e.is_dir(),
                    crate::fs::natural::sort_key(&e.name),
                    e.id.clone(),
                )
            });
            (items, true)
        }
        false => (vec![found.entry.clone()], false),
    };
    let path_of = |e: &ImageEntry| match dir {
        true => found.child_path(&e.name),
        false => found.path.clone(),
    };
    if args.json {
        let items: Vec<Value> = entries.iter().map(|e| entry_json(e, &path_of(e))).collect();
        ctx.print_json(&items);
        return Ok(());
    }
    let text = match args.long {
        true => {
            let mut table = Table::new(&[1]);
            for e in &entries {
                let size_cell = match e.is_dir() {
                    true => "-".to_owned(),
                    false => size(e.size),
                };
                let mut name = display_name(e);
                if e.is_rejected() {
                    name.push_str(" [rejected]");
                }
                let when = local_time(e.updated_at.or(e.created_at));
                table.row(vec![kind(e).to_owned(), size_cell, when, name]);
            }
            table.render()
        }
        false => entries.iter().map(|e| display_name(e) + "\n").collect(),
    };
    ctx.print(&text);
    Ok(())
}
