//! F4 in update() when a step ends otherwise: a cloud file changed meanwhile (the question
//! and its answers), a failed download, editor or upload, a big file, and refusals.

use super::edit::{OPENED, SAVED, batch_ends, copy, edit, edited, model, now, private};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::edit::{Closed, FileSum};
use crate::fs::Location;
use crate::transfer::*;
use pretty_assertions::assert_eq;

#[test]
fn a_cloud_file_changed_meanwhile_asks_and_each_answer_does_what_it_says() {
    for (key, policy) in [
        ("o", Some(ConflictPolicy::Overwrite)),
        ("b", Some(ConflictPolicy::KeepBoth)),
        ("<Esc>", None),
    ] {
        let mut m = model();
        let [Effect::Edit(EditEffect::Check { id, .. })] = edited(&mut m, SAVED)[..] else {
            panic!()
        };
        let result = Ok(Some(now(SAVED, false)));
        assert_eq!(edit(&mut m, EditMsg::Checked { id, result }), vec![]);
        assert_eq!(m.layer(), Layer::Confirm);
        let Some(Modal::EditAsk(ask)) = &m.modal else {
            panic!("{:?}", m.modal)
        };
        assert!(ask.drift);
        assert_eq!(
            ask.title,
            "notes.md changed on the drive since you opened it"
        );
        assert!(
            ask.lines[1].starts_with("Its content changed"),
            "{:?}",
            ask.lines
        );
        assert!(
            ask.lines[2].ends_with("/tmp/panfm-edit-x/notes.md"),
            "{:?}",
            ask.lines
        );
        assert_eq!(press(&mut m, "y"), vec![], "y answers nothing here");
        let effects = press(&mut m, key);
        assert!(m.modal.is_none());
        match policy {
            Some(policy) => assert_eq!(
                effects,
                vec![Effect::Edit(EditEffect::Upload {
                    id,
                    copy: copy(),
                    parent: 7,
                    policy
                })]
            ),
            None => {
                assert_eq!(effects, vec![], "the copy stays");
                assert_eq!(
                    status_text(&m),
                    "Nothing uploaded; the edited copy is kept at /tmp/panfm-edit-x/notes.md"
                );
                assert!(m.edits.sessions.is_empty());
            }
        }
    }
}

#[test]
fn a_trashed_or_unknown_file_or_a_failed_check_asks_too() {
    for (result, why) in [
        (Ok(Some(now(OPENED, true))), "It was moved to the trash"),
        (
            Ok(None),
            "It was deleted or replaced (the drive no longer knows its id)",
        ),
        (
            Err("timed out".to_owned()),
            "It could not be checked: timed out",
        ),
    ] {
        let mut m = model();
        let [Effect::Edit(EditEffect::Check { id, .. })] = edited(&mut m, SAVED)[..] else {
            panic!()
        };
        edit(&mut m, EditMsg::Checked { id, result });
        let Some(Modal::EditAsk(ask)) = &m.modal else {
            panic!("{:?}", m.modal)
        };
        assert_eq!(ask.lines[1], why);
    }
}

#[test]
fn a_failed_upload_keeps_the_copy_and_a_retry_still_finishes_the_edit() {
    let mut m = model();
    let [Effect::Edit(EditEffect::Check { id, .. })] = edited(&mut m, SAVED)[..] else {
        panic!()
    };
    edit(
        &mut m,
        EditMsg::Checked {
            id,
            result: Ok(Some(now(OPENED, false))),
        },
    );
    edit(
        &mut m,
        EditMsg::Uploading {
            id,
            result: Ok(BatchId(2)),
        },
    );
    let failed = batch_ends(&mut m, 2, Direction::Upload, Some("server said no"));
    assert_eq!(failed, vec![], "nothing removed");
    assert_eq!(
        status_text(&m),
        "Upload of notes.md failed: server said no; the edited copy is kept at \
         /tmp/panfm-edit-x/notes.md (r in the queue tries again)"
    );
    let retried = batch_ends(&mut m, 2, Direction::Upload, None);
    assert!(retried.contains(&Effect::Edit(EditEffect::Cleanup { dir: private() })));
    assert!(m.edits.sessions.is_empty());
}

#[test]
fn a_failed_download_or_editor_says_so_and_keeps_only_an_edited_copy() {
    let mut m = model();
    let [Effect::Edit(EditEffect::Fetch { id, .. })] = press(&mut m, "<F4>")[..] else {
        panic!()
    };
    edit(
        &mut m,
        EditMsg::Fetching {
            id,
            result: Ok((private(), BatchId(1))),
        },
    );
    let effects = batch_ends(&mut m, 1, Direction::Download, Some("link expired"));
    assert_eq!(
        effects,
        vec![Effect::Edit(EditEffect::Cleanup { dir: private() })]
    );
    assert_eq!(
        status_text(&m),
        "Cannot download notes.md for editing: link expired"
    );
    assert!(m.edits.sessions.is_empty());

    let [Effect::Edit(EditEffect::Fetch { id, .. })] = press(&mut m, "<F4>")[..] else {
        panic!()
    };
    edit(
        &mut m,
        EditMsg::Fetching {
            id,
            result: Ok((private(), BatchId(3))),
        },
    );
    batch_ends(&mut m, 3, Direction::Download, None);
    let closed = Closed {
        editor: Err("vi exited with exit status: 1".into()),
        after: Some(Ok(FileSum {
            md5: SAVED.into(),
            size: 3,
        })),
    };
    let effects = edit(
        &mut m,
        EditMsg::Closed {
            id: Some(id),
            path: copy(),
            closed,
        },
    );
    assert_eq!(effects, vec![], "an edited copy is never removed unasked");
    assert_eq!(
        status_text(&m),
        "vi exited with exit status: 1; nothing uploaded, the edited copy is kept at \
         /tmp/panfm-edit-x/notes.md"
    );
}

#[test]
fn a_big_file_is_asked_about_and_one_open_file_is_not_opened_twice() {
    let mut m = model();
    press(&mut m, "g g");
    assert_eq!(press(&mut m, "<F4>"), vec![]);
    let Some(Modal::EditAsk(ask)) = &m.modal else {
        panic!("{:?}", m.modal)
    };
    assert!(!ask.drift);
    assert_eq!(ask.title, "Edit a 300 MiB file?");
    assert_eq!(press(&mut m, "n"), vec![]);
    assert!(m.modal.is_none() && m.edits.sessions.is_empty());
    assert_eq!(status_text(&m), "big.log not edited");
    press(&mut m, "<F4>");
    let effects = press(&mut m, "<Enter>");
    assert!(
        matches!(effects.as_slice(), [Effect::Edit(EditEffect::Fetch { file, .. })] if file.id == 4)
    );
    assert_eq!(press(&mut m, "<F4>"), vec![]);
    assert_eq!(status_text(&m), "big.log is open for editing already");
}

#[test]
fn the_trash_and_a_missing_queue_refuse_with_a_reason() {
    let mut m = model();
    m.transfers.enabled = false;
    assert_eq!(press(&mut m, "<F4>"), vec![]);
    assert!(status_text(&m).contains("needs the transfer queue"));
    m.pane_mut(Side::Right).location = Location::Trash;
    assert_eq!(press(&mut m, "<F4>"), vec![]);
    assert!(status_text(&m).starts_with("Files in the trash can't be edited"));
}
