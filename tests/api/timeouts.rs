//! Servers that stop answering: a silent one fails a call once, after its limit, naming the
//! host; a slow answer is waited for as long as the call's own limit allows (an upload's wait
//! includes sending it), and only downloads are held to the read-idle limit.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use panfm::api::{ApiErrorKind, Auth, Client, ClientConfig, CreateRequest, ROOT_DIR, md5_hex};

use crate::common::{config, mock};

/// A listener on loopback that accepts every connection, holds it and never answers.
async fn silent_server() -> (std::net::SocketAddr, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&accepted);
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((conn, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            held.push(conn);
        }
    });
    (addr, accepted)
}

#[tokio::test]
async fn a_server_that_never_answers_fails_each_call_once_naming_the_host() {
    let (addr, accepted) = silent_server().await;
    let mut cfg = ClientConfig::new(Auth::AccessToken("T".into()));
    cfg.base_url = format!("http://{addr}");
    cfg.rate_limit = false;
    cfg.timeouts.json = Duration::from_millis(300);
    cfg.timeouts.read_idle = Duration::from_millis(300);
    let client = Client::new(cfg).unwrap();

    // A listing may be repeated after other transient failures; not after silence.
    let err = client.list_page(ROOT_DIR, None).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert_eq!(err.message, format!("{addr} did not answer within 0.3 s"));
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "not sent again");

    let err = client
        .download(&format!("http://{addr}/dl/1"), None)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert_eq!(err.message, format!("{addr} did not answer within 0.3 s"));
}

#[tokio::test]
async fn a_slow_answer_fails_a_download_but_not_a_call_or_an_upload() {
    let mock = mock().await;
    mock.set_knobs(|k| k.qps_limits = false);
    let file = mock.put_file(ROOT_DIR, "f.txt", b"abc").await.unwrap();
    let mut cfg = config(&mock, None);
    cfg.rate_limit = false;
    cfg.timeouts.read_idle = Duration::from_millis(100);
    let client = Client::new(cfg).unwrap();
    let url = client.download_url(file).await.unwrap();
    let domain = client.upload_domains().await.unwrap().remove(0);

    mock.set_knobs(|k| k.latency = Duration::from_millis(300));
    client.user_info().await.unwrap();
    let request = CreateRequest::new(ROOT_DIR, "g.txt", &md5_hex(b"xyz"), 3);
    let id = client
        .upload_single(&domain, &request, Bytes::from_static(b"xyz"))
        .await
        .unwrap();
    assert!(id.is_some_and(|id| mock.entry(id).is_some_and(|e| e.name == "g.txt")));
    let err = client.download(&url, None).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Transient);
    assert!(
        err.message.ends_with("did not answer within 0.1 s"),
        "{err}"
    );
}
