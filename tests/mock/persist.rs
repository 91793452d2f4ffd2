//! A server with a state directory keeps its drive, content and tokens across restarts.

use panfm::mock::MockServer;

use crate::common::{Env, bytes, ok, persistent};

#[tokio::test]
async fn state_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = || persistent(dir.path());
    let content = bytes(70_000, 4);
    let env = Env::attach(MockServer::start(cfg()).await.unwrap()).await;
    let d = env.mkdir(0, "保存").await;
    let f = env.put_file(d, "f.bin", &content).await;
    let trashed = env.put_file(0, "t", b"t").await;
    ok(&env
        .post(
            "/api/v1/file/trash",
            serde_json::json!({"fileIDs": [trashed]}),
        )
        .await);
    let token = env.token.clone();
    env.server.shutdown().await;

    let server = MockServer::start(cfg()).await.unwrap();
    assert_eq!(server.id_of("/保存/f.bin"), Some(f));
    assert_eq!(server.file_bytes(f).await.unwrap(), content);
    assert!(server.entry(trashed).unwrap().trashed);
    let mut env = Env::attach(server).await;
    let minted = env.token.clone();
    env.token = token;
    ok(&env.get("/api/v1/user/info", &[]).await);
    assert_eq!(
        env.server.live_tokens(),
        2,
        "old token reloaded plus the new one"
    );
    // New ids continue after the old ones.
    let e = env.mkdir(0, "next").await;
    assert!(e > f);
    env.token = minted;
    env.server.shutdown().await;
}

#[tokio::test]
async fn temp_state_is_removed_on_drop() {
    let env = Env::start().await;
    env.put_file(0, "f", &bytes(10, 1)).await;
    let root = env.server.state_path().to_owned();
    assert!(root.join("blobs").is_dir());
    drop(env);
    assert!(!root.exists());
}
