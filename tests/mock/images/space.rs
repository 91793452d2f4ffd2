//! The image space as a whole: API headers, persistence across restarts, the demo seed.

use panfm::mock::MockServer;
use serde_json::json;

use super::support::{complete, create, list_all, png_bytes, put, upload_url};
use crate::common::{Env, err, ok, persistent};

#[tokio::test]
async fn image_endpoints_need_the_api_headers() {
    let env = Env::start().await;
    let body = json!({"limit": 10, "type": 1});
    let url = env.url("/api/v1/oss/file/list");
    let no_platform: serde_json::Value = env
        .json(env.http.post(&url).bearer_auth(&env.token).json(&body))
        .await;
    assert_eq!(err(&no_platform).0, 1);
    let no_token: serde_json::Value = env
        .json(
            env.http
                .post(&url)
                .header("Platform", "open_platform")
                .json(&body),
        )
        .await;
    assert_eq!(err(&no_token).0, 401);
    let calls = env.server.stats().calls_to("/api/v1/oss/file/list");
    assert_eq!(calls, 2);
}

#[tokio::test]
async fn the_image_space_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = || persistent(dir.path());
    let server = MockServer::start(cfg()).await.unwrap();
    let root = server.image_root_id();
    let folder = server.put_image_dir("", "keep").unwrap();
    let img = server
        .put_image(&folder, "k.webp", b"RIFF....WEBP")
        .await
        .unwrap();
    server.shutdown().await;
    let server = MockServer::start(cfg()).await.unwrap();
    assert_eq!(server.image_root_id(), root);
    assert_eq!(server.image_id_of("/keep/k.webp"), Some(img.clone()));
    assert_eq!(server.image_bytes(&img).await.unwrap(), b"RIFF....WEBP");
    server.shutdown().await;
}

#[tokio::test]
async fn the_demo_has_images_in_folders_and_on_the_drive() {
    let env = Env::demo().await;
    let logo = env.server.image_id_of("/blog/logo.svg").unwrap();
    assert!(
        env.server
            .image_bytes(&logo)
            .await
            .unwrap()
            .starts_with(b"<svg")
    );
    let gif = env.server.image_id_of("/blog/2024/spinner.gif").unwrap();
    assert!(
        env.server
            .image_bytes(&gif)
            .await
            .unwrap()
            .starts_with(b"GIF89a")
    );
    let png = env.server.image_id_of("/avatars/cat.png").unwrap();
    assert!(
        env.server
            .image_bytes(&png)
            .await
            .unwrap()
            .starts_with(b"\x89PNG")
    );
    let (root, _) = list_all(&env, "", 100).await;
    assert!(
        root.iter()
            .any(|i| i["filename"] == "banner.png" && i["type"] == 0)
    );
    let drive = env.server.id_of("/照片/表情包/微笑.png").unwrap();
    assert!(
        env.server
            .file_bytes(drive)
            .await
            .unwrap()
            .starts_with(b"\x89PNG")
    );
}

#[tokio::test]
async fn an_upload_session_survives_a_restart_but_its_urls_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = || persistent(dir.path());
    let content = png_bytes(2_000, 5);
    let env = Env::attach(MockServer::start(cfg()).await.unwrap()).await;
    let v = create(&env, "", "resumed.png", &content).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    let v = upload_url(&env, &pre, 1).await;
    let old_url = ok(&v)["presignedURL"].as_str().unwrap().to_owned();
    env.server.shutdown().await;

    let env = Env::attach(MockServer::start(cfg()).await.unwrap()).await;
    assert_eq!(env.server.open_image_uploads(), 1);
    let old = old_url.replace(
        old_url.split("/oss-put/").next().unwrap(),
        env.server.base_url(),
    );
    assert_eq!(put(&env, &old, &content).await.status(), 403);
    let v = upload_url(&env, &pre, 1).await;
    let url = ok(&v)["presignedURL"].as_str().unwrap().to_owned();
    assert_eq!(put(&env, &url, &content).await.status(), 200);
    let v = complete(&env, &pre).await;
    let id = ok(&v)["fileID"].as_str().unwrap().to_owned();
    assert_eq!(env.server.image_bytes(&id).await.unwrap(), content);
    env.server.shutdown().await;
}
