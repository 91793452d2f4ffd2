//! The viewer on the demo drive through the real executor, reader and mock: a 256 MiB cloud
//! video opens from its first window, `G` reads its tail with one suffix range, `g g` goes back
//! to what is still held; the mock counts every byte served. And a small text file opens in
//! full and a URL is asked for once however many windows are read.

use super::Harness;
use panfm::app::Model;
use panfm::config::Command;
use panfm::fs::read::WINDOW;

/// The viewer shows what it was asked to, nothing is on its way.
fn settled(m: &Model) -> bool {
    m.viewer
        .as_ref()
        .is_some_and(|v| v.ready() && v.task.is_none() && v.pending.is_empty())
}

#[tokio::test]
async fn a_large_cloud_file_opens_jumps_to_the_end_and_back_reading_little() {
    let mut h = Harness::demo().await;
    h.cursor_to("视频");
    h.command(Command::Enter);
    h.until_loaded(panfm::app::Side::Right).await;
    h.cursor_to("2024 春节家庭聚会.mp4");
    let size = 268_447_801u64;
    h.command(Command::View);
    h.until("the first window", settled).await;
    let opened = h.mock.stats().download_bytes;
    h.command(Command::Bottom);
    h.until("the end shown", settled).await;
    let at_end = h.mock.stats().download_bytes;
    let v = h.model.viewer.as_ref().unwrap();
    let geo = v.geometry(h.model.viewport.width, h.model.viewport.height);
    assert!(v.hex && v.screen(geo).end, "the hex dump's last rows");
    assert!(v.top.at > size - 4096, "{}", v.top.at);
    h.command(Command::Top);
    h.until("the start shown", settled).await;
    let stats = h.mock.stats();
    let total = stats.download_bytes;
    println!(
        "viewer on a {size}-byte cloud file: {opened} bytes to open, {} more for G, {} more for g g; {total} in all ({} requests, {} suffix)",
        at_end - opened,
        total - at_end,
        stats.calls_to("/dl"),
        stats.suffix_downloads
    );
    assert!(total < 2 << 20, "{total} bytes fetched");
    assert_eq!(opened, 2 * WINDOW, "the first window and one ahead");
    assert_eq!(
        stats.suffix_downloads, 1,
        "G read the tail with a suffix range"
    );
    assert_eq!(
        stats.calls_to("/api/v1/file/download_info"),
        1,
        "one download URL for every window"
    );
    assert_eq!(h.model.viewer.as_ref().unwrap().top.at, 0);
}

#[tokio::test]
async fn a_cjk_text_file_shows_at_once_in_its_encoding() {
    let mut h = Harness::demo().await;
    h.cursor_to("欢迎使用 panfm.md");
    h.command(Command::Enter);
    h.until("the text", settled).await;
    let v = h.model.viewer.as_ref().unwrap();
    assert!(!v.hex);
    assert_eq!(v.encoding().name(), "UTF-8");
    let geo = v.geometry(h.model.viewport.width, h.model.viewport.height);
    let first: String = v.screen(geo).rows[0]
        .pieces
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(first, "# panfm demo · 1");
    assert_eq!(h.mock.stats().download_bytes, v.size());
    h.command(Command::Escape);
    assert!(h.model.viewer.is_none());
}

#[tokio::test]
async fn an_image_space_image_shows_its_pixels_from_a_range_of_its_link() {
    let mut h = Harness::demo().await;
    h.images_on(panfm::app::Side::Right).await;
    h.open(&["blog"]).await;
    h.cursor_to("hello-world.png");
    let before = h.mock.stats();
    h.command(Command::View);
    h.until("the image's header", settled).await;
    let v = h.model.viewer.as_ref().unwrap();
    let Some(panfm::fs::read::Kind::Image(info)) = v.kind else {
        panic!("{:?}", v.kind);
    };
    assert_eq!(info.format, "PNG");
    assert!(info.pixels.is_some_and(|(w, h)| w > 0 && h > 0), "{info:?}");
    assert!(v.hex);
    let after = h.mock.stats();
    assert_eq!(
        after.calls_to("/api/v1/file/download_info"),
        before.calls_to("/api/v1/file/download_info"),
        "the public link, not a drive URL"
    );
}
