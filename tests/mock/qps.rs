//! Per-endpoint QPS limits (table B free/VIP, table C for trash/infos/download_info).

use futures::future::join_all;
use panfm::mock::MockConfig;
use serde_json::Value;

use crate::common::{Env, quiet};

async fn limited_env(vip: bool) -> Env {
    Env::with(MockConfig::default(), |k| {
        quiet(k);
        k.qps_limits = true;
        k.vip = vip;
    })
    .await
}

/// Fires `n` list requests at once; returns their body codes.
async fn burst_list(env: &Env, n: usize) -> Vec<i64> {
    let q = [("parentFileId", "0".to_owned()), ("limit", "10".to_owned())];
    let calls = (0..n).map(|_| env.get("/api/v2/file/list", &q));
    join_all(calls)
        .await
        .iter()
        .map(|v: &Value| v["code"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn free_account_gets_5_list_calls_per_second() {
    let env = limited_env(false).await;
    let codes = burst_list(&env, 6).await;
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 5, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 429).count(), 1, "{codes:?}");
    assert_eq!(env.server.stats().throttled, 1);
    assert_eq!(env.server.stats().calls_to("/api/v2/file/list"), 6);
}

#[tokio::test]
async fn throttled_reply_is_an_enveloped_429() {
    let env = limited_env(false).await;
    let q = [("parentFileId", "0".to_owned()), ("limit", "10".to_owned())];
    let replies = join_all((0..6).map(|_| env.get("/api/v2/file/list", &q))).await;
    let throttled = replies.iter().find(|v| v["code"] == 429).expect("one 429");
    assert_eq!(throttled["message"], "请求太频繁");
    assert!(throttled["data"].is_null());
    assert!(throttled["x-traceID"].is_string());
}

#[tokio::test]
async fn vip_column_allows_10() {
    let env = limited_env(true).await;
    let codes = burst_list(&env, 11).await;
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 10, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 429).count(), 1);
}

#[tokio::test]
async fn knob_off_never_throttles() {
    let env = Env::start().await;
    let codes = burst_list(&env, 40).await;
    assert!(codes.iter().all(|c| *c == 0), "{codes:?}");
    assert_eq!(env.server.stats().throttled, 0);
}

#[tokio::test]
async fn knob_takes_effect_at_runtime() {
    let env = Env::start().await;
    assert!(burst_list(&env, 10).await.iter().all(|c| *c == 0));
    env.server.set_knobs(|k| k.qps_limits = true);
    let codes = burst_list(&env, 7).await;
    assert_eq!(codes.iter().filter(|c| **c == 429).count(), 2, "{codes:?}");
}

#[tokio::test]
async fn access_token_is_rate_limited_and_unlisted_endpoints_are_not() {
    let env = limited_env(false).await;
    // The harness minted one token already: 7 more fit in the 8-per-second window.
    let mints = join_all((0..8).map(|_| env.mint_raw())).await;
    let throttled = mints.iter().filter(|v| v["code"] == 429).count();
    assert_eq!(throttled, 1, "{mints:?}");
    let q = [("fileID", "0".to_owned())];
    let details = join_all((0..30).map(|_| env.get("/api/v1/file/detail", &q))).await;
    assert!(details.iter().all(|v| v["code"] != 429));
}
