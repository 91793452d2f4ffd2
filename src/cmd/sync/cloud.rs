//! Walking the cloud side into a [`Tree`]: breadth-first from the root, a few folders listed
//! at once (each listing still passes the client's rate limiter, which paces them; this only
//! hides latency), excluded folders not listed at all. Any listing that fails ends the walk
//! with its error: a tree with a hole would make the plan send or delete the wrong things.

use std::collections::{HashMap, VecDeque};

use futures::StreamExt;
use futures::stream::FuturesUnordered;

use super::exclude::Matcher;
use crate::api::{ApiError, Client, FileEntry, FileId};
use crate::sync::{Node, Tree};

/// Listings in flight at once.
const IN_FLIGHT: usize = 4;

#[derive(Default)]
pub struct CloudTree {
    pub tree: Tree,
    /// Each entry as listed, by relative path.
    pub entries: HashMap<String, FileEntry>,
    /// Files 123pan's review rejected: they can't be downloaded.
    pub rejected: Vec<String>,
    /// Folders listed.
    pub listed: u64,
}

pub async fn walk(
    client: &Client,
    root: FileId,
    exclude: &Matcher,
    progress: &indicatif::ProgressBar,
) -> Result<CloudTree, ApiError> {
    let mut out = CloudTree::default();
    let mut queue = VecDeque::from([(root, String::new())]);
    let mut running = FuturesUnordered::new();
    loop {
        while running.len() < IN_FLIGHT
            && let Some((dir, rel)) = queue.pop_front()
        {
            let client = client.clone();
            running.push(async move { (rel, client.list_all(dir).await) });
        }
        let Some((rel, children)) = running.next().await else {
            break;
        };
        out.listed += 1;
        progress.inc(1);
        for entry in children? {
            let at = match rel.is_empty() {
                true => entry.name.clone(),
                false => format!("{rel}/{}", entry.name),
            };
            if entry.trashed || exclude.excluded(&at, entry.is_dir()) {
                continue;
            }
            if entry.is_dir() {
                queue.push_back((entry.id, at.clone()));
                out.tree.insert(at.clone(), Node::dir());
            } else {
                if entry.is_rejected() {
                    out.rejected.push(at.clone());
                }
                let md5 = Some(entry.etag.to_ascii_lowercase()).filter(|m| !m.is_empty());
                out.tree.insert(at.clone(), Node::file(entry.size, md5));
            }
            out.entries.insert(at, entry);
        }
    }
    Ok(out)
}
