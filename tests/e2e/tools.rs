//! Issue 13's tools in the real binary: the subshell (`C-o`) hands the terminal over and takes
//! it back with the pane listed again, and `p` puts a path on the clipboard with OSC 52.

use crate::pty::Pty;

#[cfg(unix)]
#[test]
fn ctrl_o_runs_a_shell_in_the_local_pane_and_the_pane_shows_what_it_made() {
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let env = [("SHELL", "/bin/sh"), ("PS1", "$ ")];
    let mut p = Pty::spawn_with_env(&[root, &format!("{root}/alpha")], cfg.path(), 80, 24, &env);
    p.wait_text("file10.txt");
    p.send("\x0f"); // C-o
    p.wait_text("type exit to go back to panfm");
    assert!(
        p.left_alternate_screen(),
        "the shell gets the normal screen"
    );
    p.send("touch made-in-shell.txt; exit\r");
    p.wait_for("panfm back, the new file listed", |s| {
        s.contains("Back from the shell") && s.contains("made-in-shell.txt")
    });
    assert!(t.path().join("made-in-shell.txt").exists());
    p.send("j");
    p.wait_for("keys reach panfm again", |s| {
        !s.contains("Back from the shell")
    });
    p.send("q");
    assert!(p.wait_exit());
}

#[test]
fn p_copies_the_cursor_path_with_osc52() {
    use base64::Engine;
    let t = crate::tree();
    let cfg = tempfile::tempdir().unwrap();
    let root = t.path().to_str().unwrap();
    let mut p = Pty::spawn(&[root], cfg.path(), 120, 35);
    p.wait_text("file10.txt");
    p.send("/照片\r");
    p.wait_for("the left pane filtered", |s| {
        s.matches("file10.txt").count() == 1
    });
    p.send("p");
    p.wait_text("Copied 1 path");
    let raw = String::from_utf8_lossy(&p.raw).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let len = raw[start..].find('\x07').expect("BEL ends it");
    let text = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..start + len])
        .unwrap();
    let expected = t.path().join("照片 2024");
    assert_eq!(String::from_utf8(text).unwrap(), expected.to_str().unwrap());
    p.send("\x1b");
    p.wait_for("popup closed", |s| !s.contains("Copied 1 path"));
    p.send("q");
    assert!(p.wait_exit());
}
