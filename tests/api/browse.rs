//! Listing, search and details.

use panfm::api::{FileKind, ROOT_DIR, SearchMode};
use panfm::mock::MockServer;

use crate::common::{calls, client, mock};

/// A folder with `n` files named `f000`… in ascending id order.
async fn folder_with_files(mock: &MockServer, n: usize) -> (i64, Vec<i64>) {
    let dir = mock.put_dir(ROOT_DIR, "big").unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        let name = format!("f{i:03}");
        ids.push(mock.put_file(dir, &name, name.as_bytes()).await.unwrap());
    }
    (dir, ids)
}

#[tokio::test]
async fn listing_pages_past_trashed_entries() {
    let mock = mock().await;
    let (dir, ids) = folder_with_files(&mock, 250).await;
    let client = client(&mock);
    // The whole first page (the 100 lowest ids) goes to the recycle bin.
    client.trash(&ids[..100]).await.unwrap();

    let first = client.list_page(dir, None).await.unwrap();
    assert!(
        first.entries.is_empty(),
        "a page of trash filters to nothing"
    );
    assert_eq!(first.next, Some(ids[99]));

    let all = client.list_all(dir).await.unwrap();
    let listed: Vec<i64> = all.iter().map(|e| e.id).collect();
    assert_eq!(listed, ids[100..].to_vec());
    assert!(all.iter().all(|e| !e.trashed && e.parent_id == dir));
    assert_eq!(calls(&mock, "/api/v2/file/list"), 1 + 3);
    assert_eq!(all[0].name, "f100");
    assert_eq!(all[0].etag, panfm::api::md5_hex(b"f100"));
}

#[tokio::test]
async fn an_empty_folder_is_one_call() {
    let mock = mock().await;
    let dir = mock.put_dir(ROOT_DIR, "empty").unwrap();
    assert!(client(&mock).list_all(dir).await.unwrap().is_empty());
    assert_eq!(calls(&mock, "/api/v2/file/list"), 1);
}

#[tokio::test]
async fn search_finds_names_drive_wide() {
    let mock = mock().await;
    let a = mock.put_dir(ROOT_DIR, "a").unwrap();
    let b = mock.put_dir(a, "b").unwrap();
    mock.put_file(b, "年度报告 2024.pdf", b"x").await.unwrap();
    mock.put_file(ROOT_DIR, "报告.txt", b"y").await.unwrap();
    let client = client(&mock);
    let fuzzy = client
        .search_page("报告", SearchMode::Fuzzy, None)
        .await
        .unwrap();
    assert_eq!(fuzzy.entries.len(), 2);
    assert_eq!(fuzzy.next, None);
    let exact = client
        .search_page("年度报告 2024.pdf", SearchMode::Exact, None)
        .await
        .unwrap();
    assert_eq!(exact.entries.len(), 1);
    assert_eq!(exact.entries[0].parent_id, b);
}

#[tokio::test]
async fn detail_and_infos() {
    let mock = mock().await;
    let dir = mock.put_dir(ROOT_DIR, "docs").unwrap();
    let f1 = mock.put_file(dir, "one.txt", b"12345").await.unwrap();
    let f2 = mock.put_file(dir, "two.txt", b"123").await.unwrap();
    let client = client(&mock);

    let d = client.detail(dir).await.unwrap();
    assert_eq!(
        (d.kind, d.size, d.name.as_str()),
        (FileKind::Dir, 8, "docs")
    );
    let f = client.detail(f1).await.unwrap();
    assert_eq!((f.kind, f.size, f.parent_id), (FileKind::File, 5, dir));
    assert!(f.created_at.is_some());

    let infos = client.infos(&[f1, f2, 999_999]).await.unwrap();
    assert_eq!(infos.iter().map(|e| e.id).collect::<Vec<_>>(), vec![f1, f2]);
    mock.set_knobs(|k| k.infos_key_list = true);
    assert_eq!(client.infos(&[f2]).await.unwrap()[0].name, "two.txt");

    let missing = client.detail(999_999).await.unwrap_err();
    assert_eq!(missing.kind, panfm::api::ApiErrorKind::NotFound);
}
