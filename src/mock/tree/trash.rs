//! Recycle-bin operations: trash, recover (to the old place or a given folder), permanent
//! delete.
//!
//! Model (the documents leave the details open, API.md §7): trashing sets the item's own flag
//! and leaves it under its parent; its descendants keep their own flags and disappear with it.
//! Permanent delete is only for items whose own flag is set (彻底删除.md: "文件必须要在回收站中");
//! it removes the item and every descendant not separately trashed. Separately trashed
//! descendants stay in the recycle bin pointing at a parent that no longer exists; `recover`
//! reports such items as `abnormalFileIDs` (从回收站恢复文件: "父级目录不存在"), and also, as the
//! brief asks, items whose parent is itself in the trash.

use super::super::reply::ApiError;
use super::Tree;

impl Tree {
    /// Validation shared by the batch operations: every id must exist.
    fn all_exist(&self, ids: &[i64]) -> Result<(), ApiError> {
        match ids.iter().all(|id| self.get(*id).is_some()) {
            true => Ok(()),
            false => Err(ApiError::not_found()),
        }
    }

    pub fn trash(&mut self, ids: &[i64], now: i64) -> Result<(), ApiError> {
        self.all_exist(ids)?;
        for id in ids {
            if let Some(n) = self.get_mut(*id).filter(|n| !n.trashed) {
                n.trashed = true;
                n.updated = now;
            }
        }
        Ok(())
    }

    /// Restores trashed items to their old folder; returns the ids that could not be restored
    /// because that folder is gone or in the trash. Items not in the recycle bin are ignored.
    pub fn recover(&mut self, ids: &[i64], now: i64) -> Result<Vec<i64>, ApiError> {
        self.all_exist(ids)?;
        let mut abnormal = Vec::new();
        for &id in ids {
            let Some(node) = self.get(id).filter(|n| n.trashed) else {
                continue;
            };
            let parent = node.parent;
            if !self.is_live_dir(parent) {
                abnormal.push(id);
                continue;
            }
            self.restore_into(id, parent, now);
        }
        Ok(abnormal)
    }

    /// `recover/by_path`: restores trashed items into `parent`.
    pub fn recover_to(&mut self, ids: &[i64], parent: i64, now: i64) -> Result<(), ApiError> {
        self.all_exist(ids)?;
        if !self.is_live_dir(parent) {
            return Err(ApiError::missing_dir("parentFileID"));
        }
        for &id in ids {
            if self.get(id).is_some_and(|n| n.trashed) {
                self.restore_into(id, parent, now);
            }
        }
        Ok(())
    }

    /// NOTE: what the real service does when a restored name is taken meanwhile is
    /// undocumented; the mock keeps both by suffixing the restored item.
    fn restore_into(&mut self, id: i64, parent: i64, now: i64) {
        let Some(name) = self.get(id).map(|n| n.name.clone()) else {
            return;
        };
        let name = self.unique_name(parent, &name);
        self.set_parent(id, parent);
        self.set_name(id, &name);
        if let Some(n) = self.get_mut(id) {
            n.trashed = false;
            n.updated = now;
        }
    }

    pub fn delete(&mut self, ids: &[i64]) -> Result<(), ApiError> {
        self.all_exist(ids)?;
        if ids
            .iter()
            .any(|id| self.get(*id).is_some_and(|n| !n.trashed))
        {
            return Err(ApiError::new(1, "文件必须要在回收站中才能彻底删除"));
        }
        for &id in ids {
            self.remove_subtree(id);
        }
        Ok(())
    }

    /// Removes `id` and its descendants, except descendants trashed on their own.
    fn remove_subtree(&mut self, id: i64) {
        let mut stack = vec![id];
        while let Some(cur) = stack.pop() {
            let kids: Vec<i64> = self
                .children(cur)
                .filter(|c| !c.trashed)
                .map(|c| c.id)
                .collect();
            stack.extend(kids);
            self.remove(cur);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ROOT, test_file as file};
    use super::*;

    #[test]
    fn delete_requires_trash_and_spares_separately_trashed_children() {
        let mut t = Tree::new(100);
        let d = t.mkdir(ROOT, "d", 0).unwrap();
        let kept = file(&mut t, d, "kept");
        let gone = file(&mut t, d, "gone");
        assert!(t.delete(&[d]).is_err());
        t.trash(&[kept], 0).unwrap();
        t.trash(&[d], 0).unwrap();
        assert!(t.in_trash(gone));
        t.delete(&[d]).unwrap();
        assert!(t.get(d).is_none() && t.get(gone).is_none());
        assert!(t.get(kept).is_some());
        assert_eq!(t.recover(&[kept], 0).unwrap(), vec![kept], "parent gone");
        t.recover_to(&[kept], ROOT, 0).unwrap();
        assert_eq!(t.resolve("/kept"), Some(kept));
    }

    #[test]
    fn recover_reports_trashed_parents_and_suffixes_taken_names() {
        let mut t = Tree::new(100);
        let d = t.mkdir(ROOT, "d", 0).unwrap();
        let f = file(&mut t, d, "f");
        t.trash(&[f], 0).unwrap();
        t.trash(&[d], 0).unwrap();
        assert_eq!(t.recover(&[f], 0).unwrap(), vec![f]);
        assert_eq!(t.recover(&[d], 0).unwrap(), Vec::<i64>::new());
        assert!(t.is_live_dir(d));
        let g = file(&mut t, ROOT, "g");
        t.trash(&[g], 0).unwrap();
        file(&mut t, ROOT, "g");
        t.recover(&[g], 0).unwrap();
        assert_eq!(t.get(g).unwrap().name, "g(1)");
    }
}
