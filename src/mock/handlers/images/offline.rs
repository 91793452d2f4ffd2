//! Offline import into the image space (图床离线迁移): `POST /api/v1/oss/offline/download`
//! `{url, fileName?, businessDirID?, callBackUrl?, type: 1}` → `{taskID}` (a number), and
//! `GET /api/v1/oss/offline/download/process?taskID=` → `{status, process}` with status 0
//! running, 1 failed, 2 done (3 "retrying" is never used), `process` a percentage.
//!
//! The mock really fetches `url` (http or https, at most the 100 MiB image limit) in the
//! background. `fileName` must carry an image extension ("需携带图片格式"); without it the
//! name is the URL's last path segment, and a download whose name is no image fails the task.
//! Without `businessDirID` the image goes to the root folder "来自:离线下载" (created on demand;
//! the server names it, so the `:` rule for user names does not apply); the root itself is
//! refused ("不支持下载到根目录"). A name taken by other content keeps both (undocumented). When
//! `callBackUrl` is set, the documented `{url, status, failReason, fileID}` is POSTed to it.
//! A process call on a running task waits briefly for it to finish.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::json;

use super::super::super::body::Fields;
use super::super::super::clock;
use super::super::super::fetch::{self, Fetched, Rules, fetchable};
use super::super::super::images::{ImageKind, MAX_IMAGE, is_image_name};
use super::super::super::reply::{ApiError, ApiResult, Data};
use super::super::super::shared::{Shared, lock};
use super::super::super::tree::Duplicate;
use super::super::RawQuery;
use super::{fixed_type, query_or_body};

const DEFAULT_DIR: &str = "来自:离线下载";
const GRACE: Duration = Duration::from_millis(500);

struct Job {
    task: i64,
    url: String,
    name: Option<String>,
    /// `None`: the default folder.
    dir: Option<String>,
    callback: Option<String>,
}

pub(crate) async fn create(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    fixed_type(&f)?;
    let url = f.string("url")?;
    if !fetchable(&url) {
        return Err(ApiError::new(1, "下载链接只支持http/https"));
    }
    let name = f.opt_str_id("fileName")?.filter(|n| !n.is_empty());
    if name.as_deref().is_some_and(|n| !is_image_name(n)) {
        return Err(ApiError::new(
            1,
            "文件名需携带图片格式：png, gif, jpeg, tiff, webp, jpg, tif, svg, bmp",
        ));
    }
    let dir = f.opt_str_id("businessDirID")?.filter(|d| !d.is_empty());
    let callback = f.opt_str_id("callBackUrl")?.filter(|c| !c.is_empty());
    let task = st.mutate(|d| {
        if let Some(dir) = &dir {
            let node = d.images.tree.dir(dir, "businessDirID")?;
            if node.parent.is_empty() {
                return Err(ApiError::new(1, "不支持下载到根目录"));
            }
        }
        Ok(d.images.tasks.new_import())
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
    let deadline = tokio::time::Instant::now() + GRACE;
    loop {
        let notified = st.verified.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let state = lock(&st.drive).images.tasks.imports.get(&task).cloned();
        let state = state.ok_or_else(|| ApiError::new(1, "taskID不存在"))?;
        if state.status != 0 || tokio::time::timeout_at(deadline, notified).await.is_err() {
            return Ok(Data(
                json!({ "status": state.status, "process": state.percent }),
            ));
        }
    }
}

async fn run(st: Arc<Shared>, job: Job) {
    let tmp = lock(&st.drive).blobs.incoming_path();
    let outcome = match fetch(&st, &job, &tmp).await {
        Ok(got) => st.mutate(|d| place(d, &job, &got, &tmp)),
        Err(reason) => Err(reason),
    };
    let _ = tokio::fs::remove_file(&tmp).await;
    let (status, reason, file_id) = match outcome {
        Ok(id) => (2, String::new(), id),
        Err(reason) => (1, reason, String::new()),
    };
    st.mutate(|d| {
        if let Some(t) = d.images.tasks.imports.get_mut(&job.task) {
            t.status = status;
            t.percent = if status == 2 { 100 } else { t.percent };
            t.reason = reason.clone();
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

/// Downloads `job.url` to `tmp`: the image name, MD5 and length, or why not.
async fn fetch(st: &Shared, job: &Job, tmp: &std::path::Path) -> Result<Fetched, String> {
    let name_ok = |name: &str| match is_image_name(name) {
        true => Ok(()),
        false => Err("图片格式不支持".to_owned()),
    };
    let rules = Rules {
        name: job.name.as_deref(),
        name_ok: &name_ok,
        max_bytes: MAX_IMAGE,
        too_big: "图片大小限制：100M",
    };
    fetch::fetch(&job.url, tmp, &rules, |percent| {
        if let Some(t) = lock(&st.drive).images.tasks.imports.get_mut(&job.task) {
            t.percent = percent;
        }
    })
    .await
}

fn place(
    d: &mut super::super::super::shared::Drive,
    job: &Job,
    got: &Fetched,
    tmp: &std::path::Path,
) -> Result<String, String> {
    let (name, md5, len) = (got.name.as_str(), got.md5.as_str(), got.len);
    let now = clock::now_secs();
    let tree = &mut d.images.tree;
    let dir = match &job.dir {
        Some(dir) => tree
            .dir(dir, "businessDirID")
            .map_err(|e| e.message.into_owned())?
            .id
            .clone(),
        None => match tree.child_named("", DEFAULT_DIR) {
            Some(n) if n.is_dir() => n.id.clone(),
            Some(_) => return Err("目标目录不存在".to_owned()),
            None => tree.add("", DEFAULT_DIR, ImageKind::Dir, now),
        },
    };
    let content = (md5, len);
    tree.check_placeable(&dir, name, content, Duplicate::KeepBoth)
        .map_err(|e| e.message.into_owned())?;
    d.blobs.adopt(tmp, md5, len).map_err(|e| e.to_string())?;
    let placed = d
        .images
        .tree
        .place(&dir, name, content, Duplicate::KeepBoth, now)
        .map_err(|e| e.message.into_owned())?;
    Ok(placed.id)
}
