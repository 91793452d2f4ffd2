//! The preview panel in the real binary on the demo drive: `z` puts it in the other pane's
//! place, it follows the cursor over local folders and files, moves to the other side with
//! Tab and shows a cloud text file's first lines; `z` gives the pane back.

use crate::pty::Pty;

#[test]
fn demo_z_previews_local_and_cloud_entries_as_the_cursor_moves() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 100, 30);
    p.wait_text("欢迎使用 panfm.md");
    p.send("z");
    p.wait_for("alpha's counts in the cloud pane's place", |s| {
        s.contains("Preview") && s.contains("Folder · 1 folder, 1 file") && !s.contains("欢迎")
    });
    p.send("/file10\r");
    p.wait_for("a local file's first line", |s| {
        s.contains("Text · UTF-8") && s.contains("│file10.txt ")
    });
    p.send("\x1b");
    p.wait_for("the filter cleared", |s| s.contains("file2.txt"));
    p.send("\t/欢迎\r");
    p.wait_for("a cloud text file's first lines", |s| {
        s.contains("Text · UTF-8") && s.contains("# panfm demo · 1") && !s.contains("file10.txt")
    });
    p.send("z");
    // The panel's title is gone; the status line says "Preview off".
    p.wait_for("the local pane back", |s| {
        s.contains("file10.txt") && !s.contains(" Preview ") && s.contains("\nPreview off")
    });
    p.send("q");
    assert!(p.wait_exit());
}
