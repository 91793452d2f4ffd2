//! Marking by pattern (`+`, `-`) and by range (`v`): what gets marked, what the status line
//! says, and how range marking ends.

use crate::app::testing::{dir, file, loaded, press, status_text};
use crate::app::*;
use pretty_assertions::assert_eq;

fn photos() -> Model {
    let entries = vec![
        dir("raw"),
        file("IMG_0001.JPG", 10),
        file("IMG_0002.jpg", 20),
        file("notes.txt", 1),
        file("猫.png", 5),
        file("report.jpg.txt", 2),
    ];
    loaded(100, 30, entries, vec![])
}

fn marked(m: &Model) -> Vec<String> {
    let pane = m.focused();
    pane.listing
        .visible()
        .filter(|e| pane.marks.contains(&e.key))
        .map(|e| e.name.clone())
        .collect()
}

fn type_pattern(m: &mut Model, key: &str, text: &str) {
    press(m, key);
    assert_eq!(m.layer(), crate::config::Layer::Input);
    update(m, Msg::Paste(text.into()));
    press(m, "<Enter>");
}

#[test]
fn plus_marks_names_matching_a_glob_with_smart_case_and_says_how_many() {
    let mut m = photos();
    type_pattern(&mut m, "+", "*.jpg");
    assert_eq!(marked(&m), ["IMG_0001.JPG", "IMG_0002.jpg"]);
    assert_eq!(status_text(&m), "Marked 2 matching *.jpg (2 marked in all)");
    assert_eq!(m.focused().marked_bytes, 30);

    type_pattern(&mut m, "+", "*.PNG");
    assert_eq!(status_text(&m), "Nothing here matches *.PNG");
    type_pattern(&mut m, "+", "note");
    assert_eq!(marked(&m).len(), 3, "plain text is found inside names");

    type_pattern(&mut m, "-", "IMG_000[2-9]*");
    assert_eq!(marked(&m), ["IMG_0001.JPG", "notes.txt"]);
    assert_eq!(
        status_text(&m),
        "Unmarked 1 matching IMG_000[2-9]* (2 still marked)"
    );
}

#[test]
fn patterns_touch_only_visible_entries_and_bad_ones_keep_the_prompt() {
    let mut m = photos();
    press(&mut m, "/");
    update(&mut m, Msg::Paste("IMG".into()));
    press(&mut m, "<Enter>");
    type_pattern(&mut m, "+", "*");
    assert_eq!(marked(&m), ["IMG_0001.JPG", "IMG_0002.jpg"]);

    press(&mut m, "+");
    update(&mut m, Msg::Paste("*.{png".into()));
    press(&mut m, "<Enter>");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!("the prompt stays open")
    };
    let error = state.error.as_deref().unwrap_or_default();
    assert!(error.starts_with("Not a pattern panfm can read"), "{error}");
    press(&mut m, "<Esc>");
    assert_eq!(marked(&m).len(), 2, "nothing changed");
}

#[test]
fn v_marks_the_range_to_the_cursor_as_it_moves_and_esc_keeps_it() {
    let mut m = photos();
    // An earlier mark stays whatever the range does.
    press(&mut m, "G <Space>");
    assert_eq!(marked(&m), ["猫.png"]);
    press(&mut m, "g g j v j j");
    assert_eq!(
        marked(&m),
        ["IMG_0001.JPG", "IMG_0002.jpg", "notes.txt", "猫.png"]
    );
    press(&mut m, "k k k");
    assert_eq!(marked(&m), ["raw", "IMG_0001.JPG", "猫.png"]);
    assert_eq!(m.focused().marked_bytes, 15);
    assert!(m.focused().visual.is_some());

    press(&mut m, "<Esc>");
    update(&mut m, Msg::Tick);
    update(&mut m, Msg::Tick);
    update(&mut m, Msg::Tick);
    update(&mut m, Msg::Tick);
    assert!(m.focused().visual.is_none());
    assert_eq!(status_text(&m), "3 items marked");
    press(&mut m, "j j");
    assert_eq!(marked(&m).len(), 3, "the cursor moves freely again");

    // `v` ends it too, and a second range adds to the first.
    press(&mut m, "v j v");
    assert_eq!(status_text(&m), "5 items marked");
    press(&mut m, "j");
    assert_eq!(marked(&m).len(), 5);
}

#[test]
fn leaving_the_folder_or_another_mark_command_ends_range_marking() {
    let mut m = photos();
    press(&mut m, "j v j <Space>");
    assert!(m.focused().visual.is_none(), "Space ends it first");
    assert_eq!(
        marked(&m),
        ["IMG_0001.JPG"],
        "then toggles the cursor entry"
    );
    press(&mut m, "v");
    assert!(m.focused().visual.is_some());
    press(&mut m, "g g <Enter>");
    assert!(m.focused().visual.is_none() && m.focused().marks.is_empty());
}
