//! Copying items: files share their blob, folders are copied recursively with their
//! non-trashed contents. A name taken in the target folder gets a "keep both" suffix (the
//! documents don't say what the service does).

use super::super::reply::ApiError;
use super::{Kind, Tree};

impl Tree {
    /// Validates a copy of `ids` into `target` without changing anything.
    pub fn check_copy(&self, ids: &[i64], target: i64) -> Result<(), ApiError> {
        if !self.is_live_dir(target) {
            return Err(ApiError::missing_dir("targetDirId"));
        }
        for &id in ids {
            let node = self.live(id)?;
            if node.is_dir() && self.is_within(target, id) {
                return Err(ApiError::new(1, "不能将文件夹复制到自身或其子文件夹中"));
            }
        }
        Ok(())
    }

    /// Copies `id` into `target`; returns the new item's id.
    pub fn copy(&mut self, id: i64, target: i64, now: i64) -> Result<i64, ApiError> {
        self.check_copy(&[id], target)?;
        let Some(node) = self.get(id) else {
            return Err(ApiError::not_found());
        };
        let name = self.unique_name(target, &node.name);
        let top = self.add(target, &name, node.kind.clone(), now);
        let mut stack = vec![(id, top)];
        while let Some((from, to)) = stack.pop() {
            let kids: Vec<(i64, String, Kind)> = self
                .children(from)
                .filter(|c| !c.trashed)
                .map(|c| (c.id, c.name.clone(), c.kind.clone()))
                .collect();
            for (child, name, kind) in kids {
                let is_dir = matches!(kind, Kind::Dir);
                let copied = self.add(to, &name, kind, now);
                if is_dir {
                    stack.push((child, copied));
                }
            }
        }
        Ok(top)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Duplicate, ROOT};
    use super::*;

    #[test]
    fn copies_folders_recursively_without_trashed_items() {
        let mut t = Tree::new(100);
        let a = t.mkdir(ROOT, "a", 0).unwrap();
        let b = t.mkdir(a, "b", 0).unwrap();
        t.place_file(b, "f", Duplicate::Refuse, ("e".into(), 5), 0)
            .unwrap();
        let junk = t
            .place_file(a, "junk", Duplicate::Refuse, ("e".into(), 7), 0)
            .unwrap();
        t.trash(&[junk], 0).unwrap();
        let c = t.copy(a, ROOT, 0).unwrap();
        assert_eq!(t.get(c).unwrap().name, "a(1)");
        assert!(t.resolve("/a(1)/b/f").is_some());
        assert!(t.resolve("/a(1)/junk").is_none());
        assert_eq!(t.live_size(c), 5);
        assert!(t.copy(a, b, 0).is_err(), "into its own subtree");
    }
}
