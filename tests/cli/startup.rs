//! Start-up mistakes a user can make — a mistyped subcommand, a pane directory that isn't
//! there, a bad keymap.toml, --config-dir or --api-base, no terminal for the TUI — end in one
//! plain `panfm: …` line and exit status 2: no error report, no source location, no backtrace,
//! no colours on a pipe.

use crate::common::Run;
use std::path::Path;

/// `panfm ARGS` in `dir`, with backtraces asked for (they must not show) and no account.
fn panfm(dir: &Path, config: &Path, args: &[&str]) -> Run {
    std::process::Command::new(env!("CARGO_BIN_EXE_panfm"))
        .current_dir(dir)
        .env("PANFM_CONFIG_DIR", config)
        .env("RUST_BACKTRACE", "1")
        .env_remove("PANFM_API_BASE")
        .env_remove("PANFM_CLIENT_ID")
        .env_remove("PANFM_CLIENT_SECRET")
        .env_remove("PANFM_ACCESS_TOKEN")
        .env_remove("NO_COLOR")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
        .into()
}

fn one_plain_line(run: &Run, expected: &str) {
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    assert_eq!(run.stderr, format!("panfm: {expected}\n"), "{run:?}");
}

#[test]
fn a_mistyped_subcommand_is_named_not_taken_for_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let run = panfm(dir.path(), cfg.path(), &["lss", "/"]);
    one_plain_line(
        &run,
        "lss: no such directory (did you mean the subcommand ls?)",
    );
    // clap alone would complain about the `.` only.
    let run = panfm(dir.path(), cfg.path(), &["--demo", "donwload", "/a", "."]);
    one_plain_line(
        &run,
        "donwload: no such directory (did you mean the subcommand download?)",
    );
    let run = panfm(dir.path(), cfg.path(), &["no-such-dir"]);
    one_plain_line(&run, "no-such-dir: no such directory");
    std::fs::write(dir.path().join("f"), "").unwrap();
    one_plain_line(&panfm(dir.path(), cfg.path(), &["f"]), "f: not a directory");
    // A directory of that name is a directory: the TUI would start (here it has no terminal).
    std::fs::create_dir(dir.path().join("lss")).unwrap();
    let run = panfm(dir.path(), cfg.path(), &["lss"]);
    assert!(run.stderr.contains("needs a terminal"), "{run:?}");
}

#[test]
fn a_bad_keymap_stops_the_tui_with_its_place_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let keymap = cfg.path().join("keymap.toml");
    std::fs::write(
        &keymap,
        "[browse]\nkeymap = [{ on = \"x\", run = \"fly\" }]\n",
    )
    .unwrap();
    let run = panfm(dir.path(), cfg.path(), &["."]);
    one_plain_line(
        &run,
        &format!(
            "invalid keymap: {}:2:29: unknown variant `fly` (`panfm keymap` prints every \
             layer and command)",
            keymap.display()
        ),
    );
    std::fs::write(&keymap, "[browse\n").unwrap();
    let run = panfm(dir.path(), cfg.path(), &["."]);
    assert_eq!((run.code, run.stderr.lines().count()), (2, 1), "{run:?}");
    assert!(run.stderr.contains("keymap.toml:1:8: "), "{run:?}");
}

#[test]
fn a_bad_config_dir_or_api_base_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "").unwrap();
    let shown = file.display().to_string();
    for args in [vec!["."], vec!["ls", "/"]] {
        let run = panfm(dir.path(), &file, &args);
        one_plain_line(
            &run,
            &format!(
                "the config directory {shown} (--config-dir or PANFM_CONFIG_DIR) is not a \
                 directory"
            ),
        );
    }
    let cfg = tempfile::tempdir().unwrap();
    for args in [
        vec!["--api-base", "open-api.123pan.com", "ls"],
        vec!["--api-base", "ftp://x", "."],
    ] {
        let run = panfm(dir.path(), cfg.path(), &args);
        assert_eq!((run.code, run.stderr.lines().count()), (2, 1), "{run:?}");
        assert!(run.stderr.starts_with("panfm: bad API base \""), "{run:?}");
        assert!(run.stderr.contains("expected one like https://"), "{run:?}");
    }
}

#[test]
fn the_tui_without_a_terminal_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let run = panfm(dir.path(), cfg.path(), &["."]);
    one_plain_line(
        &run,
        "the two-pane view needs a terminal and stdout is not one; for scripts use the \
         subcommands (panfm --help)",
    );
}
