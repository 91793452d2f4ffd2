//! [`Builder`]: adds folders and generated files to a drive with deterministic timestamps.

use super::super::content::Recipe;
use super::super::reply::ApiError;
use super::super::shared::Drive;
use super::super::tree::Duplicate;

/// Seconds between the timestamps of consecutive seeded items.
const STEP: i64 = 3_571;

pub(crate) struct Builder<'a> {
    drive: &'a mut Drive,
    clock: i64,
}

impl<'a> Builder<'a> {
    /// Dates the first item one step after `start` (Unix seconds).
    pub fn new(drive: &'a mut Drive, start: i64) -> Self {
        Builder {
            drive,
            clock: start,
        }
    }

    fn tick(&mut self) -> i64 {
        self.clock += STEP;
        self.clock
    }

    fn stamp(&mut self, id: i64) {
        let t = self.tick();
        if let Some(n) = self.drive.tree.get_mut(id) {
            n.created = t;
            n.updated = t;
        }
    }

    /// A folder the server names itself (exempt from the user's name rules).
    pub fn system_dir(&mut self, parent: i64, name: &str) -> Result<i64, ApiError> {
        let id = self.drive.tree.system_dir(parent, name, 0)?;
        self.stamp(id);
        Ok(id)
    }

    /// An offline download task that has finished.
    pub fn offline_done(&mut self, task: i64) {
        self.drive.offline.insert_done(task);
    }

    pub fn dir(&mut self, parent: i64, name: &str) -> Result<i64, ApiError> {
        let id = self.drive.tree.mkdir(parent, name, 0)?;
        self.stamp(id);
        Ok(id)
    }

    fn file(
        &mut self,
        parent: i64,
        name: &str,
        recipe: Recipe,
        size: u64,
        etag: String,
    ) -> Result<i64, ApiError> {
        self.drive.blobs.add_generated(&etag, size, recipe);
        self.place(parent, name, (etag, size))
    }

    fn place(&mut self, parent: i64, name: &str, content: (String, u64)) -> Result<i64, ApiError> {
        let tree = &mut self.drive.tree;
        let id = tree.place_file(parent, name, Duplicate::Refuse, content, 0)?;
        self.stamp(id);
        Ok(id)
    }

    /// A file with exactly these bytes, stored now: keep these small.
    pub fn bytes(&mut self, parent: i64, name: &str, bytes: &[u8]) -> Result<i64, ApiError> {
        let stored = self.drive.blobs.store(bytes);
        let content = stored.map_err(|_| ApiError::new(1, "内部错误"))?;
        self.place(parent, name, content)
    }

    /// A text file of `units` whole repetitions of its seed's pattern.
    pub fn text(
        &mut self,
        parent: i64,
        name: &str,
        seed: u64,
        units: u64,
    ) -> Result<i64, ApiError> {
        let recipe = Recipe::Text { seed };
        let size = Recipe::text_unit(seed) * units.max(1);
        self.file(parent, name, recipe, size, recipe.md5(size))
    }

    /// A binary file, hashed now: keep these small.
    pub fn noise(
        &mut self,
        parent: i64,
        name: &str,
        seed: u64,
        size: u64,
    ) -> Result<i64, ApiError> {
        let recipe = Recipe::Noise { seed };
        self.file(parent, name, recipe, size, recipe.md5(size))
    }

    /// A binary file whose MD5 is known in advance.
    pub fn large(
        &mut self,
        parent: i64,
        name: &str,
        seed: u64,
        size: u64,
        md5: &str,
    ) -> Result<i64, ApiError> {
        self.file(parent, name, Recipe::Noise { seed }, size, md5.to_owned())
    }

    pub fn set_status(&mut self, id: i64, status: i64) {
        if let Some(n) = self.drive.tree.get_mut(id) {
            n.status = status;
        }
    }

    pub fn resolve(&self, dir: &str) -> Result<i64, ApiError> {
        self.drive.tree.resolve(dir).ok_or_else(ApiError::not_found)
    }

    pub fn trash(&mut self, ids: &[i64]) -> Result<(), ApiError> {
        let t = self.tick();
        self.drive.tree.trash(ids, t)
    }
}
