//! Trash, recover (with abnormal ids), recover to a folder, permanent delete.

use serde_json::json;

use crate::common::{Env, err, ok};

#[tokio::test]
async fn trash_then_delete() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    let v = env
        .post("/api/v1/file/delete", json!({"fileIDs": [a]}))
        .await;
    let (code, message) = err(&v);
    assert_eq!(code, 1);
    assert!(message.contains("回收站"), "{message}");
    assert!(env.server.entry(a).is_some());
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [a]}))
        .await);
    assert!(env.server.entry(a).unwrap().trashed);
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [a]}))
        .await);
    ok(&env
        .post("/api/v1/file/delete", json!({"fileIDs": [a]}))
        .await);
    assert!(env.server.entry(a).is_none());
    assert!(env.list_all(0).await.is_empty());
    let v = env
        .post("/api/v1/file/trash", json!({"fileIDs": [a]}))
        .await;
    assert_eq!(err(&v).0, 5066);
}

#[tokio::test]
async fn recover_restores_and_reports_abnormal_items() {
    let env = Env::start().await;
    let d = env.mkdir(0, "d").await;
    let f = env.put_file(d, "f", b"f").await;
    let g = env.put_file(0, "g", b"g").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [f]}))
        .await);
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [d, g]}))
        .await);
    let v = env
        .post("/api/v1/file/recover", json!({"fileIDs": [f, g]}))
        .await;
    assert_eq!(
        ok(&v)["abnormalFileIDs"],
        json!([f]),
        "f's folder is in the trash"
    );
    assert!(!env.server.entry(g).unwrap().trashed);
    ok(&env
        .post("/api/v1/file/delete", json!({"fileIDs": [d]}))
        .await);
    let v = env
        .post("/api/v1/file/recover", json!({"fileIDs": [f]}))
        .await;
    assert_eq!(ok(&v)["abnormalFileIDs"], json!([f]), "f's folder is gone");
    let v = env
        .post(
            "/api/v1/file/recover/by_path",
            json!({"fileIDs": [f], "parentFileID": 0}),
        )
        .await;
    ok(&v);
    assert!(v["data"].is_null());
    assert_eq!(env.server.id_of("/f"), Some(f));
    let v = env
        .post("/api/v1/file/recover", json!({"fileIDs": [g]}))
        .await;
    assert_eq!(ok(&v)["abnormalFileIDs"], json!([]));
}

#[tokio::test]
async fn recover_by_path_needs_a_live_folder() {
    let env = Env::start().await;
    let f = env.put_file(0, "f", b"f").await;
    let gone = env.mkdir(0, "gone").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [f, gone]}))
        .await);
    err(&env
        .post(
            "/api/v1/file/recover/by_path",
            json!({"fileIDs": [f], "parentFileID": gone}),
        )
        .await);
    let dst = env.mkdir(0, "dst").await;
    ok(&env
        .post(
            "/api/v1/file/recover/by_path",
            json!({"fileIDs": [f], "parentFileID": dst}),
        )
        .await);
    assert_eq!(env.server.id_of("/dst/f"), Some(f));
}

#[tokio::test]
async fn batches_are_capped_at_100() {
    let env = Env::start().await;
    let dir = env.mkdir(0, "d").await;
    let mut ids = Vec::new();
    for i in 0..101 {
        ids.push(env.put_file(dir, &format!("{i}"), &[i as u8]).await);
    }
    for path in [
        "/api/v1/file/trash",
        "/api/v1/file/recover",
        "/api/v1/file/delete",
    ] {
        err(&env.post(path, json!({"fileIDs": ids})).await);
    }
    err(&env
        .post(
            "/api/v1/file/recover/by_path",
            json!({"fileIDs": ids, "parentFileID": 0}),
        )
        .await);
    assert!(env.list_all(dir).await.iter().all(|i| i["trashed"] == 0));
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": ids[..100]}))
        .await);
    ok(&env
        .post("/api/v1/file/delete", json!({"fileIDs": ids[..100]}))
        .await);
    assert_eq!(env.list_all(dir).await.len(), 1);
}

#[tokio::test]
async fn trashed_folder_hides_its_content_from_operations() {
    let env = Env::start().await;
    let d = env.mkdir(0, "d").await;
    let f = env.put_file(d, "f", b"f").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [d]}))
        .await);
    let v = env
        .put("/api/v1/file/name", json!({"fileId": f, "fileName": "g"}))
        .await;
    assert_eq!(err(&v).0, 5066);
    let v = env
        .get("/api/v1/file/download_info", &[("fileId", f.to_string())])
        .await;
    assert_eq!(err(&v).0, 5066);
    // Its children keep their own flag and are still listed under it.
    let items = env.list_all(d).await;
    assert_eq!(items[0]["trashed"], 0);
}
