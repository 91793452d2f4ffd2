//! The preview panel on the demo drive through the real executor, reader and mock: ten cloud
//! images previewed one after another cost one small range each (the mock counts the bytes)
//! and one download URL each, coming back to them costs nothing; a 256 MiB video costs one
//! head; a cursor that runs over entries reads only where it stops; a folder shows its counts;
//! an image-space image is read through its public link.

use super::Harness;
use panfm::app::Model;
use panfm::app::preview::{HEAD_BYTES, Shown};
use panfm::fs::read::Kind;

/// The panel shows the cursor entry's preview, nothing is on its way.
fn settled(m: &Model) -> bool {
    let p = &m.preview;
    let on_cursor = p.subject.as_ref().map(|s| &s.entry) == m.focused().current();
    on_cursor && p.settled()
}

fn shown_kind(m: &Model) -> Option<Kind> {
    match &m.preview.shown {
        Some(Shown::File(head)) => Some(head.kind),
        _ => None,
    }
}

#[tokio::test]
async fn ten_cloud_images_cost_one_small_range_each_and_a_revisit_none() {
    let mut h = Harness::demo().await;
    h.open(&["照片", "2024 春节"]).await;
    h.cursor_to("IMG_0001.png");
    let before = h.mock.stats();
    h.press("z");
    for i in 1..=10 {
        if i > 1 {
            h.press("j");
        }
        h.until("the preview", settled).await;
        let Some(Kind::Image(info)) = shown_kind(&h.model) else {
            panic!("{i}: {:?}", h.model.preview.shown);
        };
        assert_eq!((info.format, info.pixels), ("PNG", Some((160, 120))));
    }
    let after = h.mock.stats();
    let bytes = after.download_bytes - before.download_bytes;
    let ranges = after.calls_to("/dl") - before.calls_to("/dl");
    let urls = after.calls_to("/api/v1/file/download_info")
        - before.calls_to("/api/v1/file/download_info");
    println!(
        "preview of 10 cloud images: {bytes} bytes in {ranges} ranged reads ({} per preview), {urls} download URLs",
        bytes / 10
    );
    assert!(bytes <= 10 * HEAD_BYTES, "{bytes} bytes fetched");
    assert_eq!(ranges, 10, "one read a file");
    assert_eq!(urls, 10, "one URL a file");
    assert_eq!(h.model.preview.fetched, bytes);
    h.press("k k k");
    h.until("the cached preview", settled).await;
    assert!(shown_kind(&h.model).is_some());
    assert_eq!(
        h.mock.stats().download_bytes,
        after.download_bytes,
        "served from the cache"
    );
}

#[tokio::test]
async fn a_huge_file_costs_one_head_a_running_cursor_reads_where_it_stops() {
    let mut h = Harness::demo().await;
    h.open(&["视频"]).await;
    h.cursor_to("2024 春节家庭聚会.mp4");
    let before = h.mock.stats().download_bytes;
    h.press("z");
    h.until("the video's head", settled).await;
    assert_eq!(h.mock.stats().download_bytes - before, HEAD_BYTES);
    assert_eq!(shown_kind(&h.model), Some(Kind::Binary));
    // Up over the other entries to the folder: only the folder is looked at.
    let dl = h.mock.stats().calls_to("/dl");
    h.cursor_to("待审核");
    h.until("the folder", settled).await;
    let Some(Shown::Dir(folder)) = &h.model.preview.shown else {
        panic!("{:?}", h.model.preview.shown);
    };
    assert_eq!((folder.dirs, folder.files, folder.complete), (0, 1, true));
    assert_eq!(
        h.mock.stats().calls_to("/dl"),
        dl,
        "no file read on the way"
    );
}

#[tokio::test]
async fn an_image_space_image_shows_its_pixels_from_its_public_link() {
    let mut h = Harness::demo().await;
    h.images_on(panfm::app::Side::Right).await;
    h.open(&["blog"]).await;
    h.cursor_to("hello-world.png");
    let before = h.mock.stats();
    h.press("z");
    h.until("the image's header", settled).await;
    let Some(Kind::Image(info)) = shown_kind(&h.model) else {
        panic!("{:?}", h.model.preview.shown);
    };
    assert_eq!(info.format, "PNG");
    assert!(info.pixels.is_some(), "{info:?}");
    let after = h.mock.stats();
    assert!(after.download_bytes - before.download_bytes <= HEAD_BYTES);
    assert_eq!(
        after.calls_to("/api/v1/file/download_info"),
        before.calls_to("/api/v1/file/download_info"),
        "the public link, not a drive URL"
    );
}
