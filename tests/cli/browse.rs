//! ls, stat, tree, info: text and JSON, names with spaces, CJK and emoji, path errors.

use crate::common::Env;
use unicode_width::UnicodeWidthStr;

fn sample() -> Env {
    let env = Env::new();
    env.file("/照片 2024/春节 🎉.jpg", b"fireworks");
    env.file("/照片 2024/file2.txt", b"2");
    env.file("/照片 2024/file10.txt", b"10");
    env.file("/照片 2024/.hidden", b"h");
    env.dir("/照片 2024/相册 A");
    env.file("/docs/a b.txt", b"hello");
    env
}

#[test]
fn ls_lists_folders_first_in_natural_order_and_hides_dot_names() {
    let env = sample();
    let run = env.run(&["ls", "/照片 2024"]).ok();
    assert_eq!(
        run.lines(),
        vec!["相册 A/", "file2.txt", "file10.txt", "春节 🎉.jpg"]
    );
    let all = env.run(&["ls", "-a", "/照片 2024"]).ok();
    assert!(all.lines().contains(&".hidden"), "{all:?}");
    let root = env.run(&["ls"]).ok();
    assert_eq!(root.lines(), vec!["docs/", "照片 2024/"]);
}

#[test]
fn ls_long_aligns_columns_by_display_width() {
    let env = sample();
    let run = env.run(&["ls", "-l", "/照片 2024"]).ok();
    let md5 = panfm::api::md5_hex(b"fireworks");
    let lines = run.lines();
    assert_eq!(lines.len(), 4, "{run:?}");
    assert!(lines[3].contains(&md5) && lines[3].ends_with("春节 🎉.jpg"));
    assert!(lines[0].starts_with("dir ") && lines[0].ends_with("相册 A/"));
    // The name column starts at the same display column on every line.
    let name_cols: Vec<usize> = lines
        .iter()
        .zip(["相册 A/", "file2.txt", "file10.txt", "春节 🎉.jpg"])
        .map(|(line, name)| line[..line.len() - name.len()].width())
        .collect();
    assert!(name_cols.iter().all(|c| *c == name_cols[0]), "{lines:#?}");
}

#[test]
fn ls_json_has_the_documented_fields() {
    let env = sample();
    let run = env.run(&["ls", "--json", "/照片 2024"]).ok();
    let items = run.json();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 4);
    let pic = items.iter().find(|i| i["name"] == "春节 🎉.jpg").unwrap();
    assert_eq!(pic["type"], "file");
    assert_eq!(pic["size"], 9);
    assert_eq!(pic["etag"], panfm::api::md5_hex(b"fireworks"));
    assert_eq!(pic["id"], env.id("/照片 2024/春节 🎉.jpg"));
    assert_eq!(pic["parentId"], env.id("/照片 2024"));
    assert_eq!(pic["path"], "/照片 2024/春节 🎉.jpg");
    for key in ["createdAt", "updatedAt"] {
        let text = pic[key].as_str().unwrap();
        chrono::DateTime::parse_from_rfc3339(text).unwrap();
        assert!(text.ends_with("+00:00"), "{text}");
    }
    let dir = items.iter().find(|i| i["name"] == "相册 A").unwrap();
    assert_eq!(dir["type"], "dir");
}

#[test]
fn files_and_ids_are_paths_too() {
    let env = sample();
    let id = env.id("/docs/a b.txt");
    let by_path = env.run(&["ls", "/docs/a b.txt"]).ok();
    assert_eq!(by_path.lines(), vec!["a b.txt"]);
    let by_id = env.run(&["ls", &format!("id:{id}")]).ok();
    assert_eq!(by_id.stdout, by_path.stdout);
    let docs = env.id("/docs");
    let below = env
        .run(&["stat", "--json", &format!("id:{docs}/a b.txt")])
        .ok();
    assert_eq!(below.json()["id"], id);
}

#[test]
fn missing_and_malformed_paths_are_clear_errors() {
    let env = sample();
    let run = env.run(&["ls", "/docs/nope/deeper"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "panfm: no such file or directory: /docs/nope (nope not found in /docs)"
    );
    let file_as_dir = env.run(&["ls", "/docs/a b.txt/x"]);
    assert_eq!(file_as_dir.code, 1);
    assert!(
        file_as_dir
            .stderr
            .contains("not a directory: /docs/a b.txt")
    );
    let relative = env.run(&["ls", "docs"]);
    assert_eq!(relative.code, 2, "{relative:?}");
    assert!(relative.stderr.contains("start it with /"));
    let bad_id = env.run(&["stat", "id:999999"]);
    assert_eq!(bad_id.code, 1);
    assert!(
        bad_id
            .stderr
            .contains("no such file or directory: id:999999")
    );
    let usage = env.run(&["ls", "--no-such-flag"]);
    assert_eq!(usage.code, 2);
}

#[test]
fn stat_gives_a_folders_total_size() {
    let env = sample();
    let run = env.run(&["stat", "--json", "/照片 2024"]).ok();
    let v = run.json();
    assert_eq!(v["type"], "dir");
    assert_eq!(v["size"], 9 + 1 + 2 + 1);
    let text = env.run(&["stat", "/照片 2024/春节 🎉.jpg"]).ok();
    assert!(text.stdout.contains("(9 bytes)"), "{text:?}");
    assert!(text.stdout.contains("/照片 2024/春节 🎉.jpg"));
}

#[test]
fn stat_of_the_root_gives_the_drives_total() {
    let env = sample();
    let live = 9 + 1 + 2 + 1 + 5;
    let root = env.run(&["stat", "--json", "/"]).ok().json();
    assert_eq!(
        (root["type"].as_str(), root["size"].as_u64()),
        (Some("dir"), Some(live))
    );
    // The account's figure (`spaceUsed`); the mock's counts the trash too.
    env.trash("/docs/a b.txt");
    let text = env.run(&["stat", "/"]).ok();
    let size = text
        .lines()
        .into_iter()
        .find(|l| l.starts_with("size"))
        .unwrap();
    assert_eq!(
        size.split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" "),
        format!("{live} B ({live} bytes, the account's space used)")
    );
    let info = env.run(&["info", "--json"]).ok().json();
    assert_eq!(info["spaceUsed"].as_u64(), Some(live), "{info}");
}

#[test]
fn tree_draws_and_nests() {
    let env = sample();
    env.file("/照片 2024/相册 A/深处/x.bin", b"x");
    let run = env.run(&["tree", "/照片 2024"]).ok();
    let expected = "\
/照片 2024
├── 相册 A/
│   └── 深处/
│       └── x.bin
├── file2.txt
├── file10.txt
└── 春节 🎉.jpg

2 directories, 4 files
";
    assert_eq!(run.stdout, expected);
    let json = env.run(&["tree", "--json", "/"]).ok().json();
    let photos = &json["children"][1];
    assert_eq!(photos["name"], "照片 2024");
    let album = &photos["children"][0];
    assert_eq!(
        album["children"][0]["children"][0]["path"],
        "/照片 2024/相册 A/深处/x.bin"
    );
    let shallow = env.run(&["tree", "-L", "1", "/"]).ok();
    assert!(!shallow.stdout.contains("file2.txt"), "{shallow:?}");
    assert!(shallow.stdout.contains("照片 2024/"));
}

#[test]
fn info_shows_the_account_without_contact_details() {
    let env = Env::new();
    let v = env.run(&["info", "--json"]).ok().json();
    assert_eq!(v["uid"], 1_814_435_920u64);
    assert_eq!(v["vip"], false);
    assert!(v["spaceTotal"].as_u64().unwrap() > 0);
    assert!(v.get("passport").is_none() && v.get("mail").is_none());
    let text = env.run(&["info"]).ok();
    assert!(text.stdout.contains("uid 1814435920"), "{text:?}");
}

#[test]
fn blocked_entries_are_listed_and_marked() {
    let env = Env::demo();
    let run = env.run(&["ls", "-l", "/视频/待审核"]).ok();
    assert!(run.stdout.contains("被驳回的视频.mp4 [blocked]"), "{run:?}");
    let v = env.run(&["ls", "--json", "/视频/待审核"]).ok().json();
    assert_eq!(v[0]["blocked"], true);
}
