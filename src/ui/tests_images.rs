//! View tests for the image space: an Images pane beside a local one, the links popup (rows
//! that are exactly one link each), and image details with their wrapped link.

use crate::app::testing::{loaded, sample_left};
use crate::app::{DetailsState, EntryDetails, Modal, Model, Side};
use crate::fs::{Entry, EntryKey, EntryKind, ImageDir, Location};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn image(id: &str, name: &str, size: u64, dir: bool) -> Entry {
    let kind = if dir { EntryKind::Dir } else { EntryKind::File };
    Entry::new(
        EntryKey::Image(id.into()),
        name.into(),
        kind,
        size,
        Some(1_709_280_000),
    )
}

fn images_model() -> Model {
    let entries = vec![
        image("i1", "hello-world.png", 7_412, false),
        image("i2", "logo.svg", 391, false),
        image("d1", "2024", 0, true),
    ];
    let mut m = loaded(100, 30, sample_left(), vec![]);
    let blog = ImageDir::root().child("d-blog", "blog");
    m.pane_mut(Side::Right).location = Location::Images(blog);
    let pane = m.pane_mut(Side::Right);
    let (spec, vis) = (pane.sort, pane.visibility());
    pane.listing.push_page(entries, spec, &vis, None);
    pane.marks.insert(EntryKey::Image("i2".into()));
    pane.recount_marks();
    m.focus = Side::Right;
    m
}

fn screen(model: &Model) -> Terminal<TestBackend> {
    let (w, h) = (model.viewport.width, model.viewport.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::view(f, model)).unwrap();
    t
}

fn rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn snapshot_images_pane_100x30() {
    let m = images_model();
    insta::assert_snapshot!(screen(&m).backend());
}

#[test]
fn links_popup_rows_hold_exactly_one_link() {
    let mut m = images_model();
    let long = format!("https://img.example/{}/x.png", "a".repeat(120));
    m.modal = Some(Modal::Links {
        title: "Copied 2 links".into(),
        lines: vec!["https://img.example/1.png".into(), long.clone()],
        failed: vec!["gone.png: no such image".into()],
        scroll: 0,
    });
    let t = screen(&m);
    let rows = rows(&t);
    let trimmed: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
    assert!(
        trimmed.contains(&"https://img.example/1.png"),
        "{trimmed:#?}"
    );
    // The long link wraps at the screen edge with nothing lost and no border on its rows.
    let at = trimmed
        .iter()
        .position(|r| r.starts_with("https://img.example/aaa"))
        .unwrap();
    assert_eq!(format!("{}{}", trimmed[at], trimmed[at + 1]), long);
    assert!(trimmed.contains(&"gone.png: no such image"));
    assert!(rows.iter().any(|r| r.contains("Copied 2 links")));
}

#[test]
fn image_details_show_the_whole_link() {
    let mut m = images_model();
    let url = format!("http://127.0.0.1:1234/oss-img/1/{}.png", "y".repeat(60));
    m.modal = Some(Modal::Details(DetailsState {
        location: m.focused().location.clone(),
        details: EntryDetails {
            name: "hello-world.png".into(),
            size: Some(7_412),
            image_id: Some("i1".into()),
            extra: vec![
                ("Format".into(), "PNG".into()),
                ("Link".into(), url.clone()),
            ],
            ..EntryDetails::default()
        },
        loading: false,
        error: None,
    }));
    // The popup is 76 cells wide, centred in 100: its inside is columns 13..87.
    let text: String = rows(&screen(&m))
        .iter()
        .map(|r| r.chars().skip(13).take(74).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("Format     PNG"), "{text}");
    let joined: String = text
        .lines()
        .filter(|l| l.contains("oss-img") || l.trim_start().starts_with('y'))
        .map(|l| l.trim().trim_start_matches("Link").trim())
        .collect();
    assert_eq!(joined, url, "{text}");
}
