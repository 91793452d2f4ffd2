//! Fault knobs: gateway 5xx with HTML, dropped connections, latency, reproducible randomness.

use std::time::{Duration, Instant};

use panfm::mock::MockConfig;
use reqwest::multipart::{Form, Part};
use serde_json::json;

use crate::common::{Env, bytes, md5_hex, ok, quiet};

#[tokio::test]
async fn error_rate_gives_html_5xx() {
    let env = Env::start().await;
    env.server.set_knobs(|k| k.error_rate = 1.0);
    for _ in 0..5 {
        let resp = env
            .req(reqwest::Method::GET, "/api/v1/user/info")
            .send()
            .await
            .unwrap();
        assert!(resp.status().is_server_error(), "{}", resp.status());
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let body = resp.text().await.unwrap();
        assert!(
            body.contains("<html>") && body.contains("openresty"),
            "{body}"
        );
    }
    assert_eq!(env.server.stats().injected_errors, 5);
    // An injected error happens before the request has any effect.
    let resp = env
        .req(reqwest::Method::POST, "/upload/v1/file/mkdir")
        .json(&json!({"name": "x", "parentID": 0}))
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_server_error());
    env.server.set_knobs(|k| k.error_rate = 0.0);
    assert!(env.server.id_of("/x").is_none());
    ok(&env.get("/api/v1/user/info", &[]).await);
}

async fn statuses(seed: u64) -> Vec<u16> {
    let env = Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.rng_seed = Some(seed);
    })
    .await;
    env.server.set_knobs(|k| k.error_rate = 0.5);
    let mut out = Vec::new();
    for _ in 0..24 {
        let resp = env
            .req(reqwest::Method::GET, "/api/v1/user/info")
            .send()
            .await
            .unwrap();
        out.push(resp.status().as_u16());
    }
    out
}

#[tokio::test]
async fn seeded_faults_are_reproducible() {
    let a = statuses(7).await;
    assert_eq!(a, statuses(7).await);
    assert!(a.contains(&200) && a.iter().any(|s| *s >= 500), "{a:?}");
}

#[tokio::test]
async fn dropped_download_is_cut_short() {
    let env = Env::start().await;
    let content = bytes(500_000, 1);
    let f = env.put_file(0, "f", &content).await;
    let v = env
        .get("/api/v1/file/download_info", &[("fileId", f.to_string())])
        .await;
    let url = ok(&v)["downloadUrl"].as_str().unwrap().to_owned();
    env.server.set_knobs(|k| k.drop_rate = 1.0);
    let result = match reqwest::get(&url).await {
        Ok(resp) => resp.bytes().await.map(|b| b.len()),
        Err(e) => Err(e),
    };
    assert!(result.is_err(), "expected a broken body, got {result:?}");
    assert_eq!(env.server.stats().dropped, 1);
    env.server.set_knobs(|k| k.drop_rate = 0.0);
    assert_eq!(
        reqwest::get(&url).await.unwrap().bytes().await.unwrap(),
        content
    );
}

#[tokio::test]
async fn dropped_slice_upload_fails_and_stores_nothing() {
    let env = Env::start().await;
    let content = bytes(300_000, 2);
    let body = json!({"parentFileID": 0, "filename": "f", "etag": md5_hex(&content), "size": content.len()});
    let v = env.post("/upload/v2/file/create", body).await;
    let pre = ok(&v)["preuploadID"].as_str().unwrap().to_owned();
    env.server.set_knobs(|k| k.drop_rate = 1.0);
    let form = Form::new()
        .text("preuploadID", pre.clone())
        .text("sliceNo", "1")
        .text("sliceMD5", md5_hex(&content))
        .part("slice", Part::bytes(content.clone()));
    let sent = env
        .req(reqwest::Method::POST, "/upload/v2/file/slice")
        .multipart(form)
        .send()
        .await;
    let outcome = match sent {
        Ok(resp) => resp.bytes().await.map(|b| b.len()),
        Err(e) => Err(e),
    };
    assert!(
        outcome.is_err(),
        "expected a dropped connection, got {outcome:?}"
    );
    env.server.set_knobs(|k| k.drop_rate = 0.0);
    let v = env
        .post(
            "/upload/v2/file/upload_complete",
            json!({"preuploadID": pre}),
        )
        .await;
    assert_eq!(
        v["message"], "文件上传失败",
        "the dropped slice was not kept: {v}"
    );
}

#[tokio::test]
async fn latency_delays_every_request() {
    let env = Env::start().await;
    env.server
        .set_knobs(|k| k.latency = Duration::from_millis(300));
    let started = Instant::now();
    ok(&env.get("/api/v1/user/info", &[]).await);
    assert!(started.elapsed() >= Duration::from_millis(300));
}
