//! The response envelope `{"code","message","data","x-traceID"}` and the business errors the
//! mock answers with. Business errors are HTTP 200 with a non-zero `code` and `data: null`
//! (API.md §1.3); every message chosen where the documents are silent is defined here.

use std::borrow::Cow;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

/// A successful reply: `code 0`, `message "ok"`, the given `data`.
pub(crate) struct Data(pub Value);

/// A business error: HTTP 200, non-zero `code`, `data: null`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub code: i64,
    pub message: Cow<'static, str>,
}

pub(crate) type ApiResult = Result<Data, ApiError>;

/// The forbidden-character rule, verbatim from upload-v2.zh.md; name errors all contain it.
pub(crate) const NAME_RULE: &str = "文件名要小于256个字符且不能包含以下任何字符：\"\\/:*?|><";

impl ApiError {
    pub fn new(code: i64, message: impl Into<Cow<'static, str>>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }

    /// Malformed or missing parameter. The real wording is undocumented; code 1 is the
    /// generic "内部错误" code that validation errors use (API.md §1.4).
    pub fn param(field: &str) -> Self {
        ApiError::new(1, format!("参数错误: {field}"))
    }

    /// Message from the download document's example (下载.md).
    pub fn not_found() -> Self {
        ApiError::new(5066, "文件不存在，检查传入fileId是否正确")
    }

    /// A parent/target folder that does not exist or is not usable, phrased like the known
    /// create error "parentFileID不存在" with the field the client sent.
    pub fn missing_dir(field: &str) -> Self {
        ApiError::new(1, format!("{field}不存在"))
    }

    /// Known rename-conflict message; the mock uses it for every name clash except mkdir's.
    pub fn name_taken() -> Self {
        ApiError::new(1, "当前目录有重名文件")
    }

    pub fn bad_name() -> Self {
        ApiError::new(1, NAME_RULE)
    }

    pub fn blank_name() -> Self {
        ApiError::new(1, format!("{NAME_RULE}，文件名不能全部是空格"))
    }

    pub fn too_many(limit: usize) -> Self {
        ApiError::new(1, format!("单次最多支持{limit}个文件"))
    }

    pub fn unauthorized() -> Self {
        ApiError::new(401, "access_token无效")
    }

    pub fn evicted() -> Self {
        ApiError::new(401, "tokens number has exceeded the limit")
    }

    pub fn throttled() -> Self {
        ApiError::new(429, "请求太频繁")
    }

    pub fn upload_failed() -> Self {
        ApiError::new(1, "文件上传失败")
    }

    /// The refusal of a 0-byte upload under the `refuse_empty_files` knob. The real code and
    /// message are unknown (rclone PRs #9017/#9047 only say empty files are not supported);
    /// code 1, as for the server's other validation errors.
    pub fn empty_file() -> Self {
        ApiError::new(1, "不支持上传空文件(0字节)")
    }

    pub fn verifying() -> Self {
        ApiError::new(20103, "文件正在校验中,请间隔1秒后再试")
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    code: i64,
    message: &'a str,
    data: &'a Value,
    #[serde(rename = "x-traceID")]
    trace_id: String,
}

/// A random UUID-shaped trace id with a `_mock` suffix in place of the Kong host name.
fn trace_id() -> String {
    let b: [u8; 16] = rand::random();
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}_mock",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

pub(crate) fn envelope(code: i64, message: &str, data: &Value) -> Response {
    let body = Envelope {
        code,
        message,
        data,
        trace_id: trace_id(),
    };
    match serde_json::to_vec(&body) {
        Ok(bytes) => (
            StatusCode::OK,
            [(
                axum::http::header::CONTENT_TYPE,
                "application/json; charset=utf-8",
            )],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

impl IntoResponse for Data {
    fn into_response(self) -> Response {
        envelope(0, "ok", &self.0)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        envelope(self.code, &self.message, &Value::Null)
    }
}
