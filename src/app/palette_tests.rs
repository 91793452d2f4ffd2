//! Palette filtering and ranking.

use super::*;
use pretty_assertions::assert_eq;

fn browse(recent: &Recent) -> PaletteState {
    let keymap = Keymap::default_map().unwrap();
    let mut state = PaletteState::new(&keymap, Layer::Browse, vec![], vec![]);
    state.refresh(recent);
    state
}

fn query(state: &mut PaletteState, text: &str, recent: &Recent) {
    state.input = Input::new(text.to_owned());
    state.refresh(recent);
}

fn commands(state: &PaletteState) -> Vec<Command> {
    state
        .hits
        .iter()
        .filter_map(|h| match state.item(h.item?)?.action {
            Action::Run(cmd) => Some(cmd),
            _ => None,
        })
        .collect()
}

#[test]
fn an_empty_query_lists_every_command_once_in_keymap_order_recent_picks_first() {
    let none = Recent::default();
    let state = browse(&none);
    let all = commands(&state);
    assert_eq!(
        all[..3],
        [Command::CursorDown, Command::CursorUp, Command::PageDown]
    );
    assert!(!all.contains(&Command::Palette), "not itself");
    let copies = all.iter().filter(|c| **c == Command::Copy).count();
    assert_eq!(copies, 1, "F5 and c are one item");
    let copy = state
        .items
        .iter()
        .find(|i| matches!(i.action, Action::Run(Command::Copy)));
    assert_eq!(copy.map(|i| i.keys.as_str()), Some("F5, c"));

    let mut recent = Recent::default();
    recent.pick(Command::Move);
    recent.pick(Command::Delete);
    let state = browse(&recent);
    assert_eq!(
        commands(&state)[..3],
        [Command::Delete, Command::Move, Command::CursorDown]
    );
}

#[test]
fn a_query_keeps_what_matches_best_first_and_marks_the_matched_characters() {
    let none = Recent::default();
    let mut state = browse(&none);
    query(&mut state, "copy other", &none);
    assert_eq!(commands(&state)[0], Command::Copy);
    let hit = &state.hits[0];
    let desc = "Copy to the other pane";
    let lit: String = hit
        .desc
        .iter()
        .filter_map(|&i| desc.chars().nth(i))
        .collect();
    assert!(lit.contains("other"), "{lit:?}");
    assert!(
        lit.starts_with("Copy") || hit.name.len() == 4,
        "copy lit somewhere: {hit:?}"
    );

    query(&mut state, "mkdir", &none);
    assert_eq!(
        commands(&state)[0],
        Command::Mkdir,
        "the keymap name matches too"
    );
    assert!(!state.hits[0].name.is_empty(), "in the name column");

    query(&mut state, "F5", &none);
    assert_eq!(commands(&state)[0], Command::Copy, "keys match");
    assert!(!state.hits[0].keys.is_empty());

    query(&mut state, "qqxqzz", &none);
    assert!(state.hits.is_empty(), "{:?}", commands(&state));
}

#[test]
fn recent_picks_break_ties() {
    let item = |cmd: Command| Item {
        desc: "Same words".into(),
        name: String::new(),
        keys: String::new(),
        action: Action::Run(cmd),
    };
    let items = [item(Command::Copy), item(Command::Move)];
    let none = Recent::default();
    let order = |r: &Recent| -> Vec<Option<usize>> {
        rank(&items, "same", r).iter().map(|h| h.item).collect()
    };
    assert_eq!(order(&none), [Some(0), Some(1)], "keymap order");
    let mut recent = Recent::default();
    recent.pick(Command::Move);
    assert_eq!(order(&recent), [Some(1), Some(0)], "the recent pick first");
}

#[test]
fn a_path_switches_to_path_mode_with_bookmarks_and_recent_folders() {
    let mut bookmarks = Bookmarks::default();
    bookmarks.marks.insert('b', "cloud:/备份".into());
    let mut recent = Recent::default();
    recent.visit("/home/u/dl");
    recent.visit("cloud:/备份");
    let places = place_items(&bookmarks, &recent);
    assert_eq!(places.len(), 2, "a bookmarked recent folder shows once");
    let keymap = Keymap::default_map().unwrap();
    let mut state = PaletteState::new(&keymap, Layer::Browse, vec![], places);
    for text in [
        "/",
        "~/x",
        "./a",
        "..",
        "cloud:/",
        "images:/b",
        "local:/tmp",
    ] {
        query(&mut state, text, &recent);
        assert!(state.path_mode(), "{text}");
        assert_eq!(state.hits[0].item, None, "the typed folder first: {text}");
    }
    query(&mut state, "cloud:", &recent);
    let names: Vec<&str> = state.hits[1..]
        .iter()
        .filter_map(|h| Some(state.item(h.item?)?.name.as_str()))
        .collect();
    assert_eq!(names, ["cloud:/备份"]);
    query(&mut state, "copy", &recent);
    assert!(!state.path_mode());
    let mut viewer = PaletteState::new(&keymap, Layer::Viewer, vec![], vec![]);
    query(&mut viewer, "/x", &recent);
    assert!(!viewer.path_mode(), "over the viewer a / is only text");
}
