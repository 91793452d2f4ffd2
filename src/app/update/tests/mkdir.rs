//! The new-folder prompt given a path: `a/b` makes each missing level (`mkdir -p`), every name
//! checked first, and the cursor lands on the first level whether it was made or found.

use super::ops::{cloud, op_spec, two_clouds};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::fs::{EntryKey, Location, Patch};
use pretty_assertions::assert_eq;

fn prompt_error(m: &Model) -> String {
    match &m.modal {
        Some(Modal::Input(state)) => state.error.clone().unwrap_or_default(),
        other => panic!("the prompt stays open: {other:?}"),
    }
}

#[test]
fn a_path_makes_each_level_and_every_name_is_checked_first() {
    let mut m = two_clouds(vec![], vec![]);
    press(&mut m, "<F7> / x <Enter>");
    assert!(
        prompt_error(&m).contains("leading /"),
        "{}",
        prompt_error(&m)
    );
    press(&mut m, "<C-u> a / . . / b <Enter>");
    assert!(prompt_error(&m).contains("`..` is reserved"));
    press(&mut m, "<C-u> 备 份 / a : b <Enter>");
    let why = prompt_error(&m);
    assert!(
        why.starts_with("a:b: ") && why.contains("forbidden"),
        "{why}"
    );
    assert!(m.ops.is_empty(), "nothing started");
}

#[test]
fn the_prompt_sends_the_levels_joined() {
    let mut m = two_clouds(vec![], vec![]);
    let effects = press(&mut m, "a 备 份 / / 2 0 2 6 / <Enter>");
    assert_eq!(
        op_spec(&effects),
        OpSpec::Mkdir {
            at: m.focused().location.clone(),
            name: "备份/2026".into()
        },
        "empty levels and the trailing / dropped"
    );
    assert!(m.modal.is_none());
}

#[test]
fn the_cursor_lands_on_a_first_level_that_already_existed() {
    let mut m = two_clouds(
        vec![
            cloud(1, "a", false),
            cloud(7, "备份", true),
            cloud(8, "z", false),
        ],
        vec![],
    );
    let at = m.focused().location.clone();
    assert_eq!(m.focused().current().unwrap().name, "备份", "folders first");
    press(&mut m, "G");
    let Effect::Op { id, .. } = press(&mut m, "a 备 份 / 2 0 2 6 <Enter>").remove(0) else {
        panic!()
    };
    let report = OpReport {
        ok: 1,
        focus: Some((at, EntryKey::Cloud(7))),
        patch: Patch::default(),
        ..OpReport::default()
    };
    let msg = OpMsg::Finished {
        op: id,
        report: Box::new(report),
    };
    assert_eq!(update(&mut m, Msg::Op(msg)), [], "nothing is listed again");
    assert_eq!(m.focused().current().unwrap().name, "备份");
    assert_eq!(status_text(&m), "Created 备份/2026");
    assert_eq!(
        m.focused().location,
        Location::Cloud(crate::fs::CloudDir::root().child(5, "docs"))
    );
}
