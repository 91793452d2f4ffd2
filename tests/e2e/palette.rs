//! The command palette and bookmarks in the real binary (`--demo`): `:` + a query + Enter runs
//! the command; `B` + key bookmarks, `'` + key goes back, a cloud bookmark whose folder is
//! gone says so, and the bookmarks file is kept.

use crate::pty::Pty;

#[test]
fn the_palette_runs_a_command_and_bookmarks_jump() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    std::fs::write(
        cfg.path().join("bookmarks.toml"),
        "[bookmarks]\ng = \"cloud:/不存在\"\n",
    )
    .unwrap();
    let root = t.path().to_str().unwrap();
    let mut p = Pty::spawn(&["--demo", root, "cloud:/文档"], cfg.path(), 100, 30);
    p.wait_text("file10.txt");
    assert!(!p.screen().contains(".secret"));

    p.send(":");
    p.wait_text("Commands: Browsing");
    p.send("hidden");
    p.wait_text("Show or hide hidden files");
    p.send("\r");
    p.wait_text(".secret");

    p.send("Bw");
    p.wait_text("as 'w");
    p.send("\r");
    p.wait_text("inner/");
    p.send("'w");
    p.wait_for("back in the bookmarked folder", |s| {
        s.contains("file10.txt") && !s.contains("inner/")
    });

    p.send("\t'g");
    p.wait_text("Showing cloud:/: 不存在 not found there");
    p.send("'");
    p.wait_text("Bookmarks: press a key");
    p.send("\x1b");
    p.wait_for("the list closed", |s| !s.contains("Bookmarks: press a key"));
    p.send("q");
    assert!(p.wait_exit());
    let kept = std::fs::read_to_string(cfg.path().join("bookmarks.toml")).unwrap();
    assert!(kept.contains(&format!("w = \"{root}\"")), "{kept}");
    assert!(kept.contains("g = \"cloud:/不存在\""), "{kept}");
    // The demo's drive is gone with the run: its recent folders and undo records never reach
    // the state directory a real account uses.
    for name in ["recent.json", "undo.json"] {
        let file = cfg.path().join("state").join(name);
        assert!(!file.exists(), "{} was written by --demo", file.display());
    }
}
