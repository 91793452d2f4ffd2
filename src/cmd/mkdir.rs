//! `panfm mkdir [-p] PATH...`: names are checked against the 123pan rules before any call;
//! with `-p` missing parents are created and existing folders are fine. A clash the server
//! reports (someone created the name meanwhile) is settled by listing again, as API.md §8.19
//! advises.

use super::batch::Item;
use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::count;
use crate::api::{ApiErrorKind, FileEntry, FileId, FileKind};
use crate::cli::MkdirArgs;
use crate::fs::resolve::{CloudPath, ResolveError, Resolved, Want, root_entry};
use crate::plan::validate_cloud_name;
use serde_json::json;

pub async fn mkdir(ctx: &mut Ctx, args: MkdirArgs) -> CmdResult {
    let parents = args.parents;
    make_each(ctx, &args, async |ctx: &mut Ctx, text: &str| {
        make(ctx, text, parents).await
    })
    .await
}

/// Runs `make` (the folder at a path and how many folders it created) on every path given and
/// reports each, then the total: the steps `mkdir` and `img mkdir` share.
pub(super) async fn make_each<T: Item>(
    ctx: &mut Ctx,
    args: &MkdirArgs,
    mut make: impl AsyncFnMut(&mut Ctx, &str) -> CmdResult<(T, usize)>,
) -> CmdResult {
    ctx.start_report(args.json);
    let mut created = 0;
    for text in &args.paths {
        match make(ctx, text).await {
            Ok((found, made)) => {
                if made > 0 {
                    ctx.note(format!("created {}", found.path()));
                }
                created += made;
                let result = json!({ "path": found.path(), "id": found.id(), "created": made > 0 });
                ctx.result(result);
            }
            Err(e) => ctx.fail(text, e),
        }
    }
    ctx.summary(format!("{} created", count(created, "folder")));
    Ok(())
}

/// The folder at `text` and how many folders were created to get there.
async fn make(ctx: &mut Ctx, text: &str, parents: bool) -> CmdResult<(Resolved, usize)> {
    let path = CloudPath::parse(text)?;
    if path.names.is_empty() {
        return match parents {
            true => Ok((ctx.resolver.resolve_dir(text).await?, 0)),
            false => Err(CmdError::failure("already exists")),
        };
    }
    if !parents {
        let (parent, name) = (parent_of(&path), path.names[path.names.len() - 1].clone());
        let dir = resolve_dir(ctx, &parent).await?;
        return create(ctx, &dir, &name, false).await.map(|r| (r, 1));
    }
    let mut at = resolve_dir(
        ctx,
        &CloudPath {
            base: path.base,
            names: Vec::new(),
        },
    )
    .await?;
    let mut made = 0;
    for (depth, name) in path.names.iter().enumerate() {
        let prefix = CloudPath {
            base: path.base,
            names: path.names[..=depth].to_vec(),
        };
        at = match ctx.resolver.resolve_path(&prefix, Want::Live).await {
            Ok(found) if found.entry.is_dir() => found,
            Ok(found) => return Err(ResolveError::NotADir(found.path).into()),
            Err(ResolveError::NotFound { .. } | ResolveError::InTrash(_)) => {
                made += 1;
                create(ctx, &at, name, true).await?
            }
            Err(e) => return Err(e.into()),
        };
    }
    Ok((at, made))
}

fn parent_of(path: &CloudPath) -> CloudPath {
    path.split_last()
        .map_or_else(|| path.clone(), |(parent, _)| parent)
}

async fn resolve_dir(ctx: &mut Ctx, path: &CloudPath) -> CmdResult<Resolved> {
    let found = ctx.resolver.resolve_path(path, Want::Live).await?;
    match found.entry.is_dir() {
        true => Ok(found),
        false => Err(ResolveError::NotADir(found.path).into()),
    }
}

/// Creates `name` in `dir`. With `existing_ok`, a clash with a folder counts as success.
async fn create(
    ctx: &mut Ctx,
    dir: &Resolved,
    name: &str,
    existing_ok: bool,
) -> CmdResult<Resolved> {
    validate_cloud_name(name).map_err(|e| CmdError::usage(format!("invalid name: {e}")))?;
    let full = dir.child_path(name);
    let children = ctx.resolver.children(dir.entry.id).await?;
    if children.iter().any(|e| !e.trashed && e.name == name) && !existing_ok {
        return Err(CmdError::failure("already exists"));
    }
    match ctx.client.mkdir(dir.entry.id, name).await {
        Ok(id) => {
            let entry = new_dir(id, name, dir.entry.id);
            ctx.resolver.learn(entry.clone());
            let ancestors = dir.ancestors.clone().map(|mut a| {
                a.push(dir.entry.id);
                a
            });
            Ok(Resolved {
                entry,
                path: full,
                ancestors,
            })
        }
        Err(e) if e.kind == ApiErrorKind::Conflict && existing_ok => {
            ctx.resolver.forget(dir.entry.id);
            let again = CloudPath::parse(&full)?;
            let found = ctx.resolver.resolve_path(&again, Want::Live).await?;
            match found.entry.is_dir() {
                true => Ok(found),
                false => Err(ResolveError::NotADir(found.path).into()),
            }
        }
        Err(e) if e.kind == ApiErrorKind::Conflict => Err(CmdError::failure("already exists")),
        Err(e) => Err(e.into()),
    }
}

fn new_dir(id: FileId, name: &str, parent: FileId) -> FileEntry {
    FileEntry {
        id,
        name: name.to_owned(),
        parent_id: parent,
        kind: FileKind::Dir,
        ..root_entry()
    }
}
