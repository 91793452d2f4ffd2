//! Going to a typed path: the prompt prefilled with the pane's folder, `/` first starting a new
//! path on the same backend, completion, and where the pane lands (or stays).

use super::ops::{cloud, loaded_local, two_clouds};
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::fs::{CloudDir, FsError, FsErrorKind, Location, Opened, TypedPath};
use pretty_assertions::assert_eq;

fn prompt(m: &Model) -> &InputState {
    match &m.modal {
        Some(Modal::Input(state)) if state.purpose == InputPurpose::GoTo => state,
        other => panic!("no go-to prompt: {other:?}"),
    }
}

fn docs() -> Location {
    Location::Cloud(CloudDir::root().child(5, "docs"))
}

fn backup() -> CloudDir {
    CloudDir::root().child(7, "备份")
}

/// Types `text` after `g <Space>` in the left pane and accepts: the lookup's ticket.
fn go(m: &mut Model, keys: &str, want: TypedPath) -> Ticket {
    let effects = press(m, keys);
    match &effects[..] {
        [
            Effect::OpenPath {
                side: Side::Left,
                ticket,
                path,
                typed: true,
            },
        ] => {
            assert_eq!(path, &want);
            assert!(m.modal.is_none(), "the prompt closes");
            assert!(m.focused().is_loading(), "the pane says it is looking");
            *ticket
        }
        other => panic!("expected one lookup, got {other:?}"),
    }
}

fn opened(
    m: &mut Model,
    ticket: Ticket,
    path: TypedPath,
    result: Result<Opened, FsError>,
) -> Vec<Effect> {
    let msg = CloudMsg::Opened {
        side: Side::Left,
        ticket,
        path,
        typed: true,
        result,
    };
    update(m, Msg::Cloud(msg))
}

#[test]
fn a_typed_cloud_path_opens_its_nearest_folder_and_back_returns() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    press(&mut m, "g <Space>");
    assert_eq!(prompt(&m).input.value(), "cloud:/docs/");
    press(&mut m, "/");
    assert_eq!(
        prompt(&m).input.value(),
        "cloud:/",
        "a new path on the drive"
    );
    let want = TypedPath::Cloud("/备份/x".into());
    let ticket = go(&mut m, "备 份 / x <Enter>", want.clone());
    let found = Opened {
        location: Location::Cloud(backup()),
        missing: Some("x not found there".into()),
    };
    assert!(opened(&mut m, ticket + 1, want.clone(), Ok(found.clone())).is_empty());
    let effects = opened(&mut m, ticket, want, Ok(found));
    assert!(matches!(
        &effects[..],
        [Effect::List { side: Side::Left, location: Location::Cloud(d), .. }] if *d == backup()
    ));
    assert_eq!(status_text(&m), "Showing cloud:/备份: x not found there");
    assert_eq!(m.focused().history.back, [docs()], "H goes back to /docs");
}

#[test]
fn a_path_that_cannot_be_looked_up_leaves_the_pane_where_it_was() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    let want = TypedPath::Images("/blog".into());
    let ticket = go(
        &mut m,
        "<A-c> <C-u> i m a g e s : / b l o g <Enter>",
        want.clone(),
    );
    let err = FsError::new(FsErrorKind::Network, "the server did not answer");
    assert!(opened(&mut m, ticket, want, Err(err)).is_empty());
    assert_eq!(m.focused().location, docs());
    assert_eq!(m.focused().load, LoadState::Done);
    assert_eq!(m.focused().listing.len(), 1, "the listing stays");
    assert_eq!(
        status_text(&m),
        "Cannot open images:/blog: the server did not answer"
    );
}

#[test]
fn tab_completes_from_the_pane_folder_and_relative_paths_stay_on_its_backend() {
    let mut m = loaded_local();
    press(&mut m, "g <Space>");
    assert_eq!(prompt(&m).input.value(), "/l/");
    let effects = press(&mut m, "<C-u> d <Tab>");
    assert_eq!(
        effects,
        [Effect::Complete {
            text: "d".into(),
            path: TypedPath::Local("/l/d".into()),
        }]
    );
    let names = vec!["docs".to_owned()];
    update(
        &mut m,
        Msg::Completed {
            text: "d".into(),
            names,
        },
    );
    assert_eq!(prompt(&m).input.value(), "docs/");
    let ticket = go(&mut m, "<Enter>", TypedPath::Local("/l/docs".into()));
    let found = Opened {
        location: Location::Local("/l/docs".into()),
        missing: None,
    };
    opened(
        &mut m,
        ticket,
        TypedPath::Local("/l/docs".into()),
        Ok(found),
    );
    assert_eq!(m.focused().location, Location::Local("/l/docs".into()));
    assert_eq!(m.status, None, "nothing to say when the folder exists");
}

#[test]
fn cloud_paths_need_an_account_and_an_empty_path_is_refused() {
    let mut m = loaded_local();
    press(&mut m, "g <Space> <C-u> <Enter>");
    assert_eq!(prompt(&m).error.as_deref(), Some("Type a folder"));
    press(&mut m, "c l o u d : / <Enter>");
    assert!(
        prompt(&m)
            .error
            .as_deref()
            .unwrap()
            .starts_with("No cloud account")
    );
}
