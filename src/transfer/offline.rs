//! One offline download (离线下载): the drive fetches a URL by itself. The job creates the
//! task — once: its id is saved at once, and a restored job asks about that task instead of
//! creating another — then asks how far it got: every `offline_poll` at first and after each
//! change, half as long again after each answer that changed nothing, up to
//! `offline_poll_max`, every question through the client's rate limiter. A failed task keeps
//! the server's reason; a finished one tells where the file landed (`Created`), so listings
//! of that folder are refreshed.

use std::time::Duration;

use super::error::{TransferError, TransferErrorKind};
use super::job::{JobState, OfflineTask};
use super::scheduler::{JobCtx, Outcome};
use super::work::OfflineWork;
use crate::api::{
    ApiErrorKind, FileId, ImportStatus, OFFLINE_DEFAULT_DIR, OfflineRequest, ROOT_DIR,
};

/// Answers with a status the documents don't list, in a row, before giving up.
const UNKNOWN_ANSWERS: u32 = 10;

/// The wait before the next question: short while things change, longer while they don't.
struct Pace {
    now: Duration,
    first: Duration,
    max: Duration,
}

impl Pace {
    fn new(first: Duration, max: Duration) -> Self {
        Self {
            now: first,
            first,
            max: max.max(first),
        }
    }

    fn after(&mut self, changed: bool) -> Duration {
        self.now = match changed {
            true => self.first,
            false => (self.now + self.now / 2).min(self.max),
        };
        self.now
    }
}

fn remote(message: String) -> TransferError {
    TransferError::new(TransferErrorKind::Remote, message)
}

pub(crate) async fn run(ctx: &mut JobCtx, w: &OfflineWork) -> Result<Outcome, TransferError> {
    ctx.state(JobState::Planning);
    let task = match w.task {
        Some(task) => task,
        None => create(ctx, w).await?,
    };
    ctx.state(JobState::Downloading);
    let mut pace = Pace::new(ctx.cfg().offline_poll, ctx.cfg().offline_poll_max);
    let (mut last, mut unknown) = (None, 0);
    loop {
        let progress = match ctx.run(ctx.client()?.offline_status(task)).await? {
            Ok(p) => p,
            Err(e) if e.is_retryable() => return Err(e.into()),
            Err(e) => {
                // The server no longer knows the task (or refuses to say): a retry starts anew.
                ctx.forget_task();
                return Err(remote(format!("offline task {task}: {e}")));
            }
        };
        let percent = progress.percent.round().clamp(0.0, 100.0) as u8;
        let retrying = progress.status == ImportStatus::Retrying;
        let wait = match progress.status {
            ImportStatus::Done => {
                ctx.fetching(OfflineTask {
                    id: task,
                    percent: 100,
                    retrying: false,
                });
                landed(ctx, w).await;
                return Ok(Outcome::Done { reused: false });
            }
            ImportStatus::Failed => {
                ctx.forget_task();
                return Err(remote(match progress.reason {
                    Some(why) => format!("the drive says: {why}"),
                    None => "the drive says the fetch failed, without a reason".to_owned(),
                }));
            }
            ImportStatus::Running | ImportStatus::Retrying => {
                unknown = 0;
                let now = OfflineTask {
                    id: task,
                    percent,
                    retrying,
                };
                ctx.fetching(now);
                let changed = last != Some(now);
                last = Some(now);
                pace.after(changed)
            }
            ImportStatus::Other(status) => {
                unknown += 1;
                if unknown >= UNKNOWN_ANSWERS {
                    return Err(remote(format!(
                        "offline task {task}: the server keeps answering status {status}, which \
                         the documents don't describe; stopped asking"
                    )));
                }
                pace.after(false)
            }
        };
        ctx.sleep(wait).await?;
    }
}

/// Creates the task. Not sent again after a failure that leaves open whether the server got
/// it: there is no way to look for the task, and a second one would fetch the URL twice.
async fn create(ctx: &mut JobCtx, w: &OfflineWork) -> Result<i64, TransferError> {
    let mut request = OfflineRequest::new(w.url.clone());
    request.file_name.clone_from(&w.name);
    request.dir_id = w.dir;
    match ctx.run(ctx.client()?.offline_download(&request)).await? {
        Ok(task) => {
            ctx.fetching(OfflineTask {
                id: task,
                percent: 0,
                retrying: false,
            });
            Ok(task)
        }
        Err(e) if e.kind == ApiErrorKind::Transient => Err(remote(format!(
            "{e}; the request may have reached the drive, which may be fetching the URL \
             already: look in the folder before retrying"
        ))),
        Err(e) => Err(e.into()),
    }
}

/// Tells where the file went: its folder, and for the default folder also the root (the
/// folder may be new there).
async fn landed(ctx: &mut JobCtx, w: &OfflineWork) {
    match w.dir {
        Some(dir) => ctx.created(dir, None),
        None => match default_dir(ctx).await {
            Some(dir) => {
                ctx.created(ROOT_DIR, Some(dir));
                ctx.created(dir, None);
            }
            None => ctx.created(ROOT_DIR, None),
        },
    }
}

/// The id of "/来自:离线下载", looked up page by page in the root.
async fn default_dir(ctx: &mut JobCtx) -> Option<FileId> {
    let mut cursor = None;
    loop {
        let page = ctx
            .run(ctx.client().ok()?.list_page(ROOT_DIR, cursor))
            .await
            .ok()?
            .ok()?;
        let found = page
            .entries
            .iter()
            .find(|e| e.is_dir() && e.name == OFFLINE_DEFAULT_DIR);
        if let Some(dir) = found {
            return Some(dir.id);
        }
        cursor = Some(page.next?);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_slow_down_while_nothing_changes() {
        let s = Duration::from_secs;
        let mut pace = Pace::new(s(1), s(4));
        let waits: Vec<Duration> = [false, false, false, false, true, false]
            .into_iter()
            .map(|changed| pace.after(changed))
            .collect();
        let ms: Vec<u128> = waits.iter().map(Duration::as_millis).collect();
        assert_eq!(ms, [1500, 2250, 3375, 4000, 1000, 1500]);
    }
}
