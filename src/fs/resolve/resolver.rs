//! [`Resolver`]: walks listings (cached for its lifetime) and details to find items.

use crate::api::{self, ApiError, ApiErrorKind, Category, FileEntry, FileId, FileKind};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use super::error::ResolveError;
use super::path::{CloudPath, join};

/// Where the resolver gets folder contents and single items from; [`api::Client`] in the
/// program, a fake in tests.
pub trait Lister {
    /// Every child of `dir`, recycle-bin entries included.
    fn list(&self, dir: FileId) -> impl Future<Output = Result<Vec<FileEntry>, ApiError>> + Send;
    fn detail(&self, id: FileId) -> impl Future<Output = Result<FileEntry, ApiError>> + Send;
}

impl Lister for api::Client {
    fn list(&self, dir: FileId) -> impl Future<Output = Result<Vec<FileEntry>, ApiError>> + Send {
        self.list_all_with_trashed(dir)
    }

    fn detail(&self, id: FileId) -> impl Future<Output = Result<FileEntry, ApiError>> + Send {
        api::Client::detail(self, id)
    }
}

/// An item found by a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub entry: FileEntry,
    /// How to name it in messages: `/a/b`, `id:N` or `id:N/b`.
    pub path: String,
    /// Folder ids from the root down to the parent, when the walk learnt them (paths from the
    /// root); see [`Resolver::ancestors`].
    pub ancestors: Option<Vec<FileId>>,
}

impl Resolved {
    /// `path` joined with a child's name.
    pub fn child_path(&self, name: &str) -> String {
        join(&self.path, name)
    }
}

/// Which entries a path's last name may designate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Live,
    /// An item whose own recycle-bin flag is set.
    Trashed,
}

/// The root folder as an entry (the API has none to return).
pub fn root_entry() -> FileEntry {
    FileEntry {
        id: api::ROOT_DIR,
        name: String::new(),
        parent_id: api::ROOT_DIR,
        kind: FileKind::Dir,
        size: 0,
        etag: String::new(),
        category: Category::Unknown,
        status: 0,
        punished: false,
        trashed: false,
        created_at: None,
        updated_at: None,
    }
}

pub struct Resolver<L = api::Client> {
    lister: L,
    listings: HashMap<FileId, Arc<[FileEntry]>>,
    parents: HashMap<FileId, FileId>,
}

impl<L: Lister> Resolver<L> {
    pub fn new(lister: L) -> Self {
        Self {
            lister,
            listings: HashMap::new(),
            parents: HashMap::new(),
        }
    }

    pub fn lister(&self) -> &L {
        &self.lister
    }

    /// The children of `dir`, trashed ones included; listed once per resolver.
    pub async fn children(&mut self, dir: FileId) -> Result<Arc<[FileEntry]>, ResolveError> {
        if let Some(hit) = self.listings.get(&dir) {
            return Ok(Arc::clone(hit));
        }
        let list: Arc<[FileEntry]> = self
            .lister
            .list(dir)
            .await
            .map_err(ResolveError::Api)?
            .into();
        for e in list.iter() {
            self.parents.insert(e.id, dir);
        }
        self.listings.insert(dir, Arc::clone(&list));
        Ok(list)
    }

    /// Drops the cached listing of `dir` (after a change in it).
    pub fn forget(&mut self, dir: FileId) {
        self.listings.remove(&dir);
    }

    /// Adds an entry this command created to the cached listing of its parent.
    pub fn learn(&mut self, entry: FileEntry) {
        self.parents.insert(entry.id, entry.parent_id);
        if let Some(list) = self.listings.get_mut(&entry.parent_id) {
            let mut items = list.to_vec();
            items.push(entry);
            *list = items.into();
        }
    }

    /// Resolves `text` to a live item.
    pub async fn resolve(&mut self, text: &str) -> Result<Resolved, ResolveError> {
        self.resolve_as(text, Want::Live).await
    }

    /// Resolves `text` to a live folder.
    pub async fn resolve_dir(&mut self, text: &str) -> Result<Resolved, ResolveError> {
        let found = self.resolve(text).await?;
        match found.entry.is_dir() {
            true => Ok(found),
            false => Err(ResolveError::NotADir(found.path)),
        }
    }

    pub async fn resolve_as(&mut self, text: &str, want: Want) -> Result<Resolved, ResolveError> {
        let path = CloudPath::parse(text)?;
        self.resolve_path(&path, want).await
    }

    pub async fn resolve_path(
        &mut self,
        path: &CloudPath,
        want: Want,
    ) -> Result<Resolved, ResolveError> {
        self.walk(path, want, false).await
    }

    /// With `on_the_way`, `path` names a folder to descend into: among same-named entries only
    /// folders count.
    async fn walk(
        &mut self,
        path: &CloudPath,
        want: Want,
        on_the_way: bool,
    ) -> Result<Resolved, ResolveError> {
        let Some((parent, last)) = path.split_last() else {
            return self.resolve_base(path.base, want).await;
        };
        let dir = Box::pin(self.walk(&parent, Want::Live, true)).await?;
        self.child(dir, last, want, on_the_way).await
    }

    /// The item named `last` in folder `dir`. With `on_the_way`, `last` names a folder to
    /// descend into: among same-named entries only folders count.
    pub async fn child(
        &mut self,
        dir: Resolved,
        last: &str,
        want: Want,
        on_the_way: bool,
    ) -> Result<Resolved, ResolveError> {
        if !dir.entry.is_dir() {
            return Err(ResolveError::NotADir(dir.path));
        }
        let children = self.children(dir.entry.id).await?;
        let full = dir.child_path(last);
        let named = |e: &&FileEntry| e.name == last;
        let mut matching: Vec<&FileEntry> = match want {
            Want::Live => children
                .iter()
                .filter(|e| !e.trashed)
                .filter(named)
                .collect(),
            Want::Trashed => children
                .iter()
                .filter(|e| e.trashed)
                .filter(named)
                .collect(),
        };
        if on_the_way && matching.len() > 1 {
            matching.retain(|e| e.is_dir());
            if matching.is_empty() {
                return Err(ResolveError::NotADir(full));
            }
        }
        let entry = match matching.as_slice() {
            [one] => (*one).clone(),
            [] => return Err(self.missing(&children, want, full, last, dir.path)),
            many => {
                return Err(ResolveError::Ambiguous {
                    path: full,
                    name: last.to_owned(),
                    parent: dir.path,
                    ids: many.iter().map(|e| e.id).collect(),
                });
            }
        };
        let ancestors = dir.ancestors.map(|mut a| {
            a.push(dir.entry.id);
            a
        });
        Ok(Resolved {
            entry,
            path: full,
            ancestors,
        })
    }

    fn missing(
        &self,
        children: &[FileEntry],
        want: Want,
        path: String,
        name: &str,
        parent: String,
    ) -> ResolveError {
        let other_state = children.iter().any(|e| e.name == name);
        match (want, other_state) {
            (Want::Live, true) => ResolveError::InTrash(path),
            (Want::Trashed, true) => ResolveError::NotInTrash(path),
            _ => ResolveError::NotFound {
                path,
                name: name.to_owned(),
                parent,
            },
        }
    }

    async fn resolve_base(
        &mut self,
        base: Option<FileId>,
        want: Want,
    ) -> Result<Resolved, ResolveError> {
        let Some(id) = base else {
            return Ok(Resolved {
                entry: root_entry(),
                path: "/".to_owned(),
                ancestors: Some(Vec::new()),
            });
        };
        let path = format!("id:{id}");
        let entry = match self.lister.detail(id).await {
            Ok(entry) => entry,
            Err(e) if e.kind == ApiErrorKind::NotFound => return Err(ResolveError::NoSuchId(path)),
            Err(e) => return Err(ResolveError::Api(e)),
        };
        self.parents.insert(id, entry.parent_id);
        match (want, entry.trashed) {
            (Want::Live, true) => return Err(ResolveError::InTrash(path)),
            (Want::Trashed, false) => return Err(ResolveError::NotInTrash(path)),
            _ => {}
        }
        Ok(Resolved {
            entry,
            path,
            ancestors: None,
        })
    }

    /// Folder ids from the root down to `item`'s parent, asking the server for parents the
    /// walk has not seen. Used to refuse moving a folder into itself or below itself.
    pub async fn ancestors(&mut self, item: &Resolved) -> Result<Vec<FileId>, ResolveError> {
        if let Some(known) = &item.ancestors {
            return Ok(known.clone());
        }
        let mut chain = Vec::new();
        let mut at = item.entry.parent_id;
        while at != api::ROOT_DIR {
            if chain.contains(&at) || chain.len() > MAX_DEPTH {
                return Err(ResolveError::Api(ApiError::new(
                    ApiErrorKind::Fatal,
                    "api/v1/file/detail",
                    format!("the parents of {} form a loop", item.path),
                )));
            }
            chain.push(at);
            at = match self.parents.get(&at) {
                Some(&parent) => parent,
                None => {
                    let parent = self.lister.detail(at).await.map_err(ResolveError::Api)?;
                    self.parents.insert(at, parent.parent_id);
                    parent.parent_id
                }
            };
        }
        chain.push(api::ROOT_DIR);
        chain.reverse();
        Ok(chain)
    }
}

/// Deepest folder chain [`Resolver::ancestors`] follows before suspecting a loop.
const MAX_DEPTH: usize = 1024;
