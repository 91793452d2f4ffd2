//! Copy tasks (复制云盘图片) and offline-import tasks (图床离线迁移), as the process endpoints
//! report them. Neither is persisted, like the drive's async copy tasks.
//!
//! Copy status per the 获取复制任务详情 page: 1 running, 2 finished, 3 failed, 4 waiting. Import
//! status per 获取离线迁移任务: 0 running, 1 failed, 2 done, 3 retrying, with `process` 0–100.

use std::collections::HashMap;

/// At most this many copy tasks may be unfinished ("可创建的任务数：3").
pub(crate) const MAX_OPEN_COPIES: usize = 3;

#[derive(Clone, Debug)]
pub(crate) struct CopyTask {
    /// Whether the whole task failed, and why (`failMsg`).
    pub failure: Option<String>,
    /// Images that qualified but could not be copied: drive file id and name.
    pub failed: Vec<(i64, String)>,
    /// `process` calls so far.
    pub polls: u32,
    /// Reported as finished (2 or 3) at least once.
    pub finished: bool,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct ImportTask {
    pub status: u8,
    pub percent: u8,
    pub reason: String,
}

#[derive(Default)]
pub(crate) struct Tasks {
    pub copies: HashMap<String, CopyTask>,
    pub imports: HashMap<i64, ImportTask>,
    next_import: i64,
}

impl Tasks {
    pub fn open_copies(&self) -> usize {
        self.copies.values().filter(|t| !t.finished).count()
    }

    pub fn new_import(&mut self) -> i64 {
        self.next_import = self.next_import.max(403_315) + 1;
        self.imports.insert(self.next_import, ImportTask::default());
        self.next_import
    }
}
