//! Synchronous single copy and the async batch copy with its progress endpoint.

use serde_json::{Value, json};

use crate::common::{Env, err, ok};

#[tokio::test]
async fn copy_one_file_and_folder() {
    let env = Env::start().await;
    let f = env.put_file(0, "a.txt", b"hello").await;
    let dst = env.mkdir(0, "dst").await;
    let v = env
        .post(
            "/api/v1/file/copy",
            json!({"fileId": f, "targetDirId": dst}),
        )
        .await;
    let d = ok(&v);
    assert_eq!(d["sourceFileId"], f);
    let copy = d["targetFileId"].as_i64().unwrap();
    assert_ne!(copy, f);
    assert_eq!(env.server.file_bytes(copy).await.unwrap(), b"hello");
    // The official example's `targetDirID` casing works too (keys are case-insensitive).
    let v = env
        .post("/api/v1/file/copy", json!({"fileId": f, "targetDirID": 0}))
        .await;
    let again = ok(&v)["targetFileId"].as_i64().unwrap();
    assert_eq!(
        env.server.entry(again).unwrap().name,
        "a(1).txt",
        "name taken: keep both"
    );

    let tree = env.mkdir(0, "tree").await;
    let sub = env.mkdir(tree, "sub").await;
    env.put_file(sub, "deep.bin", &[1, 2, 3]).await;
    let v = env
        .post(
            "/api/v1/file/copy",
            json!({"fileId": tree, "targetDirId": dst}),
        )
        .await;
    ok(&v);
    let deep = env
        .server
        .id_of("/dst/tree/sub/deep.bin")
        .expect("copied recursively");
    assert_eq!(env.server.file_bytes(deep).await.unwrap(), [1, 2, 3]);
    let v = env
        .post(
            "/api/v1/file/copy",
            json!({"fileId": tree, "targetDirId": sub}),
        )
        .await;
    err(&v);
    let v = env
        .post(
            "/api/v1/file/copy",
            json!({"fileId": 999_999, "targetDirId": 0}),
        )
        .await;
    assert_eq!(err(&v).0, 5066);
}

async fn wait_for_task(env: &Env, task: i64) -> Value {
    // Each poll is a full HTTP round trip, during which the copy task runs.
    for _ in 0..200 {
        let v = env
            .get(
                "/api/v1/file/async/copy/process",
                &[("taskId", task.to_string())],
            )
            .await;
        let status = ok(&v)["status"].as_i64().unwrap();
        assert!((0..=3).contains(&status));
        if status >= 2 {
            return v;
        }
    }
    panic!("copy task {task} never finished");
}

#[tokio::test]
async fn async_copy_runs_as_a_task() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    let d = env.mkdir(0, "d").await;
    env.put_file(d, "inner", b"i").await;
    let dst = env.mkdir(0, "dst").await;
    let v = env
        .post(
            "/api/v1/file/async/copy",
            json!({"fileIDs": [a, d], "targetDirId": dst}),
        )
        .await;
    let task = ok(&v)["taskId"].as_i64().unwrap();
    let done = wait_for_task(&env, task).await;
    assert_eq!(ok(&done)["taskId"], task);
    assert_eq!(ok(&done)["status"], 2);
    assert_eq!(env.names(dst).await, ["a", "d"]);
    assert!(env.server.id_of("/dst/d/inner").is_some());
    // go-123pan's `fileIds` casing is accepted as well.
    let v = env
        .post(
            "/api/v1/file/async/copy",
            json!({"fileIds": [a], "targetDirId": dst}),
        )
        .await;
    ok(&v);
}

#[tokio::test]
async fn async_copy_refusals() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    err(&env
        .post(
            "/api/v1/file/async/copy",
            json!({"fileIDs": [a], "targetDirId": 777_777}),
        )
        .await);
    err(&env
        .post(
            "/api/v1/file/async/copy",
            json!({"fileIDs": [], "targetDirId": 0}),
        )
        .await);
    let too_many: Vec<i64> = vec![a; 3001];
    err(&env
        .post(
            "/api/v1/file/async/copy",
            json!({"fileIDs": too_many, "targetDirId": 0}),
        )
        .await);
    err(&env
        .get(
            "/api/v1/file/async/copy/process",
            &[("taskId", "31337".into())],
        )
        .await);
}
