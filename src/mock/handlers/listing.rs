//! `GET /api/v2/file/list`, `GET /api/v1/file/detail`, `POST /api/v1/file/infos`.
//!
//! List (获取文件列表（推荐）.md): children in ascending `fileId`, trashed ones included with
//! `trashed:1` (the `trashed` parameter is ignored, as OpenList observed); `lastFileId` is the
//! last returned id when more items follow, `-1` otherwise, and is passed back to get the next
//! page (items with a greater id). NOTE: p123client's rendering calls the returned value both
//! "上一页的最后一条记录的 FileID" and "下一页开始的文件 id"; the digest's reading (last id of
//! this page) is used; a client passing it back unchanged works with either. `limit` outside
//! 1..=100 is refused and a `parentFileId` that is not a folder gets 5066 (both undocumented). With
//! `searchData`, the whole drive is searched and `parentFileId` ignored: mode 0 matches items
//! whose name contains every whitespace-separated term (case-insensitive), mode 1 the exact
//! name. Items inside a trashed folder are left out of search results.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde_json::{Value, json};

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, lock};
use super::super::tree::{Node, Tree};
use super::{Params, RawQuery};

/// A v2 list / infos item (field casing per the list document: `fileId`, `parentFileId`).
pub(crate) fn item(st: &Shared, n: &Node) -> Value {
    json!({
        "fileId": n.id,
        "filename": n.name,
        "parentFileId": n.parent,
        "type": i64::from(n.is_dir()),
        "etag": n.etag(),
        "size": n.size(),
        "category": n.category(),
        "status": n.status,
        "punishFlag": 0,
        "s3KeyFlag": format!("{}-0", st.uid),
        "storageNode": if n.is_dir() { "m0" } else { "m16" },
        "trashed": i64::from(n.trashed),
        "createAt": clock::naive(n.created),
        "updateAt": clock::naive(n.updated),
    })
}

pub(crate) async fn list(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    let q = Params::parse(q)?;
    let parent = q
        .i64("parentFileId")?
        .ok_or_else(|| ApiError::param("parentFileId"))?;
    let limit = q.i64("limit")?.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::new(1, "参数错误: limit 取值范围为 1-100"));
    }
    let after = q.i64("lastFileId")?.unwrap_or(0).max(0);
    let search = q.non_empty("searchData")?;
    let exact = q.i64("searchMode")? == Some(1);
    let drive = lock(&st.drive);
    let tree = &drive.tree;
    let mut matches: Box<dyn Iterator<Item = &Node>> = match search {
        Some(s) => Box::new(search_iter(tree, s, exact, after)),
        None => {
            if parent != 0 && !tree.get(parent).is_some_and(Node::is_dir) {
                return Err(ApiError::not_found());
            }
            Box::new(tree.children_after(parent, after))
        }
    };
    let page: Vec<&Node> = matches.by_ref().take(limit as usize).collect();
    let more = matches.next().is_some();
    let last = match (more, page.last()) {
        (true, Some(n)) => n.id,
        _ => -1,
    };
    let items: Vec<Value> = page.iter().map(|n| item(&st, n)).collect();
    Ok(Data(json!({ "lastFileId": last, "fileList": items })))
}

/// Items matching a v2 `searchData` (mode 0: every term, case-insensitive; mode 1: the exact
/// name) with ids above `after`, items inside a trashed folder left out.
pub(crate) fn search_iter<'a>(
    tree: &'a Tree,
    query: &'a str,
    exact: bool,
    after: i64,
) -> impl Iterator<Item = &'a Node> {
    let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    tree.iter().filter(move |n| {
        if n.id <= after || (n.parent != 0 && tree.in_trash(n.parent)) {
            return false;
        }
        if exact {
            return n.name == query;
        }
        let name = n.name.to_lowercase();
        terms.iter().all(|t| name.contains(t.as_str()))
    })
}

/// 获取单个文件详情.md: capitalised `fileID`/`parentFileID`, folder `size` accumulated.
pub(crate) async fn detail(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    let id = Params::parse(q)?
        .i64("fileID")?
        .ok_or_else(|| ApiError::param("fileID"))?;
    let drive = lock(&st.drive);
    let n = drive.tree.get(id).ok_or_else(ApiError::not_found)?;
    let size = if n.is_dir() {
        drive.tree.live_size(id)
    } else {
        n.size()
    };
    Ok(Data(json!({
        "fileID": n.id,
        "filename": n.name,
        "type": i64::from(n.is_dir()),
        "size": size,
        "etag": n.etag(),
        "status": n.status,
        "parentFileID": n.parent,
        "createAt": clock::naive(n.created),
        "trashed": i64::from(n.trashed),
    })))
}

/// 获取多个文件详情.md: body `fileIds`; unknown ids are left out. The document's table names
/// the array `fileList`, its example `list`; the `infos_key_list` knob picks the latter.
pub(crate) async fn infos(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let ids = Fields::parse(&body)?.ids("fileIds")?;
    let key = if st.knobs().infos_key_list {
        "list"
    } else {
        "fileList"
    };
    let drive = lock(&st.drive);
    let items: Vec<Value> = ids
        .iter()
        .filter_map(|id| drive.tree.get(*id))
        .map(|n| item(&st, n))
        .collect();
    let mut data = serde_json::Map::new();
    data.insert(key.to_owned(), Value::Array(items));
    Ok(Data(Value::Object(data)))
}
