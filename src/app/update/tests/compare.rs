//! Compare directories in update(): which entries each pane gets marked, the summary, the
//! MD5 step for same-size files (and Esc stopping it), stale answers, and F5 copying exactly
//! the marked.

use crate::app::testing::{dir, file, listed, press, status_text};
use crate::app::*;
use crate::fs::{CloudDir, Entry, EntryKey, Location};
use pretty_assertions::assert_eq;
use std::path::PathBuf;

const A: &str = "0123456789abcdef0123456789abcdef";
const B: &str = "fedcba9876543210fedcba9876543210";

pub(super) fn cloud(id: i64, name: &str, size: u64, md5: &str) -> Entry {
    Entry::remote(EntryKey::Cloud(id), name, false, size, None, md5)
}

pub(super) fn cloud_dir(id: i64, name: &str) -> Entry {
    Entry::remote(EntryKey::Cloud(id), name, true, 0, None, "")
}

/// Left local `/l`: `same.txt` (10 B), `edited.txt` (10 B), `grown.txt` (5 B), `mine.txt`,
/// folder `pics`. Right cloud `/docs`: `same.txt` (10 B), `edited.txt` (10 B), `grown.txt`
/// (8 B), `theirs.txt`, folder `pics`, folder `only-cloud`.
fn model() -> Model {
    let local = vec![
        file("same.txt", 10),
        file("edited.txt", 10),
        file("grown.txt", 5),
        file("mine.txt", 3),
        dir("pics"),
    ];
    let remote = vec![
        cloud(1, "same.txt", 10, A),
        cloud(2, "edited.txt", 10, A),
        cloud(3, "grown.txt", 8, A),
        cloud(4, "theirs.txt", 4, A),
        cloud_dir(5, "pics"),
        cloud_dir(6, "only-cloud"),
    ];
    let docs = Location::Cloud(CloudDir::root().child(7, "docs"));
    listed((Location::Local("/l".into()), local), (docs, remote))
}

fn marked(m: &Model, side: Side) -> Vec<String> {
    let pane = m.pane(side);
    let mut names: Vec<String> = pane
        .listing
        .all()
        .iter()
        .filter(|e| pane.marks.contains(&e.key))
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names
}

/// Presses C-x d and answers the hash request with `md5s` (by file name).
fn compare(m: &mut Model, md5s: &[(&str, &str)]) -> Vec<(PathBuf, u64)> {
    let effects = press(m, "<C-x> d");
    let [Effect::Compare(CompareEffect::Hash { ticket, files })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let md5s = md5s
        .iter()
        .map(|(n, h)| (PathBuf::from("/l").join(n), h.to_string()))
        .collect();
    let (ticket, files) = (*ticket, files.clone());
    let failed = vec![];
    update(
        m,
        Msg::Compare(CompareMsg::Hashed {
            ticket,
            md5s,
            failed,
        }),
    );
    files
}

#[test]
fn compare_hashes_only_same_size_files_and_marks_each_side() {
    let mut m = model();
    let files = compare(&mut m, &[("same.txt", A), ("edited.txt", B)]);
    let mut files: Vec<_> = files.into_iter().map(|f| f.0).collect();
    files.sort();
    assert_eq!(
        files,
        [PathBuf::from("/l/edited.txt"), "/l/same.txt".into()]
    );
    // edited.txt: same size, another MD5 — marked on both sides.
    assert_eq!(
        marked(&m, Side::Left),
        ["edited.txt", "grown.txt", "mine.txt"]
    );
    assert_eq!(
        marked(&m, Side::Right),
        ["edited.txt", "grown.txt", "only-cloud", "theirs.txt"]
    );
    assert_eq!(
        status_text(&m),
        "1 only here, 2 differ, 2 only there, 1 same; F5 copies the marked"
    );
    assert!(m.compare.job.is_none());
}

#[test]
fn the_summary_is_from_the_focused_pane() {
    let mut m = model();
    press(&mut m, "<Tab>");
    compare(&mut m, &[("same.txt", A), ("edited.txt", A)]);
    assert_eq!(
        status_text(&m),
        "2 only here, 1 differ, 1 only there, 2 same; F5 copies the marked"
    );
    assert_eq!(marked(&m, Side::Left), ["grown.txt", "mine.txt"]);
}

#[test]
fn an_unreadable_file_counts_as_differing() {
    let mut m = model();
    let effects = press(&mut m, "<C-x> d");
    let [Effect::Compare(CompareEffect::Hash { ticket, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let md5s = vec![(PathBuf::from("/l/same.txt"), A.to_owned())];
    let failed = vec![(PathBuf::from("/l/edited.txt"), "denied".to_owned())];
    let ticket = *ticket;
    update(
        &mut m,
        Msg::Compare(CompareMsg::Hashed {
            ticket,
            md5s,
            failed,
        }),
    );
    assert!(marked(&m, Side::Left).contains(&"edited.txt".to_owned()));
    assert!(
        status_text(&m).contains("1 unreadable"),
        "{}",
        status_text(&m)
    );
}

#[test]
fn progress_shows_and_esc_stops_the_hashing() {
    let mut m = model();
    let effects = press(&mut m, "<C-x> d");
    let [Effect::Compare(CompareEffect::Hash { ticket, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let ticket = *ticket;
    let file = "edited.txt".to_owned();
    let progress = CompareMsg::Progress {
        ticket,
        done: 5,
        total: 20,
        file,
    };
    update(&mut m, Msg::Compare(progress));
    assert!(
        status_text(&m).contains("edited.txt, 25%"),
        "{}",
        status_text(&m)
    );
    let effects = update(&mut m, Msg::Command(crate::config::Command::Escape));
    assert_eq!(effects, [Effect::Compare(CompareEffect::Stop)]);
    assert_eq!(status_text(&m), "Compare stopped");
    // A late answer changes nothing.
    let (md5s, failed) = (vec![], vec![]);
    update(
        &mut m,
        Msg::Compare(CompareMsg::Hashed {
            ticket,
            md5s,
            failed,
        }),
    );
    assert!(m.pane(Side::Left).marks.is_empty());
    assert_eq!(status_text(&m), "Compare stopped");
}

#[test]
fn cloud_to_cloud_compares_etags_without_hashing() {
    let a = Location::Cloud(CloudDir::root().child(7, "a"));
    let b = Location::Cloud(CloudDir::root().child(8, "b"));
    let left = vec![cloud(1, "x", 10, A), cloud(2, "y", 10, A)];
    let right = vec![cloud(3, "x", 10, A), cloud(4, "y", 10, B)];
    let mut m = listed((a, left), (b, right));
    let effects = press(&mut m, "<C-x> d");
    assert_eq!(effects, []);
    assert_eq!(marked(&m, Side::Left), ["y"]);
    assert_eq!(marked(&m, Side::Right), ["y"]);
    assert_eq!(
        status_text(&m),
        "0 only here, 1 differ, 0 only there, 1 same; F5 copies the marked"
    );
}

#[test]
fn equal_folders_say_so_and_search_results_are_refused() {
    let a = Location::Cloud(CloudDir::root().child(7, "a"));
    let b = Location::Cloud(CloudDir::root().child(8, "b"));
    let mut m = listed(
        (a, vec![cloud(1, "x", 10, A)]),
        (b, vec![cloud(3, "x", 10, A)]),
    );
    press(&mut m, "<C-x> d");
    assert_eq!(
        status_text(&m),
        "0 only here, 0 differ, 0 only there, 1 same; nothing to copy"
    );
    let search = Location::Search(crate::fs::CloudSearch {
        query: "x".into(),
        exact: false,
    });
    let mut m = listed((search, vec![]), (Location::Trash, vec![]));
    assert_eq!(press(&mut m, "<C-x> d"), []);
    assert!(status_text(&m).starts_with("Compare works on two folders"));
}

#[test]
fn f5_after_compare_copies_exactly_the_marked() {
    let mut m = model();
    m.transfers.enabled = true;
    compare(&mut m, &[("same.txt", A), ("edited.txt", B)]);
    press(&mut m, "<F5>");
    let Some(Modal::TransferAsk(ask)) = &m.modal else {
        panic!("{:?}", m.modal);
    };
    let crate::transfer::TransferSpec::Upload { sources, .. } = &ask.spec else {
        panic!("{:?}", ask.spec);
    };
    let mut sources = sources.clone();
    sources.sort();
    let want: Vec<PathBuf> = ["edited.txt", "grown.txt", "mine.txt"]
        .iter()
        .map(|n| PathBuf::from("/l").join(n))
        .collect();
    assert_eq!(sources, want);
}

#[test]
fn a_pane_that_moved_meanwhile_drops_the_result() {
    let mut m = model();
    let effects = press(&mut m, "<C-x> d");
    let [Effect::Compare(CompareEffect::Hash { ticket, .. })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let ticket = *ticket;
    m.pane_mut(Side::Left).location = Location::Local("/elsewhere".into());
    let (md5s, failed) = (vec![], vec![]);
    update(
        &mut m,
        Msg::Compare(CompareMsg::Hashed {
            ticket,
            md5s,
            failed,
        }),
    );
    assert!(m.pane(Side::Right).marks.is_empty());
    assert_eq!(status_text(&m), "Compare dropped: a pane moved meanwhile");
}

#[test]
fn two_local_panes_hash_both_sides() {
    let left = vec![file("x", 10), file("y", 3)];
    let right = vec![file("x", 10), file("y", 4)];
    let mut m = crate::app::testing::loaded(100, 30, left, right);
    let effects = press(&mut m, "<C-x> d");
    let [Effect::Compare(CompareEffect::Hash { ticket, files })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let want = [(PathBuf::from("/l/x"), 10), (PathBuf::from("/r/x"), 10)];
    assert_eq!(files.as_slice(), want);
    let md5s = vec![("/l/x".into(), A.to_owned()), ("/r/x".into(), A.to_owned())];
    let (ticket, failed) = (*ticket, vec![]);
    update(
        &mut m,
        Msg::Compare(CompareMsg::Hashed {
            ticket,
            md5s,
            failed,
        }),
    );
    assert_eq!(marked(&m, Side::Left), ["y"]);
    assert_eq!(
        status_text(&m),
        "0 only here, 1 differ, 0 only there, 1 same; F5 copies the marked"
    );
}
