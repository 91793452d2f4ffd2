//! End-to-end tests: the real `panfm` binary in a pseudo-terminal, keys typed, screen read.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod compare;
mod edit;
mod local;
mod mouse;
mod palette;
mod panes;
mod preview;
mod pty;
mod settings;
mod shares;
mod tools;
mod viewer;

use pty::Pty;
use std::fs;
use std::time::Duration;

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("alpha/inner")).unwrap();
    fs::create_dir_all(root.join("照片 2024")).unwrap();
    fs::write(root.join("alpha/inner/deep.txt"), b"deep").unwrap();
    fs::write(root.join("alpha/one.txt"), b"1").unwrap();
    fs::write(root.join("照片 2024/春节 🎉.jpg"), vec![0u8; 2048]).unwrap();
    for i in [1, 2, 10] {
        fs::write(root.join(format!("file{i}.txt")), b"x").unwrap();
    }
    fs::write(root.join(".secret"), b"s").unwrap();
    dir
}

#[test]
fn browse_enter_filter_and_quit_restores_terminal() {
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let mut p = Pty::spawn(&[root, &format!("{root}/照片 2024")], cfg.path(), 100, 30);
    p.wait_text("file10.txt");
    // Natural order: file1, file2, file10; dirs first.
    let screen = p.screen();
    let pos = |s: &str| screen.find(s).unwrap();
    assert!(pos("alpha/") < pos("file1.txt") && pos("file2.txt") < pos("file10.txt"));
    assert!(!screen.contains(".secret"), "hidden files start hidden");

    p.send("\r"); // enter alpha (cursor starts on the first entry)
    p.wait_text("one.txt");
    p.wait_text("/alpha");
    p.send("l");
    p.wait_text("deep.txt");
    p.send("h");
    p.wait_for("back in alpha with the cursor on inner", |s| {
        s.contains("one.txt") && s.contains("inner/ ")
    });
    p.send("\x1b[D"); // Left arrow: parent
    p.wait_text("照片 2024/");

    p.send("/file1");
    p.wait_for("filter applied", |s| {
        s.contains("file10.txt") && !s.contains("file2.txt")
    });
    p.send("\x1b"); // Esc in the filter line clears it
    p.wait_text("file2.txt");

    p.send(".");
    p.wait_text(".secret");
    p.send("q");
    assert!(p.wait_exit(), "clean exit status");
    assert!(p.left_alternate_screen(), "alternate screen left on exit");
    let raw = String::from_utf8_lossy(&p.raw);
    assert!(
        !raw.contains("\x1b[?1000"),
        "no mouse capture without --mouse"
    );
    if std::env::var_os("PANFM_LOG").is_none() {
        let log = fs::read_to_string(cfg.path().join("state/panfm.log")).unwrap();
        assert!(log.contains("panfm starting"), "info by default: {log}");
    }
}

#[test]
fn marks_tab_and_help_overlay() {
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let mut p = Pty::spawn(&[root, &format!("{root}/alpha")], cfg.path(), 100, 30);
    p.wait_text("one.txt");
    p.send("G "); // last entry, then Space marks it
    p.wait_text("1 marked");
    p.send("\t");
    p.send("?");
    p.wait_text("Next entry");
    p.send("\x1b[6~"); // PageDown scrolls the help
    p.wait_text("Copy to the other pane");
    p.send("\x1b");
    p.wait_for("help closed", |s| !s.contains("Copy to the other pane"));
    assert!(
        p.screen().contains("* file10.txt"),
        "marks kept:\n{}",
        p.screen()
    );
    p.send("\x1b0"); // Esc 0 = F10 = quit
    assert!(p.wait_exit());
}

#[test]
fn tiny_terminal_message_then_recovery() {
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let mut p = Pty::spawn(&[root], cfg.path(), 100, 30);
    p.wait_text("file10.txt");
    p.resize(40, 10);
    p.wait_text("Terminal too small");
    p.resize(100, 30);
    p.wait_text("file10.txt");
    p.send("q");
    assert!(p.wait_exit());
}

/// The terminal is put back, and the exit status is a signal's, as for the command line:
/// 128 + 15 for SIGTERM, 128 + 1 for SIGHUP (a closed terminal).
#[cfg(unix)]
#[test]
fn sigterm_and_sighup_restore_the_terminal_and_exit_as_signalled() {
    for (signal, status) in [("-TERM", 143), ("-HUP", 129)] {
        let t = tree();
        let cfg = tempfile::tempdir().unwrap();
        let mut p = Pty::spawn(&[t.path().to_str().unwrap()], cfg.path(), 100, 30);
        p.wait_text("file10.txt");
        let sent = std::process::Command::new("kill")
            .args([signal, &p.pid().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        assert_eq!(p.wait_exit_code(), status, "{signal}");
        assert!(
            p.left_alternate_screen(),
            "terminal restored after {signal}"
        );
    }
}

#[test]
fn idle_app_writes_nothing() {
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&[t.path().to_str().unwrap()], cfg.path(), 100, 30);
    p.wait_text("file10.txt");
    p.wait_for("loading finished", |s| !s.contains("loading"));
    // Let the final frame (≤ 16 ms after the last message) flush, then expect silence.
    p.bytes_during(Duration::from_millis(300));
    assert_eq!(
        p.bytes_during(Duration::from_millis(700)),
        0,
        "bytes written while idle"
    );
    p.send("j");
    assert!(
        p.bytes_during(Duration::from_millis(300)) > 0,
        "a key press redraws"
    );
    p.send("q");
    assert!(p.wait_exit());
}

#[test]
fn bad_directory_argument_is_a_clear_error() {
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["/no/such/dir"], cfg.path(), 100, 30);
    assert!(!p.wait_exit(), "non-zero exit");
    assert!(p.screen().contains("/no/such/dir"), "{}", p.screen());
}

#[test]
fn demo_browses_the_cloud_pane() {
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 110, 32);
    p.wait_for("cloud root listed", |s| {
        s.contains("cloud:/ ") && s.contains("数据集/")
    });
    p.wait_text("of 2.0 TiB"); // quota from user/info in the cloud pane's title
    p.send("\t\r"); // focus the cloud pane, open the first directory (数据集)
    p.wait_text("传感器日志 5000/");
    p.send("i");
    p.wait_for("details of the directory", |s| {
        s.contains("Details") && s.contains("everything inside")
    });
    p.send("\x1b");
    p.wait_for("details closed", |s| !s.contains("everything inside"));
    p.send("S");
    p.wait_text("Search the cloud drive");
    p.send("照\r");
    p.wait_for("search results", |s| {
        s.contains("cloud:search 照") && s.contains("照片/")
    });
    p.send("\r");
    p.wait_for("found directory opened at its real path", |s| {
        s.contains("cloud:/照片 ") && s.contains("2024 春节/")
    });
    p.send("q");
    assert!(p.wait_exit());
}

/// Opens /文档/工作 in the demo's cloud pane (focused), three files.
fn demo_work_dir(env: &[(&str, &str)]) -> (Pty, tempfile::TempDir, tempfile::TempDir) {
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_env(
        &["--demo", t.path().to_str().unwrap()],
        cfg.path(),
        120,
        32,
        env,
    );
    p.wait_text("文档/");
    p.send("\t");
    p.send("/文档\r\r");
    p.wait_text("工作/");
    p.send("/工作\r\r");
    p.wait_for("in /文档/工作", |s| {
        s.contains("cloud:/文档/工作 ") && s.contains("预算表 Q3.xlsx")
    });
    (p, t, cfg)
}

#[test]
fn demo_batch_rename_with_preview_then_undo() {
    let (mut p, _t, _cfg) = demo_work_dir(&[]);
    p.send("\x01r"); // C-a marks all, r opens batch rename
    p.wait_text("Rename 3 entries");
    // C-x: regex; find the whole stem (C-o: the name without its extension; the whole name is
    // the default), replace with a counter.
    p.send("\x18^.*$\tdoc-{n}\x0f");
    p.wait_for("preview", |s| {
        s.contains("→ doc-1.docx") && s.contains("3 of 3 entries will be renamed")
    });
    p.send("\r");
    p.wait_for("renamed", |s| {
        s.contains("doc-3.xlsx") && s.contains("Renamed 3 items")
    });
    p.send("U");
    p.wait_text("Undo the rename of 3 entries");
    p.send("y");
    p.wait_for("names back", |s| {
        s.contains("预算表 Q3.xlsx")
            && !s.contains("doc-3.xlsx")
            && s.contains("Undid the rename of 3 entries")
    });
    p.send("U");
    p.wait_text("Nothing to undo");
    p.send("\x19"); // C-y redoes
    p.wait_text("Redo the rename of 3 entries");
    p.send("y");
    p.wait_for("renamed again", |s| {
        s.contains("doc-3.xlsx") && s.contains("Redid the rename of 3 entries")
    });
    p.send("q");
    assert!(p.wait_exit());
}

#[cfg(unix)]
#[test]
fn demo_bulk_rename_in_editor() {
    let (mut p, _t, _cfg) = demo_work_dir(&[("EDITOR", "sed -i s/Q3/Q4/")]);
    p.send("R");
    p.wait_for("editor result previewed", |s| {
        s.contains("→ 预算表 Q4.xlsx") && s.contains("1 of 3 entries")
    });
    p.send("\r");
    p.wait_for("renamed", |s| {
        s.contains("预算表 Q4.xlsx") && s.contains("Renamed 1 item")
    });
    p.send("q");
    assert!(p.wait_exit());
}

/// Issue "Transfers" done-when: mark a local tree, send it to the cloud pane, watch it in the
/// queue, bring it back into another directory and compare bytes.
#[test]
fn demo_uploads_a_tree_and_brings_it_back_identical() {
    let t = tempfile::tempdir().unwrap();
    let src = t.path().join("send");
    fs::create_dir_all(src.join("木/深处")).unwrap();
    let big: Vec<u8> = (0..3_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(src.join("木/深处/big.bin"), &big).unwrap();
    fs::write(src.join("a b.txt"), b"spaces").unwrap();
    fs::write(src.join("empty"), b"").unwrap();
    let back = t.path().join("back");
    fs::create_dir(&back).unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 120, 34);
    p.wait_text("欢迎使用 panfm.md");
    p.send("/send\r"); // filter the left pane to the tree; the cursor is on it
    p.send("\x1b[15~"); // F5: upload to the cloud pane (its root)
    p.wait_text("Upload 1 item to /?");
    p.send("y");
    p.send("t");
    p.wait_for("three uploads done", |s| queue_rows_done(s, "↑") == 3);
    // The status line shows under the queue now: only the rows must not say "failed".
    let screen = p.screen();
    let failed = screen
        .lines()
        .any(|l| l.starts_with("│↑") && l.contains("failed"));
    assert!(!failed, "{screen}");
    // A key right after Esc reads as Alt+key, so wait for each Esc to take effect.
    p.send("\x1b"); // close the queue
    p.wait_for("queue closed", |s| !s.contains("Transfers:"));
    p.send("\t");
    p.send("/send\r"); // cloud pane: filter to the uploaded tree
    p.wait_for("cloud pane filtered", |s| {
        s.contains("/send ") && s.contains("1/1 of")
    });
    p.send("\t");
    p.send("\x1b"); // left pane: clear the filter
    p.wait_text("back/");
    p.send("/back\r\r"); // open `back`
    p.wait_text("Empty directory");
    p.send("\t");
    p.wait_text("┏ cloud:/ ");
    p.send("\x1b[15~");
    p.wait_text("Download 1 item to");
    p.send("y");
    p.send("t");
    p.wait_for("three downloads done", |s| queue_rows_done(s, "↓") == 3);
    p.send("\x1b");
    p.wait_for("queue closed", |s| !s.contains("Transfers:"));
    p.send("q");
    assert!(p.wait_exit());
    assert_eq!(fs::read(back.join("send/木/深处/big.bin")).unwrap(), big);
    assert_eq!(fs::read(back.join("send/a b.txt")).unwrap(), b"spaces");
    assert_eq!(fs::read(back.join("send/empty")).unwrap(), b"");
    let leftovers: Vec<_> = walk(&back)
        .into_iter()
        .filter(|n| n.contains("panfm-part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Rows of the queue panel in direction `arrow` that say "done".
fn queue_rows_done(screen: &str, arrow: &str) -> usize {
    let row = format!("│{arrow} ");
    screen
        .lines()
        .filter(|l| l.starts_with(&row) && l.contains(" done "))
        .count()
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = vec![];
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        out.push(e.file_name().to_string_lossy().into_owned());
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        }
    }
    out
}

#[test]
fn a_keymap_naming_an_unknown_command_stops_startup_with_a_clear_message() {
    let cfg = tempfile::tempdir().unwrap();
    let keymap = "[browse]\nkeymap = [{ on = \"x\", run = \"launch_rockets\", desc = \"no\" }]\n";
    fs::write(cfg.path().join("keymap.toml"), keymap).unwrap();
    let mut p = Pty::spawn(&["/"], cfg.path(), 100, 30);
    assert!(!p.wait_exit(), "non-zero exit");
    let screen = p.screen();
    assert!(
        screen.contains("keymap.toml") && screen.contains("launch_rockets"),
        "{screen}"
    );
}

#[test]
fn demo_images_pane_copies_markdown_links_with_osc52() {
    use base64::Engine;
    let t = tree();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 120, 32);
    p.wait_text("数据集/");
    p.send("\tb"); // focus the cloud pane, switch it to the image space
    p.wait_for("image root listed", |s| {
        s.contains("images:/ ") && s.contains("blog/") && s.contains("banner.png")
    });
    p.send("/blog\r\r");
    p.wait_for("in /blog", |s| {
        s.contains("images:/blog ") && s.contains("hello-world.png") && s.contains("logo.svg")
    });
    p.send("j  "); // past 2024/, mark both images
    p.wait_text("2 marked");
    p.send("Y");
    p.wait_text("Copied 2 links as Markdown");
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let len = raw[start..].find('\x07').expect("BEL ends it");
    let text = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..start + len])
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("![hello-world.png](http://127.0.0.1:"),
        "{text}"
    );
    assert!(
        lines[0].ends_with(".png)") && lines[1].ends_with(".svg)"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("![logo.svg](http://127.0.0.1:"),
        "{text}"
    );
    // The popup shows the same lines for terminals without OSC 52.
    let screen = p.screen();
    assert!(screen.lines().any(|l| l.trim_end() == lines[0]), "{screen}");
    p.send("\x1b");
    p.wait_for("popup closed", |s| !s.contains("![logo.svg]"));
    p.send("q");
    assert!(p.wait_exit());
}

/// A full disk during a download (injected: the debug binary honours `PANFM_FAULT_DISK`) fails
/// those files with a plain reason in the queue, keeps their part files, lets the small file
/// through, and the app keeps working and exits cleanly.
#[test]
fn a_full_disk_fails_downloads_in_the_queue_without_a_panic() {
    let t = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_env(
        &["--demo", t.path().to_str().unwrap()],
        cfg.path(),
        160,
        34,
        &[("PANFM_FAULT_DISK", "enospc:100000")],
    );
    p.wait_text("欢迎使用 panfm.md");
    p.send("\t");
    p.send("/音乐\r\r"); // open 音乐 🎵
    p.wait_text("稻香.mp3");
    p.send("\x01"); // C-a: mark the four songs and the playlist
    p.wait_text("5 marked");
    p.send("\x1b[15~"); // F5: download into the local pane
    p.wait_text("Download 5 items (");
    p.send("y");
    p.send("t");
    p.wait_for("the playlist done, the songs failed", |s| {
        queue_rows_done(s, "↓") == 1 && s.matches("no space left on device").count() >= 4
    });
    assert!(!p.screen().contains("panicked"), "{}", p.screen());
    p.send("\x1b");
    p.wait_for("queue closed", |s| !s.contains("Transfers:"));
    p.send("q");
    assert!(p.wait_exit(), "clean exit");
    assert!(p.left_alternate_screen());
    let names = walk(t.path());
    assert!(names.iter().any(|n| n == "歌单.m3u"), "{names:?}");
    let parts = names.iter().filter(|n| n.ends_with(".panfm-part")).count();
    assert_eq!(parts, 4, "{names:?}");
    assert!(!names.iter().any(|n| n == "稻香.mp3"), "{names:?}");
}

/// Issue 13 items 9 and 10 at 80×24: the upload question lists the names the cloud forbids,
/// deep in the tree too, before anything starts; `f` fixes them; the queue then shows each
/// file's path below the batch's root in natural order, and `i` the selected job's details.
#[test]
fn demo_upload_question_lists_refused_names_and_the_queue_shows_paths() {
    let t = tempfile::tempdir().unwrap();
    let src = t.path().join("send");
    fs::create_dir_all(src.join("子目录")).unwrap();
    for name in [
        "a:b.txt",
        "子目录/q?.txt",
        "子目录/f10.txt",
        "子目录/f2.txt",
    ] {
        fs::write(src.join(name), name).unwrap();
    }
    let cfg = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(&["--demo", t.path().to_str().unwrap()], cfg.path(), 80, 24);
    p.wait_text("欢迎使用 panfm.md");
    p.send("/send\r");
    p.send("\x1b[15~");
    p.wait_for("every refusal listed before anything starts", |s| {
        s.contains("Refused, not sent (2)")
            && s.contains("send/a:b.txt: the name contains the forbidden")
            && s.contains("send/子目录/q?.txt: the name contains")
    });
    p.send("f");
    p.wait_text("the cloud takes them all");
    p.send("y");
    p.send("t");
    p.wait_for("four uploads done", |s| queue_rows_done(s, "↑") == 4);
    let screen = p.screen();
    let rows: Vec<&str> = screen.lines().filter(|l| l.starts_with("│↑ ")).collect();
    let paths: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.split_whitespace().nth(1))
        .collect();
    assert_eq!(
        paths,
        [
            "send/a：b.txt",
            "send/子目录/f2.txt",
            "send/子目录/f10.txt",
            "send/子目录/q？.txt"
        ],
        "{screen}"
    );
    p.send("G");
    p.send("i");
    p.wait_for("details of the selected job", |s| {
        s.contains("To     cloud:/send/子目录/q？.txt") && s.contains("From   ")
    });
    p.send("\x1b"); // closes the details first
    p.wait_for("details closed", |s| {
        !s.contains("Details (i: close)") && s.contains("Transfers:")
    });
    p.send("\x1b");
    p.wait_for("queue closed", |s| !s.contains("Transfers:"));
    p.send("q");
    assert!(p.wait_exit());
}
