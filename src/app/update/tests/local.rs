//! Local copies and deletes in update(): F5 between local panes asks like a transfer and
//! queues; `e` changes its destination; a move's entries on another file system go to the
//! queue with their deletion after; the delete question counts, offers the system trash by
//! default and `D` for good, and only `D` when there is no trash.

use super::ops::{loaded_local, op_spec};
use super::transfers::event;
use crate::app::testing::{dir, file, press, status_text};
use crate::app::*;
use crate::fs::tally::Tally;
use crate::fs::{EntryKey, Location};
use crate::transfer::*;
use pretty_assertions::assert_eq;
use std::path::PathBuf;

/// Local `/l` (a.txt 1 B, b.txt 2 B) and local `/r` (x/), the queue running.
fn local_pair() -> Model {
    let mut m = loaded_local();
    m.transfers.enabled = true;
    m
}

fn submit(effects: &[Effect]) -> (TransferSpec, Option<OpSpec>, Option<String>) {
    match effects {
        [Effect::Transfer(TransferCmd::Submit { spec, then, root })] => {
            (spec.clone(), then.clone(), root.clone())
        }
        other => panic!("expected a submit, got {other:?}"),
    }
}

fn item(name: &str, is_dir: bool) -> OpItem {
    OpItem {
        key: EntryKey::Local(name.into()),
        name: name.into(),
        is_dir,
    }
}

#[test]
fn f5_between_local_panes_asks_with_the_policy_and_queues_a_copy() {
    let mut m = local_pair();
    press(&mut m, "<Space> <Space> <F5>");
    let Some(Modal::TransferAsk(ask)) = &m.modal else {
        panic!("the transfer question: {:?}", m.modal)
    };
    assert_eq!(
        ask.title,
        "Copy 2 items (3 B) to /r?   (e: another destination)"
    );
    press(&mut m, "p p");
    let (spec, then, root) = submit(&press(&mut m, "y"));
    assert_eq!(
        spec,
        TransferSpec::LocalCopy {
            sources: vec![PathBuf::from("/l/a.txt"), PathBuf::from("/l/b.txt")],
            dest_dir: "/r".into(),
            policy: ConflictPolicy::Overwrite,
        }
    );
    assert_eq!((then, root.as_deref()), (None, Some("/l")));
    assert!(m.focused().marks.is_empty(), "queued marks are spent");
    assert!(status_text(&m).contains("t shows the transfer queue"));
}

#[test]
fn e_changes_a_local_copys_destination_and_the_question_comes_back() {
    let mut m = local_pair();
    press(&mut m, "<F5> e <C-u> / t m p <Enter>");
    let Some(Modal::TransferAsk(ask)) = &m.modal else {
        panic!("back to the question: {:?}", m.modal)
    };
    assert!(ask.title.contains("to /tmp?"), "{}", ask.title);
    let (spec, ..) = submit(&press(&mut m, "<Enter>"));
    let TransferSpec::LocalCopy { dest_dir, .. } = spec else {
        panic!()
    };
    assert_eq!(dest_dir, PathBuf::from("/tmp"));
}

#[test]
fn without_the_queue_a_local_copy_is_a_file_operation() {
    let mut m = loaded_local();
    let spec = op_spec(&press(&mut m, "<F5> y"));
    assert!(matches!(spec, OpSpec::Copy { .. }), "{spec:?}");
}

#[test]
fn a_move_across_file_systems_is_copied_through_the_queue_then_deleted() {
    let mut m = local_pair();
    let spec = op_spec(&press(&mut m, "<F6> y"));
    let OpSpec::Move { from, to, .. } = spec else {
        panic!()
    };
    let report = OpReport {
        across: Some(OpSpec::Move {
            from: from.clone(),
            items: vec![item("a.txt", false)],
            to,
        }),
        ..OpReport::default()
    };
    let effects = update(
        &mut m,
        Msg::Op(OpMsg::Finished {
            op: 0,
            report: Box::new(report),
        }),
    );
    let submits: Vec<_> = effects
        .iter()
        .filter(|e| matches!(e, Effect::Transfer(_)))
        .cloned()
        .collect();
    let (spec, then, _) = submit(&submits);
    assert_eq!(
        spec,
        TransferSpec::LocalCopy {
            sources: vec![PathBuf::from("/l/a.txt")],
            dest_dir: "/r".into(),
            policy: ConflictPolicy::Ask,
        }
    );
    assert_eq!(
        then,
        Some(OpSpec::Delete {
            at: from,
            items: vec![item("a.txt", false)],
        })
    );
    assert!(
        status_text(&m).contains("another file system"),
        "{}",
        status_text(&m)
    );
}

#[test]
fn a_finished_copy_batch_says_so_and_lists_the_local_panes_again() {
    let mut m = local_pair();
    event(
        &mut m,
        TransferEvent::Planned {
            batch: BatchId(1),
            direction: Direction::Copy,
            files: 1,
            bytes: 1,
        },
    );
    let effects = event(
        &mut m,
        TransferEvent::BatchDone {
            batch: BatchId(1),
            ok: 1,
            failed: 0,
            skipped: 0,
            cancelled: 0,
            reused_bytes: 0,
        },
    );
    assert!(status_text(&m).starts_with("Copy finished: 1 done"));
    let listed = effects
        .iter()
        .filter(|e| matches!(e, Effect::List { .. }))
        .count();
    assert_eq!(listed, 2, "{effects:?}");
}

fn counted(m: &mut Model, tally: Tally, done: bool) {
    let Some(Modal::DeleteAsk(ask)) = &m.modal else {
        panic!()
    };
    let ticket = ask.ticket;
    update(
        m,
        Msg::Delete(DeleteMsg::Counted {
            ticket,
            tally,
            done,
        }),
    );
}

fn trash(m: &mut Model, result: Result<(), String>) {
    let Some(Modal::DeleteAsk(ask)) = &m.modal else {
        panic!()
    };
    let ticket = ask.ticket;
    update(m, Msg::Delete(DeleteMsg::Trash { ticket, result }));
}

fn local_with_folder() -> Model {
    let mut m = crate::app::testing::loaded(100, 30, vec![dir("box"), file("a.txt", 1)], vec![]);
    m.transfers.enabled = true;
    m
}

#[test]
fn the_delete_question_counts_then_offers_the_trash_and_d_for_good() {
    let mut m = local_with_folder();
    let effects = press(&mut m, "<F8>");
    let [Effect::CountLocal { ticket, paths }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(paths, &[PathBuf::from("/l/box")]);
    let ticket = *ticket;
    let Some(Modal::DeleteAsk(ask)) = &m.modal else {
        panic!()
    };
    assert_eq!((ask.counted, &ask.trash), (false, &TrashCheck::Checking));
    assert_eq!(m.layer(), crate::config::Layer::Confirm);

    press(&mut m, "y");
    assert!(status_text(&m).contains("Still checking"));
    assert!(matches!(m.modal, Some(Modal::DeleteAsk(_))), "nothing yet");
    // An answer for an older question changes nothing.
    update(
        &mut m,
        Msg::Delete(DeleteMsg::Trash {
            ticket: ticket + 100,
            result: Err("stale".into()),
        }),
    );
    trash(&mut m, Ok(()));
    let tally = Tally {
        files: 3000,
        folders: 41,
        bytes: 2 << 30,
        ..Tally::default()
    };
    counted(&mut m, Tally { files: 10, ..tally }, false);
    counted(&mut m, tally, true);
    let Some(Modal::DeleteAsk(ask)) = &m.modal else {
        panic!()
    };
    assert_eq!((ask.tally, ask.counted), (tally, true));
    assert_eq!(ask.trash, TrashCheck::Available);

    let effects = press(&mut m, "<Enter>");
    let [Effect::StopCount, Effect::Op { spec, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let at = Location::Local("/l".into());
    let items = vec![item("box", true)];
    assert_eq!(
        spec,
        &OpSpec::Trash {
            at: at.clone(),
            items: items.clone()
        }
    );

    press(&mut m, "<F8>");
    let effects = press(&mut m, "D");
    assert_eq!(op_spec(&effects[1..]), OpSpec::Delete { at, items });
    assert!(m.modal.is_none());
}

#[test]
fn without_a_trash_only_d_deletes_and_esc_stops_the_count() {
    let mut m = local_with_folder();
    press(&mut m, "<Space> <Space> <F8>");
    trash(&mut m, Err("/mnt is another file system".into()));
    let Some(Modal::DeleteAsk(ask)) = &m.modal else {
        panic!()
    };
    assert_eq!(ask.items.len(), 2);
    assert!(matches!(&ask.trash, TrashCheck::Unavailable(why) if why.contains("/mnt")));
    assert!(press(&mut m, "y").is_empty());
    assert!(status_text(&m).contains("D deletes for good"));
    assert!(matches!(m.modal, Some(Modal::DeleteAsk(_))));
    assert_eq!(press(&mut m, "<Esc>"), vec![Effect::StopCount]);
    assert!(m.modal.is_none());
    assert_eq!(
        m.focused().marks.len(),
        2,
        "a cancelled question keeps the marks"
    );
    press(&mut m, "<F8>");
    trash(&mut m, Err("no trash".into()));
    let effects = press(&mut m, "D");
    assert!(matches!(
        op_spec(&effects[1..]),
        OpSpec::Delete { items, .. } if items.len() == 2
    ));
    assert!(
        m.focused().marks.is_empty(),
        "an answered question spends them"
    );
}
