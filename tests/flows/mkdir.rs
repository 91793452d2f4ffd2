//! The new-folder prompt given a path (`备份/2026/一月`) through the real executor and the
//! mock: every missing level is made with the calls `panfm mkdir -p` makes, the first level
//! lands in the pane without a listing and under the cursor, and the new folders open from
//! the cache. On the image space the same walk runs against image folders.

use crate::Harness;
use panfm::app::{Modal, Side};

const LIST: &str = "/api/v2/file/list";
const MKDIR: &str = "/upload/v1/file/mkdir";

#[tokio::test]
async fn a_path_makes_each_missing_level_and_the_pane_lists_nothing() {
    let mut h = Harness::demo().await;
    let lists = h.mock.stats().calls_to(LIST);
    h.press("a");
    h.type_text("备份/2026/一月");
    h.press("<Enter>");
    h.until("mkdir finished", |m| m.ops.is_empty()).await;
    assert!(
        !h.model.focused().is_loading(),
        "the root is not listed again"
    );
    assert!(h.mock.id_of("/备份/2026/一月").is_some());
    assert_eq!(h.mock.stats().calls_to(MKDIR), 3);
    let pane = h.model.focused();
    assert_eq!(pane.current().unwrap().name, "备份", "the cursor is on it");
    assert_eq!(
        h.model.status.as_ref().unwrap().text,
        "Created 备份/2026/一月"
    );
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    assert_eq!(h.names(), ["2026"]);
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    assert_eq!(h.names(), ["一月"]);
    assert_eq!(
        h.mock.stats().calls_to(LIST),
        lists,
        "the root came from the pane's cache, the new folders are known"
    );

    // Existing levels are reused; the cursor lands on the first one.
    h.press("<Left> <Left>");
    h.until_loaded(Side::Right).await;
    h.open(&["文档"]).await;
    h.press("G a");
    h.type_text("工作/报告");
    h.press("<Enter>");
    h.until("mkdir finished", |m| m.ops.is_empty()).await;
    assert!(h.mock.id_of("/文档/工作/报告").is_some());
    assert_eq!(h.model.focused().current().unwrap().name, "工作");
    assert_eq!(h.mock.stats().calls_to(MKDIR), 4, "only 报告 was made");

    // Every level there already: said, nothing made.
    h.press("a");
    h.type_text("工作/报告");
    h.press("<Enter>");
    h.until("mkdir finished", |m| m.ops.is_empty()).await;
    let Some(Modal::Report { lines, .. }) = &h.model.modal else {
        panic!("a report: {:?}", h.model.status)
    };
    assert_eq!(lines, &["工作/报告: already exists"]);
    assert_eq!(h.mock.stats().calls_to(MKDIR), 4);
}

#[tokio::test]
async fn a_path_in_an_image_folder_makes_each_missing_level() {
    let mut h = Harness::demo().await;
    h.images_on(Side::Right).await;
    h.open(&["blog"]).await;
    h.press("a");
    h.type_text("2026/三月");
    h.press("<Enter>");
    h.until("mkdir finished", |m| m.ops.is_empty()).await;
    h.until_loaded(Side::Right).await;
    assert!(h.mock.image_id_of("/blog/2026/三月").is_some());
    assert_eq!(h.model.focused().current().unwrap().name, "2026");
    h.press("<Enter>");
    h.until_loaded(Side::Right).await;
    assert_eq!(h.names(), ["三月"]);
}
