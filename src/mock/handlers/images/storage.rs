//! The hosts behind the image space's URLs, played by the mock itself and reached without API
//! headers (the gate lets `/oss-put/` and `/oss-img/` through):
//!
//! - `PUT /oss-put/<token>`: the presigned slice upload. "PUT请求的header中请不要携带
//!   Authorization、Platform参数": a request with `Authorization` gets S3's answer to a second
//!   auth mechanism (400 `InvalidArgument`), one with `Platform` S3's answer to unsigned
//!   headers (403 `AccessDenied`). An unknown or expired URL gets 403 "Request has expired"; a
//!   body whose length is not the slice's exact size 400. Success is HTTP 200 with an empty body
//!   ("上传完成后HTTP请求响应200即可，无任何返回值") and the slice MD5 as `ETag`. Re-sending a
//!   slice replaces it.
//! - `GET /oss-img/<uid>/<id>.<ext>`: `downloadURL`/`userSelfURL`, the image bytes with an
//!   image content type (a single `Range` served with 206); each fetch adds to the image's
//!   `totalTraffic`.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use tokio::io::AsyncWriteExt;

use super::super::super::clock;
use super::super::super::faults;
use super::super::super::images::{ImagePhase, extension, slice_dir};
use super::super::super::shared::{Shared, lock};
use super::super::download::range::{self, Span};
use md5_lanes::Md5;

fn s3_error(status: StatusCode, code: &str, message: &str) -> Response {
    let request_id = format!("{:016X}", rand::random::<u64>());
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message><RequestId>{request_id}</RequestId></Error>"
    );
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

enum Spool {
    Done { md5: String, len: u64 },
    TooBig,
    Dropped,
    Failed,
}

/// Streams the request body to `path`, stopping past `cap` bytes.
async fn spool(body: Body, path: &PathBuf, cap: u64, drop: bool) -> Spool {
    let Ok(mut file) = tokio::fs::File::create(path).await else {
        return Spool::Failed;
    };
    let mut sink = Md5::new();
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            return Spool::Failed;
        };
        if drop {
            return Spool::Dropped;
        }
        sink.update(&chunk);
        if sink.bytes() > cap {
            return Spool::TooBig;
        }
        if file.write_all(&chunk).await.is_err() {
            return Spool::Failed;
        }
    }
    if file.flush().await.is_err() {
        return Spool::Failed;
    }
    let len = sink.bytes();
    Spool::Done {
        md5: sink.hex(),
        len,
    }
}

pub(crate) async fn put(
    State(st): State<Arc<Shared>>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if headers.contains_key(header::AUTHORIZATION) {
        return s3_error(
            StatusCode::BAD_REQUEST,
            "InvalidArgument",
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
        );
    }
    if headers.contains_key("platform") {
        return s3_error(
            StatusCode::FORBIDDEN,
            "AccessDenied",
            "There were headers present in the request which were not signed",
        );
    }
    let now = clock::now_secs();
    let target = {
        let d = lock(&st.drive);
        let uploads = &d.images.uploads;
        uploads.ticket(&token, now).and_then(|t| {
            let s = uploads.get(&t.session).ok()?;
            let open = s.phase == ImagePhase::Receiving;
            open.then(|| (s.promise().slice_len(t.slice_no), s.dir, t))
        })
    };
    let Some((expected, dir, ticket)) = target else {
        return s3_error(StatusCode::FORBIDDEN, "AccessDenied", "Request has expired");
    };
    let tmp = st
        .uploads_dir
        .join(format!(".part-{:016x}", rand::random::<u64>()));
    let drop = st.roll(st.knobs().drop_rate);
    let (md5, len) = match spool(body, &tmp, expected, drop).await {
        Spool::Done { md5, len } => (md5, len),
        other => {
            let _ = tokio::fs::remove_file(&tmp).await;
            return match other {
                Spool::TooBig => s3_error(
                    StatusCode::BAD_REQUEST,
                    "EntityTooLarge",
                    "Your proposed upload exceeds the maximum allowed size",
                ),
                Spool::Dropped => {
                    st.stats().dropped += 1;
                    faults::dropped_response()
                }
                _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            };
        }
    };
    if len != expected {
        let _ = tokio::fs::remove_file(&tmp).await;
        let message = format!(
            "Slice {} must be {expected} bytes, got {len}",
            ticket.slice_no
        );
        return s3_error(StatusCode::BAD_REQUEST, "IncompleteBody", &message);
    }
    if st.take(|k| &mut k.lost_image_slices) {
        // Acknowledged, never stored: `upload_complete` will find the slice missing.
        let _ = tokio::fs::remove_file(&tmp).await;
        return StatusCode::OK.into_response();
    }
    let stored = st.mutate(|d| {
        let s = d
            .images
            .uploads
            .get_mut(&ticket.session)
            .ok()
            .filter(|s| s.phase == ImagePhase::Receiving)?;
        let dir = slice_dir(&st.uploads_dir, dir);
        // Renamed under the lock so a concurrent upload_complete can't miss it.
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::rename(&tmp, dir.join(ticket.slice_no.to_string())))
            .ok()?;
        s.parts.insert(ticket.slice_no, (len, md5.clone()));
        Some(())
    });
    if stored.is_none() {
        let _ = tokio::fs::remove_file(&tmp).await;
        return s3_error(
            StatusCode::NOT_FOUND,
            "NoSuchUpload",
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
        );
    }
    (StatusCode::OK, [(header::ETAG, format!("\"{md5}\""))]).into_response()
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "png" => "image/png",
        "gif" => "image/gif",
        "jpg" | "jpeg" => "image/jpeg",
        "tif" | "tiff" => "image/tiff",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "bmp" => "image/bmp",
        _ => "application/octet-stream",
    }
}

pub(crate) async fn image(
    State(st): State<Arc<Shared>>,
    Path((uid, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let id = file.split('.').next().unwrap_or_default();
    let found = st.mutate(|d| {
        if uid != st.uid.to_string() {
            return None;
        }
        let node = d
            .images
            .tree
            .get_mut(id)
            .filter(|n| !n.is_dir() && !id.is_empty())?;
        node.traffic = node.traffic.saturating_add(node.size());
        let located = d.blobs.locate(node.etag(), node.size())?;
        Some((located, node.size(), extension(&node.name)))
    });
    let Some((located, size, ext)) = found else {
        return (StatusCode::NOT_FOUND, "404 Not Found\n").into_response();
    };
    // A single `Range` is served as the CDN would (the viewer reads an image's header only).
    let span = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Span::Whole, |r| range::parse(r, size));
    let (status, start, len) = match span {
        Span::Whole => (StatusCode::OK, 0, size),
        Span::Part { start, end } => (StatusCode::PARTIAL_CONTENT, start, end - start + 1),
        Span::Unsatisfiable => {
            let range = format!("bytes */{size}");
            return (
                StatusCode::RANGE_NOT_SATISFIABLE,
                [(header::CONTENT_RANGE, range)],
            )
                .into_response();
        }
    };
    let Ok(stream) = located.stream(start, len).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut builder = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type(&ext))
        .header(header::CONTENT_LENGTH, len)
        .header(header::ACCEPT_RANGES, "bytes");
    if status == StatusCode::PARTIAL_CONTENT {
        let range = format!("bytes {start}-{}/{size}", start + len - 1);
        builder = builder.header(header::CONTENT_RANGE, range);
    }
    builder
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
