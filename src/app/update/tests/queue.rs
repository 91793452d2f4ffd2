//! The queue panel in update(): where the cursor opens and how it follows a new batch or
//! stays on its job while rows change, the details toggle, and `r` on jobs retrying can't
//! help. Also the walk of an upload's sources behind the question before it.

use super::transfers::{event, model};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::transfer::*;
use pretty_assertions::assert_eq;

pub(super) fn job(id: u64, batch: u64, state: JobState) -> JobInfo {
    JobInfo {
        id: JobId(id),
        batch: BatchId(batch),
        direction: Direction::Upload,
        name: format!("f{id}"),
        source: format!("/l/f{id}"),
        target: format!("sub/f{id}"),
        size: 10,
        state,
        done_bytes: 0,
        attempt: 0,
        retry_reason: None,
        refused: false,
        offline: None,
    }
}

pub(super) fn add(m: &mut Model, info: JobInfo) {
    event(m, TransferEvent::Added { job: info });
}

fn cursor(m: &Model) -> usize {
    match &m.modal {
        Some(Modal::Queue { cursor, .. }) => *cursor,
        other => panic!("the queue is not open: {other:?}"),
    }
}

fn selected(m: &Model) -> JobId {
    m.transfers.jobs[cursor(m)].info.id
}

#[test]
fn the_queue_opens_on_the_newest_batch_and_follows_new_ones_until_moved() {
    let mut m = model();
    let done = JobState::Done { reused: false };
    for id in 1..=3 {
        add(&mut m, job(id, 1, done.clone()));
    }
    add(&mut m, job(4, 2, JobState::Queued));
    press(&mut m, "t");
    assert_eq!(selected(&m), JobId(4), "not the oldest finished job");
    add(&mut m, job(5, 3, JobState::Queued));
    add(&mut m, job(6, 3, JobState::Queued));
    assert_eq!(selected(&m), JobId(5), "a new batch's first job");
    press(&mut m, "k");
    add(&mut m, job(7, 4, JobState::Queued));
    assert_eq!(selected(&m), JobId(4), "moved by hand: it stays");
}

#[test]
fn the_cursor_stays_on_its_job_when_rows_above_go() {
    let mut m = model();
    let done = JobState::Done { reused: false };
    add(&mut m, job(1, 1, done.clone()));
    add(&mut m, job(2, 1, done));
    add(&mut m, job(3, 1, JobState::Queued));
    add(&mut m, job(4, 1, JobState::Queued));
    press(&mut m, "t G");
    assert_eq!(selected(&m), JobId(4));
    let removed = TransferEvent::Removed {
        jobs: vec![JobId(1), JobId(2)],
    };
    event(&mut m, removed);
    assert_eq!(selected(&m), JobId(4));
    event(
        &mut m,
        TransferEvent::Moved {
            job: JobId(4),
            index: 0,
        },
    );
    assert_eq!((cursor(&m), selected(&m)), (0, JobId(4)));
    event(
        &mut m,
        TransferEvent::Removed {
            jobs: vec![JobId(4)],
        },
    );
    assert_eq!(selected(&m), JobId(3), "its row gone: the nearest one");
}

#[test]
fn details_toggle_and_esc_closes_them_first() {
    let mut m = model();
    add(&mut m, job(1, 1, JobState::Queued));
    press(&mut m, "t i");
    assert!(matches!(m.modal, Some(Modal::Queue { details: true, .. })));
    press(&mut m, "<Enter>");
    assert!(matches!(m.modal, Some(Modal::Queue { details: false, .. })));
    press(&mut m, "i <Esc>");
    assert!(matches!(m.modal, Some(Modal::Queue { details: false, .. })));
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
}

#[test]
fn retry_says_why_it_cannot_help() {
    let mut m = model();
    let reason = "the name contains the forbidden character `:` at position 2; 123pan refuses it";
    let mut refused = job(
        1,
        1,
        JobState::Failed {
            reason: reason.into(),
        },
    );
    refused.refused = true;
    add(&mut m, refused);
    add(&mut m, job(2, 1, JobState::Done { reused: false }));
    add(&mut m, job(3, 1, JobState::Uploading));
    add(
        &mut m,
        job(
            4,
            1,
            JobState::Failed {
                reason: "HTTP 503".into(),
            },
        ),
    );
    press(&mut m, "t g");
    assert_eq!(press(&mut m, "r"), vec![]);
    assert_eq!(
        status_text(&m),
        format!("Retrying can't help sub/f1: {reason}")
    );
    for (key, says) in [("j", "sub/f2 is done"), ("j", "sub/f3 has not failed")] {
        press(&mut m, key);
        assert_eq!(press(&mut m, "r"), vec![]);
        assert!(status_text(&m).starts_with(says), "{}", status_text(&m));
    }
    press(&mut m, "j");
    let retry = Effect::Transfer(TransferCmd::Retry(JobId(4)));
    assert_eq!(press(&mut m, "r"), vec![retry]);
}

#[test]
fn the_upload_question_walks_again_when_name_fixing_changes() {
    let mut m = model();
    let effects = press(&mut m, "<Space> <F5>");
    let [
        Effect::CheckUpload {
            ticket: first,
            spec,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert!(matches!(
        spec,
        TransferSpec::Upload {
            fix_names: false,
            ..
        }
    ));
    let effects = press(&mut m, "f");
    let [Effect::CheckUpload { ticket, spec }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(matches!(
        spec,
        TransferSpec::Upload {
            fix_names: true,
            ..
        }
    ));
    assert_ne!(ticket, first);
    let refused = UploadCheck {
        refused: vec![CheckRefusal {
            path: "a:b.txt".into(),
            reason: "forbidden".into(),
            skip: false,
        }],
        ..Default::default()
    };
    let stale = TransferMsg::Checked {
        ticket: *first,
        check: refused,
    };
    update(&mut m, Msg::Transfer(stale));
    let Some(Modal::TransferAsk(ask)) = &m.modal else {
        panic!()
    };
    assert_eq!(
        ask.check,
        AskCheck::Running { ticket: *ticket },
        "the old walk's answer is dropped"
    );
    // A download has nothing local to walk.
    press(&mut m, "<Esc> <Tab> c");
    let Some(Modal::TransferAsk(ask)) = &m.modal else {
        panic!()
    };
    assert_eq!(ask.check, AskCheck::None);
}
