//! Image folders, listings with the string cursor and time window, detail URLs, move and
//! delete in chunks.

use chrono::{TimeZone, Utc};
use panfm::api::{ApiErrorKind, FileKind, IMAGE_ROOT, TimeWindow};

use super::support::{png, vip_client};
use crate::common::{calls, client, mock};

const LIST: &str = "/api/v1/oss/file/list";

#[tokio::test]
async fn mkdir_list_and_detail_with_fetchable_urls() {
    let mock = mock().await;
    let client = client(&mock);
    let blog = client.image_mkdir(IMAGE_ROOT, "blog").await.unwrap();
    let year = client.image_mkdir(&blog, "2024").await.unwrap();
    assert_eq!(mock.image_id_of("/blog/2024"), Some(year.clone()));
    let clash = client.image_mkdir(IMAGE_ROOT, "blog").await.unwrap_err();
    assert_eq!(clash.kind, ApiErrorKind::Conflict);
    let bytes = png(3_000, 1);
    let img = mock.put_image(&blog, "hello.png", &bytes).await.unwrap();

    let root = client
        .image_list_all(IMAGE_ROOT, TimeWindow::default())
        .await
        .unwrap();
    assert_eq!(root.len(), 1);
    assert_eq!(root[0].id, blog);
    assert!(root[0].is_dir() && root[0].download_url.is_none());
    // Root items name the root's own folder, not "".
    assert_eq!(root[0].parent_id, mock.image_root_id());
    assert_eq!(root[0].parent_name, "img_oss");

    let items = client
        .image_list_all(&blog, TimeWindow::default())
        .await
        .unwrap();
    let names: Vec<&str> = items.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["hello.png", "2024"], "newest first");

    let entry = client.image_detail(&img).await.unwrap();
    assert_eq!(entry.kind, FileKind::File);
    assert_eq!((entry.size, entry.extension.as_str()), (3_000, "png"));
    assert_eq!(entry.etag, panfm::api::md5_hex(&bytes));
    assert_eq!(entry.parent_id, blog);
    assert!(entry.created_at.is_some());
    for url in [entry.download_url.unwrap(), entry.user_self_url.unwrap()] {
        let fetched = client.http().get(&url).send().await.unwrap();
        assert_eq!(fetched.status(), 200);
        assert_eq!(fetched.bytes().await.unwrap(), bytes.as_slice());
    }
    assert_eq!(
        client.image_detail(&img).await.unwrap().total_traffic,
        6_000
    );
    let missing = client.image_detail("no-such-image").await.unwrap_err();
    assert_eq!(missing.kind, ApiErrorKind::NotFound);
}

#[tokio::test]
async fn listing_follows_the_string_cursor_until_minus_one() {
    let mock = mock().await;
    let dir = mock.put_image_dir("", "many").unwrap();
    for i in 0..250u16 {
        let bytes = png(64, 0)
            .into_iter()
            .chain(i.to_le_bytes())
            .collect::<Vec<_>>();
        mock.put_image(&dir, &format!("{i:03}.png"), &bytes)
            .await
            .unwrap();
    }
    let client = client(&mock);
    let first = client
        .image_list_page(&dir, TimeWindow::default(), None)
        .await
        .unwrap();
    assert_eq!(first.entries.len(), 100);
    assert_eq!(first.entries[0].name, "249.png");
    let cursor = first.next.clone().expect("more pages");
    let second = client
        .image_list_page(&dir, TimeWindow::default(), Some(&cursor))
        .await
        .unwrap();
    assert_eq!(second.entries[0].name, "149.png");
    let before = calls(&mock, LIST);
    let all = client
        .image_list_all(&dir, TimeWindow::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 250);
    assert_eq!(calls(&mock, LIST) - before, 3, "100 + 100 + 50");
    let mut names: Vec<String> = all.into_iter().map(|e| e.name).collect();
    names.dedup();
    assert_eq!(names.len(), 250);
}

#[tokio::test]
async fn the_time_window_reaches_the_server() {
    let mock = mock().await;
    let day = |d: u32| Utc.with_ymd_and_hms(2024, 11, d, 0, 0, 0).unwrap();
    for (i, d) in [1u32, 2, 3, 4].into_iter().enumerate() {
        let id = mock
            .put_image("", &format!("d{d}.gif"), &png(20, i as u8))
            .await
            .unwrap();
        mock.set_image_created(&id, day(d).timestamp());
    }
    let client = client(&mock);
    let window = TimeWindow {
        start: Some(day(2)),
        end: Some(day(3)),
    };
    let got = client.image_list_all(IMAGE_ROOT, window).await.unwrap();
    let names: Vec<&str> = got.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["d3.gif", "d2.gif"]);
    let open_end = TimeWindow {
        start: Some(day(4)),
        end: None,
    };
    assert_eq!(
        client
            .image_list_all(IMAGE_ROOT, open_end)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn move_and_delete_go_in_chunks_of_100() {
    let mock = mock().await;
    let from = mock.put_image_dir("", "from").unwrap();
    let to = mock.put_image_dir("", "to").unwrap();
    let mut ids = Vec::new();
    for i in 0..150u8 {
        ids.push(
            mock.put_image(&from, &format!("{i}.png"), &png(30, i))
                .await
                .unwrap(),
        );
    }
    let client = vip_client(&mock);
    client.image_move(&ids, &to).await.unwrap();
    assert_eq!(calls(&mock, "/api/v1/oss/file/move"), 2);
    assert_eq!(mock.image_children(&to).len(), 150);
    assert!(mock.image_children(&from).is_empty());

    // A bad id in the second chunk: the first chunk is done, the second refused whole.
    let mut doomed = ids.clone();
    doomed[120] = "missing".to_owned();
    let err = client.image_delete(&doomed).await.unwrap_err();
    assert_eq!(err.completed, 100);
    assert_eq!(err.error.kind, ApiErrorKind::NotFound);
    assert_eq!(mock.image_children(&to).len(), 50);
    client.image_delete(&ids[100..]).await.unwrap();
    assert!(mock.image_children(&to).is_empty());
    assert_eq!(calls(&mock, "/api/v1/oss/file/delete"), 3);
}
