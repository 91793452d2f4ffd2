//! The demo seed: shape, names, sizes, trash, review status, content matching its etag.

use std::time::Instant;

use panfm::mock::{MockConfig, MockServer, Seed};

use crate::common::{Env, md5_hex, ok};

#[tokio::test]
async fn demo_starts_quickly() {
    let started = Instant::now();
    let server = MockServer::start(MockConfig {
        seed: Seed::Demo,
        ..MockConfig::default()
    })
    .await
    .unwrap();
    let took = started.elapsed();
    eprintln!("demo seed start: {took:?}");
    // Generous for unoptimised test builds; release builds start in a fraction of this.
    assert!(took.as_secs_f64() < 3.0, "{took:?}");
    assert!(server.id_of("/照片/2024 春节").is_some());
}

#[tokio::test]
async fn demo_has_a_folder_of_exactly_5000_files() {
    let env = Env::demo().await;
    let dir = env.server.id_of("/数据集/传感器日志 5000").unwrap();
    let items = env.list_all(dir).await;
    assert_eq!(items.len(), 5000);
    assert!(items.iter().all(|i| i["type"] == 0 && i["trashed"] == 0));
    assert_eq!(items[0]["filename"], "sensor-00001.csv");
}

#[tokio::test]
async fn demo_shape() {
    let env = Env::demo().await;
    let root = env.list_all(0).await;
    let trashed: Vec<_> = root.iter().filter(|i| i["trashed"] == 1).collect();
    assert!(trashed.iter().any(|i| i["type"] == 0), "a trashed file");
    assert!(trashed.iter().any(|i| i["type"] == 1), "a trashed folder");
    for path in [
        "/照片/2024 春节/IMG_0001.png",
        "/照片/2023 旅行 🌴/三亚/第一天/海边 🌊/日落.heic",
        "/音乐 🎵/周杰伦 - 晴天.flac",
        "/文档/学习笔记/归档/2019/旧笔记.txt",
        "/项目/panfm/src/mock/handlers/upload.rs",
        "/空文件夹",
    ] {
        assert!(env.server.id_of(path).is_some(), "{path}");
    }
    let iso = env
        .server
        .id_of("/软件/ubuntu-24.04-desktop-amd64.iso")
        .unwrap();
    let entry = env.server.entry(iso).unwrap();
    assert!(entry.size > 250_000_000);
    let rejected = env.server.id_of("/视频/待审核/被驳回的视频.mp4").unwrap();
    assert!(env.server.entry(rejected).unwrap().status > 100);
    let v = env.get("/api/v1/user/info", &[]).await;
    let info = ok(&v);
    assert_eq!(info["vip"], false);
    assert!(info["spaceUsed"].as_u64().unwrap() > 650_000_000);
    assert!(info["spacePermanent"].as_u64().unwrap() > info["spaceUsed"].as_u64().unwrap());
}

#[tokio::test]
async fn demo_content_matches_its_etag() {
    let env = Env::demo().await;
    for path in [
        "/欢迎使用 panfm.md",
        "/照片/2024 春节/IMG_0003.png",
        "/视频/猫咪日常 🐱.mov",
    ] {
        let id = env.server.id_of(path).unwrap();
        let v = env
            .get("/api/v1/file/download_info", &[("fileId", id.to_string())])
            .await;
        let url = ok(&v)["downloadUrl"].as_str().unwrap().to_owned();
        let body = reqwest::get(url).await.unwrap().bytes().await.unwrap();
        let entry = env.server.entry(id).unwrap();
        assert_eq!(body.len() as u64, entry.size, "{path}");
        assert_eq!(md5_hex(&body), entry.etag, "{path}");
    }
    let readme = env.server.id_of("/欢迎使用 panfm.md").unwrap();
    let text = String::from_utf8(env.server.file_bytes(readme).await.unwrap()).unwrap();
    assert!(text.contains("panfm"));
}

#[tokio::test]
async fn rejected_file_cannot_be_downloaded() {
    let env = Env::demo().await;
    let id = env.server.id_of("/视频/待审核/被驳回的视频.mp4").unwrap();
    let v = env
        .get("/api/v1/file/download_info", &[("fileId", id.to_string())])
        .await;
    crate::common::err(&v);
}

#[tokio::test]
async fn demo_photos_are_real_images_for_the_image_space() {
    let env = Env::demo().await;
    let png = b"\x89PNG\r\n\x1a\n".as_slice();
    for (path, magic) in [
        ("/照片/2024 春节/IMG_0001.png", png),
        ("/照片/2024 春节/IMG_0012.png", png),
        ("/照片/2023 旅行 🌴/三亚/第一天/海边 🌊/椰子树.png", png),
        ("/照片/2023 旅行 🌴/三亚/第一天/酒店.bmp", b"BM".as_slice()),
        ("/照片/截图/Screenshot 2024-05-01 at 10.00.00.png", png),
    ] {
        let id = env.server.id_of(path).unwrap();
        let bytes = env.server.file_bytes(id).await.unwrap();
        assert!(bytes.starts_with(magic), "{path}");
    }
    let a = env.server.id_of("/照片/2024 春节/IMG_0001.png").unwrap();
    let b = env.server.id_of("/照片/2024 春节/IMG_0002.png").unwrap();
    let (a, b) = (env.server.entry(a).unwrap(), env.server.entry(b).unwrap());
    assert_ne!(a.etag, b.etag, "each photo its own content");
}
