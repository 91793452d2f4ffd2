//! The sync question in update(): the walk asked for, same-size files hashed, the plan shown
//! with deletions off, the toggle, and what confirming queues (exactly the planned files,
//! deletions to the trash first).

use super::compare::{cloud, cloud_dir};
use crate::app::testing::{dir, file, listed, press, status_text};
use crate::app::*;
use crate::config::Command;
use crate::fs::{CloudDir, EntryKey, Location};
use crate::sync::{Node, Tree};
use crate::transfer::{CloudItem, ConflictPolicy, SyncUpload, TransferSpec};
use pretty_assertions::assert_eq;
use std::path::PathBuf;

const A: &str = "0123456789abcdef0123456789abcdef";
const B: &str = "fedcba9876543210fedcba9876543210";

/// Left local `/l` with folder `pics` (cursor on it) and a file; right cloud `/docs` (id 7).
fn model() -> Model {
    let local = vec![dir("pics"), file("a.txt", 1)];
    let docs = Location::Cloud(CloudDir::root().child(7, "docs"));
    let remote = vec![cloud_dir(20, "pics"), cloud(21, "x", 1, A)];
    listed((Location::Local("/l".into()), local), (docs, remote))
}

fn item(id: i64, name: &str, size: u64, md5: &str) -> CloudItem {
    CloudItem {
        id,
        name: name.into(),
        is_dir: md5.is_empty(),
        size,
        etag: md5.into(),
        modified: None,
    }
}

/// Local `pics/{new.jpg 5, same.jpg 10, edited.jpg 10}`; cloud `pics/{same.jpg, edited.jpg,
/// gone.jpg 7, old/ with old/x 2}`.
fn walked() -> Walked {
    let mut local = Tree::new();
    local.insert("pics".into(), Node::dir());
    local.insert("pics/new.jpg".into(), Node::file(5, None));
    local.insert("pics/same.jpg".into(), Node::file(10, None));
    local.insert("pics/edited.jpg".into(), Node::file(10, None));
    let mut w = Walked {
        local,
        ..Walked::default()
    };
    for (path, it) in [
        ("pics", item(20, "pics", 0, "")),
        ("pics/same.jpg", item(30, "same.jpg", 10, A)),
        ("pics/edited.jpg", item(31, "edited.jpg", 10, A)),
        ("pics/gone.jpg", item(32, "gone.jpg", 7, A)),
        ("pics/old", item(33, "old", 0, "")),
        ("pics/old/x", item(34, "x", 2, A)),
    ] {
        let node = match it.is_dir {
            true => Node::dir(),
            false => Node::file(it.size, Some(it.etag.clone())),
        };
        w.cloud.insert(path.into(), node);
        w.items.insert(path.into(), it);
    }
    w
}

/// C-x s on `pics`, the walk answered, the two same-size files hashed.
fn asked() -> Model {
    let mut m = model();
    let effects = press(&mut m, "<C-x> s");
    let [
        Effect::Compare(CompareEffect::Walk {
            ticket,
            local,
            cloud,
            names,
        }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(
        (local, *cloud, names),
        (&PathBuf::from("/l"), 7, &vec!["pics".to_owned()])
    );
    let ticket = *ticket;
    let result = Ok(walked());
    let effects = update(&mut m, Msg::Compare(CompareMsg::Walked { ticket, result }));
    let [Effect::Compare(CompareEffect::Hash { files, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let mut files = files.clone();
    files.sort();
    let want = [
        ("/l/pics/edited.jpg".into(), 10),
        ("/l/pics/same.jpg".into(), 10),
    ];
    assert_eq!(files, want);
    let md5s = vec![
        (PathBuf::from("/l/pics/same.jpg"), A.to_owned()),
        (PathBuf::from("/l/pics/edited.jpg"), B.to_owned()),
    ];
    let failed = vec![];
    update(
        &mut m,
        Msg::Compare(CompareMsg::Hashed {
            ticket,
            md5s,
            failed,
        }),
    );
    m
}

fn ask(m: &Model) -> &SyncAsk {
    match &m.modal {
        Some(Modal::SyncAsk(ask)) => ask,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_plan_shows_with_deletions_off_and_x_toggles_them() {
    let mut m = asked();
    let a = ask(&m);
    assert!(!a.deletions);
    let c = a.plan().counts;
    assert_eq!((c.new.count, c.new.bytes), (1, 5));
    assert_eq!(
        (c.changed.count, c.unchanged.count, c.deleted.count),
        (1, 1, 0)
    );
    assert_eq!(a.delete.counts.deleted.count, 2);
    assert_eq!((a.from.as_str(), a.to.as_str()), ("/l", "cloud:/docs"));
    press(&mut m, "x");
    assert!(ask(&m).deletions);
    assert_eq!(ask(&m).plan().counts.deleted.count, 2);
    // Enter does not run a sync that deletes; y does.
    press(&mut m, "<Enter>");
    assert!(matches!(m.modal, Some(Modal::SyncAsk(_))));
    press(&mut m, "x");
    assert!(!ask(&m).deletions);
    assert_eq!(update(&mut m, Msg::Command(Command::Escape)), []);
    assert!(m.modal.is_none());
}

#[test]
fn confirm_queues_exactly_the_planned_files() {
    let mut m = asked();
    let effects = press(&mut m, "y");
    let want = TransferCmd::Submit {
        spec: TransferSpec::SyncUpload(Box::new(SyncUpload {
            root: "/l".into(),
            dirs: vec![],
            files: vec![("pics/edited.jpg".into(), 10), ("pics/new.jpg".into(), 5)],
            dest_dir: 7,
            policy: ConflictPolicy::Overwrite,
        })),
        then: None,
        root: Some("cloud:/docs".into()),
    };
    assert_eq!(effects, [Effect::Transfer(want)]);
    assert!(m.modal.is_none());
    assert!(status_text(&m).starts_with("Sync to cloud:/docs: 1 new, 1 changed"));
}

#[test]
fn deletions_go_to_the_trash_first_then_the_transfer() {
    let mut m = asked();
    press(&mut m, "x");
    let effects = press(&mut m, "y");
    let [Effect::Op { id, spec }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let pics = CloudDir::root().child(7, "docs").child(20, "pics");
    let items = vec![
        OpItem {
            key: EntryKey::Cloud(32),
            name: "gone.jpg".into(),
            is_dir: false,
        },
        OpItem {
            key: EntryKey::Cloud(33),
            name: "old".into(),
            is_dir: true,
        },
    ];
    let want = OpSpec::Trash {
        at: Location::Cloud(pics),
        items,
    };
    assert_eq!(spec, &want);
    assert_eq!(press(&mut m, "<C-x> s"), [], "one sync waits at a time");
    assert!(status_text(&m).starts_with("The last sync is still deleting"));
    let report = Box::new(OpReport::default());
    let effects = update(&mut m, Msg::Op(OpMsg::Finished { op: *id, report }));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Transfer(TransferCmd::Submit { .. }))),
        "{effects:?}"
    );
}

#[test]
fn a_download_sync_names_cloud_items() {
    let mut m = model();
    press(&mut m, "<Tab>");
    let effects = press(&mut m, "<C-x> s");
    let [Effect::Compare(CompareEffect::Walk { ticket, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let ticket = *ticket;
    let mut w = walked();
    w.local.clear();
    let effects = update(
        &mut m,
        Msg::Compare(CompareMsg::Walked {
            ticket,
            result: Ok(w),
        }),
    );
    assert_eq!(effects, []);
    assert_eq!(ask(&m).plan().counts.new.count, 4);
    let effects = update(&mut m, Msg::Command(Command::Yes));
    let [Effect::Transfer(TransferCmd::Submit { spec, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let TransferSpec::SyncDownload(s) = spec else {
        panic!("{spec:?}");
    };
    let (dirs, files, dest_dir) = (&s.dirs, &s.files, &s.dest_dir);
    assert_eq!(dest_dir, &PathBuf::from("/l"));
    assert_eq!(dirs, &["pics", "pics/old"]);
    let ids: Vec<i64> = files.iter().map(|f| f.1.id).collect();
    assert_eq!(ids, [31, 32, 34, 30]);
}

#[test]
fn refusals_are_clear() {
    let mut m = model();
    press(&mut m, "j");
    assert_eq!(press(&mut m, "<C-x> s"), []);
    assert!(status_text(&m).starts_with("Sync works on folders"));
    let mut m = crate::app::testing::loaded(100, 30, vec![dir("a")], vec![]);
    assert_eq!(press(&mut m, "<C-x> s"), []);
    assert!(status_text(&m).starts_with("Sync goes between a local folder and a cloud folder"));
    let mut m = model();
    let effects = press(&mut m, "<C-x> s");
    let [Effect::Compare(CompareEffect::Walk { ticket, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let ticket = *ticket;
    let result = Err("cannot list: denied".into());
    update(&mut m, Msg::Compare(CompareMsg::Walked { ticket, result }));
    assert_eq!(status_text(&m), "Sync: cannot list: denied");
    assert!(m.modal.is_none() && m.compare.job.is_none());
}

#[test]
fn a_download_sync_leaves_files_rejected_by_review_and_their_local_copies_alone() {
    let mut m = model();
    press(&mut m, "<Tab>");
    let effects = press(&mut m, "<C-x> s");
    let [Effect::Compare(CompareEffect::Walk { ticket, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let ticket = *ticket;
    let mut w = walked();
    w.local.clear();
    w.local.insert("pics".into(), Node::dir());
    w.local.insert("pics/gone.jpg".into(), Node::file(3, None));
    w.rejected = vec!["pics/gone.jpg".into()];
    let result = Ok(w);
    update(&mut m, Msg::Compare(CompareMsg::Walked { ticket, result }));
    update(&mut m, Msg::Command(Command::ToggleDeletions));
    let a = ask(&m);
    let paths: Vec<&str> = a.plan().actions.iter().map(|x| x.path()).collect();
    assert!(!paths.contains(&"pics/gone.jpg"), "{paths:?}");
    assert_eq!(a.plan().counts.deleted.count, 0, "the local copy stays");
    assert_eq!(a.plan().counts.new.count, 3, "same, edited, old/x");
    assert_eq!(a.job.rejected, ["pics/gone.jpg"]);
}
