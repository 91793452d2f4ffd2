//! View snapshots of marking by range and by pattern, and of copied paths, at the sizes a new
//! user tries (80×24, 120×35).

use crate::app::testing::{loaded, press, sample_left, sample_right};
use crate::app::{Model, Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn terminal(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

#[test]
fn range_marking_80x24() {
    let mut m = loaded(80, 24, sample_left(), sample_right());
    press(&mut m, "j v j j");
    insta::assert_snapshot!(terminal(&m).backend());
}

#[test]
fn pattern_prompt_80x24() {
    let mut m = loaded(80, 24, sample_left(), sample_right());
    press(&mut m, "<Tab> +");
    update(&mut m, Msg::Paste("*_00[1-2]?.JPG".into()));
    insta::assert_snapshot!(terminal(&m).backend());
}

#[test]
fn marked_by_pattern_then_paths_copied_120x35() {
    let mut m = loaded(120, 35, sample_left(), sample_right());
    press(&mut m, "<Tab> +");
    update(&mut m, Msg::Paste("*_000[1-3].jpg".into()));
    press(&mut m, "<Enter>");
    insta::assert_snapshot!("marked_by_pattern_120x35", terminal(&m).backend());
    press(&mut m, "p");
    insta::assert_snapshot!("paths_copied_120x35", terminal(&m).backend());
}
