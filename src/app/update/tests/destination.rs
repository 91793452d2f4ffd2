//! Typed destinations for copy and move: cloud paths completed with Tab, looked up and asked
//! again; local paths taken as typed.

use super::ops::{cloud, loaded_local, op_spec, two_clouds};
use crate::app::testing::press;
use crate::app::*;
use crate::fs::{CloudDir, Location, TypedPath};
use pretty_assertions::assert_eq;

#[test]
fn another_cloud_destination_is_completed_looked_up_and_asked_again() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    press(&mut m, "m e");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!()
    };
    assert_eq!(state.input.value(), "/");
    press(&mut m, "p");
    let effects = press(&mut m, "<Tab>");
    assert_eq!(
        effects,
        vec![Effect::Complete {
            text: "/p".into(),
            path: TypedPath::Cloud("/p".into())
        }]
    );
    let names = vec!["photos".to_owned(), "photos-old".to_owned()];
    update(
        &mut m,
        Msg::Completed {
            text: "/p".into(),
            names,
        },
    );
    let Some(Modal::Input(state)) = &m.modal else {
        panic!()
    };
    assert_eq!(state.input.value(), "/photos");
    assert!(state.note.as_deref().unwrap().contains("photos-old"));
    update(
        &mut m,
        Msg::Completed {
            text: "/photos".into(),
            names: vec!["photos".into()],
        },
    );
    let effects = press(&mut m, "<Enter>");
    assert_eq!(
        effects,
        vec![Effect::ResolveDestination {
            text: "/photos/".into()
        }]
    );
    let dir = CloudDir::root().child(9, "photos");
    let stale = CloudMsg::Destination {
        text: "/other".into(),
        result: Ok(CloudDir::root()),
    };
    update(&mut m, Msg::Cloud(stale));
    assert!(
        matches!(m.modal, Some(Modal::Input(_))),
        "an answer for other text is ignored"
    );
    update(
        &mut m,
        Msg::Cloud(CloudMsg::Destination {
            text: "/photos/".into(),
            result: Ok(dir.clone()),
        }),
    );
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert!(state.title.contains("to /photos?"), "{}", state.title);
    let OpSpec::Move { to, .. } = op_spec(&press(&mut m, "y")) else {
        panic!()
    };
    assert_eq!(to, Location::Cloud(dir));
}

#[test]
fn a_missing_cloud_destination_keeps_the_prompt_with_the_reason() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    press(&mut m, "c e n o p e <Enter>");
    let err = crate::fs::FsError::new(
        crate::fs::FsErrorKind::NotFound,
        "no such file or directory: /nope",
    );
    update(
        &mut m,
        Msg::Cloud(CloudMsg::Destination {
            text: "/nope".into(),
            result: Err(err),
        }),
    );
    let Some(Modal::Input(state)) = &m.modal else {
        panic!()
    };
    assert!(state.error.as_deref().unwrap().contains("no such file"));
}

#[test]
fn a_local_destination_is_taken_as_typed() {
    let mut m = loaded_local();
    m.panes[1].location = Location::Local("/r".into());
    press(&mut m, "m e");
    press(&mut m, "<C-u> ~ / x <Enter>");
    let Some(Modal::Confirm(state)) = &m.modal else {
        panic!()
    };
    assert!(state.title.contains("/home/u/x"), "{}", state.title);
}

fn prompt_text(m: &Model) -> (String, usize) {
    let Some(Modal::Input(state)) = &m.modal else {
        panic!("no prompt: {:?}", m.modal)
    };
    (state.input.value().to_owned(), state.input.cursor())
}

/// Left cloud pane with `a`, right pane at `/备份`: the move's destination is prefilled.
fn moving_to_backup() -> Model {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    m.panes[1].location = Location::Cloud(CloudDir::root().child(7, "备份"));
    press(&mut m, "m e");
    assert_eq!(prompt_text(&m).0, "/备份/");
    m
}

#[test]
fn a_slash_typed_first_starts_a_new_path_other_keys_edit_the_suggestion() {
    let mut m = moving_to_backup();
    press(&mut m, "/ 文");
    assert_eq!(prompt_text(&m).0, "/文", "not /备份//文");
    press(&mut m, "/");
    assert_eq!(prompt_text(&m).0, "/文/", "only the first key starts over");

    let mut m = moving_to_backup();
    press(&mut m, "x /");
    assert_eq!(prompt_text(&m).0, "/备份/x/", "other first keys append");

    let mut m = moving_to_backup();
    press(&mut m, "<Left> /");
    assert_eq!(
        prompt_text(&m).0,
        "/备份//",
        "after moving the cursor, / is typed"
    );

    let mut m = moving_to_backup();
    press(&mut m, "<C-u> x");
    assert_eq!(prompt_text(&m).0, "x", "C-u still clears");
}

#[test]
fn a_paste_goes_in_at_the_cursor_and_a_pasted_path_replaces_the_suggestion() {
    let mut m = moving_to_backup();
    update(&mut m, Msg::Paste("/照片/2024\nmore".into()));
    assert_eq!(
        prompt_text(&m).0,
        "/照片/2024",
        "first line only, replacing"
    );

    let mut m = moving_to_backup();
    update(&mut m, Msg::Paste("sub".into()));
    press(&mut m, "<Home> <Right>");
    update(&mut m, Msg::Paste("中文".into()));
    assert_eq!(prompt_text(&m), ("/中文备份/sub".to_owned(), 3));
}
