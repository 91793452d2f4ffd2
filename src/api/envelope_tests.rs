//! Envelope decoding: success, documented error codes, and every kind of malformed reply.

use serde::de::IgnoredAny;

use super::*;

const OK: StatusCode = StatusCode::OK;

fn fail<T: DeserializeOwned + std::fmt::Debug>(status: StatusCode, body: &str) -> Failure {
    decode::<T>(Endpoint::ListV2, status, body.as_bytes()).unwrap_err()
}

#[test]
fn success_envelope_from_the_developer_notes() {
    // 开发须知 "接口响应示例", verbatim.
    let body = r#"{
  "code": 0,
  "message": "ok",
  "data": null,
  "x-traceID":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
}"#;
    decode::<IgnoredAny>(Endpoint::Trash, OK, body.as_bytes()).unwrap();
    let unit: Option<i64> = decode(Endpoint::Trash, OK, body.as_bytes()).unwrap();
    assert_eq!(unit, None);
}

#[test]
fn code_401_is_auth_and_not_retried_here() {
    let f = fail::<IgnoredAny>(
        OK,
        r#"{"code":401,"message":"tokens number has exceeded the limit","data":null,"x-traceID":"t-1"}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::Auth);
    assert_eq!(f.error.code, Some(401));
    assert_eq!(f.error.trace_id.as_deref(), Some("t-1"));
    assert_eq!(f.error.message, "tokens number has exceeded the limit");
    assert_eq!(f.retry, Retry::Never);
}

#[test]
fn code_429_is_rate_limited_and_safe_to_retry() {
    let f = fail::<IgnoredAny>(
        OK,
        r#"{"code":429,"message":"请求太频繁","data":null,"x-traceID":""}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::RateLimited);
    assert_eq!(f.error.trace_id, None);
    assert_eq!(f.retry, Retry::Safe);
}

#[test]
fn codes_5066_and_20103() {
    let f = fail::<IgnoredAny>(
        OK,
        r#"{"code":5066,"message":"文件不存在，检查传入fileId是否正确","data":null,"x-traceID":"x"}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::NotFound);
    let f = fail::<IgnoredAny>(
        OK,
        r#"{"code":20103,"message":"文件正在校验中,请间隔1秒后再试","data":null,"x-traceID":"x"}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::Transient);
    assert_eq!(f.error.code, Some(20103));
    // Surfaced to the caller (upload_complete turns it into Pending), not retried blindly.
    assert_eq!(f.retry, Retry::Never);
}

#[test]
fn envelope_on_a_5xx_status_is_still_decoded() {
    let f = fail::<IgnoredAny>(
        StatusCode::INTERNAL_SERVER_ERROR,
        r#"{"code":1,"message":"内部错误","data":null,"x-traceID":"k"}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::Fatal);
    assert_eq!(f.error.code, Some(1));
}

#[test]
fn html_body_is_a_clear_transient_error() {
    let html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>";
    let f = fail::<IgnoredAny>(StatusCode::BAD_GATEWAY, html);
    assert_eq!(f.error.kind, ApiErrorKind::Transient);
    assert_eq!(f.retry, Retry::Safe);
    assert_eq!(f.error.code, None);
    let shown = f.error.to_string();
    assert!(shown.contains("HTTP 502 with a non-JSON body"), "{shown}");
    assert!(shown.contains("502 Bad Gateway"), "{shown}");
    assert!(!shown.contains('\n') && !shown.contains('\r'), "{shown}");

    let f = fail::<IgnoredAny>(OK, "<!DOCTYPE html><p>captive portal</p>");
    assert_eq!(f.error.kind, ApiErrorKind::Transient);
    assert_eq!(f.retry, Retry::IfIdempotent);
}

#[test]
fn empty_and_truncated_bodies() {
    let f = fail::<IgnoredAny>(OK, "");
    assert_eq!(f.error.kind, ApiErrorKind::Transient);
    assert!(
        f.error.message.contains("an empty body"),
        "{}",
        f.error.message
    );

    let f = fail::<IgnoredAny>(
        OK,
        r#"{"code":0,"message":"ok","data":{"lastFileId":-1,"fileLi"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::Transient);
    assert!(
        f.error.message.contains("truncated JSON"),
        "{}",
        f.error.message
    );
    assert_eq!(f.retry, Retry::IfIdempotent);
}

#[test]
fn json_without_code_is_not_an_envelope() {
    let f = fail::<IgnoredAny>(
        StatusCode::INTERNAL_SERVER_ERROR,
        r#"{"message":"An unexpected error occurred"}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::Transient);
    let f = fail::<IgnoredAny>(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests");
    assert_eq!(f.error.kind, ApiErrorKind::RateLimited);
    assert_eq!(f.retry, Retry::Safe);
}

#[test]
fn long_bodies_are_cut_in_messages() {
    let body = "x".repeat(5000);
    let f = fail::<IgnoredAny>(StatusCode::SERVICE_UNAVAILABLE, &body);
    assert!(f.error.message.len() < 200, "{}", f.error.message);
    assert!(f.error.message.ends_with("…\")"));
}

#[test]
fn data_of_the_wrong_shape_is_fatal() {
    let f = fail::<Vec<String>>(
        OK,
        r#"{"code":0,"message":"ok","data":{"a":1},"x-traceID":"z"}"#,
    );
    assert_eq!(f.error.kind, ApiErrorKind::Fatal);
    assert_eq!(f.error.trace_id.as_deref(), Some("z"));
    assert!(f.error.message.starts_with("unexpected response data"));
}

#[test]
fn string_code_and_missing_trace_are_tolerated() {
    let v: Vec<String> = decode(
        Endpoint::UploadDomain,
        OK,
        br#"{"code":"0","message":"ok","data":["https://openapi-upload.123pan.com"]}"#,
    )
    .unwrap();
    assert_eq!(v, vec!["https://openapi-upload.123pan.com".to_owned()]);
}
