//! Downloads: `download_info` for a file's CDN URL, and a ranged GET on that URL.
//!
//! The URL is a pre-signed capability fetched without `Authorization`/`Platform`; it is bound to
//! the requesting city/IP and expires [OL#1521]. So the fetch answers 403/410 and the CDN's own
//! JSON `{"code":1010,…}` with `LinkExpired` (ask for a new URL), and the URL is never logged.
//! The CDN may send that JSON with HTTP 200, so a small JSON body on a success is read first
//! and, unless it is that refusal, handed on as the file's bytes.

use bytes::Bytes;
use futures::stream::{self, BoxStream, StreamExt};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_RANGE, CONTENT_TYPE, RANGE};

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::{ApiError, ApiErrorKind};
use super::model::FileId;
use super::presigned::{error_body, transport_error};
use super::transport::ApiRequest;
use super::wire::ops::DownloadInfoData;

const DOWNLOAD: &str = "download";
/// A JSON body on a success up to this size is looked at for the CDN's refusal.
const SNIFF_MAX: usize = 4096;

/// Bytes `start..=end` of a file; `end: None` reads to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange {
    pub start: u64,
    pub end: Option<u64>,
}

impl ByteRange {
    fn header(self) -> String {
        match self.end {
            Some(end) => format!("bytes={}-{end}", self.start),
            None => format!("bytes={}-", self.start),
        }
    }
}

/// A successful download response, body not yet read ([`Download::into_stream`]).
pub struct Download {
    body: BoxStream<'static, Result<Bytes, reqwest::Error>>,
    /// `true` on 206: the body starts at the requested offset. `false` means the whole file
    /// from byte 0, even if a range was asked for (the server ignored it).
    pub partial: bool,
    /// The whole file's size, from `Content-Range` or, without a range, `Content-Length`.
    pub total_size: Option<u64>,
    /// Where the body starts in the file: from `Content-Range` on 206, else 0.
    pub start: u64,
}

impl Download {
    /// The body, chunk by chunk.
    pub fn into_stream(self) -> BoxStream<'static, Result<Bytes, reqwest::Error>> {
        self.body
    }

    /// The whole body in memory; for small ranges only.
    pub async fn bytes(self) -> Result<Bytes, reqwest::Error> {
        let mut all = bytes::BytesMut::new();
        let mut body = self.body;
        while let Some(chunk) = body.next().await {
            all.extend_from_slice(&chunk?);
        }
        Ok(all.freeze())
    }
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("partial", &self.partial)
            .field("total_size", &self.total_size)
            .field("start", &self.start)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A fresh CDN URL for file `id`. Fetch it from this process soon; it is IP-bound and
    /// temporary.
    pub async fn download_url(&self, id: FileId) -> Result<String, ApiError> {
        let query = [("fileId", id.to_string())];
        let data: DownloadInfoData = self
            .call(ApiRequest::query(self, Endpoint::DownloadInfo, &query)?)
            .await?;
        Ok(data.download_url)
    }

    /// GETs `url` (from [`Client::download_url`]), following redirects, optionally from a byte
    /// offset. There is no total timeout, only the read-idle one (for the answer, then between
    /// bytes); nothing is retried here (resuming is the caller's job).
    pub async fn download(
        &self,
        url: &str,
        range: Option<ByteRange>,
    ) -> Result<Download, ApiError> {
        self.fetch(url, range.map(ByteRange::header)).await
    }

    /// GETs the last `len` bytes of the file at `url` with a suffix range (`bytes=-len`), for
    /// reading the end of a file without knowing (or trusting) its size; see [`Client::download`].
    pub async fn download_tail(&self, url: &str, len: u64) -> Result<Download, ApiError> {
        self.fetch(url, Some(format!("bytes=-{len}"))).await
    }

    async fn fetch(&self, url: &str, range: Option<String>) -> Result<Download, ApiError> {
        let mut request = self.inner.downloads.get(url);
        if let Some(range) = range {
            request = request.header(RANGE, range);
        }
        let response = request
            .send()
            .await
            .map_err(|e| transport_error(DOWNLOAD, e, self.inner.timeouts.read_idle))?;
        let status = response.status();
        if !status.is_success() {
            return Err(classify_status(status, &error_body(response).await));
        }
        let partial = status == StatusCode::PARTIAL_CONTENT;
        let content_range = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let (total_size, start) = match (partial, content_range) {
            (true, Some(value)) => (
                content_range_total(&value),
                content_range_start(&value).unwrap_or(0),
            ),
            (true, None) => (None, 0),
            (false, _) => (response.content_length(), 0),
        };
        Ok(Download {
            body: body_unless_refusal(response, self.inner.timeouts.read_idle).await?,
            partial,
            total_size,
            start,
        })
    }
}

/// The body of a success, after making sure a small JSON one is not the CDN's refusal.
async fn body_unless_refusal(
    response: reqwest::Response,
    read_idle: std::time::Duration,
) -> Result<BoxStream<'static, Result<Bytes, reqwest::Error>>, ApiError> {
    let json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"));
    let small = response
        .content_length()
        .is_some_and(|n| n <= SNIFF_MAX as u64);
    if !(json && small) {
        return Ok(response.bytes_stream().boxed());
    }
    let body = response
        .bytes()
        .await
        .map_err(|e| transport_error(DOWNLOAD, e, read_idle))?;
    if let Some(e) = cdn_refusal(&body) {
        return Err(e);
    }
    Ok(stream::once(async { Ok(body) }).boxed())
}

/// The CDN's own JSON refusal (`{"code":1010,"message":…}`), whatever the HTTP status.
fn cdn_refusal(body: &[u8]) -> Option<ApiError> {
    let v = serde_json::from_slice::<serde_json::Value>(body).ok()?;
    let code = v.get("code")?.as_i64().filter(|c| *c == 1010)?;
    let message = v.get("message")?.as_str()?;
    let mut e = ApiError::new(ApiErrorKind::LinkExpired, DOWNLOAD, message);
    e.code = Some(code);
    Some(e)
}

/// The first position in `bytes 100-199/1234`.
fn content_range_start(value: &str) -> Option<u64> {
    let spec = value.trim().strip_prefix("bytes")?.trim_start();
    spec.split_once('-')?.0.trim().parse().ok()
}

/// The total in `bytes 0-99/1234`; `None` for `*`.
fn content_range_total(value: &str) -> Option<u64> {
    value.rsplit_once('/')?.1.trim().parse().ok()
}

fn classify_status(status: StatusCode, body: &[u8]) -> ApiError {
    if let Some(e) = cdn_refusal(body) {
        return e;
    }
    let kind = match status {
        StatusCode::FORBIDDEN | StatusCode::GONE => ApiErrorKind::LinkExpired,
        StatusCode::NOT_FOUND => ApiErrorKind::NotFound,
        StatusCode::TOO_MANY_REQUESTS => ApiErrorKind::RateLimited,
        s if s.is_server_error() => ApiErrorKind::Transient,
        _ => ApiErrorKind::Fatal,
    };
    ApiError::new(
        kind,
        DOWNLOAD,
        format!("the download host answered HTTP {}", status.as_u16()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_headers() {
        let r = ByteRange {
            start: 100,
            end: None,
        };
        assert_eq!(r.header(), "bytes=100-");
        let r = ByteRange {
            start: 0,
            end: Some(99),
        };
        assert_eq!(r.header(), "bytes=0-99");
    }

    #[test]
    fn content_range_totals() {
        assert_eq!(content_range_total("bytes 100-199/1234"), Some(1234));
        assert_eq!(content_range_total("bytes 100-199/*"), None);
        assert_eq!(content_range_total("garbage"), None);
        assert_eq!(content_range_start("bytes 100-199/1234"), Some(100));
        assert_eq!(content_range_start("bytes */1234"), None);
    }

    #[test]
    fn cdn_failures() {
        let body = br#"{"code":1010,"message":"forbidden realc:ma'anshan city arg_c:wuhan city"}"#;
        let e = classify_status(StatusCode::FORBIDDEN, body);
        assert_eq!((e.kind, e.code), (ApiErrorKind::LinkExpired, Some(1010)));
        assert!(e.message.contains("forbidden realc"));
        assert_eq!(
            classify_status(StatusCode::GONE, b"").kind,
            ApiErrorKind::LinkExpired
        );
        assert_eq!(
            classify_status(StatusCode::NOT_FOUND, b"<html>").kind,
            ApiErrorKind::NotFound
        );
        assert_eq!(
            classify_status(StatusCode::BAD_GATEWAY, b"").kind,
            ApiErrorKind::Transient
        );
        let e = classify_status(StatusCode::RANGE_NOT_SATISFIABLE, b"");
        assert_eq!(e.kind, ApiErrorKind::Fatal);
        assert!(e.to_string().contains("HTTP 416"));
    }
}
