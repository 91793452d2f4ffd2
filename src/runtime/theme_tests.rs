//! `Effect::LoadTheme`: the executor reads the theme from the config directory and answers
//! with its styles, or with why it could not.

use super::Executor;
use crate::app::{Effect, Msg};
use crate::config::{Styles, Themes};
use ratatui::style::Color;

fn load(
    executor: &mut Executor,
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<Msg>,
    name: &str,
) -> Result<Styles, String> {
    assert!(
        executor
            .run(Effect::LoadTheme { name: name.into() })
            .is_none()
    );
    match rx.try_recv() {
        Ok(Msg::ThemeLoaded { name: got, result }) => {
            assert_eq!(got, name);
            result
        }
        other => panic!("ThemeLoaded, got {other:?}"),
    }
}

#[tokio::test]
async fn user_and_builtin_themes_load_and_no_color_wins() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config");
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut executor = Executor::new(tx, None).with_themes(Themes::new(&dir), false);
    let paper = load(&mut executor, &mut rx, "paper").unwrap();
    assert_eq!(paper.cursor.bg, Some(Color::Yellow));
    assert_eq!(
        load(&mut executor, &mut rx, "high-contrast").unwrap(),
        Styles::high_contrast()
    );
    let err = load(&mut executor, &mut rx, "bad_colour").unwrap_err();
    assert!(err.contains("unknown colour \"pinkish\""), "{err}");

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut executor = Executor::new(tx, None).with_themes(Themes::new(&dir), true);
    assert_eq!(
        load(&mut executor, &mut rx, "paper").unwrap(),
        Styles::monochrome()
    );

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut executor = Executor::new(tx, None);
    assert_eq!(
        load(&mut executor, &mut rx, "16-colour").unwrap(),
        Styles::sixteen()
    );
    assert!(
        load(&mut executor, &mut rx, "paper").is_err(),
        "no config dir: built-ins only"
    );
}
