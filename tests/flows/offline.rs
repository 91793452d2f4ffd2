//! An offline download through the real executor and engine: `w` in a cloud folder, a URL on
//! a loopback server pasted (and one nothing answers), Enter; the queue rows follow the
//! drive's progress to done (or the reason it failed), the folder's listing shows the new file,
//! and the drive holds it with its real MD5.

use crate::Harness;
use crate::web::{Web, dead_url};
use panfm::app::{Msg, Side};
use panfm::runtime::dispatch;
use panfm::transfer::{Direction, JobState};

#[tokio::test]
async fn w_fetches_a_url_into_the_cloud_folder_and_the_pane_shows_it() {
    let content: Vec<u8> = (0..123_456u32).map(|i| (i % 241) as u8).collect();
    let web = Web::serve(&[("pub/手册.pdf", content.clone())]);
    let mut h = Harness::demo().await;
    h.cursor_to("文档");
    h.key(crossterm::event::KeyCode::Enter);
    h.until_loaded(Side::Right).await;
    h.press("w");
    let urls = format!("{}\n{}", web.url("pub/%E6%89%8B%E5%86%8C.pdf"), dead_url());
    dispatch(&mut h.model, &mut h.executor, Msg::Paste(urls));
    h.press("<Enter>");
    h.until("both tasks to end", |m| {
        let ended = m
            .transfers
            .jobs
            .iter()
            .filter(|j| j.info.direction == Direction::Offline && j.info.state.is_finished());
        ended.count() == 2
    })
    .await;
    let row = &h.model.transfers.jobs[0].info;
    assert_eq!(row.state, JobState::Done { reused: false }, "{row:?}");
    assert_eq!(row.target, "/文档/手册.pdf");
    assert!(row.offline.is_some_and(|t| t.percent == 100), "{row:?}");
    match &h.model.transfers.jobs[1].info.state {
        JobState::Failed { reason } => assert!(reason.contains("无法连接"), "{reason}"),
        other => panic!("{other:?}"),
    }
    h.until("the folder to show the file", |m| {
        m.pane(Side::Right)
            .listing
            .visible()
            .any(|e| e.name == "手册.pdf")
    })
    .await;
    let id = h.mock.id_of("/文档/手册.pdf").unwrap();
    assert_eq!(h.mock.file_bytes(id).await.unwrap(), content);
}
