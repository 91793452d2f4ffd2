//! Image-space operations in update(): the questions before delete (for good), move, copy
//! from the drive and upload (with refusals named up front), and the refusals of what the
//! image space cannot do.

use super::images::{blog, blog_model, image, op_spec, panes};
use crate::app::testing::{dir, file, press, status_text};
use crate::app::*;
use crate::config::Layer;
use crate::fs::{CloudDir, Entry, EntryKey, EntryKind, ImageDir, Location};
use pretty_assertions::assert_eq;

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
    assert!(status_text(&m).contains("no copy"));
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
    assert!(status_text(&m).contains("cannot rename"));
    press(&mut m, "R");
    assert!(status_text(&m).contains("cannot rename"));
    press(&mut m, "c");
    assert!(status_text(&m).contains("copy their links"));
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
    assert!(status_text(&m).contains("Nothing moves into"));
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
fn local_uploads_walk_the_sources_and_list_every_refusal_before_asking() {
    let mut big = file("huge.png", 0);
    big.size = crate::api::MAX_IMAGE_SIZE + 1;
    let local = vec![dir("pics"), file("a.png", 10), file("notes.txt", 5), big];
    let mut m = panes(
        (Location::Local("/l".into()), local),
        (Location::Images(blog()), vec![]),
    );
    let effects = press(&mut m, "<C-a> c");
    let [Effect::CheckUpload { ticket, spec }] = effects.as_slice() else {
        panic!("the sources are walked (not in update): {effects:?}")
    };
    let crate::transfer::TransferSpec::ImageUpload {
        sources, dest_path, ..
    } = spec
    else {
        panic!("{spec:?}")
    };
    let all: Vec<std::path::PathBuf> = ["/l/pics", "/l/a.png", "/l/huge.png", "/l/notes.txt"]
        .map(Into::into)
        .into();
    assert_eq!(sources, &all);
    assert_eq!(dest_path, "/blog");
    let Some(Modal::TransferAsk(q)) = &m.modal else {
        panic!("{:?}", m.status)
    };
    assert!(
        q.title
            .starts_with("Upload 4 items to the image space /blog?"),
        "{}",
        q.title
    );
    assert_eq!(q.check, AskCheck::Running { ticket: *ticket });
    let found = crate::transfer::UploadCheck {
        files: 1,
        bytes: 10,
        refused: vec![crate::transfer::CheckRefusal {
            path: "pics/fake.png".into(),
            reason: "named as PNG but the content is GIF".into(),
            skip: false,
        }],
        cut: false,
    };
    let stale = TransferMsg::Checked {
        ticket: ticket + 100,
        check: Default::default(),
    };
    update(&mut m, Msg::Transfer(stale));
    let checked = TransferMsg::Checked {
        ticket: *ticket,
        check: found.clone(),
    };
    update(&mut m, Msg::Transfer(checked));
    let Some(Modal::TransferAsk(q)) = &m.modal else {
        panic!()
    };
    assert_eq!(q.check, AskCheck::Done(found), "a stale answer is dropped");
    // Through the transfer queue, like drive uploads.
    let effects = press(&mut m, "y");
    let [
        Effect::Transfer(TransferCmd::Submit {
            spec,
            then: None,
            root,
        }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(
        root.as_deref(),
        Some("images:/blog"),
        "for the queue's details"
    );
    assert!(matches!(
        spec,
        crate::transfer::TransferSpec::ImageUpload { .. }
    ));
    // Only non-images: nothing to ask.
    let mut m = panes(
        (Location::Local("/l".into()), vec![file("notes.txt", 5)]),
        (Location::Images(blog()), vec![]),
    );
    press(&mut m, "c");
    assert!(m.modal.is_none());
    assert!(status_text(&m).starts_with("Nothing to upload"));
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
