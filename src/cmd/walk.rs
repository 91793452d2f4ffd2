//! Listing a whole subtree for `tree` and `trash ls`: breadth-first, a few listings in flight
//! (each still passes the client's rate limiter, so this only hides latency), with a progress
//! counter on stderr. A folder whose listing fails is kept with its error, and the walk goes on.

use super::ctx::Ctx;
use crate::api::{ApiError, FileEntry, FileId};
use crate::fs::resolve::join;
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use std::collections::{HashMap, VecDeque};

/// Listings in flight at once.
const IN_FLIGHT: usize = 4;

/// One listed folder: its path and its children, trashed ones included.
pub struct Listed {
    pub path: String,
    pub children: Result<Vec<FileEntry>, ApiError>,
}

/// Lists `root` and, below it, every folder `descend` accepts, down to `levels` levels of
/// entries (`None`: all).
pub async fn walk(
    ctx: &Ctx,
    root: FileId,
    root_path: &str,
    levels: Option<usize>,
    descend: impl Fn(&FileEntry) -> bool,
) -> HashMap<FileId, Listed> {
    let bar = ctx.progress(None, "listing folders");
    let mut queue = VecDeque::from([(root, 1usize, root_path.to_owned())]);
    let mut running = FuturesUnordered::new();
    let mut out = HashMap::new();
    loop {
        while running.len() < IN_FLIGHT
            && let Some((dir, depth, path)) = queue.pop_front()
        {
            let client = ctx.client.clone();
            running.push(async move {
                let children = client.list_all_with_trashed(dir).await;
                (dir, depth, path, children)
            });
        }
        let Some((dir, depth, path, children)) = running.next().await else {
            break;
        };
        bar.inc(1);
        if let Ok(list) = &children
            && levels.is_none_or(|max| depth < max)
        {
            let deeper = list.iter().filter(|e| e.is_dir() && descend(e));
            queue.extend(deeper.map(|e| (e.id, depth + 1, join(&path, &e.name))));
        }
        out.insert(dir, Listed { path, children });
    }
    bar.finish_and_clear();
    out
}
