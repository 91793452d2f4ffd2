//! `panfm mkdir [-p] PATH...`: names are checked against the 123pan rules before any call;
//! with `-p` missing parents are created and existing folders are fine (the walk is
//! `fs::mkdir_p`'s, which the TUI shares).

use super::batch::Item;
use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult};
use super::output::count;
use crate::cli::MkdirArgs;
use crate::fs::mkdir_p::{MkdirError, make_cloud};
use crate::fs::resolve::{CloudPath, ResolveError, Resolved, Want};
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
    let base = CloudPath {
        base: path.base,
        names: Vec::new(),
    };
    if path.names.is_empty() {
        return match parents {
            true => Ok((ctx.resolver.resolve_dir(text).await?, 0)),
            false => Err(CmdError::failure("already exists")),
        };
    }
    let start = match ctx.resolver.resolve_path(&base, Want::Live).await? {
        found if found.entry.is_dir() => found,
        found => return Err(ResolveError::NotADir(found.path).into()),
    };
    let made = make_cloud(&mut ctx.resolver, &ctx.client, start, &path.names, parents).await?;
    Ok((made.dir, made.made.len()))
}

impl From<MkdirError> for CmdError {
    fn from(e: MkdirError) -> Self {
        match e {
            MkdirError::Invalid(why) => CmdError::usage(format!("invalid name: {why}")),
            MkdirError::Exists => CmdError::failure("already exists"),
            MkdirError::Path(e) => e.into(),
            MkdirError::ImagePath(e) => e.into(),
            MkdirError::Images(e) => CmdError::failure(e.message),
        }
    }
}
