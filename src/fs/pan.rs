//! The cloud backend over [`api::Client`]: listings streamed to the pane in growing batches (the
//! API gives 100 entries a page, and merging every page into a 100k-entry view would cost
//! O(n) each time), a short-lived directory cache that the changes panfm makes patch in place
//! (`pan_patch`), a parent map learned from listings so directories found by search can be
//! placed in the tree, the index of what is known to be in the trash (`trash_index`), and the
//! mapping from API errors to [`FsError`] kinds.
//!
//! NOTE: `v2/file/list` returns trashed entries under their old parent ("此接口查询结果包含回收站的
//! 文件,需自行根据字段 trashed 判断处理"); listings here read them, note them in the trash index
//! and leave them out of what the pane gets.

use super::listing::{self, ListingCache};
use super::local::sanitize_name;
use super::trash_index::TrashIndex;
use super::{CloudDir, Entry, EntryKey, FsError, FsErrorKind};
use crate::api::{self, ApiError, ApiErrorKind, FileEntry, FileId, SearchMode};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// Deepest directory chain walked when placing a search result.
const MAX_DEPTH: usize = 64;

#[derive(Clone)]
pub struct PanFs {
    client: api::Client,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
pub(super) struct State {
    pub dirs: ListingCache<FileId>,
    /// id → (name, parent id) of every directory seen in a listing or looked up.
    pub parents: HashMap<FileId, (String, FileId)>,
    pub(super) trash: TrashIndex,
}

impl PanFs {
    pub fn new(client: api::Client) -> Self {
        Self {
            client,
            state: Arc::new(Mutex::new(State::default())),
        }
    }

    pub fn client(&self) -> &api::Client {
        &self.client
    }

    /// Lists directory `dir`, handing entries to `sink` in batches; `sink` returns `false` to
    /// stop. With `fresh` the cache is bypassed.
    pub async fn list(
        &self,
        dir: FileId,
        fresh: bool,
        mut sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<(), FsError> {
        if !fresh {
            let cached = self.lock().dirs.fresh(&dir);
            if let Some(entries) = cached {
                sink(entries);
                return Ok(());
            }
        }
        let epoch = self.lock().dirs.epoch();
        let mut all = Vec::new();
        let complete = self
            .stream(
                |cursor| self.client.list_page_with_trashed(dir, cursor),
                |batch| {
                    all.extend(batch.iter().cloned());
                    sink(batch)
                },
            )
            .await?;
        if complete {
            self.lock().dirs.put(dir, all, epoch);
        }
        Ok(())
    }

    /// Drive-wide search results, streamed like a listing.
    pub async fn search(
        &self,
        query: &str,
        exact: bool,
        sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<(), FsError> {
        let mode = if exact {
            SearchMode::Exact
        } else {
            SearchMode::Fuzzy
        };
        self.stream(|cursor| self.client.search_page(query, mode, cursor), sink)
            .await
            .map(|_| ())
    }

    /// Pages through a listing, learning its folders and trashed entries and leaving the latter
    /// out; `Ok(true)` when every page was read.
    async fn stream<F, Fut>(
        &self,
        mut page: F,
        sink: impl FnMut(Vec<Entry>) -> bool,
    ) -> Result<bool, FsError>
    where
        F: FnMut(Option<FileId>) -> Fut,
        Fut: std::future::Future<Output = Result<api::ListPage, ApiError>>,
    {
        let entries = |cursor| {
            let fetched = page(cursor);
            async move {
                let p = fetched.await.map_err(to_fs_error)?;
                self.learn(&p.entries);
                let live = p.entries.iter().filter(|e| !e.trashed).map(to_entry);
                Ok((live.collect(), p.next))
            }
        };
        listing::stream(entries, sink).await
    }

    /// Notes the folders of a listing and what it says is (or is no longer) in the trash.
    pub(super) fn learn(&self, entries: &[FileEntry]) {
        let mut state = self.lock();
        for e in entries {
            state.trash.saw(e);
            if e.is_dir() {
                state.parents.insert(e.id, (e.name.clone(), e.parent_id));
            }
        }
    }

    /// Notes that `ids` went to the trash, as the cached listings show them.
    pub(super) fn remember_trashed(&self, ids: &[FileId]) {
        let wanted: HashSet<EntryKey> = ids.iter().map(|id| EntryKey::Cloud(*id)).collect();
        let mut state = self.lock();
        let found: Vec<Entry> = state
            .dirs
            .entries()
            .filter(|e| wanted.contains(&e.key))
            .cloned()
            .collect();
        state.trash.add(found);
    }

    /// Forgets cached listings of `dirs` (after anything changed in them).
    pub fn invalidate(&self, dirs: &[FileId]) {
        let mut state = self.lock();
        for d in dirs {
            state.dirs.forget(d);
        }
    }

    pub async fn user_info(&self) -> Result<api::UserInfo, FsError> {
        self.client.user_info().await.map_err(to_fs_error)
    }

    pub async fn detail(&self, id: FileId) -> Result<FileEntry, FsError> {
        self.client.detail(id).await.map_err(to_fs_error)
    }

    /// The full path of directory `id`, from what listings taught us or, failing that, by
    /// asking the server for each ancestor.
    pub async fn resolve_dir(&self, id: FileId, name: &str) -> Result<CloudDir, FsError> {
        let mut trail = vec![(id, name.to_owned())];
        let mut at = id;
        for _ in 0..MAX_DEPTH {
            let known = self.lock().parents.get(&at).cloned();
            let parent = match known {
                Some((_, parent)) => parent,
                None => self.detail(at).await?.parent_id,
            };
            if parent == api::ROOT_DIR {
                trail.reverse();
                return Ok(CloudDir { trail });
            }
            let known = self.lock().parents.get(&parent).cloned();
            let parent_name = match known {
                Some((name, grand)) => {
                    self.lock().parents.insert(parent, (name.clone(), grand));
                    name
                }
                None => {
                    let d = self.detail(parent).await?;
                    self.lock()
                        .parents
                        .insert(parent, (d.name.clone(), d.parent_id));
                    d.name
                }
            };
            trail.push((parent, sanitize_name(&parent_name)));
            at = parent;
        }
        Err(FsError::new(
            FsErrorKind::Io,
            "directory nesting is too deep to place",
        ))
    }

    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock leaves only cache data behind; keep using it.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

pub fn to_entry(f: &FileEntry) -> Entry {
    let mtime = f.updated_at.or(f.created_at).map(|t| t.timestamp());
    let key = EntryKey::Cloud(f.id);
    let mut e = Entry::remote(key, &f.name, f.is_dir(), f.size, mtime, &f.etag);
    e.blocked = f.is_rejected() || f.punished;
    e.parent = Some(f.parent_id);
    e
}

pub fn to_fs_error(e: ApiError) -> FsError {
    let kind = match e.kind {
        ApiErrorKind::Auth => FsErrorKind::Auth,
        ApiErrorKind::RateLimited => FsErrorKind::RateLimited,
        ApiErrorKind::NotFound => FsErrorKind::NotFound,
        ApiErrorKind::Conflict => FsErrorKind::AlreadyExists,
        ApiErrorKind::InvalidName => FsErrorKind::InvalidName,
        ApiErrorKind::Transient | ApiErrorKind::LinkExpired => FsErrorKind::Network,
        ApiErrorKind::Quota | ApiErrorKind::Fatal => FsErrorKind::Io,
    };
    FsError::new(kind, e.to_string())
}
