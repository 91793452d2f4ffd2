//! Turns one HTTP reply into the endpoint's `data` or a classified failure.
//!
//! Business errors arrive as HTTP 200 with a non-zero body `code` [S001][OL], so the body is
//! decoded whatever the status whenever it is a JSON envelope. Anything else (HTML from a
//! gateway, an empty or truncated body, JSON without `code`) is a transient failure; it never
//! panics. Each failure also says whether the request may be repeated (see [`Retry`]).

use std::time::Duration;

use reqwest::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::endpoint::Endpoint;
use super::error::{ApiError, ApiErrorKind};
use super::lenient;

/// Whether a failed attempt may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    /// The server did not act on it (429, 502/503, refused connection): safe for any endpoint.
    Safe,
    /// Unknown whether the server acted (timeout, 500, cut-off reply): only idempotent calls.
    IfIdempotent,
    /// A definite answer; repeating it would get the same answer.
    Never,
}

#[derive(Debug)]
pub(crate) struct Failure {
    pub error: ApiError,
    pub retry: Retry,
}

impl Failure {
    pub(crate) fn new(error: ApiError, retry: Retry) -> Self {
        Self { error, retry }
    }
}

#[derive(Deserialize)]
struct RawEnvelope {
    #[serde(deserialize_with = "lenient::int")]
    code: i64,
    #[serde(default, deserialize_with = "lenient::string")]
    message: String,
    #[serde(default)]
    data: Value,
    #[serde(rename = "x-traceID", default, deserialize_with = "lenient::string")]
    trace_id: String,
}

/// Decodes a reply of `endpoint` into `T` (its `data`).
pub(crate) fn decode<T: DeserializeOwned>(
    endpoint: Endpoint,
    status: StatusCode,
    body: &[u8],
) -> Result<T, Failure> {
    let path = endpoint.path();
    let Ok(envelope) = serde_json::from_slice::<RawEnvelope>(body) else {
        return Err(not_an_envelope(path, status, body));
    };
    let trace_id = Some(envelope.trace_id).filter(|t| !t.is_empty());
    if envelope.code != 0 {
        let error = ApiError::from_code(path, envelope.code, envelope.message, trace_id);
        let retry = if envelope.code == 429 {
            Retry::Safe
        } else {
            Retry::Never
        };
        return Err(Failure::new(error, retry));
    }
    serde_json::from_value(envelope.data).map_err(|e| {
        let mut error = ApiError::new(
            ApiErrorKind::Fatal,
            path,
            format!("unexpected response data: {e}"),
        );
        error.code = Some(0);
        error.trace_id = trace_id;
        Failure::new(error, Retry::Never)
    })
}

fn not_an_envelope(path: &'static str, status: StatusCode, body: &[u8]) -> Failure {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    let what = if trimmed.is_empty() {
        "an empty body".to_owned()
    } else if trimmed.starts_with('{') || trimmed.starts_with('[') {
        format!("malformed or truncated JSON ({})", snippet(trimmed))
    } else {
        format!("a non-JSON body ({})", snippet(trimmed))
    };
    let message = format!("server returned HTTP {} with {what}", status.as_u16());
    let (kind, retry) = match status {
        StatusCode::TOO_MANY_REQUESTS => (ApiErrorKind::RateLimited, Retry::Safe),
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE => {
            (ApiErrorKind::Transient, Retry::Safe)
        }
        _ => (ApiErrorKind::Transient, Retry::IfIdempotent),
    };
    Failure::new(ApiError::new(kind, path, message), retry)
}

/// The start of a body, on one line, for error messages.
fn snippet(text: &str) -> String {
    const MAX: usize = 80;
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX + 1)
        .collect();
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{one_line}\"")
    }
}

/// A failure below HTTP: connecting, sending, or reading the reply.
pub(crate) fn transport_failure(
    endpoint: Endpoint,
    error: reqwest::Error,
    limit: Duration,
) -> Failure {
    let path = endpoint.path();
    if error.is_builder() {
        let error = error.without_url();
        let e = ApiError::new(
            ApiErrorKind::Fatal,
            path,
            format!("invalid request: {error}"),
        );
        return Failure::new(e, Retry::Never);
    }
    let (cut, message) = below_http(error, limit);
    let retry = match cut {
        Cut::Connect => Retry::Safe,
        // A server that accepted the call and then kept silent for the whole limit is not
        // asked again: with the usual four tries it would hold a command for two minutes. The
        // caller may still try later (the transfer engine retries its jobs).
        Cut::Silent => Retry::Never,
        Cut::Broken => Retry::IfIdempotent,
    };
    Failure::new(ApiError::new(ApiErrorKind::Transient, path, message), retry)
}

/// Where a request failed below HTTP.
pub(crate) enum Cut {
    /// No connection was made: the server has not seen the request.
    Connect,
    /// No (complete) answer within the limit.
    Silent,
    /// The connection broke.
    Broken,
}

/// A failure below HTTP in words that name the host (never the whole URL, which may carry a
/// signature) and, for a timeout, the limit that ran out.
pub(crate) fn below_http(error: reqwest::Error, limit: Duration) -> (Cut, String) {
    let host = error.url().map_or_else(|| "the server".to_owned(), host_of);
    let error = error.without_url();
    if error.is_connect() {
        let why = error_chain(&error);
        (Cut::Connect, format!("could not connect to {host}: {why}"))
    } else if error.is_timeout() {
        let limit = seconds(limit);
        (Cut::Silent, format!("{host} did not answer within {limit}"))
    } else {
        let why = error_chain(&error);
        (
            Cut::Broken,
            format!("the connection to {host} failed: {why}"),
        )
    }
}

fn host_of(url: &reqwest::Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => "the server".to_owned(),
    }
}

/// `30 s`, `0.3 s`.
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    match s.fract() == 0.0 {
        true => format!("{s:.0} s"),
        false => format!("{s:.1} s"),
    }
}

/// `error` and its sources on one line (reqwest's own `Display` stops at the outermost layer).
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        let next = s.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = s.source();
    }
    text
}

#[cfg(test)]
#[path = "envelope_tests.rs"]
mod tests;
