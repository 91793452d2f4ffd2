//! Tokens: one mint shared by clients and launches, re-mint once after eviction, fixed tokens.

use panfm::api::{ApiErrorKind, Auth, Client, Credentials, ROOT_DIR};
use panfm::mock::MockServer;

use crate::common::{client, config, mock};

/// Mints a token the way another device would, evicting the oldest beyond three.
async fn mint_elsewhere(mock: &MockServer) {
    let body =
        serde_json::json!({"clientID": mock.client_id(), "clientSecret": mock.client_secret()});
    let reply: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/api/v1/access_token", mock.base_url()))
        .header("Platform", "open_platform")
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(reply["code"], 0, "{reply}");
}

#[tokio::test]
async fn two_clients_share_one_cached_token() {
    let mock = mock().await;
    let cache = tempfile::tempdir().unwrap();
    let first = Client::new(config(&mock, Some(cache.path()))).unwrap();
    first.list_page(ROOT_DIR, None).await.unwrap();
    let second = Client::new(config(&mock, Some(cache.path()))).unwrap();
    second.list_page(ROOT_DIR, None).await.unwrap();
    second.user_info().await.unwrap();
    assert_eq!(mock.stats().tokens_minted, 1);
    let files: Vec<_> = std::fs::read_dir(cache.path()).unwrap().collect();
    assert_eq!(
        files.len(),
        1,
        "one cache entry for this server and client id"
    );
}

#[tokio::test]
async fn concurrent_first_calls_mint_once() {
    let mock = mock().await;
    let client = client(&mock);
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.user_info().await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(mock.stats().tokens_minted, 1);
}

#[tokio::test]
async fn an_evicted_token_is_replaced_by_exactly_one_mint() {
    let mock = mock().await;
    let cache = tempfile::tempdir().unwrap();
    let client = Client::new(config(&mock, Some(cache.path()))).unwrap();
    client.list_page(ROOT_DIR, None).await.unwrap();
    for _ in 0..3 {
        mint_elsewhere(&mock).await;
    }
    assert_eq!(mock.stats().tokens_minted, 4);
    let page = client.list_page(ROOT_DIR, None).await.unwrap();
    assert!(page.entries.is_empty());
    assert_eq!(mock.stats().tokens_minted, 5);
    assert_eq!(
        mock.stats().calls_to("/api/v2/file/list"),
        3,
        "ok, 401, retried ok"
    );
    // The replacement was cached: a new client instance does not mint again.
    Client::new(config(&mock, Some(cache.path())))
        .unwrap()
        .user_info()
        .await
        .unwrap();
    assert_eq!(mock.stats().tokens_minted, 5);
}

#[tokio::test]
async fn a_rejected_fixed_token_is_an_auth_error() {
    let mock = mock().await;
    let mut cfg = config(&mock, None);
    cfg.auth = Auth::AccessToken("not-a-token".into());
    let err = Client::new(cfg).unwrap().user_info().await.unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::Auth, Some(401)));
    assert_eq!(mock.stats().tokens_minted, 0);
}

#[tokio::test]
async fn wrong_credentials_are_an_auth_error() {
    let mock = mock().await;
    let mut cfg = config(&mock, None);
    cfg.auth = Auth::Credentials(Credentials::new(mock.client_id(), "wrong"));
    let err = Client::new(cfg)
        .unwrap()
        .list_page(ROOT_DIR, None)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Auth);
    assert_eq!(mock.stats().calls_to("/api/v1/access_token"), 1);
}

#[tokio::test]
async fn user_info_reports_the_account_and_picks_the_qps_column() {
    let mock = mock().await;
    let client = client(&mock);
    let info = client.user_info().await.unwrap();
    assert!(!info.vip && !client.is_vip());
    assert!(info.vip_grants.is_empty());
    assert!(info.space_total() > 0);
    mock.set_knobs(|k| k.vip = true);
    let info = client.user_info().await.unwrap();
    assert!(info.vip && client.is_vip());
    assert_eq!(info.vip_grants.len(), 1);
}
