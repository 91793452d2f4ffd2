//! Token minting, caching, sharing and replacement after 401.

use chrono::Utc;

use super::{bearer, count};
use crate::api::stub::{Reply, Stub};
use crate::api::token_cache::{CachedToken, Token, TokenCache};
use crate::api::{ApiErrorKind, Auth, Client};

fn user() -> Reply {
    Reply::ok(serde_json::json!({"uid": 7, "vip": false, "vipInfo": null}))
}

#[tokio::test]
async fn concurrent_callers_share_one_mint() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T1"),
        _ => user(),
    })
    .await;
    let client = stub.client();
    let calls: Vec<_> = (0..8)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.user_info().await })
        })
        .collect();
    for c in calls {
        assert_eq!(c.await.unwrap().unwrap().uid, 7);
    }
    let log = stub.requests();
    assert_eq!(count(&log, "/access_token"), 1);
    let mint = &stub.calls("/access_token")[0];
    assert_eq!(bearer(mint), None, "minting sends no Authorization");
    assert_eq!(mint.header("platform"), Some("open_platform"));
    assert_eq!(
        mint.json(),
        serde_json::json!({"clientID": "cid", "clientSecret": "csecret"})
    );
    for r in stub.calls("/user/info") {
        assert_eq!(bearer(&r), Some("Bearer T1"));
        assert_eq!(r.header("platform"), Some("open_platform"));
    }
    let shown = format!("{client:?}");
    assert!(shown.contains("Token(<redacted>)"), "{shown}");
    assert!(
        !shown.contains("T1\"") && !shown.contains("csecret"),
        "{shown}"
    );
}

#[tokio::test]
async fn cached_token_is_reused_by_a_second_client() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T1"),
        _ => user(),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    Client::new(stub.config(Some(dir.path())))
        .unwrap()
        .user_info()
        .await
        .unwrap();
    Client::new(stub.config(Some(dir.path())))
        .unwrap()
        .user_info()
        .await
        .unwrap();
    assert_eq!(stub.calls("/access_token").len(), 1);
    assert!(
        stub.calls("/user/info")
            .iter()
            .all(|r| bearer(r) == Some("Bearer T1"))
    );
}

#[tokio::test]
async fn nearly_expired_cached_token_is_not_used() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("NEW"),
        _ => user(),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let cache = TokenCache::new(dir.path(), &stub.base_url, "cid");
    cache
        .store(&CachedToken {
            token: Token::new("OLD"),
            expires_at: Utc::now() + chrono::Duration::minutes(4),
        })
        .unwrap();
    let client = Client::new(stub.config(Some(dir.path()))).unwrap();
    client.user_info().await.unwrap();
    assert_eq!(stub.calls("/access_token").len(), 1);
    assert_eq!(bearer(&stub.calls("/user/info")[0]), Some("Bearer NEW"));
    assert_eq!(cache.load().unwrap().token, Token::new("NEW"));
}

#[tokio::test]
async fn a_rejected_token_is_replaced_once_and_the_call_retried() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" if count(earlier, "/access_token") == 0 => Reply::token("T1"),
        "/api/v1/access_token" => Reply::token("T2"),
        _ if bearer(r) == Some("Bearer T1") => {
            Reply::code(401, "tokens number has exceeded the limit")
        }
        _ => user(),
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let client = Client::new(stub.config(Some(dir.path()))).unwrap();
    client.user_info().await.unwrap();
    assert_eq!(stub.calls("/access_token").len(), 2);
    let cache = TokenCache::new(dir.path(), &stub.base_url, "cid");
    assert_eq!(cache.load().unwrap().token, Token::new("T2"));
}

#[tokio::test]
async fn a_token_rejected_again_fails_without_minting_in_a_loop() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token(&format!("T{}", count(earlier, "/access_token"))),
        _ => Reply::code(401, "access_token无效"),
    })
    .await;
    let client = stub.client();
    let err = client.user_info().await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Auth);
    assert_eq!(err.code, Some(401));
    assert_eq!(
        stub.calls("/access_token").len(),
        2,
        "initial mint + one re-mint"
    );
    assert_eq!(stub.calls("/user/info").len(), 2);
}

#[tokio::test]
async fn concurrent_rejections_share_one_re_mint() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" if count(earlier, "/access_token") == 0 => Reply::token("T1"),
        "/api/v1/access_token" => Reply::token("T2"),
        _ if bearer(r) == Some("Bearer T1") => Reply::code(401, "access_token无效"),
        _ => user(),
    })
    .await;
    let client = stub.client();
    client.token().await.unwrap();
    let calls: Vec<_> = (0..6)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.user_info().await })
        })
        .collect();
    for c in calls {
        c.await.unwrap().unwrap();
    }
    assert_eq!(stub.calls("/access_token").len(), 2);
}

#[tokio::test]
async fn a_fixed_token_is_never_refreshed() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("MINTED"),
        _ => Reply::code(401, "access_token无效"),
    })
    .await;
    let mut cfg = stub.config(None);
    cfg.auth = Auth::AccessToken("ENV-TOKEN".into());
    let err = Client::new(cfg).unwrap().user_info().await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Auth);
    assert!(stub.calls("/access_token").is_empty());
    assert_eq!(
        bearer(&stub.calls("/user/info")[0]),
        Some("Bearer ENV-TOKEN")
    );
}

#[tokio::test]
async fn bad_credentials_are_an_auth_error() {
    let stub = Stub::start(|_, _| Reply::code(401, "clientID或clientSecret错误")).await;
    let err = stub.client().user_info().await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Auth);
    assert_eq!(err.endpoint, "api/v1/access_token");
    assert_eq!(stub.requests().len(), 1);
}

#[tokio::test]
async fn any_refused_mint_is_an_auth_error() {
    let stub = Stub::start(|_, _| Reply::code(1, "clientID或clientSecret错误")).await;
    let err = stub.client().user_info().await.unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::Auth, Some(1)));
}

#[tokio::test]
async fn user_info_switches_the_vip_column() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(serde_json::json!({"uid": 1, "vip": true})),
    })
    .await;
    let client = stub.client();
    assert!(!client.is_vip());
    assert!(client.user_info().await.unwrap().vip);
    assert!(client.is_vip());
}

#[tokio::test]
async fn a_fixed_tier_stays_whatever_the_account_says() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(serde_json::json!({"uid": 1, "vip": true})),
    })
    .await;
    let client = stub.client();
    client.fix_tier(false);
    assert!(client.user_info().await.unwrap().vip);
    assert!(
        !client.is_vip(),
        "api_tier = \"free\" keeps the free column"
    );
    let other = stub.client();
    other.fix_tier(true);
    assert!(other.is_vip());
}
