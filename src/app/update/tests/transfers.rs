//! Transfers in update(): the question, submitting, engine events, moves across sides, the
//! queue panel's controls and quitting with unfinished jobs.

use crate::app::testing::{dir, file, press};
use crate::app::*;
use crate::config::{Keymap, Layer, Styles};
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, Location};
use crate::transfer::*;
use pretty_assertions::assert_eq;
use std::time::{Duration, Instant};

/// Left: local `/l` with `a.txt` (5 B) and dir `d`; right: cloud `/up` (id 7). Focus left.
pub(super) fn model() -> Model {
    let up = Location::Cloud(CloudDir::root().child(7, "up"));
    let mut m = Model::new(
        Location::Local("/l".into()),
        up,
        Keymap::default_map().unwrap(),
        Styles::colored(),
    );
    m.cloud_enabled = true;
    m.transfers.enabled = true;
    update(
        &mut m,
        Msg::Resize {
            width: 100,
            height: 30,
        },
    );
    let cloud = vec![Entry::new(
        EntryKey::Cloud(3),
        "c.bin".into(),
        EntryKind::File,
        9,
        Some(1_700_000_000),
    )];
    for (effect, entries) in start(&mut m)
        .into_iter()
        .zip([vec![file("a.txt", 5), dir("d")], cloud])
    {
        let Effect::List { side, ticket, .. } = effect else {
            continue;
        };
        update(
            &mut m,
            Msg::Listing(ListingMsg::Page {
                side,
                ticket,
                entries,
            }),
        );
        update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    }
    m
}

/// The one batch submitted among `effects` (an upload's question also starts its check).
fn submitted(effects: &[Effect]) -> (TransferSpec, Option<OpSpec>) {
    let submits: Vec<_> = effects
        .iter()
        .filter(|e| !matches!(e, Effect::CheckUpload { .. }))
        .collect();
    match submits.as_slice() {
        [Effect::Transfer(TransferCmd::Submit { spec, then, .. })] => (spec.clone(), then.clone()),
        other => panic!("expected a submit, got {other:?}"),
    }
}

fn job(id: u64, batch: u64, state: JobState) -> JobInfo {
    JobInfo {
        id: JobId(id),
        batch: BatchId(batch),
        direction: Direction::Upload,
        name: format!("f{id}"),
        source: String::new(),
        target: String::new(),
        size: 100,
        state,
        done_bytes: 0,
        attempt: 1,
        retry_reason: None,
        refused: false,
        offline: None,
    }
}

pub(super) fn event(m: &mut Model, event: TransferEvent) -> Vec<Effect> {
    update(
        m,
        Msg::Transfer(TransferMsg::Event {
            at: Instant::now(),
            event,
        }),
    )
}

#[test]
fn upload_question_sets_policy_and_names_then_submits() {
    let mut m = model();
    press(&mut m, "<Space> <Space> <F5>");
    assert_eq!(m.layer(), Layer::Confirm);
    let Some(Modal::TransferAsk(ask)) = &m.modal else {
        panic!()
    };
    assert!(
        ask.title.starts_with("Upload 2 items to /up?"),
        "{}",
        ask.title
    );
    press(&mut m, "p p f");
    let (spec, then) = submitted(&press(&mut m, "y"));
    assert_eq!(
        spec,
        TransferSpec::Upload {
            sources: vec!["/l/d".into(), "/l/a.txt".into()],
            dest_dir: 7,
            policy: ConflictPolicy::Overwrite,
            fix_names: true,
        }
    );
    assert_eq!(then, None, "a copy deletes nothing");
}

#[test]
fn download_carries_the_cloud_items() {
    let mut m = model();
    press(&mut m, "<Tab> c");
    let (spec, _) = submitted(&press(&mut m, "<Enter>"));
    let item = CloudItem {
        id: 3,
        name: "c.bin".into(),
        is_dir: false,
        size: 9,
        etag: String::new(),
        modified: Some(1_700_000_000),
    };
    assert_eq!(
        spec,
        TransferSpec::Download {
            sources: vec![item],
            dest_dir: "/l".into(),
            policy: ConflictPolicy::Ask
        }
    );
}

#[test]
fn a_move_deletes_the_originals_only_after_every_file_arrived() {
    for (failed, deletes) in [(0, true), (1, false)] {
        let mut m = model();
        let (_, then) = submitted(&press(&mut m, "m y"));
        let then = then.expect("a move has a follow-up");
        assert!(matches!(
            then,
            OpSpec::Delete {
                at: Location::Local(_),
                ..
            }
        ));
        update(
            &mut m,
            Msg::Transfer(TransferMsg::Submitted {
                batch: BatchId(4),
                then: Some(then),
                root: None,
            }),
        );
        event(
            &mut m,
            TransferEvent::Planned {
                batch: BatchId(4),
                direction: Direction::Upload,
                files: 2,
                bytes: 10,
            },
        );
        for (parent, id) in [(7, Some(40)), (7, Some(41)), (12, Some(42)), (7, None)] {
            let batch = BatchId(4);
            event(&mut m, TransferEvent::Created { batch, parent, id });
        }
        let effects = event(
            &mut m,
            TransferEvent::BatchDone {
                batch: BatchId(4),
                ok: 2 - failed,
                failed,
                skipped: 0,
                cancelled: 0,
                reused_bytes: 0,
            },
        );
        let deleted = effects.iter().any(|e| {
            matches!(
                e,
                Effect::Op {
                    spec: OpSpec::Delete { .. },
                    ..
                }
            )
        });
        assert_eq!(deleted, deletes, "failed = {failed}");
        assert!(
            !effects.iter().any(|e| matches!(e, Effect::List { .. })),
            "no pane lists again"
        );
        let adopt = Effect::Adopt {
            made: vec![(7, None), (7, Some(40)), (7, Some(41))],
            forget: vec![12],
        };
        assert!(effects.contains(&adopt), "{effects:?}");
        if failed > 0 {
            assert!(m.status.unwrap().text.contains("Kept the originals"));
        }
    }
}

#[test]
fn the_finish_message_names_the_batch_direction() {
    for (direction, verb) in [
        (Direction::Download, "Download finished"),
        (Direction::Upload, "Upload finished"),
    ] {
        let mut m = model();
        let planned = TransferEvent::Planned {
            batch: BatchId(7),
            direction,
            files: 1,
            bytes: 3,
        };
        event(&mut m, planned);
        let done = TransferEvent::BatchDone {
            batch: BatchId(7),
            ok: 1,
            failed: 0,
            skipped: 0,
            cancelled: 0,
            reused_bytes: 0,
        };
        let effects = event(&mut m, done);
        let text = crate::app::testing::status_text(&m);
        assert!(text.starts_with(verb), "{text}");
        let refetched = effects.contains(&Effect::FetchAccount);
        assert_eq!(
            refetched,
            direction == Direction::Upload,
            "the quota follows uploads"
        );
    }
}

#[test]
fn events_build_rows_with_speed_and_totals() {
    let mut m = model();
    let t0 = Instant::now();
    let mut info = job(1, 1, JobState::Uploading);
    info.size = 1000;
    update(
        &mut m,
        Msg::Transfer(TransferMsg::Event {
            at: t0,
            event: TransferEvent::Added { job: info },
        }),
    );
    for (ms, bytes) in [(0, 0), (500, 250), (1000, 500)] {
        let event = TransferEvent::Progress {
            job: JobId(1),
            done_bytes: bytes,
        };
        update(
            &mut m,
            Msg::Transfer(TransferMsg::Event {
                at: t0 + Duration::from_millis(ms),
                event,
            }),
        );
    }
    let row = &m.transfers.jobs[0];
    assert_eq!(row.speed().map(|s| s.round()), Some(500.0));
    assert_eq!(row.eta(), Some(Duration::from_secs(1)));
    let t = m.transfers.totals();
    assert_eq!((t.uploads, t.bytes_left), (1, 500));
    event(
        &mut m,
        TransferEvent::State {
            job: JobId(1),
            state: JobState::Done { reused: false },
        },
    );
    assert_eq!(m.transfers.unfinished(), 0);
}

#[test]
fn queue_panel_controls_the_selected_job() {
    let mut m = model();
    event(
        &mut m,
        TransferEvent::Added {
            job: job(1, 1, JobState::Uploading),
        },
    );
    let conflict = ConflictInfo {
        name: "f2".into(),
        target: "/up".into(),
        existing_is_dir: false,
        existing_size: Some(1),
        new_size: 100,
    };
    event(
        &mut m,
        TransferEvent::Added {
            job: job(2, 1, JobState::Conflict(conflict)),
        },
    );
    event(
        &mut m,
        TransferEvent::Added {
            job: job(
                3,
                1,
                JobState::Failed {
                    reason: "boom".into(),
                },
            ),
        },
    );
    press(&mut m, "t");
    assert!(
        matches!(m.modal, Some(Modal::Queue { cursor: 1, .. })),
        "opens on the first conflict"
    );
    let cmd = |effects: Vec<Effect>| match effects.as_slice() {
        [Effect::Transfer(c)] => c.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        cmd(press(&mut m, "B")),
        TransferCmd::Resolve {
            job: JobId(2),
            answer: Resolution::KeepBoth,
            whole_batch: true
        }
    );
    press(&mut m, "k");
    assert_eq!(cmd(press(&mut m, "p")), TransferCmd::Pause(JobId(1)));
    assert_eq!(cmd(press(&mut m, "x")), TransferCmd::Cancel(JobId(1)));
    assert!(
        press(&mut m, "r").is_empty(),
        "a running job is not retried"
    );
    press(&mut m, "G");
    assert_eq!(cmd(press(&mut m, "r")), TransferCmd::Retry(JobId(3)));
    assert_eq!(cmd(press(&mut m, "K")), TransferCmd::MoveUp(JobId(3)));
    assert_eq!(cmd(press(&mut m, "c")), TransferCmd::ClearFinished);
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
}

#[test]
fn quitting_with_unfinished_transfers_asks_first() {
    let mut m = model();
    event(
        &mut m,
        TransferEvent::Added {
            job: job(1, 1, JobState::Queued),
        },
    );
    press(&mut m, "q");
    assert!(!m.quit);
    assert!(matches!(m.modal, Some(Modal::QuitAsk { unfinished: 1 })));
    press(&mut m, "n");
    assert!(m.modal.is_none() && !m.quit);
    press(&mut m, "q y");
    assert!(m.quit);
}

#[test]
fn a_restored_queue_is_announced() {
    let mut m = model();
    let snapshot = Snapshot {
        jobs: vec![
            job(1, 1, JobState::Queued),
            job(2, 1, JobState::Done { reused: true }),
        ],
        batches: vec![],
    };
    update(&mut m, Msg::Transfer(TransferMsg::Restored(snapshot)));
    assert_eq!(m.transfers.jobs.len(), 2);
    assert!(
        m.status
            .unwrap()
            .text
            .contains("1 item from the last session")
    );
}

#[test]
fn transfers_need_an_account() {
    let mut m = model();
    m.transfers.enabled = false;
    press(&mut m, "<F5>");
    assert!(m.modal.is_none());
    press(&mut m, "t");
    assert!(m.modal.is_none());
}
