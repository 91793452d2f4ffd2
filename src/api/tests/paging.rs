//! Listing pages, trash filtering, loop guards, search, detail and infos.

use serde_json::{Value, json};

use super::count;
use crate::api::SearchMode;
use crate::api::stub::{Recorded, Reply, Stub};

fn item(id: i64, trashed: i64) -> Value {
    json!({
        "fileId": id, "filename": format!("f{id}"), "parentFileId": 9, "type": 0,
        "etag": "ABCDEF", "size": 1, "category": 10, "status": 0, "punishFlag": 0,
        "s3KeyFlag": "x-0", "storageNode": "m0", "trashed": trashed,
        "createAt": "2025-02-24 17:57:01", "updateAt": "2025-02-24 17:57:01"
    })
}

fn query_param(r: &Recorded, key: &str) -> Option<String> {
    r.query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.to_owned())
    })
}

/// Three pages: all trashed, mixed, last.
fn three_pages(r: &Recorded, earlier: &[Recorded]) -> Reply {
    if r.path.ends_with("/access_token") {
        return Reply::token("T");
    }
    match count(earlier, "/file/list") {
        0 => Reply::ok(json!({"lastFileId": 2, "fileList": [item(1, 1), item(2, 1)]})),
        1 => Reply::ok(json!({"lastFileId": 4, "fileList": [item(3, 0), item(4, 1)]})),
        _ => Reply::ok(json!({"lastFileId": -1, "fileList": [item(5, 0)]})),
    }
}

#[tokio::test]
async fn list_all_skips_trash_and_pages_past_empty_filtered_pages() {
    let stub = Stub::start(three_pages).await;
    let entries = stub.client().list_all(9).await.unwrap();
    let ids: Vec<_> = entries.iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![3, 5]);
    assert_eq!(entries[0].etag, "abcdef");
    let calls = stub.calls("/api/v2/file/list");
    assert_eq!(calls.len(), 3);
    assert_eq!(query_param(&calls[0], "parentFileId").as_deref(), Some("9"));
    assert_eq!(query_param(&calls[0], "limit").as_deref(), Some("100"));
    assert_eq!(query_param(&calls[0], "lastFileId"), None);
    assert_eq!(query_param(&calls[1], "lastFileId").as_deref(), Some("2"));
    assert_eq!(query_param(&calls[2], "lastFileId").as_deref(), Some("4"));
}

#[tokio::test]
async fn a_filtered_page_can_be_empty_with_more_to_come() {
    let stub = Stub::start(three_pages).await;
    let page = stub.client().list_page(9, None).await.unwrap();
    assert!(page.entries.is_empty());
    assert_eq!(page.next, Some(2));
}

#[tokio::test]
async fn an_empty_raw_page_ends_the_listing() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(json!({"lastFileId": 77, "fileList": []})),
    })
    .await;
    assert!(stub.client().list_all(0).await.unwrap().is_empty());
    assert_eq!(stub.calls("/file/list").len(), 1);
}

#[tokio::test]
async fn search_sends_keyword_and_mode() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ => Reply::ok(json!({"lastFileId": -1, "fileList": [item(8, 0), item(9, 1)]})),
    })
    .await;
    let page = stub
        .client()
        .search_page("报告 2024", SearchMode::Exact, None)
        .await
        .unwrap();
    assert_eq!(page.entries.len(), 1);
    assert_eq!(page.next, None);
    let r = &stub.calls("/file/list")[0];
    assert_eq!(
        query_param(r, "searchData").as_deref(),
        Some("%E6%8A%A5%E5%91%8A+2024")
    );
    assert_eq!(query_param(r, "searchMode").as_deref(), Some("1"));
}

#[tokio::test]
async fn infos_and_detail_use_their_own_casing() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        "/api/v1/file/infos" => Reply::ok(json!({"fileList": [item(1, 1)]})),
        _ => Reply::ok(json!({
            "fileID": 14749954, "filename": "dir", "type": 1, "size": 5000,
            "etag": "", "status": 0, "parentFileID": 3, "createAt": "2025-02-28 09:25:54",
            "trashed": 0
        })),
    })
    .await;
    let client = stub.client();
    let ids: Vec<i64> = (1..=150).collect();
    let infos = client.infos(&ids).await.unwrap();
    assert_eq!(infos.len(), 2, "one item per chunk from the script");
    assert!(infos[0].trashed);
    let calls = stub.calls("/file/infos");
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].json()["fileIds"].as_array().unwrap().len(), 100);
    assert_eq!(calls[1].json()["fileIds"].as_array().unwrap().len(), 50);

    let d = client.detail(14749954).await.unwrap();
    assert!(d.is_dir());
    assert_eq!(d.size, 5000);
    let r = &stub.calls("/file/detail")[0];
    assert_eq!(query_param(r, "fileID").as_deref(), Some("14749954"));
}

#[tokio::test]
async fn a_cycling_cursor_ends_the_listing() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        _ if query_param(r, "lastFileId").as_deref() == Some("5") => {
            Reply::ok(json!({"lastFileId": 6, "fileList": [item(6, 0)]}))
        }
        _ => Reply::ok(json!({"lastFileId": 5, "fileList": [item(5, 0)]})),
    })
    .await;
    let entries = stub.client().list_all(0).await.unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(stub.calls("/file/list").len(), 3);
    let get = &stub.calls("/file/list")[0];
    assert_eq!(get.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn with_trashed_keeps_recycle_bin_entries_across_pages() {
    let stub = Stub::start(three_pages).await;
    let client = stub.client();
    let entries = client.list_all_with_trashed(9).await.unwrap();
    let flags: Vec<_> = entries.iter().map(|e| (e.id, e.trashed)).collect();
    assert_eq!(
        flags,
        vec![(1, true), (2, true), (3, false), (4, true), (5, false)]
    );
    let stub = Stub::start(three_pages).await;
    let first = stub.client().list_page_with_trashed(9, None).await.unwrap();
    assert_eq!(first.entries.len(), 2);
    assert_eq!(first.next, Some(2));
}

#[tokio::test]
async fn the_recycle_bin_page_asks_for_trashed_items_and_marks_them() {
    let stub = Stub::start(|r, _| match r.path.as_str() {
        "/api/v1/access_token" => Reply::token("T"),
        // The legacy shape: `fileID`, `+0800 CST` times, string contentType, no `trashed`.
        _ => Reply::ok(json!({"total": "2", "fileList": [
            {"fileID": 11, "filename": "a", "parentFileId": 3, "parentName": "", "type": 0,
             "etag": "ABC", "size": 5, "contentType": "0", "category": 0, "hidden": false,
             "status": 2, "punishFlag": 0, "s3KeyFlag": "x-0", "storageNode": "m0",
             "createAt": "2025-02-24 17:57:01 +0800 CST",
             "updateAt": "2025-02-24 17:57:01 +0800 CST", "thumbnail": "", "downloadUrl": ""},
            {"fileID": "12", "filename": "d", "parentFileId": 0, "type": 1, "size": 0}
        ]})),
    })
    .await;
    let page = stub.client().trash_page(2).await.unwrap();
    assert_eq!(page.total, 2);
    let got: Vec<_> = page.entries.iter().map(|e| (e.id, e.trashed)).collect();
    assert_eq!(got, vec![(11, true), (12, true)]);
    assert_eq!(page.entries[0].etag, "abc");
    assert!(page.entries[0].updated_at.is_some());
    let call = &stub.calls("/api/v1/file/list")[0];
    for (k, v) in [
        ("parentFileId", "0"),
        ("page", "2"),
        ("limit", "100"),
        ("orderBy", "file_id"),
        ("orderDirection", "asc"),
        ("trashed", "true"),
    ] {
        assert_eq!(query_param(call, k).as_deref(), Some(v), "{k}");
    }
}
