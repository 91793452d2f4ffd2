//! Envelope, required headers, access tokens and the 3-token cap.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use panfm::mock::MockConfig;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{Env, err, ok, quiet};

#[tokio::test]
async fn access_token_has_documented_shape() {
    let env = Env::start().await;
    let v = env.mint_raw().await;
    let obj = v.as_object().unwrap();
    let mut keys: Vec<_> = obj.keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["code", "data", "message", "x-traceID"]);
    assert!(v["x-traceID"].as_str().unwrap().ends_with("_mock"));
    let data = ok(&v);
    let expired = data["expiredAt"].as_str().unwrap();
    let parsed = chrono::DateTime::parse_from_rfc3339(expired).unwrap();
    assert_eq!(parsed.offset().local_minus_utc(), 8 * 3600, "{expired}");
    assert!(expired.ends_with("+08:00"));
    let days = (parsed.timestamp() - chrono::Utc::now().timestamp()) / 86_400;
    assert!(
        (29..=30).contains(&days),
        "default lifetime 30 days, got {days}"
    );
    let token = data["accessToken"].as_str().unwrap();
    let parts: Vec<_> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    assert!(payload["id"].as_i64().unwrap() > 0);
    assert_eq!(payload["exp"].as_i64().unwrap(), parsed.timestamp());
}

#[tokio::test]
async fn wrong_credentials_are_refused() {
    let env = Env::start().await;
    let v = env
        .json(
            env.http
                .post(env.url("/api/v1/access_token"))
                .header("Platform", "open_platform")
                .json(&json!({"clientID": env.server.client_id(), "clientSecret": "nope"})),
        )
        .await;
    err(&v);
    assert_eq!(
        env.server.stats().tokens_minted,
        1,
        "only the harness token"
    );
}

#[tokio::test]
async fn platform_header_is_required_everywhere() {
    let env = Env::start().await;
    for platform in [None, Some("web"), Some("OPEN_PLATFORM")] {
        let mut rb = env
            .http
            .get(env.url("/api/v1/user/info"))
            .bearer_auth(&env.token);
        if let Some(p) = platform {
            rb = rb.header("Platform", p);
        }
        let (code, message) = err(&env.json(rb).await);
        assert_eq!(code, 1, "{platform:?}");
        assert!(message.contains("Platform"), "{message}");
    }
    let v = env
        .json(env.http.post(env.url("/api/v1/access_token")).json(&json!({
            "clientID": env.server.client_id(), "clientSecret": env.server.client_secret(),
        })))
        .await;
    assert_eq!(err(&v).0, 1, "access_token needs Platform too");
    // The header name is case-insensitive (HTTP).
    let v = env
        .json(
            env.http
                .get(env.url("/api/v1/user/info"))
                .header("platform", "open_platform")
                .bearer_auth(&env.token),
        )
        .await;
    ok(&v);
}

#[tokio::test]
async fn missing_or_bad_bearer_is_401() {
    let env = Env::start().await;
    let cases: Vec<Option<String>> = vec![
        None,
        Some("Bearer not-a-token".into()),
        Some(env.token.clone()),
        Some(format!("Basic {}", env.token)),
    ];
    for auth in cases {
        let q = [("parentFileId", "0".to_owned()), ("limit", "10".to_owned())];
        let mut rb = env
            .http
            .get(env.url_with("/api/v2/file/list", &q))
            .header("Platform", "open_platform");
        if let Some(a) = &auth {
            rb = rb.header("Authorization", a);
        }
        let v = env.json(rb).await;
        assert_eq!(err(&v), (401, "access_token无效".to_owned()), "{auth:?}");
    }
}

#[tokio::test]
async fn expired_token_is_401() {
    let cfg = MockConfig::default();
    let mut env = Env::with(cfg, |k| {
        quiet(k);
        k.token_ttl = std::time::Duration::ZERO;
    })
    .await;
    let v = env.get("/api/v1/user/info", &[]).await;
    assert_eq!(err(&v), (401, "access_token无效".to_owned()));
    env.server
        .set_knobs(|k| k.token_ttl = std::time::Duration::from_secs(3600));
    env.token = env.mint().await;
    ok(&env.get("/api/v1/user/info", &[]).await);
}

#[tokio::test]
async fn fourth_token_evicts_the_oldest() {
    let mut env = Env::start().await;
    let first = env.token.clone();
    let others = [env.mint().await, env.mint().await, env.mint().await];
    assert_eq!(env.server.live_tokens(), 3);
    assert_eq!(env.server.stats().tokens_minted, 4);
    let v = env.get("/api/v1/user/info", &[]).await;
    assert_eq!(
        err(&v),
        (401, "tokens number has exceeded the limit".to_owned())
    );
    for t in others {
        env.token = t;
        ok(&env.get("/api/v1/user/info", &[]).await);
    }
    env.token = first;
    let v = env
        .get(
            "/api/v2/file/list",
            &[("parentFileId", "0".into()), ("limit", "1".into())],
        )
        .await;
    assert_eq!(err(&v).0, 401);
}

#[tokio::test]
async fn body_keys_are_case_insensitive_and_ids_may_be_strings() {
    let env = Env::start().await;
    let v = env
        .post(
            "/upload/v1/file/mkdir",
            json!({"NAME": "a", "parentid": "0"}),
        )
        .await;
    let id = ok(&v)["dirID"].as_i64().unwrap();
    let v = env
        .put(
            "/api/v1/file/name",
            json!({"FileID": id.to_string(), "filename": "b"}),
        )
        .await;
    ok(&v);
    assert_eq!(env.server.id_of("/b"), Some(id));
}

#[tokio::test]
async fn unknown_path_gets_an_enveloped_404() {
    let env = Env::start().await;
    let resp = env
        .req(Method::GET, "/api/v9/nothing")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["code"], 404);
    assert!(v["data"].is_null());
    let resp = env
        .req(Method::GET, "/api/v1/file/move")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404, "wrong method");
    assert_eq!(resp.json::<Value>().await.unwrap()["code"], 404);
}

#[tokio::test]
async fn user_info_reports_space_and_vip() {
    let env = Env::start().await;
    env.put_file(0, "a.bin", &[7; 1000]).await;
    let trashed = env.put_file(0, "b.bin", &[8; 500]).await;
    ok(&env
        .post("/api/v1/file/trash", json!({"fileIDs": [trashed]}))
        .await);
    let v = env.get("/api/v1/user/info", &[]).await;
    let d = ok(&v);
    for key in [
        "uid",
        "nickname",
        "headImage",
        "passport",
        "mail",
        "spaceUsed",
        "spacePermanent",
        "spaceTemp",
        "spaceTempExpr",
        "vip",
        "directTraffic",
        "isHideUID",
        "httpsCount",
        "vipInfo",
        "developerInfo",
    ] {
        assert!(d.get(key).is_some(), "missing {key}: {d}");
    }
    assert_eq!(d["spaceUsed"], 1500, "trashed files still use space");
    assert_eq!(d["vip"], false);
    assert!(d["vipInfo"].is_null());
    env.server.set_knobs(|k| k.vip = true);
    let v = env.get("/api/v1/user/info", &[]).await;
    assert_eq!(ok(&v)["vip"], true);
    assert_eq!(ok(&v)["vipInfo"][0]["vipLevel"], 1);
}

#[tokio::test]
async fn banner_and_call_counts() {
    let env = Env::start().await;
    let banner = env.server.banner();
    assert_eq!(
        banner,
        format!(
            "base_url={} client_id=panfm-demo client_secret=panfm-demo-secret",
            env.server.base_url()
        )
    );
    assert!(env.server.base_url().starts_with("http://127.0.0.1:"));
    assert!(!env.server.base_url().ends_with('/'));
    for _ in 0..3 {
        env.post(
            "/api/v1/file/move",
            json!({"fileIDs": [1], "toParentFileID": 0}),
        )
        .await;
    }
    let stats = env.server.stats();
    assert_eq!(stats.calls_to("/api/v1/file/move"), 3);
    assert_eq!(stats.calls_to("/api/v1/access_token"), 1);
}

#[tokio::test]
async fn start_on_a_given_address() {
    let addr: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    let server = panfm::mock::MockServer::start_on(addr, MockConfig::default())
        .await
        .unwrap();
    assert!(
        server.base_url().starts_with("http://127.0.0.1:"),
        "{}",
        server.base_url()
    );
    let env = Env::attach(server).await;
    ok(&env.get("/api/v1/user/info", &[]).await);
    env.server.shutdown().await;
}
