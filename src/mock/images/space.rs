//! [`Images`]: everything of the image-hosting space, kept beside the drive under the same lock
//! (copy tasks read the drive tree, and both share the blob store), and its persisted form.

use serde::{Deserialize, Serialize};

use super::session::{ImageUploads, ImageUploadsSnapshot};
use super::tasks::Tasks;
use super::tree::{ImageTree, ImageTreeSnapshot};

#[derive(Default)]
pub(crate) struct Images {
    pub tree: ImageTree,
    pub uploads: ImageUploads,
    pub tasks: Tasks,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct ImagesSnapshot {
    tree: ImageTreeSnapshot,
    uploads: ImageUploadsSnapshot,
}

impl Images {
    pub fn snapshot(&self) -> ImagesSnapshot {
        ImagesSnapshot {
            tree: self.tree.snapshot(),
            uploads: self.uploads.snapshot(),
        }
    }

    pub fn restore(snap: ImagesSnapshot) -> Self {
        Images {
            tree: ImageTree::restore(snap.tree),
            uploads: ImageUploads::restore(snap.uploads),
            tasks: Tasks::default(),
        }
    }
}
