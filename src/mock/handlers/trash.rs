//! `POST /api/v1/file/trash`, `/recover`, `/recover/by_path`, `/delete`: batches of at most
//! 100 ids, validated as a whole before anything changes (semantics in `tree::trash`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiResult, Data};
use super::super::shared::Shared;
use super::batch_ids;

const MAX: usize = 100;

pub(crate) async fn trash(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let ids = batch_ids(&Fields::parse(&body)?, "fileIDs", MAX)?;
    st.mutate(|d| d.tree.trash(&ids, clock::now_secs()))?;
    Ok(Data(Value::Null))
}

/// 从回收站恢复文件.md: → `{abnormalFileIDs}` (ids whose parent folder is gone).
pub(crate) async fn recover(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let ids = batch_ids(&Fields::parse(&body)?, "fileIDs", MAX)?;
    let abnormal = st.mutate(|d| d.tree.recover(&ids, clock::now_secs()))?;
    Ok(Data(json!({ "abnormalFileIDs": abnormal })))
}

/// 还原文件到指定目录.md: `{fileIDs, parentFileID}` → `data: null`.
pub(crate) async fn recover_by_path(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let ids = batch_ids(&f, "fileIDs", MAX)?;
    let parent = f.id("parentFileID")?;
    st.mutate(|d| d.tree.recover_to(&ids, parent, clock::now_secs()))?;
    Ok(Data(Value::Null))
}

pub(crate) async fn delete(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let ids = batch_ids(&Fields::parse(&body)?, "fileIDs", MAX)?;
    st.mutate(|d| d.tree.delete(&ids))?;
    Ok(Data(Value::Null))
}
