//! Copying paths (`p`) on every backend, and the subshell (`C-o`): where it opens, what it says
//! when it cannot, and the panes listed again after it.

use super::ops::{cloud, two_clouds};
use crate::app::testing::{file, loaded, press, status_text};
use crate::app::*;
use crate::fs::{CloudDir, CloudSearch, Entry, EntryKey, EntryKind, ImageDir, Location};
use pretty_assertions::assert_eq;
use std::path::PathBuf;

fn clipboard(effects: &[Effect]) -> &str {
    match effects {
        [Effect::Clipboard { text }] => text,
        other => panic!("expected the clipboard, got {other:?}"),
    }
}

#[test]
fn p_copies_the_cursor_entrys_local_path_or_each_marked_one() {
    let entries = vec![file("a b.txt", 1), file("照片.jpg", 2), file("c.txt", 3)];
    let mut m = loaded(100, 30, entries, vec![]);
    let effects = press(&mut m, "p");
    assert_eq!(clipboard(&effects), "/l/a b.txt");
    assert_eq!(status_text(&m), "Copied 1 path");
    let Some(Modal::Links { lines, .. }) = &m.modal else {
        panic!("the popup shows it for terminals without OSC 52")
    };
    assert_eq!(lines, &["/l/a b.txt"]);
    press(&mut m, "<Esc>");

    press(&mut m, "<Space> j <Space>");
    let effects = press(&mut m, "p");
    assert_eq!(clipboard(&effects), "/l/a b.txt\n/l/照片.jpg");
    assert_eq!(status_text(&m), "Copied 2 paths");
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_text_is_named_not_copied() {
    use std::os::unix::ffi::OsStringExt;
    let raw = std::ffi::OsString::from_vec(b"bad\xff".to_vec());
    let bad = Entry::new(
        EntryKey::Local(raw),
        "bad\\xFF".into(),
        EntryKind::File,
        1,
        None,
    );
    let mut m = loaded(100, 30, vec![bad, file("ok", 1)], vec![]);
    let effects = press(&mut m, "p");
    assert!(effects.is_empty());
    assert_eq!(
        status_text(&m),
        "No path copied: bad\\xFF: its name is not valid text (UTF-8)"
    );
    let effects = press(&mut m, "<C-a> p");
    assert_eq!(clipboard(&effects), "/l/ok");
    assert_eq!(status_text(&m), "Copied 1 path; 1 entry has none");
    let Some(Modal::Links { failed, .. }) = &m.modal else {
        panic!()
    };
    assert_eq!(failed, &["bad\\xFF: its name is not valid text (UTF-8)"]);
}

#[test]
fn cloud_paths_are_written_as_panfm_reads_them() {
    let mut m = two_clouds(vec![cloud(1, "报告.pdf", false)], vec![cloud(2, "x", true)]);
    assert_eq!(clipboard(&press(&mut m, "p")), "cloud:/docs/报告.pdf");
    press(&mut m, "<Esc> <Tab>");
    assert_eq!(clipboard(&press(&mut m, "p")), "cloud:/x");

    // A search hit: the path of the folder found for it.
    let mut hit = cloud(3, "hit.txt", false);
    hit.parent = Some(5);
    let search = Location::Search(CloudSearch {
        query: "hit".into(),
        exact: false,
    });
    let mut m = crate::app::testing::listed(
        (search, vec![hit]),
        (Location::Cloud(CloudDir::root()), vec![]),
    );
    let effects = press(&mut m, "p");
    assert!(effects.is_empty());
    assert!(status_text(&m).contains("its folder is not known yet"));
    let docs = CloudDir::root().child(5, "docs").child(6, "深");
    m.focused_mut().places.insert(5, docs);
    assert_eq!(clipboard(&press(&mut m, "p")), "cloud:/docs/深/hit.txt");
}

#[test]
fn image_paths_empty_folders_and_the_trash() {
    let blog = Location::Images(ImageDir::root().child("b1", "blog"));
    let cat = Entry::new(
        EntryKey::Image("i1".into()),
        "cat.png".into(),
        EntryKind::File,
        1,
        None,
    );
    let empty = Location::Cloud(CloudDir::root().child(9, "空"));
    let mut m = crate::app::testing::listed((blog, vec![cat]), (empty, vec![]));
    assert_eq!(clipboard(&press(&mut m, "p")), "images:/blog/cat.png");
    press(&mut m, "<Esc> <Tab>");
    assert_eq!(
        clipboard(&press(&mut m, "p")),
        "cloud:/空",
        "the folder itself"
    );

    let mut m = crate::app::testing::listed(
        (Location::Trash, vec![cloud(4, "old", false)]),
        (Location::Cloud(CloudDir::root()), vec![]),
    );
    assert!(press(&mut m, "p").is_empty());
    assert!(status_text(&m).contains("no path until they are restored"));
}

#[test]
fn ctrl_o_opens_a_shell_in_the_local_pane_and_lists_local_panes_after() {
    let mut m = loaded(100, 30, vec![file("a", 1)], vec![]);
    let effects = press(&mut m, "<C-o>");
    assert_eq!(
        effects,
        [Effect::Shell {
            dir: PathBuf::from("/l")
        }]
    );
    let effects = update(&mut m, Msg::ShellExited { result: Ok(()) });
    let listed: Vec<_> = effects
        .iter()
        .map(|e| match e {
            Effect::List { side, location, .. } => (*side, location.display()),
            other => panic!("expected listings, got {other:?}"),
        })
        .collect();
    assert_eq!(
        listed,
        [
            (Side::Left, "/l".to_owned()),
            (Side::Right, "/r".to_owned())
        ]
    );
    assert_eq!(status_text(&m), "Back from the shell");
    update(
        &mut m,
        Msg::ShellExited {
            result: Err("Cannot start /bin/nope in /l: not found".into()),
        },
    );
    assert_eq!(status_text(&m), "Cannot start /bin/nope in /l: not found");
}

#[test]
fn on_a_cloud_pane_the_shell_opens_in_the_other_panes_directory_or_says_why_not() {
    let cloud_root = Location::Cloud(CloudDir::root());
    let local = Location::Local(PathBuf::from("/home/u/work"));
    let mut m = crate::app::testing::listed((cloud_root.clone(), vec![]), (local, vec![]));
    let effects = press(&mut m, "<C-o>");
    assert_eq!(
        effects,
        [Effect::Shell {
            dir: PathBuf::from("/home/u/work")
        }]
    );
    let effects = update(&mut m, Msg::ShellExited { result: Ok(()) });
    assert!(
        matches!(
            &effects[..],
            [Effect::List {
                side: Side::Right,
                ..
            }]
        ),
        "only the local pane is listed again: {effects:?}"
    );

    let mut m = two_clouds(vec![], vec![]);
    assert!(press(&mut m, "<C-o>").is_empty());
    assert!(
        status_text(&m).contains("neither pane shows one"),
        "{}",
        status_text(&m)
    );
}
