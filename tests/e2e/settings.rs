//! `config.toml`, a keymap override and a user theme, through the real binary: the remapped
//! key works, the theme's colours reach the terminal, and the other settings show (decimal
//! sizes, size order, the preview panel, a quieter log).

use crate::pty::Pty;
use std::fs;

/// Every 256-colour SGR the program wrote, as `38;5;N` (foreground) or `48;5;N` (background).
fn colour_escapes(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for sgr in text
        .split('\x1b')
        .filter_map(|s| s.strip_prefix('['))
        .filter_map(|s| s.split_once('m').map(|(codes, _)| codes))
    {
        let codes: Vec<&str> = sgr.split(';').collect();
        let mut i = 0;
        while i < codes.len() {
            if matches!(codes[i], "38" | "48") && codes.get(i + 1) == Some(&"5") {
                if let Some(n) = codes.get(i + 2) {
                    found.push(format!("{};5;{n}", codes[i]));
                }
                i += 3;
            } else {
                i += 1;
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn a_remapped_key_and_a_user_theme_over_16_colour_from_the_config_dir() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path();
    fs::create_dir(root.join("alpha")).unwrap();
    fs::create_dir(root.join("beta")).unwrap();
    fs::write(root.join("a-small.txt"), b"x").unwrap();
    fs::write(root.join("z-big.bin"), vec![0u8; 2048]).unwrap();
    fs::write(root.join(".secret"), b"s").unwrap();

    let cfg = tempfile::tempdir().unwrap();
    fs::write(
        cfg.path().join("keymap.toml"),
        "[browse]\nkeymap = [{ on = \"z\", run = \"toggle_hidden\", desc = \"Hidden files\" }]\n",
    )
    .unwrap();
    fs::create_dir(cfg.path().join("themes")).unwrap();
    fs::write(
        cfg.path().join("themes/paper.toml"),
        "inherits = \"16-colour\"\ncursor = { fg = \"black\", bg = \"yellow\" }\n",
    )
    .unwrap();
    fs::write(
        cfg.path().join("config.toml"),
        "theme = \"paper\"\nsize_units = \"decimal\"\nsort = \"size\"\nlog_level = \"warn\"\n\
         preview = true\n",
    )
    .unwrap();

    let dir = root.to_str().unwrap();
    let mut p = Pty::spawn(&["--demo", dir], cfg.path(), 100, 30);
    p.wait_text("z-big.bin");
    let screen = p.screen();
    assert!(screen.contains("2.0 kB"), "decimal units:\n{screen}");
    let pos = |s: &str| screen.find(s).unwrap();
    assert!(
        pos("z-big.bin") < pos("a-small.txt"),
        "largest first:\n{screen}"
    );
    assert!(!screen.contains(".secret"));
    assert!(
        screen.contains(" Preview "),
        "the preview panel at start:\n{screen}"
    );

    p.send("z");
    p.wait_text(".secret");

    // The cursor row (on alpha/, the first entry) has the user theme's yellow background;
    // other folders (beta/) the 16-colour theme's blue.
    let cursor = find_cell(&p, "alpha/");
    assert_eq!(cursor.bgcolor(), vt100::Color::Idx(3), "yellow cursor");
    let escapes = colour_escapes(&p.raw);
    assert!(escapes.iter().any(|e| e == "48;5;3"), "{escapes:?}");
    assert!(
        escapes.iter().any(|e| e == "38;5;4"),
        "blue folders: {escapes:?}"
    );
    assert!(
        !escapes.iter().any(|e| e == "48;5;6"),
        "no trace of the default theme's cyan cursor: {escapes:?}"
    );
    p.send("q");
    assert!(p.wait_exit());

    if std::env::var_os("PANFM_LOG").is_none() {
        let log = fs::read_to_string(cfg.path().join("state/panfm.log")).unwrap_or_default();
        assert!(!log.contains("panfm starting"), "log_level = warn: {log}");
    }
}

fn find_cell(p: &Pty, text: &str) -> vt100::Cell {
    let screen = p.parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    for row in 0..rows {
        let line: String = (0..cols)
            .map(|c| {
                screen
                    .cell(row, c)
                    .map_or(" ".to_owned(), |x| x.contents().to_owned())
            })
            .collect();
        if let Some(at) = line.find(text) {
            let col = line[..at].chars().count() as u16;
            return screen.cell(row, col).unwrap().clone();
        }
    }
    panic!("{text} not on screen:\n{}", p.screen())
}
