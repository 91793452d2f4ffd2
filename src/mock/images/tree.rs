//! [`ImageTree`]: the image-hosting folder tree, separate from the drive's.
//!
//! Ids are long random strings. Requests name the root `""` ("上传到根目录时为空"), but the root is
//! a folder of its own: the list example shows root items with a non-empty `parentFileId` and
//! `parentFilename: "img_oss"` (the folder created with `parentID: ""` lists under it). So the
//! root is a node named `img_oss` with a random id, and both `""` and that id address it.
//!
//! Listing order is newest first (the list example shows the 15:43 folder before the 15:07 one),
//! by a creation sequence number that moves and renames keep. Names are unique per folder: no
//! recycle bin exists in the image space. Removed ids are remembered for a while so a listing
//! cursor naming an image deleted meanwhile still resumes at the right place.

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde::{Deserialize, Serialize};

use super::super::reply::ApiError;
use super::rules;

pub(crate) const ROOT_NAME: &str = "img_oss";
/// How many removed ids keep resolving as listing cursors.
const TOMBSTONES: usize = 4096;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum ImageKind {
    Dir,
    /// Content is the blob keyed by `(etag, size)`.
    File {
        etag: String,
        size: u64,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ImageNode {
    pub id: String,
    /// The root's is `""`.
    pub parent: String,
    pub name: String,
    pub kind: ImageKind,
    pub seq: u64,
    /// Unix seconds.
    pub created: i64,
    pub updated: i64,
    /// Bytes served from its URLs (`totalTraffic`).
    pub traffic: u64,
}

impl ImageNode {
    pub fn is_dir(&self) -> bool {
        self.kind == ImageKind::Dir
    }

    pub fn size(&self) -> u64 {
        match self.kind {
            ImageKind::File { size, .. } => size,
            ImageKind::Dir => 0,
        }
    }

    pub fn etag(&self) -> &str {
        match &self.kind {
            ImageKind::File { etag, .. } => etag,
            ImageKind::Dir => "",
        }
    }
}

pub(crate) struct ImageTree {
    root: String,
    nodes: HashMap<String, ImageNode>,
    /// Folder id → sequence number → child id.
    children: HashMap<String, BTreeMap<u64, String>>,
    /// Folder id → name → child id.
    by_name: HashMap<String, HashMap<String, String>>,
    next_seq: u64,
    gone: HashMap<String, u64>,
    gone_order: VecDeque<String>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct ImageTreeSnapshot {
    root: String,
    next_seq: u64,
    nodes: Vec<ImageNode>,
}

impl Default for ImageTree {
    fn default() -> Self {
        let root = rules::new_id();
        let mut tree = ImageTree::empty(root.clone(), 1);
        tree.insert(ImageNode {
            id: root,
            parent: String::new(),
            name: ROOT_NAME.to_owned(),
            kind: ImageKind::Dir,
            seq: 0,
            created: 0,
            updated: 0,
            traffic: 0,
        });
        tree
    }
}

impl ImageTree {
    fn empty(root: String, next_seq: u64) -> Self {
        ImageTree {
            root,
            nodes: HashMap::new(),
            children: HashMap::new(),
            by_name: HashMap::new(),
            next_seq,
            gone: HashMap::new(),
            gone_order: VecDeque::new(),
        }
    }

    pub fn snapshot(&self) -> ImageTreeSnapshot {
        ImageTreeSnapshot {
            root: self.root.clone(),
            next_seq: self.next_seq,
            nodes: self.nodes.values().cloned().collect(),
        }
    }

    pub fn restore(snap: ImageTreeSnapshot) -> Self {
        let mut tree = ImageTree::empty(snap.root, snap.next_seq);
        for node in snap.nodes {
            tree.insert(node);
        }
        tree
    }

    pub fn root_id(&self) -> &str {
        &self.root
    }

    /// `""` names the root.
    pub fn canon<'a>(&'a self, id: &'a str) -> &'a str {
        if id.is_empty() { &self.root } else { id }
    }

    pub fn get(&self, id: &str) -> Option<&ImageNode> {
        self.nodes.get(self.canon(id))
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut ImageNode> {
        let id = if id.is_empty() {
            self.root.clone()
        } else {
            id.to_owned()
        };
        self.nodes.get_mut(&id)
    }

    /// The folder `id` (the root for `""`), else the error naming `field`.
    pub fn dir(&self, id: &str, field: &str) -> Result<&ImageNode, ApiError> {
        self.get(id)
            .filter(|n| n.is_dir())
            .ok_or_else(|| ApiError::missing_dir(field))
    }

    pub fn file(&self, id: &str) -> Result<&ImageNode, ApiError> {
        match self.get(id) {
            Some(n) if n.id != self.root => Ok(n),
            _ => Err(ApiError::new(5066, "文件不存在，检查传入fileID是否正确")),
        }
    }

    pub fn child_named(&self, parent: &str, name: &str) -> Option<&ImageNode> {
        let id = self.by_name.get(self.canon(parent))?.get(name)?;
        self.nodes.get(id)
    }

    /// Children of `parent`, newest first.
    pub fn children(&self, parent: &str) -> impl Iterator<Item = &ImageNode> {
        self.children_from(parent, u64::MAX)
    }

    /// Children of `parent` created at or before sequence number `seq`, newest first.
    pub fn children_from(&self, parent: &str, seq: u64) -> impl Iterator<Item = &ImageNode> {
        self.children
            .get(self.canon(parent))
            .into_iter()
            .flat_map(move |m| m.range(..=seq).rev())
            .filter_map(|(_, id)| self.nodes.get(id))
    }

    /// The sequence number of a listing cursor: a live id or one removed recently.
    pub fn cursor_seq(&self, id: &str) -> Option<u64> {
        self.nodes
            .get(id)
            .map(|n| n.seq)
            .or_else(|| self.gone.get(id).copied())
    }

    pub fn iter(&self) -> impl Iterator<Item = &ImageNode> {
        self.nodes.values()
    }

    pub fn next_seq(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq += 1;
        seq
    }

    pub fn insert(&mut self, node: ImageNode) {
        self.next_seq = self.next_seq.max(node.seq + 1);
        if !node.parent.is_empty() {
            self.index(&node.parent, &node.name, node.seq, &node.id);
        }
        self.nodes.insert(node.id.clone(), node);
    }

    fn index(&mut self, parent: &str, name: &str, seq: u64, id: &str) {
        let kids = self.children.entry(parent.to_owned()).or_default();
        kids.insert(seq, id.to_owned());
        let names = self.by_name.entry(parent.to_owned()).or_default();
        names.insert(name.to_owned(), id.to_owned());
    }

    fn unindex(&mut self, parent: &str, name: &str, seq: u64) {
        if let Some(kids) = self.children.get_mut(parent) {
            kids.remove(&seq);
        }
        if let Some(names) = self.by_name.get_mut(parent) {
            names.remove(name);
        }
    }

    /// Removes one node (not its children).
    pub fn remove(&mut self, id: &str) -> Option<ImageNode> {
        let node = self.nodes.remove(id)?;
        self.unindex(&node.parent, &node.name, node.seq);
        self.gone.insert(node.id.clone(), node.seq);
        self.gone_order.push_back(node.id.clone());
        while self.gone_order.len() > TOMBSTONES {
            if let Some(old) = self.gone_order.pop_front() {
                self.gone.remove(&old);
            }
        }
        Some(node)
    }

    /// Moves and/or renames a node, keeping its indexes in step.
    pub fn relocate(&mut self, id: &str, parent: &str, name: &str, now: i64) {
        let Some(node) = self.nodes.get(id) else {
            return;
        };
        let (old_parent, old_name, seq) = (node.parent.clone(), node.name.clone(), node.seq);
        let parent = self.canon(parent).to_owned();
        self.unindex(&old_parent, &old_name, seq);
        self.index(&parent, name, seq, id);
        if let Some(n) = self.nodes.get_mut(id) {
            n.parent = parent;
            n.name = name.to_owned();
            n.updated = now;
        }
    }

    /// Whether `id` is `ancestor` or lies below it.
    pub fn is_within(&self, id: &str, ancestor: &str) -> bool {
        let ancestor = self.canon(ancestor);
        let mut cur = self.canon(id).to_owned();
        for _ in 0..=self.nodes.len() {
            if cur == ancestor {
                return true;
            }
            match self.nodes.get(&cur) {
                Some(n) if !n.parent.is_empty() => cur = n.parent.clone(),
                _ => return false,
            }
        }
        false
    }

    /// `id` and everything below it, parents before children.
    pub fn subtree(&self, id: &str) -> Vec<String> {
        let mut out = vec![self.canon(id).to_owned()];
        let mut i = 0;
        while let Some(cur) = out.get(i).cloned() {
            out.extend(self.children(&cur).map(|c| c.id.clone()));
            i += 1;
        }
        out
    }

    /// The id at an absolute path like `/blog/a.png`; `/` is the root's real id.
    pub fn resolve(&self, path: &str) -> Option<String> {
        path.split('/')
            .filter(|s| !s.is_empty())
            .try_fold(self.root.clone(), |dir, name| {
                self.child_named(&dir, name).map(|n| n.id.clone())
            })
    }
}
