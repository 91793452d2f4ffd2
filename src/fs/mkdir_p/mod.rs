//! `mkdir -p` on the drive and the image space, shared by `panfm mkdir -p`, `panfm img mkdir
//! -p` and the TUI's new-folder prompt given `a/b`: from a known folder, each level of the path
//! is looked up in its parent's listing and reused when it is a folder, or made; once one level
//! is made, the deeper ones are known to be missing and are made without a look. Every name is
//! checked against the drive's rules before any call. Without `parents`, every level but the
//! last must exist and the last must not. A clash the server reports (someone made the name
//! meanwhile) is settled by listing again, as API.md §8.19 advises.

mod images;
mod panes;

pub use images::{MadeImages, make_images};

use super::resolve::{ImagePathError, Lister, ResolveError, Resolved, Resolver, Want, root_entry};
use crate::api::{self, ApiErrorKind, FileEntry, FileId, FileKind};
use crate::plan::validate_cloud_name;

#[derive(Debug, thiserror::Error)]
pub enum MkdirError {
    /// `name: why`.
    #[error("invalid name: {0}")]
    Invalid(String),
    /// The last level exists (only without `parents`).
    #[error("already exists")]
    Exists,
    #[error(transparent)]
    Path(#[from] ResolveError),
    #[error(transparent)]
    ImagePath(#[from] ImagePathError),
    #[error("{0}")]
    Images(super::FsError),
}

/// What a drive `mkdir -p` did.
#[derive(Debug)]
pub struct MadeCloud {
    /// The folder at the end of the path.
    pub dir: Resolved,
    /// The first level below the start folder (made or found); `None` for an empty path.
    pub first: Option<FileEntry>,
    /// `(parent, new folder)` of every folder made, from the top.
    pub made: Vec<(FileId, FileId)>,
}

/// The names of `path` as the new-folder prompt reads it: `a/b` is two levels, empty parts
/// (`a//b`, a trailing `/`) are skipped.
pub fn levels(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks the names a `mkdir` may create: all of them with `parents`, else the last.
pub(crate) fn check_names(names: &[String], parents: bool) -> Result<(), MkdirError> {
    let to_check = match parents {
        true => names,
        false => &names[names.len().saturating_sub(1)..],
    };
    for name in to_check {
        validate_cloud_name(name).map_err(|e| MkdirError::Invalid(format!("{name}: {e}")))?;
    }
    Ok(())
}

/// Makes `names` below drive folder `start`.
pub async fn make_cloud<L: Lister>(
    resolver: &mut Resolver<L>,
    client: &api::Client,
    start: Resolved,
    names: &[String],
    parents: bool,
) -> Result<MadeCloud, MkdirError> {
    check_names(names, parents)?;
    let mut out = MadeCloud {
        dir: start,
        first: None,
        made: Vec::new(),
    };
    for (i, name) in names.iter().enumerate() {
        let last = i + 1 == names.len();
        let at = out.dir.clone();
        let next = match out.made.is_empty() {
            true => find(resolver, &at, name, last && !parents).await?,
            false => None,
        };
        out.dir = match next {
            Some(found) => found,
            None if !last && !parents => return Err(missing(&at, name).into()),
            None => {
                let made = create(resolver, client, &at, name, parents).await?;
                out.made.push((at.entry.id, made.entry.id));
                made
            }
        };
        out.first.get_or_insert_with(|| out.dir.entry.clone());
    }
    Ok(out)
}

/// The live folder `name` in `dir`, `None` when there is none; `new` when it must not exist.
async fn find<L: Lister>(
    resolver: &mut Resolver<L>,
    dir: &Resolved,
    name: &str,
    new: bool,
) -> Result<Option<Resolved>, MkdirError> {
    if new {
        let children = resolver.children(dir.entry.id).await?;
        return match children.iter().any(|e| !e.trashed && e.name == name) {
            true => Err(MkdirError::Exists),
            false => Ok(None),
        };
    }
    match resolver.child(dir.clone(), name, Want::Live, true).await {
        Ok(found) if found.entry.is_dir() => Ok(Some(found)),
        Ok(found) => Err(ResolveError::NotADir(found.path).into()),
        Err(ResolveError::NotFound { .. } | ResolveError::InTrash(_)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn missing(dir: &Resolved, name: &str) -> ResolveError {
    ResolveError::NotFound {
        path: dir.child_path(name),
        name: name.to_owned(),
        parent: dir.path.clone(),
    }
}

/// Creates `name` in `dir`. With `existing_ok`, a clash with a folder counts as success.
async fn create<L: Lister>(
    resolver: &mut Resolver<L>,
    client: &api::Client,
    dir: &Resolved,
    name: &str,
    existing_ok: bool,
) -> Result<Resolved, MkdirError> {
    match client.mkdir(dir.entry.id, name).await {
        Ok(id) => {
            let entry = FileEntry {
                id,
                name: name.to_owned(),
                parent_id: dir.entry.id,
                kind: FileKind::Dir,
                ..root_entry()
            };
            resolver.learn(entry.clone());
            let ancestors = dir.ancestors.clone().map(|mut a| {
                a.push(dir.entry.id);
                a
            });
            Ok(Resolved {
                entry,
                path: dir.child_path(name),
                ancestors,
            })
        }
        Err(e) if e.kind == ApiErrorKind::Conflict && existing_ok => {
            resolver.forget(dir.entry.id);
            match resolver.child(dir.clone(), name, Want::Live, true).await? {
                found if found.entry.is_dir() => Ok(found),
                found => Err(ResolveError::NotADir(found.path).into()),
            }
        }
        Err(e) if e.kind == ApiErrorKind::Conflict => Err(MkdirError::Exists),
        Err(e) => Err(ResolveError::Api(e).into()),
    }
}
