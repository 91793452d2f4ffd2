//! `GET /api/v1/file/list` (获取文件列表（旧）.md, 2025-05-19), the legacy listing: pages by
//! number, sorted, with a `total`, and a `trashed` switch ("是否查看回收站的文件").
//!
//! Query: `parentFileId`, `page` (1-based; 0 or absent counts as 1, as p123client notes),
//! `limit` (1..=100), `orderBy` (`file_id`, `size`, `file_name`; p123client also lists
//! `create_at`/`update_at`), `orderDirection` (`asc`/`desc`), `trashed`, `searchData`. The
//! document marks `orderBy`/`orderDirection` required; absent they mean `file_id asc` [INF].
//!
//! `trashed=true`: the documents do not say what `parentFileId` means then. Here it lists every
//! item of the account that is itself in the recycle bin, whatever its parent (the web recycle
//! bin shows the whole trash) [INF]; items inside a trashed folder go with it and are not listed
//! on their own. Otherwise it lists the live children of `parentFileId` (v2 includes trashed
//! ones; the legacy switch says which side to show) [INF]. `searchData` searches the whole
//! drive on the chosen side, as v2 does.
//!
//! Items: `fileID` (capital ID), `filename`, `parentFileId`, `parentName` (always `""`, as in
//! every item of the document's example), `type`, `etag`, `size`, `contentType` (`"0"`: typed
//! number, sent as a string in the example), `category`, `hidden`, `status`, `punishFlag`,
//! `s3KeyFlag`, `storageNode`, `createAt`/`updateAt` (`+0800 CST`), `thumbnail`, `downloadUrl`
//! (`""`). NOTE: the document's table types `etag` as boolean; its example (followed) sends the
//! MD5 string. Its example also answers `orderBy=file_id&orderDirection=asc` in descending id
//! order; the mock sorts as asked. There is no `trashed` field: the request says which side it
//! is. Free-tier QPS 0.2 (table B), in the limiter.

use std::cmp::Ordering;
use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::router::no_route;
use super::super::shared::{Shared, lock};
use super::super::tree::{Node, Tree};
use super::listing::search_iter;
use super::{Params, RawQuery};

#[derive(Clone, Copy)]
enum Order {
    Id,
    Size,
    Name,
    Created,
    Updated,
}

fn order(q: &Params) -> Result<(Order, bool), ApiError> {
    let by = match q.non_empty("orderBy")? {
        None | Some("file_id") => Order::Id,
        Some("size") => Order::Size,
        Some("file_name") => Order::Name,
        Some("create_at") => Order::Created,
        Some("update_at") => Order::Updated,
        Some(_) => return Err(ApiError::param("orderBy")),
    };
    let desc = match q.non_empty("orderDirection")?.map(str::to_ascii_lowercase) {
        None => false,
        Some(d) if d == "asc" => false,
        Some(d) if d == "desc" => true,
        Some(_) => return Err(ApiError::param("orderDirection")),
    };
    Ok((by, desc))
}

fn compare(by: Order, a: &Node, b: &Node) -> Ordering {
    let first = match by {
        Order::Id => Ordering::Equal,
        Order::Size => a.size().cmp(&b.size()),
        Order::Name => a.name.cmp(&b.name),
        Order::Created => a.created.cmp(&b.created),
        Order::Updated => a.updated.cmp(&b.updated),
    };
    first.then(a.id.cmp(&b.id))
}

fn item(st: &Shared, n: &Node) -> Value {
    json!({
        "fileID": n.id,
        "filename": n.name,
        "parentFileId": n.parent,
        "parentName": "",
        "type": i64::from(n.is_dir()),
        "etag": n.etag(),
        "size": n.size(),
        "contentType": "0",
        "category": n.category(),
        "hidden": false,
        "status": n.status,
        "punishFlag": 0,
        "s3KeyFlag": format!("{}-0", st.uid),
        "storageNode": if n.is_dir() { "m0" } else { "m16" },
        "createAt": clock::legacy(n.created),
        "updateAt": clock::legacy(n.updated),
        "thumbnail": "",
        "downloadUrl": "",
    })
}

/// The items on the requested side, before sorting and paging.
fn matching<'a>(
    tree: &'a Tree,
    parent: i64,
    trashed: bool,
    search: Option<&'a str>,
) -> Result<Vec<&'a Node>, ApiError> {
    let side = move |n: &&Node| n.trashed == trashed;
    Ok(match (search, trashed) {
        (Some(s), _) => search_iter(tree, s, false, 0).filter(side).collect(),
        (None, true) => tree.iter().filter(side).collect(),
        (None, false) => {
            if parent != 0 && !tree.get(parent).is_some_and(Node::is_dir) {
                return Err(ApiError::not_found());
            }
            tree.children(parent).filter(side).collect()
        }
    })
}

pub(crate) async fn list(State(st): State<Arc<Shared>>, q: RawQuery) -> Response {
    if !st.knobs().legacy_list {
        return no_route().await;
    }
    page(&st, q).into_response()
}

fn page(st: &Shared, q: RawQuery) -> ApiResult {
    let q = Params::parse(q)?;
    let parent = q
        .i64("parentFileId")?
        .ok_or_else(|| ApiError::param("parentFileId"))?;
    let limit = q.i64("limit")?.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::new(1, "参数错误: limit 取值范围为 1-100"));
    }
    let page = q.i64("page")?.unwrap_or(1).max(1);
    let (by, desc) = order(&q)?;
    let trashed = q.flag("trashed")?.unwrap_or(false);
    let search = q.non_empty("searchData")?;
    let drive = lock(&st.drive);
    let mut items = matching(&drive.tree, parent, trashed, search)?;
    items.sort_by(|a, b| match desc {
        false => compare(by, a, b),
        true => compare(by, b, a),
    });
    let skip = usize::try_from((page - 1).saturating_mul(limit)).unwrap_or(usize::MAX);
    let list: Vec<Value> = items
        .iter()
        .skip(skip)
        .take(limit as usize)
        .map(|n| item(st, n))
        .collect();
    Ok(Data(json!({ "total": items.len(), "fileList": list })))
}
