//! The command palette through update(): keys open it, typing filters, Enter runs the command
//! as its key would (in the layer it opened over), a path goes there; recent picks are kept.

use super::ops::{cloud, loaded_local, two_clouds};
use crate::app::testing::{file, loaded, press};
use crate::app::*;
use crate::config::{Command, Layer};
use crate::fs::TypedPath;
use pretty_assertions::assert_eq;

fn palette(m: &Model) -> &PaletteState {
    match &m.modal {
        Some(Modal::Palette(state)) => state,
        other => panic!("no palette: {other:?}"),
    }
}

fn kept_recent(effects: &[Effect]) -> Option<&Recent> {
    effects.iter().find_map(|e| match e {
        Effect::Keep(Kept::Recent(r)) => Some(r),
        _ => None,
    })
}

#[test]
fn colon_and_ctrl_p_open_it_and_enter_runs_the_command_as_its_key_would() {
    let mut m = loaded_local();
    press(&mut m, ":");
    assert_eq!(m.layer(), Layer::Palette);
    assert_eq!(palette(&m).from, Layer::Browse);
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());

    press(&mut m, "<C-p>");
    let effects = press(&mut m, "n e w <Space> d i r");
    assert!(effects.is_empty());
    let effects = press(&mut m, "<Enter>");
    match &m.modal {
        Some(Modal::Input(s)) => assert_eq!(s.purpose, InputPurpose::Mkdir, "as `a` does"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        kept_recent(&effects).map(|r| r.commands.clone()),
        Some(vec![Command::Mkdir]),
        "the pick is saved"
    );
    press(&mut m, "<Esc> :");
    let first = palette(&m).hits[0].item.and_then(|i| palette(&m).item(i));
    assert!(matches!(
        first.map(|i| &i.action),
        Some(Action::Run(Command::Mkdir))
    ));
    assert!(kept_recent(&press(&mut m, "<Esc> : n e w <Space> d i r <Enter>")).is_none());
}

#[test]
fn enter_passes_effects_through_and_arrows_choose() {
    let mut m = two_clouds(vec![cloud(1, "a", false)], vec![]);
    press(&mut m, ": r e l o a d");
    let effects = press(&mut m, "<Enter>");
    assert!(
        matches!(
            &effects[0],
            Effect::List {
                side: Side::Left,
                fresh: true,
                ..
            }
        ),
        "{effects:?}"
    );
    press(&mut m, ": <Down> <Down> <Up>");
    assert_eq!(palette(&m).cursor, 1);
    press(&mut m, "<Up> <Up>");
    assert_eq!(palette(&m).cursor, palette(&m).hits.len() - 1, "wraps");
    press(&mut m, "<Esc> : q x q x q z <Enter>");
    assert_eq!(palette(&m).error.as_deref(), Some("Nothing matches"));
}

#[test]
fn over_the_viewer_it_lists_and_runs_viewer_commands() {
    let mut m = loaded(100, 30, vec![file("a.txt", 10)], vec![]);
    press(&mut m, "<F3>");
    assert_eq!(m.layer(), Layer::Viewer);
    press(&mut m, "<C-p>");
    assert_eq!(palette(&m).from, Layer::Viewer);
    press(&mut m, "c l o s e");
    press(&mut m, "<Enter>");
    assert!(m.viewer.is_none(), "Close the viewer ran in the viewer");
    assert!(m.modal.is_none());
}

#[test]
fn a_typed_path_goes_there_and_tab_completes() {
    let mut m = loaded_local();
    let effects = press(&mut m, ": / t <Tab>");
    assert_eq!(
        effects,
        [Effect::Complete {
            text: "/t".into(),
            path: TypedPath::Local("/t".into()),
        }]
    );
    let names = vec!["tmp".to_owned()];
    update(
        &mut m,
        Msg::Completed {
            text: "/t".into(),
            names,
        },
    );
    assert_eq!(palette(&m).input.value(), "/tmp/");
    let effects = press(&mut m, "<Enter>");
    assert!(
        matches!(&effects[..], [Effect::OpenPath { path: TypedPath::Local(p), typed: true, .. }] if p.as_os_str() == "/tmp"),
        "{effects:?}"
    );
    assert!(m.modal.is_none());

    press(&mut m, ": c l o u d : / x <Enter>");
    assert!(
        palette(&m)
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("No cloud account")
    );
}

#[test]
fn path_mode_offers_bookmarks_and_recent_folders() {
    let mut m = loaded_local();
    m.bookmarks.marks.insert('w', "/work/x".into());
    press(&mut m, ": /");
    let names: Vec<String> = palette(&m).hits[1..]
        .iter()
        .filter_map(|h| Some(palette(&m).item(h.item?)?.name.clone()))
        .collect();
    assert_eq!(
        names,
        ["/work/x", "/r", "/l"],
        "bookmarks, then recent folders"
    );
    let effects = press(&mut m, "w o r k <Down> <Enter>");
    assert!(
        matches!(&effects[..], [Effect::OpenPath { path: TypedPath::Local(p), .. }] if p.as_os_str() == "/work/x"),
        "{effects:?}"
    );
}

#[test]
fn an_extra_item_sends_its_message_through_update() {
    let mut m = loaded_local();
    press(&mut m, ":");
    if let Some(Modal::Palette(state)) = &mut m.modal {
        state.items.push(Item {
            desc: "Theme: something".into(),
            name: "theme".into(),
            keys: String::new(),
            action: Action::Send(Box::new(Msg::Command(Command::ToggleHidden))),
        });
    }
    let hidden = m.focused().show_hidden;
    press(&mut m, "t h e m e <Enter>");
    assert!(m.modal.is_none());
    assert_ne!(m.focused().show_hidden, hidden, "the message ran");
}

#[test]
fn the_palette_switches_themes_live() {
    let mut m = loaded_local();
    m.settings.themes = vec!["default".into(), "16-colour".into(), "mine".into()];
    press(&mut m, ":");
    let themes: Vec<&str> = palette(&m)
        .items
        .iter()
        .filter(|i| i.desc.starts_with("Theme: "))
        .map(|i| i.desc.as_str())
        .collect();
    assert_eq!(
        themes,
        [
            "Theme: default (current)",
            "Theme: 16-colour",
            "Theme: mine"
        ]
    );
    let effects = press(&mut m, "t h e m e <Space> m i n e <Enter>");
    assert!(m.modal.is_none());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadTheme { name } if name == "mine")),
        "{effects:?}"
    );
}
