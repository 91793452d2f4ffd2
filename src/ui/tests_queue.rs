//! View tests for transfers: the queue panel at 80×24 and 120×35 (paths below the batch's
//! root, reasons that use the row, no bar for jobs that stopped, the selected job's details)
//! and the question before an upload listing every file that will be refused.

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{AskCheck, Modal, Model, Msg, TransferAsk, TransferMsg, update};
use crate::transfer::{
    BatchId, CheckRefusal, ConflictInfo, ConflictPolicy, Direction, JobId, JobInfo, JobState,
    TransferEvent, TransferSpec, UploadCheck,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const REFUSED: &str = "the name contains the forbidden character `:` at position 2; 123pan \
                       refuses it";
const LOST: &str = "HTTP 503 from the upload server after 5 tries: the connection was reset \
                    by the peer while sending slice 3 of 8";

fn job(id: u64, path: &str, size: u64, state: JobState) -> JobInfo {
    JobInfo {
        id: JobId(id),
        batch: BatchId(1),
        direction: Direction::Upload,
        name: path.rsplit('/').next().unwrap_or(path).to_owned(),
        source: format!("/home/u/上传/{path}"),
        target: path.to_owned(),
        size,
        state,
        done_bytes: 0,
        attempt: 0,
        retry_reason: None,
        refused: false,
        offline: None,
    }
}

fn send(m: &mut Model, at: Instant, event: TransferEvent) {
    update(m, Msg::Transfer(TransferMsg::Event { at, event }));
}

/// A queue with one job of every kind: refused, failed part-way, moving, waiting, done…
fn queue_model(width: u16, height: u16) -> Model {
    let mut m = loaded(width, height, sample_left(), sample_right());
    m.transfers.enabled = true;
    let submitted = TransferMsg::Submitted {
        batch: BatchId(1),
        then: None,
        root: Some("cloud:/备份".into()),
    };
    update(&mut m, Msg::Transfer(submitted));
    let t0 = Instant::now();
    let failed = |reason: &str| JobState::Failed {
        reason: reason.into(),
    };
    let conflict = ConflictInfo {
        name: "f2.txt".into(),
        target: "/备份".into(),
        existing_is_dir: false,
        existing_size: Some(3),
        new_size: 2,
    };
    let mut refused = job(1, "a:b.txt", 0, failed(REFUSED));
    refused.refused = true;
    let mut lost = job(2, "子目录/medium.bin", 2 << 20, failed(LOST));
    (lost.done_bytes, lost.attempt) = (300 << 10, 5);
    lost.retry_reason = Some("HTTP 502 from the upload server".into());
    let jobs = [
        refused,
        lost,
        job(3, "子目录/深处/big.iso", 8 << 20, JobState::Uploading),
        job(4, "f1.txt", 2, JobState::Done { reused: false }),
        job(5, "f2.txt", 2, JobState::Conflict(conflict)),
        job(6, "f10.txt", 3, JobState::Queued),
        job(
            7,
            "sock",
            0,
            JobState::Skipped {
                reason: "not a regular file or folder; skipped".into(),
            },
        ),
    ];
    for info in jobs {
        send(&mut m, t0, TransferEvent::Added { job: info });
    }
    for (ms, done) in [(0, 1 << 20), (1000, 3 << 20)] {
        let progress = TransferEvent::Progress {
            job: JobId(3),
            done_bytes: done,
        };
        send(&mut m, t0 + Duration::from_millis(ms), progress);
    }
    m
}

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

#[test]
fn snapshot_queue_80x24() {
    let mut m = queue_model(80, 24);
    press(&mut m, "t");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn snapshot_queue_details_120x35() {
    let mut m = queue_model(120, 35);
    press(&mut m, "t g j i");
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn stopped_jobs_show_what_arrived_not_a_full_bar_and_reasons_use_the_row() {
    for width in [80, 120] {
        let mut m = queue_model(width, 30);
        press(&mut m, "t");
        let screen = text(&screen(&m));
        let row = |needle: &str| {
            let found = screen.lines().find(|l| l.contains(needle));
            found
                .unwrap_or_else(|| panic!("{needle}:\n{screen}"))
                .to_owned()
        };
        let refused = row("a:b.txt");
        assert!(
            !refused.contains('%') && !refused.contains('█'),
            "{refused}"
        );
        assert!(!refused.contains("0 B"), "nothing to show: {refused}");
        let lost = row("medium.bin");
        assert!(lost.contains("300 KiB of 2.0 MiB"), "{lost}");
        assert!(!lost.contains('%') && !lost.contains('█'), "{lost}");
        assert!(
            lost.contains("子目录/medium.bin"),
            "the path below the batch's root: {lost}"
        );
        let shown = |row: &str| {
            let reason = row.split("failed: ").nth(1).unwrap_or("");
            super::format::width(reason.split('…').next().unwrap_or(""))
        };
        // The panel's inner width less the arrow, the path column (子目录/深处/big.iso), a
        // space, `failed: ` and the ellipsis.
        let room = usize::from(width) - 2 - 2 - 19 - 1 - 8 - 1;
        let whole = |row: &str, reason: &str| row.contains(&format!("failed: {reason} "));
        assert!(
            whole(&refused, REFUSED) || shown(&refused) == room,
            "the reason gets the row: {refused}"
        );
        let tail = " 300 KiB of 2.0 MiB".len();
        assert!(
            whole(&lost, LOST) || shown(&lost) == room - tail,
            "…less what arrived: {lost}"
        );
        let moving = row("big.iso");
        assert!(
            moving.contains(" 37%") && moving.contains("2.0 MiB/s"),
            "{moving}"
        );
    }
}

fn upload_ask(check: AskCheck) -> TransferAsk {
    let spec = TransferSpec::Upload {
        sources: vec!["/l/子目录".into(), "/l/a:b.txt".into()],
        dest_dir: 7,
        policy: ConflictPolicy::Ask,
        fix_names: false,
    };
    let lines = vec!["  子目录".to_owned(), "  a:b.txt".to_owned()];
    let mut ask = TransferAsk::new("Upload 2 items to /备份?".into(), lines, spec, None, None);
    ask.check = check;
    ask
}

fn refusals(n: usize) -> UploadCheck {
    let mut refused: Vec<CheckRefusal> = (0..n)
        .map(|i| CheckRefusal {
            path: format!("子目录/q{i}?.txt"),
            reason: REFUSED.replace('`', "").replace(':', "?"),
            skip: false,
        })
        .collect();
    refused.insert(
        0,
        CheckRefusal {
            path: "a:b.txt".into(),
            reason: REFUSED.into(),
            skip: false,
        },
    );
    refused.push(CheckRefusal {
        path: "子目录/fifo".into(),
        reason: "not a regular file or folder; skipped".into(),
        skip: true,
    });
    UploadCheck {
        files: 12,
        bytes: 3 << 20,
        refused,
        cut: false,
    }
}

#[test]
fn snapshot_upload_question_lists_refusals_80x24() {
    let mut m = loaded(80, 24, sample_left(), sample_right());
    m.modal = Some(Modal::TransferAsk(upload_ask(AskCheck::Done(refusals(1)))));
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn the_upload_question_says_checking_then_scrolls_a_long_list() {
    let mut m = loaded(120, 35, sample_left(), sample_right());
    let running = AskCheck::Running { ticket: 1 };
    m.modal = Some(Modal::TransferAsk(upload_ask(running)));
    assert!(text(&screen(&m)).contains("Checking the files"));
    m.modal = Some(Modal::TransferAsk(upload_ask(AskCheck::Done(refusals(30)))));
    let first = text(&screen(&m));
    assert!(
        first.contains("Refused, not sent (31), and skipped (1):"),
        "{first}"
    );
    assert!(first.contains("j/k: scroll (1-"), "{first}");
    assert!(
        first.contains("a:b.txt") && !first.contains("子目录/fifo"),
        "{first}"
    );
    press(&mut m, &["j"; 40].join(" "));
    let last = text(&screen(&m));
    assert!(
        last.contains("子目录/fifo") && !last.contains("a:b.txt:"),
        "{last}"
    );
    assert!(last.contains("of 32)"), "{last}");
    let cut = UploadCheck {
        cut: true,
        ..refusals(0)
    };
    m.modal = Some(Modal::TransferAsk(upload_ask(AskCheck::Done(cut))));
    let cut = text(&screen(&m));
    assert!(
        cut.contains("Checked the first 20,000 entries (the rest is"),
        "{cut}"
    );
}
