//! The image space in update(): switching to it, browsing, details and copying links (plain
//! and Markdown). Operations are in `images_ops`.

use crate::app::testing::{file, press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, FsError, FsErrorKind, ImageDir, Location};
use pretty_assertions::assert_eq;

pub(super) fn image(id: &str, name: &str, is_dir: bool) -> Entry {
    let kind = if is_dir {
        EntryKind::Dir
    } else {
        EntryKind::File
    };
    Entry::new(EntryKey::Image(id.into()), name.into(), kind, 2048, Some(0))
}

pub(super) fn blog() -> ImageDir {
    ImageDir::root().child("d-blog", "blog")
}

/// Two listed panes with a cloud account; focus left.
pub(super) fn panes(left: (Location, Vec<Entry>), right: (Location, Vec<Entry>)) -> Model {
    crate::app::testing::listed(left, right)
}

/// Left: image folder /blog with two images and a folder; right: the image root.
pub(super) fn blog_model() -> Model {
    let entries = vec![
        image("i-hello", "hello-world.png", false),
        image("i-logo", "logo.svg", false),
        image("d-2024", "2024", true),
    ];
    let right = vec![image("d-blog", "blog", true)];
    panes(
        (Location::Images(blog()), entries),
        (Location::Images(ImageDir::root()), right),
    )
}

pub(super) fn op_spec(effects: &[Effect]) -> OpSpec {
    match effects {
        [Effect::Op { spec, .. }] => spec.clone(),
        other => panic!("expected one operation, got {other:?}"),
    }
}

fn link(name: &str, url: &str) -> ImageLink {
    ImageLink {
        name: name.into(),
        url: Ok(url.into()),
    }
}

#[test]
fn local_pane_switches_to_cloud_then_images_roots() {
    let mut m = panes(
        (Location::Local("/l".into()), vec![]),
        (Location::Local("/r".into()), vec![]),
    );
    press(&mut m, "b");
    assert_eq!(m.focused().location, Location::Cloud(CloudDir::root()));
    let effects = press(&mut m, "b");
    assert_eq!(m.focused().location, Location::Images(ImageDir::root()));
    assert_eq!(
        effects,
        vec![Effect::List {
            side: Side::Left,
            ticket: m.next_ticket - 1,
            location: Location::Images(ImageDir::root()),
            fresh: false,
        }]
    );
    press(&mut m, "b");
    assert_eq!(m.focused().location, Location::Local("/l".into()));
}

#[test]
fn enter_parent_and_home_stay_in_the_image_space() {
    let mut m = blog_model();
    press(&mut m, "G"); // folders sort first: the cursor goes to the last image
    press(&mut m, "g g");
    assert_eq!(m.focused().current().unwrap().name, "2024");
    let effects = press(&mut m, "<Enter>");
    let to = Location::Images(blog().child("d-2024", "2024"));
    assert!(
        matches!(&effects[..], [Effect::List { location, .. }] if *location == to),
        "{effects:?}"
    );
    press(&mut m, "h");
    assert_eq!(m.focused().location, Location::Images(blog()));
    assert_eq!(
        m.focused().want_cursor,
        Some(EntryKey::Image("d-2024".into())),
        "back on the folder we left"
    );
    press(&mut m, "~");
    assert_eq!(m.focused().location, Location::Images(ImageDir::root()));
}

#[test]
fn plain_links_of_marked_images_go_to_the_clipboard_in_order() {
    let mut m = blog_model();
    // Order: 2024/, hello-world.png, logo.svg. Mark both images.
    press(&mut m, "j <Space> <Space>");
    let effects = press(&mut m, "y");
    assert_eq!(
        effects,
        vec![Effect::FetchImageLinks {
            folders: vec![],
            items: vec![
                ("i-hello".into(), "hello-world.png".into()),
                ("i-logo".into(), "logo.svg".into())
            ],
            markdown: false,
        }]
    );
    assert!(status_text(&m).contains("Fetching 2 links"));
    let links = vec![
        link("hello-world.png", "https://img.example/1.png"),
        link("logo.svg", "https://img.example/2.svg"),
    ];
    let effects = update(
        &mut m,
        Msg::Images(ImagesMsg::Links {
            markdown: false,
            links,
        }),
    );
    let text = "https://img.example/1.png\nhttps://img.example/2.svg";
    assert_eq!(effects, vec![Effect::Clipboard { text: text.into() }]);
    assert_eq!(status_text(&m), "Copied 2 links");
    let Some(Modal::Links { lines, failed, .. }) = &m.modal else {
        panic!("links popup: {:?}", m.modal)
    };
    assert_eq!(lines.join("\n"), text);
    assert!(failed.is_empty());
    assert_eq!(m.layer(), Layer::Info);
    press(&mut m, "<Esc>");
    assert!(m.modal.is_none());
}

#[test]
fn markdown_links_of_the_cursor_image_and_failures_are_listed() {
    let mut m = blog_model();
    press(&mut m, "j");
    let effects = press(&mut m, "Y");
    assert!(matches!(
        &effects[..],
        [Effect::FetchImageLinks { folders, items, markdown: true }]
            if items.len() == 1 && folders.is_empty()
    ));
    let links = vec![
        link("hello world [1].png", "https://img.example/a b.png"),
        ImageLink {
            name: "gone.png".into(),
            url: Err("no such image".into()),
        },
    ];
    let effects = update(
        &mut m,
        Msg::Images(ImagesMsg::Links {
            markdown: true,
            links,
        }),
    );
    let text = "![hello world \\[1\\].png](https://img.example/a%20b.png)";
    assert_eq!(effects, vec![Effect::Clipboard { text: text.into() }]);
    let status = m.status.clone().unwrap();
    assert_eq!(
        (status.level, status.text.as_str()),
        (Level::Error, "Copied 1 link as Markdown, 1 failed")
    );
    let Some(Modal::Links { failed, .. }) = &m.modal else {
        panic!()
    };
    assert_eq!(failed, &["gone.png: no such image"]);
}

#[test]
fn links_need_images_in_an_image_pane() {
    let mut m = blog_model();
    assert_eq!(
        press(&mut m, "y"),
        vec![Effect::FetchImageLinks {
            folders: vec![("d-2024".into(), "2024".into())],
            items: vec![],
            markdown: false,
        }],
        "a folder stands for its images, as in `panfm img link`"
    );
    assert_eq!(status_text(&m), "Fetching the links of the images in 2024…");
    let mut local = panes(
        (Location::Local("/l".into()), vec![file("a.png", 1)]),
        (Location::Local("/r".into()), vec![]),
    );
    assert!(press(&mut local, "y").is_empty());
    assert!(status_text(&local).contains("image space"));
    // Nothing came back for anything: no clipboard write.
    let none = update(
        &mut m,
        Msg::Images(ImagesMsg::Links {
            markdown: false,
            links: vec![],
        }),
    );
    assert!(none.is_empty());
}

#[test]
fn details_fetch_the_links_and_ignore_stale_answers() {
    let mut m = blog_model();
    press(&mut m, "j");
    let effects = press(&mut m, "i");
    assert_eq!(
        effects,
        vec![Effect::FetchImageDetails {
            id: "i-hello".into()
        }]
    );
    let stale = EntryDetails {
        name: "other".into(),
        image_id: Some("i-logo".into()),
        ..EntryDetails::default()
    };
    update(
        &mut m,
        Msg::Images(ImagesMsg::Details {
            id: "i-logo".into(),
            result: Ok(Box::new(stale)),
        }),
    );
    let Some(Modal::Details(state)) = &m.modal else {
        panic!()
    };
    assert!(state.loading, "a stale answer changes nothing");
    let full = EntryDetails {
        name: "hello-world.png".into(),
        image_id: Some("i-hello".into()),
        extra: vec![("Link".into(), "https://img.example/1.png".into())],
        ..EntryDetails::default()
    };
    update(
        &mut m,
        Msg::Images(ImagesMsg::Details {
            id: "i-hello".into(),
            result: Ok(Box::new(full.clone())),
        }),
    );
    let Some(Modal::Details(state)) = &m.modal else {
        panic!()
    };
    assert_eq!((state.loading, &state.details), (false, &full));
    press(&mut m, "<Esc> i");
    let err = FsError::new(FsErrorKind::NotFound, "gone");
    update(
        &mut m,
        Msg::Images(ImagesMsg::Details {
            id: "i-hello".into(),
            result: Err(err),
        }),
    );
    let Some(Modal::Details(state)) = &m.modal else {
        panic!()
    };
    assert_eq!(state.error.as_deref(), Some("gone"));
}
