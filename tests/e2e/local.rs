//! Local copies and deletes in the real binary without a cloud account, at 80×24: F5 onto a
//! taken name asks in the queue like any transfer and keeps the source's time; F8 says what a
//! folder holds and moves it to the system trash (a private one, through `XDG_DATA_HOME`).

use crate::pty::Pty;
use std::fs;
use std::time::{Duration, SystemTime};

#[test]
fn f5_onto_a_taken_name_asks_and_f8_offers_the_system_trash() {
    let t = tempfile::tempdir().unwrap();
    let (src, dst, xdg) = (
        t.path().join("src"),
        t.path().join("dst"),
        t.path().join("xdg"),
    );
    for d in [&src, &dst, &xdg] {
        fs::create_dir_all(d).unwrap();
    }
    fs::write(src.join("a.txt"), b"new").unwrap();
    fs::write(dst.join("a.txt"), b"old").unwrap();
    let then = SystemTime::UNIX_EPOCH + Duration::from_secs(1_577_934_245);
    let file = fs::File::options()
        .write(true)
        .open(src.join("a.txt"))
        .unwrap();
    file.set_times(fs::FileTimes::new().set_modified(then))
        .unwrap();
    fs::create_dir_all(src.join("box/in")).unwrap();
    for i in 0..30 {
        fs::write(src.join(format!("box/in/{i}")), [0u8; 100]).unwrap();
    }
    let cfg = tempfile::tempdir().unwrap();
    let args = [src.to_str().unwrap(), dst.to_str().unwrap()];
    let env = [("XDG_DATA_HOME", xdg.to_str().unwrap())];
    let mut p = Pty::spawn_with_env(&args, cfg.path(), 80, 24, &env);
    p.wait_text("a.txt");

    p.send("j\x1b[15~"); // a.txt, F5
    p.wait_text("If a name exists: ask me");
    p.send("y");
    p.wait_text("t to decide");
    p.send("t");
    p.wait_text("name exists: o overwrite");
    p.send("o");
    p.wait_for("the copy done", |s| {
        s.lines()
            .any(|l| l.contains("→ a.txt") && l.contains(" done "))
    });
    assert_eq!(fs::read(dst.join("a.txt")).unwrap(), b"new");
    let mtime = fs::metadata(dst.join("a.txt")).unwrap().modified().unwrap();
    assert_eq!(mtime, then, "the source's modification time");
    p.send("q"); // closes the queue

    p.send("k\x1b[19~"); // box/, F8
    p.wait_text("In all: 30 files in 2 folders, 2.9 KiB");
    p.wait_text("y / Enter: move to the system trash");
    p.send("y");
    p.wait_text("Moved 1 item to the trash");
    assert!(!src.join("box").exists());
    assert!(xdg.join("Trash/files/box/in/29").is_file());
    assert!(xdg.join("Trash/info/box.trashinfo").is_file());
    p.send("q");
    assert!(p.wait_exit());
}
