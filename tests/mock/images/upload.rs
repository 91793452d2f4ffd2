//! The image upload protocol: create (instant upload, same-content overwrite, rules), presigned
//! PUTs without API headers, list_upload_parts, complete and async-result polling.

use panfm::mock::MockConfig;
use serde_json::json;

use super::support::{async_result, complete, create, mkdir, png_bytes, put, upload, upload_url};
use crate::common::{Env, err, md5_hex, ok, quiet};

async fn env_with(slice: u64, pending: u32) -> Env {
    Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.image_slice_size = slice;
        k.complete_pending_polls = pending;
    })
    .await
}

#[tokio::test]
async fn one_slice_upload_with_a_headerless_put() {
    let env = Env::start().await;
    let dir = mkdir(&env, "", "测试图床目录").await;
    let content = png_bytes(30_000, 3);
    let v = create(&env, &dir, "测试图床.png", &content).await;
    let d = ok(&v);
    assert_eq!(d["reuse"], false);
    assert_eq!(d["fileID"], "");
    assert_eq!(d["sliceSize"], 104_857_600, "the document's example value");
    let pre = d["preuploadID"].as_str().unwrap().to_owned();
    let v = upload_url(&env, &pre, 1).await;
    let url = ok(&v)["presignedURL"].as_str().unwrap().to_owned();
    assert_eq!(v["data"]["isMultipart"], false);
    assert!(url.starts_with(&format!("{}/oss-put/", env.server.base_url())));
    let resp = put(&env, &url, &content).await;
    assert_eq!(resp.status(), 200);
    // Smaller than sliceSize: list_upload_parts "将会返回空值".
    let v = env
        .post(
            "/upload/v1/oss/file/list_upload_parts",
            json!({"preuploadID": pre}),
        )
        .await;
    assert_eq!(ok(&v)["parts"], json!([]));
    let etag = resp.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", md5_hex(&content)));
    assert!(resp.bytes().await.unwrap().is_empty(), "no response body");
    // No pending polls: complete may finish synchronously.
    let v = complete(&env, &pre).await;
    let d = ok(&v);
    assert_eq!(
        (d["async"].clone(), d["completed"].clone()),
        (json!(false), json!(true))
    );
    let id = d["fileID"].as_str().unwrap().to_owned();
    assert_eq!(
        env.server.image_id_of("/测试图床目录/测试图床.png"),
        Some(id.clone())
    );
    assert_eq!(env.server.image_bytes(&id).await.unwrap(), content);
    assert_eq!(env.server.open_image_uploads(), 0);
    assert_eq!(env.server.stats().calls_to("/oss-put"), 1);
}

#[tokio::test]
async fn the_presigned_put_refuses_api_headers() {
    let env = Env::start().await;
    let content = png_bytes(500, 1);
    let v = create(&env, "", "a.png", &content).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let v = upload_url(&env, &pre, 1).await;
    let url = ok(&v)["presignedURL"].as_str().unwrap().to_owned();
    let with_auth = env
        .http
        .put(&url)
        .bearer_auth(&env.token)
        .body(content.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(with_auth.status(), 400);
    let text = with_auth.text().await.unwrap();
    assert!(text.contains("<Code>InvalidArgument</Code>"), "{text}");
    let with_platform = env
        .http
        .put(&url)
        .header("Platform", "open_platform")
        .body(content.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(with_platform.status(), 403);
    assert!(with_platform.text().await.unwrap().contains("AccessDenied"));
    // Nothing was stored: completing now says the slice is still missing (the guide's
    // diagram: "completed = false → 需要再次上传的分片"), and the session stays open for it.
    let v = complete(&env, &pre).await;
    assert_eq!(
        ok(&v),
        &serde_json::json!({"async": false, "completed": false, "fileID": ""})
    );
    let v = upload_url(&env, &pre, 1).await;
    assert!(ok(&v)["presignedURL"].is_string());
}

#[tokio::test]
async fn put_checks_size_and_expiry() {
    let env = Env::start().await;
    let content = png_bytes(1_000, 2);
    let v = create(&env, "", "b.png", &content).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let url = |v: serde_json::Value| ok(&v)["presignedURL"].as_str().unwrap().to_owned();
    let first = url(upload_url(&env, &pre, 1).await);
    assert_eq!(put(&env, &first, &content[..999]).await.status(), 400);
    assert_eq!(put(&env, &first, &png_bytes(1_001, 2)).await.status(), 400);
    env.server.expire_upload_urls();
    let expired = put(&env, &first, &content).await;
    assert_eq!(expired.status(), 403);
    assert!(
        expired
            .text()
            .await
            .unwrap()
            .contains("Request has expired")
    );
    env.server.stale_upload_urls(1);
    let stale = url(upload_url(&env, &pre, 1).await);
    assert_eq!(put(&env, &stale, &content).await.status(), 403);
    let fresh = url(upload_url(&env, &pre, 1).await);
    assert_eq!(put(&env, &fresh, &content).await.status(), 200);
    err(&upload_url(&env, &pre, 2).await);
    err(&upload_url(&env, &pre, 0).await);
    err(&upload_url(&env, "no-such-upload", 1).await);
}

#[tokio::test]
async fn multi_slice_upload_completes_through_async_polling() {
    let env = env_with(1_000, 2).await;
    let content = png_bytes(2_500, 9);
    let v = create(&env, "", "big.png", &content).await;
    let d = ok(&v);
    assert_eq!(d["sliceSize"], 1_000);
    let pre = d["preuploadID"].as_str().unwrap().to_owned();
    for no in [3usize, 1, 2] {
        let v = upload_url(&env, &pre, no).await;
        assert_eq!(ok(&v)["isMultipart"], true);
        let url = v["data"]["presignedURL"].as_str().unwrap().to_owned();
        let slice = &content[(no - 1) * 1_000..(no * 1_000).min(content.len())];
        assert_eq!(put(&env, &url, slice).await.status(), 200);
    }
    let v = env
        .post(
            "/upload/v1/oss/file/list_upload_parts",
            json!({"preuploadID": pre}),
        )
        .await;
    let parts = ok(&v)["parts"].as_array().unwrap().clone();
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0]["partNumber"], "1");
    assert_eq!(parts[2]["size"], 500);
    assert_eq!(parts[1]["etag"], md5_hex(&content[1_000..2_000]).as_str());
    err(&async_result(&env, &pre).await);
    let v = complete(&env, &pre).await;
    assert_eq!(
        ok(&v),
        &json!({"async": true, "completed": false, "fileID": ""})
    );
    let mut pending = 0;
    let id = loop {
        let v = async_result(&env, &pre).await;
        let d = ok(&v);
        if d["completed"] == true {
            break d["fileID"].as_str().unwrap().to_owned();
        }
        assert_eq!(d["fileID"], "");
        pending += 1;
        assert!(pending < 20);
    };
    assert_eq!(pending, 2, "the configured number of not-yet answers");
    assert_eq!(env.server.image_bytes(&id).await.unwrap(), content);
    err(&upload_url(&env, &pre, 1).await);
}

#[tokio::test]
async fn content_that_does_not_match_the_etag_fails() {
    let env = env_with(100 << 20, 1).await;
    let promised = png_bytes(700, 1);
    let sent = png_bytes(700, 2);
    let v = create(&env, "", "c.png", &promised).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let v = upload_url(&env, &pre, 1).await;
    let url = ok(&v)["presignedURL"].as_str().unwrap().to_owned();
    assert_eq!(put(&env, &url, &sent).await.status(), 200);
    assert_eq!(ok(&complete(&env, &pre).await)["async"], true);
    let mut last = async_result(&env, &pre).await;
    for _ in 0..10 {
        if last["code"] != 0 {
            break;
        }
        last = async_result(&env, &pre).await;
    }
    assert_eq!(err(&last), (1, "文件上传失败".to_owned()));
    assert!(env.server.image_id_of("/c.png").is_none());
}

#[tokio::test]
async fn create_refuses_other_formats_oversize_and_bad_etags() {
    let env = Env::start().await;
    let (_, message) = err(&create(&env, "", "notes.txt", b"hello").await);
    assert!(message.contains("png"), "{message}");
    let huge = json!({
        "parentFileID": "", "filename": "huge.png", "etag": md5_hex(b"x"),
        "size": (100u64 << 20) + 1, "type": 1,
    });
    let (_, message) = err(&env.post("/upload/v1/oss/file/create", huge).await);
    assert!(message.contains("100M"), "{message}");
    let just_fits = json!({
        "parentFileID": "", "filename": "max.png", "etag": md5_hex(b"y"),
        "size": 100u64 << 20, "type": 1,
    });
    ok(&env.post("/upload/v1/oss/file/create", just_fits).await);
    for bad in [
        json!({"parentFileID": "", "filename": "a.png", "etag": "XYZ", "size": 1, "type": 1}),
        json!({"parentFileID": "nope", "filename": "a.png", "etag": md5_hex(b"a"), "size": 1, "type": 1}),
        json!({"parentFileID": "", "filename": "a?.png", "etag": md5_hex(b"a"), "size": 1, "type": 1}),
        json!({"parentFileID": "", "filename": "a.png", "etag": md5_hex(b"a"), "size": 1}),
    ] {
        err(&env.post("/upload/v1/oss/file/create", bad).await);
    }
}

#[tokio::test]
async fn known_content_is_instant_and_same_content_overwrites_in_a_folder() {
    let env = Env::start().await;
    let content = png_bytes(4_000, 4);
    let first = upload(&env, "", "one.png", &content).await;
    // Same folder, same etag and size: the same image, renamed; no preuploadID.
    let v = create(&env, "", "renamed.png", &content).await;
    let d = ok(&v);
    assert_eq!(d["reuse"], true);
    assert_eq!(d["fileID"], first.as_str());
    assert!(d.get("preuploadID").is_none());
    assert_eq!(env.server.image(&first).unwrap().name, "renamed.png");
    assert_eq!(env.server.image_children("").len(), 1);
    // Another folder: an instant upload makes a new image.
    let dir = mkdir(&env, "", "d").await;
    let v = create(&env, &dir, "two.png", &content).await;
    let second = ok(&v)["fileID"].as_str().unwrap().to_owned();
    assert_ne!(second, first);
    assert_eq!(env.server.image_bytes(&second).await.unwrap(), content);
    // Content the drive already has is instant too.
    let drive_bytes = png_bytes(3_333, 5);
    env.put_file(0, "on-drive.png", &drive_bytes).await;
    let v = create(&env, &dir, "from-drive.png", &drive_bytes).await;
    assert_eq!(ok(&v)["reuse"], true);
}

#[tokio::test]
async fn a_taken_name_with_other_content_follows_duplicate() {
    let env = Env::start().await;
    upload(&env, "", "x.png", &png_bytes(100, 1)).await;
    let other = png_bytes(100, 2);
    let (_, message) = err(&create(&env, "", "x.png", &other).await);
    assert!(message.contains("重名"), "{message}");
    let v = env
        .post(
            "/upload/v1/oss/file/create",
            json!({
                "parentFileID": "", "filename": "x.png", "etag": md5_hex(&other),
                "size": other.len(), "type": 1, "duplicate": 1,
            }),
        )
        .await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let url = upload_url(&env, &pre, 1).await["data"]["presignedURL"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(put(&env, &url, &other).await.status(), 200);
    let id = ok(&complete(&env, &pre).await)["fileID"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(env.server.image(&id).unwrap().name, "x(1).png");
}
