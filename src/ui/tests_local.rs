//! View tests for local copies and deletes: the delete question while counting, with the
//! trash offered, and without a trash (80×24); a copy's row in the queue with its own mark.

use crate::app::testing::{dir, file, loaded, press};
use crate::app::{DeleteMsg, Modal, Model, Msg, TransferMsg, update};
use crate::fs::tally::Tally;
use crate::transfer::{BatchId, Direction, JobId, JobInfo, JobState, TransferEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Instant;

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                let symbol = buf[(x, y)].symbol();
                match skip {
                    0 => {
                        row.push_str(symbol);
                        skip = super::format::width(symbol).saturating_sub(1);
                    }
                    _ => skip -= 1,
                }
            }
            row + "\n"
        })
        .collect()
}

fn asking(width: u16, height: u16) -> Model {
    let left = vec![dir("照片 2024"), file("a.txt", 1)];
    let mut m = loaded(width, height, left, vec![]);
    press(&mut m, "<F8>");
    m
}

fn answer(m: &mut Model, msg: impl FnOnce(u64) -> DeleteMsg) {
    let Some(Modal::DeleteAsk(ask)) = &m.modal else {
        panic!()
    };
    let ticket = ask.ticket;
    update(m, Msg::Delete(msg(ticket)));
}

#[test]
fn the_delete_question_says_counting_then_what_the_folder_holds() {
    let mut m = asking(120, 35);
    let first = text(&screen(&m));
    assert!(first.contains("Delete 1 item from /l?"), "{first}");
    assert!(first.contains("照片 2024/"), "{first}");
    assert!(first.contains("Counting… 0 files, 0 B so far"), "{first}");
    assert!(first.contains("Checking the system trash…"), "{first}");
    let tally = Tally {
        files: 3000,
        folders: 41,
        bytes: 2 << 30,
        ..Tally::default()
    };
    answer(&mut m, |ticket| DeleteMsg::Trash {
        ticket,
        result: Ok(()),
    });
    answer(&mut m, |ticket| DeleteMsg::Counted {
        ticket,
        tally,
        done: true,
    });
    let done = text(&screen(&m));
    assert!(
        done.contains("In all: 3,000 files in 41 folders, 2.0 GiB"),
        "{done}"
    );
    assert!(
        done.contains("y / Enter: move to the system trash"),
        "{done}"
    );
    assert!(
        done.contains("D: delete for good (cannot be undone)"),
        "{done}"
    );
    assert!(
        done.contains("y to the trash  D for good  n cancel"),
        "{done}"
    );
}

#[test]
fn snapshot_delete_without_a_trash_80x24() {
    let mut m = asking(80, 24);
    answer(&mut m, |ticket| DeleteMsg::Trash {
        ticket,
        result: Err(
            "/mnt/usb is another file system than your home's, with no trash \
                     folder of its own"
                .into(),
        ),
    });
    let tally = Tally {
        files: 12,
        folders: 2,
        bytes: 5 << 20,
        ..Tally::default()
    };
    answer(&mut m, |ticket| DeleteMsg::Counted {
        ticket,
        tally,
        done: true,
    });
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn a_copy_row_has_its_own_mark_and_the_title_counts_copies() {
    let mut m = loaded(80, 24, vec![file("a.txt", 1)], vec![]);
    m.transfers.enabled = true;
    let job = JobInfo {
        id: JobId(1),
        batch: BatchId(1),
        direction: Direction::Copy,
        name: "big.iso".into(),
        source: "src/big.iso".into(),
        target: "/r/src/big.iso".into(),
        size: 4 << 20,
        state: JobState::Copying,
        done_bytes: 1 << 20,
        attempt: 1,
        retry_reason: None,
        refused: false,
        offline: None,
    };
    let at = Instant::now();
    let event = TransferEvent::Added { job };
    update(&mut m, Msg::Transfer(TransferMsg::Event { at, event }));
    let shown = text(&screen(&m));
    assert!(
        shown.contains("Transfers ↑0 ↓0 →1 · 0 of 1 · t: queue"),
        "{shown}"
    );
    press(&mut m, "t");
    let queue = text(&screen(&m));
    assert!(queue.contains("Transfers: ↑0 ↓0 →1"), "{queue}");
    let row = queue.lines().find(|l| l.contains("big.iso")).unwrap();
    assert!(
        row.contains("→ src/big.iso") && row.contains("copying"),
        "{row}"
    );
    assert!(row.contains(" 25%"), "{row}");
}

#[test]
fn quitting_with_a_queue_kept_in_memory_says_its_jobs_stop() {
    let mut m = loaded(80, 24, vec![file("a.txt", 1)], vec![]);
    (m.transfers.enabled, m.transfers.in_memory) = (true, true);
    let job = JobInfo {
        id: JobId(1),
        batch: BatchId(1),
        direction: Direction::Copy,
        name: "a.txt".into(),
        source: "l/a.txt".into(),
        target: "/r/a.txt".into(),
        size: 1,
        state: JobState::Queued,
        done_bytes: 0,
        attempt: 0,
        retry_reason: None,
        refused: false,
        offline: None,
    };
    let (at, event) = (Instant::now(), TransferEvent::Added { job });
    update(&mut m, Msg::Transfer(TransferMsg::Event { at, event }));
    press(&mut m, "q");
    let shown = text(&screen(&m));
    assert!(shown.contains("1 transfer is not finished"), "{shown}");
    assert!(
        shown.contains("They stop here: this session's queue is not saved"),
        "{shown}"
    );
    m.transfers.in_memory = false;
    assert!(text(&screen(&m)).contains("They continue from where they stopped"));
}
