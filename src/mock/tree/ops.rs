//! Tree mutations that create, rename or relocate live items: mkdir, rename, move, and
//! placing an uploaded file under a `duplicate` policy. Every operation validates fully before
//! changing anything, so a refused batch leaves the tree untouched.

use std::collections::HashSet;

use super::super::reply::ApiError;
use super::{Kind, Node, STATUS_FILE, Tree, names};

/// mkdir's documented conflict message (API.md §4.1).
const DIR_EXISTS: &str = "该目录下已经有同名文件夹,无法进行创建";

/// The `duplicate` field of create / single create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Duplicate {
    /// 0 or omitted: "跳过/报错"; the mock reports the conflict.
    Refuse,
    /// 1: keep both, the new file gets a suffix.
    KeepBoth,
    /// 2: overwrite; the old file leaves the folder (it is deleted, not trashed).
    Overwrite,
}

impl Duplicate {
    pub fn from_code(code: Option<i64>) -> Result<Self, ApiError> {
        match code {
            None | Some(0) => Ok(Duplicate::Refuse),
            Some(1) => Ok(Duplicate::KeepBoth),
            Some(2) => Ok(Duplicate::Overwrite),
            Some(_) => Err(ApiError::param("duplicate")),
        }
    }
}

impl Tree {
    pub fn mkdir(&mut self, parent: i64, name: &str, now: i64) -> Result<i64, ApiError> {
        names::validate(name)?;
        if !self.is_live_dir(parent) {
            return Err(ApiError::missing_dir("parentID"));
        }
        // NOTE: whether a same-named *file* blocks mkdir is undocumented; here it does.
        if self.live_child(parent, name).is_some() {
            return Err(ApiError::new(1, DIR_EXISTS));
        }
        Ok(self.add(parent, name, Kind::Dir, now))
    }

    pub(super) fn add(&mut self, parent: i64, name: &str, kind: Kind, now: i64) -> i64 {
        let id = self.alloc_id();
        let status = if matches!(kind, Kind::Dir) {
            0
        } else {
            STATUS_FILE
        };
        self.insert(Node {
            id,
            parent,
            name: name.to_owned(),
            kind,
            trashed: false,
            status,
            created: now,
            updated: now,
        });
        id
    }

    /// A live (non-trashed, not inside the trash) item, else 5066.
    pub fn live(&self, id: i64) -> Result<&Node, ApiError> {
        match self.get(id) {
            Some(n) if !self.in_trash(id) => Ok(n),
            _ => Err(ApiError::not_found()),
        }
    }

    pub fn rename(&mut self, id: i64, name: &str, now: i64) -> Result<(), ApiError> {
        let node = self.live(id)?;
        names::validate(name)?;
        if node.name == name {
            return Ok(());
        }
        if self.live_child(node.parent, name).is_some() {
            return Err(ApiError::name_taken());
        }
        self.set_name(id, name);
        if let Some(n) = self.get_mut(id) {
            n.updated = now;
        }
        Ok(())
    }

    pub fn move_items(&mut self, ids: &[i64], target: i64, now: i64) -> Result<(), ApiError> {
        if !self.is_live_dir(target) {
            return Err(ApiError::missing_dir("toParentFileID"));
        }
        let mut names_seen = HashSet::new();
        for &id in ids {
            let node = self.live(id)?;
            if node.parent == target {
                return Err(ApiError::new(1, "文件已在当前文件夹"));
            }
            if node.is_dir() && self.is_within(target, id) {
                return Err(ApiError::new(1, "不能将文件夹移动到自身或其子文件夹中"));
            }
            if self.live_child(target, &node.name).is_some() || !names_seen.insert(&node.name) {
                return Err(ApiError::name_taken());
            }
        }
        for &id in ids {
            self.set_parent(id, target);
            if let Some(n) = self.get_mut(id) {
                n.updated = now;
            }
        }
        Ok(())
    }

    /// Puts a new file named `name` into `parent` under the `duplicate` policy and returns its id.
    pub fn place_file(
        &mut self,
        parent: i64,
        name: &str,
        dup: Duplicate,
        content: (String, u64),
        now: i64,
    ) -> Result<i64, ApiError> {
        if !self.is_live_dir(parent) {
            return Err(ApiError::missing_dir("parentFileID"));
        }
        let mut name = name.to_owned();
        if let Some(existing) = self.live_child(parent, &name) {
            match dup {
                Duplicate::Refuse => return Err(ApiError::name_taken()),
                Duplicate::KeepBoth => name = self.unique_name(parent, &name),
                // Overwriting a folder with a file would destroy a subtree: refused.
                Duplicate::Overwrite if existing.is_dir() => return Err(ApiError::name_taken()),
                Duplicate::Overwrite => {
                    let old = existing.id;
                    self.remove(old);
                }
            }
        }
        let (etag, size) = content;
        Ok(self.add(parent, &name, Kind::File { etag, size }, now))
    }

    /// Checks that a file could be placed (create's early answer); nothing changes.
    pub fn check_placeable(&self, parent: i64, name: &str, dup: Duplicate) -> Result<(), ApiError> {
        if !self.is_live_dir(parent) {
            return Err(ApiError::missing_dir("parentFileID"));
        }
        match (self.live_child(parent, name), dup) {
            (Some(_), Duplicate::Refuse) => Err(ApiError::name_taken()),
            (Some(n), Duplicate::Overwrite) if n.is_dir() => Err(ApiError::name_taken()),
            _ => Ok(()),
        }
    }

    /// The folder and name an upload's `filename` designates: with `containDir` a path whose
    /// missing folders are created, otherwise a plain name.
    pub fn upload_target(
        &mut self,
        parent: i64,
        filename: &str,
        contain_dir: bool,
        now: i64,
    ) -> Result<(i64, String), ApiError> {
        if contain_dir {
            return self.ensure_dirs(parent, filename, now);
        }
        names::validate(filename)?;
        Ok((parent, filename.to_owned()))
    }

    /// For `containDir`: walks/creates the folders of `path` (`/a/b/file`) below `parent` and
    /// returns the last folder's id with the file name.
    fn ensure_dirs(
        &mut self,
        parent: i64,
        path: &str,
        now: i64,
    ) -> Result<(i64, String), ApiError> {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let Some((file, dirs)) = parts.split_last() else {
            return Err(ApiError::blank_name());
        };
        for part in parts.iter() {
            names::validate(part)?;
        }
        if !self.is_live_dir(parent) {
            return Err(ApiError::missing_dir("parentFileID"));
        }
        let mut cur = parent;
        for dir in dirs {
            cur = match self.live_child(cur, dir) {
                Some(n) if n.is_dir() => n.id,
                Some(_) => return Err(ApiError::name_taken()),
                None => self.add(cur, dir, Kind::Dir, now),
            };
        }
        Ok((cur, (*file).to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ROOT, test_file as file};
    use super::*;

    #[test]
    fn mkdir_conflicts_and_parent_checks() {
        let mut t = Tree::new(100);
        let a = t.mkdir(ROOT, "a", 0).unwrap();
        assert_eq!(t.mkdir(ROOT, "a", 0).unwrap_err().message, DIR_EXISTS);
        assert!(t.mkdir(ROOT, "A", 0).is_ok(), "names are case-sensitive");
        assert_eq!(t.mkdir(999, "x", 0).unwrap_err().message, "parentID不存在");
        assert_eq!(t.resolve("/a"), Some(a));
    }

    #[test]
    fn move_refuses_cycles_same_parent_and_clashes() {
        let mut t = Tree::new(100);
        let a = t.mkdir(ROOT, "a", 0).unwrap();
        let b = t.mkdir(a, "b", 0).unwrap();
        let f = file(&mut t, ROOT, "f");
        file(&mut t, b, "f");
        assert!(
            t.move_items(&[a], b, 0)
                .unwrap_err()
                .message
                .contains("自身")
        );
        assert!(
            t.move_items(&[a], a, 0)
                .unwrap_err()
                .message
                .contains("自身")
        );
        assert_eq!(
            t.move_items(&[f], ROOT, 0).unwrap_err().message,
            "文件已在当前文件夹"
        );
        assert_eq!(t.move_items(&[f], b, 0), Err(ApiError::name_taken()));
        t.move_items(&[f], a, 0).unwrap();
        assert_eq!(t.resolve("/a/f"), Some(f));
    }

    #[test]
    fn duplicate_policies() {
        let mut t = Tree::new(100);
        let first = file(&mut t, ROOT, "x.txt");
        let c = ("e".to_owned(), 1);
        assert_eq!(
            t.place_file(ROOT, "x.txt", Duplicate::Refuse, c.clone(), 0),
            Err(ApiError::name_taken())
        );
        let both = t
            .place_file(ROOT, "x.txt", Duplicate::KeepBoth, c.clone(), 0)
            .unwrap();
        assert_eq!(t.get(both).unwrap().name, "x(1).txt");
        let over = t
            .place_file(ROOT, "x.txt", Duplicate::Overwrite, c, 0)
            .unwrap();
        assert!(t.get(first).is_none());
        assert_eq!(t.resolve("/x.txt"), Some(over));
    }

    #[test]
    fn contain_dir_creates_missing_folders() {
        let mut t = Tree::new(100);
        let (dir, name) = t.ensure_dirs(ROOT, "/你好/123/测试文件.mp4", 0).unwrap();
        assert_eq!(name, "测试文件.mp4");
        assert_eq!(t.resolve("/你好/123"), Some(dir));
        let (again, _) = t.ensure_dirs(ROOT, "你好/123/x", 0).unwrap();
        assert_eq!(again, dir);
        assert!(t.ensure_dirs(ROOT, "a/b:c/x", 0).is_err());
    }
}
