//! View tests for the queue at a glance (the title's sparkline and ETA, the status line's
//! summary while transfers run) and for the view drawing where `app::layout` says it does,
//! which is what mouse clicks rely on.

use crate::app::layout;
use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{Model, Msg, Side, TransferMsg, update};
use crate::transfer::{BatchId, Direction, JobId, JobInfo, JobState, TransferEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const MIB: u64 = 1 << 20;

fn send(m: &mut Model, at: Instant, event: TransferEvent) {
    update(m, Msg::Transfer(TransferMsg::Event { at, event }));
}

/// One 16 MiB upload; `progress`: (ms after start, bytes done).
fn uploading(width: u16, state: JobState, progress: &[(u64, u64)]) -> Model {
    let mut m = loaded(width, 30, sample_left(), sample_right());
    m.transfers.enabled = true;
    let job = JobInfo {
        id: JobId(1),
        batch: BatchId(1),
        direction: Direction::Upload,
        name: "big.iso".into(),
        source: "/home/u/big.iso".into(),
        target: "big.iso".into(),
        size: 16 * MIB,
        state,
        done_bytes: 0,
        attempt: 0,
        retry_reason: None,
        refused: false,
        offline: None,
    };
    let t0 = Instant::now();
    send(&mut m, t0, TransferEvent::Added { job });
    for &(ms, done_bytes) in progress {
        let event = TransferEvent::Progress {
            job: JobId(1),
            done_bytes,
        };
        send(&mut m, t0 + Duration::from_millis(ms), event);
    }
    m
}

fn rows(m: &Model) -> Vec<String> {
    let (w, h) = (m.viewport.width, m.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, m)).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn row_with(rows: &[String], needle: &str) -> String {
    let found = rows.iter().find(|r| r.contains(needle));
    found
        .cloned()
        .unwrap_or_else(|| panic!("no {needle:?} in\n{}", rows.join("\n")))
}

#[test]
fn the_queue_title_has_the_last_minute_as_a_sparkline_and_the_eta() {
    let progress = [(0, MIB), (1000, 3 * MIB), (2000, 7 * MIB)];
    let mut m = uploading(120, JobState::Uploading, &progress);
    press(&mut m, "t");
    let title = row_with(&rows(&m), "Transfers:");
    // 1, 2 and 4 MiB in the last three seconds; 9 MiB left at 3 MiB/s.
    assert!(
        title.contains("· 3.0 MiB/s · 9.0 MiB left · ETA 0:03 "),
        "{title}"
    );
    let spark = format!("{}▃▅█ ─", "▁".repeat(57));
    assert!(title.contains(&spark), "{title}");
    // At 80 columns the minute takes 20 cells of three seconds each.
    let mut m = uploading(80, JobState::Uploading, &progress);
    press(&mut m, "t");
    let title = row_with(&rows(&m), "Transfers:");
    assert!(title.contains(&format!("{}█ ─", "▁".repeat(19))), "{title}");
}

#[test]
fn a_still_queue_has_no_sparkline_and_an_unknown_eta() {
    let mut m = uploading(120, JobState::Queued, &[]);
    press(&mut m, "t");
    let title = row_with(&rows(&m), "Transfers:");
    assert!(title.contains("Transfers: ↑1 ↓0 · ETA — ─"), "{title}");
    assert!(!title.contains('▁'), "{title}");
}

#[test]
fn ticks_age_the_sparkline() {
    let mut m = uploading(120, JobState::Uploading, &[(0, MIB), (900, 2 * MIB)]);
    let before = m.transfers.throughput.buckets();
    for _ in 0..30 {
        update(&mut m, Msg::Tick);
    }
    let after = m.transfers.throughput.buckets();
    assert_eq!(before[59], 2 * MIB);
    assert_eq!((after[56], after[59]), (2 * MIB, 0), "three seconds on");
}

#[test]
fn the_open_queue_keeps_ticking_after_the_last_transfer_until_its_sparkline_is_flat() {
    let mut m = uploading(120, JobState::Uploading, &[(0, MIB), (900, 2 * MIB)]);
    let done = TransferEvent::State {
        job: JobId(1),
        state: JobState::Done { reused: false },
    };
    send(&mut m, Instant::now(), done);
    assert_eq!(m.transfers.unfinished(), 0);
    assert!(!m.wants_tick(), "nothing to age while the queue is closed");
    press(&mut m, "t");
    assert!(
        m.wants_tick(),
        "the open queue's sparkline still shows bytes"
    );
    for _ in 0..(10 * 61) {
        update(&mut m, Msg::Tick);
    }
    assert!(m.transfers.throughput.buckets().iter().all(|b| *b == 0));
    assert!(!m.wants_tick(), "flat: no more ticks");
}

#[test]
fn the_status_line_sums_the_queue_up_while_no_message_shows() {
    let progress = [(0, MIB), (1000, 3 * MIB), (2000, 7 * MIB)];
    let mut m = uploading(100, JobState::Uploading, &progress);
    let status = rows(&m)[28].clone();
    assert_eq!(
        status.trim_end(),
        "Transfers ↑1 ↓0 · 0 of 1 · 3.0 MiB/s · ETA 0:03 · t: queue"
    );
    m.info("Copied 2 paths");
    assert_eq!(rows(&m)[28].trim_end(), "Copied 2 paths");
}

#[test]
fn pane_rows_are_drawn_where_the_layout_puts_them() {
    let mut m = loaded(100, 30, sample_left(), sample_right());
    press(&mut m, "<Tab> G");
    let pane = m.pane(Side::Right);
    assert!(pane.offset > 0);
    let list = layout::pane_list(layout::screen(100, 30).right);
    let rows = rows(&m);
    for k in [0, 7, usize::from(list.height) - 1] {
        let entry = pane.listing.get(pane.offset + k).unwrap();
        let row = &rows[usize::from(list.y) + k];
        let cells: String = row.chars().skip(usize::from(list.x)).collect();
        assert!(cells.trim_start().starts_with(&entry.name), "{row}");
    }
}
