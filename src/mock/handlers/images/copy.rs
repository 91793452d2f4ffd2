//! Copying drive images into the image space (复制云盘图片): `POST /api/v1/oss/source/copy`,
//! `GET /api/v1/oss/source/copy/process`, `GET /api/v1/oss/source/copy/fail`.
//!
//! create: `{fileIDs, toParentFileID, sourceType: 1, type: 1}` with at most 100 drive ids
//! (numeric strings, as the official example sends them; numbers are accepted too), all live, and at most 3 unfinished tasks ("可创建的任务数：3") → `{taskID}` (a string). The
//! copy itself (`images::copy`) happens at once; `process` reports `status` 1 (running) for the
//! first `complete_pending_polls` calls, then 2 (finished, failures listed by `fail`) or 3 with
//! `failMsg` when the whole task failed. A task counts as unfinished until `process` has
//! reported it finished. `fail` pages with `limit` (≤ 100) and `page` (from 1) and answers
//! `{total, list}`, `list` being `null` when empty as in its example.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::super::body::Fields;
use super::super::super::clock;
use super::super::super::images::{CopyTask, MAX_OPEN_COPIES, copy_from_drive, new_id};
use super::super::super::reply::{ApiError, ApiResult, Data};
use super::super::super::shared::{Shared, lock};
use super::super::RawQuery;
use super::params::BATCH_MAX;
use super::{fixed_type, opt_query_or_body, query_or_body};

fn unknown_task() -> ApiError {
    ApiError::new(1, "taskID不存在")
}

pub(crate) async fn create(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    fixed_type(&f)?;
    if f.opt_str_id("sourceType")?.as_deref() != Some("1") {
        return Err(ApiError::param("sourceType"));
    }
    let ids = f.ids("fileIDs")?;
    if ids.is_empty() {
        return Err(ApiError::param("fileIDs"));
    }
    if ids.len() > BATCH_MAX {
        return Err(ApiError::too_many(BATCH_MAX));
    }
    let target = f
        .opt_str_id("toParentFileID")?
        .ok_or_else(|| ApiError::param("toParentFileID"))?;
    let task_id = st.mutate(|d| {
        for &id in &ids {
            d.tree.live(id)?;
        }
        d.images.tree.dir(&target, "toParentFileID")?;
        if d.images.tasks.open_copies() >= MAX_OPEN_COPIES {
            return Err(ApiError::new(1, "复制任务数已达上限，请等待当前任务完成"));
        }
        let outcome = copy_from_drive(
            &d.tree,
            &mut d.images.tree,
            &ids,
            &target,
            clock::now_secs(),
        );
        let (failure, failed) = match outcome {
            Ok(failed) => (None, failed),
            Err(message) => (Some(message), Vec::new()),
        };
        let task_id = new_id();
        d.images.tasks.copies.insert(
            task_id.clone(),
            CopyTask {
                failure,
                failed,
                polls: 0,
                finished: false,
            },
        );
        Ok(task_id)
    })?;
    Ok(Data(json!({ "taskID": task_id })))
}

pub(crate) async fn process(State(st): State<Arc<Shared>>, q: RawQuery, body: Bytes) -> ApiResult {
    let task_id = query_or_body(&q, &body, "taskID")?;
    let pending = st.knobs().complete_pending_polls;
    let (status, message) = {
        let mut d = lock(&st.drive);
        let task = d
            .images
            .tasks
            .copies
            .get_mut(&task_id)
            .ok_or_else(unknown_task)?;
        task.polls = task.polls.saturating_add(1);
        if task.polls <= pending {
            (1, String::new())
        } else {
            task.finished = true;
            match &task.failure {
                Some(message) => (3, message.clone()),
                None => (2, String::new()),
            }
        }
    };
    Ok(Data(json!({ "status": status, "failMsg": message })))
}

pub(crate) async fn failures(State(st): State<Arc<Shared>>, q: RawQuery, body: Bytes) -> ApiResult {
    let task_id = query_or_body(&q, &body, "taskID")?;
    let number = |key: &str| -> Result<Option<i64>, ApiError> {
        opt_query_or_body(&q, &body, key)?
            .map(|v| v.parse::<i64>().map_err(|_| ApiError::param(key)))
            .transpose()
    };
    let limit = number("limit")?.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::new(1, "参数错误: limit 取值范围为 1-100"));
    }
    let page = number("page")?.unwrap_or(1).max(1);
    let d = lock(&st.drive);
    let task = d
        .images
        .tasks
        .copies
        .get(&task_id)
        .ok_or_else(unknown_task)?;
    let skip = usize::try_from((page - 1).saturating_mul(limit)).unwrap_or(usize::MAX);
    let items: Vec<Value> = task
        .failed
        .iter()
        .skip(skip)
        .take(limit as usize)
        .map(|(id, name)| json!({ "fileId": id, "filename": name }))
        .collect();
    let list = if items.is_empty() {
        Value::Null
    } else {
        Value::Array(items)
    };
    Ok(Data(json!({ "total": task.failed.len(), "list": list })))
}
