//! `POST /api/v1/file/copy` (synchronous, one item), `POST /api/v1/file/async/copy` (batch, at
//! most 3000, "单级最多支持 3000 个") and `GET /api/v1/file/async/copy/process`.
//!
//! The async task is validated up front (a bad id or target is answered at once), then runs
//! on a spawned task; `process` reports 0 pending, 1 running, 2 done, 3 failed
//! (批量复制文件进度). Folders are copied recursively.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::json;

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, lock};
use super::batch_ids;
use super::{Params, RawQuery};

const ASYNC_MAX: usize = 3000;

/// `{fileId, targetDirId}` → `{sourceFileId, targetFileId}`.
pub(crate) async fn copy_one(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let id = f.id("fileId")?;
    let target = f.id("targetDirId")?;
    let new_id = st.mutate(|d| d.tree.copy(id, target, clock::now_secs()))?;
    Ok(Data(json!({ "sourceFileId": id, "targetFileId": new_id })))
}

/// `{fileIDs, targetDirId}` → `{taskId}`.
pub(crate) async fn copy_async(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let ids = batch_ids(&f, "fileIDs", ASYNC_MAX)?;
    let target = f.id("targetDirId")?;
    let task = {
        let mut d = lock(&st.drive);
        d.tree.check_copy(&ids, target)?;
        let task = d.next_task;
        d.next_task += 1;
        d.copies.insert(task, 0);
        task
    };
    let worker = Arc::clone(&st);
    tokio::spawn(async move {
        lock(&worker.drive).copies.insert(task, 1);
        tokio::task::yield_now().await;
        let failed = worker.mutate(|d| {
            let now = clock::now_secs();
            let failed = ids.iter().any(|id| d.tree.copy(*id, target, now).is_err());
            d.copies.insert(task, if failed { 3 } else { 2 });
            failed
        });
        if failed {
            tracing::debug!(task, "mock async copy partly failed");
        }
    });
    Ok(Data(json!({ "taskId": task })))
}

/// `?taskId=` → `{taskId, status}`. go-123pan notes the official example sends `taskId` in a
/// JSON body on this GET, so a body is accepted too.
pub(crate) async fn copy_process(
    State(st): State<Arc<Shared>>,
    q: RawQuery,
    body: Bytes,
) -> ApiResult {
    let from_query = Params::lenient(&q).i64("taskId")?;
    let task = match from_query {
        Some(t) => t,
        None => Fields::parse(&body)
            .and_then(|f| f.id("taskId"))
            .map_err(|_| ApiError::param("taskId"))?,
    };
    let status = lock(&st.drive).copies.get(&task).copied();
    let status = status.ok_or_else(|| ApiError::new(1, "taskId不存在"))?;
    Ok(Data(json!({ "taskId": task, "status": status })))
}
