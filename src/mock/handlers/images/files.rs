//! The image space's folders and listings: `POST /upload/v1/oss/file/mkdir`,
//! `POST /api/v1/oss/file/list`, `GET /api/v1/oss/file/detail`, `POST /api/v1/oss/file/move`,
//! `POST /api/v1/oss/file/delete`. Every body carries `"type": 1` ("固定为 1"); anything else is
//! refused.
//!
//! List: newest first; `lastFileId` is "-1" on the last page, else "下一页开始的文件id": the id
//! of the first item of the next page, which a request's `lastFileId` starts at (p123client
//! calls it "上一页的最后一条记录的 FileID"; a client that passes it back unchanged works with
//! either reading). `startTime`/`endTime` (Unix seconds, inclusive) filter on the creation time;
//! the document does not say which time they apply to. `limit` outside 1..=100 is refused.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::super::body::Fields;
use super::super::super::clock;
use super::super::super::images::{ImageNode, extension};
use super::super::super::reply::{ApiError, ApiResult, Data};
use super::super::super::shared::{Shared, lock};
use super::super::RawQuery;
use super::{batch, fixed_type, query_or_body};

/// The detail/list item, fields as the documents' examples show them.
pub(crate) fn item(st: &Shared, parent_name: &str, n: &ImageNode) -> Value {
    let ext = if n.is_dir() {
        String::new()
    } else {
        extension(&n.name)
    };
    let url = if n.is_dir() {
        String::new()
    } else {
        format!("{}/oss-img/{}/{}.{ext}", st.base_url, st.uid, n.id)
    };
    json!({
        "fileId": n.id,
        "filename": n.name,
        "parentFileId": n.parent,
        "type": i64::from(n.is_dir()),
        "etag": n.etag(),
        "size": n.size(),
        "status": if n.is_dir() { 0 } else { 2 },
        "s3KeyFlag": if n.is_dir() { String::new() } else { format!("{}-0", st.uid) },
        "storageNode": if n.is_dir() { "" } else { "m76" },
        "createAt": clock::naive(n.created),
        "updateAt": clock::naive(n.updated),
        "downloadURL": url,
        "ossIndex": if n.is_dir() { 42 } else { 43 },
        "totalTraffic": n.traffic,
        "parentFilename": parent_name,
        "extension": ext,
        // NOTE: a custom domain is not configurable here; the example shows both URLs equal.
        "userSelfURL": url,
    })
}

/// `{name, parentID, type}` → `{list: [{filename, dirID}]}`. `name` is typed `[]string` in
/// the table and sent as a string in the example; both are accepted, one folder per name.
pub(crate) async fn mkdir(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    fixed_type(&f)?;
    let names = f.one_or_many("name")?;
    if names.is_empty() {
        return Err(ApiError::param("name"));
    }
    let parent = f
        .opt_str_id("parentID")?
        .ok_or_else(|| ApiError::param("parentID"))?;
    let ids = st.mutate(|d| d.images.tree.mkdir(&parent, &names, clock::now_secs()))?;
    let list: Vec<Value> = names
        .iter()
        .zip(ids)
        .map(|(name, id)| json!({ "filename": name, "dirID": id }))
        .collect();
    Ok(Data(json!({ "list": list })))
}

pub(crate) async fn list(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    fixed_type(&f)?;
    let parent = f.opt_str_id("parentFileId")?.unwrap_or_default();
    let limit = f.opt_id("limit")?.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::new(1, "参数错误: limit 取值范围为 1-100"));
    }
    let start = f
        .opt_id("startTime")?
        .filter(|t| *t > 0)
        .unwrap_or(i64::MIN);
    let end = f.opt_id("endTime")?.filter(|t| *t > 0).unwrap_or(i64::MAX);
    let cursor = f.opt_str_id("lastFileId")?.filter(|c| !c.is_empty());
    let d = lock(&st.drive);
    let tree = &d.images.tree;
    let dir = tree.dir(&parent, "parentFileId")?;
    let from = match cursor.as_deref() {
        None => u64::MAX,
        Some("-1") => return Ok(Data(json!({ "lastFileId": "-1", "fileList": [] }))),
        Some(c) => tree
            .cursor_seq(c)
            .ok_or_else(|| ApiError::param("lastFileId"))?,
    };
    let mut matches = tree
        .children_from(&dir.id, from)
        .filter(|n| (start..=end).contains(&n.created));
    let page: Vec<Value> = matches
        .by_ref()
        .take(limit as usize)
        .map(|n| item(&st, &dir.name, n))
        .collect();
    let next = matches
        .next()
        .map_or_else(|| "-1".to_owned(), |n| n.id.clone());
    Ok(Data(json!({ "lastFileId": next, "fileList": page })))
}

/// `?fileID=`; the document's example sends it as a JSON body on the GET, which is accepted
/// too.
pub(crate) async fn detail(State(st): State<Arc<Shared>>, q: RawQuery, body: Bytes) -> ApiResult {
    let id = query_or_body(&q, &body, "fileID")?;
    let d = lock(&st.drive);
    let tree = &d.images.tree;
    let n = tree.file(&id)?;
    let parent = tree.get(&n.parent).map_or("", |p| p.name.as_str());
    Ok(Data(item(&st, parent, n)))
}

/// `{fileIDs, toParentFileID}`, at most 100, all or nothing. `""` is the root (p123client:
/// "默认是根目录").
pub(crate) async fn move_items(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let f = Fields::parse(&body)?;
    let ids = batch(&f, "fileIDs")?;
    let target = f
        .opt_str_id("toParentFileID")?
        .ok_or_else(|| ApiError::param("toParentFileID"))?;
    st.mutate(|d| d.images.tree.move_items(&ids, &target, clock::now_secs()))?;
    Ok(Data(Value::Null))
}

/// `{fileIDs}`, at most 100 ("参数长度最大不超过 100"), all or nothing, permanent.
pub(crate) async fn delete(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let ids = batch(&Fields::parse(&body)?, "fileIDs")?;
    st.mutate(|d| d.images.tree.delete(&ids))?;
    Ok(Data(Value::Null))
}
