//! `GET /api/v1/file/download_info?fileId=` and the `/dl/<token>?t=<expiry>` URLs it hands
//! out, which play the CDN: no headers needed, single-range `Range` (206 + `Content-Range`,
//! 416 when unsatisfiable, multi-range requests get the whole file), bytes streamed from disk.
//! An unknown or expired token gets HTTP 403, as a CDN would refuse a stale signed URL. With
//! the `download_redirect` knob the first hop is a 302 to the same URL marked `hop=1`, as the
//! API digest suggests (whether the real first hop redirects is undocumented): a client must
//! follow it and send its `Range` again. The `cdn_refusals` knob makes fetches answer HTTP 200
//! with the CDN's JSON `{"code":1010,…}` (a URL bound to another city/IP) instead of bytes;
//! `corrupt_downloads` sends wrong bytes (the first one flipped), for checks against the etag.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::StreamExt;
use serde_json::json;

use super::super::clock;
use super::super::faults;
use super::super::reply::{ApiError, ApiResult, Data};
use super::super::shared::{Shared, Ticket, lock};
use super::{Params, RawQuery};

pub(super) mod range;

use range::Span;

pub(crate) async fn download_info(State(st): State<Arc<Shared>>, q: RawQuery) -> ApiResult {
    let id = Params::parse(q)?
        .i64("fileId")?
        .ok_or_else(|| ApiError::param("fileId"))?;
    let knobs = st.knobs();
    let ticket = {
        let d = lock(&st.drive);
        let n = d.tree.live(id)?;
        if n.is_dir() {
            return Err(ApiError::not_found());
        }
        if n.status > 100 {
            // Undocumented: a file rejected by review (status > 100) can't be fetched.
            return Err(ApiError::new(1, "文件审核未通过，无法下载"));
        }
        let ttl = i64::try_from(knobs.download_url_ttl.as_secs()).unwrap_or(i64::MAX);
        Ticket {
            etag: n.etag().to_owned(),
            size: n.size(),
            name: n.name.clone(),
            expires: clock::now_secs().saturating_add(ttl),
        }
    };
    let cap = knobs.free_traffic_limit.filter(|_| !knobs.vip);
    if cap.is_some_and(|cap| st.traffic.load(Ordering::Relaxed) >= cap) {
        // 下载.md's example message for code 5113.
        return Err(ApiError::new(
            5113,
            "您今日自用下载流量已超出1GB上限，升级VIP会员可无限流量下载",
        ));
    }
    let token = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 24]>());
    let expires = ticket.expires;
    {
        let mut tickets = lock(&st.tickets);
        let now = clock::now_secs();
        tickets.retain(|_, t| t.expires > now);
        tickets.insert(token.clone(), ticket);
    }
    Ok(Data(
        json!({ "downloadUrl": format!("{}/dl/{token}?t={expires}", st.base_url) }),
    ))
}

pub(crate) async fn fetch(
    State(st): State<Arc<Shared>>,
    Path(token): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let query = uri.query().unwrap_or_default();
    if st.knobs().download_redirect && !query.split('&').any(|p| p == "hop=1") {
        let to = format!("/dl/{token}?{query}&hop=1");
        return (StatusCode::FOUND, [(header::LOCATION, to)]).into_response();
    }
    if st.take(|k| &mut k.cdn_refusals) {
        st.stats().cdn_refusals += 1;
        // The CDN's answer for a URL fetched from another city/IP, as reported in [OL#1521].
        let body = r#"{"code":1010,"message":"forbidden realc:ma'anshan city arg_c:wuhan city"}"#;
        return (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    let ticket = lock(&st.tickets).get(&token).cloned();
    let Some(ticket) = ticket.filter(|t| t.expires > clock::now_secs()) else {
        return (
            StatusCode::FORBIDDEN,
            "403 Forbidden: signature expired or invalid\n",
        )
            .into_response();
    };
    serve(&st, &ticket.etag, ticket.size, &ticket.name, &headers)
        .await
        .0
}

/// The content `(etag, size)` as a CDN serves it (`Range`, faults, traffic counted), and the
/// bytes the answer carries. Shared with the direct-link URLs.
pub(crate) async fn serve(
    st: &Arc<Shared>,
    etag: &str,
    size: u64,
    name: &str,
    headers: &HeaderMap,
) -> (Response, u64) {
    let located = lock(&st.drive).blobs.locate(etag, size);
    let Some(located) = located else {
        return (
            (StatusCode::NOT_FOUND, "404 Not Found\n").into_response(),
            0,
        );
    };
    let span = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Span::Whole, |r| range::parse(r, size));
    let (status, start, len) = match span {
        Span::Whole => (StatusCode::OK, 0, size),
        Span::Part { start, end } => (StatusCode::PARTIAL_CONTENT, start, end - start + 1),
        Span::Unsatisfiable => {
            let refused = (
                StatusCode::RANGE_NOT_SATISFIABLE,
                [(header::CONTENT_RANGE, format!("bytes */{size}"))],
            );
            return (refused.into_response(), 0);
        }
    };
    let stream = match located.stream(start, len).await {
        Ok(s) => s,
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR.into_response(), 0),
    };
    if status == StatusCode::PARTIAL_CONTENT {
        let mut stats = st.stats();
        stats.partial_downloads += 1;
        if headers
            .get(header::RANGE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(range::is_suffix)
        {
            stats.suffix_downloads += 1;
        }
    }
    let stream = match st.take(|k| &mut k.corrupt_downloads) {
        true => {
            st.stats().corrupted += 1;
            faults::flip_first_byte(stream).boxed()
        }
        false => stream,
    };
    let stream = if st.roll(st.knobs().drop_rate) {
        st.stats().dropped += 1;
        faults::cut_after(stream, st.pick(len.max(1))).boxed()
    } else {
        stream
    };
    // Counted as the bytes leave (after any cut), so a range counts exactly its bytes.
    let counter = Arc::clone(st);
    let body = Body::from_stream(stream.inspect(move |chunk| {
        if let Ok(c) = chunk {
            counter.traffic.fetch_add(c.len() as u64, Ordering::Relaxed);
        }
    }));
    let mut builder = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .header(header::CONTENT_LENGTH, len)
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::CONTENT_DISPOSITION, disposition(name));
    if status == StatusCode::PARTIAL_CONTENT {
        builder = builder.header(
            header::CONTENT_RANGE,
            format!("bytes {start}-{}/{size}", start + len - 1),
        );
    }
    let response = builder
        .body(body)
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response());
    (response, len)
}

/// `attachment; filename*=UTF-8''<percent-encoded name>` (RFC 6266), safe for CJK names.
fn disposition(name: &str) -> String {
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename*=UTF-8''{encoded}")
}
