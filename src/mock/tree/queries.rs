//! The [`Tree`] itself: nodes by id, the child and name indexes kept in step with every
//! change of parent or name, and the read-only queries (liveness, ancestry, sizes, paths).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{Node, ROOT, names};

/// Ancestor walks stop here; the tree never gets this deep, so hitting it means a cycle.
const MAX_DEPTH: usize = 4096;

#[derive(Default)]
pub(crate) struct Tree {
    nodes: BTreeMap<i64, Node>,
    /// parent id → child ids. Entries can outlive their parent: items trashed on their own keep
    /// pointing at a permanently deleted parent (what `recover` reports as abnormal).
    children: HashMap<i64, BTreeSet<i64>>,
    /// parent id → name → ids (trashed ones included), so name lookups in big folders are cheap.
    by_name: HashMap<i64, HashMap<String, Vec<i64>>>,
    next_id: i64,
}

/// The persisted form of a [`Tree`].
#[derive(Serialize, Deserialize)]
pub(crate) struct TreeSnapshot {
    next_id: i64,
    nodes: Vec<Node>,
}

impl Tree {
    pub fn new(first_id: i64) -> Self {
        Tree {
            next_id: first_id,
            ..Tree::default()
        }
    }

    pub fn snapshot(&self) -> TreeSnapshot {
        TreeSnapshot {
            next_id: self.next_id,
            nodes: self.nodes.values().cloned().collect(),
        }
    }

    pub fn restore(snap: TreeSnapshot) -> Self {
        let mut tree = Tree::new(snap.next_id);
        for node in snap.nodes {
            tree.insert(node);
        }
        tree
    }

    pub fn alloc_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn get(&self, id: i64) -> Option<&Node> {
        self.nodes.get(&id)
    }

    /// For fields other than `parent` and `name`, which are indexed: see `set_parent`, `set_name`.
    pub fn get_mut(&mut self, id: i64) -> Option<&mut Node> {
        self.nodes.get_mut(&id)
    }

    /// All nodes in ascending id order.
    pub fn iter(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values()
    }

    fn index_name(&mut self, parent: i64, name: &str, id: i64) {
        self.by_name
            .entry(parent)
            .or_default()
            .entry(name.to_owned())
            .or_default()
            .push(id);
    }

    fn unindex_name(&mut self, parent: i64, name: &str, id: i64) {
        if let Some(ids) = self.by_name.get_mut(&parent).and_then(|m| m.get_mut(name)) {
            ids.retain(|x| *x != id);
        }
    }

    pub fn insert(&mut self, node: Node) {
        self.children
            .entry(node.parent)
            .or_default()
            .insert(node.id);
        self.index_name(node.parent, &node.name, node.id);
        self.next_id = self.next_id.max(node.id + 1);
        self.nodes.insert(node.id, node);
    }

    /// Removes one node (not its children) from the tree.
    pub fn remove(&mut self, id: i64) -> Option<Node> {
        let node = self.nodes.remove(&id)?;
        if let Some(set) = self.children.get_mut(&node.parent) {
            set.remove(&id);
        }
        self.unindex_name(node.parent, &node.name, id);
        Some(node)
    }

    pub fn set_parent(&mut self, id: i64, parent: i64) {
        let Some(node) = self.nodes.get_mut(&id) else {
            return;
        };
        let old = std::mem::replace(&mut node.parent, parent);
        let name = node.name.clone();
        if let Some(set) = self.children.get_mut(&old) {
            set.remove(&id);
        }
        self.children.entry(parent).or_default().insert(id);
        self.unindex_name(old, &name, id);
        self.index_name(parent, &name, id);
    }

    pub fn set_name(&mut self, id: i64, name: &str) {
        let Some(node) = self.nodes.get_mut(&id) else {
            return;
        };
        let old = std::mem::replace(&mut node.name, name.to_owned());
        let parent = node.parent;
        self.unindex_name(parent, &old, id);
        self.index_name(parent, name, id);
    }

    /// Children of `parent` with an id above `after`, ascending.
    pub fn children_after(&self, parent: i64, after: i64) -> impl Iterator<Item = &Node> {
        self.children
            .get(&parent)
            .into_iter()
            .flat_map(move |set| set.range(after.saturating_add(1)..))
            .filter_map(|id| self.nodes.get(id))
    }

    pub fn children(&self, parent: i64) -> impl Iterator<Item = &Node> {
        self.children_after(parent, i64::MIN)
    }

    /// The non-trashed child of `parent` called exactly `name`.
    pub fn live_child(&self, parent: i64, name: &str) -> Option<&Node> {
        let ids = self.by_name.get(&parent)?.get(name)?;
        ids.iter()
            .filter_map(|id| self.nodes.get(id))
            .find(|n| !n.trashed)
    }

    /// Whether `id` is the root or a folder that is neither trashed nor inside a trashed folder.
    pub fn is_live_dir(&self, id: i64) -> bool {
        id == ROOT
            || self
                .get(id)
                .is_some_and(|n| n.is_dir() && !self.in_trash(id))
    }

    /// Whether `id` or one of its ancestors is trashed, or its ancestry is broken.
    pub fn in_trash(&self, id: i64) -> bool {
        let mut cur = id;
        for _ in 0..MAX_DEPTH {
            if cur == ROOT {
                return false;
            }
            match self.get(cur) {
                Some(n) if n.trashed => return true,
                Some(n) => cur = n.parent,
                None => return true,
            }
        }
        true
    }

    /// Whether `id` is `ancestor` or lies below it.
    pub fn is_within(&self, id: i64, ancestor: i64) -> bool {
        let mut cur = id;
        for _ in 0..MAX_DEPTH {
            if cur == ancestor {
                return true;
            }
            match self.get(cur) {
                Some(n) if cur != ROOT => cur = n.parent,
                _ => return false,
            }
        }
        false
    }

    /// Accumulated size of a folder's contents, leaving out trashed items (detail shows this).
    pub fn live_size(&self, id: i64) -> u64 {
        let mut total = 0u64;
        let mut stack = vec![id];
        while let Some(cur) = stack.pop() {
            for child in self.children(cur).filter(|c| !c.trashed) {
                total = total.saturating_add(child.size());
                if child.is_dir() {
                    stack.push(child.id);
                }
            }
        }
        total
    }

    /// Bytes of every stored file, trashed ones included (`spaceUsed`).
    pub fn space_used(&self) -> u64 {
        self.nodes
            .values()
            .map(Node::size)
            .fold(0, u64::saturating_add)
    }

    /// `name`, or the first `name(n)` variant no live sibling uses.
    pub fn unique_name(&self, parent: i64, name: &str) -> String {
        if self.live_child(parent, name).is_none() {
            return name.to_owned();
        }
        (1..)
            .map(|n| names::suffixed(name, n))
            .find(|candidate| self.live_child(parent, candidate).is_none())
            .unwrap_or_else(|| name.to_owned())
    }

    /// The id at an absolute path like `/a/b`, following non-trashed items first.
    pub fn resolve(&self, path: &str) -> Option<i64> {
        path.split('/')
            .filter(|s| !s.is_empty())
            .try_fold(ROOT, |dir, name| {
                self.live_child(dir, name)
                    .or_else(|| self.children(dir).find(|n| n.name == name))
                    .map(|n| n.id)
            })
    }
}

/// Test helper: a one-byte file named `name` in `parent`.
#[cfg(test)]
pub(crate) fn test_file(t: &mut Tree, parent: i64, name: &str) -> i64 {
    t.place_file(parent, name, super::Duplicate::Refuse, ("e".into(), 1), 0)
        .unwrap()
}
