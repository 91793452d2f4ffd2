//! `panfm trash ls|restore|purge` (and `panfm restore`).
//!
//! `trash ls` reads the recycle bin's own listing (the legacy `file/list` with `trashed=true`,
//! see `api::recycle`: one page of 100 every 5 s on the free tier, usually a whole trash) and
//! names each item by its original path, asking `detail` once per folder it has not seen. When
//! that listing fails, or with `--scan`, it walks the live folders below PATH instead (trashed
//! items stay in their old folder's v2 listing with `trashed: 1`), which costs one list call
//! per 100 entries of every folder. Items inside a trashed folder are not listed separately:
//! restoring the folder restores them.
//!
//! Items are named by their original path (`/a/old.txt`), `id:N`, or a bare id as `trash ls`
//! prints it. Restore puts items back where they were; when that folder is gone or trashed the
//! server refuses (`abnormalFileIDs`), and the message points to `--to DIR`, which restores
//! everything given into DIR instead. Purge deletes for good, after a confirmation.

use super::batch::{delete_for_good, pick};
use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::{Table, entry_json, items, kind, local_time, size};
use super::walk::walk;
use crate::api::{FileEntry, FileId, ROOT_DIR, TRASH_PAGE_LIMIT};
use crate::cli::{PurgeArgs, RestoreArgs, TrashLsArgs};
use crate::fs::resolve::{Resolved, Want, join};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

pub async fn ls(ctx: &mut Ctx, args: TrashLsArgs) -> CmdResult {
    let root = ctx.resolver.resolve_dir(&args.path).await?;
    let mut found = match args.scan {
        true => walked(ctx, &root).await,
        false => match recycle_bin(ctx, &root.path).await {
            Ok(found) => found,
            Err(e) => {
                ctx.summary(format!(
                    "the recycle bin could not be listed ({e}); walking the folders instead"
                ));
                walked(ctx, &root).await
            }
        },
    };
    found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    if args.json {
        let list: Vec<Value> = found.iter().map(|(p, e)| entry_json(e, p)).collect();
        ctx.print_json(&list);
        return Ok(());
    }
    if found.is_empty() {
        ctx.summary(format!("nothing in the trash under {}", root.path));
        return Ok(());
    }
    let mut table = Table::new(&[0, 2]);
    table.row(
        ["ID", "TYPE", "SIZE", "TRASHED", "ORIGINAL PATH"]
            .map(String::from)
            .to_vec(),
    );
    for (path, e) in &found {
        let size_cell = if e.is_dir() {
            "-".to_owned()
        } else {
            size(e.size)
        };
        let when = local_time(e.updated_at);
        table.row(vec![
            e.id.to_string(),
            kind(e).into(),
            size_cell,
            when,
            path.clone(),
        ]);
    }
    ctx.print(&table.render());
    Ok(())
}

/// Every item of the recycle bin whose original path is `under` (or below it), by that path.
async fn recycle_bin(
    ctx: &mut Ctx,
    under: &str,
) -> Result<Vec<(String, FileEntry)>, crate::api::ApiError> {
    let mut all = Vec::new();
    for page in 1u32.. {
        let got = ctx.client.trash_page(page).await?;
        let short = got.entries.len() < TRASH_PAGE_LIMIT as usize;
        all.extend(got.entries);
        if short || all.len() as u64 >= got.total {
            break;
        }
    }
    let mut folders = FolderPaths::default();
    let mut found = Vec::new();
    for e in all {
        let path = join(&folders.path_of(ctx, e.parent_id).await, &e.name);
        if under == "/" || path == under || path.starts_with(&format!("{under}/")) {
            found.push((path, e));
        }
    }
    Ok(found)
}

/// Original paths of folders by id, from `detail` (one call per folder not seen yet).
#[derive(Default)]
struct FolderPaths(HashMap<FileId, String>);

impl FolderPaths {
    /// `/a/b` for folder `id`; `id:N` for a folder the server no longer knows.
    async fn path_of(&mut self, ctx: &mut Ctx, id: FileId) -> String {
        let mut chain = Vec::new();
        let mut at = id;
        let known = loop {
            if at == ROOT_DIR {
                break "/".to_owned();
            }
            if let Some(p) = self.0.get(&at) {
                break p.clone();
            }
            if chain.iter().any(|(seen, _)| *seen == at) || chain.len() > 1024 {
                break format!("id:{at}");
            }
            match ctx.client.detail(at).await {
                Ok(d) => {
                    chain.push((at, d.name));
                    at = d.parent_id;
                }
                Err(_) => break format!("id:{at}"),
            }
        };
        let mut path = known;
        for (dir, name) in chain.into_iter().rev() {
            path = join(&path, &name);
            self.0.insert(dir, path.clone());
        }
        path
    }
}

/// The trashed items below `root`, found by walking its live folders; folders that could not
/// be listed are reported.
async fn walked(ctx: &mut Ctx, root: &Resolved) -> Vec<(String, FileEntry)> {
    let listed = walk(ctx, root.entry.id, &root.path, None, |e| !e.trashed).await;
    let mut found: Vec<(String, FileEntry)> = Vec::new();
    let mut failed: Vec<(String, String)> = Vec::new();
    for l in listed.values() {
        match &l.children {
            Ok(children) => found.extend(
                children
                    .iter()
                    .filter(|e| e.trashed)
                    .map(|e| (join(&l.path, &e.name), e.clone())),
            ),
            Err(e) => failed.push((l.path.clone(), e.to_string())),
        }
    }
    failed.sort();
    for (path, e) in failed {
        ctx.fail(&path, CmdError::failure(e));
    }
    found
}

/// Resolves each argument to a trashed item, reporting those that are not.
async fn pick_trashed(ctx: &mut Ctx, args: &[String]) -> Vec<Resolved> {
    pick(ctx, args, None, async |ctx: &mut Ctx, text: &str| {
        let spec = match text.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty() {
            true => format!("id:{text}"),
            false => text.to_owned(),
        };
        Ok(ctx.resolver.resolve_as(&spec, Want::Trashed).await?)
    })
    .await
}

pub async fn restore(ctx: &mut Ctx, args: RestoreArgs) -> CmdResult {
    ctx.start_report(args.json);
    let dest = match &args.to {
        Some(dir) => Some(ctx.resolver.resolve_dir(dir).await?),
        None => None,
    };
    let picked = pick_trashed(ctx, &args.items).await;
    if picked.is_empty() {
        return Ok(());
    }
    let ids: Vec<FileId> = picked.iter().map(|i| i.entry.id).collect();
    let stuck: HashSet<FileId> = match &dest {
        Some(dir) => {
            ctx.client.recover_to(&ids, dir.entry.id).await?;
            HashSet::new()
        }
        None => ctx.client.recover(&ids).await?.into_iter().collect(),
    };
    // A restored name can change when it was taken meanwhile; ask where each one ended up.
    let back: Vec<FileId> = ids.iter().copied().filter(|i| !stuck.contains(i)).collect();
    let now: HashMap<FileId, FileEntry> = match back.is_empty() {
        true => HashMap::new(),
        false => ctx
            .client
            .infos(&back)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect(),
    };
    let mut restored = 0;
    for item in &picked {
        if stuck.contains(&item.entry.id) {
            let why = "its original folder no longer exists or is in the trash; \
                       restore it elsewhere with --to DIR";
            ctx.fail(&item.path, CmdError::failure(why));
            continue;
        }
        let entry = now.get(&item.entry.id).unwrap_or(&item.entry);
        let to = match &dest {
            Some(dir) => dir.child_path(&entry.name),
            None => sibling(&item.path, &entry.name),
        };
        ctx.note(format!("restored {} → {to}", item.path));
        ctx.result(
            json!({ "id": entry.id, "from": item.path, "to": to, "parentId": entry.parent_id }),
        );
        restored += 1;
    }
    ctx.summary(format!("{} restored", items(restored)));
    Ok(())
}

/// `path` with its last name replaced; a bare `id:N` stays as it is.
fn sibling(path: &str, name: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) => join("/", name),
        Some((dir, _)) => join(dir, name),
        None => path.to_owned(),
    }
}

pub async fn purge(ctx: &mut Ctx, args: PurgeArgs) -> CmdResult {
    ctx.start_report(args.json);
    let picked = pick_trashed(ctx, &args.items).await;
    if picked.is_empty() {
        return Ok(());
    }
    let question = "for good? This cannot be undone.";
    delete_for_good(ctx, &picked, args.yes, question, async |client, ids| {
        client.delete(ids).await
    })
    .await
}
