//! Compare directories and the sync question through the real executor and the mock: local
//! files hashed for real (a same-size file with other content is marked), F5 copies exactly
//! the marked and a second compare finds the folders alike; a sync walks both trees, sends
//! what the plan says into the cloud folder (subfolders made), and a second one has nothing
//! to do.

use crate::Harness;
use panfm::app::{Modal, Model, Side};
use panfm::transfer::JobState;

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

fn status(h: &Harness) -> String {
    h.model
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

fn done_jobs(m: &Model) -> usize {
    let done = |s: &JobState| matches!(s, JobState::Done { .. });
    m.transfers
        .jobs
        .iter()
        .filter(|j| done(&j.info.state))
        .count()
}

/// Cloud folder `/cmp` (`same.txt`, `edited.txt`, `theirs.txt`) in the right pane and a
/// local folder (`same.txt`, `edited.txt` of the same size, other bytes, `mine.txt`) in the
/// left one; focus left.
async fn scene() -> (Harness, tempfile::TempDir) {
    let mut h = Harness::demo().await;
    let dir = h.mock.put_dir(0, "cmp").unwrap();
    h.mock
        .put_file(dir, "same.txt", b"hello world")
        .await
        .unwrap();
    h.mock.put_file(dir, "edited.txt", b"AAAA").await.unwrap();
    h.mock.put_file(dir, "theirs.txt", b"x").await.unwrap();
    h.command(panfm::config::Command::Refresh);
    h.until_loaded(Side::Right).await;
    h.open(&["cmp"]).await;
    let local = tempfile::tempdir().unwrap();
    std::fs::write(local.path().join("same.txt"), b"hello world").unwrap();
    std::fs::write(local.path().join("edited.txt"), b"BBBB").unwrap();
    std::fs::write(local.path().join("mine.txt"), b"m").unwrap();
    h.model.focus = Side::Left;
    h.model.pane_mut(Side::Left).location = panfm::fs::Location::Local(local.path().into());
    h.command(panfm::config::Command::Refresh);
    h.until_loaded(Side::Left).await;
    (h, local)
}

#[tokio::test]
async fn compare_marks_the_differences_and_f5_copies_them() {
    let (mut h, _local) = scene().await;
    h.press("<C-x> d");
    h.until("the compare", |m| m.compare.job.is_none()).await;
    assert_eq!(marked(&h.model, Side::Left), ["edited.txt", "mine.txt"]);
    assert_eq!(marked(&h.model, Side::Right), ["edited.txt", "theirs.txt"]);
    assert_eq!(
        status(&h),
        "1 only here, 1 differ, 1 only there, 1 same; F5 copies the marked"
    );

    // F5 sends the two marked files; overwrite edited.txt (p cycles the policy).
    h.press("<F5>");
    h.until("the upload question", |m| {
        matches!(m.modal, Some(Modal::TransferAsk(_)))
    })
    .await;
    let Some(Modal::TransferAsk(ask)) = &h.model.modal else {
        unreachable!()
    };
    let panfm::transfer::TransferSpec::Upload { sources, .. } = &ask.spec else {
        panic!("{:?}", ask.spec);
    };
    assert_eq!(sources.len(), 2);
    while !matches!(&h.model.modal, Some(Modal::TransferAsk(a))
        if a.spec.policy() == panfm::transfer::ConflictPolicy::Overwrite)
    {
        h.press("p");
    }
    h.press("y");
    h.until("both uploads", |m| done_jobs(m) == 2).await;
    let cmp = h.mock.id_of("/cmp").unwrap();
    assert_eq!(
        h.mock.children(cmp).len(),
        4,
        "mine.txt added, edited.txt replaced"
    );
    let edited = h.mock.id_of("/cmp/edited.txt").unwrap();
    assert_eq!(h.mock.file_bytes(edited).await.unwrap(), b"BBBB");

    h.model.focus = Side::Right;
    h.command(panfm::config::Command::Refresh);
    h.until_loaded(Side::Right).await;
    h.press("<C-x> d");
    h.until("the second compare", |m| m.compare.job.is_none())
        .await;
    assert_eq!(
        status(&h),
        "1 only here, 0 differ, 0 only there, 3 same; F5 copies the marked"
    );
    assert_eq!(marked(&h.model, Side::Left), Vec::<String>::new());
}

#[tokio::test]
async fn a_sync_sends_the_tree_and_a_second_has_nothing_to_do() {
    let (mut h, local) = scene().await;
    let proj = local.path().join("proj");
    std::fs::create_dir_all(proj.join("src/deep")).unwrap();
    std::fs::create_dir_all(proj.join("empty")).unwrap();
    std::fs::write(proj.join("a.txt"), b"aaa").unwrap();
    std::fs::write(proj.join("src/deep/b.rs"), b"fn main() {}").unwrap();
    h.command(panfm::config::Command::Refresh);
    h.until_loaded(Side::Left).await;
    h.cursor_to("proj");
    h.press("<C-x> s");
    h.until("the plan", |m| matches!(m.modal, Some(Modal::SyncAsk(_))))
        .await;
    let Some(Modal::SyncAsk(ask)) = &h.model.modal else {
        unreachable!()
    };
    let c = ask.plan().counts;
    assert_eq!((c.new.count, c.new.bytes, c.mkdir), (2, 15, 4), "{c:?}");
    h.press("y");
    h.until("both uploads", |m| done_jobs(m) == 2).await;
    let b = h.mock.id_of("/cmp/proj/src/deep/b.rs").unwrap();
    assert_eq!(h.mock.file_bytes(b).await.unwrap(), b"fn main() {}");
    assert!(
        h.mock.id_of("/cmp/proj/empty").is_some(),
        "empty folders made"
    );

    h.press("<C-x> s");
    h.until("the plan", |m| matches!(m.modal, Some(Modal::SyncAsk(_))))
        .await;
    let Some(Modal::SyncAsk(ask)) = &h.model.modal else {
        unreachable!()
    };
    assert!(ask.plan().is_noop(), "{:?}", ask.plan().counts);
    h.command(panfm::config::Command::Escape);

    // A file rewritten with its size kept is found by its MD5.
    std::fs::write(proj.join("a.txt"), b"AAA").unwrap();
    h.press("<C-x> s");
    h.until("the plan", |m| matches!(m.modal, Some(Modal::SyncAsk(_))))
        .await;
    let Some(Modal::SyncAsk(ask)) = &h.model.modal else {
        unreachable!()
    };
    let c = ask.plan().counts;
    assert_eq!(
        (c.new.count, c.changed.count, c.unchanged.count),
        (0, 1, 1),
        "{c:?}"
    );
}
