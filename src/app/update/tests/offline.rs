//! The offline-download dialog in update(): which folder it offers, typing and pasting,
//! every refusal before anything is sent, the batch it submits, and the queue's rows and the
//! listing refresh as the engine reports the tasks.

use super::transfers::{event, model};
use crate::app::testing::press;
use crate::app::*;
use crate::config::Layer;
use crate::fs::{CloudDir, Location};
use crate::transfer::*;
use pretty_assertions::assert_eq;

fn ask(m: &Model) -> &OfflineAsk {
    match &m.modal {
        Some(Modal::Offline(ask)) => ask,
        other => panic!("no offline dialog: {other:?}"),
    }
}

fn submitted(effects: &[Effect]) -> (TransferSpec, Option<String>) {
    match effects {
        [Effect::Transfer(TransferCmd::Submit { spec, then, root })] => {
            assert!(then.is_none());
            (spec.clone(), root.clone())
        }
        other => panic!("expected one submit, got {other:?}"),
    }
}

#[test]
fn the_dialog_offers_the_cloud_panes_folder() {
    let mut m = model();
    // The local pane has focus: the other (cloud) pane's folder.
    press(&mut m, "w");
    assert_eq!(m.layer(), Layer::Offline);
    assert_eq!((ask(&m).dest, ask(&m).dest_path.as_str()), (Some(7), "/up"));
    assert!(ask(&m).dest_note.is_none());
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());

    // At the root the drive's own folder stands in, and the dialog says why.
    m.pane_mut(Side::Right).location = Location::Cloud(CloudDir::root());
    press(&mut m, "w");
    assert_eq!(ask(&m).dest, None);
    assert_eq!(ask(&m).dest_path, "/来自:离线下载");
    assert!(ask(&m).dest_note.as_deref().unwrap().contains("root"));
    press(&mut m, "<Esc>");

    // No cloud pane at all: the drive's own folder, without a note.
    m.pane_mut(Side::Right).location = Location::Local("/r".into());
    press(&mut m, "w");
    assert_eq!((ask(&m).dest, ask(&m).dest_note.clone()), (None, None));
    press(&mut m, "<Esc>");

    m.transfers.enabled = false;
    press(&mut m, "w");
    assert!(m.modal.is_none());
    assert!(m.status.unwrap().text.contains("cloud account"));
}

#[test]
fn bad_urls_and_names_are_refused_with_the_reason_before_anything_is_sent() {
    let mut m = model();
    press(&mut m, "w");
    assert!(press(&mut m, "<Enter>").is_empty());
    assert!(ask(&m).error.as_deref().unwrap().contains("at least one"));
    update(
        &mut m,
        Msg::Paste("ftp://h/a magnet:?xt=1\nhttps://ok.example/b".into()),
    );
    assert_eq!(
        ask(&m).urls.value(),
        "ftp://h/a magnet:?xt=1 https://ok.example/b",
        "lines become spaces"
    );
    assert!(press(&mut m, "<Enter>").is_empty());
    let why = ask(&m).error.clone().unwrap();
    assert!(
        why.contains("ftp:") && why.contains("(and 1 more)"),
        "{why}"
    );
    // Typing clears the message.
    press(&mut m, "<End>");
    assert!(ask(&m).error.is_none());

    let mut m = model();
    press(&mut m, "w");
    update(
        &mut m,
        Msg::Paste("https://a.example/1 https://a.example/2".into()),
    );
    press(&mut m, "<Tab> x");
    assert_eq!(ask(&m).focus, OfflineField::Name);
    assert!(press(&mut m, "<Enter>").is_empty());
    assert!(
        ask(&m)
            .error
            .as_deref()
            .unwrap()
            .contains("exactly one URL")
    );
    press(&mut m, "<BackTab>");
    assert_eq!(ask(&m).focus, OfflineField::Urls);
    let mut m = model();
    press(&mut m, "w");
    update(&mut m, Msg::Paste("https://a.example/1".into()));
    press(&mut m, "<Tab> a : b");
    assert!(press(&mut m, "<Enter>").is_empty());
    assert!(ask(&m).error.as_deref().unwrap().contains("refuses"));
}

#[test]
fn enter_queues_one_batch_into_the_folder() {
    let mut m = model();
    press(&mut m, "w");
    update(&mut m, Msg::Paste("https://a.example/x.iso".into()));
    press(&mut m, "<Tab>");
    update(&mut m, Msg::Paste("名字.iso\nignored".into()));
    let (spec, root) = submitted(&press(&mut m, "<Enter>"));
    assert_eq!(
        spec,
        TransferSpec::Offline {
            urls: vec!["https://a.example/x.iso".into()],
            dest_dir: Some(7),
            dest_path: "/up".into(),
            name: Some("名字.iso".into()),
        }
    );
    assert_eq!(root.as_deref(), Some("cloud:/up"));
    assert!(m.modal.is_none());
    assert!(
        m.status
            .unwrap()
            .text
            .contains("the drive fetches 1 URL into cloud:/up")
    );
}

fn offline_job(id: u64, state: JobState) -> JobInfo {
    JobInfo {
        id: JobId(id),
        batch: BatchId(4),
        direction: Direction::Offline,
        name: "x.iso".into(),
        source: "https://a.example/x.iso".into(),
        target: "/up/x.iso".into(),
        size: 0,
        state,
        done_bytes: 0,
        attempt: 1,
        retry_reason: None,
        refused: false,
        offline: None,
    }
}

#[test]
fn a_finished_task_refreshes_its_folder_at_once() {
    let mut m = model();
    for id in [1, 2] {
        event(
            &mut m,
            TransferEvent::Added {
                job: offline_job(id, JobState::Queued),
            },
        );
    }
    let task = OfflineTask {
        id: 394_757,
        percent: 40,
        retrying: false,
    };
    event(
        &mut m,
        TransferEvent::Fetching {
            job: JobId(1),
            task,
        },
    );
    assert_eq!(m.transfers.jobs[0].info.offline, Some(task));
    assert_eq!(m.transfers.totals().fetches, 2);
    event(
        &mut m,
        TransferEvent::Created {
            batch: BatchId(4),
            parent: 7,
            id: None,
        },
    );
    let done = JobState::Done { reused: false };
    let effects = event(
        &mut m,
        TransferEvent::State {
            job: JobId(1),
            state: done,
        },
    );
    assert_eq!(
        effects,
        [Effect::Adopt {
            made: vec![(7, None)],
            forget: vec![],
        }],
        "job 2 still runs, yet the folder is listed again now"
    );
    // Other jobs' states don't.
    let failed = JobState::Failed {
        reason: "404".into(),
    };
    assert!(
        event(
            &mut m,
            TransferEvent::State {
                job: JobId(2),
                state: failed
            }
        )
        .is_empty()
    );
}
