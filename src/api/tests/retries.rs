//! Which failures are retried, how often, and for which endpoints.

use super::count;
use crate::api::ApiErrorKind;
use crate::api::stub::{Reply, Stub};

fn list_ok() -> Reply {
    Reply::ok(serde_json::json!({"lastFileId": -1, "fileList": []}))
}

const HTML_502: &str = "<html><head><title>502 Bad Gateway</title></head></html>";

#[tokio::test]
async fn rate_limited_calls_back_off_and_succeed() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ if count(earlier, "/file/list") < 2 => Reply::code(429, "请求太频繁"),
        _ => list_ok(),
    })
    .await;
    stub.client().list_page(0, None).await.unwrap();
    assert_eq!(stub.calls("/file/list").len(), 3);
}

#[tokio::test]
async fn rate_limiting_gives_up_after_six_attempts() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::code(429, "请求太频繁"),
    })
    .await;
    let err = stub.client().mkdir(0, "d").await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::RateLimited);
    // 429 means "not processed": safe to repeat even for mkdir.
    assert_eq!(stub.calls("/file/mkdir").len(), 6);
}

#[tokio::test]
async fn transient_failures_are_retried_for_reads() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ if count(earlier, "/file/list") < 2 => Reply::raw(500, "Internal Server Error"),
        _ => list_ok(),
    })
    .await;
    stub.client().list_page(0, None).await.unwrap();
    assert_eq!(stub.calls("/file/list").len(), 3);
}

#[tokio::test]
async fn transient_retries_are_bounded() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::raw(200, "<!DOCTYPE html><p>maintenance</p>"),
    })
    .await;
    let err = stub.client().detail(5).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert!(err.to_string().contains("non-JSON body"), "{err}");
    assert_eq!(stub.calls("/file/detail").len(), 4);
}

#[tokio::test]
async fn ambiguous_failures_are_not_repeated_for_mkdir() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::raw(500, ""),
    })
    .await;
    let err = stub.client().mkdir(0, "new").await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert_eq!(stub.calls("/file/mkdir").len(), 1);
}

#[tokio::test]
async fn gateway_errors_are_repeated_even_for_mkdir() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ if count(earlier, "/file/mkdir") == 0 => Reply::raw(502, HTML_502),
        _ => Reply::ok(serde_json::json!({"dirID": 42})),
    })
    .await;
    assert_eq!(stub.client().mkdir(0, "new").await.unwrap(), 42);
    assert_eq!(stub.calls("/file/mkdir").len(), 2);
}

#[tokio::test]
async fn business_errors_are_not_retried() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        "/upload/v1/file/mkdir" => Reply::code(1, "该目录下已经有同名文件夹,无法进行创建"),
        _ => Reply::code(5066, "文件不存在"),
    })
    .await;
    let client = stub.client();
    assert_eq!(
        client.mkdir(0, "x").await.unwrap_err().kind,
        ApiErrorKind::Conflict
    );
    assert_eq!(
        client.detail(1).await.unwrap_err().kind,
        ApiErrorKind::NotFound
    );
    assert_eq!(stub.calls("/file/mkdir").len(), 1);
    assert_eq!(stub.calls("/file/detail").len(), 1);
}

#[tokio::test]
async fn refused_connections_are_transient() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let mut cfg = crate::api::ClientConfig::new(crate::api::Auth::AccessToken("T".into()));
    cfg.base_url = base_url;
    cfg.retry = crate::api::stub::fast_retries();
    let err = crate::api::Client::new(cfg)
        .unwrap()
        .list_page(0, None)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert!(err.message.starts_with("could not connect"), "{err}");
}
