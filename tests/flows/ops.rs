//! Cloud file operations through `PanFs` against the mock: batch sizes, per-item failures,
//! refusals before any call, trash/restore/purge, and no 429 under the free-tier limits.

use panfm::api::{self, ClientConfig, Credentials};
use panfm::fs::pan::PanFs;
use panfm::fs::{CloudDir, EntryKey, TrashListing};
use panfm::mock::{MockConfig, MockServer};

async fn setup() -> (MockServer, PanFs, tempfile::TempDir) {
    let mock = MockServer::start(MockConfig::default()).await.unwrap();
    let cache = tempfile::tempdir().unwrap();
    let creds = Credentials::new(mock.client_id(), mock.client_secret());
    let mut cfg = ClientConfig::new(api::Auth::Credentials(creds));
    cfg.base_url = mock.base_url().to_owned();
    cfg.token_cache_dir = Some(cache.path().to_path_buf());
    let fs = PanFs::new(api::Client::new(cfg).unwrap());
    (mock, fs, cache)
}

async fn files(mock: &MockServer, parent: i64, n: usize) -> Vec<i64> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        ids.push(
            mock.put_file(parent, &format!("f{i:04}.txt"), format!("{i}").as_bytes())
                .await
                .unwrap(),
        );
    }
    ids
}

fn dir(mock: &MockServer, path: &[(&str, i64)]) -> CloudDir {
    let _ = mock;
    CloudDir {
        trail: path.iter().map(|(n, id)| (*id, (*n).to_owned())).collect(),
    }
}

#[tokio::test]
async fn moving_250_files_takes_3_calls_and_keeps_every_file() {
    let (mock, fs, _c) = setup().await;
    let (src, dst) = (
        mock.put_dir(0, "src").unwrap(),
        mock.put_dir(0, "dst").unwrap(),
    );
    let ids = files(&mock, src, 250).await;
    let out = fs
        .move_items(src, &ids, &dir(&mock, &[("dst", dst)]), &mut |_| {})
        .await;
    assert_eq!((out.ok.len(), out.failed.len()), (250, 0));
    assert_eq!(mock.stats().calls_to("/api/v1/file/move"), 3);
    assert_eq!(mock.children(dst).len(), 250);
    assert!(mock.children(src).is_empty());
}

#[tokio::test]
async fn renaming_65_files_takes_3_calls_with_per_item_failures() {
    let (mock, fs, _c) = setup().await;
    let d = mock.put_dir(0, "d").unwrap();
    let ids = files(&mock, d, 65).await;
    let mut steps: Vec<(i64, String, String)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, format!("f{i:04}.txt"), format!("g{i:04}.txt")))
        .collect();
    // One target collides with a file outside the batch: that item fails, the rest go through.
    mock.put_file(d, "taken.txt", b"x").await.unwrap();
    steps[40].2 = "taken.txt".into();
    let out = fs.rename_steps(d, &steps, &mut |_| {}).await;
    assert_eq!(out.failed.len(), 1, "{:?}", out.failed);
    assert_eq!(out.failed[0].0, ids[40]);
    assert_eq!(out.ok.len(), 64);
    assert_eq!(
        mock.stats().calls_to("/api/v1/file/rename"),
        3,
        "30 + 30 + 5"
    );
    assert_eq!(mock.entry(ids[0]).unwrap().name, "g0000.txt");
    assert_eq!(mock.entry(ids[40]).unwrap().name, "f0040.txt");
    let renamed = &out.patch.dirs[0].renamed;
    assert_eq!(
        renamed.len(),
        64,
        "only the renames that went through are patched"
    );
    assert!(!renamed.iter().any(|(k, _)| *k == EntryKey::Cloud(ids[40])));
    assert_eq!(
        renamed[0],
        (EntryKey::Cloud(ids[0]), "g0000.txt".to_owned())
    );
}

#[tokio::test]
async fn a_swap_runs_through_a_temporary_name_in_order() {
    let (mock, fs, _c) = setup().await;
    let d = mock.put_dir(0, "d").unwrap();
    let ids = files(&mock, d, 2).await;
    let steps = vec![
        (ids[0], "f0000.txt".to_owned(), ".panfm-rename-0".to_owned()),
        (ids[1], "f0001.txt".to_owned(), "f0000.txt".to_owned()),
        (ids[0], ".panfm-rename-0".to_owned(), "f0001.txt".to_owned()),
    ];
    let out = fs.rename_steps(d, &steps, &mut |_| {}).await;
    assert!(out.failed.is_empty(), "{:?}", out.failed);
    assert_eq!(mock.entry(ids[0]).unwrap().name, "f0001.txt");
    assert_eq!(mock.entry(ids[1]).unwrap().name, "f0000.txt");
    assert_eq!(
        out.patch.dirs[0].renamed,
        [
            (EntryKey::Cloud(ids[0]), "f0001.txt".to_owned()),
            (EntryKey::Cloud(ids[1]), "f0000.txt".to_owned())
        ],
        "each id under the name of its last step"
    );
    assert_eq!(
        mock.stats().calls_to("/api/v1/file/rename"),
        3,
        "dependent steps are sent one after another"
    );
}

#[tokio::test]
async fn moving_a_folder_into_itself_is_refused_before_any_call() {
    let (mock, fs, _c) = setup().await;
    let a = mock.put_dir(0, "a").unwrap();
    let b = mock.put_dir(a, "b").unwrap();
    let out = fs
        .move_items(0, &[a], &dir(&mock, &[("a", a), ("b", b)]), &mut |_| {})
        .await;
    assert_eq!(out.failed.len(), 1);
    assert!(out.failed[0].1.contains("into itself"));
    assert_eq!(mock.stats().calls_to("/api/v1/file/move"), 0);
}

#[tokio::test]
async fn invalid_names_are_refused_before_any_call() {
    let (mock, fs, _c) = setup().await;
    let err = fs.mkdir(&CloudDir::root(), "a|b").await.unwrap_err();
    assert!(err.message.contains("forbidden"), "{err}");
    assert_eq!(mock.stats().calls_to("/upload/v1/file/mkdir"), 0);
}

#[tokio::test]
async fn trash_restore_purge_round_trip() {
    let (mock, fs, _c) = setup().await;
    let d = mock.put_dir(0, "d").unwrap();
    let ids = files(&mock, d, 3).await;
    let out = fs.trash(Some(d), &ids, &mut |_| {}).await;
    assert_eq!(out.ok.len(), 3);
    let mut found = vec![];
    let listing = fs
        .list_trash(true, |page| {
            found.extend(page);
            true
        })
        .await
        .unwrap();
    assert_eq!(listing, TrashListing::Complete);
    assert_eq!(found.len(), 3, "the recycle bin lists them");
    let stats = mock.stats();
    assert_eq!(stats.calls_to("/api/v1/file/list"), 1, "one page");
    assert_eq!(stats.calls_to("/api/v2/file/list"), 0, "no walk");
    let (out, orphaned) = fs.restore(&ids[..1], None, &mut |_| {}).await;
    assert_eq!((out.ok.len(), orphaned.len()), (1, 0));
    assert!(!mock.entry(ids[0]).unwrap().trashed);
    let out = fs.purge(&ids[1..], &mut |_| {}).await;
    assert_eq!(out.ok.len(), 2);
    assert!(mock.entry(ids[1]).is_none());
}

#[tokio::test]
async fn restoring_into_a_gone_folder_reports_orphans_then_restores_elsewhere() {
    let (mock, fs, _c) = setup().await;
    let d = mock.put_dir(0, "d").unwrap();
    let ids = files(&mock, d, 1).await;
    fs.trash(Some(d), &ids, &mut |_| {}).await;
    fs.trash(Some(0), &[d], &mut |_| {}).await;
    fs.purge(&[d], &mut |_| {}).await;
    let (out, orphaned) = fs.restore(&ids, None, &mut |_| {}).await;
    assert_eq!((out.ok.len(), orphaned), (0, ids.clone()));
    let (out, _) = fs.restore(&ids, Some(&CloudDir::root()), &mut |_| {}).await;
    assert_eq!(out.ok, ids);
    assert_eq!(mock.entry(ids[0]).unwrap().parent, 0);
}

#[tokio::test]
async fn a_2000_file_move_stays_within_the_free_tier_limits() {
    let (mock, fs, _c) = setup().await;
    let (src, dst) = (
        mock.put_dir(0, "src").unwrap(),
        mock.put_dir(0, "dst").unwrap(),
    );
    let ids = files(&mock, src, 2000).await;
    let out = fs
        .move_items(src, &ids, &dir(&mock, &[("dst", dst)]), &mut |_| {})
        .await;
    assert_eq!(out.ok.len(), 2000);
    assert_eq!(mock.stats().calls_to("/api/v1/file/move"), 20);
    assert_eq!(mock.stats().throttled, 0, "no 429 from the mock");
}

/// The "done when" walk-through at API level (with 300 files to keep the suite quick;
/// 1,000 files make 34 rename calls and 10 for each move, trash and restore):
/// rename 300 → 10 calls, move → 3, undo the move → 3, trash 300 → 3, restore → 3.
#[tokio::test]
async fn reorganising_call_counts_rename_move_undo_trash_restore() {
    let (mock, fs, _c) = setup().await;
    mock.set_knobs(|k| k.qps_limits = true);
    let (src, dst) = (
        mock.put_dir(0, "src").unwrap(),
        mock.put_dir(0, "dst").unwrap(),
    );
    let ids = files(&mock, src, 300).await;
    let calls = |p: &str| mock.stats().calls_to(p);
    let steps: Vec<(i64, String, String)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                *id,
                format!("f{i:04}.txt"),
                format!("photo_{:04}.txt", i + 1),
            )
        })
        .collect();
    assert!(
        fs.rename_steps(src, &steps, &mut |_| {})
            .await
            .failed
            .is_empty()
    );
    assert_eq!(calls("/api/v1/file/rename"), 10);
    let out = fs
        .move_items(src, &ids, &dir(&mock, &[("dst", dst)]), &mut |_| {})
        .await;
    assert_eq!((out.ok.len(), calls("/api/v1/file/move")), (300, 3));
    let out = fs
        .move_items(
            dst,
            &ids,
            &CloudDir {
                trail: vec![(src, "src".into())],
            },
            &mut |_| {},
        )
        .await;
    assert_eq!((out.ok.len(), calls("/api/v1/file/move")), (300, 6));
    assert_eq!(
        fs.trash(Some(src), &ids[..300], &mut |_| {}).await.ok.len(),
        300
    );
    assert_eq!(calls("/api/v1/file/trash"), 3);
    let (out, orphaned) = fs.restore(&ids[..300], None, &mut |_| {}).await;
    assert_eq!(
        (out.ok.len(), orphaned.len(), calls("/api/v1/file/recover")),
        (300, 0, 3)
    );
    assert_eq!(
        mock.children(src).iter().filter(|e| !e.trashed).count(),
        300
    );
    assert_eq!(mock.stats().throttled, 0);
}

#[tokio::test]
async fn typed_cloud_destinations_resolve_and_complete() {
    let (mock, fs, _c) = setup().await;
    let photos = mock.put_dir(0, "photos").unwrap();
    mock.put_dir(0, "photos-old").unwrap();
    let y2024 = mock.put_dir(photos, "2024 春节").unwrap();
    mock.put_file(photos, "p.jpg", b"x").await.unwrap();
    assert_eq!(fs.complete_dirs("/pho").await, ["photos", "photos-old"]);
    assert_eq!(
        fs.complete_dirs("/photos/").await,
        ["2024 春节"],
        "files are not offered"
    );
    let dir = fs.resolve_path("/photos/2024 春节").await.unwrap();
    assert_eq!(
        dir.trail,
        vec![
            (photos, "photos".to_owned()),
            (y2024, "2024 春节".to_owned())
        ]
    );
    assert_eq!(fs.resolve_path(&format!("id:{y2024}")).await.unwrap(), dir);
    let err = fs.resolve_path("/photos/nope").await.unwrap_err();
    assert!(err.message.contains("nope not found"), "{err}");
    assert!(
        fs.resolve_path("/photos/p.jpg").await.is_err(),
        "a file is no destination"
    );
}
