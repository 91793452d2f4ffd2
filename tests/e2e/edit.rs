//! F4 in the real binary, `--demo`: a local file and a cloud file edited with `EDITOR` set to
//! a command that appends a line; the screen is handed over and taken back, the local pane is
//! listed again, and the cloud file goes down, back up, and shows its new size.

use crate::pty::Pty;

#[cfg(unix)]
#[test]
fn demo_f4_edits_a_local_file_and_a_cloud_file_back_onto_the_drive() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let tmp_dir = tmp.path().to_str().unwrap();
    let env = [
        ("EDITOR", "printf 'edited by panfm\\n' >>"),
        ("TMPDIR", tmp_dir),
    ];
    let root = t.path().to_str().unwrap();
    let mut p = Pty::spawn_with_env(&["--demo", root], cfg.path(), 120, 32, &env);
    p.wait_text("欢迎使用 panfm.md");
    p.send("/file2\r");
    p.send("\x1bOS"); // F4
    p.wait_for("the local file edited and listed again", |s| {
        s.contains("Back from editing file2.txt") && s.contains("17 B")
    });
    let text = std::fs::read_to_string(t.path().join("file2.txt")).unwrap();
    assert_eq!(text, "xedited by panfm\n");

    p.send("\x1b"); // clear the filter
    p.wait_for("filter cleared", |s| s.contains("file10.txt"));
    p.send("\t/欢迎\r");
    p.wait_for("the cloud file's size", |s| s.contains("870 B"));
    p.send("\x1bOS");
    p.wait_text("Saved cloud:/欢迎使用 panfm.md to the drive");
    p.wait_for("the new size in the pane", |s| s.contains("886 B"));
    p.send("q");
    assert!(p.wait_exit());
}
