//! What `config.toml` sets through the model: the conflict policy new transfers start with,
//! and the theme switched at run time (`Msg::SetTheme`).

use super::ops::loaded_local;
use crate::app::testing::{press, status_text};
use crate::app::*;
use crate::config::Styles;
use crate::transfer::{ConflictPolicy, TransferSpec};

#[test]
fn transfers_start_with_the_configured_conflict_policy() {
    for policy in [
        ConflictPolicy::Ask,
        ConflictPolicy::KeepBoth,
        ConflictPolicy::Skip,
    ] {
        let mut m = loaded_local();
        m.transfers.enabled = true;
        m.settings.conflict = policy;
        press(&mut m, "<Space> <F5>");
        let effects = press(&mut m, "y");
        let [Effect::Transfer(TransferCmd::Submit { spec, .. })] = effects.as_slice() else {
            panic!("a submit: {effects:?}")
        };
        let TransferSpec::LocalCopy { policy: got, .. } = spec else {
            panic!("a local copy: {spec:?}")
        };
        assert_eq!(*got, policy);
    }
}

#[test]
fn set_theme_asks_for_the_theme_and_its_styles_replace_the_models() {
    let mut m = loaded_local();
    let effects = update(&mut m, Msg::SetTheme("16-colour".into()));
    assert_eq!(
        effects,
        [Effect::LoadTheme {
            name: "16-colour".into()
        }]
    );
    assert_eq!(
        m.styles,
        Styles::colored(),
        "nothing changes before the answer"
    );
    update(
        &mut m,
        Msg::ThemeLoaded {
            name: "16-colour".into(),
            result: Ok(Styles::sixteen()),
        },
    );
    assert_eq!(m.styles, Styles::sixteen());
    assert_eq!(m.settings.theme, "16-colour");
    assert_eq!(status_text(&m), "Theme 16-colour");

    update(
        &mut m,
        Msg::ThemeLoaded {
            name: "nope".into(),
            result: Err("unknown theme \"nope\"".into()),
        },
    );
    assert_eq!(
        m.styles,
        Styles::sixteen(),
        "a failed switch keeps the theme"
    );
    assert_eq!(m.settings.theme, "16-colour");
    assert_eq!(status_text(&m), "unknown theme \"nope\"");
}
