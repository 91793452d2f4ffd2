//! Sharing in `panfm --demo`: two marked cloud files shared through the dialog, the link and
//! code read from the screen and from the OSC 52 sequence, then found in the shares panel.

use crate::pty::Pty;
use crate::tree;

#[test]
fn demo_shares_two_marked_files_and_copies_the_link_with_osc52() {
    use base64::Engine;
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 120, 32);
    p.wait_text("数据集/");
    p.send("\tGk  "); // the cloud pane: mark README.txt and 欢迎使用 panfm.md
    p.wait_text("2 marked");
    p.send("P");
    p.wait_for("the share dialog", |s| {
        s.contains("Share from cloud:/") && s.contains("2 entries: README.txt, 欢迎使用 panfm.md")
    });
    p.send("\r");
    p.wait_text("Shared 2 entries: link and code copied");
    let screen = p.screen();
    let shown = screen
        .lines()
        .map(str::trim_end)
        .find(|l| l.starts_with("https://www.123pan.com/s/"))
        .unwrap_or_else(|| panic!("no link on the screen:\n{screen}"))
        .to_owned();
    let (link, code) = shown.split_once(" code: ").expect("the link and its code");
    assert_eq!(link.len(), "https://www.123pan.com/s/".len() + 9, "{shown}");
    assert_eq!(code.len(), 4, "{shown}");
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let len = raw[start..].find('\x07').expect("BEL ends it");
    let copied = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..start + len])
        .unwrap();
    assert_eq!(String::from_utf8(copied).unwrap(), shown);

    p.send("\x1b");
    p.wait_for("popup closed", |s| !s.contains(link));
    p.send("gs");
    p.wait_for("the new share in the panel", |s| {
        s.contains("Shares (5)") && s.contains(link) && s.contains(code)
    });
    p.send("q");
    p.wait_for("panel closed", |s| !s.contains("Shares (5)"));
    p.send("q");
    assert!(p.wait_exit());
}
