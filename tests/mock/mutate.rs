//! mkdir, name rules, rename (single and batch), move.

use serde_json::{Value, json};

use crate::common::{Env, err, ok};

const RULE: &str = "文件名要小于256个字符且不能包含以下任何字符";

async fn mkdir_raw(env: &Env, parent: i64, name: &str) -> Value {
    env.post(
        "/upload/v1/file/mkdir",
        json!({"name": name, "parentID": parent}),
    )
    .await
}

#[tokio::test]
async fn mkdir_creates_and_refuses_duplicates() {
    let env = Env::start().await;
    let id = env.mkdir(0, "文档").await;
    assert_eq!(env.server.id_of("/文档"), Some(id));
    let v = mkdir_raw(&env, 0, "文档").await;
    assert_eq!(
        err(&v),
        (1, "该目录下已经有同名文件夹,无法进行创建".to_owned())
    );
    // Case-sensitive names: a different case is a different name.
    env.mkdir(0, "Docs").await;
    env.mkdir(0, "docs").await;
    let v = mkdir_raw(&env, 987_654, "x").await;
    err(&v);
    // A trashed folder does not block the name.
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [id]}))
        .await);
    env.mkdir(0, "文档").await;
}

#[tokio::test]
async fn names_follow_the_documented_rules() {
    let env = Env::start().await;
    for bad in [
        "a\"b", "a\\b", "a/b", "a:b", "a*b", "a?b", "a|b", "a>b", "a<b", "", "   ",
    ] {
        let (code, message) = err(&mkdir_raw(&env, 0, bad).await);
        assert_eq!(code, 1, "{bad:?}");
        assert!(message.contains(RULE), "{bad:?}: {message}");
    }
    let long = "名".repeat(256);
    assert!(err(&mkdir_raw(&env, 0, &long).await).1.contains(RULE));
    env.mkdir(0, &"名".repeat(255)).await;
    env.mkdir(0, " spaced name ").await;
    env.mkdir(0, "🎵 emoji").await;
}

#[tokio::test]
async fn rename_one() {
    let env = Env::start().await;
    let a = env.put_file(0, "a.txt", b"a").await;
    env.put_file(0, "b.txt", b"b").await;
    ok(&env
        .put(
            "/api/v1/file/name",
            json!({"fileId": a, "fileName": "新名字.txt"}),
        )
        .await);
    assert_eq!(env.server.entry(a).unwrap().name, "新名字.txt");
    let v = env
        .put(
            "/api/v1/file/name",
            json!({"fileId": a, "fileName": "b.txt"}),
        )
        .await;
    assert_eq!(err(&v), (1, "当前目录有重名文件".to_owned()));
    let v = env
        .put("/api/v1/file/name", json!({"fileId": a, "fileName": "x:y"}))
        .await;
    assert!(err(&v).1.contains(RULE));
    let v = env
        .put(
            "/api/v1/file/name",
            json!({"fileId": 55_555, "fileName": "z"}),
        )
        .await;
    assert_eq!(err(&v).0, 5066);
    // Renaming to the same name is a no-op success; case-only renames are allowed.
    ok(&env
        .put(
            "/api/v1/file/name",
            json!({"fileId": a, "fileName": "新名字.txt"}),
        )
        .await);
    ok(&env
        .put(
            "/api/v1/file/name",
            json!({"fileId": a, "fileName": "B.TXT"}),
        )
        .await);
}

#[tokio::test]
async fn rename_batch_reports_each_item() {
    let env = Env::start().await;
    let a = env.put_file(0, "a", b"a").await;
    let b = env.put_file(0, "b", b"b").await;
    env.put_file(0, "taken", b"c").await;
    let list = [format!("{a}|a2"), format!("{b}|taken"), "oops".to_owned()];
    let v = env
        .post("/api/v1/file/rename", json!({"renameList": list}))
        .await;
    let d = ok(&v);
    let success = d["successList"].as_array().unwrap();
    assert_eq!(success.len(), 1);
    assert_eq!(success[0]["fileID"], a);
    assert!(success[0]["updateAt"].is_string());
    let failed = d["failList"].as_array().unwrap();
    assert_eq!(failed.len(), 2);
    assert_eq!(failed[0]["fileID"], b);
    assert_eq!(failed[0]["message"], "当前目录有重名文件");
    assert_eq!(env.names(0).await, ["a2", "b", "taken"]);
}

#[tokio::test]
async fn rename_batch_allows_30_and_refuses_31() {
    let env = Env::start().await;
    let dir = env.mkdir(0, "d").await;
    let mut ids = Vec::new();
    for i in 0..31 {
        ids.push(env.put_file(dir, &format!("f{i}"), &[i as u8]).await);
    }
    let list: Vec<String> = ids.iter().map(|id| format!("{id}|renamed-{id}")).collect();
    let v = env
        .post("/api/v1/file/rename", json!({"renameList": list}))
        .await;
    err(&v);
    assert!(
        env.names(dir).await.iter().all(|n| n.starts_with('f')),
        "nothing renamed"
    );
    let v = env
        .post("/api/v1/file/rename", json!({"renameList": list[..30]}))
        .await;
    assert_eq!(ok(&v)["successList"].as_array().unwrap().len(), 30);
}

#[tokio::test]
async fn move_relocates_items() {
    let env = Env::start().await;
    let dst = env.mkdir(0, "dst").await;
    let a = env.put_file(0, "a", b"a").await;
    let d = env.mkdir(0, "d").await;
    let v = env
        .post(
            "/api/v1/file/move",
            json!({"fileIDs": [a, d], "toParentFileID": dst}),
        )
        .await;
    ok(&v);
    assert!(v["data"].is_null());
    assert_eq!(env.names(dst).await, ["a", "d"]);
    assert_eq!(env.names(0).await, ["dst"]);
}

#[tokio::test]
async fn move_refusals() {
    let env = Env::start().await;
    let a = env.mkdir(0, "a").await;
    let b = env.mkdir(a, "b").await;
    let f = env.put_file(0, "f", b"1").await;
    env.put_file(b, "f", b"2").await;
    let mv = |ids: Vec<i64>, to: i64| {
        env.post(
            "/api/v1/file/move",
            json!({"fileIDs": ids, "toParentFileID": to}),
        )
    };
    assert!(err(&mv(vec![a], a).await).1.contains("自身"), "into itself");
    assert!(
        err(&mv(vec![a], b).await).1.contains("自身"),
        "into a descendant"
    );
    assert_eq!(err(&mv(vec![f], 0).await).1, "文件已在当前文件夹");
    assert_eq!(err(&mv(vec![f], b).await).1, "当前目录有重名文件");
    err(&mv(vec![f, 123_456], a).await);
    assert_eq!(
        env.server.entry(f).unwrap().parent,
        0,
        "refused batches change nothing"
    );
    err(&mv(vec![f], 424_242).await);
    let many: Vec<i64> = (0..101).collect();
    err(&mv(many, a).await);
}

#[tokio::test]
async fn move_accepts_100() {
    let env = Env::start().await;
    let src = env.mkdir(0, "src").await;
    let dst = env.mkdir(0, "dst").await;
    let mut ids = Vec::new();
    for i in 0..100 {
        ids.push(env.put_file(src, &format!("{i}"), &[i as u8]).await);
    }
    ok(&env
        .post(
            "/api/v1/file/move",
            json!({"fileIDs": ids, "toParentFileID": dst}),
        )
        .await);
    assert_eq!(env.list_all(dst).await.len(), 100);
}
