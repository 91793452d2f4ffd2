//! `POST /upload/v1/file/mkdir`, `PUT /api/v1/file/name`, `POST /api/v1/file/rename`,
//! `POST /api/v1/file/move`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::Shared;
use super::batch_ids;

const RENAME_BATCH_MAX: usize = 30;
const MOVE_MAX: usize = 100;

/// 创建目录.md: `{name, parentID}` → `{dirID}`.
pub(crate) async fn mkdir(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let name = f.string("name")?;
    let parent = f.id("parentID")?;
    let id = st.mutate(|d| d.tree.mkdir(parent, &name, clock::now_secs()))?;
    Ok(Data(json!({ "dirID": id })))
}

/// 单个文件重命名.md: `{fileId, fileName}` → `data: null`.
pub(crate) async fn rename_one(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let id = f.id("fileId")?;
    let name = f.string("fileName")?;
    st.mutate(|d| d.tree.rename(id, &name, clock::now_secs()))?;
    Ok(Data(Value::Null))
}

/// 批量文件重命名.md: `{renameList: ["id|name", …]}`, at most 30. Items are applied in order;
/// failures go to `failList` while the call still succeeds (the document's table; its example
/// shows `data: null`).
pub(crate) async fn rename_batch(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let list = Fields::parse(&body)?.strings("renameList")?;
    if list.is_empty() {
        return Err(ApiError::param("renameList"));
    }
    if list.len() > RENAME_BATCH_MAX {
        return Err(ApiError::too_many(RENAME_BATCH_MAX));
    }
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    st.mutate(|d| {
        for entry in &list {
            let now = clock::now_secs();
            let parsed = entry
                .split_once('|')
                .and_then(|(id, name)| Some((id.trim().parse::<i64>().ok()?, name)));
            let Some((id, name)) = parsed else {
                failed.push(json!({ "fileID": 0, "message": format!("参数错误: {entry}") }));
                continue;
            };
            match d.tree.rename(id, name, now) {
                Ok(()) => ok.push(json!({ "fileID": id, "updateAt": clock::naive(now) })),
                Err(e) => failed.push(json!({ "fileID": id, "message": e.message })),
            }
        }
    });
    Ok(Data(json!({ "successList": ok, "failList": failed })))
}

/// 移动.md: `{fileIDs, toParentFileID}`, at most 100, all or nothing.
pub(crate) async fn move_items(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let ids = batch_ids(&f, "fileIDs", MOVE_MAX)?;
    let target = f.id("toParentFileID")?;
    st.mutate(|d| d.tree.move_items(&ids, target, clock::now_secs()))?;
    Ok(Data(Value::Null))
}
