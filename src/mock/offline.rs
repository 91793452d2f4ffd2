//! The drive's offline download tasks (离线下载) as `process` reports them. Status per 获取离线下载
//! 进度: 0 running, 1 failed, 2 done (3 "retrying" is never used: a fetch is tried once).
//! Not persisted, like copy tasks.
//!
//! A task's progress is shown over several polls even when its fetch is over at once (loopback
//! URLs in tests, the demo): the first `pending` `process` calls answer "running" with the
//! progress of that many equal steps; the real state comes after. Reported progress never
//! goes back while the task runs.

use std::collections::HashMap;

/// The first task id handed out: after the document's example (`"taskID": 394756`).
const FIRST_TASK: i64 = 394_757;

#[derive(Clone, Debug, Default)]
pub(crate) struct OfflineTask {
    pub status: u8,
    /// 0–100 of what really arrived.
    pub percent: u8,
    pub reason: String,
    /// `process` calls answered so far.
    pub polls: u32,
    /// The progress last reported.
    pub shown: f64,
}

/// What one `process` call answers.
#[derive(Debug, PartialEq)]
pub(crate) struct Report {
    pub status: u8,
    pub process: f64,
    pub reason: String,
}

#[derive(Default)]
pub(crate) struct OfflineTasks {
    tasks: HashMap<i64, OfflineTask>,
    next: i64,
}

impl OfflineTasks {
    pub fn create(&mut self) -> i64 {
        self.next = self.next.max(FIRST_TASK);
        let id = self.next;
        self.next += 1;
        self.tasks.insert(id, OfflineTask::default());
        id
    }

    /// A task that finished long before anyone asked (the demo's): no pending polls.
    pub fn insert_done(&mut self, id: i64) {
        let done = OfflineTask {
            status: 2,
            percent: 100,
            reason: String::new(),
            polls: u32::MAX,
            shown: 100.0,
        };
        self.tasks.insert(id, done);
        self.next = self.next.max(id + 1);
    }

    pub fn get_mut(&mut self, id: i64) -> Option<&mut OfflineTask> {
        self.tasks.get_mut(&id)
    }

    /// Whether a `process` call on task `id` now would report the real state of a fetch
    /// still running (its pending polls are used up); `None` for an unknown id.
    pub fn still_fetching(&self, id: i64, pending: u32) -> Option<bool> {
        let t = self.tasks.get(&id)?;
        Some(t.polls >= pending && t.status == 0)
    }

    /// Answers a `process` call on task `id` (see the module doc for `pending`); `None` for
    /// an unknown id.
    pub fn report(&mut self, id: i64, pending: u32) -> Option<Report> {
        let t = self.tasks.get_mut(&id)?;
        let n = t.polls;
        t.polls = t.polls.saturating_add(1);
        let (status, process) = match (n < pending, t.status) {
            (true, _) => (0, (1000 * u64::from(n) / u64::from(pending)) as f64 / 10.0),
            // "当文件下载失败，该进度将会归零".
            (false, 1) => (1, 0.0),
            (false, 0) => (0, f64::from(t.percent).max(t.shown)),
            (false, status) => (status, f64::from(t.percent)),
        };
        t.shown = process;
        let reason = match status {
            1 => t.reason.clone(),
            _ => String::new(),
        };
        Some(Report {
            status,
            process,
            reason,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_in_steps_then_the_real_state() {
        let mut t = OfflineTasks::default();
        let id = t.create();
        assert_eq!(id, FIRST_TASK);
        t.get_mut(id).unwrap().percent = 10;
        let shown: Vec<f64> = (0..3).map(|_| t.report(id, 3).unwrap().process).collect();
        assert_eq!(shown, [0.0, 33.3, 66.6]);
        assert_eq!(t.still_fetching(id, 3), Some(true));
        let r = t.report(id, 3).unwrap();
        assert_eq!((r.status, r.process), (0, 66.6), "never backwards");
        let task = t.get_mut(id).unwrap();
        (task.status, task.percent) = (2, 100);
        assert_eq!(t.still_fetching(id, 3), Some(false));
        assert_eq!(t.report(id, 3).unwrap().status, 2);
        assert!(t.report(id + 1, 3).is_none());
    }

    #[test]
    fn failures_show_their_reason_and_zero_progress() {
        let mut t = OfflineTasks::default();
        let id = t.create();
        let task = t.get_mut(id).unwrap();
        (task.status, task.percent, task.reason) = (1, 40, "下载失败，HTTP 404 Not Found".into());
        assert_eq!(t.report(id, 1).unwrap().status, 0, "still pending");
        let r = t.report(id, 1).unwrap();
        assert_eq!((r.status, r.process), (1, 0.0));
        assert!(r.reason.contains("404"));
        t.insert_done(7);
        assert_eq!(t.report(7, 3).unwrap().status, 2);
        assert!(t.create() > 7);
    }
}
