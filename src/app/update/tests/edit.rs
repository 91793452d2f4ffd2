//! F4 in update(): a local file straight into the editor, a cloud file's session step by step
//! (download, editor, the change check, the drive asked, the upload back, the folder removed),
//! and the questions: a big file, a cloud file that changed meanwhile.

use super::transfers::event;
use crate::app::testing::{dir, file, press, status_text};
use crate::app::*;
use crate::config::{Keymap, Styles};
use crate::edit::{Closed, FileSum};
use crate::fs::{CloudDir, Entry, EntryKey, Location};
use crate::transfer::*;
use pretty_assertions::assert_eq;
use std::path::PathBuf;

pub(super) const OPENED: &str = "0123456789abcdef0123456789abcdef";
pub(super) const SAVED: &str = "fedcba9876543210fedcba9876543210";

fn cloud_file(id: i64, name: &str, size: u64) -> Entry {
    let mut e = Entry::remote(
        EntryKey::Cloud(id),
        name,
        false,
        size,
        Some(1_700_000_000),
        OPENED,
    );
    e.parent = Some(7);
    e
}

/// Left: local `/l` with `a.txt` and dir `d`; right: cloud `/docs` (id 7) with `notes.md`
/// (id 3, 9 B) and `big.log` (id 4, 300 MiB). Focus right, on `notes.md`.
pub(super) fn model() -> Model {
    let docs = Location::Cloud(CloudDir::root().child(7, "docs"));
    let mut m = Model::new(
        Location::Local("/l".into()),
        docs,
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
    let cloud = vec![
        cloud_file(4, "big.log", 300 << 20),
        cloud_file(3, "notes.md", 9),
    ];
    for (effect, entries) in start(&mut m)
        .into_iter()
        .zip([vec![file("a.txt", 5), dir("d")], cloud])
    {
        let Effect::List { side, ticket, .. } = effect else {
            continue;
        };
        let page = ListingMsg::Page {
            side,
            ticket,
            entries,
        };
        update(&mut m, Msg::Listing(page));
        update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    }
    m.focus = Side::Right;
    press(&mut m, "G");
    m
}

pub(super) fn edit(m: &mut Model, msg: EditMsg) -> Vec<Effect> {
    update(m, Msg::Edit(msg))
}

/// The batch `batch` of one file ended: `ok` or failed with `reason`.
pub(super) fn batch_ends(
    m: &mut Model,
    batch: u64,
    direction: Direction,
    failed: Option<&str>,
) -> Vec<Effect> {
    let b = BatchId(batch);
    let files = 1;
    event(
        m,
        TransferEvent::Planned {
            batch: b,
            direction,
            files,
            bytes: 9,
        },
    );
    let job = JobInfo {
        id: JobId(batch * 10),
        batch: b,
        direction,
        name: "notes.md".into(),
        source: String::new(),
        target: String::new(),
        size: 9,
        state: JobState::Queued,
        done_bytes: 0,
        attempt: 1,
        retry_reason: None,
        refused: false,
        offline: None,
    };
    event(m, TransferEvent::Added { job });
    let state = match failed {
        Some(reason) => JobState::Failed {
            reason: reason.into(),
        },
        None => JobState::Done { reused: false },
    };
    event(
        m,
        TransferEvent::State {
            job: JobId(batch * 10),
            state,
        },
    );
    let failed = u64::from(failed.is_some());
    event(
        m,
        TransferEvent::BatchDone {
            batch: b,
            ok: 1 - failed,
            failed,
            skipped: 0,
            cancelled: 0,
            reused_bytes: 0,
        },
    )
}

pub(super) fn private() -> PathBuf {
    PathBuf::from("/tmp/panfm-edit-x")
}

pub(super) fn copy() -> PathBuf {
    private().join("notes.md")
}

/// F4 on `notes.md` through to the editor closing with `md5` (the download was batch 1).
pub(super) fn edited(m: &mut Model, md5: &str) -> Vec<Effect> {
    let effects = press(m, "<F4>");
    let [Effect::Edit(EditEffect::Fetch { id, file })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        file,
        &CloudItem {
            id: 3,
            name: "notes.md".into(),
            is_dir: false,
            size: 9,
            etag: OPENED.into(),
            modified: Some(1_700_000_000),
        }
    );
    let id = *id;
    let result = Ok((private(), BatchId(1)));
    assert_eq!(edit(m, EditMsg::Fetching { id, result }), vec![]);
    assert_eq!(m.transfers.roots[&BatchId(1)], "cloud:/docs");
    let open = batch_ends(m, 1, Direction::Download, None);
    assert_eq!(
        open,
        vec![Effect::Edit(EditEffect::Open {
            id: Some(id),
            path: copy()
        })]
    );
    let sum = FileSum {
        md5: md5.into(),
        size: 10,
    };
    let closed = Closed {
        editor: Ok(()),
        after: Some(Ok(sum)),
    };
    edit(
        m,
        EditMsg::Closed {
            id: Some(id),
            path: copy(),
            closed,
        },
    )
}

pub(super) fn now(etag: &str, trashed: bool) -> crate::api::FileEntry {
    crate::api::FileEntry {
        id: 3,
        name: "notes.md".into(),
        parent_id: 7,
        kind: crate::api::FileKind::File,
        size: 9,
        etag: etag.into(),
        category: crate::api::Category::Unknown,
        status: 0,
        punished: false,
        trashed,
        created_at: None,
        updated_at: None,
    }
}

#[test]
fn a_local_file_opens_at_once_and_its_folder_is_listed_after() {
    let mut m = model();
    m.focus = Side::Left;
    press(&mut m, "g g");
    assert_eq!(press(&mut m, "e"), vec![], "a folder is not edited");
    assert!(
        status_text(&m).contains("d is a folder"),
        "{}",
        status_text(&m)
    );
    let effects = press(&mut m, "j <F4>");
    let path = PathBuf::from("/l/a.txt");
    assert_eq!(
        effects,
        vec![Effect::Edit(EditEffect::Open {
            id: None,
            path: path.clone()
        })]
    );
    let closed = Closed {
        editor: Ok(()),
        after: None,
    };
    let effects = edit(
        &mut m,
        EditMsg::Closed {
            id: None,
            path,
            closed,
        },
    );
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::List {
                side: Side::Left,
                fresh: true,
                ..
            }]
        ),
        "{effects:?}"
    );
    assert_eq!(status_text(&m), "Back from editing a.txt");
}

#[test]
fn a_changed_cloud_file_goes_back_over_itself_and_its_copy_is_removed() {
    let mut m = model();
    let check = edited(&mut m, SAVED);
    let [Effect::Edit(EditEffect::Check { id, file: 3 })] = check.as_slice() else {
        panic!("{check:?}")
    };
    let id = *id;
    let result = Ok(Some(now(&OPENED.to_uppercase(), false)));
    let upload = edit(&mut m, EditMsg::Checked { id, result });
    assert_eq!(
        upload,
        vec![Effect::Edit(EditEffect::Upload {
            id,
            copy: copy(),
            parent: 7,
            policy: ConflictPolicy::Overwrite
        })]
    );
    edit(
        &mut m,
        EditMsg::Uploading {
            id,
            result: Ok(BatchId(2)),
        },
    );
    assert_eq!(status_text(&m), "Uploading notes.md back to the drive");
    let done = batch_ends(&mut m, 2, Direction::Upload, None);
    assert!(
        done.contains(&Effect::Edit(EditEffect::Cleanup { dir: private() })),
        "{done:?}"
    );
    assert!(done.contains(&Effect::FetchAccount));
    assert_eq!(status_text(&m), "Saved cloud:/docs/notes.md to the drive");
    assert!(m.edits.sessions.is_empty());
}

#[test]
fn an_unchanged_save_sends_nothing_and_removes_the_copy() {
    let mut m = model();
    let effects = edited(&mut m, OPENED);
    assert_eq!(
        effects,
        vec![Effect::Edit(EditEffect::Cleanup { dir: private() })]
    );
    assert_eq!(status_text(&m), "notes.md unchanged: nothing uploaded");
    assert!(m.edits.sessions.is_empty());
}
