//! Field names: the real server matches names case-insensitively in JSON bodies, query strings
//! and multipart forms (p123client lower-cases them all), so by default the mock does too; with
//! `strict_names` (used by panfm's own client tests) only the documented spelling is taken and
//! another casing is refused with a message naming both. Numbers sent as strings are accepted
//! in both modes.

use reqwest::Method;
use reqwest::multipart::{Form, Part};
use serde_json::json;

use crate::common::{Env, bytes, err, md5_hex, ok};

#[tokio::test]
async fn other_casings_pass_by_default_and_fail_under_strict_names() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    let b = env.put_file(0, "b", b"b").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"FileIds": [a]}))
        .await);
    assert!(env.server.entry(a).unwrap().trashed);

    env.server.set_knobs(|k| k.strict_names = true);
    let v = env
        .post("/api/v1/file/trash", json!({"FileIds": [b]}))
        .await;
    let (code, message) = err(&v);
    assert_eq!(code, 1);
    assert!(
        message.contains("FileIds") && message.contains("fileIDs"),
        "{message}"
    );
    assert!(!env.server.entry(b).unwrap().trashed, "nothing happened");
    let v = env
        .post("/upload/v1/file/mkdir", json!({"name": "d", "parentId": 0}))
        .await;
    assert!(err(&v).1.contains("parentID"), "{v}");
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [b]}))
        .await);
    assert!(env.server.entry(b).unwrap().trashed);
}

/// A single-step upload of `content` as `name` into the root with p123client's lower-cased
/// part names, the file part named `file_part`.
async fn single_lower_cased(
    env: &Env,
    name: &str,
    content: &[u8],
    file_part: &'static str,
) -> serde_json::Value {
    let form = Form::new()
        .text("parentfileid", "0")
        .text("filename", name.to_owned())
        .text("etag", md5_hex(content))
        .text("size", content.len().to_string())
        .text("containdir", "False")
        .text("duplicate", "1")
        .part(
            file_part,
            Part::bytes(content.to_vec()).file_name(name.to_owned()),
        );
    let rb = env
        .req(Method::POST, "/upload/v2/file/single/create")
        .multipart(form);
    env.json(rb).await
}

#[tokio::test]
async fn lower_cased_multipart_fields_pass_by_default_and_fail_under_strict_names() {
    let env = Env::start().await;
    let v = single_lower_cased(&env, "p123.txt", b"from p123client", "FILE").await;
    let id = ok(&v)["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(id).await.unwrap(), b"from p123client");

    // A slice with lower-cased part names, after a create with lower-cased JSON keys.
    let content = bytes(1000, 3);
    let v = env
        .post(
            "/upload/v2/file/create",
            json!({"parentfileid": 0, "filename": "sliced.bin", "etag": md5_hex(&content),
                   "size": content.len()}),
        )
        .await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let form = Form::new()
        .text("preuploadid", pre.clone())
        .text("sliceno", "1")
        .text("slicemd5", md5_hex(&content))
        .part(
            "Slice",
            Part::bytes(content.clone()).file_name("sliced.bin"),
        );
    ok(&env
        .json(
            env.req(Method::POST, "/upload/v2/file/slice")
                .multipart(form),
        )
        .await);

    env.server.set_knobs(|k| k.strict_names = true);
    let v = single_lower_cased(&env, "strict.txt", b"x", "FILE").await;
    assert!(err(&v).1.contains("FILE"), "{v}");
    let v = single_lower_cased(&env, "strict.txt", b"x", "file").await;
    let (code, message) = err(&v);
    assert_eq!(code, 1);
    assert!(
        message.contains("parentfileid") && message.contains("parentFileID"),
        "{message}"
    );
    assert!(env.server.id_of("/strict.txt").is_none(), "nothing stored");
}

#[tokio::test]
async fn lower_cased_query_parameters_pass_by_default_and_fail_under_strict_names() {
    let env = Env::start().await;
    let f = env.put_file(0, "a.txt", b"a").await;
    let lower = [("parentfileid", "0".to_owned()), ("LIMIT", "10".to_owned())];
    let v = env.get("/api/v2/file/list", &lower).await;
    assert_eq!(ok(&v)["fileList"][0]["fileId"], f);
    let v = env
        .get("/api/v1/file/detail", &[("fileid", f.to_string())])
        .await;
    assert_eq!(ok(&v)["filename"], "a.txt");
    let v = env
        .get("/api/v1/file/download_info", &[("FILEID", f.to_string())])
        .await;
    assert!(ok(&v)["downloadUrl"].is_string(), "{v}");

    env.server.set_knobs(|k| k.strict_names = true);
    let v = env.get("/api/v2/file/list", &lower).await;
    let (code, message) = err(&v);
    assert_eq!(code, 1);
    assert!(message.contains("parentfileid"), "{message}");
    let v = env
        .get("/api/v1/file/detail", &[("fileId", f.to_string())])
        .await;
    assert!(err(&v).1.contains("fileID"), "{v}");
    let exact = [("parentFileId", "0".to_owned()), ("limit", "10".to_owned())];
    ok(&env.get("/api/v2/file/list", &exact).await);
}

#[tokio::test]
async fn numbers_sent_as_strings_pass_in_both_modes() {
    for strict in [false, true] {
        let env = Env::start().await;
        env.server.set_knobs(|k| k.strict_names = strict);
        let v = env
            .post(
                "/upload/v1/file/mkdir",
                json!({"name": "d", "parentID": "0"}),
            )
            .await;
        let d = ok(&v)["dirID"].as_i64().unwrap();
        let v = env
            .post(
                "/upload/v2/file/create",
                json!({"parentFileID": d.to_string(), "filename": "f", "etag": md5_hex(b"f"),
                       "size": "1", "duplicate": "1"}),
            )
            .await;
        assert!(ok(&v)["preuploadID"].is_string(), "{v}");
        let f = env.put_file(d, "g", b"g").await;
        ok(&env
            .post("/api/v1/file/trash", json!({"fileIDs": [f.to_string()]}))
            .await);
        assert!(env.server.entry(f).unwrap().trashed, "strict: {strict}");
        ok(&env
            .post("/api/v1/file/recover", json!({"fileIDs": [f.to_string()]}))
            .await);
        let q = [("parentFileId", d.to_string()), ("limit", "100".to_owned())];
        let listed = env.get("/api/v2/file/list", &q).await;
        assert_eq!(ok(&listed)["fileList"][0]["fileId"], f);
    }
}
