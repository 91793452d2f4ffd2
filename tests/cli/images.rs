//! `panfm img …` through the binary against the mock's image space: ls, upload (refusals up
//! front), mkdir, mv, rm, link and copy-from-drive, text and `--json`, exit statuses.

use crate::common::Env;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n-made-up-pixels-";

/// The demo seed, with copy tasks and upload verification finishing at the first poll.
fn demo() -> Env {
    Env::with(|c| {
        c.seed = panfm::mock::Seed::Demo;
        c.knobs.complete_pending_polls = 0;
    })
}

fn panfm_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("panfm:")).collect()
}

#[test]
fn ls_text_long_and_json() {
    let env = demo();
    let run = env.run(&["img", "ls"]).ok();
    assert_eq!(run.lines(), ["avatars/", "blog/", "banner.png"]);
    let run = env.run(&["img", "ls", "/blog"]).ok();
    assert_eq!(run.lines(), ["2024/", "hello-world.png", "logo.svg"]);
    let long = env.run(&["img", "ls", "-l", "/avatars"]).ok();
    let lines = long.lines();
    assert!(
        lines[0].starts_with("image ") && lines[0].ends_with("cat.png"),
        "{long:?}"
    );
    let json = env.run(&["img", "ls", "--json", "/blog"]).ok().json();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 3);
    let logo = items.iter().find(|i| i["name"] == "logo.svg").unwrap();
    assert_eq!(logo["path"], "/blog/logo.svg");
    assert_eq!(logo["type"], "image");
    assert_eq!(logo["format"], "svg");
    assert_eq!(logo["id"], env.mock.image_id_of("/blog/logo.svg").unwrap());
    let url = logo["url"].as_str().unwrap();
    assert!(
        url.starts_with(env.mock.base_url()) && url.ends_with(".svg"),
        "{url}"
    );
    let dir = items.iter().find(|i| i["name"] == "2024").unwrap();
    assert_eq!(
        (dir["type"].as_str(), dir["url"].is_null()),
        (Some("dir"), true)
    );

    let missing = env.run(&["img", "ls", "/blog/nope"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.contains("nope not found in /blog"),
        "{missing:?}"
    );
    let relative = env.run(&["img", "ls", "blog"]);
    assert_eq!(relative.code, 2, "{relative:?}");
}

#[test]
fn upload_refuses_non_images_up_front_and_sends_the_rest() {
    let env = Env::with(|c| c.knobs.complete_pending_polls = 0);
    let local = tempfile::tempdir().unwrap();
    let root = local.path();
    std::fs::create_dir_all(root.join("pics/深处")).unwrap();
    std::fs::write(root.join("pics/a.png"), PNG).unwrap();
    std::fs::write(root.join("pics/深处/b.gif"), b"GIF89a-tiny").unwrap();
    std::fs::write(root.join("pics/notes.txt"), b"not an image").unwrap();
    std::fs::write(root.join("fake.png"), b"GIF89a-but-named-png").unwrap();
    let big = std::fs::File::create(root.join("big.png")).unwrap();
    big.set_len(panfm::api::MAX_IMAGE_SIZE + 1).unwrap(); // sparse: nothing is written
    let arg = |p: &str| root.join(p).to_str().unwrap().to_owned();
    let run = env.run(&[
        "img",
        "upload",
        "--json",
        &arg("pics"),
        &arg("fake.png"),
        &arg("big.png"),
        "/",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let refusals = panfm_lines(&run.stderr);
    assert_eq!(refusals.len(), 3, "{run:?}");
    assert!(
        refusals[0].contains("pics/notes.txt")
            && refusals[0].contains("not a supported image name")
    );
    assert!(refusals[1].contains("fake.png: named as PNG but the content is GIF"));
    assert!(refusals[2].contains("big.png") && refusals[2].contains("100 MiB"));
    let v = run.json();
    let paths: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/pics/a.png", "/pics/深处/b.gif"]);
    assert_eq!(v["errors"].as_array().unwrap().len(), 3);
    let a = env.mock.image_id_of("/pics/a.png").unwrap();
    assert_eq!(v["results"][0]["id"], a);
    assert!(env.mock.image_id_of("/pics/深处/b.gif").is_some());
    assert!(env.mock.image_id_of("/pics/notes.txt").is_none());
    assert_eq!(
        env.calls("/upload/v1/oss/file/create"),
        2,
        "refused files never reached the server"
    );
    // Only refusals: nothing is sent, still a failure.
    let none = env.run(&["img", "upload", &arg("pics/notes.txt"), "/"]);
    assert_eq!(none.code, 1);
    assert_eq!(panfm_lines(&none.stderr).len(), 1);
    assert_eq!(env.calls("/upload/v1/oss/file/create"), 2);
}

#[test]
fn mkdir_with_and_without_parents() {
    let env = Env::new();
    env.run(&["img", "mkdir", "/相册 🎉"]).ok();
    assert!(env.mock.image_id_of("/相册 🎉").is_some());
    env.run(&["img", "mkdir", "-p", "/a/b/c", "/a/b/d"]).ok();
    assert!(env.mock.image_id_of("/a/b/c").is_some() && env.mock.image_id_of("/a/b/d").is_some());
    let again = env.run(&["img", "mkdir", "-p", "/a/b/c"]).ok();
    assert!(again.stderr.contains("0 folders created"), "{again:?}");
    let missing = env.run(&["img", "mkdir", "/x/y"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("x not found in /"), "{missing:?}");
    let exists = env.run(&["img", "mkdir", "--json", "/a"]);
    assert_eq!(exists.code, 1);
    assert_eq!(exists.json()["errors"][0]["error"], "already exists");
    let mkdirs = env.calls("/upload/v1/oss/file/mkdir");
    let bad = env.run(&["img", "mkdir", "/a:b"]);
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("invalid name"));
    assert_eq!(env.calls("/upload/v1/oss/file/mkdir"), mkdirs);
    let json = env.run(&["img", "mkdir", "--json", "/new"]).ok().json();
    assert_eq!(
        json["results"][0]["id"],
        env.mock.image_id_of("/new").unwrap()
    );
}

#[test]
fn mv_moves_and_refuses_what_cannot_be_moved() {
    let env = demo();
    let cat = env.mock.image_id_of("/avatars/cat.png").unwrap();
    let run = env.run(&[
        "img",
        "mv",
        "--json",
        "/avatars/cat.png",
        "/avatars/dog.bmp",
        "/blog",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(env.mock.image_id_of("/blog/cat.png"), Some(cat.clone()));
    assert!(env.mock.image_id_of("/blog/dog.bmp").is_some());
    let v = run.json();
    assert_eq!(v["results"][0]["from"], "/avatars/cat.png");
    assert_eq!(v["results"][0]["to"], "/blog/cat.png");
    let moves = env.calls("/api/v1/oss/file/move");
    assert_eq!(moves, 1, "one call for both");
    let refused = env.run(&[
        "img",
        "mv",
        "/blog",
        "/blog/hello-world.png",
        "/nope.png",
        "/blog/2024",
    ]);
    assert_eq!(refused.code, 1);
    let lines = panfm_lines(&refused.stderr);
    assert_eq!(lines.len(), 2, "{refused:?}");
    assert!(
        lines[0].contains("into itself or below itself"),
        "{lines:?}"
    );
    assert!(lines[1].contains("nope.png not found"), "{lines:?}");
    assert!(
        env.mock.image_id_of("/blog/2024/hello-world.png").is_some(),
        "the good one moved"
    );
    let there = env.run(&["img", "mv", "/blog/cat.png", "/blog"]);
    assert_eq!(there.code, 1);
    assert!(there.stderr.contains("already in /blog"), "{there:?}");
    assert_eq!(env.calls("/api/v1/oss/file/move"), moves + 1);
}

#[test]
fn rm_deletes_for_good_only_when_told_to() {
    let env = demo();
    let no = env.run_with_stdin(&["img", "rm", "/blog/logo.svg"], "y\n");
    assert_eq!(no.code, 2, "{no:?}");
    assert!(no.stderr.contains("without --yes"));
    assert!(env.mock.image_id_of("/blog/logo.svg").is_some());
    let id = env.mock.image_id_of("/blog/2024").unwrap();
    let run = env.run(&[
        "img",
        "rm",
        "--yes",
        "--json",
        "/blog/logo.svg",
        "/blog/2024",
        "/gone.png",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(env.mock.image_id_of("/blog/logo.svg").is_none());
    assert!(
        env.mock.image(&id).is_none(),
        "a folder goes with its images"
    );
    let v = run.json();
    assert_eq!(v["results"].as_array().unwrap().len(), 2);
    assert_eq!(v["errors"][0]["item"], "/gone.png");
    assert!(run.stderr.contains("2 items deleted for good"));
    let root = env.run(&["img", "rm", "--yes", "/"]);
    assert_eq!(root.code, 1);
    assert!(root.stderr.contains("cannot delete the root folder"));
}

#[test]
fn link_prints_plain_markdown_and_json() {
    let env = demo();
    let id = env.mock.image_id_of("/blog/hello-world.png").unwrap();
    let run = env.run(&["img", "link", "/blog/hello-world.png"]).ok();
    let url = format!("{}/oss-img/", env.mock.base_url());
    assert_eq!(run.lines().len(), 1);
    assert!(run.stdout.starts_with(&url) && run.stdout.trim_end().ends_with(&format!("{id}.png")));
    let md = env.run(&["img", "link", "--markdown", "/blog"]).ok();
    let lines = md.lines();
    assert_eq!(lines.len(), 2, "a folder stands for its images: {md:?}");
    assert!(lines[0].starts_with("![hello-world.png](") && lines[0].ends_with(".png)"));
    assert!(lines[1].starts_with("![logo.svg](") && lines[1].ends_with(".svg)"));
    // The link serves the image.
    let link = run.stdout.trim_end().to_owned();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (served, stored) = rt.block_on(async {
        let served = reqwest::get(&link).await.unwrap().bytes().await.unwrap();
        (served.to_vec(), env.mock.image_bytes(&id).await.unwrap())
    });
    assert_eq!(served, stored);
    let json = env.run(&["img", "link", "--json", "/blog/logo.svg", "/blog/nope.png"]);
    assert_eq!(json.code, 1, "{json:?}");
    let v = json.json();
    assert_eq!(v["results"][0]["path"], "/blog/logo.svg");
    assert!(
        v["results"][0]["markdown"]
            .as_str()
            .unwrap()
            .starts_with("![logo.svg](")
    );
    assert_eq!(v["errors"][0]["item"], "/blog/nope.png");
}

#[test]
fn copy_from_drive_sends_drive_images_in() {
    let env = demo();
    let run = env.run(&["img", "copy-from-drive", "--json", "/照片/表情包", "/blog"]);
    assert_eq!(run.code, 0, "{run:?}");
    for name in ["微笑.png", "挥手.gif", "贴纸.svg"] {
        let path = format!("/blog/表情包/{name}");
        assert!(env.mock.image_id_of(&path).is_some(), "{path}");
    }
    assert!(env.mock.image_id_of("/blog/表情包/说明.txt").is_none());
    let v = run.json();
    assert_eq!(v["results"][0]["from"], "/照片/表情包");
    assert_eq!(v["results"][0]["to"], "/blog");
    assert_eq!(env.calls("/api/v1/oss/source/copy"), 1);
    let bad = env.run(&[
        "img",
        "copy-from-drive",
        "/照片/nope",
        "/blog/hello-world.png",
    ]);
    assert_eq!(bad.code, 1, "{bad:?}");
    assert!(
        bad.stderr.contains("not a folder: /blog/hello-world.png"),
        "{bad:?}"
    );
}
