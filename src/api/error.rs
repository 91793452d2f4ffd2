//! The one error type of the API client: what went wrong ([`ApiErrorKind`], which callers branch
//! on), plus the server's code, message and trace id for the user and for support. Classifying a
//! 123pan reply into a kind happens here and nowhere else.

use std::fmt;

/// What kind of failure, coarse enough for the UI and the transfer engine to decide what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiErrorKind {
    /// Token invalid, expired or evicted, or client credentials rejected.
    Auth,
    /// Code 429 "请求太频繁", still failing after the client's own backoff.
    RateLimited,
    /// Code 5066 "文件不存在", or HTTP 404 from a download host.
    NotFound,
    /// A name clash ("已经有同名…", "当前目录有重名文件") or a move into the current folder.
    Conflict,
    /// The server rejected a file name (forbidden characters, too long, all spaces).
    InvalidName,
    /// Code 5113 (daily download traffic exhausted) or out of space.
    Quota,
    /// Worth retrying later: HTTP 5xx, bodies that are not JSON, timeouts, connection errors,
    /// code 20103 ("文件正在校验中").
    Transient,
    /// A download URL the CDN no longer accepts (HTTP 403/410, or its JSON code 1010 for a URL
    /// bound to another city/IP): ask `download_info` for a fresh one.
    LinkExpired,
    /// Anything else; retrying the same request will not help.
    Fatal,
}

/// A failed API call. `Display` is a one-line message meant for users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ApiErrorKind,
    /// The body `code` when the server sent an envelope; `None` for transport failures.
    pub code: Option<i64>,
    pub message: String,
    /// The envelope's `x-traceID`, for 123pan support.
    pub trace_id: Option<String>,
    /// The endpoint path, e.g. `api/v2/file/list`, or `download` for CDN fetches.
    pub endpoint: &'static str,
}

impl ApiError {
    pub fn new(kind: ApiErrorKind, endpoint: &'static str, message: impl Into<String>) -> Self {
        Self {
            kind,
            code: None,
            message: message.into(),
            trace_id: None,
            endpoint,
        }
    }

    /// An error built from a non-zero envelope `code`; the kind comes from [`classify`].
    pub fn from_code(
        endpoint: &'static str,
        code: i64,
        message: String,
        trace_id: Option<String>,
    ) -> Self {
        Self {
            kind: classify(code, &message),
            code: Some(code),
            message,
            trace_id: trace_id.filter(|t| !t.is_empty()),
            endpoint,
        }
    }

    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            ApiErrorKind::Transient | ApiErrorKind::RateLimited
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ApiErrorKind::Auth => "authentication failed",
            ApiErrorKind::RateLimited => "rate limited",
            ApiErrorKind::NotFound => "not found",
            ApiErrorKind::Conflict => "name conflict",
            ApiErrorKind::InvalidName => "invalid name",
            ApiErrorKind::Quota => "quota exceeded",
            ApiErrorKind::Transient => "temporary failure",
            ApiErrorKind::LinkExpired => "download link expired",
            ApiErrorKind::Fatal => "request failed",
        };
        write!(f, "123pan {}: {what}: {}", self.endpoint, self.message)?;
        match (self.code, &self.trace_id) {
            (Some(code), Some(trace)) => write!(f, " (code {code}, trace {trace})"),
            (Some(code), None) => write!(f, " (code {code})"),
            (None, Some(trace)) => write!(f, " (trace {trace})"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for ApiError {}

/// Maps a non-zero body code and its message to a kind. Only `401`/`429` are documented codes
/// [S001]; 5066/5113 come from the download doc; the name messages are matched because their
/// codes are unknown (most likely `1`) [JRC][RST].
pub fn classify(code: i64, message: &str) -> ApiErrorKind {
    const CONFLICT: [&str; 4] = ["已经有同名", "重名", "同名文件", "文件已在当前文件夹"];
    const INVALID_NAME: [&str; 3] = ["文件名要小于", "不能包含以下", "不能全部是空格"];
    const QUOTA: [&str; 3] = ["流量", "空间不足", "容量不足"];
    match code {
        401 => ApiErrorKind::Auth,
        429 => ApiErrorKind::RateLimited,
        5066 => ApiErrorKind::NotFound,
        5113 => ApiErrorKind::Quota,
        20103 => ApiErrorKind::Transient,
        _ if CONFLICT.iter().any(|m| message.contains(m)) => ApiErrorKind::Conflict,
        _ if INVALID_NAME.iter().any(|m| message.contains(m)) => ApiErrorKind::InvalidName,
        _ if QUOTA.iter().any(|m| message.contains(m)) => ApiErrorKind::Quota,
        _ => ApiErrorKind::Fatal,
    }
}

/// A batch operation (move, trash, delete, recover, rename, async copy) is sent in chunks, in
/// order; this says how many items the chunks before the failing one covered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{error} ({completed} item(s) done before the failure)")]
pub struct BatchError {
    pub completed: usize,
    pub error: ApiError,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_documented_codes_and_known_messages() {
        assert_eq!(classify(401, "access_token无效"), ApiErrorKind::Auth);
        assert_eq!(
            classify(401, "tokens number has exceeded the limit"),
            ApiErrorKind::Auth
        );
        assert_eq!(classify(429, "请求太频繁"), ApiErrorKind::RateLimited);
        assert_eq!(
            classify(5066, "文件不存在，检查传入fileId是否正确"),
            ApiErrorKind::NotFound
        );
        assert_eq!(
            classify(
                5113,
                "您今日自用下载流量已超出1GB上限，升级VIP会员可无限流量下载"
            ),
            ApiErrorKind::Quota
        );
        assert_eq!(
            classify(20103, "文件正在校验中,请间隔1秒后再试"),
            ApiErrorKind::Transient
        );
        assert_eq!(
            classify(1, "该目录下已经有同名文件夹,无法进行创建"),
            ApiErrorKind::Conflict
        );
        assert_eq!(classify(1, "当前目录有重名文件"), ApiErrorKind::Conflict);
        assert_eq!(
            classify(
                1,
                "文件名要小于256个字符且不能包含以下任何字符：\"\\/:*?|><"
            ),
            ApiErrorKind::InvalidName
        );
        assert_eq!(classify(1, "内部错误"), ApiErrorKind::Fatal);
        assert_eq!(classify(1, "parentFileID不存在"), ApiErrorKind::Fatal);
    }

    #[test]
    fn display_is_one_line_with_code_and_trace() {
        let e = ApiError::from_code(
            "api/v2/file/list",
            429,
            "请求太频繁".into(),
            Some("abc_kong".into()),
        );
        let s = e.to_string();
        assert_eq!(
            s,
            "123pan api/v2/file/list: rate limited: 请求太频繁 (code 429, trace abc_kong)"
        );
        assert!(!s.contains('\n'));
        let e = ApiError::from_code("api/v1/user/info", 1, "x".into(), Some(String::new()));
        assert_eq!(e.trace_id, None);
        assert_eq!(
            e.to_string(),
            "123pan api/v1/user/info: request failed: x (code 1)"
        );
    }
}
