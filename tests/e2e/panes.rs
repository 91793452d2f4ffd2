//! Panes in the real binary: starting on a cloud folder named like the titles name it, and
//! `b` bringing each backend back to where the pane was.

use crate::pty::Pty;

#[test]
fn a_pane_starts_on_a_cloud_folder_or_the_nearest_one_above_it() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let deep = "cloud:/照片/2023 旅行 🌴/三亚/第一天/海边 🌊";
    let mut p = Pty::spawn(
        &["--demo", root, &format!("{deep}/不存在")],
        cfg.path(),
        80,
        24,
    );
    p.wait_for("the deepest folder that exists, named in the title", |s| {
        s.contains("日落.heic") && s.contains("cloud:/照片/…/海边 🌊")
    });
    p.wait_text("Showing cloud:/照片/2023 旅行 🌴/三亚/第一天/海边 🌊: 不存在 not found there");
    p.send("\t");
    // Cloud → image space → local (where panfm started) → the same cloud folder again.
    p.send("b");
    p.wait_text("images:/ ");
    p.send("b");
    p.wait_for("the local directory panfm started in", |s| {
        s.matches("file10.txt").count() == 2
    });
    p.send("b");
    p.wait_text("日落.heic");
    p.send("h");
    p.wait_for("the parent, from the trail the lookup built", |s| {
        s.contains("酒店.bmp") && s.contains("海边 🌊/")
    });
    p.send("q");
    assert!(p.wait_exit());

    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", "cloud:/文档/工作", root], cfg.path(), 120, 35);
    p.wait_for("the left pane on the cloud, the right one local", |s| {
        s.contains("cloud:/文档/工作 ") && s.contains("预算表 Q3.xlsx") && s.contains("file10.txt")
    });
    p.send("q");
    assert!(p.wait_exit());
}
