//! File-operation flows in update(): ask → confirm → effect, results, undo, trash.

use crate::app::testing::{dir, file, press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::fs::{CloudDir, DirPatch, DirRef, Entry, EntryKey, EntryKind, Location, Patch};
use crate::plan::Scope;
use pretty_assertions::assert_eq;

pub(super) fn cloud(id: i64, name: &str, is_dir: bool) -> Entry {
    let kind = if is_dir {
        EntryKind::Dir
    } else {
        EntryKind::File
    };
    Entry::new(EntryKey::Cloud(id), name.into(), kind, 10, Some(0))
}

/// Left: cloud `/docs` (id 5) with `left`; right: cloud root with `right`. Focus left.
pub(super) fn two_clouds(left: Vec<Entry>, right: Vec<Entry>) -> Model {
    let docs = Location::Cloud(CloudDir::root().child(5, "docs"));
    crate::app::testing::listed((docs, left), (Location::Cloud(CloudDir::root()), right))
}

pub(super) fn op_spec(effects: &[Effect]) -> OpSpec {
    match effects {
        [Effect::Op { spec, .. }] => spec.clone(),
        other => panic!("expected one operation, got {other:?}"),
    }
}

fn item(id: i64, name: &str) -> OpItem {
    OpItem {
        key: EntryKey::Cloud(id),
        name: name.into(),
        is_dir: false,
    }
}

#[test]
fn mkdir_checks_the_name_before_asking_the_server() {
    let mut m = two_clouds(vec![], vec![]);
    press(&mut m, "<F7> a : b <Enter>");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!("prompt stays open")
    };
    assert!(
        state
            .error
            .as_deref()
            .unwrap()
            .contains("forbidden character"),
        "{:?}",
        state.error
    );
    press(&mut m, "<Backspace> <Backspace> <Backspace> 新 建");
    let spec = op_spec(&press(&mut m, "<Enter>"));
    assert_eq!(
        spec,
        OpSpec::Mkdir {
            at: m.focused().location.clone(),
            name: "新建".into()
        }
    );
    assert_eq!(m.ops.len(), 1, "shown as running");
}

#[test]
fn finished_mkdir_lists_the_new_directory_in_place_and_lands_on_it() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    let at = m.focused().location.clone();
    let Effect::Op { id, .. } = press(&mut m, "a x <Enter>").remove(0) else {
        panic!()
    };
    let mut made = DirPatch::new(DirRef::Cloud(5));
    made.added.push(cloud(99, "x", true));
    let report = OpReport {
        ok: 1,
        focus: Some((at, EntryKey::Cloud(99))),
        patch: Patch {
            dirs: vec![made],
            ..Patch::default()
        },
        ..OpReport::default()
    };
    let effects = update(
        &mut m,
        Msg::Op(OpMsg::Finished {
            op: id,
            report: Box::new(report),
        }),
    );
    assert_eq!(effects, [], "nothing is listed again");
    assert!(m.ops.is_empty());
    assert_eq!(m.focused().current().unwrap().name, "x");
    assert_eq!(m.focused().listing.total(), 2);
    assert_eq!(m.pane(Side::Right).listing.total(), 0, "root untouched");
}

#[test]
fn cloud_delete_goes_to_the_trash_after_a_plain_confirmation() {
    let mut m = two_clouds(vec![cloud(1, "a", false), cloud(2, "b", false)], vec![]);
    press(&mut m, "<Space> <Space> d");
    assert_eq!(m.layer(), Layer::Confirm);
    let effects = press(&mut m, "<Enter>");
    let spec = op_spec(&effects);
    let at = m.focused().location.clone();
    assert_eq!(
        spec,
        OpSpec::Trash {
            at,
            items: vec![item(1, "a"), item(2, "b")]
        }
    );
    let Effect::Op { id, .. } = effects[0] else {
        unreachable!()
    };
    assert_eq!(
        m.ops[0].label, "Moving 2 items to the trash",
        "said in the present while it runs, never as done"
    );
    let report = Box::new(OpReport {
        ok: 2,
        ..OpReport::default()
    });
    update(&mut m, Msg::Op(OpMsg::Finished { op: id, report }));
    assert_eq!(status_text(&m), "Moved 2 items to the trash");
}

#[test]
fn ctrl_c_cancels_a_question_like_esc() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    press(&mut m, "d");
    assert_eq!(m.layer(), Layer::Confirm);
    assert!(press(&mut m, "<C-c>").is_empty());
    assert!(
        m.modal.is_none() && !m.quit,
        "the question closed, panfm runs on"
    );
    press(&mut m, "<C-c>");
    assert!(m.quit, "outside a question C-c still quits");
}

#[test]
fn permanent_deletes_need_y_not_enter() {
    let (mut m, _) = super::trash::in_trash(vec![cloud(1, "a", false)]);
    press(&mut m, "d");
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert!(state.danger && state.title.contains("cannot be undone"));
    assert!(press(&mut m, "<Enter>").is_empty());
    assert!(matches!(m.modal, Some(Modal::Confirm(_))), "still asking");
    let spec = op_spec(&press(&mut m, "y"));
    assert!(matches!(spec, OpSpec::Delete { .. }));
    press(&mut m, "d n");
    assert!(m.modal.is_none());
}

pub(super) fn loaded_local() -> Model {
    crate::app::testing::loaded(
        100,
        30,
        vec![file("a.txt", 1), file("b.txt", 2)],
        vec![dir("x")],
    )
}

#[test]
fn move_and_copy_target_the_other_pane() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![cloud(7, "dst", true)]);
    press(&mut m, "<F6>");
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert!(state.title.contains("Move 1 item to /"), "{}", state.title);
    let spec = op_spec(&press(&mut m, "y"));
    let (from, to) = (
        m.pane(Side::Left).location.clone(),
        m.pane(Side::Right).location.clone(),
    );
    assert_eq!(
        spec,
        OpSpec::Move {
            from: from.clone(),
            items: vec![item(1, "a")],
            to: to.clone()
        }
    );
    let spec = op_spec(&press(&mut m, "c y"));
    assert_eq!(
        spec,
        OpSpec::Copy {
            from,
            items: vec![item(1, "a")],
            to
        }
    );
}

#[test]
fn local_to_cloud_copies_are_transfers_not_file_operations() {
    let mut m = loaded_local();
    m.cloud_enabled = true;
    m.panes[1].location = Location::Cloud(CloudDir::root());
    press(&mut m, "<F5>");
    assert!(m.modal.is_none());
    assert!(status_text(&m).contains("Transfers need a cloud account"));
    m.transfers.enabled = true;
    press(&mut m, "<F5>");
    assert!(matches!(m.modal, Some(Modal::TransferAsk(_))));
    press(&mut m, "<Esc> <Space> <F5> y");
    assert!(m.focused().marks.is_empty(), "queued marks are spent");
}

#[test]
fn answering_a_question_spends_the_marks_and_cancelling_keeps_them() {
    let left = vec![cloud(1, "a", false), cloud(2, "b", false)];
    let mut m = two_clouds(left, vec![cloud(7, "dst", true)]);
    press(&mut m, "<Space> <Space>");
    assert_eq!(m.focused().marks.len(), 2);
    press(&mut m, "<F5> n");
    assert_eq!(
        m.focused().marks.len(),
        2,
        "a cancelled question keeps them"
    );
    let OpSpec::Copy { items, .. } = op_spec(&press(&mut m, "<F5> y")) else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    assert!(m.focused().marks.is_empty());
    assert_eq!(m.focused().marked_bytes, 0);
}

#[test]
fn single_rename_prompt_starts_before_the_extension_and_refuses_clashes() {
    let mut m = loaded_local();
    press(&mut m, "r");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!()
    };
    assert_eq!((state.input.value(), state.input.cursor()), ("a.txt", 1));
    press(&mut m, "<Backspace> b <Enter>");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!("clash refused")
    };
    assert!(state.error.as_deref().unwrap().contains("already exists"));
    press(&mut m, "<Backspace> c");
    let spec = op_spec(&press(&mut m, "<Enter>"));
    let OpSpec::Rename { steps, .. } = spec else {
        panic!()
    };
    assert_eq!(
        (steps[0].from.as_str(), steps[0].to.as_str()),
        ("a.txt", "c.txt")
    );
}

#[test]
fn batch_rename_previews_and_sends_only_a_clean_plan() {
    let entries = vec![
        cloud(1, "IMG_1.jpg", false),
        cloud(2, "IMG_2.jpg", false),
        cloud(3, "x.jpg", false),
    ];
    let mut m = two_clouds(entries, vec![]);
    press(&mut m, "<Space> <Space> r");
    assert_eq!(m.layer(), Layer::Rename);
    press(&mut m, "I M G _ <Tab> p");
    let Some(Modal::Rename(state)) = &m.modal else {
        panic!()
    };
    let news: Vec<&str> = state.preview.rows.iter().map(|r| r.new.as_str()).collect();
    assert_eq!(news, ["p1.jpg", "p2.jpg"]);
    assert!(state.preview.is_clean());
    assert_eq!(state.scope, Scope::Whole, "the CLI's default too");
    // Replacing every stem (C-o: the name without its extension) with a constant makes
    // duplicates: refused until auto-numbered.
    press(&mut m, "<Esc> r <C-x> . * <Tab> x <C-o>");
    let Some(Modal::Rename(state)) = &m.modal else {
        panic!()
    };
    assert_eq!(state.scope, Scope::Stem);
    let Some(Modal::Rename(state)) = &m.modal else {
        panic!()
    };
    assert!(state.preview.problems > 0, "{:?}", state.preview);
    assert!(press(&mut m, "<Enter>").is_empty());
    assert!(matches!(m.modal, Some(Modal::Rename(_))));
    press(&mut m, "<C-n>");
    let spec = op_spec(&press(&mut m, "<Enter>"));
    let OpSpec::Rename { steps, .. } = spec else {
        panic!()
    };
    let targets: Vec<&str> = steps.iter().map(|s| s.to.as_str()).collect();
    assert_eq!(targets, ["x (2).jpg", "x (3).jpg"], "x.jpg exists already");
}

#[test]
fn editor_rename_round_trip() {
    let mut m = loaded_local();
    let effects = press(&mut m, "R");
    assert_eq!(
        effects,
        vec![Effect::EditNames {
            names: vec!["a.txt".into(), "b.txt".into()]
        }]
    );
    update(
        &mut m,
        Msg::Edited {
            result: Ok("one\n".into()),
        },
    );
    assert!(m.modal.is_none());
    assert!(status_text(&m).contains("Nothing renamed"));
    update(
        &mut m,
        Msg::Edited {
            result: Ok("A.txt\nb.txt\n".into()),
        },
    );
    let Some(Modal::Rename(state)) = &m.modal else {
        panic!()
    };
    assert_eq!(state.preview.changes, 1);
    let spec = op_spec(&press(&mut m, "<Enter>"));
    let OpSpec::Rename { steps, .. } = spec else {
        panic!()
    };
    assert_eq!(steps.len(), 1);
    update(
        &mut m,
        Msg::Edited {
            result: Err("vi exited with 1".into()),
        },
    );
    assert!(m.status.unwrap().text.contains("vi exited"));
}

#[test]
fn undo_reverses_the_last_batch_after_a_preview() {
    let mut m = two_clouds(vec![cloud(1, "b", false)], vec![]);
    press(&mut m, "U");
    assert!(m.modal.is_none() && status_text(&m).contains("Nothing to undo"));
    let at = m.focused().location.clone();
    let record = UndoRecord {
        description: "rename of 1 entries".into(),
        actions: vec![UndoAction::Rename {
            at: at.clone(),
            key: EntryKey::Cloud(1),
            from: "b".into(),
            to: "a".into(),
        }],
    };
    let report = OpReport {
        ok: 1,
        undo: Some(record),
        ..OpReport::default()
    };
    update(
        &mut m,
        Msg::Op(OpMsg::Finished {
            op: 9,
            report: Box::new(report),
        }),
    );
    press(&mut m, "U");
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert!(state.lines[0].contains("b → a"));
    let spec = op_spec(&press(&mut m, "y"));
    let step = RenameStep {
        key: EntryKey::Cloud(1),
        from: "b".into(),
        to: "a".into(),
    };
    assert_eq!(
        spec,
        OpSpec::Rename {
            at,
            steps: vec![step]
        }
    );
}

#[test]
fn trash_view_restores_and_purges() {
    let mut m = two_clouds(vec![], vec![]);
    let effects = press(&mut m, "T");
    assert!(matches!(
        &effects[0],
        Effect::List {
            location: Location::Trash,
            ..
        }
    ));
    let Effect::List { ticket, .. } = effects[0].clone() else {
        panic!()
    };
    let entries = vec![cloud(3, "old.pdf", false)];
    update(
        &mut m,
        Msg::Listing(ListingMsg::Page {
            side: Side::Left,
            ticket,
            entries,
        }),
    );
    let spec = op_spec(&press(&mut m, "r y"));
    assert_eq!(
        spec,
        OpSpec::Restore {
            items: vec![item(3, "old.pdf")],
            to: None
        }
    );
    press(&mut m, "d");
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert!(state.danger && state.title.contains("1 item from the trash for good"));
    assert!(matches!(
        op_spec(&press(&mut m, "y")),
        OpSpec::Delete {
            at: Location::Trash,
            ..
        }
    ));
}

#[test]
fn failures_are_listed_and_orphans_offered_a_new_home() {
    let mut m = two_clouds(vec![], vec![]);
    let report = OpReport {
        ok: 1,
        failed: vec![("a.txt".into(), "当前目录有重名文件".into())],
        ..OpReport::default()
    };
    update(
        &mut m,
        Msg::Op(OpMsg::Finished {
            op: 1,
            report: Box::new(report),
        }),
    );
    let Some(Modal::Report { title, lines, .. }) = &m.modal else {
        panic!()
    };
    assert!(title.contains("1 done, 1 failed") && lines[0].contains("重名"));
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
    let report = OpReport {
        ok: 0,
        orphaned: vec![item(4, "lost")],
        ..OpReport::default()
    };
    update(
        &mut m,
        Msg::Op(OpMsg::Finished {
            op: 2,
            report: Box::new(report),
        }),
    );
    let spec = op_spec(&press(&mut m, "y"));
    assert_eq!(
        spec,
        OpSpec::Restore {
            items: vec![item(4, "lost")],
            to: Some(CloudDir::root())
        }
    );
}

#[test]
fn progress_updates_the_running_operation() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    let Effect::Op { id, .. } = press(&mut m, "d y").remove(0) else {
        panic!()
    };
    update(
        &mut m,
        Msg::Op(OpMsg::Progress {
            op: id,
            done: 1,
            total: 1,
        }),
    );
    assert_eq!((m.ops[0].done, m.ops[0].total), (1, 1));
}
