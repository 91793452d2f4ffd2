//! Compare directories in the real binary, `--demo`: a local folder beside the demo's
//! `/文档/工作` (one file of the same size with other bytes, one of another size, one only
//! here; the cloud has one only there), `C-x d`, and the summary and the marks on screen.

use crate::pty::Pty;

#[cfg(unix)]
#[test]
fn demo_compare_directories_marks_both_panes() {
    let local = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    // The demo's 预算表 Q3.xlsx is 48,213 bytes of generated noise: zeros differ by MD5 only.
    std::fs::write(local.path().join("预算表 Q3.xlsx"), vec![0u8; 48_213]).unwrap();
    std::fs::write(local.path().join("2024 年度总结.docx"), b"short").unwrap();
    std::fs::write(local.path().join("local-only.txt"), b"mine").unwrap();
    let root = local.path().to_str().unwrap();
    let mut p = Pty::spawn(&["--demo", root], cfg.path(), 120, 32);
    p.wait_text("local-only.txt");
    p.wait_text("欢迎使用 panfm.md");
    p.send("\tg \x15cloud:/文档/工作\r");
    p.wait_text("会议纪要 2024-03-15.md");
    p.send("\t\x18d"); // Tab, C-x d
    p.wait_text("1 only here, 2 differ, 1 only there, 0 same; F5 copies the marked");
    let screen = p.screen();
    assert_eq!(screen.matches("3 marked").count(), 2, "{screen}");
    p.send("q");
    assert!(p.wait_exit());
}
