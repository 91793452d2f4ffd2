//! Offline download into the drive (离线下载): `POST /api/v1/offline/download` `{url,
//! fileName?, dirID?, callBackUrl?}` → `{taskID}`, and `GET /api/v1/offline/download/process
//! ?taskID=` → `{process, status}` with status 0 running, 1 failed, 2 done (see `offline` for
//! how progress shows over several polls). Past those, a call on a running fetch waits briefly
//! for it to end.
//!
//! The mock really fetches `url` (http or https) in the background and stores the file with
//! its real MD5: named `fileName`, else after the URL's last path segment; a name taken in the
//! folder keeps both (undocumented). Without `dirID` the file goes to "/来自:离线下载", made
//! on demand ("默认会下载到 “/来自:离线下载” 目录中"); `dirID` 0 is refused ("不支持下载到根目录",
//! on the official page as copied by third parties; p123client's summary omits it). A 404,
//! an unreachable host, a name the drive refuses or a full drive fail the task with a reason.
//! The progress page documents no field for that reason; the mock adds it as `failReason`, the
//! name the callback uses for it, so that clients can show why. With `callBackUrl`, the
//! documented `{url, status: 0 ok | 1 failed, failReason, fileID}` is POSTed there.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::json;

use super::super::body::Fields;
use super::super::clock;
use super::super::fetch::{self, Fetched, Rules, fetchable};
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Drive, Shared, lock};
use super::super::tree::{Duplicate, ROOT, validate_name};
use super::RawQuery;
use super::images::query_or_body;
use super::upload::check_room;

/// The folder tasks without `dirID` fetch into.
pub(crate) const DEFAULT_DIR: &str = "来自:离线下载";
/// How long a `process` call past the pending ones waits for a running fetch to end.
const GRACE: Duration = Duration::from_millis(500);
/// create's per-file cap for uploads ("开发者上传单文件大小限制10GB"), taken for fetches too.
const MAX_BYTES: u64 = 10 << 30;

struct Job {
    task: i64,
    url: String,
    name: Option<String>,
    /// `None`: the default folder.
    dir: Option<i64>,
    callback: Option<String>,
}

pub(crate) async fn create(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let url = f.string("url")?;
    if !fetchable(&url) {
        return Err(ApiError::new(1, "下载链接只支持http/https"));
    }
    let name = f.opt_str_id("fileName")?.filter(|n| !n.is_empty());
    if let Some(name) = &name {
        validate_name(name)?;
    }
    let dir = f.opt_id("dirID")?;
    let callback = f.opt_str_id("callBackUrl")?.filter(|c| !c.is_empty());
    let task = st.mutate(|d| {
        match dir {
            Some(ROOT) => return Err(ApiError::new(1, "不支持下载到根目录")),
            Some(id) if !d.tree.is_live_dir(id) => return Err(ApiError::missing_dir("dirID")),
            _ => {}
        }
        Ok(d.offline.create())
    })?;
    let job = Job {
        task,
        url,
        name,
        dir,
        callback,
    };
    tokio::spawn(run(Arc::clone(&st), job));
    Ok(Data(json!({ "taskID": task })))
}

pub(crate) async fn process(State(st): State<Arc<Shared>>, q: RawQuery, body: Bytes) -> ApiResult {
    let task: i64 = query_or_body(&q, &body, "taskID")?
        .parse()
        .map_err(|_| ApiError::param("taskID"))?;
    let unknown = || ApiError::new(1, "taskID不存在");
    let pending = st.knobs().offline_pending_polls;
    let deadline = tokio::time::Instant::now() + GRACE;
    loop {
        let notified = st.verified.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let fetching = lock(&st.drive).offline.still_fetching(task, pending);
        if !fetching.ok_or_else(unknown)?
            || tokio::time::timeout_at(deadline, notified).await.is_err()
        {
            break;
        }
    }
    let report = lock(&st.drive).offline.report(task, pending);
    let r = report.ok_or_else(unknown)?;
    Ok(Data(match r.status {
        1 => json!({ "process": r.process, "status": 1, "failReason": r.reason }),
        status => json!({ "process": r.process, "status": status }),
    }))
}

async fn run(st: Arc<Shared>, job: Job) {
    let tmp = lock(&st.drive).blobs.incoming_path();
    let name_ok = |name: &str| validate_name(name).map_err(|e| e.message.into_owned());
    let rules = Rules {
        name: job.name.as_deref(),
        name_ok: &name_ok,
        max_bytes: MAX_BYTES,
        too_big: "文件大小超过10GB限制",
    };
    let fetched = fetch::fetch(&job.url, &tmp, &rules, |percent| {
        if let Some(t) = lock(&st.drive).offline.get_mut(job.task) {
            t.percent = percent;
        }
    })
    .await;
    let quota = st.knobs().quota;
    let outcome = match fetched {
        Ok(got) => st.mutate(|d| place(d, &job, &got, &tmp, quota)),
        Err(reason) => Err(reason),
    };
    let _ = tokio::fs::remove_file(&tmp).await;
    let (status, reason, file_id) = match outcome {
        Ok(id) => (2, String::new(), id),
        Err(reason) => (1, reason, 0),
    };
    st.mutate(|d| {
        if let Some(t) = d.offline.get_mut(job.task) {
            (t.status, t.reason) = (status, reason.clone());
            if status == 2 {
                t.percent = 100;
            }
        }
    });
    st.verified.notify_waiters();
    if let Some(callback) = &job.callback {
        let note = json!({
            "url": job.url, "status": u8::from(status != 2), "failReason": reason, "fileID": file_id,
        });
        fetch::call_back(callback, &note).await;
    }
}

/// Stores what arrived in `tmp` as a new file of the job's folder; its id, or why not.
fn place(
    d: &mut Drive,
    job: &Job,
    got: &Fetched,
    tmp: &std::path::Path,
    quota: u64,
) -> Result<i64, String> {
    let now = clock::now_secs();
    let message = |e: ApiError| e.message.into_owned();
    check_room(&d.tree, got.len, quota).map_err(message)?;
    let dir = match job.dir {
        Some(id) if d.tree.is_live_dir(id) => id,
        Some(_) => return Err("dirID不存在".to_owned()),
        None => d.tree.system_dir(ROOT, DEFAULT_DIR, now).map_err(message)?,
    };
    d.blobs
        .adopt(tmp, &got.md5, got.len)
        .map_err(|e| e.to_string())?;
    let content = (got.md5.clone(), got.len);
    d.tree
        .place_file(dir, &got.name, Duplicate::KeepBoth, content, now)
        .map_err(message)
}
