//! What the commands that change many items in one go share, for drive and image-space items
//! alike: picking the items from the arguments (failures reported, the rest carry on), asking
//! before deleting for good, and reporting a batched call item by item. Batched calls go in
//! order, so when one fails the items before its `completed` count went through and the rest
//! share its error.

use super::ctx::Ctx;
use super::exit::{CmdError, CmdResult, Status};
use super::output::items;
use crate::api::{self, BatchError, ROOT_DIR};
use crate::fs::resolve::{Resolved, ResolvedImage};
use serde_json::json;
use std::collections::HashSet;
use std::hash::Hash;
use std::io::{BufRead, IsTerminal, Write};

/// A resolved drive or image-space item, as the batch commands see it.
pub trait Item {
    type Id: Eq + Hash + Clone + serde::Serialize;
    fn id(&self) -> Self::Id;
    /// How messages name it.
    fn path(&self) -> &str;
    fn name(&self) -> &str;
    fn is_root(&self) -> bool;
}

impl Item for Resolved {
    type Id = crate::api::FileId;
    fn id(&self) -> Self::Id {
        self.entry.id
    }
    fn path(&self) -> &str {
        &self.path
    }
    fn name(&self) -> &str {
        &self.entry.name
    }
    fn is_root(&self) -> bool {
        self.entry.id == ROOT_DIR
    }
}

impl Item for ResolvedImage {
    type Id = String;
    fn id(&self) -> Self::Id {
        self.entry.id.clone()
    }
    fn path(&self) -> &str {
        &self.path
    }
    fn name(&self) -> &str {
        &self.entry.name
    }
    fn is_root(&self) -> bool {
        self.trail.is_empty()
    }
}

/// A drive item at `text`, for [`pick`] and [`pick_into`].
pub async fn drive_item(ctx: &mut Ctx, text: &str) -> CmdResult<Resolved> {
    Ok(ctx.resolver.resolve(text).await?)
}

/// Resolves each argument, each item once. Failures are reported; so is the root, with
/// `root`, when given.
pub async fn pick<T: Item>(
    ctx: &mut Ctx,
    args: &[String],
    root: Option<CmdError>,
    mut resolve: impl AsyncFnMut(&mut Ctx, &str) -> CmdResult<T>,
) -> Vec<T> {
    let mut picked = Vec::new();
    let mut seen = HashSet::new();
    for text in args {
        match (resolve(ctx, text).await, &root) {
            (Ok(item), Some(refusal)) if item.is_root() => ctx.fail(text, refusal.clone()),
            (Ok(item), _) => {
                if seen.insert(item.id()) {
                    picked.push(item);
                }
            }
            (Err(e), _) => ctx.fail(text, e),
        }
    }
    picked
}

/// Resolves the items to put into a folder whose names are `taken`, each checked by `refuse`
/// against the names taken so far; a picked item's name is taken for the next ones.
pub async fn pick_into<T: Item>(
    ctx: &mut Ctx,
    args: &[String],
    taken: &mut HashSet<String>,
    mut resolve: impl AsyncFnMut(&mut Ctx, &str) -> CmdResult<T>,
    refuse: impl Fn(&T, &HashSet<String>) -> Option<String>,
) -> Vec<T> {
    let mut picked = Vec::new();
    for text in args {
        let item = match resolve(ctx, text).await {
            Ok(item) => item,
            Err(e) => {
                ctx.fail(text, e);
                continue;
            }
        };
        match refuse(&item, taken) {
            Some(why) => ctx.fail(item.path(), CmdError::failure(why)),
            None => {
                taken.insert(item.name().to_owned());
                picked.push(item);
            }
        }
    }
    picked
}

/// Sends one batched call for `picked` under a spinner saying `doing` ("deleting 3 items").
pub async fn send<T: Item>(
    ctx: &Ctx,
    picked: &[T],
    doing: &str,
    call: impl AsyncFnOnce(&api::Client, &[T::Id]) -> Result<(), BatchError>,
) -> Result<(), BatchError> {
    let ids: Vec<T::Id> = picked.iter().map(Item::id).collect();
    let bar = ctx.progress(None, &format!("{doing} {}", items(ids.len())));
    let outcome = call(&ctx.client, &ids).await;
    bar.finish_and_clear();
    outcome
}

/// Deletes `picked` for good with `call`, after asking `question` unless `yes`, and reports.
pub async fn delete_for_good<T: Item>(
    ctx: &mut Ctx,
    picked: &[T],
    yes: bool,
    question: &str,
    call: impl AsyncFnOnce(&api::Client, &[T::Id]) -> Result<(), BatchError>,
) -> CmdResult {
    if !yes {
        confirm_delete(picked, question)?;
    }
    let outcome = send(ctx, picked, "deleting", call).await;
    let done = report(ctx, picked, outcome, |ctx, item| {
        ctx.note(format!("deleted {}", item.path()));
        ctx.result(json!({ "id": item.id(), "path": item.path() }));
    });
    ctx.summary(format!("{} deleted for good", items(done)));
    Ok(())
}

/// Reports a batched call on `picked` item by item: `done` for each item that went through,
/// a failure for the rest. Returns how many went through.
pub fn report<T: Item>(
    ctx: &mut Ctx,
    picked: &[T],
    outcome: Result<(), BatchError>,
    mut done: impl FnMut(&mut Ctx, &T),
) -> usize {
    let (completed, failure) = match outcome {
        Ok(()) => (picked.len(), None),
        Err(e) => (e.completed, Some(e.error)),
    };
    for (i, item) in picked.iter().enumerate() {
        match (&failure, i < completed) {
            (Some(e), false) => ctx.fail(item.path(), e.clone()),
            _ => done(ctx, item),
        }
    }
    completed
}

/// Asks on a terminal before deleting `picked` for good: "Delete 3 items `question` [y/N]".
/// Refuses outright when stdin is not a terminal.
fn confirm_delete<T: Item>(picked: &[T], question: &str) -> CmdResult {
    let count = items(picked.len());
    if !std::io::stdin().is_terminal() {
        return Err(CmdError::usage(format!(
            "refusing to delete {count} for good without --yes (stdin is not a terminal)"
        )));
    }
    let mut err = std::io::stderr();
    for item in picked.iter().take(10) {
        let _ = writeln!(err, "  {}", item.path());
    }
    if picked.len() > 10 {
        let _ = writeln!(err, "  … and {} more", picked.len() - 10);
    }
    let _ = write!(err, "Delete {count} {question} [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| CmdError::failure(format!("cannot read the answer: {e}")))?;
    match answer.trim().to_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(CmdError {
            status: Status::Failure,
            message: "cancelled; nothing was deleted".into(),
        }),
    }
}
