//! download_info and the `/dl` URLs: full, ranged, unsatisfiable, expired.

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{Env, bytes, err, ok};

/// The download URL `download_info` hands out for file `id`.
pub async fn url_of(env: &Env, id: i64) -> String {
    let v = env
        .get("/api/v1/file/download_info", &[("fileId", id.to_string())])
        .await;
    ok(&v)["downloadUrl"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn url_points_at_the_mock_with_an_expiry() {
    let env = Env::start().await;
    let f = env.put_file(0, "a.bin", b"abc").await;
    let url = url_of(&env, f).await;
    let prefix = format!("{}/dl/", env.server.base_url());
    assert!(url.starts_with(&prefix), "{url}");
    let t: i64 = url.split("?t=").nth(1).unwrap().parse().unwrap();
    assert!(t > chrono::Utc::now().timestamp());
}

#[tokio::test]
async fn full_download_needs_no_headers() {
    let env = Env::start().await;
    let content = bytes(300_000, 3);
    let f = env.put_file(0, "a.bin", &content).await;
    let resp = reqwest::get(url_of(&env, f).await).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.content_length(), Some(300_000));
    assert_eq!(resp.headers()["accept-ranges"], "bytes");
    assert_eq!(resp.bytes().await.unwrap(), content);
}

#[tokio::test]
async fn ranges() {
    let env = Env::start().await;
    let content = bytes(100_000, 9);
    let f = env.put_file(0, "r.bin", &content).await;
    let url = url_of(&env, f).await;
    let get = |range: &'static str| env.http.get(&url).header("Range", range).send();

    let resp = get("bytes=10-19").await.unwrap();
    assert_eq!(resp.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(resp.headers()["content-range"], "bytes 10-19/100000");
    assert_eq!(resp.content_length(), Some(10));
    assert_eq!(resp.bytes().await.unwrap(), content[10..20]);

    let resp = get("bytes=99990-").await.unwrap();
    assert_eq!(resp.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(resp.bytes().await.unwrap(), content[99_990..]);

    let resp = get("bytes=-5").await.unwrap();
    assert_eq!(resp.headers()["content-range"], "bytes 99995-99999/100000");
    assert_eq!(resp.bytes().await.unwrap(), content[99_995..]);

    let resp = get("bytes=100000-").await.unwrap();
    assert_eq!(resp.status(), StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(resp.headers()["content-range"], "bytes */100000");

    let resp = get("bytes=0-1,5-6").await.unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "multi-range gets the whole file"
    );
    assert_eq!(resp.bytes().await.unwrap().len(), 100_000);
    assert_eq!(
        env.server.stats().download_bytes,
        10 + 10 + 5 + 100_000,
        "what went out"
    );
    let stats = env.server.stats();
    assert_eq!((stats.partial_downloads, stats.suffix_downloads), (3, 1));
}

#[tokio::test]
async fn cut_bodies_count_what_went_out_and_corrupt_ones_differ_by_a_byte() {
    let env = Env::start().await;
    let content = bytes(400_000, 5);
    let f = env.put_file(0, "c.bin", &content).await;
    let url = url_of(&env, f).await;
    env.server.set_knobs(|k| {
        k.drop_rate = 1.0;
        k.rng_seed = Some(3);
    });
    let mut got = 0u64;
    // A cut before the headers went out fails the request itself.
    if let Ok(mut resp) = env.http.get(&url).send().await {
        while let Ok(Some(chunk)) = resp.chunk().await {
            got += chunk.len() as u64;
        }
    }
    let counted = env.server.stats().download_bytes;
    // What the server handed to the connection before cutting it; the bytes still in its
    // buffers when the connection was aborted never reach the client.
    assert!(got <= counted && counted < 400_000, "{got} {counted}");
    env.server.set_knobs(|k| {
        k.drop_rate = 0.0;
        k.corrupt_downloads = 1;
    });
    let body = env.http.get(&url).send().await.unwrap().bytes().await;
    let body = body.unwrap();
    assert_eq!(body.len(), content.len());
    assert_eq!(body[0], !content[0]);
    assert_eq!(body[1..], content[1..]);
    let again = env.http.get(&url).send().await.unwrap().bytes().await;
    assert_eq!(again.unwrap(), content, "only the next fetch was corrupted");
    assert_eq!(env.server.stats().corrupted, 1);
}

#[tokio::test]
async fn refusals() {
    let env = Env::start().await;
    let d = env.mkdir(0, "d").await;
    let f = env.put_file(0, "f", b"f").await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [f]}))
        .await);
    for id in [d, f, 4_242_424] {
        let v = env
            .get("/api/v1/file/download_info", &[("fileId", id.to_string())])
            .await;
        assert_eq!(err(&v).0, 5066, "{id}");
    }
    let resp = reqwest::get(format!("{}/dl/forged?t=9999999999", env.server.base_url()))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn expired_urls_are_refused() {
    let env = Env::start().await;
    let f = env.put_file(0, "f", b"f").await;
    env.server
        .set_knobs(|k| k.download_url_ttl = std::time::Duration::ZERO);
    let resp = reqwest::get(url_of(&env, f).await).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn free_traffic_cap_gives_5113() {
    let env = Env::start().await;
    let f = env.put_file(0, "f", &[1; 1000]).await;
    env.server.set_knobs(|k| k.free_traffic_limit = Some(1500));
    let body = reqwest::get(url_of(&env, f).await)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(body.len(), 1000);
    let body = reqwest::get(url_of(&env, f).await)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(body.len(), 1000);
    let v = env
        .get("/api/v1/file/download_info", &[("fileId", f.to_string())])
        .await;
    assert_eq!(err(&v).0, 5113);
    env.server.set_knobs(|k| k.vip = true);
    url_of(&env, f).await;
}

#[tokio::test]
async fn the_optional_first_hop_redirects_and_the_range_still_applies() {
    let env = Env::start().await;
    env.server.set_knobs(|k| k.download_redirect = true);
    let content = bytes(50_000, 2);
    let f = env.put_file(0, "hop.bin", &content).await;
    let url = url_of(&env, f).await;
    let manual = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = manual.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::FOUND);
    let location = resp.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.ends_with("&hop=1"), "{location}");
    let resp = env
        .http
        .get(&url)
        .header("Range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(resp.bytes().await.unwrap(), content[100..200]);
}
