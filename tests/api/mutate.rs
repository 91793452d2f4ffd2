//! mkdir, rename, move, trash/recover/delete and copy, with the batch chunk counts.

use std::time::Duration;

use panfm::api::{ApiErrorKind, ROOT_DIR};

use crate::common::{calls, client, mock};

#[tokio::test]
async fn mkdir_and_its_name_clash() {
    let mock = mock().await;
    let client = client(&mock);
    let id = client.mkdir(ROOT_DIR, "照片 2024").await.unwrap();
    let entry = mock.entry(id).unwrap();
    assert!(entry.is_dir && entry.name == "照片 2024" && entry.parent == ROOT_DIR);
    let clash = client.mkdir(ROOT_DIR, "照片 2024").await.unwrap_err();
    assert_eq!(clash.kind, ApiErrorKind::Conflict);
    assert_eq!(calls(&mock, "/upload/v1/file/mkdir"), 2);
    let bad = client.mkdir(ROOT_DIR, "a:b").await.unwrap_err();
    assert!(
        matches!(bad.kind, ApiErrorKind::InvalidName),
        "{bad} ({:?})",
        bad.kind
    );
}

#[tokio::test]
async fn rename_one_and_many() {
    let mock = mock().await;
    let dir = mock.put_dir(ROOT_DIR, "d").unwrap();
    let mut ids = Vec::new();
    for i in 0..65 {
        ids.push(mock.put_file(dir, &format!("old{i}"), &[i]).await.unwrap());
    }
    let client = client(&mock);
    client.rename(ids[0], "first.txt").await.unwrap();
    assert_eq!(mock.entry(ids[0]).unwrap().name, "first.txt");
    let clash = client.rename(ids[1], "first.txt").await.unwrap_err();
    assert_eq!(clash.kind, ApiErrorKind::Conflict);

    let items: Vec<(i64, String)> = ids.iter().map(|&id| (id, format!("new{id}"))).collect();
    let report = client.rename_many(&items).await.unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(
        calls(&mock, "/api/v1/file/rename"),
        3,
        "65 renames = 30 + 30 + 5"
    );
    assert!(
        ids.iter()
            .all(|&id| mock.entry(id).unwrap().name == format!("new{id}"))
    );

    // A clash inside a batch comes back per item.
    let report = client
        .rename_many(&[(ids[0], format!("new{}", ids[1])), (ids[2], "fine".into())])
        .await
        .unwrap();
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].id, ids[0]);
    assert_eq!(mock.entry(ids[2]).unwrap().name, "fine");
}

#[tokio::test]
async fn move_in_chunks_of_one_hundred() {
    let mock = mock().await;
    let from = mock.put_dir(ROOT_DIR, "from").unwrap();
    let to = mock.put_dir(ROOT_DIR, "to").unwrap();
    let mut ids = Vec::new();
    for i in 0..250 {
        ids.push(
            mock.put_file(from, &format!("f{i}"), b"same")
                .await
                .unwrap(),
        );
    }
    let client = client(&mock);
    client.move_to(&ids, to).await.unwrap();
    assert_eq!(
        calls(&mock, "/api/v1/file/move"),
        3,
        "250 moves = 100 + 100 + 50"
    );
    assert_eq!(mock.children(to).len(), 250);
    assert!(mock.children(from).is_empty());

    let again = client.move_to(&ids[..1], to).await.unwrap_err();
    assert_eq!(again.completed, 0);
    assert_eq!(again.error.kind, ApiErrorKind::Conflict, "{}", again.error);
}

#[tokio::test]
async fn trash_recover_and_delete() {
    let mock = mock().await;
    let dir = mock.put_dir(ROOT_DIR, "d").unwrap();
    let other = mock.put_dir(ROOT_DIR, "other").unwrap();
    let a = mock.put_file(dir, "a", b"a").await.unwrap();
    let b = mock.put_file(dir, "b", b"b").await.unwrap();
    let client = client(&mock);

    client.trash(&[a, b]).await.unwrap();
    assert!(mock.entry(a).unwrap().trashed);
    assert!(client.list_all(dir).await.unwrap().is_empty());

    assert!(client.recover(&[a]).await.unwrap().is_empty());
    assert!(!mock.entry(a).unwrap().trashed);
    client.recover_to(&[b], other).await.unwrap();
    let b_entry = mock.entry(b).unwrap();
    assert!(!b_entry.trashed && b_entry.parent == other);

    let not_trashed = client.delete(&[a]).await.unwrap_err();
    assert_eq!(not_trashed.completed, 0);
    client.trash(&[a]).await.unwrap();
    client.delete(&[a]).await.unwrap();
    assert!(mock.entry(a).is_none());
}

#[tokio::test]
async fn copy_one_and_async() {
    let mock = mock().await;
    let src = mock.put_dir(ROOT_DIR, "src").unwrap();
    let dst = mock.put_dir(ROOT_DIR, "dst").unwrap();
    let f = mock.put_file(src, "x.bin", b"payload").await.unwrap();
    let g = mock.put_file(src, "y.bin", b"other").await.unwrap();
    let client = client(&mock);

    let copied = client.copy(f, dst).await.unwrap();
    assert_ne!(copied, f);
    assert_eq!(mock.file_bytes(copied).await.unwrap(), b"payload");

    let target = mock.put_dir(ROOT_DIR, "async").unwrap();
    let tasks = client.copy_async(&[f, g], target).await.unwrap();
    assert_eq!(tasks.len(), 1);
    client
        .copy_wait(
            tasks[0],
            panfm::api::Patience::new(Duration::from_millis(20), Duration::from_secs(30)),
        )
        .await
        .unwrap();
    let mut names: Vec<String> = mock.children(target).into_iter().map(|e| e.name).collect();
    names.sort();
    assert_eq!(names, vec!["x.bin", "y.bin"]);
}
