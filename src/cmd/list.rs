//! `panfm ls` and `panfm stat`: one folder's entries, one item's details.
//!
//! `ls` hides names starting with a dot unless `-a`, like `ls` and the panes; entries rejected
//! by review or blocked are always listed, marked `[blocked]` (`"blocked": true` in JSON),
//! because hiding them would make a folder look emptier than it is. A file argument lists just
//! that file.

use super::ctx::Ctx;
use super::exit::CmdResult;
use super::output::{
    Table, blocked, display_name, entry_json, kind, local_time, size, sort_entries,
};
use crate::api::{FileEntry, ROOT_DIR};
use crate::cli::{LsArgs, StatArgs};
use crate::fs::resolve::join;
use serde_json::Value;

pub async fn ls(ctx: &mut Ctx, args: LsArgs) -> CmdResult {
    let found = ctx.resolver.resolve(&args.path).await?;
    let (entries, dir): (Vec<FileEntry>, Option<&str>) = match found.entry.is_dir() {
        true => {
            let children = ctx.resolver.children(found.entry.id).await?;
            let mut shown: Vec<FileEntry> = children
                .iter()
                .filter(|e| !e.trashed && (args.all || !e.name.starts_with('.')))
                .cloned()
                .collect();
            sort_entries(&mut shown);
            (shown, Some(found.path.as_str()))
        }
        false => (vec![found.entry.clone()], None),
    };
    let path_of = |e: &FileEntry| dir.map_or_else(|| found.path.clone(), |d| join(d, &e.name));
    if args.json {
        let items: Vec<Value> = entries.iter().map(|e| entry_json(e, &path_of(e))).collect();
        ctx.print_json(&items);
        return Ok(());
    }
    let text = match args.long {
        true => long_listing(&entries),
        false => entries
            .iter()
            .map(|e| display_name(e) + "\n")
            .collect::<String>(),
    };
    ctx.print(&text);
    Ok(())
}

fn long_listing(entries: &[FileEntry]) -> String {
    let mut table = Table::new(&[1]);
    for e in entries {
        let (size_cell, md5) = match e.is_dir() {
            true => ("-".to_owned(), "-".to_owned()),
            false => (size(e.size), e.etag.clone()),
        };
        let mut name = display_name(e);
        if blocked(e) {
            name.push_str(" [blocked]");
        }
        let when = local_time(e.updated_at.or(e.created_at));
        table.row(vec![kind(e).to_owned(), size_cell, when, md5, name]);
    }
    table.render()
}

pub async fn stat(ctx: &mut Ctx, args: StatArgs) -> CmdResult {
    let found = ctx.resolver.resolve(&args.path).await?;
    let mut entry = found.entry.clone();
    let mut size_note = "";
    if entry.id == ROOT_DIR {
        // The root has no detail of its own; the account's figure is the drive's total. (The
        // documents don't say whether it counts the trash; the mock's does.)
        entry.size = ctx.client.user_info().await?.space_used;
        size_note = ", the account's space used";
    } else if entry.is_dir() {
        // Listings give folders size 0; the detail call adds up their contents.
        let detail = ctx.client.detail(entry.id).await?;
        entry.size = detail.size;
    }
    if args.json {
        ctx.print_json(&entry_json(&entry, &found.path));
        return Ok(());
    }
    let state = match (entry.is_rejected(), entry.punished) {
        (true, _) => "rejected by review",
        (false, true) => "blocked",
        (false, false) => "ok",
    };
    let mut table = Table::new(&[]);
    let rows = [
        ("path", found.path.clone()),
        ("id", entry.id.to_string()),
        ("type", kind(&entry).to_owned()),
        (
            "size",
            format!("{} ({} bytes{size_note})", size(entry.size), entry.size),
        ),
        (
            "md5",
            Some(entry.etag.clone())
                .filter(|s| !s.is_empty())
                .unwrap_or("-".into()),
        ),
        ("parent", entry.parent_id.to_string()),
        ("created", local_time(entry.created_at)),
        ("modified", local_time(entry.updated_at)),
        ("state", state.to_owned()),
    ];
    for (k, v) in rows {
        table.row(vec![k.to_owned(), v]);
    }
    ctx.print(&table.render());
    Ok(())
}
