//! Request shapes of the mutating calls and batch chunking.

use std::time::Duration;

use pretty_assertions::assert_eq;
use reqwest::Method;
use serde_json::json;

use super::count;
use crate::api::stub::{Recorded, Reply, Stub};
use crate::api::{ApiErrorKind, CopyStatus, Patience, RenameFailure};

fn ok_null(r: &Recorded, _: &[Recorded]) -> Reply {
    if r.path.ends_with("/access_token") {
        Reply::token("T")
    } else {
        Reply::ok(serde_json::Value::Null)
    }
}

#[tokio::test]
async fn mutation_bodies_use_the_documented_keys() {
    let stub = Stub::start(ok_null).await;
    let c = stub.client();
    c.rename(14749954, "测试修改文件名称.exe").await.unwrap();
    c.move_to(&[1, 2], 3).await.unwrap();
    c.trash(&[4]).await.unwrap();
    assert!(c.recover(&[5]).await.unwrap().is_empty());
    c.recover_to(&[6], 7).await.unwrap();
    c.delete(&[8]).await.unwrap();
    let log = stub.requests();
    let find = |suffix: &str| log.iter().find(|r| r.path == suffix).unwrap();

    let rename = find("/api/v1/file/name");
    assert_eq!(rename.method, Method::PUT);
    assert_eq!(rename.header("content-type"), Some("application/json"));
    assert_eq!(
        rename.json(),
        json!({"fileId": 14749954, "fileName": "测试修改文件名称.exe"})
    );
    assert_eq!(
        find("/api/v1/file/move").json(),
        json!({"fileIDs": [1, 2], "toParentFileID": 3})
    );
    assert_eq!(find("/api/v1/file/trash").json(), json!({"fileIDs": [4]}));
    assert_eq!(find("/api/v1/file/recover").json(), json!({"fileIDs": [5]}));
    assert_eq!(
        find("/api/v1/file/recover/by_path").json(),
        json!({"fileIDs": [6], "parentFileID": 7})
    );
    assert_eq!(find("/api/v1/file/delete").json(), json!({"fileIDs": [8]}));
    assert!(
        log.iter()
            .all(|r| r.method != Method::GET || r.body.is_empty())
    );
}

#[tokio::test]
async fn mkdir_and_copy() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        "/upload/v1/file/mkdir" => Reply::ok(json!({"dirID": 14663228})),
        "/api/v1/file/copy" => Reply::ok(json!({"sourceFileId": 1, "targetFileId": 99})),
        "/api/v1/file/async/copy" => Reply::ok(json!({"taskId": 555})),
        _ => Reply::ok(json!({"taskId": 555, "status": 2})),
    })
    .await;
    let c = stub.client();
    assert_eq!(c.mkdir(0, "测试目录").await.unwrap(), 14663228);
    assert_eq!(c.copy(1, 2).await.unwrap(), 99);
    assert_eq!(c.copy_async(&[1, 2], 0).await.unwrap(), vec![555]);
    assert_eq!(c.copy_status(555).await.unwrap(), CopyStatus::Done);
    c.copy_wait(555, quick(30_000)).await.unwrap();
    assert_eq!(
        stub.calls("/file/mkdir")[0].json(),
        json!({"name": "测试目录", "parentID": 0})
    );
    assert_eq!(
        stub.calls("/api/v1/file/copy")[0].json(),
        json!({"fileId": 1, "targetDirId": 2})
    );
    assert_eq!(
        stub.calls("/api/v1/file/async/copy")[0].json(),
        json!({"fileIDs": [1, 2], "targetDirId": 0})
    );
    assert_eq!(stub.calls("/copy/process")[0].query, "taskId=555");
}

#[tokio::test]
async fn copy_wait_polls_until_done_or_failed() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ if r.query == "taskId=1" && count(earlier, "/process") < 2 => {
            Reply::ok(json!({"taskId": 1, "status": 1}))
        }
        _ if r.query == "taskId=1" => Reply::ok(json!({"taskId": 1, "status": 2})),
        _ => Reply::ok(json!({"taskId": 2, "status": 3})),
    })
    .await;
    let c = stub.client();
    c.copy_wait(1, quick(30_000)).await.unwrap();
    assert_eq!(stub.calls("/process").len(), 3);
    let err = c.copy_wait(2, quick(30_000)).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Fatal);
}

/// Polls every millisecond for at most `ms` milliseconds.
fn quick(ms: u64) -> Patience {
    Patience::new(Duration::from_millis(1), Duration::from_millis(ms))
}

#[tokio::test]
async fn copy_wait_gives_up_on_a_task_that_never_ends_or_an_unknown_status() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ if r.query == "taskId=1" => Reply::ok(json!({"taskId": 1, "status": 1})),
        _ => Reply::ok(json!({"taskId": 2, "status": 7})),
    })
    .await;
    // Polls are paced by the QPS table; this test is about counting them, not pacing.
    let mut cfg = stub.config(None);
    cfg.rate_limit = false;
    let c = crate::api::Client::new(cfg).unwrap();
    let err = c.copy_wait(1, quick(30)).await.unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Fatal);
    assert!(
        err.message
            .contains("copy task 1 (running) had not finished"),
        "{err}"
    );
    let polls = stub.calls("/process").len();
    assert!(polls >= 2, "{polls}");
    let err = c.copy_wait(2, quick(60_000)).await.unwrap_err();
    assert!(err.message.contains("status 7"), "{err}");
    assert_eq!(stub.calls("/process").len() - polls, 10);
}

#[tokio::test]
async fn batches_are_split_into_server_limits() {
    let stub = Stub::start(ok_null).await;
    let c = stub.client();
    // The VIP column keeps the free tier's 1-QPS delete from slowing the test down.
    c.set_vip(true);
    let ids: Vec<i64> = (1..=250).collect();
    c.move_to(&ids, 0).await.unwrap();
    let moves = stub.calls("/file/move");
    let sizes: Vec<usize> = moves
        .iter()
        .map(|r| r.json()["fileIDs"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, vec![100, 100, 50]);
    assert_eq!(moves[2].json()["fileIDs"][0], 201);

    let renames: Vec<(i64, String)> = (1..=65).map(|i| (i, format!("n{i}"))).collect();
    let report = c.rename_many(&renames).await.unwrap();
    assert!(report.failed.is_empty());
    let calls = stub.calls("/file/rename");
    assert_eq!(calls.len(), 3);
    assert_eq!(calls[0].json()["renameList"][0], "1|n1");
    assert_eq!(calls[2].json()["renameList"].as_array().unwrap().len(), 5);

    c.trash(&ids).await.unwrap();
    c.delete(&ids).await.unwrap();
    assert_eq!(stub.calls("/file/trash").len(), 3);
    assert_eq!(stub.calls("/file/delete").len(), 3);
}

#[tokio::test]
async fn batch_failures_report_progress_and_rename_failures_are_collected() {
    let stub = Stub::start(|r, earlier| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        "/api/v1/file/move" if count(earlier, "/file/move") == 1 => {
            Reply::code(1, "文件已在当前文件夹")
        }
        "/api/v1/file/rename" => Reply::ok(json!({
            "successList": [],
            "failList": [{"fileID": 3, "message": "当前目录有重名文件"}]
        })),
        "/api/v1/file/recover" => Reply::ok(json!({"abnormalFileIDs": [9]})),
        _ => Reply::ok(serde_json::Value::Null),
    })
    .await;
    let c = stub.client();
    let ids: Vec<i64> = (1..=250).collect();
    let err = c.move_to(&ids, 0).await.unwrap_err();
    assert_eq!(err.completed, 100);
    assert_eq!(err.error.kind, ApiErrorKind::Conflict);
    assert_eq!(
        stub.calls("/file/move").len(),
        2,
        "later chunks are not sent"
    );

    let report = c.rename_many(&[(3, "a".into())]).await.unwrap();
    assert_eq!(
        report.failed,
        vec![RenameFailure {
            id: 3,
            message: "当前目录有重名文件".into()
        }]
    );
    assert_eq!(c.recover(&ids).await.unwrap(), vec![9, 9, 9]);
}
