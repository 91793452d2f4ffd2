//! Raw-HTTP helpers for the image-space endpoints (documented field names, `serde_json::Value`).

use serde_json::{Value, json};

use crate::common::{Env, md5_hex, ok};

/// Bytes that start like a PNG; the mock judges images by name, not content.
pub fn png_bytes(len: usize, seed: u8) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(crate::common::bytes(len.saturating_sub(8), seed));
    out.truncate(len);
    out
}

pub async fn mkdir(env: &Env, parent: &str, name: &str) -> String {
    let v = env
        .post(
            "/upload/v1/oss/file/mkdir",
            json!({"name": name, "parentID": parent, "type": 1}),
        )
        .await;
    ok(&v)["list"][0]["dirID"]
        .as_str()
        .expect("dirID")
        .to_owned()
}

pub async fn list(env: &Env, body: Value) -> Value {
    env.post("/api/v1/oss/file/list", body).await
}

/// Every item of an image folder, following the string `lastFileId` to `"-1"`; also returns
/// the number of pages.
pub async fn list_all(env: &Env, parent: &str, limit: u32) -> (Vec<Value>, usize) {
    let (mut items, mut pages) = (Vec::new(), 0);
    let mut last: Option<String> = None;
    loop {
        let mut body = json!({"parentFileId": parent, "limit": limit, "type": 1});
        if let Some(last) = &last {
            body["lastFileId"] = json!(last);
        }
        let v = list(env, body).await;
        let data = ok(&v);
        pages += 1;
        items.extend(
            data["fileList"]
                .as_array()
                .expect("fileList")
                .iter()
                .cloned(),
        );
        let next = data["lastFileId"].as_str().expect("lastFileId is a string");
        if next == "-1" {
            return (items, pages);
        }
        assert!(pages < 1000, "paging does not end");
        last = Some(next.to_owned());
    }
}

pub async fn create(env: &Env, parent: &str, name: &str, content: &[u8]) -> Value {
    env.post(
        "/upload/v1/oss/file/create",
        json!({
            "parentFileID": parent, "filename": name, "etag": md5_hex(content),
            "size": content.len(), "type": 1,
        }),
    )
    .await
}

pub async fn upload_url(env: &Env, pre: &str, no: usize) -> Value {
    env.post(
        "/upload/v1/oss/file/get_upload_url",
        json!({"preuploadID": pre, "sliceNo": no}),
    )
    .await
}

/// PUTs to a presigned URL as the documents say: no `Authorization`, no `Platform`.
pub async fn put(env: &Env, url: &str, data: &[u8]) -> reqwest::Response {
    env.http
        .put(url)
        .header("Content-Type", "application/octet-stream")
        .body(data.to_vec())
        .send()
        .await
        .expect("PUT")
}

pub async fn complete(env: &Env, pre: &str) -> Value {
    env.post(
        "/upload/v1/oss/file/upload_complete",
        json!({"preuploadID": pre}),
    )
    .await
}

pub async fn async_result(env: &Env, pre: &str) -> Value {
    env.post(
        "/upload/v1/oss/file/upload_async_result",
        json!({"preuploadID": pre}),
    )
    .await
}

/// The whole protocol for a one-slice image; returns its id.
pub async fn upload(env: &Env, parent: &str, name: &str, content: &[u8]) -> String {
    let v = create(env, parent, name, content).await;
    let pre = ok(&v)["preuploadID"]
        .as_str()
        .expect("preuploadID")
        .to_owned();
    let v = upload_url(env, &pre, 1).await;
    let url = ok(&v)["presignedURL"].as_str().expect("url").to_owned();
    assert_eq!(put(env, &url, content).await.status(), 200);
    let v = complete(env, &pre).await;
    if ok(&v)["completed"] == true {
        return v["data"]["fileID"].as_str().expect("fileID").to_owned();
    }
    for _ in 0..50 {
        let v = async_result(env, &pre).await;
        if ok(&v)["completed"] == true {
            return v["data"]["fileID"].as_str().expect("fileID").to_owned();
        }
    }
    panic!("upload never completed");
}

pub async fn detail(env: &Env, id: &str) -> Value {
    env.get("/api/v1/oss/file/detail", &[("fileID", id.to_owned())])
        .await
}
