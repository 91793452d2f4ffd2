//! Offline download (离线下载) through the client against the mock under strict names: a task
//! created with every documented field, its progress read until the drive has the file (real
//! MD5), a failed task's status and reason, and the refusals the server answers at once.

use panfm::api::{ApiErrorKind, ImportStatus, OfflineRequest};
use panfm::mock::{MockConfig, MockServer};

use crate::common::{client, mock};
use crate::web::{Web, dead_url};

/// Reads the task's progress until it is no longer running; the percentages seen on the way.
async fn settle(client: &panfm::api::Client, task: i64) -> (panfm::api::OfflineProgress, Vec<f64>) {
    let mut seen = Vec::new();
    for _ in 0..200 {
        let p = client.offline_status(task).await.unwrap();
        match p.status {
            ImportStatus::Running | ImportStatus::Retrying => seen.push(p.percent),
            _ => return (p, seen),
        }
    }
    panic!("task {task} still running after 200 polls: {seen:?}");
}

async fn strict_mock(pending_polls: u32) -> MockServer {
    let mut cfg = MockConfig::default();
    cfg.knobs.strict_names = true;
    cfg.knobs.offline_pending_polls = pending_polls;
    MockServer::start(cfg).await.unwrap()
}

#[tokio::test]
async fn a_url_is_fetched_into_the_folder_and_reported_done() {
    let content: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let web = Web::serve(&[("files/data.bin", content.clone())]);
    let mock = strict_mock(2).await;
    let client = client(&mock);
    let dir = client.mkdir(0, "抓取").await.unwrap();
    let mut request = OfflineRequest::new(web.url("files/data.bin"));
    request.file_name = Some("数据.bin".into());
    request.dir_id = Some(dir);
    request.callback_url = Some(dead_url());
    let task = client.offline_download(&request).await.unwrap();
    let (done, seen) = settle(&client, task).await;
    assert_eq!(done.status, ImportStatus::Done, "{done:?}");
    assert_eq!((done.percent, done.reason), (100.0, None));
    assert!(seen.len() >= 2, "running for the pending polls: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    let id = mock.id_of("/抓取/数据.bin").unwrap();
    let entry = mock.entry(id).unwrap();
    let md5 = panfm::api::md5_hex(&content);
    assert_eq!((entry.etag, entry.size), (md5, content.len() as u64));
}

#[tokio::test]
async fn a_failed_task_reports_why() {
    let web = Web::serve(&[]);
    let mock = strict_mock(0).await;
    let client = client(&mock);
    let task = client
        .offline_download(&OfflineRequest::new(web.url("nothing-here.iso")))
        .await
        .unwrap();
    let (failed, _) = settle(&client, task).await;
    assert_eq!(failed.status, ImportStatus::Failed);
    assert_eq!(failed.percent, 0.0);
    let reason = failed.reason.expect("a reason");
    assert!(reason.contains("404"), "{reason}");
}

#[tokio::test]
async fn refusals_come_back_as_errors() {
    let mock = mock().await;
    let client = client(&mock);
    let e = client
        .offline_download(&OfflineRequest::new("ftp://example.invalid/a.iso"))
        .await
        .unwrap_err();
    assert_eq!(e.code, Some(1), "{e}");
    let mut root = OfflineRequest::new("http://127.0.0.1:9/a.iso");
    root.dir_id = Some(0);
    let e = client.offline_download(&root).await.unwrap_err();
    assert!(e.message.contains("根目录"), "{e}");
    let e = client.offline_status(1).await.unwrap_err();
    assert_eq!(e.kind, ApiErrorKind::Fatal, "{e}");
}
