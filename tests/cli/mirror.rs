//! The script from the issue, as one test: mirror a local tree to the cloud, list it as JSON,
//! batch-rename and move it with the existing commands, download it back byte-identical.

use crate::local::{Tree, content, env, read_tree, shape, tree, write_tree};

#[test]
fn mirror_list_rename_move_and_download_back() {
    let env = env();
    let work = tempfile::tempdir().unwrap();
    let (img1, img2, img3) = (content(3000, 1), content(70_000, 2), content(1, 3));
    let album = tree(&[
        ("相册/2024 春节/IMG_0001.JPG", Some(&img1)),
        ("相册/2024 春节/IMG_0002.JPG", Some(&img2)),
        ("相册/2024 春节/空 文件.txt", Some(b"")),
        ("相册/旅行 🎉/IMG_0003.JPG", Some(&img3)),
        ("相册/旅行 🎉/notes with  spaces 🎉.md", Some(b"# notes\n")),
        ("相册/empty folder", None),
        ("相册/.hidden", Some(b"h")),
    ]);
    write_tree(work.path(), &album);

    // Mirror.
    env.run(&["mkdir", "-p", "/备份"]).ok();
    let up = env.run_in(work.path(), &["upload", "-r", "--json", "相册", "/备份"]);
    let report = up.ok().json();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0);
    let results = report["results"].as_array().unwrap();
    assert_eq!(results.len(), 6, "{report:#}");
    let first = results
        .iter()
        .find(|r| r["path"] == "相册/2024 春节/IMG_0002.JPG")
        .unwrap();
    assert_eq!(first["target"], "/备份/相册/2024 春节/IMG_0002.JPG");
    assert_eq!(first["bytes"], 70_000);

    // List as JSON.
    let listed = env
        .run(&["ls", "--json", "-a", "/备份/相册/2024 春节"])
        .ok();
    let sizes: Vec<(String, u64)> = listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let name = e["name"].as_str().unwrap().to_owned();
            (name, e["size"].as_u64().unwrap())
        })
        .collect();
    let expected = [
        ("IMG_0001.JPG", 3000),
        ("IMG_0002.JPG", 70_000),
        ("空 文件.txt", 0),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(n, s)| ((*n).into(), *s)).collect();
    assert_eq!(sizes, expected);
    let top = env.run(&["ls", "--json", "-a", "/备份/相册"]).ok().json();
    assert_eq!(top.as_array().unwrap().len(), 4, "{top:#}");

    // Batch-rename and move.
    let pattern = r"IMG_(\d+)\.JPG";
    let album_dir = "/备份/相册/2024 春节";
    env.run(&[
        "rename",
        "--regex",
        pattern,
        "--to",
        "春节-$1.jpg",
        "--in",
        album_dir,
    ])
    .ok();
    env.run(&["mkdir", "/归档"]).ok();
    env.run(&["mv", album_dir, "/归档"]).ok();

    // Download back.
    std::fs::create_dir(work.path().join("back")).unwrap();
    let down = env.run_in(
        work.path(),
        &["download", "-r", "/归档/2024 春节", "/备份/相册", "back"],
    );
    assert!(down.ok().stderr.contains("downloaded 6 files"));
    // What the renames and the move did, applied to the local original.
    let mut wanted = Tree::from([("相册".to_owned(), None)]);
    for (rel, bytes) in read_tree(&work.path().join("相册")) {
        let rel = match rel.strip_prefix("2024 春节") {
            Some(rest) => format!(
                "2024 春节{}",
                rest.replace("IMG_", "春节-").replace(".JPG", ".jpg")
            ),
            None => format!("相册/{rel}"),
        };
        wanted.insert(rel, bytes);
    }
    assert_eq!(shape(&read_tree(&work.path().join("back"))), shape(&wanted));
    assert_eq!(env.stats().tokens_minted, 1, "one token for every command");
}
