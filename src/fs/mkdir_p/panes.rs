//! `mkdir -p` from a pane's folder: the walk starts at the folder the pane shows (its trail
//! gives the ids, so nothing above it is listed), reads folders the backend has cached instead
//! of listing them again, and answers with the patch that puts the new folders into the
//! listings they appear in. A single name goes the plain `mkdir` way.

use super::{MkdirError, make_cloud, make_images};
use crate::api::{self, ApiError, FileEntry, FileId, FileKind, ImageEntry};
use crate::fs::Patch;
use crate::fs::img::{ImgFs, to_entry as image_entry};
use crate::fs::pan::PanFs;
use crate::fs::resolve::{ImageResolver, Lister, Resolved, ResolvedImage, Resolver};
use crate::fs::resolve::{image_root, root_entry};
use crate::fs::{CloudDir, DirPatch, DirRef, Entry, EntryKey, FsError, FsErrorKind, ImageDir};
use std::future::Future;

impl PanFs {
    /// Makes `names` (`a/b` as levels) in `dir`: the first level's id, and the patch that
    /// lists the new folders where they appear. Fails when every level exists.
    pub async fn mkdir_path(
        &self,
        dir: &CloudDir,
        names: &[String],
    ) -> Result<(FileId, Patch), FsError> {
        if let [name] = names {
            return self.mkdir(dir, name).await;
        }
        let mut resolver = Resolver::new(self.clone());
        let start = start_of(dir);
        let made = make_cloud(&mut resolver, self.client(), start, names, true)
            .await
            .map_err(fs_error)?;
        let first = match (made.made.is_empty(), made.first) {
            (false, Some(first)) => first.id,
            _ => return Err(exists()),
        };
        {
            // New folders hold only what this walk put there: cached, they open unlisted.
            let mut st = self.lock();
            let epoch = st.dirs.epoch();
            for (_, id) in &made.made {
                st.dirs.put(*id, Vec::new(), epoch);
            }
        }
        let placed: Vec<(FileId, Option<FileId>)> =
            made.made.iter().map(|(p, id)| (*p, Some(*id))).collect();
        Ok((first, self.adopt(&placed).await))
    }
}

impl ImgFs {
    /// Makes `names` (`a/b` as levels) in image folder `dir`: the first level's id, and the
    /// patch that lists it in `dir` when it is new. Fails when every level exists.
    pub async fn mkdir_path(
        &self,
        dir: &ImageDir,
        names: &[String],
    ) -> Result<(String, Patch), FsError> {
        if let [name] = names {
            return self.mkdir(dir, name).await;
        }
        let mut resolver = ImageResolver::new(self.client().clone());
        let start = ResolvedImage {
            entry: ImageEntry {
                id: dir.id().to_owned(),
                name: dir.trail.last().map(|(_, n)| n.clone()).unwrap_or_default(),
                ..image_root()
            },
            path: dir.path(),
            trail: dir.trail.clone(),
        };
        let made = make_images(&mut resolver, self, start, names, true)
            .await
            .map_err(fs_error)?;
        let Some(first) = made.first.filter(|_| !made.made.is_empty()) else {
            return Err(exists());
        };
        let parent = DirRef::Images(dir.id().to_owned());
        let mut patch = Patch::default();
        if made.made.first() == Some(&first.id) {
            match self.detail(&first.id).await {
                Ok(found) => {
                    let mut p = DirPatch::new(parent);
                    p.added.push(image_entry(&found));
                    patch.push(p);
                }
                Err(_) => patch = Patch::relist(vec![parent]),
            }
        }
        Ok((first.id, patch))
    }
}

/// Folder `dir` as the resolver's walks start from it, ids from its trail.
fn start_of(dir: &CloudDir) -> Resolved {
    let ids: Vec<FileId> = std::iter::once(api::ROOT_DIR)
        .chain(dir.trail.iter().map(|(id, _)| *id))
        .collect();
    let Some(((id, name), parents)) = dir.trail.last().zip(ids.split_last().map(|(_, p)| p)) else {
        return Resolved {
            entry: root_entry(),
            path: "/".to_owned(),
            ancestors: Some(Vec::new()),
        };
    };
    Resolved {
        entry: FileEntry {
            id: *id,
            name: name.clone(),
            parent_id: parents.last().copied().unwrap_or(api::ROOT_DIR),
            kind: FileKind::Dir,
            ..root_entry()
        },
        path: dir.path(),
        ancestors: Some(parents.to_vec()),
    }
}

fn fs_error(e: MkdirError) -> FsError {
    match e {
        MkdirError::Invalid(why) => FsError::new(FsErrorKind::InvalidName, why),
        MkdirError::Exists => exists(),
        MkdirError::Images(e) => e,
        other => FsError::new(FsErrorKind::NotFound, other.to_string()),
    }
}

/// Every level of the path exists (reports name the path itself).
fn exists() -> FsError {
    FsError::new(FsErrorKind::AlreadyExists, "already exists")
}

/// The drive as the walk sees it from a pane: folders the backend has listed lately come from
/// its cache (live entries only: a trashed name counts as free, as it does for `mkdir`).
impl Lister for PanFs {
    fn list(&self, dir: FileId) -> impl Future<Output = Result<Vec<FileEntry>, ApiError>> + Send {
        let cached = self.lock().dirs.fresh(&dir);
        let client = self.client().clone();
        async move {
            match cached {
                Some(entries) => Ok(entries.iter().filter_map(|e| listed(e, dir)).collect()),
                None => client.list_all_with_trashed(dir).await,
            }
        }
    }

    fn detail(&self, id: FileId) -> impl Future<Output = Result<FileEntry, ApiError>> + Send {
        let client = self.client().clone();
        async move { client.detail(id).await }
    }
}

fn listed(e: &Entry, dir: FileId) -> Option<FileEntry> {
    let EntryKey::Cloud(id) = e.key else {
        return None;
    };
    Some(FileEntry {
        id,
        name: e.name.clone(),
        parent_id: dir,
        kind: if e.is_dir() {
            FileKind::Dir
        } else {
            FileKind::File
        },
        size: e.size,
        etag: e.etag.clone().unwrap_or_default(),
        ..root_entry()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pane_folder_starts_the_walk_with_its_ancestors() {
        let root = start_of(&CloudDir::root());
        assert_eq!((root.entry.id, root.path.as_str()), (0, "/"));
        assert_eq!(root.ancestors, Some(vec![]));
        let dir = CloudDir::root().child(7, "备份").child(9, "2026");
        let start = start_of(&dir);
        assert_eq!((start.entry.id, start.entry.parent_id), (9, 7));
        assert_eq!(start.path, "/备份/2026");
        assert_eq!(start.ancestors, Some(vec![0, 7]));
        assert!(start.entry.is_dir());
    }
}
