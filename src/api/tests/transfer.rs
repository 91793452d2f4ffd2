//! Upload v2 calls and ranged downloads.

use bytes::Bytes;
use futures::StreamExt;
use pretty_assertions::assert_eq;
use serde_json::json;

use super::{bearer, count};
use crate::api::stub::{Reply, Stub};
use crate::api::{
    ApiErrorKind, ByteRange, CompleteOutcome, CreateOutcome, CreateRequest, Duplicate, md5_hex,
};

#[tokio::test]
async fn create_sends_the_documented_body_and_reads_the_servers() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(json!({
            "fileID": 0, "reuse": false, "preuploadID": "PRE",
            "sliceSize": 16777216, "servers": ["http://upload.example"]
        })),
    })
    .await;
    let c = stub.client();
    let plain = CreateRequest::new(0, "a.txt", "ABCDEF0123", 3);
    let outcome = c.create_file(&plain).await.unwrap();
    assert_eq!(
        outcome,
        CreateOutcome::Upload {
            preupload_id: "PRE".into(),
            slice_size: 16777216,
            servers: vec!["http://upload.example".into()]
        }
    );
    let mut replace = plain.clone();
    replace.duplicate = Duplicate::Overwrite;
    replace.contain_dir = true;
    c.create_file(&replace).await.unwrap();
    let calls = stub.calls("/upload/v2/file/create");
    assert_eq!(
        calls[0].json(),
        json!({"parentFileID": 0, "filename": "a.txt", "etag": "abcdef0123", "size": 3})
    );
    assert_eq!(calls[1].json()["duplicate"], 2);
    assert_eq!(calls[1].json()["containDir"], true);
}

#[tokio::test]
async fn slices_go_to_the_given_server_as_multipart_with_auth() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(serde_json::Value::Null),
    })
    .await;
    let data = Bytes::from_static(b"slice-bytes-\x00\x01");
    let c = stub.client();
    c.upload_slice(&stub.base_url, "PRE-ID", 2, data.clone())
        .await
        .unwrap();
    let r = &stub.calls("/upload/v2/file/slice")[0];
    assert_eq!(bearer(r), Some("Bearer T"));
    assert_eq!(r.header("platform"), Some("open_platform"));
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    let body = r.text();
    let field = |name: &str, value: &str| format!("name=\"{name}\"\r\n\r\n{value}\r\n");
    let order: Vec<usize> = [
        field("preuploadID", "PRE-ID"),
        field("sliceNo", "2"),
        field("sliceMD5", &md5_hex(&data)),
        "name=\"slice\"; filename=\"slice\"".to_owned(),
    ]
    .iter()
    .map(|needle| {
        body.find(needle.as_str())
            .unwrap_or_else(|| panic!("{needle} in {body}"))
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(body.contains("application/octet-stream"));
    assert!(r.body.windows(data.len()).any(|w| w == data.as_ref()));
}

#[tokio::test]
async fn complete_outcomes() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => match count(earlier, "/upload_complete") {
            0 => Reply::code(20103, "文件正在校验中,请间隔1秒后再试"),
            1 => Reply::ok(json!({"completed": false, "fileID": 0})),
            2 => Reply::ok(json!({"completed": true, "fileID": 11522654})),
            3 => Reply::code(1, "文件上传失败"),
            _ => Reply::code(1, "preuploadID不存在"),
        },
    })
    .await;
    let c = stub.client();
    assert_eq!(
        c.upload_complete("P").await.unwrap(),
        CompleteOutcome::Pending
    );
    assert_eq!(
        c.upload_complete("P").await.unwrap(),
        CompleteOutcome::Pending
    );
    assert_eq!(
        c.upload_complete("P").await.unwrap(),
        CompleteOutcome::Done(11522654)
    );
    assert_eq!(
        c.upload_complete("P").await.unwrap(),
        CompleteOutcome::Failed("文件上传失败".into())
    );
    assert_eq!(
        c.upload_complete("P").await.unwrap_err().kind,
        ApiErrorKind::Fatal
    );
    assert_eq!(stub.calls("/upload_complete").len(), 5, "one call per poll");
    assert_eq!(
        stub.calls("/upload_complete")[0].json(),
        json!({"preuploadID": "P"})
    );
}

#[tokio::test]
async fn single_step_upload_to_a_domain() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        "/upload/v2/file/domain" => Reply::ok(json!(["DOMAIN"])),
        _ => Reply::ok(json!({"fileID": 11522653, "completed": true})),
    })
    .await;
    let c = stub.client();
    assert_eq!(c.upload_domains().await.unwrap(), vec!["DOMAIN".to_owned()]);
    let mut req = CreateRequest::new(7, "dir/报告.txt", &md5_hex(b"hello"), 5);
    req.duplicate = Duplicate::KeepBoth;
    let id = c
        .upload_single(&stub.base_url, &req, Bytes::from_static(b"hello"))
        .await
        .unwrap();
    assert_eq!(id, Some(11522653));
    let r = &stub.calls("/single/create")[0];
    assert_eq!(bearer(r), Some("Bearer T"));
    let body = r.text();
    for (name, value) in [
        ("parentFileID", "7"),
        ("filename", "dir/报告.txt"),
        ("etag", "5d41402abc4b2a76b9719d911017c592"),
        ("size", "5"),
        ("duplicate", "1"),
    ] {
        let needle = format!("name=\"{name}\"\r\n\r\n{value}\r\n");
        assert!(body.contains(&needle), "{needle} missing in {body}");
    }
    assert!(!body.contains("containDir"));
    assert!(
        body.contains("name=\"file\"; filename=\"报告.txt\"")
            || body.contains("name=\"file\"; filename*="),
        "{body}"
    );
}

#[tokio::test]
async fn downloads_use_no_auth_follow_redirects_and_keep_the_range() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        "/api/v1/file/download_info" => Reply::ok(json!({"downloadUrl": "placeholder"})),
        "/dl/first" => {
            let mut reply = Reply::raw(302, "");
            reply.headers.push(("location", "/dl/second?t=1".into()));
            reply
        }
        "/dl/second" => {
            let mut reply = Reply::raw(206, "34567");
            reply.headers.push(("content-range", "bytes 3-7/10".into()));
            reply
        }
        _ => Reply::raw(
            403,
            r#"{"code":1010,"message":"forbidden realc:a arg_c:b"}"#,
        ),
    })
    .await;
    let c = stub.client();
    assert_eq!(c.download_url(42).await.unwrap(), "placeholder");
    assert_eq!(stub.calls("/download_info")[0].query, "fileId=42");

    let url = format!("{}/dl/first", stub.base_url);
    let range = ByteRange {
        start: 3,
        end: Some(7),
    };
    let d = c.download(&url, Some(range)).await.unwrap();
    assert!(d.partial);
    assert_eq!(d.total_size, Some(10));
    let body: Vec<u8> = d.into_stream().map(|c| c.unwrap().to_vec()).concat().await;
    assert_eq!(body, b"34567");
    for r in stub
        .calls("/dl/first")
        .iter()
        .chain(&stub.calls("/dl/second"))
    {
        assert_eq!(bearer(r), None);
        assert_eq!(r.header("platform"), None);
        assert_eq!(r.header("range"), Some("bytes=3-7"));
    }

    let err = c
        .download(&format!("{}/dl/gone", stub.base_url), None)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::LinkExpired);
    assert_eq!(err.code, Some(1010));
}

#[tokio::test]
async fn the_cdn_refusal_with_http_200_is_told_from_a_json_file() {
    let json_reply = |body: &str| {
        let mut reply = Reply::raw(200, body);
        reply
            .headers
            .push(("content-type", "application/json".into()));
        reply
    };
    let stub = Stub::start(move |r, _| match r.path.as_str() {
        "/dl/refused" => json_reply(r#"{"code":1010,"message":"forbidden realc:a arg_c:b"}"#),
        _ => json_reply(r#"{"code":0,"message":"a user's own JSON file"}"#),
    })
    .await;
    let c = stub.client();
    let err = c
        .download(&format!("{}/dl/refused", stub.base_url), None)
        .await
        .unwrap_err();
    assert_eq!(
        (err.kind, err.code),
        (ApiErrorKind::LinkExpired, Some(1010))
    );
    assert!(err.message.contains("forbidden realc"), "{err}");
    let d = c
        .download(&format!("{}/dl/file.json", stub.base_url), None)
        .await
        .unwrap();
    let body: Vec<u8> = d.into_stream().map(|c| c.unwrap().to_vec()).concat().await;
    assert_eq!(body, br#"{"code":0,"message":"a user's own JSON file"}"#);
}

#[tokio::test]
async fn a_precomputed_slice_md5_is_sent_as_given_in_lowercase() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(serde_json::Value::Null),
    })
    .await;
    let data = Bytes::from_static(b"abc");
    stub.client()
        .upload_slice_hashed(
            &stub.base_url,
            "PRE",
            1,
            data,
            "900150983CD24FB0D6963F7D28E17F72",
        )
        .await
        .unwrap();
    let body = stub.calls("/upload/v2/file/slice")[0].text();
    assert!(body.contains("name=\"sliceMD5\"\r\n\r\n900150983cd24fb0d6963f7d28e17f72\r\n"));
}
