//! Rate limiting and injected gateway failures.

use panfm::api::{ApiErrorKind, Client, ROOT_DIR};

use crate::common::{calls, client, config, mock, quick_retries};

#[tokio::test]
async fn the_limiter_keeps_a_free_account_under_the_server_limit() {
    let mock = mock().await;
    let client = client(&mock);
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.list_page(ROOT_DIR, None).await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(mock.stats().throttled, 0);
    assert_eq!(calls(&mock, "/api/v2/file/list"), 12);
}

#[tokio::test]
async fn server_429s_are_backed_off_and_retried() {
    let mock = mock().await;
    let client = client(&mock);
    // The client believes it is VIP (10 QPS for v2 list); the server holds it to 5.
    client.set_vip(true);
    for _ in 0..12 {
        client.list_page(ROOT_DIR, None).await.unwrap();
    }
    let stats = mock.stats();
    assert!(stats.throttled > 0, "{stats:?}");
    assert_eq!(stats.calls_to("/api/v2/file/list"), 12 + stats.throttled);
}

#[tokio::test]
async fn injected_gateway_errors_are_retried_for_reads() {
    let mock = mock().await;
    let mut cfg = config(&mock, None);
    // Eight attempts make a call that fails for good vanishingly rare (0.3^8 ≈ 7e-5); the
    // default count is checked by the next test.
    cfg.retry = panfm::api::RetryPolicy {
        transient_attempts: 8,
        ..quick_retries()
    };
    let client = Client::new(cfg).unwrap();
    client.user_info().await.unwrap();
    mock.set_knobs(|k| {
        k.error_rate = 0.3;
        k.rng_seed = Some(7);
    });
    for _ in 0..20 {
        client.list_page(ROOT_DIR, None).await.unwrap();
    }
    let stats = mock.stats();
    assert!(stats.injected_errors > 0, "{stats:?}");
    assert_eq!(
        stats.calls_to("/api/v2/file/list"),
        20 + stats.injected_errors
    );
}

#[tokio::test]
async fn html_error_pages_become_clear_transient_errors() {
    let mock = mock().await;
    let mut cfg = config(&mock, None);
    cfg.retry = quick_retries();
    let client = Client::new(cfg).unwrap();
    client.user_info().await.unwrap();
    mock.set_knobs(|k| k.error_rate = 1.0);
    let err = client.detail(1).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert!(err.to_string().contains("non-JSON body"), "{err}");
    assert_eq!(
        calls(&mock, "/api/v1/file/detail"),
        4,
        "first try + 3 retries"
    );
}
