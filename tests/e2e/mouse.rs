//! The mouse in the real binary: `--mouse`, or `mouse = true` in config.toml, captures it (and
//! lets it go on exit); an SGR click moves the cursor and focuses the pane clicked, a double
//! click opens a folder; the editor gets the terminal without mouse capture, and panfm takes
//! it back after.

use crate::pty::Pty;

/// An SGR mouse report for cell (`col`, `row`), 0-based like the screen; `m` ends a release.
fn sgr(button: u8, col: u16, row: u16, end: char) -> String {
    format!("\x1b[<{button};{};{}{end}", col + 1, row + 1)
}

fn click(col: u16, row: u16) -> String {
    sgr(0, col, row, 'M') + &sgr(0, col, row, 'm')
}

#[cfg(unix)]
#[test]
fn mouse_clicks_focus_select_and_open_and_the_editor_gets_the_mouse_back() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let alpha = format!("{root}/alpha");
    let env = [("EDITOR", "printf 'edited\\n' >>")];
    let mut p = Pty::spawn_with_env(&["--mouse", root, &alpha], cfg.path(), 100, 30, &env);
    p.wait_text("file10.txt");
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    assert!(raw.contains("\x1b[?1000h"), "mouse capture asked for");
    // Left pane (focused, its footer thick) from row 2: alpha/, 照片 2024/, file1.txt,
    // file2.txt, file10.txt.
    p.send(&click(10, 2 + 3));
    p.wait_text("┗ 4/5 of 6"); // the focused pane's footer: on file2.txt

    // Right pane (alpha): inner/, one.txt.
    p.send(&click(60, 2 + 1));
    p.wait_for("the right pane focused on one.txt", |s| {
        s.contains("└ 4/5 of 6") && s.contains("┗ 2/2")
    });
    p.send(&(click(60, 2) + &click(60, 2)));
    p.wait_text("deep.txt");
    let before = p.raw.len();
    p.send("\x1bOS"); // F4 on deep.txt
    p.wait_text("Back from editing deep.txt");
    let during = String::from_utf8_lossy(&p.raw[before..]).into_owned();
    let (off, on) = (during.find("\x1b[?1000l"), during.rfind("\x1b[?1000h"));
    assert!(
        off.is_some() && on > off,
        "released for the editor, taken back after"
    );
    p.send(&click(10, 2 + 4));
    p.wait_text("┗ 5/5 of 6");
    p.send("q");
    assert!(p.wait_exit(), "clean exit status");
    let raw = String::from_utf8_lossy(&p.raw);
    let (on, off) = (raw.rfind("\x1b[?1000h"), raw.rfind("\x1b[?1000l"));
    assert!(off > on, "mouse capture released on exit");
    assert!(p.left_alternate_screen());
}

#[test]
fn mouse_true_in_the_config_turns_it_on() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    std::fs::write(cfg.path().join("config.toml"), "mouse = true\n").unwrap();
    let mut p = Pty::spawn(&[t.path().to_str().unwrap()], cfg.path(), 100, 30);
    p.wait_text("file10.txt");
    p.send(&click(10, 2 + 2));
    p.wait_text("┗ 3/5 of 6"); // on file1.txt
    p.send("q");
    assert!(p.wait_exit());
    assert!(String::from_utf8_lossy(&p.raw).contains("\x1b[?1000h"));
}
