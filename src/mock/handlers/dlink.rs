//! 直链: `POST /api/v1/direct-link/enable` and `…/disable` (`{fileID}` of a folder) →
//! `{filename}`; `GET /api/v1/direct-link/url?fileID=` → `{url}` for a file in a folder with
//! direct-link space; `GET /api/v1/direct-link/log` (`pageNum`, `pageSize`, `startTime`,
//! `endTime`, "仅限查询近 3 天") → `{total, list}`, newest first. The URLs are served here
//! too, under `/dlink/<uid>/<path>`, like a CDN: no headers, `Range` honoured, and each fetch
//! leaves a log entry.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::super::body::Fields;
use super::super::clock;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, lock};
use super::super::sharing::{LogEntry, PAGE_MAX, not_in_space, parse_log_time, path_of};
use super::download::serve;
use super::{Params, RawQuery};

/// How far back the log may be asked for: three days, and a few minutes for clock skew.
const LOG_REACH: i64 = 3 * 86_400 + 600;

/// A path segment with everything but RFC 3986's unreserved characters percent-encoded.
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn url_of(st: &Shared, path: &str) -> String {
    let encoded: Vec<String> = path.split('/').map(encode).collect();
    format!("{}/dlink/{}{}", st.base_url, st.uid, encoded.join("/"))
}

fn switch(st: &Shared, body: &[u8], on: bool) -> ApiResult {
    let f = Fields::parse(body)?;
    let id = f.id("fileID")?;
    st.mutate(|d| {
        let node = d.tree.live(id)?;
        if !node.is_dir() {
            return Err(ApiError::new(1, "直链空间只能在文件夹上启用或禁用"));
        }
        let name = node.name.clone();
        match on {
            true => d.sharing.dlink_dirs.insert(id),
            false if d.sharing.dlink_dirs.remove(&id) => true,
            false => return Err(ApiError::new(1, "该文件夹未启用直链空间")),
        };
        Ok(Data(json!({ "filename": name })))
    })
}

/// 启用直链空间.
pub(crate) async fn enable(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    switch(&st, &body, true)
}

/// 禁用直链空间.
pub(crate) async fn disable(State(st): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    switch(&st, &body, false)
}

/// 获取直链链接.
pub(crate) async fn url(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    let id = Params::parse(q)?
        .i64("fileID")?
        .ok_or_else(|| ApiError::param("fileID"))?;
    let d = lock(&st.drive);
    let node = d.tree.live(id)?;
    if node.is_dir() {
        return Err(ApiError::new(1, "直链只支持文件"));
    }
    if d.sharing.space_of(&d.tree, id).is_none() {
        return Err(not_in_space());
    }
    let path = path_of(&d.tree, id).ok_or_else(ApiError::not_found)?;
    Ok(Data(json!({ "url": url_of(&st, &path) })))
}

/// 获取直链流量日志 (the reference calls it 获取直链日志).
pub(crate) async fn log(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    let p = Params::parse(q)?;
    let page = p
        .i64("pageNum")?
        .ok_or_else(|| ApiError::param("pageNum"))?;
    let size = p.i64("pageSize")?.unwrap_or(PAGE_MAX as i64);
    if page < 1 || !(1..=PAGE_MAX as i64).contains(&size) {
        return Err(ApiError::param("pageNum"));
    }
    let text = |k: &str| p.non_empty(k)?.ok_or_else(|| ApiError::param(k));
    let start = parse_log_time(text("startTime")?, "startTime")?;
    let end = parse_log_time(text("endTime")?, "endTime")?;
    if start < clock::now_secs() - LOG_REACH {
        return Err(ApiError::new(1, "仅支持查询近3天的日志数据"));
    }
    let d = lock(&st.drive);
    let within: Vec<&LogEntry> = d
        .sharing
        .dlink_log
        .iter()
        .rev()
        .filter(|e| (start..=end).contains(&e.at))
        .collect();
    let skip = usize::try_from((page - 1) * size).unwrap_or(usize::MAX);
    let list: Vec<Value> = within
        .iter()
        .skip(skip)
        .take(size as usize)
        .map(|e| e.json(&url_of(&st, &e.path)))
        .collect();
    Ok(Data(json!({ "total": within.len(), "list": list })))
}

/// `GET /dlink/<uid>/<path>`: the file at `path` when it lies in direct-link space.
pub(crate) async fn fetch(
    State(st): State<Arc<Shared>>,
    Path((uid, path)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let path = format!("/{}", path.trim_start_matches('/'));
    let found = {
        let d = lock(&st.drive);
        d.tree
            .resolve(&path)
            .filter(|_| uid == st.uid.to_string())
            .and_then(|id| {
                d.tree
                    .get(id)
                    .filter(|n| !n.is_dir() && !d.tree.in_trash(id))
            })
            .filter(|n| d.sharing.space_of(&d.tree, n.id).is_some())
            .map(|n| (n.etag().to_owned(), n.size(), n.name.clone()))
    };
    let Some((etag, size, name)) = found else {
        return (StatusCode::NOT_FOUND, "404 Not Found\n").into_response();
    };
    let (response, served) = serve(&st, &etag, size, &name, &headers).await;
    if response.status().is_success() {
        let entry = LogEntry {
            id: format!("{:032x}", rand::random::<u128>()),
            name,
            size,
            path,
            traffic: served,
            at: clock::now_secs(),
        };
        st.mutate(|d| d.sharing.dlink_log.push(entry));
    }
    response
}
