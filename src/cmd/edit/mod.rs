//! `panfm edit PATH`: F4's round trip from a shell. The cloud file is downloaded through the
//! transfer engine into a private folder (verified against its etag), opened in the user's
//! editor, and — when the save changed its MD5 and the drive still holds the file as it was
//! opened — uploaded back over it. A file that changed on the drive meanwhile is asked about
//! on a terminal, or settled by `--on-conflict`; without either the copy is kept. The copy is
//! removed after a verified upload or an unchanged save and kept, its path printed, otherwise.
//! Exit 0: uploaded or unchanged; 1: anything else (the copy's path on stderr).

mod ask;
mod engine;

use crate::cli::EditArgs;
use crate::cmd::ctx::Ctx;
use crate::cmd::exit::{CmdError, CmdResult};
use crate::cmd::output::{blocked, size};
use crate::edit::{AfterEdit, Closed, Editor, OnDrift, after_edit, drift};
use crate::transfer::CloudItem;
use engine::Engine;
use std::path::Path;

pub async fn edit(ctx: &mut Ctx, args: EditArgs) -> CmdResult {
    ctx.client.authenticate().await?;
    let found = ctx.resolver.resolve(&args.path).await?;
    let shown = found.path.clone();
    if found.entry.is_dir() {
        return Err(CmdError::usage(format!(
            "{shown} is a folder; edit opens files"
        )));
    }
    if blocked(&found.entry) {
        return Err(CmdError::failure(format!(
            "{shown}: rejected by review or blocked; 123pan won't serve it"
        )));
    }
    let file = CloudItem::from(&found.entry);
    if file.size > crate::edit::BIG && !args.yes {
        ask::big(&shown, file.size)?;
    }
    let dir = crate::edit::private_dir()
        .map_err(|e| CmdError::failure(format!("cannot make a private folder: {e}")))?;
    let mut engine = Engine::start(ctx)?;
    let what = format!("downloading {}", file.name);
    let spec = crate::edit::download_spec(file.clone(), &dir);
    if let Err(e) = engine.run(ctx, spec, (&what, file.size)).await {
        remove(&dir);
        return Err(CmdError {
            message: format!("cannot download {shown}: {}", e.message),
            ..e
        });
    }
    let copy = crate::edit::copy_path(&dir, &file);
    let closed = open(&copy, ctx.editor.clone()).await;
    let sum = match after_edit(&closed, &file.etag) {
        AfterEdit::Unchanged { editor } => {
            remove(&dir);
            return match editor {
                None => {
                    ctx.summary(format!("{shown} unchanged: nothing uploaded"));
                    Ok(())
                }
                Some(why) => Err(CmdError::failure(format!(
                    "{why}; {shown} unchanged, nothing uploaded"
                ))),
            };
        }
        AfterEdit::Keep(why) => return Err(kept(&why, &copy)),
        AfterEdit::Changed(sum) => sum,
    };
    let parent = found.entry.parent_id;
    let headline = match ctx.client.infos(&[file.id]).await {
        Ok(found) => {
            let now = found.into_iter().find(|e| e.id == file.id);
            drift(&file, parent, now.as_ref())
                .map(|why| format!("{shown} changed on the drive since it was opened: {why}"))
        }
        Err(e) => Some(format!(
            "cannot check {shown} on the drive before uploading: {e}"
        )),
    };
    let how = match headline {
        None => OnDrift::Overwrite,
        Some(headline) => ask::drift(&headline, &copy, args.on_conflict.map(Into::into))?,
    };
    let Some(policy) = how.policy() else {
        return Err(kept("nothing uploaded as asked", &copy));
    };
    let spec = crate::edit::upload_spec(&copy, parent, policy);
    let what = format!("uploading {}", file.name);
    if let Err(e) = engine.run(ctx, spec, (&what, sum.size)).await {
        return Err(CmdError {
            message: format!(
                "cannot upload {shown}: {}; the edited copy is kept at {}",
                e.message,
                copy.display()
            ),
            ..e
        });
    }
    remove(&dir);
    let beside = match how {
        OnDrift::KeepBoth => " beside the changed one",
        _ => "",
    };
    ctx.summary(format!("uploaded {shown} ({}){beside}", size(sum.size)));
    Ok(())
}

/// The editor on `copy`, on the blocking pool; the copy hashed when it exits.
async fn open(copy: &Path, editor: Editor) -> Closed {
    let file = copy.to_owned();
    tokio::task::spawn_blocking(move || Closed::run(&editor, &file, true))
        .await
        .unwrap_or_else(|e| Closed {
            editor: Err(format!("the editor's task failed: {e}")),
            after: Some(Err(e.to_string())),
        })
}

fn kept(why: &str, copy: &Path) -> CmdError {
    CmdError::failure(format!(
        "{why}; the edited copy is kept at {}",
        copy.display()
    ))
}

fn remove(dir: &Path) {
    if let Err(e) = crate::edit::remove_dir(dir) {
        tracing::warn!("cannot remove {}: {e}", dir.display());
    }
}
