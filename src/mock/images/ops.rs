//! Image-tree mutations: mkdir, placing an image, move, delete. Each validates fully before
//! changing anything, so a refused batch leaves the tree untouched.
//!
//! Same content, same folder: p123client (创建复制任务, and the offline-import page) says "如果图床
//! 目录下存在相同 etag、size 的图片将会视为同一张图片，将覆盖原图片". The mock reads "图床目录" as the
//! target folder: storing content that an image of that folder already has overwrites that image
//! (it keeps its id and takes the new name) instead of adding a second one. Otherwise a taken
//! name follows the `duplicate` policy (p123client lists it for create; the upload page only
//! says "不能重名"). Delete is permanent and takes a folder's contents with it (the image space
//! has no recycle bin; p123client's "文件必须要在回收站中" note is copied from the drive's delete).

use std::collections::HashSet;

use super::super::reply::ApiError;
use super::super::tree::{Duplicate, suffixed, validate_name};
use super::rules;
use super::tree::{ImageKind, ImageNode, ImageTree};

/// mkdir's conflict message, as the drive's mkdir answers it (API.md §4.1).
const DIR_EXISTS: &str = "该目录下已经有同名文件夹,无法进行创建";
const MOVE_INTO_SELF: &str = "不能将文件夹移动到自身或其子文件夹中";

/// Where an image went.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Placed {
    pub id: String,
    /// An image with the same content was already in the folder and was overwritten.
    pub overwrote: bool,
}

impl ImageTree {
    pub fn add(&mut self, parent: &str, name: &str, kind: ImageKind, now: i64) -> String {
        let id = rules::new_id();
        let seq = self.next_seq();
        let parent = self.canon(parent).to_owned();
        self.insert(ImageNode {
            id: id.clone(),
            parent,
            name: name.to_owned(),
            kind,
            seq,
            created: now,
            updated: now,
            traffic: 0,
        });
        id
    }

    /// Creates one folder per name (the document types `name` as `[]string`), all or none.
    pub fn mkdir(
        &mut self,
        parent: &str,
        names: &[String],
        now: i64,
    ) -> Result<Vec<String>, ApiError> {
        self.dir(parent, "parentID")?;
        let mut seen = HashSet::new();
        for name in names {
            validate_name(name)?;
            if self.child_named(parent, name).is_some() || !seen.insert(name) {
                return Err(ApiError::new(1, DIR_EXISTS));
            }
        }
        Ok(names
            .iter()
            .map(|name| self.add(parent, name, ImageKind::Dir, now))
            .collect())
    }

    /// Checks that an image named `name` with this content could go into `parent`.
    pub fn check_placeable(
        &self,
        parent: &str,
        name: &str,
        content: (&str, u64),
        dup: Duplicate,
    ) -> Result<(), ApiError> {
        self.plan_place(parent, name, content, dup).map(|_| ())
    }

    /// What placing would do: overwrite an existing image (its id), or add under a name.
    fn plan_place(
        &self,
        parent: &str,
        name: &str,
        (etag, size): (&str, u64),
        dup: Duplicate,
    ) -> Result<Plan, ApiError> {
        validate_name(name)?;
        self.dir(parent, "parentFileID")?;
        let same = self
            .children(parent)
            .find(|n| !n.is_dir() && n.etag() == etag && n.size() == size);
        let clash = self.child_named(parent, name);
        if let Some(same) = same {
            return match clash {
                Some(c) if c.id != same.id => Err(ApiError::name_taken()),
                _ => Ok(Plan::Overwrite(same.id.clone())),
            };
        }
        match (clash, dup) {
            (None, _) => Ok(Plan::Add(name.to_owned(), None)),
            (Some(_), Duplicate::Refuse) => Err(ApiError::name_taken()),
            (Some(c), Duplicate::Overwrite) if c.is_dir() => Err(ApiError::name_taken()),
            (Some(c), Duplicate::Overwrite) => Ok(Plan::Add(name.to_owned(), Some(c.id.clone()))),
            (Some(_), Duplicate::KeepBoth) => Ok(Plan::Add(self.unique_name(parent, name), None)),
        }
    }

    pub fn place(
        &mut self,
        parent: &str,
        name: &str,
        (etag, size): (&str, u64),
        dup: Duplicate,
        now: i64,
    ) -> Result<Placed, ApiError> {
        match self.plan_place(parent, name, (etag, size), dup)? {
            Plan::Overwrite(id) => {
                self.relocate(&id, parent, name, now);
                Ok(Placed {
                    id,
                    overwrote: true,
                })
            }
            Plan::Add(name, replaced) => {
                if let Some(old) = replaced {
                    self.remove(&old);
                }
                let kind = ImageKind::File {
                    etag: etag.to_owned(),
                    size,
                };
                let id = self.add(parent, &name, kind, now);
                Ok(Placed {
                    id,
                    overwrote: false,
                })
            }
        }
    }

    fn unique_name(&self, parent: &str, name: &str) -> String {
        (1..)
            .map(|n| suffixed(name, n))
            .find(|c| self.child_named(parent, c).is_none())
            .unwrap_or_else(|| name.to_owned())
    }

    /// `move`: all ids into folder `target`, all or none.
    pub fn move_items(&mut self, ids: &[String], target: &str, now: i64) -> Result<(), ApiError> {
        let target_id = self.dir(target, "toParentFileID")?.id.clone();
        let mut names = HashSet::new();
        for id in ids {
            let node = self.file(id)?;
            if node.parent == target_id {
                return Err(ApiError::new(1, "文件已在当前文件夹"));
            }
            if node.is_dir() && self.is_within(&target_id, id) {
                return Err(ApiError::new(1, MOVE_INTO_SELF));
            }
            if self.child_named(&target_id, &node.name).is_some() || !names.insert(&node.name) {
                return Err(ApiError::name_taken());
            }
        }
        for id in ids {
            if let Some(name) = self.get(id).map(|n| n.name.clone()) {
                self.relocate(id, &target_id, &name, now);
            }
        }
        Ok(())
    }

    /// Permanently removes images and folders (with their contents), all or none.
    pub fn delete(&mut self, ids: &[String]) -> Result<(), ApiError> {
        for id in ids {
            self.file(id)?;
        }
        for id in ids {
            if self.get(id).is_some() {
                for gone in self.subtree(id) {
                    self.remove(&gone);
                }
            }
        }
        Ok(())
    }
}

enum Plan {
    Overwrite(String),
    /// Add under this name, first removing the image with this id.
    Add(String, Option<String>),
}
