//! A sliced upload is stored as its slices: downloads, ranges across slice boundaries, a
//! restart and a second upload of the same content all see the one file.

use panfm::mock::MockServer;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{Env, bytes, ok, persistent};
use crate::download::url_of;
use crate::upload::{SLICE, upload};

#[tokio::test]
async fn ranges_cross_slice_boundaries_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = || {
        let mut cfg = persistent(dir.path());
        cfg.knobs.slice_size = SLICE;
        cfg
    };
    let slice = SLICE as usize;
    let content = bytes(3 * slice + 777, 5);
    let env = Env::attach(MockServer::start(cfg()).await.unwrap()).await;
    let id = ok(&upload(&env, 0, "s.bin", &content, &[2, 4, 1, 3]).await)["fileID"]
        .as_i64()
        .unwrap();
    env.server.shutdown().await;

    let env = Env::attach(MockServer::start(cfg()).await.unwrap()).await;
    let url = url_of(&env, id).await;
    let whole = reqwest::get(&url).await.unwrap().bytes().await.unwrap();
    assert_eq!(whole, content);
    let spans = [
        (slice - 10, slice + 9),
        (0, 3 * slice + 776),
        (slice, 2 * slice - 1),
        (2 * slice + 5, 3 * slice + 100),
        (3 * slice, 3 * slice + 776),
    ];
    for (start, end) in spans {
        let resp = env
            .http
            .get(&url)
            .header("Range", format!("bytes={start}-{end}"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::PARTIAL_CONTENT);
        let got = resp.bytes().await.unwrap();
        assert_eq!(got, content[start..=end], "bytes {start}-{end}");
    }

    // The same content again is an instant upload of the stored slices.
    let body = json!({
        "parentFileID": 0, "filename": "again.bin",
        "etag": crate::common::md5_hex(&content), "size": content.len(),
    });
    let v = env.post("/upload/v2/file/create", body).await;
    let again = ok(&v);
    assert_eq!(again["reuse"], true);
    let again = again["fileID"].as_i64().unwrap();
    assert_eq!(env.server.file_bytes(again).await.unwrap(), content);
    env.server.shutdown().await;
}
