//! Compare's and sync's work off the update loop: local MD5s through the MD5 cache on the
//! blocking pool (progress now and then, stopped by a token), and the walk of a sync's two
//! trees (the local one on the blocking pool, the cloud one folder by folder through the
//! client and its rate limiter, a few folders at a time). Each answers with `CompareMsg`s.

use crate::api::{Client, FileEntry};
use crate::app::{CompareMsg, Msg, Ticket, Walked};
use crate::fs::md5_cache::{Md5Cache, Stamp};
use crate::sync::Node;
use crate::transfer::CloudItem;
use futures::StreamExt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

/// How often hashing reports progress at most.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);
/// Cloud folders listed at once (the client's limiter paces them).
const PARALLEL_FOLDERS: usize = 4;

pub(super) struct HashJob {
    pub ticket: Ticket,
    pub files: Vec<(PathBuf, u64)>,
    pub state_dir: Option<PathBuf>,
    pub cancel: CancellationToken,
}

pub(super) fn spawn_hash(job: HashJob, tx: UnboundedSender<Msg>) {
    tokio::task::spawn_blocking(move || {
        if let Some(msg) = hash_all(&job, &tx) {
            let _ = tx.send(Msg::Compare(msg));
        }
    });
}

/// Hashes `job`'s files (cached MD5s where the stamp still holds); `None` when stopped.
fn hash_all(job: &HashJob, tx: &UnboundedSender<Msg>) -> Option<CompareMsg> {
    let mut cache = Md5Cache::load(job.state_dir.as_deref());
    let total: u64 = job.files.iter().map(|f| f.1).sum();
    let (mut md5s, mut failed) = (Vec::new(), Vec::new());
    let mut done = 0;
    let mut last = Instant::now();
    for (path, size) in &job.files {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut report = |at: u64| {
            if last.elapsed() >= PROGRESS_EVERY {
                last = Instant::now();
                let _ = tx.send(Msg::Compare(CompareMsg::Progress {
                    ticket: job.ticket,
                    done: done + at,
                    total,
                    file: name.clone(),
                }));
            }
        };
        match one(&mut cache, path, &job.cancel, &mut report) {
            Ok(md5) => md5s.push((path.clone(), md5)),
            Err(_) if job.cancel.is_cancelled() => return None,
            Err(e) => failed.push((path.clone(), e.to_string())),
        }
        done += size;
    }
    if let Err(e) = cache.save() {
        tracing::warn!("the MD5 cache could not be saved: {e}");
    }
    Some(CompareMsg::Hashed {
        ticket: job.ticket,
        md5s,
        failed,
    })
}

/// The MD5 of `path`, cached or read (telling `report` the bytes read so far).
fn one(
    cache: &mut Md5Cache,
    path: &Path,
    cancel: &CancellationToken,
    report: &mut dyn FnMut(u64),
) -> std::io::Result<String> {
    let stamp = Stamp::of(&std::fs::metadata(path)?);
    if let Some(md5) = cache.get(path, &stamp) {
        return Ok(md5);
    }
    let mut file = std::fs::File::open(path)?;
    let mut md5 = md5_lanes::Md5::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut read = 0;
    loop {
        if cancel.is_cancelled() {
            return Err(std::io::Error::other("stopped"));
        }
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                md5.update(&buf[..n]);
                read += n as u64;
                report(read);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    if Stamp::of(&std::fs::metadata(path)?) != stamp {
        return Err(std::io::Error::other("the file changed while it was read"));
    }
    let md5 = md5.hex();
    cache.put(path, stamp, md5.clone());
    Ok(md5)
}

pub(super) struct WalkJob {
    pub ticket: Ticket,
    pub local: PathBuf,
    pub cloud: i64,
    pub names: Vec<String>,
}

pub(super) fn spawn_walk(job: WalkJob, client: Option<Client>, tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let result = walk(&job, client).await;
        let ticket = job.ticket;
        let _ = tx.send(Msg::Compare(CompareMsg::Walked { ticket, result }));
    });
}

async fn walk(job: &WalkJob, client: Option<Client>) -> Result<Walked, String> {
    let client = client.ok_or("no cloud account")?;
    let (local, names) = (job.local.clone(), job.names.clone());
    let local = tokio::task::spawn_blocking(move || walk_local(&local, &names))
        .await
        .map_err(|e| e.to_string())??;
    let (cloud, items, rejected) = walk_cloud(&client, job.cloud, &job.names).await?;
    Ok(Walked {
        local,
        cloud,
        items,
        rejected,
    })
}

/// Every folder and file below `root/name` for each of `names` (symbolic links and special
/// files left out), by path from `root`.
fn walk_local(root: &Path, names: &[String]) -> Result<crate::sync::Tree, String> {
    let mut tree = crate::sync::Tree::new();
    let mut stack: Vec<String> = Vec::new();
    for name in names {
        match std::fs::symlink_metadata(root.join(name)) {
            Ok(m) if m.is_dir() => {
                tree.insert(name.clone(), Node::dir());
                stack.push(name.clone());
            }
            // A file where the other side has the folder: the planner decides what to do.
            Ok(m) if m.is_file() => {
                tree.insert(name.clone(), Node::file(m.len(), None));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", root.join(name).display())),
        }
    }
    while let Some(rel) = stack.pop() {
        let dir = root.join(&rel);
        let read = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in read {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                let path = entry.path();
                return Err(format!("{}: the name is not UTF-8", path.display()));
            };
            let path = format!("{rel}/{name}");
            let meta = entry
                .metadata()
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
            if meta.is_dir() {
                tree.insert(path.clone(), Node::dir());
                stack.push(path);
            } else if meta.is_file() {
                tree.insert(path, Node::file(meta.len(), None));
            }
        }
    }
    Ok(tree)
}

type CloudWalk = (
    crate::sync::Tree,
    std::collections::HashMap<String, CloudItem>,
    Vec<String>,
);

/// The folders `names` in cloud folder `parent` and everything below them.
async fn walk_cloud(client: &Client, parent: i64, names: &[String]) -> Result<CloudWalk, String> {
    let (mut tree, mut items) = (crate::sync::Tree::new(), std::collections::HashMap::new());
    let mut rejected = Vec::new();
    let top = list(client, parent).await?;
    let mut folders = Vec::new();
    for e in top.iter().filter(|e| names.contains(&e.name)) {
        if e.is_dir() {
            folders.push((e.name.clone(), e.id));
        }
        if e.is_rejected() {
            rejected.push(e.name.clone());
        }
        add(&mut tree, &mut items, e.name.clone(), e);
    }
    while !folders.is_empty() {
        let batch: Vec<(String, i64)> = std::mem::take(&mut folders);
        let mut listings = futures::stream::iter(batch)
            .map(|(path, id)| async move { (path, list(client, id).await) })
            .buffer_unordered(PARALLEL_FOLDERS);
        while let Some((path, listed)) = listings.next().await {
            for e in listed? {
                let child = format!("{path}/{}", e.name);
                if e.is_dir() {
                    folders.push((child.clone(), e.id));
                } else if e.is_rejected() {
                    rejected.push(child.clone());
                }
                add(&mut tree, &mut items, child, &e);
            }
        }
    }
    Ok((tree, items, rejected))
}

fn add(
    tree: &mut crate::sync::Tree,
    items: &mut std::collections::HashMap<String, CloudItem>,
    path: String,
    e: &FileEntry,
) {
    let item = CloudItem::from(e);
    let node = match e.is_dir() {
        true => Node::dir(),
        false => Node::file(item.size, Some(item.etag.clone()).filter(|m| !m.is_empty())),
    };
    tree.insert(path.clone(), node);
    items.insert(path, item);
}

async fn list(client: &Client, id: i64) -> Result<Vec<FileEntry>, String> {
    client.list_all(id).await.map_err(|e| e.to_string())
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
