//! The image space in update(): switching to it, browsing, details, copying links (plain and
//! Markdown), and the questions and refusals of image-space operations.

use crate::app::testing::{dir, file, press};
use crate::app::*;
use crate::config::{Keymap, Layer, Styles};
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, FsError, FsErrorKind, ImageDir, Location};
use pretty_assertions::assert_eq;

fn image(id: &str, name: &str, is_dir: bool) -> Entry {
    let kind = if is_dir {
        EntryKind::Dir
    } else {
        EntryKind::File
    };
    Entry::new(EntryKey::Image(id.into()), name.into(), kind, 2048, Some(0))
}

fn blog() -> ImageDir {
    ImageDir::root().child("d-blog", "blog")
}

/// Two listed panes with a cloud account; focus left.
fn panes(left: (Location, Vec<Entry>), right: (Location, Vec<Entry>)) -> Model {
    let mut m = Model::new(
        left.0,
        right.0,
        Keymap::default_map().unwrap(),
        Styles::colored(),
    );
    m.cloud_enabled = true;
    m.home = Some("/home/u".into());
    update(
        &mut m,
        Msg::Resize {
            width: 100,
            height: 30,
        },
    );
    let lists = start(&mut m)
        .into_iter()
        .filter(|e| matches!(e, Effect::List { .. }));
    for (effect, entries) in lists.zip([left.1, right.1]) {
        let Effect::List { side, ticket, .. } = effect else {
            unreachable!()
        };
        let page = ListingMsg::Page {
            side,
            ticket,
            entries,
        };
        update(&mut m, Msg::Listing(page));
        update(&mut m, Msg::Listing(ListingMsg::Done { side, ticket }));
    }
    m
}

/// Left: image folder /blog with two images and a folder; right: the image root.
fn blog_model() -> Model {
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

fn op_spec(effects: &[Effect]) -> OpSpec {
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
            items: vec![
                ("i-hello".into(), "hello-world.png".into()),
                ("i-logo".into(), "logo.svg".into())
            ],
            markdown: false,
        }]
    );
    assert!(m.status.as_ref().unwrap().text.contains("Fetching 2 links"));
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
    assert_eq!(m.status.as_ref().unwrap().text, "Copied 2 links");
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
        [Effect::FetchImageLinks { items, markdown: true }] if items.len() == 1
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
    assert!(press(&mut m, "y").is_empty(), "the cursor is on a folder");
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .contains("Folders have no links")
    );
    let mut local = panes(
        (Location::Local("/l".into()), vec![file("a.png", 1)]),
        (Location::Local("/r".into()), vec![]),
    );
    assert!(press(&mut local, "y").is_empty());
    assert!(local.status.as_ref().unwrap().text.contains("image space"));
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
fn delete_is_for_good_and_wants_an_explicit_yes() {
    let mut m = blog_model();
    press(&mut m, "j <Space> <Space>");
    assert!(press(&mut m, "d").is_empty());
    let Some(Modal::Confirm(q)) = &m.modal else {
        panic!("question: {:?}", m.modal)
    };
    assert!(q.danger);
    assert!(
        q.title
            .contains("Delete 2 items from the image space for good")
    );
    assert!(q.title.contains("no trash"));
    assert!(press(&mut m, "<Enter>").is_empty(), "Enter is not enough");
    let spec = op_spec(&press(&mut m, "y"));
    let OpSpec::Delete { at, items } = spec else {
        panic!("{spec:?}")
    };
    assert_eq!(at, Location::Images(blog()));
    let ids: Vec<_> = items.iter().map(|i| i.key.clone()).collect();
    assert_eq!(
        ids,
        [
            EntryKey::Image("i-hello".into()),
            EntryKey::Image("i-logo".into())
        ]
    );
}

#[test]
fn move_between_image_folders_is_asked_and_copy_inside_is_refused() {
    let mut m = blog_model();
    press(&mut m, "j");
    assert!(press(&mut m, "c").is_empty());
    assert!(m.modal.is_none());
    assert!(m.status.as_ref().unwrap().text.contains("no copy"));
    press(&mut m, "m");
    let Some(Modal::Confirm(q)) = &m.modal else {
        panic!()
    };
    assert!(!q.danger);
    assert!(
        q.title.contains("Move 1 item to the image folder /"),
        "{}",
        q.title
    );
    press(&mut m, "e");
    assert!(
        matches!(m.modal, Some(Modal::Confirm(_))),
        "no typed image destinations"
    );
    let spec = op_spec(&press(&mut m, "<Enter>"));
    assert!(matches!(
        spec,
        OpSpec::Move { to: Location::Images(ref d), .. } if *d == ImageDir::root()
    ));
    assert!(spec.touches_images() && !spec.is_local());
}

#[test]
fn rename_and_leaving_the_space_are_refused_with_reasons() {
    let mut m = panes(
        (
            Location::Images(blog()),
            vec![image("i-hello", "hello.png", false)],
        ),
        (Location::Local("/r".into()), vec![]),
    );
    press(&mut m, "r");
    assert!(m.modal.is_none());
    assert!(m.status.as_ref().unwrap().text.contains("cannot rename"));
    press(&mut m, "R");
    assert!(m.status.as_ref().unwrap().text.contains("cannot rename"));
    press(&mut m, "c");
    assert!(m.status.as_ref().unwrap().text.contains("copy their links"));
    assert!(m.modal.is_none());
}

#[test]
fn drive_images_are_copied_in_and_moves_in_are_refused() {
    let drive = vec![
        Entry::new(EntryKey::Cloud(7), "表情包".into(), EntryKind::Dir, 0, None),
        Entry::new(
            EntryKey::Cloud(8),
            "微笑.png".into(),
            EntryKind::File,
            9,
            None,
        ),
    ];
    let mut m = panes(
        (Location::Cloud(CloudDir::root().child(3, "照片")), drive),
        (Location::Images(blog()), vec![]),
    );
    press(&mut m, "m");
    assert!(m.modal.is_none());
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .contains("Nothing moves into")
    );
    press(&mut m, "<C-a> c");
    let Some(Modal::Confirm(q)) = &m.modal else {
        panic!()
    };
    assert!(
        q.title
            .contains("Copy the images among 2 items into the image folder /blog")
    );
    let spec = op_spec(&press(&mut m, "y"));
    assert!(matches!(
        &spec,
        OpSpec::Copy { from: Location::Cloud(_), items, to: Location::Images(_) } if items.len() == 2
    ));
}

#[test]
fn local_uploads_refuse_non_images_before_asking() {
    let mut big = file("huge.png", 0);
    big.size = crate::api::MAX_IMAGE_SIZE + 1;
    let local = vec![dir("pics"), file("a.png", 10), file("notes.txt", 5), big];
    let mut m = panes(
        (Location::Local("/l".into()), local),
        (Location::Images(blog()), vec![]),
    );
    press(&mut m, "<C-a> c");
    let Some(Modal::Confirm(q)) = &m.modal else {
        panic!("{:?}", m.status)
    };
    assert!(
        q.title
            .starts_with("Upload 2 items to the image space /blog?"),
        "{}",
        q.title
    );
    let text = q.lines.join("\n");
    assert!(text.contains("Refused, not sent (2)"), "{text}");
    assert!(text.contains("notes.txt: \"notes.txt\" is not a supported image name"));
    assert!(
        text.contains("huge.png") && text.contains("100 MiB"),
        "{text}"
    );
    let spec = op_spec(&press(&mut m, "y"));
    let OpSpec::Copy { items, .. } = &spec else {
        panic!()
    };
    let names: Vec<_> = items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["pics", "a.png"]);
    assert!(spec.touches_images() && !spec.is_local());
    // Only non-images: nothing to ask.
    let mut m = panes(
        (Location::Local("/l".into()), vec![file("notes.txt", 5)]),
        (Location::Images(blog()), vec![]),
    );
    press(&mut m, "c");
    assert!(m.modal.is_none());
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Nothing to upload")
    );
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

#[test]
fn mkdir_in_an_image_folder_uses_drive_name_rules() {
    let mut m = blog_model();
    press(&mut m, "a");
    assert_eq!(m.layer(), Layer::Input);
    press(&mut m, "x | y <Enter>");
    let Some(Modal::Input(state)) = &m.modal else {
        panic!()
    };
    assert!(state.error.is_some(), "| is refused before any call");
    let spec = op_spec(&press(&mut m, "<Backspace> <Backspace> <Enter>"));
    assert_eq!(
        spec,
        OpSpec::Mkdir {
            at: Location::Images(blog()),
            name: "x".into()
        }
    );
    assert!(spec.touches_images());
}
