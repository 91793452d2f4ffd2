//! The viewer in the real binary on the demo drive: F3 on a CJK text file (wrapped by display
//! width, a search, line numbers), and on an image (its format and pixel size from the
//! header bytes); Esc goes back to the panes.

use crate::pty::Pty;

#[test]
fn demo_f3_on_a_cjk_text_file_then_search_and_close() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 100, 30);
    p.wait_text("欢迎使用 panfm.md");
    p.send("\t/欢迎\r");
    p.send("\x1b[13~"); // F3
    p.wait_for("the text shown", |s| {
        s.contains("欢迎使用 panfm.md · 870 B · text · UTF-8 (detected)")
            && s.contains("# panfm demo · 1")
            && s.contains("会议纪要：讨论季度预算与项目进度，下次会议定于周五。")
            && s.contains("line 1 of 18")
    });
    p.send("#");
    p.wait_for("line numbers", |s| {
        s.lines().any(|l| l.starts_with("  2 The quick brown fox"))
    });
    p.send("/会议\r");
    p.wait_for("the match at the top", |s| {
        s.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("  3 会议纪要"))
    });
    p.send("G");
    p.wait_text("(end)");
    p.send("q");
    p.wait_for("back to the panes", |s| {
        s.contains("cloud:/ ") && !s.contains("(end)")
    });
    p.send("q");
    assert!(p.wait_exit());
}

#[test]
fn demo_f3_on_an_image_shows_its_size_in_pixels() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 100, 30);
    p.wait_text("照片/");
    p.send("\t/照片\r\r");
    p.wait_text("2024 春节/");
    p.send("/2024 春节\r\r");
    p.wait_text("IMG_0001.png");
    p.send("\r"); // Enter on a file views it
    p.wait_for("the image's details", |s| {
        s.contains("IMG_0001.png · 56.4 KiB · PNG image, 160 × 120 pixels · hex dump")
            && s.contains("00000000  89 50 4e 47 0d 0a 1a 0a")
    });
    p.send("\x1b");
    p.wait_for("back to the panes", |s| {
        s.contains("IMG_0012.png") && !s.contains("hex dump")
    });
    p.send("q");
    assert!(p.wait_exit());
}
