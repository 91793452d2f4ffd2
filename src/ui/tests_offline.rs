//! View tests for offline downloads: the dialog at 80×24 (the drive's own folder standing in
//! for the root, a refusal) and 120×35 (URLs scrolled sideways, the cursor in the field), and
//! queue rows with the server's percentage, the task id and a failed task's reason.

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{Modal, Model, Msg, OfflineAsk, TransferMsg, update};
use crate::transfer::{BatchId, Direction, JobId, JobInfo, JobState, OfflineTask, TransferEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Instant;

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn dialog(width: u16, height: u16, ask: OfflineAsk) -> Model {
    let mut m = loaded(width, height, sample_left(), sample_right());
    m.transfers.enabled = true;
    m.modal = Some(Modal::Offline(ask));
    m
}

#[test]
fn snapshot_offline_dialog_refusal_80x24() {
    let why = Some("the drive does not fetch into the root".to_owned());
    let mut m = dialog(80, 24, OfflineAsk::new(None, "/来自:离线下载".into(), why));
    update(
        &mut m,
        Msg::Paste("sftp://mirror.example/debian.iso".into()),
    );
    press(&mut m, "<Enter>");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_offline_dialog_120x35() {
    let mut m = dialog(120, 35, OfflineAsk::new(Some(7), "/软件/镜像".into(), None));
    let urls = "https://mirrors.example.org/ubuntu/releases/24.04/ubuntu-24.04-desktop-amd64.iso \
                https://downloads.example.com/tools/panfm-v0.2.0-x86_64-linux.tar.gz";
    update(&mut m, Msg::Paste(urls.into()));
    let mut t = screen(&m);
    let cursor = t.get_cursor_position().unwrap();
    let rendered = t.backend().to_string();
    let row = rendered.lines().position(|l| l.contains("│ URLs "));
    assert_eq!(Some(usize::from(cursor.y)), row, "in the URLs row");
    let line = rendered.lines().nth(usize::from(cursor.y)).unwrap();
    assert!(
        line.contains("x86_64-linux.tar.gz  │"),
        "the end shows: {line}"
    );
    insta::assert_snapshot!(t.backend_mut());
}

fn offline_job(id: u64, name: &str, state: JobState) -> JobInfo {
    JobInfo {
        id: JobId(id),
        batch: BatchId(2),
        direction: Direction::Offline,
        name: name.into(),
        source: format!("https://downloads.example.com/{name}"),
        target: format!("/来自:离线下载/{name}"),
        size: 0,
        state,
        done_bytes: 0,
        attempt: 1,
        retry_reason: None,
        refused: false,
        offline: None,
    }
}

fn queue(width: u16, height: u16) -> Model {
    let mut m = loaded(width, height, sample_left(), sample_right());
    m.transfers.enabled = true;
    let at = Instant::now();
    let mut send = |event| update(&mut m, Msg::Transfer(TransferMsg::Event { at, event }));
    let failed = JobState::Failed {
        reason: "the drive says: 下载失败，HTTP 404 Not Found".into(),
    };
    let jobs = [
        offline_job(1, "ubuntu-24.04.iso", JobState::Downloading),
        offline_job(2, "notes.pdf", JobState::Done { reused: false }),
        offline_job(3, "gone.tar.gz", failed),
        offline_job(4, "later.zip", JobState::Queued),
    ];
    for job in jobs {
        send(TransferEvent::Added { job });
    }
    for (job, percent) in [(1, 42), (2, 100), (3, 0)] {
        let task = OfflineTask {
            id: 394_756 + job,
            percent,
            retrying: false,
        };
        send(TransferEvent::Fetching {
            job: JobId(job as u64),
            task,
        });
    }
    m
}

#[test]
fn snapshot_offline_queue_80x24() {
    let mut m = queue(80, 24);
    press(&mut m, "t");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn offline_rows_show_the_servers_progress_and_reasons() {
    let mut m = queue(120, 35);
    press(&mut m, "t g i");
    let text = format!("{:?}", screen(&m).backend());
    let row = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}:\n{text}"))
            .to_owned()
    };
    let running = row("ubuntu-24.04.iso the drive fetches");
    assert!(
        running.contains("⇣") && running.contains(" 42%"),
        "{running}"
    );
    assert!(running.contains("task 394757"), "{running}");
    assert!(
        !running.contains("B/s") && !running.contains(" 0 B"),
        "no bytes: {running}"
    );
    let failed = row("gone.tar.gz");
    assert!(failed.contains("HTTP 404"), "{failed}");
    assert!(failed.contains("task 394759"), "{failed}");
    assert!(row("Transfers: ↑0 ↓0 ⇣2").contains("╭"));
    assert!(row("From   https://downloads.example.com/ubuntu-24.04.iso").contains('│'));
    assert!(row("42% fetched by the drive (task 394757)").contains("Size"));
}
